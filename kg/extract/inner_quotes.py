"""Quotations inside a clause: "AS menuduh Iran "telah memasok drone ke Rusia …"", "Pemerintah China menegaskan
pihaknya "tidak pernah memasok senjata …"". The quoted words are the predicate of a subject named just before the
opening mark, so the clause is read without the marks (and the quotation has no speaker of its own)."""

from __future__ import annotations

import re

from kg.cues import ACTIVE, PASSIVE, POSSESSIVE, cues
from kg.quotes import MIN_UNATTRIBUTED_WORDS

_LAST_WORD = re.compile(r"(\w+)\s*$")
#: the word classes of a pronoun that stands as a clause's subject ("ia", "mereka", "pihaknya", "kami")
_SUBJECT_PRONOUNS = frozenset({"Pronoun3", "PronounPlural", "SidePronoun", "Pronoun1"})
#: the classes of a word between a subject and its verb ("telah", "akan", "tidak", "bisa")
_AUXILIARIES = frozenset({"FunctionWord", "PlannedCue", "PotentialCue", "NegationCue"})


def inner_marks(found: dict[int, int], text: str, mention_ends: set[int]) -> set[int]:
    """The offsets of the marks to read past, of the quotations in ``found`` (opening → closing mark, -1 for none:
    kg.quotes.find_quotes) that open right after a subject: a mention (ending at an offset in ``mention_ends``), a
    pronoun or a noun with a possessive clitic ("negaranya"); not after a verb, preposition or demonstrative whose
    object or complement the quotation is ("menepis tudingan itu sebagai "…""). A short one (a scare quote) only where
    it opens with a verb of the lexicon's, right after a subject or an auxiliary ("Rusia akan "menghadiahkan" senjata
    nuklir"): a word held at a distance, the clause going through it."""
    c = cues()
    marks: set[int] = set()
    for a, b in found.items():
        w = _LAST_WORD.search(text, max(0, a - 40), a)
        if w is None:
            continue
        word = w.group(1)
        classes = c.classes(word)
        subject = w.end(1) in mention_ends or not _SUBJECT_PRONOUNS.isdisjoint(classes) or \
            not classes and len(word) > 5 and word.lower().endswith(POSSESSIVE)
        quoted = text[a + 1:b if b >= 0 else a + 200].split()
        if len(quoted) < MIN_UNATTRIBUTED_WORDS:
            first = quoted[0].strip(",.;:!?") if quoted else ""
            verb = any(v in (ACTIVE, PASSIVE) for v in c.classes(first.lower()).values())
            if verb and (subject or not _AUXILIARIES.isdisjoint(classes)):
                marks.update(m for m in (a, b) if m >= 0)
            continue
        if subject:
            marks.add(a)
            if b >= 0:
                marks.add(b)
    return marks
