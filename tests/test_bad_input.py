"""The bad-input matrix: one hostile input per line, each run as `quality lint --format json
<input> ok.txt`. Expected: the exit status; for a bad document, the codes it gets (an `input`
finding, never a traceback) or "audited" (read and audited like any text); for a bad option
file, exit 2 with one line. Whatever happens, the JSON is valid and closed, every span holds,
ok.txt (one warning) is still audited, and nothing from outside the tree leaks out."""
import gzip
import json
import os

import pytest
from click.testing import CliRunner

from quality.cli import cli

SECRET = "SECRET-OUTSIDE-TEXT"


def put(root, name, data):
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return name


def link(root, name, target):
    (root / name).parent.mkdir(parents=True, exist_ok=True)
    os.symlink(target, root / name)
    return name


def fifo(root, name):
    (root / name).parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(root / name)
    return name


def deep_tree(root, levels):
    path = root / "in"
    path.mkdir()
    os.chdir(path)  # create level by level: the full path grows past what mkdir -p takes
    for _ in range(levels):
        os.mkdir("a")
        os.chdir("a")
    with open("deep.txt", "w", encoding="utf-8") as fh:
        fh.write("Talks in Kiev ended.")
    os.chdir(root)
    return "in"


def remove_deep(top):
    """Remove a tree of any depth without recursion (shutil.rmtree, and so pytest's own
    cleanup, recurses once per level)."""
    here = os.getcwd()
    os.chdir(top)
    depth = 0
    while True:
        subs = [e.name for e in os.scandir(".") if e.is_dir(follow_symlinks=False)]
        if subs:
            os.chdir(subs[0])
            depth += 1
            continue
        for e in os.scandir("."):
            os.unlink(e.name)
        if depth == 0:
            break
        name = os.path.basename(os.getcwd())
        os.chdir("..")
        depth -= 1
        os.rmdir(name)
    os.chdir(here)


def locked(root, name):
    put(root, f"{name}/x.txt", "Talks in Kiev ended.")
    os.chmod(root / name, 0)
    return name


def config(root, body):
    put(root, "quality.toml", body)
    return "ok.txt"


NESTED = "[" * 5000 + "]" * 5000

# name: (setup(root) -> the path to lint, extra options, exit status, expected for that path)
CASES = {
    "empty file":            (lambda r: put(r, "e.txt", b""), [], 1, "audited"),
    "binary":                (lambda r: put(r, "b.txt", bytes(range(256)) * 40), [], 1, "IN01"),
    "invalid UTF-8":         (lambda r: put(r, "l1.txt", b"caf\xe9 au lait"), [], 1, "IN01"),
    "UTF-16 with BOM":       (lambda r: put(r, "u16.txt", "Talks ended.".encode("utf-16")), [], 1, "IN01"),
    "UTF-8 BOM":             (lambda r: put(r, "bom.txt", b"\xef\xbb\xbfTalks ended."), [], 1, "audited"),
    "NUL bytes":             (lambda r: put(r, "nul.txt", b"Talks\x00 ended.\x00"), [], 1, "EN03"),
    "CR only":               (lambda r: put(r, "cr.txt", b"Talks ended.\rIn Kiev.\r"), [], 1, "PL01"),
    "CRLF":                  (lambda r: put(r, "crlf.txt", b"Talks ended.\r\n\r\nIn Kiev.\r\n"), [], 1, "PL01"),
    "huge line, windows":    (lambda r: put(r, "h.txt", "word " * 5000), ["--config", "q.toml"], 1, "IN04"),
    "flood of findings":     (lambda r: put(r, "f.txt", "Kiev. " * 50), ["--config", "q.toml"], 1, "IN03"),
    "newer Unicode letters": (lambda r: put(r, "n.txt", "\u0558 \U00031350 Talks."), [], 1, "audited"),
    "bidi controls":         (lambda r: put(r, "bidi.txt", "access = \u202euser\u2066 admin"), [], 1, "EN04"),
    "missing file":          (lambda r: "missing.txt", [], 1, "IN01"),
    "FIFO named":            (lambda r: fifo(r, "p.txt"), [], 1, "IN01"),
    "FIFO in a folder":      (lambda r: fifo(r, "in/p.txt") and "in", [], 1, "IN01"),
    "symlink loop":          (lambda r: link(r, "in/a.txt", "b.txt") and link(r, "in/b.txt", "a.txt") and "in", [], 1, "IN01"),
    "dangling symlink":      (lambda r: link(r, "in/d.txt", "nowhere.txt") and "in", [], 1, "IN01"),
    "symlink out of tree":   (lambda r: put(r, "s.txt", SECRET) and link(r, "in/s.txt", "../s.txt") and "in", [], 1, "IN01"),
    "symlink to folder":     (lambda r: put(r, "in/x.txt", "Kiev") and link(r, "in/up", "..") and "in", [], 1, "PL01"),
    "folder 1,100 deep":     (lambda r: deep_tree(r, 1100), [], 1, "PL01"),
    "unreadable folder":     (lambda r: locked(r, "in"), [], 1, "IN01"),
    "truncated gzip":        (lambda r: put(r, "t.txt.gz", gzip.compress(b"Talks in Kiev")[:-9]), [], 1, "IN01"),
    "gzip of garbage":       (lambda r: put(r, "g.txt.gz", b"\x1f\x8bnot gzip"), [], 1, "IN01"),
    "JSONL nested deeply":   (lambda r: put(r, "d.jsonl", '{"x": %s, "text": "a"}\n' % NESTED), [], 1, "IN01"),
    "JSONL bad line":        (lambda r: put(r, "j.jsonl", '{"text": "a"\n[1]\n{"text": null}\n'), [], 1, "IN01"),
    "JSONL lone surrogate":  (lambda r: put(r, "s.jsonl", '{"id": "\\ud800", "text": "Kiev", "m": "\\udc00"}\n'), [], 1, "PL01"),
    "JSONL surrogate text":  (lambda r: put(r, "st.jsonl", '{"id": 1, "text": "a \\ud800 b"}\n'), [], 1, "IN01"),
    "CSV no text column":    (lambda r: put(r, "c.csv", "id,body\n1,Kiev\n"), [], 1, "IN01"),
    "CSV huge field":        (lambda r: put(r, "big.csv", "id,text\n1,\"" + "word " * 40000 + "Kiev\"\n"), [], 1, "PL01"),
    "undecodable file name": (lambda r: put(r, os.fsdecode(b"in/caf\xe9.txt"), "Kiev") and "in", [], 1, "PL01"),
    "config nested deeply":  (lambda r: config(r, "select = " + NESTED), [], 2, "nested too deeply"),
    "config is a FIFO":      (lambda r: fifo(r, "c.toml") and "ok.txt", ["--config", "c.toml"], 2, "not a regular file"),
    "config empty suffix":   (lambda r: config(r, 'extensions = [""]'), [], 2, "'extensions'"),
    "gazetteer is a FIFO":   (lambda r: fifo(r, "g.txt") and "ok.txt", ["--gazetteer", "g.txt"], 2, "not a regular file"),
    "gazetteer TOML deep":   (lambda r: put(r, "g.toml", "x = " + NESTED) and "ok.txt", ["--gazetteer", "g.toml"], 2, "nested too deeply"),
    "gazetteer long header": (lambda r: put(r, "g.csv", "name," + "k" * 140000 + "\nKyiv,x\n") and "ok.txt", ["--gazetteer", "g.csv"], 2, "unknown column"),
    "gazetteer echo":        (lambda r: put(r, "g.csv", SECRET + ",x\nKyiv,y\n") and "ok.txt", ["--gazetteer", "g.csv"], 2, "no 'name' column"),
    "gazetteer cycle":       (lambda r: put(r, "g.csv", "name,wrong\nKyiv,Kiev\nKiev,Kyiv\n") and "ok.txt", ["--gazetteer", "g.csv"], 2, "cycle"),
}


@pytest.mark.parametrize("name", CASES)
def test_bad_input(name, tmp_path, monkeypatch):
    setup, options, status, expected = CASES[name]
    if name == "unreadable folder" and os.geteuid() == 0:  # root reads any folder: pretend
        real_scandir = os.scandir

        def scandir(path="."):
            if os.fspath(path).rstrip("/").endswith("in"):
                raise PermissionError(13, "Permission denied", os.fspath(path))
            return real_scandir(path)

        monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.chdir(tmp_path)
    put(tmp_path, "ok.txt", "Officials met in Kiev on Monday.")
    put(tmp_path, "q.toml", "max-document-size = 2000\nmax-findings = 5\n")
    put(tmp_path, "kyiv.tsv", "name\tkind\tdeprecated\nKyiv\tcity\tKiev\n")
    target = setup(tmp_path)
    small = ["--no-builtin-gazetteer", "--gazetteer", "kyiv.tsv"]  # fast to load
    try:
        result = CliRunner().invoke(cli, ["lint", "--format", "json", *small, *options, target,
                                          "ok.txt"])
    finally:
        if name.startswith("folder"):
            remove_deep(tmp_path / "in")
        elif (tmp_path / "in").is_dir():
            os.chmod(tmp_path / "in", 0o755)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == status, result.output
    assert SECRET not in result.output
    if status == 2:
        assert expected in result.stderr and result.stdout == ""
        assert len(result.stderr.strip().splitlines()) == 1
        return
    docs = json.loads(result.stdout)["documents"]
    ok = [d for d in docs if d["path"] == "ok.txt"]
    assert len(ok) == 1 and [f["code"] for f in ok[0]["findings"]] == ["PL01"]
    bad = [d for d in docs if d["path"] != "ok.txt"]
    assert bad, "the bad input vanished"
    codes = {f["code"] for d in bad for f in d["findings"]}
    if expected == "audited":
        assert not any(c.startswith("IN") for c in codes), codes
    else:
        assert expected in codes, codes
    for d in bad:
        if d["id"] is None and os.path.isfile(d["path"]) and not d["path"].endswith(".gz") \
                and not d["path"].endswith(".csv"):
            raw = open(d["path"], "rb").read()
            if not any(f["category"] == "input" and f["code"] == "IN01" for f in d["findings"]):
                text = raw.decode("utf-8-sig")
                for f in d["findings"]:
                    assert text[f["start"]:f["end"]] == f["text"]
