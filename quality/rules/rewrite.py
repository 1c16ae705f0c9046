"""Rules of the rewrite family: stock phrases of generated or spun text.

The phrases live in quality/data/rewrite_phrases.tsv (with a kind per phrase) and
quality/data/rewrite_tortured.tsv (spun forms of technical terms). Both are compiled into one
Aho-Corasick automaton, run once per document over a lower-cased copy of the text that keeps
every offset; a hit counts only on word boundaries, and overlapping hits keep the longest.
"""
from __future__ import annotations

import re
from functools import lru_cache

import ahocorasick

from ..data_files import lines as data_lines
from ..text import lower_same_length
from .base import per_document, rule

# Words that end the noun phrase after a template ending in "of" ("the evolving dynamics of
# international diplomacy | concerning ...").
_NP_STOP = frozenset(
    "a an the and or but that which who whom whose while as at by for from in into of on onto "
    "to with without within amid among amongst between concerning regarding over under about "
    "after before during since until across through is are was were be been has have had will "
    "would can could may might should must not this these those its their his her our".split()
)


_JOIN_RE = re.compile(r"\s+(?:(?:the|a|an|on|upon)\s+)?")


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "'-’"


@lru_cache(maxsize=1)
def _automaton():
    auto = ahocorasick.Automaton()
    for row in data_lines("rewrite_phrases.tsv"):
        phrase, kind = row.split("\t")
        auto.add_word(phrase, (phrase, kind, None))
    for row in data_lines("rewrite_tortured.tsv"):
        phrase, original = row.split("\t")
        auto.add_word(phrase, (phrase, "tortured", original))
    auto.make_automaton()
    return auto


def _extend_noun_phrase(text: str, end: int) -> int:
    """After '... of', take up to three more words of the noun phrase."""
    pos, taken = end, 0
    while taken < 3:
        i = pos
        while i < len(text) and text[i] == " ":
            i += 1
        j = i
        while j < len(text) and _is_word_char(text[j]):
            j += 1
        word = text[i:j]
        if not word or word.lower() in _NP_STOP:
            break
        pos, taken = j, taken + 1
    return pos


@per_document
def _hits(ctx) -> tuple[tuple[int, int, str, str, object], ...]:
    """(start, end, phrase, kind, original) of every phrase on word boundaries, longest first
    among overlaps; computed once per document and shared by the rules of this module."""
    return _find_hits(ctx.text)


def _find_hits(text: str) -> tuple[tuple[int, int, str, str, object], ...]:
    low = lower_same_length(text).replace("’", "'")
    found = []
    for last, (phrase, kind, original) in _automaton().iter(low):
        start, end = last - len(phrase) + 1, last + 1
        if start > 0 and _is_word_char(low[start - 1]) and _is_word_char(phrase[0]):
            continue
        if end < len(low) and _is_word_char(low[end]) and _is_word_char(phrase[-1]):
            continue
        found.append((start, end, phrase, kind, original))
    found.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    out, reach = [], -1
    for h in found:
        if h[0] < reach:
            continue
        prev = out[-1] if out else None
        if (prev and prev[3] == "meta" and h[3] in ("meta", "stock")
                and _JOIN_RE.fullmatch(low, prev[1], h[0])):
            # "This article reflects" + "evolving dynamics of": one self-describing sentence.
            out[-1] = (prev[0], h[1], h[2], "meta", None)
        else:
            out.append(h)
        reach = h[1]
    return tuple(out)


def _report(rule, ctx, kind, message):
    text = ctx.text
    for start, end, phrase, k, _ in _hits(ctx):
        if k != kind:
            continue
        if phrase.endswith(" of"):
            end = _extend_noun_phrase(text, end)
        end = start + len(text[start:end].rstrip(" ,:"))
        yield rule.finding(ctx, start, end, message(text[start:end]), confidence=0.7)


@rule("RW01", "stock-phrase", "rewrite", "info",
      "Wording typical of generated text ('a testament to', 'delve into', 'plays a pivotal role').",
      bad="The agreement is a testament to the enduring partnership between the two countries.",
      good="The agreement follows two years of talks between the two countries.")
def stock_phrase(rule, ctx):
    """A phrase of kind `stock` from data/rewrite_phrases.tsv, on word boundaries, case
    ignored. Reported as information: one such phrase proves nothing, several in a news text
    suggest a generated or paraphrased article."""
    yield from _report(rule, ctx, "stock", lambda t: f"stock phrase of generated text: '{t}'")


@rule("RW02", "self-reference", "rewrite", "info",
      "The text comments on itself ('This article reflects ...') or leaks an assistant reply.",
      bad="This article reflects the evolving dynamics of international diplomacy.",
      good="The talks reflect a shift in European diplomacy, officials said.")
def self_reference(rule, ctx):
    """A phrase of kind `meta` from data/rewrite_phrases.tsv: a closing sentence that describes
    the article ("This article reflects the evolving dynamics of <noun phrase>", "In this
    article, we") or a leaked assistant reply ("Here is a rewritten ..."). A phrase ending in
    'of' is extended over the noun phrase that follows."""
    yield from _report(rule, ctx, "meta", lambda t: f"the text describes itself: '{t}'")


@rule("RW03", "filler-hedge", "rewrite", "info",
      "An empty lead-in such as 'It is worth noting that' or 'It is noteworthy that'.",
      bad="It is noteworthy that the talks were moved to Istanbul at short notice.",
      good="The talks were moved to Istanbul at short notice.")
def filler_hedge(rule, ctx):
    """A phrase of kind `hedge` from data/rewrite_phrases.tsv ("It is noteworthy that", "It is
    important to note that"): filler that generated and spun text puts before plain facts."""
    yield from _report(rule, ctx, "hedge", lambda t: f"filler lead-in: '{t}'")


@rule("RW04", "canned-opener", "rewrite", "info",
      "A canned opening such as 'In today's fast-paced world'.",
      bad="In today's fast-paced world, investors want answers quickly.",
      good="Investors want answers quickly, analysts said.")
def canned_opener(rule, ctx):
    """A phrase of kind `opener` from data/rewrite_phrases.tsv ("In today's fast-paced world",
    "In the ever-evolving world of", "Imagine a world where")."""
    yield from _report(rule, ctx, "opener", lambda t: f"canned opening: '{t}'")


@rule("RW05", "canned-closing", "rewrite", "info",
      "A canned closing such as 'In conclusion,' or 'Only time will tell'.",
      bad="In conclusion, the summit produced few concrete results.",
      good="The summit produced few concrete results, diplomats said.")
def canned_closing(rule, ctx):
    """A phrase of kind `closing` from data/rewrite_phrases.tsv ("In conclusion,", "To sum up,",
    "Only time will tell", "As the world watches")."""
    yield from _report(rule, ctx, "closing", lambda t: f"canned closing: '{t}'")


@rule("RW06", "tortured-phrase", "rewrite", "info",
      "A synonym-spun form of a fixed term ('counterfeit consciousness' for 'artificial "
      "intelligence').",
      bad="The firm invests heavily in counterfeit consciousness and colossal information.",
      good="The firm invests heavily in artificial intelligence and big data.")
def tortured_phrase(rule, ctx):
    """A phrase from data/rewrite_tortured.tsv, the word-by-word synonym swaps of paraphrasing
    tools ("bosom malignant growth", "irregular woodland"); each stands for exactly one term,
    which is suggested as the fix (the original capitalisation of a sentence start is kept)."""
    text = ctx.text
    for start, end, phrase, kind, original in _hits(ctx):
        if kind != "tortured":
            continue
        fix = original
        if text[start].isupper():
            fix = fix[0].upper() + fix[1:]
        yield rule.finding(ctx, start, end,
                           f"'{text[start:end]}' looks like a spun form of '{original}'",
                           suggestion=fix, confidence=0.8)


RULES = (stock_phrase, self_reference, filler_hedge, canned_opener, canned_closing,
         tortured_phrase)
