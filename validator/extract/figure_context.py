"""What a figure's surroundings make of it: market data, a load, background on record, an update or
a recalled report, the place of its event, a headline repeated on a link line, a subhead. The numbers
extractor asks; the patterns (rules/patterns/contexts.pattern) and lexicons say which words count."""
from __future__ import annotations

from functools import cached_property

from validator.extract.context import Context
from validator.extract.model import NumberItem
from validator.extract.letters import WAW
from validator.extract.wordclasses import one_word, word_class
from validator.text.punctuation import ARABIC_SEMICOLON, CLAUSE_BREAKS, LINE_FINAL_MARKS

_PAST = one_word("figure-words", "past")
_FUTURE = word_class("figure-words", "future")
_SINCE = word_class("figure-words", "since")
_DATE_FRAME = word_class("figure-words", "date-frame")  # وبحلول عام، في العام: a date opening its sentence
_SINCE_THEN = _SINCE & word_class("figure-words", "breaks")  # منذ (not من، عن: since as a point of comparison)
_RECALL = word_class("figure-words", "recall")
_LINK_LINE = one_word("figure-words", "link-line")
_TOLL_DATE_BREAKS = word_class("figure-words", "toll-date-breaks")
_DATE_CLAUSE_ENDS = frozenset({ARABIC_SEMICOLON, ";", ":"})  # a semicolon or colon ends the clause the date may date
_ASIDE_GOES_ON = CLAUSE_BREAKS - {"(", ")"}  # the clause goes on over an aside in brackets (مقياس سنوي)
MARKET_WINDOW = 6  # tokens either side of a numeral within which a market term makes it market data
ONE_VEHICLE_MAX = 1000  # people aboard one plane, bus or boat (على متنها 120 راكبا); more is a period's traffic
CARGO_WINDOW = 3  # how near a cargo word must stand before a quantity (تحمل هذه الطائرة عشرين طنا) for it to be a load
RECORD_WINDOW = 4  # tokens between capital and its sum (برأس مال يقدر بـ100 مليار)
STAKE_WINDOW = 2  # tokens between a percentage and the shares it is of (30% من أسهمه)
PROTEST_BEFORE = 3  # tokens between a protest verb and the people it counts (وتظاهر أمس 300 طالب)
SAMPLE_BEFORE = 3  # tokens between an interview or testimony word and the people it counts (مقابلات مع أكثر من 80)
PROTEST_AFTER = 8  # tokens between a count of people and its protest word (300 شخص معظمهم من الطلاب احتجاجا)
UNIT_PRICE_WINDOW = 3  # tokens between a sum and its unit (200 ريال يمني للساعة)
ITEM_PRICE_WINDOW = 4  # tokens between a price word and the sum it gives (ثمنها المقدر هو 165 ألف، بسعر لا يزيد عن 475 ألف)
OFFER_TERMS_MIN = 2  # different offer words (باقة، الخصم، الاشتراك) that make a sentence a company's tariff
LONG_PAST_YEARS, LONG_PAST_BEFORE = 10, 2000  # a sentence dated this long before the article's year tells history
PAST_DEAL_YEARS = 2  # a deal this many years before the article's own year is on record (a transfer in 2009)
PAST_DEAL_WINDOW = 12  # tokens from that year to the deal's price (انضم عام 2009 في صفقة قياسية بلغت قيمتها 80 مليون)
DEAL_WINDOW = 6  # tokens from a deal word (مقابل، صفقة، قيمتها) to the price it gives
PAST_EVENT_WINDOW = 16  # tokens between بعد ثلاث سنوات على and the toll of the event it names (... وقتل فيه 12 شخصا)
RECENT_DAY_AFTER = 8  # tokens from a described event's toll to the weekday after it that dates it (أوقع 32 قتيلا ومائة جريح الاثنين)
TOLL_DATE_WINDOW = 28  # tokens from a toll to the date after it that sets its event in the past (... في العام 2010)
TARGET_WINDOW = 10  # tokens from a figure to the target year after it (400 ألف طن من الانبعاثات بحلول عام 2020)
FLOW_WINDOW = 3  # tokens between a quantity and its per-day word (مليون برميل يوميا)
FLOW_SUBJECT_WINDOW = 5  # tokens between a surplus or exports noun and its quantity (صادرات إيران في ذروتها نحو)
BASELINE_GAP = 1  # tokens between a comparing word's match (ارتفاعا من) and the baseline after it (a prefix بـ is the number's)
BASELINE_WINDOW = 24  # tokens between a word of expectation and the baseline its expected figure is compared with
FORECAST_WINDOW = 12  # tokens between a word of expectation and the figure it expects (توقعات بنمو الناتج المحلي البريطاني للربع الثاني 2.6%)
PRICE_REPORT_QUOTES = 2  # sentences quoting a commodity per unit (للأوقية، للبرميل) that make a price report
CALENDAR_ENTRIES = 3  # sentences opening with a day (يوم الخميس الماضي) that make an economic calendar
ROUNDUP_REPORTS = 3  # paragraphs each with a sentence naming a company and its results that make a roundup of results
CHRONICLE_ENTRIES = 3  # sentences opening with a year and a dash (1967 - ...) that make a chronology
SUBHEAD_WORDS = 14  # a longer line without a final mark is an unpunctuated body paragraph
STUB_WORDS = 14  # a body this short (a byline, a line of tags) tells no story: its headline stands alone
BYLINE_WORDS = 6  # a shorter first line without a final mark is a byline or dateline (عين اليوم – نيودلهي), not the lead


GREGORIAN_YEARS = range(1900, 2101)  # the years a four-digit figure may name in the news


def _year(text: str) -> int:
    """The year a token of four digits names (GREGORIAN_YEARS), else 0."""
    return int(text) if len(text) == 4 and text.isdigit() and int(text) in GREGORIAN_YEARS else 0


def lead_paragraph(doc) -> int:
    """The article's first body paragraph, its lead: the first after the headline that is not a byline
    or dateline line of its own (a few words and no sentence-final mark)."""
    body = [p for p in doc.paragraphs if not p.is_headline]
    for p in body:
        text = doc.text[p.start:p.end].strip()
        if len(text.split(maxsplit=BYLINE_WORDS)) > BYLINE_WORDS or text.endswith(LINE_FINAL_MARKS):
            return p.index
    return body[0].index if body else -1


def in_link_line(text: str, start: int) -> bool:
    """رابط الخبر بصحيفة الوئام: مقتل 20 في انفجار ...: a web page's link line repeats the headline (figure-words
    link-line, then a colon before the offset)."""
    link = text.rfind(_LINK_LINE, text.rfind("\n", 0, start) + 1, start)
    return link != -1 and ":" in text[link:start]


class FigureContext:
    """The context decisions for the figures of one article; each search runs once, on first use."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.res = ctx.res
        self.text = ctx.text
        self.tokens = ctx.tokens
        self._subheads: dict[int, bool] = {}  # in_subhead by paragraph
        self._recalls: dict[int, bool] = {}  # _recalled by sentence
        self._reports: dict[int, tuple[int, float]] = {}  # market_report by paragraph
        self._contexts: dict[str, dict[int, list[tuple[int, int]]]] = {}  # context pattern spans by label, by sentence

    def mark_historical(self, items: list[NumberItem]) -> None:
        """A figure told after a date before the article's own time is background, a matter of record
        (وفي عام 1991 غرقت العبارة ما أدى إلى مصرع 476 راكبا، وفي مطلع العام الماضي قتل 119): earlier in
        its sentence stands a (Gregorian) year earlier than the article's own (the latest it names that is
        not a target: بحلول 2030), or العام الماضي. A year after منذ / مقارنة is a point of comparison (أسوأ حصيلة منذ 2009), not a date."""
        years = [(n, n.value) for n in items if n.category == "year" and isinstance(n.value, int)
                 and n.value in GREGORIAN_YEARS]
        marks: dict[int, int] = {}  # sentence -> normalized offset of its first past date
        def mark(sentence: int, offset: int) -> None:
            k = self.ctx.index.containing(offset)
            before = " ".join(t.text for t in self.tokens[max(0, k - 3):k])
            if any(w in before.split() for w in _SINCE):
                return
            marks[sentence] = min(marks.get(sentence, offset), offset)
        if years:
            # the article's own year: the latest it names, but not a target (بحلول 2030، حتى عام 2020، رؤية 2030)
            def target(n) -> bool:
                k = self.ctx.index.containing(self.ctx.norm.to_normalized(n.loc.start))
                return bool({t.text for t in self.tokens[max(0, k - 3):k]} & _FUTURE)
            now = [year for n, year in years if not target(n)]
            latest = max(now) if now else min(year for _n, year in years)
            for n, year in years:
                if year < latest:
                    mark(n.sentence, self.ctx.norm.to_normalized(n.loc.start))
            self._mark_past_deals(items, [n for n, year in years if not target(n) and (
                year <= latest - PAST_DEAL_YEARS or self._recalled(n.sentence))])
            self._mark_long_past(items, [n for n, year in years if year <= latest - LONG_PAST_YEARS
                                         or year < LONG_PAST_BEFORE])  # (بحلول عام 1912: by then, long past)
        for m in self.ctx.patterns.find("background-context") if _PAST in self.text else ():
            start = self.tokens[m.span_start].start  # rules/patterns/contexts.pattern: العام الماضي
            mark(self.ctx.sentence_of(start)[0], start)
        for n in items:
            first = marks.get(n.sentence)
            n.historical = first is not None and first < self.ctx.norm.to_normalized(n.loc.start)
            n.chronicle = self.chronicle(n.sentence)  # an entry of a chronology: history on record

    def _mark_past_deals(self, items: list[NumberItem], years_ago: list[NumberItem]) -> None:
        """The price of a deal dated years before the article's own year (انضم إلى الريال عام 2009 في صفقة
        بلغت قيمتها 80 مليون) or dated in a sentence that recalls it (وكان قد انضم قادما من غنك عام 2012 مقابل
        7 ملايين: the pluperfect of a dated deal, whatever year the article names last) is a transaction on
        record: such a year within PAST_DEAL_WINDOW tokens before the sum in its clause and a deal word
        (pattern label deal-price) just before it make it `record`. A period's statistic of that year (أرباح
        عام 2009) has no deal word; a deal of last year (العام الماضي مقابل 30 مليون) names no year."""
        if not years_ago:
            return
        at = self.ctx.index.containing
        dated: dict[int, list[int]] = {}
        for n in years_ago:
            dated.setdefault(n.sentence, []).append(at(self.ctx.norm.to_normalized(n.loc.start)))
        for n in items:
            if n.category != "money" or n.sentence not in dated:
                continue
            first = at(self.ctx.norm.to_normalized(n.loc.start))
            last = at(self.ctx.norm.to_normalized(n.loc.end) - 1)
            if any(0 < first - k <= PAST_DEAL_WINDOW and not self._breaks(k, first) for k in dated[n.sentence]) \
                    and self._context_near("deal-price", first, last, n.sentence, DEAL_WINDOW, 0):
                n.record = True

    def _mark_long_past(self, items: list[NumberItem], long_ago: list[NumberItem]) -> None:
        """A sentence that opens with a date decades before the article's own year (LONG_PAST_YEARS, or any year
        before LONG_PAST_BEFORE: وبحلول عام 1912، في عام 1985) tells history: its sums, percentages and
        quantities after the date are on record (`record`), no statistic to source (round 181: a history
        feature's car prices). Only date-frame words (figure-words date-frame) may stand before the year, and
        no منذ between it and the figure (منذ ذلك الحين: since then, today's figure)."""
        at, opening = self.ctx.index.containing, set()
        for n in long_ago:
            k, start = at(self.ctx.norm.to_normalized(n.loc.start)), self.ctx.doc.sentences[n.sentence].start
            if all(self.tokens[x].text in _DATE_FRAME for x in range(max(at(self.ctx.norm.to_normalized(start)), 0), k)):
                opening.add((n.sentence, k))
        for n in items:
            k = at(self.ctx.norm.to_normalized(n.loc.start))
            if n.category in ("money", "percent", "quantity") and any(s == n.sentence and y < k and not any(
                    self.tokens[x].text.removeprefix(WAW) in _SINCE_THEN for x in range(y, k)) for s, y in opening):
                n.record = True

    def _breaks(self, lo: int, hi: int) -> bool:
        return any(self.tokens[k].text in CLAUSE_BREAKS for k in range(lo, hi))

    def in_link_line(self, start: int) -> bool:
        return in_link_line(self.ctx.doc.text, start)

    def in_subhead(self, paragraph: int) -> bool:
        """`_is_subhead`, read once per paragraph (a subhead may hold several figures)."""
        found = self._subheads.get(paragraph)
        if found is None:
            found = self._subheads[paragraph] = self._is_subhead(paragraph)
        return found

    def _is_subhead(self, paragraph: int) -> bool:
        """A subhead or a teaser line inside the body (الباص السياحي ينقل 500 راكب): a short paragraph
        of one line with no sentence-final mark, between body paragraphs, not a sentence of the story."""
        doc = self.ctx.doc
        if not 0 < paragraph < len(doc.paragraphs) - 1 or doc.paragraphs[paragraph].is_headline:
            return False
        para = doc.paragraphs[paragraph]
        text = doc.text[para.start:para.end].strip()
        # (split at most SUBHEAD_WORDS times: a body paragraph's hundred words need not all be copied out)
        # (the cheap tests first: most body paragraphs end with a sentence mark)
        return not text.endswith(LINE_FINAL_MARKS) and "\n" not in text \
            and len(text.split(maxsplit=SUBHEAD_WORDS)) <= SUBHEAD_WORDS

    @cached_property
    def stub(self) -> bool:
        """A stub: the body under the headline has fewer than STUB_WORDS words (a byline, a line of tags),
        so a headline figure has nothing under it that could give its source (issue 13, round 28)."""
        doc = self.ctx.doc
        body = sum(len(doc.text[p.start:p.end].split()) for p in doc.paragraphs if not p.is_headline)
        return doc.headline is not None and body < STUB_WORDS

    def market_figure(self, first: int, last: int, sentence: int) -> bool:
        """A price or index figure: a market term (المؤشر، سهم، نقطة، الأونصة) within MARKET_WINDOW
        tokens of the numeral in its clause. A market word elsewhere in a long sentence (a spending
        plan "في وقت تواصل فيه البورصة تكبد خسائر") does not make every figure in it market data."""
        return self._context_near("market-context", first, last, sentence, MARKET_WINDOW, MARKET_WINDOW)

    def market_wrap(self, sentence: int) -> bool:
        """A sentence of a market wrap: the headline is market data (تاسي يتراجع 8 نقاط، هبوط أسعار النفط:
        pattern market-term there), and the sentence names the market too (المؤشر، أسعار النفط، برنت, or a
        sector of the exchange: قطاع المصارف; not another report-only word: القطاع النفطي). An earlier session's close or a week's change in such a story is
        exchange data, however far from the index word it stands. A commodity price report and the
        economic calendar of a market report are exchange data too (`_wrap_sentences`)."""
        return sentence in self._wrap_sentences

    def wrap_figure(self, category: str, first: int, last: int, sentence: int) -> bool:
        """A figure of a market wrap's sentence (market_wrap), unless a quantity that is a surplus or exports
        per day (pattern label flow-subject before it: فائض، صادرات؛ label daily-flow after it: 2.5 مليون
        برميل يوميا): a market's oversupply or a country's exports is a statistic someone measured, not the
        day's trading (round 67: an oil wrap's surplus and exports). Output and quotas (الإنتاج، سقف) stay
        exchange background: a cartel's ceiling is on record."""
        return self.market_wrap(sentence) and not (
            category == "quantity" and self._context_near("daily-flow", first, last, sentence, 0, FLOW_WINDOW)
            and self._context_near("flow-subject", first, last, sentence, FLOW_SUBJECT_WINDOW, 0))

    @cached_property
    def _wrap_sentences(self) -> set[int]:
        places = [self.ctx.sentence_of(self.tokens[m.span_start].start) for m in self.ctx.patterns.find("market-context")]
        paragraphs = self.ctx.doc.paragraphs
        wrap = any(paragraphs[p].is_headline for _s, p in places)
        sentences = {s for s, _p in places} if wrap else set()
        # ... and a sentence naming a sector of the exchange (pattern label market-sector: قطاع المصارف)
        # gives the day's sector moves (rounds 27, 30); outside a wrap a sector word is no market
        if wrap:
            sentences |= {self.ctx.sentence_of(self.tokens[m.span_start].start)[0]
                          for m in self.ctx.patterns.find("market-sector")}
        # a commodity price report (a daily gold or oil report, whatever its headline): quotes per unit
        # or delivery month (pattern label price-quote) in PRICE_REPORT_QUOTES sentences or more; every
        # sentence of a quoting paragraph is exchange data (the move in cents or percent beside the price)
        quotes = {self.ctx.sentence_of(self.tokens[m.span_start].start) for m in self.ctx.patterns.find("price-quote")}
        if len({s for s, _p in quotes}) >= PRICE_REPORT_QUOTES:
            quoting = {p for _s, p in quotes}
            sentences |= {s.index for s in self.ctx.doc.sentences if s.paragraph in quoting}
            # ... and its sentences naming the market (market-context: the lead's futures falling one per
            # cent, round 68) tell the day's trading, whatever the headline
            sentences |= {s for s, _p in places}
        # an economic calendar in a market report (a week's data releases, one a line: يوم الأربعاء الماضي
        # نمت مبيعات المنازل 5.7%): CALENDAR_ENTRIES sentences or more that open with a day (pattern label
        # calendar-entry) in a piece with market data; each is a public release, its figures exchange data
        days = set()
        for m in self.ctx.patterns.find("calendar-entry"):
            s = self.ctx.sentence_of(self.tokens[m.start].start)[0]
            if m.start == self._opening_token(s):
                days.add(s)
        if len(days) >= CALENDAR_ENTRIES and places:
            sentences |= days
        # a listed company's results that moved its share (خفضت الشركة إجمالي أرباحها): exchange data too
        if wrap:
            sentences |= self._sentences_with("results-term") & self._sentences_with("company-term")
        return sentences

    def own_results(self, sentence: int) -> bool:
        """A sentence of a report of one company's results (`_results_sentences`): the company's own
        disclosure, not a statistic someone must be named for."""
        return sentence in self._results_sentences

    @cached_property
    def _results_sentences(self) -> set[int]:
        """A report of one company's results: a results word (pattern label results-term: أرباح،
        الإيرادات) in the headline and the word company (label company-term) in the lead; each sentence
        of it that gives results or names the company (وتكبدت الشركة تكاليف) is the company's disclosure."""
        results = self._sentences_with("results-term", paragraphs=True)
        companies = self._sentences_with("company-term", paragraphs=True)
        if self.ctx.doc.headline is not None and any(p == 0 for _s, p in results) \
                and any(p == self._lead_paragraph for _s, p in companies):
            return {s for s, _p in results | companies}
        # a roundup of results (أخبار السوق): ROUNDUP_REPORTS paragraphs or more, each with a sentence naming
        # a company and its results (وانخفضت أرباح الشركة); each such paragraph is one company's report
        reports = {p for _s, p in results & companies}
        if len(reports) < ROUNDUP_REPORTS:
            return set()
        return {s for s, p in results | companies if p in reports}

    def _sentences_with(self, label: str, paragraphs: bool = False) -> set:
        """The sentences (with their paragraphs) where a context pattern of `label` matches."""
        found = {self.ctx.sentence_of(self.tokens[m.span_start].start) for m in self.ctx.patterns.find(label)}
        return found if paragraphs else {s for s, _p in found}

    def cargo_figure(self, first: int, last: int, sentence: int) -> bool:
        """A load: a cargo word (يحمل، محملة بـ، على متنها) at most CARGO_WINDOW tokens before the numeral
        in its clause (مركب يحمل 500 طن، تحمل هذه الطائرة عشرين طنا)."""
        return self._context_near("cargo-context", first, last, sentence, CARGO_WINDOW, 0)

    def past_event(self, first: int, last: int, sentence: int) -> bool:
        """A toll of an earlier event the story recalls (pattern label past-event: بعد ثلاث سنوات على إطلاق
        النار ... وقتل فيه 12، هجوم وقع الشهر الماضي، the charge of a court case: المتهم بقتل) at most
        PAST_EVENT_WINDOW tokens before the numeral in its clause); or a known event a clause describes (label
        described-event: الهجوم الذي أوقع، في أعقاب هجمات أدت إلى) unless a day of this week in the toll's clause
        (label recent-day: الاثنين، أمس) dates it to the story's own days, its toll then this week's news."""
        return self._context_near("past-event", first, last, sentence, PAST_EVENT_WINDOW, 0) \
            or self._described_earlier(first, last, sentence) \
            or self._dated_before_now(last, sentence) or self.chronicle(sentence)

    def _described_earlier(self, first: int, last: int, sentence: int) -> bool:
        """A described event's span (label described-event) at most PAST_EVENT_WINDOW tokens before the toll in
        its clause, with no day of this week (label recent-day) after its event noun and before the toll, or
        at most RECENT_DAY_AFTER tokens after the toll in its clause (a weekday before the event noun dates
        another thing: أمس الثلاثاء في حفل تأبين ... للهجمات التي وقعت قبل عشر سنوات)."""
        events = [i for i, j in self._label_spans("described-event").get(sentence, ())  # (or a span over the toll)
                  if j > first and i <= last or j <= first and first - j <= PAST_EVENT_WINDOW and not self._breaks(j, first)]
        if not events:
            return False
        return not any(min(events) < i <= first or last < i and i - last <= RECENT_DAY_AFTER and not self._breaks(last, i)
                       for i, _j in self._label_spans("recent-day").get(sentence, ()))

    def _dated_before_now(self, last: int, sentence: int) -> bool:
        """A toll whose event a date after it in its sentence sets in an earlier year (قتل عشرة أتراك ... في
        العام 2010، قتل نحو ثمانية آلاف ... في يوليو 1995): background of a known, dated event. A year alone
        (pattern label toll-date-year) dates no news of the story's own days: any year up to the latest the
        article names counts (the latest itself not in a story whose headline tells a toll); a month's date (label toll-date-month) must be of a year before that latest
        one (قتل 30 في 20 يوليو 2015 in a story of 2015 is its news). Words of lexicon figure-words class
        toll-date-breaks between (منذ 2009، بعد مذبحة ... عام 2012، أمس) tie the date to something else."""
        for label, earlier in (("toll-date-year", False), ("toll-date-month", True)):
            for i, j in self._label_spans(label).get(sentence, ()):
                if i < last or i - last > TOLL_DATE_WINDOW or any(
                        self.tokens[k].text in _TOLL_DATE_BREAKS or self.tokens[k].text in _DATE_CLAUSE_ENDS
                        for k in range(last, i)):
                    continue
                year = _year(self.tokens[j - 1].text)
                if year and (year < self._latest_year or (
                        not earlier and year == self._latest_year and not self._casualty_headline)):
                    return True
        return False

    @cached_property
    def _casualty_headline(self) -> bool:
        """The headline tells a toll (a word of lexicon casualty-verbs or casualty-nouns: مقتل 5 بهجوم): the
        story's news is a toll, so a year alone after one of its tolls may be a place's or another thing's
        date (الولاية التي قسمت في 1947), not the toll's, when the article names no later year."""
        paragraphs = self.ctx.doc.paragraphs
        return any(paragraphs[self.ctx.sentence_of(self.tokens[m.i].start)[1]].is_headline
                   for lexicon in ("casualty-verbs", "casualty-nouns") for m in self.ctx.hits(lexicon))

    def aboard(self, value: float | None) -> bool:
        """People one vehicle may hold (fewer than ONE_VEHICLE_MAX: على متنها 120 راكبا, not the tens of
        thousands a day's flights carried) in an article that tells no toll (no word of lexicon
        casualty-verbs or casualty-nouns): a detail of its scene, not the count of a disaster."""
        return value is not None and value < ONE_VEHICLE_MAX and self._calm

    @cached_property
    def _calm(self) -> bool:
        return not any(self.ctx.hits(lexicon) for lexicon in ("casualty-verbs", "casualty-nouns"))

    @cached_property
    def _latest_year(self) -> int:
        """The latest year the article names that is not a target (بحلول 2030): its own time, at the least."""
        tokens = self.tokens  # (the year test first: the few year tokens, not every token, look back for a target word)
        years = [y for k, t in enumerate(tokens) if (y := _year(t.text))
                 and not {u.text for u in tokens[max(0, k - 3):k]} & _FUTURE]
        return max(years, default=0)

    def record_figure(self, first: int, last: int, sentence: int, category: str = "") -> bool:
        """A figure of public record: capital (رأس ماله) just before it, a stake (من أسهمه) just after it; a
        percentage in a sentence that gives a share of the votes (label vote-share: 54 في المائة من الأصوات):
        that share, the other candidates' and the turnout are the election's published result; seats in a
        sentence that names a parliament (labels seat-count, parliament: 37 مقعدا من 147 في الجمعية الوطنية)."""
        return self._context_near("record-context", first, last, sentence, RECORD_WINDOW, STAKE_WINDOW) \
            or category == "percent" and sentence in self._label_spans("vote-share") \
            or category == "quantity" and sentence in self._label_spans("parliament") \
            and self._context_near("seat-count", first, last, sentence, 0, 1)

    def chronicle(self, sentence: int) -> bool:
        """A sentence of a chronology's entry (a this-day-in-history column): the piece's headline is such a
        column's title (pattern label chronicle-title: في مثل هذا اليوم، هذا اليوم في التاريخ), or CHRONICLE_ENTRIES
        sentences or more open with a year and a dash or colon (label chronicle-entry: 1967 - ...) and this is
        one of them or goes on in its paragraph after one. Its tolls and counts are history on record."""
        return sentence in self._chronicle_sentences

    @cached_property
    def _chronicle_sentences(self) -> set[int]:
        paragraphs, sentences = self.ctx.doc.paragraphs, self.ctx.doc.sentences
        if any(paragraphs[p].is_headline for _s, p in self._sentences_with("chronicle-title", paragraphs=True)):
            return {s.index for s in sentences if not paragraphs[s.paragraph].is_headline}
        entries = set()
        for m in self.ctx.patterns.find("chronicle-entry"):
            s = self.ctx.sentence_of(self.tokens[m.start].start)[0]
            if m.start == self._opening_token(s) and _year(self.tokens[m.start].text):
                entries.add(s)
        if len(entries) < CHRONICLE_ENTRIES:
            return set()
        found, paragraph = set(), None  # an entry and the sentences after it in its paragraph
        for s in sentences:
            if s.index in entries:
                paragraph = s.paragraph
            if s.paragraph == paragraph:
                found.add(s.index)
        return found

    def protest_figure(self, first: int, last: int, sentence: int) -> bool:
        """People who protest (pattern label protest-context: تظاهر، احتجاجا، اعتصام) counted with any noun,
        the protest word just before the count or a few words after it in its clause: a contested count."""
        return self._context_near("protest-context", first, last, sentence, PROTEST_BEFORE, PROTEST_AFTER)

    def sample_figure(self, first: int, last: int, sentence: int) -> bool:
        """People a report or a study interviewed or heard (pattern label sample-context: مقابلات مع، شهادات),
        the word just before the count in its clause: the method's sample, not a toll."""
        return self._context_near("sample-context", first, last, sentence, SAMPLE_BEFORE, -1)

    def staged(self, sentence: int) -> bool:
        """A sentence of a paragraph that tells a drill (pattern label drill-context: خطة وهمية، تمرين افتراضي):
        the casualties of its scenario are staged, no toll."""
        return self.ctx.doc.sentences[sentence].paragraph in self._drill_paragraphs

    @cached_property
    def _drill_paragraphs(self) -> set[int]:
        return {self.ctx.sentence_of(self.tokens[m.span_start].start)[1] for m in self.ctx.patterns.find("drill-context")}

    def unit_price(self, first: int, last: int, sentence: int) -> bool:
        """A price per unit: a per-unit word (للساعة، لليلة) just after the sum and its currency; or the
        price of one item: a price word (بسعر، ثمنها، سعر التذكرة) just before the sum in its clause; or a
        product's price list: a sum inside the span from a price word over its clause (label price-list)."""
        return self._context_near("unit-price", first, last, sentence, 0, UNIT_PRICE_WINDOW) \
            or self._context_near("item-price", first, last, sentence, ITEM_PRICE_WINDOW, 0) \
            or self._context_near("price-list", first, last, sentence, 0, 0)

    def offer_sentence(self, sentence: int) -> bool:
        """A sentence of a company's offer: OFFER_TERMS_MIN different offer words (pattern label offer-term:
        باقة، العروض، الخصم، الاشتراك) in it; its prices and discounts are the company's tariff."""
        return sentence in self._offer_sentences

    @cached_property
    def _offer_sentences(self) -> set[int]:
        words: dict[int, set[str]] = {}
        for m in self.ctx.patterns.find("offer-term"):
            s = self.ctx.sentence_of(self.tokens[m.span_start].start)[0]
            words.setdefault(s, set()).add(self.tokens[m.span_start].text)
        return {s for s, w in words.items() if len(w) >= OFFER_TERMS_MIN}

    def recalled(self, sentence: int) -> bool:
        """A sentence that opens with كان recalls an earlier report or state (`_recalled`)."""
        return self._recalled(sentence)

    def forecast(self, first: int, last: int, sentence: int) -> bool:
        """توقعات بنمو الناتج ... 2.6%: a word of expectation (pattern label forecast-context) before the
        figure in its sentence and clause: what is expected, not a fact. Or a target year after it in its
        clause (pattern label target-year: بحلول عام 2030), later than the latest year the article names
        otherwise: a goal or a projection (بيع 7 ملايين سيارة بحلول 2018), not a fact either. The earlier
        reading the expected figure is compared with (pattern label forecast-baseline: ارتفاعا من 0.4) in
        the same clause, further from the word of expectation, is the forecast's baseline, told with it."""
        if self._context_near("forecast-baseline", first, last, sentence, BASELINE_GAP, 0) \
                and self._context_near("forecast-context", first, last, sentence, BASELINE_WINDOW, 0, _ASIDE_GOES_ON):
            return True
        return self._context_near("forecast-context", first, last, sentence, FORECAST_WINDOW, 0, _ASIDE_GOES_ON) or any(
            0 <= i - last <= TARGET_WINDOW and _year(self.tokens[j - 1].text) > self._latest_year
            and not any(self.tokens[k].text in CLAUSE_BREAKS for k in range(last, i))
            for i, j in self._label_spans("target-year").get(sentence, ()))

    def lead_paragraph(self) -> int:
        """The article's first body paragraph: a load there is the news (an aid shipment: whose?), not a
        detail of the scene."""
        return self._lead_paragraph

    @cached_property
    def _lead_paragraph(self) -> int:
        return lead_paragraph(self.ctx.doc)  # once per article, not once per figure

    def _context_near(self, label: str, first: int, last: int, sentence: int, before: int, after: int,
                      breaks=CLAUSE_BREAKS) -> bool:
        """A match of a context pattern (rules/patterns/contexts.pattern) within `before` tokens before
        the numeral or `after` tokens after it, in the same sentence and clause."""
        for i, j in self._label_spans(label).get(sentence, ()):
            lo, hi, window = (j, first, before) if j <= first else (last, i, after)
            if hi - lo <= window and not any(self.tokens[k].text in breaks for k in range(lo, hi)):
                return True
        return False

    def _label_spans(self, label: str) -> dict[int, list[tuple[int, int]]]:
        """The token spans of a context pattern's matches (rules/patterns/contexts.pattern), by sentence."""
        spans = self._contexts.get(label)
        if spans is None:
            spans = self._contexts[label] = {}
            for m in self.ctx.patterns.find(label):
                sentence_of_term = self.ctx.sentence_of(self.tokens[m.span_start].start)[0]
                spans.setdefault(sentence_of_term, []).append((m.span_start, m.span_end))
        return spans

    def market_report(self, paragraph: int) -> tuple[int, float]:
        """Market terms of any scope in a paragraph (pattern market-report) and their number per sentence:
        a daily wrap-up or a stock valuation is dense with them, a news story that names the bourse once
        is not. The rules decide the threshold (fields market_terms, market_density)."""
        found = self._reports.get(paragraph)  # (once a paragraph: its figures ask alike)
        if found is not None:
            return found
        if not hasattr(self, "_report_terms"):
            self._report_terms: dict[int, int] = {}
            for m in self.ctx.patterns.find("market-report"):  # rules/patterns/contexts.pattern
                p = self.ctx.sentence_of(self.tokens[m.span_start].start)[1]
                self._report_terms[p] = self._report_terms.get(p, 0) + 1
            self._paragraph_sentences: dict[int, int] = {}
            for s in self.ctx.doc.sentences:
                self._paragraph_sentences[s.paragraph] = self._paragraph_sentences.get(s.paragraph, 0) + 1
        terms = self._report_terms.get(paragraph, 0)
        found = self._reports[paragraph] = (terms, round(terms / max(1, self._paragraph_sentences.get(paragraph, 1)), 2))
        return found

    def is_update(self, start: int, sentence: int) -> bool:
        """An update phrase earlier in the same sentence (ارتفعت الحصيلة إلى ...)."""
        if not hasattr(self, "_updates"):
            self._updates: dict[int, int] = {}  # sentence -> first update phrase offset
            for m in self.ctx.hits("update-phrases"):
                self._updates.setdefault(self.ctx.sentence_of(m.start)[0], m.start)
        first = self._updates.get(sentence)
        return (first is not None and first < start) or self._recalled(sentence)

    def place_named(self, sentence: int, paragraph: int) -> str | None:
        """Where a sentence's event happened, in a story with a dateline: the first city or region
        the sentence names, the dateline left out (one desk reports a blast in a Turkish town and an
        attack in Sinai); for the headline and first paragraph, else the first the lead names (a
        headline's toll is its lead's event); else the dateline's place. A story without one gives
        none: the places its sentences name hold many events a day (a city at war)."""
        if not hasattr(self, "_places"):
            from validator.extract.spellings import names_the_place

            dateline = self.ctx.doc.dateline
            self._places: dict[int, str] = {}
            self._lead_place: str | None = None
            for m in self.ctx.hits("places"):
                at = self.ctx.norm.to_original(m.start)
                if m.entry.get("kind") == "country":
                    continue   # a country is no event's place: a day's feed has many events in one
                if (dateline is None or not dateline.start <= at < dateline.end) and names_the_place(self.ctx, m):
                    where = self.ctx.sentence_of(m.start)
                    self._places.setdefault(where[0], m.entry.norm)
                    if where[1] <= 1 and self._lead_place is None:
                        self._lead_place = m.entry.norm
        dateline = self._dateline_place()
        lead = self._lead_place if paragraph <= 1 else None
        return dateline and (self._places.get(sentence) or lead or dateline)

    def _dateline_place(self) -> str | None:
        """The dateline's place, when the places lexicon knows it: wires write the agency first as
        often as the place (سبق- أبها:، رويترز- بنغازي:), and an agency is no place."""
        if not hasattr(self, "_dateline"):
            from validator.text.normalize import normalize_string

            dateline, places = self.ctx.doc.dateline, self.res["places"]
            named = [] if dateline is None else [normalize_string(p) for p in (dateline.place, dateline.agency) if p]
            self._dateline = next((p for p in named if places.lookup(p) is not None), None)
        return self._dateline

    def update_story(self) -> bool:
        """A story that leads (headline or first paragraph) with a rising or revised toll is an update
        of its event: its figures may differ from an earlier story's (ارتفاع حصيلة ... إلى)."""
        if not hasattr(self, "_updating"):
            self._updating = any(m.entry.get("kind") in ("rise", "revision") and self.ctx.sentence_of(m.start)[1] <= 1
                                 for m in self.ctx.hits("update-phrases"))
        return self._updating

    def _recalled(self, sentence: int) -> bool:
        """`_opens_with_recall`, once per sentence (each of its figures asks twice)."""
        found = self._recalls.get(sentence)
        if found is None:
            found = self._recalls[sentence] = self._opens_with_recall(sentence)
        return found

    def _opens_with_recall(self, sentence: int) -> bool:
        """وكانت الوزارة أعلنت أن 15 شخصا قتلوا: a sentence that opens with كان recalls an earlier
        report or state (the pluperfect of news background), not the article's current figure."""
        k = self._opening_token(sentence)
        return k < len(self.tokens) and self.tokens[k].text in _RECALL

    def _opening_token(self, sentence: int) -> int:
        """The index of a sentence's first word, a list dash or other marks before it skipped."""
        lo, _hi = self.ctx.sentence_bounds(sentence)
        k = self.ctx.index.at_or_after(lo)
        while k < len(self.tokens) and self.tokens[k].kind == "punct":
            k += 1
        return k
