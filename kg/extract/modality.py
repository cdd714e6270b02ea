"""Modality of a supply or an event from negation, modal, hearsay and planning cues in its clause and
from the frame it sits in (a quote or reported speech makes a claim ``alleged``)."""

from __future__ import annotations

from kg.cues import ACTIVE, NOUN, cues
from kg.extract.clause import clause_left, clause_right, frame_of, prev_unit
from kg.extract.context import Frame, State
from kg.extract.heads import only_glue
from kg.units import Unit


def supply_modality(units: list[Unit], i: int, subj: int | None, frames: list[Frame], state: State) -> str | None:
    """Modality of the supply at ``i`` (None: negated by the article itself, no relation)."""
    c = cues()
    lo = clause_left(units, i)
    start = subj + 1 if subj is not None and subj >= lo else lo
    window = units[start:i]
    near = units[max(lo, i - 3):i]
    # (not "tidak hanya mengirim peluru, tetapi juga rudal": not only … but also affirms)
    if any(v.has("NegationCue") and not (v.i + 1 < i and units[v.i + 1].has("OnlyCue")) for v in near):
        # "memperingatkan X agar tidak menjual": a warning about a possible supply
        for k in range(i - 1, max(-1, i - 10), -1):
            v = units[k]
            if v.has("WarnCue", "DemandCue"):
                return "potential"
            if v.has("DenyCue"):
                return "denied"
            if v.is_verb() and not v.has("NegationCue", "PotentialCue", "PlannedCue") and k < i - 1:
                break
        # "Jerman tidak mengirim Taurus ke Ukraina", "Brasil tidak akan menjual amunisi …": the article negates the
        # supply itself, a denied one (not a ban, "dilarang menjual", nor a negated verb of its own before it, "tidak
        # menutup kemungkinan mengirim …": no relation)
        neg = max(v.i for v in near if v.has("NegationCue"))
        plain = not units[neg].has("BanVerb") and all(
            not w.etype and w.has("FunctionWord", "PlannedCue", "PotentialCue", "NegationCue") for w in units[neg + 1:i])
        return "denied" if plain else None
    if any(v.has("DenyCue") for v in window) or any(v.voice("RejectCue") == ACTIVE or v.has("AvoidVerb") and not v.etype
                                                    for v in near):
        return "denied"  # "menolak mengirim peralatan militer apa pun ke Ukraina", "enggan mengirim": a refused supply
    if _no_evidence(units, i):
        return "potential"  # "Belum ada bukti bahwa China memasok …": not claimed, only not ruled out
    opener = units[lo - 1] if lo > 0 else None  # "jika memasok …": a conditional clause
    if opener is not None and opener.has("Complementizer"):
        gov = prev_unit(units, opener.i)  # "Rusia membantah bahwa pihaknya menerima …"
        if gov is not None and not gov.etype and gov.voice("DenyCue") == ACTIVE:
            return "denied"
    if subj is not None:
        # the first of a coordinated subject: "mendesak Korea Selatan dan Jepang memasok …"
        p = prev_unit(units, units[subj].group[0] if units[subj].group else subj)
        if p is not None and p.i > 0 and p.voice("SupplyCue") == NOUN and not p.etype:
            p = prev_unit(units, p.i)  # "meminta bantuan Korea Utara untuk memasok …": asked for, not a claim
        if p is not None and p.has("PersuadeCue", "DemandCue", "WarnCue") and only_glue(units, subj, i):
            if any(v.has("StopVerb") for v in units[subj + 1:i]):
                return "alleged"  # "mendesak Washington agar berhenti mempersenjatai …": it is going on
            return "potential"  # "meyakinkan Pyongyang untuk menjual"
        if p is not None and p.has("Complementizer"):
            p = prev_unit(units, p.i)
        if p is not None and p.has("ExpectVerb") and not p.etype and not any(v.has("PerfectMarker") for v in window):
            return "potential"  # "Taiwan berharap AS segera memasok …", "khawatir China akan memberi Rusia …"
    if units[i].voice("SupplyCue") == NOUN and any(v.voice("StopVerb") == ACTIVE and not v.etype for v in near) and \
            not any(v.has("WarnCue", "DemandCue", "PersuadeCue") and not v.etype for v in units[lo:i]):
        return "denied"  # "Kanada menghentikan penjualan senjata ke Israel": a supply halted, as one refused
    if any(v.has("PotentialCue") and not _hedged_past(units, v.i) for v in window) or \
            any(v.has("WhetherCue") for v in units[lo:i]) or \
            (opener is not None and opener.has("PotentialCue")):
        return "potential"  # "akan mempertimbangkan": considering is possible, not yet planned
    if any(v.has("PlannedCue") for v in window):
        return "planned"
    if units[i].voice("SupplyCue") == NOUN and any(v.voice("AnnounceVerb") == ACTIVE and not v.etype
                                                   for v in units[max(lo, i - 4):i]):
        return "planned"  # "Inggris mengumumkan paket bantuan militer …", "… mengumumkan penjualan …": to come
    if any(v.has("PotentialCue") for v in units[max(0, i - 3):i] if v.voice("PotentialCue") is not None
           and v.has("PotentialNoun") and not _hedged_past(units, v.i)):
        return "potential"
    n = max(units[i].span.values(), default=1)  # a phrase's own modality ("menjatuhkan pilihan pada": planned)
    default = (n > 1 and c.default_modality.get(" ".join(v.low for v in units[i:i + n]))) or \
        c.default_modality.get(units[i].low)
    if default:
        return default
    if frame_of(frames, i) is not None or units[i].quote is not None:
        return "alleged"
    if any(v.has("AllegedCue") or v.has("AccuseCue", "SanctionCue") and not v.etype for v in units[:i]):
        return "alleged"  # hearsay, or the reason given for an accusation or a sanction
    if any((v.etype == "PER" or v.has("SourceNoun")) and not v.title for v in units[lo:i]):
        return "alleged"
    return "asserted"


def _hedged_past(units: list[Unit], k: int) -> bool:
    """The possibility word at ``k`` hedges a past act ("mungkin telah", "besar kemungkinan telah"): what a
    source says was likely done is its allegation, not a potential act."""
    return any(units[j].span.get("HedgedPast", 0) > k - j for j in range(max(0, k - 2), k + 1)
               if units[j].has("HedgedPast"))


def event_modality(units: list[Unit], i: int, subj: int | None) -> str:
    lo = clause_left(units, i)
    window = units[(subj + 1 if subj is not None and subj >= lo else lo):i]
    if any(v.has("NegationCue") for v in units[max(lo, i - 2):i]) or _negated_past(units, i, lo):
        return "denied"
    if any(not v.etype and (v.voice("RejectCue") == ACTIVE or v.has("AvoidVerb", "CallOffVerb"))
           for v in units[max(lo, i - 2):i]):
        return "denied"  # "menolak bertemu X", "enggan berkunjung", "batal terbang ke X": the act is not done
    if any(v.has("PlannedCue") for v in window):
        return "planned"
    if any(v.has("PotentialCue") and not v.has("PersuadeCue") for v in window):
        return "potential"
    return "asserted"


def _negated_past(units: list[Unit], i: int, lo: int) -> bool:
    """A negation three words back with only function words and one verb between ("tidak pernah menjatuhkan
    sanksi", "belum pernah mengunjungi"): the act is not done."""
    k = i - 3
    return k >= lo and units[k].has("NegationCue") and not units[k].etype and \
        all(not v.etype and (v.has("FunctionWord") or v.is_verb()) for v in units[k + 1:i])


def noun_modality(units: list[Unit], i: int, subj: int | None = None) -> str:
    """Modality of an event named by the noun at ``i``: its clause before it, then the predicate it is the
    subject of ("Pertemuan keduanya akan digelar di Budapest", "KTT itu dijadwalkan berlangsung …": planned)."""
    before = event_modality(units, i, subj)
    if before != "asserted":
        return before
    after = units[i + 1:clause_right(units, i)]
    if any(v.has("CallOffVerb") and not v.etype for v in after):
        return "denied"  # "Pertemuan keduanya yang dijadwalkan pada Juni batal": called off, not held
    for v in after:
        if v.has("PlannedCue") and not v.etype:
            return "planned"
        if v.has("PotentialCue") and not v.etype and v.is_verb():
            return "potential"
        if not v.etype and v.is_verb() and not v.has("FunctionWord"):
            break
    return before


def _no_evidence(units: list[Unit], i: int) -> bool:
    """An evidence noun with a negation just before it governs the clause of the verb at ``i`` ("belum ada bukti
    bahwa …", "tidak menemukan indikasi X …", "belum melihat bukti X …")."""
    for k in range(i - 1, max(-1, i - 9), -1):
        v = units[k]
        if v.text in (".", ";", "?", "!") or v.etype == "PER":
            return False
        if v.has("EvidenceNoun") and not v.etype:
            return any(w.has("NegationCue") and not w.etype for w in units[max(0, k - 3):k])
    return False
