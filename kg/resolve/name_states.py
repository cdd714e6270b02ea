"""Which states a person's name is shared with: "Irakli" and "-shvili" are Georgian, "Lee" Korean, "Georgios" Greek.

An unlisted office-holder with a bare title ("Perdana Menteri Irakli Kobakhidze") in a story on two states holds
the office of one of them; the rules weigh where the text ties them (:mod:`kg.extract.bare_titles`), and where that
says little, the name tells: the people the gazetteer lists with a state (``kg:affiliation``) are a sample of each
state's names. A name word (a given or family name, marks removed) shared with listed people of a state counts for
it by the share of those people who are of it ("Lee": mostly South Korea); a family name's last four letters (on
names of six letters or more: "-shvili", "-poulos", "-singhe") count half as much. No list of names is kept here:
the evidence grows with the gazetteer.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from kg.resolve.accents import plain
from kg.resolve.lookup import gazetteer

#: the shortest name word and the shortest family name whose ending is read
_WORD = 3
_ENDING_WORD = 6
_ENDING = 4
#: an ending's evidence against a whole word's
_ENDING_WEIGHT = 0.5


def _words(name: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9]+", plain(name).lower()) if len(w) >= _WORD]


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, Counter[str]], dict[str, Counter[str]]]:
    """(name word → states of the listed people who bear it, family-name ending → the same)."""
    gaz = gazetteer()
    words: dict[str, Counter[str]] = {}
    endings: dict[str, Counter[str]] = {}
    for e in gaz.entries.values():
        if e.type != "PER" or not e.affiliation or e.affiliation not in gaz.entries:
            continue
        state = gaz.state_of(e.affiliation)
        if state is None or state not in gaz.entries or gaz.entries[state].type != "GPE":
            continue
        ws = _words(e.canonical)
        for w in set(ws):
            words.setdefault(w, Counter())[state] += 1
        if ws and len(ws[-1]) >= _ENDING_WORD:
            endings.setdefault(ws[-1][-_ENDING:], Counter())[state] += 1
    return words, endings


def name_states(name: str) -> dict[str, float]:
    """State key → how much the name speaks for it (0 to 1): the largest share, over the name's words, of the
    listed people bearing the word who are of that state."""
    words, endings = _index()
    ws = _words(name)
    out: dict[str, float] = {}
    found = [(words.get(w), 1.0) for w in ws]
    if ws and len(ws[-1]) >= _ENDING_WORD:
        found.append((endings.get(ws[-1][-_ENDING:]), _ENDING_WEIGHT))
    for counts, weight in found:
        if not counts:
            continue
        total = sum(counts.values())
        for state, n in counts.items():
            out[state] = max(out.get(state, 0.0), weight * n / total)
    return out
