"""Numbers: digits, number words, compounds, duals, qualifiers, categories, nouns, attribution."""
from __future__ import annotations

import pytest


def _nums(extract, text):
    return extract(text).numbers


def _one(extract, text, surface=None):
    """The single number of a sentence (or the one written `surface`)."""
    nums = _nums(extract, text)
    if surface is None:
        assert len(nums) == 1, [(n.loc.text, n.category) for n in nums]
        return nums[0]
    found = [n for n in nums if n.loc.text == surface]
    assert len(found) == 1, [(n.loc.text, n.category) for n in nums]
    return found[0]


# -- values ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, surface, value", [
    ("قتل 12 شخصا في انفجار وسط المدينة.", "12", 12),
    ("قتل ١٢ شخصا في انفجار وسط المدينة.", "١٢", 12),
    ("ارتفع المؤشر بنسبة 3.5% في ختام التداولات.", "3.5%", 3.5),
    ("ارتفع المؤشر بنسبة ٣٫٥٪ في ختام التداولات.", "٣٫٥٪", 3.5),
    ("ارتفع المؤشر بنسبة ٣.٥٪ في ختام التداولات.", "٣.٥٪", 3.5),
    ("تضررت 1,200 منزل في العاصفة.", "1,200", 1200),
    ("تضررت ١٬٢٠٠ منزل في العاصفة.", "١٬٢٠٠", 1200),
    ("سجلت الوزارة 1,250,000 زائر خلال الموسم.", "1,250,000", 1250000),
    ("نما الناتج المحلي بنسبة 3ر4 في المئة خلال الربع الأول.", "3ر4 في المئة", 4.3),
    # a dot before exactly three digits groups thousands when the figure counts whole units or is a sum
    # of ten or more (or of whole thousands); a scale word after it, or a small sum with a fraction, keeps
    # it a decimal
    ("استقبل الميناء 12.500 مسافر خلال عطلة العيد.", "12.500", 12500),
    ("ضبطت الجمارك 22.790 حبة مخدرة في حقيبة مسافر.", "22.790", 22790),
    ("غرمت اللجنة النادي مبلغ 100.000 ريال.", "100.000", 100000),
    ("رفع البنك الحد الأعلى للقرض إلى 8.000 ريال.", "8.000", 8000),
    ("بلغ إنتاج الحقل 10.333 مليون برميل يوميا.", "10.333 مليون", 10333000.0),
    ("تراجع اليورو إلى 1.952 دولار في التعاملات الآسيوية.", "1.952", 1.952),
])
def test_digit_values(extract, text, surface, value):
    n = _one(extract, text, surface)
    assert n.value == value
    assert type(n.value) is type(value)


def test_number_location_points_at_the_original_digits(extract):
    text = "عنوان\n\nقتل ١٢ شخصا في الانفجار."
    n = _one(extract, text)
    assert (n.loc.line, n.loc.column) == (3, 5)
    assert text[n.loc.start:n.loc.end] == "١٢"


@pytest.mark.parametrize("text, surface", [
    ("بلغت نسبة البطالة 14% العام الماضي.", "14%"),
    ("بلغت نسبة البطالة 14 % العام الماضي.", "14 %"),
    ("بلغت نسبة البطالة ١٤٪ العام الماضي.", "١٤٪"),
    ("بلغت نسبة البطالة 14 في المئة العام الماضي.", "14 في المئة"),
    ("بلغت نسبة البطالة 14 في المائة العام الماضي.", "14 في المائة"),
    ("تراجع التضخم 7 بالمئة خلال الربيع.", "7 بالمئة"),
    ("تراجع التضخم 7 بالمائة خلال الربيع.", "7 بالمائة"),
])
def test_percent_forms(extract, text, surface):
    nums = _nums(extract, text)
    assert [(n.loc.text, n.category) for n in nums] == [(surface, "percent")]


@pytest.mark.parametrize("text, surface, value", [
    ("أصيب ثلاثة أشخاص بجروح طفيفة.", "ثلاثة", 3),
    ("قتل عشرات المدنيين في القصف.", "عشرات", 10),
    ("قتل مئات المدنيين في القصف.", "مئات", 100),
    ("فر آلاف اللاجئين عبر الحدود.", "آلاف", 1000),
    ("نزح ثلاثة آلاف شخص من القرى الحدودية.", "ثلاثة آلاف", 3000),
    ("خصصت الحكومة 2.5 مليون دولار لإعادة الإعمار.", "2.5 مليون", 2500000),
    ("نزح عشرات الآلاف من السكان.", "عشرات الآلاف", 10000),
    ("شارك خمسة وعشرون متطوعا في الحملة.", "خمسة وعشرون", 25),
])
def test_number_words_and_compounds(extract, text, surface, value):
    n = _one(extract, text)
    assert n.loc.text == surface
    assert n.value == value


# -- duals -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, surface, value, category", [
    ("قتل شخص وأصيب جريحين في الحادث.", "جريحين", 2, "casualty"),
    ("أسفر الحادث عن سقوط قتيلين في البلدة.", "قتيلين", 2, "casualty"),
    ("وأصيب طفلان بجروح في القصف.", "طفلان", 2, "casualty"),
    ("وزعت الجمعية ألفي سلة غذائية.", "ألفي", 2000, "quantity"),
    ("بلغت الخسائر مليونين من الدولارات.", "مليونين", 2000000, None),
    ("أغلقت المعابر يومين متتاليين.", "يومين", 2, "duration"),
])
def test_duals(extract, text, surface, value, category):
    n = _one(extract, text, surface)
    assert n.value == value
    if category:
        assert n.category == category


def test_plural_after_number_is_not_a_dual(extract):
    nums = _nums(extract, "قتل 7 مدنيين في الغارة.")
    assert [(n.loc.text, n.value) for n in nums] == [("7", 7)]
    assert nums[0].noun == "مدنيين"


def test_bare_plural_in_iin_is_not_a_dual(extract):
    # "المدنيين" and "مدنيين" are plurals as often as duals: no number at all
    assert _nums(extract, "استهدف القصف مدنيين في السوق.") == []


def test_known_body_name_is_not_a_dual(extract):
    # a dual people noun that bodies knows as a name (kind=name: the movement) counts no one
    assert _nums(extract, "استئناف المفاوضات بين الحكومة وطالبان الأسبوع المقبل") == []


@pytest.mark.parametrize("text, surface, category", [
    ("وحصدت الحمى أرواح 12 ألفا عام 2014 في القارة.", "12 ألفا", "casualty"),
    ("وارتفعت ميزانية الهيئة من 40 مليونا عام 2013 إلى 55 مليونا.", "40 مليونا", "other"),
    ("وأغلقت المعابر ثلاثة أعوام متتالية.", "ثلاثة", "duration"),
])
def test_year_word_before_a_year_dates_the_figure(extract, text, surface, category):
    # عام before a four-digit year dates the figure before it: no unit of it (not 12,000 years)
    assert _one(extract, text, surface).category == category


# -- qualifiers --------------------------------------------------------------------------------

@pytest.mark.parametrize("text, qualifier", [
    ("قتل 20 شخصا على الأقل في الهجوم.", "على الأقل"),
    ("نزح نحو 500 شخص من منازلهم.", "نحو"),
    ("اعتقلت الشرطة قرابة 40 شخصا.", "قرابة"),
    ("أصيب أكثر من 100 شخص في التدافع.", "أكثر من"),
    ("شارك حوالي 300 متظاهر في الوقفة.", "حوالي"),
    ("قتل ما لا يقل عن 15 شخصا في الفيضانات.", "ما لا يقل عن"),
])
def test_qualifiers(extract, text, qualifier):
    n = _one(extract, text)
    assert n.qualifier == qualifier


def test_no_qualifier(extract):
    assert _one(extract, "قتل 20 شخصا في الهجوم.").qualifier is None


# -- categories and counted nouns --------------------------------------------------------------

@pytest.mark.parametrize("text, surface, category, noun", [
    ("قتل 12 شخصا في انفجار وسط المدينة.", "12", "casualty", "شخصا"),
    ("ارتفعت الحصيلة إلى 45 قتيلا بعد انتشال الجثث.", "45", "casualty", "قتيلا"),
    ("وأصيب 30 جريحا في الاشتباكات.", "30", "casualty", "جريحا"),
    ("قتل ما لا يقل عن 15 شخصا في الفيضانات.", "15", "casualty", "شخصا"),
    ("نزح نحو 500 شخص من منازلهم.", "500", "people", "شخص"),
    ("شارك حوالي 300 متظاهر في الوقفة.", "300", "people", "متظاهر"),
    ("خصصت الحكومة 2.5 مليون دولار لإعادة الإعمار.", "2.5 مليون", "money", "دولار"),
    ("بلغت قيمة الصفقة 40 مليار ريال.", "40 مليار", "money", "ريال"),
    ("ارتفع المؤشر بنسبة 3.5% في ختام التداولات.", "3.5%", "percent", None),
    ("تضررت 1,200 منزل في العاصفة.", "1,200", "quantity", "منزل"),
    ("صدرت الشركة 3 ملايين برميل من النفط.", "3 ملايين", "quantity", "برميل"),
])
def test_categories_with_nouns(extract, text, surface, category, noun):
    n = _one(extract, text, surface)
    assert n.category == category
    assert n.noun == noun


def test_money_code(extract):
    n = _one(extract, "خصصت الحكومة 2.5 مليون دولار لإعادة الإعمار.")
    assert n.noun_type == "USD"


def test_casualty_types(extract):
    assert _one(extract, "قتل 12 شخصا في الانفجار.").noun_type == "killed"
    assert _one(extract, "أصيب ثلاثة أشخاص بجروح طفيفة.").noun_type == "injured"


@pytest.mark.parametrize("text, surface, category", [
    ("وصل الوفد إلى الرياض في 15 مارس الماضي.", "15", "date"),
    ("وقع الاتفاق بتاريخ 3/5/2024 في العاصمة.", "3/5/2024", "date"),
    ("وقع الاتفاق بتاريخ ٣/٥/٢٠٢٤ في العاصمة.", "٣/٥/٢٠٢٤", "date"),
    ("بدأت الأزمة في يناير 2020 واستمرت شهورا.", "2020", "year"),
    ("تأسست الشركة عام 2014 في دبي.", "2014", "year"),
    ("انطلقت الجلسة في الساعة العاشرة صباحا.", "العاشرة", "time"),
    ("انطلقت الجلسة في الساعة 10:30 صباحا.", "10:30", "time"),
    ("حلت البلاد في المرتبة الثانية عربيا.", "الثانية", "ordinal"),
    ("افتتحت الدورة الـ79 للجمعية العامة.", "79", "ordinal"),
    # الـ before a count of people is the article on the number (the 150 thousand), no ordinal
    ("ويزور المعرض يوميا ما يزيد على الـ 150 ألف زائر.", "150 ألف", "people"),
    ("وحضر الحفل أكثر من الـ3 آلاف شخص.", "3 آلاف", "people"),
    ("توفي الفنان محمود (45 عاما) في المستشفى.", "45", "age"),
    ("اعتقل رجل يبلغ من العمر 60 عاما.", "60", "age"),
    ("توفي الشاب البالغ من العمر 23 عاما.", "23", "age"),
    ("أغلقت المعابر لمدة ثلاثة أيام متتالية.", "ثلاثة", "duration"),
    ("صدر القانون رقم 17 لسنة 2023 بشأن الاستثمار.", "17", "identifier"),
    ("صدر القانون رقم 17 لسنة 2023 بشأن الاستثمار.", "2023", "year"),
    ("للاستفسار يرجى الاتصال على الرقم 0791234567 خلال الدوام.", "0791234567", "identifier"),
    ("فاز الهلال على النصر 3-1 في مباراة الدوري.", "3-1", "score"),
])
def test_categories(extract, text, surface, category):
    assert _one(extract, text, surface).category == category


def test_duration_noun(extract):
    n = _one(extract, "أغلقت المعابر لمدة ثلاثة أيام متتالية.")
    assert n.noun == "أيام"


# -- partial counts and updates ----------------------------------------------------------------

def test_partial_count_among(extract):
    text = "قتل 12 مدنيا، بينهم أربعة أطفال، في القصف."
    whole = _one(extract, text, "12")
    part = _one(extract, text, "أربعة")
    assert not whole.partial
    assert part.partial
    assert part.category == "casualty"
    assert part.noun == "أطفال"


def test_partial_count_min(extract):
    n = _one(extract, "قتل سبعة من الجنود في الكمين.")
    assert n.partial and n.category == "casualty"


def test_update(extract):
    text = "ارتفعت الحصيلة إلى 45 قتيلا بعد انتشال جثث جديدة."
    assert _one(extract, text).is_update


def test_not_an_update(extract):
    assert not _one(extract, "قتل 12 شخصا في انفجار وسط المدينة.").is_update


def test_update_is_per_sentence(extract):
    text = "ارتفعت الحصيلة إلى 45 قتيلا. وأصيب 30 شخصا في حادث آخر."
    assert not _one(extract, text, "30").is_update


# -- attribution -------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "قتل 30 شخصا في الغارة بحسب الدفاع المدني.",
    "قتل 30 شخصا في الغارة وفق وزارة الصحة.",
    "قتل 30 شخصا في الغارة وفقا لوزارة الصحة.",
    "قال الدفاع المدني إن 30 شخصا قتلوا في الغارة.",
    "أعلنت وزارة الصحة مقتل 30 شخصا في الغارة.",
    "وأكدت مصادر طبية مقتل 30 شخصا في الغارة.",
])
def test_attributed_by_the_sentence(extract, text):
    n = _one(extract, text, "30")
    assert n.attributed
    assert n.source is not None


def test_attributed_inside_a_speakers_quote(extract):
    text = "وقال مدير الدفاع المدني سمير الخطيب: «قتل 30 شخصا في الغارة»."
    art = extract(text)
    n = _one(extract, text, "30")
    assert n.attributed
    assert n.in_quote is not None
    person = next(e for e in art.entities if e.kind == "person")
    assert n.source == person.id


def test_not_attributed(extract):
    n = _one(extract, "قتل 12 شخصا في انفجار وسط المدينة.")
    assert not n.attributed and n.source is None and n.in_quote is None


@pytest.mark.parametrize("text, attributed", [
    # a named speaker's reported clause runs on past a semicolon into a part with no source of its own
    ("وذكر مدير المعهد الدكتور سالم الحربي أن المعهد خرّج 300 متدرب هذا العام؛ يعمل منهم 210 في القطاع الخاص.", True),
    # not past a full stop, nor into a part that another source reports
    ("وذكر مدير المعهد الدكتور سالم الحربي أن المعهد خرّج 300 متدرب هذا العام. يعمل منهم 210 في القطاع الخاص.", False),
    ("وذكر مدير المعهد الدكتور سالم الحربي أن المعهد خرّج 300 متدرب؛ فيما قالت مصادر إن 210 منهم يعملون.", True),
    # a part before the semicolon with no reported clause is the writer's
    ("افتتح مدير المعهد الدكتور سالم الحربي القاعة الجديدة؛ يعمل فيها 210 متدربين.", False),
])
def test_reported_clause_across_a_semicolon(extract, text, attributed):
    n = _one(extract, text, "210")
    assert n.attributed is attributed
    if "مصادر" in text:
        person = next(e for e in extract(text).entities if e.kind == "person")
        assert n.source != person.id


@pytest.mark.parametrize("text, attributed", [
    # a pause of dots inside a reported account: the part after it that goes on with فيما/بينما/كما is still reported
    ("وأفادت مصادر أمنية أن 300 جندي انضموا إلى قوة الحماية أمس.. فيما وضع 2000 آخرون في حالة تأهب.", True),
    ("وذكرت الشرطة أن 12 شخصا أصيبوا في الحادث.. بينما نقل 2000 راكب إلى الفنادق.", True),
    # not past a full stop, nor after a pause that a conjunction does not open, nor after a part with no reported clause
    ("وأفادت مصادر أمنية أن 300 جندي انضموا إلى قوة الحماية أمس. فيما وضع 2000 آخرون في حالة تأهب.", False),
    ("وأفادت مصادر أمنية أن 300 جندي انضموا إلى قوة الحماية أمس.. ووضع 2000 آخرون في حالة تأهب.", False),
    ("افتتح المحافظ الجسر الجديد أمس.. فيما يعبر عليه 2000 سائق في اليوم.", False),
    # a trailing according-to credit after the last comma covers the parts a semicolon cut before it
    ("تراجع إنتاج المصنع إلى 2000 طن في العام الماضي؛ أي نصف ما كان عليه قبل عقد، بحسب تقرير لوزارة الصناعة.", True),
    ("ارتفعت صادرات الشركة إلى 2000 حاوية؛ وتضاعفت وارداتها مرتين، وفقا لبيانات هيئة الموانئ.", True),
    # not past a full stop, nor when the credit stands inside the part (no comma before it), nor past a new paragraph
    ("تراجع إنتاج المصنع إلى 2000 طن في العام الماضي. أي نصف ما كان عليه قبل عقد، بحسب تقرير لوزارة الصناعة.", False),
    ("تراجع إنتاج المصنع إلى 2000 طن في العام الماضي؛ وتوقف خط بحسب تقرير لوزارة الصناعة عن العمل.", False),
    ("تراجع إنتاج المصنع إلى 2000 طن في العام الماضي؛\n\nأي نصف ما كان عليه قبل عقد، بحسب تقرير لوزارة الصناعة.", False),
])
def test_reported_clause_across_a_pause_of_dots(extract, text, attributed):
    assert _one(extract, text, "2000").attributed is attributed


def test_attribution_in_another_sentence_does_not_count(extract):
    text = "قال الدفاع المدني إن الفرق تعمل. وقتل 12 شخصا في انفجار وسط المدينة."
    assert not _one(extract, text, "12").attributed


def test_number_in_a_scare_quote_is_not_attributed(extract):
    n = _one(extract, 'قتل 12 شخصا في ما سمي "الجمعة 13" في المدينة.', "12")
    assert not n.attributed


def test_sentence_and_paragraph_indexes(extract):
    text = "عنوان الخبر\n\nوصل الوفد أمس. وقتل 12 شخصا في الانفجار."
    n = _one(extract, text, "12")
    assert n.paragraph == 1 and n.sentence == 2
    assert not n.in_headline


def test_in_headline(extract):
    n = _one(extract, "مقتل 12 شخصا في انفجار\n\nأعلنت السلطات فتح تحقيق.", "12")
    assert n.in_headline


def test_two_dots_group_thousands():
    # 99.506.775 ريال: two dots are no decimal point (it read as 0, and an amount restated in words
    # in parentheses «contradicted» it); one dot keeps its reading
    from validator.extract.numerals import parse_digits
    assert parse_digits("99.506.775") == 99506775
    assert parse_digits("3.5") == 3.5
    assert parse_digits("1,200") == 1200
