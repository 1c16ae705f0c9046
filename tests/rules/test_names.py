"""NM rules: firing and quiet cases on real sentences, against a small explicit gazetteer."""
from functools import lru_cache

import pytest

from quality import Auditor, Config, Document, Entry, Gazetteer, apply_fixes

GAZ = [
    Entry("Steve Witkoff", "person"),
    Entry("Keith Kellogg", "person"),
    Entry("Matthew Whitaker", "person"),
    Entry("Volodymyr Zelensky", "person", aliases=("Volodymyr Zelenskiy", "Volodymyr Zelenskyy")),
    Entry("Recep Tayyip Erdoğan", "person", aliases=("Recep Tayyip Erdogan",)),
    Entry("Andriy Yermak", "person", aliases=("Andrii Yermak",)),
    Entry("Marco Rubio", "person"),
    Entry("Lindsey Graham", "person"),
    Entry("Alexander Fomin", "person"),
    Entry("Narendra Modi", "person", wrong=("Narendra Modhi",)),
    Entry("Ronald McDonald", "person"),
    Entry("Kyiv", "city", deprecated=("Kiev",)),
]


@lru_cache(maxsize=None)
def auditor():
    return Auditor(Config(select=("NM",), builtin_gazetteer=False), Gazetteer(GAZ))


def run(text):
    return [(f.code, f.text, f.suggestion) for f in auditor().audit(Document(text)).findings]


@pytest.mark.parametrize("text,expected", [
    # mis-transliterations with the same first name before them
    ("On the US side, special envoys Steve Whitkov and Keith Kloge They are expected to go.",
     [("NM01", "Whitkov", "Witkoff"), ("NM01", "Kloge", "Kellogg")]),
    # a middle initial between first name and surname
    ("The new US ambassador to NATO, Matthew G. Whitker, said everything is on the table.",
     [("NM01", "Whitker", "Whitaker")]),
    # the same document spells the name right elsewhere
    ("Whitker said so on Monday. Later, Whitaker added that talks would go on.",
     [("NM01", "Whitker", "Whitaker")]),
    # a transliteration variant that is not an accepted house style
    ("THE Zelenski He is still pushing for a meeting with Putin himself in Turkey.",
     [("NM01", "Zelenski", "Zelensky")]),
    # house style already used in the document is the suggestion
    ("Zelenskiy said on Monday he would go. Zelenski later confirmed it.",
     [("NM01", "Zelenski", "Zelenskiy")]),
    # known wrong forms always fire
    ("Prime Minister Narendra Modhi arrived in Delhi.", [("NM02", "Narendra Modhi", "Narendra Modi")]),
])
def test_fires(text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text", [
    "Special envoys Steve Witkoff and Keith Kellogg are expected in Istanbul on Friday.",
    "Ukrainian President Volodymyr Zelenskiy met Turkish President Recep Tayyip Erdogan.",
    "Zelenskyy and Erdoğan spoke by phone; Zelensky later thanked him.",
    "Ukrainian adviser Andrii Yermak will lead the delegation.",
    # real people with similar names who are not in the gazetteer
    "Deputy Defence Minister Alexander Fomina did not attend.".replace("Fomina", "Fomin"),
    "Senator Lindsey Graham and Rubin Carter, a boxer, were mentioned in the book.",
    # names that are simply not in the gazetteer and not close to an entry
    "Putin appointed Medinsky, with Mikhail Galuzin and Igor Kostyukov as deputies.",
    "Former Russian Foreign Minister Andrey Kozyrev posted to X on Wednesday.",
    # common English words and brand names
    "The Whitehall review, the Kellogg's cereal and a McDonald's burger were discussed.",
    "He posted a video on YouTube about McDonald and MacArthur.",
    # a different person's first name before a similar surname
    "Steve Kellogg, a local farmer, said the harvest was late.",
])
def test_quiet(text):
    assert run(text) == []


def test_fixing_twice_equals_fixing_once():
    text = "Envoys Steve Whitkov and Keith Kloge arrived; Whitkov spoke first."
    report = auditor().audit(Document(text))
    once = apply_fixes(text, report.findings)
    assert once == "Envoys Steve Witkoff and Keith Kellogg arrived; Witkoff spoke first."
    assert auditor().audit(Document(once)).findings == ()


@pytest.mark.parametrize("text", [
    # short names that share a transliteration skeleton with a built-in entry
    "Czech President Petr Pavel met Jiří Drahoš and Jiří Rusnok in Prague.",
    "The festival at Lake Suwa drew crowds from across Nagano.",
    "The building firm Kier won the contract for the new hospital.",
    "Maryin Roshcha is a district in the north of Moscow.",
    "Zhengyu and his brother opened a shop in Shanghai.",
])
def test_quiet_with_the_builtin_gazetteer(text):
    from tests.helpers import spans

    assert spans(text, ("NM", "PL03")) == []


def test_builtin_gazetteer_catches_the_seed_names():
    from tests.helpers import spans

    text = ("On the US side, special envoys Steve Whitkov and Keith Kloge are expected. "
            "THE Zelenski He is still pushing for a meeting.")
    assert spans(text, "NM") == [("NM01", "Whitkov"), ("NM01", "Kloge"), ("NM01", "Zelenski")]


def test_middle_names_count_as_context_and_ascii_text_gets_the_ascii_form():
    from tests.helpers import spans, fixed

    text = "Turkish President Recep Tayyip Erntogan said Ankara would not accept new conditions."
    assert spans(text, "NM") == [("NM01", "Erntogan")]
    assert "Recep Tayyip Erdogan said" in fixed(text, "NM")
