"""The shape every rule has: metadata plus a pure generator over one document's Context."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Optional

from ..model import Document, Finding, Severity
from .. import text as textmod

if TYPE_CHECKING:  # pragma: no cover
    from ..corpus import CorpusStats
    from ..gazetteer import Gazetteer
    from ..lexicon import Lexicon


class Context:
    """What a rule may look at for one document. Derived views are computed once, on demand."""

    def __init__(self, document: Document, gazetteer: "Gazetteer", lexicon: "Lexicon",
                 options: Optional[dict] = None, corpus: "Optional[CorpusStats]" = None):
        self.document = document
        self.text = document.text
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        self.options = options or {}
        self.corpus = corpus
        # Results shared by sibling rules (NM01 and PL03 read one computation); keyed by the
        # producing function, filled on first use. Deterministic, like everything here.
        self.memo: dict = {}

    @cached_property
    def tokens(self) -> list[textmod.Token]:
        return textmod.tokens(self.text)

    @cached_property
    def lines(self) -> list[tuple[int, int]]:
        return textmod.line_spans(self.text)

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
    def token_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for t in self.tokens:
            counts[t.text] = counts.get(t.text, 0) + 1
        return counts

    @cached_property
    def language(self) -> Optional[str]:
        """The document's main language (ISO 639-1), or None when there is too little text."""
        from ..langid import detect_language

        return detect_language(self.text)

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


def rule(code: str, name: str, category: str, severity: str, summary: str, bad: str,
         good: str, corpus: bool = False):
    """Decorator turning a generator function into a Rule."""

    def wrap(fn):
        return Rule(code, name, category, Severity.parse(severity), summary, bad, good, fn,
                    corpus)

    return wrap
