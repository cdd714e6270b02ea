"""Denials said without a verb of denying: a claim called a wrong or a lie through a linking word, and a claim
refused by a negated verb of accepting. Kept apart from :mod:`kg.extract.rules.denies` (module size)."""

from __future__ import annotations

from kg.cues import ACTIVE
from kg.extract.clause import actor_keys, agent_at, clause_right, left_subject
from kg.extract.context import State
from kg.extract.negated import negated_act
from kg.units import Unit

_STOPS = (",", ";", ":")


def speaks(u: Unit) -> bool:
    """A verb by which the subject tells or judges ("menyebut", "mengatakan", "menilai", "menganggap")."""
    return u.voice("ReportCue") == ACTIVE or u.voice("BeliefCue") == ACTIVE


def linked_wrong(units: list[Unit], noun: int, hi: int) -> bool:
    """"menyebut tuduhan Ukraina sebagai provokasi", "menilai klaim itu merupakan fitnah": the claim at ``noun``
    (with its owner) is said to *be* a lie or a wrong, through a linking word ("sebagai", "merupakan", "adalah")
    right before the dismissal or wrongdoing word. A verb between ends the search: "laporan itu mengungkap
    pelanggaran" tells of a wrong the report found, it does not dismiss the report."""
    for k in range(noun + 1, min(hi, noun + 8)):
        v = units[k]
        if v.etype:
            continue
        if v.has("AsPrep", "Copula"):
            w = units[k + 1] if k + 1 < hi else None
            return w is not None and not w.etype and w.has("DismissCue", "WrongdoingCue")
        if v.is_verb() or v.text in _STOPS:
            return False
    return False


def that_clause(units: list[Unit], i: int, hi: int) -> int:
    """Where the clause of the speech verb at ``i`` ends, read through a "bahwa" right after it ("mengatakan
    bahwa tuduhan itu palsu": the claim and its dismissal are in the that-clause); else ``hi``."""
    if hi == i + 1 < len(units) and units[hi].has("Complementizer") and speaks(units[i]):
        return clause_right(units, i, through_bahwa=True)
    return hi


def dismissed_claim(units: list[Unit], i: int, noun: int | None, hi: int, that: bool) -> bool:
    """Whether the speaker at ``i`` dismisses the claim at ``noun``: calling it baseless or a lie ("menyebut
    tuduhan itu tidak berdasar"), or linking it to a wrong (:func:`linked_wrong`). Read through "bahwa"
    (``that``), the dismissal must be the claim's own predicate, before any verb: "mengatakan bahwa laporan itu
    palsu", not "mengatakan bahwa laporan itu menunjukkan propaganda …"."""
    if noun is None:
        return False
    if linked_wrong(units, noun, hi):
        return True
    if units[i].voice("ReportCue") != ACTIVE:
        return False
    if not that:
        return any(v.has("DismissCue") for v in units[noun + 1:min(hi + 1, noun + 8)])
    for v in units[noun + 1:min(hi, noun + 8)]:
        if not v.etype and v.has("DismissCue"):
            return True
        if v.is_verb() or v.text in _STOPS:
            return False
    return False


def refused_charge(units: list[Unit], i: int) -> bool:
    """"tidak menerima tuduhan itu", "tidak dapat menerima klaim AS": a negated verb of accepting right before an
    accusation noun rejects the accusation (a denial, as "menolak tuduhan itu")."""
    return units[i].voice("AcceptVerb") == ACTIVE and negated_act(units, i) and \
        any(not v.etype and v.has("AccusationNoun") for v in units[i + 1:i + 4])


def said_dismissals(units: list[Unit], state: State) -> list[tuple[str, str]]:
    """"Iran mengatakan apa yang disampaikan AS tidak benar", "Hamas menegaskan semua yang dikatakan Israel adalah
    bohong": what another party said (a free relative on a passive verb of telling, its agent named) called a lie
    by the speaker denies that party."""
    out: list[tuple[str, str]] = []
    n = len(units)
    for u in units:
        if u.etype or not u.cls or not speaks(u):
            continue
        k = u.i + 1
        while k < n and not units[k].etype and units[k].has("Complementizer", "AllQuantifier", "WhatPronoun"):
            k += 1
        if k + 2 >= n or k == u.i + 1 or units[k].etype or not units[k].has("Relativizer") or \
                not units[k + 1].has("RevealVerb", "AccuseCue") or units[k - 1].has("Complementizer"):
            continue  # (a quantifier or "apa" must open the relative: "bahwa yang …" is no free relative)
        a = agent_at(units, k + 1)
        j = left_subject(units, u.i)
        if a >= n or not units[a].is_actor or j is None:
            continue
        m = a + 1
        while m < min(n, a + 8) and not units[m].is_verb() and units[m].text not in _STOPS:
            if not units[m].etype and units[m].has("DismissCue"):
                deniers, accusers = actor_keys(units, j, state), actor_keys(units, a, state)
                out += [(d, c) for d in deniers for c in accusers if c != d and (d, c) not in out]
                break
            m += 1
    return out
