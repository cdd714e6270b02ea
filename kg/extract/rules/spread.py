"""accuses: a falsehood told as spread by a party ("Disinformasi semacam itu disebarluaskan oleh militer
Azerbaijan", "rumor yang disebarkan oleh sumber-sumber Zionis", "kabar itu palsu dan disebarkan oleh Armenia"):
whoever says so accuses the spreader. The speaker is the one the clause is said by, else the subject of the verb
that rejects the falsehood ("Iran menolak rumor yang disebarkan oleh …")."""

from __future__ import annotations

from kg.cues import ACTIVE, PASSIVE
from kg.extract.clause import actor_keys, agent_at, clause_left, frame_of, left_subject
from kg.extract.context import SentenceContext
from kg.extract.parties import outlet, side
from kg.extract.registry import rule
from kg.types import Relation
from kg.units import STOP_PUNCT, Unit

_BACK = 4  # words between the falsehood and the verb ("semacam itu", "yang", "dan")
_NOUNS = 4  # common nouns before the spreader's name ("oleh militer dan kepemimpinan politik Azerbaijan")


@rule("accuses", triggers=("SpreadVerb",))
def spread_falsehood(ctx: SentenceContext) -> list[Relation]:
    units, state = ctx.units, ctx.state
    found: list[tuple[str, str]] = []
    for u in units:
        if u.etype or u.voice("SpreadVerb") != PASSIVE:
            continue
        lie = _falsehood_before(units, u.i)
        spreader = _spreader(units, agent_at(units, u.i))
        if lie is None or spreader is None:
            continue
        f = frame_of(ctx.frames, u.i)
        by: tuple[str, ...] = f.speaker if f is not None else ()
        if not by:
            r = next((v.i for v in reversed(units[clause_left(units, lie):lie]) if not v.etype and
                      (v.voice("RejectCue") == ACTIVE or v.voice("DenyCue") == ACTIVE)), None)
            j = left_subject(units, r) if r is not None else None
            by = actor_keys(units, j, state) if j is not None else ()
        for a in by:
            if outlet(a, state):
                continue
            found += [(a, b) for b in actor_keys(units, spreader, state)
                      if a != b and b not in side(a, state) and (a, b) not in found]
    return [ctx.relation("accuses", {"accuser": a, "accused": b}) for a, b in found]


def _falsehood_before(units: list[Unit], i: int) -> int | None:
    """The word calling what was spread false, a few words before the passive verb at ``i`` ("disinformasi
    semacam itu", "rumor yang", "kabar palsu dan"), with no other verb or party between."""
    for k in range(i - 1, max(-1, i - 2 - _BACK), -1):
        v = units[k]
        if v.etype or v.is_actor or v.text in STOP_PUNCT:
            return None
        if v.has("DismissCue", "FalsehoodNoun"):
            return k
        if v.is_verb() and not v.has("FunctionWord", "Copula"):
            return None
    return None


def _spreader(units: list[Unit], k: int) -> int | None:
    """The party named as the agent at ``k``, past a few common nouns ("oleh militer … Azerbaijan")."""
    for m in range(k, min(len(units), k + _NOUNS + 1)):
        v = units[m]
        if v.is_actor and not v.paren:
            return m
        if v.etype or v.text in STOP_PUNCT or v.is_verb() or not v.text.replace("-", "").isalpha():
            return None
    return None
