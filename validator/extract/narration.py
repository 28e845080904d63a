"""Whose voice the article narrates in: the writer's own first person (a column, an essay), and the
writer's own argument (a column that asks and exclaims), decided once per article."""
from __future__ import annotations

import bisect

from validator.extract.context import Context
from validator.extract.model import NumberItem, Quote
from validator.extract.numerals import figure_words
from validator.extract.wordclasses import affixes, in_class_or_joined
from validator.text.punctuation import ARABIC_QUESTION_MARK, mark_positions

_CONJUNCTIONS = frozenset(affixes("conjunction"))

# Distinct first-person words (lexicon first-person) outside quotation marks that make the narration
# first-person: one may be a slip or unmarked speech, two are the writer's own voice.
FIRST_PERSON_MIN = 2
# The marks of a writer who argues with the reader: a question or an exclamation in his own words (a
# Latin ? is left out: it stands in links more than in Arabic prose)
RHETORICAL_MARKS = ARABIC_QUESTION_MARK + "!"
# Sentences of the body asking or exclaiming outside quotation marks that make the article the writer's
# own argument; one is enough beside a first-person word (لكني، نحن ... ؟). News narration states,
# it neither asks nor exclaims.
ARGUMENT_SENTENCES_MIN = 2
# The whole, as a figure of speech in an opinion column (صناعة وطنية 100 %): an idiom, not a statistic
WHOLE_PERCENT = 100
# ... and in any article right after a quality it intensifies (figure-words whole-quality: ناجحة 100 %)
_WHOLE_QUALITIES = figure_words("whole-quality")


def _balanced_ranges(quotes: list[Quote], to_norm=None) -> tuple[list[tuple[int, int]], list[int]]:
    """The balanced quotations' spans (normalized offsets when `to_norm` is given), sorted, and their starts."""
    ranges = sorted(((to_norm(q.loc.start), to_norm(q.loc.end)) if to_norm else (q.loc.start, q.loc.end))
                    for q in quotes if q.balanced)
    return ranges, [r[0] for r in ranges]


def _inside(ranges: list[tuple[int, int]], starts: list[int], offset: int) -> bool:
    k = bisect.bisect_right(starts, offset) - 1
    return k >= 0 and ranges[k][0] <= offset < ranges[k][1]


def argued(ctx: Context, quotes: list[Quote], first_person_words: int) -> int:
    """The body's sentences that ask or exclaim in the writer's own words (؟ or ! outside quotation
    marks, a run of marks counted once a sentence), when they make the article the writer's own argument:
    ARGUMENT_SENTENCES_MIN of them, or one beside a first-person word; else 0. Read once per article
    from the marks' offsets (str.find), no pass over the words."""
    doc = ctx.doc
    body = doc.headline.end if doc.headline is not None else 0
    marks = [at for at in mark_positions(doc.text, RHETORICAL_MARKS) if at >= body]
    if not marks:
        return 0
    ranges, starts = _balanced_ranges(quotes)
    asking = {s.index for at in marks if not _inside(ranges, starts, at) and (s := doc.sentence_at(at)) is not None}
    enough = len(asking) >= ARGUMENT_SENTENCES_MIN or (asking and first_person_words > 0)
    return len(asking) if enough else 0


def first_person_words(ctx: Context, quotes: list[Quote]) -> int:
    """Distinct first-person words outside quotation marks (أرى، أعتقد، إنني، نحن), up to
    FIRST_PERSON_MIN; a column's layout (kind=layout: مقالات أخرى للكاتب) counts as enough. Only و and
    ف are read off as clitics: ل and ب forms are listed (لأنني)، and لاري is a name, not ل + أرى.
    The article narrates in the first person (a column, an essay, an interview's answers) when it
    reaches FIRST_PERSON_MIN."""
    ranges, starts = _balanced_ranges(quotes, ctx.norm.to_normalized)
    seen = set()
    for m in ctx.hits("first-person"):
        if m.prefix and m.prefix not in _CONJUNCTIONS:
            continue
        if _inside(ranges, starts, m.start):
            continue
        seen.add(m.entry.norm)
        if len(seen) >= FIRST_PERSON_MIN or m.entry.get("kind") == "layout":
            return FIRST_PERSON_MIN
    return len(seen)


def whole_qualities(ctx: Context, numbers: list[NumberItem]) -> None:
    """100 % right after a quality (ناجحة 100 %، صحيح مائة في المائة): how wholly the thing is so, an
    idiom, not a measured share; a rate or a completion (بنسبة 100 %) is none."""
    for n in numbers:
        if n.category != "percent" or n.value != WHOLE_PERCENT:
            continue
        first = ctx.index.containing(ctx.norm.to_normalized(n.loc.start))
        word = ctx.tokens[first - 1].text if first > 0 else ""
        if in_class_or_joined(word, _WHOLE_QUALITIES):
            n.idiom = True

