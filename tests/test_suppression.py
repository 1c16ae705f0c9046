"""Suppression and baselines: inline comments, the accept vocabulary, per-path ignores,
`--write-baseline` / `--baseline`."""
import json
from functools import lru_cache

import pytest
from click.testing import CliRunner

from quality import Auditor, Config, Document
from quality.cli import cli as main

LINE = "Steve Whitkov met Keith Kloge in Kiev."
ALL = [("NM01", "Whitkov"), ("NM01", "Kloge"), ("PL01", "Kiev")]


@lru_cache(maxsize=None)
def auditor(accept=()) -> Auditor:
    return Auditor(Config(select=("NM01", "PL01"), accept=accept))


def spans(text: str, accept=()) -> list[tuple[str, str]]:
    report = auditor(tuple(accept)).audit(Document(text))
    return [(f.code, f.text) for f in report.findings]


def lint(*args):
    return CliRunner().invoke(main, ["lint", *args])


INLINE = [
    # (text, findings left)
    (LINE, ALL),
    (f"<!-- quality: ignore -->\n{LINE}", []),
    (f"<!-- quality: ignore NM01 -->\n{LINE}", [("PL01", "Kiev")]),
    (f"<!-- quality: ignore NM01, PL -->\n{LINE}", []),
    (f"<!-- quality: ignore name-misspelling -->\n{LINE}", [("PL01", "Kiev")]),
    (f"<!-- quality: ignore place -->\n\n{LINE}", [("NM01", "Whitkov"), ("NM01", "Kloge")]),
    # only the next block: the paragraph after a blank line is reported again
    (f"<!-- quality: ignore -->\n{LINE}\n\n{LINE}", ALL),
    (f"{LINE}\n<!-- quality: ignore -->", ALL),
    (f"<!-- quality: off -->\n{LINE}\n\n{LINE}\n<!-- quality: on -->\n\n{LINE}", ALL),
    (f"<!-- quality: off PL01 -->\n{LINE}\n\n{LINE}", ALL[:2] * 2),
    (f"<!-- quality: off -->\n{LINE}", []),
    (f"<!--quality:OFF-->\n{LINE}", []),
    # not a quality comment
    (f"<!-- ignore NM01 -->\n{LINE}", ALL),
]


@pytest.mark.parametrize("text,expected", INLINE)
def test_inline_comments(text, expected):
    assert spans(text) == expected


ACCEPT = [
    # (accepted forms, text, findings left)
    (["Whitkov"], LINE, ALL[1:]),
    (["Keith Kloge"], LINE, [ALL[0], ALL[2]]),
    (["Whitkov", "Kloge", "Kiev"], LINE, []),
    (["whitkov"], LINE, ALL),                       # case-sensitive
    (["Whitko"], LINE, ALL),                        # whole words only
    (["Steve Whitkov met"], LINE, ALL[1:]),
    (["Kloge in Kiev."], LINE, [ALL[0]]),
]


@pytest.mark.parametrize("forms,text,expected", ACCEPT)
def test_accept_vocabulary(forms, text, expected):
    assert spans(text, accept=tuple(forms)) == expected


def test_accept_file_and_per_path_ignores_from_the_config(tmp_path, monkeypatch):
    (tmp_path / "names").mkdir()
    (tmp_path / "names" / "accept.txt").write_text("# house forms\nWhitkov\n\n", encoding="utf-8")
    (tmp_path / "quality.toml").write_text(
        'accept-file = "names/accept.txt"\naccept = ["Kloge"]\n'
        '[per-path-ignores]\n"archive/**" = ["PL01"]\n"notes.txt" = ["place"]\n',
        encoding="utf-8")
    for rel in ("a.txt", "archive/2019/b.txt", "deep/notes.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(LINE + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "deep")  # patterns are relative to the config file's folder
    result = lint("--format", "json", "--no-corpus", *(str(tmp_path / d) for d in (
        "a.txt", "archive", "deep")))
    docs = {d["path"].replace(str(tmp_path) + "/", ""): [f["code"] for f in d["findings"]]
            for d in json.loads(result.stdout)["documents"]}
    assert docs == {"a.txt": ["PL01"], "archive/2019/b.txt": [], "deep/notes.txt": []}


@pytest.mark.parametrize("config,message", [
    ('accept-file = "missing.txt"\n', "missing.txt: cannot read accept file"),
    ('per-path-ignores = ["PL01"]\n', "'per-path-ignores' must be a table"),
    ('[per-path-ignores]\n"a/**" = ["XX99"]\n', "unknown rule selector 'XX99'"),
    ('baseline = "nowhere.json"\n', "nowhere.json: cannot read baseline"),
    ('accept = "Whitkov"\nbaseline = 3\n', "'baseline' must be a string"),
])
def test_bad_suppression_config_exits_2(tmp_path, monkeypatch, config, message):
    (tmp_path / "quality.toml").write_text(config, encoding="utf-8")
    (tmp_path / "a.txt").write_text(LINE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = lint("a.txt")
    assert result.exit_code == 2 and message in result.output, result.output


ARTICLE = [
    "Steve Whitkov met Keith Kloge in Kiev on Monday.",
    "The talks went on for hours.",
    "Officials later flew to Odessa.",
    "Nothing was agreed.",
]


def test_baseline_reports_only_the_new_finding_after_lines_move(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "news").mkdir()
    doc = tmp_path / "news" / "a.txt"
    doc.write_text("\n\n".join(ARTICLE) + "\n", encoding="utf-8")
    result = lint("--write-baseline", "quality-baseline.json", "news")
    assert result.exit_code == 0, result.output
    recorded = json.loads((tmp_path / "quality-baseline.json").read_text(encoding="utf-8"))
    assert [(e["path"], e["code"], e["text"]) for e in recorded["findings"]] == [
        ("news/a.txt", "NM01", "Kloge"), ("news/a.txt", "NM01", "Whitkov"),
        ("news/a.txt", "PL01", "Kiev"), ("news/a.txt", "PL01", "Odessa")]
    assert lint("news").exit_code == 1
    assert lint("--baseline", "quality-baseline.json", "news").exit_code == 0
    # paragraphs reordered and re-wrapped, a heading added, and one new error
    moved = ["A headline", ARTICLE[3], ARTICLE[2], "  " + ARTICLE[0].replace(" met ", "  met "),
             ARTICLE[1] + "\nThe envoy later left Kiev for Bombay."]
    doc.write_text("\n\n".join(moved) + "\n", encoding="utf-8")
    result = lint("--format", "json", "--baseline", "quality-baseline.json", "news")
    assert result.exit_code == 1
    (report,) = json.loads(result.stdout)["documents"]
    assert [(f["code"], f["text"], f["line"]) for f in report["findings"]] == [
        ("PL01", "Kiev", 10), ("PL01", "Bombay", 10)]
    # from another folder, the same baseline still knows the file
    monkeypatch.chdir(tmp_path / "news")
    result = lint("--format", "json", "--baseline", "../quality-baseline.json", "a.txt")
    assert len(json.loads(result.stdout)["documents"][0]["findings"]) == 2


def test_baseline_counts_repeats_and_a_bad_file_exits_2(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("They met in Kiev.\n", encoding="utf-8")
    assert lint("--write-baseline", "b.json", "a.txt").exit_code == 0
    (tmp_path / "a.txt").write_text("They met in Kiev.\n\nThey met in Kiev.\n", encoding="utf-8")
    result = lint("--format", "json", "--select", "PL01", "--baseline", "b.json", "a.txt")
    assert [f["line"] for f in json.loads(result.stdout)["documents"][0]["findings"]] == [3]
    (tmp_path / "b.json").write_text("[1, 2]", encoding="utf-8")
    result = lint("--baseline", "b.json", "a.txt")
    assert result.exit_code == 2 and "b.json: not a version 1 quality baseline" in result.output


def test_comments_in_a_markdown_file(tmp_path):
    md = tmp_path / "a.md"
    md.write_text(f"# Notes\n\n<!-- quality: ignore NM01 -->\n{LINE}\n\n<!-- quality: off -->\n"
                  f"{LINE}\n<!-- quality: on -->\n\n{LINE}\n", encoding="utf-8")
    result = lint("--format", "json", "--select", "NM01,PL01", str(md))
    found = [(f["code"], f["line"]) for f in json.loads(result.stdout)["documents"][0]["findings"]]
    assert found == [("PL01", 4), ("NM01", 10), ("NM01", 10), ("PL01", 10)]


def test_baseline_for_records_and_for_fix(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    rows = [{"id": "a", "text": "They met in Kiev."}, {"id": "b", "text": "Talks ended."}]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert lint("--write-baseline", "b.json", "c.jsonl").exit_code == 0
    rows[1]["text"] = "Talks ended in Kiev."
    rows.insert(0, {"id": "z", "text": "A new record."})
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = lint("--format", "json", "--baseline", "b.json", "c.jsonl")
    found = [(d["id"], f["text"]) for d in json.loads(result.stdout)["documents"]
             for f in d["findings"]]
    assert found == [("b", "Kiev")]
    result = CliRunner().invoke(main, ["fix", "--baseline", "b.json", "c.jsonl"])
    assert "+Talks ended in Kyiv." in result.output and "They met in Kyiv" not in result.output
