"""Misspelled head words of organisation names: "Kementrian Pertahanan", "Departmen Keuangan AS".

News copy is typed fast, and a body whose head word is one letter off ("Kementrian" for "Kementerian"
is common) is still that body. Only long head words (seven letters or more) of ``kg:OrgHead`` are
corrected, and only by one edit, so short words and names are never changed.
"""

from __future__ import annotations

from functools import lru_cache

from kg.cues import cues

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
    near = _near(low)
    if not near:  # no head within one edit (nearly every word): the test below would find none
        return None
    return next((h for h in _heads() if h in near and abs(len(h) - len(low)) <= 1 and _one_edit(low, h)), None)


def corrected(surface: str) -> str:
    """``surface`` with a misspelled head word in front put right ("Departmen Keuangan AS" →
    "Departemen Keuangan AS", capitalised as written); as it is otherwise."""
    first, sep, rest = surface.partition(" ")
    head = org_head(first)
    if head is None or head == first.lower():
        return surface
    fixed = head.capitalize() if first[:1].isupper() else head
    return fixed + sep + rest


@lru_cache(maxsize=1)
def _heads() -> tuple[str, ...]:
    c = cues()
    return tuple(w for w, classes in c.words.items() if "OrgHead" in classes and len(w) >= _MIN and w.isalpha())


def _near(word: str) -> set[str]:
    """The heads that may be one edit from ``word``: every one that is (``_one_edit``) and a few more.

    Two words one substitution or one swap of neighbours apart are the same with one letter taken out
    of each, and a word one letter longer than another is that word with a letter taken out, so a head
    one edit away shares a key of :func:`_head_index` with the word or one of its shortenings."""
    index = _head_index()
    out: set[str] = set()
    for key in [word] + [word[:i] + word[i + 1:] for i in range(len(word))]:
        found = index.get(key)
        if found:
            out.update(found)
    return out


@lru_cache(maxsize=1)
def _head_index() -> dict[str, tuple[str, ...]]:
    """Every head and each of its shortenings by one letter → the heads it comes from."""
    index: dict[str, list[str]] = {}
    for h in _heads():
        for key in dict.fromkeys([h] + [h[:i] + h[i + 1:] for i in range(len(h))]):
            index.setdefault(key, []).append(h)
    return {k: tuple(v) for k, v in index.items()}


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by exactly one insertion, deletion, substitution or swap of neighbours
    (an insertion or deletion inside the word)."""
    if a == b:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k in range(len(short)) if short[k] != long_[k]), len(short))
    # not a letter added at the end: "Institute" is English, not a misspelled "Institut"
    return i < len(short) and short[i:] == long_[i + 1:]
