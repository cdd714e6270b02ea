"""(reporter, wrongdoer) pairs told by a report of a wrong with its agent: "Polandia dan Rumania melaporkan
pelanggaran wilayah udara oleh drone Rusia". A verb of reporting or revealing whose object is a noun of a wrong
done by a party after "oleh" charges that party as "menuding Rusia melanggar …" would (read by
kg.extract.rules.accuses, whose accusations a later denial answers)."""

from __future__ import annotations

from kg.cues import ACTIVE, NOUN
from kg.extract.clause import actor_keys, left_subject
from kg.extract.context import State
from kg.extract.negated import negated_act
from kg.extract.parties import outlet
from kg.units import STOP_PUNCT, Unit, skip_span


def reported_wrongs(units: list[Unit], state: State) -> list[tuple[str, str]]:
    """(accuser, accused) of each verb of reporting whose object is a wrong done by a party after "oleh"."""
    out: list[tuple[str, str]] = []
    for u in units:
        if u.etype or u.cls.get("ReportCue") != ACTIVE or negated_act(units, u.i):
            continue
        k = skip_span(units, u.i, "ReportCue")
        while k < len(units) and units[k].has("FunctionWord") and not units[k].etype:
            k += 1  # ("melaporkan adanya pelanggaran …")
        if k >= len(units) or units[k].etype or units[k].cls.get("WrongdoingCue") != NOUN:
            continue
        agent = _agent(units, k)
        j = left_subject(units, u.i)
        if agent is None or j is None:
            continue
        by = [a for a in actor_keys(units, j, state) if not outlet(a, state)]
        wrongdoers = actor_keys(units, agent, state)
        out += [(a, b) for a in by for b in wrongdoers if a != b]
    return out


def _agent(units: list[Unit], k: int) -> int | None:
    """The party after "oleh" that did the wrong named at ``k`` (past what it is done to and the craft it is done
    with: "pelanggaran wilayah udara oleh drone Rusia"), within a short phrase."""
    for m in range(k + 1, min(len(units) - 1, k + 6)):
        v = units[m]
        if v.etype or v.text in STOP_PUNCT or v.text == ",":
            return None
        if v.has("AgentPrep"):
            n = m + 1
            while n < len(units) and units[n].etype == "WEAPON":
                n += 1  # ("oleh drone Rusia": the drone's owner)
            return n if n < len(units) and units[n].is_actor and units[n].etype != "WEAPON" and not units[n].paren \
                else None
    return None
