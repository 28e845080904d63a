"""The one conflict filter's documented order (docs/architecture.md): priority, then the longest,
then the leftmost; a span an earlier decision kept is never taken again."""
from validator.extract.claims import Candidate, TokenClaims, resolve


def kept(*spans, taken=None):
    """(name, start, end, priority) -> the names resolve keeps."""
    return [c.label for c in resolve([Candidate(name, s, e, p) for name, s, e, p in spans], taken)]


def test_priority_beats_length():
    assert kept(("long", 0, 5, 1), ("short", 3, 4, 2)) == ["short"]


def test_length_beats_position_at_equal_priority():
    assert kept(("left", 0, 2, 1), ("longer", 1, 4, 1)) == ["longer"]


def test_leftmost_wins_at_equal_priority_and_length():
    assert kept(("right", 2, 4, 1), ("left", 1, 3, 1)) == ["left"]


def test_disjoint_spans_all_stay_in_the_order_proposed():
    assert kept(("b", 4, 6, 0), ("a", 0, 2, 9), ("empty", 2, 2, 0)) == ["b", "a", "empty"]
    assert kept(("empty", 2, 2, 0), ("over-it", 2, 3, 0)) == ["over-it"]  # a zero-length span holds its token


def test_an_earlier_decision_holds_its_tokens():
    claims = TokenClaims(8)
    assert [c.label for c in claims.decide([Candidate("first", 2, 4, 0)])] == ["first"]
    later = claims.decide([Candidate("higher-but-later", 3, 6, 99), Candidate("after", 4, 6, 0)])
    assert [c.label for c in later] == ["after"]
    assert list(claims.taken) == [0, 0, 1, 1, 1, 1, 0, 0]


def test_a_description_may_contain_what_was_decided_before_but_not_overlap_this_decision():
    claims = TokenClaims(8)
    claims.decide([Candidate("earlier-name", 3, 4, 0)])
    minister = Candidate("title-and-name", 1, 6, 0, nests=(2, 5))  # the name 3..4 inside its complement 2..5
    assert claims.decide([minister]) == [minister]
    assert claims.decide([Candidate("over-the-head", 0, 3, 0, nests=(2, 3))]) == []  # token 1 held, not nested
    assert [c.label for c in resolve([Candidate("a", 0, 4, 0, nests=(1, 4)), Candidate("b", 2, 7, 0)])] == ["b"]
