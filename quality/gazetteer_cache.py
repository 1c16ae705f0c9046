"""A large gazetteer's built tables kept on disk: indexed once per machine, not once per run.

Indexing 100,000 names (reading the files, the lookup index, the rules' tables of names:
`gazetteer.TABLES`) costs about 3 s of CPU; loading what it built costs about half a second.
A pre-commit hook, or a worker process given a few documents, would otherwise spend most of
its time indexing. So a gazetteer whose files total at least MIN_BYTES is saved, once built,
to the cache folder (`lexicon.cache_dir()`: `$QUALITY_CACHE_DIR`, else
`$XDG_CACHE_HOME/quality`, else ~/.cache/quality), and later runs load it instead.

Policy:
- The file is named by a digest of everything the tables are made of: the path and bytes of
  every source file, the package's own code and data files, and the versions of Python, its
  Unicode database and the libraries the index is built with. Editing a gazetteer file,
  upgrading or editing the package gives another name: an old file is never read for a new
  gazetteer. A file edited while its tables are built is not saved (its bytes are digested
  before and after).
- Smaller gazetteers (the built-in one) are built in each run: that is as fast as reading a
  file. So are gazetteers holding entries given in memory (`Gazetteer(entries=...)`).
- A cache that cannot be read or written, or holds something else, is ignored: the tables are
  built as without it. Files are written atomically (a temporary file renamed), and at most
  KEEP are kept, those used least recently removed.
- The file is a pickle, and unpickling runs code: it is read only when it and its folder belong
  to the user running quality and nobody else may write to them (POSIX owners and modes).
"""
from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import time
import unicodedata
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Iterable, Optional

from .lexicon import cache_dir, write_atomically

# Gazetteers whose source files total fewer bytes are built in each run.
MIN_BYTES = 1_000_000
# Cache files kept at most (each about 27 MB for 100,000 names).
KEEP = 4
_FORMAT = 2
_PACKAGE = Path(__file__).resolve().parent
_TMP = ".tmp-gazetteer-"  # the prefix of a file being written
_LIBRARIES = ("regex", "rapidfuzz", "jellyfish")  # what the index and the tables are built with


@lru_cache(maxsize=1)
def _package_digest() -> bytes:
    """A digest of the package's code and data files (their paths and bytes), and of the
    versions of what builds the tables."""
    h = hashlib.blake2b(digest_size=16)
    h.update(f"{_FORMAT} {sys.version} {unicodedata.unidata_version}".encode())
    for name in _LIBRARIES:
        try:
            h.update(f" {name} {metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            h.update(f" {name} -".encode())
    for path in sorted(_PACKAGE.rglob("*")):
        if path.is_file() and path.suffix != ".pyc":
            h.update(str(path.relative_to(_PACKAGE)).encode("utf-8", "surrogatepass") + b"\0")
            h.update(path.read_bytes())
    return h.digest()


def _path_of(gaz) -> Optional[str]:
    """The cache file for `gaz` as its source files are now, or None when it is not cached
    (small, in-memory entries, or a source that cannot be read)."""
    sources = gaz._sources
    if gaz._extra or not sources:
        return None
    try:
        if sum(os.path.getsize(s) for s in sources) < MIN_BYTES:
            return None
        h = hashlib.blake2b(_package_digest(), digest_size=16)
        for source in sources:
            h.update(os.path.abspath(source).encode("utf-8", "surrogatepass") + b"\0")
            h.update(Path(source).read_bytes())
    except OSError:
        return None
    return os.path.join(cache_dir(), f"gazetteer-{h.hexdigest()}.pickle")


def _trusted(path: str) -> bool:
    """The file and its folder belong to this user and nobody else may write to them: not
    other users, nor a group other than the user's own (with a umask of 002, files are
    writable by the user's private group)."""
    if not hasattr(os, "getuid"):
        return True  # no POSIX owners: the user's own profile folder
    uid, gid = os.getuid(), os.getgid()
    for p in (path, os.path.dirname(path)):
        st = os.stat(p)
        if st.st_uid != uid or st.st_mode & 0o002 or (st.st_mode & 0o020 and st.st_gid != gid):
            return False
    return True


def restore(gaz) -> bool:
    """Load `gaz`'s built entries, index and tables from the cache, when it holds them."""
    from .gazetteer import Entry, _Index  # (gazetteer.py imports this module)

    path = _path_of(gaz)
    if path is None:
        return False
    was = gc.isenabled()
    gc.disable()  # one large graph of small objects, no cycles: see gazetteer.building
    try:
        if not _trusted(path):
            return False
        with open(path, "rb") as fh:
            entries, index, tables = pickle.load(fh)
        if not (isinstance(entries, tuple) and all(type(e) is Entry for e in entries)
                and type(index) is _Index and isinstance(tables, dict)):
            return False
    except Exception:  # absent, unreadable, foreign or damaged: build instead
        return False
    finally:
        if was:
            gc.freeze()
            gc.enable()
    try:
        os.utime(path)  # recently used: kept by `_prune`
    except OSError:
        pass
    gaz.__dict__.update(entries=entries, _index=index, _from_cache=True)
    gaz.tables.update(tables)
    return True


def keep(gaz, tables: Iterable[str]) -> None:
    """Make sure `gaz` is built: from the cache when it holds it, else built now (entries,
    index, the named tables) and saved for the next run. Nothing for a gazetteer that is not
    cached."""
    if gaz.__dict__.get("_from_cache") or restore(gaz):
        return
    path = _path_of(gaz)
    if path is None:
        return
    for built in ("entries", "_index", "_yardstick", "tables", "memo"):
        gaz.__dict__.pop(built, None)  # read again: what the bytes digested above hold
    gaz.is_accepted("warm")
    gaz._index.protecting  # built on first use otherwise: part of the index
    for name in tables:
        gaz.table(name)
    if _path_of(gaz) != path:
        return  # a source changed while it was read: not saved under either name
    _save(path, (gaz.entries, gaz._index, dict(gaz.tables)))
    gaz.__dict__["_from_cache"] = True
    _prune(os.path.dirname(path))


def _save(path: str, value) -> None:
    """Pickle `value` to `path` atomically, streamed; nothing on failure (an unwritable
    folder, a full disk, a table that does not pickle: the tables are built in each run)."""
    try:
        write_atomically(path, lambda fh: pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL),
                         prefix=_TMP)
    except Exception:  # noqa: BLE001 - the cache is an optimisation, never a failure
        pass


# A temporary file older than this was left by a run that was killed while writing.
_STALE_SECONDS = 3600


def _prune(folder: str) -> None:
    """Remove all but the KEEP most recently used cache files, and stale temporary files."""
    try:
        now = time.time()
        files = []
        for e in os.scandir(folder):
            if e.name.startswith(_TMP) and now - e.stat().st_mtime > _STALE_SECONDS:
                os.unlink(e.path)
            elif e.name.startswith("gazetteer-") and e.name.endswith(".pickle") and e.is_file():
                files.append(e)
        files.sort(key=lambda e: e.stat().st_mtime, reverse=True)
        for e in files[KEEP:]:
            os.unlink(e.path)
    except OSError:
        pass
