"""Fixed texts spliced back into a record file (.jsonl, .csv), record by record.

Only the text field of a changed record is re-encoded; every other field, every other record,
the line endings and the order stay byte for byte as they were. Records are counted as the
readers count them (a JSONL record per non-blank line, a CSV record per non-empty row after
the header), and a record whose text field no longer holds the audited text stops the splice
(ValueError): the file changed since it was read. `writers.rewrite` then replaces the file
atomically.
"""
from __future__ import annotations

import json
from typing import Iterator, Optional, Sequence

Change = Optional[tuple[str, str]]  # (audited text, fixed text), or None: leave the record


def splice_jsonl(text: str, text_field: str, changes: Sequence[Change]) -> str:
    out, k = [], 0
    for line in text.split("\n"):
        if line.strip():
            change = changes[k] if k < len(changes) else None
            k += 1
            if change is not None:
                line = _splice_json_line(line, text_field, *change, k)
        out.append(line)
    return "\n".join(out)


def _splice_json_line(line: str, field: str, audited: str, new: str, k: int) -> str:
    span = _json_field_span(line, field)
    if span is None or json.loads(line[span[0]:span[1]]) != audited:
        raise ValueError(f"record {k} changed since it was read")
    raw = line[span[0]:span[1]]
    return line[:span[0]] + json.dumps(new, ensure_ascii=raw.isascii()) + line[span[1]:]


def _json_field_span(line: str, field: str) -> Optional[tuple[int, int]]:
    """Where the value of top-level `field` is in a JSON object line (the last one, as
    json.loads keeps the last of repeated keys)."""
    decoder = json.JSONDecoder()
    i = _ws(line, 0)
    if not line.startswith("{", i):
        return None
    i, found = _ws(line, i + 1), None
    while i < len(line) and line[i] != "}":
        key, i = json.decoder.scanstring(line, i + 1)
        i = _ws(line, _ws(line, i) + 1)  # past the colon
        _, end = decoder.raw_decode(line, i)
        if key == field:
            found = (i, end)
        i = _ws(line, end)
        if line.startswith(",", i):
            i = _ws(line, i + 1)
    return found


def _ws(s: str, i: int) -> int:
    while i < len(s) and s[i] in " \t\r\n":
        i += 1
    return i


def splice_csv(text: str, text_field: str, changes: Sequence[Change]) -> str:
    rows = _csv_rows(text)
    header = next(rows, None)
    if header is None:
        raise ValueError("the file has no header row")
    names = [_cell(text, s, e) for s, e in header]
    if text_field not in names:
        raise ValueError(f"no '{text_field}' column")
    col = len(names) - 1 - names[::-1].index(text_field)  # csv.DictReader keeps the last
    edits = []
    for k, row in enumerate(rows):
        change = changes[k] if k < len(changes) else None
        if change is None:
            continue
        if col >= len(row) or _cell(text, *row[col]) != change[0]:
            raise ValueError(f"record {k + 1} changed since it was read")
        s, e = row[col]
        new = change[1]
        if text[s:s + 1] == '"' or any(c in new for c in ',"\r\n') or new != new.strip():
            new = '"' + new.replace('"', '""') + '"'
        edits.append((s, e, new))
    out, pos = [], 0
    for s, e, new in edits:
        out += [text[pos:s], new]
        pos = e
    return "".join(out) + text[pos:]


def _cell(text: str, s: int, e: int) -> str:
    raw = text[s:e]
    if raw.startswith('"') and raw.endswith('"') and len(raw) >= 2:
        return raw[1:-1].replace('""', '"')
    return raw


def _csv_rows(text: str) -> Iterator[list[tuple[int, int]]]:
    """Rows as lists of raw cell spans (quotes included), as Python's csv module reads the
    default (excel) dialect; empty lines are skipped as csv.DictReader skips them."""
    i, n = 0, len(text)
    while i < n:
        row_start, cells = i, []
        while True:
            start = i
            if i < n and text[i] == '"':
                i += 1
                while i < n:
                    if text[i] == '"':
                        if text.startswith('""', i):
                            i += 2
                            continue
                        i += 1
                        break
                    i += 1
            while i < n and text[i] not in ",\r\n":
                i += 1
            cells.append((start, i))
            if i < n and text[i] == ",":
                i += 1
                continue
            break
        i += 2 if text.startswith("\r\n", i) else 1
        if cells != [(row_start, row_start)]:
            yield cells
