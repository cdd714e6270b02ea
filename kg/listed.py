"""What may stand after a listed member of a coordination and go with it, so the list goes on past it (used by
``kg.unitize`` when it joins "A, B dan C"): a spouse named by no name, the state a person is from, a title set off
after a person's name, a relative clause that only says where a party sits."""

from __future__ import annotations

from kg.cues import VERB_VOICES
from kg.units import STOP_PUNCT, Unit


def past_bare_spouse(units: list[Unit], k: int) -> int:
    """"PM A beserta istri, PM B beserta istri, dan Raja C": a spouse named by no name after a listed person
    goes with that person and the list goes on past it; the unit after the spouse noun, else ``k``. Not
    where the spouse's own name follows ("beserta istri, Iriana, …")."""
    u = units[k] if k < len(units) else None
    if u is None or not ("CompanionPrep" in u.cls or "Conjunction" in u.cls):
        return k
    s = k + u.span.get("CompanionPrep" if "CompanionPrep" in u.cls else "Conjunction", 1)
    if s + 1 >= len(units) or "SpouseNoun" not in units[s].cls or units[s].etype:
        return k
    after = units[s + 1]
    if not (after.text == "," or "Conjunction" in after.cls):
        return k
    if after.text == "," and s + 2 < len(units) and units[s + 2].etype == "PER":
        return k  # the spouse's name in apposition
    return s + 1


def past_origin(units: list[Unit], k: int) -> int:
    """"Presiden A dari Peru, Perdana Menteri B dari Australia, dan …", "A dan B dari Partai Republik serta C …":
    the state or party a listed person is from, told after the name, goes with that person and the list goes on
    past it; the unit after the state or party, else ``k``."""
    if k + 2 < len(units) and "SourcePrep" in units[k].cls and units[k + 1].etype in ("GPE", "ORG") and \
            not units[k + 1].group and (units[k + 2].text == "," or "Conjunction" in units[k + 2].cls):
        return k + 2
    return k


def past_located(units: list[Unit], k: int) -> int:
    """"A, B yang berbasis di Shenzhen, serta C": a relative clause that only says where a listed party sits goes
    with that party and the list goes on past it; the comma that closes it, else ``k``."""
    if k >= len(units) or "Relativizer" not in units[k].cls:
        return k
    for m in range(k + 1, min(len(units), k + 8)):
        u = units[m]
        if u.text == ",":
            return m if any(v.etype for v in units[k + 1:m]) else k
        if u.etype and not (u.etype in ("GPE", "LOC") and "LocativePrep" in units[m - 1].cls) or \
                u.text in STOP_PUNCT or not u.etype and not VERB_VOICES.isdisjoint(u.cls.values()):
            return k  # (a party, or a verb of the lexicon's: the clause tells something of its own)
    return k


def past_appositive_title(units: list[Unit], k: int) -> int:
    """"Gustavo Petro, Presiden Kolombia, dan Gabriel Boric, Presiden Chile, …", "A, mantan Kepala X; B, …", "A,
    sekretaris di Kementerian X, dan B": a title
    set off by commas after a listed person's name (words of a title, the state or body in it, and no name) goes with
    that person and the list goes on past it; the comma or semicolon that closes it, else ``k``."""
    t = k + 1 + (k + 2 < len(units) and "PersonNoun" in units[k + 1].cls and not units[k + 1].head_word)  # "mantan"
    if t + 1 >= len(units) or units[k].text != "," or not (units[t].head_word or "RoleTitle" in units[t].cls):
        return k
    for m in range(t + 1, min(len(units), t + 10)):
        u = units[m]
        if u.text in (",", ";"):  # (";" where the list's members are set off by semicolons)
            return m
        if u.etype == "PER" or u.text in STOP_PUNCT or not u.etype and not (
                u.head_word or u.text[:1].isupper() or "FunctionWord" in u.cls or "TitleQualifier" in u.cls
                or "Preposition" in u.cls and m + 1 < len(units) and units[m + 1].etype in ("GPE", "ORG")):
            return k  # (a name: the next member with its title before it; a verb or a word of its own: no title)
    return k
