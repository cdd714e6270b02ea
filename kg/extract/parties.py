"""Which entities a unit stands for, and whose side they are on: coordination, "pemerintahan Biden"
as its state, a person's state or body, outlets that report but do not claim."""

from __future__ import annotations

from kg.extract.context import State
from kg.resolve import gazetteer


def as_state(keys: tuple[str, ...], state: State) -> tuple[str, ...]:
    """People and cities do not supply or receive arms themselves: their state or body does."""
    gaz = gazetteer()
    out = []
    for k in keys:
        e = state.entities.get(k)
        if e is not None and e.type == "PER":
            k = home_of(k, state) or k
        elif e is not None and e.type in ("GPE", "LOC"):
            k = gaz.state_of(k) or k  # "ke Tel Aviv": a city receives for its state
        if k not in out:
            out.append(k)
    return tuple(out)


def side(key: str, state: State) -> set[str]:
    """A speaker's own side: the body or state they speak for (a minister does not accuse his country)."""
    gaz = gazetteer()
    side = {key}
    home = home_of(key, state)
    if home:
        side.add(home)
        side.add(gaz.state_of(home) or home)
    return side


def outlet(key: str) -> bool:
    e = gazetteer().entries.get(key)
    return e is not None and e.outlet


def home_of(person: str, state: State) -> str | None:
    """The organisation or state a person belongs to: the role the article gave them comes first, the
    gazetteer only knows who they usually are."""
    gaz = gazetteer()
    return state.role_org.get(person) or (gaz.entries[person].affiliation if person in gaz.entries else None)
