"""Evidence: why a structure was extracted or a finding fired, as the pattern ids and lexicon entries
(`id@file:line`) that produced it, and for a requirement that failed, what was looked for and not found.

Structures keep the lexicon references (`file:line`) and pattern ids their extractor used; this module
words them for JSON (`evidence`) and for `--explain`, in Arabic or English."""
from __future__ import annotations

import bisect

from validator.extract.group_identity import institution, issuer, public_member_named, research_identified, research_identity
from validator.extract.source_scope import headline_answered, within_statement
from validator.extract.model import Article, Attribution, Entity, Mention, NumberItem, Quote
from validator.messages import messages


def labels(lang: str) -> dict[str, str]:
    """Evidence words in a language (English when it has none): the `evidence` section of the message
    catalogues (validator.messages)."""
    return messages("evidence", lang)


def _scope(scope: str, lang: str) -> str:
    return messages("scopes", lang).get(scope, scope)


def entry_ref(source: str, article: Article) -> str:
    """`file:line` as `entry@file:line` (the entry as written in its lexicon), or as given."""
    if "@" in source or article.resources is None:
        return source
    entry = article.resources.lexicons.entry_at(source)
    return f"{entry.text}@{source}" if entry is not None else source


def structure_evidence(item, article: Article) -> list[str]:
    """The pattern ids and lexicon entries behind one extracted structure, in the order they were used."""
    if isinstance(item, (NumberItem, Mention)):
        refs = list(item.lexicon)
    elif isinstance(item, Quote):
        refs = list(item.evidence)
    elif isinstance(item, Entity):
        refs = [r for m in item.mentions for r in m.lexicon]
    elif isinstance(item, Attribution):
        refs = [item.lexicon] if item.lexicon else []
    else:
        refs = []
    return list(dict.fromkeys(entry_ref(r, article) for r in refs))


def _covering(article: Article) -> dict[str, Attribution]:
    """Item id → the first attribution that covers it (a scan of every attribution for every finding
    was quadratic)."""
    covering: dict[str, Attribution] = {}
    for a in article.attributions:
        for item_id in a.covers:
            covering.setdefault(item_id, a)
    return covering


def _cues(article: Article) -> dict[tuple, tuple[list[int], list[tuple[int, Attribution]]]]:
    """(source, sentence) → where its attribution cues start, in order, and (article order, cue) in that
    order: a mention's nearest cue is found by bisection, not by a scan of every attribution."""
    groups: dict[tuple, list[tuple[int, int, Attribution]]] = {}
    for k, a in enumerate(article.attributions):
        groups.setdefault((a.source, a.sentence), []).append((a.loc.start, k, a))
    out = {}
    for key, cues in groups.items():
        cues.sort(key=lambda c: c[:2])
        out[key] = ([start for start, _, _ in cues], [(k, a) for _, k, a in cues])
    return out


def _nearest(starts: list[int], cues: list[tuple[int, Attribution]], pos: int) -> Attribution:
    """The cue nearest `pos`; of two as near, the earlier in the article."""
    k = bisect.bisect_left(starts, pos)
    firsts = []  # the first cue (in article order, as sorted) of the nearest start on each side
    if k > 0 and (k == len(starts) or pos - starts[k - 1] <= starts[k] - pos):
        firsts.append(cues[bisect.bisect_left(starts, starts[k - 1])])
    if k < len(starts) and (k == 0 or starts[k] - pos <= pos - starts[k - 1]):
        firsts.append(cues[k])
    return min(firsts, key=lambda c: c[0])[1]


def attribution_link(a: Attribution, article: Article) -> str:
    """`a6 'قال' → سكان [قال@reporting-verbs.txt:23]`: an attribution cue, the entity it names and the
    entries behind the cue."""
    src = article.entity(a.source)
    return f"{a.id} '{a.loc.text}'" + (f" → {src.name}" if src else "") \
        + "".join(f" [{e}]" for e in structure_evidence(a, article))


def cue_chain(mention: Mention, article: Article) -> list[str]:
    """For a mention that is a source: the attribution cue of its sentence that made it one (the
    nearest naming its entity), as attribution_link words it."""
    sentence = article.doc.sentence_at(mention.loc.start) if mention.is_source else None
    cues = article.memo("cues", _cues).get((mention.entity, sentence.index)) if sentence is not None else None
    if not cues:
        return []
    return [attribution_link(_nearest(*cues, mention.loc.start), article)]


def title_link(mention: Mention, article: Article, lang: str = "en") -> str:
    """`m1 title 'وزيرة المالية' (4:21) → طيف سامي [وزيرة@titles.txt:66]`: a mention's title, where it
    is written, whose it is and the entries that read it."""
    loc = mention.title_loc or mention.loc
    entity = article.entity(mention.entity)
    return f"{mention.id} {labels(lang)['title']} '{mention.title}' ({loc.line}:{loc.column})" \
        + (f" → {entity.name}" if entity else "") + "".join(f" [{e}]" for e in structure_evidence(mention, article))


def finding_evidence(item, article: Article, lang: str = "en") -> list[str]:
    """What a finding on one structure cites after its rule: the structure's entries, the attribution
    that sources a number or a quote, the cue that made a mention a source, a figure's context flags."""
    evidence = structure_evidence(item, article)
    if isinstance(item, (NumberItem, Quote)):
        evidence += source_chain(item, article, lang)
    elif isinstance(item, Mention):
        evidence += cue_chain(item, article)
        if research_identified(item, article):
            words, line, column = research_identity(article)
            evidence.append(f"{labels(lang)['research_identity']} '{words}' ({line}:{column})")
        elif (entity := article.entity(item.entity)) is not None and (issued := issuer(entity, article)):
            words, line, column = issued
            evidence.append(f"{labels(lang)['issuer_named']} '{words}' ({line}:{column})")
        elif entity is not None and (body := institution(entity, article)):
            words, line, column = body
            evidence.append(f"{labels(lang)['institution_named']} '{words}' ({line}:{column})")
        for label, scope in (("headline_answered", headline_answered), ("within_statement", within_statement),
                             ("public_member_named", public_member_named)):
            if (where := scope(item, article)) is not None:
                words, line, column = where
                evidence.append(f"{labels(lang)[label]} '{words}' ({line}:{column})")
    if isinstance(item, NumberItem):
        evidence += context_flags(item, lang)
    return evidence


def source_chain(item, article: Article, lang: str = "en") -> list[str]:
    """For a number or a quote: the attribution that covers it and the entity it names, or the earlier
    attribution whose source carries over to a number (figure_sources.carry_sources)."""
    out = []
    a = article.memo("covering", _covering).get(item.id)
    if a is not None:
        out.append(attribution_link(a, article))
    continued = getattr(item, "continued_from", None)
    if not out and continued:  # ونتج عن ذلك: the consequence of the previous sentence's account
        out.append(_linked(article, continued, labels(lang)["continued"], labels(lang)["sentence"]))
    carried = getattr(item, "carried_from", None)
    if not out and carried:
        out.append(_linked(article, carried, labels(lang)["carried"], labels(lang)["sentence"]))
        L = labels(lang)
        via = getattr(item, "carried_via", None)
        if via:
            out.append(f"{L['carried_via']} '{via[0]}' ({', '.join(via[1:])})")
        earlier = next((n for n in article.numbers if n.id == getattr(item, "refers_to", None)), None)
        if earlier is not None:
            out.append(f"{L['refers_to']} '{earlier.loc.text}' ({L['sentence']} {earlier.sentence + 1})")
    near = getattr(item, "near_source", None)
    if not out and near:
        L = labels(lang)
        out.append(_linked(article, near, L["source_near"], f"{L['near_' + item.near_where]}, {L['sentence']}"))
    return out


def _linked(article: Article, attribution_id: str, label: str, where: str) -> str:
    """`label 'words' → source (where N)`: an attribution another sentence's figure leans on."""
    a = next(a for a in article.attributions if a.id == attribution_id)
    src = article.entity(a.source)
    return f"{label} '{a.loc.text}'" + (f" → {src.name}" if src else "") + f" ({where} {a.sentence + 1})"


def figure_context(item: NumberItem, lang: str = "en") -> list[str]:
    """What a figure's context makes of it: the market terms of its paragraph and their density (what
    rules read as a market report, field market_report), a load on one vehicle (field cargo), a figure of
    public record, a price per unit, a recalled report, a lead sourced by the next sentence (fields record,
    unit_price, recalled, sourced_next)."""
    L = labels(lang)
    out = [L["market"].format(n=item.market_terms, p=item.paragraph + 1, d=item.market_density)] \
        if item.market_terms else []
    return out + context_flags(item, lang)


_CONTEXT_FLAGS = ("idiom", "argued", "own_results", "market_wrap", "cargo", "past_event", "record", "unit_price", "recalled", "forecast", "sourced_next",
                  "outside_quote")


def context_flags(item: NumberItem, lang: str = "en") -> list[str]:
    """The context decisions a figure carries (fields cargo, record, unit_price, recalled, sourced_next),
    in words: what a finding about it, or its absence, rests on; a count (argued) fills its {n}."""
    L = labels(lang)
    return [L[name].replace("{n}", str(value)) for name in _CONTEXT_FLAGS
            if (value := getattr(item, name))]


def missing_source(item, scope: str, article: Article, lang: str) -> str:
    """What a `require source` looked for and did not find, and the nearest attribution with a source."""
    L = labels(lang)
    sentence = getattr(item, "sentence", -1)
    text = f"{L['looked']}: {L['attribution']} {L['within']} {_scope(scope, lang)} ({L['sentence']} {sentence + 1}); " \
           f"{L['missing']}"
    candidates = [a for a in article.attributions if a.source]
    if candidates:
        near = min(candidates, key=lambda a: (abs(a.sentence - sentence), a.sentence))
        src = article.entity(near.source)
        text += f"; {L['nearest']}: '{near.loc.text}'" + (f" → {src.name}" if src else "") + \
            f" ({L['sentence']} {near.sentence + 1})"
    else:
        text += f"; {L['nearest']}: {L['none']}"
    return text
