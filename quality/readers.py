"""Inputs -> Documents, streaming: files, folders (recursive), `-` (standard input), and
record files (.jsonl: one JSON object per line; .csv: a header row) with one document per record.

A file that cannot be read or decoded becomes a Document with `error` set (the auditor turns it
into an `input` finding); it never stops the other files.
"""
from __future__ import annotations

import csv
import io
import json
import os
import stat
import sys
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator, Optional

from .model import Document

RECORD_SUFFIXES = (".jsonl", ".ndjson", ".csv")


def decode(data: bytes) -> tuple[Optional[str], Optional[str]]:
    """(text, None) or (None, error message). UTF-8 only; a byte-order mark is dropped."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        return None, (f"cannot decode as UTF-8: byte 0x{data[exc.start]:02x} at offset "
                      f"{exc.start} ({exc.reason}); re-encode the file as UTF-8")


def iter_paths(paths: Iterable[str], extensions: Iterable[str]) -> Iterator[str]:
    """Expand folders (sorted, recursive, hidden entries skipped); keep files and `-` as given."""
    exts = tuple(e.lower() for e in extensions)
    for p in paths:
        if p == "-":
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and name.lower().endswith(exts):
                        yield str(Path(root) / name)
        else:
            yield str(path)  # missing or unreadable files become `input` findings


def read_documents(paths: Iterable[str], extensions: Iterable[str] = (".txt", ".md"),
                   text_field: str = "text", id_field: str = "id",
                   stdin: Optional[BinaryIO] = None) -> Iterator[Document]:
    for p in iter_paths(paths, extensions):
        yield from read_path(p, text_field, id_field, stdin)


def document_source(paths: Iterable[str], extensions: Iterable[str] = (".txt", ".md"),
                    text_field: str = "text", id_field: str = "id",
                    stdin: Optional[BinaryIO] = None) -> Callable[[], Iterator[Document]]:
    """A callable giving a fresh stream of Documents, so the corpus pass and the audit pass
    can both stream from disk (what `Auditor.audit_corpus` takes). Folders are expanded once,
    sorted; standard input (`-`) is read once and kept."""
    expanded = sorted(iter_paths(paths, extensions))
    data = (stdin or sys.stdin.buffer).read() if "-" in expanded else b""

    def documents() -> Iterator[Document]:
        for p in expanded:
            yield from read_path(p, text_field, id_field, io.BytesIO(data))

    return documents


def read_path(p: str, text_field: str = "text", id_field: str = "id",
              stdin: Optional[BinaryIO] = None) -> Iterator[Document]:
    if p == "-":
        data = (stdin or sys.stdin.buffer).read()
        text, err = decode(data)
        yield Document(text or "", "-", None, err)
        return
    try:
        if not stat.S_ISREG(os.stat(p).st_mode):  # a FIFO or a device would hang or never end
            yield Document("", p, None, "not a regular file")
            return
        data = Path(p).read_bytes()
    except FileNotFoundError:
        yield Document("", p, None, "no such file or directory")
        return
    except OSError as exc:
        yield Document("", p, None, f"cannot read file: {exc.strerror or exc}")
        return
    text, err = decode(data)
    if err:
        yield Document("", p, None, err)
        return
    suffix = Path(p).suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        yield from _jsonl_records(p, text, text_field, id_field)
    elif suffix == ".csv":
        yield from _csv_records(p, text, text_field, id_field)
    else:
        yield Document(text, p)


def _jsonl_records(path: str, text: str, text_field: str, id_field: str) -> Iterator[Document]:
    row = 0
    # Records end at "\n" only: str.splitlines() would also break at U+2028 and U+0085,
    # which JSON strings may hold raw.
    for n, line in enumerate(text.split("\n"), 1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        default_id = str(row)
        row += 1
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Document("", path, default_id, f"line {n}: not valid JSON ({exc.msg})")
            continue
        if not isinstance(rec, dict):
            yield Document("", path, default_id, f"line {n}: a record must be a JSON object")
            continue
        yield _record(rec, path, default_id, n, text_field, id_field)


def _csv_records(path: str, text: str, text_field: str, id_field: str) -> Iterator[Document]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if reader.fieldnames is None or text_field not in reader.fieldnames:
        yield Document("", path, None,
                       f"CSV has no '{text_field}' column (columns: {', '.join(reader.fieldnames or [])})")
        return
    for row, rec in enumerate(reader):
        yield _record(rec, path, str(row), reader.line_num, text_field, id_field)


def _record(rec: dict, path: str, default_id: str, line: int, text_field: str,
            id_field: str) -> Document:
    rid = rec.get(id_field)
    if rid in (None, ""):
        rid = default_id
    elif not isinstance(rid, str):
        rid = json.dumps(rid, ensure_ascii=False)  # 7 -> "7", true -> "true"
    value = rec.get(text_field)
    if not isinstance(value, str):
        what = "missing or null" if value is None else "not a string"
        return Document("", path, rid, f"line {line}: field '{text_field}' is {what}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        return Document("", path, rid, f"line {line}: field '{text_field}' holds a lone "
                        f"surrogate (\\u{ord(exc.object[exc.start]):04x}), not text")
    return Document(value, path, rid)  # offsets are into the field as stored, BOM and all
