"""Supplies to the subject of a receiving construction, shared by the rules that find the giver elsewhere
("X dijanjikan Y W", "X sebagai pembeli W Y"): one place decides the states, the modality and the weapons."""

from __future__ import annotations

from kg.extract.clause import actor_keys
from kg.extract.context import SentenceContext
from kg.extract.modality import supply_modality
from kg.extract.parties import as_state
from kg.extract.parts import weapon_keys
from kg.types import Relation


def supplies_to_subject(ctx: SentenceContext, i: int, subj: int, givers: tuple[str, ...], widx: list[int],
                        confidence: float) -> list[Relation]:
    """One relation per weapon at ``widx`` × giver × state of the subject ``subj`` of the word at ``i`` (a party
    never supplies itself); none where the modality says the sentence tells no supply."""
    units, state = ctx.units, ctx.state
    recipients = as_state(actor_keys(units, subj, state), state)
    givers = tuple(g for g in as_state(givers, state) if g not in recipients)
    modality = supply_modality(units, i, subj, ctx.frames, state)
    weapons = weapon_keys(units, widx, state)
    if not (givers and recipients and weapons) or modality is None:
        return []
    return [ctx.relation("supplies", {"supplier": g, "weapon": w, "recipient": r}, modality, confidence)
            for w in weapons for g in givers for r in recipients]
