"""Property tests over Arabic-heavy random text: extraction never raises, every span is a true slice of
the text with the right line and column, the JSON report always parses, and findings are
deterministic. Kept small for CI; `benchmarks/fuzz_long.py` runs the same properties for longer."""
from __future__ import annotations

import bisect
import json
import re

from hypothesis import HealthCheck, example, given, settings
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
         "عشرات", "أصيب", "إن", "أن", "الحصيلة", "ارتفعت", "إلى", "عن", "للأنباء", "وكالة", "شهود عيان",
         "تقرير", "دراسة", "ماري", "جان"]

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
@example(data=b"\xf0\n\n\x01\xc1")  # a two-word "headline" and nothing after its copy in the body
def test_any_bytes_decode_or_fail_with_one_line(validator, data):
    from validator import document
    from validator.errors import InputError

    try:
        text, _ = document.decode(data, "bytes.txt")
    except InputError as e:
        assert "\n" not in str(e) and str(e).startswith("bytes.txt: ")
        return
    check_findings(text, validator.validate_text(text, "bytes.txt").findings)


# -- the files that steer a run: any bytes give a result or a one-line error (exit 2), never a traceback --

SETTINGS_TOKENS = [
    "[", "]", "[[", "]]", "{", "}", "=", ",", ":", '"', "'", '"""', "\n", "\r\n", " ", "\t", "#", ".", "\\", "/",
    "version", "files", "rule", "fingerprint", "line", "reason", "path", "ignore", "[[ignore]]", "[severity]",
    "[tool.validate]", "rules", "lexicons", "disable", "severity", "include", "exclude", "fail-on", "tool",
    "true", "false", "null", "0", "1", "-1", "1.5", "1e999", "9" * 40, "0x1f", '"error"', '"never"', '"a.txt"',
    '"3f9c0a6be2d1c4e7:0"', "3f9c0a6be2d1c4e7", "*", "**/", "?", "[z-a]", "[!a]", "..", "ا", "unnamed-source",
    "\x00", "\x1b", "\ufeff", "\u202e", "\ud7ff", "\\u0000", "\\n",
]
SETTINGS_TEXT = st.lists(st.sampled_from(SETTINGS_TOKENS), max_size=80).map("".join)
SETTINGS_KEYS = ["version", "files", "rule", "fingerprint", "line", "reason", "path", "ignore", "rules", "lexicons",
                 "disable", "severity", "include", "exclude", "fail-on", "tool", "validate", "a.txt", "x"]
# Well-formed values of every type in the places the loaders look, so the checks after parsing are reached.
SETTINGS_VALUES = st.recursive(
    st.one_of(st.booleans(), st.integers(), st.floats(), st.text(max_size=12), st.sampled_from(SETTINGS_TOKENS)),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(SETTINGS_KEYS), inner, max_size=4),
    max_leaves=12)


def toml_value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return {"inf": "inf", "-inf": "-inf", "nan": "nan"}.get(repr(v), repr(v))
    if isinstance(v, list):
        return "[" + ", ".join(map(toml_value, v)) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{json.dumps(k)} = {toml_value(x)}" for k, x in v.items()) + "}"
    return json.dumps(v) if isinstance(v, str) else str(v)


def settings_tables(keys: list[str]):
    return st.dictionaries(st.sampled_from(keys), SETTINGS_VALUES | st.lists(st.sampled_from(SETTINGS_TOKENS), max_size=3),
                           max_size=6)


CONFIG_KEYS = ["rules", "lexicons", "disable", "include", "exclude", "fail-on", "severity", "x"]
IGNORE_KEYS = ["rule", "fingerprint", "line", "reason", "path", "x"]
WELL_FORMED_SETTINGS = st.one_of(
    settings_tables(CONFIG_KEYS).map(lambda d: "".join(f"{json.dumps(k)} = {toml_value(v)}\n" for k, v in d.items())),
    st.lists(settings_tables(IGNORE_KEYS), max_size=4).map(
        lambda ds: "".join("[[ignore]]\n" + "".join(f"{k} = {toml_value(v)}\n" for k, v in d.items()) for d in ds)),
    st.tuples(SETTINGS_VALUES, st.dictionaries(st.sampled_from(SETTINGS_KEYS), SETTINGS_VALUES, max_size=3))
      .map(lambda t: json.dumps({"version": t[0], "files": t[1]})),
).map(str.encode)
SETTINGS_BYTES = st.one_of(
    WELL_FORMED_SETTINGS,
    st.binary(max_size=300),
    SETTINGS_TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.tuples(st.sampled_from(["x = ", "", '{"version": 1, "files": {"a": ', "[[ignore]]\nrule = "]),
              st.sampled_from(["[", "{", '{"a": ', "[{"]), st.integers(0, 3_000))
      .map(lambda t: (t[0] + t[1] * t[2]).encode()),
)


def settings_loaders():
    """Each parser of a settings file, then what a run does with what it loaded, with the one error
    it may raise (the CLI: exit 2, one line)."""
    from validator import baseline, config, suppress

    def load_config(path):
        config.clear_cache()
        conf = config.load(path)
        article = path.parent / "news" / "a.txt"
        conf.included(article), conf.excluded(article)

    def load_central(path):
        suppress.for_article(suppress.load_central(path), path, str(path.parent / "a.txt"))

    return {"config": (load_config, config.ConfigError),
            "baseline": (lambda path: baseline.load(path).known(str(path.parent / "a.txt")), baseline.BaselineError),
            "ignore-file": (load_central, suppress.SuppressionError),
            "sidecar": (lambda path: suppress.parse(path, central=False), suppress.SuppressionError)}


def check_settings(kind: str, data: bytes, folder) -> None:
    load, error = settings_loaders()[kind]
    path = folder / ("validate.toml" if kind == "config" else "settings")
    path.write_bytes(data)
    try:
        load(path)
    except error as e:
        assert "\n" not in e.one_line(), e.one_line()


@settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))
@given(kind=st.sampled_from(["config", "baseline", "ignore-file", "sidecar"]), data=SETTINGS_BYTES)
def test_settings_files_parse_or_fail_with_one_line(tmp_path_factory, kind, data):
    check_settings(kind, data, tmp_path_factory.mktemp("settings"))
