"""`--format sarif`: valid SARIF 2.1.0 against the official schema, with rules, regions, fingerprints."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.ci_support import ARTICLE, CLEAN, cli, write
from validator.findings import FileResult, Finding, Location, RelatedLocation
from validator.report import sarif

SCHEMA = Path(__file__).parents[2] / "shared/schemas/sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def schema_validator():
    if not SCHEMA.exists():
        pytest.skip(f"official SARIF schema not present at {SCHEMA} (../shared/schemas beside the checkout)")
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


@pytest.fixture
def results(tmp_path, monkeypatch, validator):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "news" / "aleppo.txt", ARTICLE)
    write(tmp_path / "news" / "clean.txt", CLEAN)
    return [validator.validate_file("news/aleppo.txt"), validator.validate_file("news/clean.txt"),
            validator.validate_file("news/missing.txt")]


def _check(schema_validator, data):
    errors = sorted(schema_validator.iter_errors(data), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def test_valid_against_official_schema(schema_validator, results, validator):
    data = json.loads(sarif.render(results, validator.rules))
    _check(schema_validator, data)
    assert data["version"] == "2.1.0" and len(data["runs"]) == 1


def test_driver_rules_come_from_loaded_rules(results, validator):
    run = sarif.build(results, validator.rules)["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] and driver["version"] and driver["informationUri"].startswith("https://")
    ids = [r["id"] for r in driver["rules"]]
    assert ids[:len(validator.rules)] == [r.id for r in validator.rules]
    casualty = next(r for r in driver["rules"] if r["id"] == "unsourced-casualty")
    rule = next(r for r in validator.rules if r.id == "unsourced-casualty")
    assert casualty["defaultConfiguration"]["level"] == "error"
    assert casualty["properties"]["category"] == rule.category
    assert casualty["fullDescription"]["text"] == rule.description
    assert casualty["shortDescription"]["text"]
    # the help carries the rule's own examples
    assert all(e.text in casualty["help"]["text"] for e in rule.examples)


def test_results_regions_and_fingerprints(results, validator):
    run = sarif.build(results, validator.rules)["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    by_rule = {r["ruleId"]: r for r in run["results"]}
    res = by_rule["unsourced-casualty"]
    assert rules[res["ruleIndex"]]["id"] == "unsourced-casualty"
    assert res["level"] == "error" and res["message"]["text"]
    loc = res["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "news/aleppo.txt"
    region = loc["region"]
    finding = next(f for f in results[0].findings if f.rule == "unsourced-casualty")
    assert region["startLine"] == 3 == finding.location.line
    assert (region["startColumn"], region["endLine"], region["endColumn"]) == (
        finding.location.column, finding.location.end_line, finding.location.end_column)
    assert ARTICLE[region["charOffset"]:region["charOffset"] + region["charLength"]] == region["snippet"]["text"] == "15"
    assert res["partialFingerprints"] == {sarif.FINGERPRINT_KEY: finding.fingerprint}
    assert by_rule["unnamed-source"]["level"] == "warning"


def test_unreadable_file_is_a_notification(results, validator):
    inv = sarif.build(results, validator.rules)["runs"][0]["invocations"][0]
    assert inv["executionSuccessful"] is False
    (note,) = inv["toolExecutionNotifications"]
    assert note["level"] == "error" and "missing.txt" in note["message"]["text"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "news/missing.txt"


def test_related_locations_and_extra_rules(schema_validator, validator):
    text = "«نص» قاله أحد"
    loc = Location(0, 4, 1, 1, 1, 5, "«نص»")
    speaker = Location(5, 9, 1, 6, 1, 10, "قاله")
    f = Finding("unnamed-speaker", "unnamed-speaker", "error", "m", loc,
                (RelatedLocation(speaker, "speaker"),), "abc123:0")
    stale = Finding("unused-suppression", "suppression", "info", "unused", Location(0, 0, 1, 1, 1, 1, ""),
                    fingerprint="def456:0")
    data = sarif.build([FileResult("/elsewhere/x.txt", [f, stale], text=text)], validator.rules)
    _check(schema_validator, data)
    run = data["runs"][0]
    res, note = run["results"]
    assert res["relatedLocations"][0]["message"]["text"] == "speaker"
    assert res["relatedLocations"][0]["physicalLocation"]["region"]["snippet"]["text"] == "قاله"
    assert res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("file:///")
    assert note["level"] == "note"
    assert run["tool"]["driver"]["rules"][note["ruleIndex"]]["id"] == "unused-suppression"


def test_cli_sarif_is_pure_json(tmp_path, monkeypatch, capsys, schema_validator):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.txt", ARTICLE)
    code, out, err = cli(["a.txt", "--format", "sarif"], capsys)
    assert code == 1
    data = json.loads(out)
    _check(schema_validator, data)
    assert {r["ruleId"] for r in data["runs"][0]["results"]} == {"unsourced-casualty", "unnamed-source"}
    assert "\x1b" not in out
