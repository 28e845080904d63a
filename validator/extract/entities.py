"""People, organizations and unnamed sources, with their titles and every mention of them.

Persons are found from titles (title + complement + name, or name + apposition title) and from
given names; later mentions by full name, surname, title alone and (in `attributions`) by a bare
continuation verb are linked to one entity. Organizations come from the bodies lexicon; unnamed
sources from the vague-source lexicon (a vague head with its modifiers, never followed by a name).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from validator.extract.context import Context
from validator.extract.model import Entity, Mention
from validator.extract.resources import loose_key
from validator.findings import Location
from validator.text.lexicon import LexEntry, LexMatch
from validator.text.tokens import Token

MAX_NAME_TOKENS = 5
RELATIVE_DESCRIPTION_WORDS = 6  # words of a relative clause after a name that may name the role (الذي أسس فرقة ...)
MAX_COMPLEMENT_TOKENS = 8
_TANWEEN = re.compile("[\u064b\u064c\u064d]")
_DIACRITICS = re.compile("[\u064b-\u0652\u0640\u0670]")
_DEFINITE_CLITICS = ("وال", "بال", "فال", "كال", "لل", "ال")
_BEFORE_ALLAH = frozenset({"عبد", "نصر", "عطا", "جار", "فضل", "خير", "حسب", "سعد", "رزق", "فتح", "عوض", "ضيف",
                           "هبه", "نعمه", "امه", "حمد", "عبيد"})
# the second half of a compound given name: نور الدين، صلاح الدين، محيي الدين
_BEFORE_DIN = frozenset({"نور", "صلاح", "محيي", "محي", "عز", "علاء", "شمس", "بدر", "سيف", "جمال", "كمال", "تقي",
                         "خير", "ضياء", "بهاء", "عماد", "فخر", "زين", "نصر", "سعد", "حسام", "شرف", "مجد", "بدر",
                         "قطب", "نجم", "شهاب", "ناصر", "معين", "برهان", "شجاع", "فتح", "غياث", "صدر", "نظام"})
# nouns that take a person's name as the name of a place, a trophy or an institution
_NAMED_PLACES = frozenset({"جامعه", "كاس", "بطوله", "مسجد", "شارع", "مستشفي", "مدينه", "مطار", "ميناء", "قاعده",
                           "مركز", "حي", "مدرسه", "جائزه", "مؤسسه", "جسر", "قصر", "ملعب", "استاد", "ستاد", "كليه",
                           "معهد", "مجمع", "ميدان", "منطقه", "جامع", "مدينة", "قاعة", "دوره", "مهرجان"})
_REGION_HEADS = frozenset({"ولايه", "محافظه", "منطقه", "مدينه", "اقليم", "اماره", "مقاطعه", "بلديه"})
# nouns whose following name is a body's, a family's or a firm's, not a person speaking
_NAMED_AFTER = frozenset({"ابناء", "اولاد", "شركه", "مجموعه", "مؤسسه", "مكتب", "مصنع", "مصرف",
                          "مجمع", "معهد", "كليه", "جمعيه", "صندوق", "مركز", "مستشفي", "جامعه", "مدرسه"})
_REGNAL = frozenset({"الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع",
                     "العاشر", "الحادي", "عشر"})
_TITLE_PREPOSITIONS = frozenset({"في", "لدي", "الي", "لدى", "ب"})


def _verb_like(word: str) -> bool:
    """A perfect verb's endings (أحالت، قالوا، يعملون): such a word cannot head a construct."""
    if word[0] == "ت" and len(word) >= 5 and word[-2] == "ي":
        return False  # تصريف، تسويق: the verbal noun pattern تفعيل
    return (word.endswith("ت") and not word.endswith("ات")) or word.endswith(("وا", "ون")) or (
        word[0] in "يت" and len(word) >= 4 and not word.startswith("تح"))


_KUNYA = frozenset({"ابو", "ابي", "ام"})
# kinship nouns that take a pronoun (ابنه، زوجته، شقيقها): a relation, not a name
_KIN = frozenset({"ابن", "ابنه", "بن", "زوج", "زوجه", "شقيق", "شقيقه", "نجل", "نجله", "والد", "والده", "اخ",
                  "اخت", "عم", "خال", "جد", "حفيد"})


# تقرير أصدرته المنظمة: a document followed by who issued it
_ISSUED_BY = frozenset({"اصدرته", "نشرته", "اعدته", "اصدرتها", "نشرتها", "اعدتها", "اصدره", "نشره", "اعده",
                        "وزعته", "وزعه"})
_QUOTE_OPENERS = frozenset({"«", '"', "“"})
_CLOSING_MARKS = frozenset({"»", "”", '"'})
_QUOTE_MARKS = _QUOTE_OPENERS | _CLOSING_MARKS
# Prepositions opening the occasion of a quotation between its speaker and it (خلال مؤتمر صحفي)
_OCCASION = frozenset({"خلال", "في", "عقب", "امام", "اثناء", "لدي"})
OCCASION_WORDS = 3
HOLDER_WORDS = 3  # words no lexicon knows read as a title's holder (منة شلبي، هورشت هيلدت)
_REPORT_MARKS = frozenset({":", "«", '"', "“", "ان", "انه", "انها", "بان"})


def _adverbial_shape(word: str) -> bool:
    """مجددا، مؤخرا، مضيفا: an accusative participle or adverb (a foreign name may still end in ا)."""
    return len(word) >= 5 and word.startswith("م") and word.endswith("ا")


def _kunya(word: str | None) -> bool:
    """أبو/أم, alone or with a clitic (وأبو، لأبي): the start of a kunya."""
    if not word:
        return False
    return word in ("ابو", "ام") or (word[0] in "وفبل" and word[1:] in _KUNYA)


def _named_place(word: str | None) -> bool:
    """جامعة، لمستشفى، بمركز: a noun that takes a person's name as its own (a clitic split off)."""
    if not word:
        return False
    return word in _NAMED_PLACES or (word[0] in "وفبل" and word[1:] in _NAMED_PLACES)


# أنّ/إنّ with a pronoun: the noun after it is the clause's predicate (أنهم مواطنون)
_PREDICATE_AFTER = frozenset({"انه", "انها", "انهم", "انهن", "انني", "انا", "اننا", "انك", "انكم", "لانهم", "بانهم",
                              "وانهم", "بانه", "بانها"})
_NASAB = frozenset({"بن", "ابن", "بنت", "ابنه", "ولد"})


def _nasab_of(longer: str, shorter: str) -> bool:
    """محمد بن سلمان بن عبدالعزيز is the son of سلمان بن عبدالعزيز, not he: a name that ends the longer
    one right after بن/بنت (its nasab chain) names the father, another person."""
    head = longer.split()[:-len(shorter.split())]
    return bool(head) and head[-1] in _NASAB


def _joined_key(key: str) -> str:
    """A name with عبد written apart joined to its next word (حسام عبد الغفار → حسام عبدالغفار): the
    press writes both, and they are one name."""
    words = key.split()
    out, k = [], 0
    while k < len(words):
        if words[k] == "عبد" and k + 1 < len(words):
            out.append("عبد" + words[k + 1])
            k += 2
        else:
            out.append(words[k])
            k += 1
    return " ".join(out)


def _without_nasab(key: str) -> str | None:
    """عثمان بن حمد الخويطر → عثمان الخويطر: the first name and the family name, the chain of fathers
    left out, as a later mention often writes it."""
    words = key.split()
    if len(words) >= 4 and words[1] in _NASAB:
        return words[0] + " " + words[-1]
    return None


def _spelling_variant(word: str, surname: str) -> bool:
    """بيدرسون for بيدرسن: the same first letter and length within one (not عنوان for عنان)."""
    a, b = word.removeprefix("ال"), surname.removeprefix("ال")
    if a + "ي" == b or b + "ي" == a:
        return False  # قحطان / القحطاني: the tribe and its nisba, not one name spelled two ways
    return a[:1] == b[:1] and abs(len(a) - len(b)) <= 1


def _verbal_noun_shape(word: str, plurals: bool = True) -> bool:
    """A definite verbal noun or feminine plural (الإفصاح، التعليق، الاجتماع، الاستقبال، المواجهة،
    الإجراءات): after a verb and a first name it is the verb's object, not a family name."""
    if not word.startswith("ال") or word.endswith("ي"):
        return False
    w = word[2:]
    n = len(w)
    return plurals and w.endswith("ات") and n >= 5 or (n == 5 and (
        (w[0] == "ا" and w[3] == "ا") or (w[0] == "ت" and w[3] == "ي") or (w[0] == "ت" and w[2] == "ا"))) or (
        n == 6 and ((w[0] == "ا" and w[4] == "ا") or (w[0] == "م" and w[2] == "ا" and w[5] == "ه"))) or (
        n == 7 and w.startswith("است") and w[5] == "ا")


@dataclass
class TitlePhrase:
    start: int              # token index of the first title word
    end: int                # token index after the phrase
    roles: list[tuple[int, int, LexMatch]] = field(default_factory=list)  # (start, end, match) per title
    gender: str = "m"
    definite: bool = False


class EntityExtractor:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.tokens = ctx.tokens
        self.used = [False] * len(ctx.tokens)
        self._role_starts_cache: set[int] | None = None
        self._words = [t.text if t.kind == "word" else None for t in ctx.tokens]  # _word(i), looked up often
        self._written_at: list[str | None] = [None] * len(ctx.tokens)  # _written(i), computed once
        self.entities: list[Entity] = []
        self.res = ctx.res
        self._title_at = self._index_matches("titles")
        self._portfolio_at = self._index_matches("portfolios")
        self._nationality_at = self._index_matches("nationalities")
        self._body_at = self._index_matches("bodies")
        self._place_at = self._index_matches("places")
        self._modifier_at = self._index_matches("title-modifiers")
        self._quoted_names: dict[int, int] = {}

    # -- helpers -------------------------------------------------------------------------------
    def _index_matches(self, lexicon: str) -> dict[int, tuple[int, LexMatch]]:
        """token index -> (end token index, match) for every match of a lexicon."""
        return {m.i: (m.j, m) for m in self.ctx.hits(lexicon)}

    def _word(self, i: int) -> str | None:
        return self._words[i] if 0 <= i < len(self._words) else None

    def _written(self, i: int) -> str:
        """A token as the author wrote it, diacritics removed but letters not folded."""
        written = self._written_at[i]
        if written is None:
            tok = self.tokens[i]
            raw = self.ctx.doc.text[self.ctx.norm.to_original(tok.start):self.ctx.norm.to_original(tok.end)]
            written = self._written_at[i] = _DIACRITICS.sub("", raw)
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
        if not first and (w.endswith(("ه", "ها")) and w.rstrip("ها").removesuffix("ت") in _KIN
                          or (self._written(i)[:-1] + "ى" in self.res.stopwords_as_written
                              and not self._strong_name(i + 1))):
            return False  # إسماعيل ابنه، جوزيه علي فريقه (على spelled with ي)
        if not first and self._word(i + 1) == "الله" and w not in _BEFORE_ALLAH:
            return False  # الملك حسين رحمة الله: a phrase about God, not the next name word
        if not first and self._compound_second(i):
            return True  # نصر الله، عبد الفتاح، محيي الدين
        if w == "الله":
            return False  # أحمد الله (I thank God)
        if not first and self._word(i - 1) == "ال" and self._written(i - 1) == "آل":
            return True  # آل ثاني، آل مكتوم: a family name after آل, even a common word
        given = w in self.res.given_names.by_norm or self._proper_noun(w)
        if long_name and w.startswith("ال") and self.res.nationality_forms.lookup(w) is not None:
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
                w[0] == "ي" or (w[0] == "ب" and ((w[1:2] in ("ت", "م") and len(w) >= 5)
                                                 or (w[1:2] == "ا" and len(w) >= 7)))):
            return False  # يطلب، بارتكاب، بتوقيت: a verb or a verbal noun after the name
        if not first and not given and not self._verified(i) and w[0] == "ل" and len(w) >= 4 \
                and (w[1] not in "اوي" or self._written(i)[1:2] == "إ"):
            return False  # لراديو، لحل، لإيقاف: a preposition on a noun (ليفيت، لاريجاني are names)
        if not first and not given and not self._verified(i) and (
                (w.startswith("تت") and len(w) >= 5) or (w[0] == "ت" and len(w) == 4)):
            return False  # تتواصل، منال تذهب: an imperfect verb
        if not first and not given and not self._verified(i) and (
                (not w.startswith("ال") and _verbal_noun_shape("ال" + w, plurals=False)) or (w[0] == "ب" and len(w) >= 4 and w.endswith(("ه", "اء")))
                or w.startswith("كم") or (w[0] == "م" and w.endswith("ات") and len(w) >= 6)
                or (w[0] == "ا" and w.endswith("ت") and not w.endswith("ات") and len(w) <= 5)):
            return False  # توقع فارس تزايد، ارتفاع؛ بشدة، بصراحة؛ كمقدم؛ مذكرات؛ اخذت: not a name word
        if first:
            if w.startswith("ال") and not given:
                return False
            if (i in self._title_at or w in _KIN) and not given:
                return False  # وكيل قاضي عكا، شاعر عم ...: a second title or a relative, not a name
            if self._written(i)[:2] in ("بإ", "بأ"):
                return False  # بإسم (in the name of) is not the name باسم
            if self._pronoun_for_marbuta(i, self.res.given_names.by_norm.get(w)):
                return False  # ناديه (his club) is not نادية
            if w[0] in "وفبلك" and not given and not (w[0] in "وف" and w[1:] in self.res.given_names.by_norm
                                                      and not self._common_given(w[1:])):
                # a clitic on a name is only plausible as و/ف on a name we know (وفؤاد); لدينا is not لـ دينا
                return False
        else:
            if not given and self._clitic_on_known_word(w):
                return False  # وعز الدين: a second person; لمدة، بالوزارة: not a name
            if w.startswith("ال") and not given and not self._surname_like(w) \
                    and not (after_particle or family or (long_name and self.res.nationality_forms.lookup(w))):
                return False
            if family and not after_particle and _verbal_noun_shape(w):
                return False  # ورفض حمدان الإجراءات، رفض جوزيه الإفصاح
        return True

    def _pronoun_for_marbuta(self, i: int, entry: LexEntry | None) -> bool:
        """The entry ends in ة but the text has ه: a pronoun suffix (ناديه his club, ابنه his son),
        not the name or particle (نادية، ابنة) that normalizing made it look like."""
        return entry is not None and entry.text.endswith("ة") and self._written(i).endswith("ه")

    def _not_function_word(self, w: str) -> bool:
        """After بن/أبو even a verb or a common word is a name (بن أبي طالب)، but not a preposition."""
        entry = self.res["stopwords"].by_norm.get(w)
        return entry is None or entry.get("kind") == "verb"

    def _not_a_name_shape(self, i: int) -> bool:
        """A pronoun suffix written with ه (not ة): اختباراته، بفوزه، قراره; a future verb: ستزور."""
        written = self._written(i)
        w = self.tokens[i].text
        if len(written) > 4 and written.endswith(("ه", "ها", "هم", "هما")) and not written.endswith(("ة", "الله")):
            return True
        return len(w) >= 5 and w[:2] in ("ست", "سي", "سن")

    def _boundary(self, j: int) -> bool:
        """What may follow a name: punctuation, a number, the end, a function word, a verb we know,
        a title or a coordinated word (و...)."""
        if j >= len(self.tokens) or self.tokens[j].kind != "word":
            return True
        w = self.tokens[j].text
        return (self.res.is_non_name(w) or w[0] == "و" or j in self._title_at
                or self.res.reporting_forms.lookup(w) is not None or self._not_a_name_shape(j)
                or (w.startswith(_DEFINITE_CLITICS) and len(w) > 3 and not self._surname_like(w))
                or (w[0] in "بل" and len(w) >= 5))  # جورج بوش الأزمة، كوفي أنان لحل الأزمة

    def _hard_boundary(self, j: int) -> bool:
        """Punctuation, the end, a number, or a reporting verb: what surely follows a bare surname."""
        if j >= len(self.tokens) or self.tokens[j].kind != "word":
            return True
        w = self.tokens[j].text
        return self.res.reporting_forms.lookup(w) is not None or w in ("ان", "انه", "الذي", "التي")

    def _compound_second(self, i: int) -> bool:
        """The second word of a compound given name: عبد الله، عبد الفتاح، نصر الله، محيي الدين."""
        w, prev = self._word(i), self._word(i - 1)
        if w is None or prev is None or not w.startswith("ال"):
            return False
        return (w == "الله" and prev in _BEFORE_ALLAH) or (w == "الدين" and prev in _BEFORE_DIN) \
            or (prev == "عبد" and len(w) > 3)

    def _family_by_position(self, j: int, introduced: bool, words_before: int) -> bool:
        """A word the name rules doubt (باسكوال، العطية، العقاد) is still the family name when it follows
        known names, after a title or reporting verb, and something that surely ends a name follows it.
        A definite word needs two names before it: after one it is the verb's object (ورفض حمدان الإجراءات)."""
        w = self._word(j)
        if w is None or self.used[j] or not introduced or not self._verified(j - 1) \
                or self.res.is_non_name_strict(w) or j in self._title_at or self._has_tanween(self.tokens[j]) \
                or not self._strong_boundary(j + 1) \
                or (self._not_a_name_shape(j) and not (words_before >= 2 and self._written(j).endswith("ه"))):
            return False  # (a family name in ـه after two names is not a pronoun: عادل عليان دراغمه)
        if w.startswith(_DEFINITE_CLITICS):
            if w.startswith("ال") and w.endswith("ي") and len(w) > 5:
                return True  # السيد ماهر المصري: a nisba, even one that is also a nationality
            return words_before >= 2 and w.startswith("ال") and not w.startswith("الم") \
                and not self.res.is_non_name(w)
        return w[0] not in "وفلي" and not (w[0] == "ت" and len(w) == 4) and not w.endswith("ا") \
            and not self.res.is_non_name(w)  # not خالد مشعل يطلب، منال تذهب

    def _name_words(self, i: int, j: int) -> int:
        """Words of a name, a compound (عبد المجيد) or a particle with its name (بن سلمان) counted once."""
        particles = self.res["name-particles"].by_norm
        return sum(1 for k in range(i, j) if not self._compound_second(k) and self.tokens[k].text not in particles)

    def _strong_boundary(self, j: int) -> bool:
        """What surely ends a name: punctuation, a reporting verb, a function word, a title, a future verb."""
        if self._hard_boundary(j) or j in self._title_at:
            return True
        w = self.tokens[j].text
        return self.res.is_non_name_strict(w) or (len(w) >= 5 and w[:2] in ("ست", "سي", "سن")) or _verb_like(w) \
            or (w[0] == "و" and len(w) > 3) \
            or (w[0] == "ل" and len(w) >= 4 and w[1] not in "اوي")  # ومسؤولين، لبحث: a new phrase

    def _verified(self, i: int) -> bool:
        """A name token we have evidence for: a known given name or surname, a nisba, a proper noun."""
        w = self.tokens[i].text
        return (self._compound_second(i) or w in self.res.given_names.by_norm
                or (w.startswith("ابو") and len(w) > 5 and not self.res.is_non_name(w))  # أبولبده، أبوالغيط
                or (i > 0 and self.tokens[i - 1].kind == "word"
                    and self.res["name-particles"].attr(self.tokens[i - 1].text, "kind") == "particle") or self._surname_like(w) or self._proper_noun(w)
                or w in self.res["name-particles"].by_norm)

    def _clitic_on_known_word(self, w: str) -> bool:
        """وعز، بالوزارة، لمدة: a clitic on a word we know (بلينكن and فرحان are names, not clitics)."""
        if w.startswith(("وال", "بال", "فال", "لل", "كال")):
            return True
        if w[0] == "و" and not w.startswith("وو"):
            return True  # و inside a name is a coordination: إبراهيم دياز وعز الدين، رشيد ودولة
        if w[0] == "ل" and len(w) > 3 and w[1] in "يتن":
            return True  # ليحسم، لتعزيز: a verb
        if w[0] in "وفبلك" and len(w) > 2:
            rest = w[1:]
            return (rest in self.res.given_names.by_norm or rest in self.res.non_name_words
                    or rest.startswith("ال"))
        return False

    def _proper_noun(self, w: str) -> bool:
        """With a morphology database: a word it analyses only as a proper noun is a name."""
        morph = self.res.morphology
        return morph is not None and not self.res.is_non_name_strict(w) and morph.is_proper_noun(w)

    def _surname_like(self, w: str) -> bool:
        """A definite family name: a nisba (الدوسري، الساعاتي) or one the surnames lexicon knows (الصحاف)."""
        return (w.endswith("ي") and len(w) > 4) or w in self.res["surnames"].by_norm

    def _quoted_name_end(self, i: int) -> int | None:
        """Token index after a short quoted name starting at token i ("فيلق القدس"), or None."""
        t = self.tokens[i] if i < len(self.tokens) else None
        if t is None or t.text not in '"«“':
            return None
        close = {"«": "»", "“": "”", '"': '"'}[t.text]
        for j in range(i + 1, min(i + 6, len(self.tokens))):
            if self.tokens[j].text == close:
                return j + 1 if j > i + 1 else None
            if self.tokens[j].kind == "punct":
                return None
        return None

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
                             definite=match.entry.norm.startswith("ال") or match.prefix.endswith("ال"))
        last_word = match.entry.norm.split()[-1]
        body = self.res["bodies"].by_norm.get(last_word)
        nxt = self._title_at.get(end)
        if nxt is not None and nxt[1].entry.get("kind") == "role" and not nxt[1].prefix \
                and not (body is not None and body.get("kind") == "head"):
            end = nxt[0]  # نائب رئيس الوزراء، مستشار الرئيس، مساعد وزير الخارجية
        if body is not None and body.get("kind") == "head" and self._body_own_name(end):
            end += 1  # رئيس جامعة حلوان: the title ends in a body noun whose name follows
        j = self._complement(end, after_body=body is not None and body.get("kind") == "head")
        phrase.end = j
        # a rank or honorific may follow a role: وزير الداخلية اليمني اللواء عبده الحذيفي
        if j + 1 < len(self.tokens) and self.tokens[j].text in "،," and (j + 1) in self._title_at \
                and self._title_at[j + 1][1].entry.get("kind") in ("rank", "honorific"):
            j += 1  # قائد شرطة البصرة، اللواء عباس ناجي
        while j in self._title_at and self._title_at[j][1].entry.get("kind") in ("rank", "honorific") \
                and not self.used[j] and not self._title_at[j][1].prefix.startswith("و"):
            # (وكيل المحافظة، والدكتور سعدون ...: an honorific joined by و opens the next person of a list)
            k, m = self._title_at[j]
            phrase.roles.append((j, k, m))
            j = self._complement(k) if m.entry.get("kind") == "rank" else k
            phrase.end = j
        return phrase

    def _complement(self, j: int, after_body: bool = False) -> int:
        """Extend a title over what says whose title it is: portfolio, body, nationality, a place,
        باسم + body, a preposition + body or place (في المفوضية، لدى الأمم المتحدة، إلى سوريا)."""
        limit = min(len(self.tokens), j + MAX_COMPLEMENT_TOKENS)
        while j < limit:
            w = self._word(j)
            if w in ("باسم", "شؤون", "لشؤون", "للشؤون"):
                j += 1
                continue
            if w is not None and self._word(j - 1) == "باسم" and not self._complement_word(j) and j not in self._title_at \
                    and w not in self.res.given_names.by_norm and not self.res.is_non_name_strict(w):
                j += 1  # المتحدث باسم أهالي المختطفين: whoever he speaks for is part of the title
                after_body = True
                continue
            if w in _TITLE_PREPOSITIONS and self._complement_word(j + 1):
                j += 1  # مدير الدفاع المدني في ولاية كسلا، ممثلها لدى الأمم المتحدة
                continue
            place = self._word(j + 1) if w in ("في", "لدي") else None
            if place and self._word(j + 2) in self.res.given_names.by_norm \
                    and place not in self.res.given_names.by_norm \
                    and not self.res.is_non_name_strict(place) and j + 1 not in self._title_at:
                j += 2  # المسؤول في المار صالح محمد: a place no lexicon knows, then the holder's name
                continue
            quoted = self._quoted_name_end(j)
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
            if w is not None and (w in _REGION_HEADS or (w[0] == "ل" and w[1:] in _REGION_HEADS)) \
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
            if after_body and w in ("الملك", "الامير", "الامام", "الشيخ", "السلطان") and self._word(j + 1) \
                    and _named_place(self._word(j - 1)):
                j += 2  # جامعة الملك فيصل (but وزير الدفاع الأمير محمد بن سلمان: the prince is the holder)
                continue
            if w.startswith("وال") and not after_body:
                break  # وزير الدفاع الأميركي والمتعلقة: a new clause, not the title
            if self._is_definite(j) and not self.res.is_non_name_strict(w) \
                    and w not in self.res.given_names.by_norm and j not in self._title_at \
                    and w not in self.res["surnames"].by_norm:
                j += 1
                after_body = True
                continue
            if after_body and j in self._title_at and self._title_at[j][1].entry.get("kind") == "role" \
                    and w.startswith("ال"):
                j = self._title_at[j][0]  # الأمين العام للأمم المتحدة / نائب رئيس الوزراء
                continue
            bare = w[1:] if w.startswith("و") and after_body and len(w) > 3 else w
            if not self.res.is_non_name(bare) and bare not in self.res.given_names.by_norm \
                    and not _verb_like(bare) \
                    and bare not in self.res["name-particles"].by_norm and not self._has_tanween(self.tokens[j]) \
                    and self._is_definite(j + 1) and not bare.startswith(("ال", "ف")) \
                    and (after_body or not bare.startswith("و")) \
                    and (bare != w or not self.tokens[j - 1].text.startswith(_DEFINITE_CLITICS)):
                # a construct follows an indefinite noun, or is coordinated with و after one
                j += 2  # a construct: حكومة تصريف الأعمال، مدير علم الأوبئة ومكافحة الأمراض
                after_body = True
                continue
            break
        return j

    def _body_own_name(self, j: int) -> bool:
        """After an indefinite body noun (جامعة، شركة), an unknown word is that body's name."""
        w = self._word(j)
        if not w:
            return False
        return not self._is_definite(j - 1) and not w.startswith(("ال", "و")) \
            and j not in self._title_at and not self.res.is_non_name(w) and w not in self.res.given_names.by_norm \
            and self._complement_word(j) == 0

    def _complement_word(self, j: int) -> int:
        """Token index after a portfolio, nationality, body or place starting at j, or 0."""
        for table in (self._portfolio_at, self._nationality_at, self._body_at, self._place_at):
            hit = table.get(j)
            if hit is not None and not hit[1].prefix.startswith(("و", "ف")):
                return hit[0]  # (ومنظمة الصحة: a second body, coordinated, not this one's complement)
        return 0

    def _is_definite(self, j: int) -> bool:
        w = self._word(j)
        if not w:
            return False
        return w.startswith(_DEFINITE_CLITICS) and len(w) > 3

    # -- names -------------------------------------------------------------------------------
    def parse_name(self, i: int, after_title: bool, after_verb: bool = False, strong_title: bool = True,
                   bare_title: bool = False) -> int:
        """Token index after a person's name starting at i (i when there is none)."""
        particles = self.res["name-particles"].by_norm
        j = i
        count = 0
        while j < len(self.tokens) and count < MAX_NAME_TOKENS:
            w = self._word(j)
            if w is None:
                break
            if j == i and w[0] in "وفبل" and _kunya(w) and self._word(j + 1) in self.res.given_names.by_norm:
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
                    and not self._written(j + 1).endswith(("ه", "ها", "هم")):
                j += 2  # a particle and its name count as one name word (حمد بن جاسم بن جبر آل ثاني)
                count += 1
                if w == "ال":
                    break  # آل ثاني: the family name ends the name
                continue
            if not self._is_name_token(j, first=(j == i), long_name=count >= 2,
                                       family=(after_verb or after_title) and count == 1):
                if j > i and self._family_by_position(j, after_title or after_verb, self._name_words(i, j)):
                    j += 1
                break
            if j > i and self.tokens[j].text.startswith("ال") and not self._compound_second(j) and not (
                    self._word(j + 1) in particles):
                j += 1  # a family name with the article ends the name: مقتدى الصدر أثرت
                count += 1
                break
            if self.tokens[j + 1].text == "-" if j + 1 < len(self.tokens) else False:
                if self._is_name_token(j + 2, first=False) and self.tokens[j + 1].start == self.tokens[j].end:
                    j += 3  # نكويتا-سلامي
                    count += 2
                    continue
            j += 1
            count += 1
        if j == i:
            return i
        # a trailing word we know nothing about must be followed by something that ends a name
        # (كوندوليزا رايس ستزور الشرق، نبيه بري اقتراح رايس): otherwise it is the next phrase
        while j - i > 1 and not self._verified(j - 1) and not self._boundary(j):
            j -= 1
        # a third unknown word is more often the object of a verb-first sentence (وعقد الوزير دونالد
        # رامسفيلد مؤتمرا صحافيا، يواجه صدام حسين عقوبة الإعدام) than a name: keep it only before what
        # surely ends a name, and never when it has the accusative ending (مؤتمرا، برنامجا)
        while self._name_words(i, j) > 2 and not self._verified(j - 1) and not self._strong_boundary(j):
            j -= 1
        if self._name_words(i, j) > 2 and self._common_given(self.tokens[j - 1].text) and not self._strong_boundary(j):
            j -= 1  # محمود حسين هديب مختار قرية الدوايمة: an everyday word (مختار = village head) ends it
        if _kunya(self._word(i)) and j - i > 2 and not self._verified(i + 2):
            j = i + 2  # وأبو غسان خارطة: a kunya is a whole name
        for k in range(i + 2, j):
            if not self._verified(k) and self.tokens[k].text.endswith("ا") and len(self.tokens[k].text) >= 5:
                j = k  # مها أحمد برنامجا بعنوان: an accusative object ends the name before it
                break
        while (j - i > 2 or (j - i > 1 and not after_title)) and not self._verified(j - 1) \
                and self.tokens[j - 1].text.endswith("ا") and len(self.tokens[j - 1].text) >= 5:
            j -= 1  # ترأس عباس اجتماعا طارئا (after a title, منسق السياسة الخارجية خافيير سولانا)
        while j - i > 1 and self.tokens[j - 1].text in self.res["name-particles"].by_norm:
            j -= 1  # a name does not end on a particle (عمرو بن ...)
        n = j - i
        first = self._word(i)
        assert first is not None  # the loop above read token i as a word
        if bare_title and not any(self._verified(k) for k in range(i, j)):
            return i  # لكل مشرف طابب حذف: after a bare indefinite title only a name we know is a name
        if after_title and not self._verified(i) and (
                first.endswith(("ا", "يه")) or (not first.startswith("ال") and _verbal_noun_shape("ال" + first)) or (first[0] == "ي" and len(first) >= 4)
                or (first[0] == "ا" and (len(first) == 4 or (len(first) == 5 and first[2] == "ت")))) \
                or (after_title and not any(self._verified(k) for k in range(i, j))
                    and n >= 2 and not self._strong_boundary(j)):
            # قرر الوزير تشكيل فرق طبية، الرئيس الأميركي عزما أكيدا، رفض الرئيس ترسيم الحدود، المدير
            # يتمتع بخبرة، النجم أحرز لقبا: a verb or its object, not a name
            return i
        known_first = first in self.res.given_names.by_norm or self.res.given_names.lookup(first) is not None \
            or self._proper_noun(first) or first in self.res["surnames"].by_norm
        if n == 1 and not known_first and not (after_title and strong_title and self._hard_boundary(j)):
            return i  # الوزير متحمس، الرئيس السابق وجود: a description, not a name
        misspelled_preposition = self._written(i)[:-1] + "ى" in self.res.stopwords_as_written
        if self._common_given(first) and n == 1 + (first in self.res["name-particles"].by_norm) \
                and not ((after_title or after_verb) and (self._hard_boundary(j) or not misspelled_preposition)):
            return i  # الرئيس علي التراجع: علي (على) alone is a name only before a verb or punctuation
        if n >= 2 and (after_title or after_verb) and not self._verified(i + 1) and misspelled_preposition:
            return i  # رئيس البنك علي إصدار سندات: على spelled with ي
        if self._common_given(first) and not (after_title or after_verb) and (
                not self._strong_name(i + 1) or self._common_given(self._word(i + 1) or "")):
            return i  # علي نطاق واسع، علي التوالي، خليفة أبو حمزة: an everyday word, not a name
        if j < len(self.tokens) and self._word(j) in _REGNAL and self._word(i - 1) in ("الملك", "البابا", "الامام"):
            j += 1  # الملك عبدالله الثاني
        return j

    def _strong_name(self, i: int) -> bool:
        """A known given name, surname or proper noun (a nisba alone is not enough: علي التوالي)."""
        if i >= len(self.tokens) or self.tokens[i].kind != "word":
            return False
        w = self.tokens[i].text
        particle = self.res["name-particles"].by_norm.get(w)
        return (w in self.res.given_names.by_norm or w in self.res["surnames"].by_norm or self._proper_noun(w)
                or (particle is not None and particle.get("kind") == "particle" and w != "ام"))  # أم: also "or"

    def _common_given(self, w: str) -> bool:
        return w in self.res["common-given-names"].by_norm

    # -- entities ------------------------------------------------------------------------------
    def person(self, name_start: int, name_end: int, gender: str) -> tuple[Entity, bool]:
        key = " ".join(self._strip_clitic(self.tokens[k].text) if k == name_start else self.tokens[k].text
                       for k in range(name_start, name_end))
        loose = loose_key(key)
        joined = _joined_key(key)
        for e in self.entities:
            if e.kind != "person":
                continue
            other = loose_key(e.key)
            if e.key == key or other == loose:
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
        loc = self.ctx.loc(self._name_start_offset(name_start), self.tokens[name_end - 1].end)
        entity = Entity(self.ctx.new_id("p"), "person", loc.text, key, gender)
        self.entities.append(entity)
        return entity, True

    def _strip_clitic(self, word: str) -> str:
        if word in self.res.given_names.by_norm:
            return word
        for clitic in ("و", "ف", "ب", "ل"):
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
        entity.mentions.append(mention)
        if title and title not in entity.titles:
            entity.titles.append(title)
        return mention

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
            if m.entry.norm.startswith("ال") and self.tokens[s].text.startswith("لل") \
                    and not self.ctx.norm.text[m.start:m.end].startswith("ال"):
                start_off = self.tokens[s].start  # للرئيس: لـ + الرئيس, the article's alef elided
            end_off = self.tokens[end_tok - 1].end
            loc = self.ctx.loc(start_off, end_off)
            out.append((loc.text.strip(" ،,"), loc, m.entry.source))
        return out

    def run(self) -> list[Entity]:
        self._reserve_anonymity()
        self._reserve_byline()
        self._public_figures()
        self._titled_persons()
        self._named_persons()
        self._relayed_speakers()
        bare = self._introduced_speakers()
        self._titled_before()
        self._surname_mentions()
        if self._bare_speakers(bare):
            self._surname_mentions()  # the bare speaker's other mentions (ينبه بينيتيز إلى أن)
        self._unnamed()
        self._anaphoric_documents()
        self._anonymous_people()
        self._title_only_mentions()
        self._organizations()
        for e in self.entities:
            e.mentions.sort(key=lambda m: m.loc.start)
            if e.mentions:
                e.mentions[0].first = True
        self.entities = [e for e in self.entities if e.mentions]
        self.entities.sort(key=lambda e: e.mentions[0].loc.start)
        return self.entities

    def _reserve_byline(self) -> None:
        """A byline (reporter - outlet - city:) opens the first paragraph: not a person in the story."""
        dateline = self.ctx.doc.dateline
        if dateline is None:
            return
        end = self.ctx.norm.to_normalized(dateline.end)
        for tok in self.tokens:
            if tok.start >= end:
                break
            if dateline.agency:
                self.used[tok.index] = True

    def _reserve_anonymity(self) -> None:
        """"طلب عدم الكشف عن اسمه" is never a name; the unnamed-source pass attaches it to its head."""
        for m in self.ctx.hits("vague-sources-all"):
            if m.entry.get("kind") == "anonymity":
                self._mark(m.i, m.j)

    def _public_figures(self) -> None:
        """Names from the public-figures lexicon are persons wherever they appear."""
        for m in self.ctx.hits("public-figures"):
            i, j = m.i, m.j
            if any(self.used[k] for k in range(i, j)):
                continue
            entity, _ = self.person(i, j, m.entry.get("gender", "m") or "m")
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
            self.add_mention(entity, m.start, m.end, "name", title, title_loc, lex)
            self._mark(start, j)

    def _mark(self, i: int, j: int) -> None:
        for k in range(i, j):
            self.used[k] = True

    def _titled_persons(self) -> None:
        self.title_only: list[TitlePhrase] = []
        n = len(self.tokens)
        starts = sorted(self._title_at)  # a title phrase starts only where a title matched
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
                if self.tokens[j].text.startswith("و") if j < n else False:
                    self.title_only.append(phrase)  # عضو مجلس الشورى، ومحمد العفالق: the next person of a list
                    k = bisect.bisect_left(starts, phrase.end, k)
                    continue
                w = self._word(j)
                if w and w.startswith("ال") and w.endswith("ي") and len(w) > 4 \
                        and self._word(j + 1) in self.res.given_names.by_norm:
                    j += 1  # رئيس مجلس النواب، الجمهوري جون بينر: a party or nisba before the name
            role_words = len(phrase.roles[0][2].entry.norm.split())
            strong = phrase.end - phrase.start > role_words or len(phrase.roles) > 1
            quoted_end = self._quoted_name_end(j) if phrase.definite or strong else None
            if quoted_end is not None and self._verified(j + 1) and self.parse_name(
                    j + 1, after_title=True, strong_title=True) == quoted_end - 1:
                j += 1  # قائد الحوثيين في عدن «عبدالخالق الحوثي»: the name in quotation marks
            name_end = self.parse_name(j, after_title=True, strong_title=strong,
                                       bare_title=phrase.end - phrase.start == 1 and not phrase.definite)
            if name_end > j:
                entity, _ = self.person(j, name_end, phrase.gender)
                titles = self._title_text(phrase)
                start = self.tokens[j].start
                honorifics = self._honorifics(phrase)
                first_title = titles[0] if titles else (honorifics[0] if honorifics else None)
                m = self.add_mention(entity, self._name_start_offset(j), self.tokens[name_end - 1].end, "name",
                                     first_title[0] if first_title else None, first_title[1] if first_title else None,
                                     [t[2] for t in titles])
                m.title_kind = (phrase.roles[0][2].entry.get("kind") if titles else "honorific") if first_title else None
                for text, _loc, _src in titles[1:] + self._honorifics(phrase):
                    if text not in entity.titles:
                        entity.titles.append(text)
                del start, m
                self._mark(phrase.start, name_end)
                k = bisect.bisect_left(starts, name_end, k)
            else:
                self.title_only.append(phrase)
                k = bisect.bisect_left(starts, phrase.end, k)
        return None

    def _named_persons(self) -> None:
        """Persons introduced by a given name (or, with a morphology database, a proper noun),
        with or without an apposition title after it."""
        for m in self._name_starts():
            i = m.i
            if i >= len(self.tokens) or self.used[i]:
                continue
            if m.prefix not in ("", "و", "ف"):
                continue  # سجون is not س + جون: a name takes no future or prepositional clitic here
            if self.tokens[i].text == "باسم" and i > 0 and ((i - 1) in self._title_at
                                                          or "تحدث" in (self._word(i - 1) or "")):
                continue  # متحدث باسم أولمرت، يتحدثون باسم المذهب: "in the name of", not the name باسم
            if i in self._title_at and self._title_at[i][0] - i >= 2:
                continue  # أمير منطقة عسير، أمين عام الجامعة: a title of two words starts here, not a name
            if self._in_place_or_body_name(i) and self._word(i - 1) not in ("ابو", "ام"):
                if self._word(i - 1) in _NAMED_AFTER or (self._word(i - 1) or " ")[1:] in _NAMED_AFTER:
                    self._mark(i, max(i + 1, self.parse_name(i, after_title=False)))  # the whole name is the body's
                continue
            before_word = self._word(i - 1)
            after_verb = before_word is not None and self.res.reporting_forms.lookup(before_word) is not None
            if _kunya(self._word(i - 1)) and not self.used[i - 1]:
                i -= 1  # a kunya: أم محمد، أبو أحمد، وأبو غسان، لأبي خليل
            end = self.parse_name(i, after_title=False, after_verb=after_verb)
            if end - i < 2:
                continue
            gender = m.entry.get("gender", "m") or "m"
            entity, _ = self.person(i, end, gender)
            title = None
            title_loc = None
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
            if phrase is not None and k > end and phrase.roles[0][2].prefix.startswith("و"):
                phrase = None  # وليام كوهين، ورئيس هيئة الأركان: the next item of a list, not an apposition
            if phrase is not None and phrase.roles[0][2].entry.get("kind") != "honorific":
                titles = self._title_text(phrase)
                if titles:
                    title, title_loc, src = titles[0]
                    lex.append(src)
                self._mark(k, phrase.end)
            elif self._word(k) in ("وهو", "وهي") and (phrase := self.parse_title(k + 1)) is not None:
                # الان ديشويتز وهو أستاذ في جامعة هارفرد
                titles = self._title_text(phrase)
                if titles:
                    title, title_loc, src = titles[0]
                    lex.append(src)
                self._mark(k, phrase.end)
            elif self._word(k) in ("وهو", "وهي") and self._describes(k + 1):
                # نانسي بيرم، وهي موظفة في مصرف: a description in apposition says who is speaking
                end_desc = self._complement(k + 2, after_body=True)
                title_loc = self.ctx.loc(self.tokens[k + 1].start, self.tokens[end_desc - 1].end)
                title = title_loc.text
                self._mark(k, end_desc)
            elif self._word(k) in ("من", "في", "لدي") and (k + 1) in self._body_at \
                    and not self._body_at[k + 1][1].prefix.startswith(("و", "ف")):
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
            elif self._word(k) in ("احد", "احدي") and self._word(k + 1):
                # "عبدالله البلوي، أحد مرتادي الطريق": a description that says who is speaking
                end_desc = self._complement(k + 2, after_body=True)
                title_loc = self.ctx.loc(self.tokens[k].start, self.tokens[end_desc - 1].end)
                title = title_loc.text
                self._mark(k, end_desc)
            self.add_mention(entity, self._name_start_offset(i), self.tokens[end - 1].end, "name", title,
                             title_loc, lex)
            self._mark(i, end)

    def _predicate_title(self, k: int) -> bool:
        """رئيسا، مدربا، كاتبا right after a name: a role in the accusative, what the person was made,
        named or is (اختير فلان رئيسا، عُيّن مديرا، كان كاتبا)."""
        w = self._word(k)
        if w is None or len(w) < 4 or not self.tokens[k].text.endswith("ا") or k in self._title_at:
            return False
        entry = self.res["titles"].by_norm.get(w[:-1])
        return entry is not None and entry.get("kind") in ("role", "rank")

    def _relative_description(self, k: int) -> int | None:
        """الذي أسس فرقة موال النصراوية، التي تعمل في مصرف الراجحي: a relative clause right after a name
        says who the person is when, within a few words, it names a role or a body. The token after it."""
        if self._word(k) not in ("الذي", "التي"):
            return None
        n = len(self.tokens)
        for j in range(k + 2, min(k + 2 + RELATIVE_DESCRIPTION_WORDS, n)):
            if self.tokens[j].kind != "word" and self.tokens[j].text not in _QUOTE_MARKS:
                return None  # the clause ended (a comma, a full stop) before naming a role
            if j in self._title_at or j in self._body_at:
                end = j + 1
                while end < n and self.tokens[end].kind == "word" and end - k <= 2 * RELATIVE_DESCRIPTION_WORDS \
                        and self.res.reporting_forms.lookup(self.tokens[end].text) is None \
                        and self.tokens[end].text not in ("ان", "انه", "انها", "بان"):
                    end += 1
                return end
        return None

    def _describes(self, j: int) -> bool:
        """An indefinite noun after وهو/وهي (موظفة، عروس، عالم، طالب): what the person is. Not a verb
        (وهو يقول، وهي تعمل), a function word (وهو ما، وهي التي) or a definite word (وهو الأمر)."""
        w = self._word(j)
        return w is not None and len(w) >= 3 and not w.startswith("ال") and not _verb_like(w) \
            and w[0] not in "ينس" and not self.res.is_non_name_strict(w) \
            and w not in self.res["stopwords"].by_norm

    def _relayed_speakers(self) -> None:
        """ونقلت وسائل إعلام عن سيريزو قوله: the words between عن and قوله/قولها name whoever is quoted,
        even a name no lexicon knows."""
        texts = self.ctx.texts
        if "قوله" not in texts and "قولها" not in texts:  # rare: look in C first
            return
        for k, tok in enumerate(self.tokens):
            if tok.text not in ("قوله", "قولها") or k < 2:
                continue
            start = next((i + 1 for i in range(k - 1, max(-1, k - 5), -1) if self.tokens[i].text == "عن"), None)
            if start is None or start >= k or any(self.used[i] or self.tokens[i].kind != "word"
                                                  or i in self._title_at or i in self._body_at
                                                  or self.res.is_non_name(self.tokens[i].text) for i in range(start, k)):
                continue
            entity, _ = self.person(start, k, "f" if tok.text == "قولها" else "m")
            self.add_mention(entity, self._name_start_offset(start), self.tokens[k - 1].end, "name")
            self._mark(start, k)

    def _introduced_speakers(self) -> list:
        """وقال جاك مونيه، مدير برنامج المهرجان: «...»: the words right after a speech verb that no
        lexicon knows are the speaker's name when a title follows them in apposition, after a comma
        (Arabic news is verb-subject-object: the subject, then who the subject is). A bare unknown
        word after the verb is not enough: it may be the verb's object or a common noun."""
        n = len(self.tokens)
        bare = []
        for verb in self.ctx.hits("reporting-forms"):
            if verb.entry.get("kind") != "speech" or verb.entry.get("part") == "participle":
                continue
            i = verb.j
            if i < n and i in self._title_at and not self.used[i]:
                if self._title_then_holder(verb, i):
                    continue
                if self._title_at[i][1].entry.get("kind") == "honorific":
                    i = self._title_at[i][0]  # وقال البروفيسور إيان ماكدونالد، رئيس فريق ...
            j = i
            while j < n and j - i < 4 and self._unknown_name_word(j, first=j == i):
                j += 1
            if j == i or j >= n or (j - i == 1 and _adverbial_shape(self.tokens[i].text)):
                continue  # وقال مجددا، ...: one word shaped like an adverb is not a name
            title = title_loc = None
            lex = [verb.entry.source]
            end = j
            definite_title = j in self._title_at and (self.tokens[j].text.startswith("ال") or (
                j - i >= 2 and self._construct_title(j)))  # (قال إنريكي سيريزو رئيس أتلتيكو مدريد)
            role = self.ctx.hit_at("vague-sources-all", j) if not definite_title else None
            if role is not None and role.entry.get("kind") == "head" and role.entry.get("number") == "sg" \
                    and self.tokens[j].text.startswith("ال") and j - i >= 2:
                # وقال تاماس فارجا المحلل في بي.في.ام: a role the vague-source lexicon holds, after the name
                title_loc = self.ctx.loc(self.tokens[j].start, self.tokens[role.j - 1].end)
                title, end = title_loc.text, role.j
                lex.append(role.entry.source)
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
                    bare.append((verb, i))
                continue  # a bare unknown word after the verb may be its object or a common noun
            entity, _ = self.person(i, j, verb.entry.get("gender") or "m")
            self.add_mention(entity, self._name_start_offset(i), self.tokens[j - 1].end, "name", title, title_loc,
                             lex)
            self._mark(i, end)
        return bare

    def _bare_speakers(self, candidates) -> bool:
        """The bare speakers `_introduced_speakers` found (وقال بينيتيز: «...»), read once the titled
        mentions and surnames are (وقال أزكويتا في تصريحات صحافية after المدرب تشابير أزكويتا)."""
        found = False
        for verb, i in candidates:
            if self.used[i]:
                continue
            entity, created = self.person(i, i + 1, verb.entry.get("gender") or "m")
            mention = self.add_mention(entity, self._name_start_offset(i), self.tokens[i].end, "name",
                                       lexicon=[verb.entry.source])
            mention.bare = True
            entity.bare = entity.bare or created
            self._mark(i, i + 1)
            found = found or created
        return found

    def _announces_quotation(self, j: int) -> bool:
        """وقال بينيتيز: «...»، وأضافت شلبي "...": a quotation opens right at token j, or after a colon.
        One unknown word between a quotation verb (قال، أضاف، تابع ...: postposed=yes) and the
        quotation it announces is the verb's subject, its speaker: an object or a complement would not
        stand alone between the verb and the colon (يحمل اسم «...» is no such verb). The occasion may
        stand between the name and the quotation (خلال مؤتمر صحفي، في تصريح صحافي). The mention (and a person it
        creates) is `bare`: the article may have named it before in words no lexicon reads (كلاوديو رانييري)."""
        n = len(self.tokens)
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

    def _titled_before(self) -> None:
        """وقال تسيبراس بعد اجتماعه: «...» after رئيس الوزراء تسيبراس: one word no lexicon knows, as the
        subject of a speech verb whose report follows at once, is a person's name when the article
        wrote the same word right after a title before (the title is its first mention's)."""
        n = len(self.tokens)
        title_ends: dict[int, TitlePhrase] = {}
        for t in self._title_at:
            phrase = self.parse_title(t)
            if phrase is not None and phrase.roles[0][2].entry.get("kind") != "honorific":
                title_ends.setdefault(phrase.end, phrase)
        if not title_ends:
            return
        for verb in self.ctx.hits("reporting-forms"):
            if verb.entry.get("kind") != "speech" or verb.entry.get("part") == "participle":
                continue
            i = verb.j
            if i + 1 >= n or not self._unknown_name_word(i, first=False) or _adverbial_shape(self.tokens[i].text):
                continue
            nxt = self.tokens[i + 1].text
            if nxt not in _REPORT_MARKS and nxt not in ("خلال", "في", "بعد", "عقب", "امام", "اثناء", "لدي"):
                continue
            w = self.tokens[i].text
            found = None
            for k in range(i):
                if self.tokens[k].text != w or self.used[k]:
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
            if not titles or any(self.used[x] for x in range(phrase.start, k)):
                continue
            entity, _ = self.person(start, k + 1, phrase.gender)
            title, title_loc, src = titles[0]
            self.add_mention(entity, self._name_start_offset(start), self.tokens[k].end, "name", title, title_loc,
                             [src, verb.entry.source])
            self.add_mention(entity, self._name_start_offset(i), self.tokens[i].end, "surname" if k > start else "name")
            self._mark(phrase.start, k + 1)
            self._mark(i, i + 1)

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
        if k >= n or self.tokens[k].text not in "،," or any(self.used[x] for x in range(i, k)):
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
        if j == start or j >= n or self.tokens[j].text not in _REPORT_MARKS \
                or (j - start == 1 and _adverbial_shape(self.tokens[start].text)):
            return False
        entity, _ = self.person(start, j, phrase.gender)
        self.add_mention(entity, self._name_start_offset(start), self.tokens[j - 1].end, "name",
                         title_loc.text, title_loc, [verb.entry.source, titles[0][2]])
        self._mark(i, j)
        return True

    def _holder_then_report(self, verb: LexMatch, i: int, phrase: TitlePhrase) -> bool:
        """وكشفت الممثلة منة شلبي أن ...، وقال المدرب ماركو سيلفا: «...»: a title right after a speech
        verb, then at once words no lexicon knows, then the report (أن، إن، :، a quotation): the words
        are the title's holder, the verb's subject."""
        n = len(self.tokens)
        start = j = phrase.end
        if start >= n or any(self.used[x] for x in range(i, start)) or self._mention_at(start) is not None:
            return False
        while j < n and j - start < HOLDER_WORDS and self._unknown_name_word(j, first=j == start):
            j += 1
        if j == start or j >= n or self.tokens[j].text not in _REPORT_MARKS \
                or (j - start == 1 and _adverbial_shape(self.tokens[start].text)):
            return False
        titles = self._title_text(phrase)
        if not titles:
            return False
        title, title_loc, src = titles[0]
        entity, _ = self.person(start, j, phrase.gender)
        self.add_mention(entity, self._name_start_offset(start), self.tokens[j - 1].end, "name", title, title_loc,
                         [verb.entry.source, src])
        self._mark(i, j)
        return True

    def _mention_at(self, i: int) -> tuple[Mention, int] | None:
        """The person's name mention that starts at token i, and the token after it."""
        tok = self.tokens[i]
        for e in self.entities:
            if e.kind != "person":
                continue
            for m in e.mentions:
                start = self.ctx.norm.to_normalized(m.loc.start)
                if tok.start <= start < tok.end and m.form == "name":
                    end = self.ctx.norm.to_normalized(m.loc.end)
                    j = i
                    while j < len(self.tokens) and self.tokens[j].start < end:
                        j += 1
                    return m, j
        return None

    def _unknown_name_word(self, j: int, first: bool) -> bool:
        """A word no lexicon knows and that has no shape of a common word: a foreign or rare name."""
        w = self._word(j)
        if w is None or len(w) < (3 if first else 2) or self.used[j] or self.res.is_non_name(w) or w in _KIN:
            return False  # (a short family name after the first: كومبا با; زوج المعلمة is a relation)
        if any(j in table for table in (self._title_at, self._body_at, self._place_at, self._nationality_at,
                                        self._portfolio_at, self._modifier_at)):
            return False
        if self.ctx.hit_at("vague-sources-all", j) is not None or w in self.res["people-nouns"].by_norm \
                or self.res.reporting_forms.lookup(w) is not None or self._written(j) in self.res.stopwords_as_written:
            return False
        if w.startswith("كال") and not self.res.is_non_name(w[1:]):
            pass  # كاليانا: a name that only looks like ك + ال (كالعادة is "as usual")
        elif w.startswith(_DEFINITE_CLITICS) and not (w.startswith("ال") and self._surname_like(w) and not first):
            return False  # وقال المنظمون، وقالت الصحيفة: a common noun (a nisba may end a name: جاك الخوري)
        written = self._written(j)
        if self._has_tanween(self.tokens[j]) \
                or (len(written) > 4 and written.endswith(("ه", "ها", "هم", "هما")) and not written.endswith("الله")):
            return False  # عقب اجتماعه: a noun with a pronoun, not a name
        if first and any(len(x) == 4 and x[2] == "و" for x in (w, w[1:] if w[0] in "بلو" else "")):
            return False  # وقال بحضور ...، بوجود ...: a verbal noun of the pattern فعول, not a name
        return not (first and w[0] in "يتن" and len(w) >= 4 and _verb_like(w))

    def _name_starts(self):
        starts = list(self.ctx.hits("given-names"))
        if self.res.morphology is not None:
            known = {m.start for m in starts}
            for tok in self.tokens:
                if tok.kind == "word" and tok.start not in known and self._proper_noun(tok.text):
                    starts.append(LexMatch(tok.start, tok.end, "", LexEntry(tok.text, tok.text, {}, "morphology"),
                                           tok.index, tok.index + 1))
            starts.sort(key=lambda m: m.start)
        return starts

    def _nationality_before(self, i: int):
        """الصربي ألكسندر ميتروفيتش: a definite nationality right before a name describes the person."""
        for j, (end, m) in self._nationality_at.items():
            if end == i and self.tokens[j].text.startswith("ال") and not self.used[j]:
                return self.ctx.loc(m.start, m.end)
        return None

    def _in_place_or_body_name(self, i: int) -> bool:
        prev = self._word(i - 1)
        if prev is None:
            return False
        if prev in ("الملك", "الامير", "الامام", "الشيخ", "مسجد", "شارع", "جامعه", "مستشفي", "مدينه",
                    "مطار", "ميناء", "قاعده", "مركز", "حي", "مدرسه", "ابن", "بن", "ابو", "ام"):
            return True
        bare = prev[1:] if prev[0] in "وفبل" and prev[1:] in _NAMED_AFTER else prev
        if bare in _NAMED_AFTER:
            return True  # شركة أبناء عبدالله الخضري، مؤسسة سالم الخيرية: not the person
        return (i - 1) in self._body_at

    def _token_forms(self, first_words: set[str]) -> dict[str, list[tuple[int, str]]]:
        """Word tokens that read as one of `first_words`, whole or with a single-letter clitic split
        off (وحسين), as form -> [(token index, clitic)] in token order. Only the few words the
        persons' names start with are looked for, in one pass over the token texts."""
        readings: dict[str, list[tuple[str, str]]] = {}
        for form in first_words:
            readings.setdefault(form, []).append((form, ""))
            if len(form) > 2:
                for clitic in "وفبل":
                    readings.setdefault(clitic + form, []).append((form, clitic))
        by_form: dict[str, list[tuple[int, str]]] = {}
        for i in [i for i, text in enumerate(self.ctx.texts) if text in readings]:
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
        for w in set(self.ctx.texts):  # each distinct word once; the result is a set per key
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
        particles = self.res["name-particles"].by_norm
        by_loose = self._loose_spellings({key for e in persons if len(e.key.split()) >= 2
                                          and len(key := loose_key(e.key.split()[-1])) >= 4})
        forms_by_person = []
        for entity in persons:
            parts = entity.key.split()
            forms = {entity.key}
            if len(parts) >= 2:
                surname = parts[-1]
                if parts[-2] in particles or (parts[-1] == "الله" and parts[-2] in _BEFORE_ALLAH) \
                        or (parts[-1] == "الدين" and parts[-2] in _BEFORE_DIN):
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
            first_end = entity.mentions[0].loc.end if entity.mentions else 0
            for form in sorted_forms:
                words = form.split()
                for i, clitic in by_form.get(words[0], ()):
                    j = i + len(words)
                    if j > len(self.tokens) or any(self.tokens[i + k].text != words[k] for k in range(1, len(words))):
                        continue
                    if any(self.used[k] for k in range(i, j)):
                        continue
                    if i > 0 and self.tokens[i - 1].text in particles:
                        continue  # سلمان بن عبدالعزيز inside محمد بن سلمان بن عبدالعزيز: another person
                    if len(words) == 1 and (i in self._title_at or self._written(i)[len(clitic):]
                                            in self.res.stopwords_as_written):
                        continue  # الأمين العام is a title, على a preposition, not الأمين or علي again
                    start, end = self.tokens[i].start + len(clitic), self.tokens[j - 1].end
                    if self.ctx.norm.to_original(start) < first_end:
                        continue
                    if form.startswith("ال") and i > 0 and self.tokens[i - 1].text.startswith("ال") and not clitic:
                        continue  # السلطان الحفصي، الدراما الخليجية: an adjective, not the surname
                    self.add_mention(entity, start, end, "name" if form == entity.key else "surname")
                    self._mark(i, j)

    def _organizations(self) -> None:
        for i, (j, match) in sorted(self._body_at.items()):
            if self.used[i]:
                continue
            kind = match.entry.get("kind")
            end = j
            if kind == "head":
                end = self._complement(j)
                if end == j and not (match.entry.norm.startswith("ال") or " " in match.entry.norm
                                     or match.prefix.endswith("ال")):
                    continue  # a bare indefinite head noun (وزارة) names nothing
            start_off = match.start
            end_off = self.tokens[end - 1].end
            key = " ".join(t.text for t in self.tokens[i:end])
            key = key[len(match.prefix):] if match.prefix and key.startswith(match.prefix) else key
            contracted = match.prefix.endswith("ل") and key.startswith("ل") and match.entry.norm.startswith("ال")
            if contracted:
                key = "ا" + key  # للمرصد: ل + المرصد
            entity = next((e for e in self.entities if e.kind == "organization"
                           and (e.key == key or e.key.startswith(key + " "))), None)  # المرصد → المرصد السوري ...
            if entity is None:
                name = self.ctx.loc(start_off, end_off).text
                entity = Entity(self.ctx.new_id("o"), "organization", ("ا" + name) if contracted else name, key)
                self.entities.append(entity)
            self.add_mention(entity, start_off, end_off, "name", lexicon=[match.entry.source])
            self._mark(i, end)

    @property
    def _role_starts(self) -> set[int]:
        """Token indexes where a title with a complement and no holder starts (computed once)."""
        cached = self._role_starts_cache
        if cached is None:
            cached = self._role_starts_cache = {p.start for p in self.title_only if self._identified_role(p)}
        return cached

    def _identified_role(self, phrase: TitlePhrase) -> bool:
        """A role that names one office (وزير الدفاع العراقي، نائب رئيس الوزراء، المتحدث باسم الجيش),
        not an anonymous official (مسؤول إسرائيلي، مسؤول في بلدية درنة، متحدثة باسم الجيش)."""
        role = phrase.roles[0][2]
        if role.entry.get("unique") == "yes":
            return True  # النبي، الرسول: one person, whom every reader knows
        if any(w.startswith("ال") for w in role.entry.norm.split()[1:]):
            return True  # رئيس النادي، رئيس الوزراء: a definite genitive names the office
        if phrase.end - phrase.start <= len(role.entry.norm.split()):
            return False
        if phrase.definite:
            return True
        for k in range(phrase.roles[0][1], phrase.end):
            if self.tokens[k].text in '"«“':
                return True  # قائد عمليات "غضب عدن": a named operation, one office
            w = self.tokens[k].text
            if w in ("في", "ب", "باسم", "لدي", "الي") or (w.startswith(("ب", "ل")) and not w.startswith("ال")):
                return False
            if w.startswith("ال") or k in self._place_at:
                return True  # قائد شرطة نيروبي، محافظ عدن: a named place names one office (ضابط شرطة does not)
        return False

    def _unnamed(self) -> None:
        modifiers = self.res.vague_modifiers
        nationality = self.res.nationality_forms
        for m in self.ctx.hits("vague-sources-all"):
            i = m.i
            if i >= len(self.tokens) or self.used[i]:
                continue
            kind = m.entry.get("kind")
            if kind in ("modifier", "anonymity"):
                continue
            prev = self._word(i - 1)
            if prev is not None and ((i - 1) in self._body_at or self.res["name-introducers"].lookup(prev)):
                continue  # وكالة أنباء "فارس": part of a name, not a vague source
            j = m.j
            # modifiers: مصادر مطلعة يمنية، مسؤول تركي كبير، مصدر أمني فلسطيني
            while j < len(self.tokens) and (nxt := self._word(j)) and (
                    nxt in modifiers or nationality.lookup(nxt) is not None
                    or nxt in ("اخر", "اخري", "اخرون", "اخرين")):
                j += 1
            if j < len(self.tokens) and self.tokens[j].text in "-–(،," and (anonymity := self._anonymity_at(j + 1)):
                j = anonymity
            elif anonymity := self._anonymity_at(j):
                j = anonymity
            document = m.entry.norm in ("تقارير", "تقرير", "بيانات", "احصاءات", "بيان", "دراسه")
            if document and j < len(self.tokens) and j in self._body_at:
                continue  # تقارير الأمم المتحدة، تقرير مؤسسة النقد: the body is the source
            if document and self._word(i - 1) == "في":
                continue  # أحصت الهيئة في تقرير نشرته: the medium of a named source's claim
            if document and any(self._word(x) in ("اصدرته", "نشرته", "اعدته", "اصدرتها", "نشرتها", "اعدتها")
                                for x in (j, j + 1)):
                continue  # تقرير (مشترك) أصدرته منظمة "أنقذوا الأطفال": the body that issued it is named
            if document and m.entry.get("number") == "sg" and j == m.j and self._specified_document(j):
                continue  # تقرير مؤشرات الأداء، تقرير الهيئة: a report named by its construct
            if prev in _PREDICATE_AFTER:
                continue  # أكدوا أنهم مواطنون محليون: the noun after أن + pronoun is what they are, not a source
            if i > 0 and (self.tokens[i - 1].kind == "number" or (self.res["number-words"].lookup(
                    self.tokens[i - 1].text) is not None and not self.tokens[i - 1].text.startswith(
                    ("احد", "واحد", "لاحد", "باحد")))):
                continue  # قصفت خمسة مواقع، 12 مصدرا للمياه: a counted noun, not a source (أحد سكان is one)
            definite = m.entry.norm.startswith("ال") or m.prefix.endswith("ال") or self.tokens[i].text.startswith(
                ("ال", "وال", "بال", "فال", "لل"))
            start_off, end_off = m.start, self.tokens[j - 1].end
            entity = None
            if definite:
                entity = self._antecedent_unnamed(m.entry.get("lemma") or m.entry.norm.removeprefix("ال"), start_off)
                if entity is None and not self._anonymity_at(j) and j == m.j and kind == "head":
                    continue  # وأكد التقرير، المصدر: anaphoric (a generic "الصحف التركية" is not)
            if entity is None and kind == "head" and m.entry.get("number") == "sg" \
                    and m.entry.norm.removeprefix("ال") not in ("تقرير", "مصدر", "بيان", "دراسه") \
                    and self._holder_after_vague(i, j, m.entry.get("gender") or "m"):
                continue  # وقال المحلل تاماس فارجا: the holder is named (محللون, a report or a source: no one is)
            if entity is None:
                loc = self.ctx.loc(start_off, end_off)
                if i in self._role_starts:
                    continue  # نائب رئيس الوزراء العراقي: a role, not an anonymous deputy
                entity = Entity(self.ctx.new_id("u"), "unnamed", loc.text, m.entry.norm,
                                m.entry.get("gender", "m") or "m", vague=True)
                self.entities.append(entity)
            self.add_mention(entity, start_off, end_off, "vague", lexicon=[m.entry.source])
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
        for verb in self.ctx.hits("reporting-forms"):
            if verb.entry.get("part") == "participle":
                continue
            i = verb.j
            w = self._word(i)
            if w is None or self.used[i]:
                continue
            head = next((w[len(c):] for c in ("ال", "وال", "فال") if w.startswith(c)), None)
            if head not in documents or not self._introduced_before(head, i):
                continue
            loc = self.ctx.loc(self.tokens[i].start, self.tokens[i].end)
            entity = Entity(self.ctx.new_id("o"), "organization", loc.text, "ال" + head,
                            "f" if head.endswith("ه") else "m", role_only=True)
            self.entities.append(entity)
            self.add_mention(entity, self.tokens[i].start, self.tokens[i].end, "name")
            self._mark(i, i + 1)

    def _introduced_before(self, head: str, i: int) -> bool:
        """The document noun occurs before token i (بيان، بيانا، ببيان، في بيانها، التقرير ...)."""
        def same(t: str) -> bool:
            return t == head or (t.startswith(head) and t[len(head):] in ("ا", "ها", "ه", "هم", "هما", "ين")) \
                or (head.endswith("ه") and t.startswith(head[:-1] + "ت") and len(t) - len(head) <= 2)
        for k in range(i - 1, -1, -1):
            t = self.tokens[k].text
            forms = [t]
            if t.startswith(("وال", "بال", "فال", "كال")):
                forms.append(t[3:])
            elif t.startswith(("ال", "لل")):
                forms.append(t[2:])
            elif t[:1] in "وفبل":
                forms.append(t[1:])
            if any(same(f) for f in forms):
                if t.startswith(("ال", "وال", "بال", "فال", "كال", "لل")):
                    continue  # كما أشاد البيان: itself a reference back; look for the introduction
                # (رسالته، دراستها: the feminine ending before a pronoun). The nearest earlier mention
                # must have a named author in its sentence (أصدر الاتحاد الأوروبي بيانا، تقرير لهيومن
                # رايتس ووتش): a report of "an NGO" or of anonymous sources stays anonymous.
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
        w = self._word(j)
        if w is None:
            return False
        vague = self.res.vague_sources
        if self._is_definite(j):
            return w not in ("الذي", "التي", "الصادر", "الصادره") and vague.lookup(w) is None \
                and not w.startswith(("الاعلام", "الصحف", "الاعلاميه"))
        nxt = self._word(j + 1)
        return (nxt is not None and self._is_definite(j + 1) and not w.endswith(("ي", "يه"))
                and w not in self.res.vague_modifiers and not _verb_like(w)
                and nxt not in ("الذي", "التي") and w not in self.res["stopwords"].by_norm)

    def _anonymous_people(self) -> None:
        """وقال سائق أردني: "...": a person described only by a common noun right after a reporting
        verb is an anonymous source."""
        people = self.res["people-nouns"]
        nationality = self.res.nationality_forms
        for verb in self.ctx.hits("reporting-forms"):
            if verb.entry.get("kind") != "speech" or verb.entry.get("part") == "participle":
                continue
            i = verb.j
            w = self._word(i)
            if w is None or self.used[i] or w.startswith("ال") or i in self._title_at:
                continue
            entry = people.by_norm.get(w)
            if entry is None or entry.get("number") not in (None, "sg", "pl"):
                continue
            j = i + 1
            while j < len(self.tokens) and (nxt := self._word(j)) and (
                    nxt in self.res.vague_modifiers or nationality.lookup(nxt) is not None):
                j += 1
            if not any(self.tokens[k].text in (":", "ان", "انه", "«", '"', "“") for k in range(j, min(j + 3, len(self.tokens)))):
                continue  # only "وقال سائق أردني: ..." / "... إن": a speaker, not the object of the verb
            loc = self.ctx.loc(self.tokens[i].start, self.tokens[j - 1].end)
            entity = Entity(self.ctx.new_id("u"), "unnamed", loc.text, w, "m", vague=True)
            self.entities.append(entity)
            self.add_mention(entity, self.tokens[i].start, self.tokens[j - 1].end, "vague", lexicon=[entry.source])
            self._mark(i, j)

    def _anonymity_at(self, j: int) -> int | None:
        m = self.ctx.hit_at("vague-sources-all", j)
        return m.j if m is not None and m.entry.get("kind") == "anonymity" else None

    def _construct_title(self, j: int) -> bool:
        """رئيس أتلتيكو مدريد، مدير جمعية ويلكام: a title whose complement follows it in construct, definite
        by what it is the title of (a role, not an honorific)."""
        phrase = self.parse_title(j)
        return phrase is not None and phrase.roles[0][2].entry.get("kind") == "role" \
            and (phrase.end > phrase.roles[0][1] or self._unknown_name_word(phrase.end, first=True))

    def _holder_after_vague(self, i: int, j: int, gender: str) -> bool:
        """المحلل تاماس فارجا في بي.في.ام، مدير عام شالكه هورشت هيلدت أن: a role word the vague-source
        lexicon holds, then a name no lexicon knows (two words, perhaps after the body's own name) and
        what surely ends a name: a named person with that role, not an anonymous one. The person is made here."""
        n = len(self.tokens)
        if self.tokens[j - 1].text.endswith("ا") or not self._speaker_position(i):
            return False  # ويعتبره مسؤولا: an object; كأشهر ممثل سينمائي: not where a source speaks
        for first in (j, j + 1):  # (j + 1: after the body's own name, شالكه)
            if first + 2 >= n or (first > j and (self.tokens[j].kind != "word" or self.res.is_non_name(
                    self.tokens[j].text) or self.tokens[j].text.startswith(("ل", "ب")))):
                return False
            if self.tokens[first].text.startswith(("ل", "ب")):
                continue  # لهيومن رايتس: a preposition on a body's name, not a person's
            if self._unknown_name_word(first, first=True) and self._unknown_name_word(first + 1, first=False) \
                    and not self.tokens[first + 1].text.startswith("و") \
                    and self._strong_boundary(first + 2) \
                    and not any(self._written(k).endswith("ة") for k in (first, first + 1)):
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
        head = head.removeprefix("ال")
        limit = self.ctx.norm.to_original(before)
        for e in reversed(self.entities[-200:]):  # the nearest anonymous source before it
            if e.kind == "unnamed" and e.mentions and e.mentions[0].loc.start < limit:
                if head[:3] and e.key.removeprefix("ال")[:3] == head[:3]:
                    return e
        return None

    def _title_only_mentions(self) -> None:
        """"الوزير العراقي", "الوزيرة": a title without a name refers to the person who holds it.
        In the headline it refers forward; a title with a complement and no holder named anywhere
        (وزير الدفاع العراقي) is still an identified role, not an anonymous source."""
        headline = self.ctx.doc.headline
        for phrase in self.title_only:
            if any(self.used[k] for k in range(phrase.start, phrase.end)):
                continue
            role = phrase.roles[0][2]
            if role.entry.get("kind") == "honorific":
                continue
            group = (role.entry.get("group") or role.entry.norm).removeprefix("ال")
            start_off = role.start
            end_off = self.tokens[phrase.end - 1].end
            loc = self.ctx.loc(start_off, end_off)
            in_headline = headline is not None and loc.start < headline.end
            antecedent = self._antecedent_person(group, phrase, start_off, forward=in_headline)
            if antecedent is not None:
                m = self.add_mention(antecedent, start_off, end_off, "title", lexicon=[role.entry.source])
                m.title = loc.text.strip(" ،,")
                self._mark(phrase.start, phrase.end)
            elif self._identified_role(phrase):
                key = " ".join(t.text for t in self.tokens[phrase.start:phrase.end])
                entity = next((e for e in self.entities if e.kind == "person" and e.key == key), None)
                if entity is None:
                    entity = Entity(self.ctx.new_id("p"), "person", loc.text.strip(" ،,"), key, phrase.gender,
                                    role_only=True)
                    self.entities.append(entity)
                self.add_mention(entity, start_off, end_off, "title", loc.text.strip(" ،,"), loc,
                                 [role.entry.source])
                # not marked as used: a body inside the role (بالمرصد السوري) is still an organization
            elif not phrase.definite and role.entry.get("kind") in ("role", "rank") \
                    and self._holder_after_vague(phrase.start, phrase.end, phrase.gender):
                pass  # مدير عام شالكه هورشت هيلدت: the holder is named in words no lexicon knows
            elif not phrase.definite and role.entry.get("kind") in ("role", "rank") and self._speaker_position(phrase.start):
                # an unnamed holder of an indefinite role (سائق أردني، متحدثة باسم الجيش) is anonymous
                entity = Entity(self.ctx.new_id("u"), "unnamed", loc.text.strip(" ،,"), role.entry.norm,
                                phrase.gender, vague=True)
                self.entities.append(entity)
                self.add_mention(entity, start_off, end_off, "vague", lexicon=[role.entry.source])
                self._mark(phrase.start, phrase.end)

    def _speaker_position(self, i: int) -> bool:
        """Right after a reporting verb or a source phrase (قال، أفاد، عن، بحسب): where an unnamed
        official speaks, not "وظائف محاضر" or a description after a name."""
        prev = self._word(i - 1)
        if prev is None:
            return False
        return (prev in ("عن", "لسان", "بحسب", "حسب", "وفق", "وفقا") or self.res.reporting_forms.lookup(prev) is not None)

    def _antecedent_person(self, group: str, phrase: TitlePhrase, before_norm: int,
                           forward: bool = False) -> Entity | None:
        from validator.text.normalize import normalize_string

        before = len(self.ctx.doc.text) if forward else self.ctx.norm.to_original(before_norm)
        words = {self.tokens[k].text.removeprefix("ال") for k in range(phrase.start + 1, phrase.end)
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
                norm_title = normalize_string(title)
                title_words = {w.removeprefix("ال") for w in norm_title.split()}
                gender_ok = phrase.gender == e.gender or phrase.gender == "m"
                if group in {w for w in title_words} or any(w.startswith(group) for w in title_words):
                    if gender_ok and words <= title_words | {"ال"} and first > best_pos:
                        best, best_pos = e, float(first)
        return best


def extract_entities(ctx: Context) -> list[Entity]:
    return EntityExtractor(ctx).run()
