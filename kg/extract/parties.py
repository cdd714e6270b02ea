"""Which entities a unit stands for, and whose side they are on: coordination, "pemerintahan Biden"
as its state, a person's state or body, outlets that report but do not claim."""

from __future__ import annotations

from kg.extract.context import State
from kg.resolve import gazetteer


def as_state(keys: tuple[str, ...], state: State) -> tuple[str, ...]:
    """People do not supply or receive arms themselves: their state or body does."""
    gaz = gazetteer()
    out = []
    for k in keys:
        e = state.entities.get(k)
        if e is not None and e.type == "PER":
            k = state.role_org.get(k) or (gaz.entries[k].affiliation if k in gaz.entries else None) or k
        if k not in out:
            out.append(k)
    return tuple(out)


def side(key: str, state: State) -> set[str]:
    """A speaker's own side: the body or state they speak for (a minister does not accuse his country)."""
    gaz = gazetteer()
    side = {key}
    # the role the article gives comes first; the gazetteer only knows who they usually are
    home = state.role_org.get(key) or (gaz.entries[key].affiliation if key in gaz.entries else None)
    if home:
        side.add(home)
        side.add(gaz.state_of(home) or home)
    return side


def outlet(key: str) -> bool:
    e = gazetteer().entries.get(key)
    return e is not None and e.outlet
