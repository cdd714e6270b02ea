"""Chunked writing of a build's article graphs (kg.store.batch): new articles go into the on-disk store
in bulk ingestions that give the same store as one transaction per article, all or nothing per chunk;
a bad article fails alone; a stored or replacing article still goes in its own transaction."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.store import Store, open_store
from kg.store.base import merged_triples
from kg.store.batch import ArticleWriter

G = "https://w3id.org/kg-news/resource/article/"


def _graphs(store_path: Path) -> list[tuple[str, bytes]]:
    """The article graphs of a built store as (IRI, N-Triples), as the workers send them."""
    by_graph: dict[str, list[ox.Triple]] = defaultdict(list)
    with open_store(store_path, read_only=True) as s:
        for q in s.iter_quads():
            by_graph[q.graph_name.value].append(q.triple)
    return [(g, ox.serialize(ts, format=ox.RdfFormat.N_TRIPLES)) for g, ts in sorted(by_graph.items())]


class _Log:
    def __init__(self) -> None:
        self.done: list[str] = []
        self.failed: dict[str, str] = {}

    def write(self, writer: ArticleWriter, iri: str, body: bytes, drop: tuple[str, ...] = ()) -> None:
        writer.write(iri, body, drop=drop, done=lambda: self.done.append(iri),
                     failed=lambda e: self.failed.__setitem__(iri, str(e)))


def _merged_is_exact(store: Store) -> set[ox.Triple]:
    merged = set(merged_triples(store))
    assert merged == {q.triple for q in store.iter_quads()}
    return merged


def test_chunks_give_the_store_of_one_transaction_per_article(seeds_store: Path, tmp_path: Path) -> None:
    graphs = _graphs(seeds_store)
    assert len(graphs) == 5
    stores = {}
    for chunk in (0, 100_000, 1):  # a transaction each; all in one ingestion; one ingestion each
        log = _Log()
        with Store(tmp_path / f"s{chunk}") as s:
            w = ArticleWriter(s, chunk)
            for iri, body in graphs:
                log.write(w, iri, body)
            w.flush()
            assert log.done == [g for g, _ in graphs] and not log.failed
            stores[chunk] = (s.nquads(), _merged_is_exact(s))
    with open_store(seeds_store, read_only=True) as built:
        assert stores[0] == stores[100_000] == stores[1] == (built.nquads(), set(merged_triples(built)))


def test_new_articles_wait_for_their_chunk_and_the_last_one_for_flush(seeds_store: Path, tmp_path: Path) -> None:
    (a, body_a), (b, body_b) = _graphs(seeds_store)[:2]
    log = _Log()
    with Store(tmp_path / "s") as s:
        w = ArticleWriter(s, 10 * len(body_a + body_b), chunk_seconds=3600)
        log.write(w, a, body_a)
        log.write(w, b, body_b)
        assert s.graphs() == [] and log.done == []  # neither written yet: a killed build loses only these
        w.flush()
        assert s.graphs() == sorted([a, b]) and log.done == [a, b]
        w = ArticleWriter(s, 10 ** 6 - 1, chunk_seconds=0)  # too old at once: written by its own write
        c, body_c = _graphs(seeds_store)[2]
        log.write(w, c, body_c)
        assert c in s.graphs() and log.done[-1] == c


def test_a_bad_article_fails_alone_and_the_rest_of_its_chunk_is_written(seeds_store: Path, tmp_path: Path) -> None:
    (a, body_a), (b, body_b) = _graphs(seeds_store)[:2]
    bad = G + "f" * 16
    log = _Log()
    with Store(tmp_path / "s") as s:
        w = ArticleWriter(s, 10 ** 6 - 1, chunk_seconds=3600)
        log.write(w, a, body_a)
        log.write(w, bad, b'<urn:x> <urn:p> "unterminated .\n')
        log.write(w, b, body_b)
        w.flush()
        assert log.done == [a, b] and list(log.failed) == [bad]
        assert s.graphs() == sorted([a, b])
        _merged_is_exact(s)


def test_a_stored_or_replacing_article_goes_in_its_own_transaction_after_the_pending_ones(
        seeds_store: Path, tmp_path: Path) -> None:
    (a, body_a), (b, body_b), (c, body_c) = _graphs(seeds_store)[:3]
    log = _Log()
    with Store(tmp_path / "s") as s:
        s.replace_article(a, body_a)
        w = ArticleWriter(s, 10 ** 6 - 1, chunk_seconds=3600)
        log.write(w, b, body_b)  # new: waits
        log.write(w, a, body_c.replace(c.encode(), a.encode()))  # stored: written at once, b first
        assert log.done == [b, a]
        log.write(w, c, body_c, drop=(b,))  # replaces b: b's graph and its own triples leave
        assert log.done == [b, a, c] and s.graphs() == sorted([a, c])
        log.write(w, b, body_b)  # new again: waits ...
        log.write(w, b, body_a.replace(a.encode(), b.encode()))  # ... and is replaced, not merged with this
        assert log.done == [b, a, c, b, b]
        with Store(tmp_path / "one") as t:
            t.replace_article(b, body_a.replace(a.encode(), b.encode()))
            assert {q.triple for q in s.iter_quads() if q.graph_name.value == b} == {q.triple for q in t.iter_quads()}
        _merged_is_exact(s)


def test_add_new_articles_is_all_or_nothing(seeds_store: Path, tmp_path: Path) -> None:
    (a, body_a), (b, body_b) = _graphs(seeds_store)[:2]
    with Store(tmp_path / "s") as s:
        with pytest.raises(SyntaxError):
            s.add_new_articles([(a, body_a), (b, body_b + b"<urn:x> <urn:p> .\n")])
        assert len(s) == 0 and s.graphs() == [] and not list(merged_triples(s))
        s.add_new_articles([(a, body_a)])
        with pytest.raises(ValueError, match="in the store already"):
            s.add_new_articles([(b, body_b), (a, body_a)])
        assert s.graphs() == [a]
        _merged_is_exact(s)


def test_a_bad_chunk_setting_stops_the_build_before_the_store_is_made(tmp_path: Path, seeds_dir: Path) -> None:
    for value in ("abc", "-5", "1000000"):
        r = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(seeds_dir), "--store", str(tmp_path / "s"),
                            "--no-progress"], capture_output=True, text=True, timeout=120,
                           env={**os.environ, "KG_WRITE_CHUNK_QUADS": value})
        assert r.returncode == 2, r.stderr
        assert "KG_WRITE_CHUNK_QUADS" in r.stderr and "whole number" in r.stderr
        assert not (tmp_path / "s").exists()
