"""The HTML report in a real headless Chromium (Debian's chromium + chromium-driver, driven by
selenium): the seeds plus a hostile document, checked from the live DOM.

Skips with a reason when no browser is installed (fails instead when QUALITY_REQUIRE_BROWSER
is set, as .ci/run sets it). Screenshots go to the test's temporary folder,
or to the folder named by QUALITY_SCREENSHOTS (the README's image is made that way).
"""
import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from quality.cli import cli as main
from quality.reporters.html import HtmlReporter
from tests import chromium as chromium_browser
from tests.helpers import SEEDS

HOSTILE = """Envoy Steve Whitkov met officials in Kiev on Friday, the ministry said.
<script>window.__pwned = 1; alert(1)</script>
"><img src=x onerror="window.__pwned = 2; alert(2)">
</script><script>window.__pwned = 3</script><!--
Read more: javascript:window.__pwned=4 and <a href="javascript:window.__pwned=5">this link</a>.
<svg onload="window.__pwned = 6"></svg> ${window.__pwned = 7} {{7*7}}
"""
HOSTILE_NAME = '"><img src=x onerror=alert(3)>.txt'

def _browser():
    chromium, driver = chromium_browser.find()
    if not chromium or not driver:
        if os.environ.get("QUALITY_REQUIRE_BROWSER"):
            pytest.fail("QUALITY_REQUIRE_BROWSER is set but chromium or chromedriver is missing")
        pytest.skip("no headless browser: install chromium and chromium-driver "
                    "(apt-get install chromium chromium-driver) to run the HTML report tests")
    pytest.importorskip("selenium.webdriver", reason="selenium is not installed "
                        "(pip install -e '.[test]')")
    return chromium_browser.start(chromium, driver, "quality-chromium-", log=True)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The seeds, the hostile document, the report and the JSON findings of the same run
    (run from the folder above the corpus, so the paths read corpus/...)."""
    base = tmp_path_factory.mktemp("report")
    folder = base / "corpus"
    folder.mkdir()
    for p in sorted(SEEDS.glob("*.txt")):
        shutil.copy(p, folder / p.name)
    (folder / HOSTILE_NAME).write_text(HOSTILE, encoding="utf-8")
    (folder / "undecodable.txt").write_bytes(b"caf\xe9 \xff\xfe\n")  # an IN01 finding at 0:0
    report = base / "report.html"
    cwd = os.getcwd()
    os.chdir(base)
    try:
        run = CliRunner().invoke(main, ["lint", "--format", "html", "-o", "report.html", "corpus"])
        assert run.exit_code == 1, run.output
        run = CliRunner().invoke(main, ["lint", "--format", "json", "corpus"])
    finally:
        os.chdir(cwd)
    docs = json.loads(run.stdout)["documents"]
    for d in docs:
        raw = (base / d["path"]).read_bytes()
        d["text"] = "" if d["path"].endswith("undecodable.txt") else raw.decode("utf-8")
    return report, docs


@pytest.fixture(scope="module")
def browser(corpus):
    driver, profile = _browser()
    load(driver, corpus[0])
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def findings_of(doc, unsafe):
    """The JSON findings as Findings: those with a safe fix, or with unsafe=True all."""
    from quality import Finding, Severity

    return [Finding(f["code"], f["name"], f["category"], Severity(f["severity"]), f["message"],
                    f["start"], f["end"], f["text"], f["suggestion"])
            for f in doc["findings"] if unsafe or f.get("fix_safety") == "safe"]


def apply_fixes_of(doc, unsafe=False):
    """What `quality fix` (or with unsafe=True `quality fix --unsafe-fixes`) writes, through
    the library's apply_fixes."""
    from quality import apply_fixes

    return apply_fixes(doc["text"], findings_of(doc, unsafe))


def edits_of(doc, unsafe=False):
    from quality.fixes import fix_edits

    return fix_edits(doc["text"], findings_of(doc, unsafe))


def fixed_text(driver):
    """The fixed pane's text without the deletions it shows struck through."""
    return js(driver, "const c = document.getElementById('fixed').cloneNode(true);"
                      "c.querySelectorAll('del').forEach(e => e.remove()); return c.textContent")


def load(driver, path):
    """Open the page at `path` and wait until its script has drawn it."""
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(path.as_uri())
    WebDriverWait(driver, 30).until(lambda d: d.execute_script(
        "return location.pathname.endsWith(arguments[0]) &&"
        " document.documentElement.dataset.ready === 'true'", path.name))


def js(driver, script, *args):
    return driver.execute_script(script, *args)


def open_hash(driver, fragment):
    """Go to #fragment and wait for the page's hashchange handler to have run."""
    driver.execute_async_script("""
        const target = arguments[0], done = arguments[arguments.length - 1];
        if (location.hash === target) { done(); return; }
        window.addEventListener("hashchange", () => setTimeout(done, 0), {once: true});
        location.hash = target;""", fragment)


def rows(driver):
    return js(driver, "return Array.from(document.querySelectorAll('#doctable tbody tr'))"
                      ".map(tr => [tr.cells[1].firstChild.title, +tr.cells[2].textContent,"
                      " +tr.cells[3].textContent])")


def screenshot(driver, name, tmp_path):
    folder = Path(os.environ.get("QUALITY_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    assert driver.save_screenshot(str(folder / name))
    return folder / name


def test_injected_script_never_runs(browser, corpus):
    _, docs = corpus
    assert js(browser, "return document.documentElement.dataset.ready") == "true"
    n = [Path(d["path"]).name for d in docs].index(HOSTILE_NAME)
    open_hash(browser, f"#doc-{n}")
    hostile = js(browser, "return document.getElementById('doc-title').textContent")
    assert hostile == docs[n]["path"]
    assert js(browser, "return document.getElementById('original').textContent") == HOSTILE
    assert js(browser, "return window.__pwned") is None  # and no alert: selenium would raise
    assert js(browser, "return document.images.length + document.querySelectorAll("
                       "'script').length + document.querySelectorAll('#original *:not(mark)')"
                       ".length + document.querySelectorAll('[href^=\"javascript\"]').length") == 2
    open_hash(browser, "")


def test_each_finding_is_highlighted_at_its_text(browser, corpus):
    _, docs = corpus
    assert sorted(r[0] for r in rows(browser)) == sorted(d["path"] for d in docs)
    for n, d in enumerate(docs):  # the page keeps the order of the run
        open_hash(browser, f"#doc-{n}")
        assert js(browser, "return document.getElementById('doc-title').textContent") == d["path"]
        shown = js(browser, """
            const marks = Array.from(document.querySelectorAll('#original mark.hl'));
            const found = {};
            for (const m of marks)
                for (const k of m.dataset.f.split(' '))
                    (found[k] = found[k] || []).push(m.textContent);
            return [document.getElementById('original').textContent,
                    Object.keys(found).length ? found : null];""")
        assert shown[0] == d["text"]
        highlighted = shown[1] or {}
        assert len(highlighted) == len(d["findings"]), d["path"]
        for k, f in enumerate(d["findings"]):
            assert "".join(highlighted[str(k)]) == f["text"], (d["path"], f)
    open_hash(browser, "")


def test_sorting_and_filtering_change_the_table(browser, corpus):
    _, docs = corpus
    open_hash(browser, "#documents")
    start = rows(browser)
    assert [r[1] for r in start] == sorted(r[1] for r in start)  # worst first
    js(browser, "document.querySelector('th[data-sort=score] button').click()")
    assert [r[1] for r in rows(browser)] == sorted((r[1] for r in start), reverse=True)
    js(browser, "document.querySelector('th[data-sort=findings] button').click()")
    assert [r[2] for r in rows(browser)] == sorted((r[2] for r in start), reverse=True)

    def choose(select, value):
        js(browser, "const s = document.getElementById(arguments[0]); s.value = arguments[1];"
                    "s.dispatchEvent(new Event('change'))", select, value)
        return sorted(r[0] for r in rows(browser))

    def having(pred):
        return sorted(d["path"] for d in docs if any(pred(f) for f in d["findings"]))

    assert choose("f-cat", "boilerplate") == having(lambda f: f["category"] == "boilerplate")
    assert 0 < len(choose("f-cat", "boilerplate")) < len(docs)
    assert choose("f-cat", "") == sorted(d["path"] for d in docs)
    assert choose("f-rule", "NM01") == having(lambda f: f["code"] == "NM01")
    choose("f-rule", "")
    assert choose("f-sev", "info") == having(lambda f: f["severity"] == "info")
    js(browser, "document.getElementById('reset').click()")
    js(browser, "const q = document.getElementById('q'); q.value = 'Whitker';"
                "q.dispatchEvent(new Event('input'))")
    assert [r[0] for r in rows(browser)] == [d["path"] for d in docs if "Whitker" in d["text"]]
    assert js(browser, "return document.getElementById('count').textContent") == \
        f"1 of {len(docs)} documents match"
    js(browser, "document.getElementById('reset').click()")
    assert len(rows(browser)) == len(docs)
    band = max(range(10), key=lambda k: sum(min(9, int(d["score"] // 10)) == k for d in docs))
    js(browser, "document.querySelector('#histogram .bar[data-band=\"' + arguments[0] + '\"]')"
                ".dispatchEvent(new MouseEvent('click'))", str(band))
    assert sorted(r[0] for r in rows(browser)) == sorted(
        d["path"] for d in docs if min(9, int(d["score"] // 10)) == band)
    assert js(browser, "return location.hash") == "#documents"
    js(browser, "document.getElementById('reset').click()")


def test_details_on_focus_and_the_fixed_text(browser, corpus, tmp_path):
    _, docs = corpus
    n = next(n for n, d in enumerate(docs) if "Whitkov" in d["text"] and "Kloge" in d["text"])
    open_hash(browser, f"#doc-{n}")
    mark = js(browser, "return Array.from(document.querySelectorAll('#original mark.hl'))"
                       ".find(m => m.textContent === 'Whitkov')")
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    ActionChains(browser).move_to_element(mark).perform()
    tip = js(browser, "const t = document.getElementById('tip'); return [t.hidden, t.textContent]")
    assert tip[0] is False
    for part in ("NM01", "name-misspelling", "Whitkov", "Witkoff", "Evidence", "Suggestion"):
        assert part in tip[1]
    js(browser, "document.getElementById('tip').hidden = true;"
                "document.getElementById('unsafe-toggle').focus()")
    browser.switch_to.active_element.send_keys(Keys.TAB)  # the first highlight, by keyboard
    tip = js(browser, "const t = document.getElementById('tip');"
                      "return [t.hidden, t.textContent, document.activeElement.dataset.f]")
    assert tip[0] is False and tip[2] == "0" and docs[n]["findings"][0]["code"] in tip[1]
    style = js(browser, "return getComputedStyle(arguments[0]).textDecorationStyle", mark)
    assert style == "solid"  # the page's style sheet applied under its CSP
    assert js(browser, "return document.getElementById('fixed-pane').hidden") is True
    js(browser, "document.getElementById('fixed-toggle').click()")
    fixed = [fixed_text(browser),
             js(browser, "return Array.from(document.querySelectorAll('#fixed ins'))"
                         ".map(e => e.textContent)")]
    assert "Witkoff" in fixed[0] and "Whitkov" not in fixed[0]
    assert "Witkoff" in fixed[1] and "Kyiv" in fixed[1]
    assert fixed[0] == apply_fixes_of(docs[n])
    js(browser, "arguments[0].scrollIntoView({block: 'center'})", mark)
    ActionChains(browser).move_to_element(mark).perform()
    screenshot(browser, "html-report-document.png", tmp_path)
    js(browser, "document.getElementById('fixed-toggle').click()")
    assert js(browser, "return document.title").startswith(Path(docs[n]["path"]).name)
    following = js(browser, "return document.getElementById('next-doc').getAttribute('href')")
    if following:  # the key n opens the next document of the table
        browser.execute_async_script("""
            const done = arguments[arguments.length - 1];
            window.addEventListener("hashchange", () => setTimeout(done, 0), {once: true});
            document.body.dispatchEvent(new KeyboardEvent("keydown", {key: "n", bubbles: true}));""")
        title = js(browser, "return document.getElementById('doc-title').textContent")
        assert following != f"#doc-{n}" and title == docs[int(following[5:])]["path"]
    open_hash(browser, "")
    js(browser, "window.scrollTo(0, 0)")
    assert screenshot(browser, "html-report-summary.png", tmp_path).stat().st_size > 10_000


def test_deletions_are_marked_in_the_fixed_text(browser, corpus):
    _, docs = corpus
    for n, d in enumerate(docs):
        open_hash(browser, f"#doc-{n}")
        js(browser, "const t = document.getElementById('fixed-toggle'); if (!t.checked) t.click()")
        assert fixed_text(browser) == apply_fixes_of(d), d["path"]  # quality fix
        js(browser, "document.getElementById('unsafe-toggle').click()")
        assert fixed_text(browser) == apply_fixes_of(d, unsafe=True), d["path"]
        deleted = js(browser, "return Array.from(document.querySelectorAll('#fixed del'))"
                              ".map(e => e.textContent)")
        assert sum(e[2] == "" for e in edits_of(d, unsafe=True)) == len(deleted)
        unsafe = js(browser, "return document.querySelectorAll('#fixed .unsafe').length")
        assert unsafe == len(set(edits_of(d, unsafe=True)) - set(edits_of(d)))
        if "You may also like" in d["text"]:  # boilerplate deletions are unsafe fixes
            assert any(x.startswith("You may also like") for x in deleted) and unsafe
        js(browser, "document.getElementById('unsafe-toggle').click()")
    js(browser, "document.getElementById('fixed-toggle').click()")
    open_hash(browser, "")


def test_a_large_report_is_paged(browser, corpus, tmp_path):
    """250 documents (the seeds' reports under new names): the table shows 100 at a time."""
    from dataclasses import replace

    from quality import Auditor, Config, Document

    auditor = Auditor(Config(corpus=False))
    seeds = [auditor.audit(Document(p.read_text(encoding="utf-8"), path=p.name))
             for p in sorted(SEEDS.glob("*.txt"))]
    reporter = HtmlReporter(None)
    for i in range(250):
        r = seeds[i % len(seeds)]
        reporter.document(replace(r, document=replace(r.document, path=f"d{i:03d}.txt")))
    page = tmp_path / "big.html"
    page.write_text(reporter.page(), encoding="utf-8")
    load(browser, page)
    first = rows(browser)
    assert len(first) == 100 and js(browser, "return document.getElementById('page')"
                                             ".textContent") == "page 1 of 3"
    js(browser, "document.getElementById('next-page').click()")
    second = rows(browser)
    assert len(second) == 100 and not {r[0] for r in first} & {r[0] for r in second}
    js(browser, "const q = document.getElementById('q'); q.value = 'd24';"
                "q.dispatchEvent(new Event('input'))")
    assert sorted(r[0] for r in rows(browser)) == [f"d24{i}.txt" for i in range(10)]
    load(browser, corpus[0])  # back to the main report for any later test


def test_no_script_error_or_policy_violation(browser, corpus):
    """Runs last: everything the other tests did left nothing in the console (a style or
    script the Content-Security-Policy blocks, or an exception, would be logged)."""
    load(browser, corpus[0])
    assert [e["message"] for e in browser.get_log("browser") if e["level"] != "INFO"] == []
