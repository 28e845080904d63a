"""A quotation's kind (speech, term, name) from what surrounds it: the cue before it, the word that
governs it, the attribution of its sentence. `classify` (quote_classify.py) gives the first kind; these passes
refine it after the entities and attributions are known, and leave a kind a pattern decided alone."""
from __future__ import annotations

import re

from validator.extract.context import Context
from validator.extract.entities.words import _DEFINITE_CLITICS
from validator.extract.model import Quote
from validator.extract.patterns.shapes import verb as _verb_like
from validator.extract.quote_classify import SHORT_QUOTE_WORDS, _nested, classify
from validator.extract.wordclasses import affix, affixes, word_class
from validator.text.normalize import normalize_string, normalized_to

_SPEECH_CUES = frozenset({':'}) | word_class("quote-words", "speech-cues")
_CLAUSE_CUES = word_class("quote-words", "clause-cue")  # إن، بأن: they open a clause, not only speech
_AND = affix("and")


def kinds_by_cue(ctx: Context, quotes: list[Quote]) -> None:
    """The first kind of every quotation: speech after a strong speech cue, else what `classify` says."""
    for q in quotes:
        if q.ambiguous:
            q.kind = "term"  # an odd straight mark makes every pairing in its paragraph a guess
            continue
        cue = speech_cue_before(ctx, q, q.evidence)
        # "إن «العربية» ..." opens a clause about a name; one quoted word after أن/إن is not speech
        strong = cue is not None and (cue not in _CLAUSE_CUES or q.words >= 2)
        q.kind = classify(ctx, q, strong)


NAME_WORDS = 6  # the longest quotation a head noun before it makes a name (quote_classify._classify)


def repeated_names(quotes: list[Quote]) -> None:
    """A short quotation whose words the article quotes elsewhere as a name (after its head noun: الهاتف
    «...»، بمرض «...») is that name again wherever a cue before it reads as speech (وذكرت تقارير أن «...»
    سيطرح الشهر المقبل): a product, a disease or a work keeps its quotation marks each time it is named."""
    names = {normalize_string(q.content).strip() for q in quotes if q.kind == "name" and q.balanced}
    if not names:
        return
    for q in quotes:
        if q.kind == "speech" and q.balanced and not q.kind_by_pattern and q.words <= NAME_WORDS \
                and normalize_string(q.content).strip() in names:
            q.kind = "name"


def partial_quotes(ctx: Context, quotes: list[Quote], attributions, entities) -> None:
    """A short quoted phrase in a sentence attributed to someone is a partial quotation of them
    (وأكد أن بلاده ملتزمة "بكل مندرجاته"), not a scare quote. Not a span between straight marks
    whose pairing is a guess (ambiguous): it may run from one quotation's end to the next's start."""
    attributed = {a.sentence for a in attributions if a.source and a.kind == "verb"}
    ends = None  # where the mentions end, found once, when a quotation first asks
    for q in quotes:
        if q.kind == "term" and not q.ambiguous and not q.kind_by_pattern and q.sentence in attributed \
                and q.words >= 2:
            if ends is None:
                ends = frozenset(m.loc.end for e in entities for m in e.mentions)
            if not _after_name(q, ends) and not _nested(ctx, q):
                q.kind = "speech"


# Words after which a short quotation is still what someone says: a speech cue, or whom it is said to
_ADDRESSEES = word_class("quote-words", "addressees")
# a pronoun whose predicate the quotation is (لكنه «غاضب جدا»)
_SUBJECT_PRONOUNS = word_class("quote-words", "subject-pronouns")
# a preposition that makes the pronoun after it and the quotation a label: "as X" (quote-words label-before)
_LABEL_BEFORE = word_class("quote-words", "label-before")
_DEFINITE = _DEFINITE_CLITICS
_ACCORDING_TO = tuple(sorted(word_class("attribution-words", "according-to")))
# the future prefix with the imperfect's person (ستعمل، سيعين، سنواصل): a clause about what will happen
_FUTURE_IMPERFECT = frozenset(affix("future") + p for p in affixes("imperfect-prefix"))


def embedded_terms(ctx: Context, quotes: list[Quote], entities, attributions) -> None:
    """A short quotation (at most three words) that a word of the sentence governs, right before it
    with no punctuation between (a noun: العبارة «السلام 98»، حزب "إسرائيل بيتنا"، بحادثة «...»; a
    preposition: في "نيوز ماجزين"; a verb other than a speech verb: استخدمت «وسائل مكافحة الشغب»),
    is a name or a term the sentence uses, not words it puts in someone's mouth. Speech still follows
    a speech cue (: قال إن أن قائلا), whom it is said to (قال لي «...»), or its speaker's name
    (وقال المتحدث «لا تعليق»); a quotation that a source phrase after it attributes (مما أثار "حالة
    ذعر عارمة"، بحسب أحد الصحافيين) or that opens with a verb (أن السعودية وروسيا "تدعمان التمديد")
    is speech too."""
    source_ends = None
    trailing: dict[int, int] = {}
    for a in attributions:
        if a.kind == "preposition" and (a.source or not a.phrase.startswith(_ACCORDING_TO)):  # وفق اللوائح: no source
            trailing[a.sentence] = max(trailing.get(a.sentence, -1), a.loc.start)
    for q in quotes:
        if q.kind != "speech" or not q.balanced or q.kind_by_pattern or q.words > SHORT_QUOTE_WORDS:
            continue
        if trailing.get(q.sentence, -1) > q.loc.end:
            continue
        first = normalize_string(q.content.split()[0]) if q.content.split() else ""
        if first and ((len(first) >= 5 and first[:2] in _FUTURE_IMPERFECT)
                      or (_verb_like(first) and first not in ctx.res["stopwords"].by_norm)
                      or ((verb := ctx.res.reporting_forms.lookup(first)) is not None and verb.get("part") == "verb")):
            continue  # "تدعمان التمديد"، «سيعين قريبا»، «رفض الامتثال»: a clause, what someone said (will) happen
        i = ctx.index.at_or_after(ctx.norm.to_normalized(q.loc.start)) - 1
        if i < 0 or ctx.tokens[i].kind != "word" or ctx.sentence_of(ctx.tokens[i].start)[0] != q.sentence:
            continue
        word = ctx.tokens[i].text
        if word in _SUBJECT_PRONOUNS and i > 0 and ctx.tokens[i - 1].text in _LABEL_BEFORE:
            q.kind = "term"  # تصنيف الطلبات على أنها «قيد المراجعة»: what it is marked as, a label
            continue
        if word in _SPEECH_CUES or word in _ADDRESSEES or word in _SUBJECT_PRONOUNS \
                or ctx.res.reporting_forms.lookup(word) is not None:
            continue
        if _verb_like(word) and not any(normalize_string(w).startswith(_DEFINITE) for w in q.content.split()):
            continue  # أحرزوا "تقدما ملموسا": what a verb's object is called in someone's words, unless
            # it is a definite term or name (استخدمت «وسائل مكافحة الشغب»)
        if source_ends is None:
            source_ends = {m.loc.end for e in entities for m in e.mentions if m.is_source}
        if ctx.norm.to_original(ctx.tokens[i].end) in source_ends:
            k = ctx.index.at_or_after(ctx.norm.to_normalized(q.loc.end))
            if k >= len(ctx.tokens) or ctx.tokens[k].kind == "punct":
                continue  # وقال المتحدث «لا تعليق».: the words its speaker says
            # كشفت مصادر "دنيا الرياضة" اكتفاء ...: the sentence goes on; the quotation names whose sources
        q.kind = "term"


_LIST_SEPARATORS = re.compile("[،,]")
_LIST_MARKS = re.compile("[" + re.escape(normalized_to("،,")) + "]")  # a separator once normalized
LIST_ITEM_WORDS = 3  # words of one item of a quoted list of names (عبدالله عطيف، مكة المكرمة)


def quoted_lists(ctx: Context, quotes: list[Quote]) -> None:
    """"صالح الصقري، ومناف أبو شقير"، «مكة، ورابغ، والجنوب»: a quotation that is nothing but a list
    of names of people or places (two items or more, each of at most three words, each opening with
    a given name or a place, و read off) names them; nobody says it."""
    given = ctx.res.given_names.by_norm
    places = ctx.res["places"].by_norm
    for q in quotes:
        if q.kind != "speech" or not q.balanced or q.kind_by_pattern:
            continue
        # (a quotation with no separator is no list, and an item is split at most LIST_ITEM_WORDS
        # times: a long quotation's words need not all be copied out)
        if _LIST_MARKS.search(q.content) is None:
            continue
        items = [p.split(maxsplit=LIST_ITEM_WORDS) for p in _LIST_SEPARATORS.split(normalize_string(q.content))]
        if len(items) < 2 or any(not 1 <= len(words) <= LIST_ITEM_WORDS for words in items):
            continue
        heads = [w[0][len(_AND):] if w[0].startswith(_AND) and w[0] not in given and w[0] not in places else w[0]
                 for w in items]
        if all(h in given or h in places for h in heads):
            q.kind = "name"


def unannounced_quotes(ctx: Context, quotes: list[Quote], attributions) -> None:
    """A quotation nobody is said to speak (no reporting verb, colon or قال in its sentence, and not
    the continuation of a quotation) is a title, a slogan or a cited text: «أليكس في بلاد العجائب»."""
    attributed = {a.sentence for a in attributions}
    speech_sentences = {q.sentence for q in quotes if q.kind == "speech" and q.sentence in attributed}
    spoken_paragraphs = {a.paragraph for a in attributions} | {q.paragraph for q in quotes
                                                              if q.kind == "speech" and q.sentence in attributed}
    for q in quotes:
        if q.kind != "speech" or not q.balanced or q.kind_by_pattern or q.sentence in attributed:
            continue
        if speech_cue_before(ctx, q) or q.sentence - 1 in speech_sentences:
            continue
        para = ctx.doc.paragraphs[q.paragraph] if 0 <= q.paragraph < len(ctx.doc.paragraphs) else None
        if para is not None and q.loc.start - para.start <= 1 and (q.paragraph - 1) in spoken_paragraphs:
            continue  # a paragraph that opens with a quotation continues the previous speaker
        q.kind = "term"


def _after_name(q: Quote, mention_ends: frozenset[int]) -> bool:
    """أم محمد «أرملة وأم لطفلين»: a quotation right after a name describes that person."""
    return q.loc.start in mention_ends or (q.loc.start - 1) in mention_ends


def _speaker_before_colon(ctx: Context, k: int, evidence: list[str] | None = None) -> bool:
    """قال: / المتحدث باسم الوزارة: — a speaker right before the colon at token k (patterns labelled
    speaker-before-colon, rules/patterns/speakers.pattern)."""
    m = ctx.patterns.ending_at("speaker-before-colon", k + 1)
    if m is not None and evidence is not None:
        evidence.extend(m.evidence)
    return m is not None


def speech_cue_before(ctx: Context, quote: Quote, evidence: list[str] | None = None) -> str | None:
    """The word announcing speech right before a quotation (:، قال، إن ...), if any; what decided it
    is added to `evidence` when given."""
    i = ctx.index.at_or_after(ctx.norm.to_normalized(quote.loc.start)) - 1
    for k in range(i, max(i - 3, -1), -1):
        t = ctx.tokens[k].text
        if t == ":" and k != i:
            return None  # "رابط الخبر: تناقض «العربية»": the colon introduces other words
        if t == ":" and k > 0 and quote.words <= 3 and not _speaker_before_colon(ctx, k, evidence):
            return None  # فاصطلاح: «الشيطان الأكبر» — a term announced by a noun, not speech
        if t in _SPEECH_CUES:
            if evidence is not None:
                evidence.append(f"'{t}'")
            return t
        entry = ctx.res.reporting_forms.lookup(t)
        if entry is not None and entry.get("source-after") and k == i:
            return None  # علمت «الشرق الأوسط» من مصادر: the quoted name is who learned it, not speech
        if entry is not None:
            if evidence is not None:
                evidence.append(entry.source)
            return t
        if t in ("،", ".", "؟"):
            return None
    return None

