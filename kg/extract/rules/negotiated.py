"""supplies told as talks about a weapon: "Yunani tengah berunding dengan Israel soal sistem pertahanan udara",
"Mesir bernegosiasi dengan Prancis mengenai tambahan jet Rafale".

Arms deals are reported while they are negotiated, by either side: the state the weapon is made in (kg:madeIn)
is the one that would sell it, to the other ("Prancis berunding dengan Mesir soal Rafale" sells as well as "Mesir
berunding dengan Prancis soal Rafale"); for a weapon of no known maker the subject is taken to buy, as talks are
mostly told from the buyer's side ("Yunani berunding dengan Israel soal sistem pertahanan udara"). Talks are
only a prospect, so the supply is potential (or denied, where the talks are)."""

from __future__ import annotations

from dataclasses import replace

from kg.cues import ACTIVE
from kg.extract.clause import actor_keys, clause_right, left_subject, prep_actor
from kg.extract.context import SentenceContext
from kg.extract.lists import weapons_after
from kg.extract.modality import supply_modality
from kg.extract.parties import as_state
from kg.extract.parts import weapon_keys
from kg.extract.received import supplies_to_subject
from kg.extract.registry import rule
from kg.types import Relation
from kg.units import Unit
from kg.weapons import lexicon


@rule("supplies", reads=("role_org",), triggers=("NegotiateVerb",))
def negotiated(ctx: SentenceContext) -> list[Relation]:
    """One relation per weapon × partner × subject of "X VERB dengan Y soal W"."""
    units, state = ctx.units, ctx.state
    out: list[Relation] = []
    for u in units:
        if u.etype or u.voice("NegotiateVerb") != ACTIVE:
            continue
        i, hi = u.i, clause_right(units, u.i)
        subj = left_subject(units, i)
        if subj is None or not units[subj].is_actor:
            continue
        partner, k = prep_actor(units, i, hi, ("ComitativePrep",), state, reach=2)
        if not partner or units[k - 1].text == ",":
            continue
        t = _past_name(units, units[k].group[-1] if units[k].group else k, hi)
        if t >= hi or not units[t].has("ClaimTopicPrep"):
            continue  # (talks "untuk membeli …" are the supply rule's: a purchase with a source)
        widx, _ = weapons_after(units, t, hi, reach=3)
        if not widx:
            continue
        makers = lexicon().makers(weapon_keys(units, widx, state))
        subjects = as_state(actor_keys(units, subj, state), state)
        if makers & set(subjects) and not makers & set(as_state(partner, state)):
            rels = _supplies_from_subject(ctx, i, subj, subjects, partner, widx)
        else:  # (a weapon of no known maker: the subject buys, as most talks are told by the buyer's side)
            rels = supplies_to_subject(ctx, i, subj, partner, widx, 0.6)
        out += [replace(r, modality="potential") if r.modality in ("asserted", "alleged") else r for r in rels]
    return out


def _supplies_from_subject(ctx: SentenceContext, i: int, subj: int, sellers: tuple[str, ...],
                           partner: tuple[str, ...], widx: list[int]) -> list[Relation]:
    """The subject, where the weapon is made, sells to the partner it talks with ("Prancis berunding dengan
    Mesir soal Rafale")."""
    buyers = tuple(b for b in as_state(partner, ctx.state) if b not in sellers)
    modality = supply_modality(ctx.units, i, subj, ctx.frames, ctx.state)
    weapons = weapon_keys(ctx.units, widx, ctx.state)
    if not (buyers and weapons) or modality is None:
        return []
    return [ctx.relation("supplies", {"supplier": s, "weapon": w, "recipient": b}, modality, 0.6)
            for w in weapons for s in sellers for b in buyers]


def _past_name(units: list[Unit], k: int, hi: int) -> int:
    """The unit after the partner at ``k``, past an acronym in brackets ("Israel Aerospace Industries (IAI)")."""
    t = k + 1
    if t < hi and units[t].text == "(":
        close = next((m for m in range(t + 1, min(hi, t + 5)) if units[m].text == ")"), None)
        t = close + 1 if close is not None else t
    return t
