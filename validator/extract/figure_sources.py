"""Whose a figure is beyond the attribution of its own sentence: a body acting in its sentence, a
cited document, the source of the next sentence (a lead), the carry-over of a release, a repeated
figure, a consequence of the sentence before, a data source nearby. Each sets a field the rules weigh
(`carried`, `sourced_next`, `continues_source`, `source_near`); none makes a figure `attributed`."""
from __future__ import annotations


from validator.extract.outlets import is_outlet
from validator.extract.context import Context
from validator.extract.figure_context import lead_paragraph
from validator.extract.letters import ARTICLE, WORD_RUN
from validator.extract.model import Article, Attribution, NumberItem
from validator.extract.passages import RECALL, YEAR_TURN, first_word, goes_on
from validator.extract.toll_speakers import speaker_goes_on_toll, tells_other_account
from validator.extract.wordclasses import word_class
from validator.text.normalize import normalize_string
from validator.text.punctuation import COMMAS, SEMICOLONS

_TOTAL_WORDS = word_class("figure-words", "total-words")
_CROWD = word_class("figure-words", "crowd")
_NOT_CARRIED = ("opinion", "denial")  # reporting-verbs kinds whose words do not carry to later figures


def _verb_kind(article: Article, att) -> str | None:
    """The reporting-verbs `kind` of an attribution's verb (speech, opinion, report ...), if a verb."""
    if not att.lexicon or article.resources is None:
        return None
    entry = article.resources.lexicons.entry_at(att.lexicon)
    return entry.get("kind") if entry is not None else None


def carry_sources(article: Article, turns: list[str], continues: dict[int, list[str]], asides: set[int]) -> None:
    """A figure with no source of its own in its sentence, after a named source's attribution: the
    reader takes it as that source's (وأعلنت الوزارة ... . وتم رفض 198 إرسالية ...). A body's release
    (and an official's decision, an `agent`, and a cited release that names its publishing body, `issuer`: الأرقام الصادرة
    عن مكتب الإحصاء) carries over the following sentences and paragraphs; a person's words only the rest of his
    paragraph (his وأضاف، وتابع), and nothing when they are one quotation with no figure (`quoted_only`). A news outlet's report, an anonymous source and an opinion verb
    (reporting-verbs kind=opinion|denial) carry nothing. The carry-over stops at another source (a newer attribution), at a
    quotation of someone else and at a sentence that turns to another topic (topic-shifts lexicon); a
    turn only to an earlier year (وفي العام 1990: YEAR_TURN) stops a person's words, not a body's release (its own history).
    A paragraph that opens by going on with the one before (`continues`: a list after a colon, a verb
    of results with no subject of its own) keeps a person's or a document's source, never distance
    alone; its figures record the cue (`carried_via`). The writer's aside (`asides`: يذكر أن) is his own
    background, no person's or body's: their words do not carry into it (issue 13, rounds 7 and 23: salary
    arrears, an exhibition's visitors told in an aside after an official's words), and go on after it; a
    document cited in the paragraph does (round 8: a bulletin's figure in an aside of its readout). The rules decide what a carried figure is worth (field `carried`); one pass over the sentences."""
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
    with_figures = {n.in_quote for n in article.numbers if n.in_quote is not None}
    carrier, carrier_is_body, k = None, False, 0
    paragraph, via = -1, None  # the paragraph a person's or document's source reaches, and the cue that took it there
    for s, sentence in enumerate(sentences):
        if k >= len(waiting):
            break
        if carrier is not None and not carrier_is_body and sentence.paragraph != paragraph and s in continues:
            paragraph, via = sentence.paragraph, continues[s]
        if carrier is not None and (
                (s < len(turns) and turns[s] and not (turns[s] in (YEAR_TURN, RECALL) and goes_on(article, carrier, carrier_is_body, turns[s], sentence)))
                or any(speaker != carrier.source for speaker in quoted.get(s, ()))
                or (not carrier_is_body and sentence.paragraph != paragraph)):
            carrier = None
        while k < len(waiting) and waiting[k].sentence == s:
            if carrier is not None and (s not in asides or carrier.kind == "document"):
                waiting[k].carried_from = carrier.id
                waiting[k].carried_via = via if via is not None and sentence.paragraph == paragraph else None
                # a study's paragraph goes on with its findings: حوالي there rounds the document's figure
                # (round 68: the cases a study counted ten years on), not the writer's own estimate
                waiting[k].hedged = waiting[k].hedged and carrier.kind != "document"
            k += 1
        if s in unresolved and s not in sourced:
            carrier = None  # وحسب «رويترز»: another source, even one not resolved to an entity
        if s in sourced:
            carrier = max(sourced[s], key=lambda a: a.loc.start)
            speaker = article.entity(carrier.source)
            if not _named(article, carrier.source) or (speaker is not None and (speaker.kind == "person" or is_outlet(speaker)) and any(
                    a.kind == "document" and a.loc.start <= carrier.loc.start < a.loc.end for a in sourced[s])):
                # وكشف تقرير «ساما»: the document, not its vague noun; وتوضح أرقام الجدول: the document its
                # verb opens with speaks, never a person read for that verb (round 73: a table's figures), nor
                # the outlet that published it (round 85: وأظهر هذا الاستطلاع after the newspaper's poll)
                carrier = next((a for a in sourced[s] if a.kind == "document"), carrier)
            paragraph, via = sentence.paragraph, None
            entity = article.entity(carrier.source)
            if carrier.kind == "document" and carrier.issuer is None:
                # a cited document's figures go on over the rest of its paragraph; a later paragraph
                # that goes on reporting it cites it again (وأوضحت النشرة), a paragraph that does not
                # may be the writer's own (the growth figure after a survey's index: issue 13, dev-gold-2)
                carrier_is_body = False
                continue
            # a body's release, or an official's decision (an agent: the bonus schedule goes on in the next paragraph)
            if carrier.issuer is not None:  # a named body's statistics release (round 58): its figures go on as the body's
                carrier_is_body = True
                continue
            carrier_is_body = entity is not None and (entity.kind == "organization" or carrier.kind == "agent")
            if not _named(article, carrier.source) or is_outlet(entity) or _verb_kind(article, carrier) in _NOT_CARRIED \
                    or (carrier.quoted_only and entity is not None and entity.kind == "person" and with_figures.isdisjoint(carrier.covers)):
                # an anonymous source's, an outlet's report or an opinion is not a release; a person whose
                # words are one quotation with no figure (وقال فلان: «...») says no more than it (round 77)
                carrier = None


READOUT_PARAGRAPHS = 3  # paragraphs citing a data source that make the article its readout


def writer_asides(ctx: Context, article: Article) -> set[int]:
    """The sentences that open as the writer's aside (يذكر أن، تجدر الإشارة إلى: lexicon impersonal-phrases,
    not one that is also a verb going on with a speaker, continues=yes): the writer's own background."""
    asides = set()
    for m in ctx.hits("impersonal-phrases"):
        s = ctx.sentence_of(ctx.tokens[m.i].start)[0]
        if m.entry.get("continues") != "yes" and first_word(ctx, article.doc.sentences[s]) == m.i:
            asides.add(s)
    return asides


def sources_near(ctx: Context, article: Article, turns: list[str], asides: set[int]) -> None:
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
    for n in article.numbers:
        if n.attributed or n.carried_from is not None or n.hedged or n.sentence < 0 or (n.sentence in asides and not single) \
                or (n.sentence < len(turns) and turns[n.sentence] not in ("", RECALL)):
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


def carry_repeated_figures(article: Article) -> None:
    """A figure that repeats, with its unit, a value the previous sentence gives under a source (مقابل
    44 مليون جنيه، وفقا لتقارير ... . ولكن النادي قد يقبل ... مقابل 44 مليون), or, written with the
    definite article (مبلغ الـ110 ملايين دولار), a value any earlier sentence gives: the reader has its
    source already; it is carried from the attribution that sourced the first (field `carried`; a
    definite one names the figure it refers back to, `refers_to`)."""
    # the figures of one value and kind, in article order: a figure reads only its own value's earlier
    # figures (most have none), not every figure of every earlier sentence
    by_figure: dict[tuple, list[NumberItem]] = {}
    for n in article.numbers:
        by_figure.setdefault((n.value, n.category), []).append(n)
    for n in article.numbers:
        if n.attributed or n.carried_from is not None or n.value is None or n.sentence <= 0:
            continue
        same = [e for e in by_figure[n.value, n.category] if e.loc.start < n.loc.start and 0 <= e.sentence < n.sentence]
        if not same:
            continue
        definite = normalize_string(article.doc.text[max(0, n.loc.start - BACK_REFERENCE_REACH):n.loc.start]
                                    ).endswith(ARTICLE)
        if not definite:
            same = [e for e in same if e.sentence == n.sentence - 1 or _restated_sum(e, n)]
        for earlier in sorted(same, key=lambda e: -e.sentence):  # the nearest sentence first (a stable sort)
            carrier = earlier.carried_from
            if earlier.attributed and carrier is None:
                carrier = next((a.id for a in article.attributions if a.sentence == earlier.sentence and a.source
                                and a.source == earlier.source), None)
            if carrier is not None:
                n.carried_from = carrier
                n.refers_to = earlier.id if definite else None
                break
    _mark_repeats(article)


def _restated_sum(earlier: NumberItem, n: NumberItem) -> bool:
    """A sum of money in a currency that a named source gave earlier in the body (أعلن الملياردير فلان أنه
    يعتزم رصد 50 مليون يورو للمشروع ... . وبمبلغ خمسين مليون يورو يمكن للفريق ...): told again, in
    digits or in words, any sentences later, it is the same pledge or price, not a new figure to source
    (round 67). Only money with its currency: a bare count may well be another one."""
    return n.category == "money" and n.noun_type is not None and earlier.noun_type == n.noun_type \
        and earlier.sentence > 0 and not earlier.in_headline


def _mark_repeats(article: Article) -> None:
    """A figure no source covers that repeats the value, kind and unit of an earlier body figure no
    source covers either (a total repeated in a table's last row, a sum given again): the finding on the
    first already asks for its source, once for both (issue 13, round 31); so does a sum's restatement in
    another currency (؛ أي ما يعادل: field restates): the source of the first, or its finding, covers it (round
    91). One pass in article order."""
    first: dict[tuple, str] = {}
    for n in article.numbers:
        if n.attributed or n.carried_from is not None or n.value is None or n.in_headline or n.sentence < 0:
            continue
        if n.restates is not None:
            n.repeats = n.restates
            continue
        key = (n.value, n.category, n.noun_type)
        if key in first:
            n.repeats = first[key]
        else:
            first[key] = n.id
    _mark_breakdowns(article)


def _mark_breakdowns(article: Article) -> None:
    """وبلغت القيمة الإجمالية 197 مليون ريال ... وبلغت قيمة الأول 84.5 مليون، والثاني 59.4 مليون، والثالث 53.7
    مليون: two or more unsourced figures of one sentence, of one kind and unit, that add up to an earlier body
    figure of that kind and unit (within rounding) break that total down: its source, or the finding that
    asks for it, covers them too (round 44: a municipality's three contracts after the lead's total)."""
    earlier: list[NumberItem] = []
    by_sentence: dict[int, list[NumberItem]] = {}
    for n in article.numbers:
        if n.in_headline or n.sentence < 0 or n.value is None:
            continue
        by_sentence.setdefault(n.sentence, []).append(n)
    for sentence in sorted(by_sentence):
        groups: dict[tuple, list[NumberItem]] = {}
        for n in by_sentence[sentence]:
            if not n.attributed and n.carried_from is None and n.repeats is None and n.category in BREAKDOWN_KINDS:
                groups.setdefault((n.category, n.noun_type), []).append(n)
        for key, parts in groups.items():
            if len(parts) < 2:
                continue
            total = sum(float(n.value) for n in parts)
            whole = next((e for e in earlier if (e.category, e.noun_type) == key and e.value >= BREAKDOWN_MIN
                          and abs(total - float(e.value)) <= BREAKDOWN_ROUNDING * float(e.value)
                          and _called_total(article.doc.text, e)), None)
            if whole is not None:
                for n in parts:
                    n.repeats = whole.id
        earlier.extend(by_sentence[sentence])


def _called_total(text: str, n: NumberItem) -> bool:
    """القيمة الإجمالية لهذه المشروعات أكثر من 197 مليون: a word of figure-words total-words a few words before
    the figure calls it a total (sums that merely coincide are no breakdown: a fall and the level it fell to)."""
    words = WORD_RUN.findall(text, max(0, n.loc.start - TOTAL_REACH_CHARS), n.loc.start)[-TOTAL_REACH:]
    return any(normalize_string(w) in _TOTAL_WORDS for w in words)


BREAKDOWN_KINDS = ("money", "quantity", "people")  # sums and counts a total breaks down (not percentages: shares of other wholes)
BREAKDOWN_MIN = 10  # a total below it adds up by chance too often (2 + 3 = 5)
BREAKDOWN_ROUNDING = 0.01  # parts given to one decimal add up to a rounded total (84.5 + 59.4 + 53.7 = 197.6: أكثر من 197)
TOTAL_REACH = 6  # words before a total where the word calling it one stands (الإجمالية لهذه المشروعات أكثر من)
TOTAL_REACH_CHARS = 80
BACK_REFERENCE_REACH = 4  # characters before a figure where its definite article is written (الـ110، الـ 110)
TITLE_TO_NAME = 3  # tokens after a deciding official's title where his name may start (الأمير عبدالله، الرئيس العام ...)


def acting_bodies(ctx: Context, article: Article) -> None:
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
    # the named person a title after the verb belongs to, however long the title (وزير الشؤون البلدية
    # والقروية المهندس فلان: round 73, a minister's approval of contracts)
    titled = {ctx.norm.to_normalized(m.title_loc.start): e for e in article.entities if e.kind == "person"
              and not e.vague and not e.role_only for m in e.mentions if m.title_loc is not None and m.form == "name"}
    added = []
    dateline = ctx.doc.dateline  # a dateline before the verb (واس- الرياض: وقع ...) leaves it opening its sentence
    after_dateline = 0 if dateline is None else ctx.norm.to_normalized(dateline.end)
    for m in ctx.patterns.find("acting-body"):
        verb, body = ctx.tokens[m.span_start], ctx.tokens[m.span_start + 1]
        sentence, paragraph = ctx.sentence_of(verb.start)
        if m.start and ctx.sentence_of(ctx.tokens[m.start - 1].start)[0] == sentence \
                and ctx.tokens[m.start - 1].start >= after_dateline:
            continue  # only a verb that opens its sentence (after the pattern's opener) has the body as its subject
        entity = bodies.get(body.start)
        if entity is None and m.end > m.span_end:  # a title after the verb: the person it names, or a definite role
            entity = titled.get(body.start) or next(
                (people[t.start] for t in ctx.tokens[m.end:m.end + TITLE_TO_NAME] if t.start in people), None)
            if entity is None and not body.text.startswith(ARTICLE):
                continue
        elif entity is None:
            continue
        end = ctx.tokens[m.end - 1].end if entity is None else verb.end
        agent = Attribution(ctx.new_id("a"), ctx.loc(verb.start, end), ctx.original_text(verb.start, end), "agent",
                            entity.id if entity else None, sentence=sentence, paragraph=paragraph)
        added.append(agent)
        decided = _decision(article, m.lexicon)
        for n in article.numbers:
            if n.sentence == sentence and not n.attributed:
                n.carried_from = agent.id  # its own sentence's figures too
                n.decided = decided
    if added:
        article.attributions = sorted(article.attributions + added, key=lambda a: a.loc.start)


def _decision(article: Article, entries: tuple[str, ...]) -> bool:
    """An acting-body match whose verb is one of deciding (operation-verbs kind=decision: a court or a
    prosecution ordering or renewing a detention, an official setting a figure's terms)."""
    lexicons = article.resources.lexicons if article.resources is not None else None
    return lexicons is not None and any(
        (entry := lexicons.entry_at(src)) is not None and entry.get("kind") == "decision"
        for src in entries if src.startswith("operation-verbs"))


def participle_disclosures(ctx: Context, article: Article) -> None:
    """طالب مجلس المحافظة بوقف القصف، كاشفا عن مقتل 300 مدني: a reporting verb's participle after a comma
    and the preposition of what it discloses (patterns labelled subject-discloses, rules/patterns/
    contexts.pattern) reports the figures after it for the sentence's subject, as its finite verb would
    (كشف المجلس عن مقتل 300). The subject is the named body or person right after the sentence's opening
    verb (not an outlet, not an anonymous source); a sentence with a source of its own keeps it. The
    figures after the participle become attributed to that subject, by an attribution of kind
    `participle` (round 40: a provincial council's toll of civilians)."""
    matches = ctx.patterns.find("subject-discloses")
    if not matches:
        return
    named = {ctx.norm.to_normalized(m.loc.start): e for e in article.entities if _named(article, e.id)
             and not is_outlet(e) for m in e.mentions}
    sourced = {a.sentence for a in article.attributions if a.source}
    sentences = article.doc.sentences
    added = []
    for m in matches:
        verb = ctx.tokens[m.span_start]
        sentence, paragraph = ctx.sentence_of(verb.start)
        if sentence in sourced or sentence < 0:
            continue
        subject = _opening_subject(ctx, named, first_word(ctx, sentences[sentence]), m.span_start)
        if subject is None:
            continue
        att = Attribution(ctx.new_id("a"), ctx.loc(verb.start, verb.end), ctx.original_text(verb.start, verb.end),
                          "participle", subject.id, sentence=sentence, paragraph=paragraph)
        for n in article.numbers:
            if n.sentence == sentence and not n.attributed and n.loc.start > att.loc.start:
                n.attributed, n.source = True, subject.id
                att.covers.append(n.id)
        if att.covers:
            added.append(att)
            sourced.add(sentence)
    if added:
        article.attributions = sorted(article.attributions + added, key=lambda a: a.loc.start)


OPENING_ADVERBIAL = 5  # tokens of an opening phrase before its comma (من ناحية ثانية، وفي السياق ذاته،)


def _opening_subject(ctx: Context, named: dict, first: int, end: int):
    """The named entity right after a sentence's opening verb (VSO: طالب مجلس المحافظة), the verb being
    its first word or the first word after an opening phrase and its comma (من ناحية ثانية، طالب ...)."""
    verbs = [first]
    comma = next((k for k in range(first, min(first + OPENING_ADVERBIAL, end)) if ctx.tokens[k].text in COMMAS), None)
    if comma is not None:
        verbs.append(comma + 1)
    return next((named[ctx.tokens[k + 1].start] for k in verbs
                 if k + 1 < end and ctx.tokens[k + 1].start in named), None)


def sourced_next(ctx: Context, article: Article) -> None:
    """A lead: a paragraph's first sentence gives the figure, the next one says who gave it (a named
    source or a cited document, in its paragraph, or, after the article's one-sentence lead paragraph,
    opening the next one). A semicolon may cut the first sentence in two (ارتفعت ...؛ لتتجاوز 138
    مليار ريال. وأوضحت المؤسسة ...): its parts are all the first sentence. A figure of a later sentence,
    with no source before the next one, is the writer's (issue 13, round 9). A forecast (pattern label
    forecast-context) that says nothing of the casualties (no word of lexicon casualty-nouns or
    casualty-verbs) does not source the toll before it: an agency's weather outlook after a flood's toll
    is another story (issue 13, round 34)."""
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
    # a person whose words are one quotation (وقال فلان إن «...»: quoted_only) says no more than it: he
    # sources an earlier figure only where his quotation gives a figure too (issue 13, rounds 7 and 27: a
    # father's or a surgeon's quoted words after a sum or a count they do not give); a body's statement
    # on the event (وقالت غرفة الطوارئ في بيان إن «...») reports it, its toll included
    # (a figure that counts something: the hour or the ordinal in his quotation gives no toll, round 80)
    with_figures = {n.in_quote for n in article.numbers if n.in_quote is not None and n.category not in _UNCOUNTED}
    def voice_only(a: Attribution) -> bool:
        entity = article.entity(a.source)
        return a.quoted_only and entity is not None and entity.kind == "person" and with_figures.isdisjoint(a.covers)
    def names(s: int, named_only: bool) -> bool:
        return any(a.kind == "document" or ((_named(article, a.source) if named_only else a.source)
                                            and not voice_only(a))
                   for a in by_sentence.get(s, ()))
    forecasts: set[int] = set()  # sentences of a forecast that names no casualty; asked only beside a toll
    about_casualties: set[int] = set()
    if any(n.category == "casualty" for n in article.numbers):
        about_casualties = {ctx.sentence_of(m.start)[0] for lexicon in ("casualty-nouns", "casualty-verbs")
                            for m in ctx.hits(lexicon)}
        forecasts = {s for m in ctx.patterns.find("forecast-context")
                     if (s := ctx.sentence_of(ctx.tokens[m.span_start].start)[0]) not in about_casualties}
    # a passive belief before the figure in its sentence (lexicon impersonal-phrases belief=yes) says its holder
    # is unknown: the next sentence's speaker, on his own statement, does not become it (round 87)
    beliefs = [(ctx.sentence_of(ctx.tokens[m.i].start)[0], ctx.norm.to_original(ctx.tokens[m.i].start))
               for m in ctx.hits("impersonal-phrases") if m.entry.get("belief") == "yes"]
    # a one-sentence paragraph's toll whose next paragraph opens with a source telling the casualties
    # (قتل سبعة في انفجار. // وأوضح مصدر أمني أن ... قتل وأصيب ستة آخرون): that source's toll, where its
    # own counts fit in it (their sum no more than the toll; a larger one is another attack's, round 89),
    # or a named source telling of the same people with the article (round 99: the health director on
    # المصابين after a paragraph's seven injured)
    def tells_toll(n: NumberItem, s: int) -> bool:
        told = [m.value for m in article.numbers if m.sentence == s and m.category == "casualty" and m.value]
        return n.category == "casualty" and bool(n.value) and (s in about_casualties and names(s, False) and bool(told)
                                                               and sum(told) <= n.value or names(s, True) and again(n, s))
    casualty_nouns = ctx.res["casualty-nouns"].by_norm
    def again(n: NumberItem, s: int) -> bool:  # its people told again with the article (مصابين: المصابين)
        return any(t.text.startswith(ARTICLE) and (e := casualty_nouns.get(t.text[len(ARTICLE):])) is not None
                   and e.get("type") == n.noun_type for t in ctx.tokens if ctx.sentence_of(t.start)[0] == s)
    # the sentences that count something (a statistic or a bare count, not a year, a date or an hour): a
    # lead's crowd (figure-words crowd: visitors, viewers) is not the organiser's whose next sentence
    # speaks only of the prize draw (round 93)
    counting = {m.sentence for m in article.numbers if m.is_statistic or m.category == "other"}
    for n in article.numbers:
        if any(s == n.sentence and start < n.loc.start for s, start in beliefs):
            continue
        nxt = n.sentence + 1
        while nxt < len(sentences) and opening[nxt] and sentences[nxt].paragraph == n.paragraph:
            nxt += 1  # a later part of a cut first sentence is that sentence, not the next one
        if not 0 <= n.sentence < nxt < len(sentences):
            continue
        if n.category == "casualty" and nxt in forecasts:
            continue
        if n.category == "people" and nxt not in counting and n.noun and normalize_string(n.noun) in _CROWD:
            continue  # a lead's crowd: the next speaker gives its size only if he counts something too
        told = lambda: n.category != "casualty" or not tells_other_account(ctx, article, n.sentence, nxt, n.noun_type)
        n.sourced_next = opening[n.sentence] and ((names(nxt, False) and told() if sentences[nxt].paragraph == n.paragraph
                                      else n.paragraph == lead and names(nxt, True) and told() or tells_toll(n, nxt))
                                      or n.category == "casualty" and speaker_goes_on_toll(ctx, article, nxt, about_casualties, _named, n.noun_type))
    _confirmed_later(article, opening, lead)


_COUNTS = ("casualty", "people")  # a toll and the same people counted again (ستة مصابين، قاطني الشقة وعددهم ستة)
_UNCOUNTED = ("time", "ordinal", "year")  # figures that count nothing: a quotation's hour, its "fifth year"
LEAD_RESTATED_MIN = 10  # a count this large told again later is the same count, not a coincidence


def _kind(n: NumberItem) -> str:
    """A figure's kind for telling the same figure again: a toll and a count of people alike."""
    return "count" if n.category in _COUNTS else n.category


def _confirmed_later(article: Article, opening: list[bool], lead: int) -> None:
    """A paragraph's first sentence gives a figure and, a sentence or more later in that paragraph, a
    named source's account gives the same figure again (the civil defence spokesman: ... وعددهم ستة
    أشخاص after the lead's ستة أشخاص): the lead is that source's figure told first, as a lead sourced in
    its next sentence is (field `sourced_next`; issue 13, round 75). The same value, of the same kind (a
    toll and a count of people alike), under a named source's attribution (not an outlet's). The
    article's lead paragraph (not its toll) may be confirmed by any later paragraph, a count of 10+ with no
    noun of its own there too (يتجاوز عدد المشاركين 200 حرفي: round 81, the director's quotation four
    paragraphs after the lead's 200 participants). A figure later in its paragraph is that source's too
    when a later sentence of the same paragraph gives it again under him (round 84: a site's burials told
    in a visitor's story, the city's estimate of them at the paragraph's end)."""
    confirmed = {}
    for m in article.numbers:
        if m.attributed and m.value is not None and _named(article, m.source) and not is_outlet(article.entity(m.source)):
            kind = _kind(m)
            confirmed.setdefault((m.value, kind), []).append((m.paragraph, m.sentence))
            if m.category == "quantity" and m.noun_type is None and m.value >= LEAD_RESTATED_MIN:
                confirmed.setdefault((m.value, "bare"), []).append((m.paragraph, m.sentence))
    for n in article.numbers:
        if n.sourced_next or n.attributed or n.value is None or not 0 <= n.sentence < len(opening):
            continue
        kind, first = _kind(n), opening[n.sentence]
        later = [s for p, s in confirmed.get((n.value, kind), ())  # (a toll: its own paragraph only, round 179)
                 if p == n.paragraph or (first and n.paragraph == lead and n.category != "casualty")]
        if first and n.paragraph == lead and n.category in ("people", "quantity"):
            later += [s for p, s in confirmed.get((n.value, "bare"), ()) if p != n.paragraph]
        n.sourced_next = any(s > n.sentence for s in later)


def cited_documents(ctx: Context, article: Article) -> None:
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
                # a hedge after the document in its own sentence (تضمن ... نسبة تقدر بنحو 43 في المائة) is
                # the document's estimate, not the writer's: the figure stays the document's
                n.hedged = n.hedged and n.loc.start < cue.loc.start
    for m in ctx.patterns.find("release-issuer"):
        # the release names its publisher right after عن: a named body, not an outlet (a statistics office)
        cue = added.get(ctx.sentence_of(ctx.tokens[m.span_start].start)[0])
        after = ctx.tokens[m.end].start if m.end < len(ctx.tokens) else -1
        issuer = article.entity(entity_at.get(after))
        if cue is not None and issuer is not None and issuer.kind == "organization" and _named(article, issuer.id) \
                and not is_outlet(issuer):
            cue.issuer = issuer.id
    if added:
        article.attributions = sorted(article.attributions + list(added.values()), key=lambda a: a.loc.start)


def consequences(ctx: Context, article: Article) -> None:
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
    opening = {s.index for s in sentences[1:] if first_word(ctx, s) in starts
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


def toll_breakdowns(article: Article) -> None:
    """Casualty counts of a sentence (two or more, no source of their own) that add up to a toll an earlier
    sentence gives under a named source (قتل خمسة، كما أعلنت الشرطة ... . وقتل شرطيان وثلاثة مدنيين), or an
    unnamed one within two sentences of its paragraph (round 135), split that toll (field `splits_source`).
    One count equal to a named toll of its paragraph or the one before is that toll told again (round 99)."""
    parts: dict[int, list[NumberItem]] = {}
    for n in article.numbers:
        if n.category == "casualty" and not n.attributed and n.value and n.sentence > 0:
            parts.setdefault(n.sentence, []).append(n)
    for sentence, counts in parts.items():
        total = sum(n.value for n in counts)
        for earlier in article.numbers:
            if earlier.category != "casualty" or earlier.value != total or not earlier.attributed \
                    or not 0 <= earlier.sentence < sentence \
                    or len(counts) < 2 and earlier.paragraph < counts[0].paragraph - 1:
                continue
            near = earlier.paragraph == counts[0].paragraph and sentence - earlier.sentence <= 2
            a = next((a for a in article.attributions if a.sentence == earlier.sentence and a.source
                      and a.source == earlier.source and (near or _named(article, a.source))), None)
            if a is not None:
                for n in counts:
                    n.splits_from = a.id
                break

