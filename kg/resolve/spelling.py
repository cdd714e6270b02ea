"""Misspelled head words of organisation names: "Kementrian Pertahanan", "Departmen Keuangan AS".

News copy is typed fast, and a body whose head word is one letter off ("Kementrian" for "Kementerian"
is common) is still that body. Only long head words (seven letters or more) of ``kg:OrgHead`` are
corrected, and only by one edit, so short words and names are never changed.
"""

from __future__ import annotations

from functools import lru_cache

from kg.cues import cues
from kg.typos import near, one_edit, shortening_index

_MIN = 7  # shorter head words ("badan", "dinas") are too close to other words to correct


@lru_cache(maxsize=8192)
def org_head(word: str) -> str | None:
    """The ``kg:OrgHead`` word that ``word`` spells, as written or with one typo; None for any other word."""
    low = word.lower()
    known = cues().words.get(low)  # as spelled: not Cues.classes, which reads through a slip itself
    if known and "OrgHead" in known:
        return low
    if len(low) < _MIN or not low.isalpha() or known:
        return None
    close = near(low, _head_index())
    if not close:  # no head within one edit (nearly every word): the test below would find none
        return None
    # not a letter added at the end: "Institute" is English, not a misspelled "Institut"
    return next((h for h in _heads() if h in close and one_edit(low, h, appended=False)), None)


def corrected(surface: str) -> str:
    """``surface`` with a misspelled head word in front put right ("Departmen Keuangan AS" →
    "Departemen Keuangan AS", capitalised as written), and the word after it where a body template goes on
    with a word one slip from it ("Departemen Keuanagn AS"); as it is otherwise."""
    first, sep, rest = surface.partition(" ")
    if rest and (form := cues().acronym_heads.get(first)) is not None:
        return form.title() + sep + rest  # "AU Pakistan": the force's acronym before its state spelled out
    head = org_head(first)
    if head is None:
        return surface
    fixed = first if head == first.lower() else head.capitalize() if first[:1].isupper() else head
    second, sep2, tail = rest.partition(" ")
    low = second.lower()
    if len(low) >= _MIN and low.isalpha() and low not in cues().words:
        # (a word the lexicon knows as written is no slip: "Kementerian Pertanian" is not "Pertahanan")
        word = next((w for w in _template_seconds(head) if one_edit(low, w, appended=False)), None)
        if word is not None:
            rest = (word.capitalize() if second[:1].isupper() else word) + sep2 + tail
    return fixed + sep + rest


@lru_cache(maxsize=64)
def _template_seconds(head: str) -> tuple[str, ...]:
    """The words a body template goes on with after ``head`` ("kementerian" → "luar", "pertahanan" …), sorted."""
    return tuple(sorted({f.split()[1] for f in cues().templates if len(f.split()) > 1 and f.split()[0] == head}))


@lru_cache(maxsize=1)
def _heads() -> tuple[str, ...]:
    c = cues()
    return tuple(w for w, classes in c.words.items() if "OrgHead" in classes and len(w) >= _MIN and w.isalpha())


@lru_cache(maxsize=1)
def _head_index() -> dict[str, tuple[str, ...]]:
    """Every head and each of its shortenings by one letter → the heads it comes from (``kg.typos``)."""
    return shortening_index(_heads())
