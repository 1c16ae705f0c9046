#!/usr/bin/env python3
"""Speed and memory of `quality lint` on real text, against codespell and typos in the same run.

usage: python bench/perf.py [--mb 10 | --all] [--reps 3] [--only NAME,...] [--out DIR]
       python bench/perf.py --per-rule [--mb 10] [--no-corpus] [--big-gazetteer]

The corpus is the perf corpus beside the checkout (../shared/bench/perf/corpus.tar.gz: Wikipedia
prose, current-events pages, machine-translated news and sentences, ~5 KB files), unpacked to
/tmp/quality-perf/ on first use. Its file numbers come from a seeded shuffle, so the first
files in name order up to --mb megabytes are a representative, deterministic sample; the
"2x" rows use the first 2 x --mb megabytes. --all measures the whole corpus (52 MB).

Every command runs --reps times, interleaved (repetition 1 of every command, then 2, ...), as
a child process: wall seconds (start-up included), CPU seconds (user + system of the process
and its workers), peak memory summed over the process tree (proportional set size,
sampled every 20 ms: what `-j 2` holds, pages its forked workers share counted once) and the
peak resident set of the largest single process. The table gives medians, MB/s, documents/s and the
ratios to codespell (wall and CPU) over the same files in the same run; then the ratios the
targets are stated in. codespell and typos come from PyPI (a venv in /tmp/quality-perf/peers);
the 100,000-entry gazetteer from ../shared/bench/perf/gen_gazetteer.py. On a shared machine
read the CPU columns and the ratios, not the wall seconds.

--per-rule audits the sample in this process and prints the CPU time each rule and each shared
view of the Context (tokens, lines, sentences, ...) costs, exclusive of the views it calls.
Numbers are data, not a gate: nothing here fails.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PERF = Path(os.environ.get("QUALITY_PERF_DATA", ROOT.parent / "shared" / "bench" / "perf"))
WORK = Path(os.environ.get("QUALITY_PERF_DIR", "/tmp/quality-perf"))
PAGE = os.sysconf("SC_PAGE_SIZE")


# ---------------------------------------------------------------------------- inputs
def corpus_dir() -> Path:
    out = WORK / "perf-corpus"
    if not out.is_dir():
        tarball = PERF / "corpus.tar.gz"
        if not tarball.exists():
            sys.exit(f"perf corpus not found: {tarball} (the shared data beside the checkout)")
        WORK.mkdir(parents=True, exist_ok=True)
        tmp = WORK / "unpack.tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        with tarfile.open(tarball) as tf:
            tf.extractall(tmp, filter="data") if sys.version_info >= (3, 12) else tf.extractall(tmp)
        (tmp / "perf-corpus").rename(out)
        shutil.rmtree(tmp, ignore_errors=True)
    return out


def sample(mb: float) -> Path:
    """The first files in name order up to `mb` MB (0: the whole corpus)."""
    src = corpus_dir()
    if mb <= 0:
        return src
    dst = WORK / f"sub{mb:g}mb"
    if not dst.is_dir():
        tmp = Path(str(dst) + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        total = 0
        for name in sorted(os.listdir(src)):
            if total >= mb * 1e6:
                break
            shutil.copy2(src / name, tmp / name)
            total += (src / name).stat().st_size
        tmp.rename(dst)
    return dst


def size_of(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.iterdir() if p.suffix in (".txt", ".md")]
    return len(files), sum(p.stat().st_size for p in files)


def peers() -> Path:
    venv = WORK / "peers"
    if not (venv / "bin" / "codespell").exists() or not (venv / "bin" / "typos").exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "codespell", "typos"],
                       check=True)
    return venv / "bin"


def big_gazetteer() -> Path:
    out = WORK / "gaz100k.tsv"
    if not out.exists():
        subprocess.run([sys.executable, str(PERF / "gen_gazetteer.py"), "--data",
                        str(ROOT / "quality" / "data"), str(out)], check=True,
                       stdout=subprocess.DEVNULL)
    return out


# ---------------------------------------------------------------------------- timing
def _pss(pid: int) -> int:
    """Proportional set size: pages shared by forked workers are counted once in a sum."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except (FileNotFoundError, PermissionError):
        pass
    with open(f"/proc/{pid}/statm") as f:
        return int(f.read().split()[1]) * PAGE


def _tree_rss(root: int) -> int:
    total, todo, seen = 0, [root], set()
    while todo:
        pid = todo.pop()
        if pid in seen:
            continue
        seen.add(pid)
        try:
            total += _pss(pid)
            for tid in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{tid}/children") as f:
                    todo.extend(int(c) for c in f.read().split())
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


def run_once(argv: list[str]) -> tuple[float, float, float, float, int]:
    """(wall s, cpu s, peak tree RSS MB, largest process RSS MB, exit status) of one run."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        peak = max(peak, _tree_rss(proc.pid))
        time.sleep(0.02)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    # wait4's usage covers the process and the workers it waited for; ru_maxrss is the
    # largest of them
    cpu = usage.ru_utime + usage.ru_stime
    return wall, cpu, peak / 2**20, usage.ru_maxrss / 1024, proc.returncode


def commands(mb: float, bins: Path, gaz: Path) -> list[tuple[str, list[str], Path]]:
    one, two = sample(mb), sample(2 * mb) if mb > 0 else None
    q = [sys.executable, "-m", "quality", "lint", "--format", "json"]
    rows = [
        ("codespell", [str(bins / "codespell")], one),
        ("typos --threads 1", [str(bins / "typos"), "--threads", "1", "--format", "brief"], one),
        ("quality -j1 --no-corpus", q + ["-j", "1", "--no-corpus"], one),
        ("quality -j2 --no-corpus", q + ["-j", "2", "--no-corpus"], one),
        ("quality -j1 --no-corpus +100k gazetteer", q + ["-j", "1", "--no-corpus", "--gazetteer", str(gaz)], one),
        ("quality -j1 (corpus mode)", q + ["-j", "1"], one),
        ("quality -j2 (corpus mode)", q + ["-j", "2"], one),
        ("quality -j1 (corpus mode) +100k gazetteer", q + ["-j", "1", "--gazetteer", str(gaz)], one),
    ]
    if two is not None:
        rows += [
            ("codespell, 2x corpus", [str(bins / "codespell")], two),
            ("quality -j1 --no-corpus, 2x corpus", q + ["-j", "1", "--no-corpus"], two),
            ("quality -j1 (corpus mode), 2x corpus", q + ["-j", "1"], two),
        ]
    return [(name, argv + [str(folder)], folder) for name, argv, folder in rows]


def measure(args) -> None:
    bins, gaz = peers(), big_gazetteer()
    rows = commands(0 if args.all else args.mb, bins, gaz)
    if args.only:
        keep = [s.strip() for s in args.only.split(",")]
        rows = [r for r in rows if any(k in r[0] for k in keep) or r[0].startswith("codespell")]
    out = Path(args.out or WORK / f"results-{time.strftime('%Y%m%d-%H%M%S')}")
    out.mkdir(parents=True, exist_ok=True)
    env = (f"date {time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())}  cores {os.cpu_count()}  "
           f"load {open('/proc/loadavg').read().split()[:3]}  python {sys.version.split()[0]}  "
           f"quality {_git_head()}")
    print(env, file=sys.stderr)
    results: dict[str, list] = {name: [] for name, _, _ in rows}
    with open(out / "raw.tsv", "w") as raw:
        for rep in range(1, args.reps + 1):
            for name, argv, _ in rows:
                r = run_once(argv)
                results[name].append(r)
                line = f"{rep}\t{name}\t" + "\t".join(f"{x:.3f}" for x in r[:4]) + f"\t{r[4]}"
                print(line, file=sys.stderr)
                raw.write(line + "\n")
                raw.flush()
    print(f"load after {open('/proc/loadavg').read().split()[:3]}", file=sys.stderr)
    table = render(rows, results, env)
    (out / "table.md").write_text(table)
    print(table)
    print(f"raw timings and the table in {out}", file=sys.stderr)


def render(rows, results, env: str) -> str:
    med = {name: [statistics.median(r[i] for r in rs) for i in range(4)]
           for name, rs in results.items() if rs}
    base = {}
    for name, _, folder in rows:
        if name.startswith("codespell"):
            base[folder] = med[name]
    lines = [env, "", f"medians of {len(next(iter(results.values())))} runs; x codespell = "
             "this command / codespell over the same files in the same run (> 1: slower)", "",
             "| command | files | MB | wall s | CPU s | MB/s | docs/s | peak RSS MB (tree) | "
             "peak RSS MB (1 proc) | x codespell (wall) | x codespell (CPU) |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name, _, folder in rows:
        if name not in med:
            continue
        wall, cpu, tree, proc = med[name]
        n, size = size_of(folder)
        cs = base.get(folder)
        vs = f"{wall / cs[0]:.2f} | {cpu / cs[1]:.2f}" if cs else "- | -"
        lines.append(
            f"| {name} | {n} | {size / 1e6:.1f} | {wall:.2f} | {cpu:.2f} | {size / 1e6 / wall:.2f} | "
            f"{n / wall:.0f} | {tree:.0f} | {proc:.0f} | {vs} |")
    lines += ["", "targets (ratio of the medians, wall / CPU; then the ratio within each repetition, "
              "CPU or, for -j, wall: its spread shows how noisy the machine was):"]

    def ratio(a: str, b: str, label: str, col: int = 1) -> None:
        """`col`: the column compared within each repetition (1: CPU; 0: wall, for -j)."""
        if a in med and b in med:
            paired = [x[col] / y[col] for x, y in zip(results[a], results[b]) if y[col]]
            within = ", ".join(f"{r:.2f}" for r in paired)
            lines.append(f"- {label}: {med[a][0] / med[b][0]:.2f} / {med[a][1] / med[b][1]:.2f}"
                         f" (per repetition: {within})")

    ratio("codespell", "quality -j1 --no-corpus",
          "--no-corpus -j1 throughput as a share of codespell's (target >= 0.9)")
    ratio("quality -j1 (corpus mode)", "quality -j1 --no-corpus",
          "corpus mode / --no-corpus (target <= 1.5)")
    ratio("quality -j1 (corpus mode), 2x corpus", "quality -j1 (corpus mode)",
          "corpus mode, 2x corpus / 1x (target <= 2.2)")
    ratio("quality -j1 --no-corpus, 2x corpus", "quality -j1 --no-corpus",
          "--no-corpus, 2x corpus / 1x")
    ratio("quality -j1 --no-corpus", "quality -j2 --no-corpus",
          "--no-corpus speed-up of -j2 over -j1 (target >= 1.7; CPU column: overhead)", 0)
    ratio("quality -j1 (corpus mode)", "quality -j2 (corpus mode)",
          "corpus mode speed-up of -j2 over -j1 (target >= 1.7)", 0)
    ratio("quality -j1 --no-corpus +100k gazetteer", "quality -j1 --no-corpus",
          "+100k gazetteer / built-in, --no-corpus (target <= 1.3)")
    ratio("quality -j1 (corpus mode) +100k gazetteer", "quality -j1 (corpus mode)",
          "+100k gazetteer / built-in, corpus mode (target <= 1.3)")
    big = [n for n in ("quality -j1 (corpus mode)", "quality -j2 (corpus mode)") if n in med]
    if big:
        lines.append("- peak RSS of the largest process, corpus mode " +
                     " / ".join(n.split()[1] for n in big) + " (target <= 300 MB with --all): " +
                     " / ".join(f"{med[n][3]:.0f}" for n in big) + " MB")
    return "\n".join(lines) + "\n"


def _git_head() -> str:
    try:
        return subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True).stdout.strip() or "?"
    except OSError:
        return "?"


# ---------------------------------------------------------------------------- per rule
def per_rule(args) -> None:
    """Exclusive time per rule and per Context view, in this process."""
    sys.path.insert(0, str(ROOT))
    from dataclasses import replace
    from functools import cached_property

    from quality import Auditor, Config
    from quality.readers import read_documents
    from quality.rules.base import Context

    spent: dict[str, float] = {}
    stack: list[list] = []  # [name, start, time spent in nested timers]

    def timed(name, fn):
        def wrapper(*a, **kw):
            stack.append([name, time.process_time(), 0.0])
            try:
                return fn(*a, **kw)
            finally:
                label, t0, nested = stack.pop()
                total = time.process_time() - t0
                spent[label] = spent.get(label, 0.0) + total - nested
                if stack:
                    stack[-1][2] += total
        return wrapper

    for attr, value in list(vars(Context).items()):
        if isinstance(value, cached_property):
            prop = cached_property(timed(f"view: {attr}", value.func))
            prop.__set_name__(Context, attr)
            setattr(Context, attr, prop)
    folder = sample(0 if args.all else args.mb)
    config = Config(corpus=not args.no_corpus)
    if args.big_gazetteer:
        config = replace(config, gazetteer=(str(big_gazetteer()),))
    auditor = Auditor(config).warm()
    auditor.rules = tuple(
        replace(r, check=timed(f"{r.code} {r.name}", lambda rule, ctx, _f=r.check: list(_f(rule, ctx))))
        for r in auditor.rules)
    docs = list(read_documents([str(folder)]))
    size = sum(len(d.text.encode("utf-8")) for d in docs if d.error is None)
    t0 = time.process_time()
    audit_corpus = timed("corpus pass + audit core", lambda: list(auditor.audit_corpus(docs)))
    audit_corpus()
    wall = time.process_time() - t0
    print(f"{len(docs)} documents, {size / 1e6:.1f} MB, {wall:.1f} s CPU in process "
          f"({size / 1e6 / wall:.2f} MB/s), {'--no-corpus' if args.no_corpus else 'corpus mode'}\n")
    print("| rule or view | CPU s | % |\n|---|---:|---:|")
    for name, t in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"| {name} | {t:.2f} | {100 * t / wall:.1f} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=10.0, help="sample size in MB (default 10)")
    ap.add_argument("--all", action="store_true", help="the whole corpus (52 MB)")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--only", help="comma-separated substrings of the commands to run "
                                   "(codespell always runs)")
    ap.add_argument("--out", help="folder for raw timings and the table")
    ap.add_argument("--per-rule", action="store_true", help="time per rule and view, in process")
    ap.add_argument("--no-corpus", action="store_true", help="with --per-rule: no corpus pass")
    ap.add_argument("--big-gazetteer", action="store_true",
                    help="with --per-rule: the 100,000 extra gazetteer entries")
    args = ap.parse_args()
    os.chdir(ROOT)
    (per_rule if args.per_rule else measure)(args)


if __name__ == "__main__":
    main()
