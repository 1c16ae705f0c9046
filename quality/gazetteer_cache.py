"""A large gazetteer's built tables kept on disk: indexed once per machine, not once per run.

Indexing 100,000 names (reading the files, the lookup index, the rules' tables of names:
`gazetteer.TABLES`) costs about 3 s of CPU; loading what it built costs about half a second.
A pre-commit hook, or a worker process given a few documents, would otherwise spend most of
its time indexing. So a gazetteer whose files total at least MIN_BYTES is saved, once built,
to the cache folder (`lexicon.cache_dir()`: `$QUALITY_CACHE_DIR`, else
`$XDG_CACHE_HOME/quality`, else ~/.cache/quality), and later runs load it instead.

Policy:
- The file is named by a digest of everything the tables are made of: the path and bytes of
  every source file, and the package's own code and data files. Editing a gazetteer file,
  upgrading or editing the package gives another name: an old file is never read for a new
  gazetteer.
- Smaller gazetteers (the built-in one) are built in each run: that is as fast as reading a
  file. So are gazetteers holding entries given in memory (`Gazetteer(entries=...)`).
- A cache that cannot be read or written is ignored: the tables are built as without it. Files
  are written atomically (a temporary file renamed), and at most KEEP are kept, those used
  least recently removed.
- The file is a pickle, read only from the user's own cache folder.
"""
from __future__ import annotations

import gc
import hashlib
import os
import pickle
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

from .lexicon import cache_dir, write_atomically

# Gazetteers whose source files total fewer bytes are built in each run.
MIN_BYTES = 1_000_000
# Cache files kept at most (each about 20 MB for 100,000 names).
KEEP = 4
_FORMAT = 1
_PACKAGE = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def _package_digest() -> bytes:
    """A digest of the package's code and data files (their paths and bytes)."""
    h = hashlib.blake2b(digest_size=16)
    for path in sorted(_PACKAGE.rglob("*")):
        if path.is_file() and path.suffix != ".pyc":
            h.update(str(path.relative_to(_PACKAGE)).encode("utf-8", "surrogatepass") + b"\0")
            h.update(path.read_bytes())
    return h.digest()


def _path_of(sources: tuple[str, ...], extra: tuple) -> Optional[str]:
    """The cache file for a gazetteer of these sources, or None when it is not cached (small,
    in-memory entries, or a source that cannot be read)."""
    if extra or not sources:
        return None
    try:
        if sum(os.path.getsize(s) for s in sources) < MIN_BYTES:
            return None
        h = hashlib.blake2b(_package_digest(), digest_size=16)
        h.update(f"format {_FORMAT}".encode())
        for source in sources:
            h.update(os.path.abspath(source).encode("utf-8", "surrogatepass") + b"\0")
            h.update(Path(source).read_bytes())
    except OSError:
        return None
    return os.path.join(cache_dir(), f"gazetteer-{h.hexdigest()}.pickle")


def restore(gaz) -> bool:
    """Load `gaz`'s built entries, index and tables from the cache, when it holds them."""
    path = _path_of(gaz._sources, gaz._extra)
    if path is None:
        return False
    was = gc.isenabled()
    gc.disable()  # one large graph of small objects, no cycles: see gazetteer.building
    try:
        with open(path, "rb") as fh:
            entries, index, tables = pickle.load(fh)
    except Exception:  # absent, unreadable or from another Python: build instead
        return False
    finally:
        if was:
            gc.freeze()
            gc.enable()
    try:
        os.utime(path)  # recently used: kept by `_prune`
    except OSError:
        pass
    gaz.__dict__.update(entries=entries, _index=index)
    gaz.tables.update(tables)
    gaz.__dict__["_from_cache"] = True
    return True


def keep(gaz, tables: Iterable[str]) -> None:
    """Make sure `gaz` is built: from the cache when it holds it, else built now (entries,
    index, the named tables) and saved for the next run. Nothing for a gazetteer that is not
    cached."""
    if gaz.__dict__.get("_from_cache") or restore(gaz):
        return
    path = _path_of(gaz._sources, gaz._extra)
    if path is None:
        return
    gaz.is_accepted("warm")
    gaz._index.protecting  # built on first use otherwise: part of the index
    for name in tables:
        gaz.table(name)
    try:
        data = pickle.dumps((gaz.entries, gaz._index, dict(gaz.tables)),
                            protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # a table that does not pickle: built in each run, as without a cache
        return
    write_atomically(path, data)
    gaz.__dict__["_from_cache"] = True
    _prune(os.path.dirname(path))


def _prune(folder: str) -> None:
    """Remove all but the KEEP most recently used cache files."""
    try:
        files = sorted((e for e in os.scandir(folder)
                        if e.name.startswith("gazetteer-") and e.name.endswith(".pickle")),
                       key=lambda e: e.stat().st_mtime, reverse=True)
        for e in files[KEEP:]:
            os.unlink(e.path)
    except OSError:
        pass
