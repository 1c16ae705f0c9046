"""The rule catalogue: every rule documents itself, and its examples are true."""
import re

import pytest

from quality.model import CATEGORIES
from quality.rules import ALL_RULES
from tests.helpers import findings

# Corpus rules need several documents and IN01 an unreadable file: tested on their own.
LOCAL = [r for r in ALL_RULES if not r.corpus and r.category != "input"]


def test_codes_and_names_are_unique():
    assert len({r.code for r in ALL_RULES}) == len(ALL_RULES)
    assert len({r.name for r in ALL_RULES}) == len(ALL_RULES)


@pytest.mark.parametrize("r", ALL_RULES, ids=lambda r: r.code)
def test_rule_documents_itself(r):
    assert re.fullmatch(r"[A-Z]{2}\d{2}", r.code)
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", r.name)
    assert r.category in CATEGORIES
    assert r.summary and r.bad and r.good and (r.check.__doc__ or "").strip()


@pytest.mark.parametrize("r", LOCAL, ids=lambda r: r.code)
def test_fires_on_its_bad_example_and_not_on_its_good_one(r):
    got = findings(r.bad, r.code)
    assert got and all(f.code == r.code for f in got), f"{r.code} is silent on its bad example"
    assert findings(r.good, r.code) == [], f"{r.code} fires on its good example"
