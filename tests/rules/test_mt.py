"""MT rules: machine-translation and scraping artifacts, firing and quiet cases side by side."""
import pytest

from tests.helpers import findings, fixed, seed_text, spans


def mt_spans(text):
    return spans(text, "MT")


# (text, expected [(code, flagged text)], fixed text or None = unchanged)
FIRING = [
    # MT01 calqued articles, with the stranded pronoun after them (MT04)
    ("THE Zelenski He is still pushing for a meeting with Putin himself in Turkey.",
     [("MT01", "THE Zelenski"), ("MT04", "Zelenski He")],
     "Zelenski He is still pushing for a meeting with Putin himself in Turkey."),
    ("OR European Union He agreed on Wednesday on the 17th package of sanctions against Russia.",
     [("MT01", "OR European Union"), ("MT04", "Union He")],
     "The European Union He agreed on Wednesday on the 17th package of sanctions against Russia."),
    ("THE Emmanuel Macron said that officials were in talks with US senators.",
     [("MT01", "THE Emmanuel Macron")],
     "Emmanuel Macron said that officials were in talks with US senators."),
    ("The meeting ended late. THE Commission will publish its proposal next week, officials said.",
     [("MT01", "THE Commission")],
     "The meeting ended late. The Commission will publish its proposal next week, officials said."),
    # MT02 space before a hyphen
    ("Discussions at the two -day meeting of NATO foreign ministers began in Antalya.",
     [("MT02", "two -day")],
     "Discussions at the two-day meeting of NATO foreign ministers began in Antalya."),
    ("The aim is mainly the so -called shadow fleet used to bypass the embargo.",
     [("MT02", "so -called")], "The aim is mainly the so-called shadow fleet used to bypass the embargo."),
    ("He spoke of a 30 -day ceasefire and a long -term settlement.",
     [("MT02", "30 -day"), ("MT02", "long -term")],
     "He spoke of a 30-day ceasefire and a long-term settlement."),
    ("A 45 -year -old man was arrested on Sunday.",
     [("MT02", "45 -year -old")], "A 45-year-old man was arrested on Sunday."),
    # MT03 glued words
    ("To Air Force OneTrump, who is on a trip to the Middle East, told reporters he did not know. "
     "Trump said he would wait.",
     [("MT03", "OneTrump")],
     "To Air Force One Trump, who is on a trip to the Middle East, told reporters he did not know. "
     "Trump said he would wait."),
    # MT04 stranded capitals
    ("The promise of talks in Istanbul It has derailed European efforts to impose sanctions.",
     [("MT04", "Istanbul It")], None),
    ("They had telephone contact with Donald Trump And he expressed willingness to exert pressure.",
     [("MT04", "Trump And")], None),
    ("And since the envoys of USA They reinforced the conversations, the Kremlin said nothing.",
     [("MT04", "USA They")], None),
    ("Officials in Ghana said the outbreak in WesternGhana had slowed by Monday.",
     [("MT03", "WesternGhana")],
     "Officials in Ghana said the outbreak in Western Ghana had slowed by Monday."),
    ("Macron said that EU officials They were in talks with government officials.",
     [("MT04", "officials They")], None),
    # MT05 quotation marks the wrong way
    ("‘Why personally with him? Because the one who decides is in Russia, “said one Ukrainian "
     "official. “Everything will depend on whether Putin comes. “",
     [("MT05", "“said one Ukrainian official"), ("MT05", "“")], None),
    ("“I know he would like to be there. We will find out, “he said.",
     [("MT05", "“he said")], None),
    ("“I think he is frustrated with Russia. He had been disappointed by Ukraine, “Whitaker added.",
     [("MT05", "“Whitaker added")], None),
    ("”We are ready,” the minister told reporters on Friday.", [("MT05", "”")], None),
    ("He arrived late on Monday. Talks went on for hours. Nothing will change,\" the minister added.",
     [("MT05", "\"")], None),
    # ... a colon before the paragraph announces a displayed quotation, but only its last
    # mark closes it
    ("He described the paradox:\n\nThe talks went on for hours. Nothing will change,\" the "
     "minister added, and left.", [("MT05", "\"")], None),
    # MT06 punctuation from another script
    ("Why meet him in person\u037e Because he is the one who decides.",
     [("MT06", "\u037e")], "Why meet him in person? Because he is the one who decides."),
    ("The ministers met in Brussels\uff0cand agreed on new sanctions\uff0e",
     [("MT06", "\uff0c"), ("MT06", "\uff0e")],
     "The ministers met in Brussels, and agreed on new sanctions."),
    ("The ministers met\u00a0\u00a0\u00a0in Brussels on Monday.", [("MT06", "\u00a0\u00a0\u00a0")],
     "The ministers met in Brussels on Monday."),
    ("‘Why personally with him [Putin]; Because a serious debate must be held with the one who "
     "decides.", [("MT06", ";")],
     "‘Why personally with him [Putin]? Because a serious debate must be held with the one who "
     "decides."),
]


@pytest.mark.parametrize("text,expected,fixed_text", FIRING)
def test_fires(text, expected, fixed_text):
    assert sorted(mt_spans(text)) == sorted(expected)
    want = text if fixed_text is None else fixed_text
    once = fixed(text, "MT")
    assert once == want
    assert fixed(once, "MT") == once  # fixing twice equals fixing once


QUIET = [
    "The band The National played in Kyiv, and the horror film It was screened in Odesa.",
    # MT01: acronyms, headings, wire-style leads
    "THE WALL STREET JOURNAL reported on Monday that the talks had stalled.",
    "OR-Tools is an open-source software suite for combinatorial optimisation.",
    "OR nurses worked double shifts during the outbreak.",
    "THE GOVERNMENT HAS FALLEN",
    "THE Government has announced a new budget for schools and hospitals.",
    "TOP US and European diplomats are gathering in Antalya on Thursday.",
    "US and NATO officials met in Brussels on Tuesday.",
    # MT02: minus signs, ranges, dashes, flags, lists, cited suffixes
    "Temperatures of -5 degrees are expected overnight.",
    "Turnout was between 10 - 20 per cent in most districts.",
    "The war - and it is a war - goes on.",
    "- first item on the list\n- second item on the list",
    "Run ls -l to list the files, or use --format json for machine output.",
    "Words ending in -ness are usually nouns.",
    "Solve for x -y when both are known.",
    "These images-this is an orchid disguised as an insect -you can see the colours.",
    "The well-known two-day summit produced a long-term plan.",
    # MT03: real CamelCase names and brands
    "McDonald, MacArthur, YouTube, iPhone, PayPal and LinkedIn were all mentioned.",
    "DeSantis, McCarthy and LeBron spoke; JavaScript, PlayStation and WhatsApp were cited.",
    "BlackRock, SpaceX, OpenAI and GitHub: the Rock, the Space and the Hub were all there.",
    "The FreshDirect delivery arrived. Fresh produce, Direct sales.",
    "Call StringBuilder.append() to add text.",
    # MT04: sentence starts, titles, names, quotes, lists
    "Talks in Istanbul. It has derailed European efforts to impose sanctions.",
    "Why It Matters for Europe and the Rest of the World",
    "The summit will be held in The Hague in late June.",
    "He boarded Air Force One on Wednesday.",
    "She read And Then There Were None on the train.",
    "He said: It is over for now.",
    "“It is over,” he said. “We will go home.”",
    "The list:\nIt works well\nThey agree",
    "I think I know what happened.",
    "Vice Premier Liu He met the trade envoys, and Liu He said talks would go on.",
    "Believers confess that which He is and praise Him for it.",
    # MT05: balanced quotes, nesting, apostrophes, inch marks, multi-paragraph quotations
    "“Yes,” he said, “and then we left.”",
    "“He told me ‘no’ twice,” she said.",
    "I don’t remember the ‘90s, but rock ’n’ roll never dies.",
    "The player is 6'2\" tall and weighs 90 kg.",
    "“The first paragraph of a long quotation opens here and goes on.\n\n"
    "“The second paragraph continues the same quotation and ends it.”",
    "He said, \"we will see,\" and left. \"Later,\" she said.",
    "She began: \"We came here in the spring and stayed.\n\nWe worked all summer. Then we "
    "left,\" she said.",
    "The template left \"\" in the text. Then the page said it was done\" on Friday.",
    "He repeated his first encounter with the paradox:\n\nBefore taking leave of these "
    "questions, I must examine the contradiction. I was led to it by Cantor's proof...\"",
    "“There was a time when the talks looked lost, but now there is impetus,” a diplomat said.",
    # MT03: a CamelCase source alone in parentheses
    "Deaths from the outbreak in Ghana exceed 500. (ModernGhana)",
    "‘Signaling Contempt’",
    # MT06: real CJK text, ordinary semicolons
    "The sign read 你好，世界 in large letters.",
    "What we need is time; the rest will follow.",
    "He was tired; Washington was not.",
    "The ministers met\u00a0in Brussels on Monday.",
]


@pytest.mark.parametrize("text", QUIET)
def test_quiet(text):
    assert mt_spans(text) == []


def test_seed_001():
    got = set(mt_spans(seed_text("001")))
    for item in [("MT01", "THE Zelenski"), ("MT01", "OR European Union"),
                 ("MT01", "THE Emmanuel Macron"), ("MT02", "two -day"), ("MT02", "so -called"),
                 ("MT02", "long -term"), ("MT03", "OneTrump"), ("MT04", "Istanbul It"),
                 ("MT04", "USA They"), ("MT04", "Trump And"), ("MT04", "Kloge They"),
                 ("MT04", "Zelenski He"), ("MT04", "Union He"), ("MT04", "Macron He"),
                 ("MT04", "officials They"), ("MT05", "“said one Ukrainian official")]:
        assert item in got


@pytest.mark.parametrize("prefix", ["000", "002", "003", "004"])
def test_clean_seeds_quiet(prefix):
    assert mt_spans(seed_text(prefix)) == []


@pytest.mark.parametrize("text", [
    "Shares of BlackRock rose after Rock Holdings, run by Larry Fink, reported results.",
    "Sony said PlayStation sales rose, and Station Square stores sold out.",
    "Analysts at DoorDash said Dash Capital would invest.",
    "The MacArthur Foundation, named after John Arthur, gave grants.",
    "She posted the clip on YouTube, which Tube Media then shared.",
])
def test_camelcase_brands_quiet(text):
    """One brand per text, its second part used as a name: only the whole-token frequency, the
    name particles or the brand list keep the rule quiet."""
    assert mt_spans(text) == []


@pytest.mark.parametrize("text,expected", [
    ("Aboard Air Force OneBiden told reporters that Biden would decide.", [("MT03", "OneBiden")]),
    ("He met the press at the White HouseMacron said later that Macron would travel.",
     [("MT03", "HouseMacron")]),
])
def test_glued_names(text, expected):
    assert mt_spans(text) == expected


@pytest.mark.parametrize("text,expected", [
    # an institution after the article keeps 'The'
    ("Talks went on. THE Kremlin He said nothing about the delegation.",
     [("MT01", "THE Kremlin", "The Kremlin"), ("MT04", "Kremlin He", None)]),
    # the noun phrase goes on in lower case: the article stays
    ("Talks went on. THE Trump administration said it would wait.",
     [("MT01", "THE Trump", "The Trump")]),
    # a title keeps 'The'
    ("The talks ended. THE Prime Minister said on Monday the vote would go ahead.",
     [("MT01", "THE Prime Minister", "The Prime Minister")]),
])
def test_calqued_article_fixes(text, expected):
    got = [(f.code, f.text, f.suggestion) for f in findings(text, "MT")]
    assert got == expected


@pytest.mark.parametrize("text", [
    # wire-style capitalised first word of an article
    "KUALA LUMPUR\n\nTHE Prime Minister Anwar Ibrahim said on Monday that the budget would pass.",
    "THE Federal Government has approved a new budget for hospitals.",
    "Oil prices\n\nTHE Kuala Lumpur stock exchange closed higher on Friday.",
])
def test_calqued_article_wire_leads_quiet(text):
    assert mt_spans(text) == []


@pytest.mark.parametrize("text,expected", [
    ("The ministers met\u00a0\u00a0in Brussels.", [("MT06", "\u00a0\u00a0", " ")]),
    ("The ministers met \u00a0\u00a0 in Brussels.", [("MT06", " \u00a0\u00a0 ", " ")]),
    ("The ministers met in Brussels.\u00a0 Talks went on.", []),
    ("The ministers met in Brussels.\u00a0\u00a0Talks went on.", []),
    ("Prices rose\u00a05% on Monday.", []),
])
def test_nbsp_runs(text, expected):
    got = [(f.code, f.text, f.suggestion) for f in findings(text, "MT")]
    assert got == expected
    if expected:
        assert findings(text, "MT")[0].severity.value == "info"
