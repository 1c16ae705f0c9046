"""The seeds' JSON output, pinned: work that only makes the tool faster changes no finding.

tests/data/seeds-corpus.jsonl and tests/data/seeds-no-corpus.jsonl hold one document object
per line (the output contract's shape, path cut to the file name). A change that alters
findings on purpose regenerates them in its own commit:

    .venv/bin/python -m tests.test_pinned_output
"""
import json
import sys

import pytest

from quality import Auditor, Config
from quality.readers import read_documents
from tests.helpers import ROOT, SEEDS

DATA = ROOT / "tests" / "data"
MODES = {"corpus": True, "no-corpus": False}


def _lines(corpus: bool) -> list[str]:
    docs = list(read_documents([str(SEEDS)]))
    out = []
    for report in Auditor(Config(corpus=corpus)).audit_corpus(docs):
        d = report.to_dict()
        d["path"] = d["path"].replace("\\", "/").rsplit("/", 1)[-1]
        out.append(json.dumps(d, ensure_ascii=False, sort_keys=True))
    return out


@pytest.mark.parametrize("mode", sorted(MODES))
def test_seed_output_is_pinned(mode):
    want = (DATA / f"seeds-{mode}.jsonl").read_text(encoding="utf-8").splitlines()
    got = _lines(MODES[mode])
    assert len(got) == len(want)
    for g, w in zip(got, want):
        assert json.loads(g) == json.loads(w)


if __name__ == "__main__":  # regenerate the pins
    for mode, corpus in MODES.items():
        (DATA / f"seeds-{mode}.jsonl").write_text("\n".join(_lines(corpus)) + "\n", encoding="utf-8")
    sys.exit(0)
