"""warns: a threat told as a noun with the act it threatens ("X mengulangi ancamannya akan mengubah Y menjadi …",
"X melontarkan ancaman untuk menyerang Y", "ancaman Z untuk menyerang Y"): the one the act would strike is warned,
by the threat's owner (the noun's possessor after it, else the subject of the clause)."""

from __future__ import annotations

from kg.extract.agents import object_noun_subject
from kg.extract.clause import actor_keys, group_prep
from kg.extract.context import SentenceContext
from kg.extract.negated import negated_act
from kg.extract.parties import outlet, side
from kg.extract.registry import rule
from kg.types import Relation


@rule("warns", reads=("role_org",), triggers=("ThreatWord",))
def threat_act(ctx: SentenceContext) -> list[Relation]:
    units, state = ctx.units, ctx.state
    here = dict(ctx.products.get("role_org") or [])
    found: list[tuple[str, str]] = []
    n = len(units)
    for u in units:
        if u.etype or not u.has("ThreatWord"):
            continue
        k = u.i + 1
        owner = None
        if k < n and units[k].is_actor and not units[k].paren and not units[k].title:
            owner = k  # "ancaman Iran untuk …"
            k = (units[k].group[-1] if units[k].group else k) + 1
        if k + 1 >= n or units[k].etype or not units[k].has("PlannedCue", "PurposeConj"):
            continue
        v = units[k + 1]
        if not v.is_verb() or negated_act(units, v.i) or units[k].has("PurposeConj") and not v.has("AttackCue"):
            continue  # (after "untuk" only an attack: not "intimidasi dan ancaman untuk menolong Y", a means)
        o = next((j for j in range(v.i + 1, min(n, v.i + 4)) if units[j].is_actor or units[j].text in (",", ".")), None)
        if o is None or not units[o].is_actor or units[o].paren or units[o].title or group_prep(units, o):
            continue  # (the act's direct object only: not "… untuk bekerja sama dengan Y")
        if owner is None:
            s = object_noun_subject(units, u.i)
            if s is None:
                continue
            owner = s
        for a in actor_keys(units, owner, state):
            if outlet(a, state):
                continue
            own = side(a, state, here)
            found += [(a, b) for b in actor_keys(units, o, state) if b != a and b not in own
                      and a not in side(b, state, here) and (a, b) not in found]
    return [ctx.relation("warns", {"warner": a, "warned": b}) for a, b in found]
