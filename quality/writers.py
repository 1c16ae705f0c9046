"""Everything that writes outputs, in one place (readers.py is its mirror for inputs).

- `rewrite(path, audited, new)`: replace a text file in place, atomically, through symlinks,
  keeping its byte-order mark and permissions; refuses read-only files and files that changed
  since they were audited. Returns why it did not, or None.
- `unified_diff(old, new, where, notes)`: the lines of a diff that `patch` and `git apply` accept.
- `atomic_output(path)`: a text file opened for writing that replaces `path` only when the
  block ends without an error (`-` is standard output): `-o FILE` and the filter's outputs.
- `record_line(document, fields)`: one JSONL line holding the document's record with
  `fields` added: a JSONL record keeps its own bytes, fields and order, with the new fields
  appended; a CSV or Parquet row becomes a JSON object; a plain file gives path, id and text.

A write either completes or leaves the old file as it was: new contents go to a temporary
file in the same folder, which then replaces the target with one rename.
"""
from __future__ import annotations

import bisect
import contextlib
import difflib
import json
import os
import re
import sys
import tempfile
from typing import Iterable, Iterator, Optional, TextIO

from .model import Document
from .readers import decode


_HUNK = re.compile(r"@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@")


def unified_diff(old: str, new: str, where: str,
                 notes: Iterable[tuple[int, str]] = ()) -> Iterator[str]:
    """A unified diff from a/`where` to b/`where`; a last line without a newline is marked
    as diff(1) marks it. `notes` are (offset in `old`, text) pairs: each hunk header carries
    the notes of the changes in it, after the closing `@@`, where diff(1) puts a section
    heading, so `patch` and `git apply` still accept the diff."""
    old_lines = old.splitlines(keepends=True)
    starts, pos = [], 0
    for line in old_lines:
        starts.append(pos)
        pos += len(line)
    noted = [(bisect.bisect_right(starts, offset) or 1, " ".join(text.split()))
             for offset, text in notes]
    for line in difflib.unified_diff(old_lines, new.splitlines(keepends=True),
                                     f"a/{where}", f"b/{where}"):
        m = _HUNK.match(line) if noted else None
        if m:
            first = int(m.group(1))
            last = first + (int(m.group(2)) if m.group(2) is not None else 1) - 1
            here = [text for n, text in noted if first <= n <= max(first, last)]
            if here:
                line = line.rstrip("\n") + " " + " | ".join(here) + "\n"
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


@contextlib.contextmanager
def atomic_output(path: str) -> Iterator[TextIO]:
    """Write UTF-8 text to `path` through a temporary file beside it, renamed over `path`
    when the block completes; on any error (or an interrupt) `path` is left as it was and the
    temporary file removed. `-` writes to standard output. OSError from opening the
    temporary file propagates (the caller reports it)."""
    if path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".quality-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace", newline="") as fh:
            yield fh
        mode = os.stat(path).st_mode & 0o7777 if os.path.exists(path) else _default_mode()
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _default_mode() -> int:
    """The mode a newly created file gets (0o666 less the umask), not mkstemp's 0o600."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def record_line(document: Document, fields: dict) -> str:
    """The JSONL line (with its newline) for `document`'s record plus `fields` (see above)."""
    rec = document.record
    extra = json.dumps(fields, ensure_ascii=False)
    if isinstance(rec, str):  # a JSONL line as read: keep it byte for byte, append the fields
        body = rec.rstrip()
        try:
            parsed = json.loads(body)
        except ValueError:
            parsed = None
        if isinstance(parsed, dict) and not any(k in parsed for k in fields):
            if body.endswith("}"):
                inner = body[:-1].rstrip()
                sep = "" if inner.endswith("{") else ", "
                return f"{inner}{sep}{extra[1:]}\n"
        if isinstance(parsed, dict):  # re-filtered output: the new values replace the old
            return json.dumps({**parsed, **fields}, ensure_ascii=False) + "\n"
        return json.dumps({"path": document.path, "id": document.id, "record": rec, **fields},
                          ensure_ascii=False) + "\n"
    if isinstance(rec, dict):
        return json.dumps({**rec, **fields}, ensure_ascii=False, default=str) + "\n"
    return json.dumps({"path": document.path, "id": document.id, "text": document.text,
                       **fields}, ensure_ascii=False) + "\n"
