"""accuses: a counter-charge after a denial ("X membantah tudingan itu. Menurutnya, justru Y yang melanggar
kesepakatan"): the party named in the cleft after "justru" is the one the speaker says did the wrong."""

from __future__ import annotations

from kg.extract.clause import actor_keys, frame_of
from kg.extract.context import SentenceContext, State
from kg.extract.parties import outlet, side
from kg.extract.registry import rule
from kg.types import Relation
from kg.units import Unit


@rule("accuses", triggers=("CounterChargeCue",))
def counter_charge(ctx: SentenceContext) -> list[Relation]:
    """"Menurutnya, justru Washington yang mendikte Lebanon": who has denied a charge and says that it is
    rather another party who acts accuses that party (only after a denial: "justru Indonesia yang membantu"
    told by anyone else charges nobody)."""
    units, state = ctx.units, ctx.state
    found: list[tuple[str, str]] = []
    for u in units:
        if u.etype or "CounterChargeCue" not in u.cls or (k := _cleft(units, u.i)) is None:
            continue
        f = frame_of(ctx.frames, u.i)
        speakers = [sp for sp in (f.speaker if f is not None else ()) if not outlet(sp, state)]
        for sp in speakers:
            if not _denied(sp, units, u.i, state):
                continue
            found += [(sp, b) for b in actor_keys(units, k, state)
                      if b != sp and b not in side(sp, state) and (sp, b) not in found]
    return [ctx.relation("accuses", {"accuser": a, "accused": b}) for a, b in found]


def _cleft(units: list[Unit], i: int) -> int | None:
    """The party of a cleft right after the word at ``i``: "justru KKB lah yang menyerang", "justru India yang
    melakukan pelanggaran" (a party, then "yang" and a verb)."""
    k = i + 1
    if k >= len(units) or not units[k].is_actor or units[k].paren:
        return None
    end = max(units[k].group) if units[k].group else k
    n = end + 1
    while n < len(units) and not units[n].etype and units[n].has("EmphasisParticle"):
        n += 1  # "justru KKB lah yang …"
    if n + 1 < len(units) and units[n].has("Relativizer") and not units[n].etype and \
            any(v.is_verb() for v in units[n + 1:n + 3]):
        return k
    return None


def _denied(sp: str, units: list[Unit], i: int, state: State) -> bool:
    """The speaker has denied a charge: a denial of theirs the article told, or a verb of denial before ``i`` in
    this sentence."""
    own = side(sp, state)
    return any(r.type == "denies" and r.args.get("denier") in own for r in state.relations) or \
        any(v.has("DenyCue", "RejectCue", "DismissCue") and not v.etype for v in units[:i])
