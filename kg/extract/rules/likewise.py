"""supplies told once and extended to others by a clause of likeness after it: "Beijing ikut memasok senjata
kepada LNA, sebagaimana dilakukan Rusia dan UEA", "… seperti yang juga dilakukan Iran": the parties named after
the cue did the same, so each supplies the same weapons to the same recipient, told as the first one is."""

from __future__ import annotations

from kg.extract.clause import actor_keys
from kg.extract.context import Event, SentenceContext
from kg.extract.parties import as_state
from kg.extract.registry import rule
from kg.extract.rules.supplies import event_relations
from kg.types import Relation


@rule("supplies", triggers=("SameAsAgent",), reads=("supply_events",))
def likewise_suppliers(ctx: SentenceContext) -> list[Relation]:
    """The last supply told before the cue, once more for each party the cue's clause names."""
    units, state = ctx.units, ctx.state
    for u in units:
        if u.etype or "SameAsAgent" not in u.cls:
            continue
        k = u.i + u.span.get("SameAsAgent", 1)
        while k < len(units) and not units[k].etype and units[k].has("FunctionWord"):
            k += 1  # ("seperti yang juga dilakukan Iran")
        if k >= len(units) or not units[k].is_actor or units[k].paren or units[k].etype == "PER":
            continue
        told = [ev for ev in ctx.products.get("supply_events", []) if ev.unit < u.i and ev.supplier and ev.weapons
                and not ev.inferred]
        if not told:
            continue
        ev = told[-1]
        agents = tuple(a for a in as_state(actor_keys(units, k, state), state) if a not in ev.supplier)
        if not agents:
            continue
        return event_relations(ctx, Event(agents, ev.weapons, ev.recipient, ev.modality, k), ev.weapons, 0.6)
    return []
