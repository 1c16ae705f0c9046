"""Machine-translation and scraping artifacts in running text.

MT01 calqued articles ("THE Zelenski He is"), MT02 a space before the hyphen of a compound
("two -day"), MT03 words glued where a link was removed ("OneTrump"), MT04 a capitalised
function word stranded mid-sentence ("in Istanbul It has"), MT05 quotation marks pointing the
wrong way, MT06 punctuation from another script or from scraping (Greek question mark,
full-width commas, runs of non-breaking spaces).

Every rule looks at one document; none scans a word list per token (frozenset probes only).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator, Optional

import regex

from .. import data_files
from .. import text as textmod
from ..gazetteer import PLACE_KINDS
from ..model import Severity
from ..text import FUNCTION_WORDS, Token, is_all_caps
from .base import Context, per_document, rule

_SPACE = (" ", "\u00a0")
_OPEN_QUOTES = "\"“‘'«"


@lru_cache(maxsize=None)
def _words(name: str) -> frozenset[str]:
    return frozenset(data_files.lines(name))


@lru_cache(maxsize=None)
def _alternation(name: str) -> str:
    return "|".join(regex.escape(w) for w in sorted(_words(name), key=len, reverse=True))


_WORD_BEFORE_RE = regex.compile(r"[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*$")
_CAP_RUN_WORD_RE = regex.compile(r"\p{Lu}[\p{L}\p{M}]*(?:['’][\p{L}\p{M}]+)*")


@lru_cache(maxsize=None)
def _article_re():
    return regex.compile(r"(?<![\p{L}\p{M}\p{N}])(?:%s)(?=[ \u00a0]\p{Lu})" % _alternation("mt_calqued_articles.txt"))


@lru_cache(maxsize=None)
def _stray_re():
    # stdlib re: about three times faster than `regex` for this literal alternation
    return re.compile(r"[ \u00a0](%s)[ \u00a0](?=[^\W\d_])" % _alternation("mt_stray_words.txt"))


def _line_of(ctx: Context, offset: int) -> tuple[int, int]:
    return ctx.line_at(offset)


@per_document
def _headings(ctx: Context) -> dict[int, bool]:
    """Line start -> whether the line is a heading, filled as lines are asked about."""
    return {}


@per_document
def _code_lines(ctx: Context) -> dict[int, bool]:
    """Line start -> whether the line looks like code, filled as lines are asked about."""
    return {}


def _is_heading(ctx: Context, offset: int) -> bool:
    """True for a title-case or all-caps line (headline, heading, byline): capitals there are
    expected everywhere, so mid-line capitals prove nothing."""
    cache = _headings(ctx)
    s, e = _line_of(ctx, offset)
    if s in cache:
        return cache[s]
    line = ctx.text[s:e]
    words = [w for w in line.split() if w[:1].isalpha()]
    long_words = [w for w in words if len(w) > 3]
    caps = sum(1 for w in long_words if w[:1].isupper())
    upper = sum(1 for w in words if is_all_caps(w))
    result = bool(words) and (
        (long_words and caps >= 0.7 * len(long_words) and len(words) >= 2)
        or upper >= 0.5 * len(words))
    cache[s] = result
    return result


_CODE_MARKS = (">>>", "`", "==", "()", "::", "{", "}", "=>", "->", "</", "/>", "\\x")


def _is_code(ctx: Context, offset: int) -> bool:
    """True for a line that looks like code or a shell session: capitals and hyphens there
    follow other rules than prose."""
    cache = _code_lines(ctx)
    s, e = _line_of(ctx, offset)
    if s not in cache:
        line = ctx.text[s:e]
        stripped = line.lstrip()
        cache[s] = any(mark in line for mark in _CODE_MARKS) or stripped.startswith(
            ("$ ", "# ", "% ", ">>> ", "import ", "from ", "def ", "class ")) or (
            line.startswith(("    ", "\t")) and not stripped[:1].isupper())
    return cache[s]


def _sentence_initial(ctx: Context, offset: int) -> bool:
    """Offset starts a sentence or a line (allowing an opening quote or bracket before it)."""
    if offset in ctx.sentence_starts:
        return True
    i = offset
    text = ctx.text
    while i > 0 and text[i - 1] in _OPEN_QUOTES + "([":
        i -= 1
    j = i
    while j > 0 and text[j - 1] in " \t\u00a0":
        j -= 1
    return j == 0 or text[j - 1] in "\n.!?:;…—–" or (i < offset and text[j - 1] in ",")


# ---------------------------------------------------------------------------------------------
# MT01

def _proper_noun(ctx: Context, run: list[Token]) -> Optional[bool]:
    """Does the capitalised phrase after a calqued article name a person or place (English
    takes no article: True), an institution, group or title (English keeps 'The': False), or
    is it unclear (None)?"""
    phrase = " ".join(t.text for t in run)
    head = run[-1].text
    gaz = ctx.gazetteer
    nouns = _words("mt_article_nouns.txt")
    if any(t.text.lower() in nouns for t in run):
        return False
    kinds = {e.kind for e in gaz.lookup(phrase)} | {e.kind for e in gaz.lookup(head)}
    if "person" in kinds or kinds & PLACE_KINDS:
        return True
    # the document's own usage: "the Kremlin" elsewhere means it takes an article
    if head in _after_the(ctx):
        return False
    if head.endswith("s") and ctx.lexicon.zipf(head) >= 3.5:  # Americans, Socialists
        return False
    if ctx.lexicon.zipf(head) < 4.0 or (len(run) >= 2 and gaz.persons_with_given(run[0].text)):
        return True
    return None


_AFTER_THE_RE = regex.compile(r"(?<![\p{L}\p{M}])[Tt]he[ \u00a0](%s)" % _CAP_RUN_WORD_RE.pattern)


@per_document
def _after_the(ctx: Context) -> frozenset[str]:
    """Every capitalised word the document writes after 'the' ("the Kremlin"), with its
    shorter forms cut at an apostrophe ("the O'Brien's" also holds "O'Brien"); found once per
    document."""
    words = set()
    for m in _AFTER_THE_RE.finditer(ctx.text, overlapped=True):
        w = m.group(1)
        words.add(w)
        for i, ch in enumerate(w):
            if ch in "'’":
                words.add(w[:i])
    return frozenset(words)


def _phrase_continues(ctx: Context, end: int) -> Optional[str]:
    """The lower-case word after a capitalised phrase when it continues the noun phrase
    ('Trump administration'), else None ('Zelenski is', 'Macron said')."""
    m = _NEXT_LOWER_RE.match(ctx.text, end)
    if not m:
        return None
    word = m.group(1)
    if word in FUNCTION_WORDS or word in _words("mt_speech_verbs.txt") \
            or word.endswith(("s", "ed")) or not word.isalpha():
        return None
    return word


_NEXT_LOWER_RE = regex.compile(r"[ \u00a0](\p{Ll}[\p{L}’']*)")
# A calqued article this early in a document may be a wire-style capitalised first word
# ('THE Prime Minister said ...'): there only a bare name (never written so in English) counts.
LEAD_PARAGRAPHS = 3


@rule(
    "MT01", "calqued-article", "mt", "warning",
    "An all-caps THE or OR opening a sentence before a name: another language's article left by "
    "machine translation.",
    bad="THE Zelenski is still pushing for a meeting with Putin himself in Turkey.",
    good="Zelenski is still pushing for a meeting with Putin himself in Turkey.",
)
def calqued_article(rule, ctx: Context) -> Iterator:
    """An all-caps THE / OR / OI (data: mt_calqued_articles.txt) at a sentence or line start,
    followed by a capitalised (not all-caps) phrase on a line that is not a heading. Greek
    articles (Ο, Η, Οι) come out this way. Fix: drop the article before a person or place
    ('THE Emmanuel Macron' -> 'Emmanuel Macron'); 'The' before an institution or group
    ('OR European Union' -> 'The European Union', 'THE Trump administration' -> 'The Trump
    administration'); no fix when the phrase is unclear. Person or place: the gazetteer, else a
    head word rare in English (Zipf < 4) that the document never writes after 'the'. An
    all-caps 'THE' opening a line in the first paragraphs may be a wire-style lead ('THE
    Prime Minister said'): there only a bare name counts."""
    stray = _words("mt_stray_words.txt")
    text = ctx.text
    for m in _article_re().finditer(text):
        t = Token(m.start(), m.end(), m.group())
        if not _sentence_initial(ctx, t.start):
            continue
        run: list[Token] = []
        pos = t.end
        while len(run) < 4 and text[pos:pos + 1] in _SPACE:
            w = _CAP_RUN_WORD_RE.match(text, pos + 1)
            if not w or is_all_caps(w.group()) or w.group() in stray:
                break
            if w.end() < len(text) and (text[w.end()].isalnum() or text[w.end()] == "-"):
                break
            run.append(Token(w.start(), w.end(), w.group()))
            pos = w.end()
        if not run or _is_heading(ctx, t.start):
            continue
        if t.end < len(text) and text[t.end] in "-–":
            continue
        phrase = text[run[0].start:run[-1].end]
        proper = _proper_noun(ctx, run)
        follower = _phrase_continues(ctx, run[-1].end)
        if follower is not None:  # 'THE Trump administration': the article stays
            proper = False if follower in _words("mt_article_nouns.txt") else None
        paras = ctx.paragraphs
        early = bool(paras) and t.start < paras[min(LEAD_PARAGRAPHS, len(paras)) - 1][1]
        line_start = _line_of(ctx, t.start)[0]
        lead = t.text == "THE" and early and \
            text[line_start:t.start].strip(" \t\u00a0" + _OPEN_QUOTES) == ""
        if lead and proper is not True:
            continue  # wire-style capitalised first word
        if proper is True:
            suggestion, conf = phrase, 0.9
        elif proper is False:
            suggestion, conf = "The " + phrase, 0.8
        else:
            suggestion, conf = None, 0.6
        yield rule.finding(
            ctx, t.start, run[-1].end,
            f"'{t.text}' before '{phrase}' looks like an article carried over by machine "
            "translation", suggestion=suggestion, confidence=conf)


# ---------------------------------------------------------------------------------------------
# MT02

_SPACED_HYPHEN_RE = regex.compile(r" -\p{Ll}+(?:(?: -\p{Ll}+)*)(?![\p{L}\p{N}\-])")
_FLAG_RE = re.compile(r"(?<!\S)--[a-z]")
_PREFIX_RE = regex.compile(r"(?<![\p{L}\p{N}\-/.])[\p{L}\p{N}]+$")


@rule(
    "MT02", "space-before-hyphen", "mt", "warning",
    "A space before the hyphen of a compound word: 'two -day', 'so -called', 'long -term'.",
    bad="Discussions at the two -day meeting were dominated by the latest developments.",
    good="Discussions at the two-day meeting were dominated by the latest developments.",
)
def space_before_hyphen(rule, ctx: Context) -> Iterator:
    """A word or number, one space, then a hyphen glued to a common lower-case word (3+ letters,
    wordfreq Zipf >= 3): the compound was split. Chains ('30 -year -old') are one finding.
    Quiet on minus signs and ranges (a digit or a space after the hyphen), dashes, list
    markers, command-line flags (short or unknown words, lines with '--', '$ ' or backticks) and
    cited suffixes ('words ending in -ness')."""
    text = ctx.text
    if " -" not in text:
        return
    if _FLAG_RE.search(text):  # a text with command-line options: '-std', '-dev' are flags
        return
    lex = ctx.lexicon
    cited = _words("mt_cited_suffixes.txt")
    stop = _words("mt_hyphen_stop_prefixes.txt")
    for m in _SPACED_HYPHEN_RE.finditer(text):
        pm = _PREFIX_RE.search(text, max(0, m.start() - 40), m.start())
        if not pm:
            continue
        prefix = pm.group()
        if len(prefix) < 2 and not prefix.isdigit():
            continue
        low = prefix.lower()
        if low != "so" and (low in FUNCTION_WORDS or low in stop):
            continue
        parts = m.group().split(" -")[1:]
        if any(len(p) < 3 or lex.zipf(p) < 3.0 or p in cited or p in FUNCTION_WORDS
               for p in parts):
            continue
        s, e = _line_of(ctx, m.start())
        line = text[s:e]
        if line.lstrip().startswith(("$", ">", "-", "*", "+", "•")) or "\t" in line.strip() \
                or _is_code(ctx, m.start()):
            continue
        before = text[pm.start() - 1] if pm.start() else " "
        after = text[m.end()] if m.end() < len(text) else " "
        if before in "\"'‘“" and after in "\"'’”":  # a quoted command: "ps -aux"
            continue
        joined = prefix + "".join("-" + p for p in parts)
        yield rule.finding(ctx, pm.start(), m.end(),
                           f"space before the hyphen of the compound '{joined}'",
                           suggestion=joined, confidence=0.9)


# ---------------------------------------------------------------------------------------------
# MT03

_CAMEL_RE = regex.compile(r"(?<![\p{L}\p{M}'’])(\p{Lu}\p{Ll}{2,})(\p{Lu}\p{Ll}{2,})(?![\p{L}\p{M}]|['’]\p{L})")


_ANY_CAMEL_RE = regex.compile(r"\p{L}\p{Ll}+\p{Lu}")


def _used_as_name(text: str, word: str) -> bool:
    """`word` stands alone, capitalised, mid-sentence somewhere in `text` (after a word or a
    comma, not after a full stop) and never in lower case: evidence that it is a name ('with
    Trump'), not a common noun written with a capital in a heading or identifier."""
    pat = regex.compile(r"(?<=[\p{L}\p{M},][ \u00a0])%s(?![\p{L}\p{M}])" % regex.escape(word))
    if pat.search(text) is None:
        return False
    lower = regex.compile(r"(?<![\p{L}\p{M}])%s(?![\p{L}\p{M}])" % regex.escape(word.lower()))
    return lower.search(text) is None


@rule(
    "MT03", "glued-words", "mt", "warning",
    "Two words run together where a link was removed: 'Air Force OneTrump told reporters'.",
    bad="Aboard Air Force OneTrump told reporters that he did not know if Putin would come.",
    good="Aboard Air Force One, Trump told reporters that he did not know if Putin would come.",
)
def glued_words(rule, ctx: Context) -> Iterator:
    """A token shaped Xxx+Yyy (two capitalised parts of 3+ letters) that is unknown as a whole
    (wordfreq Zipf < 1: real brands and names such as YouTube, PlayStation or MacArthur are
    frequent as one word), appears once, whose first part is a common word and whose second
    part is a common word or a name: one the gazetteer knows, or one the document uses on its
    own, capitalised mid-sentence and never in lower case. Name particles (Mac, Van, De...)
    and listed CamelCase brands are never split; code lines and technical texts (more than
    three CamelCase words) are left alone, and so is a token alone in parentheses, a source
    or credit line ('(AP) (ModernGhana)'). Fix: insert the missing space."""
    text, lex, gaz = ctx.text, ctx.lexicon, ctx.gazetteer
    particles = _words("mt_name_particles.txt")
    brands = _words("mt_camelcase_names.txt")
    candidates = list(_CAMEL_RE.finditer(text))
    if not candidates:
        return
    if len(_ANY_CAMEL_RE.findall(text)) > 3:
        return  # technical text, full of identifiers and product names
    for m in candidates:
        t = Token(m.start(), m.end(), m.group())
        w = t.text
        first, second = m.group(1), m.group(2)
        if first in particles or w in brands:
            continue
        if lex.zipf(w) >= 1.0 or lex.zipf(first) < 3.0:
            continue
        if not (lex.zipf(second) >= 3.0 or gaz.is_name_token(second)):
            continue
        if text.count(w) > 1:
            continue
        if not (gaz.is_accepted(second) or _used_as_name(text, second)):
            continue
        if _is_code(ctx, t.start):
            continue
        before = text[t.start - 1] if t.start else " "
        after = text[t.end] if t.end < len(text) else " "
        if before in "./_#@<" or after in "(_/@>" or (after == "." and text[t.end + 1:t.end + 2].isalnum()):
            continue
        if before == "(" and after == ")":
            continue  # alone in parentheses: a source or a credit ('(AP) (ModernGhana)')
        yield rule.finding(ctx, t.start, t.end,
                           f"'{w}' looks like '{first}' and '{second}' run together",
                           suggestion=f"{first} {second}", confidence=0.8)


# ---------------------------------------------------------------------------------------------
# MT04

@rule(
    "MT04", "stranded-capital", "mt", "warning",
    "A capitalised function word mid-sentence after a word with no punctuation between: text "
    "glued where a link or line was removed ('in Istanbul It has derailed').",
    bad="The promise of talks in Istanbul It has derailed European efforts on sanctions.",
    good="The promise of talks in Istanbul has derailed European efforts on sanctions.",
)
def stranded_capital(rule, ctx: Context) -> Iterator:
    """A closed-class word that is lower case mid-sentence (It, They, He, And, But, ...; data:
    mt_stray_words.txt) written capitalised, directly after a word (one space, no punctuation,
    same line) and directly before a lower-case word, not at a sentence or line start, on a
    line that is not a title or heading, and not after a word that introduces a title ("the
    film It", "a band called The National"; data: mt_title_nouns.txt), nor after a function
    word ("that which He is": reverent capitals; a lost line ends on a content word), nor in a
    name (the pair is a known name, or the document writes it twice: "Liu He"). The span
    covers the previous word too, as the join
    is between them. No fix: the stray word is usually junk from a removed link, not a word to
    lower-case."""
    text = ctx.text
    for m in _stray_re().finditer(text):
        t = Token(m.start(1), m.end(1), m.group(1))
        if not text[m.end()].islower() or t.start in ctx.sentence_starts:
            continue
        pm = _WORD_BEFORE_RE.search(text, max(0, m.start() - 40), m.start())
        if not pm:
            continue
        p = Token(pm.start(), pm.end(), pm.group())
        if p.text == "I" or _is_heading(ctx, t.start) or _is_code(ctx, t.start):
            continue
        if p.text.lower() in _words("mt_title_nouns.txt"):
            continue  # "the film It", "a band called The National": a title follows
        if p.text.lower() in FUNCTION_WORDS:
            continue  # "that which He is": a lost line ends on a content word, not on "which"
        if p.text[:1].isupper() and ctx.text.count(f"{p.text} {t.text}") >= 2 or \
                ctx.gazetteer.is_accepted(f"{p.text} {t.text}"):
            continue  # a name holding a capitalised word: "Liu He" twice, or a known name
        yield rule.finding(ctx, p.start, t.end,
                           f"capitalised '{t.text}' in mid-sentence after '{p.text}': text "
                           "joined where a link or line break was lost", confidence=0.8)


# ---------------------------------------------------------------------------------------------
# MT05

_DQ_RE = regex.compile(r"[\"“”]")
_ATTRIB_RE = regex.compile(
    r"(?:\p{Ll}[\p{L}’']*|\p{Lu}[\p{Ll}’']+)(?:[ \u00a0][\p{L}’']+){0,5}?(?=[.,;!?]|$)")


def _attribution(ctx: Context, start: int, end: int) -> Optional[int]:
    """End offset of a quote attribution ('said one official', 'he said', 'Whitaker added')
    starting at `start`, or None."""
    m = _ATTRIB_RE.match(ctx.text, start, end)
    if not m:
        return None
    verbs = _words("mt_speech_verbs.txt")
    words = m.group().split()
    if not any(w.lower() in verbs for w in words[:4]):
        return None
    return m.end()


@rule(
    "MT05", "misdirected-quote", "mt", "warning",
    "Quotation marks that point the wrong way or are left open: ', “said one official.' or a "
    "paragraph ending in '. “'.",
    bad="“Everything depends on Putin, “said one Ukrainian official.",
    good="“Everything depends on Putin,” said one Ukrainian official.",
)
def misdirected_quote(rule, ctx: Context) -> Iterator:
    """Within each paragraph, double quotation marks are checked in order:
    an opening mark (“ or ") after a comma or full stop and a space, followed by an attribution
    ('said one official', 'he said', 'Whitaker added'), with no closing mark after it in the
    paragraph, stands where a closing mark belongs (the span runs to the end of the
    attribution); an opening mark after punctuation and a space at the very end of a paragraph
    closes nothing; a closing mark ” at a paragraph start opens nothing. Straight quotes: an odd
    count in a paragraph is flagged at the last mark when it closes ('... well," he said.' with
    no opening mark) in a later sentence than the paragraph's first (sentence-per-line text
    and excerpts may open the quotation on the line before), unless inch marks (a digit before
    it), escaped quotes, code, doubled marks left by markup, a quotation running over
    paragraphs (continuing into the next one, or opened in the one before) or a displayed
    quotation (the paragraph before ends with a colon, and the mark ends this one: layout
    that sets a quotation apart drops its opening mark) explain it.
    No fix: which mark is wrong is a judgement call."""
    text = ctx.text
    if '"' not in text and "“" not in text and "”" not in text:
        return
    paras = ctx.paragraphs
    for k, (ps, pe) in enumerate(paras):
        para = text[ps:pe]
        if '"' not in para and "“" not in para and "”" not in para:
            continue
        # trim trailing whitespace
        while pe > ps and text[pe - 1] in " \t\u00a0\n\r":
            pe -= 1
        marks = [(m.start(), m.group()) for m in _DQ_RE.finditer(text, ps, pe)]
        flagged = set()
        lead = ps
        while lead < pe and text[lead] in " \t\u00a0":
            lead += 1
        for idx, (pos, ch) in enumerate(marks):
            nxt = marks[idx + 1][1] if idx + 1 < len(marks) else None
            before = text[max(ps, pos - 2):pos]
            if ch == "”" and pos == lead and pos + 1 < pe and text[pos + 1].isalpha():
                flagged.add(pos)
                yield rule.finding(ctx, pos, pos + 1,
                                   "closing quotation mark at the start of a paragraph",
                                   confidence=0.8)
                continue
            if ch not in "“\"":
                continue
            after_punct = len(before) == 2 and before[0] in ",.!?…" and before[1] in _SPACE
            if not after_punct:
                continue
            if pos + 1 >= pe and ch == "“":  # '... next steps. “' at the end of the paragraph
                flagged.add(pos)
                yield rule.finding(ctx, pos, pos + 1,
                                   "opening quotation mark at the end of a paragraph: a "
                                   "closing mark belongs here", confidence=0.8)
                continue
            if pos + 1 >= pe or nxt == "”" or (ch == '"' and nxt == '"'):
                continue
            end = _attribution(ctx, pos + 1, pe)
            if end is not None:
                flagged.add(pos)
                yield rule.finding(ctx, pos, end,
                                   "opening quotation mark before the attribution: a closing "
                                   "mark belongs here", confidence=0.85)
        straight = [pos for pos, ch in marks if ch == '"']
        if len(straight) % 2 == 1 and not flagged and len(straight) == len(marks):
            pos = straight[-1]
            if pos > ps and text[pos - 1].isdigit():
                continue
            if any(text[q - 1:q] in "\\'`" or text[q + 1:q + 2] in "'`" for q in straight) \
                    or _is_code(ctx, pos):
                continue  # escaped quotes, quote-mark names ('"), code
            nxt_para = text[paras[k + 1][0]:paras[k + 1][0] + 2].lstrip() if k + 1 < len(paras) else ""
            if nxt_para.startswith(('"', "“")):
                continue
            if k > 0 and text.count('"', paras[k - 1][0], paras[k - 1][1]) % 2 == 1:
                continue  # a quotation running over paragraphs closes here
            if k > 0 and text[paras[k - 1][0]:paras[k - 1][1]].rstrip().endswith(":") \
                    and not text[pos + 1:pe].strip(" \t\u00a0.,;!?)"):
                continue  # a displayed quotation, introduced by a colon, closes the paragraph
            if '""' in text[ps:pe]:
                continue  # empty or doubled marks (markup left over): the count means nothing
            # only a mark in closing position after an unquoted stretch: '... well," he said.'
            if pos + 1 < pe and text[pos + 1] not in " \t\u00a0,.;:!?)":
                continue
            if text[pos - 1] in " \t\u00a0":
                continue
            # in the paragraph's first sentence the opening mark may sit in the line before
            # (sentence-per-line text, excerpts): only a later sentence proves it missing
            first = next(iter(textmod.sentence_spans(text, ps, pe)), (ps, pe))
            if pos < first[1]:
                continue
            yield rule.finding(ctx, pos, pos + 1,
                               "unbalanced straight quotation marks in this paragraph",
                               confidence=0.6)


# ---------------------------------------------------------------------------------------------
# MT06

_FOREIGN_PUNCT = {
    "\u037e": "?",   # GREEK QUESTION MARK
    "\u0387": None,  # GREEK ANO TELEIA
    "\u3001": ",", "\u3002": ".",
}
# stdlib re: a class of listed code points, matched several times faster than by `regex`
_FULLWIDTH_RE = re.compile(r"[\uff01\uff08\uff09\uff0c\uff0e\uff1a\uff1b\uff1f\u3001\u3002\u037e\u0387]")
_CJK_RE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
# two or more no-break spaces (spaces may mix in) between words, not after a sentence end
# (". &nbsp;" is only the two-space sentence spacing of hand-written HTML)
_NBSP_RUN_RE = regex.compile(r"(?<=[^\s.!?:;])[ \u00a0]*\u00a0[ \u00a0]*\u00a0[ \u00a0]*(?=\S)")
_QUESTION_SEMI_RE = regex.compile(
    r"[\"“‘']?(?:Why|What|How|Who|Whom|Whose|When|Where|Which|Is|Are|Was|Were|Do|Does|Did|"
    r"Can|Could|Would|Should|Shall|Has|Have)[ \u00a0]\p{Ll}[^.!?;:\n]{0,150}?(;)[ \u00a0]+"
    r"(\p{Lu}\p{Ll}+)")


@rule(
    "MT06", "foreign-punctuation", "mt", "warning",
    "Punctuation from another script or from scraping: a Greek question mark, full-width "
    "commas, runs of non-breaking spaces.",
    bad="Why meet him in person\u037e Because he decides.",
    good="Why meet him in person? Because he decides.",
)
def foreign_punctuation(rule, ctx: Context) -> Iterator:
    """The Greek question mark U+037E (fix '?') and ano teleia U+0387; full-width and
    ideographic punctuation (，。！？：；（）) with no Chinese, Japanese or Korean text near it (fix:
    the ASCII mark); runs of two or more non-breaking spaces between words, not after a
    sentence end (info, fix: one space); and, as info, an ASCII ';' that ends a question in text translated from Greek
    (where ';' is the question mark): a sentence opening with an interrogative word and a
    lower-case word, a ';' and then a common capitalised word ('Why personally with him;
    Because ...'), fix '?'."""
    text = ctx.text
    if not text.isascii():
        for m in _FULLWIDTH_RE.finditer(text):
            ch = m.group()
            window = text[max(0, m.start() - 20):m.end() + 20]
            if ch not in "\u037e\u0387" and _CJK_RE.search(window):
                continue
            if not regex.search(r"\p{Latin}", window):
                continue
            if ch in _FOREIGN_PUNCT:
                sug = _FOREIGN_PUNCT[ch]
            else:
                import unicodedata
                sug = unicodedata.normalize("NFKC", ch)
            if sug is not None and sug in ",.!?:;" and m.end() < len(text) and text[m.end()].isalpha():
                sug += " "
            name = "Greek" if ch in "\u037e\u0387" else "full-width"
            yield rule.finding(ctx, m.start(), m.end(),
                               f"{name} punctuation '{ch}' (U+{ord(ch):04X}) in English text",
                               suggestion=sug, confidence=0.9)
        if "\u00a0" in text:
            for m in _NBSP_RUN_RE.finditer(text):
                yield rule.finding(ctx, m.start(), m.end(),
                                   "run of non-breaking spaces between words (scraping residue)",
                                   suggestion=" ", confidence=0.7, severity=Severity.INFO)
    if ";" in text:
        lex = ctx.lexicon
        for s, e in ctx.sentences:
            if text[s] not in "WHIDCSA\"“‘'":
                continue
            m = _QUESTION_SEMI_RE.match(text, s, e)
            if not m:
                continue
            word = m.group(2)
            if lex.zipf(word) < 5.0 or ctx.gazetteer.is_name_token(word):
                continue
            yield rule.finding(ctx, m.start(1), m.end(1),
                               "';' ends a question here: a Greek question mark rendered as a "
                               "semicolon", suggestion="?", confidence=0.6, severity=Severity.INFO)


RULES = (calqued_article, space_before_hyphen, glued_words, stranded_capital,
         misdirected_quote, foreign_punctuation)
