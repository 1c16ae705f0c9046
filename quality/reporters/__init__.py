"""Reporters turn Reports into output. Each has start(), document(report) and finish()."""
from __future__ import annotations

from .github import GithubReporter
from .html import HtmlReporter
from .json import JsonReporter, JsonlReporter
from .sarif import SarifReporter
from .text import TextReporter

REPORTERS = {"text": TextReporter, "json": JsonReporter, "jsonl": JsonlReporter,
             "github": GithubReporter, "html": HtmlReporter, "sarif": SarifReporter}

__all__ = ["REPORTERS", "GithubReporter", "HtmlReporter", "JsonReporter", "JsonlReporter",
           "SarifReporter", "TextReporter"]
