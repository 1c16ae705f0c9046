"""The Auditor: config + gazetteer -> audit(document) -> Report.

This is the one place where rule selection, severity overrides, fix safety, de-duplication
and suppression (inline comments, the accept vocabulary, per-path ignores, the baseline) happen,
like flake8's decision engine; rules themselves only yield findings.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable, Iterable, Iterator, Optional, Sequence

from . import gazetteer_cache, scoring
from .baseline import Baseline, BaselineError
from .config import DEFAULTS, Config, ConfigError, validate
from .corpus import CorpusStats
from .fixes import apply_fixes, fix_safety
from .gazetteer import TABLES, Gazetteer
from .lexicon import Lexicon
from .markdown import prose_text, reanchor
from .model import Document, Finding, Report, Severity
from .rules import ALL_RULES, Rule, by_code
from .rules.base import Context
from .suppression import AcceptList, PathIgnores, inline_regions, read_accept_file

FIX_ROUNDS = 8  # audits per document (and corpus passes) to reach a fixed point


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
        if any(r.category in ("name", "place") for r in self.rules):
            gazetteer_cache.keep(gazetteer, TABLES)  # a large gazetteer: built once per machine
        self._severity = {code: Severity.parse(sev) for code, sev in self.config.severity}
        self._options = {"lang": self.config.lang}
        self._accept, self._path_ignores, self._baseline = _suppressions(self.config)

    # Corpus statistics to use instead of gathering them from the documents audited (loaded
    # with `--corpus-stats FILE`): corpus findings then depend only on that file and the
    # document, however the documents are batched.
    corpus_stats: Optional[CorpusStats] = None

    def __reduce__(self):
        return (Auditor, (self.config, self.gazetteer))

    # ------------------------------------------------------------------ one document
    def context(self, document: Document, corpus=None) -> Context:
        return Context(document, self.gazetteer, self.lexicon, self._options, corpus)

    def audit(self, document: "Document | str", corpus=None) -> Report:
        """The Report for one document. Never raises for a document's sake: a rule that fails
        on it costs that rule's findings and adds an IN02 finding; the run goes on."""
        if isinstance(document, str):
            document = Document(document)
        if document.error is not None:
            return self._input_error(document)
        try:
            return self._audit(document, corpus)
        except Exception as exc:  # noqa: BLE001 - outside the rules: the document is lost
            return self._summary_only(document, [self._note(
                "IN02", f"the audit of this document failed ({type(exc).__name__}); "
                        "a bug in quality, please report it")])

    def _audit(self, document: Document, corpus) -> Report:
        text = prose_text(document)
        original = text
        if "\r" in text:  # old Mac line ends: the rules read them as "\n" (same offsets)
            text = _BARE_CR.sub("\n", text)
            if text == original:
                text = original
        limit = self.config.max_document_size
        windows = list(split_windows(text, limit)) if limit and len(text) > limit else [0]
        findings: list[Finding] = []
        notes: list[Finding] = []
        words, language = 0, None
        for start in windows:
            end = next((w for w in windows if w > start), len(text))
            part = text if len(windows) == 1 else text[start:end]
            doc = document if part is document.text else replace(document, text=part)
            ctx = self.context(doc, corpus)
            for rule in self.rules:
                if rule.corpus and corpus is None:
                    continue
                try:
                    for f in rule.run(ctx):
                        findings.append(self._override(f if not start else
                                                       replace(f, start=f.start + start,
                                                               end=f.end + start)))
                except Exception as exc:  # noqa: BLE001 - one rule must not lose the rest
                    notes.append(self._note(
                        "IN02", f"rule {rule.code} failed on this document "
                                f"({type(exc).__name__}); its findings are missing. A bug in "
                                "quality, please report it"))
            words += len(ctx.words)
            if language is None:
                language = ctx.language
        if len(windows) > 1:
            notes.insert(0, self._note(
                "IN04", f"the document has {len(text):,} characters, over max-document-size "
                        f"({limit:,}): audited in {len(windows)} windows, so checks that read "
                        "the whole document (repeated title, language) saw one window at a time"))
        findings = _dedupe(findings)
        if text is not original:
            findings = [_restore_cr(f, original) for f in findings]
            text = original
        if text is not document.text:  # Markdown: report against the file as it is
            findings = [reanchor(f, document.text) for f in findings]
        findings = self._keep(document, findings)
        value, penalties = scoring.score(findings, words)
        cap = self.config.max_findings
        if cap and len(findings) > cap:
            kept = set(sorted(range(len(findings)), key=lambda i: (
                -findings[i].severity.rank, -findings[i].confidence, i))[:cap])
            dropped = len(findings) - cap
            notes.append(self._note(
                "IN03", f"and {dropped:,} more finding(s) not listed: over max-findings "
                        f"({cap:,}) for one document; the most severe are listed, and the "
                        "score counts them all"))
            findings = [f for i, f in enumerate(findings) if i in kept]
            penalties = tuple(p for i, p in enumerate(penalties) if i in kept)
        notes = [n for n in (self._override(n) for n in notes)
                 if any(r.code == n.code for r in self.rules)]
        if any(n.code == "IN02" for n in notes):
            value = 0.0  # not fully audited
        extra = {"story": corpus.story(document)} if corpus is not None else {}
        return Report(document, tuple(notes) + tuple(findings), value,
                      (0.0,) * len(notes) + tuple(penalties), language, extra)

    def _note(self, code: str, message: str) -> Finding:
        """A finding about the audit itself (IN02-IN04), at the start of the document."""
        r = by_code(code)
        return Finding(r.code, r.name, r.category, r.severity, message, 0, 0, "", None)

    def _summary_only(self, document: Document, notes: list[Finding]) -> Report:
        notes = [self._override(n) for n in notes if any(r.code == n.code for r in self.rules)]
        return Report(document, tuple(notes), 0.0, (0.0,) * len(notes), None)

    def _override(self, f: Finding) -> Finding:
        """The configured severity, and whether the finding's fix is safe (fixes.fix_safety)."""
        if f.suggestion is not None and f.fix_safety is None:
            cfg = self.config
            safety = "unsafe" if matches(f, cfg.extend_unsafe_fixes) else \
                "safe" if matches(f, cfg.extend_safe_fixes) else \
                fix_safety(f, f.code in _CORPUS_CODES)
            f = replace(f, fix_safety=safety)
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

    def _keep(self, document: Document, findings: list[Finding]) -> list[Finding]:
        """The findings nobody asked not to see: not silenced by an inline comment, not
        inside an accepted form, not ignored for this path, not in the baseline."""
        if not findings:
            return findings
        text = document.text
        regions = inline_regions(text) if "<!--" in text else ()
        by_path = self._path_ignores.selectors(document.path)
        accept = self._accept
        if regions or by_path or accept:
            findings = [f for f in findings
                        if not (by_path and matches(f, by_path))
                        and not (accept and accept.covers(text, f.start, f.end))
                        and not any(s <= f.start < e and (not sel or matches(f, sel))
                                    for s, e, sel in regions)]
        if self._baseline is not None:
            findings = self._baseline.new(document, findings)
        return findings

    def _input_error(self, document: Document) -> Report:
        """The unreadable-input finding (IN01) for a document the readers could not produce,
        unless the configuration leaves IN01 out."""
        findings: list = []
        rule = next((r for r in self.rules if r.code == "IN01"), None)
        if rule is not None:
            findings = self._keep(document, [self._override(Finding(
                rule.code, rule.name, rule.category, rule.severity, document.error, 0, 0, "",
                None))])
        value, penalties = scoring.score(findings, 0)
        return Report(document, tuple(findings), value, penalties, None)

    def warm(self) -> "Auditor":
        """Load now what the rules load on first use (the gazetteer index and the rules'
        tables of its names, word frequencies, function-word lists): before forking worker
        processes, so they share one copy. The language detector's profiles (~65 MB) stay
        lazy: English text rarely needs them."""
        from . import langid
        from .rules.language import codemix_languages

        self.gazetteer.is_accepted("warm")
        for name in TABLES:  # the rules' tables of the gazetteer's names
            self.gazetteer.table(name)
        self.lexicon.zipf("warm")
        for lang in codemix_languages() + langid._PROFILE_LANGS:
            langid.top_words(lang)
        return self

    # ------------------------------------------------------------------ many documents
    # ------------------------------------------------------------------ fixing
    def fixed(self, document: Document, corpus=None, rounds: int = FIX_ROUNDS,
              choose: Optional[Callable[[Sequence[Finding]], Sequence[Finding]]] = None) -> str:
        """`document`'s text with its suggested fixes applied (those `choose` picks from the
        findings, all by default), then the fixes of the fixed text, until nothing changes (at
        most `rounds` audits): fixing the result again changes nothing. Every fix counts,
        whatever `max-findings` says."""
        text = document.text
        seen = {text}
        for _ in range(rounds):
            findings = self._uncapped.audit(replace(document, text=text), corpus).findings
            new = apply_fixes(text, choose(findings) if choose else findings)
            if new == text or new in seen:  # done, or fixes that undo each other
                break
            seen.add(new)
            text = new
        return text

    def fixed_texts(self, documents: "Iterable[Document] | Callable[[], Iterable[Document]]",
                    choose=None, rounds: int = FIX_ROUNDS) -> dict[int, str]:
        """{position of a document in `documents`: its fixed text} for the documents fixing
        changes, at a fixed point for the corpus as a whole: with corpus mode on, the
        statistics are gathered again from the fixed texts and the documents fixed again until
        no text changes (at most `rounds` passes), so a second run over the result changes
        nothing. `choose` as for `fixed`."""
        source = documents if callable(documents) else (lambda fixed=list(documents): fixed)
        changed: dict[int, str] = {}

        def current() -> Iterator[Document]:
            for i, doc in enumerate(source()):
                yield doc if i not in changed else replace(doc, text=changed[i])

        for _ in range(rounds if self.config.corpus else 1):
            view = None
            if self.config.corpus:
                stats = self.corpus_stats or self.gather(current())
                view = stats.finalize() if stats.documents > 1 else None
            moved = False
            for i, doc in enumerate(current()):
                if doc.error is not None:
                    continue
                new = self.fixed(doc, view, choose=choose)
                if new != doc.text:
                    changed[i] = new
                    moved = True
            if not moved:
                break
        return changed

    def fix_corpus(self, documents: "Iterable[Document] | Callable[[], Iterable[Document]]",
                   choose=None, rounds: int = FIX_ROUNDS) -> Iterator[tuple[Document, str]]:
        """(document, fixed text) for each document, in order (see fixed_texts)."""
        source = documents if callable(documents) else (lambda fixed=list(documents): fixed)
        changed = self.fixed_texts(source, choose, rounds)
        for i, doc in enumerate(source()):
            yield doc, changed.get(i, doc.text)

    @property
    def _uncapped(self) -> "Auditor":
        if not self.config.max_findings:
            return self
        if self.__dict__.get("_uncapped_auditor") is None:
            self._uncapped_auditor = Auditor(replace(self.config, max_findings=0), self.gazetteer)
        return self._uncapped_auditor

    def gather(self, documents: Iterable[Document]) -> CorpusStats:
        """The first pass: corpus statistics over `documents` (streamed, not kept). A document
        whose statistics cannot be gathered adds none; the audit pass still audits it."""
        stats = CorpusStats()
        for doc in documents:
            try:
                stats.add(doc)
            except Exception:  # noqa: BLE001 - one document must not stop the corpus pass
                continue
        return stats

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
                stats = self.corpus_stats or self.gather(source())
            if stats.documents > 1:
                view = stats.finalize()
        for doc in source():
            yield self.audit(doc, view)


_CORPUS_CODES = frozenset(r.code for r in ALL_RULES if r.corpus)


def _suppressions(config: Config):
    """The accept vocabulary, per-path ignores and baseline a config names; a file that
    cannot be read is a ConfigError naming it."""
    forms = list(config.accept)
    if config.accept_file:
        try:
            forms += read_accept_file(config.accept_file)
        except OSError as exc:
            raise ConfigError(f"{config.accept_file}: cannot read accept file "
                              f"({exc.strerror or exc})") from None
        except UnicodeDecodeError:
            raise ConfigError(f"{config.accept_file}: accept file is not UTF-8 text") from None
    try:
        baseline = Baseline.load(config.baseline) if config.baseline else None
    except BaselineError as exc:
        raise ConfigError(str(exc)) from None
    return AcceptList(forms), PathIgnores(config.per_path_ignores), baseline


_BARE_CR = re.compile(r"\r(?!\n)")


def _restore_cr(f: Finding, original: str) -> Finding:
    """A finding made on the text with bare CRs read as LFs, back on the text as it is: its
    quoted text from the original, and in a file whose every line ends in a bare CR, the
    suggestion's line breaks as CRs."""
    suggestion = f.suggestion
    if suggestion and "\n" in suggestion and "\n" not in original:
        suggestion = suggestion.replace("\n", "\r")
    return replace(f, text=original[f.start:f.end], suggestion=suggestion)


def split_windows(text: str, limit: int) -> Iterator[int]:
    """Start offsets of consecutive windows of at most `limit` characters covering `text`,
    each cut after a blank line, else a line break, else a space, in its last quarter."""
    start = 0
    while True:
        yield start
        if len(text) - start <= limit:
            return
        end = start + limit
        floor = start + limit * 3 // 4
        for sep in ("\n\n", "\n", " "):
            cut = text.rfind(sep, floor, end)
            if cut != -1:
                end = cut + len(sep)
                break
        start = end


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
