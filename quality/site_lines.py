"""Per-site line counts for the corpus pass: lines that recur across pages of one site.

A site's menus, footers and standing notices repeat on its pages, word for word, even when they
read like prose ("Our journalism is funded by readers like you."). `SiteLines` counts, for each
site, how many of its documents hold each line (fingerprinted: case, digits and spacing
folded), and keeps a few of those documents' keys so that lines shared only by versions of one
story (a title, a quote) can be told apart. It is a counter of its own: built with `add`,
combined with `merge` (order-independent), saved with `to_dict`/`from_dict`.

The site of a document (`site_of`): the host of its `site` or `url` record field (readers set
`Document.site`), else the folder a file was read from (a corpus stored one folder per site).
Pages of one site also share their header: a document that opens with a few short lines (a
masthead, a menu) is also counted under those lines (`header_site`), so pages scraped from many
sites into one folder or one record file still find their own site's furniture.
"""
from __future__ import annotations

import hashlib
import os
import re
from collections import Counter
from typing import Iterable, NamedTuple, Optional
from urllib.parse import urlsplit

from .model import Document

_DIGITS = re.compile(r"\d")
_SENTENCE_RE = re.compile(r"[.!?…][\"'”’)\]]*$")
# Lines shorter than this say too little (single words are the phrase tables' business).
MIN_WORDS = 3
MIN_CHARS = 12
# How many document keys are kept per (site, line): enough to see two stories.
SAMPLE = 4


def site_of(doc: Document) -> Optional[str]:
    """The site a document comes from, or None when nothing tells."""
    site = (doc.site or "").strip()
    if "/" in site or "." in site:  # a URL or a host name: its host
        try:
            host = urlsplit(site if "//" in site else "//" + site).hostname
        except ValueError:
            host = None
        if host:
            return host.lower().removeprefix("www.")
    if site:
        return site.lower()
    if doc.path and doc.id is None:  # a file: its folder
        folder = os.path.dirname(doc.path)
        return folder or None
    return None


# The header of a page: its first HEADER_LINES lines, each at most HEADER_MAX_WORDS words,
# none a sentence and no blank line between them (a masthead and a menu dumped one block a
# line; not a title and a standfirst, nor the headings of text laid out in paragraphs).
HEADER_LINES = 3
HEADER_MAX_WORDS = 6


def header_site(lines: Iterable[str]) -> Optional[tuple[str, str]]:
    """(the site a document's header names, "pages headed 'example news / home / world'"; a
    key of the first line after the header, the page's title), or None when the document
    does not open with a header. Case, digits and spacing are folded. Versions of one story
    share their title; pages of one site share only their furniture: the title key stands for
    the document when the rule asks whether a line's documents are more than one story."""
    head: list[str] = []
    for line in lines:
        t = line.strip()
        if not t:
            if 0 < len(head) < HEADER_LINES:
                return None  # short lines between blank lines: a writer's headings
            continue
        norm = fold_line(t)
        if len(head) == HEADER_LINES:
            digest = hashlib.blake2b(norm.encode("utf-8", "surrogatepass"), digest_size=8)
            return "pages headed '" + " / ".join(head) + "'", "\x1ftitle:" + digest.hexdigest()
        if len(t.split()) > HEADER_MAX_WORDS or _SENTENCE_RE.search(t):
            return None
        head.append(norm)
    return None


# A sentence shorter than this recurs as ordinary speech ("Thank you very much.", "I don't
# know."): only longer sentences, or lines that are not sentences, are evidence.
MIN_SENTENCE_WORDS = 5


def fold_line(line: str) -> str:
    """A line as recurring lines are compared: case and digits folded, spacing collapsed."""
    return " ".join(_DIGITS.sub("0", line.casefold()).split())


class LinePrint(NamedTuple):
    """What the recurring-line counts need of one line, computed once per line: the corpus
    pass (`CorpusStats.add`) and the rules that ask about a line (BP11, BP16) share it."""

    words: int                # words in the line
    chars: int                # characters of the folded line (`fold_line`)
    digest: Optional[int]     # 64-bit fingerprint of the folded line; None under MIN_WORDS
    short_sentence: bool      # a sentence of fewer than MIN_SENTENCE_WORDS words


def line_print(line: str) -> LinePrint:
    """The `LinePrint` of a line (see `fold_line`)."""
    norm = fold_line(line)
    words = norm.count(" ") + 1 if norm else 0  # one space between words once folded
    if words < MIN_WORDS:  # too short for any count: no fingerprint
        return LinePrint(words, len(norm), None, False)
    digest = hashlib.blake2b(norm.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return LinePrint(words, len(norm), int.from_bytes(digest, "big"),
                     words < MIN_SENTENCE_WORDS and _SENTENCE_RE.search(norm) is not None)


def site_line_digest(p: LinePrint) -> Optional[int]:
    """The fingerprint a site's line is counted under, or None for a line too short to be
    evidence (or a short sentence: ordinary speech)."""
    if p.chars < MIN_CHARS or p.words < MIN_WORDS or p.short_sentence:
        return None
    return p.digest


def site_furniture(line: str) -> bool:
    """Items between separators ("Home | World | Sport"): a menu, never a title or a quote
    that versions of one story share."""
    t = line.strip()
    return not _SENTENCE_RE.search(t) and sum(t.count(c) for c in "|·•»›") >= 2


class SiteLines:
    """site -> documents, and (site, line) -> documents holding the line, with a sample of
    their keys.

    Memory: per site, a table from the line's 64-bit fingerprint to the one document key
    holding it (most lines are on one page only: a reference to the key the document's other
    lines share) or, once a second document holds it, to [documents, up to SAMPLE least keys]."""

    def __init__(self) -> None:
        self.docs: Counter = Counter()                  # site -> documents
        self._lines: dict[str, dict[int, object]] = {}  # site -> fingerprint -> key | [n, keys]

    @staticmethod
    def _entry(value) -> tuple[int, tuple[str, ...]]:
        return (1, (value,)) if isinstance(value, str) else (value[0], tuple(value[1:]))

    @staticmethod
    def _count(table: dict, h: int, n: int, keys: tuple[str, ...]) -> None:
        old = table.get(h)
        if old is None and n == 1 and len(keys) == 1:
            table[h] = keys[0]
            return
        m, had = SiteLines._entry(old) if old is not None else (0, ())
        table[h] = [m + n, *sorted({*had, *keys})[:SAMPLE]]

    def add(self, site: Optional[str], doc_key: str, prints: Iterable[LinePrint]) -> None:
        """Count a document's lines (their `line_print`s) under `site`."""
        if site is None:
            return
        self.docs[site] += 1
        table = self._lines.setdefault(site, {})
        for h in {h for h in map(site_line_digest, prints) if h is not None}:
            self._count(table, h, 1, (doc_key,))

    def merge(self, other: "SiteLines") -> "SiteLines":
        self.docs.update(other.docs)
        for site, theirs in other._lines.items():
            table = self._lines.setdefault(site, {})
            for h, value in theirs.items():
                self._count(table, h, *self._entry(value))
        return self

    def count(self, site: Optional[str], line: "str | LinePrint"
              ) -> Optional[tuple[int, int, tuple]]:
        """(documents of the site holding the line, documents of the site, sample of their
        keys), or None when the line is too short or the site unknown. The line may be given
        as its `line_print`."""
        if site is None:
            return None
        h = site_line_digest(line if isinstance(line, LinePrint) else line_print(line))
        if h is None:
            return None
        value = self._lines.get(site, {}).get(h)
        n, sample = self._entry(value) if value is not None else (0, ())
        return n, self.docs.get(site, 0), sample

    def to_dict(self) -> dict:
        entries = sorted((f"{site}\x1f{h:016x}", self._entry(v))
                         for site, table in self._lines.items() for h, v in table.items())
        return {"docs": dict(sorted(self.docs.items())),
                "lines": {sk: n for sk, (n, _) in entries},
                "sample": {sk: list(keys) for sk, (_, keys) in entries}}

    @classmethod
    def from_dict(cls, raw: dict) -> "SiteLines":
        s = cls()
        s.docs = Counter(raw.get("docs", {}))
        sample = raw.get("sample", {})
        for sk, n in raw.get("lines", {}).items():
            site, _, key = sk.rpartition("\x1f")
            s._count(s._lines.setdefault(site, {}), int(key, 16), n, tuple(sample.get(sk, ())))
        return s
