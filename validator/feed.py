"""Checks across a feed: rules `require consistent titles|value ... across feed` compare the
structures of every article of one run (a day's wire feed, an archive folder).

Each article contributes feed items (worked out where the article is extracted: a pool worker, a
Spark task): a titled person's name and title, or a figure's key (the rule's `by` fields) and value.
A FeedIndex takes the articles in input order and compares each item with the items of the articles
before it; an item that contradicts an earlier article's gives a finding in the later article that
names the earlier one and its span. The index keeps each distinct (key, value) once, so its memory
grows with what the feed says, not with how many times it says it. All three engines use it.
"""
from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass

from validator.extract.wordclasses import affix, affixes, word_class
from validator.findings import Finding, Location, RelatedLocation
from validator.rules import model as m
from validator.rules.compose import compose, describe, format_value
from validator.rules.consistency import (
    TITLE_FUNCTION_WORDS,
    title_word_list,
    values_agree,
)
from validator.rules.engine import is_feed_rule
from validator.rules.fields import FIELDS, norm_value
from validator.rules.fingerprints import fingerprint_context, with_fingerprints
from validator.text.normalize import normalize_string

EXAMPLE_SEPARATOR = "\n---\n"
   # a feed rule's example: stories separated by a line of three dashes


@dataclass(frozen=True, slots=True)
class FeedItem:
    rule: str
    article: str
    key: tuple            # what must agree: a person's name; a figure's `by` fields
    value: object         # the title's words, or the figure's value
    shown: str            # the title or the value as written
    name: str             # the person, or the counted noun
    loc: Location         # where the article says it (the report's coordinates)
    context: str          # the fingerprint context of its sentence

    def to_json(self) -> str:
        return json.dumps([self.rule, self.article, list(self.key), self.value if not isinstance(self.value, tuple)
                           else list(self.value), self.shown, self.name, _loc_list(self.loc), self.context],
                          ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> "FeedItem":
        rule, article, key, value, shown, name, loc, context = json.loads(text)
        return cls(rule, article, tuple(key), tuple(value) if isinstance(value, list) else value, shown, name,
                   Location(*loc), context)


def _loc_list(loc: Location) -> list:
    return [loc.start, loc.end, loc.line, loc.column, loc.end_line, loc.end_column, loc.text]


def _without_pronoun(word: str) -> str:
    """وزير خارجيته / وزير الخارجية: a portfolio word with a pronoun suffix (its ta marbuta written ت
    before it) is the same word (lexicon affixes: pronoun, feminine-t, feminine)."""
    feminine_t = affix("feminine-t")
    for pronoun in affixes("pronoun"):
        stem = word[:-len(pronoun)]
        if word.endswith(pronoun) and stem.endswith(feminine_t) and len(stem) > len(feminine_t) + 2:
            return stem[:-len(feminine_t)] + affix("feminine")
    return word


def _listed_before(text: str, mention) -> bool:
    """A title that punctuation parts from the name after it belongs to what stands before it: in a
    list (أحمد سالم وزير النقل، اللواء ناصر علي وزير الداخلية) each title follows its own name."""
    title = mention.title_loc
    return title is not None and title.start < mention.loc.start and any(
        unicodedata.category(c).startswith("P") for c in text[title.start:mention.loc.start])


def _title_word(norm: str) -> str:
    return title_word_list(norm)[0] if norm.strip() else norm


def feed_rules(rules: list[m.Rule]) -> list[m.Rule]:
    return [r for r in rules if is_feed_rule(r)]


def feed_items(engine, rules: list[m.Rule], article, place=lambda loc: loc) -> list[FeedItem]:
    """One article's items for the feed rules; `place` maps a plain-text location to the source's."""
    out: list[FeedItem] = []
    path = article.doc.path
    contexts: dict[int, str] = {}
    for rule in rules:
        req = rule.requirement
        seen: set = set()
        for item, _ in engine.select(rule, article):
            if req.what == "titles":
                name = normalize_string(item.name)
                words = name.split()
                if len(words) < 2 or (len(words) == 2 and words[0] in word_class("name-particles", "particle", "kind")):
                    continue   # a surname or a given name alone (عبد المجيد) names many people in a feed
                for mention, words in engine.conflicts.titled_mentions(item):
                    if (name, words) in seen or _listed_before(article.doc.text, mention):
                        continue
                    seen.add((name, words))
                    loc = mention.title_loc or mention.loc
                    out.append(FeedItem(rule.id, path, (name,), words, mention.title, item.name, place(loc),
                                        fingerprint_context(article, loc.start, contexts)))
            elif item.value is not None:
                key = tuple(norm_value(FIELDS["number"][f].get(item, article)) for f in req.by if f != "source")
                if any(k in (None, "") for k in key) or (key, float(item.value)) in seen:
                    continue
                seen.add((key, float(item.value)))
                loc = describe(item, article)[0]
                out.append(FeedItem(rule.id, path, key, float(item.value), format_value(item.value), item.noun or "",
                                    place(loc), fingerprint_context(article, loc.start, contexts)))
    return out


class FeedIndex:
    """What the articles before this one said, for each feed rule and key."""

    def __init__(self, validator, rules: list[m.Rule] | None = None):
        self.rules = {r.id: r for r in feed_rules(validator.rules if rules is None else rules)}
        self.engine = validator.engine
        self.seen: dict[tuple, list[FeedItem]] = {}
        # one spelling for words with two (الأميركي / الأمريكي): desks differ, the title does not
        self.spelling = {_title_word(e.norm): e.get("group") for e in validator.resources.spelled_terms.entries}
        # the words of the portfolios lexicon, a title's function words left out: only they tell two
        # ministries apart (an epithet such as الوزير الحديدي or a misspelling names no other ministry)
        self.portfolios = frozenset({_title_word(w) for e in validator.lexicons["portfolios"].entries
                                     for w in e.norm.split()} - TITLE_FUNCTION_WORDS)
        self._ministries: dict[tuple, frozenset] = {}  # a title's words -> `_ministry`

    def compare(self, items: list[FeedItem]) -> list[tuple[FeedItem, FeedItem | None]]:
        """Each item of one article with the earlier article's item it contradicts (or None); then
        the article's items join the index. A title that names no ministry by a portfolio word
        contradicts no title (`_ministry`): its earlier ones are not read."""
        out = []
        for item in items:
            rule = self.rules[item.rule]
            if rule.requirement.what == "titles":  # two ministries: other offices are named too many ways across desks
                own = self._ministry(item.value)
                earlier = self.seen.get((item.rule, item.key), []) if own else []
                out.append((item, next((e for e in earlier if e.article != item.article
                                        and _portfolios_conflict(own, self._ministry(e.value))), None)))
                continue
            req, earlier = rule.requirement, self.seen.get((item.rule, item.key), [])
            out.append((item, next((e for e in earlier if e.article != item.article
                                    and not values_agree(item.value, e.value, req.tolerance, req.factor)), None)))
        for item in items:
            known = self.seen.setdefault((item.rule, item.key), [])
            if all(k.value != item.value for k in known):
                known.append(item)
        return out

    def _ministry(self, title: tuple[str, ...]) -> frozenset:
        """The portfolio words of a ministry's title (وزير التخطيط: {التخطيط}), or none for another office.
        Only ministries (lexicon entity-words, class ministry-head): in the hand check of the shared day
        files every other office was a false alarm (الرئيس الأميركي / رئيس الولايات المتحدة، رئيس الاتحاد /
        رئيس النادي). Only the words of the portfolios lexicon are compared: desks write the same ministry
        with a country or a nationality (وزير الخارجية المصري / وزير الخارجية بجمهورية مصر العربية) and with
        epithets (الوزير الحديدي). Read once per distinct title of the run (the index keeps each once)."""
        found = self._ministries.get(title)
        if found is None:
            words = tuple(self.spelling.get(w, w) for w in map(_without_pronoun, title))
            heads = word_class("entity-words", "ministry-head")
            found = self._ministries[title] = frozenset(words[1:]) & self.portfolios \
                if words and words[0] in heads else frozenset()
        return found

    def finding(self, item: FeedItem, earlier: FeedItem, lang: str) -> Finding:
        rule = self.rules[item.rule]
        values = {"name": item.name, "title": item.shown, "value": item.shown, "other": earlier.shown,
                  "noun": item.name, "article": earlier.article, "text": item.loc.text}
        return compose(rule, lang, item.loc, (RelatedLocation(earlier.loc, f"in {earlier.article}"),), values)

    def findings(self, items: list[FeedItem], lang: str) -> list[Finding]:
        """One article's findings across the feed, fingerprinted."""
        found = [(self.finding(item, earlier, lang), item.context) for item, earlier in self.compare(items)
                 if earlier is not None]
        return with_fingerprints([f for f, _ in found], [c for _, c in found])


def _portfolios_conflict(a: frozenset, b: frozenset) -> bool:
    """Two ministries that share no portfolio word (وزير التخطيط / وزير المالية; `FeedIndex._ministry`)."""
    return bool(a and b) and a.isdisjoint(b)


def example_findings(validator, rule: m.Rule, text: str) -> list[Finding]:
    """A feed rule's example: its stories (separated by a line `---`) as one feed."""
    index = FeedIndex(validator, [rule])
    out: list[Finding] = []
    for i, story in enumerate(text.split(EXAMPLE_SEPARATOR)):
        article = validator.extract_text(story.strip("\n"), path=f"<story {i + 1} of an example of {rule.id}>")
        out.extend(index.findings(feed_items(validator.engine, [rule], article), validator.options.lang))
    return out
