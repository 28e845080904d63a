"""Numbers: digits (Western and Arabic-Indic, normalized), number words, duals, scales, percents,
qualifiers; each with its value, the noun it counts and a category."""
from __future__ import annotations

import re

from validator.extract.context import Context
from validator.extract.model import NumberItem

_DATE = re.compile(r"(?<![\d.])\d{1,4}[/-]\d{1,2}[/-]\d{1,4}(?![\d])")
_TIME = re.compile(r"(?<![\d.:])\d{1,2}:\d{2}(?![\d:])")
_SCORE = re.compile(r"(?<![\d.])(\d{1,2})\s*[-–]\s*(\d{1,2})(?![\d.])")
_DIGITS = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)*(?![\d])")
_PERCENT = re.compile(r"\s*%|\s+(?:في|ف)\s*(?:المئه|المائه)|\s+بالمئه|\s+بالمائه|\s+بالميه")
_YEAR_WORDS = frozenset({"عام", "العام", "سنه", "السنه", "لعام", "بعام", "عامي", "منذ", "خلال", "ولعام"})
_SPORT_WORDS = frozenset({"فاز", "فوز", "تعادل", "خسر", "هزم", "بنتيجه", "نتيجه", "تغلب", "اهداف", "هدف",
                          "المباراه", "مباراه", "الشوط", "فوزه", "بفوز", "بهدف", "بهدفين"})
_AGE_OPEN = "("


def _parse_digits(s: str) -> float | int:
    if "," in s:
        groups = s.split(",")
        if all(len(g) == 3 for g in groups[1:]) and "." not in groups[-1]:
            s = s.replace(",", "")
        else:
            s = s.replace(",", ".", 1).replace(",", "")
    try:
        value = float(s)
    except ValueError:
        return 0
    return int(value) if value.is_integer() and "." not in s else value


class NumberExtractor:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.res = ctx.res
        self.text = ctx.text
        self.tokens = ctx.tokens
        self.items: list[NumberItem] = []
        self.taken: list[tuple[int, int]] = []

    def _free(self, s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in self.taken)

    def _word(self, i: int) -> str | None:
        if 0 <= i < len(self.tokens) and self.tokens[i].kind == "word":
            return self.tokens[i].text
        return None

    def run(self) -> list[NumberItem]:
        for m in _DATE.finditer(self.text):
            self._add(m.start(), m.end(), None, "date")
        for m in _TIME.finditer(self.text):
            if self._free(m.start(), m.end()):
                self._add(m.start(), m.end(), None, "time")
        for m in _SCORE.finditer(self.text):
            if self._free(m.start(), m.end()) and self._near(m.start(), _SPORT_WORDS, 8):
                self._add(m.start(), m.end(), None, "score")
        self._expressions()
        self.items.sort(key=lambda n: n.loc.start)
        return self.items

    def _near(self, pos: int, words: frozenset[str], window: int) -> bool:
        i = self.ctx.index.containing(pos)
        lo, hi = max(0, i - window), min(len(self.tokens), i + window)
        for k in range(lo, hi):
            w = self.tokens[k].text
            if w in words or (len(w) > 3 and w[1:] in words):
                return True
        return False

    # -- numeral expressions ---------------------------------------------------------------------
    def _expressions(self) -> None:
        numerals: list[tuple[int, int, float | int | None, dict]] = []
        for m in _DIGITS.finditer(self.text):
            if self._free(m.start(), m.end()):
                numerals.append((m.start(), m.end(), _parse_digits(m.group()), {}))
        for lex_name in ("number-words", "ordinals"):
            for m in self.res[lex_name].finditer(self.text):
                if self._free(m.start, m.end):
                    attrs = dict(m.entry.attrs)
                    attrs["_lexicon"] = m.entry.source
                    attrs["_ordinal"] = lex_name == "ordinals"
                    numerals.append((m.start, m.end, _to_number(m.entry.get("value")), attrs))
        for m in self.res["casualty-nouns"].finditer(self.text):
            if m.entry.get("number") == "du" and self._free(m.start, m.end):
                numerals.append((m.start, m.end, 2, {"_dual_noun": m.entry, "_lexicon": m.entry.source}))
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
                if nattrs.get("scale") == "true" and gap.strip() == "" and value is not None and nvalue:
                    value = value * nvalue if not nattrs.get("approx") == "true" or value else nvalue
                    end = nend
                    j += 1
                    continue
                if gap.strip() == "و" and nvalue is not None and value is not None and not attrs.get("_ordinal") \
                        and not nattrs.get("_ordinal") and nattrs.get("scale") != "true" and value < 10 <= nvalue < 100:
                    value = value + nvalue
                    end = nend
                    j += 1
                    continue
                break
            if attrs.get("scale") == "true" and value is not None and not approx and attrs.get("_dual_noun") is None:
                pass  # a bare scale word (ألف قتيل) counts one thousand
            self._add(start, end, value, None, attrs, approx)
            i = j

    def _add(self, start: int, end: int, value, category: str | None, attrs: dict | None = None,
             approx: bool = False) -> None:
        attrs = attrs or {}
        self.taken.append((start, end))
        ctx = self.ctx
        first = ctx.index.containing(start)
        last = ctx.index.at_or_after(end)  # token after the numeral
        sentence, paragraph = ctx.sentence_of(start)
        percent = _PERCENT.match(self.text, end)
        text_end = end
        if percent and category is None:
            text_end = percent.end()
            last = ctx.index.at_or_after(text_end)
            category = "percent"
        noun, noun_type, noun_end = None, None, None
        dual = attrs.get("_dual_noun")
        if dual is not None:
            noun, noun_type = self.text[start:end], dual.get("type")
        elif category is None or category == "percent":
            k = last
            if self._word(k) == "من" and approx:
                k += 1  # عشرات من القتلى
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
        item = NumberItem(ctx.new_id("n"), loc, value, category, qualifier, noun, noun_type, sentence, paragraph,
                          lexicon=lexicon)
        para = ctx.doc.paragraphs[paragraph] if 0 <= paragraph < len(ctx.doc.paragraphs) else None
        item.in_headline = bool(para and para.is_headline)
        if noun is not None and dual is None and noun_end is not None:
            item.noun = ctx.loc(noun_end - len(noun), noun_end).text
        elif dual is not None:
            item.noun = loc.text
        item.is_update = self._is_update(start, sentence)
        self.items.append(item)

    def _categorize(self, value, attrs, noun, first, last, start, sentence):
        res = self.res
        if attrs.get("_ordinal"):
            return "ordinal", None, None
        dual = attrs.get("_dual_noun")
        if dual is not None:
            return "casualty", dual.get("type"), None
        prev = self._word(first - 1)
        prev2 = " ".join(w for w in (self._word(first - 2), prev) if w)
        units = res["units"]
        if prev is not None:
            ident = units.lookup(prev) or units.lookup(prev2)
            if ident is not None and ident.get("kind") == "identifier":
                return "identifier", None, ident.source
            if prev in ("الساعه", "الساعة", "ساعه") and (value is None or value <= 24):
                return "time", None, None
            age = units.lookup(prev) or units.lookup(prev2)
            if age is not None and age.get("kind") == "age":
                return "age", None, age.source
        raw = self.tokens[first].text if first < len(self.tokens) else ""
        if raw.isdigit() and len(raw) >= 7:
            return "identifier", None, None
        if noun is not None:
            for lex_name, category in (("currencies", "money"), ("casualty-nouns", "casualty"),
                                       ("people-nouns", "people")):
                entry = res[lex_name].lookup(noun)
                if entry is not None:
                    if category == "people" and self._casualty_context(first, sentence):
                        return "casualty", self._casualty_type(first, sentence), entry.source
                    return category, entry.get("type") or entry.get("code"), entry.source
            month = res["months"].lookup(noun)
            if month is not None and month.get("kind") != "weekday" and value is not None and value <= 31:
                return "date", None, month.source
            unit = units.lookup(noun)
            if unit is not None:
                kind = unit.get("kind")
                if kind == "duration":
                    if self._word(first - 1) is None and self._token(first - 1) == _AGE_OPEN:
                        return "age", None, unit.source
                    return "duration", noun, unit.source
                if kind == "quantity":
                    return "quantity", noun, unit.source
                if kind == "age":
                    return "age", None, unit.source
        if prev is not None and res["months"].lookup(prev) is not None:
            return ("year" if isinstance(value, int) and 1000 <= value <= 2200 else "date"), None, None
        if isinstance(value, int) and (1900 <= value <= 2100 or (1300 <= value <= 1500 and self._hijri(last))):
            if raw.isdigit() and len(raw) == 4:
                return "year", None, None
        if prev in _YEAR_WORDS and isinstance(value, int) and 1000 <= value <= 2200:
            return "year", None, None
        if noun is not None and self._casualty_context(first, sentence) and res["people-nouns"].lookup(noun):
            return "casualty", None, None
        return "other", None, None

    def _token(self, i: int) -> str | None:
        return self.tokens[i].text if 0 <= i < len(self.tokens) else None

    def _hijri(self, i: int) -> bool:
        w = self._word(i)
        return w in ("ه", "هـ", "للهجره", "هجريه", "هجري")

    def _casualty_context(self, first: int, sentence: int) -> bool:
        return self._casualty_type(first, sentence) is not None

    def _casualty_type(self, first: int, sentence: int) -> str | None:
        lo = max(0, first - 8)
        hi = min(len(self.tokens), first + 8)
        if not hasattr(self, "_casualty_hits"):
            self._casualty_hits = {}
            for m in self.res["casualty-verbs"].finditer(self.text):
                self._casualty_hits[self.ctx.index.containing(m.start)] = m.entry.get("type") or "killed"
        for k in range(lo, hi):
            if k in self._casualty_hits and self.ctx.sentence_of(self.tokens[k].start)[0] == sentence:
                return self._casualty_hits[k]
        return None

    def _qualifier(self, first: int, last: int, noun_end: int | None) -> str | None:
        quals = self.res["qualifiers"]
        # before: up to four words ending right before the numeral (لأكثر من، ما لا يقل عن)
        for n in (4, 3, 2, 1):
            if first - n < 0:
                continue
            start_tok = self.tokens[first - n]
            m = quals.match_at(self.text, start_tok.start, self.tokens[first - 1].end)
            if m is not None and m.end == self.tokens[first - 1].end and m.entry.get("position") != "after":
                return self.ctx.loc(m.start, m.end).text
        # after the numeral or its noun: على الأقل، تقريبا
        after = self.ctx.index.at_or_after(noun_end) if noun_end is not None else last
        for k in (after, last):
            if k < len(self.tokens):
                m = quals.match_at(self.text, self.tokens[k].start)
                if m is not None and m.entry.get("position") == "after":
                    return self.ctx.loc(m.start, m.end).text
        return None

    def _is_update(self, start: int, sentence: int) -> bool:
        if not hasattr(self, "_updates"):
            self._updates = [(m.start, self.ctx.sentence_of(m.start)[0])
                             for m in self.res["update-phrases"].finditer(self.text)]
        return any(s < start and sen == sentence for s, sen in self._updates)


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
