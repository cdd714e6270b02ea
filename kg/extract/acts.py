"""Acts the article tells, and the nouns that later point back to them.

A speaker often charges an act rather than its doer: "Somalia menyebut kesepakatan itu serangan terhadap
kedaulatannya" after Ethiopia signed the deal, "Menlu AS menyebut uji coba tersebut mengancam keamanan global"
after Pyongyang launched a missile. :func:`told_acts` remembers who did the acts each sentence tells (a clause's
subject or a passive's agent with a verb of a kind of act, the owner after an act noun, the attackers,
sanctioners and suppliers other rules found); :func:`act_doers` finds an act noun (kg:ActNoun) with a
demonstrative and gives the doers of the last act of its kind told before the sentence. A supply is remembered
but never charged this way: what a speaker says of a supply the accusation rules already read.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.cues import ACTIVE, NOUN, PASSIVE, POSSESSIVE, passive_prefixed, word_is
from kg.extract.agents import host_doer
from kg.extract.clause import actor_keys, agent_at, group_prep, left_subject, purpose_host, title_word
from kg.extract.context import SentenceContext, State
from kg.extract.registry import rule
from kg.types import Relation
from kg.units import STOP_PUNCT, Unit, skip_span

#: the classes of a verb or noun that tell an act of their kind, its doer named with it
_TOLD = ("TestAct", "PactAct", "ExerciseAct")
_TOLD_SET = frozenset(_TOLD)
#: the kind of act an act noun names, by the class it carries besides kg:ActNoun (none: any act)
_NOUN_KIND = {"TestAct": "TestAct", "PactAct": "PactAct", "ExerciseAct": "ExerciseAct", "VisitCue": "VisitCue",
              "IncidentNoun": "AttackCue"}
_WRONG = ("IncidentNoun", "TestAct", "ExerciseAct")  # act nouns whose act is a wrong to condemn (a launch breaks UN
# resolutions; an exercise is condemned as a provocation)
_PARTIES = ("PER", "ORG", "GPE")
_HEAD_WORDS = 2  # words ("markas", "kantor pusat") that may stand between "terhadap" and the party harmed
_REACH = 3  # how many sentences back "langkah itu" still finds an act of any kind (one of a kind: any way back)


@dataclass(frozen=True)
class Act:
    kind: str  # the cue class of the act: "TestAct", "AttackCue", "SanctionCue", "SupplyCue" …
    doers: tuple[str, ...]
    at: int  # where the sentence that told it starts
    sentence: int


@rule("accuses", provides=("acts",), reads=("attackers", "sanctioners", "supply_events"))
def told_acts(ctx: SentenceContext) -> list[Relation]:
    """Who did the acts this sentence tells. Finds no relation itself."""
    s, units, state = ctx.sentence, ctx.units, ctx.state
    acts: list[Act] = []

    def add(kind: str, doers: tuple[str, ...] | list[str]) -> None:
        doers = tuple(k for k in doers if k in state.entities and state.entities[k].type in _PARTIES)
        if doers:
            acts.append(Act(kind, doers, s.start, s.index))

    for u in units:
        if u.etype or not u.cls or u.quote is not None or \
                (_TOLD_SET.isdisjoint(u.cls) and "WrongdoingCue" not in u.cls):
            continue  # (most words with a class have none of these: asked once, not per class)
        for kind in _TOLD:
            voice = u.cls.get(kind)
            if voice == ACTIVE and (j := left_subject(units, u.i)) is not None:
                add(kind, actor_keys(units, j, state))
            elif voice == PASSIVE and (a := agent_at(units, u.i)) < len(units) and units[a].is_actor:
                add(kind, actor_keys(units, a, state))
            elif voice == NOUN and (o := act_owner(units, skip_span(units, u.i, kind))) is not None:
                add(kind, actor_keys(units, o, state))
        if u.cls.get("WrongdoingCue") == ACTIVE and u.is_verb() and (j := doer(units, u.i)) is not None:
            add("AttackCue", actor_keys(units, j, state))  # "Jet tempur Rusia melanggar wilayah udara Estonia"
    add("AttackCue", ctx.products.get("attackers", ()))
    add("SanctionCue", ctx.products.get("sanctioners", ()))
    for ev in ctx.products.get("supply_events", ()):
        if not ev.inferred:
            # "Kanada menghentikan penjualan senjata ke Israel": stopping a supply is an act of its own, which
            # "langkah itu" may point back to (a supply itself never: see the module's text)
            halted = ev.modality == "denied" and any(units[k].has("StopVerb") and not units[k].etype
                                                     for k in range(max(0, ev.unit - 2), ev.unit + 1))
            add("StopVerb" if halted else "SupplyCue", ev.supplier)
    ctx.products["acts"] = acts
    return []


def act_doers(units: list[Unit], lo: int, hi: int, state: State, sentence: int, wrong: bool = False
              ) -> tuple[str, ...]:
    """The doers of the act that an act noun with a demonstrative between ``lo`` and ``hi`` points back to
    ("menyebut langkah itu ilegal", "mengecam perjalanan tersebut"); its owner where one is named before the
    demonstrative ("langkah Mesir itu"). ``sentence``: the index of the sentence being read; ``wrong``: only a
    noun whose act is a wrong in itself (kg:IncidentNoun), where nothing else in the clause says it is."""
    if not wrong and lo > 0 and _clitic_object(units[lo - 1]) and not any(v.is_actor for v in units[lo:hi]):
        # "Manila menyebutnya pelecehan", "Somalia menyebutnya serangan terhadap kedaulatannya": the "-nya" on the
        # verb of saying is the last act told, one or two sentences before (a sentence on that act between)
        told = [a for a in state.acts if a.sentence < sentence]
        return told[-1].doers if told and told[-1].sentence >= sentence - 2 and told[-1].kind != "SupplyCue" else ()
    if not wrong and _pronoun_subject(units, lo, hi):
        # "Pasukan X menyerang …. Ini merupakan pelanggaran …," kata Y: a bare "ini"/"hal itu" as the subject
        # points back to the act the sentence just before told (no further back: a pronoun reaches no further)
        told = [a for a in state.acts if a.sentence < sentence]
        if told and told[-1].sentence == sentence - 1:  # (a supply too: "X menjual rudal ke Y. "Ini pelanggaran …"")
            return told[-1].doers
        return ()
    for k in range(lo, min(hi, lo + 4)):
        u = units[k]
        if u.etype or not u.has("ActNoun"):
            if u.is_actor or u.has("Demonstrative"):
                return ()
            continue
        if wrong and not u.has(*_WRONG):
            return ()
        end = skip_span(units, k, "ActNoun")
        owner = None
        for m in range(end, min(hi, end + 3)):
            v = units[m]
            if v.has("Demonstrative") and not v.etype:
                if owner is not None:
                    return actor_keys(units, owner, state)
                kind = next((_NOUN_KIND[c] for c in u.cls if c in _NOUN_KIND), None)
                return _last_doers(state, kind, sentence)
            if v.is_actor and owner is None and not v.paren and group_prep(units, m) is None:
                owner = m
            elif v.etype == "WEAPON":
                continue  # "peluncuran ICBM itu": what was launched
            elif v.etype or v.cls or not v.text.isalpha():
                break  # "langkah untuk …", "tindakan yang …": no act told before
        return ()
    return ()


def _clitic_object(v: Unit) -> bool:
    """An active verb of saying or judging with "-nya" as its object ("menyebutnya", "menilainya")."""
    return not v.etype and v.low.endswith(POSSESSIVE) and not passive_prefixed(v.low) and \
        ACTIVE in (v.cls.get("ReportCue"), v.cls.get("BeliefCue"))


def _pronoun_subject(units: list[Unit], lo: int, hi: int) -> bool:
    """The clause from ``lo`` opens with a bare demonstrative or "hal itu" as its subject, nothing but a copula or
    function words between it and ``hi`` ("Ini merupakan …", "Hal tersebut adalah …", "Ini dapat dianggap …")."""
    while lo < hi and units[lo].text in ('"', "“", "'"):
        lo += 1
    if lo >= hi or units[lo].etype or not (units[lo].has("MatterAnaphor") or units[lo].has("Demonstrative")):
        return False
    k = skip_span(units, lo, "MatterAnaphor") if units[lo].has("MatterAnaphor") else lo + 1
    return k <= hi and all(not v.etype and not v.is_actor and v.text not in STOP_PUNCT for v in units[k:hi])


def _last_doers(state: State, kind: str | None, sentence: int) -> tuple[str, ...]:
    """The doers of the last act of ``kind`` (any kind: None) told before sentence ``sentence``, and not
    long before."""
    told = [a for a in state.acts if a.sentence < sentence and (kind is None or a.kind == kind)]
    if kind in (None, "VisitCue"):
        visits = [r for r in state.relations if r.type == "visits" and r.sentence < sentence and r.args.get("visitor")]
        if visits and (not told or visits[-1].sentence >= told[-1].sentence):
            told.append(Act("VisitCue", (visits[-1].args["visitor"] or "",), visits[-1].start, visits[-1].sentence))
    if not told:
        return ()
    last = told[-1]
    if last.kind == "SupplyCue" or kind is None and sentence - last.sentence > _REACH:
        return ()
    return last.doers


def act_owner(units: list[Unit], k: int) -> int | None:
    """The party named after an act noun, past the weapons it is about ("peluncuran rudal balistik Korut")."""
    for m in range(k, min(len(units), k + 5)):
        v = units[m]
        if v.is_actor and v.etype != "WEAPON":
            return m if not v.paren and group_prep(units, m) is None else None
        if not (v.etype == "WEAPON" or v.paren or v.has("FunctionWord") and not v.has("Preposition")):
            return None
    return None


def doer(units: list[Unit], i: int) -> int | None:
    """The subject of the verb at ``i``, or the owner of the craft that does it ("Jet tempur Rusia melanggar …",
    "Pesawat tempur Israel menggempur …")."""
    if i > 1 and units[i - 1].is_actor and units[i - 1].possessor_of is not None:
        return i - 1  # (also after a verb of telling: "Estonia melaporkan tiga MiG-31 Rusia melanggar …")
    host = purpose_host(units, i)  # "Rusia memakai drone Iran untuk menyerang …": who uses them attacks
    return left_subject(units, i) if host is None else host_doer(units, host)


def act_agent(units: list[Unit], o: int, hi: int, default: int | None) -> int | None:
    """"mengutuk pembunuhan puluhan rakyat Palestina … oleh serangan Israel", "mengecam penahanan warga Prancis
    oleh Aljazair", "serangan terhadap Iran yang dilakukan Israel": a party that only qualifies the people an act was
    done to, or that the act was done to (``o``), is no wrongdoer; the agent after "oleh" or a passive verb in the
    clause is (past up to three nouns: "oleh serangan", "oleh pasukan", "oleh kapal penjaga pantai China")."""
    for k in range(o + 1, hi):
        if not units[k].etype and (units[k].has("AgentPrep") or passive_prefixed(units[k].low) and units[k].is_verb()):
            for m in range(k + 1, min(hi, k + 5)):
                if units[m].is_actor and not units[m].paren:
                    return m
                if units[m].etype or not units[m].is_noun():
                    break
            break
        if units[k].text in STOP_PUNCT or units[k].is_verb() and not units[k].has("FunctionWord"):
            break
    if default is not None and units[default].etype == "GPE" and default + 1 < hi and \
            units[default + 1].etype == "ORG" and not units[default + 1].paren and not units[default - 1].is_weapon:
        # "dinas intelijen Inggris MI6": the state says whose the organisation named after it is (not "kapal perusak
        # China CNS Ningbo": a ship, whose state acts)
        return default + 1
    return default


def further_agents(units: list[Unit], a: int, hi: int) -> list[int]:
    """The agents of acts coordinated after the one whose agent is at ``a`` ("mengecam pengiriman rudal oleh Iran
    ke Rusia serta pembelian senjata itu oleh Moskow", "ekspor rudal oleh Iran dan pengadaannya oleh Rusia"): each
    act after "dan"/"serta" with its own "oleh", nothing but nouns and function words between."""
    out: list[int] = []
    k = a + 1
    while k < hi:
        v = units[k]
        if v.text in STOP_PUNCT or v.etype is None and v.is_verb() and not v.has("FunctionWord", "SupplyCue", "ReceiveCue"):
            break
        if not v.etype and v.has("Conjunction"):
            for m in range(k + 1, min(hi, k + 6)):
                w = units[m]
                if w.etype and not w.is_weapon or w.text in STOP_PUNCT or w.text == ",":
                    break
                if w.has("AgentPrep", "BetweenPrep"):  # (or "… serta kolaborasi terlarang antara Pyongyang dan Moskow")
                    if m + 1 < hi and units[m + 1].is_actor and not units[m + 1].paren:
                        out.append(m + 1)
                        k = m + 1
                    break
        k += 1
    return out


def attacked(units: list[Unit], lo: int, o: int) -> bool:
    """Whether the party at ``o`` is what an attack noun after ``lo`` was aimed at ("mengecam serangan terhadap Iran",
    "mengutuk serangan udara ke Doha"): the attacked, not the attacker."""
    if word_is(units[o].prep, "TargetPrep", "GoalPrep") and \
            any(v.cls.get("AttackCue") == NOUN for v in units[lo + 1:o] if not v.etype):
        return True
    # "mengutuk aksi perusakan terhadap Markas UNRWA oleh …": a harm done to the party (or to its office), right
    # after a noun of harm and "terhadap"
    h = next((v.i for v in units[lo + 1:o] if not v.etype and v.has("HarmNoun")), None)
    if h is not None and units[h + 1].has("TargetPrep") and not units[h + 1].etype and o - h - 2 <= _HEAD_WORDS and \
            all(not v.etype and not v.has("Preposition") and v.text.isalpha() for v in units[h + 2:o]):
        return True
    # "mengutuk kudeta dan pemenjaraan Presiden X": whom an act named just before was done to
    k = o - 1
    while k > lo and title_word(units[k]):
        k -= 1
    # "mengutuk pembunuhan Israel terhadap jurnalis": a party followed by "terhadap" did the act to whom it names
    done_to = o + 1 < len(units) and not units[o + 1].etype and units[o + 1].has("TargetPrep")
    return k > lo and not units[k].etype and units[k].has("HarmedPersonNoun") and not done_to or violated(units, o)


def violated(units: list[Unit], o: int) -> bool:
    """Whether the party at ``o`` owns what a wrong was done against, named after a noun of wrongdoing and
    "terhadap" ("mengutuk peluncuran itu sebagai pelanggaran terhadap resolusi DK PBB", "pelanggaran terhadap
    kedaulatan Indonesia"): the violated, not the violator (past up to two plain nouns: the resolution, the
    sovereignty). The violator is named after "oleh" where the text names one."""
    k = o - 1
    while k > o - 3 and k > 0 and units[k].is_noun() and not units[k].cls:
        k -= 1
    return k > 0 and not units[k].etype and units[k].has("TargetPrep") and not units[k - 1].etype and \
        units[k - 1].has("WrongdoingCue")


def relative_object(units: list[Unit], lo: int, o: int) -> bool:
    """The party at ``o`` stands in an active relative clause told of the act after ``lo`` ("mengutuk serangan yang
    menghantam Ukraina", "… yang menewaskan warga Palestina"): what the act hit or whom it killed, not its doer (who
    is named after "oleh" or a passive verb: "serangan yang dilakukan Israel")."""
    for k in range(lo + 1, o - 1):
        if units[k].has("Relativizer") and not units[k].etype:
            v = next((m for m in range(k + 1, min(o, k + 4)) if units[m].is_verb()), None)
            if v is not None and passive_prefixed(units[v].low) and k == lo + 1 and \
                    units[lo].has("ProtestNoun", "AccusationNoun"):
                return True  # "menyampaikan protes yang dikeluarkan oleh pemerintah X": X made the protest
            if v is not None and passive_prefixed(units[v].low) and units[v].has("ReportCue", "BeliefCue") and \
                    all(units[m].has("AgentPrep") and not units[m].etype for m in range(v + 1, o)):
                # "mengutuk militer atas apa yang digambarkan Washington sebagai …": its agent tells of it (not
                # "serangan yang dinilai dilakukan oleh Israel": the act's own agent further on)
                return True
            return v is not None and not passive_prefixed(units[v].low) and \
                not any(units[m].has("AgentPrep") for m in range(v, o) if not units[m].etype)
    return False


def done_by(units: list[Unit], k: int, o: int) -> bool:
    """The clause at ``k``, right after a comma, is "yang dilakukan (oleh) X" with X at ``o`` ("mengutuk insiden
    itu, yang dilakukan China"): a passive verb of doing names X as the doer of the act told before the comma."""
    if k + 2 >= len(units) or units[k].etype or not units[k].has("Relativizer"):
        return False
    if units[k + 1].etype or units[k + 1].voice("PerformVerb") != PASSIVE:
        return False
    a = k + 3 if not units[k + 2].etype and units[k + 2].has("AgentPrep") else k + 2
    return a == o and units[o].is_actor


def no_object(units: list[Unit], i: int, hi: int, cls: str) -> bool:
    """Only adverbs and punctuation between the verb cue ``cls`` at ``i`` and ``hi`` ("Mesir mengecam keras,
    sementara …", "Turki ikut mengecam."): the verb names no object; it is about what was just told."""
    return all(v.text in STOP_PUNCT or v.text == "," or not v.etype and v.has("VehementAdverb", "FunctionWord")
               for v in units[skip_span(units, i, cls):hi])


def act_condemned(units: list[Unit], i: int, state: State) -> tuple[str, ...]:
    """After the charge noun at ``i`` (past "keras", "bersama"), "atas" and a noun of an act with its owner after it
    ("kecaman keras atas uji coba rudal Korut"): whose act is condemned."""
    k = skip_span(units, i, "AccuseCue")
    while k < len(units) and units[k].has("VehementAdverb", "FunctionWord") and not units[k].etype:
        k += 1
    if k + 1 >= len(units) or units[k].etype or not units[k].has("TargetPrep") or not units[k + 1].has("ActNoun"):
        return ()
    o = act_owner(units, skip_span(units, k + 1, "ActNoun"))
    return actor_keys(units, o, state) if o is not None else ()
