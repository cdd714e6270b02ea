"""supplies told as backing with arms: "UEA menyokong Haftar dengan drone Wing Loong", "Houthi dibantu Iran
dengan rudal balistik" (a verb of support, whom it backs, and the arms after "dengan")."""

from __future__ import annotations

from kg.cues import ACTIVE, PASSIVE
from kg.extract.clause import actor_keys, agent_at, clause_right, left_subject
from kg.extract.context import Event, SentenceContext
from kg.extract.lists import weapons_after
from kg.extract.modality import supply_modality
from kg.extract.parties import as_state
from kg.extract.parts import weapon_keys
from kg.extract.registry import rule
from kg.extract.rules.supplies import event_relations
from kg.types import Relation
from kg.units import Unit, skip_span


@rule("supplies", triggers=("SupportVerb",))
def backing_with_arms(ctx: SentenceContext) -> list[Relation]:
    """Who backs whom with which weapons; a backing with no weapon after "dengan" supplies nothing."""
    units, state = ctx.units, ctx.state
    out: list[Relation] = []
    for u in units:
        voice = None if u.etype else u.cls.get("SupportVerb")
        if voice not in (ACTIVE, PASSIVE):
            continue
        hi = clause_right(units, u.i)
        end = skip_span(units, u.i, "SupportVerb")
        subj = left_subject(units, u.i)
        if voice == ACTIVE:  # "UEA menyokong Haftar dengan …"
            other = end if end < hi and units[end].is_actor and not units[end].paren else None
            backer, backed = subj, other
        else:  # "Houthi dibantu Iran dengan …"
            a = agent_at(units, u.i)
            backer, backed = (a if a < hi and units[a].is_actor else None), subj
        if backer is None or backed is None:
            continue
        with_ = _instrument(units, backer if voice == PASSIVE else backed, hi)
        if with_ is None:
            continue
        widx, _ = weapons_after(units, with_, hi, reach=3)
        weapons = weapon_keys(units, widx, state)
        modality = supply_modality(units, u.i, subj, ctx.frames, state)
        if not weapons or modality is None:
            continue
        ev = Event(as_state(actor_keys(units, backer, state), state), weapons,
                   as_state(actor_keys(units, backed, state), state), modality, u.i)
        out += event_relations(ctx, ev, weapons, 0.6)
    return out


def _instrument(units: list[Unit], after: int, hi: int) -> int | None:
    """The "dengan" that opens the arms right after the party at ``after`` (its group and brackets passed)."""
    k = (units[after].group[-1] if units[after].group else after) + 1
    while k < hi and (units[k].paren or units[k].text in ("(", ")")):
        k += 1
    return k if k < hi and units[k].has("ComitativePrep") and not units[k].etype else None
