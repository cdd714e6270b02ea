"""kg.render: the HTML page, read back as HTML and as the JSON it hands to vis-network.

Inputs are real stores: the hand-written fixture (with hostile names and sentences), and a
1,000-entity store written through kg.rdf for the big-graph path. The page's behaviour in a
browser is tested in test_browser.py.
"""

from __future__ import annotations

import json
import random
import re
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pyoxigraph
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.graph import EntityNotFound, to_networkx
from kg.render import ENTITY_STYLE, LAYOUT_THRESHOLD, render_html

DATA = Path(__file__).parent / "data"
E = "https://w3id.org/kg-news/resource/entity/"
HOSTILE_LABEL = "<script>window.__pwned=1</script>\"><img src=x onerror=\"window.__pwned=2\">'&amp;"


class Page(HTMLParser):
    """Collects what matters for offline-ness and escaping: tags, resource URLs, script bodies."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._in_script: dict[str, str | None] | None = None
        self.text: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = dict(attrs)
            self.scripts.append((self._in_script, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = None

    def handle_data(self, data: str) -> None:
        if self._in_script is not None:
            attrs, body = self.scripts[-1]
            self.scripts[-1] = (attrs, body + data)
        else:
            self.text.append(data)

    def data(self) -> dict:
        (body,) = [b for a, b in self.scripts if a.get("id") == "kg-data"]
        return json.loads(body)


@pytest.fixture(scope="module")
def mini_page(mini_store: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Page]:
    out = render_html(mini_store, tmp_path_factory.mktemp("html") / "graph.html")
    text = out.read_text(encoding="utf-8")
    return text, Page(text)


def test_page_loads_nothing_from_the_network(mini_page: tuple[str, Page]) -> None:
    text, page = mini_page
    for tag, attrs in page.tags:
        assert not (tag == "script" and attrs.get("src")), attrs
        assert not (tag == "link" and attrs.get("href")), attrs
        assert tag not in ("img", "iframe", "object", "embed"), (tag, attrs)
    assert "cdnjs" not in text and "jsdelivr" not in text and "@import" not in text
    # the vis-network library itself is inline
    assert any("vis.Network" in body or "Network=" in body for _, body in page.scripts)
    assert len(page.scripts) == 3  # data, vis-network, the page's own code
    for url in re.findall(r"url\(([^)]*)\)", text):
        assert url.strip("'\"").startswith("data:"), url


def test_hostile_text_is_escaped_everywhere(mini_page: tuple[str, Page]) -> None:
    text, page = mini_page
    for raw in ("<script>window.__pwned", "<img src=x", "</script><script>window.__pwned=3", "<b>bantah",
                'href="javascript'):
        assert raw not in text
    # the only elements are the page's own: the hostile name became text, not tags
    assert [t for t, _ in page.tags].count("script") == 3
    assert not any(t == "img" for t, _ in page.tags)
    assert any(a.get("value") == HOSTILE_LABEL for t, a in page.tags if t == "option")  # datalist, escaped
    # the data keeps the text verbatim; the page shows it as text nodes only (see test_browser)
    data = page.data()
    hostile = next(n for n in data["nodes"] if n["key"] == "hostile")
    assert hostile["label"] == HOSTILE_LABEL  # drawn on the canvas as text
    warn = next(e for e in data["edges"] if e["relation"] == "warns")
    assert "</script><script>window.__pwned=3</script>" in warn["ev"][0][0]
    assert 'Rusia & "Korut" <b>bantah</b> tuduhan' in [a["title"] for a in data["articles"]]
    (own,) = [body for attrs, body in page.scripts if not attrs and "kgNetwork" in body]
    assert "innerHTML" not in own and "insertAdjacentHTML" not in own and "document.write" not in own


def test_nodes_coloured_and_shaped_by_type_edges_labelled_and_sized(mini_page: tuple[str, Page]) -> None:
    data = mini_page[1].data()
    by_key = {n["key"]: n for n in data["nodes"]}
    for key, etype in [("john_kirby", "PER"), ("north_korea", "GPE"), ("white_house", "ORG"),
                       ("artillery_ammunition", "WEAPON")]:
        _, colour, shape = ENTITY_STYLE[etype]
        assert by_key[key]["type"] == etype
        assert by_key[key]["color"] == colour and by_key[key]["shape"] == shape
    assert len({n["shape"] for n in data["nodes"]}) == 4
    edges = {(e["from"].removeprefix(E), e["relation"], e["to"].removeprefix(E)): e for e in data["edges"]}
    supply = edges[("north_korea", "supplies", "artillery_ammunition")]
    accuse = edges[("john_kirby", "accuses", "north_korea")]
    # the relation is the label the page shows on zoom or hover; none is drawn at first
    assert supply["rlabel"] == "supplies" and accuse["rlabel"] == "accuses"
    assert edges[("john_kirby", "holdsRole", "white_house")]["rlabel"] == "holds role"
    assert all(e["label"] == "" for e in data["edges"])
    assert supply["support"] == 2 and accuse["support"] == 1
    assert supply["width"] > accuse["width"]
    assert accuse["dashes"] is False and supply["dashes"]  # alleged → dashed
    assert data["relationColours"]["accuses"] != data["relationColours"]["supplies"]
    # size (and label size) by degree
    assert by_key["north_korea"]["value"] == by_key["north_korea"]["degree"] == 3
    assert by_key["north_korea"]["value"] > by_key["white_house"]["value"]
    assert data["options"]["nodes"]["scaling"]["label"]["enabled"] is True
    # dates for the date range control: the dated article's, and whether an undated one is behind it
    assert supply["dates"] == ["2023-02-10"] and supply["undated"] is True
    assert accuse["dates"] == ["2023-02-10"] and accuse["undated"] is False
    assert edges[("russia", "denies", "john_kirby")]["dates"] == []


def test_tooltip_data_holds_evidence_modality_and_article(mini_page: tuple[str, Page]) -> None:
    data = mini_page[1].data()
    supply = next(e for e in data["edges"] if e["relation"] == "supplies")
    rows = supply["ev"]  # [sentence, modality, confidence, article index, notes, start, end, sentence index]
    assert [r[0] for r in rows] == [
        "John Kirby menegaskan bahwa Pyongyang telah menyediakan amunisi artileri ke Rusia.",
        "Rusia membantah bahwa Korea Utara memasok amunisi artileri.",
    ]
    assert [r[1] for r in rows] == ["alleged", "denied"] and supply["modalities"] == ["alleged", "denied"]
    assert rows[0][2] == 0.8 and rows[0][4] == "to Russia" and rows[0][5:] == [10, 92, 1]
    first = data["articles"][rows[0][3]]
    # no kg:sourcePath in the fixture: no text (the page shows the sentences its edges cite instead)
    assert first == {"iri": "https://w3id.org/kg-news/resource/article/aaaaaaaaaaaaaaaa",
                     "title": "AS: Korut pasok amunisi artileri ke Rusia", "outlet": "ANTARA",
                     "date": "2023-02-10", "file": "000_aaaa.txt", "source": "Washington (ANTARA)", "text": None}
    assert len(data["articles"]) == 2  # each article once, however many sentences cite it
    role = next(e for e in data["edges"] if e["relation"] == "holdsRole")
    assert role["ev"][0][4] == "title: Koordinator NSC"
    nk = next(n for n in data["nodes"] if n["key"] == "north_korea")
    assert nk["wikidata"] == "Q423" and nk["labels"] == ["Korea Utara", "Korut", "North Korea"]
    assert nk["articles"] == 2


def test_article_text_comes_from_an_unchanged_source_file(tmp_path: Path) -> None:
    """The page carries an article's text only from a kg:sourcePath whose file still holds the text the
    store was built from (same content hash, so the evidence offsets point into it)."""
    from kg.ingest import read_article
    from kg.render import _add_texts

    path = tmp_path / "a.txt"
    path.write_text("Judul\n\nKirby menuduh Korut memasok amunisi ke Rusia.\n", encoding="utf-8")
    art = read_article(path)
    rows = [{"paths": [str(tmp_path / "gone.txt"), str(path)], "hash": art.doc_id},
            {"paths": [str(path)], "hash": "0" * 64},  # the file changed since the build
            {"paths": [], "hash": None}]
    _add_texts(rows)
    assert [r["text"] for r in rows] == [art.text, None, None]
    assert all("paths" not in r and "hash" not in r for r in rows)  # no machine paths in the page
    big = [{"paths": [str(path)], "hash": art.doc_id}]
    _add_texts(big, budget=len(art.text) - 1)  # past the size budget: no text
    assert big[0]["text"] is None


def test_title_legend_filters_and_search_box(mini_page: tuple[str, Page]) -> None:
    text, page = mini_page
    attrs = [a for _, a in page.tags]
    assert "<title>Knowledge graph of 2 news articles</title>" in text
    assert {a["data-type"] for a in attrs if "data-type" in a} == {"PER", "ORG", "GPE", "WEAPON"}
    assert {a["data-relation"] for a in attrs if "data-relation" in a} == {
        "accuses", "supplies", "suppliesTo", "warns", "denies", "holdsRole"}
    assert any(a.get("id") == "search-input" for a in attrs)
    assert any(a.get("id") == "legend" for a in attrs)
    for control in ("show-isolated", "path-from", "path-to", "download-png", "expand-all", "date-from", "date-to",
                    "date-undated", "reader"):
        assert any(a.get("id") == control for a in attrs), control
    date_from = next(a for a in attrs if a.get("id") == "date-from")
    assert date_from["min"] == date_from["value"] == "2023-02-10"
    options = {a.get("value") for t, a in page.tags if t == "option"}
    assert {"Korut", "North Korea", "Rusia"} <= options
    assert "edge width = number of supporting articles" in " ".join(" ".join(page.text).split())


@pytest.mark.slow
def test_rendering_is_deterministic(mini_store: Path, tmp_path: Path) -> None:
    a = render_html(mini_store, tmp_path / "a.html").read_bytes()
    b = render_html(to_networkx(mini_store, evidence=True), tmp_path / "b.html").read_bytes()
    assert a == b


def test_focus_keeps_the_neighbourhood(mini_store: Path, tmp_path: Path) -> None:
    page = Page(render_html(mini_store, tmp_path / "f.html", focus="Korut").read_text())
    data = page.data()
    assert {n["key"] for n in data["nodes"]} == {"north_korea", "john_kirby", "artillery_ammunition", "russia"}
    assert data["focus"] == E + "north_korea"
    assert "neighbourhood of North Korea" in " ".join(page.text)
    with pytest.raises(EntityNotFound, match="did you mean"):
        render_html(mini_store, tmp_path / "x.html", focus="Nort Korea")


def test_max_nodes_keeps_the_best_connected(mini_store: Path, tmp_path: Path) -> None:
    data = Page(render_html(mini_store, tmp_path / "m.html", max_nodes=3).read_text()).data()
    assert {n["key"] for n in data["nodes"]} == {"north_korea", "john_kirby", "russia"}
    assert all(e["from"] != e["to"] for e in data["edges"]) and len(data["edges"]) == 3


def test_empty_store_renders_a_page_that_says_so(tmp_path: Path) -> None:
    pyoxigraph.Store(str(tmp_path / "empty"))
    text = render_html(tmp_path / "empty", tmp_path / "e.html").read_text()
    assert "The store holds no entities yet" in text
    assert 'id="date-from"' not in text  # no dated article, no date control
    assert Page(text).data()["nodes"] == []


def _big_store(folder: Path, n_entities: int) -> Path:
    """A store of ``n_entities`` entities written through kg.rdf, the real RDF writer."""
    from kg.rdf import article_quads
    from kg.types import Article, Doc, Entity, Extraction, Relation

    rng = random.Random(3)
    types = ["PER", "ORG", "GPE", "LOC", "WEAPON"]
    keys = [f"entity_{i:04d}" for i in range(n_entities)]
    store = pyoxigraph.Store(str(folder))
    per_article = 50
    for a in range(0, n_entities, per_article):
        text = " ".join(f"Kalimat nomor {i} tentang tuduhan." for i in range(40))
        doc_id = f"{a:016x}" + "0" * 48
        art = Article(doc_id=doc_id, name=f"{a:04d}.txt", text=text, title=f"Artikel {a}")
        chunk = keys[a:a + per_article] + (rng.sample(keys[:a], 5) if a else [])
        ents = {k: Entity(key=k, canonical=k.replace("_", " ").title(), type=types[int(k[-4:]) % 5]) for k in chunk}
        rels = [
            Relation(type="accuses", args={"accuser": s, "accused": o}, modality="asserted", sentence=0,
                     start=0, end=30, evidence=f"{s} menuduh {o}.")
            for s, o in (rng.sample(chunk, 2) for _ in range(60))
        ]
        store.extend(article_quads(Extraction(doc=Doc(article=art, sentences=(), mentions=()),
                                              entities=ents, relations=rels)))
    store.flush()
    del store
    return folder


@pytest.mark.slow
def test_big_graph_gets_a_python_layout_and_no_physics(tmp_path: Path) -> None:
    store = _big_store(tmp_path / "big", LAYOUT_THRESHOLD)
    g = to_networkx(store, evidence=True)
    assert g.number_of_nodes() >= LAYOUT_THRESHOLD
    data = Page(render_html(g, tmp_path / "big.html").read_text()).data()
    assert data["options"]["physics"]["enabled"] is False
    assert len(data["nodes"]) == g.number_of_nodes()
    xy = {(n["x"], n["y"]) for n in data["nodes"]}
    assert len(xy) == len(data["nodes"])  # every node placed, no two on the same spot
    # --max-nodes below the threshold: physics again, no fixed positions
    small = Page(render_html(g, tmp_path / "small.html", max_nodes=200).read_text()).data()
    assert len(small["nodes"]) == 200 and small["options"]["physics"]["enabled"] is True
    assert "x" not in small["nodes"][0]
    kept = {n["id"] for n in small["nodes"]}
    ranked = sorted(g.nodes, key=lambda n: -g.nodes[n]["support_degree"])
    assert set(ranked[:50]) <= kept  # the best connected are in
    assert nx.number_of_isolates(g.subgraph(kept)) < 200


@pytest.mark.slow
def test_cli_render(mini_store: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "cli.html"
    res = runner.invoke(cli, ["render", "--store", str(mini_store), "--out", str(out), "--focus", "Rusia"])
    assert res.exit_code == 0, res.output
    assert f"wrote {out}" in res.output and out.is_file()
    assert Page(out.read_text()).data()["focus"] == E + "russia"
    res = runner.invoke(cli, ["render", "--store", str(mini_store), "--out", str(out), "--focus", "Nort Korea"])
    assert res.exit_code == 2 and "did you mean: North Korea?" in res.output
    res = runner.invoke(cli, ["render", "--store", str(tmp_path / "missing"), "--out", str(out)])
    assert res.exit_code == 2 and "no store at" in res.output and "kg build" in res.output
    res = runner.invoke(cli, ["render", "--store", str(mini_store), "--out", str(out), "--max-nodes", "0"])
    assert res.exit_code == 2


@pytest.mark.slow
def test_same_page_from_a_sparql_endpoint(mini_store: Path, tmp_path: Path) -> None:
    """`kg render --store URL`: a real Oxigraph server on loopback over the same store."""
    from kg.server import start_server

    local = render_html(mini_store, tmp_path / "local.html").read_bytes()
    with start_server(mini_store) as server:
        res = CliRunner().invoke(cli, ["render", "--store", server.url, "--out", str(tmp_path / "remote.html")])
        assert res.exit_code == 0, res.output
    assert (tmp_path / "remote.html").read_bytes() == local


def test_focus_survives_max_nodes(mini_store: Path, tmp_path: Path) -> None:
    # White House's 3-hop neighbourhood has 5 entities; the 2 best connected would leave it out
    page = render_html(mini_store, tmp_path / "fm.html", focus="Gedung Putih", max_nodes=2, radius=3)
    data = Page(page.read_text()).data()
    assert {n["key"] for n in data["nodes"]} == {"white_house", "north_korea"}
    assert data["focus"] == E + "white_house"
