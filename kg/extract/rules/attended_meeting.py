"""meets: a meeting just told, attended by others ("Trump menerima Zelensky di Gedung Putih. Pertemuan yang
berlangsung dua jam itu turut dihadiri Wakil Presiden JD Vance dan Menteri Keuangan Scott Bessent"): each person
named as attending it met each of the pair that held it who is not of their own side (the guest, not the host
they came with)."""

from __future__ import annotations

from kg.cues import NOUN, PASSIVE
from kg.extract.clause import actor_keys, clause_left, clause_right
from kg.extract.context import SentenceContext
from kg.extract.modality import event_modality
from kg.extract.parties import home_state
from kg.extract.registry import rule
from kg.extract.titlewords import past_titled
from kg.types import Relation


@rule("meets", reads=("role_org",), triggers=("AttendedVerb",))
def attended_meeting(ctx: SentenceContext) -> list[Relation]:
    """(attendee, member of the last meeting's pair) for each passive verb of attending whose subject is a meeting
    noun that names no one of its own."""
    units, state = ctx.units, ctx.state
    if len(state.pair) != 2:
        return []
    out: list[Relation] = []
    for u in units:
        if u.etype or u.cls.get("AttendedVerb") != PASSIVE:
            continue
        lo = clause_left(units, u.i)
        if not any(v.cls.get("MeetCue") == NOUN and not v.etype for v in units[lo:u.i]) or \
                any(v.is_actor for v in units[lo:u.i]):
            continue  # ("pertemuan A dan B dihadiri C": that meeting's own parties are named)
        hi = clause_right(units, u.i)
        k = past_titled(units, u.i + 1, hi)
        if k >= hi or units[k].etype != "PER" or units[k].paren:
            continue
        modality = event_modality(units, u.i, None)
        for a in actor_keys(units, k, state):
            if a in state.pair or state.entities.get(a) is None or state.entities[a].type != "PER":
                continue
            side = home_state(a, state)
            for b in state.pair:
                if side is None or home_state(b, state) != side:
                    out.append(ctx.relation("meets", {"a": a, "b": b}, modality))
    return out
