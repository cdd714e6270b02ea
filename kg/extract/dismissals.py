"""Denials said without a verb of denying: a claim called a wrong or a lie through a linking word, and a claim
refused by a negated verb of accepting. Kept apart from :mod:`kg.extract.rules.denies` (module size)."""

from __future__ import annotations

from kg.cues import ACTIVE, POSSESSIVE, passive_prefixed
from kg.extract.clause import actor_keys, agent_at, clause_right, left_subject
from kg.extract.context import Frame, State
from kg.extract.negated import negated_act
from kg.extract.parties import last_accusers, side
from kg.units import CLOSE_QUOTES, OPEN_QUOTES, STOP_PUNCT, Unit, skip_span

_STOPS = (",", ";", ":")


def speaks(u: Unit) -> bool:
    """A verb by which the subject tells or judges ("menyebut", "mengatakan", "menilai", "menganggap")."""
    cls = u.cls  # (read in place: asked of every word with a class in the dismissal and denial rules)
    return cls.get("ReportCue") == ACTIVE or cls.get("BeliefCue") == ACTIVE


def linked_wrong(units: list[Unit], noun: int, hi: int) -> bool:
    """"menyebut tuduhan Ukraina sebagai provokasi", "menilai klaim itu merupakan fitnah": the claim at ``noun``
    (with its owner) is said to *be* a lie or a wrong, through a linking word ("sebagai", "merupakan", "adalah")
    right before the dismissal or wrongdoing word. A verb between ends the search: "laporan itu mengungkap
    pelanggaran" tells of a wrong the report found, it does not dismiss the report."""
    for k in range(noun + 1, min(hi, noun + 8)):
        v = units[k]
        if v.etype:
            continue
        if v.has("AsPrep", "Copula"):
            w = units[k + 1] if k + 1 < hi else None
            return w is not None and not w.etype and w.has("DismissCue", "WrongdoingCue")
        if v.is_verb() or v.text in _STOPS:
            return False
    return False


def that_clause(units: list[Unit], i: int, hi: int) -> int:
    """Where the clause of the speech verb at ``i`` ends, read through a "bahwa" right after it ("mengatakan
    bahwa tuduhan itu palsu": the claim and its dismissal are in the that-clause); else ``hi``."""
    if hi == i + 1 < len(units) and units[hi].has("Complementizer") and speaks(units[i]):
        return clause_right(units, i, through_bahwa=True)
    return hi


def dismissed_claim(units: list[Unit], i: int, noun: int | None, hi: int, that: bool) -> bool:
    """Whether the speaker at ``i`` dismisses the claim at ``noun``: calling it baseless or a lie ("menyebut
    tuduhan itu tidak berdasar"), or linking it to a wrong (:func:`linked_wrong`). Read through "bahwa"
    (``that``), the dismissal must be the claim's own predicate, before any verb: "mengatakan bahwa laporan itu
    palsu", not "mengatakan bahwa laporan itu menunjukkan propaganda …"."""
    if noun is None or claim_to(units, noun, hi):
        return False
    if linked_wrong(units, noun, hi) or content_dismissed(units, noun):
        return True
    if units[i].voice("ReportCue") != ACTIVE:
        # "menilai/menganggap laporan itu tidak akurat": a verb of judging dismisses only where the dismissal is
        # the claim's own predicate, before any verb or stop
        return units[i].voice("BeliefCue") == ACTIVE and _own_predicate(units, noun, hi)
    if not that:  # (past a long description of the claim, "tuduhan soal adanya dukungan eksternal itu tidak
        # bertanggung jawab dan keliru", and into the quotation the clause ends at: 'menyebut tuduhan itu "keliru"')
        end = hi + 1
        if hi < len(units) and units[hi].text in OPEN_QUOTES:
            end = next((k for k in range(hi + 1, len(units)) if units[k].text in CLOSE_QUOTES), len(units))
        return any(v.has("DismissCue") for v in units[noun + 1:min(end, noun + 13)])
    return _own_predicate(units, noun, hi)


def claim_launched(v: Unit) -> bool:
    """An active verb that voices the claim noun after it ("melontarkan klaim", "mengajukan klaim"): its subject
    makes the claim, as "mengklaim" would."""
    return not v.etype and v.is_verb() and v.has("LaunchVerb") and not passive_prefixed(v.text)


def claim_to(units: list[Unit], noun: int, hi: int) -> bool:
    """"klaim Beijing atas 90 persen perairan Laut China Selatan", "menolak klaim kedaulatan tersebut"
    (kg:TerritoryClaim): a claim to something (its owner, then "atas"), a title or territory claimed, not a charge
    made."""
    if units[noun].has("TerritoryClaim"):
        return True
    if not units[noun].has("ClaimVerb"):
        return False
    k = noun + 1
    while k < hi and (units[k].is_actor or units[k].paren):
        k += 1
    return k < hi and not units[k].etype and units[k].has("TargetPrep")


def _own_predicate(units: list[Unit], noun: int, hi: int) -> bool:
    """A dismissal word after the claim at ``noun`` before any verb or stop: "laporan itu palsu"."""
    for v in units[noun + 1:min(hi, noun + 8)]:
        if not v.etype and v.has("DismissCue"):
            return True
        if v.is_verb() or v.text in _STOPS:
            return False
    return False


def content_dismissed(units: list[Unit], noun: int) -> bool:
    """"tuduhan AS bahwa Korut memasok amunisi ke Rusia adalah kebohongan", "klaim Rusia yang menyebut AS berada di
    balik serangan itu adalah tidak benar": a claim noun (with its author) whose content clause ("bahwa …") or
    relative clause ("yang …") runs up to the copula that calls the claim a lie. The first copula after the clause
    opener decides ("tuduhan bahwa X adalah ancaman" is no dismissal); a sentence stop or a quotation's edge ends it."""
    n, q = len(units), units[noun].quote
    k = noun + 1
    while k < n and (units[k].is_actor or units[k].paren or units[k].text in ("(", ")")):
        k += 1  # the claim's author, "tuduhan Amerika Serikat (AS)"
    if k >= n or units[k].etype or not units[k].has("Complementizer", "Relativizer"):
        return False
    for m in range(k + 1, min(n, k + 30)):
        v = units[m]
        if v.quote != q or v.text in STOP_PUNCT:
            return False
        if not v.etype and v.has("Copula"):
            w = m + 1
            while w < n and units[w].text in OPEN_QUOTES | CLOSE_QUOTES:
                w += 1
            if w + 2 < n and units[w].has("ResumptiveNoun") and units[w + 1].has("Relativizer"):
                w += 2  # "… adalah hal yang tidak benar", "merupakan sesuatu yang tidak berdasar"
            return w < n and not units[w].etype and units[w].has("DismissCue")
    return False


def refused_charge(units: list[Unit], i: int) -> bool:
    """"tidak menerima tuduhan itu", "tidak dapat menerima klaim AS": a negated verb of accepting right before an
    accusation noun rejects the accusation (a denial, as "menolak tuduhan itu")."""
    return units[i].voice("AcceptVerb") == ACTIVE and negated_act(units, i) and \
        any(not v.etype and v.has("AccusationNoun") for v in units[i + 1:i + 4])


def refused_label(units: list[Unit], i: int) -> bool:
    """"Houthi menolak disebut proksi Iran", "X menolak dituding terlibat", "Y menolak dicap teroris": a verb of
    refusing right before a passive of calling or charging (past one adverb: "menolak keras dikaitkan …") rejects
    being so called, a denial of that charge although no accusation noun follows."""
    if units[i].voice("RejectCue") != ACTIVE:
        return False
    for k in range(i + 1, min(len(units), i + 3)):
        v = units[k]
        if not v.etype and v.has("LabelPassive"):
            # not "pejabat yang menolak disebut namanya / disebutkan identitasnya": a source declining to be named
            w = units[k + 1] if k + 1 < len(units) else None
            return w is None or w.etype is not None or not (w.low.endswith(POSSESSIVE) and not w.is_verb())
        if v.etype or not v.has("VehementAdverb", "FunctionWord") or v.is_verb():
            return False
    return False


def refused_news(units: list[Unit], i: int) -> bool:
    """"Moskow menolak kabar tersebut", "menolak semua berita itu", "Iran menolak anggapan bahwa pihaknya …": a verb
    of refusing before the news just told (a news noun with a demonstrative) or a view of the denier with its content
    ("bahwa …") denies it, as "membantah kabar itu" would; not "menolak kabar baik" (no news told)."""
    if units[i].voice("RejectCue") != ACTIVE:
        return False
    k = i + 1
    while k < len(units) and not units[k].etype and units[k].has("AllQuantifier"):
        k += 1
    if k + 1 >= len(units) or units[k].etype or not units[k].has("RumourNoun", "ViewNoun"):
        return False
    k = skip_span(units, k, "ViewNoun") if units[k].has("ViewNoun") else k + 1
    return any(not v.etype and v.has("Demonstrative") for v in units[k:k + 2]) or \
        k < len(units) and not units[k].etype and units[k].has("Complementizer")


def named_dismissals(units: list[Unit], state: State) -> list[tuple[str, str]]:
    """"Makolo menyebut sanksi AS terhadap Kabarebe "tidak berdasar"", "ia menyebut surat Ethiopia ke PBB sebagai
    "kebohongan murahan"": a speaker who calls a party's act or paper (a noun that is no accusation noun, its owner
    named right after it) baseless or a lie denies that party. The dismissal must come before any verb (outside the
    quotation that opens the verdict) or stop."""
    out: list[tuple[str, str]] = []
    n = len(units)
    for u in units:
        if u.etype or not u.cls or not speaks(u) or u.i + 2 >= n:
            continue
        noun, owner = units[u.i + 1], units[u.i + 2]
        if not noun.is_noun() or noun.has("AccusationNoun", "FunctionWord") or noun.title or \
                not owner.is_actor or owner.paren:
            continue
        j = left_subject(units, u.i)
        if j is None:
            continue
        quoted = clause = False
        for m in range(u.i + 3, min(n, u.i + 16)):
            v = units[m]
            quoted = quoted or v.text in OPEN_QUOTES
            if v.text in _STOPS or v.text in STOP_PUNCT or m >= u.i + 12 and not clause:
                break  # (the act's own clause may run a few words longer than a verdict said outright)
            if v.is_verb() and not quoted:
                # (inside the quoted verdict a verb is part of it: "tidak beralasan dan tidak berdasar"); outside,
                # a verb opens the act's own clause ("keputusan Amerika untuk menutup konsulat …"): only a verdict
                # linked by "sebagai" or a copula may follow it ("… sebagai fitnah keji")
                clause = True
                continue
            if not v.etype and v.has("DismissCue") and (not clause or units[m - 1].has("AsPrep", "Copula")):
                deniers, accusers = actor_keys(units, j, state), actor_keys(units, u.i + 2, state)
                out += [(d, c) for d in deniers for c in accusers if c != d and (d, c) not in out]
                break
    return out


def said_dismissals(units: list[Unit], state: State) -> list[tuple[str, str]]:
    """"Iran mengatakan apa yang disampaikan AS tidak benar", "Hamas menegaskan semua yang dikatakan Israel adalah
    bohong": what another party said (a free relative on a passive verb of telling, its agent named) called a lie
    by the speaker denies that party."""
    out: list[tuple[str, str]] = []
    n = len(units)
    for u in units:
        if u.etype or not u.cls or not speaks(u):
            continue
        k = u.i + 1
        while k < n and not units[k].etype and units[k].has("Complementizer", "AllQuantifier", "WhatPronoun"):
            k += 1
        if k + 2 >= n or k == u.i + 1 or units[k].etype or not units[k].has("Relativizer") or \
                not units[k + 1].has("RevealVerb", "AccuseCue") or units[k - 1].has("Complementizer"):
            continue  # (a quantifier or "apa" must open the relative: "bahwa yang …" is no free relative)
        a = agent_at(units, k + 1)
        j = left_subject(units, u.i)
        if a >= n or not units[a].is_actor or j is None:
            continue
        m = a + 1
        while m < min(n, a + 8) and not units[m].is_verb() and units[m].text not in _STOPS:
            if not units[m].etype and units[m].has("DismissCue"):
                deniers, accusers = actor_keys(units, j, state), actor_keys(units, a, state)
                out += [(d, c) for d in deniers for c in accusers if c != d and (d, c) not in out]
                break
            m += 1
    return out


def called_baseless(units: list[Unit], noun: int, hi: int) -> bool:
    """"“Tuduhan itu tidak berdasar”", "“tuduhan-tuduhan tersebut tidak masuk akal”", "“Laporan ini adalah
    kebohongan”": an accusation noun with a demonstrative right after it, whose predicate is a dismissal word
    before any other verb or stop ("laporan ini menunjukkan disinformasi Rusia" tells of a wrong, it dismisses
    nothing)."""
    if noun + 1 >= hi or not units[noun + 1].has("Demonstrative"):
        return False
    for v in units[noun + 2:min(hi, noun + 8)]:
        if v.etype:
            return False
        if v.has("DismissCue"):
            return True
        if v.is_verb() and not v.has("Copula") or v.text in _STOPS or v.text in STOP_PUNCT:
            return False
    return False


def tagged_denials(units: list[Unit], frames: list[Frame], state: State) -> list[tuple[str, str]]:
    """"“Ini tidak masuk akal,” sanggah juru bicara Kremlin X", "“Kami tidak pernah mengirim senjata,” bantah X": a
    verb of denying as the tag of what the speaker said (after the quotation, or after "…," without quotes) tells
    that the speaker denied, whatever the words quoted: the charge last made against the speaker's side."""
    out: list[tuple[str, str]] = []
    n = len(units)
    for f in frames:
        if not f.speaker:
            continue
        k = f.verb if f.verb is not None and f.verb >= f.hi else f.hi
        while k < n and not units[k].etype and (units[k].text in CLOSE_QUOTES or units[k].text == ","):
            k += 1
        if k >= n or k == f.hi and f.verb is None or units[k].etype or units[k].quote is not None or \
                units[k].voice("DenyCue") is None or not units[k].has("QuoteVerb"):
            continue  # (the tag must follow the quotation's close or its comma)
        for denier in f.speaker:
            out += [(denier, a) for a in last_accusers((denier,), state) if a != denier and (denier, a) not in out]
    return out


def quote_final_dismissal(units: list[Unit], noun: int) -> bool:
    """"“Tuduhan AS terhadap Moskow yang memasok senjata kepada Taliban tidak berdasar,” kata X": an accusation noun
    that opens a quotation, its predicate the dismissal that closes it, however long the charge told between."""
    q = units[noun].quote
    if q is None or noun == 0 or units[noun - 1].text not in OPEN_QUOTES and units[noun - 1].quote == q:
        return False
    end = noun
    while end + 1 < len(units) and units[end + 1].quote == q:
        end += 1
    while end > noun and (units[end].text in STOP_PUNCT or units[end].text in _STOPS or units[end].text in CLOSE_QUOTES):
        end -= 1
    # (one word may close it after the dismissal: "adalah kebohongan besar", "tidak benar sama sekali" is two)
    return any(not v.etype and v.has("DismissCue") and (m := v.i + v.span.get("DismissCue", 1)) >= end and
               not (m == end and units[end].is_verb()) for v in units[max(noun + 2, end - 3):end + 1])


def baseless_launched(units: list[Unit], frames: list[Frame], state: State) -> list[tuple[str, str]]:
    """"“Ini bukan pertama kalinya Rusia melontarkan tuduhan jahat dan tidak berdasar terhadap staf kami,” kata X": a
    speaker who tells that a party voiced a baseless charge (a light verb of voicing, the accusation noun, the
    dismissal right after it) denies that party, unless they are on one side."""
    out: list[tuple[str, str]] = []
    n = len(units)
    for u in units:
        if u.etype or "LaunchVerb" not in u.cls or passive_prefixed(u.low) or u.i + 2 >= n or \
                units[u.i + 1].etype or not units[u.i + 1].has("AccusationNoun"):
            continue
        f = next((f for f in frames if u.i in f and f.speaker), None)
        j = left_subject(units, u.i)
        if f is None or j is None or j < f.lo:
            continue
        for v in units[u.i + 2:min(n, u.i + 7)]:
            if v.etype or v.is_verb() and not v.has("DismissCue") or v.text in _STOPS or v.text in STOP_PUNCT or \
                    v.has("Preposition"):
                break  # (only the noun's own modifiers: not "tuduhan terhadap nelayan yang tidak berdasar hukum")
            if v.has("DismissCue"):
                for speaker in f.speaker:
                    own = side(speaker, state)
                    out += [(speaker, a) for a in actor_keys(units, j, state) if a not in own and
                            speaker not in side(a, state) and (speaker, a) not in out]
                break
    return out
