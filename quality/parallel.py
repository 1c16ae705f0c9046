"""Audit documents in worker processes, yielding Reports in input order."""
from __future__ import annotations

import multiprocessing as mp
from typing import Iterable, Iterator

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
