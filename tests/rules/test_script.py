"""Table tests for the script family (SC)."""
from __future__ import annotations

import pytest

from quality.data_files import table
from quality.rules import script
from tests.helpers import check_case

CASES = [
    # SC01: foreign words, one finding per run (spaces and punctuation join a run)
    ("‘Why personally with him [τον Πούτιν]; Because a serious debate is needed,” he said.",
     [("SC01", "τον Πούτιν")], None),
    ("Дм.Быков - No way out, the critic wrote on Monday.", [("SC01", "Дм.Быков")], None),
    ("The MSI B450M motherboard costs (6299р.) in Moscow shops.", [("SC01", "р")], None),
    ("Cyanuric acid and 三聚氰胺 were both found in urine samples of pets.",
     [("SC01", "三聚氰胺")], None),
    ("For the campaign we prepared a new illustration of 花咲くいろ characters.",
     [("SC01", "花咲くいろ")], None),
    ("The two agencies stole data passing through the विशाल fiber optic network.",
     [("SC01", "विशाल")], None),
    ("Diplomatic отношения with Qatar were severed three years ago.",
     [("SC01", "отношения")], None),
    ('The tender was won by "Водоснабдяване и канализация" - ЕООД, Вализация, according to '
     'the ministry, which said the contract for the water network was worth two million euros.',
     [("SC01", "Водоснабдяване и канализация"), ("SC01", "ЕООД, Вализация")], None),
    ("Apple's new iPhone手机 sold out within hours.", [("SC01", "手机")], None),
    # SC01 quiet: diacritics, Greek symbols and units, labelled glosses, emoji, CJK punctuation
    ("Erdoğan met officials in Łódź; Ælfric and Dvořák were mentioned.", [], None),
    ("The β coefficient was 0.4, π ≈ 3.14, a 5 µm gap and an Ω-shaped loop.", [], None),
    ("The αβ T cells and the Δ variant were studied; TGF-β1 rose.", [], None),
    ("Alexei Navalny (Russian: Алексей Навальный) died in an Arctic prison.", [], None),
    # glosses: a label, a short parenthesis after the English, or a Latin rendering beside it
    ("The word \"Christian\" (Greek Χριστιανός) was first used in Antioch.", [], None),
    ("The city was known in Kannada as ಕಲ್ಲಿಕೋಟೆ to its traders.", [], None),
    ("The dynasty (traditional Chinese: 漢朝) ruled for four centuries.", [], None),
    ("Visitors to Lycia (Λυκία) find rock tombs above the harbour.", [], None),
    # a prefix or an ending glossed with its hyphen: '"ἀντι-" ("anti-")', '-ικός ("-ikos")'
    ('The prefix "ἀντι-" ("anti-") means against, as in many loans.', [], None),
    ('Adjectives ending in -ικός ("-ikos") are common in the corpus.', [], None),
    ("The festival name comes from ζωή \"zoe\", life, the guide explained.", [], None),
    ("Her grandmother called the prayer \"tefilah\" תפלה in the old house.", [], None),
    ("The clergy are called ιερωσύνη [hierosyne] in the Orthodox churches.", [], None),
    # a rendering quoted with its comma; a rune named as one
    ("He noticed a sign labelled Кондитерская (\"konditerskaja,\" a confectioner's shop).",
     [], None),
    ('The "a"-rune ᚫ was probably named after the gods.', [], None),
    ('Other names are ጉማርረ/"gumarre" (Amharic) and "jeer" (Somali).', [], None),
    ('In Arabic, the city is most commonly known as القدس, transliterated as "al-Quds".', [],
     None),
    ('The verse reads יבוס היא ירושלים: "Jebus, it is Jerusalem", the scholar said.', [], None),
    ("The city is most commonly known as القدس, and it grew.", [("SC01", "القدس")], None),
    ("The Chinese developed their own water clocks（水鐘）in 725, passing them on.", [], None),
    ("The word corona is from the Ancient Greek κορώνη (korōnē, “garland, wreath”), as said.",
     [], None),
    ('Having a true "невидимой команды" (Larson and LaFasto, 1989, p. 109) is rare.',
     [("SC01", "невидимой команды")], None),  # a citation is no rendering
    # Greek of two distinct letters is notation, as one or two letters are symbols
    ("There are four allotropic forms of iron, known as α, γ, δ, and ε.", [], None),
    ("Protein folds such as βαββαβ are the signature of a ferredoxin fold.", [], None),
    ("Protein folds such as βαγδε are the signature of a ferredoxin fold.",
     [("SC01", "βαγδε")], None),
    # a document that glosses in a script (twice at least, as often as not) uses it on
    # purpose; a quoted example in a paragraph that names the script's language
    ('Troy (Ancient Greek: Ἴλιον, "Ilion") stood on a hill. The older name Ἴλιος ("Ilios") '
     'had a digamma. Wilusa is the probable origin of the Greek Ἴλιον.', [], None),
    ('Japanese borrows Chinese characters, so "The quick brown 狐 jumps 过 the lazy 狗" is a '
     'code.', [], None),
    # ... one gloss among stray runs, or a quotation with no language named, is no excuse
    ('Troy (Ancient Greek: Ἴλιον, "Ilion") stood on a hill. Wilusa is the probable origin of '
     'the Greek Ἴλιον, and the name Τροία came later.',
     [("SC01", "Ἴλιον"), ("SC01", "Τροία")], None),
    ("Alexei Navalny (Russian: Алексей Навальный) died. Officials said отношения were bad "
     "and the лидера spoke.", [("SC01", "отношения"), ("SC01", "лидера")], None),
    ('The code replaced words: "The quick brown 狐 jumps over the dog" was sent.',
     [("SC01", "狐")], None),
    ('The shop sign read "Продукты круглосуточно" in big letters.',
     [("SC01", "Продукты круглосуточно")], None),
    # the same words with no frame are stray script; a nationality is no label
    ("According to the Russian лидера, the navy is well equipped.", [("SC01", "лидера")], None),
    ("More than 140 units (26 件) of machinery were delivered.", [("SC01", "件")], None),
    ("Fans cheered 🎉 and waved flags — “great game”, they said.", [], None),
    # A document written in another script: its own words are not flagged
    ("Москва — столица России. Это большой и очень красивый город, в котором живёт много "
     "людей. Компании Apple и Google тоже работают здесь.", [], None),
    ("Москва — столица России. Это большой и очень красивый город, в котором живёт много "
     "людей. Туристы часто пишут 中国 на плакатах.", [("SC01", "中国")], None),
    # SC02: look-alike letters inside Latin words, fixed to their Latin twins
    ("Protesters gathered in central Pаris on Saturday.", [("SC02", "Pаris")],
     "Protesters gathered in central Paris on Saturday."),
    ("Yоur соntеnt іѕ delivered to users in Веlіzе instantly.",
     [("SC02", "Yоur"), ("SC02", "соntеnt"), ("SC02", "іѕ"), ("SC02", "Веlіzе")],
     "Your content is delivered to users in Belize instantly."),
    ("The minister said she had а plan for the economy.", [("SC02", "а")],
     "The minister said she had a plan for the economy."),
    ("The police said the suspect was a МОSCOW resident.", [("SC02", "МОSCOW")],
     "The police said the suspect was a MOSCOW resident."),
    ("The Kremlиn said nothing.", [("SC02", "Kremlиn")], None),
    # SC02 quiet: Greek letters used as symbols inside names
    ("The PPARγ receptor and NF-κB pathway were measured in the study.", [], None),
    # A Russian word next to Russian words is foreign text, not a look-alike
    ("Hey, he shouted: Поп и пропоица! Then he left.", [("SC01", "Поп и пропоица")], None),
]


@pytest.mark.parametrize("text,expected,fixed_text", CASES)
def test_script_rules(text, expected, fixed_text):
    check_case(text, "SC", expected, fixed_text)


def test_messages_name_the_script():
    from tests.helpers import findings

    (f,) = findings("He asked him [τον Πούτιν] about the war in Ukraine.", "SC")
    assert f.message == "Greek script in English text: 'τον Πούτιν'"
    assert f.suggestion is None


def test_homoglyphs_map_to_latin_and_scripts_exist():
    import regex

    for ch, latin in script.homoglyphs().items():
        assert not regex.match(r"\p{Latin}", ch) and regex.fullmatch(r"\p{Latin}", latin)
    for row in table("script_names.tsv"):
        regex.compile(r"\p{%s}" % row["script"])
