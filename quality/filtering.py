"""The filter step of an ingestion job: each audited record is kept or dropped, with a reason.

Policy, in order:
  1. a record that could not be read (not JSON, no text field, undecodable: an `input`
     finding) is dropped as `malformed: <why>`; it is kept whole in the rejected output;
  2. a record with a finding of a rule named by `drop_on` (codes, names, code prefixes or
     categories, as `--select` takes them) is dropped as `drop-on: NM01, PL01`;
  3. a record scoring below `min_score` is dropped as `score 41.5 < 60`;
  4. everything else is kept.
Reasons 2 and 3 are joined with "; " when both hold.

Kept records are written with `quality_score` and `quality_findings` (the findings of the
output contract) added, or only the score; dropped ones also get `quality_reason`, as
datatrove's exclusion writers keep what each filter removed and why.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Optional, Sequence, TextIO

from .audit import matches
from .model import Report
from .rules import by_code
from .writers import record_line


@dataclass
class FilterCounts:
    documents: int = 0
    kept: int = 0
    malformed: int = 0
    dropped_by: dict = field(default_factory=dict)  # reason kind -> records

    @property
    def dropped(self) -> int:
        return self.documents - self.kept


class RecordFilter:
    def __init__(self, min_score: Optional[float] = None, drop_on: Sequence[str] = (),
                 findings: bool = True):
        self.min_score = min_score
        self.drop_on = tuple(drop_on)
        self.findings = findings
        self._drops: dict[str, bool] = {}

    def _dropping(self, code: str) -> bool:
        if code not in self._drops:
            rule = by_code(code)
            self._drops[code] = rule is not None and matches(rule, self.drop_on)
        return self._drops[code]

    def reason(self, report: Report) -> Optional[str]:
        """Why `report`'s record is dropped, or None to keep it (the policy above)."""
        if report.document.error is not None:
            return f"malformed: {report.document.error}"
        reasons = []
        if self.drop_on:
            codes = sorted({f.code for f in report.findings if self._dropping(f.code)})
            if codes:
                reasons.append("drop-on: " + ", ".join(codes))
        if self.min_score is not None and report.score < self.min_score:
            reasons.append(f"score {report.score:g} < {self.min_score:g}")
        return "; ".join(reasons) or None

    def fields(self, report: Report) -> dict:
        out = {"quality_score": report.score}
        if self.findings:
            out["quality_findings"] = report.to_dict()["findings"]
        return out

    def run(self, reports: Iterable[Report], kept: TextIO,
            rejected: Optional[TextIO] = None, on_malformed=None) -> FilterCounts:
        """Write each report's record to `kept` or (when given) `rejected`, streaming.
        `on_malformed(report)` is called for each record that could not be read."""
        counts = FilterCounts()
        for report in reports:
            counts.documents += 1
            why = self.reason(report)
            fields = self.fields(report)
            if why is None:
                counts.kept += 1
                kept.write(record_line(report.document, fields))
                continue
            if report.document.error is not None:
                counts.malformed += 1
                if on_malformed is not None:
                    on_malformed(report)
            else:
                for part in why.split("; "):  # "drop-on: ..." -> drop-on, "score ..." -> score
                    kind = part.split(":", 1)[0].split(" ", 1)[0]
                    counts.dropped_by[kind] = counts.dropped_by.get(kind, 0) + 1
            if rejected is not None:
                rejected.write(record_line(report.document, {**fields, "quality_reason": why}))
        return counts
