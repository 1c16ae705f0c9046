"""Rules of the script family: letters of another writing system left in the text.

Scripts come from the `regex` module's Unicode script properties; the scripts named in messages
and the look-alike letters (homoglyphs) are data under quality/data/.
"""
from __future__ import annotations

import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Optional

import regex

from ..data_files import lines, table
from ..text import quotation_spans
from .base import Context, rule

# A letter that is neither Latin nor shared by every script (Common) nor a combining mark.
_FOREIGN_RE = regex.compile(r"[^\p{Latin}\p{Common}\p{Inherited}]")
_FOREIGN_LETTERS_RE = regex.compile(r"[\p{L}--[\p{Latin}\p{Common}\p{Inherited}]]+",
                                    flags=regex.V1)
_LATIN_RUN_RE = regex.compile(r"\p{Latin}+")
_COMMON_RE = regex.compile(r"\p{Common}")
# What may separate two words of one run: spaces and punctuation, never a letter or a line break.
_GAP_RE = regex.compile(r"[^\p{L}\n]{1,3}")
_GAP_SPACES_RE = regex.compile(r"[ \t\u00a0]+")
# A gloss: words in another script that the English around them frames on purpose. A label
# just before the run: "(Russian: Алексей Навальный)", "Greek: Ἴλιον", "in Kannada ಕಲ್ಲಿಕೋಟೆ",
# "the Greek word Ἴλιον" (but not "the Russian лидера": a nationality is no label).
_LABEL_RE = regex.compile(
    r"(?:(\b(?:in|from)\s+|\(\s*))?([\p{L}-]+)(?:(\s*:)|\s+([\p{Ll}]+))?\s*$")
# "Lycia (Λυκία)", "Li (李 \"plum\")", "(masculine ἅτερος)": the run stands in a short
# parenthesis that follows a Latin word or quotation.
_IN_PAREN_RE = regex.compile(r"[\p{Latin}\"”’)]\s*[(（][^()（）\n\d]{0,30}$")
_CLOSES_PAREN_RE = regex.compile(r"[^()（）\n]{0,40}[)）]")
# 'καινός "kainos"', 'Ἴλιον, "Ilion"', 'ಕಲ್ಲಿಕೋಟೆ (Kallikoate)', 'κορώνη (korōnē, “garland”)': a
# Latin rendering follows (a citation, '(Larson, 1989)', is none).
_RENDERING_AFTER_RE = regex.compile(
    r"-?[\"”’»]?[,;:/]?\s*(?:[(\[]\s*[\"“‘«]?|[\"“‘«])-?\p{Latin}[^\n\"”’»(),.\[\]]{0,30}"
    r"(?:[,.]?[\"”’»)\]]|,\s*[\"“‘][^()\n]{0,60}\))")
# 'القُدس, transliterated as "al-Quds"', 'יְבוּס: "Jebus, it is Jerusalem"': a rendering or a
# translation announced after it.
_RENDERING_ANNOUNCED_RE = regex.compile(
    r"[\"”’»]?(?:,?\s*(?:transliterated|romani[sz]ed|pronounced|meaning|literally)(?: as)?"
    r"|\s*:)\s*[\"“(]\p{Latin}[^\"”\n]{0,80}[\"”)]")
# '"tefilah" תפלה': a quoted Latin rendering precedes.
_RENDERING_BEFORE_RE = regex.compile(r"[\"“]\p{Latin}[^\"“”\n]{0,40}[\"”]\s*[-–—:,]?\s*$")
# Scripts whose letters get mixed into Latin words as look-alikes.
_LOOKALIKE_SCRIPTS = frozenset({"Cyrillic", "Greek"})
# A run of Greek this short is a symbol (α, β, µ, π, Ω, "αβ T cells"), not text.
_GREEK_SYMBOL_MAX = 2


@lru_cache(maxsize=None)
def _scripts() -> tuple[dict[str, tuple[str, str]], "regex.Pattern"]:
    """{script: (display name, group)} and one regex whose named group tells a letter's script."""
    rows = table("script_names.tsv")
    info = {r["script"]: (r["name"], r["group"]) for r in rows}
    alts = [rf"(?P<{s}>\p{{{s}}})" for s in info] + [r"(?P<Latin>\p{Latin})"]
    return info, regex.compile("|".join(alts))


@lru_cache(maxsize=None)
def homoglyphs() -> dict[str, str]:
    """{letter of another script: the Latin letter it looks exactly like}."""
    return {r["char"]: r["latin"] for r in table("script_homoglyphs.tsv")}


def letter_script(ch: str) -> str:
    """'Latin', a script named in script_names.tsv, or 'Other' (Common letters included)."""
    m = _scripts()[1].match(ch)
    return m.lastgroup if m else "Other"


def script_name(script: str) -> str:
    return _scripts()[0].get(script, (script, script))[0]


def run_name(scripts: list[str]) -> str:
    """'Cyrillic', 'Han (Chinese)'; Japanese when kana are mixed with Han."""
    if len(scripts) > 1 and {"Hiragana", "Katakana"} & set(scripts):
        return "Japanese"
    return "/".join(script_name(s) for s in scripts if s != "Other") or "non-Latin"


def script_group(script: str) -> str:
    return _scripts()[0].get(script, (script, script))[1]


@dataclass
class _Piece:
    start: int
    end: int
    group: str
    scripts: list[str]
    letters: int


@dataclass
class _Word:
    start: int
    end: int
    text: str
    latin: int
    foreign: dict[str, int]  # script -> letters


def _is_word_char(ch: str) -> bool:
    return ch.isalpha() or unicodedata.category(ch)[0] == "M"


def _foreign_words(text: str) -> list[_Word]:
    """Every whole word (letters and marks) holding at least one foreign letter."""
    out: list[_Word] = []
    n = len(text)
    for m in _FOREIGN_LETTERS_RE.finditer(text):
        if out and m.start() < out[-1].end:
            continue
        start, end = m.start(), m.end()
        floor = out[-1].end if out else 0  # never back into the word before (the regex and
        while start > floor and _is_word_char(text[start - 1]):  # Python may differ on letters)
            start -= 1
        while end < n and _is_word_char(text[end]):
            end += 1
        word = text[start:end]
        latin, foreign = 0, {}
        for ch in word:
            s = letter_script(ch)
            if s == "Latin":
                latin += 1
            elif ch.isalpha() and not (s == "Other" and _COMMON_RE.match(ch)):
                foreign[s] = foreign.get(s, 0) + 1
        out.append(_Word(start, end, word, latin, foreign))
    return out


def _lookalike_words(ctx: Context, words: list[_Word]) -> dict[int, Optional[str]]:
    """{word start: Latin spelling or None} for the words SC02 reports: words of Latin and
    look-alike letters ('Pаris', 'соntеnt'), mostly Latin words with other Cyrillic letters (no
    fix), and words wholly of look-alikes that spell a common English word next to Latin or
    look-alike words ('а' for 'a', 'іѕ' for 'is')."""
    out: dict[int, Optional[str]] = {}
    mapped = {w.start: _replace_lookalikes(w.text) for w in words}
    for w in words:
        fix = mapped[w.start]
        n = sum(w.foreign.values())
        if not set(w.foreign) <= _LOOKALIKE_SCRIPTS:
            continue
        if w.latin:
            if fix is not None:
                out[w.start] = fix
            elif w.latin >= n and "Cyrillic" in w.foreign:
                out[w.start] = None  # PPARγ, NF-κB (Greek symbols) stay quiet
        elif fix is not None and _spells_english(ctx, fix):
            before, after = _neighbour_words(ctx.text, w.start, w.end)
            if not (before or after):
                continue
            if all(not nb or _LATIN_RUN_RE.fullmatch(_replace_lookalikes(nb) or "")
                   for nb in (before, after)):
                out[w.start] = fix
    return out


def _spells_english(ctx: Context, word: str) -> bool:
    if len(word) == 1:
        return word in ("a", "A", "I")
    return ctx.lexicon.zipf(word) >= 3.0


def _pieces(words: list[_Word], skip: dict) -> Iterator[_Piece]:
    """The foreign part of each word: the whole word, or, in a Latin word mixed with a script
    that is not a look-alike one (`iPhone手机`), each stretch of foreign letters."""
    for w in words:
        if w.start in skip or not w.foreign or (w.latin and set(w.foreign) <= {"Greek"}):
            continue  # no foreign letter Python knows of (code points newer than its Unicode)
        n = sum(w.foreign.values())
        scripts = list(w.foreign)  # in order of appearance
        if w.latin == 0 or n > w.latin:
            yield _Piece(w.start, w.end, script_group(scripts[0]), scripts, n)
            continue
        i, text = 0, w.text
        while i < len(text):
            s = letter_script(text[i])
            if s == "Latin" or not text[i].isalpha():
                i += 1
                continue
            j = i
            while j < len(text) and letter_script(text[j]) != "Latin":
                j += 1
            seg = list(dict.fromkeys(letter_script(c) for c in text[i:j] if c.isalpha()))
            yield _Piece(w.start + i, w.start + j, script_group(s), seg, j - i)
            i = j


def _runs(text: str, pieces: list[_Piece]) -> list[_Piece]:
    """Join pieces of one writing system separated only by spaces or punctuation."""
    runs: list[_Piece] = []
    for p in pieces:
        if runs:
            last = runs[-1]
            gap = text[last.end:p.start]
            if last.group == p.group and (gap == "" or _GAP_RE.fullmatch(gap)):
                last.end = p.end
                last.letters += p.letters
                last.scripts += [s for s in p.scripts if s not in last.scripts]
                continue
        runs.append(_Piece(p.start, p.end, p.group, list(p.scripts), p.letters))
    return runs


def main_group(text: str, words: list[_Word]) -> str:
    """The writing system with the most letters in the document ('Latin' for English)."""
    counts: dict[str, int] = {"Latin": sum(len(r) for r in _LATIN_RUN_RE.findall(text))}
    for w in words:
        for s, n in w.foreign.items():
            g = script_group(s)
            counts[g] = counts.get(g, 0) + n
    return max(counts, key=lambda g: counts[g])


def _doc_words(ctx: Context) -> Optional[tuple[list[_Word], str]]:
    if ctx.text.isascii() or not _FOREIGN_RE.search(ctx.text):
        return None
    words = _foreign_words(ctx.text)
    return words, main_group(ctx.text, words)


@lru_cache(maxsize=None)
def _gloss_labels() -> tuple[frozenset[str], frozenset[str]]:
    """(language and script names, which are also nationalities; words that label a gloss
    alone: script_gloss_labels.txt)."""
    names = {r["name"] for r in table("language_names.tsv")}
    names |= {r["name"].split()[0] for r in table("script_names.tsv")}
    alone = frozenset(w.casefold() for w in lines("script_gloss_labels.txt"))
    return frozenset(w.casefold() for w in names) - alone, alone


@lru_cache(maxsize=None)
def _gloss_nouns() -> frozenset[str]:
    return frozenset(lines("script_gloss_nouns.txt"))


def gloss_frame(text: str, start: int, end: int) -> Optional[str]:
    """Why [start, end), a run in another script, is a deliberate gloss, or None. Evidence,
    any one of: a language or script name just before it ("Greek: Ἴλιον", "in Kannada
    ಕಲ್ಲಿಕೋಟೆ", "(pinyin: ...)"); it opens a parenthesis after an English word that closes
    on the same line ("Lycia (Λυκία)"); a Latin rendering in quotes or parentheses beside it
    ('καινός "kainos"', '"tefilah" תפלה'), or a rendering or translation announced after it
    ('القُدس, transliterated as "al-Quds"', 'יְבוּס: "Jebus, it is Jerusalem"'). Stray
    script in machine translation has no such
    frame: "with him [τον Πούτιν] in Istanbul", a line of Cyrillic, "(4050р.)"."""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    le = len(text) if le < 0 else le
    before = text[max(ls, start - 60):start]
    after = text[end:min(le, end + 60)]
    m = _LABEL_RE.search(before)
    if m:
        names, alone = _gloss_labels()
        label = m.group(2).strip("-").casefold()
        if label in alone or label in names and (
                m.group(1) or m.group(3) or (m.group(4) or "") in _gloss_nouns()):
            return f"labelled '{m.group(2)}'"
    if _IN_PAREN_RE.search(before) and _CLOSES_PAREN_RE.match(after):
        return "in parentheses after the English"
    if _RENDERING_AFTER_RE.match(after) or _RENDERING_BEFORE_RE.search(before) \
            or _RENDERING_ANNOUNCED_RE.match(after):
        return "beside its Latin rendering"
    return None


# A document that glosses in a writing system this often, and at least as often as it leaves
# it unframed, uses that system on purpose throughout.
_GLOSSES_MIN = 2


def _glossing_groups(runs: list[_Piece], stray: list[_Piece]) -> frozenset[str]:
    """The writing systems the document glosses in: at least two runs framed as glosses and
    at least as many framed runs as unframed ones (an article on Troy writes 'Troy (Ancient Greek:
    Ἴλιον, "Ilion")' and later 'the Greek Ἴλιον'). Machine translation leaves stray script
    with no frame at all, so its documents never qualify."""
    framed: dict[str, int] = {}
    for r in runs:
        framed[r.group] = framed.get(r.group, 0) + 1
    unframed: dict[str, int] = {}
    for r in stray:
        framed[r.group] -= 1
        unframed[r.group] = unframed.get(r.group, 0) + 1
    return frozenset(g for g, n in framed.items()
                     if n >= _GLOSSES_MIN and n >= unframed.get(g, 0))


@lru_cache(maxsize=None)
def _names_of_group(group: str) -> "regex.Pattern":
    """The words naming a writing system's scripts and languages ('Han', 'Chinese',
    'Japanese' for CJK), from script_names.tsv, as one pattern."""
    words = {w for r in table("script_names.tsv") if r["group"] == group
             for w in regex.findall(r"\p{L}+", r["name"])}
    return regex.compile(r"\b(?:" + "|".join(sorted(words)) + r")\b")


def _quoted_example(ctx: Context, quoted: list[tuple[int, int]], run: _Piece) -> bool:
    """The run is inside a quotation in a paragraph that names its script or language: an
    example quoted on purpose ('Japanese uses Chinese characters: "The quick brown 狐 jumps
    过 the lazy 狗"'). Both are needed: a quoted title left in Cyrillic is still stray."""
    i = bisect_right(quoted, (run.start, len(ctx.text) + 1)) - 1
    if i < 0 or not (quoted[i][0] <= run.start and run.end <= quoted[i][1]):
        return False
    p = bisect_right(ctx.paragraphs, (run.start, len(ctx.text) + 1)) - 1
    ps, pe = ctx.paragraphs[p] if p >= 0 else (0, len(ctx.text))
    return _names_of_group(run.group).search(ctx.text, ps, pe) is not None


def _greek_notation(text: str, run: _Piece) -> bool:
    """A Greek run of at most two distinct letters ('βαββαβ' for a protein fold, 'αα'), or a
    list of one- or two-letter words ('α, γ, δ'), is notation, as one or two letters are
    symbols."""
    if run.scripts != ["Greek"]:
        return False
    span = text[run.start:run.end]
    letters = {c.lower() for c in span if c.isalpha()}
    return len(letters) <= 2 or all(
        len(w) <= _GREEK_SYMBOL_MAX for w in regex.findall(r"[\p{L}\p{M}]+", span))


def _language_name(ctx: Context, group: str) -> str:
    if group == "Latin":
        return {"en": "English"}.get(ctx.option("lang", "en"), "Latin-script")
    return script_name(group) + "-script"


@rule(
    "SC01", "foreign-script", "script", "warning",
    "Words in a script other than the document's own (Cyrillic or Chinese left in English text).",
    bad="The talks were held with him [τον Πούτιν] in Istanbul.",
    good="The β coefficient was 5 µm wide, about π ≈ 3.14 times the Ω-shaped loop in Łódź.",
)
def foreign_script(rule, ctx):
    """Find every word holding a letter outside Latin/Common/Inherited (regex script
    properties); skip the document's main writing system (counted over all letters; Latin for
    English); join words of one writing system separated by at most three spaces or punctuation
    marks into one run; report each run once, naming its script. Quiet on: Latin letters with
    diacritics, Greek runs of one or two letters (symbols and units: α, µ, π, Ω) or of two
    distinct letters (notation: 'βαββαβ'), glosses
    (`gloss_frame`: '(Russian: Москва)', 'Lycia (Λυκία)', 'καινός "kainos"'), any run of a
    writing system the document glosses in (`_glossing_groups`: twice at least, and at
    least as often as it leaves it unframed), a quoted example in a paragraph that names the
    script or its language (`_quoted_example`), and Latin words with look-alike Cyrillic or
    Greek letters (SC02). No fix: only a translator knows what the words meant."""
    found = _doc_words(ctx)
    if found is None:
        return
    words, main = found
    text = ctx.text
    skip = _lookalike_words(ctx, words) if main == "Latin" else {}
    pieces = [p for p in _pieces(words, skip) if p.group != main]
    runs = [r for r in _runs(text, pieces)
            if not (r.scripts == ["Greek"] and r.letters <= _GREEK_SYMBOL_MAX)]
    stray = [r for r in runs if not gloss_frame(text, r.start, r.end)]
    glossing = _glossing_groups(runs, stray)
    quoted = None
    for run in stray:
        if run.group in glossing or _greek_notation(text, run):
            continue
        if quoted is None:
            quoted = quotation_spans(text)
        if _quoted_example(ctx, quoted, run):
            continue
        names = run_name(run.scripts)
        yield rule.finding(
            ctx, run.start, run.end,
            f"{names} script in {_language_name(ctx, main)} text: '{text[run.start:run.end]}'",
            confidence=0.9,
        )


def _replace_lookalikes(word: str) -> Optional[str]:
    table_ = homoglyphs()
    out = []
    for ch in word:
        if ch.isalpha() and letter_script(ch) != "Latin":
            if ch not in table_:
                return None
            out.append(table_[ch])
        else:
            out.append(ch)
    return "".join(out)


_WORD_RE = regex.compile(r"[\p{L}\p{M}]+")


def _neighbour_words(text: str, start: int, end: int) -> tuple[str, str]:
    """The words just before and after [start, end) on the same line ('' when none)."""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    le = len(text) if le < 0 else le
    before = _WORD_RE.findall(text, max(ls, start - 40), start)
    after = _WORD_RE.findall(text, end, min(le, end + 40))
    return (before[-1] if before else ""), (after[0] if after else "")


@rule(
    "SC02", "mixed-script-word", "script", "warning",
    "A Latin word with look-alike Cyrillic or Greek letters inside (homoglyphs: 'Pаris').",
    bad="Protesters gathered in central Pаris on Saturday.",
    good="The PPARγ receptor and NF-κB were measured in Paris.",
)
def mixed_script_word(rule, ctx):
    """In a Latin-script document, find words mixing Latin with Cyrillic or Greek look-alike
    letters ('Pаris', 'соntеnt'), mostly Latin words with other Cyrillic letters, and words
    wholly of look-alikes that spell a common English word among Latin or look-alike words
    ('а' for 'a'). Fix: swap each look-alike for its Latin twin when every foreign letter has
    one (quality/data/script_homoglyphs.tsv); no fix otherwise. Quiet on Greek letters used as
    symbols inside names (PPARγ, NF-κB, TGF-β1)."""
    found = _doc_words(ctx)
    if found is None:
        return
    words, main = found
    if main != "Latin":
        return
    lookalike = _lookalike_words(ctx, words)
    for w in words:
        if w.start not in lookalike:
            continue
        fix = lookalike[w.start]
        names = "/".join(script_name(s) for s in sorted(w.foreign))
        if w.latin:
            msg = f"'{w.text}' mixes Latin and {names} letters"
        else:
            msg = f"'{w.text}' is written in {names} look-alike letters"
        yield rule.finding(
            ctx, w.start, w.end, msg + (f"; did you mean '{fix}'?" if fix else ""),
            suggestion=fix, confidence=0.95 if fix else 0.8,
        )


RULES = (foreign_script, mixed_script_word)
