"""supplies told by where the weapons came from, in a list of an army's kit: "Dari Prancis ada rudal panggul
Mistral 3. Dari Rusia ada Pantsir, ditambah armada MiG-29." The buyer is the state the article is about."""

from __future__ import annotations

from kg.extract.clause import actor_keys
from kg.extract.context import SentenceContext
from kg.extract.discourse import topic_state
from kg.extract.modality import event_modality
from kg.extract.parties import as_state
from kg.extract.registry import rule
from kg.extract.rules.supplies import weapons_after
from kg.types import Relation


@rule("supplies", triggers=("ExistCue",))
def origins(ctx: SentenceContext) -> list[Relation]:
    units, state = ctx.units, ctx.state
    if len(units) < 4 or not units[0].has("SourcePrep") or not units[1].is_actor or units[1].etype != "GPE":
        return []
    k = 3 if units[2].text == "," else 2
    if not units[k].has("ExistCue") or units[k].etype:
        return []
    widx, _ = weapons_after(units, k, len(units), reach=4)
    supplier = as_state(actor_keys(units, 1, state), state)
    buyer = topic_state(state)
    if not widx or buyer is None or buyer in supplier:
        return []
    modality = event_modality(units, k, None)
    weapons = list(dict.fromkeys(units[w].key for w in widx if units[w].key))
    return [ctx.relation("supplies", {"supplier": s, "weapon": w, "recipient": buyer}, modality, 0.6)
            for w in weapons for s in supplier]
