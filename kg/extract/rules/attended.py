"""visits: a person named as attending an event held in a country ("KTT G20 di Rio yang dihadiri Presiden China
Xi Jinping", "Upacara di Jakarta itu dihadiri PM Malaysia X dan PM Singapura Y") went there. An event with no place
of its own in the sentence ("KTT ini dihadiri …", "Di antara yang hadir adalah A, B …") is the one the article last
placed ("KTT BRICS di Rio de Janeiro": State.event_place)."""

from __future__ import annotations

from kg.cues import ACTIVE, word_is
from kg.extract.clause import actor_keys, clause_left, clause_right
from kg.extract.context import SentenceContext, State
from kg.extract.modality import event_modality
from kg.extract.negated import negated_act
from kg.extract.registry import rule
from kg.extract.rules.visits import abroad
from kg.extract.titlewords import past_titled
from kg.extract.venue import countries
from kg.resolve import gazetteer
from kg.types import Relation
from kg.units import Unit, skip_span

#: how many sentences on a summit the article placed is still the one an attendance list means
_EVENT_SPAN = 8


@rule("visits", reads=("role_org",), triggers=("AttendedVerb",))
def attended_rule(ctx: SentenceContext) -> list[Relation]:
    return [ctx.relation("visits", {"visitor": v, "place": p}, m)
            for v, p, m in attended(ctx.units, ctx.state, ctx.sentence.index)]


def attended(units: list[Unit], state: State, here: int) -> list[tuple[str, str, str]]:
    """(visitor, state, modality) for each person after a passive verb of attending whose event the subject
    placed in a state with "di" ("parade di Moskow yang dihadiri X"), or an event noun the article placed before
    ("KTT kali ini dihadiri X", "… dihadiri sejumlah pemimpin tamu, antara lain X, Y"): not the person's own state."""
    out: list[tuple[str, str, str]] = []
    for u in units:
        if u.etype or "AttendedVerb" not in u.cls:
            continue
        lo = clause_left(units, u.i)
        place = next((v for v in reversed(units[lo:u.i]) if v.etype == "GPE" and v.key and not v.paren
                      and v.i > 0 and units[v.i - 1].has("LocativePrep")), None)
        if place is not None and any(v.is_verb() and not v.has("FunctionWord") for v in units[place.i + 1:u.i]):
            continue  # (the event's place is told in its own phrase, before the verb: no other verb between)
        if place is not None:  # (not a place the gazetteer cannot put in a state: "KTT G7 di Kananaskis")
            where = found[0] if (found := countries(units, [place.i])) else None
        else:  # "KTT kali ini dihadiri …": the summit the article placed
            summit = any(v.has("SummitNoun") and not v.etype for v in units[lo:u.i])
            where = recent_event(state, here) if summit else None
        if where is None:
            continue
        hi = clause_right(units, u.i)
        k = u.i + 1 + (u.i + 1 < hi and units[u.i + 1].has("AgentPrep"))
        k = _past_intro(units, k, hi)
        if k >= hi or units[k].etype != "PER":
            continue
        out += _attendees(units, k, hi, where, event_modality(units, u.i, None), state, out)
    return out


@rule("visits", reads=("role_org",), triggers=("VisitCue", "RepresentedVerb"))
def present_rule(ctx: SentenceContext) -> list[Relation]:
    """"Delegasi lain yang hadir di antaranya A, B", "… turut hadir, di antaranya A", "Di antara yang hadir adalah
    A, B": the persons listed after a verb of attending that has no subject of its own went to the event's state;
    so did a person a state is represented by there ("Cina diwakili Perdana Menteri Li Qiang")."""
    units, state = ctx.units, ctx.state
    out: list[tuple[str, str, str]] = []
    for u in units:
        if not u.etype and u.voice("RepresentedVerb") and (where := recent_event(state, ctx.sentence.index)):
            hi = clause_right(units, u.i)
            k = past_titled(units, u.i + 1 + (u.i + 1 < hi and units[u.i + 1].has("AgentPrep")), hi)
            if k < hi and units[k].etype == "PER":
                out += _attendees(units, k, k + 1, where, event_modality(units, u.i, None), state, out)
            continue
        if u.etype or u.voice("VisitCue") != ACTIVE or negated_act(units, u.i):
            continue
        k = u.i + 1 + (u.i + 1 < len(units) and units[u.i + 1].text == ",")
        if k >= len(units) or units[k].etype or not units[k].has("ListIntro", "Copula"):
            continue
        lo = clause_left(units, u.i)
        if any(v.etype == "PER" and not v.paren for v in units[lo:u.i]):
            continue  # ("X hadir, antara lain …": X attended, told elsewhere)
        if (where := recent_event(state, ctx.sentence.index)) is None:
            continue
        k = skip_span(units, k, "ListIntro") if units[k].has("ListIntro") else k + 1
        hi = _sentence_end(units, k)
        k = past_titled(units, k, hi)
        if k < hi and units[k].etype == "PER":
            out += _attendees(units, k, hi, where, event_modality(units, u.i, None), state, out)
    return [ctx.relation("visits", {"visitor": v, "place": p}, m) for v, p, m in out]


@rule("visits", reads=("role_org",), provides=("group_visit",),
      triggers=("VisitCue", "ArriveVerb", "PronounPlural"))
def group_listed(ctx: SentenceContext) -> list[Relation]:
    """"para pemimpin asing yang datang ke Moskow, di antaranya Presiden China Xi Jinping", "Lebih dari 20 pemimpin
    dunia berdatangan ke Sharm el-Sheikh, Mesir. Di antara mereka ada A, B": each person listed as one of a group
    that went to a place went there."""
    units, state = ctx.units, ctx.state
    out: list[tuple[str, str, str]] = []
    place, at, modality = state.group_visit
    if place is not None and at == ctx.sentence.index - 1 and (k := _among_them(units)) is not None:
        out += _attendees(units, k, _sentence_end(units, k), place, modality, state, out)
    for u in units:
        if u.etype or u.quote is not None or ACTIVE not in (u.voice("VisitCue"), u.voice("ArriveVerb")) or \
                negated_act(units, u.i) or (g := _group(units, u.i)) is None:
            continue
        hi = clause_right(units, u.i)
        goal = next((v.i for v in units[u.i + 1:min(hi, u.i + 3)] if v.etype), None)
        if goal is None or not (word_is(units[goal].prep, "GoalPrep", "LocativePrep") or goal == u.i + 1 and
                                units[goal].etype in ("GPE", "LOC") and u.has("VisitCue")):
            continue  # (or a place visited, the verb's object: "sudah menyambangi Greenland")
        places = [goal, *(v.i for v in units[goal + 1:min(hi, goal + 3)] if v.etype in ("GPE", "LOC"))]
        where = countries(units, places)  # "ke Sharm el-Sheikh, Mesir": the state after the town
        if not where:
            continue
        modality = event_modality(units, u.i, g)
        ctx.products["group_visit"] = (where[0], ctx.sentence.index, modality)
        end = _sentence_end(units, goal)
        intro = next((v for v in units[goal + 1:end] if not v.etype and v.has("ListIntro")), None)
        if intro is not None and all(v.text == "," or v.etype in ("GPE", "LOC") or not v.etype and
                                     v.has("FunctionWord", "TimeUnit") for v in units[goal + 1:intro.i]):
            k = past_titled(units, skip_span(units, intro.i, "ListIntro"), end)
            if k < end and units[k].etype == "PER":
                out += _attendees(units, k, end, where[0], modality, state, out)
    return [ctx.relation("visits", {"visitor": v, "place": p}, m) for v, p, m in out]


def _group(units: list[Unit], i: int) -> int | None:
    """An unnamed group of persons as the subject of the verb at ``i``, or the noun a relative clause with that verb
    hangs on ("20 pemimpin dunia berdatangan", "para pemimpin asing yang datang"): the group noun's index."""
    k = i - 1
    while k > 0 and not units[k].etype and units[k].has("FunctionWord") and not units[k].has("Relativizer"):
        k -= 1  # "… sudah menyambangi"
    if k > 0 and units[k].has("Relativizer") and not units[k].etype:
        k -= 1
    named = False  # a party named in a phrase on the group: "tokoh dari lingkaran Trump"
    for m in range(k, max(-1, k - 6), -1):
        v = units[m]
        if v.text in (",", ".") or v.is_verb():
            return None
        named = named or v.etype is not None
        if not v.etype and v.has("PersonNoun", "DelegationNoun", "RoleTitle"):
            plural = v.has("DelegationNoun") or m > 0 and (units[m - 1].has("PluralMarker", "Quantifier")
                                                          or units[m - 1].text.isdigit())
            phrase = not named or m + 1 < i and units[m + 1].has("Preposition") and not units[m + 1].etype
            return m if plural and phrase else None
    return None


def _among_them(units: list[Unit]) -> int | None:
    """Where the names start in a sentence that opens "Di antara mereka (ada|adalah) …": else None."""
    if len(units) < 4 or any(v.etype for v in units[:3]) or not units[0].has("LocativePrep") or \
            not units[1].has("BetweenPrep") or not units[2].has("PronounPlural"):
        return None
    k = 3 + (units[3].has("ExistCue", "Copula", "AmongVerb") and not units[3].etype)
    return past_titled(units, k, len(units))


def _sentence_end(units: list[Unit], k: int) -> int:
    """Where the sentence part from ``k`` ends: a list of names runs no further than the next full stop."""
    return next((v.i for v in units[k:] if v.text in (".", ";")), len(units))


def recent_event(state: State, here: int) -> str | None:
    """The state of the summit the article placed within a few sentences before ``here`` (State.event_place)."""
    place, at = state.event_place
    return place if place is not None and here - at <= _EVENT_SPAN else None


def _past_intro(units: list[Unit], k: int, hi: int) -> int:
    """Where the names start after a verb of attending: past the titles, or past a group noun and a list intro
    ("dihadiri sejumlah pemimpin tamu, antara lain Presiden X …")."""
    j = past_titled(units, k, hi)
    if j < hi and units[j].etype == "PER":
        return j
    intro = next((m for m in range(k, min(hi, k + 6)) if units[m].has("ListIntro") and not units[m].etype), None)
    return past_titled(units, skip_span(units, intro, "ListIntro"), hi) if intro is not None else j


def _attendees(units: list[Unit], k: int, hi: int, where: str, modality: str, state: State,
               found: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """(person, where, modality) for the persons listed from ``k`` up to ``hi``, past the relative clauses inside the
    list ("Xi Jinping yang duduk di samping Putin, …"), each one not at home there."""
    gaz = gazetteer()
    out: list[tuple[str, str, str]] = []
    in_relative = False
    for v in units[k:hi]:
        if v.has("Relativizer") and not v.etype:
            in_relative = True
        elif v.text == ",":
            in_relative = False
        if v.etype != "PER" or v.paren or in_relative:
            continue
        out += [(p, where, modality) for p in actor_keys(units, v.i, state)
                if abroad(p, where, state, gaz) and (p, where, modality) not in found + out]
    return out
