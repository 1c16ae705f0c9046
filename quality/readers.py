"""Inputs -> Documents, streaming: files, folders (recursive), `-` (standard input), and
record files with one document per record: .jsonl/.ndjson (one JSON object per line), .csv (a
header row) and .parquet (through pyarrow, the `quality[parquet]` extra). Record files are read
record by record, never whole; `text_field` and `id_field` name the fields in all of them.

Any file may be compressed: `name.jsonl.gz`, `notes.md.zst` are read as `name.jsonl` and
`notes.md` (.gz with the standard library; .zst with the `zstandard` package, the
`quality[zstd]` extra, or the standard library from Python 3.14). Folders are searched for the
configured extensions with or without .gz/.zst after them.

`.md` and `.markdown` files become Documents with markup="markdown": the auditor reads only
their prose (quality/markdown.py).

A file that cannot be read, decompressed or decoded becomes a Document with `error` set (the
auditor turns it into an `input` finding); so does a malformed record. Neither stops the rest.
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
import sys
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator, Optional

from .model import Document

RECORD_SUFFIXES = (".jsonl", ".ndjson", ".csv", ".parquet")
COMPRESSED_SUFFIXES = (".gz", ".zst")
MARKDOWN_SUFFIXES = (".md", ".markdown")


def decode(data: bytes) -> tuple[Optional[str], Optional[str]]:
    """(text, None) or (None, error message). UTF-8 only; a byte-order mark is dropped."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        return None, (f"cannot decode as UTF-8: byte 0x{data[exc.start]:02x} at offset "
                      f"{exc.start} ({exc.reason}); re-encode the file as UTF-8")


class Refused(str):
    """A path found while walking a folder that is not read: `reason` says why (a folder that
    cannot be listed, a symbolic link out of the folder). It becomes an `input` finding."""

    reason: str = ""

    def __new__(cls, path: str, reason: str) -> "Refused":
        self = super().__new__(cls, path)
        self.reason = reason
        return self


def iter_paths(paths: Iterable[str], extensions: Iterable[str],
               follow_symlinks: bool = False) -> Iterator[str]:
    """Expand folders (sorted, recursive, hidden entries skipped); keep files and `-` as given.

    Walking never recurses in Python (a tree thousands of levels deep is fine), never follows
    a symbolic link to a folder, and, unless `follow_symlinks`, refuses a symbolic link to a
    file outside the folder given; a folder that cannot be listed is reported, not dropped."""
    exts = tuple(e.lower() + c for e in extensions for c in ("", *COMPRESSED_SUFFIXES))
    for p in paths:
        if p == "-":
            yield p
            continue
        try:
            is_dir = stat.S_ISDIR(os.stat(p).st_mode)
        except (OSError, ValueError):
            is_dir = False
        if is_dir:
            yield from _walk(p, exts, follow_symlinks)
        else:
            yield str(Path(p))  # missing or unreadable files become `input` findings


def _walk(top: str, exts: tuple, follow_symlinks: bool) -> Iterator[str]:
    root = os.path.realpath(top)
    stack = [str(Path(top))]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted((e for e in it if not e.name.startswith(".")),
                                 key=lambda e: e.name)
        except OSError as exc:
            yield Refused(folder, f"cannot read folder: {exc.strerror or exc}")
            continue
        subfolders = []
        for e in entries:
            path = os.path.join(folder, e.name)
            try:
                link = e.is_symlink()
                if e.is_dir(follow_symlinks=False):
                    subfolders.append(path)
                    continue
            except OSError:
                link = False
            if not e.name.lower().endswith(exts):
                continue
            if link and not follow_symlinks and not _inside(os.path.realpath(path), root):
                yield Refused(path, "a symbolic link to a file outside the folder; not read "
                                    "(--follow-symlinks reads it)")
                continue
            yield path
        stack.extend(reversed(subfolders))


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def read_regular(path: "str | Path", limit: int = 64 * 2**20) -> bytes:
    """The bytes of a small regular file (a config or a gazetteer). Opened without blocking,
    so a FIFO or a device raises InputError instead of hanging the run; a file over `limit`
    bytes too."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(fd, "rb") as fh:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise InputError("is a folder, not a file")
        if not stat.S_ISREG(mode):
            raise InputError("not a regular file")
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"larger than {limit // 2**20} MB")
    return data


def shown(value: object, limit: int = 40) -> str:
    """`value` for an error message: repr'd and cut to `limit` characters, so a message names
    the offending token without echoing a file's contents."""
    text = repr(value)
    return text if len(text) <= limit else text[:limit - 4] + "...'"


def read_documents(paths: Iterable[str], extensions: Iterable[str] = (".txt", ".md"),
                   text_field: str = "text", id_field: str = "id",
                   stdin: Optional[BinaryIO] = None,
                   follow_symlinks: bool = False,
                   keep_records: bool = False,
                   stdin_name: Optional[str] = None) -> Iterator[Document]:
    for p in iter_paths(paths, extensions, follow_symlinks):
        yield from read_path(p, text_field, id_field, stdin, keep_records, stdin_name)


def document_source(paths: Iterable[str], extensions: Iterable[str] = (".txt", ".md"),
                    text_field: str = "text", id_field: str = "id",
                    stdin: Optional[BinaryIO] = None,
                    keep_records: bool = False,
                    follow_symlinks: bool = False,
                    stdin_name: Optional[str] = None) -> Callable[[], Iterator[Document]]:
    """A callable giving a fresh stream of Documents, so the corpus pass and the audit pass
    can both stream from disk (what `Auditor.audit_corpus` takes). Folders are expanded once,
    sorted; standard input (`-`) is read once and kept, and read as a file named
    `stdin_name` when one is given (`x.jsonl.gz`: gzip-compressed JSONL records, reported
    under that name). With `keep_records` each Document carries its record as read
    (`Document.record`), for writing it back out."""
    expanded = sorted(iter_paths(paths, extensions, follow_symlinks))
    data = (stdin or sys.stdin.buffer).read() if "-" in expanded else b""

    def documents() -> Iterator[Document]:
        for p in expanded:
            yield from read_path(p, text_field, id_field, io.BytesIO(data), keep_records,
                                 stdin_name)

    return documents


def is_compressed(path: str) -> bool:
    return path.lower().endswith(COMPRESSED_SUFFIXES)


def format_suffix(path: str) -> str:
    """The suffix that says what a file holds, under any compression: 'a.jsonl.gz' -> '.jsonl'."""
    name = path.lower()
    for c in COMPRESSED_SUFFIXES:
        if name.endswith(c):
            name = name[:-len(c)]
            break
    return Path(name).suffix


class InputError(Exception):
    """Why a file cannot be read: becomes the error of a Document."""


def open_binary(path: str, fh: Optional[BinaryIO] = None) -> BinaryIO:
    """The bytes of the file `path` (or of the stream `fh`, named `path`) as a stream,
    decompressed when the name ends in .gz or .zst."""
    name = path.lower()
    if name.endswith(".gz"):
        import gzip

        return gzip.open(path if fh is None else fh, "rb")
    if name.endswith(".zst"):
        return _zstd_open(path, fh)
    return open(path, "rb") if fh is None else fh


def _zstd_open(path: str, fh: Optional[BinaryIO] = None) -> BinaryIO:
    try:
        from compression import zstd  # Python 3.14+

        return zstd.open(path if fh is None else fh, "rb")
    except ImportError:
        pass
    try:
        import zstandard
    except ImportError:
        raise InputError("reading .zst files needs the zstandard package: "
                         "pip install 'quality[zstd]'") from None
    raw = open(path, "rb") if fh is None else fh
    return io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(raw, closefd=True))


def _read_failure(exc: BaseException) -> str:
    """One line for an error raised while reading (or decompressing) a file."""
    if isinstance(exc, InputError):
        return str(exc)
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, OSError) and exc.strerror:
        return f"cannot read file: {exc.strerror}"
    if isinstance(exc, EOFError):
        return "cannot decompress: the file is truncated"
    return f"cannot decompress: {exc}"


# What reading a compressed stream may raise besides OSError: gzip.BadGzipFile is an OSError,
# a truncated stream raises EOFError, zlib and zstandard their own errors.
_READ_ERRORS: tuple = (OSError, EOFError, InputError)
try:
    import zlib

    _READ_ERRORS += (zlib.error,)
    import zstandard as _zstandard

    _READ_ERRORS += (_zstandard.ZstdError,)
except ImportError:
    pass


def read_path(p: str, text_field: str = "text", id_field: str = "id",
              stdin: Optional[BinaryIO] = None, keep_records: bool = False,
              stdin_name: Optional[str] = None) -> Iterator[Document]:
    """The Documents of one path; whatever goes wrong becomes a Document with `error` set
    (a reader's own bug too: the other paths are still read). `-` is standard input, read
    as a file named `stdin_name` when one is given."""
    try:
        if p == "-" and stdin_name:
            yield from _read_stream(stdin_name, stdin or sys.stdin.buffer, text_field,
                                    id_field, keep_records)
            return
        yield from _read_path(p, text_field, id_field, stdin, keep_records)
    except Exception as exc:  # noqa: BLE001 - one file must never stop the run
        yield Document("", p, None, f"cannot read file: {type(exc).__name__}")


def _read_path(p: str, text_field: str, id_field: str,
               stdin: Optional[BinaryIO], keep_records: bool) -> Iterator[Document]:
    if isinstance(p, Refused):
        yield Document("", p, None, p.reason)
        return
    if p == "-":
        data = (stdin or sys.stdin.buffer).read()
        text, err = decode(data)
        yield Document(text or "", "-", None, err)
        return
    try:
        mode = os.stat(p).st_mode
        if not stat.S_ISREG(mode):  # a FIFO or a device would hang or never end
            yield Document("", p, None, "is a folder" if stat.S_ISDIR(mode)
                           else "not a regular file")
            return
    except OSError as exc:
        yield Document("", p, None, _read_failure(exc))
        return
    yield from _read_stream(p, None, text_field, id_field, keep_records)


def _read_stream(p: str, stream: Optional[BinaryIO], text_field: str, id_field: str,
                 keep_records: bool) -> Iterator[Document]:
    """The Documents of the file `p`, or of `stream` read as a file named `p`."""
    suffix = format_suffix(p)
    if suffix == ".parquet":
        yield from _parquet_records(p, text_field, id_field, keep_records, source=stream)
        return
    try:
        with open_binary(p, stream) as fh:
            if suffix in (".jsonl", ".ndjson"):
                yield from _jsonl_records(p, fh, text_field, id_field, keep_records)
            elif suffix == ".csv":
                yield from _csv_records(p, fh, text_field, id_field, keep_records)
            else:
                text, err = decode(fh.read())
                markup = "markdown" if suffix in MARKDOWN_SUFFIXES else None
                yield Document(text or "", p, None, err, markup if err is None else None)
    except _READ_ERRORS as exc:
        yield Document("", p, None, _read_failure(exc))


def _jsonl_records(path: str, fh: BinaryIO, text_field: str, id_field: str,
                   keep: bool = False) -> Iterator[Document]:
    row = 0
    offset = 0
    # Records end at b"\n" only: str.splitlines() would also break at U+2028 and U+0085,
    # which JSON strings may hold raw. One line is decoded at a time.
    for n, raw in enumerate(fh, 1):
        start = offset
        offset += len(raw)
        if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw, start = raw[3:], 3
        line, err = decode(raw.rstrip(b"\n").rstrip(b"\r"))
        if err is None and not line.strip():
            continue
        default_id = str(row)
        row += 1
        record = None
        if keep:
            record = line if err is None else raw.rstrip(b"\r\n").decode("utf-8", "replace")
        if err is not None:
            yield Document("", path, default_id, f"line {n}: {_shift(err, start)}",
                           record=record)
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Document("", path, default_id, f"line {n}: not valid JSON ({exc.msg})",
                           record=record)
            continue
        except RecursionError:
            yield Document("", path, default_id, f"line {n}: JSON nested too deeply")
            continue
        if not isinstance(rec, dict):
            yield Document("", path, default_id, f"line {n}: a record must be a JSON object",
                           record=record)
            continue
        yield _record(rec, path, default_id, f"line {n}", text_field, id_field, record)


def _shift(err: str, start: int) -> str:
    """A decode error's offset counted from the start of the file, not of the line."""
    import re

    return re.sub(r"at offset (\d+)", lambda m: f"at offset {int(m.group(1)) + start}", err, 1)


def _csv_records(path: str, fh: BinaryIO, text_field: str, id_field: str,
                 keep: bool = False) -> Iterator[Document]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    stream = io.TextIOWrapper(fh, encoding="utf-8-sig", newline="")
    reader = csv.DictReader(stream)
    row = 0
    try:
        if reader.fieldnames is None or text_field not in reader.fieldnames:
            yield Document("", path, None, f"CSV has no '{text_field}' column (columns: "
                           f"{', '.join(reader.fieldnames or [])})")
            return
        for rec in reader:
            yield _record(rec, path, str(row), f"line {reader.line_num}", text_field, id_field,
                          rec if keep else None)
            row += 1
    except UnicodeDecodeError as exc:
        yield Document("", path, str(row) if reader.fieldnames else None,
                       f"line {reader.line_num + 1}: cannot decode as UTF-8 ({exc.reason}); "
                       "re-encode the file as UTF-8")
    except csv.Error as exc:
        yield Document("", path, str(row), f"line {reader.line_num}: not valid CSV ({exc})")
    finally:
        stream.detach()


def _parquet_records(path: str, text_field: str, id_field: str, keep: bool = False,
                     batch_size: int = 1024, source=None) -> Iterator[Document]:
    """Records of a Parquet file, read a batch of rows at a time: only the text and id
    columns, unless the whole records are kept."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        yield Document("", path, None, "reading .parquet files needs pyarrow: "
                       "pip install 'quality[parquet]'")
        return
    try:
        pf = pq.ParquetFile(path if source is None else source)
        names = pf.schema_arrow.names
    except Exception as exc:  # pyarrow raises ArrowInvalid, OSError and others
        yield Document("", path, None, f"cannot read Parquet: {exc}")
        return
    if text_field not in names:
        yield Document("", path, None, f"Parquet file has no '{text_field}' column "
                       f"(columns: {', '.join(names)})")
        return
    columns = [text_field] + ([id_field] if id_field in names and id_field != text_field else [])
    if keep:
        columns = None
    row = 0
    try:
        for batch in pf.iter_batches(batch_size=batch_size, columns=columns):
            for rec in batch.to_pylist():
                yield _record(rec, path, str(row), f"row {row}", text_field, id_field,
                              rec if keep else None)
                row += 1
    except Exception as exc:
        yield Document("", path, str(row), f"row {row}: cannot read Parquet: {exc}")


_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def _record(rec: dict, path: str, default_id: str, where: str, text_field: str,
            id_field: str, record=None) -> Document:
    rid = rec.get(id_field)
    if rid in (None, ""):
        rid = default_id
    elif not isinstance(rid, str):
        rid = json.dumps(rid, ensure_ascii=False, default=str)  # 7 -> "7", true -> "true"
    rid = _SURROGATE_RE.sub("\ufffd", rid)  # a lone surrogate cannot be written as UTF-8
    value = rec.get(text_field)
    if not isinstance(value, str):
        what = "missing or null" if value is None else "not a string"
        return Document("", path, rid, f"{where}: field '{text_field}' is {what}", record=record)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        return Document("", path, rid, f"{where}: field '{text_field}' holds a lone "
                        f"surrogate (\\u{ord(exc.object[exc.start]):04x}), not text", record=record)
    # offsets are into the field as stored, BOM and all
    site = rec.get("site") or rec.get("url")
    return Document(value, path, rid, record=record,
                    site=site if isinstance(site, str) and site.strip() else None)
