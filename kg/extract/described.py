"""Who a noun phrase describes: the actor "sebagai" gives a role to ("menyebut Serbia sebagai pemasok …"),
and the actor behind a group or regime noun ("milisi Houthi", "junta Myanmar")."""

from __future__ import annotations

from collections.abc import Callable

from kg.cues import passive_prefixed
from kg.unitize import plural_state_noun
from kg.units import Unit

#: Verbs of saying, believing, charging, warning, urging, denying and quoting: each opens a clause of its own
#: (shared by every clause reader through kg.extract.clause).
SPEECH = ("ReportCue", "BeliefCue", "AccuseCue", "WarnCue", "DemandCue", "DenyCue", "RejectCue", "QuoteVerb")


def _counting(w: Unit) -> bool:
    """A word of a count before the noun ("salah satu (dari tiga)"), of an origin ("asal utama pasokan"), or one
    with no cue class."""
    return not w.has("ServeVerb") and (
        w.has("NumberWord", "SourcePrep", "OriginNoun", "SourceNoun", "RankQualifier", "Indefinite") or not w.cls)


def agent_noun(units: list[Unit], i: int) -> bool:
    """Whether the supply word at ``i`` names who supplies: an agent noun ("pemasok"), a seller's noun, or a
    supply noun after a noun of origin ("asal (utama) pasokan senjata", "sumber pasokan"): where it comes from."""
    u = units[i]
    if u.low.startswith("pe") and not u.low.endswith("an") or u.has("SellerNoun"):
        return True
    k = i - 1
    while k > 0 and not units[k].etype and units[k].has("RankQualifier"):
        k -= 1
    if k <= 0 or i - k > 2 or units[k].etype or units[k].has("SupplyCue"):
        return False
    # ("sumber" is also a news source: a source of supply only when named as one, "sebagai sumber pasokan")
    return units[k].has("OriginNoun") or units[k].has("SourceNoun") and units[k - 1].has("AsPrep")


def named_as(units: list[Unit], i: int, between: Callable[[Unit], bool] = _counting, reach: int = 4,
             formal: bool = False, apposition: bool = False) -> int | None:
    """The actor that "sebagai" gives the agent noun at ``i`` to ("menyebut Serbia sebagai (salah satu)
    pemasok senjata", "menuding Iran sebagai pemasok …"): the one named supplies, not who names it. Past the
    unnamed words for which ``between`` holds, up to ``reach`` back from ``i``; with ``formal``, "selaku" too;
    with ``apposition``, past a comma that closes one on the actor ("menyebut X, …, sebagai …")."""
    k = i - 1
    while k > 0 and i - k <= reach and not units[k].etype and between(units[k]):
        k -= 1
    if k <= 0 or not units[k].has("AsPrep") or not formal and not units[k].has("Preposition"):
        return None
    o = k - 1 - (apposition and units[k - 1].text == ",")
    return o if o >= 0 and units[o].is_actor and not units[o].paren else None


def past_group_noun(units: list[Unit], k: int, hi: int) -> int:
    """Index of the actor a bare group, regime or government noun introduces ("milisi Houthi", "junta
    Myanmar", "pemerintah Indonesia"), else k."""
    if k + 1 < hi and not units[k].etype and units[k].has("GroupNoun", "RegimeNoun", "GovernmentNoun") and \
            units[k + 1].is_actor:
        return k + 1
    return k


def past_armed_group(units: list[Unit], k: int, hi: int) -> int:
    """Index of the actor an armed group's noun introduces, also past a word saying what kind of group it is
    ("kelompok teror TTP", "kelompok separatis BLA", "milisi Houthi"), else k: the party a backer is said to back."""
    if k + 1 < hi and not units[k].etype and units[k].has("GroupNoun"):
        j = k + 1 + (k + 2 < hi and _group_kind(units[k + 1]))
        if units[j].is_actor:
            return j
    return k


#: the classes a word saying what kind of group it is may carry ("militan", "teroris", "pemberontak")
_KIND = frozenset({"FighterNoun", "GroupNoun", "WrongdoingCue", "WrongdoerLabel", "NotVerb"})


def _group_kind(u: Unit) -> bool:
    return not u.etype and u.text.isalpha() and u.text.islower() and not u.is_verb() and set(u.cls) <= _KIND


def named_as_relative(units: list[Unit], i: int) -> int | None:
    """The actor named as the noun a relative clause hangs on, for the verb at ``i`` ("menyebut Serbia
    sebagai salah satu dari tiga negara yang memasok senjata"): Serbia supplies."""
    if i < 3 or not units[i - 1].has("Relativizer"):
        return None
    h = units[i - 2]
    if h.etype or h.cls and not h.has("StateNoun") or not h.text.isalpha():
        return None
    return named_as(units, i - 2)


def nominal_relative_host(units: list[Unit], j: int, i: int) -> int | None:
    """"Polandia, yang juga anggota NATO (…) telah membeli …": an actor named inside a verbless relative
    clause left open before the verb at ``i`` describes the actor the clause hangs on, who does the act."""
    for b in range(j - 1, max(-1, j - 7), -1):  # "… NATO (North Atlantic Treaty Organization/NATO)": the named one
        if units[b].text == ")":
            break
        if units[b].text == "(":
            j = b - 1
            break
    k = j - 1
    while k >= 0 and not units[k].etype and (units[k].is_noun() or units[k].has("FunctionWord")) \
            and not units[k].has("Relativizer") and not units[k].is_verb():
        k -= 1
    if k < 2 or k == j - 1 or not units[k].has("Relativizer") or units[k - 1].text != "," \
            or not units[k - 2].is_actor or units[k - 2].paren:
        return None
    if any(v.is_verb() and not v.etype and not v.has("FunctionWord") for v in units[k + 1:j]) \
            or any(v.text == "," for v in units[j:i]):
        return None  # (a relative with a verb of its own, or one closed by a comma, is handled as such)
    return units[k - 2].group[0] if units[k - 2].group else k - 2


def relative_party(units: list[Unit], v: int, between: Callable[[Unit], bool], reach: int | None = None,
                   near: int | None = None) -> int | None:
    """The actor named right before ", yang" that a relative clause describes, where the verb at ``v`` is that
    clause's, past unnamed words for which ``between`` holds (at most ``reach`` of them, if given): "Petro, yang
    dengan tegas menolak …", "X, yang menurutnya telah menewaskan …"; with ``near``, the nearest actor among that
    many words before "yang", comma or none ("…, yang membuat Trump marah, yang telah mencap Petro …": Trump,
    named inside the clause before); else None."""
    floor = 0 if near else 1  # (room before "yang" for ", X", or with ``near`` for X alone)
    lo = floor if reach is None else max(floor, v - 2 - reach)
    for k in range(v - 1, lo, -1):
        w = units[k]
        if w.has("Relativizer") and not w.etype:
            if near:
                return next((m for m in range(k - 1, max(-1, k - 1 - near), -1)
                             if units[m].is_actor and not units[m].paren), None)
            return k - 2 if units[k - 1].text == "," and units[k - 2].is_actor else None
        if w.etype or not between(w):
            return None
    return None


def relative_after(units: list[Unit], i: int, hi: int, adverbs: tuple[str, ...] = ("VehementAdverb",)) -> int | None:
    """The relativizer that opens a clause on the word at ``i``, past up to two ``adverbs`` ("protes keras yang
    …"), with a word after it before ``hi``; None where there is none."""
    k = i + 1
    while k < min(hi, i + 3) and not units[k].etype and units[k].has(*adverbs):
        k += 1
    return k if k + 1 < hi and not units[k].etype and units[k].has("Relativizer") else None


def described_by_relative(units: list[Unit], i: int) -> bool:
    """A bare word at ``i`` that a relative clause in the passive follows, past adverbs ("protes keras yang
    disampaikan Menlu X kepada China"): a noun that the clause describes, not a verb with an object."""
    k = relative_after(units, i, len(units), ("VehementAdverb", "MannerAdverb"))
    return k is not None and not units[k + 1].etype and units[k + 1].is_verb() and passive_prefixed(units[k + 1].low)


# verbs whose object may be the subject of the next verb ("yang menyebut Beijing memasok …", "yang mendesak X agar …")
_OPENS_CLAUSE = (*SPEECH, "PersuadeCue", "AttitudeVerb", "LeadVerb")


def verbal_relative_host(units: list[Unit], j: int, lo: int) -> int | None:
    """"Badan intelijen Rusia yang berada di bawah komando Presiden Vladimir Putin menuding AS …": an actor named
    inside a relative clause built on one plain verb of its own (no verb of speech, leading or backing, whose
    object may be the next verb's subject: "tudingan AS yang menyebut Beijing memasok …") is no subject of the
    verb after the clause; the actor the clause hangs on is. None where the clause hangs on no actor, or is
    closed by a comma or a conjunction before the actor."""
    verbs = 0
    for k in range(j - 1, lo, -1):
        v = units[k]
        if v.is_actor or v.text in (".", ";", ":", ",") or v.quote != units[j].quote or \
                v.has("Conjunction") and not v.etype:
            return None
        if v.has("Relativizer") and not v.etype:
            h = units[k - 1]
            if verbs != 1 or not h.is_actor or h.paren or h.title or h.prep:
                return None
            return h.group[0] if h.group else h.i
        if v.is_verb() and not v.has("FunctionWord"):
            if v.has(*_OPENS_CLAUSE) or passive_prefixed(v.low):
                return None
            verbs += 1
    return None


def listed_members(units: list[Unit], j: int) -> tuple[str, ...]:
    """The members a relative clause lists after the states of a body ("negara-negara G7, yang terdiri atas AS, …,
    mengecam …"): they act with it (not after a body alone: "Aliansi X, yang beranggotakan A dan B, menuduh …")."""
    if j < 1 or units[j - 1].etype or not (plural_state_noun(units[j - 1].text) or units[j - 1].has("StateNoun")):
        return ()
    k = j + 1
    while k < len(units) and (units[k].paren or units[k].text in ("(", ")")):
        k += 1
    if k + 2 >= len(units) or units[k].text != "," or not units[k + 1].has("Relativizer") or \
            not units[k + 2].has("ListIntro") or units[k + 2].etype:
        return ()
    m = k + 2 + units[k + 2].span.get("ListIntro", 1)
    if m >= len(units) or not units[m].is_actor or units[m].etype not in ("GPE", "ORG") or units[m].pron:
        return ()
    group = [units[g] for g in units[m].group if not units[g].paren] if units[m].group else [units[m]]
    return tuple(key for v in group if v.etype in ("GPE", "ORG") for key in v.keys)
