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
from kg.units import skip_span


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
        out += _met(ctx, actor_keys(units, k, state), state.pair, event_modality(units, u.i, None))
    return out


@rule("meets", reads=("role_org",), triggers=("PresentAtVerb",))
def present_at_meeting(ctx: SentenceContext) -> list[Relation]:
    """(attendee, partner) where a verb of being present opens its clause, a meeting noun after it, the attendees
    after that ("Turut hadir dalam pembicaraan dengan MBS di sana antara lain Menlu A, Menkeu B dan Menhan C"): each
    met the partner the noun names, else each of the last meeting's pair, who is not of their own side."""
    units, state = ctx.units, ctx.state
    out: list[Relation] = []
    for u in units:
        if u.etype or "PresentAtVerb" not in u.cls or any(not v.has("FunctionWord") for v in units[:u.i]):
            continue
        hi = clause_right(units, u.i)
        n = skip_span(units, u.i, "PresentAtVerb") + 1  # past "dalam"
        if n >= hi or not units[n - 1].has("Preposition") or units[n].etype or units[n].cls.get("MeetCue") != NOUN:
            continue
        k = skip_span(units, n, "MeetCue")
        partners = tuple(state.pair) if len(state.pair) == 2 else ()
        if k + 1 < hi and units[k].has("ComitativePrep") and (p := past_titled(units, k + 1, hi)) < hi and \
                units[p].etype == "PER":  # "… dengan MBS": the partner the noun names
            partners, k = actor_keys(units, p, state), (units[p].group[-1] if units[p].group else p) + 1
        a = next((m for m in range(k, hi) if units[m].etype == "PER" and not units[m].paren), None)
        if a is not None and not any(v.is_verb() for v in units[k:a]):
            out += _met(ctx, actor_keys(units, a, state), partners, event_modality(units, u.i, None))
    return out


def _met(ctx: SentenceContext, attendees: tuple[str, ...], partners: tuple[str, ...], modality: str) -> list[Relation]:
    """Each attendee (a person, no partner) met each partner not of their own side."""
    state, out = ctx.state, []
    for a in attendees:
        if a in partners or state.entities.get(a) is None or state.entities[a].type != "PER":
            continue
        side = home_state(a, state)
        for b in partners:
            if side is None or home_state(b, state) != side:
                out.append(ctx.relation("meets", {"a": a, "b": b}, modality))
    return out
