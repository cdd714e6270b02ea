"""Charges condemned: an accusing verb whose object is itself an accusation rejects it (read by the denies
and accuses rules, so it lives apart from both); whose a charge noun is; and who charges whom where an act is
done on the grounds of one."""

from __future__ import annotations

from kg.cues import ACTIVE, passive_prefixed
from kg.extract.clause import actor_keys, agent_at, clause_left, left_subject
from kg.extract.context import State
from kg.units import CLOSE_QUOTES, OPEN_QUOTES, Unit


def condemned_charge(units: list[Unit], i: int) -> bool:
    """"Lavrov mengecam tuduhan Ukraina", "Teheran mengutuk keras tudingan AS": an active accusing verb whose
    object is itself a charge (a noun of the accusing kind, not a report or statement) condemns the charge, and
    so denies it; the noun's author is the accuser, as after "menolak"."""
    if units[i].voice("AccuseCue") != ACTIVE:
        return False
    k = i + 1 + (i + 1 < len(units) and units[i + 1].has("VehementAdverb"))
    return k < len(units) and not units[k].etype and units[k].has("AccusationNoun") and units[k].has("AccuseCue")


def charge_owner(units: list[Unit], i: int, hi: int) -> int | None:
    """The actor right after the accusation noun at ``i`` that owns it, past a "keras" and quotation marks
    ("tudingan keras Sudan terhadap …", "menyampaikan "kecaman keras" Venezuela terhadap …")."""
    k = i + 1
    while k < hi and not units[k].etype and (units[k].text in CLOSE_QUOTES or units[k].has("VehementAdverb")):
        k += 1
    return k if k < hi and units[k].is_actor else None


def on_grounds(units: list[Unit], prep: int, state: State) -> tuple[tuple[str, ...], list[str]]:
    """"Aljazair memutus hubungan diplomatik dengan Maroko … dengan tuduhan 'tindakan bermusuhan'": an act done
    on the grounds of an accusation no one is named for is its doer's accusation against whom the act is done
    to; "X ditangkap atas tuduhan …": the passive act's agent accuses its subject."""
    lo = clause_left(units, prep)
    verb = next((v.i for v in reversed(units[lo:prep]) if not v.etype and v.is_verb() and not v.has("FunctionWord")),
                None)
    if verb is None or (j := left_subject(units, verb)) is None:
        return (), []
    if passive_prefixed(units[verb].low):
        if units[j].modifier:  # "dua warga Prancis ditahan …": the citizens, not their state
            return (), []
        a = agent_at(units, verb)
        by = actor_keys(units, a, state) if a < prep and units[a].is_actor else ()
        return by, list(actor_keys(units, j, state))
    done_to = [k for v in units[verb + 1:prep] if v.is_actor and not (v.paren or v.title or v.modifier)
               and v.possessor_of is None for k in actor_keys(units, v.i, state)]
    return actor_keys(units, j, state), done_to


def relative_on(units: list[Unit], k: int, hi: int) -> int | None:
    """The "yang" at ``k`` or past a few words (and quotation marks) saying what a claim is about ("tuduhan
    penyuapan pemilih yang dilontarkan X", 'narasi "genosida Kristen" yang digaungkan X'), where a verb follows it
    (past words, a passive one: not "laporan media Barat yang menyebut Beijing …", whose subject is the report)."""
    for r in range(k, min(hi - 1, k + 6)):
        if units[r].text in OPEN_QUOTES or units[r].text in CLOSE_QUOTES:
            continue
        if units[r].has("Relativizer") and not units[r].etype:
            return r if units[r + 1].is_verb() and (r == k or passive_prefixed(units[r + 1].low)) else None
        if units[r].etype not in (None, "WEAPON") or not units[r].text.isalpha() or units[r].is_verb():
            return None  # (a weapon is what the claim is about: "tuduhan penyelundupan senjata yang …")
    return None
