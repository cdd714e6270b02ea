"""English names of organisations written in Indonesian (kg/resolve/english.py, ontology/names.ttl)."""

from __future__ import annotations

import pytest

from kg.nlp import analyse_text
from kg.resolve import resolve
from kg.resolve.bodies import is_named, rendered
from kg.resolve.english import english_name, place_name


@pytest.mark.parametrize(("surface", "english"), [
    ("Front Pembebasan Rakyat Oromo", "Oromo People's Liberation Front"),
    ("Pasukan Mobilisasi Populer", "Popular Mobilization Forces"),
    ("Angkatan Udara Tentara Pembebasan Rakyat", "People's Liberation Army Air Force"),
    ("Partai Keadilan dan Pembangunan", "Justice and Development Party"),
    ("Organisasi Penerbangan Sipil Internasional", "International Civil Aviation Organization"),
    ("Gerakan Amal", "Amal Movement"),
    ("Departemen Keamanan Publik", "Public Security Department"),
    ("Kantor Pengawasan Aset Asing", "Foreign Assets Supervisory Office"),
    ("Mahkamah Pidana Internasional", "International Criminal Court"),
    ("Komando Pertahanan Udara Gabungan", "Joint Air Defence Command"),
    ("Partai Pekerja Kurdistan", "Kurdistan Workers' Party"),
    ("Angkatan Laut Sri Lanka", "Sri Lanka Navy"),  # proper words in a row stay one name, in their order
    ("Kementerian Energi dan Sumber Daya Mineral", "Ministry of Energy and Mineral Resources"),
    ("Kementerian Urusan Veteran", "Ministry of Veterans Affairs"),
])
def test_names_turn_round(surface: str, english: str) -> None:
    assert english_name(surface, is_named) == english


@pytest.mark.parametrize("surface", [
    "Partai Komunis China",  # a state's body: the templates and the gazetteer name those
    "Dewan Keamanan PBB",  # a body of a known organisation
    "Komite Hubungan Luar",  # cut short: a piece of a phrase is no proper name
    "Badan Penanggulangan",  # an unlisted derived noun is no proper name
    "Partai",  # a head alone
    "Kelompok Wagner",  # no listed head
    "Departemen Layanan Teknis Kementerian Pertahanan",  # a ministry inside a body: not "Ministry of …" mid-name
])
def test_names_left_as_written(surface: str) -> None:
    assert english_name(surface, is_named) is None


def test_an_unknown_frontis_named_in_english_in_an_article() -> None:
    # (the Tigray front is a gazetteer entry now; the Oromo one is not)
    doc = analyse_text("Pasukan federal bentrok dengan Front Pembebasan Rakyat Oromo di Nekemte pada Senin.")
    entities, links = resolve(doc)
    names = {entities[k].canonical for _, k in links if k in entities and entities[k].type == "ORG"}
    assert "Oromo People's Liberation Front" in names


@pytest.mark.parametrize(("surface", "english"), [
    ("Kementerian Kesehatan Lebanon", "Ministry of Health of Lebanon"),  # a ministry no template names
    ("Dinas Penjaga Perbatasan Negara Estonia", "State Border Guard Service of Estonia"),
    ("Komite Olimpiade Nasional Irak", "National Olympic Committee of Iraq"),
    ("Kementerian Luar Negeri Peru", "Ministry of Foreign Affairs of Peru"),  # the template's name
    ("Partai Berkuasa Georgia", None),  # an unlisted word before a state: an Indonesian word, left as written
    ("Mahkamah Agung", None),  # a template's form alone: whose court it is, the article says
    ("Badan Intelijen Pertahanan", "Defence Intelligence Agency"),  # no state named
    ("Kementerian Pertanian Kenya", "Ministry of Agriculture of Kenya"),
    ("Badan Logistik Pertahanan Filipina", "Defense Logistics Agency of the Philippines"),  # spelled as its state does
    # a state's forces take its adjective first, or its name where English uses the name
    ("Angkatan Udara Kamerun", "Cameroonian Air Force"),
    ("Angkatan Laut Ghana", "Ghana Navy"),
    ("Tentara Nasional Chad", "Chadian National Army"),
    ("Garda Pantai Senegal", "Senegalese Coast Guard"),
    ("Senat Chile", "Senate of Chile"),  # a head that names a body with the state alone
    ("Angkatan Udara Bahrain", "Royal Bahraini Air Force"),  # a monarchy's royal air force
    ("Komando Luar Angkasa Amerika Serikat", "United States Space Command"),  # the United States names its bodies first
    ("Pasukan Rusia", None),  # one that does not: Russia's troops
])
def test_state_bodies_the_gazetteer_lacks_are_named_of_their_state(surface: str, english: str | None) -> None:
    assert rendered(surface) == english


def test_a_rendered_body_still_takes_the_known_acronym_after_it() -> None:
    entities, links = resolve(analyse_text("Uni Emirat Arab mengirim sistem pertahanan udara kepada Tentara Nasional "
                                           "Libia (LNA) pimpinan Khalifa Haftar."))
    names = {m.text: entities[k].canonical for m, k in links}
    assert names["Tentara Nasional Libia"] == "Libyan National Army"


@pytest.mark.parametrize(("surface", "english"), [
    ("Pangkalan Udara Nevatim", "Nevatim Air Base"),
    ("Pelabuhan Jask", "Port of Jask"),
    ("Bandara Internasional Rafic Hariri", "Rafic Hariri International Airport"),
    ("Sungai Brahmaputra", "Brahmaputra River"),
    ("Provinsi Syunik", "Syunik Province"),
    ("Danau Chad", "Lake Chad"),
    ("Provinsi Kivu Utara", None),  # a listed word after the head (a direction): English orders it otherwise
    ("Pangkalan Udara (Lanud) Roesmin", None),  # a bracket
    ("Laut", None),  # a head alone
    ("Pelabuhan yang ramai", None),  # lower-case words: no name
])
def test_place_names_turn_round(surface: str, english: str | None) -> None:
    assert place_name(surface) == english


def test_a_place_the_gazetteer_does_not_knowis_named_in_english_and_a_known_one_keeps_its_name() -> None:
    entities, links = resolve(analyse_text("Pesawat itu mendarat di Pangkalan Udara Woensdrecht lalu terbang ke "
                                           "Laut Merah."))
    names = {m.text: entities[k].canonical for m, k in links}
    assert names["Pangkalan Udara Woensdrecht"] == "Woensdrecht Air Base"
    assert names["Laut Merah"] == "Red Sea"


def test_a_state_body_named_again_in_short_or_by_its_acronym_is_the_same_body() -> None:
    entities, links = resolve(analyse_text("Kementerian Kesehatan Lebanon menyebut lima orang tewas. Kementerian "
                                           "Kesehatan juga menyebut 20 orang terluka."))
    assert {entities[k].canonical for m, k in links if m.text.startswith("Kementerian")} == \
        {"Ministry of Health of Lebanon"}
    entities, links = resolve(analyse_text("Badan Pengawas Nuklir Kenya (KNRA) menyatakan reaktor itu aman. KNRA akan "
                                           "memeriksanya lagi bulan depan."))
    assert {entities[k].canonical for m, k in links if m.text == "KNRA"} == {"Nuclear Supervisory Agency of Kenya"}


def test_an_embassy_no_host_is_told_of_sits_in_the_state_the_story_is_set_in() -> None:
    entities, links = resolve(analyse_text("BUKAREST - Rumania memanggil duta besar Rusia. Pemerintah Rumania menyebut "
                                           "drone itu melanggar wilayahnya. Kedutaan Besar Rusia membantah tuduhan itu."))
    assert {entities[k].canonical for m, k in links if m.text == "Kedutaan Besar Rusia"} == {"Embassy of Russia in Romania"}
