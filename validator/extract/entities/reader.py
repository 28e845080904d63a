"""Reading names and titles at a token: what a name word is, where a name or a title phrase ends,
and how a person and its mentions are recorded. The passes in the sibling modules call these."""
from __future__ import annotations

from functools import cached_property, partial

from validator.extract.claims import Candidate, TokenClaims
from validator.extract.context import Context
from validator.extract.entities.words import ancestral_surname
from validator.extract.entities.words import (
    _NAME_QUOTES,
    ALLAH,
    COMPOUND_FIRST,
    MAX_NAME_TOKENS,
    RELATIVES,
    REPORT_THAT,
    _JOINED_PARTICLE,
    _BEFORE_ALLAH,
    _DEFINITE_CLITICS,
    _DIACRITICS,
    _KIN,
    _KUNYA,
    _NASAB,
    _REGNAL,
    _TANWEEN,
    _joined_key,
    _kunya,
    _nasab_of,
    _without_nasab,
)
from validator.extract.letters import (
    ACCUSATIVE,
    ALEF,
    ALEF_MAKSURA,
    ARTICLE,
    BI,
    BI_HAMZA,
    CLITIC_ARTICLES,
    COORDINATION,
    FAMILY,
    FEMININE_PLURAL,
    FUTURE,
    HAMZA_BELOW,
    HEH,
    IMPERFECT,
    KA,
    LI,
    LI_ARTICLE,
    LONG_VOWELS,
    MARBUTA,
    MEEM,
    NAME_CLITICS,
    NAME_CLITIC_PREFIXES,
    NISBA_ENDING,
    PREPOSITION_CLITICS,
    PROCLITICS,
    PRONOUN_SUFFIXES,
    TEH,
    WAW,
    YEH,
)
from validator.extract.patterns.shapes import group_plural, verb as _verb_like
from validator.extract.patterns.shapes import verbal_noun as _verbal_noun_shape
from validator.extract.entities.keys import KeyIndex, named_by_head
from validator.extract.entities.title_phrases import TitlePhrases
from validator.extract.model import Entity, Mention
from validator.extract.resources import loose_key
from validator.extract.wordclasses import affix, affixes, one_word, word_class
from validator.text.lexicon import LexEntry, LexMatch
from validator.text.normalize import normalize_string
from validator.text.punctuation import COMMAS as _LIST_COMMAS
from validator.text.tokens import Token
from validator.text.wordcache import WordCache

_FAMILY_NORMALIZED = normalize_string(FAMILY)  # آل as the tokens have it (ال)
_KIN_PRONOUNS = affixes("kin-pronoun")          # ابنه، زوجتها
_KIN_PRONOUN_LETTERS = "".join(set("".join(_KIN_PRONOUNS)))  # for rstrip
_TEH_MEEM = (TEH, MEEM)                         # بتوقيت، بمراقبة: a verbal noun after ب
_TEH_TEH = TEH + TEH                            # تتواصل
_BI_ADVERB_ENDINGS = affixes("bi-adverb-ending")  # بشدة، بهدوء
_KA_MEEM = KA + MEEM                            # كمقدم
_ARTICLE_MEEM = ARTICLE + MEEM                  # المدير: a participle, not a family name
_PARTICIPLE_PLURALS = tuple(sorted(set(affixes("participle-pl")) | set(affixes("participle-f-pl"))
                                   | set(affixes("masculine-plural"))))  # المرشحين، المشاركون، المتطوعات
_WAW_WAW = WAW + WAW
_MARBUTA_OR_ALLAH = (MARBUTA, ALLAH)
_NOT_FAMILY_START = COORDINATION | {LI, YEH}    # و ف ل ي
_DEFINITE_WORD_STARTS = (*CLITIC_ARTICLES, LI_ARTICLE)  # وال، بال، فال، كال، لل
_PRONOUNS_ON_A_NAME = tuple(p for p in PRONOUN_SUFFIXES if len(p) <= 2)  # ه، ها، هم
_ACCUSATIVE_OR_NISBA_F = (ACCUSATIVE, affix("feminine-nisba"))  # عزما، ترسيم ... يه
_NAME_ENDERS = REPORT_THAT | RELATIVES           # أن، أنه، الذي، التي
_REGNAL_TITLES = word_class("entity-words", "regnal-title")  # الملك، البابا، الإمام
_ABU = one_word("entity-words", "abu")          # أبو
_UMM = one_word("entity-words", "umm")          # أم
_LATIN_INITIALS = word_class("entity-words", "latin-initial")  # إيه، جيه: a middle initial and its stop
_MANNER = word_class("entity-words", "manner")  # غضب، فخر: بغضب after a name is how he speaks
_NO_ATTRIBUTES: dict[str, str] = {}              # (the attributes of no entry)
_UNDIACRITIZED = WordCache(partial(_DIACRITICS.sub, ""))  # a token as written, without diacritics: once per run

# The labels the entity passes propose, highest priority first: a span one of them keeps is no other's.
# `EntityExtractor.run` decides them in this order (a pass reads what the passes before it kept): ties by length, position.
ENTITY_SPANS = ("reserved", "public-figure", "titled-person", "named-person", "relayed-speaker",
                "introduced-speaker", "titled-before", "surname", "bare-speaker", "unnamed-source",
                "document", "anonymous-person", "title-only", "organization")
_PRIORITY = {label: len(ENTITY_SPANS) - k for k, label in enumerate(ENTITY_SPANS)}


class NameReader(TitlePhrases):
    """Token tests and phrase readers shared by every entity pass (the extractor's state lives here)."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.tokens = ctx.tokens
        self.claims = TokenClaims(len(ctx.tokens))
        self.used = self.claims.taken  # read only: the filter writes it (`claims.decide`, `claims.hold`)
        self._role_starts_cache: set[int] | None = None
        self._word = ctx.word_at  # the text of token i if it is a word, else None
        self._written_at: list[str | None] = [None] * len(ctx.tokens)  # _written(i), computed once
        self.entities: list[Entity] = []
        self._person_keys = KeyIndex()  # `person` looks a name up among the entities so far
        # name mentions by normalized start, for `_mention_at`; and the entities' places in their list
        self._names_at: dict[int, list[tuple[Entity, int, Mention]]] = {}
        self._order: dict[int, int] = {}
        self._order_last: Entity | None = None
        self.res = ctx.res
        self.lex = ctx.res.lexicon  # `self.lex[name]`: a lexicon in one C lookup
        self._title_at = self._index_matches("titles")
        self._portfolio_at = self._index_matches("portfolios")
        self._nationality_at = self._index_matches("nationalities")
        self._body_at = self._index_matches("bodies")
        self._place_at = self._index_matches("places")
        self._modifier_at = self._index_matches("title-modifiers")
        self._index_complements()
        self._complements: dict[tuple[int, bool], int] = {}  # `_complement`'s reading, once an article
        self._compound_at: dict[int, bool] = {}  # `_compound_second`, once an article per token
        self._verified_at: dict[int, bool] = {}  # `_verified`, once an article per token
        self._quoted_names: dict[int, int] = {}

    @cached_property
    def _speech_verbs(self) -> list[LexMatch]:
        """The reporting verbs of kind speech that are not participles (وقال، أضافت), which three
        passes read for a speaker after them: picked once an article."""
        return [verb for verb in self.ctx.hits("reporting-forms")
                if verb.entry.get("kind") == "speech" and verb.entry.get("part") != "participle"]

    @cached_property
    def _lexicon_starts(self) -> set[int]:
        """The tokens where a title, body, place, nationality, portfolio or title modifier starts."""
        return set().union(self._title_at, self._body_at, self._place_at, self._nationality_at,
                           self._portfolio_at, self._modifier_at)

    # -- helpers -------------------------------------------------------------------------------
    def propose(self, label: str, i: int, j: int, evidence=(), data=None, nests=(0, 0)) -> Candidate:
        """A candidate span of tokens i..j for the filter, with the lexicon entries behind it (and the
        description inside it that may contain spans decided before)."""
        return Candidate(label, i, j, _PRIORITY[label], tuple(evidence), data, nests)

    def _index_matches(self, lexicon: str) -> dict[int, tuple[int, LexMatch]]:
        """token index -> (end token index, match) for every match of a lexicon."""
        return {m.i: (m.j, m) for m in self.ctx.hits(lexicon)}

    def _written(self, i: int) -> str:
        """A token as the author wrote it, diacritics removed but letters not folded."""
        written = self._written_at[i]
        if written is None:
            tok = self.tokens[i]
            raw = self.ctx.doc.text[self.ctx.norm.to_original(tok.start):self.ctx.norm.to_original(tok.end)]
            written = self._written_at[i] = _UNDIACRITIZED[raw]
        return written

    def _has_tanween(self, tok: Token) -> bool:
        s, e = self.ctx.norm.to_original(tok.start), self.ctx.norm.to_original(tok.end)
        return bool(_TANWEEN.search(self.ctx.doc.text, s, e + 1))

    def _is_name_token(self, i: int, first: bool, after_particle: bool = False, long_name: bool = False,
                       family: bool = False) -> bool:
        w = self._word(i)
        if w is None or len(w) < 2 or self.used[i]:
            return False
        if not first and not after_particle and i in self._title_at:
            return False  # عمرو موسى الأمين العام: a title begins, the name has ended
        if not first and (w.endswith(_KIN_PRONOUNS) and w.rstrip(_KIN_PRONOUN_LETTERS).removesuffix(TEH) in _KIN
                          or (w.endswith(YEH) and self._written(i)[:-1] + ALEF_MAKSURA in self.res.stopwords_as_written
                              and not self._strong_name(i + 1))):
            return False  # إسماعيل ابنه، جوزيه علي فريقه (على spelled with ي; never سعد as سعى: only a final ي)
        if not first and self._word(i + 1) == ALLAH and w not in _BEFORE_ALLAH:
            return False  # الملك حسين رحمة الله: a phrase about God, not the next name word
        if not first and self._compound_second(i):
            return True  # نصر الله، عبد الفتاح، محيي الدين
        if w == ALLAH:
            return False  # أحمد الله (I thank God)
        if not first and self._word(i - 1) == _FAMILY_NORMALIZED and self._written(i - 1) == FAMILY:
            return True  # آل ثاني، آل مكتوم: a family name after آل, even a common word
        given = w in self.res.given_names.by_norm or self._proper_noun(w)
        if long_name and w.startswith(ARTICLE) and self.res.nationality_forms.lookup(w) is not None:
            return True  # محمد شياع السوداني: after two names, a nisba that is also a nationality
        if given and self._written(i) in self.res.stopwords_as_written:
            return False  # على (preposition) folds to علي (a name): the original spelling decides
        if self.res.is_non_name(w) and not given and not (after_particle and self._not_function_word(w)):
            return False
        if self._has_tanween(self.tokens[i]):
            return False
        if not given and self._not_a_name_shape(i) and not self._verified(i):
            return False
        if not first and not given and not self._verified(i) and (
                w[0] == YEH or (w[0] == BI and (self.bi_phrase(w) or (w[1:2] == ALEF and len(w) >= 7)))):
            return False  # يطلب، بارتكاب، بتوقيت، بغضب: a verb, a verbal noun or a manner after the name
        if not first and not given and not self._verified(i) and w[0] == LI and len(w) >= 4 \
                and (w[1] not in LONG_VOWELS or self._written(i)[1:2] == HAMZA_BELOW):
            return False  # لراديو، لحل، لإيقاف: a preposition on a noun (ليفيت، لاريجاني are names)
        if not first and not given and not self._verified(i) and (
                (w.startswith(_TEH_TEH) and len(w) >= 5) or (w[0] == TEH and len(w) == 4)):
            return False  # تتواصل، منال تذهب: an imperfect verb
        if not first and not given and not self._verified(i) and (
                (not w.startswith(ARTICLE) and _verbal_noun_shape(ARTICLE + w, plurals=False))
                or (w[0] == BI and len(w) >= 4 and w.endswith(_BI_ADVERB_ENDINGS))
                or w.startswith(_KA_MEEM) or (w[0] == MEEM and w.endswith(FEMININE_PLURAL) and len(w) >= 6)
                or (w[0] == ALEF and w.endswith(TEH) and not w.endswith(FEMININE_PLURAL) and len(w) <= 5)):
            return False  # توقع فارس تزايد، ارتفاع؛ بشدة، بصراحة؛ كمقدم؛ مذكرات؛ اخذت: not a name word
        if first:
            if w.startswith(ARTICLE) and not given:
                return False
            if (i in self._title_at or w in _KIN) and not given:
                return False  # وكيل قاضي عكا، شاعر عم ...: a second title or a relative, not a name
            if self._written(i)[:2] in BI_HAMZA:
                return False  # بإسم (in the name of) is not the name باسم
            if self._pronoun_for_marbuta(i, self.res.given_names.by_norm.get(w)):
                return False  # ناديه (his club) is not نادية
            if w[0] in PROCLITICS and not given and not (w[0] in COORDINATION and w[1:] in self.res.given_names.by_norm
                                                      and (not self._common_given(w[1:])
                                                           or self._listed_after_person(i))):
                # a clitic on a name is only plausible as و/ف on a name we know (وفؤاد); لدينا is not لـ دينا
                return False
        else:
            if not given and self._clitic_on_known_word(w):
                return False  # وعز الدين: a second person; لمدة، بالوزارة: not a name
            if w.startswith(ARTICLE) and not given and not self._surname_like(w) \
                    and not (after_particle or family or (long_name and self.res.nationality_forms.lookup(w))):
                return False
            if family and not after_particle and (_verbal_noun_shape(w) or group_plural(w)):
                return False  # ورفض حمدان الإجراءات، رفض جوزيه الإفصاح، دعا حمدان الإسرائيليين
        return True

    @staticmethod
    def bi_phrase(w: str) -> bool:
        """ب on a verbal noun (بتحقيق، بمراقبة) or on a noun of manner (بغضب، بفخر: entity-words manner):
        what a speaker does or how he speaks, after his name, never a word of it (باتخاذ، بانسحاب، باستخدام too)."""
        return w[:1] == BI and ((w[1:2] in _TEH_MEEM and len(w) >= 5) or w[1:] in _MANNER or (w[1:2] == ALEF and _verbal_noun_shape(ARTICLE + w[1:], plurals=False)))

    def _pronoun_for_marbuta(self, i: int, entry: LexEntry | None) -> bool:
        """The entry ends in ة but the text has ه: a pronoun suffix (ناديه his club, ابنه his son),
        not the name or particle (نادية، ابنة) that normalizing made it look like."""
        return entry is not None and entry.text.endswith(MARBUTA) and self._written(i).endswith(HEH)

    def _not_function_word(self, w: str) -> bool:
        """After بن/أبو even a verb or a common word is a name (بن أبي طالب)، but not a preposition."""
        entry = self.lex["stopwords"].by_norm.get(w)
        return entry is None or entry.get("kind") == "verb"

    def _not_a_name_shape(self, i: int) -> bool:
        """A pronoun suffix written with ه (not ة): اختباراته، بفوزه، قراره; a future verb: ستزور."""
        written = self._written(i)
        w = self.tokens[i].text
        if len(written) > 4 and written.endswith(PRONOUN_SUFFIXES) and not written.endswith(_MARBUTA_OR_ALLAH):
            return True
        return len(w) >= 5 and w[:2] in FUTURE

    def _boundary(self, j: int) -> bool:
        """What may follow a name: punctuation, a number, the end, a function word, a verb we know,
        a title or a coordinated word (و...)."""
        if j >= len(self.tokens) or self.tokens[j].kind != "word":
            return True
        w = self.tokens[j].text
        return (self.res.is_non_name(w) or w[0] == WAW or j in self._title_at
                or self.res.reporting_forms.lookup(w) is not None or self._not_a_name_shape(j)
                or (w.startswith(_DEFINITE_CLITICS) and len(w) > 3 and not self._surname_like(w))
                or (w[0] in PREPOSITION_CLITICS and len(w) >= 5))  # جورج بوش الأزمة، كوفي أنان لحل الأزمة

    def _hard_boundary(self, j: int) -> bool:
        """Punctuation, the end, a number, or a reporting verb: what surely follows a bare surname."""
        if j >= len(self.tokens) or self.tokens[j].kind != "word":
            return True
        w = self.tokens[j].text
        return self.res.reporting_forms.lookup(w) is not None or w in _NAME_ENDERS

    def _compound_second(self, i: int) -> bool:
        """The second word of a compound given name: عبد الله، عبد الفتاح، نصر الله، محيي الدين."""
        found = self._compound_at.get(i)
        if found is None:
            w, prev = self._word(i), self._word(i - 1)
            found = self._compound_at[i] = w is not None and prev is not None and w.startswith(ARTICLE) and (
                prev in COMPOUND_FIRST.get(w, ()) or (prev == _JOINED_PARTICLE and len(w) > 3))
        return found

    def _family_by_position(self, j: int, introduced: bool, start: int) -> bool:
        """A word the name rules doubt (باسكوال، العطية، العقاد) is still the family name when it follows
        known names, after a title or reporting verb, and something that surely ends a name follows it.
        A definite word needs two names before it (from `start`): after one it is the verb's object (ورفض حمدان الإجراءات)."""
        w = self._word(j)
        if w is None or self.used[j] or not introduced or not self._verified(j - 1) \
                or self.res.is_non_name_strict(w) or j in self._title_at or self._has_tanween(self.tokens[j]) \
                or not self._strong_boundary(j + 1) \
                or (self._not_a_name_shape(j) and not (self._name_words(start, j) >= 2 and self._written(j).endswith(HEH))):
            return False  # (a family name in ـه after two names is not a pronoun: عادل عليان دراغمه)
        if w.startswith(_DEFINITE_CLITICS):
            if w.startswith(ARTICLE) and w.endswith(NISBA_ENDING) and len(w) > 5:
                return True  # السيد ماهر المصري: a nisba, even one that is also a nationality
            return w.startswith(ARTICLE) and self._name_words(start, j) >= 2 and not self.res.is_non_name(w) \
                and (not w.startswith(_ARTICLE_MEEM) or self._family_after_nasab(j))
        return w[0] not in _NOT_FAMILY_START and not (w[0] == TEH and len(w) == 4) and not w.endswith(ACCUSATIVE) \
            and not self.res.is_non_name(w) and not self.bi_phrase(w)  # not خالد مشعل يطلب، منال تذهب، سالم بتحقيق

    def _accusative(self, k: int) -> bool:
        """برنامجا: an accusative ending; none with the article (المهنا), after a surname prefix (دي مستورا)."""
        w, prefix = self.tokens[k].text, self.lex["name-particles"].by_norm.get(self.tokens[k - 1].text) or _NO_ATTRIBUTES
        return w.endswith(ACCUSATIVE) and len(w) >= 5 and not w.startswith(ARTICLE) and not (
            prefix.get("kind") == "surname-prefix" and self.res.stopwords_as_written.isdisjoint((self._written(k - 1),)))

    def _family_after_nasab(self, j: int) -> bool:
        """المهنا after بن عبدالرحمن and before a title (الرئيس التنفيذي): the family name ending a nasab
        chain (chain=nasab in name-particles), not a participle (المدير) as it would be elsewhere."""
        return (j + 1) in self._title_at and any(self._word(k) in _NASAB for k in (j - 2, j - 3) if k >= 0)

    def _name_words(self, i: int, j: int) -> int:
        """Words of a name, a compound (عبد المجيد) or a particle with its name (بن سلمان) counted once."""
        particles = self.lex["name-particles"].by_norm
        return sum(1 for k in range(i, j) if not self._compound_second(k) and self.tokens[k].text not in particles)

    def _strong_boundary(self, j: int) -> bool:
        """What surely ends a name: punctuation, a reporting verb, a function word, a title, a future verb."""
        if self._hard_boundary(j) or j in self._title_at:
            return True
        w = self.tokens[j].text
        return self.res.is_non_name_strict(w) or (len(w) >= 5 and w[:2] in FUTURE) or _verb_like(w) \
            or (w[0] == WAW and len(w) > 3) or (w[1:2] == ALEF and self.bi_phrase(w)) \
            or (w[0] == LI and len(w) >= 4 and w[1] not in LONG_VOWELS)  # ومسؤولين، لبحث: a new phrase

    def _verified(self, i: int) -> bool:
        """A name token we have evidence for: a known given name or surname, a nisba, a proper noun."""
        known = self._verified_at.get(i)  # (asked up to five times a token: read once an article)
        if known is not None:
            return known
        w = self.tokens[i].text
        known = self._verified_at[i] = (self._compound_second(i) or w in self.res.given_names.by_norm
                or (w.startswith(_ABU) and len(w) > 5 and not self.res.is_non_name(w))  # أبولبده، أبوالغيط
                or (i > 0 and self.tokens[i - 1].kind == "word"
                    and (self.lex["name-particles"].by_norm.get(self.tokens[i - 1].text) or _NO_ATTRIBUTES).get("kind")
                    == "particle") or self._surname_like(w) or self._proper_noun(w)
                or w in self.lex["name-particles"].by_norm)
        return known

    def _clitic_on_known_word(self, w: str) -> bool:
        """وعز، بالوزارة، لمدة: a clitic on a word we know (بلينكن and فرحان are names, not clitics)."""
        if w.startswith(_DEFINITE_WORD_STARTS):
            return True
        if w[0] == WAW and not w.startswith(_WAW_WAW):
            return True  # و inside a name is a coordination: إبراهيم دياز وعز الدين، رشيد ودولة
        if w[0] == LI and len(w) > 3 and w[1] in IMPERFECT:
            return True  # ليحسم، لتعزيز: a verb
        if w[0] in PROCLITICS and len(w) > 2:
            rest = w[1:]
            return (rest in self.res.given_names.by_norm or rest in self.res.non_name_words
                    or rest.startswith(ARTICLE))
        return False

    def _proper_noun(self, w: str) -> bool:
        """With a morphology database: a word it analyses only as a proper noun is a name."""
        morph = self.res.morphology
        return morph is not None and not self.res.is_non_name_strict(w) and morph.is_proper_noun(w)

    def _surname_like(self, w: str) -> bool:
        """A definite family name: a nisba (الدوسري), a known one (الصحاف), an ancestor's name (السعدون)."""
        return (w.endswith(NISBA_ENDING) and len(w) > 4) or w in self.lex["surnames"].by_norm or ancestral_surname(w, self.res, self.lex)

    def _quoted_name_end(self, i: int, outlet: bool = False) -> int | None:
        """Token index after a short quoted name at token i ("فيلق القدس"; after an outlet's noun, (...)), or None."""
        t = self.tokens[i] if i < len(self.tokens) else None
        if t is None or t.text not in _NAME_QUOTES and not outlet:
            return None
        close = {"«": "»", "“": "”", '"': '"', "(": ")"}[t.text]
        for j in range(i + 1, min(i + 6, len(self.tokens))):
            if self.tokens[j].text == close:
                return j + 1 if j > i + 1 else None
            if self.tokens[j].kind == "punct" or outlet and self.tokens[j].kind != "word":
                return None  # (an outlet's name in parentheses is words: not (27 عاما))
        return None

    def parse_name(self, i: int, after_title: bool, after_verb: bool = False, strong_title: bool = True,
                   bare_title: bool = False) -> int:
        """Token index after a person's name starting at i (i when there is none)."""
        particles = self.lex["name-particles"].by_norm
        norm_text = self.ctx.norm.text
        j = i
        count = 0
        while j < len(self.tokens) and count < MAX_NAME_TOKENS:
            w = self._word(j)
            if w is None or j > i and "\n" in norm_text[self.tokens[j - 1].end:self.tokens[j].start]:
                break  # a name ends at a line break (a verse's last word, a headline's)
            if j == i and w[0] in NAME_CLITICS and _kunya(w) and self._word(j + 1) in self.res.given_names.by_norm:
                j += 2  # وأبو غسان، لأبي خليل: a kunya with a clitic
                count += 1
                continue
            if w in particles and self._word(j + 1) in particles and self._word(j + 2) and not self.used[j]:
                j += 1  # بن أبي وقاص، بن عبد الكريم: a particle chained to another
                continue
            if w in particles and j == i and (particles[w].get("kind") == "surname-prefix" or not (
                    self._word(j + 1) in self.res.given_names.by_norm or self._is_definite(j + 1))):
                break  # لا توجد، أو النساء، أم متزوج: not أبو أحمد، أم كلثوم، أبو الغيط
            if w in particles and self._word(j + 1) and not self.used[j] \
                    and not (j > i and (j + 1) in self._title_at and self._is_definite(j + 1)) \
                    and not self._pronoun_for_marbuta(j, particles[w]) \
                    and self._is_name_token(j + 1, first=False, after_particle=True) \
                    and not self._written(j + 1).endswith(_PRONOUNS_ON_A_NAME):
                j += 2  # a particle and its name count as one name word (حمد بن جاسم بن جبر آل ثاني)
                count += 1
                if w == _FAMILY_NORMALIZED:
                    break  # آل ثاني: the family name ends the name
                continue
            if j == i and (after_verb or after_title) and w in _LATIN_INITIALS and self._word(j + 1) in _LATIN_INITIALS \
                    and (after := self._word(j + 2)) not in _LATIN_INITIALS and after and not self.res.is_non_name(after):
                j, count = j + 3, count + 2  # قال جيه كيه رولينغ: two initials and the surname they open
                continue
            if not self._is_name_token(j, first=(j == i), long_name=count >= 2,
                                       family=(after_verb or after_title) and count == 1):
                if j > i and self._family_by_position(j, after_title or after_verb, i):
                    j += 1
                break
            if j > i and self.tokens[j].text.startswith(ARTICLE) and not self._compound_second(j) and not (self._word(j + 1) in particles and self._not_function_word(self._word(j + 1))):
                j += 1  # a family name with the article ends the name: مقتدى الصدر أثرت، سعيد الأحمري لا أعلم (not لا فونتين)
                count += 1
                break
            if j > i and w in _LATIN_INITIALS and j + 2 < len(self.tokens) and self.tokens[j + 1].text == "." \
                    and self._is_name_token(j + 2, first=False):
                j += 3  # لورا إيه. كولانجيلو: a middle initial, its stop and the surname after it
                count += 2
                continue
            if self.tokens[j + 1].text == "-" if j + 1 < len(self.tokens) else False:
                if self._is_name_token(j + 2, first=False) and self.tokens[j + 1].start == self.tokens[j].end:
                    j += 3  # نكويتا-سلامي
                    count += 2
                    continue
            j += 1
            count += 1
        if j == i:
            return i
        # an unknown trailing word must be followed by what ends a name (نبيه بري اقتراح رايس): else it is the next phrase
        while j - i > 1 and not self._verified(j - 1) and not self._boundary(j):
            j -= 1
        # a third unknown word is more often a verb-first sentence's object (يواجه صدام حسين عقوبة الإعدام) than a name:
        # keep it only before what surely ends a name, never with the accusative ending (مؤتمرا)
        while j - i > 2 and self._name_words(i, j) > 2 and not self._verified(j - 1) and not self._strong_boundary(j):
            j -= 1
        if j - i > 2 and self._name_words(i, j) > 2 and self._common_given(self.tokens[j - 1].text) and not self._strong_boundary(j):
            j -= 1  # محمود حسين هديب مختار قرية الدوايمة: an everyday word (مختار = village head) ends it
        if _kunya(self._word(i)) and j - i > 2 and not self._verified(i + 2):
            j = i + 2  # وأبو غسان خارطة: a kunya is a whole name
        for k in range(i + 2, j):
            if not self._verified(k) and self._accusative(k):
                j = k  # مها أحمد برنامجا بعنوان: an accusative object ends the name before it
                break
        while (j - i > 2 or (j - i > 1 and not after_title)) and not self._verified(j - 1) \
                and self._accusative(j - 1):
            j -= 1  # ترأس عباس اجتماعا طارئا (after a title, منسق السياسة الخارجية خافيير سولانا)
        while j - i > 1 and self.tokens[j - 1].text in self.lex["name-particles"].by_norm:
            j -= 1  # a name does not end on a particle (عمرو بن ...)
        n = j - i
        first = self._word(i)
        assert first is not None  # the loop above read token i as a word
        if bare_title and not any(self._verified(k) for k in range(i, j)):
            return i  # لكل مشرف طابب حذف: after a bare indefinite title only a name we know is a name
        if after_title and not self._verified(i) and (
                first.endswith(_ACCUSATIVE_OR_NISBA_F) or (not first.startswith(ARTICLE) and _verbal_noun_shape(ARTICLE + first))
                or (first[0] == YEH and len(first) >= 4)
                or (first[0] == ALEF and (len(first) == 4 or (len(first) == 5 and first[2] == TEH)))) \
                or (after_title and not any(self._verified(k) for k in range(i, j))
                    and n >= 2 and not self._strong_boundary(j)):
            # قرر الوزير تشكيل فرق طبية، الرئيس الأميركي عزما أكيدا، رفض الرئيس ترسيم الحدود، المدير
            # يتمتع بخبرة، النجم أحرز لقبا: a verb or its object, not a name
            return i
        known_first = first in self.res.given_names.by_norm or self.res.given_names.lookup(first) is not None \
            or self._proper_noun(first) or first in self.lex["surnames"].by_norm
        if n == 1 and not known_first and not (after_title and strong_title and self._hard_boundary(j)):
            return i  # الوزير متحمس، الرئيس السابق وجود: a description, not a name
        # (never right after an honorific: الدكتور علي السواط is a name, no preposition follows الدكتور)
        misspelled_preposition = first.endswith(YEH) and self._written(i)[:-1] + ALEF_MAKSURA in self.res.stopwords_as_written \
            and not self._after_honorific(i)
        if self._common_given(first) and n == 1 + (first in self.lex["name-particles"].by_norm) \
                and not ((after_title or after_verb) and (self._hard_boundary(j) or not misspelled_preposition)):
            return i  # الرئيس علي التراجع: علي (على) alone is a name only before a verb or punctuation
        if self._common_given(first) and n == 2 and not self._verified(i + 1) \
                and (second := self._word(i + 1) or "").startswith(_ARTICLE_MEEM) and second.endswith(_PARTICIPLE_PLURALS):
            return i  # ورصد أسماء المتغيبين، أعلنت أسماء المرشحين: an everyday word before a plural participle
        if n >= 2 and (after_title or after_verb) and not self._verified(i + 1) and misspelled_preposition:
            return i  # رئيس البنك علي إصدار سندات: على spelled with ي
        if self._common_given(first) and not (after_title or after_verb) and (
                not self._strong_name(i + 1) or self._common_given(self._word(i + 1) or "")):
            return i  # علي نطاق واسع، علي التوالي، خليفة أبو حمزة: an everyday word, not a name
        if j < len(self.tokens) and self._word(j) in _REGNAL and self._word(i - 1) in _REGNAL_TITLES:
            j += 1  # الملك عبدالله الثاني
        return j

    def _after_honorific(self, i: int) -> bool:
        """An honorific of the titles lexicon (الدكتور، د.، المهندس) ends right before token i."""
        return any((hit := self._title_at.get(k)) is not None and hit[0] == i
                   and hit[1].entry.get("kind") == "honorific" for k in (i - 1, i - 2))

    def _strong_name(self, i: int) -> bool:
        """A known given name, surname or proper noun (a nisba alone is not enough: علي التوالي)."""
        if i >= len(self.tokens) or self.tokens[i].kind != "word":
            return False
        w = self.tokens[i].text
        particle = self.lex["name-particles"].by_norm.get(w)
        return (w in self.res.given_names.by_norm or w in self.lex["surnames"].by_norm or self._proper_noun(w)
                or (particle is not None and particle.get("kind") == "particle" and w != _UMM)  # أم: also "or"
                or self._family_of_person(w))

    def _listed_after_person(self, i: int) -> bool:
        """خالد العمري، وسالم القرني: و, a family name after it, and a person's name just before (a comma
        between): the next name of a list of names."""
        if not self.tokens[i].text.startswith(WAW) or not self._surname_like(self._word(i + 1) or ""):
            return False
        k = i - 1 if i > 0 and self.tokens[i - 1].kind == "punct" and self.tokens[i - 1].text in _LIST_COMMAS else i
        if k == 0:
            return False
        end = self.ctx.norm.to_original(self.tokens[k - 1].end)
        return any(m.loc.end == end for e in self.entities if e.kind == "person" for m in e.mentions)

    def _family_of_person(self, w: str) -> bool:
        """The family name of a person named before (أحمد الغامدي ... أما سعيد الغامدي فيقول): the nisba
        after an everyday word that is also a given name makes it a name (another of the family)."""
        return w.startswith(ARTICLE) and any(e.kind == "person" and e.key.endswith(" " + w) for e in self.entities)

    def _common_given(self, w: str) -> bool:
        return w in self.lex["common-given-names"].by_norm

    # -- entities ------------------------------------------------------------------------------
    def person(self, name_start: int, name_end: int, gender: str) -> tuple[Entity, bool]:
        key = " ".join(self._strip_clitic(self.tokens[k].text) if k == name_start else self.tokens[k].text
                       for k in range(name_start, name_end))
        loose = loose_key(key)
        joined = _joined_key(key)
        for e in self._person_keys.candidates(self.entities, key):
            if e.kind != "person":
                continue
            other = loose_key(e.key)
            if e.key == key or other == loose or named_by_head(e.key, key):  # محمد عبدالله (العمري)
                return e, False
            other_joined = _joined_key(e.key)
            if joined != key or other_joined != e.key:  # حسام عبدالغفار ... عبد الغفار
                if other_joined == joined or (other_joined.endswith(" " + joined) and not _nasab_of(e.key, key)):
                    return e, False
            if len(key.split()) == 2 and _without_nasab(other_joined) == joined:
                return e, False  # عثمان بن حمد الخويطر ... عثمان الخويطر
            if (e.key.endswith(" " + key) and not _nasab_of(e.key, key)) \
                    or (key.endswith(" " + e.key) and not _nasab_of(key, e.key)) \
                    or (len(loose.split()) >= 2 and ((other.endswith(" " + loose) and not _nasab_of(e.key, key))
                                                     or (loose.endswith(" " + other) and not _nasab_of(key, e.key)))):
                return e, False
        name = self.ctx.original_text(self._name_start_offset(name_start), self.tokens[name_end - 1].end)
        entity = Entity(self.ctx.new_id("p"), "person", name, key, gender)
        self.entities.append(entity)
        return entity, True

    def _strip_clitic(self, word: str) -> str:
        if word in self.res.given_names.by_norm:
            return word
        for clitic in NAME_CLITIC_PREFIXES:
            if word.startswith(clitic) and (word[1:] in self.res.given_names.by_norm or word[1:] in _KUNYA):
                return word[1:]
        return word

    def _name_start_offset(self, i: int) -> int:
        tok = self.tokens[i]
        word = tok.text
        stripped = self._strip_clitic(word)
        return tok.start + (len(word) - len(stripped))

    def add_mention(self, entity: Entity, start: int, end: int, form: str, title: str | None = None,
                    title_loc=None, lexicon: list[str] | None = None) -> Mention:
        mention = Mention(self.ctx.new_id("m"), entity.id, self.ctx.loc(start, end), form, title, title_loc,
                          lexicon=lexicon or [])
        if form == "name":
            at = self.ctx.norm.to_normalized(mention.loc.start)
            self._names_at.setdefault(at, []).append((entity, len(entity.mentions), mention))
        entity.mentions.append(mention)
        if title and title not in entity.titles:
            entity.titles.append(title)
        return mention

    def _entity_order(self, entity: Entity) -> int | None:
        """The entity's place in the list (appended to only, until the passes end); None: not in it."""
        order, entities = self._order, self.entities
        if len(order) > len(entities) or (order and entities[len(order) - 1] is not self._order_last):
            order.clear()  # (a new or reordered list)
        for k in range(len(order), len(entities)):
            order[id(entities[k])] = k
        if entities:
            self._order_last = entities[-1]
        k = order.get(id(entity))
        return k if k is not None and entities[k] is entity else None
