"""The document score: one pure function, documented here and in the README.

    weight(f)   = SEVERITY_WEIGHT[severity] * CATEGORY_WEIGHT[category] * confidence
    units       = max(1, words / 100)            # document length in 100-word units
    density     = sum(weight(f) for f in findings) / units
    score       = 100 * exp(-density / SCALE)     # 100 with no findings, never below 0
    penalty(f)  = (100 - score) * weight(f) / sum(weights)   # each finding's share, in the JSON

So one warning in a 600-word article costs about 6 points, while the same warning in a
60-word snippet costs about 33; an `input` finding (unreadable file) scores 0.
"""
from __future__ import annotations

import math
from typing import Sequence

from .model import Finding, Severity

SEVERITY_WEIGHT = {Severity.ERROR: 10.0, Severity.WARNING: 4.0, Severity.INFO: 1.0}
CATEGORY_WEIGHT = {
    "name": 1.0, "place": 1.0, "script": 1.0, "mt": 1.0, "language": 1.5, "encoding": 1.0,
    "boilerplate": 0.75, "rewrite": 0.5, "input": float("inf"),
}
SCALE = 6.0


def weight(f: Finding) -> float:
    return SEVERITY_WEIGHT[f.severity] * CATEGORY_WEIGHT.get(f.category, 1.0) * f.confidence


def score(findings: Sequence[Finding], words: int) -> tuple[float, tuple[float, ...]]:
    """(score, per-finding penalties) for a document of `words` words."""
    if not findings:
        return 100.0, ()
    weights = [weight(f) for f in findings]
    if any(math.isinf(w) for w in weights):
        return 0.0, tuple(100.0 if math.isinf(w) else 0.0 for w in weights)
    total = sum(weights)
    units = max(1.0, words / 100.0)
    value = 100.0 * math.exp(-(total / units) / SCALE)
    value = round(value, 1)
    lost = 100.0 - value
    return value, tuple(lost * w / total if total else 0.0 for w in weights)
