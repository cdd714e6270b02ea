"""sanctions: listing a group as terrorist ("Departemen Luar Negeri AS menetapkan Houthi sebagai Organisasi Teroris
Asing", "Kataib Hizbullah telah ditetapkan AS sebagai organisasi teroris", "kelompok yang ditetapkan Washington
sebagai kelompok teroris"). The listing freezes assets and bars support, so news and the guidelines' annotators read
it as a sanction by the designator. Only a status of a terrorist list after "sebagai" counts (a kg:TerrorListLabel):
the same verbs give every other status ("menetapkan X sebagai tersangka"). A listing only planned, weighed or
denied ("berencana menetapkan", "tidak menutup kemungkinan menetapkan") puts no one under sanctions yet: news
names it as a threat, and the annotators leave it out."""

from __future__ import annotations

from kg.cues import ACTIVE, PASSIVE
from kg.extract.clause import actor_keys, left_subject, right_actor
from kg.extract.context import SentenceContext
from kg.extract.described import relative_party
from kg.extract.negated import negated_act
from kg.extract.registry import rule
from kg.extract.rules.sanction_targets import named_targets
from kg.extract.rules.sanctions import by_office
from kg.types import Relation
from kg.units import OPEN_QUOTES, Unit

#: how far before "sebagai" the verb of designating may stand ("menetapkan dua geng terbesar Ekuador, A dan B,
#: sebagai …")
_REACH = 14
#: how far before the verb a word of plan or possibility makes the listing one not made
_BACK = 8


@rule("sanctions", reads=("role_org",), triggers=("TerrorListLabel",))
def listed_terrorist(ctx: SentenceContext) -> list[Relation]:
    """(designator, group) for each terrorist-list status given after "sebagai" by a verb of designating."""
    units, state = ctx.units, ctx.state
    found: list[tuple[str, str]] = []
    for u in units:
        if u.etype or "TerrorListLabel" not in u.cls or (k := _as_before(units, u.i)) is None:
            continue
        v = next((j for j in range(k - 1, max(-1, k - _REACH), -1)
                  if not units[j].etype and units[j].has("DesignateAsVerb")), None)
        if v is None or negated_act(units, v) or _not_done(units, v):
            continue
        voice = units[v].cls.get("DesignateAsVerb")
        if voice == ACTIVE:
            designator, groups = left_subject(units, v), named_targets(units, v, k, state)
        elif voice == PASSIVE:
            designator = right_actor(units, v, k, ("AgentPrep",))
            group = relative_party(units, v, _unnamed_word, reach=4, near=4)
            groups = actor_keys(units, group if group is not None else left_subject(units, v), state)
        else:
            continue
        # ("Trump menetapkan …": the office he holds lists the group; one with none, no one)
        listed = by_office([(a, g, "asserted") for a in actor_keys(units, designator, state) for g in groups], ctx)
        found += [(a, g) for a, g, _ in listed if g != a and (a, g) not in found]
    return [ctx.relation("sanctions", {"sanctioner": a, "target": g}) for a, g in found]


def _as_before(units: list[Unit], i: int) -> int | None:
    """The "sebagai" right before the status at ``i``, past a quote mark or function words, else None."""
    k = i - 1
    while k > 0 and (units[k].text in OPEN_QUOTES or units[k].has("FunctionWord") and not units[k].has("AsPrep")):
        k -= 1
    return k if k > 0 and units[k].has("AsPrep") and not units[k].etype else None


def _not_done(units: list[Unit], v: int) -> bool:
    """A word of plan, possibility, purpose or condition shortly before the verb at ``v`` ("berencana menetapkan",
    "tidak menutup kemungkinan Washington menetapkan", "bila Washington jadi menetapkan", "proses untuk
    menetapkan"): the listing is not made. Wider than a clause's modality, which stops at the conditional."""
    return any(not w.etype and w.has("PlannedCue", "PotentialCue", "IntentCue", "PurposeConj")
               for w in units[max(0, v - _BACK):v])


def _unnamed_word(w: Unit) -> bool:
    """A word of time or manner between "yang" and the verb ("yang belum lama ini ditetapkan …", "yang sejak
    Januari ditetapkan …"), no other verb."""
    return not w.is_verb()
