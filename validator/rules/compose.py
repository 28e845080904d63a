"""A finding as an editor reads it: its location and related places, its message filled from the
structure's values, its evidence starting with the rule; and the one-finding-per-sentence policy."""
from __future__ import annotations

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
    return f"{rule.id}@{Path(rule.where.path).name}:{rule.where.line}"


def compose(rule: m.Rule, lang: str, loc: Location, related: tuple[RelatedLocation, ...], values: dict,
            suggestion: str | None = None, others: list[Location] = (), evidence: list[str] = ()) -> Finding:
    """A finding of a rule at a location, its message filled from the structure's values (the other
    items of its sentence named when the rule reports once a sentence); its evidence starts with the
    rule (id@file:line)."""
    if suggestion is not None:
        values["suggestion"] = suggestion
    if others:
        values["figures"] = "، ".join(f"«{x.text}»" for x in (loc, *others))
        related = related + tuple(RelatedLocation(x, "same sentence") for x in others)
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
                              "qualifier": item.qualifier or "", "source": src.name if src else ""}
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


def by_sentence(items: list, sentence_of) -> list[list]:
    """Items grouped by their sentence, groups in the order of their first item."""
    groups: dict[int, list] = {}
    for item in items:
        groups.setdefault(sentence_of(item), []).append(item)
    return list(groups.values())


def one_per_sentence(findings: list[Finding], once: set[str], sentence_of) -> list[Finding]:
    """Rules declared `once within sentence` that share a category give one finding per sentence: the
    most severe (an unsourced casualty count and an unsourced sum in one sentence are one missing
    source, one fix), earliest first."""
    best: dict[tuple[str, int], Finding] = {}
    for f in findings:
        if f.rule in once:
            key = (f.category, sentence_of(f))
            kept = best.get(key)
            if kept is None or (_SEVERITY_RANK.get(f.severity, 3), f.sort_key) < (
                    _SEVERITY_RANK.get(kept.severity, 3), kept.sort_key):
                best[key] = f
    keep = {id(f) for f in best.values()}
    return [f for f in findings if f.rule not in once or id(f) in keep]


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
