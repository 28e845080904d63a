"""Where a text's numerals stand and what a run of digits is worth: the digit runs and the percent
words (في المئة، بالمئة) the numbers extractor reads, found without a regex tried at every character
of the article."""
from __future__ import annotations

import re
from itertools import compress, repeat
from operator import eq

from validator.extract.wordclasses import affix, affixes, one_word, word_class
from validator.text.punctuation import DASHES, QUOTE_PAIRS
from validator.text.tokens import NUMBER, token_kind

# `\d\d*`, not `\d+`: a pattern that opens with a single digit class gives the regex engine a set of
# first characters to skip to; one that opens with a repeat is tried as a match at every character.
_DIGIT_RUN = re.compile(r"\d\d*")
# 7ر59 = 59.7: the Arabic decimal mark, written between the whole and the fraction as agency wires print it
DECIMAL_MARK = one_word("figure-words", "decimal-mark")


def _either(words) -> str:
    """A regex alternation of words, longest first (so في is tried before ف)."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))) + ")"


def figure_words(name: str) -> frozenset[str]:
    return word_class("figure-words", name)


# في المئة، بالمئة (figure-words: percent-preposition, percent-spaced, percent-joined)
_PERCENT_PHRASE = (_either(figure_words("percent-preposition")) + r"\s*" + _either(figure_words("percent-spaced"))
                   + "|" + "|".join(re.escape(w) for w in sorted(figure_words("percent-joined"))))
PERCENT = re.compile(r"\s*%|\s+(?:" + _PERCENT_PHRASE + ")")
PERCENT_NOUNS = tuple(sorted(figure_words("percent-noun")))  # every PERCENT_WORDS match ends with one
PERCENT_WORDS = re.compile(r"(?<=\s)(?:" + _PERCENT_PHRASE + r")(?![^\W\d_])")
# Where a PERCENT_WORDS match can start: a preposition (في) right before the white space before a
# spaced noun (المئة), or a joined form (بالمئة). Its leading lookbehind gives the regex no literal to
# search for, so `finditer` would try it at every character of the article.
_PERCENT_PREPOSITION_LENGTHS = frozenset(map(len, figure_words("percent-preposition")))
_PERCENT_SPACED = tuple(sorted(figure_words("percent-spaced")))
_PERCENT_JOINED = tuple(sorted(figure_words("percent-joined")))


def digit_runs(tokens) -> list[int]:
    """Where each run of digits of a text starts, in order, read from its tokens: a run lies inside one
    number token (the tokenizer keeps adjacent digits in one token; a word or a mark holds none), so
    only those are read, not every character (a regex search for a digit class tests each character
    of the article). Most are digits alone; 3.5 or 1,200 hold a run after each separator."""
    runs: list[int] = []
    for token in compress(tokens, map(eq, map(token_kind, tokens), repeat(NUMBER))):
        if token.text.isdecimal():  # (\d is a decimal digit, as str.isdecimal reads one)
            runs.append(token.start)
        else:
            runs += [token.start + m.start() for m in _DIGIT_RUN.finditer(token.text)]
    return runs


def parse_digits(s: str) -> float | int:
    if DECIMAL_MARK in s:  # stored fraction first (7ر59), it reads right to left as 59.7
        fraction, whole = s.split(DECIMAL_MARK, 1)
        s = whole + "." + fraction
    if "," in s:
        groups = s.split(",")
        if all(len(g) == 3 for g in groups[1:]) and "." not in groups[-1]:
            s = s.replace(",", "")
        else:
            s = s.replace(",", ".", 1).replace(",", "")
    if s.count(".") > 1 and _DOT_GROUPED.fullmatch(s):
        return int(s.replace(".", ""))  # 99.506.775: two dots are no decimal point, they group thousands
    try:
        value = float(s)
    except ValueError:
        return 0
    return int(value) if value.is_integer() and "." not in s else value


# 14.500، 100.000: a dot before groups of exactly three digits, as many Arabic papers print thousands
_DOT_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+")


def dot_grouped(s: str) -> int | None:
    """The whole number a run like 14.500 reads as when its dots group thousands (the caller decides
    from what the figure counts whether they do), or None when the run is not of that shape."""
    return int(s.replace(".", "")) if _DOT_GROUPED.fullmatch(s) else None


def percent_words(text: str) -> list[re.Match[str]]:
    """`PERCENT_WORDS.finditer(text)`, tried only where a match can start (`_PERCENT_SPACED`). No
    match can start inside another (a noun opens with no preposition), so the matches are the same."""
    starts = set()
    for noun in _PERCENT_SPACED:
        at = text.find(noun)
        while at != -1:
            gap = at  # the preposition ends where the white space before the noun begins
            while gap and text[gap - 1].isspace():
                gap -= 1
            starts.update(gap - n for n in _PERCENT_PREPOSITION_LENGTHS if gap >= n)
            at = text.find(noun, at + 1)
    for joined in _PERCENT_JOINED:
        at = text.find(joined)
        while at != -1:
            starts.add(at)
            at = text.find(joined, at + 1)
    return [m for m in map(PERCENT_WORDS.match, repeat(text), sorted(starts)) if m is not None]


def compound_parts(attrs: dict, nattrs: dict, approx: bool, tens: str) -> bool:
    """ثلاثة وعشرون: a unit and a tens word make one numeral; a dual noun and another count (قتيلان
    وعشرات الجرحى، قتيلين و24 جريحا), a vague count or a tens written in digits are two figures."""
    return not (attrs.get("_dual_noun") is not None or approx or nattrs.get("approx") == "true"
                or tens.strip().isdigit())


def scale_of(value: float) -> float:
    """The scale word a whole figure is counted in: 3,000,000 in millions, 25,000 in thousands."""
    scale = 1000.0
    while value % (scale * 1000) == 0:
        scale *= 1000
    return scale


def line_break(text: str, tokens, k: int) -> bool:
    """A line break between token k and the one before it: a figure's phrase ends at its line."""
    return 0 < k < len(tokens) and "\n" in text[tokens[k - 1].end:tokens[k].start]


_TIME_WORDS = word_class("attribution-words", "time-words")  # اليوم، أمس، مساء، أول من أمس
_FROM = one_word("figure-words", "partitive")  # a time word too (أول من أمس), never the last of the run


def words_before(tokens, first: int, count: int = 3, aside: int = 3) -> range:
    """The `count` token indices before token `first`, read back past an aside of up to `aside` words set
    off by dashes just before it (a verb governs its figure past the day: يُقتل -اليوم- ثلاثة), or past a
    run of up to four time words with no dashes (قتل مساء أول من أمس 16 شخصا: the verb, then the day)."""
    k = first - 1
    if k > 1 and tokens[k].text in DASHES:
        opening = next((j for j in range(k - 2, max(k - 2 - aside, -1), -1) if tokens[j].kind == "punct"), None)
        if opening is not None and tokens[opening].text in DASHES:
            k = opening - 1
    elif k > 0 and tokens[k].text in _TIME_WORDS and tokens[k].text != _FROM:
        j = k
        while j > 0 and k - j < 4 and tokens[j].text in _TIME_WORDS:
            j -= 1
        if tokens[j].text not in _TIME_WORDS:
            k = j
    return range(k, k - count, -1)


def wrapped_end(text: str, start: int, end: int) -> int:
    """The end of a figure past the quotation mark that closes the one just before it: a numeral set in
    quotation marks for emphasis (شارك «350» متطوعا، وزعت "60" سلة) is followed by what it counts.
    Brackets are left out: the forms that bracket every figure ((12) مدرسة، (40) هكتارا) are mostly official
    notices and background; read past a bracket too, 4 of 11 new warnings on unseen articles were right."""
    closing = QUOTE_PAIRS.get(text[start - 1]) if start > 0 else None
    return end + 1 if closing is not None and text[end:end + 1] == closing else end


_IMPERFECT_M, _IMPERFECT_PL, _CONJUNCTIONS = affix("imperfect-m"), affix("imperfect-pl"), affixes("conjunction")


def plural_subject(word: str | None) -> bool:
    """A third-person plural imperfect (يعيشون، ويعملون): after a numeral's noun the lexicons do not know,
    it says the noun counts people (ثلاثة ملايين مهاجر يقيمون في الخارج)."""
    if word is None:
        return False
    for c in _CONJUNCTIONS:
        word = word.removeprefix(c) if len(word) > 6 else word
    return len(word) >= 5 and word.startswith(_IMPERFECT_M) and word.endswith(_IMPERFECT_PL)
