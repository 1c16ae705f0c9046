"""Rules of the language family."""
from __future__ import annotations

RULES = ()
