"""Immutable values that flow through the auditor: Document in, Findings and a Report out."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any, Optional

CATEGORIES = (
    "name", "place", "script", "boilerplate", "mt", "rewrite", "language", "encoding", "input",
)


class Severity(str, Enum):
    """How bad a finding is; ordered error > warning > info."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]

    @classmethod
    def parse(cls, value: "str | Severity") -> "Severity":
        if isinstance(value, Severity):
            return value
        try:
            return cls(str(value).lower())
        except ValueError:
            raise ValueError(
                f"unknown severity {value!r} (expected error, warning or info)"
            ) from None


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


@dataclass(frozen=True)
class Document:
    """One text to audit. `path` and `id` only identify it in reports."""

    text: str
    path: Optional[str] = None
    id: Optional[str] = None
    error: Optional[str] = None  # set by readers when the input could not be read or decoded
    markup: Optional[str] = None  # "markdown": rules read only its prose (quality/markdown.py)
    # The site the text comes from (a record's `site` field, or its `url`): corpus mode counts
    # the lines that recur across a site's pages (quality/site_lines.py).
    site: Optional[str] = None
    # The record as read (a JSONL line, a CSV or Parquet row as a dict), when the reader was
    # asked to keep it (the filter writes it back out); never compared or printed.
    record: Any = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Finding:
    """One problem at the span [start, end) of a document's text.

    `suggestion` is the replacement text for the span: "" deletes it, None means no fix.
    `fix_safety` says whether that fix is "safe" (certain: `quality fix` applies it) or
    "unsafe" (only with --unsafe-fixes); the Auditor decides it (fixes.fix_safety).
    """

    code: str
    name: str
    category: str
    severity: Severity
    message: str
    start: int
    end: int
    text: str
    suggestion: Optional[str] = None
    confidence: float = 1.0
    fix_safety: Optional[str] = None  # "safe", "unsafe", or None when there is no fix

    def with_severity(self, severity: Severity) -> "Finding":
        return replace(self, severity=severity)


@dataclass(frozen=True)
class Report:
    """Everything known about one audited document."""

    document: Document
    findings: tuple = ()
    score: float = 100.0
    penalties: tuple = ()  # one float per finding, same order: its share of (100 - score)
    language: Optional[str] = None
    # Details for reporters, not part of the JSON contract: "story" (corpus mode) is the id
    # of the group of documents that are versions of one story.
    extra: dict = field(default_factory=dict, compare=False)

    def worst(self) -> Optional[Severity]:
        if not self.findings:
            return None
        return max((f.severity for f in self.findings), key=lambda s: s.rank)

    def to_dict(self) -> dict[str, Any]:
        """The document object of the JSON output contract (CONTRACT.md)."""
        text = self.document.text
        lines = _LineIndex(text)
        out = []
        for f, penalty in zip(self.findings, self.penalties or (0.0,) * len(self.findings)):
            line, col = lines.position(f.start)
            out.append({
                "code": f.code,
                "name": f.name,
                "category": f.category,
                "severity": f.severity.value,
                "message": f.message,
                "start": f.start,
                "end": f.end,
                "line": line,
                "column": col,
                "text": f.text,
                "suggestion": f.suggestion,
                "fix_safety": f.fix_safety if f.suggestion is not None else None,
                "confidence": round(f.confidence, 3),
                "penalty": round(penalty, 3),
            })
        return {
            "path": _printable(self.document.path),
            "id": self.document.id,
            "score": self.score,
            "language": self.language,
            "findings": out,
        }


def _printable(path: Optional[str]) -> Optional[str]:
    """A file name as valid UTF-8: undecodable bytes (kept by the OS as surrogate escapes)
    become U+FFFD rather than breaking the JSON."""
    if path is None:
        return None
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


class _LineIndex:
    """Offsets -> 1-based (line, column); computed once per document, in reporting only."""

    def __init__(self, text: str):
        import bisect

        self._bisect = bisect.bisect_right
        self._starts = [0]
        pos = text.find("\n")
        while pos != -1:
            self._starts.append(pos + 1)
            pos = text.find("\n", pos + 1)

    def position(self, offset: int) -> tuple[int, int]:
        i = self._bisect(self._starts, offset) - 1
        return i + 1, offset - self._starts[i] + 1
