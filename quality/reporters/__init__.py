"""Reporters turn Reports into output. Each has start(), document(report) and finish()."""
from __future__ import annotations

from .github import GithubReporter
from .json import JsonReporter, JsonlReporter
from .text import TextReporter

REPORTERS = {"text": TextReporter, "json": JsonReporter, "jsonl": JsonlReporter,
             "github": GithubReporter}

__all__ = ["REPORTERS", "GithubReporter", "JsonReporter", "JsonlReporter", "TextReporter"]
