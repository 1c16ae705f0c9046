"""Text primitives shared by the rules: tokens, lines, paragraphs, sentences, name keys.

Everything here is a pure function of its input; spans are Python `str` offsets.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple

import regex

# A word: letters and combining marks, with inner apostrophes ("O'Brien", "don’t").
WORD_RE = regex.compile(r"[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*")
# Sentence ends: . ! ? … followed by space and an upper-case letter or an opening quote.
_SENT_END_RE = regex.compile(r"(?<=[.!?…][\"'”’)\]]?)\s+(?=[\"'“‘(\[]?[\p{Lu}\d])")
_PARA_RE = re.compile(r"\r?\n[ \t\u00a0\r]*\n")
# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st gen col lt sgt capt maj rev sen rep gov pres jr sr inc ltd co corp "
    "vs etc no jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e a.m p.m".split()
)


# Closed-class words that are capitalised only at a sentence start.
FUNCTION_WORDS = frozenset(
    "a an and as at but by for from he her his i if in is it its of on or our she so that the "
    "their them then there these they this those to was we were what when where which who why "
    "will with you your after before during while however although because since until".split())


class Token(NamedTuple):
    """A word and its [start, end) span (a tuple: millions are made, so it must be cheap)."""

    start: int
    end: int
    text: str

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()


_new_tuple = tuple.__new__


def tokens(text: str) -> list[Token]:
    # tuple.__new__ skips the NamedTuple constructor: 2.7x faster, the same values.
    return [_new_tuple(Token, (m.start(), m.end(), m.group())) for m in WORD_RE.finditer(text)]


_WORD_SPLIT_RE = regex.compile(f"({WORD_RE.pattern})")


class WordSpans(NamedTuple):
    """The words of a text (as `tokens` finds them) in parallel lists: no object per word."""

    words: list[str]
    starts: list[int]
    ends: list[int]


def word_spans(text: str) -> WordSpans:
    """`tokens(text)` as parallel lists, from one compiled pass: splitting on the words keeps
    them at the odd places, and the running sum of the pieces' lengths gives their offsets."""
    parts = _WORD_SPLIT_RE.split(text)
    offsets = list(accumulate(map(len, parts), initial=0))
    return WordSpans(parts[1::2], offsets[1:-2:2], offsets[2::2])


def word_gaps(text: str) -> tuple[list[str], list[str]]:
    """(words, gaps): the words of a text (as `tokens` finds them) and the text between them,
    from one compiled split and no offsets: gaps[i] stands before words[i], gaps[-1] after
    the last word."""
    parts = _WORD_SPLIT_RE.split(text)
    return parts[1::2], parts[0::2]


def line_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of every line, newline excluded."""
    spans, start, find = [], 0, text.find
    while True:
        i = find("\n", start)
        if i < 0:
            break
        spans.append((start, i))
        start = i + 1
    spans.append((start, len(text)))
    return spans


# Lowered a slice at a time where a character's lower case is longer than the character.
_LOWER_SLICE = 1 << 16


def lower_same_length(text: str) -> str:
    """`text` in lower case, each character lowered on its own where one's lower case is
    longer ("İ" stays as written), so an offset into the result is an offset into `text`.
    That slow path goes a slice at a time: its list of one-character strings stays small
    whatever the text's size."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join("".join(c.lower() if len(c.lower()) == 1 else c
                           for c in text[i:i + _LOWER_SLICE])
                   for i in range(0, len(text), _LOWER_SLICE))


def strip_possessive(word: str) -> str:
    """"Tskinvali's" -> "Tskinvali"."""
    return word[:-2] if word.endswith(("'s", "’s")) and len(word) > 2 else word


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraphs are separated by blank lines; a document without blank lines has one per line."""
    if not _PARA_RE.search(text):
        return [s for s in line_spans(text) if text[s[0]:s[1]].strip()]
    spans, start = [], 0
    for m in _PARA_RE.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [s for s in spans if text[s[0]:s[1]].strip()]


_TAIL = 64  # longer than any abbreviation


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentences inside [start, end): a light splitter, good enough for locating context."""
    end = len(text) if end is None else end
    out, s = [], start
    for m in _SENT_END_RE.finditer(text, start, end):
        # Only the last word matters: look at a bounded tail, so a run of abbreviations
        # ("Mr. Smith; Mr. Smith; ...") costs linear time, not quadratic.
        before = text[max(s, m.start() - _TAIL):m.start()].rstrip("\"'”’)]")
        words = before.split()
        last = words[-1].rstrip(".").lower() if words else ""
        if last in ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
            continue
        out.append((s, m.start()))
        s = m.end()
    if s < end:
        out.append((s, end))
    return out


# Letters that Unicode does not decompose into a base letter plus a mark.
_SPECIAL = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i",
                          "æ": "ae", "Æ": "Ae", "ß": "ss", "þ": "th", "Þ": "Th", "ð": "d",
                          "Ð": "D", "œ": "oe", "Œ": "Oe", "ʻ": "'", "ʼ": "'", "’": "'", "‘": "'"})


def strip_accents(s: str) -> str:
    """'Erdoğan' -> 'Erdogan', 'Łódź' -> 'Lodz', 'Đuro' -> 'Duro'; case is kept."""
    if s.isascii():
        return s  # nothing to translate, decompose or drop
    decomposed = unicodedata.normalize("NFKD", s.translate(_SPECIAL))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(s: str) -> str:
    """Lower-case and strip diacritics: 'Erdoğan' -> 'erdogan', 'Łódź' -> 'lodz'."""
    if s.isascii():  # no diacritics to strip, and casefold is lower
        return s.lower()
    return _fold(s)


@lru_cache(maxsize=1 << 15)  # only words with letters beyond ASCII: a bounded few MB
def _fold(s: str) -> str:
    return strip_accents(s).casefold()


# Letter groups that transliteration systems render differently; applied in order.
_SKELETON_RULES = (
    ("sch", "sh"), ("tch", "ch"), ("zh", "j"), ("kh", "h"), ("ph", "f"), ("wh", "v"),
    ("w", "v"), ("ff", "v"), ("ck", "k"), ("q", "k"), ("x", "ks"), ("c", "k"),
    ("ou", "u"), ("oo", "u"), ("ee", "i"), ("ij", "i"), ("iy", "i"), ("yi", "i"),
    ("y", "i"), ("j", "i"), ("ie", "i"), ("ii", "i"),
)
_DOUBLE_RE = re.compile(r"(.)\1+")


@lru_cache(maxsize=1 << 13)
def skeleton(s: str) -> str:
    """A transliteration-insensitive key: Witkoff, Whitkov -> 'vitkov'; Zelensky, Zelenskiy,
    Zelenski -> 'zelenski'. Used for blocking and as evidence, never alone as proof."""
    s = fold(s)
    if not s.isalpha():
        s = "".join(ch for ch in s if ch.isalpha())
    for a, b in _SKELETON_RULES:
        s = s.replace(a, b)
    return _DOUBLE_RE.sub(r"\1", s)


def is_all_caps(s: str) -> bool:
    """'NATO', 'THE', 'U.S.' -> True; 'Nato', 'A' -> False (a single letter is no acronym)."""
    return s.isupper() and sum(c.isalpha() for c in s) >= 2


# Endings English (and the Latin and foreign names it borrows) puts on a stem to make another
# word: demonyms, adjectives, nouns of people and doctrines, verbs (Estonia -> Estonians,
# Columbia -> Columbian, Slovenia -> Slovene, York -> Yorker, Christian -> Christianization,
# Oman -> Omanis).
_DERIVATIONS = frozenset(
    "ae an ans ean eans er ers ern erner erners ese ess ia ian ians ic ical ics ine ines ise "
    "ised is ish ism isms ist ists ite ites ity ium ius ization izations isation isations ize ized "
    "ification ified ifies ify ji men n ns ois ship".split())
# Endings that may also be spelling slips or another transliteration: they make two words
# derived forms only opposite a bare stem or a longer ending (Fomin, Fomina; Italy, Italian),
# never opposite each other (Zelenski, Zelensky).
_SHORT = frozenset(("a", "e", "i", "o", "s", "y", "es"))
_INFLECTIONS = frozenset(("s", "es", "a", "i"))
MIN_STEM = 4


def derived_forms(a: str, b: str, inflections: bool = True, attested: bool = True) -> bool:
    """True when the two words are one stem with different endings: one is the other plus an
    English derivational suffix (Greenland and Greenlandic, Darwin and Darwinian, Estonia and
    Estonians), or both end in such suffixes (Slovene and Slovenia, Kosovan and Kosovo). With
    `inflections`, a bare plural or feminine ending counts too (Romanian and Romanians, Fomin
    and Fomina). Two short endings alone (Zelenski, Zelensky; Rubio, Rubin) are not enough.
    Without `attested` (a word English does not use), only endings of three letters or more
    count: an unseen "Teslan" is as likely a foreign case ending as an adjective."""
    a, b = fold(a), fold(b)
    if a == b:
        return False
    common = 0
    for x, y in zip(a, b):
        if x != y:
            break
        common += 1
    for k in range(common, MIN_STEM - 1, -1):
        ra, rb = a[k:], b[k:]
        if not attested and max(len(ra), len(rb)) < 3:
            continue
        if ra and rb:
            if ra in _SHORT and rb in _SHORT:
                continue
            if (ra in _DERIVATIONS or ra in _SHORT) and (rb in _DERIVATIONS or rb in _SHORT):
                return True
        else:
            rest = ra or rb
            if rest in _DERIVATIONS or (inflections and rest in _INFLECTIONS):
                return True
    return False


def built_on(a: str, b: str) -> bool:
    """True when the longer word is the shorter one (or its stem without a final vowel) with
    at least three more letters: a compound or a derived word (Westbury on West, Yellowknife on
    Yellow, Carolingian on Carolina), never a misspelling of it."""
    a, b = fold(a), fold(b)
    if len(a) > len(b):
        a, b = b, a
    if len(a) < 3:
        return False
    stem = a[:-1] if a[-1] in "aeiouy" else a
    return len(b) - len(stem) >= 3 + (stem != a) and b.startswith(stem) or derived_forms(a, b)


# Letters of scholarly romanisation that English spelling and the code-mix languages do not
# use: macron vowels, consonants with a dot below (Arabic, Hebrew, Persian, Sanskrit, Pali),
# pinyin's caron vowels, ayn and hamza. A word spelt with them is a transliteration given on
# purpose ('nirvāṇa', 'kǎishū'), and a name spelt with them has no single English spelling
# ('Jabālyā': news writes Jabalia, Jabaliya and Jabalya).
_ROMANISATION_MARKS = frozenset("āēīōūḍḥḷṃṇṛṣṭṅẓǎǐǒǔǖǘǚǜʿʾ")


def romanised(word: str) -> bool:
    """True when `word` holds a letter of scholarly romanisation, in either case."""
    return not _ROMANISATION_MARKS.isdisjoint(word.lower())


_QUOTE_MARK_RE = regex.compile(r'["“”«»„\n]')
_OPENS = "“«„"
# A straight mark opens after a line start, a space, a bracket or a dash, before a non-space.
_STRAIGHT_OPENS_AFTER = " \t\u00a0([{—–-/\n"
_SENTENCE_END_RE = regex.compile(r"[.!?…](?=[\s\"”»)]|$)|\n")


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quotations on one line, in order: reported speech ("“No vamos a caer ...”"),
    a term quoted as such ('"tout autre"') or a title ('"Prima la musica, poi le parole"').
    Each mark is typed by its shape (“ « „ open, ” » close) or, for a straight mark, by its
    side: one after a space, a bracket or a dash and before a non-space opens, any other
    closes. An opening mark runs to the next closing one on its line, so a quotation is
    found even when a mark earlier on the line is unpaired, and a quotation never closed on
    its line runs to the end of its sentence."""
    spans: list[tuple[int, int]] = []
    if '"' not in text and not any(c in text for c in _OPENS):
        return spans
    opened = -1
    for m in _QUOTE_MARK_RE.finditer(text):
        i, ch = m.start(), m.group()
        if ch == "\n":
            if opened >= 0:
                spans.append(_unclosed(text, opened))
            opened = -1
            continue
        if ch == '"':
            nxt = text[i + 1:i + 2]
            opens = (i == 0 or text[i - 1] in _STRAIGHT_OPENS_AFTER) and nxt.strip() != ""
        else:
            opens = ch in _OPENS
        if opens:
            if opened < 0:
                opened = i
        elif opened >= 0:
            spans.append((opened, i + 1))
            opened = -1
    if opened >= 0:
        spans.append(_unclosed(text, opened))
    return spans


def _unclosed(text: str, start: int) -> tuple[int, int]:
    """A quotation opened at `start` and not closed on its line: to its sentence's end."""
    m = _SENTENCE_END_RE.search(text, start + 1)
    return start, (m.end() if m else len(text))
