"""Marks put back on the names of unlisted persons (kg/resolve/accents.py, ontology/accents.ttl). Every name here
is invented."""

from __future__ import annotations

from kg.resolve.accents import accent_persons, accents, plain, restored
from kg.resolve.lookup import gazetteer
from kg.types import Entity


def test_plain_strips_every_mark() -> None:
    assert plain("Yılmaz Öztürk") == "Yilmaz Ozturk"
    assert plain("Łukasz Wiśniewski") == "Lukasz Wisniewski"
    assert plain("Søren Kjærsgaard") == "Soren Kjaersgaard"


def test_words_marked_for_anyone() -> None:
    assert restored("Gokhan Yildiz") == "Gökhan Yıldız"
    assert restored("Carlos Gutierrez") == "Carlos Gutiérrez"
    assert restored("Mamadou Toure") == "Mamadou Touré"
    assert restored("Laszlo Kovacs") == "László Kovács"
    assert restored("Miguel Diaz-Canel") == "Miguel Díaz-Canel"  # each part of a hyphenated name
    assert restored("Orsolya Djordjevic") == "Orsolya Đorđević"  # Đ written "Dj"


def test_case_and_unknown_words_kept() -> None:
    assert restored("GOKHAN Bratt") == "GÖKHAN Bratt"
    assert restored("Zenthar Quillon") == "Zenthar Quillon"


def test_marked_text_never_touched() -> None:
    assert restored("Gokhan Yıldız") == "Gokhan Yıldız"  # the text marks a letter: its spelling stands


def test_state_decides_a_word_of_two_languages() -> None:
    assert restored("Bjorn Tallak") == "Björn Tallak"  # a German and Swedish spelling, no other for anyone
    assert restored("Bjorn Tallak", {"norway"}) == "Bjørn Tallak"
    assert restored("Jose Tallak") == "Jose Tallak"  # José only for a person of a Spanish-speaking state
    assert restored("Jose Ramirez", {"mexico"}) == "José Ramírez"
    assert restored("Jose Ramirez", {"philippines"}) == "Jose Ramirez"  # known to serve a state that writes it plain


def test_the_name_tells_its_language() -> None:
    assert restored("Jose Ramirez") == "José Ramírez"  # Ramírez is Spanish: so is José
    assert restored("Omer Ozkan") == "Ömer Özkan"
    assert restored("Ivica Dacic") == "Ivica Dačić"
    assert restored("Bjorn Yilmaz") == "Björn Yılmaz"  # two languages: each word for itself


def test_endings_need_the_state() -> None:
    assert restored("Dragan Markovic") == "Dragan Markovic"
    assert restored("Dragan Markovic", {"serbia"}) == "Dragan Marković"
    assert restored("Kemal Yazicioglu", {"turkey"}) == "Kemal Yazicioğlu"
    assert restored("Petra Hrubova", {"czech_republic"}) == "Petra Hrubová"
    assert restored("Adam Borinski", {"poland"}) == "Adam Boriński"
    assert restored("Chris Borinski", {"united_states"}) == "Chris Borinski"


def test_every_language_names_known_states() -> None:
    gaz = gazetteer()
    for lang, states in accents().states.items():
        assert states, lang
        for state in states:
            assert state in gaz.entries and gaz.entries[state].type == "GPE", (lang, state)


def test_accent_persons_reads_roles_and_spares_the_listed() -> None:
    listed = next(k for k, e in gazetteer().entries.items() if e.type == "PER" and e.canonical.isascii())
    entities = {
        "dragan_markovic": Entity("dragan_markovic", "Dragan Markovic", "PER"),
        "serbia": Entity("serbia", "Serbia", "GPE"),
        "gokhan_yildiz": Entity("gokhan_yildiz", "Gokhan Yildiz", "ORG"),  # not a person
        listed: Entity(listed, gazetteer().entries[listed].canonical, "PER"),
    }
    before = dict(entities)
    accent_persons(entities, [("dragan_markovic", "serbia")])
    assert entities["dragan_markovic"].canonical == "Dragan Marković"
    assert entities["gokhan_yildiz"] == before["gokhan_yildiz"]
    assert entities[listed] == before[listed]


def test_role_in_an_unlisted_body_gives_its_state() -> None:
    entities = {
        "milan_petrovic": Entity("milan_petrovic", "Milan Petrovic", "PER"),
        "ministry_of_defence_of_serbia": Entity("ministry_of_defence_of_serbia", "Ministry of Defence of Serbia", "ORG"),
    }
    accent_persons(entities, [("milan_petrovic", "ministry_of_defence_of_serbia")])
    assert entities["milan_petrovic"].canonical == "Milan Petrović"


def test_state_named_before_the_name() -> None:
    from kg.resolve.accents import titled_states
    from kg.types import Mention

    text = "Presiden Serbia Dragan Markovic tiba. Ia bertemu Milan Petrovic di Serbia, Zoran Ilic."
    links = [(Mention("Serbia", "GPE", 9, 15, 0, "gazetteer"), "serbia"),
             (Mention("Dragan Markovic", "PER", 16, 31, 0, "ner"), "dragan_markovic"),
             (Mention("Milan Petrovic", "PER", 49, 63, 1, "ner"), "milan_petrovic"),
             (Mention("Serbia", "GPE", 67, 73, 1, "gazetteer"), "serbia"),
             (Mention("Zoran Ilic", "PER", 75, 85, 1, "ner"), "zoran_ilic")]
    assert titled_states(links, text) == {"dragan_markovic": {"serbia"}}  # a comma between: no title
    entities = {"dragan_markovic": Entity("dragan_markovic", "Dragan Markovic", "PER")}
    accent_persons(entities, [], titled_states(links, text))
    assert entities["dragan_markovic"].canonical == "Dragan Marković"
