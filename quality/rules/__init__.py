"""The catalogue of rules, in reporting order. Each family module exports a tuple RULES."""
from __future__ import annotations

from .base import Context, Rule
from . import names, places

ALL_RULES: tuple[Rule, ...] = (
    *names.RULES,
    *places.RULES,
)


def by_code(code: str) -> Rule | None:
    code = code.strip()
    for r in ALL_RULES:
        if r.code == code.upper() or r.name == code.lower():
            return r
    return None


__all__ = ["ALL_RULES", "Context", "Rule", "by_code"]
