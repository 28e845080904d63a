"""How far a reporting verb reaches for its reported clause: not past a comma that opens a conditional
clause (، وإذا لم يكن يعنينا أن ...، ولو أراد أن ...). The أن there is the complement of that clause's own verb; the
noun after the first verb (فقد جرب العالم كذب قيادات الحزب: "the lies of") reports nothing."""
from __future__ import annotations

import bisect

from validator.extract.attribution_sources import _after_subject, _clause_follows, _firsts
from validator.extract.wordclasses import affixes, word_class
from validator.text.punctuation import COMMAS

_OPENERS = word_class("attribution-words", "condition")  # إذا، لو: not فيما (قال فلان، فيما يخص ...: «...»)
_CONJUNCTIONS = affixes("conjunction")  # و، ف


def _opens_clause(word: str) -> bool:
    return word in _OPENERS or any(word.startswith(c) and word[len(c):] in _OPENERS for c in _CONJUNCTIONS)


def clause_in_reach(ctx, j: int, sentence: int, window: int = 16) -> bool:
    """A reported clause follows the token j within window words of its sentence, before any comma that a
    conditional follows."""
    end = min(j + window, len(ctx.tokens))
    for k in range(j, end - 1):
        if ctx.tokens[k].text in COMMAS and _opens_clause(ctx.tokens[k + 1].text):
            end = k
            break
    return end > j and _clause_follows(ctx, j, sentence, window=end - j, same_sentence=True)


AFTER_SUBJECT_WINDOW = 20


def clause_after_subject(ctx, spans, j: int, sentence: int, entry) -> bool:
    """A reported clause follows the subject that opens at token j and its title in apposition. After a
    named person (not a vague source: حذر خبراء ... من خطر ما يعرف بـ...، التي تعني أن is no report) and a
    verb of saying itself (entry postposed=yes: قال، صرح، أوضح; not أشاد or دعا, whose complement is a
    noun and whose later أن belongs to another clause) it may stand further, past what else the article
    says of him first: the body he is from, a description joined by و, the outlet he told (صرح فلان، من
    منظمة كذا والمنسق العام لحملتها لوكالة الأنباء إن ...)."""
    k = _after_subject(ctx, spans, j)
    at = bisect.bisect_left(_firsts(spans), j)
    named = k > j and entry.get("postposed") == "yes" and at < len(spans) and spans[at].first_token == j \
        and spans[at].entity.kind == "person" and not spans[at].entity.vague
    return clause_in_reach(ctx, k, sentence, window=AFTER_SUBJECT_WINDOW if named else 16)
