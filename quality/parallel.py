"""Audit documents in worker processes, yielding Reports in input order.

Both passes of corpus mode run in the workers: each gathers CorpusStats over batches of
documents and the parent merges them (the merge is exact: counts add up, and a document key
seen before is dropped before dispatch, as `CorpusStats.add` would drop it), then the workers
audit with the merged evidence. Where processes fork, the parent loads the gazetteer index and
the word tables once before starting them, so the workers share those pages instead of each
building its own.
"""
from __future__ import annotations

import multiprocessing as mp
from typing import Callable, Iterable, Iterator, Optional

from .corpus import CorpusStats, _doc_key
from .model import Document, Report

_STATE: tuple = (None, None)
# Documents per first-pass task: large enough that the returned statistics are a small
# fraction of the text sent, small enough to keep both workers busy.
GATHER_BATCH = 64


def _init(auditor, view) -> None:
    global _STATE
    _STATE = (auditor, view)


def _audit(doc: Document) -> Report:
    auditor, view = _STATE
    return auditor.audit(doc, view)


def _gather(batch: list[Document]) -> CorpusStats:
    return CorpusStats().add_all(batch)


def _pool(jobs: int, auditor=None, view=None):
    ctx = mp.get_context()
    if auditor is not None and ctx.get_start_method() == "fork":
        auditor.warm()  # forked workers inherit the loaded tables
    return ctx.Pool(jobs, initializer=_init, initargs=(auditor, view))


def _batches(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    seen: set[str] = set()
    batch: list[Document] = []
    for doc in docs:
        if doc.error is not None:
            continue
        key = _doc_key(doc)
        if key in seen:
            continue  # a repeated key counts once, in its first place (as in CorpusStats.add)
        seen.add(key)
        batch.append(doc)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def gather_parallel(docs: Iterable[Document], jobs: int, batch: int = GATHER_BATCH,
                    meanwhile: Optional[Callable[[], object]] = None) -> CorpusStats:
    """CorpusStats over `docs`, gathered in `jobs` processes and merged: equal to
    `CorpusStats().add_all(docs)`. `meanwhile` runs here once the workers have their tasks,
    instead of this process waiting for their first results."""
    stats = CorpusStats()
    with _pool(jobs) as pool:
        parts = pool.imap(_gather, _batches(docs, batch))
        if meanwhile is not None:
            meanwhile()
        for part in parts:
            stats.merge(part)
    return stats


def _records_table():
    return _STATE[1]._tables


def prepare_parallel(view):
    """`view.prepare()`, its two halves at once where processes fork: the table read from
    the per-document records (the larger half) in a worker, the tables of the counts here."""
    if mp.get_start_method() != "fork":
        return view.prepare()
    with _pool(1, None, view) as pool:
        pending = pool.apply_async(_records_table)
        for name in view.COUNT_TABLES:
            getattr(view, name)
        return view.prepare({"_tables": pending.get()})


def audit_parallel(auditor, docs: Iterable[Document], jobs: int, view=None,
                   chunksize: int = 8) -> Iterator[Report]:
    """The Auditor is pickled once per worker (it ships as config + gazetteer file list),
    with the corpus evidence when there is any. Reports come back in input order."""
    with _pool(jobs, auditor, view) as pool:
        yield from pool.imap(_audit, docs, chunksize=chunksize)


def audit_stream(auditor, source: Callable[[], Iterable[Document]], jobs: int = 1) -> Iterator[Report]:
    """`auditor.audit_corpus(source)` spread over `jobs` processes: both corpus passes run in
    the workers; the same Reports in the same order as with one process."""
    if jobs <= 1:
        yield from auditor.audit_corpus(source)
        return
    view = None
    if auditor.config.corpus:
        # the tables the forked audit workers will share load while the first pass runs
        warm = auditor.warm if mp.get_start_method() == "fork" else None
        stats = auditor.corpus_stats or gather_parallel(source(), jobs, meanwhile=warm)
        # the corpus-wide tables are built here once, not in every worker
        view = prepare_parallel(stats.finalize()) if stats.documents > 1 else None
    yield from audit_parallel(auditor, source(), jobs, view)
