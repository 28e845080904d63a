"""Consistency rules (`require consistent titles|spelling|value`): what two titles, two spellings or
two figures of one article must agree on, and when they conflict."""
from __future__ import annotations

import bisect

from validator.extract.evidence import title_link
from validator.extract.further_counts import and_others_total
from validator.extract.model import Article, Entity, Mention, NumberItem, SpellingGroup
from validator.extract.wordclasses import affix, affixes, word_class
from validator.findings import Finding, Location, RelatedLocation
from validator.rules import model as m
from validator.rules.compose import compose, format_value
from validator.rules.fields import FIELDS, norm_value
from validator.text.lexicon import Lexicons
from validator.text.normalize import normalize_string


class Consistency:
    def __init__(self, lexicons: Lexicons, lang: str):
        self.lexicons = lexicons
        self.lang = lang

    def findings(self, rule: m.Rule, items: list, article: Article) -> list[tuple[object, Finding]]:
        """A consistency rule's findings over the selected structures, each with the structure it is
        about (the corpus engines' derived tables keep both)."""
        req = rule.requirement
        if req.what == "titles":
            return [(e, f) for e in items for f in self._titles(rule, e, article)]
        if req.what == "spelling":
            out = []
            for group in items:
                forms = group.forms if isinstance(group, SpellingGroup) else ()
                if len(forms) >= 2:
                    first_loc, other = forms[0][1], forms[1][1]
                    out.append((group, compose(rule, self.lang, other, (RelatedLocation(first_loc, "first spelling"),),
                                               {"other": first_loc.text, "name": other.text, "forms": len(forms)},
                                               evidence=[f"variant:{group.variant}"] * bool(group.variant)
                                               + [f"name-slot:{group.slot}"] * bool(group.slot))))
            return out
        if req.what == "value":
            return self._values(rule, req, items, article)
        return []

    def _titles(self, rule: m.Rule, entity: Entity, article: Article) -> list[Finding]:
        if sum(map(_role_titled, entity.mentions)) < 2:
            return []  # one title alone has nothing to disagree with
        seen: list[tuple[frozenset, Mention]] = []
        seen_words: set = set()
        out = []
        sentence_at = article.doc.sentence_at
        for mention, words in self.titled_mentions(entity):
            for other_words, other in seen:
                # two titles in one sentence are two people of a list the names joined (بحضور عمدة
                # البلدة علي بن حسين العلي، ورجل الأعمال علي العلي) or one described twice, never a slip
                if self.titles_conflict(words, other_words) \
                        and sentence_at(mention.loc.start) is not sentence_at(other.loc.start):
                    loc = mention.title_loc or mention.loc
                    out.append(self._make(rule, loc, article, {
                        "name": entity.name, "title": mention.title, "other": other.title,
                        "titles": "، ".join(entity.titles)},
                        related=(RelatedLocation(other.title_loc or other.loc, "earlier title"),),
                        evidence=[title_link(m, article, self.lang) for m in (other, mention)]))
                    break
            if words not in seen_words:  # a title written again conflicts as its first writing did
                seen_words.add(words)
                seen.append((words, mention))
        return out

    def titled_mentions(self, entity: Entity):
        """(mention, title words) of each mention whose title is a role: a rank (الفريق أول), an
        honorific or a relation does not contradict a role."""
        for mention in entity.mentions:
            if _role_titled(mention):
                yield mention, title_word_list(mention.title, self._title_modifiers())

    def titles_conflict(self, a: tuple[str, ...], b: tuple[str, ...]) -> bool:
        return _titles_conflict(a, b, self.place_words(), self.place_words("nationalities"))

    def place_words(self, only: str | None = None) -> frozenset:
        """Countries, cities and nationalities as a title's words (مصر، الأردن، المصري): two titles
        whose places differ (السفير لدى مصر / السفير لدى الأردن) name two offices. `only`: the words
        of one lexicon (nationalities)."""
        cache = self.__dict__.setdefault("_places_caches", {})
        cached = cache.get(only)
        if cached is None:
            words = set()
            for name in (only,) if only else ("places", "nationalities"):
                for e in self.lexicons[name].entries:
                    forms = [e.text] + [e.get(k) for k in ("f", "definite") if e.get(k)]
                    for form in forms:
                        if " " not in form.strip():
                            words |= _title_words(form)
            cached = cache[only] = frozenset(words)
        return cached

    def _title_modifiers(self) -> frozenset:
        """السابق، المخلوع، بالوكالة: they qualify a title, they do not change it."""
        cached = getattr(self, "_modifiers_cache", None)
        if cached is None:
            cached = frozenset(_title_words(e.text) for e in self.lexicons["title-modifiers"].entries
                               if " " not in e.norm)
            cached = frozenset(w for ws in cached for w in ws) | word_class("entity-words", "title-modifier-stem")
            self._modifiers_cache = cached
        return cached

    def _values(self, rule: m.Rule, req: m.RequireConsistent, items: list[NumberItem], article: Article):
        if req.scope == "restatement" and not (req.with_headline and len({n.in_headline for n in items}) > 1) \
                and all(n.restates is None for n in items):
            return []  # nothing restates another, and no headline against body: _comparable pairs nothing
        groups: dict[tuple, list[NumberItem]] = {}
        getters = [FIELDS["number"][f].get for f in req.by if f != "source"]
        for n in items:
            if n.value is None:
                continue
            key = tuple(norm_value(get(n, article)) for get in getters)
            groups.setdefault(key, []).append(n)
        if all(len(members) < 2 for members in groups.values()):
            return []  # one figure alone has nothing to disagree with
        out = []
        verbs: dict[int, list[int]] = {}  # where a reporting verb stands, by sentence
        for a in article.attributions:
            if a.kind == "verb":
                verbs.setdefault(a.sentence, []).append(a.loc.start)
        body_counts: dict[str, list[NumberItem]] = {}
        for n in sorted(article.numbers, key=lambda n: n.loc.start) if req.with_headline else ():
            if not n.in_headline and n.noun_type and not n.partial and not n.approximate:
                body_counts.setdefault(n.category, []).append(n)  # (a part already counted: no addend)
        for members in groups.values():
            if len(members) < 2:
                continue  # one figure alone has nothing to disagree with
            members.sort(key=lambda n: n.loc.start)
            # the body's counts of this category in order, whatever they count: the headline's «يقتل ويصيب
            # 5» is the killed and the wounded told one after the other (مقتل شخصين وإصابة ثلاثة)
            body = body_counts.get(members[0].category, ())
            head_type = members[0].noun_type
            parts = _parts([n for n in body if n.noun_type == head_type and n.value is not None],
                           {float(n.value) for n in members}, req.tolerance)
            # the same figure in the body, read as this quantity or as a plain count of people (not of all
            # a vehicle carried: يقل 52 راكبا is the whole, not the toll)
            counts = {float(n.value) for n in article.numbers if not n.in_headline and n.value is not None
                      and ((n.category == "people" and n.noun_type not in _ABOARD)
                           or (n.category == members[0].category and n.noun_type == head_type))}
            for n, candidates in _comparable_earlier(members, req):
                for earlier in candidates:
                    if not _comparable(earlier, n, req):
                        continue
                    if _part_of_whole(earlier, n) or _part_of_whole(n, earlier):
                        continue  # مقتل وإصابة 10 / أصيب سبعة: the dead and the wounded told whole, and a part
                    if req.with_headline and earlier.in_headline != n.in_headline:
                        head, told = (earlier, n) if earlier.in_headline else (n, earlier)
                        if _headline_told(head, body, req, counts):
                            continue  # the headline's figure is in the body: the other tolls are other incidents
                        if and_others_total(article.doc.text, told, float(head.value), article.numbers):
                            continue  # مقتل ستة / قائد وخمسة آخرين: the headline tells the whole
                    if "source" in req.by and n.source and earlier.source and n.source != earlier.source:
                        continue  # two sources disagreeing is reported news, not an inconsistency
                    if earlier.sentence == n.sentence and _report_between(earlier, n, verbs):
                        continue  # أعلنت السلطات ستة قتلى، فيما تحدثت وسائل إعلام عن تسعة: two reports
                    if _values_agree(earlier, n, req.tolerance, req.factor) if not req.scale \
                            else not _scaled(float(earlier.value), float(n.value)):
                        continue
                    if not (earlier.in_headline or n.in_headline) \
                            and (self._bound_holds(earlier, n) or self._bound_holds(n, earlier)):
                        continue  # خمسة قتلى / أكثر من 3 قتلى in the body: a lower bound the other value meets
                    if earlier.in_headline != n.in_headline and _rounded(earlier if earlier.in_headline else n,
                                                                         n if earlier.in_headline else earlier):
                        continue  # قبول 18 ألف متدرب / 18410 متدربين: the headline rounds the body's figure
                    if earlier.id in parts or n.id in parts:
                        continue  # مقتل 24: ستة في انفجار ثم 18 في آخر: a total and its parts
                    out.append((n, self._make(rule, n.loc, article, {
                        "value": format_value(n.value), "other": format_value(earlier.value), "noun": n.noun or "",
                        "category": n.category},
                        related=(RelatedLocation(earlier.loc, "the other value"),))))
                    break
        return out

    def _bound_holds(self, bound: NumberItem, other: NumberItem) -> bool:
        """`bound` is told with a bound qualifier (lexicon qualifiers type=min: أكثر من، ما يزيد على; type=max:
        أقل من) that `other`'s value, told without one, meets: «more than three» does not contradict five, nor
        «fewer than ten» six. Two bounds (أكثر من 5300 / أكثر من 5200) are two statements of one toll: compared;
        so is a headline's figure against the body's bound (25 / 21 على الأقل: the body should tell the 25)."""
        kind = self._bound_kind(bound)
        if kind is None or self._bound_kind(other) is not None:
            return False
        x, y = float(bound.value), float(other.value)
        return (kind == "min" and y >= x) or (kind == "max" and y <= x)

    def _bound_kind(self, item: NumberItem) -> str | None:
        entry = self.lexicons["qualifiers"].lookup(normalize_string(item.qualifier)) if item.qualifier else None
        return entry.get("type") if entry is not None and entry.get("type") in ("min", "max") else None

    def _make(self, rule: m.Rule, loc: Location, article: Article, values: dict,
              related: tuple[RelatedLocation, ...] = (), evidence: list[str] = ()) -> Finding:
        return compose(rule, self.lang, loc, related, values, evidence=evidence)


def _role_titled(mention: Mention) -> bool:
    """A name's mention whose title is a role (`Consistency.titled_mentions`)."""
    return bool(mention.title) and mention.form in ("name", "surname") and mention.title_kind not in (
        "rank", "honorific", "relation")


def _comparable_earlier(members: list[NumberItem], req: m.RequireConsistent):
    """Each member with the earlier members _comparable may accept, in order: looked up by the keys
    comparable values share (the scope unit, the other side of the headline) instead of trying every
    earlier value, which was quadratic in the figures of a long article."""
    buckets: dict[tuple, list[int]] = {}
    for k, n in enumerate(members):
        found = {i for key in _comparable_keys(n, req, looking=True) for i in buckets.get(key, ())}
        yield n, [members[i] for i in sorted(found)]
        for key in _comparable_keys(n, req, looking=False):
            buckets.setdefault(key, []).append(k)


def _comparable_keys(n: NumberItem, req: m.RequireConsistent, looking: bool) -> list[tuple]:
    """The keys a value is filed under (looking=False) or looks up (looking=True): two values are
    comparable when one looks up a key the other is filed under (see _comparable)."""
    keys = [("headline", n.in_headline != looking)] if req.with_headline else []
    if req.scope == "sentence":
        keys.append(("unit", n.sentence))
    elif req.scope == "passage":
        keys.append(("unit", n.passage))
    elif req.scope == "paragraph":
        keys.append(("unit", n.paragraph))
    elif req.scope == "restatement":
        keys += [("id", n.restates if looking else n.id), ("restates", n.id if looking else n.restates)]
    else:
        keys.append(("unit",))
    return keys


def _comparable(a: NumberItem, b: NumberItem, req: m.RequireConsistent) -> bool:
    """Whether two values are compared at all: same scope unit, or headline against body."""
    if req.with_headline and a.in_headline != b.in_headline:
        return True
    if req.scope == "sentence":
        return a.sentence == b.sentence
    if req.scope == "passage":
        return a.passage == b.passage
    if req.scope == "restatement":
        return b.restates == a.id or a.restates == b.id
    if req.scope == "paragraph":
        return a.paragraph == b.paragraph
    return True


def _part_of_whole(whole: NumberItem, part: NumberItem) -> bool:
    """`whole` counts the dead and the wounded together (field combined: مقتل وإصابة 10، 300 قتيل وجريح) and
    `part`, a count of one kind, is no larger: a part of it (2 killed + 7 wounded + the gunman = 10)."""
    return whole.combined and not part.combined and float(part.value) <= float(whole.value)


def _report_between(a: NumberItem, b: NumberItem, verbs: dict[int, list[int]]) -> bool:
    """A reporting verb between two figures of one sentence: the second is another report of the toll
    (فيما تحدثت وسائل إعلام عن ...), whoever the sentence's source was taken to be."""
    return any(a.loc.end <= v < b.loc.start for v in verbs.get(a.sentence, ()))


_MOST_PARTS = 4  # a total's parts are told together: a few figures, not a whole report's


def _parts(kind: list[NumberItem], totals: set[float], tolerance: float) -> set[str]:
    """The figures of one kind, in order, that two to four told one after the other add up to one of
    the totals (another figure of the quantity): the parts of a total, each a count of its own."""
    out: set[str] = set()
    ordered = sorted(totals)
    for start in range(len(kind)):
        sum_ = float(kind[start].value)
        for k in range(start + 1, min(start + _MOST_PARTS, len(kind))):
            sum_ += float(kind[k].value)
            at = bisect.bisect_left(ordered, sum_ / (1 + tolerance))  # the least total within tolerance
            if at < len(ordered) and ordered[at] <= sum_ / (1 - tolerance):
                out.update(n.id for n in kind[start:k + 1])
    return out


def _headline_told(head: NumberItem, body: list[NumberItem], req: m.RequireConsistent,
                   counts: set[float] = frozenset()) -> bool:
    """The body gives the headline's figure: the same value (in this quantity, or as a plain count of
    people), or the sum of tolls told one after the other (مقتل 20: 18 in one blast and two in another)."""
    values = [float(n.value) for n in body if n.value is not None]
    target = float(head.value)
    if target in counts:
        return True
    for i in range(len(values)):
        total = 0.0
        for k in range(i, len(values)):  # (a slice would copy the rest for every start)
            v = values[k]
            total += v
            if abs(total - target) <= target * req.tolerance:
                return True
            if total > target:
                break
    return False


ROUNDED_MIN = 1000  # a headline's round figure of thousands or more (18 ألف، مليون) may round the body's


def _rounded(head: NumberItem, body: NumberItem) -> bool:
    """The headline's figure is the body's rounded to the headline's own last digit: 18000 for 18410, 42
    million for 42.3 million (not a million for 1.5 million)."""
    h, b = float(head.value), float(body.value)
    if h < ROUNDED_MIN or h != int(h):
        return False
    scale = 1
    while h % (scale * 10) == 0:
        scale *= 10
    return scale >= ROUNDED_MIN and int(b / scale + 0.5) * scale == h


def _values_agree(a: NumberItem, b: NumberItem, tolerance: float, factor: float) -> bool:
    return values_agree(float(a.value), float(b.value), tolerance, factor)


def values_agree(x: float, y: float, tolerance: float, factor: float) -> bool:
    """Two values of one quantity agree: equal, within the relative tolerance, or so far apart (more
    than `factor` times) that they are a part and a total rather than one figure told twice."""
    if x == y:
        return True
    lo, hi = min(x, y), max(x, y)
    if lo <= 0:
        return False
    if factor and hi / lo > factor:
        return True  # an order of magnitude apart: a part and a total, not one quantity
    return (hi - lo) / hi <= tolerance


def _scaled(x: float, y: float) -> bool:
    """One value is the other times a multiplier word (27 against 27 thousand): the word dropped. A
    smaller value with a fraction is rather a dot written for a thousands comma (1.500 for 1500)."""
    lo, hi = min(x, y), max(x, y)
    return lo > 0 and lo == int(lo) and any(hi == lo * k for k in (1e3, 1e6, 1e9))


def _title_words(title: str) -> frozenset:
    return frozenset(title_word_list(title))


def title_word_list(title: str, modifiers: frozenset = frozenset()) -> tuple[str, ...]:
    """A title's words in order, without the article or a clitic with it, and without the words
    that only qualify it (السابق، الدولي)."""
    words = []
    for w in normalize_string(title).split():
        for clitic in _TITLE_ARTICLES:
            if w.startswith(clitic) and len(w) > len(clitic) + 1:
                w = w[len(clitic):]
                break
        if w not in modifiers:
            words.append(w)
    return tuple(words)


_ABOARD = word_class("figure-words", "aboard")  # راكبا، مسافرين: everyone aboard, not a toll
_TITLE_ARTICLES = affixes("title-article")   # والوزير، للوزير: read off before titles are compared
_FEMININE = affix("feminine")   # وزير / وزيرة: one office

# words every title may share that name no portfolio; a board, council or committee (a seat on one goes
# with an office); roles held beside an office (lexicon entity-words)
TITLE_FUNCTION_WORDS = word_class("entity-words", "title-function")
_BOARD_WORDS = word_class("entity-words", "title-board")
_ADDED_ROLES = word_class("entity-words", "title-added-role")
_OWN_COUNTRY = word_class("entity-words", "title-own-country")


def _one_country(generic: set, named: set, places: frozenset) -> bool:
    """The state named only as the state (الجمهورية، الدولة), whatever describes it (الدولة المضيفة:
    the host state, blind round 16), against the same office over one named country or nationality
    and nothing else (اليمن، اليمني، الروسي): a description of the office, not another title."""
    return bool(generic & _OWN_COUNTRY) and not generic & places and bool(named) and named <= places


def _titles_conflict(a: tuple[str, ...], b: tuple[str, ...], places: frozenset = frozenset(),
                     nationalities: frozenset = frozenset()) -> bool:
    """Two titles an editor would call a contradiction. A title that contains the other (وزير
    الخارجية / الوزير) is the same one. The same office (head noun) over two different portfolios,
    bodies or countries conflicts (وزير التخطيط / وزير المالية، السفير لدى مصر / السفير لدى الأردن),
    but not one portfolio named two ways (وزير الري والموارد المائية / وزير الري). Two different
    offices conflict only when each names its own body (رئيس الهيئة العامة للاستعلامات / وزير الإعلام)
    and neither is a seat on a board or an added role one holds beside an office (وزير الإسكان / رئيس
    مجلس إدارة الصندوق، مستشار الملك أمير المنطقة); a bare role (المدرب / المدير الفني، الروائي
    الأردني / الكاتب الأردني) says nothing against another."""
    if not a or not b or set(a) <= set(b) or set(b) <= set(a):
        return False
    rest_a, rest_b = set(a[1:]), set(b[1:])
    if a[0].removesuffix(_FEMININE) == b[0].removesuffix(_FEMININE):
        if len(a) == 1 or len(b) == 1:
            return False  # (a bare head, قائده، الرئيس, says nothing against the full title)
        if _one_country(rest_a, rest_b, places) or _one_country(rest_b, rest_a, places):
            return False  # رئيس الجمهورية / رئيس اليمن، الرئيس اليمني: one head of state
        only_a, only_b = (rest_a - rest_b) & places, (rest_b - rest_a) & places
        if only_a and only_b:
            # السفير لدى مصر / السفير لدى الأردن، الرئيس المصري / الرئيس الأميركي; but a nationality
            # against a city or a body is one person described two ways (الباحث الأميركي / الباحث
            # بمعهد واشنطن)
            return (only_a <= nationalities) == (only_b <= nationalities)
        return not ((rest_a & rest_b) - places - TITLE_FUNCTION_WORDS)
    own_a, own_b = rest_a - places - TITLE_FUNCTION_WORDS, rest_b - places - TITLE_FUNCTION_WORDS
    if not own_a or not own_b or a[0] in _ADDED_ROLES or b[0] in _ADDED_ROLES \
            or (set(a) | set(b)) & _BOARD_WORDS:
        return False
    return not (own_a & own_b)
