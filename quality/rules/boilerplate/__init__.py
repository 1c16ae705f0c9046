"""Rules of the boilerplate family: page furniture left in extracted article text.

Every rule works on whole lines. A document's lines are classified once (`classifier.layout`),
and each rule reports the lines of its kinds (`kinds.CODES`). Two sources of evidence:
  * the phrase tables and shapes (`classifier.classify`, `classify_shape`; phrases in
    quality/data/boilerplate_*): position matters there: single words that can also be a
    section heading ("Contact", "Share", "Comments") are only reported in the edge zones, before
    the first or after the last paragraph of prose; the lines after a teaser header are reported
    until prose resumes; comment-thread headings, counters and photo credits anywhere;
    navigation, search boxes, comment policies and publisher lines in the edge zones; newsletter
    blurbs, app promos, prices and author bios only after the article;
  * the page classifier (`page.py`, jusText for plain text) for whole scraped pages: the
    furniture around the largest block of prose, reported one finding per run of lines.
Every finding deletes its lines and leaves the article intact.
"""
from __future__ import annotations

import regex

from ..base import rule
from .classifier import layout
from .kinds import CODES, RUN_KINDS

_ARTICLE = ("The ministry said on Tuesday that the new tariffs would take effect next month, and "
            "that talks with its trading partners were continuing. Exporters warned that the "
            "measures could cost thousands of jobs in the coming year.")


def _runs(ctx, code):
    """The lines of `code`'s kinds, grouped in runs of consecutive lines (nothing but
    whitespace between them) where their kind comes in runs (RUN_KINDS); others alone."""
    run: list = []
    for ln in layout(ctx):
        if CODES[ln.kind] != code:
            continue
        if run and (ctx.text[run[-1].end:ln.start].strip() or ln.kind not in RUN_KINDS
                    or run[-1].kind not in RUN_KINDS):
            yield run
            run = []
        run.append(ln)
    if run:
        yield run


def _report(rule, ctx, message, label=None):
    """One finding per run of lines, with a deletion fix: `message(line)` for a single line,
    "<label>: N lines (<what>): delete them" for a run."""
    for run in _runs(ctx, rule.code):
        if len(run) == 1:
            text = message(run[0])
        else:
            whats = list(dict.fromkeys(ln.what for ln in run if ln.what))
            detail = "; ".join(whats[:3]) + ("; ..." if len(whats) > 3 else "")
            text = (f"{label or rule.name.replace('-', ' ')}: {len(run)} lines"
                    f"{f' ({detail})' if detail else ''}: delete them")
        yield rule.finding(ctx, run[0].start, run[-1].end, text, suggestion="")


@rule("BP01", "feed-footer", "boilerplate", "warning",
      "A feed or syndication footer ('The post ... appeared first on ...').",
      bad="Talks resume on Monday.\n\nThe post Talks resume appeared first on Daily Wire News.",
      good="Talks resume on Monday, the ministry said in a post on its website.")
def feed_footer(rule, ctx):
    """A line or sentence that starts like a syndication footer from
    data/boilerplate_footers.txt ("The post <title> appeared first on <site>.", "This article
    was originally published on ...") is reported from its first word to the end of its line."""
    yield from _report(rule, ctx, lambda l: "feed footer: delete it")


@rule("BP02", "teaser-header", "boilerplate", "warning",
      "A header that introduces links to other stories ('You may also like', 'Related posts').",
      bad="The talks ended without a deal.\n\nYou May Also Like\n\nFitness Club Shut Over Virus",
      good="Officials said they may also like to revisit the proposal next year.")
def teaser_header(rule, ctx):
    """A line that is nothing but a teaser header from data/boilerplate_lines.tsv (kind
    `teaser`: "You may also like", "Related articles", "More from <site>", "Trending"). The same
    words inside a sentence are not reported."""
    yield from _report(rule, ctx, lambda l: f"teaser header '{l.what}': delete it and the links after it")


@rule("BP03", "teaser-item", "boilerplate", "warning",
      "A headline or snippet of another story: after a teaser header or after 'Read more:'.",
      bad="The talks ended.\n\nYou may also like\n\nTaiwan to Impose Health Declaration Forms",
      good="Taiwan will impose health declaration forms on all visitors, officials said.")
def teaser_item(rule, ctx):
    """Lines after a teaser header that look like headlines or cut-off snippets (short, no
    closing full stop, or ending in an ellipsis), one finding per line, until a line of prose
    resumes the article; also one-line links such as "Read more: <headline>",
    "RELATED: <headline>" or 'Continue reading "<title>"'."""
    yield from _report(rule, ctx, lambda l: (
        f"'{l.what}' link to another story: delete it" if l.kind == "teaser-label" else
        f"link to another story ({l.what}): delete it" if l.kind == "link-list" else
        "teaser for another story: delete it"), label="links to other stories")


@rule("BP04", "share-prompt", "boilerplate", "warning",
      "A share or follow prompt ('Share this article', 'Follow us on Twitter').",
      bad="The ministry confirmed the figures.\nShare this article\nFollow us on Twitter",
      good="Users were quick to share the article on social media, the ministry said.")
def share_prompt(rule, ctx):
    """A line that is a share or social-media prompt from data/boilerplate_lines.tsv (kind
    `share`): whole lines or short lines starting with the phrase; bare button names ("Share",
    "Facebook", "Email") before the first or after the last paragraph of prose, or anywhere
    on the lines right under a share prompt ("Share this:" / "Facebook" / "Twitter")."""
    yield from _report(rule, ctx, lambda l: f"share prompt '{l.what}': delete it")


@rule("BP05", "subscribe-prompt", "boilerplate", "warning",
      "A newsletter, subscription, paywall or sign-in prompt.",
      bad="Prices rose 3% in May.\n\nSign up for our newsletter to get the latest news.",
      good="More readers signed up for the newsletter after the election, the editor said.")
def subscribe_prompt(rule, ctx):
    """A line that is a newsletter, subscription, app or sign-in prompt from
    data/boilerplate_lines.tsv (kind `subscribe`): the whole line, or a short line starting with
    the phrase (two-word phrases only on lines of six words or fewer); a short call to get a
    digest, updates or new posts, or to join N other readers; and after the article only, a
    newsletter blurb ("<Name> delivers daily updates"), an app promo or a subscription price."""
    yield from _report(rule, ctx, lambda l: f"subscription prompt '{l.what}': "
                       "delete it")


@rule("BP06", "legal-notice", "boilerplate", "warning",
      "A copyright, cookie, privacy or affiliate notice ('All rights reserved').",
      bad="The company declined to comment.\n\nCopyright © 2024 Example Media. All rights reserved.",
      good="The company said its copyright claim covered all the songs on the album.")
def legal_notice(rule, ctx):
    """A short line starting with ©, '(c) 2024', 'Copyright' or 'Copyleft', containing
    'All rights reserved', or matching a cookie, privacy, terms or disclosure phrase from
    data/boilerplate_lines.tsv (kind `legal`: terms acceptance, affiliate and opinion
    disclaimers); in the edge zones, a publisher's company line ("Example Media Group")."""
    yield from _report(rule, ctx, lambda l: f"legal notice ({l.what}): delete it")


@rule("BP07", "site-header", "boilerplate", "warning",
      "A line that is only the site's name or domain ('Example.com') above the article.",
      bad="Arah.my\n\nBreakthrough hopes fade as diplomats meet\n\nDiplomats met on Thursday.",
      good="Breakthrough hopes fade as diplomats meet\n\nDiplomats met on Thursday.")
def site_header(rule, ctx):
    """The first line is a single domain name with a known top-level domain (from
    data/boilerplate_tlds.txt: 'Arah.my', 'EXAMPLE.COM') followed by a blank line; or a
    domain-only line before the first or after the last paragraph of prose. A short title
    without a domain is never taken for a site name."""
    yield from _report(rule, ctx, lambda l: f"site name '{l.what}': delete it")


@rule("BP08", "repeated-title", "boilerplate", "warning",
      "The title line repeated on the next line.",
      bad="Peace talks stall in Istanbul\nPeace talks stall in Istanbul\n\nThe talks stalled.",
      good="Peace talks stall in Istanbul\n\nThe talks stalled on Thursday.")
def repeated_title(rule, ctx):
    """The first line (after any site-name line) is a title of at most 25 words and the next
    non-blank line repeats it exactly (ignoring case and spacing). The span covers both copies
    and the fix keeps the first."""
    for ln in layout(ctx):
        if ln.kind == "repeated-title":
            first = ctx.text[ln.start:ln.end].split("\n", 1)[0].rstrip()
            yield rule.finding(ctx, ln.start, ln.end, "title repeated: keep one copy",
                               suggestion=first)


@rule("BP09", "page-chrome", "boilerplate", "warning",
      "Navigation, comment-form, advertising and metadata lines ('Advertisement', 'Leave a Reply').",
      bad="The vote is on Friday.\n\nAdvertisement\n\nLeave a Reply",
      good="The advertisement ran for a week before the vote, and readers left replies.")
def page_chrome(rule, ctx):
    """A line that is page furniture from data/boilerplate_lines.tsv (kind `chrome`:
    "Advertisement", "Skip to content", "Leave a Reply", "Your email address will not be
    published"); a comment-thread heading ("12 responses to “<title>”") or a counter
    ("Comments (3)"); before the first or after the last paragraph of prose only, a line that
    is just a date, a time, a reading time ("4 min read"), a byline ("By Jane Smith"), a
    breadcrumb ("Home / World / Europe"), a search box ("Search for articles") or a comment
    policy ("All comments are moderated"); after the article only, an author's bio ("Jane
    Smith is a senior writer for <Site>", roles from data/boilerplate_bio_roles.txt); a list of
    tags on lines of their own under its label ("Tags:" / "iPad," / "tablets"), one finding
    for the list: anywhere under a label that heads nothing but tags, at the edges and
    separated by commas under one that may head the text's own list ("Topics:")."""
    yield from _report(rule, ctx, lambda l: f"page furniture ({l.what}): delete it")


@rule("BP11", "recurring-line", "boilerplate", "warning",
      "A line that recurs across documents of different stories: learned boilerplate.",
      bad="(in 40 documents about different events) Tap here to get our morning briefing",
      good="(a line that appears only in versions of one story) Talks resume in Istanbul",
      corpus=True)
def recurring_line(rule, ctx):
    """Needs the corpus pass. Each line is fingerprinted (case, digits and spacing folded); a
    line found in documents of at least three different stories is boilerplate, wherever it
    stands in the document. Lines shared only by versions of one story (a title, a quote)
    are not, nor are topic headings that name a dated event (`event_heading`: "2024 Paris
    Olympics", "Economic impact of the 2025 floods"), which summaries of different days'
    news repeat above different stories."""
    text = ctx.text
    for (start, end), printed in zip(ctx.lines, ctx.line_prints):
        evidence = ctx.corpus.line_evidence(printed)
        if evidence and not event_heading(text[start:end]):
            docs, stories = evidence
            s = start + len(text[start:end]) - len(text[start:end].lstrip())
            e = start + len(text[start:end].rstrip())
            yield rule.finding(ctx, s, e, f"line recurs in {docs} documents of {stories} "
                               "different stories: boilerplate", suggestion="",
                               confidence=0.9)


_EVENT_HEADING_RE = regex.compile(r"\b(?:1[89]|20)[0-9]{2}[ \t]+\p{Lu}")
_HEADING_MAX_WORDS = 10
_NOT_A_HEADING_RE = regex.compile(r"[.!?:©|]\s*$|©|\(c\)|copyright|rights reserved", regex.I)


def event_heading(line: str) -> bool:
    """A topic heading that names a dated event: at most ten words, no closing sentence
    punctuation, and a year followed by a capitalised name ("2026 Winter Olympics", "Impact
    of the 2024 Dubai floods"). News summaries repeat such a heading above the day's different
    stories; furniture carries no event name (a copyright line with a year is not one)."""
    line = line.strip()
    return (0 < len(line.split()) <= _HEADING_MAX_WORDS and not _NOT_A_HEADING_RE.search(line)
            and _EVENT_HEADING_RE.search(line) is not None)


@rule("BP16", "site-line", "boilerplate", "warning",
      "A line that recurs across the pages of one site: that site's boilerplate.",
      bad="(on 30 of the 40 pages of example.com) Our journalism is funded by readers like you.",
      good="(on 1 of the 40 pages of example.com) The council approved the budget on Monday.",
      corpus=True)
def site_line(rule, ctx):
    """Needs the corpus pass. The site of a document is its `site` or `url` record field (the
    host), else the folder its file is in; pages that open with the same header (three short
    lines, not sentences, no blank line between them: a masthead and a menu) are a site too,
    whose pages are told apart by their titles. A line of three words or more (case, digits and
    spacing folded) held by at least 3 of the site's documents and a fifth of them, not all
    versions of one story, is boilerplate for that site even when it reads like prose.
    Consecutive such lines are one finding; lines BP11 or the other rules of the family report
    are left to them."""
    text = ctx.text
    run: list = []
    known = {ln.start for ln in layout(ctx)}

    def flush():
        if run:
            (s, _, n, total, site), e = run[0], run[-1][1]
            what = (f"line recurs in {n} of {total} documents of {site}" if len(run) == 1 else
                    f"{len(run)} lines recur across the documents of {site} (the first in {n} "
                    f"of {total})")
            yield rule.finding(ctx, s, e, f"{what}: boilerplate for that site", suggestion="",
                               confidence=0.9)
            run.clear()

    for (start, end), printed in zip(ctx.lines, ctx.line_prints):
        line = text[start:end]
        if not line.strip():
            continue
        s = start + len(line) - len(line.lstrip())
        ev = None if s in known or ctx.corpus.line_evidence(printed) else (
            ctx.corpus.site_line_evidence(ctx.document, line, printed))
        if ev is None:
            yield from flush()
            continue
        run.append((s, start + len(line.rstrip()), *ev))
    yield from flush()


@rule("BP17", "html-input", "boilerplate", "warning",
      "The document is HTML source, not text: extract its text first.",
      bad="<!DOCTYPE html>\n<html><head><title>Talks</title></head>\n<body><p>Talks resume.</p>",
      good="Talks resume\n\nTalks resume on Monday, the ministry said.")
def html_input(rule, ctx):
    """The text opens with a doctype or <html>, or HTML tags make up a tenth of it, on a third
    of its lines or more. The boilerplate rules judge a page's text, not its markup, so none of
    them runs on it: extract the text first (trafilatura, for one, keeps the article and drops the furniture) and audit
    that. Reported once, on the first line, without a fix."""
    for ln in layout(ctx):
        if ln.kind == "html":
            yield rule.finding(ctx, ln.start, ln.end, "the document is HTML source: extract its "
                               "text first (for example with trafilatura) and audit that; the "
                               "boilerplate rules do not guess at markup")


@rule("BP12", "navigation", "boilerplate", "warning",
      "Menus, section lists and other short lines of the page around the article.",
      bad=_ARTICLE + "\nHome\nWorld\nBusiness\nSport",
      good=_ARTICLE + "\nThe talks resume on Monday.")
def navigation(rule, ctx):
    """Found by the page classifier (see page.py): short lines without sentences (menu items,
    section and tag lists, "About", "Archives") before or after the article, where their
    neighbours are furniture too. Only documents with a block of prose are judged, only lines
    outside the article are reported, one finding per run of lines."""
    yield from _report(rule, ctx, lambda l: f"navigation ({l.what}): delete it",
                       label="navigation")


@rule("BP13", "comment-controls", "boilerplate", "warning",
      "Comment and forum controls around the article ('Reply', 'Posts: 120', '12 comments').",
      bad=_ARTICLE + "\nReply\nReport abuse",
      good=_ARTICLE + "\nReaders were asked to reply by Friday.")
def comment_controls(rule, ctx):
    """Lines of a comment thread or forum that are controls and counters, not comments:
    "Reply", "Quote", "Report abuse", "Permalink", "Posts: 2783", "Registered: July 3, 2001",
    "15 comments"; from the phrase table (kind `comments`) anywhere, and by their shape
    outside the article when the page classifier finds them."""
    yield from _report(rule, ctx, lambda l: f"comment controls ({l.what}): delete it",
                       label="comment controls")


@rule("BP14", "pagination", "boilerplate", "warning",
      "Pagination and next/previous links ('Next »', '1 2 3', 'Older posts').",
      bad=_ARTICLE + "\n« Previous\n1 2 3 4\nNext »",
      good=_ARTICLE + "\nThe next round of talks is due in May.")
def pagination(rule, ctx):
    """Page numbers and next/previous links ("1 2 3 Next", "Page 2 of 5", "« Older posts")
    from the phrase table (kind `pagination`), and such lines outside the article that the
    page classifier finds."""
    yield from _report(rule, ctx, lambda l: f"pagination ({l.what}): delete it",
                       label="pagination")


@rule("BP15", "photo-credit", "boilerplate", "warning",
      "A photo or image credit line ('Photo: Jane Smith/Getty Images').",
      bad=_ARTICLE + "\nPhoto: Jane Smith/Getty Images",
      good=_ARTICLE + "\nThe photo was taken by Jane Smith on Monday.")
def photo_credit(rule, ctx):
    """A credit line of a picture ("Photo: ...", "Image courtesy of ...", "(AP Photo/...)",
    "... /Getty Images") from the phrase table (kind `credit`) anywhere, and by its shape
    outside the article when the page classifier finds it."""
    yield from _report(rule, ctx, lambda l: f"photo credit ({l.what}): delete it",
                       label="photo credits")


RULES = (feed_footer, teaser_header, teaser_item, share_prompt, subscribe_prompt, legal_notice,
         site_header, repeated_title, page_chrome, recurring_line, navigation, comment_controls,
         pagination, photo_credit, site_line, html_input)
