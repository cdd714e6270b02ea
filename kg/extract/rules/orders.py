"""supplies told as an order the seller takes: "PT PAL menerima pesanan dua kapal perang dari Filipina",
"Pindad mendapat pesanan panser, salah satunya dari Malaysia", "… menargetkan pesanan dua korvet dari Z".

The subject of a kg:OrderTaken phrase sells the weapons ordered; "dari" after them names the buyer (the
reverse of "membeli W dari X"). A phrase whose cue has a kg:defaultModality (an order sought) is a prospect."""

from __future__ import annotations

from kg.cues import ACTIVE, cues
from kg.extract.clause import actor_keys, clause_right, left_subject, prep_actor
from kg.extract.context import SentenceContext
from kg.extract.lists import weapons_after
from kg.extract.modality import supply_modality
from kg.extract.parties import as_state
from kg.extract.parts import weapon_keys
from kg.extract.registry import rule
from kg.types import Relation


@rule("supplies", triggers=("OrderTaken",))
def orders_taken(ctx: SentenceContext) -> list[Relation]:
    """One relation per weapon × subject × buyer of "X menerima pesanan W dari Y"."""
    units, state = ctx.units, ctx.state
    out: list[Relation] = []
    for u in units:
        if u.etype or u.voice("OrderTaken") != ACTIVE:
            continue
        end = u.i + u.span.get("OrderTaken", 1) - 1
        hi = clause_right(units, end)
        subj = left_subject(units, u.i)
        if subj is None or not units[subj].is_actor:
            continue
        widx, wlast = weapons_after(units, end, hi)
        if not widx:
            continue
        # the buyer may follow a comma: "pesanan panser, salah satunya dari Malaysia"
        buyer = as_state(prep_actor(units, wlast, clause_right(units, hi), ("SourcePrep",), state, reach=6)[0],
                         state)
        seller = tuple(s for s in actor_keys(units, subj, state) if s not in buyer)
        weapons = weapon_keys(units, widx, state)
        told = " ".join(v.low for v in units[u.i:end + 1])
        modality = cues().default_modality.get(told) or supply_modality(units, u.i, subj, ctx.frames, state)
        if not (seller and buyer and weapons) or modality is None:
            continue
        out += [ctx.relation("supplies", {"supplier": s, "weapon": w, "recipient": b}, modality, 0.7)
                for w in weapons for s in seller for b in buyer]
    return out
