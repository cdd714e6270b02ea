"""Time on the seeds store: publication dates land as ``dcterms:date`` (xsd:date) on the article,
``--since/--until`` narrow named queries, ``kg export`` and ``kg render``, and the ``timeline`` named
query counts claims per month per relation type."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.store import open_store
from kg.vocab import DCTERMS, XSD

pytestmark = pytest.mark.slow  # the seeds store

DATES = {"2023-02-10", "2023-09-01", "2023-09-14", "2024-01-17"}  # 001 names no date: unknown


def kg(*args: str):
    return CliRunner().invoke(cli, list(args))


def _rows(output: str) -> list[dict[str, str]]:
    return [{k: v["value"] for k, v in b.items()} for b in json.loads(output)["results"]["bindings"]]


def test_dates_are_xsd_dates_on_the_articles(seeds_store: Path) -> None:
    with open_store(seeds_store, read_only=True) as store:
        dates = [q for q in store.iter_quads() if q.predicate.value == DCTERMS + "date"]
    assert {q.object.value for q in dates} == DATES
    assert all(q.subject == q.graph_name and isinstance(q.object, ox.Literal)
               and q.object.datatype.value == XSD + "date" for q in dates)


def test_timeline_counts_claims_per_month_and_relation(seeds_store: Path) -> None:
    res = kg("query", "--store", str(seeds_store), "--named", "timeline", "--format", "json")
    assert res.exit_code == 0, res.output
    rows = _rows(res.output)
    assert {r["month"] for r in rows} == {"2023-02", "2023-09", "2024-01", "unknown"}
    with open_store(seeds_store, read_only=True) as store:
        statements = sum(1 for q in store.iter_quads() if q.predicate.value.endswith("#relationType"))
    assert sum(int(r["statements"]) for r in rows) == statements
    res = kg("query", "--store", str(seeds_store), "--named", "timeline", "--since", "2023-09-01", "--until",
             "2023-12", "--format", "json")
    assert res.exit_code == 0, res.output
    assert {r["month"] for r in _rows(res.output)} == {"2023-09"}
    res = kg("query", "--store", str(seeds_store), "--named", "articles", "--since", "2024", "--format", "json")
    assert [r["date"] for r in _rows(res.output)] == ["2024-01-17"]
    res = kg("query", "--store", str(seeds_store), "SELECT * { ?s ?p ?o }", "--since", "2024")
    assert res.exit_code == 2 and "GRAPH ?article" in res.output


def test_export_and_render_keep_the_period(seeds_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "sept.nq"
    res = kg("export", "--store", str(seeds_store), "--since", "2023-09", "--until", "2023-09", "--out", str(out))
    assert res.exit_code == 0, res.output
    quads = list(ox.parse(path=str(out), format=ox.RdfFormat.N_QUADS))
    assert {q.object.value for q in quads if q.predicate.value == DCTERMS + "date"} == {"2023-09-01", "2023-09-14"}
    assert len({q.graph_name for q in quads}) == 2
    page = tmp_path / "g.html"
    res = kg("render", "--store", str(seeds_store), "--since", "2024-01-01", "--out", str(page))
    assert res.exit_code == 0, res.output
    assert page.stat().st_size > 0
