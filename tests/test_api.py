"""The library API that ingestion jobs use."""
import pickle

import quality
from quality import Auditor, Config, Document, Entry, Gazetteer


def test_audit_text_returns_a_report():
    report = quality.audit("Leaders travelled to Kiev last weekend to push for a ceasefire.")
    assert [(f.code, f.suggestion) for f in report.findings] == [("PL01", "Kyiv")]
    assert report.score < 100
    d = report.to_dict()
    assert d["findings"][0]["text"] == "Kiev" and d["findings"][0]["line"] == 1


def test_clean_text_scores_100():
    report = quality.audit("The talks in Istanbul ended on Friday without a deal.")
    assert report.findings == () and report.score == 100.0


def test_auditor_is_cheap_to_pickle_and_works_after():
    auditor = Auditor(Config(select=("NM", "PL")))
    blob = pickle.dumps(auditor)
    assert len(blob) < 5000
    again = pickle.loads(blob)
    assert again.audit("They flew to Kiev.").findings[0].suggestion == "Kyiv"


def test_audit_corpus_is_a_generator():
    auditor = Auditor(Config(select=("PL",)), Gazetteer([Entry("Kyiv", "city", deprecated=("Kiev",))]))
    docs = (Document(t, id=str(i)) for i, t in enumerate(["Kiev.", "Kyiv.", "To Kiev."]))
    reports = auditor.audit_corpus(docs)
    assert iter(reports) is reports
    assert [len(r.findings) for r in reports] == [1, 0, 1]


def test_longer_clean_text_is_punished_less_for_one_finding():
    short = quality.audit("They flew to Kiev on Monday.").score
    long = quality.audit("They flew to Kiev on Monday. " + "The talks went on for hours. " * 60).score
    assert long > short
