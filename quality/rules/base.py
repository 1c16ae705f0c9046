"""The shape every rule has: metadata plus a pure generator over one document's Context."""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, wraps
from itertools import compress, count, repeat
from typing import TYPE_CHECKING, Callable, Collection, Iterable, Iterator, Optional, TypeVar

from ..model import Document, Finding, Severity
from .. import text as textmod
from ..site_lines import LinePrint, line_print

if TYPE_CHECKING:  # pragma: no cover
    from ..corpus import CorpusStats
    from ..gazetteer import Entry, Gazetteer
    from ..langid import WordShares
    from ..lexicon import Lexicon


T = TypeVar("T")
_new_tuple = tuple.__new__  # skips the NamedTuple constructor: the same values, faster


class Context:
    """What a rule may look at for one document. Derived views are computed once, on demand.

    This is where rules share work: the views below (tokens, lines, sentences, the distinct
    words and their counts, the capitalised words, the tokens of a set of words) are built
    once per document, mostly by compiled code, so a rule asks for its candidates instead of
    walking every token; a result several rules of one module need (NM01 and PL03 read one
    name matcher) is a function decorated with `per_document`, computed once and kept here
    under that function."""

    def __init__(self, document: Document, gazetteer: "Gazetteer", lexicon: "Lexicon",
                 options: Optional[dict] = None, corpus: "Optional[CorpusStats]" = None):
        self.document = document
        self.text = document.text
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        self.options = options or {}
        self.corpus = corpus
        self._shared: dict = {}

    def shared(self, producer: "Callable[[Context], T]") -> T:
        """`producer(self)`, computed on first use and kept for this document."""
        try:
            return self._shared[producer]
        except KeyError:
            value = self._shared[producer] = producer(self)
            return value

    @cached_property
    def word_spans(self) -> textmod.WordSpans:
        """Every word with its offsets, as parallel lists (one compiled pass, no objects)."""
        spans = textmod.word_spans(self.text)
        if self.corpus is not None:
            self.corpus.note_words(self.document, spans)  # its own names, for the corpus rules
        return spans

    @property
    def words(self) -> list[str]:
        """Every word, in order."""
        return self.word_spans.words

    @cached_property
    def tokens(self) -> list[textmod.Token]:
        """Every word as a Token: for rules that walk them all (most need only some: see
        `tokens_among` and `token`)."""
        words, starts, ends = self.word_spans
        return list(map(_new_tuple, repeat(textmod.Token), zip(starts, ends, words)))

    def token(self, index: int) -> textmod.Token:
        """The word at `index` in `words`, as a Token."""
        spans = self.word_spans
        return _new_tuple(textmod.Token, (spans.starts[index], spans.ends[index], spans.words[index]))

    @cached_property
    def lines(self) -> list[tuple[int, int]]:
        return textmod.line_spans(self.text)

    @cached_property
    def line_prints(self) -> list[LinePrint]:
        """`site_lines.line_print` of every line, parallel to `lines`: the fingerprints the
        corpus's recurring-line counts are looked up by (BP11 and BP16 ask about each line)."""
        text = self.text
        return [line_print(text[s:e]) for s, e in self.lines]

    @cached_property
    def paragraphs(self) -> list[tuple[int, int]]:
        return textmod.paragraph_spans(self.text)

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        out = []
        for s, e in self.paragraphs:
            out.extend(textmod.sentence_spans(self.text, s, e))
        return out

    @cached_property
    def sentence_starts(self) -> frozenset[int]:
        """Offsets of the first token of every sentence and line (where capitals are expected)."""
        starts = set()
        text = self.text
        for s, e in list(self.sentences) + list(self.lines):
            i = s
            while i < e and not text[i].isalnum():
                i += 1
            starts.add(i)
        return frozenset(starts)

    @cached_property
    def line_starts(self) -> list[int]:
        return [s for s, _ in self.lines]

    def line_at(self, offset: int) -> tuple[int, int]:
        """The [start, end) of the line holding `offset`."""
        return self.lines[bisect_right(self.line_starts, offset) - 1]

    @cached_property
    def sentence_offsets(self) -> list[int]:
        """The start of every sentence, in order (for bisecting)."""
        return [s for s, _ in self.sentences]

    @cached_property
    def token_counts(self) -> dict[str, int]:
        """Each distinct word and how often it occurs (first occurrence first)."""
        return Counter(self.words)

    @cached_property
    def capitalised(self) -> dict[str, str]:
        """{distinct word: the word without a possessive 's} for words that, so stripped,
        start with a capital, are not all capitals and have 4+ characters: where names are."""
        out = {}
        for w in self.token_counts:
            if w[:1].isupper():
                bare = textmod.strip_possessive(w)
                if len(bare) >= 4 and not textmod.is_all_caps(bare):
                    out[w] = bare
        return out

    def indices_among(self, words: Collection[str]) -> list[int]:
        """The index in `words` (the view) of every word that is in `words` (the argument),
        in order: found by compiled code."""
        if not words:
            return []
        return list(compress(count(), map(words.__contains__, self.words)))

    def tokens_among(self, words: Collection[str]) -> list[tuple[int, textmod.Token]]:
        """(index, token) of every token whose text is in `words`, in order."""
        if not words:
            return []
        found = self.indices_among(words)
        if "tokens" in self.__dict__:
            tokens = self.tokens
            return [(i, tokens[i]) for i in found]
        return [(i, self.token(i)) for i in found]

    def found_forms(self, which: str) -> "list[tuple[int, int, Entry]]":
        """(start, end, entry) of the gazetteer's `which` forms ("wrong" or "deprecated") in
        the text (Gazetteer.find_forms), looked for once per document, at their first words."""
        key = ("found_forms", which)
        try:
            return self._shared[key]
        except KeyError:
            starts = self.gazetteer.form_starts(which)
            found = []
            if starts and not starts.keys().isdisjoint(self.token_counts):
                tokens = [t for _, t in self.tokens_among(starts)]
                found = list(self.gazetteer.find_forms(self.text, tokens, which))
            value = self._shared[key] = found
            return value

    @cached_property
    def word_shares(self) -> "WordShares":
        """The share of English function words in any stretch of the text, from the word view
        (see `english_share`)."""
        from ..langid import WordShares

        return WordShares(self.text, *self.word_spans)

    def english_share(self, start: int = 0, end: Optional[int] = None) -> tuple[float, int]:
        """langid.english_share(text[start:end]), from the word view: the document's and each
        paragraph's share without another pass over the text."""
        return self.word_shares.english_share(start, end)

    @cached_property
    def language(self) -> Optional[str]:
        """The document's main language (ISO 639-1), or None when there is too little text."""
        from ..langid import detect_language

        return detect_language(self.text, self.word_shares)

    def option(self, key: str, default=None):
        return self.options.get(key, default)


@dataclass(frozen=True)
class Rule:
    """A documented check. `check(rule, ctx)` yields Findings built with `rule.finding(...)`."""

    code: str
    name: str
    category: str
    severity: Severity
    summary: str
    bad: str
    good: str
    check: Callable[["Rule", Context], Iterable[Finding]]
    corpus: bool = False  # True: needs corpus statistics and is silent without them

    def run(self, ctx: Context) -> Iterator[Finding]:
        return iter(self.check(self, ctx))

    def finding(self, ctx: Context, start: int, end: int, message: str,
                suggestion: Optional[str] = None, confidence: float = 1.0,
                severity: Optional[Severity] = None) -> Finding:
        return Finding(
            code=self.code, name=self.name, category=self.category,
            severity=severity or self.severity, message=message, start=start, end=end,
            text=ctx.text[start:end], suggestion=suggestion, confidence=confidence,
        )


def per_document(producer: "Callable[[Context], T]") -> "Callable[[Context], T]":
    """Decorator: `producer(ctx)` runs once per document; every later call (from this rule or
    a sibling) gets the same result."""

    @wraps(producer)
    def shared(ctx: Context) -> T:
        return ctx.shared(producer)

    return shared


def rule(code: str, name: str, category: str, severity: str, summary: str, bad: str,
         good: str, corpus: bool = False):
    """Decorator turning a generator function into a Rule."""

    def wrap(fn):
        return Rule(code, name, category, Severity.parse(severity), summary, bad, good, fn,
                    corpus)

    return wrap
