"""Language identification: a cheap stop-word profile first, langdetect only when it is unsure.

langdetect is random unless seeded; every call here goes through one factory seeded with 0, so
the same text gets the same answer in every run and every process.
"""
from __future__ import annotations

import threading
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


def _detector():
    global _factory_loaded
    from langdetect import DetectorFactory, detector_factory

    with _lock:
        if not _factory_loaded:
            DetectorFactory.seed = 0
            detector_factory.init_factory()
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


def _letters_and_latin(sample: str) -> tuple[int, int]:
    """(letters, Latin-script characters) in `sample`: counted by deleting the others (no
    string per letter); in ASCII text every letter is Latin and nothing else is."""
    letters = len(_NON_LETTERS.sub("", sample))
    return letters, letters if sample.isascii() else len(_NON_LATIN.sub("", sample))


def detect_language(text: str) -> Optional[str]:
    """The main language of `text`. English prose is recognised by its function words without
    calling langdetect; anything else, or anything unclear, goes to langdetect."""
    letters, latin = _letters_and_latin(text[:SAMPLE])
    if letters < MIN_CHARS:
        return None
    share, n = english_share(text)
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
