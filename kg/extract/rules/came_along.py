"""visits: a companion on a journey told just before ("Senator X mendarat di Taipei. Politikus itu datang bersama
Senator Y untuk serangkaian pertemuan"): a verb of arriving that names no place of its own, whose subject visited a
place in the last two sentences, takes those who came with him there too."""

from __future__ import annotations

from kg.cues import ACTIVE, word_is
from kg.extract.clause import actor_keys, clause_right, left_subject
from kg.extract.context import SentenceContext
from kg.extract.encounter import travel_companions
from kg.extract.parties import home_state
from kg.extract.registry import rule
from kg.types import Relation


@rule("visits", triggers=("VisitCue",))
def came_along(ctx: SentenceContext) -> list[Relation]:
    """(companion, place) for each active verb of visiting with a companion after "bersama" and no place named."""
    units, state = ctx.units, ctx.state
    out: list[Relation] = []
    for u in units:
        if u.etype or u.voice("VisitCue") != ACTIVE or u.i + 1 >= len(units) or not units[u.i + 1].has("CompanionPrep"):
            continue
        hi = clause_right(units, u.i)
        if any(v.etype in ("GPE", "LOC") and word_is(v.prep, "GoalPrep", "LocativePrep") for v in units[u.i + 1:hi]) or \
                (j := left_subject(units, u.i, per_only=True)) is None:
            continue  # (a place named here is the visit rule's)
        if not (ks := travel_companions(units, u.i, hi)):
            continue
        who = set(actor_keys(units, j, state))
        places = [(r.args["place"], r.modality) for r in state.relations if r.type == "visits"
                  and r.args.get("visitor") in who and 0 < ctx.sentence.index - r.sentence <= 2]
        if not places:
            continue
        place, modality = places[-1]
        out += [ctx.relation("visits", {"visitor": c, "place": place}, modality)
                for k in ks for c in actor_keys(units, k, state) if c not in who and home_state(c, state) != place]
    return out
