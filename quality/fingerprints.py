"""Fingerprints: a finding's identity that survives edits elsewhere in its document.

    fingerprint = sha256(code, flagged text, up to 3 words before it, up to 3 after)[:16]
                  + ":" + its occurrence among equal hashes in the document (0, 1, ...)

The words around the span are taken from its own line, and whitespace runs count as one
space, so moving lines or paragraphs, adding text elsewhere or re-indenting keeps every
fingerprint; editing the words next to a finding gives it a new one (it is a new finding).
Line numbers and offsets never enter. The occurrence suffix tells identical findings in
identical neighbourhoods apart, so a baseline holding one of them does not hide a second.

Baselines (baseline.py) and SARIF's `partialFingerprints` use these values.
"""
from __future__ import annotations

import hashlib
from typing import Iterable

from .model import Finding

VERSION = "v1"
_WORDS = 3


def _neighbourhood(text: str, start: int, end: int) -> tuple[str, str]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if line_end == -1:
        line_end = len(text)
    before = text[line_start:start].split()[-_WORDS:]
    after = text[end:line_end].split()[:_WORDS]
    return " ".join(before), " ".join(after)


def fingerprint_hash(text: str, finding: Finding) -> str:
    """The occurrence-free part: rule, flagged text and the words around it on its line."""
    before, after = _neighbourhood(text, finding.start, finding.end)
    key = "\x1f".join((finding.code, " ".join(finding.text.split()), before, after))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def fingerprints(text: str, findings: Iterable[Finding]) -> list[str]:
    """One fingerprint per finding, in the given order (findings in document order)."""
    seen: dict[str, int] = {}
    out = []
    for f in findings:
        h = fingerprint_hash(text, f)
        n = seen.get(h, 0)
        seen[h] = n + 1
        out.append(f"{h}:{n}")
    return out
