"""visits(visitor, place) told by the way back: "Carney pulang dari Beijing membawa kesepakatan", "Sepulang dari
Moskow, Orban …". Whoever comes back from a place that lies outside their own state had gone there; the place
must follow the verb of returning at once (not "kembali dari perundingan di Jenewa": an event, told elsewhere)."""

from __future__ import annotations

from kg.extract.clause import fronted_subject, left_subject
from kg.extract.context import SentenceContext
from kg.extract.registry import rule
from kg.extract.venue import countries, visits_there
from kg.types import Relation
from kg.units import skip_span


@rule("visits", triggers=("ReturnFromVerb",))
def returned(ctx: SentenceContext) -> list[Relation]:
    units = ctx.units
    out: list[Relation] = []
    for u in units:
        if u.etype or not u.has("ReturnFromVerb"):
            continue
        j = skip_span(units, u.i, "ReturnFromVerb")
        if j >= len(units) or units[j].etype not in ("GPE", "LOC") or units[j].paren:
            continue
        who = fronted_subject(units, u.i, per_only=True) if u.i == 0 else left_subject(units, u.i, per_only=True)
        if who is None or units[who].etype != "PER":
            continue
        out += visits_there(ctx, who, u.i, countries(units, [j]))
    return out
