"""visits: a person named as attending an event held in a country ("KTT G20 di Rio yang dihadiri Presiden China
Xi Jinping", "Upacara di Jakarta itu dihadiri PM Malaysia X dan PM Singapura Y") went there."""

from __future__ import annotations

from kg.extract.clause import actor_keys, clause_left, clause_right
from kg.extract.context import SentenceContext, State
from kg.extract.modality import event_modality
from kg.extract.registry import rule
from kg.extract.rules.visits import abroad
from kg.extract.titlewords import past_titled
from kg.resolve import gazetteer
from kg.types import Relation
from kg.units import Unit


@rule("visits", reads=("role_org",), triggers=("AttendedVerb",))
def attended_rule(ctx: SentenceContext) -> list[Relation]:
    return [ctx.relation("visits", {"visitor": v, "place": p}, m) for v, p, m in attended(ctx.units, ctx.state)]


def attended(units: list[Unit], state: State) -> list[tuple[str, str, str]]:
    """(visitor, state, modality) for each person after a passive verb of attending whose event the subject
    placed in a state with "di" ("parade di Moskow yang dihadiri X"): not the person's own state."""
    out: list[tuple[str, str, str]] = []
    gaz = gazetteer()
    for u in units:
        if u.etype or "AttendedVerb" not in u.cls:
            continue
        lo = clause_left(units, u.i)
        place = next((v for v in reversed(units[lo:u.i]) if v.etype == "GPE" and v.key and not v.paren
                      and v.i > 0 and units[v.i - 1].has("LocativePrep")), None)
        if place is None or any(v.is_verb() and not v.has("FunctionWord") for v in units[place.i + 1:u.i]):
            continue  # (the event's place is told in its own phrase, before the verb: no other verb between)
        where = gaz.state_of(place.key) or place.key
        hi = clause_right(units, u.i)
        k = u.i + 1 + (u.i + 1 < hi and units[u.i + 1].has("AgentPrep"))
        k = past_titled(units, k, hi)
        if k >= hi or units[k].etype != "PER":
            continue
        modality = event_modality(units, u.i, None)
        for m in units[k].group or (k,):
            out += [(p, where, modality) for p in actor_keys(units, m, state)
                    if units[m].etype == "PER" and abroad(p, where, state, gaz) and (p, where, modality) not in out]
    return out
