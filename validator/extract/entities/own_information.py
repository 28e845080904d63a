"""Information a speaker obtained himself (وأفاد مراسل الأناضول وفقا للمعلومات التي حصل عليها بأن، وقال المحامي
بحسب معلومات توفرت لديه إن): a vague noun followed by a relative clause whose verb of obtaining (entity-words
obtain-verb, its preposition and pronoun: حصل عليها، توفرت لديه) has no subject of its own after it: whoever
obtained it is the subject of the reporting verb before it in its sentence, who speaks on his own record; no
vague source (round 166 2015-07-27/128 L9, rejected). Information a named outlet obtained (معلومات حصلت عليها
«الصحيفة») has its own subject and stays vague, and so does information with no reporting verb before it."""
from __future__ import annotations

from validator.extract.entities.words import RELATIVES, _QUOTE_OPENERS, _THAT_WORDS, past_verb_object
from validator.extract.wordclasses import word_class

_OBTAIN = word_class("entity-words", "obtain-verb")  # حصل، اطلعت، توفرت، جمعها
_OBJECT = word_class("entity-words", "obtain-object")  # عليها، لديه


def obtained_by_speaker(reader, i: int, j: int) -> bool:
    """The vague noun at tokens i..j-1 is what the speaker of its sentence obtained (module doc)."""
    k = past_verb_object(reader, j + (reader._word(j) in RELATIVES), _OBTAIN, _OBJECT)
    if k is None:
        return False
    if k < len(reader.tokens) and _subject_at(reader, k):
        return False  # حصلت عليها «الصحيفة»، جمعها المحققون: the verb's own subject
    sentence = reader.ctx.sentence_of(reader.tokens[i].start)[0]
    return any(v.j < i and reader.ctx.sentence_of(reader.tokens[v.i].start)[0] == sentence
               and v.entry.get("part") != "participle" for v in reader.ctx.hits("reporting-forms"))  # (not وأفادت معلومات: its subject)


def _subject_at(reader, k: int) -> bool:
    """Token k may open the verb's own subject: a word other than a that-word or a preposition, or a quotation
    mark or a bracket (a quoted outlet)."""
    if reader.tokens[k].kind != "word":
        return reader.tokens[k].text in _QUOTE_OPENERS or reader.tokens[k].text == "("  # «الصحيفة»، (اليوم)
    w = reader._word(k)
    stop = reader.lex["stopwords"].lookup(w)
    return w not in _THAT_WORDS and not (stop is not None and stop.get("kind") == "preposition")
