"""A speech verb that a lead-in of attribution opens (حسبما قال، كما قال، بحسب ما ذكر، وفق ما أكد): the claim came
before the verb, so a role noun right after it (سياسي يمني، أحد السكان) is the speaker with nothing after him, not
the verb's object (round 174 2015-07-27/996 L16, missed)."""
from __future__ import annotations


def claim_before(reader, verb) -> bool:
    """A source preposition (source-phrases kind=preposition) that ends right before the verb (حسبما، بحسب ما) or
    whose phrase ends with it (كما قال، حسبما أفاد): what the verb reports stands before it."""
    for back in (1, 2):
        start = verb.i - back
        hit = reader.ctx.hit_at("source-phrases", start) if start >= 0 else None
        if hit is not None and hit.entry.get("kind") == "preposition" and hit.j in (verb.i, verb.j):
            return True
    return False
