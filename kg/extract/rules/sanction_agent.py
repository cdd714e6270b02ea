"""Pieces of the sanctions rule about a sanction noun whose sanctioner follows it as the agent of a passive
verb: "Sanksi dijatuhkan Rusia kepada A", "sanksi dari Rusia diberikan kepada A", and the same in a relative
clause, "sanksi yang sebelumnya sudah dijatuhkan oleh AS ke Rusia". News tell counter-sanctions this way,
sanctioner after the verb, and then also name the target with "ke" after the agent."""

from __future__ import annotations

from kg.cues import PASSIVE, passive_prefixed
from kg.extract.clause import actor_keys, agent_at
from kg.extract.context import State
from kg.extract.parties import body_state, home_state
from kg.resolve import gazetteer
from kg.units import Unit

#: cue classes of the prepositions that name a sanction's target right after its agent ("… AS ke Rusia")
_TO = ("TargetPrep", "BeneficiaryPrep", "GoalPrep")


def _filler(u: Unit) -> bool:
    """A word between the noun or relativizer and the passive verb that neither names anyone nor acts: an
    adverb or particle ("juga", "sebelumnya sudah", "terus menerus")."""
    return not u.etype and not passive_prefixed(u.low) and u.text.isalpha() and (
        u.has("FunctionWord", "Demonstrative", "Adjective") or not u.cls)


def _passive_verb(units: list[Unit], k: int) -> int | None:
    """The di- verb at ``k`` or past up to three filler words; None where another word comes first."""
    for m in range(k, min(len(units), k + 4)):
        u = units[m]
        if not u.etype and passive_prefixed(u.low) and u.is_verb():
            return m
        if not _filler(u):
            return None
    return None


def _end(units: list[Unit], a: int) -> int:
    """The last unit of the actor at ``a`` and those coordinated with it ("AS dan PBB")."""
    u = units[a]
    return max(u.group) if u.group else a


def spoken_of(units: list[Unit], v: int, a: int) -> bool:
    """Whether the passive at ``v`` with its agent at ``a`` only speaks of the sanction, its clause's own verb of
    imposing coming right after the agent: "Sanksi yang dimaksud Erdogan dijatuhkan pada 2020" (not Erdogan's)."""
    e = _end(units, a) + 1
    return e < len(units) and units[e].voice("ImposeVerb") == PASSIVE and not units[v].has("ImposeVerb")


def on_relative(units: list[Unit], i: int) -> bool:
    """Whether a relative clause follows the sanction noun at ``i``, past one word that qualifies it ("sanksi
    (anti-Rusia) yang …"): where its passive agent (:func:`passive_agent`) tells a sanction recalled."""
    k = i + 2 if i + 2 < len(units) and not units[i + 1].etype and not units[i + 1].cls else i + 1
    return k < len(units) and units[k].has("Relativizer")


def relative_agent(units: list[Unit], i: int, state: State) -> tuple[str, ...]:
    """The agent of a relative clause on the sanction noun at ``i`` ("sanksi yang dijatuhkan oleh AS"); () where
    the noun has no such clause."""
    return passive_agent(units, i, state)[0] if on_relative(units, i) else ()


def side_agents(units: list[Unit], state: State) -> set[str]:
    """Sanctioners the sentence names only as agents of a relative clause on a sanction noun ("membalas sanksi
    yang diberlakukan AS ke Rusia"): a sanction recalled, not the one the article goes on to list."""
    return {a for u in units if not u.etype and u.cls.get("SanctionCue") for a in relative_agent(units, u.i, state)}


def passive_agent(units: list[Unit], i: int, state: State) -> tuple[tuple[str, ...], int]:
    """The sanctioner after the sanction noun at ``i`` and the unit its target phrase may follow: the agent of a
    passive verb ("Sanksi dijatuhkan Rusia kepada A", "sanksi yang terus menerus dijatuhkan oleh AS") or the
    actor of "dari" before one ("sanksi dari Rusia diberikan kepada A"). ((), i) where none."""
    n = len(units)
    k = i + 1
    if k + 1 < n and not units[k].etype and not units[k].cls and units[k + 1].has("Relativizer"):
        k += 1  # "sanksi anti-Rusia yang …": a word that qualifies the noun
    if k < n and units[k].has("Relativizer"):
        k += 1
    elif k + 1 < n and not units[k].etype and units[k].has("SourcePrep") and units[k + 1].is_actor \
            and not units[k + 1].paren:
        v = _passive_verb(units, _end(units, k + 1) + 1)
        return (actor_keys(units, k + 1, state), v) if v is not None else ((), i)
    v = _passive_verb(units, k)
    if v is None:
        return (), i
    a = agent_at(units, v)
    past = None
    if a < n and not units[a].etype and units[a].has(*_TO):
        # "Sanksi dijatuhkan kepada Huawei oleh AS": the target first, the agent after its "oleh"
        m = next((m for m in range(a + 1, min(n, a + 12)) if units[m].has("AgentPrep") and not units[m].etype
                  or units[m].text in (".", ";") or units[m].is_verb()), None)
        a, past = (m + 1, v) if m is not None and units[m].has("AgentPrep") else (n, None)
    if a + 1 < n and not units[a].etype and units[a].has("GovernmentNoun") and units[a + 1].etype == "PER":
        a += 1  # "oleh pemerintahan Trump": his government's state (actor_keys)
    if a >= n or not units[a].is_actor or units[a].paren:
        return (), i
    if spoken_of(units, v, a):
        return (), i
    return actor_keys(units, a, state), _end(units, a) if past is None else past


def goal_target(units: list[Unit], end: int, state: State) -> tuple[str, ...]:
    """The target named with a preposition right after the agent ending at ``end`` ("… AS ke Rusia"); only
    there does "ke" name the sanction's target, not where it ends a sale or a trip."""
    k = end + 1
    if k + 1 < len(units) and not units[k].etype and units[k].has(*_TO) and units[k + 1].is_actor \
            and not units[k + 1].paren:
        return actor_keys(units, k + 1, state)
    return ()


def with_partners(units: list[Unit], subj: int | None, verb: int, state: State) -> tuple[str, ...]:
    """The subject at ``subj`` of the sanction verb at ``verb`` and whoever a comitative phrase right after it
    joins to it ("Departemen Keuangan AS bersama Federal Reserve melarang …", "Inggris, bersama Kanada, membekukan
    …"): a coalition imposes the measure together (not past a verb: "AS bersama sekutunya yang menentang …")."""
    who = actor_keys(units, subj, state)
    if subj is None or not who:
        return who
    k = _end(units, subj) + 1
    while k < verb and (units[k].paren or units[k].text in (",", "(", ")")):
        k += 1  # past the subject's bracketed acronym and a comma
    if k + 2 < verb and not units[k].etype and units[k].has("JoinVerb") and units[k + 1].has("ComitativePrep"):
        k += 1  # "A dan B bergabung dengan C dan D menjatuhkan sanksi …": those joined impose them too
    if k + 1 >= verb or units[k].etype or not units[k].has("ComitativePrep") or not units[k + 1].is_actor \
            or units[k + 1].paren or units[k + 1].title:
        return who
    m = _end(units, k + 1) + 1
    if any(v.etype or v.is_verb() or v.has("Relativizer") for v in units[m:verb]):
        return who
    return who + tuple(p for p in actor_keys(units, k + 1, state) if p not in who)


def announced_by(units: list[Unit], found: list[tuple[str, str | None, str]], state: State
                 ) -> list[tuple[str, str | None, str]]:
    """A state's body that only announces the sanction ("Paket sanksi yang diumumkan Kementerian Luar Negeri Korsel
    …", "Sanksi diumumkan Kantor Pengawasan Aset Asing (OFAC) …") announces it for its state, where the article
    already has that state impose sanctions ("Pemerintah Korea Selatan kembali menjatuhkan sanksi …"); a body that
    imposes them ("Departemen Keuangan AS menjatuhkan sanksi") stays the sanctioner."""
    announcers = {k for v in units if not v.etype and v.voice("AnnounceVerb") == PASSIVE
                  and (a := agent_at(units, v.i)) < len(units) and units[a].is_actor for k in units[a].keys}
    if not announcers:
        return found
    out = []
    for a, b, m in found:
        if a in announcers:
            g = gazetteer().entries.get(a)
            home = body_state(a, state) or (home_state(a, state) if g is not None and g.type == "ORG" else None)
            a = home if home is not None and home in state.sanctioners else a
        out.append((a, b, m))
    return out
