"""Parts of weapons: "komponen drone" is supplied as drone components, "teknologi rudal" is no weapon."""

from __future__ import annotations

from kg.cues import cues
from kg.extract.clause import prev_unit
from kg.extract.context import State
from kg.resolve import slug
from kg.types import Entity
from kg.units import Unit


def part_key(units: list[Unit], k: int, state: State) -> str | None:
    """The entity of a weapon's parts ("komponen drone", "suku cadang helikopter": kg:PartNoun), made
    on first use and named by the part's template; None when no part noun stands before weapon ``k``."""
    j = k - 1
    while j >= 0 and j >= k - 2 and not units[j].has("PartNoun"):
        j -= 1
    if j < 0 or not units[j].has("PartNoun") or j + units[j].span.get("PartNoun", 1) != k:
        return None
    template = cues().part_templates.get(" ".join(v.low for v in units[j:k]))
    weapon = state.entities.get(units[k].key or "")
    if template is None or weapon is None:
        return None
    canonical = template.format(weapon=weapon.canonical)
    key = slug(canonical)
    state.entities.setdefault(key, Entity(key, canonical, "WEAPON"))
    return key


def component(units: list[Unit], k: int) -> bool:
    """"komponen drone", "teknologi rudal": parts and know-how are not the weapon."""
    p = prev_unit(units, k)
    return p is not None and p.has("ComponentNoun")


def weapon_key(units: list[Unit], k: int, state: State) -> str | None:
    """What weapon unit ``k`` supplies: its parts' entity after a part noun ("komponen drone"), nothing
    after another component noun ("teknologi rudal"), else the weapon itself."""
    part = part_key(units, k, state)
    if part is not None:
        return part
    return None if component(units, k) else units[k].key


def weapon_keys(units: list[Unit], widx: list[int], state: State) -> list[str]:
    """What the weapon units ``widx`` supply (:func:`weapon_key`), each once, in order."""
    return list(dict.fromkeys(w for k in widx if units[k].key and (w := weapon_key(units, k, state))))
