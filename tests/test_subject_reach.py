"""How far a speech verb reaches for its reported clause when a named person is its subject: past his
body, a description joined by و and the outlet he told (clause_after_subject, validator/extract/
clause_reach.py); not after a vague source (حذر خبراء ... من خطر ما يعرف بـ...، التي تعني أن)."""
from __future__ import annotations

_LONG = ('وبحسب نقابات عمالية، تعد هذه القضية سابقة في البلاد، حيث صرح توماس برينر، من منظمة العمل '
         'المستقل والمنسق العام لحملة الدفاع عن العمال المفصولين في المصنع لصحيفة محلية إنها «المرة الأولى '
         'التي يحاسب فيها مصنع كبير على ذلك».')


def test_quotation_after_a_long_description_is_the_named_speakers(extract):
    art = extract(_LONG)
    speaker = art.entity(art.quotes[0].speaker)
    assert speaker is not None and speaker.name == "توماس برينر"


def test_no_unnamed_speaker_after_a_long_description(validator):
    findings = validator.validate_text("عنوان\n\n" + _LONG).findings
    assert not [f for f in findings if f.category == "unnamed-speaker" and f.severity == "error"]


def test_vague_subject_keeps_the_short_reach(extract):
    art = extract("لطالما حذر باحثون من خطورة ظاهرة ما يعرف في الأوساط الأمنية والعسكرية المختصة في دول "
                  "المنطقة كلها بـ«الخلايا النائمة»، التي تعني أن الأفراد يعملون بلا قيادة.")
    sources = [art.entity(a.source) for a in art.attributions if a.source is not None]
    assert not [e for e in sources if e is not None and e.name.startswith("باحث")]
