"""Title, outlet and publication date of an article (kg.dates, kg.meta): from the text, a sidecar file
or ``kg build --year``; month and day names come from ontology/time.ttl."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.dates import bound, calendar, publication_date
from kg.ingest import article_from_text, load

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.mark.parametrize(("text", "year", "expected"), [
    ("1 September 2023, 07:22 WIB\n\nPR TASIKMALAYA – Perang …", None, "2023-09-01"),
    ("Jakarta, Kamis, 31 Agustus 2023 14:09 WIB - Presiden …", None, "2023-08-31"),
    ("Para penasihat pada Kamis (14/9/2023) bereaksi.", None, "2023-09-14"),
    ("Diperbarui 14/09/2023 pukul 10.00", None, "2023-09-14"),
    # no year: a year the text names whose calendar agrees with the weekday (10 Feb 2023 was a Friday)
    ("Washington (ANTARA) - … pada Jumat (10/2).\n\nKorut menembakkan rudal pada 2022.\n\nCopyright © ANTARA 2023",
     None, "2023-02-10"),
    ("Amerika Serikat pada Rabu (17/1) memperingatkan …\n\nCOPYRIGHT © ANTARA 2024", None, "2024-01-17"),
    ("Kemlu pada Senin, 30 Desember menyatakan … 2024", None, "2024-12-30"),
    ("AS pada Jumat (10/2) memperingatkan …", None, None),  # no year anywhere: unknown
    ("AS pada Jumat (10/2) memperingatkan …", 2023, "2023-02-10"),  # kg build --year 2023
    ("AS pada Jumat (10/2) memperingatkan …", 2022, None),  # 10 Feb 2022 was a Thursday: not that year
    ("Pada 31 Februari 2023 …", None, None),  # no such day
    ("Berita tanpa tanggal sama sekali.", None, None),
])
def test_publication_dates(text: str, year: int | None, expected: str | None) -> None:
    assert publication_date(text, year=year) == expected


def test_calendar_words_are_ontology_data() -> None:
    cal = calendar()
    assert cal.months["agustus"] == cal.months["august"] == cal.months["agt"] == 8
    assert cal.weekdays["jumat"] == cal.weekdays["friday"] == 5 and len(set(cal.weekdays.values())) == 7


def test_the_seeds_get_their_dates_and_no_dateline_city_as_outlet() -> None:
    got = {p.name[:3]: load(p).article for p in sorted(SEEDS.glob("*.txt"))}
    assert {k: a.date for k, a in got.items()} == {"000": "2023-02-10", "001": None, "002": "2024-01-17",
                                                   "003": "2023-09-01", "004": "2023-09-14"}
    assert got["003"].outlet == "PR TASIKMALAYA" and got["000"].outlet == "ANTARA"
    assert got["004"].outlet is None and got["004"].source_line == "RUSIA"  # a dateline place, not an outlet
    assert got["002"].outlet == "ANTARA News Kalimantan Barat"  # the holder of the closing copyright line
    assert got["003"].title.startswith("Amerika Serikat Peringati Korea Utara")


@pytest.mark.parametrize("dateline", ["JAKARTA – ", "RUSIA - ", "KUALA LUMPUR — "])
def test_a_dateline_place_is_never_the_outlet(dateline: str) -> None:
    assert article_from_text(dateline + "Menteri Luar Negeri membantah tuduhan itu.").outlet is None


def test_a_sidecar_gives_title_outlet_and_date(tmp_path: Path) -> None:
    src = (SEEDS / "001_a39adbfaad0e280e.txt").read_text(encoding="utf-8")
    path = tmp_path / "a.txt"
    path.write_text(src, encoding="utf-8")
    assert load(path).article.date is None
    (tmp_path / "a.meta.json").write_text(json.dumps(
        {"title": "Rusia dan Korut kian dekat", "publisher": "Tempo", "date": "2023-09-05"}), encoding="utf-8")
    art = load(path).article
    assert (art.title, art.outlet, art.date) == ("Rusia dan Korut kian dekat", "Tempo", "2023-09-05")
    (tmp_path / "a.meta.json").write_text("{not json", encoding="utf-8")
    res = load(path)
    assert res.article is not None and "a.meta.json ignored" in res.message


def test_year_reaches_relative_dates_through_load(tmp_path: Path) -> None:
    path = tmp_path / "b.txt"
    path.write_text("Jakarta (ANTARA) - Kementerian Luar Negeri pada Jumat (10/2) membantah tuduhan itu. "
                    "Pernyataan disampaikan di Jakarta.\n", encoding="utf-8")
    assert load(path).article.date is None
    assert load(path, year=2023).article.date == "2023-02-10"


def test_bounds_of_a_period() -> None:
    assert bound("2023") == "2023-01-01" and bound("2023", end=True) == "2023-12-31"
    assert bound("2024-02", end=True) == "2024-02-29" and bound("14 September 2023") == "2023-09-14"
    with pytest.raises(ValueError, match="not a date"):
        bound("yesterday")


@pytest.mark.parametrize(("sentence", "published", "expected"), [
    ("Korut menembakkan 69 rudal balistik pada 2022.", "2023-02-10", (None, "2022")),
    ("Kemlu pada 30 Desember menyatakan keberatan.", "2024-01-17", ("2023-12-30", None)),  # the year before
    ("AS pada Rabu (17/1) memperingatkan Korut.", "2024-01-17", ("2024-01-17", None)),
    ("Wagner memakai roket itu pada tahun lalu.", "2023-09-14", (None, "2022")),
    ("Kim tiba pada 12 September 2023 di Vladivostok.", None, ("2023-09-12", None)),
    ("Resolusi 2270 melarang ekspor senjata Korut.", "2023-09-14", (None, None)),  # a number, not a year
    ("Rusia membantah tuduhan itu.", "2023-09-14", (None, None)),
])
def test_event_dates_of_a_sentence(sentence: str, published: str | None, expected: tuple) -> None:
    from kg.dates import event_date

    assert event_date(sentence, published) == expected


def test_statements_carry_the_date_their_sentence_names() -> None:
    from samples import make_extraction

    from kg import rdf
    from kg.vocab import KG, XSD

    quads = rdf.article_quads(make_extraction())  # "… mengatakan pada 10 Februari 2023 bahwa Korea Utara …"
    dates = {q.subject.value: q.object for q in quads if q.predicate.value == KG + "eventDate"}
    supply = next(q.subject.value for q in quads if q.predicate.value == KG + "relationType" and
                  q.object.value == "supplies")
    assert dates[supply].value == "2023-02-10" and dates[supply].datatype.value == XSD + "date"
    assert rdf.validate(quads).conforms


@pytest.mark.parametrize(("opening", "line", "outlet"), [
    ("GENEWA, KOMPAS.com - ", "GENEWA, KOMPAS.com", "KOMPAS.com"),
    ("Jakarta, CNN Indonesia -- ", "Jakarta, CNN Indonesia", "CNN Indonesia"),
    ("Liputan6.com, Washington, DC - ", "Liputan6.com, Washington, DC", "Liputan6.com"),
    ("Rusia, Korut - ", None, None),  # no outlet after the comma: no dateline
    ("WASHINGTON---", "WASHINGTON", None),  # a place in capitals, the dashes typed without spaces
    ("NATO-", None, None),  # one hyphen glued to the next word: no dateline
    ("INDOSatu.co – JAKARTA – ", "INDOSatu.co – JAKARTA", "INDOSatu.co"),  # an outlet, then its place in capitals
    ("Moslemtoday.com : ", "Moslemtoday.com :", "Moslemtoday.com"),  # a web address, then a colon
    ("InfoMigas.id – Beijing | ", "InfoMigas.id – Beijing |", "InfoMigas.id"),  # a place barred off after the outlet
    ("NEW DELHI, detikNews -- ", "NEW DELHI, detikNews", "detikNews"),  # an outlet written in lower case first
    ("KYIV, 12 Maret (ANTARA) - ", "KYIV, 12 Maret (ANTARA)", "ANTARA"),  # a date between the place and the agency
    ("Rusia, korut - ", None, None),  # lower case after the comma, no outlet: still no dateline
    ("Jakarta - ", "Jakarta", None),  # a place alone before the dash, as Detik writes it
    ("Kuala Lumpur – ", "Kuala Lumpur", None),
])
def test_a_place_then_an_outlet_is_a_dateline(opening: str, line: str | None, outlet: str | None) -> None:
    art = article_from_text(opening + "Menteri Luar Negeri membantah tuduhan itu.")
    assert (art.source_line, art.outlet) == (line, outlet)


def test_a_headline_with_a_dash_is_no_dateline() -> None:
    art = article_from_text("Iran - AS Sepakat Lanjutkan Perundingan\n\nMuscat - Delegasi kedua negara bertemu lagi.")
    assert art.source_line == "Muscat"  # the first line is the headline; the body's opening is the dateline
    art = article_from_text("Iran - AS Sepakat Lanjutkan Perundingan Nuklir di Oman Pekan Depan")
    assert art.source_line is None

