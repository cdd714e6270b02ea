"""Antecedents of a plural pronoun that is not a clause's subject: the main clause's subject for one in a
"bahwa" clause, the actors last named together for a verb's object."""

from __future__ import annotations

from kg.cues import ACTIVE
from kg.extract.clause import actor_keys, left_subject
from kg.extract.context import State
from kg.units import Unit


def object_group(units: list[Unit], i: int, state: State) -> tuple[str, ...]:
    """The last coordinated actors, for a plural pronoun right after an active verb at ``i``, where they were
    named among the last few actors of the article and the verb's subject is none of them."""
    if not state.groups or i == 0 or units[i - 1].etype or not any(v == ACTIVE for v in units[i - 1].cls.values()):
        return ()
    group = state.groups[-1]
    recent = state.recent[-6:]
    if not all(k in recent for k in group):
        return ()
    j = left_subject(units, i - 1)
    subj = actor_keys(units, j, state) if j is not None else ()
    return () if set(subj) & set(group) else group


def main_subject(units: list[Unit], i: int, state: State) -> tuple[str, ...]:
    """The state or body that is the subject of the clause a "bahwa" clause at ``i`` depends on."""
    comp = next((v.i for v in units[:i] if v.has("Complementizer")), None)
    verb = next((v.i for v in reversed(units[:comp]) if v.is_verb() and v.cls), None) if comp is not None else None
    j = left_subject(units, verb) if verb is not None else None
    return actor_keys(units, j, state) if j is not None and units[j].etype in ("ORG", "GPE") else ()
