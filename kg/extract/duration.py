"""Spans of time inside a clause: "selama tiga hari" measures the event, it opens no subordinate clause."""

from __future__ import annotations

from kg.extract.heads import apposition_end
from kg.units import STOP_PUNCT, Unit

MAX_COUNT = 2  # words of a count between the subordinator and its unit of time ("selama dua puluh hari")


def duration_end(units: list[Unit], j: int) -> int | None:
    """Where a span of time opened at ``j`` by kg:DurationPrep ends, if it is one ("selama 2 hari",
    "selama tiga pekan", "selama sepekan", "selama berbulan-bulan"): the index after its unit of time (kg:TimeUnit),
    the count before it written in digits or kg:NumberWord. None for a subordinator that opens a clause
    ("selama X berada di Moskow")."""
    if not units[j].has("DurationPrep"):
        return None
    k = j + 1
    while k < len(units) and k <= j + MAX_COUNT and not units[k].etype and \
            (units[k].text[:1].isdigit() or units[k].has("NumberWord")):
        k += 1
    if k < len(units) and not units[k].etype and units[k].has("TimeUnit") and units[k].quote == units[j].quote:
        return k + 1
    return None


def time_after(units: list[Unit], k: int) -> bool:
    """Whether the words from ``k`` on, right after a preposition, tell a time: a date ("pada 28 Maret 2024") or
    a count of a unit of time ("dalam beberapa hari terakhir"), not another phrase of the clause."""
    u = units[k]
    return u.text[:1].isdigit() or u.has("CalendarWord") or \
        u.has("NumberWord") and k + 1 < len(units) and units[k + 1].has("TimeUnit")


def time_adjunct(units: list[Unit], j: int, i: int) -> bool:
    """"Moskow [selama berbulan-bulan] membantah", "Iran [sejak 2019] memasok", "Seoul dan Washington, dua pendiri
    MSMT, [sejak lama] menuduh": a subordinator right after the subject (or after an apposition set off after it)
    that opens no clause of its own (no verb, actor or comma before ``i``) but a time adverbial."""
    if j == 0 or i <= j + 1 or units[j].text in STOP_PUNCT or \
            not (units[j - 1].is_actor or apposition_end(units, j - 1) or _group_conjunct(units, j - 1)) or \
            "ClauseBoundary" not in units[j].cls or "ConditionalConj" in units[j].cls:
        return False  # (not "Prabowo saat berkunjung ke …": a clause whose subject is left out)
    return all(not (v.is_actor or v.text in STOP_PUNCT or v.text == "," or v.is_verb()) for v in units[j + 1:i])


def _group_conjunct(units: list[Unit], k: int) -> bool:
    """Whether the words ending at ``k`` are an unnamed group coordinated after an actor ("AS dan [negara-negara
    Barat] selama bertahun-tahun menuduh"): a short run of plain words, no verb, right after a conjunction."""
    m = k
    while m > 0 and k - m < 3 and not units[m].etype and not units[m].is_verb() and not units[m].has("Conjunction") \
            and units[m].text not in STOP_PUNCT and units[m].text != ",":
        m -= 1
    return m < k and m > 0 and units[m].has("Conjunction") and not units[m].etype and units[m - 1].is_actor


def before_date(units: list[Unit], k: int, lo: int) -> int:
    """Where the unit before a date adverbial that ends at ``k`` stands ("…, dan [pada Maret lalu] kembali menolak",
    "dan [pada 2 Mei] menuduh"), walking back over its words, adverbs among them, to its preposition; ``k`` where
    the words there tell no date. Lets a coordinated verb find the conjunction before the date."""
    m = k
    while m > lo and not units[m].etype and (units[m].text[:1].isdigit() or units[m].text == "/" or
                                             units[m].has("CalendarWord", "FunctionWord", "TimeUnit")):
        m -= 1
    if m == k or units[m].etype or not units[m].has("Preposition") or not time_after(units, m + 1):
        return k
    return m - 1
