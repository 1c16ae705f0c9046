"""One self-contained HTML page for a curator: summary, document table, highlighted documents.

The summary (documents, findings by category and rule, the score histogram as inline SVG, the
worst documents, the corpus-mode evidence) is rendered by a jinja2 template with autoescaping.
The document table and each document's view are drawn on demand by the page's own script from
the data embedded once as JSON, so 10,000 documents cost one JSON parse, not 10,000 rendered
documents. A document's fixed text comes in two versions, as `quality fix` writes it (the safe
fixes) and as `quality fix --unsafe-fixes` does (all of them): the edits of fixes.fix_edits,
which are what apply_fixes splices in.

Safety, for text nobody has vetted:
  * the template autoescapes everything it prints;
  * the data sits in `<script type="application/json">` with `<`, `>` and `&` escaped, so no
    document text can close the element or start markup;
  * the script builds the page with `textContent` and element properties, never with markup
    strings, and makes no link from document text;
  * a Content-Security-Policy meta tag allows only the page's own script and style (by their
    sha256 hashes): no network, no inline handlers, no plugins, no forms.

Size: built for up to 10,000 documents of news length (about 50 MB of text). The page holds
every document's text (the file is about the corpus's size plus a tenth to a third, with the
findings) and the reporter keeps it in memory until the end; for larger corpora use
`--format jsonl`. bench/html_report.py measures both sides at 10,000 documents.
"""
from __future__ import annotations

import base64
import functools
import hashlib
import json
import os
import re
from collections import Counter, defaultdict
from importlib import resources
from typing import TextIO

from .. import __version__
from ..fixes import fix_edits, safe_only
from ..model import CATEGORIES, Report

# The size the page is built and tested for (see the module docstring).
DOCUMENT_LIMIT = 10_000
WORST = 25          # documents listed under "worst documents"
HISTOGRAM_BINS = 10
EVIDENCE_ROWS = 100  # rows per corpus-evidence table (the table finds the rest)


_SCRIPT_UNSAFE = re.compile("[<>&\u2028\u2029\ud800-\udfff]")


def script_json(value) -> str:
    """JSON that is safe as the content of a <script> element: `<`, `>` and `&` escaped, so
    neither `</script>` nor `<!--` can appear in it; U+2028/U+2029 and lone surrogates escaped
    too, so it encodes as UTF-8 and parses anywhere. JSON.parse reads it as is."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return _SCRIPT_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath("assets", name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def _label(path, id_) -> str:
    where = path or "-"
    return where if id_ is None else f"{where}#{id_}"


class HtmlReporter:
    """Encodes each report as it comes (the page's data, one JSON string per document, and a
    few figures for the summary), then writes the page in finish()."""

    def __init__(self, out: TextIO):
        self.out = out
        self.chunks: list[str] = []   # each document's data, as script-safe JSON
        self.docs: list[dict] = []    # what the summary needs of each document
        self.rules: dict[str, tuple[str, str]] = {}  # code -> (name, category)

    def start(self) -> None:
        pass

    def document(self, report: Report) -> None:
        d = report.to_dict()
        text = report.document.text
        findings, evidence = [], []
        for f in d["findings"]:
            self.rules.setdefault(f["code"], (f["name"], f["category"]))
            findings.append([f["code"], f["start"], f["end"], f["severity"], f["message"],
                             f["suggestion"], f["line"], f["column"], f["confidence"],
                             f["penalty"]])
            if f["code"] in _corpus_codes():
                evidence.append((f["code"], f["text"], f["suggestion"], f["message"]))
        story = report.extra.get("story")
        self.chunks.append(script_json({
            "p": d["path"], "i": d["id"], "s": d["score"], "l": d["language"], "t": text,
            "f": findings, "e": fix_edits(text, report.findings),
            "u": fix_edits(text, safe_only(report.findings))}))
        self.docs.append({"label": _label(d["path"], d["id"]), "s": d["score"],
                          "f": [(f[0], f[3]) for f in findings], "g": story, "ev": evidence})

    def finish(self) -> None:
        self.out.write(self.page())

    def page(self) -> str:
        """The whole page for the documents seen so far."""
        import jinja2
        from markupsafe import Markup

        env = jinja2.Environment(
            loader=jinja2.FunctionLoader(_asset), autoescape=True,
            undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        script, style = _asset("report.js"), _asset("report.css")
        if "</" in script + style:  # inlined as is, so they must not end their own element
            raise ValueError("the report's script and style must not contain '</'")
        summary = summarise(self.docs, self.rules)
        head = script_json({"rules": {c: list(v) for c, v in sorted(self.rules.items())},
                            "categories": list(CATEGORIES), "root": summary["root"]})
        data = head[:-1] + ',"docs":[' + ",".join(self.chunks) + "]}"
        return env.get_template("report.html.j2").render(
            summary=summary, version=__version__,
            limit=DOCUMENT_LIMIT, script=Markup(script), style=Markup(style), data=Markup(data),
            script_hash=_sha256(script), style_hash=_sha256(style), categories=CATEGORIES)


@functools.lru_cache(maxsize=1)
def _corpus_codes() -> frozenset:
    from ..rules import ALL_RULES

    return frozenset(r.code for r in ALL_RULES if r.corpus)


def common_folder(labels: list[str]) -> str:
    """The folder every document is under ("corpus/2024/"), left out of the labels shown."""
    prefix = os.path.commonprefix(labels) if labels else ""
    return prefix[:max(prefix.rfind("/"), prefix.rfind("\\")) + 1]


def summarise(docs: list[dict], rules: dict[str, tuple[str, str]]) -> dict:
    """The figures of the summary section, computed once in Python."""
    root = common_folder([d["label"] for d in docs])
    for d in docs:
        d["short"] = d["label"][len(root):]
    by_category: Counter = Counter()
    docs_by_category: Counter = Counter()
    by_rule: Counter = Counter()
    docs_by_rule: Counter = Counter()
    by_severity: Counter = Counter()
    for d in docs:
        cats, codes = set(), set()
        for code, severity in d["f"]:
            cat = rules[code][1]
            by_category[cat] += 1
            by_rule[code] += 1
            by_severity[severity] += 1
            cats.add(cat)
            codes.add(code)
        docs_by_category.update(cats)
        docs_by_rule.update(codes)
    bins = [0] * HISTOGRAM_BINS
    for d in docs:
        bins[min(HISTOGRAM_BINS - 1, int(d["s"] * HISTOGRAM_BINS // 100))] += 1
    order = sorted(range(len(docs)), key=lambda i: (docs[i]["s"], -len(docs[i]["f"]), i))
    worst = [{"n": i, "label": docs[i]["short"], "title": docs[i]["label"], "score": docs[i]["s"],
              "findings": len(docs[i]["f"])} for i in order[:WORST] if docs[i]["s"] < 100]
    scores = sorted(d["s"] for d in docs)
    return {
        "documents": len(docs),
        "root": root,
        "findings": sum(by_category.values()),
        "clean": sum(1 for d in docs if not d["f"]),
        "median": scores[len(scores) // 2] if scores else None,
        "severity": [(s, by_severity[s]) for s in ("error", "warning", "info")],
        "categories": [(c, by_category[c], docs_by_category[c])
                       for c in CATEGORIES if by_category[c]],
        "rules": [(code, rules[code][0], rules[code][1], n, docs_by_rule[code])
                  for code, n in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0]))],
        "histogram": _histogram(bins),
        "worst": worst,
        "evidence": _evidence(docs, rules),
        "over_limit": len(docs) > DOCUMENT_LIMIT,
    }


def _histogram(bins: list[int]) -> dict:
    """Bar geometry for the inline SVG: one bar per 10 score points."""
    width, height, top = 40, 120, max(bins) or 1
    bars = []
    for k, n in enumerate(bins):
        h = round(height * n / top)
        lo = k * 100 // len(bins)
        hi = (k + 1) * 100 // len(bins)
        bars.append({"x": k * width + 4, "y": height - h + 16, "w": width - 8, "h": h, "n": n,
                     "label": f"{lo}", "range": f"{lo}-{hi}", "lx": k * width + width // 2})
    return {"bars": bars, "width": width * len(bins), "height": height + 36,
            "axis": height + 16}


def _evidence(docs: list[dict], rules: dict[str, tuple[str, str]]) -> dict:
    """Corpus-mode evidence: the findings of the corpus rules grouped by what they say
    (consensus spellings, version substitutions, recurring lines), and the story groups."""
    groups: dict[tuple, dict] = {}
    for n, d in enumerate(docs):
        for code, text, suggestion, message in d["ev"]:
            g = groups.get((code, text, suggestion))
            if g is None:
                g = groups[(code, text, suggestion)] = {
                    "code": code, "name": rules[code][0], "text": text,
                    "suggestion": suggestion, "message": message, "docs": []}
            if not g["docs"] or g["docs"][-1][0] != n:
                g["docs"].append((n, d["short"]))
    by_code: dict[str, list] = defaultdict(list)
    for g in sorted(groups.values(), key=lambda g: (-len(g["docs"]), g["code"], g["text"])):
        by_code[g["code"]].append(g)
    stories: dict[str, list] = defaultdict(list)
    for n, d in enumerate(docs):
        if d["g"] is not None:
            stories[d["g"]].append((n, d["short"]))
    story_groups = sorted((m for m in stories.values() if len(m) > 1),
                          key=lambda m: (-len(m), m[0][0]))
    return {"rules": [(code, rules[code][0], rows[:EVIDENCE_ROWS], len(rows))
                      for code, rows in sorted(by_code.items())],
            "stories": story_groups[:EVIDENCE_ROWS], "story_count": len(story_groups)}
