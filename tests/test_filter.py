"""`quality filter`: kept records with their score, dropped ones with the reason, atomic outputs."""
import json
import os

import pytest
from click.testing import CliRunner

from quality import Document
from quality.cli import cli
from quality.writers import atomic_output, record_line

RECORDS = (
    '{"id":"a","text":"They flew to Kiev."}\n'
    '{"id": "b",  "text": "The talks ended on Friday without a deal, officials said."}\n'
    'not json\n'
    '{"id":"c"}\n'
)


def run(tmp_path, *args, records=RECORDS):
    src = tmp_path / "in.jsonl"
    src.write_text(records, encoding="utf-8")
    result = CliRunner().invoke(cli, ["filter", str(src), "-o", str(tmp_path / "out.jsonl"),
                                      "--rejected", str(tmp_path / "rej.jsonl"), *args])
    out = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    rej = (tmp_path / "rej.jsonl").read_text(encoding="utf-8").splitlines()
    return result, out, rej


@pytest.mark.parametrize("args,kept,dropped", [
    ([], ["a", "b"], [("2", "malformed: line 3: not valid JSON"), ("c", "malformed: line 4")]),
    (["--drop-on", "PL01"], ["b"], [("a", "drop-on: PL01"), ("2", "malformed"), ("c", "malformed")]),
    (["--drop-on", "place"], ["b"], [("a", "drop-on: PL01"), ("2", "malformed"), ("c", "malformed")]),
    (["--min-score", "90"], ["b"], [("a", "score "), ("2", "malformed"), ("c", "malformed")]),
    (["--min-score", "90", "--drop-on", "PL"], ["b"],
     [("a", "drop-on: PL01; score "), ("2", "malformed"), ("c", "malformed")]),
])
def test_records_are_kept_or_dropped_with_the_reason(tmp_path, args, kept, dropped):
    result, out, rej = run(tmp_path, *args)
    assert result.exit_code == 0, result.output
    assert [json.loads(l)["id"] for l in out] == kept
    got = [json.loads(l) for l in rej]
    assert [(r.get("id"), r["quality_reason"][:len(why)]) for r, (_, why) in zip(got, dropped)] \
        == dropped
    assert "malformed record: line 3: not valid JSON" in result.output


def test_kept_jsonl_records_keep_their_bytes_and_gain_the_fields(tmp_path):
    _, out, rej = run(tmp_path)
    assert out[1].startswith('{"id": "b",  "text": "The talks ended on Friday without a deal, '
                             'officials said.", "quality_score": 100.0, "quality_findings": []')
    a = json.loads(out[0])
    assert a["quality_findings"][0]["code"] == "PL01" and a["quality_score"] < 100
    assert json.loads(rej[0])["record"] == "not json"  # a malformed line is kept whole
    _, out, _ = run(tmp_path, "--no-findings")
    assert "quality_findings" not in json.loads(out[0]) and "quality_score" in json.loads(out[0])


def test_filtering_its_own_output_again_replaces_the_fields(tmp_path):
    run(tmp_path)
    again = (tmp_path / "out.jsonl").read_text(encoding="utf-8")
    _, out, _ = run(tmp_path, "--no-findings", records=again)
    rec = json.loads(out[0])
    assert out[0].count("quality_score") == 1 and "quality_findings" in rec  # old findings kept


def test_other_formats_become_json_objects(tmp_path):
    (tmp_path / "a.csv").write_text("id,text,lang\nx,They flew to Kiev.,en\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Fine text.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["filter", str(tmp_path / "a.csv"), str(tmp_path / "b.txt"),
                                      "-o", "-", "--no-findings"])
    rows = [json.loads(l) for l in result.stdout.splitlines()]
    assert rows[0] == {"id": "x", "text": "They flew to Kiev.", "lang": "en",
                       "quality_score": rows[0]["quality_score"]}
    assert rows[1]["path"].endswith("b.txt") and rows[1]["text"] == "Fine text.\n"


def test_parquet_records_keep_every_column(tmp_path):
    pa = pytest.importorskip("pyarrow", reason="the quality[parquet] extra is not installed")
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"id": [1], "text": ["They flew to Kiev."], "n": [3]}),
                   tmp_path / "r.parquet")
    result = CliRunner().invoke(cli, ["filter", str(tmp_path / "r.parquet"), "-o", "-",
                                      "--no-findings"])
    row = json.loads(result.stdout)
    assert (row["id"], row["n"]) == (1, 3)


def test_output_may_be_the_input(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(RECORDS, encoding="utf-8")
    result = CliRunner().invoke(cli, ["filter", str(src), "-o", str(src), "--drop-on", "PL01"])
    assert result.exit_code == 0
    assert [json.loads(l)["id"] for l in src.read_text().splitlines()] == ["b"]


@pytest.mark.parametrize("args,message", [
    (["--drop-on", "ZZ99"], "unknown rule selector 'ZZ99' in --drop-on"),
    (["--rejected", "{out}"], "--rejected must not be the --output file"),
])
def test_usage_errors_leave_the_outputs_alone(tmp_path, args, message):
    out = tmp_path / "out.jsonl"
    out.write_text("old\n")
    src = tmp_path / "in.jsonl"
    src.write_text(RECORDS)
    args = [a.replace("{out}", str(out)) for a in args]
    result = CliRunner().invoke(cli, ["filter", str(src), "-o", str(out), *args])
    assert result.exit_code == 2 and message in result.output
    assert out.read_text() == "old\n"


def test_an_unwritable_output_is_one_line(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(RECORDS)
    result = CliRunner().invoke(cli, ["filter", str(src), "-o", str(tmp_path / "no" / "o.jsonl")])
    assert result.exit_code == 2 and "cannot write" in result.output
    assert "Traceback" not in result.output


def test_atomic_output_keeps_the_old_file_when_writing_fails(tmp_path):
    p = tmp_path / "o.jsonl"
    p.write_text("old\n")
    os.chmod(p, 0o640)
    with pytest.raises(RuntimeError):
        with atomic_output(str(p)) as fh:
            fh.write("half")
            raise RuntimeError
    assert p.read_text() == "old\n" and os.listdir(tmp_path) == ["o.jsonl"]
    with atomic_output(str(p)) as fh:
        fh.write("new\n")
    assert p.read_text() == "new\n" and os.stat(p).st_mode & 0o777 == 0o640


@pytest.mark.parametrize("record,expected", [
    ('{"a": 1}', '{"a": 1, "s": 2}\n'),
    ('{ }', '{"s": 2}\n'),
    ('{"s": 1, "a": 1}', '{"s": 2, "a": 1}\n'),
    ('[1]', '{"path": "p", "id": "0", "record": "[1]", "s": 2}\n'),
    ({"a": "x"}, '{"a": "x", "s": 2}\n'),
    (None, '{"path": "p", "id": "0", "text": "t", "s": 2}\n'),
])
def test_record_lines(record, expected):
    assert record_line(Document("t", "p", "0", record=record), {"s": 2}) == expected
