"""Extraction decisions as named token patterns (rules/patterns/*.pattern): the language
(`language`), the matcher and its one conflict filter (`matcher`), word-shape predicates (`shapes`)."""
from __future__ import annotations

from pathlib import Path

from validator.errors import RuleError
from validator.extract.patterns.language import Pattern, parse_patterns
from validator.extract.patterns.shapes import SHAPES
from validator.paths import builtin_rules_dir


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
        for p in parse_patterns(text, str(path), lexicon_names, set(SHAPES)):
            if p.id in seen:
                line = int(p.source.rsplit(":", 1)[1])
                raise RuleError(f"pattern id '{p.id}' is already used at {seen[p.id]}", path=str(path),
                                line=line, column=1)
            seen[p.id] = p.source
            out.append(p)
    return out


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
