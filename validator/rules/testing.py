"""A rule's examples are its tests: each `flag` text must give the rule a finding, each `pass` none."""
from __future__ import annotations

from validator.errors import RuleError


def run_examples(validator, only_files: set[str] | None = None) -> tuple[list[str], int]:
    """Every example of the validator's rules (of those defined in `only_files`, resolved paths, if given)."""
    from pathlib import Path

    from validator.feed import example_findings
    from validator.rules.engine import is_feed_rule

    failures: list[str] = []
    total = 0
    for rule in validator.rules:
        if only_files is not None and str(Path(rule.where.path).resolve()) not in only_files:
            continue
        for ex in rule.examples:
            total += 1
            article = validator.extract_text(ex.text, path=f"<example of {rule.id}>")
            try:
                if is_feed_rule(rule):   # its stories, separated by a line ---, are one feed
                    found = example_findings(validator, rule, ex.text)
                else:
                    found = validator.engine.run(article, [rule])
            except RuleError as e:  # a pattern that timed out: report it as this example's failure
                failures.append(f"{ex.where.path}:{ex.where.line}:{ex.where.column}: FAIL {rule.id}: "
                                f"{e.one_line()}")
                continue
            if ex.expect_flag and not found:
                failures.append(f"{ex.where.path}:{ex.where.line}:{ex.where.column}: FAIL {rule.id}: "
                                f"expected a finding in flag example: {ex.text}")
            elif not ex.expect_flag and found:
                spans = ", ".join(f"'{f.location.text}'" for f in found)
                failures.append(f"{ex.where.path}:{ex.where.line}:{ex.where.column}: FAIL {rule.id}: "
                                f"pass example was flagged at {spans}: {ex.text}")
    return failures, total
