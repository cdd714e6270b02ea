"""Who attacks: the parties an article's condemnations of "serangan itu" blame (product ``attackers``, read by
:mod:`kg.extract.rules.accuses`, which imports this module so that this rule runs before its own)."""

from __future__ import annotations

from kg.cues import ACTIVE, NOUN
from kg.extract.acts import doer
from kg.extract.clause import actor_keys, left_subject
from kg.extract.context import SentenceContext
from kg.extract.registry import rule
from kg.extract.sites import attack_site
from kg.types import Relation

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
        elif voice == NOUN and u.i + 1 < len(units) and units[u.i + 1].is_actor and not units[u.i + 1].paren and \
                not attack_site(units, u.i + 1):  # (not "serangan Mumbai": where it happened)
            ctx.products["attackers"] = actor_keys(units, u.i + 1, ctx.state)
        elif voice == NOUN and u.i > 0 and units[u.i - 1].is_verb() and not units[u.i - 1].has(*_ATTACK_TALK) and \
                (j := left_subject(units, u.i - 1)) is not None:
            ctx.products["attackers"] = actor_keys(units, j, ctx.state)  # "Israel melancarkan serangan udara ke …"
    return []
