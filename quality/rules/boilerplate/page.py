"""The page classifier: jusText's idea (Pomikálek 2011) for plain text, one block a line.

1. Every line gets a class from its own features (`initial`): `good` (prose: long and dense in
   stop words), `near` (prose-like but short or thin; any short sentence but a question),
   `short` (too short to judge: a short question too) or `bad` (separators between items,
   Title Case without a sentence end, few stop words). Lines the phrase tables already know
   are `bad`; "Reporting by ..." is `near`.
2. Consecutive prose lines are one paragraph cut into sentences: long enough together, all are
   `good` (`promote_runs`). A headline-like line right before good prose is its heading, and
   the nearest such line above the article (over dates and bylines) its title: `good`.
3. Good lines form blocks of prose (`segments`); the article is the block with the most
   characters of good lines (`main_body`).
4. Context (`revise`, jusText's rules): a short line takes the class of its nearest good or bad
   neighbours (both good: good, unless they are in different blocks; both bad: bad; one of
   each: bad, unless the bad side is a near line); a near line is bad only between bad lines.
   The edges of the document count as bad.
5. Reported (`classify`): bad lines that were short or bad by their own features (not a short
   sentence of the text's own), outside the article only, and only lines of a few words
   before it and of a headline's length after it (`before_max_words`, `after_max_words`);
   between two blocks of prose only when a known phrase stands among them (the gap between
   an article and its comments holds "12 Comments" or "Share"; a table inside an article
   holds none).
No document without a good line is judged. The thresholds are data:
quality/data/boilerplate_page.toml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

try:
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore

from ...data_files import DATA_DIR, lines as data_lines
from .features import MINOR_WORDS, NAME_LINE_RE, NOTICE_RE, REPORTED_RE, SENTENCE_END_RE

GOOD, NEAR, SHORT, BAD = "good", "near", "short", "bad"

_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
_ASKS_RE = re.compile(r"[?!][\"'”’]*$")
_SEPARATOR_RE = re.compile(r"\s[|·•»›/>]\s|\s[|·•»›]|[|·•»›]\s")


@dataclass(frozen=True)
class Params:
    length_low: int
    length_high: int
    stop_low: float
    stop_high: float
    sentence_stop: float
    headline_max_words: int
    headline_capitalised: float
    max_gap_bad: int
    max_gap_lines: int
    title_reach: int
    title_min_words: int
    before_max_words: int
    after_max_words: int
    min_run: int
    meta_reach: int
    page_end_run: int


@lru_cache(maxsize=1)
def params() -> Params:
    with open(DATA_DIR / "boilerplate_page.toml", "rb") as fh:
        return Params(**tomllib.load(fh))


@lru_cache(maxsize=None)
def stop_words(lang: Optional[str]) -> Optional[frozenset]:
    """The stop words of a language (data/boilerplate_stopwords_<lang>.txt), or None."""
    if not lang or not (DATA_DIR / f"boilerplate_stopwords_{lang}.txt").is_file():
        return None
    return frozenset(data_lines(f"boilerplate_stopwords_{lang}.txt"))


@dataclass(frozen=True)
class Features:
    words: int            # whitespace-separated tokens
    chars: int
    stop_density: float   # share of words that are stop words of the document's language
    sentence_end: bool    # ends with . ! ? (and closing quotes)
    capitalised: float    # share of capitalised words among words of 4+ letters
    separators: int       # separators between items: | · • » ›
    asks: bool            # ends with ? or ! (a headline may; a menu item does not)
    notice: bool = False  # holds a copyright notice ("© 2012 Example", "All rights reserved")
    long_words: int = 0   # words of 4+ letters


def _notice_cue(line: str) -> bool:
    """A cheap first test for NOTICE_RE (most lines have none of these)."""
    return ("©" in line or "opyright" in line or "OPYRIGHT" in line or "eserved" in line
            or "ESERVED" in line or "(c)" in line or "(C)" in line)


def features(line: str, stop: frozenset) -> Features:
    words = _WORD_RE.findall(line)
    stops = sum(w.lower().replace("’", "'") in stop for w in words)
    long = [w for w in words if len(w) >= 4]
    return Features(
        words=len(line.split()), chars=len(line),
        stop_density=stops / len(words) if words else 0.0,
        sentence_end=bool(SENTENCE_END_RE.search(line)),
        capitalised=sum(w[:1].isupper() for w in long) / len(long) if long else 0.0,
        separators=len(_SEPARATOR_RE.findall(line)),
        asks=bool(_ASKS_RE.search(line)),
        notice=bool(_notice_cue(line) and NOTICE_RE.search(line)),
        long_words=len(long),
    )


def title_question(f: Features, p: Params) -> bool:
    """A headline that asks or exclaims, in Title Case ("Is College Still Worth It?"), or
    ends in a full stop with at least four capitalised words of four letters or more ("Help!
    I Caught My Son Doing Something Odd."): a headline's capitals, not a sentence's."""
    return ((f.asks or f.sentence_end and f.long_words >= 4)
            and 3 <= f.words <= p.headline_max_words
            and f.capitalised >= p.headline_capitalised)


def initial(f: Features, p: Params) -> tuple[str, str]:
    """(class, the signal that decided it) from the line alone."""
    if f.separators >= 2:
        return BAD, "items between separators"
    if f.notice:
        # A site's legal footer may be the longest paragraph of the page; it is never prose.
        return BAD, "copyright notice"
    if title_question(f, p):
        # "Where Should I Start? Blogger or Tumblr?": a headline's question, not a sentence
        # of prose; its neighbours tell a teaser list from an article's own headings.
        return SHORT, "Title Case question"
    # A short question is no evidence either way: the article asks them ("What happens
    # next?") and so do the headlines of a teaser list ("Is it time to save the Moon?"); as a
    # `near` line it would carry a whole list of links after the article into it.
    if f.sentence_end and f.words >= 3 and f.stop_density >= p.sentence_stop and not (
            f.asks and f.chars < p.length_low):
        if f.chars >= p.length_high and f.stop_density >= p.stop_high:
            return GOOD, "prose"
        return NEAR, "a sentence"
    if f.chars < p.length_low:
        if f.stop_density == 0:
            return SHORT, "short, no stop words"
        return SHORT, "short"
    if (not f.sentence_end and f.capitalised >= p.headline_capitalised
            and f.words <= p.headline_max_words):
        return BAD, "Title Case, no sentence"
    if f.stop_density >= p.stop_high:
        return (GOOD if f.chars >= p.length_high else NEAR), "prose"
    if f.stop_density >= p.stop_low:
        return NEAR, "thin prose"
    return BAD, "few stop words"


def promote_runs(classes: list[str], feats: list[Features], p: Params) -> list[str]:
    """Consecutive prose lines long enough together are good."""
    out = list(classes)
    i, n = 0, len(classes)
    while i < n:
        if classes[i] not in (GOOD, NEAR):
            i += 1
            continue
        j = i
        while j < n and classes[j] in (GOOD, NEAR):
            j += 1
        if sum(f.chars for f in feats[i:j]) >= p.length_high:
            out[i:j] = [GOOD] * (j - i)
        i = j
    return out


def _heading_like(f: Features, p: Params) -> bool:
    return f.words >= p.title_min_words and not f.separators


def headings(classes: list[str], feats: list[Features], known: list[bool],
             p: Params) -> list[str]:
    """A headline-like line right before a good line heads it: good."""
    out = list(classes)
    for i in range(len(classes) - 1):
        if (classes[i] in (SHORT, BAD) and not known[i] and classes[i + 1] == GOOD
                and _heading_like(feats[i], p)):
            out[i] = GOOD
    return out


# A metadata bar under a title: "By Jane Smith | Photo by Example", "12 Comments » | Posted in
# News", "Staff | Tags: Trade, Tariffs".
_META_BAR_RE = re.compile(r"\b(?:by|tags?|tagged|filed|posted|published|comments?)\b",
                          re.IGNORECASE)


def title(classes: list[str], feats: list[Features], start: int, known: list[bool],
          meta: list[bool], p: Params, texts: Optional[list[str]] = None
          ) -> tuple[list[str], int]:
    """(classes, index of the title or `start`). The nearest headline-like line above the
    article, over dates, bylines, metadata bars ("By Jane Smith | Tags: Trade") and known
    furniture (a breadcrumb, a share bar): good."""
    out = list(classes)
    i = start - 1
    dated = False
    while i >= 0 and start - i <= p.title_reach:
        if meta[i] or known[i] or (texts is not None and feats[i].separators
                                   and _META_BAR_RE.search(texts[i])):
            dated = dated or not known[i]
            i -= 1
            continue
        # A title of one or two words ("Micromorts") only where it does not end a run of
        # short lines (a menu's last item), unless a dateline or byline stands under it and
        # fewer than `min_run` short lines above it.
        if _heading_like(feats[i], p) or (not feats[i].separators and (
                i == 0 or classes[i - 1] != SHORT or dated and not all(
                    c == SHORT for c in classes[max(0, i - p.min_run):i]))):
            out[i] = GOOD
            return out, i
        break
    return out, start


def segments(classes: list[str], p: Params) -> list[int]:
    """A block number for every good line, -1 for the others."""
    seg = [-1] * len(classes)
    prev, k = None, -1
    for i, c in enumerate(classes):
        if c != GOOD:
            continue
        if prev is None:
            k += 1
        else:
            bad = classes[prev + 1:i].count(BAD)
            if bad > p.max_gap_bad or (bad and i - prev - 1 > p.max_gap_lines):
                k += 1
        seg[i] = k
        prev = i
    return seg


def main_body(seg: list[int], feats: list[Features]) -> tuple[int, int]:
    """[first, last] line of the block with the most characters of good lines."""
    size: dict[int, int] = {}
    for k, f in zip(seg, feats):
        if k >= 0:
            size[k] = size.get(k, 0) + f.chars
    best = max(size, key=lambda k: (size[k], -k))
    members = [i for i, k in enumerate(seg) if k == best]
    return members[0], members[-1]


def revise(classes: list[str], seg: list[int]) -> list[str]:
    """jusText's context step."""
    n = len(classes)
    edge = (BAD, -1)
    # The nearest good or bad line (ignore_near) or good, bad or near line before and after
    # each line, found in two linear passes.
    near_prev, near_next, firm_prev, firm_next = [edge] * n, [edge] * n, [edge] * n, [edge] * n
    firm = near = edge
    for i in range(n):
        firm_prev[i], near_prev[i] = firm, near
        if classes[i] in (GOOD, BAD):
            firm = near = (classes[i], seg[i])
        elif classes[i] == NEAR:
            near = (NEAR, seg[i])
    firm = near = edge
    for i in range(n - 1, -1, -1):
        firm_next[i], near_next[i] = firm, near
        if classes[i] in (GOOD, BAD):
            firm = near = (classes[i], seg[i])
        elif classes[i] == NEAR:
            near = (NEAR, seg[i])

    def neighbour(i: int, step: int, ignore_near: bool) -> tuple[str, int]:
        if ignore_near:
            return firm_prev[i] if step < 0 else firm_next[i]
        return near_prev[i] if step < 0 else near_next[i]

    out = list(classes)
    for i, c in enumerate(classes):
        if c == SHORT:
            (prev, ps), (nxt, ns) = neighbour(i, -1, True), neighbour(i, 1, True)
            if prev == nxt == GOOD:
                out[i] = GOOD if ps == ns else BAD
            elif prev == nxt:
                out[i] = prev
            elif (prev == BAD and neighbour(i, -1, False)[0] == NEAR) or (
                    nxt == BAD and neighbour(i, 1, False)[0] == NEAR):
                out[i] = GOOD
            else:
                out[i] = BAD
        elif c == NEAR:
            prev, nxt = neighbour(i, -1, True)[0], neighbour(i, 1, True)[0]
            out[i] = BAD if prev == nxt == BAD else GOOD
    return out


_ANNOTATION_RE = re.compile(r"^[(\[][^()\[\]:@©]+[)\]]$")
# A letter's salutation ("Dear Editor:", "Dear Sir,") or an interview's speaker label ("Q.",
# "A:"): the text's own words.
_SALUTATION_RE = re.compile(r"^(?:Dear\s+\S.{0,40}[,:!]|[QA][.:])$")


def _spoken(line: str, f: Features) -> bool:
    """A short sentence with a stop word ("Thank you.", "Over to you."), a bracketed
    annotation ("(Applause)", "[Music]"; not a credit or an account: "(Copyright: Example)",
    "(@jane/Twitter)"), a salutation ("Dear Sir,") or a speaker label ("Q.")
    is the text's own: a transcript's, an interview's, a letter's.
    Furniture has no sentences of its own that are not in the phrase tables."""
    return bool(_ANNOTATION_RE.match(line) or _SALUTATION_RE.match(line)) or (f.sentence_end and f.stop_density > 0
                                                 and not title_question(f, params()))


# An item of a numbered list ("100. Ray Gillen", "3) Keep it short"): the text's own.
_NUMBERED_RE = re.compile(r"^\d+[.)]\s")


def headline(line: str, f: Features, p: Params) -> Optional[str]:
    """The kind of headline a line is, or None: Title Case without a sentence end ("Tips for
    Growing Roses Indoors": only the minor words of a title in lower case, so "The Spring Fair
    was" is a cut sentence), or a clause with its source in the present tense and no full
    stop, as headlines give it ("Storm cuts power to thousands, officials say"), or a headline
    that asks in Title Case ("Which Party Represents the Racial Future?", `title_question`)."""
    if f.separators or not 2 <= f.words <= p.headline_max_words or _NUMBERED_RE.match(line):
        return None
    if f.sentence_end:
        return "Title Case question" if f.asks and title_question(f, p) else None
    if REPORTED_RE.search(line):
        return "headline with its source"
    if f.capitalised >= p.headline_capitalised and all(
            w[:1].isupper() or not w[:1].isalpha() or w in MINOR_WORDS for w in line.split()):
        return "Title Case headline"
    return None


def page_end(texts: list[str], feats: list[Features], known: list[bool], meta: list[bool],
             p: Params) -> list[Optional[str]]:
    """For a text without a block of prose (a title and a few lines of text, the rest of the
    page cut away): the headlines at its end, after its last line of text, among furniture
    the phrase tables know or dates. The edge of the page counts as furniture (jusText), so a
    run of at least `page_end_run` such lines down to the end is the page's, not the text's:
    links to other stories and section names. The first line (the title) is never one."""
    out: list[Optional[str]] = [None] * len(texts)
    i = len(texts)
    while i > 1 and (known[i - 1] or meta[i - 1] or headline(texts[i - 1], feats[i - 1], p)):
        i -= 1
    if len(texts) - i < p.page_end_run or not any(
            not known[j] and not meta[j] for j in range(1, i)):
        return out
    kinds = [None if known[j] else headline(texts[j], feats[j], p) for j in range(len(texts))]
    for j in range(i, len(texts)):
        if not kinds[j]:
            continue  # known furniture (reported by its phrase), a date or a byline
        if meta[j] and not (NAME_LINE_RE.match(texts[j]) and (
                j > i or j + 1 < len(texts) and kinds[j + 1])):
            # A date or byline in capitals; a name alone right after the text is its
            # signature, names in a list of headlines are items ("Effective Communication").
            continue
        out[j] = f"{kinds[j]}, after the text among page furniture"
    return out


def classify(texts: list[str], known: list[bool], meta: list[bool], credits: list[bool],
             stop: frozenset, feats: Optional[list[Features]] = None,
             dates: Optional[list[bool]] = None) -> tuple[list[Optional[str]], list[bool]]:
    """(reports, article). For every non-blank line, reports[i] is None (article, or not for
    this classifier to say) or the signals that make it page furniture; article[i] tells
    whether it is a good line of the article or its title. `known`: the phrase tables matched
    the line; `meta`: a date or byline; `credits`: the article's own credit line
    ("Reporting by ..."); `dates`: the line is only a date."""
    p = params()
    feats = feats if feats is not None else [features(t, stop) for t in texts]
    first, why = [], []
    for f, k, c in zip(feats, known, credits):
        cls, signal = (BAD, "known") if k else (NEAR, "credit") if c else initial(f, p)
        first.append(cls)
        why.append(signal)
    classes = headings(promote_runs(first, feats, p), feats, known, p)
    if GOOD not in classes:
        return page_end(texts, feats, known, meta, p), [False] * len(texts)
    lo, _ = main_body(segments(classes, p), feats)
    classes, top = title(classes, feats, lo, known, meta, p, texts)
    seg = segments(classes, p)
    lo, hi = main_body(seg, feats)
    final = revise(classes, seg)
    goods = [i for i, c in enumerate(final) if c == GOOD]
    evidence = [True] * len(texts)
    for a, b in zip(goods, goods[1:]):
        if b > a + 1 and not any(known[a + 1:b]):
            evidence[a + 1:b] = [False] * (b - a - 1)
    # Dates, bylines and names right before or after the article are its own.
    # At most `meta_reach` of them: a longer run of such lines ("Learn More", "Free Sample":
    # two capitalised words look like a name) is a menu.
    start = min(lo, top)
    while start > 0 and meta[start - 1] and min(lo, top) - start < p.meta_reach:
        start -= 1
    end = hi
    while end + 1 < len(texts) and meta[end + 1] and end - hi < p.meta_reach:
        end += 1
    out: list[Optional[str]] = []
    for i, f in enumerate(feats):
        if start <= i < min(lo, top) or hi < i <= end:
            out.append(None)
            continue
        if (final[i] != BAD or known[i] or first[i] not in (BAD, SHORT) or lo <= i <= hi
                or _spoken(texts[i], f)
                or not evidence[i] or f.words > (p.before_max_words if i < lo else p.after_max_words)):
            out.append(None)
        else:
            out.append(f"{why[i]}, {'before' if i < lo else 'after'} the article")
    # A lone line is not reported: furniture comes in runs (a menu, a share bar, a footer).
    # A date beside it makes no run: a headline under its date is an entry of a dated list
    # (an archive, a blog's front page), the page's content as much as its furniture.
    dates = dates or [False] * len(texts)
    for i, w in enumerate(out):
        if w and not any(0 <= j < len(out) and (out[j] or known[j]) and not dates[j]
                         for j in (i - 1, i + 1)):
            out[i] = None
    # Nor is a run shorter than `min_run` that no known furniture touches: two short lines
    # alone (a site's name and its tagline, an author and "Abstract") are as likely the
    # page's heading as its menu.
    i = 0
    while i < len(out):
        if not out[i]:
            i += 1
            continue
        j = i
        while j < len(out) and out[j]:
            j += 1
        if j - i < p.min_run and not any(0 <= k < len(out) and known[k] and not dates[k]
                                         for k in (i - 1, j)):
            out[i:j] = [None] * (j - i)
        i = j
    return out, [c == GOOD and min(lo, top) <= i <= hi for i, c in enumerate(final)]
