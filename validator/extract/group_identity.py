"""Whether a story identifies what a generic vague noun stands for: the research of a study, scientists
or researchers (vague-sources tier=research), or who issued a document (tier=document). Reviewers accept
a research noun as a vague source only where the story names no researcher, university, college,
institute or journal anywhere (issue 13, rounds 0-22: 3 of 9); a lead's «دراسة:» or «قال علماء» in a
story that names them later is how science news is written. A lead's «ذكر تقرير» that a later mention
gives its issuer (وكشف التقرير ... الذي أصدرته مؤسسة النقد) was rejected both times it was judged. Rules
read them as the mention fields research_identified, issuer_named and institution_named; the evidence names what identified it."""
from __future__ import annotations

from validator.extract.entities.words import _ISSUED_BY
from validator.extract.issuer_before import issuer_before
from validator.extract.letters import WAW
from validator.extract.model import Article, Entity
from validator.extract.vox_pop_members import quoted_members
from validator.extract.others_of_group import others_of_group
from validator.extract.told_outlet import told_outlet
from validator.extract.outlets import _without_article, is_outlet
from validator.extract.wordclasses import word_class
from validator.text.lexicon import token_variants
from validator.text.normalize import normalize_string
from validator.text.punctuation import COMMAS, QUOTE_STARTS

_RESEARCH = word_class("attribution-words", "research-identity")
_MAKERS = word_class("attribution-words", "research-makers")  # قدمها، أجرتها: who made or presented a study
_PUBLISHED = word_class("attribution-words", "research-published")  # ونشرت نتائج الدراسة: where it was published
_PUBLIC = word_class("attribution-words", "vox-pop-group")  # أهالي، سكان، مواطنين: a group of the public
MEMBER_AFTER = 4  # words after a named person where his group of the public is written (فلان من سكان الحي)
AFTER_MENTION = 5  # words after a research noun's own mention where its institution is written (باحثون من جامعة ...;
# دراسة أجراها أطباء من جامعة ...: round 30, the makers of a study between it and their university)
BODY_AFTER_COMMA = 2  # words from reports to the body that speaks after their comma (، ذكرت)
_NOT_COUNTS = ("ordinal", "date")  # number categories that count nothing a source could tell again
MAKER_AT, MAKER_AFTER = 3, 10  # a maker verb this near a research noun: its institution may stand this far (past a name)
ISSUER_AFTER = 5  # words after a document's mention where who issued it is written (التقرير الحادي والخمسون الذي أصدرته)


def tier(e: Entity, a: Article) -> str | None:
    """The vague-sources tier of a vague entity's whole phrase (تقارير صحفية: press) or else of its head
    word (الباحثون → باحثون), or None."""
    phrase = a.resources["vague-sources"].by_norm.get(e.key) if e.vague and a.resources is not None and e.key else None
    if phrase is not None and phrase.get("tier"):
        return phrase.get("tier")
    entry = _head_entry(e, a)
    return entry.get("tier") if entry is not None else None


def plural(e: Entity, a: Article) -> bool:
    """A vague source whose head word is plural (vague-sources number=pl: مصادر، مسؤولون، شهود)."""
    entry = _head_entry(e, a)
    return entry is not None and entry.get("number") == "pl"


def _head_entry(e: Entity, a: Article):
    """The vague-sources entry of a vague entity's head word, or None."""
    return head_entry(e, a.resources["vague-sources"]) if a.resources is not None else None


def head_entry(e: Entity, vague_sources):
    """The entry of lexicon vague-sources (given) of a vague entity's head word, or None."""
    if not e.vague or not e.key:
        return None
    return vague_sources.by_norm.get(_without_article(e.key.split(" ", 1)[0]))


def _after_mention(words: list[str], before: list[str] = ()) -> list[str]:
    """The words after a research noun where its institution may be written: AFTER_MENTION of them, or past
    the maker's name (الدراسة التي قدمها فلان فلاني من معهد ...) when a maker verb stands within MAKER_AT, or a
    verb of publishing within MAKER_AT before it (ونشرت نتائج الدراسة التي شملت ... في دورية), up to
    MAKER_AFTER words and the clause's end (a word a comma or a full stop ends)."""
    if not any(normalize_string(w) in _MAKERS for w in words[:MAKER_AT]) and not any(
            form in _PUBLISHED for w in before[-MAKER_AT:] for form, _ in token_variants(normalize_string(w))):
        return words[:AFTER_MENTION]
    reach = words[:MAKER_AFTER]
    end = next((k + 1 for k, w in enumerate(reach) if w[-1] in COMMAS or w[-1] == "."), len(reach))
    return reach[:end]


def _research_word(words) -> str | None:
    """The first of `words` that is a research-identity word, read with its proclitics and article off."""
    for w in words:
        for form, _ in token_variants(normalize_string(w)):
            if _without_article(form) in _RESEARCH:
                return w
    return None


def research_identity(a: Article) -> tuple[str, int, int] | None:
    """What identifies the story's research, as (words, line, column): a named person's researcher's
    title (الباحث بكلية لندن), a body with a university, institute, journal, lab or space agency in its name, or one written right after a
    research group's own mention (باحثون من جامعتي بليموث وإكستير). None when the story names none."""
    return a.memo("research-identity", _find)


def _find(a: Article) -> tuple[str, int, int] | None:
    for e in a.entities:
        if e.vague:
            if tier(e, a) != "research":
                continue
            for m in e.mentions:
                after = _after_mention(a.doc.text[m.loc.end:m.loc.end + 120].split(),
                                       a.doc.text[max(m.loc.start - 40, 0):m.loc.start].split())
                if _research_word(after):
                    return " ".join(after), m.loc.line, m.loc.column
            if (found := _unlinked_mention_identified(e, a)) is not None:
                return found
        elif e.kind == "person" and not e.role_only:
            for m in e.mentions:
                if m.title and _research_word(m.title.split()):
                    loc = m.title_loc or m.loc
                    return m.title, loc.line, loc.column
        elif e.kind == "organization" and _research_word(e.name.split()):  # وكالة ناسا، جامعة لندن
            return e.name, e.loc.line, e.loc.column
    return None


def _unlinked_mention_identified(e: Entity, a: Article) -> tuple[str, int, int] | None:
    """The research noun written again where no mention was linked, after a preposition (وفقا للدراسة التي
    نشرت في مجلة ...: round 67, a study's journal named after its document attribution), followed by a
    research-identity word: (words, line, column) of the sentence, or None."""
    head = _without_article(e.key.split(" ", 1)[0]) if e.key else ""
    for s in a.doc.sentences:
        words = a.doc.text[s.start:s.end].split()
        for k, w in enumerate(words):
            if any(_without_article(form) == head for form, _ in token_variants(normalize_string(w))) \
                    and _research_word(after := _after_mention(words[k + 1:], words[max(k - MAKER_AT, 0):k])):
                return " ".join([w, *after]), *a.doc.line_col(s.start)
    return None


def research_identified(mention, a: Article) -> bool:
    """A mention of a research noun (tier=research) in a story that identifies its research."""
    e = a.entity(mention.entity)
    return e is not None and tier(e, a) == "research" and research_identity(a) is not None


def issuer(e: Entity, a: Article) -> tuple[str, int, int] | None:
    """A document (tier=document) one of whose mentions the story follows with who issued it (التقرير
    الحادي والخمسون الذي أصدرته ...), or whose next sentence a named body speaks (a report said ...; the next
    sentence: the refugee council said ...: round 25, the report's author): those words, line and column; None otherwise."""
    kind = tier(e, a)
    if (speaker := _body_speaks_after_comma(e, a) or _data_of_named_source(e, a) or _counts_told_next(e, a)) is not None:
        return speaker
    if kind == "press":  # press reports whose next sentence a named outlet speaks: that outlet's report (round 14, 29)
        return _outlet_reports_next(e, a)
    if kind != "document":
        return None
    for m in e.mentions:
        after = a.doc.text[m.loc.end:m.loc.end + 120].split()[:ISSUER_AFTER]
        if any(normalize_string(w) in _ISSUED_BY for w in after):
            return " ".join(after), m.loc.line, m.loc.column
    return issuer_before(e, a) or _body_speaks_next(e, a) or _named_report_after(e, a)


def _named_report_after(e: Entity, a: Article) -> tuple[str, int, int] | None:
    """A document whose head noun the same or the next sentence writes again as a named source's statement
    (كشف تقرير حديث عن ...، وأشار تقرير الهيئة إلى أن: round 95 2015-07-25/633): the lead's report is that
    source's, its issuer named. Only after the first mention, and only a source no vague one."""
    head = _without_article(e.key.split(" ", 1)[0]) if e.key else ""
    first = e.mentions[0].loc if e.mentions else None
    sentence = a.doc.sentence_at(first.start) if first is not None else None
    if not head or sentence is None:
        return None
    for at in a.attributions:
        source = a.entity(at.source) if at.source is not None else None
        if at.kind == "statement" and at.loc.start > first.end and at.sentence in (sentence.index, sentence.index + 1) \
                and source is not None and not source.vague \
                and _without_article(normalize_string(at.loc.text.split()[-1])) == head:
            return source.name, at.loc.line, at.loc.column
    return None


def _body_speaks_after_comma(e: Entity, a: Article) -> tuple[str, int, int] | None:
    """Reports (a statement noun of source-phrases: تقارير، تقرير) that a comma and a named body speaking
    right after it follow (وبحسب التقارير، ذكرت مؤسسة ... أن): that body's reports, what it said (round 62-71
    replay, 2015-07-26/175: rejected)."""
    entry = _head_entry(e, a)
    phrases = a.resources["source-phrases"] if a.resources is not None else None
    if entry is None or phrases is None or (phrases.by_norm.get(entry.norm) or {}).get("kind") != "statement":
        return None
    for m in e.mentions:
        after = a.doc.text[m.loc.end:m.loc.end + 60].lstrip()
        words = [normalize_string(w) for w in after[1:].split()[:BODY_AFTER_COMMA]]
        if not after[:1] in COMMAS or len(words) < BODY_AFTER_COMMA:
            continue
        head = a.resources["bodies"].by_norm.get(words[1])
        if a.resources.reporting_forms.lookup(words[0]) is not None and head is not None and head.get("kind") == "head":
            return " ".join(words), m.loc.line, m.loc.column  # ذكرت مؤسسة ماركت: a body whose name no lexicon knows
        for other in a.entities:
            if other.kind != "organization" or other.vague or other.role_only:
                continue
            for om in other.mentions:
                if om.is_source and 0 < om.loc.start - m.loc.end and \
                        len(a.doc.text[m.loc.end:om.loc.start].split()) <= BODY_AFTER_COMMA:
                    return om.loc.text, om.loc.line, om.loc.column
    return None


def _data_of_named_source(e: Entity, a: Article) -> tuple[str, int, int] | None:
    """Statistics (vague-sources data=yes) in their definite form (وكشفت الإحصائيات، كما أشارت الإحصائيات)
    after a named source that speaks earlier in their paragraph: the figures that source told or published,
    no anonymous source (on 3,000 fresh articles, the speaker's own figures or a named index's)."""
    entry = _head_entry(e, a)
    first = e.mentions[0].loc if e.mentions else None
    word = normalize_string(first.text.split()[0]) if first is not None and first.text.split() else ""
    if entry is None or entry.get("data") != "yes" or word == _without_article(word):
        return None  # (إحصائيات حديثة: no antecedent)
    for t in a.attributions:
        source = a.entity(t.source) if t.source is not None else None
        if source is not None and not source.vague and not source.role_only and t.loc.end <= first.start \
                and t.paragraph == _paragraph_index(a, first.start):
            return t.loc.text, t.loc.line, t.loc.column
    return None


def _counts_told_next(e: Entity, a: Article) -> tuple[str, int, int] | None:
    """A vague source whose counts the next sentence gives again, each of the same value and kind, under a
    named source (قتل 20 شخصا بحسب مسؤولين. وأعلن المتحدث باسم الشرطة فلان مقتل 20 شخصا: round 96
    2015-07-27/221): that source's toll, told first, no anonymous one."""
    own = [n for n in a.numbers if n.source == e.id and n.value is not None and n.noun_type is not None
           and n.category not in _NOT_COUNTS]
    if not own:
        return None
    after = max(n.sentence for n in own) + 1
    named = None
    for n in own:
        same = next((m for m in a.numbers if m.sentence == after and m.value == n.value and m.noun_type == n.noun_type
                     and m.source is not None and (s := a.entity(m.source)) is not None and not s.vague), None)
        if same is None:
            return None
        named = named or a.entity(same.source)
    return named.name, named.loc.line, named.loc.column


def _paragraph_index(a: Article, offset: int) -> int | None:
    p = a.doc.paragraph_at(offset)
    return p.index if p is not None else None


def _body_speaks_next(e: Entity, a: Article) -> tuple[str, int, int] | None:
    """A named body that is a source in the sentence right after the document's first mention."""
    sentence = a.doc.sentence_at(e.mentions[0].loc.start) if e.mentions else None
    if sentence is None:
        return None
    for other in a.entities:
        if other.kind != "organization" or other.vague or other.role_only:
            continue
        for m in other.mentions:
            if m.is_source and (s := a.doc.sentence_at(m.loc.start)) is not None and s.index == sentence.index + 1 \
                    and not told_outlet(other, m, a):  # وقال فلان في تصريح لموقع ...: whom he told
                return m.loc.text, m.loc.line, m.loc.column
    return None


_OUTLET_SAYS = ("verb", "statement")  # attribution kinds by which an outlet tells its report


def _outlet_reports_next(e: Entity, a: Article) -> tuple[str, int, int] | None:
    """A named news outlet that a reporting verb or a report it published (ووفقا لتقرير نشرته مجلة «...»:
    round 94 2015-07-24/2001) makes the source of the sentence right after the reports' first mention
    (وأوضحت صحيفة «...» أن): a credit line (رابط الخبر بصحيفة ...:) is not its report, nor a
    verb after the outlet's own preposition (وحسب وكالة فرانس برس، أوضحت المصادر أن: the outlet relays
    sources it does not name, round 63 2015-07-26/1429). An according-to phrase that opens that sentence
    (تناقلت وسائل إعلام خبر ... . ووفقا لموقع «...»، شملت ...: round 176 2015-07-22/1521) in the same paragraph credits the
    outlet too, when no other attribution is in that sentence."""
    sentence = a.doc.sentence_at(e.mentions[0].loc.start) if e.mentions else None
    if sentence is None:
        return None
    for other in a.entities:
        if not is_outlet(other):
            continue
        own = [at for at in a.sourced_by(other.id)[0] if at.sentence == sentence.index + 1]
        if any(at.kind in _OUTLET_SAYS and not any(p.kind == "preposition" and p.loc.start < at.loc.start for p in own)
               for at in own) or any(at.kind == "preposition" and _opens_sentence(at, a) and _alone_in_sentence(at, a)
                                     for at in own):
            return other.name, other.loc.line, other.loc.column
    return None


def _opens_sentence(at, a: Article) -> bool:
    """An attribution whose phrase is the first word of its sentence (ووفقا لـ، وبحسب), in the paragraph
    of the sentence before it (one in the next paragraph adds its own details)."""
    sentences = a.doc.sentences
    return at.sentence > 0 and sentences[at.sentence].paragraph == sentences[at.sentence - 1].paragraph \
        and not a.doc.text[sentences[at.sentence].start:at.loc.start].strip(" \t\n" + WAW)


def _alone_in_sentence(at, a: Article) -> bool:
    """No other attribution in its sentence (ووفقا لموقع «...»، أوضحت المصادر أن: the site relays sources)."""
    return not any(other.sentence == at.sentence and other is not at for other in a.attributions)


def institution(e: Entity, a: Article) -> tuple[str, int, int] | None:
    """A plural of experts (vague-sources group=experts) whose mention a named body follows in the same
    noun phrase (the experts of the World Health Organization: round 25, the body's experts, not anonymous ones): the body's
    words, line and column; None otherwise."""
    entry = _head_entry(e, a)
    if entry is None or entry.get("group") != "experts":
        return None
    for m in e.mentions:
        for other in a.entities:
            if other.kind != "organization" or other.vague or other.role_only:
                continue
            for om in other.mentions:
                if 0 < om.loc.start - m.loc.end <= 1:
                    return om.loc.text, om.loc.line, om.loc.column
    return None


def institution_named(mention, a: Article) -> bool:
    """A mention of a plural of experts that a named body qualifies (the experts of a named organization), or of
    a vague plural that names members of itself (named_example), or experts the story then names (experts_named_after)."""
    e = a.entity(mention.entity)
    return e is not None and (institution(e, a) is not None or named_example(e, a) is not None
                              or experts_named_after(e, a) is not None)


def issuer_named(mention, a: Article) -> bool:
    """A mention of a document (tier=document) whose issuer a mention of it in the story names."""
    e = a.entity(mention.entity)
    return e is not None and issuer(e, a) is not None


def public_member_named(mention, a: Article) -> tuple[str, int, int] | None:
    """A group of the public (attribution-words vox-pop-group: residents, citizens, fans) as a source in
    a story that names members of it (فلان من سكان الحي، فلان أحد المواطنين): a vox pop whose named
    residents speak for themselves, the group's feelings the piece sums up (round 66 2015-07-27/1232,
    rejected as an anonymous source): the named member's words, line and column; None otherwise."""
    e = a.entity(mention.entity)
    if e is None or not e.vague or not e.key or _without_article(e.key.split(" ", 1)[0]) not in _PUBLIC:
        return None
    for other in a.entities:
        if other.kind != "person" or other.vague or other.role_only:
            continue
        for m in other.mentions:
            after = a.doc.text[m.loc.end:m.loc.end + 60].split()[:MEMBER_AFTER]
            if any(_without_article(form) in _PUBLIC for w in after for form, _ in token_variants(normalize_string(w))):
                return " ".join([m.loc.text, *after]), m.loc.line, m.loc.column
    return quoted_members(mention, e, a)  # وقال مواطنون للصحيفة إن ... . فلان قال إن: the vox pop's named members


_CROWD = word_class("entity-words", "crowd")  # مغردون، متابعون: social-media users at large
_OTHER = word_class("entity-words", "other")  # آخرون: the others of the group just told
_REACTION = word_class("entity-words", "reaction-frame")  # تفاعل، انقسمت: the public's reaction is the story
REACTION_LEAD = 2  # body sentences where the story says it reports a reaction of social-media users


def crowd_reaction(e: Entity, a: Article) -> bool:
    """Social-media users at large (entity-words crowd: مغردون) or the others among them (آخرون), in a story
    whose lead says it reports their reaction (entity-words reaction-frame and crowd in its first body sentences:
    تفاعل مستخدمو تويتر مع ...، انقسمت آراء المغردين): their opinions are the news, not a source a claim rests on
    (round 78 2015-07-27/1352: reviewers rejected all three such warnings)."""
    head = _without_article(e.key.split(" ", 1)[0]) if e.vague and e.key else ""
    if head not in _CROWD and head not in _OTHER:
        return False
    if others_of_group(e, a):
        return True  # شكر مغردون الأمير ... وقال آخرون: the others of a group told as no source (others_of_group)
    headline = a.doc.headline
    lead = [s for s in a.doc.sentences if not (headline and s.start < headline.end)][:REACTION_LEAD]
    words = {form for s in lead for w in a.doc.text[s.start:s.end].split()
             for form, _ in token_variants(normalize_string(w))}
    return bool(words & _REACTION) and any(_without_article(w) in _CROWD for w in words)


# A vague plural source that names members of itself right after it (أفادت صحف بريطانية، منها «الغارديان»، بأن؛
# أشارت عدة وسائل إعلامية من بينها (قناة ...) إلى أن) is identified by the example it gives, one the reader can
# check: reviewers rejected the warning (issue 13, round 119 2015-07-21/1708).
_EXAMPLE = word_class("attribution-words", "named-example")  # منها، بينها، مثل: named members follow
_FROM = word_class("attribution-words", "source-from")  # من (بينها)
EXAMPLE_AT = 2  # words after the source's mention where the example word may stand (past an adjective: عدة صحف محلية، منها)
NAME_AT = 2  # words after the example word where the named member starts
_BRACKETS = frozenset("(").union(QUOTE_STARTS)


def _bare(word: str) -> str:
    w = normalize_string(word.strip("".join(COMMAS) + ".:؛"))
    return w[len(WAW):] if w.startswith(WAW) and w[len(WAW):] in _EXAMPLE else w


def named_example(e: Entity, a: Article) -> tuple[str, int, int] | None:
    """A vague source one of whose mentions an example word (attribution-words
    named-example) follows within EXAMPLE_AT words and then, within NAME_AT words, a quoted or bracketed name or
    a named body or person: the example's words, line and column; None otherwise."""
    if not e.vague:
        return None
    text = a.doc.text
    for m in e.mentions:
        words = text[m.loc.end:m.loc.end + 120].split()
        at = next((i for i, w in enumerate(words[:EXAMPLE_AT + 1]) if _bare(w) in _EXAMPLE), None)
        if at is None:
            continue
        after = [w for w in words[at + 1:] if normalize_string(w) not in _FROM][:NAME_AT]
        if not after:
            continue
        start = text.find(after[0], m.loc.end)
        if after[0][0] in _BRACKETS or _named_at(a, start, text.find(after[-1], start) + len(after[-1])):
            return " ".join(after), m.loc.line, m.loc.column
    return None


def _named_at(a: Article, start: int, end: int) -> bool:
    """A named body or person whose mention starts between `start` and `end`."""
    return any(other.kind in ("organization", "person") and not other.vague and not other.role_only
               and any(start <= om.loc.start < end for om in other.mentions) for other in a.entities)


_EXPERT_TITLES = word_class("attribution-words", "expert-titles")  # خبير، أستاذ، اختصاصي: an expert's title
EXPERTS_NAMED = 2  # named experts after a plural of experts that make it the story's summary of them


def experts_named_after(e: Entity, a: Article) -> tuple[str, int, int] | None:
    """A plural of experts (vague-sources group=experts: كشف مختصون أن، يرى خبراء أن) that the story follows with
    EXPERTS_NAMED or more named people, each written with an expert's title (attribution-words expert-titles: الخبير
    الاقتصادي فلان، اختصاصي العلاج الطبيعي فلان): the lead sums up the experts it then names and quotes (rounds
    113 and 119, rejected). One named expert is not enough: he may be one of many (round 82). The first such
    person's words, line and column; None otherwise."""
    entry = _head_entry(e, a)
    if entry is None or entry.get("group") != "experts" or not e.mentions:
        return None
    start = e.mentions[0].loc.start
    named = []
    for other in a.entities:
        if other.kind != "person" or other.vague or other.role_only:
            continue
        titled = [m for m in other.mentions if m.loc.start > start and m.title and any(
            _without_article(normalize_string(w)) in _EXPERT_TITLES for w in m.title.split())]
        if titled:
            named.append(titled[0])
    if len(named) < EXPERTS_NAMED:
        return None
    first = min(named, key=lambda m: m.loc.start)
    return first.loc.text, first.loc.line, first.loc.column
