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
        if v.has("NegationCue") and not v.etype and not v.is_verb():
            return True
        # an adverb between may have a verb's shape ("secara terbuka"), not a verb of the lexicon
        if v.etype or v.is_actor or not v.text.isalpha() or v.has("OnlyCue", "Conjunction", "Relativizer") or \
                v.cls and not _LEXICAL.isdisjoint(v.cls.values()):
            return False
    return False
