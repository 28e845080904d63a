"""A study or a report whose clause says who made it (دراسة جديدة أجراها باحثون من إدارة الصحة في أوتاوا، تقرير
أعده المركز المصري للدراسات، دراسة أجراها الصيدلي فلان): a verb of making it (entity-words conduct-verb, its
object pronoun on it or in the word after it: أشرف عليها، قام بها) and, in the clause it opens, a named body or a
named person. The document is theirs, no vague source, and so is the group from that body that made it (أطباء
من جامعة نورث وسترن): round 166 2015-07-26/380 L4, rejected. A group no body names (أجراها باحثون أمريكيون، قام
بها مجموعة من الباحثين) leaves both vague."""
from __future__ import annotations

from validator.extract.entities.words import _DOCUMENT_SOURCES, past_verb_object
from validator.extract.letters import ARTICLE, NISBA_ENDING, PROCLITICS
from validator.extract.wordclasses import affix, word_class

_CONDUCT = word_class("entity-words", "conduct-verb")  # أجراها، أعدها، نفذها، أشرف، قام
_OBJECT = word_class("entity-words", "conduct-object")  # عليها، بها
_NISBA_ENDINGS = (NISBA_ENDING, affix("feminine-nisba"))  # أمريكي، أمريكية
AUTHOR_REACH = 7  # words of the clause after the verb where its named author stands (ثلاثة خبراء مكلفين من مجلس ...)
GROUP_REACH = 3  # words between the verb and the vague group (مجموعة من الباحثين)
DOCUMENT_REACH = 4  # words between the document and the verb (دراسة طبية حديثة أشرف عليها، الدراسة التي أعدها)


def _verb_end(reader, k: int) -> int | None:
    """The token after the verb of making a document at token k and its object pronoun, or None."""
    return past_verb_object(reader, k, _CONDUCT, _OBJECT)


def _named_body(reader, x: int) -> bool:
    """A body named at token x: not a bare indefinite head noun (جامعة alone names nothing), but a university's
    or an institute's head (bodies publishes=yes) before a word no adjective (جامعة نورث وسترن; not جامعة أمريكية)."""
    j, match = reader._body_at[x]
    if match.entry.get("kind") != "head" or reader._body_end(j, match) > j or match.entry.norm.startswith(ARTICLE):
        return True
    w = reader._word(j)
    return match.entry.get("publishes") == "yes" and w is not None and not w.endswith(_NISBA_ENDINGS) \
        and w not in reader.res.vague_modifiers and reader.res.nationality_forms.lookup(w) is None \
        and reader.lex["stopwords"].lookup(w) is None


def authored(reader, k: int) -> bool:
    """Token k is a verb of making a document and the clause after it names a body or a person (module doc)."""
    start = _verb_end(reader, k)
    if start is None:
        return False
    for x in range(start, min(start + AUTHOR_REACH, len(reader.tokens))):
        if reader.tokens[x].kind != "word" or reader.res.reporting_forms.lookup(reader.tokens[x].text) is not None:
            return False  # the clause ended
        if (x in reader._body_at and _named_body(reader, x)) or reader._mention_at(x) is not None:
            return True
    return False


def made_by_named(reader, i: int) -> bool:
    """The vague group at token i is the subject of a verb of making a document right before it (a partitive
    between: مجموعة من) whose clause names its body (أجراها أطباء من جامعة ...): the authors of a study, named."""
    for k in range(i - 1, max(i - 1 - GROUP_REACH, -1), -1):
        if reader.tokens[k].kind != "word":
            return False
        if (end := _verb_end(reader, k)) is not None and end <= i:
            return _after_document(reader, k) and authored(reader, k)
    return False


def _after_document(reader, k: int) -> bool:
    """A document noun (entity-words document-source) within a few words before token k."""
    for x in range(k - 1, max(k - 1 - DOCUMENT_REACH, -1), -1):
        w = reader._word(x)
        if w is None:
            return False
        if any(f.removeprefix(ARTICLE) in _DOCUMENT_SOURCES for f in (w, w[1:] if w[0] in PROCLITICS else w)):
            return True  # دراسة، الدراسة التي، لتقرير
    return False
