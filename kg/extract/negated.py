"""A speech act that the article says did not happen: "AS tidak secara terbuka mengancam akan menyerang
Venezuela", "Rusia belum membantah laporan itu". No warning, accusation or denial is made by a negated verb
(the gold marks none of these with modality denied), while "tidak hanya memperingatkan …" still warns."""

from __future__ import annotations

from kg.cues import ACTIVE, NOUN, PASSIVE
from kg.units import Unit

_LEXICAL = frozenset({ACTIVE, PASSIVE, NOUN})  # voices that a verb or noun of the cue lexicon carries


def negated_act(units: list[Unit], i: int) -> bool:
    """The verb at ``i`` is negated: a negation word stands before it, with at most two adverbs or function
    words between ("tidak secara terbuka mengancam"), and no word of "only" after the negation ("tidak hanya
    mengecam", which asserts the act and more)."""
    for k in range(i - 1, max(-1, i - 4), -1):
        v = units[k]
        cls = v.cls  # (asked in place, not through ``Unit.has``: this runs before every verb the rules read)
        if "NegationCue" in cls and not v.etype and not v.is_verb() or "AvoidVerb" in cls and not v.etype:
            return True  # (also "menghindari untuk mengkritik", "enggan mengecam": the act is not done)
        if "EitherConj" in cls and k == i - 1 and k > 0 and units[k - 1].is_verb() and not units[k - 1].etype:
            return negated_act(units, k - 1)  # "tidak membenarkan maupun menyangkal": neither one nor the other
        if "LaunchVerb" in cls and k == i - 1 and not v.etype:
            return negated_act(units, k)  # "tidak mengeluarkan protes resmi": the light verb carries the act's negation
        # an adverb between may have a verb's shape ("secara terbuka"), not a verb of the lexicon
        if v.etype or v.is_actor or not v.text.isalpha() or "OnlyCue" in cls or "Conjunction" in cls or \
                "Relativizer" in cls or cls and not _LEXICAL.isdisjoint(cls.values()):
            return False
    return False


def unwitnessed(units: list[Unit], i: int) -> bool:
    """The wrong told at ``i`` is one the speaker says he has not seen: a negated perception verb or evidence
    noun stands before it in the sentence ("belum melihat China menghindari sanksi", "tidak menemukan bukti
    Iran memasok …", "tidak ada indikasi …")."""
    for k in range(i - 1, max(-1, i - 10), -1):
        v = units[k]
        if v.text in (".", ";", ":") or v.quote != units[i].quote:
            return False
        if v.has("PerceiveVerb", "EvidenceNoun") and _negated_right_before(units, k):
            return True
    return False


def _negated_right_before(units: list[Unit], k: int) -> bool:
    """A negation ends right before ``k``, or one function word before it ("belum pernah melihat", "tidak juga
    menemukan"); not "tidak akan diam melihat …", which refuses to stand by and so does accuse."""
    for m in (k - 1, k - 2, k - 3):
        if m < 0:
            return False
        w = units[m]
        if w.has("NegationCue") and not w.etype:
            end = m + w.span.get("NegationCue", 1)
            return end == k or (end == k - 1 and units[k - 1].has("FunctionWord"))
    return False


def taken_up(units: list[Unit], verb: int | None, at: int) -> bool:
    """A verb of saying or charging, not negated, stands between the frame's verb at ``verb`` and the claim at ``at``:
    "belum menyebut siapa pelakunya, namun menuduh Iran menyediakan drone" charges Iran though the first verb is
    negated."""
    return verb is not None and any(
        ACTIVE in (v.cls.get("AccuseCue"), v.cls.get("ReportCue")) and not v.etype and not negated_act(units, v.i)
        for v in units[verb + 1:at])
