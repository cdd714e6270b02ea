"""The marks of persons' names no listing covers: "Ahmet Yilmaz" → "Ahmet Yılmaz", "Nikola Jovanovic" → "Nikola Jovanović".

Indonesian copy writes foreign names without their diacritics; the annotations and every other source name a
person as English Wikipedia does, in the spelling of the person's own language. A listed person carries that
spelling from ``entities.ttl``; an unlisted one is named as the text spells it, and so matches nothing. The
marks are put back word by word from ``ontology/accents.ttl``: names whose marked spelling is nearly always
the right one, and endings a language marks on nearly every family name (Serbian ``-ić``, Turkish ``-oğlu``).
Whose name it is decides which language may speak: the states of the bodies the person holds a role in. A
word marked for anyone is left plain for a person known to be of a state none of its languages names; a word
or ending marked only for a language's own people needs such a state. A name the gazetteer lists, or one the
text writes with any mark, is never touched.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from kg import ONTOLOGY_DIR, vocab
from kg.cache import cached
from kg.resolve import lookup
from kg.resolve.bare import state_key
from kg.resolve.bodies import adjective_state
from kg.resolve.lookup import folded, gazetteer
from kg.types import Entity, Mention

PATH = ONTOLOGY_DIR / "accents.ttl"

#: shortest word an ending is put on: the ending must follow a stem ("Ilic", not "Ic")
_STEM = 2


def plain(word: str) -> str:
    """``word`` without its marks, as Indonesian copy writes it ("Yılmaz" → "Yilmaz", "Wałęsa" → "Walesa"): the
    gazetteer's folding (kg.resolve.lookup.folded)."""
    return folded(word)


@dataclass
class Accents:
    """Plain words and endings (lower case) → their marked spellings, each with its language."""

    #: plain word → [(marked word, language, right for anyone)]
    words: dict[str, list[tuple[str, str, bool]]] = field(default_factory=dict)
    #: (plain ending, marked ending, language), longest first
    suffixes: list[tuple[str, str, str]] = field(default_factory=list)
    #: language → the states whose people it names
    states: dict[str, frozenset[str]] = field(default_factory=dict)


def load(path: Path | None = None) -> Accents:
    """Parse ``ontology/accents.ttl``."""
    from rdflib import Graph, Literal, Namespace  # only to parse: read from kg.cache (0.1 s an import)
    from rdflib.namespace import RDF

    KG = Namespace(vocab.KG)
    g = Graph().parse(path or PATH)
    out = Accents()
    for lang in sorted(set(g.subjects(RDF.type, KG.NameLanguage))):
        name = _local(lang)
        out.states[name] = frozenset(_local(s) for s in g.objects(lang, KG.spokenIn))
        own = {str(o) for o in g.objects(lang, KG.accentedWithState) if isinstance(o, Literal)}
        anyone = {str(o) for o in g.objects(lang, KG.accentedName) if isinstance(o, Literal)} - own
        for marked, free in sorted([(w, True) for w in anyone] + [(w, False) for w in own]):
            for form in _plain_forms(marked):
                if form != marked.lower():
                    out.words.setdefault(form, []).append((marked, name, free))
    for s in sorted(set(g.subjects(RDF.type, KG.AccentSuffix))):
        for suffix in g.objects(s, KG.suffix):
            for lang in g.objects(s, KG.language):
                out.suffixes.append((plain(str(suffix)).lower(), str(suffix), _local(lang)))
    out.suffixes.sort(key=lambda x: (-len(x[0]), x))
    return out


def _local(node: object) -> str:
    return str(node).rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _plain_forms(marked: str) -> set[str]:
    """The ways Indonesian copy writes ``marked`` (lower case): without its marks, and Đ as "Dj" as well
    ("Đorđe" → "dorde", "djordje")."""
    forms = {plain(marked).lower()}
    if "đ" in marked.lower():
        forms.add(plain(marked.replace("đ", "dj").replace("Đ", "Dj")).lower())
    return forms


@lru_cache(maxsize=1)
def accents() -> Accents:
    """The shared table, kept between processes (``kg.cache``; its plain forms fold as kg.resolve.lookup does)."""
    return cached("accents", [PATH, Path(__file__), Path(lookup.__file__)], load)


def restored(name: str, states: Collection[str] = ()) -> str:
    """``name`` with the marks its words take in the language of a person of ``states`` (the states the person
    is known to serve; where none is known, those of the one language the name's other words are marked in); as
    written where the text marks any letter of it."""
    if not name.isascii():
        return name
    parts = re.split(r"([\s-]+)", name)
    known = frozenset(states) or _name_states([p for p in parts if p[:1].isupper()])
    return "".join(_word(p, known) if p[:1].isupper() else p for p in parts)


def _name_states(words: list[str]) -> frozenset[str]:
    """The states of the one language whose names marked for anyone are among ``words`` ("Omer Celik": Çelik is
    Turkish, so Ömer is too); none where no such name is there, or where names of two languages are."""
    table = accents()
    langs: set[str] | None = None
    for word in words:
        found = {lang for _, lang, free in table.words.get(word.lower(), ()) if free}
        if found:
            langs = found if langs is None else langs & found
    if not langs or len(langs) > 1:
        return frozenset()
    return table.states[langs.pop()]


def _word(word: str, states: frozenset[str]) -> str:
    table = accents()
    forms = {marked for marked, lang, free in table.words.get(word.lower(), ())
             if (table.states[lang] & states if states else free)}
    if len(forms) == 1:
        return _cased(word, forms.pop())
    if forms or not states:  # two languages mark it two ways: which one is the person's, nothing says
        return word
    low = word.lower()
    for suffix, marked, lang in table.suffixes:
        if low.endswith(suffix) and len(low) >= len(suffix) + _STEM and table.states[lang] & states:
            return word[:-len(suffix)] + (marked.upper() if word.isupper() else marked)
    return word


def _cased(word: str, marked: str) -> str:
    """``marked`` in the case ``word`` is written in ("YILMAZ" stays in capitals)."""
    return marked.upper() if word.isupper() and len(word) > 1 else marked


def org_state(key: str, entities: dict[str, Entity]) -> str | None:
    """The state a body (or the state itself) stands for: the gazetteer's, else the first state its English name
    names ("Ministry of Foreign Affairs of Turkey", "Embassy of Serbia in Indonesia") or the state whose
    adjective opens it ("Turkish Navy")."""
    if (state := state_key(key)) is not None:
        return state
    entity = entities.get(key)
    if entity is None:
        return None
    gaz = gazetteer()
    for _, _, found in gaz.find(entity.canonical):
        if (state := state_key(found)) is not None:
            return state
    return state_key(adjective_state(entity.canonical.split(" ", 1)[0]))


def titled_states(links: Iterable[tuple[Mention, str]], text: str) -> dict[str, set[str]]:
    """Person key → the states named right before the person's name ("Presiden Venezuela [Nicolas Maduro]",
    "Menlu Turki [Omer Celik]"): the state of the title the name stands after, where no role says it."""
    out: dict[str, set[str]] = {}
    prev: tuple[Mention, str] | None = None
    for m, key in links:
        if prev is not None and m.type == "PER" and prev[0].sentence == m.sentence and \
                prev[0].end < m.start and not text[prev[0].end:m.start].strip() and \
                (state := state_key(prev[1])) == prev[1]:
            out.setdefault(key, set()).add(state)
        prev = (m, key)
    return out


def accent_persons(entities: dict[str, Entity], roles: Iterable[tuple[str, str | None]],
                   titled: dict[str, set[str]] | None = None) -> None:
    """Put the marks back on every unlisted person of an article (``entities``, changed in place), by the states of
    the bodies ``roles`` (person key, body or state key) give each of them, else by the states named right before
    their name (``titled``). The key stays: it is the slug of the name, which has no marks either way."""
    gaz = gazetteer()
    states: dict[str, set[str]] = {}
    for person, org in roles:
        if org is not None and (state := org_state(org, entities)) is not None:
            states.setdefault(person, set()).add(state)
    for person, named in (titled or {}).items():
        states.setdefault(person, set(named))
    for key, e in list(entities.items()):
        if e.type != "PER" or key in gaz.entries or not e.canonical.isascii() or gaz.lookup(e.canonical) is not None:
            continue
        name = restored(e.canonical, states.get(key, ()))
        if name != e.canonical:
            entities[key] = replace(e, canonical=name)
