"""When a passive verb of hearsay (vague-sources tier=rumour: وتردد أن، ويقال إن، وورد أن) reports no news.
The verb is its clause's own attribution to nobody; these clauses are something else, and no source."""
from __future__ import annotations

import re

from validator.extract.entities.words import _DOCUMENT_SOURCES
from validator.extract.letters import WAW
from validator.extract.wordclasses import one_word, word_class
from validator.text.punctuation import ARABIC_QUESTION_MARK

# ما يقال، لو قيل إن، لكيلا يقال، بلا تردد أن: the saying as an object, a hypothesis, a purpose, a noun
_FRAMES = word_class("entity-words", "rumour-frame")
# القرن السابع، مقابر قديمة: a paragraph of history, where a hearsay verb tells a legend or an anecdote
_HISTORY = word_class("entity-words", "history-mark")
_FI = one_word("entity-words", "fi")
# A year before this is history, not the news's own past (a hotel built in 1885, a poet born in 1889)
LIVING_MEMORY = 1980
_YEAR = re.compile(r"(?<![\d.,])(1[0-9]{3})(?![\d.,])")
# An interview's question opens its line with a marker (* ، ** ، -) or a question letter and its mark (س: ،
# س/: entity-words interview-question) and asks: the interviewer's words
_QUESTION_MARKS = ("*", "-", "•")
_QUESTION_LETTERS = word_class("entity-words", "interview-question")
_LETTER_MARKS = ":/-"


def rumour_aside(ctx, i: int, prev: str | None) -> bool:
    """The hearsay verb at token i is no source of the news: a frame word right before it (rumour-frame);
    its sentence a question (يتردد أن ... ؟: a rumour put to an interviewee, who answers it) or its line an
    interview's question (a marker, and a question mark); a document earlier in its sentence that it reads
    (وفي بيان ...، ورد أن); or its paragraph history (a history-mark word, or a year before LIVING_MEMORY)."""
    if prev is not None and (prev in _FRAMES or prev.removeprefix(WAW) in _FRAMES):
        return True
    sentence, paragraph = ctx.sentence_of(ctx.tokens[i].start)
    if sentence < 0:
        return False
    doc = ctx.doc
    s = doc.sentences[sentence]
    if ARABIC_QUESTION_MARK in doc.text[s.start:s.end]:
        return True
    for k in range(ctx.index.at_or_after(ctx.norm.to_normalized(s.start)), i - 1):
        if ctx.tokens[k].text.removeprefix(WAW) == _FI and ctx.tokens[k + 1].text in _DOCUMENT_SOURCES:
            return True  # وفي بيان صدر عن الهيئة، ورد أن: the named document's words, no hearsay
    p = doc.paragraphs[paragraph]
    lines = doc.text[p.start:p.end]
    head = lines.lstrip()
    opens = head.startswith(_QUESTION_MARKS) or any(
        head.startswith(q) and head[len(q):].lstrip()[:1] in _LETTER_MARKS for q in _QUESTION_LETTERS)
    if opens and ARABIC_QUESTION_MARK in lines:
        return True  # ** يتردد أن ... .. ما صحة ذلك؟ (a news roundup's bullet * asks nothing)
    lo, hi = ctx.norm.to_normalized(p.start), ctx.norm.to_normalized(p.end)
    k = ctx.index.at_or_after(lo)
    while k < len(ctx.tokens) and ctx.tokens[k].start < hi:
        if ctx.tokens[k].text in _HISTORY:
            return True
        k += 1
    return any(int(y) < LIVING_MEMORY for y in _YEAR.findall(doc.text[p.start:p.end]))
