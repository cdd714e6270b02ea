"""More targets of the sanction just told, named as undergoing it with no sanctioner of their own: "Uni Eropa
menjatuhkan sanksi terhadap Rusia. Korea Utara ikut dibidik." (a passive verb of aiming or sanctioning that ends
its clause, with no agent), "Golden Triangle Bank dan Korea Mandal Credit Bank termasuk yang terkena." (those
"among the ones hit"). The sanctioners are whoever imposed the sanction of the sentence just before."""

from __future__ import annotations

from kg.cues import PASSIVE
from kg.extract.clause import actor_keys, clause_right, left_subject
from kg.extract.context import SentenceContext
from kg.extract.registry import rule
from kg.extract.rules.sanction_side import imposers
from kg.types import Relation
from kg.units import STOP_PUNCT, Unit, skip_span

_PARTIES = ("PER", "ORG", "GPE")


@rule("sanctions", triggers=("AimVerb", "SanctionCue", "ListIntro"))
def joined_targets(ctx: SentenceContext) -> list[Relation]:
    units, state = ctx.units, ctx.state
    recent = [r for r in state.relations if r.type == "sanctions" and r.modality != "denied"
              and ctx.sentence.index - 2 <= r.sentence < ctx.sentence.index]
    unnamed, para = state.unnamed_sanction  # ("… terhadap jaringan pemasok drone Iran": targets not named yet)
    if not state.sanctioners or not recent and not (unnamed and 0 <= ctx.sentence.paragraph - para <= 1):
        return []
    who = imposers(state)
    modality = recent[-1].modality if recent else "asserted"
    out: list[Relation] = []
    for u in units:
        if u.etype or not u.cls:
            continue
        passive = PASSIVE in (u.cls.get("AimVerb"), u.cls.get("SanctionCue"))
        among = u.has("ListIntro") and u.i + 2 < len(units) and units[u.i + 1].has("Relativizer") and \
            _undergoes(units[u.i + 2])
        if not (passive and _bare_end(units, u.i) or among and _bare_end(units, u.i + 2)):
            continue
        j = left_subject(units, u.i)
        rel = next((v.i for v in reversed(units[j + 1:u.i]) if v.has("Relativizer")), None) if j is not None else None
        if j is None or not units[j].is_actor or units[j].paren or units[j].title or units[j].modifier or \
                rel is not None and all(v.text != "," for v in units[rel + 1:u.i]):
            # (not "Qods, produsen drone Iran yang sudah lama disanksi": the firm described, not Iran; but "Lembaga X,
            # yang terhubung dengan …, juga ikut dibidik": the relative clause closed, X is the verb's subject)
            continue
        for t in actor_keys(units, j, state):
            e = state.entities.get(t)
            if e is not None and e.type in _PARTIES and t not in who:
                out += [ctx.relation("sanctions", {"sanctioner": a, "target": t}, modality) for a in who]
    return out


def _undergoes(v: Unit) -> bool:
    """A verb of undergoing or a passive one of sanctioning or aiming ("yang terkena", "yang disanksi")."""
    return not v.etype and (v.has("UndergoVerb") or PASSIVE in (v.cls.get("AimVerb"), v.cls.get("SanctionCue")))


def _bare_end(units: list[Unit], i: int) -> bool:
    """Nothing but a sanction noun, adverbs or punctuation after the verb at ``i`` to its clause's end: no agent and
    no object ("ikut dibidik.", "termasuk yang terkena sanksi."), so not "disasar drone Rusia" (an attack)."""
    end = skip_span(units, i, "UndergoVerb") if units[i].has("UndergoVerb") else i + 1
    for v in units[end:clause_right(units, i)]:
        if v.text in STOP_PUNCT or v.text == ",":
            return True
        if v.etype or not (v.has("FunctionWord") or v.cls.get("SanctionCue") and not v.is_verb()):
            return False
    return True
