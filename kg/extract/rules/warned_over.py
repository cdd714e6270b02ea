"""accuses: a party warned over a wrong named right after it ("memperingatkan RSF atas pembunuhan … dan pemerkosaan",
"memperingatkan Iran terkait pelanggaran perjanjian"): the warner lays the wrong on the one it warns (the guidelines:
a warning against a wrongdoing the warner attributes to the warned is also an accusation)."""

from __future__ import annotations

from kg.cues import ACTIVE
from kg.extract.clause import actor_keys, clause_right, left_subject
from kg.extract.context import SentenceContext
from kg.extract.negated import negated_act
from kg.extract.parties import side
from kg.extract.registry import rule
from kg.types import Relation
from kg.units import Unit, skip_span

_REACH = 4  # words from the preposition to the wrong ("atas pembunuhan sistematis dan pemerkosaan")


@rule("accuses", triggers=("WarnCue",))
def warned_over(ctx: SentenceContext) -> list[Relation]:
    """(warner, warned) for each active warning verb whose object is followed by a wrong it is warned over."""
    units, state = ctx.units, ctx.state
    found: list[tuple[str, str]] = []
    for u in units:
        if u.etype or u.voice("WarnCue") != ACTIVE or negated_act(units, u.i):
            continue
        o = skip_span(units, u.i, "WarnCue")
        if o >= len(units) or not units[o].is_actor or units[o].paren or (j := left_subject(units, u.i)) is None:
            continue
        end = units[o].group[-1] if units[o].group else o
        if not _over_wrong(units, end + 1, clause_right(units, u.i)):
            continue
        for a in actor_keys(units, j, state):
            found += [(a, b) for b in actor_keys(units, o, state)
                      if a != b and b not in side(a, state) and (a, b) not in found]
    return [ctx.relation("accuses", {"accuser": a, "accused": b}) for a, b in found]


def _over_wrong(units: list[Unit], k: int, hi: int) -> bool:
    """A preposition of target or topic at ``k`` ("atas", "terkait") with a wrong after it, no party between."""
    if k >= hi or units[k].etype or not units[k].has("TargetPrep", "ClaimTopicPrep"):
        return False
    for v in units[k + 1:min(hi, k + 1 + _REACH)]:
        if v.etype or v.is_verb() and not v.has("WrongdoingCue"):
            return False
        if v.has("WrongdoingCue"):
            return True
    return False
