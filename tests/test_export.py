"""kg.export and ``kg export --format graphml|gexf|csv|plover``: each file is read back by the library
that consumes it (networkx for GraphML and GEXF, Python's csv with the header rules of
``neo4j-admin database import``, json for the PLOVER records) and checked against the store.

The unit tests use the hand-written fixture (two articles, one dated, a hostile entity name and
sentence); the last tests export the store built from seeds/ by the real pipeline.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.export import (
    NEO4J_ARRAY_DELIMITER,
    analyst_graph,
    event_codings,
    neo4j_csv,
    neo4j_type,
    plover_events,
    write_gexf,
    write_graphml,
)
from kg.graph import TYPE_NAMES, names, to_networkx
from kg.store import open_store

E = "https://w3id.org/kg-news/resource/entity/"
A = "https://w3id.org/kg-news/resource/article/"
HOSTILE = E + "hostile"


@pytest.fixture(scope="module")
def g(mini_store: Path) -> nx.MultiDiGraph:
    return to_networkx(mini_store)


# -- GraphML and GEXF ------------------------------------------------------------------------


def check_against_store(back: nx.MultiDiGraph, g: nx.MultiDiGraph) -> None:
    """A graph read back from GraphML/GEXF holds every entity and relation of ``g`` with its attributes."""
    assert back.number_of_nodes() == g.number_of_nodes()
    assert back.number_of_edges() == g.number_of_edges()
    for n, d in g.nodes(data=True):
        b = back.nodes[n]
        assert b["label"] == d["label"]
        assert b["type"] == TYPE_NAMES[d["type"]]
        assert b["wikidata"] == d["wikidata"]
        assert b["aliases"] == d["aliases"]
        assert b["articles"] == d["articles"] and isinstance(b["articles"], int)
    got = {(s, d["relation"], o): d for s, o, d in back.edges(data=True)}
    assert len(got) == back.number_of_edges()
    for s, o, rel, d in g.edges(keys=True, data=True):
        b = got[(s, rel, o)]
        assert b["support"] == d["support"] and isinstance(b["support"], int)
        assert b["weight"] == float(d["support"])
        assert (b["modality"], b["modalities"]) == (d["modality"], d["modalities"])
        assert (b["first_date"], b["last_date"]) == (d["first_date"], d["last_date"])
        assert b["sentences"] == d["sentences"]


def test_graphml_reads_back_with_networkx(g: nx.MultiDiGraph, tmp_path: Path) -> None:
    write_graphml(g, tmp_path / "g.graphml")
    back = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    check_against_store(back, g)
    nk = back.nodes[E + "north_korea"]
    assert nk == {"label": "North Korea", "type": "State", "wikidata": "Q423", "aliases": "Korea Utara | Korut",
                  "articles": 2}
    supply = back.edges[E + "north_korea", E + "artillery_ammunition", "north_korea.supplies.artillery_ammunition"]
    assert supply["relation"] == "supplies" and supply["label"] == "supplies" and supply["support"] == 2
    assert supply["modalities"] == "alleged|denied"
    assert supply["first_date"] == supply["last_date"] == "2023-02-10"
    assert back.nodes[HOSTILE]["label"] == g.nodes[HOSTILE]["label"]  # markup kept verbatim, XML-escaped
    # edge ids are unique (Gephi drops an edge whose id it has seen)
    ids = re.findall(r'<edge [^>]*id="([^"]+)"', (tmp_path / "g.graphml").read_text(encoding="utf-8"))
    assert len(ids) == len(set(ids)) == g.number_of_edges()


def test_gexf_reads_back_with_networkx_with_dates_and_colours(g: nx.MultiDiGraph, tmp_path: Path) -> None:
    write_gexf(g, tmp_path / "g.gexf")
    text = (tmp_path / "g.gexf").read_text(encoding="utf-8")
    assert "lastmodifieddate" not in text  # equal stores, equal files
    back = nx.read_gexf(tmp_path / "g.gexf")
    check_against_store(back, g)
    supply = next(d for s, o, d in back.edges(data=True) if d["relation"] == "supplies")
    assert (supply["start"], supply["end"]) == ("2023-02-10", "2023-02-10")  # Gephi's timeline
    denial = next(d for s, o, d in back.edges(data=True) if d["relation"] == "denies")
    assert "start" not in denial  # an undated edge is there all the time
    assert back.nodes[E + "north_korea"]["viz"]["color"] == {"r": 0xe1, "g": 0x57, "b": 0x59, "a": 1.0}
    assert back.nodes[HOSTILE]["label"] == g.nodes[HOSTILE]["label"]


def test_analyst_graph_has_only_plain_values(g: nx.MultiDiGraph) -> None:
    a = analyst_graph(g)
    values = [v for _, d in a.nodes(data=True) for v in d.values()] + [v for *_, d in a.edges(data=True)
                                                                        for v in d.values()]
    assert {type(v) for v in values} <= {str, int, float}


# -- Neo4j CSV -------------------------------------------------------------------------------

#: The header rules of neo4j-admin database import (Neo4j 5 operations manual, "CSV header format").
NEO4J_TYPES = {"int", "long", "float", "double", "boolean", "byte", "short", "char", "string", "point", "date",
               "localtime", "time", "localdatetime", "datetime", "duration"}
FIELD = re.compile(r"^(?P<name>[^:]*)(?::(?P<type>[A-Za-z_]+)(?P<array>\[\])?(?:\((?P<space>[^)]*)\))?)?$")


def neo4j_header(header: list[str], kind: str) -> dict[str, tuple[str, str]]:
    """Check a header line the way the importer reads it; returns column → (property name, type)."""
    columns: dict[str, tuple[str, str]] = {}
    special = []
    for field in header:
        m = FIELD.match(field)
        assert m, f"not a header field: {field!r}"
        ftype = m["type"] or "string"
        if ftype in ("ID", "LABEL", "START_ID", "END_ID", "TYPE", "IGNORE"):
            special.append(ftype)
        else:
            assert m["name"], f"a property column needs a name: {field!r}"
            assert ftype.lower() in NEO4J_TYPES, f"unknown type in {field!r}"
        columns[field] = (m["name"], ftype + ("[]" if m["array"] else ""))
    if kind == "nodes":
        assert special.count("ID") == 1 and special.count("LABEL") <= 1
        assert not {"START_ID", "END_ID", "TYPE"} & set(special)
    else:
        assert special.count("START_ID") == special.count("END_ID") == special.count("TYPE") == 1
        assert "ID" not in special and "LABEL" not in special
    return columns


def read_neo4j(text: str, kind: str) -> list[dict[str, object]]:
    """The rows as the importer would type them (int, date, arrays split on the array delimiter)."""
    rows = list(csv.reader(io.StringIO(text)))
    columns = neo4j_header(rows[0], kind)
    out = []
    for row in rows[1:]:
        assert len(row) == len(rows[0]), row
        item: dict[str, object] = {}
        for field, value in zip(rows[0], row, strict=True):
            name, ftype = columns[field]
            key = name or ":" + ftype
            assert "\n" not in value and "\r" not in value  # no --multiline-fields needed
            if value == "" and ftype not in ("ID", "START_ID", "END_ID", "TYPE", "LABEL"):
                continue  # the importer leaves an empty field unset
            if ftype in ("int", "long"):
                item[key] = int(value)
            elif ftype == "date":
                assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", value), value
                item[key] = value
            elif ftype.endswith("[]") or ftype == "LABEL":
                item[key] = value.split(NEO4J_ARRAY_DELIMITER)
            else:
                item[key] = value
        out.append(item)
    return out


def test_neo4j_csv_follows_the_import_header_rules_and_matches_the_store(g: nx.MultiDiGraph) -> None:
    nodes_text, rels_text = neo4j_csv(g)
    nodes = read_neo4j(nodes_text, "nodes")
    rels = read_neo4j(rels_text, "relationships")
    assert len(nodes) == g.number_of_nodes() and len(rels) == g.number_of_edges()
    ids = [n["iri"] for n in nodes]
    assert len(set(ids)) == len(ids) and set(ids) == set(g.nodes)
    by_id = {n["iri"]: n for n in nodes}
    nk = by_id[E + "north_korea"]
    assert nk[":LABEL"] == ["Entity", "State"] and nk["name"] == "North Korea" and nk["wikidata"] == "Q423"
    assert nk["aliases"] == ["Korea Utara", "Korut"] and nk["articles"] == 2
    assert "wikidata" not in by_id[E + "artillery_ammunition"]  # unknown: unset, not ""
    assert by_id[E + "artillery_ammunition"][":LABEL"] == ["Entity", "WeaponType"]
    assert by_id[HOSTILE]["name"] == g.nodes[HOSTILE]["label"]  # quotes and markup survive the quoting
    for n, d in g.nodes(data=True):
        assert by_id[n].get("aliases", []) == names(d)[1:]
    for r in rels:
        assert r[":START_ID"] in by_id and r[":END_ID"] in by_id
        assert re.fullmatch(r"[A-Z][A-Z_]*", str(r[":TYPE"]))
        d = g.edges[r[":START_ID"], r[":END_ID"], r["relation"]]
        assert r["support"] == d["support"] and "|".join(r["modalities"]) == d["modalities"]  # type: ignore[arg-type]
        assert r.get("first_date", "") == d["first_date"] and r.get("last_date", "") == d["last_date"]
    types = {(r[":START_ID"].removeprefix(E), r[":TYPE"], r[":END_ID"].removeprefix(E)) for r in rels}  # type: ignore[union-attr]
    assert ("north_korea", "SUPPLIES_TO", "russia") in types and ("john_kirby", "HOLDS_ROLE", "white_house") in types
    assert neo4j_type("suppliesTo") == "SUPPLIES_TO" and neo4j_type("accuses") == "ACCUSES"


# -- PLOVER ----------------------------------------------------------------------------------


def test_plover_codings_come_from_the_ontology() -> None:
    classes, contexts = event_codings()
    assert classes["Accusation"].category == "ACCUSE" and classes["Accusation"].cameo_code == "112"
    assert classes["Supply"].mode == ("military",) and classes["Visit"].mode == ("visit",)
    assert "Role" not in classes  # not an event: no PLOVER category in kg.ttl
    assert contexts == {"planned": "future", "potential": "hypothetical", "denied": "negation"}


def test_plover_records_one_per_event_statement(mini_store: Path) -> None:
    with open_store(mini_store, read_only=True) as store:
        events = plover_events(store)
        n_statements = store.select(
            "PREFIX kg: <https://w3id.org/kg-news/ontology#> SELECT (COUNT(DISTINCT ?st) AS ?n) "
            "WHERE { GRAPH ?g { ?st kg:relationType ?rt } FILTER (?rt != 'role') }")[0]["n"]
    lines = [json.loads(line) for line in "".join(json.dumps(e) + "\n" for e in events).splitlines()]
    assert len(lines) == n_statements == 5
    for e in lines:  # the required fields of the PLOVER manual, and the ones the issue names
        assert {"id", "date", "source", "event", "mode", "context", "recipient", "text", "cite_info",
                "cameo_code", "article"} <= set(e)
        assert e["source"] and all(a["identifier_text"] for a in e["source"])
    assert len({e["id"] for e in lines}) == 5
    by = {(e["relation"], e["modality"]): e for e in lines}
    acc = by[("accuses", "asserted")]
    assert acc["event"] == ["ACCUSE"] and acc["cameo_code"] == "112" and acc["date"] == "2023-02-10"
    assert acc["source"][0]["identifier_text"] == "John Kirby" and acc["source"][0]["identifier_id"] is None
    assert acc["recipient"] == [{"identifier_id": "Q423", "identifier_text": "North Korea",
                                 "entity": E + "north_korea", "type": "State"}]
    assert acc["text"].startswith("John Kirby menegaskan") and acc["text_info"] == {"sequence": 1, "start": 10,
                                                                                    "end": 92}
    assert acc["cite_info"]["title"] == "AS: Korut pasok amunisi artileri ke Rusia"
    assert acc["cite_info"]["publication"] == "ANTARA" and acc["article"] == A + "aaaaaaaaaaaaaaaa"
    assert acc["mode"] is None and acc["context"] is None
    alleged = by[("supplies", "alleged")]
    assert alleged["event"] == ["AID"] and alleged["mode"] == ["military"] and alleged["cameo_code"] == "072"
    assert alleged["recipient"][0]["identifier_id"] == "Q159" and alleged["weapon"]["type"] == "WeaponType"
    denied = by[("supplies", "denied")]
    assert denied["context"] == ["negation"] and denied["date"] is None
    assert by[("denies", "asserted")]["event"] == ["REJECT"]
    warn = by[("warns", "potential")]
    assert warn["event"] == ["THREATEN"] and warn["context"] == ["hypothetical"]
    assert warn["source"][0]["identifier_text"] == "<script>window.__pwned=1</script>\"><img src=x " \
                                                   "onerror=\"window.__pwned=2\">'&amp;"
    # dated first, then by article and sentence
    assert [e["date"] for e in lines] == ["2023-02-10", "2023-02-10", None, None, None]


def test_plover_date_is_the_event_day_when_the_sentence_gives_it(tmp_path: Path) -> None:
    """kg:eventDate (the day the sentence names) wins over the publication date; a sentence that puts the
    event in another year (kg:eventYear) leaves the record without a day rather than a wrong one."""
    import pyoxigraph

    folder = tmp_path / "store"
    store = pyoxigraph.Store(str(folder))
    store.load(path=str(Path(__file__).parent / "data" / "mini_graph.trig"), format=pyoxigraph.RdfFormat.TRIG)
    st, kg, xsd = "https://w3id.org/kg-news/resource/statement/", "https://w3id.org/kg-news/ontology#", \
        "http://www.w3.org/2001/XMLSchema#"
    for stmt, graph, prop, value, dtype in (("a000000000000001", "aaaaaaaaaaaaaaaa", "eventDate", "2023-02-08", "date"),
                                            ("a000000000000002", "aaaaaaaaaaaaaaaa", "eventYear", "2022", "gYear"),
                                            ("b000000000000002", "bbbbbbbbbbbbbbbb", "eventYear", "2022", "gYear")):
        store.add(pyoxigraph.Quad(pyoxigraph.NamedNode(st + stmt), pyoxigraph.NamedNode(kg + prop),
                                  pyoxigraph.Literal(value, datatype=pyoxigraph.NamedNode(xsd + dtype)),
                                  pyoxigraph.NamedNode(A + graph)))
    store.flush()
    del store
    with open_store(folder, read_only=True) as opened:
        by = {e["id"]: e for e in plover_events(opened)}
    accuse, supply, denial = by["kg-a000000000000001"], by["kg-a000000000000002"], by["kg-b000000000000002"]
    assert (accuse["date"], accuse["article_date"], accuse["event_year"]) == ("2023-02-08", "2023-02-10", None)
    assert (supply["date"], supply["article_date"], supply["event_year"]) == (None, "2023-02-10", 2022)
    assert (denial["date"], denial["article_date"], denial["event_year"]) == (None, None, 2022)
    assert by["kg-b000000000000003"]["date"] is None and by["kg-b000000000000003"]["event_year"] is None


# -- the command -----------------------------------------------------------------------------


def test_cli_writes_each_format_and_infers_it_from_the_suffix(mini_store: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    for name, fmt in (("g.graphml", "graphml"), ("g.gexf", "gexf"), ("events.jsonl", "plover")):
        r = runner.invoke(cli, ["export", "--store", str(mini_store), "--out", str(tmp_path / name)])
        assert r.exit_code == 0, r.output
        assert f"({fmt}:" in r.output
    assert nx.read_graphml(tmp_path / "g.graphml").number_of_nodes() == 7
    assert len((tmp_path / "events.jsonl").read_text(encoding="utf-8").splitlines()) == 5
    r = runner.invoke(cli, ["export", "--store", str(mini_store), "--format", "csv", "--out", str(tmp_path / "neo4j")])
    assert r.exit_code == 0, r.output
    assert "neo4j-admin database import full --nodes=" in r.output and "--array-delimiter='|'" in r.output
    assert (tmp_path / "neo4j" / "nodes.csv").is_file() and (tmp_path / "neo4j" / "relationships.csv").is_file()
    # stdout; equal stores give byte-identical files
    one = runner.invoke(cli, ["export", "--store", str(mini_store), "--format", "gexf"])
    two = runner.invoke(cli, ["export", "--store", str(mini_store), "--format", "gexf"])
    assert one.exit_code == 0 and one.stdout_bytes == two.stdout_bytes and one.stdout_bytes.startswith(b"<?xml")
    plover = runner.invoke(cli, ["export", "--store", str(mini_store), "--format", "plover"])
    assert len(plover.stdout.splitlines()) == 5
    # csv needs a folder
    r = runner.invoke(cli, ["export", "--store", str(mini_store), "--format", "csv"])
    assert r.exit_code == 2 and "folder" in r.output
    # the RDF formats still work
    r = runner.invoke(cli, ["export", "--store", str(mini_store), "--format", "nquads"])
    assert r.exit_code == 0 and "<https://w3id.org/kg-news/resource/entity/north_korea>" in r.stdout


# -- the seeds build -------------------------------------------------------------------------


def test_seeds_exports_hold_the_whole_store(seeds_store: Path, tmp_path: Path) -> None:
    g = to_networkx(seeds_store)
    assert g.number_of_edges() >= 20
    write_graphml(g, tmp_path / "s.graphml")
    check_against_store(nx.read_graphml(tmp_path / "s.graphml", force_multigraph=True), g)
    write_gexf(g, tmp_path / "s.gexf")
    check_against_store(nx.read_gexf(tmp_path / "s.gexf"), g)
    nodes_text, rels_text = neo4j_csv(g)
    assert len(read_neo4j(nodes_text, "nodes")) == g.number_of_nodes()
    assert len(read_neo4j(rels_text, "relationships")) == g.number_of_edges()
    with open_store(seeds_store, read_only=True) as store:
        events = plover_events(store, g)
        kinds = store.select("PREFIX kg: <https://w3id.org/kg-news/ontology#> SELECT ?rt (COUNT(DISTINCT ?st) AS ?n) "
                             "WHERE { GRAPH ?g { ?st kg:relationType ?rt } } GROUP BY ?rt")
    expected = sum(int(r["n"]) for r in kinds if r["rt"] != "role")
    assert len(events) == expected
    kirby = [e for e in events if e["relation"] == "accuses" and e["source"][0]["entity"] == E + "john_kirby"]
    assert any(r["entity"] == E + "north_korea" for e in kirby for r in e["recipient"])
    meets = [e for e in events if e["relation"] == "meets"]
    assert meets and all(len(e["source"]) == 2 and e["recipient"] == [] for e in meets)
