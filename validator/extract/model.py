"""The structures every stage shares. Spans are offsets in the original text (code points)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from validator.document import Document
from validator.findings import Location
from validator.text.normalize import NormalizedText

NUMBER_CATEGORIES = ("casualty", "people", "money", "percent", "quantity", "date", "year", "time",
                     "ordinal", "age", "duration", "identifier", "family", "capacity", "score", "other")
STATISTIC_CATEGORIES = frozenset({"casualty", "people", "money", "percent", "quantity"})


@dataclass(slots=True)
class Mention:
    id: str
    entity: str                 # entity id
    loc: Location
    form: str                   # name | surname | title | verb | vague | pronoun
    title: str | None = None    # the title phrase written with this mention, if any
    title_loc: Location | None = None
    title_kind: str | None = None  # role (default), rank, relation or honorific
    courtesy: bool = False      # the title is only honorifics that say nothing of who he is (الدكتور، د.: titles describes=no)
    folk: bool = False          # ... and one is a folk honorific (العم: describes=framed), no title only where his words frame him
    first: bool = False         # first mention of its entity
    is_source: bool = False     # the source of an attribution
    bare: bool = False          # one unknown word read only as a quotation's speaker (وقال بينيتيز: «...»)
    lexicon: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        data = {"id": self.id, "text": self.loc.text, "start": self.loc.start, "end": self.loc.end,
                "line": self.loc.line, "column": self.loc.column, "form": self.form,
                "first": self.first, "is_source": self.is_source}
        if self.title:
            data["title"] = self.title
        if self.lexicon:
            data["lexicon"] = self.lexicon
        return data


@dataclass(slots=True)
class Entity:
    id: str
    kind: str                   # person | organization | unnamed
    name: str                   # as first written in full
    key: str                    # normalized name used to link mentions
    gender: str = "m"
    vague: bool = False         # an anonymous or vague source (مصادر مطلعة، شهود عيان)
    role_only: bool = False     # a role named without its holder (وزير الدفاع العراقي)
    bare: bool = False          # first read from one unknown word, as a quotation's speaker (وقال بينيتيز: «...»)
    introduced: bool = False    # a private person the sentence before introduced by role (طالب مواطن ... وقال علي)
    framed: bool = False        # named between a reporting verb and his words, nothing else beside the name
    titles: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    spellings: dict[str, Location] = field(default_factory=dict)  # loose key variants as written

    @property
    def first(self) -> Mention:
        return self.mentions[0]

    @property
    def loc(self) -> Location:
        return self.mentions[0].loc

    def to_json(self) -> dict:
        return {"id": self.id, "kind": self.kind, "name": self.name, "gender": self.gender, "vague": self.vague,
                "titles": list(self.titles), **_span(self.loc),
                "mentions": [m.to_json() for m in self.mentions]}


# A paragraph with at least this many market terms per sentence is dense enough to be a market report
# (field market_report); how many terms make one is the rule's decision (rules/unsourced-amount.rule).
MARKET_REPORT_DENSITY = 1.0


@dataclass(slots=True)
class NumberItem:
    id: str
    loc: Location
    value: float | int | None
    category: str
    qualifier: str | None = None
    noun: str | None = None
    noun_type: str | None = None        # killed, injured, currency code, unit...
    sentence: int = 0
    paragraph: int = 0
    in_quote: str | None = None         # quote id
    attributed: bool = False            # covered by an attribution or a speaker's quote
    source: str | None = None           # entity id
    is_update: bool = False             # "ارتفعت الحصيلة إلى ..."
    partial: bool = False               # a part of a larger count: بينهم أربعة أطفال، سبعة من الجنود
    approximate: bool = False           # a vague count: عشرات، مئات، آلاف
    ranged: bool = False                # the upper bound of a range with both ends (بين 400 و450)
    market: bool = False                # in a sentence of market data (المؤشر، سهم، الأونصة ...)
    market_terms: int = 0               # market terms (any scope) in its paragraph: a market report's density
    market_density: float = 0.0         # those terms per sentence of its paragraph
    market_wrap: bool = False           # a sentence of a market wrap (a headline of market data): exchange data
    idiom: bool = False                 # 100 % in an opinion column (فرنسية خالصة 100 %): a figure of speech
    repeats: str | None = None          # the earlier unsourced figure of the same value and unit it repeats (figure_sources)
    own_results: bool = False           # in a report of one company's results: its own disclosure (figure_context.own_results)
    argued: int = 0                     # the writer's own argument: his body's sentences asking or exclaiming (narration.argued)
    past_event: bool = False            # a toll of an earlier event the story recalls (بعد ثلاث سنوات على، الشهر الماضي، المتهم بقتل)
    cargo: bool = False                 # a load on one vehicle (مركب يحمل 500 طن): a description, not a statistic
    record: bool = False                # a figure of public record: an institution's capital, a holder's stake
    unit_price: bool = False            # a price per unit (200 ريال للساعة): a tariff, not a statistic
    decided: bool = False               # its sentence opens with a body's or an official's decision on it (جددت النيابة حبس أربعة)
    forecast: bool = False              # after a word of expectation in its clause (pattern forecast-word)
    recalled: bool = False              # in a sentence opening with كان: an earlier report or state recalled
    outside_quote: bool = False         # its sentence's speaker says only a quotation (إن «...») that does not hold it
    in_headline: bool = False
    in_subhead: bool = False            # in a subhead or teaser line inside the body
    stub: bool = False                  # in the headline of a stub: a body of a few words (a byline, tags)
    passage: int = 0                    # a paragraph cut where the article turns to another incident
    historical: bool = False            # in a sentence dated before the article's time (في عام 1991، العام الماضي)
    chronicle: bool = False             # in an entry of a chronology (1967 - ..., a this-day-in-history column)
    sourced_next: bool = False          # a lead figure (first sentence of its paragraph) the next sentence sources
    place: str | None = None            # a casualty's event place: named in its sentence, else the dateline's (normalized)
    update_story: bool = False          # its story leads with an update (ارتفاع حصيلة ... in headline or lead)
    carried_from: str | None = None     # the earlier attribution whose source carries over to it (a release's figures)
    carried_via: list[str] | None = None  # the continuation cue (its words, pattern, entries) that took carried_from over a paragraph break
    refers_to: str | None = None        # the earlier figure a definite one (الـ110 ملايين) refers back to
    continued_from: str | None = None   # the previous sentence's named source its sentence goes on with (ونتج عن ذلك)
    splits_from: str | None = None      # the attribution of an earlier toll its sentence's counts add up to (its breakdown)
    hedged: bool = False                # an approximating qualifier (نحو، قرابة، حوالي): the writer's own estimate
    near_source: str | None = None      # a named source nearby (its paragraph, the one before, a data source after)
    near_where: str | None = None       # where: paragraph | article (a readout) | report (a single-document report)
    combined: bool = False              # a toll of the dead and the wounded told whole (مقتل وإصابة 10، 300 قتيل وجريح)
    breakdown: float | None = None      # the sum of its parts in parentheses right after it: 16 شخصا (5 رجال و11 امرأة)
    restates: str | None = None         # the amount this one restates: 600 مليون ريال (160 مليون دولار)، أي ما يعادل
    lexicon: list[str] = field(default_factory=list)

    @property
    def is_statistic(self) -> bool:
        return self.category in STATISTIC_CATEGORIES


@dataclass(slots=True)
class Quote:
    id: str
    loc: Location
    kind: str                           # speech | name | term
    balanced: bool
    open_mark: str
    close_mark: str | None
    unmatched: Location | None = None   # the mark that has no partner
    speaker: str | None = None          # entity id
    sentence: int = 0
    paragraph: int = 0
    words: int = 0                      # words between the marks (len(content.split()))
    ambiguous: bool = False             # straight marks in a paragraph that does not pair them all
    evidence: list[str] = field(default_factory=list)  # what decided its kind: cue entries, pattern ids
    kind_by_pattern: bool = False       # a quote-kind pattern decided its kind: no later pass changes it

    @property
    def content(self) -> str:
        """The text between the marks, sliced when asked: an unclosed mark's runs to its paragraph end."""
        text = self.loc.text
        return text[1:len(text) - (1 if self.close_mark else 0)]


@dataclass(slots=True)
class Attribution:
    id: str
    loc: Location
    phrase: str                         # the lexicon entry that matched
    kind: str                           # verb | preposition | statement | colon (وزاد:) | continuation (a quote-only sentence)
    source: str | None = None           # entity id
    covers: list[str] = field(default_factory=list)
    sentence: int = 0
    paragraph: int = 0
    implicit: bool = False              # a bare continuation verb ("وأضاف") resolved by coreference
    lexicon: str = ""
    quoted_only: bool = False           # its words are one quotation right after إن or a colon: no more
    issuer: str | None = None           # a cited release's named publisher (الأرقام الصادرة عن مكتب الإحصاء): entity id


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A paragraph, sentence or headline as rules see it."""

    start: int
    end: int
    text: str
    index: int
    line: int
    is_headline: bool


@dataclass(frozen=True, slots=True)
class SpellingGroup:
    """Written forms that name one thing (a person, a body, a nationality) in one article."""

    key: str
    forms: tuple[tuple[str, Any], ...]   # (form as written, Location of its first use)
    kind: str                            # person | organization | place | term
    variant: str = ""                    # the variant rule the spellings differ by (spellings.py)
    slot: str = ""                       # where the other spelling stands, if its variant asks (name_typos.name_slot)

    @property
    def text(self) -> str:
        return self.forms[0][1].text


@dataclass(slots=True)
class Article:
    doc: Document
    norm: NormalizedText
    numbers: list[NumberItem] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    spellings: list[SpellingGroup] = field(default_factory=list)  # one thing written two ways
    first_person: bool = False          # the narration is the writer's own voice (a column, an interview)
    argued: int = 0                     # the body's sentences asking or exclaiming in the writer's words (narration.argued)
    resources: Any = None               # the run's lexicons, to word evidence (`entry@file:line`)
    _by_id: dict = field(default_factory=dict, repr=False)
    _by_source: dict = field(default_factory=dict, repr=False)
    _by_source_size: tuple[int, int] = (-1, -1)
    _memos: dict = field(default_factory=dict, repr=False)

    def memo(self, name: str, build: Callable[[Article], Any]) -> Any:
        """An index over this article's structures that rules and evidence ask of every item (scanning
        them for each would be quadratic): `build(article)` once, again only when a list grew."""
        size = (len(self.attributions), len(self.quotes), len(self.entities), len(self.numbers))
        known = self._memos.get(name)
        if known is None or known[0] != size:
            known = self._memos[name] = (size, build(self))
        return known[1]

    def sourced_by(self, entity_id: str) -> tuple[list[Attribution], list[Quote]]:
        """The attributions whose source is this entity and the quotations it speaks, in article
        order: rules ask it of every entity, and an article may have thousands of each."""
        size = (len(self.attributions), len(self.quotes))
        if size != self._by_source_size:
            index: dict[str, tuple[list, list]] = {}
            for at in self.attributions:
                if at.source:
                    index.setdefault(at.source, ([], []))[0].append(at)
            for q in self.quotes:
                if q.speaker:
                    index.setdefault(q.speaker, ([], []))[1].append(q)
            self._by_source, self._by_source_size = index, size
        return self._by_source.get(entity_id, ([], []))

    def entity(self, entity_id: str | None) -> Entity | None:
        if entity_id is None:
            return None
        if len(self._by_id) != len(self.entities):
            self._by_id = {e.id: e for e in self.entities}
        return self._by_id.get(entity_id)

    @property
    def mentions(self) -> list[Mention]:
        return sorted((m for e in self.entities for m in e.mentions), key=lambda m: m.loc.start)


def _span(loc: Location) -> dict:
    return {"text": loc.text, "start": loc.start, "end": loc.end, "line": loc.line, "column": loc.column}
