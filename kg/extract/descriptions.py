"""Definite descriptions closed by a demonstrative ("diplomat senior tersebut", "negara tetangganya itu", "pria berusia
68 tahun itu"): where such a phrase ends, so discourse, frames and the epithet rule read it as one mention of someone
already named."""

from __future__ import annotations

from kg.cues import stative_prefixed
from kg.units import STOP_PUNCT, Unit


def state_described(units: list[Unit], i: int) -> int | None:
    """Index of the demonstrative after a state noun at ``i``: next to it ("negara itu") or after qualifiers that name
    nothing ("negara tetangganya itu", "negeri gajah putih tersebut"; not "negara Skandinavia itu", another region), or
    past the region it lies in ("negara di Afrika Utara itu")."""
    if i + 1 < len(units) and units[i + 1].has("Demonstrative"):
        return i + 1
    if i + 3 < len(units) and units[i + 1].has("LocativePrep") and not units[i + 1].etype and \
            units[i + 2].etype == "LOC" and units[i + 3].has("Demonstrative"):
        return i + 3  # "negara di Afrika Utara itu": the state just named, placed in its region
    # ("negara berpenduduk sekitar 1,3 juta jiwa itu": a stative "ber-" verb and its figures)
    if (d := description_end(units, i, reach=3) or stative_description(units, i)) is None:
        return None
    return None if any(v.etype or v.has("StateNoun") for v in units[i + 1:d]) else d


def stative_description(units: list[Unit], i: int) -> int | None:
    """Index of the demonstrative closing a description told by a stative "ber-" verb and its figures ("negara
    berpenduduk sekitar 1,3 juta jiwa itu", "pria berusia 68 tahun itu"): words that name nothing between."""
    if i + 1 >= len(units) or not stative_prefixed(units[i + 1].low):
        return None
    d = next((k for k in range(i + 1, min(len(units), i + 8)) if units[k].has("Demonstrative")), None)
    return d if d is not None and all(not v.etype and not v.cls.keys() - _FIGURE_CLASSES and v.text not in STOP_PUNCT
                                      and v.text not in ",()" and (not v.is_verb() or stative_prefixed(v.low))
                                      for v in units[i + 1:d]) else None


_FIGURE_CLASSES = frozenset({"FunctionWord", "TimeUnit", "AnniversaryCue", "NumberWord"})  # ("68 tahun", "1,3 juta")


def description_end(units: list[Unit], i: int, reach: int = 4) -> int | None:
    """Index of the demonstrative, at most ``reach`` units on, that closes a description opened at ``i`` ("diplomat
    senior tersebut", "mantan Danjen Kopassus itu", "Ketua Umum Partai Gerindra itu"): only qualifiers and bodies'
    names between (no person, verb, punctuation, preposition or conjunction); None inside a title or after a name."""
    if i > 0 and (units[i - 1].etype or units[i - 1].has("RoleTitle", "PersonNoun", "SourceNoun")):
        return None
    for d in range(i + 1, min(len(units), i + reach + 1)):
        v = units[d]
        if "Demonstrative" in v.cls:
            return d
        if v.etype == "PER" or v.is_verb() or v.text in STOP_PUNCT or v.text in (",", "(", ")") \
                or v.has("Preposition", "Relativizer", "Conjunction", "Complementizer", "ClauseBoundary"):
            return None  # (nor "sejumlah negara lain selama ini …": a time adverbial's "ini")
    return None
