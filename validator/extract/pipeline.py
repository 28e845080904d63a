"""document → normalized text → tokens → quotes, entities, attributions, numbers → linked Article."""
from __future__ import annotations

import bisect
import re

from validator.document import Document
from validator.extract.attribution_sources import is_outlet
from validator.extract.attributions import find_attributions
from validator.extract.context import Context
from validator.extract.entities import extract_entities
from validator.extract.entities.words import _DEFINITE_CLITICS
from validator.extract.figure_context import lead_paragraph
from validator.extract.letters import ARTICLE
from validator.extract.patterns.shapes import verb as _verb_like
from validator.extract.model import Article, Attribution, NumberItem, Quote
from validator.extract.numbers import extract_numbers
from validator.extract.quotes import SHORT_QUOTE_WORDS, _nested, classify, find_quotes
from validator.extract.resources import Resources
from validator.extract.spellings import PLACE_HEADS, find_spellings
from validator.extract.wordclasses import affix, affixes, word_class
from validator.text.normalize import normalize_string
from validator.text.punctuation import SEMICOLONS
from validator.text.normalize import normalize
from validator.text.punctuation import COMMAS, DASHES
from validator.text.tokens import tokenize

_SPEECH_CUES = frozenset({':'}) | word_class("quote-words", "speech-cues")
_CLAUSE_CUES = word_class("quote-words", "clause-cue")  # إن، بأن: they open a clause, not only speech
_CONJUNCTIONS = frozenset(affixes("conjunction"))
_AND = affix("and")


def extract(doc: Document, res: Resources) -> Article:
    norm = normalize(doc.text)
    ctx = Context(doc, norm, tokenize(norm.text), res)
    quotes = find_quotes(ctx)
    for q in quotes:
        if q.ambiguous:
            q.kind = "term"  # an odd straight mark makes every pairing in its paragraph a guess
            continue
        cue = _speech_cue_before(ctx, q, q.evidence)
        # "إن «العربية» ..." opens a clause about a name; one quoted word after أن/إن is not speech
        strong = cue is not None and (cue not in _CLAUSE_CUES or q.words >= 2)
        q.kind = classify(ctx, q, strong)
    entities = extract_entities(ctx)
    attributions = find_attributions(ctx, entities, quotes)
    _partial_quotes(ctx, quotes, attributions, entities)
    _embedded_terms(ctx, quotes, entities, attributions)
    _unannounced_quotes(ctx, quotes, attributions)
    _quoted_lists(ctx, quotes)
    _polled_groups(ctx, attributions, entities)
    numbers = extract_numbers(ctx)
    passages, turns = _passages(ctx)
    for n in numbers:
        n.passage = passages[n.sentence] if 0 <= n.sentence < len(passages) else -1
    article = Article(doc, norm, numbers, quotes, entities, attributions, resources=res)
    article.first_person = _first_person(ctx, quotes)
    if article.first_person:
        for n in numbers:  # 100 % in a column is an idiom (فرنسية خالصة 100 %), not a statistic
            n.idiom = n.category == "percent" and n.value == WHOLE_PERCENT
    _link(article)
    _acting_bodies(ctx, article)
    _cited_documents(ctx, article)
    _sourced_next(article)
    _carry_sources(article, turns, _continuations(ctx))
    _carry_repeated_figures(article)
    _consequences(ctx, article)
    _sources_near(ctx, article, turns)
    _drop_silent_vague(article)
    article.spellings = find_spellings(ctx, entities)
    _introduced_by_role(ctx, article.entities)
    _quoted_roles(ctx, quotes, article.entities)
    return article


# Tokens between a poll noun and the group it asked (تقديرات محللين في استطلاع لرويترز: 3)
POLL_WINDOW = 6


def _polled_groups(ctx: Context, attributions: list[Attribution], entities) -> None:
    """تقديرات محللين في استطلاع لرويترز، استطلاع أجرته رويترز لآراء محللين: a vague group next to a
    poll (lexicon source-phrases, poll=yes) that a named body ran is the poll's respondents: what is
    attributed to the group is the pollster's."""
    polls = [a for a in attributions if a.kind == "statement" and a.source and a.lexicon
             and (entry := ctx.res.lexicons.entry_at(a.lexicon)) is not None and entry.get("poll") == "yes"]
    if not polls:
        return
    by_id = {e.id: e for e in entities}
    for a in attributions:
        group = by_id.get(a.source)
        if group is None or not group.vague:
            continue
        mention = next((m for m in group.mentions if m.is_source), None)
        if mention is None:
            continue
        k = ctx.index.at_or_after(ctx.norm.to_normalized(mention.loc.start))
        for poll in polls:
            pollster = by_id.get(poll.source)
            p = ctx.index.at_or_after(ctx.norm.to_normalized(poll.loc.start))
            if pollster is not None and not pollster.vague and poll.sentence == a.sentence \
                    and abs(p - k) <= POLL_WINDOW:
                a.source = poll.source
                mention.is_source = any(b.source == group.id for b in attributions)
                break


def _quoted_roles(ctx: Context, quotes, entities) -> None:
    """وقال باسم الضامن ”شاهد عيان“ إن ...: a short quoted role right after a person's name (a title,
    a people noun or an anonymous-source head: شاهد، مواطن، طبيب) says who he is: it is his title."""
    by_start = {q.loc.start: q for q in quotes if q.balanced and 0 < len(q.content.split()) <= 3}
    if not by_start:
        return
    res = ctx.res
    for e in entities:
        if e.kind != "person":
            continue
        for mention in e.mentions:
            if mention.title or mention.form not in ("name", "surname"):
                continue
            gap = ctx.doc.text[mention.loc.end:mention.loc.end + 2]
            q = by_start.get(mention.loc.end + len(gap) - len(gap.lstrip()))
            if q is None:
                continue
            first = normalize_string(q.content.split()[0])
            if res["titles"].lookup(first) is not None or res["people-nouns"].lookup(first) is not None \
                    or res.vague_sources.lookup(first) is not None:
                mention.title, mention.title_loc = q.content.strip(), q.loc
                if mention.title not in e.titles:
                    e.titles.append(mention.title)


def _introduced_by_role(ctx: Context, entities) -> None:
    """طالب مواطن الجهات المختصة بالتحقيق ... . وقال علي الدغريري: a private person a sentence introduces
    by an indefinite role noun (مواطن، بائع، سائق: lexicon people-nouns, singular) as the subject of its
    opening verb, and names in the next one or later in the same one, is described: the role is his title."""
    def opens_sentence(m) -> bool:  # the subject of the sentence's first word, its verb
        lo, _hi = ctx.sentence_bounds(ctx.sentence_of(m.start)[0])
        k = ctx.index.at_or_after(lo)
        while k < len(ctx.tokens) and ctx.tokens[k].kind == "punct":
            k += 1
        return m.i == k + 1
    roles = [m for m in ctx.hits("people-nouns") if m.entry.get("number") == "sg"
             and not ctx.tokens[m.i].text.startswith(_DEFINITE_CLITICS) and opens_sentence(m)]
    tokens = ctx.tokens
    after = None  # the description patterns, matched only once a person without a title needs them
    for e in entities:
        if e.kind != "person" or not e.mentions or e.mentions[0].title:
            continue
        mention = e.mentions[0]
        first = ctx.norm.to_normalized(mention.loc.start)
        sentence = ctx.sentence_of(first)[0]
        if any(m.start < first and sentence - 1 <= ctx.sentence_of(m.start)[0] <= sentence for m in roles):
            e.introduced = True
            continue
        if after is None:
            # وديع خان (47 عاما)، فهد العتيبي من جدة، علي الحسيني، رئيس بلدية ...: a description right
            # after the name (or its comma), or a role a few words before it or right before its comma
            # (people.pattern)
            after = {m.span_start: m for m in ctx.patterns.find("described-after-name")}
            before = sorted(ctx.patterns.find("role-before-name"), key=lambda m: m.span_end)  # they do not overlap
            before_ends = [m.span_end for m in before]
            # خالد العمري وفهد السبيعي وهم مشاركون ...: a description of the group after a list of names
            group = {m.span_start: m for m in ctx.patterns.find("described-after-names")}
            listed = _listed_names(ctx, entities) if group else {}
        k = ctx.index.at_or_after(ctx.norm.to_normalized(mention.loc.end))
        if k < len(tokens) and (tokens[k].text in COMMAS or tokens[k].text in DASHES):
            k += 1  # فلان، موظف ...؛ فلان -طالب جامعي-؛ فلان – مستشار قانوني –: a description set off
        i = ctx.index.at_or_after(first)
        b = bisect.bisect_right(before_ends, i) - 1  # the last role ending at or before the name
        described = after.get(k) or (before[b] if b >= 0 and i <= before[b].end else None) \
            or (group.get(_after_list(ctx, k, listed)) if listed else None)
        if described is not None:
            e.introduced = True
            mention.lexicon.extend(described.evidence)


def _listed_names(ctx: Context, entities) -> dict[int, int]:
    """The token a person's name starts in (after و: وفهد السبيعي) -> the token after the name."""
    index = ctx.index
    out = {}
    for e in entities:
        if e.kind == "person":
            for m in e.mentions:
                if m.form in ("name", "surname"):
                    start = index.containing(ctx.norm.to_normalized(m.loc.start))
                    out[start] = index.at_or_after(ctx.norm.to_normalized(m.loc.end))
    return out


def _after_list(ctx: Context, k: int, listed: dict[int, int]) -> int:
    """k: the token after a name (its comma skipped). When more names follow, joined by و or a comma
    (، وفهد السبيعي، ونايف الحربي), the token after the last one (its comma skipped); else -1."""
    tokens = ctx.tokens
    skipped = False
    while k in listed and (tokens[k].text.startswith(_AND) or (k > 0 and tokens[k - 1].text in COMMAS)):
        k = listed[k]
        skipped = True
        if k < len(tokens) and tokens[k].text in COMMAS:
            k += 1
    return k if skipped else -1


# Distinct first-person words (lexicon first-person) outside quotation marks that make the narration
# first-person: one may be a slip or unmarked speech, two are the writer's own voice.
FIRST_PERSON_MIN = 2
# The whole, as a figure of speech in an opinion column (صناعة وطنية 100 %): an idiom, not a statistic
WHOLE_PERCENT = 100


def _first_person(ctx: Context, quotes: list[Quote]) -> bool:
    """The article narrates in the first person (a column, an essay, an interview's answers: أرى،
    أعتقد، إنني، نحن outside quotation marks), or its page is laid out as a column (kind=layout:
    مقالات أخرى للكاتب). Only و and ف are read off as clitics: ل and ب forms
    are listed (لأنني)، and لاري is a name, not ل + أرى."""
    to_norm = ctx.norm.to_normalized
    ranges = sorted((to_norm(q.loc.start), to_norm(q.loc.end)) for q in quotes if q.balanced)
    starts = [r[0] for r in ranges]
    seen = set()
    for m in ctx.hits("first-person"):
        if m.prefix and m.prefix not in _CONJUNCTIONS:
            continue
        k = bisect.bisect_right(starts, m.start) - 1
        if k >= 0 and ranges[k][0] <= m.start < ranges[k][1]:
            continue
        seen.add(m.entry.norm)
        if len(seen) >= FIRST_PERSON_MIN or m.entry.get("kind") == "layout":
            return True
    return False


def _first_word(ctx: Context, sentence) -> int:
    """The token of a sentence's first word (opening punctuation skipped)."""
    k = ctx.index.at_or_after(ctx.norm.to_normalized(sentence.start))
    while k < len(ctx.tokens) and ctx.tokens[k].kind == "punct":
        k += 1
    return k


def _continuations(ctx: Context) -> dict[int, list[str]]:
    """Sentences that open by going on with the paragraph before (patterns labelled source-continues,
    rules/patterns/contexts.pattern: a list that goes on after a colon, a verb of results whose subject
    is the one before), by sentence index: the cue's words, then its pattern and lexicon entries."""
    matches = ctx.patterns.find("source-continues")
    if not matches:
        return {}
    by_start = {m.start: m for m in matches}
    out = {}
    for s in ctx.doc.sentences:
        m = by_start.get(_first_word(ctx, s))
        if m is not None:
            words = ctx.tokens[m.span_start:m.span_end]
            out[s.index] = [ctx.original_text(words[0].start, words[-1].end), *m.evidence]
    return out


def _passages(ctx: Context) -> tuple[list[int], list[bool]]:
    """Passage index of every sentence: a new passage opens with each paragraph and with a sentence
    that turns to another incident (إلى ذلك، من جهة أخرى، وفي محافظة مأرب ...: topic-shifts lexicon).
    Also, for every sentence, whether it opens with such a turn."""
    out: list[int] = []
    turned: list[bool] = []
    passage = -1
    previous_paragraph = None
    shifts: dict[int, list] = {}  # every phrase at a token: وفي (before a place) and في مطلع (a time) both
    for m in ctx.hits("topic-shifts"):
        shifts.setdefault(m.i, []).append(m)
    for s in ctx.doc.sentences:
        k = _first_word(ctx, s)
        turns = any(shift.entry.get("kind") != "before-place" or (
            shift.j < len(ctx.tokens) and (ctx.hit_at("places", shift.j) is not None
                                           or ctx.tokens[shift.j].text in PLACE_HEADS))
            for shift in shifts.get(k, ()))
        if s.paragraph != previous_paragraph or turns:
            passage += 1
        previous_paragraph = s.paragraph
        out.append(passage)
        turned.append(turns)
    return out, turned


def _partial_quotes(ctx: Context, quotes: list[Quote], attributions, entities) -> None:
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
_DEFINITE = _DEFINITE_CLITICS
_ACCORDING_TO = tuple(sorted(word_class("attribution-words", "according-to")))
# the future prefix with the imperfect's person (ستعمل، سيعين، سنواصل): a clause about what will happen
_FUTURE_IMPERFECT = frozenset(affix("future") + p for p in affixes("imperfect-prefix"))


def _embedded_terms(ctx: Context, quotes: list[Quote], entities, attributions) -> None:
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
                      or (_verb_like(first) and first not in ctx.res["stopwords"].by_norm)):
            continue  # "تدعمان التمديد"، «سيعين قريبا»: a clause, what someone said will happen
        i = ctx.index.at_or_after(ctx.norm.to_normalized(q.loc.start)) - 1
        if i < 0 or ctx.tokens[i].kind != "word" or ctx.sentence_of(ctx.tokens[i].start)[0] != q.sentence:
            continue
        word = ctx.tokens[i].text
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
LIST_ITEM_WORDS = 3  # words of one item of a quoted list of names (عبدالله عطيف، مكة المكرمة)


def _quoted_lists(ctx: Context, quotes: list[Quote]) -> None:
    """"صالح الصقري، ومناف أبو شقير"، «مكة، ورابغ، والجنوب»: a quotation that is nothing but a list
    of names of people or places (two items or more, each of at most three words, each opening with
    a given name or a place, و read off) names them; nobody says it."""
    given = ctx.res.given_names.by_norm
    places = ctx.res["places"].by_norm
    for q in quotes:
        if q.kind != "speech" or not q.balanced or q.kind_by_pattern:
            continue
        items = [p.split() for p in _LIST_SEPARATORS.split(normalize_string(q.content))]
        if len(items) < 2 or any(not 1 <= len(words) <= LIST_ITEM_WORDS for words in items):
            continue
        heads = [w[0][len(_AND):] if w[0].startswith(_AND) and w[0] not in given and w[0] not in places else w[0]
                 for w in items]
        if all(h in given or h in places for h in heads):
            q.kind = "name"


def _unannounced_quotes(ctx: Context, quotes: list[Quote], attributions) -> None:
    """A quotation nobody is said to speak (no reporting verb, colon or قال in its sentence, and not
    the continuation of a quotation) is a title, a slogan or a cited text: «أليكس في بلاد العجائب»."""
    attributed = {a.sentence for a in attributions}
    speech_sentences = {q.sentence for q in quotes if q.kind == "speech" and q.sentence in attributed}
    spoken_paragraphs = {a.paragraph for a in attributions} | {q.paragraph for q in quotes
                                                              if q.kind == "speech" and q.sentence in attributed}
    for q in quotes:
        if q.kind != "speech" or not q.balanced or q.kind_by_pattern or q.sentence in attributed:
            continue
        if _speech_cue_before(ctx, q) or q.sentence - 1 in speech_sentences:
            continue
        para = ctx.doc.paragraphs[q.paragraph] if 0 <= q.paragraph < len(ctx.doc.paragraphs) else None
        if para is not None and q.loc.start - para.start <= 1 and (q.paragraph - 1) in spoken_paragraphs:
            continue  # a paragraph that opens with a quotation continues the previous speaker
        q.kind = "term"


def _after_name(q: Quote, mention_ends: frozenset[int]) -> bool:
    """أم محمد «أرملة وأم لطفلين»: a quotation right after a name describes that person."""
    return q.loc.start in mention_ends or (q.loc.start - 1) in mention_ends


def _drop_silent_vague(article: Article) -> None:
    """A vague noun (معلومات، مسؤولين) is an anonymous source only when something is attributed to it;
    a role without its holder (مساعدة الولايات المتحدة) matters only as a source too."""
    speakers = {q.speaker for q in article.quotes}
    article.entities = [e for e in article.entities if not (e.vague or e.role_only) or e.id in speakers
                        or any(m.is_source for m in e.mentions)]


def _speaker_before_colon(ctx: Context, k: int, evidence: list[str] | None = None) -> bool:
    """قال: / المتحدث باسم الوزارة: — a speaker right before the colon at token k (patterns labelled
    speaker-before-colon, rules/patterns/speakers.pattern)."""
    m = ctx.patterns.ending_at("speaker-before-colon", k + 1)
    if m is not None and evidence is not None:
        evidence.extend(m.evidence)
    return m is not None


def _speech_cue_before(ctx: Context, quote: Quote, evidence: list[str] | None = None) -> str | None:
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


def _announced_by(article: Article, paragraph: int) -> str | None:
    """The source of the attribution that ends a paragraph with a colon (ينظر من النافذة ويقول:)."""
    if paragraph < 0:
        return None
    para = article.doc.paragraphs[paragraph]
    if not article.doc.text[para.start:para.end].rstrip().endswith(":"):
        return None
    last = [a for a in article.attributions if a.paragraph == paragraph and a.source]
    return last[-1].source if last and para.end - last[-1].loc.end <= 3 else None


class _SourcedAttributions:
    """A sentence's attributions that name a source, for the quotations of that sentence: a long
    sentence of many quotations (or of unclosed marks) looks each one up by bisection."""

    def __init__(self):
        self.atts: list = []
        self.starts: list[int] = []
        self.in_order = True

    def add(self, att) -> None:
        if self.starts and att.loc.start < self.starts[-1]:
            self.in_order = False
        self.atts.append(att)
        self.starts.append(att.loc.start)

    def nearest(self, start: int, end: int):
        """The last one before `start` in the article's order, else the first at or after `end`."""
        atts, starts = self.atts, self.starts
        if not self.in_order:  # not in text order: the plain scan
            before = [a for a in atts if a.loc.start < start]
            after = [a for a in atts if a.loc.start >= start and a.loc.start >= end]
            return before[-1] if before else (after[0] if after else None)
        k = bisect.bisect_left(starts, start)
        if k:
            return atts[k - 1]
        k = bisect.bisect_left(starts, max(start, end))
        return atts[k] if k < len(atts) else None


_NOT_CARRIED = ("opinion", "denial")  # reporting-verbs kinds whose words do not carry to later figures


def _verb_kind(article: Article, att) -> str | None:
    """The reporting-verbs `kind` of an attribution's verb (speech, opinion, report ...), if a verb."""
    if not att.lexicon or article.resources is None:
        return None
    entry = article.resources.lexicons.entry_at(att.lexicon)
    return entry.get("kind") if entry is not None else None


def _carry_sources(article: Article, turns: list[bool], continues: dict[int, list[str]]) -> None:
    """A figure with no source of its own in its sentence, after a named source's attribution: the
    reader takes it as that source's (وأعلنت الوزارة ... . وتم رفض 198 إرسالية ...). A body's release
    (and an official's decision, an `agent`) carries over the following sentences and paragraphs; a person's words only the rest of his
    paragraph (his وأضاف، وتابع). A news outlet's report, an anonymous source and an opinion verb
    (reporting-verbs kind=opinion|denial) carry nothing. The carry-over stops at another source (a newer attribution), at a
    quotation of someone else and at a sentence that turns to another topic (topic-shifts lexicon).
    A paragraph that opens by going on with the one before (`continues`: a list after a colon, a verb
    of results with no subject of its own) keeps a person's or a document's source, never distance
    alone; its figures record the cue (`carried_via`). The rules decide what a carried figure is worth (field `carried`); one pass over the sentences."""
    waiting = sorted((n for n in article.numbers if not n.attributed and n.sentence >= 0), key=lambda n: n.sentence)
    if not waiting:
        return
    sourced: dict[int, list] = {}
    for a in article.attributions:
        if a.source or a.kind == "document":
            sourced.setdefault(a.sentence, []).append(a)
    unresolved = {a.sentence for a in article.attributions if not a.source}
    quoted: dict[int, list] = {}
    for q in article.quotes:
        if q.kind == "speech":
            quoted.setdefault(q.sentence, []).append(q.speaker)
    sentences = article.doc.sentences
    carrier, carrier_is_body, k = None, False, 0
    paragraph, via = -1, None  # the paragraph a person's or document's source reaches, and the cue that took it there
    for s, sentence in enumerate(sentences):
        if k >= len(waiting):
            break
        if carrier is not None and not carrier_is_body and sentence.paragraph != paragraph and s in continues:
            paragraph, via = sentence.paragraph, continues[s]
        if carrier is not None and (
                (s < len(turns) and turns[s])
                or any(speaker != carrier.source for speaker in quoted.get(s, ()))
                or (not carrier_is_body and sentence.paragraph != paragraph)):
            carrier = None
        while k < len(waiting) and waiting[k].sentence == s:
            if carrier is not None:
                waiting[k].carried_from = carrier.id
                waiting[k].carried_via = via if via is not None and sentence.paragraph == paragraph else None
            k += 1
        if s in unresolved and s not in sourced:
            carrier = None  # وحسب «رويترز»: another source, even one not resolved to an entity
        if s in sourced:
            carrier = max(sourced[s], key=lambda a: a.loc.start)
            if not _named(article, carrier.source):  # وكشف تقرير «ساما»: the document, not its vague noun
                carrier = next((a for a in sourced[s] if a.kind == "document"), carrier)
            paragraph, via = sentence.paragraph, None
            entity = article.entity(carrier.source)
            if carrier.kind == "document":
                # a cited document's figures go on over the rest of its paragraph; a later paragraph
                # that goes on reporting it cites it again (وأوضحت النشرة), a paragraph that does not
                # may be the writer's own (the growth figure after a survey's index: issue 13, dev-gold-2)
                carrier_is_body = False
                continue
            # a body's release, or an official's decision (an agent: the bonus schedule goes on in the next paragraph)
            carrier_is_body = entity is not None and (entity.kind == "organization" or carrier.kind == "agent")
            if not _named(article, carrier.source) or is_outlet(entity) or _verb_kind(article, carrier) in _NOT_CARRIED:
                carrier = None  # an anonymous source's, an outlet's report or an opinion is not a release


READOUT_PARAGRAPHS = 3  # paragraphs citing a data source that make the article its readout


def _sources_near(ctx: Context, article: Article, turns: list[bool]) -> None:
    """A figure with no source in its sentence and none carried to it, near a named data source: a
    named body (not a news outlet) or a cited document is the attribution of the sentence just before or
    just after it in its paragraph (a company's results whose disclosure follows, the treasury's
    statistics cited after the figures); or the article reads from cited documents throughout (cited in
    READOUT_PARAGRAPHS paragraphs or more, the figure's between the first and the last of them: a
    statistics readout; in a single-document report, one that cites nothing else, anywhere after the
    lead, its aside included: the report's own background). The reader finds whose figures they are nearby; the rules decide
    what that is worth (field `source_near`: a note for a sum, never for a casualty count). A person's
    words, an outlet's report and an opinion are no data source (a spokesman on another matter, a
    forecast); distance alone, a paragraph away, is none either. Not a hedged figure (نحو: the writer's
    estimate), nor a sentence that turns to another topic or opens as the writer's aside (يذكر أن:
    lexicon impersonal-phrases)."""
    def is_data(a: Attribution) -> bool:
        entity = article.entity(a.source)
        return a.kind == "document" or (entity is not None and entity.kind == "organization" and not entity.vague
                                        and not is_outlet(entity) and _verb_kind(article, a) not in _NOT_CARRIED)
    by_paragraph: dict[int, list[Attribution]] = {}
    for a in article.attributions:
        by_paragraph.setdefault(a.paragraph, []).append(a)
    if not any(is_data(a) for a in article.attributions):
        return
    cited = sorted(p for p, atts in by_paragraph.items() if any(a.kind == "document" for a in atts))
    readout = range(cited[0], cited[-1] + 1) if len(cited) >= READOUT_PARAGRAPHS else range(0)
    # a single-document report: the readout cites nothing but its documents (a reporting verb beside one
    # is the document's own: وأوضحت النشرة): the whole body from the lead is its figures, asides too
    documents = {a.sentence for a in article.attributions if a.kind == "document"}
    single = bool(readout) and all(a.kind == "document" or a.sentence in documents for a in article.attributions)
    if single:
        readout = range(lead_paragraph(article.doc), len(article.doc.paragraphs))
    asides = set()
    for m in ctx.hits("impersonal-phrases"):
        s = ctx.sentence_of(ctx.tokens[m.i].start)[0]
        if m.entry.get("continues") != "yes" and _first_word(ctx, article.doc.sentences[s]) == m.i:
            asides.add(s)
    for n in article.numbers:
        if n.attributed or n.carried_from is not None or n.hedged or n.sentence < 0 or (n.sentence in asides and not single) \
                or (n.sentence < len(turns) and turns[n.sentence]):
            continue
        atts = by_paragraph.get(n.paragraph, ())
        before = [a for a in atts if a.sentence == n.sentence - 1]
        after = [a for a in atts if a.sentence == n.sentence + 1]
        nearest = [x for x in (before[-1] if before else None, after[0] if after else None) if x is not None and is_data(x)]
        if nearest:
            n.near_source, n.near_where = nearest[0].id, "paragraph"
        elif n.paragraph in readout:
            n.near_source = next(a for a in by_paragraph[cited[0]] if a.kind == "document").id
            n.near_where = "report" if single else "article"


def _carry_repeated_figures(article: Article) -> None:
    """A figure that repeats, with its unit, a value the previous sentence gives under a source (مقابل
    44 مليون جنيه، وفقا لتقارير ... . ولكن النادي قد يقبل ... مقابل 44 مليون), or, written with the
    definite article (مبلغ الـ110 ملايين دولار), a value any earlier sentence gives: the reader has its
    source already; it is carried from the attribution that sourced the first (field `carried`; a
    definite one names the figure it refers back to, `refers_to`)."""
    by_sentence: dict[int, list[NumberItem]] = {}
    for n in article.numbers:
        by_sentence.setdefault(n.sentence, []).append(n)
    for n in article.numbers:
        if n.attributed or n.carried_from is not None or n.value is None or n.sentence <= 0:
            continue
        definite = normalize_string(article.doc.text[max(0, n.loc.start - BACK_REFERENCE_REACH):n.loc.start]
                                    ).endswith(ARTICLE)
        reach = range(n.sentence - 1, -1, -1) if definite else (n.sentence - 1,)
        for earlier in (e for s in reach for e in by_sentence.get(s, ()) if e.loc.start < n.loc.start):
            if earlier.value != n.value or earlier.category != n.category:  # a sum and its kind (money, percent ...)
                continue
            carrier = earlier.carried_from
            if earlier.attributed and carrier is None:
                carrier = next((a.id for a in article.attributions if a.sentence == earlier.sentence and a.source
                                and a.source == earlier.source), None)
            if carrier is not None:
                n.carried_from = carrier
                n.refers_to = earlier.id if definite else None
                break


BACK_REFERENCE_REACH = 4  # characters before a figure where its definite article is written (الـ110، الـ 110)
TITLE_TO_NAME = 3  # tokens after a deciding official's title where his name may start (الأمير عبدالله، الرئيس العام ...)


def _acting_bodies(ctx: Context, article: Article) -> None:
    """قامت وزارة النقل بجولات ...، حيث تم رصد 395 مخالفة: a named body that opens its sentence as the
    subject of its action (patterns labelled acting-body, rules/patterns/contexts.pattern) reports its
    own operations; an official who decides a figure's terms (a verb of decision and his title: the named
    person, or a definite role, القاضي) is their source. It becomes an attribution of kind `agent`, added after the linking (a figure of
    its sentence is not `attributed`, so casualty counts still need a source of their own), whose
    source is given to that sentence's figures and, by the carry-over, to the following ones (field
    `carried`)."""
    bodies = {ctx.norm.to_normalized(m.loc.start): e for e in article.entities if e.kind == "organization" and not e.vague
              and not is_outlet(e) for m in e.mentions}
    people = {ctx.norm.to_normalized(m.loc.start): e for e in article.entities if e.kind == "person" and not e.vague
              for m in e.mentions}
    added = []
    for m in ctx.patterns.find("acting-body"):
        verb, body = ctx.tokens[m.span_start], ctx.tokens[m.span_start + 1]
        sentence, paragraph = ctx.sentence_of(verb.start)
        if m.span_start and ctx.sentence_of(ctx.tokens[m.span_start - 1].start)[0] == sentence:
            continue  # only a verb that opens its sentence has the body as its subject
        entity = bodies.get(body.start)
        if entity is None and m.end > m.span_end:  # a title after the verb: the person it names, or a definite role
            entity = next((people[t.start] for t in ctx.tokens[m.end:m.end + TITLE_TO_NAME] if t.start in people), None)
            if entity is None and not body.text.startswith(ARTICLE):
                continue
        elif entity is None:
            continue
        end = ctx.tokens[m.end - 1].end if entity is None else verb.end
        agent = Attribution(ctx.new_id("a"), ctx.loc(verb.start, end), ctx.original_text(verb.start, end), "agent",
                            entity.id if entity else None, sentence=sentence, paragraph=paragraph)
        added.append(agent)
        for n in article.numbers:
            if n.sentence == sentence and not n.attributed:
                n.carried_from = agent.id  # its own sentence's figures too
    if added:
        article.attributions = sorted(article.attributions + added, key=lambda a: a.loc.start)


def _sourced_next(article: Article) -> None:
    """A lead: a paragraph's first sentence gives the figure, the next one says who gave it (a named
    source or a cited document, in its paragraph, or, after the article's one-sentence lead paragraph,
    opening the next one). A semicolon may cut the first sentence in two (ارتفعت ...؛ لتتجاوز 138
    مليار ريال. وأوضحت المؤسسة ...): its parts are all the first sentence. A figure of a later sentence,
    with no source before the next one, is the writer's (issue 13, round 9)."""
    by_sentence: dict[int, list] = {}
    for a in article.attributions:
        by_sentence.setdefault(a.sentence, []).append(a)
    sentences, text = article.doc.sentences, article.doc.text
    opening = [s.index == 0 or sentences[s.index - 1].paragraph != s.paragraph
               or text[sentences[s.index - 1].start:sentences[s.index - 1].end].rstrip().endswith(SEMICOLONS)
               for s in sentences]
    for k in range(1, len(sentences)):  # every part of a cut first sentence, and nothing after it
        opening[k] = opening[k] and (sentences[k - 1].paragraph != sentences[k].paragraph or opening[k - 1])
    lead = lead_paragraph(article.doc)
    def names(s: int, named_only: bool) -> bool:
        return any(a.kind == "document" or (_named(article, a.source) if named_only else a.source)
                   for a in by_sentence.get(s, ()))
    for n in article.numbers:
        nxt = n.sentence + 1
        if not 0 <= n.sentence < nxt < len(sentences):
            continue
        n.sourced_next = opening[n.sentence] and (names(nxt, False) if sentences[nxt].paragraph == n.paragraph
                                      else n.paragraph == lead and names(nxt, True))


def _cited_documents(ctx: Context, article: Article) -> None:
    """وكشفت النشرة الإحصائية ...، ووفقا للدراسة، ...: a document the article cites (a bulletin, an annual
    report, a study; patterns labelled document-source, rules/patterns/contexts.pattern) reports the
    figures that follow it. It becomes an attribution of kind `document` (its source the document's
    entity when one was resolved, else none), added after the linking like a body's `agent`: a figure
    of its sentence is not `attributed` (a casualty count still needs its own source); the figures
    of its sentence and, by the carry-over, of the rest of its paragraph are carried from it (field
    `carried`), and a lead figure just before it is `sourced_next`."""
    matches = ctx.patterns.find("document-source")
    if not matches:
        return
    entity_at = {ctx.norm.to_normalized(x.loc.start): e.id for e in article.entities for x in e.mentions}
    by_sentence: dict[int, list[NumberItem]] = {}
    for n in article.numbers:
        by_sentence.setdefault(n.sentence, []).append(n)
    added: dict[int, Attribution] = {}  # one cited document a sentence
    for m in matches:
        noun = ctx.tokens[m.span_end - 1]
        sentence, paragraph = ctx.sentence_of(noun.start)
        if sentence in added:
            continue
        cue = added[sentence] = Attribution(ctx.new_id("a"), ctx.loc(ctx.tokens[m.span_start].start, noun.end),
                                            noun.text, "document", entity_at.get(noun.start),
                                            sentence=sentence, paragraph=paragraph)
        for n in by_sentence.get(sentence, ()):
            if not n.attributed and n.carried_from is None:
                n.carried_from = cue.id
    if added:
        article.attributions = sorted(article.attributions + list(added.values()), key=lambda a: a.loc.start)


def _consequences(ctx: Context, article: Article) -> None:
    """ونتج عن ذلك حالتان: a sentence that opens with the consequence of the one before (patterns labelled
    consequence-opener, rules/patterns/contexts.pattern) goes on with that sentence's account: its figures
    are the previous sentence's named source's, in the same paragraph (a spokesman's account of a crash,
    then its toll). Unlike the carry-over this reaches a casualty count (field `continues_source`): the
    toll is the consequence the source itself tells. An outlet, an anonymous source and an opinion give none."""
    matches = ctx.patterns.find("consequence-opener")
    if not matches:
        return
    starts = {m.start for m in matches}
    sentences = article.doc.sentences
    opening = {s.index for s in sentences[1:] if _first_word(ctx, s) in starts
               and sentences[s.index - 1].paragraph == s.paragraph}
    if not opening:
        return
    named = {}  # sentence -> its named source, an outlet's report and an opinion left out
    for a in article.attributions:
        if a.sentence + 1 in opening and _named(article, a.source) and not is_outlet(article.entity(a.source)) \
                and _verb_kind(article, a) not in _NOT_CARRIED:
            named.setdefault(a.sentence, a)  # its first: the speaker before what he reports
    for n in article.numbers:
        source = named.get(n.sentence - 1) if n.sentence in opening and not n.attributed else None
        if source is not None:
            n.continued_from = source.id


def _named(article: Article, entity_id: str | None) -> bool:
    """A source an editor can check: a named person or body, not an anonymous one."""
    entity = article.entity(entity_id)
    return entity is not None and not entity.vague and entity.kind in ("organization", "person")


def _link(article: Article) -> None:
    by_sentence: dict[int, list] = {}
    sourced: dict[int, _SourcedAttributions] = {}
    for att in article.attributions:
        by_sentence.setdefault(att.sentence, []).append(att)
        if att.source:
            sourced.setdefault(att.sentence, _SourcedAttributions()).add(att)
    speech = [q for q in article.quotes if q.kind == "speech"]
    previous_speaker: dict[int, str | None] = {}
    for q in speech:
        atts = sourced.get(q.sentence)
        chosen = atts.nearest(q.loc.start, q.loc.end) if atts is not None else None
        if chosen is not None:
            q.speaker = chosen.source
            chosen.covers.append(q.id)
        else:
            # a quotation that opens a paragraph continues the previous paragraph's speaker, or is
            # what the previous paragraph announced with its last words (ويقول:)
            para = article.doc.paragraphs[q.paragraph] if q.paragraph >= 0 else None
            if para is not None and q.loc.start - para.start <= 1:
                q.speaker = previous_speaker.get(q.paragraph - 1) or _announced_by(article, q.paragraph - 1)
        previous_speaker[q.paragraph] = q.speaker
    speech_starts = [q.loc.start for q in speech]
    for n in article.numbers:
        k = bisect.bisect_left(speech_starts, n.loc.start) - 1
        quote = next((q for q in speech[max(0, k - 2):k + 1]
                      if q.loc.start < n.loc.start and n.loc.end <= q.loc.end), None)
        if quote is not None:
            n.in_quote = quote.id
            n.attributed = True
            n.source = quote.speaker
        atts = by_sentence.get(n.sentence, [])
        if atts:
            n.attributed = True
            if n.source is None:
                sourced = [a for a in atts if a.source]
                if sourced:
                    nearest = min(sourced, key=lambda a: abs(a.loc.start - n.loc.start))
                    n.source = nearest.source
            for a in atts:
                a.covers.append(n.id)
