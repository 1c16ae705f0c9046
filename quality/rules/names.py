"""Person names: misspellings and mis-transliterations checked against the gazetteer, names
the other way round, other romanisations, and corpus consensus. The spelling evidence lives
in spelling.py, shared with the place rules."""
from __future__ import annotations

from typing import Iterator, Optional

import regex

from ..gazetteer import Entry, gazetteer_table
from ..romanisation import key_of, romanisation_key
from ..text import WORD_RE, fold
from .base import Context, rule
from .spelling import (_personal, _remembered, consensus_variants, misspellings,
                       same_given_name, trailing_words, version_spellings)

# A romanisation key this short (Li Na) matches too many names to be evidence.
MIN_ROMANISED_KEY = 6


@rule("NM01", "name-misspelling", "name", "warning",
      "A name that is not in the gazetteer but is a close variant of an entry's name.",
      "Special envoys Steve Whitkov and Keith Kloge are expected in Istanbul on Friday.",
      "Special envoys Steve Witkoff and Keith Kellogg are expected in Istanbul on Friday.")
def name_misspelling(rule, ctx: Context) -> Iterator:
    """Candidates come from the gazetteer index (same transliteration skeleton, or the same
    first letter and a similar length, scored by Jaro-Winkler). A candidate is accepted only
    with evidence beyond similarity: the same first name before it ("Keith Kloge" / Keith
    Kellogg), the same transliteration skeleton (Whitkov / Witkoff, Zelenski / Zelensky), the
    accepted spelling used elsewhere in the same document (Whitker next to Whitaker), or a
    very close, rare token. Common English words, accepted aliases and accent-less forms of
    accented names are never flagged. The suggestion is the canonical spelling, or the house
    style the document already uses."""
    for m in misspellings(ctx):
        if not m.candidate.entry.is_place:
            yield rule.finding(ctx, m.token.start, m.token.end, m.message, m.suggestion,
                               confidence=m.confidence)


@rule("NM02", "known-wrong-name", "name", "warning",
      "A spelling the gazetteer lists as a known wrong form of a name.",
      "President Zelenksy thanked the allies for their support.",
      "President Zelensky thanked the allies for their support.")
def known_wrong_name(rule, ctx: Context) -> Iterator:
    """Exact, case-sensitive, whole-word matches of an entry's `wrong` forms (not places; see
    PL02). The fix is the canonical name, cut to as many trailing words as the wrong form has."""
    for start, end, entry in ctx.found_forms("wrong"):
        if entry.is_place:
            continue
        yield rule.finding(ctx, start, end,
                           f"'{ctx.text[start:end]}' is a known wrong spelling of {entry.name}",
                           trailing_words(entry.name, ctx.text[start:end]))


@rule("NM11", "consensus-spelling", "name", "warning",
      "A rare spelling of a name that other documents of the corpus spell another way.",
      "(one of five reports) ... special envoy Steve Whitkov ...",
      "(as the other four reports) ... special envoy Steve Witkoff ...",
      corpus=True)
def consensus_spelling(rule, ctx: Context) -> Iterator:
    """Needs the corpus pass (on by default when several documents are audited). Name forms
    are clustered across documents by transliteration skeleton, spelling similarity and the
    first name before them; the spelling most documents use is canonical (a gazetteer entry
    wins), and a spelling used by one or two documents gets a finding citing the counts.
    Works for names that are in no gazetteer. Two well-attested spellings are never merged."""
    for c in consensus_variants(ctx):
        if not c.is_place:
            yield rule.finding(ctx, c.token.start, c.token.end, c.message, c.suggestion,
                               confidence=c.confidence)


@rule("NM12", "version-name", "name", "warning",
      "A name that other versions of the same story spell another way in the same place.",
      "(one of four versions) President Volodimir Zelensky met the envoys in Riyadh.",
      "(as the other three) President Volodymyr Zelensky met the envoys in Riyadh.",
      corpus=True)
def version_name(rule, ctx: Context) -> Iterator:
    """Needs the corpus pass. Documents that tell the same story are grouped as for PL11. A
    capitalised word no other version uses (not common in English, not accepted by the
    gazetteer) is reported when at least two other versions, and at least half of them,
    write one close spelling of it (Jaro-Winkler 0.8 or the same transliteration skeleton)
    in the same place: after the same first name, before the same surname, or beside the
    same lower-case word. The fix is that spelling, the message gives the count. Works for
    names no gazetteer holds, first names included; quiet when the document writes both
    spellings (two names), on places (PL11, PL12) and where NM11 already reports the word."""
    for v in version_spellings(ctx):
        yield rule.finding(
            ctx, v.token.start, v.token.end,
            f"'{v.token.text}' appears in no other version of this story; {v.versions} of the "
            f"{v.others} other versions write '{v.rendering}' here ({v.slot})",
            v.rendering, confidence=0.8)


def _other_orders(parts: list[str]) -> list[str]:
    """The orders a name is wrongly written in: two words the other way round ("Abe
    Shinzo"); a longer name with its last word moved to the front ("Erdoğan Recep Tayyip",
    the family name first) or its first word moved to the end ("Jong Un Kim", the family
    name last). Names with lower-case particles (bin, da) or a suffix (Jr.) have orders of
    their own: none."""
    if any(len(p) < 2 or not p[:1].isupper() or p.rstrip(".").lower() in _SUFFIXES for p in parts):
        return []
    if len(parts) == 2:
        return [f"{parts[1]} {parts[0]}"]
    return [" ".join(parts[-1:] + parts[:-1]), " ".join(parts[1:] + parts[:1])]


_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


@gazetteer_table("names.reversed")
def _reversed_names(gaz) -> dict[str, dict[str, list[tuple[str, str, Entry]]]]:
    """First word of a person's name written in another order -> the two characters after
    that word in the phrase -> [(that phrase, the accepted form, entry)]. The characters
    after a word in the text pick the few phrases that can start there (a common surname
    leads thousands in a large gazetteer)."""
    people = [e for e in gaz.entries if e.is_person]
    accepted = {f for e in people for f in e.forms}
    plain: dict[str, bool] = {}  # a word a name can be turned around at (see _other_orders)
    firsts: dict[str, Optional[str]] = {}  # a word: the first word WORD_RE finds at its start
    table: dict[str, dict[str, list[tuple[str, str, Entry]]]] = {}
    for entry in people:
        for form in entry.forms:
            parts = form.split()
            if not 2 <= len(parts) <= 4:
                continue
            for p in parts:
                ok = plain.get(p)
                if ok is None:
                    ok = plain[p] = bool(_other_orders([p, p]))
                if not ok:
                    break
            else:
                orders = ((parts[1], f"{parts[1]} {parts[0]}"),) if len(parts) == 2 else (
                    (parts[-1], " ".join(parts[-1:] + parts[:-1])),
                    (parts[1], " ".join(parts[1:] + parts[:1])))
                for lead, flipped in orders:
                    if flipped in accepted:
                        continue  # both orders accepted (a house style)
                    first = firsts.get(lead, "")
                    if first == "":
                        m = WORD_RE.match(lead)
                        first = firsts[lead] = m.group() if m else None
                    if first is not None:
                        after = flipped[len(first):len(first) + 2]
                        table.setdefault(first, {}).setdefault(after, []).append(
                            (flipped, form, entry))
    return table


@rule("NM03", "name-order", "name", "warning",
      "A known person's name with the given name and family name the other way round.",
      "Japanese Prime Minister Ishiba Shigeru met the president on Friday.",
      "Japanese Prime Minister Shigeru Ishiba met the president on Friday.")
def name_order(rule, ctx: Context) -> Iterator:
    """The name of a person in the gazetteer written in an order the gazetteer does not
    accept: two words the other way round ("Abe Shinzo" where English news writes Shinzo
    Abe; "Ing-wen Tsai" for Tsai Ing-wen), or a longer name with the family name moved to the
    front or the end ("Erdoğan Recep Tayyip", "Jae Myung Lee"): the fix is the accepted
    order. Quiet when the other order is accepted too (add it as an alias to keep a house
    style), where the words overlap the name written right ("Kim Jong Un Kim Yo Jong"), and
    on names with particles or suffixes."""
    table = _reversed_names(ctx.gazetteer)
    if not table or table.keys().isdisjoint(ctx.token_counts):
        return
    text = ctx.text
    for _, tok in ctx.tokens_among(table):
        for flipped, form, entry in table[tok.text].get(text[tok.end:tok.end + 2], ()):
            end = tok.start + len(flipped)
            if text.startswith(flipped, tok.start) and (end == len(text) or not text[end].isalnum()) \
                    and not _overlaps(text, form, tok.start, end):
                yield rule.finding(ctx, tok.start, end,
                                   f"'{flipped}' has {entry.name}'s names in another order",
                                   form, confidence=0.9)


def _overlaps(text: str, form: str, start: int, end: int) -> bool:
    """An occurrence of `form` overlaps text[start:end]."""
    i = text.find(form, max(0, start - len(form) + 1), end + len(form) - 1)
    return i != -1 and i < end and start < i + len(form)


@gazetteer_table("names.romanised")
def _romanised_names(gaz) -> dict[str, list[tuple[str, Entry]]]:
    """Romanisation key -> [(accepted form, entry)] for names of people of two words or
    more."""
    table: dict[str, list[tuple[str, Entry]]] = {}
    for entry in gaz.entries:
        if not _personal(entry):
            continue
        for form in entry.forms:
            if len(form.split()) >= 2:
                k = key_of(form)
                if len(k) >= MIN_ROMANISED_KEY:
                    table.setdefault(k, []).append((form, entry))
    return table


_ROMAN_RE = regex.compile(r"[IVXLCDM]+")
_NAME_WORD = r"\p{Lu}[\p{L}\p{M}'’]*(?:-[\p{L}\p{M}'’]+)*"
# Two or more capitalised words (hyphened syllables count as one word) one space apart.
_NAME_RUN_RE = regex.compile(f"{_NAME_WORD}(?: {_NAME_WORD})+")


@rule("NM04", "romanisation", "name", "warning",
      "A known person's name in another romanisation than the gazetteer's (pinyin for the form "
      "English news uses).",
      "Taiwan's former president Cai Yingwen visited Washington last week.",
      "Taiwan's former president Tsai Ing-wen visited Washington last week.")
def romanisation(rule, ctx: Context) -> Iterator:
    """Two or three capitalised words in a row (hyphened syllables count as one word) whose
    romanisation key (quality/romanisation.py, rules in data/romanisation.tsv: pinyin and
    Wade-Giles, Revised and McCune-Reischauer Korean, Hepburn long vowels, Cyrillic schemes)
    equals that of a person's name in the gazetteer, while the words are not an accepted
    spelling: the fix is the gazetteer's form ("Cai Yingwen" -> Tsai Ing-wen, "Mao Tse-tung"
    -> Mao Zedong when the gazetteer writes pinyin), one finding per word that differs when
    both have as many words ("Latif Javad" -> Latheef, Jawad). Quiet when the key matches two
    people."""
    table = _romanised_names(ctx.gazetteer)
    if not table:
        return
    for run in _NAME_RUN_RE.finditer(ctx.text):
        words = run.group().split(" ")
        if len(words) > 3:
            continue
        # the whole run, else (three words) its last two
        for k in range(len(words) - 1):
            if any(_ROMAN_RE.fullmatch(w) for w in words[k:]):
                continue  # a regnal number (Charles I, Charles III)
            s = run.start() + len(" ".join(words[:k])) + (1 if k else 0)
            span = " ".join(words[k:])
            found = _remembered(ctx.gazetteer, "romanised", span,
                                lambda: _romanised(ctx.gazetteer, table, span))
            if found is None:
                continue
            if found is not _ACCEPTED:
                yield from _romanisation_findings(rule, ctx, s, span, *found)
            break


_ACCEPTED = object()


def _romanised(gaz, table, span: str):
    """_ACCEPTED when `span` is an accepted spelling, or another romanisation of a name the
    gazetteer accepts in one of its spellings only (given names of one group count as one);
    (entry, form) when the span is another romanisation of that one person; None otherwise.
    Depends on the gazetteer and the span only: decided once per span (NM04 remembers it)."""
    if gaz.is_accepted(span):
        return _ACCEPTED
    hits = table.get(romanisation_key(span), ())
    if len({entry.name for _, entry in hits}) != 1:
        return None
    form, entry = hits[0]
    mine, theirs = span.split(), form.split()
    if len(mine) == len(theirs) == 2 and fold(mine[1]) == fold(theirs[1]) and \
            same_given_name(mine[0], theirs[0]):
        return _ACCEPTED  # an accepted variant of the first name (Aleksandr)
    return entry, form


def _romanisation_findings(rule, ctx: Context, s: int, span: str, entry: Entry, form: str):
    mine, theirs = span.split(" "), form.split(" ")
    message = f"'{span}' is another romanisation of {entry.name}"
    # Calibrated on the dev suites: the name is right, the editor's fix often another.
    if len(mine) == len(theirs):  # each word that differs: "Lipman", "Lynn", "Tingui"
        at = s
        for a, b in zip(mine, theirs):
            if fold(a) != fold(b):  # an accent-less or recased word is no other rendering
                yield rule.finding(ctx, at, at + len(a), message, b, confidence=0.85)
            at += len(a) + 1
    else:
        yield rule.finding(ctx, s, s + len(span), message, form, confidence=0.85)


RULES = (name_misspelling, known_wrong_name, name_order, romanisation, consensus_spelling,
         version_name)
