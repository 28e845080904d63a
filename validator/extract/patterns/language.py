"""The token-pattern language of `rules/patterns/*.pattern`, parsed with pyparsing.

    pattern speaker-colon-verb
      label speaker-before-colon
      priority 20
      description "A reporting verb right before the colon announces speech: قال: «...»"
      match (word reporting-forms) ":"
      flag "وقال: «سنواصل العمل»"
      pass "رابط الخبر: «تناقض»"

A `match` is a sequence of elements, each a token test with an optional quantifier (`?`, `*`, `+`,
`{m,n}`); `[a & b]` joins tests on one token; one parenthesized group marks the span the pattern
proposes (the whole match without one). Token tests:

    "قال"                   the token is this word (normalized as lexicons are)
    lexicon NAME[:K=V]      a match of lexicon NAME starts here (it may span several tokens)
    word NAME[:K=V]         the token alone is an entry of NAME, a clitic split off if need be
    exact NAME[:K=V]        the token is an entry of NAME exactly, no clitic split
    shape NAME              a registered word-shape predicate (validator/extract/patterns/shapes.py)
    punct / any             a punctuation mark / any token
    not TEST                one token the test does not accept
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pyparsing as pp

from validator.errors import RuleError
from validator.extract.patterns.model import Element, Example, Pattern, Test
from validator.text.normalize import normalize_string

CLAUSES = ("pattern", "label", "priority", "description", "match", "flag", "pass")
LEXICON_MODES = ("lexicon", "word", "exact")


def _keyword(name: str) -> pp.ParserElement:
    return pp.Keyword(name, ident_chars=pp.alphanums + "_-")


@lru_cache(maxsize=1)
def _grammar() -> pp.ParserElement:
    K = {name: _keyword(name) for name in (*CLAUSES, *LEXICON_MODES, "shape", "punct", "any", "not")}
    ident = pp.Word(pp.alphas, pp.alphanums + "_-.").set_name("name")
    string = (pp.QuotedString('"', esc_quote='\\"') | pp.QuotedString("'", esc_quote="\\'")).set_name(
        "quoted string")
    integer = pp.Word(pp.nums).set_parse_action(lambda t: int(t[0])).set_name("integer")

    attr = pp.Group(pp.Suppress(":") + ident + pp.Suppress("=") + ident)
    lexicon_test = pp.Group(pp.MatchFirst([K[m] for m in LEXICON_MODES]) + ident + pp.Opt(attr, None))
    simple = (lexicon_test
              | pp.Group(K["shape"] + ident)
              | pp.Group(K["punct"]) | pp.Group(K["any"])
              | pp.Group(string).set_parse_action(lambda t: [["literal", t[0][0]]]))
    test = pp.Group(pp.Opt(K["not"]) + simple)
    atom = pp.Suppress("[") + pp.DelimitedList(test, "&") + pp.Suppress("]") | test
    quantifier = (pp.one_of("? * +") | pp.Group(pp.Suppress("{") + integer + pp.Suppress(",") + integer
                                                + pp.Suppress("}")))
    element = pp.Group(pp.Group(atom) + pp.Opt(quantifier, None))
    group = pp.Group(pp.Suppress("(") + pp.OneOrMore(element) + pp.Suppress(")")).set_parse_action(
        lambda t: [["group", t[0].as_list()]])
    sequence = pp.Group(pp.OneOrMore(group | element)).set_name("token tests")

    def at(kind):
        return lambda s, loc, t: (kind, loc, t.as_list()[1:])

    clause = ((K["label"] - ident).set_parse_action(at("label"))
              | (K["priority"] - integer).set_parse_action(at("priority"))
              | (K["description"] - string).set_parse_action(at("description"))
              | (K["match"] - sequence).set_parse_action(at("match"))
              | (K["flag"] - string).set_parse_action(at("flag"))
              | (K["pass"] - string).set_parse_action(at("pass")))
    pattern = (K["pattern"] - ident + pp.Group(pp.ZeroOrMore(clause))).set_parse_action(
        lambda s, loc, t: ("pattern", loc, t[1], t[2].as_list()))
    grammar = pp.OneOrMore(pattern) + pp.StringEnd()
    grammar.ignore(pp.python_style_comment)
    return grammar


def parse_patterns(text: str, path: str, lexicon_names: set[str], shapes: set[str]) -> list[Pattern]:
    """The patterns of one file; a syntax error, an unknown lexicon or shape, a missing label or match,
    fails with file:line:col."""
    try:
        raw = _grammar().parse_string(text, parse_all=True).as_list()
    except pp.ParseBaseException as e:
        raise RuleError(f"cannot read pattern: {e.msg}", path=path, line=e.lineno, column=e.col,
                        source_line=e.line) from None
    name = Path(path).name
    return [_build(item, text, path, name, lexicon_names, shapes) for item in raw]


def _error(message: str, text: str, path: str, loc: int) -> RuleError:
    return RuleError(message, path=path, line=pp.lineno(loc, text), column=pp.col(loc, text),
                     source_line=pp.line(loc, text))


def _build(item, text: str, path: str, file_name: str, lexicon_names: set[str], shapes: set[str]) -> Pattern:
    _, loc, pid, clauses = item
    fields: dict = {"examples": []}
    for kind, cloc, args in clauses:
        if kind in ("flag", "pass"):
            fields["examples"].append(Example(args[0], kind == "flag", pp.lineno(cloc, text), pp.col(cloc, text)))
        elif kind == "match":
            fields["match"] = _sequence(args[0], text, path, cloc, lexicon_names, shapes)
        else:
            fields[kind] = args[0]
    for needed in ("label", "match"):
        if needed not in fields:
            raise _error(f"pattern '{pid}' has no {needed}", text, path, loc)
    elements, span = fields["match"]
    return Pattern(pid, fields["label"], elements, span, fields.get("priority", 0), fields.get("description", ""),
                   f"{file_name}:{pp.lineno(loc, text)}", fields["examples"])


def _sequence(raw, text, path, loc, lexicon_names, shapes) -> tuple[tuple[Element, ...], tuple[int, int]]:
    elements: list[Element] = []
    span = None
    for item in raw:
        if item[0] == "group":
            if span is not None:
                raise _error("a pattern proposes one span: one parenthesized group at most", text, path, loc)
            start = len(elements)
            elements += [_element(e, text, path, loc, lexicon_names, shapes) for e in item[1]]
            span = (start, len(elements))
        else:
            elements.append(_element(item, text, path, loc, lexicon_names, shapes))
    return tuple(elements), span or (0, len(elements))


def _element(raw, text, path, loc, lexicon_names, shapes) -> Element:
    tests_raw, quantifier = raw
    tests = tuple(_test(t, text, path, loc, lexicon_names, shapes) for t in tests_raw)
    low, high = {None: (1, 1), "?": (0, 1), "*": (0, -1), "+": (1, -1)}.get(
        quantifier if not isinstance(quantifier, list) else "", (None, None))
    if isinstance(quantifier, list):
        low, high = quantifier
        if low > high:
            raise _error(f"quantifier {{{low},{high}}}: the least is more than the most", text, path, loc)
    return Element(tests, low, high)


def _test(raw, text, path, loc, lexicon_names, shapes) -> Test:
    negated = raw[0] == "not"
    body = raw[1] if negated else raw[0]
    kind = body[0]
    if kind in LEXICON_MODES:
        name, attr = body[1], body[2]
        if name not in lexicon_names:
            raise _error(f"unknown lexicon '{name}'", text, path, loc)
        return Test(kind, name, tuple(attr) if attr else None, negated)
    if kind == "shape":
        if body[1] not in shapes:
            raise _error(f"unknown shape '{body[1]}' (known: {', '.join(sorted(shapes))})", text, path, loc)
        return Test("shape", body[1], None, negated)
    if kind == "literal":
        return Test("literal", normalize_string(body[1]), None, negated)
    return Test(kind, "", None, negated)
