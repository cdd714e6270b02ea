"""Spans of time inside a clause: "selama tiga hari" measures the event, it opens no subordinate clause."""

from __future__ import annotations

from kg.units import Unit

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
