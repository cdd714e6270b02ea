"""The gazetteer: surface forms of known entities → entries, from ``ontology/entities.ttl`` (hand-kept)
and the generated ``ontology/places.ttl`` (CLDR countries and GeoNames cities, ``python -m
kg.train.gazetteer``). Hand-kept entries win wherever both name the same key or surface form."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import OWL, RDF, Graph, Namespace, URIRef
from rdflib.namespace import SKOS

from kg import ONTOLOGY_DIR
from kg.cues import cues
from kg.patterns import alternation
from kg.resolve.names import norm

KG = Namespace("https://w3id.org/kg-news/ontology#")
#: Gazetteer class → gold entity type.
CLASS_TYPES = {"State": "GPE", "City": "GPE", "Location": "LOC", "Organization": "ORG", "Person": "PER"}
ACTOR_TYPES = frozenset({"PER", "ORG", "GPE"})

@dataclass(frozen=True)
class GazEntry:
    key: str
    canonical: str
    type: str
    wikidata: str | None = None
    metonym_for: str | None = None
    located_in: str | None = None
    affiliation: str | None = None
    outlet: bool = False  # a news outlet: reports claims, never makes them


@dataclass
class Gazetteer:
    """Surface forms → entries, with one compiled regex that finds the longest form first."""

    entries: dict[str, GazEntry] = field(default_factory=dict)
    forms: dict[str, str] = field(default_factory=dict)  # norm(form) → key
    acronyms: dict[str, set[str]] = field(default_factory=dict)  # norm → exact spellings required
    short: dict[str, str] = field(default_factory=dict)  # short name (as written) → key
    pattern: re.Pattern | None = None
    label_patterns: list[tuple[re.Pattern, str]] = field(default_factory=list)  # kg:labelPattern → key

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, key) of every gazetteer name in ``text`` under the case rules."""
        out = []
        pos = 0
        while (m := self.pattern.search(text, pos)) is not None:
            surface = m.group(0)
            n = norm(surface)
            key = self.forms.get(n)
            if key is None:
                key = self.short.get(surface)
                if key is not None and inside_longer_name(text, m.start(), m.end()):
                    key = None  # "Presiden Inggris Tran [Kirby]" is not John Kirby
            elif not self._case_ok(surface, n):
                key = None
            if key is None:  # rejected: a shorter name may start inside ("militer [Ukraina]")
                pos = m.start() + 1
                continue
            out.append((m.start(), m.end(), key))
            pos = m.end()
        if self.label_patterns:  # "ANTARA News Kalimantan Barat": a longer pattern match wins
            extra = [(m.start(), m.end(), key) for rx, key in self.label_patterns for m in rx.finditer(text)]
            for a, b, key in sorted(extra, key=lambda x: x[0] - x[1]):
                if all(b - a > e - s for s, e, _ in out if s < b and a < e):
                    out = [x for x in out if not (x[0] < b and a < x[1])] + [(a, b, key)]
            out.sort()
        return out

    def _case_ok(self, surface: str, n: str) -> bool:
        if n in self.acronyms:
            return surface.replace(" ", "") in self.acronyms[n]
        if " " not in n:
            return surface[:1].isupper()
        if surface[:1].islower():  # "semenanjung Korea" is a place; "militer Ukraina" is not a name
            return self.entries[self.forms[n]].type == "LOC" and any(ch.isupper() for ch in surface)
        return any(ch.isupper() for ch in surface)

    def lookup(self, surface: str) -> str | None:
        """Key of a surface form written exactly as a label (any case), or a known short name."""
        return self.forms.get(norm(surface)) or self.short.get(surface.strip())

    def state_of(self, key: str) -> str | None:
        """The state a place or body stands for or lies in (for visits and ``pemerintahan X``)."""
        e = self.entries.get(key)
        if e is None:
            return None
        if e.type == "GPE" and e.metonym_for is None and e.located_in is None:
            return key
        return e.metonym_for or e.located_in or e.affiliation


_PREV_WORD = re.compile(r"([\w'’-]+)[ ]$")
_NEXT_WORD = re.compile(r"^[ ]([\w'’-]+)")


def inside_longer_name(text: str, start: int, end: int) -> bool:
    """A capitalised word right before or after that is neither a title nor another known word."""
    c = cues()
    for m in (_PREV_WORD.search(text, max(0, start - 30), start), _NEXT_WORD.match(text[end:end + 30])):
        if m and m.group(1)[:1].isupper() and not c.classes(m.group(1)):
            return True
    return False


def _local(iri: URIRef) -> str:
    return str(iri).rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """Parse ``ontology/entities.ttl`` (or another file in the same shape)."""
    g = Graph().parse(path or ONTOLOGY_DIR / "entities.ttl")
    gaz = Gazetteer()
    labels: dict[str, list[str]] = {}
    for subject in set(g.subjects(SKOS.inScheme, KG.EntityScheme)):
        key = _local(subject)
        etype = next((CLASS_TYPES[_local(c)] for c in g.objects(subject, RDF.type) if _local(c) in CLASS_TYPES), None)
        if etype is None:
            continue
        en = [str(x) for x in g.objects(subject, SKOS.prefLabel) if x.language == "en"]
        qid = next((_local(x) for x in g.objects(subject, OWL.sameAs) if "wikidata" in str(x)), None)
        links = [next((_local(x) for x in g.objects(subject, p)), None)
                 for p in (KG.metonymFor, KG.locatedIn, KG.affiliation)]
        outlet = (subject, RDF.type, KG.NewsOutlet) in g
        gaz.entries[key] = GazEntry(key, en[0] if en else key.replace("_", " "), etype, qid, *links, outlet)
        labels[key] = [str(x) for p in (SKOS.prefLabel, SKOS.altLabel) for x in g.objects(subject, p)]
        for short in g.objects(subject, KG.shortName):
            gaz.short[str(short)] = key
        for rx in g.objects(subject, KG.labelPattern):
            gaz.label_patterns.append((re.compile(rf"(?<![\w.])(?:{rx})(?![\w])"), key))
    # Specific entries claim a form first: states before the capitals named like them, longer
    # canonical names last so "Intelijen Pertahanan" stays with the body that lists it.
    for key in sorted(labels, key=lambda k: (gaz.entries[k].metonym_for is not None, k)):
        for label in labels[key]:
            n = norm(label)
            gaz.forms.setdefault(n, key)
            compact = label.replace(".", "").replace("-", "")
            if label.isupper() and len(compact) <= 6 or (len(label) <= 4 and label[:1].isupper() and
                                                          not label[1:].islower()):
                gaz.acronyms.setdefault(n, set()).add(label.replace(" ", ""))
    for short in list(gaz.short):
        if norm(short) in gaz.forms:  # a label already; the short name must not override it
            del gaz.short[short]
    body = alternation(set(gaz.forms) | {norm(s) for s in gaz.short})
    # a hyphen separates names ("Rusia-Korut"), a dot inside a word does not ("TEMPO.CO")
    gaz.pattern = re.compile(rf"(?<![\w.])(?:{body})(?![\w]|\.\w)", re.IGNORECASE)
    return gaz


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shared gazetteer (parsed once per process)."""
    return load_gazetteer()
