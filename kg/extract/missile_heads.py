"""The head noun a named air-defence system is written with: "rudal Patriot", "sistem rudal S-400" name the
system's missiles (head concept: missile), as the reports' readers and annotators do; "sistem pertahanan udara
S-400" and "rudal pertahanan udara S-400" keep the air-defence system."""

from __future__ import annotations

from kg.extract.context import State
from kg.resolve import slug
from kg.types import Entity
from kg.units import Unit
from kg.weapons import WeaponConcept, lexicon

#: concept keys of ontology/weapons.ttl: the head of air-defence systems and the plain missile word
_AIR_DEFENCE, _MISSILE = "air_defence_system", "missile"


def missile_named(units: list[Unit], k: int, state: State) -> str | None:
    """The entity of "<name> missile system" when weapon unit ``k`` is an air-defence system whose words open
    with a plain missile word (nothing but it before the name: "rudal", "sistem rudal"), made on first use;
    else None."""
    u, lex = units[k], lexicon()
    if not u.key or u.key not in lex.concepts or lex.head(u.key) != _AIR_DEFENCE or u.key == _AIR_DEFENCE:
        return None
    if k > 0 and units[k - 1].is_weapon:
        return None  # "sistem pertahanan udara rudal S-400": the system is named first
    words = u.text.split()
    for j in range(len(words) - 1, 0, -1):  # the generic words before the name: the longest prefix they end
        prefix = " ".join(words[:j])
        found = lex.find(prefix)
        if found and found[-1][1] == len(prefix):
            break
    else:
        return None
    if any(key != _MISSILE for _, _, key in found):
        return None  # "sistem rudal pertahanan udara Barak-8": an air-defence missile names the system
    name, head = lex.concepts[u.key].canonical, lex.concepts[_AIR_DEFENCE].canonical
    name = name[:-len(head)].strip() if name.endswith(head) else name
    canonical = f"{name} {lex.concepts[_MISSILE].canonical} system"
    key = slug(canonical)
    state.entities.setdefault(key, Entity(key, canonical, "WEAPON"))
    # a concept of its own below missile, made where the system is (its maker still names the implied supplier)
    lex.concepts.setdefault(key, WeaponConcept(key, canonical, _MISSILE, lex.concepts[u.key].maker))
    return key
