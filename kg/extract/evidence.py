"""Frames of evidence and findings: "X memiliki bukti bahwa …", "X menemukan bukti (kuat) bahwa …", "Laporan X
menemukan …", "Penyelidikan X mendapati …". A party that says it holds or found evidence of a thing says that
thing, as a speaker does: what follows is its claim (an accusation where it tells a wrong)."""

from __future__ import annotations

from kg.cues import ACTIVE, ANY
from kg.extract.clause import actor_keys, left_subject
from kg.extract.context import Frame, State
from kg.units import STOP_PUNCT, Unit

#: words that may stand between the noun of evidence and what it shows ("bukti kuat bahwa", "bukti yang jelas")
_REACH = 3


def evidence_frames(units: list[Unit], state: State) -> list[Frame]:
    """The frames the sentence's words of evidence open (none where no party holds or found the evidence)."""
    frames: list[Frame] = []
    n = len(units)
    for e in units:
        if e.etype or not e.cls:
            continue
        if "EvidenceNoun" in e.cls and e.i > 0 and _holding(units[e.i - 1]):
            # "X memiliki bukti bahwa …", "X menemukan bukti Iran memasok …"
            v = e.i - 1
            lo = next((k + 1 for k in range(e.i + 1, min(n, e.i + 1 + _REACH)) if units[k].has("Complementizer")
                       and not units[k].etype), None)
            if lo is None and e.i + 1 < n and units[e.i + 1].is_actor:
                lo = e.i + 1
        elif e.voice("PerceiveVerb") in (ACTIVE, ANY) and _found_by_document(units, e.i):
            v, lo = e.i, e.i + 1  # "Laporan IAEA menemukan Iran …"
            if lo < n and units[lo].has("Complementizer") and not units[lo].etype:
                lo += 1
        else:
            continue
        if lo is None or lo >= n or e.quote is not None or \
                any(w.has("NegationCue") and not w.etype for w in units[max(0, v - 2):v]):
            continue  # (not "X tidak memiliki bukti bahwa …": no claim made)
        j = left_subject(units, v, allow_object=False)
        speaker = actor_keys(units, j, state) if j is not None else ()
        if not speaker:
            continue
        hi = lo
        while hi < n and units[hi].text not in STOP_PUNCT:
            hi += 1
        frames.append(Frame(speaker, lo, hi, v))
    return frames


def _holding(v: Unit) -> bool:
    """A verb by which its subject holds or finds evidence ("memiliki", "punya", "menemukan", "mengantongi")."""
    return not v.etype and (v.voice("HoldVerb") == ACTIVE or v.voice("PerceiveVerb") in (ACTIVE, ANY) or
                            v.voice("ReceiveCue") == ACTIVE)


def _found_by_document(units: list[Unit], i: int) -> bool:
    """The subject of the finding verb at ``i`` is a report or inquiry of a party ("Laporan IAEA", "penyelidikan
    PBB"), not the party itself finding an object ("Polisi menemukan senjata")."""
    j = left_subject(units, i, allow_object=False)
    if j is None or j == 0:
        return False
    k = j - 1
    while k > 0 and not units[k].etype and units[k].has("Adjective", "FunctionWord"):
        k -= 1
    return not units[k].etype and units[k].has("AccusationNoun", "StatementNoun", "EvidenceNoun", "ReportNoun")
