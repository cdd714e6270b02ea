"""Sanction targets told as a list or a subject: "X memasukkan A dan B ke daftar hitam", "Di antaranya A, B",
"Perusahaan A dan direkturnya B disanksi" (split from kg.extract.rules.sanctions)."""

from __future__ import annotations

from kg.cues import ACTIVE, PASSIVE
from kg.extract.clause import SPEECH, actor_keys, agent_at, clause_left, clause_right, left_subject, prep_actor
from kg.extract.context import State
from kg.extract.modality import event_modality
from kg.extract.rules.sanction_agent import with_partners
from kg.extract.rules.sanction_parts import described_name, describes, entrant, person_described, relative_from
from kg.extract.rules.sanction_side import imposers, left_off, predicate_end
from kg.extract.rules.sanction_targets import companions, named_targets
from kg.units import Unit


def staff(units: list[Unit], k: int) -> bool:
    """"jurnalis dari A, B dan C" at ``k``: unnamed persons told by whom they work for."""
    return k + 1 < len(units) and units[k].has("PersonNoun") and not units[k].etype and units[k + 1].has("SourcePrep")


def introduced(units: list[Unit], intro: int, state: State) -> tuple[str, ...]:
    """The targets a list introducer at ``intro`` names ("Di antaranya A, B …", "… juga memuat A, B"): its own
    preposition does not make A an object of place; "… adalah jurnalis dari A, B dan C": the persons, unnamed, work
    for A, B and C, who are no targets."""
    first = intro + units[intro].span.get("ListIntro", 1)  # (past "antara lain")
    if staff(units, first):
        return ()
    preps = ("TargetPrep", "BeneficiaryPrep", "BetweenPrep")
    return named_targets(units, first - 1, predicate_end(units, first), state, preps)


def subjects(units: list[Unit], subj: int | None, i: int, state: State) -> tuple[str, ...]:
    """The subject of a passive sanction, with the firms and persons listed with it ("Perusahaan Iran PESC
    dan direkturnya Hamid Reza Janghorbani disanksi"): one list of mixed kinds, which coordination
    groups do not join."""
    if subj is None:
        return ()
    keys = actor_keys(units, subj, state)
    if describes(units[subj]):
        # "Qods Aviation Industries, produsen drone Iran yang sudah lama disanksi": the firm, not its state
        rel = next((m for m in range(subj + 1, i) if units[m].has("Relativizer")), None)
        named = described_name(units, rel) if rel is not None else None
        return actor_keys(units, named, state) if named is not None else ()
    if units[subj].etype not in ("ORG", "PER"):
        return keys
    lo = clause_left(units, i)
    if units[subj].etype == "ORG" and person_described(units, subj, lo - 1):
        return ()  # "Beberapa pejabat tinggi Kementerian Dalam Negeri … dikenai sanksi": the officials
    lo = relative_from(units, lo, subj, i)  # "A menyanksi B, yang juga disanksi C": B
    listed = [k for v in units[lo:subj] if v.etype in ("ORG", "PER") and v.is_actor and not v.title and not v.paren
              for k in v.keys]
    return tuple(dict.fromkeys(listed + list(keys)))


def listed(units: list[Unit], i: int, state: State) -> list[tuple[str, str, str]]:
    """"X memasukkan A dan B ke dalam daftar hitam": X sanctions A and B; "A masuk daftar hitam X":
    X sanctions A."""
    lo = clause_left(units, i)
    verb = next((k for k in range(i - 1, lo - 1, -1) if units[k].has("ListInVerb")), None)
    after = i + units[i].span.get("BlacklistNoun", 1)
    intro = next((k for k in range(after, min(len(units), after + 4)) if units[k].has("ListIntro")), None)
    if verb is None and intro is not None and state.sanctioners and \
            any(v.has("Demonstrative") for v in units[after:intro]):
        # "Daftar hitam itu juga memuat A, B serta C": the list of the last sanctioner names more targets
        return [(who, t, event_modality(units, intro, None))
                for t in introduced(units, intro, state) for who in imposers(state) if t != who]
    if verb is None and i > 0 and units[i - 1].voice("PublishVerb") == ACTIVE:
        # "Jepang menerbitkan daftar hitam (berisi 30 pejabat)": whose list it is; who is on it comes next
        subj = left_subject(units, i - 1)
        who = actor_keys(units, subj, state) if subj is not None else ()
        return [(a, None, event_modality(units, i - 1, subj)) for a in who]
    if verb is not None and units[verb].voice("ListInVerb") == PASSIVE:
        # "A dan B dimasukkan ke daftar hitam oleh X", "15 entitas dicantumkan X dalam daftar …, di antaranya A"
        subj, hi = left_subject(units, verb), clause_right(units, i)
        a = agent_at(units, verb)
        who, past = (actor_keys(units, a, state), a) if a < len(units) and units[a].is_actor else \
            prep_actor(units, after - 1, hi, ("AgentPrep",), state, reach=3)
        if not who and after < hi and units[after].is_actor and not units[after].paren:
            who, past = actor_keys(units, after, state), after  # "A dimasukkan ke daftar sanksi AS": the list's owner
        target = subjects(units, subj, verb, state) or named_targets(units, past, hi, state)
        target = tuple(t for t in target if t not in who)
        if target and not who and state.sanctioners:
            who = (state.sanctioners[-1],)  # "A dan B juga dimasukkan ke daftar hitam": the last sanctioner's list
    elif verb is not None:
        subj = left_subject(units, verb)
        who = with_partners(units, subj, verb, state)
        target = named_targets(units, verb, i, state)
        far = next((k for k in range(after, min(len(units), after + 12)) if units[k].has("ListIntro")
                    and not units[k].etype), None) if not target else None
        if far is not None:  # "menambahkan 71 nama ke daftar sanksi yang berkaitan dengan …, di antaranya A"
            target = tuple(introduced(units, far, state))
        target += companions(units, i, clause_right(units, i), state, target)  # "…, bersama istrinya A"
    else:  # (not "Borrell mengatakan daftar sanksi tersebut akan diperluas": the list is what is told of)
        subj = None if i > 0 and units[i - 1].has(*SPEECH) else left_subject(units, i)
        if subj is None:
            subj = entrant(units, lo, i)
        hi = clause_right(units, i)
        target = () if left_off(units, subj, lo, i) else subjects(units, subj, i, state)  # (not "tidak ada dalam")
        target += companions(units, i, hi, state, target)
        nxt = i + units[i].span.get("BlacklistNoun", 1)
        who = actor_keys(units, nxt, state) if nxt < len(units) and units[nxt].is_actor else ()
        if target and not who and state.sanctioners:
            who = (state.sanctioners[-1],)  # "A juga masuk daftar hitam": the last sanctioner's list
    modality = event_modality(units, verb if verb is not None else i, subj)
    if not target:  # "memasukkan 20 perusahaan Jepang ke daftar …": named later
        return [(a, None, modality) for a in who]
    return [(a, b, modality) for a in who for b in target if a != b]
