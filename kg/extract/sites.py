"""Where an attack happened, told as the word after its noun.

"Serangan Mumbai", "pengeboman Istanbul", "penembakan Paris itu": after an attack noun a city is the place the
attack happened, not who made it, where the city is written as a city (a place that lies in a state), and no
target follows ("serangan Moskow ke Kyiv": Moscow attacks). A state after the noun ("serangan Israel") is the
attacker as before.
"""

from __future__ import annotations

from kg.cues import NOUN, word_is
from kg.resolve.lookup import gazetteer
from kg.units import Unit

_QUALIFIERS = 2  # plain nouns between the attack noun and the city ("serangan teror Mumbai", "serangan bom bunuh diri X")


def attack_site(units: list[Unit], j: int) -> bool:
    """Whether the GPE at ``j`` only names where an attack noun before it happened."""
    u = units[j]
    if u.etype != "GPE" or u.prep or u.paren or u.group:
        return False
    key = gazetteer().lookup(u.text)
    e = gazetteer().entries.get(key) if key else None
    if e is None or e.type != "GPE" or e.located_in is None:
        return False  # a state, or a place the gazetteer does not set in one
    k = j - 1
    while k >= max(0, j - 1 - _QUALIFIERS) and not _attack_noun(units[k]) and \
            (units[k].is_weapon or not units[k].etype and units[k].is_noun()):
        k -= 1  # past "bom", "teror", "bunuh diri"
    if k < 0 or not _attack_noun(units[k]):
        return False
    n = j + 1
    return not (n < len(units) and not units[n].etype and word_is(units[n].low, "TargetPrep", "GoalPrep"))


def _attack_noun(u: Unit) -> bool:
    """A noun of attack or of harm done ("serangan", "pengeboman", "penembakan")."""
    return not u.etype and (u.cls.get("AttackCue") == NOUN or "HarmNoun" in u.cls)
