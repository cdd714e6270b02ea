"""Warning nouns whose warner and warned stand around them: a warning ignored or received ("Filipina
mengabaikan peringatan Tiongkok"), one delivered ("Peringatan itu disampaikan Moskow kepada Warsawa"), one
made by a titled person ("peringatan dari Wakil Presiden AS Mike Pence")."""

from __future__ import annotations

from kg.cues import ACTIVE, PASSIVE, passive_prefixed
from kg.extract.clause import actor_keys, agent_at, left_subject, prep_actor
from kg.extract.context import State
from kg.units import STOP_PUNCT, Unit


def defied(units: list[Unit], i: int, hi: int, state: State) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """A warning noun that is the object of a verb of ignoring, rejecting or receiving ("Filipina mengabaikan
    peringatan serius Tiongkok", "Israel menerima peringatan dari Hizbullah"): (whose warning it is, the subject); the
    warner may be untold ("mengabaikan peringatan berulang kali"), and then no pair. None where no such verb."""
    k = i - 1
    while k >= 0 and not units[k].etype and units[k].has("FunctionWord") and not units[k].is_verb():
        k -= 1
    if k < 0 or units[k].etype or ACTIVE not in [units[k].voice(c) for c in ("DefyVerb", "RejectCue", "ReceiveCue")]:
        return None
    j = left_subject(units, k)
    by, _ = prep_actor(units, i, hi, ("SourcePrep", "AgentPrep"), state, reach=4)
    if not by:
        m = i + 1
        while m < min(hi, i + 3) and not units[m].etype and units[m].text.isalpha() and units[m].text.islower() \
                and not units[m].is_verb() and not units[m].has("Relativizer", "Conjunction", "PurposeConj"):
            m += 1  # "peringatan serius Tiongkok", "peringatan keras AS"
        if m < hi and units[m].is_actor and not units[m].paren and not units[m].title:
            by = actor_keys(units, m, state)
    return (by, actor_keys(units, j, state)) if by and j is not None else ((), ())


def delivered_by(units: list[Unit], i: int, hi: int, state: State) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """"Peringatan (itu, serupa) disampaikan (oleh) Moskow kepada Warsawa": a warning noun as the subject
    of a passive verb whose agent and addressee are both named gives (warner, warned)."""
    k = i + 1
    while k < min(hi, i + 3) and not units[k].etype and (
            units[k].has("FunctionWord", "Adjective", "Demonstrative", "AlikeAdjective")
            or not units[k].cls and units[k].text.isalpha() and units[k].text.islower() and not units[k].is_verb()):
        k += 1  # "peringatan itu", "peringatan serupa"
    if k >= hi or units[k].etype or not units[k].is_verb() or not passive_prefixed(units[k].low):
        return None
    a = agent_at(units, k)
    if a >= hi or not units[a].is_actor or units[a].paren:
        return None
    to, _ = prep_actor(units, a, hi, ("TargetPrep", "WarnedPrep"), state, reach=3)
    return (actor_keys(units, a, state), to) if to else None


def titled_person(units: list[Unit], i: int, hi: int) -> int | None:
    """The person right after the warning noun at ``i`` (past "dari") behind a title and the body it names
    ("peringatan dari Wakil Presiden AS Mike Pence agar …"): whose warning it is."""
    k = i + 1
    if k < hi and units[k].has("SourcePrep") and not units[k].etype:
        k += 1
    if k >= hi or units[k].etype or not units[k].has("RoleTitle"):
        return None
    while k < min(hi, i + 9):
        v = units[k]
        if v.etype == "PER" and v.is_actor and not v.paren:
            return k
        if not (v.head_word or v.has("RoleTitle", "TitleQualifier") or v.etype and v.title):
            return None
        k += 1
    return None


def issuer(units: list[Unit], i: int) -> int | None:
    """The body that adopted or issued the text whose relative clause holds the verb of urging at ``i``: "DK PBB
    mengesahkan resolusi yang mengecam serangan itu serta menuntut Houthi …" (the subject of the verb of issuing),
    "Resolusi yang disahkan Majelis Umum menuntut Israel …" (its agent). None where the verb hangs on no such text,
    or on one whose issuing is not told ("AS memveto resolusi yang menuntut …": the veto is no demand)."""
    q, k = units[i].quote, i - 1
    while k > max(0, i - 16) and units[k].quote == q and units[k].text not in STOP_PUNCT \
            and not (units[k].has("Relativizer") and not units[k].etype):
        k -= 1
    if k < 1 or units[k].etype or not units[k].has("Relativizer"):
        return None
    if k + 2 < i and units[k + 1].voice("IssueVerb") == PASSIVE:
        a = agent_at(units, k + 1)  # "Resolusi yang disahkan (oleh) Majelis Umum PBB pada Senin menuntut …"
        return a if a < i and units[a].is_actor and not units[a].paren else None
    p = k - 1  # the text: one to three plain words ("resolusi", "pernyataan bersama", "sebuah surat terbuka")
    while p > max(0, k - 5) and not units[p].etype and not units[p].is_verb() and units[p].text.isalpha() \
            and units[p].text.islower():
        p -= 1
    if p == k - 1 or units[p].etype or units[p].voice("IssueVerb") != ACTIVE:
        return None
    return left_subject(units, p)
