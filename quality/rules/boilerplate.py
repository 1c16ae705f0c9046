"""Rules of the boilerplate family."""
from __future__ import annotations

RULES = ()
