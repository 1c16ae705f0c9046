"""One key for the renderings of a name in different romanisation systems."""
import pytest

from quality.romanisation import romanisation_key
from quality.text import romanised
from tests.helpers import findings


@pytest.mark.parametrize("a,b,same", [
    ("Cai Yingwen", "Tsai Ing-wen", True),           # pinyin / the form English news uses
    ("Mao Zedong", "Mao Tse-tung", True),            # pinyin / Wade-Giles
    ("Deng Xiaoping", "Teng Hsiao-p'ing", True),
    ("Zhou Enlai", "Chou En-lai", True),
    ("Kim Jong-eun", "Kim Jong Un", True),           # Korean press forms
    ("Itoh Hiroshi", "Ito Hiroshi", True),           # Hepburn long vowels
    ("Sergey Lavrov", "Sergei Lavrov", True),        # Cyrillic schemes
    ("Ahmed Latif", "Ahmed Latheef", True),          # Hunterian aspirates and long vowels
    ("Bagwati Prasad", "Bhagwati Prasaad", True),
    ("Xi Jinping", "Li Qiang", False),
    ("Liu He", "Lu He", False),
])
def test_renderings_of_one_name_share_a_key(a, b, same):
    assert (romanisation_key(a) == romanisation_key(b)) is same


@pytest.mark.parametrize("text,expected", [
    # each word that differs is its own finding
    ("Taiwan's former president Cai Yingwen visited Washington last week.",
     [("Cai", "Tsai"), ("Yingwen", "Ing-wen")]),
    # the word written without its accents is no other romanisation
    ("Secretary-General Antonio Gutteres spoke.", [("Gutteres", "Guterres")]),
    ("North Korean leader Kim Jong-eun watched the launch.", [("Kim Jong-eun", "Kim Jong Un")]),
    # accepted spellings, a longer name, regnal numbers, first-name variants: quiet
    ("Tsai Ing-wen met Kim Jong Un and Xi Jinping.", []),
    ("Lee Chong Yong, a banker, spoke in Seoul.", []),
    ("A portrait of Charles I hung beside one of Charles III.", []),
    ("Aleksander Lukashenko met Sergei Lavrov in Minsk.", []),
])
def test_romanisation_rule(text, expected):
    assert [(f.text, f.suggestion) for f in findings(text, "NM04")] == expected


@pytest.mark.parametrize("word,marked", [
    ("nirvāṇa", True),    # macron and dot below: Sanskrit
    ("kǎishū", True),     # pinyin's tone marks
    ("Jabālyā", True),    # a name, macrons
    ("ḤAMĀS", True),      # capitals count too
    ("Baʿalbek", True),   # ayn
    ("Kyiv", False),
    ("café", False),      # an accent English borrows with the word
    ("Łódź", False),      # a language's own letters, not a romanisation
])
def test_scholarly_romanisation_marks(word, marked):
    assert romanised(word) is marked
