"""BP rules: page furniture on its own line is flagged; the same words inside prose are not."""
import pytest

from quality.data_files import lines
from tests.helpers import fixed, seed_text, spans

BODY = ("The ministry said on Tuesday that the new tariffs would take effect next month, "
        "adding that talks with trading partners were continuing.")
BODY2 = ("Exporters warned that the measures could cost thousands of jobs, while economists "
         "said the impact on prices would be limited in the short term.")


@pytest.mark.parametrize("text,expected,result", [
    # BP01 feed footers, whole line; also closing the last paragraph.
    (f"{BODY}\n\nThe post Tariffs to take effect next month appeared first on Daily Wire News.",
     [("BP01", "The post Tariffs to take effect next month appeared first on Daily Wire News.")],
     f"{BODY}\n\n"),
    (f"{BODY} This article was originally published on The Conversation.\n",
     [("BP01", "This article was originally published on The Conversation.")],
     f"{BODY} \n"),
    (f"{BODY}\n\nThe post Rates on hold first appeared on Market Daily.",
     [("BP01", "The post Rates on hold first appeared on Market Daily.")], f"{BODY}\n\n"),
    # BP02 + BP03: a teaser header and the block of headlines and snippets after it.
    (f"{BODY}\n\nYou May Also Like\n\nFitness Club Shut Due To Coronavirus Fears\n\n"
     "despite a requirement for self-quarantine, a club member chose to visit\n\n"
     "Taiwan Raises Economic Forecast For 2020\n\n"
     "The ongoing trade war seems to be impacting everyone, except perhaps…",
     [("BP02", "You May Also Like"), ("BP03", "Fitness Club Shut Due To Coronavirus Fears"),
      ("BP03", "despite a requirement for self-quarantine, a club member chose to visit"),
      ("BP03", "Taiwan Raises Economic Forecast For 2020"),
      ("BP03", "The ongoing trade war seems to be impacting everyone, except perhaps…")],
     BODY + "\n\n"),
    # The block ends where the article's prose resumes.
    (f"{BODY}\n\nRelated Articles\n\nMinister resigns over tariff row\n\n{BODY2}",
     [("BP02", "Related Articles"), ("BP03", "Minister resigns over tariff row")],
     BODY + "\n\n" + BODY2),
    (f"{BODY}\nRead more: Minister resigns over tariff row\n{BODY2}",
     [("BP03", "Read more: Minister resigns over tariff row")], BODY + "\n" + BODY2),
    (f"{BODY}\n\nMore from Business Daily\n", [("BP02", "More from Business Daily")],
     BODY + "\n\n"),
    # BP04-BP06 prompts and notices.
    (f"{BODY}\nShare this article:\nFollow us on Twitter and Facebook",
     [("BP04", "Share this article:"), ("BP04", "Follow us on Twitter and Facebook")],
     BODY + "\n"),
    # Page controls.
    (f"{BODY}\nIncrease Text Size\nDecrease Text Size\n{BODY2}\nView Entire Story\nMore Posts\n",
     [("BP09", "Increase Text Size"), ("BP09", "Decrease Text Size"), ("BP02", "View Entire Story"),
      ("BP14", "More Posts")], f"{BODY}\n{BODY2}\n"),
    # "E-mail" is "Email" to the phrase tables.
    (f"{BODY}\nE-Mail This Article\n", [("BP04", "E-Mail This Article")], f"{BODY}\n"),
    # A blog platform's widgets between the post and its comments.
    (f"{BODY}\nAbout these ads\nRate this:\nLike this:\nBe the first to like this.\nLoading...\n"
     f"{BODY2}\n",
     [("BP09", "About these ads"), ("BP04", "Rate this:"), ("BP04", "Like this:"),
      ("BP04", "Be the first to like this."), ("BP09", "Loading...")], f"{BODY}\n{BODY2}\n"),
    # "Continue reading" alone goes on with the same story: no header of a list of links.
    (f"Budget cuts\n\n{BODY}\n\nContinue reading\n\nA divided parliament\n\n{BODY2}\n",
     [("BP09", "Continue reading")], f"Budget cuts\n\n{BODY}\n\nA divided parliament\n\n{BODY2}\n"),
    # A link to the rest of a post, with its quoted title; a newspaper's marker in the text.
    (f"{BODY}\nContinue reading \"Notes from Lima\"\n{BODY2}\nContinue reading the main story\n",
     [("BP03", "Continue reading \"Notes from Lima\""), ("BP09", "Continue reading the main story")],
     f"{BODY}\n{BODY2}\n"),
    # A blog theme's post footer.
    (f"{BODY}\nThis entry was posted in News by Jane Smith. Bookmark the permalink.\n"
     "Trackbacks are closed, but you can post a comment.\nView all posts by Jane Smith\n",
     [("BP09", "This entry was posted in News by Jane Smith. Bookmark the permalink."),
      ("BP13", "Trackbacks are closed, but you can post a comment."),
      ("BP09", "View all posts by Jane Smith")], f"{BODY}\n"),
    # The buttons of a share bar, each on a line of its own, in the middle of the text too.
    (f"{BODY}\nShare this:\nFacebook\nTwitter\nEmail\n{BODY2}\n",
     [("BP04", "Share this:"), ("BP04", "Facebook"), ("BP04", "Twitter"), ("BP04", "Email")],
     f"{BODY}\n{BODY2}\n"),
    (f"{BODY}\n\nSign up for our newsletter to get the latest headlines every morning.",
     [("BP05", "Sign up for our newsletter to get the latest headlines every morning.")],
     f"{BODY}\n\n"),
    (f"{BODY}\nGet the best stories straight to your inbox\nPlant Care Newsletter",
     [("BP05", "Get the best stories straight to your inbox"),
      ("BP05", "Plant Care Newsletter")], BODY + "\n"),
    (f"{BODY}\n\nCopyright © 2024 Example Media Ltd. All rights reserved.",
     [("BP06", "Copyright © 2024 Example Media Ltd. All rights reserved.")], f"{BODY}\n\n"),
    (f"{BODY}\nWe use cookies to improve your experience on our site.",
     [("BP06", "We use cookies to improve your experience on our site.")], f"{BODY}\n"),
    # BP07 site name above the title.
    (f"Arah.my\n\nTariffs to take effect next month\n\n{BODY}",
     [("BP07", "Arah.my")], "Tariffs to take effect next month\n\n" + BODY),
    (f"EXAMPLE.COM\n\nTariffs to take effect next month\n\n{BODY}",
     [("BP07", "EXAMPLE.COM")], "Tariffs to take effect next month\n\n" + BODY),
    # BP08 repeated title: one span over both copies, the fix keeps one.
    (f"Russia Ukraine peace talks\nRussia Ukraine peace talks\n\n{BODY}",
     [("BP08", "Russia Ukraine peace talks\nRussia Ukraine peace talks")],
     f"Russia Ukraine peace talks\n\n{BODY}"),
    # BP09 page chrome; dates and bylines only outside the prose.
    (f"Skip to content\n\n{BODY}\n\nAdvertisement\n\n{BODY2}\n\nLeave a Reply",
     [("BP09", "Skip to content"), ("BP09", "Advertisement"), ("BP09", "Leave a Reply")],
     BODY + "\n\n" + BODY2 + "\n\n"),
    (f"Tariffs to take effect\nBy Jane Smith\n4 min read\n\n{BODY}\n\n{BODY2}",
     [("BP09", "By Jane Smith"), ("BP09", "4 min read")],
     "Tariffs to take effect\n\n" + BODY + "\n\n" + BODY2),
    (f"{BODY}\n\nYour email address will not be published. Required fields are marked *",
     [("BP09", "Your email address will not be published. Required fields are marked *")],
     f"{BODY}\n\n"),
    # Comment threads and policies, counters.
    (f"{BODY}\n\n{BODY2}\n\n14 responses to “Tariffs to take effect next month”\n\nLeave a Reply",
     [("BP09", "14 responses to “Tariffs to take effect next month”"), ("BP09", "Leave a Reply")],
     BODY + "\n\n" + BODY2 + "\n\n"),
    (f"{BODY}\n\n{BODY2}\n\nAll comments are moderated before they appear.\n"
     "We reserve the right to remove posts that are off topic.\nComments (12)",
     [("BP09", "All comments are moderated before they appear."),
      ("BP09", "We reserve the right to remove posts that are off topic."),
      ("BP09", "Comments (12)")], BODY + "\n\n" + BODY2 + "\n\n"),
    # Subscription calls in their many phrasings.
    (f"{BODY}\n\nGet a daily digest of our top stories\nNotify me by email of every new post.\n"
     "Want to stay up to date with Market Daily?\nJoin 40,000 other readers today",
     [("BP05", "Get a daily digest of our top stories"),
      ("BP05", "Notify me by email of every new post."),
      ("BP05", "Want to stay up to date with Market Daily?"),
      ("BP05", "Join 40,000 other readers today")], BODY + "\n\n"),
    (f"{BODY}\n\n{BODY2}\n\nMarket Daily delivers daily headlines\n"
     "Read the news on your phone with the Market Daily app.\n"
     "Subscribe from just $2 a week",
     [("BP05", "Market Daily delivers daily headlines"),
      ("BP05", "Read the news on your phone with the Market Daily app."),
      ("BP05", "Subscribe from just $2 a week")], BODY + "\n\n" + BODY2 + "\n\n"),
    (f"{BODY}\nFirst-time subscribers get a free tote bag with their order.",
     [("BP05", "First-time subscribers get a free tote bag with their order.")], f"{BODY}\n"),
    # Legal lines: terms, disclaimers, affiliate and cookie notices.
    (f"{BODY}\n\nUse of this site constitutes acceptance of our Terms of Service.\n"
     "The views expressed in this column are the author's own.\n"
     "We may earn a commission when you buy through links on this page.",
     [("BP06", "Use of this site constitutes acceptance of our Terms of Service."),
      ("BP06", "The views expressed in this column are the author's own."),
      ("BP06", "We may earn a commission when you buy through links on this page.")],
     BODY + "\n\n"),
    (f"{BODY}\n\nExample Health does not provide medical advice, diagnosis or treatment.",
     [("BP06", "Example Health does not provide medical advice, diagnosis or treatment.")],
     f"{BODY}\n\n"),
    (f"{BODY}\n\n{BODY2}\n\nRiverside Media Group\n",
     [("BP06", "Riverside Media Group")], BODY + "\n\n" + BODY2 + "\n\n"),
    # Search boxes, navigation, archives, agency photo credits.
    (f"Tariffs to take effect\nHome / World / Europe\n\n{BODY}\n\n{BODY2}\n\n"
     "Search for articles and keywords\nPrint Archive: Editions since 1901",
     [("BP09", "Home / World / Europe"), ("BP09", "Search for articles and keywords"),
      ("BP09", "Print Archive: Editions since 1901")],
     "Tariffs to take effect\n\n" + BODY + "\n\n" + BODY2 + "\n\n"),
    # A long sentence-case line right after a teaser header is the article going on.
    (f"{BODY}\n\nRelated Stories\n\nIt is no accident that the talks resumed in the same "
     f"week as the summit\n\n{BODY2}", [("BP02", "Related Stories")],
     BODY + "\n\nIt is no accident that the talks resumed in the same week as the summit\n\n" + BODY2),
    (f"Tariffs to take effect\nAFP files\n\n{BODY}",
     [("BP09", "AFP files")], "Tariffs to take effect\n\n" + BODY),
    # Author bios and more-by links after the article.
    (f"{BODY}\n\n{BODY2}\n\nJane Q. Smith is a senior reporter for Market Daily.\n"
     "More by Jane Smith",
     [("BP09", "Jane Q. Smith is a senior reporter for Market Daily."),
      ("BP02", "More by Jane Smith")], BODY + "\n\n" + BODY2 + "\n\n"),
    (f"{BODY}\n\n{BODY2}\n\nHelen Ortiz is an associate professor of economics at Leeds.\n"
     "staff writer at Market Daily, covering trade",
     [("BP09", "Helen Ortiz is an associate professor of economics at Leeds."),
      ("BP09", "staff writer at Market Daily, covering trade")], BODY + "\n\n" + BODY2 + "\n\n"),
    # A cookie banner's heading run into its text.
    (f"{BODY}\n\nStrictly Necessary Cookies Strictly necessary cookies should be enabled at "
     "all times so that we can save your preferences for cookie settings.",
     [("BP06", "Strictly Necessary Cookies Strictly necessary cookies should be enabled at "
               "all times so that we can save your preferences for cookie settings.")],
     BODY + "\n\n"),
    # Calls to subscribe and site furniture written as sentences, after the article.
    (f"{BODY}\n\n{BODY2}\n\nDon't have time to read every story? Get them by email\n"
     "Already a subscriber? Sign in to hide this message\n"
     "Cut through the noise and refresh your inbox\nWeekly tips about growing vegetables\n"
     "Letters to the Editor\nThis post contains affiliate links to products we like.",
     [("BP05", "Don't have time to read every story? Get them by email"),
      ("BP05", "Already a subscriber? Sign in to hide this message"),
      ("BP05", "Cut through the noise and refresh your inbox"),
      ("BP05", "Weekly tips about growing vegetables"), ("BP09", "Letters to the Editor"),
      ("BP06", "This post contains affiliate links to products we like.")],
     BODY + "\n\n" + BODY2 + "\n\n"),
    # Section names around the article.
    (f"Tariffs to take effect\n\n{BODY}\n\n{BODY2}\n\nRiverside Weather\nObituaries",
     [("BP12", "Riverside Weather\nObituaries")],
     "Tariffs to take effect\n\n" + BODY + "\n\n" + BODY2 + "\n\n"),
])
def test_fires(text, expected, result):
    assert spans(text, "BP") == expected
    assert fixed(text, "BP") == result


@pytest.mark.parametrize("text", [
    BODY,
    # A button's word on a line of its own in the middle of the text, with no share prompt
    # above it: a section heading as likely as a button.
    f"{BODY}\nTwitter\n{BODY2}\nEmail\n{BODY}\n",
    # A sentence that opens with a link phrase and quotes a title is the text's own.
    f'{BODY}\nSee also "The Ambidextrous Universe", a later book that cites "Pale Fire".\n{BODY2}',
    # The phrases inside article sentences.
    "Continue reading the report before the vote, the minister told parliament.",
    "Officials said they may also like to revisit the proposal next year.",
    "Inflation slowed in October.\nGet the latest figures from the statistics office before "
    "deciding, analysts advised.\nEconomists expect a cut.",
    "Readers can read more about the plan on the ministry's website, the spokesman said.",
    "Users were quick to share the article on social media after the vote.",
    "The regulator said websites that use cookies must ask for consent first.",
    "More readers subscribe to local newspapers than a decade ago, the survey found.",
    "The company said its copyright claim covered all rights reserved under the contract.",
    "The post of prime minister has been vacant since the election.",
    "The post appeared first on the ministry's website on Monday, officials said.",
    "Related articles in the treaty cover trade and migration.",
    # A short title is not a site name; a title with a dot is not a domain.
    f"Peace Talks\n\n{BODY}",
    f"Node.js\n\nA new release of the runtime came out on Tuesday.\n\n{BODY}",
    # Headings inside an article are not chrome.
    f"{BODY}\n\nContact\n\n{BODY2}\n\n{BODY}",
    f"{BODY}\n\nMay 15, 2025\n\n{BODY2}",
    # A title followed by a different subtitle.
    f"Peace talks stall\nPeace talks stall in Istanbul as leaders stay away\n\n{BODY}",
    # Titles and subheadings that start like a teaser header.
    f"More from less: how farmers cope\n\nA short subtitle without a full stop\n\n{BODY}",
    f"{BODY}\n\nAlso on the agenda\n\nClimate finance and debt relief\n\n{BODY2}",
    f"Trending\n\n{BODY}",
    # Credit lines close a Reuters story.
    f"{BODY}\n\nReporting by Jane Smith; Editing by John Doe",
    # Sentences that start like a prompt but are prose.
    "Powered by renewable energy, the new plant will supply 40,000 homes from next year "
    "and cut emissions sharply.",
    "Follow-up talks are planned for next week in Geneva, the foreign ministry said.",
    # Business and legal news that mentions subscribers, commissions and terms.
    "First-time subscribers to the service rose 20% in the quarter, the company said.",
    "Brokers may earn a commission from lenders, the regulator said.",
    "The court found that acceptance of the terms was implied by the payment.",
    "The map is for informational purposes only, officials said.",
    "Reader-supported outlets have grown quickly, the study found.",
    # Article lines that share words with the newer classes, in the closing edge zone.
    *(f"{BODY}\n\n{BODY2}\n\n{tail}" for tail in (
        "Smith is a professor of economics at Harvard.",
        "Musk is the founder of SpaceX.",
        "Elon Musk is the founder of SpaceX.",
        "Jane Doe is a security expert, police said.",
        "Jane Doe is a crime reporter, police said.",
        "John Smith is a senior editor at the paper, said Jane Doe.",
        "Jane Doe is a political consultant who advised the mayor.",
        "The regulator said strictly necessary cookies need no consent under the new law.",
        "Angela Merkel is the author of a new memoir.",
        "Jones was the editor of the Daily Mirror until 2004.",
        "He is a reporter by training, the minister added.",
        "\"We will remove comments that break our rules,\" a spokesman said.",
        "His comments were widely criticised.",
        "Public comments will be reviewed by the agency.",
        "Users can unlock the phone with the app.",
        "Netflix plans start at just $7 a month.",
        "Basic plans cost $7 a month",
        "The latest figures are due in June.",
        "Search for survivors continues",
        "Amazon delivers daily to rural towns",
        "The newsletter war heats up",
        "Join thousands of protesters in the square",
        "I am Spartacus, he shouted.",
        "Comments on “Brexit” flooded in.",
        "Daily Mail and General Trust",
        "The views expressed by the minister drew criticism.",
        "He did not offer medical advice.",
        "Our standards have slipped, the coach said.",
        "More by luck than judgement",
        "Send me the report by Friday, she wrote.",
        # A furniture phrase opening a long sentence: the editor's note, not a button.
        "Scroll down for an official statement from the ministry with more information.",
        # Inboxes, editors and the weather in sentences of the article.
        "Phishing emails that land in your inbox often look like invoices from a supplier.",
        "He wrote to the editor of the local paper to complain about the traffic.",
        "The storm brought cold weather to the whole region on Monday.",
    )),
    # A heading that names the weather inside the article is the article's.
    f"{BODY}\n\nWinter Weather\n\n{BODY2}",
])
def test_quiet(text):
    assert spans(text, "BP") == []


def test_seed_002_boilerplate():
    text = seed_text("002")
    got = spans(text, "BP")
    assert ("BP07", "Arah.my") in got
    assert ("BP01", "The post Ukraine-Russia breakthrough hopes fade as NATO diplomats meet "
                    "appeared first on The Malaysian Reserve.") in got
    assert ("BP02", "You may also like") in got
    assert len(got) == 3


def test_seed_004_teasers():
    got = spans(seed_text("004"), "BP")
    assert got[0] == ("BP08", "Russia Ukraine peace talks\nRussia Ukraine peace talks")
    assert ("BP02", "You May Also Like") in got
    for headline in ("Fitness Club Shut Due To Coronavirus Fears",
                     "Taiwan to Impose Health Declaration Forms on All Visitors",
                     "In Taiwan, Southeast Asians Find Roots In A Bookstore"):
        assert ("BP03", headline) in got
    body_end = seed_text("004").index("You May Also Like")
    assert all(seed_text("004").index(t) >= body_end for c, t in got if c != "BP08")


@pytest.mark.parametrize("prefix", ["000", "001", "003"])
def test_seed_clean_bodies(prefix):
    assert spans(seed_text(prefix), "BP") == []


def test_fix_is_idempotent():
    text = seed_text("004")
    once = fixed(text, "BP")
    assert fixed(once, "BP") == once


def test_lines_table_is_well_formed():
    kinds = {"teaser", "share", "subscribe", "legal", "chrome", "comments", "pagination",
             "navigation"}
    seen = set()
    for row in lines("boilerplate_lines.tsv"):
        phrase, kind, how = row.split("\t")
        assert kind in kinds and how in {"line", "prefix", "label", "contains", "edge"}, row
        assert phrase == phrase.lower().strip(), row
        assert (phrase, how) not in seen, row
        seen.add((phrase, how))
