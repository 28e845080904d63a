"""An unnamed holder of an indefinite role whom the next sentence names under the same role (أبلغ جنرال أمريكي
بارز أعضاء المجلس أن ... . وسئل الجنرال فلان الفلاني ...): the lead keeps the name for the next sentence, the
person is named, no anonymous source (round 117 2015-07-23/1102 L3, rejected)."""
from __future__ import annotations

from validator.extract.letters import ARTICLE
from validator.text.normalize import normalize_cached


def role_named_next(reader, phrase, group: str) -> bool:
    """A person named in the sentence after the role's one, whose title written with his name holds the role's word."""
    ctx = reader.ctx
    index, _ = ctx.sentence_of(reader.tokens[phrase.start].start)
    sentences = ctx.doc.sentences
    if index < 0 or index + 1 >= len(sentences):
        return False
    start, end = sentences[index + 1].start, sentences[index + 1].end
    for e in reader.entities:
        if e.kind != "person" or e.role_only:
            continue
        for m in e.mentions:
            if m.form == "name" and m.title and start <= m.loc.start < end \
                    and group in {w.removeprefix(ARTICLE) for w in normalize_cached(m.title).split()}:
                return True
    return False
