"""Everything that writes outputs, in one place (readers.py is its mirror for inputs).

- `rewrite(path, audited, new)`: replace a text file in place, atomically, through symlinks,
  keeping its byte-order mark and permissions; refuses read-only files and files that changed
  since they were audited. Returns why it did not, or None.
- `unified_diff(old, new, where)`: the lines of a diff that `patch` and `git apply` accept.

A write either completes or leaves the old file as it was: new contents go to a temporary
file in the same folder, which then replaces the target with one rename.
"""
from __future__ import annotations

import difflib
import os
import tempfile
from typing import Iterator, Optional

from .readers import decode


def unified_diff(old: str, new: str, where: str) -> Iterator[str]:
    """A unified diff from a/`where` to b/`where`; a last line without a newline is marked
    as diff(1) marks it."""
    for line in difflib.unified_diff(old.splitlines(keepends=True),
                                     new.splitlines(keepends=True), f"a/{where}", f"b/{where}"):
        if line.endswith("\n"):
            yield line
        else:
            yield line + "\n\\ No newline at end of file\n"


def rewrite(path: str, audited: str, new: str) -> Optional[str]:
    """Replace the file at `path` (through symlinks) with `new`, atomically, keeping its
    byte-order mark and permissions. `audited` is the text the fixes were computed from: a
    file that no longer decodes to it is left alone. Returns why it was not done, or None."""
    real = os.path.realpath(path)
    if not os.access(real, os.W_OK) or not os.stat(real).st_mode & 0o222:
        return "the file is read-only"
    try:
        with open(real, "rb") as fh:
            raw = fh.read()
    except OSError as exc:
        return f"cannot read it again ({exc.strerror or exc})"
    if decode(raw)[0] != audited:
        return "the file changed while it was being audited"
    bom = b"\xef\xbb\xbf" if raw.startswith(b"\xef\xbb\xbf") else b""
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(real), prefix=".quality-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(bom + new.encode("utf-8"))
        os.chmod(tmp, os.stat(real).st_mode & 0o7777)
        os.replace(tmp, real)
    except OSError as exc:
        if os.path.exists(tmp):
            os.unlink(tmp)
        return f"cannot write ({exc.strerror or exc})"
    return None
