"""The rule language in-process: parsing (English and Arabic keywords, comments, strings, patterns), the
linter's errors, and the engine's operators on small articles written for these tests."""
from __future__ import annotations

import dataclasses
import time

import pytest

from validator.errors import RuleError
from validator.rules import model as m
from validator.rules.engine import Engine, RulePatternTimeout
from validator.rules.fields import FIELDS
from validator.rules.loader import load_text


def load(text: str, lexicons: set[str] | None = None) -> list[m.Rule]:
    return load_text(text, "t.rule", lexicons)


def one(text: str, lexicons: set[str] | None = None) -> m.Rule:
    rules = load(text, lexicons)
    assert len(rules) == 1
    return rules[0]


def shape(obj):
    """A rule as plain data without source positions, so two spellings of one rule compare equal."""
    if dataclasses.is_dataclass(obj):
        return (type(obj).__name__,) + tuple(
            (f.name, shape(getattr(obj, f.name))) for f in dataclasses.fields(obj) if f.name != "where" and f.compare)
    if isinstance(obj, (list, tuple)):
        return tuple(shape(x) for x in obj)
    if isinstance(obj, dict):
        return tuple(sorted((k, shape(v)) for k, v in obj.items()))
    return obj


def rule(select: str, require: str = "forbid", message: str = "m {text}") -> str:
    return f'rule r\n  category c\n  severity info\n  message en "{message}"\n  {select}\n  {require}\n'


@pytest.fixture(scope="session")
def findings(validator):
    """`findings(rule_text, article_text)` → the rule's findings on that article."""
    def run(rule_text: str, text: str):
        rules = load(rule_text, set(validator.lexicons.names))
        return Engine(rules, validator.lexicons, "en").run(validator.extract_text(text, "t.txt"))
    return run


# -- Arabic keywords ---------------------------------------------------------------------------------

ENGLISH = '''
rule casualty-check
  category unsourced-number
  severity error
  description "d"
  message ar "رقم {value} بلا مصدر"
  message en "Figure {value} has no source"
  for each number where (category = casualty or category in (people, "money")) and not in_headline
    and noun not in lexicon currencies and text matches "\\d+"
  require source within paragraph
  flag "وقتل 9 أشخاص في حادث سير على الطريق الصحراوي."
  pass "وقتل 9 أشخاص في حادث سير، بحسب إدارة المرور."
  tags numbers, sources

rule value-check
  category inconsistent-number
  severity warning
  message en "{value} vs {other}"
  for each number where category in (casualty, people)
  require consistent value by category, noun_type, source tolerance 2% factor 4

rule style-check
  category house-style
  severity info
  message en "use {suggestion}"
  for each sentence where text matches "تليفون"
  forbid suggest "هاتف"

rule title-check
  category inconsistent-title
  severity error
  message en "{name}"
  for each entity where kind = person
  require consistent titles

rule quote-check
  category unnamed-speaker
  severity warning
  message en "q"
  for each quote where kind = speech
  require speaker and speaker.kind != unnamed or words <= 3
'''

ARABIC = '''
قاعدة casualty-check
  فئة unsourced-number
  خطورة خطأ
  وصف "d"
  رسالة عربي "رقم {value} بلا مصدر"
  رسالة إنجليزي "Figure {value} has no source"
  لكل رقم حيث (category = casualty أو category في (people, "money")) و لا in_headline
    و noun ليس في معجم currencies و text يطابق "\\d+"
  يتطلب مصدر ضمن الفقرة
  مخالف "وقتل 9 أشخاص في حادث سير على الطريق الصحراوي."
  سليم "وقتل 9 أشخاص في حادث سير، بحسب إدارة المرور."
  وسوم numbers, sources

قاعدة value-check
  فئة inconsistent-number
  خطورة تحذير
  رسالة إنجليزي "{value} vs {other}"
  لكل رقم حيث category في (casualty, people)
  يتطلب متسق value حسب category, noun_type, source تسامح 2% معامل 4

قاعدة style-check
  فئة house-style
  خطورة ملاحظة
  رسالة إنجليزي "use {suggestion}"
  لكل جملة حيث text يطابق "تليفون"
  يمنع اقتراح "هاتف"

قاعدة title-check
  فئة inconsistent-title
  خطورة خطأ
  رسالة إنجليزي "{name}"
  لكل كيان حيث kind = person
  يتطلب اتساق titles

قاعدة quote-check
  فئة unnamed-speaker
  خطورة تحذير
  رسالة إنجليزي "q"
  لكل اقتباس حيث kind = speech
  يتطلب speaker و speaker.kind != unnamed أو words <= 3
'''


def test_arabic_keywords_parse_to_the_same_rules_as_english():
    english, arabic = load(ENGLISH), load(ARABIC)
    assert [r.id for r in english] == ["casualty-check", "value-check", "style-check", "title-check", "quote-check"]
    assert [shape(r) for r in arabic] == [shape(r) for r in english]


def test_english_keywords_parse_as_expected():
    casualty, value, style, _, _ = load(ENGLISH)
    assert (casualty.category, casualty.severity, casualty.structure) == ("unsourced-number", "error", "number")
    assert casualty.requirement == m.RequireSource("paragraph")
    assert casualty.tags == ("numbers", "sources")
    assert [(e.text, e.expect_flag) for e in casualty.examples] == [
        ("وقتل 9 أشخاص في حادث سير على الطريق الصحراوي.", True),
        ("وقتل 9 أشخاص في حادث سير، بحسب إدارة المرور.", False)]
    req = value.requirement
    assert (req.what, req.by, req.tolerance, req.factor) == ("value", ("category", "noun_type", "source"), 0.02, 4.0)
    assert style.requirement == m.Forbid("هاتف")


def test_other_aliases_for_not_consistent_and_suggest():
    a = one(rule("لكل رقم حيث ليس in_headline", 'يمنع اقترح "x"'))
    b = one(rule("for each number where not in_headline", 'forbid suggest "x"'))
    assert shape(a) == shape(b)


def test_mixed_english_and_arabic_keywords():
    mixed = one(rule("لكل number where category = casualty و not in_headline", "require source within الجملة"))
    english = one(rule("for each number where category = casualty and not in_headline",
                       "require source within sentence"))
    assert shape(mixed) == shape(english)


def test_severity_structure_scope_and_language_aliases():
    for ar, en in (("خطأ", "error"), ("تحذير", "warning"), ("ملاحظة", "info")):
        assert one(f'rule r\n category c\n severity {ar}\n message en "m"\n for each number\n forbid\n').severity == en
    for ar, en in (("رقم", "number"), ("اقتباس", "quote"), ("كيان", "entity"), ("إشارة", "mention"),
                   ("إسناد", "attribution"), ("فقرة", "paragraph"), ("جملة", "sentence"), ("عنوان", "headline"),
                   ("تهجئة", "spelling")):
        assert one(rule(f"for each {ar}")).structure == en
    for ar, en in (("الجملة", "sentence"), ("الفقرة", "paragraph"), ("المقال", "article")):
        assert one(rule("for each number", f"require source within {ar}")).requirement.scope == en
    r = one('rule r\n category c\n severity info\n message عربي "ع"\n message إنجليزي "e"\n for each number\n forbid\n')
    assert r.messages == {"ar": "ع", "en": "e"}


# -- comments and strings ------------------------------------------------------------------------------

def test_comments_are_ignored_but_hash_inside_text_is_kept():
    r = one('''# a comment before the rule
rule r   # after the id
  # a comment line between clauses
  category c
  severity info # trailing
  message en "issue #{text} # not a comment"
  for each number # where value > 3
  forbid
''')
    assert r.messages["en"] == "issue #{text} # not a comment"
    assert r.condition is None


def test_triple_quoted_examples_may_contain_quotes_and_lines():
    r = one(rule("for each quote where not balanced") + '''  flag """وقال إن الوضع "مستقر ولم يتغير."""
  flag """عنوان قصير

وقال المتحدث: «سنواصل العمل و'نتابع' الملف.
"""
  pass 'وقال المتحدث: «انتهى الاجتماع».'
  pass "ونقلت وكالة \\"الأنباء\\" الخبر."
''')
    texts = [e.text for e in r.examples]
    assert texts[0] == 'وقال إن الوضع "مستقر ولم يتغير.'
    assert texts[1] == "عنوان قصير\n\nوقال المتحدث: «سنواصل العمل و'نتابع' الملف.\n"
    assert texts[2] == "وقال المتحدث: «انتهى الاجتماع»."
    assert texts[3] == 'ونقلت وكالة "الأنباء" الخبر.'


def test_matches_pattern_keeps_backslashes():
    r = one(rule(r'for each sentence where text matches "\d+\.\d+ \w+" or text matches "a\\b\"c"'))
    patterns = [c.pattern for c in r.condition.operands]
    assert patterns == [r"\d+\.\d+ \w+", 'a\\\\b"c']


def test_matches_with_digits_finds_the_number(findings):
    found = findings(rule(r'for each sentence where text matches "\d+ ?%"'),
                     "وتراجعت صادرات التمور بنسبة 8% خلال الموسم.")
    assert [f.location.text for f in found] == ["8%"]


# -- the linter --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, message", [
    (rule("for each number where colour = red"), "unknown field 'colour' for number"),
    (rule("for each number where source.colour"), "unknown field 'source.colour' for entity"),
    (rule("for each number where value.x"), "field 'value' of number has no fields of its own"),
    (rule("for each number where noun in lexicon no-such-list"), "unknown lexicon 'no-such-list'"),
    (rule("for each number", message="m {bogus}"), "unknown placeholder '{bogus}'"),
    (rule("for each number", message="m {value:,}"), "takes no format or conversion"),
    (rule("for each number", message="m {text!r}"), "takes no format or conversion"),
    (rule("for each quote", "require consistent value"), "'consistent value' does not apply to quote"),
    (rule("for each entity", "require consistent spelling"), "'consistent spelling' does not apply to entity"),
    (rule("for each number", "require consistent value by colour"), "unknown field 'colour'"),
    (rule("for each sentence", "require source within sentence"), "applies to numbers and quotes"),
    (rule("for each sentence where text matches \"(abc\""), "bad pattern"),
    (rule("for each number") + "  for each quote\n", "'for each' given twice"),
    (rule("for each number") + "  forbid\n", "'require' or 'forbid' given twice"),
    ('rule r\n category c\n message en "m"\n for each number\n forbid\n', "rule 'r' has no severity"),
    ('rule r\n severity info\n message en "m"\n for each number\n forbid\n', "rule 'r' has no category"),
    ('rule r\n category c\n severity info\n for each number\n forbid\n', "rule 'r' has no message"),
    ('rule r\n category c\n severity info\n message en "m"\n forbid\n', "'for each' must come before"),
    ('rule r\n category c\n severity info\n message en "m"\n', "rule 'r' has no 'for each'"),
    ('rule r\n category c\n severity info\n message en "m"\n for each number\n', "no 'require' or 'forbid'"),
])
def test_lint_errors_name_the_place(text, message):
    with pytest.raises(RuleError) as e:
        load(text, {"currencies"})
    assert message in e.value.message
    assert e.value.path == "t.rule" and e.value.line >= 1 and e.value.column >= 1
    assert e.value.one_line().startswith(f"t.rule:{e.value.line}:{e.value.column}: ")


@pytest.mark.parametrize("text, line, column, message", [
    (rule("for each number where value >"), 5, 31, "cannot read '>'"),
    (rule("for each number where value > 1,000,000"), 5, 34, "cannot read ',000,000'"),
    ('rule r\n  category c\n  severty info\n', 3, 3, "cannot read 'severty'"),
    ('rule r\n  category c\n  severity critical\n', 3, 12, "Expected severity (error, warning, info)"),
    (rule("for each nubmer"), 5, 12, "Expected structure type"),
    ('rule r\n  category c\n  message "m"\n', 3, 11, "Expected language (ar, en)"),
    ('rule r\n  category c\n  message en "m\n  forbid\n', 3, 14, "Expected quoted string"),
])
def test_syntax_errors_point_at_the_mistake(text, line, column, message):
    with pytest.raises(RuleError) as e:
        load(text)
    assert (e.value.line, e.value.column) == (line, column)
    assert message in e.value.message
    lines = str(e.value).splitlines()
    assert lines[0].startswith(f"t.rule:{line}:{column}: ")
    assert lines[2].strip() == "^" and lines[2].index("^") - 4 == column - 1


def test_deep_nesting_is_an_error_not_a_crash():
    deep = rule("for each number where " + "(" * 500 + "value > 3" + ")" * 500)
    with pytest.raises(RuleError) as e:
        load(deep)
    assert "nested deeper than 40 levels" in e.value.message and e.value.line == 5
    nots = rule("for each number where " + "not " * 500 + "value > 3")
    with pytest.raises(RuleError) as e:
        load(nots)
    assert "nested too deeply" in e.value.message


def test_moderate_nesting_parses():
    r = one(rule("for each number where " + "(" * 30 + "value > 3" + ")" * 30))
    assert isinstance(r.condition, m.Compare)


# -- the engine's operators ------------------------------------------------------------------------------

ARTICLE = ("وقال وزير النقل سمير الحداد إن نحو 300 عامل شاركوا في الصيانة، وإن الكلفة بلغت 4 ملايين دينار. "
           "وأصيب 6 أشخاص في حادث سير.")


@pytest.mark.parametrize("condition, expected", [
    ("category = money", ["4 ملايين"]),
    ("category != money and statistic", ["300", "6"]),
    ("value > 1000000", ["4 ملايين"]),
    ("value >= 300 and value <= 300", ["300"]),
    ("value < 10", ["6"]),
    ("category in (people, casualty)", ["300", "6"]),
    ("category not in (people, casualty) and statistic", ["4 ملايين"]),
    ("qualifier = نحو", ["300"]),
    ('qualifier in ("نحو", "على الأقل")', ["300"]),
    ("qualifier in lexicon qualifiers", ["300"]),
    ("statistic and qualifier not in lexicon qualifiers", ["4 ملايين", "6"]),
    ("source.kind = person", ["300", "4 ملايين"]),
    ("source.kind != person and statistic", ["6"]),
    ("not attributed and statistic", ["6"]),
    ("category = casualty or category = money and value > 5000000", ["6"]),
    ("(category = casualty or category = money) and value > 5", ["4 ملايين", "6"]),
    ("not (category = casualty or category = people) and statistic", ["4 ملايين"]),
    ('text matches "^\\d+$"', ["300", "6"]),
])
def test_operators(findings, condition, expected):
    found = findings(rule(f"for each number where {condition}"), ARTICLE)
    assert [f.location.text for f in found] == expected


def test_in_lexicon_normalizes_and_splits_a_clitic(findings):
    # places.txt has «القاهرة»: a diacritic and a proclitic (ب) still match, another word does not
    found = findings(rule("for each quote where content in lexicon places"),
                     "ورفع المحتجون لافتة كتب عليها «القاهرةُ» وأخرى كتب عليها «بالقاهرة» وثالثة كتب عليها «الطريق».")
    assert [f.location.text for f in found] == ["«القاهرةُ»", "«بالقاهرة»"]
    found = findings(rule("for each mention where text in lexicon vague-sources"), "وقال مسؤولون إن الطريق سيفتح غدا.")
    assert [f.location.text for f in found] == ["مسؤولون"]


def test_require_condition_flags_items_that_fail_it(findings):
    found = findings(rule("for each number where statistic", "require attributed"), ARTICLE)
    assert [f.location.text for f in found] == ["6"]


def test_forbid_suggest_fills_the_placeholder(findings):
    found = findings(rule('for each sentence where text matches "تليفون"', 'forbid suggest "هاتف"',
                          message="اكتب {suggestion} بدل {text}"),
                     "واتصل المحافظ عبر التليفون برئيس البلدية.")
    assert [(f.message, f.suggestion) for f in found] == [("اكتب هاتف بدل تليفون", "هاتف")]


def test_every_field_can_be_evaluated(validator, findings):
    """Each field in FIELDS, used as a condition on an article holding every structure type, runs.

    FIELDS BUG (validator/rules/fields.py, _COMMON["line"]): `spelling.line` raises AttributeError, as
    SpellingGroup has neither `loc` nor `line` (its location is forms[0][1])."""
    text = ("الدفاع المدني: 40 قتيلا في انهيار مبنى\n\n"
            "وقال وزير الداخلية سمير الحداد إن 12 شخصا قتلوا، وأكد المسؤول الأمريكي أن المساعدات الأميركية ستصل.\n\n"
            "وقالت مصادر مطلعة: «الوضع صعب جدا». وقال الحداد \"إن البحث مستمر.\n")
    article = validator.extract_text(text, "t.txt")
    for kind in ("numbers", "quotes", "entities", "mentions", "attributions", "spellings"):
        assert getattr(article, kind), kind
    broken = []
    for structure, fields in FIELDS.items():
        for name in fields:
            try:
                findings(rule(f"for each {structure} where {name}"), text)
            except Exception as e:  # noqa: BLE001 - report every broken field at once
                broken.append(f"{structure}.{name}: {type(e).__name__}: {e}")
    assert broken == []


# -- patterns: normalization and the timeout ---------------------------------------------------------

def test_matches_normalizes_pattern_and_text(findings):
    # hamza on alef and teh marbuta are normalized on both sides
    found = findings(rule('for each sentence where text matches "افادت تقارير"'),
                     "وأفادت تقارير بأن الطريق أغلق.")
    assert [f.location.text for f in found] == ["أفادت تقارير"]


def test_matches_pattern_with_backslash_s_is_normalized_too(findings):
    """ENGINE BUG (validator/rules/engine.py, Engine._matches): a pattern containing `\\s` is compiled
    without normalization (`cond.pattern.translate({})` is a no-op), so its hamza letters never match the
    normalized text."""
    found = findings(rule(r'for each sentence where text matches "أفادت\sتقارير"'),
                     "وأفادت تقارير بأن الطريق أغلق.")
    assert [f.location.text for f in found] == ["أفادت تقارير"]


def test_matches_on_a_field_other_than_text_points_at_the_item(findings):
    """ENGINE BUG (validator/rules/engine.py, Engine._matches): `a and b or c` precedence makes a match on
    `noun` (or a quote's `content`) set the finding's location from offsets inside the noun, counted from
    the number's start, so the finding points at the wrong text."""
    found = findings(rule('for each number where noun matches "دينار"'), ARTICLE)
    assert [f.location.text for f in found] == ["4 ملايين"]


def test_catastrophic_pattern_times_out_quickly(validator):
    rules = load(rule('for each sentence where text matches "(ا+)+$"'))
    article = validator.extract_text("ا" * 5000 + "!\n", "long.txt")
    start = time.monotonic()
    with pytest.raises(RulePatternTimeout) as e:
        Engine(rules, validator.lexicons).run(article)
    assert time.monotonic() - start < 5
    assert "took longer than" in e.value.message and e.value.one_line().startswith("t.rule:5:")


def test_passage_scope_is_for_consistency_only():
    r = one(rule("for each number", "require consistent value by category within المقطع"))
    assert r.requirement.scope == "passage"
    with pytest.raises(RuleError, match="within passage"):
        one(rule("for each number", "require source within passage"))



def test_compiled_comparisons_agree_with_comparing_one_value_at_a_time():
    """Conditions compare a column of values that are all numbers or all texts in C, any other mix
    one value at a time: each way selects what `comparison` says of each value."""
    from types import SimpleNamespace

    from validator.rules import model as m
    from validator.rules.conditions import comparison, compile_condition

    where = m.Where("t.rule", 1, 1)
    columns = [[3, 12.5, 10.0, 9], [None, "money", "casualty", "Money"], [None, 3, 3.0, 12.5, True, "12", float("nan")]]
    for values in columns:
        items = [SimpleNamespace(value=v, category=v) for v in values]
        for field in ("value", "category"):
            for op in ("=", "!=", "<", ">="):
                for wanted in (10, 3.0, "money", True):
                    compare = comparison(op, wanted)
                    expected = [i for i in items if compare(getattr(i, field))]
                    cond = m.Compare(m.Field((field,), where), op, wanted)
                    compiled = compile_condition(cond, "number", None, object, None, None)
                    assert [x for x, _ in compiled.select(items, None, None)] == expected, (values, field, op, wanted)
