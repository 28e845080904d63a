"""docs/patterns.md: every worked example (a fenced `example` block) is run, before and after its
data edit, so the guide cannot drift from what the validator does."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from validator.app import Options, Validator
from validator.extract.patterns import builtin_patterns_dir, load_patterns

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "patterns.md"
_BLOCK = re.compile(r"```example\n(.*?)```", re.S)


def examples() -> list[dict]:
    out = []
    for block in _BLOCK.findall(GUIDE.read_text(encoding="utf-8")):
        fields: dict[str, str] = {}
        key = None
        for line in block.splitlines():
            if line.startswith("  ") and key:
                fields[key] += line[2:] + "\n"
            else:
                key, _, value = line.partition(": ")
                key = key.rstrip(":")
                fields[key] = value + ("\n" if value else "")
        out.append({k: v.strip() if k != "add" else v for k, v in fields.items()})
    return out


def outcome(validator: Validator, text: str, expect: str) -> bool:
    """`rule-id`, `no rule-id` or `quote=KIND` (the first quotation's kind) holds for the text."""
    if expect.startswith("quote="):
        quotes = validator.extract_text(text).quotes
        return bool(quotes) and quotes[0].kind == expect.removeprefix("quote=")
    rule = expect.removeprefix("no ")
    fired = any(f.rule == rule for f in validator.validate_text(text).findings)
    return fired != expect.startswith("no ")


def edited(example: dict, tmp_path: Path) -> Validator:
    """A validator that sees the example's edit: an added lexicon line through an extra lexicon folder
    (its lines add to the built-in lexicon, as an edit of the file does), an added pattern through a
    copy of the built-in pattern folder."""
    kind, name = example["file"].split("/")
    if kind == "lexicons":
        (tmp_path / name).write_text(example["add"], encoding="utf-8")
        return Validator(Options(lexicon_paths=[tmp_path]))
    folder = tmp_path / "patterns"
    shutil.copytree(builtin_patterns_dir(), folder)
    path = folder / name
    path.write_text((path.read_text(encoding="utf-8") if path.exists() else "") + "\n" + example["add"],
                    encoding="utf-8")
    validator = Validator()
    validator.resources.__dict__["patterns"] = load_patterns(set(validator.resources.matchable), folder)
    return validator


EXAMPLES = examples()


def test_the_guide_has_the_four_worked_examples():
    assert [e["file"].split("/")[0] for e in EXAMPLES] == ["lexicons", "lexicons", "patterns", "patterns"]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["file"] for e in EXAMPLES])
def test_worked_example(example, validator, tmp_path):
    assert outcome(validator, example["article"], example["before"]), f"before the edit: {example['before']}"
    after = edited(example, tmp_path)
    assert outcome(after, example["article"], example["after"]), f"after the edit: {example['after']}"
    if example["file"].startswith("patterns/"):
        from validator.extract.patterns import run_pattern_examples

        failures, _ = run_pattern_examples(after.resources)
        assert failures == []  # the new pattern's own flag/pass examples hold
