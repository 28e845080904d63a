"""Evidence: every finding and structure says what produced it (rule, patterns, lexicon entries) and,
for a requirement that failed, what was looked for and not found; `--explain` prints it."""
from __future__ import annotations

from tests.ci_support import cli


def test_a_finding_carries_its_rule_entries_and_what_was_not_found(validator):
    # (a lead sourced by the next sentence is exempt: the source comes two sentences later here)
    text = ("الرياض - واس\n\nقتل 40 شخصا في هجوم على قرية شمال البلاد.\n\nوتقع القرية قرب الحدود.\n\n"
            "وقال المتحدث باسم الشرطة العقيد فهد العتيبي إن التحقيق مستمر.\n")
    found = [f for f in validator.validate_text(text).findings if f.rule == "unsourced-casualty"]
    assert found, "the unsourced casualty count is flagged"
    evidence = found[0].evidence
    assert evidence[0].startswith("unsourced-casualty@unsourced-casualty.rule:")
    assert any(e.startswith("شخصا@people-nouns.txt:") for e in evidence[1:])
    assert "لم يوجد" in evidence[-1] and "الأقرب: 'قال' → فهد العتيبي (الجملة 4)" in evidence[-1]  # lang ar
    assert found[0].to_json()["evidence"] == list(evidence)


def test_a_quote_kind_names_the_pattern_that_decided_it(validator):
    article = validator.extract_text("وقال الحذيفي: «الحرم آمن»")
    assert article.quotes[0].kind == "speech"
    assert any(e.startswith("speaker-colon-nisba@speakers.pattern:") for e in article.quotes[0].evidence)


def test_explain_prints_evidence_in_arabic_and_english(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("وقالت مصادر مطلعة إن المفاوضات توقفت.\n", encoding="utf-8")
    code, out, _ = cli(["a.txt", "--explain", "--lang", "en"], capsys)
    assert "    evidence: unnamed-source@unnamed-source.rule:" in out
    assert "    evidence: مصادر مطلعة@vague-sources.txt:" in out
    code, out, _ = cli(["a.txt", "--explain"], capsys)
    assert "    الدليل: unnamed-source@unnamed-source.rule:" in out
    code, out, _ = cli(["extract", "a.txt", "--explain"], capsys)
    assert code == 0 and "[unnamed] مصادر مطلعة" in out and "      evidence: مصادر مطلعة@vague-sources.txt:" in out


def test_a_carried_figure_names_the_release_it_continues(validator):
    from validator.extract.evidence import source_chain

    article = validator.extract_text("وأعلنت وزارة الزراعة في بيان أنها صادرت شحنات مخالفة.\n\n"
                                     "وتم إتلاف 420 طنا من الفواكه المستوردة.\n")
    figure = next(n for n in article.numbers if n.value == 420)
    assert source_chain(figure, article) == ["sourced by carry-over from 'في بيان' → وزارة الزراعة (sentence 1)"]


def test_a_title_conflict_and_a_vague_source_name_the_chain_behind_them(validator):
    import re

    text = ("وقال وزير التخطيط ناصر الشريدة إن الخطة جاهزة. وأوضح وزير المالية ناصر الشريدة أن التمويل متوفر.\n\n"
            "ويرى محللون أن القرار جاء متأخرا.\n")
    found = {f.rule: f.evidence for f in validator.validate_text(text).findings}
    titles = found["inconsistent-title"][1:]   # both titles, each with its entry and line:col (lang ar)
    assert [re.sub(r"@titles\.txt:\d+|\(\d+:\d+\)|m\d+", "", e) for e in titles] == [
        " اللقب 'وزير التخطيط'  → ناصر الشريدة [وزير]", " اللقب 'وزير المالية'  → ناصر الشريدة [وزير]"]
    assert re.fullmatch(r"a\d+ 'يرى' → محللون \[رأى@reporting-verbs\.txt:\d+\]", found["unnamed-source"][-1])


def test_a_research_noun_note_names_what_identifies_the_research(validator):
    text = ("النوم المبكر يحسن الذاكرة\n\nأظهرت دراسة أن النوم قبل العاشرة يحسن الذاكرة. وتابع الفريق مئة طالب.\n\n"
            "وقال الباحث سامر خليل إن العينة صغيرة.\n")
    found = [f for f in validator.validate_text(text).findings if f.category == "unnamed-source"]
    assert [(f.rule, f.severity) for f in found] == [("unnamed-source-identified", "info")]
    assert found[0].evidence[-1].endswith("'الباحث' (5:6)")
