"""English word frequencies (wordfreq), loaded once per process, on first use.

wordfreq ships its frequency tables inside the wheel, so this works offline. The table folds
case, so it knows how common a word form is, not whether it is a name: rules combine it with
capitalisation and the gazetteer.
"""
from __future__ import annotations

import math
import threading
from functools import lru_cache

_LOCK = threading.Lock()
_TABLES: dict[str, dict[str, float]] = {}


def _table(lang: str) -> dict[str, float]:
    table = _TABLES.get(lang)
    if table is None:
        with _LOCK:
            table = _TABLES.get(lang)
            if table is None:
                from wordfreq import get_frequency_dict

                try:
                    table = get_frequency_dict(lang, wordlist="best")
                except LookupError:
                    table = {}
                _TABLES[lang] = table
    return table


@lru_cache(maxsize=1 << 16)  # the words that recur; about 11 MB when full
def _zipf(lang: str, word: str) -> float:
    freq = _table(lang).get(word.lower().replace("’", "'"))
    return round(math.log10(freq) + 9, 2) if freq else 0.0


class Lexicon:
    """Zipf frequencies of word forms (0 = unseen, 3 = once per million words, 7 = 'the')."""

    def __init__(self, lang: str = "en"):
        self.lang = lang

    def zipf(self, word: str) -> float:
        return _zipf(self.lang, word)

    def __reduce__(self):  # the table is per process; ship only the language code
        return (Lexicon, (self.lang,))
