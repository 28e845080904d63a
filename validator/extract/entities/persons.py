"""The passes that find persons: bylines and anonymity phrases reserved, public figures, titled
persons, named persons, titles written before a name, holders of a source's title (the speakers whose
names no lexicon knows: `speakers`)."""
from __future__ import annotations

import bisect
from functools import cached_property
from itertools import compress

from validator.extract.addressees import past_quoted_addressee as _past_quoted_addressee
from validator.extract.entities.reader import _LATIN_INITIALS, NameReader
from validator.extract.entities.words import (
    ALLAH,
    HOLDER_WORDS,
    IN_THE_NAME_OF,
    ONE_OF as _ONE_OF,
    RELATIVES as _RELATIVES,
    _KUNYA_HEADS,
    RELATIVE_DESCRIPTION_WORDS,
    TitlePhrase,
    _CLOSING_MARKS,
    _DEFINITE_CLITICS,
    _KIN,
    _NAMED_AFTER,
    _QUOTE_MARKS,
    _QUOTE_OPENERS,
    _REPORT_MARKS,
    _kunya,
)
from validator.extract.letters import (
    ACCUSATIVE,
    ARTICLE,
    COORDINATION_PREFIXES,
    FA,
    IMPERFECT,
    IMPERFECT_OR_FUTURE,
    KA,
    NAME_CLITICS,
    NISBA_ENDING,
    PREPOSITION_CLITICS,
    PRONOUN_SUFFIXES,
    WAW,
)
from validator.extract.patterns.shapes import adverbial as _adverbial_shape
from validator.extract.patterns.shapes import common_word_shape, verb as _verb_like
from validator.extract.model import Mention
from validator.extract.wordclasses import one_word, word_class
from validator.text.lexicon import LexEntry, LexMatch
from validator.text.punctuation import COMMAS, SENTENCE_MARKS

_SPEAK_STEM = one_word("entity-words", "speak-stem")     # تحدث
_APPOSITION_PRONOUNS = word_class("entity-words", "apposition-pronoun")  # وهو، وهي
_AFFILIATION_PREPOSITIONS = word_class("entity-words", "affiliation-preposition")  # من، في، لدى
_DESCRIPTION_END = word_class("entity-words", "description-end")  # أن، أنه، أنها، بأن
_AFTER_SPEAKER = word_class("entity-words", "after-speaker")  # خلال، بعد، أمام ...
_NAME_TAKERS = word_class("entity-words", "name-taker")  # جامعة، شارع، الملك، ابن ...
_NAME_PREFIXES = ("", WAW, FA)  # the clitics a name may carry where it is introduced
_KA_ARTICLE = KA + ARTICLE     # كال
_BI_LI_WA = PREPOSITION_CLITICS | {WAW}
COLUMN_BYLINE_WORDS = 4  # a column writer's name alone on the body's first line: at most this many words
APPOSITION_REPORT_WORDS = 7  # words between a name closed by a comma and its report (لوكالة الصحافة الفرنسية أن)
_CLAUSE_ENDS = SENTENCE_MARKS | COMMAS  # where a trailing source's holder ends (بحسب حاكم المنطقة فلان.)


class PersonPasses(NameReader):
    """Person-finding passes, run in the order EntityExtractor.run gives."""

    def _byline(self) -> list:
        """A byline (reporter - outlet - city:) opens the first paragraph: not a person in the story."""
        column = self._column_byline()
        dateline = self.ctx.doc.dateline
        if dateline is None or not dateline.agency:
            return column
        end = self.ctx.norm.to_normalized(dateline.end)
        j = next((tok.index for tok in self.tokens if tok.start >= end), len(self.tokens))
        return column + ([self.propose("reserved", 0, j, ["dateline"])] if j else [])

    def _column_byline(self) -> list:
        """سامي الراشد: الملاعب تنتظر جماهيرها / سامي الراشد: a column's headline opens with its writer's
        name and a colon, and the body's first line is that name alone. The writer is no person cited."""
        doc, texts = self.ctx.doc, self.ctx.texts
        if doc.headline is None or len(doc.paragraphs) < 2:
            return []
        to_norm, index = self.ctx.norm.to_normalized, self.ctx.index
        b = index.at_or_after(to_norm(doc.paragraphs[1].start))
        e = index.at_or_after(to_norm(doc.paragraphs[1].end))
        n = e - b
        if not 2 <= n <= COLUMN_BYLINE_WORDS or texts[:n] != texts[b:e] or n >= len(texts) or texts[n] != ":" \
                or any(self.tokens[k].kind != "word" for k in range(b, e)):
            return []
        return [self.propose("reserved", 0, n, ["column-byline"]), self.propose("reserved", b, e, ["column-byline"])]

    def _anonymity_phrases(self) -> list:
        """"طلب عدم الكشف عن اسمه" is never a name; the unnamed-source pass attaches it to its head."""
        return [self.propose("reserved", m.i, m.j, [m.entry.source])
                for m in self.ctx.hits("vague-sources-all") if m.entry.get("kind") == "anonymity"]

    def _public_figures(self) -> None:
        """Names from the public-figures lexicon are persons wherever they appear."""
        candidates = []
        for m in self.ctx.hits("public-figures"):
            i, j = m.i, m.j
            if any(self.used[i:j]):
                continue
            title, title_loc, lex = None, None, [m.entry.source]
            start = i
            for t, (end, tm) in self._title_at.items():
                if t < i and not self.used[t] and tm.entry.get("kind") != "honorific":
                    phrase = self.parse_title(t)
                    if phrase is not None and phrase.end in (i, i - 1):
                        titles = self._title_text(phrase)
                        if titles:
                            title, title_loc, src = titles[0]
                            lex.append(src)
                            start = t
            candidates.append(self.propose("public-figure", start, j, lex, (m, title, title_loc)))
        for kept in self.claims.decide(candidates):
            m, title, title_loc = kept.data
            entity, _ = self.person(m.i, m.j, m.entry.get("gender", "m") or "m")
            self.add_mention(entity, m.start, m.end, "name", title, title_loc, list(kept.evidence))

    def _mark(self, i: int, j: int) -> None:
        self.claims.hold(i, j)

    def _titled_persons(self) -> None:
        self.title_only: list[TitlePhrase] = []
        n = len(self.tokens)
        starts = sorted(self._title_at)  # a title phrase starts only where a title matched
        candidates = []
        k = 0
        while k < len(starts):
            i = starts[k]
            k += 1
            phrase = self.parse_title(i)
            if phrase is None:
                continue
            head_end = phrase.roles[0][1]
            if phrase.roles[0][2].entry.get("kind") == "relation" and head_end in self._title_at \
                    and self._title_at[head_end][1].entry.get("kind") == "role":
                i += 1  # شقيقة الفنان خالد أبوالنجا: the name is the artist's; the relation is someone else's
                continue
            j = phrase.end
            if j < n and self.tokens[j].text in "،,":  # قائد "فيلق القدس" الإيراني، قاسم سليماني
                j += 1
                if self.tokens[j].text.startswith(WAW) if j < n else False:
                    self.title_only.append(phrase)  # عضو مجلس الشورى، ومحمد العفالق: the next person of a list
                    k = bisect.bisect_left(starts, phrase.end, k)
                    continue
                w = self._word(j)
                if w and w.startswith(ARTICLE) and w.endswith(NISBA_ENDING) and len(w) > 4 \
                        and self._word(j + 1) in self.res.given_names.by_norm:
                    j += 1  # رئيس مجلس النواب، الجمهوري جون بينر: a party or nisba before the name
            if j == phrase.end and self._named_after_body(j):
                self.title_only.append(phrase)  # نائب المدير التنفيذي لمؤسسة سالم بن محفوظ: the body's name
                k = bisect.bisect_left(starts, phrase.end, k)
                continue
            role_words = len(phrase.roles[0][2].entry.norm.split())
            strong = phrase.end - phrase.start > role_words or len(phrase.roles) > 1
            quoted_end = self._quoted_name_end(j) if phrase.definite or strong else None
            if quoted_end is not None and self._verified(j + 1) and self.parse_name(
                    j + 1, after_title=True, strong_title=True) == quoted_end - 1:
                j += 1  # قائد الحوثيين في عدن «عبدالخالق الحوثي»: the name in quotation marks
            name_end = self.parse_name(j, after_title=True, strong_title=strong,
                                       bare_title=phrase.end - phrase.start == 1 and not phrase.definite)
            if name_end > j:
                titles = self._title_text(phrase)
                candidates.append(self.propose("titled-person", phrase.start, name_end, [t[2] for t in titles],
                                               (phrase, j, titles), nests=(head_end, j)))
                # (the title's complement may contain a name found before: وزيرة القضاء في حكومة نتنياهو)
                k = bisect.bisect_left(starts, name_end, k)
            else:
                self.title_only.append(phrase)
                k = bisect.bisect_left(starts, phrase.end, k)
        for kept in self.claims.decide(candidates):
            (phrase, j, titles), name_end = kept.data, kept.end
            entity, _ = self.person(j, name_end, phrase.gender)
            honorifics = self._honorifics(phrase)
            first_title = titles[0] if titles else (honorifics[0] if honorifics else None)
            m = self.add_mention(entity, self._name_start_offset(j), self.tokens[name_end - 1].end, "name",
                                 first_title[0] if first_title else None, first_title[1] if first_title else None,
                                 list(kept.evidence))
            m.title_kind = (phrase.roles[0][2].entry.get("kind") if titles else "honorific") if first_title else None
            m.courtesy = not titles and all(r[2].entry.get("describes") in ("no", "framed") for r in phrase.roles)
            m.folk = m.courtesy and any(r[2].entry.get("describes") == "framed" for r in phrase.roles)
            if m.courtesy:  # --explain shows the honorific that is no title
                m.lexicon.extend(src for _text, _loc, src in honorifics)
            for text, _loc, _src in titles[1:] + honorifics:
                if text not in entity.titles:
                    entity.titles.append(text)

    def _named_persons(self) -> None:
        """Persons introduced by a given name (or, with a morphology database, a proper noun),
        with or without an apposition title after it."""
        for m in self._name_starts():
            i = m.i
            if i >= len(self.tokens) or self.used[i]:
                continue
            if m.prefix not in _NAME_PREFIXES:
                continue  # سجون is not س + جون: a name takes no future or prepositional clitic here
            if self.tokens[i].text == IN_THE_NAME_OF and i > 0 and ((i - 1) in self._title_at
                                                                  or _SPEAK_STEM in (self._word(i - 1) or "")):
                continue  # متحدث باسم أولمرت، يتحدثون باسم المذهب: "in the name of", not the name باسم
            if i in self._title_at and self._title_at[i][0] - i >= 2:
                continue  # أمير منطقة عسير، أمين عام الجامعة: a title of two words starts here, not a name
            if self._in_place_or_body_name(i) and self._word(i - 1) not in _KUNYA_HEADS:
                if self._word(i - 1) in _NAMED_AFTER or (self._word(i - 1) or " ")[1:] in _NAMED_AFTER:
                    # the whole name is the body's: held, no person
                    self.claims.decide([self.propose("named-person", i, max(i + 1, self.parse_name(i, after_title=False)),
                                                     [m.entry.source])])
                continue
            before_word = self._word(i - 1)
            after_verb = (before_word is not None and (self.res.reporting_forms.lookup(before_word) is not None
                                                       or self._reported_subject(i))) or i in self._past_told_outlet
            if _kunya(self._word(i - 1)) and not self.used[i - 1]:
                i -= 1  # a kunya: أم محمد، أبو أحمد، وأبو غسان، لأبي خليل
            end = self.parse_name(i, after_title=self._after_titled_place(i), after_verb=after_verb)
            if end - i < 2 or (after_verb and not self._verified(i + 1) and common_word_shape(self._word(i + 1))
                               and self._named_before(i)):
                continue  # (وانتقد عباس صدور ...: the family name of محمود عباس named before, then the verb's object)
            title = None
            title_loc = None
            described = (end, end)  # the apposition after the name that says who the person is
            lex: list[str] = [m.entry.source]
            k = end
            if k < len(self.tokens) and self.tokens[k].text in _CLOSING_MARKS and i > 0 \
                    and self.tokens[i - 1].text in _QUOTE_OPENERS:
                k += 1  # كان "ستيفن داولينغ" كاتبا: the closing mark of a quoted name
            if k < len(self.tokens) and self.tokens[k].text in "،,(-":
                k += 1
            nat = self._nationality_before(i)
            if nat is not None:
                title, title_loc = nat.text, nat
            phrase = self.parse_title(k)
            if phrase is not None and k > end and phrase.roles[0][2].prefix.startswith(WAW):
                phrase = None  # وليام كوهين، ورئيس هيئة الأركان: the next item of a list, not an apposition
            if phrase is not None and phrase.roles[0][2].entry.get("kind") != "honorific":
                titles = self._title_text(phrase)
                if titles:
                    title, title_loc, src = titles[0]
                    lex.append(src)
                described = (k, phrase.end)
            elif self._word(k) in _APPOSITION_PRONOUNS and (phrase := self.parse_title(k + 1)) is not None:
                # الان ديشويتز وهو أستاذ في جامعة هارفرد
                titles = self._title_text(phrase)
                if titles:
                    title, title_loc, src = titles[0]
                    lex.append(src)
                described = (k, phrase.end)
            elif self._word(k) in _APPOSITION_PRONOUNS and self._describes(k + 1):
                # نانسي بيرم، وهي موظفة في مصرف: a description in apposition says who is speaking
                end_desc = self._complement(k + 2, after_body=True)
                title_loc = self.ctx.loc(self.tokens[k + 1].start, self.tokens[end_desc - 1].end)
                title = title_loc.text
                described = (k, end_desc)
            elif self._word(k) in _AFFILIATION_PREPOSITIONS and (k + 1) in self._body_at \
                    and not self._body_at[k + 1][1].prefix.startswith(COORDINATION_PREFIXES):
                # تييري فيركولون من مجموعة الأزمات الدولية: the body he speaks for is his affiliation
                end_desc = self._complement(self._body_at[k + 1][0], after_body=True)
                title_loc = self.ctx.loc(self.tokens[k].start, self.tokens[end_desc - 1].end)
                title = title_loc.text
                lex.append(self._body_at[k + 1][1].entry.source)
            elif self._predicate_title(k):
                # اختير أندريه أندرسن رئيسا بالإنابة لشرطة المدينة: the role the sentence gives him
                end_desc = self._complement(k + 1, after_body=True)
                title_loc = self.ctx.loc(self.tokens[k].start, self.tokens[end_desc - 1].end)
                title = title_loc.text
            elif (relative_end := self._relative_description(k)) is not None:
                # معين شمشوم الذي أسس فرقة موال النصراوية: a relative clause that names his role or body
                title_loc = self.ctx.loc(self.tokens[k].start, self.tokens[relative_end - 1].end)
                title = title_loc.text
            elif self._word(k) in _ONE_OF and self._word(k + 1):
                # "عبدالله البلوي، أحد مرتادي الطريق": a description that says who is speaking
                end_desc = self._complement(k + 2, after_body=True)
                title_loc = self.ctx.loc(self.tokens[k].start, self.tokens[end_desc - 1].end)
                title = title_loc.text
                described = (k, end_desc)
            # read left to right, each name decided as it is read: a name start inside one is part of it
            # (the apposition's description may contain names found before: nested)
            if not self.claims.decide([self.propose("named-person", i, max(end, described[1]), lex, nests=described)]):
                continue
            entity, _ = self.person(i, end, m.entry.get("gender", "m") or "m")
            self.add_mention(entity, self._name_start_offset(i), self.tokens[end - 1].end, "name", title,
                             title_loc, lex)

    @cached_property
    def _past_told_outlet(self) -> frozenset[int]:
        """The tokens right after the quoted outlet a reporting verb's speaker told (وكشف لـ«الصحيفة» فلان):
        where its subject stands, as right after the verb."""
        return frozenset(k for v in self.ctx.hits("reporting-forms")
                         if (k := _past_quoted_addressee(self.ctx, v.j)) != v.j)

    def _named_before(self, i: int) -> bool:
        """The word at token i ends the full name of a person mentioned before it."""
        w, at = self._word(i), self.ctx.norm.to_original(self.tokens[i].start)
        return any(e.kind == "person" and e.key.endswith(" " + w) and e.mentions and e.mentions[0].loc.start < at
                   for e in self.entities)

    def _reported_subject(self, i: int) -> bool:
        """أما أمين العلي فقد أكد: a clause opener before the name and its reporting verb right after a
        name of two or three words (people.pattern subject-before-name, speech-verb-after-name) make it
        the verb's subject, evidence of a name as a reporting verb before it is (أمين، جميل: everyday
        words that start a name only with evidence)."""
        patterns = self.ctx.patterns
        if patterns.label_at("subject-before-name", i - 1) is None:
            return False
        return any(all(self.tokens[j].kind == "word" for j in range(i, k))
                   and patterns.label_at("speech-verb-after-name", k) is not None
                   for k in range(i + 2, min(i + 4, len(self.tokens))))

    def _predicate_title(self, k: int) -> bool:
        """رئيسا، مدربا، كاتبا right after a name: a role in the accusative, what the person was made,
        named or is (اختير فلان رئيسا، عُيّن مديرا، كان كاتبا)."""
        w = self._word(k)
        if w is None or len(w) < 4 or not self.tokens[k].text.endswith(ACCUSATIVE) or k in self._title_at:
            return False
        entry = self.lex["titles"].by_norm.get(w[:-1])
        return entry is not None and entry.get("kind") in ("role", "rank")

    def _relative_description(self, k: int) -> int | None:
        """الذي أسس فرقة موال النصراوية، التي تعمل في مصرف الراجحي: a relative clause right after a name
        says who the person is when, within a few words, it names a role or a body. The token after it."""
        if self._word(k) not in _RELATIVES:
            return None
        n = len(self.tokens)
        for j in range(k + 2, min(k + 2 + RELATIVE_DESCRIPTION_WORDS, n)):
            if self.tokens[j].kind != "word" and self.tokens[j].text not in _QUOTE_MARKS:
                return None  # the clause ended (a comma, a full stop) before naming a role
            if j in self._title_at or j in self._body_at:
                end = j + 1
                while end < n and self.tokens[end].kind == "word" and end - k <= 2 * RELATIVE_DESCRIPTION_WORDS \
                        and self.res.reporting_forms.lookup(self.tokens[end].text) is None \
                        and self.tokens[end].text not in _DESCRIPTION_END:
                    end += 1
                return end
        return None

    def _describes(self, j: int) -> bool:
        """An indefinite noun after وهو/وهي (موظفة، عروس، عالم، طالب): what the person is. Not a verb
        (وهو يقول، وهي تعمل), a function word (وهو ما، وهي التي) or a definite word (وهو الأمر)."""
        w = self._word(j)
        return w is not None and len(w) >= 3 and not w.startswith(ARTICLE) and not _verb_like(w) \
            and w[0] not in IMPERFECT_OR_FUTURE and not self.res.is_non_name_strict(w) \
            and w not in self.lex["stopwords"].by_norm

    def _titled_before(self) -> None:
        """وقال تسيبراس بعد اجتماعه: «...» after رئيس الوزراء تسيبراس: one word no lexicon knows, as the
        subject of a speech verb whose report follows at once, is a person's name when the article
        wrote the same word right after a title before (the title is its first mention's)."""
        n = len(self.tokens)
        if not self._title_at:
            return
        title_ends: dict[int, TitlePhrase] | None = None  # read at the first speaker that needs them (few
        # articles have one): where each title phrase ends, with the tokens held as at this pass's start
        for verb in self._speech_verbs:
            i = verb.j
            if i + 1 >= n or not self._unknown_name_word(i, first=False) or _adverbial_shape(self.tokens[i].text):
                continue
            nxt = self.tokens[i + 1].text
            if nxt not in _REPORT_MARKS and nxt not in _AFTER_SPEAKER:
                continue
            if title_ends is None:
                title_ends = {}
                for t in self._title_at:
                    phrase = self.parse_title(t)
                    if phrase is not None and phrase.roles[0][2].entry.get("kind") != "honorific":
                        title_ends.setdefault(phrase.end, phrase)
            if not title_ends:
                return
            w = self.tokens[i].text
            found = None
            for k in compress(range(i), map(w.__eq__, self.ctx.texts[:i])):  # the same word before, found in C
                if self.used[k]:
                    continue
                # right after the title (رئيس الوزراء تسيبراس), or after it, a comma and a first name
                # (مدرب المنتخب الإسباني، تشابير أزكارغورتا)
                for start in (k, k - 1, k - 2):
                    if not all(self._unknown_name_word(x, first=x == start) for x in range(start, k)):
                        continue
                    if start > 0 and self.tokens[start - 1].text in "،,":
                        # the rest of a long title's complement may stand before the comma
                        ends = [e for e in range(start - 1, max(start - 7, -1), -1)
                                if e in title_ends and all(self.tokens[x].kind == "word" for x in range(e, start - 1))]
                        e = ends[0] if ends else None
                    else:
                        e = start
                    if e is not None and e in title_ends:
                        found = (start, k, title_ends[e])
                        break
                if found:
                    break
            if found is None:
                continue
            start, k, phrase = found
            titles = self._title_text(phrase)
            if not titles or any(self.used[phrase.start:k]):
                continue
            title, title_loc, src = titles[0]
            if len(self.claims.decide([self.propose("titled-before", phrase.start, k + 1, [src]),
                                       self.propose("titled-before", i, i + 1, [verb.entry.source])])) < 2:
                continue  # (the name after the title and the speaker it names: both were read free)
            entity, _ = self.person(start, k + 1, phrase.gender)
            self.add_mention(entity, self._name_start_offset(start), self.tokens[k].end, "name", title, title_loc,
                             [src, verb.entry.source])
            self.add_mention(entity, self._name_start_offset(i), self.tokens[i].end, "surname" if k > start else "name")

    def _source_holders(self) -> None:
        """...، بحسب حاكم المنطقة نغوبو تشيكاري.: a title right after a source preposition (بحسب، وفق)
        and two or more words no lexicon knows that end the sentence or clause name the title's holder,
        the source of what the sentence reports (a quotation in it is his)."""
        for m in self.ctx.hits("source-phrases"):
            i = m.j
            if m.entry.get("kind") != "preposition" or i not in self._title_at or self.used[i]:
                continue
            phrase = self.parse_title(i)
            if phrase is None or phrase.roles[0][2].entry.get("kind") == "honorific":
                continue
            start = phrase.end  # the title's definite complement the title reader left (حاكم المنطقة)
            while start < phrase.end + 2 and self._word(start) and self._word(start).startswith(ARTICLE) \
                    and not self._unknown_name_word(start, first=True):
                start += 1
            self._holder_then_report(m, i, phrase, ends=_CLAUSE_ENDS, min_words=2, start=start)

    def _title_then_holder(self, verb: LexMatch, i: int) -> bool:
        """وقال نائب الرئيس للمبيعات في الشرق الأوسط وأفريقيا، كارلوس ميندوزا: «...»: a long title
        right after the verb, a comma, then its holder's name (words no lexicon knows) and the report."""
        phrase = self.parse_title(i)
        if phrase is None or phrase.roles[0][2].entry.get("kind") == "honorific":
            return False
        n = len(self.tokens)
        k = phrase.end
        while k < n and k - phrase.end < 6 and self.tokens[k].kind == "word" \
                and self.res.reporting_forms.lookup(self.tokens[k].text) is None:
            k += 1  # the rest of the title's complement: وأفريقيا، بالمملكة
        if k < n and self.tokens[k].text not in "،," and self._holder_then_report(verb, i, phrase):
            return True
        if k >= n or self.tokens[k].text not in "،," or any(self.used[i:k]):
            return False
        start = j = k + 1
        titles = self._title_text(phrase)
        if not titles:
            return False
        title_loc = self.ctx.loc(self.tokens[i].start, self.tokens[k - 1].end)
        known = self._mention_at(start)
        if known is not None:  # a name the lexicons know: it gets the title written before it
            mention, j = known
            if mention.title is not None or j >= n or self.tokens[j].text not in _REPORT_MARKS:
                return False
            mention.title, mention.title_loc = title_loc.text, title_loc
            entity = next(e for e in self.entities if e.id == mention.entity)
            if title_loc.text not in entity.titles:
                entity.titles.append(title_loc.text)
            self._mark(i, k + 1)
            return True
        while j < n and j - start < 4 and self._unknown_name_word(j, first=j == start):
            j += 1
        if j - start >= 2 and self._closed_apposition_report(j):
            pass  # قائد شرطة لامو، كريسبوس موتالي، لوكالة الصحافة الفرنسية أن: the name between two commas
        elif j == start or j >= n or self.tokens[j].text not in _REPORT_MARKS \
                or (j - start == 1 and _adverbial_shape(self.tokens[start].text)):
            return False
        if not self.claims.decide([self.propose("introduced-speaker", i, j, [verb.entry.source, titles[0][2]],
                                                nests=(phrase.roles[0][1], k))]):
            return True  # (as before: the verb is read, no other reading of it)
        entity, _ = self.person(start, j, phrase.gender)
        self.add_mention(entity, self._name_start_offset(start), self.tokens[j - 1].end, "name",
                         title_loc.text, title_loc, [verb.entry.source, titles[0][2]])
        return True

    def _closed_apposition_report(self, j: int) -> bool:
        """A comma at j closes the name in apposition after a title, and within a few words no reporting
        verb, comma or full stop comes before the report (أن، إن، :، a quotation): لوكالة الصحافة الفرنسية
        أن، في مؤتمر صحفي إن."""
        n = len(self.tokens)
        if j >= n or self.tokens[j].text not in "،,":
            return False
        for k in range(j + 1, min(j + 1 + APPOSITION_REPORT_WORDS, n)):
            if self.tokens[k].text in _REPORT_MARKS:
                return True
            if self.tokens[k].kind != "word" or self.res.reporting_forms.lookup(self.tokens[k].text) is not None:
                return False
        return False

    def _holder_then_report(self, verb: LexMatch, i: int, phrase: TitlePhrase, ends=_REPORT_MARKS,
                            min_words: int = 1, start: int | None = None) -> bool:
        """وكشفت الممثلة منة شلبي أن ...، وقال المدرب ماركو سيلفا: «...»: a title right after a speech
        verb, then at once (or at `start`, after the title's complement) words no lexicon knows, then
        the report (أن، إن، :، a quotation): the words are the title's holder, the verb's subject."""
        n = len(self.tokens)
        start = j = phrase.end if start is None else start
        if start >= n or any(self.used[i:start]) or self._mention_at(start) is not None:
            return False
        while j < n and j - start < HOLDER_WORDS and self._unknown_name_word(j, first=j == start):
            j += 1
        if j - start < min_words or j >= n or self.tokens[j].text not in ends \
                or (j - start == 1 and _adverbial_shape(self.tokens[start].text)):
            return False
        titles = self._title_text(phrase)
        if not titles:
            return False
        title, title_loc, src = titles[0]
        if not self.claims.decide([self.propose("introduced-speaker", i, j, [verb.entry.source, src],
                                                nests=(phrase.roles[0][1], start))]):
            return True
        entity, _ = self.person(start, j, phrase.gender)
        self.add_mention(entity, self._name_start_offset(start), self.tokens[j - 1].end, "name", title, title_loc,
                         [verb.entry.source, src])
        return True

    def _mention_at(self, i: int) -> tuple[Mention, int] | None:
        """The person's name mention that starts at token i, and the token after it."""
        tok = self.tokens[i]
        found = [(order, k, m) for at in range(tok.start, tok.end) for e, k, m in self._names_at.get(at, ())
                 if e.kind == "person" and (order := self._entity_order(e)) is not None]
        if not found:
            return None
        _, _, m = min(found, key=lambda f: (f[0], f[1]))  # the first in the entities' and mentions' order
        end = self.ctx.norm.to_normalized(m.loc.end)
        j = i
        while j < len(self.tokens) and self.tokens[j].start < end:
            j += 1
        return m, j

    def _unknown_name_word(self, j: int, first: bool) -> bool:
        """A word no lexicon knows and that has no shape of a common word: a foreign or rare name."""
        w = self._word(j)
        if w is None or len(w) < (3 if first else 2) or self.used[j] or self.res.is_non_name(w) or w in _KIN:
            return False  # (a short family name after the first: كومبا با; زوج المعلمة is a relation)
        if j in self._lexicon_starts:
            return False
        if self.ctx.hit_at("vague-sources-all", j) is not None or w in self.lex["people-nouns"].by_norm \
                or self.res.reporting_forms.lookup(w) is not None or self._written(j) in self.res.stopwords_as_written:
            return False
        if w.startswith(_KA_ARTICLE) and not self.res.is_non_name(w[1:]):
            pass  # كاليانا: a name that only looks like ك + ال (كالعادة is "as usual")
        elif w.startswith(_DEFINITE_CLITICS) and not (w.startswith(ARTICLE) and self._surname_like(w) and not first):
            return False  # وقال المنظمون، وقالت الصحيفة: a common noun (a nisba may end a name: جاك الخوري)
        written = self._written(j)
        if self._has_tanween(self.tokens[j]) \
                or (len(written) > 4 and written.endswith(PRONOUN_SUFFIXES) and not written.endswith(ALLAH)):
            return False  # عقب اجتماعه: a noun with a pronoun, not a name
        if self.bi_phrase(w):
            return False  # وقال المدرب بغضب: «...»، ووعد بتحقيق «...»: what he does, how he speaks
        if first and any(len(x) == 4 and x[2] == WAW for x in (w, w[1:] if w[0] in _BI_LI_WA else "")):
            return False  # وقال بحضور ...، بوجود ...: a verbal noun of the pattern فعول, not a name
        return not (first and w[0] in IMPERFECT and len(w) >= 4 and _verb_like(w))

    def _name_starts(self):
        starts = list(self.ctx.hits("given-names"))
        if self.res.morphology is not None:
            known = {m.start for m in starts}
            for tok in self.tokens:
                if tok.kind == "word" and tok.start not in known and self._proper_noun(tok.text):
                    starts.append(LexMatch((tok.start, tok.end, "", LexEntry(tok.text, tok.text, {}, "morphology"),
                                            tok.index, tok.index + 1)))
        known = {m.start for m in starts}
        for tok in self.tokens[:-1]:  # بي كي باتنايك: two written-out Latin initials open a foreign name
            if tok.start not in known and self._word(tok.index) in _LATIN_INITIALS and self._word(tok.index + 1) in _LATIN_INITIALS:
                starts.append(LexMatch((tok.start, tok.end, "", LexEntry(tok.text, tok.text, {}, "initials"), tok.index, tok.index + 1)))
        starts.sort(key=lambda m: m.start)
        return starts

    def _nationality_before(self, i: int):
        """الصربي ألكسندر ميتروفيتش: a definite nationality right before a name describes the person."""
        for j, (end, m) in self._nationality_at.items():
            if end == i and self.tokens[j].text.startswith(ARTICLE) and not self.used[j]:
                return self.ctx.loc(m.start, m.end)
        return None

    def _after_titled_place(self, i: int) -> bool:
        """A place ends right before token i and a title starts at most three words before the place
        (a director of a city's branch, then his name): the name there is the title's holder."""
        return any(end == i and any(t in self._title_at for t in range(max(0, k - 3), k))
                   for k, (end, _) in self._place_at.items())

    def _in_place_or_body_name(self, i: int) -> bool:
        prev = self._word(i - 1)
        if prev is None:
            return False
        if prev in _NAME_TAKERS or self._named_after_body(i):
            return True  # شركة أبناء عبدالله الخضري، مؤسسة سالم الخيرية: not the person
        return (i - 1) in self._body_at

    def _named_after_body(self, i: int) -> bool:
        """The word before token i is a body named after a person (مؤسسة، لمؤسسة، شركة): the name at i
        is the body's, not a person the title before it belongs to."""
        prev = self._word(i - 1)
        if prev is None:
            return False
        bare = prev[1:] if prev[0] in NAME_CLITICS and prev[1:] in _NAMED_AFTER else prev
        return bare in _NAMED_AFTER

    def _construct_title(self, j: int) -> bool:
        """رئيس أتلتيكو مدريد، مدير جمعية ويلكام: a title whose complement follows it in construct, definite
        by what it is the title of (a role, not an honorific)."""
        phrase = self.parse_title(j)
        return phrase is not None and phrase.roles[0][2].entry.get("kind") == "role" \
            and (phrase.end > phrase.roles[0][1] or self._unknown_name_word(phrase.end, first=True))
