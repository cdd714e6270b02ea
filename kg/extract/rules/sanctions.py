"""sanctions(sanctioner, target): "menjatuhkan sanksi terhadap X", "sanksi AS atas X", "X disanksi Y"."""

from __future__ import annotations

from kg.cues import ACTIVE, NOUN, passive_prefixed
from kg.extract.clause import actor_keys, clause_right, left_subject, prep_actor, right_actor
from kg.extract.context import SentenceContext, State
from kg.extract.modality import event_modality
from kg.extract.registry import rule
from kg.types import Relation
from kg.units import Unit, skip_span


@rule("sanctions", provides=("sanctioners",))
def sanction_rule(ctx: SentenceContext) -> list[Relation]:
    found = sanctions(ctx.units, ctx.state)
    ctx.products["sanctioners"] = [a for a, _, _ in found]
    return [ctx.relation("sanctions", {"sanctioner": a, "target": b}, m) for a, b, m in found]


def sanctions(units: list[Unit], state: State) -> list[tuple[str, str, str]]:
    out = []
    n = len(units)
    for u in units:
        if u.etype or "SanctionCue" not in u.cls:
            continue
        hi = clause_right(units, u.i)
        voice = u.cls["SanctionCue"]
        who: tuple[str, ...] = ()
        target: tuple[str, ...] = ()
        subj = None
        if voice == NOUN:
            prev = units[u.i - 1] if u.i > 0 else None
            if prev is not None and prev.is_verb() and not prev.has("WrongdoingCue"):
                if passive_prefixed(prev.low):  # "Iran dijatuhi sanksi oleh AS"
                    subj = left_subject(units, prev.i)
                    target = actor_keys(units, subj, state) if subj is not None else ()
                    who, _ = prep_actor(units, u.i, hi, ("AgentPrep",), state, reach=3)
                else:  # "AS menjatuhkan sanksi terhadap …"
                    subj = left_subject(units, prev.i)
                    who = actor_keys(units, subj, state) if subj is not None else ()
            if u.i + 1 < n and units[u.i + 1].is_actor and not units[u.i + 1].paren and not who:
                who = actor_keys(units, u.i + 1, state)  # "sanksi AS terhadap Iran"
            if not target:
                target = sanction_target(units, u.i, hi, state)
            if not target:  # "… sanksi untuk menghukum Rusia", "sanksi itu menyasar X"
                target = _aimed_at(units, u.i, hi, state)
            if target and not who:  # "Uni Eropa menyetujui paket sanksi ke-14 terhadap Rusia"
                subj = left_subject(units, u.i)
                who = actor_keys(units, subj, state) if subj is not None else ()
            if target and not who and state.sanctioners:
                who = (state.sanctioners[-1],)  # "Sanksi itu juga menyasar X": whoever imposed the last ones
        elif voice == ACTIVE:  # "menyanksi X"
            subj = left_subject(units, u.i)
            who = actor_keys(units, subj, state) if subj is not None else ()
            end = skip_span(units, u.i, "SanctionCue") - 1  # "membekukan aset bank VTB"
            o = right_actor(units, end, min(hi, end + 4), ())
            target = actor_keys(units, o, state) if o is not None else ()
        else:  # "X disanksi (oleh) Y"
            subj = left_subject(units, u.i)
            target = actor_keys(units, subj, state) if subj is not None else ()
            agent, _ = prep_actor(units, u.i, hi, ("AgentPrep",), state, reach=2)
            who = agent or (actor_keys(units, u.i + 1, state) if u.i + 1 < n and units[u.i + 1].is_actor else ())
        modality = event_modality(units, u.i if subj is None else u.i, subj)
        for a in who:
            for b in target:
                if a != b:
                    out.append((a, b, modality))
    return out


def sanction_target(units: list[Unit], i: int, hi: int, state: State) -> tuple[str, ...]:
    """"sanksi (baru) terhadap/atas/kepada X": X must head the phrase right after the preposition."""
    for j in range(i + 1, min(hi, i + 5)):
        u = units[j]
        if u.has("TargetPrep", "BeneficiaryPrep"):
            for k in range(j + 1, min(hi, j + 6)):
                v = units[k]
                if v.is_actor and not v.paren:
                    if not v.modifier:
                        return actor_keys(units, k, state)
                    # "terhadap maskapai nasional Iran, Iran Air": the name after the comma is the target;
                    # "terhadap tiga jenderal Iran": the generals are, not Iran
                    if k + 2 < len(units) and units[k + 1].text == "," and units[k + 2].etype == "ORG":
                        return actor_keys(units, k + 2, state)
                    return ()
                if v.has("Relativizer") or not (v.has("FunctionWord") or v.is_noun()):
                    return ()
            return ()
        if u.is_actor:
            continue
    return ()


def _aimed_at(units: list[Unit], i: int, hi: int, state: State) -> tuple[str, ...]:
    """The object of a verb of aiming after the sanction noun in its clause ("sanksi … untuk
    menghukum Rusia", "sanksi yang menargetkan Iran Air")."""
    for j in range(i + 1, min(len(units), i + 8)):
        v = units[j]
        if v.text in (".", ";") or v.is_actor:
            return ()
        if v.has("AimVerb") and v.voice("AimVerb") == ACTIVE:
            o = right_actor(units, j, min(len(units), j + 5), ())
            return actor_keys(units, o, state) if o is not None else ()
    return ()
