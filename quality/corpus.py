"""The corpus pass: statistics gathered across documents before any of them is audited.

`CorpusStats` is built incrementally (`add(document)`), merged (`merge(other)`, for parallel and
distributed runs: the result is the same whatever the split), saved and loaded (`to_json` /
`from_json`: counts by name, per-document records packed and compressed). Memory: counts keyed
by vocabulary (name forms, first names) and an 8-byte digest per document; what each document
contributes to story grouping and recurring lines is a record of 64-bit hashes (its capitalised
words, their contexts, its line fingerprints) that goes to a temporary file once 4 MB of
records are held, so the first pass does not grow with the text or, past the vocabulary, with
the number of documents.

`finalize()` freezes the counts into a `CorpusView` that the corpus rules read; it reads the
records back three times in sequence and keeps only per-story and per-recurring-line tables:
  * consensus spellings of names across documents (Witkoff in 4 documents, Whitkov in 1);
  * boilerplate lines that recur across documents of different stories (a Bloom filter of the
    lines seen once finds the candidates, which are then counted exactly);
  * lines that recur across the pages of one site (quality/site_lines.py: a counter of its
    own, merged and saved with the rest);
  * story groups (versions of one story: translated, paraphrased, republished) and, per group,
    which capitalised words stand before/after which words, to expose substitutions.
Every result is independent of the order in which documents were added.
"""
from __future__ import annotations

import base64
import hashlib
import heapq
import io
import json
import os
import struct
import sys
import tempfile
import zlib
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import chain, compress, count, filterfalse
from typing import Iterable, Iterator, Optional

from rapidfuzz import process
from rapidfuzz.distance import JaroWinkler, Levenshtein

from .markdown import prose_text
from .model import Document
from .site_lines import (LinePrint, SiteLines, header_site, line_print, site_furniture,
                         site_of)
from .text import (FUNCTION_WORDS, WordSpans, built_on, fold, is_all_caps, skeleton,
                   strip_accents, word_gaps, word_spans)

FORMAT_VERSION = 2
# Words that start sentences or are capitalised for other reasons: never name forms.
_FUNCTION = FUNCTION_WORDS
_TITLES = frozenset(
    "mr mrs ms dr president minister secretary envoy ambassador senator spokesman spokeswoman "
    "chancellor general chief leader prime foreign defence defense deputy special adviser "
    "advisor aide governor mayor king queen prince pope".split())
# The lowest spelling similarity (Jaro-Winkler of folded forms) at which `_variant_of` may
# merge two forms: candidates under it are never compared in Python.
_MIN_SIMILARITY = 0.78
_NO_GIVEN: Counter = Counter()  # a form no first name was seen before (read, never written)


def line_digest(p: LinePrint) -> Optional[int]:
    """The fingerprint of a line (its `line_print`: case, digits and spacing folded) for
    boilerplate counting, or None for a line too short to carry evidence: short lines
    ("Thank you very much.") recur as ordinary speech; the phrase-list rules cover short
    boilerplate ("Advertisement", "Share this")."""
    if p.words < 5 or p.chars < 25:
        return None
    return p.digest


def _doc_key(doc: Document) -> str:
    """A document's identity in the statistics: its path and record id, or, for a document
    that has neither (a text from a dataframe), a digest of its text."""
    if doc.path is None and doc.id is None:
        return "\x1f#" + hashlib.blake2b(doc.text.encode("utf-8", "surrogatepass"),
                                         digest_size=12).hexdigest()
    return f"{doc.path or ''}\x1f{'' if doc.id is None else doc.id}"


def _h(text: str) -> int:
    """A stable 64-bit hash of a string (the same in every process and on every machine)."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8", "surrogatepass"),
                                          digest_size=8).digest(), "little")


_hash = lru_cache(maxsize=1 << 14)(_h)  # names and context words recur: hash each once


def _slot(*parts) -> str:
    """One string key of a `_Postings` table from its parts."""
    return "\x1f".join(map(str, parts))


def _name_word(w: str) -> bool:
    """A word the corpus statistics count as a name: capitalised, three letters or more, not
    in capitals throughout, not a function word."""
    return w[:1].isupper() and len(w) >= 3 and not is_all_caps(w) and w.lower() not in _FUNCTION


def with_possessives(folded: set[str]) -> set[str]:
    """The folded words, each also with a possessive "'s" and "’s" (as attested spellings may
    be written)."""
    return folded | {w + "'s" for w in folded} | {w + "’s" for w in folded}


class _SpanGaps:
    """The `gaps` of `word_gaps` read from a text's word spans, cut only where asked."""

    __slots__ = ("text", "starts", "ends")

    def __init__(self, text: str, spans: WordSpans) -> None:
        self.text, self.starts, self.ends = text, spans.starts, spans.ends

    def __getitem__(self, i: int) -> str:
        return self.text[self.ends[i - 1] if i else 0:
                         self.starts[i] if i < len(self.starts) else len(self.text)]


def _name_profile(text: str, spans: Optional[WordSpans] = None) -> tuple[
        set[str], set[tuple[str, str]], dict[str, Counter], set[str], set[str]]:
    """(folded capitalised words, (word, ">next" / "<previous" content word) bigrams, first
    names seen before each name form, name forms, forms used as first names) of one document;
    `spans`: its `word_spans`, when the caller has them."""
    if spans is None:
        words, gaps = word_gaps(text)  # one compiled split, no offsets
    else:
        words, gaps = spans.words, _SpanGaps(text, spans)
    names: set[str] = set()
    bigrams: set[tuple[str, str]] = set()
    given: dict[str, Counter] = defaultdict(Counter)
    forms: set[str] = set()
    firsts: set[str] = set()
    last = len(words) - 1
    # Decided once per distinct word (the lower-case ones set aside in compiled code: a word
    # in lower case throughout cannot start with a capital); the loop visits name words only.
    folded = {w: fold(w) for w in filterfalse(str.islower, set(words))
              if w[0].isupper() and _name_word(w)}
    for i in compress(count(), map(folded.__contains__, words)):
        w = words[i]
        fw = folded[w]
        names.add(fw)
        forms.add(w)
        if i < last:
            nxt = words[i + 1]
            if nxt.islower() and nxt not in _FUNCTION:  # only content words are evidence
                bigrams.add((fw, ">" + nxt))
            if nxt[:1].isupper() and nxt.lower() not in _FUNCTION and gaps[i + 1] == " ":
                firsts.add(w)  # stands as a first name: "Andrij Yermak"
        if i > 0:
            prev = words[i - 1]
            if prev.islower() and prev not in _FUNCTION:
                bigrams.add((fw, "<" + prev))
            gap = gaps[i]
            if len(prev) == 1 and prev.isupper() and i > 1:
                # "Matthew G. Whitaker"
                prev, gap = words[i - 2], gaps[i - 1] + gap
            if prev[:1].isupper() and len(prev) > 1 and gap.strip(" .") == "" and \
                    "\n" not in gap and prev.lower() not in _FUNCTION and prev.lower() not in _TITLES:
                given[w][prev] += 1
    return names, bigrams, given, forms, firsts


@dataclass(frozen=True)
class _Record:
    """What one document contributes to story grouping, substitutions and recurring lines,
    as 64-bit hashes: no strings are kept per document."""

    key: str
    names: tuple      # hashes of its folded capitalised words
    bigram_names: tuple  # parallel: the capitalised word's hash ...
    bigram_ctx: tuple    # ... and the hash of its context (">leaders", "<the")
    lines: tuple      # line fingerprints

    @classmethod
    def of(cls, key: str, profile: tuple[set, set, set]) -> "_Record":
        names, bigrams, lines = profile
        pairs = sorted((_hash(n), _hash(c)) for n, c in bigrams)
        return cls(key, tuple(sorted(_hash(n) for n in names)), tuple(p[0] for p in pairs),
                   tuple(p[1] for p in pairs), tuple(sorted(lines)))

    def pack(self) -> bytes:
        key = self.key.encode("utf-8", "surrogatepass")
        body = array("Q", self.names + self.bigram_names + self.bigram_ctx + self.lines)
        if _SWAP:
            body.byteswap()
        return _HEAD.pack(len(key), len(self.names), len(self.bigram_names), len(self.lines)) \
            + key + body.tobytes()


_HEAD = struct.Struct("<IIII")
_SWAP = sys.byteorder != "little"  # packed records are little-endian everywhere


def _unpack(head: bytes, read) -> tuple[_Record, bytes]:
    klen, nn, nb, nl = _HEAD.unpack(head)
    raw = read(klen + 8 * (nn + 2 * nb + nl))
    body = array("Q")
    body.frombytes(raw[klen:])
    if _SWAP:
        body.byteswap()
    t = tuple(body)
    return (_Record(raw[:klen].decode("utf-8", "surrogatepass"), t[:nn], t[nn:nn + nb],
                    t[nn + nb:nn + 2 * nb], t[nn + 2 * nb:]), head + raw)


class _Records:
    """The packed per-document records: in memory up to SPILL_BYTES, then appended to an
    anonymous temporary file, so the first pass holds a bounded amount whatever the corpus
    size. Read back in order by `__iter__`; pickles as its bytes."""

    SPILL_BYTES = 4 << 20

    def __init__(self) -> None:
        self._buf = bytearray()
        self._file = None
        self.lines = 0  # line fingerprints held, to size the recurring-line filter

    def append(self, packed: bytes, lines: int) -> None:
        self._buf += packed
        self.lines += lines
        if len(self._buf) >= self.SPILL_BYTES:
            if self._file is None:
                self._file = tempfile.TemporaryFile(prefix="quality-corpus-")
            self._file.seek(0, io.SEEK_END)
            self._file.write(self._buf)
            self._buf = bytearray()

    def raw(self) -> Iterator[tuple[_Record, bytes]]:
        streams = [io.BytesIO(bytes(self._buf))]
        if self._file is not None:
            self._file.flush()
            streams.insert(0, io.BufferedReader(_NoClose(self._file), 1 << 20))
        for stream in streams:
            while True:
                head = stream.read(_HEAD.size)
                if not head:
                    break
                yield _unpack(head, stream.read)

    def __iter__(self) -> Iterator[_Record]:
        return (rec for rec, _ in self.raw())

    def __getstate__(self) -> dict:
        return {"data": b"".join(raw for _, raw in self.raw()), "lines": self.lines}

    def __setstate__(self, state: dict) -> None:
        self.__init__()
        self._buf = bytearray(state["data"])
        self.lines = state["lines"]


class _NoClose(io.RawIOBase):
    """A reader of the spill file with an offset of its own (positional reads), so readers in
    forked processes or threads never move each other's position; closing it leaves the
    file open."""

    def __init__(self, f):
        self._fd = f.fileno()
        self._pos = 0

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        data = os.pread(self._fd, len(b), self._pos)
        b[:len(data)] = data
        self._pos += len(data)
        return len(data)


class CorpusStats:
    """Mergeable counts over a corpus. Add every document once, then `finalize()`.

    In memory: counts keyed by vocabulary (name forms, first names) and an 8-byte digest per
    document key (a repeated key is counted once). The per-document records (hashes of its
    capitalised words, their contexts and its line fingerprints) go to a temporary file past
    4 MB; `finalize()` reads them back."""

    def __init__(self) -> None:
        self.documents = 0
        self.form_df: Counter = Counter()          # name form -> documents using it
        self.form_given: dict[str, Counter] = {}   # name form -> first names seen before it
        self.first_df: Counter = Counter()         # form -> documents using it as a first name
        self._seen: set[int] = set()               # digests of the document keys added
        self._records = _Records()
        self.site_lines = SiteLines()              # per site: lines recurring on its pages

    # ------------------------------------------------------------------ building
    def add(self, doc: Document) -> None:
        if doc.error is not None:
            return
        key = _doc_key(doc)
        digest = _h(key)
        if digest in self._seen:
            return
        lines = doc.text.splitlines()
        prints = {line: line_print(line) for line in lines}  # shared by both line counts
        text = prose_text(doc)
        names, bigrams, given, forms, firsts = _name_profile(text)
        line_keys = {h for h in (line_digest(prints.get(l) or line_print(l))
                                 for l in text.splitlines()) if h is not None}
        rec = _Record.of(key, (names, bigrams, line_keys))
        self._seen.add(digest)
        self._records.append(rec.pack(), len(rec.lines))
        self.documents += 1
        self.form_df.update(forms)
        self.first_df.update(firsts)
        form_given = self.form_given
        for form, c in given.items():
            have = form_given.get(form)
            if have is None:
                form_given[form] = c  # the document's own Counter: nothing else holds it
            else:
                have.update(c)
        site, header = site_of(doc), header_site(lines)
        self.site_lines.add(site, key, map(prints.__getitem__, lines))
        if header is not None and header[0] != site:
            # Pages that share a header: the title's key stands for the page (versions of one
            # story share their title, a site's pages do not).
            self.site_lines.add(header[0], header[1], map(prints.__getitem__, lines))

    def add_all(self, docs: Iterable[Document]) -> "CorpusStats":
        for d in docs:
            self.add(d)
        return self

    def merge(self, other: "CorpusStats") -> "CorpusStats":
        for rec, raw in other._records.raw():
            digest = _h(rec.key)
            if digest in self._seen:
                continue
            self._seen.add(digest)
            self._records.append(raw, len(rec.lines))
            self.documents += 1
        self.form_df.update(other.form_df)
        self.first_df.update(other.first_df)
        for form, c in other.form_given.items():
            self.form_given.setdefault(form, Counter()).update(c)
        self.site_lines.merge(other.site_lines)
        return self

    def records(self) -> Iterator[_Record]:
        return iter(self._records)

    # ------------------------------------------------------------------ persistence
    def to_json(self) -> str:
        """The statistics as JSON: the counts by name, the per-document records packed,
        compressed and base64-encoded, in key order (so equal statistics give equal text)."""
        packed = b"".join(raw for _, raw in sorted(self._records.raw(), key=lambda r: r[0].key))
        return json.dumps({
            "format": FORMAT_VERSION,
            "documents": self.documents,
            "form_df": dict(sorted(self.form_df.items())),
            "first_df": dict(sorted(self.first_df.items())),
            "form_given": {k: dict(sorted(v.items())) for k, v in sorted(self.form_given.items())},
            "records": base64.b64encode(zlib.compress(packed, 6)).decode("ascii"),
            "site_lines": self.site_lines.to_dict(),
        }, ensure_ascii=False)

    @classmethod
    def from_json(cls, data: str) -> "CorpusStats":
        try:
            raw = json.loads(data)
        except ValueError:
            raw = None
        if not isinstance(raw, dict) or raw.get("format") != FORMAT_VERSION:
            raise ValueError("not a quality corpus-statistics file (or from another version)")
        try:
            return cls._from_raw(raw)
        except (KeyError, TypeError, AttributeError, ValueError, struct.error, zlib.error):
            raise ValueError("corpus-statistics file is damaged") from None

    @classmethod
    def _from_raw(cls, raw: dict) -> "CorpusStats":
        s = cls()
        s.form_df = Counter(raw["form_df"])
        s.first_df = Counter(raw["first_df"])
        s.form_given = {k: Counter(v) for k, v in raw["form_given"].items()}
        s.site_lines = SiteLines.from_dict(raw.get("site_lines", {}))
        stream = io.BytesIO(zlib.decompress(base64.b64decode(raw["records"], validate=True)))
        while True:
            head = stream.read(_HEAD.size)
            if not head:
                break
            rec, packed = _unpack(head, stream.read)
            s._seen.add(_h(rec.key))
            s._records.append(packed, len(rec.lines))
        s.documents = len(s._seen)
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


_LOW64 = (1 << 64) - 1


class _HashCounts:
    """Counts keyed by 64-bit hashes, frozen into two sorted arrays (12 bytes an entry, where
    a Counter of ints takes about 100): a story's name counts."""

    __slots__ = ("keys", "counts")

    def __init__(self, counts: Counter) -> None:
        items = sorted(counts.items())
        self.keys = array("Q", [k for k, _ in items])
        self.counts = array("I", [n for _, n in items])

    def __getitem__(self, h: int) -> int:
        i = bisect_left(self.keys, h)
        return self.counts[i] if i < len(self.keys) and self.keys[i] == h else 0

    def __len__(self) -> int:
        return len(self.keys)


class _Postings:
    """A table from (string key, length) to places (ints), frozen into two arrays sorted by
    the key's CRC-32 and then the length: 12 bytes a place, where a dict of arrays takes
    about 200 bytes a key; one lookup returns the places of a key over a range of lengths.
    Two keys with one checksum share their places: a lookup may return more places than
    were put under its key, never fewer (the places are candidates, tested again by the
    caller)."""

    __slots__ = ("sums", "places")

    def __init__(self, packed: list[int]) -> None:
        """`packed`: `pack(key, length, place)` of every entry, in any order (sorted here, in
        place: one int an entry while building, no tuple or list per key)."""
        packed.sort()
        self.sums = array("Q", [p >> 32 for p in packed])
        self.places = array("I", [p & 0xFFFFFFFF for p in packed])

    @staticmethod
    def pack(key: str, length: int, place: int) -> int:
        return (zlib.crc32(key.encode("utf-8", "surrogatepass")) << 8 | min(length, 255)) << 32 \
            | place

    def get(self, key: str, shortest: int = 0, longest: int = 0) -> "array":
        """The places under `key` with a length from `shortest` to `longest`."""
        c = zlib.crc32(key.encode("utf-8", "surrogatepass")) << 8
        lo = bisect_left(self.sums, c | max(0, min(shortest, 255)))
        return self.places[lo:bisect_right(self.sums, c | max(0, min(longest, 255)), lo)]


class _ContextCounts:
    """A story's (context -> capitalised word -> documents) table frozen into parallel
    arrays sorted by context, each context's words in the order they were first counted."""

    __slots__ = ("ctx", "words", "counts")

    def __init__(self, table: Counter) -> None:
        """`table`: (context hash << 64 | word hash) -> documents, in first-counted order."""
        rows = sorted((k >> 64, i, k & _LOW64, n) for i, (k, n) in enumerate(table.items()))
        self.ctx = array("Q", [r[0] for r in rows])
        self.words = array("Q", [r[2] for r in rows])
        self.counts = array("I", [r[3] for r in rows])

    def get(self, ctx: int) -> list[tuple[int, int]]:
        """[(word hash, documents)] in that context, in first-counted order."""
        lo, hi = bisect_left(self.ctx, ctx), bisect_right(self.ctx, ctx)
        return list(zip(self.words[lo:hi], self.counts[lo:hi]))

    def __len__(self) -> int:
        return len(self.ctx)


class CorpusView:
    """Read-only answers derived from CorpusStats, computed once."""

    # A line is boilerplate when it recurs in at least this many stories...
    MIN_LINE_STORIES = 3
    # ...and two documents are versions of one story when they share this share of the
    # smaller one's distinctive names...
    STORY_SIMILARITY = 0.3
    # ...and at least this share of the larger one's. Versions of a story (translations,
    # rewrites, syndicated copies) name about the same people and places; a page that names
    # hundreds (a day's news digest, a list) shares a few with countless articles and, as a
    # version of each, would chain them into one "story" of hundreds of unrelated documents,
    # whose version rules then compare every member with every other.
    STORY_SHARE_OF_LARGER = 0.15

    def __init__(self, stats: CorpusStats):
        self.stats = stats
        self._variants: dict[tuple[str, bool], Optional[Variant]] = {}
        self._own_cache: tuple = (None, None, None, None)
        self._story_places: dict = {}

    def __getstate__(self) -> dict:
        """A view whose tables are built travels without the per-document records (workers
        and Ray actors need only the tables and the counts)."""
        state = dict(self.__dict__)
        if "_tables" in state:
            light = CorpusStats.__new__(CorpusStats)
            light.__dict__.update(self.stats.__dict__, _records=_Records())
            state["stats"] = light
        state["_own_cache"] = (None, None, None, None)
        state["_story_places"] = {}
        return state

    @property
    def documents(self) -> int:
        return self.stats.documents

    # The shared tables, each built on first use. Those of COUNT_TABLES read only the counts
    # by name; `_tables` reads the per-document records, and `_folded` reads `_tables`.
    COUNT_TABLES = ("surface_forms", "_by_skeleton_initial", "_variant_index", "_key_spots",
                    "_unhashed")
    SHARED_TABLES = ("_tables", *COUNT_TABLES, "_folded")

    def prepare(self, built: Optional[dict] = None) -> "CorpusView":
        """Compute the shared tables now (they are otherwise built on first use), so a view
        sent to workers carries them instead of each worker rebuilding them. `built`: some
        of them by name, already built from the same statistics (by another process)."""
        for name, table in (built or {}).items():
            if name not in self.SHARED_TABLES:
                raise ValueError(f"not a shared table of the corpus view: {name}")
            self.__dict__[name] = table  # what the cached_property would have stored
        for name in self.SHARED_TABLES:
            getattr(self, name)
        return self

    # ------------------------------------------------------------------ stories
    @property
    def _distinctive_limit(self) -> int:
        """Distinctive names are in more than one document and (in a large corpus) not in so
        many that they say nothing about the story (Russia, Trump): at most this many."""
        n = self.stats.documents
        return n if n < 50 else max(20, int(0.05 * n))

    @property
    def _context_limit(self) -> int:
        """Names shared as evidence of a shared context are rarer still in a large corpus:
        in at most 1% of its documents (a small corpus is mostly one topic)."""
        n = self.stats.documents
        return n if n < 50 else max(3, n // 100)

    # A variant and its canonical spelling stand for the same thing when a document using the
    # canonical one shares this many distinctive names with the variant's document.
    SHARED_NAMES = 2
    # Documents using the canonical spelling looked at, at most.
    MAX_CONTEXT_DOCS = 200
    # A distinctive name on more documents than this proposes no pair of versions of a
    # story (it still counts among the names a proposed pair shares).
    MAX_BLOCK = 200

    def shared_context(self, doc: Document, form: str, canonical: str) -> Optional[str]:
        """Evidence that `form` in `doc` and `canonical` elsewhere name the same thing: a
        version of the same story uses `canonical`, or a document using it shares at least
        SHARED_NAMES distinctive names with `doc` (Witkoff next to Rubio and Ushakov in one
        report, Whitkov next to them in another). None when the two only look alike."""
        key = _doc_key(doc)
        if _h(key) not in self.stats._seen:
            return None
        tables = self._tables
        drop = {_hash(fold(form)), _hash(fold(canonical))}
        df, limit = tables["name_df"], self._context_limit
        mine = {h for h in self._own_names(doc) if h not in drop and 1 < df[h] <= limit}
        story = self.story_of.get(key)
        best = 0
        for other in tables["naming"].get(_hash(fold(canonical)), ()):
            if other == key:
                continue
            if story is not None and self.story_of.get(other) == story:
                return "a version of the same story uses it"
            theirs = tables["context_names"].get(other, ())
            best = max(best, len(mine.intersection(theirs)))  # (a record's names are distinct)
        if best >= self.SHARED_NAMES:
            return f"{best} names shared with a document using it"
        return None

    @cached_property
    def _tables(self) -> dict:
        """Everything read from the per-document records, in three sequential reads:
        story groups, per-story name and context counts, recurring lines."""
        records = self.stats.records
        # Read 1: how many documents use each capitalised word; which lines may recur (a
        # Bloom filter of the lines seen once: a line seen again is a candidate).
        name_df: Counter = Counter()
        bits = max(1 << 16, 10 * self.stats._records.lines)
        bloom = bytearray(bits // 8 + 1)
        again: set[int] = set()
        for rec in records():
            name_df.update(rec.names)
            for h in rec.lines:
                spots = [(h >> shift) % bits for shift in (0, 21, 42)]
                if all(bloom[p >> 3] >> (p & 7) & 1 for p in spots):
                    again.add(h)
                for p in spots:
                    bloom[p >> 3] |= 1 << (p & 7)
        # Read 2: distinctive names per document (in more than one document and, in a large
        # corpus, not in so many that they say nothing about the story: Russia, Trump);
        # exact counts of the candidate lines.
        limit = self._distinctive_limit
        keys: list[str] = []
        weights: dict[int, array] = {}  # 8 bytes a name, not an int object and a set slot
        line_df: Counter = Counter()
        for i, rec in enumerate(records()):
            keys.append(rec.key)
            w = array("Q", dict.fromkeys(h for h in rec.names if 1 < name_df[h] <= limit))
            if w:
                weights[i] = w
            line_df.update(h for h in rec.lines if h in again)
        line_df = Counter({h: c for h, c in line_df.items() if c >= self.MIN_LINE_STORIES})
        # Two documents are versions of one story when they share at least 3 distinctive
        # names, STORY_SIMILARITY of the smaller set and STORY_SHARE_OF_LARGER of the larger
        # (`_alike`). Stories grow from the most alike pairs down (`_group`): a pair whose
        # documents already belong to stories joins them only when the stories' core names
        # pass the same test, so a chain of topic neighbours (each like the next, the ends
        # unrelated) stays apart.
        order = sorted(range(len(keys)), key=keys.__getitem__)
        rank = {i: r for r, i in enumerate(order)}  # key order: a story's id is its least key

        postings: dict[int, list[int]] = defaultdict(list)
        for i, w in weights.items():
            for h in w:
                postings[h].append(i)
        # Candidate pairs share a name on at most MAX_BLOCK documents (a name more common
        # than that proposes no pair, but counts among the names a pair shares). Per
        # document, the later documents sharing such names with it are counted in one pass
        # over their postings (compiled code: a Counter over the chained lists); the common
        # names a pair shares come from bit masks (one bit per common name), so no names
        # are intersected as sets. Only the pairs that pass are kept (about one per document
        # in real text: 10,955 for the 11,017 documents of the 52 MB perf corpus), one int
        # each packing how unlike they are and their ranks, so sorting them gives the order
        # stories grow in.
        common = sorted(h for h, ids in postings.items() if len(ids) > self.MAX_BLOCK)
        bit = {h: 1 << j for j, h in enumerate(common)}
        size, mask = [0] * len(keys), [0] * len(keys)
        for i, w in weights.items():
            size[i] = len(w)
            for h in w:
                if h in bit:
                    mask[i] |= bit[h]
        block, sim, larger = self.MAX_BLOCK, self.STORY_SIMILARITY, self.STORY_SHARE_OF_LARGER
        wide = max(1, len(keys)).bit_length()
        pairs: list[int] = []
        for a, wa in weights.items():
            # the later documents sharing a less common name with `a` (postings are in
            # document order), with how many such names they share
            blocks = [ids[bisect_right(ids, a):] for ids in map(postings.__getitem__, wa)
                      if len(ids) <= block]
            if not blocks:
                continue
            ma, sa = mask[a], size[a]
            for b, n in Counter(chain.from_iterable(blocks)).items():
                shared = n + (ma & mask[b]).bit_count() if ma else n
                sb = size[b]
                # `_alike`, inline: this loop sees every candidate pair
                if shared >= 3 and shared / min(sa, sb) >= sim and \
                        shared / max(sa, sb) >= larger:
                    ra, rb = sorted((rank[a], rank[b]))
                    unlike = 1000 - (1000 * shared) // max(sa, sb)
                    pairs.append((unlike << wide | ra) << wide | rb)
        del postings
        roots = self._group(pairs, wide, [weights.get(i, ()) for i in order])
        del pairs, weights
        groups: dict[int, list[int]] = defaultdict(list)
        for r, root in enumerate(roots):
            groups[root].append(order[r])
        del roots
        story_of: dict[str, str] = {}
        members: dict[str, list[str]] = {}
        for root, ids in groups.items():
            if len(ids) < 2:
                continue  # a story of one document: nothing to compare
            least = keys[order[root]]
            members[least] = sorted(keys[i] for i in ids)
            for i in ids:
                story_of[keys[i]] = least
        # Read 3: per story, how many of its documents use each name (stories of 2 or more)
        # and each name in each context (stories of 3 or more); per recurring line, its
        # stories.
        # For `shared_context`: per capitalised word used by two documents or more, the first
        # MAX_CONTEXT_DOCS documents using it (in key order), and their rarer shared names.
        # A story's counts are frozen into arrays once its last document is read.
        names: dict[str, "Counter | _HashCounts"] = {}
        contexts: dict[str, "Counter | _ContextCounts"] = {}
        unread = {story: len(ids) for story, ids in members.items()}
        line_stories: dict[int, set] = defaultdict(set)
        naming: dict[int, list[int]] = defaultdict(list)
        context_names: dict[int, array] = {}  # 8 bytes a name, not an int object
        climit = self._context_limit
        for i, rec in enumerate(records()):
            r = rank[i]
            for h in rec.names:
                if name_df[h] > 1:
                    heap = naming[h]  # the MAX_CONTEXT_DOCS least ranks, as a max-heap
                    if len(heap) < self.MAX_CONTEXT_DOCS:
                        heapq.heappush(heap, -r)
                    elif -heap[0] > r:
                        heapq.heapreplace(heap, -r)
            shared = array("Q", [h for h in rec.names if 1 < name_df[h] <= climit])
            if shared:
                context_names[r] = shared
            story = story_of.get(rec.key)
            if story is not None:
                names.setdefault(story, Counter()).update(rec.names)
                if len(members[story]) >= 3:
                    contexts.setdefault(story, Counter()).update(
                        c << 64 | w for w, c in zip(rec.bigram_names, rec.bigram_ctx))
                unread[story] -= 1
                if not unread[story]:
                    names[story] = _HashCounts(names[story])
                    if story in contexts:
                        contexts[story] = _ContextCounts(contexts[story])
            for h in rec.lines:
                if h in line_df:
                    line_stories[h].add(story or rec.key)
        by_rank = [keys[i] for i in order]
        used = {r for heap in naming.values() for r in heap}
        # Kept for the audit: only the document counts `shared_context` can use
        # (1 < documents <= its limit).
        name_df = Counter({h: n for h, n in name_df.items() if 1 < n <= climit})
        return {"story_of": story_of, "members": members, "names": names,
                "contexts": contexts, "line_df": line_df, "name_df": name_df,
                "line_stories": {h: len(s) for h, s in line_stories.items()},
                "naming": {h: [by_rank[-r] for r in sorted(heap, reverse=True)]
                           for h, heap in naming.items()},
                "context_names": {by_rank[r]: ns for r, ns in context_names.items()
                                  if -r in used}}

    def _alike(self, shared: int, mine: int, theirs: int) -> bool:
        """Two sets of `mine` and `theirs` distinctive names that share `shared` are versions
        of one story: at least 3, STORY_SIMILARITY of the smaller, STORY_SHARE_OF_LARGER of
        the larger."""
        return shared >= 3 and shared / min(mine, theirs) >= self.STORY_SIMILARITY and \
            shared / max(mine, theirs) >= self.STORY_SHARE_OF_LARGER

    @staticmethod
    def _story_core(counts: Counter, members: int) -> frozenset:
        """The names most of a story's documents use (more than half of them)."""
        return frozenset(h for h, n in counts.items() if 2 * n > members)

    def _group(self, pairs: list[int], wide: int, names: list) -> list[int]:
        """Stories from the pairs of alike documents, as each document's story root (the
        least rank of its story), by rank. `pairs`: (how unlike, rank, rank) packed in
        `wide`-bit fields, sorted here so the most alike pairs join first; `names`: each
        document's distinctive names, by rank. A pair of documents still on their own is a
        story (it passed `_alike`); a pair that would join a story to another document or
        story joins them only when their cores (`_story_core`: for one document, all its
        names) pass `_alike` too. So every document of a story is like what the story as a
        whole names, not only like one other member: topic neighbours in a chain (an
        encyclopedia's articles on one region, each sharing names with the next) stay apart."""
        parent = list(range(len(names)))
        size = [1] * len(names)
        counts: dict[int, Counter] = {}
        cores: dict[int, frozenset] = {}

        def find(r: int) -> int:
            while parent[r] != r:
                parent[r] = parent[parent[r]]
                r = parent[r]
            return r

        def core(root: int) -> frozenset:
            c = cores.get(root)
            if c is None:
                c = cores[root] = frozenset(names[root]) if size[root] == 1 else \
                    self._story_core(counts[root], size[root])
            return c

        low = (1 << wide) - 1
        pairs.sort()
        for p in pairs:
            ra, rb = find(p >> wide & low), find(p & low)
            if ra == rb:
                continue
            if size[ra] > 1 or size[rb] > 1:
                ca, cb = core(ra), core(rb)
                if len(ca) < 3 or len(cb) < 3 or not self._alike(len(ca & cb), len(ca), len(cb)):
                    continue
            if ra > rb:
                ra, rb = rb, ra
            mine = counts.pop(ra, None) or Counter(names[ra])
            theirs = counts.pop(rb, None) or Counter(names[rb])
            if len(mine) < len(theirs):
                mine, theirs = theirs, mine
            mine.update(theirs)
            counts[ra] = mine
            size[ra] += size[rb]
            parent[rb] = ra
            cores.pop(ra, None)
            cores.pop(rb, None)
        return [find(r) for r in range(len(names))]

    @property
    def story_of(self) -> dict[str, str]:
        """Document key -> story id (the least document key of its group), for documents
        with other versions."""
        return self._tables["story_of"]

    @property
    def story_members(self) -> dict[str, list[str]]:
        """Story id -> the keys of its documents, for stories of two or more."""
        return self._tables["members"]

    def versions(self, doc: Document) -> list[str]:
        """Other documents of the same story as `doc`."""
        key = _doc_key(doc)
        story = self.story_of.get(key)
        return [k for k in self.story_members[story] if k != key] if story else []

    def story(self, doc: Document) -> Optional[str]:
        """The id of `doc`'s story group, shared by every version of the story (a document
        with no other version is a story of its own)."""
        key = _doc_key(doc)
        story = self.story_of.get(key)
        if story is None and _h(key) in self.stats._seen:
            return key
        return story

    def note_words(self, doc: Document, spans: WordSpans) -> None:
        """`spans`: the `word_spans` of `doc.text`, as the audit's Context found them; the
        document's own names (below) are taken from them instead of tokenising it again."""
        if doc.markup != "markdown":  # (the view reads a Markdown document's prose)
            self._own_cache = (_doc_key(doc), None, None, (doc.text, spans))

    def _own_words(self, doc: Document) -> tuple[str, WordSpans]:
        """(prose text, its word spans) of `doc`, from `note_words` when it told them."""
        key = _doc_key(doc)
        if self._own_cache[0] != key:
            text = prose_text(doc)
            self._own_cache = (key, None, None, (text, word_spans(text)))
        return self._own_cache[3]

    def _own_names(self, doc: Document) -> frozenset:
        """The hashes of `doc`'s own names (its record's `names`), recomputed from its words
        (the view keeps no per-document profile); the last document's are kept."""
        text, spans = self._own_words(doc)
        key, names, pairs, words = self._own_cache
        if names is None:
            folded = {fold(w) for w in filterfalse(str.islower, set(spans.words))
                      if _name_word(w)}
            names = frozenset(_hash(n) for n in folded)
            self._own_cache = (key, names, pairs, words)
        return names

    def _own_pairs(self, doc: Document) -> frozenset:
        """The (name, context) hash pairs of `doc` itself (its record's bigrams), recomputed
        from its words with the rest of its names' profile; the last document's are kept."""
        names = self._own_names(doc)
        key, _, pairs, (text, spans) = self._own_cache
        if pairs is None:
            folded, bigrams = _name_profile(text, spans)[:2]
            rec = _Record.of(key, (folded, bigrams, ()))
            pairs = frozenset(zip(rec.bigram_names, rec.bigram_ctx))
            self._own_cache = (key, names, pairs, (text, spans))
        return pairs

    # ------------------------------------------------------------------ boilerplate
    # A line is boilerplate for its site when at least this many of the site's documents, and
    # this share of them, hold it, and they are not all versions of one story (a site's menus
    # can make its pages look like one story: items between separators are enough).
    MIN_SITE_DOCS = 3
    MIN_SITE_SHARE = 0.2

    def site_line_evidence(self, doc: Document, line: str, printed: Optional[LinePrint] = None
                           ) -> Optional[tuple[int, int, str]]:
        """(documents of the site holding the line, documents of the site, site) for a line
        that recurs across the pages of `doc`'s site, or None. The site is the record's or
        the folder's (`site_of`), or the pages that share `doc`'s header (`header_site`).
        `printed`: the line's `line_print`, when the caller has it."""
        printed = printed or line_print(line)
        for site in self._sites_of(doc):
            got = self.stats.site_lines.count(site, printed)
            if not got:
                continue
            n, total, sample = got
            if n < self.MIN_SITE_DOCS or n < self.MIN_SITE_SHARE * total:
                continue
            if len({self.story_of.get(k, k) for k in sample}) < 2 and not site_furniture(line):
                continue  # a title or a quote shared by versions of one story
            return n, total, site
        return None

    def _sites_of(self, doc: Document) -> tuple:
        """`doc`'s sites, the header's found once per document."""
        cached = self.__dict__.get("_sites_cache")
        if cached is None or cached[0] is not doc:
            site, header = site_of(doc), header_site(doc.text[:2000].splitlines())
            sites = tuple(s for s in (site, header[0] if header and header[0] != site else None)
                          if s)
            cached = self.__dict__["_sites_cache"] = (doc, sites)
        return cached[1]

    def line_evidence(self, line: "str | LinePrint") -> Optional[tuple[int, int]]:
        """(documents, stories) for a recurring boilerplate line (or its `line_print`), or
        None."""
        h = line_digest(line if isinstance(line, LinePrint) else line_print(line))
        if h is None:
            return None
        stories = self._tables["line_stories"].get(h, 0)
        if stories >= self.MIN_LINE_STORIES:
            return self._tables["line_df"][h], stories
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

    @cached_property
    def _variant_index(self) -> dict:
        """Where `_variant_of` finds the attested spellings its tests can accept, so that a
        form is compared with a few of them, not with its whole block of the same skeleton
        initial (which grows with the attested vocabulary, making the corpus pass quadratic).
        Every accepting test needs one of: the same skeleton (`skeleton`); a first name seen
        before both and a length within two letters (`given`: by the name and the length of
        the folded key, "'s" included); for a form of six letters or more, one edit apart, so
        the same length within one and the first three or the last three letters unchanged
        (`head`, `tail`: by those letters and length); or, for a form of LOOSE_MIN_LENGTH
        letters or more, a spelling LOOSE_MIN_DOCS documents use (`strong`: few; their folded
        keys and places). The tables' keys start with the skeleton initial; their values are
        places in that block's lists of `_by_skeleton_initial`, in `_Postings`."""
        df, given = self.stats.form_df, self.stats.form_given
        pack = _Postings.pack
        skel: list[int] = []
        firsts: list[int] = []
        head: list[int] = []
        tail: list[int] = []
        strong: dict[str, list[int]] = defaultdict(list)
        for initial, (keys, forms) in self._by_skeleton_initial.items():
            for i, (key, fs) in enumerate(zip(keys, forms)):
                # (a skeleton starts with its initial)
                skel.extend(pack(sk, 0, i) for sk in dict.fromkeys(skeleton(f) for f in fs))
                firsts.extend(pack(_slot(initial, g), len(key), i)
                              for g in dict.fromkeys(g for f in fs for g in given.get(f, ())))
                head.append(pack(_slot(initial, key[:3]), len(key), i))
                tail.append(pack(_slot(initial, key[-3:]), len(key), i))
                if any(df[f] >= self.LOOSE_MIN_DOCS for f in fs):
                    strong[initial].append(i)
        out: dict = {"skeleton": _Postings(skel), "given": _Postings(firsts),
                     "head": _Postings(head), "tail": _Postings(tail)}
        out["strong"] = {initial: ([keys[i] for i in places], array("I", places))
                         for initial, places in strong.items()
                         for keys in (self._by_skeleton_initial[initial][0],)}
        return out

    def _comparable(self, form: str, ff: str, sk: str, given: Counter,
                    same_skeleton: set[int]) -> list[int]:
        """The places in its block of the attested spellings `_variant_of` compares `form`
        with (see `_variant_index`), in order; the `strong` ones are searched apart.
        `same_skeleton`: the places of the spellings of skeleton `sk` (the caller has them)."""
        initial = sk[0]
        keys = self._by_skeleton_initial.get(initial, ((), ()))[0]
        if not keys:
            return []
        index = self._variant_index
        places = set(same_skeleton)
        n = len(ff)
        firsts = index["given"]
        for g in given:  # a length within two, "'s" aside
            places.update(firsts.get(_slot(initial, g), n - 2, n + 4))
        if len(form) >= self.ONE_EDIT_MIN_LENGTH:
            if len(ff) >= 6:  # within one
                places.update(index["head"].get(_slot(initial, ff[:3]), n - 1, n + 1))
                places.update(index["tail"].get(_slot(initial, ff[-3:]), n - 1, n + 1))
            else:  # folded shorter than the letters one edit keeps: the whole block
                return list(range(len(keys)))
        # a checksum shared by two keys brings places of another block's size: drop them
        return sorted(i for i in places if i < len(keys))

    # Spellings whose verdict is remembered, at most (the table is emptied when full).
    MAX_VARIANTS = 1 << 15

    def variant_of(self, form: str, lexicon=None) -> Optional[Variant]:
        """Memoised (bounded): the corpus is fixed once finalised, so a spelling's verdict
        does not change."""
        key = (form, lexicon is not None)
        if key not in self._variants:
            if len(self._variants) >= self.MAX_VARIANTS:
                self._variants.clear()  # bounded: a spelling judged again costs one lookup
            self._variants[key] = self._variant_of(form, lexicon)
        return self._variants[key]

    # A canonical spelling at least this common in English (Zipf) is a capitalised common
    # word or a name famous enough for the gazetteer rules: consensus says nothing about it.
    COMMON_CANONICAL = 4.0
    LOOSE_REASON = "nearly every other document spells it so"
    # "Nearly every other document": a form of this many letters at least, whose canonical
    # spelling at least this many documents use (and five times as many as the form).
    LOOSE_MIN_LENGTH = 8
    LOOSE_MIN_DOCS = 5
    # "One letter apart": a form of this many letters at least.
    ONE_EDIT_MIN_LENGTH = 6

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
        if len(form) < 4 or (lexicon is not None and lexicon.zipf(form) >= 3.5):
            return None  # too short to judge, or a common word
        sk = skeleton(form)
        if not sk:
            return None
        given_mine = self.stats.form_given.get(form, _NO_GIVEN)
        found: list[tuple[int, float, str, str]] = []
        ff = fold(form)
        # the places holding a spelling of skeleton `sk` (and any whose skeleton shares its
        # checksum: the skeletons are compared again below)
        same_skeleton = set(self._variant_index["skeleton"].get(sk))
        places = self._comparable(form, ff, sk, given_mine, same_skeleton)
        keys, forms = self._by_skeleton_initial.get(sk[0], ((), ()))
        # Every accepted pair below has Jaro-Winkler >= 0.78: rapidfuzz finds those few among
        # the comparable attested spellings in compiled code, not in a Python loop.
        close = [(fo, sim, places[j]) for fo, sim, j in process.extract(
            ff, [keys[i] for i in places], scorer=JaroWinkler.normalized_similarity,
            score_cutoff=_MIN_SIMILARITY, limit=None)]
        if len(form) >= self.LOOSE_MIN_LENGTH:
            # The spellings many documents use, for the loosest test (0.9) only: a list kept
            # per block, searched whole; those compared above are not taken twice.
            strong_keys, strong_places = self._variant_index["strong"].get(sk[0], ((), ()))
            taken = set(places)
            close += [(fo, sim, strong_places[j]) for fo, sim, j in process.extract(
                ff, strong_keys, scorer=JaroWinkler.normalized_similarity, score_cutoff=0.9,
                limit=None) if strong_places[j] not in taken]
        need = max(2, 2 * mine)  # a canonical form: at least two documents, twice as many
        # Every test below must pass for a pair to be kept, so the cheap ones go first and the
        # word-building test runs once per attested key, only for a pair that passed the rest.
        for fo, sim, i in close:
            others = [other for other in forms[i] if df[other] >= need]
            if not others:
                continue
            if fo.endswith("'s"):
                fo = fo[:-2]  # a possessive is the word itself
            if fo == ff:
                continue  # the same word
            derived = None
            for other in others:
                theirs = df[other]
                given_theirs = self.stats.form_given.get(other, _NO_GIVEN)
                if given_mine and given_theirs:
                    shared = sorted(given_mine.keys() & given_theirs.keys())
                    if not shared:
                        continue  # different first names: different people
                else:
                    shared = ()
                if sim >= 0.8 and i in same_skeleton and skeleton(other) == sk:
                    reason = "same transliteration skeleton"
                elif shared and sim >= 0.78 and abs(len(ff) - len(fo)) <= 2 and \
                        Levenshtein.distance(ff, fo) <= 3:
                    reason = f"both follow '{shared[0]}'"
                elif (sim >= 0.95 and len(form) >= self.ONE_EDIT_MIN_LENGTH
                      and Levenshtein.distance(ff, fold(other)) == 1):
                    reason = "one letter apart"
                elif (sim >= 0.9 and len(form) >= self.LOOSE_MIN_LENGTH
                      and theirs >= max(self.LOOSE_MIN_DOCS, 5 * mine)):
                    reason = self.LOOSE_REASON
                else:
                    continue
                if lexicon is not None:
                    if lexicon.zipf(other) >= self.COMMON_CANONICAL:
                        continue  # a common word capitalised (Some, Castle) or a famous name
                    if strip_accents(other) == other and strip_accents(form) != form and \
                            lexicon.zipf(other) >= 3.0:
                        continue  # a foreign word beside an English one (Educación, Education)
                    if not shared and lexicon.zipf(form) >= 3.0:
                        continue  # a common word or name in its own right
                if derived is None:
                    derived = built_on(ff, fo)  # a word built on it (Greenlandic, Westbury)
                if derived:
                    break
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

    def attested_close(self, form: str, among: Optional[tuple] = None) -> list[tuple[str, float]]:
        """[(spelling, Jaro-Winkler similarity)] of the spellings at least two documents use
        that are close to `form` (0.78 or more, the same first skeleton letter); with `among`
        (`places_of` of some folded spellings, one or more), only those: a few looked at
        instead of the whole block, which grows with the corpus."""
        sk = skeleton(form)
        if not sk:
            return []
        keys, forms = self._by_skeleton_initial.get(sk[0], ((), ()))
        if among is not None:
            idx = sorted(set().union(*(places.get(sk[0], ()) for places in among)))
            keys, forms = [keys[i] for i in idx], [forms[i] for i in idx]
        ff = fold(form)
        return [(other, sim) for fo, sim, i in process.extract(
                    ff, keys, scorer=JaroWinkler.normalized_similarity,
                    score_cutoff=_MIN_SIMILARITY, limit=None) if fo != ff
                for other in forms[i]]

    @cached_property
    def _key_spots(self) -> dict[str, tuple[str, int]]:
        """Folded attested spelling -> (its skeleton initial, its place in that block)."""
        return {key: (initial, i) for initial, (keys, _) in self._by_skeleton_initial.items()
                for i, key in enumerate(keys)}

    @cached_property
    def _unhashed(self) -> dict[int, str]:
        """Hash -> folded word, for the attested spellings and each of them without its
        possessive "'s" (the words a story's name counts hold that `attested_close` finds)."""
        out = {}
        for key in self._key_spots:
            out[_hash(key)] = key
            if key.endswith(("'s", "’s")) and len(key) > 2:
                out[_hash(key[:-2])] = key[:-2]
        return out

    def places_of(self, folded: Iterable[str]) -> dict[str, list[int]]:
        """{skeleton initial: sorted places in its block} of those of the folded spellings
        that are attested (for `attested_close`'s `among`)."""
        spots = self._key_spots
        out: dict[str, list[int]] = defaultdict(list)
        for k in folded:
            spot = spots.get(k)
            if spot is not None:
                out[spot[0]].append(spot[1])
        return {initial: sorted(idx) for initial, idx in out.items()}

    # Stories whose `story_places` are remembered, at most (emptied when full).
    MAX_STORY_PLACES = 64

    def story_places(self, doc: Document, min_documents: int) -> dict[str, list[int]]:
        """`places_of` the folded attested spellings (each also with a possessive "'s") that
        at least `min_documents` documents of `doc`'s story use, `doc` included: the same for
        every version of the story, so remembered per story."""
        story = self.story_of.get(_doc_key(doc))
        counts = self._tables["names"].get(story) if story else None
        if not counts:
            return {}
        memo = self._story_places
        key = (story, min_documents)
        if key not in memo:
            if len(memo) >= self.MAX_STORY_PLACES:
                memo.clear()
            pairs = zip(counts.keys, counts.counts) if isinstance(counts, _HashCounts) else \
                counts.items()
            unhashed = self._unhashed
            words = {unhashed[h] for h, n in pairs if n >= min_documents and h in unhashed}
            memo[key] = self.places_of(with_possessives(words))
        return memo[key]

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
    def _folded(self) -> dict[int, str]:
        """Hash -> folded capitalised word, for the words of the context tables."""
        wanted = {w for t in self._tables["contexts"].values() for w in t.words}
        return {h: f for f in {fold(form) for form in self.stats.form_df}
                if (h := _hash(f)) in wanted}

    def context_support(self, doc: Document, neighbour: str) -> Counter:
        """For a context key ('>leaders' = the word after, '<the' = the word before), how many
        OTHER versions of `doc`'s story have each capitalised word in that context."""
        story = self.story_of.get(_doc_key(doc))
        table = self._tables["contexts"].get(story) if story else None
        ctx = _hash(neighbour)
        found = table.get(ctx) if table else None
        if not found:
            return Counter()
        own = self._own_pairs(doc)
        out = Counter()
        for w, n in found:
            n -= (w, ctx) in own
            if n > 0:
                out[self._folded[w]] = n
        return out

    @cached_property
    def surface_forms(self) -> dict[str, str]:
        """Folded word -> its most used capitalised spelling in the corpus."""
        out: dict[str, str] = {}
        for form, n in sorted(self.stats.form_df.items(), key=lambda kv: (-kv[1], kv[0])):
            out.setdefault(fold(form), form)
        return out

    def versions_using(self, doc: Document, word: str) -> int:
        """How many OTHER versions of `doc`'s story use `word` (capitalised)."""
        story = self.story_of.get(_doc_key(doc))
        counts = self._tables["names"].get(story) if story else None
        if not counts:
            return 0
        h = _hash(fold(word))
        return counts[h] - (h in self._own_names(doc))


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
