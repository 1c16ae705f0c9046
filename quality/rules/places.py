"""Places: deprecated exonyms and known wrong place names."""
from __future__ import annotations

from functools import lru_cache
from typing import Iterator

import regex

from .. import data_files
from ..gazetteer import Entry
from .base import Context, rule
from .names import trailing_words

_YEAR_RE = regex.compile(r"\b(1[0-9]{3}|20[0-9]{2})s?\b")
_CENTURY_RE = regex.compile(r"\b(\d{1,2}(st|nd|rd|th)|[a-z]+(teenth|tieth))[- ]century\b", regex.I)


@lru_cache(maxsize=1)
def _exceptions() -> dict[str, tuple[str, ...]]:
    """Fixed names in which an old form is right (Chicken Kiev), keyed by each word in them."""
    try:
        phrases = data_files.lines("exonym_exceptions.txt")
    except FileNotFoundError:
        phrases = ()
    by_word: dict[str, list[str]] = {}
    for p in phrases:
        for w in set(regex.findall(r"\w+", p)):
            by_word.setdefault(w.lower(), []).append(p)
    return {k: tuple(v) for k, v in by_word.items()}


@lru_cache(maxsize=1)
def _cues() -> "regex.Pattern":
    cues = sorted(data_files.lines("historical_cues.txt"), key=len, reverse=True)
    return regex.compile(r"\b(?:" + "|".join(regex.escape(c) for c in cues) + r")\b", regex.I)


def in_fixed_name(text: str, start: int, end: int) -> bool:
    """True if [start, end) lies inside an occurrence of a fixed exception phrase."""
    form = text[start:end]
    for phrase in _exceptions().get(form.split()[0].lower(), ()):
        i = phrase.lower().find(form.lower())
        while i != -1:
            s = start - i
            if s >= 0 and text[s:s + len(phrase)].lower() == phrase.lower():
                e = s + len(phrase)
                if (s == 0 or not text[s - 1].isalnum()) and (e >= len(text) or not text[e].isalnum()):
                    return True
            i = phrase.lower().find(form.lower(), i + 1)
    return False


def historical_reason(sentence: str, entry: Entry) -> str | None:
    """Why a sentence reads as historical: an explicit year before the renaming, a century,
    or a cue word ("the fall of", "Ottoman", "empire")."""
    if entry.since:
        for m in _YEAR_RE.finditer(sentence):
            if int(m.group(1)) < entry.since:
                return f"year {m.group(0)}"
    if _CENTURY_RE.search(sentence):
        return "a century"
    m = _cues().search(sentence)
    if m:
        return f"'{m.group(0)}'"
    return None


def _sentence_at(ctx: Context, offset: int) -> str:
    for s, e in ctx.sentences:
        if s <= offset < e:
            return ctx.text[s:e]
    return ctx.text[max(0, offset - 200): offset + 200]


@rule("PL01", "exonym", "place", "warning",
      "A deprecated exonym or old place name in modern context, with the current name.",
      "Leaders of France and Germany travelled to Kiev last weekend.",
      "Leaders of France and Germany travelled to Kyiv last weekend.")
def exonym(rule, ctx: Context) -> Iterator:
    """Matches the gazetteer's `deprecated` forms (Kiev, Bombay, Constantinople, ...) as whole,
    case-sensitive words. Quiet inside fixed names listed in data/exonym_exceptions.txt
    (Chicken Kiev, Bombay Stock Exchange, Odessa, Texas) and in historical sentences: a year
    before the renaming, a century, or a cue such as "the fall of" or "Ottoman"."""
    for start, end, entry in ctx.gazetteer.find_forms(ctx.text, ctx.tokens, "deprecated"):
        if in_fixed_name(ctx.text, start, end):
            continue
        if historical_reason(_sentence_at(ctx, start), entry):
            continue
        form = ctx.text[start:end]
        why = entry.note or f"an old or foreign name for {entry.name}"
        modern = f" since {entry.since}" if entry.since and not entry.note else ""
        also = " (the document also uses it)" if ctx.token_counts.get(entry.name.split()[0]) else ""
        yield rule.finding(
            ctx, start, end,
            f"'{form}' is a deprecated name for {entry.name}{also}: {why}{modern}",
            entry.name)


@rule("PL02", "known-wrong-place", "place", "warning",
      "A spelling the gazetteer lists as a known wrong form of a place name.",
      "Talks resumed in Istambul on Friday.",
      "Talks resumed in Istanbul on Friday.")
def known_wrong_place(rule, ctx: Context) -> Iterator:
    """Exact, case-sensitive, whole-word matches of a place entry's `wrong` forms."""
    for start, end, entry in ctx.gazetteer.find_forms(ctx.text, ctx.tokens, "wrong"):
        if not entry.is_place:
            continue
        yield rule.finding(ctx, start, end,
                           f"'{ctx.text[start:end]}' is a known wrong spelling of {entry.name}",
                           trailing_words(entry.name, ctx.text[start:end]))


RULES = (exonym, known_wrong_place)
