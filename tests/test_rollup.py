"""Weapons roll up: each weapon type in an article graph carries its broader classes from
ontology/weapons.ttl (artillery shell → artillery ammunition → ammunition → weapons), so the
``supplies-by-class`` named query can group supplies by class."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from samples import make_extraction

from kg import rdf
from kg.cli import cli
from kg.vocab import RES, SKOS
from kg.weapons import lexicon

E = RES + "entity/"


def test_weapon_types_carry_their_broader_classes() -> None:
    quads = rdf.article_quads(make_extraction())
    broader = {(q.subject.value[len(E):], q.object.value[len(E):]) for q in quads if q.predicate.value == SKOS + "broader"}
    assert broader == {("artillery_ammunition", "ammunition"), ("ammunition", "weapons")}
    assert lexicon().concepts["artillery_shell"].broader == "artillery_ammunition"
    assert lexicon().head("artillery_shell") == "ammunition"  # what scoring compares is unchanged


@pytest.mark.slow
def test_supplies_roll_up_by_class_on_the_seeds(seeds_store: Path) -> None:
    def rows(*params: str) -> list[dict[str, str]]:
        res = CliRunner().invoke(cli, ["query", "--store", str(seeds_store), "--named", "supplies-by-class",
                                       "--format", "json", *params])
        assert res.exit_code == 0, res.output
        return [{k: v["value"] for k, v in b.items()} for b in json.loads(res.output)["results"]["bindings"]]

    nk_ru = {r["class"]: r for r in rows("-p", "supplier=Korea Utara", "-p", "recipient=Rusia")}
    support = {k: int(r["support"]) for k, r in nk_ru.items()}
    assert support["weapons"] >= support["ammunition"] >= support["artillery ammunition"] >= \
        support.get("artillery shell", 0) > 0
    assert {"artillery shell", "artillery ammunition"} <= set(nk_ru["ammunition"]["weapons"].split(", "))
    assert {r["class"] for r in rows("-p", "class=amunisi")} == {"ammunition"}  # an Indonesian name of the class
