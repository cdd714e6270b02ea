"""Parts of weapons: "komponen drone" is supplied as drone components, "teknologi rudal" is no weapon."""

from __future__ import annotations

from kg.cues import cues, word_is
from kg.extract.clause import prev_unit
from kg.extract.context import State
from kg.extract.missile_heads import missile_named
from kg.resolve import slug
from kg.types import Entity
from kg.units import Unit


def part_key(units: list[Unit], k: int, state: State) -> str | None:
    """The entity of a weapon's parts ("komponen drone", "suku cadang helikopter": kg:PartNoun), made
    on first use and named by the part's template; None when no part noun stands before weapon ``k``."""
    j = k - 1
    while j >= 0 and j >= k - 2 and not units[j].has("PartNoun"):
        j -= 1
    if j >= 0 and units[j].has("PartNoun") and j + units[j].span.get("PartNoun", 1) == k:
        end = k
    else:
        j, end = _parts_for(units, k)
        if j is None:
            return None
    template = cues().part_templates.get(" ".join(v.low for v in units[j:end]))
    weapon = state.entities.get(units[k].key or "")
    if template is None or weapon is None:
        return None
    canonical = template.format(weapon=weapon.canonical)
    key = slug(canonical)
    state.entities.setdefault(key, Entity(key, canonical, "WEAPON"))
    return key


def _parts_for(units: list[Unit], k: int) -> tuple[int | None, int]:
    """"suku cadang dan dukungan untuk jet dan radar F-16", "komponen untuk drone": a part noun a few words
    before "untuk" and the weapon (or the list of weapons it opens); (part noun, its end) or (None, 0)."""
    m = k - 1
    while m >= 0 and (units[m].is_weapon or units[m].has("Conjunction") or units[m].text == ","
                      or m > 0 and not units[m].etype and not units[m].cls and units[m - 1].has("Conjunction")):
        m -= 1  # back over the weapons listed before this one ("jet dan radar F-16")
    if m < 1 or not (units[m].has("PurposeConj") and units[m].has("RecipientPrep")):
        return None, 0
    for j in range(m - 1, max(-1, m - 5), -1):
        if units[j].has("PartNoun"):
            return j, j + units[j].span.get("PartNoun", 1)
        if units[j].etype or units[j].is_verb():
            break
    return None, 0


def component(units: list[Unit], k: int) -> bool:
    """"komponen drone", "teknologi rudal": parts and know-how are not the weapon."""
    p = prev_unit(units, k)
    # (or a phrase of two or three words ending right before it: "bahan baku rudal", "sistem penyelamatan kapal selam")
    return p is not None and (p.has("ComponentNoun") or any(
        units[m].span.get("ComponentNoun", 1) == p.i + 1 - m and units[m].has("ComponentNoun")
        for m in range(max(0, p.i - 2), p.i)))


def weapon_key(units: list[Unit], k: int, state: State) -> str | None:
    """What weapon unit ``k`` supplies: its parts' entity after a part noun ("komponen drone"), nothing
    after another component noun ("teknologi rudal"), else the weapon itself."""
    part = part_key(units, k, state)
    if part is not None:
        return part
    if component(units, k) or _non_lethal(units, k) or _rounds_for(units, k):
        return None
    return missile_named(units, k, state) or units[k].key  # "rudal Patriot": the system's missiles


def _rounds_for(units: list[Unit], k: int) -> bool:
    """"peluru artileri howitzer", "amunisi tank": a weapon named right after rounds is the gun they are for,
    not a weapon supplied itself."""
    p = units[k - 1] if k > 0 else None
    return p is not None and p.is_weapon and word_is(p.low.split()[0] if p.low else None, "AmmunitionNoun")


def _non_lethal(units: list[Unit], k: int) -> bool:
    """"peralatan militer yang "tidak mematikan"", "perlengkapan militer non-mematikan": equipment said to be
    non-lethal is no weapon supplied."""
    m = k + 1
    while m < len(units) and m <= k + 3 and (units[m].has("Relativizer") or units[m].text in ('"', "“", "”", "'")):
        m += 1
    return m < len(units) and units[m].has("NonLethal")


def weapon_keys(units: list[Unit], widx: list[int], state: State) -> list[str]:
    """What the weapon units ``widx`` supply (:func:`weapon_key`), each once, in order."""
    return list(dict.fromkeys(w for k in widx if units[k].key and (w := weapon_key(units, k, state))))
