"""warns: a vow to take measures ("China akan mengambil tindakan yang diperlukan terhadap AS", "… tidak akan ragu
untuk mengambil tindakan lebih lanjut", "kami siap mengambil langkah apa pun") threatens the party the measures
answer: the one named after a preposition of target, else the one the same speaker (or his side) warned or accused
in this or the two sentences before. The warner is the speaker of the vow, else its subject."""

from __future__ import annotations

from kg.cues import word_is
from kg.extract.clause import actor_keys, clause_right, frame_of, group_prep, left_subject
from kg.extract.context import SentenceContext, State
from kg.extract.parties import outlet, side
from kg.extract.registry import rule
from kg.schema import RELATIONS
from kg.types import Relation
from kg.units import Unit, skip_span

_BACK = 2  # sentences before the vow whose warnings and accusations it may answer


@rule("warns", reads=("role_org",), triggers=("MeasureVow",))
def vowed_measure(ctx: SentenceContext) -> list[Relation]:
    """(vower, party warned) for each measure vowed: a vow names no warning verb, so the one it threatens is the
    party its clause aims at, else the one the vower's side has just warned or charged (see module)."""
    units, state = ctx.units, ctx.state
    here = dict(ctx.products.get("role_org") or [])
    found: list[tuple[str, str]] = []
    for u in units:
        if u.etype or "MeasureVow" not in u.cls or not _vowed(units, u.i):
            continue
        f = frame_of(ctx.frames, u.i)
        if f is not None and f.speaker:
            warners = tuple(f.speaker)
        else:
            j = left_subject(units, u.i)
            warners = actor_keys(units, j, state) if j is not None else ()
        if not warners:
            continue
        hi = clause_right(units, u.i)
        o = _target(units, skip_span(units, u.i, "MeasureVow"), hi)
        warned = list(actor_keys(units, o, state)) if o is not None else _answered(state, ctx.sentence.index, warners, here)
        for a in warners:
            if outlet(a, state):
                continue
            own = side(a, state, here)
            found += [(a, b) for b in warned if a != b and b not in own and a not in side(b, state, here)
                      and not outlet(b, state) and (a, b) not in found]
    return [ctx.relation("warns", {"warner": a, "warned": b}) for a, b in found]


def _vowed(units: list[Unit], i: int) -> bool:
    """Whether a word of intent or readiness ("akan", "siap") stands just before the measure at ``i`` in its
    clause (past adverbs and "untuk": "tidak akan ragu untuk mengambil …"), and no negation right before it
    ("tidak akan mengambil langkah"): measures vowed, not taken ("telah mengambil tindakan") nor asked of
    another ("mendesak DK PBB mengambil langkah")."""
    if i > 0 and units[i - 1].has("NegationCue") or i > 1 and units[i - 2].has("NegationCue") and \
            units[i - 1].has("PlannedCue"):
        return False
    for k in range(i - 1, max(-1, i - 6), -1):
        v = units[k]
        if v.etype or v.text in (",", ";", ":") or v.has("DemandCue", "PersuadeCue", "Relativizer"):
            return False
        if v.has("PlannedCue", "ReadyCue"):
            return True
    return False


def _target(units: list[Unit], lo: int, hi: int) -> int | None:
    """The first party after a preposition of target in the clause of the measure ("tindakan yang perlu terhadap
    AS"); none where the clause names none (not the owner in "untuk menjaga wilayah kami")."""
    for j in range(lo, hi):
        v = units[j]
        if v.is_actor and not v.paren and not v.title and (p := group_prep(units, j)) and word_is(p, "TargetPrep"):
            return j
    return None


def _answered(state: State, index: int, warners: tuple[str, ...], here: dict[str, str]) -> list[str]:
    """Whom the warner, or one of his side, warned or else accused in this sentence or the ``_BACK`` before."""
    mine = set(warners) | {s for a in warners for s in side(a, state, here)}
    recent = [r for r in state.relations if index - _BACK <= r.sentence <= index]
    for rtype in ("warns", "accuses"):
        by, whom = RELATIONS[rtype].subject, RELATIONS[rtype].object
        got = [r.args[whom] for r in reversed(recent) if r.type == rtype and r.args.get(by) in mine and r.args.get(whom)]
        if got:
            return list(dict.fromkeys(got))
    return []
