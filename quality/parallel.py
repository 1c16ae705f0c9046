"""Audit documents in worker processes, yielding Reports in input order."""
from __future__ import annotations

import multiprocessing as mp
from typing import Iterable, Iterator

from .model import Document, Report

_AUDITOR = None


def _init(auditor) -> None:
    global _AUDITOR
    _AUDITOR = auditor


def _audit(doc: Document) -> Report:
    return _AUDITOR.audit(doc)


def audit_parallel(auditor, docs: Iterable[Document], jobs: int,
                   chunksize: int = 8) -> Iterator[Report]:
    """The Auditor is pickled once per worker (it ships as config + gazetteer file list)."""
    ctx = mp.get_context("spawn" if mp.get_start_method(allow_none=True) == "spawn" else None)
    with ctx.Pool(jobs, initializer=_init, initargs=(auditor,)) as pool:
        yield from pool.imap(_audit, docs, chunksize=chunksize)
