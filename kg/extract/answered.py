"""Denials whose accuser is told in another sentence than the denial and never as a charge against the denier.

Two constructions leave :func:`kg.extract.rules.denies.denials` without an accuser:

- a bare denial ("Islamabad menolak semua tudingan.", "Ukraina lantas membantah tudingan tersebut") after a
  sentence whose charge names the denier only inside a clause ("New Delhi menuding serangan itu memiliki
  kaitan dengan Pakistan", "Rusia menuding bahwa senjata … untuk Ukraina berakhir di pasar gelap"): no
  accusation of the denier was made, so :func:`kg.extract.parties.last_accusers` knows none;
- a denial told with no accuser, then answered by the next sentence as a noun: "Penolakan ini muncul sehari
  setelah Amnesty International merilis laporan …", "Bantahan itu menyusul laporan Wall Street Journal".
"""

from __future__ import annotations

from kg.cues import ACTIVE, NOUN
from kg.extract.clause import actor_keys, clause_right, left_subject
from kg.extract.context import Frame, State
from kg.extract.negated import negated_act
from kg.extract.parties import side
from kg.units import OPEN_QUOTES, STOP_PUNCT, Unit, skip_span

#: how many sentences back the last denial told with a verb may be "Bantahan itu" (its speaker's words between)
AFTER = 6
#: how many sentences back a charge may be answered by a bare denial (a paragraph of three or four sentences)
REACH = 3


def denial_verb(u: Unit, units: list[Unit]) -> bool:
    """Whether ``u`` is an active verb of denying or rejecting that no negation turns around."""
    return not u.etype and ACTIVE in (u.cls.get("DenyCue"), u.cls.get("RejectCue")) and not negated_act(units, u.i)


def bare_object_end(units: list[Unit], u: Unit) -> int | None:
    """For the denial verb ``u``: the index after what it denies where that is nothing or only "(semua)
    tudingan (itu)"; None where the charge is told after it ("membantah tuduhan AS bahwa …", "membantah memasok
    …": read by the denial rules) or "menolak" has no charge to reject."""
    hi = clause_right(units, u.i)
    k = u.i + 1
    while k < hi and not units[k].etype and units[k].has("AllQuantifier"):
        k += 1
    if k < hi and not units[k].etype and units[k].has("AccusationNoun"):
        k = skip_span(units, k, "AccusationNoun")
        k += k < hi and units[k].has("Demonstrative")
    elif u.cls.get("DenyCue") != ACTIVE:
        return None
    if k < hi and units[k].text not in STOP_PUNCT and not units[k].has("Conjunction"):
        return None
    return k


def bare_denials(units: list[Unit], state: State, here: int, found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A denial of nothing named, or of "(semua) tudingan (itu)" only, whose denier no accuser was found for:
    the accuser is who made the last charge of the ``REACH`` sentences before that named the denier or its side."""
    out: list[tuple[str, str]] = []
    for u in units:
        if not denial_verb(u, units) or bare_object_end(units, u) is None:
            continue
        j = left_subject(units, u.i)
        if j is None or not units[j].is_actor:
            continue
        for d in actor_keys(units, j, state):
            if any(fd == d for fd, _ in found + out):
                continue
            own = side(d, state) | {d}
            for at, makers, named in reversed(state.charged):
                if 0 < here - at <= REACH and own.intersection(named) and own.isdisjoint(makers):
                    out += [(d, m) for m in makers if (d, m) not in out]
                    break
    return out


def answered_after(units: list[Unit], state: State, here: int) -> list[tuple[str, str]]:
    """"Penolakan ini muncul sehari setelah Amnesty International merilis laporan …", "Bantahan itu menyusul
    laporan Wall Street Journal": a denial noun with a demonstrative, whose sentence says after whose report or
    charge it came, answers that party for whoever last denied with a verb, a few sentences before at most
    (the denier's own words may come between: "Abu Dhabi menepis laporan … . [quotes] Bantahan itu menyusul …")."""
    deniers, at = state.denied_by
    lead = next((v for v in units[:2] if not v.etype), None)
    if not 0 < here - at <= AFTER or not deniers or lead is None or \
            NOUN not in (lead.voice("DenyCue"), lead.voice("RejectCue")) or \
            lead.i + 1 >= len(units) or not units[lead.i + 1].has("Demonstrative"):
        return []
    conj = next((v.i for v in units[lead.i + 2:lead.i + 7] if not v.etype and v.has("AfterConj")), None)
    if conj is None:
        return []
    k = conj + 1
    if k < len(units) and not units[k].etype and units[k].has("AccusationNoun"):
        k = skip_span(units, k, "AccusationNoun")  # "menyusul laporan Wall Street Journal"
    elif not (k + 1 < len(units) and units[k].is_actor and units[k + 1].is_verb()):
        return []  # "setelah Amnesty International merilis laporan": the one who acted after the conjunction
    if k >= len(units) or not units[k].is_actor or units[k].paren:
        return []
    accusers = actor_keys(units, k, state)
    return [(d, a) for d in deniers for a in accusers if a != d and d not in side(a, state)]


#: how many sentences back a denial by the speaker's side may be the one their quoted dismissal goes on with
QUOTED = 3


def quoted_frame(units: list[Unit], f: Frame) -> bool:
    """The frame opens at a quotation mark (just before its first word or on it): the speaker's own words."""
    return f.lo < min(f.hi, len(units)) and (f.lo > 0 and units[f.lo - 1].text in OPEN_QUOTES or
                                             units[f.lo].text in OPEN_QUOTES)


def side_dismissals(units: list[Unit], frames: list[Frame], state: State, here: int,
                    found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """"Ukraina membantah tudingan tersebut … . “Semua rumor lainnya adalah propaganda …,” tulis Podolyak": a
    speaker whose quotation dismisses a claim ("tidak berdasar", "propaganda", "bohong") right after their
    side denied one (``QUOTED`` sentences back at most) goes on with that denial, against the same accuser, where
    no accuser of their own was found. Only a quotation: a spokesperson's reported "menyebut laporan itu sebagai
    propaganda" after their state's denial is not a denial of their own in the held-out gold."""
    out: list[tuple[str, str]] = []
    for f in frames:
        hi = min(f.hi, len(units))
        if not f.speaker or not quoted_frame(units, f) or not any(
                not v.etype and v.has("DismissCue") and not negated_act(units, v.i) for v in units[f.lo:hi]):
            continue
        for speaker in f.speaker:
            if any(d == speaker for d, _ in found + out):
                continue
            own = side(speaker, state)
            before = [r for r in state.relations if r.type == "denies" and 0 < here - r.sentence <= QUOTED
                      and r.args.get("denier") in own and r.args.get("denier") != speaker and r.args.get("accuser")]
            if before:
                last = max(r.sentence for r in before)
                out += [(speaker, str(r.args["accuser"])) for r in before if r.sentence == last
                        and r.args["accuser"] != speaker and (speaker, str(r.args["accuser"])) not in out]
    return out


def bare_heading(units: list[Unit]) -> bool:
    """"Kigali Membantah", "Teheran Menampik": a section heading of the denier and its verb alone, no stop after
    it. The section below tells what it answers, and its own denial names the accuser; the heading answers
    nothing yet (not the last charge told above it)."""
    return len(units) > 1 and units[-1].text not in STOP_PUNCT and not units[-1].etype and \
        ACTIVE in (units[-1].cls.get("DenyCue"), units[-1].cls.get("RejectCue")) and \
        all(v.is_actor or v.has("FunctionWord") for v in units[:-1])
