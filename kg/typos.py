"""Words one slip away from a known word, for reading news copy that was typed fast.

One index serves every caller: each known word and each of its shortenings by one letter point back to
the word. A word one letter shorter or longer than a known one, or with one letter replaced or two
neighbours swapped, shares a key with it (its own or one of its shortenings), so :func:`near` finds every
candidate in a handful of lookups; :func:`one_edit` then says which candidates really are one slip away.
"""

from __future__ import annotations

from collections.abc import Iterable


def shortenings(word: str) -> list[str]:
    """``word`` with one letter taken out, at each place."""
    return [word[:i] + word[i + 1:] for i in range(len(word))]


def shortening_index(words: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Every word and each of its shortenings → the words it comes from."""
    index: dict[str, list[str]] = {}
    for w in words:
        for key in dict.fromkeys([w] + shortenings(w)):
            index.setdefault(key, []).append(w)
    return {k: tuple(v) for k, v in index.items()}


def near(word: str, index: dict[str, tuple[str, ...]]) -> set[str]:
    """The indexed words that may be one slip from ``word``: every one that is, and a few more."""
    out: set[str] = set()
    for key in [word] + shortenings(word):
        found = index.get(key)
        if found:
            out.update(found)
    return out


def one_edit(a: str, b: str, *, replaced: bool = True, appended: bool = True) -> bool:
    """Whether ``a`` and ``b`` differ by one letter left out or added, or two neighbours swapped; with
    ``replaced``, also by one letter replaced; with ``appended``, also by a letter added at the end."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        swapped = len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
        return swapped or replaced and len(diff) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k in range(len(short)) if short[k] != long_[k]), len(short))
    return (appended or i < len(short)) and short[i:] == long_[i + 1:]
