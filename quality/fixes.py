"""apply_fixes: the only code that rewrites text."""
from __future__ import annotations

from typing import Iterable

from .model import Finding


def apply_fixes(text: str, findings: Iterable[Finding]) -> str:
    """Apply every finding's suggestion (None = no fix) to `text`.

    A fix whose span holds other fixes is composed with them when it keeps their text
    ("THE Zelenski" -> "Zelenski" with "Zelenski" -> "Zelensky" gives "Zelensky"); any other
    overlap keeps the earliest-starting (then longest) fix and skips the rest. Findings whose
    text no longer matches the document are skipped, so stale findings change nothing.
    """
    fixes = sorted((f for f in findings if f.suggestion is not None and text[f.start:f.end] == f.text),
                   key=lambda f: (f.start, -(f.end - f.start), f.code))
    out, pos, i = [], 0, 0
    while i < len(fixes):
        f = fixes[i]
        i += 1
        if f.start < pos:
            continue
        replacement = f.suggestion
        while i < len(fixes) and fixes[i].start < f.end:
            inner = fixes[i]
            i += 1
            if inner.end <= f.end and inner.text and replacement.count(inner.text) == 1:
                replacement = replacement.replace(inner.text, inner.suggestion)
        out.append(text[pos:f.start])
        out.append(replacement)
        pos = f.end
    out.append(text[pos:])
    return "".join(out)
