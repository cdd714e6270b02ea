"""Who does what a supply verb says when its clause does not name the doer as its subject: the party an
accusation charges with it, the addressee asked or allowed to do it, whoever approved a purchase, whoever
hopes for a supply."""

from __future__ import annotations

from kg.cues import ACTIVE, NOUN, PASSIVE, POSSESSIVE, passive_prefixed
from kg.extract.antecedents import clitic_object
from kg.extract.claims import party_word
from kg.extract.clause import actor_keys, agent_at, group_prep, left_subject, prep_is, prev_unit
from kg.extract.context import State
from kg.units import OPEN_QUOTES, STOP_PUNCT, Unit


def charged(units: list[Unit], i: int) -> int | None:
    """The party an accusation or involvement noun right before the verb at ``i`` is about, named just
    before the noun's preposition: "menjatuhkan sanksi kepada Paravar Pars dengan tuduhan memasok drone",
    "sanksi terhadap Iran atas perannya (dalam) mengirimkan drone" (not the sanctioner)."""
    j = i - 1
    if j > 0 and units[j].has("Preposition") and not units[j].etype and units[j - 1].has("InvolvementNoun"):
        j -= 1  # "atas perannya dalam memasok …"
    if j < 2 or not units[j].has("AccusationNoun", "InvolvementNoun") or units[j].etype \
            or not units[j - 1].has("Preposition"):
        return None
    k = j - 2
    return k if units[k].is_actor and not units[k].paren else None


def punished(units: list[Unit], i: int) -> int | None:
    """"China kerap memberikan sanksi kepada perusahaan karena mengirim senjata ke Taiwan": after a clause
    boundary, the verb at ``i`` is done by whom the sanction before it falls on, not by the sanctioner.
    The index of that object (an actor or a plain noun), or None when no such sanction comes first."""
    b = i - 1
    while b > 0 and (units[b].has("FunctionWord") or _owned_noun(units[b])) and not units[b].has("ClauseBoundary"):
        b -= 1  # (also past "perannya": "… karena perannya mengirimkan drone", the target's role)
    if b < 2 or not units[b].has("ClauseBoundary") or units[b].etype:
        return None
    for s in range(b - 1, max(-1, b - 12), -1):
        if units[s].text in STOP_PUNCT or units[s].has("ClauseBoundary"):
            return None
        if units[s].has("SanctionCue") and not units[s].etype:
            o = next((m for m in range(s + 1, b) if units[m].has("RecipientPrep", "AddresseePrep")), None)
            if o is not None and o + 1 < b:
                return o + 1
            # "Iran disanksi AS karena memasok …", "Turki dijatuhi sanksi oleh AS karena membeli …": the
            # passive's subject is punished
            verb = s if units[s].voice("SanctionCue") == PASSIVE else s - 1
            if verb >= 1 and not units[verb].etype and (verb == s or passive_prefixed(units[verb].low)):
                return left_subject(units, verb)
            return None
    return None


def _owned_noun(v: Unit) -> bool:
    """A plain noun with the possessive clitic ("perannya", "keterlibatannya"): it names what its owner did."""
    return not v.etype and v.text.isalpha() and v.low.endswith(POSSESSIVE) and not v.is_verb() and \
        all(voice == NOUN for voice in v.cls.values())


def controller(units: list[Unit], i: int) -> int | None:
    """"memberi izin kepada Polandia untuk membeli …": the addressee before "untuk", or the object of a verb
    of allowing or urging, does what the verb after it says (not the subject of the main verb)."""
    k = i - 1
    while k > 0 and (units[k].has("FunctionWord", "PlannedCue", "StopVerb", "MannerAdverb") or
                     units[k].text in OPEN_QUOTES) and not units[k].has("PurposeConj"):
        k -= 1  # (also past a quotation's opening mark: 'mendesak Washington untuk "segera berhenti mempersenjatai …')
    j = k - 1
    if k > 0 and units[k].has("PurposeConj") and units[j].is_actor and not units[j].paren and \
            prep_is(units, j, "RecipientPrep", "AddresseePrep", "BeneficiaryPrep") and not prep_is(units, j, "GoalPrep"):
        return j  # (not "perjalanan ke Yaman untuk mengirim rudal": where the ship went)
    if k > 1 and units[k].has("PurposeConj") and units[j].is_actor and not units[j].paren and not units[j].prep:
        start = units[j].group[0] if units[j].group else j
        if start > 0 and units[start - 1].has("DemandCue", "PersuadeCue", "WarnCue") and not units[start - 1].etype:
            return j  # "mendesak Washington untuk berhenti mempersenjatai Taiwan": the one urged does it
    # "AS mengizinkan Polandia membeli …", "mendesak Jerman mengirim …": the object of a verb of allowing or
    # urging is the subject of the verb after it
    start = units[k].group[0] if units[k].group else k
    if k > 0 and units[k].is_actor and not units[k].paren and start > 0 and \
            (units[start - 1].has("ApproveCue", "DemandCue") or units[start - 1].voice("SupportVerb") == ACTIVE) and \
            not units[start - 1].etype:  # (or of helping: "perusahaan yang membantu Iran memasok drone")
        return k
    return clitic_doer(units, i)


def clitic_doer(units: list[Unit], i: int) -> int | None:
    """"X menggugat Y dan menuduhnya memasok senjata …", "… menuduhnya memfasilitasi genosida dengan memasok
    …": the party the clitic of the accusation verb before the verb at ``i`` stands for does it (no party named
    bare, no "dan" and no clause end between)."""
    for k in range(i - 1, max(-1, i - 9), -1):
        v = units[k]
        if v.text in STOP_PUNCT or v.is_actor and not group_prep(units, k) or not v.etype and v.has("Conjunction"):
            return None
        if not v.etype and v.voice("AccuseCue") == ACTIVE:
            return clitic_object(units, k)
    return None


def hoped_by(units: list[Unit], subj: int | None, state: State) -> tuple[str, ...]:
    """"Taiwan berharap Amerika Serikat segera memasok …": the one who hopes for the supply gets it; so does
    the one who asks for it ("Ukraina meminta Jerman mengirim rudal", "Zelensky mendesak AS memasok …"), not
    where the ask is to stop or refrain ("mendesak Jepang tidak memasok …": the warner gets nothing)."""
    if subj is None or subj < 2:
        return ()
    start = units[subj].group[0] if units[subj].group else subj
    p = prev_unit(units, start)
    if p is not None and p.i > 0 and p.voice("SupplyCue") == NOUN and not p.etype:
        p = prev_unit(units, p.i)  # "meminta bantuan Korea Utara untuk memasok …"
    if p is None or p.etype or not (p.has("HopeVerb") or p.voice("DemandCue") == ACTIVE and not any(
            units[k].has("NegationCue", "StopVerb", "StopNoun") for k in range(subj + 1, _verb_after(units, subj)))):
        return ()
    j = left_subject(units, p.i)
    return actor_keys(units, j, state) if j is not None else ()


def _verb_after(units: list[Unit], subj: int) -> int:
    """The first verb after the subject at ``subj`` (the end of the units where none follows)."""
    return next((k for k in range(subj + 1, len(units)) if units[k].is_verb() and not units[k].etype), len(units))


def approver(units: list[Unit], i: int, state: State) -> tuple[str, ...]:
    """"AS memberi lampu hijau bagi Nigeria untuk membeli amunisi": a state or body that approves a
    purchase it names no seller for sells what is bought."""
    k = next((k for k in range(i - 1, -1, -1) if units[k].voice("ApproveCue") == ACTIVE and not units[k].etype), None)
    if k is None:
        return ()
    j = left_subject(units, k)
    if j is None or units[j].etype not in ("GPE", "ORG"):
        return ()
    return actor_keys(units, j, state)


def by_means(units: list[Unit], i: int) -> int | None:
    """The subject of the clause a verb after "dengan" tells the means of: "Iran mengabaikan peringatan AS dan
    Eropa dengan tetap mengirimkan rudal …" (Iran sends, not Europe), "Turki melanggar embargo UE dengan
    memasok drone …"."""
    k = i - 1
    while k > 0 and units[k].has("FunctionWord") and not units[k].etype and not units[k].has("Preposition"):
        k -= 1  # "dengan tetap/terus/diam-diam mengirimkan"
    if k < 2 or units[k].etype or not units[k].has("GroundsPrep") or not units[k].has("ComitativePrep"):
        return None
    verb = next((m for m in range(k - 1, -1, -1) if not units[m].etype and units[m].is_verb()
                 and not units[m].has("FunctionWord")), None)
    return left_subject(units, verb) if verb is not None else None


def urged_doer(units: list[Unit], subj: int | None, i: int) -> int | None:
    """The party the subject at ``subj`` urges, named right after the demand verb, where the supply verb at ``i``
    is what it is urged to do or stop: "China mendesak AS menghentikan tindakan mempersenjatai Taiwan" (AS
    arms Taiwan, not China); else ``subj``. One who only names the act ("… menghentikan apa yang ia sebut tindakan
    mempersenjatai Taiwan") is no doer: the subject is that of the clause the naming stands in."""
    if subj is not None and 1 < subj < i - 1 and units[subj - 1].has("Relativizer") and \
            units[subj - 2].has("WhatPronoun") and units[subj + 1].has("QuoteVerb"):
        subj = left_subject(units, subj - 2)
    if subj is None or subj >= i:
        return subj
    for k in range(subj + 1, i):
        u = units[k]
        if u.etype or u.voice("DemandCue") != ACTIVE:
            continue
        m = k + 2 if k + 2 < i and units[k + 1].has("AddresseePrep") else k + 1
        return m if m < i and units[m].is_actor and not units[m].pron else subj
    return subj


def urged_only(units: list[Unit], subj: int, i: int) -> bool:
    """Whether the subject at ``subj`` only warns against or urges the supply verb at ``i``, whose doer goes
    unnamed: "Moskow memperingatkan agar tidak memasok senjata ke Ukraina", "mendesak supaya segera mengirim
    …" (someone else would supply; not "mengancam untuk mengirim …", a threat to supply oneself, nor
    "diperingatkan agar tidak …", where the subject is the one warned)."""
    for k in range(subj + 1, i):
        u = units[k]
        if u.etype or not (u.voice("WarnCue") == ACTIVE or u.voice("DemandCue") == ACTIVE):
            continue
        if any(v.is_actor for v in units[k + 1:i]):
            return False
        # "Kyiv mendesak sekutunya untuk mengirim tank": an addressee named by a plain noun does it
        return purpose_clause(units, k + 1, i) is not None or addressed(units, k + 1, i)
    return False


def charged_unnamed(units: list[Unit], subj: int, i: int) -> bool:
    """Whether the subject at ``subj`` only claims the supply verb at ``i`` of a party it tells by a plain noun or a
    name no gazetteer knows: "Rusia menuduh Barat memasok rudal", "Iran menuding negara-negara Barat mengirim
    …", "China menuduh pihak asing menjual …", "Rusia mengecam Barat karena memasok …" (the accuser supplies
    nothing, and the recipient is no one it accuses)."""
    for k in range(subj + 1, i):
        u = units[k]
        if u.etype or not any(u.voice(c) == ACTIVE for c in ("AccuseCue", "ReportCue", "BeliefCue")):
            continue
        span = units[k + 1:i]
        if not span or any(v.is_actor for v in span):
            return False
        # (not "menegaskan negaranya tidak pernah memasok", "perusahaannya": the speaker's own side)
        return not any(v.low.endswith(POSSESSIVE) and v.cls for v in span) and any(party_word(v) for v in span)
    return False


def allies_of(units: list[Unit], subj: int) -> bool:
    """Whether the subject at ``subj`` only owns the ally noun before it ("sekutu Ukraina mengirim tank", "mitra
    Barat Kyiv", "negara-negara sekutu Ukraina"): its allies act, unnamed, and it is no supplier."""
    start = units[subj].group[0] if units[subj].group else subj
    k = start - 1
    while k >= 0 and party_word(units[k]) and not units[k].has("AllyNoun") and start - k < 3:
        k -= 1  # (past "Barat" in "mitra Barat Kyiv")
    return k >= 0 and units[k].has("AllyNoun") and not units[k].etype and not units[k].low.endswith(POSSESSIVE)


def addressed(units: list[Unit], lo: int, hi: int) -> bool:
    """Whether a party told by a common noun ("sekutunya", "negara-negara Barat": the one urged, left unnamed)
    stands between ``lo`` and an "untuk" before ``hi`` (not a thing asked for: "meminta dana untuk mengirim …")."""
    c = next((c for c in range(lo, hi) if units[c].has("PurposeConj")), None)
    return c is not None and any(v.has("AllyNoun", "StateNoun", "GovernmentNoun") for v in units[lo:c])


def purpose_clause(units: list[Unit], lo: int, hi: int) -> int | None:
    """Where the first "agar/supaya" between ``lo`` and ``hi`` opens the act a party is warned against or
    urged to ("memperingatkan agar tidak memasok …"), else None."""
    return next((c for c in range(lo, hi) if units[c].has("PurposeConj") and units[c].has("PotentialCue")), None)


def host_doer(units: list[Unit], host: int) -> int | None:
    """Who does a purpose clause's act: the agent of its passive host verb ("dipakai Rusia untuk mengirim …"), else
    the host's subject."""
    a = agent_at(units, host) if passive_prefixed(units[host].low) and units[host].is_verb() else len(units)
    return a if a < len(units) and units[a].is_actor and not units[a].paren else left_subject(units, host)


def object_noun_subject(units: list[Unit], i: int) -> int | None:
    """The subject of a noun at ``i`` that is the object of the verb before it ("X melontarkan ancaman …"): the verb's."""
    return left_subject(units, i - 1 if i and units[i - 1].is_verb() else i)
