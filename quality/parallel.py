"""Audit documents in worker processes, yielding Reports in input order."""
from __future__ import annotations

import multiprocessing as mp
from typing import Callable, Iterable, Iterator

from .model import Document, Report

_STATE: tuple = (None, None)


def _init(auditor, view) -> None:
    global _STATE
    _STATE = (auditor, view)


def _audit(doc: Document) -> Report:
    auditor, view = _STATE
    return auditor.audit(doc, view)


def audit_parallel(auditor, docs: Iterable[Document], jobs: int, view=None,
                   chunksize: int = 8) -> Iterator[Report]:
    """The Auditor is pickled once per worker (it ships as config + gazetteer file list),
    with the corpus evidence when there is any. Reports come back in input order."""
    with mp.get_context().Pool(jobs, initializer=_init, initargs=(auditor, view)) as pool:
        yield from pool.imap(_audit, docs, chunksize=chunksize)


def audit_stream(auditor, source: Callable[[], Iterable[Document]], jobs: int = 1) -> Iterator[Report]:
    """`auditor.audit_corpus(source)` spread over `jobs` processes: the corpus pass runs here,
    the audits in the workers; the same Reports in the same order as with one process."""
    if jobs <= 1:
        yield from auditor.audit_corpus(source)
        return
    view = None
    if auditor.config.corpus:
        stats = auditor.gather(source())
        view = stats.finalize() if stats.documents > 1 else None
    yield from audit_parallel(auditor, source(), jobs, view)
