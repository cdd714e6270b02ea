"""visits(visitor, place) by a person who acts where the sentence opens: "Di pangkalan udara di Katunayake, Sri
Lanka, Laksamana India X menyerahkan …", "Di Tokyo, Menlu Y mengatakan …". A locative phrase that opens the
sentence and ends at the comma before a person who is the subject of the verb after him places him there; where
the place lies in a state not his own, he came to it. An envoy posted there did not."""

from __future__ import annotations

from kg.extract.clause import actor_keys
from kg.extract.context import SentenceContext
from kg.extract.modality import event_modality
from kg.extract.parties import home_state
from kg.extract.registry import rule
from kg.extract.rules.visits import resident_envoy
from kg.extract.venue import countries, fronted_venue
from kg.types import Relation


@rule("visits", triggers=("LocativePrep",))
def stayed(ctx: SentenceContext) -> list[Relation]:
    units, state = ctx.units, ctx.state
    if not units or units[0].etype or not units[0].has("LocativePrep"):
        return []
    j = next((k for k, v in enumerate(units) if v.etype == "PER"), None)
    if j is None or units[j].paren or units[j].pron or resident_envoy(units[j]):
        return []
    k = (units[j].group[-1] if units[j].group else j) + 1
    while k < len(units) and not units[k].etype and units[k].has("FunctionWord") and not units[k].is_verb():
        k += 1  # "…, Prabowo juga menyerahkan"
    if k >= len(units) or units[k].etype or not units[k].is_verb():
        return []
    places = countries(units, fronted_venue(units, j))
    modality = event_modality(units, k, j)
    return [ctx.relation("visits", {"visitor": p, "place": place}, modality) for p in actor_keys(units, j, state)
            for place in places if (h := home_state(p, state)) and h != place]
