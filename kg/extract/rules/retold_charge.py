"""accuses: a charge taken up again by a later sentence, its noun pointing back ("Kyrylo Budanov melontarkan klaim
tersebut dalam wawancara …", "Menteri Pertahanan X menyuarakan tuduhan serupa", "Dinas intelijen Moldova kemudian
membenarkan tuduhan Zelensky tersebut", "Tuduhan itu dibacakan Menteri Keamanan X di televisi"): who voices,
confirms or reads out that charge makes it too, against whom the charge it takes up (one or two sentences before)
was made. A charge that names its own target after the noun ("kecaman serupa terhadap Y") is read by
kg.extract.rules.accuses."""

from __future__ import annotations

from kg.cues import passive_prefixed
from kg.extract.clause import actor_keys, after_titles, agent_at, clause_right, left_subject, prep_actor
from kg.extract.context import SentenceContext, State
from kg.extract.parties import outlet, side
from kg.extract.registry import rule
from kg.extract.rules.accusal import governed_by_denial
from kg.types import Relation
from kg.units import Unit, skip_span

#: sentences back the charge taken up may have been told in
BACK = 2


@rule("accuses", triggers=("LaunchVerb",))
def retold_charge(ctx: SentenceContext) -> list[Relation]:
    """(who takes the charge up, whom it was made against) for each verb of voicing before an accusation noun with
    a demonstrative or "serupa" after it, whose own target goes unnamed."""
    units, state = ctx.units, ctx.state
    found: list[tuple[str, str]] = []
    for u in units:
        if u.etype or "LaunchVerb" not in u.cls or governed_by_denial(units, u.i):
            continue
        hi = clause_right(units, u.i)
        if u.i + 1 < hi and units[u.i + 1].has("AccusationNoun") and not units[u.i + 1].etype:
            # "X melontarkan klaim tersebut": the voicer is the verb's subject
            if not _pointing_back(units, u.i + 1, hi, state) or (j := left_subject(units, u.i)) is None:
                continue
            makers = actor_keys(units, j, state)
        elif u.i == 2 and units[0].has("AccusationNoun") and not units[0].etype and units[1].has("Demonstrative") \
                and passive_prefixed(u.low):
            # "Tuduhan itu dibacakan Menteri Keamanan X": the passive's agent voices it
            a = after_titles(units, agent_at(units, u.i))
            while a < hi and units[a].etype and units[a].title:
                a += 1  # "Menteri Keamanan Mali, Jenderal X": past the state the title names, to the holder
            if a + 1 < hi and units[a].text == "," and units[a - 1].title:
                a = after_titles(units, a + 1)
            if a >= hi or not units[a].is_actor or units[a].paren:
                continue
            makers = actor_keys(units, a, state)
        else:
            continue
        for a in makers:
            if outlet(a, state):
                continue  # "… dilaporkan kantor berita X": who airs the charge does not make it
            found += [(a, b) for b in _last_accused(state, ctx.sentence.index)
                      if a != b and b not in side(a, state) and a not in side(b, state) and (a, b) not in found]
    return [ctx.relation("accuses", {"accuser": a, "accused": b}) for a, b in found]


def _pointing_back(units: list[Unit], n: int, hi: int, state: State) -> bool:
    """The accusation noun at ``n`` points back to a charge already told: a demonstrative or "serupa" right after
    it, or after the name of its maker ("tuduhan Zelensky tersebut"), and no target named after it."""
    k = skip_span(units, n, "AccusationNoun")
    if k < hi and units[k].is_actor and not units[k].paren:
        k = (units[k].group[-1] if units[k].group else k) + 1  # "tuduhan Zelensky tersebut"
    if k >= hi or units[k].etype or not units[k].has("Demonstrative", "AlikeAdjective"):
        return False
    to, _ = prep_actor(units, k, hi, ("TargetPrep",), state, reach=4)
    return not to


def _last_accused(state: State, here: int) -> list[str]:
    """Whom the accusations of the nearest sentence before ``here`` (``BACK`` at most) that made any were against."""
    for back in range(1, BACK + 1):
        got = [str(r.args["accused"]) for r in state.relations
               if r.type == "accuses" and r.sentence == here - back and r.args.get("accused")]
        if got:
            return list(dict.fromkeys(got))
    return []
