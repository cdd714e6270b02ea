"""kg.eval.relations: scoring rules (on hand-made records) and `kg eval` on the seeds with the real pipeline."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg import ROOT
from kg.cli import cli
from kg.eval.relations import Report, evaluate, load_gold, load_jsonl, relation_key, score, weapon_head

pytestmark = pytest.mark.slow  # whole file: see tests/conftest.py

GOLD = ROOT / "tests" / "data" / "seeds_gold.jsonl"


def rel(rtype: str, modality: str = "asserted", **args) -> dict:
    return {"type": rtype, "args": args, "sentence": "", "modality": modality}


def doc(name: str, relations=(), entities=()) -> dict:
    return {"doc": name, "relations": list(relations), "entities": list(entities)}


def test_exact_match_counts_true_positive_and_modality():
    g = [doc("a", [rel("accuses", accuser="John Kirby", accused="North Korea")])]
    p = [doc("a", [rel("accuses", accuser="john  kirby", accused="NORTH\u00a0KOREA")])]
    r = score(g, p)
    assert (r.relations["accuses"].tp, r.relations["accuses"].fp, r.relations["accuses"].fn) == (1, 0, 0)
    assert r.modality_accuracy == 1.0


def test_role_ignores_title_and_meets_ignores_order():
    g = [doc("a", [rel("role", person="Vladimir Putin", org_or_state="Russia", title="Presiden"),
                   rel("meets", a="Kim Jong Un", b="Vladimir Putin")])]
    p = [doc("a", [rel("role", person="Vladimir Putin", org_or_state="Russia", title="Presiden Rusia"),
                   rel("meets", a="Vladimir Putin", b="Kim Jong Un")])]
    r = score(g, p)
    assert r.relations_micro.tp == 2 and r.relations_micro.fp == 0


def test_supplies_compare_weapon_by_head_concept():
    g = [doc("a", [rel("supplies", "alleged", supplier="North Korea", weapon="artillery ammunition",
                       recipient="Russia")])]
    p = [doc("a", [rel("supplies", "potential", supplier="North Korea", weapon="ammunition", recipient="Russia")])]
    r = score(g, p)
    assert r.relations["supplies"].tp == 1
    assert r.modality_total == 1 and r.modality_correct == 0  # modality is reported, not matched
    assert any(e.kind == "modality" for e in r.errors)


def test_different_recipient_is_a_miss_and_a_false_positive():
    g = [doc("a", [rel("supplies", supplier="Iran", weapon="drone", recipient="Russia")])]
    p = [doc("a", [rel("supplies", supplier="Iran", weapon="drone", recipient=None)])]
    r = score(g, p)
    assert (r.relations["supplies"].tp, r.relations["supplies"].fp, r.relations["supplies"].fn) == (0, 1, 1)


def test_evidence_shows_the_golds_sentence_for_a_miss_and_the_extractions_for_a_spurious_relation():
    g = [doc("a", [dict(rel("supplies", supplier="Iran", weapon="drone", recipient="Russia"),
                        sentence="Iran memasok drone ke Rusia.")])]
    p = [doc("a", [dict(rel("supplies", supplier="Iran", weapon="drone", recipient=None),
                        sentence="Teheran disebut\nmemasok drone.")])]
    out = score(g, p).format(errors=True, evidence=True).splitlines()
    miss = out.index(next(line for line in out if " FN " in line and "supplies" in line))
    spurious = out.index(next(line for line in out if " FP " in line and "supplies" in line))
    assert out[miss + 1].strip() == "| Iran memasok drone ke Rusia."
    assert out[spurious + 1].strip() == "| Teheran disebut memasok drone."  # one line, whitespace collapsed
    assert not any(line.strip().startswith("|") for line in score(g, p).format(errors=True).splitlines())


def test_weapon_heads():
    assert weapon_head("artillery ammunition") == "ammunition"
    assert weapon_head("artillery shell") == "ammunition"
    assert weapon_head("multiple launch rocket system") == "rocket"
    assert weapon_head("Shahed drone") == "drone"
    # unknown wording falls back to its longest known tail
    assert weapon_head("hypersonic intermediate-range ballistic missile") == "missile"
    assert weapon_head("laser cannon") == "laser cannon"


def test_weapon_heads_accept_every_english_label_of_a_concept():
    # annotators spell "armored vehicle" and "Pantsir air defense system"; British forms are labels too
    assert weapon_head("armored vehicle") == weapon_head("armoured vehicle") == "armored vehicle"
    assert weapon_head("Pantsir air defence system") == weapon_head("Pantsir air defense system")
    assert weapon_head("Pantsir air defense system") == "air defense system"


def test_relation_key_supplies_without_recipient():
    assert relation_key(rel("supplies", supplier="Iran", weapon="drones", recipient=None)) == \
        ("supplies", "iran", "drone", "")


def test_entities_match_on_type_and_canonical_and_missing_docs_are_misses():
    g = [doc("a", entities=[{"text": "Korut", "type": "GPE", "canonical": "North Korea", "wikidata": "Q423"},
                            {"text": "Korea Utara", "type": "GPE", "canonical": "North Korea", "wikidata": "Q423"}]),
         doc("b", [rel("warns", warner="United States", warned="China")])]
    p = [doc("a", entities=[{"text": "Pyongyang", "type": "GPE", "canonical": "north korea", "wikidata": None},
                            {"text": "Kirby", "type": "PER", "canonical": "John Kirby", "wikidata": None}])]
    r = score(g, p)
    assert (r.entities["GPE"].tp, r.entities["PER"].fp) == (1, 1)
    assert r.missing == ["b"] and r.relations["warns"].fn == 1


def test_by_kind_counts_the_relations_of_each_tagged_article():
    g = [dict(doc("a", [rel("accuses", accuser="Iran", accused="Israel"), rel("warns", warner="Iran", warned="Israel")]),
              tags=["pronoun", "list"]),
         dict(doc("b", [rel("visits", visitor="Joko Widodo", place="China")]), tags=["visit", "list"])]
    p = [doc("a", [rel("accuses", accuser="Iran", accused="Israel"), rel("denies", denier="Iran", accuser="US")]),
         doc("b", [])]
    r = score(g, p)
    pron, lst, visit = r.kinds["pronoun"], r.kinds["list"], r.kinds["visit"]
    assert (pron.tp, pron.fp, pron.fn) == (1, 1, 1)
    assert (visit.tp, visit.fp, visit.fn) == (0, 0, 1)
    assert (lst.tp, lst.fp, lst.fn) == (1, 1, 2)  # both articles
    text = r.format(by_kind=True)
    assert "pronoun" in text and text.splitlines()[-1].startswith("relations micro-F1")


def test_report_format_ends_with_relations_micro_f1():
    r = score([doc("a", [rel("denies", denier="Russia", accuser="United States")])],
              [doc("a", [rel("denies", denier="Russia", accuser="United States")])])
    text = r.format(errors=True)
    assert text.splitlines()[-1] == "relations micro-F1 1.000"
    assert "denies" in text and "entity" in text


def test_load_jsonl_names_the_bad_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(doc("a")) + "\n{oops\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"gold.jsonl:2"):
        load_jsonl(path)


def test_seeds_meet_the_targets(seeds_extractions):
    from kg.extract import to_record

    report = score(load_jsonl(GOLD), [to_record(ex) for ex in seeds_extractions])
    assert isinstance(report, Report) and report.docs == 5 and not report.missing
    assert report.relations_micro.f1 >= 0.85
    assert report.relations["accuses"].f1 >= 0.85
    assert report.relations["supplies"].f1 >= 0.85
    assert report.entities_micro.f1 >= 0.9
    assert report.modality_accuracy >= 0.8


def test_evaluate_library_function_matches_cli(tmp_path):
    one = ROOT / "seeds" / "003_1e4ee5c157233393.txt"
    gold = tmp_path / "gold.jsonl"
    gold.write_text([line for line in GOLD.read_text(encoding="utf-8").splitlines() if one.name in line][0] + "\n",
                    encoding="utf-8")
    report = evaluate(gold, [one])
    assert report.docs == 1 and report.relations_micro.f1 >= 0.85
    result = CliRunner().invoke(cli, ["eval", "--gold", str(gold), str(one), "--no-progress"])
    assert result.output.strip().splitlines()[-1] == f"relations micro-F1 {report.relations_micro.f1:.3f}"


def test_cli_eval_prints_per_type_scores_and_last_line():
    result = CliRunner().invoke(cli, ["eval", "--gold", str(GOLD), str(ROOT / "seeds"), "--no-progress"])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert lines[-1].startswith("relations micro-F1 ")
    assert float(lines[-1].split()[-1]) >= 0.85
    for rtype in ("accuses", "supplies", "warns", "role"):
        assert any(line.startswith(rtype) for line in lines)
    for etype in ("PER", "ORG", "GPE", "LOC", "WEAPON"):
        assert any(line.startswith(etype) for line in lines)


def test_cli_eval_bad_gold_file_exits_2(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "--gold", str(bad), str(ROOT / "seeds"), "--no-progress"])
    assert result.exit_code == 2
    assert "bad.jsonl:1" in result.output


def test_eval_fails_loudly_when_an_article_cannot_be_extracted(tmp_path):
    """An article whose extraction raises is not scored as an article with no relations in silence:
    `kg eval` names it and exits 1. The failure comes from a rule registered through the public API."""
    from kg.extract.registry import rule, unregister

    (tmp_path / "ok.txt").write_text("Rusia membantah tuduhan Amerika Serikat soal pasokan senjata.\n", "utf-8")
    (tmp_path / "bad.txt").write_text("Iran mengirim drone ke Rusia, kata pejabat itu.\n", "utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps({"doc": n, "entities": [], "relations": []}) + "\n"
                            for n in ("ok.txt", "bad.txt")), "utf-8")

    @rule("meets")
    def breaks_on_drones(ctx):
        if "drone" in ctx.sentence.text:
            raise RuntimeError("a rule that breaks")
        return []

    try:
        res = CliRunner().invoke(cli, ["eval", "--gold", str(gold), str(tmp_path), "--no-progress"])
    finally:
        unregister(breaks_on_drones)
    assert res.exit_code == 1, res.output
    assert "bad.txt: extraction failed: RuntimeError: a rule that breaks" in res.output
    assert "1 article(s) failed to extract" in res.output
    assert "relations micro-F1" in res.output  # the report is still printed


def test_gold_folder_reads_every_file_and_rejects_an_article_annotated_twice(tmp_path):
    (tmp_path / "b.jsonl").write_text(json.dumps(doc("b.txt")) + "\n", "utf-8")
    (tmp_path / "a.jsonl").write_text(json.dumps(doc("a.txt")) + "\n" + json.dumps(doc("c.txt")) + "\n", "utf-8")
    (tmp_path / "notes.md").write_text("not gold", "utf-8")
    assert [g["doc"] for g in load_gold(tmp_path)] == ["a.txt", "c.txt", "b.txt"]
    assert [g["doc"] for g in load_gold(tmp_path / "b.jsonl")] == ["b.txt"]
    (tmp_path / "d.jsonl").write_text(json.dumps(doc("c.txt")) + "\n", "utf-8")
    with pytest.raises(ValueError, match=r"c\.txt is annotated twice: .*a\.jsonl \(record 2\) and .*d\.jsonl"):
        load_gold(tmp_path)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(ValueError, match="no \\*.jsonl gold file"):
        load_gold(empty)
    result = CliRunner().invoke(cli, ["eval", "--gold", str(empty), str(ROOT / "seeds"), "--no-progress"])
    assert result.exit_code == 2 and "no *.jsonl gold file" in result.output


def test_cli_eval_scores_a_gold_folder_as_the_file_it_was_split_from(tmp_path):
    lines = GOLD.read_text(encoding="utf-8").splitlines()
    split = tmp_path / "gold"
    split.mkdir()
    (split / "first.jsonl").write_text("\n".join(lines[:2]) + "\n", "utf-8")
    (split / "rest.jsonl").write_text("\n".join(lines[2:]) + "\n", "utf-8")
    whole = CliRunner().invoke(cli, ["eval", "--gold", str(GOLD), str(ROOT / "seeds"), "--no-progress"])
    parts = CliRunner().invoke(cli, ["eval", "--gold", str(split), str(ROOT / "seeds"), "--no-progress"])
    assert whole.exit_code == parts.exit_code == 0, parts.output
    assert parts.output == whole.output


@pytest.mark.parametrize("folder,gold", [("dev/dev", "dev/dev/gold.jsonl"), ("dev/check", "dev/check/gold.jsonl"),
                                         ("pages", "pages/gold"), ("val", "val/gold")])
def test_every_development_article_has_exactly_one_gold_record(folder, gold):
    """Each article of the development sets is annotated once, and each gold record names an article that is
    there: an article without gold would be scored as if it had no relation at all."""
    from kg.walk import iter_paths

    data = ROOT / "tests" / "data"
    articles = {p.name for p in iter_paths([data / folder])}
    annotated = [g["doc"] for g in load_gold(data / gold)]
    assert len(annotated) == len(set(annotated)) and set(annotated) == articles
