"""Quotations inside a clause: "AS menuduh Iran "telah memasok drone ke Rusia …"", "Pemerintah China menegaskan
pihaknya "tidak pernah memasok senjata …"". The quoted words are the predicate of a subject named just before the
opening mark, so the clause is read without the marks (and the quotation has no speaker of its own)."""

from __future__ import annotations

import re

from kg.cues import POSSESSIVE, cues

_LAST_WORD = re.compile(r"(\w+)\s*$")
#: the word classes of a pronoun that stands as a clause's subject ("ia", "mereka", "pihaknya", "kami")
_SUBJECT_PRONOUNS = frozenset({"Pronoun3", "PronounPlural", "SidePronoun", "Pronoun1"})


def inner_marks(found: dict[int, int], text: str, mention_ends: set[int]) -> set[int]:
    """The offsets of the marks to read past, of the quotations in ``found`` (opening → closing mark, -1 for none:
    kg.quotes.find_quotes) that open right after a subject: a mention (ending at an offset in ``mention_ends``), a
    pronoun or a noun with a possessive clitic ("negaranya"); not after a verb, preposition or demonstrative whose
    object or complement the quotation is ("menepis tudingan itu sebagai "…"")."""
    c = cues()
    marks: set[int] = set()
    for a, b in found.items():
        w = _LAST_WORD.search(text, max(0, a - 40), a)
        if w is None:
            continue
        word = w.group(1)
        classes = c.classes(word)
        if w.end(1) in mention_ends or not _SUBJECT_PRONOUNS.isdisjoint(classes) or \
                not classes and len(word) > 5 and word.lower().endswith(POSSESSIVE):
            marks.add(a)
            if b >= 0:
                marks.add(b)
    return marks
