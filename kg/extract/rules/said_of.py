"""accuses: a wrong laid on a party by a passive verb of saying whose agent is the clitic "-nya" ("…, kata dia,
sementara Israel disebutnya melakukan ribuan pelanggaran", "Rusia dinilainya melanggar kesepakatan"): the one
"-nya" stands for (who speaks in this sentence, else the last speaker or person the article named) accuses the
verb's subject. A passive without the clitic names no source here (kg.extract.rules.sanction_reason reads it)."""

from __future__ import annotations

from kg.cues import ACTIVE, POSSESSIVE, passive_prefixed
from kg.extract.clause import actor_keys, clause_right, left_subject
from kg.extract.context import SentenceContext, State
from kg.extract.parties import as_state, outlet, side
from kg.extract.registry import rule
from kg.types import Relation
from kg.units import Unit


@rule("accuses", triggers=("ChargedPassive",))
def said_by_clitic(ctx: SentenceContext) -> list[Relation]:
    """(the clitic's referent, the subject) for each "disebutnya"/"dinilainya" with a wrong after it."""
    units, state = ctx.units, ctx.state
    found: list[tuple[str, str]] = []
    for u in units:
        if u.etype or "ChargedPassive" not in u.cls or not u.low.endswith(POSSESSIVE) or \
                not passive_prefixed(u.low) or (j := left_subject(units, u.i)) is None or units[j].modifier:
            continue
        hi = clause_right(units, u.i)
        if (w := _wrong_after(units, u.i + 1, hi)) is None or _bare_relative(units, u.i):
            continue
        for a in _clitic_speaker(ctx, state):
            if units[w].has("WrongdoingCue") or _supply_against(units, w, hi, a, state):
                found += [(a, b) for b in actor_keys(units, j, state)
                          if a != b and b not in side(a, state) and (a, b) not in found]
    return [ctx.relation("accuses", {"accuser": a, "accused": b}) for a, b in found]


def _wrong_after(units: list[Unit], lo: int, hi: int) -> int | None:
    """Where a wrong (kg:WrongdoingCue) or an act of supplying (kg:SupplyCue, active) follows in the clause, with
    no negation right before it ("tidak melanggar": a defence); None where none does."""
    for v in units[lo:hi]:
        if v.etype or not (v.has("WrongdoingCue") or v.voice("SupplyCue") == ACTIVE):
            continue
        return None if any(w.has("NegationCue") and not w.etype for w in units[max(lo, v.i - 2):v.i]) else v.i
    return None


def _supply_against(units: list[Unit], k: int, hi: int, speaker: str, state: State) -> bool:
    """The supply at ``k`` goes to a party named after it that is not the speaker's side ("Belarus disebutnya
    memasok amunisi kepada Rusia", said by Ukraine): a charge; arms sent to the speaker's own side
    ("Kanada dinilainya memasok kendaraan lapis baja ke Polandia", said by Poland) are help, no charge."""
    r = next((m for m in range(k + 2, hi) if units[m].is_actor and units[m - 1].has("RecipientPrep")), None)
    if r is None:
        return False
    ours = side(speaker, state) | {speaker}
    return not any(x in ours for x in as_state(actor_keys(units, r, state), state))


def _bare_relative(units: list[Unit], i: int) -> bool:
    """A relative clause with no comma before "yang" ("penahanan Presiden X yang dinilainya melanggar …"): it may
    hang on the noun before the party, which then did nothing."""
    return i >= 2 and units[i - 1].has("Relativizer") and not units[i - 1].etype and units[i - 2].text != ","


def _clitic_speaker(ctx: SentenceContext, state: State) -> tuple[str, ...]:
    """Whom the "-nya" of a passive verb of saying stands for: a speaker this sentence names, else the last
    speaker, else the last person named (never a news outlet)."""
    here = tuple(dict.fromkeys(sp for f in ctx.frames for sp in f.speaker))
    who = here or state.last_speaker or ((state.last_per,) if state.last_per else ())
    return tuple(k for k in who if not outlet(k, state))
