"""denies: a denial that answers a charge the main accusation rule never recorded.

Some charges are told by other rules (an attack told of the speaker's own side: "Lavrov mengatakan bahwa Ukraina
telah mencoba menyerang kediaman Presiden Putin"; a protest, an expulsion, a counter-charge), and these make no
entry in the article's accusations, so a denial a sentence or two later ("Ukraina membantah klaim tersebut")
found no accuser. Its accuser is who made the last such charge against the denier or its side.
"""

from __future__ import annotations

from kg.cues import ACTIVE
from kg.extract.context import SentenceContext
from kg.extract.parties import side
from kg.extract.registry import rule
from kg.extract.rules.answered import deniers_of
from kg.types import Relation

#: how many sentences back the charge a denial answers may have been told (a short paragraph)
REACH = 3


@rule("denies", reads=("accusations", "supply_events", "claimants", "reported", "charged", "denied_by"),
      triggers=("DenyCue", "RejectCue"))
def told_charge_denials(ctx: SentenceContext) -> list[Relation]:
    """(denier, accuser) for each denier of the sentence still without an accuser, where a charge against it (or
    its side) came from a rule that does not record accusations, ``REACH`` sentences back at most."""
    state, here, units = ctx.state, ctx.sentence.index, ctx.units
    if not any(ACTIVE in (u.voice("DenyCue"), u.voice("RejectCue")) for u in units if not u.etype):
        return []  # (a denial told as a noun or passive has its own rules)
    recorded = set(state.accusations)
    charges = [r for r in state.relations if r.type == "accuses" and 0 < here - r.sentence <= REACH
               and (r.args.get("accuser"), r.args.get("accused")) not in recorded]
    if not charges:
        return []  # (the common case)
    answered = {r.args.get("denier") for r in state.relations if r.type == "denies" and r.sentence == here}
    found: list[tuple[str, str]] = []
    for d in deniers_of(units, state):
        if d in answered:
            continue
        own = side(d, state) | {d}
        last = [r for r in charges if r.args.get("accused") in own and r.args.get("accuser") not in own
                and d not in side(str(r.args.get("accuser")), state)]
        if last:
            at = max(r.sentence for r in last)
            found += [(d, str(r.args["accuser"])) for r in last if r.sentence == at
                      and (d, str(r.args["accuser"])) not in found]
    return [ctx.relation("denies", {"denier": d, "accuser": a}) for d, a in found]
