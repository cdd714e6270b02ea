"""``$KG_ONTOLOGY`` replaces ontology/ for a whole run, and ``bench.ablate`` finds what dev alone taught."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph

from bench.ablate import Texts, cues_taught, forms_gone, names_taught
from kg import ROOT

WAKANDA = """
kge:wakanda_test a kg:State, skos:Concept ; skos:inScheme kg:EntityScheme ;
    skos:prefLabel "Wakanda"@en , "Wakanda"@id ; skos:altLabel "Negeri Wakanda"@id .
"""


def _extract(text_file: Path, env: dict[str, str]) -> set[tuple[str, str]]:
    res = subprocess.run([sys.executable, "-m", "kg.cli", "extract", str(text_file)], capture_output=True,
                         text=True, env=env, check=True)
    records = [json.loads(line) for line in res.stdout.splitlines() if line.strip()]
    return {(e["type"], e["canonical"]) for r in records for e in r["entities"]}


@pytest.mark.slow  # two processes that load the models
def test_an_ontology_folder_named_by_the_environment_replaces_the_shipped_one(tmp_path: Path) -> None:
    own = tmp_path / "ontology"
    shutil.copytree(ROOT / "ontology", own)
    with (own / "entities.ttl").open("a", encoding="utf-8") as f:
        f.write(WAKANDA)
    article = tmp_path / "a.txt"
    article.write_text("Negeri Wakanda mengirim rudal ke Rusia, kata pejabat di Moskow.\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "KG_ONTOLOGY"}
    assert ("GPE", "Wakanda") not in _extract(article, env)
    assert ("GPE", "Wakanda") in _extract(article, {**env, "KG_ONTOLOGY": str(own)})


def _texts(tmp_path: Path, name: str, text: str) -> Texts:
    (tmp_path / name).mkdir()
    (tmp_path / name / "a.txt").write_text(text, encoding="utf-8")
    return Texts([tmp_path / name])


def test_names_and_cue_words_only_the_dev_texts_hold_are_what_dev_taught(tmp_path: Path) -> None:
    dev = _texts(tmp_path, "dev", "Menlu Ana Kowal mengutuknya. Ben Oduya berkunjung. Rudal Zephyr-9 tiba.")
    others = _texts(tmp_path, "others", "Ben Oduya bertemu rekannya dan mengecam serangan itu.")
    entities = ("kge:ana a kg:Person, skos:Concept ;\n    skos:prefLabel \"Ana Kowal\"@en .\n"
                "kge:ben a kg:Person, skos:Concept ;\n    skos:prefLabel \"Ben Oduya\"@en .\n"
                "kge:nobody a kg:Person, skos:Concept ;\n    skos:prefLabel \"Cy Lam\"@en .\n")
    weapons = ("kgw:zephyr a skos:Concept ;\n    skos:prefLabel \"Zephyr-9 missile\"@en , \"Zephyr-9\"@id .\n"
               "kgw:missile a skos:Concept ;\n    skos:prefLabel \"missile\"@en , \"rudal\"@id .\n")
    assert names_taught(entities, weapons, dev, others) == {"kge:ana", "kgw:zephyr"}
    cues = Graph().parse(format="turtle", data="""
@prefix kg: <https://w3id.org/kg-news/ontology#> . @prefix kgc: <https://w3id.org/kg-news/resource/cue/> .
kgc:kecam a kg:Cue ; kg:root "kecam" ; kg:affix "meN-" ; kg:activeForm "mengutuk", "mengutuk keras" .
kgc:kunjung a kg:Cue ; kg:activeForm "berkunjung", "melawat" .
""")
    concepts, forms = cues_taught(cues, dev, others)
    # a cue some other text uses stays, less the forms only dev holds ("mengutuknya" is "mengutuk" with its
    # enclitic); a form no text holds ("mengutuk keras", "melawat") is no one's lesson
    assert {str(c).rsplit("/", 1)[-1] for c in concepts} == {"kunjung"}
    assert forms == {"mengutuk"}
    # a cue written later that reuses a dropped concept's word loses it too ("melawat" was only ever kunjung's)
    assert forms_gone(cues, concepts, forms) == {"mengutuk", "berkunjung", "melawat"}
