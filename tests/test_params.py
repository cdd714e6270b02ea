"""``kg query`` in the analyst's words: ``-p`` takes any label or alias (Indonesian or English, any case)
and says which names come closest when one is unknown; every prefix of ours is predeclared; articles
are ``art:`` everywhere. On the store built from the seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import sparql
from kg.cli import cli

pytestmark = pytest.mark.slow  # the seeds store


def kg(*args: str):
    return CliRunner().invoke(cli, list(args))


def _json_rows(output: str) -> list[dict[str, str]]:
    return [{k: v["value"] for k, v in b.items()} for b in json.loads(output)["results"]["bindings"]]


@pytest.mark.parametrize(("param", "expected"), [
    ("object=Korea Utara", ("object", "North Korea")),  # the example of `kg query --help`
    ("object=korut", ("object", "North Korea")),
    ("subject=kirby", ("subject", "John Kirby")),
    ("subject=john kirby", ("subject", "John Kirby")),
    ("subject=Amerika Serikat", ("subject", "United States")),
    ("object=Rusia", ("object", "Russia")),
])
def test_a_param_names_an_entity_by_any_label_or_alias(seeds_store: Path, param: str, expected: tuple) -> None:
    res = kg("query", "--store", str(seeds_store), "--named", "evidence", "--format", "json", "-p", param)
    assert res.exit_code == 0, res.output
    rows = _json_rows(res.output)
    assert rows and {r[expected[0]] for r in rows} == {expected[1]}


def test_an_unknown_name_is_said_with_the_closest_names(seeds_store: Path) -> None:
    res = kg("query", "--store", str(seeds_store), "--named", "evidence", "-p", "subject=Kirbi")
    assert res.exit_code == 2
    assert "no entity of this store is called" in res.output and "Kirby" in res.output


def test_relation_types_and_classes_are_not_names(seeds_store: Path) -> None:
    res = kg("query", "--store", str(seeds_store), "--named", "entities", "--format", "json", "-p", "type=State")
    assert res.exit_code == 0, res.output
    assert {r["type"] for r in _json_rows(res.output)} == {"State"}


def test_our_prefixes_are_predeclared_and_articles_are_art(seeds_store: Path) -> None:
    res = kg("query", "--store", str(seeds_store), "SELECT ?x ?z { ?x kg:accuses ?z } ORDER BY ?x ?z")
    assert res.exit_code == 0, res.output
    assert "ent:john_kirby" in res.output and "ent:north_korea" in res.output
    res = kg("query", "--store", str(seeds_store), "--named", "articles")
    assert res.exit_code == 0 and "art:" in res.output and "kgr:article/" not in res.output
    article = next(w for w in res.output.split() if w.startswith("art:"))
    res = kg("query", "--store", str(seeds_store), "--named", "evidence", "--format", "json", "-p", f"article={article}")
    assert res.exit_code == 0, res.output
    assert _json_rows(res.output) and {r["article"] for r in _json_rows(res.output)} == \
        {"https://w3id.org/kg-news/resource/article/" + article[4:]}
    # a declaration of one's own wins; a syntax error points into the text as written
    res = kg("query", "--store", str(seeds_store), "PREFIX kg: <urn:other#> SELECT ?x { ?x kg:accuses ?z }")
    assert res.exit_code == 0 and "(0 rows)" in res.output
    res = kg("query", "--store", str(seeds_store), "SELECT ?x { ?x kg:accuses ?z ")
    assert res.exit_code == 2 and "line 1, column 30" in res.output


def test_with_prefixes_adds_only_what_is_missing() -> None:
    text, shift = sparql.with_prefixes("PREFIX kg: <urn:x#>\nSELECT * { ?s rdfs:label ?o }")
    assert text.count("PREFIX kg:") == 1 and "PREFIX rdfs:" in text and "PREFIX art:" in text
    assert text[shift:] == "PREFIX kg: <urn:x#>\nSELECT * { ?s rdfs:label ?o }"
