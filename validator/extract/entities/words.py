"""Word classes the entity passes test (compound-name halves, kunya and nasab particles, nouns that
take a name as their own, ...), the letters they read by role (validator/extract/letters.py) and the
shape predicates they share with the patterns (validator/extract/patterns/shapes.py), and the title
phrase."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from validator.extract.letters import (
    ACCUSATIVE,
    ARTICLE,
    LI,
    NAME_CLITICS,
    NISBA_ENDING,
    PRONOUN_SUFFIXES,
    WAW,
)
from validator.extract.wordclasses import one_word, word_class
from validator.text.lexicon import LexMatch
from validator.text.normalize import normalize_string

MAX_NAME_TOKENS = 5
RELATIVE_DESCRIPTION_WORDS = 6  # words of a relative clause after a name that may name the role (الذي أسس فرقة ...)
MAX_COMPLEMENT_TOKENS = 8
KEY_CACHE_SIZE = 100_000  # person keys whose forms a run keeps (bounded: a long run's memory stays flat)
_TANWEEN = re.compile("[\u064b\u064c\u064d]")
_DIACRITICS = re.compile("[\u064b-\u0652\u0640\u0670]")
_NAME_QUOTES = '"«“'  # the marks a quoted name opens with (فيلق "القدس"); a substring test, as written
_OUTLET_NAME_OPEN = "("  # an outlet's name may be written in parentheses after its head noun (bodies outlet=yes)
_DEFINITE_CLITICS = tuple(sorted(word_class("entity-words", "definite-clitic"), key=len, reverse=True))

_BEFORE_ALLAH = word_class("entity-words", "before-allah")
# the second half of a compound given name: نور الدين، صلاح الدين، محيي الدين
_BEFORE_DIN = word_class("entity-words", "before-din")
# nouns that take a person's name as the name of a place, a trophy or an institution
_NAMED_PLACES = word_class("entity-words", "named-place")
_REGION_HEADS = word_class("entity-words", "region-head")
# nouns whose following name is a body's, a family's or a firm's, not a person speaking
_NAMED_AFTER = word_class("entity-words", "named-after")
ALLAH = one_word("entity-words", "allah")
DIN = one_word("entity-words", "din")
# the second half of a compound given name -> the first halves it takes (عبد الله، نور الدين)
COMPOUND_FIRST = {ALLAH: _BEFORE_ALLAH, DIN: _BEFORE_DIN}
_REGNAL = word_class("entity-words", "regnal")
_TITLE_CONTINUES = word_class("entity-words", "title-continues")  # باسم، شؤون، للشؤون
IN_THE_NAME_OF = one_word("entity-words", "in-the-name-of")       # باسم
_TITLE_PLACE_PREPOSITIONS = word_class("entity-words", "title-place-preposition")  # في، لدى
_PLACE_NAMESAKE_TITLES = word_class("entity-words", "place-namesake-title")  # الملك، الأمير ...
RELATIVES = word_class("entity-words", "relative")        # الذي، التي
ONE_OF = word_class("entity-words", "one-of")             # أحد، إحدى
REPORT_THAT = word_class("entity-words", "report-that")   # أن، أنه
_THAT_WORDS = REPORT_THAT | word_class("entity-words", "report-that-bi")  # أن، بأنه: a reported clause opens
_TITLE_PREPOSITIONS = word_class("entity-words", "title-preposition")


_KUNYA = word_class("name-particles", "kunya", "chain")
_KUNYA_HEADS = word_class("entity-words", "kunya-head")  # أبو، أم alone
# kinship nouns that take a pronoun (ابنه، زوجته، شقيقها): a relation, not a name
_KIN = word_class("entity-words", "kin")


# تقرير أصدرته المنظمة: a document followed by who issued it
_ISSUED_BY = word_class("entity-words", "issued-by")
_DOCUMENT_SOURCES = word_class("entity-words", "document-source")
_DOCUMENT_ISSUED = word_class("entity-words", "document-issued")
_SOURCE_PREPOSITIONS = word_class("entity-words", "source-preposition")
_QUOTE_OPENERS = frozenset({"«", '"', "“"})
_CLOSING_MARKS = frozenset({"»", "”", '"'})
_QUOTE_MARKS = _QUOTE_OPENERS | _CLOSING_MARKS
# Prepositions opening the occasion of a quotation between its speaker and it (خلال مؤتمر صحفي)
_OCCASION = word_class("entity-words", "occasion")
# words of the occasion between a bare speaker and his quotation (وقال فلان في رسالة استقالته الأسبوع الماضي:
# «...»، في العرض الأول للفيلم في نيويورك: five words; three left such a speaker to an older source)
OCCASION_WORDS = 5
HOLDER_WORDS = 3  # words no lexicon knows read as a title's holder (منة شلبي، هورشت هيلدت)
_REPORT_MARKS = frozenset({":", "«", '"', "“"}) | word_class("entity-words", "report-mark")


def _kunya(word: str | None) -> bool:
    """أبو/أم, alone or with a clitic (وأبو، لأبي): the start of a kunya."""
    if not word:
        return False
    return word in _KUNYA_HEADS or (word[0] in NAME_CLITICS and word[1:] in _KUNYA)


def _named_place(word: str | None) -> bool:
    """جامعة، لمستشفى، بمركز: a noun that takes a person's name as its own (a clitic split off)."""
    if not word:
        return False
    return word in _NAMED_PLACES or (word[0] in NAME_CLITICS and word[1:] in _NAMED_PLACES)


# أنّ/إنّ with a pronoun: the noun after it is the clause's predicate (أنهم مواطنون)
_PREDICATE_AFTER = word_class("entity-words", "predicate-after")
_DEMONSTRATIVES = word_class("entity-words", "demonstrative")  # هذه، تلك: before a definite head, a reference back
_OWN_TEXT = word_class("entity-words", "own-text")  # السطور، المقال: after a demonstrative, the piece itself
ISSUED_ADJECTIVES = word_class("entity-words", "issued-adjective")  # الصادرة عن، الواردة من
_COPULAS = word_class("entity-words", "copula")  # كان، يكون، أصبح، ليس


_ACCUSATIVE_SENSE = word_class("entity-words", "accusative-sense")  # مصدرا
_INNA = word_class("entity-words", "inna")  # إن، أن، لكن


def copula_predicate(before: str | None, word: str) -> bool:
    """An accusative noun right after a copula is its predicate (كان مسؤولا عن: was responsible for), not
    a source: the copula's subject stays nominative (وكان مسؤول أمني قد أكد). A head whose accusative is
    another sense (accusative-sense: تعد مصدرا للطاقة، جعلت منه مصدرا للسخرية) is a source only as the
    subject of إن or its sisters (لكن مصدرا مطلعا أكد)."""
    bare = normalize_string(word)
    if not bare.endswith(ACCUSATIVE):
        return False
    return before in _COPULAS or (bare.removeprefix(WAW) in _ACCUSATIVE_SENSE and before not in _INNA)


_BELIEVED_HEAD = word_class("entity-words", "believed-head")  # someone, a man: before a passive hedge


def predicate_noun(reader, i: int, prev: str | None, definite: bool) -> bool:
    """The noun at i is what a clause says someone is, not a source: after أنّ/إنّ with a pronoun (أكدوا أنهم
    مواطنون) or a copula. Not after the passive hedge of someone the story leaves unnamed (entity-words
    believed-head, then a reporting-verbs passive=yes imperfect: رجل يعتقد أنه قائد في الجماعة): that person
    is known only by what he is believed to be, an anonymous source when he speaks."""
    if prev in _PREDICATE_AFTER and not (definite and prev in _DEMONSTRATIVES):
        if i < 3 or reader._word(i - 3) not in _BELIEVED_HEAD:
            return True
        hedge = reader.res.reporting_forms.lookup(reader.tokens[i - 2].text)
        return hedge is None or hedge.get("passive") != "yes" \
            or reader.tokens[i - 2].text != normalize_string(hedge.get("imperfect") or "-")
    return copula_predicate(prev, reader.tokens[i].text)


_NASAB = word_class("name-particles", "nasab", "chain")


def ancestral_surname(w: str, res, lex) -> bool:
    """A family name made of an ancestor's given name with the article (آل سعدون: السعدون، الحمدان), a name
    no everyday word shares (not الأمين، السعيد: common given names and non-names)."""
    bare = w[len(ARTICLE):] if w.startswith(ARTICLE) else ""
    return len(bare) >= 4 and bare in res.given_names.by_norm and bare not in lex["common-given-names"].by_norm \
        and not res.is_non_name(w)


def _nasab_of(longer: str, shorter: str) -> bool:
    """محمد بن سلمان بن عبدالعزيز is the son of سلمان بن عبدالعزيز, not he: a name that ends the longer
    one right after بن/بنت (its nasab chain) names the father, another person."""
    head = longer.split()[:-len(shorter.split())]
    return bool(head) and head[-1] in _NASAB


_JOINED_PARTICLE = one_word("entity-words", "joined-particle")  # عبد


@lru_cache(maxsize=KEY_CACHE_SIZE)  # each person's key, asked for every name compared with it
def _joined_words(key: str) -> str:
    """A name with عبد written apart joined to its next word (حسام عبد الغفار → حسام عبدالغفار): the
    press writes both, and they are one name."""
    words = key.split()
    out, k = [], 0
    while k < len(words):
        if words[k] == _JOINED_PARTICLE and k + 1 < len(words):
            out.append(_JOINED_PARTICLE + words[k + 1])
            k += 2
        else:
            out.append(words[k])
            k += 1
    return " ".join(out)


@lru_cache(maxsize=KEY_CACHE_SIZE)
def _joined_key(key: str) -> str:
    """_joined_words, and a four-word name whose one بن/بنت follows the given name written without it
    (سامي بن حسن الشهري → سامي حسن الشهري: a later mention writes it with or without; round 102
    rejected a man titled by that mention as untitled). Never a chain of two (محمد بن سلمان بن
    عبدالعزيز) nor a three-word name (سلمان بن عبد العزيز: عبد joined first)."""
    out = _joined_words(key).split()
    if len(out) == 4 and out[1] in _NASAB and _NASAB.isdisjoint(out[2:]):
        del out[1]
    return " ".join(out)


def _without_nasab(key: str) -> str | None:
    """عثمان بن حمد الخويطر → عثمان الخويطر: the first name and the family name, the chain of fathers
    left out, as a later mention often writes it; so is the father's name of a three-word name
    (سعود فهد الدوسري → سعود الدوسري; round 82 flagged such a later mention as a first)."""
    words = key.split()
    if (len(words) >= 4 and words[1] in _NASAB) or (len(words) == 3 and not _NASAB.intersection(words)):
        return words[0] + " " + words[-1]
    return None


def _spelling_variant(word: str, surname: str) -> bool:
    """بيدرسون for بيدرسن: the same first letter and length within one (not عنوان for عنان)."""
    a, b = word.removeprefix(ARTICLE), surname.removeprefix(ARTICLE)
    if a + NISBA_ENDING == b or b + NISBA_ENDING == a:
        return False  # قحطان / القحطاني: the tribe and its nisba, not one name spelled two ways
    return a[:1] == b[:1] and abs(len(a) - len(b)) <= 1


@dataclass
class TitlePhrase:
    start: int              # token index of the first title word
    end: int                # token index after the phrase
    roles: list[tuple[int, int, LexMatch]] = field(default_factory=list)  # (start, end, match) per title
    gender: str = "m"
    definite: bool = False




NAMED_IN_PARENTHESES = 4  # words of a body's or a person's short name in parentheses after a document


def parenthesized_words(tokens, j: int) -> list[str]:
    """The words between "(" at token j and its ")", when they are a few words and nothing else (no
    figure: تقرير (5 سنوات)); [] otherwise (also past the last token: an article that ends in تقرير)."""
    if j >= len(tokens) or tokens[j].text != "(":
        return []
    words = []
    for t in tokens[j + 1:j + NAMED_IN_PARENTHESES + 2]:
        if t.text == ")":
            return words
        if t.kind != "word":
            return []
        words.append(t.text)
    return []


def contracted_start(tokens, m: LexMatch) -> int:
    """Where a vague source's span starts: after its clitic (وبحسب مصادر: مصادر), but with the preposition
    ل kept where it is contracted with the article (للإحصائيات = ل + الإحصائيات, the article's alef dropped):
    the clitic reading leaves the article's ل alone (لإحصائيات), half a word an editor cannot read, and
    only لل says the noun is definite (round 168 2015-07-22/285 L3, round 166 2015-07-27/128 L9)."""
    token = tokens[m.i]
    rest = token.text[m.start - token.start:]
    contracted = m.prefix.endswith(LI) and rest.startswith(LI) and not m.entry.norm.startswith(LI)
    return m.start - len(LI) if contracted else m.start


def past_verb_object(reader, k: int, verbs, objects) -> int | None:
    """The token after a verb of `verbs` at token k and its object: the pronoun on it (أجراها، جمعها) or the
    preposition-and-pronoun word right after it in `objects` (أشرف عليها، حصل عليها، توفرت لديه); None when
    token k is no such verb or carries no object (who made or obtained the document it refers back to)."""
    w = reader._word(k)
    if w not in verbs:
        return None
    if reader._word(k + 1) in objects:
        return k + 2
    return k + 1 if w.endswith(PRONOUN_SUFFIXES) else None
