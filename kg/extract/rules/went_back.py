"""visits(visitor, place) told by a return that comes with a meeting: "Camara kembali ke Moskow pada Mei dan bertemu
Menhan Rusia", "Grundberg kembali ke Muscat untuk menemui …". Going back alone may be going home; going back to a
place to meet someone there is a visit (where the place lies in a state not the person's own)."""

from __future__ import annotations

from kg.cues import ACTIVE
from kg.extract.clause import left_subject
from kg.extract.context import SentenceContext
from kg.extract.registry import rule
from kg.extract.venue import countries, visits_there
from kg.types import Relation
from kg.units import Unit

#: how many words after the place the meeting verb may stand ("… ke Moskow pada Mei 2025 dan bertemu")
_MEET_REACH = 7


@rule("visits", triggers=("ReturnVerb",))
def went_back(ctx: SentenceContext) -> list[Relation]:
    units = ctx.units
    out: list[Relation] = []
    for u in units:
        if u.etype or not u.has("ReturnVerb") or u.i + 3 >= len(units) or not units[u.i + 1].has("GoalPrep") or \
                units[u.i + 1].etype or units[u.i + 2].etype not in ("GPE", "LOC") or not _meets_there(units, u.i + 3):
            continue
        j = left_subject(units, u.i)
        if j is not None and units[j].etype == "PER":
            out += visits_there(ctx, j, u.i, countries(units, [u.i + 2]))
    return out


def _meets_there(units: list[Unit], k: int) -> bool:
    """Whether an active meeting verb follows from ``k`` in the clause, before any other place or person and before
    a subordinator (not "kembali ke Moskow setelah bertemu Rubio di Washington": met elsewhere, before going back)."""
    for v in units[k:min(len(units), k + _MEET_REACH)]:
        if v.text in (".", ";", "?", "!") or v.etype in ("GPE", "LOC", "PER") or \
                v.has("ClauseBoundary") and not v.has("PurposeConj", "Conjunction"):
            return False
        if v.voice("MeetCue") == ACTIVE:
            return True
    return False
