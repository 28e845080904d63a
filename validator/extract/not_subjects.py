"""Vague nouns after a reporting verb or a source preposition that the words before them make no source
(`attribution_sources._subject_after` asks): the noun after the clitic ك is what something is taken as
(نشرها كوثائق سرية: "as documents"); after a count noun in construct (وفقا لعدد أفراد الأسرة) it is what a
measure counts, "depending on"; after a preposition of the medium that follows another phrase of the verb
(أعلنت عبر حساباتها في مواقع التواصل) it is the channel of the announcer before the verb."""
from __future__ import annotations

from validator.extract.letters import WAW
from validator.extract.wordclasses import affix, one_word, word_class
from validator.text.normalize import normalize_string
from validator.text.punctuation import QUOTE_ENDS, QUOTE_STARTS

_KA = affix("ka")  # ك
_COUNT_OF = word_class("attribution-words", "count-of")  # عدد، لعدد
_FROM = one_word("attribution-words", "count-from")  # من
_CHANNEL_IN = word_class("attribution-words", "channel-in")  # في، على، عبر
_SOURCE_FROM = word_class("attribution-words", "source-from")  # من، عن
_OWNED = word_class("vague-sources", "from", attribute="owned")  # مصادرها
_LAM = affix("lam")
_TOLD_IN = word_class("attribution-words", "told-in")  # تصريحات، حديث، مقابلة
_PRESS = word_class("attribution-words", "press-heads")  # وسائل، صحف، مواقع
_ONE_OF = word_class("entity-words", "one-of")  # أحد، إحدى
_MEMBER_OF = word_class("attribution-words", "member-of")  # في، من
_ADDRESSED_ON = word_class("attribution-words", "addressed-on")  # على، إلى
_WHOLE = word_class("entity-words", "whole-quantifier")  # كل، جميع، كافة
_AUDIENCE_TO = word_class("attribution-words", "audience-to")  # لعدد، لبعض، لأحد
_RELAY_FROM = word_class("attribution-words", "relay-from")  # عن
_IF_VERB = word_class("attribution-words", "if-verb")  # إذا، لو، فإن right before the verb
_WHAT = one_word("attribution-words", "if-filler")  # إذا ما قال: read off after the conditional
_AUDIENCE_REACH = 3  # words of the speaker's name between the verb and whom he told
_GROUP_REACH = 3  # words of the body's or the person's name between the preposition and the named span


def as_predicate(tok: str, head: str) -> bool:
    """كوثائق، كشهود: the vague head carries the clitic ك, "as" or "like": a role or a comparison."""
    return tok.endswith(head) and _KA in tok[:len(tok) - len(head)]


def coordinated(ctx, s, j: int, tok: str, head: str) -> bool:
    """تقارير ووثائق، بيانات وإحصاءات: the vague noun right after the statement noun or verb carries the
    conjunction و: it is joined to the word before it (the reports and documents a named outlet publishes), no
    author of it (round 153 2015-07-21/677 L3, rejected)."""
    return s.first_token == j and tok.endswith(head) and tok[:len(tok) - len(head)].startswith(WAW) \
        and s.mention.loc.start > ctx.tokens[s.first_token].start


def measured(ctx, j: int, first: int) -> bool:
    """وفقا لعدد أفراد الأسرة: a count noun before the source with no من after it counts, it quotes nobody."""
    return any(ctx.tokens[x].text in _COUNT_OF and ctx.tokens[x + 1].text != _FROM for x in range(j, first))


def channel_of(ctx, j: int, first: int) -> bool:
    """أعلنت عبر حساباتها في مواقع التواصل: the vague noun is a preposition's object, the preposition
    not right after the verb (ذكر في بعض وسائل الإعلام stays the verb's source)."""
    return first - 1 > j and ctx.tokens[first - 1].text in _CHANNEL_IN


def medium_of_document(ctx, s, j: int) -> bool:
    """تسرب في مواقع التواصل خطاب بعثته الإدارة، نشر على الشبكات بيان: the vague medium after في or على right after
    the verb and before a statement noun (source-phrases kind=statement) is where the document came out; the
    document is the verb's subject, the medium says nothing (round 154 2015-07-24/1300 L11, rejected)."""
    if s.first_token - 1 != j or ctx.tokens[j].text not in _CHANNEL_IN or s.last_token + 1 >= len(ctx.tokens):
        return False
    hit = ctx.hit_at("source-phrases", s.last_token + 1)
    return hit is not None and hit.entry.get("kind") == "statement"


def addressed(ctx, j: int, first: int) -> bool:
    """وشدد على جميع السكان: a vague group after على or إلى right after the verb (a quantifier between at most)
    is whom the speaker urges or warns, his addressee, not the verb's subject (round 123 2015-07-21/2425).
    After another phrase of the verb (سترد بقوة على منتقدين يقولون) it is left to the clause it opens."""
    k = first - 1
    if k > j and ctx.tokens[k].text in _WHOLE:
        k -= 1
    return k == j and ctx.tokens[k].text in _ADDRESSED_ON


def audience(ctx, j: int, first: int) -> bool:
    """وقال فلان لعدد من المقربين منه، لأحد المقربين: a vague group after a count or part with the ل clitic
    (attribution-words audience-to; من between read off), within a name's reach of a reporting verb right
    before token j, is whom the speaker told, not a source (round 133 2015-07-21/1735 L3)."""
    if j < 1 or ctx.res.reporting_forms.lookup(ctx.tokens[j - 1].text) is None:
        return False
    k = first - 2 if first - 1 > j and ctx.tokens[first - 1].text == _FROM else first - 1
    return j <= k <= j + _AUDIENCE_REACH and normalize_string(ctx.tokens[k].text) in _AUDIENCE_TO


def owned_elsewhere(ctx, s, head: str) -> bool:
    """ومصادرها، تكشف مصادرها: an outlet's own sources (vague-sources owned=from) give a claim only right after
    من or عن (علمت الصحيفة من مصادرها); elsewhere they are the owner's resources or origins."""
    return head in _OWNED and (s.first_token == 0 or ctx.tokens[s.first_token - 1].text not in _SOURCE_FROM)


def told_press(ctx, s, tok: str, head: str) -> bool:
    """في تصريحات لوسائل إعلام محلية: outlets with the ل clitic right after a statement noun are whom the
    speaker told, not who says it."""
    f = s.first_token
    return f > 0 and head in _PRESS and tok.startswith(_LAM) and not head.startswith(_LAM) \
        and ctx.tokens[f - 1].text in _TOLD_IN


def masdar_object(ctx, s, j: int, head: str) -> bool:
    """تمكنت من نقل معلومات مهمة للطلاب: news or information at large (vague-sources generic=yes) right after
    a reporting verb's verbal noun spelled as its perfect (نقل، ذكر، كشف) that a preposition governs is what
    is passed on, the verbal noun's object, not a source (round 130 2015-07-24/1604 L7, rejected)."""
    v = j - 1
    if s.first_token != j or v < 1:
        return False
    entry = ctx.res["vague-sources"].lookup(head)
    return entry is not None and entry.get("generic") == "yes" \
        and normalize_string(ctx.tokens[v].text) in ctx.res.reporting_masdars \
        and normalize_string(ctx.tokens[v - 1].text) in ctx.res.prepositions


def hypothetical(ctx, j: int) -> bool:
    """فإن انتقد كاتب خدمة ما، إذا ما قال خبير: a conditional (attribution-words if-verb) right before the verb
    makes its subject a case the writer supposes, no source of a claim (round 154 2015-07-24/1934 L4). Token
    j is the first after the verb."""
    k = j - 2
    if k >= 1 and normalize_string(ctx.tokens[k].text) == _WHAT:
        k -= 1
    return k >= 0 and normalize_string(ctx.tokens[k].text) in _IF_VERB


def agency_witness(ctx, s) -> bool:
    """وذكر شاهد من رويترز أنه رأى: a vague noun that من ties to a news agency right after it (bodies
    kind=agency) is the agency's own reporter, whose account the agency signs (round 115 2015-07-21/2140 L3,
    rejected); «قال شهود لرويترز» (witnesses the agency spoke to) stays anonymous."""
    words = normalize_string(s.mention.loc.text).split()
    k = s.last_token + (1 if words and words[-1] == _FROM else 2)
    if k >= len(ctx.tokens) or normalize_string(ctx.tokens[k - 1].text) != _FROM:
        return False
    hit = ctx.hit_at("bodies", k)
    return hit is not None and hit.entry.get("kind") == "agency"


def not_subject(ctx, s, j: int) -> bool:
    """The vague mention s, found after the verb or preposition at token j, is no source."""
    if not s.entity.vague:
        return False
    if measured(ctx, j, s.first_token) or channel_of(ctx, j, s.first_token) or addressed(ctx, j, s.first_token) \
            or medium_of_document(ctx, s, j) or hypothetical(ctx, j) or agency_witness(ctx, s) \
            or audience(ctx, j, s.first_token):
        return True
    words = normalize_string(s.mention.loc.text).split()  # the mention's head and its first token, read once
    if not words:
        return False
    tok, head = normalize_string(ctx.tokens[s.first_token].text), words[0]
    return as_predicate(tok, head) or coordinated(ctx, s, j, tok, head) or owned_elsewhere(ctx, s, head) \
        or told_press(ctx, s, tok, head) or masdar_object(ctx, s, j, head)


def described_person(ctx, spans, best):
    """المواطن فلان أحد سكان الحي بقوله: a vague noun right after a named person is his description (an
    apposition: one of the residents, the witnesses), not another speaker; the person before it is the
    subject of the verb after both (`attribution_sources._subject_before` asks; round 104 2015-07-22/1515)."""
    best = _relayed_holder(ctx, spans, best)
    if best is None or not best.entity.vague:
        return best
    gap = 1 + (best.first_token > 0 and normalize_string(ctx.tokens[best.first_token - 1].text) in _ONE_OF)
    named = next((s for s in spans if s.last_token == best.first_token - gap), None)
    return named if named is not None and named.entity.kind == "person" and not named.entity.vague \
        and not named.entity.role_only else best


def sources_in(ctx, spans, best):
    """فإن مصادر في تيار فلان أكدت، قياديون من حزب التجمع يؤكدون: a named person or body right before a fronted
    verb that a member-of preposition (في، من) ties to a vague group before it is whose the group is; the
    vague group is the verb's subject (`attribution_sources._subject_before` asks; round 114 2015-07-22/34)."""
    if best is None or best.entity.vague:
        return best
    for s in reversed(spans):
        if not s.entity.vague or s.last_token >= best.first_token:
            continue
        words = normalize_string(s.mention.loc.text).split()
        if words and words[-1] in _MEMBER_OF:
            first = s.last_token + 1  # (the mention ends with its preposition: مصادر في)
        else:
            first = s.last_token + 2
            if first - 1 >= len(ctx.tokens) or normalize_string(ctx.tokens[first - 1].text) not in _MEMBER_OF:
                return best
        between = [ctx.tokens[k].text for k in range(first, best.first_token)]
        return s if len(between) <= _GROUP_REACH and all(w[:1].isalpha() or w in QUOTE_STARTS or w in QUOTE_ENDS for w in between) else best
    return best



def _relayed_holder(ctx, spans, best):
    """ونقلت الوكالة عن متحدث باسم الشركة قوله: the body that ends a person's span (متحدث باسم الشركة) is his
    genitive, not the subject of the verb after it: the person relayed after عن is (round 158 2015-07-26/126)."""
    if best is None or best.entity.kind == "person":
        return best
    outer = next((s for s in spans if s.first_token < best.first_token and s.last_token == best.last_token
                  and s.entity.kind == "person" and s.first_token > 0
                  and normalize_string(ctx.tokens[s.first_token - 1].text) in _RELAY_FROM), None)
    return outer or best
