"""denies: a denial that answers a charge the main accusation rule never recorded.

Some charges are told by other rules (an attack told of the speaker's own side: "Lavrov mengatakan bahwa Ukraina
telah mencoba menyerang kediaman Presiden Putin"; a protest, an expulsion, a counter-charge), and these make no
entry in the article's accusations, so a denial a sentence or two later ("Ukraina membantah klaim tersebut")
found no accuser. Its accuser is who made the last such charge against the denier or its side.

A denier who charges a party back in the same sentence ("Korea Utara menolak tuduhan terlibat dalam peretasan …,
dan berbalik menuding Seoul menciptakan cerita palsu") turns the charge on who made it: where no charge told
before names the accuser, the party charged back is that accuser.
"""

from __future__ import annotations

from kg.cues import ACTIVE
from kg.extract.clause import actor_keys
from kg.extract.context import SentenceContext, State
from kg.extract.parties import side
from kg.extract.registry import rule
from kg.extract.rules.answered import deniers_of
from kg.types import Relation
from kg.units import Unit

#: how many sentences back the charge a denial answers may have been told (a short paragraph)
REACH = 3


@rule("denies", reads=("accusations", "supply_events", "claimants", "reported", "charged", "denied_by"),
      triggers=("DenyCue", "RejectCue"))
def told_charge_denials(ctx: SentenceContext) -> list[Relation]:
    """(denier, accuser) for each denier of the sentence still without an accuser, where a charge against it (or
    its side) came from a rule that does not record accusations, ``REACH`` sentences back at most; else where the
    sentence charges a party back (:func:`charged_back`)."""
    state, here, units = ctx.state, ctx.sentence.index, ctx.units
    if not any(ACTIVE in (u.voice("DenyCue"), u.voice("RejectCue")) for u in units if not u.etype):
        return []  # (a denial told as a noun or passive has its own rules)
    recorded = set(state.accusations)
    charges = [r for r in state.relations if r.type == "accuses" and 0 < here - r.sentence <= REACH
               and (r.args.get("accuser"), r.args.get("accused")) not in recorded]
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
        else:
            found += [(d, a) for a in charged_back(units, state) if a not in own and (d, a) not in found]
    return [ctx.relation("denies", {"denier": d, "accuser": a}) for d, a in found]


def charged_back(units: list[Unit], state: State) -> tuple[str, ...]:
    """Who the sentence charges back: the party right after an active verb of accusing that "(ber)balik" opens
    ("dan berbalik menuding Seoul menciptakan …", "balik menuduh Trump …")."""
    for u in units:
        if u.etype or not u.has("TurnAroundAdverb") or u.i + 2 >= len(units):
            continue
        v, k = units[u.i + 1], u.i + 2
        if v.etype or v.voice("AccuseCue") != ACTIVE:
            continue
        if units[k].is_actor and not units[k].paren:
            return actor_keys(units, k, state)
    return ()
