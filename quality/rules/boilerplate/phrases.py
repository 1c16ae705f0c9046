"""The phrase tables of the boilerplate family, loaded once from quality/data/boilerplate_*."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from ...data_files import lines as data_lines
from .features import words_key

@dataclass(frozen=True)
class Phrases:
    line: dict          # normalised line -> kind
    prefix: dict        # first words -> kind
    label: dict         # words before a ":" -> kind
    edge: dict          # normalised line -> kind, edge zones only
    automaton: object   # Aho-Corasick over lower-cased text: `contains` phrases, footer cues
    contains_kind: dict
    footer: re.Pattern
    tlds: frozenset
    max_prefix_words: int
    prefix_first: frozenset  # first words of the prefix phrases
    max_line_words: int
    bio: re.Pattern     # an author's bio line: "<Name> is a senior writer for <Site>"


@lru_cache(maxsize=1)
def phrases() -> Phrases:
    tables: dict[str, dict] = {"line": {}, "prefix": {}, "label": {}, "edge": {}, "contains": {}}
    for row in data_lines("boilerplate_lines.tsv"):
        phrase, kind, how = row.split("\t")
        tables[how][words_key(phrase)] = kind
    contains = tables["contains"]
    auto = ahocorasick.Automaton()
    for row in data_lines("boilerplate_lines.tsv"):
        phrase, kind, how = row.split("\t")
        if how == "contains":
            auto.add_word(phrase.lower(), ("contains", words_key(phrase), len(phrase)))
    templates = []
    for t in data_lines("boilerplate_footers.txt"):
        parts = [r"\s+".join(map(re.escape, p.split())) for p in t.split("*")]
        if parts[-1]:
            templates.append(r"\s+\S.*?\s+".join(parts))
        else:  # a template ending in "*" needs at least one more word
            templates.append(r"\s+\S.*?\s+".join(parts[:-1]) + r"\s+\S")
    footer_re = re.compile(r"\b(?:" + "|".join(templates) + r")", re.IGNORECASE)
    # The longest literal word of each template: a cheap first pass finds candidate lines.
    for t in data_lines("boilerplate_footers.txt"):
        cue = max(t.replace("*", " ").split(), key=len)
        auto.add_word(cue, ("cue", cue, len(cue)))
    auto.make_automaton()
    return Phrases(
        line=tables["line"], prefix=tables["prefix"], label=tables["label"],
        edge=tables["edge"], automaton=auto, contains_kind=contains,
        footer=footer_re, tlds=frozenset(data_lines("boilerplate_tlds.txt")),
        max_prefix_words=max(len(k.split()) for k in tables["prefix"]),
        prefix_first=frozenset(k.split()[0] for k in tables["prefix"]),
        max_line_words=max(len(k.split()) for k in (*tables["line"], *tables["edge"])),
        bio=bio_re(data_lines("boilerplate_bio_roles.txt")),
    )


def bio_re(roles) -> re.Pattern:
    """'<Name> is a senior writer for <Site>', 'is professor emeritus of', 'Staff writer at
    <Site>, covering ...': a name (or nothing), 'is/was', an article, up to three modifiers and
    a role from data/boilerplate_bio_roles.txt."""
    role = "|".join(sorted((re.escape(r) for r in roles), key=len, reverse=True))
    name = r"(?:[A-Z][\w.'’-]*\s+){2,4}"
    return re.compile(
        rf"^(?:(?P<name>{name})is\s+|is\s+)(?:(?:an?|the)\s+)?(?:[\w&,-]+\s+){{0,3}}?"
        rf"(?i:{role})\b(?!['’])|"
        rf"^(?i:(?:senior|staff|contributing|freelance|deputy|associate)\s+)?(?i:{role})\s+"
        rf"(?i:for|at|with)\s+[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*)*\s*(?:,\s*(?i:covering|"
        rf"where|based|who)\b|$)")
