"""The HTML report without a browser: escaping, the Content-Security-Policy hashes, the summary,
the fixed text. tests/test_html_browser.py drives the page in a real Chromium."""
import base64
import hashlib
import json
import re

import pytest
from click.testing import CliRunner

from quality import Auditor, Document, apply_fixes
from quality.cli import cli as main
from quality.reporters.html import HtmlReporter, script_json
from tests.helpers import SEEDS

HOSTILE = [
    "<script>window.__pwned = 1</script>",
    '"><img src=x onerror=alert(1)>',
    "</script><script>window.__pwned = 2</script>",
    "<!-- <script>",
    "javascript:alert(1)",
    "\u2028\u2029 & &amp; \ud800 \U0001f600",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_script_json_cannot_leave_its_element(value):
    text = script_json({"t": value, value: [value]})
    assert not set(text) & set("<>&\u2028\u2029")
    text.encode("utf-8")  # no lone surrogates
    assert json.loads(text) == {"t": value, value: [value]}


_AUDITOR = []


def auditor():
    if not _AUDITOR:
        _AUDITOR.append(Auditor())
    return _AUDITOR[0]


def page_of(texts, corpus=True):
    auditor_ = auditor()
    docs = [Document(t, path=f"doc{i}.txt") for i, t in enumerate(texts)]
    reports = list(auditor_.audit_corpus(docs)) if corpus else [auditor_.audit(d) for d in docs]
    reporter = HtmlReporter(None)
    for r in reports:
        reporter.document(r)
    return reporter.page(), reports


def inline(page, tag):
    return re.findall(rf"<{tag}>(.*?)</{tag}>", page, re.S)


def test_csp_allows_exactly_the_inline_script_and_style():
    page, _ = page_of(["Steve Whitkov arrived in Kiev on Friday for talks with officials."])
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp
    (script,), (style,) = inline(page, "script"), inline(page, "style")
    for body, directive in ((script, "script-src"), (style, "style-src")):
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"{directive} 'sha256-{digest}'" in csp


def test_hostile_text_is_data_never_markup():
    texts = ["\n".join(HOSTILE) + "\nEnvoy Steve Whitkov met officials in Kiev on Friday.",
             'Read more at <a href="javascript:alert(1)">here</a> about Kiev.']
    page, _ = page_of(texts)
    assert page.count("<script") == 2  # the data element and the page's own script
    assert "<img" not in page and "__pwned" in page  # the payload is there, as escaped data
    markup = re.sub(r"<script[^>]*>.*?</script>", "", page, flags=re.S)
    assert not re.search(r"\b(?:src|action|on[a-z]+)\s*=", markup)
    assert set(re.findall(r'\bhref="(.)', markup)) == {"#"}  # links only within the page
    data = re.search(r'<script type="application/json" id="quality-data">(.*?)</script>',
                     page, re.S).group(1)
    assert [d["t"] for d in json.loads(data)["docs"]] == texts


def test_paths_are_escaped_in_the_summary():
    reporter = HtmlReporter(None)
    report = auditor().audit(Document("Envoy Steve Whitkov arrived in Kiev.",
                                      path='"><img src=x onerror=alert(1)>.txt'))
    reporter.document(report)
    page = reporter.page()
    assert "<img" not in page and "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;.txt" in page


def test_summary_counts_histogram_and_fix_edits():
    texts = ["Envoy Steve Whitkov arrived in Kiev on Friday for talks with officials.",
             "The talks in Istanbul ended on Friday without a deal, officials said."]
    page, reports = page_of(texts, corpus=False)
    data = json.loads(re.search(r'id="quality-data">(.*?)</script>', page, re.S).group(1))
    doc = data["docs"][0]
    assert doc["s"] == reports[0].score and len(doc["f"]) == len(reports[0].findings)
    fixed, pos = "", 0
    for start, end, new in doc["e"]:
        fixed, pos = fixed + doc["t"][pos:start] + new, end
    assert fixed + doc["t"][pos:] == apply_fixes(texts[0], reports[0].findings)
    assert "Witkoff" in fixed and "Kyiv" in fixed
    bars = re.findall(r"<title>score (\d+)-(\d+): (\d+) document", page)
    assert len(bars) == 10 and sum(int(n) for *_, n in bars) == 2
    assert bars[-1][2] == "1"  # the clean document is in the top band
    assert 'href="#doc-0"' in page and 'href="#doc-1"' not in page  # worst list: not clean ones


def test_corpus_evidence_lists_story_groups():
    page, reports = page_of([p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))])
    assert len({r.extra["story"] for r in reports}) == 1
    assert "5 versions:" in page and "version-substitution" in page and "<q>Epirus</q>" in page


def test_cli_writes_html_to_the_output_file(tmp_path):
    out = tmp_path / "report.html"
    out.write_text("old report")
    result = CliRunner().invoke(main, ["lint", "--format", "html", "-o", str(out), str(SEEDS)])
    assert result.exit_code == 1, result.output
    assert result.stdout == "" and "47 finding(s)" in result.stderr
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "quality report: 5 documents" in page
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]  # no temporary file left


def test_cli_output_into_a_missing_folder_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(main, ["lint", "--format", "html", "-o",
                                       str(tmp_path / "no" / "report.html"), str(SEEDS)])
    assert result.exit_code == 2 and "cannot write" in result.output


def test_an_empty_run_still_makes_a_page(tmp_path):
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["lint", "--format", "html", "-o", str(out), str(tmp_path)])
    assert result.exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert "quality report: 0 documents" in page and "No documents." in page


@pytest.mark.parametrize("labels, folder", [
    (["corpus/a/x.txt", "corpus/a/y.txt", "corpus/b/z.txt"], "corpus/"),
    (["corpus/ab.txt", "corpus/ac.txt"], "corpus/"),
    (["seeds/one.txt"], "seeds/"),
    (["news.jsonl#1", "news.jsonl#2"], ""),
    (["data/news.jsonl#1", "data/news.jsonl#2"], "data/"),
    (["C:\\corpus\\a.txt", "C:\\corpus\\b.txt"], "C:\\corpus\\"),
    (["-"], ""),
    ([], ""),
])
def test_common_folder_is_left_out_of_the_names(labels, folder):
    from quality.reporters.html import common_folder

    assert common_folder(labels) == folder
