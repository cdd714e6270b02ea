"""An arms-aid package announced before its contents: "AS mengumumkan paket bantuan militer senilai … untuk
Ukraina. (…) Paket itu mencakup rudal Patriot, peluru artileri …". The announcement names the giver and
the receiver but no weapon, so the supply rules report nothing there; it is remembered as the article's
last supply, and the sentence that lists the package's contents (kg.extract.rules.packages) gives each
weapon that giver and receiver."""

from __future__ import annotations

from kg.cues import ACTIVE
from kg.extract.clause import actor_keys, clause_left, clause_right, group_prep, prep_actor, prev_unit
from kg.extract.context import Event, SentenceContext
from kg.extract.lists import weapons_after
from kg.extract.modality import supply_modality
from kg.extract.parties import as_state
from kg.extract.parts import weapon_keys
from kg.extract.registry import rule
from kg.extract.rules.supplies import event_relations
from kg.types import Relation
from kg.units import Unit


@rule("supplies", requires=("supply_events",), provides=("announced_package",),
      triggers=("ArmsAidQualifier", "OrderNoun"))
def announced_package(ctx: SentenceContext) -> list[Relation]:
    """A package of military aid ("paket bantuan militer", "pengiriman paket bantuan keamanan") with its
    giver ("dari X", else the subject that announces, plans or sends it) and, after a recipient
    preposition, its receiver, in a sentence that names no weapon: provides it as the last supply."""
    units, state = ctx.units, ctx.state
    if ctx.products.get("supply_events") or any(u.is_weapon for u in units):
        return []
    for u in units:
        if u.etype or not u.has("PackageNoun") or (u.i > 0 and units[u.i - 1].has("PackageNoun")):
            continue
        j = u.i  # the package nouns, one of them of arms aid ("paket bantuan militer"): j is the last word of it
        while j + 1 < len(units) and units[j + 1].has("PackageNoun") and not units[j + 1].etype:
            j += 1
        aid = next((v for v in units[u.i:j + 1] if v.has("ArmsAidQualifier")), None)
        if aid is None and (order := _order_arrived(ctx, u.i, j)) is not None:
            ctx.products["announced_package"] = order
            return []
        if aid is None:
            continue
        j = max(j, aid.i + aid.span.get("ArmsAidQualifier", 1) - 1)
        hi = clause_right(units, u.i)
        giver = prep_actor(units, j, hi, ("SourcePrep",), state, reach=4)[0] or _subject(ctx, u)
        receiver = prep_actor(units, j, hi, ("RecipientPrep",), state, reach=16)[0]
        modality = supply_modality(units, u.i, None, ctx.frames, state)
        if not giver or modality is None:
            continue
        ctx.products["announced_package"] = Event(as_state(giver, state), [], as_state(receiver, state), modality, u.i)
        return []
    return []


@rule("supplies", requires=("supply_events",), triggers=("PackageNoun",))
def announced_arms(ctx: SentenceContext) -> list[Relation]:
    """"AS mengumumkan paket senjata senilai US$11 miliar untuk Taiwan", "Jerman meresmikan paket rudal baru bagi
    Ukraina": a package of arms (a weapon word right after the package noun) that its subject announces or
    approves, for the receiver after a recipient preposition: a planned supply, in a sentence that tells no
    supply of its own."""
    units, state = ctx.units, ctx.state
    if ctx.products.get("supply_events"):
        return []
    for u in units:
        p = prev_unit(units, u.i)
        if u.etype or not u.has("PackageNoun") or p is None or p.etype or \
                ACTIVE not in (p.voice("AnnounceVerb"), p.voice("ApproveCue")):
            continue
        hi = clause_right(units, u.i)
        widx, wlast = weapons_after(units, u.i, hi, reach=2)
        giver = _subject(ctx, u)
        receiver = prep_actor(units, wlast, hi, ("RecipientPrep",), state, reach=8)[0] if widx else ()
        modality = supply_modality(units, u.i, None, ctx.frames, state)
        weapons = weapon_keys(units, widx, state)
        if not (giver and receiver and weapons) or modality is None:
            continue
        modality = "planned" if modality in ("asserted", "alleged") else modality
        ev = Event(as_state(giver, state), weapons, as_state(receiver, state), modality, u.i)
        return event_relations(ctx, ev, weapons, 0.6)
    return []


def _subject(ctx: SentenceContext, pkg: Unit) -> tuple[str, ...]:
    """The nearest actor before the package in its clause that no preposition governs, with a verb
    between them ("Pemerintah AS mengumumkan paket …", "AS tengah merencanakan pengiriman paket …")."""
    units = ctx.units
    verb = False
    for k in range(pkg.i - 1, clause_left(units, pkg.i) - 1, -1):
        v = units[k]
        if v.is_verb():
            verb = True
        if verb and v.is_actor and not v.paren and not v.title and not v.is_weapon and not group_prep(units, k) \
                and not (k > 0 and units[k - 1].has("Preposition")):
            return actor_keys(units, k, ctx.state)
    return ()


def _order_arrived(ctx: SentenceContext, i: int, j: int) -> Event | None:
    """"Gelombang pertama pesanan militer Polandia dari Korea Selatan berlabuh di Gdynia": an order noun among the
    package nouns ``i``..``j``, its owner right after (who ordered) and its source after "dari", that arrives or docks:
    a delivery whose weapons the next sentence lists ("Kiriman itu terdiri atas …")."""
    units, state = ctx.units, ctx.state
    order = next((v for v in units[i:j + 1] if v.cls.get("OrderNoun") and not v.etype), None)
    if order is None or j + 1 >= len(units) or not units[j + 1].is_actor or units[j + 1].is_weapon:
        return None
    hi = clause_right(units, order.i)
    source = as_state(prep_actor(units, j + 1, hi, ("SourcePrep",), state, reach=3)[0], state)
    arrived = any(ACTIVE in (v.voice("ArriveVerb"), v.voice("DockVerb")) and not v.etype for v in units[j + 2:hi])
    modality = supply_modality(units, order.i, None, ctx.frames, state)
    buyer = as_state(actor_keys(units, j + 1, state), state)
    if not source or not arrived or modality is None or set(source) & set(buyer):
        return None
    return Event(source, [], buyer, modality, order.i)
