"""End-to-end: the CLI against the output contract (CONTRACT.md)."""
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from quality.cli import cli as main
from tests.helpers import ROOT, SEEDS

CATEGORIES = {"name", "place", "script", "boilerplate", "mt", "rewrite", "language", "encoding", "input"}


def lint(*args, input=None):
    return CliRunner().invoke(main, ["lint", *args], input=input)


def test_json_on_the_seeds_follows_the_contract():
    result = lint("--format", "json", str(SEEDS))
    assert result.exit_code in (0, 1), result.output
    data = json.loads(result.stdout)
    assert data["version"] == 1 and data["tool"]["name"] == "quality"
    assert len(data["documents"]) == 5
    for doc in data["documents"]:
        text = open(doc["path"], encoding="utf-8").read()
        assert 0 <= doc["score"] <= 100
        assert (doc["score"] == 100) == (not doc["findings"])
        for f in doc["findings"]:
            assert text[f["start"]:f["end"]] == f["text"]
            assert f["category"] in CATEGORIES
            assert f["severity"] in ("error", "warning", "info")
            assert f["suggestion"] is None or isinstance(f["suggestion"], str)
            line_start = text.rfind("\n", 0, f["start"]) + 1
            assert f["line"] == text.count("\n", 0, f["start"]) + 1
            assert f["column"] == f["start"] - line_start + 1
        total = sum(f["penalty"] for f in doc["findings"])
        assert abs(total - (100 - doc["score"])) < 0.05 * max(1, len(doc["findings"]))


def test_jsonl_prints_one_document_per_line():
    result = lint("--format", "jsonl", str(SEEDS))
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 5 and all(json.loads(l)["path"] for l in lines)


def test_text_format_and_exit_status():
    result = lint(str(SEEDS / "001_553d0e9926d411fe.txt"))
    assert result.exit_code == 1
    assert "001_553d0e9926d411fe.txt:17:131: NM01 warning" in result.output
    assert "-> 'Witkoff'" in result.output


def test_stdin_and_clean_text_exit_zero():
    result = lint("-", input="The talks in Istanbul ended on Friday without a deal.\n")
    assert result.exit_code == 0, result.output


def test_fail_on_and_min_score():
    text = "Envoys Steve Whitkov and Keith Kellogg arrived in Istanbul on Friday for talks.\n"
    gaz = ["--no-builtin-gazetteer", "--gazetteer", str(ROOT / "tests" / "data" / "envoys.tsv")]
    assert lint(*gaz, "-", input=text).exit_code == 1
    assert lint(*gaz, "--fail-on", "error", "-", input=text).exit_code == 0
    assert lint(*gaz, "--fail-on", "error", "--min-score", "99", "-", input=text).exit_code == 1


def test_select_and_ignore():
    path = str(SEEDS / "001_553d0e9926d411fe.txt")
    out = json.loads(lint("--format", "json", "--select", "PL01", path).stdout)
    assert {f["code"] for f in out["documents"][0]["findings"]} == {"PL01"}
    out = json.loads(lint("--format", "json", "--ignore", "NM,place", path).stdout)
    assert not {f["category"] for f in out["documents"][0]["findings"]} & {"name", "place"}


@pytest.mark.parametrize("args,message", [
    (["--select", "ZZ99"], "unknown rule selector 'ZZ99'"),
    (["--gazetteer", "missing.tsv"], "missing.tsv: no such gazetteer file"),
    (["--config", "missing.toml"], "missing.toml: cannot read config"),
])
def test_usage_errors_exit_2_with_one_line(args, message, tmp_path):
    result = lint(*args, str(SEEDS))
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_unreadable_and_undecodable_files_are_findings(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("The talks in Istanbul ended on Friday without a deal.", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xe9 au lait\n")
    result = lint("--format", "json", str(tmp_path), str(tmp_path / "missing.txt"))
    assert result.exit_code == 1
    docs = {d["path"].rsplit("/", 1)[-1]: d for d in json.loads(result.stdout)["documents"]}
    assert docs["good.txt"]["findings"] == []
    assert docs["bad.txt"]["findings"][0]["category"] == "input"
    assert "byte 0xe9 at offset 3" in docs["bad.txt"]["findings"][0]["message"]
    assert docs["missing.txt"]["findings"][0]["category"] == "input"
    assert bad.read_bytes() == b"caf\xe9 au lait\n"  # never touched


def test_jsonl_and_csv_records(tmp_path):
    j = tmp_path / "c.jsonl"
    j.write_text('{"id": "a", "text": "They flew to Kiev."}\n{"text": "Fine text here."}\nnot json\n',
                 encoding="utf-8")
    c = tmp_path / "c.csv"
    c.write_text('id,text\nx,"They flew to Kiev."\n', encoding="utf-8")
    docs = json.loads(lint("--format", "json", str(j), str(c)).stdout)["documents"]
    # paths are audited in sorted order: c.csv, then c.jsonl
    assert [(d["id"], len(d["findings"])) for d in docs] == [("x", 1), ("a", 1), ("1", 0), ("2", 1)]
    assert docs[3]["findings"][0]["category"] == "input"
    assert docs[1]["findings"][0]["text"] == "Kiev"


def test_config_file_is_read_and_unknown_keys_fail(tmp_path, monkeypatch):
    (tmp_path / "quality.toml").write_text('ignore = ["PL"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("They flew to Kiev on Monday.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert lint("a.txt").exit_code == 0
    (tmp_path / "quality.toml").write_text('ignroe = ["PL"]\n', encoding="utf-8")
    result = lint("a.txt")
    assert result.exit_code == 2 and "quality.toml: unknown key 'ignroe'" in result.output


def test_rules_and_explain():
    out = CliRunner().invoke(main, ["rules"]).output
    assert "NM01  name-misspelling" in out and "PL01  exonym" in out
    out = CliRunner().invoke(main, ["explain", "PL01"]).output
    assert "Anti-pattern" in out and "Kiev" in out
    assert CliRunner().invoke(main, ["explain", "XX00"]).exit_code == 2


def test_root_cli_shim_runs():
    proc = subprocess.run([sys.executable, str(ROOT / "cli.py"), "rules"], capture_output=True,
                          text=True, cwd=ROOT)
    assert proc.returncode == 0 and "NM01" in proc.stdout


def test_parallel_jobs_give_the_same_output():
    one = lint("--format", "json", str(SEEDS)).stdout
    two = lint("--format", "json", "-j", "2", str(SEEDS)).stdout
    assert one == two


def test_github_annotations():
    result = lint("--format", "github", str(SEEDS / "001_553d0e9926d411fe.txt"))
    first = result.stdout.splitlines()[0]
    assert first.startswith("::warning file=") and ",line=1,col=" in first and "title=MT" in first


def test_fix_prints_a_diff_and_writes_only_when_asked(tmp_path):
    p = tmp_path / "a.txt"
    original = "\ufeffLeaders travelled to Kiev for the two -day meeting on Friday.\n"
    p.write_text(original, encoding="utf-8")
    result = CliRunner().invoke(main, ["fix", str(p)])
    assert result.exit_code == 0
    assert "-\ufeffLeaders" not in result.output  # offsets exclude the byte-order mark
    assert "+Leaders travelled to Kyiv for the two-day meeting" in result.output
    assert p.read_text(encoding="utf-8") == original  # a diff changes nothing
    result = CliRunner().invoke(main, ["fix", "--write", str(p)])
    assert result.exit_code == 1  # it changed a file, as pre-commit expects
    assert p.read_bytes().startswith(b"\xef\xbb\xbf")
    assert p.read_text(encoding="utf-8-sig") == \
        "Leaders travelled to Kyiv for the two-day meeting on Friday.\n"
    assert CliRunner().invoke(main, ["fix", "--write", str(p)]).exit_code == 0  # nothing left
    assert p.read_text(encoding="utf-8-sig").count("Kyiv") == 1


def test_fix_shows_record_diffs_and_writes_records_only_when_asked(tmp_path):
    j = tmp_path / "r.jsonl"
    j.write_text('{"id": "a", "text": "They flew to Kiev."}\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["fix", str(j)])
    assert "+They flew to Kyiv." in result.output
    assert j.read_text(encoding="utf-8") == '{"id": "a", "text": "They flew to Kiev."}\n'
    result = CliRunner().invoke(main, ["fix", "--write", str(j)])
    assert result.exit_code == 1
    assert j.read_text(encoding="utf-8") == '{"id": "a", "text": "They flew to Kyiv."}\n'


def test_crlf_files_give_the_same_findings_as_lf(tmp_path):
    for p in SEEDS.glob("*.txt"):
        (tmp_path / p.name).write_bytes(p.read_bytes().replace(b"\n", b"\r\n"))
    lf = json.loads(lint("--format", "json", str(SEEDS)).stdout)["documents"]
    crlf = json.loads(lint("--format", "json", str(tmp_path)).stdout)["documents"]
    for a, b in zip(lf, crlf):
        with open(tmp_path / b["path"].rsplit("/", 1)[-1], encoding="utf-8", newline="") as fh:
            text = fh.read()
        assert [f["code"] for f in a["findings"]] == [f["code"] for f in b["findings"]]
        assert all(text[f["start"]:f["end"]] == f["text"] for f in b["findings"])


def test_unreadable_input_survives_select_and_takes_severity_overrides(tmp_path):
    missing = str(tmp_path / "missing.txt")
    out = json.loads(lint("--format", "json", "--select", "NM", missing).stdout)
    assert [f["code"] for f in out["documents"][0]["findings"]] == ["IN01"]
    (tmp_path / "quality.toml").write_text('[severity]\nIN01 = "info"\n', encoding="utf-8")
    result = lint("--config", str(tmp_path / "quality.toml"), missing)
    assert result.exit_code == 0 and "IN01 info" in result.output
    assert lint("--ignore", "IN01", missing).exit_code == 0


def test_special_files_and_odd_records(tmp_path):
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    j = tmp_path / "r.jsonl"
    j.write_text('{"id": 7, "text": "a\\u2028b Kiev"}\n{"id": "s", "text": "x \\ud800 y"}\n',
                 encoding="utf-8")
    docs = json.loads(lint("--format", "json", str(fifo), str(j)).stdout)["documents"]
    got = [(d["path"].rsplit("/", 1)[-1], d["id"], [f["code"] for f in d["findings"]]) for d in docs]
    assert got == [("pipe.txt", None, ["IN01"]), ("r.jsonl", "7", ["PL01"]), ("r.jsonl", "s", ["IN01"])]


@pytest.mark.parametrize("lang,code", [("EN", 0), ("en-GB", 0), ("en_US", 0), ("english", 2)])
def test_lang_codes_are_normalised_or_refused(lang, code):
    text = "The talks in Istanbul ended on Friday without a deal, officials said.\n"
    assert lint("--lang", lang, "-", input=text).exit_code == code
