"""Output oracle for behaviour-preserving refactors: every fixture and every SaudiNewsNet day-file
article, extracted (`validate extract --format json`) and validated (`validate --format json`), one
JSON line each, written to a file outside the repo. Run before and after a change and compare:

    uv run python -m benchmarks.oracle /tmp/before.jsonl
    ... change ...
    uv run python -m benchmarks.oracle /tmp/after.jsonl && cmp /tmp/before.jsonl /tmp/after.jsonl

Lexicon references (`titles.txt:57`) are written as the entry they name (`titles.txt:=الرئيس`), so
moving lines inside a lexicon file does not show as a difference; a different entry still does.
"""
from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from benchmarks.corpus import ROOT, articles


_LEXICON_REF = re.compile(r"([\w.-]+\.txt):(\d+)")


def _entry_texts() -> dict[str, list[str]]:
    """lexicon file name -> its lines, to write a reference as the entry it names."""
    from validator.text.lexicon import BUILTIN_DIR

    return {p.name: p.read_text(encoding="utf-8").splitlines() for p in BUILTIN_DIR.glob("*.txt")}


def _by_entry(value, lines: dict[str, list[str]]):
    if isinstance(value, str):
        def entry(m: re.Match) -> str:
            file_lines = lines.get(m.group(1))
            n = int(m.group(2))
            if file_lines is None or not 0 < n <= len(file_lines):
                return m.group(0)
            return m.group(1) + ":=" + file_lines[n - 1].split("|")[0].strip()
        return _LEXICON_REF.sub(entry, value)
    if isinstance(value, list):
        return [_by_entry(v, lines) for v in value]
    if isinstance(value, dict):
        return {k: _by_entry(v, lines) for k, v in value.items()}
    return value


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.oracle", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("output", metavar="OUTPUT.jsonl", help="file to write (outside the repo)")
    output = parser.parse_args().output
    from validator.app import Validator
    from validator.paths import articles_in
    from validator.extract.serialize import article_to_json

    validator = Validator()
    fixtures = [str(getattr(p, "path", p)) for p in articles_in(ROOT / "fixtures")]
    lines = _entry_texts()
    with open(output, "w", encoding="utf-8") as out:
        def emit(path: str, article, result) -> None:
            record = {"path": path, "extract": article_to_json(article), "validate": result.to_json()}
            out.write(json.dumps(_by_entry(record, lines), ensure_ascii=False) + "\n")

        for path in fixtures:
            rel = str(Path(path).relative_to(ROOT))
            emit(rel, validator.extract_file(path), validator.validate_file(path))
        for i, text in enumerate(articles()):
            path = f"saudinewsnet/{i}"
            emit(path, validator.extract_text(text, path), validator.validate_text(text, path))


if __name__ == "__main__":
    main()
