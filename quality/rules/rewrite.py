"""Rules of the rewrite family."""
from __future__ import annotations

RULES = ()
