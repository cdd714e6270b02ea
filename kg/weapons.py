"""WEAPON mentions from the SKOS scheme in ``ontology/weapons.ttl``.

No NER corpus labels weapons, so they come from a user-extensible lexicon: every prefLabel and
altLabel is a surface form (an Indonesian one also in its reduplicated plural, "rudal-rudal");
matching is case-insensitive, on token boundaries, longest first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SKOS

from kg import ONTOLOGY_DIR, patterns
from kg.cache import cached
from kg.cues import ENCLITICS
from kg.patterns import alternation
from kg.vocab import KG
from kg.vocab import local_name as _local

_MADE_IN = URIRef(KG + "madeIn")
_LOOKALIKE = URIRef(KG + "lookalike")
_KINDS = {URIRef(KG + "Munition"): "munition", URIRef(KG + "WeaponPlatform"): "platform"}


@dataclass(frozen=True)
class WeaponConcept:
    key: str  # IRI local name, e.g. "artillery_ammunition"
    canonical: str  # prefLabel@en
    broader: str | None  # key of the broader concept
    maker: str | None = None  # entity key of the state the model is made in (kg:madeIn)
    kind: str | None = None  # "munition" (kg:Munition) or "platform" (kg:WeaponPlatform); below them: inherited


class WeaponLexicon:
    """Surface form → concept, plus one compiled regex that finds the longest forms first."""

    def __init__(self, path: Path | None = None) -> None:
        path = path or ONTOLOGY_DIR / "weapons.ttl"
        g = Graph().parse(path)
        self.concepts: dict[str, WeaponConcept] = {}
        self.forms: dict[str, str] = {}
        for concept in set(g.subjects(SKOS.inScheme, None)):
            key = _local(concept)
            en = [str(label) for label in g.objects(concept, SKOS.prefLabel) if label.language == "en"]
            broader = next((_local(b) for b in g.objects(concept, SKOS.broader)), None)
            maker = next((_local(m) for m in g.objects(concept, _MADE_IN)), None)
            kind = next((_KINDS[t] for t in g.objects(concept, RDF.type) if t in _KINDS), None)
            self.concepts[key] = WeaponConcept(key, en[0] if en else key.replace("_", " "), broader, maker, kind)
            for prop in (SKOS.prefLabel, SKOS.altLabel):
                for label in g.objects(concept, prop):
                    form = _norm(str(label))
                    self.forms.setdefault(form, key)
                    if label.language == "id":
                        # the Indonesian plural doubles the head noun: "rudal-rudal balistik", "tank-tank"
                        first, _, rest = form.partition(" ")
                        if first.isalpha() and len(first) >= 3:
                            self.forms.setdefault(f"{first}-{first} {rest}".strip(), key)
                        if not rest and form.isalpha() and len(form) >= 4:
                            # a possessive enclitic on a one-word form: "rudal … beserta peluncurnya"
                            self.forms.setdefault(form + ENCLITICS[0], key)
        # phrases that hold a weapon word but name none ("gencatan senjata"): matched with the forms, then dropped
        self.lookalikes = {_norm(str(p)) for p in g.objects(None, _LOOKALIKE)} - set(self.forms)
        found = alternation({**self.forms, **dict.fromkeys(self.lookalikes, "")})
        self.pattern = re.compile(rf"(?<![\w-])(?:{found})(?![\w-])", re.IGNORECASE)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, concept key) for every weapon mention in ``text``."""
        return [(m.start(), m.end(), key) for m in self.pattern.finditer(text)
                if (key := self.forms.get(_norm(m.group(0)))) is not None]  # (a look-alike has no key)

    def makers(self, keys: Iterable[str]) -> set[str]:
        """The states the models among ``keys`` are made in (kg:madeIn): who sells them, where talks, contracts
        and purchases leave the seller unsaid."""
        return {c.maker for k in keys if (c := self.concepts.get(k)) is not None and c.maker}

    def head(self, key: str) -> str:
        """The most general concept below ``weapons`` (artillery_ammunition → ammunition)."""
        seen = key
        while (b := self.concepts[seen].broader) and b != "weapons":
            seen = b
        return seen


def _norm(form: str) -> str:
    return " ".join(form.lower().split())


@lru_cache(maxsize=1)
def lexicon() -> WeaponLexicon:
    """The shared lexicon, parsed once per process and kept between processes (``kg.cache``: 0.3 s of
    every process's start-up)."""
    return cached("weapons", [ONTOLOGY_DIR / "weapons.ttl", Path(__file__), Path(patterns.__file__)], WeaponLexicon)
