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
