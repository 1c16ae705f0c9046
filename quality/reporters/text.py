"""Human-readable lines: `path:line:col: CODE severity message [-> suggestion]`."""
from __future__ import annotations

from typing import TextIO

from ..model import Report


class TextReporter:
    def __init__(self, out: TextIO):
        self.out = out
        self.documents = 0
        self.findings = 0

    def start(self) -> None:
        pass

    def document(self, report: Report) -> None:
        d = report.to_dict()
        where = d["path"] or "-"
        if d["id"] is not None:
            where = f"{where}#{d['id']}"
        for f in d["findings"]:
            line = f"{where}:{f['line']}:{f['column']}: {f['code']} {f['severity']} {f['message']}"
            if f["suggestion"] is not None:
                line += f" -> {f['suggestion']!r}" if f["suggestion"] else " -> (delete)"
            self.out.write(line + "\n")
        self.documents += 1
        self.findings += len(d["findings"])

    def finish(self) -> None:
        self.out.write(f"{self.findings} finding(s) in {self.documents} document(s)\n")
