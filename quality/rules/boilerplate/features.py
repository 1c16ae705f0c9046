"""Line features of the boilerplate family: the shapes of page furniture as regular
expressions, and small predicates over one stripped line (prose, headline case, teaser-like).
Everything here is a pure function of the line."""
from __future__ import annotations

import re

from ...data_files import toml
from ...text import fold

_WORDS = toml("boilerplate_words.toml")


def alternation(words) -> str:
    """A regular-expression alternation of literal words, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


# Characters stripped from both ends of a line before it is compared with the phrase lists.
OUTER = " \t\u00a0-–—•·*|>»›<«‹:;.,!?…()[]{}\"'“”‘’/\\=_~#+"
WORD_RE = re.compile(r"[\w'&@©+-]+")
SPACE_RE = re.compile(r"\s+")
LABEL_SEP_RE = re.compile(r"\s*(?:[:|»›]|\s[-–—]\s)\s*")
SENTENCE_START_RE = re.compile(r"(?:^|[.!?:|•·]\s*)[\"'“‘(\[]?$")
SENTENCE_END_RE = re.compile(r"[.!?][\"'”’)\]]*$")
# The words a Title Case headline leaves in lower case ("Tips for Growing Roses in Pots").
MINOR_WORDS = frozenset(_WORDS["headline_minor_words"])
# A headline's source at its end, in the present tense headlines use: "..., police say",
# "..., study finds", "..., the minister warns" (a sentence of prose says "said" and ends).
REPORTED_RE = re.compile(
    r"\S\s+\S+\s+\S+.*,\s+(?:(?:the|a|an|new|some)\s+)?(?:[\w.'’&-]+\s+){0,3}?"
    rf"(?:{alternation(_WORDS['reporting_verbs'])})[\"'”’]?$")
# A sentence that names its source, as an article's reported speech does: "..., police said.",
# "..., she told reporters.", "..., said Jane Smith." An author's bio never does.
ATTRIBUTED_RE = re.compile(
    r",\s+(?:(?:[\w.'’&-]+\s+){0,3}?(?:said|says|told|added|adds|noted|wrote)\b"
    r"|said\s+(?:[\w.'’&-]+\s*){1,4}[.!?][\"'”’]*$)")
ELLIPSIS_RE = re.compile(r"(?:…|\.\.\.)[\"'”’)\]]*$")
TERMINAL_PUNCT_RE = re.compile(r"[.!?:;,][\"'”’)\]]*$")

_MONTH = rf"(?:{alternation(_WORDS['months'])})\.?"
_ORD = r"\d{1,2}(?:st|nd|rd|th)?"
# Lines that are only page metadata: a date (its day name too), a time, a reading time, a word
# count, a byline.
METADATA_RE = re.compile(
    r"^(?:(?:published|updated|posted|last updated|posted on|published on|updated on)"
    r"\s*:?\s*)?"
    rf"(?:(?:{alternation(_WORDS['weekdays'])})\.?,?\s+(?=\d|{_MONTH}\s))?(?:"
    rf"{_ORD}\s+{_MONTH},?\s+\d{{4}}|{_MONTH}\s+{_ORD}(?:,?\s+\d{{4}})?|{_MONTH}\s+\d{{4}}|"
    r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|"
    r"\d{1,2}[:.]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?(?:\s+[a-z]{2,4})?|"
    r"\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago|"
    r"\d+\s*(?:-\s*)?(?:min(?:ute)?s?)\.?\s+read|\d[\d,]*\s+words|"
    # an archive's month with its count of posts: "Jan 2012 (169)"
    rf"{_MONTH}\s+\d{{4}}\s*\(\d+\)"
    r")(?:\s*[,|]\s*\d{1,2}[:.]\d{2}\s*(?:am|pm)?(?:\s+[a-z]{2,4})?)?$",
    re.IGNORECASE,
)
BYLINE_RE = re.compile(
    r"^(?i:by|posted by|written by|words by)\s+"
    r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&|de|van|von|al|bin)){0,5}$"
)
# A copyright notice anywhere in a line: "© 2012 Example", "Copyright (c) 2012", "All rights
# reserved".
NOTICE_RE = re.compile(r"©\s*(?:\d{4}|(?-i:[A-Z]))|\(c\)\s*\d{4}|\bcopyright\s*(?:©|\(c\)|\d{4})|"
                       r"\ball rights reserved\b", re.IGNORECASE)
COPYRIGHT_RE = re.compile(r"^(?:©|\(c\)\s*\d|copyright\b|copyleft\b)", re.IGNORECASE)
# A call to subscribe: an imperative followed by a newsletter or an inbox ("Join our weekly
# newsletter", "Get the best stories straight to your inbox"); or a short line ending in
# "newsletter" ("Plant Care Newsletter").
NEWSLETTER_RE = re.compile(
    r"(?:get|join|receive|subscribe|sign up|sign-up|signup|never miss|don't miss|want)\b.*"
    r"\b(?:newsletters?|inbox|e-?mail updates)\b|(?:\S+\s+){0,4}newsletters?$|"
    # "Get a weekly summary of our stories", "Receive our daily digest"
    r"(?:get|receive|sign up for|subscribe to) (?:a |an |the |our |your )?(?:free )?"
    r"(?:daily|weekly|monthly|morning|evening|regular) (?:\w+ )?(?:summary|digest|roundup|"
    r"round-up|briefing|email|e-mail|updates|update|newsletter)\b|"
    # "Get regular updates on the latest tutorials"
    r"(?:get|receive) (?:regular |free |email |instant )?updates (?:on|about|from|when|in)\b|"
    # "Send me an email for every new post", "Notify me of new posts by email"
    r"(?:send|email|e-mail|notify) me\b.*\b(?:new|every|latest) (?:posts?|articles?|stories|"
    r"comments|recipes|episodes)\b|"
    # "Do you want to be informed of our news?", "Want to stay up to date?"
    r"(?:do you |would you like to |want to )(?:want to )?(?:be (?:kept )?informed|"
    r"stay (?:informed|up to date|up-to-date|updated|in the loop)|keep up with|hear about)\b|"
    # "Join the thousands of readers who ...", "Join 25,000 other subscribers"
    r"join (?:the |over |more than |our )?(?:(?:\d+k? )+|(?:hundreds|thousands|millions|tens of "
    r"thousands) )(?:of )?(?:other |fellow )?(?:\w+ )?(?:readers|subscribers|developers|members|"
    r"people|others|professionals|fans|followers|engineers|marketers|parents|cooks|"
    r"gardeners|investors)\b")
# A call to follow a social-media account.
# "Follow us on Twitter", "Follow @example", "Follow the Technology section", "Follow stories
# by Jane Smith".
FOLLOW_RE = re.compile(
    rf"(?:follow|connect with|find|like)\b.*\b(?:{alternation(_WORDS['social_networks'])})\b|"
    r"follow\s+@\w+$|follow\s+(?:(?:all|the|our|this|more)\s+)?(?:\S+\s+){0,3}?"
    r"(?:stories|articles|posts|section|topics?|coverage)(?:\s+by\s+\S+(?:\s+\S+){0,2})?$")
# The article's own credit lines, which end a teaser block.
CREDIT_RE = re.compile(r"^(?:additional reporting|reporting|editing|writing|compiled|"
                        r"produced)\s+by\b", re.IGNORECASE)
CALL_WORDS = frozenset(_WORDS["call_words"])
PROMPT_CUE_RE = re.compile(
    r"\b(?:newsletters?|inbox|e-?mails?|subscri\w*|sign(?:ing)? (?:up|in)|updates|alerts|headlines|"
    r"news|stories|app|podcasts?|follow|share|twitter|facebook|instagram|whatsapp|telegram|"
    r"notifications?|free|offer|account|log ?in)\b", re.IGNORECASE)
EMAIL_ONLY_RE = re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$")

# Line shapes that are page furniture wherever they stand.
# "12 responses to “Title”", "One thought on "Title"": the heading of a comment thread.
THREAD_RE = re.compile(r"^(?P<n>\d[\d,]*\s|one\s|no\s)?\s*(?P<what>responses?|comment|replies|reply|thoughts?|comments)"
                        r"\s+(?:to|on)\s+[“\"‘'«]", re.IGNORECASE)
# A forum member's details beside a post: "Registered: July 03, 2001", "Posts: 2783",
# "Member since 2009" (the value a number or a date).
FORUM_RE = re.compile(r"^(?:posts|joined|registered|member since)\s*:?\s*(?P<value>\S.*)$",
                      re.IGNORECASE)
# A control of a forum post: "Show Post", "Quote post", "Report post"; the header of a quoted
# post ("Quote:", "Originally posted by jane:").
POST_CONTROL_RE = re.compile(r"^(?:(?:show|hide|quote|edit|report|ignore)\s+(?:this\s+)?post|"
                             r"quote:|originally\s+posted\s+by\s+\S.{0,40}:)$", re.IGNORECASE)
# A search box: "Search for articles and topics", "Search this site".
SEARCH_RE = re.compile(
    r"^search\s+(?:for\s+|in\s+|within\s+)?(?:this|the|our)?\s*(?:site|website|blog|archives?|"
    r"articles?|topics?|keywords?)\b", re.IGNORECASE)
# A counter: "Followers (7)", "23 Comments", "1,204 views".
_COUNTED = alternation(_WORDS["counter_nouns"])
COUNTER_RE = re.compile(
    rf"^(?:\d[\d,.]*[km]?\s+(?:{_COUNTED})|(?:{_COUNTED})"
    r"\s*[(\[]\s*\d[\d,.]*[km]?\s*[)\]])$", re.IGNORECASE)

# Line shapes reported only in the edge zones (before the first or after the last paragraph).
# Navigation or a breadcrumb: three or more short items joined by "/", "|", "»", "›" or ">".
NAV_SEP_RE = re.compile(r"\s+[/|»›>]\s+")
NAV_ITEM_RE = re.compile(r"[^\W\d_][\w &'’.,-]*$")
# A blurb describing a newsletter or a section: "The latest news, analysis and insights".
BLURB_RE = re.compile(r"^the latest (?:news|headlines|updates?|stories|on|from|in)\b|"
                      r"^(?:daily|weekly|monthly) (?:news|headlines|updates|insights|tips) "
                      r"(?:about|on|from|for)\b", re.IGNORECASE)
DELIVERY_RE = re.compile(
    r"\bdeliver(?:s|ed)?\s+(?:daily|weekly|monthly)\s+(?:updates|news|headlines|stories|digests?|"
    r"insights|briefings?|emails?|tips)\b|\bdelivered\s+(?:daily|weekly|monthly)\W*$",
    re.IGNORECASE)
# An app promo: "Get the Example News app", "... on your phone with the Example app."
APP_RE = re.compile(
    r"^(?i:download|get|install|try)\s+(?i:the|our)\s+(?:[\w.'’&-]+\s+){0,4}(?i:apps?)\b|"
    r"(?:^|\byour\s+)(?i:phone|mobile|device|tablet|iphone|android)s?\s+with\s+(?i:the|our)\s+"
    r"(?:[A-Z][\w.'’&-]*\s+){1,4}app\b")
# A subscription price: "for as little as $6 a month", "Subscribe for $1 a week".
PRICE_RE = re.compile(r"(?:(?:for\s+)?(?:as little as|only|just)|for)\s+[$£€]\s?\d+(?:\.\d\d)?\s*"
                       r"(?:a|per|/)\s*(?:month|week|year|mo|wk|yr)\b", re.IGNORECASE)
PRICE_CONTEXT_RE = re.compile(r"subscri|unlimited|digital access|membership|free trial|"
                               r"support us|support our", re.IGNORECASE)
# A label of tags alone on its line ("Tags:", "Filed Under:"), and those that head nothing else.
TAG_LABEL_RE = re.compile(rf"^(?:{alternation(_WORDS['tag_labels'])})\s*:$", re.IGNORECASE)
TAG_ONLY_LABELS = frozenset(_WORDS["tag_only_labels"])
# A section of the site: at most three words ending in a section's name ("Austin Weather",
# "Example podcasts", "Obituaries").
SECTION_RE = re.compile(rf"^(?:[\w.'’&-]+\s+){{0,2}}(?:{alternation(_WORDS['section_nouns'])})$",
                        re.IGNORECASE)
# The publisher's company line: "Example Media Group", "Example Publishing Ltd".
PUBLISHER_RE = re.compile(
    rf"^(?:[A-Z][\w&.'’-]*\s+){{1,5}}(?:{alternation(_WORDS['publisher_words'])})\s+"
    rf"(?:{alternation(_WORDS['company_suffixes'])})(?:\s+of\s+(?:[A-Z][\w'’-]*\s*){{1,3}})?$")
# A comment policy: "All comments are moderated", "We ask that comments are civil",
# "We will try to publish comments that ...", "We reserve the right to delete comments".
COMMENT_POLICY_RE = re.compile(
    r"\bcomments?\s+(?:are|is|will\s+be|may\s+be|must\s+be|should\s+be)\s+(?:\w+\s+)?"
    r"(?:moderated|pre-moderated|approved|civil|respectful|subject\s+to\s+moderation)\b|"
    r"\bwe\b.{0,40}\b(?:publish|moderate|delete|remove|edit|approve)\w*\s+(?:all\s+|any\s+|the\s+|"
    r"your\s+|some\s+)?comments\b|"
    r"\bwe\s+reserve\s+the\s+right\s+to\s+(?:delete|remove|edit|reject|refuse)\b",
    re.IGNORECASE)
# A blogger's greeting: "Hi, I'm Jane", "I am Jane from Sunny Singapore".
AUTHOR_HELLO_RE = re.compile(r"^(?i:(?:hi|hello|hey)(?: there)?[,!]?\s+)(?i:i am|i'm|i’m)\s+"
                              r"[A-Z][a-z]+\b|^(?i:i am|i'm|i’m)\s+[A-Z][a-z]+\s+from\s+[A-Z]")
# Words that cannot be the name at the start of an author's bio ("He is a writer ...").
NOT_NAMES = frozenset(_WORDS["not_names"])
# Controls beside an author's byline ("View Profile", "About the author").
AUTHOR_CONTROLS = frozenset(_WORDS["author_controls"])


# Spellings of one word the phrase tables hold once: "E-mail this article" is "Email this
# article".
_SAME_WORD = {"e-mail": "email", "e-mails": "emails"}


def words_key(s: str) -> str:
    """Fold case and accents, drop punctuation around words: 'Share this article:' ->
    'share this article', 'E-Mail This' -> 'email this'."""
    s = s.lower() if s.isascii() else fold(s)
    words = [w for w in (w.strip("-") for w in WORD_RE.findall(s)) if w]
    if "e-mail" in s:
        words = [_SAME_WORD.get(w, w) for w in words]
    return " ".join(words)


def domain_like(line: str, tlds: frozenset) -> bool:
    m = re.fullmatch(r"(?:https?://)?(?:www\.)?([A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*)"
                     r"\.([A-Za-z]{2,7})/?", line)
    if not m or m.group(2).lower() not in tlds:
        return False
    tld = m.group(2)
    return tld.islower() or tld.isupper()


def is_prose(line: str, n_words: int) -> bool:
    return n_words >= 15 and bool(SENTENCE_END_RE.search(line))


def teaser_like(line: str, n_words: int) -> bool:
    """A headline or a teaser snippet: short, unfinished or cut off with an ellipsis."""
    if ELLIPSIS_RE.search(line):
        return n_words <= 60
    if n_words <= 8:
        return True
    return n_words <= 40 and not TERMINAL_PUNCT_RE.search(line)


def headline_case(line: str) -> bool:
    """Most longer words capitalised: 'Taiwan to Impose Health Declaration Forms'."""
    words = [w for w in line.split() if len(w) >= 4 and w[:1].isalpha()]
    return bool(words) and sum(w[:1].isupper() for w in words) >= 0.75 * len(words)


# A date, a time or a byline anywhere in a short line: "Posted by Jane on May 3", "10:25am".
DATE_RE = re.compile(
    rf"\b{_MONTH}\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{_MONTH}\b|\b\d{{1,2}}[:.]\d\d\s*(?:am|pm)\b|"
    r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|^(?:posted |written )?by\b", re.IGNORECASE)


def quoted_speech(line: str) -> bool:
    return any(q in line for q in "\"“”")


# The article's own closing or source line: "Via MacRumors", "Source: Reuters", "– Jane Smith".
SIGNATURE_RE = re.compile(
    r"^(?:(?i:via|source|sources|h/t|hat tip)\b\s*:?\s*\S|[-–—~]\s*[A-Z][\w.'’-]*"
    r"(?:\s+[A-Z][\w.'’-]*){0,3}$)")
# A line that is only a person's name, as a byline or signature: "Tom Chatfield", "Douglas A.
# McIntyre".
NAME_LINE_RE = re.compile(r"^[A-Z][a-z]+(?:\s+(?:[A-Z]\.|[A-Z][a-z]+(?:[-’'][A-Z][a-z]+)?|"
                          r"Mc[A-Z][a-z]+)){1,3}$")


# HTML markup: a document that is a web page's source, not its text.
_HTML_TAG_RE = re.compile(
    r"<(?:!doctype\s+html|/?(?:html|head|body|div|p|a|span|script|style|table|tr|td|br|li|ul|"
    r"ol|h[1-6]|meta|link|img|nav|header|footer|section|article|form|input)\b)[^<>]{0,500}>",
    re.IGNORECASE)


def html_markup(text: str) -> bool:
    """True when the text is HTML source: it opens with a doctype or <html>, or tags make up
    a tenth of its first 20,000 characters (at least 10 of them) and stand on at least a
    third of its lines. A page's text with a few lines of markup left in it (an ad's code) is
    still text."""
    head = text[:20000]
    if head.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
        return True
    found = list(_HTML_TAG_RE.finditer(head))
    if len(found) < 10 or sum(m.end() - m.start() for m in found) < 0.1 * len(head):
        return False
    tagged = len({head.count("\n", 0, m.start()) for m in found})
    return 3 * tagged >= sum(1 for line in head.split("\n") if line.strip())
