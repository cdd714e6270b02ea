"""A verb joined by ", dan" after a "bahwa" clause: the speaker's own act ("Ia menyebut bahwa …, dan memperingatkan
Georgia …"), or one more verb of a series inside the reported clause ("bahwa Iran membiayai, melatih, dan
mempersenjatai Houthi"), which keeps the reported subject."""

from __future__ import annotations

from kg.units import Unit

#: cue classes of the acts a speaker does in the same breath as what he reports ("…, dan memperingatkan Y")
SPEAKER_ACTS = ("WarnCue", "ReportCue", "DemandCue", "AccuseCue")


def speaker_act_after(units: list[Unit], lo: int, k: int, i: int) -> bool:
    """Whether the verb at ``i``, after the comma and the conjunction at ``k`` that end the "bahwa" clause opening at
    ``lo``, is the speaker's: a verb of warning, saying, demanding or accusing, with no series of comma-joined verbs
    in the clause before it."""
    if units[k - 1].text != "," or units[i].etype or not units[i].has(*SPEAKER_ACTS):
        return False
    return not any(units[m].text == "," and units[m + 1].is_verb() for m in range(lo, k - 1))
