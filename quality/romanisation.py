"""One key for the renderings of a name in different romanisation systems.

"Cai Yingwen" (pinyin) and "Tsai Ing-wen" (the form English news uses), "Mao Zedong" and
"Mao Tse-tung", "Kim Jong-eun" and "Kim Jong Un", "Itoh" and "Ito" share a key: the name's
words, accent-folded, with hyphens and apostrophes dropped, rewritten by the rules of
quality/data/romanisation.tsv (sourced there) and reduced to the transliteration skeleton.
A key is evidence that two spellings may be one name; the gazetteer says which name.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .data_files import table
from .text import fold, skeleton

_SPLIT = re.compile(r"[\s\-‐]+")
_DROP = re.compile(r"['’ʼ`]")


_PLAIN = re.compile(r"[a-z]+")


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[str, str, "re.Pattern | None"], ...]:
    """(from, to, compiled pattern): a row whose `from` is plain letters is applied with
    str.replace (the same result, several times faster); only the others need the regex."""
    return tuple((r["from"], r["to"], None if _PLAIN.fullmatch(r["from"]) else re.compile(r["from"]))
                 for r in table("romanisation.tsv"))


@lru_cache(maxsize=1 << 13)
def _word_key(word: str) -> str:
    """One folded word rewritten by the rules (cached: names repeat their words)."""
    for old, new, pattern in _rules():
        word = word.replace(old, new) if pattern is None else pattern.sub(new, word)
    return word


@lru_cache(maxsize=1 << 13)
def _words_key(word: str) -> str:
    """One word of a name as str.split finds it ("Ing-wen"), rewritten (cached: names repeat
    their words)."""
    return "".join(_word_key(w) for w in _SPLIT.split(_DROP.sub("", fold(word))) if w)


def key_of(name: str) -> str:
    """romanisation_key, uncached: for a table built once over many names."""
    return skeleton.__wrapped__("".join(map(_words_key, name.split())))


@lru_cache(maxsize=1 << 13)
def romanisation_key(name: str) -> str:
    """The key of a name of one or more words ('' for none)."""
    return key_of(name)
