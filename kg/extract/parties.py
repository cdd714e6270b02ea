"""Which entities a unit stands for, and whose side they are on: coordination, "pemerintahan Biden"
as its state, a person's state or body, outlets that report but do not claim."""

from __future__ import annotations

from functools import cache, lru_cache

from kg.cues import cues
from kg.extract.context import State
from kg.resolve import adjective_state, body_template, gazetteer, norm
from kg.units import Unit

#: cue classes whose word, at the head of a body's name, makes it a state's own body ("pasukan" does not:
#: "Pasukan Dukungan Cepat" is no state's)
_BODY_CLASSES = frozenset({"StateBody", "OrgTemplate"})
#: the class whose word heads a parliament's name ("DPR", "Kongres"; legislature_state)
_LEGISLATURE = frozenset({"Legislature", "RulingCouncil"})  # (and a council that rules a state: "Dewan Kedaulatan")
_COMMITTEE = frozenset({"CommitteeNoun"})


def as_state(keys: tuple[str, ...], state: State) -> tuple[str, ...]:
    """People and cities do not supply or receive arms themselves: their state or body does."""
    gaz = gazetteer()
    out = []
    for k in keys:
        e = state.entities.get(k)
        if e is not None and e.type == "PER":
            k = home_of(k, state) or k
            k = body_state(k, state) or legislature_state(k) or k  # "negaranya" of a ministry's spokeswoman
        elif e is not None and e.type == "ORG":
            # "Departemen Luar Negeri AS menyetujui penjualan …", "DPR menyetujui penerimaan hibah …"
            k = body_state(k, state) or legislature_state(k) or k
        elif e is not None and e.type in ("GPE", "LOC"):
            k = gaz.state_of(k) or k  # "ke Tel Aviv": a city receives for its state
        if k not in out:
            out.append(k)
    return tuple(out)


@cache
def legislature_state(key: str) -> str | None:
    """The state whose parliament ``key`` is (a gazetteer body named with a ``kg:Legislature`` word and
    affiliated to a state): a parliament neither buys nor sells arms, its state does. Kept apart from
    ``body_state``, since a parliament does speak and accuse for itself."""
    gaz = gazetteer()
    g = gaz.entries.get(key)
    if g is None or g.type != "ORG" or not g.affiliation:
        return None
    for name in gazetteer_forms().get(key, []):
        # (also a committee of one: "Komite Pertahanan Duma Negara Rusia", "Komisi I DPR")
        if _headed_by(name, _LEGISLATURE) or _headed_by(name, _COMMITTEE) and \
                any(cues().classes(w).keys() & _LEGISLATURE for w in norm(name).split()[1:]):
            home = gaz.state_of(g.affiliation) or g.affiliation
            return home if gaz.entries.get(home) is not None and gaz.entries[home].type == "GPE" else None
    return None


def side(key: str, state: State, here: dict[str, str] | None = None) -> set[str]:
    """A speaker's own side: the body or state they speak for (a minister does not accuse his country);
    ``here``: the roles told in the sentence being read, which the discourse state has not yet taken in."""
    side = {key}
    own = body_state(key, state)  # a ministry does not accuse its own state
    if own:
        side.add(own)
    for home in (home_of(key, state), here.get(key) if here else None):
        if home:
            side.add(home)
            side.add(stands_for(home, state))
    return side


def stands_for(home: str, state: State) -> str:
    """The state an organisation or state a person belongs to stands for: its state, the state whose body
    it is, else itself (an alliance, a firm)."""
    return gazetteer().state_of(home) or body_state(home, state) or home


def is_person(key: str, state: State) -> bool:
    """Whether the entity ``key`` of the article is a person."""
    return key in state.entities and state.entities[key].type == "PER"


def outlet(key: str, state: State | None = None) -> bool:
    """A news outlet: known as one, or named after an outlet noun in this article ("media Prancis La Tribune")."""
    e = gazetteer().entries.get(key)
    return e is not None and e.outlet or state is not None and key in state.outlets


def outlet_named(units: list[Unit], i: int) -> bool:
    """Whether an outlet noun names the party at ``i`` ("menurut laporan media Prancis La Tribune"): one or two words
    before it, not after a body's head ("kepala kantor media Houthi": the group's media office, the group no outlet)."""
    k = next((k for k in (i - 1, i - 2) if k >= 0 and "OutletNoun" in units[k].cls), None)
    return k is not None and not (k > 0 and units[k - 1].has("OrgHead") and not units[k - 1].etype)


def home_of(person: str, state: State, here: dict[str, str] | None = None) -> str | None:
    """The organisation or state a person belongs to: the role the article gave them comes first (``here``:
    one told in the sentence being read, before the discourse state takes it in), the gazetteer only knows
    who they usually are."""
    gaz = gazetteer()
    return (here and here.get(person)) or state.role_org.get(person) or \
        (gaz.entries[person].affiliation if person in gaz.entries else None)


def home_state(person: str, state: State) -> str | None:
    """The state a person acts for: the state of their organisation, or the organisation itself when
    the gazetteer places it in none."""
    home = home_of(person, state)
    return gazetteer().state_of(home) or home if home else None


def body_state(key: str, state: State) -> str | None:
    """The state whose own body (ministry, department, armed forces, junta: a name headed by a
    ``kg:StateBody`` word or a ministry template) ``key`` is; None for firms, alliances and bodies of no
    one state."""
    gaz = gazetteer()
    e = state.entities.get(key)
    g = gaz.entries.get(key)
    if (e is None or e.type != "ORG") and (g is None or g.type != "ORG") or g is not None and g.warring:
        return None  # (nor a side in a civil war: "militer Sudan" fights the RSF, it does not stand for Sudan)
    names = [e.canonical] if e is not None else []
    names += gazetteer_forms().get(key, [])
    for name in names:
        if not _headed_by(name, _BODY_CLASSES):
            continue
        if g is not None and g.affiliation:
            home = gaz.state_of(g.affiliation) or g.affiliation
        else:
            found = [k for _, _, k in gaz.find(name) if gaz.entries[k].type == "GPE"]
            home = gaz.state_of(found[-1]) if found else None
        if home and gaz.entries.get(home) is not None and gaz.entries[home].type == "GPE":
            return home
    return _templated_state(names[0]) if e is not None and e.canonical else None


@cache
def _headed_by(name: str, classes: frozenset[str]) -> bool:
    """Whether ``name`` opens with a word or phrase of one of the cue ``classes`` ("Kementerian …", "Dewan
    Perwakilan Rakyat …"): what kind of body a name is. Cached, as ``gazetteer_forms`` is: names and cue classes are
    fixed for the process, and ``as_state`` asks for every label of a party on every sentence."""
    words = norm(name).split()
    if not words:
        return False
    c = cues()
    return bool(c.classes(words[0]).keys() & classes) or any(cls in classes for _, cls, _ in c.match_phrase(words, 0))


def _templated_state(name: str) -> str | None:
    """The state named in a body the resolver built from a ``kg:OrgTemplate`` whose English head is no
    ``kg:StateBody`` word ("National Security Council of the Philippines", "Embassy of India"): that
    body is the state's own, so its officials speak for the state. The state is the first one named after
    the head: an embassy's host comes after it ("Embassy of China in the United States")."""
    gaz = gazetteer()
    for first in set(cues().state_first_names.values()):
        # "United States Department of Energy": a ministry named with its state first (kg:stateFirstName)
        if name.endswith(" " + first) and (key := adjective_state(name[:-len(first) - 1].strip())) is not None:
            return gaz.state_of(key)
    for template in set(cues().templates.values()):
        adjective, _, force = template.partition("} ")
        if adjective in ("{adjective", "{royal") and name.endswith(force) and len(name) > len(force):
            # "Peruvian Air Force", "Pakistan Army": a force named with its state's adjective or name first
            if (key := adjective_state(name[:-len(force) - 1].strip())) is not None:
                return gaz.state_of(key)
            continue
        head, _, tail = template.partition("{state}")
        if tail or not head or not name.startswith(head):
            continue
        found = [k for _, _, k in gaz.find(name[len(head):]) if gaz.entries[k].type == "GPE"]
        if found and (home := gaz.state_of(found[0])) is not None:
            return home
    return None


@lru_cache(maxsize=1)
def gazetteer_forms() -> dict[str, list[str]]:
    """Every gazetteer form of each entry (the Indonesian ones tell a ministry from a firm), in the gazetteer's
    order: built once per process (tens of milliseconds), for every reader that asks by key."""
    out: dict[str, list[str]] = {}
    for form, key in gazetteer().forms.items():
        out.setdefault(key, []).append(form)
    return out


def bare_body(key: str, state: State, units: list[Unit]) -> bool:
    """"Departemen Keuangan" named with no state (in a quotation: the speaker's own body)."""
    e = state.entities.get(key)
    gaz = gazetteer()
    if e is None or e.type != "ORG":
        return False
    if any(u.key == key and body_template(u.text)[1] for u in units):
        return True  # a bare form the resolver gave a state's body: the home state's, the last named or the story's
    if key in gaz.entries:
        return False
    words = norm(e.canonical).split()
    if len(words) > 4 or not words or not cues().classes(words[0]).keys() & {"OrgHead", "StateBody"}:
        return False
    return not any(gaz.entries[k].type == "GPE" for _, _, k in gaz.find(e.canonical))


def named_sources(units: list[Unit], own: tuple[str, ...], state: State) -> tuple[str, ...]:
    """The states and firms a sentence names as where something comes from or who makes it ("… mesin buatan
    General Electric", "… dari Turki"), apart from ``own`` (a purchase's buyers): a seller is named there, so
    the article's usual seller is no guess."""
    out: list[str] = []
    for u in units:
        if u.etype not in ("GPE", "ORG") or u.paren or u.pron or u.i == 0 or \
                not units[u.i - 1].has("OriginNoun", "SourcePrep") or units[u.i - 1].etype:
            continue
        for k in u.keys:
            k = (as_state((k,), state) or (k,))[0]  # a state's body or city stands for it
            if k not in own and k not in out and not outlet(k, state):
                out.append(k)
    return tuple(out)


def named_group(u: Unit) -> bool:
    """An organisation called by a proper name of its own ("Hizbullah", "Houthi", "Hamas"), not a state's body
    named by a head noun ("Badan intelijen", "Kementerian Pertahanan"): a state right after it only says where
    the group is ("Hizbullah Lebanon"), where after a body it says whose body it is."""
    words = u.text.split()
    return u.etype == "ORG" and u.is_actor and not u.paren and bool(words) and \
        all(w[:1].isupper() for w in words) and not cues().classes(words[0]).keys() & _BODY_HEADS


_BODY_HEADS = {"OrgHead", "StateBody", "GovernmentNoun"}


def group_of_state(units: list[Unit], j: int) -> bool:
    """A state that only qualifies a group noun before it ("kelompok Palestina itu", "milisi Irak"): an armed group
    of that land, not its state (a state's forces, "pasukan Rusia", and firms, "perusahaan China", are not asked)."""
    u = units[j]
    if u.etype != "GPE" or not u.modifier or j < 1:
        return False
    p = units[j - 1]
    return not p.etype and p.has("GroupNoun") and not p.has("FirmNoun", "GovernmentNoun")


def party(key: str, state: State) -> str:
    """The party an accuser stands for: a person's state (or body, where no state is known), a state's own body's
    state, else the accuser itself."""
    gaz = gazetteer()
    e = state.entities.get(key)
    if e is not None and e.type == "PER":
        home = home_of(key, state)
        return (gaz.state_of(home) or body_state(home, state) or home) if home else key
    return body_state(key, state) or gaz.forces_of(key) or key


def side_accusers(accused: tuple[str, ...], state: State) -> list[list[str]]:
    """The accusers of each accusation made against one of ``accused`` or its side, in the order made (one list
    per sentence that made one)."""
    own = set().union(*(side(d, state) for d in accused))
    return [g for g in ([a for a, b in group if b in own or any(d in side(b, state) for d in accused)]
                        for group in state.accusation_groups) if g]


def last_accusers(accused: tuple[str, ...], state: State, every: bool = False, kin: bool = True) -> list[str]:
    """Who last accused one of ``accused``, states first: all the states of the sentence that made the
    last such accusation ("Estonia dan Latvia menuding Rusia …" — "Moskow menepis tudingan tersebut");
    ``every``: of the last sentences that made one ("membantah semua tuduhan itu"). Where no one accused
    them and ``kin``, who accused their side ("Trump menuduh Maduro …" — "Caracas membantah"; "AS menuduh
    Iran …" — "juru bicara Iran menolak tuduhan itu"): not for a report or statement denied, whose author need
    not be any accuser."""
    groups = [g for g in ([a for a, b in group if b in accused] for group in state.accusation_groups) if g]
    if kin and (sides := side_accusers(accused, state)) and (not groups or sides[-1] != groups[-1]):
        # (the last charge against their side when it came later: "Sharif menuding Afghanistan …. Pakistan menuduh
        # pemerintah Taliban …. Kabul membantah": Pakistan's charge against the Taliban government is denied)
        groups = groups + [sides[-1]] if groups else sides
    if every and groups:
        # "menolak semua tuduhan itu": every party behind the charges, a state's own body or an official counted
        # as the state it speaks for (Sudan's army, and Amnesty: Sudan and Amnesty)
        # (and whoever made the last of them, named: "Trump menjuluki Petro … . Petro menepis semua tudingan itu")
        found = [p for g in groups[-3:] for a in g if (p := party(a, state)) not in accused] + groups[-1]
        return list(dict.fromkeys(a for a in found if a not in accused))
    for group in reversed(groups[-3:]):  # the last sentences that accused them: a state if one did
        states = [a for a in dict.fromkeys(group) if state.entities.get(a) and state.entities[a].type == "GPE"]
        if states:  # (and the bodies of no state that charged with them: "Kongo, PBB, dan … menuding Rwanda")
            return states + [a for a in dict.fromkeys(group) if a not in states and (e := state.entities.get(a))
                             and e.type == "ORG" and body_state(a, state) is None and not outlet(a, state)]
    return groups[-1][:1] if groups else []


def deal_buyers(agents: tuple[str, ...], state: State) -> tuple[str, ...]:
    """The buyers among the parties that carry out a purchase: where a state (or its own body) is among
    them, the firms and other bodies named with it sign as its partners, not as buyers ("penandatanganan
    kontrak pembelian kapal selam dilakukan oleh Kemhan, Naval Group dan PT PAL": the state buys)."""
    if len(agents) < 2:
        return agents
    gaz = gazetteer()
    states = [k for k in agents if gaz.state_of(k) == k or body_state(k, state) is not None
              or (e := state.entities.get(k)) is not None and e.type == "GPE"]
    return tuple(states) if states else agents


def topic_state(state: State, exclude: frozenset[str] | set[str] = frozenset(), lead: int = 1) -> str | None:
    """The state the article so far names most often as an actor (whose junta or regime it means), other
    than those in ``exclude``; with ``lead``, only one named that many times as often as the next."""
    gaz = gazetteer()
    counts: dict[str, int] = {}
    for k in state.recent:
        e = state.entities.get(k)
        # a state named as such, or by its armed forces ("militer Myanmar")
        st = gaz.state_of(k) if e is not None and e.type == "GPE" else gaz.forces_of(k) if e is not None else None
        if st and st not in exclude:
            counts[st] = counts.get(st, 0) + 1
    ranked = sorted(counts.values(), reverse=True)
    return None if not ranked or len(ranked) > 1 and ranked[0] < lead * ranked[1] else max(counts, key=lambda k: counts[k])


def fellow_home(party: list[str], state: State) -> str | None:
    """"Putin menerima Steve Witkoff dan Jared Kushner di Kremlin": a guest of no known state who comes with
    guests of one state comes from it (None where they come from several, or none)."""
    homes = {h for k in party if (h := home_state(k, state))}
    return next(iter(homes)) if len(homes) == 1 else None
