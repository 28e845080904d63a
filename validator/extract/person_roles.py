"""Who a person is, said around his name: an indefinite role that introduces him (مواطن، بائع), a
description after his name or before it, a short quoted role right after it (”شاهد عيان“)."""
from __future__ import annotations

import bisect

from validator.extract.context import Context
from validator.extract.entities.words import _DEFINITE_CLITICS
from validator.extract.passages import first_word
from validator.extract.wordclasses import affix, affixes, word_class
from validator.text.normalize import normalize_string
from validator.text.punctuation import COMMAS, DASHES, QUOTE_MARKS, SEMICOLONS

_AND = affix("and")
_ARTICLE = affix("article")
_PRONOUNS = affixes("pronoun")
_VOX_POP_COUNTS = word_class("attribution-words", "vox-pop-count")  # عدد من: a vague count of people (not عدد سكان)
_VOX_POP_SOME = word_class("attribution-words", "vox-pop-some")  # بعض الجماهير: a vague part, with no من
_MIN = word_class("entity-words", "partitive")  # من
ROLE_NAME_GAP = 3  # بائع الأجهزة فلان: the words of a role before the name it titles
_KIN_NOUNS = word_class("entity-words", "kin-subject")  # والدة، شقيق: a relative named by whose he is
_VOX_POP_GROUPS = word_class("attribution-words", "vox-pop-group")  # الجماهير، المواطنين: the public asked
_VOX_POP_FORMS = frozenset(_VOX_POP_GROUPS) | {_ARTICLE + w for w in _VOX_POP_GROUPS}  # as a token may write one


def quoted_roles(ctx: Context, quotes, entities) -> None:
    """وقال باسم الضامن ”شاهد عيان“ إن ...: a short quoted role right after a person's name (a title,
    a people noun or an anonymous-source head: شاهد، مواطن، طبيب) says who he is: it is his title."""
    by_start = {q.loc.start: q for q in quotes if q.balanced and 0 < len(q.content.split()) <= 3}
    if not by_start:
        return
    res = ctx.res
    for e in entities:
        if e.kind != "person":
            continue
        for mention in e.mentions:
            if mention.title or mention.form not in ("name", "surname"):
                continue
            gap = ctx.doc.text[mention.loc.end:mention.loc.end + 2]
            q = by_start.get(mention.loc.end + len(gap) - len(gap.lstrip()))
            if q is None:
                continue
            first = normalize_string(q.content.split()[0])
            if res["titles"].lookup(first) is not None or res["people-nouns"].lookup(first) is not None \
                    or res.vague_sources.lookup(first) is not None:
                mention.title, mention.title_loc = q.content.strip(), q.loc
                if mention.title not in e.titles:
                    e.titles.append(mention.title)


def introduced_by_role(ctx: Context, entities) -> None:
    """طالب مواطن الجهات المختصة بالتحقيق ... . وقال علي الدغريري: a private person a sentence introduces
    by an indefinite role noun (مواطن، بائع، سائق: lexicon people-nouns, singular) as the subject of its
    opening verb, and names in the next one or later in the same one, is described: the role is his title."""
    untitled = [e for e in entities if e.kind == "person" and e.mentions and not _titled(e.mentions[0])]
    if not untitled:
        return  # (most articles name no one without a title: no roles, kin or interviews to read)
    def opens_sentence(m) -> bool:  # the subject of the sentence's first word, its verb
        return m.i == first_word(ctx, ctx.doc.sentences[ctx.sentence_of(m.start)[0]]) + 1
    roles = [m for m in ctx.hits("people-nouns") if m.entry.get("number") == "sg"
             and not ctx.tokens[m.i].text.startswith(_DEFINITE_CLITICS) and opens_sentence(m)]
    tokens = ctx.tokens
    # ويوضح بائع الأجهزة فلان أن ... . ويضيف علان أن: a role with a name right after it is that person's
    # title, and introduces no one else (round 166 2015-07-27/578: two buyers quoted by name alone)
    holders = {ctx.index.containing(ctx.norm.to_normalized(p.mentions[0].loc.start)): p
               for p in entities if p.kind == "person" and p.mentions}
    owner = {m.i: next((holders[x] for x in range(m.i + 1, m.i + 1 + ROLE_NAME_GAP) if x in holders), None)
             for m in roles}
    # أكدت والدة راكب الأمواج أنها ... . وقالت فلانة: a kin noun with its genitive as the subject of
    # the sentence before says who she is (blind round 59)
    kin = [tokens[i].start for i in ctx.positions(_KIN_NOUNS) if 0 < i < len(tokens) - 1
           and tokens[i + 1].kind == "word" and _opens(ctx, i - 1)]
    patterns = ctx.patterns
    # the description patterns (people.pattern), each label matched only around a person without a
    # title (`find_reaching`: the same matches as over the whole article), in this order: وديع خان (47
    # عاما)، فهد العتيبي من جدة، علي الحسيني، رئيس بلدية ...: a description right after the name (or its
    # comma); a role a few words before it or right before its comma; خالد العمري وفهد السبيعي وهم
    # مشاركون ...: a description of the group after a list of names
    listed = None
    street = _street_interview_start(ctx, entities) or _vox_pop_lead(ctx, entities)
    lead_title = _headline_speaker_titled_in_lead(ctx, entities)
    for e in untitled:
        mention = e.mentions[0]
        first = ctx.norm.to_normalized(mention.loc.start)
        sentence = ctx.sentence_of(first)[0]
        if any(m.start < first and sentence - 1 <= ctx.sentence_of(m.start)[0] <= sentence
               and owner[m.i] in (None, e) for m in roles) \
                or any(start < first and ctx.sentence_of(start)[0] == sentence - 1 for start in kin):
            e.introduced = True
            continue
        k = ctx.index.at_or_after(ctx.norm.to_normalized(mention.loc.end))
        if k < len(tokens) and (tokens[k].text in COMMAS or tokens[k].text in DASHES or tokens[k].text in SEMICOLONS):
            k += 1  # فلان، موظف ...؛ فلان -طالب جامعي-؛ فلان – مستشار قانوني –؛ فلان؛ مصرفي سعودي: a description set off
        described = _starting_at(patterns, "described-after-name", k) or _described_later(ctx, patterns, e, first)
        if described is None and mention.courtesy and k + 1 < len(tokens) and tokens[k].kind != "punct" \
                and ctx.res["attribution-words"].lookup(normalize_string(tokens[k].text)) is None:
            # الدكتور فهد بن سعد الزعابي مساعد المدير: after an honorific a full name and its role follow;
            # one word of the name the reader left out (a family name it does not know) stands between
            described = _starting_at(patterns, "described-after-name", k + 1)
        if described is None and mention.courtesy and _possessive_role_before(ctx, mention):
            e.introduced = True
            continue
        if described is None:
            # the last role ending at or before the name (they do not overlap), if the name starts in its match
            i = ctx.index.at_or_after(first)
            before = sorted(patterns.find_reaching("role-before-name", i), key=lambda m: m.span_end)
            b = bisect.bisect_right([m.span_end for m in before], i) - 1
            if b >= 0 and i <= before[b].end:
                described = before[b]
            elif before:
                described = _role_in_own_paragraph(ctx, before, i, first)
        if described is None:
            if listed is None:
                listed = _listed_names(ctx, entities)
            after_list = _after_list(ctx, k, listed)
            if after_list >= 0:
                described = _starting_at(patterns, "described-after-names", after_list)
        if described is not None:
            e.introduced = True
            mention.lexicon.extend(described.evidence)
        elif lead_title is not None and _headline_speaker(normalize_string(mention.loc.text), mention.loc.start, lead_title):
            e.introduced = True  # the lead's title is the headline's speaker's, his name given bare
        elif street is not None and street[0] < mention.loc.start:
            e.introduced = True  # المواطن فلان يقول ... . من جهته، يقول فلان: another passer-by of a street interview
            mention.lexicon.append(street[1])


def _opens(ctx: Context, k: int) -> bool:
    """Token k is the first word of its sentence (its verb)."""
    return first_word(ctx, ctx.doc.sentences[ctx.sentence_of(ctx.tokens[k].start)[0]]) == k


def _street_interview_start(ctx: Context, entities) -> tuple[int, str] | None:
    """Where a street interview starts: the first person the article names with a title of the public
    (lexicon titles street=yes: المواطن فلان), and that title's entry. The private people it quotes by
    name alone after him are passers-by too, described by the piece (blind round 57). Not where a speaker
    the piece introduces otherwise (الشيخ فلان، مدير ...) is quoted before him: its interviewees are introduced
    one by one, and a bare name among them stands out (round 145 2015-07-21/2620)."""
    titles = ctx.res["titles"]
    found = None
    speakers = []
    for e in entities:
        if e.kind != "person" or not e.mentions:
            continue
        mention = e.mentions[0]
        if mention.is_source:
            speakers.append(mention.loc.start)
        if not mention.title:
            continue
        entry = titles.lookup(normalize_string(mention.title.split()[0]))
        if entry is not None and entry.get("street") == "yes" and (found is None or mention.loc.start < found[0]):
            found = (mention.loc.start, entry.source)
    return None if found is None or any(start < found[0] for start in speakers) else found


def _vox_pop_lead(ctx: Context, entities=()) -> tuple[int, str] | None:
    """عبر عدد من الجماهير عن ثقتهم ...، استطلعت آراء بعض المتسوقين: a lead (the first paragraph of the
    body) presenting a group of the public by a vague count (attribution-words vox-pop-count) and a plural
    noun of the public (vox-pop-group: fans, citizens, shoppers, residents) opens a vox pop: the private people it quotes by name alone
    after it are members of that group, described by the piece (blind round 58: rejected twice on fans); so
    does the group, indefinite, as the subject of the lead's opening verb (شكا سكان الحي: round 73)."""
    if ctx.distinct_texts.isdisjoint(_VOX_POP_FORMS):
        return None  # (most articles name no group of the public)
    headline, tokens = ctx.doc.headline, ctx.tokens
    start = ctx.index.at_or_after(ctx.norm.to_normalized(headline.end)) if headline is not None else 0

    def opens_vox_pop(k: int) -> bool:
        if k == start + 1 and tokens[k].text in _VOX_POP_GROUPS:
            return True  # the group, indefinite, subject of the lead's opening verb: شكا سكان الحي، طالب أهالي القرية
        return tokens[k].text.removeprefix(_ARTICLE) in _VOX_POP_GROUPS and k - 2 >= start and (
            tokens[k - 1].text in _VOX_POP_SOME or (tokens[k - 1].text in _MIN and tokens[k - 2].text in _VOX_POP_COUNTS))
    # the first such group after the headline, if the lead (the paragraph the body opens with) runs to it:
    # the tokens before it are read one by one only then
    found = next((k for k in ctx.positions(_VOX_POP_FORMS) if k >= start and opens_vox_pop(k)), None)
    if found is None:
        return None
    lead = ctx.sentence_of(tokens[start].start)[1]
    if any(ctx.sentence_of(tokens[k].start)[1] != lead for k in range(start + 1, found + 1)) \
            and not _member_quoted_in_sentence(ctx, entities, found):
        return None
    return ctx.norm.to_original(tokens[found].start), \
        ctx.res["attribution-words"].lookup(tokens[found].text.removeprefix(_ARTICLE)).source


def _member_quoted_in_sentence(ctx: Context, entities, k: int) -> bool:
    """عبر عدد من المشاركين عن سعادتهم، وقال فلان: a group of the public, later in the body, whose own
    sentence goes on to quote a person by name alone: he is one of the group, and a vox pop opens there
    (round 161 2015-07-25/1216 rejected missing-title on such participants)."""
    at = ctx.tokens[k].start
    sentence = ctx.sentence_of(at)[0]
    return any(ctx.sentence_of(ctx.norm.to_normalized(m.loc.start))[0] == sentence
               and ctx.norm.to_normalized(m.loc.start) > at
               for e in entities if e.kind == "person" and not e.mentions[0].title
               for m in e.mentions[:1] if m.is_source)


HEADLINE_SPEAKER_WORDS = 2  # كوفي عنان: «...»: a headline's speaker before its colon, his name alone


def _headline_speaker_titled_in_lead(ctx: Context, entities) -> tuple[str, int, str] | None:
    """عنان: ... or كوفي عنان يحذر ... / قال الأمين العام السابق للأمم المتحدة إن ... / وقال كوفي عنان: a
    headline quoting a person by name before its colon, or opening on his name, and a lead quoting a
    person by his title alone (a person entity whose first mention is the title, a source): the lead's
    title is the headline's speaker's, whose name the headline and the body give bare (round 72 rejected a
    missing-title on such a name). The speaker's last word before the colon (or ""), where the lead's
    title stands (original offset) and the headline's normalized text, or None."""
    headline = ctx.doc.headline
    if headline is None:
        return None
    tokens = ctx.tokens
    start = ctx.index.at_or_after(ctx.norm.to_normalized(headline.end))
    if start >= len(tokens) or start == 0:
        return None
    lead = ctx.sentence_of(tokens[start].start)[1]
    titled = [e.mentions[0].loc.start for e in entities if e.kind == "person" and e.mentions
              and e.mentions[0].form == "title" and e.mentions[0].is_source
              and ctx.sentence_of(ctx.norm.to_normalized(e.mentions[0].loc.start))[1] == lead]
    if not titled:
        return None
    colon = next((k for k in range(1, min(start, HEADLINE_SPEAKER_WORDS + 1)) if tokens[k].text == ":"), None)
    speaker = tokens[colon - 1].text if colon is not None and all(
        tokens[k].kind == "word" for k in range(colon)) else ""
    return speaker, min(titled), normalize_string(ctx.doc.text[headline.start:headline.end])


def _headline_speaker(name: str, at: int, lead_title: tuple[str, int, str]) -> bool:
    """The person (normalized name, first mention at `at`) is the headline's speaker of
    _headline_speaker_titled_in_lead: his full name opens the headline, or his last word is the speaker
    before its colon and the body names him after the lead's title."""
    speaker, title_at, headline = lead_title
    words = name.split()
    return (len(words) >= HEADLINE_SPEAKER_WORDS and headline.startswith(name + " ")) \
        or (title_at < at and words[-1] == speaker)


def _possessive_role_before(ctx: Context, mention) -> bool:
    """أمينها العام الدكتور فلان، ونائبه الأستاذ فلان: a role with a pronoun suffix (of the body just
    named) right before the honorific is his title; the titles lexicon lists no suffixed forms."""
    k = ctx.index.containing(ctx.norm.to_normalized(mention.title_loc.start))
    titles = ctx.res["titles"]
    for j in (k - 1, k - 2):  # the role alone or with its adjective (أمينها العام)
        if j < 0 or ctx.tokens[j].kind == "punct":
            return False
        word = normalize_string(ctx.tokens[j].text)
        if word.startswith(_AND) and len(word) > 4:
            word = word[len(_AND):]
        rest = [normalize_string(t.text) for t in ctx.tokens[j + 1:k]]
        for p in _PRONOUNS:
            stem = word[:-len(p)]
            if word.endswith(p) and len(stem) >= 3 and any(
                    titles.attr(" ".join([head, *rest]), "kind") == "role" for head in (stem, _ARTICLE + stem)):
                return True
    return False


def _shares_name(e, entities, family_only: bool = False) -> bool:
    """ويشير د. فهد الزعابي، ... وأكد الأستاذ فهد: a name after an honorific alone that shares its given
    or family name with a person named before is most likely his later mention, whom the reader did not
    link (a name cut short at first mention: الدكتور فهد غرم الله الزعابي): no positive evidence. After a
    folk honorific the name is a full one (ويقول العم محمد حسين آل مبيت): only the family name links it
    (a street feature's speakers share common given names)."""
    start = e.mentions[0].loc.start
    words = {w for w in e.key.split() if len(w) > 3}  # (not عبد of عبد اللطيف, not بن)
    return any(o is not e and o.kind == "person" and o.mentions and o.mentions[0].loc.start < start
               and ({o.key.split()[-1]} if family_only else {o.key.split()[0], o.key.split()[-1]}) & words
               for o in entities)


def _titled(mention) -> bool:
    """A title that says who he is: not only an honorific of lexicon titles describes=no (الدكتور، د.)."""
    return bool(mention.title) and not mention.courtesy


# A headline without a final stop runs into the lead: a role of the headline (محافظ جدة يفتتح ...) can
# take the lead's words up to the name as its complement, and the lead's own role before the name (يفتتح
# محافظ جدة رئيس اللجنة فهد السبيعي) is never matched, the matches not overlapping. The role's match is
# then tried again from each word of the name's own paragraph (a few words: the label's reach).
ROLE_REACH = 13  # a role and the twelve words of its complement (people.pattern role-before-name)


def _role_in_own_paragraph(ctx: Context, before, i: int, first: int):
    """The role-before-name match starting in the paragraph of the name at token i (normalized offset
    `first`) that takes the name, where a match from an earlier paragraph crossed into it; or None."""
    paragraph = ctx.sentence_of(first)[1]
    tokens, patterns = ctx.tokens, ctx.patterns
    if all(ctx.sentence_of(tokens[m.start].start)[1] == paragraph for m in before):
        return None
    for j in range(max(0, i - ROLE_REACH), i):
        if ctx.sentence_of(tokens[j].start)[1] != paragraph:
            continue
        for pattern in patterns.by_label.get("role-before-name", ()):
            m = patterns.match_at(pattern, j)
            if m is not None and m.span_start <= i <= m.end:
                return m
    return None


def _described_later(ctx: Context, patterns, e, first: int):
    """كان فلان وأمه ... . ظهر فلان، الذي يعاني ...: the lead names the person, then describes him right
    after a later mention in the same paragraph: the description of the first mention."""
    paragraph = ctx.sentence_of(first)[1]
    for m in e.mentions[1:]:
        at = ctx.norm.to_normalized(m.loc.start)
        if ctx.sentence_of(at)[1] != paragraph:
            break
        k = ctx.index.at_or_after(ctx.norm.to_normalized(m.loc.end))
        if k < len(ctx.tokens) and ctx.tokens[k].text in COMMAS:
            k += 1
        if (described := _starting_at(patterns, "described-after-name", k)) is not None:
            return described
    return None


def _starting_at(patterns, label: str, k: int):
    """The match of the label whose span starts at token k (the last, as a table by span start keeps).
    Where every pattern's span starts with its match, only a pattern matching at k can give it: when
    none does (most names), the matches around k (`find_reaching`, filtered) need not be made."""
    if patterns.label_at(label, k) is None and all(p.span[0] == 0 for p in patterns.by_label.get(label, ())):
        return None
    return next((m for m in reversed(patterns.find_reaching(label, k)) if m.span_start == k), None)


FOLK_NAME_WORDS = 2  # ويقول العم فهد العتيبي: a folk honorific is no title before a full name only


def framed_speakers(ctx: Context, entities) -> None:
    """ويقول فهد العتيبي إن ...، أما فهد العتيبي فيقول: a person without a title or description whose
    name stands between a reporting verb and his words, or opens its clause right before his reporting
    verb (people.pattern: speech-verb-before-name, speech-after-name, subject-before-name,
    speech-verb-after-name), is framed: the
    positive evidence that nothing describes him; so is a public figure of the lexicon public-figures. A
    kunya alone (أم أحمد: pattern kunya-name) is not. A folk honorific (العم، الخال: titles describes=framed)
    is no title only where the first mention, a full name, is so framed (ويقول العم فهد العتيبي:); elsewhere
    (العم عبدالله، a feature's familiar later name; أيادي العم فلان) it says who he is, as a title would."""
    public = ctx.res["public-figures"]
    todo = []
    for e in entities:
        if e.kind != "person" or e.introduced or not e.mentions or _titled(e.mentions[0]):
            continue
        known = public.lookup(normalize_string(e.name))
        if known is not None:  # ناتانياهو: a public figure has an office the reader is owed, wherever he is named
            e.framed = True
            if known.source not in e.mentions[0].lexicon:
                e.mentions[0].lexicon.append(known.source)
        elif any(m.is_source for m in e.mentions):  # only a source is framed by his words: most persons are not
            todo.append(e)
    if not todo:
        return
    todo = [e for e in todo if not (e.mentions[0].courtesy and _shares_name(e, entities, e.mentions[0].folk))]
    patterns = ctx.patterns
    index = ctx.index
    for e in todo:
        for n, mention in enumerate(e.mentions):
            if mention.form not in ("name", "surname"):
                continue
            # وقال الدكتور فلان إن: the verb frames the honorific and the name together
            start = mention.title_loc.start if mention.courtesy and mention.title_loc is not None else mention.loc.start
            i = index.containing(ctx.norm.to_normalized(min(start, mention.loc.start)))
            k = index.at_or_after(ctx.norm.to_normalized(mention.loc.end))
            kunya = patterns.label_at("kunya-name", i)
            if kunya is not None and kunya.end == k:  # the note says why it is no warning
                mention.lexicon.extend(kunya.evidence)
                # (a quotation right after a kunya may be her description: أم فلان «أرملة وأم لطفلين» أنها)
                if ctx.tokens[k].text in QUOTE_MARKS or not _described_kunya(ctx, entities, e):
                    continue
            frame = _frame(patterns, i, k)
            if frame and e.mentions[0].folk and (n > 0 or len(e.key.split()) < FOLK_NAME_WORDS):
                break  # العم عبدالله، later ويقول العم فلان: the folk honorific describes him (below)
            if frame:
                e.framed = True
                for m in frame:
                    mention.lexicon.extend(m.evidence)
                break
    for e in entities:
        if e.kind == "person" and not e.framed:
            for m in e.mentions:  # الخبز الذي تنتجه أيادي العم فلان: an elderly craftsman, described
                m.courtesy = m.courtesy and not m.folk


def _described_kunya(ctx: Context, entities, e) -> bool:
    """وقالت أم فهد صاحبة أحد الأكشاك ...، وأكدت أم أحمد أن: a kunya alone names a stall holder of a street
    feature (no title expected), unless the story describes another person it names by a kunya alone
    (a title, or a role after the name): then the one it leaves bare is owed a description too."""
    patterns, index = ctx.patterns, ctx.index
    for o in entities:
        if o is e or o.kind != "person" or not o.mentions or not (o.introduced or _titled(o.mentions[0])):
            continue
        first = o.mentions[0]
        i = index.containing(ctx.norm.to_normalized(first.loc.start))
        kunya = patterns.label_at("kunya-name", i)
        if kunya is not None and kunya.end == index.at_or_after(ctx.norm.to_normalized(first.loc.end)):
            return True
    return False


def _frame(patterns, i: int, k: int) -> list:
    """The matches that frame a name at tokens i..k-1 (people.pattern; tested at the token after the name
    and on the tokens that end right before it): a reporting verb and the start of his words
    (ويقول فلان إن), or a clause opener and his reporting verb (أما فلان فيقول); else []."""
    before = _ending_at(patterns, "speech-verb-before-name", i)
    if before is not None:
        opens = patterns.label_at("speech-after-name", k)
        if opens is not None:
            return [before, opens]
    subject = patterns.label_at("subject-before-name", i - 1)
    verb = patterns.label_at("speech-verb-after-name", k) if subject is not None else None
    return [subject, verb] if verb is not None else []


def _ending_at(patterns, label: str, i: int, longest: int = 3):
    """A match of the label that ends right before token i, one to `longest` tokens long (a reporting verb,
    or a verb and the words between it and the name: وأوضح من جانبه فلان), or None."""
    for start in range(i - 1, i - 1 - longest, -1):
        m = patterns.label_at(label, start)
        if m is not None and m.end == i:
            return m
    return None


def _listed_names(ctx: Context, entities) -> dict[int, int]:
    """The token a person's name starts in (after و: وفهد السبيعي) -> the token after the name."""
    index = ctx.index
    out = {}
    for e in entities:
        if e.kind == "person":
            for m in e.mentions:
                if m.form in ("name", "surname"):
                    start = index.containing(ctx.norm.to_normalized(m.loc.start))
                    out[start] = index.at_or_after(ctx.norm.to_normalized(m.loc.end))
    return out


def _after_list(ctx: Context, k: int, listed: dict[int, int]) -> int:
    """k: the token after a name (its comma skipped). When more names follow, joined by و or a comma
    (، وفهد السبيعي، ونايف الحربي), the token after the last one (its comma skipped); else -1."""
    tokens = ctx.tokens
    skipped = False
    while k in listed and (tokens[k].text.startswith(_AND) or (k > 0 and tokens[k - 1].text in COMMAS)):
        k = listed[k]
        skipped = True
        if k < len(tokens) and tokens[k].text in COMMAS:
            k += 1
    return k if skipped else -1


