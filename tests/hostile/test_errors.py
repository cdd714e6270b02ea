"""Issue 15, items 8 and 9: OS errors are one line, the lock names its live holders and clears on
exit, and --param values cannot break out of their literal in any SPARQL 1.1 parser."""

from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from hostile.helpers import SEEDS, SMALL, kg
from kg.server import start_server
from kg.sparql import bind
from kg.store import LOCK_NAME


@pytest.fixture()
def store(tmp_path: Path) -> Path:
    path = tmp_path / "store"
    s = ox.Store(str(path))
    s.add(ox.Quad(ox.NamedNode("http://example.org/a"), ox.NamedNode("http://example.org/p"), ox.Literal("o"),
                  ox.NamedNode("http://example.org/g")))
    s.flush()
    del s
    return path


def test_a_quoted_param_cannot_break_out_through_unicode_escapes() -> None:
    # before: "a\u0022 } } #" went through as typed; rdflib expands \u before parsing (SPARQL 1.1
    # §19.2), so the literal closed early and the rest of the query was commented away
    g = rdflib.Graph()
    g.add((rdflib.URIRef("http://example.org/a"), rdflib.URIRef("http://example.org/p"), rdflib.Literal("o")))
    query = "SELECT ?v WHERE { ?s ?p ?o }"
    for value, expected in (('"a\\u0022 } } #"', 'a" } } #'), ('"x\\U00000022 } #"@en', 'x" } #')):
        bound = bind(query, {"v": value})
        assert "\\u" not in bound and "\\U" not in bound
        assert [str(r.v) for r in g.query(bound)] == [expected]
        assert [r["v"].value for r in ox.Store().query(bound)] == []  # (empty store: the query parses)


@pytest.mark.slow
def test_the_lock_names_a_live_reader_and_clears_on_exit(store: Path, tmp_path: Path) -> None:
    # before: a read-only holder (kg serve) never wrote its pid; a writer's pid stayed after it exited
    (tmp_path / "a.txt").write_text((SEEDS / SMALL[0]).read_text(encoding="utf-8"), encoding="utf-8")
    with start_server(store):
        res = kg("build", str(tmp_path / "a.txt"), "--store", str(store))
    assert res.returncode == 3 and f"pid {os.getpid()}" in res.stderr and "reading" in res.stderr
    assert (store / LOCK_NAME).read_text() == ""
    res = kg("query", "ASK { ?s ?p ?o }", "--store", str(store), "--update")
    assert (store / LOCK_NAME).read_text() == ""  # a writer that exited leaves no pid behind


def test_a_read_only_store_folder_is_one_line(tmp_path: Path) -> None:
    # before: PermissionError traceback on …/kg.lock
    (tmp_path / "a.txt").write_text((SEEDS / SMALL[0]).read_text(encoding="utf-8"), encoding="utf-8")
    ro = tmp_path / "ro"
    ro.mkdir()
    os.chmod(ro, 0o555)
    try:
        res = kg("build", str(tmp_path / "a.txt"), "--store", str(ro), unprivileged=True)
    finally:
        os.chmod(ro, 0o755)
    assert res.returncode == 1 and "Traceback" not in res.stderr
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and "cannot write the store" in lines[0] and "Permission denied" in lines[0]


def test_a_read_only_output_folder_is_one_line(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    os.chmod(out, 0o555)
    try:
        res = kg("export", "--store", str(store), "--out", str(out / "g.trig"), unprivileged=True)
    finally:
        os.chmod(out, 0o755)
    assert res.returncode == 1 and "Traceback" not in res.stderr
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and "Permission denied" in lines[0] and "g.trig" in lines[0]
