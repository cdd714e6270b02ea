"""Checks the supply rule makes on a supply it found: a hand-over within the supplier's own forces, who
persuaded it, a speaker denying it for their own side, and means or route phrases to read past; and the most general
weapon type, which a supply with no type named gets."""

from __future__ import annotations

from functools import lru_cache

from kg.cues import ACTIVE, PASSIVE, POSSESSIVE, passive_prefixed, word_is
from kg.extract.clause import SPEECH, actor_keys, clause_left, frame_of, left_subject, prep_actor
from kg.extract.complements import infinitival
from kg.extract.context import Event, Frame, State
from kg.extract.parties import side
from kg.resolve import gazetteer
from kg.units import STOP_PUNCT, Unit
from kg.weapons import lexicon


def own_unit(units: list[Unit], i: int, hi: int, supplier: tuple[str, ...], state: State) -> bool:
    """The weapons go to a military unit ("ke Skadron Udara 1", "kepada Batalyon Kavaleri 8") that no other
    state is named for: the supplier's own forces, so an internal hand-over rather than a supply."""
    for k in range(i + 1, hi - 1):
        if not (units[k].has("RecipientPrep") and not units[k].etype):
            continue
        words = units[k + 1].text.lower().split()
        if not words or not word_is(words[0], "UnitNoun"):
            continue
        gaz, end = gazetteer(), k + 1
        while end + 1 < hi and not units[end + 1].has("Preposition") and units[end + 1].text not in STOP_PUNCT:
            end += 1  # the unit's own name ("Skadron Udara 1"), up to "di Pasuruan" or the clause's end
        others = [x for v in units[k + 1:end + 1] if v.is_actor for x in actor_keys(units, v.i, state)
                  if (home := gaz.state_of(x)) is not None and home not in supplier]
        return not others
    return False


def persuader(units: list[Unit], i: int, subj: int | None, state: State) -> tuple[str, ...]:
    """Who tried to bring the supply about: the subject of "meyakinkan X agar …" before it."""
    lo = clause_left(units, subj if subj is not None and subj >= 0 else i)
    for k in range(i - 1, lo - 1, -1):
        if units[k].has("PersuadeCue") and not units[k].etype:
            j = left_subject(units, k, allow_object=False)
            if j is not None and not any(v.has("PotentialCue", "PlannedCue") and not v.has("PersuadeCue")
                                         for v in units[j + 1:k]):
                return actor_keys(units, j, state)
    return ()


def own_denial(units: list[Unit], frames: list[Frame], i: int, suppliers: tuple[str, ...], state: State) -> bool:
    """"X menegaskan negaranya tidak pernah memasok …", '“China tidak pernah memberikan senjata …,” ujar X': a
    supply negated in what a speaker reports or is quoted saying for the supplier's own side denies it (not a
    commitment "untuk tidak menjual")."""
    f = frame_of(frames, i)
    if f is None or not suppliers:
        return False
    if f.verb is None and units[i].quote is None or \
            f.verb is not None and not units[f.verb].has("ReportCue", "DenyCue", "QuoteVerb"):
        return False
    if any(v.has("PurposeConj", "PlannedCue", "PotentialCue") for v in units[max(0, i - 4):i]):
        return False  # "tidak akan menjual": a commitment about the future, not a denial of the past
    return all(any(sup in side(sp, state) for sp in f.speaker) for sup in suppliers)


def past_means(units: list[Unit], i: int, hi: int) -> int:
    """Past a means or route phrase right after the verb at ``i`` ("diselundupkan dengan perahu dari Iran",
    "dikirim melalui Irak dari Iran"): the unit before the "dari"/"oleh" that follows it, else ``i``."""
    if i + 1 >= hi or not units[i + 1].has("MeansPrep"):
        return i
    for k in range(i + 2, min(hi, i + 7)):
        if units[k].has("SourcePrep", "AgentPrep"):
            return k - 1
        if units[k].text in STOP_PUNCT or units[k].text == "," or units[k].has("RecipientPrep"):
            break
    return i


def partitive(units: list[Unit], k: int) -> bool:
    """"30 dari 350 lisensi", "dua dari sekitar lima kapal": ``k`` is the "dari" of a count out of a whole, no
    source or other phrase of its own."""
    if not (0 < k < len(units) - 1 and units[k].has("SourcePrep") and not units[k].etype and _count(units[k - 1])):
        return False
    nxt = k + 1 + (units[k + 1].has("FunctionWord") and k + 2 < len(units))  # "dari sekitar 350"
    return _count(units[nxt])


def _count(u: Unit) -> bool:
    return not u.etype and (u.text[:1].isdigit() or u.has("NumberWord"))


def said_of(units: list[Unit], j: int, i: int) -> bool:
    """The agent noun at ``i`` is said of the subject at ``j`` ("Iran menjadi pemasok …", "Iran merupakan salah satu
    pemasok …", "Iran disebut sebagai pemasok …"), not the object of a verb or a preposition between them ("AS
    menjatuhkan sanksi terhadap jaringan pemasok drone", "Rusia bergantung pada pemasok …"), which names another."""
    if j > 0 and units[j - 1].has("AccordingTo") and not units[j - 1].etype:
        return False  # "…, yang menurut dia menjadi pemasok …": whose claim it is, not whom it is said of
    end = units[j].group[-1] if units[j].group else j
    for v in units[end + 1:i]:
        if v.etype:
            return False
        if v.has("Preposition") and not v.has("AsPrep"):
            return False
        if v.is_verb() and not v.has("BecomeVerb", "Copula", "FunctionWord", "AllegedCue", "ChargedPassive") \
                and not passive_prefixed(v.low):
            return False
    return True


def relative_head(units: list[Unit], i: int) -> int | None:
    """The actor a relative clause on a linking verb hangs on, for the agent noun at ``i`` ("mengecam UEA, yang
    (menurut dia) menjadi pemasok senjata RSF": the UAE); None where no such clause holds the noun."""
    k = i - 1
    while k > 0 and (units[k].pron or not units[k].etype and units[k].has("BecomeVerb", "Copula", "AccordingTo")):
        k -= 1
    if k < 1 or k == i - 1 or units[k].etype or not units[k].has("Relativizer"):
        return None
    h = k - 1 - (units[k - 1].text == ",")
    return h if h >= 0 and units[h].is_actor and not units[h].paren and not units[h].title else None


def between_parties(units: list[Unit], i: int, hi: int) -> bool:
    """"Miller mencatat transfer senjata antara Rusia dan Iran": the supply noun at ``i`` is told between two
    parties, so the subject only reports it. Not the words of a list introducer ("yang antara lain berisi …",
    "di antaranya"), which only hedge a list."""
    listed = {k for v in units[i:hi] if v.has("ListIntro") for k in range(v.i, v.i + v.span.get("ListIntro", 1))}
    return any(v.has("BetweenPrep") and v.i not in listed for v in units[i:hi])


def unnamed_doer(units: list[Unit], subj: int, i: int) -> bool:
    """"Tiongkok mengambil tindakan terhadap perusahaan yang selama ini ikut mempersenjatai Taiwan": the verb at
    ``i`` sits in a relative clause on a plain noun that a verb or preposition after the subject governs, so
    the one who supplies is that unnamed noun, not the subject (not "AS adalah negara yang memasok …": a copula
    or "sebagai" names the subject, nor "Iran, yang memasok …", "Pemerintah Jerman yang memasok …": an actor is the head)."""
    for r in range(i - 1, subj + 1, -1):
        # (not "… ke negara yang sedang berperang, meski menjual senjata ke Polandia": the relative closed before)
        if units[r].is_actor or units[r].text in (",", ";") or units[r].has("Conjunction"):
            return False
        if not units[r].has("Relativizer"):
            continue
        head = units[r - 1]
        if head.has("WhatPronoun") and not head.etype:
            continue  # "… apa yang ia sebut tindakan mempersenjatai …": a name given to the act, no noun that does it
        if head.etype or head.is_actor or not head.text.replace("-", "").isalpha() or head.is_verb():
            return False
        # (not "menyebut Korea Utara sebagai salah satu negara yang mengirim …": the noun is said of the subject)
        between = units[subj + 1:r - 1]
        return not any(v.has("AsPrep", "Copula") for v in between) and \
            any(v.has("Preposition") or v.is_verb() and not v.has("FunctionWord") for v in between)
    return False


def thwarted(units: list[Unit], subj: int, i: int) -> bool:
    """"Aparat keamanan menggagalkan upaya memindahkan senjata kepada X": a verb of blocking between the subject and
    the supply verb at ``i``, with no party between, makes the subject the one who stopped the transfer, not its maker."""
    # (the blocking verb governs the transfer, a few words before it: not "berjanji mencegah eskalasi dan terus memasok")
    return 0 <= subj < i and any(v.voice("VetoCue") == ACTIVE and not v.etype and not any(
        w.has("Conjunction") for w in units[v.i + 1:i]) for v in units[max(subj + 1, i - 3):i]) and \
        not any(v.is_actor for v in units[subj + 1:i])


def items_before(units: list[Unit], w0: int) -> dict[int, int]:
    """"ATACMS dari AS, Storm Shadow dari Inggris dan SCALP dari Prancis yang sudah diterima Kyiv": the items of
    "weapon + source preposition + actor" listed before the one a passive verb reaches, weapon → source index."""
    out: dict[int, int] = {}
    k = w0 - 1
    while k >= 3:
        if units[k].has("Conjunction") and not units[k].etype and units[k - 1].text == ",":
            k -= 1  # ", dan"
        if not (units[k].text == "," or units[k].has("Conjunction") and not units[k].etype):
            break
        a, p, w = k - 1, k - 2, k - 3
        if not units[a].is_actor or units[a].is_weapon or units[a].paren or units[p].etype or \
                not units[p].has("SourcePrep") or not units[w].is_weapon:
            break
        out[w] = a
        k = w - 1
    return out


#: how far after the weapons (and their recipient) the copula naming the supplier may come
COPULA_REACH = 6


def copula_named(units: list[Unit], i: int, wlast: int, hi: int) -> int | None:
    """The party a copula names after a supply noun that opens its clause and its weapons ("Pemasok senjata terbesar
    bagi Israel adalah Amerika Serikat", "Pendukung utama dan pemasok senjata Hizbullah adalah Iran"): the supplier,
    where nothing but nouns and the recipient come between and nothing follows the party in the clause."""
    if any(v.is_verb() or v.is_actor for v in units[:i]):
        return None
    for k in range(wlast + 1, min(hi, wlast + COPULA_REACH)):
        v = units[k]
        if v.is_verb() or v.text in STOP_PUNCT or v.text == ",":
            return None
        if v.has("Copula") and not v.etype:
            m = k + 1
            if m < hi and units[m].is_actor and not units[m].paren and (m + 1 >= hi or units[m + 1].text in STOP_PUNCT
                                                                          or units[m + 1].text == ","):
                return m
            return None
    return None


def rival_offer(units: list[Unit], ev: Event) -> bool:
    """An offer the clause says was set aside or beaten ("memilih desain Type-214 dari TKMS, menyisihkan S-80 Plus
    yang ditawarkan Navantia dari Spanyol", "mengalahkan fregat MEKO yang ditawarkan TKMS"): a losing bid, no supply."""
    if ev.modality != "potential":
        return False
    for k in range(ev.unit - 1, max(-1, ev.unit - 8), -1):
        v = units[k]
        if not v.etype and v.voice("DefeatVerb") == ACTIVE:
            return True
        if v.is_actor:  # "menyingkirkan TKMS (…) asal Jerman yang menawarkan fregat MEKO": the beaten bidder offers
            while k > 0 and (units[k - 1].is_actor or units[k - 1].text in ("(", ")") or units[k - 1].has("OriginNoun")):
                k -= 1
            return k > 0 and not units[k - 1].etype and units[k - 1].voice("DefeatVerb") == ACTIVE
        if v.text in STOP_PUNCT or v.text == "," or v.is_verb() and k != ev.unit - 1 and not v.has("FunctionWord"):
            return False
    return False


def origin_of_prior(units: list[Unit], i: int) -> bool:
    """"rudal Storm Shadow kiriman Inggris dan rudal ATACMS …": a noun of origin right after a weapon tells where
    that weapon came from; the weapons after it are another item, not what the noun's owner sent."""
    return i > 0 and units[i - 1].is_weapon and units[i].has("OriginNoun")


def announcing_subject(units: list[Unit], i: int, hi: int) -> tuple[int | None, bool]:
    """Who supplies in a supply noun with only a recipient ("Kami akan mempertimbangkan pengiriman senjata ke
    Ukraina"): the clause's subject, unless it only reports, sanctions or accuses over the supply; and whether
    the subject approved it (then the supply is planned)."""
    v = i - 2 if i >= 2 and units[i - 1].has("PlannedCue") and not units[i - 1].etype and units[i - 2].is_verb() else i
    subj = left_subject(units, v)  # ("meyakinkan Moskow untuk menahan rencana pengiriman …": the plan's verb's)
    ann = next((k for k in range(i - 1, max(-1, i - 9), -1) if units[k].voice("AnnounceVerb") == ACTIVE),
               None)
    if subj is None and ann is not None:  # "… mengumumkan lewat akun Twitter-nya penjualan …"
        subj = left_subject(units, ann)
    # not "Miller mencatat transfer senjata antara …" (the reporter supplies nothing), "… sanksi … terkait
    # pengiriman rudal" (not X's object), "Dia menggambarkan dugaan transfer drone ke Rusia …" (a claim)
    between = [v for v in units[subj + 1:i] if not infinitival(units, v) and not partitive(units, v.i)] \
        if subj is not None else []  # (nor "30 dari 350 lisensi ekspor": a count of a whole)
    # ... unless the subject announced its approval ("AS mengumumkan persetujuan atas penjualan …")
    # or announced the sale itself ("Bos TUSAS, Temel Kotil, mengumumkan lewat Twitter penjualan …")
    neutral = not any(v.has("AccuseCue", "DenyCue", "RejectCue", "SanctionCue") for v in between)
    approved = neutral and any(v.has("ApproveCue") for v in between)
    announced = neutral and any(v.has("AnnounceVerb") for v in between)
    if subj is not None and (approved or announced or not any(
            v.has(*SPEECH, "SanctionCue", "BanVerb", "Preposition", "AccusationNoun", "ResponseVerb")
            for v in between)) and not between_parties(units, i, hi):
        return subj, approved
    return None, approved


def signed_by(units: list[Unit], wlast: int, hi: int, state: State, verb: tuple[str, ...] = ("SignVerb",)
              ) -> tuple[str, ...]:
    """"Kontrak pembelian 42 jet Rafale dari Prancis diteken Indonesia pada 2022": the party a passive verb of
    signing names after the purchase noun phrase (past its source) signed the purchase, so it buys; with ``verb``
    the approving classes, "penjualan senjata untuk Taiwan yang disetujui Departemen Luar Negeri AS": the seller."""
    for k in range(wlast + 1, hi):
        v = units[k]
        if v.text in STOP_PUNCT or v.text == ",":
            return ()
        if not v.etype and any(v.voice(c) == PASSIVE for c in verb):
            j = k + 1 + (k + 1 < hi and units[k + 1].has("AgentPrep") and not units[k + 1].etype)
            return actor_keys(units, j, state) if j < hi and units[j].is_actor and not units[j].paren else ()
        if not v.etype and v.is_verb() and v.cls and not v.has("FunctionWord"):
            return ()
    return ()


def means_supply(units: list[Unit], i: int, state: State) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """"Teheran mendukung Hizbullah lewat kiriman senjata", "Teheran menjadi penyokong utama Hizbullah, termasuk lewat
    kiriman senjata …": a supply noun after a preposition of means tells how the sentence's subject backs the party
    its verb or noun names: (supplier, recipient), or nothing where the sentence is not so built."""
    p = i - 1
    if p < 2 or units[p].etype or not units[p].has("MeansPrep"):
        return (), ()
    lo = next((k + 1 for k in range(p - 1, -1, -1) if units[k].text in STOP_PUNCT), 0)
    j = next((k for k in range(lo, p) if units[k].is_actor and not units[k].paren), None)
    if j is None or units[j].etype not in ("GPE", "ORG") or units[j].modifier:
        return (), ()
    verb = next((k for k in range(j + 1, p) if units[k].is_verb() and not units[k].etype), None)
    obj = next((k for k in range(verb + 1, p) if units[k].is_actor and not units[k].paren), None) \
        if verb is not None else None
    if verb is None or obj is None or any(units[k].is_verb() and units[k].cls and not units[k].has("FunctionWord")
                                          for k in range(verb + 1, p)):
        return (), ()
    return actor_keys(units, j, state), actor_keys(units, obj, state)


def announcer_state(units: list[Unit], i: int, state: State) -> tuple[str, ...]:
    """"Dubes Turki untuk Nigeria … mengumumkan bahwa drone TB2 … segera dikirim ke Nigeria": a passive supply
    with no agent, in the "bahwa" clause of an announcement, is the announcing side's (a state, or the state the
    article gives the official: :func:`kg.extract.parties.side`)."""
    ann = next((k for k in range(i - 1, max(-1, i - 14), -1)
                if not units[k].etype and units[k].voice("AnnounceVerb") == ACTIVE), None)
    if ann is None or not any(units[k].has("Complementizer") for k in range(ann + 1, min(i, ann + 3))):
        return ()
    j = left_subject(units, ann)
    if j is None or units[j].etype not in ("PER", "GPE"):
        return ()
    if units[j].etype == "GPE":
        return actor_keys(units, j, state)
    return tuple(s for s in side(units[j].key, state) if state.entities.get(s) and state.entities[s].type == "GPE") \
        if units[j].key else ()


#: nouns whose purpose clause is their own ("permintaan … untuk mengirim", "rencana untuk memasok")
_NOUN_PURPOSE = ("RequestCue", "PressureNoun", "ApproveCue", "PlannedCue", "PotentialCue")


def noun_purpose(units: list[Unit], host: int, i: int) -> bool:
    """Whether the purpose clause at ``i`` completes a noun after its host verb rather than the verb: a request, plan
    or approval, or a noun owned by the speaker ("menerima permintaan izin kami untuk mentransfer tank": we transfer)."""
    return any(not v.etype and (v.has(*_NOUN_PURPOSE) or v.has("Pronoun1")) for v in units[host + 1:i])


def armed_purpose(units: list[Unit], i: int) -> bool:
    """The verb of arming at ``i`` opens a purpose clause in a sentence that tells of arms seized ("menyita amunisi
    yang dikirim dari Eritrea untuk mempersenjatai milisi Fano"): it names whom the arms were meant for, and the
    sentence's subject, who seized them, armed no one."""
    return i > 0 and units[i - 1].has("PurposeConj") and not units[i - 1].etype and \
        any(v.has("SeizeVerb") and not v.etype for v in units[:i - 1])


def purpose_recipient(units: list[Unit], i: int, hi: int, state: State) -> tuple[tuple[str, ...], int]:
    """Who a passive supply verb at ``i`` sends arms to: the party after a preposition of recipients, or the one a
    purpose clause right after says they arm ("peluru yang dikirim dari Chad untuk mempersenjatai RSF")."""
    found, end = prep_actor(units, i, hi, ("RecipientPrep",), state)
    if found:
        return found, end
    k = next((k for k in range(i + 2, min(hi, i + 6)) if units[k].voice("ArmCue") == ACTIVE), None)
    if k is None or not units[k - 1].has("PurposeConj") or units[k - 1].etype:
        return found, end
    a = k + 1 + (k + 1 < hi and units[k + 1].has("GroupNoun") and not units[k + 1].etype)  # "milisi Fano"
    return (actor_keys(units, a, state), a) if a < hi and units[a].is_actor else (found, end)


@lru_cache(maxsize=1)
def arms_key() -> str:
    """The most general weapon type of ``ontology/weapons.ttl`` (the one with no broader type)."""
    return next(c.key for c in lexicon().concepts.values() if c.broader is None)


def own_arms_kept(units: list[Unit], widx: list[int], hi: int) -> bool:
    """The weapons the supply verb gives up are its subject's own, told by the clitic, and no one is named to get
    them ("Hizbullah tidak akan menyerahkan senjatanya"): a side laying down its arms, no supply."""
    w = units[widx[-1]]
    return w.text.lower().endswith(POSSESSIVE) and not any(
        v.has("RecipientPrep") and not v.etype and v.i + 1 < hi and units[v.i + 1].is_actor for v in units[w.i + 1:hi])
