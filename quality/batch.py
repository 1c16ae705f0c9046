"""Audit a batch of records held as columns: the one function that dataframe engines call.

A batch is a mapping from column name to a sequence of values (a Hugging Face `datasets`
batch, a Ray Data batch, a dict of lists). `batch_audit` returns the same mapping with three
columns added, one value per row:

  * `quality_score`: the document's score (0..100);
  * `quality_language`: the detected language code, or None;
  * `quality_findings`: the findings as the JSON output contract's finding objects.

    dataset.map(quality.batch_audit, batched=True)                    # Hugging Face datasets
    dataset.map(quality.batch_audit, batched=True,
                fn_kwargs={"auditor": auditor, "corpus": view})        # own config, corpus mode

A row whose text is missing or not a string gets the unreadable-input finding (IN01), not an
exception: one bad record never stops a job. Corpus mode needs the statistics of the whole
dataset first: build them with `batch_stats` over every batch, `merge` them, `finalize()`,
and pass the view as `corpus`. Without it each row is audited alone.
"""
from __future__ import annotations

from typing import Any, Mapping, Optional

from .audit import Auditor
from .corpus import CorpusStats, CorpusView
from .model import Document

COLUMNS = ("quality_score", "quality_language", "quality_findings")
_DEFAULT: Optional[Auditor] = None


def default_auditor() -> Auditor:
    """One Auditor per process, built on first use (it loads the gazetteer)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Auditor()
    return _DEFAULT


def batch_documents(batch: Mapping[str, Any], text_column: str = "text",
                    id_column: Optional[str] = None) -> list[Document]:
    """The batch's rows as Documents; a missing or non-string text is an input error."""
    if text_column not in batch:
        raise KeyError(f"the batch has no column '{text_column}' "
                       f"(columns: {', '.join(map(str, batch))})")
    texts = batch[text_column]
    ids = batch[id_column] if id_column else (None,) * len(texts)
    docs = []
    for value, rid in zip(texts, ids):
        rid = None if rid is None else str(rid.item() if hasattr(rid, "item") else rid)
        if isinstance(value, bytes):
            value = value.decode("utf-8", "replace")
        if not isinstance(value, str):
            what = "missing or null" if value is None else "not a string"
            docs.append(Document("", None, rid, f"field '{text_column}' is {what}"))
        else:
            docs.append(Document(str(value), None, rid))
    return docs


def batch_stats(batch: Mapping[str, Any], text_column: str = "text",
                id_column: Optional[str] = None) -> CorpusStats:
    """The corpus statistics of one batch (merge those of every batch for the whole)."""
    return CorpusStats().add_all(batch_documents(batch, text_column, id_column))


def batch_audit(batch: Mapping[str, Any], auditor: Optional[Auditor] = None,
                corpus: Optional[CorpusView] = None, text_column: str = "text",
                id_column: Optional[str] = None) -> dict[str, list]:
    """The batch with `quality_score`, `quality_language` and `quality_findings` added."""
    auditor = auditor or default_auditor()
    scores, languages, findings = [], [], []
    for doc in batch_documents(batch, text_column, id_column):
        report = auditor.audit(doc, corpus)
        scores.append(float(report.score))
        languages.append(report.language)
        findings.append(report.to_dict()["findings"])
    out = dict(batch)
    out.update(zip(COLUMNS, (scores, languages, findings)))
    return out
