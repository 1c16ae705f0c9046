"""Shared helpers for table-driven rule tests."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from quality import Auditor, Config, Document, apply_fixes

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


@lru_cache(maxsize=None)
def auditor(select: tuple[str, ...] = (), builtin: bool = True) -> Auditor:
    return Auditor(Config(select=select, builtin_gazetteer=builtin))


def findings(text: str, select: "str | tuple[str, ...]" = ()) -> list:
    """Findings for `text` from the rules matching `select` (codes, prefixes, categories)."""
    if isinstance(select, str):
        select = (select,)
    return list(auditor(tuple(select)).audit(Document(text)).findings)


def spans(text: str, select=()) -> list[tuple[str, str]]:
    """[(code, flagged text)] — the compact form most rule tables assert on."""
    return [(f.code, f.text) for f in findings(text, select)]


def fixed(text: str, select=()) -> str:
    return apply_fixes(text, findings(text, select))


def seed_text(name_prefix: str) -> str:
    (path,) = [p for p in SEEDS.glob(name_prefix + "*.txt")]
    return path.read_text(encoding="utf-8")


def check_case(text: str, select, expected: list, fixed_text) -> None:
    """One row of a rule table: the findings, and (when given) the fixed text, which fixing
    again must leave unchanged."""
    assert spans(text, select) == expected
    if fixed_text is not None:
        assert fixed(text, select) == fixed_text
        assert fixed(fixed_text, select) == fixed_text
