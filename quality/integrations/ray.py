"""Audit a Ray Dataset: `audit_dataset(ds)` returns it with the quality columns added.

Install with the extra: `pip install 'quality[ray]'`.

    import ray, quality
    from quality.integrations.ray import audit_dataset

    ray.init(address="auto")
    ds = ray.data.read_parquet("s3://bucket/news/")            # or read_json for JSONL
    out = audit_dataset(ds, config=quality.Config(ignore=("RW",)), concurrency=8)
    out.write_parquet("s3://bucket/news-audited/")

Corpus mode (on unless the config turns it off) is two passes over the dataset:
  1. statistics: `map_batches` turns each batch into its CorpusStats (serialised, one row per
     batch); the rows are merged by remote tasks in a tree (`fan_in` at a time), never
     gathered on the driver; the merged statistics are finalised once, and the view is put
     in the object store once;
  2. audit: an actor pool (`concurrency` actors) builds one Auditor per actor, fetches the
     view once, and audits batch after batch with `quality.batch_audit`.
The added columns are those of `quality.batch_audit`: `quality_score`, `quality_language`
and `quality_findings` (a list of the JSON output contract's finding objects).
"""
from __future__ import annotations

from typing import Any, Optional

try:
    import pyarrow as pa
    import ray
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError("quality.integrations.ray needs Ray Data: pip install 'quality[ray]'") from exc

from ..audit import Auditor
from ..batch import batch_audit, batch_documents
from ..config import Config
from ..corpus import CorpusStats
from ..gazetteer import Gazetteer
from ..model import Document, Finding, Report, Severity

def _finding_type() -> "pa.DataType":
    """The Arrow struct of a finding object of the output contract, derived from
    `Report.to_dict` itself so the columns follow the contract."""
    sample = Finding("XX00", "x", "name", Severity.WARNING, "m", 0, 1, "x", "y", 1.0, "safe")
    row = Report(Document("x"), (sample,), 50.0, (50.0,)).to_dict()["findings"][0]
    kinds = {bool: pa.bool_(), int: pa.int64(), float: pa.float64()}
    return pa.struct([(k, kinds.get(type(v), pa.string())) for k, v in row.items()])


FINDING_TYPE = _finding_type()
_STATS = "quality_stats"


def _stats_batch(batch: pa.Table, text_column: str, id_column: Optional[str]) -> pa.Table:
    docs = batch_documents(batch.to_pydict(), text_column, id_column)
    blob = CorpusStats().add_all(docs).to_json()
    return pa.table({_STATS: pa.array([blob], pa.large_string())})


def _merge_blocks(*blocks: pa.Table) -> str:
    """Merge serialised statistics (rows of stats blocks, or earlier merges) into one."""
    total = CorpusStats()
    for block in blocks:
        blobs = [block] if isinstance(block, str) else block.column(_STATS).to_pylist()
        for blob in blobs:
            total.merge(CorpusStats.from_json(blob))
    return total.to_json()


def _finalize(blob: str):
    stats = CorpusStats.from_json(blob)
    if stats.documents < 2:
        return None
    view = stats.finalize()
    view.prepare()  # compute the shared tables once, here, not in every actor
    return view


class _Audit:
    """One per actor: the Auditor is built, and the corpus view fetched, once."""

    def __init__(self, auditor: Auditor, view_ref: list, text_column: str,
                 id_column: Optional[str]):
        self.auditor = auditor
        self.view = ray.get(view_ref[0]) if view_ref else None
        self.text_column, self.id_column = text_column, id_column

    def __call__(self, batch: pa.Table) -> pa.Table:
        out = batch_audit(batch.to_pydict(), self.auditor, self.view, self.text_column,
                          self.id_column)
        return batch.append_column("quality_score", pa.array(out["quality_score"], pa.float64())) \
            .append_column("quality_language", pa.array(out["quality_language"], pa.string())) \
            .append_column("quality_findings",
                           pa.array(out["quality_findings"], pa.list_(FINDING_TYPE)))


def corpus_stats(ds: "ray.data.Dataset", text_column: str = "text",
                 id_column: Optional[str] = None, fan_in: int = 8,
                 concurrency: Optional[int] = None) -> "ray.ObjectRef":
    """The first pass: a reference to the dataset's merged CorpusStats (serialised)."""
    stats = ds.map_batches(_stats_batch, batch_format="pyarrow", concurrency=concurrency,
                           fn_kwargs={"text_column": text_column, "id_column": id_column})
    merge = ray.remote(_merge_blocks)
    refs = list(stats.to_arrow_refs())
    if not refs:
        return ray.put(CorpusStats().to_json())
    while len(refs) > 1:
        refs = [merge.remote(*refs[i:i + fan_in]) for i in range(0, len(refs), fan_in)]
    return merge.remote(refs[0])


def audit_dataset(ds: "ray.data.Dataset", config: Optional[Config] = None,
                  gazetteer: Optional[Gazetteer] = None, text_column: str = "text",
                  id_column: Optional[str] = None, concurrency: Any = None,
                  num_cpus: float = 1, batch_size: Optional[int] = 256,
                  stats: Any = None) -> "ray.data.Dataset":
    """`ds` with `quality_score`, `quality_language` and `quality_findings` added (lazily, as
    Ray Data does: nothing runs until the result is consumed, except the statistics pass).

    `id_column` names a column that identifies rows (recommended: without it, rows are told
    apart by their text, so exact duplicates count once in the corpus statistics). `stats`
    skips the first pass: a CorpusStats (merged or loaded) or a reference to its JSON.

    `concurrency` is the number of auditing actors (an int, or (min, max) to let Ray scale
    the pool; None lets Ray decide) and `num_cpus` the CPUs each reserves. On a small runtime
    keep concurrency x num_cpus below its CPUs, or the read tasks wait for a CPU that the
    actors hold (two actors at num_cpus=0.5 on two CPUs keep both cores auditing)."""
    auditor = Auditor(config, gazetteer)  # ConfigError here, on the driver, if the config is bad
    view_ref: list = []
    if auditor.config.corpus:
        if stats is None:
            stats = corpus_stats(ds, text_column, id_column)
        elif isinstance(stats, CorpusStats):
            stats = ray.put(stats.to_json())
        view = ray.remote(_finalize).remote(stats)
        view_ref = [view]
    return ds.map_batches(
        _Audit, batch_format="pyarrow", batch_size=batch_size, concurrency=concurrency,
        num_cpus=num_cpus,
        fn_constructor_kwargs={"auditor": auditor, "view_ref": view_ref,
                               "text_column": text_column, "id_column": id_column})
