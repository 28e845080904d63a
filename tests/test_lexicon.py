"""The lexicon matcher: clitics, لل contraction, Arabic word edges, multiword entries, attributes."""
from __future__ import annotations

import pytest

from validator.errors import RuleError
from validator.text.lexicon import Lexicon, Lexicons, parse_file, read_entries
from validator.text.normalize import normalize, normalize_string

LEXICON = """\
# a test lexicon
@attributes kind=head|name|agency; short=*; gender=m|f; group=*
وزارة الصحة | kind=head
الأمم المتحدة | kind=name; short=الأمم
المرصد السوري لحقوق الإنسان | kind=name
وزير | gender=m; group=وزير
وزيرة | gender=f; group=وزير   # feminine
الجيش | kind=head
فارس | kind=agency
مصر
"""


@pytest.fixture()
def lex(tmp_path):
    p = tmp_path / "test.txt"
    p.write_text(LEXICON, encoding="utf-8")
    return parse_file(p)


def _matches(lex: Lexicon, text: str) -> list[tuple[str, str, str]]:
    norm = normalize(text)
    out = []
    for m in lex.finditer(norm.text):
        out.append((text[norm.to_original(m.start):norm.to_original(m.end)], m.prefix, m.entry.text))
    return out


def test_entries_and_comments(lex):
    assert [e.text for e in lex.entries] == ["وزارة الصحة", "الأمم المتحدة", "المرصد السوري لحقوق الإنسان",
                                             "وزير", "وزيرة", "الجيش", "فارس", "مصر"]
    assert lex.entries[0].norm == "وزاره الصحه"
    assert lex.entries[0].source == "test.txt:3"


def test_attribute_parsing(lex):
    e = lex.by_norm[normalize_string("الأمم المتحدة")]
    assert dict(e.attrs) == {"kind": "name", "short": "الأمم"}
    assert e.get("short") == "الأمم" and e.get("missing") is None and e.get("missing", "x") == "x"
    fem = lex.by_norm["وزيره"]
    assert dict(fem.attrs) == {"gender": "f", "group": "وزير"}  # the trailing comment is not a value
    assert dict(lex.by_norm["مصر"].attrs) == {}


@pytest.mark.parametrize("written, clitic", [
    ("وزارة الصحة", ""), ("ووزارة الصحة", "و"), ("فوزارة الصحة", "ف"), ("بوزارة الصحة", "ب"),
    ("لوزارة الصحة", "ل"), ("كوزارة الصحة", "ك"), ("وبوزارة الصحة", "وب"), ("ولوزارة الصحة", "ول"),
])
def test_clitics_on_entries(lex, written, clitic):
    text = f"وأشار التقرير {written} أمس"
    assert _matches(lex, text) == [("وزارة الصحة", clitic, "وزارة الصحة")]


@pytest.mark.parametrize("written, clitic", [
    ("والأمم المتحدة", "و"), ("بالأمم المتحدة", "ب"), ("فالأمم المتحدة", "ف"), ("كالأمم المتحدة", "ك"),
    ("وبالأمم المتحدة", "وب"),
])
def test_clitics_before_the_article(lex, written, clitic):
    assert _matches(lex, f"أشاد الوفد {written} اليوم") == [("الأمم المتحدة", clitic, "الأمم المتحدة")]


def test_lam_contraction(lex):
    # ل + الأمم is written للأمم: the whole contracted form is the match
    found = _matches(lex, "وجه رسالة للأمم المتحدة")
    assert len(found) == 1 and found[0][2] == "الأمم المتحدة"
    assert found[0][0] in ("للأمم المتحدة", "لأمم المتحدة", "الأمم المتحدة")


def test_lam_contraction_with_waw(lex):
    found = _matches(lex, "ووجه رسالة وللأمم المتحدة")
    assert [f[2] for f in found] == ["الأمم المتحدة"]


def test_lam_contraction_on_long_body(lex):
    found = _matches(lex, "ووفقا للمرصد السوري لحقوق الإنسان قتل خمسة")
    assert [f[2] for f in found] == ["المرصد السوري لحقوق الإنسان"]


@pytest.mark.parametrize("text", [
    "قال الفارسي إن",      # longer word
    "الفارس الأخير",       # article + word is another word
    "وصل المصريون",
    "مصري الجنسية",
    "الجيشان تقاتلا",
    "وزيري الخارجية",      # a dual/possessive form is not the entry
    "الوزيرات الجدد",
])
def test_no_match_inside_a_longer_word(lex, text):
    assert _matches(lex, text) == []


def test_word_edges_next_to_punctuation_and_digits(lex):
    assert [m[0] for m in _matches(lex, "(مصر)، «فارس»، 12مصر")] == ["مصر", "فارس", "مصر"]


def test_whole_word_preferred_over_clitic_split(tmp_path):
    p = tmp_path / "names.txt"
    p.write_text("وليد\nليد\nفارس\nارس\n", encoding="utf-8")
    lex = parse_file(p)
    assert _matches(lex, "قال وليد") == [("وليد", "", "وليد")]
    assert _matches(lex, "قال فارس") == [("فارس", "", "فارس")]


def test_multiword_entry_with_variable_spacing(lex):
    assert [m[2] for m in _matches(lex, "المرصد  السوري\u00a0لحقوق الإنسان")] == ["المرصد السوري لحقوق الإنسان"]


def test_multiword_entry_does_not_span_a_line_break(lex):
    assert _matches(lex, "وزارة\nالصحة") == []


def test_multiword_entry_prefix_does_not_match_alone(lex):
    assert _matches(lex, "المرصد السوري وحده") == []


def test_match_is_diacritic_and_spelling_blind(lex):
    assert [m[2] for m in _matches(lex, "وِزَارَةُ الصِّحَّةِ")] == ["وزارة الصحة"]
    assert [m[2] for m in _matches(lex, "وزاره الصحه")] == ["وزارة الصحة"]
    assert [m[2] for m in _matches(lex, "ﺍﻟﺠﻴﺶ")] == ["الجيش"]


def test_match_offsets_exclude_the_clitic(lex):
    norm = normalize_string("ولوزارة الصحة")
    (m,) = list(lex.finditer(norm))
    assert norm[m.start:m.end] == "وزاره الصحه" and m.prefix == "ول"


def test_match_at(lex):
    norm = normalize_string("قال لوزير الصحة")
    m = lex.match_at(norm, norm.index("لوزير"))
    assert m is not None and m.entry.text == "وزير" and m.prefix == "ل"
    assert lex.match_at(norm, 0) is None


@pytest.mark.parametrize("word, expected", [
    ("وزير", "وزير"), ("لوزير", "وزير"), ("ووزيرة", "وزيرة"), ("فوزير", "وزير"), ("بوزير", "وزير"),
    ("وبوزير", "وزير"), ("والجيش", "الجيش"), ("بالجيش", "الجيش"), ("للجيش", "الجيش"),
    ("للامم المتحده", "الأمم المتحدة"), ("والامم المتحده", "الأمم المتحدة"),
    ("ومصر", "مصر"), ("لمصر", "مصر"),
])
def test_lookup_with_clitics(lex, word, expected):
    lex.matcher  # build the index
    e = lex.lookup(normalize_string(word))
    assert e is not None and e.text == expected


@pytest.mark.parametrize("word", ["وزيران", "الوزير", "مصري", "فارسي", "جيش"])
def test_lookup_misses(lex, word):
    lex.matcher
    assert lex.lookup(normalize_string(word)) is None


def test_contains_normalizes(lex):
    assert "وِزَارَةُ الصحة" in lex
    assert "وزارة التعليم" not in lex


def test_duplicate_entries_keep_the_first(tmp_path):
    p = tmp_path / "d.txt"
    p.write_text("@attributes gender=m|f\nوزير | gender=m\nوزير | gender=f\n", encoding="utf-8")
    lex = parse_file(p)
    assert len(lex.entries) == 1 and lex.entries[0].get("gender") == "m"


def test_read_entries_keeps_what_normalizing_folds(tmp_path):
    p = tmp_path / "letters.txt"
    p.write_text("@attributes class=a|b\nبإ | class=a\nبأ | class=a\nة | class=b\n", encoding="utf-8")
    assert [e.text for e in read_entries(p, Lexicon("letters"))] == ["بإ", "بأ", "ة"]
    assert len(parse_file(p).entries) == 2  # a matching lexicon keeps the first of one normalized form


def test_malformed_attribute_raises_rule_error_with_position(tmp_path):
    p = tmp_path / "bad.txt"
    p.write_text("@attributes gender=m|f\nوزير | gender=m\nوزيرة | gender=f; group\n", encoding="utf-8")
    with pytest.raises(RuleError) as info:
        parse_file(p)
    err = info.value
    assert err.path == str(p)
    assert err.line == 3
    assert err.column == "وزيرة | gender=f; group".index("group") + 1
    assert err.one_line().startswith(f"{p}:3:{err.column}: ")
    assert "group" in err.one_line()


def test_attribute_without_key_raises(tmp_path):
    p = tmp_path / "bad.txt"
    p.write_text("# header\n\nوزير | =m\n", encoding="utf-8")
    with pytest.raises(RuleError) as info:
        parse_file(p)
    assert (info.value.line, info.value.column) == (3, len("وزير | ") + 1)


def test_unreadable_lexicon_raises_rule_error(tmp_path):
    p = tmp_path / "latin1.txt"
    p.write_bytes(b"\xff\xfe\xfa bad")
    with pytest.raises(RuleError) as info:
        parse_file(p)
    assert info.value.path == str(p) and info.value.line == 1


def test_extra_folder_extends_builtin_lexicon(tmp_path):
    (tmp_path / "titles.txt").write_text("مبعوث خاص جديد جدا | gender=m\n", encoding="utf-8")
    lexicons = Lexicons([tmp_path])
    titles = lexicons["titles"]
    assert "مبعوث خاص جديد جدا" in titles
    assert len(titles.entries) > 10  # the built-in entries are kept
    assert "titles" in lexicons and "no-such-lexicon" not in lexicons


def test_builtin_lexicons_parse():
    lexicons = Lexicons()
    for name in lexicons.names:
        lex = lexicons[name]
        assert lex.entries, name
        assert lex.schema is not None, f"{name}.txt declares no @attributes line"
        lex.matcher  # every lexicon builds its index


@pytest.mark.parametrize("line, column, message", [
    ("وزير | kind=rol", len("وزير | kind=") + 1, "'rol' is not a value of attribute 'kind' (declared: rank|role)"),
    ("وزير | kinds=role", len("وزير | ") + 1, "unknown attribute 'kinds' (lexicon 'roles' declares: gender, kind"),
])
def test_undeclared_attribute_or_value_fails_with_position(tmp_path, line, column, message):
    p = tmp_path / "roles.txt"
    p.write_text(f"# roles\n@attributes kind=role|rank; gender=*\n{line}\n", encoding="utf-8")
    with pytest.raises(RuleError) as info:
        parse_file(p)
    assert (info.value.line, info.value.column) == (3, column) and message in info.value.message


def test_a_lexicon_without_a_declaration_takes_no_attributes(tmp_path):
    p = tmp_path / "plain.txt"
    p.write_text("وزير | gender=m\n", encoding="utf-8")
    with pytest.raises(RuleError, match="unknown attribute 'gender'.*declares: none"):
        parse_file(p)


def test_an_extra_folder_checks_against_the_builtin_declaration(tmp_path):
    (tmp_path / "titles.txt").write_text("مبعوث الرابطة | kind=envoy\n", encoding="utf-8")
    with pytest.raises(RuleError, match="'envoy' is not a value of attribute 'kind'"):
        Lexicons([tmp_path])["titles"]
    (tmp_path / "titles.txt").write_text("@attributes kind=envoy\nمبعوث الرابطة | kind=envoy\n", encoding="utf-8")
    assert Lexicons([tmp_path])["titles"].lookup(normalize_string("مبعوث الرابطة")).get("kind") == "envoy"


def test_a_broken_lexicon_in_a_run_exits_2_with_its_position(tmp_path, capsys):
    from tests.ci_support import cli

    (tmp_path / "words").mkdir()
    (tmp_path / "words" / "titles.txt").write_text("مبعوث | kind=rol\n", encoding="utf-8")
    (tmp_path / "validate.toml").write_text('lexicons = ["words"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("قال الوزير إن الاجتماع انتهى.\n", encoding="utf-8")
    code, _out, err = cli(["--config", tmp_path / "validate.toml", tmp_path / "a.txt"], capsys)
    assert code == 2 and "titles.txt:1:" in err and "'rol' is not a value of attribute 'kind'" in err


def test_affix_classes_are_read_longest_first_and_a_single_affix_must_be_one():
    from validator.extract.wordclasses import affix, affixes, one_word

    assert affix("article") == "ال"
    clitics = affixes("non-name-clitic")  # a loop that strips the first clitic a word starts with
    assert clitics.index("وال") < clitics.index("و") and set(clitics) >= {"بال", "لل", "ب", "ل"}
    with pytest.raises(RuleError, match="affix class 'pronoun' must hold exactly one entry, it holds 4"):
        affix("pronoun")
    with pytest.raises(RuleError, match="must hold exactly one word"):
        one_word("figure-words", "range-between")


@pytest.mark.parametrize("text, absent", [
    ("وجه رسالة للأمم المتحدة", False),            # ل + الأمم written للأمم: the first word less its alef
    ("وبالأمم المتحدة قرار", False),               # clitics before the article
    ("قال الوزير إن الجيش انسحب", False),          # a one-word entry after the article
    ("قال الفارسي إن الوفد وصل أمس", True),        # a longer word only: no token ends with a first word
    ("وصل الوفد إلى العاصمة صباح اليوم", True),
])
def test_absent_from_is_read_before_a_scan(lex, text, absent):
    from validator.text.tokens import tokenize

    norm = normalize(text).text
    tokens = tokenize(norm)
    assert lex.matcher.absent_from({t.text for t in tokens}) is absent
    if absent:  # (never absent where the scan finds a match)
        assert lex.matcher.scan(tokens, norm)[lex.name] == []
