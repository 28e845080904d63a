"""The token-pattern language (rules/patterns/*.pattern): parsing, matching, the conflict filter."""
from __future__ import annotations

import pytest

from validator.errors import RuleError
from validator.extract.patterns import load_patterns, run_pattern_examples
from validator.extract.patterns.language import parse_patterns
from validator.extract.patterns.matcher import ArticlePatterns, resolve
from validator.extract.patterns.shapes import SHAPES

LEXICONS = {"titles", "given-names", "stopwords", "reporting-forms", "market-terms"}


def parse(text: str):
    return parse_patterns(text, "t.pattern", LEXICONS, set(SHAPES))


def context(validator, text: str):
    from validator import document
    from validator.extract.context import Context
    from validator.text.normalize import normalize
    from validator.text.tokens import tokenize

    doc = document.build(text, "-")
    norm = normalize(doc.text)
    return Context(doc, norm, tokenize(norm.text), validator.resources)


def spans(validator, text: str, patterns_text: str, label: str = "x") -> list[tuple[str, str]]:
    """(pattern id, proposed span as written) of the resolved matches in a text."""
    ctx = context(validator, text)
    found = ArticlePatterns(ctx, parse(patterns_text)).find(label)
    return [(m.pattern.id, ctx.original_text(ctx.tokens[m.span_start].start, ctx.tokens[m.span_end - 1].end))
            for m in found]


@pytest.mark.parametrize("text, line, column, message", [
    ("pattern a\n  label x\n  match (word no-such) \":\"\n", 3, 3, "unknown lexicon 'no-such'"),
    ("pattern a\n  label x\n  match [shape roundish]\n", 3, 3, "unknown shape 'roundish'"),
    ("pattern a\n  match punct\n", 1, 1, "pattern 'a' has no label"),
    ("pattern a\n  label x\n  match punct{3,1}\n", 3, 3, "the least is more than the most"),
    ("pattern a\n  label x\n  match (punct) (any)\n", 3, 3, "one parenthesized group at most"),
    ("pattern a\n  label x\n  priority high\n", 3, 12, "cannot read pattern"),
])
def test_a_broken_pattern_fails_with_its_position(text, line, column, message):
    with pytest.raises(RuleError) as info:
        parse(text)
    assert (info.value.line, info.value.column) == (line, column) and message in info.value.message


def test_a_pattern_id_used_twice_fails(tmp_path):
    (tmp_path / "a.pattern").write_text("pattern p\n  label x\n  match any\n", encoding="utf-8")
    (tmp_path / "b.pattern").write_text("\npattern p\n  label x\n  match any\n", encoding="utf-8")
    with pytest.raises(RuleError, match="pattern id 'p' is already used at a.pattern:1") as info:
        load_patterns(LEXICONS, tmp_path)
    assert info.value.line == 2


def test_group_quantifiers_negation_and_conjunction(validator):
    patterns = """
pattern title-name
  label x
  match [word titles] (not punct{1,2}) ":"
"""
    assert spans(validator, "وقال الوزير خالد الفالح: «سنرفع الإنتاج»", patterns) == [("title-name", "خالد الفالح")]
    assert spans(validator, "وقال الوزير: «سنرفع الإنتاج»", patterns) == []
    optional = "pattern o\n  label x\n  match \"قال\" \"الوزير\"? (any)\n"
    assert spans(validator, "قال الوزير إن", optional) == [("o", "إن")]
    assert spans(validator, "قال إن", optional) == [("o", "إن")]


def test_the_conflict_filter_prefers_priority_then_length_then_the_leftmost(validator):
    patterns = """
pattern short-high
  label x
  priority 5
  match ("الوزير")
pattern long-low
  label x
  match ("قال" "الوزير" "خالد")
pattern long-low-later
  label x
  match ("خالد" "الفالح")
"""
    # short-high wins its overlap with long-low although shorter; long-low-later does not overlap it
    assert spans(validator, "قال الوزير خالد الفالح", patterns) == [("short-high", "الوزير"),
                                                                    ("long-low-later", "خالد الفالح")]
    assert resolve([]) == []


def test_matches_found_around_a_token_are_the_whole_articles(validator):
    patterns = """
pattern verb-title
  label x
  match ("كان" "قال" "الوزير")
pattern title-name
  label x
  match ("الوزير" "خالد")
pattern name-that
  label x
  match ("الفالح" "إن")
"""
    ctx = context(validator, "كان قال الوزير خالد الفالح إن الإنتاج زاد")
    whole = ArticlePatterns(ctx, parse(patterns))
    assert [m.pattern.id for m in whole.find("x")] == ["verb-title", "name-that"]
    for i in range(-1, len(ctx.tokens) + 1):
        # around token 5, title-name (tokens 2-3) starts in reach but loses to verb-title, which starts before
        near = ArticlePatterns(ctx, parse(patterns)).find_reaching("x", i)
        assert near == [m for m in whole.find("x") if i - 3 <= m.start <= i], i


def test_builtin_pattern_examples_pass_and_a_wrong_example_fails(validator, monkeypatch):
    failures, total = run_pattern_examples(validator.resources)
    assert total >= 8 and failures == []
    wrong = parse('pattern speaker-colon-verb\n  label speaker-before-colon\n  match (word reporting-forms) ":"\n'
                  '  pass "وقال: «لن نتراجع»"\n')
    monkeypatch.setitem(validator.resources.__dict__, "patterns", wrong)
    failures, _ = run_pattern_examples(validator.resources)
    assert len(failures) == 1 and "pass example matched at 'وقال'" in failures[0]
