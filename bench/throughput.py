#!/usr/bin/env python3
"""Throughput of `quality` on the seed articles replicated to a corpus of >= 10 MB.

usage: python bench/throughput.py [--mb 10] [--runs 3] [--big 100000]

Reports, as medians of --runs runs:
  * documents/s and MB/s of Auditor.audit over the replicated seeds, with the built-in
    gazetteer and with the built-in plus a synthetic gazetteer of --big person entries;
  * the gazetteer index: build time and fuzzy lookups/s (Gazetteer.candidates) for both.
Numbers are data, not a gate: nothing here fails.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quality import Auditor, Config, Document, Entry, Gazetteer  # noqa: E402

SYLLABLES = ("ka", "lo", "vi", "tor", "mir", "an", "sel", "be", "dra", "go", "rin", "sha", "ti",
             "ko", "var", "len", "os", "ul", "me", "ne", "dov", "ski", "ich", "berg", "son")


def synthetic_people(n: int, seed: int = 7) -> list[Entry]:
    rng = random.Random(seed)
    out = set()
    while len(out) < n:
        first = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        last = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
        out.add(f"{first} {last}")
    return [Entry(name, "person") for name in sorted(out)]


def corpus(mb: float) -> list[Document]:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    docs, size, i = [], 0, 0
    while size < mb * 1e6:
        text = seeds[i % len(seeds)]
        docs.append(Document(text, f"doc{i:06d}.txt"))
        size += len(text.encode("utf-8"))
        i += 1
    return docs


def time_audit(auditor: Auditor, docs: list[Document]) -> float:
    auditor.audit(docs[0])  # warm-up: loads word frequencies, builds indexes
    t = time.perf_counter()
    for d in docs:
        auditor.audit(d)
    return time.perf_counter() - t


def lookups(gaz: Gazetteer, n: int = 20000) -> tuple[float, float]:
    t = time.perf_counter()
    gaz.candidates("Warmup")
    build = time.perf_counter() - t
    rng = random.Random(3)
    words = ["".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize() for _ in range(n)]
    t = time.perf_counter()
    for w in words:
        gaz.candidates(w)
    return build, n / (time.perf_counter() - t)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=10.0)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--big", type=int, default=100_000)
    ap.add_argument("--jobs", type=int, default=1, help="(reported for reference only)")
    args = ap.parse_args()
    docs = corpus(args.mb)
    mb = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6
    print(f"corpus: {len(docs)} documents, {mb:.1f} MB (seeds replicated)")
    big = synthetic_people(args.big)
    setups = {
        "built-in gazetteer": lambda: Gazetteer.load(builtin=True),
        f"built-in + {args.big:,} entries": lambda: Gazetteer(big, Gazetteer.load(builtin=True)._sources),
    }
    for label, make in setups.items():
        builds, rates, secs = [], [], []
        for _ in range(args.runs):
            gaz = make()
            build, rate = lookups(gaz)
            builds.append(build)
            rates.append(rate)
            secs.append(time_audit(Auditor(Config(), gaz), docs))
        s = statistics.median(secs)
        print(f"{label}: {len(gaz):,} entries; index build {statistics.median(builds):.2f} s; "
              f"{statistics.median(rates):,.0f} fuzzy lookups/s; "
              f"audit {len(docs) / s:,.0f} docs/s, {mb / s:.2f} MB/s (median of {args.runs})")


if __name__ == "__main__":
    main()
