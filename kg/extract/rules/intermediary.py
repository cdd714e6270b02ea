"""supplies through a go-between: "Moskow memasok senjata kepada RSF melalui kelompok paramiliter Wagner", "Turki
mengirim drone ke Sudan lewat Mali", "Kenya menjadi perantara pengiriman senjata dari UEA kepada RSF". The party the
weapons pass through hands them on to the recipient, so it supplies them too (the first supplier keeps its own)."""

from __future__ import annotations

from kg.extract.clause import actor_keys, clause_right, left_subject
from kg.extract.context import Event, SentenceContext
from kg.extract.parties import as_state
from kg.extract.registry import rule
from kg.extract.rules.supplies import event_relations
from kg.types import Relation
from kg.units import Unit

_NOUNS = 2  # nouns that may stand between "melalui" and the party ("melalui kelompok paramiliter Wagner")


@rule("supplies", triggers=("ViaPrep", "BrokerNoun"), reads=("supply_events",))
def via_intermediary(ctx: SentenceContext) -> list[Relation]:
    """One more supply per told supply that names a party it went through, or a broker of it."""
    units, state = ctx.units, ctx.state
    out: list[Relation] = []
    if not any(not u.etype and u.has("ViaPrep", "BrokerNoun") for u in units):
        return out
    for ev in ctx.products.get("supply_events", []):
        if ev.inferred or not ev.supplier or not ev.weapons or not ev.recipient:
            continue
        via = _through(units, ev.unit) or _broker(units, ev.unit)
        if via is None:
            continue
        keys = tuple(k for k in as_state(actor_keys(units, via, state), state) if k not in ev.supplier + ev.recipient)
        if keys:
            out += event_relations(ctx, Event(keys, ev.weapons, ev.recipient, ev.modality, via), ev.weapons, 0.6)
    return out


def _through(units: list[Unit], i: int) -> int | None:
    """The group or firm after "melalui/lewat/via" in the clause of the supply at ``i``, told as one by a noun
    ("melalui kelompok paramiliter Wagner", "lewat perusahaan X"): not a state or place on the way ("melalui
    Yordania, Irak dan Suriah", "lewat sebuah lapangan terbang di Chad"), nor a body named bare."""
    hi = clause_right(units, i)
    for k in range(i + 1, hi - 1):
        if units[k].etype or not units[k].has("ViaPrep") or not units[k + 1].has("GroupNoun", "FirmDescriptor"):
            continue
        for m in range(k + 2, min(hi, k + 2 + _NOUNS)):
            v = units[m]
            if v.etype == "ORG" and not v.paren:
                return m
            if v.etype or not v.is_noun():
                break
    return None


def _broker(units: list[Unit], i: int) -> int | None:
    """The subject of "menjadi perantara/saluran" right before the supply noun at ``i`` ("Kenya menjadi perantara
    pengiriman senjata …", "Kenya telah menjadi salah satu saluran utama pasokan militer …")."""
    b = next((k for k in range(i - 1, max(-1, i - 4), -1) if units[k].has("BrokerNoun") and not units[k].etype), None)
    if b is None:
        return None
    v = next((k for k in range(b - 1, max(-1, b - 5), -1) if units[k].has("Copula", "BecomeVerb") and not units[k].etype),
             None)
    if v is None or any(w.etype or w.is_verb() and w.i != v for w in units[v:b]):
        return None
    j = left_subject(units, v)
    return j if j is not None and units[j].etype in ("GPE", "ORG") else None
