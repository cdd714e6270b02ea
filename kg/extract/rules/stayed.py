"""visits(visitor, place) by a person who acts where the sentence opens: "Di pangkalan udara di Katunayake, Sri
Lanka, Laksamana India X menyerahkan …", "Di Tokyo, Menlu Y mengatakan …". A locative phrase that opens the
sentence and ends at the comma before a person who is the subject of the verb after him places him there; where
the place lies in a state not his own, he came to it. An envoy posted there did not."""

from __future__ import annotations

from kg.extract.context import SentenceContext
from kg.extract.registry import rule
from kg.extract.rules.visits import resident_envoy
from kg.extract.venue import countries, fronted_venue, own_verb, visits_there
from kg.types import Relation


@rule("visits", triggers=("LocativePrep",))
def stayed(ctx: SentenceContext) -> list[Relation]:
    units = ctx.units
    if not units or units[0].etype or not units[0].has("LocativePrep"):
        return []
    j = next((k for k, v in enumerate(units) if v.etype == "PER"), None)
    if j is None or units[j].paren or units[j].pron or resident_envoy(units[j]):
        return []
    k = own_verb(units, j)  # "…, Prabowo juga menyerahkan"
    return [] if k is None else visits_there(ctx, j, k, countries(units, fronted_venue(units, j)))
