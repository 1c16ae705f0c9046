"""Corpus formats: compressed input, Parquet records, record fields, Markdown read as prose."""
import gzip
import sys
import json

import pytest
from click.testing import CliRunner

from quality import Auditor, Config, Document
from quality.cli import cli
from quality.markdown import prose
from quality.readers import read_documents

RECORDS = b'{"id": "a", "text": "They flew to Kiev."}\n{"id": "b", "text": "Fine text."}\n'


def docs(paths, **kw):
    return [(d.id, d.text, d.error) for d in read_documents([str(p) for p in paths], **kw)]


def zstd_compress(data: bytes) -> bytes:
    zstandard = pytest.importorskip("zstandard", reason="the quality[zstd] extra is not installed")
    return zstandard.ZstdCompressor().compress(data)


@pytest.mark.parametrize("name,compress", [
    ("r.jsonl.gz", gzip.compress),
    ("r.jsonl.zst", zstd_compress),
    ("R.JSONL.GZ", gzip.compress),
])
def test_compressed_records_read_like_plain_ones(tmp_path, name, compress):
    (tmp_path / name).write_bytes(compress(RECORDS))
    assert docs([tmp_path / name]) == [("a", "They flew to Kiev.", None), ("b", "Fine text.", None)]


@pytest.mark.parametrize("name,compress", [("a.txt.gz", gzip.compress), ("a.md.zst", zstd_compress)])
def test_compressed_text_in_folders(tmp_path, name, compress):
    (tmp_path / name).write_bytes(compress("They flew to Kiev.\n".encode()))
    (tmp_path / "skip.json.gz").write_bytes(gzip.compress(b"{}"))
    assert docs([tmp_path]) == [(None, "They flew to Kiev.\n", None)]


@pytest.mark.parametrize("content,message", [
    (gzip.compress(RECORDS)[:30], "cannot decompress: the file is truncated"),
    (b"not gzip at all", "cannot decompress: Not a gzipped file"),
])
def test_broken_compressed_files_are_input_findings(tmp_path, content, message):
    (tmp_path / "r.jsonl.gz").write_bytes(content)
    (got,) = docs([tmp_path / "r.jsonl.gz"])
    assert got[2].startswith(message)


def test_jsonl_records_stream_and_undecodable_lines_are_records(tmp_path):
    p = tmp_path / "r.jsonl"
    p.write_bytes(b'\xef\xbb\xbf{"text": "one"}\n{"text": "caf\xe9"}\r\n\n{"text": "three"}\n')
    got = docs([p])
    assert got[0] == ("0", "one", None) and got[2] == ("2", "three", None)
    assert got[1][0] == "1" and "line 2: cannot decode as UTF-8: byte 0xe9 at offset 32" in got[1][2]


@pytest.mark.parametrize("fields,expected", [
    ({}, [("a", "They flew to Kiev.", None), ("b", "Fine text.", None)]),
    ({"text_field": "body", "id_field": "key"}, [("k1", "Body one.", None), ("1", "", "x")]),
])
def test_text_and_id_fields_for_every_record_format(tmp_path, fields, expected):
    rows = [{"id": "a", "text": "They flew to Kiev.", "key": "k1", "body": "Body one."},
            {"id": "b", "text": "Fine text.", "key": None, "body": None}]
    (tmp_path / "r.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    (tmp_path / "r.csv").write_text(
        "id,text,key,body\na,They flew to Kiev.,k1,Body one.\nb,Fine text.,,\n")
    paths = [tmp_path / "r.jsonl", tmp_path / "r.csv"]
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq

        pq.write_table(pa.Table.from_pylist(rows), tmp_path / "r.parquet")
        paths.append(tmp_path / "r.parquet")
    except ImportError:
        pass
    for p in paths:
        got = docs([p], **fields)
        if p.suffix == ".csv" and fields:  # an empty CSV cell is a string, not a null
            assert got[0] == expected[0] and got[1][:2] == ("1", "")
            continue
        assert [(i, t, e and "x") for i, t, e in got] == expected, p


def test_parquet_reads_in_batches_and_reports_a_missing_column(tmp_path):
    pa = pytest.importorskip("pyarrow", reason="the quality[parquet] extra is not installed")
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"id": list(range(2500)), "text": ["Kiev."] * 2500}),
                   tmp_path / "big.parquet", row_group_size=1000)
    got = docs([tmp_path / "big.parquet"])
    assert len(got) == 2500 and got[-1] == ("2499", "Kiev.", None)
    got = docs([tmp_path / "big.parquet"], text_field="body")
    assert got == [(None, "", "Parquet file has no 'body' column (columns: id, text)")]
    (tmp_path / "bad.parquet").write_bytes(b"PAR1 not really")
    assert docs([tmp_path / "bad.parquet"])[0][2].startswith("cannot read Parquet")


MARKDOWN = """---
title: Talks in Kiev
---
# Talks in `Kiev`

Officials met in Kiev, see [the report](https://example.com/kiev) and <https://x.org/Kiev>.
<!-- Kiev -->
<span title="Kiev">Fine.</span> Mail kiev@example.com or visit www.kiev.ua today.

```text
Kiev
```
[1]: https://example.com/Kiev
"""


def test_markdown_is_audited_as_prose_with_offsets_into_the_file(tmp_path):
    p = tmp_path / "a.md"
    p.write_text(MARKDOWN, encoding="utf-8")
    result = CliRunner().invoke(cli, ["lint", "--format", "json", "--select", "PL01", str(p)])
    (doc,) = json.loads(result.stdout)["documents"]
    assert [(f["text"], f["line"]) for f in doc["findings"]] == [("Kiev", 6)]
    f = doc["findings"][0]
    assert MARKDOWN[f["start"]:f["end"]] == "Kiev"
    # the same text as .txt is all flagged
    (tmp_path / "a.txt").write_text(MARKDOWN, encoding="utf-8")
    result = CliRunner().invoke(cli, ["lint", "--format", "json", "--select", "PL01",
                                      str(tmp_path / "a.txt")])
    assert len(json.loads(result.stdout)["documents"][0]["findings"]) > 5


def test_fixing_markdown_leaves_code_and_links_alone(tmp_path):
    p = tmp_path / "a.md"
    p.write_text(MARKDOWN, encoding="utf-8")
    CliRunner().invoke(cli, ["fix", "--write", "--select", "PL01", str(p)])
    assert p.read_text(encoding="utf-8") == MARKDOWN.replace("met in Kiev", "met in Kyiv")


@pytest.mark.parametrize("text,kept", [
    ("Plain prose stays.", "Plain prose stays."),
    ("Use `a` and ``b ` c`` here.", "Use     and           here."),
    ("An unclosed ` backtick stays.", "An unclosed ` backtick stays."),
    ("Two\n\n`paragraphs\n\nnever` join.", "Two\n\n`paragraphs\n\nnever` join."),
    ("---\nno: close\n", "---\nno: close\n"),
    ("+++\nx = 1\n+++\nBody.", "   \n     \n   \nBody."),
    ("Text\n---\nMore", "Text\n---\nMore"),  # a rule, not front matter
    ("~~~\ncode\n", "   \n    \n"),  # an unclosed fence runs to the end
    ("````\n```\nstill\n````\nout", "    \n   \n     \n    \nout"),
    ("a <b>bold</b> word", "a    bold     word"),
    ("See https://x.org/a_(b). Then", "See " + " " * 19 + ". Then"),
    ("<script>var Kiev;</script>Done", "                          Done"),
    ("Line\r\n<!-- c\r\nd -->\r\nEnd", "Line\r\n      \r\n     \r\nEnd"),
])
def test_markdown_prose_blanks_what_is_not_prose(text, kept):
    assert prose(text) == kept


def test_markdown_findings_that_touch_code_keep_the_file_text():
    doc = Document("Share this: [Kiev](https://t.co/Kiev)\n\nThey flew to Kiev.\n",
                   markup="markdown")
    report = Auditor(Config(select=("PL01",))).audit(doc)
    assert [(f.text, f.start) for f in report.findings] == [("Kiev", 13), ("Kiev", 52)]
    assert all(doc.text[f.start:f.end] == f.text for f in report.findings)


def test_fix_write_leaves_compressed_files_alone(tmp_path):
    p = tmp_path / "a.txt.gz"
    p.write_bytes(gzip.compress(b"They flew to Kiev.\n"))
    before = p.read_bytes()
    result = CliRunner().invoke(cli, ["fix", "--write", str(p)])
    assert "+They flew to Kyiv." in result.output and p.read_bytes() == before


def test_a_missing_extra_is_named_in_the_finding(tmp_path, monkeypatch):
    try:
        import compression.zstd  # noqa: F401  (Python 3.14 reads .zst without the extra)
        zst_builtin = True
    except ImportError:
        zst_builtin = False
    monkeypatch.setitem(sys.modules, "zstandard", None)
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    (tmp_path / "a.jsonl.zst").write_bytes(b"\x28\xb5\x2f\xfd")
    (tmp_path / "b.parquet").write_bytes(b"PAR1")
    got = [e for _, _, e in docs([tmp_path / "a.jsonl.zst", tmp_path / "b.parquet"])]
    if not zst_builtin:
        assert got[0] == "reading .zst files needs the zstandard package: " \
                         "pip install 'quality[zstd]'"
    assert got[-1] == "reading .parquet files needs pyarrow: pip install 'quality[parquet]'"


@pytest.mark.parametrize("name,data,expected", [
    ("feed.jsonl", RECORDS, [("feed.jsonl", "a", 1), ("feed.jsonl", "b", 0)]),
    ("feed.jsonl.gz", gzip.compress(RECORDS), [("feed.jsonl.gz", "a", 1), ("feed.jsonl.gz", "b", 0)]),
    ("notes.md", b"`Kiev` is code; Kiev is not.\n", [("notes.md", None, 1)]),
    (None, b"`Kiev` is code; Kiev is not.\n", [("-", None, 2)]),
])
def test_standard_input_read_as_a_named_file(name, data, expected):
    args = ["lint", "--format", "json", "--select", "PL01", "-"]
    if name:
        args[1:1] = ["--stdin-filename", name]
    result = CliRunner().invoke(cli, args, input=data)
    got = [(d["path"], d["id"], len(d["findings"])) for d in json.loads(result.stdout)["documents"]]
    assert got == expected


@pytest.mark.parametrize("name,code,out", [
    ("a.md", 0, "`Kiev` is code; Kyiv is not.\n"),
    ("a.jsonl", 2, ""),
])
def test_fixing_standard_input_as_a_named_file(name, code, out):
    result = CliRunner().invoke(cli, ["fix", "--stdin-filename", name, "-"],
                                input="`Kiev` is code; Kiev is not.\n")
    assert result.exit_code == code and result.stdout == out
