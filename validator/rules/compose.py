"""A finding as an editor reads it: its location and related places, its message filled from the
structure's values, its evidence starting with the rule; and the one-finding-per-sentence (or paragraph) policy."""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from validator.extract.model import (
    Article,
    Entity,
    Mention,
    NumberItem,
    Quote,
    SpellingGroup,
    TextSpan,
)
from validator.findings import Finding, Location, RelatedLocation
from validator.rules import model as m


def rule_reference(rule: m.Rule) -> str:
    """`rule-id@file.rule:line`: the first item of every finding's evidence."""
    return f"{rule.id}@{_file_name(rule.where.path)}:{rule.where.line}"


@lru_cache(maxsize=1024)
def _file_name(path: str) -> str:
    """A rule file's name, once per file a run (a Path is built and parsed for each finding otherwise)."""
    return Path(path).name


def compose(rule: m.Rule, lang: str, loc: Location, related: tuple[RelatedLocation, ...], values: dict,
            suggestion: str | None = None, others: list[Location] = (), evidence: list[str] = ()) -> Finding:
    """A finding of a rule at a location, its message filled from the structure's values (the other
    items of its sentence or paragraph named when the rule reports once a sentence or paragraph); its
    evidence starts with the rule (id@file:line)."""
    if suggestion is not None:
        values["suggestion"] = suggestion
    if others:
        values["figures"] = "، ".join(f"«{x.text}»" for x in (loc, *others))
        related = related + tuple(RelatedLocation(x, f"same {rule.once or 'sentence'}") for x in others)
    values.setdefault("text", brief(loc.text))
    values.setdefault("figures", f"«{loc.text}»")
    message = fill_message(rule.messages.get(lang) or rule.messages.get("en", ""), values)
    why = (rule_reference(rule), *evidence)
    return Finding(rule.id, rule.category, rule.severity, message, loc, related, suggestion=suggestion,
                   evidence=why)


def describe(item, article: Article) -> tuple[Location, tuple[RelatedLocation, ...], dict]:
    if isinstance(item, NumberItem):
        src = article.entity(item.source)
        return item.loc, (), {"value": format_value(item.value), "category": item.category, "noun": item.noun or "",
                              "qualifier": item.qualifier or "", "source": src.name if src else "",
                              "parts": format_value(item.breakdown) if item.breakdown is not None else ""}
    if isinstance(item, Quote):
        speaker = article.entity(item.speaker)
        related: tuple = ()
        loc = item.loc
        if not item.balanced and item.unmatched is not None:
            loc = item.unmatched
            related = (RelatedLocation(item.loc, "the unclosed quotation"),)
        elif speaker is not None:
            related = (RelatedLocation(speaker.loc, "speaker"),)
        return loc, related, {"speaker": speaker.name if speaker else "", "kind": item.kind}
    if isinstance(item, Entity):
        return item.loc, (), {"name": item.name, "titles": "، ".join(item.titles), "kind": item.kind,
                              "title": item.titles[0] if item.titles else ""}
    if isinstance(item, Mention):
        entity = article.entity(item.entity)
        return item.loc, (), {"name": entity.name if entity else item.loc.text, "title": item.title or "",
                              "titles": "، ".join(entity.titles) if entity else ""}
    if isinstance(item, TextSpan):
        return article.doc.location(item.start, item.end), (), {}
    if isinstance(item, SpellingGroup):
        return item.forms[0][1], (), {"forms": len(item.forms)}
    loc = item.loc
    src = article.entity(getattr(item, "source", None))
    return loc, (), {"phrase": getattr(item, "phrase", ""), "source": src.name if src else ""}


_SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
# A message names its span briefly: the span itself is shown beside it, a long quotation in full is noise.
BRIEF_WORDS = 6


def brief(text: str) -> str:
    words = text.split()
    if len(words) <= BRIEF_WORDS + 2:
        return text
    brief = " ".join(words[:BRIEF_WORDS]) + " …"
    closing = text.rstrip()[-1:]
    return brief + closing if closing in "»”\"″" else brief


def sentence_index(loc: Location, article: Article) -> int:
    sentence = article.doc.sentence_at(loc.start)
    return sentence.index if sentence is not None else -1


def paragraph_index(loc: Location, article: Article) -> int:
    paragraph = article.doc.paragraph_at(loc.start)
    return paragraph.index if paragraph is not None else -1


def unit_index(loc: Location, article: Article, scope: str) -> int:
    """The sentence or paragraph (a rule's `once within` scope) a finding's location falls in."""
    return paragraph_index(loc, article) if scope == "paragraph" else sentence_index(loc, article)


def by_unit(items: list, unit_of) -> list[list]:
    """Items grouped by their sentence or paragraph, groups in the order of their first item."""
    groups: dict[int, list] = {}
    for item in items:
        groups.setdefault(unit_of(item), []).append(item)
    return list(groups.values())


def one_per_unit(findings: list[Finding], once: dict[str, str], unit_of) -> list[Finding]:
    """Rules declared `once within sentence` (or `paragraph`) that share a category give one finding
    per sentence (or paragraph): the most severe (an unsourced casualty count and an unsourced sum in
    one paragraph are one missing source, one fix), earliest first (`kept_per_unit`)."""
    kept = kept_per_unit(findings, once, unit_of)
    return [kept.get(i, f) for i, f in enumerate(findings) if f.rule not in once or i in kept]


def kept_per_unit(findings: list[Finding], once: dict[str, str], unit_of) -> dict[int, Finding]:
    """The findings `one_per_unit` keeps of the rules in `once` (rule id -> scope), by position. The
    figures of the warnings and errors one stands for become its related spans (a note's figures are
    covered, not missing). `unit_of(f)` is a finding's sentence or paragraph index by its rule's scope."""
    best: dict[tuple[str, str, int], int] = {}
    folded: dict[tuple[str, str, int], list[int]] = {}
    for i, f in enumerate(findings):
        if f.rule in once:
            key = (f.category, once[f.rule], unit_of(f))
            folded.setdefault(key, []).append(i)
            kept = best.get(key)
            if kept is None or (_SEVERITY_RANK.get(f.severity, 3), f.sort_key) < (
                    _SEVERITY_RANK.get(findings[kept].severity, 3), findings[kept].sort_key):
                best[key] = i
    out: dict[int, Finding] = {}
    for key, i in best.items():
        f, same = findings[i], f"same {key[1]}"
        extra = tuple(RelatedLocation(x, same) for k in folded[key] if k != i and findings[k].severity != "info"
                      for x in (findings[k].location, *(r.location for r in findings[k].related if r.message == same)))
        out[i] = replace(f, related=f.related + extra) if extra else f
    return out


def format_value(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else str(value)


class _SafeDict(dict):
    def __missing__(self, key):
        return ""


def fill_message(template: str, values: dict) -> str:
    # the loader admits only known {name} placeholders, without format spec or conversion
    return template.format_map(_SafeDict(values))
