"""What a quotation is: speech, a quoted name or title, or a scare-quoted term, from the words around
its opening mark (`classify`); `find_quotes` (quotes.py) pairs the marks first."""
from __future__ import annotations

import bisect
from functools import partial
from itertools import compress

from validator.extract.context import Context
from validator.extract.wordclasses import affix, affixes, word_class
from validator.extract.model import Quote
from validator.extract.quotes import _mark_positions, _norm
from validator.text.punctuation import COMMAS, QUOTE_ENDS, QUOTE_STARTS, TATWEEL
from validator.text.tokens import token_kind
from validator.text.wordcache import WordCache

# A short quotation of at most this many words is a name or a term unless speech is announced.
SHORT_QUOTE_WORDS = 3
_WORDS_CAP = 7  # `classify` looks at the first words only (a short quotation's)

def classify(ctx: Context, quote: Quote, speech_cue_before: bool) -> str:
    """speech, name (وكالة أنباء "فارس", a title, a slogan, scripture) or term (a scare-quoted word).
    A quote-kind pattern (rules/patterns/: labels quote-speech, quote-name, quote-term) whose match
    ends at the opening mark decides first, and for good."""
    kind = _kind_by_pattern(ctx, quote) or _classify(ctx, quote, speech_cue_before)
    ctx.previous_quote = (quote.loc.end, quote.paragraph, kind)
    return kind


QUOTE_KIND_LABELS = {"quote-speech": "speech", "quote-name": "name", "quote-term": "term"}


def _kind_by_pattern(ctx: Context, quote: Quote) -> str | None:
    patterns = ctx.patterns
    if not any(label in patterns.by_label for label in QUOTE_KIND_LABELS):
        return None  # no quote-kind pattern in this run
    opening = ctx.index.at_or_after(_norm(ctx, quote.loc.start))
    for label, kind in QUOTE_KIND_LABELS.items():
        m = patterns.ending_at(label, opening)
        if m is not None:
            quote.evidence.extend(m.evidence)
            quote.kind_by_pattern = True
            return kind
    return None


# A quotation mark may follow these words (أو «...»، و«...») and still be one more item of a list
_LIST_JOINERS = COMMAS | word_class("quote-words", "list-joiners")
# Punctuation a text word may stand behind (قوله - صلى الله عليه وسلم -: «...»)
_SKIPPED_PUNCT = frozenset({":", "-", "–", "(", ")", TATWEEL})
_TEXT_WINDOW = 5
_KUNYA = word_class("quote-words", "kunya")
# A list item may be this many words after the previous item when a conjunction opens it
_LIST_GAP = 8
_PRONOUN_SUFFIXES = affixes("pronoun")
_ITEM_JOINERS = word_class("quote-words", "item-joiners")
# what follows the name of who reports: a comma, a colon, إن/أن (attribution-words that-clause), عن، في
_AFTER_REPORTER = (COMMAS | {":"} | word_class("attribution-words", "that-clause")
                   | word_class("quote-words", "report-object"))
_APPOSITION_PRONOUNS = word_class("quote-words", "apposition-pronouns")
_SAYING = frozenset({":"}) | word_class("quote-words", "saying")
_ARTICLE = affix("article")
_LAM = affix("lam")
_FEMININE_T, _FEMININE = affix("feminine-t"), affix("feminine")


def _classify(ctx: Context, quote: Quote, speech_cue_before: bool) -> str:
    norm_start = _norm(ctx, quote.loc.start)
    listed = _list_item_of(ctx, quote, norm_start)
    if listed is not None:
        return listed  # «القط ذو القبعة» و«البيض الأخضر»: the next item of a list of titles
    if quote.balanced and _after_text_word(ctx, norm_start):
        return "name"  # رفعوا لافتات كتب عليها «...»، قوله تعالى: «...»: a text nobody is reported saying
    if quote.balanced and _subject_of_report(ctx, quote, norm_start):
        return "name"  # أعلنت «إعمار مولز»، ... / وقالت «إيه تي آند تي» إنها: the quoted name is the subject
    if quote.balanced and _after_pronoun_of_apposition(ctx, norm_start) and quote.words <= 5:
        return "name"  # بجائزة واحدة وهي «شاعر سوق عكاظ»
    # word tokens found by bisection in the article's list of word positions, not by walking the
    # quotation: thousands of unclosed quotation marks (each running to the end) stay fast
    positions = _word_positions(ctx)
    lo = bisect.bisect_left(positions, ctx.index.at_or_after(norm_start + 1))
    hi = bisect.bisect_left(positions, ctx.index.at_or_after(_norm(ctx, quote.loc.end)))
    n_words = hi - lo
    words = [ctx.tokens[positions[k]] for k in range(lo, min(hi, lo + _WORDS_CAP))]
    if not quote.balanced and n_words > SHORT_QUOTE_WORDS:
        return "speech"
    if _after_name_introducer(ctx, norm_start) or (n_words <= 2 and _after_organization(ctx, norm_start)):
        return "name" if n_words <= 6 else "speech"
    if 2 <= n_words <= 3 and words[0].text in _KUNYA:
        return "name"  # "أم منصور"، «أبو صلاح»: a person known by a kunya
    if n_words >= 2 and all(len(t.text) == 1 for t in words):
        return "name"  # «ش. أ. أ»: a person's initials
    if quote.balanced and n_words <= 3 and _title_follows(ctx, quote):
        return "name"  # علمت "سبق" أن "منصور البلوي" المشرف على كرة القدم: a name, then his title
    if n_words <= 3 and words and words[0].text in ctx.res.given_names.by_norm \
            and words[0].text not in ctx.res["common-given-names"].by_norm:
        return "name"  # ويعلق الأسطورة "ديغو ماردونا": a quoted person's name
    if 2 <= n_words <= 4 and words and ctx.res["titles"].attr(words[0].text, "kind") == "honorific":
        return "name"  # "الدكتور رجائي محمود"
    if n_words <= 4 and words and (ctx.res["name-introducers"].lookup(words[0].text)
                                   or ctx.res["bodies"].lookup(words[0].text)):
        return "name"  # «قاعدة العند العسكرية»، "فيلق القدس": the quotation is a name
    if n_words <= SHORT_QUOTE_WORDS and _nested(ctx, quote):
        return "term"  # «نرفض ما وصفه البعض بـ"الصفقة الكبرى"»: a phrase quoted inside a quotation
    if speech_cue_before and (n_words > 1 or _adjacent_cue(ctx, norm_start)):
        return "speech"
    if n_words <= SHORT_QUOTE_WORDS:
        content = " ".join(t.text for t in words)
        if content in ctx.res["bodies"].by_norm or content in ctx.res["places"].by_norm:
            return "name"
        return "term"
    return "speech"


def _word_positions(ctx: Context) -> list[int]:
    """Indices of the article's word tokens (computed once per article)."""
    positions = ctx.word_positions
    if positions is None:
        kinds = map(token_kind, ctx.tokens)
        positions = ctx.word_positions = list(compress(range(len(ctx.tokens)), map("punct".__ne__, kinds)))
    return positions


def _list_item_of(ctx: Context, quote: Quote, norm_start: int) -> str | None:
    """The kind of the previous quotation when this one only continues its list (و«...»، «...»)."""
    previous = ctx.previous_quote
    if previous is None or previous[2] == "speech" or previous[1] != quote.paragraph or not quote.balanced:
        return None
    end = _norm(ctx, previous[0])
    between = ctx.tokens[ctx.index.at_or_after(end):ctx.index.at_or_after(norm_start)]
    if len(between) <= 2 and all(t.text in _LIST_JOINERS for t in between):
        return previous[2]
    # ومنطقة «القفل» على الحدود مع المملكة، و»مثلث عاهم»: a conjunction opens the next item
    if between and len(between) <= _LIST_GAP and between[-1].text in _ITEM_JOINERS \
            and not any(t.text in ".؟!؛:" or ctx.res.reporting_forms.lookup(t.text) is not None for t in between):
        return previous[2]
    return None


def _after_text_word(ctx: Context, norm_start: int) -> bool:
    """A word that announces a quoted text rather than speech (شعار، لافتات، المثل، الآية، بعنوان، نصه)
    within a few words before the quotation, in the same clause (an entry of name-introducers, kind=text,
    of up to four words, a single word also with a pronoun suffix read off)."""
    i = ctx.index.at_or_after(norm_start) - 1
    words: list[str] = []
    while i >= 0 and len(words) < _TEXT_WINDOW:
        t = ctx.tokens[i]
        i -= 1
        if t.kind == "punct":
            if t.text in _SKIPPED_PUNCT:
                continue
            break
        words.insert(0, t.text)
    text_word, last_words, _, _ = _text_introducers(ctx.res)
    if any(map(text_word.__getitem__, words)):
        return True
    if last_words.isdisjoint(words):
        return False  # (most quotations: no phrase entry can end here)
    intro = ctx.res["name-introducers"]
    for k in range(len(words)):
        for n in (4, 3, 2):  # a phrase ends in the last word of a phrase entry (clitics come off its first)
            if k + n <= len(words) and words[k + n - 1] in last_words:
                entry = intro.lookup(" ".join(words[k:k + n]))
                if entry is not None and entry.get("kind") == "text":
                    return True
    return False


def _text_introducers(res) -> tuple[WordCache, frozenset[str], WordCache, frozenset[str]]:
    """(word -> whether it is a text introducer alone, the last words of the phrase ones, word ->
    whether it is a name introducer other than a text's with a pronoun suffix: `_owned_name_noun`,
    the last words of every phrase entry), once per run."""
    intro = res["name-introducers"]
    known = res.pattern_memo.get("text-introducers")
    if known is None or known[0] is not intro:
        def text_word(word: str) -> bool:
            forms = (word, *(word[:-len(x)] for x in _PRONOUN_SUFFIXES if word.endswith(x) and len(word) - len(x) >= 3))
            return any((e := intro.lookup(form)) is not None and e.get("kind") == "text" for form in forms)
        last_words = frozenset(norm.rsplit(" ", 1)[-1] for norm, e in intro.by_norm.items()
                               if " " in norm and e.get("kind") == "text")
        known = res.pattern_memo["text-introducers"] = (
            intro, WordCache(text_word), last_words, WordCache(partial(_owned_name_noun, intro)),
            frozenset(norm.rsplit(" ", 1)[-1] for norm in intro.by_norm if " " in norm))
    return known[1], known[2], known[3], known[4]


def _owned_name_noun(intro, last: str) -> bool:
    """مشروعهما، برنامجها، روايته: a name introducer (not a text's) with a pronoun suffix (a feminine
    noun keeps its ت before the pronoun: رواية، روايتها)."""
    for suffix in _PRONOUN_SUFFIXES:
        if last.endswith(suffix) and len(last) - len(suffix) >= 3:
            base = last[:-len(suffix)]
            for noun in (base, base[:-len(_FEMININE_T)] + _FEMININE) if base.endswith(_FEMININE_T) else (base,):
                entry = intro.lookup(noun)
                if entry is not None and entry.get("kind") != "text":
                    return True
    return False


def _subject_of_report(ctx: Context, quote: Quote, norm_start: int) -> bool:
    """A short quotation right after a reporting verb and right before what it reports (إن، أن،
    a comma, a colon) is the name of who reports: أعلنت «إعمار مولز»، المدرجة ...؛ قالت «الأرصاد»: ..."""
    if quote.words > 4:
        return False
    i = ctx.index.at_or_after(norm_start) - 1
    if i < 0 or ctx.res.reporting_forms.lookup(ctx.tokens[i].text) is None:
        return False
    k = ctx.index.at_or_after(_norm(ctx, quote.loc.end))
    return k < len(ctx.tokens) and ctx.tokens[k].text in _AFTER_REPORTER


def _title_follows(ctx: Context, quote: Quote) -> bool:
    k = ctx.index.at_or_after(_norm(ctx, quote.loc.end))
    if k >= len(ctx.tokens):
        return False
    entry = ctx.res["titles"].lookup(ctx.tokens[k].text)
    return entry is not None and entry.get("kind") in ("role", "rank")


def _after_pronoun_of_apposition(ctx: Context, norm_start: int) -> bool:
    i = ctx.index.at_or_after(norm_start) - 1
    return i >= 0 and ctx.tokens[i].text in _APPOSITION_PRONOUNS


def _nested(ctx: Context, quote: Quote) -> bool:
    """Inside another quotation of the same paragraph (more « than » before it)."""
    para = ctx.doc.paragraph_at(quote.loc.start)
    _mark_positions(ctx, 0, 0)  # the article's marks and their running balance, read once (not per quotation)
    marks, balance = ctx.quote_marks, ctx.quote_balance
    return para is not None and any(map(int.__gt__, balance[bisect.bisect_left(marks, quote.loc.start)],
                                        balance[bisect.bisect_left(marks, para.start)]))


def _adjacent_cue(ctx: Context, norm_start: int) -> bool:
    """One quoted word is speech only right after ':' or قائلا."""
    i = ctx.index.at_or_after(norm_start) - 1
    return i >= 0 and ctx.tokens[i].text in _SAYING


def _after_organization(ctx: Context, norm_start: int) -> bool:
    """هيئة الكوارث والطوارئ التركية "آفاد": a short quote right after a body's name is its acronym."""
    i = ctx.index.at_or_after(norm_start) - 1
    if i < 0 or ctx.tokens[i].kind != "word":
        return False
    bodies = ctx.hits("bodies", max(0, ctx.tokens[i].start - 80), ctx.tokens[i].end)
    if ctx.res.nationality_forms.lookup(ctx.tokens[i].text) is not None and bodies:
        return True  # هيئة الكوارث والطوارئ التركية "آفاد"
    return any(m.j == i + 1 and m.entry.get("kind") != "head" for m in bodies)


def _after_name_introducer(ctx: Context, norm_start: int) -> bool:
    i = ctx.index.at_or_after(norm_start) - 1
    # skip a lam written before the quote: لـ"الوطن"
    words: list[str] = []
    while i >= 0 and len(words) < 3:
        t = ctx.tokens[i]
        if t.kind == "punct":
            break
        words.insert(0, t.text)
        i -= 1
    if words and words[-1] == _LAM:
        return True  # لـ"الوطن"، لـ«عكاظ»: an outlet's name
    intro = ctx.res["name-introducers"]
    _, _, owned_noun, phrase_ends = _text_introducers(ctx.res)
    # a phrase of words ends in a phrase entry's last word (a clitic comes off its first word only)
    for k in range(0 if words and words[-1] in phrase_ends else max(len(words) - 1, 0), len(words)):
        phrase = " ".join(words[k:])
        if intro.lookup(phrase) is not None:
            return True
    # مشروعهما "وعد العطاء"، برنامجها «...»، and the same before a definite adjective: مجموعتها
    # القصصية "..."، روايته الجديدة «...» (each word's answer once per run)
    owned = words[-1:] + (words[-2:-1] if len(words) >= 2 and words[-1].startswith(_ARTICLE) else [])
    if any(map(owned_noun.__getitem__, owned)):
        return True
    nationality_last = words and ctx.res.nationality_forms.lookup(words[-1])
    return bool(nationality_last and len(words) >= 2 and intro.lookup(words[-2]))


def speech_ranges(ctx, quotes: list[Quote]) -> list[tuple[int, int]]:
    return sorted((ctx.norm.to_normalized(q.loc.start), ctx.norm.to_normalized(q.loc.end)) for q in quotes
                  if q.kind == "speech" and q.balanced)  # an unclosed mark must not hide the rest of the paragraph


def inside_ranges(ranges, pos) -> bool:
    """pos inside one of the (sorted, non-nested) quotation ranges."""
    k = bisect.bisect_left(ranges, (pos,)) - 1
    for s, e in ranges[max(0, k - 2):k + 2]:
        if s < pos < e:
            return True
    return False


def quoted_name_mark(ctx: Context, k: int, longest: int = 2) -> bool:
    """نشر نشطاء على موقع "يوتيوب" صورا، نشرت عبر «تويتر» مطالبات: marks that close within `longest` words
    enclose a name (a platform, an outlet, a product); they open no quotation of anyone's words, so they
    make no reported clause of what follows a verb (session 16, s16src3: rounds 60-61 read a posting of
    videos or of demands as a vague source's report). Token k is the opening or the closing mark."""
    tokens = ctx.tokens
    if tokens[k].text in QUOTE_STARTS and any(
            x < len(tokens) and tokens[x].text in QUOTE_ENDS for x in range(k + 2, k + 2 + longest)):
        return not _addressee(tokens, k)
    return tokens[k].text in QUOTE_ENDS and any(
        x >= 0 and tokens[x].text in QUOTE_STARTS and not _addressee(tokens, x) for x in range(k - 1 - longest, k - 1))


def _addressee(tokens, k: int) -> bool:
    """قال لـ«الوطن»: the outlet the speaker talked to, after the ل clitic, is left to the addressee's
    reading (addressees.past_quoted_addressee)."""
    return k > 0 and tokens[k - 1].text.rstrip(TATWEEL) == _LAM_CLITIC


_LAM_CLITIC = affix("lam")
