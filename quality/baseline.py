"""Baselines: today's findings recorded (`quality lint --write-baseline FILE`) so that later
runs (`--baseline FILE`) report only new ones.

A finding is known when the baseline holds its document (path and record id) and its
fingerprint (fingerprints.py: rule, flagged text and the words around it, never line numbers),
so edits elsewhere in a file, moved lines and moved paragraphs do not bring old findings back,
while a new finding, or an old one whose words were edited, is reported. Paths are stored
relative to the baseline file's folder, so a baseline works from any working directory.

The file is JSON, one finding per line, sorted, so that it diffs well in review:

    {"version": 1, "tool": "quality", "findings": [
    {"path": "news/a.txt", "id": null, "code": "NM01", "text": "Whitkov", "fingerprint": "..."}
    ]}
"""
from __future__ import annotations

import json
import os
from typing import Iterable, Optional

from .fingerprints import fingerprints
from .model import Document, Finding, Report, _printable

VERSION = 1


class BaselineError(ValueError):
    """The baseline file cannot be used; the message names it."""


def _relative(path: Optional[str], base: str) -> Optional[str]:
    if path is None or path == "-":
        return path
    path = _printable(path)
    try:
        return os.path.relpath(os.path.abspath(path), base).replace(os.sep, "/")
    except ValueError:  # another drive
        return os.path.abspath(path).replace(os.sep, "/")


class Baseline:
    def __init__(self, path: str, known: Iterable[tuple] = ()):
        self.path = path
        self.base = os.path.dirname(os.path.abspath(path))
        self.known = set(known)  # (path, id, fingerprint)

    @classmethod
    def load(cls, path: str) -> "Baseline":
        try:
            with open(path, encoding="utf-8") as fh:
                data = json.load(fh)
        except OSError as exc:
            raise BaselineError(f"{path}: cannot read baseline ({exc.strerror or exc})") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise BaselineError(f"{path}: not a baseline file (invalid JSON: {exc})") from None
        if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(
                data.get("findings"), list):
            raise BaselineError(f"{path}: not a version {VERSION} quality baseline")
        known = []
        for n, e in enumerate(data["findings"]):
            if not (isinstance(e, dict) and isinstance(e.get("fingerprint"), str)
                    and isinstance(e.get("path"), (str, type(None)))):
                raise BaselineError(f"{path}: finding {n} lacks a path or fingerprint")
            known.append((e["path"], e.get("id"), e["fingerprint"]))
        return cls(path, known)

    def new(self, document: Document, findings: list[Finding]) -> list[Finding]:
        """The findings the baseline does not hold."""
        if not findings:
            return findings
        where = (_relative(document.path, self.base), document.id)
        return [f for f, fp in zip(findings, fingerprints(document.text, findings))
                if (*where, fp) not in self.known]


def entries(report: Report, baseline_path: str) -> list[dict]:
    """The baseline entries of one report."""
    doc = report.document
    base = os.path.dirname(os.path.abspath(baseline_path))
    path = _relative(doc.path, base)
    return [{"path": path, "id": doc.id, "code": f.code, "text": f.text, "fingerprint": fp}
            for f, fp in zip(report.findings, fingerprints(doc.text, report.findings))]


def dumps(items: Iterable[dict]) -> str:
    rows = sorted(items, key=lambda e: (e["path"] or "", e["id"] or "", e["code"], e["fingerprint"]))
    body = ",\n".join(json.dumps(e, ensure_ascii=False) for e in rows)
    return (f'{{"version": {VERSION}, "tool": "quality", "findings": [\n'
            + body + ("\n" if body else "") + "]}\n")
