"""accuses: a party that tells of its own side attacked accuses the attacker ("PM Kamboja mengatakan Thailand
menyerang posisi tentara Kamboja", "Menurut X, dua desa di negaranya telah dibombardir oleh pasukan Y")."""

from __future__ import annotations

from collections.abc import Iterable

from kg.cues import ACTIVE, PASSIVE
from kg.extract.acts import doer
from kg.extract.clause import actor_keys, agent_at, clause_left, clause_right, frame_of
from kg.extract.context import SentenceContext, State
from kg.extract.negated import negated_act
from kg.extract.parties import outlet, side, stands_for
from kg.extract.registry import rule
from kg.types import Relation
from kg.units import Unit, skip_span


@rule("accuses", triggers=("AttackCue", "AttackedVerb"))
def attack_on_own_side(ctx: SentenceContext) -> list[Relation]:
    """The speaker of a claim that a party attacked the speaker's own state or body accuses that party; an attack
    told on anyone else ("Israel mengatakan pasukannya menyerang Hamas") charges no one here."""
    units, state = ctx.units, ctx.state
    found: list[tuple[str, str]] = []
    for u in units:
        if u.etype or negated_act(units, u.i):
            continue
        if u.voice("AttackCue") == ACTIVE:  # "Thailand menyerang posisi tentara Kamboja"
            attacker = doer(units, u.i)
            hurt = _hit(units, skip_span(units, u.i, "AttackCue"), clause_right(units, u.i))
        elif u.voice("AttackedVerb") == PASSIVE:  # "dua provinsi di Kamboja telah diserang oleh militer Thailand"
            a = agent_at(units, u.i)
            attacker = a if a < len(units) and units[a].is_actor and not units[a].paren else None
            hurt = _struck(units, u.i)
        else:
            continue
        f = frame_of(ctx.frames, u.i)
        if attacker is None or hurt is None or f is None or not f.speaker or min(attacker, hurt) < f.lo:
            continue  # (the attack must be told inside what the speaker says)
        if _supposed(units, min(attacker, u.i)):
            continue  # "Jika mereka berani menyerang kami, …": an attack supposed in a threat, no charge
        victims = _states(actor_keys(units, hurt, state), state)
        for sp in f.speaker:
            own = _states(side(sp, state), state)
            if outlet(sp, state) or not victims & own:
                continue
            found += [(sp, d) for d in actor_keys(units, attacker, state)
                      if d != sp and not _states({d}, state) & own and (sp, d) not in found]
    return [ctx.relation("accuses", {"accuser": a, "accused": b}) for a, b in found]


def _supposed(units: list[Unit], i: int) -> bool:
    """Whether the clause at ``i`` is a condition ("jika X menyerang …"): the conjunction opens it."""
    c = clause_left(units, i)
    return any(v.has("ConditionalConj") and not v.etype for v in units[max(0, c - 1):i])


def _hit(units: list[Unit], lo: int, hi: int) -> int | None:
    """The party an active attack verb hits: the first party within a few words after it ("menyerang posisi
    tentara Kamboja"), not one named after a preposition of place or time."""
    for k in range(lo, min(hi, lo + 4)):
        if units[k].is_actor and not units[k].paren and not units[k].prep:
            return k
        if units[k].is_verb() or units[k].etype:
            return None
    return None


def _struck(units: list[Unit], i: int) -> int | None:
    """The party a passive attack verb at ``i`` tells was hit: the nearest party before it in its clause, also one
    that only places what was hit ("dua provinsi di Kamboja telah diserang")."""
    for k in range(i - 1, clause_left(units, i) - 1, -1):
        if units[k].is_actor and not units[k].paren:
            return k
        if units[k].is_verb() and not units[k].has("FunctionWord"):
            return None
    return None


def _states(keys: Iterable[str], state: State) -> set[str]:
    """The parties and the states they stand for."""
    return set(keys) | {stands_for(k, state) for k in keys}
