"""Which attribution sources which quotation and number of its sentence (or the quotation that opens
the next paragraph), the pollster behind a polled group, and which vague entities stay: those that
are a source."""
from __future__ import annotations

import bisect

from validator.extract.context import Context
from validator.extract.contrast_reach import after_contrast, cut_by_contrast
from validator.extract.dot_pauses import dotted_goes_on
from validator.extract.letters import ARTICLE, WORD_RUN
from validator.extract.model import Article, Attribution, NumberItem, Quote
from validator.extract.outlets import is_outlet
from validator.extract.trailing_sources import trailing_credits
from validator.extract.wordclasses import affix, affixes, in_class_or_joined, word_class
from validator.text.normalize import normalize_cached
from validator.text.punctuation import ARABIC_QUESTION_MARK, COMMAS, QUOTE_ENDS, SEMICOLONS

# What opens a reporter's words (إن، أن، أنه، the colon): a quotation right after it is all he says
_OPENS_WORDS = frozenset({":"}) | word_class("attribution-words", "that-clause")
_CONJUNCTIONS = affixes("conjunction")  # و، ف
_FULL_STOPS = frozenset({".", "!", "?", ARABIC_QUESTION_MARK})  # a quotation that ends its speaker's sentence
_AND = affix("and")  # و
_THAT_CLAUSE = word_class("attribution-words", "that-clause")
_EXPLAINS = word_class("attribution-words", "explains")  # حيث، إذ: the clause explains the one before
# وهي، وهو: a pronoun's aside on a noun of the part before a semicolon (its object list goes on after it)
_PRONOUN_ASIDE = word_class("attribution-words", "apposition-f") | word_class("attribution-words", "apposition-m")
_THAT_REACH = 12  # characters after an impersonal verb its that-clause word starts within
_FACT_ANTECEDENTS = word_class("attribution-words", "fact-antecedents")  # الأمر، الشيء
_RELATIVES = word_class("attribution-words", "relatives")  # الذي، التي
_QAD = word_class("attribution-words", "qad")  # قد: after a comma, with its conjunction (وقد), a new statement
_NEW_CLAUSE = word_class("attribution-words", "new-clause")  # كما، فيما: a clause's opener, no noun it describes
_ON_HIS_PART = word_class("attribution-words", "on-his-part")  # من جهته، من جانبه: links, names no source
_REPORTING = frozenset().union(*(word_class("reporting-verbs", k, "kind")
                                 for k in ("speech", "statistic", "denial", "opinion", "report")))
_FEMININE = affix("perfect-f")  # the subject's marker on a perfect verb (كشفت، أعلنت)
_RELAYED_BY = word_class("quote-words", "relayed-by")
_RELAYED_FROM_HIM = word_class("quote-words", "relayed-from-pronoun")  # عنه، عنها: from the one named before
RELAY_SUBJECT_WORDS = 6  # words a reporting verb's subject may take before the relaying lead-in

# Tokens between a poll noun and the group it asked (تقديرات محللين في استطلاع لرويترز: 3)
POLL_WINDOW = 6
LEAD_IN_REACH = 60  # characters of an unread source's noun phrase between its lead-in (بحسب) and its quotation


def polled_groups(ctx: Context, attributions: list[Attribution], entities) -> None:
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


def drop_silent_vague(article: Article) -> None:
    """A vague noun (معلومات، مسؤولين) is an anonymous source only when something is attributed to it;
    a role without its holder (مساعدة الولايات المتحدة) matters only as a source too."""
    speakers = {q.speaker for q in article.quotes}
    article.entities = [e for e in article.entities if not (e.vague or e.role_only) or e.id in speakers
                        or any(m.is_source for m in e.mentions)]


def _closed_words(article: Article, speech: list) -> dict[str, int]:
    """An attribution whose words are one quotation opening right after its إن، أن or colon (وقال فلان
    إن «...») says no more than that quotation: it covers its sentence from its verb to the closing mark
    (returned by its id). What the sentence tells before the verb or after the mark is the reporter's
    narration (issue 13, round 28: a cholera toll told after an official's quoted words), unless وأن،
    وإن after the mark go on with his words. So is a quotation his words end inside, on a full stop, a
    question or an exclamation mark before the closing mark (وقالت في بيان “... اتفاق مذل.” ودفع الزعماء ...),
    however its verb announced it: the sentence the splitter left whole goes on in the reporter's voice
    (round 167 2015-07-21/1742: a rescue plan's value after a party's quoted statement)."""
    quotes = {q.id: q for q in speech if q.balanced}
    text, ends, colon = article.doc.text, {}, set()  # colon: the attributions whose quotation follows a colon
    for a in article.attributions:
        for qid in a.covers:
            q = quotes.get(qid)
            if q is None or q.loc.start < a.loc.end:
                continue
            before = text[a.loc.end:q.loc.start].split()
            if not before or before[-1].endswith(":") or normalize_cached(before[-1]) in _OPENS_WORDS \
                    or text[q.loc.start:q.loc.end].rstrip("".join(QUOTE_ENDS) + " ")[-1:] in _FULL_STOPS:
                ends[a.id] = max(ends.get(a.id, 0), q.loc.end)
                if before and before[-1].endswith(":"):
                    colon.add(a.id)
    # the verb of a colon that opens the quotation (وقال فلان: «...»): the same speaker, nothing he says between;
    # or his earlier clause, which his quotation announced after it by a colon ends (مؤكدا أن ... ومرددا ...
    # قائلا: «...»): after its closing mark the reporter writes (round 169: a festival's target after an emir's
    # greeting). A quotation inside his clause (مؤكدا أنه «...» بينها ...) leaves the clause going on.
    closing = {}  # sentence -> its attributions that open a quotation
    for a in article.attributions:
        if a.id in ends:
            closing.setdefault(a.sentence, []).append(a)
    for b in (b for b in article.attributions if b.sentence in closing and b.id not in ends):
        a = next((a for a in closing[b.sentence] if a.source == b.source and b.loc.end <= a.loc.start), None)
        if a is not None and (a.id in colon or not any(normalize_cached(w) in _OPENS_WORDS
                                                       for w in text[b.loc.end:a.loc.start].split())):
            ends[b.id] = ends[a.id]
    return ends


def _words_go_on(between: str) -> bool:
    """وأنه، وأن after the closing mark: the reporter's words go on with another clause of what he said.
    So does a that-clause word right after a comma (وقال «البنك» في تقرير «...»، الذي نشره أمس، إن
    الأسعار ...): the marks held a name or a title, the verb's إن comes after its interposed phrases."""
    words = [normalize_cached(w) for w in between.split()]
    return any(w.startswith(c) and w[len(c):] in _OPENS_WORDS for w in words for c in _CONJUNCTIONS) \
        or any(w in _THAT_CLAUSE and before[-1:] in COMMAS
               for before, w in zip(words, words[1:]))


def _announced_by(article: Article, paragraph: int) -> str | None:
    """The source of the attribution that ends a paragraph with a colon (ينظر من النافذة ويقول:)."""
    if paragraph < 0:
        return None
    para = article.doc.paragraphs[paragraph]
    if not article.doc.ends_on_colon(para):
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


def _relayed_from_him(article: Article, atts: list, relay: Attribution) -> Attribution | None:
    """وقال الوزير، حسب ما نقلت وسائل إعلام عنه قوله، إن «...»: a verbal noun of saying right after a relay
    word with a pronoun (quote-words relayed-from-pronoun) reports the words of the one the pronoun
    points back to: the named speaker of the nearest reporting verb before it in the sentence, not the
    outlet that relayed them (round 111)."""
    text = article.doc.text
    before = WORD_RUN.findall(text[max(0, relay.loc.start - 12):relay.loc.start])
    if relay.kind != "verb" or not before or normalize_cached(before[-1]) not in _RELAYED_FROM_HIM:
        return None
    for a in reversed(atts):
        if a.kind == "verb" and a.loc.end <= relay.loc.start and a.source and a.source != relay.source:
            entity = article.entity(a.source)
            if entity is None or entity.vague or is_outlet(entity):
                return None
            outlet = article.entity(relay.source)
            for mention in outlet.mentions if outlet is not None and outlet.vague else ():
                if a.loc.end <= mention.loc.start < relay.loc.start:
                    mention.is_source = False  # vague media that relay a named speaker are no source of their own
            return a
    return None


def _impersonal(a: Attribution, text: str) -> bool:
    """ويتوقع أن، وتبين أن: a reporting verb opening its clause with no subject, its that-clause right after it, is impersonal
    ("it is expected that"): it reports the clause it opens, not what its sentence said before it."""
    if a.source or a.kind != "verb" or a.loc.start < 2 or text[a.loc.start - 1] not in _CONJUNCTIONS \
            or text[a.loc.start - 2].isalnum():
        return False  # only a verb opening a clause of its own (ويتوقع), not one after its subject (إنها تتوقع)
    after = WORD_RUN.search(text, a.loc.end, a.loc.end + _THAT_REACH)
    return after is not None and normalize_cached(after.group()) in _THAT_CLAUSE


def _relaying_verb(text: str, atts: list, relay: Attribution) -> Attribution | None:
    """The reporting verb whose subject the relaying lead-in follows (وقالت الصحيفة نقلا عن مصدر): the
    one ending at most RELAY_SUBJECT_WORDS words before it, nothing but its subject (and commas) between."""
    for a in reversed(atts):
        if a.kind == "verb" and a.loc.end <= relay.loc.start:
            between = text[a.loc.end:relay.loc.start]
            if len(between.split()) <= RELAY_SUBJECT_WORDS and not any(c in between for c in '.:؟!«»"“”'):
                return a
    return None


def _explanations(article: Article, by_sentence: dict[int, list]) -> list[tuple[int, list]]:
    """A semicolon cuts the sentence, and the part after it goes on with what a source of the part before
    reported; (sentence, the attributions that reach it) pairs. Two shapes: the part after opens with a
    connector of explanation (attribution-words explains: حيث، إذ): وأشار الموقع إلى أن الشاشة أخف؛ حيث
    إن وزنها أقل 10% (round 49); or the part before is a named speaker's reported clause (his reporting
    verb, then أن/إن, running to the semicolon) and the part after has no attribution of its own:
    وذكر المدير فلان أن المعهد خرّج 300 متدرب؛ يعمل منهم 200 في القطاع الخاص (round 67); a named
    source's verb with a noun object also reaches a part that opens with a pronoun's aside on that object
    (attribution-words apposition-f/m: وهي، وهو), its object list going on after it: توقعت الوزارة تراجعا
    بنسبة 40%؛ وهي ذروة الموسم، وخسائر تفوق 200 مليون (round 173 2015-07-21/30). A part that
    opens otherwise after a credited document, a preposition or a news outlet's verb is a new sentence of
    the writer's (round 49: a tech site credited before the semicolon). The reach goes on along a chain of
    such parts (ذكرت الشبكة أن ...؛ وذلك قرب الحدود؛ حيث ضبطت 40 شاحنة: round 111)."""
    text, sentences, pairs = article.doc.text, article.doc.sentences, []
    reached: dict[int, list] = {}
    for prev, s in zip(sentences, sentences[1:]):
        if prev.paragraph != s.paragraph or not text[prev.start:prev.end].rstrip().endswith(SEMICOLONS):
            continue
        before = [a for a in [*by_sentence.get(prev.index, ()), *reached.get(prev.index, ())] if a.source]
        word = WORD_RUN.search(text, s.start, s.end)
        if word is not None and normalize_cached(word.group()) in _EXPLAINS:
            reached[s.index] = [a for a in before if a.kind in ("verb", "preposition")]
            pairs.append((s.index, reached[s.index]))
        elif not by_sentence.get(s.index):
            aside = word is not None and normalize_cached(word.group()) in _PRONOUN_ASIDE
            reporters = [a for a in before if _reports_to(article, a, prev.end, aside)]
            if reporters:
                pairs.append((s.index, reporters[-1:]))
    return pairs


def _reports_to(article: Article, a: Attribution, end: int, aside: bool = False) -> bool:
    """A named source's reporting verb whose that-clause (أن، إن) runs from it to `end` (or, with `aside`,
    any named source's verb: its object goes on past the aside); an official named by his role (المتحدث
    الإعلامي للدفاع المدني) is one too (round 70: an injury count after the spokesman's ؛)."""
    entity = article.entity(a.source)
    if a.kind != "verb" or entity is None or entity.vague or is_outlet(entity):
        return False  # a news site's report carries nothing past its sentence (round 49)
    return aside or any(normalize_cached(w.group()) in _THAT_CLAUSE for w in WORD_RUN.finditer(article.doc.text, a.loc.end, end))


def _on_his_part(a: Attribution, text: str) -> bool:
    """من جهتها، أنجزت الأمانة تشجير 40 كلم: "for its part" only ties the sentence to the one before; what the
    body then does is no report of it, and its figure needs a source. A reporting verb right after it keeps
    it (من جانبها، كشفت الشرطة عن ضبط 30 مطلوبا: the verb's subject reports, read or not)."""
    if a.kind != "preposition" or normalize_cached(a.phrase.split()[-1]) not in _ON_HIS_PART:
        return False
    after = WORD_RUN.search(text, a.loc.end, a.loc.end + _THAT_REACH)
    verb = normalize_cached(after.group()) if after else ""
    return not {verb, verb[1:], verb.removesuffix(_FEMININE), verb[1:].removesuffix(_FEMININE)} & _REPORTING


def _fact_relative(a: Attribution, text: str) -> bool:
    """وهو الأمر الذي نفى عدد من القياديين أن ...: a verb in the relative clause of a fact reports that
    clause only, not what its sentence told before it (round 66 2015-07-24/731: the count of the arrests)."""
    before = text[max(0, a.loc.start - 24):a.loc.start].split()[-2:]
    return len(before) == 2 and normalize_cached(before[0]) in _FACT_ANTECEDENTS \
        and normalize_cached(before[1]) in _RELATIVES


def _noun_relative(a: Attribution, text: str) -> bool:
    """في مداهمات قالت إنها استهدفت ...: a verb with no conjunction right after an indefinite noun (not a
    clause's opener: كما يتوقع أن), its that-clause right after it, describes that noun (a relative clause
    with no الذي): it reports that clause only, not the main clause's figures before it (round 78
    2015-07-27/82: the raids' toll)."""
    if a.kind != "verb" or a.loc.start < 2 or not text[a.loc.start - 2].isalpha():
        return False
    before = text[max(0, a.loc.start - 24):a.loc.start].split()[-1:]
    after = WORD_RUN.search(text, a.loc.end, a.loc.end + _THAT_REACH)
    word = normalize_cached(before[0]) if before else ""
    return bool(before) and before[0].isalpha() and not word.startswith(ARTICLE) and word not in _NEW_CLAUSE \
        and text[a.loc.start - 1] == " " and after is not None and after.start() == a.loc.end + 1 \
        and normalize_cached(after.group()) in _THAT_CLAUSE


def _qad_statement(a: Attribution, text: str, figure_end: int) -> bool:
    """...، وقد اعتبر أحد المدونين أن ...: a reporting verb after قد (وقد، فقد) opening a clause after a
    comma makes a new statement; it reports what follows it, not the figures of the clauses before the
    comma (round 84: a count of people reacting online before a blogger's remark)."""
    before = text[max(0, a.loc.start - 12):a.loc.start].split()[-1:]
    if a.kind != "verb" or not before or not any(c in COMMAS for c in text[figure_end:a.loc.start]):
        return False
    return in_class_or_joined(normalize_cached(before[0]), _QAD)


def _new_clause_lead_in(a: Attribution, text: str, n: NumberItem) -> bool:
    """...، وبحسب أحد المنظمين فإن 5 آلاف شاركوا: a source lead-in (kind preposition) joined by و right after
    a comma opens a new clause; it credits what follows it, not the figures of the clauses before the
    comma (round 89: the reporter's own crowd count before an organiser's). Not فحسب ("only"), nor a
    lead-in with no comma right before it (..., ويضم 900 وحدة وبحسب لوحة المشروع: the same figures again),
    nor a toll: a lead's casualties followed by «، وبحسب المتحدث ... فقد وقع الحادث» are the accident the
    spokesman goes on to tell (2015-07-21/1560, a wrong error on the whole corpus)."""
    start, figure_end = a.loc.start, n.loc.end
    if a.kind != "preposition" or n.category == "casualty" or start <= figure_end \
            or not text.startswith(_AND, start - len(_AND)):
        return False
    before = text[figure_end:start - len(_AND)].rstrip()
    return bool(before) and before[-1] in COMMAS


def _past_unclosed(q: Quote, n: NumberItem, by_sentence: dict[int, list]) -> bool:
    """An unclosed mark runs to its paragraph's end; a figure in a later sentence that names its own
    source (..." ... قتل 30 شخصا، بحسب مصادر أمنية) is that sentence's, not the unclosed quote's speaker's
    (round 117: a judge's unclosed quotation swallowed the day's sourced bombing tolls)."""
    return q.close_mark is None and n.sentence > q.sentence and bool(by_sentence.get(n.sentence))


def _own_lead_in(atts, q: Quote, reach: int = LEAD_IN_REACH) -> bool:
    """A source lead-in (بحسب، وفقا ل: kind preposition) whose source no lexicon read, ending at most `reach`
    characters before a quotation with no other attribution between: the quotation is that unread
    source's, not the source of a lead-in or verb after it, which opens the next statement (round 141
    2015-07-27/539: a student's words given to the technician quoted after them)."""
    before = [a for a in atts if a.loc.end <= q.loc.start]
    last = max(before, key=lambda a: a.loc.end, default=None)
    return last is not None and last.source is None and last.kind == "preposition" and q.loc.start - last.loc.end <= reach


def link(article: Article) -> None:
    by_sentence: dict[int, list] = {}
    sourced: dict[int, _SourcedAttributions] = {}
    for att in article.attributions:
        by_sentence.setdefault(att.sentence, []).append(att)
        if att.source:
            sourced.setdefault(att.sentence, _SourcedAttributions()).add(att)
    for s, reaching in [*_explanations(article, by_sentence), *dotted_goes_on(article, by_sentence),
                         *trailing_credits(article, by_sentence)]:
        # its part before the semicolon's (or the dots' pause's) attributions reach it, or a trailing credit after it
        by_sentence.setdefault(s, []).extend(reaching)
    speech = [q for q in article.quotes if q.kind == "speech"]
    previous_speaker: dict[int, str | None] = {}
    for q in speech:
        atts = sourced.get(q.sentence)
        chosen = atts.nearest(q.loc.start, q.loc.end) if atts is not None else None
        if chosen is not None and chosen.loc.start >= q.loc.end and _own_lead_in(by_sentence.get(q.sentence, ()), q):
            chosen = None  # وبحسب كلام الطالبة «...» وبحسب أحد الفنيين: «...»: its own lead-in, unread, comes first
        if chosen is not None and normalize_cached(chosen.phrase) in _RELAYED_BY:
            chosen = _relaying_verb(article.doc.text, atts.atts, chosen) or chosen
        if chosen is not None:
            chosen = _relayed_from_him(article, atts.atts, chosen) or chosen
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
    closed = _closed_words(article, speech)
    for a in article.attributions:
        a.quoted_only = a.id in closed
    for n in article.numbers:
        k = bisect.bisect_left(speech_starts, n.loc.start) - 1
        quote = next((q for q in speech[max(0, k - 2):k + 1]
                      if q.loc.start < n.loc.start and n.loc.end <= q.loc.end
                      and not _past_unclosed(q, n, by_sentence)), None)
        if quote is not None:
            n.in_quote = quote.id
            n.attributed = True
            n.source = quote.speaker
        atts = by_sentence.get(n.sentence, [])
        if quote is None and atts:  # ...إلى 700 مليون في 2014، ويتوقع أن تصل إلى مليار: no one's words before it
            atts = [a for a in atts if a.loc.start < n.loc.end
                    or not (_impersonal(a, article.doc.text) or _fact_relative(a, article.doc.text)
                            or _noun_relative(a, article.doc.text) or _qad_statement(a, article.doc.text, n.loc.end)
                            or _new_clause_lead_in(a, article.doc.text, n))]
            # توقع البنك نموا بنسبة 3%، لكن الفيضانات دمرت 40 ألف منزل: the noun object's verb stops at the contrast
            atts = [a for a in atts if a.sentence != n.sentence or not (cut_by_contrast(a, n.loc.start, article.doc.text)
                                                                       or after_contrast(a, n.loc.end, article.doc.text))]
            atts = [a for a in atts if not _on_his_part(a, article.doc.text)]
        if quote is None and atts and closed:
            covering = [a for a in atts if not (a.id in closed and (n.loc.end <= a.loc.start or (
                closed[a.id] <= n.loc.start and not _words_go_on(article.doc.text[closed[a.id]:n.loc.start]))))]
            n.outside_quote, atts = len(covering) < len(atts), covering
        if atts:
            n.attributed = True
            if n.source is None:
                sourced = [a for a in atts if a.source]
                if sourced:
                    nearest = min(sourced, key=lambda a: abs(a.loc.start - n.loc.start))
                    n.source = nearest.source
            for a in atts:
                a.covers.append(n.id)
