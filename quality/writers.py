"""Everything that writes outputs, in one place (readers.py is its mirror for inputs).

- `rewrite(path, audited, new, roots)`: replace a text file, through symlinks that stay
  inside `roots`, keeping its byte-order mark, permissions, owner and hard links; refuses
  read-only files and files that changed since they were audited, and loses no concurrent
  write. Returns why it did not, or None.
- `rewrite_records(path, text_field, changes, roots)`: a .jsonl/.csv record file with the
  fixed texts spliced in (quality/splice.py), every other byte kept, through `rewrite`.
- `unified_diff(old, new, where, notes)`: the lines of a diff that `patch` and `git apply` accept.
- `atomic_output(path)`: a text file opened for writing that replaces `path` only when the
  block ends without an error (`-` is standard output): `-o FILE` and the filter's outputs.
- `record_line(document, fields)`: one JSONL line holding the document's record with
  `fields` added: a JSONL record keeps its own bytes, fields and order, with the new fields
  appended; a CSV or Parquet row becomes a JSON object; a plain file gives path, id and text.

A write either completes or leaves the old file as it was: new contents go to a temporary
file in the same folder, which then replaces the target with one rename (a file with several
hard links, or one the process could not hand back to its owner, is overwritten in place).
"""
from __future__ import annotations

import bisect
import contextlib
import difflib
import json
import os
import re
import stat
import sys
import tempfile
from typing import Iterable, Iterator, Optional, TextIO

from .model import Document
from .readers import decode, is_compressed
from . import splice


_HUNK = re.compile(r"@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@")


def unified_diff(old: str, new: str, where: str,
                 notes: Iterable[tuple[int, str]] = ()) -> Iterator[str]:
    """A unified diff from a/`where` to b/`where`; a last line without a newline is marked
    as diff(1) marks it. `notes` are (offset in `old`, text) pairs: each hunk header carries
    the notes of the changes in it, after the closing `@@`, where diff(1) puts a section
    heading, so `patch` and `git apply` still accept the diff."""
    old_lines = _lines(old)
    starts, pos = [], 0
    for line in old_lines:
        starts.append(pos)
        pos += len(line)
    noted = [(bisect.bisect_right(starts, offset) or 1, " ".join(text.split()))
             for offset, text in notes]
    for line in difflib.unified_diff(old_lines, _lines(new),
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


def _lines(text: str) -> list[str]:
    """Lines as patch(1) sees them: ended by "\n" only (a CR stays inside its line)."""
    lines = text.split("\n")
    out = [line + "\n" for line in lines[:-1]]
    return out + [lines[-1]] if lines[-1] else out


def rewrite(path: str, audited: str, new: str, roots: Optional[list] = None) -> Optional[str]:
    """Replace the file at `path` (through symlinks) with `new`, keeping its byte-order mark,
    permissions, owner and hard links. Returns why it was not done, or None.

    `audited` is the text the fixes were computed from: a file that no longer decodes to it is
    left alone, and so is one whose target lies outside `roots` (the real paths of the files
    and folders the user named) when given. The new text goes to a temporary file beside the
    target that replaces it with one rename, unless the file has several hard links, belongs
    to someone the process cannot give a file to, or sits in a folder the process cannot
    write: then it is rewritten in place. Right up to the rename the file is checked against
    what was read; a write that lands between that check and the rename is found afterwards
    (an append is carried over to the new file; any other change is put back and the fix
    abandoned). Nothing a concurrent writer did is lost."""
    real = os.path.realpath(path)
    if roots is not None and not any(_inside(real, r) for r in roots):
        return ("it is a symbolic link out of the files and folders given "
                "(--follow-symlinks writes through it)")
    try:
        fd = os.open(real, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        return f"cannot read it again ({exc.strerror or exc})"
    with os.fdopen(fd, "rb") as old:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return "not a regular file"
        if not os.access(real, os.W_OK) or not st.st_mode & 0o222:
            return "the file is read-only"
        raw = old.read()
        if decode(raw)[0] != audited:
            return "the file changed while it was being audited"
        bom = b"\xef\xbb\xbf" if raw.startswith(b"\xef\xbb\xbf") else b""
        data = bom + new.encode("utf-8")
        if st.st_nlink > 1:
            return _rewrite_in_place(real, raw, data)
        try:
            tmp_fd, tmp = tempfile.mkstemp(dir=os.path.dirname(real), prefix=".quality-",
                                           suffix=".tmp")
        except OSError:  # a folder we cannot write: the file itself may still be writable
            return _rewrite_in_place(real, raw, data)
        try:
            with os.fdopen(tmp_fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fchmod(fh.fileno(), st.st_mode & 0o7777)
                if (st.st_uid, st.st_gid) != (os.geteuid(), os.getegid()):
                    try:
                        os.fchown(fh.fileno(), st.st_uid, st.st_gid)
                    except OSError:  # not ours to give away: keep the owner by writing in place
                        os.unlink(tmp)
                        return _rewrite_in_place(real, raw, data)
                os.fsync(fh.fileno())
            if _moved(fd, st) or _read_all(fd) != raw:
                os.unlink(tmp)
                return "the file changed while it was being fixed"
            os.replace(tmp, real)
        except OSError as exc:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            return f"cannot write ({exc.strerror or exc})"
        return _settle(real, fd, raw, data)


def splices_records(path: str) -> bool:
    """Whether `rewrite_records` can rewrite `path`: an uncompressed .jsonl or .csv file."""
    return path.lower().endswith((".jsonl", ".ndjson", ".csv")) and not is_compressed(path)


def rewrite_records(path: str, text_field: str, changes: list,
                    roots: Optional[list] = None) -> Optional[str]:
    """Splice the fixed record texts (`changes`, one per record as the readers count them:
    (audited, fixed) or None) into the record file at `path` and replace it as `rewrite`
    does; returns why it was not done, or None."""
    try:
        with open(path, "rb") as fh:
            text, err = decode(fh.read())
    except OSError as exc:
        return f"cannot read it again ({exc.strerror or exc})"
    if err is not None:
        return "it is not UTF-8 text as a whole"
    into = splice.splice_csv if path.lower().endswith(".csv") else splice.splice_jsonl
    try:
        new = into(text, text_field, changes)
    except ValueError as exc:
        return str(exc)
    return rewrite(path, text, new, roots)


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _moved(fd: int, st: os.stat_result) -> bool:
    now = os.fstat(fd)
    return (now.st_size, now.st_mtime_ns, now.st_ctime_ns) != (st.st_size, st.st_mtime_ns,
                                                                st.st_ctime_ns)


def _read_all(fd: int) -> bytes:
    chunks, pos = [], 0
    while True:
        chunk = os.pread(fd, 1 << 20, pos)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        pos += len(chunk)


def _settle(real: str, fd: int, raw: bytes, data: bytes) -> Optional[str]:
    """After the rename: `fd` still holds the old file. Anything written to it since it was
    read went there after the last check; carry an append over, put anything else back."""
    late = _read_all(fd)
    if late == raw:
        return None
    if late.startswith(raw):
        with open(real, "ab") as fh:
            fh.write(late[len(raw):])
        return None
    try:
        _replace_bytes(real, late)
    except OSError as exc:
        return f"the file changed while it was being fixed and could not be put back ({exc})"
    return "the file changed while it was being fixed; left with that change, not fixed"


def _replace_bytes(real: str, data: bytes) -> None:
    st = os.stat(real)
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(real), prefix=".quality-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            os.fchmod(fh.fileno(), st.st_mode & 0o7777)
            with contextlib.suppress(OSError):
                os.fchown(fh.fileno(), st.st_uid, st.st_gid)
        os.replace(tmp, real)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _rewrite_in_place(real: str, raw: bytes, data: bytes) -> Optional[str]:
    """Overwrite the file's own bytes (its inode, so hard links, owner and permissions stay),
    under an advisory lock, checking once more that it still holds `raw`."""
    import fcntl

    try:
        with open(real, "r+b") as fh:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
            if fh.read() != raw:
                return "the file changed while it was being fixed"
            fh.seek(0)
            fh.write(data)
            fh.truncate()
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
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
