"""`validate rules explain ID`: a rule in words, for an editor."""
from __future__ import annotations

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


def describe_requirement(r) -> str:
    if isinstance(r, m.RequireSource):
        return f"must have a source within its {r.scope}"
    if isinstance(r, m.RequireConsistent):
        extra = f" by {', '.join(r.by)}" if r.by else ""
        if r.tolerance:
            extra += f", tolerance {r.tolerance:.0%}"
        if r.factor:
            extra += f", values more than {r.factor:g}x apart are different quantities"
        if r.scope != "article":
            extra += f", compared within one {r.scope}"
        if r.with_headline:
            extra += ", and the headline's against the body's"
        return f"{r.what} must be consistent{extra}"
    if isinstance(r, m.Forbid):
        return "is flagged wherever it occurs" + (f"; suggest: {r.suggestion}" if r.suggestion else "")
    if isinstance(r, m.RequireCondition):
        return "must satisfy: " + describe_condition(r.condition)
    return str(r)


def explain(rule: m.Rule) -> str:
    lines = [
        f"{rule.id}  ({rule.category}, {rule.severity})",
        f"  defined at {rule.where.path}:{rule.where.line}",
        f"  {rule.description}" if rule.description else "",
        f"  selects: each {rule.structure} where {describe_condition(rule.condition)}",
        f"  requires: {describe_requirement(rule.requirement)}",
        f"  message (ar): {rule.messages.get('ar', '')}",
        f"  message (en): {rule.messages.get('en', '')}",
    ]
    for ex in rule.examples:
        lines.append(f"  {'flag' if ex.expect_flag else 'pass'}: {ex.text}")
    return "\n".join(line for line in lines if line)
