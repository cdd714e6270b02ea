"""Parties named only as the examples of a common noun after a comma: "mengirimkan drone ke beberapa
proksinya di Timur Tengah, termasuk gerakan Hizbullah Lebanon, rezim Suriah, dan pemberontak Houthi Yaman"
sends to the groups "termasuk" lists, each item a common noun or two and then its actor."""

from __future__ import annotations

from kg.cues import POSSESSIVE, cues
from kg.extract.described import SPEECH
from kg.extract.titlewords import title_word
from kg.units import STOP_PUNCT, Unit

MAX_PLACE = 4  # units of a place the common noun is in ("di Timur Tengah", "di kawasan Teluk")
MAX_HEAD = 3  # common nouns before an example's actor ("gerakan", "pemberontak", "rezim Presiden")


def example_start(units: list[Unit], k: int, hi: int) -> int | None:
    """The first example's actor when a common-noun phrase after a preposition stops at ``k`` on a comma
    and an example introducer ("ke enam negara, termasuk Indonesia"), past a place the noun is in
    ("ke beberapa sekutunya di kawasan, seperti …") and the example's own head nouns ("termasuk kelompok X")."""
    c = k
    if c < hi and units[c].has("LocativePrep") and not units[c].etype:
        c += 1
        while c < hi and c <= k + MAX_PLACE and units[c].text != "," and \
                (units[c].is_noun() or units[c].etype in ("LOC", "GPE") or units[c].text[:1].isupper()):
            c += 1
    if c < hi and units[c].text == ",":
        c += 1
    if not (c < hi and not units[c].etype and units[c].has("ExampleIntro")):
        return None
    return _item_actor(units, c + units[c].span.get("ExampleIntro", 1), hi)


def _item_actor(units: list[Unit], e: int, hi: int) -> int | None:
    """The actor of a list item that starts at ``e`` with at most MAX_HEAD common nouns or titles."""
    start = e
    while e < hi and e - start < MAX_HEAD and not units[e].is_actor and (units[e].is_noun() or title_word(units[e])) \
            and not units[e].has(*SPEECH):  # (not "…, seperti kata juru bicara X": who says so)
        e += 1
    return e if e < hi and units[e].is_actor and not units[e].paren else None


def more_examples(units: list[Unit], e: int, hi: int) -> list[int]:
    """The actors of the items after the example at ``e`` that its own coordination does not hold
    ("…, rezim Presiden Suriah Bashar Assad, dan pemberontak Houthi Yaman"): each item begins after a comma
    or a conjunction and ends at the next one."""
    if units[e].group:
        return []
    out: list[int] = []
    j = e + 1
    while j < hi:
        u = units[j]
        if u.text in STOP_PUNCT and u.text != ",":
            break
        if u.text == "," or u.has("Conjunction") and not u.etype:
            n = j + 1 + (u.text == "," and j + 1 < hi and units[j + 1].has("Conjunction"))
            a = _item_actor(units, n, hi) if n < hi else None
            if a is None:
                break
            out.append(a)
            j = a + 1
            continue
        j += 1
        if not (u.is_actor or u.is_noun() or title_word(u) or u.has("LocativePrep")):  # ("milisi X di Mali")
            break
    return out


def states_noun(u: Unit) -> bool:
    """A bare noun of states, or its reduplicated plural ("negara", "negara-negara")."""
    half, dash, rest = u.text.lower().partition("-")
    return not u.etype and (u.has("StateNoun") or bool(dash) and half == rest and "StateNoun" in cues().classes(half))


def state_region(units: list[Unit], k: int) -> bool:
    """The place at ``k`` only says which states a noun of states before it means ("ke sejumlah negara Afrika,
    termasuk Nigeria"): no party itself, the examples after it are."""
    return units[k].etype == "LOC" and k > 0 and states_noun(units[k - 1])


def ally_owner(units: list[Unit], j: int) -> bool:
    """The actor at ``j`` only owns an ally noun before it ("sekutu Ukraina", "mitra Barat Kyiv"; not in apposition:
    "Iran, sekutu Hizbullah, …"): the allies, unnamed, are the subject, not it."""
    return _ally_noun(units, j) is not None


def _ally_noun(units: list[Unit], j: int) -> int | None:
    """Where the ally noun that the actor at ``j`` owns stands (:func:`ally_owner`), else None."""
    g = units[j].group or [j]
    a = g[0] - 1
    # (past one capitalised word that describes the allies: "sekutu Barat Ukraina")
    a -= a > 0 and not units[a].etype and units[a].text[:1].isupper() and (not units[a].cls or units[a].has("LocationHead"))
    ok = a >= 0 and units[a].has("AllyNoun") and not units[a].etype and not units[a].low.endswith(POSSESSIVE) and \
        not (g[-1] + 1 < len(units) and units[g[-1] + 1].text in (",", ")"))
    return a if ok else None


def ally_partner(units: list[Unit], j: int) -> int | None:
    """The actor named with the allies that the actor at ``j`` owns ("Amerika Serikat dan sekutu Barat Ukraina
    menuding …": the United States acts with them), else None."""
    a = _ally_noun(units, j)
    if a is None:
        return None
    while a > 0 and not units[a - 1].etype and units[a - 1].has("AllyNoun", "PluralMarker"):
        a -= 1
    if a >= 2 and units[a - 1].has("Conjunction") and not units[a - 1].etype and units[a - 2].is_actor \
            and not units[a - 2].paren:
        return a - 2
    return None


def coordinated_examples(units: list[Unit], end: int, hi: int) -> list[int]:
    """The examples of a common noun coordinated after the party that ends at ``end`` ("ke Suriah serta sekutu
    Teheran yang lain, seperti kelompok Houthi di Yaman dan Hizbullah di Lebanon"): parties of the same phrase."""
    k = end + 1
    if k + 2 >= hi or units[k].etype or not units[k].has("Conjunction"):
        return []
    k, nouns = k + 1, 0
    while k < hi and k <= end + 7 and units[k].text != "," and (units[k].is_noun() and not units[k].etype or units[k].has(
            "FunctionWord", "Relativizer", "RestWord") and not units[k].etype or units[k].etype == "GPE"):
        nouns += units[k].is_noun() and not units[k].etype
        k += 1
    e = example_start(units, k, hi) if nouns else None
    return [e, *more_examples(units, e, hi)] if e is not None else []
