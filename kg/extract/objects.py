"""Whom an anaphor that is a verb's object cannot mean: the verb's own subject. "Trump menuding pemimpin berusia 62
tahun itu …" names someone other than Trump; the person written about before him is meant."""

from __future__ import annotations

from kg.extract.clause import left_subject
from kg.extract.context import State
from kg.units import Unit


def object_antecedent(units: list[Unit], i: int, last_per: str, state: State) -> str:
    """``last_per``, unless the anaphor at ``i`` follows a verb whose subject is ``last_per``: then the latest other
    person named before the sentence (``last_per`` where there is none)."""
    if i == 0 or not units[i - 1].is_verb() or units[i - 1].etype:
        return last_per
    j = left_subject(units, i - 1)
    if j is None or last_per not in units[j].keys:
        return last_per
    return next((p for p in reversed(state.recent) if p != last_per and p in state.entities
                 and state.entities[p].type == "PER"), last_per)
