"""apply_fixes: the only code that rewrites text."""
from __future__ import annotations

from typing import Iterable

from .model import Finding


def apply_fixes(text: str, findings: Iterable[Finding]) -> str:
    """Apply every finding's suggestion (None = no fix) to `text`.

    Overlapping fixes: the earliest-starting (then longest) wins and the others are skipped,
    so applying the result again changes nothing that was already fixed.
    """
    fixes = sorted((f for f in findings if f.suggestion is not None),
                   key=lambda f: (f.start, -(f.end - f.start), f.code))
    out, pos = [], 0
    for f in fixes:
        if f.start < pos or text[f.start:f.end] != f.text:
            continue
        out.append(text[pos:f.start])
        out.append(f.suggestion)
        pos = f.end
    out.append(text[pos:])
    return "".join(out)
