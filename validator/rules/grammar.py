"""The rule language, parsed with pyparsing.

    rule casualty-needs-source
      category unsourced-number
      severity error
      description "A casualty count stated as fact needs a source in its sentence."
      message ar "رقم الضحايا {text} غير منسوب إلى مصدر"
      message en "Casualty count {text} is not attributed to a source"
      for each number where category = casualty and not is_update
      require source within sentence
      flag "وقتل 40 شخصا في هجوم على قرية مجاورة."
      pass "وقتل 40 شخصا في الهجوم، بحسب وزارة الصحة."

Every keyword has an Arabic alias (قاعدة، فئة، خطورة، لكل، حيث، يتطلب ...): the vocabulary is data,
rules/language/keywords.json, read by validator.rules.keywords; the grammar is built from it.
"""
from __future__ import annotations

from functools import lru_cache

import pyparsing as pp

from validator.rules import model as m
from validator.rules.keywords import KEYWORDS, LANG_ALIASES, SCOPE_ALIASES, SEVERITY_ALIASES, STRUCTURE_ALIASES

_IDENT_CHARS = pp.alphanums + "_-" + pp.unicode.Arabic.alphanums


def _kw(name: str) -> pp.ParserElement:
    words = [pp.Keyword(name, ident_chars=_IDENT_CHARS)]
    words += [pp.Keyword(a, ident_chars=_IDENT_CHARS) for a in KEYWORDS[name]]
    return pp.MatchFirst(words).set_parse_action(pp.replace_with(name)).set_name(name)


@lru_cache(maxsize=1)
def _grammar() -> pp.ParserElement:
    pp.ParserElement.set_default_whitespace_chars(" \t\r\n")
    K = {name: _kw(name) for name in KEYWORDS}
    reserved = pp.MatchFirst([K[k] for k in ("and", "or", "not", "in", "matches", "where", "require",
                                             "flag", "pass", "message", "forbid", "suggest", "by",
                                             "tolerance", "factor", "scale", "within", "lexicon", "tags", "once")])
    ident = pp.Word(pp.alphas + "_" + pp.unicode.Arabic.alphas, _IDENT_CHARS).set_name("identifier")
    word = (~reserved + ident).set_name("word")
    triple = pp.QuotedString('"""', multiline=True, unquote_results=True)
    string = (triple | pp.QuotedString('"', esc_quote='\\"', unquote_results=True)
              | pp.QuotedString("'", esc_quote="\\'", unquote_results=True)).set_name("quoted string")
    number = pp.common.fnumber.copy().set_name("number")

    def loc_action(kind):
        def action(s, loc, toks):
            return (kind, loc, toks.as_list())
        return action

    field = pp.Group(pp.DelimitedList(word, ".", combine=False)).set_name("field")
    field.set_parse_action(lambda s, loc, t: ("field", loc, t[0].as_list()))
    value = (number | string | word).set_name("value")
    value_list = pp.Suppress("(") + pp.Group(pp.DelimitedList(value)) + pp.Suppress(")")
    op = pp.one_of("= != <= >= < >").set_name("operator")

    compare = (field + op + value).set_parse_action(loc_action("compare"))
    in_lexicon = (field + pp.Opt(K["not"]) + K["in"] + K["lexicon"] + (word | string)).set_parse_action(
        loc_action("in_lexicon"))
    in_list = (field + pp.Opt(K["not"]) + K["in"] + value_list).set_parse_action(loc_action("in_list"))
    matches = (field + K["matches"] + string).set_parse_action(loc_action("matches"))
    truthy = field.copy().add_parse_action(lambda s, loc, t: ("truthy", loc, [t[0]]))
    operand = (in_lexicon | in_list | matches | compare | truthy).set_name("condition")
    condition = pp.infix_notation(operand, [
        (K["not"], 1, pp.OpAssoc.RIGHT, lambda t: ("not", t[0][1])),
        (K["and"], 2, pp.OpAssoc.LEFT, lambda t: ("and", t[0][0::2])),
        (K["or"], 2, pp.OpAssoc.LEFT, lambda t: ("or", t[0][0::2])),
    ]).set_name("condition")

    structure = pp.one_of(list(STRUCTURE_ALIASES)).set_name("structure type (number, quote, entity, ...)")
    structure = pp.Combine(structure + pp.WordEnd(_IDENT_CHARS))
    severity = pp.Combine(pp.one_of(list(SEVERITY_ALIASES)) + pp.WordEnd(_IDENT_CHARS)).set_name(
        "severity (error, warning, info)")
    lang = pp.Combine(pp.one_of(list(LANG_ALIASES)) + pp.WordEnd(_IDENT_CHARS)).set_name("language (ar, en)")
    scope = pp.Combine(pp.one_of(list(SCOPE_ALIASES)) + pp.WordEnd(_IDENT_CHARS)).set_name(
        "scope (sentence, paragraph, article)")

    c_category = (K["category"] - word).set_parse_action(loc_action("category"))
    c_severity = (K["severity"] - severity).set_parse_action(loc_action("severity"))
    c_description = (K["description"] - string).set_parse_action(loc_action("description"))
    c_message = (K["message"] - lang + string).set_parse_action(loc_action("message"))
    c_tags = (K["tags"] - pp.DelimitedList(word)).set_parse_action(loc_action("tags"))
    c_select = (K["for"] - pp.Opt(K["each"]) + structure + pp.Opt(pp.Suppress(K["where"]) - condition)
                ).set_parse_action(loc_action("select"))
    by = K["by"] + pp.Group(pp.DelimitedList(word))
    tolerance = K["tolerance"] + number + pp.Opt(pp.Literal("%"))
    factor = K["factor"] + number
    scale = K["scale"]                # only a dropped multiplier word (27 / 27 ألف) disagrees
    within = K["within"] + scope
    with_headline = K["with"] + K["headline"]
    across = K["across"] + scope      # across feed: the structures of every article of one run
    r_consistent = (K["consistent"] + word + pp.Opt(by) + pp.Opt(tolerance) + pp.Opt(factor) + pp.Opt(scale)
                    + pp.Opt(within | across) + pp.Opt(with_headline)).set_parse_action(loc_action("consistent"))
    r_source = (K["source"] + K["within"] + scope).set_parse_action(loc_action("source"))
    c_require = (K["require"] - (r_consistent | r_source | condition)).set_parse_action(loc_action("require"))
    c_forbid = (K["forbid"] + pp.Opt(K["suggest"] - string)).set_parse_action(loc_action("forbid"))
    c_example = ((K["flag"] | K["pass"]) - string).set_parse_action(loc_action("example"))
    c_once = (K["once"] - K["within"] - scope).set_parse_action(loc_action("once"))
    clause = (c_category | c_severity | c_description | c_message | c_tags | c_select | c_require
              | c_forbid | c_example | c_once).set_name("rule clause")
    rule = (K["rule"] - word + pp.Group(pp.ZeroOrMore(clause))).set_parse_action(loc_action("rule"))
    grammar = pp.OneOrMore(rule) + pp.StringEnd()
    grammar.ignore(pp.python_style_comment)
    return grammar


def parse_text(text: str, path: str) -> list[tuple]:
    """Parse a rule file into raw tuples; pyparsing errors propagate to the loader."""
    return _grammar().parse_string(text, parse_all=True).as_list()
