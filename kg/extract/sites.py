"""Where an act happened, not who did it: a place after a locative preposition ("di provinsi Kerman"), the
country appended to such a place ("di Moskow, Rusia"), or the city after an attack noun ("serangan Mumbai").

"Serangan Mumbai", "pengeboman Istanbul", "penembakan Paris itu": after an attack noun a city is the place the
attack happened, not who made it, where the city is written as a city (a place that lies in a state), and no
target follows ("serangan Moskow ke Kyiv": Moscow attacks). A state after the noun ("serangan Israel") is the
attacker as before.
"""

from __future__ import annotations

from kg.cues import NOUN, word_is
from kg.extract.clause import title_word
from kg.resolve.lookup import gazetteer
from kg.units import STOP_PUNCT, Unit, skip_span

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


def placed(units: list[Unit], o: int) -> bool:
    """The actor at ``o`` names a place after a place noun and a locative preposition ("di provinsi Kerman", "di
    ibu kota Kyiv"): where an act happened, not who did it."""
    if units[o].modifier and any(not v.etype and v.has("FacilityNoun") and skip_span(units, v.i, "FacilityNoun") == o
                                 for v in units[max(0, o - 3):o]):
        return True  # "menuduh rumah sakit Indonesia di Gaza sebagai …": the building named after it
    k = o - 1
    while k > max(0, o - 3) and not units[k].etype and units[k].is_noun() and not units[k].has("LocativePrep"):
        k -= 1
    return k < o - 1 and not units[k].etype and units[k].has("LocativePrep")


def appended_place(units: list[Unit], o: int) -> bool:
    """The actor at ``o`` follows a comma that closes a place after a locative preposition ("di Moskow, Rusia",
    "di wilayah Kashmir, India", "di Gedung Konser di Moskow, Rusia"): the country the place lies in, where an
    act happened, not who did it."""
    if o < 3 or units[o - 1].text != "," or units[o].etype not in ("GPE", "LOC"):
        return False
    k = o - 2
    while k > max(0, o - 6) and not units[k].has("LocativePrep"):
        v = units[k]
        if not (v.etype in ("GPE", "LOC") or v.is_noun() or v.text[:1].isupper() and v.text.isalpha() and not v.cls):
            return False
        k -= 1
    return not units[k].etype and units[k].has("LocativePrep")


def attack_told(units: list[Unit], i: int, hi: int) -> bool:
    """An attack noun with a demonstrative after the verb at ``i`` ("mengecam serangan itu", "mengutuk apa yang
    disebutnya 'serangan pengecut' itu"): an attack the article has just told."""
    for k in range(i + 1, min(hi, i + 8)):
        if units[k].voice("AttackCue") == NOUN and not units[k].etype:
            return any(v.has("Demonstrative") for v in units[k + 1:min(hi + 1, k + 5)])
    return False


def unaimed(units: list[Unit], i: int, by: int) -> bool:
    """The condemnation noun at ``i`` opens its sentence and only adverbs, function words and a verb stand between
    it and the preposition before its author at ``by`` ("Kecaman juga datang dari …", "Kecaman serupa datang
    dari …"): it names nothing it is aimed at."""
    while by - 1 > i and title_word(units[by - 1]):
        by -= 1  # "… datang dari Sekjen PBB Antonio Guterres": the author's title opens his phrase
    return by > i and all(not v.etype and not v.has("TargetPrep", "AccusationNoun") and
                          (v.has("VehementAdverb", "FunctionWord", "AlikeAdjective") or v.is_verb())
                          for v in units[i + 1:by - 1]) and \
        all(not v.is_actor and v.text not in STOP_PUNCT for v in units[:i])
