"""Bans and freezes that fall on a named person or firm, read as sanctions (kg.extract.rules.sanctions):
"Latvia melarang A memasuki wilayahnya", "A dilarang masuk ke China", "warga AS dilarang bertransaksi dengan
A", "aset A di AS dibekukan", "A dan B, yang asetnya di China dibekukan"."""

from __future__ import annotations

from kg.cues import ACTIVE, PASSIVE, POSSESSIVE
from kg.extract.clause import actor_keys, clause_left, clause_right, left_subject, prep_actor
from kg.extract.context import State
from kg.extract.modality import event_modality
from kg.extract.parties import as_state
from kg.extract.rules.sanction_agent import with_partners
from kg.extract.rules.sanction_parts import person_described
from kg.extract.rules.sanction_targets import named_targets
from kg.units import Unit

_NAMED = ("ORG", "PER")
REACH = 6  # units between the ban and what it bars ("melarang A beserta keluarganya masuk …")


def bans(units: list[Unit], state: State) -> list[tuple[str, str | None, str]]:
    """(sanctioner, target, modality) of each ban or freeze on a named party in the sentence."""
    out: list[tuple[str, str | None, str]] = []
    for u in units:
        if u.etype or not u.cls:
            continue
        if "BanVerb" in u.cls:
            out += _banned(units, u.i, state)
        elif u.cls.get("FreezeVerb") == PASSIVE:
            out += _frozen(units, u.i, state)
    return [(a, b, m) for a, b, m in out if a != b]


def _named(units: list[Unit], j: int, state: State) -> tuple[str, ...]:
    """The persons and firms the actor at ``j`` (with its coordination) stands for."""
    u = units[j]
    if not u.is_actor or u.paren or u.title:
        return ()
    return tuple(k for k in actor_keys(units, j, state)
                 if state.entities.get(k) is not None and state.entities[k].type in _NAMED)


def _barred(units: list[Unit], i: int, hi: int) -> int | None:
    """The act the ban at ``i`` bars, within reach before the clause ends (a list of those barred counts as one:
    "melarang 14 bank Irak, di antaranya A, B dan C, bertransaksi …")."""
    reach = REACH
    for v in units[i + 1:min(hi, i + 1 + 2 * REACH)]:
        if v.group and v.i == v.group[0]:  # (past the list's last member, as far as past a single name)
            reach = max(reach, v.group[-1] - i + 3)
            break
        if v.text == "," and v.i + 1 < hi and units[v.i + 1].has("ListIntro"):
            # "melarang 121 warga Australia, termasuk jurnalis dan pejabat, memasuki Rusia": past the aside
            close = next((k for k in range(v.i + 2, min(hi, v.i + 10)) if units[k].text == ","), None)
            if close is not None:
                reach = max(reach, close - i + 3)  # (a list of names in the aside still reaches past its end)
    act = next((k for k in range(i + 1, min(hi, i + 1 + reach)) if units[k].has("EntryVerb", "DealVerb")
                and not units[k].etype), None)
    named = next((k for k in range(i + 1, min(hi, i + 1 + reach)) if units[k].etype in _NAMED), None)
    if act is not None or named is None:
        return act
    # "melarang Perdana Menteri X dan sejumlah politisi asal negara tersebut memasuki Rusia": those barred go on
    # past a name with plain nouns coordinated to it, up to the first verb, which is the act if it is one
    verb = next((k for k in range(named + 1, min(hi, named + 1 + 2 * REACH)) if units[k].is_verb()
                 or units[k].has("EntryVerb", "DealVerb") and not units[k].etype), None)
    return verb if verb is not None and units[verb].has("EntryVerb", "DealVerb") else None


def _barred_party(units: list[Unit], i: int, act: int, state: State) -> tuple[str, ...]:
    """The first persons or firms named between the ban at ``i`` and the act it bars at ``act``."""
    for k in range(i + 1, act):
        if units[k].etype in _NAMED and (named := _named(units, k, state)):
            return named
    return ()


def _entering(units: list[Unit], act: int, hi: int, state: State) -> tuple[str, ...]:
    """"melarang masuk 500 warga AS, termasuk A", "melarang masuk musisi Rusia A": the persons or firms named
    after the entry verb, past plain nouns, numbers, states and titles (not past a preposition or a verb:
    "melarang masuk produk dari perusahaan A")."""
    for k in range(act + 1, min(hi, act + 1 + 2 * REACH)):
        v = units[k]
        if v.etype in _NAMED and (named := _named(units, k, state)):
            return named
        if v.etype not in (None, "GPE") or (v.has("Preposition") or v.is_verb()) and not v.has("ListIntro"):
            return ()
    return ()


def _aside_members(units: list[Unit], subj: int, i: int, state: State) -> tuple[str, ...]:
    """"130 warga Selandia Baru, termasuk Perdana Menteri A, Gubernur Jenderal B dan anggota parlemen, dilarang
    masuk …": the persons and firms the aside of examples before the verb at ``i`` names, the subject ``subj``
    among them."""
    return _set_off(units, range(subj - 1, max(clause_left(units, i), subj - 12), -1), i, state)


def _examples_after(units: list[Unit], act: int, hi: int, state: State) -> tuple[str, ...]:
    """"melarang 11 pejabat Georgia masuk ke wilayah mereka, termasuk A dan B": those barred, a plain noun before the
    act, named by the examples set off after it."""
    return _set_off(units, range(act + 1, min(hi, act + 1 + REACH)), hi, state)


def _set_off(units: list[Unit], where: range, hi: int, state: State) -> tuple[str, ...]:
    """The targets named (up to ``hi``) after the first list introducer set off by a comma at a position in ``where``
    (", termasuk A dan B")."""
    c = next((k for k in where if units[k].has("ListIntro") and not units[k].etype and units[k - 1].text == ","), None)
    return named_targets(units, c, hi, state) if c is not None else ()


def _partner(units: list[Unit], act: int, hi: int, state: State) -> tuple[str, ...]:
    """"bertransaksi dengan A": the party one may not deal with."""
    if act + 2 < hi and units[act + 1].has("ComitativePrep") and not units[act + 1].etype:
        return _named(units, act + 2, state)
    return ()


def _banned(units: list[Unit], i: int, state: State) -> list[tuple[str, str | None, str]]:
    hi = clause_right(units, i)
    act = _barred(units, i, hi)
    if act is None:
        return []
    voice = units[i].voice("BanVerb")
    subj = left_subject(units, i)
    who: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    if voice == ACTIVE:
        # "Latvia melarang A memasuki wilayah mereka"; "… melarang warga AS bertransaksi dengan A"
        who = with_partners(units, subj, i, state)
        if units[act].has("EntryVerb"):  # "melarang (pengusaha Rusia) A (beserta keluarganya) masuk"
            target = _barred_party(units, i, act, state) or (_entering(units, act, hi, state) if act == i + 1 else ()) \
                or _examples_after(units, act, hi, state)
        elif units[act].has("DealVerb"):
            # "… melarang warga AS bertransaksi dengan A": the partner; "melarang bank A dan B bertransaksi dalam
            # dolar": those barred from dealing at all
            target = _partner(units, act, hi, state) or _barred_party(units, i, act, state)
    elif voice == PASSIVE:
        if units[act].has("EntryVerb") and act <= i + 2 and subj is not None:
            # "A dilarang masuk ke China": who last imposed sanctions bars A, else the country entered
            target = _aside_members(units, subj, i, state) or _named(units, subj, state)
            place, _ = prep_actor(units, act, hi, ("GoalPrep",), state, reach=2)
            if not place and act + 1 < len(units) and units[act + 1].etype == "GPE":
                place = actor_keys(units, act + 1, state)  # "dilarang memasuki Latvia"
            last = state.sanctioners[-1] if state.sanctioners else None
            # who last imposed sanctions bars A, unless the country entered is another's: that country bars A
            # ("Australia menyanksi pejabat Rusia. … A dilarang masuk ke Rusia": Russia)
            who = place[:1] if place and (last is None or as_state((last,), state) != as_state(place[:1], state)) \
                else (last,) if last else ()
        elif units[act].has("DealVerb") and act <= i + 2 and state.sanctioners:
            target = _partner(units, act, hi, state)  # "warga AS dilarang bertransaksi dengan A"
            who = (state.sanctioners[-1],)
    if not who:
        return []
    modality = event_modality(units, i, subj)
    if not target and voice == ACTIVE and units[act].has("EntryVerb"):
        # "Rusia melarang 121 warga Australia memasuki Rusia": who bars them; who they are may come next
        return [(a, None, modality) for a in who]
    return [(a, b, modality) for a in who for b in target]


def _frozen(units: list[Unit], i: int, state: State) -> list[tuple[str, str, str]]:
    """"Aset A di AS dibekukan", "A dan B, termasuk yang asetnya di China dibekukan": the owner is the target; the
    agent, else the last sanctioner, else the country the assets lie in freezes them."""
    lo = clause_left(units, i)
    start = max(lo, i - REACH)
    g = next((v for v in units[start:i] if v.group), None)  # "Aset A, B dan C juga dibekukan": past the whole list
    start = max(lo, min(start, g.group[0] - 2)) if g is not None else start
    a = next((k for k in range(i - 1, start - 1, -1) if units[k].has("AssetNoun") and not units[k].etype), None)
    if a is None:
        return []
    target: tuple[str, ...] = ()
    b = a + 1
    while b < i - 1 and (units[b].title or not units[b].etype and units[b].has("RoleTitle", "TitleQualifier", "OriginNoun")):
        b += 1  # "aset Presiden X dibekukan", "aset Menteri Pertahanan Suriah X", "aset milik X": past his titles
    if b < i and units[b].is_actor and units[b].etype in _NAMED:
        target = _named(units, b, state)  # "aset Ivanishvili dibekukan"
    elif units[a].low.endswith(POSSESSIVE) or a + 1 < i and units[a + 1].has("PronounPlural"):
        # "A, dan B, termasuk yang asetnya … dibekukan", "A, B dan C memiliki aset mereka dibekukan": the persons
        # and firms the clause is about
        start = max(0, a - 24)
        listed = [k for v in units[start:a] if v.is_actor and v.etype in _NAMED and not v.title and not v.paren
                  and not (v.etype == "ORG" and person_described(units, v.i, start)) for k in v.keys]
        target = tuple(dict.fromkeys(listed))
    if not target:
        return []
    who, _ = prep_actor(units, i, clause_right(units, i), ("AgentPrep",), state, reach=2)
    if not who and state.sanctioners:
        who = (state.sanctioners[-1],)
    if not who:
        place = next((v for v in units[a + 1:i] if v.etype == "GPE" and units[v.i - 1].has("LocativePrep")), None)
        who = actor_keys(units, place.i, state)[:1] if place is not None else ()
    modality = event_modality(units, i, None)
    return [(w, t, modality) for w in who for t in target]
