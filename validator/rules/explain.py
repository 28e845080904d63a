"""`validate rules explain ID`: a rule in words, for an editor."""
from __future__ import annotations

from validator.messages import messages
from validator.rules import model as m


def describe_condition(c) -> str:
    if c is None:
        return "every one"
    if isinstance(c, m.And):
        return " and ".join(_paren(x) for x in c.operands)
    if isinstance(c, m.Or):
        return " or ".join(_paren(x) for x in c.operands)
    if isinstance(c, m.Not):
        return "not " + _paren(c.operand)
    if isinstance(c, m.Truthy):
        return c.field.name
    if isinstance(c, m.Compare):
        return f"{c.field.name} {c.op} {_value(c.value)}"
    if isinstance(c, m.InList):
        return f"{c.field.name} {'not ' if c.negated else ''}in ({', '.join(map(_value, c.values))})"
    if isinstance(c, m.InLexicon):
        return f"{c.field.name} {'not ' if c.negated else ''}in lexicon {c.lexicon}"
    if isinstance(c, m.Matches):
        return f'{c.field.name} matches "{c.pattern}"'
    return str(c)


def _value(v) -> str:
    """A value as the editor wrote it: 1000000, not the parser's 1000000.0."""
    return str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)


def _paren(c) -> str:
    text = describe_condition(c)
    return f"({text})" if isinstance(c, (m.And, m.Or)) else text


def describe_requirement(r, lang: str = "en") -> str:
    w = messages("explain", lang)
    scope = w["scopes"].get(r.scope, r.scope) if hasattr(r, "scope") else ""
    if isinstance(r, m.RequireSource):
        return w["source"].format(scope=scope)
    if isinstance(r, m.RequireConsistent):
        extra = w["by"].format(by=", ".join(r.by)) if r.by else ""
        if r.tolerance:
            extra += w["tolerance"].format(t=r.tolerance)
        if r.factor:
            extra += w["factor"].format(f=r.factor)
        if r.scale:
            extra += w["scale"]
        if r.scope != "article":
            extra += w["within"].format(scope=scope)
        if r.with_headline:
            extra += w["headline"]
        return w["consistent"].format(what=r.what, extra=extra)
    if isinstance(r, m.Forbid):
        return w["forbid"] + (w["suggest"].format(s=r.suggestion) if r.suggestion else "")
    if isinstance(r, m.RequireCondition):
        return w["condition"].format(c=describe_condition(r.condition))
    return str(r)


def explain(rule: m.Rule, lang: str = "en") -> str:
    """The rule in words; labels and requirement in Arabic with `lang="ar"` (field names and values stay
    as the rule language writes them)."""
    w = messages("explain", lang)
    condition = describe_condition(rule.condition) if rule.condition is not None else w["every"]
    first, second = ("ar", "en") if lang == "ar" else ("en", "ar")
    lines = [
        f"{rule.id}  ({rule.category}, {rule.severity})",
        f"  {w['defined']} {rule.where.path}:{rule.where.line}",
        f"  {rule.description}" if rule.description else "",
        f"  {w['selects'].format(structure=rule.structure, c=condition)}",
        f"  {w['requires']}: {describe_requirement(rule.requirement, lang)}",
        f"  {w['message']} ({first}): {rule.messages.get(first, '')}",
        f"  {w['message']} ({second}): {rule.messages.get(second, '')}",
    ]
    for ex in rule.examples:
        lines.append(f"  {w['flag'] if ex.expect_flag else w['pass']}: {ex.text}")
    return "\n".join(line for line in lines if line)
