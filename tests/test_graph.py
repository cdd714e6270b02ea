"""kg.graph: the store read back as a networkx MultiDiGraph, on a real on-disk Oxigraph store.

The unit tests use tests/data/mini_graph.trig (written by hand per docs/rdf-model.md); the last
tests read the store built from seeds/ by the real pipeline.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pyoxigraph
import pytest

from kg.graph import (
    TYPE_NAMES,
    EntityNotFound,
    find_entity,
    most_connected,
    names,
    neighbourhood,
    relation_graph,
    supply_chains,
    supply_network,
    to_networkx,
)

DATA = Path(__file__).parent / "data"
E = "https://w3id.org/kg-news/resource/entity/"
A = "https://w3id.org/kg-news/resource/article/"


@pytest.fixture(scope="module")
def g(mini_store: Path) -> nx.MultiDiGraph:
    return to_networkx(mini_store, evidence=True)


@pytest.fixture(scope="module")
def plain(mini_store: Path) -> nx.MultiDiGraph:
    return to_networkx(mini_store)


def test_nodes_carry_type_label_aliases_wikidata_and_article_counts(g: nx.MultiDiGraph) -> None:
    nk = g.nodes[E + "north_korea"]
    assert nk["type"] == "GPE"
    assert nk["label"] == "North Korea"
    assert nk["aliases"] == "Korea Utara | Korut"
    assert names(nk) == ["North Korea", "Korea Utara", "Korut"]
    assert nk["wikidata"] == "Q423"
    assert TYPE_NAMES[nk["type"]] == "State" and TYPE_NAMES["WEAPON"] == "WeaponType"
    assert nk["key"] == "north_korea"
    assert nk["articles"] == 2
    assert g.nodes[E + "john_kirby"]["type"] == "PER"
    assert g.nodes[E + "artillery_ammunition"]["type"] == "WEAPON"
    assert g.nodes[E + "white_house"]["type"] == "ORG"
    assert g.nodes[E + "white_house"]["articles"] == 1
    assert g.nodes[E + "artillery_ammunition"]["wikidata"] == ""  # none known: an empty string, never None
    assert g.number_of_nodes() == 7


def test_edges_are_the_direct_triples_with_support_and_evidence(g: nx.MultiDiGraph) -> None:
    edges = {(s.removeprefix(E), k, o.removeprefix(E)) for s, o, k in g.edges(keys=True)}
    assert edges == {
        ("john_kirby", "accuses", "north_korea"),
        ("john_kirby", "holdsRole", "white_house"),
        ("north_korea", "supplies", "artillery_ammunition"),
        ("north_korea", "suppliesTo", "russia"),
        ("russia", "denies", "john_kirby"),
        ("hostile", "warns", "ukraine"),
    }
    supply = g.edges[E + "north_korea", E + "artillery_ammunition", "supplies"]
    assert supply["relation"] == "supplies"
    assert supply["support"] == 2  # two named graphs hold the triple
    assert supply["modalities"] == "alleged|denied"
    assert supply["modality"] == "alleged"  # tie → the earlier modality in kg.types.MODALITIES
    assert supply["first_date"] == supply["last_date"] == "2023-02-10"  # the other article has no date
    assert supply["sentences"] == 2
    # dated articles first
    assert [e["article"] for e in supply["evidence"]] == [A + "aaaaaaaaaaaaaaaa", A + "bbbbbbbbbbbbbbbb"]
    first = supply["evidence"][0]
    assert first["sentence"].startswith("John Kirby menegaskan")
    assert first["article_title"] == "AS: Korut pasok amunisi artileri ke Rusia"
    assert first["outlet"] == "ANTARA" and first["date"] == "2023-02-10" and first["file"] == "000_aaaa.txt"
    assert first["recipient"] == E + "russia"
    assert first["confidence"] == pytest.approx(0.8)
    accuse = g.edges[E + "john_kirby", E + "north_korea", "accuses"]
    assert accuse["support"] == 1 and accuse["modality"] == "asserted" and len(accuse["evidence"]) == 1
    assert g.edges[E + "russia", E + "john_kirby", "denies"]["first_date"] == ""  # only the undated article
    role = g.edges[E + "john_kirby", E + "white_house", "holdsRole"]
    assert role["evidence"][0]["title"] == "Koordinator NSC"


def test_degrees_and_article_index(g: nx.MultiDiGraph) -> None:
    assert g.nodes[E + "north_korea"]["degree"] == 3
    assert g.nodes[E + "north_korea"]["support_degree"] == 2 + 2 + 1
    assert set(g.graph["articles"]) == {A + "aaaaaaaaaaaaaaaa", A + "bbbbbbbbbbbbbbbb"}
    assert g.graph["article_count"] == 2


def test_plain_graph_is_the_same_graph_without_the_evidence(g: nx.MultiDiGraph, plain: nx.MultiDiGraph) -> None:
    assert list(plain.nodes(data=True)) == list(g.nodes(data=True))
    assert [(s, o, k) for s, o, k in plain.edges(keys=True)] == [(s, o, k) for s, o, k in g.edges(keys=True)]
    for s, o, k, d in g.edges(keys=True, data=True):
        assert {a: v for a, v in d.items() if a != "evidence"} == plain.edges[s, o, k]
    assert plain.graph == {"article_count": 2}


def test_every_attribute_is_a_plain_value(plain: nx.MultiDiGraph) -> None:
    values = [*plain.graph.values(), *(v for _, d in plain.nodes(data=True) for v in d.values()),
              *(v for *_, d in plain.edges(data=True) for v in d.values())]
    assert values and {type(v) for v in values} <= {str, int, float}


def test_networkx_writers_take_the_graph_and_read_it_back(plain: nx.MultiDiGraph, tmp_path: Path) -> None:
    """The issue's first step: nx.write_graphml(to_networkx(store)) raised on dicts, write_gexf on lists."""
    nx.write_graphml(plain, tmp_path / "g.graphml")
    back = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    assert back.number_of_nodes() == plain.number_of_nodes() and back.number_of_edges() == plain.number_of_edges()
    assert back.nodes[E + "north_korea"] == plain.nodes[E + "north_korea"]
    assert back.edges[E + "north_korea", E + "artillery_ammunition", "supplies"] == \
        plain.edges[E + "north_korea", E + "artillery_ammunition", "supplies"]
    nx.write_gexf(plain, tmp_path / "g.gexf")
    back = nx.read_gexf(tmp_path / "g.gexf")
    assert back.number_of_nodes() == plain.number_of_nodes() and back.number_of_edges() == plain.number_of_edges()
    assert back.nodes[E + "north_korea"]["aliases"] == "Korea Utara | Korut"


def test_supply_chains_need_the_evidence(plain: nx.MultiDiGraph) -> None:
    with pytest.raises(ValueError, match="evidence=True"):
        supply_chains(plain)


def test_hostile_text_is_kept_verbatim_in_the_graph(g: nx.MultiDiGraph) -> None:
    # Escaping is the renderer's job; the graph must hold the data as it is in the store.
    assert g.nodes[E + "hostile"]["label"].startswith("<script>window.__pwned=1</script>\"><img")
    warn = g.edges[E + "hostile", E + "ukraine", "warns"]
    assert "</script><script>window.__pwned=3</script>" in warn["evidence"][0]["sentence"]


def test_same_graph_from_folder_open_store_and_bare_pyoxigraph(mini_store: Path, g: nx.MultiDiGraph) -> None:
    bare = pyoxigraph.Store.read_only(str(mini_store))
    other = to_networkx(bare, evidence=True)
    assert nx.utils.graphs_equal(g, other)
    assert list(g.edges(keys=True, data=True)) == list(other.edges(keys=True, data=True))


def test_find_entity_by_alias_key_iri_and_suggestions(g: nx.MultiDiGraph) -> None:
    assert find_entity(g, "korut") == E + "north_korea"
    assert find_entity(g, "  Korea Utara ") == E + "north_korea"
    assert find_entity(g, "north_korea") == E + "north_korea"
    assert find_entity(g, E + "russia") == E + "russia"
    with pytest.raises(EntityNotFound, match="did you mean: North Korea"):
        find_entity(g, "Nort Korea")
    with pytest.raises(EntityNotFound, match="no entity named 'zzzz'"):
        find_entity(g, "zzzz")


def test_neighbourhood_and_most_connected(g: nx.MultiDiGraph) -> None:
    around = neighbourhood(g, E + "north_korea")
    assert {n.removeprefix(E) for n in around} == {"north_korea", "john_kirby", "artillery_ammunition", "russia"}
    two = neighbourhood(g, E + "north_korea", radius=2)
    assert E + "white_house" in two and E + "ukraine" not in two
    top = most_connected(g, 3)
    assert {n.removeprefix(E) for n in top} == {"north_korea", "john_kirby", "russia"}
    assert most_connected(g, 100).number_of_nodes() == g.number_of_nodes()


def test_accusation_network_and_supply_chains(g: nx.MultiDiGraph) -> None:
    acc = relation_graph(g, "accuses")
    assert list(acc.edges(data="weight")) == [(E + "john_kirby", E + "north_korea", 1)]
    net = supply_network(g)
    assert net.edges[E + "north_korea", E + "artillery_ammunition"]["weight"] == 2
    assert net.edges[E + "artillery_ammunition", E + "russia"]["weight"] == 2
    assert supply_chains(g) == [(E + "north_korea", E + "artillery_ammunition", E + "russia")]


def test_empty_store_gives_empty_graph(tmp_path: Path) -> None:
    empty = to_networkx(pyoxigraph.Store(str(tmp_path / "empty")))
    assert empty.number_of_nodes() == 0 and empty.number_of_edges() == 0


def test_reads_what_kg_rdf_writes(tmp_path: Path) -> None:
    """The contract from the writer's side: quads minted by kg.rdf come back as the same graph."""
    from kg.rdf import article_quads
    from kg.types import Article, Doc, Entity, Extraction, Mention, Relation

    text = ("Kirby menuduh Korut memasok amunisi artileri ke Rusia. "
            "Menteri Lavrov bertemu Choe Son-hui di Moskow.")
    art = Article(doc_id="ab" * 32, name="x.txt", text=text, title="Judul", outlet="ANTARA", date="2023-02-10")
    ents = {
        "john_kirby": Entity("john_kirby", "John Kirby", "PER"),
        "north_korea": Entity("north_korea", "North Korea", "GPE", "Q423"),
        "russia": Entity("russia", "Russia", "GPE", "Q159"),
        "artillery_ammunition": Entity("artillery_ammunition", "artillery ammunition", "WEAPON"),
        "sergey_lavrov": Entity("sergey_lavrov", "Sergey Lavrov", "PER"),
        "choe_son_hui": Entity("choe_son_hui", "Choe Son-hui", "PER"),
    }
    first, second = (0, 54), (55, len(text))
    rels = [
        Relation("accuses", {"accuser": "john_kirby", "accused": "north_korea"}, "asserted", 0, *first),
        Relation("supplies", {"supplier": "north_korea", "weapon": "artillery_ammunition", "recipient": "russia"},
                 "alleged", 0, *first, confidence=0.9),
        Relation("meets", {"a": "sergey_lavrov", "b": "choe_son_hui"}, "asserted", 1, *second),
        Relation("role", {"person": "sergey_lavrov", "org_or_state": "russia", "title": "Menteri"}, "asserted", 1,
                 *second),
    ]
    links = [(Mention("Korut", "LOC", 14, 19, 0), "north_korea"), (Mention("Kirby", "PER", 0, 5, 0), "john_kirby")]
    ex = Extraction(doc=Doc(article=art, sentences=(), mentions=()), entities=ents, links=links, relations=rels)
    store = pyoxigraph.Store(str(tmp_path / "s"))
    store.extend(article_quads(ex))
    g = to_networkx(store, evidence=True)
    assert names(g.nodes[E + "north_korea"]) == ["North Korea", "Korut"]
    assert g.nodes[E + "north_korea"]["wikidata"] == "Q423" and g.nodes[E + "north_korea"]["type"] == "GPE"
    keys = {(s.removeprefix(E), k, o.removeprefix(E)) for s, o, k in g.edges(keys=True)}
    assert keys == {
        ("john_kirby", "accuses", "north_korea"), ("north_korea", "supplies", "artillery_ammunition"),
        ("north_korea", "suppliesTo", "russia"), ("choe_son_hui", "meets", "sergey_lavrov"),
        ("sergey_lavrov", "holdsRole", "russia"),
    }
    supply = g.edges[E + "north_korea", E + "artillery_ammunition", "supplies"]
    (ev,) = supply["evidence"]
    assert ev["sentence"] == text[:54] and ev["modality"] == "alleged" and ev["confidence"] == pytest.approx(0.9)
    assert ev["article_title"] == "Judul" and ev["outlet"] == "ANTARA" and ev["date"] == "2023-02-10"
    assert ev["recipient"] == E + "russia" and supply["support"] == 1
    assert g.edges[E + "sergey_lavrov", E + "russia", "holdsRole"]["evidence"][0]["title"] == "Menteri"
    assert supply_chains(g) == [(E + "north_korea", E + "artillery_ammunition", E + "russia")]


# -- the store built from seeds/ by the real pipeline ----------------------------------------


@pytest.fixture(scope="module")
def seeds_graph(seeds_store: Path) -> nx.MultiDiGraph:
    return to_networkx(seeds_store, evidence=True)


def test_seeds_graph_holds_the_headline_claims(seeds_graph: nx.MultiDiGraph) -> None:
    g = seeds_graph
    assert find_entity(g, "Korut") == E + "north_korea"
    accuse = g.get_edge_data(E + "john_kirby", E + "north_korea", key="accuses")
    assert accuse is not None and accuse["support"] >= 1
    assert any("Kirby" in ev["sentence"] or "kata" in ev["sentence"] for ev in accuse["evidence"])
    assert (E + "north_korea", E + "artillery_ammunition", E + "russia") in supply_chains(g)
    assert g.nodes[E + "north_korea"]["type"] == "GPE" and g.nodes[E + "north_korea"]["wikidata"] == "Q423"


def test_seeds_evidence_is_quoted_from_its_article(seeds_graph: nx.MultiDiGraph, seeds_dir: Path) -> None:
    from kg.ingest import read_article

    texts = {p.name: " ".join(read_article(p).text.split()) for p in seeds_dir.glob("*.txt")}
    items = [ev for *_, d in seeds_graph.edges(data=True) for ev in d["evidence"]]
    assert items
    for ev in items:
        assert ev["file"] in texts, ev
        assert " ".join(str(ev["sentence"]).split()) in texts[str(ev["file"])], ev


def test_seeds_support_counts_named_graphs(seeds_graph: nx.MultiDiGraph, seeds_store: Path) -> None:
    from kg.store import open_store

    with open_store(seeds_store, read_only=True) as store:
        rows = store.select(
            "SELECT ?s ?p ?o (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
            "FILTER(STRSTARTS(STR(?p), 'https://w3id.org/kg-news/ontology#') && isIRI(?o) "
            "&& STRSTARTS(STR(?s), 'https://w3id.org/kg-news/resource/entity/')) } GROUP BY ?s ?p ?o"
        )
    direct = {(r["s"], str(r["p"]).rsplit("#", 1)[1], r["o"]): r["n"] for r in rows}
    assert direct
    for (s, rel, o), n in direct.items():
        assert seeds_graph.edges[s, o, rel]["support"] == n
