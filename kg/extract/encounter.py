"""What meetings and visits both read: a talk by phone or video is neither, and receiving is a meeting only
when a person is received."""

from __future__ import annotations

from kg.extract.clause import after_titles, clause_left, clause_right
from kg.units import Unit


def remote(units: list[Unit], i: int) -> bool:
    """Whether the clause of unit ``i`` tells a talk by phone or video (kg:RemoteCue): no meeting, no visit."""
    return any("RemoteCue" in v.cls for v in units[clause_left(units, i):clause_right(units, i)])


def person_next(units: list[Unit], i: int) -> bool:
    """Whether a person (after any title) is the very next phrase after unit ``i``: "menerima Presiden
    Putin" is a meeting, "menerima telepon dari Putin" and "menerima drone" are not."""
    k = after_titles(units, i + 1)
    if k > i + 1 and k + 1 < len(units) and units[k].text == ",":
        k = after_titles(units, k + 1)  # "menerima kunjungan Menhan Australia, Richard Marles": title, comma, name
    return k < len(units) and units[k].etype == "PER"
