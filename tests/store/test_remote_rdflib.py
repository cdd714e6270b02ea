"""The remote store against a SPARQL server that is not Oxigraph: rdflib-endpoint (rdflib's SPARQL
engine behind FastAPI/uvicorn), a real server process on a loopback port.

It has no Graph Store Protocol and takes updates at its query URL, so this covers the paths that
`kg serve` never takes: every write as one SPARQL Update, sent where the server accepts it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from kg.pipeline import build
from kg.server import free_port
from kg.sparql import load_named
from kg.store import open_store
from kg.store.remote import RemoteStore

pytestmark = pytest.mark.slow  # whole file: see tests/conftest.py

pytest.importorskip("rdflib_endpoint", reason="rdflib-endpoint is a dev dependency")
SMALL = ("004_c012bdc66f00abd0.txt", "000_fc5119c6854d9936.txt")  # two shortest seeds


def _rows(rows: list[dict]) -> list[dict]:
    """GROUP_CONCAT's order is up to the engine: compare the concatenated lists as sets."""
    return [{k: " | ".join(sorted(v.split(" | "))) if isinstance(v, str) and " | " in v else v
             for k, v in r.items()} for r in rows]


@pytest.fixture(scope="module")
def endpoint():
    # uvicorn binds the port itself, after a picked port was released: one lost race ("address already in use")
    # is retried on another port, any other failure is reported
    for _ in range(3):
        port = free_port()
        proc = subprocess.Popen(
            [sys.executable, "-m", "rdflib_endpoint", "serve", "--host", "127.0.0.1", "--port", str(port),
             "--enable-update"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}/"
        out = _wait_up(proc, url)
        if out is None:
            break
        if "address already in use" not in out.lower():
            pytest.fail(f"rdflib-endpoint did not start:\n{out[-2000:]}")
    else:
        pytest.fail(f"rdflib-endpoint found no free port in 3 tries:\n{out[-2000:]}")
    yield url
    proc.terminate()
    proc.wait(timeout=20)


def _wait_up(proc: subprocess.Popen, url: str) -> str | None:
    """None once the server answers at ``url``; else its output, after it died or 60 s passed (it is killed)."""
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return None
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                return proc.stdout.read().decode(errors="replace") if proc.stdout else ""
            time.sleep(0.3)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    folder = tmp_path_factory.mktemp("news")
    for name in SMALL:
        shutil.copy(seeds_dir / name, folder / name)
    return folder


def test_build_into_rdflib_endpoint_matches_the_embedded_store(endpoint: str, corpus: Path,
                                                               tmp_path: Path) -> None:
    local = tmp_path / "store"
    build([corpus], local, progress=False)
    report = build([corpus], endpoint, progress=False)
    assert [f.status for f in report.files] == ["new", "new"] and report.triples > 0

    remote = RemoteStore(endpoint)
    with open_store(local, read_only=True) as s:
        assert len(remote) == len(s)
        assert remote.nquads() == s.nquads()
        for name in ("accusations", "supplies", "entities", "relation-counts"):
            q = load_named(name)
            assert _rows(remote.select(q)) == _rows(s.select(q)), name

    again = build([corpus], endpoint, progress=False)  # hashes and fingerprints read back over HTTP
    assert {f.status for f in again.files} == {"unchanged"} and again.added == 0


def test_changed_article_replaces_its_graph_on_rdflib_endpoint(endpoint: str, corpus: Path,
                                                               tmp_path: Path) -> None:
    edited = tmp_path / "edited"
    shutil.copytree(corpus, edited)
    local = tmp_path / "store"
    for target in (endpoint, local):  # the same history on both stores (files are told apart by path)
        build([corpus], target, progress=False)
        build([edited], target, progress=False)
    path = edited / SMALL[0]
    path.write_text(path.read_text(encoding="utf-8") + "\n\nKorea Utara membantah tuduhan itu.\n",
                    encoding="utf-8")
    report = build([edited], endpoint, progress=False)
    assert {Path(f.path).name: f.status for f in report.files} == {SMALL[0]: "changed", SMALL[1]: "unchanged"}
    build([edited], local, progress=False)
    with open_store(local, read_only=True) as s:
        assert RemoteStore(endpoint).nquads() == s.nquads()  # the edited file's path moved to its new graph
