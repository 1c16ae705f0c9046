"""Rules of the language family: a document, paragraph or a few words in the wrong language.

Evidence is cheap first (function-word shares and word frequencies from wordfreq); langdetect
(seeded, in quality.langid) only confirms what that evidence leaves open.
"""
from __future__ import annotations

import bisect
import unicodedata
from functools import lru_cache

import regex

from .. import langid
from ..data_files import lines, table
from ..text import FUNCTION_WORDS, fold, quotation_spans, romanised, strip_accents
from ..lexicon import Lexicon
from .base import Context, rule

# A paragraph needs this many letters before its language is judged.
_PARAGRAPH_LETTERS = 80
_LETTER_RE = regex.compile(r"\p{L}")
# An English text has at least this share of English function words (prose: 0.35-0.5).
_ENGLISH_SHARE = 0.12
# A foreign paragraph: this share of one language's function words, little English.
_FOREIGN_SHARE = 0.2
# LG03: a word this rare in English (Zipf) ...
_EN_MAX_ZIPF = 2.0
# ... but this common in another language, by at least this margin.
_FOREIGN_MIN_ZIPF = 4.0
_MARGIN = 2.0
# ... or a function word of another language (Zipf 6+) far more common there than in English.
_FUNCTION_EN_MAX = 3.5
_FUNCTION_MIN_ZIPF = 6.0
_FUNCTION_MARGIN = 3.0
_QUOTES = "\"'“”‘’«»„"
_REPEATED = 3
# A word used twice is the text's term when it is a content word of its language (Zipf under
# 4.7: 'couverture'), not a function word or common adverb translation leaves (également,
# généralement).
_TERM_MAX_ZIPF = 4.7


@lru_cache(maxsize=None)
def _languages() -> dict[str, tuple[str, bool]]:
    return {r["code"]: (r["name"], r["codemix"] == "yes") for r in table("language_names.tsv")}


def language_name(code: str) -> str:
    return _languages().get(code, (code, False))[0]


@lru_cache(maxsize=None)
def codemix_languages() -> tuple[str, ...]:
    return tuple(c for c, (_, mix) in _languages().items() if mix)


def _expected(ctx: Context) -> str:
    return ctx.option("lang", "en") or "en"


def _first_paragraph(ctx: Context) -> tuple[int, int]:
    if ctx.paragraphs:
        s, e = ctx.paragraphs[0]
    else:
        s, e = 0, len(ctx.text)
    text = ctx.text
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


@rule(
    "LG01", "wrong-language", "language", "warning",
    "The document is not in the expected language (English unless configured otherwise).",
    bad=("Die Bundesregierung hat am Mittwoch neue Sanktionen gegen Russland beschlossen. "
         "Der Kanzler sagte, man werde die Ukraine weiter unterstützen, solange es nötig sei."),
    good=("The German government approved new sanctions against Russia on Wednesday. The "
          "chancellor said it would keep supporting Ukraine for as long as it was needed."),
)
def wrong_language(rule, ctx):
    """Compare the document's language (Context.language: English recognised by its function
    words, anything else by seeded langdetect on a bounded prefix; None under ~60 letters) with
    the expected one (option `lang`, default en). When English is expected, also require that
    fewer than 12% of the words are English function words, so that English text langdetect
    misreads (lists of names, headlines) stays quiet, and, for Latin-script text, that 20% of
    the words are the detected language's own function words. One finding, on the first
    paragraph."""
    expected = _expected(ctx)
    lang = ctx.language
    if lang is None or lang == expected:
        return
    if expected == "en" and ctx.english_share()[0] >= _ENGLISH_SHARE:
        return
    if langid.latin_share(ctx.text) >= 0.5 and langid.top_words(lang) \
            and langid.stopword_shares(ctx.text, (lang,))[lang] < _FOREIGN_SHARE:
        return  # langdetect's guess without that language's function words: names, lists
    s, e = _first_paragraph(ctx)
    if s >= e:
        return
    yield rule.finding(
        ctx, s, e,
        f"the document is in {language_name(lang)} ({lang}), not {language_name(expected)}",
        confidence=0.9,
    )


def _english_document(ctx: Context) -> bool:
    return _expected(ctx) == "en" and ctx.language in (None, "en")


@rule(
    "LG02", "foreign-paragraph", "language", "warning",
    "An untranslated paragraph in another language inside an English document.",
    bad=("The minister spoke to reporters after the meeting in Brussels on Tuesday.\n\n"
         "Nous avons décidé de soutenir les agriculteurs, a-t-il dit, et nous allons continuer "
         "dans cette voie pendant les prochains mois.\n\n"
         "He did not say how much the plan would cost."),
    good=("The minister spoke to reporters after the meeting in Brussels on Tuesday.\n\n"
          "He said the government had decided to support farmers and would continue to do so "
          "in the coming months, without saying how much the plan would cost."),
)
def foreign_paragraph(rule, ctx):
    """In an English document, judge each paragraph of 80+ letters, mostly Latin script (other
    scripts are SC01's), by function words: fewer than 12% English ones and at least 20% of one
    other language's 100 most frequent words (wordfreq) make a candidate, which seeded
    langdetect must confirm as not English. The message names langdetect's language."""
    if not _english_document(ctx):
        return
    text = ctx.text
    langs = ("en",) + codemix_languages()
    for s, e in ctx.paragraphs:
        if e - s < _PARAGRAPH_LETTERS or ctx.english_share(s, e)[0] >= _ENGLISH_SHARE:
            continue
        para = text[s:e]
        if len(_LETTER_RE.findall(para)) < _PARAGRAPH_LETTERS or langid.latin_share(para) < 0.5:
            continue
        shares = langid.stopword_shares(para, langs[1:])
        best = max(shares, key=shares.get)
        if shares[best] < _FOREIGN_SHARE:
            continue
        lang = langid.langdetect_language(para)
        if lang in (None, "en"):
            continue
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        yield rule.finding(
            ctx, s, e, f"a paragraph in {language_name(lang)} ({lang}) in an English text",
            confidence=0.85,
        )


@lru_cache(maxsize=None)
def _loan_phrases() -> dict[str, tuple[str, ...]]:
    """{word: the loan phrases (folded) it belongs to}."""
    out: dict[str, list[str]] = {}
    for phrase in lines("language_loan_phrases.txt"):
        for w in regex.findall(r"[\w']+", phrase):
            out.setdefault(w, []).append(phrase)
    return {w: tuple(p) for w, p in out.items()}


def _in_loan_phrase(text: str, start: int, end: int) -> bool:
    phrases = _loan_phrases().get(fold(text[start:end]))
    if not phrases:
        return False
    window = fold(text[max(0, start - 30):end + 30]).replace("-", " ")
    return any(regex.search(r"(?<!\w)" + regex.escape(p) + r"(?!\w)", window) for p in phrases)


_NON_ASCII_LATIN = regex.compile(r"(?=\p{Latin})[^a-zA-Z]")


def _best_language(words: list[str]) -> str:
    """The code-mix language in which a run of words is most common, all words together."""
    return max(codemix_languages(),
               key=lambda c: sum(langid.zipf(c, w.lower()) for w in words))


def _next_word(text: str, end: int) -> str:
    m = _NEXT_WORD_RE.match(text, end)
    return m.group(1) if m else ""


_NEXT_WORD_RE = regex.compile(r"[ \t]+([\p{L}]+)")


_EN_LEXICON = Lexicon("en")


@lru_cache(maxsize=1 << 13)
def _foreign_word(word: str) -> "tuple[str, float] | None":
    """(language, Zipf in it) when `word` is not English but another language's: rare in English
    and common there; or a function word far more common there ('et', 'qui': Zipf 6+, 2.5
    more); or unseen in English and spelt with accented letters English does not use
    ('nakaženými'; not phonetic symbols or emoticons such as 'ʌⱷᴥⱷʌ'). Never a word with
    the marks of a scholarly romanisation ('nirvāṇa', 'kǎishū'): a transliteration."""
    low = unicodedata.normalize("NFKC", word).lower()
    if low.isascii() and low not in _common_foreign():
        return None  # no accents, and under Zipf 4 in every code-mix language (see below)
    en = _EN_LEXICON.zipf(low)
    if en > _FUNCTION_EN_MAX or romanised(low):
        return None
    unseen_accented = en == 0.0 and len(low) >= 4 and _NON_ASCII_LATIN.search(low) \
        and strip_accents(low).isascii()
    if not unseen_accented and low not in _common_foreign():
        return None  # under Zipf 4 in every code-mix language: no test below can hold
    best, lang = 0.0, ""
    for code in codemix_languages():
        z = langid.zipf(code, low)
        if z > best:
            best, lang = z, code
    if en <= _EN_MAX_ZIPF and best >= _FOREIGN_MIN_ZIPF and best - en >= _MARGIN:
        return lang, best
    if best >= _FUNCTION_MIN_ZIPF and best - en >= _FUNCTION_MARGIN:
        return lang, best
    if unseen_accented:
        return lang, best
    return None


@lru_cache(maxsize=1)
def _common_foreign() -> frozenset[str]:
    """The words at Zipf 4 or more in some code-mix language: the only ones `_foreign_word`
    can find common there."""
    return frozenset(w for code in codemix_languages()
                     for w in langid.words(code, _FOREIGN_MIN_ZIPF))


# Words LG03 has found to be no lower-case foreign word, kept across documents so that a
# document's known words cost one set difference (cleared past the bound).
_NOT_FOREIGN: set[str] = set()
_NOT_FOREIGN_MAX = 50_000


@rule(
    "LG03", "foreign-words", "language", "warning",
    "Common words of another Latin-script language inside an English sentence (code-mixing).",
    bad="You can également seek advice from governments other than your own.",
    good="The déjà vu of the status quo was, per se, a matter for the Bundestag and Mr Müller.",
)
def foreign_words(rule, ctx):
    """In an English document, look at lower-case words (capitalised ones are usually names)
    that are not the first of their line: a word at most Zipf 2.0 in English (wordfreq) but at
    least 4.0 in one of the code-mix languages of quality/data/language_names.tsv, and 2.0 more
    common there than in English, is a foreign word ('également', 'plötzlich', 'że'). Quiet on
    loanwords English uses (déjà vu, per se, status quo: common in English too), on a word
    the document uses three times or more, or twice when it is a content word of its language
    (Zipf under 4.7: 'couverture'; 'également' twice is still a leftover): the document's chosen
    term; on names and words inside them
    ('Daniel arap Moi', 'Deir ez-Zor'), on words labelled with their language ('(French:
    ...)') and on quoted words ('"carro" means', '"tout autre"'), including a word that opens or
    closes a quotation ('"adieu," she said'); on a romanisation in brackets after the original
    script ('λόγος [logos]'); on an abbreviation in parentheses after the words it shortens
    ('directed acyclic graphs (dags)'); on a word hyphened to a common English word
    ('egg-nog'); on the accented spelling of an English word ('rôle', 'régimes');
    on a word whose language the same sentence, or the one before it, names away from the
    word ('the German bakeries sell strudel and kuchen'); on the tail of a name after its
    particle ('the Coco de mer', 'the Direction de la surveillance du territoire'); inside a title's original in parentheses after the quoted
    title ('"The Girl of Your Dreams" (La niña de tus ojos)'); on a unit after its number
    ('a 1.5-volt battery', '120,000 volt generators': an English word, Zipf 2.5+); on a term glossed in English
    in parentheses right after it ('economia (church economy)') or introduced by name ('furrows
    called colpi'); on notation ('det(A)'); on a
    very common English word with two letters swapped ('usch' for 'such': a typo); and on a
    word no language's word list knows that the document uses again, with or without a
    plural ending ('pudú', 'pudús': a term). Quotations are found by the side each mark
    stands on, so one unpaired mark does not unpair the rest of its line, and a quotation
    never closed on its line (a title) runs to the end of its sentence. Adjacent foreign
    words of one language are reported together. No fix: the English word is unknown."""
    if not _english_document(ctx):
        return
    text = ctx.text
    hits: list[list] = []  # [start, end, words]
    quoted = None
    # Decided once per distinct word (and cached across documents): lower-case foreign words.
    foreign = {}
    counts = ctx.token_counts
    for w in set(counts).difference(_NOT_FOREIGN):  # (iterates over the document's words)
        found = _foreign_word(w) if w[0].islower() and len(w) >= 2 else None
        if found is None or _english_typo(w):
            _NOT_FOREIGN.add(w)
        # A word the document uses three times or more is its chosen term (séances, dag),
        # not a stray word left by translation.
        elif counts[w] < _REPEATED:
            if not found[1] and _family_count(counts, w) >= 2:
                continue  # a word no language's list knows, used again: a term (pudú, pudús)
            if counts[w] >= 2 and found[1] < _TERM_MAX_ZIPF:
                continue  # a content word used twice: the text's term (couverture, plages)
            foreign[w] = found
    if len(_NOT_FOREIGN) > _NOT_FOREIGN_MAX:
        _NOT_FOREIGN.clear()
    for _, t in ctx.tokens_among(foreign):
        w = t.text
        found = foreign[w]
        if t.start in ctx.sentence_starts:
            continue
        if quoted is None:
            quoted = quotation_spans(text)
        i = bisect.bisect_right(quoted, (t.start, len(text) + 1)) - 1
        if i >= 0 and quoted[i][0] <= t.start < quoted[i][1]:
            continue  # quoted speech in another language is reported speech, not code-mixing
        before = text[t.start - 1] if t.start else " "
        after = text[t.end:t.end + 2]
        if before in _QUOTES and after[:1] in _QUOTES:
            continue  # a word quoted as a word: '"carro" means "carriage"'
        if before in "./@#_" or (after[:1] in "./_@" and after[1:2].isalnum()):
            continue  # part of an address, a file name or a handle: 'gordonua.com'
        if after[:1] == "(":
            continue  # notation, a function applied to its argument: 'det(A)', 'sin(x)'
        if text[t.start - 2:t.start - 1].isdigit() and (
                before == "-" or (before == " " and _EN_LEXICON.zipf(w) >= _UNIT_EN_ZIPF)):
            continue  # a unit after its number: 'a 1.5-volt battery', '120,000 volt generators'
        nxt = _next_word(text, t.end)
        if nxt[:1].isupper() and len(w) <= 3:
            continue  # a name particle: 'del Potro', 'von Braun', 'da Silva'
        if _in_loan_phrase(text, t.start, t.end) or _framed(text, t.start, t.end, w, nxt):
            continue
        if (_quote_edge(text, t.start, t.end) or _bracket_gloss(text, t.start)
                or _title_original(text, t.start) or _glossed_after(text, t.end)
                or _named_term(text, t.start)
                or _initials_of_before(text, t.start, w) or _english_compound(text, t.start, t.end)
                or _accented_english(w) or _language_named(ctx, t.start, found[0])):
            continue
        if hits and regex.fullmatch(r"[ \-]{1,2}", text[hits[-1][1]:t.start]):
            hits[-1][1] = t.end
            hits[-1][2].append((w, found[0]))
        else:
            hits.append([t.start, t.end, [(w, found[0])]])
    paragraphs = ctx.paragraphs
    english: dict[int, bool] = {}
    for s, e, words in hits:
        lang = words[0][1] if len(words) == 1 else _best_language([w for w, _ in words])
        i = bisect.bisect_right(paragraphs, (s, len(text) + 1)) - 1
        if i >= 0 and i not in english:  # a foreign paragraph is LG02's, not a list of words
            ps, pe = paragraphs[i]
            english[i] = ctx.english_share(ps, pe)[0] >= _ENGLISH_SHARE
        if i >= 0 and not english[i]:
            continue
        yield rule.finding(
            ctx, s, e,
            f"'{text[s:e]}' looks like {language_name(lang) if lang else 'a foreign word'}, "
            "not English",
            confidence=0.6,
        )


_PREVIOUS_WORD_RE = regex.compile(r"([\p{L}]+)([ \t]+|-)$")
_LABEL_RE = regex.compile(r"\([^()\n]{0,20}?\b([\p{L}]+):[^()\n]*$")


_CAPITAL_FOLLOWS_RE = regex.compile(r"[ \t]+\p{Ll}{1,3}[ \t]+\p{Lu}")


def _capital_follows(text: str, end: int) -> bool:
    """A short particle and a capitalised word follow: 'Valkenburg aan de Geul'."""
    return _CAPITAL_FOLLOWS_RE.match(text, end) is not None


@lru_cache(maxsize=None)
def _language_adjectives() -> frozenset[str]:
    """Language names, and the labels of glosses (IPA, pinyin, ...), that mark a word as
    another language's on purpose."""
    return frozenset(name for name, _ in _languages().values()) | frozenset(
        lines("script_gloss_labels.txt"))


def _framed(text: str, start: int, end: int, word: str, nxt: str) -> bool:
    """A foreign word the English frames on purpose: inside a name, between capitalised
    words or hyphened to one ('Daniel arap Moi', 'Deir ez-Zor', 'Qutb-ud-din'), or labelled
    with its language ('(French: Agence spatiale européenne)'). A nationality before a word
    ('the Czech stomatologické Chamber') is no label: translation leaves those too."""
    before = _PREVIOUS_WORD_RE.search(text, max(0, start - 40), start)
    prev = before.group(1) if before else ""
    hyphened = (before is not None and before.group(2) == "-") or text[end:end + 1] == "-"
    if prev[:1].isupper() and (nxt[:1].isupper() or hyphened or _capital_follows(text, end)):
        return True
    if any(c.isupper() for c in word):
        return True  # "de l'Éducation": part of a name
    if before is not None and _name_tail(text, before):
        return True  # the tail of a name after its particle: 'Coco de mer'
    if hyphened and (prev[:1].isupper() or nxt[:1].isupper()):
        return True
    ls = text.rfind("\n", 0, start) + 1
    label = _LABEL_RE.search(text, max(ls, start - 80), start)
    return bool(label and label.group(1) in _language_adjectives())


_NAME_TAIL_WORDS = 4


def _name_tail(text: str, before) -> bool:
    """Walking back from the word over at most four lower-case words, at least one of them a
    name particle and none an English function word, reaches a capitalised word that opens
    no sentence: the word ends a foreign name ('the Coco de mer', 'an agent of the Direction
    de la surveillance du territoire')."""
    particle = False
    m = before
    for _ in range(_NAME_TAIL_WORDS):
        word = m.group(1)
        if word[:1].isupper():
            return particle and not _opens_sentence(text, m.start())
        if word in _particles():
            particle = True
        elif word in FUNCTION_WORDS or m.group(2) != " ":
            return False
        m = _PREVIOUS_WORD_RE.search(text, max(0, m.start() - 40), m.start())
        if m is None:
            return False
    word = m.group(1)
    return particle and word[:1].isupper() and not _opens_sentence(text, m.start())


def _opens_sentence(text: str, start: int) -> bool:
    """Nothing but a sentence end, a line break or the text's start before `start`."""
    before = text[max(0, start - 3):start].rstrip(" \t\u00a0")
    return not before or before[-1] in ".!?:;\"“”\n"


@lru_cache(maxsize=None)
def _particles() -> frozenset[str]:
    """Name particles ('de', 'da', 'van'), lower-cased, from mt_name_particles.txt."""
    return frozenset(w.lower() for w in lines("mt_name_particles.txt"))


_OPENING_QUOTE_RE = regex.compile(r"(?:^|[\s(\[])[\"“‘«„']$")
_CLOSING_QUOTE_RE = regex.compile(r"[-!?.,;:…]?[\"”’»]")


def _quote_edge(text: str, start: int, end: int) -> bool:
    """The word opens a quotation ('"merci beaucoup" is') or closes one ('... à bientôt!"'):
    quoted on purpose even when the quotation's pairing on the line is lost."""
    return (_OPENING_QUOTE_RE.search(text, max(0, start - 2), start) is not None
            or _CLOSING_QUOTE_RE.match(text, end) is not None)


_BRACKET_GLOSS_RE = regex.compile(
    r"[^\p{Latin}\p{Common}\p{Inherited}][\p{M}]*[\"”’»]?[ \t]*[\[(]$")


def _bracket_gloss(text: str, start: int) -> bool:
    """The word opens a bracket right after a word in another script, quoted or not: its
    romanisation ('λόγος [logos]', 'Москва (Moskva)', '"γνωρίζω" (gnorízo)')."""
    return _BRACKET_GLOSS_RE.search(text, max(0, start - 4), start) is not None


_PAREN_BEFORE_RE = regex.compile(r"((?:[\p{L}]+[ \t-]+){2,6})\($")


def _initials_of_before(text: str, start: int, word: str) -> bool:
    """The word, in parentheses, is the initials of the words before it: an abbreviation
    ('directed acyclic graphs (dags)', 'the first-in first-out (fifo) queue')."""
    m = _PAREN_BEFORE_RE.search(text, max(0, start - 80), start)
    if m is None:
        return False
    abbr = word.lower()
    abbr = abbr[:-1] if abbr.endswith("s") and len(abbr) > 2 else abbr
    initials = "".join(w[0].lower() for w in regex.split(r"[ \t-]+", m.group(1).strip()) if w)
    return len(abbr) >= 2 and initials.endswith(abbr)


_COMPOUND_MIN_ZIPF = 4.0


def _english_compound(text: str, start: int, end: int) -> bool:
    """The word is hyphened to a common lower-case English word ('egg-nog', 'tea-caddy'):
    part of an English compound. 'lui-même' is not: 'lui' is no English word."""
    before = regex.search(r"(\p{Ll}+)-$", text[max(0, start - 30):start])
    after = regex.match(r"-(\p{Ll}+)", text[end:end + 30])
    return any(m is not None and _EN_LEXICON.zipf(m.group(1)) >= _COMPOUND_MIN_ZIPF
               and _foreign_word(m.group(1)) is None for m in (before, after))


_ACCENTED_EN_MIN_ZIPF = 3.5
_ACCENTED_EN_MARGIN = 0.5


@lru_cache(maxsize=1 << 13)  # per distinct word: bounded like the other word caches
def _accented_english(word: str) -> bool:
    """An English word in its older accented spelling ('rôle', 'régimes', 'élite'): without
    its accents the word is common in English (Zipf 3.5+) and not much more common in a
    code-mix language ('antônio' is 'antonio', a Portuguese and Italian word first)."""
    low = word.lower()
    bare = strip_accents(low)
    if bare == low:
        return False
    en = _EN_LEXICON.zipf(bare)
    if en < _ACCENTED_EN_MIN_ZIPF:
        return False
    return max(langid.zipf(c, bare) for c in codemix_languages()) <= en + _ACCENTED_EN_MARGIN


_GLOSS_AFTER_RE = regex.compile(r"[ \t]*\((?:a |an |the )?(\p{Ll}+)[ \t-][^()\n]*\)")
_GLOSS_WORD_MIN_ZIPF = 4.0


def _glossed_after(text: str, end: int) -> bool:
    """English words in parentheses right after the word explain it: a term glossed on
    purpose ('the concept of economia (church economy)', 'hörgrs (a type of Germanic
    altar)'). The parenthesis opens with a common lower-case English word and holds two
    words or more."""
    m = _GLOSS_AFTER_RE.match(text, end)
    return m is not None and _EN_LEXICON.zipf(m.group(1)) >= _GLOSS_WORD_MIN_ZIPF \
        and _foreign_word(m.group(1)) is None


_NAMED_TERM_RE = regex.compile(
    r"\b(?:called|termed|dubbed)[ \t]+[\"“‘']?$", regex.IGNORECASE)


def _named_term(text: str, start: int) -> bool:
    """The word is introduced as a term ('pores set in furrows called colpi', 'termed',
    'dubbed'): the writer gives it as the thing's own name. Not after 'known as', which
    machine translation uses loosely ('the prison, better known as miloš')."""
    return _NAMED_TERM_RE.search(text, max(0, start - 20), start) is not None


# A word English itself uses this often (Zipf) after a number is a unit ('120,000 volt').
_UNIT_EN_ZIPF = 2.5
_TYPO_MIN_LEN = 4
_TYPO_EN_ZIPF = 5.0


@lru_cache(maxsize=1 << 13)  # per distinct word: bounded like the other word caches
def _english_typo(word: str) -> bool:
    """Two neighbouring letters swapped in a very common English word ('usch' for 'such',
    'teh'): a typing slip, not a foreign word, whatever another language makes of it. Four
    letters at least: short function words of other languages swap into English too ('ist',
    'dei')."""
    low = word.lower()
    if len(low) < _TYPO_MIN_LEN:
        return False
    for i in range(len(low) - 1):
        if low[i] != low[i + 1]:
            swapped = low[:i] + low[i + 1] + low[i] + low[i + 2:]
            if _EN_LEXICON.zipf(swapped) >= _TYPO_EN_ZIPF:
                return True
    return False


def _family_count(counts: dict[str, int], word: str) -> int:
    """How often the document uses `word` with or without a plural ending ('pudú', 'pudús')."""
    stem = word[:-1] if word.endswith("s") and len(word) > 3 else word
    return sum(counts.get(f, 0) for f in {stem, stem + "s", stem + "es"})


_TITLE_ORIGINAL_RE = regex.compile(r"[\"”’»][ \t]*\((\p{Lu}[^()\n]*)$")


def _title_original(text: str, start: int) -> bool:
    """The word is inside a parenthesis that opens, with a capital, right after a quoted
    title: the title's original ('"The Girl of Your Dreams" (La niña de tus ojos)')."""
    ls = text.rfind("\n", 0, start) + 1
    return _TITLE_ORIGINAL_RE.search(text, max(ls, start - 100), start) is not None


_NAME_GAP = 12  # characters: a language name closer than this to the word is a nationality


def _language_named(ctx: Context, start: int, lang: str) -> bool:
    """The sentence, or the one before it in the same paragraph, names the word's language
    as its topic, away from the word ('Polish food here includes pierogi and pączki'; 'The
    Italian tutors list the graces. Graces such as the accento ...'): the writer knows the
    word is foreign. The name right before the word ('the Czech stomatologické Chamber') is
    a nationality translation leaves, not a label."""
    if not lang:
        return False
    name = _languages()[lang][0]
    sentences = ctx.sentences
    i = bisect.bisect_right(sentences, (start, len(ctx.text) + 1)) - 1
    if i < 0:
        return False
    s, e = sentences[i]
    if i > 0 and "\n" not in ctx.text[sentences[i - 1][1]:s]:
        s = sentences[i - 1][0]
    for m in regex.finditer(r"(?<!\w)" + regex.escape(name) + r"(?!\w)", ctx.text[s:e]):
        if not (start - _NAME_GAP <= s + m.start() < start):
            return True
    return False


RULES = (wrong_language, foreign_paragraph, foreign_words)
