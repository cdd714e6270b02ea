"""Denials told as a noun ("bantahan", "sangkalan", "penyangkalan"), with who made them.

Kept apart from :mod:`kg.extract.rules.denies` (module size). The denier of the noun is named:

- right after it: "bantahan Moskow", "penyangkalan Iran atas tuduhan itu";
- as the agent of the passive it is the subject of: "Bantahan juga disampaikan Ukraina";
- as the source it came from: "Bantahan juga datang dari Beijing", "Bantahan keras segera muncul dari Kremlin";
- as the subject of a verb that voices it: "Kremlin mengeluarkan bantahan", "Beijing melontarkan bantahan keras".

The accuser is the author of an accusation noun just after, else whoever last accused the denier.
"""

from __future__ import annotations

from kg.cues import NOUN, passive_prefixed
from kg.extract.clause import actor_keys, clause_right, left_subject
from kg.extract.context import State
from kg.extract.denial_agents import denial_agent
from kg.extract.parties import last_accusers
from kg.units import STOP_PUNCT, Unit

#: how far after the denial noun its source ("… datang dari X") may be named
SOURCE_REACH = 5


def noun_denials(units: list[Unit], state: State) -> list[tuple[str, str]]:
    """(denier, accuser) of each denial noun of the sentence whose denier is named (see the module)."""
    out: list[tuple[str, str]] = []
    n = len(units)
    for u in units:
        if u.etype or u.voice("DenyCue") != NOUN or u.i + 1 >= n and _voiced_by(units, u.i) is None:
            continue
        k = _denier_at(units, u.i)
        if k is None:
            continue
        deniers = actor_keys(units, k, state)
        lo = max(k, u.i)  # (the charge denied is told after the noun, and after its denier)
        hi = clause_right(units, lo)
        noun = next((m for m in range(lo + 1, min(hi, lo + 6)) if units[m].has("AccusationNoun")), None)
        accusers: tuple[str, ...] = ()
        if noun is not None and noun + 1 < hi and units[noun + 1].is_actor and not units[noun + 1].paren:
            accusers = actor_keys(units, noun + 1, state)
        for d in deniers:
            for a in list(accusers) or last_accusers((d,), state):
                if a != d and (d, a) not in out:
                    out.append((d, a))
    return out


def _denier_at(units: list[Unit], i: int) -> int | None:
    """Where the denier of the denial noun at ``i`` is named, or None (see the module)."""
    n = len(units)
    k = i + 1
    if k < n and units[k].is_actor and not units[k].paren:
        return k  # "bantahan Moskow"
    j = _voiced_by(units, i)
    if j is not None:
        return j  # "Kremlin mengeluarkan bantahan"
    while k < n and not units[k].etype and units[k].has("FunctionWord", "Demonstrative", "AlikeAdjective") \
            and not units[k].is_verb():
        k += units[k].span.get("AlikeAdjective", 1)  # "Bantahan itu juga …", "Bantahan yang sama …"
    if k < n and not units[k].etype and units[k].is_verb() and passive_prefixed(units[k].text):
        k = denial_agent(units, k)  # "Bantahan juga disampaikan Ukraina"
        return k if k < n and units[k].is_actor and not units[k].paren else None
    return _source_after(units, i)


def _voiced_by(units: list[Unit], i: int) -> int | None:
    """The subject of an active verb of voicing right before the denial noun at ``i`` ("Kremlin mengeluarkan
    bantahan", "Beijing segera melontarkan bantahan keras"), past an adjective of force or a function word."""
    k = i - 1
    while k > 0 and not units[k].etype and units[k].has("VehementAdverb", "FunctionWord") and not units[k].is_verb():
        k -= 1
    v = units[k] if k >= 0 else None
    if v is None or v.etype or not v.has("LaunchVerb", "IssueVerb") or passive_prefixed(v.text):
        return None
    j = left_subject(units, k)
    return j if j is not None and units[j].is_actor and not units[j].paren else None


def _source_after(units: list[Unit], i: int) -> int | None:
    """"Bantahan (keras) juga datang dari Beijing", "Bantahan segera muncul dari Kremlin": the actor after the
    first "dari" a few words after the denial noun, with no actor, charge, verb of voicing or stop between."""
    n = len(units)
    for m in range(i + 1, min(n - 1, i + SOURCE_REACH)):
        v = units[m]
        if v.etype or v.is_actor or v.text in STOP_PUNCT or v.has("AccusationNoun", "Relativizer", "LaunchVerb"):
            return None
        if v.has("SourcePrep"):
            a = units[m + 1]
            return m + 1 if a.is_actor and not a.paren else None
    return None
