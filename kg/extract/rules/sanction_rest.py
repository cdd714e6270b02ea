"""The rest of a list of sanction targets told in the next sentence: "Tiga perusahaan Hong Kong, yakni A, B dan C,
disebut menyalurkan komponen drone …. Tiga lainnya, D, E serta F, dituding mengirim peralatan …". A sentence that
opens with a count and a word for the rest ("lainnya", "sisanya") names more targets of the sanction whose targets
the sentence right before named, by the same sanctioners (news split long designation lists this way)."""

from __future__ import annotations

from kg.extract.context import SentenceContext
from kg.extract.registry import rule
from kg.extract.rules.sanction_targets import named_targets
from kg.types import Relation
from kg.units import Unit


@rule("sanctions", triggers=("RestWord",))
def rest_of_targets(ctx: SentenceContext) -> list[Relation]:
    units = ctx.units
    if len(units) < 4 or units[0].etype or not (units[0].has("NumberWord") or units[0].text.isdigit()) \
            or not units[1].has("RestWord"):
        return []
    before = [r for r in ctx.state.relations if r.type == "sanctions" and r.sentence == ctx.sentence.index - 1
              and r.args.get("target")]
    if not before:
        return []
    told = {r.args["target"] for r in before}
    who = list(dict.fromkeys(str(r.args["sanctioner"]) for r in before))
    modality = before[-1].modality
    found = [t for t in named_targets(units, 1, _list_end(units), ctx.state) if t not in told and t not in who]
    return [ctx.relation("sanctions", {"sanctioner": a, "target": t}, modality) for t in found for a in who]


def _list_end(units: list[Unit]) -> int:
    """Where the names end: at the sentence's own verb ("…, dituding mengirim …"), not a verb of a relative
    clause inside the list ("B yang berbasis di China daratan"); the sentence end after a copula."""
    for k in range(3, len(units)):
        v = units[k]
        if v.is_verb() and not v.etype and not v.has("Copula") and \
                not any(w.has("Relativizer") for w in units[max(0, k - 2):k]):
            return k
    return len(units)
