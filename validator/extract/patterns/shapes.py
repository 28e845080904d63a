"""Word-shape predicates patterns call by name (`shape nisba`, `shape verb`): tests of a word's letters
that no word list can hold. Each takes a normalized token text. The letters they test are named by
role (validator/extract/letters.py) and read from rules/lexicons/affixes.txt; the entity passes call
the same predicates."""
from __future__ import annotations

from typing import Callable

from validator.extract.letters import (
    ACCUSATIVE,
    ARTICLE,
    FEMININE_PLURAL,
    MASCULINE_PLURAL,
    MEEM,
    NISBA_ENDING,
    NATIVE_WORD_TEMPLATES,
    NISBA_PLURAL,
    NOT_VERB_START,
    PLURAL_VERB,
    TEH,
    VERB_PREFIX,
    VERBAL_NOUN_TEMPLATES,
    YEH,
    fits_template,
)
from validator.text.tokens import kind_of

def nisba(word: str) -> bool:
    """A relative adjective or family name ending in ي, four letters or more (الحذيفي، المصري)."""
    return word.endswith(NISBA_ENDING) and len(word) >= 4


def word_token(text: str) -> bool:
    """A word: not a number nor a punctuation mark."""
    return kind_of(text) == "word"


def number(text: str) -> bool:
    """A number written in digits (47، 3.5)."""
    return kind_of(text) == "number"


def verb(word: str) -> bool:
    """A perfect verb's endings (أحالت، قالوا، يعملون): such a word cannot head a construct."""
    if word[0] == TEH and len(word) >= 5 and word[-2] == YEH:
        return False  # تصريف، تسويق: the verbal noun pattern تفعيل
    return (word.endswith(TEH) and not word.endswith(FEMININE_PLURAL)) or word.endswith(PLURAL_VERB) or (
        word[0] in VERB_PREFIX and len(word) >= 4 and not word.startswith(NOT_VERB_START))


def adverbial(word: str) -> bool:
    """مجددا، مؤخرا، مضيفا: an accusative participle or adverb (a foreign name may still end in ا)."""
    return len(word) >= 5 and word.startswith(MEEM) and word.endswith(ACCUSATIVE)


def verbal_noun(word: str, plurals: bool = True) -> bool:
    """A definite verbal noun or feminine plural (الإفصاح، التعليق، الاجتماع، الاستقبال، المواجهة،
    الإجراءات): after a verb and a first name it is the verb's object, not a family name."""
    if not word.startswith(ARTICLE) or word.endswith(NISBA_ENDING):
        return False
    w = word[len(ARTICLE):]
    return plurals and w.endswith(FEMININE_PLURAL) and len(w) >= 5 or fits_template(w, VERBAL_NOUN_TEMPLATES)


def group_plural(word: str) -> bool:
    """A definite sound plural of a nisba (الإسرائيليين، المصريون، الفلسطينيين): a group of people, after a
    verb and a first name the verb's object (ودعا حمدان الإسرائيليين إلى ...), never one family name."""
    return word.startswith(ARTICLE) and len(word) >= 7 and (
        word.endswith(NISBA_PLURAL) or word.endswith(NISBA_ENDING + MASCULINE_PLURAL))


def common_word_shape(word: str | None) -> bool:
    """صدور، تأخر، استمرار: an indefinite word with the shape of a derived noun or a verb (native-word and
    verbal-noun templates), after a known person's name the verb's object rather than a new family name.
    No word (a hyphen inside a name, ماري-لويز: the token after the first part is not a word) has none."""
    return word is not None and (fits_template(word, NATIVE_WORD_TEMPLATES)
                                 or fits_template(word, VERBAL_NOUN_TEMPLATES) or verb(word))


def adverbial_participle(word: str) -> bool:
    """مخاطبا، مضيفا، متحدثا: an accusative participle (حال) that follows the subject of its verb (an
    adverbial not ending in a doubled alef)."""
    return adverbial(word) and not word.endswith(ACCUSATIVE * 2)


def finite_verb(word: str) -> bool:
    """A verb's shape (verb) that is no sound masculine plural or foreign name: ون without an imperfect
    prefix (المواطنون، a brand's name) ends a noun; يعملون stays a verb."""
    return verb(word) and not (word.endswith(MASCULINE_PLURAL) and word[0] not in VERB_PREFIX)


def definite(word: str) -> bool:
    """A word with the definite article (الخزينة، البنك): after an indefinite noun it makes a construct
    (إحصائيات الخزينة: the treasury's statistics), a named thing, not "some statistics"."""
    return word.startswith(ARTICLE) and len(word) > len(ARTICLE) + 1


def indefinite_accusative(word: str) -> bool:
    """حضورا، نموا، قيودا: an indefinite noun's accusative ending (ا), four letters or more, no article; a
    nisba adverb or a place (يوميا، سوريا) ends in يا and is left out."""
    return len(word) >= 4 and word.endswith(ACCUSATIVE) and not word.startswith(ARTICLE) \
        and not word.endswith(NISBA_ENDING + ACCUSATIVE)


SHAPES: dict[str, Callable[[str], bool]] = {
    "nisba": nisba,
    "word": word_token,
    "number": number,
    "verb": verb,
    "finite-verb": finite_verb,
    "verbal-noun": verbal_noun,
    "adverbial": adverbial,
    "adverbial-participle": adverbial_participle,
    "definite": definite,
    "indefinite-accusative": indefinite_accusative,
}
