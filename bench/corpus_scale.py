#!/usr/bin/env python3
"""Corpus mode at scale: first-pass memory by corpus size, and Ray Data against `lint -j 2`.

usage: python bench/corpus_scale.py memory [--sizes 10000,100000,1000000]
       python bench/corpus_scale.py ray [--docs 2000] [--runs 3]

The documents are the perf corpus (../shared/bench/perf/corpus.tar.gz, 11,017 real documents
of ~5 KB), replicated with small random edits (a few words of each copy swapped, dropped or
given a digit), so no two documents are equal and the vocabulary keeps growing a little, as
it does in a real crawl.

`memory` runs the first pass (CorpusStats over the documents, streamed) and then `finalize()`
(the corpus-wide tables: story groups, recurring lines) in a fresh process per size and prints
the peak resident memory of each above the process's memory before the pass, their seconds,
and the first pass's growth per document between sizes. Run it with PYTHONPATH pointing at another checkout to
measure that one.

`ray` writes --docs documents to a JSONL file and times, as medians of --runs runs, both passes
of corpus mode with `quality lint -j 2 --format jsonl` and with Ray Data on a local 2-CPU
runtime (`audit_dataset`, two auditing actors at half a logical CPU each, so the read
tasks keep one; Ray's start-up is not counted, its first-pass
tasks and actor start-ups are), and prints documents/s for each. Numbers are data, not a gate.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PERF = ROOT.parent / "shared" / "bench" / "perf" / "corpus.tar.gz"
UNPACKED = Path(tempfile.gettempdir()) / "quality-perf-corpus"


def originals() -> list[str]:
    if not (UNPACKED / "perf-corpus").is_dir():
        if not PERF.is_file():
            sys.exit(f"corpus_scale: no perf corpus at {PERF}")
        with tarfile.open(PERF) as tar:
            tar.extractall(UNPACKED, filter="data")
    return [p.read_text(encoding="utf-8") for p in sorted((UNPACKED / "perf-corpus").glob("*.txt"))]


def edited(text: str, rng: random.Random, edits: int = 4) -> str:
    words = text.split(" ")
    for _ in range(edits):
        i = rng.randrange(len(words))
        kind = rng.randrange(3)
        if kind == 0 and len(words) > 1:
            j = rng.randrange(len(words))
            words[i], words[j] = words[j], words[i]
        elif kind == 1 and len(words) > 1:
            del words[i]
        else:
            words[i] = words[i] + str(rng.randrange(10))
    return " ".join(words)


def documents(n: int, seed: int = 12):
    """(id, text) of n documents: the originals first, then edited copies."""
    base = originals()
    rng = random.Random(seed)
    for i in range(n):
        text = base[i % len(base)]
        yield f"d{i:07d}", text if i < len(base) else edited(text, rng)


def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def first_pass(n: int) -> None:
    """In this process: the first pass over n documents; prints one JSON line."""
    from quality import CorpusStats, Document

    docs = documents(n)
    first = [next(docs)]  # load the corpus and warm imports before measuring
    before = rss_mb()
    start = time.perf_counter()
    stats = CorpusStats()
    for i, t in first:
        stats.add(Document(t, id=i))
    for i, t in docs:
        stats.add(Document(t, id=i))
    secs = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    stats.finalize().prepare()  # the corpus-wide tables the audit pass reads
    final_secs = time.perf_counter() - start
    final_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"documents": n, "peak_mb": round(peak - before, 1), "seconds": round(secs, 1),
                      "forms": len(stats.form_df), "final_peak_mb": round(final_peak - before, 1),
                      "final_seconds": round(final_secs, 1)}))


def memory(sizes: list[int]) -> None:
    rows = []
    for n in sizes:
        out = subprocess.run([sys.executable, __file__, "_first", str(n)], capture_output=True,
                             text=True, check=True).stdout
        rows.append(json.loads(out.strip().splitlines()[-1]))
        r = rows[-1]
        print(f"{n:>9,} documents: first pass peak +{r['peak_mb']:,.1f} MB, {r['seconds']:,.1f} s, "
              f"{r['forms']:,} name forms; finalize peak +{r['final_peak_mb']:,.1f} MB, "
              f"{r['final_seconds']:,.1f} s", flush=True)
    for a, b in zip(rows, rows[1:]):
        per = (b["peak_mb"] - a["peak_mb"]) * 1024 * 1024 / (b["documents"] - a["documents"])
        print(f"growth {a['documents']:,} -> {b['documents']:,}: {per:,.0f} bytes per document")


def ray_bench(ndocs: int, runs: int) -> None:
    import ray

    from quality.integrations.ray import audit_dataset

    work = Path(tempfile.mkdtemp(prefix="quality-ray-bench-"))
    path = work / "docs.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for i, t in documents(ndocs):
            fh.write(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n")
    cli = [sys.executable, str(ROOT / "cli.py"), "lint", "-j", "2", "--format", "jsonl", str(path)]
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    ray.data.DataContext.get_current().enable_progress_bars = False
    lint, raytimes = [], []
    for _ in range(runs):  # interleaved, so both see the same machine load
        start = time.perf_counter()
        subprocess.run(cli, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        lint.append(time.perf_counter() - start)
        start = time.perf_counter()
        ds = ray.data.read_json(str(path))
        n = audit_dataset(ds, id_column="id", concurrency=2, num_cpus=0.5).count()
        raytimes.append(time.perf_counter() - start)
        assert n == ndocs
    ray.shutdown()
    for name, times in (("quality lint -j 2", lint), ("Ray Data (2 CPUs)", raytimes)):
        med = statistics.median(times)
        print(f"{name:<20} {ndocs / med:7.1f} documents/s  (median {med:.1f} s of "
              f"{', '.join(f'{t:.1f}' for t in times)})")
    print(f"Ray / lint: {statistics.median(lint) / statistics.median(raytimes):.2f}x")


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "_first":
        first_pass(int(sys.argv[2]))
        return
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("what", choices=("memory", "ray"))
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    if args.what == "memory":
        memory([int(s) for s in args.sizes.split(",")])
    else:
        ray_bench(args.docs, args.runs)


if __name__ == "__main__":
    main()
