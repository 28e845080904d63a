"""docs/rules.md: its worked examples really run, and its reference tables cover every field, placeholder
and Arabic keyword the code knows."""
from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from tests.ci_support import run_here
from validator.rules import keywords
from validator.rules.fields import FIELDS, PLACEHOLDERS
from validator.rules.loader import load_text

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "rules.md"

# An article each worked example must flag (sentences written for this test), by rule id.
ARTICLES = {
    "house-style-american": "وزار السفير الأمريكي مدرسة القرية صباح اليوم برفقة مدير التعليم.\n",
    "big-money-needs-source": "وخصصت الحكومة 8 ملايين دولار لبناء مستشفى جديد في الجنوب.\n",
    "نسبة-بلا-مصدر": "وارتفعت أسعار الخبز بنسبة 15% في الأسواق المحلية خلال الشهر الماضي.\n",
}
# What each worked example must find in its article.
FLAGGED_TEXT = {"house-style-american": "أمريكي", "big-money-needs-source": "8 ملايين", "نسبة-بلا-مصدر": "15%"}


def run_all(commands: dict) -> dict:
    return {key: run_here(*args) for key, args in commands.items()}


def guide() -> str:
    return GUIDE.read_text(encoding="utf-8")


def worked_examples() -> list[str]:
    """The complete rule files of the guide: fenced blocks whose info string is `rule`."""
    return re.findall(r"^```rule\n(.*?)^```$", guide(), flags=re.S | re.M)


def rule_id(block: str) -> str:
    return re.search(r"^(?:rule|قاعدة) (\S+)", block, flags=re.M)[1]


def findings_of(p: subprocess.CompletedProcess) -> list[dict]:
    return [f for file in json.loads(p.stdout)["files"] for f in file["findings"]]


# -- the worked examples -------------------------------------------------------------------------------

def test_the_guide_has_three_worked_examples():
    blocks = worked_examples()
    assert len(blocks) == 3
    assert [rule_id(b) for b in blocks] == list(ARTICLES)
    for block in blocks:
        rules = load_text(block, "guide.rule")
        assert len(rules) == 1
        assert sum(e.expect_flag for e in rules[0].examples) >= 1
        assert sum(not e.expect_flag for e in rules[0].examples) >= 1


def test_example_a_forbids_with_a_suggestion():
    r = load_text(worked_examples()[0], "a.rule")[0]
    assert r.structure == "sentence" and r.requirement.suggestion == "أميركي"


def test_example_b_is_a_stricter_sourcing_policy():
    r = load_text(worked_examples()[1], "b.rule")[0]
    assert r.severity == "error" and r.requirement.scope == "sentence"
    assert "value > 1000000" in worked_examples()[1]


ENGLISH_WORDS = {"rule", "category", "severity", "description", "message", "for", "each", "where", "and", "or",
                 "not", "in", "lexicon", "matches", "require", "source", "within", "consistent", "by",
                 "tolerance", "factor", "forbid", "suggest", "flag", "pass", "tags", "error", "warning", "info",
                 "ar", "en", "number", "sentence", "paragraph", "article"}


def test_example_c_uses_arabic_keywords_only():
    block = worked_examples()[2]
    code = re.sub(r'"[^"]*"|#.*', "", block)  # drop quoted text and comments
    words = set(re.findall(r"[A-Za-z_]+", code)) - set(FIELDS["number"])  # field names stay English
    assert not words & ENGLISH_WORDS, words & ENGLISH_WORDS
    for keyword in ("قاعدة", "فئة", "خطورة", "لكل", "حيث", "يتطلب", "مخالف", "سليم"):
        assert re.search(rf"(?<!\S){keyword}(?!\S)", code), keyword


@pytest.fixture(scope="module")
def guide_runs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("guide")
    commands = {}
    for i, block in enumerate(worked_examples()):
        rid = rule_id(block)
        rules_dir = folder / f"example-{i}"
        rules_dir.mkdir()
        (rules_dir / f"example-{i}.rule").write_text(block, encoding="utf-8")
        article = folder / f"article-{i}.txt"
        article.write_text(ARTICLES[rid], encoding="utf-8")
        commands[(rid, "test")] = ["rules", "test", rules_dir]
        commands[(rid, "check")] = ["rules", "check", rules_dir]
        commands[(rid, "run")] = ["--rules", rules_dir, "--format", "json", "--fail-on", "warning", article]
        commands[(rid, "explain")] = ["rules", "explain", rid, "--rules", rules_dir]
    return run_all(commands)


@pytest.mark.parametrize("rid", list(ARTICLES))
def test_worked_example_passes_its_own_tests(guide_runs, rid):
    block = next(b for b in worked_examples() if rule_id(b) == rid)
    n = len(load_text(block, "x.rule")[0].examples)
    p = guide_runs[(rid, "test")]
    assert p.returncode == 0, p.stdout + p.stderr
    assert p.stdout.strip().splitlines()[-1] == f"{n} passed, 0 failed"
    assert guide_runs[(rid, "check")].returncode == 0
    assert guide_runs[(rid, "explain")].returncode == 0
    assert guide_runs[(rid, "explain")].stdout.startswith(rid)


@pytest.mark.parametrize("rid", list(ARTICLES))
def test_worked_example_flags_an_article(guide_runs, rid):
    p = guide_runs[(rid, "run")]
    assert p.returncode == 1, p.stdout + p.stderr  # a finding at warning or above
    mine = [f for f in findings_of(p) if f["rule"] == rid]
    assert [f["text"] for f in mine] == [FLAGGED_TEXT[rid]]


def test_copy_and_edit_worked_example_a(tmp_path):
    """An editor copies example (a) and swaps the phrase, the suggestion and the message."""
    block = worked_examples()[0]
    edited = (block.replace("house-style-american", "house-style-phone")
                   .replace("أمريكي", "تليفون").replace("أميركي", "هاتف")
                   .replace("دليل الأسلوب: اكتب", "أسلوبنا: اكتب"))
    assert edited.count("تليفون") >= 3 and "أمريكي" not in edited
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "phone.rule").write_text(edited, encoding="utf-8")
    article = tmp_path / "article.txt"
    article.write_text("واتصل رئيس البلدية بالمحافظ عبر التليفون مساء أمس لبحث أزمة المياه.\n", encoding="utf-8")
    old = tmp_path / "old.txt"
    old.write_text(ARTICLES["house-style-american"], encoding="utf-8")
    out = run_all({"test": ["rules", "test", folder],
                   "run": ["--rules", folder, "--format", "json", "--fail-on", "warning", article],
                   "old": ["--rules", folder, "--format", "json", "--fail-on", "never", old]})
    assert out["test"].returncode == 0, out["test"].stdout
    assert out["test"].stdout.strip().endswith("passed, 0 failed")
    mine = [f for f in findings_of(out["run"]) if f["rule"] == "house-style-phone"]
    assert len(mine) == 1
    assert mine[0]["text"] == "تليفون"
    assert mine[0]["message"] == "أسلوبنا: اكتب «هاتف» بدلا من «تليفون»"
    assert out["run"].returncode == 1
    # the edited rule no longer flags the old phrase
    assert not [f for f in findings_of(out["old"]) if f["rule"] == "house-style-phone"]


# -- the reference tables are complete -----------------------------------------------------------------------

def field_tables(structure: str) -> list[set[str]]:
    """The fields listed in each table under a `#### `structure`` heading (one per language)."""
    tables = []
    for m in re.finditer(rf"^#### `{structure}`.*?$(.*?)(?=^#{{1,4}} )", guide(), flags=re.S | re.M):
        rows = re.findall(r"^\| `([a-z_]+)` \|", m[1], flags=re.M)
        tables.append(set(rows))
    return tables


@pytest.mark.parametrize("structure", list(FIELDS))
def test_every_field_is_documented_in_both_languages(structure):
    tables = field_tables(structure)
    assert len(tables) == 2, f"expected an Arabic and an English table for {structure}"
    for table in tables:
        missing = set(FIELDS[structure]) - table
        assert not missing, f"{structure}: fields missing from docs/rules.md: {sorted(missing)}"
        unknown = table - set(FIELDS[structure])
        assert not unknown, f"{structure}: docs/rules.md lists fields the code does not have: {sorted(unknown)}"


def test_every_placeholder_is_documented_in_both_languages():
    rows = re.findall(r"^\| `\{([a-z_]+)\}` \|", guide(), flags=re.M)
    for name in PLACEHOLDERS:
        assert rows.count(name) == 2, f"placeholder {{{name}}} should have a row in each language"
    assert set(rows) == set(PLACEHOLDERS)


def test_every_keyword_alias_is_documented():
    text = guide()
    for english, aliases in keywords.KEYWORDS.items():
        for alias in aliases:
            assert f"`{alias}`" in text, alias
        rows = re.findall(rf"^\| `{english}` \| (.*) \|$", text, flags=re.M)
        with_aliases = [row for row in rows if all(f"`{a}`" in row for a in aliases)]
        assert len(with_aliases) >= 2, english  # a row in the Arabic and in the English keyword table
    for table in (keywords.SEVERITY_ALIASES, keywords.STRUCTURE_ALIASES, keywords.SCOPE_ALIASES,
                  keywords.LANG_ALIASES):
        for alias, english in table.items():
            assert f"`{alias}`" in text and f"`{english}`" in text, alias


def test_every_operator_and_clause_is_documented():
    text = guide()
    for op in ("`field = value`", "`field != value`", "`field < n`", "`field <= n`", "`field > n`",
               "`field >= n`", "`field in (a, b, \"c d\")`", "`field in lexicon NAME`",
               "`field matches \"pattern\"`", "`A and B`", "`A or B`", "`not A`", "`( ... )`"):
        assert op in text, op
    for clause in ("`rule ID`", "`category WORD`", "`severity error\\|warning\\|info`", "`description \"...\"`",
                   "`message ar \"...\"`", "`for each STRUCTURE`", "`for each STRUCTURE where CONDITION`",
                   "`require CONDITION`", "`require source within sentence\\|paragraph\\|article`",
                   "`require consistent titles\\|value\\|spelling`", "`forbid`", "`forbid suggest \"...\"`",
                   "`flag \"...\"`", "`pass \"...\"`", "`tags a, b`"):
        assert text.count(clause) >= 2, clause  # in the Arabic and in the English clause table


def test_the_guide_has_both_languages():
    text = guide()
    arabic = text.index("## الجزء الأول: الدليل بالعربية")
    english = text.index("## Part 2: the guide in English")
    examples = text.index("## Part 3: worked examples")
    assert arabic < english < examples
    for n in range(1, 13):
        assert re.search(rf"^### {n}\. ", text[english:examples], flags=re.M), n
    for n in "١٢٣٤٥٦٧٨٩":
        assert re.search(rf"^### {n}\. ", text[arabic:english], flags=re.M), n
