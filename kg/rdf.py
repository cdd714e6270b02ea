"""``Extraction`` → RDF quads: the only place where IRIs and triples are minted.

Everything about one article goes into one named graph whose IRI is the article's (itself named by
the content hash), so replacing an article is dropping one graph. Output is a pure function of the
extraction (and of the installed pipeline, recorded once per article as ``kg:builtWith``): IRIs
are hashes and slugs, never counters or blank nodes, and the quads come back sorted, so the same
input always gives byte-identical N-Quads. See docs/rdf-model.md.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, Triple, parse, serialize

from kg import ONTOLOGY_DIR, __version__
from kg.dates import event_date
from kg.fingerprint import fingerprint
from kg.schema import RELATIONS
from kg.types import MODALITIES, RELATION_ARGS, Extraction, Relation
from kg.vocab import DCTERMS, KG, OWL, PREFIXES, PROV, RDF, RDFS, RES, SCHEMA, SKOS, WD, XSD  # noqa: F401

if TYPE_CHECKING:
    import rdflib

log = logging.getLogger(__name__)

# the namespaces are kg.vocab's (imported here too, as kg.rdf.KG etc., for the modules and tests that use them)
#: Prefixes for files written for people (TriG, Turtle): minted IRIs by kind, no escaped slashes.
EXPORT_PREFIXES: dict[str, str] = {
    **{k: v for k, v in PREFIXES.items() if k != "kgr"},
    "art": RES + "article/", "ent": RES + "entity/", "st": RES + "statement/",
}
#: ``EXTRACTOR`` is written on every statement so graphs from different versions can be told apart.
EXTRACTOR = f"kg {__version__}"

#: Entity type code (kg.types.ENTITY_TYPES) → ontology class local name.
ENTITY_CLASSES: dict[str, str] = {
    "PER": "Person", "ORG": "Organization", "GPE": "State", "LOC": "Location", "WEAPON": "WeaponType",
}
#: Relation type → statement class, direct property, (subject arg, object arg): all from kg.schema.
STATEMENT_CLASSES: dict[str, str] = {n: spec.statement_class for n, spec in RELATIONS.items()}
DIRECT_PROPERTIES: dict[str, str] = {n: spec.property for n, spec in RELATIONS.items()}
SUBJECT_OBJECT: dict[str, tuple[str, str | None]] = {n: (spec.subject, spec.object) for n, spec in RELATIONS.items()}
#: Arguments that may be missing (None) or are not entity keys.
OPTIONAL_ARGS = {(n, a) for n, spec in RELATIONS.items() for a in spec.optional}
LITERAL_ARGS = {(n, a) for n, spec in RELATIONS.items() for a in spec.literal}
#: Language of the article texts (titles, evidence, role titles).
TEXT_LANG = "id"

_WIKIDATA = re.compile(r"^(?:https?://www\.wikidata\.org/(?:entity|wiki)/)?(Q[1-9][0-9]*)$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class InvalidExtraction(ValueError):
    """An ``Extraction`` that cannot be written as a valid graph (the message says why)."""


def kg(name: str) -> NamedNode:
    """A term of the kg ontology (``kg("accuses")``)."""
    return NamedNode(KG + name)


def entity_iri(key: str) -> NamedNode:
    """``kgr:entity/<key>``; characters outside a slug are percent-encoded so any key is a valid IRI."""
    if not key:
        raise InvalidExtraction("empty entity key")
    return NamedNode(RES + "entity/" + quote(key, safe="-_.~"))


def article_iri(doc_id: str) -> NamedNode:
    """``kgr:article/<first 16 hex digits of the content hash>``: also the article's named graph."""
    if not re.fullmatch(r"[0-9a-f]{16,64}", doc_id):
        raise InvalidExtraction(f"doc_id must be a hex sha256, got {doc_id!r}")
    return NamedNode(RES + "article/" + doc_id[:16])


def statement_iri(doc_id: str, relation: Relation) -> NamedNode:
    """``kgr:statement/<hash of (doc_id, type, sorted args)>``: one per relation per article."""
    args = canonical_args(relation)
    text = "\n".join([doc_id, relation.type] + [f"{k}={v or ''}" for k, v in sorted(args.items())])
    return NamedNode(RES + "statement/" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16])


def canonical_args(relation: Relation) -> dict[str, str | None]:
    """Arguments in canonical form: a meeting has no direction, so its parties are sorted."""
    args = dict(relation.args)
    if relation.type == "meets" and args.get("a") and args.get("b"):
        args["a"], args["b"] = sorted((args["a"], args["b"]))
    return args


def _lit(value: str, lang: str | None = None) -> Literal:
    return Literal(value, language=lang) if lang else Literal(value)


def _typed(value: object, datatype: str) -> Literal:
    return Literal(str(value), datatype=NamedNode(XSD + datatype))


def _decimal(x: float) -> Literal:
    """A stable xsd:decimal lexical form (0.8 → "0.8", 1 → "1.0")."""
    d = Decimal(repr(round(float(x), 4))).normalize()
    text = format(d, "f")
    return _typed(text if "." in text else text + ".0", "decimal")


def _clean(text: str) -> str:
    return " ".join(text.split())


def _check_relation(ex: Extraction, rel: Relation) -> dict[str, str | None]:
    """The canonical args, or ``InvalidExtraction`` naming what is wrong."""
    where = f"{ex.doc.article.name}: {rel.type} relation"
    if rel.type not in RELATION_ARGS:
        raise InvalidExtraction(f"{where}: unknown relation type")
    if rel.modality not in MODALITIES:
        raise InvalidExtraction(f"{where}: unknown modality {rel.modality!r}")
    if not 0.0 <= float(rel.confidence) <= 1.0:
        raise InvalidExtraction(f"{where}: confidence {rel.confidence} outside [0, 1]")
    if not 0 <= rel.start < rel.end <= len(ex.doc.article.text):
        raise InvalidExtraction(f"{where}: evidence offsets {rel.start}..{rel.end} outside the text")
    args = canonical_args(rel)
    for name in RELATION_ARGS[rel.type]:
        value = args.get(name)
        if value is None or value == "":
            if (rel.type, name) not in OPTIONAL_ARGS:
                raise InvalidExtraction(f"{where}: argument {name!r} is missing")
        elif (rel.type, name) not in LITERAL_ARGS and value not in ex.entities:
            raise InvalidExtraction(f"{where}: argument {name}={value!r} is not a resolved entity")
    extra = set(args) - set(RELATION_ARGS[rel.type])
    if extra:
        raise InvalidExtraction(f"{where}: unexpected arguments {sorted(extra)}")
    return args


def unique_relations(ex: Extraction) -> list[tuple[Relation, dict[str, str | None]]]:
    """One relation per (type, canonical args): the most confident, then the earliest evidence."""
    best: dict[tuple, tuple[Relation, dict[str, str | None]]] = {}
    for rel in ex.relations:
        args = _check_relation(ex, rel)
        key = (rel.type, tuple(sorted((k, v or "") for k, v in args.items())))
        kept = best.get(key)
        if kept is None or (-rel.confidence, rel.start) < (-kept[0].confidence, kept[0].start):
            best[key] = (rel, args)
    return [best[k] for k in sorted(best)]


def article_quads(ex: Extraction) -> list[Quad]:
    """All quads for one article, in its named graph, sorted by their N-Quads form, no duplicates.

    Raises ``InvalidExtraction`` for relations that would make an invalid graph (unknown type or
    modality, a missing argument, an argument that is not a resolved entity, offsets outside the
    text): a bug upstream should stop this article, not slip into the store.
    """
    art = ex.doc.article
    a = article_iri(art.doc_id)
    out: set[Quad] = set()

    def add(s: NamedNode, p: str, o: NamedNode | Literal) -> None:
        out.add(Quad(s, NamedNode(p), o, a))

    # the article
    add(a, RDF + "type", kg("NewsArticle"))
    add(a, RDF + "type", NamedNode(SCHEMA + "NewsArticle"))
    add(a, KG + "contentHash", _lit(art.doc_id))
    add(a, KG + "fileName", _lit(art.name))
    add(a, KG + "sentenceCount", _typed(len(ex.doc.sentences), "integer"))
    add(a, KG + "builtWith", _lit(fingerprint()))  # what made this graph; stale ones get rebuilt
    if art.title:
        add(a, DCTERMS + "title", _lit(_clean(art.title), TEXT_LANG))
    if art.outlet:
        add(a, SCHEMA + "publisher", _lit(_clean(art.outlet)))
    if art.date and _DATE.match(art.date):
        add(a, DCTERMS + "date", _typed(art.date, "date"))
    if art.source_line:
        add(a, KG + "sourceLine", _lit(_clean(art.source_line)))

    # the entities it names
    surfaces: dict[str, set[str]] = {}
    for mention, key in ex.links:
        surfaces.setdefault(key, set()).add(_clean(mention.text))
    for key, ent in ex.entities.items():
        if ent.type not in ENTITY_CLASSES:
            raise InvalidExtraction(f"{art.name}: entity {key!r} has unknown type {ent.type!r}")
        e = entity_iri(key)
        add(a, KG + "mentions", e)
        add(e, RDF + "type", kg(ENTITY_CLASSES[ent.type]))
        add(e, RDFS + "label", _lit(_clean(ent.canonical) or key, "en"))
        for form in surfaces.get(key, ()):
            if form:
                add(e, SKOS + "altLabel", _lit(form, TEXT_LANG))
        if ent.wikidata:
            m = _WIKIDATA.match(ent.wikidata.strip())
            if m:
                add(e, OWL + "sameAs", NamedNode(WD + m.group(1)))
            else:
                log.warning("%s: ignoring malformed Wikidata id %r for %s", art.name, ent.wikidata, key)

    # weapon classes: the broader concepts of each weapon type (ontology/weapons.ttl), so supplies roll up
    from kg.weapons import lexicon

    concepts = lexicon().concepts
    for key, ent in ex.entities.items():
        while ent.type == "WEAPON" and (c := concepts.get(key)) is not None and c.broader and c.broader != key:
            add(entity_iri(key), SKOS + "broader", entity_iri(c.broader))
            key = c.broader

    # the relations: a direct triple and a statement node each
    sentences = {sent.index: sent.text for sent in ex.doc.sentences}
    for rel, args in unique_relations(ex):
        s_arg, o_arg = SUBJECT_OBJECT[rel.type]
        subj = entity_iri(args[s_arg])  # type: ignore[arg-type]
        prop = KG + DIRECT_PROPERTIES[rel.type]
        st = statement_iri(art.doc_id, rel)
        add(st, RDF + "type", kg(STATEMENT_CLASSES[rel.type]))
        add(st, KG + "relationType", _lit(rel.type))
        add(st, KG + "subject", subj)
        if rel.type == "supplies":
            weapon = entity_iri(args["weapon"])  # type: ignore[arg-type]
            add(subj, prop, weapon)
            add(st, KG + "weapon", weapon)
            if args.get("recipient"):
                recipient = entity_iri(args["recipient"])  # type: ignore[arg-type]
                add(subj, KG + "suppliesTo", recipient)
                add(st, KG + "recipient", recipient)
        else:
            obj = entity_iri(args[o_arg])  # type: ignore[index,arg-type]
            add(subj, prop, obj)
            add(st, KG + "object", obj)
        if rel.type == "role" and args.get("title"):
            add(st, KG + "title", _lit(_clean(str(args["title"])), TEXT_LANG))
        evidence = _clean(rel.evidence or art.text[rel.start:rel.end])
        add(st, KG + "modality", kg(rel.modality))
        add(st, KG + "evidenceText", _lit(evidence, TEXT_LANG))
        add(st, KG + "startOffset", _typed(rel.start, "integer"))
        add(st, KG + "endOffset", _typed(rel.end, "integer"))
        add(st, KG + "sentenceIndex", _typed(rel.sentence, "integer"))
        add(st, KG + "confidence", _decimal(rel.confidence))
        add(st, KG + "extractorVersion", _lit(EXTRACTOR))
        add(st, PROV + "wasDerivedFrom", a)
        when, year = event_date(sentences.get(rel.sentence, evidence), art.date, art.text)  # kg.dates
        if when:
            add(st, KG + "eventDate", _typed(when, "date"))
        elif year:
            add(st, KG + "eventYear", _typed(year, "gYear"))
    return sorted(out, key=str)


@dataclass(frozen=True)
class ArticleGraph:
    """One article's graph as the store takes it, with the counts a build reports.

    This, not the ``Extraction``, is what a worker process sends back to the one store writer: the
    tokens and mentions of an Extraction cost more to pickle and unpickle than minting the quads,
    and the writer needs none of them. N-Triples bytes load into the store without any per-quad
    Python object on the writer's side.
    """

    iri: str  # the article's IRI, also the name of its graph
    doc_id: str
    ntriples: bytes  # the graph's triples, N-Triples, sorted (the graph name is ``iri``)
    triples: int
    sentences: int
    entities: tuple[tuple[str, str], ...]  # (entity key, type code) of every entity it names
    relations: tuple[str, ...]  # the relation type of every statement


def article_graph(ex: Extraction) -> ArticleGraph:
    """:func:`article_quads` packed for the store writer (raises ``InvalidExtraction`` likewise)."""
    quads = article_quads(ex)
    rel_type = KG + "relationType"
    return ArticleGraph(
        iri=article_iri(ex.doc.article.doc_id).value,
        doc_id=ex.doc.article.doc_id,
        ntriples=serialize([q.triple for q in quads], format=RdfFormat.N_TRIPLES),
        triples=len(quads),
        sentences=len(ex.doc.sentences),
        entities=tuple(sorted((key, ent.type) for key, ent in ex.entities.items())),
        relations=tuple(q.object.value for q in quads if q.predicate.value == rel_type),
    )


def nquads(quads: Iterable[Quad]) -> str:
    """Canonical text: one N-Quads line per distinct quad, sorted (what byte-identity is checked on)."""
    return "".join(sorted({f"{q} .\n" for q in quads}))


def parse_nquads(text: str | bytes) -> list[Quad]:
    """The inverse of :func:`nquads`."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    return list(parse(data, format=RdfFormat.N_QUADS))


def to_rdflib(quads: Iterable[Quad]) -> rdflib.Dataset:
    """The quads as an ``rdflib.Dataset`` (named graphs kept), for users of the rdflib API."""
    import rdflib

    ds = rdflib.Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns, override=True)
    data = serialize(list(quads), format=RdfFormat.N_QUADS)
    if data:
        ds.parse(data=data.decode("utf-8"), format="nquads")
    return ds


@dataclass(frozen=True)
class Validation:
    """The outcome of SHACL validation: ``conforms`` and pyshacl's human-readable report."""

    conforms: bool
    report: str
    violations: int


def shapes_graph(path: Path | None = None) -> rdflib.Graph:
    import rdflib

    return rdflib.Graph().parse(path or ONTOLOGY_DIR / "shapes.ttl", format="turtle")


def validate(
    data: Iterable[Quad] | rdflib.Graph, shapes: Path | None = None, *, progress: bool = False
) -> Validation:
    """Check every article graph against ``ontology/shapes.ttl`` on its own.

    pyshacl would validate a dataset as the union of its graphs, which would hide an article
    whose statements point at entities typed only in another article's graph; so each named graph
    (and the default graph, when not empty) is validated separately and the reports are joined.
    """
    import rdflib
    from pyshacl import validate as shacl

    if isinstance(data, rdflib.Graph):
        data = parse_nquads(data.serialize(format="nquads") if isinstance(data, rdflib.Dataset)
                            else data.serialize(format="nt"))
    by_graph: dict[str, list[Quad]] = {}
    for q in data:
        by_graph.setdefault(str(q.graph_name), []).append(q)
    sg = shapes_graph(shapes)
    result_class = rdflib.URIRef("http://www.w3.org/ns/shacl#ValidationResult")
    reports: list[str] = []
    violations = 0
    graphs = sorted(by_graph)
    if progress:
        from tqdm import tqdm

        graphs = tqdm(graphs, desc="validating", unit="graph")
    for name in graphs:
        g = rdflib.Graph()
        triples = serialize([Triple(q.subject, q.predicate, q.object) for q in by_graph[name]],
                            format=RdfFormat.N_TRIPLES)
        g.parse(data=triples.decode("utf-8"), format="nt")
        conforms, results, text = shacl(g, shacl_graph=sg, inference="none", advanced=True,
                                        allow_warnings=True)
        if not conforms:
            violations += len(set(results.subjects(rdflib.RDF.type, result_class)))
            reports.append(f"graph {name}:\n{text}")
    report = "\n".join(reports) if reports else f"Conforms: True ({len(by_graph)} graphs)"
    return Validation(not reports, report, violations)
