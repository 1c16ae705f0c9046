"""Rules of the encoding family."""
from __future__ import annotations

RULES = ()
