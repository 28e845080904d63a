"""Words are data: no Arabic letters in validator/**/*.py outside docstrings and comments.

Word lists and literals belong in lexicons (rules/lexicons/) and patterns, where an editor can see and
extend them. Modules not yet converted have a budget (their count when this test was written) that may
only go down; every other module, and any new one, must have none."""
from __future__ import annotations

import ast
import io
import tokenize
import unicodedata
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "validator"

# Arabic-letter string literals allowed in code, per module: none is left. A new word belongs in a
# lexicon (validator.extract.wordclasses.word_class reads a class of one, affix/affixes the letters of
# rules/lexicons/affixes.txt) or a pattern; a budget here is only for a literal that cannot be data,
# with the reason in the commit.
BUDGET: dict[str, int] = {}


def _has_arabic_letter(s: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" and unicodedata.category(ch).startswith("L") for ch in s)


def arabic_literals(path: Path) -> list[int]:
    """Line numbers of string literals with an Arabic letter that are not docstrings."""
    source = path.read_text(encoding="utf-8")
    docstrings = {(n.value.lineno, n.value.col_offset) for n in ast.walk(ast.parse(source))
                  if isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant) and isinstance(n.value.value, str)}
    return [tok.start[0] for tok in tokenize.generate_tokens(io.StringIO(source).readline)
            if tok.type == tokenize.STRING and tok.start not in docstrings and _has_arabic_letter(tok.string)]


def test_no_arabic_literals_beyond_the_budget():
    over = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        lines = arabic_literals(path)
        if len(lines) > BUDGET.get(rel, 0):
            over.append(f"validator/{rel}: {len(lines)} Arabic literals (budget {BUDGET.get(rel, 0)}), "
                        f"lines {lines[:10]}")
    assert not over, ("words belong in data: add them to a lexicon in rules/lexicons/ and read them with "
                      "validator.extract.wordclasses.word_class, or to a pattern in rules/patterns/:\n"
                      + "\n".join(over))


def test_the_check_sees_a_literal_and_skips_docstrings_and_comments(tmp_path):
    p = tmp_path / "m.py"
    p.write_text('"""قال"""\nx = "قال"  # قال\ndef f():\n    """قال"""\n    return "،"\n', encoding="utf-8")
    assert arabic_literals(p) == [2]
