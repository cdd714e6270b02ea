"""The rest of a list of sanction targets told in the next sentence: "Tiga perusahaan Hong Kong, yakni A, B dan C,
disebut menyalurkan komponen drone …. Tiga lainnya, D, E serta F, dituding mengirim peralatan …". A sentence that
opens with a count and a word for the rest ("lainnya", "sisanya", "berikutnya"), a counted noun between them or not
("Lima nama berikutnya …, yakni …", "Tiga orang lainnya, …"), or with "ada pula" ("Ada pula X, …"), names more
targets of the sanction whose targets one of the last few sentences named, by the same sanctioners (news split long
designation lists this way)."""

from __future__ import annotations

from kg.extract.context import SentenceContext
from kg.extract.registry import rule
from kg.extract.rules.sanction_targets import named_targets
from kg.types import Relation
from kg.units import Unit

_BACK = 3  # how many sentences back the sanction whose list goes on may have been told


@rule("sanctions", triggers=("RestWord", "ExistCue"))
def rest_of_targets(ctx: SentenceContext) -> list[Relation]:
    units = ctx.units
    if len(units) < 4 or units[0].etype:
        return []
    if units[0].has("ExistCue") and units[1].has("FunctionWord") and not units[1].etype and units[2].is_actor:
        rest = 1  # "Ada pula X, perusahaan TI yang …": one more of the list the sentence before began
    elif units[0].has("NumberWord") or units[0].text.isdigit():
        rest = 1 if units[1].has("RestWord") else 2 if _counted_noun(units[1]) and units[2].has("RestWord") else None
    else:
        rest = None
    if rest is None:
        return []
    recent = [r for r in ctx.state.relations if r.type == "sanctions" and r.args.get("target")
              and ctx.sentence.index - _BACK <= r.sentence < ctx.sentence.index]
    if not recent:
        return []
    last = max(r.sentence for r in recent)
    before = [r for r in recent if r.sentence == last]
    told = {r.args["target"] for r in before}
    who = list(dict.fromkeys(str(r.args["sanctioner"]) for r in before))
    modality = before[-1].modality
    end = _list_end(units)
    # "Lima nama berikutnya merupakan pejabat X, yakni A, …": the names the introducer lists, not their employer
    start = next((k for k in range(rest + 1, end) if units[k].has("ListIntro") and not units[k].etype), rest)
    found = [t for t in named_targets(units, start, end, ctx.state) if t not in told and t not in who]
    return [ctx.relation("sanctions", {"sanctioner": a, "target": t}, modality) for t in found for a in who]


def _counted_noun(u: Unit) -> bool:
    """A plain common noun that a count and a rest word enclose ("Tiga orang lainnya", "Lima nama berikutnya")."""
    return not u.etype and not u.is_verb() and u.text.isalpha() and u.text.islower()


def _list_end(units: list[Unit]) -> int:
    """Where the names end: at the sentence's own verb ("…, dituding mengirim …"), not a verb of a relative
    clause inside the list ("B yang berbasis di China daratan"); the sentence end after a copula."""
    for k in range(3, len(units)):
        v = units[k]
        if v.is_verb() and not v.etype and not v.has("Copula") and \
                not any(w.has("Relativizer") for w in units[max(0, k - 2):k]):
            return k
    return len(units)
