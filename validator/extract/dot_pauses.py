"""A run of dots (..) the writer puts for a pause inside his sentence: the splitter ends the sentence
there, but when the part after it opens with a conjunction that goes on with the same account
(attribution-words class dots-go-on: فيما، بينما، كما) and has no attribution of its own, the reporter
whose that-clause runs to the dots reports it too: أفادت مصادر أن 300 جندي انضموا للقوة.. فيما وضع 2000
آخرون في حالة تأهب (round 129 2015-08-02/1080: a figure after the pause read as the writer's own)."""
from __future__ import annotations

from validator.extract.letters import WORD_RUN
from validator.extract.model import Article
from validator.extract.wordclasses import word_class
from validator.text.normalize import normalize_cached

_GOES_ON = word_class("attribution-words", "dots-go-on")
_THAT_CLAUSE = word_class("attribution-words", "that-clause")
_PAUSE = "." * 2


def dotted_goes_on(article: Article, by_sentence: dict[int, list]) -> list[tuple[int, list]]:
    """(sentence, the attributions that reach it) pairs: a sentence after a pause of dots, as above."""
    text, sentences, pairs = article.doc.text, article.doc.sentences, []
    for prev, s in zip(sentences, sentences[1:]):
        if prev.paragraph != s.paragraph or by_sentence.get(s.index) or not text[prev.start:prev.end].rstrip().endswith(_PAUSE):
            continue
        word = WORD_RUN.search(text, s.start, s.end)
        if word is None or word.start() != s.start or normalize_cached(word.group()) not in _GOES_ON:
            continue
        reporters = [a for a in by_sentence.get(prev.index, ()) if a.source and a.kind == "verb" and any(
            normalize_cached(w.group()) in _THAT_CLAUSE for w in WORD_RUN.finditer(text, a.loc.end, prev.end))]
        if reporters:
            pairs.append((s.index, reporters[-1:]))
    return pairs
