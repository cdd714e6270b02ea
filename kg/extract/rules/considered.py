"""supplies told as a weapon a party weighs or seeks from a named source: "pemerintah juga mempertimbangkan jet
J-10 dari China", "delegasi militer Vietnam menjajaki sistem Barak 8 dari Israel Aerospace Industries", "Ankara
mengincar belasan Typhoon bekas dari Qatar dan Oman". The subject would buy what the source sells: a potential
supply. Only where the source is named after the weapons ("dari X", "buatan X"): weighing or seeking arms with
no source is no supply to guess a seller for (and "drone mengincar kapal" is an attack, not a purchase)."""

from __future__ import annotations

from dataclasses import replace

from kg.cues import ACTIVE
from kg.extract.clause import actor_keys, clause_right, left_subject, prep_actor
from kg.extract.context import SentenceContext
from kg.extract.lists import item_sources, weapons_after
from kg.extract.received import supplies_to_subject
from kg.extract.registry import rule
from kg.extract.sources import made_by
from kg.extract.used import list_end
from kg.types import Relation


@rule("supplies", reads=("role_org",), triggers=("ConsiderVerb",))
def considered(ctx: SentenceContext) -> list[Relation]:
    """One relation per weapon × source × subject of "X VERB W dari Y" (potential, or denied where negated)."""
    units, state = ctx.units, ctx.state
    out: list[Relation] = []
    for u in units:
        if u.etype or u.voice("ConsiderVerb") != ACTIVE:
            continue
        i, hi = u.i, clause_right(units, u.i)
        widx, wlast = weapons_after(units, i, hi, reach=4)
        if not widx or any(v.has("SupplyCue", "ReceiveCue") and not v.etype for v in units[i + 1:widx[0]]):
            continue  # ("mempertimbangkan pengiriman senjata …": the supply noun's rule reads it)
        source = prep_actor(units, wlast, hi, ("SourcePrep",), state, reach=3)[0] or made_by(units, wlast, hi, state)
        subj = left_subject(units, i)
        if not source or subj is None or not units[subj].is_actor:
            continue
        # "menimbang jet J-10 buatan China dan F-15EX dari Amerika Serikat": each item with its own source
        paired = item_sources(units, widx, list_end(units, widx, hi))
        groups: dict[tuple[str, ...], list[int]] = {}
        for k in widx:
            groups.setdefault(actor_keys(units, paired[k], state) if k in paired else source, []).append(k)
        rels = [r for src, ks in groups.items() for r in supplies_to_subject(ctx, i, subj, src, ks, 0.6)]
        out += [replace(r, modality="potential") if r.modality in ("asserted", "alleged", "planned") else r
                for r in rels]
    return out
