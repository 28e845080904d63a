"""Runs the component case files (tests/cases/*.yaml): sentences written by us, each with what must hold.

Each test id is the case's `file:line`, so a failure points at the data. tests/cases/README.md lists the
fields a case may carry.
"""
from __future__ import annotations

import functools
from pathlib import Path

import pytest
import yaml

CASES = Path(__file__).resolve().parent / "cases"


@functools.cache
def _load_cases():
    """(file:line, case) for every case of every case file, the line that of the case's YAML node."""
    params = []
    for path in sorted(CASES.glob("*.yaml")):
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(path.read_text(encoding="utf-8"))
        try:
            root = loader.get_single_node()
            cases = loader.construct_document(root)
        finally:
            loader.dispose()
        for node, case in zip(root.value, cases):
            params.append(pytest.param(case, id=f"{path.name}:{node.start_mark.line + 1}"))
    return params


def _speaker_names(art, quotes):
    return [art.entity(q.speaker).name if art.entity(q.speaker) else None for q in quotes]


def _check_findings(findings, case):

    def of(category):
        return [f for f in findings if f.category == category]

    for category in case.get("raises", []):
        assert of(category), f"expected a {category} finding"
    for category in case.get("silent", []):
        assert not of(category), f"unexpected {category}: {[f.location.text for f in of(category)]}"
    for category, n in case.get("count", {}).items():
        assert len(of(category)) == n, f"{category}: {len(of(category))} findings, expected {n}"
    for category, texts in case.get("at", {}).items():
        assert [f.location.text for f in of(category)] == texts
    for category, lines in case.get("at_lines", {}).items():
        assert [f.location.line for f in of(category)] == lines
    for category, texts in case.get("includes_at", {}).items():
        assert set(texts) <= {f.location.text for f in of(category)}
    for category, severities in case.get("severities", {}).items():
        assert [f.severity for f in of(category)] == severities
    for category, pairs in case.get("rule_severity", {}).items():
        assert [[f.rule, f.severity] for f in of(category)] == pairs
    for category in case.get("silent_above_info", []):
        assert not [f for f in of(category) if f.severity != "info"]


def _check_structures(art, case):
    quotes = art.quotes
    if "quote_kinds" in case:
        assert [q.kind for q in quotes] == case["quote_kinds"]
    for content, kind in case.get("quote_kind_of", {}).items():
        assert [q.kind for q in quotes if q.content == content] == [kind]
    if "quote_count" in case:
        assert len(quotes) == case["quote_count"]
    if case.get("quotes_one_kind"):
        assert len({q.kind for q in quotes}) == 1
    if "quotes_not" in case:
        assert quotes and all(q.kind != case["quotes_not"] for q in quotes)
    if "ambiguous_quotes_not" in case:
        assert all(q.kind != case["ambiguous_quotes_not"] for q in quotes if q.ambiguous)
    if case.get("balanced"):
        (q,) = quotes
        assert q.balanced
    speech = [q for q in quotes if q.kind == "speech"]
    if "speech_count" in case:
        assert len(speech) == case["speech_count"]
    if "speaker" in case:  # every speech quotation is this person's (at least one)
        assert speech and set(_speaker_names(art, speech)) == {case["speaker"]}
    if "quote_speaker" in case:  # every quotation of any kind is this person's
        assert quotes and set(_speaker_names(art, quotes)) == {case["quote_speaker"]}
    if case.get("speaker_titled"):
        assert speech and all(art.entity(q.speaker) is not None and art.entity(q.speaker).titles for q in speech)
    if case.get("quotes_have_speakers"):
        assert quotes and all(q.speaker is not None for q in quotes)
    for verb, name in case.get("source_of", {}).items():
        (att,) = [a for a in art.attributions if a.loc.text == verb]
        assert art.entity(att.source) is not None and art.entity(att.source).name == name
    if "attributions" in case:
        assert bool(art.attributions) == case["attributions"]
    for verb in case.get("attribution_verbs", []):
        assert any(a.loc.text == verb for a in art.attributions)
    for verb in case.get("no_source_from", []):
        assert not [a for a in art.attributions if a.loc.text == verb and a.source]
    for phrase in case.get("attribution_phrases", []):
        assert [a for a in art.attributions if a.phrase == phrase]
    for phrase in case.get("no_attribution_phrases", []):
        assert not [a for a in art.attributions if a.phrase == phrase]
    persons = [e for e in art.entities if e.kind == "person"]
    if "persons" in case:
        assert sorted(e.name for e in persons) == sorted(case["persons"])
    if "named_persons" in case:
        assert sorted(e.name for e in persons if not e.role_only) == sorted(case["named_persons"])
    if "person_mentions" in case:
        assert [len(e.mentions) for e in persons] == case["person_mentions"]
    if case.get("persons_titled"):
        assert persons and all(e.titles for e in persons)
    for word in case.get("no_person_word", []):  # no person whose name's first word is this
        assert not [e for e in persons if e.name.split()[0] == word]
    for prefix in case.get("no_person_prefix", []):
        assert not [e for e in persons if e.name.startswith(prefix)]
    for name, titles in case.get("person_lacks_titles", {}).items():
        held = next((e.titles for e in persons if e.name == name), [])
        assert not set(titles) & set(held)
    numbers = art.numbers
    if "number_nouns" in case:
        assert {n.loc.text: n.noun_type for n in numbers} == case["number_nouns"]
    for surface in case.get("no_number", []):
        assert surface not in [n.loc.text for n in numbers]
    for category in case.get("no_number_category", []):
        assert all(n.category != category for n in numbers)
    for category in case.get("attributed_number_category", []):
        (n,) = [n for n in numbers if n.category == category]
        assert n.attributed
    if "first_person" in case:
        assert bool(art.first_person) == case["first_person"]


@pytest.mark.parametrize("case", _load_cases())
def test_case(validator, extract, case):
    """One extraction per case: its structures are checked, then the rules run on it (validate_text)."""
    article = extract(case["text"], "t.txt")
    if set(case) - _FINDING_FIELDS - {"text", "why"}:
        _check_structures(article, case)
    if set(case) & _FINDING_FIELDS:
        _check_findings(validator.engine.run(article), case)


_FINDING_FIELDS = {"raises", "silent", "count", "at", "at_lines", "includes_at", "severities", "rule_severity",
                   "silent_above_info"}


def test_every_case_field_is_known():
    """A misspelt field would make a case check nothing: every field must be one the runner reads."""
    import inspect

    source = inspect.getsource(_check_structures)
    for param in _load_cases():
        (case,) = param.values
        assert "text" in case, param.id
        unknown = [k for k in case if k not in _FINDING_FIELDS | {"text", "why"} and f'"{k}"' not in source]
        assert not unknown, f"{param.id}: unknown fields {unknown}"
