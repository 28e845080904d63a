"""Later mentions of a person already found: by surname or full name (spelling variants included)
and by a title alone (الوزير) linked to its holder."""
from __future__ import annotations

from validator.extract.entities.one_of_office import one_of_office_end
from validator.extract.entities.role_named_next import role_named_next
from validator.extract.entities.unnamed import _NISBA_ENDINGS, UnnamedPasses
from validator.extract.entities.words import COMPOUND_FIRST, TitlePhrase, _DEMONSTRATIVES, _OWN_TEXT, _spelling_variant
from validator.extract.letters import (
    ARTICLE, MARBUTA, NAME_CLITIC_PREFIXES, PREPOSITION_PREFIXES, PRONOUN_SUFFIXES, TEH, VERBAL_NOUN_TEMPLATES, fits_template,
)
from validator.extract.model import Entity
from validator.extract.resources import loose_key
from validator.text.normalize import normalize_cached
from validator.text.wordcache import WordCache
from validator.extract.wordclasses import word_class

_SUFFIXES_LONGEST_FIRST = tuple(sorted(PRONOUN_SUFFIXES, key=len, reverse=True))  # هما before ها

_KANA = word_class("attribution-words", "kana")  # كان، وكان
_QAD = word_class("attribution-words", "qad")    # قد


def _title_words(title: str) -> frozenset[str]:
    """A title's words as `_antecedent_person` compares them: normalized, without the article."""
    return frozenset(w.removeprefix(ARTICLE) for w in normalize_cached(title).split())


_TITLE_WORDS = WordCache(_title_words, 20_000)  # once per run for each title as written


def _names_group(group_title: tuple[str, str]) -> bool:
    """Whether a title (as written) is one of a title group (وزير: وزير الخارجية، الوزيرة)."""
    group, title = group_title
    words = _TITLE_WORDS[title]
    if " " in group:  # أمير منطقة: a role of two words is named by a title holding both (أمير منطقة عسير)
        return _TITLE_WORDS[group] <= words
    return group in words or any(w.startswith(group) for w in words)


_NAMES_GROUP = WordCache(_names_group, 20_000)  # (group, title) -> whether it names the group, once per run


class MentionPasses(UnnamedPasses):
    """Passes that link later mentions to persons already found."""

    def _token_forms(self, first_words: set[str]) -> dict[str, list[tuple[int, str]]]:
        """Word tokens that read as one of `first_words`, whole or with a single-letter clitic split
        off (وحسين), as form -> [(token index, clitic)] in token order. Only the few words the
        persons' names start with are looked for, where the article's index of token texts has them."""
        readings: dict[str, list[tuple[str, str]]] = {}
        for form in first_words:
            readings.setdefault(form, []).append((form, ""))
            if len(form) > 2:
                for clitic in NAME_CLITIC_PREFIXES:
                    readings.setdefault(clitic + form, []).append((form, clitic))
        by_form: dict[str, list[tuple[int, str]]] = {}
        for i in self.ctx.positions(readings):
            if self.tokens[i].kind == "word":
                for form, clitic in readings[self.tokens[i].text]:
                    by_form.setdefault(form, []).append((i, clitic))
        return by_form

    def _loose_spellings(self, keys: set[str]) -> dict[str, set[str]]:
        """loose key -> the article's words (a single-letter clitic split off) with that key, for
        the keys asked: بيدرسون and بيدرسن share one."""
        by_loose: dict[str, set[str]] = {}
        if not keys:
            return by_loose
        readings = self.res.loose_readings
        # only the words with a key asked are read in Python (a few of hundreds): found by set operations
        for w in self.res.loose_keys.words_with(self.ctx.distinct_texts, keys):
            for key, word in readings[w]:
                if key in keys:
                    by_loose.setdefault(key, set()).add(word)
        return by_loose

    def _surname_mentions(self) -> None:
        """Later mentions of a person by surname (وصرح حسين), by full name, or by a surname spelled
        another way (بيدرسون for بيدرسن: the same person, which the spelling rule then reports)."""
        persons = [e for e in self.entities if e.kind == "person" and not e.role_only]
        if not persons:
            return
        particles = self.lex["name-particles"].by_norm
        by_loose = self._loose_spellings({key for e in persons if len(e.key.split()) >= 2
                                          and len(key := loose_key(e.key.split()[-1])) >= 4})
        forms_by_person = []
        for entity in persons:
            parts = entity.key.split()
            forms = {entity.key}
            if len(parts) >= 2:
                surname = parts[-1]
                if parts[-2] in particles or parts[-2] in COMPOUND_FIRST.get(parts[-1], ()):
                    surname = parts[-2] + " " + surname if len(parts) >= 3 else ""  # عبد الله is one name
                name_words = [w for w in parts if w not in particles]
                if len(surname) >= 3 and not self.res.is_non_name(surname) and len(name_words) <= 3:
                    forms.add(surname)  # (a longer "name" more likely ran into the next words)
                loose = loose_key(parts[-1])
                if len(loose) >= 4:
                    forms.update(w for w in by_loose.get(loose, ()) if not self.res.is_non_name(w)
                                 and _spelling_variant(w, parts[-1]))
            forms_by_person.append(sorted(forms, key=len, reverse=True))
        by_form = self._token_forms({form.split()[0] for sorted_forms in forms_by_person for form in sorted_forms})
        for entity, sorted_forms in zip(persons, forms_by_person):
            candidates = []  # decided person by person: the one found first claims its mentions first
            first_end = entity.mentions[0].loc.end if entity.mentions else 0
            for form in sorted_forms:
                words = form.split()
                rest = words[1:]
                for i, clitic in by_form.get(words[0], ()):
                    j = i + len(words)
                    if j > len(self.tokens) or (rest and self.ctx.texts[i + 1:j] != rest):
                        continue
                    if self.used[i]:
                        continue  # held already: the filter would drop it (spares the tests below)
                    if i > 0 and self.tokens[i - 1].text in particles:
                        continue  # سلمان بن عبدالعزيز inside محمد بن سلمان بن عبدالعزيز: another person
                    if len(words) == 1 and (i in self._title_at or self._written(i)[len(clitic):]
                                            in self.res.stopwords_as_written):
                        continue  # الأمين العام is a title, على a preposition, not الأمين or علي again
                    start, end = self.tokens[i].start + len(clitic), self.tokens[j - 1].end
                    if self.ctx.norm.to_original(start) < first_end:
                        continue
                    if form.startswith(ARTICLE) and i > 0 and self.tokens[i - 1].text.startswith(ARTICLE) and not clitic:
                        continue  # السلطان الحفصي، الدراما الخليجية: an adjective, not the surname
                    candidates.append(self.propose("surname", i, j, data=(
                        entity, start, end, "name" if form == entity.key else "surname")))
            for kept in self.claims.decide(candidates):
                self.add_mention(*kept.data)


    def _title_only_mentions(self) -> None:
        """"الوزير العراقي", "الوزيرة": a title without a name refers to the person who holds it.
        In the headline it refers forward; a title with a complement and no holder named anywhere
        (وزير الدفاع العراقي) is still an identified role, not an anonymous source."""
        headline = self.ctx.doc.headline
        apposed: list[tuple[frozenset, Entity]] = []  # titles written right after a person's name, and whose
        for phrase in self.title_only:
            if any(self.used[phrase.start:phrase.end]):
                continue
            role = phrase.roles[0][2]
            if role.entry.get("kind") == "honorific":
                continue
            group = (role.entry.get("group") or role.entry.norm).removeprefix(ARTICLE)
            start_off = role.start
            end_off = self.tokens[phrase.end - 1].end
            loc = self.ctx.loc(start_off, end_off)
            in_headline = headline is not None and loc.start < headline.end
            one_of = one_of_office_end(self, phrase.end)  # مدير الحجوزات في إحدى الشركات: no office named
            antecedent = None if one_of else self._antecedent_person(group, phrase, start_off, forward=in_headline) \
                or self._apposed_holder(apposed, group, phrase)
            named = self._name_ending(phrase.start)
            if named is not None:
                apposed.append((_TITLE_WORDS[loc.text], named))
            if antecedent is not None:
                if self.claims.decide([self.propose("title-only", phrase.start, phrase.end, [role.entry.source])]):
                    m = self.add_mention(antecedent, start_off, end_off, "title", lexicon=[role.entry.source])
                    m.title = loc.text.strip(" ،,")
            elif not one_of and (self._identified_role(phrase) or self._pronoun_genitive(phrase)):
                key = " ".join(self.ctx.texts[phrase.start:phrase.end])
                entity = next((e for e in self.entities if e.kind == "person" and e.key == key), None)
                if entity is None:
                    entity = Entity(self.ctx.new_id("p"), "person", loc.text.strip(" ،,"), key, phrase.gender,
                                    role_only=True)
                    self.entities.append(entity)
                self.add_mention(entity, start_off, end_off, "title", loc.text.strip(" ،,"), loc,
                                 [role.entry.source])
                # not marked as used: a body inside the role (بالمرصد السوري) is still an organization
            elif not phrase.definite and self.ctx.texts[phrase.end:phrase.end + 1] \
                    and self.ctx.texts[phrase.end] in _DEMONSTRATIVES and _OWN_TEXT & set(self.ctx.texts[phrase.end + 1:phrase.end + 2]):
                pass  # كاتب هذه السطور، صاحب هذا المقال: the columnist himself, no anonymous source
            elif not phrase.definite and role.entry.get("kind") in ("role", "rank") \
                    and self._holder_after_vague(phrase.start, one_of or phrase.end, phrase.gender):
                pass  # مدير عام شالكه هورشت هيلدت: the holder is named in words no lexicon knows
            elif not phrase.definite and role.entry.get("kind") in ("role", "rank") and not self._body_named(phrase.start) \
                    and (self._speaker_position(phrase.start) or self._kana_subject(phrase)) \
                    and not role_named_next(self, phrase, group):
                # an unnamed holder of an indefinite role (سائق أردني، متحدثة باسم الجيش) is anonymous
                if self.claims.decide([self.propose("title-only", phrase.start, phrase.end, [role.entry.source])]):
                    entity = Entity(self.ctx.new_id("u"), "unnamed", loc.text.strip(" ،,"), role.entry.norm,
                                    phrase.gender, vague=True)
                    self.entities.append(entity)
                    end_off = self.tokens[one_of - 1].end if one_of else end_off
                    self.add_mention(entity, start_off, end_off, "vague", lexicon=[role.entry.source])

    def _name_ending(self, i: int) -> Entity | None:
        """The person whose name ends right before token i (الأمير فلان بن فلان أمير منطقة عسير)."""
        if i == 0 or self.tokens[i - 1].kind != "word":
            return None
        end = self.ctx.norm.to_original(self.tokens[i - 1].end)
        return next((e for e in self.entities if e.kind == "person"
                     for m in e.mentions if m.form == "name" and m.loc.end == end), None)

    def _apposed_holder(self, apposed, group: str, phrase: TitlePhrase) -> Entity | None:
        """أكد أمير منطقة عسير ... after الأمير فلان أمير منطقة عسير رئيس المجلس: the person whose name a
        title holding the same words followed (a title-only apposition the person passes left unread)."""
        words = {self.tokens[k].text.removeprefix(ARTICLE) for k in range(phrase.start, phrase.end)
                 if self.tokens[k].kind == "word"}
        return next((e for title, e in reversed(apposed) if _TITLE_WORDS[group] <= title and words <= title), None)

    def _body_named(self, i: int) -> bool:
        """ذكرت مؤسسة ماركت للأبحاث: a body's head noun that is also a title (مؤسسة) and a word after it
        that is no adjective (a nisba: مؤسسة خيرية stays an anonymous body) is that body, named."""
        w = self._word(i + 1)
        return i in self._body_at and bool(w) and not w.endswith(_NISBA_ENDINGS) \
            and w not in self.res.vague_modifiers

    def _pronoun_genitive(self, phrase: TitlePhrase) -> bool:
        """رئيس تحريرها، رئيس مجلس إدارتها: a role whose genitive (its last word, or the word after a one-word
        role) carries a possessive pronoun is definite, the one holder of that office in the body the pronoun
        refers to, no anonymous official (as رئيسها is not). Only a feminine noun (إدارتها) or a verbal noun
        (تحريرها) is read as that genitive: a verb with its object pronoun (صحافي عقده) is none."""
        k = phrase.end if phrase.end - phrase.start == 1 else phrase.end - 1
        w = self._word(k)
        if not w or w.startswith(PREPOSITION_PREFIXES) or w.startswith(ARTICLE) or self._written(k).endswith(MARBUTA):
            return False  # مواطن صورة: ة folded to ه by normalizing is no pronoun
        suffix = next((s for s in _SUFFIXES_LONGEST_FIRST if w.endswith(s)), None)
        stem = w[:-len(suffix)] if suffix else ""
        return len(stem) >= 3 and (stem.endswith(TEH) or fits_template(stem, VERBAL_NOUN_TEMPLATES))

    def _kana_subject(self, phrase: TitlePhrase) -> bool:
        """وكان عضو في الحزب (قد) قال لوكالة ...: the role between the كان that opens its clause and a
        reporting verb (after قد or not) is that verb's subject, where an unnamed official speaks."""
        k = phrase.end + (self._word(phrase.end) in _QAD)
        verb = self._word(k)
        return self._word(phrase.start - 1) in _KANA and verb is not None \
            and (entry := self.res.reporting_forms.lookup(verb)) is not None and entry.get("part") != "participle"

    def _antecedent_person(self, group: str, phrase: TitlePhrase, before_norm: int,
                           forward: bool = False) -> Entity | None:
        before = len(self.ctx.doc.text) if forward else self.ctx.norm.to_original(before_norm)
        words = {self.tokens[k].text.removeprefix(ARTICLE) for k in range(phrase.start + 1, phrase.end)
                 if self.tokens[k].kind == "word"}
        best = None
        best_pos = float("-inf")
        for e in self.entities:
            if e.kind != "person" or not e.titles:
                continue
            first = e.mentions[0].loc.start if e.mentions else before
            if first >= before:
                continue
            if forward:
                first = -first  # from the headline, the first holder named in the body
            for title in e.titles:
                if _NAMES_GROUP[group, title] and (phrase.gender == e.gender or phrase.gender == "m") \
                        and words <= _TITLE_WORDS[title] | {ARTICLE} and first > best_pos:
                    best, best_pos = e, float(first)  # (titles repeat: each title's words once per run)
        return best

