"""Property tests over Arabic-heavy random text: extraction never raises, every span is a true slice of
the text with the right line and column, the JSON report always parses, and findings are
deterministic. Kept small for CI; `benchmarks/fuzz_long.py` runs the same properties for longer."""
from __future__ import annotations

import bisect
import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from validator.findings import FileResult, Location

LETTERS = [chr(c) for c in range(0x0621, 0x064B)]           # hamza .. yeh
DIACRITICS = [chr(c) for c in range(0x064B, 0x0653)] + ["\u0670"]
DIGITS = list("0123456789") + [chr(c) for c in range(0x0660, 0x066A)]
NUMBER_MARKS = ["٫", "٬", "٪", "%", ".", ","]
PUNCT = [".", "؟", "!", "؛", "،", ":", "-", "(", ")"]
QUOTES = ['"', "«", "»", "“", "”"]
SPACES = [" ", " ", " ", "\n", "\r\n", "\n\n", "\t", "\u00a0"]
LATIN = list("abcdefghijklmnopqrstuvwxyzABC")
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202b", "\u202c", "\u2066", "\u2069", "\ufeff",
             "\u061c"]
PRESENTATION = ["ﻻ", "ﷲ", "ﻷ", "ﺍ", "ﻟ", "ﷺ"]
TATWEEL = ["\u0640"]
WORDS = ["قال", "وقال", "أعلنت", "وزارة", "الصحة", "مقتل", "قتيلا", "شخصا", "مصادر", "مطلعة", "الرئيس",
         "وزير", "الخارجية", "محمد", "أحمد", "الأميركي", "الأمريكي", "بحسب", "مليون", "دولار", "في المئة",
         "عشرات", "أصيب", "إن", "أن", "الحصيلة", "ارتفعت", "إلى", "عن", "للأنباء", "وكالة", "شهود عيان"]

ATOMS = st.one_of(
    st.sampled_from(LETTERS), st.sampled_from(LETTERS), st.sampled_from(LETTERS),
    st.sampled_from(WORDS), st.sampled_from(WORDS), st.sampled_from(SPACES), st.sampled_from(SPACES),
    st.sampled_from(DIACRITICS), st.sampled_from(DIGITS), st.sampled_from(DIGITS), st.sampled_from(NUMBER_MARKS),
    st.sampled_from(PUNCT), st.sampled_from(QUOTES), st.sampled_from(LATIN), st.sampled_from(INVISIBLE),
    st.sampled_from(PRESENTATION), st.sampled_from(TATWEEL),
)
ARABIC_TEXT = st.lists(ATOMS, min_size=0, max_size=300).map("".join)

_BREAK = re.compile(r"\r\n|\r|\n")


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of an offset, computed independently of the document layer."""
    starts = [0] + [m.end() for m in _BREAK.finditer(text)]
    i = bisect.bisect_right(starts, offset) - 1
    return i + 1, offset - starts[i] + 1


def check_location(text: str, loc: Location, what: str) -> None:
    assert 0 <= loc.start <= loc.end <= len(text), (what, loc)
    assert loc.text == text[loc.start:loc.end], (what, loc)
    assert (loc.line, loc.column) == line_col(text, loc.start), (what, loc)
    assert (loc.end_line, loc.end_column) == line_col(text, loc.end), (what, loc)


def check_article(text: str, article) -> None:
    for n in article.numbers:
        check_location(text, n.loc, f"number {n.id}")
    for q in article.quotes:
        check_location(text, q.loc, f"quote {q.id}")
        if q.unmatched is not None:
            check_location(text, q.unmatched, f"quote {q.id} unmatched")
    for e in article.entities:
        for m in e.mentions:
            check_location(text, m.loc, f"mention {m.id}")
            if m.title_loc is not None:
                check_location(text, m.title_loc, f"mention {m.id} title")
    for a in article.attributions:
        check_location(text, a.loc, f"attribution {a.id}")


def check_findings(text: str, findings) -> None:
    for f in findings:
        check_location(text, f.location, f"finding {f.rule}")
        for r in f.related:
            check_location(text, r.location, f"finding {f.rule} related")


FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(text=ARABIC_TEXT)
def test_extraction_spans_findings_and_json(validator, text):
    from validator.extract.serialize import article_to_json
    from validator.report import json_report

    article = validator.extract_text(text, "fuzz.txt")
    check_article(text, article)
    findings = validator.engine.run(article)
    check_findings(text, findings)
    json.loads(json.dumps(article_to_json(article), ensure_ascii=False))
    report = json_report.render([FileResult("fuzz.txt", findings, text=text)])
    assert len(json.loads(report)["files"][0]["findings"]) == len(findings)
    again = validator.engine.run(validator.extract_text(text, "fuzz.txt"))
    assert again == findings


@FUZZ
@given(text=st.text(max_size=200))
def test_any_unicode_text(validator, text):
    """Not only Arabic: any code points at all (surrogates excluded by hypothesis' default alphabet)."""
    result = validator.validate_text(text, "any.txt")
    check_findings(text, result.findings)
    from validator.report import json_report

    json.loads(json_report.render([result]))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=ARABIC_TEXT.filter(lambda t: t.strip()))
def test_bytes_round_trip_through_decoding(validator, tmp_path_factory, text):
    """UTF-8 and UTF-16 files of the same text give the same findings as the text itself."""
    folder = tmp_path_factory.mktemp("enc")
    expected = validator.validate_text(text, "x.txt").findings
    for name, data in (("u8.txt", text.encode()), ("u16.txt", text.encode("utf-16"))):
        if name == "u8.txt" and text.startswith("\ufeff"):
            continue  # a leading U+FEFF in a UTF-8 file is its byte-order mark, not text
        path = folder / name
        path.write_bytes(data)
        result = validator.validate_file(str(path))
        if result.error:  # e.g. only invisible characters: refused as empty, with one line
            assert "\n" not in result.error and "empty article" in result.error
            continue
        assert [(f.rule, f.location.start, f.location.end, f.message) for f in result.findings] == \
               [(f.rule, f.location.start, f.location.end, f.message) for f in expected]


@FUZZ
@given(data=st.one_of(st.binary(max_size=300), ARABIC_TEXT.map(lambda t: t.encode("cp1256", "ignore")),
                      ARABIC_TEXT.map(lambda t: t.encode()[:-1])))
def test_any_bytes_decode_or_fail_with_one_line(validator, data):
    from validator import document
    from validator.errors import InputError

    try:
        text, _ = document.decode(data, "bytes.txt")
    except InputError as e:
        assert "\n" not in str(e) and str(e).startswith("bytes.txt: ")
        return
    check_findings(text, validator.validate_text(text, "bytes.txt").findings)
