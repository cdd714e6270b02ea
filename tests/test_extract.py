"""kg.extract on real analysed text (real Stanza models, real gazetteer and cue data).

Besides the seed gold, ``tests/data/extract_cases.jsonl`` holds sentences written for this test in
the style of other outlets, about other actors and weapons (Iran's drones, China, sanctions,
Kim-Putin meetings): the rules must hold there, not only on the seeds.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg import ROOT
from kg.cli import cli
from kg.cues import cues, expand, load
from kg.eval.relations import relation_key
from kg.extract import extract, to_record
from kg.ingest import article_from_text
from kg.nlp import analyse, analyse_text
from kg.quotes import find_quotes
from kg.types import RELATION_ARGS

pytestmark = pytest.mark.slow  # whole file: see tests/conftest.py

CASES = [json.loads(line) for line in (ROOT / "tests" / "data" / "extract_cases.jsonl").read_text("utf-8").splitlines()
         if line.strip()]
MODALITY_POS = {"supplies": 4, "meets": 3, "visits": 3, "accuses": 3, "warns": 3, "sanctions": 3, "denies": 3}


def case_key(item: list) -> tuple[tuple, str | None]:
    """(scoring key, expected modality or None) of a case line item like ["supplies", s, w, r, "alleged"]."""
    rtype = item[0]
    names = [n for n in RELATION_ARGS[rtype] if n != "title"]
    args = dict(zip(names, item[1:1 + len(names)], strict=False))
    pos = MODALITY_POS.get(rtype)
    modality = item[pos] if pos is not None and len(item) > pos else None
    return relation_key({"type": rtype, "args": args}), modality


@pytest.fixture(scope="module")
def case_records() -> list[dict]:
    """The cases name persons by the reference spelling ("Erdoğan"): they test the rules, which do not depend on
    how a record spells a name (tests/test_resolve.py tests that)."""
    docs = analyse([article_from_text(c["text"], name=f"case{i}") for i, c in enumerate(CASES)])
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KG_PERSON_NAMES", "reference")
        return [to_record(extract(d)) for d in docs]


def relations_of(text: str) -> dict[tuple, str]:
    rec = to_record(extract(analyse_text(text)))
    return {relation_key(r): r["modality"] for r in rec["relations"]}


@pytest.mark.parametrize("i", range(len(CASES)), ids=lambda i: CASES[i]["text"][:50])
def test_held_out_cases(i, case_records):
    case = CASES[i]
    got: dict[tuple, list[dict]] = {}
    for r in case_records[i]["relations"]:
        got.setdefault(relation_key(r), []).append(r)
    for item in case["expect"]:
        key, modality = case_key(item)
        assert key in got, f"missing {key}; got {sorted(got)}"
        if modality:
            # as the scorer does: of several predictions with one key (a claimed "drone Shahed" and a
            # denied "drone"), the one worded as the expectation carries the modality
            cands = got[key]
            best = next((r for r in cands if item[0] == "supplies" and r["args"]["weapon"].lower() == item[2].lower()),
                        cands[0])
            assert best["modality"] == modality, f"{key}: modality {best['modality']}, expected {modality}"
    for item in case["forbid"]:
        key, _ = case_key(item)
        hits = [g for g in got if len(g) == len(key) and all(a in ("", b) for a, b in zip(key, g, strict=True))]
        assert not hits, f"forbidden {hits}"


def test_seed_relations_reach_the_targets(seeds_extractions):
    from kg.eval.relations import load_jsonl, score

    report = score(load_jsonl(ROOT / "tests" / "data" / "seeds_gold.jsonl"),
                   [to_record(ex) for ex in seeds_extractions])
    assert report.relations_micro.f1 >= 0.85
    assert report.relations["accuses"].f1 >= 0.85 and report.relations["supplies"].f1 >= 0.85


def test_record_has_the_gold_shape(seeds_extractions):
    gold = [json.loads(line) for line in (ROOT / "tests" / "data" / "seeds_gold.jsonl").read_text("utf-8").splitlines()]
    rec = to_record(seeds_extractions[0])
    assert set(rec) == set(gold[0]) and rec["doc"] == gold[0]["doc"]
    assert {tuple(sorted(e)) for e in rec["entities"]} == {("canonical", "text", "type", "wikidata")}
    text = seeds_extractions[0].doc.article.text
    for r in rec["relations"]:
        assert set(r) == {"type", "args", "sentence", "modality"}
        assert list(r["args"]) == list(RELATION_ARGS[r["type"]])
        assert r["sentence"] in text.split("\n\n")  # the paragraph holding the evidence
    surfaces = [e["text"] for e in rec["entities"]]
    assert len(surfaces) == len(set(surfaces))  # one entry per distinct surface form


def test_quote_attribution_with_pronoun_speakers():
    got = relations_of(
        "Juru bicara Departemen Luar Negeri AS Matthew Miller berbicara kepada wartawan.\n\n"
        "“Kami melihat Iran mengirimkan drone kepada Rusia,” katanya.\n\n"
        "Sementara itu, Menlu Inggris David Lammy mengecam Teheran.\n\n"
        "“Iran telah memasok rudal balistik ke Rusia. Ini eskalasi yang berbahaya,” kata dia.")
    assert ("accuses", "matthew miller", "iran") in got
    assert ("accuses", "david lammy", "iran") in got
    assert ("accuses", "matthew miller", "russia") not in got
    assert got[("supplies", "iran", "missile", "russia")] == "alleged"


def test_quote_attribution_before_the_quote_and_unnamed_officials():
    got = relations_of(
        "Kepala Pentagon Lloyd Austin mengatakan: “Korea Utara telah mengirim ribuan kontainer amunisi ke Rusia.”\n\n"
        "“Kami yakin Rusia menggunakan rudal buatan Korea Utara,” kata seorang pejabat Korea Selatan.")
    assert ("accuses", "lloyd austin", "north korea") in got
    assert ("accuses", "south korea", "north korea") in got


@pytest.mark.parametrize("text", [
    "Iran memasok drone kepada Rusia.",
    "Drone yang dipasok oleh Iran digunakan oleh Rusia.",
    "Pasokan drone Iran ke Rusia meningkat.",
    "Pengiriman drone dari Iran ke Rusia dilakukan lewat laut.",
    "Iran telah mengirimkan drone ke Rusia.",
    "Rusia membeli drone dari Iran.",
    "Rusia mendapatkan drone dari Iran.",
    "Penjualan drone Iran kepada Rusia terus berlanjut.",
    "Iran menyediakan drone untuk Rusia.",
    "Iran menjual drone ke Rusia.",
])
def test_supply_morphology(text):
    assert ("supplies", "iran", "drone", "russia") in relations_of(text)


@pytest.mark.parametrize("text,modality", [
    ("Iran dapat memasok drone kepada Rusia.", "potential"),
    ("Iran berencana memasok drone kepada Rusia.", "planned"),
    ("Iran dikabarkan memasok drone kepada Rusia.", "alleged"),
    ("Pemerintah Jerman menepis berita Reuters yang menyebut Iran memasok drone kepada Rusia.", "alleged"),
    ("Iran membantah telah memasok drone kepada Rusia.", "denied"),
    ("AS memperingatkan Iran agar tidak memasok drone kepada Rusia.", "potential"),
])
def test_supply_modality(text, modality):
    assert relations_of(text).get(("supplies", "iran", "drone", "russia")) == modality


@pytest.mark.parametrize("text, person, title", [
    ("Dalam kunjungan ke Kairo itu Presiden didampingi Menteri Luar Negeri Sugiono.", "Sugiono",
     "Menteri Luar Negeri"),
    ("Sehari kemudian Perdana Menteri mengutus Menteri Pertahanan Mohamed Khaled Nordin ke Bangkok.",
     "Mohamed Khaled Nordin", "Menteri Pertahanan"),
    # a bracketed acronym inside the title keeps both brackets
    ("Kepala Staf Angkatan Laut (KSAL) Laksamana TNI Muhammad Ali meninjau kapal itu di Surabaya.",
     "Muhammad Ali", "Kepala Staf Angkatan Laut (KSAL)"),
])
def test_a_title_stops_at_a_verb(text, person, title):
    """"Presiden didampingi Menlu X": the title is "Menlu", not "Presiden didampingi Menlu"."""
    rec = to_record(extract(analyse_text(text)))
    titles = [r["args"]["title"] for r in rec["relations"] if r["type"] == "role" and r["args"]["person"] == person]
    assert titles == [title]


def test_negated_supply_is_a_denied_relation():
    """The guidelines: "A supply that the text negates or denies keeps its supply relation with modality denied"; a
    ban on supplying is no supply at all."""
    got = relations_of("Iran tidak mengirim drone ke Rusia. China belum menjual senjata kepada Rusia.")
    supplies = {k: m for k, m in got.items() if k[0] == "supplies"}
    assert supplies == {("supplies", "iran", "drone", "russia"): "denied",
                        ("supplies", "china", "weapons", "russia"): "denied"}
    assert not [k for k in relations_of("Negara anggota PBB dilarang menjual senjata ke Iran.") if k[0] == "supplies"]


def test_find_quotes():
    para = '"Itu tidak baik," kata dia lebih lanjut. Ryder meminta aktivitas "destabilisasi" dihentikan.'
    quotes = find_quotes(para)
    assert [(q.kind, para[q.start:q.end]) for q in quotes] == [("pronoun", "Itu tidak baik,")]
    para = "“Kami tahu itu dan kami akan menindaklanjutinya,” ujar Kirby."
    (q,) = find_quotes(para, offset=100)
    assert q.kind == "name" and para[q.site - 100:].startswith("Kirby")


def test_affix_expansion():
    assert set(expand("pasok", "meN-")) >= {"memasok"}
    assert set(expand("kirim", "peN--an")) >= {"pengiriman"}
    assert set(expand("sedia", "meN--kan")) >= {"menyediakan"}
    assert set(expand("tuduh", "di-")) == {"dituduh"}
    assert set(expand("jual", "peN--an")) >= {"penjualan"}
    c = cues()
    assert c.classes("ujarnya") == {"QuotePronounVerb": "any"}
    assert c.classes("memasoknya")["SupplyCue"] == "active"  # enclitic stripped


def test_cues_are_data_users_extend(tmp_path):
    ttl = tmp_path / "cues.ttl"
    ttl.write_text("""
@prefix kg:  <https://w3id.org/kg-news/ontology#> .
@prefix kgc: <https://w3id.org/kg-news/resource/cue/> .
kgc:selundup a kg:Cue ; kg:cueClass kg:SupplyCue ; kg:root "selundup" ; kg:affix "meN--kan", "peN--an" .
""", encoding="utf-8")
    extra = load(ttl)
    assert extra.classes("menyelundupkan") == {"SupplyCue": "active"}
    assert extra.classes("penyelundupan") == {"SupplyCue": "noun"}


def test_cli_extract_writes_gold_format_jsonl(tmp_path):
    out = tmp_path / "out.jsonl"
    one = ROOT / "seeds" / "001_a39adbfaad0e280e.txt"
    result = CliRunner().invoke(cli, ["extract", str(one), "--jsonl", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    lines = out.read_text("utf-8").splitlines()
    assert len(lines) == 1
    rec = json.loads(lines[0])
    assert rec["doc"] == one.name and rec["relations"] and rec["entities"]
    assert ("supplies", "north korea", "missile", "russia") in {relation_key(r) for r in rec["relations"]}


def test_held_out_articles():
    """Twelve short articles written for this test in other outlets' styles (CNN Indonesia, Kompas,
    Republika, Tribun, detik, VOA) about Iran's drones and missiles, China, sanctions and the
    Kim-Putin meetings, annotated by hand (tests/data/heldout_gold.jsonl, relations only)."""
    from kg.eval.relations import evaluate

    report = evaluate(ROOT / "tests" / "data" / "heldout_gold.jsonl", [ROOT / "tests" / "data" / "heldout"])
    assert report.docs == 12 and not report.missing
    assert report.relations_micro.f1 >= 0.85, report.format(errors=True)
    assert report.relations_micro.precision >= 0.9, report.format(errors=True)


def test_every_development_article_extracts():
    """Each of the development articles (both halves, the pages and the validation half) runs through
    analysis and extraction without an error: a rule that indexes past a sentence must fail here, not
    drop an article from a build."""
    from kg.ingest import iter_paths, read_article

    folders = ["dev/dev", "dev/check", "pages", "val"]
    paths = list(iter_paths([ROOT / "tests/data" / f for f in folders]))
    assert len(paths) >= 320, "the development corpus is missing"
    articles = [read_article(p) for p in paths]
    for i in range(0, len(articles), 16):
        for doc in analyse(articles[i:i + 16]):
            record = to_record(extract(doc))
            assert record["entities"], f"{doc.article.name}: no entity found"
