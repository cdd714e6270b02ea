"""A warning taken up again by a later sentence ("Peringatan itu disampaikan Perdana Menteri X"): who now
gives it, and whom the warning it takes up was for."""

from __future__ import annotations

from kg.cues import NOUN, passive_prefixed
from kg.extract.clause import actor_keys, agent_at, clause_right, prep_actor
from kg.extract.context import SentenceContext, State
from kg.extract.parties import side
from kg.resolve import gazetteer
from kg.units import Unit


def last_warned(ctx: SentenceContext) -> list[str]:
    """Those warned in the last warning told one or two sentences before ("Iran memperingatkan AS agar …. Iran
    siap membalas jika …. Peringatan itu disuarakan X"): the warning "peringatan itu" takes up."""
    for back in (1, 2):
        got = [r.args["warned"] for r in ctx.state.relations
               if r.type == "warns" and r.sentence == ctx.sentence.index - back and r.args.get("warned")]
        if got:
            return got
    return []


def told_again(units: list[Unit], state: State) -> tuple[str, ...]:
    """Who a sentence opening with a warning noun and a demonstrative gives a warning already told to
    ("Peringatan itu disampaikan Perdana Menteri X", "Ancaman tersebut dilontarkan oleh Y"), no addressee named."""
    if len(units) < 4 or not (units[0].voice("WarnCue") == NOUN or units[0].has("ThreatNoun")) \
            or not units[1].has("Demonstrative"):
        return ()
    k = 2
    while k < min(len(units), 5) and not units[k].etype and units[k].has("FunctionWord") and not units[k].is_verb():
        k += 1  # "Peringatan itu juga disampaikan …"
    if k >= len(units) or units[k].etype or not units[k].is_verb() or not passive_prefixed(units[k].low):
        return ()
    a = agent_at(units, k)
    hi = clause_right(units, k)
    while a < min(hi, k + 8) and (units[a].title if units[a].etype else units[a].has("RoleTitle", "TitleQualifier")):
        a += 1  # "disampaikan Perdana Menteri X", "… oleh Menteri Pertahanan Korea Utara X"
    if a >= hi or not units[a].is_actor or units[a].paren:
        return ()
    to, _ = prep_actor(units, a, hi, ("TargetPrep", "WarnedPrep"), state, reach=3)
    return () if to else actor_keys(units, a, state)


def set_against(units: list[Unit], at: int, hi: int, warner: tuple[str, ...], state: State,
                here: dict[str, str] | None = None) -> tuple[str, ...]:
    """The one state the sentence before named, of another side than the warner, for a
    warning verb at ``at`` whose clause names no party at all ("… pesawat Thailand menjatuhkan bom …. Phnom
    Penh memperingatkan akan memberi balasan"): whom the warning answers. None where that is not one party."""
    if any(u.etype and u.is_actor for u in units[at + 1:hi]) or len(warner) != 1 or at + 1 >= len(units) \
            or not units[at + 1].has("Complementizer", "PlannedCue"):
        return ()  # only "X memperingatkan bahwa / akan …", the warning told whole
    j = at - 1
    while j >= max(0, at - 3) and not units[j].etype and units[j].has("FunctionWord"):
        j -= 1  # "Washington berkali-kali memperingatkan", "X juga sudah memperingatkan"
    if j < 0 or not units[j].etype or units[j].pron or units[j].paren or units[j].quote is not None:
        return ()  # the warner named right before the verb, no pronoun ("Mereka memperingatkan …") or elided one
    own = {k for a in warner for k in (a, *side(a, state, here))}
    others = [k for k in state.last_states if k not in own and not any(a in side(k, state, here) for a in warner)]
    if len(others) > 1:  # "Kabul menuduh Pakistan mengebom …. Taliban memperingatkan akan membalas": one who charged
        charged = set(state.accusations)  # another of them shares the warner's grievance
        # a state the gazetteer lists, not a place in one ("Paktika", a province; "Kurram", unlisted)
        others = [k for k in others if (e := gazetteer().entries.get(k)) is not None and not (e.affiliation or e.located_in)]
        others = [k for k in others if not any((k, b) in charged for b in others if b != k)]
    return tuple(others) if len(others) == 1 else ()
