"""English names of states' bodies the gazetteer does not list: "Kementerian Luar Negeri Turki" is the
Ministry of Foreign Affairs of Turkey by its ``kg:OrgTemplate``, unless the gazetteer names that state's body
otherwise ("Kementerian Keuangan AS": the Treasury), and an embassy is named with the state it sits in."""

from __future__ import annotations

from functools import lru_cache

from kg.cues import cues
from kg.resolve.english import english_name, name_words
from kg.resolve.lookup import GazEntry, gazetteer
from kg.resolve.names import norm
from kg.resolve.spelling import corrected


def body_canonical(surface: str, state_key: str | None, after: str = "", where: str | None = None) -> str:
    """English name of a state's body from ``kg:OrgTemplate`` ("Kementerian Luar Negeri Turki" →
    "Ministry of Foreign Affairs of Turkey"); the surface form when no template fits. ``after`` is the
    text right after the name: it may say which other state the body sits in (an embassy's host); ``where``: the
    state the article is set in, the host of an embassy the text names no host of."""
    gaz = gazetteer()
    if state_key is None or state_key not in gaz.entries:
        return rendered(surface) or surface  # "Badan Intelijen Pertahanan (DIA)": no state named
    state = _standing_for(state_key)
    if state.type != "GPE":  # "Angkatan Udara Tentara Pembebasan Rakyat": a body of a body, named by its words
        return english_name(surface, is_named) or surface
    head = norm(corrected(surface))
    for form, template in cues().templates.items():
        if head.startswith(form + " "):
            known = state_bodies().get((template, state.key))
            # "Kemenkeu AS": the body the gazetteer knows under another form ("Kementerian Keuangan AS": the
            # Treasury), not a ministry named after the template
            return gaz.entries[known].canonical if known else hosted(template, state.key, after, where)
    # "Dinas Penjaga Perbatasan Negara Lituania": no template, but its words name the body before the state
    # ("State Border Guard Service"), and English names it "of" the state as the templates do; every word listed
    # (a capitalised word before a state is more often an Indonesian word in a headline than a name: "Partai
    # Berkuasa Georgia")
    found = [f for f in gaz.find(surface) if f[2] == state_key]
    before = surface[:found[-1][0]].strip() if found and found[-1][1] == len(surface) else ""
    lex = name_words()
    body = english_name(before, lambda word: True) or lex.heads.get(" ".join(before.lower().split())) \
        if before else None
    if body and " " not in before and before.lower() not in lex.sole:
        body = None  # "Pasukan Rusia": a head alone before a state names its body only where listed ("Senat")
    if not body:
        return surface
    # "Tentara Nasional Libya": a state's forces take its adjective first (Libyan National Army), and some states'
    # every body ("Komando Pusat AS": United States Central Command)
    first = body.endswith(lex.state_first) or state.canonical.lower() in lex.first_states
    if state.canonical.lower() in lex.american:  # "Badan Logistik Pertahanan Filipina": spelled as its state does
        body = body.replace("Defence", "Defense")  # (a template's name keeps the spelling the annotations give it)
    return fill(("{adjective} " + body) if first else (body + " of {state}"), state.canonical)


def rendered(surface: str) -> str | None:
    """The English name of a body the gazetteer does not list, from the words of its name: a state's body when a
    known state ends it ("Kementerian Kesehatan Lebanon": ``body_canonical``), else ``english_name``, but not for a
    body template's form alone ("Mahkamah Agung", "Departemen Keuangan"): whose body that is the article says."""
    gaz = gazetteer()
    tail = gaz.find(surface)
    if tail and tail[-1][1] == len(surface) and tail[-1][0] > 0 and _is_state(tail[-1][2]):
        name = body_canonical(surface, tail[-1][2])
        return None if name == surface else name
    return None if body_template(surface)[0] is not None else english_name(surface, is_named)


@lru_cache(maxsize=1)
def _adjective_states() -> dict[str, str]:
    """A state's adjective in the names of its forces (lower case) → the state's key: "peruvian" → Peru, "royal
    saudi" → Saudi Arabia."""
    gaz = gazetteer()
    out: dict[str, str] = {}
    lex = name_words()
    for state, adjective in sorted([*lex.adjectives.items(), *lex.royal.items()]):
        key = gaz.lookup(state)
        if key is not None and gaz.entries[key].type == "GPE":
            out.setdefault(adjective.lower(), key)
    return out


def adjective_state(words: str) -> str | None:
    """The state that the words before a force's head name ("Peruvian", "Pakistan" in "Pakistan Air Force"):
    by its adjective (``fill``'s ``{adjective}``) or its own name."""
    gaz = gazetteer()
    key = _adjective_states().get(words.lower()) or gaz.lookup(words)
    return key if key is not None and gaz.entries[key].type == "GPE" else None


def _standing_for(key: str) -> GazEntry:
    """The gazetteer entry a key stands for: a seat's ("Moskow") its state's, any other its own."""
    gaz = gazetteer()
    e = gaz.entries[key]
    return gaz.entries.get(e.metonym_for or "", e)


def _is_state(key: str) -> bool:
    """Whether a gazetteer key names a state, itself or through its seat ("Moskow")."""
    return _standing_for(key).type == "GPE"


def is_named(word: str) -> bool:
    """Whether a word is a name the gazetteer knows: a body of what it names ("Partai Komunis China", "Dewan
    Keamanan PBB") is not rendered word by word."""
    return gazetteer().lookup(word) is not None


def hosted(template: str, state: str, after: str, where: str | None = None) -> str:
    """A body of ``state`` named with the state it sits in when the words after it say so ("Kedutaan Besar
    China di Washington": the Embassy of China in the United States, as the encyclopedia names embassies;
    a capital stands for its state), else in the state the article is set in (``where``: "Kedutaan Besar Rusia"
    in a story from Bucharest is the Embassy of Russia in Romania), else the template filled with the state alone."""
    gaz = gazetteer()
    name = gaz.entries[state].canonical
    host_template, preps = cues().host_templates.get(template, ("", frozenset()))
    words = after.split(maxsplit=1)
    if len(words) < 2 or after[:1] != " " or words[0].lower() not in preps:
        host = where if host_template else None
    else:
        found = gaz.find(words[1])
        host = gaz.state_of(found[0][2]) if found and found[0][0] == 0 else None
    if host is None or host == state or gaz.entries[host].type != "GPE":
        return fill(template, name)
    return fill(host_template.replace("{host}", _definite(gaz.entries[host].canonical)), name)


def _definite(state: str) -> str:
    """A state's English name as it stands inside a phrase: with "the" before "United States" (kg:DefiniteName)."""
    return "the " + state if any("DefiniteName" in cues().classes(w) for w in state.lower().split()) else state


@lru_cache(maxsize=1)
def styled_bodies() -> dict[tuple[str, str], str]:
    """(the body form a gazetteer name starts with, state key) → that state's body so named ("departemen keuangan" and
    the United States: the Treasury, named "Departemen Keuangan AS"); a template form alone names no state's body."""
    gaz = gazetteer()
    templates = cues().templates
    out: dict[tuple[str, str], str] = {}
    for form, key in sorted(gaz.forms.items()):
        e = gaz.entries[key]
        if e.type != "ORG" or not e.affiliation:
            continue
        if (n := norm(corrected(form))) not in templates and (prefix := template_form(n)) is not None:
            out.setdefault((prefix, gaz.state_of(e.affiliation) or e.affiliation), key)
    return out


@lru_cache(maxsize=1)
def state_bodies() -> dict[tuple[str, str], str]:
    """(body template, state key) → the gazetteer's body of that state that one of its forms names with the
    template ("Kementerian Keuangan Amerika Serikat": the United States Department of the Treasury)."""
    templates = cues().templates
    out: dict[tuple[str, str], str] = {}
    for (prefix, state), key in styled_bodies().items():  # (in the order of the forms: the first form's body)
        out.setdefault((templates[prefix], state), key)
    return out


def fill(template: str, state: str) -> str:
    """A body template filled with a state's English name, with the article English puts before names
    like "United States" or "Netherlands" inside a phrase (kg:DefiniteName words): "Embassy of the United
    States", as the encyclopedia names it, not "Embassy of United States". ``{adjective}`` is the state's adjective
    in the names of its forces (names.ttl kg:StateAdjective: "Peruvian Air Force"), else its name ("Pakistan Army").
    A state English names every body of with its name first (names.ttl kg:stateFirstState) names a ministry so too,
    by the template's kg:stateFirstName ("United States Department of State")."""
    lex = name_words()
    first = cues().state_first_names.get(template)
    if first and state.lower() in lex.first_states:
        return f"{state} {first}"  # "Departemen Energi AS": the United States Department of Energy
    adjective = lex.adjectives.get(state.lower(), state)
    return template.format(state=_definite(state), adjective=adjective, royal=lex.royal.get(state.lower(), adjective))


@lru_cache(maxsize=8192)
def body_template(surface: str) -> tuple[str | None, bool]:
    """The ``kg:OrgTemplate`` a body's name starts with, and whether the name is that form alone
    ("Kementerian Pertahanan") rather than a state's body ("Kementerian Pertahanan Rusia"). Kept: resolution asks
    it of every known name of every article (the cue lexicon, like ``org_head``'s, is fixed for the process)."""
    templates = cues().templates
    n = norm(corrected(surface))
    if n in templates:
        return templates[n], True
    prefix = template_form(n)
    return (templates[prefix], False) if prefix is not None else (None, False)


def template_form(n: str) -> str | None:
    """The longest ``kg:OrgTemplate`` form a normalised body name starts with, short of the whole name."""
    templates = cues().templates
    words = n.split()
    return next((p for k in range(len(words) - 1, 0, -1) if (p := " ".join(words[:k])) in templates), None)


@lru_cache(maxsize=1)
def home_country() -> str | None:
    """The state the news is written in: whose bodies the gazetteer names by a bare form ("Kemhan", "Kemlu"), the
    state most such bodies belong to (a form or two may name a foreign one: "Kongres", the US Congress)."""
    gaz = gazetteer()
    states = [state for template in dict.fromkeys(cues().templates.values())
              if (key := default_body(template)) is not None and (state := gaz.state_of(key)) is not None]
    return max(dict.fromkeys(states), key=states.count) if states else None


def default_body(template: str) -> str | None:
    """Gazetteer key of the body a template names with no state: the one another of its forms names on its
    own ("Kemhan"), i.e. the home state's; None when no form does."""
    gaz = gazetteer()
    for form, other in cues().templates.items():
        key = gaz.forms.get(form) if other == template else None
        if key is not None and gaz.entries[key].type == "ORG":
            return key
    return None
