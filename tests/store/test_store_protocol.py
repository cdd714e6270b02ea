"""kg.store as one interface: both stores are a KGStore, share one set of helpers, and answer alike."""

from __future__ import annotations

import inspect
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.store import KGStore, RemoteStore, Store, StoreMissing, open_store
from kg.store.base import iri_ref, replace_update, rows_of

G = "https://w3id.org/kg-news/resource/article/0123456789abcdef"


def _quad(s: str, o: str) -> ox.Quad:
    return ox.Quad(ox.NamedNode(s), ox.NamedNode("http://ex/p"), ox.Literal(o), ox.NamedNode(G))


def test_both_stores_are_a_kgstore_with_the_protocol_methods(tmp_path: Path) -> None:
    with open_store(tmp_path / "s") as local:
        assert isinstance(local, Store) and isinstance(local, KGStore)
    remote = open_store("http://127.0.0.1:9/")  # nothing is contacted until a request is made
    assert isinstance(remote, RemoteStore) and isinstance(remote, KGStore)
    wanted = {n for n, v in vars(KGStore).items() if callable(v) and not n.startswith("_")}
    for cls in (Store, RemoteStore):
        for name in wanted:
            params = set(inspect.signature(getattr(KGStore, name)).parameters)
            assert params <= set(inspect.signature(getattr(cls, name)).parameters), (cls, name)


def test_a_folder_without_a_store_is_store_missing_read_only(tmp_path: Path) -> None:
    with pytest.raises(StoreMissing, match="no store at"):
        open_store(tmp_path / "nothing", read_only=True)
    assert StoreMissing.exit_code == 2


@pytest.mark.parametrize("bad", ["", "a b", "x>y", "a\nb", 'q"'])
def test_one_iri_check_refuses_empty_and_breaking_iris(bad: str) -> None:
    with pytest.raises(ValueError, match="not a valid IRI"):
        iri_ref(bad)
    with pytest.raises(ValueError):
        replace_update(bad, b"", [], bytes_given=False)


def test_local_store_roundtrip_through_the_shared_helpers(tmp_path: Path) -> None:
    with open_store(tmp_path / "s") as store:
        store.replace_article(G, [_quad("http://ex/a", "1"), _quad("http://ex/b", "dua")])
        assert store.graphs() == [G] and len(store) == 2
        rows = store.select("SELECT ?s ?o WHERE { ?s ?p ?o } ORDER BY ?s")
        assert rows == [{"s": "http://ex/a", "o": "1"}, {"s": "http://ex/b", "o": "dua"}]
        assert rows_of(store.query("ASK { ?s ?p ?o }")) == [{"result": True}]
        assert store.export("nquads") == store.nquads().encode()
        store.remove_article(G)
        assert len(store) == 0
