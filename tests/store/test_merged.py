"""The merged graph: the default graph of every store holds each distinct triple of the article graphs
once, so aggregates written without ``GRAPH`` count right on any SPARQL 1.1 client (Oxigraph up to
0.5.13 evaluates its own union default graph as a bag: a triple once per graph holding it).

Hand-made SPARQL aggregates are checked against counts computed in Python from the article graphs,
on the embedded store and through ``kg serve`` with third-party clients (rdflib's SPARQLStore, plain
urllib); and the merged graph is checked to stay exact as articles are added, replaced, renamed,
removed, or a write fails.
"""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.identity import edit_paths
from kg.store import open_store
from kg.store.base import merged_triples, missing_from_merged, sync_merged
from kg.vocab import KG, RDF, RDFS

P = f"PREFIX kg: <{KG}>\nPREFIX rdfs: <{RDFS}>\n"
G1, G2, G3 = (f"https://w3id.org/kg-news/resource/article/{c * 16}" for c in "abc")


def _quad(s: str, p: str, o: str | ox.Literal, g: str) -> ox.Quad:
    obj = o if isinstance(o, ox.Literal) else ox.NamedNode(o)
    return ox.Quad(ox.NamedNode(s), ox.NamedNode(p), obj, ox.NamedNode(g))


def _article(g: str, *shared: str) -> list[ox.Quad]:
    """An article graph: its own hash, plus the shared claims ``x kg:accuses y`` it names."""
    quads = [_quad(g, KG + "contentHash", ox.Literal(g[-16:]), g)]
    for pair in shared:
        a, b = pair.split(">")
        quads.append(_quad(f"urn:e:{a}", KG + "accuses", f"urn:e:{b}", g))
        quads.append(_quad(f"urn:e:{a}", RDFS + "label", ox.Literal(a, language="en"), g))
    return quads


def _exact(store) -> set[ox.Triple]:  # noqa: ANN001
    """Assert that the merged graph is the set of the article graphs' triples; return it."""
    merged = set(merged_triples(store))
    assert merged == {q.triple for q in store.iter_quads()}
    return merged


def _count(store, sparql: str) -> int:  # noqa: ANN001
    rows = store.select(P + sparql)
    return int(rows[0]["n"]) if rows else 0


@pytest.mark.parametrize("as_bytes", [False, True])
def test_merged_graph_follows_every_kind_of_write(tmp_path: Path, as_bytes: bool) -> None:
    def body(quads: list[ox.Quad]) -> list[ox.Quad] | bytes:
        return ox.serialize([q.triple for q in quads], format=ox.RdfFormat.N_TRIPLES) if as_bytes else quads

    with open_store(tmp_path / "s") as store:
        store.replace_article(G1, body(_article(G1, "us>nk", "us>ru")))
        store.replace_article(G2, body(_article(G2, "us>nk")))
        _exact(store)
        assert _count(store, "SELECT (COUNT(*) AS ?n) WHERE { ?a kg:accuses ?b }") == 2
        assert _count(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") == 5  # 2 hashes, 2 claims, 1 label
        assert _count(store, "SELECT (COUNT(DISTINCT ?g) AS ?n) "
                             "WHERE { GRAPH ?g { <urn:e:us> kg:accuses <urn:e:nk> } }") == 2

        store.replace_article(G1, body(_article(G1, "us>ru")))  # a new version of G1 no longer says us>nk
        _exact(store)
        store.replace_article(G3, body(_article(G3, "nk>us")), drop=[G2])  # G2's file now holds G3's text
        merged = _exact(store)
        assert ox.Triple(ox.NamedNode("urn:e:us"), ox.NamedNode(KG + "accuses"), ox.NamedNode("urn:e:nk")) \
            not in merged  # only G2 held it
        edit_paths(store, G1, add=["/news/a.txt", "/news/b.txt"])
        edit_paths(store, G1, remove=["/news/a.txt"])
        _exact(store)
        assert _count(store, "SELECT (COUNT(*) AS ?n) WHERE { ?a kg:sourcePath ?p }") == 1

        before = _exact(store)
        with pytest.raises(SyntaxError):  # a write that fails half-way changes nothing, merged graph included
            store.replace_article(G1, b"<urn:a> <urn:b> <urn:c> .\n<urn:broken", drop=[G3])
        assert _exact(store) == before
        store.remove_article(G3)
        store.remove_article(G3)
        _exact(store)
        store.remove_article(G1)
        assert _exact(store) == set() and len(store) == 0


def test_a_store_from_before_the_merged_graph_gets_it_on_the_next_build(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    raw = ox.Store(str(folder))  # article graphs only, as kg wrote them before the merged graph
    raw.extend(_article(G1, "us>nk") + _article(G2, "us>nk"))
    raw.flush()
    del raw
    from click.testing import CliRunner

    from kg.cli import cli

    res = CliRunner().invoke(cli, ["query", "--store", str(folder), "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"])
    assert res.exit_code == 0 and "2 articles of this store are not in its merged graph" in res.output
    with open_store(folder) as store:
        assert missing_from_merged(store) == [G1, G2]
        assert sync_merged(store) == 2 and sync_merged(store) == 0
        _exact(store)
    res = CliRunner().invoke(cli, ["query", "--store", str(folder), "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"])
    assert res.exit_code == 0 and "merged graph" not in res.output


# -- the seeds, counted by hand ------------------------------------------------------------------


def _python_counts(quads: list[ox.Quad]) -> dict:
    """What the aggregates below must return, computed from the article graphs' quads."""
    triples = {q.triple for q in quads}
    label = {}
    for t in triples:
        if t.predicate.value == RDFS + "label":
            assert label.setdefault(t.subject.value, t.object.value) == t.object.value, "one label per entity"
    support = Counter((label[q.subject.value], label[q.object.value]) for q in quads
                      if q.predicate.value == KG + "accuses")
    statements = {(q.subject.value, q.object.value) for q in quads if q.predicate.value == KG + "relationType"}
    return {
        "triples": len(triples),
        "support": dict(support),
        "types": Counter(t.object.value for t in triples if t.predicate.value == RDF + "type"),
        "relations": Counter(r for _, r in statements),
        "sentences": sum(int(t.object.value) for t in triples if t.predicate.value == KG + "sentenceCount"),
    }


#: Aggregates as a user writes them: no GRAPH anywhere.
QUERIES = {
    "triples": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    "support": "SELECT ?x ?y (COUNT(*) AS ?n) WHERE { ?st a kg:Accusation ; kg:subject ?a ; kg:object ?b . "
               "?a rdfs:label ?la . ?b rdfs:label ?lb BIND(STR(?la) AS ?x) BIND(STR(?lb) AS ?y) } GROUP BY ?x ?y",
    "types": "SELECT ?k (COUNT(*) AS ?n) WHERE { ?e a ?k } GROUP BY ?k",
    "relations": "SELECT ?k (COUNT(*) AS ?n) WHERE { ?st kg:relationType ?k } GROUP BY ?k",
    "sentences": "SELECT (SUM(?c) AS ?n) WHERE { ?a kg:sentenceCount ?c }",
}


def _shape(name: str, rows: list[dict]) -> object:
    if name == "support":
        return {(r["x"], r["y"]): int(r["n"]) for r in rows}
    if name in ("types", "relations"):
        return {r["k"]: int(r["n"]) for r in rows}
    return int(rows[0]["n"])


def _check(expected: dict, ask) -> None:  # noqa: ANN001 - ask: SPARQL text → rows of plain values
    for name, sparql in QUERIES.items():
        assert _shape(name, ask(P + sparql)) == expected[name], name
    assert expected["support"][("United States", "North Korea")] >= 2  # the case of issue 13


@pytest.mark.slow
def test_hand_written_aggregates_count_right_on_the_seeds(seeds_store: Path) -> None:
    with open_store(seeds_store, read_only=True) as store:
        expected = _python_counts(list(store.iter_quads()))
        _check(expected, store.select)
        _exact(store)
        # support of a direct triple = the article graphs holding it = the statements saying it
        rows = store.select(P + "SELECT ?a ?b (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?a kg:accuses ?b } "
                                "?a rdfs:label ?la . ?b rdfs:label ?lb } GROUP BY ?a ?b")
        assert sum(int(r["n"]) for r in rows) == sum(expected["support"].values())


@pytest.mark.slow
def test_the_same_counts_through_kg_serve_with_third_party_clients(seeds_store: Path) -> None:
    from rdflib import Graph
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    from kg.server import start_server

    with open_store(seeds_store, read_only=True) as store:
        expected = _python_counts(list(store.iter_quads()))
    with start_server(seeds_store) as server:
        graph = Graph(store=SPARQLStore(query_endpoint=server.query_url, returnFormat="json"))

        def by_rdflib(sparql: str) -> list[dict]:
            return [{k: v.toPython() if hasattr(v, "toPython") else v for k, v in row.asdict().items()}
                    for row in graph.query(sparql)]

        def by_urllib(sparql: str) -> list[dict]:
            data = urllib.parse.urlencode({"query": sparql}).encode()
            req = urllib.request.Request(server.query_url, data=data,
                                         headers={"Accept": "application/sparql-results+json"})
            with urllib.request.urlopen(req, timeout=30) as resp:
                bindings = json.load(resp)["results"]["bindings"]
            return [{k: v["value"] for k, v in b.items()} for b in bindings]

        _check(expected, by_rdflib)
        _check(expected, by_urllib)
        res = subprocess.run([sys.executable, "-m", "kg.cli", "query", "--store", server.url, "--format", "json",
                              QUERIES["triples"]], capture_output=True, text=True, timeout=120)
        assert res.returncode == 0, res.stderr
        assert int(json.loads(res.stdout)["results"]["bindings"][0]["n"]["value"]) == expected["triples"]
