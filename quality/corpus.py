"""The corpus pass: statistics gathered across documents before any of them is audited.

`CorpusStats` is built incrementally (`add(document)`), merged (`merge(other)`, for parallel and
distributed runs), saved and loaded (`to_json` / `from_json`). It holds counts keyed by
vocabulary (name forms, line fingerprints, capitalised-word bigrams) plus one small profile per
document (its distinctive capitalised words), so memory grows with the vocabulary and the
number of documents, not with the text.

`finalize()` freezes the counts into a `CorpusView` that the corpus rules read:
  * consensus spellings of names across documents (Witkoff in 4 documents, Whitkov in 1);
  * boilerplate lines that recur across documents of different stories;
  * story groups (versions of one story: translated, paraphrased, republished) and, per group,
    which capitalised words stand before/after which words, to expose substitutions.
Every result is independent of the order in which documents were added.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property
from typing import Iterable, Optional

from rapidfuzz import process
from rapidfuzz.distance import JaroWinkler, Levenshtein

from .markdown import prose_text
from .model import Document
from .text import FUNCTION_WORDS, WORD_RE, built_on, fold, is_all_caps, skeleton, strip_accents

FORMAT_VERSION = 1
_DIGITS = re.compile(r"\d")
_SPACE = re.compile(r"\s+")
# Words that start sentences or are capitalised for other reasons: never name forms.
_FUNCTION = FUNCTION_WORDS
_TITLES = frozenset(
    "mr mrs ms dr president minister secretary envoy ambassador senator spokesman spokeswoman "
    "chancellor general chief leader prime foreign defence defense deputy special adviser "
    "advisor aide governor mayor king queen prince pope".split())
# The lowest spelling similarity (Jaro-Winkler of folded forms) at which `_variant_of` may
# merge two forms: candidates under it are never compared in Python.
_MIN_SIMILARITY = 0.78


def line_key(line: str) -> Optional[str]:
    """A fingerprint of a line for boilerplate counting: case, digits and spaces folded.
    Lines too short to carry evidence return None."""
    norm = _SPACE.sub(" ", _DIGITS.sub("0", line.strip().casefold()))
    # Short lines ("Thank you very much.") recur as ordinary speech; the phrase-list rules
    # cover short boilerplate ("Advertisement", "Share this").
    if len(norm) < 25 or len(norm.split()) < 5:
        return None
    return hashlib.blake2b(norm.encode("utf-8"), digest_size=8).hexdigest()


def _doc_key(doc: Document) -> str:
    """A document's identity in the statistics: its path and record id, or, for a document
    that has neither (a text from a dataframe), a digest of its text."""
    if doc.path is None and doc.id is None:
        return "\x1f#" + hashlib.blake2b(doc.text.encode("utf-8", "surrogatepass"),
                                         digest_size=12).hexdigest()
    return f"{doc.path or ''}\x1f{'' if doc.id is None else doc.id}"


@dataclass
class _Profile:
    """What one document contributes to story grouping and substitution detection."""

    # Sorted tuples, not sets: a third of the memory, and these are kept per document.
    names: tuple = ()     # capitalised words (folded)
    bigrams: tuple = ()   # (capitalised word, ">next" / "<previous" content word)
    lines: tuple = ()     # line fingerprints


def _profile_of(text: str) -> tuple[_Profile, dict[str, Counter], set[str], set[str]]:
    """(profile, first names seen before each name form, name forms, forms used as first
    names) of one document."""
    words = [(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(text)]
    names: set[str] = set()
    bigrams: set[tuple[str, str]] = set()
    given: dict[str, Counter] = defaultdict(Counter)
    forms: set[str] = set()
    firsts: set[str] = set()
    for i, (w, s, e) in enumerate(words):
        if not w[:1].isupper() or is_all_caps(w) or len(w) < 3:
            continue
        lw = w.lower()
        if lw in _FUNCTION:
            continue
        names.add(fold(w))
        forms.add(w)
        if i + 1 < len(words):
            nxt, ns, _ = words[i + 1]
            if nxt.islower() and nxt not in _FUNCTION:  # only content words are evidence
                bigrams.add((fold(w), ">" + nxt))
            if nxt[:1].isupper() and nxt.lower() not in _FUNCTION and text[e:ns] == " ":
                firsts.add(w)  # stands as a first name: "Andrij Yermak"
        if i > 0:
            prev, ps, pe = words[i - 1]
            if prev.islower() and prev not in _FUNCTION:
                bigrams.add((fold(w), "<" + prev))
            gap = text[pe:s]
            if len(prev) == 1 and prev.isupper() and i > 1:
                prev, gap = words[i - 2][0], text[words[i - 2][2]:ps] + gap  # "Matthew G. Whitaker"
            if prev[:1].isupper() and len(prev) > 1 and gap.strip(" .") == "" and \
                    "\n" not in gap and prev.lower() not in _FUNCTION and prev.lower() not in _TITLES:
                given[w][prev] += 1
    line_keys = {k for k in (line_key(l) for l in text.splitlines()) if k}
    return (_Profile(tuple(sorted(names)), tuple(sorted(bigrams)), tuple(sorted(line_keys))),
            given, forms,
            firsts)


class CorpusStats:
    """Mergeable counts over a corpus. Add every document once, then `finalize()`."""

    def __init__(self) -> None:
        self.documents = 0
        self.form_df: Counter = Counter()          # name form -> documents using it
        self.form_given: dict[str, Counter] = {}   # name form -> first names seen before it
        self.first_df: Counter = Counter()         # form -> documents using it as a first name
        self.line_df: Counter = Counter()          # line fingerprint -> documents
        self.profiles: dict[str, _Profile] = {}    # document key -> profile

    # ------------------------------------------------------------------ building
    def add(self, doc: Document) -> None:
        if doc.error is not None:
            return
        key = _doc_key(doc)
        if key in self.profiles:
            return
        profile, given, forms, firsts = _profile_of(prose_text(doc))
        self.profiles[key] = profile
        self.documents += 1
        self.form_df.update(forms)
        self.first_df.update(firsts)
        for form, c in given.items():
            self.form_given.setdefault(form, Counter()).update(c)
        self.line_df.update(profile.lines)

    def add_all(self, docs: Iterable[Document]) -> "CorpusStats":
        for d in docs:
            self.add(d)
        return self

    def merge(self, other: "CorpusStats") -> "CorpusStats":
        for key, profile in other.profiles.items():
            if key in self.profiles:
                continue
            self.profiles[key] = profile
            self.documents += 1
        self.form_df.update(other.form_df)
        self.first_df.update(other.first_df)
        for form, c in other.form_given.items():
            self.form_given.setdefault(form, Counter()).update(c)
        self.line_df.update(other.line_df)
        return self

    # ------------------------------------------------------------------ persistence
    def to_json(self) -> str:
        return json.dumps({
            "format": FORMAT_VERSION,
            "documents": self.documents,
            "form_df": dict(sorted(self.form_df.items())),
            "first_df": dict(sorted(self.first_df.items())),
            "form_given": {k: dict(sorted(v.items())) for k, v in sorted(self.form_given.items())},
            "line_df": dict(sorted(self.line_df.items())),
            "profiles": {k: {"names": sorted(p.names), "bigrams": sorted(map(list, p.bigrams)),
                             "lines": sorted(p.lines)} for k, p in sorted(self.profiles.items())},
        }, ensure_ascii=False)

    @classmethod
    def from_json(cls, data: str) -> "CorpusStats":
        raw = json.loads(data)
        if not isinstance(raw, dict) or raw.get("format") != FORMAT_VERSION:
            raise ValueError("not a quality corpus-statistics file (or from another version)")
        s = cls()
        s.documents = int(raw["documents"])
        s.form_df = Counter(raw["form_df"])
        s.first_df = Counter(raw["first_df"])
        s.form_given = {k: Counter(v) for k, v in raw["form_given"].items()}
        s.line_df = Counter(raw["line_df"])
        s.profiles = {k: _Profile(tuple(p["names"]), tuple(tuple(b) for b in p["bigrams"]),
                                  tuple(p["lines"])) for k, p in raw["profiles"].items()}
        return s

    def finalize(self) -> "CorpusView":
        return CorpusView(self)


@dataclass(frozen=True)
class Variant:
    """A rare spelling and the corpus's dominant spelling of the same name."""

    form: str
    canonical: str
    form_docs: int
    canonical_docs: int
    reason: str
    rivals: tuple = ()     # other attested spellings as good as `canonical`
    certain: bool = True   # False when rivals exist: flag, but suggest no fix
    # True when the spellings are only alike as wholes (no shared skeleton, first name or
    # single-letter difference): then only versions of the same story make them one name.
    loose: bool = False


class CorpusView:
    """Read-only answers derived from CorpusStats, computed once."""

    # A line is boilerplate when it recurs in at least this many stories...
    MIN_LINE_STORIES = 3
    # ...and two documents are versions of one story when they share this share of names.
    STORY_SIMILARITY = 0.3

    def __init__(self, stats: CorpusStats):
        self.stats = stats
        self._variants: dict[tuple[str, bool], Optional[Variant]] = {}

    @property
    def documents(self) -> int:
        return self.stats.documents

    def prepare(self) -> "CorpusView":
        """Compute the shared tables now (they are otherwise built on first use), so a view
        sent to workers carries them instead of each worker rebuilding them."""
        for name in ("story_of", "story_members", "_line_stories", "_story_contexts",
                     "_story_names", "surface_forms", "_by_skeleton_initial"):
            getattr(self, name)
        return self

    # ------------------------------------------------------------------ stories
    @cached_property
    def _name_df(self) -> Counter:
        c: Counter = Counter()
        for p in self.stats.profiles.values():
            c.update(p.names)
        return c

    @cached_property
    def _distinctive_limit(self) -> int:
        """Distinctive names are in more than one document and (in a large corpus) not in so
        many that they say nothing about the story (Russia, Trump): at most this many."""
        n = len(self.stats.profiles)
        return n if n < 50 else max(20, int(0.05 * n))

    @cached_property
    def _context_limit(self) -> int:
        """Names shared as evidence of a shared context are rarer still in a large corpus:
        in at most 1% of its documents (a small corpus is mostly one topic)."""
        n = len(self.stats.profiles)
        return n if n < 50 else max(3, n // 100)

    @cached_property
    def _documents_naming(self) -> dict[str, list[str]]:
        """Folded capitalised word -> keys of the documents using it, sorted."""
        out: dict[str, list[str]] = defaultdict(list)
        for k in sorted(self.stats.profiles):
            for w in self.stats.profiles[k].names:
                out[w].append(k)
        return out

    # A variant and its canonical spelling stand for the same thing when a document using the
    # canonical one shares this many distinctive names with the variant's document.
    SHARED_NAMES = 2
    # Documents using the canonical spelling looked at, at most.
    MAX_CONTEXT_DOCS = 200

    def shared_context(self, doc: Document, form: str, canonical: str) -> Optional[str]:
        """Evidence that `form` in `doc` and `canonical` elsewhere name the same thing: a
        version of the same story uses `canonical`, or a document using it shares at least
        SHARED_NAMES distinctive names with `doc` (Witkoff next to Rubio and Ushakov in one
        report, Whitkov next to them in another). None when the two only look alike."""
        key = _doc_key(doc)
        profile = self.stats.profiles.get(key)
        if profile is None:
            return None
        drop = {fold(form), fold(canonical)}
        df, limit = self._name_df, self._context_limit
        mine = {w for w in profile.names if w not in drop and 1 < df[w] <= limit}
        story = self.story_of.get(key)
        best = 0
        for other in self._documents_naming.get(fold(canonical), ())[:self.MAX_CONTEXT_DOCS]:
            if other == key:
                continue
            if story is not None and self.story_of.get(other) == story:
                return "a version of the same story uses it"
            best = max(best, len(mine.intersection(self.stats.profiles[other].names)))
        if best >= self.SHARED_NAMES:
            return f"{best} names shared with a document using it"
        return None

    @cached_property
    def story_of(self) -> dict[str, str]:
        """Document key -> story id (the smallest document key of its group)."""
        profiles = self.stats.profiles
        keys = sorted(profiles)
        n = len(keys)
        df = self._name_df
        limit = self._distinctive_limit
        weights = {k: {w for w in profiles[k].names if 1 < df[w] <= limit} for k in keys}
        parent = {k: k for k in keys}

        def find(k: str) -> str:
            while parent[k] != k:
                parent[k] = parent[parent[k]]
                k = parent[k]
            return k

        postings: dict[str, list[str]] = defaultdict(list)
        for k in keys:
            for w in weights[k]:
                postings[w].append(k)
        pairs: set[tuple[str, str]] = set()
        for w, ks in postings.items():
            if len(ks) > 200:  # too common to block on
                continue
            for i, a in enumerate(ks):
                for b in ks[i + 1:]:
                    pairs.add((a, b))
        for a, b in sorted(pairs):
            wa, wb = weights[a], weights[b]
            if not wa or not wb:
                continue
            sim = len(wa & wb) / min(len(wa), len(wb))
            if sim >= self.STORY_SIMILARITY and len(wa & wb) >= 3:
                ra, rb = find(a), find(b)
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
        return {k: find(k) for k in keys}

    @cached_property
    def story_members(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for k, s in self.story_of.items():
            out[s].append(k)
        return out

    def versions(self, doc: Document) -> list[str]:
        """Other documents of the same story as `doc`."""
        key = _doc_key(doc)
        story = self.story_of.get(key)
        return [k for k in self.story_members.get(story, ()) if k != key] if story else []

    def story(self, doc: Document) -> Optional[str]:
        """The id of `doc`'s story group, shared by every version of the story."""
        return self.story_of.get(_doc_key(doc))

    # ------------------------------------------------------------------ boilerplate
    @cached_property
    def _line_stories(self) -> dict[str, int]:
        stories: dict[str, set] = defaultdict(set)
        for k, p in self.stats.profiles.items():
            s = self.story_of.get(k, k)
            for line in p.lines:
                if self.stats.line_df[line] >= self.MIN_LINE_STORIES:
                    stories[line].add(s)
        return {line: len(s) for line, s in stories.items()}

    def line_evidence(self, line: str) -> Optional[tuple[int, int]]:
        """(documents, stories) for a recurring boilerplate line, or None."""
        key = line_key(line)
        if key is None:
            return None
        stories = self._line_stories.get(key, 0)
        if stories >= self.MIN_LINE_STORIES:
            return self.stats.line_df[key], stories
        return None

    # ------------------------------------------------------------------ names
    @cached_property
    def _by_skeleton_initial(self) -> dict[str, tuple[list[str], list[list[str]]]]:
        """The attested spellings (used by at least two documents: a canonical form needs
        that many) blocked by the first letter of their skeleton, as parallel lists (folded
        spellings, the forms folding to each) for rapidfuzz. Rare forms are never canonical,
        so they stay out of the blocks, which grow with the attested vocabulary only."""
        building: dict[str, dict[str, list[str]]] = defaultdict(dict)
        for form, n in self.stats.form_df.items():
            if n < 2:
                continue
            sk = skeleton(form)
            if sk:
                building[sk[0]].setdefault(fold(form), []).append(form)
        out = {}
        for initial, block in building.items():
            keys = sorted(block)
            out[initial] = (keys, [block[k] for k in keys])
        return out

    def variant_of(self, form: str, lexicon=None) -> Optional[Variant]:
        """Memoised: the corpus is fixed once finalised, so each spelling is judged once."""
        key = (form, lexicon is not None)
        if key not in self._variants:
            self._variants[key] = self._variant_of(form, lexicon)
        return self._variants[key]

    # A canonical spelling at least this common in English (Zipf) is a capitalised common
    # word or a name famous enough for the gazetteer rules: consensus says nothing about it.
    COMMON_CANONICAL = 4.0
    LOOSE_REASON = "nearly every other document spells it so"

    def _variant_of(self, form: str, lexicon=None) -> Optional[Variant]:
        """The dominant spelling `form` is a rare variant of, with the evidence, or None.

        Two forms are one name when they are close (same transliteration skeleton, or
        Jaro-Winkler >= 0.78 with the same first name before both, or >= 0.92 alone); the form
        used by more documents is canonical if it has at least 2 and at least twice as many.
        Not merged: two well-attested forms (Rubio and Rubin), forms that follow different
        first names (Alexander Fomin, Anna Fomina), and common words. When two attested
        spellings of one name are equally good (Zelensky, Zelenskiy) `canonical` is None."""
        df = self.stats.form_df
        mine = df.get(form, 0)
        if mine == 0 or mine > 2 or self.stats.first_df.get(form):
            return None  # absent, well attested, or a first name (variants are accepted)
        sk = skeleton(form)
        if not sk or len(form) < 4:
            return None
        if lexicon is not None and lexicon.zipf(form) >= 3.5:
            return None
        given_mine = self.stats.form_given.get(form, Counter())
        found: list[tuple[int, float, str, str]] = []
        ff = fold(form)
        keys, forms = self._by_skeleton_initial.get(sk[0], ((), ()))
        # Every accepted pair below has Jaro-Winkler >= 0.78: rapidfuzz finds those few among
        # the block's attested spellings in compiled code, instead of a Python loop over all.
        close = process.extract(ff, keys, scorer=JaroWinkler.normalized_similarity,
                                score_cutoff=_MIN_SIMILARITY, limit=None)
        candidates = []
        for fo, sim, i in close:
            if fo.endswith("'s"):
                fo = fo[:-2]  # a possessive is the word itself
            if fo == ff or built_on(ff, fo):
                continue  # the same word, or a word built on it (Greenlandic, Westbury)
            candidates.extend((other, fo, sim) for other in forms[i])
        for other, fo, sim in candidates:
            theirs = df[other]
            if theirs < max(2, 2 * mine):
                continue
            if lexicon is not None and lexicon.zipf(other) >= self.COMMON_CANONICAL:
                continue  # a common word capitalised (Some, Castle) or a famous name
            if strip_accents(other) == other and strip_accents(form) != form and \
                    lexicon is not None and lexicon.zipf(other) >= 3.0:
                continue  # a foreign word beside an English one (Educación, Education)
            same_skel = skeleton(other) == sk
            given_theirs = self.stats.form_given.get(other, Counter())
            shared = sorted(set(given_mine) & set(given_theirs))
            if given_mine and given_theirs and not shared:
                continue  # different first names: different people
            if same_skel and sim >= 0.8:
                reason = "same transliteration skeleton"
            elif shared and sim >= 0.78 and abs(len(ff) - len(fo)) <= 2 and \
                    Levenshtein.distance(ff, fo) <= 3:
                reason = f"both follow '{shared[0]}'"
            elif sim >= 0.95 and len(form) >= 6 and Levenshtein.distance(ff, fold(other)) == 1:
                reason = "one letter apart"
            elif sim >= 0.9 and len(form) >= 8 and theirs >= max(5, 5 * mine):
                reason = self.LOOSE_REASON
            else:
                continue
            if lexicon is not None and lexicon.zipf(form) >= 3.0 and not shared:
                continue  # a common word or name in its own right
            found.append((theirs, sim, other, reason))
        if not found:
            return None
        found.sort(key=lambda f: (-f[0], -f[1], f[2]))
        theirs, sim, other, reason = found[0]
        rivals = [f for f in found[1:] if skeleton(f[2]) == skeleton(other) and f[0] * 2 > theirs]
        canonical = None if rivals else other
        return Variant(form, canonical or other, mine, theirs, reason,
                       tuple(f[2] for f in rivals), canonical is not None,
                       reason == self.LOOSE_REASON)

    def names_report(self, lexicon=None) -> list[tuple[str, list[tuple[str, int]], int]]:
        """[(canonical, [(variant, documents)], canonical documents)] for `gazetteer learn`."""
        groups: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for form in sorted(self.stats.form_df):
            v = self.variant_of(form, lexicon)
            if v is not None:
                groups[v.canonical].append((form, v.form_docs))
        return [(c, vs, self.stats.form_df[c]) for c, vs in sorted(groups.items())]

    # ------------------------------------------------------------------ substitutions
    @cached_property
    def _story_contexts(self) -> dict[str, dict[str, Counter]]:
        """story -> context key -> Counter(capitalised word -> documents), for stories with
        at least three versions."""
        out: dict[str, dict[str, Counter]] = {}
        for story, members in self.story_members.items():
            if len(members) < 3:
                continue
            table: dict[str, Counter] = defaultdict(Counter)
            for k in members:
                for w, ctx in self.stats.profiles[k].bigrams:
                    table[ctx][w] += 1
            out[story] = table
        return out

    def context_support(self, doc: Document, neighbour: str) -> Counter:
        """For a context key ('>leaders' = the word after, '<the' = the word before), how many
        OTHER versions of `doc`'s story have each capitalised word in that context."""
        key = _doc_key(doc)
        story = self.story_of.get(key)
        table = self._story_contexts.get(story) if story else None
        if not table or neighbour not in table:
            return Counter()
        out = Counter(table[neighbour])
        own = self.stats.profiles[key].bigrams
        for w in list(out):
            if (w, neighbour) in own:
                out[w] -= 1
        return +out

    @cached_property
    def surface_forms(self) -> dict[str, str]:
        """Folded word -> its most used capitalised spelling in the corpus."""
        out: dict[str, str] = {}
        for form, n in sorted(self.stats.form_df.items(), key=lambda kv: (-kv[1], kv[0])):
            out.setdefault(fold(form), form)
        return out

    @cached_property
    def _story_names(self) -> dict[str, Counter]:
        """story -> Counter(folded capitalised word -> documents of the story using it)."""
        out: dict[str, Counter] = {}
        for story, members in self.story_members.items():
            if len(members) > 1:
                c: Counter = Counter()
                for k in members:
                    c.update(self.stats.profiles[k].names)
                out[story] = c
        return out

    def versions_using(self, doc: Document, word: str) -> int:
        """How many OTHER versions of `doc`'s story use `word` (capitalised)."""
        key = _doc_key(doc)
        counts = self._story_names.get(self.story_of.get(key, ""))
        if not counts:
            return 0
        fw = fold(word)
        return counts[fw] - (fw in self.stats.profiles[key].names)


def learned_gazetteer_rows(view: CorpusView, lexicon=None) -> list[tuple[str, ...]]:
    """Rows (name, kind, aliases, wrong, deprecated, note) of the consensus names: the
    canonical spelling (with its usual first name when one dominates), equally attested
    spellings as aliases, rare variants as wrong forms, and the counts in the note."""
    rows = []
    for canonical, variants, docs in view.names_report(lexicon):
        rivals = sorted({r for v, _ in variants for r in view.variant_of(v, lexicon).rivals})
        given = view.stats.form_given.get(canonical, Counter())
        first, n = (given.most_common(1)[0] if given else ("", 0))
        kind = "person" if given else "unknown"
        name = f"{first} {canonical}" if first and n * 2 >= sum(given.values()) else canonical
        full = (lambda f: f"{first} {f}") if name != canonical else (lambda f: f)
        note = "; ".join([f"{canonical}: {docs} documents"] +
                         [f"{r}: {view.stats.form_df[r]} documents" for r in rivals] +
                         [f"{v}: {n} document{'s' if n > 1 else ''}" for v, n in variants])
        rows.append((name, kind, "|".join(full(r) for r in rivals),
                     "|".join(v for v, _ in variants), "", note))
    return rows
