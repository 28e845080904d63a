"""The passes that find speakers whose names no lexicon knows: the words a relay quotes (عن سيريزو
قوله), the name a speech verb introduces with a title in apposition, and the bare speaker of a verb
that announces a quotation (وقال بينيتيز: «...»)."""
from __future__ import annotations

from validator.extract.addressees import past_quoted_addressee as _past_quoted_addressee
from validator.extract.entities.persons import PersonPasses
from validator.extract.entities.words import OCCASION_WORDS, _NASAB, _OCCASION, _QUOTE_OPENERS
from validator.extract.letters import ARTICLE
from validator.extract.patterns.shapes import adverbial as _adverbial_shape
from validator.extract.wordclasses import one_word
from validator.text.normalize import normalize_string

_SAYING_HIS = one_word("entity-words", "saying-his")    # قوله
_SAYING_HER = one_word("entity-words", "saying-her")    # قولها


class SpeakerPasses(PersonPasses):
    """Speaker passes, run in the order EntityExtractor.run gives."""

    def _titled_person_before(self, entry, start: int, head_end: int, end: int) -> bool:
        """A named person mentioned before `start` with a singular vague head (`entry`) among the words of his title (الخبير
        العسكري اليمني العميد فلان ... وأشار الخبير العسكري): the definite role refers back to him (issue 13
        round 29; a definite noun for a source named before, rounds 8, 22, 26). With nisbas after the head (tokens
        head_end..end: وتابع المسؤول الكردي) only when he is the nearest such antecedent (`_nearest_titled`)."""
        head = entry.norm.removeprefix(ARTICLE)
        if entry.get("number") != "sg":
            return False
        titled = [x for e in self.entities if e.kind == "person" and not e.vague for x in e.mentions
                  if x.title and self.ctx.norm.to_normalized(x.loc.start) < start
                  and head in {w.removeprefix(ARTICLE) for w in normalize_string(x.title).split()}]
        return bool(titled) and (end == head_end or self._nearest_titled(titled, head, start, head_end, end))

    def _nearest_titled(self, titled: list, head: str, start: int, head_end: int, end: int) -> bool:
        """وقال مسؤول العلاقات الخارجية فلان «...» . وتابع المسؤول الكردي «...»: a definite role with nisbas
        only (nationalities) is the titled person named last, when no anonymous source of that head came
        after him, and his title names no other nationality (round 143 2015-08-02/699 L9, rejected)."""
        nisbas = [self._word(k) or "" for k in range(head_end, end)]
        if not all(self.res.nationality_forms.lookup(w) is not None for w in nisbas):
            return False
        last = max(titled, key=lambda x: x.loc.start)
        own = [w for w in normalize_string(last.title).split() if self.res.nationality_forms.lookup(w) is not None]
        if own and not set(own) & set(nisbas):
            return False
        other = self._antecedent_unnamed(head, start)
        return other is None or max(x.loc.start for x in other.mentions) < last.loc.start

    def _relayed_speakers(self) -> None:
        """ونقلت وسائل إعلام عن سيريزو قوله: the words between عن and قوله/قولها name whoever is quoted,
        even a name no lexicon knows (pattern relayed-speaker, rules/patterns/speakers.pattern), unless
        another pass took them or they are a title, a body or a common word."""
        texts = self.ctx.texts
        if _SAYING_HIS not in texts and _SAYING_HER not in texts:  # rare: look in C first
            return
        candidates = [self.propose("relayed-speaker", m.span_start, m.span_end, m.evidence)
                      for m in self.ctx.patterns.find("relayed-speaker")
                      if not any(i in self._title_at or i in self._body_at or self.res.is_non_name(self.tokens[i].text)
                                 for i in range(m.span_start, m.span_end))]
        for kept in self.claims.decide(candidates):
            start, k = kept.start, kept.end
            entity, _ = self.person(start, k, "f" if self.tokens[k].text == _SAYING_HER else "m")
            mention = self.add_mention(entity, self._name_start_offset(start), self.tokens[k - 1].end, "name")
            # عن السيوطي قوله: one word is a bare speaker, as in وقال بينيتيز: «...» (named before, or no one)
            if k - start == 1 and len(entity.mentions) == 1:
                entity.bare = mention.bare = True

    def _introduced_speakers(self) -> list:
        """وقال جاك مونيه، مدير برنامج المهرجان: «...»: the words right after a speech verb that no
        lexicon knows are the speaker's name when a title follows them in apposition, after a comma
        (Arabic news is verb-subject-object: the subject, then who the subject is), also past the outlet
        the speaker told, quoted after ل (وكشف لـ«الصحيفة» فلان، رئيس اللجنة، أن). A bare unknown word after
        the verb is not enough: it may be the verb's object or a common noun."""
        n = len(self.tokens)
        bare = []
        for verb in self._speech_verbs:
            i = _past_quoted_addressee(self.ctx, verb.j)  # وكشف لـ«الصحيفة» فلان، رئيس ...: past the outlet told
            if i < n and i in self._title_at and not self.used[i]:
                if self._title_then_holder(verb, i):
                    continue
                if self._title_at[i][1].entry.get("kind") == "honorific":
                    i = self._title_at[i][0]  # وقال البروفيسور إيان ماكدونالد، رئيس فريق ...
            j = i
            while j < n and j - i < 4 and self._unknown_name_word(j, first=j == i):
                j += 1
            if j == i and i + 2 < n and self.tokens[i].text in _NASAB and not self.used[i + 1] \
                    and self._unknown_name_word(i + 1, first=False) and verb.entry.get("postposed") == "yes" \
                    and self._announces_quotation(i + 2):
                bare.append((verb, i, i + 2))  # وقال ابن معمر: «...»: a name by its father's, as bare as one word
                continue
            if j == i or j >= n or (j - i == 1 and _adverbial_shape(self.tokens[i].text)):
                continue  # وقال مجددا، ...: one word shaped like an adverb is not a name
            title = title_loc = None
            lex = [verb.entry.source]
            end = j
            definite_title = j in self._title_at and (self.tokens[j].text.startswith(ARTICLE) or (
                j - i >= 2 and self._construct_title(j)))  # (قال إنريكي سيريزو رئيس أتلتيكو مدريد)
            role = self.ctx.hit_at("vague-sources-all", j) if not definite_title else None
            if role is not None and role.entry.get("kind") == "head" and role.entry.get("number") == "sg" \
                    and self.tokens[j].text.startswith(ARTICLE) and j - i >= 2:
                # وقال تاماس فارجا المحلل في بي.في.ام: a role the vague-source lexicon holds, after the name
                title_loc = self.ctx.loc(self.tokens[j].start, self.tokens[role.j - 1].end)
                title, end = title_loc.text, role.j
                lex.append(role.entry.source)
            elif j - i >= 2 and (body := self.ctx.patterns.label_at("affiliation-after-speaker", j)) is not None:
                # وقال تيم هاردي، من منظمة العفو الدولية: the body he works for, after a name of two words or
                # more (one word before من may be an adjective: لفتة سريعة من الوزارة)
                lex.extend(body.evidence)
            elif (self.tokens[j].text in "،," and j + 1 < n) or definite_title:
                # وقال ماتياس مورلا المستشار القانوني للنادي: a definite title in apposition needs no comma
                phrase = self.parse_title(j if definite_title else j + 1)
                if phrase is None or phrase.roles[0][2].entry.get("kind") == "honorific":
                    continue
                titles = self._title_text(phrase)
                if not titles:
                    continue
                title, title_loc, src = titles[0]
                lex.append(src)
                end = phrase.end
            else:
                if j - i == 1 and verb.entry.get("postposed") == "yes" and self._announces_quotation(j):
                    bare.append((verb, i, j))
                continue  # a bare unknown word after the verb may be its object or a common noun
            if not self.claims.decide([self.propose("introduced-speaker", i, end, lex, nests=(j, end))]):
                continue  # (decided verb by verb: the title after the name may contain names found before)
            entity, _ = self.person(i, j, verb.entry.get("gender") or "m")
            self.add_mention(entity, self._name_start_offset(i), self.tokens[j - 1].end, "name", title, title_loc,
                             lex)
        return bare

    def _bare_speakers(self, candidates) -> bool:
        """The bare speakers `_introduced_speakers` found (وقال بينيتيز: «...»), read once the titled
        mentions and surnames are (وقال أزكويتا في تصريحات صحافية after المدرب تشابير أزكويتا)."""
        found = False
        proposed = [self.propose("bare-speaker", i, j, [verb.entry.source], verb) for verb, i, j in candidates]
        for kept in self.claims.decide(proposed):
            i, j, verb = kept.start, kept.end, kept.data
            entity, created = self.person(i, j, verb.entry.get("gender") or "m")
            mention = self.add_mention(entity, self._name_start_offset(i), self.tokens[j - 1].end, "name",
                                       lexicon=list(kept.evidence))
            first_name = self._first_name_alone(i, j)
            mention.bare = not first_name
            entity.bare = entity.bare or (created and not first_name)
            found = found or created
        return found

    def _first_name_alone(self, i: int, j: int) -> bool:
        """فيما قالت ريما «...»: the one word is a known given name and no surname: not a later mention by
        family name of a person titled before in words no lexicon reads (بينيتيز), but a person the reader
        meets by first name alone, as bare as his words (round 75 flagged such a speaker). The word met
        before (الطالبة ريما الحربي ... وقالت ريما:، ولي الله سيف ... وقال سيف:) names again one the article
        introduced, maybe in words no lexicon reads."""
        w = self.tokens[i].text
        return j - i == 1 and w in self.res.given_names.by_norm and w not in self.lex["surnames"].by_norm \
            and not any(t.text == w for t in self.tokens[:i])

    def _announces_quotation(self, j: int) -> bool:
        """وقال بينيتيز: «...»، وأضافت شلبي "...": a quotation opens right at token j, or after a colon.
        One unknown word between a quotation verb (قال، أضاف، تابع ...: postposed=yes) and the
        quotation it announces is the verb's subject, its speaker: an object or a complement would not
        stand alone between the verb and the colon (يحمل اسم «...» is no such verb). The occasion may
        stand between the name and the quotation (خلال مؤتمر صحفي، في تصريح صحافي), and so may a short aside in
        brackets (pattern aside-before-quotation: an age, a role). The mention (and a person it
        creates) is `bare`: the article may have named it before in words no lexicon reads (كلاوديو رانييري)."""
        n = len(self.tokens)
        aside = self.ctx.patterns.label_at("aside-before-quotation", j)
        if aside is not None:
            j = aside.end  # وقالت ماريا (61 عاما) "...": her age or role in brackets (speakers.pattern)
        if j < n and self.tokens[j].text in _OCCASION:
            # وقال بينيتيز خلال مؤتمر صحفي "...": the occasion of the words may come between
            k = j + 1
            while k < n and k - j <= OCCASION_WORDS and self.tokens[k].kind == "word":
                k += 1
            if k == j + 1 or k - j > OCCASION_WORDS + 1:
                return False
            j = k
        if j < n and self.tokens[j].text == ":":
            j += 1
        return j < n and self.tokens[j].text in _QUOTE_OPENERS
