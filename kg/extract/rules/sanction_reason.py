"""accuses: the reason given for a sanction is the sanctioner's accusation of the target.

"AS menyanksi A dan B. Keduanya disebut mengatur pengapalan …", "Ia dinilai bertanggung jawab atas …": a passive of
saying or judging with no source named, whose subject the article has someone sanction, is that sanctioner's
charge. "Menurut Brussel, A dan B terlibat dalam perdagangan ilegal …": the sanctioner's own words on what its
target did accuse it."""

from __future__ import annotations

from kg.extract.clause import actor_keys, frame_of, left_subject
from kg.extract.context import SentenceContext
from kg.extract.parties import outlet, side
from kg.extract.registry import rule
from kg.types import Relation
from kg.units import Unit

#: active verbs that give the sanctioner's own view or words, not the target's act ("karena menilai …")
_OWN = ("BeliefCue", "QuoteVerb", "ReportCue", "AccuseCue", "ClaimVerb")


@rule("accuses", reads=("sanctioners", "sanction_reasons"), triggers=("ChargedPassive", "AccordingTo"))
def sanction_reason(ctx: SentenceContext) -> list[Relation]:
    units, state = ctx.units, ctx.state
    found: list[tuple[str, str]] = []

    def add(a: str, b: str) -> None:
        if a != b and not outlet(a, state) and b not in side(a, state) and (a, b) not in found:
            found.append((a, b))

    for u in units:
        if u.etype or not u.cls:
            continue
        if "ChargedPassive" in u.cls and _act_follows(units, u.i + 1, nouns=False):
            f = frame_of(ctx.frames, u.i)
            if f is not None and f.speaker:
                continue  # a speaker's claim: whose it is, the speech rules say
            j = left_subject(units, u.i)
            if j is None or any(not v.has("ChargeFiller") for v in units[j + 1:u.i] if not v.is_actor and
                                not v.has("Conjunction") and v.text != ","):
                continue  # the subject right before the passive ("Keduanya disebut …", "A dan B dituding …")
            for b in actor_keys(units, j, state):
                for r in state.relations:
                    if r.type == "sanctions" and r.modality == "asserted" and r.args.get("target") == b:
                        add(str(r.args["sanctioner"]), b)
    for f in ctx.frames:
        # "Menurut Brussel, Kamanzi dan kilang Gasabo terlibat dalam perdagangan ilegal …": the sanctioner's own
        # words on what its target did
        for j in range(f.lo, min(f.hi, len(units))):
            v = units[j]
            if not v.is_actor or v.prep or v.title or v.paren or not _act_follows(units, _list_end(units, j) + 1, False):
                continue
            for b in v.keys:
                by = {str(r.args["sanctioner"]) for r in state.relations if r.type == "sanctions"
                      and r.modality == "asserted" and r.args.get("target") == b}
                for sp in f.speaker:
                    if by & side(sp, state) or any(sp in side(x, state) for x in by):
                        add(sp, b)
    return [ctx.relation("accuses", {"accuser": a, "accused": b}) for a, b in found]


def _act_follows(units: list[Unit], k: int, nouns: bool) -> bool:
    """An act told next, with no subject of its own: a verb after at most three fillers ("telah ikut
    membantu", "diduga memasok"), or (``nouns``) a part taken in something ("perannya dalam …", "dugaan
    keterlibatan …"); no negation, no agent ("dituding oleh X": that source's charge)."""
    while k < len(units) and units[k].paren and not units[k].etype:
        k += 1  # past the rest of a numeral anaphor ("kedua [bank itu] menampung …")
    for v in units[k:k + 4]:
        if v.etype or v.is_actor or v.has("NegationCue", "AgentPrep") or \
                v.has("PlannedCue", "PotentialCue") and not v.is_verb():
            return False  # (a modal, "akan", "dapat": no act told; "mengatur", "merencanakan" are acts)
        if v.has("ChargeFiller", "AllegedCue", "ChargedPassive") and not (nouns and v.has("InvolvementNoun")):
            continue
        if nouns and v.has("InvolvementNoun"):
            return True
        return v.is_verb() and not v.has(*_OWN)
    return False


def _list_end(units: list[Unit], j: int) -> int:
    """The last actor of the list that the actor at ``j`` opens or is in ("A, B dan C terlibat …")."""
    k = j
    while k + 2 < len(units) and (units[k + 1].has("Conjunction") or units[k + 1].text == ",") and \
            units[k + 2].is_actor and not units[k + 2].prep:
        k += 2
    return k
