"""accuses: a protest sent to a state ("melayangkan protes ke China atas …", "mengirim nota protes keras ke
Beijing"): whoever sends it charges the state it is addressed to. ("protes kepada X" the accusation rules read
already; "ke" they leave alone, since after an attack noun it names the place hit: "serangan ke Doha".)"""

from __future__ import annotations

from kg.extract.clause import actor_keys, clause_right, left_subject
from kg.extract.context import SentenceContext
from kg.extract.negated import negated_act
from kg.extract.parties import outlet, side
from kg.extract.registry import rule
from kg.types import Relation
from kg.units import skip_span

_BETWEEN = 2  # words ("keras", "resmi", "diplomatik") that may stand between the protest and "ke"


@rule("accuses", triggers=("ProtestNoun",))
def protest_sent(ctx: SentenceContext) -> list[Relation]:
    units, state = ctx.units, ctx.state
    found: list[tuple[str, str]] = []
    for u in units:
        if u.etype or "ProtestNoun" not in u.cls or u.i == 0:
            continue
        v = units[u.i - 1]
        if v.etype or not v.is_verb() or negated_act(units, v.i):
            continue  # "belum melayangkan protes ke …": none sent
        hi = clause_right(units, u.i)
        m = skip_span(units, u.i, "ProtestNoun")
        end = m
        while m < hi and m - end < _BETWEEN and not units[m].etype and units[m].text.isalpha() and \
                (not units[m].cls or units[m].has("VehementAdverb", "NotVerb", "FunctionWord")):
            m += 1
        if m + 1 >= hi or units[m].etype or not units[m].has("GoalPrep") or units[m + 1].etype != "GPE":
            continue  # only a state addressed: "protes ke FIFA" asks a referee, it charges no wrong
        j = left_subject(units, v.i)
        if j is None:
            continue
        for a in actor_keys(units, j, state):
            if outlet(a, state):
                continue
            for b in actor_keys(units, m + 1, state):
                if a != b and b not in side(a, state) and (a, b) not in found:
                    found.append((a, b))
    return [ctx.relation("accuses", {"accuser": a, "accused": b}) for a, b in found]
