"""``kg serve`` / kg.server: the real Oxigraph server on a loopback port over an on-disk store."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import psutil
import pyoxigraph as ox
import pytest

from kg.server import ServerError, start_server
from kg.store import StoreLocked, open_store
from kg.store.remote import ReadOnlyError, RemoteStore

pytestmark = pytest.mark.slow  # whole file: see tests/conftest.py

DATA = Path(__file__).parent / "data" / "mini_graph.trig"
KG = "https://w3id.org/kg-news/ontology#"
NEW_GRAPH = "https://w3id.org/kg-news/resource/article/cccccccccccccccc"


@pytest.fixture()
def store_dir(tmp_path: Path) -> Path:
    """An on-disk Oxigraph store holding the hand-written two-article graph (and its merged graph)."""
    path = tmp_path / "store"
    store = ox.Store(str(path))
    store.bulk_load(path=str(DATA), format=ox.RdfFormat.TRIG)
    store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    store.flush()
    del store
    return path


def _quads(store_dir: Path) -> int:
    """Quads in the named (article) graphs."""
    return sum(1 for q in ox.Store.read_only(str(store_dir)) if not isinstance(q.graph_name, ox.DefaultGraph))


def _new_article() -> list[ox.Quad]:
    g = ox.NamedNode(NEW_GRAPH)
    return [
        ox.Quad(g, ox.NamedNode(KG + "contentHash"), ox.Literal("c" * 64), g),
        ox.Quad(g, ox.NamedNode(KG + "fileName"), ox.Literal("new.txt"), g),
    ]


def _http(method: str, url: str, data: bytes, ctype: str) -> int:
    req = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": ctype})
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status
    except urllib.error.HTTPError as e:
        return e.code


def test_read_only_server_answers_queries_and_refuses_writes(store_dir: Path) -> None:
    before = _quads(store_dir)
    with start_server(store_dir) as server:
        remote = RemoteStore(server.url)
        assert len(remote) == before
        rows = remote.select(f"SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE {{ ?a a <{KG}NewsArticle> }}")
        assert rows == [{"n": 2}]
        with pytest.raises(ReadOnlyError, match="--writable"):
            remote.replace_article(NEW_GRAPH, _new_article())
        with pytest.raises(ReadOnlyError):
            remote.update("CLEAR ALL")
        # The raw protocol too, not only our client.
        assert _http("POST", server.update_url, b"CLEAR ALL", "application/sparql-update") == 403
        assert _http("DELETE", server.store_url + "?default", b"", "text/plain") == 403
        assert len(remote) == before
    assert _quads(store_dir) == before


def test_writable_server_accepts_writes_and_they_persist(store_dir: Path) -> None:
    before = _quads(store_dir)
    with start_server(store_dir, writable=True) as server:
        remote = RemoteStore(server.url)
        remote.replace_article(NEW_GRAPH, _new_article())
        assert remote.article_hashes()[NEW_GRAPH] == "c" * 64
        assert len(remote) == before + 2
    assert _quads(store_dir) == before + 2
    with start_server(store_dir) as server:  # read back after a restart
        assert RemoteStore(server.url).article_hashes()[NEW_GRAPH] == "c" * 64


def test_binds_loopback_by_default(store_dir: Path) -> None:
    with start_server(store_dir) as server:
        assert server.url.startswith("http://127.0.0.1:")
        listening = [c for c in psutil.Process(server.pid).net_connections("inet")
                     if c.status == psutil.CONN_LISTEN]
        assert listening and {c.laddr.ip for c in listening} == {"127.0.0.1"}
        # Oxigraph listens on a private loopback port; the guarding front (kg.front) on the public one
        assert {c.laddr.port for c in listening} == {server.backend_port} != {server.port}
        assert server.front.server_address == ("127.0.0.1", server.port)


def test_servers_started_together_each_hold_their_own_public_port() -> None:
    # The public port is bound before Oxigraph starts, so a backend (or another server's front) can never be
    # handed the port that was picked for a front: a CI run once lost that race ("already in use").
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(8) as pool:
        servers = list(pool.map(lambda _: start_server(None, writable=True), range(8)))
    try:
        ports = [p for s in servers for p in (s.port, s.backend_port)]
        assert len(set(ports)) == len(ports)
        for s in servers:
            assert RemoteStore(s.url).select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") == [{"n": 0}]
    finally:
        for s in servers:
            s.stop()


def test_clear_errors_for_missing_store_and_busy_port(tmp_path: Path, store_dir: Path) -> None:
    with pytest.raises(ServerError, match="no store at"):
        start_server(tmp_path / "nothing-here")
    with start_server(store_dir) as server, pytest.raises(ServerError, match="already in use"):
        start_server(store_dir, port=server.port)


def test_writable_refuses_a_store_held_by_another_process(store_dir: Path) -> None:
    holder = ox.Store(str(store_dir))  # as a running `kg build` would
    try:
        with pytest.raises(ServerError, match="open in another process"):
            start_server(store_dir, writable=True)
    finally:
        del holder


def test_server_and_kg_store_lock_each_other_out(store_dir: Path) -> None:
    with start_server(store_dir, writable=True), pytest.raises(StoreLocked):
        open_store(store_dir, read_only=True)  # no reads while a writable server owns it
    with start_server(store_dir), pytest.raises(StoreLocked):
        open_store(store_dir)  # no `kg build` under a running read-only server
    with open_store(store_dir), pytest.raises(StoreLocked):
        start_server(store_dir)  # nor a server while a build writes
    with start_server(store_dir), open_store(store_dir, read_only=True) as store:
        assert len(store) > 0  # readers share


def _kg(*args: str) -> list[str]:
    return [sys.executable, "-m", "kg.cli", *args]


def test_kg_serve_command_serves_and_stops_on_sigterm(store_dir: Path) -> None:
    proc = subprocess.Popen(_kg("serve", "--store", str(store_dir), "--port", "0"),
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        banner = proc.stdout.readline()  # printed once the server answers, with the port the OS gave it
        found = re.search(r"at (http://127\.0\.0\.1:(\d+)/)", banner)
        assert "read-only" in banner and found and int(found[2]) > 0, banner + proc.stdout.read()
        url = found[1]
        assert RemoteStore(url).select("ASK { ?s ?p ?o }") == [{"result": True}]
        children = psutil.Process(proc.pid).children(recursive=True)
        assert any("oxigraph" in c.name() for c in children)
        proc.send_signal(signal.SIGTERM)
        out, _ = proc.communicate(timeout=30)
        assert proc.returncode == 0
        assert "stopping" in out
        for child in children:  # the server went with it
            assert not child.is_running() or child.status() == psutil.STATUS_ZOMBIE
    finally:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)


def test_kg_serve_missing_store_is_one_line_error(tmp_path: Path) -> None:
    res = subprocess.run(_kg("serve", "--store", str(tmp_path / "none")), capture_output=True, text=True,
                         timeout=60)
    assert res.returncode == 1
    assert res.stderr.strip().startswith("Error: no store at")
    assert len(res.stderr.strip().splitlines()) == 1
