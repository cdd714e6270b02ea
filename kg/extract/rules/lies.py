"""denies: a denial told as a charge of lying.

A speaker who says a party spreads lies about their side rejects that party's claim, though no verb of denying
names it: "Hamas membantah … dan menuduh otoritas Israel menyebarkan kebohongan", "“Hanya mesin propaganda
Azerbaijan yang menyebarkan informasi palsu tersebut,” ujar Stepanyan", "“Kebohongan lain dari Federasi Rusia,” kata
Zelensky", "kabar tersebut adalah kabar palsu dan disebarkan oleh Armenia". The liar is the subject of the verb of
spreading before the lie noun, else the party after it ("dari/oleh X", "… dan disebarkan oleh X").

Only as an answer: where the speaker's side denies in this sentence or did a few sentences back, or the liar
charged that side before. A charge of lying out of the blue ("media China menuduh Filipina menyebarkan informasi
palsu") answers no claim; it is an accusation only (kg.extract.rules.accuses).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from kg.cues import ACTIVE, PASSIVE
from kg.extract.clause import actor_keys, agent_at, frame_of, left_subject, nearest_left_actor
from kg.extract.context import Frame, SentenceContext, State
from kg.extract.negated import negated_act
from kg.extract.parties import outlet, party, side
from kg.extract.registry import rule
from kg.extract.rules.answered import deniers_of
from kg.types import Relation
from kg.units import Unit

#: how many sentences back the speaker's side may have denied for the charge of lying to go on with it
REACH = 3


@rule("denies", reads=("accusations", "charged", "denied_by"), triggers=("LieNoun",))
def lie_charges(ctx: SentenceContext) -> list[Relation]:
    """(speaker, liar) for each lie noun whose liar is named and whose speaker answers a charge (see module)."""
    units, state, here = ctx.units, ctx.state, ctx.sentence.index
    found: list[tuple[str, str]] = []
    for sp, own, liars in lie_tellers(units, ctx.frames, state):
        if _answers(own, liars, units, state, here):
            found += [(sp, a) for a in liars if a not in own and sp not in side(a, state) and (sp, a) not in found]
    return [ctx.relation("denies", {"denier": d, "accuser": a}) for d, a in found]


def lie_tellers(units: list[Unit], frames: list[Frame], state: State,
                owner: Callable[[list[Unit], int, State], tuple[str, ...]] | None = None
                ) -> Iterator[tuple[str, set[str], tuple[str, ...]]]:
    """(speaker, the speaker with his side, liars) for each lie noun whose liar (``liars_of``, else ``owner``) and
    speaker are named: one reading of who lies and who says so for the denial here and the accusation of
    kg.extract.rules.liars, which differ only in whether the charge must answer a claim."""
    for u in units:
        if u.etype or "LieNoun" not in u.cls:
            continue
        liars = liars_of(units, u.i, state) or (owner(units, u.i, state) if owner is not None else ())
        if not liars:
            continue
        for sp in speakers_of(units, frames, u.i, state):
            yield sp, side(sp, state) | {sp}, liars


def liars_of(units: list[Unit], i: int, state: State) -> tuple[str, ...]:
    """Who spreads the lie noun at ``i``: the subject of an active verb of spreading right before it ("otoritas
    Israel menyebarkan kebohongan"), else the party right after it, past "lain", "itu", "tersebut": after "dari" or
    "oleh", or the agent of a passive verb of spreading ("kabar palsu dan disebarkan oleh Armenia")."""
    n = len(units)
    v = units[i - 1] if i > 0 else None
    if v is not None and not v.etype and v.voice("SpreadVerb") == ACTIVE:
        if negated_act(units, v.i):
            return ()  # "tidak pernah menyebarkan kebohongan"
        j = nearest_left_actor(units, v.i, 0)
        j = left_subject(units, v.i) if j is None else j
        return actor_keys(units, j, state) if j is not None and units[j].is_actor else ()
    k = i + units[i].span.get("LieNoun", 1)
    while k < n and not units[k].etype and units[k].has("FunctionWord", "Demonstrative") and \
            not units[k].has("SourcePrep", "AgentPrep", "Relativizer", "Conjunction") and not units[k].is_verb():
        k += 1
    if k < n and not units[k].etype and units[k].has("Relativizer", "Conjunction"):
        k += 1  # "kabar palsu yang disebarkan …", "… dan disebarkan oleh Armenia"
        if k < n and not units[k].etype and units[k].voice("SpreadVerb") == PASSIVE:
            a = agent_at(units, k)
            return actor_keys(units, a, state) if a < n and units[a].is_actor and not units[a].paren else ()
        return ()
    if k + 1 < n and not units[k].etype and units[k].has("SourcePrep", "AgentPrep") and units[k + 1].is_actor \
            and not units[k + 1].paren:
        return actor_keys(units, k + 1, state)  # "kebohongan lain dari Federasi Rusia"
    return ()


def speakers_of(units: list[Unit], frames: list[Frame], i: int, state: State) -> list[str]:
    """Who tells the lie noun at ``i``: the speaker of its quotation or reported speech, else the subject of an
    active verb of accusing before it, or the sentence's denier where that verb shares its subject ("Hamas membantah
    … dan menuduh otoritas Israel menyebarkan kebohongan"). Not an outlet."""
    f = frame_of(frames, i)
    speakers: tuple[str, ...] = f.speaker if f is not None else ()
    if not speakers:
        v = next((v for v in reversed(units[:i]) if not v.etype and v.voice("AccuseCue") == ACTIVE), None)
        if v is not None and not negated_act(units, v.i):
            j = left_subject(units, v.i)  # else the one who denies and charges: "X membantah … dan menuduh Y …"
            speakers = actor_keys(units, j, state) if j is not None and units[j].is_actor else deniers_of(units, state)
    return [sp for sp in speakers if not outlet(sp, state)]


def _answers(own: set[str], liars: tuple[str, ...], units: list[Unit], state: State, here: int) -> bool:
    """Whether a charge of lying by the side ``own`` answers a claim: that side denies in this sentence, or did
    ``REACH`` sentences back at most, or one of ``liars`` charged that side before."""
    if own.intersection(deniers_of(units, state)):
        return True
    deniers, at = state.denied_by
    if 0 < here - at <= REACH and own.intersection(deniers):
        return True
    if any(r.type == "denies" and 0 < here - r.sentence <= REACH and r.args.get("denier") in own
           for r in state.relations):
        return True
    if any(b in own and (a in liars or party(a, state) in liars) for a, b in state.accusations):
        return True
    return any(set(makers).intersection(liars) and own.intersection(named) for _, makers, named in state.charged)
