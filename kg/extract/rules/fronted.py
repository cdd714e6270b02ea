"""warns: a condition set before a threat ("Jika X tidak mengubah arah, Menlu Y memperingatkan bahwa Moskow
memiliki hak …", "Kalau X menyerang lagi, Y mengancam akan membalas"): the condition's subject is warned."""

from __future__ import annotations

from kg.cues import ACTIVE, POSSESSIVE
from kg.extract.clause import actor_keys, left_subject
from kg.extract.context import SentenceContext, State
from kg.extract.negated import negated_act
from kg.extract.parties import outlet, side
from kg.extract.registry import rule
from kg.types import Relation
from kg.units import STOP_PUNCT, Unit


@rule("warns", reads=("role_org",), triggers=("ConditionalConj",))
def fronted_condition(ctx: SentenceContext) -> list[Relation]:
    """A sentence that opens with a condition on a party and whose main clause, after the comma, is a warning
    verb telling what the warner's own side will do (a threat: "mengancam akan …", "memperingatkan bahwa
    kami/negaranya …"): the warning is to that party (not "Jika Rusia menang, X memperingatkan bahwa Eropa
    akan terancam": a danger foretold, no threat to Russia)."""
    units, state = ctx.units, ctx.state
    here = dict(ctx.products.get("role_org") or [])
    n = len(units)
    c = next((u.i for u in units[:3] if u.has("ConditionalConj") and not u.etype), None)
    if c is None or any(units[k].is_actor or units[k].is_verb() for k in range(c)):
        return []
    comma = next((k for k in range(c + 1, min(n, c + 20)) if units[k].text == "," or units[k].text in STOP_PUNCT), None)
    if comma is None or units[comma].text != ",":
        return []
    cond = _condition_subjects(units, c, comma)
    if not cond:
        return []
    w = next((k for k in range(comma + 1, min(n, comma + 10)) if units[k].voice("WarnCue") == ACTIVE
              and not units[k].etype), None)
    if w is None or negated_act(units, w) or any(units[k].is_verb() for k in range(comma + 1, w)):
        return []  # (only the main clause's own verb: not "…, X akan membalas dan memperingatkan …")
    s = left_subject(units, w)
    if s is None or s <= comma:
        return []
    found: list[tuple[str, str]] = []
    for a in actor_keys(units, s, state):
        own = side(a, state, here)
        if outlet(a, state) or not _own_act(units, w, own, state):
            continue
        found += [(a, b) for j in cond for b in actor_keys(units, j, state)
                  if b != a and b not in own and a not in side(b, state, here) and (a, b) not in found]
    return [ctx.relation("warns", {"warner": a, "warned": b}) for a, b in found]


def _condition_subjects(units: list[Unit], c: int, hi: int) -> list[int]:
    """The actors a condition opening at ``c`` names as its subject, before its verb ("jika AS dan sekutu
    NATO-nya tidak mengubah arah"): none where a preposition comes first ("jika terjadi serangan ke X")."""
    out: list[int] = []
    for k in range(c + 1, min(hi, c + 9)):
        v = units[k]
        if v.is_verb():
            return out
        if v.has("Preposition") and not v.etype or v.title:
            return []
        if v.is_actor and not v.paren:
            out.append(k)
    return []


def _own_act(units: list[Unit], w: int, own: set[str], state: State) -> bool:
    """The warning verb at ``w`` goes on to what the warner's own side will do: a modal and a verb ("mengancam
    akan membalas"), or a "bahwa" clause whose subject is his side ("kami", "negaranya", "Moskow")."""
    n = len(units)
    k = w + 1
    if k + 1 < n and units[k].has("PlannedCue", "PotentialCue") and not units[k].etype and units[k + 1].is_verb():
        return True
    if k + 1 >= n or not units[k].has("Complementizer") or units[k].etype:
        return False
    s = units[k + 1]
    if s.pron == "1":
        return True
    if s.is_actor:
        keys = actor_keys(units, s.i, state)
        return bool(keys) and all(x in own for x in keys)
    return s.has("StateNoun", "GovernmentNoun") and s.low.endswith(POSSESSIVE)
