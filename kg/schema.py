"""Each relation type, declared once.

Everything else derives from :data:`RELATIONS`: the argument names of the gold format
(``kg.types``), the statement class and direct property written to RDF (``kg.rdf``; the property is
read from ``kg:relationProperty`` in ``ontology/kg.ttl``), which arguments make a relation's
identity and whether its two parties can be swapped (``kg.extract.post``, ``kg.eval.relations``), and its
colour in the viewer (``kg.render``). Adding a relation type is one :class:`RelationSpec` here, one
cue class in ``ontology/cues.ttl`` and one rule file in ``kg/extract/rules/`` (docs/extending.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg import ONTOLOGY_DIR
from kg.cache import cached
from kg.vocab import KG


@dataclass(frozen=True)
class RelationSpec:
    """One relation type. ``args`` are in gold-file order; ``subject``/``object`` are the arguments
    written as ``kg:subject``/``kg:object`` (None: the type writes its own, as supplies does)."""

    name: str
    args: tuple[str, ...]
    statement_class: str
    colour: str
    subject: str
    object: str | None
    optional: tuple[str, ...] = ()  # may be None
    literal: tuple[str, ...] = ()  # text as written, not an entity key
    symmetric: bool = False  # the two entity arguments may be swapped (meets)
    label: str = ""  # viewer label of the direct property (default: its name)
    #: (argument, entity type) pairs that never hold: a person supplies only through a state or body, a
    #: place (not a state) makes no claim
    barred: tuple[tuple[str, str], ...] = ()
    #: whether an event the text negates keeps its relation, with modality "denied": the guidelines keep a negated
    #: supply only; a sanction not imposed or a visit called off is no relation at all
    negated: bool = False
    #: (argument, kind) pairs that never hold, the kind a flag of the gazetteer's entry (like ``barred`` for entity
    #: types): a news outlet ("outlet") reports an arms deal or a sanction, it neither makes nor gets one; a state that
    #: no longer exists ("former") is told of in history, nobody goes there now
    unfit: tuple[tuple[str, str], ...] = ()

    @property
    def identity(self) -> tuple[str, ...]:
        """Arguments that tell two relations of this type apart (literals do not: a role is one
        person in one organisation, whatever the title says)."""
        return tuple(a for a in self.args if a not in self.literal)

    def key(self, args: dict[str, str | None], fold: bool = False) -> tuple:
        """Identity of a relation with ``args`` (case-folded with ``fold``), symmetric types sorted."""
        values = [(args.get(a) or "") for a in self.identity]
        if fold:
            values = [v.lower() for v in values]
        if self.symmetric:
            values = sorted(values)
        return (self.name, *values)

    @property
    def property(self) -> str:
        """Local name of the direct property (``kg:relationProperty`` of the statement class)."""
        return relation_properties().get(self.statement_class, self.name)


_NOT_PERSONS = ("ORG", "GPE", "LOC", "WEAPON")

RELATIONS: dict[str, RelationSpec] = {s.name: s for s in (
    # a place is no party: "mengecam … pengeboman situs Fordow" charges whoever bombed it, not the site
    RelationSpec("accuses", ("accuser", "accused"), "Accusation", "#d62728", "accuser", "accused",
                 barred=(("accuser", "LOC"), ("accused", "LOC"))),
    RelationSpec("supplies", ("supplier", "weapon", "recipient"), "Supply", "#2ca02c", "supplier", None,
                 optional=("recipient",), barred=(("supplier", "PER"),), negated=True,
                 unfit=(("supplier", "outlet"), ("recipient", "outlet"))),
    RelationSpec("warns", ("warner", "warned"), "Warning", "#ff7f0e", "warner", "warned",
                 barred=(("warner", "LOC"), ("warned", "LOC"))),
    # two persons meet, a person visits: "bertemu dengan pemimpin Arab Saudi" names no one met
    RelationSpec("meets", ("a", "b"), "Meeting", "#1f77b4", "a", "b", symmetric=True,
                 barred=tuple((n, t) for n in ("a", "b") for t in _NOT_PERSONS)),
    RelationSpec("visits", ("visitor", "place"), "Visit", "#9467bd", "visitor", "place",
                 barred=tuple(("visitor", t) for t in _NOT_PERSONS), unfit=(("place", "former"),)),
    RelationSpec("sanctions", ("sanctioner", "target"), "Sanction", "#8c564b", "sanctioner", "target",
                 barred=(("sanctioner", "LOC"),), unfit=(("sanctioner", "outlet"),)),
    RelationSpec("denies", ("denier", "accuser"), "Denial", "#e377c2", "denier", "accuser",
                 barred=(("denier", "LOC"), ("accuser", "LOC"))),
    RelationSpec("role", ("person", "org_or_state", "title"), "Role", "#7f7f7f", "person", "org_or_state",
                 optional=("title",), literal=("title",), label="holds role"),
)}


_BUILT_IN = frozenset(RELATIONS)


@lru_cache(maxsize=1)
def relation_properties() -> dict[str, str]:
    """Statement class local name → direct property local name, from ``ontology/kg.ttl``: parsed once
    and kept by :mod:`kg.cache`, since every process that mints RDF reads it on ``import kg.rdf`` and
    rdflib's import and parse cost it 0.1 s of its start-up."""
    return cached("relation-properties", [ONTOLOGY_DIR / "kg.ttl", Path(__file__)], _parse_relation_properties)


def _parse_relation_properties() -> dict[str, str]:
    from rdflib import Graph, URIRef

    g = Graph().parse(ONTOLOGY_DIR / "kg.ttl")
    out = {}
    for cls, prop in g.subject_objects(URIRef(KG + "relationProperty")):
        out[str(cls).removeprefix(KG)] = str(prop).removeprefix(KG)
    return out


def declare(spec: RelationSpec) -> RelationSpec:
    """Add a relation type (docs/extending.md); re-declaring a built-in type is refused."""
    if spec.name in RELATIONS:
        raise ValueError(f"relation type {spec.name!r} is already declared")
    RELATIONS[spec.name] = spec
    return spec


def withdraw(name: str) -> None:
    """Remove a relation type added with :func:`declare` (and nothing else)."""
    if name in _BUILT_IN:
        raise ValueError(f"{name!r} is a built-in relation type")
    RELATIONS.pop(name, None)
