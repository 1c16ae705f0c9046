#!/usr/bin/env python3
"""The HTML report at scale: --docs documents (default 10,000) made from the seed articles.

usage: python bench/html_report.py [--docs 10000] [--runs 3] [--keep report.html]

The seeds are audited once; their reports are then repeated under new paths (every document
is a seed article with its findings), so the figures measure the report, not the audit:
  * writing the page (HtmlReporter: document() for each report, then finish()), and its size;
  * in headless Chromium (when chromium and chromedriver are installed): the time from
    navigation to the page being ready, and in-page times for sorting the table, filtering it
    by a category, a text search, opening a document and showing its fixed text.
Medians of --runs runs. Numbers are data, not a gate: nothing here fails.
"""
from __future__ import annotations

import argparse
import io
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quality import Auditor, Config, Document  # noqa: E402
from quality.reporters.html import HtmlReporter  # noqa: E402
from tests import chromium as chromium_browser  # noqa: E402

def reports(n: int) -> list:
    seeds = [Document(p.read_text(encoding="utf-8"), path=str(p))
             for p in sorted((ROOT / "seeds").glob("*.txt"))]
    auditor = Auditor(Config(corpus=False))
    base = [auditor.audit(d) for d in seeds]
    out = []
    for i in range(n):
        r = base[i % len(base)]
        doc = replace(r.document, path=f"corpus/{i // 1000:02d}/{i:05d}.txt")
        out.append(replace(r, document=doc, extra={"story": f"s{i // 7}"}))
    return out


def write(reps: list) -> tuple[float, str]:
    t = time.perf_counter()
    buf = io.StringIO()
    reporter = HtmlReporter(buf)
    reporter.start()
    for r in reps:
        reporter.document(r)
    reporter.finish()
    return time.perf_counter() - t, buf.getvalue()


STEPS = {
    "sort by findings": "document.querySelector('th[data-sort=findings] button').click()",
    "filter: boilerplate": "const s = document.getElementById('f-cat'); s.value = 'boilerplate';"
                           " s.dispatchEvent(new Event('change'))",
    "search 'Whitker'": "document.getElementById('reset').click();"
                        " const q = document.getElementById('q'); q.value = 'Whitker';"
                        " q.dispatchEvent(new Event('input'))",
    "open a document": "location.hash = '#doc-9001'",
    "show fixed text": "document.getElementById('fixed-toggle').click()",
}


def browser_times(path: Path, runs: int) -> dict[str, float] | None:
    chromium, driver = chromium_browser.find()
    if not chromium or not driver:
        print("chromium or chromedriver missing: browser figures skipped")
        return None

    times: dict[str, list[float]] = {"load (navigation to ready)": []}
    for _ in range(runs):
        browser, profile = chromium_browser.start(chromium, driver, "quality-bench-")
        try:
            t = time.perf_counter()
            browser.get(path.as_uri())
            assert browser.execute_script("return document.documentElement.dataset.ready")
            times["load (navigation to ready)"].append(time.perf_counter() - t)
            # hashchange is asynchronous: time each step from the start of the action to the
            # next animation frame, inside the page
            for name, script in STEPS.items():
                ms = browser.execute_async_script(
                    "const done = arguments[0]; const t = performance.now();" + script +
                    "; setTimeout(() => requestAnimationFrame(() => done(performance.now() - t)), 0)")
                times.setdefault(name, []).append(ms / 1000)
        finally:
            browser.quit()
            shutil.rmtree(profile, ignore_errors=True)
    return {k: statistics.median(v) for k, v in times.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--keep", metavar="FILE", help="also save the page here")
    args = ap.parse_args()
    reps = reports(args.docs)
    text_mb = sum(len(r.document.text.encode("utf-8")) for r in reps) / 1e6
    findings = sum(len(r.findings) for r in reps)
    walls, page = [], ""
    for _ in range(args.runs):
        wall, page = write(reps)
        walls.append(wall)
    size = len(page.encode("utf-8")) / 1e6
    print(f"{args.docs:,} documents, {findings:,} findings, {text_mb:.1f} MB of text")
    print(f"write the page: {statistics.median(walls):.2f} s (median of {args.runs}); "
          f"{size:.1f} MB ({size / text_mb:.2f}x the text)")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.keep or Path(tmp) / "report.html").resolve()
        path.write_text(page, encoding="utf-8")
        figures = browser_times(path, args.runs)
    if figures:
        for name, sec in figures.items():
            print(f"  {name:<28} {sec * 1000:8.0f} ms")


if __name__ == "__main__":
    main()
