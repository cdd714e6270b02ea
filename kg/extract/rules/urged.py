"""What an urged party is asked to do, read apart from what it does: "mendesak X untuk mengutuk Y" makes X
no accuser yet, and "mendesak X untuk menghentikan serangan Y" charges Y's attack, not X."""

from __future__ import annotations

from kg.cues import ACTIVE, ANY, NOUN, POSSESSIVE, passive_prefixed
from kg.extract.clause import SPEECH, actor_keys, governor, left_subject, nearest_left_actor
from kg.extract.context import State
from kg.extract.heads import craft_subject, only_glue
from kg.extract.sites import appended_place
from kg.units import CLOSE_QUOTES, OPEN_QUOTES, STOP_PUNCT, Unit, word_before


def asked_to(units: list[Unit], i: int, j: int) -> bool:
    """Whether the subject at ``j`` of the verb at ``i`` is only the one urged or asked to act by a verb
    just before it ("meminta Uni Eropa untuk mengecam …", "mendesak agar PBB mengutuk …"): a request, not
    the act; so is the verb straight after the one urged: "Turki mendesak PBB (segera) mengecam Israel")."""
    if not 0 < j < i:
        return False
    end = units[j].group[-1] if units[j].group else j
    if not only_glue(units, end, i) and not any(v.has("PurposeConj") and not v.etype for v in units[j + 1:i]):
        return False
    for k in range(j - 1, max(-1, j - 3), -1):
        v = units[k]
        if v.voice("DemandCue") == ACTIVE or v.voice("PersuadeCue") == ACTIVE:
            return True
        if v.etype or not v.has("PurposeConj", "FunctionWord"):
            return False
    return False


def urger_of(units: list[Unit], j: int) -> int | None:
    """Who urges the party at ``j`` that ``asked_to`` found ("Jepang mendesak PBB untuk mengecam …"): the subject of
    the verb of urging."""
    for k in range(j - 1, max(-1, j - 3), -1):
        if units[k].voice("DemandCue") == ACTIVE or units[k].voice("PersuadeCue") == ACTIVE:
            return left_subject(units, k)
    return None


def unnamed_urger(units: list[Unit], i: int) -> int | None:
    """Who urges parties the sentence does not name to do the verb at ``i`` ("Hamza menyerukan masyarakat
    internasional untuk ikut mengecam …"): the subject of the verb of urging before the purpose clause."""
    k = word_before(units, i, "FunctionWord")
    if k < 2 or not units[k].has("PurposeConj"):
        return None
    m = k - 1
    while m > max(0, k - 4) and units[m].is_noun():
        m -= 1
    v = units[m]
    return left_subject(units, m) if m < k - 1 and (v.voice("DemandCue") == ACTIVE or v.voice("PersuadeCue") == ACTIVE) \
        else None


def wrong_told_of(units: list[Unit], o: int, hi: int) -> bool:
    """A relative clause of wrongdoing follows the party at ``o`` ("Korea Utara, yang melanggar resolusi …"), or a
    verb of wrongdoing it does ("upaya Ethiopia mencaplok …")."""
    k = (units[o].group[-1] if units[o].group else o) + 1
    if k < hi and units[k].voice("WrongdoingCue") in (ACTIVE, ANY) and units[k].is_verb():
        return True
    k += 1 if k < hi and units[k].text == "," else 0
    return k < hi and units[k].has("Relativizer") and not units[k].etype and \
        any(v.has("WrongdoingCue") and not v.etype for v in units[k + 1:min(hi, k + 4)])


def stopped_owner(units: list[Unit], lo: int, hi: int) -> set[str]:
    """The party whose act a stop verb between ``lo`` and ``hi`` names after its object noun ("menghentikan
    serangan Israel"): the wrongdoing to stop is that party's, whoever is urged to stop it."""
    for v in units[lo:hi]:
        if v.etype or not v.has("StopVerb"):
            continue
        k = v.i + 1
        while k < min(len(units), v.i + 3) and not units[k].etype and units[k].cls.keys() <= {"AttackCue",
                                                                                             "WrongdoingCue"}:
            k += 1
        if k > v.i + 1 and k < len(units) and units[k].is_actor:
            return set(units[k].keys)
        if (by := _done_by(units, v.i + 1, hi)) is not None:
            return set(units[by].keys)
    return set()


#: what an object of a stop verb must name for the party urged to stop it to be accused of it: an attack, a
#: wrong, a supply or backing, arming, a test, fighting or a weapon ("menghentikan pasokan senjata"; not
#: "menghentikan impor ikan", a trade measure, nor "menghentikan latihan militer")
_CHARGES = ("AttackCue", "WrongdoingCue", "HarmNoun", "SupplyCue", "TransportVerb", "ArmCue", "TestAct", "CombatCue",
            "SupportVerb", "LaunchVerb", "DispatchVerb", "IncidentNoun", "ThreatNoun")


_NOT_MUTUAL = tuple(c for c in _CHARGES if c != "HarmNoun")  # (the charges one of two sides urged together bears)


def _charge_word(w: Unit) -> bool:
    """A word that names a charge (:data:`_CHARGES`) or a weapon."""
    return w.etype == "WEAPON" or not w.etype and w.has(*_CHARGES)


def stops_a_charge(units: list[Unit], lo: int, hi: int, mutual: bool = False) -> bool:
    """Whether a stop verb between ``lo`` and ``hi`` has an object that names a charge (:data:`_CHARGES`)
    within its first ten words (up to ", yang …" after a party named there: "menghentikan operasi bersama dengan X,
    yang menewaskan …" tells X's wrong, not that of the party urged to stop). ``mutual``: the urged are two sides or
    more, whose hostilities ("mendesak Thailand dan Kamboja menghentikan [seluruh bentuk] permusuhan", a kg:HarmNoun
    heading the object) blame neither."""
    for v in units[lo:hi]:
        if v.etype or not v.has("StopVerb"):
            continue
        for w in units[v.i + 1:min(len(units), v.i + 11)]:
            if w.text in (".", ";", "!", "?") or w.text == "," and units[w.i - 1].is_actor and \
                    w.i + 1 < len(units) and units[w.i + 1].has("Relativizer"):
                break  # (", yang …" after a party named in the object describes that party, not the act)
            if _charge_word(w) and not (mutual and w.i - v.i <= 3 and not w.etype and not w.has(*_NOT_MUTUAL)):
                return True
        if _pointed_back(units, v.i):
            return True
    return False


def _pointed_back(units: list[Unit], v: int) -> bool:
    """The object of the stop verb at ``v`` is a plain noun with a demonstrative ("menghentikan kegiatan tersebut",
    "menghentikan tindakan itu") and the sentence named a charge before the verb ("mengecam pengiriman rudal dari
    Pyongyang ke Moskow dan mendesak keduanya segera menghentikan kegiatan tersebut"): the act pointed back to."""
    if v + 2 >= len(units) or units[v + 1].etype or not units[v + 1].is_noun() or \
            not units[v + 2].has("Demonstrative") or units[v + 2].etype:
        return False
    return any(_charge_word(w) for w in units[:v])


def continued_charge(units: list[Unit], lo: int, hi: int) -> bool:
    """Whether a condition between ``lo`` and ``hi`` is that a charge goes on ("memperingatkan X bahwa … jika
    pasokan itu berlanjut", "bila serangan terus berlangsung"): the warned is told to stop it, as by a stop verb."""
    for c in units[lo:hi]:
        if c.text in (".", ";", "!", "?"):
            return False
        if c.etype or not c.has("ConditionalConj"):
            continue
        for w in units[c.i + 1:min(len(units), c.i + 8)]:
            if w.text in (".", ";", "!", "?", ",") or w.is_verb() and not w.has("ContinueVerb"):
                break
            if not w.etype and w.has("ContinueVerb"):
                return any(_charge_word(v) for v in units[c.i + 1:w.i])
    return False


def _done_by(units: list[Unit], lo: int, hi: int) -> int | None:
    """The agent of a relative clause in a passive voice that describes the object of a stop verb starting at
    ``lo`` ("menghentikan semua bentuk kekerasan yang dilakukan Israel"): whose the act to stop is."""
    for k in range(lo, min(len(units) - 2, lo + 8, hi)):
        v = units[k]
        if v.etype or v.text in (",", ";") or v.is_verb() and not v.has("AttackCue", "WrongdoingCue"):
            return None
        w = units[k + 1]
        if v.has("Relativizer") and passive_prefixed(w.low) and w.is_verb() and not w.has("LocativePrep"):
            a = k + 2  # (past a common noun: "yang dilakukan milisi RSF")
            while a < min(len(units) - 1, k + 4) and units[a].is_noun():
                a += 1
            return a if units[a].is_actor else None
    return None


def wrongdoer_left(units: list[Unit], i: int, lo: int) -> int | None:
    """The nearest actor before a wrongdoing word at ``i`` that can be its doer (:func:`nearest_left_actor`),
    past one that only stands inside another's phrase: the object of an active verb when a relative clause or
    a prepositional phrase comes between ("memprovokasi China dengan perilaku (yang) berbahaya …": the
    subject's behaviour is the wrong, not China), also the owner of that object noun ("memukul kemampuan Ukraina
    untuk …"), and the object before a second predicate of the same subject ("merusak ekonomi Filipina dan
    melanggar …"). (Not the owner of a noun before a purpose clause: "alat utama Rusia untuk meneror …" is
    Russia's own act.)"""
    if units[i].has("SufferedCue"):
        return None  # "awak kapal Filipina terluka akibat serangan …": the party before the cause of a harm suffered it
    if i > 0 and units[i - 1].has("GroupNoun") and not units[i - 1].etype:
        return None  # "membekukan dana kelompok teror": the wrong names a kind of group, no act that one before did
    if _accountable_noun(units, i):
        return None  # "menyerang gudang yang bertanggung jawab atas pembantaian": the depot answers for it
    if _reported_object(units, i):
        return None  # "Inggris telah melaporkan pelanggaran ini ke PBB": who reports a wrong did not do it
    j = nearest_left_actor(units, i, lo)
    if j is not None and craft_subject(units, j, i):
        return None  # "data radar Kementerian Pertahanan memperlihatkan drone itu menerobos …": the craft's act
    k, result = i - 1, False
    while k > 0 and units[k].has("FunctionWord") and not units[k].has("Conjunction") and not units[k].etype:
        result = result or units[k].has("RangeEnd")
        k -= 1
    # "… yang merusak ekonomi Filipina dan (telah) melanggar …": a second predicate of the verb's own subject; so is
    # a result ("menggempur Kharkiv hingga menewaskan …": the attacker kills, not the city)
    second = j is not None and (k > j and units[k].has("Conjunction") and not units[k].etype or result and k == j)
    while j is not None and j > 0:
        between = units[j + 1:i]
        prev = units[j - 1]
        h = j - 1  # the owner of the verb's object noun: "memukul kemampuan Ukraina … dan memperburuk …",
        while second and h > max(0, j - 4) and not (v := units[h]).etype and v.text[:1].isalpha() and not v.is_verb() \
                and not v.has("FunctionWord", "Preposition", "Conjunction"):
            h -= 1  # "menyerbu kamp pengungsi Zamzam hingga menewaskan …"
        prev = units[h] if h < j - 1 and units[h].is_verb() else prev
        inside = prev.is_verb() and not prev.has(*SPEECH) and not passive_prefixed(prev.low) and \
            (second or any(v.has("Relativizer", "Preposition") and not v.etype for v in between) or
             j >= 2 and units[j - 2].has("Relativizer") and not units[j - 2].etype)  # "X yang mendukung Y bertanggung jawab"
        second = False  # (only the object nearest the second predicate)
        # "serangan Israel ke Kedubes Iran di Damaskus, Suriah, pelanggaran …", "referendum yang digelar Rusia di
        # wilayah Ukraina melanggar …": what an act was aimed at or where it happened did not do it
        # (so for a wrong told as the subject's own, "-nya": "Israel harus menarik diri dari wilayah Lebanon dan
        # menghentikan agresinya" is Israel's aggression, not Lebanon's)
        inside = inside or _aimed_or_placed(units, j, source=units[i].low.endswith(POSSESSIVE)) or appended_place(units, j)
        if not inside:
            break
        j = nearest_left_actor(units, j, lo)
    return None if j is not None and _tie_party(units, j) else j


def _reported_object(units: list[Unit], i: int) -> bool:
    """The wrong at ``i`` is a noun that an active verb of saying or seeing takes as its object ("melaporkan
    pelanggaran", "mencatat adanya pelanggaran"): its subject tells of the wrong."""
    if units[i].voice("WrongdoingCue") != NOUN:
        return False
    k = word_before(units, i, "FunctionWord")
    return k >= 0 and ACTIVE in (units[k].voice("ReportCue"), units[k].voice("PerceiveVerb"))


def _accountable_noun(units: list[Unit], i: int) -> bool:
    """The wrong at ``i`` is what a common noun is held accountable for in its relative clause ("lokasi militer
    yang bertanggung jawab atas genosida"): that noun answers for it, not a party named before the noun."""
    for k in range(i, max(0, i - 6), -1):
        v = units[k]
        if v.etype:
            return False
        if v.has("AccountableCue"):
            h = k - 1
            while h > 0 and units[h].has("FunctionWord") and not units[h].has("Relativizer") and not units[h].etype:
                h -= 1  # (past "juga", "hanya")
            host = units[h - 1] if h > 0 else None
            # (not a label put on a party: "menilai Israel sebagai pihak yang bertanggung jawab atas …" charges Israel)
            return units[h].has("Relativizer") and host is not None and not host.is_actor and \
                host.text[:1].isalpha() and not host.is_verb() and not host.has("FunctionWord") and \
                not (h >= 2 and units[h - 2].has("AsPrep") and not units[h - 2].etype)
    return False


def _tie_party(units: list[Unit], j: int) -> bool:
    """The party at ``j`` is named after a noun of a tie between sides ("konflik Yaman telah menewaskan …",
    "konflik terbaru antara Hamas dan Israel yang menewaskan …"): a side of the conflict, whose harm the conflict
    did, not that side's charged wrong."""
    for v in reversed(units[max(0, j - 5):j]):
        if v.has("TiesNoun") and not v.etype:
            return True
        if not (v.is_actor or v.has("Conjunction", "BetweenPrep") or v.text == "-" or
                not v.etype and v.text[:1].islower() and not v.is_verb() and not v.has("Relativizer")):
            return False
    return False


def _aimed_or_placed(units: list[Unit], j: int, source: bool = False) -> bool:
    """The party at ``j`` ends a phrase after a preposition of target, goal or place (or, with ``source``, of
    source: "dari wilayah Lebanon"), past only nouns, numbers and "dan" ("terhadap Konsulat dan Kedubes Iran", "di
    empat wilayah Ukraina", "ke arah Jepang")."""
    for k in range(j - 1, max(-1, j - 5), -1):
        v = units[k]
        if v.etype and v.etype != "LOC" or v.text in (",", "(", ")"):
            return False  # (a place may qualify the party: "dari Dataran Tinggi Golan Suriah")
        if v.has("TargetPrep", "GoalPrep", "LocativePrep") or source and v.has("SourcePrep"):
            return True
        if v.is_verb() or v.has("Relativizer", "Complementizer", "Demonstrative"):
            return False
    return False


def asked_wrong(units: list[Unit], j: int, i: int) -> bool:
    """The party at ``j`` is only asked, by a verb of request or urging just before it, to do the wrong told at ``i``
    ("Rusia meminta China membantu invasinya"): the asker charges no wrong of it; not where it is urged to stop
    or keep from the wrong ("mendesak Rusia menghentikan invasi", "meminta X menahan diri dari provokasi"), nor where
    it is held to account for it ("mendesak Israel untuk bertanggung jawab atas tindakannya")."""
    if units[i].has("AccountableCue"):
        return False
    for k in range(j - 1, max(-1, j - 3), -1):
        v = units[k]
        if v.voice("DemandCue") == ACTIVE or v.voice("PersuadeCue") == ACTIVE:
            return not any(w.has("StopVerb", "SourcePrep") for w in units[j + 1:i] if not w.etype)
        if v.etype or not v.has("PurposeConj", "FunctionWord"):
            return False
    return False


def act_owned(units: list[Unit], lo: int, k: int) -> int:
    """The words from ``lo`` up to the party at ``k`` after "agar" name an act and then what it is done to
    ("mendesak agar pendudukan wilayah X oleh Y diakhiri"): the party owns that thing and is no one urged. Returns
    the act's agent after "oleh" (the one urged to end it), -1 when none is named, 0 when the words name no such act
    (then the party is the one urged: "agar junta militer X segera …", "agar serangan X dihentikan")."""
    act = next((v.i for v in units[lo:k] if not v.etype and v.has("HarmNoun", "AttackCue", "WrongdoingCue")), None)
    if act is None or not any(v.is_noun() and not v.has("HarmNoun", "AttackCue", "WrongdoingCue", "FunctionWord")
                              for v in units[act + 1:k]):
        return 0
    end = units[k].group[-1] if units[k].group else k
    if end + 2 < len(units) and units[end + 1].has("AgentPrep") and not units[end + 1].etype and \
            units[end + 2].is_actor:
        return end + 2
    return -1


#: nouns for the people a party acts through ("para pejuang kelompok X", "rezim X", "anggota Kongres"): the party
#: named after them is the one urged
_PEOPLE = ("GovernmentNoun", "PersonNoun", "MemberNoun", "GroupNoun", "FighterNoun")


def _plain_noun(u: Unit) -> bool:
    """A lowercase word of a noun phrase ("zionis", "biadab", "bekas"): no verb, no name, no punctuation."""
    return not u.etype and u.is_noun() and not u.is_verb() and u.text.isalpha() and u.text.islower()


def _past_head(units: list[Unit], h: int, limit: int) -> int:
    """Past the people noun at ``h`` and the lowercase words of its phrase to the party named within ``limit``
    ("pejuang bekas kelompok X", "rezim zionis biadab X"); ``h`` itself where no party follows."""
    m = h
    while m < limit and (units[m].has(*_PEOPLE) and not units[m].etype and not units[m].pron
                         or m > h and _plain_noun(units[m])):
        m += 1
    return m if h < m < len(units) and units[m].is_actor and not units[m].title and not units[m].paren else h


def past_people(units: list[Unit], at: int, k: int) -> int:
    """The party urged by the demand word at ``at`` named behind the people it is urged through, where the plain
    reading stopped at ``k`` short of a name: "mendesak para pejuang bekas kelompok X untuk menarik diri",
    "menyerukan kepada rezim zionis biadab X agar …", "meminta anggota Kongres tidak …". ``k`` where none."""
    n = len(units)
    if k >= n or units[k].is_actor:
        return k
    h = next((x for x in range(at + 1, k + 1) if units[x].has(*_PEOPLE) and not units[x].etype), None)
    return k if h is None else (m if (m := _past_head(units, h, min(n, h + 6))) > h else k)


def sides_in(units: list[Unit], k: int) -> int:
    """Past "di" to the state after a side noun ("semua pihak di Nepal", "para pihak di Madagaskar"): those urged or
    warned are the sides of that state; ``k`` (the "di") where no side noun and state frame it."""
    if 0 < k < len(units) - 1 and not units[k].etype and units[k].has("LocativePrep") and \
            units[k + 1].etype == "GPE" and units[k - 1].has("SideNoun") and not units[k - 1].etype:
        return k + 1
    return k


def joined_party(units: list[Unit], end: int) -> tuple[int, int | None]:
    """A second party urged with the one ending at ``end``, behind its own people noun ("… Israel dan pejuang Hamas
    agar …"): (where the two end, the second); (``end``, None) where none (a bare second name is a list already)."""
    k, n = end + 1, len(units)
    if k + 2 >= n or units[k].etype or not units[k].has("Conjunction") or not units[k + 1].has(*_PEOPLE) \
            or units[k + 1].etype or (m := _past_head(units, k + 1, min(n, k + 7))) == k + 1:
        return end, None
    return (units[m].group[-1] if units[m].group else m), m


def hoped_urger(units: list[Unit], j: int | None) -> int | None:
    """The one who hopes the party at ``j`` will urge ("Kami berharap Turki mendesak Pakistan untuk menghentikan
    dukungannya terhadap terorisme": the urging is only hoped for, the charge is the hoper's): its subject, else None."""
    if j is None:
        return None
    p = governor(units, units[j].group[0] if units[j].group else j)
    if p is None or p.etype or p.voice("HopeVerb") != ACTIVE:
        return None
    return left_subject(units, p.i)

def urged_party(units: list[Unit], at: int, state: State) -> tuple[str, ...]:
    """The party urged by the demand word at ``at`` to do or stop something: "mendesak Korea Utara untuk …",
    "menyerukan kepada DPRK untuk …", "seruan agar kedua pihak menahan diri"."""
    n = len(units)
    k = at + 1
    after_agar = k < n and units[k].has("PurposeConj")
    if k < n and units[k].has("AddresseePrep", "PurposeConj"):
        k += 1
    while k < min(n, at + 5) and not units[k].etype and (after_agar and units[k].is_noun()
            or units[k].has("GovernmentNoun", "PersonNoun") and not units[k].pron
            or units[k].has("FunctionWord") and not units[k].is_verb()):
        # "menyerukan agar junta militer Myanmar segera menghentikan …", "menuntut (semua) pasukan
        # Ethiopia meninggalkan …", "mendesak para pemimpin Rwanda menghentikan …"
        k += 1
    k = past_people(units, at, k)  # "mendesak para pejuang bekas kelompok X …", "meminta anggota Kongres tidak …"
    k = sides_in(units, k) if k > at + 1 else k  # "mendesak semua pihak di Nepal untuk menahan diri"
    t = k  # "mendesak Presiden Rusia Vladimir Putin mengakhiri …": past the title to the person it names
    while t < min(n, k + 8) and (units[t].head_word or units[t].title or not units[t].etype and units[t].has("RoleTitle")):
        t += 1
    # (only where the title names the person's state or body: "Perdana Menteri Keir Starmer" may be the urger's own)
    k = t if t > k and t < n and units[t].etype == "PER" and not units[t].title and \
        any(v.etype in ("GPE", "ORG") for v in units[k:t]) else k
    if k < n and units[k].is_actor and not units[k].title and after_agar and (o := act_owned(units, at + 2, k)):
        return actor_keys(units, o, state) if o > 0 else ()  # "agar pendudukan wilayah X oleh Y …": Y, not X
    if k < n and units[k].is_actor and not units[k].title:
        end, two = joined_party(units, units[k].group[-1] if units[k].group else k)  # "… X dan pejuang Y agar …"
        m = end + 1
        while m < n and (units[m].paren or units[m].text in ("(", ")", "-", "—", "–")
                         or units[m].text in OPEN_QUOTES | CLOSE_QUOTES or units[m].is_noun()
                         and m < end + 8):
            m += 1
        t, more = m, []  # "mengimbau Iran, Israel, dan pihak mana pun agar …": the list runs on to a member named
        while t < min(n, m + 8) and not units[t].is_verb() and (  # by no name
                units[t].is_actor and not units[t].paren and units[t].etype != "WEAPON" or not units[t].etype and (
                    units[t].text == "," or units[t].is_noun() or units[t].has("Conjunction", "AnyQuantifier", "SideNoun")
                    or units[t].has("FunctionWord") and not units[t].has("PurposeConj"))):
            more += [t] if units[t].is_actor else []
            t += 1
        if t > m and t < n and units[t].has("PurposeConj") and not units[t - 1].is_actor:
            return actor_keys(units, k, state) + tuple(x for j in more for x in actor_keys(units, j, state))
        r = next((x for x in range(m, min(n, m + 3)) if units[x].keys != units[k].keys), n)  # (past "pihak")
        if r < n and units[r].has("Relativizer") and not units[r].etype:
            # "mendesak kedua pihak yang bertikai untuk …": past a short relative clause on the party, to its "untuk"
            m = next((x for x in range(r + 1, min(n, r + 5)) if units[x].has("PurposeConj") and not units[x].etype
                      and not any(v.etype or v.text in STOP_PUNCT or v.text == "," for v in units[r + 1:x])), m)
        while m < n and m <= end + 3 and units[m].has("FunctionWord", "NegationCue", "PlannedCue") \
                and not units[m].is_verb():
            m += 1  # "… Myanmar segera menghentikan", "meminta Honiara tidak meneken …"
        # "mendesak Moskow dan Pyongyang untuk/agar …", or straight on to the verb: "meminta Minsk berhenti …"
        # not "menuntut Israel diadili", "mendesak Rusia dikeluarkan dari …": that it be acted upon, by others
        if m < n and (units[m].has("PurposeConj", "Complementizer") or after_agar
                      or units[m].is_verb() and not units[m].has(*SPEECH) or units[m].has("CautionWord")) \
                and not favour(units, k, m) \
                and not (units[m].is_verb() and passive_prefixed(units[m].low)):
            return actor_keys(units, k, state) + (actor_keys(units, two, state) if two is not None else ())
    return ()

def favour(units: list[Unit], k: int, m: int) -> bool:
    """A request that the party at ``k`` give, allow, back, join or impose something ("meminta AS menempatkan sistem
    rudal di Luzon", "mendesak keduanya agar mengizinkan Kyiv …", "meminta Brasil memberlakukan embargo",
    "mendesak China untuk menggunakan pengaruhnya terhadap X"): a
    favour asked, no warning; unless it is to stop or not to ("meminta X tidak mengirim …")."""
    end = min(len(units), m + 4)
    verb = next((v for v in units[m:end] if v.is_verb() and not v.has("PurposeConj", "Complementizer")), None)
    if verb is not None and _measure_against(units, verb.i):
        return True
    if verb is None or any(v.has("NegationCue", "StopVerb") for v in units[k + 1:end]):
        return False
    # (also a request to press a third party, "meminta Washington menekan Israel agar …", or to act in one's office,
    # "meminta PBB bertindak", "meminta Mahkamah Internasional memutus sengketa")
    return verb.has("SupplyCue", "ApproveCue", "SupportVerb", "ListInVerb", "MediateVerb", "EngageVerb", "ProbeVerb",
                    "PersuadeCue", "RecourseVerb") or \
        verb.voice("AccuseCue") == ACTIVE or any(v.has("SanctionCue") for v in units[verb.i + 1:min(len(units), verb.i + 3)])

def _measure_against(units: list[Unit], v: int) -> bool:
    """The act urged at ``v`` is a measure its doer takes against a party named after it ("mendesak Dewan Keamanan
    menerapkan tindakan terkuat terhadap X", "meminta PBB mempertimbangkan langkah selanjutnya terhadap X", "…
    mengambil tindakan untuk menghentikan serangan X"): the one asked acts on another's account, no warning to him."""
    end = min(len(units), v + 8)
    act = next((k for k in range(v + 1, min(end, v + 4)) if units[k].has("ActNoun") and not units[k].etype), None)
    if act is None:
        return False
    for k in range(act + 1, end):
        w = units[k]
        if w.has("StopVerb") and units[k - 1].has("PurposeConj") and any(x.is_actor for x in units[k + 1:k + 4]):
            return True  # "mengambil tindakan untuk menghentikan serangan Israel": to stop another's act
        if w.text in (",", ".", ";") or w.is_verb():
            return False
        if w.has("TargetPrep") and not w.etype:
            return k + 1 < len(units) and units[k + 1].is_actor and not units[k + 1].paren
    return False
