"""Terminal habits: colour only on a terminal (NO_COLOR, FORCE_COLOR), a progress display only
on a terminal and only for long runs, the closing summary and --statistics on standard error."""
import io

import pytest
from click.testing import CliRunner

from quality import Document, Finding, Report, Severity
from quality.cli import cli
from quality.terminal import Progress, RunSummary, use_colour
from tests.helpers import SEEDS


class Tty(io.StringIO):
    def isatty(self):
        return True


@pytest.mark.parametrize("tty,env,expected", [
    (True, {}, True),
    (False, {}, False),
    (True, {"NO_COLOR": "1"}, False),
    (True, {"NO_COLOR": ""}, True),          # empty means unset (no-color.org)
    (False, {"FORCE_COLOR": "1"}, True),
    (False, {"FORCE_COLOR": ""}, False),
    (False, {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
    (True, {"TERM": "dumb"}, False),
])
def test_colour_only_on_a_terminal_honouring_the_variables(tty, env, expected):
    assert use_colour(Tty() if tty else io.StringIO(), env) is expected


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_progress_waits_for_a_long_run_then_counts_against_the_first_pass():
    clock, out = Clock(), Tty()
    progress = Progress(out, clock=clock, environ={})
    source = progress.source(lambda: iter(range(10)))
    list(source())                        # the corpus pass: 10 documents, quickly
    assert out.getvalue() == ""           # nothing for a short run
    reports = progress.reports(iter(range(10)))
    next(reports)
    clock.now = 3.0
    next(reports)
    assert "auditing [" in out.getvalue() and "2/10 documents" in out.getvalue()
    list(reports)
    assert out.getvalue().endswith("\r")  # the line is erased at the end


@pytest.mark.parametrize("stream,env", [(io.StringIO(), {}), (Tty(), {"CI": "true"})])
def test_no_progress_when_piped_or_in_ci(stream, env):
    clock = Clock()
    progress = Progress(stream, clock=clock, environ=env)
    clock.now = 10.0
    list(progress.reports(iter(range(5))))
    assert stream.getvalue() == ""


def finding(code, category, severity=Severity.WARNING):
    return Finding(code, code.lower(), category, severity, "m", 0, 1, "x")


def test_summary_and_statistics():
    clock = Clock()
    summary = RunSummary(clock=clock)
    summary.add(Report(Document("x", "a.txt"), (finding("NM01", "name"), finding("PL01", "place"),
                                                  finding("NM01", "name")), 40.0))
    summary.add(Report(Document("y", "b.jsonl", "7"), (), 100.0))
    clock.now = 1.25
    assert summary.lines() == [
        "3 finding(s) in 2 document(s) from 2 file(s): 2 name, 1 place",
        "score: mean 70.0, worst 40 (a.txt); 1.2 s",
    ]
    assert summary.statistics() == ["2  NM01  nm01", "1  PL01  pl01"]


def lint(*args, env=None):
    return CliRunner(env=env or {}).invoke(cli, ["lint", *args])


def test_the_summary_goes_to_standard_error_and_quiet_silences_it():
    result = lint(str(SEEDS))
    assert result.stderr.splitlines()[0].startswith("47 finding(s) in 5 document(s) from 5 file(s)")
    assert "score: mean" in result.stderr and "finding(s)" not in result.stdout
    result = lint("-q", str(SEEDS))
    assert result.stderr == "" and "NM01" in result.stdout


def test_statistics_count_findings_per_rule():
    result = lint("-q", "--statistics", "--format", "json", str(SEEDS))
    rows = [line.split() for line in result.stderr.splitlines()]
    assert ["4", "NM01", "name-misspelling"] in rows
    assert sum(int(r[0]) for r in rows) == 47
    assert result.stdout.startswith("{")


@pytest.mark.parametrize("env,coloured", [
    ({}, False), ({"FORCE_COLOR": "1"}, True), ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
])
def test_text_output_colour(env, coloured):
    result = lint(str(SEEDS / "001_553d0e9926d411fe.txt"), env=env)
    assert ("\x1b[" in result.stdout) is coloured
    assert "\x1b[" not in result.stderr


def test_fix_and_filter_are_quiet_too(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("They flew to Kiev.\n")
    result = CliRunner().invoke(cli, ["fix", "-q", "--write", str(p)])
    assert result.stderr == "" and p.read_text() == "They flew to Kyiv.\n"
    (tmp_path / "r.jsonl").write_text('{"text": "They flew to Kiev."}\nnot json\n')
    args = ["filter", str(tmp_path / "r.jsonl"), "-o", str(tmp_path / "o.jsonl")]
    result = CliRunner().invoke(cli, args)
    assert result.stderr.splitlines()[1:3] == [
        "kept 1 of 2 record(s); dropped 1; 1 malformed",
        "2 finding(s) in 2 document(s) from 1 file(s): 1 input, 1 place",
    ] and "score: mean" in result.stderr
    assert CliRunner().invoke(cli, [*args, "-q"]).stderr == ""


def test_no_progress_when_the_report_is_piped():
    import os

    read, write = os.pipe()
    try:
        with os.fdopen(write, "w") as piped:
            clock = Clock()
            progress = Progress(Tty(), clock=clock, environ={}, output=piped)
            assert not progress.enabled
        assert Progress(Tty(), environ={}, output=io.StringIO()).enabled
    finally:
        os.close(read)
