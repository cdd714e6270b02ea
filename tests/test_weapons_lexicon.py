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


@pytest.mark.parametrize(("text", "expected"), [
    # a type's words and a model nobody listed: one mention "<Model> <type>" below the type
    ("Negara itu membeli rudal Zephyr-9 dan drone Kestrel.", [("rudal Zephyr-9", "Zephyr-9 missile", "missile"),
                                                              ("drone Kestrel", "Kestrel drone", "drone")]),
    ("Mereka memesan howitzer K7 Storm buatan sendiri.", [("howitzer K7 Storm", "K7 Storm howitzer", "artillery")]),
    # a firm's name (entities.ttl) before the model is its maker's: the model is what follows it
    ("Tiga jet tempur Dassault Falcor tiba.", [("jet tempur Dassault Falcor", "Falcor fighter jet", "fighter_jet")]),
    # a class or type noun between: "fregat kelas X" is the X-class frigate
    ("Mereka membangun fregat kelas Zetania.", [("fregat kelas Zetania", "Zetania-class frigate", "warship")]),
    # more models of the type in a list, where they carry a digit
    ("Mereka membeli drone Kestrel, Falco-2 dan Zeta-3 buatan lokal.", [
        ("drone Kestrel", "Kestrel drone", "drone"), ("Falco-2", "Falco-2 drone", "drone"),
        ("Zeta-3", "Zeta-3 drone", "drone")]),
    # a place after the type is its owner or maker, not a model
    ("Pasukan itu memakai drone Turki dan rudal Korea Selatan.", [("drone", "drone", "drone"),
                                                                   ("rudal", "missile", "missile")]),
    # after a maker's noun the name is the maker's; a listed model takes no capitalised word after it
    ("Uni Eropa membidik produsen drone Kupolka dan armada F-16 Angkatan Udara itu.", [
        ("drone", "drone", "drone"), ("F-16", "F-16 fighter jet", "fighter_jet")]),
    # a body's or a named ship's words after the type name no model
    ("Kapal selam Angkatan Laut itu dan kapal induk USS Falconer berlayar.", [
        ("Kapal selam", "submarine", "submarine"), ("kapal induk USS Falconer", "aircraft carrier", "warship")]),
    # no model follows a word for weapons in general: "senjata Hamas" is Hamas's
    ("Kelompok itu menyimpan senjata Falcoria di gudang.", [("senjata", "weapons", "weapons")]),
    # a code of a designation family named alone is a model of the family's type; a type word before it wins
    ("Mesir memesan 24 F-77, armada Mi-46, sistem S-450 dan kapal selam S-80 Plus.", [
        ("F-77", "F-77 fighter jet", "fighter_jet"), ("Mi-46", "Mi-46 helicopter", "helicopter"),
        ("S-450", "S-450 air defense system", "air_defence_system"),
        ("kapal selam S-80 Plus", "S-80 Plus submarine", "submarine")]),
    # a maker's name before the code is no part of it; a code of no family (C-4, COVID-19) is no model
    ("Pesawat Boeing F-77EX tiba, bahan C-4 disita, COVID-19 mereda.", [("F-77EX", "F-77EX fighter jet", "fighter_jet")]),
    # a maker's name before a family's code is no part of the model
    ("Tiba pula jet Sukhoi Su-79 mereka.", [("jet Sukhoi Su-79", "Su-79 fighter jet", "fighter_jet")]),
    # modifiers between the type's words and the model describe the type
    ("Mereka membeli jet tempur generasi kelima Zorvan dan drone bersenjata jenis Falco-9.", [
        ("jet tempur generasi kelima Zorvan", "Zorvan fighter jet", "fighter_jet"),
        ("drone bersenjata jenis Falco-9", "Falco-9 armed drone", "drone")]),
    # in a headline in title case only a designation with a digit is a model
    ("Mesir Borong Jet Tempur Harrier Dari Negeri Jauh", [("Jet Tempur", "fighter jet", "fighter_jet")]),
    # and the designation ends at its last word with a digit
    ("Jet Tempur Harrier-77 Boramae Diluncurkan Hari Ini", [
        ("Jet Tempur Harrier-77", "Harrier-77 fighter jet", "fighter_jet")]),
])
def test_unlisted_models_after_a_type(lex, text, expected):
    got = lex.named(text, lex.find(text), [], {})
    assert [(text[s:e], lex.concepts[k].canonical, lex.head(k)) for s, e, k in got] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # modifiers after a type with no model after them name the weapon, as annotators write it
    ("Mereka mengirim roket jarak jauh dan sistem pertahanan udara jarak menengah.", [
        ("roket jarak jauh", "long-range rocket", "rocket"),
        ("sistem pertahanan udara jarak menengah", "medium-range air defense system", "air_defence_system")]),
    ("Tank ringan dan kendaraan lapis baja berat tiba.", [
        ("Tank ringan", "light tank", "tank"), ("kendaraan lapis baja berat", "heavy armored vehicle", "armoured_vehicle")]),
    # several modifiers, the first named nearest the type; with a model after them the model names it
    ("Mereka membeli jet tempur siluman generasi kelima dan jet tempur generasi kelima Zorvan.", [
        ("jet tempur siluman generasi kelima", "fifth-generation stealth fighter jet", "fighter_jet"),
        ("jet tempur generasi kelima Zorvan", "Zorvan fighter jet", "fighter_jet")]),
    # weapons described are weapons still: one head, so "lethal weapons" and "weapons" compare equal
    ("Mereka memasok senjata mematikan dan senjata konvensional.", [
        ("senjata mematikan", "lethal weapons", "weapons"), ("senjata konvensional", "conventional weapons", "weapons")]),
    # drones named by the words annotators translate: combat, armed, kamikaze (one head: drone)
    ("Mereka memakai drone tempur, drone bersenjata dan drone kamikaze.", [
        ("drone tempur", "combat drone", "drone"), ("drone bersenjata", "armed drone", "drone"),
        ("drone kamikaze", "kamikaze drone", "drone")]),
    # a modifier with no English rendering leaves the type alone
    ("Sistem rudal bergerak itu dipamerkan.", [("rudal", "missile", "missile")]),
])
def test_modifiers_after_a_type_name_the_weapon(lex, text, expected):
    got = lex.named(text, lex.find(text), [], {})
    assert [(text[s:e], lex.concepts[k].canonical, lex.head(k)) for s, e, k in got] == expected


def test_unlisted_model_alone_after_its_introduction(lex):
    seen: dict[str, str] = {}
    first = "Iran mengirim drone Kestrel-7 ke sana."
    lex.named(first, lex.find(first), [], seen)
    later = "Kestrel-7 itu jatuh, kata pendiri Selcuk Kestrel-7."
    got = lex.named(later, lex.find(later), [], seen)
    assert [(later[s:e], lex.concepts[k].canonical) for s, e, k in got] == [("Kestrel-7", "Kestrel-7 drone")]


def test_a_code_of_a_makers_designation_system_is_made_in_its_state(lex):
    text = "Mereka memesan jet tempur Su-79, 24 F-77 dan rudal KN-99, juga drone Zorvan-7."
    got = lex.named(text, lex.find(text), [], {})
    assert [(text[s:e], lex.concepts[k].maker) for s, e, k in got] == [
        ("jet tempur Su-79", "russia"), ("F-77", "united_states"), ("rudal KN-99", "north_korea"),
        ("drone Zorvan-7", None)]


def test_an_acronym_in_brackets_is_the_name_before_it(lex):
    seen: dict[str, str] = {}
    first = "Panel melihat tank APRZ di sana."
    lex.named(first, lex.find(first), [], seen)
    later = "Pengerahan Angkatan Pertahanan Rakyat Zamora (APRZ) berlanjut."
    assert lex.named(later, lex.find(later), [], seen) == []


def test_a_model_is_named_by_the_code_and_the_type_words_written(lex):
    """Annotators name a variant by the code the article writes ("Shahed-136", "J-10"), and a model by the type
    words it writes where they name its type or a broader one ("rudal Storm Shadow": a missile); the graph keeps the
    listed model. A type, or a name opening otherwise, has no written name (None)."""
    shahed, j10, storm = lex.forms["shahed-136"], lex.forms["j-10c"], lex.forms["storm shadow"]
    assert lex.written("drone Shahed-136", shahed) == "Shahed-136 drone"
    assert lex.written("Shahed-136", shahed) == "Shahed-136 drone"
    assert lex.written("jet tempur J-10", j10) == "J-10 fighter jet"
    assert lex.written("rudal Storm Shadow", storm) == "Storm Shadow missile"
    assert lex.written("rudal jelajah Storm Shadow", storm) == "Storm Shadow cruise missile"
    assert lex.written("jet tempur Dassault Rafale", lex.forms["rafale"]) == "Rafale fighter jet"
    tb3 = lex.forms["bayraktar tb3"]  # a narrower type that only adds words before the listed type's name
    assert lex.written("drone tempur Bayraktar TB3", tb3) == "Bayraktar TB3 combat drone"
    su25 = lex.forms["su-25"]
    assert lex.written("jet serang Su-25", su25) == lex.concepts[su25].canonical  # "jet" is no attack aircraft's type
    assert lex.written("drone", lex.forms["drone"]) is None
