"""Who an attribution's source is: the entity named right after a reporting word or right before it,
an outlet that relays another source, and the last source a bare continuation verb refers back to
(a vague source named elsewhere: `vague_source_names`; whether a body is an outlet: `outlets`).
`attributions.find_attributions` calls these."""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from validator.extract.context import Context
from validator.extract.construct_genitive import genitive_of_noun
from validator.extract.patterns.shapes import adverbial_participle as _adverbial_participle, verbal_noun as _verbal_noun_shape
from validator.extract.wordclasses import affix, affixes, word_class
from validator.extract.model import Entity, Mention
from validator.extract.addressees import past_quoted_addressee as _past_quoted_addressee, told_body as _told_body
from validator.extract.not_subjects import described_person, not_subject, sources_in
from validator.extract.quote_classify import _PRONOUN_SUFFIXES, quoted_name_mark
from validator.text.normalize import normalize_string
from validator.text.punctuation import ARABIC_COMMA, COMMAS, QUOTE_ENDS, QUOTE_STARTS, SENTENCE_MARKS

_CLAUSE_MARKERS = frozenset({':'}) | QUOTE_STARTS | word_class("attribution-words", "clause-markers")
_OPENS_CLAUSE = word_class("attribution-words", "new-clause")  # لكن، فإن: the name after it is the new clause's
SUBJECT_WINDOW = 5      # tokens after a verb where its subject may start
PRE_SUBJECT_WINDOW = 3  # tokens before a verb where a fronted subject may end
_CLAUSE_START = frozenset({':', ARABIC_COMMA}) | QUOTE_STARTS | word_class("attribution-words", "clause-start")
# what opens another clause between a verb and a subject after it (أن، بينما، حيث)
_OTHER_CLAUSE = frozenset({":", "«", '"', "،"}) | word_class("attribution-words", "other-clause")
_ARTICLE = affix("article")
_CONJUNCTIONS = frozenset(affixes("conjunction"))
_PREPOSITION_CLITICS, _LI, _LI_ARTICLE = affixes("preposition-clitic"), affix("lam"), affix("li-article")  # للوزير، بالوزير
_LAM = (affix("lam"),)
_APPOSITION = word_class("entity-words", "apposition-pronoun")  # وهو، وهي


@dataclass(slots=True)
class _MentionSpan:
    mention: Mention
    entity: Entity
    first_token: int
    last_token: int


def _mention_spans(ctx: Context, entities: list[Entity]) -> list[_MentionSpan]:
    spans = []
    for e in entities:
        for m in e.mentions:
            start = m.loc.start
            if m.title_loc is not None and m.title_loc.start < start:
                start = m.title_loc.start
            first = ctx.index.containing(ctx.norm.to_normalized(start))
            last = ctx.index.containing(max(ctx.norm.to_normalized(m.loc.end) - 1, 0))
            spans.append(_MentionSpan(m, e, first, last))
    spans.sort(key=lambda s: s.first_token)
    return spans


def _after_subject(ctx, spans, j: int) -> int:
    """The token after the subject that opens the clause at j and its title in apposition: وقال عبد
    العزيز الصبري، عضو المركز الإعلامي للمجلس العسكري في قطاع الضباب بشرق مدينة تعز، لـ«الشرق الأوسط» بأن
    ...: the reported clause is counted from there, however long the title."""
    k = bisect.bisect_left(_firsts(spans), j)
    if k < len(spans) and spans[k].first_token == j:
        mention = spans[k].mention
        end = mention.title_loc.end if mention.title_loc is not None else mention.loc.end
        return max(j, ctx.index.at_or_after(ctx.norm.to_normalized(max(end, mention.loc.end))))
    return j


def _subject_after(ctx, spans, j, sentence, window=SUBJECT_WINDOW, filler=None, documents=True) -> Entity | None:
    """The entity named right after a verb, a preposition (filler: the words allowed before it, as
    بحسب ما أفاد) or a statement noun (documents=False: في بيان، not بيانات تقرير)."""
    j = _past_quoted_addressee(ctx, j)
    k = bisect.bisect_left(_firsts(spans), j)
    for n in range(len(spans) - k):  # (a slice of the rest would copy it, for every verb)
        s = spans[k + n]
        if s.first_token >= j + window:
            break
        if ctx.sentence_of(ctx.tokens[s.first_token].start)[0] == sentence:
            # nothing that opens a clause may stand between the verb and its subject
            between = {ctx.tokens[x].text for x in range(j, s.first_token)}
            if between & _OTHER_CLAUSE and not _quoted_name(ctx, s, j):
                return None  # the subject of another clause
            if not_subject(ctx, s, j) or any(_adverbial_participle(ctx.tokens[x].text) for x in range(j, s.first_token)):
                return None  # وقال بحر مخاطبا أهالي الأسرى: the noun after the participle is its object (كوثائق: not_subjects)
            if s.entity.vague and any(ctx.tokens[x].text in _APPOSITION for x in range(j, s.first_token)):
                return None  # وقال شو وهو مسؤول كبير في الحزب: who the subject before it is, no source
            if any(ctx.hit_at("casualty-verbs", x) is not None for x in range(j, s.first_token)):
                return None  # أعلنت الحركة مسؤوليتها عن قتل نائب: the noun after قتل is the victim
            if filler is not None and any(not _filler(ctx, x, filler) for x in range(j, s.first_token)):
                return None  # وفق مخططات وصفت بواسطة خبراء: the source is not the next noun phrase
            if not _can_source(ctx, s, documents):
                continue  # أمام (a preposition read as إمام), بيانات تقرير: not a source
            if filler is None and _told_body(ctx, s, s.first_token):
                continue  # قال لرويترز: the body told is no subject
            if s.first_token > j and filler is None and documents and (
                    (_definite_noun(ctx, j) or genitive_of_noun(ctx, j, s.first_token)) if s.entity.vague else _object_noun(ctx, j)):
                return None  # سيذكر الفقيد كقائد دبلوماسي، وثق تنفيذ طائرات نظام بشار الأسد، تنفي منع مواطنين: the
                # noun right after the verb is its subject or its object; the name (or vague genitive) after it is neither
            if s.entity.vague and s.first_token - 1 > j and _object_noun(ctx, s.first_token - 1) \
                    and ctx.tokens[s.first_token].text.startswith(_ARTICLE):
                return None  # نفى فيه تبادل المعلومات: a definite noun after a verbal noun is its object
            if s.entity.vague and s.first_token > j and _owned_verbal_noun(ctx.tokens[s.first_token - 1].text):
                return None  # أوضحت امتلاكهم حسابات: the pronoun is the verbal noun's agent, the noun its object
            chosen = _named_after(ctx, spans, k + n, sentence) if s.entity.vague else None
            if chosen is not None and chosen.entity.kind == "person" and not chosen.mention.title \
                    and ctx.hit_at("titles", s.first_token) is not None:
                # مدير شؤون المعلمين محمد غانم: the role that introduced the name is his title
                title = ctx.loc(ctx.tokens[s.first_token].start, ctx.tokens[chosen.first_token - 1].end)
                chosen.mention.title, chosen.mention.title_loc = title.text.strip(" ،,"), title
                if chosen.mention.title not in chosen.entity.titles:
                    chosen.entity.titles.append(chosen.mention.title)
            chosen = chosen or s
            chosen.mention.is_source = True
            return chosen.entity
    return None


def _quoted_name(ctx, s, j: int) -> bool:
    """The verb's subject is a named body or person quoted alone right after it (وقال «مجلس اللاجئين
    النرويجي» إن): the marks enclose the name, they open no quotation (session 16)."""
    end = s.last_token + 1
    return s.first_token == j + 1 and not s.entity.vague and end < len(ctx.tokens) \
        and (ctx.tokens[j].text, ctx.tokens[end].text) in _NAME_MARKS


_NAME_MARKS = frozenset({("«", "»"), ('"', '"')})


# Words that may stand between a source preposition and its source: بحسب ما أفاد، وفقا لتقديرات ...
_PREPOSITION_FILLER = word_class("attribution-words", "preposition-filler")
# Words that may stand between a statement noun and its author: في بيان صادر عن، في تصريح خاص لـ ...
_STATEMENT_FILLER = word_class("attribution-words", "statement-filler")


_TIME_WORDS = word_class("attribution-words", "time-words")


WITH_WINDOW = 8  # tokens after a verb where the word its `with=` attribute asks for may stand
_THAT_CLAUSE = frozenset({':'}) | word_class("attribution-words", "that-clause")


def _word_follows(ctx, j: int, sentence: int, word: str, window: int = WITH_WINDOW) -> bool:  # word: normalized
    """`word` among the next `window` tokens of the sentence, also with و/ف before it or a pronoun after
    it (وعن، عنه، عنها)."""
    for k in range(j, min(j + window, len(ctx.tokens))):
        t = ctx.tokens[k]
        if ctx.sentence_of(t.start)[0] != sentence:
            return False
        w = t.text[1:] if t.text[:1] in _CONJUNCTIONS and t.text[1:].startswith(word) else t.text
        if w == word or (w.startswith(word) and w[len(word):] in _PRONOUN_SUFFIXES):
            return True
    return False


def _filler(ctx, x: int, allowed) -> bool:
    t = ctx.tokens[x]
    if t.kind == "punct" or t.text in allowed or ctx.res.reporting_forms.lookup(t.text) is not None:
        return True
    if t.text in _TIME_WORDS or ctx.res["months"].lookup(t.text) is not None:
        return True  # بحسب ما أفاد الأربعاء مسؤول محلي، حسبما أفاد أمس مصدر
    return ctx.res.reporting_with_object(t.text) is not None  # وفقا لما أكده، بحسب ما ذكرته


def _definite_noun(ctx, j: int) -> bool:
    """A definite common noun (الفقيد، الوزارة), not a time word (اليوم، الليلة): the first noun after a
    verb, which Arabic word order makes its subject."""
    w = ctx.tokens[j].text if j < len(ctx.tokens) else ""
    quantifier = ctx.res["stopwords"].lookup(w)  # العديد من التقارير: the quantifier opens the subject
    return w.startswith(_ARTICLE) and len(w) > 3 and w not in _TIME_WORDS and ctx.tokens[j].kind == "word" \
        and ctx.hit_at("months", j) is None \
        and not (quantifier is not None and quantifier.get("kind") == "quantifier")  # (months: الأربعاء too)


def _object_noun(ctx, j: int) -> bool:
    """A verbal noun right after a verb (تنفيذ in وثق تنفيذ طائرات نظام بشار الأسد): the verb's object,
    so a name after it is not the subject. An unknown word there may be the subject's first name."""
    tok = ctx.tokens[j] if j < len(ctx.tokens) else None
    if tok is None or tok.kind != "word":
        return False
    w = tok.text
    return _verbal_noun_shape(_ARTICLE + w, plurals=False) and ctx.hit_at("titles", j) is None \
        and ctx.hit_at("source-phrases", j) is None and ctx.res.reporting_forms.lookup(w) is None


def _owned_verbal_noun(w: str) -> bool:  # امتلاكهم، تقديمها: a verbal noun with its agent's pronoun
    return any(w.endswith(x) and len(w) - len(x) >= 3 and _verbal_noun_shape(_ARTICLE + w[:-len(x)], plurals=False) for x in _PRONOUN_SUFFIXES)


def _can_source(ctx, s, documents: bool = True) -> bool:
    """A candidate source: not a preposition misread as a vague role (أمام as إمام), and for a
    statement noun not another document (بيانات أحدث تقرير)."""
    if not s.entity.vague:
        return True
    words = s.mention.loc.text.split()
    if len(words) == 1 and normalize_string(words[0]) in ctx.res.prepositions:
        return False
    head = normalize_string(words[0]).removeprefix(_ARTICLE) if words else ""
    if not documents and head in _DOCUMENT_HEADS:
        return False
    nxt = s.last_token + 1
    if head in _DOCUMENT_HEADS and nxt < len(ctx.tokens) and ctx.tokens[nxt].text in QUOTE_STARTS:
        return False  # تقرير «ساما»، نشرة "الأسواق": a report named after its issuer
    if head in _DOCUMENT_HEADS and nxt < len(ctx.tokens) and ctx.tokens[nxt].text in _PUBLISHED \
            and not any(ctx.word_at(x) in _CLAUSE_NEXT for x in (nxt + 2, nxt + 3)):
        return False  # تقرير نشر على موقع صحيفة «ديلي ميل»: its publisher named next (not نشر مؤخرا فإن: a clause)
    return True


# Vague heads whose owner may be a body named right after them (متحدث الجامعة، تقديرات مصور الوكالة)
_OWNED_HEADS = word_class("attribution-words", "owned-heads")
_SOURCE_NOUNS = word_class("attribution-words", "source-nouns") | word_class("entity-words", "one-of")  # المصدر في الشرطة، أحد العاملين في المستشفى: no role, owns no body

_PUBLISHED = word_class("attribution-words", "published")
_CLAUSE_NEXT = _THAT_CLAUSE | word_class("attribution-words", "new-clause")  # أن، فإن: a clause, no publisher

_DOCUMENT_HEADS = word_class("attribution-words", "document-heads")
# نقلت وكالة ... عن، ذكرت صحف ... عن: a document or the press relays the source it quotes
_RELAY_HEADS = _DOCUMENT_HEADS | word_class("attribution-words", "press-heads")
_RELAY_FROM = word_class("attribution-words", "relay-from")


def _named_after(ctx, spans, k: int, sentence) -> "_MentionSpan | None":
    """متحدث الجامعة الدكتور محمد الثبيتي، تقديرات مصور وكالة فرانس برس، المتحدث باسم أهالي
    المختطفين، الشيخ عمر حيدر: a vague head whose holder or owner is named right after it. A role
    (مدير، رئيس) may reach over the body it heads: مدير فرع الهيئة العامة للسياحة بتبوك ناصر الخريصي."""
    vague = spans[k]
    words = vague.mention.loc.text.split()
    head = normalize_string(words[0]).removeprefix(_ARTICLE) if words else ""
    entry = ctx.hit_at("vague-sources-all", vague.first_token)
    # a role of the titles lexicon; a vague source of several words (وسائل إعلام مصرية) is none, and the
    # person after it (وفاة الفنان ...) is what it reports, not its holder
    role = ctx.res["vague-sources"].lookup(normalize_string(words[0])) is None and (head not in _SOURCE_NOUNS or head in _OWNED_HEADS) \
        and (entry is None or entry.j - entry.i == 1) if words else False
    if len(words) != 1 and not role:
        return None  # مسؤول أميركي رفض الكشف عن اسمه: a described anonymous source owns nothing after it
    covered: set[int] = set()  # tokens of the bodies a role reaches over
    body = None
    for s in spans[k + 1:k + 10]:
        if s.first_token <= vague.last_token:
            continue
        # a genitive chain: مدير شؤون المعلمين محمد ...، رئيس برنامج موهبة بمدارس الرياض أحمد ...
        gap = s.first_token - vague.last_token - 1 - len(covered)
        if gap > (7 if role else 4):
            break
        if s.entity.vague or ctx.sentence_of(ctx.tokens[s.first_token].start)[0] != sentence:
            continue
        between = [ctx.tokens[x] for x in range(vague.last_token + 1, s.first_token) if x not in covered]
        if any(t.text in _CLAUSE_MARKERS or t.text in _OPENS_CLAUSE or t.text in (".", "؛", "؟", "!", "(", ")", "-")
               for t in between):
            return body
        if any(ctx.res.reporting_forms.lookup(t.text) is not None for t in between):
            return body
        first = ctx.tokens[s.first_token].text
        if first.startswith(_PREPOSITION_CLITICS) and not first.startswith(_ARTICLE) \
                and not normalize_string(s.mention.loc.text).startswith(first[:2]):
            return body  # للوزير، للصحفيين: whom the source spoke to
        if s.entity.kind != "person":
            if any(t.text == "،" for t in between) or any(
                    t.kind != "punct" and t.text.startswith(_PREPOSITION_CLITICS) and not t.text.startswith(_ARTICLE)
                    for t in between):
                return body
            if role:
                body = body or s  # the body the role heads; its holder may follow
                covered |= set(range(s.first_token, s.last_token + 1))
                continue
            # أبلغ مسؤول حكومي وكالة "رويترز": a body after an anonymous official is whom he told;
            # only a spokesman, an estimate or a report belongs to the body named after it
            return s if head in _OWNED_HEADS else None
        if any(t.kind != "punct" and t.text.startswith(_LAM if role else _PREPOSITION_CLITICS)
               and not t.text.startswith(_ARTICLE) for t in between):
            return body  # مسؤول للصحفيين: a preposition ends the source's noun phrase
        return s
    return body


def _firsts(spans) -> list[int]:
    """first_token of each span (spans are sorted by it), cached for the last list asked about.
    The cache holds the list itself and compares identity: an id() alone can be reused by the next
    article's list once the previous one is freed, which gave stale answers."""
    if _FIRSTS and _FIRSTS[0] is spans and len(_FIRSTS[1]) == len(spans):
        return _FIRSTS[1]
    firsts = [s.first_token for s in spans]
    _FIRSTS[:] = [spans, firsts]
    return firsts


_FIRSTS: list = []


def _relay(ctx, spans, outlet: Entity, sentence, j: int) -> Entity | None:
    """نقلت وكالة "فارس" عن المتحدث ...: the source is who the outlet quotes."""
    if outlet.kind == "person" or (outlet.vague and _head(outlet) not in _RELAY_HEADS):
        return None  # أدان نائب عن المنطقة: عن after a person is not a relay
    k0 = bisect.bisect_left(_firsts(spans), j)
    for s in spans[k0:k0 + 8]:
        if s.entity is outlet:
            k = _past_parenthesis(ctx, s.last_token + 1)  # هيئة الإذاعة اليابانية (إن.إتش.كيه) عن
            while k < len(ctx.tokens) and ctx.tokens[k].kind == "punct":
                k += 1
            for extra in range(0, 6):
                if k + extra < len(ctx.tokens) and ctx.tokens[k + extra].text in _RELAY_FROM:
                    nxt = _subject_after(ctx, spans, k + extra + 1, sentence, window=3)
                    if nxt is not None:
                        return nxt
    return None


def _relay_past_outlet(ctx, spans, j: int, sentence, relay_words: str) -> Entity | None:
    """ونقلت الصحيفة عن مصادر مطلعة: a relay verb (reporting-verbs with= a relay-from word) whose outlet is a
    definite common noun no lexicon names (الصحيفة، القناة), also with definite adjectives (الإذاعة
    الإسرائيلية، التلفزيون الرسمي السوري), gives the claim to whom it quotes after عن."""
    k = j
    while k < j + OUTLET_WORDS and (ctx.word_at(k) or "").startswith(_ARTICLE):
        k += 1
    after = ctx.word_at(k)
    if k == j or after not in _RELAY_FROM or after not in relay_words.split(","):
        return None
    return _subject_after(ctx, spans, k + 1, sentence, window=3)


OUTLET_WORDS = 3  # a described outlet: its noun and up to two definite adjectives


def _past_parenthesis(ctx, k: int, longest: int = 8) -> int:
    """The token after a parenthesis that opens at token k (an outlet's abbreviation), or k."""
    if k < len(ctx.tokens) and ctx.tokens[k].text == "(":
        for x in range(k + 1, min(k + 1 + longest, len(ctx.tokens))):
            if ctx.tokens[x].text == ")":
                return x + 1
    return k


def _subject_before(ctx, spans, i, sentence, window=PRE_SUBJECT_WINDOW, documents=True) -> Entity | None:
    fronted = _subject_before_aside(ctx, spans, i, sentence, documents)
    if fronted is not None:
        fronted.mention.is_source = True
        return fronted.entity
    best = None
    # a span ending in i-window..i-1 starts at most MAX_SPAN tokens earlier
    lo = bisect.bisect_left(_firsts(spans), i - window - _MAX_SPAN)
    hi = bisect.bisect_left(_firsts(spans), i)
    for s in spans[lo:hi]:
        if i - window <= s.last_token < i and ctx.sentence_of(ctx.tokens[s.last_token].start)[0] == sentence:
            between = {ctx.tokens[k].text for k in range(s.last_token + 1, i)}
            if between & _CLAUSE_MARKERS:
                continue  # السيسي إن بلاده ستواصل: the name belongs to the outer clause
            if not _can_source(ctx, s, documents):
                continue
            if s.entity.vague and s.first_token > 0 and _seize_verb(ctx.tokens[s.first_token - 1].text):
                continue  # وضبطت الشرطة أصحاب الحسابات: whom a verb of seizing acts on is its object, no source
            if s.entity.vague and _conjoined(ctx, ctx.tokens[i].text):
                continue  # والتقى الوزير مختصين وأكد: a verb with و opens a clause of the earlier subject
            if s.first_token > 0 and normalize_string(ctx.tokens[s.first_token - 1].text) in ctx.res.prepositions \
                    or s.entity.vague and _clitic_preposition(ctx, s):
                continue  # انتشر عبر مواقع التواصل كشف ...، حل بسكان المدينة فيواصل: a noun inside a
                # prepositional phrase is no subject (a named body keeps its reading: the rule is for
                # vague sources, where a wrong subject is an unnamed-source warning)
            best = s
    best = sources_in(ctx, spans[lo:hi], described_person(ctx, spans[lo:hi], best))
    if best is not None and best.entity.kind == "organization" and best.last_token == i - 1:
        # مصادر الجزيرة تشير، مصادر الوزارة تؤكد: a body's sources, right before the verb, are its subject
        best = next((s for s in spans[lo:hi] if s.entity.vague and s.last_token == best.first_token - 1), best)
    if best is not None:
        best.mention.is_source = True
        return best.entity
    return None


def _conjoined(ctx, word: str) -> bool:
    """وأكد، فأوضح: a reporting verb carrying the conjunction (not وصف, whose و is its own)."""
    return word[:1] in _CONJUNCTIONS and ctx.res.reporting_forms.lookup(word[1:]) is not None


_MAX_SPAN = 40
ASIDE_LONGEST = 14  # tokens of an aside set off by commas between a fronted subject and its verb
_ASIDE_OPENERS = word_class("attribution-words", "aside-openers")
_FRONTING = word_class("attribution-words", "fronting")
_ASIDE_STOPS = COMMAS | SENTENCE_MARKS | _CLAUSE_MARKERS | QUOTE_ENDS  # an aside's opening comma, or none


def _subject_before_aside(ctx, spans, i, sentence, documents) -> "_MentionSpan | None":
    """إلا أن الكاتب، بحسب رسالته التي نشرتها الصحف، يقول إن: a noun inside an aside between a fronted
    subject and its verb (الصحف) is not the verb's subject; the noun before the aside's comma is, when it
    opens the sentence or follows أن، لكن (not في مقابلة مع الوكالة، خلال زيارته، قال فلان)."""
    if i < 2 or ctx.tokens[i - 1].text not in COMMAS:
        return None
    c = next((c for c in range(i - 2, max(i - 2 - ASIDE_LONGEST, 0), -1) if ctx.tokens[c].text in _ASIDE_STOPS), 0)
    opener = normalize_string(ctx.tokens[c + 1].text)
    if ctx.tokens[c].text not in COMMAS or c + 1 >= i - 1 \
            or opener not in ctx.res.prepositions and opener not in _ASIDE_OPENERS:
        return None
    k = bisect.bisect_right(_firsts(spans), c - 1)
    s = next((s for s in reversed(spans[max(k - _MAX_SPAN, 0):k]) if s.last_token == c - 1), None)
    if s is None or ctx.sentence_of(ctx.tokens[s.last_token].start)[0] != sentence \
            or not _can_source(ctx, s, documents):
        return None
    return s if _sentence_initial(ctx, s.first_token, sentence) \
        or normalize_string(ctx.tokens[s.first_token - 1].text) in _FRONTING else None

# verbs of seizing whose next noun is whom they act on (ضبطت، اعتقلت): issue 13, round 37
# and verbal nouns of finding out whose next noun is what is sought (seek-nouns: the origin of goods)
_SEIZE_VERBS = word_class("attribution-words", "seize-verbs") | word_class("attribution-words", "seek-nouns")
_AND = affix("and")


def _seize_verb(word: str) -> bool:
    w = normalize_string(word)
    return w in _SEIZE_VERBS or w.startswith(_AND) and w[len(_AND):] in _SEIZE_VERBS


def _clitic_preposition(ctx, s) -> bool:
    """بسكان، لمسؤولين: the mention starts inside its token, after a clitic preposition (و/ف before it)."""
    token, at = ctx.tokens[s.first_token], ctx.norm.to_normalized(s.mention.loc.start) - ctx.tokens[s.first_token].start
    prefix = token.text[:at] + (_LI if token.text[at:].startswith(_LI_ARTICLE) else "")  # للمصادر: its ل kept
    return prefix[-1:] in _PREPOSITION_CLITICS and prefix[:-1] in ("", *_CONJUNCTIONS)


def _same_sentence_source(results, sentence, by_id) -> Entity | None:
    found = [(a, by_id.get(a.source)) for a in results if a.sentence == sentence and a.source]
    while len(found) > 1 and found[-1][1] is not None and found[-1][1].vague and any(  # نفى الوزير معلومات تحدثت
            0 <= found[-1][0].loc.start - m.loc.end <= 2 for m in found[-1][1].mentions):  # عن ...، قائلا: a
        found.pop()  # vague noun before its verb opens a relative clause of the object, not the speaker (round 86)
    return found[-1][1] if found else None


def _sentence_person(ctx, spans, i: int, sentence: int, opening: bool = True) -> Entity | None:
    """ناتانياهو يرسم خطا أحمر ... قائلا: إن ...: the person a nominal sentence opens with (at its start,
    or after a colon or a comma) says what the participle reports. A name after other words may end a
    title the extractor did not read, or be an object. opening=False (لكنه أكد: a pronoun stands for
    the subject): the first person the sentence names, after its verb too."""
    hi = bisect.bisect_left(_firsts(spans), i)
    lo = hi  # back to the first span of the sentence: earlier ones lie in earlier sentences
    while lo > 0 and not 0 <= ctx.sentence_of(ctx.tokens[spans[lo - 1].first_token].start)[0] < sentence:
        lo -= 1
    for s in spans[lo:hi]:
        if s.last_token >= i or ctx.sentence_of(ctx.tokens[s.first_token].start)[0] != sentence:
            continue
        k = s.first_token
        opens = k == 0 or ctx.tokens[k - 1].text in (":", "،", ",") \
            or ctx.sentence_of(ctx.tokens[k - 1].start)[0] != sentence
        if s.entity.kind == "person" and not s.entity.role_only and (opens or not opening):
            return s.entity
    return None


def _last_person(spans, i: int, gender: str) -> Entity | None:
    """وقال: «...» after a paragraph about someone: the last named person before the verb."""
    for n in range(bisect.bisect_left(_firsts(spans), i) - 1, -1, -1):  # no copy of the prefix per verb
        s = spans[n]
        if s.last_token < i and s.entity.kind == "person" and not s.entity.role_only \
                and (not gender or s.entity.gender == gender):
            if not (s.entity.titles or any(m.is_source for m in s.entity.mentions)):
                continue  # "سلوك عدواني"، "دوري عبداللطيف جميل": a bare name nobody quoted is a guess
            return s.entity
    return None


def _head(entity: Entity) -> str:
    words = entity.mentions[0].loc.text.split() if entity.mentions else []
    return normalize_string(words[0]).removeprefix(_ARTICLE) if words else ""


def _named_speaker_before(results, by_id, sentence: int, paragraph: int) -> bool:
    """The sentence before, in the same paragraph, has a named (not vague) speaker: وأكد أمين العاصمة
    أسامة البار أن ... . وذكر أن المشروع ...: the second verb continues him."""
    last = next((a for a in reversed(results) if a.source), None)  # not وفق المعايير, which names no one
    source = by_id.get(last.source) if last is not None else None
    return source is not None and not source.vague and last.paragraph == paragraph \
        and last.sentence in (sentence - 1, sentence)


def _relative(ctx, k: int) -> bool:
    entry = ctx.res["stopwords"].lookup(ctx.tokens[k].text)
    return entry is not None and entry.get("kind") == "relative"


def _says_person(ctx, spans, m, i: int, j: int) -> bool:
    """ويقول عبدالعزيز الزهراني تشهد المطابخ ...، أما سعيد الغامدي فيقول نحن ...: قال (the verb of
    speech itself: plain=yes) with a named person right after it, or right before it, reports his words
    even when no أن or colon follows (a feature's street interviews often quote so)."""
    if m.entry.get("plain") != "yes":
        return False
    k = bisect.bisect_left(_firsts(spans), j)
    if k < len(spans) and spans[k].first_token == j and spans[k].entity.vague:
        return _told_outlet(ctx, spans[k].last_token + 1)
    if k < len(spans) and spans[k].first_token == j and spans[k].entity.kind == "person":
        after = spans[k].last_token + 1
        # his words follow the name at once: not a relative clause, an apposition or a title first
        near = range(after, min(after + 3, len(ctx.tokens)))
        return after < len(ctx.tokens) and ctx.tokens[after].kind == "word" \
            and not any(ctx.tokens[x].kind == "punct" or ctx.hit_at("titles", x) or _relative(ctx, x) for x in near)
    return k > 0 and spans[k - 1].last_token == i - 1 and spans[k - 1].entity.kind == "person" and bool(m.prefix)


def _told_outlet(ctx, k: int, reach: int = 4) -> bool:
    """وقال ناشطون وإعلاميون يمنيون لـ(الوطن) هناك ...: the outlet they told, after a separate ل and in
    quotation marks or brackets, within `reach` words of token k: what follows is what they said."""
    for x in range(k, min(k + reach, len(ctx.tokens) - 1)):
        if ctx.tokens[x].kind == "punct":
            return False
        if ctx.tokens[x].text in _LAM and ctx.tokens[x + 1].text in _OUTLET_OPENERS:
            return True
    return False


_OUTLET_OPENERS = QUOTE_STARTS | {"("}


def _previous_subject(ctx, spans, i: int, sentence: int) -> Entity | None:
    """أغلقت إدارة نادي الشباب الباب ... وقالت في بيان: «...»: a sentence that opens with a bare
    reporting verb continues the named subject that opened the sentence before it."""
    k = i - 1
    while k >= 0 and ctx.sentence_of(ctx.tokens[k].start)[0] == sentence:
        k -= 1
    if k < 0:
        return None
    previous = ctx.sentence_of(ctx.tokens[k].start)[0]
    start = k
    while start > 0 and ctx.sentence_of(ctx.tokens[start - 1].start)[0] == previous:
        start -= 1
    lo = bisect.bisect_left(_firsts(spans), start)
    for s in spans[lo:lo + 4]:
        if s.first_token > start + 4:
            break
        if not s.entity.vague and not s.entity.role_only and s.entity.kind in ("person", "organization"):
            return s.entity
    return None


def _previous_opener(ctx, spans, results, i: int, sentence: int, gender: str) -> tuple[bool, Entity | None]:
    """وانتقل حاكم الولاية فلان إلى المدينة. وقال في مؤتمر صحافي: «...»: a bare reporting verb that
    opens its sentence right after a sentence that reports no one and opens with a person continues
    that person: nothing intervenes, so never a source quoted paragraphs before. Returns (True, the
    person) when he is a named person of the verb's gender; (True, None) when the sentence opens with a
    title (lexicon titles) whose name no lexicon reads: the speaker is that official, unnamed by us only,
    so the quotation gets no speaker (rule unattributed-quote, info) rather than the older source."""
    if any(a.sentence == sentence - 1 for a in results):
        return False, None  # the sentence before reports someone: the usual continuation (_last_source) decides
    subject = _previous_subject(ctx, spans, i, sentence)
    if subject is not None:
        named = subject.kind == "person" and (not gender or subject.gender == gender)
        return named, subject if named else None
    start = _sentence_start(ctx, i, sentence - 1)
    titled = start is not None and any(ctx.hit_at("titles", k) for k in range(start, min(start + 3, i)))
    return titled, None


def _sentence_start(ctx, i: int, sentence: int) -> int | None:
    """The first token of `sentence`, searched back from token i."""
    k = i - 1
    while k >= 0 and ctx.sentence_of(ctx.tokens[k].start)[0] > sentence:
        k -= 1
    if k < 0 or ctx.sentence_of(ctx.tokens[k].start)[0] != sentence:
        return None
    while k > 0 and ctx.sentence_of(ctx.tokens[k - 1].start)[0] == sentence:
        k -= 1
    return k


def _last_source(history: list[tuple[Entity, int]], gender: str, paragraph: int) -> Entity | None:
    """The source a bare continuation verb (وأضاف، واضافت) goes on with: the last one whose gender
    agrees. A named speaker of the other gender in this paragraph or the one before, nearer than that
    source, wins over an anonymous one: واضافت after «وقال رئيس اللجنة توماس باخ» continues him (or
    his committee), not the sources cited paragraphs before."""
    passed = None  # the nearest named source of the other gender, in this paragraph or the one before
    for e, p in reversed(history):
        if not gender or e.gender == gender or e.kind != "person":
            return passed if passed is not None and e.vague else e
        if passed is None and not e.vague and p >= paragraph - 1:
            passed = e
    return None


def _starts_clause(ctx, j) -> bool:
    return j >= len(ctx.tokens) or ctx.tokens[j].text in _CLAUSE_START


# وقال معاليه، وأكد سموه: an honorific that stands for the dignitary the article is about
_HONORIFIC_PRONOUNS = word_class("attribution-words", "honorific-pronouns")

_REPORTED_CLAUSE = frozenset({':'}) | word_class("attribution-words", "reported-clause")


def _clause_follows(ctx, j, sentence, window: int = 6, markers=_CLAUSE_MARKERS, same_sentence=False) -> bool:
    """A reported clause (أن/إن/: or a quotation) follows within a few words."""
    if markers.isdisjoint(ctx.texts[j:j + window]):  # none within the window (most calls): decided in C
        return False
    for k in range(j, min(j + window, len(ctx.tokens))):
        if same_sentence and ctx.tokens[k].text in SENTENCE_MARKS:
            if ctx.tokens[k].text == "." and k > 0 and len(ctx.tokens[k - 1].text) <= 2:
                continue  # د. محمد، أ. ف. ب.: the dot of an abbreviation
            return False
        if ctx.tokens[k].text in markers and not quoted_name_mark(ctx, k):
            return True
    return False


def _sentence_initial(ctx, i, sentence) -> bool:
    return i == 0 or ctx.sentence_of(ctx.tokens[i - 1].start)[0] != sentence

