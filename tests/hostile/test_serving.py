"""Issue 15, items 2, 3 and 6: a small hostile query must not kill `kg serve` or `kg query`, a runaway
query is really cancelled, SERVICE cannot make the server fetch URLs, and a server whose engine dies
exits non-zero with the cause. Real `kg` processes, real Oxigraph, loopback only."""

from __future__ import annotations

import http.server
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import psutil
import pyoxigraph as ox
import pytest

from hostile.helpers import kg
from kg import ROOT
from kg.server import start_server

pytestmark = pytest.mark.slow  # whole file: see tests/conftest.py

DEEP = "SELECT * WHERE " + "{" * 5000 + " ?s ?p ?o " + "}" * 5000  # ~10 KB
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An on-disk store of 2,000 quads (and their merged graph): small, but its cube is 8e9 rows."""
    path = tmp_path_factory.mktemp("hostile-serve") / "store"
    s = ox.Store(str(path))
    g = ox.NamedNode("https://w3id.org/kg-news/resource/article/aaaaaaaaaaaaaaaa")
    s.extend(ox.Quad(ox.NamedNode(f"http://example.org/e{i}"), ox.NamedNode("http://example.org/p"),
                     ox.Literal(str(i)), graph) for i in range(2000) for graph in (g, ox.DefaultGraph()))
    s.flush()
    del s
    return path


def _post(url: str, query: str, timeout: float = 60) -> tuple[int, str]:
    data = urllib.parse.urlencode({"query": query}).encode()
    req = urllib.request.Request(url + "query", data=data, headers={"Accept": "text/csv"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, resp.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")


def _serve(store: Path, *extra: str) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "--store", str(store), "--port", "0",
                             *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    banner = proc.stdout.readline()
    found = re.search(r" at (http://127\.0\.0\.1:\d+/)", banner)
    assert "server for" in banner and found, banner + proc.stderr.read()
    return proc, found[1]


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_a_query_nested_5000_deep_is_refused_and_the_server_lives(store: Path) -> None:
    # before: Oxigraph aborted (stack overflow, rc 134) and `kg serve` exited 0 without a word
    proc, url = _serve(store)
    try:
        code, body = _post(url, DEEP)
        assert code == 400 and "nested 5000" in body
        assert _post(url, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") == (200, "n\r\n2000\r\n")
        assert proc.poll() is None
    finally:
        _stop(proc)


def test_kg_query_refuses_the_deep_query_in_one_line(store: Path) -> None:
    # before: the process segfaulted (rc 139)
    res = kg("query", DEEP, "--store", str(store), timeout=120)
    assert res.returncode == 2, res.stderr[-500:]
    assert res.stderr.strip().startswith("Error: query refused: nested 5000") and len(res.stderr.splitlines()) == 1


class _Listener(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_POST(self) -> None:  # noqa: N802
        _Listener.hits.append(self.path)
        self.send_response(500)
        self.end_headers()
        self.wfile.write(b"internal secret")

    do_GET = do_POST  # noqa: N815

    def log_message(self, *args) -> None:
        pass


def test_service_is_refused_unless_allowed(store: Path) -> None:
    # before: the read-only server POSTed to the URL and returned the target's error body
    target = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Listener)
    threading.Thread(target=target.serve_forever, daemon=True).start()
    query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{target.server_address[1]}/x> {{ ?s ?p ?o }} }}"
    try:
        _Listener.hits.clear()
        with start_server(store) as server:
            code, body = _post(server.url, query)
        assert code == 400 and "SERVICE" in body and "secret" not in body and _Listener.hits == []
        res = kg("query", query, "--store", str(store))
        assert res.returncode == 2 and "SERVICE" in res.stderr and _Listener.hits == []
        with start_server(store, allow_service=True) as server:
            _post(server.url, query)
        assert _Listener.hits == ["/x"]  # allowed on purpose: it does reach out
    finally:
        target.shutdown()
        target.server_close()


def _busy(pid: int) -> float:
    p = psutil.Process(pid)
    p.cpu_percent(None)
    time.sleep(1.0)
    return p.cpu_percent(None)


def test_a_runaway_query_is_cancelled_in_serve_and_query(store: Path) -> None:
    # before: no timeout; the cartesian product kept a core busy after the client gave up
    with start_server(store, timeout_s=2) as server:
        t0 = time.monotonic()
        code, body = _post(server.url, CARTESIAN, timeout=60)
        took = time.monotonic() - t0
        assert took < 10 and "cancelled" in body
        assert _busy(server.pid) < 30  # the engine stopped working on it
        assert _post(server.url, "ASK { ?s ?p ?o }")[0] == 200
    t0 = time.monotonic()
    res = kg("query", CARTESIAN, "--store", str(store), "--timeout-s", "2", timeout=120)
    took = time.monotonic() - t0
    assert res.returncode == 1 and "cancelled after 2 s" in res.stderr and took < 30, res.stderr


def test_kg_serve_exits_non_zero_with_the_cause_when_oxigraph_dies(store: Path) -> None:
    # before: `kg serve` exited 0 with no message and the log was deleted
    proc, _ = _serve(store)
    try:
        oxigraph = next(c for c in psutil.Process(proc.pid).children(recursive=True) if "oxigraph" in c.name())
        os.kill(oxigraph.pid, signal.SIGABRT)  # what a stack overflow in the engine does
        _, err = proc.communicate(timeout=30)
    finally:
        _stop(proc)
    assert proc.returncode == 128 + signal.SIGABRT
    assert "stopped unexpectedly" in err and "SIGABRT" in err
    kept = [ln.split("kept at ", 1)[1].strip() for ln in err.splitlines() if "kept at " in ln]
    assert kept and Path(kept[0]).exists()
    Path(kept[0]).unlink()
