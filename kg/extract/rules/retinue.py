"""visits(visitor, place) by the members of a visitor's party, told after the visit: "Turut mendampingi
Presiden dalam kunjungan ini Menlu A dan Menhan B", "A dan B turut mendampingi", "Dalam rombongan itu ikut A
dan B", "Ikut dalam delegasi (lawatan) itu A", "Delegasi itu terdiri dari A dan B", "Ia mengajak serta A dan B"; and who
leads and follows a party whose visit a relative clause tells ("Delegasi yang berkunjung ke X … dipimpin A dan
turut diikuti B"). Whoever travels with a visitor goes where the visitor went. (The passive "Ia didampingi A" is
read with the visit by :func:`kg.extract.rules.visits.entourage`.)"""

from __future__ import annotations

from kg.cues import ACTIVE, PASSIVE
from kg.extract.clause import actor_keys, after_titles, left_subject, prep_is
from kg.extract.context import SentenceContext
from kg.extract.modality import event_modality
from kg.extract.parties import home_state
from kg.extract.registry import rule
from kg.extract.rules.visits import visit_named
from kg.extract.venue import countries
from kg.types import Relation
from kg.units import Unit, skip_span

#: how many sentences back the visit may have been told
_REACH = 2
#: a party listed by its make-up ("Delegasi Rusia tersebut mencakup A, B") may follow a paragraph on the arrival
_LIST_REACH = 3
#: a trip pointed back to ("Ikut dalam lawatan itu …") may follow a paragraph or two on it
_TRIP_REACH = 12


def _trip_pointed(units: list[Unit]) -> bool:
    """A verb of joining, perhaps a preposition, then a visit noun with a demonstrative ("Ikut dalam lawatan itu",
    "Turut serta dalam kunjungan tersebut"): the trip just told, which those listed after joined."""
    for u in units:
        if u.etype or "JoinVerb" not in u.cls:
            continue
        k = skip_span(units, u.i, "JoinVerb")
        k += k < len(units) and units[k].has("Preposition") and not units[k].etype
        return k + 1 < len(units) and not units[k].etype and units[k].voice("VisitCue") is not None and \
            units[k + 1].has("Demonstrative")
    return False


def _party_list(units: list[Unit]) -> Unit | None:
    """The list introducer after a delegation noun that opens the sentence ("Rombongan Presiden terdiri dari
    …", "Delegasi itu mencakup …"): the party's make-up, not a list of anything else."""
    head = next((u for u in units[:3] if not u.etype and u.has("DelegationNoun")), None)
    if head is None:  # "… membawa sejumlah menteri dalam rombongannya, antara lain A dan B": the list set off after it
        return next((units[u.i + 2] for u in units[:-2] if not u.etype and u.has("DelegationNoun") and
                     units[u.i + 1].text == "," and units[u.i + 2].has("ListIntro") and units[u.i + 2].quote is None),
                    None)
    return next((u for u in units[head.i + 1:] if not u.etype and u.quote is None and u.has("ListIntro")), None)


@rule("visits", triggers=("AccompanyCue", "JoinVerb", "ListIntro", "BringAlongVerb"))
def retinue(ctx: SentenceContext) -> list[Relation]:
    units, state = ctx.units, ctx.state
    trip = _trip_pointed(units)  # "Ikut dalam lawatan itu A, B serta C"
    delegation = trip or any(u.has("DelegationNoun") for u in units if not u.etype)
    cue = next((u for u in units if not u.etype and u.quote is None and
                (u.cls.get("AccompanyCue") == ACTIVE or "JoinVerb" in u.cls and delegation
                 or "BringAlongVerb" in u.cls)), None) or _party_list(units)
    if cue is None:
        return []
    lead: set[str] = set()
    reach = _REACH
    if cue.cls.get("AccompanyCue") == ACTIVE:  # "mendampingi Presiden Prabowo": whom they go with, where named
        k = after_titles(units, skip_span(units, cue.i, "AccompanyCue"))
        if k < len(units) and units[k].etype == "PER":
            lead = set(units[k].keys)
            if (place := visit_named(units, len(units), k + 1)) is not None:
                return _named_visit(ctx, k, place, lead)
    elif "BringAlongVerb" in cue.cls:  # "Ia mengajak serta A": the subject leads the party
        lead = set(actor_keys(units, left_subject(units, cue.i, per_only=True), state))
        if not lead or any(v.has("PurposeConj") for v in units[cue.i + 1:]):
            # (not "Ia mengajak Scholz untuk mendukung Kyiv": an appeal to act, not a party brought along)
            return []
    elif trip and "JoinVerb" in cue.cls and state.last_per:  # the trip of the person last named, told a while back
        lead, reach = {state.last_per}, _TRIP_REACH
    elif cue.has("ListIntro"):
        reach = _LIST_REACH
        if cue.i > 2 and units[cue.i - 2].has("DelegationNoun") and units[0].etype == "PER" and not units[0].pron:
            # "Pezeshkian membawa sejumlah menteri dalam rombongannya, antara lain …": the party of the visitor
            # named, whenever the article told his visit
            lead, reach = set(units[0].keys), ctx.sentence.index
    visit = next((r for r in reversed(state.relations) if r.type == "visits"
                  and ctx.sentence.index - reach <= r.sentence < ctx.sentence.index
                  and (not lead or r.args["visitor"] in lead)), None)
    if visit is None:
        return []
    lead.add(visit.args["visitor"])
    places = [r.args["place"] for r in state.relations if r.type == "visits" and r.sentence == visit.sentence
              and r.args["visitor"] == visit.args["visitor"]]
    listed = cue.i + 1 if cue.has("ListIntro", "BringAlongVerb") else 0  # only whom the list or verb names
    companions = [k for u in units[listed:] if u.etype == "PER" and not u.paren and u.quote is None
                  for k in u.keys if k not in lead]
    return [ctx.relation("visits", {"visitor": c, "place": p}, visit.modality)
            for c in dict.fromkeys(companions) for p in dict.fromkeys(places) if home_state(c, state) != p]


@rule("visits", triggers=("LeadVerb", "DelegationNoun"))
def led_delegation(ctx: SentenceContext) -> list[Relation]:
    """"Delegasi yang berkunjung ke Niamey … dipimpin A dan turut diikuti B": a party whose visit a relative clause
    tells, then who leads it and who comes with it: each of them visits the place."""
    units = ctx.units
    head = next((u for u in units[:3] if not u.etype and u.has("DelegationNoun")), None)
    if head is None or head.i + 3 >= len(units) or not units[head.i + 1].has("Relativizer") \
            or units[head.i + 2].etype or not units[head.i + 2].has("VisitCue"):
        return []
    lead = next((u for u in units[head.i + 3:] if not u.etype and u.cls.get("LeadVerb") == PASSIVE), None)
    if lead is None:
        return []
    places = countries(units, [j for j in range(head.i + 3, min(lead.i, head.i + 6))
                               if units[j].etype in ("GPE", "LOC") and prep_is(units, j, "GoalPrep")])
    if not places:
        return []
    modality = event_modality(units, head.i + 2, None)
    people = [k for u in units[lead.i + 1:] if u.etype == "PER" and not u.paren and u.quote is None for k in u.keys]
    return [ctx.relation("visits", {"visitor": c, "place": places[0]}, modality)
            for c in dict.fromkeys(people) if home_state(c, ctx.state) != places[0]]


def _named_visit(ctx: SentenceContext, k: int, place: str, lead: set[str]) -> list[Relation]:
    """"Turut mendampingi Prabowo dalam kunjungan ke China adalah A; B; serta C": the sentence names the visit
    itself, so the one accompanied and each companion go to its place, however far back the visit was told."""
    units, state = ctx.units, ctx.state
    modality = event_modality(units, k, None)
    people = [*lead, *(c for u in units[k + 1:] if u.etype == "PER" and not u.paren and u.quote is None
                       for c in u.keys if c not in lead)]
    return [ctx.relation("visits", {"visitor": c, "place": place}, modality)
            for c in dict.fromkeys(people) if home_state(c, state) != place]
