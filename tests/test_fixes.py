"""apply_fixes: composition of nested fixes, idempotence, stale findings."""
from quality import Finding, Severity, apply_fixes
from tests.helpers import fixed, findings, seed_text


def finding(text, start, end, suggestion, code="XX01"):
    return Finding(code, "x", "mt", Severity.WARNING, "", start, end, text[start:end], suggestion)


def test_nested_fixes_compose():
    text = "THE Zelenski said so."
    outer = finding(text, 0, 12, "Zelenski", "MT01")
    inner = finding(text, 4, 12, "Zelensky", "NM01")
    assert apply_fixes(text, [inner, outer]) == "Zelensky said so."


def test_conflicting_overlaps_keep_the_first():
    text = "abcdef"
    assert apply_fixes(text, [finding(text, 0, 4, "X"), finding(text, 2, 6, "Y")]) == "Xef"


def test_stale_findings_are_ignored():
    text = "Kiev is here."
    f = finding(text, 0, 4, "Kyiv")
    assert apply_fixes("Kyiv is here.", [f]) == "Kyiv is here."


def test_fixing_the_noisiest_seed_reaches_a_fixed_point():
    text = seed_text("001")
    once = fixed(text)
    assert fixed(once) == once
    assert not [f for f in findings(once) if f.suggestion is not None]


def test_deleting_whole_lines_leaves_no_empty_paragraphs():
    text = "Site.com\n\nTitle\n\nBody text here.\n\nYou may also like\n\nOther story"
    fs = [finding(text, 0, 8, ""), finding(text, 34, 51, ""), finding(text, 53, 64, "")]
    assert apply_fixes(text, fs) == "Title\n\nBody text here.\n\n"


def test_deleting_part_of_a_line_keeps_the_line_break():
    text = "Read more: other story\nNext line"
    assert apply_fixes(text, [finding(text, 5, 9, "")]) == "Read : other story\nNext line"


def test_deleting_an_invisible_character_alone_on_its_line_keeps_the_line():
    # found by bench/fuzz.py: the deletion took the line break with it, so applying it again
    # deleted the next line's copy of the character; the reader saw a blank line here
    text = "First paragraph.\n\u200b\nSecond paragraph."
    f = finding(text, 17, 18, "", "EN03")
    once = apply_fixes(text, [f])
    assert once == "First paragraph.\n\nSecond paragraph."
    assert apply_fixes(once, [f]) == once
    text = "\u200b\r\u200b"
    f = finding(text, 0, 1, "", "EN03")
    assert apply_fixes(apply_fixes(text, [f]), [f]) == "\r\u200b"


def test_fix_edits_are_what_apply_fixes_splices():
    from quality.fixes import fix_edits

    text = "THE Zelenski said so.\nYou may also like\n\nOther story"
    fs = [finding(text, 0, 12, "Zelenski", "MT01"), finding(text, 4, 12, "Zelensky", "NM01"),
          finding(text, 22, 39, "")]
    edits = fix_edits(text, fs)
    assert edits == [(0, 12, "Zelensky"), (22, 40, "")]  # the line and its break
    spliced, pos = "", 0
    for start, end, new in edits:
        spliced, pos = spliced + text[pos:start] + new, end
    assert spliced + text[pos:] == apply_fixes(text, fs)
