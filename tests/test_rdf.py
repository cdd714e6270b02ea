"""kg.rdf: IRIs, the article graph of docs/rdf-model.md, determinism, SHACL, ontology."""

from __future__ import annotations

import dataclasses
import random

import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import given, settings
from hypothesis import strategies as st
from samples import TEXT, make_extraction

from kg import ONTOLOGY_DIR, rdf
from kg.types import Relation

KG, RES = rdf.KG, rdf.RES
ENT = RES + "entity/"


def nn(x: str) -> ox.NamedNode:
    return ox.NamedNode(x)


def triples(quads) -> set[tuple[str, str, str]]:
    return {(q.subject.value, q.predicate.value, q.object.value) for q in quads}


def statements(quads, cls: str) -> list[str]:
    return [q.subject.value for q in quads if q.predicate.value == rdf.RDF + "type" and q.object.value == KG + cls]


def props(quads, subject: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for q in quads:
        if q.subject.value == subject:
            out.setdefault(q.predicate.value, set()).add(q.object.value)
    return out


def test_iris_follow_the_contract() -> None:
    ex = make_extraction()
    doc_id = ex.doc.article.doc_id
    assert rdf.article_iri(doc_id).value == RES + "article/" + doc_id[:16]
    assert rdf.entity_iri("north_korea").value == ENT + "north_korea"
    assert rdf.entity_iri("a b/c#d").value == ENT + "a%20b%2Fc%23d"  # any key stays one path segment
    with pytest.raises(rdf.InvalidExtraction):
        rdf.entity_iri("")
    with pytest.raises(rdf.InvalidExtraction):
        rdf.article_iri("not-a-hash")
    st_iri = rdf.statement_iri(doc_id, ex.relations[0]).value
    assert st_iri.startswith(RES + "statement/") and len(st_iri.rsplit("/", 1)[1]) == 16


def test_everything_is_in_the_article_graph_with_no_blank_nodes() -> None:
    ex = make_extraction()
    quads = rdf.article_quads(ex)
    graph = rdf.article_iri(ex.doc.article.doc_id)
    assert quads and all(q.graph_name == graph for q in quads)
    for q in quads:
        assert not isinstance(q.subject, ox.BlankNode) and not isinstance(q.object, ox.BlankNode)
    assert [str(q) for q in quads] == sorted(str(q) for q in quads)
    assert len({str(q) for q in quads}) == len(quads)


def test_article_metadata() -> None:
    ex = make_extraction()
    quads = rdf.article_quads(ex)
    a = rdf.article_iri(ex.doc.article.doc_id).value
    p = props(quads, a)
    assert p[rdf.RDF + "type"] == {KG + "NewsArticle", rdf.SCHEMA + "NewsArticle"}
    assert p[rdf.DCTERMS + "title"] == {"AS tuduh Korut pasok amunisi artileri ke Rusia"}
    assert p[rdf.SCHEMA + "publisher"] == {"ANTARA"}
    assert p[rdf.DCTERMS + "date"] == {"2023-02-10"}
    assert p[KG + "sourceLine"] == {"Washington (ANTARA)"}
    assert p[KG + "fileName"] == {"sample.txt"}
    assert p[KG + "contentHash"] == {ex.doc.article.doc_id}
    assert p[KG + "sentenceCount"] == {"3"}
    assert p[KG + "mentions"] == {ENT + k for k in ex.entities}
    date = next(q.object for q in quads if q.predicate.value == rdf.DCTERMS + "date")
    assert date.datatype.value == rdf.XSD + "date"


def test_entities_typed_labelled_and_linked_to_wikidata() -> None:
    quads = rdf.article_quads(make_extraction())
    nk = props(quads, ENT + "north_korea")
    assert nk[rdf.RDF + "type"] == {KG + "State"}
    assert nk[rdf.RDFS + "label"] == {"North Korea"}
    assert nk[rdf.SKOS + "altLabel"] == {"Korut", "Korea Utara"}
    assert nk[rdf.OWL + "sameAs"] == {rdf.WD + "Q423"}
    labels = {(q.object.value, q.object.language) for q in quads
              if q.subject.value == ENT + "russia" and q.predicate.value in (rdf.RDFS + "label", rdf.SKOS + "altLabel")}
    assert labels == {("Russia", "en"), ("Rusia", "id"), ("Moskow", "id")}
    types = {e: props(quads, ENT + e)[rdf.RDF + "type"] for e in ("john_kirby", "white_house", "artillery_ammunition")}
    assert types == {"john_kirby": {KG + "Person"}, "white_house": {KG + "Organization"},
                     "artillery_ammunition": {KG + "WeaponType"}}


def test_direct_triples_and_statement_nodes() -> None:
    ex = make_extraction()
    quads = rdf.article_quads(ex)
    t = triples(quads)
    assert (ENT + "john_kirby", KG + "accuses", ENT + "north_korea") in t
    assert (ENT + "north_korea", KG + "supplies", ENT + "artillery_ammunition") in t
    assert (ENT + "north_korea", KG + "suppliesTo", ENT + "russia") in t
    assert (ENT + "john_kirby", KG + "holdsRole", ENT + "white_house") in t
    assert (ENT + "john_kirby", KG + "visits", ENT + "russia") in t
    # meets has no direction: written once, parties in key order
    assert (ENT + "john_kirby", KG + "meets", ENT + "sergei_shoigu") in t
    assert (ENT + "sergei_shoigu", KG + "meets", ENT + "john_kirby") not in t

    [supply] = statements(quads, "Supply")
    p = props(quads, supply)
    s1 = ex.doc.sentences[1]
    assert p[KG + "relationType"] == {"supplies"}
    assert p[KG + "subject"] == {ENT + "north_korea"}
    assert p[KG + "weapon"] == {ENT + "artillery_ammunition"}
    assert p[KG + "recipient"] == {ENT + "russia"}
    assert KG + "object" not in p
    assert p[KG + "modality"] == {KG + "alleged"}
    assert p[KG + "evidenceText"] == {s1.text}
    assert p[KG + "startOffset"] == {str(s1.start)} and p[KG + "endOffset"] == {str(s1.end)}
    assert ex.doc.article.text[s1.start:s1.end] == s1.text
    assert p[KG + "sentenceIndex"] == {"1"}
    assert p[KG + "confidence"] == {"0.8"}
    assert p[KG + "extractorVersion"] == {rdf.EXTRACTOR}
    assert p[rdf.PROV + "wasDerivedFrom"] == {rdf.article_iri(ex.doc.article.doc_id).value}

    [role] = statements(quads, "Role")
    assert props(quads, role)[KG + "title"] == {"Juru bicara"}
    for cls in ("Accusation", "Meeting", "Visit"):
        assert len(statements(quads, cls)) == 1


def test_supply_without_recipient_has_no_supplies_to() -> None:
    base = make_extraction()
    s1 = base.doc.sentences[1]
    rel = Relation("supplies", {"supplier": "north_korea", "weapon": "artillery_ammunition", "recipient": None},
                   "asserted", 1, s1.start, s1.end)
    quads = rdf.article_quads(make_extraction(relations=[rel]))
    assert not any(q.predicate.value == KG + "suppliesTo" for q in quads)
    [supply] = statements(quads, "Supply")
    assert KG + "recipient" not in props(quads, supply)
    assert rdf.validate(quads).conforms


def test_same_input_gives_byte_identical_nquads_whatever_the_order() -> None:
    ex = make_extraction()
    first = rdf.nquads(rdf.article_quads(ex))
    shuffled = make_extraction()
    rels = list(shuffled.relations)
    random.Random(7).shuffle(rels)
    shuffled.relations = [dataclasses.replace(r, args=dict(reversed(list(r.args.items())))) for r in rels]
    shuffled.entities = dict(reversed(list(shuffled.entities.items())))
    shuffled.links = list(reversed(shuffled.links))
    assert rdf.nquads(rdf.article_quads(shuffled)) == first
    assert rdf.nquads(rdf.article_quads(make_extraction())) == first


def test_duplicate_relations_become_one_statement_keeping_the_most_confident() -> None:
    ex = make_extraction()
    s2 = ex.doc.sentences[2]
    again = Relation("accuses", {"accuser": "john_kirby", "accused": "north_korea"}, "alleged", 2,
                     s2.start, s2.end, 0.95)
    swapped = Relation("meets", {"a": "john_kirby", "b": "sergei_shoigu"}, "asserted", 2, s2.start, s2.end, 0.1)
    ex.relations = [*ex.relations, again, swapped]
    quads = rdf.article_quads(ex)
    [acc] = statements(quads, "Accusation")
    assert props(quads, acc)[KG + "modality"] == {KG + "alleged"}
    assert props(quads, acc)[KG + "sentenceIndex"] == {"2"}
    assert len(statements(quads, "Meeting")) == 1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (dict(modality="rumoured"), "unknown modality"),
        (dict(type="hugs"), "unknown relation type"),
        (dict(args={"accuser": "john_kirby", "accused": "nobody"}), "not a resolved entity"),
        (dict(args={"accuser": "john_kirby"}), "missing"),
        (dict(start=5, end=10_000), "outside the text"),
        (dict(confidence=1.5), "outside [0, 1]"),
    ],
)
def test_invalid_relations_are_refused_with_a_reason(change: dict, message: str) -> None:
    ex = make_extraction()
    ex.relations = [dataclasses.replace(ex.relations[0], **change)]
    with pytest.raises(rdf.InvalidExtraction, match=message.replace("[", r"\[").replace("]", r"\]")):
        rdf.article_quads(ex)


@pytest.mark.slow
def test_built_graph_conforms_to_the_shapes_and_broken_ones_do_not() -> None:
    quads = rdf.article_quads(make_extraction())
    ok = rdf.validate(quads)
    assert ok.conforms and ok.violations == 0
    # a statement without its direct triple
    broken = [q for q in quads if q.predicate.value != KG + "accuses"]
    v = rdf.validate(broken)
    assert not v.conforms and "no direct triple" in v.report
    # a direct triple without a statement node
    g = quads[0].graph_name
    extra = [*quads, ox.Quad(nn(ENT + "russia"), nn(KG + "accuses"), nn(ENT + "north_korea"), g)]
    v = rdf.validate(extra)
    assert not v.conforms and "no statement node" in v.report
    # an entity typed only in another article's graph: each graph must stand on its own
    other = nn(RES + "article/" + "0" * 16)
    moved = [ox.Quad(q.subject, q.predicate, q.object, other) if q.subject.value == ENT + "north_korea" else q
             for q in quads]
    assert not rdf.validate(moved).conforms
    # two entity types in one graph
    two = [*quads, ox.Quad(nn(ENT + "russia"), nn(rdf.RDF + "type"), nn(KG + "Person"), g)]
    assert "exactly one type" in rdf.validate(two).report
    # a statement whose class and relation type disagree
    [acc] = statements(quads, "Accusation")
    relabelled = [ox.Quad(q.subject, q.predicate, ox.Literal("warns"), g)
                  if q.subject.value == acc and q.predicate.value == KG + "relationType" else q for q in quads]
    assert not rdf.validate(relabelled).conforms
    # a meeting written against key order (kg:meets is symmetric, so it is written once, ordered)
    [meet] = statements(quads, "Meeting")
    swap = {ENT + "john_kirby": ENT + "sergei_shoigu", ENT + "sergei_shoigu": ENT + "john_kirby"}

    def swapped(q: ox.Quad) -> ox.Quad:
        if q.predicate.value == KG + "meets" or (q.subject.value == meet and q.object.value in swap):
            s = nn(swap.get(q.subject.value, q.subject.value))
            o = nn(swap[q.object.value])
            return ox.Quad(s, q.predicate, o, g)
        return q

    v = rdf.validate([swapped(q) for q in quads])
    assert not v.conforms and "key order" in v.report and "no direct triple" not in v.report


def test_to_rdflib_keeps_named_graphs() -> None:
    quads = rdf.article_quads(make_extraction())
    ds = rdf.to_rdflib(quads)
    assert isinstance(ds, rdflib.Dataset)
    graphs = [g for g in ds.graphs() if len(g)]
    assert [str(g.identifier) for g in graphs] == [quads[0].graph_name.value]
    assert len(graphs[0]) == len(quads)
    assert rdf.parse_nquads(ds.serialize(format="nquads")) and \
        rdf.nquads(rdf.parse_nquads(ds.serialize(format="nquads"))) == rdf.nquads(quads)


def test_ontology_labels_codes_and_reuse() -> None:
    g = rdflib.Graph().parse(ONTOLOGY_DIR / "kg.ttl")
    kg = rdflib.Namespace(KG)
    owl, rdfs = rdflib.OWL, rdflib.RDFS
    classes = ["Person", "Organization", "State", "Location", "WeaponType", "NewsArticle", "Accusation",
               "Supply", "Warning", "Meeting", "Visit", "Sanction", "Denial", "Role"]
    properties = ["accuses", "supplies", "suppliesTo", "warns", "meets", "visits", "sanctions", "denies", "holdsRole"]
    for name in classes:
        assert (kg[name], rdflib.RDF.type, owl.Class) in g, name
    for name in properties:
        assert (kg[name], rdflib.RDF.type, owl.ObjectProperty) in g, name
    for term in classes + properties + ["asserted", "alleged", "planned", "potential", "denied"]:
        langs = {lbl.language for lbl in g.objects(kg[term], rdfs.label)}
        assert {"en", "id"} <= langs, term
    codes = {name: (str(g.value(kg[name], kg.cameoCode)), str(g.value(kg[name], kg.ploverCategory)))
             for name in ("Accusation", "Supply", "Warning", "Sanction", "Meeting", "Visit")}
    assert codes["Accusation"] == ("112", "ACCUSE")
    assert codes["Supply"] == ("072", "AID")
    assert codes["Warning"] == ("130", "THREATEN")
    assert codes["Sanction"] == ("163", "SANCTION")
    assert codes["Meeting"][1] == codes["Visit"][1] == "CONSULT"
    assert codes["Meeting"][0].startswith("04") and codes["Visit"][0].startswith("04")
    # reuse of PROV-O / SKOS / schema.org
    assert (kg.Statement, rdfs.subClassOf, rdflib.PROV.Entity) in g
    assert (kg.NewsArticle, rdfs.subClassOf, rdflib.URIRef("https://schema.org/NewsArticle")) in g
    assert (kg.WeaponType, rdfs.subClassOf, rdflib.SKOS.Concept) in g
    # every class and property the graphs use is declared
    used = {q.predicate.value for q in rdf.article_quads(make_extraction()) if q.predicate.value.startswith(KG)}
    used |= {KG + c for c in rdf.STATEMENT_CLASSES.values()} | {KG + c for c in rdf.ENTITY_CLASSES.values()}
    declared = {str(s) for s in g.subjects(rdflib.RDF.type, None) if str(s).startswith(KG)}
    assert used <= declared, used - declared


def test_shapes_parse_and_reference_ontology_terms_only() -> None:
    shapes = rdf.shapes_graph()
    onto = rdflib.Graph().parse(ONTOLOGY_DIR / "kg.ttl")
    declared = {str(s) for s in onto.subjects(rdflib.RDF.type, None)}
    used = {str(o) for o in shapes.objects() if isinstance(o, rdflib.URIRef) and str(o).startswith(KG)}
    assert used and used <= declared, used - declared


@settings(max_examples=60, deadline=None)
@given(key=st.text(min_size=1, max_size=30), canonical=st.text(min_size=1, max_size=40),
       surface=st.text(min_size=1, max_size=20).filter(lambda s: s.strip()))
def test_any_entity_key_and_name_serialise_and_parse_back(key: str, canonical: str, surface: str) -> None:
    from kg.types import Entity, Extraction, Mention

    base = make_extraction(relations=[])
    ents = {key: Entity(key, canonical, "PER")}
    m = Mention(surface, "PER", 0, 2, 0)
    ex = Extraction(base.doc, ents, [(m, key)], [])
    quads = rdf.article_quads(ex)
    text = rdf.nquads(quads)
    assert rdf.nquads(rdf.parse_nquads(text)) == text
    iri = rdf.entity_iri(key).value
    assert iri.startswith(ENT) and "/" not in iri[len(ENT):]


def test_sample_text_is_the_normalised_article() -> None:
    ex = make_extraction()
    assert ex.doc.article.text == TEXT
