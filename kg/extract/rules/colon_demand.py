"""warns and accuses: a party's demand after a colon that someone stop arming another, the one who arms left
unnamed ("Taiwan Terima 38 Tank Abrams dari AS, China: Berhenti Persenjatai Taiwan!"): the party before the colon
warns, and charges, whoever the sentence (else the article) says arms the one named after the verb."""

from __future__ import annotations

from kg.cues import ACTIVE
from kg.extract.clause import actor_keys
from kg.extract.context import SentenceContext, State
from kg.extract.parties import side
from kg.extract.registry import rule
from kg.extract.rules.colon_denial import colon_speaker
from kg.types import Relation
from kg.units import OPEN_QUOTES


@rule("warns", reads=("supply_events",), triggers=("StopVerb",))
def colon_stop_warning(ctx: SentenceContext) -> list[Relation]:
    return [ctx.relation("warns", {"warner": a, "warned": b}) for a, b in _demands(ctx)]


@rule("accuses", reads=("supply_events",), triggers=("StopVerb",))
def colon_stop_charge(ctx: SentenceContext) -> list[Relation]:
    return [ctx.relation("accuses", {"accuser": a, "accused": b}) for a, b in _demands(ctx)]


def _demands(ctx: SentenceContext) -> list[tuple[str, str]]:
    """(speaker, supplier) for each "X: Berhenti <supply verb> Y" of the sentence."""
    units, state = ctx.units, ctx.state
    found: list[tuple[str, str]] = []
    for u in units:
        if u.etype or u.voice("StopVerb") is None or u.i < 2:
            continue
        c = u.i - 1 - (units[u.i - 1].text in OPEN_QUOTES)
        sp = c - 1
        if not colon_speaker(units, c):
            continue
        v = u.i + u.span.get("StopVerb", 1)
        if v + 1 >= len(units) or units[v].etype or units[v].voice("SupplyCue") != ACTIVE or not units[v + 1].is_actor:
            continue
        armed = actor_keys(units, v + 1, state)
        for a in actor_keys(units, sp, state):
            own = side(a, state)
            found += [(a, b) for b in _suppliers(armed, ctx.products.get("supply_events") or [], state)
                      if b != a and b not in own and a not in side(b, state) and (a, b) not in found]
    return found


def _suppliers(armed: tuple[str, ...], events: list, state: State) -> list[str]:
    """Who the sentence says supplies one of ``armed``, else who the article last said does."""
    here = [k for ev in events for k in ev.supplier if set(ev.recipient) & set(armed)]
    if here:
        return list(dict.fromkeys(here))
    for ev in reversed(state.prev_events or []):
        if set(ev.recipient) & set(armed):
            return list(ev.supplier)
    return []

