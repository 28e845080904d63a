"""A name written once with one letter of the script's tooth (ب ت ث ن ي, told apart only by their
dots) written as another (ميشال بلانيتي ... لترشيح بلابيتي): one name mistyped, a slip of the dots.
The anchor is a word written right after a given name (a person's full name), of TOOTH_MIN letters
or more, no common word (بلاتيني reads as ب and لاتيني), not opening with و (يوسف وإخوانه / وأخواته:
the next item of a list); the other spelling differs in one inner letter only (never the first two or
the last: a clitic, a verb's prefix, an ending), is no word the lexicons know, clitic read off or not, and never
follows a given name itself (سالم بنيان / خالد بتيان: two people). `find_spellings` (spellings.py)
calls it through name_moves; the rule inconsistent-name reads the group (variant tooth-letter)."""
from __future__ import annotations

from validator.extract.context import Context
from validator.extract.letters import WAW
from validator.extract.model import SpellingGroup
from validator.extract.wordclasses import letters

TOOTH_LETTER = "tooth-letter"
TOOTH_MIN = 6
INNER_FROM = 2  # the first letter that may differ: a clitic and a verb's prefix come first (ليستفيد / لنستفيد)
_TOOTH = letters("tooth")


def _tooth_variants(w: str):
    for i in range(INNER_FROM, len(w) - 1):
        if w[i] in _TOOTH:
            for c in sorted(_TOOTH - {w[i]}):
                yield w[:i] + c + w[i + 1:]


def tooth_letter_names(ctx: Context, known: set[str], entities=()) -> list[SpellingGroup]:
    texts, tokens = ctx.texts, ctx.tokens
    res = ctx.res
    given, stopwords, is_non_name = res.given_names.by_norm, res["stopwords"], res.is_non_name
    present = ctx.distinct_texts

    def after_given(k: int) -> bool:
        return k > 0 and texts[k - 1] in given and stopwords.lookup(texts[k - 1]) is None

    anchors: dict[str, int] = {}
    # only the tokens right after a given name can be anchors: they are found from the article's index
    # of its texts, in order (a test of every token cost more than the rest of the pass)
    for k in ctx.positions(res.given_name_set):
        k += 1
        w = texts[k] if k < len(texts) else ""
        if len(w) >= TOOTH_MIN and tokens[k].kind == "word" and not w.startswith(WAW) and w not in anchors \
                and after_given(k) and not res.is_non_name_strict(w) and w not in given:
            anchors[w] = k
    out = []
    for w, k in anchors.items():
        for v in _tooth_variants(w):
            if v not in present or is_non_name(v) or v in given or v in anchors:
                continue
            spots = sorted(ctx.positions({v}))
            if any(after_given(j) for j in spots):
                continue
            locs = [ctx.loc(tokens[j].start, tokens[j].end) for j in (k, spots[0])]
            if any(loc.text in known for loc in locs):
                continue
            out.append(SpellingGroup(w, tuple((loc.text, loc) for loc in locs), "person", TOOTH_LETTER))
            break
    return out
