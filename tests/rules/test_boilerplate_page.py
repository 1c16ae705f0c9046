"""The page classifier (BP03 link lists, BP09 dates, BP12-BP15): whole scraped pages, one block
of the page a line. Furniture around the article is reported one finding per run and deleted;
the article, its title, its lists and tables, and clean news text are left alone."""
import pytest

from tests.helpers import check_case, spans

A = ("The ministry said on Tuesday that the new tariffs would take effect next month, and that "
     "talks with its trading partners were continuing despite the objections of exporters.")
B = ("Exporters warned that the measures could cost thousands of jobs in the coming year, while "
     "economists said that the impact on prices would be limited in the short term.")
TITLE = "Tariffs to take effect next month"
COMMENT = ("I have been following these talks for months and I think the ministry is right to "
           "hold firm, whatever the exporters say about the jobs that might be lost.")


@pytest.mark.parametrize("text,expected,result", [
    # A menu above the title: one finding for the run, the article intact.
    (f"Europe\nAsia\nMarkets\nOpinion\n{TITLE}\n{A}\n{B}\n",
     [("BP12", "Europe\nAsia\nMarkets\nOpinion")], f"{TITLE}\n{A}\n{B}\n"),
    # Tags and pagination after the article.
    (f"{TITLE}\n{A}\n{B}\nTags\nTrade\nTariffs\n« Previous\nNext »\n",
     [("BP09", "Tags"), ("BP12", "Trade\nTariffs"), ("BP14", "« Previous\nNext »")],
     f"{TITLE}\n{A}\n{B}\n"),
    # Comment controls and a commenter's dateline between the article and the comments.
    (f"{A}\n{B}\n15 comments\nReport abuse\nJohn Smith on May 3, 2012\n"
     "Great article, thanks for writing it.\n",
     [("BP09", "15 comments"), ("BP13", "Report abuse"), ("BP09", "John Smith on May 3, 2012")],
     f"{A}\n{B}\nGreat article, thanks for writing it.\n"),
    # Headlines of other stories after the article, without a teaser header.
    (f"{TITLE}\n{A}\n{B}\nMarkets\nWhy the euro fell against the dollar this week\n"
     "Five things to know about the new budget plan\n",
     [("BP12", "Markets"), ("BP03", "Why the euro fell against the dollar this week\n"
                                     "Five things to know about the new budget plan")],
     f"{TITLE}\n{A}\n{B}\n"),
    # Share buttons between the article and its comments: outside the article is an edge zone
    # even though prose (the comments) follows.
    (f"{TITLE}\n{A}\n{B}\nTweet\nPin it\nDigg\n{COMMENT}\n",
     [("BP04", "Tweet"), ("BP04", "Pin it"), ("BP04", "Digg")],
     f"{TITLE}\n{A}\n{B}\n{COMMENT}\n"),
    # The author's signature stays; the share bar after it goes.
    (f"{TITLE}\n{A}\n{B}\n– Jane Smith\nShare this:\nFacebook\n",
     [("BP04", "Share this:"), ("BP04", "Facebook")], f"{TITLE}\n{A}\n{B}\n– Jane Smith\n"),
    # A one-word title under page furniture is the title; the last item of a menu is not.
    (f"Skip to content\nMicromorts\n{A}\n{B}\n",
     [("BP09", "Skip to content")], f"Micromorts\n{A}\n{B}\n"),
    (f"Europe\nAsia\nMarkets\n{A}\n{B}\n",
     [("BP12", "Europe\nAsia\nMarkets")], f"{A}\n{B}\n"),
    # A photo credit, anywhere.
    (f"{A}\nPhoto: Jane Smith/Getty Images\n{B}\n",
     [("BP15", "Photo: Jane Smith/Getty Images")], f"{A}\n{B}\n"),
    # Buttons and a teaser header of the phrase tables after the article.
    (f"{TITLE}\n{A}\n{B}\nShare Article\nRSS\nAdvertise Here\n",
     [("BP04", "Share Article"), ("BP04", "RSS"), ("BP09", "Advertise Here")],
     f"{TITLE}\n{A}\n{B}\n"),
    (f"{TITLE}\n{A}\n{B}\nWe Also Recommend\nWhy the euro fell against the dollar this week\n",
     [("BP02", "We Also Recommend"), ("BP03", "Why the euro fell against the dollar this week")],
     f"{TITLE}\n{A}\n{B}\n"),
    # Headlines that ask, in Title Case, are headlines, not the article's sentences.
    (f"{TITLE}\n{A}\n{B}\nWhere Should I Start? Blogger or Tumblr?\n"
     "Why the Euro Fell Against the Dollar\nFive Things to Know About the Budget\n",
     [("BP03", "Where Should I Start? Blogger or Tumblr?\nWhy the Euro Fell Against the Dollar\n"
               "Five Things to Know About the Budget")], f"{TITLE}\n{A}\n{B}\n"),
    # A teaser list ends at other furniture ("Home"): the press-release header after it is the
    # article's.
    ("Skip to content\nMost Popular\nWhy the euro fell against the dollar\nHome\n"
     f"For Immediate Release: Nov. 6, 2012\nMedia Inquiries: Jane Smith, 301-796-0397\n{TITLE}\n"
     f"{A}\n{B}\n",
     [("BP09", "Skip to content"), ("BP02", "Most Popular"),
      ("BP03", "Why the euro fell against the dollar"), ("BP09", "Home")],
     f"For Immediate Release: Nov. 6, 2012\nMedia Inquiries: Jane Smith, 301-796-0397\n{TITLE}\n"
     f"{A}\n{B}\n"),
    # The title above a metadata bar ("By ... | Tags: ...") is the article's; the menu above
    # it is not.
    (f"Europe\nAsia\nMarkets\nOpinion\n{TITLE}\nBy Jane Smith | Tags: Trade, Tariffs\n{A}\n{B}\n",
     [("BP12", "Europe\nAsia\nMarkets\nOpinion")],
     f"{TITLE}\nBy Jane Smith | Tags: Trade, Tariffs\n{A}\n{B}\n"),
    # Short capitalised lines look like names, but a run of them above the title is a menu,
    # not a byline: only two such lines are taken for the article's own.
    (f"Europe\nAsia\nMarkets\nOpinion\nLearn More\nFree Sample\nEntry Form\nGift Cards\n"
     f"{TITLE}\n{A}\n{B}\n",
     [("BP12", "Europe\nAsia\nMarkets\nOpinion\nLearn More\nFree Sample")],
     f"Entry Form\nGift Cards\n{TITLE}\n{A}\n{B}\n"),
    # A forum member's details and post controls between the posts of a thread, anywhere.
    (f"{TITLE}\n{A}\nRegistered: July 3, 2001\nPosts: 2,783\nShow Post\n{COMMENT}\n{B}\n",
     [("BP13", "Registered: July 3, 2001\nPosts: 2,783\nShow Post")],
     f"{TITLE}\n{A}\n{COMMENT}\n{B}\n"),
    # Calls to save, follow and load comments written as sentences, after the article.
    (f"{TITLE}\n{A}\n{B}\nSave this story.\nFollow the Technology section.\n"
     "Follow stories by Jane Smith.\nClick here to load comments.\n",
     [("BP09", "Save this story."), ("BP04", "Follow the Technology section."),
      ("BP04", "Follow stories by Jane Smith."), ("BP09", "Click here to load comments.")],
     f"{TITLE}\n{A}\n{B}\n"),
    # A headline in Title Case is a headline, whatever it ends with.
    (f"{TITLE}\n{A}\n{B}\nHelp! I Caught My Son Doing Something Odd With My Vacuum Cleaner.\n"
     "Why the Euro Fell Against the Dollar\nFive Things to Know About the Budget\n",
     [("BP03", "Help! I Caught My Son Doing Something Odd With My Vacuum Cleaner.\n"
               "Why the Euro Fell Against the Dollar\nFive Things to Know About the Budget")],
     f"{TITLE}\n{A}\n{B}\n"),
    # Bars of furniture: every item between the separators known, a date or a counter; a row
    # of one-word buttons.
    (f"{TITLE}\nMay 3, 2012 | Permalink | Comments (1)\n{A}\n{B}\nAdvertise | AdChoices\n"
     "Print Email\n",
     [("BP09", "May 3, 2012 | Permalink | Comments (1)"), ("BP09", "Advertise | AdChoices"),
      ("BP04", "Print Email")], f"{TITLE}\n{A}\n{B}\n"),
    # A date with its day name is a date.
    (f"{TITLE}\n{A}\n{B}\nFriday, December 22, 2006 | Permalink | Comments (1)\n{A}\n",
     [("BP09", "Friday, December 22, 2006 | Permalink | Comments (1)")],
     f"{TITLE}\n{A}\n{B}\n{A}\n"),
    # An archive's months with their counts of posts; the header of a quoted forum post.
    (f"{TITLE}\n{A}\n{B}\nJan 2012 (169)\nDec 2011 (170)\n",
     [("BP09", "Jan 2012 (169)"), ("BP09", "Dec 2011 (170)")], f"{TITLE}\n{A}\n{B}\n"),
    (f"{TITLE}\n{A}\nQuote:\nOriginally posted by jane:\n{COMMENT}\n{B}\n",
     [("BP13", "Quote:\nOriginally posted by jane:")], f"{TITLE}\n{A}\n{COMMENT}\n{B}\n"),
    (f"{TITLE}\n{A}\n{B}\nSign-up To The Newsletter And Get A Free eBook\n",
     [("BP05", "Sign-up To The Newsletter And Get A Free eBook")], f"{TITLE}\n{A}\n{B}\n"),
    # A call to follow an account.
    (f"{TITLE}\nFollow @example\n{A}\n{B}\n", [("BP04", "Follow @example")],
     f"{TITLE}\n{A}\n{B}\n"),
    # Accounts in brackets are credits, not a transcript's stage directions.
    (f"{TITLE}\n{A}\n{B}\n(@jane/Twitter)\n(@john/Twitter)\n(@mary/Instagram)\n",
     [("BP12", "(@jane/Twitter)\n(@john/Twitter)\n(@mary/Instagram)")], f"{TITLE}\n{A}\n{B}\n"),
    # A list of tags under its labels, one finding, after the article or inside it.
    (f"{TITLE}\n{A}\n{B}\nTopics:\nRumors,\niPad\nTags:\niPad,\niPhone,\ntablets\n",
     [("BP09", "Topics:\nRumors,\niPad\nTags:\niPad,\niPhone,\ntablets")], f"{TITLE}\n{A}\n{B}\n"),
    (f"{TITLE}\n{A}\nTags:\nTrade,\nTariffs\n{B}\n", [("BP09", "Tags:\nTrade,\nTariffs")],
     f"{TITLE}\n{A}\n{B}\n"),
    (f"{TITLE}\n{A}\n{B}\nPost Tags:\ntrade, tariffs, World Trade Organization\n",
     [("BP09", "Post Tags:\ntrade, tariffs, World Trade Organization")], f"{TITLE}\n{A}\n{B}\n"),
    # A short question among the links after the article (a teaser's headline) does not make
    # them the article's.
    (f"{TITLE}\n{A}\n{B}\nWhere is the new hotel?\nNext\nPopular Topics\nElectricity 11\n"
     "Earth 22\nSpace 31\nWant to see more?\nTwitter\n",
     [("BP14", "Next"), ("BP12", "Popular Topics\nElectricity 11\nEarth 22\nSpace 31"),
      ("BP04", "Twitter")],
     f"{TITLE}\n{A}\n{B}\nWhere is the new hotel?\nWant to see more?\n"),
])
def test_fires(text, expected, result):
    check_case(text, "BP", expected, result)


# A site's legal footer in one block, longer than the article: never the article.
FOOTER = ("Example.com is the official web site of the Example League. Example, the Example Shield "
          "and the word mark are registered trademarks of the Example League. " * 3
          + "© 2012 Example League. All Rights Reserved.")


def test_legal_footer_is_no_article():
    heads = ("League resumes talks in New York\nCoach finally gets his reward\n"
             "Rookie lights up the league at 15")
    text = f"{TITLE}\n{A}\n{B}\n{heads}\n{FOOTER}\n"
    assert ("BP03", heads) in spans(text, "BP")


# A page's text with an ad's markup left on one line is still a page's text, judged as one.
AD = ("<div align='center'><a href='http://ads.example.com/click'><img "
      "src='http://ads.example.com/1.gif'></a></div>") * 4


def test_markup_left_in_text():
    text = f"Europe\nAsia\nMarkets\nOpinion\n{TITLE}\n{A}\n{B}\n{AD}\nTags\nTrade\nTariffs\n"
    assert spans(text, "BP") == [("BP12", "Europe\nAsia\nMarkets\nOpinion"), ("BP03", AD),
                                 ("BP09", "Tags"), ("BP12", "Trade\nTariffs")]


HTML = ("<!DOCTYPE html>\n<html><head><title>Tariffs</title></head>\n<body><nav><a href='/'>Home"
        f"</a></nav>\n<p>{A}</p>\n<p>{B}</p>\n</body></html>\n")


@pytest.mark.parametrize("text,expected", [
    # HTML source: one hint to extract the text first, no guesses, no fix.
    (HTML, [("BP17", "<!DOCTYPE html>")]),
    ("<div class='nav'><a href='/'>Home</a> <a href='/world'>World</a></div>\n" * 6
     + f"<p>{A}</p>\n", [("BP17", "<div class='nav'><a href='/'>Home</a> <a href='/world'>World</a></div>")]),
    # Text that mentions a tag or two is text.
    (f"{A}\nUse the <b> tag for bold and <i> for italics.\n{B}\n", []),
])
def test_html_input(text, expected):
    check_case(text, "BP", expected, text)


@pytest.mark.parametrize("text", [
    # Clean news text, a sentence a line, with short sentences and a last line without a stop.
    f"{TITLE}\n{A}\nAll were wearing beacons.\n{B}\n\"People got excited,\" he said.\n",
    f"{TITLE}\n{A}\n{B}\nReporting by Jane Smith; Editing by John Doe\n",
    # A list or a table inside the article.
    f"{TITLE}\n{A}\nIngredients:\n2 cups flour\n1 egg\nSalt\n{B}\n",
    f"{A}\nKingdom\nAnimalia\nPhylum\nChordata\nClass\nMammalia\n{B}\n",
    # A lone short line after the article: a signature or a source, not a menu.
    f"{TITLE}\n{A}\n{B}\nVia Reuters\n",
    # No block of prose: nothing to tell the article from the page.
    "Europe\nAsia\nMarkets\nOpinion\n",
    # A headline-length line after the article that is longer than a headline.
    f"{A}\n{B}\nBarcelona offer Arsenal Philippe Coutinho in a swap transfer for the midfielder "
    "as the Gunners try to offload him before the window closes\n",
    # Photo credits need their shape, not the word.
    f"{A}\nCredit card debt rose again in May\n{B}\n",
    f"{A}\nHe told Reuters that the talks had stalled.\n{B}\n",
    # A transcript's closing words and stage directions are the speaker's, not a menu.
    f"{A}\n{B}\nThank you.\n(Applause)\n",
    f"{A}\n{B}\nOver to you, then.\n[Music]\n",
    f"{A}\n{B}\nThank you.\n(Applause)\n(Laughter)\n(Music)\n",
    # Text laid out in paragraphs (blank lines between them): short lines are section headings
    # and short paragraphs of the writer's, left to the phrase tables.
    f"Early life.\n\nEducation.\n\n{A}\n\n{B}\n\nLegacy.\n\nHonours\n\nAwards\n",
    f"Armed conflicts and attacks\n\nGaza war\n\n{A}\n\nSports\n\nFootball\n\n{B}\n",
    # A sentence full of names inside the article; "follow" in the article's sentence.
    f"{TITLE}\n{A}\nJohn Smith, Jane Doe and Peter Brown attended.\n{B}\n"
    "Follow the money, the investigators said.\n",
    # A table's rows between separators and a two-word line are no bars of furniture.
    f"{TITLE}\n{A}\nName | Age | Town\nJane | 34 | Leeds\n{B}\nHome Office\n",
    # Labels of the article's own with other values.
    f"{TITLE}\n{A}\nPosts: a new way to share photos\nJoined: two old friends\n{B}\n",
    # An article's own questions in Title Case (an FAQ) between its paragraphs.
    f"{TITLE}\n{A}\nHow Do I Apply?\n{B}\nWhat Happens Next?\n{A}\n",
    # A list of the article's own under a label that may head one, without commas; a list
    # with commas under a sentence.
    f"{TITLE}\n{A}\nTopics:\nBudget\nHousing\nSchools\n{B}\n",
    f"{TITLE}\n{A}\nThe meeting covered these topics:\nBudget,\nHousing,\nSchools\n{B}\n",
    # A quiz, an FAQ or study questions after the article: questions with short answers.
    f"{A}\n{B}\n\nWho is affected?\nRural areas\nWhen does it start?\nIn May\n"
    "How much is saved?\nTen million\n",
    f"{A}\n{B}\n\nQuick-fire round\nWhat is your favourite book?\nWar and Peace\n"
    "What is your biggest fear?\nSpiders\nWho is your hero?\nMy mother\n",
    f"Budget explained\nKey facts\nWho is affected?\nRural areas\nWhen does it start?\nIn May\n\n"
    f"{A}\n{B}\n",
    f"{A}\n{B}\nDiscussion\nWhat did the minister announce?\nVocabulary\n"
    "Why were officials angry?\nGlossary\n",
    # A paper's keywords, an article's categories or places under a label that may head them.
    f"{A} {B}\n\nKeywords:\nclimate change, adaptation,\ncoastal policy\n\nIntroduction\n\n{A} {B}\n",
    f"{TITLE}\n{A}\nCategories:\nBest film, best director,\nbest actor\n{B}\n",
    f"{TITLE}\n{A}\nPosted in:\nLondon, Paris\n{B}\n",
    # Its short questions in sentence case, between its paragraphs and after them.
    f"{TITLE}\n{A}\nWhat happens next?\n{B}\n",
    f"{TITLE}\n{A}\n{B}\nWhat do you think?\nWill it last?\nWho pays for it?\n",
])
def test_quiet(text):
    assert spans(text, "BP") == []


@pytest.mark.parametrize("text,kept", [
    # A headline under its date is an entry of a dated list (an archive, a blog's front page):
    # the date beside it makes no run of furniture.
    (f"{A}\n{B}\nDecember 14, 2006\nTop Women of 2006\nDecember 13, 2006\n"
     "Top Search Terms for 2006\n", ["Top Women of 2006", "Top Search Terms for 2006"]),
    # Two short lines alone above the article: a site's name and its tagline, not a menu.
    (f"Harbour Blog\nHarbour developers at work\n{A}\n{B}\n",
     ["Harbour Blog", "Harbour developers at work"]),
    # A name beside the author's profile controls is the byline, whatever surrounds it.
    (f"Share\nTweet\nEmail this post\n{TITLE}\nJane Smith\nView Profile\nEmail\nRSS\n{A}\n{B}\n",
     ["Jane Smith"]),
    (f"Europe\nAsia\nMarkets\n{TITLE}\nJane Smith\nAbout the author\n{A}\n{B}\n", ["Jane Smith"]),
    # An interview's speaker labels and a letter's salutation are the text's own words.
    (f"Europe\nAsia\nMarkets\nTweet\nQ.\nIs the tariff plan final?\nA.\n{A}\n{B}\n", ["Q."]),
    (f"Europe\nAsia\nMarkets\nDear Editor,\n{A}\n{B}\n", ["Dear Editor,"]),
    # A one-word title over its dateline, under a menu.
    (f"Europe\nAsia\nMarkets\n« Older | Home | Newer »\nGlacier\n"
     f"Sunday, October 21, 2012 at 8:02AM\n{A}\n{B}\n", ["Glacier"]),
])
def test_kept(text, kept):
    flagged = [t for _, t in spans(text, "BP")]
    assert not [k for k in kept if any(k in t for t in flagged)]


# Other languages: the stop words of the document's language (jusText's lists) tell its prose
# from its menus.
DE_TITLE = "Zölle treten nächsten Monat in Kraft"
DE_A = ("Das Ministerium teilte am Dienstag mit, dass die neuen Zölle im nächsten Monat in Kraft "
        "treten würden und dass die Gespräche mit den Handelspartnern trotz der Einwände der "
        "Exporteure weitergingen.")
DE_B = ("Die Exporteure warnten, dass die Maßnahmen im kommenden Jahr Tausende von Arbeitsplätzen "
        "kosten könnten, während Ökonomen sagten, dass die Auswirkungen auf die Preise kurzfristig "
        "begrenzt seien.")
FR_A = ("Le ministère a annoncé mardi que les nouveaux droits de douane entreraient en vigueur le "
        "mois prochain et que les discussions avec ses partenaires commerciaux se poursuivaient "
        "malgré les objections des exportateurs.")
FR_B = ("Les exportateurs ont averti que ces mesures pourraient coûter des milliers d'emplois au "
        "cours de l'année à venir, tandis que les économistes ont déclaré que l'effet sur les prix "
        "serait limité à court terme.")


@pytest.mark.parametrize("text,expected", [
    (f"Europa\nAsien\nMärkte\nMeinung\n{DE_TITLE}\n{DE_A}\n{DE_B}\nSchlagwörter\nHandel\nZölle\n",
     [("BP12", "Europa\nAsien\nMärkte\nMeinung"), ("BP12", "Schlagwörter\nHandel\nZölle")]),
    (f"Europe\nAsie\nMarchés\nOpinion\n{FR_A}\n{FR_B}\nMots-clés\nCommerce\nDouanes\n",
     [("BP12", "Europe\nAsie\nMarchés\nOpinion"), ("BP12", "Mots-clés\nCommerce\nDouanes")]),
    # The article's own short sentences and title stay.
    (f"{DE_TITLE}\n{DE_A}\nAlle trugen Warnwesten.\n{DE_B}\n", []),
    (f"Les droits de douane entrent en vigueur\n{FR_A}\nTous portaient des gilets.\n{FR_B}\n", []),
])
def test_other_languages(text, expected):
    assert spans(text, "BP") == expected


# A text without a block of prose: a title and a few lines of it, the rest of the page cut away.
# The headlines at its end among furniture are other stories' and sections'.
FRAGMENT = ("Storm cuts power across the county\nCrews worked through the night to restore\n"
            "power to homes on the east side, and\n")


@pytest.mark.parametrize("text,expected", [
    # Other stories' headlines, each with its source as headlines give it.
    (FRAGMENT + "Man arrested after chase through downtown, police say\n"
     "School board delays vote on new budget, officials say\n",
     [("BP03", "Man arrested after chase through downtown, police say\n"
               "School board delays vote on new budget, officials say")]),
    # A Title Case headline beside furniture the phrase tables know.
    (FRAGMENT + "Five Easy Ways to Keep Basil Alive\nLeave a Reply\n",
     [("BP03", "Five Easy Ways to Keep Basil Alive"), ("BP09", "Leave a Reply")]),
    # Two capitalised words look like a name, but a list of them is a list of sections.
    (FRAGMENT + "Effective Communication\nInternational Marketing\n",
     [("BP12", "Effective Communication\nInternational Marketing")]),
    # A name alone right after the text is its signature; the furniture after it goes.
    (FRAGMENT + "Jane Smith\nTerms of Service\n", [("BP06", "Terms of Service")]),
    # Other stories' headlines, one of them a question in Title Case.
    (FRAGMENT + "Chris Rock Tried to Warn Us\nWhich Party Represents the Racial Future?\n",
     [("BP03", "Chris Rock Tried to Warn Us\nWhich Party Represents the Racial Future?")]),
])
def test_page_end_fires(text, expected):
    assert spans(text, "BP") == expected


@pytest.mark.parametrize("text", [
    # One Title Case line alone at the end may be the text's own.
    FRAGMENT + "See You at the Fair\n",
    # A sentence cut short ("was" in lower case) is no Title Case headline; a past tense source
    # is prose.
    FRAGMENT + "The Spring Fair in 2018 was Harbour’s\nThe vote was delayed again, the mayor said\n",
    # The items of a numbered list are the text's.
    FRAGMENT + "9. Jane Smith\n10. John Doe\n",
    # A headline with its source is the title on the first line.
    "Storm cuts power to thousands, officials say\nCrews worked through the night\n",
    # A question in sentence case is the text's own, even at its end.
    FRAGMENT + "Will the lights stay on this winter?\nWho pays for the repairs?\n",
])
def test_page_end_quiet(text):
    assert spans(text, "BP") == []
