"""Configuration: defaults, then a config file, then command-line flags (last wins).

Precedence, written down once:
  1. DEFAULTS below;
  2. the first of `quality.toml` (top level) or `pyproject.toml` (`[tool.quality]`) found in
     the current directory or its parents, or the file given with `--config`;
  3. command-line flags.
An unknown key or a bad value raises ConfigError naming the file and the key.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any, Optional

from .model import Severity
from .readers import InputError, read_regular, shown

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore


class ConfigError(ValueError):
    """The configuration cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()          # codes, names or family prefixes; empty = all rules
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()  # (code-or-prefix, severity) overrides
    fail_on: str = "warning"              # lowest severity that makes `lint` exit 1
    min_score: Optional[float] = None
    lang: str = "en"                      # the language documents are expected to be in
    gazetteer: tuple[str, ...] = ()       # extra gazetteer files
    builtin_gazetteer: bool = True
    corpus: bool = True                   # cross-document pass when more than one document
    follow_symlinks: bool = False         # read symbolic links out of the folders given
    max_findings: int = 1000              # per document; the rest are counted in one IN03
    max_document_size: int = 2_000_000    # characters; longer documents are audited in windows
    extensions: tuple[str, ...] = (".txt", ".md")
    text_field: str = "text"              # for .jsonl/.csv inputs
    id_field: str = "id"
    accept: tuple[str, ...] = ()          # forms never flagged (suppression.py)
    accept_file: Optional[str] = None     # a file of such forms, one per line
    per_path_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (glob, selectors)
    baseline: Optional[str] = None        # report only findings this baseline lacks
    unsafe_fixes: bool = False            # `quality fix` applies unsafe fixes too
    extend_safe_fixes: tuple[str, ...] = ()    # rules whose fixes count as safe
    extend_unsafe_fixes: tuple[str, ...] = ()  # rules whose fixes count as unsafe (wins)

    def with_overrides(self, **kwargs) -> "Config":
        clean = {k: v for k, v in kwargs.items() if v is not None}
        return validate(replace(self, **clean), "command line")


DEFAULTS = Config()
_KEYS = {f.name.replace("_", "-"): f.name for f in fields(Config)}


def _as_tuple(value: Any, key: str, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [v for v in value.replace(",", " ").split() if v]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: '{key}' must be a list of strings")
    return tuple(value)


def validate(cfg: Config, where: str) -> Config:
    try:
        Severity.parse(cfg.fail_on)
    except ValueError as exc:
        raise ConfigError(f"{where}: 'fail-on': {exc}") from None
    for code, sev in cfg.severity:
        try:
            Severity.parse(sev)
        except ValueError as exc:
            raise ConfigError(f"{where}: 'severity' for {code}: {exc}") from None
    if cfg.min_score is not None and not (0 <= cfg.min_score <= 100):
        raise ConfigError(f"{where}: 'min-score' must be between 0 and 100")
    if cfg.max_document_size and cfg.max_document_size < 1000:
        raise ConfigError(f"{where}: 'max-document-size' must be at least 1000 characters "
                          "(0 for no limit)")
    for ext in cfg.extensions:
        if not (isinstance(ext, str) and len(ext) > 1 and ext.startswith(".")
                and "/" not in ext and not ext[1:].startswith(".")):
            raise ConfigError(f"{where}: 'extensions' must be file suffixes such as \".txt\", "
                              f"got {shown(ext)}")
    lang = normalise_lang(cfg.lang)
    if lang is None:
        raise ConfigError(f"{where}: 'lang' must be a language code such as en, de or pt-BR, "
                          f"got {shown(cfg.lang)}")
    return cfg if lang == cfg.lang else replace(cfg, lang=lang)


def normalise_lang(code: str) -> Optional[str]:
    """'EN', 'en-GB', 'en_US' -> 'en'; None when it is not an ISO 639-1 code."""
    base = str(code).strip().lower().replace("_", "-").split("-")[0]
    return base if len(base) == 2 and base.isascii() and base.isalpha() else None


def from_mapping(data: dict, where: str, base: Config = DEFAULTS) -> Config:
    values: dict[str, Any] = {}
    for key, value in data.items():
        attr = _KEYS.get(key) or _KEYS.get(key.replace("_", "-"))
        if attr is None:
            raise ConfigError(
                f"{where}: unknown key '{key}' (expected one of {', '.join(sorted(_KEYS))})")
        if attr in ("select", "ignore", "gazetteer", "extensions", "accept",
                    "extend_safe_fixes", "extend_unsafe_fixes"):
            value = _as_tuple(value, key, where)
        elif attr == "per_path_ignores":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: 'per-path-ignores' must be a table of "
                                  '"glob" = ["CODE", ...]')
            value = tuple((str(k), _as_tuple(v, f"per-path-ignores.{k}", where))
                          for k, v in value.items())
        elif attr == "severity":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: 'severity' must be a table of CODE = \"severity\"")
            value = tuple(sorted((str(k), str(v)) for k, v in value.items()))
        elif attr in ("builtin_gazetteer", "corpus", "follow_symlinks", "unsafe_fixes"):
            if not isinstance(value, bool):
                raise ConfigError(f"{where}: '{key}' must be true or false")
        elif attr in ("max_findings", "max_document_size"):
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise ConfigError(f"{where}: '{key}' must be a whole number, 0 for no limit")
        elif attr == "min_score":
            if not isinstance(value, (int, float)) or isinstance(value, bool):
                raise ConfigError(f"{where}: 'min-score' must be a number")
            value = float(value)
        elif not isinstance(value, str):
            raise ConfigError(f"{where}: '{key}' must be a string")
        values[attr] = value
    return validate(replace(base, **values), where)


def find_config_file(start: Path) -> Optional[Path]:
    """The nearest quality.toml, or pyproject.toml with a [tool.quality] table, from `start`
    up. A folder that cannot be searched (no permission) is passed over, not an error."""
    try:
        start = start.resolve()
    except OSError:
        return None
    for directory in (start, *start.parents):
        q = directory / "quality.toml"
        if _is_file(q):
            return q
        p = directory / "pyproject.toml"
        if _is_file(p) and _pyproject_section(p) is not None:
            return p
    return None


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:
        return False


def _pyproject_section(path: Path) -> Optional[dict]:
    """The [tool.quality] table of a pyproject.toml, None when it has none. A pyproject.toml
    that mentions [tool.quality] but cannot be read is an error, not a silent default."""
    try:
        raw = read_regular(path).decode("utf-8")
    except (OSError, InputError, UnicodeDecodeError):
        return None
    try:
        data = tomllib.loads(raw)
    except (tomllib.TOMLDecodeError, RecursionError) as exc:
        if "tool.quality" in raw:
            raise ConfigError(f"{path}: invalid TOML: {_toml_problem(exc)}") from None
        return None
    tool = data.get("tool", {})
    section = tool.get("quality") if isinstance(tool, dict) else None
    if section is not None and not isinstance(section, dict):
        raise ConfigError(f"{path}: [tool.quality] must be a table")
    return section


def _toml_problem(exc: Exception) -> str:
    return "nested too deeply" if isinstance(exc, RecursionError) else str(exc)


def load(path: Optional["str | Path"] = None, search_from: "str | Path" = ".") -> Config:
    """The configuration from `path`, or from the nearest config file, or the defaults."""
    if path is None:
        found = find_config_file(Path(search_from))
        if found is None:
            return DEFAULTS
        path = found
    path = Path(path)
    try:
        raw = read_regular(path).decode("utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config ({exc.strerror or exc})") from None
    except InputError as exc:
        raise ConfigError(f"{path}: cannot read config ({exc})") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: config is not UTF-8 text") from None
    try:
        data = tomllib.loads(raw)
    except (tomllib.TOMLDecodeError, RecursionError) as exc:
        raise ConfigError(f"{path}: invalid TOML: {_toml_problem(exc)}") from None
    if path.name == "pyproject.toml":
        data = _pyproject_section(path) or {}
        where = f"{path} [tool.quality]"
    else:
        where = str(path)
    cfg = from_mapping(data, where)
    # Relative paths and path patterns in a config file are relative to its folder.
    base = path.parent
    here = lambda g: g if Path(g).is_absolute() else str(base / g)  # noqa: E731
    return replace(
        cfg, gazetteer=tuple(here(g) for g in cfg.gazetteer),
        accept_file=cfg.accept_file and here(cfg.accept_file),
        baseline=cfg.baseline and here(cfg.baseline),
        per_path_ignores=tuple(
            (os.path.abspath(here(p)).replace(os.sep, "/") if "/" in p.rstrip("/") else p, sel)
            for p, sel in cfg.per_path_ignores))
