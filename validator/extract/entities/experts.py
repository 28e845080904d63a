"""The experts at large (ويرى الخبراء أن، وقال المحللون: إن): a definite plural of experts that no named
person near it could sum up is as vague as its indefinite form (issue 13, round 23; round 83). So is a
plural at large (vague-sources group=at-large: وتشير المصادر إلى أن، ويرى المراقبون أن) that no anonymous
source before it (any, in its paragraph) and no person named as a speaker in its paragraph or the one
before explains (rounds 92-93); so are the officials at large after a verb of opinion (group=officials:
ويرى المسؤولون أن), though not after a verb of speech (أكد المسؤولون: the officials of the story); and
some of a kind of document (بعض الدراسات) that nobody names."""
from __future__ import annotations

import bisect

from validator.extract.attribution_sources import _THAT_CLAUSE
from validator.extract.letters import ARTICLE, NISBA_ENDING
from validator.extract.wordclasses import affix, one_word

_FEMININE_NISBA = affix("feminine-nisba")  # التاريخية
_PARTITIVE = one_word("entity-words", "partitive")  # من

_SENTENCES_BACK = 4  # a paragraph as long as a whole column: only its last sentences are near


def experts_at_large(reader, i: int, m) -> bool:
    """ويرى الخبراء أن، ويتوقع المحللون: a plural of experts (vague-sources group=experts) in its definite
    form where a source speaks, with no person named before it in its paragraph or the one before that
    it would sum up: one named among the four sentences before it in its own paragraph, or one named as a
    speaker there (وقال الخبير فلان ... ويتوقع المحللون: his words go on). A person the paragraph before only
    names as an actor (يحسم الوزير فلان الجدل ... ويرى التربويون أن: round 89) says nothing they sum up. A person only mentioned earlier in a long paragraph
    (a politician's recommendation, round 83 2015-07-21/2190) is nobody the experts sum up."""
    group = m.entry.get("group")
    if group not in ("experts", "at-large", "officials") or not reader._speaker_position(i):
        return False
    if group == "officials":  # ويرى المسؤولون أن: a view nobody is named for; أكد المسؤولون: those of the story
        verb = reader.res.reporting_forms.lookup(reader._word(i - 1) or "")
        if verb is None or verb.get("kind") != "opinion":
            return False
        group = "at-large"
    ctx, tokens = reader.ctx, reader.tokens
    sentence, paragraph = ctx.sentence_of(start := tokens[i].start)
    starts = [t.start for t in tokens]
    after = reader._word(m.j) or ""
    stop = reader.lex["stopwords"].lookup(after)  # إلى normalizes to an article-like word ending as a nisba
    if group == "at-large" and stop is None and after.startswith(ARTICLE) and after.endswith((_FEMININE_NISBA, NISBA_ENDING)) \
            and after.removeprefix(ARTICLE) not in reader.res.vague_modifiers:
        return False  # وتشير المصادر التاريخية إلى أن: a kind of sources (records, scholarship), no informant
    same = group == "at-large" and stop is not None and stop.get("kind") == "pronoun"  # المصادر ذاتها
    if group == "at-large" and any(e.kind == "unnamed" and any(
            (at := ctx.norm.to_normalized(x.loc.start)) < start and ctx.sentence_of(at)[1] == paragraph
            and (x.is_source or reader._speaker_position(bisect.bisect_left(starts, at)))
            for x in e.mentions) for e in reader.entities):
        return False  # كما أفادت وسائل إعلام محلية ... وأوضحت المصادر: the anonymous source told before

    def near(x) -> bool:
        at = ctx.norm.to_normalized(min(x.loc.start, x.title_loc.start if x.title_loc else x.loc.start))
        if at >= start or (place := ctx.sentence_of(at))[1] < paragraph - 1:
            return False
        return (group == "experts" and place[1] == paragraph and place[0] >= sentence - _SENTENCES_BACK) \
            or reader._speaker_position(bisect.bisect_left(starts, at))
    if same and any(k < i and ctx.sentence_of(tokens[k].start)[1] >= paragraph - 1 and reader._speaker_position(k)
                    for k in reader._body_at):
        return False  # وذكرت صحيفة «...» أن ... وكشفت المصادر ذاتها: the same sources, the outlet that spoke
    return not any(e.kind == "person" and not e.vague and any(near(x) for x in e.mentions) for e in reader.entities)


def not_some_of_a_kind(reader, i: int, entry) -> bool:
    """A plural document head read as vague only after a quantifier (vague-sources definite=no: definite
    form definite=quantified) at token i that has none (الدراسات: the studies told before), or whose
    quantifier opens a reported clause (تؤكد فلانة أن بعض الدراسات أشارت: the speaker's own reading,
    the studies hers): no vague source. بعض الدراسات، حسب العديد من الدراسات: some nobody names."""
    if entry.get("definite") != "quantified":
        return False
    if not reader._after_quantifier(i):
        return True
    k = i - 2 if reader._word(i - 1) == _PARTITIVE else i - 1
    return reader._word(k - 1) in _THAT_CLAUSE
