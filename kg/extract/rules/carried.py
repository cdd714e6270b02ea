"""supplies told by a carrier's arrival: "dua pesawat C-130 Mesir mendarat di Mogadishu membawa senjata",
"pesawat AS yang membawa rudal Javelin mendarat di Kiev", "kapal perang Mesir membongkar kiriman persenjataan
di pelabuhan Mogadishu". A state's plane, ship or convoy that lands, docks or unloads in another state with
arms delivers them there: the carrier's state (or the source the cargo is
said to come from, or its maker) supplies the state of the place it reaches."""

from __future__ import annotations

from kg.cues import ACTIVE, stative_prefixed
from kg.extract.clause import actor_keys, clause_left, clause_right, prep_actor
from kg.extract.context import Event, SentenceContext, State
from kg.extract.lists import weapons_after
from kg.extract.modality import supply_modality
from kg.extract.parties import as_state
from kg.extract.registry import rule
from kg.extract.rules.supplies import event_relations
from kg.extract.sources import made_by
from kg.resolve import gazetteer
from kg.types import Relation
from kg.units import STOP_PUNCT, Unit

CARRY_REACH = 12  # units between the arrival verb and the verb of carrying ("… mendarat di bandara X membawa …")


@rule("supplies", provides=("delivered",), triggers=("ArriveVerb", "DockVerb", "UnloadVerb"))
def carried(ctx: SentenceContext) -> list[Relation]:
    """One relation per weapon a carrier brings to the state where it arrives or unloads them."""
    units, state = ctx.units, ctx.state
    out: list[Relation] = []
    arrived = False  # an arrival told before: an unloading after it is read from it
    for u in units:
        unload = u.voice("UnloadVerb") == ACTIVE and not arrived
        if u.etype or u.voice("ArriveVerb") != ACTIVE and u.voice("DockVerb") != ACTIVE and not unload:
            continue
        arrived = arrived or not unload
        i = u.i
        t = i if unload else _carrying(units, i)
        if t is None:
            continue
        hi = clause_right(units, t)
        widx, wlast = weapons_after(units, t, hi, reach=3)
        # unloading "di pelabuhan X" right after its cargo; an arrival "di X" right after the verb
        target = _place(units, wlast if unload else i, state)
        if not widx or not target:
            continue
        # the cargo's source ("… peralatan militer dari Kementerian Pertahanan Rusia"), its maker, else the carrier's state
        source = prep_actor(units, wlast, hi, ("SourcePrep",), state, reach=8)[0] or made_by(units, wlast, hi, state) \
            or _carrier_owner(units, min(i, t), state)
        modality = supply_modality(units, i, None, ctx.frames, state)
        if not source or modality is None:
            continue
        weapons = list(dict.fromkeys(units[k].key for k in widx if units[k].key))
        ev = Event(as_state(source, state), weapons, as_state(target, state), modality, i)
        out += event_relations(ctx, ev, ev.weapons, 0.6)
        # the cargo listed later ("Pejabat pelabuhan menyebut muatan itu berisi meriam antipesawat dan artileri")
        # is this delivery's: remembered as the last supply, like a package announced without its contents
        ctx.products["delivered"] = ev
    return out


def _place(units: list[Unit], i: int, state: State) -> tuple[str, ...]:
    """The state of the place "di" names right after the verb, past the words of a place's kind and a
    place the gazetteer lacks ("di Ibu Kota Kiev", "di bandara Niamey", "di pelabuhan Gdynia, Polandia");
    none where it names no state's place."""
    if i + 1 >= len(units) or not units[i + 1].has("LocativePrep"):
        return ()
    for k in range(i + 2, min(len(units), i + 7)):
        v = units[k]
        if v.is_actor:
            if v.etype != "GPE" or v.paren:
                return ()
            places = [gazetteer().state_of(x) for x in actor_keys(units, k, state)]
            if all(places):
                return tuple(p for p in places if p)
            continue  # a town the gazetteer places nowhere: its state may follow ("Gdynia, Polandia")
        if v.text in STOP_PUNCT or v.has("Preposition") or v.is_verb():
            return ()
    return ()


def _carrying(units: list[Unit], i: int) -> int | None:
    """The verb of carrying that goes with the arrival at ``i``: in the carrier's relative clause before it
    ("pesawat yang membawa rudal … mendarat") or after the place, with no other verb between ("mendarat di
    ibu kota Somalia membawa senjata")."""
    for k in range(i + 1, min(len(units), i + CARRY_REACH)):
        v = units[k]
        if v.voice("TransportVerb") == ACTIVE or v.voice("UnloadVerb") == ACTIVE:
            return k  # ("merapat di pelabuhan X dan mulai menurunkan muatan senjata")
        if v.text in STOP_PUNCT or v.is_verb() and not v.has("FunctionWord", "Preposition"):
            break
    for k in range(i - 1, max(-1, i - CARRY_REACH * 2), -1):
        v = units[k]
        if v.text in STOP_PUNCT:
            return None
        if v.voice("TransportVerb") == ACTIVE:
            return k if k > 0 and units[k - 1].has("Relativizer") else None
    return None


def _carrier_owner(units: list[Unit], first: int, state: State) -> tuple[str, ...]:
    """The state or body named in the carrier's own phrase before its first verb ("dua pesawat angkut C-130
    Mesir", "kapal kargo berbendera Rusia"): not one after a preposition, nor a person."""
    lo = clause_left(units, first)
    for k in range(first - 1, lo - 1, -1):
        v = units[k]
        if v.is_verb() and not v.has("FunctionWord") and not stative_prefixed(v.low):
            return ()  # another clause's verb ("berbendera" is the carrier's own flag)
        if v.is_actor and v.etype in ("GPE", "ORG") and not v.prep and not v.paren and not v.title:
            return actor_keys(units, k, state)
    return ()
