"""A supplier ranked behind another: "Jerman, pemasok senjata terbesar kedua bagi Israel setelah AS" tells
that the one ranked ahead (AS) supplies the same arms to the same recipient."""

from __future__ import annotations

from kg.extract.clause import actor_keys
from kg.extract.context import State
from kg.units import STOP_PUNCT, Unit


def ranked_after(units: list[Unit], i: int, state: State) -> tuple[str, ...]:
    """The actor after "setelah"/"di belakang" that closes the supplier noun at ``i``, when the noun phrase
    ranks its supplier with an ordinal and a superlative ("terbesar kedua"): not a time clause
    ("pemasok utama sejak 2020 setelah …"); or the parties ranked next after a comma ("…, disusul Rusia dan
    China") or overtaken ("…, menggeser China"), who supply too."""
    ordinal = superlative = False
    for k in range(i + 1, min(len(units), i + 12)):
        u = units[k]
        if u.text == "," and ordinal and superlative:
            return _ranked_next(units, k + 1, state)
        if u.text in STOP_PUNCT or u.text == "," or u.is_verb() and not u.has("Adjective"):
            return ()
        if u.etype:
            continue
        if u.has("RankAfter"):
            j = k + u.span.get("RankAfter", 1)
            if ordinal and superlative and j < len(units) and units[j].is_actor and not units[j].paren:
                return actor_keys(units, j, state)
            return ()
        superlative = superlative or u.has("Adjective")
        ordinal = ordinal or u.has("SeriesWord") and not u.has("Adjective")
    return ()


def _ranked_next(units: list[Unit], k: int, state: State) -> tuple[str, ...]:
    """"disusul Rusia, China (5,9%) dan Jerman", "menggeser China" at ``k``: the parties named."""
    if k >= len(units) or units[k].etype or not units[k].has("RankFollowed", "RankOvertake"):
        return ()
    j = k + max(units[k].span.get("RankFollowed", 1), units[k].span.get("RankOvertake", 1))
    return actor_keys(units, j, state) if j < len(units) and units[j].is_actor and not units[j].paren else ()


def co_suppliers(units: list[Unit], i: int, supplier: tuple[str, ...], recipient: tuple[str, ...],
                 state: State) -> tuple[str, ...]:
    """"Denmark akan menyerahkan 19 F-16 kepada Ukraina, bersama Belanda", "… kepada Ukraina bersama Belanda": a state
    or body joined to the supply by a companion word, after a comma that closes the supply clause or right after the
    recipient, supplies the same arms."""
    for k in range(i + 1, len(units) - 2):
        u = units[k]
        if u.text in STOP_PUNCT or u.is_verb() and not u.has("FunctionWord") and not u.etype:
            return ()
        c = k + 1 if u.text == "," or u.is_actor and set(u.keys) & set(recipient) else None
        if c is not None and not units[c].etype and units[c].has("CompanionPrep"):  # (also "kepada Ukraina bersama X")
            j = c + units[c].span.get("CompanionPrep", 1)
            v = units[j] if j < len(units) else None
            if v is None or not v.is_actor or v.paren or v.etype not in ("GPE", "ORG") or v.modifier:
                return ()
            keys = actor_keys(units, j, state)
            return tuple(key for key in keys if key not in supplier + recipient) if supplier and \
                all(s in state.entities and state.entities[s].type == v.etype for s in supplier) else ()
    return ()


def compared(units: list[Unit], j: int) -> bool:
    """Whether the actor at ``j`` only closes a ranking ("… penyokong terbesar kedua bagi Ukraina setelah Amerika
    Serikat."): after "setelah"/"di belakang", an ordinal and a superlative before it in its sentence, and nothing of
    its own after it; the party it is compared with takes no part a later "negeri itu" means."""
    start = units[j].group[0] if units[j].group else j
    end = units[j].group[-1] if units[j].group else j
    r = next((k for k in (start - 1, start - 2) if k >= 0 and not units[k].etype and units[k].has("RankAfter")
              and k + units[k].span.get("RankAfter", 1) == start), None)
    if r is None or end + 1 < len(units) and units[end + 1].text not in STOP_PUNCT and units[end + 1].text != ",":
        return False
    before = [v for v in units[max(0, r - 10):r] if not v.etype]
    return any(v.has("SeriesWord") and not v.has("Adjective") for v in before) and any(v.has("Adjective") for v in before)
