"""kg build end to end on the seeds: real Stanza models, real extractor, real on-disk store."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import rdf
from kg.cli import cli
from kg.ingest import read_article
from kg.pipeline import BuildError, build
from kg.store import open_store

pytestmark = pytest.mark.slow  # whole file: see tests/conftest.py

P = f"PREFIX kg: <{rdf.KG}>\nPREFIX ent: <{rdf.RES}entity/>\nPREFIX prov: <{rdf.PROV}>\n"
SMALL = ("004_c012bdc66f00abd0.txt", "000_fc5119c6854d9936.txt")  # two shortest seeds


def ask(store_path: Path, sparql: str) -> bool:
    with open_store(store_path, read_only=True) as s:
        return bool(s.query(P + sparql))


def test_seed_build_reports_every_file_and_the_totals(seeds_build, seeds_dir: Path) -> None:
    store, report = seeds_build
    names = sorted(p.name for p in seeds_dir.glob("*.txt"))
    assert [Path(f.path).name for f in report.files] == names
    assert [f.status for f in report.files] == ["new"] * len(names)
    assert not report.failed and report.articles == len(names)
    assert report.triples == report.added == report.totals["triples"] > 0
    assert report.sentences == sum(f.sentences for f in report.files) == report.totals["sentences"]
    assert sum(report.relations.values()) == sum(f.relations for f in report.files) > 0
    assert report.totals["articles"] == len(names)
    assert report.entities["PER"] > 0 and report.entities["GPE"] > 0 and report.entities["WEAPON"] > 0
    summary = report.summary()
    for line in ("articles", "sentences", "entities PER", "relations accuses", "relations supplies",
                 "triples", "seconds"):
        assert line in summary
    table = report.status_table()
    assert all(n in table for n in names)


def test_seed_graph_passes_shacl(seeds_store: Path) -> None:
    with open_store(seeds_store, read_only=True) as s:
        result = s.validate()
    assert result.conforms, result.report[:3000]


def test_kirby_accuses_north_korea(seeds_store: Path) -> None:
    assert ask(seeds_store, """ASK { GRAPH ?g {
        ent:john_kirby kg:accuses ent:north_korea .
        ?st a kg:Accusation ; kg:subject ent:john_kirby ; kg:object ent:north_korea ; kg:evidenceText ?t } }""")


def test_north_korea_supplies_artillery_ammunition_to_russia(seeds_store: Path) -> None:
    assert ask(seeds_store, """ASK { GRAPH ?g {
        ent:north_korea kg:supplies ent:artillery_ammunition ; kg:suppliesTo ent:russia .
        ?st a kg:Supply ; kg:subject ent:north_korea ; kg:weapon ent:artillery_ammunition ;
            kg:recipient ent:russia ; kg:modality ?m } }""")


def test_every_statement_quotes_its_article_at_its_offsets(seeds_store: Path, seeds_dir: Path) -> None:
    texts = {rdf.article_iri(a.doc_id).value: a.text for a in map(read_article, sorted(seeds_dir.glob("*.txt")))}
    with open_store(seeds_store, read_only=True) as s:
        rows = s.select(P + """SELECT ?g ?t ?s ?e WHERE { GRAPH ?g {
            ?st kg:evidenceText ?t ; kg:startOffset ?s ; kg:endOffset ?e ; prov:wasDerivedFrom ?g } }""")
    assert rows
    for r in rows:
        quoted = texts[r["g"]][r["s"]:r["e"]]
        assert " ".join(quoted.split()) == r["t"]


def test_rebuild_of_unchanged_inputs_writes_nothing(seeds_build, seeds_dir: Path) -> None:
    store, _ = seeds_build
    with open_store(store, read_only=True) as s:
        before = s.nquads()
    report = build([seeds_dir], store, progress=False)
    assert {f.status for f in report.files} == {"unchanged"}
    assert report.added == 0 and report.triples == 0 and report.articles == 0
    with open_store(store, read_only=True) as s:
        assert s.nquads() == before


def test_forced_rebuild_is_byte_identical(seeds_build, seeds_dir: Path) -> None:
    store, first = seeds_build
    with open_store(store, read_only=True) as s:
        before = s.nquads()
    report = build([seeds_dir], store, force=True, progress=False)
    assert {f.status for f in report.files} == {"rebuilt"}
    assert report.added == 0 and report.triples == first.triples
    with open_store(store, read_only=True) as s:
        assert s.nquads() == before


def test_articles_built_by_another_pipeline_are_re_extracted(corpus: Path, tmp_path: Path) -> None:
    """A store written by another version (models, ontology data or code) is not left mixing old
    and new readings: unchanged texts whose kg:builtWith differs are rebuilt, the rest skipped."""
    from kg.fingerprint import fingerprint

    folder = corpus
    store = tmp_path / "store"
    build([folder], store, progress=False)
    with open_store(store, read_only=True) as s:
        fresh = s.nquads()
        assert set(s.article_builds().values()) == {fingerprint()}
    old = rdf.article_iri(read_article(folder / SMALL[0]).doc_id).value
    with open_store(store) as s:  # as an older kg would have left it: another fingerprint, a stale triple
        s.update(P + f"""DELETE {{ GRAPH <{old}> {{ <{old}> kg:builtWith ?b }} }}
            INSERT {{ GRAPH <{old}> {{ <{old}> kg:builtWith "0123456789abcdef" .
                                       ent:north_korea kg:accuses ent:mars }} }}
            WHERE {{ GRAPH <{old}> {{ <{old}> kg:builtWith ?b }} }}""")
        assert s.article_builds()[old] == "0123456789abcdef"
    report = build([folder], store, progress=False)
    by_name = {Path(f.path).name: f for f in report.files}
    assert by_name[SMALL[0]].status == "outdated" and "another version" in by_name[SMALL[0]].detail
    assert by_name[SMALL[1]].status == "unchanged"
    assert report.articles == 1
    with open_store(store, read_only=True) as s:
        assert s.nquads() == fresh  # the stale triple is gone, the graph is as a fresh build makes it


@pytest.fixture
def corpus(tmp_path: Path, seeds_dir: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    for name in SMALL:
        shutil.copy(seeds_dir / name, folder / name)
    return folder


def test_changed_file_replaces_its_graph_and_duplicates_are_recognised(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    first = build([corpus], store, progress=False)
    assert [f.status for f in first.files] == ["new", "new"]
    changed, kept = corpus / SMALL[1], corpus / SMALL[0]
    old_iri = next(f.article for f in first.files if Path(f.path).name == SMALL[1])
    lines = changed.read_text(encoding="utf-8").splitlines()
    changed.write_text("\n".join(lines[: len(lines) // 2]), encoding="utf-8")  # the story, shortened
    shutil.copy(kept, corpus / "zz_copy_of_004.txt")
    (corpus / "zz_empty.txt").write_text(" \n\n Baca juga: apa saja\n", encoding="utf-8")

    second = build([corpus], store, progress=False)
    status = {Path(f.path).name: f for f in second.files}
    assert status[SMALL[0]].status == "unchanged"
    assert status[SMALL[1]].status == "changed"
    assert status["zz_copy_of_004.txt"].status == "duplicate" and SMALL[0] in status["zz_copy_of_004.txt"].detail
    assert status["zz_empty.txt"].status == "empty"
    new_iri = status[SMALL[1]].article
    assert new_iri != old_iri
    with open_store(store, read_only=True) as s:
        graphs = s.graphs()
        hashes = s.article_hashes()
    assert old_iri not in graphs and new_iri in graphs and len(graphs) == 2
    assert hashes[new_iri] == read_article(changed).doc_id
    # and a third build is a no-op
    third = build([corpus], store, progress=False)
    assert {f.status for f in third.files} == {"unchanged", "duplicate", "empty"} and third.added == 0


def test_build_cli_prints_files_and_summary_and_is_incremental(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "cli-store"
    runner = CliRunner()
    res = runner.invoke(cli, ["build", str(corpus), "--store", str(store), "--no-progress"])
    assert res.exit_code == 0, res.output
    for text in (*SMALL, "new", "articles", "relations accuses", "triples", "seconds"):
        assert text in res.output
    res = runner.invoke(cli, ["build", str(corpus), "--store", str(store), "--no-progress", "--quiet"])
    assert res.exit_code == 0, res.output
    assert "2 unchanged" in res.output and SMALL[0] not in res.output and "(+0 in store)" in res.output


def test_build_cli_errors(tmp_path: Path, corpus: Path) -> None:
    runner = CliRunner()
    empty = tmp_path / "empty"
    empty.mkdir()
    res = runner.invoke(cli, ["build", str(empty), "--store", str(tmp_path / "s")])
    assert res.exit_code == 1 and "no input files" in res.output
    res = runner.invoke(cli, ["build", str(tmp_path / "missing"), "--store", str(tmp_path / "s")])
    assert res.exit_code == 2
    with open_store(tmp_path / "held"):
        res = runner.invoke(cli, ["build", str(corpus), "--store", str(tmp_path / "held")])
    assert res.exit_code == 3 and "store is locked" in res.output
    with pytest.raises(BuildError, match="no input files"):
        build([empty], tmp_path / "s2", progress=False)


def test_process_yields_one_extraction_per_seed(seeds_extractions, seeds_dir: Path) -> None:
    assert [ex.doc.article.name for ex in seeds_extractions] == sorted(p.name for p in seeds_dir.glob("*.txt"))
    for ex in seeds_extractions:
        assert ex.doc.sentences and ex.entities
        assert rdf.article_quads(ex)


def test_same_file_name_in_two_folders_is_two_stable_articles(tmp_path: Path, seeds_dir: Path) -> None:
    for folder, seed in (("a", SMALL[0]), ("b", SMALL[1])):
        (tmp_path / folder).mkdir()
        shutil.copy(seeds_dir / seed, tmp_path / folder / "x.txt")
    store = tmp_path / "store"
    first = build([tmp_path / "a", tmp_path / "b"], store, progress=False)
    assert [f.status for f in first.files] == ["new", "new"]
    second = build([tmp_path / "a", tmp_path / "b"], store, progress=False)
    assert [f.status for f in second.files] == ["unchanged", "unchanged"] and second.added == 0
    with open_store(store, read_only=True) as s:
        assert sorted(s.graphs()) == sorted(f.article for f in first.files)


def test_prune_drops_articles_whose_files_are_gone(corpus: Path, tmp_path: Path) -> None:
    folder = corpus
    store = tmp_path / "store"
    build([folder], store, progress=False)
    (folder / SMALL[0]).unlink()
    kept = build([folder], store, progress=False)  # without --prune the deleted file's article stays
    assert kept.pruned == 0
    with open_store(store, read_only=True) as s:
        assert len(s.article_hashes()) == 2
    result = CliRunner().invoke(cli, ["build", str(folder), "--store", str(store), "--prune", "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "articles pruned" in result.output
    fresh = tmp_path / "fresh"
    build([folder], fresh, progress=False)
    with open_store(store, read_only=True) as s, open_store(fresh, read_only=True) as f:
        assert s.nquads() == f.nquads()  # exactly what a fresh build of the remaining file gives
