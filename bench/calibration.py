#!/usr/bin/env python3
"""How well findings' confidence predicts that they are right, on the annotated dev suites.

usage: python bench/calibration.py [--suite NAME ...] [--families name,place,script,mt]
       [--shared ../shared] [--verbose]

Audits each suite (corpus mode, with the suite's gazetteer.tsv when it has one) and sorts
every finding of the chosen families into confidence bands. A finding is
  * right     when it covers a `flag` item of its family and, where the gold gives a fix,
              its suggestion produces that fix (a real error with the right fix);
  * wrong     when it covers an `ok` item, a `flag` item with another fix, or no gold item at
              all (the gold is not exhaustive, so this counts some real catches as wrong:
              the table is a lower bound on precision);
  * neutral   when it covers only `optional` or `stretch` items (left out of the rates).
The policy to check: findings at confidence >= 0.9 are right at least 95% of the time.
Needs ../shared (the dev suites); prints the table and exits 0 either way.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quality import Auditor, Config, Gazetteer  # noqa: E402
from quality.readers import read_documents  # noqa: E402

SUITES = ("seeds", "news-clean-dev", "ted-mqm", "mlqe-names-dev", "mlqe-script-dev")
BANDS = ((0.9, 1.01, ">= 0.9"), (0.8, 0.9, "0.8-0.9"), (0.7, 0.8, "0.7-0.8"), (0.0, 0.7, "< 0.7"))


def judge(finding, gold: list[dict], text: str) -> str:
    touched = [g for g in gold if g["family"] == finding.category
               and g["start"] < finding.end and finding.start < g["end"]]
    if not touched:
        # the gold marks one occurrence of a text per document: another occurrence of a
        # flagged text is judged like it
        for g in gold:
            if g["family"] == finding.category and g["text"] == finding.text:
                if g["expect"] != "flag":
                    return "wrong" if g["expect"] == "ok" else "neutral"
                return "right" if "fix" not in g or finding.suggestion == g["fix"] else "wrong"
    flags = [g for g in touched if g["expect"] == "flag"]
    for g in flags:
        if "fix" not in g:
            return "right"
        if finding.suggestion is not None:
            want = text[:g["start"]] + g["fix"] + text[g["end"]:]
            if text[:finding.start] + finding.suggestion + text[finding.end:] == want:
                return "right"
    if flags or any(g["expect"] == "ok" for g in touched) or not touched:
        return "wrong"
    return "neutral"


def run_suite(docs_dir: Path, gold_file: Path, gaz_file: Path, families: set[str],
              verbose: bool = False) -> Counter:
    gold_by_doc: dict[str, list[dict]] = defaultdict(list)
    for line in gold_file.read_text(encoding="utf-8").splitlines():
        if line.strip():
            g = json.loads(line)
            gold_by_doc[g["doc"]].append(g)
    gaz = Gazetteer.load([gaz_file] if gaz_file.exists() else [])
    auditor = Auditor(Config(), gaz)
    counts: Counter = Counter()
    # A family the gold never annotates in this suite cannot be judged here.
    judged = {g["family"] for gs in gold_by_doc.values() for g in gs}
    docs = list(read_documents([str(docs_dir)]))
    for report in auditor.audit_corpus(docs):
        name = Path(report.document.path).name
        for f in report.findings:
            if f.category not in families:
                continue
            verdict = (judge(f, gold_by_doc.get(name, []), report.document.text)
                       if f.category in judged else "neutral")
            band = next(label for lo, hi, label in BANDS if lo <= f.confidence < hi)
            counts[(band, f.category, verdict)] += 1
            if verbose and verdict == "wrong" and f.confidence >= 0.9:
                print(f"  wrong at {f.confidence}: {name} {f.code} {f.text!r} -> {f.suggestion!r}")
    return counts


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--suite", action="append", help="suite folder name (repeatable)")
    ap.add_argument("--families", default="name,place,script,mt")
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--verbose", action="store_true", help="list the wrong findings at >= 0.9")
    args = ap.parse_args(argv)
    base = Path(args.shared) / "bench" / "suites"
    if not base.is_dir():
        print(f"calibration: no dev suites at {base}; nothing to measure")
        return 0
    families = set(args.families.split(","))
    total: Counter = Counter()
    for name in args.suite or SUITES:
        if name == "seeds":
            docs_dir, gold, gaz = ROOT / "seeds", Path(args.shared) / "seeds-gold.jsonl", Path("-")
        else:
            docs_dir, gold, gaz = base / name / "docs", base / name / "gold.jsonl", base / name / "gazetteer.tsv"
        if not gold.exists():
            print(f"calibration: skipping {name} (no gold)")
            continue
        counts = run_suite(docs_dir, gold, gaz, families, args.verbose)
        total.update(counts)
        print(f"{name}: {sum(counts.values())} findings")
    print()
    print(f"{'confidence':<11} {'family':<8} {'right':>6} {'wrong':>6} {'neutral':>8} {'right %':>8}")
    for _, _, band in BANDS:
        for fam in sorted(families) + ["all"]:
            r = sum(n for (b, c, v), n in total.items() if b == band and v == "right" and fam in (c, "all"))
            w = sum(n for (b, c, v), n in total.items() if b == band and v == "wrong" and fam in (c, "all"))
            u = sum(n for (b, c, v), n in total.items() if b == band and v == "neutral" and fam in (c, "all"))
            if r + w + u == 0:
                continue
            rate = f"{100 * r / (r + w):.1f}" if r + w else "-"
            print(f"{band:<11} {fam:<8} {r:>6} {w:>6} {u:>8} {rate:>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
