"""sanctions(sanctioner, X) told by targets counted as linked to X: "sanksi terhadap 146 sasaran yang terkait
dengan Prince Group" sanctions the group through its network, as annotators read it. The sanctioner and modality
are those of the sanction the sentence already told (whose named targets come after: "termasuk Chen sendiri")."""

from __future__ import annotations

from kg.extract.clause import actor_keys
from kg.extract.context import SentenceContext
from kg.extract.registry import rule
from kg.types import Relation
from kg.units import Unit, skip_span


@rule("sanctions", reads=("sanctioners",), triggers=("SanctionCue",))
def linked_targets(ctx: SentenceContext) -> list[Relation]:
    units, state = ctx.units, ctx.state
    told = [r for r in state.relations if r.type == "sanctions" and r.sentence == ctx.sentence.index]
    if not told:
        return []
    out: list[Relation] = []
    for u in units:
        if u.etype or not u.has("SanctionCue") or u.is_verb():
            continue
        k = skip_span(units, u.i, "SanctionCue")
        if k >= len(units) or units[k].etype or not units[k].has("TargetPrep"):
            continue
        t = _linked_to(units, k + 1)
        if t is None:
            continue
        for key in actor_keys(units, t, state):
            out += [ctx.relation("sanctions", {"sanctioner": r.args["sanctioner"], "target": key}, r.modality)
                    for r in told if r.args.get("sanctioner") != key]
    return out


def _linked_to(units: list[Unit], k: int) -> int | None:
    """The party after "[146] sasaran yang terkait dengan" starting at ``k``: where the counted targets are a plain
    noun that a relative clause ties to a named party, that party's index, else None."""
    while k < len(units) and not units[k].etype and (units[k].has("NumberWord") or units[k].text[:1].isdigit()):
        k += 1
    if k + 2 >= len(units) or units[k].etype or not units[k].is_noun() or not units[k + 1].has("Relativizer"):
        return None
    m = k + 2
    if units[m].etype or not units[m].has("ClaimTopicPrep"):
        return None
    m = skip_span(units, m, "ClaimTopicPrep")
    if m < len(units) and units[m].has("ComitativePrep") and not units[m].etype:
        m += 1
    return m if m < len(units) and units[m].etype in ("ORG", "PER") and not units[m].paren else None
