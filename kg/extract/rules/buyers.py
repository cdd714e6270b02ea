"""supplies told by a buyer agent noun: "Armenia tercatat sebagai salah satu pembeli terbesar alutsista India",
"Serbia menjadi pembeli utama senjata China", "Pembeli asing pertama S-400 Rusia adalah China". The supply rule
reads a purchase noun's possessor as the buyer ("impor senjata India": India imports); after the agent noun the
state that owns the weapons sold them, and the noun's subject (the one "sebagai" names, or the one after a
copula) bought them."""

from __future__ import annotations

from kg.cues import NOUN
from kg.extract.clause import actor_keys, clause_right, left_subject, prep_actor
from kg.extract.context import SentenceContext, State
from kg.extract.described import named_as
from kg.extract.lists import weapons_after
from kg.extract.received import supplies_to_subject
from kg.extract.registry import rule
from kg.extract.sources import possessor
from kg.types import Relation
from kg.units import Unit


@rule("supplies", reads=("role_org",), triggers=("ReceiveCue",))
def buyer_of(ctx: SentenceContext) -> list[Relation]:
    """One relation per weapon × seller × buyer of "X (menjadi|sebagai) pembeli W Y" (or "W dari Y")."""
    units, state = ctx.units, ctx.state
    out: list[Relation] = []
    for u in units:
        # an agent noun (peN- without -an: "pembeli"), not the event noun ("pembelian")
        if u.etype or u.voice("ReceiveCue") != NOUN or not u.low.startswith("pe") or u.low.endswith("an"):
            continue
        i, hi = u.i, clause_right(units, u.i)
        widx, wlast = weapons_after(units, i, hi, reach=4)
        if not widx:
            continue
        seller = possessor(units, wlast, state) or _past_aside(units, wlast, hi, state) or \
            prep_actor(units, wlast, hi, ("SourcePrep",), state, reach=3)[0]
        if not seller and wlast + 2 < hi and units[wlast + 1].has("Adjective") and units[wlast + 2].etype == "GPE" \
                and not units[wlast + 2].paren:
            seller = actor_keys(units, wlast + 2, state)  # "pembeli senjata terbesar Beijing": past a superlative
        subj = named_as(units, i)
        if subj is None:
            subj = left_subject(units, i)
        if subj is None:  # "Pembeli asing pertama S-400 Rusia adalah China": the buyer follows a copula
            k = next((m for m in range(wlast + 1, hi - 1) if units[m].has("Copula") and not units[m].etype), None)
            subj = k + 1 if k is not None and units[k + 1].is_actor else None
        if subj is None or not seller or not units[subj].is_actor:
            continue
        out += supplies_to_subject(ctx, i, subj, seller, widx, 0.6)
    return out


def _past_aside(units: list[Unit], wlast: int, hi: int, state: State) -> tuple[str, ...]:
    """The state right after an abbreviation in brackets that closes the weapons ("alat utama sistem senjata
    (alutsista) India"): it owns them as if no brackets stood between."""
    k = wlast + 1
    if k < hi and units[k].text == "(":
        k = next((m for m in range(k + 1, min(hi, k + 5)) if units[m].text == ")"), hi)
    if k < hi and units[k].text == ")":
        k += 1
    if k < hi and units[k].etype == "GPE" and not units[k].paren:
        return actor_keys(units, k, state)
    return ()
