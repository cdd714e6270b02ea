"""accuses: expelling another state's envoys is a diplomatic charge ("Kemlu Norwegia mengusir seorang diplomat
Sudan yang dicurigai memata-matai …", "Rusia mengusir enam diplomat Inggris", "mengusir duta besar Rwanda"):
the expeller accuses the state the envoys serve, as a summons does (kg.extract.rules.summoned)."""

from __future__ import annotations

from kg.extract.clause import clause_right, left_subject
from kg.extract.context import SentenceContext
from kg.extract.negated import negated_act
from kg.extract.registry import rule
from kg.extract.rules.summoned import charged_by, served_state
from kg.types import Relation
from kg.units import Unit, skip_span


@rule("accuses", reads=("role_org",), triggers=("ExpelCue",))
def expelled_envoy(ctx: SentenceContext) -> list[Relation]:
    units, state = ctx.units, ctx.state
    here = dict(ctx.products.get("role_org", []))
    found: list[tuple[str, str]] = []
    if any(v.has("RetaliationCue") and not v.etype for v in units):
        return []  # "mengusir tiga diplomat Estonia sebagai pembalasan atas …": a reply in kind, no charge of its own
    for u in units:
        if u.etype or "ExpelCue" not in u.cls or negated_act(units, u.i):
            continue
        k = _envoy_at(units, skip_span(units, u.i, "ExpelCue"))
        j = left_subject(units, u.i)
        if k is None or j is None:
            continue
        served = served_state(units, k, clause_right(units, u.i), state, here)
        if served is None:
            continue
        found += [p for p in charged_by(units, j, served, state, here) if p not in found]
    return [ctx.relation("accuses", {"accuser": a, "accused": b}) for a, b in found]


def _envoy_at(units: list[Unit], k: int) -> int | None:
    """Index of the envoy noun right after the verb, past a count ("seorang", "enam", "3", "sejumlah", "para")."""
    for _ in range(2):
        if k >= len(units) or units[k].etype:
            return None
        v = units[k]
        if v.has("DiplomatNoun", "EnvoyTitle"):
            return k
        if not (v.has("NumberWord", "Quantifier", "FunctionWord") or v.text.isdigit()):
            return None
        k += 1
    return None
