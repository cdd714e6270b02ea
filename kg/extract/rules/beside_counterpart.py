"""meets(a, b) told by a counterpart at one's side: "Ia berbicara didampingi mitranya, Menteri Pertahanan Korea
Selatan X", "Y, ditemani koleganya Z, …". One's own aide at one's side is no meeting; a counterpart (a minister of
the same rank from elsewhere) there is, since each came for the other."""

from __future__ import annotations

from kg.cues import PASSIVE
from kg.extract.clause import after_titles, left_subject
from kg.extract.context import SentenceContext
from kg.extract.registry import rule
from kg.types import Relation
from kg.units import skip_span


@rule("meets", triggers=("AccompanyCue",))
def beside_counterpart(ctx: SentenceContext) -> list[Relation]:
    units = ctx.units
    out: list[Relation] = []
    for u in units:
        if u.etype or u.cls.get("AccompanyCue") != PASSIVE or u.i + 1 >= len(units):
            continue
        k = u.i + 1
        if units[k].etype or not units[k].has("CounterpartNoun"):
            continue
        k = skip_span(units, k, "CounterpartNoun")
        k += k < len(units) and units[k].text == ","
        k = after_titles(units, k)
        j = left_subject(units, u.i)
        if k >= len(units) or units[k].etype != "PER" or not units[k].key or j is None or \
                units[j].etype != "PER" or not units[j].key or units[j].key == units[k].key:
            continue
        out.append(ctx.relation("meets", {"a": units[j].key, "b": units[k].key}))
    return out
