"""People, organizations and unnamed sources, with their titles and every mention of them.

Persons are found from titles (title + complement + name, or name + apposition title) and from
given names; later mentions by full name, surname, title alone and (in `attributions`) by a bare
continuation verb are linked to one entity. Organizations come from the bodies lexicon; unnamed
sources from the vague-source lexicon (a vague head with its modifiers, never followed by a name).

The extractor is one object whose passes live in this package's modules: `reader` (token tests and
the name and title readers), `persons`, `speakers`, `unnamed` and `mentions` (the passes, each layer a subclass of the one before), `words` (word classes
and shapes). Passes propose candidate spans and the one conflict filter (`validator.extract.claims`)
decides, in the order `run` gives; passes not yet moved onto candidates hold tokens directly.
"""
from __future__ import annotations

from operator import attrgetter

from validator.extract.context import Context
from validator.extract.entities.anonymous_groups import anonymous_groups
from validator.extract.entities.apposed_names import apposed_names
from validator.extract.entities.attributed_groups import attributed_groups
from validator.extract.entities.mentions import MentionPasses
from validator.extract.model import Entity

_LOC_START = attrgetter("loc.start")  # a mention's place, read in C


class EntityExtractor(MentionPasses):
    """All passes, run in order; each layer of the class chain adds the passes that build on the last."""

    def run(self) -> list[Entity]:
        self.claims.decide(self._anonymity_phrases() + self._byline())  # reserved: never a name
        self._public_figures()
        self._titled_persons()
        self._named_persons()
        self._relayed_speakers()
        bare = self._introduced_speakers()
        self._source_holders()
        self._titled_before()
        self._surname_mentions()
        if self._bare_speakers(bare):
            self._surname_mentions()  # the bare speaker's other mentions (ينبه بينيتيز إلى أن)
        apposed_names(self)
        self._unnamed()
        self._anaphoric_documents()
        self._anonymous_people()
        anonymous_groups(self)
        attributed_groups(self)
        self._title_only_mentions()
        self._organizations()
        for e in self.entities:
            e.mentions.sort(key=_LOC_START)
            if e.mentions:
                e.mentions[0].first = True
        self.entities = [e for e in self.entities if e.mentions]
        self.entities.sort(key=lambda e: e.mentions[0].loc.start)
        return self.entities



def extract_entities(ctx: Context) -> list[Entity]:
    return EntityExtractor(ctx).run()
