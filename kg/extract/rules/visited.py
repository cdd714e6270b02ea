"""visits told in the passive ("Nikaragua terakhir kali dikunjungi presiden Iran Mahmoud Ahmadinejad pada 2007",
"Kuba disambangi oleh Raisi", "Turki merupakan negara pertama yang dikunjungi Muizzu": the person after the verb,
with or without "oleh", visits the place before it or the subject of the copula), or with
the visitor named after a copula ("Presiden Iran terakhir yang menyambangi Kuba adalah Hassan Rouhani"); a city
counts as its country."""

from __future__ import annotations

from kg.cues import ACTIVE, NOUN, PASSIVE
from kg.extract.clause import actor_keys, after_titles, clause_right, left_subject
from kg.extract.context import SentenceContext
from kg.extract.modality import event_modality
from kg.extract.predicated import predicate_subject
from kg.extract.registry import rule
from kg.extract.rules.visits import abroad
from kg.extract.venue import countries
from kg.resolve import gazetteer
from kg.types import Relation
from kg.units import STOP_PUNCT


@rule("visits", triggers=("VisitCue",))
def visited(ctx: SentenceContext) -> list[Relation]:
    """One relation per visitor × country of each passive visit verb whose place and visitor are named."""
    units = ctx.units
    out: list[Relation] = []
    for u in units:
        if u.etype or u.cls.get("VisitCue") != PASSIVE:
            continue
        hi = clause_right(units, u.i)
        j = u.i + 1 + (u.i + 1 < hi and units[u.i + 1].has("AgentPrep") and not units[u.i + 1].etype)
        j = after_titles(units, j, hi) if j < hi else j  # "dikunjungi presiden Iran Mahmoud Ahmadinejad"
        p = left_subject(units, u.i)
        p = predicate_subject(units, u.i) if p is None else p  # "Turki merupakan negara pertama yang dikunjungi X"
        if j >= hi or units[j].etype != "PER" or units[j].paren or p is None or units[p].etype not in ("GPE", "LOC"):
            continue
        out += _visits(ctx, u.i, j, [p])
    return out


@rule("visits", triggers=("VisitCue",))
def visitor_named_after(ctx: SentenceContext) -> list[Relation]:
    """"Presiden Iran terakhir yang menyambangi Kuba dan Venezuela adalah Hassan Rouhani": a description whose
    relative clause visits, then a copula and the person it is: that person visits the places before the copula."""
    units = ctx.units
    out: list[Relation] = []
    for u in units:
        if u.etype or u.cls.get("VisitCue") != ACTIVE or u.i == 0 or not units[u.i - 1].has("Relativizer"):
            continue
        cop = next((k for k in range(u.i + 1, len(units)) if units[k].has("Copula") and not units[k].etype
                    or units[k].text in STOP_PUNCT), None)
        if cop is None or units[cop].text in STOP_PUNCT or cop + 1 >= len(units):
            continue
        j = after_titles(units, cop + 1, len(units))
        places = [k for k in range(u.i + 1, cop) if units[k].etype in ("GPE", "LOC") and not units[k].paren]
        if j >= len(units) or units[j].etype != "PER" or units[j].paren or not places:
            continue
        out += _visits(ctx, u.i, j, places)
    return out


def _visits(ctx: SentenceContext, verb: int, visitor: int, places: list[int]) -> list[Relation]:
    """One relation per person at ``visitor`` × country of the ``places`` they are abroad in."""
    units, state, gaz = ctx.units, ctx.state, gazetteer()
    modality = event_modality(units, verb, visitor)
    return [ctx.relation("visits", {"visitor": v, "place": place}, modality)
            for place in countries(units, places) for v in actor_keys(units, visitor, state) if abroad(v, place, state, gaz)]


@rule("visits", triggers=("DestinationNoun",))
def destination(ctx: SentenceContext) -> list[Relation]:
    """"Nawrocki memilih Washington sebagai tujuan lawatan pertamanya", "Tokyo menjadi tujuan kunjungan pertama
    Albanese": a place named the destination of a visit noun is visited by the person the visit is of (named after
    the visit noun) or by the subject of the verb that chose it."""
    units = ctx.units
    out: list[Relation] = []
    for u in units:
        if u.etype or not u.has("DestinationNoun") or u.i + 1 >= len(units) or \
                units[u.i + 1].cls.get("VisitCue") != NOUN or units[u.i + 1].etype:
            continue
        k = u.i - 1
        while k >= 0 and not units[k].etype and units[k].has("AsPrep", "Copula", "BecomeVerb", "FunctionWord"):
            k -= 1  # back past "sebagai", "menjadi", "adalah"
        if k < 0 or units[k].etype not in ("GPE", "LOC") or units[k].paren or k == u.i - 1:
            continue
        hi = clause_right(units, u.i)
        after = next((j for j in range(u.i + 2, min(hi, u.i + 5)) if units[j].etype == "PER"), None)
        verb = next((j for j in range(k - 1, max(-1, k - 3), -1) if units[j].is_verb() and not units[j].etype), None)
        visitor = after if after is not None else left_subject(units, verb, per_only=True) if verb is not None else None
        if visitor is None or units[visitor].etype != "PER" or units[visitor].paren:
            continue
        out += _visits(ctx, u.i + 1, visitor, [k])
    return out
