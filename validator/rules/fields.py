"""What rules can see: each structure type's fields, read from the extracted Article.

The engine and the linter share this table, so a field a rule names is a field the engine has.
"""
from __future__ import annotations

import bisect
from operator import attrgetter
from dataclasses import dataclass
from typing import Any, Callable

from validator.extract.press_review import press_review
from validator.extract.entities.repeated_groups import repeated_on_line
from validator.extract.group_identity import (crowd_reaction, head_entry, institution_named, issuer_named, plural,
                                              public_member_named, research_identified, tier)
from validator.extract.figure_context import in_link_line
from validator.extract.informant_again import informant_again
from validator.extract.source_scope import headline_answered, within_statement
from validator.extract.model import MARKET_REPORT_DENSITY, Article, Entity, SpellingGroup
from validator.extract.patterns.shapes import definite
from validator.extract.quotes import CLOSED_NEXT_PARAGRAPH, GUILLEMET_OPENED_TWICE, MIRRORED_PAIR, MIRRORED_SLIP
from validator.text.normalize import normalize_cached
from validator.extract.wordclasses import affix, one_word, word_class
from validator.rules.learned_outlet import unnamed_informant
from validator.rules.statement_owner import owns_statement

_ONE_OF = word_class("entity-words", "one-of")  # أحد، إحدى: one member of a group
_IN_THE_NAME_OF = one_word("entity-words", "in-the-name-of")  # باسم
_ARTICLE = affix("article")
_APPOSITION = word_class("entity-words", "apposition-pronoun")  # وهو، وهي: a named person described
_NEAR, _STATEMENT_WORDS = 40, 5  # a quoted statement: at least five words, opening within 40 characters


@dataclass(frozen=True, slots=True)
class FieldSpec:
    get: Callable[[Any, Article], Any]
    target: str | None = None   # the structure type this field leads to (source -> entity)
    doc: str = ""
    attr: str | None = None     # the structure's attribute the field is, which compiled conditions read in place


def _attribute(name: str, doc: str) -> FieldSpec:
    """A field that is the structure's own attribute `name`."""
    read = attrgetter(name)
    return FieldSpec(lambda x, a: read(x), doc=doc, attr=name)


def _entity(article: Article, entity_id):
    return article.entity(entity_id)


def _citations(e: Entity, a: Article) -> list[int]:
    """Where the article itself says the person speaks: an attribution whose subject is written out
    (قال فلان، بحسب فلان), not one resolved by coreference (a bare وأضاف may be anyone's), not a
    statement noun (رسالة، تقرير: whose letter is a guess), and the quotations those attributions give him."""
    explicit, spoken = _explicit(e, a)
    covered = {c for at in explicit for c in at.covers}
    named = [m.loc.start for m in e.mentions if m.form != "verb"]
    # where he is named as the subject: the mention nearest each attribution (وقال فلان، فلان قال)
    if any(x > y for x, y in zip(named, named[1:])):
        at_names = [min(named, key=lambda start: abs(start - at.loc.start)) for at in explicit]
    else:
        at_names = [_nearest(named, at.loc.start) for at in explicit] if named else []
    return at_names + [q.loc.start for q in spoken if q.id in covered]


def _explicit(e: Entity, a: Article) -> tuple[list, list]:
    """The attributions of `_citations` (subject written out, not a statement noun unless he delivered it or is its public author,
    a verb that speaks) and the quotations the person speaks."""
    attributions, spoken = a.sourced_by(e.id)
    return [at for at in attributions if not at.implicit and (at.kind != "statement" or owns_statement(at, e, a))
            and not _no_speech(at, a)], spoken


def _no_speech(at, a: Article) -> bool:
    """سجل للفريق ماجد الدوسري في الدقيقة 20: a verb the reporting-verbs lexicon marks person=no says
    nothing of a person as its subject (he scored): no citation of him."""
    entry = _entry(a, "reporting-verbs", at.phrase) if at.kind == "verb" else None
    return entry is not None and entry.get("person") == "no"


def _entry(a: Article, lexicon: str, key: str):
    """The entry of a lexicon the article's extraction loaded for a normalized word or phrase, or None."""
    return a.resources[lexicon].by_norm.get(key) if a.resources is not None else None


def _nearest(starts: list[int], x: int) -> int:
    """min(starts, key=distance to x) of ordered starts, the earlier on a tie, by bisection."""
    k = bisect.bisect_left(starts, x)
    if k == len(starts):
        return starts[-1]
    if k == 0 or starts[k] - x < x - starts[k - 1]:
        return starts[k]
    return starts[k - 1]


def _cited(e: Entity, a: Article) -> bool:
    """`bool(_citations(e, a))`, its places not computed: an explicit attribution and a mention by name
    to place it at, or a quotation one covers."""
    explicit, spoken = _explicit(e, a)
    if not explicit:
        return False
    if any(m.form != "verb" for m in e.mentions):
        return True
    covered = {c for at in explicit for c in at.covers}
    return any(q.id in covered for q in spoken)


def _titled_when_cited(e: Entity, a: Article) -> bool:
    """A title (or a mention by title alone: المدرب البرتغالي) at or before the first mention where the
    person speaks or is cited: واصل الرباعي عبدالله عطيف ... وأوضح اللاعب عبدالله عطيف أن ... is titled
    where the reader weighs his words."""
    cited = _citations(e, a)
    if not cited:
        return False
    first_cited = min(cited)
    return any(((m.title and not m.courtesy) or m.form == "title") and m.loc.start <= first_cited for m in e.mentions)


def _unnamed_spokesman(e, a: Article) -> bool:
    """Known only as an indefinite spokesman of a body (متحدث باسم الوزارة، ناطقة باسم الشركة), whose first words
    are a quoted statement right after him (وقال متحدث باسم الصندوق: «...»): the body answers for a confirmation
    in his own words, not for a statement put in his mouth. Not a named person described by the role (وهي متحدثة)."""
    words = normalize_cached(e.name).split() if e.role_only and e.kind == "person" and e.mentions else []
    if not (len(words) > 2 and words[1] == _IN_THE_NAME_OF and not words[0].startswith(_ARTICLE)):
        return False
    m = e.mentions[0]
    before = a.doc.text[max(0, m.loc.start - _NEAR):m.loc.start].split()
    return not (before and normalize_cached(before[-1]) in _APPOSITION) and any(
        q.speaker == e.id and q.kind == "speech" and q.balanced and q.words >= _STATEMENT_WORDS
        and 0 <= q.loc.start - m.loc.end <= _NEAR for q in a.quotes)


def _bare(e, a: Article) -> bool:
    """وقال بينيتيز: «...»: the person was first read, or first cited, as one unknown word a quotation
    verb introduces right before the quotation; its real first mention is in words no lexicon reads."""
    return e.bare or next((m.bare for m in e.mentions if m.is_source), False)


def _first_source(mention, article: Article, paragraph: bool = False) -> bool:
    entity = article.entity(mention.entity)
    if entity is None:
        return False
    line = mention.loc.line
    first = next((x for x in entity.mentions if x.is_source and (not paragraph or x.loc.line == line)), None)
    return first is mention


def _quotes_here(mention, a: Article) -> bool:
    """The mention's entity speaks a direct quotation of the mention's sentence (وقال أحد الباعة: «...»):
    rule unnamed-speaker reports that sentence; one finding is enough."""
    sentence = a.doc.sentence_at(mention.loc.start)
    return sentence is not None and (mention.entity, sentence.index) in a.memo("speeches", _speeches)


def _speeches(a: Article) -> set[tuple]:
    """(speaker, sentence) of every balanced direct quotation."""
    return {(q.speaker, q.sentence) for q in a.quotes if q.kind == "speech" and q.balanced}


def _speaker_first(quote, a: Article) -> bool:
    """The first direct quotation its speaker speaks: an anonymous speaker quoted again (وأضاف المصدر ذاته:
    «...») is the same problem, reported once, at his first quotation."""
    if quote.speaker is None:
        return True
    return a.memo("first-speeches", _first_speeches).get(quote.speaker, quote) is quote


def _first_speeches(a: Article) -> dict:
    """Each speaker's first balanced direct quotation."""
    first: dict = {}
    for q in a.quotes:
        if q.kind == "speech" and q.balanced:
            first.setdefault(q.speaker, q)
    return first


def _in_quotation(mention, a: Article) -> bool:
    """Inside a direct quotation (kind speech): the quoted speaker's words, whose source is the speaker
    the article names for the quotation, not the writer's («والتغريدة التي تتناقلها وسائل الإعلام غير صحيحة»)."""
    starts, quotes = a.memo("speech-spans", _speech_spans)
    k = bisect.bisect_right(starts, mention.loc.start) - 1
    return k >= 0 and mention.loc.end <= quotes[k].loc.end


def _speech_spans(a: Article) -> tuple[list[int], list]:
    """Balanced speech quotations by start, an outer one kept over one nested in it."""
    quotes = []
    for q in sorted((q for q in a.quotes if q.kind == "speech" and q.balanced), key=lambda q: q.loc.start):
        if not quotes or q.loc.start >= quotes[-1].loc.end:
            quotes.append(q)
    return [q.loc.start for q in quotes], quotes


def _mention_in_headline(mention, a: Article) -> bool:
    return a.doc.headline is not None and mention.loc.start < a.doc.headline.end


def _body_first_source(mention, a: Article) -> bool:
    """The first mention of its entity that is a source outside the headline."""
    entity = a.entity(mention.entity)
    if entity is None or not mention.is_source or _mention_in_headline(mention, a):
        return False
    return next((x for x in entity.mentions if x.is_source and not _mention_in_headline(x, a)), None) is mention


def _back_reference(mention, a: Article) -> bool:
    """A definite mention (المصادر، ذات المصادر، المصدر نفسه) of an entity an earlier mention already gave as
    a source: it points back to the sources the article raised, not to new ones (issue 13, session 15)."""
    entity = a.entity(mention.entity)
    if entity is None or not definite(normalize_cached(mention.loc.text.split()[0])):
        return False
    before = a.doc.text[max(0, mention.loc.start - 8):mention.loc.start].split()
    if before and normalize_cached(before[-1]) in _ONE_OF:
        return False  # يقول أحد المراقبين: one member the story singles out, with a claim of his own
    earlier = [x for x in entity.mentions if x.is_source and x.loc.start < mention.loc.start]
    if earlier and _experts_at_large_again(entity, mention, earlier, a):
        return False
    return bool(earlier)


def _experts_at_large_again(entity: Entity, mention, earlier: list, a: Article) -> bool:
    """A plural of experts (vague-sources group=experts) every earlier mention of which was itself
    bare and definite (not a group the article introduced: عدد من الخبراء، بعض المحللين), the last one
    two or more paragraphs back with other matters between: the field's experts at large again, with
    a new claim on nobody's name (session 16, round 56: وقال الخبراء in paragraphs 6 and 14)."""
    entry = head_entry(entity, a.resources["vague-sources"]) if a.resources is not None else None
    if entry is None or entry.get("group") != "experts":
        return False
    here, last = a.doc.paragraph_at(mention.loc.start), a.doc.paragraph_at(earlier[-1].loc.start)
    if here is None or last is None or here.index - last.index < 2:
        return False
    return all(definite(normalize_cached(x.loc.text.split()[0])) and not _after_quantifier(x, a) for x in earlier)


def _after_quantifier(mention, a: Article) -> bool:
    """The word right before a mention is a quantifier or a preposition (بعض الخبراء، عدد من الخبراء):
    lexicon stopwords kind=quantifier|preposition."""
    words = a.doc.text[max(0, mention.loc.start - 16):mention.loc.start].split()
    entry = a.resources["stopwords"].lookup(words[-1]) if words and a.resources is not None else None
    return entry is not None and entry.get("kind") in ("quantifier", "preposition")


def _identified_later(e: Entity, a: Article) -> bool:
    """A vague head a lead often leaves vague and the next sentence identifies (vague-sources
    identified=next: دراسة جديدة، علماء، تقارير صحفية)."""
    entry = _entry(a, "vague-sources", e.key) if e.vague else None
    return entry is not None and entry.get("identified") == "next"


def _named_next(mention, a: Article) -> bool:
    """A body or a person the article names (not a role alone, not a vague source) after the mention in
    its sentence or in the next sentence (the next paragraph's first when its sentence ends one);
    from the headline, in the body's first two sentences: دراسة جديدة ... وأجرت الدراسة جامعة واشنطن."""
    sentence = a.doc.sentence_at(mention.loc.start)
    if sentence is None:
        return False
    named = a.memo("named-sentences", _named_sentences)
    sentences = a.doc.sentences
    if _mention_in_headline(mention, a):
        body = [s for s in sentences if s.start >= a.doc.headline.end][:2]
        return any(s.index in named for s in body)
    if any(start > mention.loc.start for start in named.get(sentence.index, ())):
        return True
    return sentence.index + 1 in named


def _named_sentences(a: Article) -> dict[int, list[int]]:
    """Sentence index -> where a named person or a body that publishes (a news agency, bodies
    publishes=yes: جامعة واشنطن، صحيفة بيلد) is mentioned in it; a company (سامسونج) or a ministry
    named after a study is what the study is about, not who made it."""
    named: dict[int, list[int]] = {}
    for e in a.entities:
        if e.vague or e.role_only or not (e.kind == "person" or (e.kind == "organization" and _publisher(e, a))):
            continue
        for m in e.mentions:
            if m.form != "verb" and (s := a.doc.sentence_at(m.loc.start)) is not None:
                named.setdefault(s.index, []).append(m.loc.start)
    return named


def _publisher(e: Entity, a: Article) -> bool:
    entry = _entry(a, "bodies", e.key) or _entry(a, "bodies", e.key.split(" ", 1)[0])
    return entry is not None and (entry.get("kind") == "agency" or entry.get("publishes") == "yes")


def _line(x, a: Article) -> int:
    if hasattr(x, "loc"):
        return x.loc.line
    if isinstance(x, SpellingGroup):
        return x.forms[0][1].line
    return x.line


# The article's voice, decided once per article: a figure and a person of it read the same
_ARGUED = FieldSpec(lambda x, a: a.argued > 0,
                    doc="its article is the writer's own argument: sentences of the body ask or exclaim outside "
                        "quotation marks (؟ !), two or more, or one beside a first-person word (lexicon "
                        "first-person): an opinion piece, not reported news (narration.argued, decided once per article)")

_COMMON = {
    "text": FieldSpec(lambda x, a: x.loc.text if hasattr(x, "loc") else x.text, doc="the text of the span"),
    "line": FieldSpec(_line, doc="1-based line"),
}

FIELDS: dict[str, dict[str, FieldSpec]] = {
    "number": {
        **_COMMON,
        "argued": _ARGUED,
        "value": _attribute("value", doc="numeric value (3.5, 3000, 2500000)"),
        "category": _attribute("category", doc="casualty, people, money, percent, ..."),
        "qualifier": _attribute("qualifier", doc="at least, about, more than ... (docs/rules.md) or empty"),
        "noun": _attribute("noun", doc="the counted noun as written"),
        "noun_type": _attribute("noun_type", doc="killed, injured, currency code, unit"),
        "statistic": _attribute("is_statistic", doc="casualty, people, money, percent or quantity"),
        "attributed": _attribute("attributed", doc="covered by an attribution or a quote"),
        "source": FieldSpec(lambda n, a: _entity(a, n.source), "entity", "the source entity"),
        "in_quote": FieldSpec(lambda n, a: n.in_quote is not None, doc="inside a quotation"),
        "in_headline": _attribute("in_headline", doc="in the headline"),
        "stub": _attribute("stub", doc="in the headline of a stub: the body under it has fewer than 14 words (a "
                                       "byline, a line of tags), so nothing in the article can give its source"),
        "in_subhead": _attribute("in_subhead",
                                 doc="in a subhead or teaser line of the body (one short line, no final mark)"),
        "is_update": _attribute("is_update", doc="an explicit update (the toll rose to)"),
        "breakdown_differs": FieldSpec(lambda n, a: n.breakdown is not None and n.breakdown != n.value,
                                       doc="a count of people right followed by its parts in parentheses (two or more "
                                           "counts of people, nothing else) that do not add up to it"),
        "partial": _attribute("partial", doc="part of a larger count (among them four children)"),
        "approximate": _attribute("approximate", doc="a vague count (tens, hundreds, thousands)"),
        "rough_count": FieldSpec(lambda n, a: n.approximate and not n.ranged, doc="approximate, and not the upper "
                                 "bound of a range with both its ends given (between 400 and 450): a vague count"),
        "market": _attribute("market", doc="in a sentence of market data (lexicon market-terms)"),
        "idiom": _attribute("idiom",
                            doc="100 % in an opinion column (the writer's own voice or a column's layout, lexicon "
                                "first-person; quote field in_first_person): a figure of speech, not a statistic"),
        "repeated": FieldSpec(lambda n, a: n.repeats is not None,
                              doc="no source in its sentence, and it repeats the value, kind and unit of an earlier body "
                                  "figure that no source covers either, or restates the sum just before it in another currency "
                                  "(field restates): the first's finding asks once for both; or, with other figures of its "
                                  "sentence, it adds up to an earlier total (figure-words total-words), asked for at the total"),
        "own_results": _attribute("own_results",
                                  doc="a sum or percentage in a report of one company's results (a results word, pattern label "
                                      "results-term, in the headline and the word company, label company-term, in the lead), "
                                      "in a sentence that gives results or names the company: the company's own disclosure"),
        "market_wrap": _attribute("market_wrap", doc="in a sentence of a market wrap: the headline is market data (pattern "
                                                     "label market-context) and the sentence names the market too"),
        "cargo": _attribute("cargo",
                            doc="a quantity loaded on one vehicle or vessel outside the lead, or people aboard one in an "
                                "article that tells no toll: a word of lexicon cargo-words just before it, a description "
                                "rather than a statistic"),
        "past_event": _attribute("past_event",
                                 doc="a casualty count of an earlier event its clause recalls (label past-event: months or years "
                                     "before the story's event, a month marked past, a court case's charge; label described-event: a "
                                     "known event a relative clause or a frame describes, unless a day of this week dates it): background"),
        "decided": _attribute("decided",
                              doc="its sentence opens with a verb of decision (operation-verbs kind=decision) and the named "
                                  "body or official who decides (pattern label acting-body): a court or a prosecution "
                                  "ordering or renewing the detention of the people it counts is the source of that count"),
        "record": _attribute("record",
                             doc="a figure of public record: an institution's capital just before a sum or a holder's stake "
                                 "just after a percentage, or a verb of composition before a count of people (what a body "
                                 "or a place has or consists of: figure-words class composition; pattern label record-context), or the "
                                 "price of a deal dated years back or in a sentence recalling it (pattern label deal-price)"),
        "unit_price": _attribute("unit_price",
                                 doc="a tariff: a per-unit word or a service offered just after the sum (pattern label unit-price), "
                                     "a price word just before it (the price of one item: pattern label item-price), or a "
                                     "sentence with two different offer words (pattern label offer-term)"),
        "recalled": _attribute("recalled",
                               doc="a sum or percentage in a sentence that opens with a recall word (figure-words "
                                   "recall): an earlier report or state recalled as background"),
        "forecast": _attribute("forecast",
                               doc="a sum, percentage, quantity or count of people after a word of expectation in its "
                                   "sentence and clause (pattern label forecast-context, figure-words forecast), or before a "
                                   "target year in its clause later than the article's own (label target-year: by the year "
                                   "2030): a forecast or a goal, not a fact"),
        "market_report": FieldSpec(lambda n, a: n.market_terms if n.market_density >= MARKET_REPORT_DENSITY else 0,
                                   doc="market terms of any scope in its paragraph (pattern market-report) when the "
                                       "paragraph has at least one per sentence (a dense one), else 0: a market report"),
        "chronicle": _attribute("chronicle", doc="in an entry of a chronology (figure_context: a this-day-in-history column's title in the headline, pattern label chronicle-title, or three sentences or more opening with a year and a dash, label chronicle-entry): history on record"),
        "historical": _attribute("historical",
                                 doc="after a date before the article's own time in its sentence: a year earlier than "
                                     "the latest the article names that is not a target (by 2030), or last year/season "
                                     "(background on record)"),
        "past_estimate": FieldSpec(lambda n, a: n.historical and n.hedged,
                                   doc="historical and hedged: a figure dated before the article's own time that the "
                                       "writer approximates (an approx qualifier): his background estimate, where a "
                                       "precise past count stays a statistic"),
        "sourced_next": _attribute("sourced_next",
                                   doc="a lead figure: in the first sentence of its paragraph (its parts, where a "
                                       "semicolon cuts it), and the next sentence (in its paragraph, or opening the next "
                                       "after the article's one-sentence lead paragraph, a byline line skipped) names a "
                                       "source (\"said X\") or cites a document (pattern label document-source); or a later sentence of its "
                                       "paragraph gives the same figure (a toll and a count of people alike) under a "
                                       "named source's attribution"),
        "carried": FieldSpec(lambda n, a: n.carried_from is not None,
                             doc="no source in its sentence, but an earlier one carries over to it: a body's release "
                                 "over the following sentences and paragraphs, a person's words and a cited document "
                                 "(pattern label document-source) over the rest of their "
                                 "paragraph (and on over a paragraph that opens by going on with it: pattern label "
                                 "source-continues), until another source, a quotation of someone else or a topic shift"),
        "splits_source": FieldSpec(lambda n, a: n.splits_from is not None,
                                   doc="its sentence's casualty counts (two or more), or an arrest count of others "
                                       "carried on, complete a count a named source gave before: its breakdown, the source's"),
        "continues_source": FieldSpec(lambda n, a: n.continued_from is not None,
                                      doc="its sentence opens with the consequence of the one before (pattern label "
                                          "consequence-opener: and that resulted in) and that sentence, in its paragraph, "
                                          "names a source (not an outlet, an anonymous one or an opinion): its figures, a "
                                          "casualty count too, go on with that source's account"),
        "source_near": FieldSpec(lambda n, a: n.near_source is not None,
                                 doc="no source in its sentence and none carried, but a named data source nearby: a named "
                                     "body (not an outlet, not an opinion verb) or a cited document in the sentence just "
                                     "before or after it in its paragraph, or the cited documents a statistics readout "
                                     "reads from (three paragraphs or more); not a hedged figure, nor in a sentence that "
                                     "turns to another topic or opens as the writer's aside (an aside of lexicon impersonal-phrases)"),
        "hedged": _attribute("hedged",
                             doc="an approximating qualifier before it (an entry of lexicon qualifiers with type=approx): "
                                 "the writer's own estimate, which no earlier source carries over to"),
        "paragraph": _attribute("paragraph", doc="0-based paragraph (the headline is 0)"),
        "dateline_place": FieldSpec(lambda n, a: a.doc.dateline.place if a.doc.dateline else None,
                                    doc="the place of the article's dateline, if any"),
        "event_place": _attribute("place",
                                  doc="where a casualty figure's event happened, in a story with a dateline: the first "
                                      "city or region its sentence names outside the dateline (in the headline or first "
                                      "paragraph: else the first the lead names), else the dateline's place or agency part that the "
                                      "places lexicon knows; empty when neither names a known place"),
        "update_story": _attribute("update_story",
                                   doc="a casualty figure of a story that leads with an update (a rising or revised "
                                       "toll of lexicon update-phrases in its headline or first paragraph)"),
        "sentence": _attribute("sentence", doc="0-based sentence of the article"),
    },
    "quote": {
        **_COMMON,
        "kind": _attribute("kind", doc="speech, name or term"),
        "balanced": _attribute("balanced", doc="its marks pair up"),
        "mirrored": FieldSpec(lambda q, a: MIRRORED_SLIP in q.evidence or GUILLEMET_OPENED_TWICE in q.evidence,
                              doc="two guillemets of one kind around a quotation where a mark visibly faces the "
                                  "wrong way: »...» side by side with a right-way «...» (mirrored-guillemet-slip), "
                                  "or «...« whose second mark opens again where the closing one belongs "
                                  "(guillemet-opened-twice)"),
        "mirrored_pair": FieldSpec(lambda q, a: MIRRORED_PAIR in q.evidence,
                                   doc="a quotation marked »...» away from any right-way «...»: the opening mark "
                                       "is mirrored, the two still pair (mirrored-guillemet-pair)"),
        "closed_next_paragraph": FieldSpec(lambda q, a: CLOSED_NEXT_PARAGRAPH in q.evidence,
                                           doc="a quotation in « » or “ ” left open at its paragraph's end and "
                                               "closed in the next paragraph, which does not reopen it "
                                               "(quotation-closed-next-paragraph)"),
        "speaker": FieldSpec(lambda q, a: _entity(a, q.speaker), "entity", "the speaker entity"),
        "content": _attribute("content", doc="the text between the marks"),
        "words": _attribute("words", doc="number of words quoted"),
        "in_headline": FieldSpec(lambda q, a: a.doc.headline is not None and q.paragraph == 0,
                                 doc="in the headline"),
        "in_first_person": FieldSpec(lambda q, a: a.first_person,
                                     doc="its article narrates in the first person (lexicon first-person)"),
        "speaker_first": FieldSpec(_speaker_first, doc="the first balanced speech quotation of its speaker"),
    },
    "entity": {
        **_COMMON,
        "argued": _ARGUED,
        "kind": _attribute("kind", doc="person, organization or unnamed"),
        "name": _attribute("name", doc="the name as first written"),
        "titles": _attribute("titles", doc="titles as written"),
        "title": FieldSpec(lambda e, a: e.titles[0] if e.titles else None, doc="the first title"),
        "has_title": FieldSpec(lambda e, a: bool(set(e.titles) - {m.title for m in e.mentions if m.courtesy}),
                               doc="any title in the article (not only an honorific of lexicon titles describes=no)"),
        "titled_first": FieldSpec(lambda e, a: bool(e.mentions and e.mentions[0].title and not e.mentions[0].courtesy),
                                  doc="the first mention carries a title (not only an honorific of lexicon titles "
                                      "describes=no)"),
        "titled_when_cited": FieldSpec(_titled_when_cited,
                                       doc="a title at or before the first mention where the person speaks or is cited"),
        "vague": _attribute("vague", doc="an anonymous or vague source"),
        "plural": FieldSpec(plural, doc="a vague source whose head word is plural (lexicon vague-sources number=pl: "
                                        "sources, officials, witnesses): a group, whose later claims may each be another member's"),
        "identified_later": FieldSpec(_identified_later,
                                      doc="a study or scientists a lead often leaves vague and the next sentence "
                                          "identifies (lexicon vague-sources, identified=next)"),
        "hedge": FieldSpec(lambda e, a: e.vague and tier(e, a) == "hedge",
                           doc="a vague source of lexicon vague-sources tier=hedge: estimates nobody is said to make "
                               "(according to estimates), a hedge on a figure rather than a source of the news"),
        "opinion_rumour": FieldSpec(lambda e, a: e.vague and (a.first_person or a.argued > 0) and tier(e, a) == "rumour",
                                    doc="a passive verb of hearsay of lexicon vague-sources tier=rumour (it is said that, "
                                        "it is rumoured that) in an opinion piece in the writer's own voice (in_column or "
                                        "argued): his hearsay in his argument, not a claim the news rests on"),
        "opinion_media": FieldSpec(lambda e, a: e.vague and (a.first_person or a.argued > 0) and tier(e, a) == "press",
                                   doc="the media or social media at large (lexicon vague-sources tier=press) in an opinion "
                                       "piece in the writer's own voice (in_column or argued): his reference in his argument"),
        "crowd_reaction": FieldSpec(crowd_reaction, doc="social-media users at large or the others among them in a story "
                                                        "whose lead says it reports their reaction, or the others of a group "
                                                        "told just before as no source: their opinions are the news"),
        "press_review": FieldSpec(press_review, doc="papers of a country one of whose mentions a verb of coverage "
                                                    "(attribution-words press-coverage) opens: what a press review covers"),
        "unnamed_spokesman": FieldSpec(_unnamed_spokesman, doc="known only as an indefinite spokesman of a body and first quoted right after him"),
        "bare": FieldSpec(_bare, doc="first read or first cited as a one-word speaker a quotation verb introduces"),
        "introduced": _attribute("introduced",
                                 doc="a private person introduced by an indefinite role noun (lexicon people-nouns) in the "
                                     "sentence before his name or earlier in its own, or described by a pattern of "
                                     "rules/patterns/people.pattern (his city, age, job, a role in apposition or before the name)"),
        "framed": _attribute("framed",
                             doc="a person without title or description whose name stands between a reporting verb "
                                 "and his words, or right before his reporting verb (the patterns "
                                 "speech-verb-before-name, speech-after-name, subject-before-name, speech-verb-after-name of "
                                 "rules/patterns/people.pattern; not a kunya alone: kunya-name), or a public figure "
                                 "of lexicon public-figures, whose office is owed wherever he is named"),
        "cited": FieldSpec(_cited, doc="speaks or is the source of an attribution"),
        "in_column": FieldSpec(lambda e, a: a.first_person,
                               doc="its article is an opinion column (lexicon first-person; number field in_column)"),
        "gender": _attribute("gender", doc="m or f"),
        "mentions": FieldSpec(lambda e, a: len(e.mentions), doc="number of mentions"),
    },
    "mention": {
        **_COMMON,
        "form": _attribute("form", doc="name, surname, title, verb or vague"),
        "first": _attribute("first", doc="the entity's first mention"),
        "is_source": _attribute("is_source", doc="the source of an attribution"),
        "first_source": FieldSpec(lambda m, a: m.is_source and _first_source(m, a),
                                  doc="the first mention of its entity that is a source"),
        "paragraph_first_source": FieldSpec(lambda m, a: m.is_source and _first_source(m, a, paragraph=True),
                                            doc="the first mention of its entity that is a source in its paragraph"),
        "title": _attribute("title", doc="the title written with this mention"),
        "in_headline": FieldSpec(_mention_in_headline, doc="in the headline"),
        "in_link_line": FieldSpec(lambda m, a: in_link_line(a.doc.text, m.loc.start), doc="in a web page's link line that repeats the headline"),
        "body_first_source": FieldSpec(_body_first_source,
                                       doc="the first mention of its entity that is a source outside the headline"),
        "back_reference": FieldSpec(_back_reference, doc="a definite mention (the sources, the same sources) of an entity an "
                                                         "earlier mention already gave as a source: sources already raised"),
        "informant_back_reference": FieldSpec(lambda m, a: _back_reference(m, a) and informant_again(m, a), doc="a back_reference whose head is an informant (lexicon vague-sources informant=yes: the sources)"),
        "repeated_on_line": FieldSpec(repeated_on_line, doc="a vague source's words an earlier vague source of its line has: the same group"),
        "named_next": FieldSpec(_named_next, doc="a named body or person after it in its sentence or in the next "
                                                 "sentence (from the headline: in the body's first two sentences)"),
        "in_quote": FieldSpec(_in_quotation, doc="inside a direct quotation: the quoted speaker's words"),
        "research_identified": FieldSpec(research_identified,
                                         doc="a research noun (lexicon vague-sources tier=research: a study, scientists, "
                                             "researchers) in a story that names a researcher, a university, a college, "
                                             "an institute or a journal anywhere (attribution-words research-identity)"),
        "issuer_named": FieldSpec(issuer_named,
                                  doc="a document noun (lexicon vague-sources tier=document: a report, a document) that "
                                      "a mention of it in the story follows with who issued it (entity-words issued-by), "
                                      "or whose next sentence a named body speaks (its author); press reports (tier=press) "
                                      "whose next sentence a named outlet reports with a verb"),
        "institution_named": FieldSpec(institution_named,
                                       doc="a plural of experts (lexicon vague-sources group=experts) that a named body "
                                           "right after it qualifies (the World Health Organization's experts)"),
        "body_identified": FieldSpec(lambda m, a: issuer_named(m, a) or institution_named(m, a),
                                     doc="issuer_named or institution_named: a named body the document or the experts are of"),
        "headline_answered": FieldSpec(lambda m, a: headline_answered(m, a) is not None,
                                       doc="a vague source in the headline that the body answers: the lead's first "
                                           "source is a titled, named person (the headline's shorthand for him), or "
                                           "a research noun (a study:) the body reports as its own vague source; also a definite body "
                                           "back-reference to it after that person (the Gulf official)"),
        "within_statement": FieldSpec(lambda m, a: within_statement(m, a) is not None,
                                      doc="a vague document (lexicon entity-words document-source) a preposition introduces "
                                          "(according to security reports) after another source's reporting verb and its "
                                          "that-clause, or people (not sources nor media) who speak inside a named person's "
                                          "reported clause: part of that source's statement"),
        "accounted_for": FieldSpec(
            lambda m, a: research_identified(m, a) or issuer_named(m, a) or institution_named(m, a)
            or _in_quotation(m, a) or headline_answered(m, a) is not None or within_statement(m, a) is not None
            or public_member_named(m, a) is not None,
            doc="research_identified, body_identified, in_quote, headline_answered, within_statement or a group of the "
                "public whose members the story names (a vox pop): the story "
                "identifies the vague source, or it is someone else's words (one field: a rule's condition stays "
                "within what the corpus engine compiles)"),
        "quotes_here": FieldSpec(_quotes_here, doc="its entity speaks a direct quotation of the mention's sentence"),
        "entity": FieldSpec(lambda m, a: a.entity(m.entity), "entity", "the entity mentioned"),
    },
    "attribution": {
        **_COMMON,
        "phrase": _attribute("phrase", doc="the reporting verb or phrase (lemma)"), "kind": _attribute("kind", doc="verb, preposition or statement"),
        "source": FieldSpec(lambda t, a: _entity(a, t.source), "entity", "the source entity"),
        "implicit": _attribute("implicit", doc="a bare continuation verb"),
        "unnamed_informant": FieldSpec(unnamed_informant, doc="a verb of learning whose source is the body that learned, no informant named (learned_outlet.py)"),
    },
    "paragraph": {**_COMMON, "index": _attribute("index", doc="0-based"),
                  "is_headline": _attribute("is_headline", doc="the headline")},
    "sentence": {**_COMMON, "index": _attribute("index", doc="0-based"),
                 "is_headline": _attribute("is_headline", doc="in the headline")},
    "headline": {**_COMMON},
    "spelling": {**_COMMON, "kind": _attribute("kind", doc="person, organization, place or term"),
                 "forms": FieldSpec(lambda s, a: len(s.forms), doc="number of distinct spellings"),
                 "variant": _attribute("variant",
                                       doc="the variant rule the spellings differ by (loose-key, foreign-g, "
                                           "long-vowel, final-ya, ...; its evidence variant:NAME)"),
                 "slot": _attribute("slot", doc="where the other spelling stands, for the variants that ask "
                                                "(after-reporting-verb, after-same-given-name, "
                                                "family-back-reference, unplaced, another-full-name; its evidence "
                                                "name-slot:NAME)")},
}

# Message placeholders: {text} and these.
PLACEHOLDERS = frozenset({"article", "text", "value", "category", "noun", "qualifier", "name", "titles", "title",
                          "other", "source", "speaker", "phrase", "suggestion", "kind", "forms",
                          "figures", "parts"})


def norm_value(v):
    """A field's or a rule's value as conditions compare it: text normalized, 3.0 as 3."""
    if isinstance(v, str):
        return normalize_cached(v)  # rule values and field values repeat: category, noun_type ...
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v
