"""Bare denials that no rule found an accuser for ("Ukraina telah membantah semua klaim tersebut.", "Kyiv menolak
semua tuduhan."): the denial is kept with its accuser open, with who made the last claim by then, and
:func:`kg.extract.inference.infer_accusers` gives it that claimant once every sentence is read, if no rule of
its sentence answered it ("Shoigu mengklaim … . [other sentences] Ukraina membantah semua klaim tersebut")."""

from __future__ import annotations

from kg.extract.answered import bare_object_end, denial_verb
from kg.extract.clause import actor_keys, left_subject
from kg.extract.context import SentenceContext
from kg.extract.registry import rule
from kg.types import Relation
from kg.units import STOP_PUNCT, Unit


@rule("denies", reads=("claimants",), provides=("unanswered",), triggers=("DenyCue", "RejectCue"))
def unanswered(ctx: SentenceContext) -> list[Relation]:
    """Each bare denial of the sentence, its accuser left open, with the last claimants told before it."""
    claimants = ctx.state.claimants[0]
    if not ctx.units or ctx.units[-1].text not in STOP_PUNCT:
        return []  # a heading ("Beijing Membantah") opens a section: what it answers is told below, if at all
    out = [(ctx.relation("denies", {"denier": d, "accuser": ""}), claimants)
           for d in bare_deniers(ctx.units, ctx)] if claimants else []
    if out:
        ctx.products["unanswered"] = out
    return []


def bare_deniers(units: list[Unit], ctx: SentenceContext) -> list[str]:
    """The subjects of the active denials of nothing named, or of "(semua) tuduhan/klaim (itu)" only."""
    out: list[str] = []
    for u in units:
        if not u.has("DenyCue", "RejectCue") or not denial_verb(u, units) or (k := bare_object_end(units, u)) is None or \
                k < len(units) and units[k].has("Complementizer"):
            continue  # what it denies is told ("membantah bahwa …", "membantah tuduhan AS"): the denial rules read it
        j = left_subject(units, u.i)
        if j is not None and units[j].is_actor:
            out += [d for d in actor_keys(units, j, ctx.state) if d not in out]
    return out
