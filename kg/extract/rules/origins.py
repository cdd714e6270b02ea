"""supplies told by where the weapons came from: in a list of an army's kit ("Dari Prancis ada rudal panggul
Mistral 3. Dari Rusia ada Pantsir, ditambah armada MiG-29": the buyer is the state the article is about), and
with a verb of origin ("Senjata yang dipakai RSF berasal dari UEA": the maker or seller supplied the user)."""

from __future__ import annotations

from kg.cues import ACTIVE, NOUN, POSSESSIVE
from kg.extract.clause import SPEECH, actor_keys, clause_left, clause_right, left_subject, prep_actor
from kg.extract.context import Event, SentenceContext, State
from kg.extract.lists import listed_later, weapons_after
from kg.extract.modality import event_modality, supply_modality
from kg.extract.parties import as_state, topic_state
from kg.extract.registry import rule
from kg.extract.rules.supplies import event_relations
from kg.extract.sources import made_by, possessor
from kg.resolve import gazetteer
from kg.types import Relation
from kg.units import Unit


@rule("supplies", triggers=("ExistCue",))
def origins(ctx: SentenceContext) -> list[Relation]:
    units, state = ctx.units, ctx.state
    if len(units) < 4 or not units[0].has("SourcePrep") or not units[1].is_actor or units[1].etype != "GPE":
        return []
    k = 3 if units[2].text == "," else 2
    if not units[k].has("ExistCue") or units[k].etype:
        return []
    widx, _ = weapons_after(units, k, len(units), reach=4)
    supplier = as_state(actor_keys(units, 1, state), state)
    buyer = topic_state(state)
    if not widx or buyer is None or buyer in supplier:
        return []
    ev = Event(supplier, _keys(units, widx), (buyer,), event_modality(units, k, None), k)
    return event_relations(ctx, ev, ev.weapons, 0.6)


@rule("supplies", provides=("origin_events",), triggers=("OriginVerb",))
def come_from(ctx: SentenceContext) -> list[Relation]:
    """"Senjata yang dipakai RSF berasal dari UEA", "impor senjata India berasal dari Rusia": the weapons
    that open the clause came from the actor after "dari"; their user or owner, where the clause names
    one, received them (else the article's recipient is inferred later)."""
    units, state = ctx.units, ctx.state
    out: list[Relation] = []
    events: list[Event] = []  # for the accusation rule: a speaker who says where weapons came from accuses
    ctx.products["origin_events"] = events
    for u in units:
        if u.etype or "OriginVerb" not in u.cls:
            continue
        source, _ = prep_actor(units, u.i, len(units), ("SourcePrep",), state, reach=2)
        source = tuple(k for k in source if k in state.entities and state.entities[k].type in ("GPE", "ORG"))
        lo = clause_left(units, u.i)
        widx = _clause_weapons(units, lo, u.i)
        if not source or not widx:
            continue
        verbs = [v for v in units[lo:widx[0]] if v.is_verb() and not v.has("AllegedCue", "FunctionWord", "SeizeVerb",
                                                                            *SPEECH)]
        user: tuple[str, ...] = ()
        if verbs and (verbs[-1].voice("UseVerb") == ACTIVE or verbs[-1].voice("ReceiveCue") == ACTIVE):
            j = left_subject(units, verbs[-1].i)  # "Houthi menembakkan rudal yang berasal dari Iran"
            user = actor_keys(units, j, state) if j is not None else ()
        if verbs and not user:
            continue  # the weapons are the subject (of a clause reported or not), or a user's object
        modality = supply_modality(units, u.i, None, ctx.frames, state)
        if modality is None:
            continue
        holder = user or _holder(units, widx[-1], u.i, state) or _owner_of_nya(units, widx[0], state)
        widx = widx + listed_later(units, u.i + 1, widx)  # "…, mulai dari jet tempur, … hingga rudal"
        ev = Event(as_state(source, state), _keys(units, widx), holder, modality, u.i)
        events.append(ev)
        if holder:  # (weapons said to come from a state with no holder named are mostly made there, not sent by
            out += event_relations(ctx, ev, ev.weapons, 0.6)  # it: "senjata yang berasal dari AS" smuggled south)
    return out


def _clause_weapons(units: list[Unit], lo: int, i: int) -> list[int]:
    """The first weapon of the clause from ``lo`` up to ``i`` (its subject), with its coordination."""
    w = next((v for v in units[lo:i] if v.is_weapon and v.key), None)
    return (list(w.group) if w.group else [w.i]) if w is not None else []


def _keys(units: list[Unit], widx: list[int]) -> list[str]:
    return list(dict.fromkeys(units[k].key for k in widx if units[k].key))


def _owner_of_nya(units: list[Unit], w: int, state: State) -> tuple[str, ...]:
    """"Beograd menjalankan politik seimbang: sebagian senjatanya datang dari Rusia": the owner of weapons
    written with "-nya" is the state or body the sentence opened with, else the article's state."""
    if not units[w].low.endswith(POSSESSIVE):
        return ()
    prior = next((v for v in units[:w] if v.is_actor and v.etype in ("GPE", "ORG") and not v.prep and
                  not (v.i and units[v.i - 1].has("AccordingTo"))), None)  # (not "Menurut SIPRI, …")
    if prior is not None:
        return actor_keys(units, prior.i, state)
    home = topic_state(state)
    return (home,) if home else ()


def _holder(units: list[Unit], wlast: int, verb: int, state: State) -> tuple[str, ...]:
    """Who has the weapons, told between them and the verb of origin: their owner ("senjata RSF"), the
    agent of a relative clause of use or receipt ("yang dipakai RSF", "yang diterima oleh Houthi"), or
    where they went ("yang masuk ke Eropa")."""
    owner = possessor(units, wlast, state)
    if owner:
        return owner
    for k in range(wlast + 1, verb):
        v = units[k]
        if v.has("SeizeVerb"):
            return ()  # "amunisi yang disita dari kartel": who lost them is no recipient the clause states
        if v.has("UseVerb", "ReceiveCue") and not v.etype:
            if k + 1 < verb and units[k + 1].is_actor and not units[k + 1].paren:
                return actor_keys(units, k + 1, state)
            found, _ = prep_actor(units, k, verb, ("AgentPrep",), state, reach=2)
            if found:
                return found
        if v.has("RecipientPrep", "GoalPrep") and k + 1 < verb and units[k + 1].is_actor:
            return actor_keys(units, k + 1, state)
    return ()


@rule("supplies", provides=("flow_events",), triggers=("FlowVerb", "ArriveVerb"))
def flows(ctx: SentenceContext) -> list[Relation]:
    """"Senjata dari Iran terus mengalir ke Houthi", "aliran senjata dari UEA ke RSF": weapons that flow
    from a state or group to another were supplied by the first to the second; so were weapons that arrive
    in a state ("F-16 dari Belanda tiba di Ukraina": only a state, the place where they arrive)."""
    units, state = ctx.units, ctx.state
    out: list[Relation] = []
    events: list[Event] = []
    for u in units:
        voice = u.cls.get("FlowVerb") or u.cls.get("ArriveVerb")
        arrive = "FlowVerb" not in u.cls
        if u.etype or voice is None:
            continue
        if voice == NOUN:  # the weapons follow the noun
            widx, wlast = weapons_after(units, u.i, len(units), reach=3)
        else:  # the weapons are the subject
            widx = _clause_weapons(units, clause_left(units, u.i), u.i)
            wlast = widx[-1] if widx else u.i
        if not widx:
            continue
        hi = clause_right(units, u.i)
        start = min(wlast, u.i)
        source, _ = prep_actor(units, start, hi, ("SourcePrep",), state, reach=u.i - start + 3)
        source = source or made_by(units, wlast, hi, state)  # "drone buatan Iran mengalir ke Rusia"
        # (from the first weapon: a list word after the recipient may name more, "… ke Rusia, di antaranya artileri")
        target, _ = prep_actor(units, u.i if voice != NOUN else widx[0], hi, ("RecipientPrep", "GoalPrep") +
                               ("LocativePrep",) * arrive, state, reach=5 + (wlast - widx[0] if voice == NOUN else 0))
        if arrive:  # arriving "di Labuan": the state the place lies in (not "di Bandara X": no party)
            target = tuple(gazetteer().state_of(k) or "" for k in target
                           if k in state.entities and state.entities[k].type == "GPE")
            if not all(target):
                continue
        if arrive and not source and voice == ACTIVE:
            # "tiga jet tempur F-16 Turki tiba di Mogadishu": the owner named with arriving weapons sends them, to
            # another state
            source = tuple(k for k in possessor(units, wlast, state) if as_state((k,), state) != target)
        modality = supply_modality(units, u.i, None, ctx.frames, state)
        if not source or not target or modality is None:
            continue
        ev = Event(as_state(source, state), _keys(units, widx), as_state(target, state), modality, u.i)
        events.append(ev)  # (a speaker who tells of the flow accuses its source: kg.extract.rules.accuses)
        out += event_relations(ctx, ev, ev.weapons, 0.6)
    ctx.products["flow_events"] = events
    return out
