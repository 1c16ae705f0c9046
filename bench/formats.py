#!/usr/bin/env python3
"""Reading speed and memory of each corpus format: the seed articles replicated to records.

usage: python bench/formats.py [--mb 100] [--runs 3]

Writes the same records as .jsonl, .jsonl.gz, .jsonl.zst (with the zstd extra), .csv and
.parquet (with the parquet extra) to a temporary folder, then reads each with
`quality.readers.read_documents` in a fresh process and reports, as medians of --runs runs,
the seconds to read every record, MB/s of uncompressed JSONL, and the peak resident memory of
the reading process. Record files are streamed, so peak memory should not grow with the file.
Numbers are data, not a gate: nothing here fails.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Peak memory is VmHWM of the reading process (ru_maxrss would include the parent's peak,
# which Linux carries across fork and exec).
CHILD = """
import sys, time
sys.path.insert(0, {root!r})
from quality.readers import read_documents
t = time.perf_counter()
n = sum(1 for d in read_documents([{path!r}]) if d.error is None)
secs = time.perf_counter() - t
hwm = [l for l in open("/proc/self/status") if l.startswith("VmHWM")][0].split()[1]
print(n, secs, int(hwm) / 1024)
"""


def write_corpus(folder: Path, mb: float) -> tuple[dict, float]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    rows, size = [], 0
    while size < mb * 1e6:
        text = texts[len(rows) % len(texts)]
        rows.append({"id": str(len(rows)), "text": text})
        size += len(json.dumps(rows[-1]).encode()) + 1
    data = "".join(json.dumps(r) + "\n" for r in rows).encode()
    paths = {"jsonl": folder / "c.jsonl", "jsonl.gz": folder / "c.jsonl.gz"}
    paths["jsonl"].write_bytes(data)
    paths["jsonl.gz"].write_bytes(gzip.compress(data, 6))
    try:
        import zstandard

        paths["jsonl.zst"] = folder / "c.jsonl.zst"
        paths["jsonl.zst"].write_bytes(zstandard.ZstdCompressor().compress(data))
    except ImportError:
        print("(zstandard not installed: no .zst row; pip install 'quality[zstd]')")
    with open(folder / "c.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, ["id", "text"])
        w.writeheader()
        w.writerows(rows)
    paths["csv"] = folder / "c.csv"
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq

        paths["parquet"] = folder / "c.parquet"
        pq.write_table(pa.Table.from_pylist(rows), paths["parquet"])
    except ImportError:
        print("(pyarrow not installed: no .parquet row; pip install 'quality[parquet]')")
    return paths, len(data) / 1e6


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=100)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths, mb = write_corpus(Path(tmp), args.mb)
        print(f"{mb:.0f} MB of JSONL records; medians of {args.runs} runs\n")
        print(f"{'format':<10} {'file MB':>8} {'records':>8} {'seconds':>8} {'MB/s':>6} {'peak MB':>8}")
        for name, path in paths.items():
            runs = []
            for _ in range(args.runs):
                out = subprocess.run([sys.executable, "-c", CHILD.format(root=str(ROOT),
                                                                         path=str(path))],
                                     capture_output=True, text=True, check=True).stdout.split()
                runs.append((int(out[0]), float(out[1]), float(out[2])))
            n = runs[0][0]
            secs = statistics.median(r[1] for r in runs)
            peak = statistics.median(r[2] for r in runs)
            print(f"{name:<10} {path.stat().st_size / 1e6:>8.1f} {n:>8} {secs:>8.2f} "
                  f"{mb / secs:>6.1f} {peak:>8.0f}")


if __name__ == "__main__":
    main()
