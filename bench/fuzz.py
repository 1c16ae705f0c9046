#!/usr/bin/env python3
"""Run the property tests of tests/test_properties.py for as long as you like.

usage: python bench/fuzz.py [--minutes 60] [--batch 500] [--seed N] [PROPERTY ...]

The test suite runs each property on a fixed, CI-sized sample; this runs them on fresh random
samples, batch after batch, until the time is up. Each failure is printed with hypothesis's
shrunk example and the run goes on with the next batch; the exit status is 1 if anything
failed. Properties: audit (never fails, spans hold, score in range), fixpoint (fixing reaches a
fixed point in one run), twice (the same findings applied twice change nothing more), order
(corpus results do not depend on document order).
"""
from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tests import test_properties as props  # noqa: E402
from tests.strategies import texts  # noqa: E402

PROPERTIES = {
    "audit": (props.test_auditing_arbitrary_text_never_fails_and_spans_hold, (texts,)),
    "fixpoint": (props.test_fixing_reaches_a_fixed_point_in_one_run, (texts,)),
    "twice": (props.test_applying_the_same_findings_twice_changes_nothing_more, (texts,)),
    "order": (props.test_corpus_results_do_not_depend_on_document_order,
              (st.lists(texts, min_size=2, max_size=5), st.randoms(use_true_random=False))),
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("properties", nargs="*", help=f"any of: {', '.join(PROPERTIES)}")
    ap.add_argument("--minutes", type=float, default=60.0)
    ap.add_argument("--batch", type=int, default=500, help="examples per property per batch")
    ap.add_argument("--seed", type=int, default=None)
    args = ap.parse_args()
    names = args.properties or list(PROPERTIES)
    rng = random.Random(args.seed)
    deadline = time.monotonic() + args.minutes * 60
    runs = {n: 0 for n in names}
    failures = 0
    while time.monotonic() < deadline:
        for name in names:
            if time.monotonic() >= deadline:
                break
            test, strategies = PROPERTIES[name]
            inner = test.hypothesis.inner_test
            seed = rng.randrange(2**32)
            fuzzed = settings(max_examples=args.batch, deadline=None, database=None,
                              suppress_health_check=list(HealthCheck))(
                given(*strategies)(inner))
            started = time.monotonic()
            try:
                from hypothesis import seed as with_seed

                with_seed(seed)(fuzzed)()
            except Exception:  # noqa: BLE001 - report and go on
                failures += 1
                print(f"\n=== {name} FAILED (batch seed {seed}) ===", flush=True)
                traceback.print_exc(limit=3)
            runs[name] += args.batch
            print(f"{name}: {runs[name]} examples ({time.monotonic() - started:.0f} s for "
                  f"this batch), {failures} failure(s) so far", flush=True)
    print(f"done: {sum(runs.values())} examples, {failures} failing batch(es)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
