"""Cues around a reporting word that decide whether it reports: a speech verb whose colon or that-clause
comes many words on (split from attributions.py), and a statement noun a body received rather than made."""
from __future__ import annotations

from validator.extract.wordclasses import in_class_or_joined, word_class
from validator.text.punctuation import COMMAS, QUOTE_STARTS, SENTENCE_MARKS

_NEW_CLAUSE = word_class("attribution-words", "new-clause")
_THAT_CLAUSE_WORDS = word_class("attribution-words", "that-clause")  # إن، أنه، بأن ...


def colon_quote_later(ctx, j: int, sentence: int, marked: bool = True) -> bool:
    """وقال في كلمة ألقاها خلال الحفل الذي ... بحضور ...: «...»: a speech verb whose sentence goes on,
    however long the circumstances, to a colon and a quotation (or a comma and إن/أن), with no other
    reporting verb or new clause between. Not marked: a verb opening its sentence and a colon within
    20 words, his words after it with no quotation mark (a street interview: ويقول فلان من الجنسية
    اليمنية ويعمل في بيع الألعاب: أبيع ...)."""
    for k in range(j, min(j + (80 if marked else 20), len(ctx.tokens) - 1)):
        t = ctx.tokens[k].text
        if t in SENTENCE_MARKS or ctx.sentence_of(ctx.tokens[k].start)[0] != sentence:
            return False
        if t == ":":
            return ctx.tokens[k + 1].text in QUOTE_STARTS or (not marked and ctx.tokens[k + 1].kind == "word")
        if t in _THAT_CLAUSE_WORDS and ctx.tokens[k - 1].text in COMMAS:
            return True  # قالت كومبا با، وزيرة الشباب ...، في اجتماع عقدته ... أمس، إن «...»
        if ctx.tokens[k].kind == "word" and (ctx.res.reporting_forms.lookup(t) is not None or t in _NEW_CLAUSE):
            return False  # إذ يمازحها البعض سائلا: «...»: another clause, whose subject may be who speaks
    return False


_RECEIVE_VERBS = word_class("attribution-words", "receive-verbs")
RECEIVED_REACH = 8  # words between the verb of receiving and the statement noun (its subject, with its place: فرق الدفاع المدني في محافظة الخرج)


def received_statement(ctx, i: int) -> bool:
    """A verb of receiving or handling a few words before the statement noun, with or without its
    conjunction (وتلقت الشرطة بلاغا)."""
    for k in range(max(0, i - RECEIVED_REACH), i):
        w = ctx.word_at(k)
        if w and in_class_or_joined(w, _RECEIVE_VERBS):
            return True
    return False
