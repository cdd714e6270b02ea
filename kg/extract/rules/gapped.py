"""supplies told in a gapped second conjunct: "China mentransfer rudal balistik ke Pakistan, serta kapal selam ke
Myanmar", "Rusia menjual jet tempur kepada India dan tank kepada Mesir", "AS mengirim rudal ke Israel, sedangkan
amunisi ke Ukraina". After the recipient of a supply, a conjunction opens a second pair of weapons and recipient
with the verb left out: the same supplier sends those weapons to that recipient, with the same modality. So pairs
of supplier and weapons with the verb left out ("Denmark akan mengirim dua F-16, Prancis tiga Rafale, dan Jerman
empat Eurofighter ke Polandia"): each supplier sends its weapons, to the recipient the series ends with."""

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
from kg.units import STOP_PUNCT, Unit


@rule("supplies", requires=("supply_events",), triggers=("Conjunction", "ClauseBoundary"))
def gapped_supply(ctx: SentenceContext) -> list[Relation]:
    """One relation per weapon of each gapped conjunct after a supply's recipient."""
    units, state = ctx.units, ctx.state
    events = [ev for ev in ctx.products.get("supply_events", []) if ev.recipient and not ev.received and not ev.inferred]
    out: list[Relation] = []
    n = len(units)
    for u in units:
        if u.etype or u.i < 2 or not (u.has("Conjunction", "ClauseBoundary") or u.text == ","):
            continue  # (a comma too: "menjual jet ke Filipina, howitzer ke Vietnam serta tank ke Norwegia")
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
            events.append(gap)  # the next pair of the series follows this one's recipient
    return out


@rule("supplies", requires=("supply_events",), triggers=("Conjunction",))
def gapped_suppliers(ctx: SentenceContext) -> list[Relation]:
    """One relation per weapon of each supplier named with its weapons after a supply's weapons, the verb left out."""
    units, state = ctx.units, ctx.state
    out: list[Relation] = []
    n = len(units)
    if not any(u.has("Conjunction") and not u.etype for u in units):
        return out  # (a series of pairs ends with "dan")
    for ev in ctx.products.get("supply_events", []):
        if ev.received or ev.inferred or not ev.supplier:
            continue
        widx, k = weapons_after(units, ev.unit, n, reach=4)
        pairs: list[tuple[tuple[str, ...], list[int]]] = []
        while widx and (m := _next_supplier(units, k)) is not None:
            widx, k = weapons_after(units, m, n, reach=3)
            if not widx or any(v.is_verb() and not v.has("FunctionWord") or v.is_actor for v in units[m + 1:widx[0]]):
                break
            pairs.append((as_state(units[m].keys, state), widx))
        if not pairs:
            continue
        found, end = prep_actor(units, k, n, ("RecipientPrep",), state, reach=3)
        recipient = as_state(clause_cut(units, found, end), state) if found else ev.recipient
        if not recipient:
            continue
        firsts = [(ev.supplier, [])] if found and not ev.recipient else []
        for supplier, idx in firsts + pairs:
            weapons = ev.weapons if not idx else weapon_keys(units, idx, state)
            gap = Event(supplier, weapons, recipient, ev.modality, ev.unit)
            out += event_relations(ctx, gap, weapons, 0.6)
    return out


def _next_supplier(units: list[Unit], k: int) -> int | None:
    """Where a supplier named after the weapons ending at ``k`` stands: past the weapon's own lower-case words ("satu
    fregat antiserangan udara"), after a comma or a conjunction (", dan"), a state or body with no preposition before it."""
    j = k + 1
    while j < min(len(units), k + 4) and not units[j].etype and units[j].text.isalpha() and units[j].text.islower() \
            and not units[j].is_verb() and not units[j].has("Conjunction", "Preposition"):
        j += 1  # the weapon's own words ("satu fregat antiserangan udara, Prancis …")
    k = j - 1
    while j < len(units) and (units[j].text == "," or units[j].has("Conjunction") and not units[j].etype):
        j += 1
    if j == k + 1 or j >= len(units) or units[j].etype not in ("GPE", "ORG") or units[j].paren or units[j].title:
        return None
    return j
