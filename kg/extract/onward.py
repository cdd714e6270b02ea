"""Arms bought for someone else: "Lituania membeli dua peluncur NASAMS untuk diserahkan ke Ukraina", "Jerman
membeli Patriot dari AS lalu menyerahkannya kepada Kyiv", "membeli senjata bagi Ukraina". The buyer supplies the
party it buys for (besides being supplied by whoever sold), and the seller is sought only before that phrase
(not "… lalu menyerahkannya kepada milisi M23": the milisi sold nothing)."""

from __future__ import annotations

from kg.cues import NOUN
from kg.extract.clause import prep_actor
from kg.extract.context import State
from kg.extract.parties import as_state, side
from kg.units import STOP_PUNCT, Unit

#: how far past the weapons the hand-over may be told ("… senilai 500 juta dolar dari AS untuk diserahkan …")
_REACH = 14


def handed_on(units: list[Unit], wlast: int, hi: int, buyer: tuple[str, ...],
              state: State) -> tuple[tuple[str, ...], int, bool]:
    """Whom a purchase whose weapons end at ``wlast`` is for, where that phrase begins (``hi`` when none),
    and whether it is told as a purpose ("untuk diserahkan": a plan). Not the buyer's own side ("membeli jet
    untuk Angkatan Udara India" of India's): its own forces are no other party."""
    end = next((m for m in range(wlast + 1, len(units)) if units[m].text in STOP_PUNCT), len(units))
    stop = min(end, wlast + 1 + _REACH)
    for k in range(wlast + 1, stop):
        u = units[k]
        if u.etype or not u.is_verb() and u.voice("SupplyCue") in (None, NOUN):
            continue
        if u.voice("SupplyCue") in (None, NOUN):
            stop = k  # another verb's phrase ("… untuk menggantikan jet lama …"): nothing handed on
            break
        lead = next((m for m in range(k - 1, max(wlast, k - 3), -1) if units[m].has("PurposeConj", "NextLegAdverb")),
                    None)
        if lead is None:
            return (), hi, False
        to, _ = prep_actor(units, k, end, ("RecipientPrep",), state, reach=3)
        return _others(to, buyer, state), lead, units[lead].has("PurposeConj")
    to, at = prep_actor(units, wlast, min(hi, stop), ("RecipientPrep",), state, reach=_REACH)
    if to and not units[at - 1].etype and units[at - 1].has("PurposeConj", "BeneficiaryPrep"):
        # "membeli senjata bagi Ukraina" (not "… untuk serangan ke Ukraina": where they are used)
        return _others(to, buyer, state), at - 1, False
    return (), hi, False


def _others(to: tuple[str, ...], buyer: tuple[str, ...], state: State) -> tuple[str, ...]:
    """``to`` less the buyer's own side (its state, bodies and forces)."""
    own = {x for b in buyer for x in side(b, state)} | set(as_state(buyer, state))
    return tuple(k for k in to if k not in own and not set(as_state((k,), state)) & own
                 and not side(k, state) & set(buyer))

