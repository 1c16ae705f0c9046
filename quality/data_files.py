"""Read the plain-text knowledge under quality/data/ (phrase lists, tables), cached per process."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore

DATA_DIR = Path(__file__).parent / "data"


@lru_cache(maxsize=None)
def lines(name: str) -> tuple[str, ...]:
    """Non-blank lines of quality/data/NAME, with `#` comment lines dropped."""
    path = DATA_DIR / name
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            out.append(line.rstrip("\n"))
    return tuple(out)


@lru_cache(maxsize=None)
def toml(name: str) -> dict:
    """quality/data/NAME parsed as TOML (thresholds and named word lists)."""
    with open(DATA_DIR / name, "rb") as fh:
        return tomllib.load(fh)


@lru_cache(maxsize=None)
def table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a tab-separated file with a header row (comment lines allowed before it)."""
    rows = [l.split("\t") for l in lines(name)]
    header = rows[0]
    return tuple(dict(zip(header, r + [""] * (len(header) - len(r)))) for r in rows[1:])
