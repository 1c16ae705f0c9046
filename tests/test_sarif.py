"""`--format sarif` against the official SARIF 2.1.0 schema (a copy in tests/data, with its
provenance in tests/data/README.md), and fingerprints that survive line moves."""
import json
from pathlib import Path
from urllib.parse import unquote

import jsonschema
import pytest
from click.testing import CliRunner

from quality import Auditor, Config, Document
from quality.cli import cli as main
from quality.fingerprints import fingerprints
from tests.helpers import SEEDS

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text())


def sarif(*args, input=None) -> dict:
    result = CliRunner().invoke(main, ["lint", "--format", "sarif", *args], input=input)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def validate(log: dict) -> None:
    validator = jsonschema.validators.validator_for(SCHEMA)
    validator.check_schema(SCHEMA)
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
              for e in validator(SCHEMA, format_checker=validator.FORMAT_CHECKER).iter_errors(log)]
    assert errors == []


@pytest.fixture(scope="module")
def seeds_log():
    return sarif(str(SEEDS))


def test_seeds_validate_against_the_schema(seeds_log):
    validate(seeds_log)
    run = seeds_log["runs"][0]
    assert seeds_log["version"] == "2.1.0" and run["columnKind"] == "unicodeCodePoints"
    assert len(run["results"]) > 20
    assert len(run["artifacts"]) == 5
    assert all(0 <= a["properties"]["score"] <= 100 for a in run["artifacts"])


def test_rules_carry_help_and_examples(seeds_log):
    rules = seeds_log["runs"][0]["tool"]["driver"]["rules"]
    nm01 = next(r for r in rules if r["id"] == "NM01")
    assert nm01["name"] == "name-misspelling"
    assert "Anti-pattern" in nm01["help"]["text"] and "Best practice" in nm01["help"]["markdown"]
    assert nm01["defaultConfiguration"]["level"] == "warning"
    assert all(r["shortDescription"]["text"] and r["fullDescription"]["text"] for r in rules)


def test_regions_and_fixes_index_the_file(seeds_log):
    run = seeds_log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    fixes = 0
    for res in run["results"]:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        loc = res["locations"][0]["physicalLocation"]
        uri = loc["artifactLocation"]["uri"]
        assert uri.startswith("file:///")  # SEEDS is an absolute path
        text = Path(unquote(uri[len("file://"):])).read_text(encoding="utf-8")
        region = loc["region"]
        start, length = region["charOffset"], region["charLength"]
        assert text[start:start + length] == region["snippet"]["text"]
        lines = text.split("\n")
        assert lines[region["startLine"] - 1][region["startColumn"] - 1:].startswith(
            region["snippet"]["text"].split("\n")[0])
        for fix in res.get("fixes", ()):
            fixes += 1
            (change,) = fix["artifactChanges"]
            (rep,) = change["replacements"]
            assert rep["deletedRegion"]["charOffset"] == start
            assert "text" in rep["insertedContent"]
    assert fixes >= 10


def test_records_name_the_record_and_stdin_validates(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "a7", "text": "Officials met in Kiev on Monday."}) + "\n",
                      encoding="utf-8")
    log = sarif(str(corpus))
    validate(log)
    (res,) = [r for r in log["runs"][0]["results"] if r["ruleId"] == "PL01"]
    (loc,) = res["locations"]
    assert loc["logicalLocations"][0]["name"] == "a7"
    assert "region" not in loc["physicalLocation"] and "fixes" not in res
    assert res["properties"]["start"] == 17 and res["properties"]["suggestion"] == "Kyiv"
    validate(sarif("-", input="Officials met in Kiev on Monday.\n"))


def test_unreadable_files_validate(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xe9\n")
    log = sarif(str(bad), str(tmp_path / "missing.txt"))
    validate(log)
    assert [r["ruleId"] for r in log["runs"][0]["results"]] == ["IN01", "IN01"]


MOVED = [
    # (before, after): the findings of `before` keep their fingerprints in `after`
    ("Officials met in Kiev on Monday.\nThe talks went on.\n",
     "The talks went on.\nLater that week.\n\nOfficials met in Kiev on Monday.\n"),
    ("Steve Whitkov met Keith Kloge.\n\nThey met again in Kiev.\n",
     "They met again in Kiev.\n\n   Steve   Whitkov met Keith Kloge.\n"),
]


@pytest.mark.parametrize("before,after", MOVED)
def test_fingerprints_survive_line_moves(before, after):
    auditor = Auditor(Config())
    old = auditor.audit(Document(before)).findings
    new = auditor.audit(Document(after)).findings
    assert old and len(old) == len(new)
    assert sorted(fingerprints(before, old)) == sorted(fingerprints(after, new))


def test_fingerprints_tell_repeats_apart_and_change_with_their_words():
    auditor = Auditor(Config(select=("PL01",)))
    text = "They met in Kiev.\nThey met in Kiev.\nThey flew to Kiev.\n"
    prints = fingerprints(text, auditor.audit(Document(text)).findings)
    assert len(set(prints)) == 3
    assert prints[0].split(":")[0] == prints[1].split(":")[0] != prints[2].split(":")[0]
