"""A family name the gazetteer's match left behind: "[Pangeran Faisal bin Farhan] Al Saud" is one person."""

from __future__ import annotations

from kg.cues import cues
from kg.types import Mention


def without_family_tails(kept: list[tuple[Mention, str | None]], text: str) -> list[tuple[Mention, str | None]]:
    """Drop a person span no entry explains that opens with a family article ("Al Saud", "Al-Nahyan") and
    follows a known person with only a space between: the tail of that person's name, which the gazetteer
    matched without it, not a second person ("Pangeran Faisal bin Farhan Al Saud")."""
    c = cues()
    out: list[tuple[Mention, str | None]] = []
    for m, k in kept:
        prev = out[-1] if out else None
        first = m.text.split()[0].split("-")[0] if m.text.split() else ""
        if prev is not None and k is None and m.type == "PER" and prev[1] is not None and prev[0].type == "PER" \
                and prev[0].sentence == m.sentence and text[prev[0].end:m.start] == " " \
                and "FamilyArticle" in c.classes(first.lower()):
            continue
        out.append((m, k))
    return out
