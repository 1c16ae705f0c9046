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


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple["re.Pattern", str], ...]:
    return tuple((re.compile(r["from"]), r["to"]) for r in table("romanisation.tsv"))


@lru_cache(maxsize=65536)
def romanisation_key(name: str) -> str:
    """The key of a name of one or more words ('' for none)."""
    out = []
    for word in _SPLIT.split(_DROP.sub("", fold(name))):
        if not word:
            continue
        for pattern, repl in _rules():
            word = pattern.sub(repl, word)
        out.append(word)
    return skeleton("".join(out))
