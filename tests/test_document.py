"""The document layer: offsets ↔ line:column, line ends, paragraphs, headline, sentences, dateline."""
from __future__ import annotations

import pytest

from validator import document
from validator.document import build


def _sentences(text: str) -> list[str]:
    doc = build(text)
    return [text[s.start:s.end] for s in doc.sentences]


# -- offsets and line:column -----------------------------------------------------------------

def test_line_col_first_character_is_1_1():
    doc = build("أعلنت الحكومة خطة جديدة.")
    assert doc.line_col(0) == (1, 1)


def test_line_col_on_later_lines():
    text = "عنوان الخبر\n\nأعلنت الحكومة خطة جديدة للنقل.\nوقال الوزير إنها ستنفذ."
    doc = build(text)
    off = text.index("الوزير")
    assert doc.line_col(off) == (4, text.split("\n")[3].index("الوزير") + 1)
    off = text.index("خطة")
    assert doc.line_col(off) == (3, 15)


def test_columns_count_code_points_including_diacritics():
    text = "قَالَ مُحَمَّدٌ إنّ الخطة جاهزة"
    doc = build(text)
    off = text.index("الخطة")
    # every combining mark is a code point of its own
    assert doc.line_col(off) == (1, off + 1)
    assert off == len("قَالَ مُحَمَّدٌ إنّ ")


def test_columns_count_code_points_not_utf16_units():
    text = "🙂 وصل الوفد"  # an astral character is one code point (two UTF-16 units)
    doc = build(text)
    assert doc.line_col(text.index("وصل")) == (1, 3)


def test_location_gives_the_original_slice_and_end_position():
    text = "سطر أول\nوصل الوفد إلى بغداد"
    doc = build(text)
    start = text.index("الوفد")
    loc = doc.location(start, start + len("الوفد"))
    assert loc.text == "الوفد"
    assert (loc.line, loc.column) == (2, 5)
    assert (loc.end_line, loc.end_column) == (2, 10)


@pytest.mark.parametrize("eol", ["\r\n", "\r"])
def test_crlf_and_cr_give_the_same_line_col_as_lf(eol):
    lines = ["انفجار في السوق", "", "قتل 12 شخصا في انفجار.", "وقال الشهود إن الدخان غطى المكان."]
    lf = "\n".join(lines)
    other = eol.join(lines)
    d_lf, d_other = build(lf), build(other)
    for word in ("السوق", "قتل", "12", "الشهود", "المكان"):
        assert d_other.line_col(other.index(word)) == d_lf.line_col(lf.index(word)), word
    assert len(d_other.line_starts) == len(d_lf.line_starts) == 4


@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
def test_line_text_has_no_line_end(eol):
    doc = build(eol.join(["الأول", "الثاني", "الثالث"]))
    assert [doc.line_text(i) for i in (1, 2, 3)] == ["الأول", "الثاني", "الثالث"]


@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
def test_paragraphs_and_sentences_do_not_include_line_ends(eol):
    text = eol.join(["عنوان", "", "الجملة الأولى.", "الجملة الثانية."])
    doc = build(text)
    assert [text[p.start:p.end] for p in doc.paragraphs] == ["عنوان", "الجملة الأولى.", "الجملة الثانية."]
    assert [p.line for p in doc.paragraphs] == [1, 3, 4]
    assert all("\r" not in text[s.start:s.end] and "\n" not in text[s.start:s.end] for s in doc.sentences)


# -- paragraphs and headline -------------------------------------------------------------------

def test_paragraphs_are_non_blank_lines():
    text = "الأول\n\n   \nالثاني\nالثالث\n\t\n"
    doc = build(text)
    assert [text[p.start:p.end] for p in doc.paragraphs] == ["الأول", "الثاني", "الثالث"]
    assert [p.line for p in doc.paragraphs] == [1, 4, 5]
    assert [p.index for p in doc.paragraphs] == [0, 1, 2]


def test_paragraph_span_excludes_surrounding_whitespace():
    text = "   وصل الوفد.   \nغادر الوفد."
    doc = build(text)
    assert text[doc.paragraphs[0].start:doc.paragraphs[0].end] == "وصل الوفد."


def test_headline_is_first_paragraph_followed_by_blank_line():
    text = "الحكومة تعلن خطة للنقل\n\nأعلنت الحكومة اليوم خطة جديدة للنقل العام."
    doc = build(text)
    assert doc.headline is not None
    assert text[doc.headline.start:doc.headline.end] == "الحكومة تعلن خطة للنقل"
    assert doc.paragraphs[0].is_headline and not doc.paragraphs[1].is_headline


def test_no_headline_without_blank_line():
    doc = build("الحكومة تعلن خطة للنقل\nأعلنت الحكومة اليوم خطة جديدة للنقل العام.")
    assert doc.headline is None
    assert not any(p.is_headline for p in doc.paragraphs)


def test_no_headline_when_blank_line_comes_later():
    doc = build("السطر الأول\nالسطر الثاني\n\nالسطر الثالث")
    assert doc.headline is None


def test_single_paragraph_is_not_a_headline():
    doc = build("أعلنت الحكومة خطة جديدة.\n\n")
    assert doc.headline is None


def test_headline_with_crlf():
    doc = build("عنوان الخبر\r\n\r\nنص الخبر هنا.")
    assert doc.headline is not None and doc.headline.line == 1


# -- sentences ---------------------------------------------------------------------------------

def test_sentences_split_on_arabic_and_latin_marks():
    text = "وصل الوفد. هل سيلتقي الوزير؟ نعم! ثم غادر؛ وانتهت الزيارة"
    assert _sentences(text) == ["وصل الوفد.", "هل سيلتقي الوزير؟", "نعم!", "ثم غادر؛", "وانتهت الزيارة"]


def test_latin_question_mark_ends_a_sentence():
    assert _sentences("هل انتهت الأزمة? لا أحد يعرف.") == ["هل انتهت الأزمة?", "لا أحد يعرف."]


def test_no_split_inside_decimal_numbers():
    text = "ارتفع النمو إلى 3.5 في المئة. وتراجع التضخم."
    assert _sentences(text) == ["ارتفع النمو إلى 3.5 في المئة.", "وتراجع التضخم."]


def test_no_split_inside_arabic_decimal():
    text = "ارتفع النمو إلى ٣٫٥ في المئة. وتراجع التضخم إلى ٢.٨ في المئة."
    assert _sentences(text) == ["ارتفع النمو إلى ٣٫٥ في المئة.", "وتراجع التضخم إلى ٢.٨ في المئة."]


def test_no_split_after_single_letter_abbreviations():
    text = "ذكرت أ. ف. ب. أن الوفد وصل. ثم غادر."
    assert _sentences(text) == ["ذكرت أ. ف. ب. أن الوفد وصل.", "ثم غادر."]


def test_no_split_after_doctor_abbreviation():
    text = "وقال د. سمير العلي إن المرض انحسر. وأضاف أن اللقاح متوفر."
    assert _sentences(text) == ["وقال د. سمير العلي إن المرض انحسر.", "وأضاف أن اللقاح متوفر."]


def test_no_split_inside_guillemet_quotation():
    text = "وقال الوزير: «لن نتراجع. ولن نستسلم». ثم غادر القاعة."
    assert _sentences(text) == ["وقال الوزير: «لن نتراجع. ولن نستسلم».", "ثم غادر القاعة."]


def test_no_split_inside_straight_quotation():
    text = 'وقال الوزير: "لن نتراجع. ولن نستسلم". ثم غادر القاعة.'
    assert _sentences(text) == ['وقال الوزير: "لن نتراجع. ولن نستسلم".', "ثم غادر القاعة."]


def test_no_split_inside_curly_quotation():
    text = "وقال الوزير: “هل نقبل؟ بالتأكيد لا”. ثم غادر."
    assert _sentences(text) == ["وقال الوزير: “هل نقبل؟ بالتأكيد لا”.", "ثم غادر."]


def test_period_before_closing_quote_does_not_split_the_quotation():
    text = "وقال الوزير: «انتهت الأزمة.» وغادر المؤتمر."
    assert _sentences(text) == [text]


def test_closing_bracket_belongs_to_the_sentence_it_ends():
    text = "وارتفع عدد المصابين إلى 40 (بحسب المستشفى.) وغادر الوفد."
    assert _sentences(text) == ["وارتفع عدد المصابين إلى 40 (بحسب المستشفى.)", "وغادر الوفد."]


def test_unclosed_quotation_still_splits_sentences():
    text = "وقال الوزير: «لن نتراجع. ثم غادر القاعة."
    assert _sentences(text) == ["وقال الوزير: «لن نتراجع.", "ثم غادر القاعة."]


def test_sentences_never_cross_paragraphs():
    text = "وصل الوفد\nوغادر الوزير."
    assert _sentences(text) == ["وصل الوفد", "وغادر الوزير."]
    doc = build(text)
    assert [s.paragraph for s in doc.sentences] == [0, 1]


def test_sentence_at_and_paragraph_at():
    text = "الجملة الأولى. الجملة الثانية.\nفقرة ثانية."
    doc = build(text)
    s = doc.sentence_at(text.index("الثانية"))
    assert text[s.start:s.end] == "الجملة الثانية."
    p = doc.paragraph_at(text.index("فقرة"))
    assert p.index == 1


# -- dateline ----------------------------------------------------------------------------------

def test_dateline_place_only():
    doc = build("طهران - أعلنت الحكومة الإيرانية خطة جديدة.")
    assert doc.dateline is not None
    assert doc.dateline.place == "طهران"
    assert doc.dateline.agency is None
    assert doc.dateline.start == 0


def test_dateline_with_agency():
    doc = build("القاهرة - أ ف ب - أعلنت الحكومة المصرية خطة جديدة.")
    assert doc.dateline is not None
    assert doc.dateline.place == "القاهرة"
    assert doc.dateline.agency == "أ ف ب"


def test_dateline_after_headline():
    text = "خطة إيرانية جديدة\n\nطهران - أعلنت الحكومة الإيرانية خطة جديدة."
    doc = build(text)
    assert doc.dateline is not None
    assert doc.dateline.place == "طهران"
    assert doc.dateline.start == text.index("طهران")


def test_dateline_with_agency_after_headline():
    text = "خطة مصرية جديدة\n\nالقاهرة - أ ف ب - أعلنت الحكومة المصرية خطة جديدة."
    doc = build(text)
    assert doc.dateline is not None
    assert (doc.dateline.place, doc.dateline.agency) == ("القاهرة", "أ ف ب")


def test_no_dateline_in_ordinary_sentence():
    doc = build("أعلنت الحكومة المصرية خطة جديدة لدعم الصادرات.")
    assert doc.dateline is None


def test_load_reads_and_builds(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("عنوان\n\nنص الخبر.", encoding="utf-8")
    doc = document.load(str(p))
    assert doc.encoding == "utf-8" and doc.headline is not None and doc.path == str(p)
