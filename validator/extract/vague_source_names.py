"""Who a vague source turns out to be: the named person the next sentence or the lead's passage
gives (a delayed identification), the outlet that the same or the next sentence names, or the named
speaker whose statement media only relay. `attributions.find_attributions` calls these."""
from __future__ import annotations

import bisect

from validator.extract.attribution_sources import (
    _ARTICLE, _CLAUSE_START, _DOCUMENT_HEADS, _THAT_CLAUSE, _can_source, _conjoined, _firsts, _sentence_initial,
)
from validator.extract.entities.words import ONE_OF
from validator.extract.model import Entity, Mention
from validator.extract.outlets import _without_article, is_outlet
from validator.extract.patterns.shapes import verb as _verb_like
from validator.extract.wordclasses import affix, affixes, one_word, word_class
from validator.text.normalize import normalize_string
from validator.text.punctuation import QUOTE_STARTS, SEMICOLONS, SENTENCE_MARKS


_NISBA = affix("nisba-ending")  # القانوني → قانون
_PLURAL_ENDINGS = affixes("oblique-plural") + affixes("masculine-plural")  # ين، ون


def _named_next(ctx, spans, vague: Entity, sentence: int) -> Entity | None:
    """وأدان نائب عن المنطقة الحادثة. وقال النائب عبد الله أبشروا: ... — an unnamed role that the
    next sentence names (the same role word as the title of a named person)."""
    words = vague.mentions[0].loc.text.split() if vague.mentions else []
    if len(words) != 1 or len(vague.mentions) != 1:
        return None
    head = normalize_string(words[0]).removeprefix(_ARTICLE)
    start = ctx.index.containing(ctx.norm.to_normalized(vague.mentions[0].loc.end))
    lo = bisect.bisect_left(_firsts(spans), start)
    for s in spans[lo:lo + 12]:
        if s.first_token > start + 40:
            break
        nxt = ctx.sentence_of(ctx.tokens[s.first_token].start)[0]
        if nxt > sentence + 1:
            break
        if nxt == sentence + 1 and s.entity.kind == "person" and not s.entity.vague and s.mention.title:
            title = [w.removeprefix(_ARTICLE) for w in normalize_string(s.mention.title).split()]
            if title and title[0] == head:
                return s.entity
    return None


# مصادر، تقارير: a vague source that is not one official withholding a name
_SOURCE_NOUNS = word_class("attribution-words", "source-nouns")


def _identified_after_lead(ctx, spans, vague: Entity, sentence: int) -> Entity | None:
    """توقع مسؤول نفطي سعودي سابق أن ... . وأشار المهندس عثمان الخويطر، نائب رئيس أرامكو سابقا، إلى أن ...:
    a lead that withholds the speaker's name and the next sentence that gives it (a delayed
    identification). Only in the lead, only one official, and only when the next sentence opens with a
    reporting verb whose subject is a named person with a title: the same speaker, told in full. A plural
    (أعلن مسؤولون أن ... . وصرح فلان عضو المجلس أن) is a group, not the one member the next sentence names."""
    doc = ctx.doc
    body = next((x for x in doc.sentences if not (doc.headline and x.start < doc.headline.end)), None)
    if body is None or body.index != sentence or len(vague.mentions) != 1 \
            or vague.mentions[0].loc.text.split()[0] in _SOURCE_NOUNS:
        return None
    words = [_without_article(normalize_string(w)) for w in vague.mentions[0].loc.text.split()]
    if words[0] not in ONE_OF and any((entry := ctx.res["vague-sources"].lookup(w)) is not None
                                      and entry.get("number") == "pl" for w in words):
        return None  # بعض المحللين، عدد من الخبراء: a plural anywhere in the phrase, unless one of them (أحد)
    nexts = [sentence + 1]
    if sentence + 2 < len(doc.sentences) and doc.sentences[sentence + 1].paragraph == body.paragraph \
            and doc.text[body.start:body.end].rstrip().endswith(SEMICOLONS):
        nexts.append(sentence + 2)  # كشف وزير عن ...؛ وذلك خلال جولة ... . وقال فلان: the clause after a semicolon still tells the lead
    for nxt in nexts:
        person = _titled_speaker_opens(ctx, spans, nxt) if nxt < len(doc.sentences) else None
        if person is not None:
            return _lead_names(ctx, vague, person)
    return None


def _titled_speaker_opens(ctx, spans, sentence: int) -> Entity | None:
    """The named, titled person right after the reporting verb that opens the sentence (وأشار المهندس فلان)."""
    start, end = ctx.sentence_bounds(sentence)
    first = ctx.index.at_or_after(start)
    if first + 2 >= len(ctx.tokens):
        return None
    verbs = [m for m in ctx.hits("reporting-forms", start, ctx.tokens[first + 2].end)
             if m.entry.get("part") != "participle"]
    if not verbs:
        return None
    j = ctx.index.at_or_after(verbs[0].end)
    k = bisect.bisect_left(_firsts(spans), j)
    for s in spans[k:k + 3]:
        if s.first_token > j + 1 or ctx.tokens[s.first_token].start >= end:
            break
        if s.entity.kind == "person" and not s.entity.vague and (s.mention.title or s.entity.titles):
            return s.entity
    return None


def _lead_names(ctx, vague: Entity, person: Entity) -> Entity:
    """The lead's description is the named person's first mention, by title (معلمة سعودية، مسؤول نفطي سابق)."""
    lead = vague.mentions[0]
    person.mentions.append(Mention(ctx.new_id("m"), person.id, lead.loc, "title", title=lead.loc.text))
    return person


LEAD_DESCRIPTION = 5  # tokens after a lead's anonymous person that describe him (مسؤول في الأمم المتحدة)


def _role_title(ctx, word: str) -> bool:
    """A singular role of the titles lexicon (رئيس، مدير، وزير): one person, as a singular vague head is."""
    entry = ctx.res["titles"].lookup(word)
    return entry is not None and entry.get("kind") == "role"


def _identified_in_lead_passage(ctx, spans, vague: Entity, sentence: int) -> Entity | None:
    """قال مسؤول في الأمم المتحدة إن ... . وقال يوري بويتشينكو ... . وأضاف بويتشينكو الذي يترأس قسم ...
    التابع للأمم المتحدة ...؛ أكد أحد الأطباء الفرنسيين أن ... (next paragraph) وأوضح طبيب الأعصاب
    الفرنسي فيليب بولر أن ...: one anonymous person in the lead sentence whom the lead's paragraph or the
    next one names (a delayed identification, as wire stories write it): the first new named person
    who speaks there, when the words around his mentions repeat a word of the lead's description
    (الأمم المتحدة، الفرنسي). Sources (مصادر، تقارير) are not one person. A lead's plural group of people
    (أكد خبراء في القانون وعلم الاجتماع ... وقال المستشار القانوني فلان) is the named speakers when the
    first one's own title, between his verb and his name, names a field of the group's description."""
    doc = ctx.doc
    body = next((x for x in doc.sentences if not (doc.headline and x.start < doc.headline.end)), None)
    if body is None or body.index != sentence or not vague.mentions:
        return None
    lead = vague.mentions[0]
    first = ctx.index.containing(ctx.norm.to_normalized(lead.loc.start))
    last = ctx.index.containing(ctx.norm.to_normalized(lead.loc.end) - 1)
    head = _without_article(ctx.tokens[first].text)
    entry = ctx.res["vague-sources"].lookup(head)
    role = entry is None and _role_title(ctx, head)  # قال رئيس شركة صينية إن ... . وقال فلان رئيس شركة بكين
    one = (entry is not None and entry.get("number") == "sg") or (first > 0 and ctx.tokens[first - 1].text in ONE_OF) or role
    group = not one and entry is not None and entry.get("number") == "pl"
    if head in _SOURCE_NOUNS or not (one or group):
        return None
    described = _description_words(ctx, first + 1, last + 1 + LEAD_DESCRIPTION)
    if not described:
        return None
    if group:  # خبراء في القانون ... وقال المستشار القانوني فلان: a member whose own title names the field
        described = {_field_stem(w) for w in described}
    paragraph = ctx.sentence_of(ctx.tokens[first].start)[1]
    k = bisect.bisect_left(_firsts(spans), last + 1)
    for s in spans[k:]:
        at = ctx.sentence_of(ctx.tokens[s.first_token].start)
        if at[1] > paragraph + 1:
            break
        if role and at[0] == sentence:
            continue  # وقال مساعد للوزير فلان: the role's own complement names another, a later sentence its holder
        if s.entity.kind != "person" or s.entity.vague or s.mention.form != "name" or s.entity.mentions[0] is not s.mention \
                or not any(ctx.hit_at("reporting-forms", x) is not None and ctx.sentence_of(ctx.tokens[x].start) == at
                           for x in range(max(s.first_token - LEAD_DESCRIPTION, 0), s.first_token)):
            continue  # a person named before the lead, or one the news is about, not a speaker
        if group:
            verb = max(x for x in range(max(s.first_token - LEAD_DESCRIPTION, 0), s.first_token)
                       if ctx.hit_at("reporting-forms", x) is not None)
            titled = _description_words(ctx, verb + 1, s.last_token + 1)
            if described & {_field_stem(w) for w in titled}:
                return _lead_names(ctx, vague, s.entity)
            continue
        around = set()
        for m in s.entity.mentions:
            lo, hi = ctx.sentence_bounds(ctx.sentence_of(ctx.norm.to_normalized(m.loc.start))[0])
            around |= _description_words(ctx, ctx.index.at_or_after(lo), ctx.index.at_or_after(hi))
        shared = described & around
        if shared and (not all(_nationality(ctx, w) for w in shared) or _role_agrees(ctx, first, around)):
            return _lead_names(ctx, vague, s.entity)
        return None
    return None


def _nationality(ctx, word: str) -> bool:
    """A nationality adjective (يمني، فرنسي): a whole country's officials share it."""
    return ctx.res.nationality_forms.lookup(word) is not None


def _role_agrees(ctx, first: int, around: set[str]) -> bool:
    """The lead's head noun (after أحد: the noun it picks one of), or its singular (vague-sources singular=:
    أطباء → طبيب), is a word around the named speaker's mentions (طبيب الأعصاب الفرنسي فلان): the same kind
    of person. Where only a nationality links them (قال مسؤول عسكري يمني ... وأعلن وزير النقل اليمني فلان),
    a different role is another person: the lead's stays anonymous."""
    k = first + (_without_article(ctx.tokens[first].text) in ONE_OF)
    if k >= len(ctx.tokens):
        return False
    head = _plural_stem(_without_article(ctx.tokens[k].text))
    entry = ctx.res["vague-sources"].lookup(_without_article(ctx.tokens[k].text))
    heads = {head} | ({_without_article(normalize_string(entry.get("singular")))} if entry and entry.get("singular") else set())
    return bool(heads & around)


def _field_stem(word: str) -> str:
    """A description word and its nisba as one stem (القانون، القانوني; الاجتماع، الاجتماعي)."""
    return _plural_stem(word.removesuffix(_NISBA))


def _plural_stem(w: str) -> str:
    """The word without a sound plural ending (الفرنسيين → فرنسي), when a stem of three letters is left."""
    return next((w[:-len(e)] for e in _PLURAL_ENDINGS if w.endswith(e) and len(w) - len(e) >= 3), w)


def _description_words(ctx, lo: int, hi: int) -> set[str]:
    """The content words of tokens lo..hi-1 up to a reported clause, without article, preposition
    clitic or plural ending (الفرنسيين، الفرنسي → فرنسي; للأمم → أمم)."""
    words = set()
    for k in range(lo, min(hi, len(ctx.tokens))):
        t = ctx.tokens[k]
        if t.text in _CLAUSE_START or t.text in _THAT_CLAUSE:
            break
        if t.kind != "word" or ctx.res["stopwords"].lookup(t.text) is not None \
                or ctx.res.reporting_forms.lookup(t.text) is not None:
            continue
        w = _without_article(t.text)
        w = _plural_stem(w)
        if len(w) >= 3:
            words.add(w)
    return words


_MEDIA_HEADS = word_class("attribution-words", "media-heads")
OUTLET_VERBS = 3  # the reporting verbs after vague reports where the outlet that gave them may be named
RELAYED_VERB = 12  # tokens after أن where the named speaker's own reporting verb may come
RELAY_ADJECTIVES = 3  # words (and a comma) between the media and أن


def _relays_named_statement(ctx, spans, vague: Entity, sentence: int) -> bool:
    """ونقلت وكالة فرانس برس عن وسائل إعلام إيرانية، أن رئيس البنك المركزي الإيراني ... أكد أن ...:
    media (media-heads) whose reported clause opens with a named office or person and that speaker's own
    reporting verb only relay a statement on the record: the speaker is who an editor checks, the
    media are ordinary wire attribution, not an anonymous source."""
    mention = vague.mentions[0] if vague.mentions else None
    if mention is None:
        return False
    first = ctx.index.containing(ctx.norm.to_normalized(mention.loc.start))
    if _without_article(ctx.tokens[first].text) not in _MEDIA_HEADS:
        return False
    after = ctx.index.at_or_after(ctx.norm.to_normalized(mention.loc.end))
    k = next((x + 1 for x in range(after, min(after + RELAY_ADJECTIVES + 1, len(ctx.tokens) - 1))
              if ctx.tokens[x].text in _THAT_CLAUSE), None)  # (وسائل إعلام إيرانية رسمية، أن)
    if k is None:
        return False
    i = bisect.bisect_left(_firsts(spans), k)
    named = ctx.hit_at("titles", k) is not None or (
        i < len(spans) and spans[i].first_token == k and not spans[i].entity.vague
        and spans[i].entity.kind in ("person", "organization"))
    if not named:
        return False
    lo, hi = ctx.sentence_bounds(sentence)
    end = ctx.tokens[min(k + RELAYED_VERB, len(ctx.tokens) - 1)].end
    # his own verb, with his own reported clause (أكد أنه، قال: ...), not a noun (على استعداد لتقديم عرض)
    return any(v.entry.get("part") != "participle" and v.j < len(ctx.tokens) and ctx.tokens[v.j].text in _THAT_CLAUSE
               for v in ctx.hits("reporting-forms", ctx.tokens[k].start, min(end, hi)))


def _outlet_named_next(ctx, spans, vague: Entity, sentence: int) -> Entity | None:
    """أفادت تقارير إعلامية بأن ...، حيث ذكرت هيئة الإذاعة الأسترالية أن ...؛ ذكر تقرير إخباري أن ... .
    وذكرت وكالة ريا نوفوستي أن ...: media reports that the same sentence names (a reporting verb whose
    subject is a named outlet), or one report the next sentence names: the outlet is the source an
    editor can check. Reports (plural) an outlet in the next sentence follows stay unspecified (أفادت
    تقارير إخبارية بأن ... . وذكرت صحيفة «الوطن» أن ...: the paper adds its own details)."""
    words = vague.mentions[0].loc.text.split() if len(vague.mentions) == 1 else []
    head = _without_article(normalize_string(words[0])) if words else ""
    entry = ctx.res["vague-sources"].lookup(head)
    one = entry is not None and entry.get("number") == "sg" and head in _DOCUMENT_HEADS  # ذكر تقرير إخباري
    if head not in _MEDIA_HEADS and not one:
        return None
    last = sentence + 1 if one else sentence
    start = ctx.index.containing(ctx.norm.to_normalized(vague.mentions[0].loc.end))
    carrier = _carried_by(ctx, spans, start, sentence)
    if carrier is not None:
        return carrier
    lo, hi = ctx.tokens[start].start, len(ctx.norm.text)
    for n, verb in enumerate(ctx.hits("reporting-forms", lo, hi)):
        nxt = ctx.sentence_of(verb.start)[0]
        if nxt > last or n >= OUTLET_VERBS:
            break
        j = ctx.index.at_or_after(verb.end)
        k = bisect.bisect_left(_firsts(spans), j)
        if k < len(spans) and spans[k].first_token == j and is_outlet(spans[k].entity):
            return spans[k].entity
    return None


_CARRIED_BY = word_class("attribution-words", "carried-by")


def _carried_by(ctx, spans, j: int, sentence: int) -> Entity | None:
    """تقارير صحفية رومانية نقلتها صحيفة «...»، أنباء أوردتها وكالة ...: the named outlet that a verb of
    carrying right after the reports (one adjective or comma may come between) names; not a vague one
    (تقارير نقلتها صحف إيطالية stay unspecified)."""
    for k in range(j, min(j + 3, len(ctx.tokens))):
        if ctx.tokens[k].text in _CARRIED_BY:
            x = bisect.bisect_left(_firsts(spans), k + 1)
            if x < len(spans) and spans[x].first_token == k + 1 and is_outlet(spans[x].entity) \
                    and ctx.sentence_of(ctx.tokens[k].start)[0] == sentence:
                return spans[x].entity
            return None
    return None


def _definite_here(ctx, vague: Entity, sentence: int) -> bool:
    """A mention of the vague entity in the sentence written definite (التقرير، المصدر، والدراسة): Arabic's
    article on a repeated noun points back to the one already told of, where an indefinite (تقرير) opens a new one."""
    return any(normalize_string(m.loc.text).startswith(_DEFINITE_STARTS) for m in vague.mentions
               if m.form == "vague" and ctx.sentence_of(ctx.norm.to_normalized(m.loc.start))[0] == sentence)


_DEFINITE_STARTS = affixes("definite-start")


def identified_back_reference(ctx, identified: dict, source: Entity | None, sentence: int) -> Entity | None:
    """أوضح تقرير نشرته مجلة «فورين بوليسي» ... . وأضاف التقرير أن ...: the named source that an earlier
    mention of the vague entity was found to be (the next sentence's named person, the outlet that published
    a report, the agency that carried it: `identified`, vague id -> named entity), for a definite back-reference
    to it. None otherwise."""
    if source is None or not source.vague or source.id not in identified or not _definite_here(ctx, source, sentence):
        return None
    return identified[source.id]


def _is_document(e: Entity) -> bool:
    """A vague document (document-heads: تقرير، دراسة)."""
    return e.vague and bool(e.mentions) \
        and normalize_string(e.mentions[0].loc.text.split()[0]).removeprefix(_ARTICLE) in _DOCUMENT_HEADS


def _document_at(ctx, spans, j: int) -> Entity | None:
    """The vague document whose mention opens at token j, right after a verb whose source was found past it
    (أوضح تقرير كتبه فلان ونشرته مجلة ...: the report the named outlet published), or None."""
    k = bisect.bisect_left(_firsts(spans), j)
    return spans[k].entity if k < len(spans) and spans[k].first_token == j and _is_document(spans[k].entity) else None


def _vague_head(ctx, word: str) -> bool:
    """An indefinite head noun of a vague source (مختصون، مصادر، مسؤول): lexicon vague-sources kind=head."""
    entry = ctx.res["vague-sources"].lookup(word)
    return entry is not None and entry.get("kind") == "head" and not word.startswith(_ARTICLE)


_HOLDER_REACH = 16  # tokens from a role to its holder's name: a long complement (للدراسات والإشراف ...)


def _holder_before_clause(ctx, spans, vague: Entity, sentence: int) -> Entity | None:
    """وأوضح وكيل الأمين للدراسات والإشراف المهندس عدنان السيد أن ...: an indefinite role (titles.txt)
    whose complement no lexicon reads, then, before the reported clause, a named person with no title or
    only a courtesy title or rank: the role's holder, who speaks. A name after a role of its own (مستشار
    للرئيس الأفغاني أشرف غني) is someone else's: the role stays anonymous (session 16)."""
    if len(vague.mentions) != 1 or not any(x.startswith("titles.txt") for x in vague.mentions[0].lexicon):
        return None
    start = ctx.index.containing(ctx.norm.to_normalized(vague.mentions[0].loc.end))
    stop = start
    while stop < min(len(ctx.tokens), start + _HOLDER_REACH) and ctx.tokens[stop].text not in _THAT_CLAUSE \
            and ctx.tokens[stop].text not in QUOTE_STARTS and ctx.tokens[stop].text not in SENTENCE_MARKS:
        stop += 1
    if stop >= len(ctx.tokens) or ctx.tokens[stop].text in SENTENCE_MARKS:
        return None
    lo = bisect.bisect_left(_firsts(spans), start)
    for s in spans[lo:lo + 12]:
        if s.first_token >= stop:
            break
        if s.entity.kind != "person" or s.entity.vague or s.last_token >= stop:
            continue
        title = normalize_string(s.mention.title).split() if s.mention.title else []
        hit = ctx.hit_at("titles", s.first_token) if title else None  # (the mention opens with its title)
        if title and (hit is None or hit.entry.get("kind") not in ("honorific", "rank")):
            return None  # the name has a role of its own: not the holder of this one
        return s.entity
    return None


_COPY_NOUNS = word_class("attribution-words", "copy-nouns")  # نسخة، صورة
_COPY_OF = word_class("attribution-words", "copy-of")  # منها، منه
_COPY_FROM = one_word("attribution-words", "count-from")  # من
_COPY_REACH = 8  # tokens from the document to the copy noun (حصلت «الصحيفة» على نسخة)


def _copy_provider(ctx, spans, vague: Entity, sentence: int) -> Entity | None:
    """بحسب وثيقة حصلت الصحيفة على نسخة منها من الباحث فلان: a vague document (vague-sources tier=document)
    whose copy the same sentence says a named person or body handed over (a copy noun, its pronoun, من and
    the name): the document is that person's, identified (round 131 2015-08-02/753 L3, rejected)."""
    if len(vague.mentions) != 1 or not vague.mentions[0].loc.text.split():
        return None
    entry = ctx.res["vague-sources"].lookup(normalize_string(vague.mentions[0].loc.text.split()[0]))
    if entry is None or entry.get("tier") != "document":
        return None
    start = ctx.index.containing(ctx.norm.to_normalized(vague.mentions[0].loc.end)) + 1
    for k in range(start, min(start + _COPY_REACH, len(ctx.tokens) - 3)):
        if ctx.sentence_of(ctx.tokens[k].start)[0] != sentence:
            return None
        if normalize_string(ctx.tokens[k].text) in _COPY_NOUNS and normalize_string(ctx.tokens[k + 1].text) in _COPY_OF \
                and normalize_string(ctx.tokens[k + 2].text) == _COPY_FROM:
            lo = bisect.bisect_left(_firsts(spans), k + 3)
            s = spans[lo] if lo < len(spans) else None
            return s.entity if s is not None and s.first_token == k + 3 and not s.entity.vague else None
    return None


_AFFILIATION = word_class("entity-words", "affiliation-preposition")  # في، لدى، من
_FRONTING = word_class("attribution-words", "fronting")  # أن، لكن
AFFILIATION_REACH = 6  # tokens of the affiliation phrase between a fronted vague subject and its verb


def fronted_vague_subject(ctx, spans, i: int, sentence: int) -> Entity | None:
    """إلا أن مسؤولا آخر في المجلس الأعلى للسلام أشار إلى أن: an anonymous person or group fronted after أن،
    لكن (or opening its sentence), then the body he belongs to (في، لدى، من and its name), then the
    reporting verb at token i with its reported clause (أن، إن within _CLAUSE_AFTER tokens): the fronted noun is
    the verb's subject, the body only says where he works, however long its name (the plain window before the
    verb ends inside the body's name). Not after another speaker's إن (يقول إن قيادات في الجيش تعلم): his words."""
    if _conjoined(ctx, ctx.tokens[i].text):
        return None  # والتقى الوزير مسؤولين في الوزارة وأكد: the earlier subject's clause
    k = bisect.bisect_left(_firsts(spans), i - AFFILIATION_REACH - 1 - _LONGEST_VAGUE)
    for s in reversed(spans[max(k, 0):bisect.bisect_left(_firsts(spans), i)]):
        p = s.last_token + 1
        if not s.entity.vague or s.entity.kind != "unnamed" or not (i - AFFILIATION_REACH - 1 <= p < i - 1) \
                or ctx.tokens[p].text not in _AFFILIATION:
            continue
        between = ctx.tokens[p + 1:i]
        if any(t.kind != "word" or t.text in _THAT_CLAUSE or ctx.res.reporting_forms.lookup(t.text) is not None
               for t in between) or ctx.sentence_of(ctx.tokens[s.first_token].start)[0] != sentence:
            continue
        opener = s.first_token > 1 and normalize_string(ctx.tokens[s.first_token - 1].text) in _FRONTING \
            and ctx.res.reporting_forms.lookup(ctx.tokens[s.first_token - 2].text) is None  # (يقول إن قيادات ...: his words)
        said = any(ctx.tokens[x].text in _THAT_CLAUSE for x in range(i + 1, min(i + 1 + _CLAUSE_AFTER, len(ctx.tokens))))
        if said and (opener or _sentence_initial(ctx, s.first_token, sentence)) and _can_source(ctx, s):
            s.mention.is_source = True
            return s.entity
    return None


_LONGEST_VAGUE = 4  # tokens of a vague source's own span (مسؤولون أمنيون كبار)
_CLAUSE_AFTER = 3  # tokens after the verb where its reported clause opens (أشار إلى أن)


def conjoined_vague_subject(ctx, spans, m, i: int, sentence: int) -> Entity | None:
    """وربطت وسائل إعلام محلية بين الحادث والمحاكمة، وقالت إن ...: a reporting verb joined by و to a sentence
    that opens with another verb (no report) and its vague subject right after it: the verb's subject is that
    source, where their gender agrees and no named person or body stands between them."""
    if not _conjoined(ctx, ctx.tokens[i].text):
        return None
    first = ctx.index.at_or_after(ctx.sentence_bounds(sentence)[0])
    k = bisect.bisect_left(_firsts(spans), first + 1)
    if k >= len(spans) or spans[k].first_token != first + 1 or spans[k].last_token >= i:
        return None
    s = spans[k]
    opener = ctx.word_at(first)
    if not s.entity.vague or s.entity.kind != "unnamed" or not opener or not _verb_like(opener) \
            or ctx.res.reporting_forms.lookup(opener) is not None:
        return None
    words = s.entity.key.split()  # the head's gender (وسائل إعلام: f), which a phrase entry may not give
    head = next((e for n in (2, 1) if (e := ctx.res.vague_sources.lookup(" ".join(words[:n]))) is not None
                 and e.get("gender")), None)
    if (m.entry.get("gender") or "") not in ("", head.get("gender") if head else s.entity.gender):
        return None
    for t in spans[k + 1:bisect.bisect_left(_firsts(spans), i)]:
        if not t.entity.vague:
            return None  # والتقت مصادر الوزيرة سارة وقالت: whose clause it is, we cannot tell
    if not _can_source(ctx, s):
        return None
    s.mention.is_source = True
    return s.entity
