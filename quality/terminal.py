"""What a run shows a person at a terminal, and only there.

- `use_colour(stream)`: colour when NO_COLOR is unset or empty (no-color.org) and either
  FORCE_COLOR is set to a non-empty value (force-color.org) or `stream` is a terminal whose
  TERM is not `dumb`. NO_COLOR wins over FORCE_COLOR.
- `Progress`: a one-line progress display on standard error, drawn only when that is a
  terminal, the report is not piped into another program (`| less` would be garbled; a
  redirect to a file is fine), the CI variable is unset, and the run has lasted `delay`
  seconds (short runs never see it); erased when the run ends. Documents read by a corpus pass are counted
  first; the audit pass then counts against that total.
- `RunSummary`: the closing summary (files, documents, findings by category, mean and worst
  score, time) and the per-rule statistics, built from the Reports as they stream past.
"""
from __future__ import annotations

import os
import stat
import time
from collections import Counter
from typing import Callable, Iterable, Iterator, Optional, TextIO

from .model import Report

_SEVERITY_COLOUR = {"error": "31", "warning": "33", "info": "36"}  # red, yellow, cyan


def use_colour(stream: TextIO, environ: Optional[dict] = None) -> bool:
    env = os.environ if environ is None else environ
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR"):
        return True
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        return False
    return tty and env.get("TERM") != "dumb"


def paint(text: str, code: str, on: bool = True) -> str:
    """`text` in the ANSI SGR colour `code` ("1" bold, "31" red...) when `on`."""
    return f"\x1b[{code}m{text}\x1b[0m" if on and text else text


def severity_colour(severity: str) -> str:
    return _SEVERITY_COLOUR.get(severity, "0")


def colour_diff_line(line: str) -> str:
    """One line of a unified diff, coloured as git colours it."""
    if line.startswith(("+++", "---")):
        return paint(line.rstrip("\n"), "1") + "\n"
    if line.startswith("@@"):
        return paint(line.rstrip("\n"), "36") + "\n"
    if line.startswith("+"):
        return paint(line.rstrip("\n"), "32") + "\n"
    if line.startswith("-"):
        return paint(line.rstrip("\n"), "31") + "\n"
    return line


class Progress:
    """See the module docstring. `enabled` None decides from the stream and environment."""

    def __init__(self, stream: TextIO, enabled: Optional[bool] = None, delay: float = 2.0,
                 clock: Callable[[], float] = time.monotonic, environ: Optional[dict] = None,
                 output: Optional[TextIO] = None):
        env = os.environ if environ is None else environ
        if enabled is None:
            try:
                enabled = (stream.isatty() and not env.get("CI") and env.get("TERM") != "dumb"
                           and not is_pipe(output))
            except (AttributeError, ValueError):
                enabled = False
        self.stream = stream
        self.enabled = enabled
        self.delay = delay
        self.clock = clock
        self.started = clock()
        self.read = 0          # documents read by the current reading pass
        self.total: Optional[int] = None  # documents of the last complete pass
        self.done = 0
        self._drawn = 0.0
        self._width = 0
        self._audit_started = self.started

    def source(self, source: Callable[[], Iterable]) -> Callable[[], Iterator]:
        """`source` (a callable giving a fresh stream of documents), counting each pass."""
        def counted():
            self.read = 0
            for doc in source():
                self.read += 1
                if not self.done:
                    self._draw()
                yield doc
            if self.total is None:
                self.total = self.read
        return counted

    def reports(self, reports: Iterable[Report]) -> Iterator[Report]:
        for r in reports:
            if not self.done:
                self._audit_started = self.clock()
            self.done += 1
            self._draw()
            yield r
        self.close()

    def _draw(self) -> None:
        if not self.enabled:
            return
        now = self.clock()
        if now - self.started < self.delay or now - self._drawn < 0.1:
            return
        self._drawn = now
        elapsed = now - self.started
        if self.done:
            spent = now - self._audit_started
            rate = f"{self.done / spent:.0f}/s" if spent > 0 else ""
            if self.total:
                share = min(1.0, self.done / self.total)
                bar = "#" * int(share * 24)
                text = (f"auditing [{bar:<24}] {self.done}/{self.total} documents "
                        f"{rate} {_clock(elapsed)}")
            else:
                text = f"auditing {self.done} documents {rate} {_clock(elapsed)}"
        else:
            text = f"reading {self.read} documents {_clock(elapsed)}"
        pad = max(0, self._width - len(text))
        self._width = len(text)
        self.stream.write("\r" + text + " " * pad)
        self.stream.flush()

    def close(self) -> None:
        if self.enabled and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0


def is_pipe(stream: Optional[TextIO]) -> bool:
    """Whether `stream` writes into a pipe (another program reads it)."""
    try:
        return stat.S_ISFIFO(os.fstat(stream.fileno()).st_mode)
    except (AttributeError, ValueError, OSError):  # io.UnsupportedOperation is both
        return False


def _clock(seconds: float) -> str:
    m, s = divmod(int(seconds), 60)
    return f"{m}:{s:02d}"


class RunSummary:
    """Counts gathered from Reports as they stream past (nothing else is kept)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self.clock = clock
        self.started = clock()
        self.files: set = set()
        self.documents = 0
        self.by_category: Counter = Counter()
        self.by_rule: Counter = Counter()
        self.names: dict[str, str] = {}
        self.score_total = 0.0
        self.worst: Optional[tuple[float, str]] = None

    def add(self, report: Report) -> Report:
        doc = report.document
        self.files.add(doc.path)
        self.documents += 1
        for f in report.findings:
            self.by_category[f.category] += 1
            self.by_rule[f.code] += 1
            self.names[f.code] = f.name
        self.score_total += report.score
        where = (doc.path or "-") if doc.id is None else f"{doc.path}#{doc.id}"
        if self.worst is None or report.score < self.worst[0]:
            self.worst = (report.score, where)
        return report

    def lines(self) -> list[str]:
        """The closing summary: two lines."""
        n = sum(self.by_category.values())
        cats = ", ".join(f"{c} {k}" for k, c in
                         sorted(self.by_category.items(), key=lambda kv: (-kv[1], kv[0])))
        first = (f"{n} finding(s) in {self.documents} document(s) from {len(self.files)} "
                 f"file(s)" + (f": {cats}" if cats else ""))
        elapsed = self.clock() - self.started
        if self.documents:
            mean = self.score_total / self.documents
            second = (f"score: mean {mean:.1f}, worst {self.worst[0]:g} ({self.worst[1]}); "
                      f"{elapsed:.1f} s")
        else:
            second = f"{elapsed:.1f} s"
        return [first, second]

    def statistics(self) -> list[str]:
        """Findings per rule, most frequent first: `count  CODE  name`."""
        rows = sorted(self.by_rule.items(), key=lambda kv: (-kv[1], kv[0]))
        width = max((len(str(c)) for _, c in rows), default=1)
        return [f"{c:>{width}}  {code}  {self.names[code]}" for code, c in rows]
