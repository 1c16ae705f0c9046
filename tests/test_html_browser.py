"""The HTML report in a real headless Chromium (Debian's chromium + chromium-driver, driven by
selenium): the seeds plus a hostile document, checked from the live DOM.

Skips with a reason when no browser is installed (fails instead when QUALITY_REQUIRE_BROWSER
is set, as .ci/run sets it). Screenshots go to the test's temporary folder,
or to the folder named by QUALITY_SCREENSHOTS (the README's image is made that way).
"""
import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from quality.cli import cli as main
from tests.helpers import SEEDS

HOSTILE = """Envoy Steve Whitkov met officials in Kiev on Friday, the ministry said.
<script>window.__pwned = 1; alert(1)</script>
"><img src=x onerror="window.__pwned = 2; alert(2)">
</script><script>window.__pwned = 3</script><!--
Read more: javascript:window.__pwned=4 and <a href="javascript:window.__pwned=5">this link</a>.
<svg onload="window.__pwned = 6"></svg> ${window.__pwned = 7} {{7*7}}
"""
HOSTILE_NAME = '"><img src=x onerror=alert(3)>.txt'

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1400,1000")


def _browser():
    chromium = next(filter(None, map(shutil.which, ("chromium", "chromium-browser",
                                                    "google-chrome"))), None)
    driver = shutil.which("chromedriver")
    if not chromium or not driver:
        if os.environ.get("QUALITY_REQUIRE_BROWSER"):
            pytest.fail("QUALITY_REQUIRE_BROWSER is set but chromium or chromedriver is missing")
        pytest.skip("no headless browser: install chromium and chromium-driver "
                    "(apt-get install chromium chromium-driver) to run the HTML report tests")
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed "
                                    "(pip install -e '.[test]')")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in FLAGS:
        options.add_argument(flag)
    profile = tempfile.mkdtemp(prefix="quality-chromium-")
    options.add_argument(f"--user-data-dir={profile}")
    return webdriver.Chrome(service=Service(executable_path=driver), options=options), profile


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The seeds, the hostile document, the report and the JSON findings of the same run."""
    folder = tmp_path_factory.mktemp("corpus")
    for p in sorted(SEEDS.glob("*.txt")):
        shutil.copy(p, folder / p.name)
    (folder / HOSTILE_NAME).write_text(HOSTILE, encoding="utf-8")
    report = folder.parent / "report.html"
    run = CliRunner().invoke(main, ["lint", "--format", "html", "-o", str(report), str(folder)])
    assert run.exit_code == 1, run.output
    run = CliRunner().invoke(main, ["lint", "--format", "json", str(folder)])
    docs = json.loads(run.output)["documents"]
    for d in docs:
        d["text"] = Path(d["path"]).read_text(encoding="utf-8")
    return report, docs


@pytest.fixture(scope="module")
def browser(corpus):
    driver, profile = _browser()
    driver.get(corpus[0].as_uri())
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def js(driver, script, *args):
    return driver.execute_script(script, *args)


def open_hash(driver, fragment):
    js(driver, "location.hash = arguments[0]", fragment)


def rows(driver):
    return js(driver, "return Array.from(document.querySelectorAll('#doctable tbody tr'))"
                      ".map(tr => [tr.cells[1].textContent, +tr.cells[2].textContent,"
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
    labels = js(browser, "return Array.from(document.querySelectorAll('#documents a[href^=\"#doc-\"]'))"
                         ".map(a => a.textContent)")
    assert sorted(labels) == sorted(d["path"] for d in docs)
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
    assert js(browser, "return document.getElementById('count').textContent") == "1 of 6 documents match"
    js(browser, "document.getElementById('reset').click()")
    assert len(rows(browser)) == len(docs)


def test_details_on_focus_and_the_fixed_text(browser, corpus, tmp_path):
    _, docs = corpus
    n = next(n for n, d in enumerate(docs) if "Whitkov" in d["text"] and "Kloge" in d["text"])
    open_hash(browser, f"#doc-{n}")
    mark = js(browser, "return Array.from(document.querySelectorAll('#original mark.hl'))"
                       ".find(m => m.textContent === 'Whitkov')")
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(browser).move_to_element(mark).perform()
    tip = js(browser, "const t = document.getElementById('tip'); return [t.hidden, t.textContent]")
    assert tip[0] is False
    for part in ("NM01", "name-misspelling", "Whitkov", "Witkoff", "Evidence", "Suggestion"):
        assert part in tip[1]
    style = js(browser, "return getComputedStyle(arguments[0]).textDecorationStyle", mark)
    assert style == "solid"  # the page's style sheet applied under its CSP
    assert js(browser, "return document.getElementById('fixed-pane').hidden") is True
    js(browser, "document.getElementById('fixed-toggle').click()")
    fixed = js(browser, "return [document.getElementById('fixed').textContent,"
                        " Array.from(document.querySelectorAll('#fixed ins')).map(e => e.textContent)]")
    assert "Witkoff" in fixed[0] and "Whitkov" not in fixed[0]
    assert "Witkoff" in fixed[1] and "Kyiv" in fixed[1]
    js(browser, "arguments[0].scrollIntoView({block: 'center'})", mark)
    ActionChains(browser).move_to_element(mark).perform()
    screenshot(browser, "html-report-document.png", tmp_path)
    js(browser, "document.getElementById('fixed-toggle').click()")
    open_hash(browser, "")
    js(browser, "window.scrollTo(0, 0)")
    assert screenshot(browser, "html-report-summary.png", tmp_path).stat().st_size > 10_000
