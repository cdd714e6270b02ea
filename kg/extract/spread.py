"""A charge the speaker says another party made and calls baseless in the same breath: "Ukraina terus
menyebarkan tuduhan tak berdasar", kata X; "X mengatakan Inggris membuat klaim palsu tentang …". The noun has
no author of its own: the subject of the verb that makes or spreads it is its author, and the speaker who
dismisses it denies that author (denies.deny_rule)."""

from __future__ import annotations

from kg.cues import passive_prefixed
from kg.extract.clause import actor_keys, frame_of, left_subject, nearest_left_actor
from kg.extract.context import Frame, State
from kg.extract.parties import side
from kg.units import Unit


def spread_dismissed(units: list[Unit], frames: list[Frame], state: State) -> list[tuple[str, str]]:
    """(speaker, author) for each accusation noun right after an active verb that is neither denying nor
    saying, and right before a dismissal word ("menyebarkan tuduhan tak berdasar", "mempersiapkan klaim
    palsu"), inside reported speech or a quotation."""
    out: list[tuple[str, str]] = []
    n = len(units)
    for u in units:
        if u.etype or "AccusationNoun" not in u.cls or not 0 < u.i < n - 1:
            continue
        verb = units[u.i - 1]
        if verb.etype or not verb.is_verb() or verb.has("DenyCue", "RejectCue", "ReportCue", "AccuseCue") or \
                passive_prefixed(verb.text):
            continue  # "membantah tuduhan palsu": the denial rules' own; "dituduh": no maker named
        if not any(v.has("DismissCue") for v in units[u.i + 1:min(n, u.i + 3)]) or units[u.i + 1].is_actor:
            continue  # "tuduhan Israel palsu" has its author after the noun: quoted_dismissals
        f = frame_of(frames, u.i)
        if f is None or not f.speaker:
            continue
        j = nearest_left_actor(units, verb.i, f.lo)
        end = units[j].group[-1] + 1 if j is not None and units[j].group else (j or 0) + 1
        if j is None or any(v.is_verb() or v.text in ",;" for v in units[end:verb.i]):
            j = left_subject(units, verb.i)  # "X, yang …, menyebarkan …"; else the one right before the verb:
            j = j if j is not None and j in f else None  # "AS membantu Ukraina mempersiapkan klaim palsu" is Ukraine's
        if j is None:
            continue
        for author in actor_keys(units, j, state):
            for speaker in f.speaker:
                if author != speaker and speaker not in side(author, state) and (speaker, author) not in out:
                    out.append((speaker, author))
    return out
