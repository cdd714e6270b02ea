"""The weapon-type scheme (ontology/weapons.ttl) through the real loader and the real scorer."""

from __future__ import annotations

import pytest
from rdflib import Graph
from rdflib.namespace import SKOS

from kg import ONTOLOGY_DIR
from kg.eval.relations import weapon_head
from kg.weapons import WeaponLexicon


@pytest.fixture(scope="module")
def lex() -> WeaponLexicon:
    return WeaponLexicon()


def _found(lex: WeaponLexicon, text: str) -> list[tuple[str, str]]:
    return [(text[s:e], lex.concepts[key].canonical) for s, e, key in lex.find(text)]


def test_scheme_loads_and_is_broad(lex):
    assert len(lex.concepts) >= 150
    assert "weapons" in lex.concepts
    for key, concept in lex.concepts.items():
        if key != "weapons":
            assert concept.broader in lex.concepts, key  # every broader is a concept of the scheme
        lex.head(key)  # no cycles, no dangling broader


def test_no_surface_form_names_two_concepts():
    g = Graph().parse(ONTOLOGY_DIR / "weapons.ttl")
    owner: dict[str, object] = {}
    for concept in g.subjects(SKOS.inScheme, None):
        for prop in (SKOS.prefLabel, SKOS.altLabel):
            for label in g.objects(concept, prop):
                form = " ".join(str(label).lower().split())
                assert owner.setdefault(form, concept) == concept, form


@pytest.mark.parametrize(
    "text, mention, canonical, head",
    [
        ("TNI AL akan menerima dua kapal selam Scorpene dari Prancis.", "kapal selam Scorpene",
         "Scorpene submarine", "submarine"),
        ("Indonesia membeli 42 jet tempur Rafale.", "jet tempur Rafale", "Rafale fighter jet", "fighter jet"),
        ("Kapal fregat itu berlayar ke Natuna.", "Kapal fregat", "frigate", "warship"),
        ("Korvet TNI AL mengawal kapal.", "Korvet", "corvette", "warship"),
        ("Jerman mengirim tank Leopard 2 ke Ukraina.", "tank Leopard 2", "Leopard 2 tank", "tank"),
        ("AS memasok sistem HIMARS dan rudal ATACMS.", "sistem HIMARS", "HIMARS rocket launcher", "rocket"),
        ("Rusia meluncurkan rudal Kinzhal ke Kyiv.", "rudal Kinzhal", "Kinzhal hypersonic missile", "missile"),
        ("Baterai Patriot mencegat rudal itu.", "Baterai Patriot", "Patriot air defense system", "air defense system"),
        ("Israel mengandalkan Iron Dome.", "Iron Dome", "Iron Dome air defense system", "air defense system"),
        ("Howitzer swagerak CAESAR tiba di Jakarta.", "Howitzer swagerak CAESAR", "CAESAR self-propelled howitzer",
         "artillery"),
        ("Pesawat pengebom B-52 terbang di atas Korea.", "Pesawat pengebom B-52", "B-52 bomber", "military aircraft"),
        ("Kendaraan lapis baja itu terbakar.", "Kendaraan lapis baja", "armored vehicle", "armored vehicle"),
        ("Militan menembakkan senapan serbu dan granat.", "senapan serbu", "assault rifle", "small arms"),
        ("Ranjau darat masih tersebar di ladang.", "Ranjau darat", "land mine", "land mine"),
        ("Pasukan menembakkan mortir ke desa.", "mortir", "mortar", "artillery"),
        ("Helikopter serang Apache menembaki posisi itu.", "Helikopter serang Apache", "Apache helicopter", "helicopter"),
        ("Drone Lancet menghantam tank.", "Drone Lancet", "Lancet drone", "drone"),
        ("Bom berpemandu dijatuhkan di Gaza.", "Bom berpemandu", "guided bomb", "bomb"),
        ("Polisi menyita bahan peledak.", "bahan peledak", "explosives", "explosives"),
        ("Kemhan membeli perlengkapan militer baru.", "perlengkapan militer", "military equipment", "military equipment"),
        ("Iran menembakkan rudal antikapal ke Laut Merah.", "rudal antikapal", "anti-ship missile", "missile"),
        ("Kapal-kapal perang China berlayar di Laut China Selatan.", "Kapal-kapal perang", "warship", "warship"),
    ],
)
def test_indonesian_mentions(lex, text, mention, canonical, head):
    found = _found(lex, text)
    assert found and found[0] == (mention, canonical), found
    assert weapon_head(canonical) == head


@pytest.mark.parametrize(
    "gold, head",
    [
        ("Scorpene submarine", "submarine"),
        ("submarine", "submarine"),
        ("Su-35 fighter jet", "fighter jet"),
        ("Storm Shadow cruise missile", "missile"),
        ("frigates", "warship"),
        ("C-130 transport aircraft", "military aircraft"),
        ("surface-to-air missile", "missile"),
        ("loitering munition", "drone"),
        ("precision-guided munition", "ammunition"),
        ("infantry fighting vehicle", "armored vehicle"),
        ("artillery shell", "ammunition"),
    ],
)
def test_weapon_head(gold, head):
    assert weapon_head(gold) == head


@pytest.mark.parametrize(
    "text",
    [
        "Semangat patriot para pemuda Bekasi.",
        "Kerja sama teknologi dan satelit diperluas.",
        "Negeri Paman Sam menaikkan tarif.",
        "Penelitian itu terbit di jurnal The Lancet.",
    ],
)
def test_no_weapon_in_ordinary_text(lex, text):
    assert _found(lex, text) == []
