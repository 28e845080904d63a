"""Numbers: digits (Western and Arabic-Indic, normalized), number words, duals, scales, percents,
qualifiers; each with its value, the noun it counts and a category."""
from __future__ import annotations

import re
from typing import Any

from validator.extract.context import Context
from validator.extract.wordclasses import affix, affixes, one_word, word_class
from validator.extract.figure_context import FigureContext
from validator.extract.letters import WORD_RUN
from validator.extract.model import NumberItem
from validator.extract.numerals import (DECIMAL_MARK, PERCENT, PERCENT_NOUNS, digit_runs, dot_grouped, figure_words,
                                        parse_digits, percent_words, compound_parts, scale_of, line_break, words_before, wrapped_end, plural_subject)
from validator.text.punctuation import DASHES

# Each pattern opens with a digit and looks behind it (`\d(?<![\d.]\d)` = not after a digit or a dot), so a match
# can only start where a run of digits does (`digit_runs`): each pattern is tried there alone, not searched through.
# A date d/m/yyyy may be written with a space at its slashes (26 /9 /1436هـ, 9 / 10 / 1436): then its year has four digits
_DATE = re.compile(r"\d(?<![\d.]\d)(?:\d{0,3}[/-]\d{1,2}[/-]\d{1,4}|\d? ?[/-] ?\d{1,2} ?[/-] ?\d{4})(?![\d])")
_TIME = re.compile(r"\d(?<![\d.:]\d)\d?:\d{2}(?![\d:])")
_SCORE = re.compile(r"(\d(?<![\d.]\d)\d?)\s*[-–]\s*(\d{1,2})(?![\d.])")

_YEAR_WORDS = word_class("figure-words", "year-words")
_AGE_OPEN = "("
_CLOCK_WORDS = word_class("figure-words", "clock-words")
_AGE_WORDS = word_class("figure-words", "age-words")
_OTHERS = word_class("figure-words", "others")
_BREAKS = word_class("figure-words", "breaks")
_COMPARATIVES = word_class("figure-words", "comparatives")
_AMONG = word_class("figure-words", "among")
_ARTICLE = affix("article")
_AND = affix("and")
# ماضي: the background-context patterns (العام الماضي) run only in an article where it occurs
# أي 600 مليون، ما يعادل، بما يوازي: the words that announce an amount restated
_RESTATE_MARKERS = word_class("figure-words", "restate-markers")
_RESTATE_FILLERS = _RESTATE_MARKERS | figure_words("restate-fillers")
_FUTURE_PREFIX = affix("future")
_DUAL_ENDINGS = affixes("dual-ending")
_PLURAL_DURATIONS = figure_words("plural-durations")  # ثواني، ساعات: plurals with a dual's ending
_PARTITIVE = one_word("figure-words", "partitive")  # أربعة من عناصر الأمن
_REACH = word_class("figure-words", "reach-verbs")  # لتصل إلى نحو: the release's round figure, not the writer's estimate
_DIGITS = re.compile(r"\d(?<![\d.,%s]\d)\d*(?:[.,%s]\d+)*(?![\d])" % (DECIMAL_MARK, DECIMAL_MARK))
_PARTITIVE_HEADS = (_ARTICLE, *sorted(figure_words("partitive-heads")))
_NOT_COUNTED = figure_words("not-counted")
_RANGE_BEFORE = figure_words("range-before")
_RANGE_BETWEEN = figure_words("range-between")
_RANGE_START = figure_words("range-start")
_RANGE_TO = figure_words("range-to") | DASHES
_DEFINITE_HEADS = word_class("affixes", "definite-head")  # الـ1500، والـ8000
_HIJRI = figure_words("hijri")
_OBLIQUE_PLURAL = affix("oblique-plural")
_FEMININE_DUAL = affix("feminine-dual")
_NISBA_PLURAL = affix("nisba-plural")
_MASCULINE_PLURAL = affix("masculine-plural")
# Casualty words whose counts are people affected rather than casualties (killed, injured, missing).
PEOPLE_TYPES = frozenset({"displaced", "detained", "infiltrated", "refugee", "hostage", "prisoner", "arrested"})


class NumberExtractor:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.res = ctx.res
        self.text = ctx.text
        self.tokens = ctx.tokens
        self.items: list[NumberItem] = []
        self._taken = bytearray(len(ctx.text) + 1)  # characters already read as part of a number
        self.runs: list[int] = []  # where each run of digits starts
        self.context = FigureContext(ctx)
        self._word = ctx.word_at  # the text of token i if it is a word, else None

    def _free(self, s: int, e: int) -> bool:
        return not any(self._taken[s:e])

    def _take(self, s: int, e: int) -> None:
        self._taken[s:e] = b"\x01" * (e - s)

    def run(self) -> list[NumberItem]:
        self.runs = digit_runs(self.tokens)
        for m in self._matches(_DATE):
            self._add(m.start(), m.end(), None, "date")
        for m in self._matches(_TIME):
            if self._free(m.start(), m.end()):
                self._add(m.start(), m.end(), None, "time")
        for m in self._matches(_SCORE):
            if self._free(m.start(), m.end()) and self._near_lexicon(m.start(), "sport-context", 10):
                self._add(m.start(), m.end(), None, "score")
        if any(word in self.text for word in PERCENT_NOUNS):  # rare: skip the regex otherwise
            for m in percent_words(self.text):
                self._take(m.start(), m.end())  # المئة in "في المئة" is not a number of its own
        self._expressions()
        self.items.sort(key=lambda n: n.loc.start)
        self._elided_currency()
        self._restatements()
        self.context.mark_historical(self.items)
        self._coordinated()
        return self.items

    def _matches(self, pattern: re.Pattern[str]) -> list[re.Match[str]]:
        """`pattern.finditer(text)` for a pattern that can only start where a run of digits does."""
        found: list[re.Match[str]] = []
        end = 0
        for start in self.runs:
            if start >= end:
                m = pattern.match(self.text, start)
                if m is not None:
                    found.append(m)
                    end = m.end()
        return found

    def _coordinated(self) -> None:
        """مقتل 3 جنود و5 مدنيين، 133 إصابة و184 حالة مرضية: counts of one kind joined by و in one
        sentence are the items of a breakdown, each a part of the whole, never the same count told twice."""
        index = self.ctx.index
        for a, b in zip(self.items, self.items[1:]):
            if a.sentence != b.sentence or a.category != b.category or a.noun_type is None \
                    or a.noun_type != b.noun_type:
                continue
            end = index.at_or_after(self.ctx.norm.to_normalized(a.loc.end))
            start = index.containing(self.ctx.norm.to_normalized(b.loc.start))
            between = [t.text for t in self.tokens[end:start]]
            if len(between) <= 3 and (between and between[-1].startswith(_AND)
                                      or self.tokens[start].text.startswith(_AND)):
                a.partial = b.partial = True

    def _elided_currency(self) -> None:
        """دفع 49 مليونا للحصول على الجناح، و8 ملايين لفابيان: a sum in millions with no currency after
        a sum of money in its paragraph is money in that currency (the writer does not repeat it)."""
        last_money: dict[int, NumberItem] = {}
        for n in self.items:
            if n.category == "money":
                last_money[n.paragraph] = n
            elif n.category in ("quantity", "other") and n.noun_type is None and isinstance(n.value, (int, float)) \
                    and n.value >= 1_000_000 and not n.loc.text.strip().isdigit() and n.paragraph in last_money:
                n.category, n.noun_type, n.noun = "money", last_money[n.paragraph].noun_type, None

    def _restatements(self) -> None:
        """An amount written right after another one, in parentheses or after أي / ما يعادل / ما يوازي
        (with at most the first one's currency between them; a semicolon only right before the marker: ؛ أي ما
        يعادل), restates it: the same sum in another currency or form, of the same kind. Two sums otherwise."""
        prev = None
        for n in self.items:
            if prev is not None and n.category == "money" and prev.category == "money" \
                    and n.paragraph == prev.paragraph:
                gap = self.text[self.ctx.norm.to_normalized(prev.loc.end):self.ctx.norm.to_normalized(n.loc.start)]
                words = WORD_RUN.findall(gap)
                others = [w for w in words if w not in _RESTATE_FILLERS]
                marked = ("(" in gap and ")" not in gap) or any(w in _RESTATE_MARKERS for w in words)
                if marked and len(others) <= 2 and not re.search(r"[.!?؟]", gap) and all((first := WORD_RUN.findall(part)[:1]) and first[0] in _RESTATE_MARKERS for part in re.split(r"[؛;]", gap)[1:]):
                    n.restates = prev.id
                    # the same sum: a price per unit or a figure of record in another currency is one too
                    n.unit_price, n.record = n.unit_price or prev.unit_price, n.record or prev.record
            prev = n

    def _near_lexicon(self, pos: int, lexicon: str, window: int) -> bool:
        """A word of the lexicon within `window` tokens of pos, in the same paragraph."""
        i = self.ctx.index.containing(pos)
        lo = self.tokens[max(0, i - window)].start
        hi = self.tokens[min(len(self.tokens) - 1, i + window)].end
        para = self.ctx.sentence_of(pos)[1]
        return any(self.ctx.sentence_of(m.start)[1] == para for m in self.ctx.hits(lexicon, lo, hi))

    # -- numeral expressions ---------------------------------------------------------------------
    def _expressions(self) -> None:
        numerals: list[tuple[int, int, float | int | None, dict]] = []
        for m in self._matches(_DIGITS):
            if self._free(m.start(), m.end()):
                numerals.append((m.start(), m.end(), parse_digits(m.group()), {}))
        for lex_name in ("ordinals", "number-words"):  # a number word ending a compound ordinal (الثاني والعشرين) is no count
            for hit in self.ctx.hits(lex_name):
                if hit.prefix.endswith(_FUTURE_PREFIX):
                    continue  # سالف الذكر: the future prefix س never opens a number word
                if self._free(hit.start, hit.end) and not any(s < hit.start - len(hit.prefix) and hit.start < e for s, e, _v, a in numerals if a.get("_ordinal")):
                    attrs: dict[str, Any] = dict(hit.entry.attrs)
                    attrs["_lexicon"] = hit.entry.source
                    attrs["_ordinal"] = lex_name == "ordinals"
                    numerals.append((hit.start, hit.end, _to_number(hit.entry.get("value")), attrs))
        for lex_name in ("casualty-nouns", "people-nouns", "units"):
            for hit in self.ctx.hits(lex_name):
                dual = hit.entry.get("number") == "du" or (
                    lex_name == "units" and hit.entry.get("kind") == "duration" and hit.entry.norm.endswith(_DUAL_ENDINGS)
                    and hit.entry.norm not in _PLURAL_DURATIONS)
                if not dual or self.res["bodies"].by_norm.get(hit.entry.norm, {}).get("kind") == "name":
                    continue  # a known body's name (bodies kind=name: the movement) is no dual count
                before = hit.i - 1
                after_numeral = before >= 0 and (self.tokens[before].kind == "number" or self.res["number-words"].lookup(
                    self.tokens[before].text) is not None)
                definite = hit.entry.norm.startswith(_ARTICLE) or hit.prefix.endswith(_ARTICLE)
                if lex_name == "people-nouns" and _sound_plural(hit.entry.norm, self.res[lex_name]):
                    continue  # مدنيين، مواطنين: a plural as often as a dual
                if not after_numeral and not definite and self._free(hit.start, hit.end):
                    numerals.append((hit.start, hit.end, 2, {"_dual_noun": _Dual(hit.entry, lex_name),
                                                             "_lexicon": hit.entry.source}))
        numerals.sort(key=lambda n: n[0])
        i = 0
        while i < len(numerals):
            start, end, value, attrs = numerals[i]
            approx = attrs.get("approx") == "true"
            j = i + 1
            # combine: ثلاثة آلاف، 2.5 مليون، عشرات الآلاف، ثلاثة وعشرون
            while j < len(numerals):
                nstart, nend, nvalue, nattrs = numerals[j]
                gap = self.text[end:nstart]
                definite_scale = (nattrs.get("approx") == "true" and approx and nvalue and nvalue >= 1000
                                  and gap.strip() == "")  # عشرات الآلاف، مئات الآلاف
                bracketed = gap.strip() == ")" and start > 0 and self.text[start - 1] == "(" and j == i + 1
                if (nattrs.get("scale") == "true" or definite_scale) and (gap.strip() == "" or bracketed) \
                        and value is not None and nvalue:
                    value = value * nvalue if not nattrs.get("approx") == "true" or value else nvalue
                    if bracketed:
                        start -= 1  # (350) ألف دولار: 350,000, the figure in brackets as forms print it
                    end = nend
                    j += 1
                    continue
                if gap.strip() == _AND and nvalue == 0.5 and value and value >= 1000 and value % 1000 == 0:
                    # مليون ونصف (المليون)، ثلاثة ملايين ونصف: half of the figure's scale, one figure
                    end = self._half_scale(nend)
                    value = value + scale_of(value) / 2
                    j += 1
                    while j < len(numerals) and numerals[j][0] < end:
                        j += 1
                    continue
                if gap.strip() == _AND and nvalue is not None and value is not None and not attrs.get("_ordinal") \
                        and not nattrs.get("_ordinal") and nattrs.get("scale") != "true" and value < 10 <= nvalue < 100 \
                        and compound_parts(attrs, nattrs, approx, self.text[nstart:nend]):
                    value = value + nvalue
                    end = nend
                    j += 1
                    continue
                if gap.strip() == _AND and value and value >= 1000 and value % 1000 == 0 and j + 1 < len(numerals) \
                        and nvalue and nvalue < value and numerals[j + 1][3].get("scale") == "true" \
                        and self.text[nend:numerals[j + 1][0]].strip() == "" and nvalue * _to_number(
                            numerals[j + 1][3].get("value") or "1") < value:
                    # مليار و800 مليون = 1.8 billion
                    value = value + nvalue * _to_number(numerals[j + 1][3].get("value"))
                    end = numerals[j + 1][1]
                    j += 2
                    continue
                break
            if attrs.get("scale") == "true" and value is not None and not approx and attrs.get("_dual_noun") is None:
                pass  # a bare scale word (ألف قتيل) counts one thousand
            self._add(start, end, value, None, attrs, approx)
            self.items[-1].approximate = approx or self.items[-1].approximate
            if j == i + 1 and not attrs:
                self._thousands(self.items[-1], self.text[start:end])
            i = j

    def _half_scale(self, end: int) -> int:
        """The end of نصف, or of the scale word repeated after it (ونصف المليون، ونصف مليون)."""
        k = self.ctx.index.at_or_after(end)
        word = self._word(k)
        if word is not None:
            entry = self.res["number-words"].lookup(word.removeprefix(_ARTICLE))
            if entry is not None and entry.get("scale") == "true":
                return self.tokens[k].end
        return end

    @staticmethod
    def _thousands(item: NumberItem, digits: str) -> None:
        """14.500 رياضي، 100.000 ريال، 2.500 عام: a dot before exactly three digits groups thousands when
        the figure counts whole units (people, casualties, things, years) or is a sum of ten currency units
        or more or of whole thousands (8.000 ريال). Before a scale word it stays a decimal (10.333 مليون:
        no single numeral then), and so does a small sum with a fraction: a rate or a share price (1.952
        دولار، 2.410 درهم)."""
        whole = dot_grouped(digits)
        if whole is None or item.category not in ("people", "casualty", "quantity", "duration", "money"):
            return
        if item.category == "money" and item.value < 10 and whole % 1000:
            return
        item.value = whole

    def _add(self, start: int, end: int, value, category: str | None, attrs: dict | None = None,
             approx: bool = False) -> None:
        attrs = attrs or {}
        self._take(start, end)
        ctx = self.ctx
        first = ctx.index.containing(start)
        last = ctx.index.at_or_after(wrapped_end(self.text, start, end))  # token after the numeral (and its brackets)
        sentence, paragraph = ctx.sentence_of(start)
        percent = PERCENT.match(self.text, end)
        text_end = end
        if percent and category is None:
            text_end = percent.end()
            last = ctx.index.at_or_after(text_end)
            category = "percent"
        noun, noun_type, noun_end = None, None, None
        partial = self._word(first - 1) in _AMONG  # بينهم أربعة أطفال: part of a larger count
        dual = attrs.get("_dual_noun")
        if dual is not None:
            noun, noun_type = self.text[start:end], dual.get("type")
        elif category is None or category == "percent":
            k = last
            after = self._word(k + 1) if self._word(k) == _PARTITIVE else None
            if after and (approx or after.startswith(_PARTITIVE_HEADS)) or (
                    after and self.res["people-nouns"].lookup(after)):
                k += 1  # عشرات من القتلى، أربعة من عناصر الأمن
                partial = True
            w = self._word(k)
            if w is not None and category is None:
                noun, noun_end = w, self.tokens[k].end
        lexicon = [attrs["_lexicon"]] if "_lexicon" in attrs else []
        if category is None:
            category, noun_type, noun_lex = self._categorize(value, attrs, noun, first, last, start, sentence)
            if noun_lex:
                lexicon.append(noun_lex)
        if category not in ("casualty", "people", "money", "quantity"):
            if noun is not None and dual is None and category not in ("duration", "age"):
                noun, noun_end = None, None
        qualifier = self._qualifier(first, last, noun_end)
        loc = ctx.loc(start, text_end)
        item = NumberItem(ctx.new_id("n"), loc, value, category,
                          ctx.original_text(qualifier.start, qualifier.end) if qualifier else None, noun, noun_type,
                          sentence, paragraph, lexicon=lexicon)
        item.hedged = qualifier is not None and qualifier.entry.get("type") == "approx" and not self._reached(qualifier)
        para = ctx.doc.paragraphs[paragraph] if 0 <= paragraph < len(ctx.doc.paragraphs) else None
        item.in_headline = bool(para and para.is_headline) or self.context.in_link_line(loc.start)
        if noun is not None and dual is None and noun_end is not None:
            item.noun = ctx.original_text(noun_end - len(noun), noun_end)
        elif dual is not None:
            item.noun = loc.text
        item.is_update = self.context.is_update(start, sentence)
        if category == "casualty":
            item.place, item.update_story = self.context.place_named(sentence, paragraph), self.context.update_story()
            item.past_event = self.context.past_event(first, last, sentence)
        item.market = self.context.market_figure(first, last, sentence)
        item.market_terms, item.market_density = self.context.market_report(paragraph)
        item.market_wrap = category in ("money", "percent", "quantity") and self.context.wrap_figure(category, first, last, sentence)
        item.cargo = (category == "quantity" and paragraph != self.context.lead_paragraph() or category == "people"
                      and self.context.aboard(value)) and self.context.cargo_figure(first, last, sentence)
        if category in ("money", "percent", "people", "quantity", "other"):  # a quantity: a threshold; other: a sum its currency elided
            item.record = self.context.record_figure(first, last, sentence, category)  # capital, a stake, a vote share
            item.forecast = category != "other" and self.context.forecast(first, last, sentence)  # expected, or a target
        if category in ("money", "percent"):
            item.unit_price = (category == "money" and self.context.unit_price(first, last, sentence)) \
                or self.context.offer_sentence(sentence)
            item.recalled = self.context.recalled(sentence)
        item.own_results = self.context.own_results(sentence)  # a bare sum (13 مليون) is money only later
        item.partial = partial
        if category in ("money", "percent", "quantity", "people") and (bound := self._range_bound(first, last)):
            item.approximate, item.ranged = True, bound == "upper"  # بين 20 و25 ألف ريال: a range, the upper bound ranged
        item.in_subhead = self.context.in_subhead(paragraph)
        item.stub = paragraph == 0 and self.context.stub
        self.items.append(item)

    def _categorize(self, value, attrs, noun, first, last, start, sentence):
        category, noun_type, source = self._categorize_raw(value, attrs, noun, first, last, start, sentence)
        if category == "casualty" and (noun_type in PEOPLE_TYPES or self.context.sample_figure(first, last, sentence) or self.context.staged(sentence)):
            category = "people"  # نزوح 11 مليون شخص، اعتقال 12 شابا، مقابلات مع 80 ضحية، a drill's injured: not casualties
        if category == "people" and noun_type not in PEOPLE_TYPES and self.context.protest_figure(first, last, sentence):
            noun_type = "protesting"  # تظاهر 300 طالب: people counted as protesters, whatever their noun
        return category, noun_type, source

    def _categorize_raw(self, value, attrs, noun, first, last, start, sentence):
        """(category, noun type, lexicon entry used). Context before the numeral decides first
        (الساعة، عام، رقم، سن), then the counted noun, then the casualty verbs around it."""
        res = self.res
        units = res["units"]
        prev = self._word(first - 1)
        if attrs.get("_ordinal"):
            if prev in _CLOCK_WORDS:
                return "time", None, None
            if prev in _AGE_WORDS:
                return "age", None, None
            return "ordinal", None, None
        dual = attrs.get("_dual_noun")
        if dual is not None:
            lex = dual.get("_from") or "casualty-nouns"
            if lex == "units":
                return "duration", dual.text, dual.source
            if lex == "people-nouns":
                if self._casualty_around(first, last):
                    return "casualty", self._casualty_around(first, last), dual.source
                return "people", dual.text, dual.source
            return "casualty", dual.get("type"), dual.source
        if prev == _ARTICLE and last - first < 2 and not (noun and (res["currencies"].lookup(noun) or res["people-nouns"].lookup(noun))):
            unit = units.lookup(self._word(first - 2) or "")
            if unit is not None and unit.get("kind") == "duration":
                return "duration", unit.norm, unit.source  # الساعات الـ24
            return "ordinal", None, None  # الدورة الـ79 (not الـ5 آلاف طن: a scale word makes it a count)
        if prev in _AMONG and self.items:
            outer = self.items[-1]  # قتل 12 مدنيا، بينهم أربعة أطفال
            if outer.sentence == sentence and outer.category in ("casualty", "people"):
                return outer.category, outer.noun_type, None
        if prev is not None:
            ident = units.lookup(prev)
            before = self._word(first - 2) if ident is None else None
            if before:  # the two words before it (رقم الهاتف), read only when the one word is no unit
                ident = units.lookup(f"{before} {prev}")
            if ident is not None and ident.get("kind") == "identifier":
                return "identifier", None, ident.source
            if ident is not None and ident.get("kind") == "family":
                return "family", None, ident.source  # أم لخمسة بنات: a family's size, no statistic
            if ident is not None and (ident.get("kind") == "ordinal" or ident.get("kind") == "duration" and not attrs.get("_dual_noun") and not self.tokens[first].text[:1].isdigit()):
                return ident.get("kind"), ident.norm if ident.get("kind") == "duration" else None, ident.source  # في الدقيقة 12؛ دقيقة واحدة: a duration its number word follows
            if prev in _CLOCK_WORDS and (value is None or value <= 24):
                return "time", None, None
            if ident is not None and ident.get("kind") == "age" or prev in _AGE_WORDS:
                return "age", None, ident.source if ident else None
        raw = self.tokens[first].text if first < len(self.tokens) else ""
        is_year_number = isinstance(value, int) and raw.isdigit() and len(raw) == 4
        if prev is not None and prev[0].isascii() and prev[0].isalpha() and not (is_year_number and 1900 <= value <= 2100):
            return "identifier", None, None  # FIFA 15، iPhone 6، Xbox 360: a Latin-script name's number, no count
        capacity = self._capacity_before(first)
        if capacity is not None:
            return "capacity", None, capacity.source  # يتسع القطار لـ377 راكبا: what it holds, no count
        if prev in _YEAR_WORDS and is_year_number and 1000 <= value <= 2200:
            return "year", None, None
        if prev is not None and res["months"].lookup(prev) is not None and (
                res["months"].lookup(prev).get("kind") != "weekday"):
            return ("year" if isinstance(value, int) and 1000 <= value <= 2200 else "date"), None, None
        if raw.isdigit() and len(raw) >= 7 and "," not in raw:
            return "identifier", None, None
        casualty = self._casualty_around(first, last)
        if noun is not None:
            k = last
            if noun == _PARTITIVE and self._word(last + 1):
                noun = self._word(last + 1)  # أربعة من عناصر الأمن
                k = last + 1
            if noun in _OTHERS:
                # وإصابة 112 آخرين: the noun refers back; the verb says what was counted
                return ("casualty", casualty, None) if casualty else ("people", None, None)
            for lexicon, category in ((res["currencies"], "money"), (res["casualty-nouns"], "casualty"),
                                      (res["people-nouns"], "people"), (res.nationality_nouns, "people")):
                entry = lexicon.lookup(noun)  # (a nationality: 200 هولندي، ثلاثة إيرانيين: people of that nation)
                if entry is not None:
                    if category == "people" and (casualty or self._casualty_around(first, k + 1)):
                        return "casualty", casualty or self._casualty_around(first, k + 1), entry.source
                    code = entry.get("code")
                    if code == "XXX":
                        code = entry.norm  # دينار، ريال: the currency word itself, when no country says which
                    return category, entry.get("type") or code or entry.norm, entry.source
            month = res["months"].lookup(noun)
            if month is not None and month.get("kind") != "weekday" and value is not None and value <= 31:
                return "date", None, month.source
            unit = units.lookup(noun)
            if unit is not None and unit.get("kind") == "quantity" and self._word(k + 1):
                # 120 كيلو مترا: a two-word unit that names its measure (a distance) over the word alone (كيلو: a weight)
                pair = units.lookup(f"{noun} {self._word(k + 1)}")
                unit = pair if pair is not None and pair.get("measure") else unit
            if unit is not None:
                kind = unit.get("kind")
                if kind == "duration":
                    if self._token(first - 1) == _AGE_OPEN:
                        return "age", None, unit.source  # (52 سنة)
                    if noun not in _YEAR_WORDS or not re.fullmatch(r"\d{4}", self._token(k + 1) or ""):
                        return "duration", unit.norm, unit.source
                    noun = None  # 584 ألفا عام 2013: the year word dates the figure, it is no unit of it
                if kind == "quantity":
                    return "quantity", unit.get("measure") or unit.norm, unit.source
                if kind == "age":
                    return "age", None, unit.source
        if is_year_number and (1900 <= value <= 2100 or (1300 <= value <= 1500 and self._hijri(last))):
            return "year", None, None
        if casualty and not (self._word(last) or "").startswith(_ARTICLE):  # أحد (one of) a definite noun's things
            return "casualty", casualty, None  # قتل 23 شخصا وأصيب العشرات
        if noun is not None and self._counted_noun(noun):
            return "quantity", None, None
        return ("people", noun, None) if noun and not noun.startswith(_ARTICLE) and plural_subject(self._word(last + 1)) else ("other", None, None)

    def _counted_noun(self, noun: str) -> bool:
        """An indefinite noun after a numeral is what it counts (1,240 قضية، ألفي كيس)."""
        return len(noun) >= 3 and not noun.startswith(_ARTICLE) and (noun in self.res["counted-things"].by_norm or (  # (20 ألف رسالة)
            not self.res.is_non_name_strict(noun) and noun not in self.res.non_name_words and noun not in _NOT_COUNTED))

    def _casualty_around(self, first: int, last: int) -> str | None:
        """A casualty verb or noun governing the numeral: just before it (قتل 23، وإصابة 112) or
        just after its noun (سبعة من الجنود قتلوا، ٨ أشخاص لقوا حتفهم)."""
        if not hasattr(self, "_casualty_hits"):
            self._casualty_hits = {}
            for m in self.ctx.hits("casualty-verbs"):
                i, j = m.i, m.j
                for k in range(i, max(j, i + 1)):
                    self._casualty_hits[k] = m.entry.get("type") or "killed"
        if not hasattr(self, "_qual_end"):
            self._qual_end = {m.j: m for m in self.ctx.hits("qualifiers")}
        qualifier = self._qual_end.get(first)
        if qualifier is not None:
            first = qualifier.i  # قتل ما لا يقل عن 15 شخصا: look before the qualifier
        if last < len(self.tokens) and last in self._casualty_hits and not (
                self.tokens[last].text.startswith(_AND) and self._casualty_before(first)):
            # 11 شخصا قتلوا و32 أصيبوا: the verb right after 32 says what it counts; but a verb joined by
            # و opens the next clause when a verb before governs this one (قتل شخصان وأصيب تسعة)
            return self._casualty_hits[last]
        before = self._casualty_before(first)
        if before:
            return before
        for k in (last, last + 1, last + 2, last + 3):
            if k >= len(self.tokens) or self.tokens[k].kind == "punct" or line_break(self.text, self.tokens, k):
                break  # (a headline's last figure does not take the verb that opens the body)
            if k in self._casualty_hits:
                return self._casualty_hits[k]
        return None

    def _casualty_before(self, first: int) -> str | None:
        """A casualty verb or noun among the three words before the numeral, in its phrase."""
        for k in words_before(self.tokens, first):
            if k < 0 or self.tokens[k].kind == "punct" or self.tokens[k].text in _BREAKS or line_break(self.text, self.tokens, k + 1):
                break  # أربع وفيات و13 إصابة في سبعة حوادث: the preposition ends the casualty phrase
            if k in self._casualty_hits:
                return self._casualty_hits[k]
        return None

    def _capacity_before(self, first: int):
        """A capacity word (units kind=capacity) among the four words before the numeral, with no
        punctuation between: the verb may stand before its subject (يتسع الملعب الجديد لـ45 ألف)."""
        units = self.res["units"]
        for k in range(first - 1, max(first - 5 - 2 * (first > 1 and self.tokens[first - 2].kind == "number"), -1), -1):
            w = self._word(k)  # past a range's lower bound too (تستوعب ما بين 4 إلى 20 مليون: six words)
            if w is None and (k != first - 2 or self.tokens[k].kind != "number"):
                return None
            entry = units.lookup(w) if w else None
            if entry is not None and entry.get("kind") == "capacity":
                return entry
        return None

    def _range_bound(self, first: int, last: int) -> bool:
        """A sum that opens or closes a range: (ما) بين X و/إلى Y، من X إلى Y، X - Y، يتراوح ..."""
        texts = self.ctx.texts  # (slices of the token texts: a call a token cost more than the test)
        before = texts[max(0, first - 3):first]
        if any(w in _RANGE_BEFORE for w in before[-2:]):
            return True  # the lower bound
        nxt = texts[last:last + 3]
        if nxt and nxt[0] in _RANGE_TO or (len(nxt) > 1 and nxt[1] in _RANGE_TO):
            # من 49 إلى 51 مليار (not أكثر من 600 ألف منهم إلى إثيوبيا: a comparison, then a destination)
            return any(w in _RANGE_BETWEEN or (w == _PARTITIVE and (k == 0 or before[k - 1] not in _COMPARATIVES))
                       for k, w in enumerate(before))
        # the upper bound: بين 20 و25 ألف ريال، من 49 مليار دولار إلى 51 مليار
        k = first - 1
        if k >= 0 and self.tokens[k].text in _DEFINITE_HEADS:
            k -= self.tokens[k].text == _ARTICLE  # ما بين الـ1500 والـ8000 دولار
        joint = _AND if k >= 0 and self.tokens[k].text == _AND + _ARTICLE else self._token(k)
        if k >= 1 and joint in _RANGE_TO and self.tokens[k - 1].kind == "number":
            return "upper"  # بتكلفة 250 إلى 550 ريالا
        if k >= 0 and (joint in _RANGE_TO or joint == _AND):
            for back in range(k - 1, max(-1, k - 6), -1):
                if self.tokens[back].text in _RANGE_START:  # "upper" with a number in between (بين 400 و450)
                    return "upper" if any(t.kind == "number" for t in self.tokens[back + 1:k]) else True
                if self.tokens[back].kind == "punct" and self.tokens[back].text != "%":
                    break  # (ما بين 9.78% إلى 4.17%: the percent sign is part of the lower bound)
        return False

    def _token(self, i: int) -> str | None:
        return self.tokens[i].text if 0 <= i < len(self.tokens) else None

    def _hijri(self, i: int) -> bool:
        w = self._word(i)
        return w in _HIJRI

    def _reached(self, qualifier) -> bool:
        """؛ لتصل إلى نحو 758 مليون ريال: a verb of reaching right before the qualifier goes on with the
        release's sentence; its round figure is the release's, not the writer's estimate."""
        return any(self.tokens[k].text in _REACH for k in range(max(0, qualifier.i - 2), qualifier.i))

    def _qualifier(self, first: int, last: int, noun_end: int | None):
        """The qualifier hit: على الأقل after the count, نحو / أكثر من / ما لا يقل عن before it."""
        if not hasattr(self, "_qual_end"):
            self._qual_end = {m.j: m for m in self.ctx.hits("qualifiers")}
        m = self._qual_end.get(first)
        if m is not None and m.entry.get("position") != "after":
            return m
        after = self.ctx.index.at_or_after(noun_end) if noun_end is not None else last
        for k in (after, last):
            m = self.ctx.hit_at("qualifiers", k)
            if m is not None and m.entry.get("position") == "after":
                return m
        return None


def _sound_plural(form: str, lexicon) -> bool:
    """True when an -ين form is also the sound plural (مدنيين، مواطنين), so it is not surely a dual."""
    if not form.endswith(_OBLIQUE_PLURAL) or form.endswith(_FEMININE_DUAL):
        return False
    return form.endswith(_NISBA_PLURAL) or (form[:-len(_OBLIQUE_PLURAL)] + _MASCULINE_PLURAL) in lexicon.by_norm


class _Dual:
    """A dual noun that is its own numeral (قتيلين، طفلان، يومين), with the lexicon it came from."""

    def __init__(self, entry, lexicon: str):
        self.entry, self.lexicon = entry, lexicon
        self.text, self.source = entry.text, entry.source

    def get(self, key, default=None):
        if key == "_from":
            return self.lexicon
        return self.entry.get(key, default)


def _to_number(value: str | None):
    if value is None:
        return None
    try:
        v = float(value)
    except ValueError:
        return None
    return int(v) if v.is_integer() else v


def extract_numbers(ctx: Context) -> list[NumberItem]:
    return NumberExtractor(ctx).run()
