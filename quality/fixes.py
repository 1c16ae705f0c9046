"""apply_fixes: the only code that rewrites text (fix_edits says where it does)."""
from __future__ import annotations

import re
import unicodedata
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
      - its evidence comes from other documents (corpus mode: NM11, NM12, PL11, PL12, BP11), so it
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
    text no longer matches the document, or whose fix is already in place ("Witkof" ->
    "Witkoff" on a text that reads "Witkoff"), are skipped: stale findings change nothing, and
    a fix applied twice gives the text of applying it once, save a removal whose text is
    repeated right after it (the copy now stands in its place and is removed too). A
    deletion of whole lines of visible text also removes their line breaks (see _line_end).
    """
    fixes = sorted((f for f in findings if f.suggestion is not None
                    and text[f.start:f.end] == f.text and not _already_applied(text, f)),
                   key=lambda f: (f.start, -(f.end - f.start), f.code))
    edits: list[tuple[int, int, str]] = []
    pos, i = 0, 0
    while i < len(fixes):
        f = fixes[i]
        i += 1
        if f.start < pos:
            continue
        inners = []
        while i < len(fixes) and fixes[i].start < f.end:
            inners.append(fixes[i])
            i += 1
        replacement = _compose(f, inners) if inners else f.suggestion
        pos = _line_end(text, f.start, f.end) if replacement == "" and _visible(f.text) \
            else f.end
        edits.append((f.start, pos, replacement))
    return edits


def _compose(outer: Finding, inners: list[Finding]) -> str:
    """The outer fix's replacement with the inner fixes applied inside it: positionally where
    the outer fix keeps their text in place (the common start or end of the outer text and its
    replacement: ftfy's repairs keep the words around a repaired character), else where
    their text occurs exactly once in the replacement; inner fixes that fit neither way, or
    that overlap each other, are dropped."""
    old, new = outer.text, outer.suggestion
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    edits, rest, last = [], [], 0
    for inner in inners:
        a, b = inner.start - outer.start, inner.end - outer.start
        if a < last or b > len(old) or not inner.text:
            continue
        last = b
        if b <= head:
            edits.append((a, b, inner.suggestion))
        elif a >= len(old) - tail:
            shift = len(new) - len(old)
            edits.append((a + shift, b + shift, inner.suggestion))
        else:
            rest.append(inner)
    for a, b, sub in reversed(edits):
        new = new[:a] + sub + new[b:]
    for inner in rest:
        if new.count(inner.text) == 1:
            new = new.replace(inner.text, inner.suggestion)
    return new


def _already_applied(text: str, f: Finding) -> bool:
    """The fix only adds text around its span, and that text is already there."""
    s = f.suggestion
    if len(s) <= len(f.text):
        return False
    if s.startswith(f.text) and text.startswith(s, f.start):
        return True
    return s.endswith(f.text) and f.end >= len(s) and text.endswith(s, 0, f.end)


_NEWLINE = re.compile(r"\r\n|\n|\r")
_BLANK_LINE = re.compile(r"[ \t]*(?:\r\n|\n|\r)")


def _visible(deleted: str) -> bool:
    """The deleted text shows on the page: a line of it is a line the reader sees. Deleting
    only invisible characters (a zero width space alone on its line) keeps the line break:
    the reader saw a blank line there and still does."""
    return any(unicodedata.category(c)[0] not in "CZ" for c in deleted)


def _line_end(text: str, start: int, end: int) -> int:
    """Deleting whole lines (boilerplate) takes their line break too (LF, CRLF or a bare CR),
    and the blank line after them when the line before is blank, so no empty paragraphs are
    left behind."""
    if start and text[start - 1] not in "\n\r":
        return end
    m = _NEWLINE.match(text, end)
    if m is None:
        return end
    end = m.end()
    if start == 0 or _blank_line_before(text, start):
        blank = _BLANK_LINE.match(text, end)
        if blank:
            end = blank.end()
    return end


def _blank_line_before(text: str, start: int) -> bool:
    """The line before the one starting at `start` is empty."""
    prev = start - (2 if text.startswith("\r\n", start - 2) else 1)
    return prev > 0 and text[prev - 1] in "\n\r"
