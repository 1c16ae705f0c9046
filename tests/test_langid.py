"""Language identification: cheap English pre-check, seeded langdetect, same answers always."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from quality import langid
from tests.helpers import ROOT

SAMPLES = [
    "Kyiv, Ukraine and the surrounding region",
    "Die Bundesregierung hat am Mittwoch neue Sanktionen gegen Russland beschlossen.",
    "Nous avons décidé de soutenir les agriculteurs pendant les prochains mois.",
    "Москва — столица России, крупнейший по численности населения город страны.",
    "El gobierno aprobó el miércoles un nuevo paquete de medidas económicas.",
    "Pomeranian authorities hope the process will be finished by the end of the year.",
    "Tere, kuidas läheb? Ilm on täna ilus ja päike paistab.",
    "Zelensky Erdoğan Putin Macron Scholz Meloni Sánchez Tusk",
]


@pytest.mark.parametrize("text,expected", [
    ("The government said on Tuesday that it would present the plan to parliament next month "
     "and that the opposition had been invited to the talks, which are expected to last until "
     "the end of the week.", "en"),
    ("Die Bundesregierung hat am Mittwoch neue Sanktionen gegen Russland beschlossen. Der Kanzler "
     "sagte, man werde die Ukraine weiter unterstützen.", "de"),
    ("Москва — столица России, крупнейший по численности населения город страны и её "
     "политический, экономический и культурный центр.", "ru"),
    ("Short.", None),
])
def test_detect_language(text, expected):
    assert langid.detect_language(text) == expected


def test_english_is_recognised_without_langdetect(monkeypatch):
    def boom(text):
        raise AssertionError("langdetect should not be needed for plain English prose")

    monkeypatch.setattr(langid, "langdetect_language", boom)
    text = ("The minister spoke to reporters after the meeting and said that the government "
            "would present its plan to parliament next month, when it is expected to pass.")
    assert langid.detect_language(text) == "en"


def _run_in_subprocess() -> list:
    code = ("import json, sys; from quality import langid; "
            "print(json.dumps([langid.langdetect_language(t) for t in json.load(sys.stdin)]))")
    out = subprocess.run([sys.executable, "-c", code], input=json.dumps(SAMPLES), cwd=ROOT,
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_langdetect_is_deterministic_in_process_and_across_processes():
    first = [langid.langdetect_language(t) for t in SAMPLES]
    for _ in range(5):
        assert [langid.langdetect_language(t) for t in SAMPLES] == first
    assert _run_in_subprocess() == first
    assert _run_in_subprocess() == first


def test_stopword_shares():
    shares = langid.stopword_shares("der die und das ist nicht the", ("de", "en"))
    assert shares["de"] > shares["en"] > 0


def test_word_tables_are_the_languages_own(capfd):
    # wordfreq's nearest match would answer Somali with English and Afrikaans with Dutch,
    # with a warning on standard error; only the language's own or macrolanguage's table counts.
    from quality.langid import _wordlist

    assert len(_wordlist("so")) == 0 and len(_wordlist("af")) == 0
    assert len(_wordlist("no")) and len(_wordlist("zh-cn"))
    assert "You asked for" not in capfd.readouterr().err


@pytest.mark.parametrize("text,start,end", [
    ("The minister said it would take time.", 0, None),
    ("It's what they don't say: rock'n'roll, o'clock, ’tis.", 0, None),
    ("Cafe\u0301 ne\u0301e, \u0301it and the i\u0307t.", 0, None),
    ("İt İf THE tHe and K.", 0, None),
    ("The first paragraph.\n\nDie zweite Absatz, und the third.", 22, 55),
    ("Words cut at both edges of the stretch", 2, 20),
    ("the " * 1500, 0, None),  # longer than the sample english_share reads
    ("", 0, None),
])
def test_word_shares_match_english_share(text, start, end):
    from quality.text import word_spans

    shares = langid.WordShares(text, *word_spans(text))
    stretch = text[start:end]
    assert shares.english_share(start, end) == langid.english_share(stretch)
    assert shares.letters(start, len(text) if end is None else end) == \
        langid._letters_and_latin(stretch)[0]
    assert langid.detect_language(text, shares) == langid.detect_language(text)
