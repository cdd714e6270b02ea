"""supplies told by the passive of arming: "Hizbullah dipersenjatai Iran", "milisi yang dipersenjatai dan didanai
oleh Iran", "Hizbullah, kelompok yang selama puluhan tahun dipersenjatai Teheran". The passive's subject is armed
(the recipient) and its agent arms it; no weapon type need be named (arms in general), else those after
"dengan" are the ones supplied. The active ("Iran mempersenjatai Houthi") is the supply rule's."""

from __future__ import annotations

from kg.cues import PASSIVE, passive_prefixed
from kg.extract.clause import actor_keys, clause_right, left_subject, prep_actor
from kg.extract.context import Event, SentenceContext
from kg.extract.lists import weapons_after
from kg.extract.modality import supply_modality
from kg.extract.parties import as_state
from kg.extract.parts import weapon_keys
from kg.extract.registry import rule
from kg.extract.rules.supplies import event_relations
from kg.extract.supply_checks import arms_key
from kg.types import Relation
from kg.units import Unit


@rule("supplies", requires=("supply_events",), triggers=("ArmCue",))
def armed_by(ctx: SentenceContext) -> list[Relation]:
    """One relation per weapon (arms in general when none is named) from the agent of a passive of arming
    to the party it arms."""
    units, state = ctx.units, ctx.state
    out: list[Relation] = []
    for u in units:
        if u.etype or u.voice("ArmCue") != PASSIVE:
            continue
        i, hi = u.i, clause_right(units, u.i)
        k = i + 1  # past passives coordinated with it: "dipersenjatai dan didanai Iran", "dipersenjatai serta dilatih"
        while k + 1 < hi and units[k].has("Conjunction") and not units[k].etype and units[k + 1].is_verb() \
                and passive_prefixed(units[k + 1].low):
            k += 2
        agent, end = prep_actor(units, k - 1, hi, ("AgentPrep",), state, reach=2)
        if not agent and k < hi and units[k].is_actor and not units[k].paren and not units[k].title:
            agent, end = actor_keys(units, k, state), units[k].group[-1] if units[k].group else k
        subj = left_subject(units, i)
        if subj is None:
            subj = _appositive_host(units, i)
        if not agent or subj is None:
            continue
        armed = actor_keys(units, subj, state)
        with_ = next((m for m in range(max(k, end + 1), min(hi, end + 3)) if units[m].has("ComitativePrep")), None)
        weapons = weapon_keys(units, weapons_after(units, with_, hi, reach=4)[0], state) if with_ is not None else []
        modality = supply_modality(units, i, subj, ctx.frames, state)
        if not armed or modality is None:
            continue
        ev = Event(as_state(agent, state), weapons or [arms_key()], as_state(armed, state), modality, i)
        out += event_relations(ctx, ev, ev.weapons, 0.6)
    return out


def _appositive_host(units: list[Unit], i: int) -> int | None:
    """"Hizbullah, kelompok Syiah yang selama puluhan tahun dipersenjatai …": the actor a descriptive noun phrase
    set off by a comma renames, where the relative clause of the verb at ``i`` hangs on that phrase."""
    k = next((m for m in range(i - 1, max(-1, i - 6), -1) if units[m].has("Relativizer") and not units[m].etype), None)
    if k is None or any(v.is_actor or v.is_verb() and not v.has("FunctionWord") for v in units[k + 1:i]):
        return None  # (past an adverbial: "yang selama puluhan tahun dipersenjatai …", "yang sejak lama …")
    k -= 1
    while k > 0 and units[k].text.isalpha() and not units[k].is_verb() and not units[k].paren \
            and not units[k].has("Preposition", "Conjunction"):
        k -= 1  # the descriptive phrase: "kelompok Syiah", "milisi bersenjata"
    if k < 1 or units[k].text != "," or k + 1 >= i:
        return None
    h = k - 1
    return h if units[h].is_actor and not units[h].paren else None
