"""Output oracle for behaviour-preserving refactors: every fixture and every SaudiNewsNet day-file
article, extracted (`validate extract --format json`) and validated (`validate --format json`), one
JSON line each, written to a file outside the repo. Run before and after a change and compare:

    uv run python -m benchmarks.oracle /tmp/before.jsonl
    ... change ...
    uv run python -m benchmarks.oracle /tmp/after.jsonl && cmp /tmp/before.jsonl /tmp/after.jsonl
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from benchmarks.corpus import ROOT, articles


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: python -m benchmarks.oracle OUTPUT.jsonl")
    from validator.app import Validator, expand_paths
    from validator.extract.serialize import article_to_json

    validator = Validator()
    fixtures = expand_paths([str(ROOT / "fixtures")])
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        def emit(path: str, article, result) -> None:
            out.write(json.dumps({"path": path, "extract": article_to_json(article),
                                  "validate": result.to_json()}, ensure_ascii=False) + "\n")

        for path in fixtures:
            rel = str(Path(path).relative_to(ROOT))
            emit(rel, validator.extract_file(path), validator.validate_file(path))
        for i, text in enumerate(articles()):
            path = f"saudinewsnet/{i}"
            emit(path, validator.extract_text(text, path), validator.validate_text(text, path))


if __name__ == "__main__":
    main()
