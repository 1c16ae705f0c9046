"""Markdown audited as prose: what is not prose is blanked out before the rules run.

`prose(text)` returns a string of the same length in which every character of these spans
is replaced by a space (line breaks are kept, so lines, paragraphs and offsets stay where
they were in the original file):

- front matter: a `---` ... `---` (or `...`) YAML block, or a `+++` ... `+++` TOML block,
  at the very start of the file;
- fenced code blocks (``` or ~~~, closed by a fence of the same character at least as long,
  or running to the end of the file) and inline code spans (`like this`);
- HTML comments, HTML tags (the tag, not the text between tags), and the contents of
  <script>, <style> and <pre> elements;
- link and image destinations (`](https://...)`), autolinks (`<https://...>`), link
  reference definitions (`[1]: https://...`), bare URLs and e-mail addresses.

Headings, emphasis markers, list bullets and block quotes stay: they are punctuation the
rules already read past. Indented code blocks are not recognised (four leading spaces are
common in pasted news text and rare as code in prose collections).

The auditor runs the rules on `prose(text)` and reports against the original text: a finding
whose span touches blanked characters keeps the original text of its span, and keeps its
suggestion only when it deletes the span (a boilerplate line with a link in it is still
deleted whole); any other suggestion is dropped, since it was computed without the code.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .model import Document, Finding

_FRONT_MATTER = re.compile(
    r"\A(?:---[ \t]*\r?\n(?:.*?\r?\n)?(?:---|\.\.\.)|\+\+\+[ \t]*\r?\n(?:.*?\r?\n)?\+\+\+)"
    r"[ \t]*(?:\r?\n|\Z)", re.S)
_FENCE_OPEN = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")
_SPANS = re.compile(
    r"(?=[<`(])(?:"                                                # a cheap first test
    r"<!--.*?(?:-->|\Z)"                                          # HTML comment
    r"|<(script|style|pre)\b[^>]*>.*?(?:</\1\s*>|\Z)"             # raw HTML elements
    r"|(`+)(?!`)(?:(?!\n[ \t]*\r?\n).)+?(?<!`)\2(?!`)"             # inline code
    r"|<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>"                   # autolink
    r"|<[\w.+-]+@[\w-]+(?:\.[\w-]+)+>"                            # e-mail autolink
    r"|</?[A-Za-z][A-Za-z0-9-]*(?:\s+[^<>]*?)?/?>"                # HTML tag
    r"|(?<=\])\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\))",  # link target
    re.S | re.I)
# Then, each in a pass of its own over what is left (a text without the telltale characters
# skips the pass): reference definitions, bare URLs, e-mail addresses.
_LATER = (
    ("]:", re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*\S.*$", re.M)),
    ("://", re.compile(r"(?:https?|ftp)://(?:[^\s<>\"'`()]|\([^\s<>\"'`()]*\))*"
                       r"(?:[^\s<>\"'`.,;:!?()\]}]|\([^\s<>\"'`()]*\))", re.I)),
    ("www.", re.compile(r"\bwww\.[^\s<>\"'`]*[^\s<>\"'`.,;:!?)\]}]", re.I)),
    ("@", re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b")),
)
_NOT_BLANKED = re.compile(r"[^\r\n]")


def _blank(s: str) -> str:
    return _NOT_BLANKED.sub(" ", s)


def prose(text: str) -> str:
    """`text` with everything that is not prose replaced by spaces, line breaks kept."""
    out = []
    pos = 0
    m = _FRONT_MATTER.match(text)
    if m:
        out.append(_blank(m.group()))
        pos = m.end()
    # Fenced code, line by line: a fence opens a block that only a matching fence closes.
    lines = text[pos:].splitlines(keepends=True)
    fence = None
    chunk: list[str] = []  # prose lines not yet scanned for inline spans
    for line in lines:
        body = line.rstrip("\r\n")
        if fence is None:
            m = _FENCE_OPEN.match(body)
            if m and not (m.group(1)[0] == "`" and "`" in m.group(2)):
                out.append(_inline("".join(chunk)))
                chunk = []
                fence = m.group(1)
                out.append(_blank(line))
            else:
                chunk.append(line)
        else:
            stripped = body.strip()
            if (len(body) - len(body.lstrip(" ")) <= 3 and stripped
                    and set(stripped) == {fence[0]} and len(stripped) >= len(fence)):
                fence = None
            out.append(_blank(line))
    out.append(_inline("".join(chunk)))
    result = "".join(out)
    assert len(result) == len(text)
    return result


def _inline(text: str) -> str:
    if not text:
        return text
    text = _SPANS.sub(lambda m: _blank(m.group()), text)
    lowered = text.lower()
    for telltale, pattern in _LATER:
        if telltale in lowered:
            text = pattern.sub(lambda m: _blank(m.group()), text)
    return text


def prose_text(document: Document) -> str:
    """The text the rules read: the prose of a Markdown document, any other text as it is."""
    return prose(document.text) if document.markup == "markdown" else document.text


def reanchor(finding: Finding, original: str) -> Finding:
    """A finding computed on the prose, reported against the original text (see above)."""
    text = original[finding.start:finding.end]
    if text == finding.text:
        return finding
    return replace(finding, text=text, suggestion="" if finding.suggestion == "" else None)
