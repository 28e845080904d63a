"""Title phrases at a token: a role, rank or honorific from the titles lexicon, extended over what says
whose title it is (portfolio, body, nationality, place), and the titles as written for a person."""
from __future__ import annotations

from collections import defaultdict

from validator.extract.entities.words import (
    IN_THE_NAME_OF,
    MAX_COMPLEMENT_TOKENS,
    _PLACE_NAMESAKE_TITLES,
    _TITLE_CONTINUES,
    _TITLE_PLACE_PREPOSITIONS,
    TitlePhrase,
    _DEFINITE_CLITICS,
    _NAMED_PLACES,
    _REGION_HEADS,
    _TITLE_PREPOSITIONS,
    _named_place,
)
from validator.extract.entities.words import _NAME_QUOTES, _OUTLET_NAME_OPEN
from validator.extract.letters import ARTICLE, COORDINATION_PREFIXES, FA, LI, LI_ARTICLE, WAW, WAW_ARTICLE
from validator.extract.patterns.shapes import verb as _verb_like
from validator.extract.wordclasses import word_class
from validator.findings import Location

_ARTICLE_OR_FA = (ARTICLE, FA)
_ARTICLE_OR_WAW = (ARTICLE, WAW)
# a body noun nobody names (vague-sources body=yes: منظمات، جمعيات) in the construct of a title or a body
# (رئيس اتحاد جمعيات المزارعين) is part of that body's name, no common word that ends it
_BODY_HEADS = word_class("vague-sources", "yes", attribute="body")


class TitlePhrases:
    """The title readers of NameReader (which supplies the tokens, their lexicon matches and `used`)."""

    # -- titles ------------------------------------------------------------------------------
    def parse_title(self, i: int) -> TitlePhrase | None:
        hit = self._title_at.get(i)
        if hit is None or self.used[i]:
            return None
        end, match = hit
        if end == i + 1 and self._written(i)[len(match.prefix):] in self.res.stopwords_as_written:
            return None  # أمام (in front of) is not إمام, وإلى is not والي: the spelling decides
        if self._word(i - 1) in _NAMED_PLACES:
            return None  # جامعة الملك فهد، كأس الشيخ جاسم: a place or trophy named after someone
        phrase = TitlePhrase(i, end, [(i, end, match)], match.entry.get("gender", "m") or "m",
                             definite=match.entry.norm.startswith(ARTICLE) or match.prefix.endswith(ARTICLE))
        last_word = match.entry.norm.split()[-1]
        body = self.lex["bodies"].by_norm.get(last_word)
        nxt = self._title_at.get(end)
        if nxt is not None and nxt[1].entry.get("kind") == "role" and not nxt[1].prefix \
                and not (body is not None and body.get("kind") == "head"):
            end = nxt[0]  # نائب رئيس الوزراء، مستشار الرئيس، مساعد وزير الخارجية
        if body is not None and body.get("kind") == "head" and self._body_own_name(end):
            end += 1  # رئيس جامعة حلوان: the title ends in a body noun whose name follows
        if last_word in _REGION_HEADS and self._word(end) and self._word(end) not in self.res.given_names.by_norm \
                and end not in self._title_at:
            end += 1  # أمين منطقة عسير صالح القاضي: a title ending in its region head takes the region's name
        j = self._complement(end, after_body=body is not None and body.get("kind") == "head")
        phrase.end = j
        # a rank or honorific may follow a role: وزير الداخلية اليمني اللواء عبده الحذيفي
        if j + 1 < len(self.tokens) and self.tokens[j].text in "،," and (j + 1) in self._title_at \
                and self._title_at[j + 1][1].entry.get("kind") in ("rank", "honorific"):
            j += 1  # قائد شرطة البصرة، اللواء عباس ناجي
        while j in self._title_at and self._title_at[j][1].entry.get("kind") in ("rank", "honorific") \
                and not self.used[j] and not self._title_at[j][1].prefix.startswith(WAW):
            # (وكيل المحافظة، والدكتور سعدون ...: an honorific joined by و opens the next person of a list)
            k, m = self._title_at[j]
            phrase.roles.append((j, k, m))
            j = self._complement(k) if m.entry.get("kind") == "rank" else k
            phrase.end = j
        return phrase

    def _complement(self, j: int, after_body: bool = False) -> int:
        """Extend a title over what says whose title it is: portfolio, body, nationality, a place,
        باسم + body, a preposition + body or place (في المفوضية، لدى الأمم المتحدة، إلى سوريا).
        It reads only the article's tokens and lexicon matches, never what the passes took, so each
        (token, after_body) is read once an article: the passes and the bodies ask again and again."""
        key = (j, after_body)
        end = self._complements.get(key)
        if end is None:
            end = self._complements[key] = self._read_complement(j, after_body)
        return end

    def _read_complement(self, j: int, after_body: bool) -> int:
        texts, n = self.ctx.texts, len(self.tokens)
        limit = min(n, j + MAX_COMPLEMENT_TOKENS)
        while j < limit:
            w = self._word(j)
            if w in _TITLE_CONTINUES:
                j += 1
                continue
            if w is not None and self._word(j - 1) == IN_THE_NAME_OF and not self._complement_word(j) and j not in self._title_at \
                    and w not in self.res.given_names.by_norm and not self.res.is_non_name_strict(w):
                j += 1  # المتحدث باسم أهالي المختطفين: whoever he speaks for is part of the title
                after_body = True
                continue
            if w in _TITLE_PREPOSITIONS and self._complement_word(j + 1):
                j += 1  # مدير الدفاع المدني في ولاية كسلا، ممثلها لدى الأمم المتحدة
                continue
            place = self._word(j + 1) if w in _TITLE_PLACE_PREPOSITIONS else None
            if place and self._word(j + 2) in self.res.given_names.by_norm \
                    and place not in self.res.given_names.by_norm \
                    and not self.res.is_non_name_strict(place) and j + 1 not in self._title_at:
                j += 2  # المسؤول في المار صالح محمد: a place no lexicon knows, then the holder's name
                continue
            # (a quoted name opens with a mark: most tokens are not one, and need no call)
            quoted = (self._quoted_name_end(j) if texts[j] in _NAME_QUOTES else self._quoted_name_end(j, outlet=True)
                      if texts[j] == _OUTLET_NAME_OPEN and self._outlet_head_before(j) else None) if j < n else None
            if quoted is not None and self._word(j + 1) in self.res.given_names.by_norm \
                    and not any(k in self._body_at for k in (j - 1, j - 2)):
                break  # قائد الحوثيين في عدن «عبدالخالق الحوثي»: a person's name quoted is the holder
            if quoted is not None:
                j = quoted
                after_body = True
                continue
            modifier = self._modifier_at.get(j)
            if modifier is not None:
                j = modifier[0]  # مدير سابق، الرئيس الأسبق
                continue
            if w is not None and (w in _REGION_HEADS or (w[0] == LI and w[1:] in _REGION_HEADS)) \
                    and self._word(j + 1) and self._word(j + 1) not in self.res.given_names.by_norm:
                j += 2  # الحاكم السابق لولاية نيويورك، حاكم إقليم فارياب، المدير العام لمنطقة عسير
                after_body = True
                continue
            hit = self._complement_word(j)
            if hit:
                body = self._body_at.get(j)
                j = hit
                after_body = True
                if body is not None and body[1].entry.get("kind") == "head" and self._body_own_name(j):
                    j += 1  # رئيس جامعة حلوان، مدير شركة أرامكو: the body's own name
                continue
            if w is None:
                break
            if after_body and w in _PLACE_NAMESAKE_TITLES and self._word(j + 1) \
                    and _named_place(self._word(j - 1)):
                j += 2  # جامعة الملك فيصل (but وزير الدفاع الأمير محمد بن سلمان: the prince is the holder)
                continue
            if w.startswith(WAW_ARTICLE) and not after_body:
                break  # وزير الدفاع الأميركي والمتعلقة: a new clause, not the title
            if self._is_definite(j) and (not self.res.is_non_name_strict(w) or self._after_indefinite_head(j)) \
                    and w not in self.res.given_names.by_norm and j not in self._title_at \
                    and w not in self.lex["surnames"].by_norm:
                j += 1
                after_body = True
                continue
            if after_body and j in self._title_at and self._title_at[j][1].entry.get("kind") == "role" \
                    and w.startswith(ARTICLE):
                j = self._title_at[j][0]  # الأمين العام للأمم المتحدة / نائب رئيس الوزراء
                continue
            if after_body and self._body_members(j):
                j += 2  # رئيس لجنة تجار المواشي: the members a body's construct names are part of the title
                continue
            bare = w[1:] if w.startswith(WAW) and after_body and len(w) > 3 else w
            if (not self.res.is_non_name(bare) or bare in _BODY_HEADS) and bare not in self.res.given_names.by_norm \
                    and not _verb_like(bare) \
                    and bare not in self.lex["name-particles"].by_norm and not self._has_tanween(self.tokens[j]) \
                    and self._is_definite(j + 1) and not bare.startswith(_ARTICLE_OR_FA) \
                    and (after_body or not bare.startswith(WAW)) \
                    and (bare != w or not self.tokens[j - 1].text.startswith(_DEFINITE_CLITICS)):
                # a construct follows an indefinite noun, or is coordinated with و after one
                j += 2  # a construct: حكومة تصريف الأعمال، مدير علم الأوبئة ومكافحة الأمراض
                after_body = True
                continue
            if self._country_construct(j, bare, w):
                j = self._place_at[j + 1][0]  # وزير دفاع النرويج، رئيس وزراء كندا: a country is definite by name
                after_body = True
                continue
            break
        return j

    def _country_construct(self, j: int, bare: str, w: str) -> bool:
        """Token j, an indefinite portfolio noun (خارجية، دفاع، وزراء), is in construct with a country named
        right after it (lexicon places kind=country, never definite in writing): وزير خارجية النرويج."""
        place = self._place_at.get(j + 1)
        return place is not None and place[1].entry.get("kind") == "country" and not place[1].prefix \
            and bare == w and not w.startswith(_ARTICLE_OR_FA) and not self.res.is_non_name(w) \
            and w not in self.res.given_names.by_norm and not _verb_like(w) and not self._has_tanween(self.tokens[j]) \
            and self._title_at.get(j) is None and self._complement_word(j) == 0

    def _body_members(self, j: int) -> bool:
        """Token j is a plural people noun (تجار، عمال) in construct right after an indefinite head of a
        body of people (bodies members=yes: لجنة، نقابة), with a definite word after it."""
        body = self._body_at.get(j - 1)
        if body is None or body[0] != j or body[1].entry.get("members") != "yes" or not self._is_definite(j + 1):
            return False
        people = self.lex["people-nouns"].by_norm.get(self._word(j))
        return people is not None and people.get("number") == "pl"

    def _after_indefinite_head(self, j: int) -> bool:
        """Token j comes right after an indefinite body head noun, whose genitive it is even when a common
        word (قائد شرطة المنطقة، رئيس بلدية المدينة): the holder's name comes after it."""
        body = self._body_at.get(j - 1)
        return body is not None and body[0] == j and body[1].entry.get("kind") == "head" \
            and not body[1].entry.norm.startswith(ARTICLE) and not body[1].prefix.endswith(ARTICLE)

    def _outlet_head_before(self, j: int) -> bool:
        """An outlet's head noun ends right before token j (bodies outlet=yes: مجلة، صحيفة، موقع) and what
        token j opens starts with no common function word (a day, a particle: صحيفة (أمس)، موقع (لم يسمه))."""
        body = self._body_at.get(j - 1)
        return body is not None and body[0] == j and body[1].entry.get("outlet") == "yes" \
            and self.lex["stopwords"].lookup(self._word(j + 1) or "") is None

    def _body_end(self, j: int, match) -> int:
        """Where a body's name found up to token j ends: a head noun (هيئة، وزارة) takes its complement; an
        indefinite head of a place's authorities (bodies place=yes) with none takes an unknown word after it,
        the place it governs (أعلنت سلطات دياربكر مقتل)."""
        if match.entry.get("kind") != "head":
            return j
        end = self._complement(j)
        return end + 1 if end == j and match.entry.get("place") == "yes" and not match.prefix.endswith(ARTICLE) \
            and self._body_own_name(j) else end

    def _body_own_name(self, j: int) -> bool:
        """After an indefinite body noun (جامعة، شركة), an unknown word is that body's name."""
        w = self._word(j)
        if not w:
            return False
        return not self._is_definite(j - 1) and not w.startswith(_ARTICLE_OR_WAW) \
            and j not in self._title_at and not self.res.is_non_name(w) and w not in self.res.given_names.by_norm \
            and self._complement_word(j) == 0

    def _index_complements(self) -> None:
        """`_complement_word(j)`: the token index after a portfolio, nationality, body or place starting
        at j (the first of these lexicons in that order), or 0. Asked at nearly every token a title may
        extend over, so a table made once per article and read in C."""
        ends: dict[int, int] = {}
        for table in (self._place_at, self._body_at, self._nationality_at, self._portfolio_at):  # the first wins
            for j, (end, m) in table.items():
                if not m.prefix.startswith(COORDINATION_PREFIXES):
                    ends[j] = end  # (ومنظمة الصحة: a second body, coordinated, not this one's complement)
        self._complement_word = defaultdict(int, ends).__getitem__

    def _is_definite(self, j: int) -> bool:
        w = self._word(j)
        if not w:
            return False
        return w.startswith(_DEFINITE_CLITICS) and len(w) > 3

    # -- names -------------------------------------------------------------------------------

    def _honorifics(self, phrase: TitlePhrase) -> list[tuple[str, Location, str]]:
        """الدكتور، الشيخ: kept with the person's titles as written, but they are not a role."""
        out = []
        for s, e, m in phrase.roles:
            if m.entry.get("kind") == "honorific":
                loc = self.ctx.loc(m.start, m.end)
                out.append((loc.text, loc, m.entry.source))
        return out

    def _title_text(self, phrase: TitlePhrase) -> list[tuple[str, Location, str]]:
        """Titles as written (original text) with their locations, one per role or rank."""
        out = []
        roles = phrase.roles
        for k, (s, e, m) in enumerate(roles):
            end_tok = roles[k + 1][0] if k + 1 < len(roles) else phrase.end
            if m.entry.get("kind") == "honorific":
                continue
            start_off = m.start
            if m.entry.norm.startswith(ARTICLE) and self.tokens[s].text.startswith(LI_ARTICLE) \
                    and not self.ctx.norm.text[m.start:m.end].startswith(ARTICLE):
                start_off = self.tokens[s].start  # للرئيس: لـ + الرئيس, the article's alef elided
            end_off = self.tokens[end_tok - 1].end
            loc = self.ctx.loc(start_off, end_off)
            out.append((loc.text.strip(" ،,"), loc, m.entry.source))
        return out
