"""Charges condemned: an accusing verb whose object is itself an accusation rejects it (read by the denies
and accuses rules, so it lives apart from both); and whose a charge noun is."""

from __future__ import annotations

from kg.cues import ACTIVE
from kg.units import CLOSE_QUOTES, Unit


def condemned_charge(units: list[Unit], i: int) -> bool:
    """"Lavrov mengecam tuduhan Ukraina", "Teheran mengutuk keras tudingan AS": an active accusing verb whose
    object is itself a charge (a noun of the accusing kind, not a report or statement) condemns the charge, and
    so denies it; the noun's author is the accuser, as after "menolak"."""
    if units[i].voice("AccuseCue") != ACTIVE:
        return False
    k = i + 1 + (i + 1 < len(units) and units[i + 1].has("VehementAdverb"))
    return k < len(units) and not units[k].etype and units[k].has("AccusationNoun") and units[k].has("AccuseCue")


def charge_owner(units: list[Unit], i: int, hi: int) -> int | None:
    """The actor right after the accusation noun at ``i`` that owns it, past a "keras" and quotation marks
    ("tudingan keras Sudan terhadap …", "menyampaikan "kecaman keras" Venezuela terhadap …")."""
    k = i + 1
    while k < hi and not units[k].etype and (units[k].text in CLOSE_QUOTES or units[k].has("VehementAdverb")):
        k += 1
    return k if k < hi and units[k].is_actor else None
