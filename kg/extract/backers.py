"""Backing told by a source: "Menurut panel, pasukan Haftar mendapat sokongan dari UEA dan Mesir", "kelompok itu
disokong Rabat", "X menuduh Rwanda menyokong serangan M23". Whoever a speaker says backs a party that is no
state (an armed group, a militia, its commander) is charged by the speaker with that backing; backing a state
("AS mendukung Ukraina") is ordinary diplomacy and charges no one."""

from __future__ import annotations

from collections.abc import Iterator

from kg.cues import ACTIVE, NOUN, PASSIVE
from kg.extract.clause import actor_keys, agent_at, clause_right, frame_of, left_subject, prep_actor, prev_unit
from kg.extract.context import Frame, State
from kg.extract.described import past_armed_group
from kg.extract.parties import body_state, side
from kg.units import Unit, skip_span


def told_backing(units: list[Unit], frames: list[Frame], state: State
                 ) -> Iterator[tuple[tuple[str, ...], tuple[str, ...]]]:
    """(speakers, backers) for each backing of a party that is no state, told inside a speaker's frame."""
    for u in units:
        voice = None if u.etype or not u.cls else u.cls.get("SupportVerb")
        funds = voice is None and not u.etype and u.voice("FundsVerb") == ACTIVE and _moves_money(units, u.i)
        if voice is None and not funds:
            continue
        f = frame_of(frames, u.i)
        if f is None or not f.speaker or any(v.has("NegationCue") for v in units[max(f.lo, u.i - 2):u.i]):
            continue  # (not "tidak didukung bukti")
        hi = clause_right(units, u.i)
        backer: tuple[str, ...] = ()
        backed: int | None = None
        if funds:  # "memindahkan puluhan juta dolar dari Iran kepada Hizbullah": funding the party it goes to
            got, k = prep_actor(units, u.i, hi, ("RecipientPrep",), state, reach=8)
            j = left_subject(units, u.i)
            if got and j is not None and units[k].is_actor and not units[k].paren:
                backer, backed = actor_keys(units, j, state), k
        elif voice == PASSIVE:  # "pasukan GNA disokong Turki dan Qatar"
            a = agent_at(units, u.i)
            if a < hi and units[a].is_actor and not units[a].paren:
                backer = actor_keys(units, a, state)
                backed = left_subject(units, u.i)
        elif voice == ACTIVE:  # "Rwanda ikut menyokong serangan M23", "upaya Abu Dhabi menyokong Dagalo"
            k = past_armed_group(units, skip_span(units, u.i, "SupportVerb"), hi)  # "… kelompok teror TTP"
            if k < hi and units[k].voice("AttackCue") == NOUN and not units[k].etype:
                k += 1  # the attacks of whom it backs
            j = left_subject(units, u.i)
            if j is None and f.verb is not None and units[f.lo].is_actor and \
                    not any(v.is_verb() for v in units[f.lo + 1:u.i]):
                j = f.lo  # "UE menilai Rwanda ikut menyokong …": the reported clause's subject, past an adverb
            if k < hi and units[k].is_actor and not units[k].paren and j is not None:
                backer, backed = actor_keys(units, j, state), k
        elif voice == NOUN and (v := prev_unit(units, u.i)) is not None and v.has("ReceiveCue") and not v.etype:
            # "… mendapat sokongan dari UEA, Yordania, Rusia"
            backer, _ = prep_actor(units, u.i, hi, ("SourcePrep",), state, reach=2)
            if not backer and u.i + 1 < hi and units[u.i + 1].is_actor and not units[u.i + 1].paren:
                backer = actor_keys(units, u.i + 1, state)  # "… mendapat sokongan Taliban": whose backing it is
            backed = left_subject(units, v.i)
        if not backer or backed is None or units[backed].etype not in ("ORG", "PER") or units[backed].pron == "1":
            continue
        if units[backed].etype == "ORG" and any(body_state(k, state) for k in actor_keys(units, backed, state)):
            continue  # "AS membantu militer Filipina": a state's own forces are a state
        own = {k for sp in f.speaker for k in side(sp, state)}
        if own & set(actor_keys(units, backed, state)):
            continue  # "India dan China membantu kami": whoever helps the speaker's side is not charged
        yield f.speaker, tuple(b for b in backer if b not in actor_keys(units, backed, state))


def _moves_money(units: list[Unit], i: int) -> bool:
    """Whether money is what the verb at ``i`` moves: a money word or currency within its next few units."""
    return any(v.has("MoneyNoun", "CurrencyWord") and not v.etype for v in units[i + 1:i + 5])


def backed_by(units: list[Unit], k: int, o: int) -> bool:
    """The actor at ``o`` is the agent of a passive verb of backing that opens a relative clause between ``k`` and
    ``o`` ("menuding kelompok militan yang disokong Pakistan sebagai dalang serangan"): a charge against the group
    the speaker leaves unnamed is one against its backer."""
    return any(v.has("Relativizer") and not v.etype and units[v.i + 1].voice("SupportVerb") == PASSIVE and
               agent_at(units, v.i + 1) == o for v in units[k:o - 1])
