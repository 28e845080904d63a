"""The list of tags that closes an article (tag_lists.py): a spelling written only there is no spelling of
the story's text."""
from __future__ import annotations

STORY = "إنستقرام يطلق خدمة جديدة للمعلنين\n\nأطلق موقع انستقرام خدمة إعلانية جديدة، ويحظى حساب المطربة على انستقرام بمتابعة واسعة."


def test_a_spelling_only_in_the_closing_tags_is_dropped(extract):
    assert not extract(STORY + " سمات اعلانات انستغرام شبكات التواصل").spellings


def test_the_label_inside_a_sentence_opens_no_tags(extract):
    text = STORY + " ومن سمات انستغرام أنه سريع، بحسب المستخدمين."
    assert extract(text).spellings
