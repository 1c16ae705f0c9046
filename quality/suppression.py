"""What users have said not to report: pure helpers. The decision itself is made in one place,
`Auditor._keep` in audit.py, in this order: inline comments, the accept vocabulary, per-path
ignores, then the baseline (baseline.py).

- Accept vocabulary (`accept`, `accept-file`): literal forms, case-sensitive, matched at word
  boundaries. A finding whose span lies inside an occurrence of an accepted form is dropped:
  accepting "Whitkov" silences NM01 on "Whitkov", accepting "Keith Kloge" silences it on
  "Kloge" there, but a boilerplate line that merely contains the form is still reported.
- Per-path ignores (`[per-path-ignores] "archive/**" = ["PL01"]`): glob patterns (`*` and `?`
  within one folder, `**` across folders) relative to the config file's folder; a pattern
  without `/` matches a file or folder name anywhere. A pattern matching a folder covers
  everything below it.
- Inline comments, in Markdown or any text: `<!-- quality: ignore CODES -->` drops those
  findings in the block that follows the comment (up to the next blank line);
  `<!-- quality: off CODES -->` ... `<!-- quality: on -->` drops them in the region between
  (to the end of the text when no `on` follows). No CODES means every rule; CODES are rule
  codes, names, code prefixes or categories, separated by commas or spaces.
"""
from __future__ import annotations

import os
import re
from typing import Iterable, Optional, Sequence

_WORD = re.compile(r"\w+")


class AcceptList:
    """Accepted forms, indexed by their first word so a check never scans the whole list."""

    def __init__(self, forms: Iterable[str]):
        self.by_word: dict[str, list[str]] = {}
        self.exact: set[str] = set()
        for form in forms:
            form = form.strip()
            if form:
                self.exact.add(form)
                for w in set(_WORD.findall(form)):
                    self.by_word.setdefault(w, []).append(form)

    def __bool__(self) -> bool:
        return bool(self.exact)

    def covers(self, text: str, start: int, end: int) -> bool:
        """Whether [start, end) of `text` lies inside an occurrence of an accepted form."""
        span = text[start:end]
        if span in self.exact and _bounded(text, start, end):
            return True
        words = _WORD.findall(span)
        for form in self.by_word.get(words[0], ()) if words else ():
            i = text.find(form, max(0, end - len(form)))
            while i != -1 and i <= start:
                if i + len(form) >= end and _bounded(text, i, i + len(form)):
                    return True
                i = text.find(form, i + 1)
        return False


def _bounded(text: str, start: int, end: int) -> bool:
    return not (start > 0 and text[start - 1].isalnum() and text[start].isalnum()) and not (
        end < len(text) and end > start and text[end].isalnum() and text[end - 1].isalnum())


def read_accept_file(path: str) -> list[str]:
    """One form per line; `#` starts a comment line; blank lines are skipped.
    Raises OSError or UnicodeDecodeError."""
    with open(path, encoding="utf-8-sig") as fh:
        return [line.strip() for line in fh if line.strip() and not line.lstrip().startswith("#")]


def _glob(pattern: str) -> "re.Pattern[str]":
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        else:
            c = pattern[i]
            out.append("[^/]*" if c == "*" else "[^/]" if c == "?" else re.escape(c))
            i += 1
    return re.compile("".join(out) + r"\Z")


class PathIgnores:
    """[(pattern, selectors)] -> the selectors that apply to a document path."""

    def __init__(self, table: Sequence[tuple[str, Sequence[str]]]):
        self.rules = []
        for p, sel in table:
            p = p.rstrip("/")
            anchored = "/" in p
            if anchored and not p.startswith("/"):  # relative to the working folder
                p = os.getcwd().replace(os.sep, "/").rstrip("/") + "/" + p
            self.rules.append((anchored, _glob(p), tuple(sel)))
        self._cache: dict[str, tuple[str, ...]] = {}

    def __bool__(self) -> bool:
        return bool(self.rules)

    def selectors(self, path: Optional[str]) -> tuple[str, ...]:
        if not self.rules or path in (None, "-"):
            return ()
        hit = self._cache.get(path)
        if hit is None:
            full = os.path.abspath(path).replace(os.sep, "/")
            parts = full.split("/")
            candidates = ["/".join(parts[:k]) for k in range(len(parts), 1, -1)]
            out: list[str] = []
            for anchored, rx, sel in self.rules:
                if any(rx.match(c if anchored else c.rsplit("/", 1)[-1]) for c in candidates):
                    out.extend(sel)
            hit = self._cache[path] = tuple(out)
        return hit


_COMMENT = re.compile(r"<!--\s*quality:\s*(ignore|off|on)\b([^>]*?)\s*-->", re.IGNORECASE)
_BLANK = re.compile(r"\n[ \t]*\r?\n")


def inline_regions(text: str) -> list[tuple[int, int, tuple[str, ...]]]:
    """[(start, end, selectors)] that the text's `<!-- quality: ... -->` comments silence;
    empty selectors mean every rule."""
    if "quality:" not in text:
        return []
    out, open_offs = [], []
    for m in _COMMENT.finditer(text):
        verb = m.group(1).lower()
        sel = tuple(x for x in m.group(2).replace(",", " ").split() if x)
        if verb == "ignore":
            start = m.end()
            while start < len(text) and text[start].isspace():
                start += 1
            blank = _BLANK.search(text, start)
            out.append((m.start(), blank.start() if blank else len(text), sel))
        elif verb == "off":
            open_offs.append((m.start(), sel))
        else:
            out.extend((s, m.end(), sel) for s, sel in open_offs)
            open_offs = []
    out.extend((s, len(text), sel) for s, sel in open_offs)
    return out
