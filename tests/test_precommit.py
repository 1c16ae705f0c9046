"""The hooks of .pre-commit-hooks.yaml under the real pre-commit (from PyPI, in the `test`
extra) in a real git repository: a commit adding misspelt names is blocked by quality-lint,
fixed by quality-fix, and accepted once the fix is staged. "Kloge" -> "Kellogg" rests on the
first name alone, an unsafe fix (right about 6 times in 7), so the hook is given
--unsafe-fixes, as a repository that reviews the hook's changes before committing would.

The hook repository is a snapshot of this checkout's working tree (tracked and untracked,
ignored files left out) committed in a temporary repository, because pre-commit clones a
commit: the hooks tested are the ones on disk, uncommitted edits included. pre-commit builds
the hook's environment with pip as a user's machine would (about a minute).
"""
import os
import shutil
import subprocess
import sys

import pytest

from tests.helpers import ROOT

pytest.importorskip("pre_commit", reason="pre-commit is in the test extra: pip install -e '.[test]'")

TEXT = "Steve Whitkov met Keith Kloge in Istanbul on Monday.\n"
FIXED = "Steve Witkoff met Keith Kellogg in Istanbul on Monday.\n"


def git(*args, cwd, env, check=True):
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=check, text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


@pytest.fixture()
def env(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    e = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"),
             GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1",
             GIT_AUTHOR_NAME="Test", GIT_AUTHOR_EMAIL="test@example.com",
             GIT_COMMITTER_NAME="Test", GIT_COMMITTER_EMAIL="test@example.com")
    e.pop("PRE_COMMIT", None)
    e.pop("GIT_DIR", None)
    e.pop("GIT_INDEX_FILE", None)
    return e


def snapshot(dest, env) -> str:
    """This checkout's files committed in a fresh repository at `dest`; returns the commit."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, env=env, text=True, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL)
    if listed.returncode != 0:
        pytest.skip("this checkout is not a git work tree")
    for name in filter(None, listed.stdout.split("\0")):
        src = ROOT / name
        if src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)
    git("init", "-q", cwd=dest, env=env)
    git("add", "-A", cwd=dest, env=env)
    git("commit", "-q", "--no-verify", "-m", "snapshot", cwd=dest, env=env)
    return git("rev-parse", "HEAD", cwd=dest, env=env).stdout.strip()


def test_commit_blocked_by_lint_fixed_by_fix_then_accepted(tmp_path, env):
    hooks, repo = tmp_path / "hooks", tmp_path / "repo"
    hooks.mkdir()
    repo.mkdir()
    rev = snapshot(hooks, env)
    git("init", "-q", cwd=repo, env=env)
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hooks}\n    rev: {rev}\n    hooks:\n"
        "      - id: quality-lint\n      - id: quality-fix\n        args: [--unsafe-fixes]\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=repo, env=env,
                   check=True, stdout=subprocess.PIPE)
    (repo / "envoys.md").write_text(TEXT, encoding="utf-8")
    git("add", "-A", cwd=repo, env=env)

    first = git("commit", "-m", "Add the envoys", cwd=repo, env=env, check=False)
    assert first.returncode != 0, first.stdout
    out = first.stdout
    lint_part, fix_part = out.split("quality fix", 1)
    assert "quality lint" in lint_part and "Failed" in lint_part
    assert "NM01" in lint_part and "'Whitkov'" in lint_part and "'Kloge'" in lint_part
    assert "Failed" in fix_part and "files were modified by this hook" in fix_part
    assert git("rev-list", "--all", cwd=repo, env=env).stdout == ""  # nothing committed
    assert (repo / "envoys.md").read_text(encoding="utf-8") == FIXED

    git("add", "-A", cwd=repo, env=env)
    second = git("commit", "-m", "Add the envoys", cwd=repo, env=env, check=False)
    assert second.returncode == 0, second.stdout
    assert second.stdout.count("Passed") == 2
    assert git("show", "HEAD:envoys.md", cwd=repo, env=env).stdout == FIXED
