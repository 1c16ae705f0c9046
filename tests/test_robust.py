"""Hostile input: what once crashed or took minutes, each pinned by its behaviour (never by
time: bench/pathological.py measures cost)."""
import pytest

from quality import Auditor, Config, Document, Entry, Gazetteer, audit
from quality.rules import mt, places
from quality.text import sentence_spans


@pytest.mark.parametrize("text", [
    "\u0558 ",                       # a letter newer than some Unicode tables
    "\U00031350",                    # an unassigned code point
    "Hello \u0558world \U00031350 test.",
    "Pаris \U000e0001\U0003134b",
])
def test_letters_unknown_to_a_unicode_table_do_not_crash(text):
    report = audit(text)
    assert 0 <= report.score <= 100


def test_a_run_of_abbreviations_still_splits_sentences():
    # The splitter looks at a bounded tail before each candidate break: a long run of
    # "Mr. Smith;" (once quadratic) gives the same sentences as a short one.
    unit = "Mr. Smith; "
    text = unit * 500 + "It ended. Then it began."
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans][-2:] == [unit * 500 + "It ended.", "Then it began."]


def _pl01(text):
    gaz = Gazetteer([Entry("Kyiv", "city", deprecated=("Kiev",), since=1995)])
    auditor = Auditor(Config(select=("PL01",), builtin_gazetteer=False), gaz)
    return [f.start for f in auditor.audit(Document(text)).findings]


def test_many_exonyms_keep_their_historical_frames(monkeypatch):
    # Past the first frames the cues are found once in the whole document and looked up by
    # position; the answers are the same as searching frame by frame.
    text = ("Officials met in Kiev on Monday. " * 30 + "In 1990 Kiev was a Soviet city. "
            "The 19th century saw Kiev grow. Nothing more. ") * 5
    got = _pl01(text)
    monkeypatch.setattr(places, "_historical_in", lambda ctx, frame, entry:
                        places.historical_reason(ctx.text[frame[0]:frame[1]], entry))
    expected = _pl01(text)
    assert got == expected and 0 < len(got) < text.count("Kiev")


def test_calqued_article_reads_the_documents_own_usage():
    # Words the document writes after "the", found once (this was a search of the whole
    # document per finding); shorter forms cut at an apostrophe count too.
    text = "the The Kremlin met the O’Brien’s staff; theThe Xavier and tHe Yard. The EU."
    ctx = Auditor().context(Document(text))
    assert mt._after_the(ctx) == {"The", "Kremlin", "O", "O’Brien", "O’Brien’s", "EU"}


def test_a_failing_rule_costs_only_its_own_findings(monkeypatch):
    from quality.rules import ALL_RULES

    pl01 = next(r for r in ALL_RULES if r.code == "PL01")

    def boom(rule, ctx):
        yield from ()
        raise RecursionError("deep")

    auditor = Auditor(Config(select=("PL01", "MT02")))
    monkeypatch.setattr(auditor, "rules", tuple(
        type(r)(**{**r.__dict__, "check": boom}) if r is pl01 else r for r in auditor.rules))
    report = auditor.audit(Document("Talks in Kiev lasted two -day."))
    assert [f.code for f in report.findings] == ["IN02", "MT02"]
    assert "PL01" in report.findings[0].message and "RecursionError" in report.findings[0].message
    assert report.score == 0


def test_findings_are_capped_with_a_count_and_the_most_severe_kept():
    text = "He said two -day talks. " * 30 + "Control\x07 char."
    report = audit(text, Config(select=("MT02", "EN03"), severity=(("EN03", "error"),),
                                max_findings=5))
    codes = [f.code for f in report.findings]
    assert codes[0] == "IN03" and "and 26 more" in report.findings[0].message
    assert "EN03" in codes and len(codes) == 6
    full = audit(text, Config(select=("MT02", "EN03"), severity=(("EN03", "error"),)))
    assert report.score == full.score


def test_long_documents_are_audited_in_windows_with_true_offsets():
    text = "".join(f"Paragraph {i} says talks in Kiev went on for two -day.\n\n" for i in range(60))
    whole = audit(text, Config(max_document_size=0))
    windowed = audit(text, Config(max_document_size=1000))
    assert windowed.findings[0].code == "IN04" and "4 windows" in windowed.findings[0].message
    got = [(f.code, f.start, f.end) for f in windowed.findings[1:]]
    assert got == [(f.code, f.start, f.end) for f in whole.findings]
    for f in windowed.findings:
        assert text[f.start:f.end] == f.text


def test_config_discovery_passes_over_folders_it_cannot_search(monkeypatch, tmp_path):
    from pathlib import Path

    from quality import config

    def denied(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "is_file", denied)
    assert config.find_config_file(tmp_path) is None
    assert config.load(None, tmp_path) == config.DEFAULTS


@pytest.mark.parametrize("rows", [
    "name,wrong\nKyiv,Kiev\nKiev,Kyiv\n",          # a cycle
    "name,aliases,deprecated\nKyiv,Kiev,Kiev\n",   # a form both accepted and deprecated
])
def test_gazetteer_whose_fixes_would_not_settle_is_refused(rows, tmp_path):
    from quality import GazetteerError

    path = tmp_path / "g.csv"
    path.write_text(rows, encoding="utf-8")
    with pytest.raises(GazetteerError, match="undo each other"):
        Gazetteer.load([path], builtin=False)


def test_symlinks_out_of_the_folder_are_read_only_when_asked(tmp_path):
    from quality.readers import read_documents

    (tmp_path / "outside.txt").write_text("outside", encoding="utf-8")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "l.txt").symlink_to(tmp_path / "outside.txt")
    (docs,) = read_documents([str(tmp_path / "in")])
    assert docs.error and "outside the folder" in docs.error and docs.text == ""
    (docs,) = read_documents([str(tmp_path / "in")], follow_symlinks=True)
    assert docs.error is None and docs.text == "outside"


def test_corpus_stats_file_gives_the_same_findings_in_any_batch(tmp_path):
    import json
    import shutil

    from click.testing import CliRunner

    from quality.cli import cli
    from tests.helpers import SEEDS

    for s in SEEDS.glob("*.txt"):
        shutil.copy(s, tmp_path / s.name)
    for i, name in enumerate(("Kwiatkowski", "Kwiatkowski", "Kwiatkowski", "Kwiatkowsky")):
        (tmp_path / f"x{i}.txt").write_text(
            f"The mayor, Dariusz {name}, opened the new bridge on Monday.\n", encoding="utf-8")
    stats = tmp_path / "stats.json"
    run = CliRunner().invoke
    assert run(cli, ["corpus-stats", str(tmp_path), "-o", str(stats)]).exit_code == 0

    def findings(*args):
        out = run(cli, ["lint", "--format", "json", *args]).stdout
        return {d["path"]: d["findings"] for d in json.loads(out)["documents"]}

    whole = findings(str(tmp_path))
    assert [f["code"] for f in whole[str(tmp_path / "x3.txt")]] == ["NM11"]
    for batch in ([tmp_path / "x3.txt"], sorted(tmp_path.glob("*.txt"))[:3]):
        got = findings("--corpus-stats", str(stats), *map(str, batch))
        assert got == {str(p): whole[str(p)] for p in batch}
    assert run(cli, ["lint", "--corpus-stats", str(tmp_path / "x0.txt"), str(stats)]
               ).exit_code == 2
