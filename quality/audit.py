"""The Auditor: config + gazetteer -> audit(document) -> Report.

This is the one place where rule selection, severity overrides and de-duplication happen
(like flake8's decision engine); rules themselves only yield findings.
"""
from __future__ import annotations

from typing import Iterable, Iterator, Optional, Sequence

from . import scoring
from .config import DEFAULTS, Config
from .gazetteer import Gazetteer
from .lexicon import Lexicon
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
    chosen = [r for r in rules if (not config.select or matches(r, config.select))]
    return tuple(r for r in chosen if not matches(r, config.ignore))


def unknown_selectors(selectors: Sequence[str], rules: Sequence[Rule] = ALL_RULES) -> list[str]:
    return [s for s in selectors if s.strip() and not any(matches(r, [s]) for r in rules)]


class Auditor:
    """Built once (it loads the gazetteer), then used for any number of documents.

    Pickling ships only the config and the gazetteer's sources; each worker process rebuilds
    its indexes on first use.
    """

    def __init__(self, config: Optional[Config] = None, gazetteer: Optional[Gazetteer] = None):
        self.config = config or DEFAULTS
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
        ctx = self.context(document, corpus)
        findings: list[Finding] = []
        for rule in self.rules:
            if rule.corpus and corpus is None:
                continue
            for f in rule.run(ctx):
                findings.append(self._override(f))
        findings = _dedupe(findings)
        value, penalties = scoring.score(findings, len(ctx.tokens))
        return Report(document, tuple(findings), value, penalties, ctx.language_if_known)

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
        f = Finding("IN01", "unreadable-input", "input", Severity.ERROR, document.error,
                    0, 0, "", None)
        value, penalties = scoring.score([f], 0)
        return Report(document, (f,), value, penalties, None)

    # ------------------------------------------------------------------ many documents
    def audit_corpus(self, documents: Iterable[Document]) -> Iterator[Report]:
        """Audit documents one by one, yielding a Report for each as it is done."""
        for doc in documents:
            yield self.audit(doc)


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """Drop exact repeats (same code and span) and sort by position, then code."""
    seen = set()
    out = []
    for f in sorted(findings, key=lambda f: (f.start, f.end, f.code)):
        key = (f.code, f.start, f.end)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def audit(text: "str | Document", config: Optional[Config] = None,
          gazetteer: Optional[Gazetteer] = None) -> Report:
    """Audit one text with a fresh Auditor (build an Auditor yourself to audit many)."""
    return Auditor(config, gazetteer).audit(text)
