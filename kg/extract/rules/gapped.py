"""supplies told in a gapped second conjunct: "China mentransfer rudal balistik ke Pakistan, serta kapal selam ke
Myanmar", "Rusia menjual jet tempur kepada India dan tank kepada Mesir", "AS mengirim rudal ke Israel, sedangkan
amunisi ke Ukraina". After the recipient of a supply, a conjunction opens a second pair of weapons and recipient
with the verb left out: the same supplier sends those weapons to that recipient, with the same modality."""

from __future__ import annotations

from kg.extract.clause import prep_actor, prep_is
from kg.extract.context import Event, SentenceContext
from kg.extract.lists import weapons_after
from kg.extract.parties import as_state
from kg.extract.parts import weapon_keys
from kg.extract.recipients import clause_cut
from kg.extract.registry import rule
from kg.extract.rules.supplies import event_relations
from kg.types import Relation
from kg.units import STOP_PUNCT


@rule("supplies", requires=("supply_events",), triggers=("Conjunction", "ClauseBoundary"))
def gapped_supply(ctx: SentenceContext) -> list[Relation]:
    """One relation per weapon of each gapped conjunct after a supply's recipient."""
    units, state = ctx.units, ctx.state
    events = [ev for ev in ctx.products.get("supply_events", []) if ev.recipient and not ev.received and not ev.inferred]
    out: list[Relation] = []
    n = len(units)
    for u in units:
        if u.etype or not u.has("Conjunction", "ClauseBoundary") or u.i < 2:
            continue
        p = u.i - 1 - (units[u.i - 1].text == ",")
        last = units[p]
        if not last.is_actor or not prep_is(units, p, "RecipientPrep"):
            continue
        ev = next((e for e in events if e.unit < p and set(last.keys) & set(e.recipient)), None)
        if ev is None:
            continue
        widx, wlast = weapons_after(units, u.i, n, reach=3)
        if not widx:
            continue
        found, end = prep_actor(units, wlast, n, ("RecipientPrep",), state, reach=3)
        # (no verb of its own between: "… ke Israel, dan tank Jerman dikirim ke Ukraina" is another clause)
        if not found or any(v.is_verb() and v.cls and not v.has("FunctionWord") or v.text in STOP_PUNCT
                            for v in units[u.i + 1:end]):
            continue
        weapons = weapon_keys(units, widx, state)
        recipient = as_state(clause_cut(units, found, end), state)
        if weapons and recipient:
            gap = Event(ev.supplier, weapons, recipient, ev.modality, u.i)
            out += event_relations(ctx, gap, weapons, 0.6)
    return out
