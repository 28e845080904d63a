"""Organizations from the bodies lexicon and unnamed sources (a vague head with its modifiers,
anaphoric documents, anonymous people)."""
from __future__ import annotations

from validator.extract.entities.claim_before import claim_before
from validator.extract.entities.body_sources import named_body, repeated_record
from validator.extract.entities.document_authors import authored, made_by_named
from validator.extract.entities.experts import experts_at_large, not_some_of_a_kind
from validator.extract.entities.keys import index_prefixes
from validator.extract.entities.own_information import obtained_by_speaker
from validator.extract.entities.one_of_place import one_of_group, one_of_lead_ins, report_past_place
from validator.extract.entities.refuted import refuted_origin, text_content
from validator.extract.indefinite_antecedent import at_large, relative_reports, reports_after
from validator.extract.entities.rumours import rumour_aside
from validator.extract.entities.quoted_holder import quoted_holder
from validator.extract.entities.verb_gap import fronted_group, past_gap
from validator.extract.entities.speakers import SpeakerPasses
from validator.extract.entities.words import (
    IN_THE_NAME_OF, ONE_OF as _ONE_OF, RELATIVES as _RELATIVES, REPORT_THAT, ISSUED_ADJECTIVES, _THAT_WORDS,
    TitlePhrase, parenthesized_words,
    _DOCUMENT_ISSUED, _DOCUMENT_SOURCES,
    _ISSUED_BY, _DEMONSTRATIVES,
    predicate_noun, _QUOTE_OPENERS, contracted_start,
    _REPORT_MARKS, _SOURCE_PREPOSITIONS,
)
from validator.extract.letters import (
    ACCUSATIVE,
    ALEF,
    ARTICLE,
    BI,
    CLITIC_ARTICLES as _CLITIC_ARTICLES,
    COORDINATION_PREFIXES,
    FA,
    HEH,
    LI,
    LI_ARTICLE,
    MARBUTA,
    NAME_CLITICS,
    NISBA_ENDING,
    PREPOSITION_PREFIXES,
    TEH,
    WAW,
    WAW_ARTICLE,
)
from validator.extract.patterns.shapes import verb as _verb_like
from validator.extract.model import Entity
from validator.text.punctuation import SENTENCE_MARKS
from validator.extract.wordclasses import affix, affixes, one_word, word_class

_OFFICE_PREPOSITIONS = word_class("entity-words", "office-preposition")  # في، ب، باسم، لدى، إلى
_OTHER = word_class("entity-words", "other")                  # آخر، أخرى ...
_FI = one_word("entity-words", "fi")                          # في
_ONE_COUNTED = tuple(word_class("entity-words", "one-counted"))  # أحد، واحد، لأحد، بأحد
_IMPERSONAL_SOURCES = word_class("entity-words", "impersonal-source")  # تقرير، مصدر، بيان، دراسة
_NOT_A_CONSTRUCT = _RELATIVES | ISSUED_ADJECTIVES  # الذي ... الصادر، الصادرة
_MEDIA_STEMS = tuple(word_class("entity-words", "media-stem"))  # الإعلام، الصحف، الإعلامية
_SPEAKER_REPORT = frozenset({":", "«", '"', "“"}) | REPORT_THAT | word_class("entity-words", "report-that-bi")
_SAYS = _SPEAKER_REPORT | word_class("attribution-words", "that-clause")  # وقالت تركيا إنها، أنها
_PARTITIVE = one_word("entity-words", "partitive")            # من
_SOURCE_ORIGIN = word_class("entity-words", "source-origin-preposition")  # عن، من، في، بين
_WHOLE_QUANTIFIERS = word_class("entity-words", "whole-quantifier")  # كل، جميع، كافة
_HYPOTHETICAL = word_class("entity-words", "hypothetical")     # أي
_DOCUMENT_ENDINGS = frozenset(affixes("document-ending"))     # بيانا، بيانه، تقريرين
_NISBA_ENDINGS = (NISBA_ENDING, affix("feminine-nisba"))      # ي، يه
_COORDINATION_LETTERS = "".join(COORDINATION_PREFIXES)        # و ف, for lstrip
_DEFINITE_STARTS = (ARTICLE, WAW_ARTICLE, BI + ARTICLE, FA + ARTICLE, LI_ARTICLE)  # a definite word, a clitic on it
_DOCUMENT_REFERENCE = (ARTICLE, WAW_ARTICLE, FA + ARTICLE)    # البيان، والبيان، فالبيان
_ANY_DEFINITE, _ARTICLE_OR_LI_ARTICLE = (ARTICLE, *_CLITIC_ARTICLES, LI_ARTICLE), (ARTICLE, LI_ARTICLE)


class UnnamedPasses(SpeakerPasses):
    """Organization and unnamed-source passes."""

    def _organizations(self) -> None:
        by_key: dict[str, Entity] = {}  # each organization's key and the word prefixes of it -> the first
        for e in self.entities:
            if e.kind == "organization":
                index_prefixes(by_key, e)
        candidates = []
        # a word inside a place's name is no body: المملكة العربية السعودية is not the channel العربية
        in_place = {k for s, (e, _) in self._place_at.items() for k in range(s + 1, e)}
        for i, (j, match) in sorted(self._body_at.items()):
            if self.used[i] or i in in_place:
                continue
            end = self._body_end(j, match)
            if match.entry.get("kind") == "head":
                if end == j and not (match.entry.norm.startswith(ARTICLE) or " " in match.entry.norm
                                     or match.prefix.endswith(ARTICLE)):
                    continue  # a bare indefinite head noun (وزارة) names nothing
            # the rest of its name and its complement may contain names found before (مركز الملك سلمان للإغاثة)
            candidates.append(self.propose("organization", i, end, [match.entry.source], match, nests=(i + 1, end)))
        # a country right after a verb of speech or report opening its sentence or clause, its words after it
        # (إن، أن، a colon), is its government speaking (وقالت تركيا إنها ...); not a country a that-clause
        # expects to act (أن تعلن الصين عن), nor one acting (وشددت الهند إجراءات الأمن، وأعلنت مصر حالة الطوارئ)
        said = {v.j for v in self.ctx.hits("reporting-forms") if v.entry.get("kind") in ("speech", "report")
                and (v.i == 0 or self.tokens[v.i - 1].kind == "punct" or self.ctx.sentence_of(self.tokens[v.i - 1].start)[0]
                     != self.ctx.sentence_of(self.tokens[v.i].start)[0])}
        candidates += [self.propose("organization", i, j, [m.entry.source], m) for i, (j, m) in sorted(self._place_at.items())
                       if i in said and m.entry.get("kind") == "country" and not self.used[i]
                       and any(t.text in _SAYS for t in self.tokens[j:j + 3])]
        for kept in self.claims.decide(candidates):
            i, end, match = kept.start, kept.end, kept.data
            start_off = match.start
            end_off = self.tokens[end - 1].end
            key = " ".join(self.ctx.texts[i:end])
            key = key[len(match.prefix):] if match.prefix and key.startswith(match.prefix) else key
            contracted = match.prefix.endswith(LI) and key.startswith(LI) and match.entry.norm.startswith(ARTICLE)
            if contracted:
                key = ALEF + key  # للمرصد: ل + المرصد
            entity = by_key.get(key)  # المرصد → المرصد السوري ...
            if entity is None:
                name = self.ctx.original_text(start_off, end_off)
                entity = Entity(self.ctx.new_id("o"), "organization", (ALEF + name) if contracted else name, key)
                self.entities.append(entity)
                index_prefixes(by_key, entity)
            self.add_mention(entity, start_off, end_off, "name", lexicon=list(kept.evidence))

    @property
    def _role_starts(self) -> set[int]:
        """Token indexes where a title with a complement and no holder starts (computed once)."""
        cached = self._role_starts_cache
        if cached is None:
            cached = self._role_starts_cache = {p.start for p in self.title_only if self._identified_role(p)}
        return cached

    def _identified_role(self, phrase: TitlePhrase) -> bool:
        """A role that names one office (وزير الدفاع العراقي، المتحدث باسم الجيش), not an anonymous official (مسؤول في بلدية درنة)."""
        role = phrase.roles[0][2]
        if self._anonymity_at(phrase.end) is not None:
            return False  # متحدث باسم الهيئة لم تذكر اسمه: the office told, its holder withheld on purpose
        if role.entry.get("unique") == "yes":
            return True  # النبي، الرسول: one person, whom every reader knows
        if any(w.startswith(ARTICLE) for w in role.entry.norm.split()[1:]):
            return True  # رئيس النادي، رئيس الوزراء: a definite genitive names the office
        if phrase.end - phrase.start <= len(role.entry.norm.split()):
            return False
        if phrase.definite:
            return True
        body = self._body_at.get(phrase.roles[0][1])
        if role.entry.norm.split()[-1] == IN_THE_NAME_OF and body is not None \
                and body[1].entry.get("kind") in ("name", "agency"):
            return True  # متحدث باسم برنامج الأغذية العالمي: a body named in full answers for its spokesman
        for k in range(phrase.roles[0][1], phrase.end):
            if self.tokens[k].text in '"«“':
                return True  # قائد عمليات "غضب عدن": a named operation, one office
            w = self.tokens[k].text
            outlet = self._body_at[k][1] if k in self._body_at else None  # (titles outlet=yes: مراسل لوكالة ...)
            if outlet is not None and outlet.entry.get("kind") == "agency" and outlet.prefix in ("", role.entry.get("outlet") and LI):
                return True  # مراسل فرانس برس، مراسل لوكالة رويترز: the named outlet answers for its own correspondent
            if w in _OFFICE_PREPOSITIONS or (w.startswith(PREPOSITION_PREFIXES) and not w.startswith(ARTICLE) and (
                    k not in self._place_at or self._place_at[k][1].prefix)):  # (سفير بلجيكا: a country's ب)
                return False
            if w.startswith(ARTICLE) or k in self._place_at:
                return True  # قائد شرطة نيروبي، محافظ عدن: a named place names one office (ضابط شرطة does not)
        return False

    def _unnamed(self) -> None:
        modifiers = self.res.vague_modifiers | self.res.vague_adjectives  # مصدر أردني مسؤول: one span
        nationality = self.res.nationality_forms
        # names of bodies are claimed first: هيئة الاتصالات وتقنية المعلومات السعودية is one body, its tail no source
        in_body_name = {k for s, (j, match) in self._body_at.items() for k in range(s + 1, self._body_end(j, match))}
        refuted_end = -1  # the token after the last origin of a refuted claim
        for m in self.ctx.hits("vague-sources-all"):
            i = m.i
            if i >= len(self.tokens) or self.used[i] or i in in_body_name:
                continue
            kind = m.entry.get("kind")
            if kind in ("modifier", "anonymity") or not_some_of_a_kind(self, i, m.entry) or made_by_named(self, i):
                continue  # الدراسات alone: the studies told before (بعض الدراسات: some of them, nobody's); أجراها أطباء من جامعة ...
            prev = self._word(i - 1)
            if prev is not None and m.entry.get("claims") != "yes" and not self._masdar_subject(prev, m.j, m) \
                    and (((i - 1) in self._body_at and self._body_at[i - 1][1].entry.get("kind") != "name")
                         or self.lex["name-introducers"].lookup(prev)):
                continue  # وكالة أنباء "فارس": part of a name, not a vague source (إعلان مسؤولين أن: a report);
                # a full name (bodies kind=name) ends itself: تداول ناشطون صورا is a verb and its subject
            j = m.j
            # modifiers: مصادر مطلعة يمنية، مسؤول تركي كبير، مصدر أمني فلسطيني
            while j < len(self.tokens) and (nxt := self._word(j)) and (
                    nxt in modifiers or nationality.lookup(nxt) is not None
                    or nxt in _OTHER):
                j += 1
            if j < len(self.tokens) and self.tokens[j].text in "-–(،," and (anonymity := self._anonymity_at(j + 1)):
                j = anonymity
            elif anonymity := self._anonymity_at(j):
                j = anonymity
            document = m.entry.norm in _DOCUMENT_SOURCES
            if document and j < len(self.tokens) and j in self._body_at:
                continue  # تقارير الأمم المتحدة، تقرير مؤسسة النقد: the body is the source
            if document and j < len(self.tokens) and self.tokens[j].text in _QUOTE_OPENERS:
                continue  # وكشف تقرير "ساما": a document named by its publisher, in quotes
            if document and self._word(i - 1) == _FI:
                continue  # أحصت الهيئة في تقرير نشرته: the medium of a named source's claim
            if (document and any(self._word(x) in _DOCUMENT_ISSUED for x in (j, j + 1))) or (self._word(j) in ISSUED_ADJECTIVES
                    and (m.entry.get("claims") == "yes" or (m.entry.get("generic") == "yes" and not self._time_word(j + 1)))):
                continue  # تقرير (مشترك) أصدرته منظمة، تشير المعلومات الواردة من الوزارة: its issuer is named (not الصادرة أمس)
            if (document and self._publisher_after(j)) or obtained_by_speaker(self, i, j):
                continue  # دراسة حديثة لجامعة فلوريدا: a named publisher; وفقا للمعلومات التي حصل عليها: his own
            if m.entry.norm.removeprefix(ARTICLE) in _DOCUMENT_SOURCES and (self._record(m.j, j) or repeated_record(self, i, j, m)):
                continue  # بحسب وثائق قضائية، وفقا للتقارير الطبية: a public record, a patient's record
            if document and j == m.j and self._specified_document(j):
                continue  # تقرير مؤشرات الأداء، تقارير حكم المباراة: a report named by its construct (its writers)
            if m.prefix.lstrip(_COORDINATION_LETTERS).startswith(LI) and prev is not None \
                    and self.res.reporting_forms.lookup(prev) is not None:
                continue  # أكد للمسؤولين اليمنيين، قال لمسؤولين: whom the speaker told, not a source
            if m.prefix.lstrip(_COORDINATION_LETTERS).startswith(BI):
                continue  # حل بسكان المدينة، اتصلت ببعض المسؤولين: the object of ب, not a source
            if self._after_preposition(i) and not (reports_after(self.ctx, self.tokens[i].text, j, m.entry) or relative_reports(self.ctx, j)):
                continue  # وادعت أمام الدبلوماسيين: an object, not a source (بعد تقارير أشارت: the verb's subject)
            if kind == "head" and m.entry.get("number") == "sg" and not document and j == m.j \
                    and not (m.prefix.endswith(ARTICLE) or self.tokens[i].text.startswith(_DEFINITE_STARTS)) \
                    and (nxt := self._word(j)) is not None and nxt.startswith(ARTICLE) and not self._time_word(j) \
                    and nxt[2:] not in modifiers and nationality.lookup(nxt) is None \
                    and self.lex["stopwords"].lookup(nxt) is None:
                continue  # مراقب الأنشطة: an office named by its genitive (not a particle: مصدر إلى أن)
            if named_body(self, i, j, m.entry):
                continue  # منظمة أطباء بلا حدود: a body named by its construct (body_sources)
            if m.entry.get("genitive") == "names" and j == m.j and self._is_definite(j) and not self._time_word(j) \
                    and (nxt := self._word(j)) is not None and nxt.removeprefix(ARTICLE) not in modifiers \
                    and nationality.lookup(nxt) is None and not nxt.startswith(_MEDIA_STEMS):
                continue  # في مواقع العمل، حسابات الوزارة: a place, someone's own pages, no vague source
            if m.entry.get("field") == "yes" and j == m.j and self._is_definite(j) and (nxt := self._word(j)) is not None \
                    and nationality.lookup(nxt) is None and nationality.lookup(self._word(j + 1) or "-") is None:
                continue  # كما يقول علماء النفس: a field's common view (not علماء الفلك البريطانيون: some of them)
            if i > 0 and (victim := self.ctx.hit_at("casualty-verbs", i - 1)) is not None and victim.j == i:
                continue  # عن قتل نائب صومالي، اختطاف صحفيين: the victim of the news, not its source
            if prev in _HYPOTHETICAL or (m.entry.get("denied") == "object" and (
                    denial := self.res.reporting_forms.lookup(prev or "")) and (denial.get("kind") == "denial" or denial.get("refusal"))):
                continue  # يمكن أن يقول أي متابع إن: a hypothetical speaker; نفى/رفض ما تردد: the rumour denied, no source
            if m.entry.get("tier") == "rumour" and rumour_aside(self.ctx, i, prev):
                continue  # لو قيل إن، يتردد أن ... ؟، ويقال إن المدينة سميت في القرن: no report of news
            if refuted_origin(self, i) or text_content(self, i, m.entry) or (i == refuted_end and m.prefix.startswith(WAW)):
                refuted_end = j  # عدم صحة ما ذكر في بعض وسائل الإعلام ومواقع التواصل: where a refuted claim
                continue  # appeared (and what و joins to it), no source
            definite = m.entry.norm.startswith(ARTICLE) or m.prefix.endswith(ARTICLE) or self.tokens[i].text.startswith(
                _DEFINITE_STARTS)
            if predicate_noun(self, i, prev, definite):
                continue  # أكدوا أنهم مواطنون محليون، كان مسؤولا عن: what they are (a predicate), not a source
            count = self.lex["number-words"].lookup(self.tokens[i - 1].text) if i > 0 else None
            if i > 0 and not self._speaker_position(i - 1) and (self.tokens[i - 1].kind == "number" or (
                    count is not None and count.get("approx") != "true"
                    and not self.tokens[i - 1].text.startswith(_ONE_COUNTED))):
                continue  # قصفت خمسة مواقع، 12 مصدرا للمياه: a counted noun, not a source (أحد سكان is one;
                # عدة دبلوماسيين، بضعة مسؤولين: a vague count is a group nobody named)
            start_off, end_off = contracted_start(self.tokens, m), self.tokens[j - 1].end
            entity = None
            if definite and (self._after_quantifier(i) or (
                    self._after_quantifier(i, whole=True) and self._definite_modifier(j))):
                pass  # بعض التسريبات، العديد من التقارير الإعلامية، جميع التقارير الإخبارية: a generic
                # group, not one named before (جميع المسؤولين alone may be the officials named before)
            elif definite and kind == "head" and self._titled_person_before(m.entry, start_off, m.j, j):
                continue  # وأشار الخبير العسكري: the named person whose title is that role, told before
            elif definite:
                entity = self._antecedent_unnamed(m.entry.norm.removeprefix(ARTICLE), start_off)
                if prev in _DEMONSTRATIVES and (entity is None or m.entry.get("generic") == "yes") \
                        and not self._anonymity_at(j):
                    continue  # أكد هذه الأخبار، نفى تلك التقارير: a demonstrative points back to what the article told:
                    # no anonymous source told before it, or news (generic) that is the claim, not its source
                if entity is None and not self._anonymity_at(j) and j == m.j and kind == "head" \
                        and not (m.entry.get("number") == "pl" and self._after_source_preposition(i)) \
                        and not self._unintroduced_group(i, m) and not experts_at_large(self, i, m) \
                        and not ((self._definite_modifier(j) or (at_large(self.ctx, i, m.entry) and prev not in self.res.reporting_masdars))
                                 and (self._speaker_position(i) or relative_reports(self.ctx, j) or reports_after(self.ctx, self.tokens[i].text, j, m.entry, i))):
                    continue  # وأكد التقرير، المصدر: anaphoric (a generic "الصحف التركية" is not, nor "وحسب المصادر،
                    # فإن"، "كشفت المصادر المقربة" or "وأفادت الأنباء" that no earlier source explains; نقل الأخبار is a masdar)
                while entity is None and self._definite_modifier(j):  # the span of مصادر مقربة
                    j, end_off = j + 1, self.tokens[j].end
            entity = entity or (self._antecedent_unnamed(m.entry.norm, start_off) if m.entry.get("definite") == "true" and not definite else None)
            if entity is None and kind == "head" and m.entry.get("number") == "sg" \
                    and m.entry.norm.removeprefix(ARTICLE) not in _IMPERSONAL_SOURCES \
                    and (self._holder_after_vague(i, j, g := m.entry.get("gender") or "m") or quoted_holder(self, i, j, g)):
                continue  # وقال المحلل تاماس فارجا، الدبلوماسي «فلان»: the holder is named (محللون, a report: no one is)
            if entity is None:
                loc = self.ctx.loc(start_off, end_off)
                if i in self._role_starts:
                    continue  # نائب رئيس الوزراء العراقي: a role, not an anonymous deputy
                entity = Entity(self.ctx.new_id("u"), "unnamed", loc.text, m.entry.norm,
                                m.entry.get("gender", "m") or "m", vague=True)
                self.entities.append(entity)
            mention = self.add_mention(entity, start_off, end_off, "vague", lexicon=[m.entry.source])
            # وسط أنباء عن: no verb needed; حصيلة أعلنتها مصادر أمنية: a verb that reports a noun (object=noun),
            # with that noun's pronoun, right before the source (not a relay: تصريحات نقلتها وسائل الإعلام)
            before = [t.text for t in self.tokens[max(i - 4, 0):i - 1]]
            mention.is_source = m.entry.get("claims") == "yes" or mention.is_source or m.entry.get("owned") != "from" and (  # مصادرها: من/عن only
                self.res.reports_it(prev, before, any(self._word(x) in _THAT_WORDS for x in range(j, j + 3))) or self._masdar_subject(prev, j, m))
            self._mark(i, j)

    def _anaphoric_documents(self) -> None:
        """وأضاف البيان: «...»، كما وثق التقرير قتل «...»: a definite document noun as the subject of a
        reporting verb refers back to the statement or report the article introduced before (an
        earlier بيان، تقريرا، في بيانها ...), which speaks for its named author. With no earlier
        mention it stays without a source; a report an anonymous source gave (ذكر تقرير) is linked to
        that anonymous source by `_unnamed` first."""
        documents = self.res.document_phrases
        if not documents:
            return
        candidates = []
        for verb in self.ctx.hits("reporting-forms"):
            if verb.entry.get("part") == "participle":
                continue
            i = verb.j
            w = self._word(i)
            if w is None or self.used[i]:
                continue
            head = next((w[len(c):] for c in _DOCUMENT_REFERENCE if w.startswith(c)), None)
            if head not in documents or not self._introduced_before(head, i):
                continue
            candidates.append(self.propose("document", i, i + 1, [verb.entry.source], head))
        for kept in self.claims.decide(candidates):
            i, head = kept.start, kept.data
            loc = self.ctx.loc(self.tokens[i].start, self.tokens[i].end)
            entity = Entity(self.ctx.new_id("o"), "organization", loc.text, ARTICLE + head,
                            "f" if head.endswith(HEH) else "m", role_only=True)
            self.entities.append(entity)
            self.add_mention(entity, self.tokens[i].start, self.tokens[i].end, "name")

    def _introduced_before(self, head: str, i: int) -> bool:
        """The document noun occurs before token i (بيان، بيانا، ببيان، في بيانها، التقرير ...)."""
        def same(t: str) -> bool:
            return t == head or (t.startswith(head) and t[len(head):] in _DOCUMENT_ENDINGS) \
                or (head.endswith(HEH) and t.startswith(head[:-1] + TEH) and len(t) - len(head) <= 2)
        for k in range(i - 1, -1, -1):
            t = self.tokens[k].text
            forms = [t]
            if t.startswith(_CLITIC_ARTICLES):
                forms.append(t[3:])
            elif t.startswith(_ARTICLE_OR_LI_ARTICLE):
                forms.append(t[2:])
            elif t[:1] in NAME_CLITICS:
                forms.append(t[1:])
            if any(same(f) for f in forms):
                if t.startswith(_ANY_DEFINITE):
                    continue  # كما أشاد البيان: itself a reference back; look for the introduction
                # (رسالته، دراستها: ة before a pronoun). The nearest earlier mention must have a named author in
                # its sentence (أصدر الاتحاد الأوروبي بيانا): a report of "an NGO" or of anonymous sources stays anonymous.
                return self._named_in_sentence(k) or self._word(k + 1) in _ISSUED_BY
        return False

    def _named_in_sentence(self, k: int) -> bool:
        sentence = self.ctx.sentence_of(self.tokens[k].start)[0]
        lo, hi = self.ctx.sentence_bounds(sentence)
        if any(lo <= self.tokens[b].start < hi and m.entry.get("kind") != "head" for b, (_, m) in self._body_at.items()):
            return True
        return any(e.kind == "person" and not e.vague and any(
            lo <= self.ctx.norm.to_normalized(m.loc.start) < hi for m in e.mentions) for e in self.entities)

    def _specified_document(self, j: int) -> bool:
        """The words after an indefinite تقرير/دراسة that make it one named document: a definite
        genitive (تقرير الهيئة، دراسة الجمعية), or an indefinite noun and its definite genitive (تقرير
        مؤشرات الأداء). Not an adjective (تقرير صحفي، تقرير حديث صدر) nor a relative clause."""
        w, named = self._word(j), parenthesized_words(self.tokens, j)  # تقرير (بيتك)، دراسة (وزارة الصحة): its issuer
        if named and (j + 1 in self._body_at or not self.res.is_non_name(named[0])):  # (not غير منشور, سري)
            return not any(x.endswith(_NISBA_ENDINGS) for x in named)
        if w is None or self._time_word(j):
            return False  # تقارير اليوم: when, not whose
        vague = self.res.vague_sources
        if self._is_definite(j):
            return w not in _NOT_A_CONSTRUCT and vague.lookup(w) is None and not w.startswith(_MEDIA_STEMS)
        while self._is_construct_noun(w) and (joined := self._word(j + 1)) is not None \
                and joined.startswith(WAW) and not self._is_definite(j + 1):
            # تقارير حكم ومراقب المباراة، حكم و مراقب: several writers of one genitive
            j, w = (j + 2, self._word(j + 2) or "") if joined == WAW else (j + 1, joined[1:])
        nxt = self._word(j + 1)
        return (nxt is not None and self._is_definite(j + 1) and self._is_construct_noun(w)
                and nxt not in _RELATIVES and not nxt.startswith(_MEDIA_STEMS))

    def _is_construct_noun(self, w: str) -> bool:
        """An indefinite word that may head a construct: no adjective, verb or particle."""
        return bool(w) and not w.endswith(_NISBA_ENDINGS) and w not in self.res.vague_modifiers \
            and not _verb_like(w) and w not in self.lex["stopwords"].by_norm

    def _masdar_subject(self, prev: str | None, j: int, hit, reach: int = 4) -> bool:
        """بعد ساعات من إعلان مسؤولين في واشنطن أنها سمحت: the subject of a reporting verb's bare verbal
        noun, with the reported clause right after it, gives the claim; never after a preposition (في تصريح لوسائل إعلام أن: whom he told)."""
        if prev is None or prev not in self.res.subject_masdars or hit.prefix.endswith(PREPOSITION_PREFIXES):
            return False
        return any(self._word(x) in _REPORT_MARKS for x in range(j, min(j + reach, len(self.tokens))))

    def _anonymous_people(self) -> None:
        """وقال سائق أردني: "...": a person described only by a common noun right after a reporting
        verb is an anonymous source; a definite one only with an anonymity phrase right after it
        (وقال السياسي الذي فضل عدم الإشارة إلى اسمه إن «...»)."""
        people = self.lex["people-nouns"]
        candidates = []
        opinions = [v for v in self.ctx.hits("reporting-forms") if v.entry.get("kind") == "opinion" and v.entry.get("part") != "participle"]
        for verb in sorted(self._speech_verbs + opinions + one_of_lead_ins(self), key=lambda v: v.start):  # واعتبر أحد المدونين أن: an opinion too
            i = verb.j
            w = self._word(i)
            if w is None or self.used[i] or i in self._title_at:
                continue
            definite = w.startswith(ARTICLE)
            if definite:
                w = w.removeprefix(ARTICLE)
            j = i + 1
            one_of = w in _ONE_OF and (nxt := self._word(i + 1)) is not None and not self.used[i + 1] \
                and (group := one_of_group(self, i + 1)) is not None \
                and (verb.entry.get("kind") == "statement" or not self._after_preposition(i - 1))  # على وصف أحد العاملين: no speaker
            if one_of:
                w, j = self._word(i + 1), i + 2  # وقال أحد الباعة، إحدى الساكنات: one of a group, unnamed
            if definite and (one_of or not self._anonymous_right_after(i + 1)):
                continue  # وقال الموظف: a person named before; وقال الموظف الذي طلب عدم ذكر اسمه: anonymous
            entry = people.by_norm.get(w.removeprefix(ARTICLE) if one_of else w)
            if entry is None and one_of:
                entry = group  # المسؤولين: a vague head; التقنيين: a nisba plural
            if entry is None or entry.get("number") not in (None, "sg", "pl", "du" if one_of else "pl"):
                continue  # أحد الموظفين: the sound plural after أحد, written like the dual
            j = self._past_modifiers(j)
            k = j
            while k < len(self.tokens) and self._time_word(k):
                k += 1  # قال تجار أوروبيون اليوم الاثنين إن: the time of the statement
            if not ((not one_of and self._reports_at(k)) or report_past_place(self, k, lead_in=verb)):  # his place first (one_of: not لـ«رويترز»)
                anonymity = self._anonymity_then_report(k)
                if anonymity is None and not claim_before(self, verb):
                    continue  # only "وقال سائق أردني: ..." / "... إن" or "حسبما قال سائق": a speaker, not the verb's object
                j = j if anonymity is None else anonymity  # the anonymity phrase is part of the description: no name after it is his
            candidates.append(self.propose("anonymous-person", i, self._before_reserved(i, j), [entry.source], (w, j)))
        for kept in self.claims.decide(candidates):
            i, (w, j) = kept.start, kept.data
            loc = self.ctx.loc(self.tokens[i].start, self.tokens[j - 1].end)
            entity = Entity(self.ctx.new_id("u"), "unnamed", loc.text, w, "m", vague=True)
            self.entities.append(entity)
            self.add_mention(entity, self.tokens[i].start, self.tokens[j - 1].end, "vague", lexicon=list(kept.evidence)).is_source |= self._anonymity_at(kept.end) is not None

    def _anonymous_right_after(self, j: int) -> bool:
        """An anonymity phrase right after a role noun and its adjectives (السياسي السني الذي فضل عدم
        الإشارة إلى اسمه): the role is told without the name on purpose, though definite (issue 13, round 6)."""
        return self._anonymity_at(self._past_modifiers(j)) is not None

    def _past_modifiers(self, j: int) -> int:
        """The token after the vague modifiers and nationalities from token j on (سائق أردني، مسؤول كبير)."""
        nationality = self.res.nationality_forms
        while j < len(self.tokens) and (nxt := self._word(j)) and (
                nxt in self.res.vague_modifiers or nationality.lookup(nxt) is not None):
            j += 1
        return j

    def _before_reserved(self, i: int, j: int) -> int:
        """The end of the tokens i..j a description claims: not the anonymity phrase it ends in
        (طالبا عدم ذكر اسمه), reserved for it before any name was read."""
        while j > i + 1 and self.used[j - 1]:
            j -= 1
        return j

    def _reports_at(self, k: int) -> bool:
        """A colon, a quotation mark or إن/أن within three tokens of token k."""
        return any(self.tokens[x].text in _SPEAKER_REPORT for x in range(k, min(k + 3, len(self.tokens))))

    def _unintroduced_group(self, i: int, m) -> bool:
        """وقال الباحثون إن: a definite plural of people a lead may leave vague (vague-sources
        identified=next), where a source speaks, with no study, report or publishing body (bodies
        publishes=yes) in its paragraph or the one before that it could be the authors of: a group
        nobody introduced, as vague as باحثون."""
        if m.entry.get("number") != "pl" or m.entry.get("identified") != "next" \
                or m.entry.norm.removeprefix(ARTICLE) in _DOCUMENT_SOURCES \
                or not self._speaker_position(i):
            return False
        paragraph = self.ctx.sentence_of(self.tokens[i].start)[1]

        def near(k: int) -> bool:
            return k < i and self.ctx.sentence_of(self.tokens[k].start)[1] >= paragraph - 1
        if any(body.entry.get("publishes") == "yes" and near(k) for k, (_, body) in self._body_at.items()):
            return False
        return not any(h.entry.get("identified") == "next" and near(h.i) for h in self.ctx.hits("vague-sources-all"))

    def _anonymity_then_report(self, k: int, reach: int = 12) -> int | None:
        """وقال أحد المسعفين في موقع الانفجار، طالبا عدم ذكر اسمه "...": anonymity stated outright
        later in the same sentence, right before what he said or at the sentence's end (... حسبما قال
        أحد السكان الذي طلب عدم نشر اسمه.: what he said came first) or right after him (وأبدى أحد العمال فضل
        عدم ذكر اسمه غضبه), makes the role noun the speaker. The token after the anonymity phrase, or None."""
        if k >= len(self.tokens):
            return None
        sentence = self.ctx.sentence_of(self.tokens[k].start)[0]
        for x in range(k, min(k + reach, len(self.tokens))):
            if self.ctx.sentence_of(self.tokens[x].start)[0] != sentence:
                return None
            if (end := self._anonymity_at(x)) is not None:
                ends = end >= len(self.tokens) or self.tokens[end].text in SENTENCE_MARKS \
                    or self.ctx.sentence_of(self.tokens[end].start)[0] != sentence
                return end if ends or x == k or self._reports_at(end) else None
        return None

    def _record(self, i: int, j: int) -> bool:
        """A modifier among tokens i..j-1 that makes a document an institution's public record
        (vague-sources record=yes: وثائق قضائية, court documents), or the definite one right after them
        (للتقارير الطبية: a definite head's adjective, which the modifiers lexicon lists bare)."""
        lex = self.lex["vague-sources"]
        nxt = self._word(j)
        words = [self._word(k) or "" for k in range(i, j)]
        if nxt is not None and nxt.startswith(ARTICLE):
            words.append(nxt.removeprefix(ARTICLE))
        return any((e := lex.lookup(w)) is not None and e.get("record") == "yes" for w in words)

    def _publisher_after(self, j: int, adjectives: int = 2) -> bool:
        """The body that published a document, after ل or من and at most two adjectives (دراسة حديثة لجامعة
        فلوريدا، تقرير رسمي من وزارة الخارجية), or after a verb that says it issued it (دراسة أمريكية حديثة
        أعدتها جامعة ييل). An adjective is an indefinite word of no other class."""
        for k in range(j, min(j + adjectives + 1, len(self.tokens))):
            w = self._word(k)
            if w is None:
                return False
            body = self._body_at.get(k + (w == _PARTITIVE))
            if body is not None:
                return body[1].prefix == LI or (w == _PARTITIVE and not body[1].prefix)
            if w in _DOCUMENT_ISSUED or authored(self, k):
                return True  # أعدتها جامعة ييل، أجراها باحثون من جامعة أوتاوا (document_authors)
            if self._is_definite(k) or w.startswith(PREPOSITION_PREFIXES) or _verb_like(w) \
                    or self.lex["stopwords"].lookup(w) is not None:
                return False
        return False

    def _after_preposition(self, i: int) -> bool:
        """A preposition (stopwords kind=preposition) right before token i or before its quantifier,
        other than those that introduce a source or its origin (عن، من، في: نقلا عن مصادر، مصدر في)."""
        k = i - 1
        if self._after_quantifier(i):
            k -= 2 if self._word(i - 1) == _PARTITIVE else 1
        w = self._word(k)
        entry = self.lex["stopwords"].lookup(w) if w else None
        return entry is not None and entry.get("kind") == "preposition" and w not in _SOURCE_ORIGIN

    def _after_quantifier(self, i: int, whole: bool = False) -> bool:
        """A quantifier (stopwords kind=quantifier: بعض، العديد من، معظم) right before token i; with
        whole, one of the whole group instead (entity-words whole-quantifier: كل، جميع، كافة)."""
        k = i - 1
        if self._word(k) == _PARTITIVE:
            k -= 1
        w = self._word(k)
        entry = self.lex["stopwords"].lookup(w) if w else None
        return entry is not None and entry.get("kind") == "quantifier" and (w in _WHOLE_QUANTIFIERS) == whole

    def _definite_modifier(self, j: int) -> bool:
        """A vague-source modifier with the article at token j (التقارير الإخبارية، المصادر المطلعة)."""
        w = self._word(j)
        return w is not None and w.startswith(ARTICLE) and w.removeprefix(ARTICLE) in self.res.vague_modifiers

    def _time_word(self, k: int) -> bool:
        """اليوم، أمس، الاثنين، مساء: a word that dates a statement (stopwords kind=time, weekdays)."""
        if (w := self._word(k)) is None:
            return False
        stop = self.lex["stopwords"].lookup(w)
        month = self.lex["months"].lookup(w)
        return (stop is not None and stop.get("kind") == "time") or (month is not None and month.get("kind") == "weekday")

    def _anonymity_at(self, j: int) -> int | None:
        m = self.ctx.hit_at("vague-sources-all", j)
        return m.j if m is not None and m.entry.get("kind") == "anonymity" else None

    def _holder_after_vague(self, i: int, j: int, gender: str) -> bool:
        """المحلل تاماس فارجا في بي.في.ام، مدير عام شالكه هورشت هيلدت أن: a role word the vague-source
        lexicon holds, then a name no lexicon knows (two words, perhaps after the body's own name) and
        what surely ends a name: a named person with that role, not an anonymous one. The person is made here."""
        n = len(self.tokens)
        if self.tokens[j - 1].text.endswith(ACCUSATIVE) or not self._speaker_position(i):
            return False  # ويعتبره مسؤولا: an object; كأشهر ممثل سينمائي: not where a source speaks
        for first in (j, j + 1):  # (j + 1: after the body's own name, شالكه)
            if first + 2 >= n or (first > j and (self.tokens[j].kind != "word" or self.res.is_non_name(
                    self.tokens[j].text) or self.tokens[j].text.startswith(PREPOSITION_PREFIXES))):
                return False
            if self.tokens[first].text.startswith(PREPOSITION_PREFIXES):
                continue  # لهيومن رايتس: a preposition on a body's name, not a person's
            if self._unknown_name_word(first, first=True) and self._unknown_name_word(first + 1, first=False) \
                    and not self.tokens[first + 1].text.startswith(WAW) \
                    and self._strong_boundary(first + 2) \
                    and not any(self._written(k).endswith(MARBUTA) for k in (first, first + 1)):
                break  # (مسؤولية شخصية: words in ة are common nouns, not a foreign name)
        else:
            return False
        entity, _ = self.person(first, first + 2, gender)
        title = self.ctx.loc(self.tokens[i].start, self.tokens[first - 1].end)
        self.add_mention(entity, self._name_start_offset(first), self.tokens[first + 1].end, "name",
                         title.text, title, ["vague-sources"])
        self._mark(i, first + 2)
        return True

    def _antecedent_unnamed(self, head: str, before: int) -> Entity | None:
        """The nearest anonymous source before offset `before` with this head's first letters (المسؤول →
        مسؤول حكومي) or its singular (vague-sources singular=: المصدر ذاته → مصادر مطلعة, a broken plural)."""
        singular = self.res.vague_singular(head)
        limit = self.ctx.norm.to_original(before)
        for e in reversed(self.entities[-200:]):  # the nearest anonymous source before it
            if e.kind == "unnamed" and e.mentions and e.mentions[0].loc.start < limit:
                word = e.key.removeprefix(ARTICLE)
                if head[:3] and (word[:3] == head[:3] or self.res.vague_singular(word.split(" ", 1)[0]) == singular):
                    return e
        return None

    def _after_source_preposition(self, i: int) -> bool:
        """A source preposition of source-phrases.txt (حسب، وبحسب، وفقا ل) ends right before token i."""
        hit = self.ctx.hit_at("source-phrases", i - 1) if i > 0 else None
        return hit is not None and hit.j == i and hit.entry.get("kind") == "preposition"

    def _speaker_position(self, i: int) -> bool:
        """Right after a reporting verb or a source phrase (قال، أفاد، عن، بحسب): where an unnamed
        official speaks, not "وظائف محاضر" or a description after a name, nor after سجل (person=no: he scored)."""
        prev = self._word(i - 1)
        return fronted_group(self, i) or prev is not None and (prev in _SOURCE_PREPOSITIONS or ((verb := self.res.reporting_forms.lookup(prev)) is not None and verb.get("person") != "no") or past_gap(self, i))

