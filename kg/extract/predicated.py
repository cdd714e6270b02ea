"""Relative clauses on a predicate noun: "X menjadi pemimpin pertama yang tiba di Y" tells that X arrived."""

from __future__ import annotations

from kg.extract.clause import left_subject
from kg.units import Unit

_REACH = 6  # words of the predicate noun phrase between the linking verb and the relativizer


def predicate_subject(units: list[Unit], i: int, per_only: bool = False) -> int | None:
    """The subject of a linking verb ("menjadi", "adalah", "termasuk") whose predicate noun the relative clause of the verb
    at ``i`` hangs on ("Menlu X menjadi pejabat asing pertama yang tiba di Y": X), else None. The noun phrase
    holds no person, no verb and no comma, so "X menjadi saksi bagi Y yang tiba …" is left alone."""
    k = i - 1
    if k < 1 or not units[k].has("Relativizer"):
        return None
    for c in range(k - 1, max(-1, k - 1 - _REACH), -1):
        v = units[c]
        if v.has("BecomeVerb", "Copula", "AmongVerb") and not v.etype:
            return left_subject(units, c, per_only=per_only) if c + 1 < k else None
        if v.etype in ("GPE", "LOC") and not v.prep:
            continue  # "pejabat senior Iran pertama", "pemimpin Amerika Latin pertama": the state describes the noun
        if v.etype or v.pron or v.text in (",", ";", "(", ")") or v.is_verb() or v.has("Preposition", "Relativizer"):
            return None
    return None
