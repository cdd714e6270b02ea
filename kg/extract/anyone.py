"""A supply told to no one in particular: "negaranya tidak pernah mengirim senjata kepada pihak mana pun",
"tidak mempersenjatai pihak mana pun di Yaman". The recipient is anyone at all (kg:AnyQuantifier), so the
supply keeps no recipient: the article's other recipients are not meant, and a denial to anyone is a claim
of its own beside a supply to one party told elsewhere. So is a group the sentence leaves unnamed ("mengirim
senjata ke kelompok proksinya", "ke milisi sekutunya di Irak"): no party of the article is meant."""

from __future__ import annotations

from kg.extract.examples import states_noun
from kg.units import Unit


def to_anyone(units: list[Unit], after: int, hi: int, prep: bool = True) -> bool:
    """The phrase right after unit ``after`` is "(kepada/ke) N mana pun" or "(kepada) siapa pun" (with
    ``prep`` false, the object itself: "mempersenjatai pihak mana pun")."""
    k, plain = after + 1, 0
    while k < hi and not units[k].etype and (units[k].has("AnyQuantifier") or plain < 2 and _plain(units[k])):
        plain += _plain(units[k])  # "senjata apa pun kepada …", "senjata mematikan kepada …"
        k += max(units[k].span.get("AnyQuantifier", 1), 1) if units[k].has("AnyQuantifier") else 1
    if prep:
        if k >= hi or not units[k].has("RecipientPrep") or units[k].etype:
            return False
        k += 1
    if k < hi and units[k].has("GroupNoun") and not units[k].etype:
        return _unnamed(units, k, hi)
    if k + 1 < hi and units[k].has("Quantifier") and states_noun(units[k + 1]) or k < hi and "-" in units[k].text \
            and states_noun(units[k]):  # "ke sejumlah negara Afrika", "kepada negara-negara Teluk"
        return _unnamed(units, k + units[k].has("Quantifier"), hi, regions=True)
    for j in range(k, min(hi, k + 3)):
        u = units[j]
        if u.has("AnyQuantifier") and not u.etype:
            return True
        if u.etype or u.is_verb() or not u.text.isalpha():
            return False
    return False


def _unnamed(units: list[Unit], k: int, hi: int, regions: bool = False) -> bool:
    """The group noun at ``k`` names no one: no name follows it (a place after "di" only says where it is), and
    no demonstrative points back to a group told before ("kelompok itu"). With ``regions``, a region names
    which states but not one of them ("ke sejumlah negara Afrika", not "kepada negara Afrika tengah itu")."""
    for j in range(k + 1, min(hi, k + 5)):
        u = units[j]
        if regions and u.etype == "LOC":
            continue
        if u.etype:
            return units[j - 1].has("LocativePrep")
        if u.has("Demonstrative"):
            return False
        if u.is_verb() or not u.text.isalpha():
            return True  # (the phrase ends: "ke kelompok proksinya.", "ke milisi yang didukungnya")
    return True


def _plain(u: Unit) -> bool:
    """A lowercase word with no cue class: a modifier of the weapon ("senjata mematikan")."""
    return not u.cls and u.text.isalpha() and u.text.islower()
