"""visits(visitor, place) told in a clause of place: "… terbang langsung dari Bangkok, tempat ia mengikuti KTT
BIMSTEC", "… tiba dari Istanbul, Turki, tempat ia menghadiri pertemuan OKI". A place set off by a comma and
"tempat"/"di mana" with a person acting right after it puts that person there; where the place lies in a state
not his own, he came to it."""

from __future__ import annotations

from kg.cues import passive_prefixed
from kg.extract.context import SentenceContext
from kg.extract.registry import rule
from kg.extract.rules.visits import resident_envoy
from kg.extract.venue import countries, own_verb, visits_there
from kg.types import Relation
from kg.units import Unit


@rule("visits", triggers=("WhereRelative",))
def been_there(ctx: SentenceContext) -> list[Relation]:
    units = ctx.units
    out: list[Relation] = []
    for u in units:
        if u.etype or not u.has("WhereRelative") or u.i < 2 or units[u.i - 1].text != ",":
            continue
        place = _place_before(units, u.i - 2)
        j = u.i + u.span.get("WhereRelative", 1)
        if place is None or j + 1 >= len(units) or units[j].etype != "PER" or units[j].paren or resident_envoy(units[j]):
            continue
        k = own_verb(units, j)  # "…, tempat ia juga bertemu …"
        if k is None or passive_prefixed(units[k].low):
            continue  # (not "…, di mana ia dipakai menghancurkan …": a thing used there, however "ia" was read)
        out += visits_there(ctx, j, k, countries(units, [place]))
    return out


def _place_before(units: list[Unit], k: int) -> int | None:
    """The place a "tempat" clause hangs on, ending at ``k``: a place after "dari" or "di", perhaps with its state
    set off after it ("dari Istanbul, Turki")."""
    if k >= 2 and units[k].etype in ("GPE", "LOC") and units[k - 1].text == "," and units[k - 2].etype in ("GPE", "LOC"):
        k -= 2  # "Istanbul, Turki": the city, with its state
    if k >= 1 and units[k].etype in ("GPE", "LOC") and not units[k].paren and \
            units[k - 1].has("SourcePrep", "LocativePrep") and not units[k - 1].etype:
        return k
    return None
