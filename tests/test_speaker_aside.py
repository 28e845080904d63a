"""A bare speaker whose age or role stands in brackets between him and his quotation (pattern
aside-before-quotation): the quotation is his, not the next sentence's source's."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, name", [
    ('وأشاد الأعضاء بترشيح سوليفان. وقالت سوليفان (58 عاما) "سنعمل من أجل كل الناس في هذه المدينة." '
     "وقال مراقبون إن حظوظها كبيرة.", "سوليفان"),
    ("ووصل الفريق إلى المدينة أمس. وقال بيرسون (المدرب) «اللاعبون جاهزون للمباراة». "
     "وقال مشجعون إن الأجواء حماسية.", "بيرسون"),
])
def test_bracketed_aside_between_bare_speaker_and_quotation(extract, text, name):
    art = extract(text)
    quote = art.quotes[0]
    speaker = art.entity(quote.speaker)
    assert speaker is not None and speaker.name == name


def test_analysts_after_the_quotation_keep_their_warning(validator):
    text = ('عنوان\n\nوأشاد الأعضاء بترشيح سوليفان. وقالت سوليفان (58 عاما) "سنعمل من أجل كل الناس في هذه '
            'المدينة." وقال مراقبون إن حظوظها كبيرة.')
    cats = [f.category for f in validator.validate_text(text).findings]
    assert "unnamed-speaker" not in cats and "unnamed-source" in cats


@pytest.mark.parametrize("text, name", [
    ("وقال تيم هاردي، من منظمة العفو الدولية، إن المحاكمة «سابقة في تاريخ القارة».", "تيم هاردي"),
    ("وقال هيرفي لوغران من وزارة البيئة إن النهر «لم يعد صالحا للصيد».", "هيرفي لوغران"),
])
def test_affiliation_after_unknown_name_names_the_speaker(extract, text, name):
    art = extract(text)
    speaker = art.entity(art.quotes[0].speaker)
    assert speaker is not None and speaker.name == name


def test_one_word_before_a_body_is_no_speaker(extract):
    art = extract("ويحتاج الطريق إلى لفتة سريعة من وزارة النقل قبل الشتاء.")
    assert not [e for e in art.entities if e.kind == "person"]
