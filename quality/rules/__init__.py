"""The catalogue of rules, in reporting order. Each family module exports a tuple RULES."""
from __future__ import annotations

from .base import Context, Rule
from . import boilerplate, encoding, inputs, language, mt, names, places, rewrite, script

ALL_RULES: tuple[Rule, ...] = (
    *names.RULES,        # NM: misspelt and mis-transliterated person names
    *places.RULES,       # PL: exonyms and wrong places
    *script.RULES,       # SC: stray foreign script
    *boilerplate.RULES,  # BP: feed footers, teasers, site headers, repeated titles
    *mt.RULES,           # MT: machine-translation and scraping artifacts in running text
    *rewrite.RULES,      # RW: stock phrases of generated or spun text
    *language.RULES,     # LG: wrong or mixed language
    *encoding.RULES,     # EN: mojibake, replacement and control characters
    *inputs.RULES,       # IN: files and records that could not be read
)


def by_code(code: str) -> Rule | None:
    code = code.strip()
    for r in ALL_RULES:
        if r.code == code.upper() or r.name == code.lower():
            return r
    return None


__all__ = ["ALL_RULES", "Context", "Rule", "by_code"]
