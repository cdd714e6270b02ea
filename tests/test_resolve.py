"""kg.resolve and the gazetteer: real Stanza analysis of real sentences, no mocks."""

from __future__ import annotations

import pytest

from kg.extract import extract, to_record
from kg.nlp import analyse_text
from kg.resolve import gazetteer, load_gazetteer, resolve, slug

pytestmark = pytest.mark.slow  # whole file: see tests/conftest.py


def links_of(text: str) -> dict[str, tuple[str, str]]:
    """surface form → (entity key, type) for one analysed text."""
    entities, links = resolve(analyse_text(text))
    return {m.text: (k, entities[k].type) for m, k in links}


def test_slug_is_stable_ascii():
    assert slug("Choe Son-hui") == "choe_son_hui"
    assert slug("Recep Tayyip Erdoğan") == "recep_tayyip_erdogan"
    assert slug("  Washington, D.C. ") == "washington_d_c"
    assert slug("Choe Son-hui") == slug("choe son hui")


@pytest.mark.parametrize("text,form,key", [
    ("Korut menembakkan rudal.", "Korut", "north_korea"),
    ("Latihan AS dan Korsel dimulai.", "AS", "united_states"),
    ("Sidang Dewan Keamanan PBB ditunda.", "Dewan Keamanan PBB", "un_security_council"),
    ("Jubir Gedung Putih menolak berkomentar.", "Gedung Putih", "white_house"),
    ("Teheran menolak tuduhan itu.", "Teheran", "tehran"),
    ("Warga di semenanjung Korea cemas.", "semenanjung Korea", "korean_peninsula"),
])
def test_gazetteer_finds_known_surface_forms(text, form, key):
    found = {text[s:e]: k for s, e, k in gazetteer().find(text)}
    assert found.get(form) == key


def test_gazetteer_case_rules():
    g = gazetteer()
    # "as" is a word, "AS" the United States; generic lower-case phrases are not organisation names
    assert not any(k == "united_states" for _, _, k in g.find("kerja sama as bilateral"))
    found = {"Kepala intelijen militer Ukraina"[s:e]: k for s, e, k in g.find("Kepala intelijen militer Ukraina")}
    assert found == {"Ukraina": "ukraine"}
    # a hyphen separates names, a dot inside a word does not
    assert [k for _, _, k in g.find("hubungan Rusia-Korut")] == ["russia", "north_korea"]
    assert [k for _, _, k in g.find("TEMPO.CO melaporkan")] == ["tempo"]


def test_metonyms_resolve_to_the_state_but_a_dateline_stays_the_city():
    entities, links = resolve(analyse_text(
        "Washington (ANTARA) - Pemerintah AS menuduh Pyongyang memasok amunisi ke Moskow.\n\n"
        "Washington membantah klaim Kremlin."))
    by_start = sorted((m.start, m.text, k) for m, k in links)
    washingtons = [k for _, text, k in by_start if text == "Washington"]
    assert washingtons == ["washington_d_c", "united_states"]
    keys = {text: k for _, text, k in by_start}
    assert keys["Pyongyang"] == "north_korea" and keys["Moskow"] == "russia" and keys["Kremlin"] == "russia"
    assert entities["north_korea"].type == "GPE" and entities["north_korea"].wikidata == "Q423"


def test_a_bodys_seat_acts_for_the_body_but_is_a_place_after_a_place_preposition():
    text = ("Menurut Brussel, kilang itu terlibat dalam perdagangan ilegal. "
            "Perdana Menteri Ceko Petr Fiala terbang ke Brussel untuk menghadiri KTT.")
    entities, links = resolve(analyse_text(text))
    seats = [k for m, k in sorted(links, key=lambda p: p[0].start) if m.text == "Brussel"]
    assert seats == ["european_union", "brussels"]
    assert gazetteer().state_of("brussels") == "belgium"  # visiting the seat visits its state


def test_short_names_join_the_full_name_in_the_article():
    found = links_of("Menteri Luar Negeri Korea Utara Choe Son-hui tiba di Moskow. "
                     "Choe kemudian bertemu dengan Presiden Vladimir Putin. Putin menyambutnya.")
    assert found["Choe Son-hui"] == ("choe_son_hui", "PER")
    assert found["Choe"] == ("choe_son_hui", "PER")
    assert found["Putin"] == ("vladimir_putin", "PER")


def test_titles_are_stripped_from_person_names():
    found = links_of("Menteri Pertahanan Rusia Sergei Shoigu dan Kepala Staf Umum Valery Gerasimov hadir.")
    assert found["Sergei Shoigu"] == ("sergei_shoigu", "PER")
    assert found["Rusia"] == ("russia", "GPE")
    assert not any(t in found for t in ("Menteri Pertahanan Rusia Sergei Shoigu", "Pertahanan", "Menteri"))


def test_a_title_opening_a_persons_listed_label_stays_the_office_before_the_name():
    """"Raja Abdullah II" is a label of Jordan's king: the mention is the name, so the rules read "Raja" as his
    office (a role); a title word before a lower-case particle is a given name and stays in it."""
    found = links_of("Trump bertemu Raja Salman di Riyadh, lalu Raja Abdullah II di Amman.")
    assert found["Salman"] == ("salman_of_saudi_arabia", "PER")
    assert found["Abdullah II"] == ("abdullah_ii_of_jordan", "PER")
    assert "Raja Salman" not in found and "Raja Abdullah II" not in found
    assert links_of("Sultan bin Saad Al-Muraikhi hadir di Doha.")["Sultan bin Saad Al-Muraikhi"][0] == \
        "soltan_bin_saad_al_muraikhi"
    relations = {(r["type"], r["args"]["person"], r["args"]["org_or_state"]) for r in
                 to_record(extract(analyse_text("AMMAN - Raja Abdullah II menerima Blinken di Amman.")))["relations"]
                 if r["type"] == "role"}
    assert ("role", "Abdullah II of Jordan", "Jordan") in relations


def test_unknown_names_get_slug_keys_and_gazetteer_types():
    entities, links = resolve(analyse_text(
        "Wakil Menteri Luar Negeri Korea Selatan Kim Hong-kyun bertemu Duta Besar Rusia Georgy Zinoviev."))
    persons = {e.canonical for e in entities.values() if e.type == "PER"}
    assert "Kim Hong-kyun" in persons or "Georgy Zinoviev" in persons
    for e in entities.values():
        if e.type == "PER" and e.canonical in ("Kim Hong-kyun", "Georgy Zinoviev"):
            assert e.key == slug(e.canonical)
    assert entities["south_korea"].type == "GPE" and entities["russia"].type == "GPE"


def test_bylines_and_acronyms():
    entities, links = resolve(analyse_text(
        "Pejabat Dewan Keamanan Nasional (NSC) Gedung Putih berbicara kepada wartawan.\n\n"
        "Sumber: Yonhap\n\nPenerjemah: Katriana\n\nEditor: M Razi Rahman"))
    found = {m.text: k for m, k in links}
    assert found["NSC"] == found["Dewan Keamanan Nasional"] == "national_security_council"
    assert found["Yonhap"] == "yonhap"
    assert entities[found["Katriana"]].type == "PER"
    assert entities[found["M Razi Rahman"]].canonical == "M Razi Rahman"


def test_links_are_in_text_order_and_point_to_entities():
    entities, links = resolve(analyse_text("Iran membantah memasok drone Shahed kepada Rusia, kata Kanaani."))
    starts = [m.start for m, _ in links]
    assert starts == sorted(starts)
    assert all(k in entities for _, k in links)
    assert entities["shahed_drone"].type == "WEAPON"


def gazetteer_of(tmp_path, entries: str):
    """A gazetteer read from one Turtle file holding ``entries`` (the prefixes written for them)."""
    ttl = tmp_path / "entities.ttl"
    ttl.write_text("@prefix kg:   <https://w3id.org/kg-news/ontology#> .\n"
                   "@prefix kge:  <https://w3id.org/kg-news/resource/entity/> .\n"
                   "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n" + entries, encoding="utf-8")
    return load_gazetteer(ttl)


def test_gazetteer_is_data_users_extend(tmp_path):
    g = gazetteer_of(tmp_path, """
kge:wakanda a kg:State, skos:Concept ; skos:inScheme kg:EntityScheme ;
    skos:prefLabel "Wakanda"@en , "Wakanda"@id ; skos:altLabel "Negeri Wakanda"@id .
kge:birnin_zana a kg:City, skos:Concept ; skos:inScheme kg:EntityScheme ;
    skos:prefLabel "Birnin Zana"@en ; kg:metonymFor kge:wakanda .
""")
    found = {k for _, _, k in g.find("Negeri Wakanda dan Birnin Zana")}
    assert found == {"wakanda", "birnin_zana"}
    assert g.entries["birnin_zana"].metonym_for == "wakanda" and g.entries["birnin_zana"].type == "GPE"
    assert g.state_of("birnin_zana") == "wakanda"


def test_a_persons_name_is_found_without_its_diacritics(tmp_path):
    g = gazetteer_of(tmp_path, """
kge:zofia_lodz a kg:Person, skos:Concept ; skos:inScheme kg:EntityScheme ;
    skos:prefLabel "Zofia Łódź-Ñandú"@en ; kg:shortName "Łódź-Ñandú" .
""")
    assert [k for _, _, k in g.find("Menlu Zofia Lodz-Nandu tiba")] == ["zofia_lodz"]
    assert g.short["Lodz-Nandu"] == "zofia_lodz" and g.entries["zofia_lodz"].canonical == "Zofia Łódź-Ñandú"


def test_a_currency_sign_is_no_name():
    keys = links_of("Jet itu dibeli seharga US$300 juta dari Denmark, bukan S$ 20 juta.")
    assert "US" not in keys and "S" not in keys and keys["Denmark"] == ("denmark", "GPE")


def test_seed_entities_reach_the_target(seeds_extractions):
    from kg import ROOT
    from kg.eval.relations import load_jsonl, score
    from kg.extract import to_record

    report = score(load_jsonl(ROOT / "tests" / "data" / "seeds_gold.jsonl"),
                   [to_record(ex) for ex in seeds_extractions])
    assert report.entities_micro.f1 >= 0.9
    for etype in ("PER", "GPE", "ORG"):
        assert report.entities[etype].f1 >= 0.85, etype


def test_unknown_state_bodies_get_english_names():
    entities, links = resolve(analyse_text(
        "Juru bicara Kementerian Luar Negeri Turki Omer Celik bertemu pejabat Kedutaan Besar Jepang di Ankara."))
    found = {m.text: entities[k] for m, k in links}
    assert found["Kementerian Luar Negeri Turki"].canonical == "Ministry of Foreign Affairs of Turkey"
    assert found["Kementerian Luar Negeri Turki"].type == "ORG"
    # an embassy is named with the state it sits in, a capital standing for its state
    assert found["Kedutaan Besar Jepang"].canonical == "Embassy of Japan in Turkey"
    entities, links = resolve(analyse_text("Kedubes Jepang mengecam serangan itu pada Selasa di Ankara."))
    assert {entities[k].canonical for m, k in links if m.text == "Kedubes Jepang"} == {"Embassy of Japan"}


def test_data_glued_into_the_text_yields_no_entities():
    """A scraped page may carry a base64 image or a hash inline; random capitals in it are not names."""
    import random
    import string

    rng = random.Random(1)
    blob = "".join(rng.choice(string.ascii_letters + string.digits + "+/") for _ in range(1000))
    text = f"Rusia menuduh Korea Utara memasok senjata. Gambar: {blob} Kim Jong Un membantah tuduhan itu."
    found = links_of(text)
    assert {k for k, _ in found.values()} == {"russia", "north_korea", "kim_jong_un", "weapons"}
    # a long hyphenated or dotted name is still a name
    assert links_of("Wakil Menteri Luar Negeri Rusia Sergei Ryabkov tiba di Pyongyang.")["Sergei Ryabkov"][1] == "PER"


def test_unknown_firms_become_organisations_named_as_written():
    found = links_of("Kontrak itu diteken Qadira Aerospace dan PT Nusantara Maritim dengan perusahaan Prancis "
                     "Koralis Industries pekan lalu.")
    assert found["Qadira Aerospace"] == ("qadira_aerospace", "ORG")
    assert found["Koralis Industries"] == ("koralis_industries", "ORG")  # the state before it is not part of the name
    assert found["Prancis"][0] == "france"
    assert any(k == "ORG" and text.startswith("PT Nusantara") for text, (_, k) in found.items())


def test_a_tagged_name_after_a_firm_is_the_person():
    found = links_of("Direktur Utama PT PAL Kaharuddin Djenod meninjau galangan di Surabaya.")
    assert found["PT PAL"] == ("pt_pal_indonesia", "ORG")
    assert found.get("Kaharuddin Djenod", ("", "PER"))[1] == "PER"


def test_names_joined_by_an_ampersand_are_one_firm():
    found = links_of("Meksiko menggugat Smith & Wesson serta Procter & Gamble di pengadilan Boston.")
    assert found["Smith & Wesson"][1] == "ORG"
    assert found["Procter & Gamble"][1] == "ORG"
    assert "Smith" not in found and "Wesson" not in found


def test_a_misspelled_body_head_is_still_that_body():
    from kg.resolve.spelling import corrected, org_head

    assert org_head("Kementrian") == "kementerian" and org_head("Departmen") == "departemen"
    assert org_head("Depatemen") == "departemen" and org_head("Kementerian") == "kementerian"
    # English cognates and ordinary words are left alone
    assert org_head("Institute") is None and org_head("University") is None and org_head("Presiden") is None
    assert corrected("Kementrian Luar Negeri Iran") == "Kementerian Luar Negeri Iran"
    assert corrected("Institute for Security Studies") == "Institute for Security Studies"
    # the word a body template goes on with, one slip off; a word the lexicon knows is no slip
    assert corrected("Departemen Keuanagn AS") == "Departemen Keuangan AS"
    assert corrected("Kementerian Pertanian AS") == "Kementerian Pertanian AS"


def test_an_english_bank_name_runs_over_its_place() -> None:
    """"Erbil Bank", "Zain Iraq Islamic Bank", "Federal Reserve Bank of New York": a place inside or after
    the firm word is part of the name, not a state of its own."""
    text = "Regulator itu melarang Erbil Bank, Zain Iraq Islamic Bank dan Federal Reserve Bank of New York."
    found = links_of(text)
    assert found["Erbil Bank"][1] == "ORG" and found["Zain Iraq Islamic Bank"][1] == "ORG"
    assert found["Federal Reserve Bank of New York"][1] == "ORG"


def test_a_dateline_in_capitals_before_an_outlet_is_the_city() -> None:
    """"GENEWA, KOMPAS.com -": the tagger calls the capitals an organisation; the dateline makes it the city."""
    got = links_of("GENEWA, KOMPAS.com - Pemerintah Sudan menuding UEA.\n\n"
                   "WASHINGTON, Okezone - AS membantah.")
    assert got["GENEWA"] == ("geneva", "GPE")
    got = links_of("MOGADISHU, KOMPAS.com - Mesir mengirim senjata ke Somalia.")
    assert got["MOGADISHU"][1] == "GPE"


@pytest.mark.parametrize("dateline,place,key", [
    ("PORT OF SPAIN -", "PORT OF SPAIN", "port_of_spain"),  # the tagger cut it at "OF"
    ("SANTO DOMINGO (AP) -", "SANTO DOMINGO", "santo_domingo"),  # the tagger ran it into the dash
    ("PORT SUDAN, KOMPAS.com -", "PORT SUDAN", "port_sudan"),  # not the state inside it
])
def test_a_dateline_place_of_several_words_in_capitals_is_one_place(dateline, place, key) -> None:
    got = links_of(f"{dateline} Menteri Luar Negeri Indonesia Sugiono tiba di kota itu pada Senin.\n\n"
                   "Ia bertemu sejumlah pejabat.")
    assert got[place] == (key, "GPE")


def test_a_state_cldr_joins_with_an_ampersand_is_named_with_and() -> None:
    entities, _ = resolve(analyse_text("Pemerintah Trinidad dan Tobago memanggil duta besar Venezuela."))
    assert entities["trinidad_tobago"].canonical == "Trinidad and Tobago"


def test_a_foreign_name_cut_at_its_connector_is_one_organisation() -> None:
    got = links_of("Peneliti Institute for Security Studies, Bram Verelst, menilai Rwanda memasok drone kepada M23.")
    assert got["Institute for Security Studies"][1] == "ORG" and "Institute" not in got


def test_a_name_after_a_weapon_class_noun_is_no_party() -> None:
    got = links_of("Australia akan membeli tiga kapal selam kelas Virginia bekas dari AS.")
    assert "Virginia" not in got and got["AS"] == ("united_states", "GPE")


def test_a_name_spelled_out_before_its_bracketed_acronym_is_one_organisation() -> None:
    """The tagger misses "Empresa Aeronáutica Nacional S.A."; its acronym's initials mark where it starts."""
    got = links_of("Sasaran sanksi itu adalah Empresa Aeronáutica Nacional S.A. (EANSA), perusahaan milik "
                   "negara Venezuela. EANSA membantah.")
    assert got["Empresa Aeronáutica Nacional S.A."][1] == "ORG"
    assert got["EANSA"] == got["Empresa Aeronáutica Nacional S.A."]
    assert "Kepala Staf Angkatan Udara" not in links_of("Kepala Staf Angkatan Udara (KSAU) Mohamad Tonny Harjono tiba.")


def test_capitalised_words_before_a_comma_and_a_title_are_a_person() -> None:
    """"Bertrand Bisimwa, pemimpin sayap politik M23": the tagger misses rare foreign names; the title after
    them says what they are."""
    got = links_of("Sanksi menyasar Bertrand Bisimwa, pemimpin sayap politik M23, dan dua perusahaan.")
    assert got["Bertrand Bisimwa"][1] == "PER"
    assert "Uni Eropa" in links_of("Uni Eropa, kata juru bicaranya, akan bertindak.")  # a known name stays


def test_a_state_body_takes_the_article_and_the_gazetteers_own_body() -> None:
    # a template puts "the" before "Netherlands"; a short form of a body the gazetteer knows under another
    # form is that body ("Kemenkeu AS": the Treasury), not a "Ministry of Finance" of its own
    entities, links = resolve(analyse_text("Kementerian Pertahanan Belanda menolak. Kemenkeu AS menjatuhkan sanksi."))
    names = {m.text: entities[k].canonical for m, k in links}
    assert names["Kementerian Pertahanan Belanda"] == "Ministry of Defence of the Netherlands"
    assert names["Kemenkeu AS"] == "United States Department of the Treasury"


def test_a_bodys_indonesian_name_before_a_known_acronym_is_that_body() -> None:
    # the initials of "Tentara Nasional Libia" do not spell LNA, the acronym of its English name; the run
    # of capitalised words headed by a body noun is still the body the bracketed acronym names
    entities, links = resolve(analyse_text("Abu Dhabi mengirim rudal kepada Tentara Nasional Libia (LNA) di timur."))
    names = {m.text: entities[k].canonical for m, k in links}
    assert names["Tentara Nasional Libia"] == names["LNA"] == "Libyan National Army"


def test_a_models_designation_is_no_person_and_an_outlet_after_its_noun_is_an_organisation() -> None:
    entities, links = resolve(analyse_text("Menurut harian Miami Herald, pesawat Antonov An-124 mendarat di Caracas. "
                                           "Harian Prancis Le Monde melaporkan hal serupa."))
    types = {m.text: entities[k].type for m, k in links}
    assert types.get("Miami Herald") == "ORG" and types.get("Le Monde") == "ORG"
    assert "PER" not in {types.get(t) for t in ("Antonov An-124", "Antonov", "An-124")}


def test_an_acronym_may_keep_the_initials_of_joining_words() -> None:
    # POMED spells "Project on Middle East Democracy" with the "on": the name before the brackets is one body
    text = "Seth Binder, direktur Project on Middle East Democracy (POMED), menilai klaim itu."
    entities, links = resolve(analyse_text(text))
    names = {m.text: entities[k].type for m, k in links}
    assert names.get("Project on Middle East Democracy") == "ORG"


def test_a_titled_name_may_end_in_a_known_name_and_starts_after_the_titles_acronym() -> None:
    # "Wagner" alone is the Wagner Group; after "Therese Kayikwamba" it is a surname; "RDK" is the title's state
    entities, links = resolve(analyse_text("Menlu RDK Therese Kayikwamba Wagner meneken perjanjian itu di Washington."))
    names = {m.text: (entities[k].type, entities[k].canonical) for m, k in links}
    assert names["Therese Kayikwamba Wagner"][0] == "PER"
    assert names["RDK"] == ("GPE", "Democratic Republic of the Congo")


def test_a_title_word_left_alone_is_no_name() -> None:
    """"Kepala Pasukan Pertahanan sekaligus Kepala Staf AD Pakistan": the tagger's "Pertahanan" is a word of the
    title, no organisation of its own; the army after it is."""
    found = links_of("Hasan menemui Kepala Pasukan Pertahanan sekaligus Kepala Staf AD Pakistan, Jenderal Asim Munir.")
    assert "Pertahanan" not in found
    assert found["AD Pakistan"][1] == "ORG" and found["Asim Munir"][1] == "PER"


def test_a_bare_body_in_a_story_that_never_names_the_home_state_is_the_storys_states() -> None:
    # a story about Chile that never names Indonesia: its "Kementerian Pertahanan" is Chile's; once the
    # home state is named, the bare body is the home state's again
    abroad = "Chile membeli dua fregat bekas. Kementerian Pertahanan menyebut kapal itu tiba di Chile tahun depan."
    entities, links = resolve(analyse_text(abroad))
    names = {m.text: entities[k].canonical for m, k in links}
    assert names["Kementerian Pertahanan"] == "Ministry of Defence of Chile"
    home = "Chile menjual dua fregat bekas kepada Indonesia. Kementerian Pertahanan menyebut kapal itu tiba di Chile."
    entities, links = resolve(analyse_text(home))
    names = {m.text: entities[k].canonical for m, k in links}
    assert names["Kementerian Pertahanan"] == entities["ministry_of_defence_of_indonesia"].canonical


def test_a_known_bare_body_name_with_another_state_after_it_is_that_states_body() -> None:
    # the gazetteer's "Dewan Keamanan Nasional" is the American council and its "Dewan Keamanan" the UN's; with
    # another state after them they name that state's council, and alone they stay what the gazetteer says
    entities, links = resolve(analyse_text(
        "Dewan Keamanan Nasional Filipina menggelar rapat darurat. Dewan Keamanan Nasional mengkritik langkah itu. "
        "Wakil Ketua Dewan Keamanan Rusia hadir bersama Sekretaris Dewan Keamanan Belarus, dan Dewan Keamanan "
        "membahas resolusi baru."))
    names = {m.text: entities[k].canonical for m, k in links}
    assert names["Dewan Keamanan Nasional Filipina"] == "National Security Council of the Philippines"
    assert names["Dewan Keamanan Nasional"] == "National Security Council"
    assert names["Dewan Keamanan Rusia"] == "Security Council of Russia"
    assert names["Dewan Keamanan Belarus"] == "Security Council of Belarus"
    assert names["Dewan Keamanan"] == "UN Security Council"


def test_a_bare_body_after_its_heads_title_is_that_officials_states() -> None:
    # "Menhan Malaysia X … Kementerian Pertahanan": the minister's state owns the bare ministry after him, in a
    # story that names the home state too; the home state's own minister keeps it the home state's
    for text, state in (
            ("Menteri Pertahanan Malaysia Mohamed Khaled Nordin meninjau galangan kapal. Indonesia juga memesan "
             "kapal serupa. Kementerian Pertahanan mengakui proyek itu terlambat.", "Malaysia"),
            ("Menlu Mesir Badr Abdelatty tiba di Jakarta. Kementerian Luar Negeri menyebut kunjungan itu penting.",
             "Egypt"),
            ("Menhan Sjafrie Sjamsoeddin menerima rombongan dari Chile. Kementerian Pertahanan menyebut kerja sama "
             "itu berlanjut.", "Indonesia")):
        entities, links = resolve(analyse_text(text))
        names = {m.text: entities[k].canonical for m, k in links}
        body = next(v for t, v in names.items() if t.startswith("Kementerian"))
        assert body.endswith(state), (text, body)


def test_a_bare_body_the_home_state_lacks_is_the_state_named_before_it_in_its_sentence() -> None:
    # no "Majelis Nasional" at home: the one a Pakistani minister speaks before is Pakistan's
    for text in ("Menteri Luar Negeri Pakistan Ishaq Dar berbicara di depan Majelis Nasional soal jet tempur itu.",
                 "Perdana Menteri Pakistan Shehbaz Sharif menyampaikan pidato di Majelis Nasional pada Rabu malam.",
                 "Ishaq Dar, Menlu Pakistan, membacakan klaim itu di hadapan Majelis Nasional pada Senin."):
        entities, links = resolve(analyse_text(text))
        names = {m.text: entities[k].canonical for m, k in links}
        assert names.get("Majelis Nasional") == "National Assembly of Pakistan", (text, names)


def test_a_bare_body_takes_the_state_of_its_kind_named_before_or_of_its_official_after_it() -> None:
    # "Mahkamah Agung Belanda … Mahkamah Agung": the Dutch court again, though another state comes between;
    # "Juru Bicara Kementerian Luar Negeri Yvonne Mewengkang": her ministry, whoever was titled before
    entities, links = resolve(analyse_text(
        "Mahkamah Agung Belanda menerima banding pemerintah. Israel menolak berkomentar. Mahkamah Agung "
        "akan memutus perkara itu bulan depan."))
    names = {m.text: entities[k].canonical for m, k in links}
    assert names["Mahkamah Agung"] == "Supreme Court of the Netherlands"
    entities, links = resolve(analyse_text(
        "Menlu Turki Hakan Fidan bertemu Menlu Sugiono di Ankara. Juru Bicara Kementerian Luar Negeri Yvonne "
        "Mewengkang menyebut pertemuan itu produktif."))
    names = {m.text: entities[k].canonical for m, k in links}
    assert names["Kementerian Luar Negeri"] == entities["ministry_of_foreign_affairs_of_indonesia"].canonical


def test_a_home_desk_dateline_does_not_make_a_foreign_storys_bare_body_the_home_states() -> None:
    # "Jakarta (ANTARA) -" heads foreign news too: a story about Somalia naming nothing Indonesian keeps Somalia's
    text = ("Somalia Terima Kiriman Senjata Kedua\n\nJakarta (ANTARA) - Somalia menerima kiriman senjata kedua "
            "dalam sebulan. Truk membawa senjata itu dari pelabuhan Mogadishu ke gedung Kementerian Pertahanan. "
            "Somalia menyebut bantuan itu sah.")
    entities, links = resolve(analyse_text(text))
    names = {m.text: entities[k].canonical for m, k in links}
    assert names["Kementerian Pertahanan"] == "Ministry of Defence of Somalia"


def test_a_persons_last_words_join_the_full_name_in_the_article() -> None:
    got = links_of("Direktur lembaga itu, Karim Al Munzir, menolak tuduhan tersebut. "
                   "Al Munzir menegaskan lembaganya tidak memasok senjata. "
                   "Wakilnya Dewi Ratna Kusumawati menyusul. Ratna Kusumawati membantah pula.")
    assert got["Al Munzir"] == got["Karim Al Munzir"]
    assert got["Ratna Kusumawati"] == got["Dewi Ratna Kusumawati"]


def test_a_polite_address_is_no_part_of_the_name_but_a_korean_family_name_is() -> None:
    entities, links = resolve(analyse_text(
        "Dalam rapat itu, Pak Joko Susilo menyambut Bu Sri Wahyuni dan Bapak Hendra Gunawan. "
        "Duta Besar Korea Utara Pak Kwang-ho kemudian bertemu Menlu Sugiono. "
        "Menurut Bu Ani Lestari, Pak Budi Hartono sudah setuju."))
    keys = {k for _, k in links}
    assert {"joko_susilo", "sri_wahyuni", "hendra_gunawan", "ani_lestari", "budi_hartono", "pak_kwang_ho"} <= keys
    assert not any(m.text in ("Pak", "Bu") for m, _ in links)
    assert not any(entities[k].canonical.startswith(("Bu ", "Bapak ", "Ibu ")) for k in keys)


def test_a_lone_capitalised_word_seen_only_opening_sentences_is_no_person() -> None:
    got = links_of("Menlu Sugiono tiba di Tokyo pada Senin. Wartawan sempat menanyakan soal kapal selam. "
                   "Penyelidik kemudian menemukan dokumen baru. Muhaimin menolak berkomentar. "
                   "Namun, kata Muhaimin, pembicaraan tetap berjalan.")
    assert "Wartawan" not in got and "Penyelidik" not in got
    assert got["Muhaimin"][1] == "PER"


def test_a_byline_label_after_a_name_is_no_part_of_it() -> None:
    got = links_of("Menlu Sugiono tiba di Seoul pada Selasa.\nRep: Rina Kartikasari  Red: Joko Prasetyo")
    assert got["Rina Kartikasari"][1] == "PER"
    assert not any(s.endswith(" Red") for s in got)


def test_a_title_before_its_bracketed_short_form_is_no_organisation() -> None:
    got = links_of("Presiden Prabowo menerima Perdana Menteri (PM) Vietnam Pham Minh Chinh di Istana Bogor pada Senin. "
                   "Kedua pemimpin membahas perdagangan beras.")
    assert "Perdana Menteri" not in got
    assert got["Pham Minh Chinh"][1] == "PER"


def _repaired(text: str, span: str) -> list[str]:
    """The surfaces ``repair`` keeps of the tagger's person span ``span`` in ``text`` (nothing known)."""
    from kg.resolve.names import Spans
    from kg.resolve.repair import repair
    from kg.types import Mention

    a = text.index(span)
    return [m.text for m in repair(Mention(span, "PER", a, a + len(span), 0, "ner"), Spans(), text)]


def test_a_particle_or_honorific_inside_a_name_stays_in_it():
    assert _repaired("Presiden Arvela Renato Costa da Moura tiba di Jakarta.", "Renato Costa da Moura") == \
        ["Renato Costa da Moura"]
    assert _repaired("Presiden Halvoria Abdi Sheikh Warsame tiba di Jakarta.", "Abdi Sheikh Warsame") == \
        ["Abdi Sheikh Warsame"]
    # a title before the name still goes, and so does a rank after an acronym of a force ("AL Laksamana X")
    assert "Rafiq Osmani" in _repaired("Ia bertemu Kepala Staf AL Laksamana Rafiq Osmani kemarin.",
                                       "AL Laksamana Rafiq Osmani")


def test_a_particle_joined_tail_the_tagger_left_out_is_the_names():
    assert _repaired("Pabrik itu dinamai Abu Karim al-Safadi, pendiri kelompok itu.", "Abu Karim") == \
        ["Abu Karim al-Safadi"]


def test_a_given_name_the_tagger_left_out_after_a_title():
    assert _repaired("Kepala staf itu, Jenderal Dan Morrow, mengakui serangan itu.", "Morrow") == ["Dan Morrow"]
    assert _repaired("Menteri Industri Pertahanan Pat Quillan menambahkan, kapal itu siap.", "Quillan") == \
        ["Pat Quillan"]
    assert _repaired("Ia lalu pulang. Dan Morrow tidak hadir.", "Morrow") == ["Morrow"]  # a sentence's opening
    assert _repaired("Menhan Puji Keberanian Pasukan Morrow\n\nIsi berita.", "Morrow") == ["Morrow"]  # a headline


def test_each_field_of_a_credit_line_is_a_byline():
    entities, links = resolve(analyse_text(
        "Pasukan itu bergerak ke utara.\n\nPenulis: Larasati Widya Kencana | Editor: Yohanes Prasetyo\n\n"
        "Penulis Gilang Arya Saputra | Editor Maria Ulfa"))
    persons = {entities[k].canonical for m, k in links if entities[k].type == "PER"}
    assert {"Larasati Widya Kencana", "Yohanes Prasetyo", "Gilang Arya Saputra", "Maria Ulfa"} <= persons


def test_a_person_cut_at_a_particle_of_two_words_is_one():
    from kg.resolve.joined import joined
    from kg.types import Mention

    text = "Ketua Dewan Hedda van der Molen berbicara. Komisi Nordika Ilse von Aaken hadir."
    a, b = text.index("Hedda"), text.index("Molen")
    found = joined([Mention("Hedda", "PER", a, a + 5, 0, "pattern"), Mention("Molen", "PER", b, b + 5, 0, "ner")], text)
    assert [m.text for m in found] == ["Hedda van der Molen"]
    a, b = text.index("Ilse"), text.index("Aaken")  # the given name in the tagger's organisation span
    found = joined([Mention("Ilse", "ORG", a, a + 4, 1, "ner"), Mention("Aaken", "PER", b, b + 5, 1, "ner")], text)
    assert [(m.text, m.type) for m in found] == [("Ilse von Aaken", "PER")]


def test_a_headlines_verb_after_a_name_is_no_part_of_it():
    from kg.resolve.headline import without_headline_words
    from kg.types import Mention

    doc = analyse_text("Halvorsen Meradang Usai Kapal Ditahan di Pelabuhan Utara\n\n"
                       "Perdana Menteri Arne Halvorsen mengecam penahanan itu. Halvorsen menuntut kapal dilepas.")
    a = doc.article.text.index("Halvorsen Meradang")
    found = without_headline_words([Mention("Halvorsen Meradang", "PER", a, a + 18, 0, "ner")], doc)
    assert [m.text for m in found] == ["Halvorsen"]


def test_a_headline_word_the_story_capitalises_only_where_a_sentence_opens_is_no_name():
    """"Ancam Cabut Visa": "Visa" opens a quotation in the story and is written lower case elsewhere, so the
    tagger's "Cabut Visa" is the headline's words; a name that opens a sentence ("Halvorsen menuntut …") stays."""
    from kg.resolve.headline import without_headline_words
    from kg.types import Mention

    doc = analyse_text("Presiden Tuding Pejabat Kedubes Ancam Cabut Visa karena Kedekatan dengan China\n\n"
                       "Presiden Arne Halvorsen menuding seorang diplomat mengancam mencabut visa para pejabat. "
                       "\"Visa adalah hak istimewa,\" tulis kedutaan itu.")
    a = doc.article.text.index("Cabut Visa")
    assert without_headline_words([Mention("Cabut Visa", "PER", a, a + 10, 0, "ner")], doc) == []
    doc = analyse_text("Halvorsen Tuding Pejabat Kedubes Ancam Pemerintahnya\n\n"
                       "Halvorsen menuding seorang diplomat. \"Halvorsen tidak takut,\" kata ajudannya.")
    found = without_headline_words([Mention("Halvorsen", "PER", 0, 9, 0, "ner")], doc)
    assert [m.text for m in found] == ["Halvorsen"]


def test_a_full_name_typed_a_place_is_the_person_its_surname_names():
    from kg.resolve.mistyped import persons_mistyped
    from kg.types import Mention

    full, alone, town = (Mention("Ravel Osterkamp", "LOC", 0, 15, 0, "ner"), Mention("Osterkamp", "PER", 40, 49, 1, "ner"),
                         Mention("Vella Marisco", "LOC", 60, 73, 2, "ner"))
    kept = persons_mistyped([(full, None), (alone, None), (town, None)])
    assert [m.type for m, _ in kept] == ["PER", "PER", "LOC"]  # a place no lone surname repeats stays a place


def test_unlisted_model_named_alone_is_this_articles_model():
    """A model name another article (read earlier by the same process) gave another type does not decide what the
    name alone means here: the type this article introduced it with does."""
    links_of("Iran mengirim rudal Vireo-4 ke Yaman pekan lalu. Vireo-4 itu ditembakkan ke kapal dagang.")
    got = links_of("Rusia memasok drone Vireo-4 kepada Niger. Menurut laporan itu, Vireo-4 sudah dipakai di perbatasan.")
    assert got["Vireo-4"][1] == "WEAPON"
    assert got["Vireo-4"][0] == got["drone Vireo-4"][0]
    assert "drone" in got["Vireo-4"][0]


def _retyped(text: str, span: str) -> list[tuple[str, str]]:
    """(surface, type) of what ``repair`` keeps of the tagger's person span ``span`` in ``text`` (nothing known)."""
    from kg.resolve.names import Spans
    from kg.resolve.repair import repair
    from kg.types import Mention

    a = text.index(span)
    return [(m.text, m.type) for m in repair(Mention(span, "PER", a, a + len(span), 0, "ner"), Spans(), text)]


def test_a_name_after_a_noun_for_a_firm_a_group_or_a_maker_is_no_person():
    assert _retyped("Pesawat latih itu buatan Vornik Aerotech dari Ceko.", "Vornik Aerotech") == \
        [("Vornik Aerotech", "ORG")]
    assert _retyped("Tentara bergantung pada milisi Kavuro di utara.", "Kavuro") == [("Kavuro", "ORG")]
    assert _retyped("Hal itu dikutip Daily Sentinel pekan lalu.", "Daily Sentinel") == [("Daily Sentinel", "ORG")]
    # the names on a list such a noun opens with a count or a list word are its kind too
    assert _retyped("AS menyanksi dua perusahaan Korvia, Balt Merkez dan Odra Liman, pekan lalu.", "Odra Liman") == \
        [("Odra Liman", "ORG")]
    assert _retyped("Ada tiga milisi, antara lain Kavuro dan Sifa Tengu di utara.", "Sifa Tengu") == [("Sifa Tengu", "ORG")]
    assert _retyped("Ia bertemu perusahaan Korvia dan Hendrik Vosloo kemarin.", "Hendrik Vosloo") == \
        [("Hendrik Vosloo", "PER")]  # no count, no list word: a person may follow
    # the firm's officer after a title before the noun stays a person
    assert _retyped("Ia bertemu direktur perusahaan Hendrik Vosloo kemarin.", "Hendrik Vosloo") == \
        [("Hendrik Vosloo", "PER")]


def test_a_ranks_grade_and_a_reduplicated_word_are_no_part_of_a_name():
    # grades no rank phrase lists: "Laksamana Utama", "Kolonel Senior"
    assert _repaired("Ia menemui Laksamana Utama Tobias Brenner di Perth.", "Utama Tobias Brenner") == ["Tobias Brenner"]
    assert _repaired("Ia menemui Kolonel Senior Omar Siddiqi di Lahore.", "Senior Omar Siddiqi") == ["Omar Siddiqi"]
    assert _repaired("\"Tidak, Tuan-tuan,\" ujarnya.", "Tuan-tuan") == []


def test_a_forces_acronym_before_a_state_is_that_states_force():
    entities, links = resolve(analyse_text("Kepala Staf AU Korvia bertemu mitranya dari AU Mongolia di Ulaanbaatar."))
    names = {m.text: (entities[k].type, entities[k].canonical) for m, k in links}
    assert names["AU Mongolia"] == ("ORG", "Mongolian Air Force")


def test_the_name_of_an_operation_an_award_or_a_ship_is_no_person():
    assert _retyped("Pada Juni, lewat Operasi Kestrel Dawn, pesawat itu terbang.", "Kestrel Dawn") == []
    assert _retyped("Presiden menerima penghargaan Jean Valmont dari raja.", "Jean Valmont") == []
    assert _retyped("Dua kapal, termasuk INS Vikrant Sagar, berlatih di sana.", "INS Vikrant Sagar") == []
    assert _retyped("Ia bertemu Jean Valmont di Lombok.", "Jean Valmont") == [("Jean Valmont", "PER")]


def test_a_firms_last_word_and_a_makers_state_opening_its_name():
    got = links_of("AS menyanksi Raven Global Trade dan Kivu Gold Refinery. Drone itu buatan Pakistan Aerotech Industries.")
    assert got["Raven Global Trade"][1] == got["Kivu Gold Refinery"][1] == "ORG"
    assert got["Pakistan Aerotech Industries"][1] == "ORG"


def test_an_outlets_or_firms_name_after_its_state_and_an_acronym_among_name_words_are_no_person():
    assert links_of("Pada Mei 2025, harian Prancis La Gazette melaporkan Indonesia menambah jet.")["La Gazette"][1] == "ORG"
    assert _retyped("Kontrak diteken lewat Yugostal SDPR pada 2019.", "Yugostal SDPR") == [("Yugostal SDPR", "ORG")]
    assert _retyped("Menteri Pertahanan Prancis Jean Valmont tiba.", "Menteri Pertahanan Prancis Jean Valmont") != \
        [("Jean Valmont", "ORG")]


def test_a_bodys_first_word_alone_later_is_that_body():
    entities, links = resolve(analyse_text("China menyanksi Kestrel Orbital Dynamics Inc. pekan lalu. "
                                           "Kepala eksekutif Kestrel, Mark Halvorsen, menolak berkomentar."))
    names = {m.text: (entities[k].type, entities[k].canonical) for m, k in links}
    assert names["Kestrel"] == ("ORG", "Kestrel Orbital Dynamics Inc.")


def test_a_short_lower_case_word_no_cue_claims_inside_a_tagged_name_stays_in_it():
    assert _repaired("Presiden Moktar ould Sidi Baba tiba di Jakarta.", "Moktar ould Sidi Baba") == \
        ["Moktar ould Sidi Baba"]
    assert _repaired("Menlu Faisal bin Rashid tiba di Jakarta.", "Faisal bin Rashid") == ["Faisal bin Rashid"]


def test_a_span_the_tagger_calls_a_place_but_opened_by_a_body_noun_is_an_organisation() -> None:
    """"Universitas Jawaharlal Nehru": the tagger says LOC (a name of a place inside); the body noun decides."""
    got = links_of("Menurut Srikanth Kondapalli, profesor di Universitas Jawaharlal Nehru, Beijing tak akan marah.")
    assert got["Universitas Jawaharlal Nehru"][1] == "ORG"


def test_records_name_persons_as_written_unless_kg_person_names_says_reference(monkeypatch) -> None:
    """Annotators split on how a person is named: as the article writes the full name (default, as the guidelines'
    author does, but with the accents the article drops, as most development annotators restore them) or by the
    reference spelling. Titles opening a mention are no part of the name, a regnal name or a span that leaves out
    the given name keeps the reference name, and the graph keeps one label whatever the setting."""
    from kg.fingerprint import fingerprint
    from kg.rdf import article_quads

    text = ("KYIV - Presiden Ukraina Volodymyr Zelensky bertemu Presiden Turki Recep Tayyip Erdogan di Ankara. "
            "Zelensky lalu terbang ke Amman dan bertemu Raja Abdullah II. Erdogan menelepon Emir Qatar Sheikh Tamim "
            "bin Hamad Al Thani.")

    def persons() -> set[str]:
        return {e["canonical"] for e in to_record(extract(analyse_text(text)))["entities"] if e["type"] == "PER"}

    def labels() -> set[str]:
        return {q.object.value for q in article_quads(extract(analyse_text(text)))
                if q.predicate.value.endswith("#label") and "Zelensk" in q.object.value}

    monkeypatch.delenv("KG_PERSON_NAMES", raising=False)
    fingerprint.cache_clear()
    written = fingerprint()
    assert persons() >= {"Volodymyr Zelensky", "Recep Tayyip Erdoğan", "Abdullah II of Jordan",
                         "Tamim bin Hamad Al Thani"}
    assert labels() == {"Volodymyr Zelenskyy"}
    lone = to_record(extract(analyse_text("ANKARA - Erdogan menjamu Zelensky di Ankara, Selasa.")))["entities"]
    assert {e["canonical"] for e in lone if e["type"] == "PER"} == {"Recep Tayyip Erdoğan", "Volodymyr Zelensky"}
    twice = ("KYIV - Presiden Ukraina Volodymyr Zelenskyy tiba. Volodymyr Zelensky bertemu Recep Tayyip Erdogan. "
             "Menurut Volodymyr Zelensky, perang harus berhenti.")  # the form written most often wins
    assert {e["canonical"] for e in to_record(extract(analyse_text(twice)))["entities"] if e["type"] == "PER"} == \
        {"Recep Tayyip Erdoğan", "Volodymyr Zelensky"}
    coded = extract(analyse_text("TEHERAN - Iran mengirim drone Shahed-136 ke Rusia."))
    assert {e["canonical"] for e in to_record(coded)["entities"] if e["type"] == "WEAPON"} == {"Shahed-136 drone"}
    assert "Shahed drone" in {q.object.value for q in article_quads(coded) if q.predicate.value.endswith("#label")}
    monkeypatch.setenv("KG_PERSON_NAMES", "reference")
    fingerprint.cache_clear()
    assert persons() >= {"Volodymyr Zelenskyy", "Recep Tayyip Erdoğan", "Abdullah II of Jordan"}
    assert labels() == {"Volodymyr Zelenskyy"}
    assert fingerprint() == written  # the graph does not depend on it: a store is not re-extracted
    monkeypatch.setenv("KG_PERSON_NAMES", "wikipedia")
    with pytest.raises(Exception, match="KG_PERSON_NAMES='wikipedia': expected one of written, reference"):
        persons()
    fingerprint.cache_clear()


def test_a_mention_that_took_punctuation_is_no_name_as_written() -> None:
    """"(Joe) Biden": a tagger's span across a bracket keeps the reference name; a clean span gives the written one,
    unless it only drops the reference name's accents ("Erdogan", "Guler" for a "Güler" whose accents were guessed)."""
    from kg.resolve.written import as_written
    from kg.types import Entity, Mention

    entities = {"joe_biden": Entity("joe_biden", "Joe Biden", "PER", None),
                "recep_tayyip_erdogan": Entity("recep_tayyip_erdogan", "Recep Tayyip Erdoğan", "PER", None),
                "zelenskyy": Entity("zelenskyy", "Volodymyr Zelenskyy", "PER", None)}
    links = [(Mention("Joe) Biden", "PER", 0, 10, 0, "ner"), "joe_biden"),
             (Mention("Recep Tayyip Erdogan", "PER", 20, 40, 0, "ner"), "recep_tayyip_erdogan"),
             (Mention("Volodymyr Zelensky", "PER", 50, 68, 0, "ner"), "zelenskyy")]
    assert as_written(entities, links) == {"zelenskyy": "Volodymyr Zelensky"}
    guessed = {"guler": Entity("guler", "Güler", "PER", None)}
    assert as_written(guessed, [(Mention("Guler", "PER", 0, 5, 0, "ner"), "guler")]) == {}


def test_a_family_name_with_its_glued_article_capitalised_is_the_person_named_before() -> None:
    """"Al-Sharaa" opening a sentence after "Ahmed al-Sharaa", and "Al-Shaibani" after "Asaad al-Shaibani": the glued
    article is capitalised at will, the person is the same (the tagger misses the first)."""
    got = links_of("Presiden Suriah Ahmed al-Sharaa tiba di Paris bersama Menlu Asaad al-Shaibani. Al-Sharaa bertemu "
                   "Presiden Prancis Emmanuel Macron, sedangkan Al-Shaibani bertemu Jean-Noel Barrot.")
    assert got["Al-Sharaa"] == got["Ahmed al-Sharaa"] and got["Al-Sharaa"][1] == "PER"
    assert got["Al-Shaibani"][0] == got["Asaad al-Shaibani"][0]


def test_another_name_of_a_person_is_no_way_of_writing_the_reference_name() -> None:
    """"Abu Mohammed al-Julani", the name Ahmed al-Sharaa fought under, is the longer form the article writes for him
    but shares no word with his name: the record names him "Ahmed al-Sharaa"; "Vassily Nebenzia" spells "Vasily
    Nebenzya" otherwise (words a letter apart) and stays as written."""
    from kg.resolve.written import as_written
    from kg.types import Entity, Mention

    entities = {"sharaa": Entity("sharaa", "Ahmed al-Sharaa", "PER", None),
                "nebenzya": Entity("nebenzya", "Vasily Nebenzya", "PER", None)}
    links = [(Mention("Ahmed al-Sharaa", "PER", 0, 15, 0, "ner"), "sharaa"),
             (Mention("Abu Mohammed al-Julani", "PER", 20, 42, 0, "ner"), "sharaa"),
             (Mention("Vassily Nebenzia", "PER", 50, 66, 0, "ner"), "nebenzya")]
    assert as_written(entities, links) == {"nebenzya": "Vassily Nebenzia"}


def test_a_middle_initial_written_without_its_period_is_recorded_with_it() -> None:
    """"Rahul R Singh", an unlisted general, is recorded as "Rahul R. Singh" (23 of the 24 middle initials in the gold
    sets carry the period), and so is the surname alone; a first word of one letter is no initial ("I Nyoman
    Suadnyana", "U Yong Su") and keeps its spelling."""
    from kg.extract import extract, to_record
    from kg.nlp import analyse_text

    rec = to_record(extract(analyse_text(
        "Wakil Kepala Staf Angkatan Darat India Letnan Jenderal Rahul R Singh menuduh China memasok senjata kepada "
        "Pakistan. Singh juga menuding Turki. Kepala Dinas Penerangan TNI AU Marsekal Pertama I Nyoman Suadnyana "
        "tidak berkomentar.")))
    people = {e["text"]: e["canonical"] for e in rec["entities"] if e["type"] == "PER"}
    assert people["Rahul R Singh"] == "Rahul R. Singh" and people["Singh"] == "Rahul R. Singh"
    assert people["I Nyoman Suadnyana"] == "I Nyoman Suadnyana"
    assert ("Rahul R. Singh", "Turkey") in {(r["args"]["accuser"], r["args"]["accused"]) for r in rec["relations"]
                                             if r["type"] == "accuses"}


def test_of_two_spellings_that_differ_by_hyphens_records_keep_the_syllables_apart() -> None:
    """"Kim Jong-un" written for the listed "Kim Jong Un" is recorded as "Kim Jong Un"; "Choe Son Hui" written for the
    listed "Choe Son-hui" as written: every annotator who met either wrote the syllables apart."""
    from kg.resolve.written import as_written
    from kg.types import Entity, Mention

    entities = {"kim": Entity("kim", "Kim Jong Un", "PER", None), "choe": Entity("choe", "Choe Son-hui", "PER", None)}
    links = [(Mention("Kim Jong-un", "PER", 0, 11, 0, "ner"), "kim"),
             (Mention("Choe Son Hui", "PER", 20, 32, 0, "ner"), "choe")]
    assert as_written(entities, links) == {"choe": "Choe Son Hui"}


def test_a_family_article_written_apart_keeps_the_reference_hyphen() -> None:
    """"Ahmed Al Sharaa" written for the listed "Ahmed al-Sharaa" is recorded as the reference: the hyphen glues an
    article, not syllables ("Kim Jong-un" still yields to "Kim Jong Un")."""
    from kg.resolve.written import as_written
    from kg.types import Entity, Mention

    entities = {"sharaa": Entity("sharaa", "Ahmed al-Sharaa", "PER", None), "kim": Entity("kim", "Kim Jong Un", "PER", None)}
    links = [(Mention("Ahmed Al Sharaa", "PER", 0, 15, 0, "ner"), "sharaa"),
             (Mention("Kim Jong-un", "PER", 30, 41, 0, "ner"), "kim")]
    assert as_written(entities, links) == {}


def test_a_family_article_in_the_other_vowel_keeps_the_reference_name() -> None:
    """"Abdel Fattah al-Sisi" written for the listed "Abdel Fattah el-Sisi" is recorded as the reference: "al" and
    "el" are one Arabic article, and annotators keep the reference one; another name stays as written."""
    from kg.resolve.written import as_written
    from kg.types import Entity, Mention

    entities = {"sisi": Entity("sisi", "Abdel Fattah el-Sisi", "PER", None),
                "nebenzya": Entity("nebenzya", "Vasily Nebenzya", "PER", None)}
    links = [(Mention("Abdel Fattah al-Sisi", "PER", 0, 20, 0, "ner"), "sisi"),
             (Mention("Vassily Nebenzia", "PER", 40, 56, 0, "ner"), "nebenzya")]
    assert as_written(entities, links) == {"nebenzya": "Vassily Nebenzia"}


def test_a_generational_suffix_is_matched_to_the_reference_name() -> None:
    """"Ferdinand Marcos Jr" written for the listed "Ferdinand Marcos Jr." keeps the listed name; "Gilberto Teodoro
    Jr." written for a person listed without the suffix is recorded as the reference, as every annotator who met
    him wrote (session 63: check +3, val +7 over recording the suffix)."""
    from kg.resolve.written import as_written
    from kg.types import Entity, Mention

    entities = {"teodoro": Entity("teodoro", "Gilberto Teodoro", "PER", None),
                "marcos": Entity("marcos", "Ferdinand Marcos Jr.", "PER", None)}
    links = [(Mention("Gilberto Teodoro Jr.", "PER", 0, 20, 0, "ner"), "teodoro"),
             (Mention("Ferdinand Marcos Jr", "PER", 40, 59, 0, "ner"), "marcos")]
    assert as_written(entities, links) == {}


def test_a_brand_written_in_camel_case_is_found_though_it_opens_in_lower_case() -> None:
    """"kumparanNEWS - …" opens an article as its outlet's name; the plain lower-case word ("kumparan") is not sought."""
    from kg.resolve import gazetteer

    found = [key for _, _, key in gazetteer().find("kumparanNEWS - Ukraina membuka jalan")]
    assert found[0] == "kumparan"
    assert "kumparan" not in [key for _, _, key in gazetteer().find("para jurnalis kumparan menulis")]


def test_letters_typed_plainly_that_unicode_does_not_decompose_keep_the_reference_name() -> None:
    """"Radoslaw Sikorski" is "Radosław Sikorski" typed plainly, as "Erdogan" is "Erdoğan": ł (like ø, đ and ı)
    has no combining mark to drop, yet the record keeps the reference spelling, as for any accent; a name that
    differs otherwise ("Vassily Nebenzia") stays as written."""
    from kg.resolve.written import as_written
    from kg.types import Entity, Mention

    entities = {"sikorski": Entity("sikorski", "Radosław Sikorski", "PER", None),
                "nebenzya": Entity("nebenzya", "Vasily Nebenzya", "PER", None)}
    links = [(Mention("Radoslaw Sikorski", "PER", 0, 17, 0, "ner"), "sikorski"),
             (Mention("Vassily Nebenzia", "PER", 40, 56, 0, "ner"), "nebenzya")]
    written = as_written(entities, links)
    assert "sikorski" not in written
    assert written["nebenzya"] == "Vassily Nebenzia"


def test_a_surname_with_its_suffix_names_the_person_less_than_fully() -> None:
    """"Trump Jr" written for the listed "Donald Trump Jr." leaves out the first name (the suffix's period aside): the
    record keeps the reference name, as it does for a lone surname."""
    from kg.resolve.written import as_written
    from kg.types import Entity, Mention

    entities = {"jr": Entity("jr", "Donald Trump Jr.", "PER", None)}
    links = [(Mention("Trump Jr", "PER", 0, 8, 0, "ner"), "jr")]
    assert as_written(entities, links) == {}
