"""Places: deprecated exonyms and known wrong place names."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterator, Optional

import regex

from .. import data_files
from ..gazetteer import Entry
from ..text import FUNCTION_WORDS, derived_forms, fold, is_all_caps, romanised
from .base import Context, per_document, rule
from .spelling import consensus_variants, misspellings, trailing_words, without_possessive

# A year: four digits (1000-2099, "1930s"), or three in a frame that makes them a year ("from
# 339 to 341", "in 330,", "AD 330", "330 BC"); a bare three-digit number, or a range before a
# noun ("from 300 to 400 people"), is a count.
_YEAR_RE = regex.compile(
    r"(?|\b(1[0-9]{3}|20[0-9]{2})s?\b"
    r"|(?<=\bfrom )([1-9][0-9]{2})(?= to [1-9][0-9]{2}\b(?![ \t]+\p{Ll}))"
    r"|(?<=\bfrom [1-9][0-9]{2} to )([1-9][0-9]{2})\b(?![ \t]+\p{Ll})"
    r"|(?<=\b(?:in|AD|CE) )([1-9][0-9]{2})(?=[.,;:)]|\s*$)"
    r"|\b([1-9][0-9]{2})(?= ?(?:BC|BCE|AD|CE)\b))")
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


# How far around a word its historical frame is looked for, at most (a "sentence" with no
# punctuation can be a whole document).
WINDOW = 400


def _frame_at(ctx: Context, offset: int) -> tuple[int, int]:
    """The sentence holding `offset` and the ones before and after it (a historical frame often
    spans them: "... feudal Europe. Then the title passed from Constantinople to Paris.",
    "... the approaches to Leningrad. Talks went on throughout 1938."), cut to
    WINDOW characters either side."""
    sentences = ctx.sentences
    i = bisect_right(ctx.sentence_offsets, offset) - 1
    if 0 <= i < len(sentences) and sentences[i][0] <= offset < sentences[i][1]:
        s = sentences[i - 1][0] if i else sentences[i][0]
        e = sentences[i + 1][1] if i + 1 < len(sentences) else sentences[i][1]
    else:
        s, e = offset, offset
    return max(s, offset - WINDOW), min(e, offset + WINDOW)


@dataclass
class _Frames:
    """Per document: the historical frames judged so far ((frame, since) -> reason), the
    characters searched frame by frame, and the cues found once in the whole document."""

    reasons: dict = field(default_factory=dict)
    searched: int = 0
    cues: Optional[tuple] = None


@per_document
def _frames(ctx: Context) -> _Frames:
    return _Frames()


def _historical_in(ctx: Context, frame: tuple[int, int], entry: Entry) -> str | None:
    """historical_reason for ctx.text[frame]. Each frame is searched on its own until the
    frames searched add up to the document's length; then the cues are found once in the whole
    document and looked up by position, so a document of thousands of exonyms costs linear
    time (a cue counts when it lies wholly inside the frame)."""
    s, e = frame
    state = _frames(ctx)
    if state.searched < len(ctx.text):
        state.searched += e - s
        return historical_reason(ctx.text[s:e], entry)
    if state.cues is None:
        state.cues = tuple(
            ([m.start() for m in found], found) for found in (
                list(_YEAR_RE.finditer(ctx.text)), list(_CENTURY_RE.finditer(ctx.text)),
                list(_cues().finditer(ctx.text))))
    (year_at, years), (century_at, centuries), (cue_at, cues) = state.cues

    def inside(starts, found):
        i = bisect_left(starts, s)
        while i < len(found) and found[i].end() <= e:
            yield found[i]
            i += 1

    if entry.since:
        for m in inside(year_at, years):
            if int(m.group(1)) < entry.since:
                return f"year {m.group(0)}"
    if next(inside(century_at, centuries), None):
        return "a century"
    m = next(inside(cue_at, cues), None)
    return f"'{m.group(0)}'" if m else None


def paired_with_modern(text: str, start: int, end: int, entry: Entry) -> bool:
    """The old name stands beside the current one in parentheses, on purpose: "Burma
    (Myanmar)", "Nanjing (then spelled "Nanking")", "Mumbai (formerly Bombay)"."""
    after = text[end:end + 60]
    before = text[max(0, start - 60):start]
    if "(" not in after and "(" not in before:
        return False
    after_re, before_re = _modern_patterns(entry.name)
    return bool(after_re.match(after) or before_re.search(before))


@lru_cache(maxsize=1024)
def _modern_patterns(name: str):
    """The compiled patterns of `paired_with_modern` for one current name."""
    n = regex.escape(name)
    return (regex.compile(r"\s*\((?:\p{Ll}+ ){0,2}[\"“]?" + n + r"\b"),
            regex.compile(r"\b" + n + r"\s*\((?:\p{Ll}+ ){0,3}[\"“]?$"))


@rule("PL01", "exonym", "place", "warning",
      "A deprecated exonym or old place name in modern context, with the current name.",
      "Leaders of France and Germany travelled to Kiev last weekend.",
      "Leaders of France and Germany travelled to Kyiv last weekend.")
def exonym(rule, ctx: Context) -> Iterator:
    """Matches the gazetteer's `deprecated` forms (Kiev, Bombay, Constantinople, ...) as whole,
    case-sensitive words. Quiet inside fixed names listed in data/exonym_exceptions.txt
    (Chicken Kiev, Bombay Stock Exchange, Odessa, Texas), beside the current name in
    parentheses ("Burma (Myanmar)", "Mumbai (formerly Bombay)"), in historical sentences (a year
    before the renaming, a century, or a cue such as "the fall of" or "Ottoman", in the sentence
    or the ones beside it), in paragraphs whose years all come before the renaming, alone
    in quotation marks (the band "Leningrad": a name of its own), and in a document that
    follows an older spelling system as its convention (`_house_systems`: three places such
    as Kiev, Kharkov and Odessa, and never Kyiv, Kharkiv or Odesa)."""
    found = ctx.found_forms("deprecated")
    house_style = _house_systems(ctx, [entry for _, _, entry in found])
    for start, end, entry in found:
        if _system(entry) in house_style:
            continue
        if in_fixed_name(ctx.text, start, end) or paired_with_modern(ctx.text, start, end, entry):
            continue
        frame = _frame_at(ctx, start)
        reasons = _frames(ctx).reasons
        key = (frame, entry.since)
        if key not in reasons:
            reasons[key] = _historical_in(ctx, frame, entry)
        if reasons[key]:
            continue
        if _quoted_alone(ctx.text, start, end) or _paragraph_before(ctx, start, entry):
            continue
        form = ctx.text[start:end]
        why = entry.note or f"an old or foreign name for {entry.name}"
        modern = f" since {entry.since}" if entry.since and not entry.note else ""
        also = " (the document also uses it)" if ctx.token_counts.get(entry.name.split()[0]) else ""
        yield rule.finding(
            ctx, start, end,
            f"'{form}' is a deprecated name for {entry.name}{also}: {why}{modern}",
            entry.name)


# Places a document must write in one older spelling system before it counts as its house
# style: two (Kiev and Odessa) are common in any story on the war; three name the system.
HOUSE_STYLE_PLACES = 3
_SYSTEM_RE = regex.compile(r"^[^;]*(?:-derived spelling|romanisation)\b")


def _system(entry: Entry) -> str:
    """The spelling system an old form belongs to, from the entry's note ('Russian-derived
    spelling', 'pre-pinyin romanisation'), or '' when it is a renaming ('former name')."""
    m = _SYSTEM_RE.match(entry.note or "")
    return m.group(0) if m else ""


def _house_systems(ctx: Context, entries: list[Entry]) -> frozenset[str]:
    """Spelling systems the document follows as its convention: it writes HOUSE_STYLE_PLACES
    places or more in the system (Kiev, Kharkov and Odessa) and none of them in its current
    form (Kyiv, Kharkiv, Odesa). That is a house style (a news agency's, an older book's), not
    a slip; a lone Kiev, Kiev and Odessa, or a Kiev beside Kharkiv, are still reported."""
    by_system: dict[str, set[str]] = {}
    for e in entries:
        system = _system(e)
        if system:
            by_system.setdefault(system, set()).add(e.name)
    out = set()
    for system, names in by_system.items():
        if len(names) >= HOUSE_STYLE_PLACES and not any(
                ctx.token_counts.get(n.split()[0]) for n in names):
            out.add(system)
    return frozenset(out)


def _quoted_alone(text: str, start: int, end: int) -> bool:
    """The old name alone in quotation marks: a name of its own, a band, a ship or a film
    ('the hits of "Leningrad"'), or the name quoted as given, not the place named today."""
    return (start > 0 and text[start - 1] in _QUOTE_OPEN
            and text[end:end + 1] in tuple(_QUOTE_CLOSE)
            and not text[end + 1:end + 2].isalnum()
            and (start < 2 or not text[start - 2].isalnum()))


# A paragraph of more sentences than this is no unit of time (text with no paragraph breaks).
PARAGRAPH_SENTENCES = 8


def _paragraph_before(ctx: Context, offset: int, entry: Entry) -> bool:
    """The paragraph (of at most PARAGRAPH_SENTENCES sentences) is set before the renaming:
    it gives at least one year, and every year it gives is earlier than the entry's `since`
    ("The opening of the Suez Canal in 1869 ... merchants established trading houses in
    Bombay, Calcutta ..."). One later year ("in 2005 it opened an office in Bombay") and the
    paragraph speaks of today."""
    if not entry.since:
        return False
    paras = ctx.paragraphs
    i = bisect_right(paras, (offset, len(ctx.text) + 1)) - 1
    if i < 0:
        return False
    key = ("paragraph", paras[i], entry.since)
    reasons = _frames(ctx).reasons
    if key not in reasons:
        ps, pe = paras[i]
        offsets = ctx.sentence_offsets
        sentences = bisect_left(offsets, pe) - bisect_left(offsets, ps)
        years = [int(m.group(1)) for m in _YEAR_RE.finditer(ctx.text, ps, pe)] \
            if sentences <= PARAGRAPH_SENTENCES else []
        reasons[key] = bool(years) and max(years) < entry.since
    return reasons[key]


@rule("PL02", "known-wrong-place", "place", "warning",
      "A spelling the gazetteer lists as a known wrong form of a place name.",
      "Typhoon survivors in the Phillipines waited for aid.",
      "Typhoon survivors in the Philippines waited for aid.")
def known_wrong_place(rule, ctx: Context) -> Iterator:
    """Exact, case-sensitive, whole-word matches of a place entry's `wrong` forms."""
    for start, end, entry in ctx.found_forms("wrong"):
        if not entry.is_place:
            continue
        yield rule.finding(ctx, start, end,
                           f"'{ctx.text[start:end]}' is a known wrong spelling of {entry.name}",
                           trailing_words(entry.name, ctx.text[start:end]))


@rule("PL11", "version-substitution", "place", "warning",
      "A word that other versions of the same story have in its place: a wrong substitution.",
      "(one of five versions) Epirus leaders are still pushing for coordinated sanctions.",
      "(as the other versions) European leaders are still pushing for coordinated sanctions.",
      corpus=True)
def version_substitution(rule, ctx: Context) -> Iterator:
    """Needs the corpus pass. Documents that tell the same story (translated, paraphrased,
    republished) are grouped by the distinctive names they share. A capitalised word that no
    other version uses, standing where at least two other versions, and at least half of
    them, put one and the same other word with the same initial (before the same word, or after it), is reported with
    that word as the suggestion: "Epirus leaders" against "European leaders" in two other
    versions. Quiet when the document also names the word's base ("Sudanese" in a text that
    names Sudan): the writer means that place. Deprecated exonyms are left to PL01."""
    corpus = ctx.corpus
    if len(corpus.versions(ctx.document)) < 2:
        return
    toks = ctx.tokens
    # Decided once per distinct word: a capitalised word no other version uses, not common in
    # English and not a spelling variant of a name (NM11 reports those).
    wanted = {w for w, t in ctx.capitalised.items()
              if not ctx.gazetteer.deprecated_form(t)
              and not corpus.versions_using(ctx.document, t)
              and ctx.lexicon.zipf(t) < 4.0 and corpus.variant_of(t, ctx.lexicon) is None}
    for i, tok in ctx.tokens_among(wanted):
        tok = without_possessive(tok)
        t = tok.text
        support = {}
        for j, side in ((i + 1, ">"), (i - 1, "<")):
            if 0 <= j < len(toks):
                gap = ctx.text[min(tok.end, toks[j].end):max(tok.start, toks[j].start)]
                word = toks[j].text
                word = word[:-2] if word.endswith(("'s", "’s")) else word
                # Only plain lower-case neighbours ("leaders") are evidence: a capitalised one
                # ("Minister", "Steve") makes this a name, not a substitution.
                if gap.strip() or not word.islower() or word in FUNCTION_WORDS:
                    continue
                ft = fold(t)
                for w, n in corpus.context_support(ctx.document, side + word.lower()).items():
                    # Same initial, but not another form of the same word (Greenland,
                    # Greenlandic; Darwin, Darwinian's).
                    if n >= 2 and w[:1] == ft[:1] and not derived_forms(w, ft):
                        support[w] = max(support.get(w, 0), n)
        if not support:
            continue
        ranked = sorted(support.items(), key=lambda kv: (-kv[1], kv[0]))
        if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
            continue  # two rival words: no single correction
        word, n = ranked[0]
        if 2 * n < len(corpus.versions(ctx.document)):
            continue  # the other word is not what most versions say
        if _base_named(ctx, t):
            continue
        form = _surface(ctx, word)
        yield rule.finding(
            ctx, tok.start, tok.end,
            f"'{t}' appears in no other version of this story; {n} other versions have "
            f"'{form}' in its place", form, confidence=0.6)


def _base_named(ctx: Context, word: str) -> bool:
    """The document also names the word's base ('Sudanese civil war' in a text that reports
    from 'Darfur, Sudan'): the writer means that place, whatever other versions say."""
    return any(w != word and derived_forms(word, w) for w in ctx.capitalised.values())


def _surface(ctx: Context, folded: str) -> str:
    """The capitalised surface form of a folded word, as the corpus wrote it."""
    return ctx.corpus.surface_forms.get(folded, folded.capitalize())


@rule("PL03", "place-misspelling", "place", "warning",
      "A place name that is not in the gazetteer but is a close variant of a place in it.",
      "Russian forces shelled Zaporizhia overnight, the governor said.",
      "Russian forces shelled Zaporizhzhia overnight, the governor said.")
def place_misspelling(rule, ctx: Context) -> Iterator:
    """The same matcher and evidence as NM01 (name-misspelling), for gazetteer entries that
    are places (countries, cities, regions). Quiet on a word quoted as a name with the
    quotation on its line ("then known as 'Zambezia'", '("Republika Slovenija")'): a
    name given on purpose, an older or foreign one, not a slip. Quiet on a word English
    attests (Zipf 2.0+: "Syriza", "Italo"), a name of its own, and, for a place the gazetteer
    names by a scholarly romanisation ("Jabālyā"), on a spelling with only the same
    transliteration skeleton as evidence ("Jabalia"): one more romanisation. Quiet too on a
    word hyphened to a capitalised one ("Franche-Comté"): part of a longer name; beside a
    capitalised word that makes it part of a person's or a firm's name ("Milovan Đilas",
    "Telia Latvija"; not before a place noun such as "River", nor after a place's first word
    such as "East"); and after a language's name for it ("its French name Parme")."""
    for m in misspellings(ctx):
        if not m.candidate.entry.is_place or _quoted_name(ctx.text, m.token.start, m.token.end):
            continue
        if _attested_name(ctx, m) or _another_romanisation(m) or _hyphened_name(ctx.text, m):
            continue
        if _beside_a_name(ctx, m) or _language_label(ctx.text, m.token.start):
            continue
        yield rule.finding(ctx, m.token.start, m.token.end, m.message, m.suggestion,
                           confidence=m.confidence)


# A word English writes this often (wordfreq Zipf: 2.0 = once in 10 million words) is a name
# of its own (Syriza, Italo), not a slip: real slips of place names are unattested (Detoit,
# Leciester, Taragona: Zipf 0).
ATTESTED_ZIPF = 2.0


def _attested_name(ctx: Context, m) -> bool:
    """A built-in place's close spelling that English attests: another name (the party
    "Syriza" beside Syria, the writer "Italo" Calvino beside Italy). Capitals no accepted
    spelling has are still reported: the word is the place itself."""
    return (m.candidate.entry.builtin and m.candidate.similarity < 1.0
            and ctx.lexicon.zipf(m.token.text) >= ATTESTED_ZIPF)


def _hyphened_name(text: str, m) -> bool:
    """The word is hyphened to a capitalised word: part of a longer name ('Franche-Comté',
    'Baden-Baden'), not the place it resembles."""
    s, e = m.token.start, m.token.end
    return (text[e:e + 1] == "-" and text[e + 1:e + 2].isupper()) or (
        s >= 2 and text[s - 1] == "-" and text[s - 2].isalpha()
        and text[text.rfind(" ", 0, s - 1) + 1:s - 1][:1].isupper())


# The next word, capitalised, possibly after a lower-case name particle ('Américo d'Oliveira').
_NEXT_CAPITAL_RE = regex.compile(
    r" (?:(?:d['’]|de |da |das |del |della |di |do |dos |du |van |von ))?(\p{Lu}[\p{L}\p{M}'’]+)")
_PREVIOUS_CAPITAL_RE = regex.compile(r"(?<![\p{L}\p{M}.])(\p{Lu}[\p{L}\p{M}]+) $")


@lru_cache(maxsize=1)
def _place_nouns() -> frozenset[str]:
    return frozenset(data_files.lines("place_nouns.txt"))


def _qualifiers(ctx: Context) -> frozenset[str]:
    """First words of the gazetteer's multi-word places ('New', 'San', 'East', 'Port'):
    words that stand before a place's name as part of it."""
    memo = ctx.gazetteer.memo
    key = ("places", "qualifiers")
    if key not in memo:
        memo[key] = frozenset(e.name.split()[0] for e in ctx.gazetteer.entries
                              if e.is_place and " " in e.name)
    return memo[key]


def _beside_a_name(ctx: Context, m) -> bool:
    """The word stands, one space apart, beside a capitalised word that makes it part of
    another name, a person's or a firm's ('Italo Calvino', 'Milovan Đilas', 'Américo
    d'Oliveira', 'Telia Latvija'): after a word that is no sentence's first, no function
    word and no place's first word ('East', 'San'), or before a word that is no place noun
    ('River', 'Falls': data/place_nouns.txt) and no word of the entry's name ('Burkino
    Faso' is still Burkina Faso)."""
    text, tok = ctx.text, m.token
    entry_words = {w for form in m.candidate.entry.forms for w in form.split()}
    nxt = _NEXT_CAPITAL_RE.match(text, tok.end)
    if nxt is not None:
        word = nxt.group(1)
        if word not in _place_nouns() and word not in entry_words and not is_all_caps(word):
            return True
    prev = _PREVIOUS_CAPITAL_RE.search(text, max(0, tok.start - 40), tok.start)
    if prev is not None:
        word = prev.group(1)
        if (prev.start(1) not in ctx.sentence_starts and word.lower() not in FUNCTION_WORDS
                and word not in _qualifiers(ctx) and word not in entry_words
                and not is_all_caps(word)):
            return True
    return False


_LANGUAGE_LABEL_RE = regex.compile(r"\b(\p{Lu}\p{Ll}+) (?:name|spelling|form)[ ,:]+[\"“‘']?$")


@lru_cache(maxsize=1)
def _language_names() -> frozenset[str]:
    return frozenset(r["name"] for r in data_files.table("language_names.tsv"))


def _language_label(text: str, start: int) -> bool:
    """A language names the form just before it ('Under its French name Parme'): another
    language's name for the place, given on purpose."""
    m = _LANGUAGE_LABEL_RE.search(text, max(0, start - 40), start)
    return m is not None and m.group(1) in _language_names()


def _another_romanisation(m) -> bool:
    """A place the gazetteer names by a scholarly romanisation ('Jabālyā'), matched only by
    the transliteration skeleton: 'Jabalia' is one more romanisation of the same name (news
    writes Jabalia, Jabaliya and Jabalya), not a misspelling."""
    return (m.evidence == ("same transliteration skeleton",)
            and romanised(m.candidate.entry.name))


_QUOTE_OPEN = "\"'“‘«"
_QUOTE_CLOSE = "\"'”’»"
_QUOTED_NAME_MAX = 60  # characters: a quoted name, not a quoted passage


def _quoted_name(text: str, start: int, end: int) -> bool:
    """[start, end) lies in a short quotation on its line: a quote mark opens before it after
    a space or bracket, and one closes after it, with no sentence end between."""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    le = len(text) if le < 0 else le
    before = text[max(ls, start - _QUOTED_NAME_MAX):start]
    after = text[end:min(le, end + _QUOTED_NAME_MAX)]
    m = regex.search(r"(?:^|[\s(\[])[" + _QUOTE_OPEN + r"][^" + _QUOTE_CLOSE + r".!?]*$", before)
    if m is None:
        return False
    return regex.match(r"[^" + _QUOTE_OPEN + _QUOTE_CLOSE + r".!?]*?[" + _QUOTE_CLOSE
                       + r"](?!\w)", after) is not None


@rule("PL12", "consensus-place-spelling", "place", "warning",
      "A rare spelling of a place that other documents of the corpus spell another way.",
      "(one of fifteen versions) ... an iceberg I photographed on Kekerattsusiak in Greenland.",
      "(as the fourteen others) ... an iceberg I photographed on Kekertsuatsiak in Greenland.",
      corpus=True)
def consensus_place_spelling(rule, ctx: Context) -> Iterator:
    """NM11 (consensus-spelling) for spellings whose canonical form is a place in the
    gazetteer. Quiet, as PL03, on a word in a short quotation on its line: a name given as
    written ('the company "Slovenija avtopromet"', 'the review "Slovinac"')."""
    for c in consensus_variants(ctx):
        if c.is_place and not _quoted_name(ctx.text, c.token.start, c.token.end):
            yield rule.finding(ctx, c.token.start, c.token.end, c.message, c.suggestion,
                               confidence=c.confidence)


RULES = (exonym, known_wrong_place, place_misspelling, version_substitution,
         consensus_place_spelling)
