"""A sanction like the one just told: "Washington menjatuhkan sanksi terhadap A. Inggris dan Prancis mengumumkan
langkah serupa", "UE akhirnya mengadopsi sanksi serupa". The sentence names who imposes it and leaves whom it hits
to the article: the targets of the sanctions the sentence right before told. A step alike to anything older, or
to an act that was no sanction, is not read as one (the sentence before must have told a sanction)."""

from __future__ import annotations

from kg.cues import passive_prefixed
from kg.extract.clause import actor_keys, agent_at, clause_left, left_subject
from kg.extract.context import SentenceContext
from kg.extract.modality import event_modality
from kg.extract.parties import home_of
from kg.extract.registry import rule
from kg.resolve import gazetteer
from kg.types import Relation
from kg.units import Unit

#: verbs before the step that speak against or about it, not take it ("mengecam langkah serupa")
_AGAINST = ("AccuseCue", "DenyCue", "RejectCue", "BeliefCue", "WarnCue", "DemandCue", "PersuadeCue", "QuoteVerb")


@rule("sanctions", triggers=("AlikeAdjective",))
def alike_sanction(ctx: SentenceContext) -> list[Relation]:
    units, state = ctx.units, ctx.state
    before = [r for r in state.relations if r.type == "sanctions" and r.sentence == ctx.sentence.index - 1
              and r.args.get("target") and r.modality != "denied"]
    if not before or any(v.has("RetaliationCue") and not v.etype for v in units):
        return []  # ("Teheran membalas dengan langkah serupa": a reply hits the other side, not the same targets)
    targets = list(dict.fromkeys(str(r.args["target"]) for r in before))
    out: list[Relation] = []
    for u in units:
        if u.etype or not u.has("AlikeAdjective") or u.i == 0:
            continue
        noun = units[u.i - 1]
        if noun.etype or not noun.has("SanctionCue", "ActNoun") or noun.is_verb():
            continue
        lo = clause_left(units, noun.i)
        verb = next((v for v in reversed(units[lo:noun.i]) if v.is_verb() and not v.etype), None)
        if verb is None and (who := _taken_by(units, u.i, ctx)):
            # "Langkah serupa diambil Inggris dan Kanada": the step's passive verb names who takes it
            out += [ctx.relation("sanctions", {"sanctioner": a, "target": t}, event_modality(units, u.i + 1, None), 0.6)
                    for a in who for t in targets if t not in who and not _own(t, who, ctx)]
            continue
        if verb is None or verb.has(*_AGAINST) or \
                any(v.is_verb() and v.has("RejectCue", "DenyCue") for v in units[max(lo, verb.i - 2):verb.i]):
            continue  # ("menolak ikut mengambil langkah serupa")
        subj = left_subject(units, verb.i)
        if subj is None:  # "Swiss akhirnya mengadopsi …": an adverb between the subject and its verb
            subj = next((j for j in range(verb.i - 1, max(lo, verb.i - 3) - 1, -1) if units[j].is_actor), None)
            if subj is not None and any(v.is_verb() for v in units[subj + 1:verb.i]):
                subj = None
        who = actor_keys(units, subj, state)
        if not who or subj is None or units[subj].etype == "PER":
            continue  # (a person's "langkah serupa" is his own act, not a state's sanction)
        modality = event_modality(units, verb.i, subj)
        if verb.has("UndergoVerb") or passive_prefixed(verb.low):
            # "Benin dan Pantai Gading terkena pembatasan serupa": they bear it, from whoever imposed the one before
            imposers = dict.fromkeys(str(r.args["sanctioner"]) for r in before if r.args.get("sanctioner"))
            out += [ctx.relation("sanctions", {"sanctioner": a, "target": t}, modality, 0.6)
                    for a in imposers for t in who if t != a]
            continue
        out += [ctx.relation("sanctions", {"sanctioner": a, "target": t}, modality, 0.6)
                for a in who for t in targets if t not in who and not _own(t, who, ctx)]
    return out


def _own(target: str, who: tuple[str, ...], ctx: SentenceContext) -> bool:
    """Whether the target belongs to one taking the step (a state does not sanction its own firms and officials)."""
    home = home_of(target, ctx.state) or target
    return home in who or gazetteer().state_of(home) in who or gazetteer().state_of(target) in who


def _taken_by(units: list[Unit], k: int, ctx: SentenceContext) -> tuple[str, ...]:
    """The states or bodies a passive verb right after the step's words at ``k`` names as taking it ("… serupa
    diambil/diterapkan (oleh) X"); no person (a person's step is his own act)."""
    v = k + 1
    while v < len(units) and units[v].has("FunctionWord") and not units[v].is_verb() and v < k + 3:
        v += 1  # "… serupa juga diambil …"
    if v >= len(units) or units[v].etype or not passive_prefixed(units[v].low):
        return ()
    a = agent_at(units, v)
    if a >= len(units) or not units[a].is_actor or units[a].etype == "PER":
        return ()
    return actor_keys(units, a, ctx.state)


@rule("sanctions", triggers=("AlikeAdjective", "SameAdjective"))
def alike_targets(ctx: SentenceContext) -> list[Relation]:
    """"Departemen Keuangan AS menyanksi A. Hukuman yang sama dijatuhkan kepada B", "Langkah serupa diambil
    terhadap B", "Nasib serupa menimpa B dan C": a step like the sanction the sentence before told, told of new
    parties with no one taking it, is that sanctioner's sanction on them."""
    units, state = ctx.units, ctx.state
    before = [r for r in state.relations if r.type == "sanctions" and r.sentence == ctx.sentence.index - 1
              and r.args.get("sanctioner") and r.modality != "denied"]
    if not before:
        return []
    who = tuple(dict.fromkeys(str(r.args["sanctioner"]) for r in before))
    for u in units:
        if u.etype or not u.has("AlikeAdjective", "SameAdjective") or not 0 < u.i <= 3 or \
                any(v.etype for v in units[:u.i]):
            continue  # (the alike step opens the sentence: "Hukuman yang sama …", "Nasib serupa …")
        v = next((k for k in range(u.i + 1, min(len(units), u.i + 4)) if units[k].is_verb() and not units[k].etype), None)
        if v is None or units[v].cls and not passive_prefixed(units[v].low) or _taken_by(units, u.i, ctx):
            continue  # (a verb of its own: "Langkah serupa dikecam …" names no target; "… diambil Inggris": a taker)
        t = next((k for k in range(v + 1, min(len(units), v + 4)) if units[k].is_actor and not units[k].paren), None)
        if t is None or units[t].etype not in ("ORG", "PER"):
            continue
        modality = event_modality(units, v, None)
        return [ctx.relation("sanctions", {"sanctioner": a, "target": b}, modality, 0.6)
                for a in who for b in actor_keys(units, t, state) if b not in who]
    return []
