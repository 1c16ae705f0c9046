"""The corpus view's indexes give the answers of a search over the whole block.

`CorpusView._variant_of` compares a rare spelling only with the attested spellings its tests
can accept (`_variant_index`), and NM12 looks for a story's renderings only among the
spellings the document and its story write (`_rendering_spellings`). Both are speed-ups and
must change nothing: on corpora of look-alike names (slips, other transliterations,
possessives, first names, long and short forms), every answer equals the full search's.
"""
import random

import pytest

from quality import Auditor, Config, Document
from quality.corpus import CorpusStats, CorpusView
from quality.lexicon import Lexicon

FIRST = ["Steve", "Anna", "Marco", "Olena", "Rustam", "Keith", "Maria", "Jorge"]
LAST = ["Witkoff", "Kellogg", "Zelensky", "Yermak", "Umerov", "Rubio", "Sybiha", "Lavrov",
        "Ushakov", "Dmitriev", "Kallas", "Carrington", "Montenegro", "Hausmann", "Torrijos",
        "Abramovich", "Shevchenko", "Kolomoisky"]
PLACES = ["Istanbul", "Kharkiv", "Zaporizhzhia", "Pokrovsk", "Geneva", "Riyadh", "Doha"]
SYLLABLES = ("ka", "lo", "vich", "ran", "to", "sha", "mir", "den", "ko", "zu", "bel", "tan")
FILLER = ("met", "said", "told", "reporters", "on", "Tuesday", "talks", "in", "the", "after",
          "a", "meeting", "with", "officials", "visited", "from")


def _slip(word: str, rng: random.Random) -> str:
    """The word with one letter changed, dropped, doubled or swapped, or a transliteration."""
    i = rng.randrange(1, len(word))
    kind = rng.randrange(6)
    if kind == 0:
        return word[:i] + rng.choice("aeiouykhz") + word[i + 1:]
    if kind == 1 and len(word) > 4:
        return word[:i] + word[i + 1:]
    if kind == 2:
        return word[:i] + word[i] + word[i:]
    if kind == 3 and i + 1 < len(word):
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == 4:
        return word.replace("v", "w").replace("k", "kh").replace("y", "iy")
    return word + rng.choice(["a", "s", "ov", "i"])


def _corpus(seed: int, docs: int = 160) -> list[Document]:
    rng = random.Random(seed)
    names = LAST + PLACES + [_slip(w, rng) for w in LAST * 2 + PLACES]
    out = []
    for d in range(docs):
        story = rng.randrange(docs // 4)  # versions of a story share its names
        srng = random.Random(story)
        # names only this story's versions write (distinctive: they group the versions),
        # and two of the names every story may write
        cast = ["".join(srng.choice(SYLLABLES) for _ in range(srng.randrange(2, 4))).title()
                for _ in range(4)] + srng.sample(names, 2)
        words = []
        for _ in range(rng.randrange(12, 30)):
            name = rng.choice(cast) if rng.random() < 0.8 else rng.choice(names)
            if rng.random() < 0.15:
                name = _slip(name, rng)
            if rng.random() < 0.3:
                words.append(rng.choice(FIRST))
            words.append(name + ("'s" if rng.random() < 0.1 else ""))
            words.extend(rng.sample(FILLER, 3))
        out.append(Document(text=" ".join(words) + ".", path=f"doc{d:04d}.txt"))
    return out


def _full_block(self, form, ff, sk, given, same_skeleton):
    """The whole block of the skeleton initial: what `_variant_of` searched before."""
    return list(range(len(self._by_skeleton_initial.get(sk[0], ((), ()))[0])))


@pytest.mark.parametrize("seed", range(6))
def test_variant_index_gives_the_full_searchs_answers(seed, monkeypatch):
    stats = CorpusStats().add_all(_corpus(seed))
    lexicon = Lexicon("en")
    forms = sorted(stats.form_df)
    fast = stats.finalize()
    got = [(f, fast._variant_of(f), fast._variant_of(f, lexicon)) for f in forms]
    monkeypatch.setattr(CorpusView, "_comparable", _full_block)
    slow = stats.finalize()
    want = [(f, slow._variant_of(f), slow._variant_of(f, lexicon)) for f in forms]
    assert got == want
    assert any(v for _, v, _ in got)  # the corpus does hold variants


@pytest.mark.parametrize("seed", [100, 102, 103, 105, 108])  # corpora where NM12 fires
def test_story_renderings_and_findings_equal_the_full_search(seed, monkeypatch):
    docs = _corpus(seed)
    auditor = Auditor(Config())

    def findings():
        return [(r.document.path, f.code, f.start, f.end, f.message, f.suggestion)
                for r in auditor.audit_corpus(docs) for f in r.findings]

    fast = findings()
    original = CorpusView.attested_close
    monkeypatch.setattr(CorpusView, "_comparable", _full_block)
    monkeypatch.setattr(CorpusView, "attested_close",
                        lambda self, form, among=None: original(self, form))
    assert findings() == fast
    assert {"NM11", "NM12"} <= {code for _, code, *_ in fast}
