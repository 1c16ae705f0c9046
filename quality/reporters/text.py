"""Human-readable lines: `path:line:col: CODE severity message [-> suggestion [unsafe fix]]`.

The run's totals are the closing summary on standard error (quality/terminal.py). With
`colour` set (only on a terminal: terminal.use_colour) the location is bold, the code and
severity take the severity's colour and the suggestion is green.
"""
from __future__ import annotations

from typing import TextIO

from ..model import Report
from ..terminal import paint, severity_colour


class TextReporter:
    colour = False

    def __init__(self, out: TextIO):
        self.out = out

    def start(self) -> None:
        pass

    def document(self, report: Report) -> None:
        d = report.to_dict()
        where = d["path"] or "-"
        if d["id"] is not None:
            where = f"{where}#{d['id']}"
        on = self.colour
        for f in d["findings"]:
            line = (paint(f"{where}:{f['line']}:{f['column']}:", "1", on) + " "
                    + paint(f"{f['code']} {f['severity']}", severity_colour(f["severity"]), on)
                    + f" {f['message']}")
            if f["suggestion"] is not None:
                line += " -> " + paint(repr(f["suggestion"]) if f["suggestion"] else "(delete)",
                                       "32", on)
                if f["fix_safety"] == "unsafe":
                    line += " [unsafe fix]"
            self.out.write(line + "\n")

    def finish(self) -> None:
        pass
