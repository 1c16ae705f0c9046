"""Word frequencies: the compact tables answer exactly as wordfreq's dictionaries, from memory
or from the cache file."""
from __future__ import annotations

import math
import os

import pytest

from quality import langid, lexicon
from quality.lexicon import Frequencies

# A small list in wordfreq's layout: bucket b holds the words at Zipf 9 - b/100.
PACK = [[] for _ in range(700)]
PACK[300] = ["and", "the"]          # Zipf 6
PACK[500] = ["house", "kp"]         # Zipf 4
PACK[650] = ["火", "rare"]          # Zipf 2.5 ('火' and 'kp' share their raw bytes in memory)
PACK[699] = ["the"]                 # listed twice: the later bucket counts, as in wordfreq


@pytest.mark.parametrize("word,bucket", [
    ("and", 300), ("house", 500), ("kp", 500), ("火", 650), ("rare", 650),
    ("the", 699), ("absent", -1), ("", -1), ("And", -1),
])
def test_buckets(word, bucket):
    assert Frequencies.from_pack(PACK).bucket(word) == bucket


@pytest.mark.parametrize("min_zipf,words", [
    (6.0, ["and"]),
    (4.0, ["and", "house", "kp"]),
    (3.0, ["and", "house", "kp"]),
    (5.99, ["and"]),
])
def test_head_words_in_wordfreq_order(min_zipf, words):
    assert Frequencies.from_pack(PACK).words(min_zipf) == words


def test_words_under_the_head_are_not_kept():
    with pytest.raises(ValueError):
        Frequencies.from_pack(PACK).words(2.0)


def test_cache_layout_round_trips():
    table = Frequencies.from_pack(PACK)
    again = Frequencies.from_bytes(table.to_bytes())
    for word in ["and", "house", "kp", "火", "rare", "the", "absent"]:
        assert again.bucket(word) == table.bucket(word)
    assert again.words(3.0) == table.words(3.0)
    with pytest.raises(ValueError):
        Frequencies.from_bytes(table.to_bytes()[:-1])


@pytest.mark.parametrize("lang", ["de", "fr", "tr"])
def test_language_tables_equal_wordfreq(lang):
    from wordfreq import get_frequency_dict

    table = get_frequency_dict(lang, "small")
    assert len(langid._wordlist(lang)) == len(table)
    for word, freq in list(table.items())[::97]:
        assert langid.zipf(lang, word) == math.log10(freq) + 9
    top = frozenset(sorted(table, key=table.get, reverse=True)[:100])
    assert langid.top_words(lang) == top
    common = {w for w, f in table.items() if f >= 1e-5 * (1 - 1e-6)}
    assert set(langid.words(lang, 4.0)) == common


@pytest.mark.parametrize("word", ["the", "Witkoff", "house", "HOUSE", "don’t", "zzyzxq",
                                  "Erdoğan", "naïve"])
def test_english_lexicon_equals_wordfreq(word):
    from wordfreq import get_frequency_dict

    freq = get_frequency_dict("en", "best").get(word.lower().replace("’", "'"))
    want = round(math.log10(freq) + 9, 2) if freq else 0.0
    assert lexicon.Lexicon("en").zipf(word) == want


def _fresh(monkeypatch, folder):
    monkeypatch.setenv("QUALITY_CACHE_DIR", str(folder))
    monkeypatch.setattr(lexicon, "_TABLES", {})


def test_a_table_is_built_once_then_read_from_the_cache(monkeypatch, tmp_path):
    _fresh(monkeypatch, tmp_path)
    built = lexicon.frequencies("da", "small")
    files = os.listdir(tmp_path)
    assert len(files) == 1 and files[0].startswith("wordfreq-small_da-")
    _fresh(monkeypatch, tmp_path)
    read = lexicon.frequencies("da", "small")
    assert isinstance(read.keys, memoryview)  # mapped from the file, not rebuilt
    assert read.words(4.0) == built.words(4.0) and read.zipf("og") == built.zipf("og") > 6


@pytest.mark.parametrize("damage", [b"", b"QWFT garbage", None])
def test_an_unusable_cache_is_rebuilt_or_skipped(monkeypatch, tmp_path, damage):
    folder = tmp_path / "cache"
    if damage is None:  # the cache folder cannot be created: a file is in the way
        folder.write_text("not a folder")
    else:
        _fresh(monkeypatch, folder)
        lexicon.frequencies("sv", "small")
        (name,) = os.listdir(folder)
        (folder / name).write_bytes(damage)
    _fresh(monkeypatch, folder)
    assert lexicon.frequencies("sv", "small").zipf("och") > 6
