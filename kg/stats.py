"""``kg stats``: what a store holds, at a glance: articles and their date range, outlets, entities and
statements per type, the most active actors. SPARQL only (any store), counted on the merged graph
and the article graphs, so the numbers are those a hand-written ``COUNT`` gives."""

from __future__ import annotations

import json
from typing import Any

from kg.rdf import ENTITY_CLASSES
from kg.store.base import KGStore
from kg.vocab import DCTERMS, KG, RDFS, SCHEMA

P = f"PREFIX kg: <{KG}>\nPREFIX rdfs: <{RDFS}>\nPREFIX dcterms: <{DCTERMS}>\nPREFIX schema: <{SCHEMA}>\n"
#: Entity classes that act (accuse, supply, meet …): the candidates for "top actors".
ACTORS = ("Person", "Organization", "State")


def _one(store: KGStore, sparql: str) -> dict[str, object]:
    rows = store.select(P + sparql)
    return rows[0] if rows else {}


def stats(store: KGStore, *, top: int = 10) -> dict[str, Any]:
    """Totals of ``store`` as plain values (what ``kg stats --format json`` prints)."""
    art = _one(store, "SELECT (COUNT(DISTINCT ?a) AS ?n) (SUM(?c) AS ?s) WHERE { ?a a kg:NewsArticle ; "
                      "kg:sentenceCount ?c }")
    dated = _one(store, "SELECT (COUNT(DISTINCT ?a) AS ?n) (STR(MIN(?d)) AS ?first) (STR(MAX(?d)) AS ?last) "
                        "WHERE { ?a a kg:NewsArticle ; dcterms:date ?d }")
    outlets = _one(store, "SELECT (COUNT(DISTINCT LCASE(STR(?o))) AS ?n) WHERE { ?a a kg:NewsArticle ; "
                          "schema:publisher ?o }")
    classes = {KG + c: c for c in ENTITY_CLASSES.values()}
    ents = store.select(P + "SELECT ?t (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a ?t } GROUP BY ?t")
    rels = store.select(P + """SELECT ?r (COUNT(DISTINCT ?st) AS ?n) (COUNT(DISTINCT ?a) AS ?articles)
        WHERE { GRAPH ?a { ?st kg:relationType ?r } } GROUP BY ?r ORDER BY DESC(?n) ?r""")
    actors = store.select(P + f"""SELECT ?e (STR(SAMPLE(?l)) AS ?name) (STRAFTER(STR(SAMPLE(?t)), "#") AS ?type)
        (COUNT(DISTINCT ?st) AS ?statements) (COUNT(DISTINCT ?a) AS ?articles)
        WHERE {{ GRAPH ?a {{ ?st kg:subject|kg:object|kg:recipient ?e }} ?e a ?t ; rdfs:label ?l
                 VALUES ?t {{ {" ".join("kg:" + c for c in ACTORS)} }} }}
        GROUP BY ?e ORDER BY DESC(?statements) DESC(?articles) ?name LIMIT {int(top)}""")
    triples = _one(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    return {
        "articles": int(art.get("n", 0) or 0),
        "sentences": int(art.get("s", 0) or 0),
        "dated_articles": int(dated.get("n", 0) or 0),
        "first_date": dated.get("first") or None,
        "last_date": dated.get("last") or None,
        "outlets": int(outlets.get("n", 0) or 0),
        "entities": {classes[str(r["t"])]: int(r["n"]) for r in ents if str(r.get("t")) in classes},
        "statements": {str(r["r"]): {"statements": int(r["n"]), "articles": int(r["articles"])} for r in rels},
        "top_actors": [{"name": r.get("name", ""), "type": r.get("type", ""), "statements": int(r["statements"]),
                        "articles": int(r["articles"]), "iri": r["e"]} for r in actors],
        "distinct_triples": int(triples.get("n", 0) or 0),
    }


def as_text(s: dict[str, Any]) -> str:
    """The totals as aligned tables for a terminal."""
    from kg.sparql import table

    period = f"{s['first_date']} … {s['last_date']}" if s["first_date"] else "no dated article"
    head = table(["", "value"], [
        ["articles", str(s["articles"])], ["  dated", f"{s['dated_articles']} ({period})"],
        ["  outlets", str(s["outlets"])], ["sentences", str(s["sentences"])],
        ["distinct triples", str(s["distinct_triples"])],
    ])
    ents = table(["entity type", "entities"], [[k, str(v)] for k, v in sorted(s["entities"].items())])
    rels = table(["relation", "statements", "articles"],
                 [[k, str(v["statements"]), str(v["articles"])] for k, v in s["statements"].items()])
    top = table(["top actor", "type", "statements", "articles"],
                [[a["name"], a["type"], str(a["statements"]), str(a["articles"])] for a in s["top_actors"]])
    return "\n\n".join(t.rsplit("\n", 1)[0] for t in (head, ents, rels, top))


def as_json(s: dict[str, Any]) -> str:
    return json.dumps(s, ensure_ascii=False, indent=2)
