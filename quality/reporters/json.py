"""JSON (one object for the whole run) and JSONL (one document object per line, streamed)."""
from __future__ import annotations

import json
from typing import TextIO

from .. import __version__
from ..model import Report

CONTRACT_VERSION = 1


class JsonReporter:
    """Prints ONE JSON object: {"version", "tool", "documents": [...]}. Documents are streamed
    into the array as they are audited, so memory does not grow with the corpus."""

    def __init__(self, out: TextIO):
        self.out = out
        self.count = 0

    def start(self) -> None:
        head = json.dumps({"version": CONTRACT_VERSION,
                           "tool": {"name": "quality", "version": __version__}})
        self.out.write(head[:-1] + ', "documents": [')

    def document(self, report: Report) -> None:
        self.out.write(("," if self.count else "") + "\n" + json.dumps(report.to_dict(), ensure_ascii=False))
        self.count += 1

    def finish(self) -> None:
        self.out.write("\n]}\n")


class JsonlReporter:
    def __init__(self, out: TextIO):
        self.out = out

    def start(self) -> None:
        pass

    def document(self, report: Report) -> None:
        self.out.write(json.dumps(report.to_dict(), ensure_ascii=False) + "\n")
        self.out.flush()

    def finish(self) -> None:
        pass
