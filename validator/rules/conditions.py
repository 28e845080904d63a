"""Rule conditions compiled once per run, evaluated over all of an article's structures at once.

A condition (`not in_headline and category = people and value >= 10 ...`) is compiled into one
function per node that takes the structures still in question and returns those that meet it, in
their order: `and` passes the survivors of each operand to the next, `or` gives each operand the
structures no earlier operand took, `not` keeps what its operand did not take. Each structure meets
the operands in the order a per-structure `and`/`or` would test them, except that an `and` tests a
structure's own attribute that few structures have first (`category = people`: `_selective_first`), so a
`matches` or a computed field is asked about the structures it was asked about before or fewer, never
others. The work per structure is done
in C wherever a field is the structure's own attribute (`compress(items, map(attrgetter(...), items))`),
and a comparison or a list test whose values are all texts or all numbers is `map`ped with an
operator; only computed fields (`cited`, `source`), other values and `matches`/`in lexicon` tests
call Python per structure. Testing a rule over an article is then a few calls per condition node
instead of a Python frame per structure, operand and field (~300 instructions each).
"""
from __future__ import annotations

import operator
from itertools import compress, repeat, starmap
from operator import attrgetter, not_
from typing import Callable

from validator.rules import model as m
from validator.rules.fields import FIELDS, norm_value
from validator.text.wordcache import WordCache

NORMALIZED = WordCache(norm_value)  # a field's text as conditions compare it, once per run (categories repeat)
_ORDER = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge}
_OPERATOR = {"=": operator.eq, "!=": operator.ne, **_ORDER}
_STRINGS = frozenset({str})
_TEXTS = frozenset({str, type(None)})
_FLOATS = frozenset({float})
_NUMBERS = frozenset({float, int})

# How a node learns each structure's match state (the finding points at what a `matches` found):
NO_STATE = None   # a condition with no `matches`: every structure shares the state nobody writes
FRESH = ()        # under `not`: a state per structure that nobody reads
# otherwise a dict: id(structure) -> its state


def comparison(op: str, wanted) -> Callable[[object], bool]:
    """`field op wanted` as a function of the field's value, with `wanted` normalized once: a number
    compares as a number (unless the value is a bool), anything else as normalized text."""
    numeric = isinstance(wanted, (int, float))
    wanted_text = norm_value(str(wanted))
    order = _ORDER.get(op)

    def compare(value) -> bool:
        if value is None:
            return op == "!=" and wanted is not None
        if numeric and not isinstance(value, bool):
            try:
                value = float(value)
            except (TypeError, ValueError):
                return op == "!="
            other = wanted
        else:
            value, other = NORMALIZED[str(value)], wanted_text
        if order is None:
            return (value == other) == (op == "=")
        return order(value, other)
    return compare


def has_matches(cond) -> bool:
    """Whether a condition contains a `matches`, the only kind that records a location."""
    if isinstance(cond, (m.And, m.Or)):
        return any(has_matches(c) for c in cond.operands)
    if isinstance(cond, m.Not):
        return has_matches(cond.operand)
    return isinstance(cond, m.Matches)


class CompiledCondition:
    """`select(items, article, state)`: the (item, state) pairs of the structures that meet the
    condition, in order, for a condition without `matches` (all share `state`); `states` gives a
    state per structure (`records_match`); `test(item, article, state)`: one structure."""

    __slots__ = ("subset", "records_match", "new_state")

    def __init__(self, subset, records_match: bool, new_state: Callable[[], object]):
        self.subset = subset
        self.records_match = records_match
        self.new_state = new_state

    def select(self, items, article, state) -> list[tuple[object, object]]:
        return list(zip(self.subset(items, article, NO_STATE), repeat(state)))

    def select_recording(self, items, article) -> list[tuple[object, object]]:
        states = {id(item): self.new_state() for item in items}
        return [(item, states[id(item)]) for item in self.subset(items, article, states)]

    def test(self, item, article, state) -> bool:
        return bool(self.subset((item,), article, {id(item): state} if self.records_match else NO_STATE))


def _kept(items, taken: list) -> list:
    """`items` without the ones in `taken` (a subset of them), in order."""
    if not taken:
        return list(items)
    ids = set(map(id, taken))
    return list(compress(items, map(not_, map(ids.__contains__, map(id, items)))))


class _Compiler:
    def __init__(self, structure: str, call: Callable[[object], Callable], new_state: Callable[[], object],
                 shared_state, path_getter: Callable[[m.Field, str], Callable]):
        self.structure = structure
        self.call = call                # a `matches` or `in lexicon` condition -> function(item, article, state)
        self.new_state = new_state
        self.shared_state = shared_state
        self.path_getter = path_getter  # a field of several parts -> function(item, article)

    def states(self, items, states):
        """Each structure's state, for a `matches` or `in lexicon` test."""
        if states is NO_STATE:
            return repeat(self.shared_state)
        if states is FRESH:
            return starmap(self.new_state, repeat((), len(items)))
        return map(states.__getitem__, map(id, items))

    def values(self, fld: m.Field) -> Callable:
        """values(items, article): an iterator of the field's value of each structure."""
        spec = FIELDS[self.structure][fld.path[0]] if len(fld.path) == 1 else None
        if spec is not None and spec.attr:
            read = attrgetter(spec.attr)
            return lambda items, a: map(read, items)
        get = spec.get if spec is not None else self.path_getter(fld, self.structure)
        return lambda items, a: map(get, items, repeat(a))

    def node(self, cond) -> Callable:
        """subset(items, article, states) of a condition."""
        if isinstance(cond, m.And):
            operands = self._operands(cond.operands, all)

            def all_of(items, a, states):
                for operand in operands:
                    if not items:
                        break
                    items = operand(items, a, states)
                return items
            return all_of
        if isinstance(cond, m.Or):
            operands = self._operands(cond.operands, any)

            def any_of(items, a, states):
                rest, taken = items, []
                for operand in operands:
                    if not rest:
                        break
                    found = operand(rest, a, states)
                    if found:
                        taken += found
                        rest = _kept(rest, found)
                if len(taken) == len(items) or not taken:
                    return taken if not taken else items
                ids = set(map(id, taken))
                return list(compress(items, map(ids.__contains__, map(id, items))))
            return any_of
        if isinstance(cond, m.Not):
            if isinstance(cond.operand, m.Truthy):  # `not flag`, the commonest test
                values = self.values(cond.operand.field)
                return lambda items, a, states: list(compress(items, map(not_, values(items, a))))
            operand = self.node(cond.operand)
            inner_states = FRESH if has_matches(cond.operand) else NO_STATE  # its match is not the rule's
            return lambda items, a, states: _kept(items, operand(items, a, inner_states))
        if isinstance(cond, m.Truthy):
            values = self.values(cond.field)
            return lambda items, a, states: list(compress(items, values(items, a)))
        if isinstance(cond, m.Compare):
            return self._compare(cond)
        if isinstance(cond, m.InList):
            return self._in_list(cond)
        if isinstance(cond, (m.InLexicon, m.Matches)):
            test, states_of = self.call(cond), self.states
            return lambda items, a, states: list(compress(items, map(test, items, repeat(a), states_of(items, states))))
        raise ValueError(cond)

    def _operands(self, conds, joined) -> tuple[Callable, ...]:
        """The nodes of an `and` (`joined` = all) or an `or` (any), each run of two or more tests of a
        structure's own attributes of one sign (`not in_headline and not in_subhead and not market`)
        as one node: the attributes read together (`attrgetter` of several names gives a tuple) and
        the tuple tested in C, a node call and its lists instead of one for each (rules chain a dozen).
        Reading an attribute has no effect, so reading one of a structure an earlier test of its run
        would have left out decides the same; computed fields and `matches` stay nodes of their own,
        asked about the same structures as before."""
        if joined is all:
            conds = self._selective_first(conds)
        nodes: list[Callable] = []
        run: list[tuple[object, bool, str]] = []  # (condition, wanted truth, attribute) of the current run
        for cond in (*conds, None):
            plain = self._plain_attribute(cond) if cond is not None else None
            if run and (plain is None or plain[0] != run[0][1]):
                nodes.append(self.node(run[0][0]) if len(run) == 1 else self._attributes(run, joined))
                run = []
            if plain is not None:
                run.append((cond, *plain))
            elif cond is not None:
                nodes.append(self.node(cond))
        return tuple(nodes)

    def _selective_first(self, conds) -> tuple:
        """The operands of an `and`, the tests that keep few structures moved to the front: an equality
        or a list of a structure's own attribute (`category = people`, `category in (money, percent)`)
        or one of its flags (`record`), in their order, then the rest in theirs. Most of an article's
        structures fail them, and `and` stops at the first operand that leaves none, so the dozen tests
        after them are not run for nothing. The result is the same: every test is a function of the
        structure alone (a `matches` records its location only for a structure that reaches it, and a
        structure that meets the whole `and` reaches it either way), and the moved tests read an
        attribute every structure has, so asking them of more structures is safe; the others are
        asked of fewer."""
        front = [c for c in conds if self._selective(c)]
        return (*front, *(c for c in conds if not self._selective(c))) if front else conds

    def _selective(self, cond) -> bool:
        if isinstance(cond, m.Compare):
            selective, inner = cond.op == "=", cond
        elif isinstance(cond, m.InList):
            selective, inner = not cond.negated, cond
        else:
            selective, inner = isinstance(cond, m.Truthy), cond
        if not selective or len(inner.field.path) != 1:
            return False
        spec = FIELDS[self.structure].get(inner.field.path[0])
        return spec is not None and spec.attr is not None

    def _plain_attribute(self, cond) -> tuple[bool, str] | None:
        """(wanted truth, attribute) of a test `field` or `not field` of the structure's own attribute."""
        negated = isinstance(cond, m.Not)
        inner = cond.operand if negated else cond
        if not isinstance(inner, m.Truthy) or len(inner.field.path) != 1:
            return None
        spec = FIELDS[self.structure].get(inner.field.path[0])
        return (not negated, spec.attr) if spec is not None and spec.attr else None

    @staticmethod
    def _attributes(run: list[tuple[object, bool, str]], joined) -> Callable:
        """One node for a run of attribute tests of one sign, joined by `and` (all) or `or` (any):
        `a and b` is all((a, b)), `not a and not b` not any((a, b)), `a or b` any((a, b)), `not a or
        not b` not all((a, b))."""
        read = attrgetter(*(attr for _cond, _wanted, attr in run))
        if run[0][1]:
            return lambda items, a, states: list(compress(items, map(joined, map(read, items))))
        opposite = any if joined is all else all
        return lambda items, a, states: list(compress(items, map(not_, map(opposite, map(read, items)))))

    def _compare(self, cond: m.Compare) -> Callable:
        """`comparison(op, wanted)` over the structures: values that are all texts (or None) against a
        text, or all numbers against a number, compared by the operator in C; any other mix of
        values one by one through `comparison` itself."""
        op, wanted = cond.op, cond.value
        values, compare, order = self.values(cond.field), comparison(op, wanted), _OPERATOR[op]
        wanted_text = norm_value(str(wanted))
        if isinstance(wanted, bool):  # compared as a number, a bool value as a text: one by one
            numbers = texts = frozenset()
        elif isinstance(wanted, (int, float)):
            numbers, texts = _NUMBERS, frozenset()
        else:  # None is normalized to None, which equals no text: `=` false, `!=` true, as `comparison` says
            numbers, texts = frozenset(), _TEXTS if op in ("=", "!=") and wanted is not None else _STRINGS

        def compared(items, a, states):
            found = list(values(items, a))
            kinds = set(map(type, found))
            if kinds <= numbers:
                verdicts = map(order, found if kinds <= _FLOATS else map(float, found), repeat(wanted))
            elif kinds <= texts:
                verdicts = map(order, map(NORMALIZED.__getitem__, found), repeat(wanted_text))
            else:
                verdicts = map(compare, found)
            return list(compress(items, verdicts))
        return compared

    def _in_list(self, cond: m.InList) -> Callable:
        """`field in (...)`: a text normalized and looked up; None in no list; a list of values
        in the list when one of them is."""
        values, negated = self.values(cond.field), cond.negated
        wanted = frozenset(norm_value(v) for v in cond.values)

        def one(value) -> bool:
            if value.__class__ is str:
                return (NORMALIZED[value] in wanted) != negated
            values = value if isinstance(value, (list, tuple)) else [value]
            return any(norm_value(v) in wanted for v in values if v is not None) != negated

        def listed(items, a, states):
            found = list(values(items, a))
            if set(map(type, found)) <= _TEXTS:  # None normalizes to None, in no list of texts
                verdicts = map(wanted.__contains__, map(NORMALIZED.__getitem__, found))
                return list(compress(items, map(not_, verdicts) if negated else verdicts))
            return list(compress(items, map(one, found)))
        return listed


def compile_condition(cond, structure: str, call: Callable[[object], Callable], new_state: Callable[[], object],
                      shared_state, path_getter: Callable[[m.Field, str], Callable]) -> CompiledCondition:
    """The condition of a rule over `structure`, compiled: `call(cond)` gives the function(item,
    article, state) of a `matches` or `in lexicon` condition, `new_state()` a state for one
    structure, `shared_state` the state nobody writes, `path_getter(field, structure)` the reader of
    a field of several parts."""
    compiler = _Compiler(structure, call, new_state, shared_state, path_getter)
    return CompiledCondition(compiler.node(cond), has_matches(cond), new_state)
