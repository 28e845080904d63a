"""A person's one-word family name written again, in a name's slot, with one letter another way: a
foreign s written once س and once ز (جورج أوسبورن / وقال أوزبورن، maybe a long vowel more too:
أوزبورون), or an inner consonant dropped (بدر هوساوي / وأشاد هواوي). The other variant rules miss these:
a single word (two_word_names needs two), a letter no letter class folds, a name too short for
dropped_letter_names. `find_spellings` (spellings.py) calls it through name_moves; the rule
inconsistent-name reads the group (variants s-z-letter, slot-dropped-letter).

The name word is a word after the given name of a person's full name the entities found, of SLOT_MIN
letters or more, with a long vowel after its first letter; neither spelling is a word a lexicon knows
or a given name. The s / z spelling needs two long vowels after the first letter in both spellings (a
foreign name's shape: سهير / زهير are two Arabic names); the dropped consonant is inside the word
(never its first or last letter). The other spelling must stand where a name does (name_typos.name_slot:
after a reporting verb, alone after the full name, and for the s letter after the same given name too);
after another given name it is another person, and elsewhere the pair is a note (slot unplaced)."""
from __future__ import annotations

from validator.extract.context import Context
from validator.extract.letters import ARTICLE, HEH, LONG_VOWELS, TEH
from validator.extract.model import SpellingGroup
from validator.extract.name_typos import OTHER_PERSON, UNPLACED, name_slot
from validator.extract.name_variants import VOWELS_MIN, vowels_after_first as _vowels
from validator.extract.wordclasses import word_class
from validator.text.normalize import normalize_string
from validator.text.tokens import kind_of

SLOT_MIN = 5  # letters of the person's family name and of its other spelling
SZ = "s-z-letter"
SLOT_DROPPED = "slot-dropped-letter"
_S_Z = frozenset(word_class("entity-words", "transliterated-z"))  # س، ز
_ENDING_LETTERS = (TEH, HEH)
_SAME_GIVEN = "after-same-given-name"  # (name_typos.name_slot)
_ONE_S = str.maketrans({c: min(_S_Z) for c in _S_Z})


def _vowel_keys(w: str) -> set[str]:
    """w and w with one inner long vowel less."""
    return {w} | {w[:k] + w[k + 1:] for k in range(1, len(w) - 1) if w[k] in LONG_VOWELS}


def _s_z_variant(a: str, b: str) -> bool:
    """a and b are one name with an s letter written the other way (a long vowel more or less too)."""
    if a in _vowel_keys(b) or b in _vowel_keys(a):
        return False  # no s letter differs: a long vowel alone (spellings' long-vowel)
    ka, kb = a.translate(_ONE_S), b.translate(_ONE_S)
    return ka in _vowel_keys(kb) or kb in _vowel_keys(ka)


def _drops(w: str):
    """w with one inner consonant dropped (not its first letter nor its last, not a doubled one, not a
    feminine ت or a pronoun before the last letter: استقالته / استقالة)."""
    for k in range(1, len(w) - 1):
        if w[k] not in LONG_VOWELS and w[k] != w[k - 1] and not (k == len(w) - 2 and w[k] in _ENDING_LETTERS):
            yield w[:k] + w[k + 1:]


def _family_names(ctx: Context, entities) -> dict[str, dict[str, int]]:
    """Each family name word -> the given name before it -> where the full name is first written."""
    res = ctx.res
    given = res.given_names.by_norm
    out: dict[str, dict[str, int]] = {}
    for e in entities:
        if e.kind != "person":
            continue
        for m in e.mentions:
            words = normalize_string(m.loc.text).split() if m.form == "name" else ()
            for w in words[1:] if words and words[0] in given else ():  # (a full name may run into the next word)
                if len(w) >= SLOT_MIN and kind_of(w) == "word" and not w.startswith(ARTICLE) and _vowels(w) \
                        and w not in given and not res.is_non_name(w):
                    out.setdefault(w, {}).setdefault(words[0], m.loc.start)
    return out


def _other_word(res, w: str) -> bool:
    """w may be a name's other spelling: no lexicon's word, no given name."""
    return kind_of(w) == "word" and res["stopwords"].lookup(w) is None and not res.is_non_name(w) \
        and w not in res.given_names.by_norm


def slot_letter_names(ctx: Context, known: set[str], entities=()) -> list[SpellingGroup]:
    names = _family_names(ctx, entities)
    if not names:
        return []
    res, tokens = ctx.res, ctx.tokens
    texts = set(ctx.texts)
    s_z_words = None  # the article's words an s / z spelling may be (made at the first such name)
    out = []
    for name in sorted(names):
        others = []
        if _vowels(name) >= VOWELS_MIN and not _S_Z.isdisjoint(name):
            if s_z_words is None:  # (the letter test first, in C: most words have neither letter)
                s_z_words = [w for w in texts if not _S_Z.isdisjoint(w) and len(w) >= SLOT_MIN and _vowels(w) >= VOWELS_MIN]
            others += [(w, SZ) for w in s_z_words if w != name and _s_z_variant(w, name)]
        others += [(w, SLOT_DROPPED) for w in set(_drops(name)) & texts if len(w) >= SLOT_MIN and _vowels(w)]
        found = []
        for other, variant in others:
            if not _other_word(res, other) or other in names:
                continue
            spans = [(tokens[k].start, tokens[k].end) for k in ctx.positions({other})]
            slot, span = name_slot(ctx, spans, name, entities, names[name])
            if slot != OTHER_PERSON:  # (a consonant less after the same given name may be a namesake: جون بارتر / جون باتر)
                found.append((slot == UNPLACED or variant == SLOT_DROPPED and slot == _SAME_GIVEN, other, variant, span))
        if not found:
            continue
        unplaced, other, variant, span = min(found)  # a spelling in a name's slot first
        first = ctx.positions({name})
        locs = sorted((ctx.loc(tokens[first[0]].start, tokens[first[0]].end), ctx.loc(*span)), key=lambda x: x.start)
        if not any(loc.text in known for loc in locs):
            out.append(SpellingGroup(name, tuple((loc.text, loc) for loc in locs), "person", variant,
                                     UNPLACED if unplaced else ""))
    return out
