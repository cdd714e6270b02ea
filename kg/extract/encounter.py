"""What meetings and visits both read: a talk by phone or video is neither, and receiving is a meeting only
when a person is received."""

from __future__ import annotations

from kg.cues import ACTIVE, PASSIVE
from kg.extract.clause import after_titles, agent_at, clause_left, clause_right, left_subject, title_word
from kg.extract.titlewords import before_titles
from kg.units import Unit, skip_span


def remote(units: list[Unit], i: int) -> bool:
    """Whether the clause of unit ``i`` tells a talk by phone or video (kg:RemoteCue): no meeting, no visit. A
    next step that an adverb and a verb open is an act of its own ("bertemu X lalu menggelar pertemuan virtual
    dengan Y", "menelepon X, kemudian bertemu Y"): its call does not make the meeting at ``i`` one."""
    lo, hi = clause_left(units, i), clause_right(units, i)
    lo = max((k + 1 for k in range(lo, i) if _next_step(units, k)), default=lo)
    hi = next((k for k in range(i + 1, hi) if _next_step(units, k)), hi)
    return any("RemoteCue" in v.cls for v in units[lo:hi])


def _next_step(units: list[Unit], k: int) -> bool:
    """Whether an adverb of sequence at ``k`` ("lalu", "kemudian") opens a new verb phrase."""
    return units[k].has("NextLegAdverb") and not units[k].etype and k + 1 < len(units) and units[k + 1].is_verb()


def person_next(units: list[Unit], i: int) -> bool:
    """Whether a person (after any title) is the very next phrase after unit ``i``, past an adverb of manner or a
    place told first ("menerima di Moskow Menlu X"): "menerima Presiden Putin" is a meeting, "menerima telepon dari
    Putin" and "menerima drone" are not."""
    j = i + 1
    while j < len(units) and not units[j].etype and units[j].has("MannerAdverb"):
        j += 1  # "menerima langsung Duta Besar X": an adverb of manner before the guest
    if j + 2 < len(units) and not units[j].etype and units[j].has("LocativePrep") and units[j + 1].etype in ("GPE", "LOC"):
        j += 2  # "menerima di Moskow Menlu X": where, told before the guest
    k = _past_titles(units, j)
    if k > j and k + 1 < len(units) and units[k].text == ",":
        k = _past_titles(units, k + 1)  # "menerima kunjungan Menhan Australia, Richard Marles": title, comma, name
    return k < len(units) and units[k].etype == "PER" or _listed(units, i) or led_guest(units, i) is not None or \
        colon_listed(units, i) is not None


def addressed(units: list[Unit], k: int) -> int | None:
    """Where the one called on begins after a visit word ending before ``k`` and paid "kepada" him, past up to two
    plain words that qualify the visit ("kunjungan kehormatan kepada", "kunjungan resmi kepada"): a courtesy call
    is a meeting with him, and a visit to his country. None where no such preposition follows."""
    for m in range(k, min(len(units), k + 3)):
        v = units[m]
        if v.has("AddresseePrep") and not v.etype:
            return m + 1
        if v.etype or v.is_verb() or v.has("Preposition", "Conjunction") or not (v.text.isalpha() and v.text.islower()):
            return None
    return None


def led_guest(units: list[Unit], i: int) -> int | None:
    """"menerima delegasi Kementerian Luar Negeri Norwegia yang dipimpin (oleh) Wakil Menteri X": guests
    received after the verb at ``i`` with the person leading them named (past a passive verb of leading):
    where that person, who is received, is."""
    k = i if units[i].has("GuestNoun", "DelegationNoun") else i + 1  # (a cue may end with the noun)
    while k < min(len(units), i + 3) and not units[k].etype and units[k].has("FunctionWord"):
        k += 1  # "menerima sebuah delegasi"
    if k >= len(units) or units[k].etype or not units[k].has("GuestNoun", "DelegationNoun"):
        return None
    lead = next((m for m in range(k + 1, min(len(units), k + 8)) if not units[m].etype and units[m].cls.get("LeadVerb")
                 == PASSIVE), None)
    if lead is None or any(v.is_verb() and not v.has("FunctionWord") for v in units[k + 1:lead]):
        return None
    j = after_titles(units, agent_at(units, lead))
    return j if j < len(units) and units[j].etype == "PER" and not units[j].paren else None


def _listed(units: list[Unit], i: int) -> bool:
    """"menerima sejumlah tamu kenegaraan antara lain PM A, PM B …", "menerima para duta besar, yaitu …",
    "menerima antara lain Presiden A": persons named in a list opened right after the verb at ``i``, past a noun
    for persons (kg:PersonNoun, kg:GuestNoun or a title) and its determiners and modifiers (no verb, no other
    actor than a state)."""
    persons = False  # (a list of the guests' states takes room: "para menlu Mali, Burkina Faso, dan Niger, termasuk …")
    for k in range(i + 1, min(len(units), i + 13)):
        v = units[k]
        if v.has("ListIntro") and not v.etype and (persons or k == i + 1):
            j = skip_span(units, k, "ListIntro")
            if j < len(units) and units[j].text in (",", ":"):
                j += 1
            j = _past_titles(units, j)
            return j < len(units) and units[j].etype == "PER"
        if v.etype not in (None, "GPE") or v.is_verb() or not v.text[:1].isalnum() and v.text != ",":
            return False
        persons = persons or v.has("PersonNoun", "GuestNoun") or title_word(v)
    return False


def colon_listed(units: list[Unit], i: int) -> int | None:
    """The first person of a list a colon (or "antara lain:", ", yakni") opens after the object of the verb at
    ``i``, when that object is a noun for persons ("menemui tiga pejabat kunci pertahanan Pakistan: Menteri A,
    Jenderal B dan C"). None where a verb, another mark or an actor other than a state comes first."""
    persons = False
    for k in range(i + 1, min(len(units), i + 10)):
        v = units[k]
        opens = v.text == ":" or v.has("ListIntro") and not v.etype
        if opens and persons:  # the first name past its titles ("Menteri Produksi Pertahanan A")
            k = skip_span(units, k, "ListIntro") if v.text != ":" else k + 1
            k += k < len(units) and units[k].text == ":"
            for j in range(k, min(len(units), k + 8)):
                if units[j].etype == "PER" and not units[j].paren:
                    return j
                if units[j].etype not in (None, "GPE") or units[j].is_verb() and not units[j].has("FunctionWord") or \
                        units[j].text in ",.;":
                    return None
            return None
        if v.text == "," and k + 1 < len(units) and units[k + 1].has("ListIntro"):
            continue  # "sejumlah tokoh, antara lain: …"
        if v.etype not in (None, "GPE", "LOC") or v.is_verb() or not v.text[:1].isalnum():
            return None  # (a state or region may qualify the persons: "dua pemimpin Asia")
        persons = persons or v.has("PersonNoun", "GuestNoun") or title_word(v)
    return None


def _past_titles(units: list[Unit], k: int) -> int:
    """Where the name after the titles from ``k`` is, past a title's abbreviation in brackets ("Perdana Menteri
    (PM) Australia Tony Abbott")."""
    j = after_titles(units, k)
    while j > k and j + 2 < len(units) and units[j].text == "(" and (title_word(units[j + 1]) or units[j + 1].paren):
        # (also the title's body in brackets: "Panglima Komando Operasi Khusus AS (USSOCOM) Jenderal X")
        close = next((m for m in range(j + 2, min(len(units), j + 5)) if units[m].text == ")"), None)
        if close is None or not all(title_word(units[m]) or units[m].paren for m in range(j + 1, close)):
            break
        j = after_titles(units, close + 1)
    return j


def accompanied(units: list[Unit], j: int) -> int | None:
    """The person whom the one at ``j`` accompanies as the agent of "didampingi/ditemani" ("Presiden A didampingi
    Menlu B saat bertemu C"): the subject of that verb, whose meeting it is."""
    k = (units[j].group[0] if units[j].group else j) - 1
    while k > 0 and title_word(units[k]):  # (a state or body inside a title is marked as its word)
        k -= 1
    if k > 0 and units[k].has("AgentPrep") and not units[k].etype:
        k -= 1
    if k <= 0 or units[k].etype or units[k].voice("AccompanyCue") != PASSIVE:
        return None
    return left_subject(units, k, per_only=True)


def trailing_companion(units: list[Unit], end: int, hi: int) -> int | None:
    """The person named as the agent of "didampingi/ditemani" at the end of a meeting's clause ("Putin menerima
    Haftar di Kremlin dengan didampingi Menhan Shoigu", "…, ditemani Menlu X"): he was at the meeting with its
    subject."""
    for k in range(end + 1, hi):
        v = units[k]
        if v.etype or v.voice("AccompanyCue") != PASSIVE or not (units[k - 1].text == "," or units[k - 1].has(
                "ComitativePrep", "MeansPrep")):
            continue
        m = k + 1
        while m < hi and not units[m].etype and (units[m].has("AgentPrep") or title_word(units[m])):
            m += 1
        return m if m < hi and units[m].etype == "PER" and not units[m].paren else None
    return None


def next_partners(units: list[Unit], o: int) -> list[int]:
    """Persons met next, told after the one met at ``o`` with no verb of their own: "… bertemu Presiden A di
    Istana X, lalu Ketua Parlemen B", "menemui A, kemudian dengan B dan C" (a comma, a word of going on, perhaps
    "dengan", then titles and names). A verb, another person before the comma, or the sentence's end closes the
    run."""
    out: list[int] = []
    k = first = (units[o].group[-1] if units[o].group else o) + 1
    while k < len(units):
        v = units[k]
        if v.text in (".", ";", "?", "!") or v.quote != units[o].quote or not v.etype and v.is_verb() and \
                not v.has("FunctionWord", "NextLegAdverb"):
            break
        if v.text == "," and k + 1 < len(units) and units[k + 1].has("NextLegAdverb") and not units[k + 1].etype:
            m = k + 1 + units[k + 1].span.get("NextLegAdverb", 1)
            if m < len(units) and units[m].has("ComitativePrep") and not units[m].etype:
                m += 1
            m = after_titles(units, m)
            if m >= len(units) or units[m].etype != "PER" or units[m].paren:
                break
            e = (units[m].group[-1] if units[m].group else m) + 1
            if e < len(units) and not units[e].etype and units[e].is_verb() and not units[e].has("FunctionWord"):
                break  # "…, sebelum B tiba": B is the subject of a clause of his own
            out += [g for g in (units[m].group or (m,)) if units[g].etype == "PER"]
            k = e
            continue
        if v.has("Conjunction") and not v.etype and not out and units[first].has("LocativePrep") and \
                not units[first].etype and not any(w.text == "," or w.etype == "PER" for w in units[first:k]) and \
                (m := after_titles(units, k + 1)) < len(units) and \
                units[m].etype == "PER" and not units[m].paren and m > k + 1:
            # "bertemu Menhan A di Pentagon dan Menlu B": the place told, a titled person joined after it was met too
            e = (units[m].group[-1] if units[m].group else m) + 1
            if e >= len(units) or units[e].etype or not units[e].is_verb() or units[e].has("FunctionWord"):
                out += [g for g in (units[m].group or (m,)) if units[g].etype == "PER"]
            break
        k += 1
    return out


def witnesses(units: list[Unit], end: int, hi: int) -> list[int]:
    """Persons before whom the meeting or signing ending at ``end`` took place, named after "di hadapan",
    "disaksikan (oleh)" in its clause ("bertemu X di hadapan Perdana Menteri Y", "meneken kesepakatan,
    disaksikan Presiden Y"): they were there, and met those who met. A verb of its own ends the search."""
    out: list[int] = []
    for k in range(end + 1, hi):
        v = units[k]
        if v.etype or not v.has("WitnessPrep"):
            if not v.etype and v.is_verb() and not v.has("FunctionWord", "WitnessPrep"):
                break
            continue
        m = after_titles(units, skip_span(units, k, "WitnessPrep"), hi)
        if m < hi and units[m].etype == "PER" and not units[m].paren:
            out += [g for g in (units[m].group or (m,)) if units[g].etype == "PER"]
        break
    return out


def judged(units: list[Unit], i: int) -> bool:
    """Whether the meeting noun at ``i`` is the object of a verb that judges it ("mengecam pertemuan … di Seoul",
    "mengkhawatirkan pertemuan …", "menolak pertemuan …"): the subject speaks of a meeting, not at it."""
    v = units[i - 1] if i > 0 else None
    return v is not None and not v.etype and (v.voice("AccuseCue") == ACTIVE or v.voice("RejectCue") == ACTIVE
                                              or v.has("AttitudeVerb", "OverseeVerb"))


def inviter(units: list[Unit], end: int, hi: int) -> int | None:
    """The host after an accepted invitation ending at ``end`` ("memenuhi undangan makan malam (dari) Macron",
    "memenuhi undangan Presiden X"): the first person within a few words, after "dari" or none, no verb between."""
    for k in range(end + 1, min(hi, end + 8)):
        v = units[k]
        if v.etype == "PER" and not v.paren:
            h = before_titles(units, k, end + 1)
            p = units[h - 1]
            return k if h == end + 1 or p.has("SourcePrep") or not p.has("Preposition") else None
        if v.etype or v.is_verb() or v.text in (",", ".", ";") or v.has("Preposition") and not v.has("SourcePrep"):
            return None
    return None


def travel_companions(units: list[Unit], i: int, hi: int) -> list[int]:
    """The persons named after "bersama" that closes the place phrase of the verb of travel at ``i`` ("Kamikawa
    datang ke Manila bersama Menteri Pertahanan Jepang Minoru Kihara"): they came too, each of a list ("bersama
    istrinya, Usha Vance, Penasihat Keamanan Nasional Mike Waltz, serta Menteri Energi Chris Wright"), also the
    members listed of a party ("bersama rombongan besar, antara lain A dan B"). None where another verb stands
    between (not "tiba di Beijing untuk bertemu bersama Xi"): an empty list."""
    for k in range(i + 1, min(hi, i + 8)):
        v = units[k]
        if v.is_verb() and not v.etype or v.text in (",", ";", ":", "."):
            return []
        if v.has("CompanionPrep") and not v.etype:
            out: list[int] = []
            m = _party_members(units, k + 1, hi)
            while m < hi:
                if not units[m].etype and units[m].text.isalpha() and units[m].text.islower() and m + 2 < hi \
                        and units[m + 1].text == "," and units[m + 2].etype == "PER":
                    m += 2  # "bersama istrinya, Usha Vance": a kin word set before the name
                m = after_titles(units, m, hi)
                if m >= hi or units[m].etype != "PER" or units[m].paren:
                    break
                out.append(m)
                m = (units[m].group[-1] if units[m].group else m) + 1
                while m < hi and (units[m].text == "," or units[m].has("Conjunction")) and not units[m].etype:
                    m += 1  # on through the list
            return out
    return []


def _party_members(units: list[Unit], m: int, hi: int) -> int:
    """Where the names start after "bersama" at ``m - 1``: past a party noun, its adjectives, a comma, "yang" and the
    list introducers ("rombongannya, yang antara lain beranggotakan A"); ``hi`` where the party's members are not
    listed (an unnamed "rombongan besar"); ``m`` itself where no party noun follows."""
    if m >= hi or units[m].etype or not units[m].has("DelegationNoun"):
        return m
    k = skip_span(units, m, "DelegationNoun")
    while k < hi and not units[k].etype and not units[k].cls and units[k].text.isalpha() and units[k].text.islower():
        k += 1  # "rombongan besar"
    k += k < hi and units[k].text == ","
    k += k < hi and units[k].has("Relativizer") and not units[k].etype
    if k >= hi or units[k].etype or not units[k].has("ListIntro"):
        return hi
    while k < hi and not units[k].etype and units[k].has("ListIntro"):
        k = skip_span(units, k, "ListIntro")
    return k
