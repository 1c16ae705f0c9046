#!/usr/bin/env python3
"""Audit time of pathological documents: each pattern repeated to 1 MB and 5 MB (one, made-up
names, drawn afresh: distinct capitalised words).

usage: python bench/pathological.py [--sizes 1,5] [--runs 3] [--timeout 120] [PATTERN ...]

Each measurement runs `Auditor.audit` on one document in a fresh process (so a stall is cut
off at --timeout seconds instead of hanging the bench) and prints the median of --runs runs,
the number of findings, and the ratio of the largest size to the smallest (linear cost gives
a ratio near the size ratio: 5 for 1 MB and 5 MB). Default settings, so a 5 MB document is
audited in windows of max-document-size (2,000,000 characters). Numbers are data, not a
gate.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# name -> the unit repeated to the target size (some units carry a line or paragraph break).
PATTERNS = {
    "nbsp-paragraph": "\u00a0" * 50 + " word",
    "calqued-the": "THE Zelenski said THE talks would go on. ",
    "mr-semicolon": "Mr. Smith; ",
    "kiev": "Kiev ",
    "hyphen-joined": "word-",
    "single-line": "The envoy met the minister in Kyiv on Monday, officials said; ",
    "one-long-word": "a",
    "glued-words": "OneTrump",
    "upper-words": "NATO UN EU ",
    "cyrillic-mixed": "Pаris Москва ",
    "quotes": "\u201c\u201c\u201d\" ",
    "control-chars": "a\u200b\u0007\u202e",
    "blank-lines": "\n",
    "short-lines": "Kyiv\n",
    "repeated-title": "A title line\n",
    "mojibake": "cafÃ© donâ€™t ",
    "abbreviations": "Gen. Dr. U.S. Mr. ",
    "names": "Steve Whitkov met Keith Kellogg. ",
    "paragraphs": "The envoy arrived. He said THE talks were OK.\n\n",
    "bidi": "a\u202eb\u2066c ",
    "nul-bytes": "word\x00",
}
# name -> a function of the size in MB, for text that does not repeat.
PATTERNS["made-up-names"] = lambda mb: made_up_names(mb)


def made_up_names(mb: float) -> str:
    """Sentences of capitalised words nobody has seen (a seeded draw of syllables: "Kosulof
    Bimetan ..."), nearly all distinct: every per-word verdict is new, as in a corpus of
    names no cache has met."""
    rng = random.Random(7)
    consonants, vowels = "bcdfghklmnprstvz", "aeiou"

    def word() -> str:
        return rng.choice(consonants).upper() + "".join(
            rng.choice(vowels) + rng.choice(consonants) for _ in range(rng.randint(2, 4)))

    out, size = [], 0
    while size < mb * 1_000_000:
        sentence = " ".join(word() for _ in range(8)) + ". "
        out.append(sentence)
        size += len(sentence)
    return "".join(out)


def make(unit, mb: float) -> str:
    if callable(unit):
        return unit(mb)
    n = int(mb * 1_000_000 / max(1, len(unit.encode("utf-8")))) + 1
    return unit * n


def _child(unit: str, mb: float, queue) -> None:
    from quality import Auditor, Document

    auditor = Auditor()
    auditor.audit(Document("Warm-up text about Kyiv and Steve Witkoff."))
    auditor.audit(Document("Der Text ist auf Deutsch und sehr kurz, aber er reicht aus."))
    text = make(unit, mb)
    t = time.perf_counter()
    report = auditor.audit(Document(text))
    queue.put((time.perf_counter() - t, len(report.findings)))


def measure(unit: str, mb: float, timeout: float):
    """(seconds, findings), or (None, None) when it did not finish within `timeout`."""
    queue = mp.get_context("fork").Queue()
    proc = mp.get_context("fork").Process(target=_child, args=(unit, mb, queue))
    proc.start()
    proc.join(timeout)
    if proc.is_alive():
        proc.kill()
        proc.join()
        return None, None
    return queue.get() if not queue.empty() else (None, None)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("patterns", nargs="*", help=f"any of: {', '.join(PATTERNS)}")
    ap.add_argument("--sizes", default="1,5", help="sizes in MB, comma-separated")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--timeout", type=float, default=120.0)
    ap.add_argument("--json", action="store_true", help="print one JSON object per pattern")
    args = ap.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    names = args.patterns or list(PATTERNS)
    unknown = [n for n in names if n not in PATTERNS]
    if unknown:
        ap.error(f"unknown pattern {unknown[0]!r}")
    print(f"{'pattern':<16}" + "".join(f"{f'{s:g} MB (s)':>12}{'findings':>10}" for s in sizes)
          + f"{'ratio':>8}")
    worst = 0.0
    for name in names:
        row, times = [], []
        for mb in sizes:
            runs = []
            found = None
            for _ in range(args.runs):
                secs, found = measure(PATTERNS[name], mb, args.timeout)
                runs.append(secs)
                if secs is None:
                    break
            secs = None if None in runs else statistics.median(runs)
            times.append(secs)
            row.append((secs, found))
        ratio = (times[-1] / times[0]) if None not in times and times[0] else None
        if args.json:
            print(json.dumps({"pattern": name, "sizes_mb": sizes, "seconds": times,
                              "findings": [f for _, f in row], "ratio": ratio}))
            continue
        cells = "".join((f"{s:12.2f}" if s is not None else f"{'>' + str(int(args.timeout)):>12}")
                        + f"{(f if f is not None else '-'):>10}" for s, f in row)
        print(f"{name:<16}{cells}{(f'{ratio:8.1f}' if ratio else '       -')}", flush=True)
        if None not in times:
            worst = max(worst, times[0])
    return 0


if __name__ == "__main__":
    sys.exit(main())
