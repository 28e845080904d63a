"""Attributions: reporting verbs, prepositional sources and statements, each with its source entity.

A verb's source is the entity named right after it (Arabic news is mostly verb-subject-object), or
right before it; a bare continuation verb ("وأضاف"، "وتابعت") or participle ("مؤكدا") refers to the
last source whose gender agrees, and becomes a mention of that entity.
"""
from __future__ import annotations

import bisect

from validator.extract.attribution_sources import (
    WITH_WINDOW,
    _HONORIFIC_PRONOUNS,
    _PREPOSITION_FILLER,
    _REPORTED_CLAUSE,
    _STATEMENT_FILLER,
    _THAT_CLAUSE,
    _after_subject,
    _filler,
    _firsts,
    _clause_follows,
    _last_person,
    _last_source,
    _mention_spans,
    _named_speaker_before,
    _says_person,
    _previous_opener,
    _previous_subject,
    _relay,
    _relay_past_outlet,
    _same_sentence_source,
    _sentence_initial,
    _sentence_person,
    _starts_clause,
    _subject_after,
    _subject_before,
    _word_follows,
)
from validator.extract.clause_reach import clause_after_subject, clause_in_reach
from validator.extract.context import Context
from validator.extract.passive_hedges import passive_hedge
from validator.extract.verb_subjects import not_verb_subject
from validator.extract.speech_cues import colon_quote_later, received_statement
from validator.extract.quote_classify import inside_ranges, speech_ranges
from validator.extract.group_identity import head_entry
from validator.extract.vague_source_names import (
    _identified_after_lead,
    _document_at,
    _identified_in_lead_passage,
    _is_document,
    _holder_before_clause, _copy_provider,
    _named_next,
    _vague_head,
    identified_back_reference,
    _outlet_named_next,
    conjoined_vague_subject,
    _relays_named_statement,
    fronted_vague_subject,
)
from validator.extract.bare_verbs import BARE_NAMED_SUBJECT_WORDS, bare_verbs
from validator.extract.noun_readings import read_as_noun
from validator.extract.anonymous_opener import anonymous_opener
from validator.extract.indefinite_antecedent import indefinite_antecedent, relative_antecedent
from validator.extract.unknown_subjects import _apposition_subject, _quoted_subject, _relative_subject, titled_subject
from validator.extract.verbless_attributions import _colon_attributions, _quote_runs
from validator.extract.letters import ARTICLE, HEH, PRONOUN_SUFFIXES, TEH, WAW, WAW_ARTICLE
from validator.extract.outlets import _without_article, is_outlet, last_outlet, outlet_back_reference
from validator.extract.wordclasses import affix, affixes, word_class
from validator.extract.model import Attribution, Entity, Mention, Quote
from validator.text.lexicon import LexMatch
from validator.text.normalize import normalize_string
from validator.text.punctuation import COMMAS, QUOTE_ENDS, QUOTE_STARTS, SENTENCE_MARKS


def find_attributions(ctx: Context, entities: list[Entity], quotes: list[Quote]) -> list[Attribution]:
    spans = _mention_spans(ctx, entities)
    inside_quote = speech_ranges(ctx, quotes)
    # tokens that cannot hold a reporting verb: impersonal phrases (يذكر أن), anonymity phrases
    # (رفض الكشف عن اسمه), a source phrase (نقلا عن), or a name (نجيب ميقاتي)
    blocked = {k for m in ctx.hits("impersonal-phrases") for k in range(m.i, m.j)}
    continuing = {m.i for m in ctx.hits("impersonal-phrases") if m.entry.get("continues") == "yes"}
    blocked |= {k for m in ctx.hits("vague-sources-all") if m.entry.get("kind") == "anonymity" for k in range(m.i, m.j)}
    phrases = ctx.hits("source-phrases")
    phrase_tokens = {k for m in phrases for k in range(m.i, m.j)}
    name_tokens = {k for s in spans if s.mention.form in ("name", "surname") for k in range(
        ctx.index.containing(ctx.norm.to_normalized(s.mention.loc.start)), s.last_token + 1)}
    results: list[Attribution] = []
    events = []
    for m in ctx.hits("reporting-forms"):
        if m.i not in phrase_tokens and m.i not in name_tokens:
            events.append((m.start, "verb", m))
    for m in phrases:
        events.append((m.start, m.entry.get("kind") or "preposition", m))
    events += [(m.start, "verb", m) for m in bare_verbs(ctx) if m.i not in name_tokens]
    events.sort(key=lambda e: e[0])
    last_source: list[tuple[Entity, int]] = []  # each source and its paragraph, in order
    by_id = {e.id: e for e in entities}
    refused = _refusals(ctx)
    trends = {m.span_start for m in ctx.patterns.find("trend-subject")}  # a thing saw a change: no one counted it
    sorted_by = {m.span_start for m in ctx.patterns.find("distributive-by")}  # موزعة حسب الدوائر: "by", no source
    quote_ends = {ctx.norm.to_normalized(q.loc.end) for q in quotes if q.kind == "speech" and q.balanced}
    identified: dict[str, Entity] = {}  # a vague source's id -> the named source its first mention was found to be
    for start, kind, m in events:
        if inside_ranges(inside_quote, start):
            continue
        i = ctx.index.containing(start)
        sentence, paragraph = ctx.sentence_of(start)
        if i in blocked and not (i in continuing and (_named_speaker_before(results, by_id, sentence, paragraph)
                                                      or _after_kana_subject(ctx, i)
                                                      or i > 0 and ctx.tokens[i - 1].text in _PRONOUN_LINKS)):
            continue
        j = ctx.index.at_or_after(m.end)
        source: Entity | None = None
        implicit = False
        after_quote = kind == "verb" and m.entry.get("postposed") == "yes" and _after_closing_mark(ctx, i, quote_ends)
        with_words = m.entry.get("with") if kind == "verb" else None
        with_word = bool(with_words) and any(_word_follows(ctx, j, sentence, normalize_string(w),
                                                           int(m.entry.get("with-window") or WITH_WINDOW))
                                             for w in with_words.split(","))
        # the verb itself, not its verbal noun: حديثه (his talk) is written as حديثة (recent) once normalized
        topic = normalize_string(m.entry.get("topic")) if kind == "verb" and m.entry.get("topic") \
            and not m.entry.norm.startswith(normalize_string(m.entry.get("masdar") or "-")) else None
        topic_word = topic is not None and _word_follows(ctx, j, sentence, topic)
        unreported = kind == "verb" and m.entry.get("object") != "noun" and m.entry.get("part") != "participle" \
            and not after_quote and not _says_person(ctx, spans, m, i, j) \
            and not clause_in_reach(ctx, j, sentence) and not clause_after_subject(ctx, spans, j, sentence, m.entry) \
            and not (m.entry.get("kind") == "speech" and colon_quote_later(ctx, j, sentence)) \
            and not _direct_statement(ctx, spans, m, i, j, sentence)
        if unreported and not with_word:
            if not topic_word:
                continue  # ختم، تابع، عرض، وصف: a report only when a reported clause follows
            topic_only = True  # تحدثت مصادر عسكرية عن انفجار: what a vague source told (see below)
        else:
            topic_only = False
        if kind == "verb":
            participle = m.entry.get("part") == "participle"
            if m.prefix.endswith(_LAM):
                continue  # لعرض أفضل ما لديهم، ليعلم، والأقدر: a verbal noun, a purpose clause or an adjective, no report
            if read_as_noun(ctx, m):
                continue  # كنفي لما تعرضت له، ذهب آخرون إلى رفض الفكرة، عبر كشف: a noun, never a verb: no report
            if m.entry.get("measure") and _measured(ctx, j, normalize_string(m.entry.get("measure"))):
                continue  # حسابات تقدر بملايين الدولارات: "is estimated at", not a report
            if m.i in refused:
                continue  # رفض مصدر مسؤول كشف أسباب التفجيرات، رفض التعليق: nothing was said
            if _negated_unreported(ctx, spans, m, i, j, sentence):
                continue  # لم يؤكدوا وفاته: what was not confirmed is no one's claim
            if m.entry.get("caused") == "yes" and i > 0 and ctx.tokens[i - 1].text in _CAUSE_RELATIVES \
                    and not (j < len(ctx.tokens) and ctx.tokens[j].text in _CALLED_TO):
                continue  # ما دعا مدير مكتبه لطرده: "which prompted", a cause, no report
            if m.entry.get("caused") == "imperfect" and i > 0 and ctx.tokens[i - 1].text in _CAUSE_RELATIVES \
                    and m.entry.norm[1:] == normalize_string(m.entry.get("imperfect") or "")[1:] \
                    and not _clause_follows(ctx, j, sentence, window=8, markers=_REPORTED_CLAUSE):
                continue  # ما يفيد أهالي المحافظة: "what benefits them", no report (ما أفاد مصدر still reports)
            if _plural_participle(m.entry):
                continue  # لافتات (banners), not a feminine plural of لافتا
            if m.entry.get("cue", "").startswith("colon") and not _colon_follows(ctx, j) and not (m.entry.get("cue") == "colon-later" and colon_quote_later(ctx, j, sentence)):
                continue  # زاد: "he added" only as وزاد: «...»; otherwise "increased"
            if with_words and not with_word and (unreported or not m.entry.get("with-source")) and (m.entry.get(
                    "with-only") or not _clause_follows(ctx, j, sentence, window=WITH_WINDOW, markers=_THAT_CLAUSE)):
                continue  # نقل الجهاز الطبي اللاعب إلى المستشفى: نقل reports only as نقل ... عن
            if participle and not (_clause_follows(ctx, j, sentence, window=3, markers=_REPORTED_CLAUSE)
                                   or (j < len(ctx.tokens) and ctx.tokens[j].text in QUOTE_STARTS)):
                continue  # مقرا، متوقعا: a participle reports only when a clause follows (مؤكدا أن)
            rel = _relative_before(ctx, i)
            # التنظيم الذي بشرت به مصادر: the verb agrees with its subject after it, not with the antecedent
            subject_after_relative = rel is not None and _disagrees(ctx.tokens[rel].text, m.entry.get("gender"))
            if subject_after_relative:
                rel = None
            if rel is not None and rel > 0 and ctx.tokens[rel - 1].text in _FACT_ANTECEDENTS:
                after = _subject_after(ctx, spans, j, sentence)
                if after is None or not after.vague or not _clause_follows(ctx, j, sentence, window=8):
                    continue  # وغيرهم، الأمر الذي يؤكد حرصه: what a fact shows, no one's report
                rel = None  # الأمر الذي نفى عدد من القياديين أن: a vague subject after the verb reports (round 66)
            if rel is not None and not participle:
                # الذي كتب روايات، التي قالت إن: the subject is the relative's antecedent, never the
                # noun after the verb (its object), and never a speaker carried over from before
                if m.entry.get("object") != "noun" and not _clause_follows(ctx, j, sentence, window=4):
                    continue  # التي ستبين حجم الدمار: a relative clause reports only when a clause follows
                source = relative_antecedent(ctx, spans, rel) or _subject_before(ctx, spans, rel, sentence)
                if source is not None and _antecedent_disagrees(ctx, ctx.tokens[rel].text, source):
                    _not_source_in(ctx, source, sentence)  # أمام الجماهير ووسائل الإعلام، والذي يتوقع:
                    source = None  # not that noun's clause
                if source is None and not _clause_follows(ctx, j, sentence):
                    continue
                _record(ctx, results, m, kind, source, sentence, paragraph, False, last_source)
                continue
            # a plural, dual or first-person form carries its subject: ويتابعون أخبار الصفقات، وأشير لتجربة
            # ريغان (the noun after it is its object)
            carried = m.entry.get("subject") == "pronoun"
            # تحدثت عن إعادة مواطنين: the noun after the topic's preposition is what was told, never who told it
            # وكانت مصادر أهلاوية قد كشفت عن عرض لحارسه: after كان ... قد the subject stands before the verb;
            # the noun after it is its object (round 92 2015-07-24/1747)
            kana = _subject_of_kana(ctx, spans, i, sentence) if i > 0 and ctx.tokens[i - 1].text in _QAD else None
            source = None if participle or carried or (topic is not None and ctx.word_at(j) == topic) \
                else kana or _subject_after(ctx, spans, j, sentence)
            if source is None and subject_after_relative:
                continue  # نيجيريا التي حذر رئيسها: the relative clause's subject is no one we know
            if source is not None and not_verb_subject(ctx, m.entry, source, i):
                _not_source_in(ctx, source, sentence)  # غرد الكثير من المغردين: the crowd doing what the news
                continue  # reports, not a source that gives it
            if source is None and not (participle or carried) and m.entry.get("with"):
                source = _relay_past_outlet(ctx, spans, j, sentence, m.entry.get("with"))
            if m.entry.get("source-after"):
                source = _source_after_word(ctx, spans, j, sentence, m.entry.get("source-after")) or source
            if source is not None and topic is None:  # تحدثت وسائل إعلام عن: the topic, not whom they relay
                source = _carried(ctx, spans, source, sentence, j, identified)
            if source is not None and source.vague:
                named = _named_next(ctx, spans, source, sentence) or _identified_after_lead(ctx, spans, source, sentence) \
                    or _outlet_named_next(ctx, spans, source, sentence) \
                    or _identified_in_lead_passage(ctx, spans, source, sentence) \
                    or _holder_before_clause(ctx, spans, source, sentence)
                if named is not None:
                    source.mentions[0].is_source = False
                    source = identified[source.id] = named
                elif _relays_named_statement(ctx, spans, source, sentence):
                    source.mentions[0].is_source = False  # the named speaker in the clause gives the claim
            if source is None and not participle:
                source = _subject_of_kana(ctx, spans, i, sentence) or indefinite_antecedent(ctx, spans, i) \
                    or _subject_before(ctx, spans, i, sentence) or fronted_vague_subject(ctx, spans, i, sentence) \
                    or conjoined_vague_subject(ctx, spans, m, i, sentence)
                if source is not None and source.vague:
                    # تقارير إعلامية ذكرت ...، أحد الأطباء الفرنسيين أكد ... (named in the next paragraph)
                    outlet = _outlet_named_next(ctx, spans, source, sentence) \
                        or _identified_in_lead_passage(ctx, spans, source, sentence)
                    if outlet is not None:
                        source.mentions[0].is_source = False
                        source = identified[source.id] = outlet
            if topic_only and source is None and outlet_back_reference(ctx.word_at(j)):
                source = last_outlet(spans, i)  # وتحدثت الصحيفة عن: the paper named before told of it
            if topic_only and (source is None or not source.vague and not is_outlet(source)):
                continue  # تحدث الوزير عن خطط الوزارة: a named speaker's topic, which quotes nothing
            if source is None and not participle:
                source = _apposition_subject(ctx, entities, j, sentence) or _quoted_subject(ctx, entities, quotes, j) \
                    or _relative_subject(ctx, entities, m, j, sentence) or titled_subject(ctx, entities, m, j, sentence)
                if source is not None:
                    by_id[source.id] = source
            if source is None and not participle and passive_hedge(ctx, m, i, sentence):
                continue  # صاروخ يعتقد أنه: the noun's "believed to be", no one's report
            if source is None and i in trends:
                continue  # contexts.pattern thing-registers-trend: its subject is no source, and no one goes on
            if source is None:
                gender = m.entry.get("gender") or ""
                source = _same_sentence_source(results, sentence, by_id) if participle else None
                linked = i > 0 and ctx.tokens[i - 1].text in _PRONOUN_LINKS  # لكنه أكد: the sentence's subject
                subject = _sentence_person(ctx, spans, i, sentence, opening=not linked) \
                    if (participle or linked) and source is None else None
                if subject is not None:
                    source = subject  # the sentence names him: as explicit as قال فلان
                opened, opener = _previous_opener(ctx, spans, results, i, sentence, gender) \
                    if source is None and _sentence_initial(ctx, i, sentence) else (False, None)
                source = source or opener or (anonymous_opener(ctx, spans, results, i, sentence, gender) if not opened
                                              and _sentence_initial(ctx, i, sentence) else None)
                if source is None and not opened and not (not participle and _unread_name_after(ctx, j)) \
                        and (participle or after_quote or _starts_clause(ctx, j)
                             or _sentence_initial(ctx, i, sentence)
                             or (j < len(ctx.tokens) and ctx.tokens[j].text in _HONORIFIC_PRONOUNS)):
                    source = _last_source(last_source, gender, paragraph) or _last_person(spans, i, gender)
                if source is None and not opened and _sentence_initial(ctx, i, sentence) \
                        and not _unread_name_after(ctx, j):
                    source = _previous_subject(ctx, spans, i, sentence)
                implicit = source is not None and subject is None
        elif kind == "preposition":
            if _criterion_after(ctx, j):
                continue  # تتراوح التكلفة بين 10 و20 ألف ريال حسب حجم المحل: "depending on", no source
            source = _subject_after(ctx, spans, j, sentence, window=4, filler=_PREPOSITION_FILLER)
            if i in sorted_by and source is not None and source.vague:
                _not_source_in(ctx, source, sentence)  # موزعة حسب الدوائر: sorted "by" what the vague noun
                continue  # names, no one's report
            if source is not None and source.vague:  # على حد ما نقلت وسائل إعلام عن الكابتن فلان
                source = _carried(ctx, spans, source, sentence, j, identified)
            if source is None and m.entry.norm.startswith(_IN_STATEMENT):
                # وقالت وزارة الصحة في بيان إن ...: the statement is the sentence's speaker's
                source = _same_sentence_source(results, sentence, by_id) or _subject_before(
                    ctx, spans, i, sentence, window=8)
        elif _listed_topic(ctx, i):
            continue  # في التحقيقات والتقارير والمتابعات: one item of a list of topics, no vehicle of a claim
        elif received_statement(ctx, i):
            continue  # تلقت غرفة العمليات بلاغا عن: a call that reached the body, not its statement
        else:  # a statement noun: في بيان، في تصريح
            # ويتهم التقرير المسؤولين: a definite statement noun heads no construct; a noun right after it is
            # the verb's object, not the statement's author (a filler may still lead to one: التقرير الصادر عن)
            construct = not (m.entry.norm.startswith(ARTICLE) and j < len(ctx.tokens) and not _filler(ctx, j, _STATEMENT_FILLER))
            # بعد تقرير، عقب دراسة: an event in time, not the vehicle of the words of the noun before it; a
            # conjunct's governor is its first term's (سيعمل النواب على مناقشة ودراسة قانون: على governs both)
            source = construct and _subject_after(ctx, spans, j, sentence, window=4, filler=_STATEMENT_FILLER,
                                                  documents=False) or (ctx.word_at(i - 1 - (m.prefix == WAW)) not in _EVENT_BEFORE and _subject_before(
                                                      ctx, spans, i, sentence, window=8, documents=False)) or None
        if source is not None and not source.vague and kind != "statement" \
                and (report := _document_at(ctx, spans, j)) is not None:
            identified.setdefault(report.id, source)  # أوضح تقرير نشرته مجلة ...: the outlet's report
        if (named := identified_back_reference(ctx, identified, source, sentence)) is not None:
            _not_source_in(ctx, source, sentence)  # وأضاف التقرير: the report already found to be the outlet's
            last_source.append((source, paragraph))  # its own gender for a bare verb after it (وقال التقرير ... مشيرا)
            source = named
        if source is None and kind == "statement":
            continue  # "رسالة"، "قرار" report something only when we can say whose
        # (a sentence-initial verb of bare-subject=clause, وبين فلان وهو موظف ... لـ"الوطن" أن: its clause after a long subject)
        if source is None and kind == "verb" and not _clause_follows(ctx, j, sentence, window=BARE_NAMED_SUBJECT_WORDS if m.entry.get("bare-subject") == "clause" and _sentence_initial(ctx, i, sentence) else 6) \
                and not _body_discloses(ctx, m, j, sentence) \
                and not (m.entry.get("kind") == "speech" and _sentence_initial(ctx, i, sentence)
                         and colon_quote_later(ctx, j, sentence, marked=False)):
            continue  # "بين بغداد وطهران": a verb form with neither a subject nor a reported clause
        if unreported and m.entry.get("with-source") == "official" \
                and (source is None or source.vague or (source.kind == "person" and not source.titles)):
            if source is not None:
                _not_source_in(ctx, source, sentence)
            continue  # أعرب الأهالي عن غضبهم: a feeling voiced by no body or official reports nothing
        _record(ctx, results, m, kind, source, sentence, paragraph, implicit, last_source)
    results.extend(_colon_attributions(ctx, spans))
    results.extend(_quote_runs(ctx, quotes, results, by_id))
    results.sort(key=lambda a: a.loc.start)
    for e in entities:
        e.mentions.sort(key=lambda x: x.loc.start)
    return results


BODY_NAME_WINDOW = 6  # tokens after a body's head noun where عن may stand: a name we do not know and an apposition (عملاق الخدمات النفطية)


def _body_discloses(ctx: Context, m: LexMatch, j: int, sentence: int) -> bool:
    """كشفت شركة هاليبرتون عن تراجع أرباحها: right after the verb, a body's head noun (lexicon bodies,
    kind=head) with a name we do not know, then the verb's complement preposition (reporting-verbs
    complement=عن): the body discloses, the sentence has its source."""
    word = m.entry.get("complement") if m.entry.get("part") != "participle" else None
    head = ctx.hit_at("bodies", j) if word else None
    if head is None or head.entry.get("kind") != "head":
        return False
    word = normalize_string(word)
    for k in range(head.j, min(head.j + BODY_NAME_WINDOW, len(ctx.tokens))):
        t = ctx.tokens[k]
        if t.kind != "word" or ctx.sentence_of(t.start)[0] != sentence:
            return False
        if t.text == word:
            return k > head.j  # the name stands between the head and the complement
    return False

def _listed_topic(ctx: Context, i: int) -> bool:
    """A statement noun joined by و to the definite noun before it (التحقيقات والتقارير) is one item
    of a list of what someone works on, not the report a claim comes from."""
    return i > 0 and ctx.tokens[i].text.startswith(WAW_ARTICLE) and ctx.tokens[i - 1].text.startswith(_DEFINITE_STARTS)


_PRONOUN_LINKS = word_class("attribution-words", "pronoun-links")
_CRITERIA = word_class("attribution-words", "criterion")


def _criterion_after(ctx: Context, j: int) -> bool:
    """حسب حجمها، بحسب نوع المركب، تبعا للمساحة: what a figure varies by (attribution-words criterion),
    bare, definite or with a pronoun (a feminine noun keeps its ت before it: حداثتها), is no source."""
    if j >= len(ctx.tokens):
        return False
    word = _without_article(ctx.tokens[j].text)
    for form in (word, *(word[:-len(x)] for x in PRONOUN_SUFFIXES if word.endswith(x) and len(word) - len(x) >= 3)):
        if form in _CRITERIA or (form != word and form.endswith(TEH) and form[:-len(TEH)] + HEH in _CRITERIA):
            return True
    return False


def _unread_name_after(ctx, j: int) -> bool:
    """وقالت سارة نيشوتا وهي أستاذة ...: a given name (not an everyday word) and one more word right after
    the verb are its own subject, a name the entity pass left unread (a foreign surname with the accusative
    ending): the verb is no continuation of an earlier source (session 16: a study credited with the quote)."""
    if j + 1 >= len(ctx.tokens) or ctx.tokens[j].kind != "word" or ctx.tokens[j + 1].kind != "word":
        return False
    word = ctx.tokens[j].text
    return word in ctx.res.given_names.by_norm and word not in ctx.res["common-given-names"].by_norm
_SPEECH_LEAD_INS = word_class("attribution-words", "speech-lead-ins")
_DEFINITE_STARTS = affixes("definite-start")


def _direct_statement(ctx: Context, spans, m: LexMatch, i: int, j: int, sentence: int) -> bool:
    """وأضاف بلغ حجم الإنفاق ...، وأوضح فلان هاتفيا، قتل ...، ومضى يقول ...: a speech verb (direct=yes)
    that opens its sentence after و/ف, or follows a lead-in verb that does, reports the statement after
    it even with no أن or colon. Opening the sentence it must be followed by a named person or by an
    indefinite word (the statement's verb): before a definite noun it is a plain verb (ويضيف المشروع
    قواعد جديدة), and mid-sentence too (أضاف المنتخب هدفا)."""
    if m.entry.get("direct") != "yes":
        return False
    if m.prefix and _sentence_initial(ctx, i, sentence):
        if j >= len(ctx.tokens) or ctx.tokens[j].kind != "word":
            return False
        k = bisect.bisect_left(_firsts(spans), j)
        if k < len(spans) and spans[k].first_token == j:
            return spans[k].entity.kind == "person"
        return not ctx.tokens[j].text.startswith(_DEFINITE_STARTS)
    return i > 0 and ctx.tokens[i - 1].text in _SPEECH_LEAD_INS and _sentence_initial(ctx, i - 1, sentence)


# في بيان، في تصريح: a statement phrase that opens with في (source-phrases)
_IN_STATEMENT = tuple(w + " " for w in sorted(word_class("attribution-words", "statement-in")))
_CONJUNCTIONS = frozenset(affixes("conjunction"))


def _after_closing_mark(ctx: Context, i: int, quote_ends: set[int]) -> bool:
    """«...» يقول، «...»، قال الوزير: a speech verb right after a quotation (a comma between at most)
    reports it; the speaker comes after the words, as often in features and interviews."""
    k = i - 1
    if k >= 0 and ctx.tokens[k].text in COMMAS:
        k -= 1
    return k >= 0 and ctx.tokens[k].text in QUOTE_ENDS and ctx.tokens[k].end in quote_ends


def _record(ctx, results, m, kind, source, sentence, paragraph, implicit, last_source) -> None:
    loc = ctx.loc(m.start, m.end)
    att = Attribution(ctx.new_id("a"), loc, m.entry.get("lemma") or m.entry.text,
                      "verb" if kind == "verb" else kind, source.id if source else None,
                      sentence=sentence, paragraph=paragraph, implicit=implicit, lexicon=m.entry.source)
    results.append(att)
    if source is not None:
        if implicit:
            mention = Mention(ctx.new_id("m"), source.id, loc, "verb")
            mention.is_source = True
            source.mentions.append(mention)
        # حسب التقديرات: estimates (vague-sources tier=hedge) hedge a figure and speak no words: a later bare
        # verb or participle (حيث قال:، مشيرا إلى أن) goes on with someone else
        if (entry := head_entry(source, ctx.res["vague-sources"])) is None or entry.get("tier") != "hedge":
            last_source.append((source, paragraph))


_RELATIVES = word_class("attribution-words", "relatives")
_BEFORE_VERB = word_class("attribution-words", "before-verb")  # الذي قد كتب، التي أخذت تشرح
_TEMPORAL_ANTECEDENTS = word_class("attribution-words", "temporal-antecedents")  # الوقت، الحين
_LAM = affix("lam")  # ل
_EVENT_BEFORE = word_class("attribution-words", "event-before")  # a statement noun after them is an event
_FACT_ANTECEDENTS = word_class("attribution-words", "fact-antecedents")  # الأمر، الشيء
_CAUSE_RELATIVES = word_class("attribution-words", "cause-relatives")  # ما دعا: which prompted
_CALLED_TO = word_class("attribution-words", "called-to")  # ما دعا إليه: what he called for
_NEGATIONS = word_class("attribution-words", "negation")  # لم، لا، لن


def _negated_unreported(ctx, spans, m: LexMatch, i: int, j: int, sentence: int) -> bool:
    """A verb right after a negation with no reported clause after it or its subject (إلا أن المسؤولين لم
    يؤكدوا وفاته): nothing was said. Not a denial (لم ينف المصدر الخبر: a claim left standing)."""
    if i == 0 or ctx.tokens[i - 1].text not in _NEGATIONS or m.entry.get("kind") == "denial":
        return False
    return not _clause_follows(ctx, j, sentence, window=16, same_sentence=True) \
        and not _clause_follows(ctx, _after_subject(ctx, spans, j), sentence, window=16, same_sentence=True)


def _relative_before(ctx, i: int) -> int | None:
    """The relative pronoun that opens the clause of the verb at token i (الذي كتب، التي أخذ يشرح)."""
    for k in (i - 1, i - 2):
        if k < 0 or ctx.tokens[k].kind == "punct":
            return None
        if ctx.tokens[k].text in _RELATIVES:
            if k > 0 and ctx.tokens[k - 1].text in _TEMPORAL_ANTECEDENTS:
                return None  # في الوقت الذي توقع محللون: "while", the subject follows the verb
            return k
        if k == i - 1 and ctx.tokens[k].text not in _BEFORE_VERB:
            return None
    return None


_RELATIVE_GENDER = {**{w: "m" for w in word_class("attribution-words", "relative-m")},
                    **{w: "f" for w in word_class("attribution-words", "relative-f")}}


_KANA = word_class("attribution-words", "kana")  # كان، وكانت
_QAD = word_class("attribution-words", "qad")    # قد


def _after_kana_subject(ctx, i: int, reach: int = 12) -> bool:
    """وكان مسؤول محلي (قد) ذكر أن: a phrase that also reads impersonal (ذكر أن, lexicon impersonal-phrases
    continues=yes) after the كان that opens its clause and a word between them, its subject: the active verb."""
    for k in range(i - 1, max(i - reach, -1), -1):
        t = ctx.tokens[k].text
        if t in SENTENCE_MARKS or t in COMMAS:
            return False
        if t in _KANA:
            return i - k > 1 and not (i - k == 2 and ctx.tokens[i - 1].text in _QAD)
    return False


def _subject_of_kana(ctx, spans, i: int, sentence: int, reach: int = 15) -> Entity | None:
    """وكانت دراسة عن تطبيقات الجوال في المملكة قد أشارت: the verb after قد has for subject the noun
    right after the كان that opens its clause, however long that noun's complement. Without قد (وكان
    مسؤول في الإدارة المحلية ذكر أن) the same within a shorter reach and no comma between (session 16)."""
    if i == 0:
        return None
    qad = ctx.tokens[i - 1].text in _QAD
    if not qad:
        reach = 8
    for k in range(i - (2 if qad else 1), max(i - reach, -1), -1):
        t = ctx.tokens[k]
        if t.text in SENTENCE_MARKS or t.text in _QAD or (not qad and t.text in COMMAS):
            return None
        if t.text in _KANA:
            return _subject_after(ctx, spans, k + 1, sentence, window=1)
    return None


def _relayed(ctx, spans, source: Entity, sentence: int, j: int) -> Entity:
    """Whom an outlet quotes (نقلت وكالة فارس عن المتحدث), or the outlet. Vague media that quote a named person
    or body (نقلت وسائل إعلام عن المدافع فلان) or a document a named one gave a copy of (_copy_provider) are no
    source of their own; quoting a role with no holder named (عن متحدث باسم الوزارة) they stay the source."""
    relayed = _relay(ctx, spans, source, sentence, j) or _copy_provider(ctx, spans, source, sentence)
    if relayed is not None and source.vague and not relayed.vague and (not relayed.role_only or any(
            x.title and len(x.loc.text.split()) > len(x.title.split()) for x in relayed.mentions)):
        # (الكابتن الكشي: a title and a word after it, his name, where no lexicon knows the name)
        _not_source_in(ctx, source, sentence)
    return relayed or source


def _carried(ctx, spans, source: Entity, sentence: int, j: int, identified: dict) -> Entity:
    """_relayed, and a vague document (document-heads: تقرير، دراسة) that a named outlet carried
    (بحسب التقرير الذي نقلته وكالة ...) recorded as that outlet's in `identified`."""
    relayed = _relayed(ctx, spans, source, sentence, j)
    if not relayed.vague and _is_document(source):
        identified.setdefault(source.id, relayed)
    return relayed


def _not_source_in(ctx, entity: Entity, sentence: int) -> None:
    """The entity's mentions in the sentence give no claim of their own."""
    for mention in entity.mentions:
        if ctx.sentence_of(ctx.norm.to_normalized(mention.loc.start))[0] == sentence:
            mention.is_source = False


def _disagrees(relative: str, verb_gender: str | None) -> bool:
    """A singular relative pronoun and a verb of the other gender: the antecedent is not the subject."""
    gender = _RELATIVE_GENDER.get(relative)
    return gender is not None and verb_gender in ("m", "f") and verb_gender != gender


def _antecedent_disagrees(ctx, relative: str, source: Entity) -> bool:
    """A singular relative pronoun of the other gender than a vague source's head (vague-sources gender:
    وسائل الإعلام f, والذي m): the vague noun is not its antecedent, so not the subject of its verb."""
    gender = _RELATIVE_GENDER.get(relative)
    if gender is None or not source.vague or not source.key:
        return False
    lexicon = ctx.res["vague-sources"]
    entry = lexicon.lookup(source.key)
    if entry is None or not entry.get("gender"):
        entry = lexicon.lookup(source.key.split(" ", 1)[0].removeprefix(ARTICLE))
    return entry is not None and entry.get("gender") in ("m", "f") and entry.get("gender") != gender


def _plural_participle(entry) -> bool:
    """The feminine plural of an adverbial participle (لافتات، قائلات) is read as a noun (banners)."""
    participle = normalize_string(entry.get("participle") or "")
    return bool(participle) and entry.norm == participle.removesuffix(affix("accusative")) + affix("feminine-plural")


def _colon_follows(ctx, j: int) -> bool:
    """وزاد: «...» / وزاد في حديثه: ... — a colon or a quotation mark right after the verb."""
    for k in range(j, min(j + 3, len(ctx.tokens))):
        if ctx.tokens[k].text == ":" or ctx.tokens[k].text in QUOTE_STARTS:
            return True
        if ctx.tokens[k].kind == "punct":
            return False
    return False


REFUSED_REACH = 6  # tokens after رفض where what was refused (كشف، التعليق) may come, past its subject


def _refusals(ctx: Context) -> set[int]:
    """رفض مصدر مسؤول كشف أسباب التفجيرات، رفض التعليق: a refusal verb (reporting-verbs refusal=yes) and
    the verbal noun of a reporting verb (masdar, with or without the article) within REFUSED_REACH tokens
    after it in its sentence, before any reported clause: the tokens of both, which report nothing."""
    out = set()
    for m in ctx.hits("reporting-forms"):
        if not m.entry.get("refusal"):
            continue
        sentence = ctx.sentence_of(m.start)[0]
        for k in range(m.j, min(m.j + REFUSED_REACH, len(ctx.tokens))):
            t = ctx.tokens[k].text
            if t in _THAT_CLAUSE or ctx.sentence_of(ctx.tokens[k].start)[0] != sentence:
                break
            if t.removeprefix(ARTICLE) in ctx.res.reporting_masdars:
                out |= {m.i, k}
                break
    return out


def _measured(ctx: Context, j: int, clitic: str) -> bool:
    """Token j is the clitic on a figure: بملايين، بنحو، بأكثر من، ب 300 (a number word, a qualifier of one
    word or more, or a number)."""
    if j >= len(ctx.tokens) or not ctx.tokens[j].text.startswith(clitic):
        return False
    rest = ctx.tokens[j].text[len(clitic):]
    if not rest:
        return j + 1 < len(ctx.tokens) and ctx.tokens[j + 1].kind == "number"
    qualifier = ctx.hit_at("qualifiers", j)
    return ctx.res["number-words"].lookup(rest) is not None or (qualifier is not None and qualifier.prefix == clitic)


def _source_after_word(ctx: Context, spans, j: int, sentence: int, word: str, reach: int = 6) -> Entity | None:
    """علمت «الوطن» من مصادر مطلعة: the entity right after `word` (reporting-verbs source-after),
    within `reach` tokens of the verb, gives the claim."""
    word = normalize_string(word)
    for k in range(j, min(j + reach, len(ctx.tokens))):
        if ctx.tokens[k].text in _THAT_CLAUSE:
            return None  # علما بأنها من سكان المدينة: that word inside what was learned brings no source
        if ctx.tokens[k].text == word:
            return _subject_after(ctx, spans, k + 1, sentence, window=3)
    return None
