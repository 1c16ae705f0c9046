"""The seed articles against their gold annotations (seeds/gold.jsonl), end to end."""
import json
import re
import subprocess
import sys

import pytest

from quality import Auditor, Config
from quality.readers import read_documents
from tests.helpers import ROOT, SEEDS, SHARED

GOLD = [json.loads(l) for l in (SEEDS / "gold.jsonl").read_text(encoding="utf-8").splitlines() if l]


@pytest.fixture(scope="module")
def reports():
    docs = list(read_documents([str(SEEDS)]))
    return {r.document.path.rsplit("/", 1)[-1]: r for r in Auditor(Config()).audit_corpus(docs)}


def covering(report, g):
    return [f for f in report.findings
            if f.category == g["family"] and f.start < g["end"] and g["start"] < f.end]


@pytest.mark.parametrize("g", [g for g in GOLD if g["expect"] in ("flag", "stretch")],
                         ids=lambda g: f"{g['doc'][:3]}:{g['text'][:24]}")
def test_flagged_with_the_right_fix(reports, g):
    report = reports[g["doc"]]
    found = covering(report, g)
    assert found, f"missed {g['text']!r}"
    if "fix" in g:
        text = report.document.text
        want = text[:g["start"]] + g["fix"] + text[g["end"]:]
        assert any(f.suggestion is not None and
                   text[:f.start] + f.suggestion + text[f.end:] == want for f in found)


@pytest.mark.parametrize("g", [g for g in GOLD if g["expect"] == "ok"],
                         ids=lambda g: f"{g['doc'][:3]}:{g['text'][:24]}")
def test_no_false_alarm(reports, g):
    report = reports[g["doc"]]
    text = report.document.text
    for m in re.finditer(r"(?<!\w)" + re.escape(g["text"]) + r"(?!\w)", text):
        hit = dict(g, start=m.start(), end=m.end())
        assert not covering(report, hit), f"false alarm on {g['text']!r}"


@pytest.mark.skipif(not (SHARED / "tools" / "gold_score.py").exists(),
                    reason="../shared (the project's scoring tools) is not beside this checkout")
def test_shared_scorecard_on_the_shared_seeds(tmp_path):
    out = tmp_path / "audit.json"
    with open(out, "w", encoding="utf-8") as fh:
        subprocess.run([sys.executable, str(ROOT / "cli.py"), "lint", "--format", "json",
                        str(SHARED / "seeds")], stdout=fh, check=False)
    score = subprocess.run([sys.executable, str(SHARED / "tools" / "gold_score.py"),
                            str(SHARED / "seeds-gold.jsonl"), str(out), "--docs",
                            str(SHARED / "seeds"), "--quiet"], capture_output=True, text=True)
    summary = score.stdout.strip().splitlines()[-1]
    assert "recall=1.000" in summary and "false_alarms=0/" in summary, summary
