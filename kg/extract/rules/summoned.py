"""accuses: summoning another state's envoy is a diplomatic protest ("Menlu X memanggil Duta Besar Rusia, Y",
"Kemlu Lebanon memanggil duta besar Iran"): the summoner accuses the state the envoy serves."""

from __future__ import annotations

from kg.cues import NOUN, POSSESSIVE
from kg.extract.clause import actor_keys, clause_right, left_subject
from kg.extract.context import SentenceContext, State
from kg.extract.negated import negated_act
from kg.extract.parties import home_of, outlet, side, stands_for
from kg.extract.registry import rule
from kg.types import Relation
from kg.units import Unit, skip_span


@rule("accuses", reads=("role_org",), triggers=("SummonEnvoyCue",))
def summoned_envoy(ctx: SentenceContext) -> list[Relation]:
    units, state = ctx.units, ctx.state
    here = dict(ctx.products.get("role_org", []))
    found: list[tuple[str, str]] = []
    for u, end in _summons(units):
        if units[end - 1].low.endswith(POSSESSIVE):
            continue  # "memanggil duta besarnya": its own envoy, called home
        if any(v.has("AccusationNoun", "DenyCue", "RejectCue", "DismissCue") and not v.etype for v in units[:u.i]):
            continue  # "menyebut tudingan itu propaganda dan memanggil kuasa usaha X": an answer to a charge, told as such
        hi = clause_right(units, u.i)
        if any(v.cls.get("PactAct") == NOUN and not v.etype for v in units[end:hi]):
            continue  # "memanggil duta besar Rusia untuk memprotes kesepakatan itu": a pact protested, no wrong charged
        if any(v.has("DiscussVerb") and not v.etype for v in units[end:hi]):
            continue  # "memanggil Dubes Iran dan Dubes AS untuk membahas ketegangan": called in to talk, not to protest
        j = left_subject(units, u.i)
        served = served_state(units, end, hi, state, here)
        if j is None or served is None:
            continue
        found += [p for p in charged_by(units, j, served, state, here) if p not in found]
    return [ctx.relation("accuses", {"accuser": a, "accused": b}) for a, b in found]


@rule("warns", reads=("role_org",), triggers=("SummonEnvoyCue",))
def summoned_to_warn(ctx: SentenceContext) -> list[Relation]:
    """warns: an envoy summoned to be given a warning ("memanggil diplomat senior Iran untuk menyampaikan
    peringatan soal konsekuensi …"): the summoner warns the state the envoy serves."""
    units, state = ctx.units, ctx.state
    here = dict(ctx.products.get("role_org", []))
    found: list[tuple[str, str]] = []
    for u, end in _summons(units):
        purpose = next((k for k in range(end, len(units)) if units[k].has("PurposeConj") and not units[k].etype), None)
        if purpose is None or not any(v.has("WarnCue", "ThreatNoun") and not v.etype
                                      for v in units[purpose + 1:purpose + 4]):
            continue
        j = left_subject(units, u.i)
        served = served_state(units, end, purpose, state, here)
        if j is not None and served is not None:
            found += [p for p in charged_by(units, j, served, state, here) if p not in found]
    return [ctx.relation("warns", {"warner": a, "warned": b}) for a, b in found]


def _summons(units: list[Unit]) -> list[tuple[Unit, int]]:
    """Each verb of summoning an envoy that is not negated, with where the words after it start."""
    return [(u, skip_span(units, u.i, "SummonEnvoyCue")) for u in units
            if not u.etype and "SummonEnvoyCue" in u.cls and not negated_act(units, u.i)]


def charged_by(units: list[Unit], j: int, served: str, state: State, here: dict[str, str]) -> list[tuple[str, str]]:
    """(accuser, state) for each party of the subject at ``j`` that summons or expels the envoys of ``served``:
    not an outlet reporting it, nor the envoys' own side (a state calling its own ambassador home)."""
    out = []
    for a in actor_keys(units, j, state):
        own = side(a, state, here) | {stands_for(k, state) for k in side(a, state, here)}
        if not outlet(a, state) and served not in own:
            out.append((a, served))
    return out


def served_state(units: list[Unit], lo: int, hi: int, state: State, here: dict[str, str]) -> str | None:
    """The state the envoy named right after the summoning verb serves: the state in his title ("Duta Besar
    Prancis di Athena, X"), else the one the person is known to serve ("Dubes Vasyl Hamianin")."""
    for k in range(lo, min(hi, lo + 4)):
        v = units[k]
        if v.etype == "PER" and v.key:
            if v.role and v.role[1] is not None and units[v.role[1]].keys:
                return stands_for(units[v.role[1]].keys[0], state)
            home = home_of(v.key, state, here)
            return stands_for(home, state) if home else None
        if v.is_actor and v.keys:
            return stands_for(v.keys[0], state)
        if v.is_verb():
            return None
    return None
