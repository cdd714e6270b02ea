"""kg.store on a real on-disk Oxigraph store: article graphs, transactions, locking, exports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from samples import make_extraction

from kg import rdf
from kg.store import Store, StoreError, StoreLocked, StoreMissing, open_store

KG, ENT = rdf.KG, rdf.RES + "entity/"
OTHER = "\n\n".join([
    "Rusia bantah terima senjata dari Korut",
    "Moskow (ANTARA) - Rusia membantah tuduhan AS bahwa Korea Utara mengirim amunisi artileri.",
])


def article(text: str | None = None, name: str = "sample.txt"):
    ex = make_extraction(name=name) if text is None else make_extraction(text, name=name, relations=[])
    return rdf.article_iri(ex.doc.article.doc_id).value, rdf.article_quads(ex), ex


@pytest.fixture
def store(tmp_path: Path):
    with open_store(tmp_path / "store") as s:
        yield s


def test_open_store_dispatches_folders_and_urls(tmp_path: Path) -> None:
    s = open_store(tmp_path / "s")
    assert isinstance(s, Store) and (tmp_path / "s" / "CURRENT").exists()
    s.close()
    from kg.store.remote import RemoteStore

    remote = open_store("http://127.0.0.1:9/", read_only=True)
    assert isinstance(remote, RemoteStore)
    remote.close()


def test_replace_article_is_idempotent_and_indexed_by_hash(store: Store) -> None:
    iri, quads, ex = article()
    store.replace_article(iri, quads)
    assert len(store) == len(quads)
    assert store.article_hashes() == {iri: ex.doc.article.doc_id}
    assert store.article_files() == {iri: "sample.txt"}
    before = store.nquads()
    store.replace_article(iri, quads)
    assert len(store) == len(quads) and store.nquads() == before
    assert store.nquads() == rdf.nquads(quads)
    assert store.graphs() == [iri]


def test_article_graph_bytes_load_like_quads_and_cannot_smuggle_an_update(store: Store, tmp_path: Path) -> None:
    iri, quads, ex = article()
    g = rdf.article_graph(ex)
    assert g.iri == iri and g.triples == len(quads) and g.sentences == len(ex.doc.sentences)
    assert sorted(g.relations) == sorted(q.object.value for q in quads if q.predicate.value == KG + "relationType")
    store.replace_article(g.iri, g.ntriples)  # new graph: loaded directly
    assert store.nquads() == rdf.nquads(quads)
    store.replace_article(g.iri, g.ntriples)  # existing graph: replaced by one update
    assert store.nquads() == rdf.nquads(quads)
    with open_store(tmp_path / "other") as other:
        other.replace_article(iri, quads)
        assert other.nquads() == store.nquads()
    evil = g.ntriples + b"<urn:a> <urn:b> <urn:c> . } } ; DROP ALL ; INSERT DATA { GRAPH <urn:x> {\n"
    before = store.nquads()
    with pytest.raises(SyntaxError):
        store.replace_article(g.iri, evil)  # the replacement path: parsed before it is pasted
    with pytest.raises(SyntaxError):
        store.replace_article(rdf.RES + "article/new", evil)  # the load path: N-Triples only
    assert store.nquads() == before and store.graphs() == [iri]


def test_replace_swaps_the_graph_and_drops_the_old_version_in_one_go(store: Store) -> None:
    iri, quads, _ = article()
    store.replace_article(iri, quads)
    fewer = [q for q in quads if q.predicate.value != KG + "accuses"]
    store.replace_article(iri, fewer)
    assert len(store) == len(fewer)  # nothing of the old graph is left behind
    new_iri, new_quads, _ = article(OTHER)
    store.replace_article(new_iri, new_quads, drop=[iri])
    assert store.graphs() == [new_iri]
    assert store.nquads() == rdf.nquads(new_quads)
    store.remove_article(new_iri)
    assert len(store) == 0
    store.remove_article(new_iri)  # absent: no error


def test_a_bad_write_leaves_the_store_as_it_was(store: Store) -> None:
    iri, quads, _ = article()
    store.replace_article(iri, quads)
    other_iri, other_quads, _ = article(OTHER)
    with pytest.raises(ValueError, match="quad in graph"):
        store.replace_article(iri, quads + other_quads)
    assert store.nquads() == rdf.nquads(quads)


def test_queries_see_all_graphs_as_the_default_graph(store: Store) -> None:
    iri, quads, _ = article()
    store.replace_article(iri, quads)
    store.replace_article(*article(OTHER)[:2])
    rows = store.select(f"SELECT ?a ?b WHERE {{ ?a <{KG}accuses> ?b }}")
    assert rows == [{"a": ENT + "john_kirby", "b": ENT + "north_korea"}]
    assert store.select(f"SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE {{ GRAPH ?g {{ ?g a <{KG}NewsArticle> }} }}") \
        == [{"n": 2}]
    row = store.select(f"SELECT ?c ?o ?l WHERE {{ ?s <{KG}confidence> ?c ; <{KG}startOffset> ?o ; "
                       f"<{KG}relationType> 'accuses' . OPTIONAL {{ ?s <{KG}title> ?l }} }}")
    assert len(row) == 1 and row[0]["c"] == 0.9 and isinstance(row[0]["o"], int) and "l" not in row[0]
    assert store.select("ASK { ?s ?p ?o }") == [{"result": True}]
    with pytest.raises(SyntaxError):
        store.query("SELECT WHERE {")


@pytest.mark.slow
def test_stats_count_articles_sentences_entities_and_relations(store: Store) -> None:
    iri, quads, ex = article()
    store.replace_article(iri, quads)
    stats = store.stats()
    assert stats["articles"] == 1 and stats["sentences"] == len(ex.doc.sentences)
    assert stats["entities"] == {"PER": 2, "ORG": 1, "GPE": 2, "WEAPON": 1}
    assert stats["relations"] == {"accuses": 1, "supplies": 1, "role": 1, "meets": 1, "visits": 1}
    assert stats["triples"] == len(quads)


@pytest.mark.slow
def test_second_writer_and_reader_during_a_write_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "store"
    with open_store(path) as writer:
        writer.replace_article(*article()[:2])
        with pytest.raises(StoreLocked, match="store is locked"):
            open_store(path)
        with pytest.raises(StoreLocked, match="store is locked"):
            open_store(path, read_only=True)
    # after the writer closed: many readers at once, but no writer while they read
    with open_store(path, read_only=True) as r1, open_store(path, read_only=True) as r2:
        assert len(r1) == len(r2) > 0
        with pytest.raises(StoreLocked):
            open_store(path)
        with pytest.raises(StoreError, match="read-only"):
            r1.update("INSERT DATA { <http://a> <http://b> <http://c> }")
    with open_store(path) as again:
        assert len(again) > 0


@pytest.mark.slow
def test_another_process_gets_a_clear_locked_error_and_exit_code_3(tmp_path: Path) -> None:
    path = tmp_path / "store"
    with open_store(path) as writer:
        writer.replace_article(*article()[:2])
        proc = subprocess.run([sys.executable, "-m", "kg.cli", "query", "--store", str(path), "ASK { ?s ?p ?o }"],
                              capture_output=True, text=True, timeout=120)
        assert proc.returncode == 3, proc.stderr
        assert "store is locked" in proc.stderr and proc.stderr.count("\n") == 1
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "query", "--store", str(path), "ASK { ?s ?p ?o }"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and proc.stdout.strip() == "true"


def test_missing_and_foreign_folders_are_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreMissing, match="kg build"):
        open_store(tmp_path / "nothing", read_only=True)
    assert not (tmp_path / "nothing").exists()
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "notes.txt").write_text("mine")
    with pytest.raises(StoreError, match="holds no store"):
        open_store(docs)
    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreError, match="not a store folder"):
        open_store(tmp_path / "file")


def test_store_survives_close_and_reopen(tmp_path: Path) -> None:
    iri, quads, _ = article()
    with open_store(tmp_path / "s") as s:
        s.replace_article(iri, quads)
    with open_store(tmp_path / "s", read_only=True) as s:
        assert s.nquads() == rdf.nquads(quads)


def _fill(path: Path, order: list) -> Store:
    s = open_store(path)
    for iri, quads, _ in order:
        s.replace_article(iri, quads)
    return s


def test_exports_are_complete_parseable_and_byte_identical_for_equal_stores(tmp_path: Path) -> None:
    a, b = article(), article(OTHER, name="other.txt")
    s1, s2 = _fill(tmp_path / "one", [a, b]), _fill(tmp_path / "two", [b, a])
    try:
        total = len(a[1]) + len(b[1])
        for fmt in ("nquads", "trig", "jsonld", "turtle"):
            out1, out2 = s1.export(fmt), s2.export(fmt)
            assert out1 == out2, fmt
            ds = rdflib.Dataset()
            rdflib_fmt = {"nquads": "nquads", "trig": "trig", "jsonld": "json-ld", "turtle": "turtle"}[fmt]
            ds.parse(data=out1.decode("utf-8"), format=rdflib_fmt)
            if fmt == "turtle":  # one merged graph, each triple once
                assert len(ds) == len({(q.subject, q.predicate, q.object) for q in s1.iter_quads()})
            else:
                assert sum(len(g) for g in ds.graphs()) == total, fmt
                assert {str(g.identifier) for g in ds.graphs() if len(g)} == {a[0], b[0]}
        nq = s1.export("nquads").decode("utf-8")
        assert nq.splitlines() == sorted(nq.splitlines()) and len(nq.splitlines()) == total
        assert json.loads(s1.export("jsonld"))
        assert b"@prefix ent: <https://w3id.org/kg-news/resource/entity/>" in s1.export("trig")
        s1.export("trig", tmp_path / "out" / "g.trig")
        assert (tmp_path / "out" / "g.trig").read_bytes() == s1.export("trig")
        with pytest.raises(ValueError, match="unknown export format"):
            s1.export("rdfxml")
    finally:
        s1.close()
        s2.close()


def test_rdflib_access_by_conversion_and_through_oxrdflib(tmp_path: Path) -> None:
    iri, quads, _ = article()
    with open_store(tmp_path / "s") as s:
        s.replace_article(iri, quads)
        ds = s.to_rdflib()
        assert len(ds.graph(rdflib.URIRef(iri))) == len(quads)
        assert s.validate().conforms
    live = rdflib.Dataset(store="Oxigraph")
    live.open(str(tmp_path / "s"))
    try:
        hits = list(live.query(f"SELECT ?b WHERE {{ GRAPH ?g {{ <{ENT}john_kirby> <{KG}accuses> ?b }} }}"))
        assert [str(r[0]) for r in hits] == [ENT + "north_korea"]
    finally:
        live.close()


def test_python_values() -> None:
    from kg.store import python_value

    assert python_value(ox.Literal("3", datatype=ox.NamedNode(rdf.XSD + "integer"))) == 3
    assert python_value(ox.Literal("0.5", datatype=ox.NamedNode(rdf.XSD + "decimal"))) == 0.5
    assert python_value(ox.Literal("true", datatype=ox.NamedNode(rdf.XSD + "boolean"))) is True
    assert python_value(ox.Literal("Korut", language="id")) == "Korut"
    assert python_value(ox.NamedNode("http://x")) == "http://x"
    assert python_value(None) is None
