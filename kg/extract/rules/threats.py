"""Whom a warning is addressed to where the verb names no one: the subject of a speaker's conditional threat (his
own side will act if a party does something: "mengatakan negaranya bisa kembali menggugat jika Berlin terus menjual
senjata", "kalau mereka masuk ke Rafah, saya tidak akan memasok"), the buyer of a purchase warned against, the party
a charge joined to the warning names."""

from __future__ import annotations

from collections.abc import Callable

from kg.cues import ACTIVE, NOUN, POSSESSIVE, passive_prefixed
from kg.extract.clause import SPEECH, actor_keys, prep_actor, right_actor
from kg.extract.context import Frame, State
from kg.extract.lists import weapons_after
from kg.extract.parties import as_state, side, topic_state
from kg.units import Unit

_MODAL = ("PotentialCue", "PlannedCue")


def conditional_threat(units: list[Unit], c: int, f: Frame, state: State) -> tuple[str, ...]:
    """The party warned by the conditional conjunction at ``c`` in the speech ``f``, or none."""
    own = {k for sp in f.speaker for k in side(sp, state)}
    j = subject_with_verb(units, c, f.hi)
    if j is None:
        j = attack_agent(units, c, f.hi)  # "jika terjadi serangan militer oleh X, …"
    if j is None:
        return ()
    warned = tuple(k for k in actor_keys(units, j, state) if k not in own)
    if not warned:
        return ()
    m = next((k for k in range(c - 1, max(f.lo, c - 8) - 1, -1) if _own_modal(units, k, own, state)), None)
    if m is None:  # fronted: "jika X …, (maka) kami akan …", "…, aksi militer kita tidak akan terelakkan"
        comma = next((k for k in range(j + 1, min(f.hi, j + 12)) if units[k].text == ","), None)
        if comma is not None:
            # (not in a purpose clause: "kalau AS punya informasi, silakan dibagikan supaya kita bisa …": a request)
            m = next((k for k in range(comma + 2, min(f.hi, comma + 7)) if _own_modal(units, k, own, state)
                      and not any(v.has("PurposeConj") for v in units[comma + 1:k])), None)
            if m is None:  # "…, pangkalan AS akan menjadi target sah kami": the consequence names a threat
                m = next((k for k in range(comma + 1, min(f.hi, comma + 16)) if units[k].has("ThreatNoun")
                          and not units[k].etype), None)
                return warned if m is not None else ()
    return warned if m is not None and not _offer(units, m, f.hi) else ()


def condition_party(units: list[Unit], c: int) -> int | None:
    """The party a threat is made to in the condition opened at ``c``: its subject ("mengancam akan membalas
    apabila AS dan Inggris mengizinkan …"), or the agent of a passive condition ("… jika diserang oleh Israel").
    Not the object of a condition whose subject is left out, the one warned before it ("memperingatkan Barat
    jika mengizinkan Ukraina …"), nor the subject of a passive ("mengancam intervensi jika X tidak dikembalikan")."""
    n = len(units)
    o = next((k for k in range(c + 1, min(n, c + 4)) if units[k].is_actor and not units[k].paren), None)
    if o is None or any(v.has("TiesNoun") and not v.etype for v in units[c + 1:o]):
        return None  # "memperingatkan akan timbulnya konflik apabila ketegangan A dan B berlanjut"
    by = units[o - 1].has("AgentPrep")
    if any(v.is_verb() and not (by and passive_prefixed(v.low)) for v in units[c + 1:o]):
        return None
    end = _past_short_name(units, units[o].group[-1] if units[o].group else o, n) + 1
    v = next((w for w in units[end:min(n, end + 3)] if w.is_verb()), None)  # (past "tidak segera")
    return None if v is not None and passive_prefixed(v.low) else o


def stopped_act(units: list[Unit], i: int) -> bool:
    """The verb at ``i`` names what someone stops or is urged to stop ("mendesak X untuk segera berhenti
    mengancam Y"), not a threat made."""
    return any(v.has("StopVerb") and not v.etype for v in units[max(0, i - 2):i])


def attack_agent(units: list[Unit], c: int, hi: int) -> int | None:
    """The attacker in a condition that names an attack as a noun ("jika terjadi serangan militer oleh AS",
    "bila ada serangan dari Israel"): the actor after "oleh"/"dari" within a few words of the attack noun."""
    a = next((k for k in range(c + 1, min(hi, c + 4)) if units[k].voice("AttackCue") == NOUN), None)
    if a is None:
        return None
    for k in range(a + 1, min(hi, a + 4)):
        v = units[k]
        if v.has("AgentPrep", "SourcePrep") and not v.etype:
            w = units[k + 1] if k + 1 < hi else None
            return w.i if w is not None and w.is_actor and not w.paren and not w.title else None
        if v.etype or v.text in (",", ".") or v.is_verb():
            return None
    return None


def severed_with(units: list[Unit], i: int, hi: int) -> int | None:
    """The party after "dengan" that relations would be broken off with, where the warning or threat at ``i``
    is of that ("mengancam akan memutus hubungan diplomatik dengan X", "memperingatkan bahwa Rusia dapat
    memutuskan hubungan dengan AS"): the one warned, whoever else the clause names before it. A threat (not a
    warning) of war names its enemy so too ("mengancam (akan) berperang dengan X", "mengancam perang dengan X")."""
    kinds = ("SeverTies", "WarWith") if units[i].has("ThreatVerb") or _war_foreseen(units, i, hi) else ("SeverTies",)
    for k in range(i + 1, hi):
        if units[k].etype or not units[k].has(*kinds):
            continue
        end = k + max(units[k].span.get(c, 1) for c in kinds if units[k].has(c))
        m = next((j for j in range(end, min(hi, end + 3)) if units[j].has("ComitativePrep") and not units[j].etype), None)
        if m is not None and m + 1 < hi and units[m + 1].is_actor and not units[m + 1].paren:
            return m + 1
        return None
    return None


def _war_foreseen(units: list[Unit], i: int, hi: int) -> bool:
    """A warning at ``i`` that something "bisa/dapat berujung pada perang dengan X": a war foreseen (a word of
    possibility before the war noun) names its enemy as a threat of war does."""
    war = next((k for k in range(i + 1, hi) if units[k].has("WarWith") and not units[k].etype), None)
    return war is not None and any(v.has("PotentialCue") and not v.etype for v in units[i + 1:war])


def hearsay_after(units: list[Unit], o: int) -> bool:
    """Whether the actor at ``o`` is followed by a word of hearsay ("peringatan: India disebut-sebut tengah
    bersiap menyerang …", "… dilaporkan akan …"): what a party is said to do, not what it is told to do."""
    end = units[o].group[-1] if units[o].group else o
    return any(v.has("AllegedCue") and not v.etype for v in units[end + 1:end + 3])


def joined_goal(units: list[Unit], lo: int, end: int) -> bool:
    """Whether the party ending at ``end`` is what a verb of entering or joining after ``lo`` goes to ("“Masuk
    ke NATO akan memiliki konsekuensi …”"): the body joined, not the one told of the consequences."""
    return any(units[k].has("EntryVerb", "JoinVerb") and not units[k].etype and units[k + 1].has("Preposition")
               for k in range(max(0, lo), end))


def subject_with_verb(units: list[Unit], c: int, hi: int) -> int | None:
    """The actor right after unit ``c`` (past a noun or two) that a verb follows within three words: a
    condition's subject ("jika Berlin terus menjual …"), whom a colon goes on to tell what to do ("memberi
    tenggat: tentara Ethiopia harus pulang")."""
    for k in range(c + 1, min(hi, c + 4)):
        v = units[k]
        if v.is_actor and not v.paren and not v.title:
            end = _past_short_name(units, v.group[-1] if v.group else k, hi)
            ok = any(w.is_verb() and not w.has(*SPEECH) for w in units[end + 1:min(hi, end + 4)])
            return k if ok else None
        if v.etype or not v.is_noun() and not v.has("FunctionWord") or v.has("TiesNoun"):
            return None  # (not "jika ketegangan A dan B meningkat": the condition is about their ties)
    return None


def _past_short_name(units: list[Unit], end: int, hi: int) -> int:
    """The last unit of an actor ending at ``end`` and of the short name in brackets after it ("jika Amerika
    Serikat (AS) melancarkan …": the verb comes after the brackets)."""
    while end + 1 < hi and (units[end + 1].paren or units[end + 1].text in ("(", ")")):
        end += 1
    return end


def _own_modal(units: list[Unit], k: int, own: set[str], state: State) -> bool:
    """A modal ("bisa", "akan") at ``k`` whose subject just before it is the speaker's own side: "kami",
    "negaranya", or a party of his side."""
    if k < 1 or not units[k].has(*_MODAL) or units[k].has("ConditionalConj", "PurposeConj"):
        return False
    s = units[k - 1]
    if s.has("NegationCue") and k >= 2:  # "saya tidak akan …"
        s = units[k - 2]
    if s.pron == "1":
        return True
    if s.is_actor and not s.etype:
        return False
    if s.is_actor:
        keys = actor_keys(units, s.i, state)
        return bool(keys) and all(x in own for x in keys)
    return s.has("StateNoun", "GovernmentNoun") and s.low.endswith(POSSESSIVE)


def _offer(units: list[Unit], m: int, hi: int) -> bool:
    """The act promised is a favour (supplying, approving, backing) and not withheld: an offer, no threat."""
    end = min(hi, m + 5)
    verb = next((v for v in units[m + 1:end] if v.is_verb()), None)
    if verb is None:
        return False
    if any(v.has("NegationCue") for v in units[m - 1:verb.i]):
        return False
    if verb.i + 1 < len(units) and units[verb.i + 1].has("RetaliationNoun", "ThreatNoun", "AttackCue"):
        return False  # "akan memberikan balasan keras bila …": what is given back is a threat
    return verb.has("SupplyCue", "ApproveCue", "SupportVerb")


def taken_as(units: list[Unit], i: int) -> bool:
    """A threat noun at ``i`` between "sebagai" and its grounds ("sanksi baru sebagai konsekuensi atas
    peluncuran rudal", "mengusir diplomat sebagai pembalasan atas …"): the measure told is the consequence,
    already taken, and no threat of one to come."""
    end = i + units[i].span.get("ThreatNoun", 1)
    return i > 0 and units[i - 1].has("AsPrep") and not units[i - 1].etype and end < len(units) and \
        units[end].has("GroundsPrep", "SourcePrep") and not units[end].etype


def anniversary(units: list[Unit], k: int) -> bool:
    """Whether a span of years opens at ``k``, right after a warning noun ("peringatan [dua tahun] invasi",
    "peringatan [ulang tahun] NATO"): the noun is a commemoration."""
    if k < len(units) and not units[k].etype and (units[k].has("NumberWord") or units[k].text[:1].isdigit()):
        k += 1  # "peringatan dua tahun …", "memperingati 20 tahun kemitraan …"
    return k < len(units) and not units[k].etype and units[k].has("AnniversaryCue")


def own_attack_target(units: list[Unit], o: int, hi: int) -> int | None:
    """"memperingatkan bahwa Iran akan melakukan serangan balasan terhadap pangkalan AS dan Israel": where the
    warner's own side is the subject of a planned attack, the one attacked (``hi`` bounds the search) is warned."""
    modal = None
    for k in range(o + 1, min(hi, o + 8)):
        v = units[k]
        if v.etype or v.text in (",", ";"):
            return None  # another party or clause before the attack
        if v.has("NegationCue"):
            return None  # "Iran tidak akan menyerang …": no threat
        if v.has(*_MODAL):
            modal = k
        elif modal is not None and v.has("AttackCue"):
            return right_actor(units, k, hi, ("TargetPrep", "GoalPrep"))
    return None


def buyer_warned(units: list[Unit], at: int, hi: int, warner: tuple[str, ...], state: State) -> tuple[str, ...]:
    """"Washington memperingatkan bahwa pembelian S-400 bisa memicu sanksi": a warning about a purchase whose
    buyer goes unnamed is addressed to whoever the article said gets those weapons, else to the state it is about."""
    k = at + 1
    while k < hi and not units[k].etype and units[k].has("Complementizer", "FunctionWord"):
        k += 1
    if k + 1 >= hi or units[k].etype or units[k].voice("ReceiveCue") != NOUN or units[k + 1].is_actor:
        return ()
    widx, _ = weapons_after(units, k, hi, reach=3)
    keys = {units[w].key for w in widx if units[w].key}
    if not keys:
        return ()
    buyers = [r.args.get("recipient") for r in reversed(state.relations)
              if r.type == "supplies" and r.args.get("weapon") in keys and r.args.get("recipient")]
    if buyers:
        return (str(buyers[0]),)
    topic = topic_state(state, exclude={k for a in warner for k in side(a, state)})
    return (topic,) if topic else ()


def charged_before(units: list[Unit], j: int | None, i: int) -> int | None:
    """The party the subject at ``j`` charged with the verb the warning at ``i`` is joined to by "dan" ("Lavrov
    menuding Jerman … dan memperingatkan bahwa akibatnya …"): the warning is addressed to it too."""
    if j is None or i < 2 or units[i - 1].etype or not units[i - 1].has("Conjunction"):
        return None
    def named_after(test: Callable[[Unit], bool]) -> int | None:  # the party right after the first word passing test
        # (past a noun of government: "menuding pemerintah Abuja gagal … dan mengancam akan …")
        return next((m for k in range(j + 1, i - 2) if not units[k].etype and test(units[k])
                     for m in (k + 1 + (not units[k + 1].etype and units[k + 1].has("GovernmentNoun")),)
                     if units[m].is_actor and not units[m].paren), None)

    charged = named_after(lambda v: v.voice("AccuseCue") == ACTIVE)
    if charged is None and any(v.has("RetaliationCue") and not v.etype for v in units[i + 1:i + 4]):
        # "menyebut sanksi Seoul sebagai langkah tidak bersahabat dan memperingatkan akan membalasnya": whose
        # sanctions the subject spoke of is whom it threatens to pay back
        charged = named_after(lambda v: v.has("SanctionCue"))
    return charged


def supplier_warned(units: list[Unit], at: int, hi: int, warner: tuple[str, ...], state: State) -> tuple[str, ...]:
    """"Peskov mengingatkan bahwa dimulainya pasokan senjata dari Korsel ke Kyiv sama saja dengan …": a warning about
    a supply told as a noun with its source after "dari" is addressed to that source (not to the warner's own side)."""
    k = at + 1
    while k < min(hi, at + 5) and not units[k].etype and units[k].voice("SupplyCue") != NOUN and \
            (units[k].has("Complementizer", "FunctionWord") or passive_prefixed(units[k].low)):
        k += 1  # (past "bahwa", "setiap", "dimulainya")
    if k >= hi or units[k].etype or units[k].voice("SupplyCue") != NOUN:
        return ()
    widx, wlast = weapons_after(units, k, hi, reach=3)
    if not widx:
        return ()
    source, _ = prep_actor(units, wlast, hi, ("SourcePrep",), state, reach=3)
    own = {x for a in warner for x in side(a, state)} | set(warner)
    return tuple(x for x in as_state(source, state) if x not in own)
