"""English names for organisations the gazetteer does not list, from the words of their Indonesian name.

Indonesian names a body head first ("Front Pembebasan Rakyat Tigray"); English head last ("Tigray People's
Liberation Front"), and the annotations, the encyclopedia and other outlets name it in English, so an
entity named as written would match none of them. The words and their renderings are data
(``ontology/names.ttl``); this module only reverses the parts of a name and renders each.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kg import ONTOLOGY_DIR, vocab
from kg.cache import cached


@dataclass
class NameWords:
    """Lower-case word or phrase → English: the heads a name may open with, and every listed word."""

    heads: dict[str, str] = field(default_factory=dict)  # English head, or a pattern "Ministry of {}"
    words: dict[str, str] = field(default_factory=dict)
    places: dict[str, str] = field(default_factory=dict)  # place heads: English head or "Port of {}" pattern
    common: set[str] = field(default_factory=set)  # Indonesian words never taken for a proper name
    common_shape: re.Pattern | None = None  # the shape of a derived common noun, likewise
    longest: int = 1  # the most words a listed phrase has: how far a match looks ahead
    adjectives: dict[str, str] = field(default_factory=dict)  # a state's English name (lower case) → its forces' adjective
    royal: dict[str, str] = field(default_factory=dict)  # likewise, a monarchy's royal services ("Royal Saudi")
    first_states: set[str] = field(default_factory=set)  # states English names every body of with the state first
    american: set[str] = field(default_factory=set)  # states whose bodies' English names spell "Defense"
    state_first: tuple[str, ...] = ()  # English heads of bodies named with their state's adjective first
    sole: set[str] = field(default_factory=set)  # heads that name a body with the state alone ("Senat Kamboja")


def load(path: Path | None = None) -> NameWords:
    """Parse ``ontology/names.ttl``."""
    from rdflib import Graph, Literal, Namespace  # only to parse: read from kg.cache (0.1 s an import)
    from rdflib.namespace import RDF

    KG = Namespace(vocab.KG)
    g = Graph().parse(path or ONTOLOGY_DIR / "names.ttl")
    out = NameWords()
    for cls, target in ((KG.NameHead, out.heads), (KG.NameWord, out.words), (KG.PlaceHead, out.places)):
        for s in sorted(set(g.subjects(RDF.type, cls))):
            english = next((str(o) for o in g.objects(s, KG.english) if isinstance(o, Literal)), None)
            for form in g.objects(s, KG.form):
                if english is not None:
                    target[" ".join(str(form).lower().split())] = english
    out.longest = max((len(f.split()) for f in (*out.heads, *out.words, *out.places)), default=1)
    for s in g.subjects(RDF.type, KG.StateAdjective):
        for state, english in zip(g.objects(s, KG.state), g.objects(s, KG.english), strict=False):
            out.adjectives[str(state).lower()] = str(english)
            out.royal.update((str(state).lower(), str(r)) for r in g.objects(s, KG.royal))
    out.first_states = {str(o).lower() for o in g.objects(KG.NameWords, KG.stateFirstState)}
    out.american = {str(o).lower() for o in g.objects(KG.NameWords, KG.americanSpelling)}
    out.state_first = tuple(sorted(str(o) for o in g.objects(KG.NameWords, KG.stateFirstHead)))
    out.sole = {" ".join(str(o).lower().split()) for o in g.objects(KG.NameWords, KG.soleHead)}
    out.common = {str(o).lower() for o in g.objects(KG.NameWords, KG.commonWord)}
    shape = next(iter(g.objects(KG.NameWords, KG.commonShape)), None)
    out.common_shape = re.compile(str(shape)) if shape is not None else None
    return out


@lru_cache(maxsize=1)
def name_words() -> NameWords:
    """The shared lexicon, kept between processes (``kg.cache``)."""
    return cached("names", [ONTOLOGY_DIR / "names.ttl", Path(__file__)], load)


def _match(words: list[str], i: int, table: dict[str, str], longest: int) -> tuple[int, str] | None:
    """The longest phrase of ``table`` (none over ``longest`` words) starting at word ``i``: (its length, its
    English)."""
    for n in range(min(longest, len(words) - i), 0, -1):
        english = table.get(" ".join(words[i:i + n]).lower())
        if english is not None:
            return n, english
    return None


def english_name(surface: str, is_named: Callable[[str], bool] = lambda word: False) -> str | None:
    """The English name of an organisation written in Indonesian ("Pasukan Stabilisasi Internasional" →
    "International Stabilization Force"), or None where the name does not open with a listed head, holds a
    lower-case word the lexicon lacks, or a word that names something else (``is_named``: "Dewan Keamanan PBB",
    "Partai Komunis China" are bodies of what they name, which the gazetteer and the body templates name) or an
    acronym."""
    lex = name_words()
    words = surface.split()
    if len(words) < 2 or not words[0][:1].isupper():
        return None
    head = _match(words, 0, lex.heads, lex.longest)
    if head is None or head[0] == len(words):
        return None
    parts: list[str] = [head[1]]
    i = head[0]
    proper = False  # whether the last part is a proper word
    while i < len(words):
        hit = _match(words, i, lex.words, lex.longest) or _match(words, i, lex.heads, lex.longest)
        if hit is not None and "{}" in hit[1]:
            return None  # "Departemen … Kementerian Pertahanan": a body inside a body
        if hit is not None:
            parts.append(hit[1])
            i += hit[0]
            proper = False
            continue
        w = words[i]
        if not w[:1].isupper() or not w.replace("-", "").replace("'", "").isalpha() or w.isupper() or is_named(w) \
                or w.lower() in lex.common or lex.common_shape is not None and lex.common_shape.match(w.lower()):
            return None
        if proper:  # "Sri Lanka", "Den Haag": proper words in a row are one name, kept in their order
            parts[-1] += " " + w
        else:
            parts.append(w)  # a proper word: "Tigray", "Amal", "Polisario"
        proper = True
        i += 1
    # "Partai Keadilan dan Pembangunan": coordinated modifiers keep their order when the rest turns round
    joined: list[str] = []
    k = 0
    while k < len(parts):
        if k + 2 < len(parts) and parts[k + 1] == "and":
            joined.append(" ".join(parts[k:k + 3]))
            k += 3
        else:
            joined.append(parts[k])
            k += 1
    if "and" in joined:
        return None  # "dan" that joins no two modifiers
    if "{}" in joined[0]:  # "Kementerian Energi dan Sumber Daya Mineral": English names a ministry "Ministry of …"
        return joined[0].format(" ".join(reversed(joined[1:])))
    return " ".join(reversed(joined))


def place_name(surface: str) -> str | None:
    """The English name of a place written in Indonesian ("Pangkalan Udara Nevatim" → "Nevatim Air Base",
    "Pelabuhan Jask" → "Port of Jask"), or None where the name does not open with a listed place head or a
    word after it is not a proper word (a lower-case word, a listed word such as a direction, an acronym, a
    bracket): "Provinsi Kivu Utara" is North Kivu, which this cannot know."""
    lex = name_words()
    words = surface.split()
    head = _match(words, 0, lex.places, lex.longest) if len(words) > 1 and words[0][:1].isupper() else None
    if head is None or head[0] == len(words):
        return None
    rest = words[head[0]:]
    for w in rest:
        if not w[:1].isupper() or not w.replace("-", "").replace("'", "").isalpha() or (w.isupper() and len(w) > 1) \
                or _match([w], 0, lex.words, 1) or _match([w], 0, lex.heads, 1) or w.lower() in lex.common:
            return None
    name = " ".join(rest)
    return head[1].format(name) if "{}" in head[1] else f"{name} {head[1]}"
