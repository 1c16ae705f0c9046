#!/usr/bin/env python3
"""Recall of the boilerplate rules per kind of furniture, and false alarms, on a page suite.

usage: python bench/boilerplate_kinds.py [--suite pages-boilerplate-dev] [--shared ../shared]
       [--audit AUDIT.json]

Audits the suite's documents with the boilerplate family (corpus mode), or reads an audit
written by `quality lint --format json` (--audit), and sorts every `flag` line of the gold
into a kind by its words, first match wins:
  legal       ©, copyright, rights reserved, privacy, terms, cookies, disclaimer
  credits     photo, image, getty, reuters, credit, courtesy
  share       share, tweet, facebook, twitter, e-mail, print, pin it, digg, rss, follow
  comments    comment, reply, quote, posted by, permalink, trackback, posts:, registered:
  login/ads   log in, sign in/up, subscribe, newsletter, register, advertis-, sponsor
  tags        tags, tagged, filed under/in, categories, topics, labels, posted in
  pagination  next, previous, older, newer, "page 2", bare page numbers, « »
  dates       a month name, a clock time, a numeric date, "... ago"
  navigation  any other line of three words or fewer
  headlines   any other line (related stories, link text)
The kinds are a keyword bucketing of the gold for reporting, not the rules' own kinds. A
flag line counts as found when a boilerplate finding overlaps it; a false alarm is an `ok`
line a boilerplate finding touches (as in ../shared/tools/gold_score.py, whole-word
occurrences of its text). Needs ../shared; exits 0 either way.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

KINDS = [
    ("legal", r"©|copyright|rights reserved|privacy|terms of|terms and|cookie|disclaimer"),
    ("credits", r"\bphoto|\bimage|getty|reuters|\bcredit|courtesy"),
    ("share", r"\bshare|\btweet|facebook|twitter|\be-?mail|\bprint\b|pin it|digg|stumbleupon|"
              r"linkedin|reddit|whatsapp|\brss\b|\bfollow"),
    ("comments", r"comment|\brepl(y|ies)\b|\bquote\b|posted by|permalink|trackback|posts:|"
                 r"registered:|view profile"),
    ("login/ads", r"log ?in\b|sign ?(in|up)\b|subscri|newsletter|register|advertis|sponsor"),
    ("tags", r"\btags?\b|tagged|filed (under|in)|categor|topics?:|labels?:|posted in"),
    ("pagination", r"^\W*(next|previous|prev|older|newer)\b|\bpage \d|^[\d\s|]+$|[«»]"),
    ("dates", r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d|"
              r"\d \b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d{1,2}:\d\d|"
              r"\d{1,4}[/-]\d{1,2}[/-]\d{1,4}|\bago\b"),
]
_KINDS = [(k, re.compile(p, re.IGNORECASE)) for k, p in KINDS]


def kind(text: str) -> str:
    for k, rx in _KINDS:
        if rx.search(text):
            return k
    return "navigation" if len(text.split()) <= 3 else "headlines"


def audit(docs: Path) -> dict:
    from quality import Auditor, Config
    from quality.readers import read_documents

    auditor = Auditor(Config(select=("boilerplate",)))
    out = {}
    for report in auditor.audit_corpus(list(read_documents([str(docs)]))):
        d = report.to_dict()
        out[Path(d["path"]).name] = d["findings"]
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--suite", default="pages-boilerplate-dev")
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--audit", help="an audit from `quality lint --format json` instead")
    args = ap.parse_args(argv)
    suite = Path(args.shared) / "bench" / "suites" / args.suite
    if not (suite / "gold.jsonl").is_file():
        print(f"no suite at {suite}: nothing to measure")
        return 0
    if args.audit:
        raw = json.load(open(args.audit, encoding="utf-8"))
        found = {Path(d["path"]).name: d["findings"]
                 for d in (raw["documents"] if isinstance(raw, dict) else raw)}
    else:
        found = audit(suite / "docs")
    total, hit, texts = Counter(), Counter(), {}
    ok = false = 0
    for line in open(suite / "gold.jsonl", encoding="utf-8"):
        g = json.loads(line)
        if g["family"] != "boilerplate" or g["expect"] not in ("flag", "ok"):
            continue
        fs = [f for f in found.get(g["doc"], []) if f.get("category") == "boilerplate"]
        if g["expect"] == "flag":
            k = kind(g["text"])
            total[k] += 1
            hit[k] += any(f["start"] < g["end"] and g["start"] < f["end"] for f in fs)
            continue
        if g["doc"] not in texts:
            texts[g["doc"]] = (suite / "docs" / g["doc"]).read_text(encoding="utf-8")
        pat = r"(?<!\w)" + re.escape(g["text"]) + r"(?!\w)"
        spans = [(m.start(), m.end()) for m in re.finditer(pat, texts[g["doc"]])]
        ok += 1
        false += any(f["start"] < e and s < f["end"] for f in fs for s, e in spans)
    print(f"{'kind':<12} {'lines':>6} {'found':>6} {'recall':>7}")
    for k in [k for k, _ in KINDS] + ["navigation", "headlines"]:
        if total[k]:
            print(f"{k:<12} {total[k]:>6} {hit[k]:>6} {hit[k] / total[k]:>7.3f}")
    n, h = sum(total.values()), sum(hit.values())
    print(f"{'all':<12} {n:>6} {h:>6} {h / n if n else 0:>7.3f}")
    print(f"false alarms: {false}/{ok} ok lines ({100 * false / ok if ok else 0:.1f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
