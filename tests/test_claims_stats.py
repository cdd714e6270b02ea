"""The claim ledger (``kg query --named claims``) and ``kg stats`` on the seeds store, checked against
counts computed in Python from the article graphs."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.store import open_store
from kg.vocab import DCTERMS, KG, RDF, RES

pytestmark = pytest.mark.slow  # the seeds store

E = RES + "entity/"


def kg(*args: str):
    return CliRunner().invoke(cli, list(args))


def _rows(output: str) -> list[dict[str, str]]:
    return [{k: v["value"] for k, v in b.items()} for b in json.loads(output)["results"]["bindings"]]


@pytest.fixture(scope="module")
def quads(seeds_store: Path) -> list:
    with open_store(seeds_store, read_only=True) as store:
        return list(store.iter_quads())


def test_the_ledger_lists_who_claims_and_who_denies_north_korea_supplying_russia(seeds_store: Path, quads) -> None:
    res = kg("query", "--store", str(seeds_store), "--named", "claims", "--format", "json",
             "-p", "subject=Korea Utara", "-p", "object=Rusia", "-p", "relation=supplies")
    assert res.exit_code == 0, res.output
    [row] = _rows(res.output)
    assert {"John Kirby", "United States"} <= set(row["asserted_by"].split(", "))
    assert set(row["denied_by"].split(", ")) == {"North Korea", "Russia"}
    # articles reporting it, and their dates, from the article graphs
    supply = {q.subject for q in quads if q.predicate.value == KG + "subject" and q.object.value == E + "north_korea"}
    to_russia = {q.subject for q in quads if q.predicate.value == KG + "recipient" and q.object.value == E + "russia"}
    graphs = {q.graph_name for q in quads if q.subject in supply & to_russia}
    dates = sorted(q.object.value for q in quads if q.predicate.value == DCTERMS + "date" and q.subject in graphs)
    assert int(row["articles"]) == len(graphs) and (row["first"], row["last"]) == (dates[0], dates[-1])
    assert 1 <= int(row["outlets"]) <= len(graphs)


def test_every_accusation_is_a_claim_asserted_by_its_accuser(seeds_store: Path, quads) -> None:
    res = kg("query", "--store", str(seeds_store), "--named", "claims", "--format", "json", "-p", "relation=accuses")
    rows = _rows(res.output)
    assert rows and all(r["asserted_by"] == r["subject"] for r in rows)
    accusations = {q.subject for q in quads if q.object.value == KG + "Accusation"}
    assert sum(int(r["articles"]) for r in rows) == len(accusations)  # one statement per claim per article
    us_nk = next(r for r in rows if (r["subject"], r["object"]) == ("United States", "North Korea"))
    assert us_nk["denied_by"] == "North Korea"


def test_stats_match_the_article_graphs(seeds_store: Path, quads) -> None:
    res = kg("stats", "--store", str(seeds_store), "--format", "json")
    assert res.exit_code == 0, res.output
    s = json.loads(res.output)
    triples = {q.triple for q in quads}
    assert s["articles"] == 5 and s["dated_articles"] == 4
    assert (s["first_date"], s["last_date"]) == ("2023-02-10", "2024-01-17")
    assert s["distinct_triples"] == len(triples)
    types = Counter(t.object.value.rsplit("#", 1)[-1] for t in triples
                    if t.predicate.value == RDF + "type" and t.subject.value.startswith(E))
    assert s["entities"] == dict(types)
    rels = Counter(q.object.value for q in quads if q.predicate.value == KG + "relationType")
    assert {k: v["statements"] for k, v in s["statements"].items()} == dict(rels)
    assert s["top_actors"][0]["name"] == "North Korea"
    text = kg("stats", "--store", str(seeds_store)).output
    assert "2023-02-10 … 2024-01-17" in text and "top actor" in text
