"""meets: persons brought together ("KTT itu mempertemukan Putin dengan Presiden Kazakhstan A, Presiden Kirgistan B dan
Presiden Uzbekistan C", "pertemuan trilateral yang mempertemukan Presiden X, Presiden Y serta Presiden Z"): the
persons named after an active verb of bringing together meet, those before "dengan" each of those after it, and with
no "dengan" each the others; a person who brings them together (its subject) meets them all."""

from __future__ import annotations

from kg.cues import ACTIVE
from kg.extract.clause import actor_keys, clause_right, left_subject
from kg.extract.context import SentenceContext, State
from kg.extract.modality import event_modality
from kg.extract.parties import is_person
from kg.extract.registry import rule
from kg.extract.titlewords import past_titled
from kg.types import Relation
from kg.units import Unit


@rule("meets", triggers=("BringTogetherVerb",))
def brought_together(ctx: SentenceContext) -> list[Relation]:
    """(a, b) for each pair of persons an active verb of bringing together names, and its person subject with each."""
    units, state = ctx.units, ctx.state
    out: list[Relation] = []
    for u in units:
        if u.etype or u.cls.get("BringTogetherVerb") != ACTIVE:
            continue
        hi = clause_right(units, u.i)
        first, end = _persons(units, u.i + 1, hi, state)
        if not first:
            continue
        k = end + 1
        second, _ = _persons(units, k + 1, hi, state) if k < hi and units[k].has("ComitativePrep") else ([], k)
        pairs = [(a, b) for a in first for b in second] if second else \
            [(a, b) for n, a in enumerate(first) for b in first[n + 1:]]
        j = left_subject(units, u.i)
        host = [h for h in actor_keys(units, j, state) if is_person(h, state)] if j is not None else []
        pairs += [(h, p) for h in host for p in first + second]
        modality = event_modality(units, u.i, None)
        out += [ctx.relation("meets", {"a": a, "b": b}, modality) for a, b in dict.fromkeys(pairs) if a != b]
    return out


def _persons(units: list[Unit], k: int, hi: int, state: State) -> tuple[list[str], int]:
    """The persons of the coordination whose first name (past its titles) is at or after ``k``, and where it ends."""
    k = past_titled(units, k, hi)
    if k >= hi or units[k].etype != "PER" or units[k].paren:
        return [], k
    end = units[k].group[-1] if units[k].group else k
    return [p for p in actor_keys(units, k, state) if is_person(p, state)], end

