"""The subject a clause leaves out ("… sanksi kepada Korea Utara karena memasok …"): the last party before it
that can act, not a place, a party met or written to, nor one that only names a thing ("sanksi Uni Eropa")."""

from __future__ import annotations

from kg.cues import NOUN, passive_prefixed
from kg.extract.clause import SPEECH, clause_left, fronted_subject, governor, left_subject, prep_is
from kg.extract.titlewords import money_state, title_word, titled_prep
from kg.units import STOP_PUNCT, Unit


def missing_subject(units: list[Unit], i: int) -> int | None:
    """:func:`elided_subject`, else the subject after a fronted clause the verb at ``i`` opens ("Selain membeli
    jet tempur dari AS, Taiwan …": Taiwan buys)."""
    j = elided_subject(units, i)
    return j if j is not None else fronted_subject(units, i)


def elided_subject(units: list[Unit], i: int, per_only: bool = False) -> int | None:
    """"… sanksi kepada Korea Utara karena memasok …": a clause opened by a subordinator with no
    subject of its own is about the last actor (``per_only``: person) before it."""
    lo = clause_left(units, i)
    if lo == 0 or not units[lo - 1].has("ClauseBoundary", "ReasonConj") or any(v.is_actor for v in units[lo:i]):
        return None
    if any(v.is_verb() and not v.has("FunctionWord", "PotentialCue", "PlannedCue", "NegationCue")
           for v in units[lo:i]):
        return None
    if any(_own_subject(v) for v in units[lo:i]):
        return None  # "… akan membalas jika Barat memasok …", "kalau pemasok asing menjual …": a subject of its own
    if units[lo - 1].has("SameSubjectConj") and (m := _matrix_subject(units, lo - 1)) is not None:
        return m  # "China menegaskan bahwa … isu Taiwan …, seraya mendesak AS …": China urges, not Taiwan
    for j in range(lo - 2, -1, -1):
        v = units[j]
        if v.text in STOP_PUNCT:
            return None
        if v.is_actor and not v.paren and not v.title and v.pron != "1" and (not per_only or v.etype == "PER") \
                and not (j and units[j - 1].has("LedByNoun") and not units[j - 1].etype) \
                and not money_state(units, j) and not _thing_modifier(units, j) \
                and not (prep_is(units, j, "GoalPrep", "LocativePrep") and not _sanctioned(units, j)) \
                and not (prep_is(units, j, "SourcePrep") and not (j + 1 < len(units) and units[j + 1].has("Relativizer"))) \
                and not (per_only and prep_is(units, j, "ComitativePrep")):
            # not "… ke Mahkamah Internasional karena …", nor "membahas X dengan Putin saat …" (who is met stayed)
            if _relative_head(units, j, lo - 1):
                return j  # "… bagi Presiden X, yang tiba di Jepang … setelah menghadiri …": the relative's subject
            g = governor(units, v.group[0] if v.group else j) if per_only else None
            while g is not None and not g.etype and title_word(g):
                g = governor(units, g.i)  # "bertemu [Menteri Luar Negeri] X sebelum bertolak": past the title
            p = titled_prep(units, j) if per_only else None
            if p is not None and not p.has("AgentPrep"):
                # the same past a title ("… dengan/kepada Presiden Rusia Vladimir Putin saat berkunjung …"):
                # whom one talks to or writes for did not travel; a passive's agent ("oleh") did
                continue
            if g is not None and not g.etype and g.is_verb() and not passive_prefixed(g.low):
                # "Blinken … bertemu Raja Abdullah II sebelum bertolak …": the object did not travel (a
                # passive's agent did: "… disampaikan Prabowo saat berkunjung ke …")
                continue
            return j
    return None


def _relative_head(units: list[Unit], j: int, sub: int) -> bool:
    """Whether a relative clause with a verb of its own opens right after the actor at ``j`` (past a comma) and
    runs on to the subordinator at ``sub``: a subordinate clause there hangs on it, so its subject is the actor."""
    end = units[j].group[-1] if units[j].group else j
    r = end + 1 + (end + 1 < sub and units[end + 1].text == ",")
    return r < sub and units[r].has("Relativizer") and not units[r].etype and \
        any(v.is_verb() and not v.etype for v in units[r + 1:sub])


def _thing_modifier(units: list[Unit], j: int) -> bool:
    """"Rusia melanggar sanksi [Uni Eropa] karena mengirim …": a party after a thing's noun is no one who acts; so
    after an embargo's goods ("melanggar embargo senjata [PBB] karena memasok …": the embargo's owner)."""
    h = (units[j].group[0] if units[j].group else j) - 1
    if units[j].possessor_of is not None:
        return h > 0 and units[h].is_weapon and units[h - 1].has("SanctionCue") and not units[h - 1].etype
    return units[j].modifier and h >= 0 and not units[h].etype and units[h].is_noun() and \
        (not units[h].cls or units[h].has("SanctionCue") and not units[h].has(*SPEECH))


def _sanctioned(units: list[Unit], j: int) -> bool:
    """Whether ``j`` follows "sanksi (baru) ke": whom a sanction hits ("… ke Iran seusai memasok …"), no place."""
    start = (units[j].group[0] if units[j].group else j) - 2  # (past the preposition, then "baru" …)
    m = next((x for x in range(start, -1, -1) if not units[x].has("FunctionWord") or units[x].etype), -1)
    return m >= 0 and prep_is(units, j, "GoalPrep") and units[m].has("SanctionCue") and not units[m].etype


def _matrix_subject(units: list[Unit], c: int) -> int | None:
    """The subject of the verb of saying whose "bahwa" clause runs up to the conjunction at ``c``: who does
    what a "seraya" clause tells (the actors named inside what was said do not)."""
    for k in range(c - 1, 0, -1):
        if units[k].text in STOP_PUNCT:
            return None
        if units[k].has("Complementizer") and not units[k].etype:
            v = next((x for x in range(k - 1, max(-1, k - 4), -1) if units[x].is_verb()), None)
            return left_subject(units, v) if v is not None else None
    return None


def _own_subject(v: Unit) -> bool:
    """A word that can be a clause's own subject though no party: a capitalised name nobody tagged ("Barat"), or
    a noun of people, bodies or sellers, or a cue's noun ("pemasok asing", "negara itu"). Not an untagged
    lower-case word: most are adverbs or auxiliaries nobody listed ("mulai", "nantinya")."""
    if v.etype or v.pron or v.has("FunctionWord"):
        return False
    if v.text[:1].isupper() and v.text.isalpha() and set(v.cls) <= {"LocationHead"}:
        return True
    return v.is_noun() and (v.has("PersonNoun", "GovernmentNoun", "GroupNoun", "StateNoun", "SellerNoun")
                            or NOUN in v.cls.values())  # (an agent noun: "pemasok")


def invited_guest(units: list[Unit], i: int) -> int | None:
    """The guest of an invitation whose aim is the verb at ``i`` ("Trump menerima undangan Xi untuk berkunjung ke
    Beijing": Trump goes, not Xi, the inviter named between the invitation and "untuk"): the subject of the verb
    that takes the invitation; None where no invitation opens the purpose clause."""
    if i < 2 or not units[i - 1].has("PurposeConj"):
        return None
    for k in range(i - 2, max(-1, i - 10), -1):
        v = units[k]
        if v.has("InvitationNoun") and not v.etype:
            return left_subject(units, k, per_only=True)
        if not (v.is_actor or v.title or v.head_word or v.text == "," or v.has("SourcePrep", "RoleTitle")):
            return None
    return None
