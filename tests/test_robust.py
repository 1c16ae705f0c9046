"""Hostile input: what once crashed or took minutes, each pinned by its behaviour (never by
time: bench/pathological.py measures cost)."""
import pytest

from quality import Auditor, Config, Document, Entry, Gazetteer, audit
from quality.rules import mt, places
from quality.text import sentence_spans


@pytest.mark.parametrize("text", [
    "\u0558 ",                       # a letter newer than some Unicode tables
    "\U00031350",                    # an unassigned code point
    "Hello \u0558world \U00031350 test.",
    "Pаris \U000e0001\U0003134b",
])
def test_letters_unknown_to_a_unicode_table_do_not_crash(text):
    report = audit(text)
    assert 0 <= report.score <= 100


def test_a_run_of_abbreviations_still_splits_sentences():
    # The splitter looks at a bounded tail before each candidate break: a long run of
    # "Mr. Smith;" (once quadratic) gives the same sentences as a short one.
    unit = "Mr. Smith; "
    text = unit * 500 + "It ended. Then it began."
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans][-2:] == [unit * 500 + "It ended.", "Then it began."]


def _pl01(text):
    gaz = Gazetteer([Entry("Kyiv", "city", deprecated=("Kiev",), since=1995)])
    auditor = Auditor(Config(select=("PL01",), builtin_gazetteer=False), gaz)
    return [f.start for f in auditor.audit(Document(text)).findings]


def test_many_exonyms_keep_their_historical_frames(monkeypatch):
    # Past the first frames the cues are found once in the whole document and looked up by
    # position; the answers are the same as searching frame by frame.
    text = ("Officials met in Kiev on Monday. " * 30 + "In 1990 Kiev was a Soviet city. "
            "The 19th century saw Kiev grow. Nothing more. ") * 5
    got = _pl01(text)
    monkeypatch.setattr(places, "_historical_in", lambda ctx, frame, entry:
                        places.historical_reason(ctx.text[frame[0]:frame[1]], entry))
    expected = _pl01(text)
    assert got == expected and 0 < len(got) < text.count("Kiev")


def test_calqued_article_reads_the_documents_own_usage():
    # Words the document writes after "the", found once (this was a search of the whole
    # document per finding); shorter forms cut at an apostrophe count too.
    text = "the The Kremlin met the O’Brien’s staff; theThe Xavier and tHe Yard. The EU."
    ctx = Auditor().context(Document(text))
    assert mt._after_the(ctx) == {"The", "Kremlin", "O", "O’Brien", "O’Brien’s", "EU"}
