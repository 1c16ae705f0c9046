"""Table tests for the encoding family (EN)."""
from __future__ import annotations

import pytest

from tests.helpers import check_case, findings

CASES = [
    # EN01 mojibake: UTF-8 read as Windows-1252 / Latin-1
    ("The cafÃ© owner said he didnâ€™t know about the plan.",
     [("EN01", "cafÃ©"), ("EN01", "didnâ€™t")],
     "The café owner said he didn’t know about the plan."),
    ("â€œWe will winâ€\x9d, the coach said.", [("EN01", "â€œWe"), ("EN01", "winâ€\x9d,")],
     "“We will win”, the coach said."),
    ("Former president Ã‰douard Philippe spoke.", [("EN01", "Ã‰douard")],
     "Former president Édouard Philippe spoke."),
    ("He didn\x92t say.", [("EN01", "didn\x92t")], "He didn’t say."),
    # EN01 quiet: correct accents, typographic punctuation, currency and maths symbols
    ("Voilà: the naïve café owner in Łódź said “no” — it costs €5, £3 or ₹40 (±2%).", [], None),
    ("Ü ü Ö ä ß and Δ = 3 × 4 ½, said José Martí.", [], None),
    # EN02 replacement characters
    ("The minister met Erdo\ufffdan in Ankara.", [("EN02", "\ufffd")], None),
    ("Prices rose \ufffd\ufffd\ufffd sharply.", [("EN02", "\ufffd\ufffd\ufffd")], None),
    # EN03 control and invisible characters
    ("The govern\u200bment an\u00adnounced new\x07 measures.",
     [("EN03", "\u200b"), ("EN03", "\u00ad"), ("EN03", "\x07")],
     "The government announced new measures."),
    ("Text\x0c\nNext page starts here.", [("EN03", "\x0c")], "Text\nNext page starts here."),
    ("She didn\x19t agree.", [("EN03", "\x19")], None),
    # EN03 quiet: tabs, CRLF, joiners in emoji and Indic words, a lone soft hyphen
    ("Name:\tvalue\r\nFamily 👨\u200d👩\u200d👧 and क्\u200dष are fine.", [], None),
    ("A lone \u00ad soft hyphen between words.", [], None),
    # EN04 bidirectional controls (Trojan Source): deleted where no right-to-left text is
    ("if access_level != \"user\u202e \u2066// Check if admin\u2069 \u2066\" {",
     [("EN04", "\u202e"), ("EN04", "\u2066"), ("EN04", "\u2069"), ("EN04", "\u2066")],
     "if access_level != \"user // Check if admin \" {"),
    ("Access is granted\u202e to every user\u202c by default.",
     [("EN04", "\u202e"), ("EN04", "\u202c")], "Access is granted to every user by default."),
    ("Price\u061c list.", [("EN04", "\u061c")], "Price list."),
    ("He wrote \u05e9\u05dc\u05d5\u05dd \u202edlrow\u202c.", [("EN04", "\u202e")], None),
    # EN04 quiet: isolates and marks around right-to-left words, plain text
    ("The sign read \u2067\u05e9\u05dc\u05d5\u05dd\u2069 in Hebrew.", [], None),
    ("\u0645\u0631\u062d\u0628\u0627\u061c 5 and more.", [], None),
]


@pytest.mark.parametrize("text,expected,fixed_text", CASES)
def test_encoding_rules(text, expected, fixed_text):
    check_case(text, "EN", expected, fixed_text)


def test_unfixable_findings_have_no_suggestion():
    for f in findings("Erdo\ufffdan met her\x19s aide.", "EN"):
        assert f.suggestion is None


