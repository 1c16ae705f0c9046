"""The spelling evidence the name and place rules share: is this capitalised word a
misspelling of a gazetteer entry (NM01, PL03), or a rare spelling that other documents of the
corpus write another way (NM11, PL12), or that other versions of the story write another
way in the same place (NM12)? Computed once per document; each answer is a named result
carrying its evidence.

The evidence for a misspelling is a table, EVIDENCE: named tests (Test) over the facts of a
word and a candidate entry (Facts), each with its confidence and its documentation, strongest
first; the first that holds decides. Candidates come from the gazetteer's fuzzy index, from the
people whose first name stands before the word (_given_candidates), and from the other words of
a multi-word name (rest_of_name, its tests in _rest_of_name's docstring). Every judgement
that does not depend on the document (a word's verdict, its candidates, the evidence for a
word, first name and the accepted spellings the document uses, an entry's surface forms) is
kept in one cache, named tables in `Gazetteer.memo` (_remembered), so documents share them.
"""
from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from itertools import count
from typing import Callable, Hashable, NamedTuple, Optional, TypeVar

import jellyfish
from rapidfuzz import process
from rapidfuzz.distance import JaroWinkler, Levenshtein

from .. import data_files
from ..corpus import Variant, with_possessives
from ..gazetteer import Candidate, Entry, Gazetteer, gazetteer_table, name_words, surname_of
from ..text import (FUNCTION_WORDS, Token, built_on, derived_forms, fold, is_all_caps,
                    skeleton, strip_accents, strip_possessive)
from .base import Context, per_document

T = TypeVar("T")


class Misspelling(NamedTuple):
    """A word that looks like a misspelling of a gazetteer entry (NM01, PL03)."""

    token: Token
    candidate: Candidate
    confidence: float
    message: str
    suggestion: str
    evidence: tuple[str, ...]  # the tests that held ("same first name 'Keith'", ...)


class ConsensusSpelling(NamedTuple):
    """A rare spelling other documents of the corpus write another way (NM11, PL12)."""

    token: Token
    variant: Variant
    message: str
    suggestion: Optional[str]
    confidence: float
    is_place: bool


# A token rarer than this in English (wordfreq Zipf scale) is unlikely to be a word or a
# well-known name in its own right: 1.5 = about 3 per 100 million words.
RARE_ZIPF = 1.5
# At or above this a token is a common word or a common name: only given-name context counts.
COMMON_ZIPF = 3.0
MIN_LENGTH = 4
# A first name at least this common in English (Zipf: John 5.4, Sergei 3.5) is shared by too
# many people to identify one; rarer ones (Volodymyr, Shinzo) do.
COMMON_GIVEN_ZIPF = 3.0
# A spelling used this often in one document is the writer's choice, not a slip.
REPEATED = 3
# The least similarity (Jaro-Winkler) at which a word English has never seen is compared with
# the user's names.
UNSEEN_FLOOR = 0.82


@lru_cache(maxsize=1)
def _given_name_groups() -> dict[str, frozenset[str]]:
    """Accepted transliteration variants of given names (Andriy = Andrii = Andrij)."""
    groups: dict[str, frozenset[str]] = {}
    try:
        rows = data_files.lines("given_names.tsv")
    except FileNotFoundError:
        return groups
    for row in rows:
        names = frozenset(fold(n) for n in row.replace("\t", "|").split("|") if n.strip())
        for n in names:
            groups[n] = groups.get(n, frozenset()) | names
    return groups


def _has_user_entries(gaz: Gazetteer) -> bool:
    """The gazetteer holds names the user supplied (not only the built-in ones)."""
    return _remembered(gaz, "user", (), lambda: any(not e.builtin for e in gaz.entries))


def _first_name_of_someone(ctx: Context, given: str) -> bool:
    """The word, or an accepted variant of it, is the first name of a person in the gazetteer
    (without that, `_evidence` finds no "same first name" for any candidate)."""
    folded = fold(given)
    return any(ctx.gazetteer.persons_with_given(n)
               for n in (folded, *_given_name_groups().get(folded, ())))


def same_given_name(a: str, b: str) -> bool:
    fa, fb = fold(a), fold(b)
    return fa == fb or fb in _given_name_groups().get(fa, ())


def preceding_given(ctx: Context, index: int) -> Optional[Token]:
    """The capitalised word that stands as a first name before tokens[index], skipping middle
    initials ("Matthew G. Whitker"): only spaces and initials may separate them."""
    words, starts, ends = ctx.word_spans
    text = ctx.text
    j = index - 1
    end = starts[index]
    while j >= 0:
        word = words[j]
        gap = text[ends[j]:end]
        if gap.strip(" .\u00a0") or "\n" in gap or gap.count(".") > (1 if len(word) == 1 else 0):
            return None
        if len(word) == 1 and word.isupper():  # a middle initial
            end = starts[j]
            j -= 1
            continue
        return ctx.token(j) if word[:1].isupper() and not is_all_caps(word) else None
    return None


def _metaphone(s: str) -> str:
    try:
        return jellyfish.metaphone(fold(s))
    except Exception:  # pragma: no cover - jellyfish rejects some inputs
        return ""


class Facts(NamedTuple):
    """What the tests of EVIDENCE read about one word and one candidate entry."""

    first_name: bool       # a first name of the entry (or an accepted variant) stands before it
    common_first: bool     # ... and English uses that first name often (Zipf 3+: John, Sergei)
    no_first_name: bool    # no capitalised word stands as a first name before it
    skeleton: bool         # the same transliteration skeleton (Whitkov, Witkoff)
    in_document: bool      # the document also writes an accepted spelling of the entry
    sound: bool            # the same metaphone code (Cloney, Clooney)
    similarity: float      # Jaro-Winkler of the folded spellings
    edits: int             # Levenshtein distance of the folded spellings
    zipf: float            # how common the word is in English
    length: int            # letters in the word
    form_length: int       # letters in the entry's spelling
    user: bool             # one of the user's names, where their evidence counts (_user_evidence)
    personal: bool         # the entry is a person (or a multi-word name of unknown kind)
    free: bool             # no common word, and not the document's steady spelling of another name
    ending: bool           # one spelling is the other with letters added at the end (5+ letters)
    same_start: bool       # the same first two letters


class Test(NamedTuple):
    """One piece of evidence that a word misspells an entry: `confidence` when it holds (the
    first test of EVIDENCE that holds decides); `label`, when given, is added to the reasons
    the message lists."""

    name: str
    confidence: float
    holds: Callable[[Facts], bool]
    doc: str
    label: Optional[Callable[[Facts], str]] = None


def _first_name_counts(f: Facts) -> bool:
    """The entry's first name before the word, the spellings alike (Jaro-Winkler 0.72), and,
    for a first name many people share, a second piece of evidence: the same skeleton, the
    entry's spelling elsewhere in the document, a spelling at most two letters off, or one
    English has never seen a few letters off (Keith Kloge, not John Cornford)."""
    return f.first_name and f.similarity >= 0.72 and (
        not f.common_first or f.skeleton or f.in_document or f.edits <= 2
        or (f.zipf < RARE_ZIPF and f.edits <= min(3, f.form_length // 2)))


def _skeleton_counts(f: Facts) -> bool:
    """The skeleton folds many letters together, so short names collide (Jiří / Jerí, Suwa /
    Suva): alone it counts for long, very similar spellings (7+ letters, Jaro-Winkler 0.93),
    for the user's names (0.85), or with the entry in the document; and a spelling English
    attests (Carlsson beside Carlson) is another name unless the document uses the entry."""
    limit = RARE_ZIPF if not f.user and not f.in_document else RARE_ZIPF + 1
    return f.free and f.skeleton and f.zipf < limit and (
        f.in_document or (f.length >= 7 and f.similarity >= 0.93)
        or (f.user and f.similarity >= 0.85))


# The evidence that a capitalised word misspells a gazetteer entry, strongest first; the first
# test that holds gives the confidence. Calibrated on the dev suites (bench/calibration.py):
# the first name with the same skeleton or the entry's spelling in the document is right 19
# times in 20; with the same sound, 9 in 10; alone, about 6 in 7.
EVIDENCE: tuple[Test, ...] = (
    Test("first name and skeleton or spelling", 0.95,
         lambda f: _first_name_counts(f) and (f.skeleton or f.in_document),
         "The entry's first name before the word, and the same skeleton or the entry's "
         "spelling elsewhere in the document (Steve Whitkov / Steve Witkoff)."),
    Test("first name and sound", 0.9, lambda f: _first_name_counts(f) and f.sound,
         "The entry's first name and the same sound (George Cloney / George Clooney)."),
    Test("first name, very alike", 0.85,
         lambda f: _first_name_counts(f) and f.similarity >= 0.8,
         "The entry's first name and spellings alike (Jaro-Winkler 0.8: Keith Kloge)."),
    Test("first name", 0.8, _first_name_counts,
         "The entry's first name and spellings loosely alike (Jaro-Winkler 0.72)."),
    Test("skeleton, with the entry in the document or a person", 0.9,
         lambda f: _skeleton_counts(f) and (f.in_document or f.personal),
         "The same skeleton (see _skeleton_counts), the entry a person or written in the "
         "document too (Zelenski / Zelensky)."),
    Test("skeleton", 0.75, _skeleton_counts,
         "The same skeleton alone (see _skeleton_counts)."),
    Test("spelling in the document", 0.85,
         lambda f: f.free and f.in_document and f.similarity >= 0.9 and f.edits <= 2
         and f.zipf < RARE_ZIPF + 1,
         "The entry's spelling elsewhere in the document and this one at most two letters "
         "off (Whitker next to Whitaker)."),
    Test("the user's name with its ending changed", 0.7,
         lambda f: f.free and f.user and f.no_first_name and f.edits == 1 and f.ending,
         "One of the user's names with one letter more or less at the end (Podolski for "
         "Podolsk, Santer for Santeri): a case ending or a cut the translation left.",
         lambda f: "the user's name with its ending changed"),
    Test("one of few close spellings", 0.7,
         lambda f: f.free and f.user and f.zipf < RARE_ZIPF and f.similarity >= 0.93
         and f.edits <= (1 if f.length <= 6 else 2) and (f.sound or f.same_start),
         "A word English has hardly seen, a letter or two from one of the user's names: "
         "similarity alone is evidence only against the user's names (the built-in gazetteer "
         "is broad: thousands of cities).",
         lambda f: f"one of few close spellings ({f.edits} edit{'s' if f.edits > 1 else ''})"),
)


def _evidence(ctx: Context, tok: Token, given: Optional[Token], zipf: float,
              cand: Candidate, repeated: bool) -> tuple[float, list[str]]:
    """How sure we are that `tok` is a misspelling of `cand` (0 = not at all), and why: the
    facts (Facts) of the pair, then the first test of EVIDENCE that holds. `repeated`: the
    document uses the spelling consistently (three times or more, or more often than the
    accepted one), so only a transliteration of the same name can be wrong. A first name
    that belongs to someone else in the gazetteer rules the entry out (another person)."""
    entry = cand.entry
    why: list[str] = []
    personal = _personal(entry)
    has_given = False
    if given is not None and personal:
        # Any accepted form of the entry whose first name matches counts as context.
        for form in entry.forms:
            parts = form.split()
            if any(same_given_name(given.text, p) for p in parts[:-1]):
                why.append(f"same first name '{given.text}'")
                has_given = True
                break
        else:
            if ctx.gazetteer.persons_with_given(given.text):
                return 0.0, []
    # Without the first name, a common word, or a spelling the document uses consistently
    # for another name, is no misspelling (decided here, before the costlier facts below).
    free = not (zipf >= COMMON_ZIPF or (repeated and not cand.same_skeleton))
    if not has_given and not free:
        return 0.0, []
    in_doc = any(ctx.token_counts.get(f, 0) for f in _surface_forms(ctx.gazetteer, entry))
    if in_doc:
        why.append("the document also uses the accepted spelling")
    if cand.same_skeleton:
        why.append("same transliteration skeleton")
    ft, fc = fold(tok.text), fold(cand.form)
    phonetic = _metaphone(tok.text) == _metaphone(cand.form)
    if phonetic and not cand.same_skeleton:
        why.append("same sound (metaphone)")
    facts = Facts(
        first_name=has_given,
        common_first=has_given and ctx.lexicon.zipf(given.text) >= COMMON_GIVEN_ZIPF,
        no_first_name=given is None, skeleton=cand.same_skeleton, in_document=in_doc,
        sound=phonetic, similarity=cand.similarity, edits=Levenshtein.distance(ft, fc),
        zipf=zipf, length=len(tok.text), form_length=len(cand.form),
        user=_user_evidence(ctx, tok.text, cand),
        personal=personal, free=free,
        ending=len(fc) >= 5 and (ft.startswith(fc) or fc.startswith(ft)),
        same_start=ft[:2] == fc[:2])
    for test in EVIDENCE:
        if test.holds(facts):
            if test.label is not None:
                why.append(test.label(facts))
            return test.confidence, why
    return 0.0, []


def _personal(entry: Entry) -> bool:
    """People, and multi-word names of unknown kind (mostly people): written by surname too."""
    return entry.is_person or (entry.kind == "unknown" and " " in entry.name)


def _canonical_word(entry: Entry) -> str:
    return entry.surname if _personal(entry) else entry.name


def _surface_forms(gaz: Gazetteer, entry: Entry) -> frozenset[str]:
    """Single-word spellings a text may use for the entry (surnames for people)."""
    return _remembered(gaz, "surface forms", (entry,), lambda: frozenset(
        surname_of(f) if _personal(entry) else f for f in entry.forms))


def _suggestion(ctx: Context, tok: Token, cand: Candidate) -> str:
    """The canonical spelling, unless the document already uses an accepted house style; an
    accepted accent-less form for a word typed without accents ("Erntogan" -> "Erdogan")."""
    entry = cand.entry
    canonical = _canonical_word(entry)
    forms = sorted(_surface_forms(ctx.gazetteer, entry), key=lambda f: (-ctx.token_counts.get(f, 0), f != canonical, f))
    best = forms[0] if forms and ctx.token_counts.get(forms[0], 0) else canonical
    if best == canonical and tok.text.isascii() and not canonical.isascii():
        plain = strip_accents(canonical)
        if plain in forms:
            best = plain
    if tok.text.isupper():
        best = best.upper()
    return best


def _strip_possessive(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) and len(word) > 2 else word


def without_possessive(tok: Token) -> Token:
    """"Tskinvali's" -> "Tskinvali": the name without its possessive ending."""
    word = _strip_possessive(tok.text)
    return tok if word == tok.text else Token(tok.start, tok.start + len(word), word)


def _is_candidate_word(gaz: Gazetteer, t: str) -> bool:
    return (len(t) >= MIN_LENGTH and t[0].isupper() and not is_all_caps(t)
            and t.isalpha() and not gaz.is_name_token(t))


def _memo_table(gaz: Gazetteer, table: str) -> dict:
    """One named table of the gazetteer's per-process memo (see _remembered)."""
    memo = gaz.memo.get(("spelling", table))
    if memo is None:
        memo = gaz.memo.setdefault(("spelling", table), {})
    return memo


# Keys a table of the memo holds before it is emptied. The verdicts on a single word (a
# flag or two) are asked for every capitalised word of every document and cost little to
# keep: their tables hold the capitalised vocabulary of a large corpus (about 38,000 words in
# 10 MB of news and encyclopedia text). The other tables hold larger values.
MEMO_KEYS = 10_000
MEMO_WORD_KEYS = 50_000
_MEMO_BOUNDS = {"verdict": MEMO_WORD_KEYS, "variant word": MEMO_WORD_KEYS,
                "consensus candidate": MEMO_WORD_KEYS}


def _remembered(gaz: Gazetteer, table: str, key: Hashable, compute: Callable[[], T]) -> T:
    """`compute()`, kept under `key` in one named table of the gazetteer's per-process memo
    so every document shares it; each table is bounded (emptied past its bound in
    `_MEMO_BOUNDS`, MEMO_KEYS for the others)."""
    memo = _memo_table(gaz, table)
    try:
        return memo[key]
    except KeyError:
        if len(memo) > _MEMO_BOUNDS.get(table, MEMO_KEYS):
            memo.clear()
        value = memo[key] = compute()
        return value


def _word_verdict(gaz: Gazetteer, word: str) -> tuple[bool, Optional[tuple]]:
    """What the gazetteer alone says of a capitalised word, decided once per process: can it
    be a misspelt name (NM01 looks further), and is it a known name with wrong capitals?"""
    return _remembered(gaz, "verdict", word,
                       lambda: (_is_candidate_word(gaz, word), _wrong_capitals(gaz, word)))


def _starts_inside_wrong_forms(ctx: Context) -> set[int]:
    offsets = ctx.word_spans.starts
    starts: set[int] = set()
    for s, e, _ in ctx.found_forms("wrong"):
        i = bisect_left(offsets, s)
        while i < len(offsets) and offsets[i] < e:
            starts.add(offsets[i])
            i += 1
    return starts


@per_document
def misspellings(ctx: Context) -> list[Misspelling]:
    """The misspellings NM01 and PL03 report, computed once per document."""
    cache: dict[tuple[str, Optional[str]], Optional[tuple]] = {}
    occurrences: list[Token] = []
    best_for: dict[str, tuple] = {}  # the strongest evidence for a spelling anywhere in the text
    # Decide once per distinct word whether it can be a misspelt name at all.
    wanted = set()
    recased = {}
    for w, bare in ctx.capitalised.items():
        candidate, found = _word_verdict(ctx.gazetteer, bare)
        if candidate:
            wanted.add(w)
        if found is not None:
            recased[w] = found
    wanted |= set(recased)
    rest = rest_of_name(ctx)  # the stronger evidence where a name's other words match
    if not wanted and not rest:
        return []
    known_wrong = _starts_inside_wrong_forms(ctx)  # NM02 / PL02 report those tokens
    if rest and known_wrong:
        rest = {start: m for start, m in rest.items() if start not in known_wrong}
    for i, tok in ctx.tokens_among(wanted):
        tok = without_possessive(tok)
        if tok.start in known_wrong:
            continue
        occurrences.append(tok)
        if tok.text in recased:
            best_for[tok.text] = recased[tok.text]
            continue
        given = preceding_given(ctx, i)
        key = (tok.text, given.text if given else None)
        if key not in cache:
            cache[key] = _best(ctx, tok, given)
        best = cache[key]
        if best is not None and (tok.text not in best_for or best[1] > best_for[tok.text][1]):
            best_for[tok.text] = best
    # "Steve Whitkov ... Whitkov said": once the document shows whom a spelling stands for,
    # every occurrence of that spelling is reported.
    out = []
    for tok in occurrences:
        best = best_for.get(tok.text)
        if best is None:
            continue
        cand, conf, why = best
        suggestion = _suggestion(ctx, tok, cand)
        if suggestion == tok.text:
            continue
        label = cand.entry.name if cand.entry.name != suggestion else ""
        msg = f"'{tok.text}' looks like a misspelling of '{suggestion}'"
        if label:
            msg += f" ({label})"
        if why:
            msg += ": " + ", ".join(why)
        out.append(Misspelling(tok, cand, conf, msg, suggestion, tuple(why)))
    if rest:  # where both found a correction and they differ, the rest of the name decides
        out = [m if rest.get(m.token.start, m).suggestion == m.suggestion else rest[m.token.start]
               for m in out]
        have = {m.token.start for m in out}
        out.extend(m for start, m in rest.items() if start not in have)
        out.sort(key=lambda m: m.token.start)
    return out


def _wrong_capitals(gaz: Gazetteer, word: str) -> Optional[tuple[Candidate, float, list[str]]]:
    """A known name written with capitals no accepted spelling has ("MiHaiu" for Mihaiu,
    "Mccarthy" for McCarthy): the evidence is the gazetteer itself. An acronym written as a
    word, capital first ("Unicef", "Nato"), is the house style of much of the British press."""
    if not gaz.is_name_token(word):
        return None
    plain = strip_accents(word)
    same = gaz.same_letters(word, limit=8)
    if not same or any(strip_accents(c.form) == plain for c in same):
        return None  # unknown, or an accepted spelling
    forms = {strip_accents(c.form) for c in same}
    if len(forms) > 1:
        return None  # two ways to capitalise it: no single correction
    if all(f.isupper() for f in forms) and word[1:].islower():
        return None  # an acronym written as a word (Unicef, Nato): a house style, not a slip
    cand = min(same, key=lambda c: c.form)
    return Candidate(cand.form, cand.entry, 1.0, True), 0.9, ["the same name with other capitals"]


def _best(ctx: Context, tok: Token, given: Optional[Token]) -> Optional[tuple[Candidate, float, list[str]]]:
    """The best-supported correction of `tok` (`given`: the first name before it, if any)."""
    zipf = ctx.lexicon.zipf(tok.text)
    if zipf >= COMMON_ZIPF and (given is None or not _first_name_of_someone(ctx, given.text)):
        return None  # a common word or name, and no known person's first name to say otherwise
    if given is None and zipf >= RARE_ZIPF + 1 and not _has_user_entries(ctx.gazetteer):
        return None  # an attested word and no first name: only a user's name could be meant
    floor = _floor(given, zipf)
    if not _could_have_evidence(ctx, tok.text, given, zipf, floor):
        return None
    # Greenlandic is no misspelling of Greenland; but an unseen "Quitos" may be one of Quito.
    # Estonians of Estonia, Kosovan of Kosovo: derived words English attests; an unseen
    # "Teslan" or "Antiohia" is more likely a foreign case ending left by translation.
    # A user's own names are checked closer: only a long suffix makes another word of them.
    cands = _remembered(ctx.gazetteer, "candidates", (tok.text, floor),
                        lambda: _underived_candidates(ctx.gazetteer, tok.text, zipf, floor))
    if given is not None:  # the surnames of the people with this first name, however far
        extra = _remembered(ctx.gazetteer, "given candidates", (tok.text, given.text, floor),
                            lambda: _given_candidates(ctx.gazetteer, tok.text, given.text, zipf, floor,
                                                      ctx.lexicon.zipf(given.text)))
        if extra:
            have = {(c.form, c.entry) for c in cands}
            cands = cands + [c for c in extra if (c.form, c.entry) not in have]
    if not cands:
        return None
    # The evidence depends on the document only through which accepted spellings it uses:
    # results are shared across documents under that key.
    accepted = [sum(ctx.token_counts.get(f, 0) for f in _surface_forms(ctx.gazetteer, c.entry))
                for c in cands]
    uses = tuple(n > 0 for n in accepted)
    mine = _uses(ctx, tok.text)
    repeated = mine >= REPEATED or (max(accepted) > 0 and mine > max(accepted))
    key = (tok.text, given.text if given else None, uses, repeated, _support(ctx, tok.text, cands))
    scored = _remembered(ctx.gazetteer, "evidence", key,
                         lambda: _scored(ctx, tok, given, zipf, cands, repeated))
    if not scored:
        return None
    scored.sort(key=lambda s: (-s[0], -s[1], s[2].form))
    conf, sim, cand, why = scored[0]
    # Two different names equally plausible: more than one correction, so say nothing.
    for other in scored[1:]:
        if (other[0], round(other[1], 3)) == (conf, round(sim, 3)) and \
                _suggestion(ctx, tok, other[2]) != _suggestion(ctx, tok, cand):
            return None
    return cand, conf, why


def _floor(given: Optional[Token], zipf: float) -> float:
    """The similarity a candidate needs: without a first name only very close spellings (or
    the same skeleton) can qualify; a word English has never seen may be further off (see
    _unique_close_match)."""
    return 0.72 if given is not None else (UNSEEN_FLOOR if zipf == 0 else 0.9)


def _could_have_evidence(ctx: Context, word: str, given: Optional[Token], zipf: float,
                         floor: float) -> bool:
    """False when no candidate could pass `_evidence`, decided without the candidate search.
    Without a known person's first name before the word, the evidence left is the same
    transliteration skeleton, or an entry the document names elsewhere spelt at most two
    edits away, both for a word rarer than Zipf 2.5; against the user's names also one of
    them with one letter more or less at the end (Zipf under 3), and for a word rarer than
    Zipf 1.5 the close spellings only the candidate search finds (the last two tests of
    EVIDENCE, and `_unique_close_match`). Where the user's names are crowded in the whole
    gazetteer, that evidence counts only for an entry the document supports (_user_evidence):
    one of those entries must be at least `floor` alike, as the candidate search asks."""
    gaz = ctx.gazetteer
    if given is not None and _first_name_of_someone(ctx, given.text):
        return True
    if _has_user_entries(gaz) and (zipf < RARE_ZIPF or (
            given is None and zipf < COMMON_ZIPF and gaz.user_ending(word))):
        if not _crowded_list(gaz):
            return True
        spellings = _supported_spellings(ctx)
        if spellings and process.extractOne(fold(word), spellings, scorer=JaroWinkler.normalized_similarity,
                                            score_cutoff=floor) is not None:
            return True
    if zipf >= RARE_ZIPF + 1:
        return False
    if gaz.has_skeleton(word):
        return True
    named = _named_spellings(ctx)
    return bool(named) and process.extractOne(
        fold(word), named, scorer=Levenshtein.distance, score_cutoff=2) is not None


@gazetteer_table("spelling.by-surface")
def _spellings_by_surface(gaz: Gazetteer) -> dict[str, tuple[str, ...]]:
    """{a word that names an entry (one of its `_surface_forms`): the folded spellings
    `Gazetteer.candidates` can return for the entries it names}."""
    folded: dict[str, str] = {}
    fuzzy: dict[int, list[str]] = {}
    for form, entry in gaz.fuzzy_forms():
        f = folded.get(form)
        if f is None:
            f = folded[form] = fold(form)
        fuzzy.setdefault(id(entry), []).append(f)
    table: dict[str, list[str]] = {}
    for entry in gaz.entries:
        forms = fuzzy.get(id(entry))
        if forms:
            personal = _personal(entry)
            for f in entry.forms:
                key = surname_of(f) if personal else f
                have = table.get(key)
                if have is None:
                    table[key] = list(forms)
                else:
                    have.extend(forms)
    return {w: (fs[0],) if len(fs) == 1 else tuple(dict.fromkeys(fs)) for w, fs in table.items()}


@per_document
def _named_spellings(ctx: Context) -> list[str]:
    """The folded spellings of the entries the document names (see `_spellings_by_surface`)."""
    table = _spellings_by_surface(ctx.gazetteer)
    out: dict[str, None] = {}
    for w in table.keys() & ctx.token_counts.keys():
        out.update(dict.fromkeys(table[w]))
    return list(out)


def _scored(ctx: Context, tok: Token, given: Optional[Token], zipf: float,
            cands: list[Candidate], repeated: bool) -> list:
    """(confidence, similarity, candidate, why) for each candidate with some evidence; the
    last resort (_unique_close_match) when none has."""
    scored = []
    for cand in cands:
        conf, why = _evidence(ctx, tok, given, zipf, cand, repeated)
        if conf > 0:
            scored.append((conf, cand.similarity, cand, why))
    return scored or _unique_close_match(ctx, tok, zipf, cands)


def _underived_candidates(gaz: Gazetteer, word: str, zipf: float, floor: float) -> list[Candidate]:
    """The gazetteer's spellings close to `word` that are not another word made on the same
    stem (see _best)."""
    attested = zipf >= RARE_ZIPF
    return [c for c in gaz.candidates(word, min_similarity=floor, limit=8)
            if not derived_forms(word, c.form, inflections=attested and c.entry.builtin,
                                 attested=attested and c.entry.builtin)]


def _given_candidates(gaz: Gazetteer, word: str, given: str, zipf: float, floor: float,
                      lexicon_zipf: float) -> list[Candidate]:
    """The surnames of the gazetteer's people whose first name is `given` (or an accepted
    variant of it) that are close to `word`: the fuzzy index ranks only the closest few of
    all names ("Carl Hausland" must reach Carl Howland among hundreds of H-names)."""
    if lexicon_zipf >= COMMON_GIVEN_ZIPF:
        return []  # a first name many share (James, Charles) does not point to one person
    folded = fold(given)
    people = {id(e): e for n in (folded, *_given_name_groups().get(folded, ()))
              for e in gaz.persons_with_given(n)}
    if not people or len(people) > 200:
        return []
    attested = zipf >= RARE_ZIPF
    fw = fold(word)
    out = []
    for entry in people.values():
        for form in _surface_forms(gaz, entry):
            ff = fold(form)
            if ff[:1] != fw[:1] or abs(len(ff) - len(fw)) > 2:
                continue  # as the fuzzy index's blocks: the same initial, a similar length
            sim = JaroWinkler.normalized_similarity(fw, ff)
            # half the letters changed at most; a word English attests (Schengen) is that
            # word unless a slip or two away
            limit = 2 if attested else len(ff) // 2
            if sim >= floor and ff != fw and Levenshtein.distance(fw, ff) <= limit \
                    and not derived_forms(
                    word, form, inflections=attested and entry.builtin,
                    attested=attested and entry.builtin):
                out.append(Candidate(form, entry, sim, skeleton(form) == skeleton(word)))
    return out


_VOWELS = frozenset("aeiouy")


@lru_cache(maxsize=1 << 14)  # the same few thousand pairs recur across documents
def letter_edits(a: str, b: str) -> float:
    """Edits between two folded words, a vowel counting half a consonant: romanisations and
    slips of transliteration change vowels far more often than consonants (Muhammad,
    Mohammed; Pyuthan, Puthan), so a name that differs in its vowels is the closer one
    (Puthan: Pyuthan 0.5, Putian 1; Avurme: Avinurme 1.5, Akure 2)."""
    def cost(ch: str) -> float:
        return 0.5 if ch in _VOWELS else 1.0

    prev = [0.0]
    for ch in b:
        prev.append(prev[-1] + cost(ch))
    for ca in a:
        cur = [prev[0] + cost(ca)]
        for j, cb in enumerate(b, 1):
            sub = 0.0 if ca == cb else (0.5 if ca in _VOWELS and cb in _VOWELS else 1.0)
            cur.append(min(prev[j - 1] + sub, prev[j] + cost(ca), cur[j - 1] + cost(cb)))
        prev = cur
    return prev[-1]


def _unique_close_match(ctx: Context, tok: Token, zipf: float, cands: list) -> list:
    """The last resort for a word English has never seen (Zipf 0): one user-supplied entry
    clearly closer than every other candidate, a few letters off (Toomhead / Toompea,
    Robesrailre / Robespierre, Grassisca / Gradisca). The user's gazetteer says which names
    matter in this text; the built-in one is too broad for similarity alone."""
    if zipf > 0 or all(c.entry.builtin for c in cands):
        return []  # (the best must be one of the user's names)
    word = fold(tok.text)
    if not any(_may_be_unique(word, c) for c in cands):
        return []  # no candidate passes the tests below the best must pass: skip the ranking
    # Ranked by letter edits (vowels half), then similarity: Jaro-Winkler favours a shared
    # start too much to rank (Puthan is closer to Pyuthan than to Puthia or Putian).
    ranked = sorted(cands, key=lambda c: (letter_edits(word, fold(c.form)), -c.similarity,
                                          c.entry.builtin))
    best = ranked[0]
    form = fold(best.form)
    distance = letter_edits(word, form)
    rival = next((c for c in ranked[1:] if fold(c.form) != form
                  and _canonical_word(c.entry) != _canonical_word(best.entry)), None)
    # the limit counts every letter: vowels weigh less only in choosing between names
    if (not _user_evidence(ctx, tok.text, best) or best.similarity < UNSEEN_FLOOR or word[0] != form[0]
            or (rival is not None and letter_edits(word, fold(rival.form)) <= distance)
            or Levenshtein.distance(word, form) > min(3, len(form) // 3 + 1)):
        return []
    return [(0.6, best.similarity, best, ["the only close spelling"])]


def _may_be_unique(word: str, cand: Candidate) -> bool:
    """The tests of `_unique_close_match` that need only the candidate (its best must pass
    them), cheap enough to run before the ranking: one of the user's names, close enough, with
    the word's initial and at most its edit limit away."""
    if cand.entry.builtin or cand.similarity < UNSEEN_FLOOR:
        return False
    form = fold(cand.form)
    return word[:1] == form[:1] and Levenshtein.distance(
        word, form, score_cutoff=min(3, len(form) // 3 + 1)) <= min(3, len(form) // 3 + 1)


def _user_evidence(ctx: Context, word: str, cand: Candidate) -> bool:
    """Whether the evidence EVIDENCE and `_unique_close_match` allow only against the user's
    names (a spelling close to theirs, their skeleton at a lower similarity, their name with
    its ending changed) counts for `cand`. It rests on the user's list being short: few of
    its names lie near any word, so a word a letter or two from one of them is likely that
    name. A long list (a sanctions list, a style book of thousands of people) fills the
    neighbourhood of every word (the spellings the candidate search compares it with: the
    same first skeleton letter, a length within two letters), and one of its names is near
    an unrelated word by chance (Vespasian / Vespasiano, Xianjun / Xiangtan). The built-in
    gazetteer is the measure: it is already too broad for similarity alone. Where the user's
    single-word spellings outnumber the built-in ones, near the word or in the whole
    gazetteer, the user's list is crowded too: that evidence then counts only for an entry
    the document supports (_supported), and otherwise the word is judged as against a
    built-in name. A list of a few thousand names is not crowded: nothing changes for it."""
    if cand.entry.builtin:
        return False
    return not _crowded(ctx, word) or _supported(ctx, cand)


def _crowded(ctx: Context, word: str) -> bool:
    """The user's single-word spellings outnumber the built-in ones near `word` or in all
    (see _user_evidence)."""
    gaz = ctx.gazetteer
    if _crowded_list(gaz):
        return True
    user, builtin = _remembered(gaz, "neighbourhood", word, lambda: gaz.neighbourhood(word))
    return user > builtin


def _crowded_list(gaz: Gazetteer) -> bool:
    """The user's single-word spellings outnumber the built-in ones in the whole gazetteer."""
    user, builtin = _remembered(gaz, "spellings", (), gaz.spelling_counts)
    return user > builtin


@gazetteer_table("spelling.user-support")
def _user_support(gaz: Gazetteer) -> dict[str, tuple[str, ...]]:
    """{a capitalised word of the names of a user's entry: the folded spellings the candidate
    search can return for that entry, other than the word itself}: a document that writes
    the word supports them (_supported: "Barakzai" vouches for al-Barakzai, "Folake" for
    Vespasiano)."""
    table: dict[str, dict[str, None]] = {}
    for entry in gaz.entries:
        if entry.builtin:
            continue
        spellings = dict.fromkeys(fold(s) for f in entry.forms for s in (f, surname_of(f)))
        for w in dict.fromkeys(w for f in entry.forms for w in name_words(f) if w[:1].isupper()):
            fw = fold(w)
            others = [s for s in spellings if s != fw]
            if others:
                have = table.get(w)
                if have is None:
                    table[w] = dict.fromkeys(others)
                else:
                    have.update(dict.fromkeys(others))
    return {w: tuple(fs) for w, fs in table.items()}


@per_document
def _supported_spellings(ctx: Context) -> list[str]:
    """The folded spellings of the user's entries the document supports (_supported): a
    candidate of the user's that _user_evidence can count where the list is crowded is one of
    them."""
    table = _user_support(ctx.gazetteer)
    out: dict[str, None] = {}
    for w in table.keys() & ctx.token_counts.keys():
        if ctx.lexicon.zipf(w) < COMMON_ZIPF:
            out.update(dict.fromkeys(table[w]))
    return list(out)


def _supported(ctx: Context, cand: Candidate) -> bool:
    """The document writes another word of the entry's name, one English uses rarely (under
    Zipf 3): the first name of a person (Nadia for Nadia Vespasiano), the rest of a place's
    name. A common word (New, Lake, John) names too many things to vouch for one."""
    words = _remembered(ctx.gazetteer, "support words", (cand.entry, cand.form), lambda: tuple(
        w for w in dict.fromkeys(w for f in cand.entry.forms for w in name_words(f))
        if w[:1].isupper() and fold(w) != fold(cand.form) and ctx.lexicon.zipf(w) < COMMON_ZIPF))
    counts = ctx.token_counts
    return any(counts.get(w, 0) for w in words)


def _support(ctx: Context, word: str, cands: list[Candidate]) -> tuple[bool, ...]:
    """What of the document `_user_evidence` reads for these candidates (part of the key
    the evidence is shared across documents under): () where the user's names are not
    crowded around the word."""
    if all(c.entry.builtin for c in cands) or not _crowded(ctx, word):
        return ()
    return tuple(_supported(ctx, c) for c in cands if not c.entry.builtin)


# ---------------------------------------------------------------- the rest of the name

# A name of this many words at most is matched word by word (longer ones are titles).
REST_MAX_WORDS = 4
# Lower-case words a name may hold between its capitalised ones ("Vieira de Costa", "Costa del
# Azahar", "Osama bin Laden"): they are neither evidence nor errors.
PARTICLE_MAX = 3


@gazetteer_table("spelling.name-words")
def _name_words(gaz: Gazetteer) -> dict[str, dict[tuple[int, int], list[tuple]]]:
    """Folded word -> {(its position in a name, the name's word count): [(order, the words
    of an accepted name of two to REST_MAX_WORDS words, the same folded, entry)]}; `order`
    numbers the rows in the order of the gazetteer's entries."""
    table: dict = {}
    order = count()
    same: dict[str, str] = {}    # one string for each word, however many names hold it
    folded: dict[str, str] = {}  # word -> folded (one string for each folded word)
    for entry in gaz.entries:
        for form in entry.forms:
            if form.isalpha():
                continue  # one word
            words = tuple(same.setdefault(w, w) for w in name_words(form))
            if 2 <= len(words) <= REST_MAX_WORDS:
                fwords = tuple(folded.get(w) or folded.setdefault(w, fold(w)) for w in words)
                for p, w in enumerate(words):
                    if w[:1].isupper():
                        table.setdefault(fwords[p], {}).setdefault((p, len(words)), []).append(
                            (next(order), words, fwords, entry))
    return table


def _close_word(a: str, b: str) -> bool:
    """One word a slip or another transliteration away from another: similar (Jaro-Winkler
    0.8) and at most a third of its letters changed (Aomar / Omar, Asacar / Azahar), and not
    another word made on the same stem (Venetian / Venetians)."""
    fa, fb = fold(a), fold(b)
    if fa.startswith(fb) and len(fa) - len(fb) >= 2:
        return False  # the word with an ending added: a case or patronymic (Gombojavyn)
    return (fa != fb and JaroWinkler.normalized_similarity(fa, fb) >= 0.8
            and Levenshtein.distance(fa, fb) <= max(1, len(fb) // 3)
            and not derived_forms(a, b, inflections=False))


def _name_run(ctx: Context, i: int) -> tuple[int, tuple[str, ...]]:
    """The words around tokens[i] that can belong to one name with it: capitalised words
    and short lower-case particles joined by single spaces or hyphens on one line, at most
    REST_MAX_WORDS - 1 either side. Returns (index of tokens[i] in the run, its words)."""
    words, starts, ends = ctx.word_spans
    text = ctx.text

    def joined(a: int, b: int) -> bool:
        return text[ends[a]:starts[b]] in (" ", "-")

    def name_like(j: int) -> bool:
        w = words[j]
        return w[:1].isupper() or (w.islower() and len(w) <= PARTICLE_MAX)

    lo = i
    while lo > 0 and i - lo < REST_MAX_WORDS - 1 and joined(lo - 1, lo) and name_like(lo - 1):
        lo -= 1
    hi = i
    while hi + 1 < len(words) and hi - i < REST_MAX_WORDS - 1 and joined(hi, hi + 1) \
            and name_like(hi + 1):
        hi += 1
    return i - lo, tuple(words[lo:hi + 1])


def _rest_of_name(gaz: Gazetteer, lexicon, words: tuple[str, ...], k: int):
    """The entry whose name the run `words` spells with words[k] changed, when the rest of
    the name vouches for it: (entry, the entry's word, the words that match, confidence),
    or None. Tests, all of which must hold:
      * every other capitalised word of the entry's name stands in the same place, the same
        (an anchor) or itself a close variant; lower-case particles may differ (de / da);
      * at least one anchor; when every anchor is a common word (Zipf 3+: Carl, Khan, New,
        San), the variant must be one English has never seen, one letter off;
      * words[k] is a close variant of the entry's word (_close_word), not a common word,
        not a word of any name the gazetteer knows (Ivana is not a slip for Ivanka) and not an
        accepted variant of the same first name (Aleksander, Alexander: data/given_names.tsv);
      * a spelling English attests (Zipf 1.5+: Ismael, Javad) is a name in its own right: it
        needs a second piece of evidence, two anchors or the same transliteration skeleton;
      * one correction only: two entries asking for different words say nothing."""
    word = strip_possessive(words[k])
    if not word[:1].isupper() or is_all_caps(word) or gaz.is_name_token(word):
        return None
    zipf = lexicon.zipf(word)
    if zipf >= COMMON_ZIPF:
        return None
    index = _name_words(gaz)
    placed = []  # (anchor, order, where the name starts among `words`, its words, entry)
    for a, anchor in enumerate(words):
        if a == k:
            continue
        slots = index.get(fold(strip_possessive(anchor)))
        if not slots:
            continue
        # the names that hold the anchor where `words` has it, and words[k] too
        for n in range(2, min(REST_MAX_WORDS, len(words)) + 1):
            for start in range(max(0, a - n + 1, k - n + 1), min(a, k, len(words) - n) + 1):
                placed.extend((a, order, start, fwords, folded, entry)
                              for order, fwords, folded, entry in slots.get((a - start, n), ()))
    if not placed:
        return None
    # A common first name anchors hundreds of names: _close_word's first test (Jaro-Winkler
    # 0.8 between the folded words) sets most of them aside in compiled code; the rest are
    # taken by anchor and in the gazetteer's order.
    close = sorted(placed[j] for _, _, j in process.extract(
        fold(word), [r[4][k - r[2]] for r in placed],
        scorer=JaroWinkler.normalized_similarity, score_cutoff=0.8, limit=None))
    found = {}
    for _, _, start, fwords, _, entry in close:
        target = fwords[k - start]
        if not _close_word(word, target) or same_given_name(word, target):
            continue
        anchors = []
        for t, fw in enumerate(fwords):
            dw = strip_possessive(words[start + t])
            if start + t == k:
                continue
            if fold(dw) == fold(fw):
                if fw[:1].isupper():
                    anchors.append(dw)
            elif fw.islower() and dw.islower():
                continue  # a particle
            elif not (fw[:1].isupper() and dw[:1].isupper() and _close_word(dw, fw)):
                break
        else:
            if not anchors:
                continue
            common = all(lexicon.zipf(w) >= COMMON_ZIPF for w in anchors)
            distance = Levenshtein.distance(fold(word), fold(target))
            if common and not (zipf < RARE_ZIPF and distance <= 1):
                continue
            if zipf >= RARE_ZIPF and len(anchors) < 2 and skeleton(word) != skeleton(target):
                continue
            found.setdefault(target, (entry, target, tuple(anchors)))
    if len(found) != 1:
        return None
    entry, target, anchors = next(iter(found.values()))
    return entry, target, anchors, 0.85


@per_document
def rest_of_name(ctx: Context) -> dict[int, Misspelling]:
    """Token start -> Misspelling for words a multi-word name of the gazetteer spells
    otherwise while its other words match ("President Aomar Torrijos" / Omar Torrijos,
    "Costa del Asacar" / Costa del Azahar): the evidence is the rest of the name, so the
    entry is found through its other words, not through the fuzzy index."""
    gaz = ctx.gazetteer
    if not _name_words(gaz):
        return {}
    variant = _memo_table(gaz, "variant word")  # decided once per word and process
    wanted = set()
    for w in ctx.token_counts:
        if w[:1].isupper() and len(w) >= 3:
            v = variant.get(w)
            if v is None:
                v = _remembered(gaz, "variant word", w, lambda: (
                    not is_all_caps(w) and not gaz.is_name_token(strip_possessive(w))
                    and ctx.lexicon.zipf(strip_possessive(w)) < COMMON_ZIPF))
            if v:
                wanted.add(w)
    out: dict[int, Misspelling] = {}
    for i in ctx.indices_among(wanted):
        k, words = _name_run(ctx, i)
        if len(words) < 2:
            continue
        hit = _remembered(gaz, "rest of name", (words, k),
                          lambda: _rest_of_name(gaz, ctx.lexicon, words, k))
        if hit is None:
            continue
        tok = ctx.token(i)
        entry, target, anchors, conf = hit
        tok = without_possessive(tok)
        if tok.text.isupper():
            target = target.upper()
        why = (f"the rest of the name ({', '.join(anchors)}) is {entry.name}'s",)
        label = f" ({entry.name})" if entry.name != target else ""
        msg = f"'{tok.text}' looks like a misspelling of '{target}'{label}: {why[0]}"
        cand = Candidate(target, entry, JaroWinkler.normalized_similarity(fold(tok.text), fold(target)),
                         skeleton(tok.text) == skeleton(target))
        out[tok.start] = Misspelling(tok, cand, conf, msg, target, why)
    return out


def trailing_words(name: str, form: str) -> str:
    """The canonical name cut to the word count of the form it replaces."""
    n = len(form.split())
    parts = name.split()
    return " ".join(parts[-n:]) if n < len(parts) else name


def _first_name_position(ctx: Context, index: int) -> bool:
    """tokens[index] stands before a capitalised word, as a first name does."""
    words, starts, ends = ctx.word_spans
    if index + 1 >= len(words):
        return False
    nxt = words[index + 1]
    gap = ctx.text[ends[index]:starts[index + 1]]
    return (nxt[:1].isupper() and gap.strip(" ") == "" and "\n" not in gap
            and nxt.lower() not in FUNCTION_WORDS)


def _uses(ctx: Context, word: str) -> int:
    """How often the document writes `word`, possessives included."""
    counts = ctx.token_counts
    return counts.get(word, 0) + counts.get(word + "'s", 0) + counts.get(word + "’s", 0)


def _same_thing(ctx: Context, form: str, v) -> bool:
    """Evidence, beyond looking alike, that `form` here and the corpus's `v.canonical` name
    the same thing. A document that writes both, `form` more than once, tells two names apart
    (Tenji and Tenmu); a spelling a document repeats three times or more is its deliberate
    choice, wrong only if another version of the same story says otherwise, as is a spelling
    only loosely like the canonical one (Kekerattsusiak, Kekertsuatsiak); and the
    canonical spelling must be used in a shared context (a version of the same story, or a
    document naming the same people and places), not just anywhere in the corpus."""
    mine = _uses(ctx, form)
    theirs = sum(_uses(ctx, f) for f in (v.canonical,) + tuple(v.rivals))
    if mine >= 2 and theirs:
        return False
    why = ctx.corpus.shared_context(ctx.document, form, v.canonical)
    if why is None:
        return False
    return (mine < REPEATED and not v.loose) or why.startswith("a version")


def _consensus_candidate(gaz: Gazetteer, t: str) -> bool:
    """Can the corpus call `t` a rare variant: a spelling no gazetteer knows (as a name, a
    deprecated or a wrong form) and no first name."""
    groups = _given_name_groups()
    return t.isalpha() and not (gaz.is_accepted(t) or gaz.deprecated_form(t) or
                                gaz.wrong_form(t) or t in groups or fold(t) in groups)


@per_document
def consensus_variants(ctx: Context) -> list[ConsensusSpelling]:
    """The rare spellings NM11 and PL12 report, computed once per document."""
    out = []
    corpus = ctx.corpus
    gaz = ctx.gazetteer
    seen: dict[str, object] = {}
    # Decided once per distinct word, and kept across documents: a spelling no gazetteer
    # knows that is no first name.
    bare = ctx.capitalised  # word -> the word without its possessive
    unknown = _memo_table(gaz, "consensus candidate")
    if len(unknown) > MEMO_WORD_KEYS:
        unknown.clear()
    for t in set(bare.values()).difference(unknown):
        unknown[t] = _consensus_candidate(gaz, t)
    wanted = {w for w, t in bare.items() if unknown[t]}
    # The corpus's verdict depends on the spelling alone: only the words it calls a rare
    # variant are looked for in the text (and judged in this document's context there).
    variants = {t: corpus.variant_of(t, ctx.lexicon) for t in {bare[w] for w in wanted}}
    wanted = {w for w in wanted if variants[bare[w]] is not None}
    for i, tok in ctx.tokens_among(wanted):
        tok = without_possessive(tok)
        t = tok.text
        if _first_name_position(ctx, i):
            continue
        if t not in seen:
            v = variants[t]
            seen[t] = v if v is not None and _same_thing(ctx, t, v) else None
        v = seen[t]
        if v is None:
            continue
        suggestion = v.canonical if v.certain else None
        entries = gaz.lookup(v.canonical)
        if entries:  # the gazetteer decides between house styles
            canon = _canonical_word(entries[0])
            suggestion = canon if skeleton(canon) == skeleton(v.canonical) or v.certain else None
        if suggestion is None and v.rivals and gaz.lookup(v.rivals[0]):
            suggestion = _canonical_word(gaz.lookup(v.rivals[0])[0])
        rivals = "".join(f", {r} in {corpus.stats.form_df[r]}" for r in v.rivals)
        msg = (f"'{t}' is a rare spelling in this corpus: {v.canonical} in {v.canonical_docs} "
               f"documents{rivals}, {t} in {v.form_docs} ({v.reason})")
        is_place = bool(entries) and all(e.is_place for e in entries)
        out.append(ConsensusSpelling(tok, v, msg, suggestion, 0.8 if v.certain else 0.6, is_place))
    return out


# ---------------------------------------------------------------- versions of one story

class VersionSpelling(NamedTuple):
    """A name that other versions of the same story write another way in the same place
    (NM12)."""

    token: Token
    rendering: str   # what the other versions write
    versions: int    # how many of them write it
    others: int      # how many other versions the story has
    slot: str        # why it is the same place ("both follow 'Steve'")


# A word at least this common in English (Zipf) is a capitalised common word, not a name.
VERSION_MAX_ZIPF = 4.0


def _same_slot(ctx: Context, i: int, tok: Token, other: str) -> Optional[str]:
    """Evidence that `other`, in the other versions, stands where tokens[i] stands here: the
    same first name before both ("Steve Whitkov", "Steve Witkoff"), the same surname after
    both ("Volodimir Zelensky", "Volodymyr Zelensky"), or the same lower-case word beside
    both in at least two other versions ("envoy Whitkov", "envoy Witkoff")."""
    corpus, toks, text = ctx.corpus, ctx.tokens, ctx.text
    given = preceding_given(ctx, i)
    if given is not None and corpus.stats.form_given.get(other, {}).get(given.text):
        return f"both follow '{given.text}'"
    if i + 1 < len(toks):
        nxt = toks[i + 1]
        if text[tok.end:nxt.start] == " " and nxt.is_capitalised and \
                corpus.stats.form_given.get(strip_possessive(nxt.text), {}).get(other):
            return f"both precede '{strip_possessive(nxt.text)}'"
    target = fold(other)
    for j, side in ((i - 1, "<"), (i + 1, ">")):
        if not 0 <= j < len(toks):
            continue
        word = toks[j].text
        gap = text[min(tok.end, toks[j].end):max(tok.start, toks[j].start)]
        if gap.strip() or not word.islower() or word in FUNCTION_WORDS:
            continue
        n = corpus.context_support(ctx.document, side + word).get(target, 0)
        if n >= 2:
            return f"'{word}' {'before' if side == '<' else 'after'} it in {n} of them"
    return None


@per_document
def _rendering_spellings(ctx: Context) -> tuple[dict[str, list[int]], ...]:
    """Where `_renderings` looks (`CorpusView.places_of`): the attested spellings the
    document writes (one of them makes it say nothing) and those at least two versions of its
    story write (a rendering needs two), each with and without a possessive "'s"; no other
    spelling can change what it returns."""
    words = {fold(w) for w in ctx.token_counts if w[:1].isupper()}
    words |= {w[:-2] for w in words if w.endswith(("'s", "’s")) and len(w) > 2}
    mine = ctx.corpus.places_of(with_possessives(words))
    return mine, ctx.corpus.story_places(ctx.document, 2)


def _renderings(ctx: Context, word: str, others: int) -> list[tuple[int, float, str]]:
    """(versions, similarity, spelling) of the spellings that at least two other versions of
    the story, and at least half of them, use, close to `word` (Jaro-Winkler 0.8 or the same
    skeleton) and not another word on the same stem; none when the document uses one of them
    itself (it then tells two names apart) or when the spelling is a place (PL11 and PL12)."""
    corpus, gaz = ctx.corpus, ctx.gazetteer
    out = []
    for other, sim in corpus.attested_close(word, among=_rendering_spellings(ctx)):
        other = strip_possessive(other)
        if other == word:
            continue
        if _uses(ctx, other):
            return []
        if sim < 0.8 and skeleton(other) != skeleton(word):
            continue
        n = corpus.versions_using(ctx.document, other)
        if n < 2 or 2 * n < others or derived_forms(word, other) or built_on(word, other):
            continue
        entries = gaz.lookup(other)
        if entries and all(e.is_place for e in entries):
            continue
        out.append((n, sim, other))
    out.sort(key=lambda r: (-r[0], -r[1], r[2]))
    return out


@per_document
def version_spellings(ctx: Context) -> list[VersionSpelling]:
    """The names NM12 reports, computed once per document: a capitalised word no other
    version of the story uses, not accepted by the gazetteer and not common in English,
    where at least two other versions (and at least half of them) write one close spelling
    in the same place (_same_slot). Works for names no gazetteer holds; words NM11 already
    reports are left to it. Two spellings as well supported say nothing."""
    corpus = ctx.corpus
    if corpus is None:
        return []
    others = len(corpus.versions(ctx.document))
    if others < 2:
        return []
    gaz = ctx.gazetteer
    reported = {c.token.start for c in consensus_variants(ctx)}
    wanted = {w for w, bare in ctx.capitalised.items()
              if bare.isalpha() and not gaz.is_accepted(bare)
              and ctx.lexicon.zipf(bare) < VERSION_MAX_ZIPF
              and not corpus.versions_using(ctx.document, bare)}
    if not wanted:
        return []
    renderings: dict[str, list] = {}
    found: dict[str, tuple] = {}
    occurrences = []
    for i, tok in ctx.tokens_among(wanted):
        tok = without_possessive(tok)
        if tok.start in reported:
            continue
        w = tok.text
        occurrences.append(tok)
        if w in found:
            continue
        if w not in renderings:
            renderings[w] = _renderings(ctx, w, others)
        for n, sim, other in renderings[w]:
            slot = _same_slot(ctx, i, tok, other)
            if slot:
                rivals = [r for r in renderings[w] if r[0] == n and r[2] != other
                          and _same_slot(ctx, i, tok, r[2])]
                found[w] = None if rivals else (other, n, slot)
                break
    return [VersionSpelling(tok, *found[tok.text][:2], others, found[tok.text][2])
            for tok in occurrences if found.get(tok.text)]
