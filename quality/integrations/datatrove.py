"""datatrove pipeline steps: annotate documents with their quality audit, or filter them.

Install with the extra: `pip install 'quality[datatrove]'`.

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from quality.integrations.datatrove import QualityAnnotator, QualityFilter

    LocalPipelineExecutor(pipeline=[
        JsonlReader("data/in"),
        QualityAnnotator(),                                  # doc.metadata["quality_score"], ...
        QualityFilter(min_score=60, rules=("BP", "SC02"),
                      exclusion_writer=JsonlWriter("data/dropped")),
        JsonlWriter("data/kept"),
    ], tasks=4).run()

`QualityAnnotator` adds `quality_score`, `quality_language` and `quality_findings` (the JSON
output contract's finding objects) to `doc.metadata`. `QualityFilter` drops a document that
scores below `min_score` or has a finding of one of `rules` (codes, prefixes, names or
categories, as `--select` takes them); the reason (`quality_score_below_60`,
`quality_rule_BP01`) goes to datatrove's drop statistics and, with an `exclusion_writer`, to the
dropped document's `metadata["filter_reason"]`. It reuses the annotator's results when the
document carries them.

Corpus mode: a first pipeline with `QualityStats(folder)` writes each task's statistics to
`folder`; steps given `stats=folder` merge them (once per task) and audit with the corpus
evidence. Without `stats` each document is audited alone.
"""
from __future__ import annotations

import os
from typing import Iterable, Optional, Sequence

try:
    from datatrove.data import Document as DTDocument, DocumentsPipeline
    from datatrove.pipeline.base import PipelineStep
    from datatrove.pipeline.filters.base_filter import BaseFilter
    from datatrove.pipeline.writers.disk_base import DiskWriter
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError("quality.integrations.datatrove needs datatrove: "
                      "pip install 'quality[datatrove]'") from exc

from ..audit import Auditor, matches
from ..config import Config
from ..corpus import CorpusStats, CorpusView
from ..gazetteer import Gazetteer
from ..model import Document
from ..rules import ALL_RULES


def _document(doc: DTDocument) -> Document:
    if not isinstance(doc.text, str):
        return Document("", None, str(doc.id), "the document has no text")
    return Document(doc.text, None, None if doc.id is None else str(doc.id))


def load_stats(stats: "CorpusStats | str | os.PathLike | None") -> Optional[CorpusStats]:
    """A CorpusStats as given, or the merge of every `*.json` statistics file in a folder (or
    one such file)."""
    if stats is None or isinstance(stats, CorpusStats):
        return stats
    path = os.fspath(stats)
    files = sorted(os.path.join(path, f) for f in os.listdir(path) if f.endswith(".json")) \
        if os.path.isdir(path) else [path]
    total = CorpusStats()
    for name in files:
        with open(name, encoding="utf-8") as fh:
            total.merge(CorpusStats.from_json(fh.read()))
    return total


class _Audits:
    """The Auditor and corpus view of a step, built on first use in each task (steps are
    pickled to the tasks; the Auditor pickles as its config and gazetteer file names)."""

    def __init__(self, config: Optional[Config], gazetteer: Optional[Gazetteer], stats):
        self.auditor = Auditor(config, gazetteer)  # a bad config fails here, when building
        self.stats = stats
        self._view: "CorpusView | None | bool" = False

    @property
    def view(self) -> Optional[CorpusView]:
        if self._view is False:
            stats = load_stats(self.stats) if self.auditor.config.corpus else None
            self._view = stats.finalize() if stats is not None and stats.documents > 1 else None
        return self._view

    def annotate(self, doc: DTDocument) -> dict:
        if "quality_score" not in doc.metadata:
            report = self.auditor.audit(_document(doc), self.view)
            doc.metadata["quality_score"] = float(report.score)
            doc.metadata["quality_language"] = report.language
            doc.metadata["quality_findings"] = report.to_dict()["findings"]
        return doc.metadata


class QualityStats(PipelineStep):
    """Corpus pass: gathers the statistics of the documents it sees and writes them to
    `folder/NNNNN.json` (one file per task); documents pass through unchanged."""

    name = "quality statistics"
    type = "📊 - STATS"

    def __init__(self, folder: str):
        super().__init__()
        self.folder = folder

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        stats = CorpusStats()
        for doc in data or ():
            stats.add(_document(doc))
            self.stat_update("documents")
            yield doc
        os.makedirs(self.folder, exist_ok=True)
        tmp = os.path.join(self.folder, f".{rank:05d}.json.tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(stats.to_json())
        os.replace(tmp, os.path.join(self.folder, f"{rank:05d}.json"))


class QualityAnnotator(PipelineStep):
    """Adds `quality_score`, `quality_language` and `quality_findings` to `doc.metadata`."""

    name = "quality annotator"
    type = "🏷 - ANNOTATOR"

    def __init__(self, config: Optional[Config] = None, gazetteer: Optional[Gazetteer] = None,
                 stats: "CorpusStats | str | None" = None):
        super().__init__()
        self.audits = _Audits(config, gazetteer, stats)

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        for doc in data or ():
            with self.track_time():
                self.audits.annotate(doc)
            self.stat_update("annotated")
            yield doc


class QualityFilter(BaseFilter):
    """Drops documents scoring below `min_score` or with a finding of one of `rules`."""

    name = "quality filter"

    def __init__(self, min_score: Optional[float] = None, rules: Sequence[str] = (),
                 config: Optional[Config] = None, gazetteer: Optional[Gazetteer] = None,
                 stats: "CorpusStats | str | None" = None,
                 exclusion_writer: Optional[DiskWriter] = None):
        super().__init__(exclusion_writer)
        rules = (rules,) if isinstance(rules, str) else tuple(rules)
        unknown = [s for s in rules if s.strip() and not any(matches(r, [s]) for r in ALL_RULES)]
        if unknown:
            raise ValueError(f"unknown rule selector(s): {', '.join(unknown)}")
        self.min_score = min_score
        self.rules = rules
        self.audits = _Audits(config, gazetteer, stats)

    def filter(self, doc: DTDocument) -> "bool | tuple[bool, str]":
        meta = self.audits.annotate(doc)
        if self.min_score is not None and meta["quality_score"] < self.min_score:
            return False, f"quality_score_below_{self.min_score:g}"
        codes = _codes(meta["quality_findings"])
        for code in codes:
            rule = next((r for r in ALL_RULES if r.code == code), None)
            if rule is not None and matches(rule, self.rules):
                return False, f"quality_rule_{code}"
        return True


def _codes(findings: Iterable[dict]) -> list[str]:
    return sorted({f["code"] for f in findings})
