"""kg query / export / validate on real stores: named queries, formats, parameters, errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from samples import make_extraction

from kg import rdf, sparql
from kg.cli import cli
from kg.store import open_store

pytestmark = pytest.mark.slow  # whole file: see tests/conftest.py

PFX = f"PREFIX kg: <{rdf.KG}>\n"


def kg(*args: str):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def small_store(tmp_path: Path) -> Path:
    """A store holding the hand-built sample article (for tests that write)."""
    path = tmp_path / "store"
    ex = make_extraction()
    with open_store(path) as s:
        s.replace_article(rdf.article_iri(ex.doc.article.doc_id).value, rdf.article_quads(ex))
    return path


def rows_of(output: str) -> list[list[str]]:
    return [line.split("  ") for line in output.splitlines()]


# -- on the seeds ---------------------------------------------------------------------------


def test_accusations_finds_kirby_accusing_north_korea(seeds_store: Path) -> None:
    res = kg("query", "--store", str(seeds_store), "--named", "accusations")
    assert res.exit_code == 0, res.output
    header = res.output.splitlines()[0].split()
    assert header == ["accuser", "accused", "support", "modalities"]
    assert any(line.startswith("John Kirby") and "North Korea" in line for line in res.output.splitlines())


def test_supplies_finds_north_korea_supplying_artillery_ammunition_to_russia(seeds_store: Path) -> None:
    res = kg("query", "--store", str(seeds_store), "--named", "supplies", "--format", "csv")
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.output)))
    assert {"supplier": "North Korea", "weapon": "artillery ammunition", "recipient": "Russia"}.items() <= \
        next(r for r in rows if r["weapon"] == "artillery ammunition" and r["recipient"] == "Russia").items()
    assert all(int(r["support"]) >= 1 for r in rows)


def test_evidence_lists_the_sentences_behind_one_claim(seeds_store: Path) -> None:
    res = kg("query", "--store", str(seeds_store), "--named", "evidence", "--format", "json",
             "-p", "subject=John Kirby", "-p", "relation=accuses", "-p", "object=North Korea")
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    rows = data["results"]["bindings"]
    assert rows
    for r in rows:
        assert r["relation"]["value"] == "accuses"
        assert r["subject"]["value"] == "John Kirby" and r["object"]["value"] == "North Korea"
        assert r["sentence"]["value"] and r["article"]["type"] == "uri"
        assert int(r["start"]["value"]) < int(r["end"]["value"])
    everything = json.loads(kg("query", "--store", str(seeds_store), "--named", "evidence", "--format", "json").output)
    assert len(everything["results"]["bindings"]) > len(rows)


def test_json_is_sparql_results_json(seeds_store: Path) -> None:
    res = kg("query", "--store", str(seeds_store), "--named", "relation-counts", "--format", "json")
    data = json.loads(res.output)
    assert data["head"]["vars"][:4] == ["relation", "statements", "claims", "articles"]
    by_rel = {b["relation"]["value"]: b for b in data["results"]["bindings"]}
    assert int(by_rel["accuses"]["statements"]["value"]) >= 1
    assert by_rel["accuses"]["statements"]["datatype"] == "http://www.w3.org/2001/XMLSchema#integer"


def test_csv_and_tsv(seeds_store: Path) -> None:
    csv_out = kg("query", "--store", str(seeds_store), "--named", "entities", "--format", "csv").output
    rows = list(csv.DictReader(io.StringIO(csv_out)))
    assert {"North Korea", "Russia", "John Kirby"} <= {r["name"] for r in rows}
    nk = next(r for r in rows if r["name"] == "North Korea")
    assert nk["type"] == "State" and nk["wikidata"] == "http://www.wikidata.org/entity/Q423"
    tsv_out = kg("query", "--store", str(seeds_store), "--named", "entities", "--format", "tsv").output
    lines = tsv_out.splitlines()
    assert lines[0].split("\t") == ["?name", "?type", "?articles", "?aliases", "?wikidata", "?entity"]
    assert len(lines) == len(rows) + 1
    assert any('"North Korea"\t"State"' in line for line in lines)


def test_param_on_a_column_keeps_only_matching_rows(seeds_store: Path) -> None:
    out = kg("query", "--store", str(seeds_store), "--named", "entities", "-p", "type=State", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out.output)))
    assert rows and {r["type"] for r in rows} == {"State"}


def test_inline_query_sees_the_union_of_article_graphs(seeds_store: Path) -> None:
    res = kg("query", "--store", str(seeds_store), "--format", "csv",
             PFX + "SELECT DISTINCT ?o WHERE { ?s kg:suppliesTo ?o }")
    assert res.exit_code == 0 and rdf.RES + "entity/russia" in res.output
    res = kg("query", "--store", str(seeds_store), PFX + "ASK { ?s kg:accuses ?o }")
    assert res.output.strip() == "true"


def test_export_and_validate_cli(seeds_store: Path, tmp_path: Path) -> None:
    res = CliRunner().invoke(cli, ["export", "--store", str(seeds_store), "--format", "nquads"])
    assert res.exit_code == 0
    with open_store(seeds_store, read_only=True) as s:
        assert res.stdout == s.nquads()
    out = tmp_path / "g.trig"
    res = kg("export", "--store", str(seeds_store), "--out", str(out))
    assert res.exit_code == 0 and out.read_bytes().startswith(b"@prefix")
    res = kg("validate", "--store", str(seeds_store), "--no-progress")
    assert res.exit_code == 0 and "Conforms: True" in res.output


# -- errors and refusals ----------------------------------------------------------------------


def test_syntax_error_prints_parser_message_and_position_exit_2(small_store: Path) -> None:
    res = kg("query", "--store", str(small_store), "SELECT ?s WHERE {\n  ?s ?p \n}")
    assert res.exit_code == 2
    assert "SPARQL syntax error at line" in res.output and "column" in res.output and "expected" in res.output
    assert "Traceback" not in res.output


def test_update_is_refused_unless_asked_for(small_store: Path) -> None:
    with open_store(small_store, read_only=True) as s:
        before = len(s)
    insert = "INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/a> <http://example.org/b> 1 } }"
    for text in (insert, "PREFIX x: <http://example.org/>\n# comment\nDELETE WHERE { ?s ?p ?o }", "DROP ALL"):
        res = kg("query", "--store", str(small_store), text)
        assert res.exit_code == 2 and "--update" in res.output
    with open_store(small_store, read_only=True) as s:
        assert len(s) == before
    res = kg("query", "--store", str(small_store), "--update", insert)
    assert res.exit_code == 0 and "+1 quads" in res.output
    with open_store(small_store, read_only=True) as s:
        assert len(s) == before + 1


def test_usage_errors_exit_2(small_store: Path, tmp_path: Path) -> None:
    assert kg("query", "--store", str(tmp_path / "none"), "--named", "accusations").exit_code == 2
    res = kg("query", "--store", str(small_store), "--named", "no-such-query")
    assert res.exit_code == 2 and "accusations" in res.output
    res = kg("query", "--store", str(small_store), "--named", "accusations", "-p", "nosuchvar=1")
    assert res.exit_code == 2 and "?nosuchvar" in res.output
    assert kg("query", "--store", str(small_store)).exit_code == 2
    assert kg("query", "--store", str(small_store), "--named", "accusations", "ASK {}").exit_code == 2
    assert kg("query", "--store", str(small_store), "--named", "accusations", "-p", "novalue").exit_code == 2


def test_every_named_query_runs_and_is_listed(small_store: Path) -> None:
    names = sparql.named_queries()
    assert {"accusations", "supplies", "evidence", "entities", "relation-counts"} <= set(names)
    listing = kg("query", "--list").output
    for name, description in names.items():
        assert name in listing and description
        res = kg("query", "--store", str(small_store), "--named", name)
        assert res.exit_code == 0, (name, res.output)
        assert "row" in res.output.splitlines()[-1]


def test_table_format_cuts_long_cells_only_when_asked(small_store: Path) -> None:
    narrow = kg("query", "--store", str(small_store), "--named", "evidence", "--width", "30").output
    wide = kg("query", "--store", str(small_store), "--named", "evidence", "--width", "0").output
    assert "…" in narrow and "…" not in wide
    assert "Korea Utara telah mengirim amunisi artileri ke Rusia." in wide


# -- the SPARQL helpers ------------------------------------------------------------------------


def test_bind_puts_values_in_the_outer_where_and_keeps_line_numbers() -> None:
    text = sparql.load_named("evidence")
    bound = sparql.bind(text, {"subject": "John Kirby", "start": "3", "article": "kgr:article/abc"})
    assert len(bound.splitlines()) == len(text.splitlines())
    assert 'VALUES ?subject { "John Kirby" }' in bound and "VALUES ?start { 3 }" in bound
    assert f"VALUES ?article {{ <{rdf.RES}article/abc> }}" in bound
    assert bound.index("VALUES ?subject") > bound.index("WHERE {")
    q = 'CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(?o != "{") }'
    assert sparql.bind(q, {"p": "<http://x>"}).startswith("CONSTRUCT { ?s ?p ?o } WHERE { VALUES ?p { <http://x> }")
    assert sparql.param_term('say "hi"') == '"say \\"hi\\""'


def test_is_update() -> None:
    assert sparql.is_update("PREFIX a: <http://x/#> # INSERT\n insert data { <a> <b> <c> }")
    assert sparql.is_update("WITH <g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }")
    assert not sparql.is_update("# DELETE everything?\nSELECT * WHERE { ?s ?p ?o }")
    assert not sparql.is_update('BASE <http://x/> SELECT ("DROP" AS ?x) {}')
