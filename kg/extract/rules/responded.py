"""denies: a party answering a charge against its side ("“Rusia mematuhi kewajiban internasionalnya,” kata Duta Besar
Rusia X menanggapi tuduhan itu", "Menanggapi tudingan AS, juru bicara Y mengatakan …"): to answer an accusation made
against one's own side is to rebut it, so the one who answers denies whoever made it."""

from __future__ import annotations

from kg.cues import ACTIVE
from kg.extract.clause import actor_keys, left_subject
from kg.extract.context import SentenceContext, State
from kg.extract.negated import negated_act
from kg.extract.parties import last_accusers, side
from kg.extract.registry import rule
from kg.types import Relation
from kg.units import Unit

#: how many words may stand between the verb of answering and the noun of accusation ("menanggapi semua tuduhan")
NOUN_REACH = 3


# (``reads`` orders it after the sentence's own denials, whose accusers ``_denied_by_side`` takes up)
@rule("denies", reads=("charged", "denied_by"), triggers=("ResponseVerb",))
def responded_charge(ctx: SentenceContext) -> list[Relation]:
    units, state = ctx.units, ctx.state
    found: list[tuple[str, str]] = []
    for u in units:
        if u.etype or u.voice("ResponseVerb") != ACTIVE or negated_act(units, u.i):
            continue
        noun = next((k for k in range(u.i + 1, min(len(units), u.i + 1 + NOUN_REACH))
                     if units[k].has("AccusationNoun") and not units[k].etype
                     and not units[k].has("ReportNoun", "StatementNoun")), None)  # (answering a report is no rebuttal)
        if noun is None:
            continue
        answerer = _answerer(units, u.i)
        if answerer is None:
            continue
        for d in actor_keys(units, answerer, state):
            own = side(d, state)
            makers = _named_maker(units, noun, state) or _denied_by_side(d, state, ctx.sentence.index) or \
                last_accusers((d,), state)
            found += [(d, a) for a in makers if a != d and a not in own and d not in side(a, state)
                      and (d, a) not in found]
    return [ctx.relation("denies", {"denier": d, "accuser": a}) for d, a in found]


def _answerer(units: list[Unit], v: int) -> int | None:
    """Who answers at the verb ``v``: its subject (the person a quotation's tag names, "kata X menanggapi …"), else,
    for a fronted "Menanggapi tuduhan itu, X mengatakan …", the subject after the comma."""
    j = left_subject(units, v)
    if j is not None and j == v - 1 and units[j].is_actor and not units[j].paren:
        return j  # (right before the verb: not "Iran membantah …, menanggapi tudingan X": the denial says it already)
    if v > 1:
        return None
    comma = next((k for k in range(v + 1, len(units)) if units[k].text == ","), None)
    if comma is None or comma + 1 >= len(units):
        return None
    span = range(comma + 1, min(len(units), comma + 10))
    # (the spokesperson, not the ministry their title names: "juru bicara Kemlu Iran Nasser Kanaani")
    return next((m for m in span if units[m].etype == "PER" and not units[m].paren), None) or \
        next((m for m in span if units[m].is_actor and not units[m].paren and not units[m].title), None)


def _named_maker(units: list[Unit], noun: int, state: State) -> tuple[str, ...]:
    """The accuser named right after the accusation noun ("menanggapi tudingan AS")."""
    k = noun + 1
    return actor_keys(units, k, state) if k < len(units) and units[k].is_actor and not units[k].paren else ()


def _denied_by_side(d: str, state: State, here: int) -> list[str]:
    """Whom ``d``'s side denied in this sentence or the one before ("Baik Pyongyang maupun Kremlin membantah tudingan
    Seoul dan Washington tersebut. “…,” kata Duta Besar Rusia X menanggapi tuduhan itu": Seoul and Washington)."""
    own = side(d, state)
    return list(dict.fromkeys(str(r.args["accuser"]) for r in state.relations
                              if r.type == "denies" and here - 1 <= r.sentence <= here and r.args.get("accuser")
                              and (r.args.get("denier") in own or d in side(str(r.args.get("denier")), state))))
