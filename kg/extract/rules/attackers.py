"""Who attacks: the parties an article's condemnations of "serangan itu" blame (product ``attackers``, read by
:mod:`kg.extract.rules.accuses`, which imports this module so that this rule runs before its own)."""

from __future__ import annotations

from kg.cues import ACTIVE, NOUN
from kg.extract.acts import doer
from kg.extract.clause import actor_keys, left_subject
from kg.extract.context import SentenceContext, State
from kg.extract.parties import home_state
from kg.extract.registry import rule
from kg.extract.sites import attack_site
from kg.types import Relation
from kg.units import Unit

#: verbs before an attack noun whose subject did not attack: who condemns, reports or denies it
_ATTACK_TALK = ("AccuseCue", "ReportCue", "DenyCue", "RejectCue", "QuoteVerb", "BeliefCue")


@rule("accuses", provides=("attackers",), triggers=("AttackCue",))
def attacks(ctx: SentenceContext) -> list[Relation]:
    """Who attacks ("Israel menggempur Doha", "serangan Israel ke …"): the article's condemnations of "serangan
    itu" blame them. Finds no relation itself."""
    units = ctx.units
    for u in units:
        voice = None if u.etype else u.cls.get("AttackCue")
        if voice == ACTIVE and (j := doer(units, u.i)) is not None:
            ctx.products["attackers"] = actor_keys(units, j, ctx.state)
        elif voice == NOUN and (k := _past_kind(units, u.i + 1)) < len(units) and units[k].is_actor and \
                not units[k].paren and not attack_site(units, k):  # (not "serangan Mumbai": where it happened)
            ctx.products["attackers"] = actor_keys(units, k, ctx.state)  # "serangan (udara) Israel ke Doha"
        elif voice == NOUN and u.i > 0 and units[u.i - 1].is_verb() and not units[u.i - 1].has(*_ATTACK_TALK) and \
                (j := left_subject(units, u.i - 1)) is not None:
            ctx.products["attackers"] = actor_keys(units, j, ctx.state)  # "Israel melancarkan serangan udara ke …"
    if _leaders_of(ctx.products.get("attackers", ()), ctx.state):
        # "Israel menggempur Doha. Netanyahu mengaku memerintahkan serangan tersebut": the leader who ordered it
        # speaks for the state that made it; a later "Qatar mengutuk serangan itu" still blames Israel
        ctx.products["attackers"] = ctx.state.attackers
    return []


def _past_kind(units: list[Unit], k: int) -> int:
    """Past up to two words that tell an attack's kind or means after its noun ("serangan udara", "serangan rudal
    balistik", "serangan drone"): no preposition, verb or name, which would end the noun phrase."""
    for _ in range(2):
        v = units[k] if k < len(units) else None
        if v is None or v.is_actor or v.is_verb() or v.has("Preposition", "Conjunction", "ClauseBoundary") or \
                not (v.is_weapon or not v.etype and v.text.replace("-", "").isalpha() and v.text.islower()):
            break
        k += 1
    return k


def _leaders_of(doers: tuple[str, ...], state: State) -> bool:
    """Whether ``doers`` are persons, each of a state or body the article already told attacked."""
    return bool(doers) and bool(state.attackers) and all(
        k in state.entities and state.entities[k].type == "PER" and home_state(k, state) in state.attackers
        for k in doers)
