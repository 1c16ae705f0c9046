"""apply_fixes: the only code that rewrites text (fix_edits says where it does)."""
from __future__ import annotations

import re
from typing import Iterable, Optional

from .model import Finding

SAFE_CONFIDENCE = 0.9
UNSAFE_CATEGORIES = frozenset({"boilerplate", "rewrite"})


def fix_safety(finding: Finding, from_corpus: bool = False) -> Optional[str]:
    """Whether `finding`'s fix is "safe" (certain: `quality fix` applies it) or "unsafe"
    (applied only with --unsafe-fixes); None when it suggests no fix.

    A fix is unsafe when
      - it removes or rewords content by classification: boilerplate (BP) fixes delete lines
        a reader may want, rewrite (RW) fixes reword phrases;
      - its evidence comes from other documents (corpus mode: NM11, PL11, PL12, BP11), so it
        depends on what else was audited;
      - the rule is less than SAFE_CONFIDENCE sure of the finding (a capital added to an
        article, words split apart, punctuation guessed, a name matched on the first name
        alone); at SAFE_CONFIDENCE and above, bench/calibration.py finds findings right at
        least 95% of the time on the dev suites.
    Everything else is safe: a name with evidence beyond the first name, a gazetteer's known
    wrong form, a deprecated exonym outside history, mojibake ftfy repairs, a homoglyph, a
    stray control character, "two -day". The config's extend-safe-fixes and extend-unsafe-fixes
    override this per rule (the Auditor applies them).
    """
    if finding.suggestion is None:
        return None
    if from_corpus or finding.category in UNSAFE_CATEGORIES or \
            finding.confidence < SAFE_CONFIDENCE:
        return "unsafe"
    return "safe"


def safe_only(findings: Iterable[Finding]) -> list[Finding]:
    """The findings whose fix the Auditor judged safe."""
    return [f for f in findings if f.fix_safety == "safe"]


def apply_fixes(text: str, findings: Iterable[Finding]) -> str:
    """Apply every finding's suggestion (None = no fix) to `text`: the edits of fix_edits,
    spliced in."""
    out, pos = [], 0
    for start, end, replacement in fix_edits(text, findings):
        out.append(text[pos:start])
        out.append(replacement)
        pos = end
    out.append(text[pos:])
    return "".join(out)


def fix_edits(text: str, findings: Iterable[Finding]) -> list[tuple[int, int, str]]:
    """The edits apply_fixes makes, as sorted, non-overlapping (start, end, replacement)
    spans of `text` (reports use them to mark what a fix changes).

    A fix whose span holds other fixes is composed with them when it keeps their text
    ("THE Zelenski" -> "Zelenski" with "Zelenski" -> "Zelensky" gives "Zelensky"); any other
    overlap keeps the earliest-starting (then longest) fix and skips the rest. Findings whose
    text no longer matches the document are skipped, so stale findings change nothing. A
    deletion of whole lines also removes their line breaks (see _line_end).
    """
    fixes = sorted((f for f in findings if f.suggestion is not None and text[f.start:f.end] == f.text),
                   key=lambda f: (f.start, -(f.end - f.start), f.code))
    edits: list[tuple[int, int, str]] = []
    pos, i = 0, 0
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
        pos = _line_end(text, f.start, f.end) if replacement == "" else f.end
        edits.append((f.start, pos, replacement))
    return edits


_NEWLINE = re.compile(r"\r?\n")
_BLANK_LINE = re.compile(r"[ \t]*\r?\n")


def _line_end(text: str, start: int, end: int) -> int:
    """Deleting whole lines (boilerplate) takes their line break too, and the blank line
    after them when the line before is blank, so no empty paragraphs are left behind."""
    if start and text[start - 1] != "\n":
        return end
    m = _NEWLINE.match(text, end)
    if m is None:
        return end
    end = m.end()
    if start == 0 or text.endswith("\n", 0, start - 1) or text.endswith("\n\r", 0, start - 1):
        blank = _BLANK_LINE.match(text, end)
        if blank:
            end = blank.end()
    return end
