"""warns: a threat joined to a charge, with no object of its own ("X menuduh Israel … dan mengancam akan
melakukan pembalasan", "X mengecam serangan Y dan memperingatkan akan mengambil tindakan balasan"): the
retaliation threatened is aimed at the party the same subject has just charged."""

from __future__ import annotations

from kg.cues import ACTIVE
from kg.extract.clause import actor_keys, clause_right, left_subject, right_actor
from kg.extract.context import SentenceContext
from kg.extract.negated import negated_act
from kg.extract.parties import outlet, side
from kg.extract.registry import rule
from kg.types import Relation
from kg.units import Unit


@rule("warns", reads=("role_org",), triggers=("WarnCue",))
def joined_threat(ctx: SentenceContext) -> list[Relation]:
    units, state = ctx.units, ctx.state
    here = dict(ctx.products.get("role_org") or [])
    found: list[tuple[str, str]] = []
    for u in units:
        if u.etype or u.voice("WarnCue") != ACTIVE or negated_act(units, u.i):
            continue
        d = u.i - 1
        while d > 0 and not units[d].etype and units[d].has("FunctionWord") and not units[d].has("Conjunction"):
            d -= 1  # "dan juga mengancam …"
        if d < 2 or units[d].etype or not units[d].has("Conjunction"):
            continue
        hi = clause_right(units, u.i)
        if right_actor(units, u.i, hi) is not None or not _retaliation(units, u.i, hi):
            continue  # (it names its own addressee, or threatens no act of its own side)
        k = next((k for k in range(d - 1, -1, -1) if units[k].is_verb() and not units[k].etype
                  and units[k].voice("AccuseCue") == ACTIVE), None)
        if k is None or any(v.text in (";", ":") or v.has("Complementizer") and not v.etype for v in units[k:d]):
            continue
        s = left_subject(units, k)
        if s is None:
            continue
        charged = _charged(units, k, d)
        for a in actor_keys(units, s, state):
            own = side(a, state, here)
            if outlet(a, state):
                continue
            found += [(a, b) for j in charged for b in actor_keys(units, j, state)
                      if b != a and b not in own and a not in side(b, state, here) and (a, b) not in found]
    return [ctx.relation("warns", {"warner": a, "warned": b}) for a, b in found]


def _retaliation(units: list[Unit], i: int, hi: int) -> bool:
    """A retaliation or another threat follows the verb at ``i`` within four words ("mengancam akan
    melakukan pembalasan", "memperingatkan akan mengambil tindakan balasan", "mengancam akan membalas")."""
    return any(not v.etype and (v.has("ThreatNoun") or v.has("WarnCue")) for v in units[i + 1:min(hi, i + 5)])


def _charged(units: list[Unit], k: int, hi: int) -> list[int]:
    """The party the charge at ``k`` names first, with those coordinated right after it ("mengecam latihan
    AS dan Korea Selatan"), not a party told further on ("menuduh Israel membunuh komandan Hamas")."""
    j = right_actor(units, k, hi)
    if j is None:
        return []
    out = [j]
    m = (units[j].group[-1] if units[j].group else j) + 1
    while m + 1 < hi and (units[m].text == "," or units[m].has("Conjunction")) and not units[m].etype \
            and units[m + 1].is_actor and not units[m + 1].paren and not units[m + 1].title:
        out.append(m + 1)
        m = (units[m + 1].group[-1] if units[m + 1].group else m + 1) + 1
    return out
