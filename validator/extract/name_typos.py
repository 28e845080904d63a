"""A name mistyped rather than transliterated two ways: a final ى written for ي in a name (not the
writer's habit throughout); a headline's speaker spelled with a long vowel more or less than the body
writes him; a family name written once without its article; a one-word spelling that opens another
full name; and the slot that shows a word is a name's other spelling (`name_slot`). `find_spellings` (spellings.py) calls them."""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import partial

from validator.extract.context import Context
from validator.extract.letters import ALEF_MAKSURA, ARTICLE, MARBUTA, NISBA_ENDING, WAW
from validator.extract.model import SpellingGroup
from validator.extract.name_article_swaps import SPEAKER_SLOTS as _SPEAKER_SLOTS, article_swap_names
from validator.extract.name_al_family import particle_family_names
from validator.extract.wordclasses import affixes
from validator.text.normalize import normalize_string
from validator.text.punctuation import QUOTE_MARKS
from validator.extract.word_facts import tagged, words_with

LONG_VOWELS = frozenset(affixes("long-vowel"))


# A name's last letter written ى once and ي elsewhere (الحارثى / الحارثي): normalizing folds the two,
# so the written text is compared. Only for a name: a person's word, a surname of the lexicon, or the
# word a reporting verb or a given name introduces (وذكر الحارثي); an ordinary word written both ways
# (المستشفى / المستشفي) is a typing habit, not a name spelled two ways.
FINAL_YA_MIN = 5


def _final_ya_names(ctx: Context, entities, known: set[str]) -> list[SpellingGroup]:
    text = ctx.doc.text
    out = []
    habit = None  # whether the writer puts ى for a final ي throughout, read at the first candidate
    for written in dict.fromkeys(_final_maksura_words(text)):
        with_ya = written[:-1] + NISBA_ENDING
        other = _whole_word(text, with_ya)
        if other is None or written in known or with_ya in known:
            continue
        word = normalize_string(with_ya)
        if ctx.res["stopwords"].lookup(word) is not None or not _introduced_as_name(ctx, entities, word):
            continue
        if habit is None:
            habit = any(m.group() in ctx.res.stopwords_ya_as_maksura for m in _FINAL_MAKSURA_ANY.finditer(text))
        if habit:
            break  # فى، التى: the writer's habit throughout (نبيل العربى), not a slip in a name
        first = _whole_word(text, written)
        forms = sorted((ctx.doc.location(first, first + len(written)), ctx.doc.location(other, other + len(with_ya))),
                       key=lambda x: x.start)
        out.append(SpellingGroup(word, tuple((x.text, x) for x in forms), "person", "final-ya"))
    return out


def _is_word_char(c: str) -> bool:
    """What the regex class \\w is in a str pattern: a letter, a digit or a number, or _."""
    return c.isalnum() or c == "_"


def _final_maksura_words(text: str):
    r"""The words `(?<!\w)\w{FINAL_YA_MIN - 1,}ى(?!\w)` finds, in order: each run of word characters
    of FINAL_YA_MIN or more that ends in ى. Read from the text's ى letters (str.find, in C) back to each
    word's start, instead of a regex trying every position of the article (a third of the spelling
    passes' cost)."""
    shortest = FINAL_YA_MIN - 1  # word characters before the ى
    y = text.find(ALEF_MAKSURA, shortest)
    while y >= 0:
        after = text[y + 1:y + 2]
        if not _is_word_char(after):  # the word ends at the ى (or the text does)
            before = text[y - shortest:y]  # (most ى end a short word: على، إلى، حتى)
            if before.isalnum() or ("_" in before and all(map(_is_word_char, before))):
                p = y - shortest
                while p > 0 and _is_word_char(text[p - 1]):
                    p -= 1
                yield text[p:y + 1]
        y = text.find(ALEF_MAKSURA, y + 1)


def _whole_word(text: str, word: str) -> int | None:
    r"""Where `word` is first written as a whole word (no word character on either side), or None: what
    `re.search(r"(?<!\w)WORD(?!\w)", text)` finds, read from the word's occurrences (str.find) rather
    than from every position of the text."""
    n, k = len(text), len(word)
    q = text.find(word)
    while q >= 0:
        if (q == 0 or not _is_word_char(text[q - 1])) and (q + k == n or not _is_word_char(text[q + k])):
            return q
        q = text.find(word, q + 1)
    return None


# a word ending in ى (a stopword written so, فى، التى, shows the writer's habit)
_FINAL_MAKSURA_ANY = re.compile(r"(?<!\w)\w+%s(?!\w)" % re.escape(ALEF_MAKSURA))


def _introduced_as_name(ctx: Context, entities, word: str) -> bool:
    """The word is a name: a person's, a surname of the lexicon, or after a reporting verb or given name."""
    if ctx.res["surnames"].lookup(word) is not None or any(
            word in normalize_string(m.loc.text).split() for e in entities if e.kind == "person" for m in e.mentions
            if m.form in ("name", "surname")):
        return True
    given, stopwords = ctx.res.given_names.by_norm, ctx.res["stopwords"]
    texts, tokens = ctx.texts, ctx.tokens
    for i in range(1, len(texts)):
        if texts[i] != word:
            continue
        # a given name, not a preposition that normalizes to one (على مستوى: علي)
        if texts[i - 1] in given and stopwords.lookup(texts[i - 1]) is None:
            return True
        # a speaker's name ends at the verb's clause (وذكر الحارثي أن), a title goes on (وقال المدعى العام)
        ends = i + 1 == len(texts) or tokens[i + 1].kind != "word" or stopwords.lookup(texts[i + 1]) is not None
        if ends and _reporting_verb(ctx, texts[i - 1]):
            return True
    return False


def _reporting_verb(ctx: Context, word: str) -> bool:
    """A reporting verb (وذكر), not its participle: المتحدث الرسمي is a title and its adjective."""
    entry = ctx.res.reporting_forms.lookup(word)
    return entry is not None and entry.get("part") == "verb"


def _headline_tokens(ctx: Context) -> int:
    """How many tokens the headline has (0 without one)."""
    headline = ctx.doc.headline
    if headline is None:
        return 0
    to_original = ctx.norm.to_original  # (the first token the headline does not hold: a search, the offsets in order)
    return bisect_left(ctx.tokens, headline.end, key=lambda t: to_original(t.start))


def _one_vowel_more(longer: str, shorter: str) -> bool:
    """longer is shorter with one long vowel more inside it, ا included (الرادادي / الردادي)."""
    return len(longer) == len(shorter) + 1 and any(
        longer[i] in LONG_VOWELS and longer[:i] + longer[i + 1:] == shorter for i in range(1, len(longer) - 1))


def _headline_speaker_variants(ctx: Context, entities, known: set[str]) -> list[SpellingGroup]:
    """The headline's speaker (a family name before its colon: الرادادي: ..., pattern
    speaker-before-colon) that the body never writes, where one person of the body has a family name
    one long vowel off (العقيد هشام الردادي): the same speaker, his name mistyped in one place. A long
    vowel more (ا too) elsewhere is how one family differs from another (العمري / العامري): only the
    headline's speaker whom the body does not name as written is compared (variant headline-speaker)."""
    headline_count = _headline_tokens(ctx)
    tokens, texts = ctx.tokens, ctx.texts
    colons = [k for k in range(1, headline_count) if texts[k] == ":"]
    if not colons or ctx.patterns.label_at("speaker-before-colon", colons[0] - 1) is None:
        return []
    speaker = tokens[colons[0] - 1]
    if speaker.text in texts[headline_count:] or speaker.text in known:
        return []  # the body writes the speaker's name as the headline does
    out = []
    for e in entities:
        if e.kind != "person":
            continue
        name = next((m for m in e.mentions if m.form == "name" and m.loc.start >= speaker.end), None)
        family = normalize_string(name.loc.text).split()[-1] if name is not None else ""
        if family and family not in known and (_one_vowel_more(speaker.text, family)
                                               or _one_vowel_more(family, speaker.text)):
            last = tokens[ctx.index.containing(ctx.norm.to_normalized(name.loc.end - 1))]
            # the body's full name first: the headline's word is the slip the finding points at
            forms = (ctx.loc(last.start, last.end), ctx.loc(speaker.start, speaker.end))
            out.append(SpellingGroup(family, tuple((x.text, x) for x in forms), "person", "headline-speaker"))
            break
    return out


# Where a word stands says whether it is a name's other spelling or an ordinary word that looks like
# it: right after a reporting verb (وأعلن أوغلو أمس: the speaker's slot), right after the given name
# the person's full name has (نادر تشيفشتي), or alone after the full name whose family name it spells
# (وسجل تشيفشتي –: a back-reference by family name). After ANOTHER given name it is another person
# (جورج ريدريقو / رودريقو مورا), and no slot at all is at most a note (slot unplaced).
UNPLACED = "unplaced"
OTHER_PERSON = "other-person"  # (no finding at all)


def name_slot(ctx: Context, spans, name: str, entities, written_after: dict | None = None) -> tuple[str, tuple[int, int]]:
    """The slot of the first of `spans` (normalized offsets of a word written like the person's name
    word `name`) that stands where a name stands, and that span; (UNPLACED, the first span) if none,
    (OTHER_PERSON, the first span) if one follows another given name.
    `written_after` adds a full name the entities miss: the given name before `name` -> where written."""
    tokens, texts = ctx.tokens, ctx.texts
    given, stopwords = ctx.res.given_names.by_norm, ctx.res["stopwords"]
    companions = set(written_after or ())  # the words of the person's names that hold `name`
    # where a full name ending in `name` is first written
    since = min(written_after.values()) if written_after else None
    for e in entities:
        if e.kind != "person":
            continue
        for m in e.mentions:
            words = normalize_string(m.loc.text).split() if m.form == "name" else ()
            if name in words:
                companions.update(words)
                if len(words) >= 2 and words[-1] == name and (since is None or m.loc.start < since):
                    since = m.loc.start
    other_person = False
    for span in spans:
        k = ctx.index.containing(span[0])
        previous = texts[k - 1] if k else ""
        if previous in given and stopwords.lookup(previous) is None:
            if previous in companions:
                return "after-same-given-name", span
            other_person = True  # another given name: another person
            continue
        if _reporting_verb(ctx, previous) or (previous in QUOTE_MARKS and k >= 2 and _reporting_verb(ctx, texts[k - 2])):
            return "after-reporting-verb", span  # (وقال "العوضي": the speaker's name quoted)
        alone = k + 1 == len(tokens) or tokens[k + 1].kind != "word" or stopwords.lookup(texts[k + 1]) is not None
        if since is not None and alone and ctx.loc(*span).start > since:
            return "family-back-reference", span
    return (OTHER_PERSON if other_person else UNPLACED), spans[0]


def _opens_name(ctx: Context, k: int) -> bool:
    """Token k stands where a name does: after a given name or a reporting verb, or first in its
    sentence or the headline (السومه: ...). A noun with the article is written after anything (في
    المنطقة، بيع المخطط): a word written so is no family name, whatever given name it follows once."""
    previous = ctx.texts[k - 1] if k else ""
    return not k or ctx.tokens[k - 1].kind != "word" or previous in ctx.res.given_names.by_norm \
        or _reporting_verb(ctx, previous)


# A family name with the article written once without it (عمر السومه ... ونفى سومه أن): only where
# the bare word stands right after a reporting verb or the person's given name; elsewhere a bare word is
# too often an ordinary word (الأمين / أمين). A nisba family name is written both ways as a matter of
# house style (البارزاني / بارزاني): variant nisba-article, a note. Shorter bare words are words.
DROPPED_ARTICLE_MIN = 4


def _bare_written(family: str, present: set[str]) -> bool:
    """The article writes the family name's bare word (alone or after و), long enough to be one."""
    bare = family[len(ARTICLE):]
    return len(bare) >= DROPPED_ARTICLE_MIN and (bare in present or WAW + bare in present)


def dropped_article_names(ctx: Context, entities, known: set[str]) -> list[SpellingGroup]:
    """A family name with the article (a person's, or the word after a given name: عمر السومه) written
    once without it where a name stands (`name_slot`)."""
    given, stopwords = ctx.res.given_names.by_norm, ctx.res["stopwords"]
    tokens, texts = ctx.tokens, ctx.texts
    families: dict[str, tuple[int, int]] = {}  # a family name with the article -> its first span
    after_given: dict[str, dict[str, int]] = {}  # a family name -> the given names before it -> where
    present = ctx.distinct_texts  # (a family name whose bare word the article never writes has no group)
    for e in entities:
        if e.kind != "person":
            continue
        for m in e.mentions:
            words = normalize_string(m.loc.text).split() if m.form == "name" else ()
            if len(words) >= 2 and words[-1].startswith(ARTICLE) and _bare_written(words[-1], present):
                last = tokens[ctx.index.containing(ctx.norm.to_normalized(m.loc.end - 1))]
                families.setdefault(words[-1], (last.start, last.end))
    # a given name (not one that is also an everyday word: أمير، كامل) and a family name the entities
    # miss (عمر السومه)
    everyday = ctx.res["common-given-names"]
    for k in ctx.positions(ctx.res.given_name_set):
        if k + 1 < len(texts) and texts[k + 1].startswith(ARTICLE) and tokens[k + 1].kind == "word" \
                and stopwords.lookup(texts[k]) is None and everyday.lookup(texts[k]) is None:
            after_given.setdefault(texts[k + 1], {}).setdefault(texts[k], ctx.loc(tokens[k].start, tokens[k].end).start)
    for family in after_given:
        if _bare_written(family, present) and all(map(partial(_opens_name, ctx), ctx.positions({family, WAW + family}))):
            families.setdefault(family, min((tokens[k].start, tokens[k].end) for k in ctx.positions({family})))
    bare = {f[len(ARTICLE):]: f for f in families if len(f) - len(ARTICLE) >= DROPPED_ARTICLE_MIN}
    # a nationality adjective (لاند مارك العربية / عربية: a body's adjective, after a word read as a given name)
    nationality = ctx.res.nationality_forms
    bare = {b: f for b, f in bare.items() if b not in given and stopwords.lookup(b) is None and not ctx.res.is_non_name(b)
            and nationality.lookup(f) is None}
    if not bare:
        return []
    spans: dict[str, list[tuple[int, int]]] = {}
    for k in ctx.positions(set(bare) | {WAW + b for b in bare}):
        t = tokens[k]
        skip = 0 if t.text in bare else len(WAW)
        spans.setdefault(t.text[skip:], []).append((t.start + skip, t.end))
    out = []
    for word, where in spans.items():
        family = bare[word]
        slot, span = name_slot(ctx, where, family, entities, after_given.get(family))
        other = ctx.loc(*span)
        if slot not in _SPEAKER_SLOTS or other.text in known:
            continue  # alone after the name, a bare word is as often a noun (الحزب الجمهوري ... جمهوري)
        # the family name with its article first: the bare word is the slip the finding points at
        forms = (ctx.loc(*families[family]), other)
        variant = "nisba-article" if word.endswith(NISBA_ENDING) else "dropped-article"
        out.append(SpellingGroup(word, tuple((x.text, x) for x in forms), "person", variant, slot))
    return out


# A one-word spelling followed by an unknown word that ends its clause (ادريان، رودريقو مورا.) is the
# first name of another full name, not a back-reference to جورج ريدريقو: two people of one list (blind
# round 24), a note at most (slot another-full-name).
ANOTHER_FULL_NAME = "another-full-name"


def _opens_full_name(ctx: Context, loc, key: str) -> bool:
    if " " in loc.text:
        return False
    tokens, texts, stopwords = ctx.tokens, ctx.texts, ctx.res["stopwords"]
    k = ctx.index.containing(ctx.norm.to_normalized(loc.start)) + 1
    if k >= len(tokens) or tokens[k].kind != "word" or texts[k] in key.split() \
            or stopwords.lookup(texts[k]) is not None or ctx.res.is_non_name(texts[k]):
        return False
    return k + 1 == len(tokens) or tokens[k + 1].kind == "punct"


def name_slot_variants(ctx: Context, entities, known: set[str]) -> list[SpellingGroup]:
    """A family name's other spelling where a name stands: without its article, or with a letter more
    or less at its end."""
    out = dropped_article_names(ctx, entities, known)
    out += article_swap_names(ctx, entities, known | {loc.text for g in out for _, loc in g.forms}, name_slot)
    out += particle_family_names(ctx, entities, known | {loc.text for g in out for _, loc in g.forms}, name_slot)
    out += family_vowel_names(ctx, entities, known | {loc.text for g in out for _, loc in g.forms})
    return out + end_letter_names(ctx, entities, known | {loc.text for g in out for _, loc in g.forms})


# A family name with the article written once with an inner long vowel less (سعيد ناصر علي المطاريفي /
# سعيد ناصر المطريفي) where both spellings close a full name that opens with the same given name and
# father's name: one person's name mistyped (round 73 missed one). One given name alone is no evidence
# (سالم العمري / سالم العامري may be two families), nor a word of the lexicons.
SHARED_NAMES_MIN = 2  # the first words (given name, father's name) both full names open with


def family_vowel_names(ctx: Context, entities, known: set[str]) -> list[SpellingGroup]:
    names = {tuple(normalize_string(m.loc.text).split()) for e in entities if e.kind == "person"
             for m in e.mentions if m.form == "name"}
    names = sorted(n for n in names if len(n) > SHARED_NAMES_MIN and n[-1].startswith(ARTICLE))
    pairs = {(a[-1], b[-1]) for a in names for b in names if a[:SHARED_NAMES_MIN] == b[:SHARED_NAMES_MIN]
             and _one_vowel_more(a[-1][len(ARTICLE):], b[-1][len(ARTICLE):])}  # (a vowel of the stem, past its first letter)
    out = []
    for longer, shorter in sorted(pairs):
        if ctx.res.is_non_name(longer) or ctx.res.is_non_name(shorter):
            continue
        spans = [min(((ctx.tokens[k].start, ctx.tokens[k].end) for k in ctx.positions({w})), default=None)
                 for w in (longer, shorter)]
        if None in spans:
            continue
        locs = sorted((ctx.loc(*span) for span in spans), key=lambda x: x.start)
        if not any(loc.text in known for loc in locs):
            out.append(SpellingGroup(longer, tuple((loc.text, loc) for loc in locs), "person", "family-vowel"))
    return out


# A family name written once with one letter more at its end (ستيوارت فيفر / ستيوارت فيفرز، خالد العوض /
# وقال "العوضي"): where both spellings stand in one person's name slots, a name mistyped: both after the
# same given name, or one after a given name and the other after a reporting verb, maybe quoted.
# Elsewhere a letter more at the end is a word's inflection (a pronoun ه or هم، a feminine ة or ت, an
# accusative ا, a plural or dual ن: never compared) or another family (خالد السالم / فهد السالمي: the
# other spelling after another given name); neither spelling is a word of the lexicons.
END_LETTER_MIN = 4  # letters of the shorter spelling: shorter words after a name are words
_NOT_END_LETTERS = frozenset(affixes("feminine") + affixes("feminine-t") + affixes("accusative") + affixes("pronoun")
                             + (MARBUTA,))
_PRONOUNS = affixes("pronoun")  # بلاده / بلادهم: a pronoun made plural
_PLURAL_ENDINGS = affixes("dual-ending") + affixes("masculine-plural") + affixes("oblique-plural")  # التقليدي / التقليدين


def _end_letter_shorter(w: str) -> str | None:
    """w less its last letter, where that letter may be a name's typo, not an inflection; else None."""
    if len(w) <= END_LETTER_MIN or w[-1] in _NOT_END_LETTERS or w[:-1].endswith(_PRONOUNS) \
            or w.endswith(_PLURAL_ENDINGS):
        return None
    return w[:-1]


# the words with a shorter spelling (each word read once per run: validator/extract/word_facts.py)
_END_LETTER = tagged(lambda res: lambda w: _end_letter_shorter(w) is not None)


def end_letter_names(ctx: Context, entities, known: set[str]) -> list[SpellingGroup]:
    stopwords, is_non_name = ctx.res["stopwords"], ctx.res.is_non_name
    words = ctx.distinct_texts  # (a word's shorter spelling is the word less its last letter)
    pairs = [(w[:-1], w) for w in words_with(ctx, (_END_LETTER,)) if w[:-1] in words]
    out = []
    for shorter, longer in sorted(pairs):
        if any(stopwords.lookup(w) is not None or is_non_name(w) for w in (shorter, longer)):
            continue
        out += slot_group(ctx, shorter, longer, known, "end-letter")
    return out


def slot_group(ctx: Context, key: str, other: str, known: set[str], variant: str) -> list[SpellingGroup]:
    """The two spellings as one person's group of `variant`, where they stand as one person's name
    (`_end_letter_slot`) and neither written form is already in another group (`known`); else none."""
    slot, spans = _end_letter_slot(ctx, key, other)
    if slot is None:
        return []
    locs = sorted((ctx.loc(*span) for span in spans), key=lambda x: x.start)
    if any(loc.text in known for loc in locs):
        return []
    return [SpellingGroup(key, tuple((loc.text, loc) for loc in locs), "person", variant, slot)]


def _end_letter_slot(ctx: Context, shorter: str, longer: str):
    """Where the two spellings stand as one person's name (`end_letter_names`): the slot of the second
    and the first span of each; (None, None) if they do not."""
    tokens, texts = ctx.tokens, ctx.texts
    given, stopwords = ctx.res.given_names.by_norm, ctx.res["stopwords"]
    before: dict[str, dict[str, tuple[int, int]]] = {}  # a spelling -> the word before it -> its span
    for w in (shorter, longer):
        for k in ctx.positions({w}):
            before.setdefault(w, {}).setdefault(texts[k - 1] if k else "", (tokens[k].start, tokens[k].end))
    first = {w: min(spans.values()) for w, spans in before.items()}
    # both after one given name that is also a word (صالح، سعيد) may be a phrase written twice (في صالح ...);
    # a given name and a reporting verb's slot name a person, whatever the given name is (خالد العوض)
    everyday = ctx.res["common-given-names"]
    shared = {p for p in set(before[shorter]) & set(before[longer])
              if p in given and stopwords.lookup(p) is None and everyday.lookup(p) is None}
    if shared:
        p = min(shared, key=lambda p: before[longer][p])
        return "after-same-given-name", (before[shorter][p], before[longer][p])
    for named, other in ((shorter, longer), (longer, shorter)):
        given_before = {p for p in before[named] if p in given and stopwords.lookup(p) is None}
        if not given_before or any(p in given for p in before[other]):
            continue  # خالد السالم / فهد السالمي: another given name, another person
        slot, span = name_slot(ctx, [(tokens[k].start, tokens[k].end) for k in ctx.positions({other})], named, [],
                               {p: ctx.loc(*before[named][p]).start for p in given_before})
        if slot == "after-reporting-verb" and not _opens_other_name(ctx, span, named):
            return slot, (first[named], span)
    return None, None


def _opens_other_name(ctx: Context, span: tuple[int, int], named: str) -> bool:
    """The word at span is followed by a name word that never follows `named`: the first word of
    another person's full name (وطالبت ميرك إربه against أنجيلا ميركل), not `named` written short; a
    word that follows `named` too is the same person's next name (محمود الحسني الصرخي / وطالب الحسن الصرخي)."""
    tokens, texts = ctx.tokens, ctx.texts
    k = ctx.index.containing(span[0]) + 1
    if k >= len(tokens) or tokens[k].kind != "word" or ctx.res["stopwords"].lookup(texts[k]) is not None \
            or ctx.res.is_non_name(texts[k]):
        return False
    return texts[k] not in {texts[j + 1] for j in ctx.positions({named}) if j + 1 < len(texts)}


# A headline's foreign name written in the body with a long vowel less or more, the body's spelling right
# after a nationality or a title (كوتينيوس يغيب / البرازيلي كوتينوس): one player mistyped (round 71
# missed one). Both spellings of ROLE_SLOT_MIN letters or more: shorter ones are Arabic words one derives
# from the other (تمديد / الإسباني تمدد إقامته).
ROLE_SLOT_MIN = 6


def after_role(ctx: Context, spans, start: int, words: tuple[str, str]) -> bool:
    """One of the spans from start on stands right after a nationality or a title (البرازيلي ماركينوس،
    المدافع فلوريس): the word a story introduces a person by, a name's slot; both words long enough."""
    if min(map(len, words)) < ROLE_SLOT_MIN:
        return False
    res, texts = ctx.res, ctx.texts
    previous = [texts[k - 1] for k in (ctx.index.containing(s) for s, _ in spans if s >= start) if k > 0]
    return any(res.nationality_forms.lookup(p) is not None or res["titles"].lookup(p) is not None for p in previous)
