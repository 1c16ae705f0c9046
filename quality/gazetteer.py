"""Canonical names with accepted, wrong and deprecated forms: loading, validation and lookup.

File formats (CONTRACT.md): `.txt` (one name per line), `.csv`/`.tsv` (header with `name` and
optionally `kind`, `aliases`, `wrong`, `deprecated`, `since`, `note`; list cells use `|`), and
`.toml` (`[[entry]]` tables with the same keys, lists as TOML arrays). A malformed file raises
GazetteerError naming the file, the line and the problem.

The index is built once, lazily, and never scans every entry per lookup: exact forms are dict
keys (accent- and case-folded), and fuzzy candidates come from blocks keyed by a
transliteration skeleton and by (first skeleton letter, length).
"""
from __future__ import annotations

import csv
import gc
import sys
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache, wraps
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, Sequence, TypeVar

from rapidfuzz import process
from rapidfuzz.distance import JaroWinkler

from . import gazetteer_cache
from .readers import InputError, read_regular, shown
from .text import WORD_RE, Token, fold, skeleton

T = TypeVar("T")
DATA_DIR = Path(__file__).parent / "data"
BUILTIN_FILES = ("people.tsv", "places.tsv", "orgs.tsv", "misspellings.tsv")
COLUMNS = ("name", "kind", "aliases", "wrong", "deprecated", "since", "note")
# The kinds the rules know; any other kind string loads too (a `work`, a `dish`).
KINDS = frozenset({"person", "place", "country", "city", "region", "org", "unknown"})
PLACE_KINDS = frozenset({"place", "country", "city", "region"})
_NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


class GazetteerError(ValueError):
    """A gazetteer file could not be used; the message names the file and line."""


@dataclass(frozen=True)
class Entry:
    name: str
    kind: str = "unknown"
    aliases: tuple[str, ...] = ()
    wrong: tuple[str, ...] = ()
    deprecated: tuple[str, ...] = ()
    since: Optional[int] = None
    note: Optional[str] = None
    source: str = field(default="", compare=False)
    builtin: bool = field(default=False, compare=False)  # from quality/data, not the user

    def __hash__(self) -> int:
        # The name alone (its hash is cached by the string): equal entries have equal names,
        # and entries are dictionary keys for every candidate the name rules weigh, so the
        # hash of all seven compared fields cost more than the lookups it served.
        return hash(self.name)

    @property
    def is_person(self) -> bool:
        return self.kind == "person"

    @property
    def is_place(self) -> bool:
        return self.kind in PLACE_KINDS

    @property
    def forms(self) -> tuple[str, ...]:
        """The accepted spellings: the canonical name first, then its aliases."""
        return (self.name,) + self.aliases

    @property
    def surname(self) -> str:
        return surname_of(self.name)

    @property
    def given(self) -> Optional[str]:
        parts = self.name.split()
        return parts[0] if self.is_person and len(parts) > 1 else None


def surname_of(name: str) -> str:
    parts = name.split()
    if parts and parts[-1].lower() not in _NAME_SUFFIXES:
        return parts[-1].rstrip(",")
    parts = [p for p in parts if p.lower() not in _NAME_SUFFIXES]
    return parts[-1].rstrip(",") if parts else name


def name_words(form: str) -> list[str]:
    """The words of a name as WORD_RE finds them ("Al-Tikriti" -> "Al", "Tikriti"); by
    str.split when the name is letters and spaces only (most names: the same words, faster)."""
    return form.split() if form.replace(" ", "").isalpha() else WORD_RE.findall(form)


@dataclass(frozen=True)
class Candidate:
    """A fuzzy match: `form` (an accepted spelling) of `entry`, with similarity features."""

    form: str
    entry: Entry
    similarity: float  # Jaro-Winkler on folded strings, 0..1
    same_skeleton: bool


# --------------------------------------------------------------------------- loading

def _split_list(cell: Optional[str]) -> tuple[str, ...]:
    if not cell:
        return ()
    return tuple(x.strip() for x in cell.split("|") if x.strip())


def _make_entry(row: dict, where: str) -> Entry:
    for key in ("name", "kind", "note"):
        if row.get(key) is not None and not isinstance(row[key], str):
            raise GazetteerError(f"{where}: '{key}' must be text")
    name = (row.get("name") or "").strip()
    if not name:
        raise GazetteerError(f"{where}: empty name")
    # Any kind loads: the known ones (KINDS) steer the rules; another (work, dish, event,
    # product) is recorded and treated like a name of no particular kind.
    kind = (row.get("kind") or "unknown").strip().lower() or "unknown"
    since = row.get("since")
    if since not in (None, ""):
        try:
            since = int(str(since).strip())
        except ValueError:
            raise GazetteerError(f"{where}: 'since' must be a year, got {shown(since)}") from None
    else:
        since = None
    lists = {}
    for key in ("aliases", "wrong", "deprecated"):
        value = row.get(key)
        if isinstance(value, (list, tuple)):
            if not all(isinstance(v, str) for v in value):
                raise GazetteerError(f"{where}: '{key}' must be a list of strings")
            lists[key] = tuple(v.strip() for v in value if v.strip())
        elif value is None or isinstance(value, str):
            lists[key] = _split_list(value)
        else:
            raise GazetteerError(f"{where}: '{key}' must be text or a list of strings")
    note = row.get("note")
    return Entry(name, kind, lists["aliases"], lists["wrong"], lists["deprecated"], since,
                 (note or "").strip() or None, where)


def _read_text(path: Path) -> str:
    try:
        return read_regular(path).decode("utf-8-sig")
    except FileNotFoundError:
        raise GazetteerError(f"{path}: no such gazetteer file") from None
    except UnicodeDecodeError as exc:
        raise GazetteerError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise GazetteerError(f"{path}: cannot read gazetteer ({exc.strerror or exc})") from None
    except InputError as exc:
        raise GazetteerError(f"{path}: cannot read gazetteer ({exc})") from None


def _load_txt(path: Path, text: str) -> Iterator[Entry]:
    for n, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if line:
            yield Entry(line, "unknown", source=f"{path}:{n}")


def _load_table(path: Path, text: str, delimiter: str) -> Iterator[Entry]:
    lines = text.splitlines()
    # Comment lines (#...) and blank lines before the header or between rows are skipped.
    numbered = [(n, l) for n, l in enumerate(lines, 1) if l.strip() and not l.lstrip().startswith("#")]
    if not numbered:
        return
    header_no, header_line = numbered[0]
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    try:
        header = [h.strip().lower() for h in next(csv.reader([header_line], delimiter=delimiter))]
    except csv.Error as exc:
        raise GazetteerError(f"{path}:{header_no}: {exc}") from None
    # strict: a quote left open (a cell spanning lines, which this format does not allow)
    # is an error with its line number, not a silently broken entry.
    if "name" not in header:
        raise GazetteerError(f"{path}:{header_no}: header has no 'name' column (the first "
                             f"row names the columns: {', '.join(COLUMNS)})")
    unknown = [h for h in header if h not in COLUMNS]
    if unknown:
        raise GazetteerError(f"{path}:{header_no}: unknown column {shown(unknown[0])} "
                             f"(expected {', '.join(COLUMNS)})")
    plain = _plain_row(header)
    for n, line in numbered[1:]:
        if plain is not None and '"' not in line and "\0" not in line:
            # No quoting to undo: the cells are the line split at the delimiter (what the csv
            # reader returns), and a row of a name and a kind needs none of _make_entry's checks.
            cells = line.split(delimiter)
            if len(cells) <= len(header):
                entry = plain(cells, path, n)
                if entry is not None:
                    yield entry
                    continue
        try:
            cells = next(csv.reader([line], delimiter=delimiter, strict=True))
        except csv.Error as exc:
            raise GazetteerError(f"{path}:{n}: {exc}") from None
        if len(cells) > len(header):
            raise GazetteerError(
                f"{path}:{n}: {len(cells)} cells but the header has {len(header)} columns")
        yield _make_entry(dict(zip(header, cells)), f"{path}:{n}")


def _plain_row(header: list[str]) -> "Optional[Callable[[list[str], Path, int], Optional[Entry]]]":
    """For a header with `name` first and at most `kind` after it (the shape of long lists
    of names): a function making the entry of a row straight from its cells, or None for a
    row it leaves to _make_entry (an empty name). The same entry _make_entry makes."""
    if header[0] != "name" or len(header) > 2 or header[1:] not in ([], ["kind"]):
        return None

    def entry(cells: list[str], path: Path, n: int) -> Optional[Entry]:
        name = cells[0].strip()
        if not name:
            return None
        kind = (cells[1].strip().lower() if len(cells) > 1 else "") or "unknown"
        return Entry(name, kind, source=f"{path}:{n}")

    return entry


def _load_toml(path: Path, text: str) -> Iterator[Entry]:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise GazetteerError(f"{path}: invalid TOML: {exc}") from None
    except RecursionError:
        raise GazetteerError(f"{path}: invalid TOML: nested too deeply") from None
    entries = data.get("entry", [])
    extra = set(data) - {"entry"}
    if extra:
        raise GazetteerError(f"{path}: unknown top-level key {shown(sorted(extra)[0])} (expected [[entry]])")
    if not isinstance(entries, list):
        raise GazetteerError(f"{path}: 'entry' must be an array of tables ([[entry]])")
    for i, row in enumerate(entries, 1):
        where = f"{path}: entry {i}"
        if not isinstance(row, dict):
            raise GazetteerError(f"{where}: not a table")
        unknown = set(row) - set(COLUMNS)
        if unknown:
            raise GazetteerError(f"{where}: unknown key {shown(sorted(unknown)[0])}")
        yield _make_entry(row, where)


def load_file(path: "str | Path") -> list[Entry]:
    """Read one gazetteer file into entries (GazetteerError if it is malformed)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".txt", ".csv", ".tsv", ".toml"):
        raise GazetteerError(f"{path}: unsupported gazetteer format (use .txt, .csv, .tsv or .toml)")
    if path.is_dir():
        raise GazetteerError(f"{path}: is a directory, not a gazetteer file")
    text = _read_text(path)
    if suffix == ".txt":
        return list(_load_txt(path, text))
    if suffix == ".toml":
        return list(_load_toml(path, text))
    return list(_load_table(path, text, "\t" if suffix == ".tsv" else ","))


# --------------------------------------------------------------------------- the index

def _merge_into(merged: dict[str, Entry], e: Entry) -> None:
    old = merged.get(e.name)
    if old is None:
        merged[e.name] = e
        return

    def union(a: tuple, b: tuple) -> tuple:
        return a + tuple(x for x in b if x not in a)

    if old.builtin and not e.builtin:
        kind = e.kind  # the user's own file says what the name is, even "unknown"
    else:
        kind = old.kind if old.kind != "unknown" else e.kind
    merged[e.name] = replace(
        old,
        kind=kind,
        aliases=union(old.aliases, e.aliases), wrong=union(old.wrong, e.wrong),
        deprecated=union(old.deprecated, e.deprecated),
        since=old.since if old.since is not None else e.since,
        note=old.note or e.note, builtin=old.builtin and e.builtin)


def _without_forms(e: Entry, accepted: set) -> Entry:
    """A user's file that accepts a spelling the built-in data flags (a gazetteer listing the
    city "Constantinople" for a history corpus) decides: the built-in entry stops flagging it."""
    if not accepted.intersection(e.wrong + e.deprecated):
        return e
    return replace(e, wrong=tuple(f for f in e.wrong if f not in accepted),
                   deprecated=tuple(f for f in e.deprecated if f not in accepted))


def _check_fixes_settle(entries: Iterable[Entry]) -> None:
    """A wrong or deprecated form that is also an accepted spelling (a name or an alias) would
    make fixes undo each other (Kyiv wrong Kiev, Kiev wrong Kyiv: every run flips the text):
    GazetteerError naming both entries."""
    accepted = {}
    for e in entries:
        for form in (e.name, *e.aliases):
            accepted.setdefault(form, e)
    for e in entries:
        for form in (*e.wrong, *e.deprecated):
            other = accepted.get(form)
            if other is not None:
                raise GazetteerError(
                    f"{e.source or e.name}: {shown(form)} is a wrong or deprecated form of "
                    f"{shown(e.name)} but also an accepted spelling of {shown(other.name)} "
                    f"({other.source or 'built-in'}): fixes would undo each other in a cycle")


class Gazetteer:
    """An immutable collection of entries with a lazily built lookup index.

    Pickles as its list of source files plus any in-memory entries, so shipping an Auditor to
    worker processes is cheap; each process rebuilds the index on first use.
    """

    def __init__(self, entries: Iterable[Entry] = (), sources: Iterable[str] = ()):
        self._sources = tuple(str(s) for s in sources)
        self._extra = tuple(entries)

    @classmethod
    def load(cls, paths: Iterable["str | Path"] = (), builtin: bool = True) -> "Gazetteer":
        """The built-in data (unless builtin=False) plus the given files, validated now."""
        sources = [str(DATA_DIR / f) for f in BUILTIN_FILES if (DATA_DIR / f).exists()] if builtin else []
        sources += [str(p) for p in paths]
        gaz = cls(sources=sources)
        if not gazetteer_cache.restore(gaz):  # a large gazetteer built in an earlier run
            gaz.entries  # validate eagerly so a bad file fails before any document is read
        return gaz

    def __reduce__(self):
        return (Gazetteer, (self._extra, self._sources))

    @cached_property
    def tables(self) -> dict[str, object]:
        """The derived tables built so far (see `table`), by name."""
        return {}

    def table(self, name: str):
        """The derived table `name` (registered with `gazetteer_table`), built on first use."""
        try:
            return self.tables[name]
        except KeyError:
            with building():
                value = self.tables[name] = TABLES[name](self)
            return value

    @cached_property
    def memo(self) -> dict:
        """A per-process cache for pure functions of (gazetteer, token): rules may keep
        results here that depend on nothing else. Never pickled."""
        return {}

    def __len__(self) -> int:
        return len(self.entries)

    @cached_property
    def entries(self) -> tuple[Entry, ...]:
        """All entries, one per name: a name given in several files (a house-style file adding
        aliases to a built-in person, say) is merged into one entry."""
        with building():
            return self._merged()

    def _merged(self) -> tuple[Entry, ...]:
        merged: dict[str, Entry] = {}
        loaded = [(Path(src).parent == DATA_DIR, load_file(src)) for src in self._sources]
        users = [e for builtin, es in loaded if not builtin for e in es] + list(self._extra)
        accepted = {f for e in users for f in e.forms}
        for builtin, es in loaded:
            for e in es:
                _merge_into(merged, replace(_without_forms(e, accepted), builtin=True)
                            if builtin else e)
        for e in self._extra:
            _merge_into(merged, e)
        _check_fixes_settle(merged.values())
        return tuple(merged.values())

    # ---- index construction
    @cached_property
    def _index(self) -> "_Index":
        with building():
            return _Index(self.entries)

    # ---- queries
    def lookup(self, form: str) -> list[Entry]:
        """Entries with `form` as an accepted spelling (name, alias or a person's surname)."""
        return self._index.accepted.get(fold(form), [])

    def is_accepted(self, form: str) -> bool:
        return fold(form) in self._index.accepted

    def is_name_token(self, token: str) -> bool:
        """True if `token` is any word of any accepted name ('Keith', 'Union', 'Kellogg')."""
        return fold(token) in self._index.tokens

    def wrong_form(self, form: str) -> Optional[Entry]:
        return self._index.wrong.get(form)

    def deprecated_form(self, form: str) -> Optional[Entry]:
        return self._index.deprecated.get(form)

    @property
    def deprecated_forms(self) -> dict[str, Entry]:
        return self._index.deprecated

    @property
    def wrong_forms(self) -> dict[str, Entry]:
        return self._index.wrong

    def find_forms(self, text: str, tokens: "Sequence[Token]", which: str,
                   words: "Optional[Iterable[str]]" = None) -> Iterator[tuple[int, int, Entry]]:
        """Occurrences of `which` ("wrong" or "deprecated") forms in `text`, matched as whole
        words, case-sensitively: (start, end, entry). `words`, the document's distinct words
        when known, lets a document that holds none of the forms' first words return at once.
        A form inside an accepted spelling of any entry that holds it as whole words ("Bombay"
        in the film "Bombay Velvet", "Peking" in "Peking duck") is part of that name: skipped."""
        phrases = self._index.phrases.get(which)
        if not phrases:
            return
        if words is not None and phrases.keys().isdisjoint(words):
            return
        for tok in tokens:
            for form, entry in phrases.get(tok.text, ()):
                end = tok.start + len(form)
                if text.startswith(form, tok.start) and (end == len(text) or not text[end].isalnum()):
                    if not self.inside_accepted_name(text, tok.start, end):
                        yield tok.start, end, entry

    def form_starts(self, which: str) -> dict[str, list]:
        """{first word of a `which` ("wrong" or "deprecated") form: its forms}: the words at
        which `find_forms` can find something."""
        return self._index.phrases.get(which, {})

    def inside_accepted_name(self, text: str, start: int, end: int) -> bool:
        """True if text[start:end], a wrong or deprecated form, stands inside an accepted
        spelling of an entry that contains it as whole words."""
        for phrase, offset in self._index.protecting.get(text[start:end], ()):
            s = start - offset
            e = s + len(phrase)
            if s >= 0 and text.startswith(phrase, s) and (s == 0 or not text[s - 1].isalnum()) \
                    and (e >= len(text) or not text[e].isalnum()):
                return True
        return False

    def persons_with_given(self, given: str) -> list[Entry]:
        return self._index.given.get(fold(given), [])

    def candidates(self, token: str, min_similarity: float = 0.8, limit: int = 5) -> list[Candidate]:
        """Accepted single-word forms close to `token`, best first (never a full scan)."""
        return self._index.candidates(token, min_similarity, limit)

    def same_letters(self, token: str, limit: int = 5) -> list[Candidate]:
        """The first `limit` accepted single-word forms equal to `token` once accents and case
        are folded: what `candidates(token, 0.99, limit)` returns of them, found by a lookup."""
        skel = skeleton(token)
        if not skel:
            return []
        folded = fold(token)
        out: list[Candidate] = []
        seen: set[tuple[str, int]] = set()
        for form, entry in self._index.by_skeleton.get(skel, ()):
            if fold(form) == folded and (form, id(entry)) not in seen:
                seen.add((form, id(entry)))
                out.append(Candidate(form, entry, 1.0, True))
                if len(out) >= limit:
                    break
        return out

    def fuzzy_forms(self) -> Iterator[tuple[str, Entry]]:
        """Every (single-word spelling, entry) `candidates` can return."""
        for pairs in self._index.by_skeleton.values():
            yield from pairs

    def has_skeleton(self, token: str) -> bool:
        """Some spelling `candidates` can return has `token`'s transliteration skeleton."""
        skel = skeleton(token)
        return bool(skel) and skel in self._index.by_skeleton

    def neighbourhood(self, token: str) -> tuple[int, int]:
        """(the user's spellings, the built-in data's) among the single-word spellings that
        `candidates` compares `token` with: the same first skeleton letter and a skeleton
        length within two letters. How crowded the user's names are around a word, measured
        against the built-in data (counted even when this gazetteer leaves it out)."""
        skel = skeleton(token)
        if not skel:
            return 0, 0
        user = builtin = 0
        for length in range(max(1, len(skel) - 2), len(skel) + 3):
            user += self._index.block_counts((skel[0], length))[0]
            builtin += self._yardstick.block_counts((skel[0], length))[1]
        return user, builtin

    @cached_property
    def _yardstick(self) -> "_Index":
        """An index holding the built-in data: this one, or the built-in data's own."""
        if any(Path(src).parent == DATA_DIR for src in self._sources):
            return self._index
        return _builtin_index()

    def spelling_counts(self) -> tuple[int, int]:
        """(the user's spellings, the built-in data's) among all the single-word spellings
        `candidates` can return (see `neighbourhood`)."""
        return (sum(self._index.block_counts(key)[0] for key in self._index.blocks),
                sum(self._yardstick.block_counts(key)[1] for key in self._yardstick.blocks))

    def user_ending(self, token: str) -> bool:
        """Some single-word spelling `candidates` can return of a user's entry (not a built-in
        one), five letters or more, is `token` with one letter more or less at its end, once
        accents and case are folded (Podolsk / Podolski)."""
        folded = fold(token)
        spellings, stems = self._index.user_endings
        return folded[:-1] in spellings or folded in stems


# Tables derived from a whole gazetteer (a rule's index of the names it reads), by name: each
# is a pure function of the entries, registered with `gazetteer_table` by the module that
# reads it, built once per process by `Gazetteer.table` (and kept by gazetteer_cache).
TABLES: dict[str, Callable[["Gazetteer"], object]] = {}


def gazetteer_table(name: str):
    """Register `build(gazetteer)` as the derived table `name`; the decorated function returns
    `gazetteer.table(name)`: built on first use, then shared by every document."""
    def register(build: Callable[["Gazetteer"], T]) -> Callable[["Gazetteer"], T]:
        TABLES[name] = build

        @wraps(build)
        def get(gaz: "Gazetteer") -> T:
            return gaz.table(name)
        return get
    return register


@lru_cache(maxsize=1)
def _builtin_index() -> "_Index":
    return Gazetteer.load()._index


@contextmanager
def building() -> Iterator[None]:
    """The cyclic garbage collector paused while a table of many small objects is built once
    (an index of the gazetteer, a rule's table of its names): otherwise it walks the growing
    heap again and again, half the build's time with 100,000 entries. The same result.

    Then the objects the process holds are moved out of the collector's reach (gc.freeze):
    the tables live as long as the process and hold no reference cycles, yet every full
    collection while documents are audited would walk all of them again (a second of CPU on
    the 2 MB perf sample with 100,000 extra entries). Frozen objects are still freed when
    nothing refers to them; only a reference cycle left unreachable before the freeze is kept."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.freeze()
            gc.enable()


class _Index:
    """The lookup tables of a gazetteer, built in one pass over its entries.

    Names share their words (a list of 100,000 people holds a few thousand given names and
    surnames), so what costs per word (folding, the skeleton, the fuzzy block) is computed once
    per distinct word and the pass over the entries only files them under those keys; the
    words of every name are found by one regular-expression scan of all the names at once.
    The table of names that protect a wrong form (`protecting`) is built on first use."""

    def __init__(self, entries: tuple[Entry, ...]):
        self._entries = entries
        accepted: dict[str, list[Entry]] = {}
        given: dict[str, list[Entry]] = {}
        by_skeleton: dict[str, list[tuple[str, Entry]]] = {}
        building: dict[tuple[str, int], dict[str, list[tuple[str, Entry]]]] = {}
        # fuzzy spelling -> (its skeleton's list, its block's list), or None when too short
        fuzzy_slots: dict[str, Optional[tuple[list, list]]] = {}
        folded: dict[str, str] = {}
        user_fuzzy: set[str] = set()  # the fuzzy spellings of the user's entries
        self.wrong: dict[str, Entry] = {}
        self.deprecated: dict[str, Entry] = {}
        self.phrases: dict[str, dict[str, list[tuple[str, Entry]]]] = {}  # which -> first word
        self._memo: dict[tuple, list[Candidate]] = {}
        self._block_counts: dict[tuple[str, int], tuple[int, int]] = {}

        def folding(word: str) -> str:
            f = folded.get(word)
            if f is None:
                f = folded[word] = fold(word)
            return f

        def slots(form: str) -> Optional[tuple[list, list]]:
            if len(form) < 4 or " " in form:
                return None
            skel = skeleton(form)
            if not skel:
                return None
            block = building.setdefault((skel[0], len(skel)), {})
            return by_skeleton.setdefault(skel, []), block.setdefault(folding(form), [])

        def accept(key: str, entry: Entry) -> None:
            # Entries are filed one after another: an entry already in the bucket is its last
            # item (an equality scan is quadratic in a common surname's bucket).
            bucket = accepted.get(key)
            if bucket is None:
                accepted[key] = [entry]
            elif bucket[-1] is not entry:
                bucket.append(entry)

        for entry in entries:
            person = entry.kind == "person"
            unknown = entry.kind == "unknown"
            fuzzy_seen: Optional[set] = None
            for form in (entry.name, *entry.aliases) if entry.aliases else (entry.name,):
                accept(form.lower() if form.isascii() else fold(form), entry)
                words = form.split()
                if person or (unknown and len(words) > 1):
                    # People (and multi-word names of unknown kind, which are mostly people)
                    # are also written by surname alone, and with their first name before it.
                    sur = surname_of(form)
                    if person:
                        accept(folding(sur), entry)
                    fuzzy = sur
                    for word in words[:-1]:  # first and middle names: "Recep", "Tayyip"
                        key = folding(word)
                        bucket = given.setdefault(key, [])
                        if not bucket or bucket[-1] is not entry:
                            bucket.append(entry)
                elif len(words) == 1:
                    fuzzy = form
                else:
                    continue
                if fuzzy in fuzzy_slots:
                    slot = fuzzy_slots[fuzzy]
                else:
                    slot = fuzzy_slots[fuzzy] = slots(fuzzy)
                if slot is None:
                    continue
                if fuzzy_seen is None:
                    fuzzy_seen = {fuzzy}
                elif fuzzy in fuzzy_seen:
                    continue
                else:
                    fuzzy_seen.add(fuzzy)
                pair = (fuzzy, entry)
                slot[0].append(pair)
                slot[1].append(pair)
                if not entry.builtin:
                    user_fuzzy.add(fuzzy)
            if entry.wrong or entry.deprecated:
                for form in entry.wrong:
                    self.wrong.setdefault(form, entry)
                    self._add_phrase(form, "wrong", entry)
                for form in entry.deprecated:
                    self.deprecated.setdefault(form, entry)
                    self._add_phrase(form, "deprecated", entry)
        self.accepted = accepted
        self.given = given
        self._user_fuzzy = user_fuzzy
        self.by_skeleton = by_skeleton
        # any word of any accepted name ("Al-Tikriti" -> "Al", "Tikriti"), found in one scan
        self.tokens: set[str] = {fold(w) for w in set(WORD_RE.findall(
            "\n".join(f for e in entries for f in ((e.name, *e.aliases) if e.aliases else (e.name,)))))}
        # blocks become parallel lists (folded spellings, their entries) for rapidfuzz
        self.blocks: dict[tuple[str, int], tuple[list[str], list[list[tuple[str, Entry]]]]] = {}
        for key, block in building.items():
            keys = sorted(block)
            self.blocks[key] = (keys, [block[f] for f in keys])

    def block_counts(self, key: tuple[str, int]) -> tuple[int, int]:
        """(spellings of the user's entries, spellings of built-in ones) in one block."""
        counts = self._block_counts.get(key)
        if counts is None:
            items = self.blocks.get(key, ((), ()))[1]
            counts = self._block_counts[key] = (
                sum(any(not e.builtin for _, e in pairs) for pairs in items),
                sum(any(e.builtin for _, e in pairs) for pairs in items))
        return counts

    @cached_property
    def user_endings(self) -> tuple[frozenset[str], frozenset[str]]:
        """The folded fuzzy spellings of the user's entries of five letters or more, and the
        same without their last letter (see Gazetteer.user_ending)."""
        spellings = frozenset(f for f in map(fold, self._user_fuzzy) if len(f) >= 5)
        return spellings, frozenset(f[:-1] for f in spellings)

    @cached_property
    def protecting(self) -> dict[str, list[tuple[str, int]]]:
        """Wrong or deprecated form -> [(accepted spelling holding it as whole words, offset
        of the form in it)]."""
        by_first: dict[str, list[str]] = {}
        for form in set(self.wrong) | set(self.deprecated):
            words = WORD_RE.findall(form)
            if words:
                by_first.setdefault(words[0], []).append(form)
        out: dict[str, list[tuple[str, int]]] = {}
        if not by_first:
            return out
        for entry in self._entries:
            for name in entry.forms:
                if " " not in name:
                    continue
                for m in WORD_RE.finditer(name):
                    for form in by_first.get(m.group(), ()):
                        i, j = m.start(), m.start() + len(form)
                        if form != name and name.startswith(form, i) and \
                                (j == len(name) or not name[j].isalnum()):
                            out.setdefault(form, []).append((name, i))
        return out

    def _add_phrase(self, form: str, which: str, entry: Entry) -> None:
        words = WORD_RE.findall(form)
        if words:
            self.phrases.setdefault(which, {}).setdefault(words[0], []).append((form, entry))

    def candidates(self, token: str, min_similarity: float, limit: int) -> list[Candidate]:
        key = (token, min_similarity, limit)
        hit = self._memo.get(key)
        if hit is None:
            hit = self._candidates(token, min_similarity, limit)
            if len(self._memo) >= 200_000:
                self._memo.clear()
            self._memo[key] = hit
        return hit

    def _candidates(self, token: str, min_similarity: float, limit: int) -> list[Candidate]:
        skel = skeleton(token)
        if not skel:
            return []
        folded = fold(token)
        # Rank spellings first (cheap tuples), then expand only the best into Candidates:
        # a common surname may belong to hundreds of entries.
        forms: dict[str, tuple[bool, float, list]] = {}
        for form, entry in self.by_skeleton.get(skel, ()):
            ff = fold(form)
            if ff not in forms:
                forms[ff] = (True, JaroWinkler.normalized_similarity(folded, ff), [])
            forms[ff][2].append((form, entry))
        n = len(skel)
        for length in range(max(1, n - 2), n + 3):
            block = self.blocks.get((skel[0], length))
            if not block:
                continue
            keys, items = block
            for ff, sim, i in process.extract(folded, keys, scorer=JaroWinkler.normalized_similarity,
                                              score_cutoff=min_similarity, limit=limit):
                if ff not in forms:
                    forms[ff] = (False, sim, items[i])
        out: list[Candidate] = []
        seen: set[tuple[str, int]] = set()
        for ff, (same, sim, pairs) in sorted(forms.items(), key=lambda kv: (-kv[1][0], -kv[1][1], kv[0])):
            for form, entry in pairs:
                if (form, id(entry)) not in seen:
                    seen.add((form, id(entry)))
                    out.append(Candidate(form, entry, sim, same))
                    if len(out) >= limit:
                        return out
        return out
