"""What a later denial answers: the charges told so far and who denied in a sentence (see kg.extract.answered)."""

from __future__ import annotations

from kg.cues import ACTIVE
from kg.extract.answered import denial_verb
from kg.extract.clause import actor_keys, left_subject
from kg.extract.context import SentenceContext, State
from kg.extract.negated import negated_act
from kg.extract.registry import rule
from kg.types import Relation
from kg.units import Unit


@rule("denies", provides=("charged",), triggers=("AccuseCue",))
def charged(ctx: SentenceContext) -> list[Relation]:
    """Who charged, and whom the sentence names after the charge ("New Delhi menuding serangan itu memiliki
    kaitan dengan Pakistan"): a bare "Islamabad menolak semua tudingan" a little later answers New Delhi."""
    found = charges(ctx.units, ctx.state)
    if found:
        ctx.products["charged"] = [(ctx.sentence.index, m, n) for m, n in found]
    return []


@rule("denies", provides=("denied_by",), triggers=("DenyCue", "RejectCue"))
def denied_by(ctx: SentenceContext) -> list[Relation]:
    """Who denied in this sentence: whom "Penolakan ini muncul setelah …" in the next one is about."""
    deniers = deniers_of(ctx.units, ctx.state)
    if deniers:
        ctx.products["denied_by"] = (deniers, ctx.sentence.index)
    return []


def charges(units: list[Unit], state: State) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """(makers, named) of each active verb of accusing with a subject: who charged, and every actor its
    sentence names after the verb (among them the one charged, whatever the clause made of them)."""
    out = []
    for u in units:
        if u.etype or u.voice("AccuseCue") != ACTIVE or negated_act(units, u.i):
            continue
        j = left_subject(units, u.i)
        makers = actor_keys(units, j, state) if j is not None and units[j].is_actor else ()
        named = tuple(dict.fromkeys(k for v in units[u.i + 1:] if v.is_actor and not v.paren
                                    for k in actor_keys(units, v.i, state) if k not in makers))
        if makers and named:
            out.append((makers, named))
    return out


def deniers_of(units: list[Unit], state: State) -> tuple[str, ...]:
    """The subjects of the active verbs of denying in the sentence ("UEA membantah tuduhan bahwa …")."""
    out: list[str] = []
    for u in units:
        if not denial_verb(u, units):
            continue
        if u.cls.get("DenyCue") != ACTIVE and not (u.i + 1 < len(units) and units[u.i + 1].has("AccusationNoun")):
            continue  # "menolak merinci": refusing, not denying
        j = left_subject(units, u.i)
        if j is not None and units[j].is_actor:
            out += [k for k in actor_keys(units, j, state) if k not in out]
    return tuple(out)
