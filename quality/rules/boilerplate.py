"""Rules of the boilerplate family: page furniture left in extracted article text.

Every rule works on whole lines. A document's lines are classified once (see `_layout`), and
each rule reports the lines of its own kind. Phrases live in quality/data/boilerplate_*.
Position matters: single words that can also be a section heading ("Contact", "Share",
"Comments") are only reported in the edge zones, before the first or after the last paragraph
of prose; the lines after a teaser header are reported until prose resumes. Some furniture is
recognised by its shape rather than a fixed phrase (`_classify_shape`): comment-thread headings
and counters anywhere; navigation, search boxes, comment policies and publisher lines in the
edge zones; newsletter blurbs, app promos, prices and author bios only after the article.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import ahocorasick

from ..data_files import lines as data_lines
from ..text import fold
from .base import rule

# Characters stripped from both ends of a line before it is compared with the phrase lists.
_OUTER = " \t\u00a0-–—•·*|>»›<«‹:;.,!?…()[]{}\"'“”‘’/\\=_~#+"
_WORD_RE = re.compile(r"[\w'&@©+-]+")
_SPACE_RE = re.compile(r"\s+")
_LABEL_SEP_RE = re.compile(r"\s*(?:[:|»›]|\s[-–—]\s)\s*")
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?:|•·]\s*)[\"'“‘(\[]?$")
_SENTENCE_END_RE = re.compile(r"[.!?][\"'”’)\]]*$")
_ELLIPSIS_RE = re.compile(r"(?:…|\.\.\.)[\"'”’)\]]*$")
_TERMINAL_PUNCT_RE = re.compile(r"[.!?:;,][\"'”’)\]]*$")

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_ORD = r"\d{1,2}(?:st|nd|rd|th)?"
# Lines that are only page metadata: a date, a time, a reading time, a word count, a byline.
_METADATA_RE = re.compile(
    r"^(?:(?:published|updated|posted|last updated|posted on|published on|updated on)"
    r"\s*:?\s*)?(?:"
    rf"{_ORD}\s+{_MONTH},?\s+\d{{4}}|{_MONTH}\s+{_ORD}(?:,?\s+\d{{4}})?|{_MONTH}\s+\d{{4}}|"
    r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|"
    r"\d{1,2}[:.]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?(?:\s+[a-z]{2,4})?|"
    r"\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago|"
    r"\d+\s*(?:-\s*)?(?:min(?:ute)?s?)\.?\s+read|\d[\d,]*\s+words"
    r")(?:\s*[,|]\s*\d{1,2}[:.]\d{2}\s*(?:am|pm)?(?:\s+[a-z]{2,4})?)?$",
    re.IGNORECASE,
)
_BYLINE_RE = re.compile(
    r"^(?i:by|posted by|written by|words by)\s+"
    r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&|de|van|von|al|bin)){0,5}$"
)
_COPYRIGHT_RE = re.compile(r"^(?:©|\(c\)\s*\d|copyright\b|copyleft\b)", re.IGNORECASE)
# A call to subscribe: an imperative followed by a newsletter or an inbox ("Join our weekly
# newsletter", "Get the best stories straight to your inbox"); or a short line ending in
# "newsletter" ("Plant Care Newsletter").
_NEWSLETTER_RE = re.compile(
    r"(?:get|join|receive|subscribe|sign up|signup|never miss|don't miss|want)\b.*"
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
_FOLLOW_RE = re.compile(
    r"(?:follow|connect with|find|like)\b.*\b(?:twitter|facebook|instagram|linkedin|youtube|"
    r"tiktok|threads|mastodon|bluesky)\b")
# The article's own credit lines, which end a teaser block.
_CREDIT_RE = re.compile(r"^(?:additional reporting|reporting|editing|writing|compiled|"
                        r"produced)\s+by\b", re.IGNORECASE)
_CALL_WORDS = frozenset("get join receive subscribe sign signup never don't want follow connect "
                        "find like send email e-mail notify do would".split())
_PROMPT_CUE_RE = re.compile(
    r"\b(?:newsletters?|inbox|e-?mails?|subscri\w*|sign(?:ing)? up|updates|alerts|headlines|"
    r"news|stories|app|podcasts?|follow|share|twitter|facebook|instagram|whatsapp|telegram|"
    r"notifications?|free|offer|account|log ?in)\b", re.IGNORECASE)
_EMAIL_ONLY_RE = re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$")

# Line shapes that are page furniture wherever they stand.
# "12 responses to “Title”", "One thought on "Title"": the heading of a comment thread.
_THREAD_RE = re.compile(r"^(?P<n>\d[\d,]*\s|one\s|no\s)?\s*(?P<what>responses?|comment|replies|reply|thoughts?|comments)"
                        r"\s+(?:to|on)\s+[“\"‘'«]", re.IGNORECASE)
# A search box: "Search for articles and topics", "Search this site".
_SEARCH_RE = re.compile(
    r"^search\s+(?:for\s+|in\s+|within\s+)?(?:this|the|our)?\s*(?:site|website|blog|archives?|"
    r"articles?|topics?|keywords?)\b", re.IGNORECASE)
# A counter: "Followers (7)", "23 Comments", "1,204 views".
_COUNTER_RE = re.compile(
    r"^(?:\d[\d,.]*[km]?\s+(?:comments?|responses?|replies|followers?|views|shares|likes|"
    r"subscribers)|(?:comments?|responses?|replies|followers?|views|shares|likes|subscribers)"
    r"\s*[(\[]\s*\d[\d,.]*[km]?\s*[)\]])$", re.IGNORECASE)

# Line shapes reported only in the edge zones (before the first or after the last paragraph).
# Navigation or a breadcrumb: three or more short items joined by "/", "|", "»", "›" or ">".
_NAV_SEP_RE = re.compile(r"\s+[/|»›>]\s+")
_NAV_ITEM_RE = re.compile(r"[^\W\d_][\w &'’.,-]*$")
# A blurb describing a newsletter or a section: "The latest news, analysis and insights".
_BLURB_RE = re.compile(r"^the latest (?:news|headlines|updates?|stories|on|from|in)\b",
                       re.IGNORECASE)
_DELIVERY_RE = re.compile(
    r"\bdeliver(?:s|ed)?\s+(?:daily|weekly|monthly)\s+(?:updates|news|headlines|stories|digests?|"
    r"insights|briefings?|emails?|tips)\b|\bdelivered\s+(?:daily|weekly|monthly)\W*$",
    re.IGNORECASE)
# An app promo: "Get the Example News app", "... on your phone with the Example app."
_APP_RE = re.compile(
    r"^(?i:download|get|install|try)\s+(?i:the|our)\s+(?:[\w.'’&-]+\s+){0,4}(?i:apps?)\b|"
    r"(?:^|\byour\s+)(?i:phone|mobile|device|tablet|iphone|android)s?\s+with\s+(?i:the|our)\s+"
    r"(?:[A-Z][\w.'’&-]*\s+){1,4}app\b")
# A subscription price: "for as little as $6 a month", "Subscribe for $1 a week".
_PRICE_RE = re.compile(r"(?:(?:for\s+)?(?:as little as|only|just)|for)\s+[$£€]\s?\d+(?:\.\d\d)?\s*"
                       r"(?:a|per|/)\s*(?:month|week|year|mo|wk|yr)\b", re.IGNORECASE)
_PRICE_CONTEXT_RE = re.compile(r"subscri|unlimited|digital access|membership|free trial|"
                               r"support us|support our", re.IGNORECASE)
# The publisher's company line: "Example Media Group", "Example Publishing Ltd".
_PUBLISHER_RE = re.compile(
    r"^(?:[A-Z][\w&.'’-]*\s+){1,5}(?:Media|Publishing|Publications|Newspapers?|Broadcasting|"
    r"Communications)\s+(?:Group|Inc\.?|LLC|Ltd\.?|Limited|Corp\.?|Corporation|Company|Co\.|"
    r"Network|Networks|Holdings|plc|PLC)(?:\s+of\s+(?:[A-Z][\w'’-]*\s*){1,3})?$")
# A comment policy: "All comments are moderated", "We ask that comments are civil",
# "We will try to publish comments that ...", "We reserve the right to delete comments".
_COMMENT_POLICY_RE = re.compile(
    r"\bcomments?\s+(?:are|is|will\s+be|may\s+be|must\s+be|should\s+be)\s+(?:\w+\s+)?"
    r"(?:moderated|pre-moderated|approved|civil|respectful|subject\s+to\s+moderation)\b|"
    r"\bwe\b.{0,40}\b(?:publish|moderate|delete|remove|edit|approve)\w*\s+(?:all\s+|any\s+|the\s+|"
    r"your\s+|some\s+)?comments\b|"
    r"\bwe\s+reserve\s+the\s+right\s+to\s+(?:delete|remove|edit|reject|refuse)\b",
    re.IGNORECASE)
# A blogger's greeting: "Hi, I'm Jane", "I am Jane from Sunny Singapore".
_AUTHOR_HELLO_RE = re.compile(r"^(?i:(?:hi|hello|hey)(?: there)?[,!]?\s+)(?i:i am|i'm|i’m)\s+"
                              r"[A-Z][a-z]+\b|^(?i:i am|i'm|i’m)\s+[A-Z][a-z]+\s+from\s+[A-Z]")
# Words that cannot be the name at the start of an author's bio ("He is a writer ...").
_NOT_NAMES = frozenset("he she it they this that there who what which here we i you our his her "
                       "its their the a an".split())


@dataclass(frozen=True)
class _Phrases:
    line: dict          # normalised line -> kind
    prefix: dict        # first words -> kind
    label: dict         # words before a ":" -> kind
    edge: dict          # normalised line -> kind, edge zones only
    automaton: object   # Aho-Corasick over lower-cased text: `contains` phrases, footer cues
    contains_kind: dict
    footer: re.Pattern
    tlds: frozenset
    max_prefix_words: int
    prefix_first: frozenset  # first words of the prefix phrases
    max_line_words: int
    bio: re.Pattern     # an author's bio line: "<Name> is a senior writer for <Site>"


@lru_cache(maxsize=1)
def _phrases() -> _Phrases:
    tables: dict[str, dict] = {"line": {}, "prefix": {}, "label": {}, "edge": {}, "contains": {}}
    for row in data_lines("boilerplate_lines.tsv"):
        phrase, kind, how = row.split("\t")
        tables[how][_words_key(phrase)] = kind
    contains = tables["contains"]
    auto = ahocorasick.Automaton()
    for row in data_lines("boilerplate_lines.tsv"):
        phrase, kind, how = row.split("\t")
        if how == "contains":
            auto.add_word(phrase.lower(), ("contains", _words_key(phrase), len(phrase)))
    templates = []
    for t in data_lines("boilerplate_footers.txt"):
        parts = [r"\s+".join(map(re.escape, p.split())) for p in t.split("*")]
        if parts[-1]:
            templates.append(r"\s+\S.*?\s+".join(parts))
        else:  # a template ending in "*" needs at least one more word
            templates.append(r"\s+\S.*?\s+".join(parts[:-1]) + r"\s+\S")
    footer_re = re.compile(r"\b(?:" + "|".join(templates) + r")", re.IGNORECASE)
    # The longest literal word of each template: a cheap first pass finds candidate lines.
    for t in data_lines("boilerplate_footers.txt"):
        cue = max(t.replace("*", " ").split(), key=len)
        auto.add_word(cue, ("cue", cue, len(cue)))
    auto.make_automaton()
    return _Phrases(
        line=tables["line"], prefix=tables["prefix"], label=tables["label"],
        edge=tables["edge"], automaton=auto, contains_kind=contains,
        footer=footer_re, tlds=frozenset(data_lines("boilerplate_tlds.txt")),
        max_prefix_words=max(len(k.split()) for k in tables["prefix"]),
        prefix_first=frozenset(k.split()[0] for k in tables["prefix"]),
        max_line_words=max(len(k.split()) for k in (*tables["line"], *tables["edge"])),
        bio=_bio_re(data_lines("boilerplate_bio_roles.txt")),
    )


def _bio_re(roles) -> re.Pattern:
    """'<Name> is a senior writer for <Site>', 'is professor emeritus of', 'Staff writer at
    <Site>, covering ...': a name (or nothing), 'is/was', an article, up to three modifiers and
    a role from data/boilerplate_bio_roles.txt."""
    role = "|".join(sorted((re.escape(r) for r in roles), key=len, reverse=True))
    name = r"(?:[A-Z][\w.'’-]*\s+){2,4}"
    return re.compile(
        rf"^(?:(?P<name>{name})is\s+|is\s+)(?:(?:an?|the)\s+)?(?:[\w&,-]+\s+){{0,3}}?"
        rf"(?i:{role})\b(?!['’])|"
        rf"^(?i:(?:senior|staff|contributing|freelance|deputy|associate)\s+)?(?i:{role})\s+"
        rf"(?i:for|at|with)\s+[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*)*\s*(?:,\s*(?i:covering|"
        rf"where|based|who)\b|$)")


def _words_key(s: str) -> str:
    """Fold case and accents, drop punctuation around words: 'Share this article:' ->
    'share this article'."""
    s = s.lower() if s.isascii() else fold(s)
    return " ".join(w for w in (w.strip("-") for w in _WORD_RE.findall(s)) if w)


def _domain_like(line: str, tlds: frozenset) -> bool:
    m = re.fullmatch(r"(?:https?://)?(?:www\.)?([A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*)"
                     r"\.([A-Za-z]{2,7})/?", line)
    if not m or m.group(2).lower() not in tlds:
        return False
    tld = m.group(2)
    return tld.islower() or tld.isupper()


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    kind: str       # feed-footer, teaser, teaser-label, teaser-item, share, subscribe, legal,
    #                 chrome, site-header, repeated-title
    what: str       # the phrase or pattern that matched, for the message


def _is_prose(line: str, n_words: int) -> bool:
    return n_words >= 15 and bool(_SENTENCE_END_RE.search(line))


def _teaser_like(line: str, n_words: int) -> bool:
    """A headline or a teaser snippet: short, unfinished or cut off with an ellipsis."""
    if _ELLIPSIS_RE.search(line):
        return n_words <= 60
    if n_words <= 8:
        return True
    return n_words <= 40 and not _TERMINAL_PUNCT_RE.search(line)


def _headline_case(line: str) -> bool:
    """Most longer words capitalised: 'Taiwan to Impose Health Declaration Forms'."""
    words = [w for w in line.split() if len(w) >= 4 and w[:1].isalpha()]
    return bool(words) and sum(w[:1].isupper() for w in words) >= 0.75 * len(words)


def _classify(line: str, n_words: int, edge: bool, ph: _Phrases,
              contained: Optional[str]) -> Optional[tuple[str, str]]:
    """(kind, phrase) when the stripped line is boilerplate, else None. `contained` is a
    `contains` phrase found in the line by the document-wide pass."""
    if n_words > 40:
        return None
    if n_words <= ph.max_line_words:
        key = _words_key(line)
        kind = ph.line.get(key)
        if kind:
            return kind, key
        if edge and key in ph.edge:
            return ph.edge[key], key
    # A label: "Read more: <headline>", "Tags: ...".
    m = _LABEL_SEP_RE.search(line, 0, 40)
    if m and m.start() > 0 and n_words <= 30:
        head = _words_key(line[:m.start()])
        kind = ph.label.get(head)
        if kind and line[m.end():].strip():
            return ("teaser-label" if kind == "teaser" else kind), head
    words = _words_key(" ".join(line.split(None, ph.max_prefix_words)[:ph.max_prefix_words]))
    words = words.split()
    if not words or words[0] not in ph.prefix_first:
        words_for_prefix = 0
    else:
        words_for_prefix = min(len(words), ph.max_prefix_words)
    for k in range(words_for_prefix, 0, -1):
        head = " ".join(words[:k])
        kind = ph.prefix.get(head)
        if not kind:
            continue
        if kind == "teaser":
            # "More from Business Daily", "Trending on Rough Draft": the rest is a name.
            rest = line.split()[k:]
            ok = (n_words <= 6 and ":" not in line and not _SENTENCE_END_RE.search(line)
                  and (not rest or k >= 3 or rest[0][:1].isupper() or rest[0][:1].isdigit()))
        else:
            ok = n_words <= (6 if k <= 2 else 40)
            # A longer line must also name what is offered ("Get the latest
            # figures from the statistics office" is prose; "... news in your inbox" is not).
            if (ok and kind in ("subscribe", "share") and n_words > 8
                    and not _PROMPT_CUE_RE.search(line)):
                ok = False
        if ok:
            return kind, head
        break
    if _COPYRIGHT_RE.match(line) or ("©" in line and n_words <= 20):
        return "legal", "copyright notice"
    if contained:
        return ph.contains_kind[contained[0]], contained[0]
    if n_words <= 20 and words and words[0] in _CALL_WORDS:
        key = _words_key(line)
        if _NEWSLETTER_RE.match(key):
            return "subscribe", "newsletter"
        if _FOLLOW_RE.match(key):
            return "share", "follow us"
    if n_words <= 6 and words and words[-1].startswith("newsletter"):
        if _NEWSLETTER_RE.match(_words_key(line)):
            return "subscribe", "newsletter"
    if edge and n_words <= 8:
        if _METADATA_RE.match(line):
            return "chrome", "date or reading time"
        if _BYLINE_RE.match(line):
            return "chrome", "byline"
        if _EMAIL_ONLY_RE.match(line):
            return "chrome", "contact address"
        if _domain_like(line, ph.tlds):
            return "site-header", line
    return None


def _classify_shape(line: str, n_words: int, edge: bool, trailing: bool,
                    ph: _Phrases) -> Optional[tuple[str, str]]:
    """(kind, what) when the stripped line (never the first one) has the shape of page
    furniture: a comment-thread heading with a count or a counter anywhere; navigation, search
    boxes, comment policies and company lines in the edge zones; newsletter blurbs, promos,
    prices and author bios only after the last paragraph of prose."""
    if n_words > 40:
        return None
    unfinished = not _SENTENCE_END_RE.search(line)
    if n_words <= 20:
        m = _THREAD_RE.match(line)
        if m and (m.group("n") or edge and unfinished
                  and not m.group("what").lower().startswith("comment")):
            return "chrome", "comment thread heading"
    if n_words <= 3 and _COUNTER_RE.match(line):
        return "chrome", "counter"
    if not edge:
        return None
    quoted = any(q in line for q in "\"“”")
    if n_words <= 6 and unfinished and _SEARCH_RE.match(line):
        return "chrome", "search box"
    if n_words <= 30 and not quoted and _COMMENT_POLICY_RE.search(line):
        return "chrome", "comment policy"
    if n_words <= 25:
        parts = _NAV_SEP_RE.split(line)
        if len(parts) >= 3 and all(0 < len(p.split()) <= 3 and _NAV_ITEM_RE.match(p)
                                   for p in parts):
            return "chrome", "navigation"
    if n_words <= 10 and _PUBLISHER_RE.match(line):
        return "legal", "publisher line"
    if not trailing:
        return None
    if n_words <= 15:
        if _APP_RE.search(line):
            return "subscribe", "app promo"
        m = _PRICE_RE.search(line)
        if m and (m.start() == 0 or _PRICE_CONTEXT_RE.search(line)):
            return "subscribe", "subscription price"
    if n_words <= 12 and unfinished:
        if _DELIVERY_RE.search(line) or _BLURB_RE.match(line):
            return "subscribe", "newsletter blurb"
        if n_words <= 8 and re.search(r"\b[A-Z][\w'’-]*\s+Newsletters?\b", line):
            return "subscribe", "newsletter"
    if not quoted:
        m = ph.bio.match(line)
        if m and (not m.group("name") or m.group("name").split()[0].lower() not in _NOT_NAMES):
            return "chrome", "author bio"
        if n_words <= 20 and _AUTHOR_HELLO_RE.match(line):
            return "chrome", "author bio"
    return None


def _layout(ctx) -> tuple[_Line, ...]:
    """Classify every line of the document once; shared by all the rules of this module."""
    if "boilerplate.layout" not in ctx.memo:
        ctx.memo["boilerplate.layout"] = _classify_lines(ctx.text)
    return ctx.memo["boilerplate.layout"]


def _classify_lines(text: str) -> tuple[_Line, ...]:
    ph = _phrases()
    spans = []  # (start, end, stripped text, n_words) of non-blank lines
    pos = 0
    for raw in text.split("\n"):
        s, e = pos, pos + len(raw)
        pos = e + 1
        stripped = raw.strip()
        if not stripped:
            continue
        s += len(raw) - len(raw.lstrip())
        e -= len(raw) - len(raw.rstrip())
        spans.append((s, e, stripped, len(stripped.split())))
    if not spans:
        return ()
    prose = [i for i, (_, _, t, n) in enumerate(spans) if _is_prose(t, n)]
    first_prose = prose[0] if prose else len(spans)
    last_prose = prose[-1] if prose else -1

    # One pass of the automaton finds `contains` phrases and the lines that may hold a footer.
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    low = low.replace("’", "'")
    starts = [sp[0] for sp in spans]
    contained: dict[int, tuple[str]] = {}
    cue_lines: set[int] = set()
    for last, (what, key, length) in ph.automaton.iter(low):
        if what == "cue":
            cue_lines.add(low.rfind("\n", 0, last) + 1)
            continue
        i = bisect_right(starts, last) - 1
        first = last + 1 - length
        if (i >= 0 and first >= spans[i][0] and i not in contained
                and not (first > 0 and low[first - 1].isalnum())
                and not (last + 1 < len(low) and low[last + 1].isalnum())):
            line_start, line_end, line, n = spans[i]
            # A short phrase inside a sentence of prose ("... covered all rights reserved under
            # ...") is not a notice: it must open a sentence, or the line be short or unfinished.
            if (len(key.split()) >= 4 or _SENTENCE_START_RE.search(text[line_start:first])
                    or n <= 8 or not _SENTENCE_END_RE.search(line)):
                contained[i] = (key,)

    out: list[_Line] = []
    taken: set[int] = set()
    # Feed footers may also close the last paragraph, so they are searched in the whole text.
    for line_start in sorted(cue_lines):
        line_end = text.find("\n", line_start)
        m = ph.footer.search(text, line_start, len(text) if line_end < 0 else line_end)
        if not m:
            continue
        s = m.start()
        before = text[max(0, s - 3):s]
        if s and not (before.endswith("\n") or re.search(r"[.!?\"”’]\s+$|^\s*$", before)):
            continue
        e = text.find("\n", s)
        e = len(text) if e < 0 else e
        e = s + len(text[s:e].rstrip())
        out.append(_Line(s, e, "feed-footer", "feed footer"))
        taken.update(i for i, sp in enumerate(spans) if s <= sp[0] < e)

    # Header: a site-name line, and the title repeated on the next line.
    i0 = 0
    s0, e0, t0, n0 = spans[0]
    if _domain_like(t0, ph.tlds) and text[:s0].strip() == "" and (
            len(spans) == 1 or "\n\n" in text[e0:spans[1][0]].replace(" ", "")):
        out.append(_Line(s0, e0, "site-header", t0))
        taken.add(0)
        i0 = 1
    if len(spans) > i0 + 1:
        s1, e1, t1, n1 = spans[i0]
        s2, e2, t2, _ = spans[i0 + 1]
        if (n1 <= 25 and _SPACE_RE.sub(" ", t1).casefold() == _SPACE_RE.sub(" ", t2).casefold()
                and text[e1:s2].count("\n") <= 2):
            out.append(_Line(s1, e2, "repeated-title", t1))
            taken.update((i0, i0 + 1))

    in_block = False
    after_headline = False  # the previous line of the teaser block was a headline
    for i, (s, e, t, n) in enumerate(spans):
        if i in taken:
            continue
        edge = i < first_prose or i > last_prose
        found = _classify(t, n, edge, ph, contained.get(i)) or (i > 0 and _classify_shape(
            t, n, edge, i > last_prose, ph))
        if found:
            kind, what = found
            if kind == "teaser" and i == 0:
                continue  # the first line is the title, whatever its words
            out.append(_Line(s, e, kind, what))
            if kind == "teaser":
                in_block, after_headline = True, False
            continue
        if in_block and _teaser_like(t, n) and not _CREDIT_RE.match(t):
            # A long sentence-case line is a story's snippet only under its headline; right
            # after the header, or after another snippet, it is the article going on.
            if (n > 10 and not after_headline and not _ELLIPSIS_RE.search(t)
                    and not _headline_case(t)):
                in_block = False
                continue
            out.append(_Line(s, e, "teaser-item", ""))
            after_headline = _headline_case(t)
            continue
        in_block = False
    return tuple(sorted(out, key=lambda l: l.start))


def _report(rule, ctx, kind, message):
    for ln in _layout(ctx):
        if ln.kind == kind:
            yield rule.finding(ctx, ln.start, ln.end, message(ln), suggestion="")


@rule("BP01", "feed-footer", "boilerplate", "warning",
      "A feed or syndication footer ('The post ... appeared first on ...').",
      bad="Talks resume on Monday.\n\nThe post Talks resume appeared first on Daily Wire News.",
      good="Talks resume on Monday, the ministry said in a post on its website.")
def feed_footer(rule, ctx):
    """A line or sentence that starts like a syndication footer from
    data/boilerplate_footers.txt ("The post <title> appeared first on <site>.", "This article
    was originally published on ...") is reported from its first word to the end of its line."""
    yield from _report(rule, ctx, "feed-footer", lambda l: "feed footer: delete it")


@rule("BP02", "teaser-header", "boilerplate", "warning",
      "A header that introduces links to other stories ('You may also like', 'Related posts').",
      bad="The talks ended without a deal.\n\nYou May Also Like\n\nFitness Club Shut Over Virus",
      good="Officials said they may also like to revisit the proposal next year.")
def teaser_header(rule, ctx):
    """A line that is nothing but a teaser header from data/boilerplate_lines.tsv (kind
    `teaser`: "You may also like", "Related articles", "More from <site>", "Trending"). The same
    words inside a sentence are not reported."""
    yield from _report(rule, ctx, "teaser",
                       lambda l: f"teaser header '{l.what}': delete it and the links after it")


@rule("BP03", "teaser-item", "boilerplate", "warning",
      "A headline or snippet of another story: after a teaser header or after 'Read more:'.",
      bad="The talks ended.\n\nYou may also like\n\nTaiwan to Impose Health Declaration Forms",
      good="Taiwan will impose health declaration forms on all visitors, officials said.")
def teaser_item(rule, ctx):
    """Lines after a teaser header that look like headlines or cut-off snippets (short, no
    closing full stop, or ending in an ellipsis), one finding per line, until a line of prose
    resumes the article; also one-line links such as "Read more: <headline>" or
    "RELATED: <headline>"."""
    yield from _report(rule, ctx, "teaser-item", lambda l: "teaser for another story: delete it")
    yield from _report(rule, ctx, "teaser-label",
                       lambda l: f"'{l.what}' link to another story: delete it")


@rule("BP04", "share-prompt", "boilerplate", "warning",
      "A share or follow prompt ('Share this article', 'Follow us on Twitter').",
      bad="The ministry confirmed the figures.\nShare this article\nFollow us on Twitter",
      good="Users were quick to share the article on social media, the ministry said.")
def share_prompt(rule, ctx):
    """A line that is a share or social-media prompt from data/boilerplate_lines.tsv (kind
    `share`): whole lines or short lines starting with the phrase; bare button names ("Share",
    "Facebook", "Email") only before the first or after the last paragraph of prose."""
    yield from _report(rule, ctx, "share", lambda l: f"share prompt '{l.what}': delete it")


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
    yield from _report(rule, ctx, "subscribe", lambda l: f"subscription prompt '{l.what}': "
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
    yield from _report(rule, ctx, "legal", lambda l: f"legal notice ({l.what}): delete it")


@rule("BP07", "site-header", "boilerplate", "warning",
      "A line that is only the site's name or domain ('Example.com') above the article.",
      bad="Arah.my\n\nBreakthrough hopes fade as diplomats meet\n\nDiplomats met on Thursday.",
      good="Breakthrough hopes fade as diplomats meet\n\nDiplomats met on Thursday.")
def site_header(rule, ctx):
    """The first line is a single domain name with a known top-level domain (from
    data/boilerplate_tlds.txt: 'Arah.my', 'EXAMPLE.COM') followed by a blank line; or a
    domain-only line before the first or after the last paragraph of prose. A short title
    without a domain is never taken for a site name."""
    yield from _report(rule, ctx, "site-header", lambda l: f"site name '{l.what}': delete it")


@rule("BP08", "repeated-title", "boilerplate", "warning",
      "The title line repeated on the next line.",
      bad="Peace talks stall in Istanbul\nPeace talks stall in Istanbul\n\nThe talks stalled.",
      good="Peace talks stall in Istanbul\n\nThe talks stalled on Thursday.")
def repeated_title(rule, ctx):
    """The first line (after any site-name line) is a title of at most 25 words and the next
    non-blank line repeats it exactly (ignoring case and spacing). The span covers both copies
    and the fix keeps the first."""
    for ln in _layout(ctx):
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
    Smith is a senior writer for <Site>", roles from data/boilerplate_bio_roles.txt)."""
    yield from _report(rule, ctx, "chrome", lambda l: f"page furniture ({l.what}): delete it")


@rule("BP11", "recurring-line", "boilerplate", "warning",
      "A line that recurs across documents of different stories: learned boilerplate.",
      bad="(in 40 documents about different events) Tap here to get our morning briefing",
      good="(a line that appears only in versions of one story) Talks resume in Istanbul",
      corpus=True)
def recurring_line(rule, ctx):
    """Needs the corpus pass. Each line is fingerprinted (case, digits and spacing folded); a
    line found in documents of at least three different stories is boilerplate, wherever it
    stands in the document. Lines shared only by versions of one story (a title, a quote)
    are not."""
    text = ctx.text
    for start, end in ctx.lines:
        evidence = ctx.corpus.line_evidence(text[start:end])
        if evidence:
            docs, stories = evidence
            s = start + len(text[start:end]) - len(text[start:end].lstrip())
            e = start + len(text[start:end].rstrip())
            yield rule.finding(ctx, s, e, f"line recurs in {docs} documents of {stories} "
                               "different stories: boilerplate", suggestion="",
                               confidence=0.9)


RULES = (feed_footer, teaser_header, teaser_item, share_prompt, subscribe_prompt, legal_notice,
         site_header, repeated_title, page_chrome, recurring_line)
