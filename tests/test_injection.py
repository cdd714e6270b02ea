"""Hostile names and sentences are data everywhere: in the store, in every export format, in SPARQL
built from user values, in minted IRIs, and in the HTML page (checked in headless Chromium).

The store holds two hostile articles: one built by the real pipeline (Stanza, extraction) from a
file whose name and text carry markup and query syntax, and one whose entity names themselves are
hostile, written through kg.rdf like any extraction.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner
from hypothesis import example, given, settings
from hypothesis import strategies as st
from samples import make_extraction
from test_browser import assert_offline_and_clean, browser, open_page  # noqa: F401 - the shared Chromium fixture

from kg import rdf, sparql
from kg.cli import cli
from kg.pipeline import build
from kg.render import render_html
from kg.resolve import slug
from kg.store import open_store
from kg.types import Entity, Mention, Relation

pytestmark = pytest.mark.slow  # whole file: see tests/conftest.py

E = rdf.RES + "entity/"
#: Entity names: each tries to break out of HTML text, an attribute, a <script> block, a JS string,
#: a template, a Turtle/SPARQL string or an IRI.
PERSON = "Kirby <script>window.__pwned=1</script>"
STATE = 'Korea "><img src=x onerror="window.__pwned=2"> Utara'
ORG = "Org </script><script>window.__pwned=3;alert(3)</script><!-- ${window.__pwned=4} {{constructor.constructor('window.__pwned=5')()}}"  # noqa: E501
WEAPON = 'rudal """ . } ; DROP ALL ; INSERT DATA { <urn:a> <urn:b> "c" } # \\" ^^xsd:string @en <svg onload=window.__pwned=6>'  # noqa: E501
TITLE = 'Juru "bicara" <b onmouseover="window.__pwned=7">\'\'\' @id'
WEAPON_KEY = 'rudal"<>{}|\\^`/#?x'  # not a slug: entity_iri must percent-encode it
FILE_NAME = 'berita "><img src=x onerror=window.__pwned=8>.txt'
PIPELINE_TEXT = "\n\n".join([
    'AS: "><script>window.__pwned=9</script> Korut pasok amunisi ke Rusia',
    "Washington (ANTARA) - Juru bicara Gedung Putih John Kirby mengatakan pada 10 Februari 2023 bahwa Korea Utara "
    'telah mengirim amunisi artileri ke Rusia <img src=x onerror="window.__pwned=10">.',
    'Kirby menuduh Korea Utara """ . } INSERT DATA { <urn:a> <urn:b> <urn:c> } # memasok rudal ke Rusia \' ; DROP ALL ; --.',
    '"Kami tahu </script><script>window.__pwned=11</script> bahwa Korut mengirim amunisi ke Rusia," kata Kirby.',
])
HOSTILE_NAMES = (PERSON, STATE, ORG, WEAPON)


def hostile_extraction():
    """One article whose entity names, role title, evidence and file name are all hostile."""
    text = "\n\n".join([
        "Judul <script>window.__pwned=12</script>",
        f"{PERSON} menuduh {STATE} memasok {WEAPON} ke {ORG}.",
        f"{PERSON} bertemu {STATE} dan memperingatkan {ORG}, kata {TITLE}.",
    ])
    keys = {PERSON: slug(PERSON), STATE: slug(STATE), ORG: slug(ORG), WEAPON: WEAPON_KEY}
    entities = {
        keys[PERSON]: Entity(keys[PERSON], PERSON, "PER"), keys[STATE]: Entity(keys[STATE], STATE, "GPE"),
        keys[ORG]: Entity(keys[ORG], ORG, "ORG"), WEAPON_KEY: Entity(WEAPON_KEY, WEAPON, "WEAPON"),
    }
    ex = make_extraction(text, name=FILE_NAME, relations=[], entities=entities)
    t = ex.doc.article.text
    s1, s2 = ex.doc.sentences[1], ex.doc.sentences[2]
    p, s, o, w = keys[PERSON], keys[STATE], keys[ORG], WEAPON_KEY
    ex.relations = [
        Relation("accuses", {"accuser": p, "accused": s}, "asserted", 1, s1.start, s1.end),
        Relation("supplies", {"supplier": s, "weapon": w, "recipient": o}, "alleged", 1, s1.start, s1.end),
        Relation("meets", {"a": p, "b": s}, "asserted", 2, s2.start, s2.end),
        Relation("warns", {"warner": p, "warned": o}, "asserted", 2, s2.start, s2.end),
        Relation("role", {"person": p, "org_or_state": o, "title": TITLE}, "asserted", 2, s2.start, s2.end),
    ]
    links = []
    for name, key in keys.items():
        start = -1
        while (start := t.find(name, start + 1)) >= 0:
            sent = next(x.index for x in ex.doc.sentences if x.start <= start < x.end)
            links.append((Mention(name, entities[key].type, start, start + len(name), sent), key))
    ex.links = sorted(links, key=lambda x: x[0].start)
    return ex


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile-news")
    (folder / FILE_NAME).write_text(PIPELINE_TEXT, encoding="utf-8")
    store = tmp_path_factory.mktemp("hostile") / "store"
    report = build([folder], store, progress=False)
    assert [f.status for f in report.files] == ["new"], report.status_table()
    ex = hostile_extraction()
    with open_store(store) as s:
        s.replace_article(rdf.article_iri(ex.doc.article.doc_id).value, rdf.article_quads(ex))
    return store


def store_quads(path: Path) -> set[ox.Quad]:
    with open_store(path, read_only=True) as s:
        return set(rdf.parse_nquads(s.nquads()))


def test_hostile_store_holds_the_names_verbatim_and_passes_shacl(hostile_store: Path) -> None:
    quads = store_quads(hostile_store)
    literals = {q.object.value for q in quads if isinstance(q.object, ox.Literal)}
    for name in (*HOSTILE_NAMES, TITLE, FILE_NAME):
        assert name in literals, name
    assert PIPELINE_TEXT.split("\n\n")[0] in literals  # the pipeline article's title
    iris = {t.value for q in quads for t in (q.subject, q.object) if isinstance(t, ox.NamedNode)}
    assert E + "rudal%22%3C%3E%7B%7D%7C%5C%5E%60%2F%23%3Fx" in iris
    with open_store(hostile_store, read_only=True) as s:
        result = s.validate()
    assert result.conforms, result.report[:3000]


@pytest.mark.parametrize("fmt", ["trig", "nquads", "turtle", "jsonld"])
def test_every_export_parses_back_to_the_same_literals(hostile_store: Path, tmp_path: Path, fmt: str) -> None:
    quads = store_quads(hostile_store)
    out = tmp_path / f"export.{fmt}"
    with open_store(hostile_store, read_only=True) as s:
        s.export(fmt, out)
    ox_format = {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS, "turtle": ox.RdfFormat.TURTLE,
                 "jsonld": ox.RdfFormat.JSON_LD}[fmt]
    back = list(ox.parse(path=str(out), format=ox_format))
    if fmt == "turtle":  # one merged graph
        assert {(q.subject, q.predicate, q.object) for q in back} == {(q.subject, q.predicate, q.object) for q in quads}
    else:
        assert set(back) == quads
    # and an independent parser reads the same strings
    if fmt != "nquads":
        ds = rdflib.Dataset()
        ds.parse(out, format={"trig": "trig", "turtle": "turtle", "jsonld": "json-ld"}[fmt])
        theirs = {str(o) for _, _, o, _ in ds.quads((None, None, None, None)) if isinstance(o, rdflib.Literal)}
        ours = {q.object.value for q in quads if isinstance(q.object, ox.Literal)}
        assert theirs == ours


def test_query_parameters_are_escaped_end_to_end(hostile_store: Path) -> None:
    runner = CliRunner()
    before = store_quads(hostile_store)
    res = runner.invoke(cli, ["query", "--store", str(hostile_store), "--named", "evidence", "--format", "json",
                              "-p", f"subject={PERSON}", "-p", "relation=accuses"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.output)["results"]["bindings"]
    assert [(r["subject"]["value"], r["object"]["value"]) for r in rows] == [(PERSON, STATE)]
    assert PERSON in rows[0]["sentence"]["value"]
    for attack in ['x" } } ; DROP ALL ; #', "x' } } DROP ALL #", 'x"^^<urn:x> } UNION { ?s ?p ?o', "\\", '"""']:
        res = runner.invoke(cli, ["query", "--store", str(hostile_store), "--named", "evidence", "--format", "json",
                                  "-p", f"title={attack}"])
        assert res.exit_code == 0, res.output
        assert json.loads(res.output)["results"]["bindings"] == []
        # bound to a name variable, plain text names no entity: said, exit 2, nothing run (a quoted
        # literal is taken as written, and matches nothing)
        res = runner.invoke(cli, ["query", "--store", str(hostile_store), "--named", "evidence", "-p", f"subject={attack}"])
        if attack.startswith('"'):
            assert res.exit_code == 0 and res.output.rstrip().endswith("(0 rows)"), res.output
        else:
            assert res.exit_code == 2 and "no entity of this store is called" in res.output, res.output
    assert store_quads(hostile_store) == before


@pytest.mark.parametrize("update", [
    "DROP ALL",
    "drop all",
    "PREFIX kg: <https://w3id.org/kg-news/ontology#> # SELECT * WHERE { ?s ?p ?o }\nCLEAR DEFAULT",
    "# a harmless SELECT\nDELETE WHERE { ?s ?p ?o }",
    "BASE <http://x/> INSERT DATA { <a> <b> \"SELECT\" }",
    "WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "LOAD <http://example.org/evil.ttl>",
])
def test_kg_query_refuses_updates_unless_update_is_given(hostile_store: Path, update: str) -> None:
    before = store_quads(hostile_store)
    res = CliRunner().invoke(cli, ["query", "--store", str(hostile_store), update])
    assert res.exit_code == 2 and "--update" in res.output, res.output
    assert store_quads(hostile_store) == before


@settings(max_examples=300, deadline=None)
@given(st.text())
@example("౦")  # a digit, but not an ASCII one: SPARQL reads no number there (found by this test)
@example("١٢")
@example("<0>")  # a relative IRI: refused by us, not a syntax error from the store (found by this test)
@example("http://x/%zz")
def test_any_value_binds_as_one_exact_literal(value: str) -> None:
    """``--param`` values: a plain string always comes back as itself, never as query syntax."""
    v = value.strip()  # param_term reads these forms as IRIs, numbers or literals written out
    special = v.startswith(("<", '"')) or re.fullmatch(r"[+-]?[0-9]+(\.[0-9]+)?|https?://\S*|[A-Za-z][\w-]*:\S*", v)
    try:
        text = sparql.prepare("SELECT ?x WHERE { }", {"x": value})
    except sparql.QueryError:
        # only a value written as an IRI, a literal or a prefixed name may be refused (malformed);
        # a plain string must always bind
        assert special, f"a plain string was refused: {value!r}"
        return
    rows = list(ox.Store().query(text))
    assert len(rows) == 1
    if not special:
        assert rows[0]["x"] == ox.Literal(value)


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1))
def test_iris_minted_from_any_name_are_valid(name: str) -> None:
    for key in (slug(name), name):
        iri = rdf.entity_iri(key)
        assert re.fullmatch(r"https://w3id\.org/kg-news/resource/entity/[^/#]+", iri.value), iri
        assert not any(c in iri.value for c in '<>"{}|\\^` \n')
        line = f"{iri} <{rdf.RDFS}label> {ox.Literal(name)} ."
        assert rdflib.Graph().parse(data=line, format="nt").value(rdflib.URIRef(iri.value), rdflib.RDFS.label) == \
            rdflib.Literal(name)
    rel = Relation("meets", {"a": slug(name), "b": name}, "asserted", 0, 0, 1)
    assert rdf.statement_iri("a" * 64, rel).value.startswith(rdf.RES + "statement/")


def test_graph_iris_from_outside_are_refused_not_spliced(hostile_store: Path) -> None:
    before = store_quads(hostile_store)
    with open_store(hostile_store) as s:
        for bad in ["urn:x> } ; DROP ALL ; #", "urn:a b", 'urn:"x"', ""]:
            with pytest.raises(ValueError):
                s.remove_article(bad)
    assert store_quads(hostile_store) == before
    with pytest.raises(rdf.InvalidExtraction):
        rdf.article_iri("abc> } DROP ALL #")


def test_entity_keys_do_not_depend_on_the_process() -> None:
    """A name with no ASCII letters must get the same key (= IRI) in every process: rebuilds, worker
    processes and other machines must agree on it."""
    names = ["\u0645\u0631\u062d\u0628\u0627", "\u4e60\u8fd1\u5e73", "\U0001f642", "<script>",
             "\u0401\u043b\u043a\u0438\u043d"]
    code = f"from kg.resolve import slug; print([slug(n) for n in {names!r}])"
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert len(outs) == 1, outs


# -- the page in a real browser ---------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_page(hostile_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render_html(hostile_store, tmp_path_factory.mktemp("page") / "hostile.html")


def test_no_script_runs_in_the_rendered_page(browser, hostile_page: Path) -> None:  # noqa: F811
    open_page(browser, hostile_page)  # an alert() would make every later call raise
    pwned = "return [window.__pwned, document.querySelectorAll('img, [onerror], [onload], [onmouseover]').length]"
    assert browser.execute_script(pwned) == [None, 0]
    data = json.loads(browser.execute_script("return document.getElementById('kg-data').textContent"))
    labels = {n["label"] for n in data["nodes"]}
    assert set(HOSTILE_NAMES) <= labels
    # every tooltip, shown in the page the way a click shows it, displays the names as text
    shown = browser.execute_script("""
        const out = [], details = document.getElementById('details');
        for (const item of kgNodes.get().concat(kgEdges.get())) {
          details.replaceChildren(item.title);
          out.push(details.textContent);
        }
        return out;""")
    text = "\n".join(shown)
    for name in (*HOSTILE_NAMES, f"{PERSON} menuduh {STATE} memasok {WEAPON} ke {ORG}.", FILE_NAME):
        assert name in text, name
    for name in HOSTILE_NAMES:  # the search box finds them, the details panel shows them
        iri = browser.execute_script("return kgFocus(arguments[0])", name)
        assert iri and name in browser.find_element("id", "details").text
    assert browser.execute_script(pwned) == [None, 0]
    assert_offline_and_clean(browser)
