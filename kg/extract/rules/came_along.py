"""visits: a companion on a journey told just before ("Senator X mendarat di Taipei. Politikus itu datang bersama
Senator Y untuk serangkaian pertemuan"): a verb of arriving that names no place of its own, whose subject visited a
place in the last two sentences, takes those who came with him there too; and the members listed after "Ikut dalam
lawatan itu …" join the visit just told."""

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


@rule("visits", triggers=("JoinVerb",))
def joined_trip(ctx: SentenceContext) -> list[Relation]:
    """(member, place) for each person listed after a verb of joining and the visit it points back to ("Ikut dalam
    lawatan itu Menlu X, Menteri Ekonomi Y serta Gubernur Bank Nasional Z"): they went where the last visit went."""
    units, state = ctx.units, ctx.state
    for u in units:
        if u.etype or not u.has("JoinVerb"):
            continue
        k = u.i + 1 + (u.i + 1 < len(units) and units[u.i + 1].has("Preposition") and not units[u.i + 1].etype)
        if k + 1 >= len(units) or units[k].etype or units[k].voice("VisitCue") is None or \
                not units[k + 1].has("Demonstrative"):
            continue
        hi = clause_right(units, k + 1)
        members = [v for v in units[k + 2:hi] if v.etype == "PER" and not v.paren and v.key]
        # the visit of one named here ("Rombongan Kobakhidze …. Ikut dalam lawatan itu …"), else the last one told
        named = {v.key for v in units[:u.i] if v.etype == "PER" and v.key} or {state.last_per}
        visits = [r for r in state.relations if r.type == "visits" and r.args.get("visitor") in named] or \
            [r for r in state.relations if r.type == "visits" and 0 < ctx.sentence.index - r.sentence <= 2]
        if not members or not visits:
            continue
        place, modality = visits[-1].args["place"], visits[-1].modality
        return [ctx.relation("visits", {"visitor": v.key, "place": place}, modality) for v in members
                if home_state(v.key, state) != place and v.key != visits[-1].args.get("visitor")]
    return []

