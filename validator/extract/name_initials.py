"""A name of Latin initials written out (a company's or a channel's: three letters and an ampersand)
written once with one initial spelled another way, its final ه dropped or added (an A written إيه
and إي, a J جيه and جي), the initial after it the same in both mentions. A spelled initial stands
beside another initial (entity-words `latin-initial`), so the pair is one name, not a preposition
and its pronoun (فيه / في: no initial follows). `find_spellings` (spellings.py) calls it through
name_moves; the rule inconsistent-name reads the group (variant latin-initial)."""
from __future__ import annotations

from validator.extract.context import Context
from validator.extract.letters import HEH
from validator.extract.model import SpellingGroup
from validator.extract.wordclasses import word_class
from validator.text.normalize import normalize_string

LATIN_INITIAL = "latin-initial"
_INITIALS = frozenset(map(normalize_string, word_class("entity-words", "latin-initial")))
_WITH_HEH = frozenset(w for w in _INITIALS if w.endswith(HEH))


def initial_heh_names(ctx: Context, known: set[str], entities=()) -> list[SpellingGroup]:
    """Compared as written: the short spelling's normalized form is also a common word's (أي، any)."""
    texts = ctx.texts
    first: dict[tuple[str, ...], int] = {}  # (an initial as written, the two words after it) -> first token
    followed: dict[str, set] = {}  # an initial as written -> the two words after each of its mentions
    for i in ctx.positions(_WITH_HEH | {w[:-len(HEH)] for w in _WITH_HEH}):
        written = ctx.loc(ctx.tokens[i].start, ctx.tokens[i].end).text
        followed.setdefault(written, set()).add(tuple(texts[i + 1:i + 3]))
        if i + 2 < len(texts) and texts[i + 1] in _INITIALS and ctx.tokens[i + 2].kind == "word":  # (three words: إيه بي alone is AP or IB)
            first.setdefault((written, *texts[i + 1:i + 3]), i)
    out = []
    for (word, *after), i in sorted(first.items(), key=lambda p: p[1]):
        short = word[:-len(HEH)]
        j = first.get((short, *after)) if texts[i] in _WITH_HEH else None
        # the short spelling always before the same two words, the long one before no other initial: an E
        # and an A elsewhere (إي في، إيه بي / إي بي) are two letters
        if j is None or followed[short] != {tuple(after)} \
                or {x for x in followed[word] if x[:1] and x[0] in _INITIALS} != {tuple(after)}:
            continue
        locs = sorted((ctx.loc(ctx.tokens[k].start, ctx.tokens[k].end) for k in (i, j)), key=lambda x: x.start)
        if any(loc.text in known for loc in locs):
            continue
        out.append(SpellingGroup(texts[i], tuple((loc.text, loc) for loc in locs), "term", LATIN_INITIAL))
    return out
