"""Project configuration: `validate.toml`, or `[tool.validate]` in `pyproject.toml`.

Searched upward from each article's folder (in each folder `validate.toml` before `pyproject.toml`;
a `pyproject.toml` without `[tool.validate]` does not count); the nearest one wins, nothing is merged.
`--config FILE` uses that file for every article.

    rules = ["house-rules"]            # extra rule folders or files, relative to the config file
    lexicons = ["lexicons"]            # extra lexicon folders: their files add lines to built-in lexicons
    disable = ["unnamed-source"]       # rule ids
    replace = ["unsourced-statistic"]  # built-in rule ids that a rule of `rules` with the same id replaces
    include = ["**/*.md", "*.txt"]     # globs for files found in folders (default: every article suffix)
    exclude = ["drafts/**"]            # globs, relative to the config file; also applied to named files
    fail-on = "warning"                # error | warning | info | never (the --fail-on option wins)

    [severity]                         # rule id -> error | warning | info
    unbalanced-quote = "warning"

Every error is `path:line:col: problem` (tomllib gives no positions, so keys are found in the text).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from validator.errors import RuleError
from validator.globs import Glob, GlobError, compile_glob
from validator.settings_file import ParseError, SettingsFileError, parse_toml, read_settings

CONFIG_NAME = "validate.toml"
PYPROJECT = "pyproject.toml"
KEYS = ("rules", "lexicons", "disable", "replace", "severity", "include", "exclude", "fail-on")
SEVERITY_VALUES = ("error", "warning", "info")
FAIL_ON_VALUES = ("error", "warning", "info", "never")


class ConfigError(RuleError):
    """A configuration file that cannot be used: `path:line:col: problem`, exit code 2."""


@dataclass
class Config:
    path: Path | None = None           # None: no configuration file (built-in defaults)
    rules: list[Path] = field(default_factory=list)
    lexicons: list[Path] = field(default_factory=list)
    disable: list[str] = field(default_factory=list)
    replace: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    fail_on: str | None = None
    text: str = ""
    table: tuple[str, ...] = ()        # where the keys live: () in validate.toml, ("tool", "validate") in pyproject

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    @property
    def key(self) -> str:
        return str(self.path) if self.path else ""

    def where(self, key: str, sub: str | None = None) -> tuple[int, int]:
        return locate(self.text, self.table, key, sub)

    def error(self, message: str, key: str, sub: str | None = None) -> ConfigError:
        line, col = self.where(key, sub)
        return ConfigError(message, path=display(self.path), line=line, column=col)

    # -- file selection --------------------------------------------------------------------
    def excluded(self, path: Path) -> bool:
        if not self.exclude:   # no path to resolve (a folder of 100,000 articles: 100,000 resolves)
            return False
        rel = self._relative(path)
        return rel is not None and any(glob_match(g, rel) for g in self.exclude)

    def included(self, path: Path) -> bool:
        if not self.include:
            return True
        rel = self._relative(path)
        return rel is not None and any(glob_match(g, rel) for g in self.include)

    def _relative(self, path: Path) -> str | None:
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return None


# -- finding and loading ------------------------------------------------------------------------

_DIR_CACHE: dict[Path, Path | None] = {}


def find(start: Path) -> Path | None:
    """The nearest configuration file at or above `start` (a folder or a file's folder)."""
    folder = start if start.is_dir() else start.parent
    folder = folder.resolve()
    visited = []
    found: Path | None = None
    for d in (folder, *folder.parents):
        if d in _DIR_CACHE:
            found = _DIR_CACHE[d]
            break
        visited.append(d)
        candidate = d / CONFIG_NAME
        if _is_file(candidate):
            found = candidate
            break
        pyproject = d / PYPROJECT
        if _is_file(pyproject) and _has_tool_validate(pyproject):
            found = pyproject
            break
    for d in visited:
        _DIR_CACHE[d] = found
    return found


def _is_file(path: Path) -> bool:
    """A folder we may not list holds no configuration we can use (its articles fail on their own)."""
    try:
        return path.is_file()
    except OSError:
        return False


def clear_cache() -> None:
    _DIR_CACHE.clear()
    _LOADED.clear()


def _has_tool_validate(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return re.search(r"^\s*\[\s*tool\s*\.\s*validate\s*[\].]", text, re.M) is not None


_LOADED: dict[Path, Config] = {}


def load(path: Path) -> Config:
    path = Path(path)
    key = path.resolve()
    if key in _LOADED:
        return _LOADED[key]
    shown = display(path)
    try:
        text = read_settings(path)
    except SettingsFileError as e:
        reason = "no such configuration file" if e.missing else f"cannot use configuration: {e}"
        raise ConfigError(reason, path=shown, line=1, column=1) from None
    try:
        data = parse_toml(text)
    except ParseError as e:
        raise ConfigError(f"invalid TOML: {e.message}", path=shown, line=e.line, column=e.column) from None
    is_pyproject = path.name == PYPROJECT
    table: tuple[str, ...] = ("tool", "validate") if is_pyproject else ()
    if is_pyproject:
        data = data.get("tool", {}).get("validate", {})
        if not isinstance(data, dict):
            line, col = locate(text, ("tool",), "validate")
            raise ConfigError("[tool.validate] must be a table", path=shown, line=line, column=col)
    config = Config(path=path, text=text, table=table)
    _convert(config, data)
    _LOADED[key] = config
    return config


def for_file(article: str, explicit: Path | None = None) -> Config:
    """The configuration governing one article (`-`: the current folder)."""
    if explicit is not None:
        return load(explicit)
    found = find(Path.cwd() if article == "-" else Path(article))
    return load(found) if found else Config()


def display(path: Path) -> str:
    """A path as the user would write it: relative to the current folder when under it."""
    import os

    try:
        rel = os.path.relpath(Path(path).resolve(), Path.cwd().resolve())
    except ValueError:
        return str(path)
    return str(path) if rel.startswith("..") else rel


def _convert(config: Config, data: dict) -> None:
    for key in data:
        if key not in KEYS:
            raise config.error(f"unknown key '{key}' (known: {', '.join(KEYS)})", key)
    config.rules = _paths(config, data, "rules")
    config.lexicons = _paths(config, data, "lexicons")
    config.disable = _strings(config, data, "disable")
    config.replace = _strings(config, data, "replace")
    config.include = _strings(config, data, "include")
    config.exclude = _strings(config, data, "exclude")
    for key in ("include", "exclude"):
        for g in getattr(config, key):
            if g.startswith("/") or ".." in PurePosixPath(g).parts:
                raise config.error(f"{key} glob '{g}' escapes the configuration's folder", key)
            try:
                _glob(g)
            except GlobError as e:
                line, col = _find_string(config, g, key)
                raise ConfigError(f"{key} glob '{g}': {e}", path=display(config.path), line=line,
                                  column=col) from None
    severity = data.get("severity", {})
    if not isinstance(severity, dict):
        raise config.error("'severity' must be a table of rule id = \"error\" | \"warning\" | \"info\"", "severity")
    for rule, level in severity.items():
        if level not in SEVERITY_VALUES:
            raise config.error(f"severity of '{rule}' must be one of {', '.join(SEVERITY_VALUES)}, not {level!r}",
                               "severity", rule)
    config.severity = dict(severity)
    fail_on = data.get("fail-on")
    if fail_on is not None and fail_on not in FAIL_ON_VALUES:
        raise config.error(f"'fail-on' must be one of {', '.join(FAIL_ON_VALUES)}, not {fail_on!r}", "fail-on")
    config.fail_on = fail_on


def _strings(config: Config, data: dict, key: str) -> list[str]:
    value = data.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise config.error(f"'{key}' must be a list of strings", key)
    return list(value)


def _paths(config: Config, data: dict, key: str) -> list[Path]:
    root = config.root.resolve()
    out = []
    for raw in _strings(config, data, key):
        try:
            p = (root / raw).resolve()
        except (OSError, RuntimeError, ValueError) as e:  # a NUL character, a loop of links
            raise config.error(f"'{key}' path '{raw}' cannot be used ({e})", key) from None
        if not p.is_relative_to(root):
            raise config.error(f"'{key}' path '{raw}' escapes the configuration's folder", key)
        if not p.exists():
            raise config.error(f"'{key}' path '{raw}' does not exist", key)
        out.append(p)
    return out


def check_rule_ids(config: Config, known: set[str]) -> None:
    """A rule id in `disable` or `severity` that no loaded rule has is a typo: say where."""
    for rule in config.disable:
        if rule not in known:
            line, col = _find_string(config, rule, "disable")
            raise ConfigError(f"unknown rule '{rule}' in 'disable'", path=display(config.path), line=line,
                              column=col)
    for rule in config.severity:
        if rule not in known:
            raise config.error(f"unknown rule '{rule}' in 'severity'", "severity", rule)


def _find_string(config: Config, value: str, key: str) -> tuple[int, int]:
    line, col = config.where(key)
    lines = config.text.splitlines()
    for i in range(line - 1, len(lines)):
        for quote in ('"', "'"):
            j = lines[i].find(f"{quote}{value}{quote}")
            if j >= 0:
                return i + 1, j + 1
    return line, col


# -- positions ------------------------------------------------------------------------------------

_HEADER = re.compile(r"^\s*\[\[?\s*(?P<name>[^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(r"""^\s*(?P<key>"[^"]*"|'[^']*'|[A-Za-z0-9_-]+(?:\s*\.\s*(?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+))*)\s*=""")


def _split_key(raw: str) -> tuple[str, ...]:
    parts = re.findall(r""""([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+)""", raw)
    return tuple(a or b or c for a, b, c in parts)


def locate(text: str, table: tuple[str, ...], key: str, sub: str | None = None) -> tuple[int, int]:
    """1-based line and column where `key` (or `key.sub`) of `table` is written: as `key = ...`,
    a dotted key, or a `[table.key]` header; else the nearest enclosing one; else (1, 1)."""
    want = (*table, key) + ((sub,) if sub else ())
    current: tuple[str, ...] = ()
    nearest = None
    for n, line in enumerate(text.splitlines(), 1):
        k = _KEY.match(line)
        h = None if k else _HEADER.match(line)
        if h:
            current = _split_key(h.group("name"))
            full, col = current, 1
            if len(current) > len(table):
                col = max(line.find(current[len(table)]), line.find("[")) + 1
        elif k:
            full, col = current + _split_key(k.group("key")), k.start("key") + 1
        else:
            continue
        if full[:len(want)] == want:
            return n, col
        if nearest is None and len(full) > len(table) and want[:len(full)] == full:
            nearest = (n, col)
    return nearest or (1, 1)


# -- globs --------------------------------------------------------------------------------------------

_GLOB_CACHE: dict[str, Glob] = {}


def glob_match(pattern: str, rel_path: str) -> bool:
    """gitignore-like (validator.globs), in time linear in the path whatever the pattern."""
    return _glob(pattern).match(rel_path)


def _glob(pattern: str) -> Glob:
    g = _GLOB_CACHE.get(pattern)
    if g is None:
        g = _GLOB_CACHE[pattern] = compile_glob(pattern)
    return g
