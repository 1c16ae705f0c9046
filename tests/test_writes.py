"""fix --write safety: hard links, owner, folders it cannot write, changes that land while a
file is fixed, symbolic links out of the tree, CR-only files, and one run to a fixed point."""
import os
import shutil

import pytest
from click.testing import CliRunner

from quality import writers
from quality.cli import cli
from tests.helpers import SEEDS

BEFORE = "Leaders travelled to Kiev for the two -day meeting on Friday.\n"
AFTER = "Leaders travelled to Kyiv for the two-day meeting on Friday.\n"


def fix(*args):
    return CliRunner().invoke(cli, ["fix", *args])


def test_hard_links_are_kept(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.md"
    a.write_text(BEFORE, encoding="utf-8")
    os.link(a, b)
    assert fix("--write", str(a)).exit_code == 1  # a file was changed
    assert b.read_text(encoding="utf-8") == AFTER and os.path.samefile(a, b)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                    reason="only root can hand a file to another owner")
def test_the_owner_is_kept_when_root_fixes_a_file(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(BEFORE, encoding="utf-8")
    os.chown(p, 65534, 65534)
    assert fix("--write", str(p)).exit_code == 1
    st = os.stat(p)
    assert p.read_text(encoding="utf-8") == AFTER and (st.st_uid, st.st_gid) == (65534, 65534)


def test_a_writable_file_in_a_folder_it_cannot_write_is_fixed_in_place(tmp_path, monkeypatch):
    p = tmp_path / "a.txt"
    p.write_text(BEFORE, encoding="utf-8")

    def no_temp_files(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(writers.tempfile, "mkstemp", no_temp_files)
    result = fix("--write", str(p))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert p.read_text(encoding="utf-8") == AFTER


@pytest.mark.parametrize("late,expected,message", [
    (b"appended line\n", AFTER + "appended line\n", None),       # an append is carried over
    (None, "Someone else's text.\n", "left with that change"),   # anything else is put back
])
def test_a_change_between_the_last_check_and_the_rename_is_not_lost(tmp_path, monkeypatch,
                                                                     late, expected, message):
    p = tmp_path / "a.txt"
    p.write_text(BEFORE, encoding="utf-8")
    real_replace = os.replace

    def replace_after_a_write(src, dst):
        if late is not None:
            with open(dst, "ab") as fh:  # lands on the old file, after the check
                fh.write(late)
        else:
            with open(dst, "r+b") as fh:
                fh.write(b"Someone else's text.\n")
                fh.truncate()
        real_replace(src, dst)

    monkeypatch.setattr(writers.os, "replace", replace_after_a_write)
    problem = writers.rewrite(str(p), BEFORE, AFTER)
    assert p.read_text(encoding="utf-8") == expected
    assert (problem is None) if message is None else (message in problem)


def test_symlinks_out_of_the_tree_are_neither_read_nor_written(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text(BEFORE, encoding="utf-8")
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "link.txt").symlink_to(outside)
    result = fix("--write", str(tree))
    assert outside.read_text(encoding="utf-8") == BEFORE
    assert "outside the folder" in result.output
    assert writers.rewrite(str(tree / "link.txt"), BEFORE, AFTER, [str(tree)]) is not None
    assert outside.read_text(encoding="utf-8") == BEFORE
    assert fix("--write", "--follow-symlinks", str(tree)).exit_code == 1
    assert outside.read_text(encoding="utf-8") == AFTER


def test_cr_only_files_are_fixed_line_by_line(tmp_path):
    p = tmp_path / "cr.txt"
    p.write_bytes(b"Talks in Kiev ended.\rThe post Talks appeared first on Example News.\r"
                  b"More.\r")
    assert fix("--write", "--unsafe-fixes", str(p)).exit_code == 1
    assert p.read_bytes() == b"Talks in Kyiv ended.\rMore.\r"


def test_one_run_reaches_the_fixed_point_in_corpus_mode(tmp_path):
    for s in SEEDS.glob("*.txt"):
        shutil.copy(s, tmp_path / s.name)
    (tmp_path / "extra.txt").write_text("Special envoy Steve Witkof met Zelenski in Kiev.\n",
                                        encoding="utf-8")
    assert "fixed" in fix("--write", "--unsafe-fixes", str(tmp_path)).output
    again = fix("--unsafe-fixes", str(tmp_path))
    assert again.stdout == "" and "0 document(s) with fixes" in again.stderr
