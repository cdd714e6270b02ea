"""supplies told with the recipient as the subject of a passive giving verb: "Ukraina dijanjikan 30 tank
oleh Jerman", "Indonesia ditawari hibah pesawat tempur dari Yordania", "Taiwan diberi rudal oleh AS".

The supply rule reads a passive supply verb as having its weapons before it ("rudal yang dipasok oleh X");
here the weapons follow the verb and the clause's subject is the one who gets them."""

from __future__ import annotations

from kg.cues import PASSIVE
from kg.extract.clause import actor_keys, clause_right, left_subject, prep_actor
from kg.extract.context import SentenceContext
from kg.extract.lists import weapons_after
from kg.extract.received import supplies_to_subject
from kg.extract.registry import rule
from kg.types import Relation


@rule("supplies", reads=("role_org",), triggers=("SupplyCue",))
def offered_to(ctx: SentenceContext) -> list[Relation]:
    """One relation per weapon × giver × subject of "X di-VERB W oleh/dari Y" (or "X dijanjikan Y W")."""
    units, state = ctx.units, ctx.state
    out: list[Relation] = []
    for u in units:
        if u.etype or u.voice("SupplyCue") != PASSIVE or "GiftIdiom" in u.cls:
            continue  # (not "diberi sinyal …", "diberikan penjelasan …": no goods handed over)
        i, hi = u.i, clause_right(units, u.i)
        subj = left_subject(units, i, allow_object=False)
        if subj is None or not units[subj].is_actor or \
                any(v.is_weapon or v.has("Relativizer") for v in units[subj + 1:i]):
            continue  # (not "rudal yang dipasok oleh X": weapons told before the verb are the supply rule's)
        giver: tuple[str, ...] = ()
        start = i
        if i + 1 < hi and units[i + 1].is_actor and not units[i + 1].paren:
            giver, start = actor_keys(units, i + 1, state), i + 1  # "dijanjikan Jerman 30 tank"
        widx, wlast = weapons_after(units, start, hi)
        if not widx:
            continue
        if not giver:
            giver = prep_actor(units, wlast, hi, ("AgentPrep", "SourcePrep"), state, reach=4)[0]
        out += supplies_to_subject(ctx, i, subj, giver, widx, 0.7)
    return out
