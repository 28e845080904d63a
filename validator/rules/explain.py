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


_WORDS = {
    "en": {"source": "must have a source within its {scope}", "consistent": "{what} must be consistent{extra}",
           "by": " by {by}", "tolerance": ", tolerance {t:.0%}", "factor": ", values more than {f:g}x apart are "
           "different quantities", "within": ", compared within one {scope}", "headline": ", and the headline's "
           "against the body's", "forbid": "is flagged wherever it occurs", "suggest": "; suggest: {s}",
           "condition": "must satisfy: {c}", "defined": "defined at", "selects": "selects: each {structure} where {c}",
           "requires": "requires", "message": "message", "flag": "flag", "pass": "pass", "every": "every one"},
    "ar": {"source": "يجب أن يُنسب إلى مصدر في {scope} نفسها", "consistent": "يجب أن يتسق {what}{extra}",
           "by": " بحسب {by}", "tolerance": "، بتفاوت {t:.0%}", "factor": "، والقيم التي يزيد الفرق بينها على "
           "{f:g} أضعاف كميات مختلفة", "within": "، وتُقارن داخل {scope} واحدة", "headline": "، ويُقارن العنوان "
           "بالمتن", "forbid": "يُنبَّه عليه حيثما ورد", "suggest": "؛ المقترح: {s}", "condition": "يجب أن يحقق: {c}",
           "defined": "معرّفة في", "selects": "تختار: كل {structure} حيث {c}", "requires": "تشترط",
           "message": "الرسالة", "flag": "يُنبَّه", "pass": "لا يُنبَّه", "every": "الجميع"},
}


_SCOPES_AR = {"sentence": "الجملة", "paragraph": "الفقرة", "article": "المقال"}


def describe_requirement(r, lang: str = "en") -> str:
    w = _WORDS.get(lang, _WORDS["en"])
    scope = _SCOPES_AR.get(r.scope, r.scope) if lang == "ar" and hasattr(r, "scope") else getattr(r, "scope", "")
    if isinstance(r, m.RequireSource):
        return w["source"].format(scope=scope)
    if isinstance(r, m.RequireConsistent):
        extra = w["by"].format(by=", ".join(r.by)) if r.by else ""
        if r.tolerance:
            extra += w["tolerance"].format(t=r.tolerance)
        if r.factor:
            extra += w["factor"].format(f=r.factor)
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
    w = _WORDS.get(lang, _WORDS["en"])
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
