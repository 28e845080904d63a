"""A count and its breakdown in parentheses (validator.extract.breakdowns): the sum of the parts is read
only where they split the whole group."""


def _totals(article):
    return [(n.value, n.breakdown) for n in article.numbers if n.breakdown is not None]


def test_parts_in_parentheses_are_summed(extract):
    a = extract("وأوقفت الدوريات 11 متسللا (4 رجال و5 نساء و2 أطفال) عند الحدود.")
    assert _totals(a) == [(11, 11.0)]


def test_parts_a_few_words_after_the_noun(extract):
    a = extract("وأوقفت الدوريات 11 متسللا من جنسية واحدة (4 رجال، 5 نساء و3 أطفال) عند الحدود.")
    assert _totals(a) == [(11, 12.0)]


def test_a_parenthesis_with_other_words_is_no_breakdown(extract):
    a = extract("وأوقفت الدوريات 11 متسللا (بينهم 4 رجال و5 نساء) عند الحدود.")
    assert _totals(a) == []


def test_some_of_the_group_named_is_no_breakdown(extract):
    a = extract("وأحصت المنظمة 900 ضحية مدنية (150 امرأة و260 طفلا) منذ بدء المعارك.")
    assert _totals(a) == []


def test_a_figure_in_words_restated_in_digits(extract):
    a = extract("وتضم اللجنة سبعة (7) أعضاء يعينهم الوزير.")
    words, digits = a.numbers[0], a.numbers[1]
    assert digits.restates == words.id


def test_words_before_a_parenthesis_with_more_in_it_restate_nothing(extract):
    a = extract("وتضم اللجنة سبعة (7 رجال) يعينهم الوزير.")
    assert all(n.restates is None for n in a.numbers)
