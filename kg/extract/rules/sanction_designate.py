"""Designation as a sanction: "Departemen Keuangan juga menunjuk dua entitas …, A dan B", "Penunjukan oleh OFAC
termasuk A, B dan C". News on sanction lists reuses the treasury's word "designate"; the verb also means
appointing someone to an office, so it is read as a sanction only where the sentence or an earlier relation of
the text already speaks of sanctions, and never with a person as the designator."""

from __future__ import annotations

from kg.cues import ACTIVE
from kg.extract.clause import actor_keys, clause_right, left_subject, right_actor
from kg.extract.context import SentenceContext
from kg.extract.registry import rule
from kg.extract.rules.sanction_targets import named_targets
from kg.types import Relation


@rule("sanctions", reads=("sanctioners",), triggers=("DesignateAct",))
def designated(ctx: SentenceContext) -> list[Relation]:
    units, state = ctx.units, ctx.state
    if not (any(u.has("SanctionCue") and not u.etype for u in units)
            or state.sanctioners or any(r.type == "sanctions" for r in state.relations)):
        return []
    out: list[Relation] = []
    for u in units:
        if u.etype or not u.has("DesignateAct"):
            continue
        hi = clause_right(units, u.i)
        if u.cls.get("DesignateAct") == ACTIVE:
            subj = left_subject(units, u.i)
            start = u.i
        else:
            subj = right_actor(units, u.i, min(hi, u.i + 4), ("AgentPrep",))
            start = next((v.i for v in units[u.i + 1:hi] if v.has("ListIntro") and not v.etype), None)
            if start is None:
                continue
        if subj is None or units[subj].etype == "PER" or units[subj].title:
            continue
        who = actor_keys(units, subj, state)
        out += [ctx.relation("sanctions", {"sanctioner": a, "target": t})
                for t in named_targets(units, start, hi, state) if t not in who for a in who]
    return out


