"""The Auditor: config + gazetteer -> audit(document) -> Report.

This is the one place where rule selection, severity overrides and de-duplication happen
(like flake8's decision engine); rules themselves only yield findings.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Callable, Iterable, Iterator, Optional, Sequence

from . import scoring
from .config import DEFAULTS, Config, validate
from .corpus import CorpusStats
from .gazetteer import Gazetteer
from .lexicon import Lexicon
from .markdown import prose_text, reanchor
from .model import Document, Finding, Report, Severity
from .rules import ALL_RULES, Rule
from .rules.base import Context


def matches(rule: Rule, selectors: Sequence[str]) -> bool:
    """A selector is a rule code (NM01), a rule name (name-misspelling), a code prefix (NM),
    or a category (name)."""
    for sel in selectors:
        s = sel.strip()
        if not s:
            continue
        if s.upper() == rule.code or s.lower() == rule.name or s.lower() == rule.category:
            return True
        if s.isalnum() and rule.code.startswith(s.upper()):
            return True
    return False


def select_rules(config: Config, rules: Sequence[Rule] = ALL_RULES) -> tuple[Rule, ...]:
    """The rules `select` names (all when empty), minus those `ignore` names. Unreadable
    input (IN01) is always reported unless ignored by name: a file that could not be read
    must not vanish because other rules were selected."""
    chosen = [r for r in rules
              if not config.select or matches(r, config.select) or r.category == "input"]
    return tuple(r for r in chosen if not matches(r, config.ignore))


def unknown_selectors(selectors: Sequence[str], rules: Sequence[Rule] = ALL_RULES) -> list[str]:
    return [s for s in selectors if s.strip() and not any(matches(r, [s]) for r in rules)]


class Auditor:
    """Built once (it loads the gazetteer), then used for any number of documents.

    Pickling ships only the config and the gazetteer's sources; each worker process rebuilds
    its indexes on first use.
    """

    def __init__(self, config: Optional[Config] = None, gazetteer: Optional[Gazetteer] = None):
        self.config = validate(config or DEFAULTS, "configuration")  # ConfigError if bad
        if gazetteer is None:
            gazetteer = Gazetteer.load(self.config.gazetteer, builtin=self.config.builtin_gazetteer)
        self.gazetteer = gazetteer
        self.lexicon = Lexicon("en")
        self.rules = select_rules(self.config)
        self._severity = {code: Severity.parse(sev) for code, sev in self.config.severity}
        self._options = {"lang": self.config.lang}

    def __reduce__(self):
        return (Auditor, (self.config, self.gazetteer))

    # ------------------------------------------------------------------ one document
    def context(self, document: Document, corpus=None) -> Context:
        return Context(document, self.gazetteer, self.lexicon, self._options, corpus)

    def audit(self, document: "Document | str", corpus=None) -> Report:
        if isinstance(document, str):
            document = Document(document)
        if document.error is not None:
            return self._input_error(document)
        text = prose_text(document)
        ctx = self.context(document if text is document.text else replace(document, text=text),
                           corpus)
        findings: list[Finding] = []
        for rule in self.rules:
            if rule.corpus and corpus is None:
                continue
            for f in rule.run(ctx):
                findings.append(self._override(f))
        findings = _dedupe(findings)
        if text is not document.text:  # Markdown: report against the file as it is
            findings = [reanchor(f, document.text) for f in findings]
        value, penalties = scoring.score(findings, len(ctx.tokens))
        extra = {"story": corpus.story(document)} if corpus is not None else {}
        return Report(document, tuple(findings), value, penalties, ctx.language, extra)

    def _override(self, f: Finding) -> Finding:
        if not self._severity:
            return f
        best = None
        for key, sev in self._severity.items():
            k = key.upper()
            if f.code == k or f.name == key.lower() or f.category == key.lower() or (
                    k.isalnum() and f.code.startswith(k)):
                if best is None or len(key) > len(best[0]):
                    best = (key, sev)
        return f.with_severity(best[1]) if best else f

    def _input_error(self, document: Document) -> Report:
        """The unreadable-input finding (IN01) for a document the readers could not produce,
        unless the configuration leaves IN01 out."""
        findings: tuple = ()
        rule = next((r for r in self.rules if r.code == "IN01"), None)
        if rule is not None:
            findings = (self._override(Finding(rule.code, rule.name, rule.category,
                                               rule.severity, document.error, 0, 0, "", None)),)
        value, penalties = scoring.score(list(findings), 0)
        return Report(document, findings, value, penalties, None)

    def warm(self) -> "Auditor":
        """Load now what the rules load on first use (the gazetteer index, word frequencies,
        function-word lists, the language detector): before forking worker processes, so they
        share one copy."""
        from . import langid
        from .rules.language import codemix_languages

        self.gazetteer.is_accepted("warm")
        self.lexicon.zipf("warm")
        for lang in codemix_languages() + langid._PROFILE_LANGS:
            langid.top_words(lang)
        langid._detector()
        return self

    # ------------------------------------------------------------------ many documents
    def gather(self, documents: Iterable[Document]) -> CorpusStats:
        """The first pass: corpus statistics over `documents` (streamed, not kept)."""
        return CorpusStats().add_all(documents)

    def audit_corpus(self, documents: "Iterable[Document] | Callable[[], Iterable[Document]]",
                     stats: Optional[CorpusStats] = None) -> Iterator[Report]:
        """Audit many documents, yielding a Report for each as it is done.

        With corpus mode on (the default) and more than one document, a first pass gathers
        CorpusStats and the second pass audits each document with that evidence. Pass a
        callable returning a fresh iterable (e.g. `lambda: read_documents(paths)`) to stream
        both passes without holding the corpus in memory; a one-shot iterator is buffered.
        Pass `stats` (e.g. merged from several workers, or loaded) to skip the first pass."""
        if callable(documents):
            source = documents
        else:
            if not isinstance(documents, (list, tuple)):
                documents = list(documents) if self.config.corpus else documents
            fixed = documents
            source = lambda: fixed  # noqa: E731
        view = None
        if self.config.corpus:
            if stats is None:
                stats = self.gather(source())
            if stats.documents > 1:
                view = stats.finalize()
        for doc in source():
            yield self.audit(doc, view)


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """One finding per (category, span): two rules reporting the same problem (NM01 from the
    gazetteer and NM11 from the corpus, say) keep the more confident, then the lower code.
    The result is sorted by position, then code."""
    best: dict[tuple, Finding] = {}
    for f in findings:
        key = (f.category, f.start, f.end)
        old = best.get(key)
        if old is None or (-f.confidence, f.code) < (-old.confidence, old.code):
            best[key] = f
    return sorted(best.values(), key=lambda f: (f.start, f.end, f.code))


def audit(text: "str | Document", config: Optional[Config] = None,
          gazetteer: Optional[Gazetteer] = None) -> Report:
    """Audit one text with a fresh Auditor (build an Auditor yourself to audit many)."""
    return Auditor(config, gazetteer).audit(text)
