"""meets(a, b) by a visit paid to a person: "Kepala Staf AL X mengunjungi Kepala Bakamla Y di Jakarta",
"Menlu A menyambangi Presiden B", "keduanya melakukan kunjungan kehormatan kepada Presiden C". A verb of visiting
whose object is a person (past his titles), or a visit paid to one ("kepada"), tells a meeting with him, as
"bertemu" would; its place is read by the visit rules."""

from __future__ import annotations

from kg.cues import ACTIVE, NOUN
from kg.extract.clause import actor_keys, after_titles, fronted_subject, left_subject
from kg.extract.context import SentenceContext
from kg.extract.elided import elided_subject
from kg.extract.encounter import addressed, remote
from kg.extract.modality import event_modality, noun_modality
from kg.extract.registry import rule
from kg.types import Relation
from kg.units import skip_span


@rule("meets", triggers=("VisitCue",))
def called_on(ctx: SentenceContext) -> list[Relation]:
    units, state = ctx.units, ctx.state
    out: list[Relation] = []
    for u in units:
        voice = u.cls.get("VisitCue")
        if u.etype or voice not in (ACTIVE, NOUN) or remote(units, u.i):
            continue
        after = skip_span(units, u.i, "VisitCue")
        to = addressed(units, after)
        if voice == NOUN or not u.is_verb():
            if to is None:
                continue  # (a trip noun names its traveller after it: "kunjungan Presiden X ke …")
        elif to is None:
            to = after
        k = after_titles(units, to)
        if k >= len(units) or units[k].etype != "PER" or units[k].paren or k == u.i + 1 and units[k].pron:
            continue  # (not "mengunjunginya": whose "-nya" is the place told before as often as a person)
        j = left_subject(units, u.i, per_only=True)
        if j is None:
            j = elided_subject(units, u.i, per_only=True)
        if j is None and voice == NOUN:  # "Dalam kunjungan kehormatan kepada Raja X, Menlu Y menyampaikan …"
            j = fronted_subject(units, u.i, per_only=True)
        if j is None:
            continue
        hosts = [p for p in actor_keys(units, k, state) if _person(p, ctx)]
        modality = noun_modality(units, u.i) if voice == NOUN else event_modality(units, u.i, j)
        out += [ctx.relation("meets", {"a": a, "b": b}, modality) for a in actor_keys(units, j, state)
                if _person(a, ctx) for b in hosts if a != b]
    return out


def _person(key: str, ctx: SentenceContext) -> bool:
    e = ctx.state.entities.get(key)
    return e is not None and e.type == "PER"
