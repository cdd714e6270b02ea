"""Who a possessive body in the content of a denied charge belongs to: "Tuggar menepis tudingan Trump yang menyebut
pemerintahannya membiarkan …", "… menolak tuduhan X bahwa negaranya …". The charge's author does not accuse his
own government; the denier's is meant (the nearest person, the author, is the wrong antecedent)."""

from __future__ import annotations

from kg.cues import ACTIVE
from kg.extract.clause import left_subject
from kg.units import STOP_PUNCT, Unit

#: how far back from the possessive the charge noun may stand ("tudingan Presiden AS Donald Trump yang menyebut …")
REACH = 12


def denier_of_content(units: list[Unit], i: int) -> int | None:
    """The subject of the denial verb whose charge noun's content ("yang menyebut …", "bahwa …") holds unit ``i``,
    else None."""
    for a in range(i - 1, max(-1, i - REACH), -1):
        v = units[a]
        if v.text in STOP_PUNCT:
            return None
        if v.etype or not v.has("AccusationNoun"):
            continue
        d = next((w.i for w in units[max(0, a - 3):a]
                  if not w.etype and ACTIVE in (w.cls.get("DenyCue"), w.cls.get("RejectCue"))), None)
        if d is None or not any(not w.etype and w.has("Complementizer", "Relativizer") for w in units[a + 1:i]):
            return None
        return left_subject(units, d)
    return None
