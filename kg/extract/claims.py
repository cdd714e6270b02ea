"""Claims named as nouns with their owner and topic ("tudingan Arab Saudi soal penyelundupan senjata Iran"): whose
claim it is and whom it charges. Kept apart from kg.extract.rules.accuses, which is at its size limit."""

from __future__ import annotations

from kg.cues import ACTIVE, NOUN, POSSESSIVE
from kg.extract.clause import actor_keys, group_prep
from kg.extract.context import State
from kg.extract.examples import states_noun
from kg.units import STOP_PUNCT, Unit, skip_span


def past_owner_words(units: list[Unit], i: int, reach: int) -> int:
    """Where the owner of the accusation noun at ``i`` may stand: past up to ``reach`` plain words of a title or a
    body ("tudingan Menteri Informasi Yaman X", "gugatan pemerintah Meksiko"), not past a noun of an act
    ("dugaan dukungan Rwanda terhadap M23": Rwanda's support, no claim by Rwanda)."""
    k = skip_span(units, i, "AccusationNoun")
    while k < len(units) and k <= i + reach and not units[k].etype and units[k].text.isalnum() \
            and not units[k].is_verb() and not units[k].has("Preposition", "Demonstrative", "Relativizer", "Conjunction") \
            and NOUN not in units[k].cls.values():
        k += 1
    return k


def past_claim_age(units: list[Unit], k: int) -> int:
    """Past a word of how old a claim is, right after the claim noun and before whose claim it is ("menampik
    tuduhan lama Kongo", "tudingan terbaru Beijing"; kg:ClaimAge): where the claimant is named, else ``k``."""
    if k + 1 < len(units) and not units[k].etype and units[k].has("ClaimAge") and units[k + 1].is_actor:
        return k + 1
    return k


def owner_after(units: list[Unit], i: int) -> int | None:
    """The actor named right after an accusation noun, past a title ("tudingan Menteri Informasi Yaman Muammar
    al-Aryani"): whose claim it is."""
    k = past_owner_words(units, i, 4)
    if k >= len(units) or not units[k].is_actor or units[k].paren or units[k].etype == "WEAPON":
        return None
    end = units[k].group[-1] if units[k].group else k
    if end + 2 < len(units) and units[end + 1].text == "," and units[end + 2].etype == "PER":
        return end + 2  # "tudingan Menteri Informasi Dewan Pimpinan Yaman, Muammar al-Aryani soal …": the person
    return k


def topic_doers(units: list[Unit], k: int, hi: int, state: State) -> tuple[str, ...]:
    """After a claim noun and its owner, "soal/tentang/terkait" and a supply or wrong told as a noun ("tudingan Arab
    Saudi soal penyelundupan senjata Iran ke Yaman", "klaim AS terkait pengiriman rudal dari Iran"): the claim charges
    the one named as doing that act (its owner or source), not whoever answers the claim nor where the arms go."""
    if k >= len(units) or units[k].etype or not units[k].has("ClaimTopicPrep"):
        return ()
    act = False
    for m in range(k + 1, min(hi, k + 8)):
        v = units[m]
        if v.text in STOP_PUNCT or v.has("Relativizer", "Complementizer"):
            break
        if not v.etype and (v.cls.get("SupplyCue") == NOUN or v.has("WrongdoingCue")):
            act = True
        elif act and v.is_actor and not v.paren and not units[m - 1].has("RecipientPrep", "GoalPrep", "TargetPrep"):
            return actor_keys(units, m, state)
        elif act and v.is_actor:
            break  # "pengiriman senjata ke Rusia": where the arms go, no doer named
    return ()


#: how far after a claim's owner its "bahwa" may come
CONTENT_REACH = 8


def content_subject(units: list[Unit], o: int | None, state: State) -> tuple[str, ...]:
    """The subject of the "bahwa" clause, or of what the relative clause of saying says, right after a claim's owner
    at ``o`` ("tudingan Washington bahwa Moskow memasok …", "tudingan Gedung Putih yang menyebut pemerintahannya
    bersekutu …"): whom the claim charges, not whoever answers it."""
    if o is None:
        return ()
    end = units[o].group[-1] if units[o].group else o
    for m in range(end + 1, min(len(units), end + CONTENT_REACH)):
        if units[m].text in STOP_PUNCT or m > end + 3 and (units[m].is_actor or units[m].is_verb()):
            break  # (past a vague last owner: "tuduhan AS, Korea Selatan dan sejumlah negara lain bahwa …")
        # (or a relative clause of saying on the claim: "tudingan Gedung Putih yang menyebut pemerintahannya …")
        said = units[m].has("Relativizer") and m + 1 < len(units) and says(units[m + 1])
        if units[m].has("Complementizer") or said:
            first = m + 1 + said
            if first < len(units) and not units[first].etype and not units[first].keys and \
                    units[first].has("StateNoun", "GovernmentNoun"):
                return ()  # "tuduhan Kongo bahwa negaranya …": the state of whoever answers, not one named later
            j = next((x for x in range(first, min(len(units), m + 6 + said)) if units[x].is_actor
                      and not units[x].paren), None)
            return actor_keys(units, j, state) if j is not None else ()
    return ()


def judged_by(units: list[Unit], i: int) -> int | None:
    """After a passive verb of saying or judging at ``i``, its predicate and then "oleh" and an actor ("Aneksasi
    Rusia atas Krimea dicap ilegal oleh UE, Turki …", "Manuver itu dinilai provokatif oleh Manila"): where that
    actor, who judges what stands before, begins. None where a verb or a clause boundary comes first."""
    for k in range(i + 1, min(len(units), i + 6)):
        v = units[k]
        if v.text in STOP_PUNCT or v.etype or v.is_verb() or v.has("Relativizer", "Complementizer"):
            return None
        if v.has("AgentPrep") and k > i + 1:
            a = k + 1
            return a if a < len(units) and units[a].is_actor and not units[a].paren else None
    return None


def addressed_topic(units: list[Unit], o: int, hi: int, state: State) -> tuple[str, ...]:
    """"mengirim surat protes kepada FIFA terkait kepemimpinan wasit X", "protes kepada PBB soal serangan Israel": a
    protest addressed "kepada" one party about what another did or does charges that other one (the party named in
    the topic, not after a preposition of place or aim); empty where the topic names none."""
    if o < 1 or not units[o - 1].has("AddresseePrep") or units[o - 1].etype:
        return ()
    k = (units[o].group[-1] if units[o].group else o) + 1
    if k >= hi or units[k].etype or not units[k].has("ClaimTopicPrep"):
        return ()
    for m in range(k + 1, min(hi, k + 7)):
        v = units[m]
        if v.text in STOP_PUNCT or v.text == "," or v.has("Relativizer", "Complementizer") or v.is_verb():
            break
        if v.is_actor and not v.paren:
            return () if units[m - 1].has("Preposition") else actor_keys(units, m, state)
    return ()


def party_word(v: Unit) -> bool:
    """A party told by a plain noun or a name no gazetteer knows ("Barat", "pihak asing", "negara-negara Barat")."""
    return not v.etype and (v.has("AllyNoun", "StateNoun", "GovernmentNoun", "GroupNoun") or states_noun(v)
                            or v.text[:1].isupper() and v.text.isalpha() and not v.title)


def unnamed_accused(units: list[Unit], k: int, o: int) -> bool:
    """The accusation verb's object at ``k`` is a party told by a plain noun that does what a verb before the
    actor at ``o`` says ("menuduh Barat mempersenjatai Ukraina", "menuduh pihak asing menjual senjata kepada
    Taiwan"): the one accused goes unnamed, ``o`` only takes part in the act."""
    while k < o and units[k].has("FunctionWord") and not units[k].etype:
        k += 1
    return k < o and party_word(units[k]) and not units[k].low.endswith(POSSESSIVE) and \
        any(v.is_verb() and not v.etype for v in units[k + 1:o])


def says(w: Unit) -> bool:
    """Whether ``w`` is an active verb of saying or judging ("menyebut", "menilai")."""
    return not w.etype and ACTIVE in (w.voice("ReportCue"), w.voice("BeliefCue"))


def said_after(units: list[Unit], v: int, i: int) -> bool:
    """An active verb of saying or judging stands between the accusation verb at ``v`` and ``i``."""
    return any(says(w) for w in units[v + 1:i])


def backed_wrong(units: list[Unit], i: int) -> bool:
    """The wrong at ``i`` is what a party is said to back or further ("dukungan Iran terhadap perang agresi Rusia",
    "memfasilitasi invasi Putin"): the one whose war or invasion it is, named after it, is background, no charge of
    this speaker's; the backer is charged where its backing is called a wrong ("… tidak dapat diterima",
    "memfasilitasi"), not by the noun of the war it backs."""
    for v in reversed(units[max(0, i - 5):i]):
        if v.text in STOP_PUNCT or v.text == "," or v.has("ClauseBoundary", "Complementizer"):
            return False
        if not v.etype and (v.has("SupportVerb", "BackerNoun") or v.is_verb() and v.has("WrongdoingCue")):
            # (a wrong with no owner named after it is the backer's own: "Iran membiayai destabilisasi di kawasan")
            end = skip_span(units, i, "WrongdoingCue")
            return any(w.is_actor and (w.i == end or group_prep(units, w.i) is None) for w in units[end:end + 4])
    return False
