"""Fixes a user can trust: safe and unsafe fixes, diffs that name the rule and evidence of
each change, `quality fix -`, and record files fixed record by record."""
import json
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from quality import audit
from quality.cli import cli as main
from quality.fixes import fix_safety
from quality.model import Finding, Severity

FOOTER = "The post Talks resume appeared first on Daily News."
TEXT = f"Leaders met in Kiev for two -day talks.\n\nHe said OneTrump was there.\n\n{FOOTER}\n"
SAFE = "Leaders met in Kyiv for two-day talks.\n\nHe said OneTrump was there.\n\n" + FOOTER + "\n"
ALL = "Leaders met in Kyiv for two-day talks.\n\nHe said One Trump was there.\n\n"


def fix(*args, input=None):
    return CliRunner().invoke(main, ["fix", *args], input=input)


SAFETY = [
    # (text, code, fix safety)
    ("Leaders met in Kiev.", "PL01", "safe"),                      # exonym, certain
    ("Steve Whitkov arrived on Monday.", "NM01", "safe"),          # first name and skeleton
    ("Keith Kloge arrived on Monday.", "NM01", "unsafe"),          # first name alone: 6 in 7
    ("The two -day talks ended.", "MT02", "safe"),
    ("He said OneTrump was there.", "MT03", "unsafe"),             # less certain
    (f"Leaders met.\n\n{FOOTER}\n", "BP01", "unsafe"),             # deletes a line
    ("in Istanbul It has derailed the talks.", "MT04", None),      # nothing to fix
]


@pytest.mark.parametrize("text,code,safety", SAFETY)
def test_every_finding_says_whether_its_fix_is_safe(text, code, safety):
    report = audit(text)
    found = [f["fix_safety"] for f in report.to_dict()["findings"] if f["code"] == code]
    assert found and set(found) == {safety}
    assert [f.fix_safety for f in report.findings if f.code == code] == found


def test_evidence_from_other_documents_is_unsafe():
    f = Finding("NM11", "consensus-spelling", "name", Severity.WARNING, "m", 0, 5, "Kloge",
                "Kellogg", 0.95)
    assert fix_safety(f, from_corpus=True) == "unsafe" and fix_safety(f) == "safe"
    assert fix_safety(Finding("X", "x", "name", Severity.INFO, "m", 0, 1, "a")) is None


def test_fix_applies_safe_fixes_and_unsafe_ones_only_when_asked(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(TEXT, encoding="utf-8")
    result = fix("--write", "--no-corpus", str(p))
    assert result.exit_code == 1, result.output
    assert p.read_text(encoding="utf-8") == SAFE
    assert "2 unsafe fix(es) not applied (--unsafe-fixes applies them)" in result.output
    assert fix("--write", "--no-corpus", str(p)).exit_code == 0  # nothing safe left
    assert fix("--write", "--no-corpus", "--unsafe-fixes", str(p)).exit_code == 1
    assert p.read_text(encoding="utf-8") == ALL


def test_the_diff_names_rule_and_evidence_and_git_applies_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    result = fix("--no-corpus", "--unsafe-fixes", "a.txt")
    assert result.exit_code == 0
    headers = [line for line in result.output.splitlines() if line.startswith("@@")]
    assert headers and all(line.count("@@") == 2 for line in headers)
    notes = " ".join(headers)
    assert "PL01 (safe): 'Kiev' is a deprecated name for Kyiv" in notes
    assert "MT02 (safe)" in notes and "MT03 (unsafe)" in notes and "BP01 (unsafe)" in notes
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    diff = "".join(line + "\n" for line in result.output.splitlines()
                   if not line.startswith(("fixed", "1 document")))
    subprocess.run(["git", "apply", "-"], input=diff, text=True, check=True, cwd=tmp_path)
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == ALL


def test_fix_stdin_writes_the_fixed_text_to_stdout():
    result = fix("-", input=TEXT)
    assert result.exit_code == 0 and result.stdout == SAFE
    assert fix("-", "--unsafe-fixes", input=TEXT).stdout == ALL
    assert fix("-", input="Nothing to fix here.\n").stdout == "Nothing to fix here.\n"
    bad = CliRunner().invoke(main, ["fix", "-"], input=b"caf\xe9 in Kiev\n")
    assert bad.exit_code == 1 and bad.stdout_bytes.startswith(b"caf\xe9 in Kiev\n")
    assert fix("-", "a.txt").exit_code == 2


RECORDS = [
    # (file name, content, content after `fix --write`): other fields and records byte for byte
    ("r.jsonl",
     '{"id": "a", "text": "They met in Kiev.", "n": 1.50, "x": "caf\\u00e9"}\n'
     '\n{"id":"b","text":"Nothing here."}\r\n'
     '{"meta": {"text": "Kiev"}, "text": "The two -day talks \\u00e9.", "t": "Kiev"}\n'
     'not json\n'
     '{"text": "He said OneTrump was there."}',
     '{"id": "a", "text": "They met in Kyiv.", "n": 1.50, "x": "caf\\u00e9"}\n'
     '\n{"id":"b","text":"Nothing here."}\r\n'
     '{"meta": {"text": "Kiev"}, "text": "The two-day talks \\u00e9.", "t": "Kiev"}\n'
     'not json\n'
     '{"text": "He said OneTrump was there."}'),
    ("r.csv",
     'id,text,extra\r\n1,"They met in Kiev, again.",  keep \r\n2,Nothing here.,"a ""q"""\r\n'
     '\r\n3,They flew to Kiev.,"Kiev"\r\n',
     'id,text,extra\r\n1,"They met in Kyiv, again.",  keep \r\n2,Nothing here.,"a ""q"""\r\n'
     '\r\n3,They flew to Kyiv.,"Kiev"\r\n'),
]


@pytest.mark.parametrize("name,before,after", RECORDS)
def test_record_files_are_fixed_record_by_record(tmp_path, name, before, after):
    p = tmp_path / name
    p.write_bytes(before.encode("utf-8"))
    result = fix("--write", "--no-corpus", str(p))
    assert result.exit_code == 1, result.output
    assert p.read_bytes().decode("utf-8") == after
    assert fix("--write", "--no-corpus", str(p)).exit_code == 0


def test_a_record_file_changed_meanwhile_is_left_alone(tmp_path, monkeypatch):
    from quality import splice

    p = tmp_path / "r.jsonl"
    p.write_text(json.dumps({"text": "They met in Kiev."}) + "\n", encoding="utf-8")
    real = splice.splice_jsonl
    monkeypatch.setattr(splice, "splice_jsonl", lambda text, field, changes: real(
        text.replace("met", "flew"), field, changes))
    result = fix("--write", str(p))
    assert "not rewritten: record 1 changed since it was read" in result.output
    assert p.read_text(encoding="utf-8") == '{"text": "They met in Kiev."}\n'


@pytest.mark.parametrize("config,expected", [
    ({}, [("Kloge", "unsafe"), ("Kiev", "safe")]),
    ({"extend_safe_fixes": ("NM01",)}, [("Kloge", "safe"), ("Kiev", "safe")]),
    ({"extend_unsafe_fixes": ("place",)}, [("Kloge", "unsafe"), ("Kiev", "unsafe")]),
    ({"extend_safe_fixes": ("NM", "PL"), "extend_unsafe_fixes": ("PL01",)},
     [("Kloge", "safe"), ("Kiev", "unsafe")]),           # unsafe wins
])
def test_the_config_moves_rules_between_safe_and_unsafe(config, expected):
    from quality import Auditor, Config

    report = Auditor(Config(select=("NM01", "PL01"), **config)).audit(
        "Keith Kloge arrived in Kiev on Monday.")
    assert [(f.text, f.fix_safety) for f in report.findings] == expected


def test_unsafe_fixes_from_the_config(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "quality.toml").write_text("unsafe-fixes = true\n", encoding="utf-8")
    assert fix("-", "--no-corpus", input=TEXT).stdout == ALL
    (tmp_path / "quality.toml").write_text('extend-safe-fixes = ["XX"]\n', encoding="utf-8")
    result = fix("-", input=TEXT)
    assert result.exit_code == 2 and "unknown rule selector 'XX'" in result.output
