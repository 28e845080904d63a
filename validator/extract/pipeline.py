"""document → normalized text → tokens → quotes, entities, attributions, numbers → linked Article.

The order of the stages; each decision lives in the module named for it (docs/architecture.md)."""
from __future__ import annotations

from validator.document import Document
from validator.extract.attributions import find_attributions
from validator.extract.breakdowns import breakdowns, spelled_restatements
from validator.extract.combined_tolls import combined_tolls
from validator.extract.context import Context
from validator.extract.credited_back import credited_back
from validator.extract.entities import extract_entities
from validator.extract.figure_sources import (acting_bodies, carry_repeated_figures, carry_sources, cited_documents,
                                              consequences, participle_disclosures, sourced_next, sources_near,
                                              toll_breakdowns, writer_asides)
from validator.extract.further_counts import further_counts
from validator.extract.linking import drop_silent_vague, link, polled_groups
from validator.extract.model import Article
from validator.extract.narration import FIRST_PERSON_MIN, WHOLE_PERCENT, argued, first_person_words, whole_qualities
from validator.extract.numbers import extract_numbers
from validator.extract.poll_pollsters import poll_pollsters
from validator.extract.object_group_speakers import object_group_participles
from validator.extract.part_totals import part_totals
from validator.extract.passages import continuations, find_passages
from validator.extract.person_roles import framed_speakers, introduced_by_role, quoted_roles
from validator.extract.quote_kinds import (embedded_terms, kinds_by_cue, partial_quotes, quoted_lists,
                                          repeated_names, unannounced_quotes)
from validator.extract.quotes import find_quotes
from validator.extract.resources import Resources
from validator.extract.spellings import find_spellings
from validator.extract.stated_totals import stated_totals
from validator.extract.tag_lists import outside_tags
from validator.extract.word_facts import word_records
from validator.text.normalize import normalize
from validator.text.tokens import tokenized


def extract(doc: Document, res: Resources) -> Article:
    norm = normalize(doc.text)
    tokens, texts, starts, records = tokenized(norm.text, word_records(res))
    ctx = Context(doc, norm, tokens, res, texts=texts, starts=starts, records=records)
    quotes = find_quotes(ctx)
    kinds_by_cue(ctx, quotes)
    repeated_names(quotes)
    entities = extract_entities(ctx)
    attributions = find_attributions(ctx, entities, quotes)
    object_group_participles(ctx, attributions, entities)
    partial_quotes(ctx, quotes, attributions, entities)
    embedded_terms(ctx, quotes, entities, attributions)
    unannounced_quotes(ctx, quotes, attributions)
    quoted_lists(ctx, quotes)
    poll_pollsters(ctx, attributions, entities)
    polled_groups(ctx, attributions, entities)
    numbers = extract_numbers(ctx)
    breakdowns(ctx, numbers)
    combined_tolls(ctx, numbers)
    stated_totals(ctx, numbers)
    part_totals(ctx, numbers)
    spelled_restatements(ctx, numbers)
    passages, turns = find_passages(ctx)
    for n in numbers:
        n.passage = passages[n.sentence] if 0 <= n.sentence < len(passages) else -1
    article = Article(doc, norm, numbers, quotes, entities, attributions, resources=res)
    voiced = first_person_words(ctx, quotes)
    article.first_person = voiced >= FIRST_PERSON_MIN
    if article.first_person:
        for n in numbers:  # 100 % in a column is an idiom (فرنسية خالصة 100 %), not a statistic
            n.idiom = n.category == "percent" and n.value == WHOLE_PERCENT
    whole_qualities(ctx, numbers)
    article.argued = argued(ctx, quotes, voiced)
    if article.argued:
        for n in numbers:  # the writer's own argument (a column that asks and exclaims): his figures are his
            n.argued = article.argued
    link(article)
    participle_disclosures(ctx, article)
    acting_bodies(ctx, article)
    cited_documents(ctx, article)
    sourced_next(ctx, article)
    credited_back(ctx, article)
    asides = writer_asides(ctx, article)
    carry_sources(article, turns, continuations(ctx), asides)
    carry_repeated_figures(article)
    consequences(ctx, article)
    toll_breakdowns(article)
    further_counts(ctx, article)
    sources_near(ctx, article, turns, asides)
    drop_silent_vague(article)
    article.spellings = outside_tags(ctx, find_spellings(ctx, entities))
    introduced_by_role(ctx, article.entities)
    quoted_roles(ctx, quotes, article.entities)
    framed_speakers(ctx, article.entities)
    return article
