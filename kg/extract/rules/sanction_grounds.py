"""accuses: a sanction imposed for a wrong the sentence names ("Washington memasukkan Hemedti ke daftar hitam atas
perannya dalam kekejaman sistematis …", "AS menjatuhkan sanksi kepada X karena terlibat pelanggaran HAM") is the
sanctioner's charge against each person or firm it targets (a state sanctioned "atas invasinya ke Ukraina" is
background the articles tell, not a charge made there). Only where the grounds name no other party."""

from __future__ import annotations

from kg.extract.context import SentenceContext
from kg.extract.registry import rule
from kg.types import Relation
from kg.units import STOP_PUNCT, Unit

_REACH = 10  # units of the grounds phrase read for the wrong


@rule("accuses", reads=("sanctioners",), triggers=("GroundsPrep", "ReasonConj"))
def sanction_grounds(ctx: SentenceContext) -> list[Relation]:
    units, state, s = ctx.units, ctx.state, ctx.sentence
    grounds = [u.i for u in units if not u.etype and u.has("GroundsPrep", "ReasonConj")]
    if not grounds:
        return []
    imposed = [r for r in state.relations if r.type == "sanctions" and r.sentence == s.index and
               r.modality == "asserted" and r.args.get("target")]
    found: list[tuple[str, str]] = []
    for g in grounds:
        if not _names_a_wrong(units, g):
            continue
        for r in imposed:
            a, b = str(r.args["sanctioner"]), str(r.args["target"])
            e = state.entities.get(b)
            if a != b and (a, b) not in found and e is not None and e.type in ("PER", "ORG") and \
                    any(u.i < g and b in u.keys for u in units):
                found.append((a, b))
    return [ctx.relation("accuses", {"accuser": a, "accused": b}) for a, b in found]


def _names_a_wrong(units: list[Unit], g: int) -> bool:
    """The phrase after the grounds word at ``g`` names a wrong and no party of its own (the target's "-nya" is no
    party): "atas perannya dalam kekejaman …", "karena terlibat pelanggaran HAM"; or it opens with a charge word,
    whatever parties it names (not "karena dinilai …", "dicurigai …": the sanctioner's view, which annotators split on)."""
    if g + 1 < len(units) and not units[g + 1].etype and units[g + 1].has("AccusationNoun", "AccuseCue"):
        return True  # "atas dugaan korupsi", "karena dituding mengatur dukungan militer Rwanda …": the charge, said so
    wrong = False
    for v in units[g + 1:g + 1 + _REACH]:
        if v.text in STOP_PUNCT or v.text == "," or not v.etype and v.has("ClauseBoundary", "ReasonConj"):
            break
        if wrong and not v.etype and v.has("Preposition"):
            break  # "… kekejaman sistematis terhadap rakyat Sudan": those it was done to, no party of the charge
        if v.is_actor:
            return False
        wrong = wrong or not v.etype and v.has("WrongdoingCue", "HarmNoun")
    return wrong
