"""The seed article the project started from (../shared/corpus/seed-article.txt): what an editor expects."""
from __future__ import annotations

import pytest

from tests.conftest import SHARED
from validator.text.normalize import normalize_string

SEED = SHARED / "corpus" / "seed-article.txt"
pytestmark = pytest.mark.skipif(not SEED.exists(), reason="shared corpus not present beside the checkout")

PEOPLE = {
    "فؤاد حسين": "وزير الخارجية العراقي",
    "سعيد خطيب زاده": "المتحدث باسم وزارة الخارجية",
    "محمد جواد ظريف": "وزير الخارجية الإيراني",
    "أحمد الصحاف": "المتحدث باسم وزارة الخارجية العراقية",
    "جو بايدن": "الرئيس الأميركي",
    "جون كيربي": "المتحدث باسم وزارة الدفاع الأميركية",
    "قاسم سليماني": "قائد فيلق القدس",
}


@pytest.fixture(scope="module")
def seed(validator):
    return validator.extract_file(str(SEED))


@pytest.fixture(scope="module")
def seed_findings(validator):
    return validator.validate_file(str(SEED)).findings


def _person(article, name):
    return next((e for e in article.entities if e.kind == "person" and normalize_string(e.name) == normalize_string(name)),
                None)


def test_seven_people_with_their_titles(seed):
    persons = [e for e in seed.entities if e.kind == "person" and not e.role_only]
    assert sorted(normalize_string(e.name) for e in persons) == sorted(normalize_string(n) for n in PEOPLE)
    for name, title in PEOPLE.items():
        entity = _person(seed, name)
        titles = [normalize_string(t).replace('"', "") for t in entity.titles]
        assert any(normalize_string(title) in t for t in titles), (name, entity.titles)


def test_hussein_on_line_16_is_the_foreign_minister(seed):
    hussein = _person(seed, "فؤاد حسين")
    assert any(m.loc.line == 16 and m.loc.text == "حسين" for m in hussein.mentions)
    # the headline's title and "الوزير العراقي" on line 4 are the same person
    assert {1, 3, 4, 16} <= {m.loc.line for m in hussein.mentions}


def test_casualty_count_line_7(seed):
    n = next(n for n in seed.numbers if n.loc.line == 7 and n.value == 22)
    assert n.category == "casualty"
    assert normalize_string(n.qualifier) == normalize_string("على الأقل")
    assert normalize_string(seed.entity(n.source).name) == normalize_string("المرصد السوري لحقوق الانسان")


def test_year_and_ordinal(seed):
    assert any(n.loc.line == 13 and n.value == 2020 and n.category == "year" for n in seed.numbers)
    assert any(n.loc.line == 3 and n.loc.text == "الثانية" and n.category == "ordinal" for n in seed.numbers)


def test_quoted_names_and_quotes(seed):
    kinds = {q.content: q.kind for q in seed.quotes if q.balanced}
    assert kinds["فارس"] == "name"
    assert kinds["حزب الله"] == "name"
    line10 = [q for q in seed.quotes if q.loc.line == 10]
    assert line10 and line10[0].kind == "speech"
    assert any(not q.balanced for q in seed.quotes if q.loc.line == 16)
    assert all(q.balanced for q in seed.quotes if q.loc.line != 16)


def test_editor_findings(seed_findings):
    got = {(f.category, f.location.line) for f in seed_findings if f.severity in ("error", "warning")}
    assert ("unnamed-source", 12) in got
    assert ("unbalanced-quote", 16) in got
    for line in (3, 7, 13):
        assert ("unsourced-number", line) not in got
    assert ("missing-title", 16) not in got
    assert ("unnamed-speaker", 16) not in got
