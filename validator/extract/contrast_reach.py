"""How far a reporting verb with a noun object reaches: not past a contrast that opens a clause of its own.

وتوقع البنك نموا بنسبة 3 في المئة، لكن الفيضانات دمرت 40 ألف منزل: the verb reports its object (the growth),
not the clause after the comma and the contrast (attribution-words contrast-openers: لكن، ولكن, or إلا/غير
before أن) with a subject of its own. That clause is the writer's account of another fact. A verb whose
that-clause (أن، إن، بأن) opens before the comma still reaches it (قال الوزير إن النمو تباطأ، لكن البطالة
تراجعت: both are his words), and so does one whose contrast goes on with his pronoun (لكنها، إلا أنه).
The cut works both ways: a reporting verb inside such a contrast reports its clause, not the figure before
the comma (رغم أن الصفقة بلغت 40 مليونا، إلا أن التقارير أشارت إلى أن ...)."""
from __future__ import annotations

from validator.extract.letters import WORD_RUN
from validator.extract.wordclasses import word_class
from validator.text.normalize import normalize_cached
from validator.text.punctuation import COMMAS, mark_positions

_THAT_CLAUSE = word_class("attribution-words", "that-clause")
_CONTRAST = word_class("attribution-words", "contrast-openers")  # لكن، ولكن، إلا، غير
_BEFORE_THAT = word_class("attribution-words", "contrast-that")  # إلا، غير: with أن after them
_BARE_THAT = _THAT_CLAUSE & word_class("attribution-words", "fronting")  # أن alone, no pronoun (أنه، أنها)
_QUOTE_MARKS = frozenset('«»"“”:')
_COMMA_MARKS = "".join(sorted(COMMAS))


def _opens_contrast(words: list[str]) -> bool:
    """The words after a comma open a contrast with a subject of its own: لكن or ولكن then a word, or إلا
    or غير then أن alone (not أنه، أنها: the same subject goes on) then a word."""
    if len(words) < 2 or words[0] not in _CONTRAST:
        return False
    if words[0] in _BEFORE_THAT:
        return len(words) >= 3 and words[1] in _BARE_THAT
    return True


def _contrast_after(span: str, comma: int) -> bool:
    """The comma at `comma` in `span` is followed by a contrast with a subject of its own."""
    return _opens_contrast([normalize_cached(w) for w in WORD_RUN.findall(span[comma + 1:comma + 40])[:3]])


def cut_by_contrast(a, figure_start: int, text: str) -> bool:
    """The reporting verb `a`, before the figure in its sentence, reports a noun object (no that-clause
    word nor quotation between it and a comma) and the figure comes after that comma and a contrast
    with a subject of its own: the verb does not reach the figure."""
    if a.kind != "verb" or a.loc.end > figure_start:
        return False
    span = text[a.loc.end:figure_start]
    read = 0  # the words before `read` hold no that-clause word
    for k, char in enumerate(span):
        if char in _QUOTE_MARKS:
            return False
        if char not in COMMAS:
            continue
        if any(normalize_cached(w) in _THAT_CLAUSE for w in WORD_RUN.findall(span[read:k])):
            return False
        read = k
        if _contrast_after(span, k):
            return True
    return False


def after_contrast(a, figure_end: int, text: str) -> bool:
    """The reporting verb `a` comes after the figure, past a comma and a contrast with a subject of its own
    (رغم أن الصفقة بلغت 40 مليونا، إلا أن التقارير أشارت إلى أن ...): it reports the contrast's clause, not
    the figure of the clause the contrast answers."""
    if a.kind != "verb" or a.loc.start < figure_end:
        return False
    span = text[figure_end:a.loc.start]
    # (the commas found by `str.find`: a test of every character of the span cost more than the rest)
    return any(_contrast_after(span, k) for k in mark_positions(span, _COMMA_MARKS))
