"""`--format sarif`: SARIF 2.1.0 for code-scanning dashboards (GitHub, GitLab, Azure DevOps).

One run; `tool.driver.rules` from the loaded rules (plus any rule that only appears in results, such
as `unused-suppression`); regions in Unicode code points (`columnKind`), with charOffset/charLength
and the flagged text as snippet; `partialFingerprints` carry the finding's fingerprint so dashboards
track a finding across commits even when lines shift; files that could not be read are
`toolExecutionNotifications` and make `executionSuccessful` false.
"""
from __future__ import annotations

import json

from validator.findings import FileResult, Finding, Location
from validator.report._paths import uri
from validator.rules.model import Rule

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/arabic-news-validator/arabic-news-validator"
FINGERPRINT_KEY = "validatorFingerprint/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
TOOL_NAME = "arabic-news-validator"


def version() -> str:
    from importlib.metadata import PackageNotFoundError, version as v

    try:
        return v("arabic-news-validator")
    except PackageNotFoundError:
        return "0.0.0"


def render(results: list[FileResult], rules: list[Rule] | None = None) -> str:
    return json.dumps(build(results, rules), ensure_ascii=False, indent=2) + "\n"


def build(results: list[FileResult], rules: list[Rule] | None = None) -> dict:
    descriptors, index = _descriptors(rules or [], results)
    sarif_results, notifications = [], []
    for r in results:
        if r.error:
            notifications.append({
                "level": "error",
                "message": {"text": r.error},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(r.path)}}}],
                "descriptor": {"id": "unreadable-file"},
            })
            continue
        for f in r.findings:
            sarif_results.append(_result(r, f, index[f.rule]))
    run = {
        "tool": {"driver": {
            "name": TOOL_NAME, "version": version(), "semanticVersion": version(),
            "informationUri": INFORMATION_URI, "rules": descriptors,
        }},
        "invocations": [{
            "executionSuccessful": not notifications,
            "toolExecutionNotifications": notifications,
        }],
        "columnKind": "unicodeCodePoints",
        "results": sarif_results,
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def _descriptors(rules: list[Rule], results: list[FileResult]) -> tuple[list[dict], dict[str, int]]:
    out, index = [], {}
    for rule in rules:
        if rule.id in index:
            continue
        index[rule.id] = len(out)
        out.append(_descriptor(rule))
    for r in results:
        for f in r.findings:
            if f.rule not in index:
                index[f.rule] = len(out)
                out.append(_extra_descriptor(f))
    return out, index


def _descriptor(rule: Rule) -> dict:
    description = rule.description or rule.messages.get("en") or rule.id
    short = description.split(". ")[0].rstrip(".") + "."
    help_lines = [description]
    flags = [e.text for e in rule.examples if e.expect_flag]
    passes = [e.text for e in rule.examples if not e.expect_flag]
    md_lines = [description]
    if flags:
        help_lines.append("Flagged: " + " | ".join(flags))
        md_lines.append("\n**Flagged**\n\n" + "\n".join(f"- {t}" for t in flags))
    if passes:
        help_lines.append("Passes: " + " | ".join(passes))
        md_lines.append("\n**Passes**\n\n" + "\n".join(f"- {t}" for t in passes))
    d = {
        "id": rule.id,
        "name": _camel(rule.id),
        "shortDescription": {"text": short},
        "fullDescription": {"text": description},
        "help": {"text": "\n".join(help_lines), "markdown": "\n".join(md_lines)},
        "defaultConfiguration": {"level": LEVELS.get(rule.severity, "warning")},
        "properties": {"category": rule.category, "tags": [rule.category, *rule.tags]},
    }
    if "en" in rule.messages:
        d["messageStrings"] = {"en": {"text": rule.messages["en"]}}
    return d


def _extra_descriptor(f: Finding) -> dict:
    text = {"unused-suppression": "A suppression (sidecar, ignore file or inline comment) that matched no finding."}
    description = text.get(f.rule, f.rule)
    return {
        "id": f.rule, "name": _camel(f.rule),
        "shortDescription": {"text": description}, "fullDescription": {"text": description},
        "help": {"text": description},
        "defaultConfiguration": {"level": LEVELS.get(f.severity, "warning")},
        "properties": {"category": f.category, "tags": [f.category]},
    }


def _camel(rule_id: str) -> str:
    return "".join(part.capitalize() for part in rule_id.replace("_", "-").split("-") if part)


def _physical(path: str, loc: Location) -> dict:
    region = {
        "startLine": loc.line, "startColumn": loc.column,
        "endLine": loc.end_line, "endColumn": loc.end_column,
        "charOffset": loc.start, "charLength": max(0, loc.end - loc.start),
    }
    if loc.text:
        region["snippet"] = {"text": loc.excerpt}
    return {"artifactLocation": {"uri": uri(path)}, "region": region}


def _result(r: FileResult, f: Finding, rule_index: int) -> dict:
    out = {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": LEVELS.get(f.severity, "warning"),
        "message": {"text": f.message},
        "locations": [{"physicalLocation": _physical(r.path, f.location)}],
        "properties": {"category": f.category, "severity": f.severity},
    }
    if f.fingerprint:
        out["partialFingerprints"] = {FINGERPRINT_KEY: f.fingerprint}
    if f.related:
        out["relatedLocations"] = [
            {"id": i, "physicalLocation": _physical(r.path, rel.location), "message": {"text": rel.message}}
            for i, rel in enumerate(f.related, 1)
        ]
    if f.suggestion:
        out["properties"]["suggestion"] = f.suggestion
    return out
