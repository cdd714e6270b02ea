"""Names spelled out before a bracketed acronym ("Empresa Aeronáutica Nacional S.A. (EANSA)")."""

from __future__ import annotations

import re

from kg.cues import cues
from kg.resolve.lookup import gazetteer
from kg.resolve.names import Spans, acronyms
from kg.types import Doc, Mention

_BRACKETED = re.compile(r"\(([A-Z][A-Za-z0-9]{1,7})\)")


def spelled_out(doc: Doc, known: list[tuple[Mention, str]]) -> list[Mention]:
    """"Empresa Aeronáutica Nacional S.A. (EANSA)": the capitalised words before a bracketed acronym whose initials
    spell it are one body's name (not "Pemerintah Korea Utara (Korut)": a state under two of its names)."""
    c = cues()
    text = doc.article.text
    taken = Spans((m.start, m.end) for m, _ in known)
    out = []
    for s in doc.sentences:
        for m in _BRACKETED.finditer(text, s.start, s.end):
            short = m.group(1)
            words = list(re.finditer(r"\S+", text[s.start:m.start()]))
            for k in range(len(words) - 1, max(-1, len(words) - 2 * len(short) - 2), -1):
                w = words[k].group(0)
                if not w[:1].isupper() and not c.classes(w).keys() & {"NameConnector", "Conjunction"}:
                    break  # a lowercase word that joins no name ends the run
                start, end = s.start + words[k].start(), s.start + words[-1].end()
                # "Tentara Nasional Libia (LNA)": a body's name in Indonesian, whose initials need not spell
                # the acronym of its English name (the acronym tells which body: kg.resolve.linking)
                body = k < len(words) - 1 and w[:1].isupper() and \
                    bool(c.classes(w.lower()).keys() & {"OrgHead", "GovernmentNoun"}) and \
                    all(x.group(0)[:1].isupper() for x in words[k:]) and (k == 0 or not words[k - 1].group(0)[:1].isupper())
                if body and gazetteer().same_state(text[s.start + words[k + 1].start():end], short):
                    break
                if w[:1].isupper() and (short.upper() in acronyms(text[start:end]) or body):
                    # (not "Kepala Staf Angkatan Udara (KSAU)": a title spelled out is no organisation; a known
                    # name inside it, "Islamic Republic of Iran [Shipping Lines] (IRISL)", loses to it, the longer)
                    titled = any(cls in ("RoleTitle", "Rank") for _, cls, _ in
                                 c.match_phrase([x.group(0).lower() for x in words[k:]], 0))  # "Perdana Menteri (PM)"
                    if not taken.covers(start, end) and not c.classes(w.lower()).keys() & {"RoleTitle", "Rank"} \
                            and not titled:
                        out.append(Mention(text[start:end], "ORG", start, end, s.index, "pattern"))
                    break
    return out
