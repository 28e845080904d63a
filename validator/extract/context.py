"""One article being extracted: document, normalized text, tokens and resources, shared by extractors."""
from __future__ import annotations

import bisect
import weakref
from collections import deque
from itertools import chain, repeat
from dataclasses import InitVar, dataclass, field
from operator import attrgetter, itemgetter

from validator.document import Document
from validator.extract.resources import Resources
from validator.extract.word_facts import tagged, words_with
from validator.findings import Location
from validator.text.normalize import NormalizedText
from validator.text.lexicon import LexMatch
from validator.text.tokens import WORD, Token, TokenIndex, kind_of

_token_text = attrgetter("text")
_STARTS = itemgetter(1)  # what a token can start in the run's lexicon index, in its word record
WORD_AT_MARGIN = 32  # `word_at` answers None this many indexes before the first token and after the last
_MARGIN = [None] * WORD_AT_MARGIN  # (a negative index reads the list from its end: these)
_NOT_WORD = (tagged(lambda res: lambda text: kind_of(text) != WORD),)  # numbers and marks, once per run a text


@dataclass
class Context:
    doc: Document
    norm: NormalizedText
    tokens: list[Token]
    res: Resources
    index: TokenIndex = field(init=False)
    # each token's text, for one-pass searches in C, and its start: as the tokenizer made them
    # (`tokenized`), or read off the tokens
    texts: list[str] | None = None
    starts: InitVar[list[int] | None] = None
    # each token's record for the run (validator/extract/word_facts.py, `word_records`), if the tokenizer made them
    records: list[tuple] | None = None
    _ids: dict[str, int] = field(default_factory=dict)

    def __post_init__(self, starts: list[int] | None) -> None:
        self.index = TokenIndex(self.tokens, starts)
        if self.texts is None:
            self.texts = list(map(_token_text, self.tokens))
        starts_of = None if self.records is None else list(map(_STARTS, self.records))
        self._hits = self.res.matcher.scan(self.tokens, self.norm.text, self.texts, starts_of)
        self._hit_at: dict[str, dict[int, LexMatch]] = {}
        self._starts: dict[str, list[int]] = {}
        # per-article memos of the extractors (quotes.py, attributions.py)
        self.previous_quote: tuple[int, int, str] | None = None  # (end, paragraph, kind)
        self.word_positions: list[int] | None = None
        self.quote_marks: list[int] | None = None  # every quotation mark's offset in the text (quotes.py)
        self.quote_balance: list[tuple[int, ...]] | None = None  # open «» and “” before each of them (quotes.py)
        self._patterns = None
        self._word_at = None
        self._distinct: set[str] | None = None
        self._positions: dict[str, list[int]] | None = None
        # each sentence's start and end (original offsets) and (index, paragraph): `sentence_of`
        self._sentence_table: tuple[list[int], list[int], list[tuple[int, int]]] | None = None

    @property
    def word_at(self):
        """`word_at(i)`: the text of token i if it is a word, else None (and None for the WORD_AT_MARGIN
        indexes before the article and after it: the extractors look a few tokens around a token).
        Asked thousands of times an article: a list's own `__getitem__`, called in C. The list is the
        token texts with the numbers' and marks' set to None (a token's kind follows from its text:
        `kind_of`), found in the index of texts (`positions`, which the passes read anyway): a test
        per token cost 0.7 M instructions an article."""
        if self._word_at is None:
            words = self.texts + _MARGIN
            not_words = words_with(self, _NOT_WORD)
            deque(map(words.__setitem__, self.positions(not_words), repeat(None)), maxlen=0)
            self._word_at = words.__getitem__
        return self._word_at

    @property
    def distinct_texts(self) -> set[str]:
        """The article's distinct token texts, one set made at the first ask: the pattern matcher, the
        spelling passes and the surname pass each test every distinct word in C (a set each was a
        pass over every token each)."""
        if self._distinct is None:
            self._distinct = set(self.texts)
        return self._distinct

    def positions(self, words) -> list[int]:
        """The indexes of the tokens whose text is one of `words` (a set or a dict), in order. Read from
        an index of the article's token texts made at the first ask: a pass over every token for each
        set of words a spelling or surname pass looks for cost more than the index."""
        index = self._positions
        if index is None:  # text -> its tokens, appended in C (a list made first for each distinct text:
            # a defaultdict's miss, one a distinct text, costs several times a hit)
            index = self._positions = {text: [] for text in self.distinct_texts}
            deque(map(list.append, map(index.__getitem__, self.texts), range(len(self.texts))), maxlen=0)
        found = self.distinct_texts.intersection(words)  # (over the smaller of the two, for sets)
        return sorted(chain.from_iterable(map(index.__getitem__, found))) if found else []

    @property
    def patterns(self):
        """The token patterns applied to this article (`find(label)`: resolved matches)."""
        if self._patterns is None:
            from validator.extract.patterns.matcher import ArticlePatterns

            # a weak reference back: a cycle would leave every article's tokens to the cyclic collector
            self._patterns = ArticlePatterns(weakref.proxy(self), self.res.patterns)
        return self._patterns

    def _matches(self, lexicon: str) -> list[LexMatch]:
        found = self._hits.get(lexicon)
        if found is None:  # a lexicon the one-pass scan leaves out
            matcher = self.res.matcher_for(lexicon)
            found = self._hits[lexicon] = matcher.scan(self.tokens, self.norm.text, self.texts)[lexicon] \
                if matcher and not matcher.absent_from(self.distinct_texts) else []
        return found

    def hits(self, lexicon: str, lo: int | None = None, hi: int | None = None) -> list[LexMatch]:
        """Matches of a lexicon in this article (optionally those within normalized offsets lo..hi)."""
        found = self._matches(lexicon)
        if lo is None and hi is None:
            return found
        lo = 0 if lo is None else lo
        hi = len(self.norm.text) if hi is None else hi
        starts = self._starts.get(lexicon)
        if starts is None:
            starts = self._starts[lexicon] = [m.start for m in found]
        out = []
        for k in range(bisect.bisect_left(starts, lo), len(found)):  # (a slice would copy the rest)
            m = found[k]
            if m.start > hi:
                break
            if m.start - len(m.prefix) >= lo and m.end <= hi:
                out.append(m)
        return out

    def hit_at(self, lexicon: str, token: int) -> LexMatch | None:
        """The match of a lexicon that starts at a token, if any."""
        table = self._hit_at.get(lexicon)
        if table is None:
            table = self._hit_at[lexicon] = {m.i: m for m in self._matches(lexicon)}
        return table.get(token)

    @property
    def text(self) -> str:
        """The normalized text, which extractors match on."""
        return self.norm.text

    def loc(self, norm_start: int, norm_end: int) -> Location:
        """The original-text location of a normalized span."""
        shifts = self.norm.original_shifts  # `to_original` of both ends, inline (hundreds an article)
        if shifts is None:
            return self.doc.location(norm_start, norm_end)
        if 0 <= norm_start < len(shifts) and 0 <= norm_end < len(shifts):
            return self.doc.location(norm_start + shifts[norm_start], norm_end + shifts[norm_end])
        return self.doc.location(self.norm.to_original(norm_start), self.norm.to_original(norm_end))

    def original_text(self, norm_start: int, norm_end: int) -> str:
        """`loc(norm_start, norm_end).text`, without building the Location."""
        return self.doc.text[self.norm.to_original(norm_start):self.norm.to_original(norm_end)]

    def new_id(self, prefix: str) -> str:
        n = self._ids.get(prefix, 0) + 1
        self._ids[prefix] = n
        return f"{prefix}{n}"

    def sentence_of(self, norm_offset: int) -> tuple[int, int]:
        """(sentence index, paragraph index) containing a normalized offset (`Document.sentence_at`,
        inline, on the article's table of sentences: asked over a hundred times an article)."""
        shifts = self.norm.original_shifts  # `to_original`, inline
        offset = norm_offset if shifts is None else norm_offset + shifts[norm_offset] \
            if 0 <= norm_offset < len(shifts) else self.norm.to_original(norm_offset)
        table = self._sentence_table
        if table is None:
            sentences = self.doc.sentences
            table = self._sentence_table = ([s.start for s in sentences], [s.end for s in sentences],
                                            [(s.index, s.paragraph) for s in sentences])
        starts, ends, places = table
        i = bisect.bisect_right(starts, offset) - 1
        return places[i] if i >= 0 and offset <= ends[i] else (-1, -1)

    def sentence_bounds(self, sentence: int) -> tuple[int, int]:
        """Normalized offsets of a sentence (approximate inverse map: sentences are long)."""
        s = self.doc.sentences[sentence]
        return self.norm.to_normalized(s.start), self.norm.to_normalized(s.end)
