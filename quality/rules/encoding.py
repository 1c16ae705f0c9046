"""Rules of the encoding family: mojibake, replacement characters and invisible control
characters, the marks of text that was decoded with the wrong codec or scraped carelessly."""
from __future__ import annotations

import re

import unicodedata
from typing import Optional

import regex

from .base import rule

# Character classes of listed code points are stdlib `re` patterns: the same matches, found
# several times faster than with `regex`.
# ASCII white space bounds a mojibake token; a no-break space may be part of one ("Ã\xa0").
_TOKEN_CHAR = regex.compile(r"[^ \t\n\r]")
_REPLACEMENT_RE = re.compile("\ufffd+")
# C0 controls other than tab, line feed and carriage return; DEL; C1 controls.
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f]")
# Invisible format characters that never belong inside English words.
_ALWAYS_INVISIBLE = "\u200b\u2060\ufeff"  # zero-width space, word joiner, BOM mid-text
_JOINERS = "\u200c\u200d"  # zero-width (non-)joiner: legitimate in Indic/Persian and emoji
_INVISIBLE_RE = re.compile("[\u200b\u2060\ufeff\u200c\u200d\u00ad]")
_LATIN_LETTER = regex.compile(r"\p{Latin}")


def _token_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) to the whole white-space-delimited token around it."""
    while start > 0 and text[start - 1] not in " \t\n\r":
        start -= 1
    while end < len(text) and text[end] not in " \t\n\r":
        end += 1
    return start, end


def _mojibake_spans(text: str) -> list[tuple[int, int]]:
    """Tokens holding a sequence that ftfy's badness heuristic calls mojibake."""
    from ftfy.badness import BADNESS_RE

    spans: list[tuple[int, int]] = []
    for m in BADNESS_RE.finditer(text):
        s, e = _token_span(text, m.start(), m.end())
        if spans and s <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(e, spans[-1][1]))
        else:
            spans.append((s, e))
    return spans


_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]+")


def _non_ascii_context(text: str, margin: int = 3) -> str:
    """The non-ASCII runs of `text` with `margin` characters either side, joined by line
    breaks: all that ftfy's local badness patterns can see, at a fraction of the length."""
    parts: list[list[int]] = []
    for m in _NON_ASCII_RE.finditer(text):
        s, e = max(0, m.start() - margin), m.end() + margin
        if parts and s <= parts[-1][1]:
            parts[-1][1] = e
        else:
            parts.append([s, e])
    return "\n".join(text[s:e] for s, e in parts)


def _repair(span: str) -> Optional[str]:
    """ftfy's encoding repair of a token, when it changes the token and leaves no mojibake."""
    import ftfy
    from ftfy.badness import is_bad

    fixed = ftfy.fix_encoding(span)
    if fixed == span or is_bad(fixed) or "\ufffd" in fixed:
        return None
    return fixed


@rule(
    "EN01", "mojibake", "encoding", "warning",
    "Text decoded with the wrong codec: 'cafÃ©', 'donâ€™t', 'â€œquotedâ€\x9d'.",
    bad="The cafÃ© owner said he didnâ€™t know.",
    good="The café owner in Łódź said he didn’t know “why”.",
)
def mojibake(rule, ctx):
    """Skip pure-ASCII text. Otherwise look for the character sequences that ftfy's badness
    heuristic (ftfy.badness.BADNESS_RE) treats as mojibake, widen each to its
    white-space-delimited token and report the token once. Fix: ftfy.fix_encoding of the token,
    when it changes the token and the result holds no mojibake and no U+FFFD (a token whose
    last byte became a space, 'Ã ', is retried with that space)."""
    text = ctx.text
    if text.isascii():
        return
    from ftfy.badness import is_bad

    if not is_bad(_non_ascii_context(text)):
        return
    for s, e in _mojibake_spans(text):
        fix = _repair(text[s:e])
        if fix is None and e < len(text) and text[e] == " ":
            fix2 = _repair(text[s:e + 1])
            if fix2 is not None:
                e, fix = e + 1, fix2
        msg = f"mojibake (text decoded with the wrong codec): '{text[s:e].strip()}'"
        if fix is not None:
            msg += f"; repaired: '{fix.strip()}'"
        yield rule.finding(ctx, s, e, msg, suggestion=fix, confidence=0.95 if fix else 0.8)


@rule(
    "EN02", "replacement-character", "encoding", "warning",
    "U+FFFD replacement characters: bytes that could not be decoded were lost.",
    bad="The minister met Erdo\ufffdan in Ankara.",
    good="The minister met Erdoğan in Ankara.",
)
def replacement_character(rule, ctx):
    """Report each run of U+FFFD (the character a decoder substitutes for bytes it cannot
    read). No fix: the lost character cannot be recovered."""
    text = ctx.text
    if text.isascii():
        return
    for m in _REPLACEMENT_RE.finditer(text):
        s, e = _token_span(text, m.start(), m.end())
        word = text[s:e].strip("\"'“”‘’()[],.;:!?")
        n = m.end() - m.start()
        yield rule.finding(
            ctx, m.start(), m.end(),
            f"{n} undecodable character{'s' if n > 1 else ''} (U+FFFD) in '{word}'",
        )


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


@rule(
    "EN03", "control-character", "encoding", "warning",
    "Stray control characters and invisible characters inside words (zero-width space, soft hyphen).",
    bad="The govern\u200bment an\u00adnounced new\x07 measures.",
    good="The government announced new measures.\tTabs and\r\nline breaks are fine.",
)
def control_character(rule, ctx):
    """Report C0 controls other than tab, line feed and carriage return, DEL, and C1 controls
    (C1 characters in a token that EN01 calls mojibake are left to EN01); zero-width spaces,
    word joiners and byte-order marks anywhere; zero-width (non-)joiners and soft hyphens only
    between two Latin letters (elsewhere they shape Indic, Persian or emoji text). Fix: delete
    the invisible characters, and controls unless they sit between two letters or digits, where
    they may stand for a lost character (a PDF's '\\x19' for an apostrophe): no fix there."""
    text = ctx.text
    if text.isascii() and not _CONTROL_RE.search(text):
        return
    from ftfy.badness import BADNESS_RE

    found = []  # (offset, fix, description, confidence)
    for m in _CONTROL_RE.finditer(text):
        i, ch = m.start(), m.group()
        if "\x80" <= ch <= "\x9f":
            s, e = _token_span(text, i, i + 1)
            if BADNESS_RE.search(text[s:e]):
                continue
        between = 0 < i < len(text) - 1 and _is_word_char(text[i - 1]) and _is_word_char(text[i + 1])
        found.append((i, None if between else "", f"control character U+{ord(ch):04X}", 0.9))
    if not text.isascii():
        for m in _INVISIBLE_RE.finditer(text):
            i, ch = m.start(), m.group()
            if ch not in _ALWAYS_INVISIBLE:
                if not (0 < i < len(text) - 1 and _LATIN_LETTER.match(text[i - 1])
                        and _LATIN_LETTER.match(text[i + 1])):
                    continue
            name = unicodedata.name(ch, f"U+{ord(ch):04X}").lower()
            found.append((i, "", f"invisible character ({name}, U+{ord(ch):04X})", 0.95))
    # Neighbours with the same fix are one finding: deleting a run at once leaves no copy of
    # it under the span, so a fix applied twice is applied once.
    found.sort()
    k = 0
    while k < len(found):
        i, fix, what, conf = found[k]
        j = k + 1
        while j < len(found) and found[j][0] == i + (j - k) and found[j][1] == fix:
            j += 1
        if j - k == 1:
            message = f"{what} in the text"
        else:
            message = f"{j - k} control or invisible characters in a row in the text"
        yield rule.finding(ctx, i, i + (j - k), message, suggestion=fix,
                           confidence=min(c for _, _, _, c in found[k:j]))
        k = j


# Explicit directional formatting: embeddings and overrides (U+202A-202E), isolates
# (U+2066-2069) and the Arabic letter mark (U+061C).
_BIDI_RE = re.compile("[\u202a-\u202e\u2066-\u2069\u061c]")
_BIDI_RUN_RE = re.compile("[\u202a-\u202e\u2066-\u2069\u061c]+")
_RTL_RE = regex.compile(r"[[\p{Bidi_Class=R}\p{Bidi_Class=AL}]--[\u061c]]", regex.V1)
_BIDI_NAMES = {"\u202a": "left-to-right embedding", "\u202b": "right-to-left embedding",
               "\u202c": "pop directional formatting", "\u202d": "left-to-right override",
               "\u202e": "right-to-left override", "\u2066": "left-to-right isolate",
               "\u2067": "right-to-left isolate", "\u2068": "first strong isolate",
               "\u2069": "pop directional isolate", "\u061c": "Arabic letter mark"}


@rule(
    "EN04", "bidi-control", "encoding", "warning",
    "Bidirectional control characters that make text display in another order than it is "
    "stored (Trojan Source).",
    bad="Access is granted\u202e to every user\u202c by default.",
    good="Access is granted to every user by default. \u05e9\u05dc\u05d5\u05dd \u2067\u05e9\u05dd\u2069.",
)
def bidi_control(rule, ctx):
    """Report the explicit bidirectional formatting characters: embeddings and overrides
    (U+202A-U+202E), isolates (U+2066-U+2069) and the Arabic letter mark (U+061C). They change
    the order in which text is shown, so a reviewer can read something other than what is
    stored: the Trojan Source attack (CVE-2021-42574). On a line with no right-to-left letters
    (Hebrew, Arabic, ...) they have no honest use: fix, delete them. Where right-to-left text
    is mixed in, isolates, embeddings and the letter mark are the proper way to write it and
    stay quiet; overrides (U+202D, U+202E) are still reported, without a fix."""
    text = ctx.text
    if text.isascii() or not _BIDI_RE.search(text):
        return
    le, rtl = -1, False  # the current line's end and whether it holds right-to-left letters
    for m in _BIDI_RUN_RE.finditer(text):
        i = m.start()
        if i > le:  # a new line: found once, so a long line costs linear time
            ls = text.rfind("\n", 0, i) + 1 if le < 0 else text.rfind("\n", le, i) + 1
            le = text.find("\n", i)
            le = len(text) if le < 0 else le
            rtl = bool(_RTL_RE.search(text, ls, le))
        if rtl:  # only overrides, one by one, without a fix
            for k, ch in enumerate(m.group()):
                if ch in "\u202d\u202e":
                    yield rule.finding(ctx, i + k, i + k + 1, _bidi_message(ch), confidence=0.95)
            continue
        # a run is one finding: deleted at once, no copy of it is left under the span
        yield rule.finding(ctx, i, m.end(), _bidi_message(m.group()), suggestion="",
                           confidence=0.95)


def _bidi_message(chars: str) -> str:
    what = ", ".join(f"U+{ord(c):04X} ({_BIDI_NAMES[c]})" for c in chars[:3])
    more = f" and {len(chars) - 3} more" if len(chars) > 3 else ""
    noun = "bidirectional control" if len(chars) == 1 else "bidirectional controls"
    return (f"{noun} {what}{more}: the text displays in another order than it is stored "
            "(Trojan Source)")


RULES = (mojibake, replacement_character, control_character, bidi_control)
