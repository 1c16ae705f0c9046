"""Rules of the script family."""
from __future__ import annotations

RULES = ()
