"""SARIF 2.1.0 (`--format sarif`): one log with one run, for code-scanning tools and editors.

- `tool.driver.rules`: every rule, with its summary, its docstring and a bad and a good example.
- results: the rule, the level (error, warning, note), the message, and a region with line,
  column, character offset and length (`columnKind` is `unicodeCodePoints`, as in the JSON
  contract); `partialFingerprints` from fingerprints.py, which survive line moves.
- `fixes` with `artifactChanges` for every finding that has a suggestion; whether it is safe
  is in the fix's description and the result's `properties.fixSafety`.
- A record of a .jsonl/.csv corpus has no region in its file: its result names the file and,
  as a logical location, the record id; the offsets into the record's text are in the result's
  `properties`, and it carries no `fixes`.
- Each file's score is in `artifacts[].properties.score`. Results are streamed.
"""
from __future__ import annotations

import json
import os
from typing import TextIO
from urllib.parse import quote

from .. import __version__
from ..fingerprints import VERSION as FP_VERSION, fingerprints
from ..fixes import _line_end
from ..model import Report, _LineIndex, _printable
from ..rules import ALL_RULES

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_INDEX = {r.code: i for i, r in enumerate(ALL_RULES)}
FINGERPRINT_KEY = f"quality/{FP_VERSION}"


def _rule(r) -> dict:
    doc = " ".join((r.check.__doc__ or "").split())
    return {
        "id": r.code,
        "name": r.name,
        "shortDescription": {"text": r.summary},
        "fullDescription": {"text": doc or r.summary},
        "help": {
            "text": f"{r.summary}\n\nAnti-pattern: {r.bad}\nBest practice: {r.good}",
            "markdown": f"{r.summary}\n\n**Anti-pattern**\n\n    {r.bad}\n\n"
                        f"**Best practice**\n\n    {r.good}",
        },
        "defaultConfiguration": {"level": _LEVEL[r.severity.value]},
        "properties": {"category": r.category, "tags": [r.category]},
    }


def _location(path) -> dict:
    if path is None or path == "-":
        return {"description": {"text": "standard input"}}
    if os.path.isabs(path):
        return {"uri": "file://" + quote(path.replace(os.sep, "/"))}
    return {"uri": quote(path.replace(os.sep, "/")), "uriBaseId": "%SRCROOT%"}


class SarifReporter:
    def __init__(self, out: TextIO):
        self.out = out
        self.count = 0
        self.artifacts: list[dict] = []

    def start(self) -> None:
        run = {
            "tool": {"driver": {"name": "quality", "version": __version__,
                                "semanticVersion": __version__,
                                "rules": [_rule(r) for r in ALL_RULES]}},
            "originalUriBaseIds": {"%SRCROOT%": {
                "uri": "file://" + quote(os.getcwd().replace(os.sep, "/").rstrip("/") + "/")}},
            "columnKind": "unicodeCodePoints",
        }
        head = json.dumps({"$schema": SCHEMA, "version": "2.1.0"}, ensure_ascii=False)
        body = json.dumps(run, ensure_ascii=False)
        self.out.write(head[:-1] + ', "runs": [' + body[:-1] + ', "results": [')

    def document(self, report: Report) -> None:
        doc = report.document
        artifact = _location(_printable(doc.path))
        text = doc.text
        lines = _LineIndex(text)
        prints = fingerprints(text, report.findings)
        for f, fp in zip(report.findings, prints):
            result = {
                "ruleId": f.code,
                "ruleIndex": _INDEX.get(f.code, -1),
                "level": _LEVEL[f.severity.value],
                "message": {"text": f.message},
                "locations": [{"physicalLocation": {"artifactLocation": artifact}}],
                "partialFingerprints": {FINGERPRINT_KEY: fp},
                "properties": {"category": f.category, "confidence": round(f.confidence, 3)},
            }
            if f.suggestion is not None:
                result["properties"].update(suggestion=f.suggestion, fixSafety=f.fix_safety)
            if doc.id is not None:
                result["locations"][0]["logicalLocations"] = [
                    {"name": doc.id, "fullyQualifiedName": f"{artifact.get('uri', '-')}#{doc.id}",
                     "kind": "object"}]
                result["properties"].update(recordId=doc.id, start=f.start, end=f.end)
            elif doc.error is None:
                region = _region(lines, f.start, f.end)
                region["snippet"] = {"text": f.text}
                result["locations"][0]["physicalLocation"]["region"] = region
                if f.suggestion is not None:
                    end = _line_end(text, f.start, f.end) if f.suggestion == "" else f.end
                    what = f"Replace with {f.suggestion!r}" if f.suggestion else "Delete"
                    result["fixes"] = [{"description": {
                                            "text": f"{what} ({f.code}, {f.fix_safety} fix)"},
                                        "artifactChanges": [{
                                            "artifactLocation": artifact,
                                            "replacements": [{
                                                "deletedRegion": _region(lines, f.start, end),
                                                "insertedContent": {"text": f.suggestion}}]}]}]
            self.out.write(("," if self.count else "") + "\n" + json.dumps(result, ensure_ascii=False))
            self.count += 1
        if doc.id is None:
            self.artifacts.append({"location": artifact, "properties": {"score": report.score}})

    def finish(self) -> None:
        artifacts = json.dumps(self.artifacts, ensure_ascii=False)
        self.out.write(f"\n], \"artifacts\": {artifacts}}}]}}\n")


def _region(lines: _LineIndex, start: int, end: int) -> dict:
    line, col = lines.position(start)
    end_line, end_col = lines.position(end)
    return {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col,
            "charOffset": start, "charLength": end - start}
