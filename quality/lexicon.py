"""Word frequencies (wordfreq), in a compact table per language, loaded once per process on
first use.

wordfreq ships its frequency tables inside the wheel, so this works offline. The table folds
case, so it knows how common a word form is, not whether it is a name: rules combine it with
capitalisation and the gazetteer.

wordfreq stores a word's frequency as a whole number of centibels (its "bucket": Zipf = 9 -
bucket / 100), and its own dictionary of str -> float takes about 100 bytes a word (English
alone is 321,000 words, 36 MB). `Frequencies` keeps exactly what the rules ask, the bucket of
each word, as two arrays sorted by a 64-bit digest of the word: 10 bytes a word, one object
(processes forked after loading share its pages untouched). Zipf values are computed from the
bucket exactly as from wordfreq's floats, so every answer is the same as with its dictionary.
The words themselves are kept only for the head of the table (Zipf 3 and more), as one string
of UTF-8 decoded when asked: the lists of common words some rules build once.

Building the arrays costs about a second for English; the result is saved under the user's
cache folder (`$QUALITY_CACHE_DIR`, else `$XDG_CACHE_HOME/quality`, else ~/.cache/quality),
named by wordfreq's version and the table, and read back in milliseconds by later runs. A cache
that cannot be written or read is skipped: the table is then built in memory.
"""
from __future__ import annotations

import hashlib
import importlib.util
import math
import mmap
import os
import struct
import sys
import tempfile
import threading
from array import array
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import BinaryIO, Callable, Optional

_LOCK = threading.Lock()
_TABLES: dict[tuple[str, str], "Frequencies"] = {}

# Buckets beyond this are not stored (wordfreq's lists stop at about 800).
_MAX_BUCKET = 4095
# The head of a table, kept as words: Zipf 3 and more (bucket 600 at most).
HEAD_ZIPF = 3.0
_FORMAT = 1
_MAGIC = b"QWFT"
_HEADER = struct.Struct("<4sIIII")  # magic, format, words, head words, head bytes
_SWAP = sys.byteorder != "little"   # the cache is little-endian everywhere


def _digest(word: str) -> int:
    """A stable 64-bit digest of a word (the same in every process: the cache holds them)."""
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8", "surrogatepass"),
                                          digest_size=8).digest(), "little")


def _bucket_zipf(bucket: int, rounded: bool) -> float:
    z = math.log10(10 ** (-bucket / 100)) + 9  # wordfreq's cB_to_freq(-bucket), then Zipf
    return round(z, 2) if rounded else z


# Zipf of each bucket, computed as from wordfreq's float frequencies (bit for bit).
_ZIPF = tuple(_bucket_zipf(b, False) for b in range(_MAX_BUCKET + 1))
_ZIPF_ROUNDED = tuple(_bucket_zipf(b, True) for b in range(_MAX_BUCKET + 1))


def _max_bucket(min_zipf: float) -> int:
    """The last bucket at Zipf `min_zipf` or more (buckets are whole centibels: a margin for
    rounding, so Zipf 4 is bucket 500)."""
    return math.floor((9 - min_zipf) * 100 + 1e-6)


class Frequencies:
    """word -> wordfreq bucket, for one language's list: sorted 64-bit digests and, parallel,
    the buckets; the head's words (Zipf >= HEAD_ZIPF, newline-separated UTF-8) in wordfreq's
    order (most frequent first, alphabetical within a bucket) with their buckets."""

    __slots__ = ("keys", "buckets", "head", "head_buckets")

    def __init__(self, keys, buckets, head, head_buckets):
        """Arrays or memoryviews: `keys` of 64-bit digests ("Q"), `buckets` and
        `head_buckets` ("H"); `head` a bytes-like object."""
        self.keys, self.buckets = keys, buckets
        self.head, self.head_buckets = head, head_buckets

    @classmethod
    def from_pack(cls, pack: list[list[str]]) -> "Frequencies":
        """From wordfreq's list of buckets of words. A word listed twice keeps its last bucket
        (as in wordfreq's dictionary)."""
        if len(pack) > _MAX_BUCKET + 1:
            pack = pack[:_MAX_BUCKET + 1]
        entries = sorted(_digest(w) << 12 | b for b, words in enumerate(pack) for w in words)
        # equal digests are adjacent, buckets ascending: keep each digest's last
        entries = [e for e, nxt in zip(entries, entries[1:] + [-1]) if e >> 12 != nxt >> 12]
        keys = array("Q", [e >> 12 for e in entries])
        buckets = array("H", [e & 0xFFF for e in entries])
        last = _max_bucket(HEAD_ZIPF)
        head = {}
        for b, words in enumerate(pack[:last + 1]):
            for w in words:
                head[w] = b
        table = cls(keys, buckets, b"", array("H"))
        # a head word listed again further down has that later bucket (as in the dictionary)
        head = sorted(((w, b) for w, b in head.items() if table.bucket(w) == b),
                      key=lambda wb: wb[1])  # stable: wordfreq's order within a bucket
        head = dict(head)
        return cls(keys, buckets, "\n".join(head).encode("utf-8", "surrogatepass"),
                   array("H", head.values()))

    def bucket(self, word: str) -> int:
        """The word's bucket, -1 when the list does not have it."""
        if not self.keys:
            return -1
        h = _digest(word)
        i = bisect_left(self.keys, h)
        return self.buckets[i] if i < len(self.keys) and self.keys[i] == h else -1

    def zipf(self, word: str) -> float:
        """Zipf frequency of `word` as written (0 when unseen)."""
        b = self.bucket(word)
        return _ZIPF[b] if b >= 0 else 0.0

    def words(self, min_zipf: float = HEAD_ZIPF) -> list[str]:
        """The words at Zipf `min_zipf` or more, most frequent first (only the head is kept:
        `min_zipf` must be at least HEAD_ZIPF)."""
        if min_zipf < HEAD_ZIPF:
            raise ValueError(f"only words at Zipf {HEAD_ZIPF} or more are kept")
        last = _max_bucket(min_zipf)
        n = bisect_right(self.head_buckets, last)  # the head is in bucket order
        return str(self.head, "utf-8", "surrogatepass").split("\n", n)[:n] if n else []

    def __len__(self) -> int:
        return len(self.keys)

    # ------------------------------------------------------------------ the cache file
    def to_bytes(self) -> bytes:
        head = bytes(self.head)
        parts = [array("Q", self.keys), array("H", self.buckets), array("H", self.head_buckets)]
        if _SWAP:
            for a in parts:
                a.byteswap()
        return _HEADER.pack(_MAGIC, _FORMAT, len(self.keys), len(self.head_buckets), len(head)) + \
            b"".join(a.tobytes() for a in parts) + head

    @classmethod
    def from_bytes(cls, data) -> "Frequencies":
        """From `to_bytes`'s layout in any buffer; the arrays are views of it (no copy: a
        memory-mapped file stays in the page cache, shared by every process reading it)."""
        magic, fmt, n, nh, hb = _HEADER.unpack_from(data)
        if magic != _MAGIC or fmt != _FORMAT or len(data) != _HEADER.size + 10 * n + 2 * nh + hb:
            raise ValueError("not a word-frequency cache file of this version")
        view, at = memoryview(data), _HEADER.size
        parts = []
        for code, size, count in (("Q", 8, n), ("H", 2, n), ("H", 2, nh)):
            part = view[at:at + size * count].cast(code)
            at += size * count
            if _SWAP:
                part = array(code, part)
                part.byteswap()
            parts.append(part)
        return cls(parts[0], parts[1], view[at:], parts[2])


EMPTY = Frequencies(array("Q"), array("H"), b"", array("H"))


def cache_dir() -> str:
    """Where built tables are kept between runs."""
    own = os.environ.get("QUALITY_CACHE_DIR")
    if own:
        return own
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "quality")


def _cached(path: str) -> "Frequencies":
    """The table of wordfreq's list file `path`: from the cache when it holds it (named by
    the file's name, size and time: another wordfreq has other files), else built and saved
    when the cache folder is writable. A hit imports nothing of wordfreq."""
    st = os.stat(path)
    name = os.path.basename(path).split(".")[0]
    target = os.path.join(cache_dir(), f"wordfreq-{name}-{st.st_size}-{int(st.st_mtime)}"
                                       f"-f{_FORMAT}.bin")
    try:
        with open(target, "rb") as fh:
            return Frequencies.from_bytes(mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ))
    except (OSError, ValueError, struct.error):
        pass
    from wordfreq import read_cBpack

    table = Frequencies.from_pack(read_cBpack(path))
    write_atomically(target, table.to_bytes())
    return table


def write_atomically(target: str, data: "bytes | Callable[[BinaryIO], object]",
                     prefix: str = ".tmp-") -> None:
    """Write `data` to `target` atomically (a temporary file named `prefix`..., renamed);
    `data` may be a function that writes to the open file (a pickle streamed there, not held
    in memory). Nothing on an OSError; the temporary file is removed whatever fails."""
    tmp = None
    try:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=prefix, dir=os.path.dirname(target))
        with os.fdopen(fd, "wb") as fh:
            if callable(data):
                data(fh)
            else:
                fh.write(data)
        os.replace(tmp, target)
        tmp = None
    except OSError:
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _resolve(lang: str, wordlist: str) -> Optional[str]:
    """The file of wordfreq's `wordlist` for exactly `lang` ("best": the large list where
    there is one, else the small one, as wordfreq chooses), or None when it has none. Found
    in wordfreq's data folder without importing it (its import takes a quarter second)."""
    spec = importlib.util.find_spec("wordfreq")
    data = os.path.join(os.path.dirname(spec.origin), "data") if spec and spec.origin else ""
    if not os.path.isdir(data):
        from wordfreq import available_languages

        return available_languages(wordlist).get(lang)
    found = None
    for name in ("small", "large") if wordlist == "best" else (wordlist,):
        path = os.path.join(data, f"{name}_{lang}.msgpack.gz")
        if "/" not in lang and os.path.isfile(path):
            found = path
    return found


def has_list(lang: str, wordlist: str) -> bool:
    """Whether wordfreq has `wordlist` for exactly `lang` (no nearest match)."""
    return _resolve(lang, wordlist) is not None


def frequencies(lang: str, wordlist: str = "best") -> Frequencies:
    """The compact table of wordfreq's `wordlist` for `lang`, loaded once per process. A code
    wordfreq lists under another name gets its nearest match as wordfreq chooses it; a
    language it does not know an empty table."""
    table = _TABLES.get((lang, wordlist))
    if table is None:
        with _LOCK:
            table = _TABLES.get((lang, wordlist))
            if table is None:
                table = _load(lang, wordlist)
                _TABLES[(lang, wordlist)] = table
    return table


def _load(lang: str, wordlist: str) -> Frequencies:
    path = _resolve(lang, wordlist)
    if path is not None:
        return _cached(path)
    from wordfreq import get_frequency_list

    read = getattr(get_frequency_list, "__wrapped__", get_frequency_list)  # not wordfreq's cache
    try:
        return Frequencies.from_pack(read(lang, wordlist))
    except LookupError:
        return EMPTY


@lru_cache(maxsize=1 << 13)  # the words that recur; about 3 MB when full
def _zipf(lang: str, word: str) -> float:
    b = frequencies(lang).bucket(word.lower().replace("’", "'"))
    return _ZIPF_ROUNDED[b] if b >= 0 else 0.0


class Lexicon:
    """Zipf frequencies of word forms (0 = unseen, 3 = once per million words, 7 = 'the')."""

    def __init__(self, lang: str = "en"):
        self.lang = lang

    def zipf(self, word: str) -> float:
        return _zipf(self.lang, word)

    def __reduce__(self):  # the table is per process; ship only the language code
        return (Lexicon, (self.lang,))
