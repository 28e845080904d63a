"""A name written two ways that normalizing or the other variant rules miss: a foreign name written once with one of its letters dropped (شفاينشتايجر / شفاينتايجر، تشارلتون /
تشارلون): two long words of one article, neither a word the lexicons know, that differ by one
consonant inside; a family name ending once in ة and once in ه after the same given name (فلاتة /
فلاته); a foreign name's long vowels written two ways (هاشيجو / هاشوغو). `find_spellings` (spellings.py)
calls them; the rule inconsistent-name reads the group (variants dropped-letter, final-marbuta,
moved-vowel)."""
from __future__ import annotations

from functools import partial

from validator.extract.context import Context
from validator.extract.letters import ALEF, ARTICLE, HEH, IMPERFECT, LI_ARTICLE, LONG_VOWELS, MARBUTA, MEEM, PROCLITICS, TEH, \
    WAW, YEH, letter_keys
from validator.extract.letter_swaps import TRANSPOSED_MIN, neighbour_swaps
from validator.extract.model import SpellingGroup
from validator.extract.name_typos import UNPLACED, _reporting_verb
from validator.extract.word_facts import tagged, words_with
from validator.extract.wordclasses import affix, affixes, word_class, written_affixes
from validator.text.tokens import kind_of

# A transliterated name is long and rich in long vowels (ساركوزي، فيرنانديز، ليماسول), an Arabic word
# with a letter more is another word of its root (انطلاق / اطلاق، وتتواجه / وتواجه، اميركيتين /
# اميركيين). Only the longer spelling of DROPPED_MIN letters or more is compared, against a shorter
# one of DROPPED_MIN - 1 with VOWELS_MIN long vowels after its first letter; never a definite word, a
# word with an ending of Arabic inflection (affixes native-ending: a pronoun, ات، يه), an imperfect
# verb's plural (يطلقون), nor a letter dropped in the first two of a stem that starts as a verb or a
# verbal noun or a participle does (ا ت ي ن م: تتواجه / تواجه، اكتساب / اكساب، متوافقة / موافقة), nor a
# clitic more (وبتعيين / وتعيين).
DROPPED_MIN = 7
VOWELS_MIN = 2
STEM_PREFIX_LETTERS = 2
CLITICS_STACKED = 2  # clitics before a stem (وب، ول): فولفسبورغ's first three letters are the name's
_NATIVE_ENDINGS = affixes("native-ending")
_DEFINITE_STARTS = affixes("definite-start") + (LI_ARTICLE,)
_FUTURE = affix("future")
_VERB_PLURAL = affixes("imperfect-pl")
_VERB_STARTS = IMPERFECT | {ALEF, MEEM}  # a verb, a verbal noun, a participle (متميز / مميز)


def vowels_after_first(w: str) -> int:
    """The long vowels of w after its first letter (a name has VOWELS_MIN or more: أوسبورن has two),
    counted in C (a count of each vowel: every new word of a run is counted by several word facts)."""
    return sum(map(w[1:].count, _VOWEL_LETTERS))


_VOWEL_LETTERS = tuple(LONG_VOWELS)


def _stem_start(w: str) -> int:
    """How many letters of w are a clitic (و ف ب ل ك, or the future س before an imperfect prefix)."""
    if w[0] in PROCLITICS or (w[0] == _FUTURE and len(w) > 1 and w[1] in IMPERFECT):
        return 1
    return 0


def _comparable(stopwords, is_non_name, w: str) -> bool:
    """w may be a transliterated name's spelling (the shorter's length, its vowels, no Arabic shape)."""
    if len(w) < DROPPED_MIN - 1 or kind_of(w) != "word" or w.endswith(_NATIVE_ENDINGS):
        return False
    skip = _stem_start(w)
    if w.startswith(_DEFINITE_STARTS) or w[skip:].startswith(ARTICLE):
        return False
    if w[skip:].startswith(YEH) and w.endswith(_VERB_PLURAL):
        return False  # (و)يطلقون: an imperfect verb's plural
    if vowels_after_first(w) < VOWELS_MIN:
        return False
    return stopwords.lookup(w) is None and not is_non_name(w)


def _dropped(longer: str, k: int) -> bool:
    """Dropping longer's letter k makes a foreign name's other spelling: an inner consonant, not in the
    first letters of a stem shaped like a verb's or a verbal noun's."""
    if longer[k] in LONG_VOWELS:
        return False  # a long vowel more is variant long-vowel (spellings._variant_rule)
    if k <= CLITICS_STACKED and all(c in PROCLITICS for c in longer[:k]) and (longer[k] in PROCLITICS or longer[k] == _FUTURE):
        return False  # a clitic more: وبتعيين / وتعيين، ببلازيو / بلازيو، وسينتهي / وينتهي
    if k == len(longer) - 2 and longer[k] in (TEH, HEH):
        return False  # a feminine ت or a pronoun before the last letter: ووالدتي / ووالدي، باتجاهه / باتجاه
    skip = _stem_start(longer)
    return not (longer[skip] in _VERB_STARTS and k - skip <= STEM_PREFIX_LETTERS)


_COMPARABLE = tagged(lambda res: partial(_comparable, res["stopwords"], res.is_non_name))  # once per run a word


def _foreign_words(ctx: Context) -> set[str]:
    """The article's words that may be a transliterated name's spelling (`_comparable`, found by set
    operations: validator/extract/word_facts.py)."""
    return words_with(ctx, (_COMPARABLE,))


def dropped_letter_names(ctx: Context, known: set[str]) -> list[SpellingGroup]:
    words = _foreign_words(ctx)
    if len(words) < 2:
        return []
    out, used = [], set()
    for longer in sorted((w for w in words if len(w) >= DROPPED_MIN), key=lambda w: (len(w), w)):  # a clitic's form after
        for k in range(1, len(longer) - 1):
            shorter = longer[:k] + longer[k + 1:]
            if shorter == longer or shorter not in words or not _dropped(longer, k):
                continue
            # ولودريان / ولوريان after لودريان / لوريان: one pair, with or without the clitic
            if {longer, shorter} & used or {longer[1:], shorter[1:]} <= used:
                continue
            used |= {longer, shorter}
            tokens = ctx.tokens
            locs = sorted((ctx.loc(tokens[p].start, tokens[p].end) for p in
                           (ctx.positions({w})[0] for w in (longer, shorter))), key=lambda x: x.start)
            if any(loc.text in known for loc in locs):
                continue
            out.append(SpellingGroup(longer, tuple((loc.text, loc) for loc in locs), "term", "dropped-letter"))
            break
    return out


# A family name's last letter written ة once and ه elsewhere after the same given name (مختار فلاته /
# مختار فلاتة): normalizing folds the two, so the written letters are compared, as for a final ى / ي
# (name_typos.final-ya). The same given name before both shows one person (a given name that is also an
# everyday word, مختار، كامل, too: the same two words written twice); a word the lexicons know is no
# family name.
FINAL_MARBUTA_MIN = 4  # letters of the family name: shorter words after a name are words (عمه، ابنه)


def final_marbuta_names(ctx: Context, known: set[str]) -> list[SpellingGroup]:
    res, memo = ctx.res, ctx.res.pattern_memo
    given = res.given_names.by_norm
    given_set = memo.get("given-with-and")
    if given_set is None or given_set[0] is not given:  # the given names bare and after و, once per run
        given_set = memo["given-with-and"] = (given, frozenset(given) | {WAW + g for g in given})
    stopwords, tokens, texts = res["stopwords"], ctx.tokens, ctx.texts
    written: dict[tuple[str, str], dict[str, tuple[int, int]]] = {}  # (given, family) -> last letter -> span
    for k in ctx.positions(given_set[1]):
        name = texts[k] if texts[k] in given else texts[k][len(WAW):]
        if k + 1 >= len(texts) or tokens[k + 1].kind != "word" or stopwords.lookup(name) is not None:
            continue
        family = texts[k + 1]
        if not family.endswith(HEH) or len(family) < FINAL_MARBUTA_MIN + 1 or stopwords.lookup(family) is not None \
                or res.is_non_name(family):
            continue
        span = (tokens[k + 1].start, tokens[k + 1].end)
        written.setdefault((name, family), {}).setdefault(ctx.original_text(*span)[-1:], span)
    out = []
    for (_, family), ends in written.items():
        if MARBUTA not in ends or HEH not in ends:
            continue
        locs = sorted((ctx.loc(*ends[MARBUTA]), ctx.loc(*ends[HEH])), key=lambda x: x.start)
        if not any(loc.text in known for loc in locs):
            out.append(SpellingGroup(family, tuple((loc.text, loc) for loc in locs), "person", "final-marbuta"))
    return out


# A foreign name's vowels transliterated two ways: a long vowel written for another or moved past a
# consonant (هاشيجو / هاشوغو، سيتوهل / سيتهول; Japanese, Indian names the lexicons do not know), maybe
# with its g written another way too. Two words of one article with the same consonants in the same
# order and as many long vowels, each of `_comparable`'s shape (six letters or more, two long vowels
# after the first, no article, no Arabic ending, no word the lexicons know): an Arabic word whose
# vowels move is another pattern of its root (كاتب / كتاب), and those are words the lexicons or the
# shape rule out. A shorter skeleton (first letter and one consonant) is too often two words.
SKELETON_MIN = 3
EDGE = 2  # the first letters that must agree
NAME_WORD_MIN = 3  # letters of a foreign name's other word (ميك، سان)
_HAMZA_LETTERS = frozenset(written_affixes("hamza-letter"))
_INFLECTION_ENDINGS = affixes("dual-ending") + affixes("masculine-plural") + affixes("plural-verb")
_ONE_G = str.maketrans({c: min(word_class("entity-words", "transliterated-g"))
                        for c in word_class("entity-words", "transliterated-g")})


def _skeleton(w: str) -> str:
    """w's consonants in order (its first letter kept whatever it is), its g letters made one."""
    return w[0] + "".join(c for c in w[1:] if c not in LONG_VOWELS).translate(_ONE_G)


def moved_vowel_names(ctx: Context, known: set[str]) -> list[SpellingGroup]:
    # a given name of the lexicon is compared where its bearer is known (spellings._distinct_spellings):
    # ستافان دي ميستورا and ستيفان دوجاريك are two men
    given = ctx.res.given_names.by_norm
    words = {w for w in _foreign_words(ctx) if w not in given}
    if len(words) < 2:
        return []
    by_skeleton: dict[tuple[str, int], list[str]] = {}
    for w in sorted(words):
        key = _skeleton(w)
        if len(key) >= SKELETON_MIN:
            by_skeleton.setdefault((key, len(w)), []).append(w)
    out = []
    for (key, _), same in by_skeleton.items():
        first = same[0]
        other = next((w for w in same[1:] if _moved_inside(first, w)), None)
        if other is None:
            continue
        tokens = ctx.tokens
        locs = sorted((ctx.loc(tokens[p].start, tokens[p].end) for p in
                       (ctx.positions({w})[0] for w in (first, other))), key=lambda x: x.start)
        # a hamza normalizing folds into its seat is a consonant: لتأمين / لتموين are two words
        hamzas = {"".join(c for c in loc.text if c in _HAMZA_LETTERS) for loc in locs}
        if len(hamzas) == 1 and not any(loc.text in known for loc in locs):
            slot = "" if any(_name_slot(ctx, k) for k in ctx.positions({first, other})) else UNPLACED
            out.append(SpellingGroup(key, tuple((loc.text, loc) for loc in locs), "term", "moved-vowel", slot))
    return out


def _name_slot(ctx: Context, k: int) -> bool:
    """Token k stands where a name does: after a given name, a reporting verb, a title or a nationality,
    or next to another word no lexicon knows that may be a foreign name's (تاكاهيرو هاشيجو، الدكتور
    سيتهول). A common word mistyped stands among words (لتفاجأ بإصادر، يترواح حاليا): a note only."""
    res, texts = ctx.res, ctx.texts
    previous = texts[k - 1] if k and ctx.tokens[k - 1].kind == "word" else ""
    if previous and (previous in res.given_names.by_norm or _reporting_verb(ctx, previous)
                     or res["titles"].lookup(previous) is not None or res.nationality_forms.lookup(previous) is not None):
        return True
    after = texts[k + 1] if k + 1 < len(texts) and ctx.tokens[k + 1].kind == "word" else ""
    return any(w and _unknown_name_word(res, w) for w in (previous, after))


def _unknown_name_word(res, w: str) -> bool:
    """w may be a foreign name's other word: no lexicon's word, no clitic or article, no Arabic ending."""
    return len(w) >= NAME_WORD_MIN and w[0] not in PROCLITICS and not w.startswith(_DEFINITE_STARTS) \
        and not w.endswith(_NATIVE_ENDINGS) and res["stopwords"].lookup(w) is None and not res.is_non_name(w)


def _moved_inside(a: str, b: str) -> bool:
    """a and b (one skeleton, one length) differ in their vowels inside the word only, not only by a g
    letter (spellings._g_variants): the same first two letters and the same last one, and where the
    letter before the last differs, neither ends in an inflection (an Arabic word's vowels change at
    its ending: سعوديين / سعوديون، فأعطوه / فأعطاه; not a name's consonant: سيتوهل / سيتهول)."""
    diff = [k for k, (x, y) in enumerate(zip(a, b)) if x != y]
    if not diff or diff[0] < EDGE or diff[-1] == len(a) - 1 or a.translate(_ONE_G) == b.translate(_ONE_G):
        return False
    return diff[-1] < len(a) - EDGE or not any(_inflected(w) for w in (a, b))


def _inflected(w: str) -> bool:
    """w ends in a plural's, a dual's or a verb's ending, or in a pronoun ه after a long vowel."""
    return w.endswith(_INFLECTION_ENDINGS) or w[-1] == HEH and w[-2] in LONG_VOWELS


# Two spellings of one length that a variant rule reads as one name (spellings._variant_rule):
# - two neighbouring letters swapped (أغولو / أوغلو، تشيفتشي / تشيفشتي): a typing slip, counted where the
#   other spelling stands in a name's slot (name_typos.name_slot), else a note. A word alone needs five
#   letters (TRANSPOSED_MIN): shorter words are each other's letters swapped (مطار / ماطر، صالح / صلاح);
#   a four-letter one only where the swap moves a long vowel past a consonant and neither spelling is a
#   given name or a surname of the lexicons (مورا / موار: a foreign name's vowel, variant moved-vowel-short,
#   counted only in a name's slot: spellings._transliterated_names);
#   two long vowels swapped (أوبراين / أوبريان: O'Brien) are a foreign name's vowels, never a slip of an
#   Arabic word's consonants: variant swapped-vowels, wherever the other spelling stands;
#   a given name of the lexicons of GIVEN_MOVED_MIN letters or more written once with a long vowel moved
#   past a consonant (دميتري / ديمتري، both listed) is one foreign name too (spellings._distinct_spellings;
#   not عامر / عمار, two Arabic names of four letters);
# - a Portuguese nh or lh before a final و written ني once and نه elsewhere (مورينيو / مورينهو،
#   كوتينيو / كوتينهو): variant nh-ending, a name of NH_MIN letters or more.
SHORT_TRANSPOSED = 4
GIVEN_MOVED_MIN = 5
NH_MIN = 5
_NH = frozenset((YEH, HEH))


def transposed(a: str, b: str) -> bool:
    """a and b (same length) differ only by two neighbouring letters swapped."""
    diff = [k for k in range(len(a)) if a[k] != b[k]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def _nh_ending(a: str, b: str) -> bool:
    return len(a) >= NH_MIN and a[-1] == b[-1] == WAW and a[:-2] == b[:-2] and {a[-2], b[-2]} == _NH


def _vowel_moved(a: str, b: str) -> bool:
    """a and b differ by a long vowel and its neighbour swapped (مورا / موار)."""
    k = next((k for k in range(len(a)) if a[k] != b[k]), 0)
    return k > 0 and transposed(a, b) and (a[k] in LONG_VOWELS) != (a[k + 1] in LONG_VOWELS)


def moved_given_name(a: str, b: str) -> bool:
    """Two given names of one person, a long vowel moved (دميتري / ديمتري)."""
    return len(a) == len(b) >= GIVEN_MOVED_MIN and _vowel_moved(a, b)


def short_name_words(res, a: str, b: str) -> bool:
    """Neither spelling of a four-letter pair is a given name or a surname of the lexicons (صالح / صلاح
    are two names)."""
    return not any(w in res.given_names.by_norm or res["surnames"].lookup(w) is not None for w in (a, b))


def same_length_variant(a: str, b: str) -> str | None:
    """The variant rule by which two different keys of one length spell one name, or None."""
    if _nh_ending(a, b):
        return "nh-ending"
    if len(a) >= TRANSPOSED_MIN and transposed(a, b):
        k = next(k for k in range(len(a)) if a[k] != b[k])  # two long vowels in turn: أوبراين / أوبريان
        return "swapped-vowels" if a[k] in LONG_VOWELS and a[k + 1] in LONG_VOWELS else "swapped-letters"
    if len(a) >= TRANSPOSED_MIN:
        return None
    return "moved-vowel-short" if len(a) == SHORT_TRANSPOSED and _vowel_moved(a, b) else None


def same_length_keys(key: str) -> frozenset[str]:
    """A name's keys that `same_length_variant` accepts as its other spelling (`_NameIndex`)."""
    out = set()
    if len(key) >= NH_MIN and key[-1] == WAW and key[-2] in _NH:
        out.add(key[:-2] + min(_NH - {key[-2]}) + WAW)
    if len(key) >= TRANSPOSED_MIN or len(key) == SHORT_TRANSPOSED:
        out.update(w for w in neighbour_swaps(key) if len(key) >= TRANSPOSED_MIN or _vowel_moved(key, w))
    out.discard(key)
    return frozenset(out)


# A foreign name of two words written twice with its g letters another way, the first word maybe with
# a long vowel more or less too (بيرنينغ غلاس / بيرننج جلاس: a company's English name): two pairs of
# neighbouring words of one article, each word with a g letter and of G_PAIR_MIN letters or more, the
# second words the same but for a g letter, the first words the same but for g letters and long vowels
# after their first letter, no word one the lexicons know. A word alone that short is too often two
# words (غنية / جنيه): two such words side by side are one name. Variant foreign-g-name.
G_PAIR_MIN = 4
_G_LETTERS = frozenset(word_class("entity-words", "foreign-g"))
_G_WORD = tagged(lambda res: lambda w: len(w) >= G_PAIR_MIN and not _G_LETTERS.isdisjoint(w))  # once per run a word
_G_PAIRS = tuple((chr(c), k) for c, k in _ONE_G.items() if chr(c) != k)  # _ONE_G as replacements (letter_keys)


def g_name_pairs(ctx: Context, known: set[str]) -> list[SpellingGroup]:
    res = ctx.res
    g_words = words_with(ctx, (_G_WORD,))  # (most articles have none; the keys made for all at once)
    if len(g_words) < 3 or len(set(letter_keys(list(g_words), _G_PAIRS))) == len(g_words):
        return []  # (the second words of two pairs differ by a g letter alone: none such, no pair)
    tokens, texts = ctx.tokens, ctx.texts
    pairs: dict[tuple[str, str], dict[tuple[str, str], int]] = {}  # the pair's loose key -> written pairs
    for k in ctx.positions(g_words):
        if k + 1 < len(texts) and texts[k + 1] in g_words and tokens[k + 1].kind == "word":
            key = (_skeleton(texts[k]), texts[k + 1].translate(_ONE_G))
            pairs.setdefault(key, {}).setdefault((texts[k], texts[k + 1]), k)
    out = []
    for written in pairs.values():
        if len(written) < 2:
            continue
        (a, k), (b, j) = list(written.items())[:2]
        if a[1] == b[1] or any(res["stopwords"].lookup(w) is not None or res.is_non_name(w) for w in (*a, *b)):
            continue
        locs = sorted((ctx.loc(tokens[i].start, tokens[i + 1].end) for i in (k, j)), key=lambda x: x.start)
        if not any(loc.text in known for loc in locs):
            out.append(SpellingGroup(a[1], tuple((loc.text, loc) for loc in locs), "term", "foreign-g-name"))
    return out


# A foreign au written once with ا before و and once without (فلوريس / فلاوريس، كلاوديني / كلوديني:
# variant alef-waw; round 69). An inner long vowel more counts only for و and ي (أسامة / اسمه); ا
# counts here only between a consonant and و, the shorter spelling ALEF_WAW_MIN letters or more
# (shorter words are Arabic: حول / حاول; a broken plural is tested by the caller: محور / محاور).
ALEF_WAW_MIN = 5


def alef_waw_shorter(key: str) -> list[str]:
    """key without an ا that stands between a consonant and و (none for a short key)."""
    if len(key) <= ALEF_WAW_MIN:
        return []
    return [key[:i] + key[i + 1:] for i in range(2, len(key) - 2)
            if key[i] == ALEF and key[i + 1] == WAW and key[i - 1] not in LONG_VOWELS]


def alef_waw_longer(key: str) -> list[str]:
    """The keys whose `alef_waw_shorter` gives key: an ا put before one of its inner و."""
    if len(key) < ALEF_WAW_MIN:
        return []
    return [key[:i] + ALEF + key[i:] for i in range(2, len(key) - 1) if key[i] == WAW and key[i - 1] not in LONG_VOWELS]
