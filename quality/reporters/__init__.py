"""Reporters turn Reports into output. Each has start(), document(report) and finish()."""
from __future__ import annotations

from .json import JsonReporter, JsonlReporter
from .text import TextReporter

REPORTERS = {"text": TextReporter, "json": JsonReporter, "jsonl": JsonlReporter}

__all__ = ["REPORTERS", "JsonReporter", "JsonlReporter", "TextReporter"]
