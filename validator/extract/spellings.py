"""Things an article writes two ways: a name (its mentions, a transliterated foreign name), a listed
term or place (lexicon spelled-terms), a foreign g written غ or ج. The rules read the groups
(inconsistent-name)."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import partial
from itertools import compress, repeat
from operator import itemgetter

from validator.extract.name_moves import initial_heh_names, tooth_letter_names, ch_letter_names, nationality_moved_names, final_s_names, clitic_dropped_names, written_count, dropped_particle_names, moved_letter_names, pair_dropped_names, slot_letter_names, swapped_body_names, two_word_names
from validator.extract.context import Context
from validator.extract.patterns.shapes import verb as _verb_like
from validator.extract.entities.words import _DEFINITE_CLITICS
from validator.extract.letters import ARTICLE, BROKEN_PLURAL_TEMPLATES, HEH, LINE, MARBUTA, few_edits, fits_template, \
    key_lines, letter_keys as _letter_keys, native_words
from validator.extract.model import SpellingGroup
from validator.extract.name_endings import dropped_middle_names, final_vowel_names, headline_first
from validator.extract.name_variants import alef_waw_longer, alef_waw_shorter, dropped_letter_names, final_marbuta_names, \
    g_name_pairs, moved_vowel_names, moved_given_name, same_length_keys, same_length_variant, short_name_words, transposed
from validator.extract.name_typos import ANOTHER_FULL_NAME, LONG_VOWELS as _LONG_VOWELS, OTHER_PERSON, UNPLACED, \
    _final_ya_names, _headline_speaker_variants, _headline_tokens, _opens_full_name, after_role, name_slot, name_slot_variants
from validator.extract.resources import loose_key
from validator.extract.word_facts import tagged, words_with
from validator.extract.wordclasses import affix, affixes, letters, word_class
from validator.findings import Location
from validator.text.normalize import normalize_string
from validator.text.punctuation import QUOTE_MARKS
from validator.text.tokens import kind_of
from validator.text.wordcache import WordCache

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
        if _in_quoted_name(ctx, m):
            continue  # لـ"كوبا أميركا": a name of several words keeps its own spelling
        key = ("term", m.entry.attrs["group"])  # spelled-terms entries all have a group and a side
        groups.setdefault(key, {}).setdefault(m.entry.attrs["side"], ctx.loc(m.start, m.end))
    out = [SpellingGroup(k[1], tuple((loc.text, loc) for loc in sorted(forms.values(), key=lambda x: x.start)), k[0],
                         "spelled-terms")
           for k, forms in groups.items() if len(forms) > 1]
    nasab = frozenset(e.norm for e in ctx.res["name-particles"].entries if e.get("chain") == "nasab")  # بن، بنت
    particles = ctx.res["name-particles"].by_norm
    for e in entities:
        forms: dict[str, Location] = {}
        for mention in e.mentions:
            if mention.form in ("name", "surname"):
                forms.setdefault(normalize_string(mention.loc.text), mention.loc)
        variants = _distinct_spellings(forms, ctx.res.given_names.by_norm, nasab, particles)
        if len(variants) > 1:
            slot = ANOTHER_FULL_NAME if any(_opens_full_name(ctx, loc, e.key) for loc in variants.values()) else ""
            out.append(SpellingGroup(e.key, tuple(variants.items()), e.kind, "loose-key", slot))
    out += _g_variants(ctx, {loc.text for g in out for _, loc in g.forms})
    out += _transliterated_names(ctx, entities, {loc.text for g in out for _, loc in g.forms})
    out += _final_ya_names(ctx, entities, {loc.text for g in out for _, loc in g.forms})
    out += _transposed_surnames(ctx, entities, {loc.text for g in out for _, loc in g.forms})
    out += _place_name_variants(ctx, {loc.text for g in out for _, loc in g.forms})
    out += _headline_speaker_variants(ctx, entities, {loc.text for g in out for _, loc in g.forms})
    out += name_slot_variants(ctx, entities, {loc.text for g in out for _, loc in g.forms})
    for variants in (dropped_letter_names, final_marbuta_names, moved_vowel_names, g_name_pairs, swapped_body_names,
                     final_vowel_names, dropped_middle_names, *(partial(f, entities=entities) for f in (moved_letter_names, two_word_names, pair_dropped_names, slot_letter_names, dropped_particle_names, ch_letter_names, nationality_moved_names, final_s_names, clitic_dropped_names, initial_heh_names, tooth_letter_names))):
        out += variants(ctx, {loc.text for g in out for _, loc in g.forms})
    out.sort(key=lambda g: g.forms[0][1].start)
    # (a bare family name is counted inside every written one with its article: its forms keep their order)
    return [g if g.variant in _BARE_VARIANTS else headline_first(ctx, _odd_one_out(ctx, g)) for g in out]


_BARE_VARIANTS = ("dropped-article", "nisba-article")  # a bare family name (name_typos.dropped_article_names)
QUOTED_NAME_LONGEST = 4  # words of a quoted name (كوبا أميركا، صوت أمريكا) around a listed term


def _in_quoted_name(ctx: Context, m) -> bool:
    """The term is a word of a quoted name of several words (لـ"كوبا أميركا"، «صوت أمريكا»): the
    name's own spelling, not the article's spelling of the term."""
    tokens = ctx.tokens
    k = m.i - 1
    while k >= 0 and m.i - k <= QUOTED_NAME_LONGEST and tokens[k].kind == "word":
        k -= 1
    end = m.j
    while end < len(tokens) and end - m.j < QUOTED_NAME_LONGEST and tokens[end].kind == "word":
        end += 1
    return k >= 0 and end < len(tokens) and tokens[k].text in QUOTE_MARKS and tokens[end].text in QUOTE_MARKS \
        and end - k - 1 >= 2


def _odd_one_out(ctx: Context, group: SpellingGroup) -> SpellingGroup:
    """The group with the spelling the article uses most first and the rarest second (the rule flags
    the second): one سامسونج in the headline against four سامسونغ in the body is the headline's slip.
    Equal counts keep the article's order."""
    counts = [(written_count(ctx, _WRITTEN_AS.format(re.escape(form))), k)
              for k, (form, _) in enumerate(group.forms)]
    most, rarest = max(counts, key=lambda c: (c[0], -c[1])), min(counts, key=lambda c: (c[0], -c[1]))
    if most[0] == rarest[0]:
        return group
    rest = [f for k, f in enumerate(group.forms) if k not in (most[1], rarest[1])]
    return replace(group, forms=(group.forms[most[1]], group.forms[rarest[1]], *rest))


# a form as a word of its own, after at most three letters of clitics (وسامسونغ، والحارثي)
_WRITTEN_AS = r"(?<!\w)\w{{0,3}}{}(?!\w)"


# A foreign g is written غ or ج (سامسونغ / سامسونج، سيغوندو / سيجوندو): two words of an article that
# differ only there name one thing spelled two ways. Shorter words are too often two words (غنية / جنيه),
# and so is a word with the article whose stem is short: a definite noun of the language, not a
# foreign name (الغيب / الجيب in a rhyming saying: blind round 32 rejected it; the foreign names the
# reviewers accepted, سامسونغ، سالزبورغ، سيغوندو، have no article and seven letters or more).
G_VARIANT_MIN = 5
_FOREIGN_G = tuple(sorted(word_class("entity-words", "foreign-g")))  # the letters a foreign g is written with
_ONE_G = tuple((g, _FOREIGN_G[0]) for g in _FOREIGN_G[1:])  # (letter, the one it is read as)
_FOREIGN_G_SET = frozenset("".join(_FOREIGN_G))  # the letters, for a word's test in C


def _g_variants(ctx: Context, known: set[str]) -> list[SpellingGroup]:
    memo = ctx.res.pattern_memo
    g_reading = memo.get("g-reading")
    if g_reading is None:
        g_reading = memo["g-reading"] = WordCache(partial(_g_reading, ctx.res["stopwords"]))
    # each distinct word with a g letter -> (word, clitic length, the word's key): the words with a
    # reading found by set operations (validator/extract/word_facts.py), the reading of those alone kept
    readings = {w: g_reading[w] for w in words_with(ctx, (_G_READING,))}
    # only a key two words of the article share can be written two ways (most articles have none)
    shared = {key for key, count in Counter(key for _, key in {(w, key) for w, _, key in readings.values()}).items()
              if count > 1}
    if not shared:
        return []
    wanted = {text for text, (_, _, key) in readings.items() if key in shared}
    forms: dict[str, dict[str, tuple[int, int]]] = {}  # one g -> word -> its first span (normalized)
    tokens = ctx.tokens
    for k in ctx.positions(wanted):
        t = tokens[k]
        w, skip, key = readings[t.text]
        forms.setdefault(key, {}).setdefault(w, (t.start + skip, t.end))
    out = []
    for key, spans in forms.items():  # a location only for words written two ways (most are not)
        if len(spans) > 1 and not any(ctx.original_text(*s) in known for s in spans.values()) and not native_words(*spans):
            locs = sorted((ctx.loc(*span) for span in spans.values()), key=lambda x: x.start)
            out.append(SpellingGroup(key, tuple((loc.text, loc) for loc in locs), "term", "foreign-g"))
    return out


def _g_reading(stopwords, w: str) -> tuple[str, int, str] | None:
    """A word with a g letter as `_g_variants` compares it: (the word without a definite clitic, the
    clitic's length, its key: the g letters made one), or None (no g letter, too short, not a word, a
    stopword). Once per run for each word."""
    if _FOREIGN_G_SET.isdisjoint(w) or len(w) < G_VARIANT_MIN or kind_of(w) != "word":
        return None
    clitic = next((c for c in _DEFINITE_CLITICS if w.startswith(c)), "")
    if len(w) - len(clitic) < G_VARIANT_MIN:
        return None  # الغيب، الجيب: a short definite noun, no foreign name
    skip = len(clitic)
    return (w[skip:], skip, _letter_keys([w[skip:]], _ONE_G)[0]) if stopwords.lookup(w[skip:]) is None else None


def _has_g_reading(res):
    """The test of a word's having a g reading (each word read once per run; the readings of those
    alone are kept)."""
    read = partial(_g_reading, res["stopwords"])
    return lambda w: read(w) is not None


_G_READING = tagged(_has_g_reading)


# A foreign name is written with one letter for another (باييخو / فاييخو, غ / ج / ق), with a long
# vowel more or less (تيسير / تيسر), with a letter doubled (لوناتي / لوناتتي: Arabic script writes a
# doubled consonant once) or cut short by its last letter (مايكروسوف / مايكروسوفت). Each is a named
# variant rule the finding's evidence gives. A word is compared only against an anchor: a person's
# name word, the word after a given name of the lexicon (a surname), or a headline word the body
# writes another way; never two given names of the lexicon (محمد / محمود، أحمد / حامد are two names).
TRANSLITERATED_MIN = 4
TRUNCATED_MIN = 8        # the shorter spelling of a cut-short name: shorter words are words (قال / قالت)
_ONE_LETTER = str.maketrans({c: min(group) for name in ("transliterated-b", "transliterated-g")
                             for group in [word_class("entity-words", name)] for c in group})
_LETTER_PAIRS = tuple((chr(c), k) for c, k in _ONE_LETTER.items() if chr(c) != k)
_INNER_VOWELS = _LONG_VOWELS - {affix("alef")}  # not ا: أسامة / اسمه
_AND = affix("and")
# endings a word takes as an inflection, never the last letter of a cut-short name (الرئيس / الرئيسة)
_INFLECTION_ENDINGS = frozenset(letters("long-vowel") | {affix("feminine"), affix("heh")}
                                | {a[-1] for a in affixes("plural-verb")} | {a[-1] for a in affixes("dual-ending")})


def _variant_rule(a: str, b: str) -> str | None:
    """The variant rule by which a and b (different words) spell one name, or None."""
    if a == b:
        return None
    ka, kb = a.translate(_ONE_LETTER), b.translate(_ONE_LETTER)
    if len(ka) == len(kb):
        # one letter for another of its class, a Portuguese nh, two neighbouring letters swapped
        return "letter-class" if ka == kb else same_length_variant(ka, kb)  # (name_variants.py)
    longer, shorter = (ka, kb) if len(ka) > len(kb) else (kb, ka)
    if len(longer) - len(shorter) != 1:
        return None
    # an inner long vowel only: فارس / فارسي is a name and a nisba, أسامة / اسمه a name and a noun; a
    # broken plural's vowel (حادث / حوادث: affixes broken-plural-template) makes a noun's plural; و + وجود is a conjunction
    if any(longer[i] in _INNER_VOWELS and longer[:i] + longer[i + 1:] == shorter for i in range(1 + (longer[0] == _AND), len(longer) - 1)):
        return None if fits_template(longer, BROKEN_PLURAL_TEMPLATES) else "long-vowel"
    if shorter in alef_waw_shorter(longer):  # (a foreign au: فلوريس / فلاوريس; name_variants.py)
        return None if fits_template(longer, BROKEN_PLURAL_TEMPLATES) else "alef-waw"  # (محور / محاور)
    # a consonant doubled inside the word (not its first two: تتم، للوزير are a prefix and a stem; not
    # a long vowel: سعوديي، ناديي are a plural's or a dual's ending cut; nor the last letter: مياه / مياهه
    # is a noun and its pronoun)
    if any(longer[i] == longer[i - 1] and longer[i] not in _LONG_VOWELS and longer[:i] + longer[i + 1:] == shorter
           for i in range(2, len(longer) - 1)):
        return "doubled-letter"
    if len(shorter) >= TRUNCATED_MIN and longer[:-1] == shorter and longer[-1] not in _INFLECTION_ENDINGS \
            and shorter[-1] not in _INFLECTION_ENDINGS:  # استطلاعا / استطلاعات: two inflections
        return "truncated"
    return None


def _shorter_keys(key: str) -> list[str]:
    """key one letter shorter each way a variant rule allows (what _variant_rule accepts as the
    shorter spelling): without an inner long vowel, without a doubled letter, cut short."""
    out = [key[:i] + key[i + 1:] for i in range(1, len(key) - 1) if key[i] in _INNER_VOWELS]
    out += [key[:i] + key[i + 1:] for i in range(2, len(key)) if key[i] == key[i - 1] and key[i] not in _LONG_VOWELS]
    if len(key) > TRUNCATED_MIN:
        out.append(key[:-1])
    return out + alef_waw_shorter(key)


def _longer_keys(key: str) -> list[str]:
    """The keys whose `_shorter_keys` give key, but for the cut-short one (any letter may end a name):
    key with an inner long vowel more, or with one of its letters doubled."""
    out = [key[:i] + v + key[i:] for i in range(1, len(key)) for v in _INNER_VOWELS]
    out += [key[:i] + key[i - 1] + key[i:] for i in range(2, len(key) + 1) if key[i - 1] not in _LONG_VOWELS]
    return out + alef_waw_longer(key)


class _NameIndex:
    """A word's letter key -> the (name, anchor) pairs of name_words it may spell another way, in
    name_words' order: looked up by the letters' common key, by one letter less and by one letter more
    (comparing every word with every name was quadratic, a third of an article's time; the variants are
    made for the few names, once per run, not for each word of the article)."""

    def __init__(self, name_words: dict, given=()):
        self.items = list(name_words.items())
        # each name's key and its variants (one letter shorter or longer), made once per run
        # and, for a name word that is no given name of the lexicon, two letters swapped
        self.own_keys, self.variants = map(list, zip(*map(_NAME_KEYS.__getitem__, name_words)))  # (some names)
        self.swaps = ["" if name in given else _SWAPPED_KEYS[name] for name in name_words]
        # every key a word may have to be compared with a name (its own or a variant; and "", no word's): sets made in C
        self.variant_keys = set("".join(self.variants + self.swaps).split(LINE))
        self.keys = self.variant_keys.union(self.own_keys)
        self.own_index = dict(zip(self.own_keys, range(len(self.own_keys))))  # (one name a key: most articles)
        # a word's key cut by its last letter is looked up only when the word is longer than TRUNCATED_MIN
        self.cut_keys = {key for key in self.own_keys if len(key) >= TRUNCATED_MIN}

    def candidates(self, key: str) -> list:
        """The pairs for a word's key (its `_letter_keys`): the names with that key or with it as a
        variant, and, for a long word, the names it is cut short of; the names tested in C."""
        own = self.own_keys
        if key not in self.variant_keys and len(self.own_index) == len(own) \
                and not (len(key) > TRUNCATED_MIN and key[:-1] in self.cut_keys):
            return [self.items[self.own_index[key]]] if key in self.own_index else []  # (a name's own key alone)
        line = LINE + key + LINE  # (a variant is a line of a name's `key_lines`)
        found = [map(key.__eq__, own), map(str.__contains__, self.variants, repeat(line)),
                 map(str.__contains__, self.swaps, repeat(line))]
        if len(key) > TRUNCATED_MIN:  # the word is the name cut short
            found.append(map(key[:-1].__eq__, own))
        return [self.items[k] for k in compress(range(len(own)), map(any, zip(*found)))]

    def words_in(self, words: set[str]) -> set[str]:
        """Those of `words` (the words an article's texts are) that have candidates: the word's letter key is a
        name's key or variant, or the key cut by its last letter is a key a cut word is looked up by. The keys
        of all the words made at once, tested in C (a per-run index of every word's keys was the largest table)."""
        words = list(words)
        keys = _letter_keys(words, _LETTER_PAIRS)
        found = set(compress(words, map(self.keys.__contains__, keys)))
        if self.cut_keys:  # (no name long enough to be cut short: most articles)
            found.update(compress(words, map(self.cut_keys.__contains__, map(_HEAD, keys))))
        return found


_HEAD, _AFTER_AND = itemgetter(slice(-1)), itemgetter(slice(len(_AND), None))  # a key less its last letter; a text less و


def _name_keys(name: str) -> tuple[str, str]:
    """A name word's letter key, and its keys one letter shorter and longer (`_NameIndex`), as lines."""
    key = name.translate(_ONE_LETTER)
    return key, key_lines((*_shorter_keys(key), *_longer_keys(key)))


def _swapped_keys(name: str) -> str:
    """A name word's keys of the same length another variant rule allows (two neighbouring letters
    swapped, a Portuguese nh written the other way: name_variants.same_length_keys), beside
    `_name_keys` (not a copy of those with these added: a second set of every name's variants)."""
    return key_lines(same_length_keys(_NAME_KEYS[name][0]))


# names come back article after article: their keys are made once per run (a bounded cache)
_NAME_KEYS = WordCache(_name_keys, limit=20_000)
_SWAPPED_KEYS = WordCache(_swapped_keys, limit=20_000)


def _transliterated_names(ctx: Context, entities, known: set[str]) -> list[SpellingGroup]:
    """A name word written another way elsewhere in the article (the headline's باييخو, the body's
    خيسوس فاييخو), where the other word is not itself a lexicon's word. The anchor says why the word
    is a name: a person's name word, a surname after a given name, or the headline's word. Only the
    tokens after a given name or a quotation mark and the headline's are read one by one; the other
    words are compared with the names by their keys, in C."""
    given = ctx.res.given_names.by_norm
    words = {w for e in entities if e.kind == "person" for mention in e.mentions if mention.form in ("name", "surname")
             for w in normalize_string(mention.loc.text).split()
             if len(w) >= TRANSLITERATED_MIN and not w.startswith(_DEFINITE_CLITICS)}
    name_words: dict[str, tuple[int, int, str]] = {}  # each name word -> its first span (normalized), its anchor
    tokens, texts = ctx.tokens, ctx.texts
    for k in ctx.positions(words):
        t = tokens[k]
        if t.text not in name_words:
            name_words[t.text] = (t.start, t.end, "person")
    person_words = frozenset(name_words)
    # a text -> (the word it is, the clitic و's length), or None (too short, a stopword), once per run;
    # a person's word is no other word either (`found[0] in person_words` below)
    memo = ctx.res.pattern_memo
    readings = memo.get("transliterated-reading")
    if readings is None:
        readings = memo["transliterated-reading"] = WordCache(partial(_other_reading, ctx.res["stopwords"].lookup))

    headline_count = _headline_tokens(ctx)
    headline_end = tokens[headline_count].start if headline_count < len(tokens) else len(ctx.norm.text)
    anchors: dict[str, tuple[int, int, str]] = {}  # a surname or headline word -> its first span, anchor
    given_or_mark = memo.get("given-or-quote-mark")
    if given_or_mark is None or given_or_mark[0] is not given:  # (the given names and marks as one set, per run)
        given_or_mark = memo["given-or-quote-mark"] = (given, frozenset(given) | QUOTE_MARKS)
    # the headline's tokens and those right after a given name or a quotation mark
    after_given = [k + 1 for k in ctx.positions(given_or_mark[1]) if k + 1 < len(texts)]
    for k in sorted({*range(headline_count), *after_given}):
        t = tokens[k]
        found = readings[t.text]
        if found is None or found[0] in person_words:
            continue
        word, skip = found
        if word not in given and not word.startswith(_DEFINITE_CLITICS):
            previous = texts[k - 1] if k else ""
            if previous in given or k < headline_count and not ctx.res.is_non_name(word):
                anchors.setdefault(word, (t.start + skip, t.end, "surname" if previous in given else "headline"))
            elif previous in QUOTE_MARKS and not ctx.res.is_non_name(word) and k + 1 < len(tokens) \
                    and tokens[k + 1].kind != "word" and texts[k + 1] in QUOTE_MARKS:
                # a word quoted alone: a name when the mark closes right after it
                anchors.setdefault(word, (t.start + skip, t.end, "quoted"))
    name_words.update((w, span) for w, span in anchors.items() if w not in name_words)  # (spans: a location made at a finding)
    if not name_words:
        return []
    index = _NameIndex(name_words, given)
    # the words the article's texts are (`_other_reading` by word facts; a stopword's finds no text: `readings` has none)
    texts = words_with(ctx, (_OTHER_READING,))
    with_and = texts & words_with(ctx, (_AND_READING,))
    wanted = (index.words_in((texts - with_and) | set(map(_AFTER_AND, with_and))) - person_words) | anchors.keys()
    texts_wanted = {w for word in wanted for w in (word, _AND + word)
                    if (found := readings[w]) is not None and found[0] not in person_words and found[0] == word}
    spans: dict[str, list[tuple[int, int]]] = {}  # each word that may spell a name -> where the article writes it
    for k in ctx.positions(texts_wanted):  # those words only
        t = tokens[k]
        word, skip = readings[t.text]
        spans.setdefault(word, []).append((t.start + skip, t.end))
    keys = dict(zip(spans, _letter_keys(list(spans), _LETTER_PAIRS)))
    at = ctx.norm.to_original  # (a first span's place in the article: its location's start)
    out = []
    for word, where in spans.items():
        own = name_words.get(word)  # a surname or headline word is an anchor and another's other spelling
        for name, (start, end, anchor) in index.candidates(keys[word]):
            if own is not None and (own[2] == anchor == "headline" or name in spans and at(start) > at(own[0])):
                continue  # two anchors: compared once (a person's word has no spans), two headline words never
            rule = None if word in given and name in given else _variant_rule(word, name)
            anchor = own[2] if own and anchor in _PLACED_ANCHORS else anchor
            if rule is None or not _anchor_allows(anchor, rule, word, name, spans, headline_end, ctx, words):
                continue
            # the other spelling where it follows the name's first (the body's word after a headline)
            span = next((x for x in where if x[0] > at(start)), where[0])
            other, loc = ctx.loc(*span), ctx.loc(start, end)
            if other.text in known or loc.text in known or {other.text[-1:], loc.text[-1:]} == _MARBUTA_OR_HEH:
                continue
            slot = ""
            if rule in _SWAPS:  # a slip of two letters counts where a name stands (name_slot)
                slot, span = name_slot(ctx, where, name, entities)
                if slot == OTHER_PERSON or slot == UNPLACED and (anchor != "person" or rule != _SWAPS[0]) \
                        or rule != _SWAPS[0] and not short_name_words(ctx.res, word, name):
                    continue  # ordinary words swap letters too (خليفة / خلفية، معنية / معينة): a person's name only
                other = ctx.loc(*span)
            forms = sorted((loc, other), key=lambda x: x.start)
            out.append(SpellingGroup(name, tuple((x.text, x) for x in forms), "person", rule, slot))
            break
    return out


def _other_reading(stopword, w: str) -> tuple[str, int] | None:
    """The word a token's text is (a clitic و split off) and the clitic's length, or None when it is
    too short, not a word or a stopword (`_transliterated_names`; `stopword`: the stopwords' look-up)."""
    skip = len(_AND) if w.startswith(_AND) and len(w) > len(_AND) + TRANSLITERATED_MIN else 0  # (_AND_READING)
    word = w[skip:]
    return (word, skip) if len(word) >= TRANSLITERATED_MIN and kind_of(w) == "word" and stopword(word) is None else None


# a final ة against a final ه, which normalizing folds: a feminine noun against a name's root letter or a
# pronoun (بقية / فقيه، the rest / a jurist): two words, not one name spelled two ways
_MARBUTA_OR_HEH = {MARBUTA, HEH}
_PLACED_ANCHORS = ("headline", "quoted")  # a name by where it is written, not by a lexicon or a person
_SWAPS = ("swapped-letters", "moved-vowel-short")  # the second (four letters) only in a name's slot
_OTHER_READING = tagged(lambda res: lambda w: len(w) >= TRANSLITERATED_MIN and kind_of(w) == "word")  # (a reading, or a stopword)
_AND_READING = tagged(lambda res: lambda w: w.startswith(_AND) and len(w) > len(_AND) + TRANSLITERATED_MIN)  # (the same)


def _next_names(ctx: Context, spans, person_words: set[str]) -> set[str]:
    """The word right after each of the spans where it is a surname of the lexicon or a person's."""
    out = set()
    tokens, surnames = ctx.tokens, ctx.res["surnames"]
    for start, _ in spans:
        j = ctx.index.containing(start) + 1
        if j < len(tokens) and (tokens[j].text in person_words or surnames.lookup(tokens[j].text) is not None):
            out.add(tokens[j].text)
    return out


def _anchor_allows(anchor: str, rule: str, word: str, name: str, spans: dict, headline_end: int, ctx,
                   person_words: set[str]) -> bool:
    """Only names are compared: the other spelling is never a word of a lexicon (a verb, a title, a
    common noun). A person's name word is compared by every rule. A long vowel more is how Arabic derives one
    word from another (تمديد / تمدد، قارب / قوارب، تحقيق / تحقق): for any other anchor it counts only
    where the same surname follows both spellings (تيسير الجاسم / تيسر الجاسم). A headline word or a
    word quoted alone (“أوربس”) is a name only by its place: its other spelling must be the body's and
    a word of no lexicon."""
    if ctx.res.is_non_name(word) or rule == "letter-class" and native_words(word, name):
        return False  # a word the lexicons know (أفاد، a verb), two of one Arabic shape (مغامرة / مقامرة): no name
    if anchor == "person":
        return True
    if anchor in _PLACED_ANCHORS and not any(start >= headline_end for start, _ in spans[word]):
        return False
    if rule not in ("long-vowel", "alef-waw"):
        return True
    return bool(_next_names(ctx, spans[word], person_words) & _next_names(ctx, spans.get(name, ()), person_words)) \
        or anchor == "headline" and after_role(ctx, spans[word], headline_end, (word, name))  # (name_typos.ROLE_SLOT_MIN)


# A full name written twice with the same given name and two neighbouring letters of the family name
# swapped (حسين الجسمي / حسين الجمسي: blind round 16; four letters: علي صالح / علي صلاح) is one person
# mistyped: two people are told apart only by the surnames lexicon (both listed). A word alone: see
# name_variants.TRANSPOSED_MIN.
FULL_NAME_TRANSPOSED_MIN = 4


def _transposed_surnames(ctx: Context, entities, known: set[str]) -> list[SpellingGroup]:
    names: dict[tuple[str, int], dict[str, Location]] = {}  # (given name, words) -> family name -> first mention
    for e in entities:
        if e.kind != "person":
            continue
        for mention in e.mentions:
            words = normalize_string(mention.loc.text).split() if mention.form == "name" else ()
            if len(words) >= 2 and len(words[-1]) >= FULL_NAME_TRANSPOSED_MIN:
                names.setdefault((words[0], len(words)), {}).setdefault(words[-1], mention.loc)
    surnames = ctx.res["surnames"]
    out = []
    for families in names.values():
        if len(families) < 2:
            continue
        items = list(families.items())
        # two letters swapped keep a name's letters: only names with the same letters are compared (a
        # bucket each, not every pair of the article's family names), the pairs in their first order
        same_letters: dict[str, list[int]] = {}
        for k, (a, _loc) in enumerate(items):
            same_letters.setdefault("".join(sorted(a)), []).append(k)
        pairs = sorted((x, y) for ks in same_letters.values() for n, x in enumerate(ks) for y in ks[n + 1:])
        for (a, loc_a), (b, loc_b) in ((items[x], items[y]) for x, y in pairs):
            if not transposed(a, b) or loc_a.text in known or loc_b.text in known \
                    or (surnames.lookup(a) is not None and surnames.lookup(b) is not None):
                continue
            forms = sorted((loc_a, loc_b), key=lambda x: x.start)
            out.append(SpellingGroup(a, tuple((x.text, x) for x in forms), "person", "transposed-letters"))
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
    """One long vowel written for another, letter for letter (ستيفان / ستافان), or moved (دميتري / ديمتري)."""
    return len(a) == len(b) and all(x == y or (x in _LONG_VOWELS and y in _LONG_VOWELS) for x, y in zip(a, b)) \
        or moved_given_name(a, b)


_LONG_PRONOUNS = tuple(p for p in affixes("pronoun") if len(p) > 1)  # ها، هم، هما
_ACCUSATIVE = affix("accusative")  # ا: تفصيلا، مبكرا


def _distinct_spellings(forms: dict, given, nasab: frozenset[str] = frozenset(), particles=frozenset()) -> dict:
    """Keep forms that differ in spelling, not just in length (a surname is not a misspelling), nor
    in being two given names of the lexicon (محمد / محمود، أحمد / حامد العلي: two people of one
    family), unless one long vowel is written for another in the given name itself (ستيفان / ستافان;
    not سعيد the father's name against سعود). A father's name after بن and a family name with the
    article are two name elements (عبدالله بن مساعد / المسعد), so are a given name and a family name
    (أشرف / الشريف) or a father's name (مطير بن مطر / مطير), one particle in two cases (أبو / أبي داود),
    a word with a pronoun (خليفة / خلفها) and a word with the accusative ending (تفاصيل / تفصيلا: an adverb)."""
    kept: dict = {}
    for form, loc in forms.items():
        words = form.split()
        clash = False
        for other in kept:
            other_words = other.split()
            for a, w in enumerate(words):
                for b, o in enumerate(other_words):
                    if w.endswith(o) or o.endswith(w):
                        continue  # ومنطقة / منطقة: a clitic, not another spelling
                    if (a and words[a - 1] in nasab and (o.startswith(ARTICLE) or b == 0)) \
                            or (b and other_words[b - 1] in nasab and (w.startswith(ARTICLE) or a == 0)):
                        continue  # بن مساعد / المسعد، مطير بن مطر / مطير: a father's name, a family or given name
                    if w.startswith(ARTICLE) != o.startswith(ARTICLE) or (w in particles and o in particles) \
                            or w.endswith(_LONG_PRONOUNS) != o.endswith(_LONG_PRONOUNS) \
                            or w.endswith(_ACCUSATIVE) != o.endswith(_ACCUSATIVE):
                        continue
                    if loose_key(w) == loose_key(o) and len(w) > 2 and few_edits(w, o) \
                            and not (w in given and o in given and not (a == b == 0 and _vowel_for_vowel(w, o))):
                        clash = True
        if clash or not kept:
            kept[form] = loc
    return kept


# A place's foreign name after the noun that heads it (entity-words named-place: ملعب لوفتس رود، استاد
# سانتياغو برنابيو) written once with a letter more, or by a variant rule, where the word after it is the
# same (لوفنتس رود / لوفتس رود: blind round 20): one place spelled two ways. Only words no lexicon
# knows, never two given names (ملعب محمد بن زايد / محمود).
PLACE_NAME_MIN = 4
_NAMED_PLACES = word_class("entity-words", "named-place")
_CLITICS = frozenset(affixes("clitic"))


# a place head as a token may write it: bare or after one clitic letter (وملعب، بملعب). One set, so the
# article's tokens are tested in C (a call per token was a third of the spelling passes)
_PLACE_HEAD_FORMS = frozenset(_NAMED_PLACES) | {c + w for c in _CLITICS if len(c) == 1 for w in _NAMED_PLACES}


def _inner_letter_more(a: str, b: str) -> bool:
    """One of a and b is the other with one letter more inside it (لوفنتس / لوفتس)."""
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return len(longer) - len(shorter) == 1 and any(longer[:i] + longer[i + 1:] == shorter
                                                   for i in range(1, len(longer) - 1))


def _place_name_variants(ctx: Context, known: set[str]) -> list[SpellingGroup]:
    tokens, texts = ctx.tokens, ctx.texts
    stopwords, given = ctx.res["stopwords"], ctx.res.given_names.by_norm
    names: list[tuple[str, str, int]] = []  # (the name's first word, the word after it, its token)
    for k in ctx.positions(_PLACE_HEAD_FORMS):
        if k + 1 >= len(texts):
            break  # (the last token heads nothing)
        w = texts[k + 1]
        if tokens[k + 1].kind != "word" or len(w) < PLACE_NAME_MIN or w.startswith(_DEFINITE_CLITICS) \
                or stopwords.lookup(w) is not None or ctx.res.is_non_name(w):
            continue
        after = texts[k + 2] if k + 2 < len(texts) and tokens[k + 2].kind == "word" else ""
        names.append((w, after, k + 1))
    out, paired = [], set()
    for x, (a, a_next, ka) in enumerate(names):
        for b, b_next, kb in names[x + 1:]:
            if a == b or (a, b) in paired or (a in given and b in given):
                continue
            same_next = bool(a_next) and a_next == b_next
            rule = _variant_rule(a, b)
            if rule == "long-vowel" and not same_next:
                rule = None
            if rule is None and same_next and _inner_letter_more(a, b):
                rule = "letter-more"
            if rule is None:
                continue
            locs = [ctx.loc(tokens[k].start, tokens[k].end) for k in (ka, kb)]
            if any(loc.text in known for loc in locs):
                continue
            paired.add((a, b))
            out.append(SpellingGroup(a, tuple((loc.text, loc) for loc in locs), "place", rule))
    return out
