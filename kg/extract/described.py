"""Who a noun phrase describes: the actor "sebagai" gives a role to ("menyebut Serbia sebagai pemasok …"),
and the actor behind a group or regime noun ("milisi Houthi", "junta Myanmar")."""

from __future__ import annotations

from kg.units import Unit


def named_as(units: list[Unit], i: int) -> int | None:
    """The actor that "sebagai" gives the agent noun at ``i`` to ("menyebut Serbia sebagai (salah satu)
    pemasok senjata", "menuding Iran sebagai pemasok …"): the one named supplies, not who names it."""
    k = i - 1
    while k > 0 and i - k <= 4 and not units[k].etype and not units[k].has("ServeVerb") and \
            (units[k].has("NumberWord", "SourcePrep") or not units[k].cls):
        k -= 1  # "salah satu (dari tiga)"
    if k > 0 and units[k].has("ServeVerb") and units[k].has("Preposition") and units[k - 1].is_actor \
            and not units[k - 1].paren:
        return k - 1
    return None


def past_group_noun(units: list[Unit], k: int, hi: int) -> int:
    """Index of the actor a bare group or regime noun introduces ("milisi Houthi", "junta Myanmar"), else k."""
    if k + 1 < hi and not units[k].etype and units[k].has("GroupNoun", "RegimeNoun") and units[k + 1].is_actor:
        return k + 1
    return k


def named_as_relative(units: list[Unit], i: int) -> int | None:
    """The actor named as the noun a relative clause hangs on, for the verb at ``i`` ("menyebut Serbia
    sebagai salah satu dari tiga negara yang memasok senjata"): Serbia supplies."""
    if i < 3 or not units[i - 1].has("Relativizer"):
        return None
    h = units[i - 2]
    if h.etype or h.cls and not h.has("StateNoun") or not h.text.isalpha():
        return None
    return named_as(units, i - 2)
