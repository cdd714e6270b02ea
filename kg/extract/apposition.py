"""A body's or group's name set off after a description that names its owner: "dinas intelijen militer Rusia, GRU,
berada di balik …", "Dua komandan senior Houthi, A dan B, dikenai sanksi". The owner only says whose the described
party is; the name after the comma is the party, so the owner is read as bracketed (no party of the clause)."""

from __future__ import annotations

from kg.units import Unit


def mark_named_apposition(units: list[Unit]) -> None:
    """Mark the owner at the end of a lower-case description as bracketed where the name it describes follows
    between commas (or a comma and the clause's verb)."""
    n = len(units)
    for u in units:
        k = u.i
        if u.etype not in ("GPE", "ORG") or u.paren or u.title or k < 2 or k + 3 >= n:
            continue
        if u.group and u.group[-1] != k:
            continue  # (only after the last of a coordination: "pejabat Rusia dan Belarus, …" names no one)
        d = units[k - 1]
        if d.etype or not d.text.isalpha() or not d.text.islower() or d.is_verb() or d.has("Preposition"):
            continue  # not after a description ("… militer Rusia", "komandan senior Houthi")
        if units[k + 1].text != "," or not units[k + 2].is_actor or units[k + 2].etype not in ("PER", "ORG"):
            continue
        b = k - 1
        while b > 0 and not units[b - 1].etype and units[b - 1].text.isalpha() and units[b - 1].text.islower() \
                and not units[b - 1].has("Preposition", "ListIntro", "ExampleIntro") and not units[b - 1].is_verb():
            b -= 1  # the description's first word: after a preposition ("ke organisasi … Rusia, Wagner Group,") or a
        if b > 0 and units[b - 1].has("Preposition", "ListIntro", "ExampleIntro"):  # list's introducer, not here
            continue
        m = k + 2
        end = units[m].group[-1] if units[m].group else m
        if end + 2 < n and units[end + 1].text == "," and not units[end + 2].is_actor:
            u.paren = True  # (not a list going on: "antara lain A, B, C dan D")
