"""Namespaces and IRI helpers, defined once: every module that names an ontology term or a minted
resource takes its namespace from here (docs/rdf-model.md describes what lives under each)."""

from __future__ import annotations

KG = "https://w3id.org/kg-news/ontology#"
RES = "https://w3id.org/kg-news/resource/"
PROV = "http://www.w3.org/ns/prov#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
SCHEMA = "https://schema.org/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
WD = "http://www.wikidata.org/entity/"

#: Prefixes for serialisations and queries (``kgr`` = minted resources).
PREFIXES: dict[str, str] = {
    "kg": KG, "kgr": RES, "prov": PROV, "skos": SKOS, "dcterms": DCTERMS, "schema": SCHEMA,
    "rdf": RDF, "rdfs": RDFS, "owl": OWL, "xsd": XSD, "wd": WD,
}


#: What ``kg query``, the ``kg serve`` query page and result tables know without a PREFIX line: the
#: prefixes above and one per kind of minted IRI (``art:`` articles, ``ent:`` entities, ``st:``
#: statements), the same the exports write.
QUERY_PREFIXES: dict[str, str] = {
    **PREFIXES, "art": RES + "article/", "ent": RES + "entity/", "st": RES + "statement/",
}


def local_name(iri: object) -> str:
    """The part after the last ``#`` or ``/`` (``kg:accuses`` → ``accuses``; a trailing ``/`` is ignored)."""
    return str(iri).rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
