"""Extraction decisions as named token patterns (rules/patterns/*.pattern): the language
(`language`), the matcher and its one conflict filter (`matcher`), word-shape predicates (`shapes`)."""
from __future__ import annotations

import hashlib
from pathlib import Path

from validator.errors import RuleError
from validator.extract.patterns import model
from validator.extract.patterns.model import Pattern
from validator.extract.patterns.shapes import SHAPES
from validator.paths import builtin_rules_dir

# Parsed patterns are cached as JSON beside the parsed rules (validator/rules/loader.py), so a run
# whose pattern files did not change imports no pyparsing.
_CACHE_FORMAT = "patterns-json-1"
_CLASSES = {cls.__name__: cls for cls in (model.Test, model.Element, model.Example, model.Pattern)}
_version: str | None = None


def builtin_patterns_dir() -> Path:
    return builtin_rules_dir() / "patterns"


def load_patterns(lexicon_names: set[str], folder: Path | None = None) -> list[Pattern]:
    """Every `*.pattern` file of a folder (the built-in one by default), in name order; a pattern id
    used twice fails with file:line:col."""
    folder = folder or builtin_patterns_dir()
    out: list[Pattern] = []
    seen: dict[str, str] = {}
    for path in sorted(folder.glob("*.pattern")):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise RuleError(f"cannot read pattern file ({e})", path=str(path), line=1, column=1) from None
        for p in _parsed(text, path, lexicon_names):
            if p.id in seen:
                line = int(p.source.rsplit(":", 1)[1])
                raise RuleError(f"pattern id '{p.id}' is already used at {seen[p.id]}", path=str(path),
                                line=line, column=1)
            seen[p.id] = p.source
            out.append(p)
    return out


def _language_version() -> str:
    """A hash of the pattern language's sources: a changed grammar, model or shape invalidates the cache."""
    global _version
    if _version is None:
        h = hashlib.sha256(_CACHE_FORMAT.encode())
        here = Path(__file__).resolve().parent
        for name in ("language.py", "model.py", "shapes.py"):
            h.update((here / name).read_bytes())
        _version = h.hexdigest()
    return _version


def _parsed(text: str, path: Path, lexicon_names: set[str]) -> list[Pattern]:
    from validator.rules.loader import _cache_get, _cache_key, _cache_put

    key = _cache_key(text.encode("utf-8"), str(path), lexicon_names, _language_version())
    cached = _cache_get(key, _CLASSES, _CACHE_FORMAT, Pattern)
    if cached is not None:
        return cached
    from validator.extract.patterns.language import parse_patterns

    patterns = parse_patterns(text, str(path), lexicon_names, set(SHAPES))
    _cache_put(key, patterns, _CLASSES, _CACHE_FORMAT)
    return patterns


def run_pattern_examples(resources) -> tuple[list[str], int]:
    """Each pattern's `flag` examples must give a match of that pattern that survives the conflict
    filter, its `pass` examples none. (failures as file:line:col lines, number of examples)"""
    from validator import document
    from validator.extract.context import Context
    from validator.text.normalize import normalize
    from validator.text.tokens import tokenize

    folder = builtin_patterns_dir()
    failures: list[str] = []
    total = 0
    for p in resources.patterns:
        for ex in p.examples:
            total += 1
            doc = document.build(ex.text, f"<example of {p.id}>")
            norm = normalize(doc.text)
            ctx = Context(doc, norm, tokenize(norm.text), resources)
            found = [m for m in ctx.patterns.find(p.label) if m.pattern is p]
            where = f"{folder / p.source.rsplit(':', 1)[0]}:{ex.line}:{ex.column}"
            if ex.expect_match and not found:
                failures.append(f"{where}: FAIL {p.id}: expected a match in flag example: {ex.text}")
            elif not ex.expect_match and found:
                failures.append(f"{where}: FAIL {p.id}: pass example matched at "
                                f"'{ctx.original_text(ctx.tokens[found[0].span_start].start, ctx.tokens[found[0].span_end - 1].end)}': {ex.text}")
    return failures, total
