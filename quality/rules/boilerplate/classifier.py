"""The line classifier of the boilerplate family: every line of a document gets a kind once
(`layout`), and each rule reports the lines of its own kind."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Optional

from .features import (
    APP_RE, ATTRIBUTED_RE, AUTHOR_CONTROLS, OUTER, AUTHOR_HELLO_RE, BLURB_RE, BYLINE_RE, CALL_WORDS, COMMENT_POLICY_RE, COPYRIGHT_RE,
    COUNTER_RE, CREDIT_RE, DELIVERY_RE, ELLIPSIS_RE, EMAIL_ONLY_RE, FOLLOW_RE, FORUM_RE, LABEL_SEP_RE, POST_CONTROL_RE,
    METADATA_RE, NAV_ITEM_RE, NAV_SEP_RE, NEWSLETTER_RE, NOT_NAMES, PRICE_CONTEXT_RE, PRICE_RE,
    PROMPT_CUE_RE, PUBLISHER_RE, SECTION_RE, SEARCH_RE, SENTENCE_END_RE, SENTENCE_START_RE, SPACE_RE, TAG_LABEL_RE, TAG_ONLY_LABELS,
    THREAD_RE, DATE_RE, NAME_LINE_RE, html_markup, SIGNATURE_RE, domain_like, quoted_speech, headline_case, is_prose, teaser_like, words_key)
from ..base import per_document
from ...text import lower_same_length
from . import page
from .kinds import CREDIT_RE as PHOTO_CREDIT_RE, kind_of
from .phrases import Phrases, phrases


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    kind: str       # a key of kinds.CODES
    what: str       # the phrase, pattern or signals that decided it, for the message


def classify(line: str, n_words: int, edge: bool, ph: Phrases,
              contained: Optional[str]) -> Optional[tuple[str, str]]:
    """(kind, phrase) when the stripped line is boilerplate, else None. `contained` is a
    `contains` phrase found in the line by the document-wide pass."""
    if n_words > 40:
        return None
    if n_words <= ph.max_line_words:
        key = words_key(line)
        kind = ph.line.get(key)
        if kind:
            return kind, key
        if edge and key in ph.edge:
            return ph.edge[key], key
    # A label: "Read more: <headline>", "Tags: ...", 'Continue reading "<title>"' (a quoted
    # title after a label needs no separator).
    m = LABEL_SEP_RE.search(line, 0, 40)
    q = _QUOTED_TITLE_RE.search(line, 0, m.start() if m else 40)
    if q and _QUOTED_ONLY_RE.match(line, q.end()):
        m = q
    if m and m.start() > 0 and n_words <= 30:
        head = words_key(line[:m.start()])
        kind = ph.label.get(head)
        if kind and line[m.end():].strip():
            return ("teaser-label" if kind == "teaser" else kind), head
    words = words_key(" ".join(line.split(None, ph.max_prefix_words)[:ph.max_prefix_words]))
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
            ok = (n_words <= 6 and ":" not in line and not SENTENCE_END_RE.search(line)
                  and (not rest or k >= 3 or rest[0][:1].isupper() or rest[0][:1].isdigit()))
        else:
            # Furniture lines are short; calls to subscribe or share may run on.
            ok = n_words <= (6 if k <= 2 else 10 if kind == "chrome" else 40)
            # A longer line must also name what is offered ("Get the latest
            # figures from the statistics office" is prose; "... news in your inbox" is not).
            if (ok and kind in ("subscribe", "share") and n_words > 8
                    and not PROMPT_CUE_RE.search(line)):
                ok = False
        if ok:
            return kind, head
        break
    if COPYRIGHT_RE.match(line) or ("©" in line and n_words <= 20):
        return "legal", "copyright notice"
    if contained:
        return ph.contains_kind[contained[0]], contained[0]
    if n_words <= 20 and words and words[0] in CALL_WORDS:
        key = words_key(line)
        if NEWSLETTER_RE.match(key):
            return "subscribe", "newsletter"
        if FOLLOW_RE.match(key):
            return "share", "follow us"
    if n_words <= 6 and words and words[-1].startswith("newsletter"):
        if NEWSLETTER_RE.match(words_key(line)):
            return "subscribe", "newsletter"
    bar = _bar(line, n_words, ph)
    if bar:
        return bar
    if edge and n_words <= 8:
        if METADATA_RE.match(line):
            return "chrome", "date or reading time"
        if BYLINE_RE.match(line):
            return "chrome", "byline"
        if EMAIL_ONLY_RE.match(line):
            return "chrome", "contact address"
        if domain_like(line, ph.tlds):
            return "site-header", line
    return None


_BUTTONS: dict = {}


def _buttons(ph: Phrases) -> frozenset:
    """The one-word phrases of the tables ("print", "email", "tweet"): buttons."""
    if id(ph) not in _BUTTONS:
        _BUTTONS[id(ph)] = frozenset(k for k in (*ph.line, *ph.edge) if " " not in k)
    return _BUTTONS[id(ph)]


def _button(line: str, n_words: int, ph: Phrases) -> Optional[tuple[str, str]]:
    """A share button on a line of its own ("Facebook", "Email", "Print") under a share
    prompt ("Share this:") or another button: part of that share bar anywhere in the text.
    Alone, such a word is only reported in the edge zones (it may head a section)."""
    if n_words > 2:
        return None
    key = words_key(line)
    return ("share", key) if ph.edge.get(key) == "share" or ph.line.get(key) == "share" else None


_BAR_SEP_RE = re.compile(r"\s*\|\s*|\s+[·•]\s+")
# The opening quotation mark of a title after a label, with the space before it; the rest of
# the line only that title in quotation marks (an arrow or a stop may follow).
_QUOTED_TITLE_RE = re.compile(r"\s+(?=[\"“‘'][^\W\d_])")
_QUOTED_ONLY_RE = re.compile(r"[\"“‘'][^\"“”]+[\"”’']\W*$")


def _bar(line: str, n_words: int, ph: Phrases) -> Optional[tuple[str, str]]:
    """A bar of furniture: a short line of items between separators ("Advertise | AdChoices",
    "May 3, 2012 | Permalink | Comments (1)"), or of one-word buttons ("Print Email"), every
    item furniture the phrase tables know, a date or a counter."""
    if n_words > 15:
        return None
    if "|" in line or "·" in line or "•" in line:
        parts = [p for p in _BAR_SEP_RE.split(line) if p.strip(OUTER)]
    else:
        parts = []
    if len(parts) < 2:
        if not 2 <= n_words <= 4:
            return None
        parts = line.split()
        buttons = _buttons(ph)
        if parts[0].strip(OUTER).lower() not in buttons:
            return None
        keys = [words_key(w) for w in parts]
        if not all(k in buttons for k in keys):
            return None
        return ph.line.get(keys[0]) or ph.edge[keys[0]], "; ".join(dict.fromkeys(keys))
    found = []
    for part in parts:
        part = part.strip()
        n = len(part.split())
        got = (None if _BAR_SEP_RE.search(part) else classify(part, n, True, ph, None)) or (
            ("chrome", "date") if n <= 8 and METADATA_RE.match(part) else
            ("chrome", "counter") if n <= 3 and COUNTER_RE.match(part) else None)
        if not got or got[1] == "byline":
            return None  # a byline's bar ("By Jane Smith | Tags: Trade") is the article's
        found.append(got)
    return found[0][0], "; ".join(dict.fromkeys(w for _, w in found))


def classify_shape(line: str, n_words: int, edge: bool, trailing: bool,
                    ph: Phrases) -> Optional[tuple[str, str]]:
    """(kind, what) when the stripped line (never the first one) has the shape of page
    furniture: a comment-thread heading with a count or a counter anywhere; navigation, search
    boxes, comment policies and company lines in the edge zones; newsletter blurbs, promos,
    prices and author bios only after the last paragraph of prose."""
    if n_words > 40:
        return None
    unfinished = not SENTENCE_END_RE.search(line)
    if n_words <= 20:
        m = THREAD_RE.match(line)
        if m and (m.group("n") or edge and unfinished
                  and not m.group("what").lower().startswith("comment")):
            return "chrome", "comment thread heading"
    if n_words <= 3 and COUNTER_RE.match(line):
        return "chrome", "counter"
    if n_words <= 12 and not quoted_speech(line) and PHOTO_CREDIT_RE.search(line):
        return "credit", "photo credit"
    if n_words <= 6:
        m = FORUM_RE.match(line)
        if m and (m.group("value").replace(",", "").isdigit() or METADATA_RE.match(m.group("value"))
                  or DATE_RE.search(m.group("value"))):
            return "comments", FORUM
        if POST_CONTROL_RE.match(line):
            return "comments", FORUM
    if not edge:
        return None
    quoted = any(q in line for q in "\"“”")
    if n_words <= 6 and unfinished and SEARCH_RE.match(line):
        return "chrome", "search box"
    if n_words <= 30 and not quoted and COMMENT_POLICY_RE.search(line):
        return "chrome", "comment policy"
    if n_words <= 25:
        parts = NAV_SEP_RE.split(line)
        if len(parts) >= 3 and all(0 < len(p.split()) <= 3 and NAV_ITEM_RE.match(p)
                                   for p in parts):
            return "chrome", "navigation"
    if n_words <= 3 and unfinished and SECTION_RE.match(line):
        return "navigation", "section"
    if n_words <= 10 and PUBLISHER_RE.match(line):
        return "legal", "publisher line"
    if not trailing:
        return None
    if n_words <= 15:
        if APP_RE.search(line):
            return "subscribe", "app promo"
        m = PRICE_RE.search(line)
        if m and (m.start() == 0 or PRICE_CONTEXT_RE.search(line)):
            return "subscribe", "subscription price"
    if n_words <= 12 and unfinished:
        if DELIVERY_RE.search(line) or BLURB_RE.match(line):
            return "subscribe", "newsletter blurb"
        if n_words <= 8 and re.search(r"\b[A-Z][\w'’-]*\s+Newsletters?\b", line):
            return "subscribe", "newsletter"
    if not quoted and not ATTRIBUTED_RE.search(line):
        m = ph.bio.match(line)
        if m and (not m.group("name") or m.group("name").split()[0].lower() not in NOT_NAMES):
            return "chrome", "author bio"
        if n_words <= 20 and AUTHOR_HELLO_RE.match(line):
            return "chrome", "author bio"
    return None


@per_document
def layout(ctx) -> tuple[Line, ...]:
    """Classify every line of the document once; shared by all the rules of this module.
    HTML source gets one line of kind `html` and nothing else: its lines are not a page's
    text, and guessing at them would only mislead."""
    if html_markup(ctx.text):
        end = ctx.text.find("\n")
        end = len(ctx.text) if end < 0 else end
        start = len(ctx.text[:end]) - len(ctx.text[:end].lstrip())
        return (Line(start, max(end, start), "html", "HTML markup"),)
    return classify_lines(ctx.text, page.stop_words(ctx.language or "en"))


def classify_lines(text: str, stop: Optional[frozenset] = None) -> tuple[Line, ...]:
    """The boilerplate lines of `text`, by the phrase tables and shapes and, when the stop
    words of the document's language are given, by the page classifier."""
    ph = phrases()
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
    prose = [i for i, (_, _, t, n) in enumerate(spans) if is_prose(t, n)]
    first_prose = prose[0] if prose else len(spans)
    last_prose = prose[-1] if prose else -1

    # One pass of the automaton finds `contains` phrases and the lines that may hold a footer.
    low = lower_same_length(text).replace("’", "'")
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
            if (len(key.split()) >= 4 or SENTENCE_START_RE.search(text[line_start:first])
                    or n <= 8 or not SENTENCE_END_RE.search(line)):
                contained[i] = (key,)

    out: list[Line] = []
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
        out.append(Line(s, e, "feed-footer", "feed footer"))
        taken.update(i for i, sp in enumerate(spans) if s <= sp[0] < e)

    # Header: a site-name line, and the title repeated on the next line.
    i0 = 0
    s0, e0, t0, n0 = spans[0]
    if domain_like(t0, ph.tlds) and text[:s0].strip() == "" and (
            len(spans) == 1 or "\n\n" in text[e0:spans[1][0]].replace(" ", "")):
        out.append(Line(s0, e0, "site-header", t0))
        taken.add(0)
        i0 = 1
    if len(spans) > i0 + 1:
        s1, e1, t1, n1 = spans[i0]
        s2, e2, t2, _ = spans[i0 + 1]
        if (n1 <= 25 and SPACE_RE.sub(" ", t1).casefold() == SPACE_RE.sub(" ", t2).casefold()
                and text[e1:s2].count("\n") <= 2):
            out.append(Line(s1, e2, "repeated-title", t1))
            taken.update((i0, i0 + 1))

    in_block = False
    after_headline = False  # the previous line of the teaser block was a headline
    in_bar = False  # the previous line was a share prompt or one of its buttons
    for i, (s, e, t, n) in enumerate(spans):
        if i in taken:
            continue
        edge = i < first_prose or i > last_prose
        found = classify(t, n, edge, ph, contained.get(i)) or (i > 0 and classify_shape(
            t, n, edge, i > last_prose, ph)) or (in_bar and _button(t, n, ph))
        in_bar = bool(found) and found[0] == "share"
        if found:
            kind, what = found
            if kind == "teaser" and i == 0:
                continue  # the first line is the title, whatever its words
            out.append(Line(s, e, kind, what))
            if kind == "teaser":
                in_block, after_headline = True, False
            elif kind not in ("teaser-label", "share"):
                # Other furniture (a "Home" link, a date, a menu) ends the list of links.
                in_block = False
            continue
        if in_block and teaser_like(t, n) and not CREDIT_RE.match(t):
            # A long sentence-case line is a story's snippet only under its headline; right
            # after the header, or after another snippet, it is the article going on.
            if (n > 10 and not after_headline and not ELLIPSIS_RE.search(t)
                    and not headline_case(t)):
                in_block = False
                continue
            out.append(Line(s, e, "teaser-item", ""))
            after_headline = headline_case(t)
            continue
        in_block = False
    tags = _tag_lists(spans, first_prose, last_prose)
    if tags:  # a list of tags is one run, its label included
        listed = {ln.start for ln in tags}
        out = [ln for ln in out if ln.start not in listed] + tags
    # The page classifier judges the lines the phrase tables left; a teaser block's items are
    # only guesses from their shape, so the article's own lines (its title, a heading under
    # "Related" words) are taken back from it.
    cache: dict = {"paragraphed": paragraphed(text, spans)}
    found, article = _page_lines(spans, [ln for ln in out if not unseen(ln)], stop,
                                 cache)
    if any(article):
        # Outside the article (before its title, after its last line) is an edge zone too,
        # even where other prose (comments, other stories) stands: the edge-only phrases
        # ("Share", "Comments", "Print") are looked for there again.
        first = article.index(True)
        last = len(article) - 1 - article[::-1].index(True)
        done = {ln.start for ln in out}
        extra = []
        for i, (s, e, t, n) in enumerate(spans):
            if first <= i <= last or s in done:
                continue
            got = classify(t, n, True, ph, contained.get(i)) or (
                i > 0 and classify_shape(t, n, True, i > last, ph))
            if got and got[0] not in ("teaser", "teaser-label", "site-header"):
                extra.append(Line(s, e, *got))
        if extra:
            out.extend(extra)
            found, article = _page_lines(
                spans, [ln for ln in out if not unseen(ln)], stop, cache)
    if found or any(article):
        kept = {sp[0] for sp, a in zip(spans, article) if a}
        out = [ln for ln in out if not (ln.kind == "teaser-item" and ln.start in kept)]
    out.extend(found)
    bylines = _bylines(spans)
    if bylines:
        # Shape guesses (a teaser block's items, the page classifier's lines) give way.
        out = [ln for ln in out if not (ln.start in bylines and ln.kind in GUESSED)]
    return tuple(sorted(out, key=lambda l: l.start))


def _tag_lists(spans, first_prose: int, last_prose: int) -> list[Line]:
    """A list of tags, its items on the lines after their label ("Tags:" / "iPad," / "Apple,"
    / "tablets"): items (`_tag_item`), each right after the label or after an item that ends
    with a comma; another label carries the list on ("Topics:" / "Rumors" / "Tags:" / ...).
    Reported, label and items, anywhere when the label heads nothing but tags ("Tags:",
    "Filed under:"); under the other labels ("Topics:", "Keywords:", "Categories:", which
    may head a list of the text's own: a paper's keywords, an article's award categories)
    only when the tags are separated by commas and stand before the first or after the last
    paragraph of prose."""
    out: list[Line] = []
    i = 0
    while i < len(spans):
        if not (spans[i][2].endswith(":") and TAG_LABEL_RE.match(spans[i][2])):
            i += 1
            continue
        tags = commas = sure = False
        j, first = i, True
        while j < len(spans):
            t, n = spans[j][2], spans[j][3]
            if TAG_LABEL_RE.match(t):
                sure = sure or words_key(t) in TAG_ONLY_LABELS
                first = True
            elif (first or spans[j - 1][2].endswith(",")) and _tag_item(t, n):
                tags = True
                commas = commas or "," in t
                first = False
            else:
                break
            j += 1
        edge = i < first_prose or j - 1 > last_prose
        if tags and (sure or commas and edge):
            out.extend(Line(s, e, "tags", "list of tags") for s, e, _, _ in spans[i:j])
        i = j  # past the label at least
    return out


def _tag_item(line: str, n_words: int) -> bool:
    """One or more tags: four words at most, or several of them between commas ("android,
    motorola, Photon Q"), and no sentence end."""
    if SENTENCE_END_RE.search(line) or not any(ch.isalnum() for ch in line):
        return False
    if n_words <= 4:
        return True
    parts = line.split(",")
    return len(parts) >= 3 and all(0 < len(p.split()) <= 4 for p in parts)


# The lines the page classifier does not see as known furniture: a teaser block's items (guesses
# from their shape) and a forum member's details (a thread's posts are the page's content, and
# the details between them no sign that the lines around them are furniture).
FORUM = "forum member details and post controls"


def unseen(ln: Line) -> bool:
    return ln.kind == "teaser-item" or ln.what == FORUM


# The kinds found by shape alone, not by a phrase: what the page classifier reports and the
# items of a teaser block.
GUESSED = frozenset({"teaser-item", "navigation", "link-list", "comments", "pagination", "date"})


def _bylines(spans) -> set[int]:
    """Starts of the lines that are a person's name beside an author control ("Jane Smith"
    above "View Profile" or under "About the author"): the article's byline."""
    out = set()
    for j, (_, _, t, n) in enumerate(spans):
        if n <= 4 and t.lower().strip(OUTER) in AUTHOR_CONTROLS:
            for i in (j - 1, j + 1):
                if 0 <= i < len(spans) and NAME_LINE_RE.match(spans[i][2]):
                    out.add(spans[i][0])
    return out


def paragraphed(text: str, spans) -> bool:
    """True when the text is laid out in paragraphs: most line breaks between its non-blank
    lines are blank lines. The page classifier reads a page dump, one block of the page a
    line; in text written as paragraphs a short line between blank lines is the writer's
    section heading or short paragraph, not a menu item, so the classifier leaves it to the
    phrase tables."""
    breaks = len(spans) - 1
    blank = sum(text.count("\n", spans[i - 1][1], spans[i][0]) >= 2 for i in range(1, len(spans)))
    return breaks >= 1 and 2 * blank > breaks


def _page_lines(spans, known: list[Line], stop: Optional[frozenset], cache: dict):
    """(lines the page classifier reports, with their kind and signals; which lines are the
    article's). `cache` keeps what does not depend on `known` between calls."""
    if stop is None or cache.get("paragraphed"):
        return [], [False] * len(spans)
    taken = sorted((ln.start, ln.end) for ln in known)
    starts = [a for a, _ in taken]
    is_known = []
    for s, _, _, _ in spans:
        j = bisect_right(starts, s) - 1
        is_known.append(j >= 0 and taken[j][0] <= s < max(taken[j][1], taken[j][0] + 1))
    if "texts" not in cache:
        texts = cache["texts"] = [t for _, _, t, _ in spans]
        cache["meta"] = [bool(METADATA_RE.match(t) or BYLINE_RE.match(t) or DATE_RE.search(t)
                              or NAME_LINE_RE.match(t)) for t in texts]
        cache["credits"] = [bool(CREDIT_RE.match(t) or SIGNATURE_RE.match(t)) for t in texts]
        cache["feats"] = [page.features(t, stop) for t in texts]
        cache["dates"] = [bool(METADATA_RE.match(t)) for t in texts]
    verdicts, article = page.classify(cache["texts"], is_known, cache["meta"], cache["credits"],
                                      stop, cache["feats"], cache["dates"])
    return ([Line(s, e, kind_of(t, n), why) for (s, e, t, n), why in zip(spans, verdicts) if why],
            article)
