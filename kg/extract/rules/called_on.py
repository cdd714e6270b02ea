"""meets(a, b) by a visit paid to a person: "Kepala Staf AL X mengunjungi Kepala Bakamla Y di Jakarta",
"Menlu A menyambangi Presiden B". A verb of visiting whose object is a person (past his titles) tells a meeting
with him, as "bertemu" would; its place is read by the visit rules."""

from __future__ import annotations

from kg.cues import ACTIVE
from kg.extract.clause import actor_keys, after_titles, left_subject
from kg.extract.context import SentenceContext
from kg.extract.elided import elided_subject
from kg.extract.encounter import remote
from kg.extract.modality import event_modality
from kg.extract.registry import rule
from kg.types import Relation
from kg.units import skip_span


@rule("meets", triggers=("VisitCue",))
def called_on(ctx: SentenceContext) -> list[Relation]:
    units, state = ctx.units, ctx.state
    out: list[Relation] = []
    for u in units:
        if u.etype or u.cls.get("VisitCue") != ACTIVE or not u.is_verb() or remote(units, u.i):
            continue
        k = after_titles(units, skip_span(units, u.i, "VisitCue"))
        if k >= len(units) or units[k].etype != "PER" or units[k].paren or k == u.i + 1 and units[k].pron:
            continue  # (not "mengunjunginya": whose "-nya" is the place told before as often as a person)
        j = left_subject(units, u.i, per_only=True)
        if j is None:
            j = elided_subject(units, u.i, per_only=True)
        if j is None:
            continue
        hosts = [p for p in actor_keys(units, k, state) if _person(p, ctx)]
        modality = event_modality(units, u.i, j)
        out += [ctx.relation("meets", {"a": a, "b": b}, modality) for a in actor_keys(units, j, state)
                if _person(a, ctx) for b in hosts if a != b]
    return out


def _person(key: str, ctx: SentenceContext) -> bool:
    e = ctx.state.entities.get(key)
    return e is not None and e.type == "PER"
