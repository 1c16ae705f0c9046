"""Bounded memo tables that keep what recurs.

A rule that decides something once per distinct word (or name, or spelling) keeps the answer
for later documents, within a bound: a corpus's vocabulary has no end. Emptying a full table
throws away the words that recur with the ones that do not; `Recent` keeps two generations
instead: a key found in the older one moves to the younger, and when the younger is full it
becomes the older and the older is dropped. At most twice `size` keys are held, and a key
asked for at least once per `size` new keys is computed once."""
from __future__ import annotations

from typing import Callable, Hashable, TypeVar

T = TypeVar("T")
_MISSING = object()


class Recent:
    """A memo of at most 2 x `size` keys (see the module docstring)."""

    __slots__ = ("size", "young", "old")

    def __init__(self, size: int) -> None:
        self.size = size
        self.young: dict = {}
        self.old: dict = {}

    def __len__(self) -> int:
        return len(self.young) + len(self.old)

    def __contains__(self, key: Hashable) -> bool:
        return key in self.young or key in self.old

    def get(self, key: Hashable, default=None):
        value = self.young.get(key, _MISSING)
        if value is _MISSING:
            value = self.old.pop(key, _MISSING)
            if value is _MISSING:
                return default
            self._put(key, value)
        return value

    def __getitem__(self, key: Hashable):
        value = self.get(key, _MISSING)
        if value is _MISSING:
            raise KeyError(key)
        return value

    def __setitem__(self, key: Hashable, value) -> None:
        if key in self.young:
            self.young[key] = value
        else:
            self.old.pop(key, None)
            self._put(key, value)

    def remember(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The value kept under `key`, or `compute()`, kept."""
        value = self.young.get(key, _MISSING)
        if value is _MISSING:
            value = self.old.pop(key, _MISSING)
            if value is _MISSING:
                value = compute()
            self._put(key, value)
        return value

    def clear(self) -> None:
        self.young, self.old = {}, {}

    def _put(self, key: Hashable, value) -> None:
        if len(self.young) >= self.size:
            self.old, self.young = self.young, {}
        self.young[key] = value
