"""supplies told as building or producing weapons for another party: "Turki juga membangun tiga kapal misi pesisir
untuk TLDM", "… kesepakatan untuk membangun armada fregat bagi Australia", "Korea Selatan akan memproduksi howitzer
untuk Polandia". Making arms is no supply; making them for a named party is one (planned while they are built)."""

from __future__ import annotations

from kg.cues import ACTIVE
from kg.extract.clause import actor_keys, clause_right, left_subject, prep_actor
from kg.extract.context import Event, SentenceContext
from kg.extract.elided import elided_subject
from kg.extract.lists import weapons_after
from kg.extract.modality import supply_modality
from kg.extract.parties import as_state
from kg.extract.parts import weapon_keys
from kg.extract.registry import rule
from kg.extract.rules.supplies import event_relations
from kg.types import Relation


@rule("supplies", requires=("supply_events",), triggers=("MakeVerb",))
def built_for(ctx: SentenceContext) -> list[Relation]:
    """One relation per weapon made (active verb) by the clause's subject for the party after "untuk"/"bagi"."""
    units, state = ctx.units, ctx.state
    out: list[Relation] = []
    for u in units:
        if u.etype or u.voice("MakeVerb") != ACTIVE:
            continue
        i, hi = u.i, clause_right(units, u.i)
        widx, wlast = weapons_after(units, i, hi, reach=4)
        if not widx:
            continue
        # (the party right after the weapons and their words: not "untuk digunakan di …", a purpose)
        # (nor one of a second verb: "membangun senjata nuklir dan memasok rudal kepada Houthi")
        end = next((k for k in range(wlast + 1, hi - 1) if units[k].has("Conjunction") and not units[k].etype
                    and units[k + 1].is_verb() and units[k + 1].cls and not units[k + 1].etype), hi)
        recipient, _ = prep_actor(units, wlast, end, ("RecipientPrep", "BeneficiaryPrep"), state, reach=4)
        subj = left_subject(units, i)
        if subj is None:
            subj = elided_subject(units, i)
        maker = actor_keys(units, subj, state)
        modality = supply_modality(units, i, subj, ctx.frames, state)
        if not recipient or not maker or modality is None:
            continue
        ev = Event(as_state(maker, state), weapon_keys(units, widx, state), as_state(recipient, state),
                   "planned" if modality == "asserted" else modality, i)
        out += event_relations(ctx, ev, ev.weapons, 0.6)
    return out
