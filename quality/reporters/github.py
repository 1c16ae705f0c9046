"""GitHub Actions workflow commands: one `::warning file=...::message` line per finding, so
findings show up as annotations on the changed files of a pull request."""
from __future__ import annotations

from typing import TextIO

from ..model import Report

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape(value: str, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if prop else value


class GithubReporter:
    def __init__(self, out: TextIO):
        self.out = out

    def start(self) -> None:
        pass

    def document(self, report: Report) -> None:
        d = report.to_dict()
        path = _escape(d["path"] or "-", prop=True)
        record = d["id"] is not None  # lines inside a record are not lines of the file
        for f in d["findings"]:
            message = f["message"] if not record else f"record {d['id']}: {f['message']}"
            if f["suggestion"] is not None:
                message += f" (suggestion: {f['suggestion']!r})" if f["suggestion"] else " (delete)"
            where = f"file={path}" if record else f"file={path},line={f['line']},col={f['column']}"
            self.out.write(
                f"::{_LEVEL[f['severity']]} {where},"
                f"title={_escape(f['code'] + ' ' + f['name'], prop=True)}::{_escape(message)}\n")

    def finish(self) -> None:
        pass
