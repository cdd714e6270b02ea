"""accuses: a party said to lie ("“Kebohongan lain dari Federasi Rusia,” kata Zelensky", "“Rusia membuka mulut hanya
untuk melontarkan kebohongan,” ujar X", "Dia meminta media tidak mempercayai kebohongan Israel") is accused by
whoever says so: spreading lies is a wrong charged to it, whether or not the speaker answers a claim of the liar
(that answer is the denial of kg.extract.rules.lies, which finds the liar and the speaker the same way)."""

from __future__ import annotations

from kg.cues import passive_prefixed
from kg.extract.clause import actor_keys, left_subject
from kg.extract.context import SentenceContext, State
from kg.extract.parties import side
from kg.extract.registry import rule
from kg.extract.rules.lies import lie_tellers
from kg.types import Relation
from kg.units import Unit


@rule("accuses", triggers=("LieNoun",))
def lie_told(ctx: SentenceContext) -> list[Relation]:
    """(speaker, liar) for each lie noun whose liar and speaker are named and on different sides: calling a
    party a liar charges it with a wrong, so no answered claim is needed here (unlike the denial in lies)."""
    units, state = ctx.units, ctx.state
    found: list[tuple[str, str]] = []
    for sp, own, liars in lie_tellers(units, ctx.frames, state, _owner):
        found += [(sp, b) for b in liars if b not in own and sp not in side(b, state) and (sp, b) not in found]
    return [ctx.relation("accuses", {"accuser": a, "accused": b}) for a, b in found]


def _owner(units: list[Unit], i: int, state: State) -> tuple[str, ...]:
    """Whose lie the noun at ``i`` is where no verb of spreading names it: the party right after it ("kebohongan
    Israel"), or the subject of a verb of voicing right before it ("Rusia … melontarkan kebohongan")."""
    k = i + units[i].span.get("LieNoun", 1)
    if k < len(units) and units[k].is_actor and not units[k].paren and units[k].etype != "WEAPON":
        return actor_keys(units, k, state)
    v = units[i - 1] if i > 0 else None
    if v is not None and not v.etype and v.has("LaunchVerb") and not passive_prefixed(v.low) and \
            (j := left_subject(units, v.i)) is not None:
        return actor_keys(units, j, state)
    return ()
