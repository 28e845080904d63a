"""Things an article writes two ways: a name (its mentions, a transliterated foreign name), a listed
term or place (lexicon spelled-terms), a foreign g written غ or ج. The rules read the groups
(inconsistent-name)."""
from __future__ import annotations

import re
from itertools import compress, repeat

from validator.extract.context import Context
from validator.extract.patterns.shapes import verb as _verb_like
from validator.extract.entities.words import _DEFINITE_CLITICS
from validator.extract.model import SpellingGroup
from validator.extract.resources import loose_key
from validator.extract.wordclasses import affix, affixes, word_class
from validator.findings import Location
from validator.text.normalize import normalize_string
from validator.text.tokens import kind_of

PLACE_HEADS = word_class("quote-words", "place-heads")  # words that head a place name
_FEMININE_NISBA = affix("feminine-nisba")
_PRIVATIVE = word_class("quote-words", "privative")  # غير، بغير: a negated adjective
_FEMININE_ENDINGS = (affix("feminine"), affix("feminine-plural"))
_DEFINITE_STARTS = affixes("definite-start")


def find_spellings(ctx: Context, entities) -> list[SpellingGroup]:
    """Things written two ways: a person's or body's name, a nationality (الأميركي / الأمريكي)."""
    groups: dict[tuple[str, str], dict[str, Location]] = {}
    for m in ctx.hits("spelled-terms"):
        if m.entry.source.startswith("places") and not names_the_place(ctx, m):
            continue
        key = ("term", m.entry.attrs["group"])  # spelled-terms entries all have a group and a side
        groups.setdefault(key, {}).setdefault(m.entry.attrs["side"], ctx.loc(m.start, m.end))
    out = [SpellingGroup(k[1], tuple((loc.text, loc) for loc in sorted(forms.values(), key=lambda x: x.start)), k[0])
           for k, forms in groups.items() if len(forms) > 1]
    for e in entities:
        forms: dict[str, Location] = {}
        for mention in e.mentions:
            if mention.form in ("name", "surname"):
                forms.setdefault(normalize_string(mention.loc.text), mention.loc)
        variants = _distinct_spellings(forms, ctx.res.given_names.by_norm)
        if len(variants) > 1:
            out.append(SpellingGroup(e.key, tuple(variants.items()), e.kind))
    out += _g_variants(ctx, {loc.text for g in out for _, loc in g.forms})
    out += _transliterated_names(ctx, entities, {loc.text for g in out for _, loc in g.forms})
    out.sort(key=lambda g: g.forms[0][1].start)
    return out


# A foreign g is written غ or ج (سامسونغ / سامسونج، سيغوندو / سيجوندو): two words of an article that
# differ only there name one thing spelled two ways. Shorter words are too often two words (غنية / جنيه).
G_VARIANT_MIN = 5
_FOREIGN_G = tuple(sorted(word_class("entity-words", "foreign-g")))  # the letters a foreign g is written with
_ONE_G = tuple((g, _FOREIGN_G[0]) for g in _FOREIGN_G[1:])  # (letter, the one it is read as)
_HAS_FOREIGN_G = re.compile("[" + "".join(map(re.escape, _FOREIGN_G)) + "]").search


def _g_variants(ctx: Context, known: set[str]) -> list[SpellingGroup]:
    forms: dict[str, dict[str, tuple[int, int]]] = {}  # one g -> word -> its first span (normalized)
    stopwords = ctx.res["stopwords"]
    readings: dict[str, tuple[str, int]] = {}  # each distinct word with a g letter -> (word, clitic length)
    for w in filter(_HAS_FOREIGN_G, set(ctx.texts)):  # most words have neither letter: found in C
        if len(w) < G_VARIANT_MIN or kind_of(w) != "word":
            continue
        clitic = next((c for c in _DEFINITE_CLITICS if w.startswith(c)), "")
        skip = len(clitic) if len(w) - len(clitic) >= G_VARIANT_MIN else 0
        if stopwords.lookup(w[skip:]) is None:
            readings[w] = (w[skip:], skip)
    keys = dict(zip(readings, _letter_keys([w for w, _ in readings.values()], _ONE_G)))
    tokens = ctx.tokens
    for k in compress(range(len(tokens)), map(readings.__contains__, ctx.texts)):
        t = tokens[k]
        w, skip = readings[t.text]
        forms.setdefault(keys[t.text], {}).setdefault(w, (t.start + skip, t.end))
    out = []
    for key, spans in forms.items():  # a location only for words written two ways (most are not)
        if len(spans) > 1 and not any(ctx.original_text(*span) in known for span in spans.values()):
            locs = sorted((ctx.loc(*span) for span in spans.values()), key=lambda x: x.start)
            out.append(SpellingGroup(key, tuple((loc.text, loc) for loc in locs), "term"))
    return out


# A foreign name is written with one letter for another (باييخو / فاييخو, غ / ج / ق) or with a long
# vowel more or less (تيسير / تيسر). Compared only against a person's name word, never between two
# given names of the lexicon (محمد / محمود، أحمد / حامد are two names), and only words this long.
TRANSLITERATED_MIN = 4
_ONE_LETTER = str.maketrans({c: min(group) for name in ("transliterated-b", "transliterated-g")
                             for group in [word_class("entity-words", name)] for c in group})
_LETTER_PAIRS = tuple((chr(c), k) for c, k in _ONE_LETTER.items() if chr(c) != k)
_LONG_VOWELS = frozenset(affixes("long-vowel"))
_INNER_VOWELS = _LONG_VOWELS - {affix("alef")}  # not ا: أسامة / اسمه
_AND = affix("and")


def _same_transliteration(a: str, b: str) -> bool:
    """a and b differ, yet spell one name: letter for letter the same sound, or one long vowel more."""
    if a == b:
        return False
    ka, kb = a.translate(_ONE_LETTER), b.translate(_ONE_LETTER)
    if len(ka) == len(kb):
        return ka == kb
    longer, shorter = (ka, kb) if len(ka) > len(kb) else (kb, ka)
    # an inner long vowel only: فارس / فارسي is a name and a nisba, أسامة / اسمه a name and a noun
    return len(longer) - len(shorter) == 1 and any(
        longer[i] in _INNER_VOWELS and longer[:i] + longer[i + 1:] == shorter for i in range(1, len(longer) - 1))


def _letter_keys(words: list[str], pairs: tuple[tuple[str, str], ...]) -> list[str]:
    """Each word with the letters of `pairs` replaced (a `translate`), for many words at once: one
    `str.replace` per letter over the words joined (`translate` takes ~3 µs an Arabic word: word by
    word, it was the spelling passes' main cost)."""
    joined = "\n".join(words)  # a token holds no line break
    for old, new in pairs:
        joined = joined.replace(old, new)
    return joined.split("\n") if words else []


def _inner_vowel_deletions(key: str) -> list[str]:
    """key without one of its inner long vowels, each way (the shorter spellings _same_transliteration accepts)."""
    return [key[:i] + key[i + 1:] for i in range(1, len(key) - 1) if key[i] in _INNER_VOWELS]


def _inner_vowel_insertions(key: str) -> list[str]:
    """key with one more inner long vowel, each way (the longer spellings _same_transliteration accepts)."""
    return [key[:i] + v + key[i:] for i in range(1, len(key)) for v in _INNER_VOWELS]


def _transliteration_index(name_words: dict) -> dict[str, list]:
    """the letters' common key of a word -> the (name, location) pairs of name_words it may spell another
    way, in name_words' order: the name's own key, the key with one inner long vowel less or more.
    Looking a word up is one dict access (comparing every word with every name was quadratic, a third
    of an article's time; trying each word's own deletions was a Python loop per word)."""
    by_key: dict[str, set[int]] = {}
    items = list(name_words.items())
    for k, (name, _) in enumerate(items):
        key = name.translate(_ONE_LETTER)
        for variant in [key, *_inner_vowel_deletions(key), *_inner_vowel_insertions(key)]:
            by_key.setdefault(variant, set()).add(k)
    return {key: [items[k] for k in sorted(found)] for key, found in by_key.items()}


def _transliterated_names(ctx: Context, entities, known: set[str]) -> list[SpellingGroup]:
    """A person's name word written another way elsewhere in the article (the headline's باييخو, the
    body's خيسوس فاييخو), where the other word is not itself a lexicon's word."""
    given = ctx.res.given_names.by_norm
    stopwords = ctx.res["stopwords"]
    words = {w for e in entities if e.kind == "person" for mention in e.mentions if mention.form in ("name", "surname")
             for w in normalize_string(mention.loc.text).split()
             if len(w) >= TRANSLITERATED_MIN and not w.startswith(_DEFINITE_CLITICS)}
    if not words:
        return []
    tokens, texts = ctx.tokens, ctx.texts
    name_words: dict[str, Location] = {}  # each name word -> where the article first writes it
    for k in compress(range(len(texts)), map(words.__contains__, texts)):
        t = tokens[k]
        if t.text not in name_words:
            name_words[t.text] = ctx.loc(t.start, t.end)
    index = _transliteration_index(name_words)
    # the article's distinct words whose key (or, after و, the rest's key) is in the index, found in C:
    # most words are nobody's name, and only these are read in Python below
    distinct = list(set(texts))
    tails = list(map(str.removeprefix, distinct, repeat(_AND)))
    keyed = index.__contains__
    maybe = set(compress(distinct, map(keyed, _letter_keys(distinct, _LETTER_PAIRS)))) | set(
        compress(distinct, map(keyed, _letter_keys(tails, _LETTER_PAIRS))))
    spans: dict[str, list[tuple[int, int]]] = {}  # each other word -> where the article writes it
    for k in compress(range(len(texts)), map(maybe.__contains__, texts)):
        t = tokens[k]
        if t.kind != "word":
            continue
        w = t.text
        skip = len(_AND) if w.startswith(_AND) and len(w) > len(_AND) + TRANSLITERATED_MIN else 0
        word = w[skip:]
        if len(word) >= TRANSLITERATED_MIN and word not in name_words and stopwords.lookup(word) is None:
            spans.setdefault(word, []).append((t.start + skip, t.end))
    out = []
    for word, where in spans.items():
        for name, loc in index.get(word.translate(_ONE_LETTER), ()):
            if (word in given and name in given) or not _same_transliteration(word, name):
                continue
            # the other spelling where it follows the name's first (the body's word after a headline)
            span = next((x for x in where if x[0] > loc.start), where[0])
            other = ctx.loc(*span)
            if other.text in known or loc.text in known:
                continue
            forms = sorted((loc, other), key=lambda x: x.start)
            out.append(SpellingGroup(name, tuple((x.text, x) for x in forms), "person"))
            break
    return out


def names_the_place(ctx: Context, m) -> bool:
    """سورية / سوريا name the country, except where the word is the people or the adjective: right
    after a count it is the counted noun (بمقتل 12 سوريا, twelve Syrians), and a feminine form after
    غير or an indefinite noun agrees with it (عائلة سورية، جنسيات غير سورية، مواقع سورية: Syrian; a
    broken plural of things takes a feminine adjective). After a preposition, a place head or a verb
    it is the country (في سورية، شمال سورية، غادر سورية)."""
    prev = ctx.tokens[m.i - 1] if m.i > 0 else None
    if prev is None or prev.kind == "punct":
        return True
    if prev.kind == "number" or ctx.res["number-words"].lookup(prev.text) is not None:
        return False
    if m.entry.norm.endswith(_FEMININE_NISBA):
        w = prev.text
        if w in _PRIVATIVE:
            return False
        if not w.startswith(_DEFINITE_STARTS) and w not in PLACE_HEADS and ctx.res["stopwords"].lookup(w) is None \
                and (w.endswith(_FEMININE_ENDINGS) or not _verb_like(w) and ctx.res.reporting_forms.lookup(w) is None):
            return False
    return True


def _vowel_for_vowel(a: str, b: str) -> bool:
    """One long vowel written for another, letter for letter (ستيفان / ستافان): one foreign name."""
    return len(a) == len(b) and all(x == y or (x in _LONG_VOWELS and y in _LONG_VOWELS) for x, y in zip(a, b))


def _distinct_spellings(forms: dict, given) -> dict:
    """Keep forms that differ in spelling, not just in length (a surname is not a misspelling), nor
    in being two given names of the lexicon (محمد / محمود، أحمد / حامد العلي: two people of one
    family), unless one long vowel is written for another (ستيفان / ستافان)."""
    kept: dict = {}
    for form, loc in forms.items():
        words = form.split()
        clash = False
        for other in kept:
            other_words = other.split()
            for w in words:
                for o in other_words:
                    if w.endswith(o) or o.endswith(w):
                        continue  # ومنطقة / منطقة: a clitic, not another spelling
                    if loose_key(w) == loose_key(o) and len(w) > 2 \
                            and not (w in given and o in given and not _vowel_for_vowel(w, o)):
                        clash = True
        if clash or not kept:
            kept[form] = loc
    return kept
