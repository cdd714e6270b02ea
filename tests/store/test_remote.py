"""``--store http://...``: build into, query and export from the real Oxigraph server on loopback."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from kg.server import start_server
from kg.store import open_store
from kg.store.remote import ReadOnlyError, RemoteStore, RemoteStoreError, endpoints

pytestmark = pytest.mark.slow  # whole file: see tests/conftest.py


def _kg(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True,
                          timeout=timeout)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    """A writable Oxigraph server on a free loopback port, stopped after the module."""
    with start_server(tmp_path_factory.mktemp("remote") / "store", writable=True) as srv:
        yield srv


@pytest.fixture(scope="module")
def remote_build(server, seeds_dir: Path):
    """The seeds built into the server through ``--store URL`` (extraction in this process)."""
    from kg.pipeline import build

    return build([seeds_dir], server.url, progress=False)


def test_build_into_server_equals_embedded_build(server, remote_build, seeds_store: Path) -> None:
    assert remote_build.articles == 5 and not remote_build.failed
    remote = RemoteStore(server.url)
    with open_store(seeds_store, read_only=True) as local:
        assert remote.nquads() == local.nquads()
        assert remote.article_hashes() == local.article_hashes()
        assert remote.stats() == local.stats()
        assert len(remote) == len(local)


def test_query_the_server_with_kg_query(server, remote_build) -> None:
    res = _kg("query", "--store", server.url, "--named", "accusations", "--format", "json")
    assert res.returncode == 0, res.stderr
    rows = [{k: v["value"] for k, v in b.items()} for b in json.loads(res.stdout)["results"]["bindings"]]
    assert any(r["accuser"] == "John Kirby" and r["accused"] == "North Korea" for r in rows)


def test_rebuild_over_http_adds_nothing(server, remote_build, seeds_dir: Path) -> None:
    before = len(RemoteStore(server.url))
    res = _kg("build", str(seeds_dir), "--store", server.url, "--no-progress", "-q")
    assert res.returncode == 0, res.stderr
    assert "5 unchanged" in res.stdout
    assert len(RemoteStore(server.url)) == before


def test_export_over_http_matches_embedded(server, remote_build, seeds_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "remote.trig"
    res = _kg("export", "--store", server.url, "--format", "trig", "--out", str(out))
    assert res.returncode == 0, res.stderr
    with open_store(seeds_store, read_only=True) as local:
        assert out.read_bytes() == local.export("trig")


def test_changed_article_replaces_its_graph_remotely(tmp_path: Path, seeds_dir: Path) -> None:
    from kg.pipeline import build

    src = sorted(seeds_dir.glob("*.txt"))[0]
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / src.name).write_bytes(src.read_bytes())
    with start_server(tmp_path / "store", writable=True) as srv:
        remote = RemoteStore(srv.url)
        build([folder], srv.url, progress=False)
        first = remote.article_hashes()
        (folder / src.name).write_text(src.read_text(encoding="utf-8") + "\n\nKorut membantah tuduhan AS.\n",
                                       encoding="utf-8")
        report = build([folder], srv.url, progress=False)
        assert [f.status for f in report.files] == ["changed"]
        second = remote.article_hashes()
    assert len(first) == len(second) == 1 and first != second


def test_read_only_server_refuses_a_build(seeds_store: Path, tmp_path: Path, seeds_dir: Path) -> None:
    copy = tmp_path / "store"
    with open_store(seeds_store, read_only=True) as local:
        data = local.export("nquads")
    import pyoxigraph as ox

    st = ox.Store(str(copy))
    st.bulk_load(data, format=ox.RdfFormat.N_QUADS)
    st.flush()
    del st
    one = tmp_path / "one"
    one.mkdir()
    (one / "new.txt").write_text("Jakarta (ANTARA) - Rusia membantah tuduhan Ukraina.\n", encoding="utf-8")
    with start_server(copy) as srv:
        with pytest.raises(ReadOnlyError):
            RemoteStore(srv.url).remove_article("https://w3id.org/kg-news/resource/article/0000000000000000")
        res = _kg("build", str(one), "--store", srv.url, "--no-progress", "-q")
        assert res.returncode == 1
        assert res.stderr.startswith(f"Error: {srv.url} refused the update (HTTP 403")
        assert "--writable" in res.stderr


def test_unreachable_endpoint_is_one_clear_line(tmp_path: Path, seeds_dir: Path) -> None:
    with socket.socket() as held:  # bound and never listening: refused, and no other process can take the port
        held.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{held.getsockname()[1]}/"
        with pytest.raises(RemoteStoreError, match="cannot reach SPARQL endpoint"):
            RemoteStore(url).article_hashes()
        res = _kg("query", "--store", url, "SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    assert res.returncode == 1
    assert res.stderr.strip() == f"Error: cannot reach SPARQL endpoint {url}: [Errno 111] Connection refused"


def test_endpoint_layout() -> None:
    assert endpoints("http://h:1/") == ("http://h:1/query", "http://h:1/update", "http://h:1/store")
    assert endpoints("http://h:1/ds/sparql") == ("http://h:1/ds/sparql", "http://h:1/ds/update",
                                                 "http://h:1/ds/store")
    with pytest.raises(RemoteStoreError, match="not an http"):
        endpoints("ftp://h/")


def test_writes_without_graph_store_protocol_and_drop() -> None:
    """A server without the Graph Store Protocol (here: a wrong store URL gives 404) takes every write
    as SPARQL Update; ``drop=`` replaces an older graph in the same request, and the merged (default)
    graph follows."""
    import pyoxigraph as ox

    kg = "https://w3id.org/kg-news/ontology#"

    def article(iri: str, text: str) -> list[ox.Quad]:
        g = ox.NamedNode(iri)
        return [ox.Quad(g, ox.NamedNode(kg + "contentHash"), ox.Literal(text), g),
                ox.Quad(g, ox.NamedNode(kg + "fileName"), ox.Literal("a.txt"), g)]

    old, new = "https://w3id.org/kg-news/resource/article/" + "1" * 16, \
        "https://w3id.org/kg-news/resource/article/" + "2" * 16
    with start_server(None, writable=True) as srv:  # in memory
        remote = RemoteStore(srv.url, store_url=srv.url + "no-graph-store-here")
        remote.replace_article(old, article(old, "h1"))
        assert remote.article_hashes() == {old: "h1"}
        remote.replace_article(new, article(new, "h2"), drop=[old])
        assert remote.article_hashes() == {new: "h2"}
        assert remote.article_files() == {new: "a.txt"}
        triples = remote.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
        assert isinstance(triples, ox.QueryTriples) and len(list(triples)) == 2
        merged = remote.select("SELECT ?s ?o WHERE { ?s ?p ?o }")
        assert sorted(r["o"] for r in merged) == ["a.txt", "h2"]
        remote.remove_article(new)
        remote.remove_article(new)  # dropping a missing graph is not an error
        assert len(remote) == 0
