"""The kinds of page furniture and the rule that reports each; what kind a line the page
classifier found is, from its shape."""
from __future__ import annotations

import re

from ...data_files import toml
from .features import DATE_RE, METADATA_RE, alternation

# kind -> rule code. A run of consecutive lines of one code is one finding.
CODES = {
    "feed-footer": "BP01",
    "teaser": "BP02",
    "teaser-item": "BP03", "teaser-label": "BP03", "link-list": "BP03",
    "share": "BP04",
    "subscribe": "BP05",
    "legal": "BP06",
    "site-header": "BP07",
    "repeated-title": "BP08",
    "chrome": "BP09", "date": "BP09", "tags": "BP09",
    "navigation": "BP12",
    "comments": "BP13",
    "pagination": "BP14",
    "credit": "BP15",
    "html": "BP17",
}

# Kinds reported one finding per run of consecutive lines (a menu is one finding): those the
# page classifier finds. Phrase-table lines are reported one by one, each its own fix.
RUN_KINDS = frozenset({"navigation", "comments", "pagination", "credit", "link-list", "date",
                       "tags"})

# "1 2 3 4 Next", "Page 2 of 5", "« Previous", "Older posts", "Next article".
_PAGINATION_RE = re.compile(
    r"^(?:[«‹<]+\s*)?(?:\d+(?:\s*[|,]?\s*\d+)*(?:\s*(?:next|last)\b.*)?|"
    r"(?:next|previous|prev|older|newer|first|last)(?:\s+(?:page|post|posts|entries|entry|"
    r"article|story|stories|items?|comments?))?|page\s+\d+(?:\s+of\s+\d+)?|"
    r"(?:previous|prev|next)\s*[|/]\s*(?:next|index|previous|prev))(?:\s*[»›>]+)?\W*$",
    re.IGNORECASE)
# A photo or picture credit: "Photo: Jane Smith/Getty Images", "(AP Photo/Jane Smith)",
# "Image courtesy of NASA", "Jane Smith/Reuters".
CREDIT_RE = re.compile(
    r"^\(?(?:(?:photo(?:graph)?s?|images?|pictures?|illustrations?)\s*(?::|/|©|\bby\b)|"
    r"(?:(?:photo(?:graph)?s?|images?|pictures?|illustrations?)\s+)?(?:credits?\s*(?::|\bby\b|$)|courtesy\b))|"
    r"^\(?(?:ap|afp|reuters|epa)\s+photo\b|"
    rf"/\s*(?:{alternation(toml('boilerplate_words.toml')['photo_agencies'])})\b[^.!?]*$",
    re.IGNORECASE)


# Forum and comment furniture: "Posts: 2783", "Registered: July 03, 2001", "Reply", "Quote".
_COMMENTS_RE = re.compile(
    r"^(?:(?:posts|joined|registered|member since|location|karma|reputation)\s*:\s*\S.*|"
    r"(?:reply|quote|report(?: abuse| comment| post)?|permalink|flag|like|show post)\W*|"
    r"\d[\d,]*\s*(?:comments?|replies|responses?))$", re.IGNORECASE)


def kind_of(line: str, n_words: int) -> str:
    """The kind of a line the page classifier reports: pagination, credit, comment controls,
    a date or byline, a link to another story (five words or more), else navigation."""
    if _PAGINATION_RE.match(line):
        return "pagination"
    if n_words <= 12 and CREDIT_RE.search(line):
        return "credit"
    if _COMMENTS_RE.match(line):
        return "comments"
    if n_words <= 10 and (METADATA_RE.match(line) or DATE_RE.search(line)):
        return "date"
    if n_words >= 5:
        return "link-list"
    return "navigation"
