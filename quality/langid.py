"""Language identification: a cheap stop-word profile first, langdetect only when it is unsure.

langdetect is random unless seeded; every call here goes through one factory seeded with 0, so
the same text gets the same answer in every run and every process.
"""
from __future__ import annotations

import re
import threading
from array import array
from bisect import bisect_left, bisect_right
from itertools import compress, count
from functools import lru_cache
from typing import Iterable, Optional

import regex

from .lexicon import EMPTY, Frequencies, frequencies, has_list

_WORD = regex.compile(r"\p{L}+")
# The most frequent function words of English; a page of English prose is ~40-50% these.
EN_STOPWORDS = frozenset("""
a about after all also an and are as at be been but by can could did do does for from had has
have he her his i if in into is it its more my no not of on or our out said she so than that the
their them then there these they this to up was we were what when which who will with would you
""".split())
# Sample at most this many characters for langdetect; it is unreliable under ~100.
SAMPLE = 2000
MIN_CHARS = 60

_lock = threading.Lock()
_factory_loaded = False


class _SparseProbs:
    """langdetect's n-gram table (n-gram -> one probability per language) held sparsely.

    langdetect keeps a list of 55 floats for each of its ~88,000 n-grams, although an n-gram
    occurs in two languages on average: 64 MB in every process that detects a language. Here
    the (language index, probability) pairs of all n-grams sit in two flat arrays and each
    n-gram keeps where its run starts and how long it is; the detector gets the same dense
    list, the same floats in the same places, when it asks for one, so its answers do not
    change. The detector only tests membership and reads entries."""

    __slots__ = ("_runs", "_langs", "_probs", "_size")

    def __init__(self, pairs: dict, size: int) -> None:
        self._runs: dict[str, int] = {}
        self._langs = array("B")
        self._probs = array("d")
        for word, flat in pairs.items():
            self._runs[word] = len(self._probs) << 8 | len(flat) // 2
            self._langs.extend(flat[0::2])
            self._probs.extend(flat[1::2])
        self._size = size

    def __contains__(self, word) -> bool:
        return word in self._runs

    def __getitem__(self, word) -> list:
        dense = [0.0] * self._size
        run = self._runs[word]
        start = run >> 8
        langs, probs = self._langs, self._probs
        for k in range(start, start + (run & 0xFF)):
            dense[langs[k]] = probs[k]
        return dense

    def __len__(self) -> int:
        return len(self._runs)


def _load_factory():
    """A DetectorFactory with langdetect's own profiles, loaded as its `load_profile` loads
    them (the same files in the same order, the same probabilities) into a _SparseProbs."""
    import json
    import os

    from langdetect import DetectorFactory, detector_factory
    from langdetect.utils.lang_profile import LangProfile

    directory = detector_factory.PROFILES_DIRECTORY
    names = os.listdir(directory)
    pairs: dict[str, list] = {}
    factory = DetectorFactory()
    index = 0
    for name in names:
        path = os.path.join(directory, name)
        if name.startswith(".") or not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8") as fh:
            profile = LangProfile(**json.load(fh))
        factory.langlist.append(profile.name)
        for word, n in profile.freq.items():
            got = pairs.get(word)
            if got is None:
                got = pairs[word] = []
            if 1 <= len(word) <= 3:
                got.extend((index, 1.0 * n / profile.n_words[len(word) - 1]))
        index += 1
    factory.word_lang_prob_map = _SparseProbs(pairs, len(names))
    return factory


def _detector():
    global _factory_loaded
    from langdetect import DetectorFactory, detector_factory

    with _lock:
        if not _factory_loaded:
            DetectorFactory.seed = 0
            if detector_factory._factory is None:
                detector_factory._factory = _load_factory()
            _factory_loaded = True
    d = detector_factory._factory.create()
    return d


def english_share(text: str) -> tuple[float, int]:
    """(share of words that are English stop words, number of words)."""
    words = _WORD.findall(text[:SAMPLE * 2])
    if not words:
        return 0.0, 0
    hits = sum(map(EN_STOPWORDS.__contains__, map(str.lower, words)))
    return hits / len(words), len(words)


def langdetect_language(text: str) -> Optional[str]:
    """langdetect on a bounded sample, seeded: the same answer for the same text, always."""
    from langdetect.lang_detect_exception import LangDetectException

    sample = text[:SAMPLE]
    if len(sample.strip()) < MIN_CHARS // 2:
        return None
    d = _detector()
    d.append(sample)
    try:
        lang = d.detect()
    except LangDetectException:
        return None
    return {"zh-cn": "zh", "zh-tw": "zh"}.get(lang, lang)


_NON_LETTERS = regex.compile(r"\P{L}+")
_NON_LATIN = regex.compile(r"\P{Latin}+")
_ASCII_NON_LETTERS = bytes(c for c in range(128) if not chr(c).isalpha())


def _letters_and_latin(sample: str) -> tuple[int, int]:
    """(letters, Latin-script characters) in `sample`: counted by deleting the others (no
    string per letter); in ASCII text every letter is Latin and nothing else is."""
    if sample.isascii():
        letters = len(sample.encode("ascii").translate(None, _ASCII_NON_LETTERS))
        return letters, letters
    letters = len(_NON_LETTERS.sub("", sample))
    return letters, len(_NON_LATIN.sub("", sample))


def _ascii_letters(sample: str) -> int:
    """How many ASCII letters `sample` holds (all of them Latin): two compiled passes."""
    return len(sample.encode("ascii", "ignore").translate(None, _ASCII_NON_LETTERS))


@lru_cache(maxsize=1)
def _stopword_spellings() -> frozenset[str]:
    """Every spelling of the English stop words in any mix of cases ('the', 'The', 'THE',
    'tHe'): a word is one exactly when its lower case is a stop word, since no other character
    lower-cases to ASCII but the Kelvin sign, and no stop word holds a 'k'."""
    out = set()
    for word in EN_STOPWORDS:
        spellings = [""]
        for ch in word:
            spellings = [s + c for s in spellings for c in {ch, ch.upper()}]
        out.update(spellings)
    return frozenset(out)


# An apostrophe joins two letter runs into one word of the word view; a combining mark is
# part of a word there and of no letter run (`_WORD`).
_APOSTROPHE_RE = re.compile("['’]")
_MARK_RE = regex.compile(r"\p{M}")


class WordShares:
    """`english_share` and the letter count of any stretch of one text, answered from the
    text's word view (text.word_spans, built once per document) instead of a regular
    expression per stretch: the words of the view are `_WORD`'s letter runs, except those
    holding an apostrophe or a combining mark, which are counted apart; a word cut by the
    stretch's edge is counted from its cut text. Same numbers as the functions, for the
    document (LG01, the language view) and each of its paragraphs (LG02, LG03)."""

    def __init__(self, text: str, words: list[str], starts: list[int], ends: list[int]):
        self.text, self.words, self.starts, self.ends = text, words, starts, ends
        stop = _stopword_spellings()
        self._stops = list(compress(count(), map(stop.__contains__, words)))
        # index of each word holding an apostrophe or a mark -> (runs - 1, stop words, letters - len)
        self._inner: dict[int, tuple[int, int, int]] = {}
        inner = [m.start() for m in _APOSTROPHE_RE.finditer(text)]
        if not text.isascii():
            inner += [m.start() for m in _MARK_RE.finditer(text)]
        for at in inner:
            i = bisect_right(starts, at) - 1
            if i >= 0 and at < ends[i] and i not in self._inner:
                runs, hits, letters = _runs(words[i])
                self._inner[i] = (runs - 1, hits, letters - len(words[i]))
        self._inner_at = sorted(self._inner)

    def _counts(self, start: int, end: int) -> tuple[int, int, int]:
        """(letter runs, English stop words among them, letters) in text[start:end]."""
        starts, ends, text = self.starts, self.ends, self.text
        i = bisect_left(starts, start)
        j = bisect_left(starts, end, i)
        cut = []  # the words cut by the edges, counted from the text inside
        if i > 0 and ends[i - 1] > start:
            cut.append(text[start:min(end, ends[i - 1])])
        if j > i and ends[j - 1] > end:
            j -= 1
            cut.append(text[starts[j]:end])
        runs = j - i
        hits = bisect_left(self._stops, j) - bisect_left(self._stops, i)
        letters = sum(map(len, self.words[i:j]))
        inner = self._inner_at
        for k in inner[bisect_left(inner, i):bisect_left(inner, j)]:
            d_runs, d_hits, d_letters = self._inner[k]
            runs, hits, letters = runs + d_runs, hits + d_hits, letters + d_letters
        for piece in cut:
            r, h, n = _runs(piece)
            runs, hits, letters = runs + r, hits + h, letters + n
        return runs, hits, letters

    def english_share(self, start: int = 0, end: Optional[int] = None) -> tuple[float, int]:
        """`english_share(text[start:end])`."""
        end = len(self.text) if end is None else end
        runs, hits, _ = self._counts(start, min(end, start + SAMPLE * 2))
        return (hits / runs, runs) if runs else (0.0, 0)

    def letters(self, start: int, end: int) -> int:
        """How many letters text[start:end] holds."""
        return self._counts(start, end)[2]


@lru_cache(maxsize=1 << 12)  # words with apostrophes repeat: "it's", "don't"
def _runs(piece: str) -> tuple[int, int, int]:
    """(letter runs, English stop words among them, letters) of a short string."""
    runs = _WORD.findall(piece)
    return len(runs), sum(map(EN_STOPWORDS.__contains__, map(str.lower, runs))), sum(map(len, runs))


def detect_language(text: str, words: "Optional[WordShares]" = None) -> Optional[str]:
    """The main language of `text`. English prose is recognised by its function words without
    calling langdetect; anything else, or anything unclear, goes to langdetect. `words`: the
    text's WordShares, when the caller has them (the Context does)."""
    if words is None:
        letters, latin = _letters_and_latin(text[:SAMPLE])
        if letters < MIN_CHARS:
            return None
        share, n = english_share(text)
    else:
        letters, latin = words.letters(0, SAMPLE), None
        if letters < MIN_CHARS:
            return None
        share, n = words.english_share()
    if (n >= 20 and share >= 0.25) or (n >= 10 and share >= 0.1):
        # Latin script counted only when it decides, and only when the ASCII letters (all
        # Latin) do not already make 60%
        sample = text[:SAMPLE]
        if latin is None and _ascii_letters(sample) / letters > 0.6:
            latin = letters
        elif latin is None:
            latin = _letters_and_latin(sample)[1]
        latin = latin / letters
        if latin > 0.6 and n >= 20 and share >= 0.25:
            return "en"
        if latin > 0.6 and n >= 10 and share >= 0.1:
            # Headlines and lists have fewer function words: English still leads every other
            # language's function-word share by far.
            others = stopword_shares(text, _PROFILE_LANGS)
            if share >= 2 * max(others.values()):
                return "en"
    return langdetect_language(text)


# --- Word-list evidence from wordfreq (its small lists, in compact tables: see lexicon.py) ---

_PROFILE_WORDS = 100
# Languages whose function words are weighed against English before calling langdetect.
_PROFILE_LANGS = ("cs", "da", "de", "es", "fi", "fr", "hu", "it", "nb", "nl", "pl", "pt", "ro",
                  "sk", "sv", "tr")


@lru_cache(maxsize=None)
def _wordlist(lang: str) -> Frequencies:
    """wordfreq's small frequency table for `lang` (empty when wordfreq has none). Only the
    language itself or its macrolanguage's table: wordfreq's "nearest match" would answer
    Somali with English and Afrikaans with Dutch (and say so on standard error)."""
    lang = _WORDLIST_ALIASES.get(lang, lang)
    if not has_list(lang, "small"):
        return EMPTY
    return frequencies(lang, "small")


def words(lang: str, min_zipf: float) -> list[str]:
    """The words of `lang` at Zipf `min_zipf` or more (at least lexicon.HEAD_ZIPF), most
    frequent first ([] when wordfreq has no table for it)."""
    return _wordlist(lang).words(min_zipf)


# Codes langdetect uses whose wordfreq table has another code.
_WORDLIST_ALIASES = {"no": "nb", "zh-cn": "zh", "zh-tw": "zh", "hr": "sh", "tl": "fil"}


@lru_cache(maxsize=None)
def top_words(lang: str, n: int = _PROFILE_WORDS) -> frozenset[str]:
    """The `n` most frequent words of `lang`: its function words (ties in wordfreq's order)."""
    return frozenset(_wordlist(lang).words()[:n])


def zipf(lang: str, word: str) -> float:
    """Zipf frequency of a lower-cased word in `lang` (0 when unseen)."""
    return _wordlist(lang).zipf(word)


def stopword_shares(text: str, langs: Iterable[str]) -> dict[str, float]:
    """{language: share of the words of `text` among that language's most frequent words}."""
    words = [w.lower() for w in _WORD.findall(text[:SAMPLE * 2])]
    if not words:
        return {lang: 0.0 for lang in langs}
    return {lang: sum(1 for w in words if w in top_words(lang)) / len(words) for lang in langs}


def latin_share(text: str) -> float:
    """Share of the letters of (a prefix of) `text` that are Latin."""
    letters, latin = _letters_and_latin(text[:SAMPLE])
    return latin / letters if letters else 0.0
