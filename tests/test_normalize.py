"""Normalization for matching and the map from normalized offsets back to the original text."""
from __future__ import annotations

import random

import pytest

from validator.text.normalize import normalize, normalize_string


@pytest.mark.parametrize("raw, expected", [
    ("ﻻ", "لا"),                       # lam-alef ligature (presentation form)
    ("ﺍﻟﻮﺯﻳﺮ", "الوزير"),              # isolated/initial/final presentation forms
    ("ﷲ", "الله"),
    ("مُحَمَّدٌ", "محمد"),             # harakat, shadda, tanween
    ("الـــوزير", "الوزير"),            # tatweel
    ("أحمد", "احمد"), ("إبراهيم", "ابراهيم"), ("آمال", "امال"), ("ٱلله", "الله"),
    ("على", "علي"),                      # alef maksura
    ("مدرسة", "مدرسه"),                  # teh marbuta
    ("٠١٢٣٤٥٦٧٨٩", "0123456789"),
    ("۰۱۲۳۴۵۶۷۸۹", "0123456789"),        # Persian digits
    ("٣٫٥", "3.5"), ("١٬٢٠٠", "1,200"), ("٤٠٪", "40%"),
    ("قال\u200bالوزير", "قالالوزير"),    # zero-width space
    ("\u200fقال\u200e", "قال"),          # RLM / LRM
    ("\u202bالنص\u202c", "النص"),        # bidi embedding
    ("\u2067النص\u2069", "النص"),        # bidi isolates
    ("\ufeffالنص", "النص"),              # BOM
    ("ال\u200cنص", "النص"),              # ZWNJ
])
def test_normalize_examples(raw, expected):
    assert normalize(raw).text == expected
    assert normalize_string(raw) == expected


def test_normalize_keeps_line_ends_and_latin():
    n = normalize("Reuters\nرويترز\r\nAFP")
    assert n.text == "Reuters\nرويترز\r\nAFP"


def test_normalize_string_collapses_whitespace():
    assert normalize_string("  وزارة   الصحة\t") == "وزاره الصحه"


def test_identity_map_when_nothing_changes_length():
    n = normalize("قال احمد 12")
    assert n.text == "قال احمد 12"
    assert [n.to_original(i) for i in range(len(n.text) + 1)] == list(range(len(n.text) + 1))


def test_map_back_over_diacritics():
    text = "قَالَ الوزير"
    n = normalize(text)
    s = n.text.index("الوزير")
    assert text[n.to_original(s):n.to_original(s + len("الوزير"))] == "الوزير"


def test_map_back_over_ligature():
    text = "ﻻ يمكن القبول"
    n = normalize(text)
    s = n.text.index("يمكن")
    assert text[n.to_original(s):n.to_original(s + 4)] == "يمكن"
    assert text[n.to_original(0):n.to_original(2)] == "ﻻ"


def test_map_back_over_invisible_characters():
    text = "\u200fقال\u200f الوزير"
    n = normalize(text)
    s = n.text.index("الوزير")
    assert text[n.to_original(s):n.to_original(s + 6)] == "الوزير"


def test_map_back_over_multi_char_expansion():
    text = "بسم ﷲ الرحمن"
    n = normalize(text)
    assert n.text == "بسم الله الرحمن"
    s = n.text.index("الرحمن")
    assert text[n.to_original(s):n.to_original(s + 6)] == "الرحمن"
    s = n.text.index("الله")
    assert text[n.to_original(s):n.to_original(s + 4)] == "ﷲ"


@pytest.mark.parametrize("text", [
    "ﷲ أكبر",
    "بسم ﷲ الرحمن الرحيم",
    "ﻻ ﻻ ﻻ",
    "قَالَ ﷲ ﻻ",
])
def test_to_original_is_monotonic_and_in_range(text):
    n = normalize(text)
    mapped = [n.to_original(i) for i in range(len(n.text) + 1)]
    assert all(0 <= m <= len(text) for m in mapped), mapped
    assert mapped == sorted(mapped), mapped
    assert mapped[0] == 0 or not normalize(text[:mapped[0]]).text
    assert mapped[-1] == len(text)


_SAMPLE = ("قَالَ وَزِيرُ الخَارِجِيَّةِ إنّ ﻻ تَرَاجُعَ عَن الاتِّفَاقِ، وأضاف: «إنّ الحكومـــة "
           "سَتَدفَعُ ١٬٢٠٠ دينار لكلّ أسرة، أي ٣٫٥٪ من الموازنة». \u200fوأشار إلى أنّ ﻹعادة الإعمار "
           "أولويّة، وأنّ ﷲ المستعان.\r\nإلى اللقاء على\u200c الطريق.")


def _boundaries(text: str) -> list[int]:
    """Normalized offsets that do not fall strictly inside the expansion of one original character."""
    n = normalize(text)
    inside: set[int] = set()
    pos = 0
    for ch in text:
        out = normalize(ch).text
        for k in range(1, len(out)):
            inside.add(pos + k)
        pos += len(out)
    assert pos == len(n.text)
    return [i for i in range(len(n.text) + 1) if i not in inside]


def test_random_spans_map_back_to_exact_original_slices():
    n = normalize(_SAMPLE)
    bounds = _boundaries(_SAMPLE)
    rng = random.Random(20240515)
    for _ in range(3000):
        s, e = sorted(rng.sample(bounds, 2))
        orig = _SAMPLE[n.to_original(s):n.to_original(e)]
        assert normalize(orig).text == n.text[s:e], (s, e, orig)


def test_every_word_maps_back_to_its_original_word():
    n = normalize(_SAMPLE)
    import re

    for m in re.finditer(r"\S+", n.text):
        orig = _SAMPLE[n.to_original(m.start()):n.to_original(m.end())]
        assert normalize(orig).text == m.group()
        assert not orig[:1].isspace() and not orig[-1:].isspace()


def test_span_helper():
    text = "مُحَمَّد علي"
    n = normalize(text)
    s = n.text.index("علي")
    assert n.span(s, s + 3) == (text.index("علي"), len(text))


def test_shipped_camel_table_equals_camel_tools_own():
    """The installed validator reads camel-tools' normalization from a shipped table (no camel-tools,
    so no torch, at run time); it must be exactly what camel-tools computes (regenerate with
    `python -m validator.text.camel_table` after a camel-tools upgrade)."""
    from validator.text import camel_table

    assert camel_table.load() == camel_table.from_camel_tools()


def test_tokenize_reads_pieces_as_the_token_regex_does():
    """`tokenize` reads most space-separated pieces without the token regex; it must give the tokens
    the regex gives, with the same offsets and kinds (glued marks, digits, other white space, ²)."""
    from validator.text.tokens import _SPLIT, tokenize

    def by_regex(text):
        out, at = [], 0
        parts = _SPLIT.split(text)
        for k in range(1, len(parts), 2):
            at += len(parts[k - 1])
            first = parts[k][0]
            kind = "number" if first.isdigit() else "word" if first.isalpha() else "punct"
            out.append((len(out), at, at + len(parts[k]), parts[k], kind))
            at += len(parts[k])
        return out

    samples = ["", " ", "  قال  الوزير ", "«داعش»، (تموز) -20 20. .5 3.5 1,200 ال12 12ال",
               "وقال:\n\nالوزير\tان", "a_ _b x² ²x \u00a0 \u3000x"]
    rng = random.Random(7)
    alphabet = "اب 1.,-«»\n\t_²x"
    samples += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 10))) for _ in range(3000)]
    for text in samples:
        assert [tuple(t) for t in tokenize(text)] == by_regex(text), repr(text)


def test_arabic_comma_grouping_thousands_becomes_the_thousands_comma():
    # 3،324،641 ريال: the Arabic comma between digits, before exactly three, groups thousands (one
    # figure, not three); a list's comma (2014، 2015) or one before two digits stays a comma
    assert normalize("تعويض 3،324،641 ريال").text == "تعويض 3,324,641 ريال"
    assert normalize("عامي 2014، 2015").text == "عامي 2014، 2015"
    assert normalize("بين 10،20 نقطه").text == "بين 10،20 نقطه"
    assert normalize("الفتره 2014،2015 كامله").text == "الفتره 2014،2015 كامله"
