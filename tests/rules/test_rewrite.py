"""RW rules: stock phrases of generated or spun text; quiet on ordinary news wording."""
import pytest

from quality.data_files import lines
from tests.helpers import findings, fixed, seed_text, spans


@pytest.mark.parametrize("text,expected,result", [
    ("This article reflects the evolving dynamics of international diplomacy concerning the "
     "conflict in Ukraine.",
     [("RW02", "This article reflects the evolving dynamics of international diplomacy")], None),
    ("The deal, underscoring the complexities and high stakes involved, was signed late.",
     [("RW01", "underscoring the complexities")], None),
    ("Diplomats must navigate the complexities of a ceasefire that neither side trusts.",
     [("RW01", "navigate the complexities")], None),
    ("Turkey plays a pivotal role in the talks, and the summit is a testament to its reach.",
     [("RW01", "plays a pivotal role"), ("RW01", "is a testament to")], None),
    ("Let us delve into the details of the proposal.", [("RW02", "Let us delve")], None),
    ("Analysts delve into the numbers every quarter.", [("RW01", "delve into")], None),
    ("It is noteworthy that the talks were moved to Istanbul.",
     [("RW03", "It is noteworthy that")], None),
    ("It’s worth noting that the ceasefire has held.", [("RW03", "It’s worth noting that")],
     None),
    ("In today's fast-paced world, investors want answers quickly.",
     [("RW04", "In today's fast-paced world")], None),
    ("In conclusion, the summit produced few concrete results.",
     [("RW05", "In conclusion")], None),
    ("Whether the truce holds, only time will tell.", [("RW05", "only time will tell")], None),
    ("Certainly! Here is a rewritten version of the article.",
     [("RW02", "Certainly! Here")], None),
    # Spun technical terms carry their one fix.
    ("The lab applies counterfeit consciousness to bosom malignant growth screening.",
     [("RW06", "counterfeit consciousness"), ("RW06", "bosom malignant growth")],
     "The lab applies artificial intelligence to breast cancer screening."),
    ("Irregular woodland models beat the baseline.", [("RW06", "Irregular woodland")],
     "Random forest models beat the baseline."),
])
def test_fires(text, expected, result):
    assert spans(text, "RW") == expected
    assert fixed(text, "RW") == (text if result is None else result)


@pytest.mark.parametrize("text", [
    "According to officials, talks will resume in the coming days.",
    "It remains to be seen whether Moscow will send a delegation.",
    "The minister played a key role in the negotiations, diplomats said.",
    "The report highlights the need for more funding, the agency said.",
    "Divers delved deep into the wreck.",
    "The delegates will meet again in Istanbul on Thursday.",
    "In conclusions published on Monday, the court said the law was valid.",
    "He said it was worth noting the figures had improved.",
    "A testamentary trust was set up for the children.",
    "The choir sang a symphony by Brahms.",
    "Researchers applied deep learning and random forest models to breast cancer screening.",
    "It was a profound learning experience for the whole team.",
])
def test_quiet(text):
    assert spans(text, "RW") == []


def test_info_severity_and_no_fix_for_phrases():
    for f in findings("It is worth noting that this article reflects the mood.", "RW"):
        assert f.severity.value == "info"
        assert f.suggestion is None


def test_seed_000_generated_closing():
    got = spans(seed_text("000"), "RW02")
    assert got == [("RW02",
                    "This article reflects the evolving dynamics of international diplomacy")]


@pytest.mark.parametrize("prefix", ["001", "002"])
def test_seed_human_articles_quiet(prefix):
    assert spans(seed_text(prefix), "RW") == []


@pytest.mark.parametrize("name", ["rewrite_phrases.tsv", "rewrite_tortured.tsv"])
def test_phrases_are_lower_case(name):
    for k in (r.split("\t")[0] for r in lines(name)):
        assert k == k.lower().strip() and "’" not in k


def test_phrase_kinds_and_no_news_collocations():
    kinds = {r.split("\t")[1] for r in lines("rewrite_phrases.tsv")}
    assert kinds <= {"stock", "meta", "hedge", "opener", "closing"}
    phrases = {r.split("\t")[0] for r in lines("rewrite_phrases.tsv")}
    for common in ("according to", "in the coming days", "remains to be seen", "said that"):
        assert common not in phrases


def test_tortured_fixes_are_not_flagged():
    for row in lines("rewrite_tortured.tsv"):
        _, original = row.split("\t")
        assert spans(f"They studied {original} last year.", "RW") == []
