"""Rules of the mt family."""
from __future__ import annotations

RULES = ()
