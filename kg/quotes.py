"""Quotations in a paragraph and where their speaker is named.

Indonesian news attributes quotes after the closing mark (“…,” kata Kirby / ujar Ryder /
tambahnya / katanya / kata dia) or before the opening one (Kirby mengatakan: “…”). This module only
finds the spans and the attribution site; ``kg.extract`` turns the site into an entity, because a
pronoun speaker (katanya, dia) needs the running discourse state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.cues import cues

#: Some outlets open a quote with the closing mark too (”Jika …, respons kami …,” imbuhnya): a ”
#: at a line's start or after a space, with another ” before the line ends, opens one.
#: Single marks ('…,' kata X / ‘…,’ ujarnya) quote speech too, read only when a verb of saying follows: the
#: apostrophe also stands inside words and around scare quotes.
#: Every branch opens with its mark, a literal, and a mark that must follow a space or a line's start says so
#: after it (``”(?<!\S”)`` is ``(?:^|(?<=\s))”``): the engine then skips from mark to mark instead of trying
#: each branch at every character (a quarter of the time); the single marks are two branches (groups 5 and 6).
_QUOTE = re.compile(r"“([^”]*)(?:”|$)|\"([^\"]*)(?:\"|$)|«([^»]*)(?:»|$)|”(?<!\S”)([^“”\n]*)”"
                    r"|'(?<!\S')([^'‘’\n]*[,.!?])['’]|‘(?<!\S‘)([^'‘’\n]*[,.!?])['’]", re.MULTILINE)
_NEXT_WORDS = re.compile(r"^[\s,]*(\w+)(?:\s+(\w+))?")
_PREV_WORD = re.compile(r"(\w+)\s*[:,]?\s*$")
#: Scare quotes ("destabilisasi", “informasi baru”) are not speech: fewer words and no attribution.
MIN_UNATTRIBUTED_WORDS = 6


@dataclass
class Quote:
    start: int  # absolute offsets of the quoted text, marks excluded
    end: int
    kind: str  # "name" (speaker named after the verb), "pronoun" (katanya, kata dia), "again" (tambahnya: the
    # speaker goes on), "pre", "none"
    site: int  # "name": offset where the speaker phrase starts; "pre": offset of the reporting verb

    def __contains__(self, offset: int) -> bool:
        return self.start <= offset < self.end


def find_quotes(paragraph: str, offset: int = 0, inner: dict[int, int] | None = None) -> list[Quote]:
    """Quotations of one paragraph (``offset`` = the paragraph's start in the article text). ``inner`` receives the
    offsets of the marks (opening → closing, -1 for none) of a quotation set inside a clause with no speaker tag of its
    own ("AS menuduh Iran "telah
    memasok drone ke Rusia …""): the words are the clause's, read without them (a scare quote's marks stay: its
    few words are a label the writer holds at a distance, "tuduhan "tak berdasar"")."""
    c = cues()
    out: list[Quote] = []
    for m in _QUOTE.finditer(paragraph):
        g = next(i for i in (1, 2, 3, 4, 5, 6) if m.group(i) is not None)
        qs, qe = m.start(g), m.end(g)
        if qe <= qs:
            continue
        after = paragraph[m.end():m.end() + 80]
        kind, site = "none", 0
        w = _NEXT_WORDS.match(after)
        if w and m.end() < len(paragraph):
            first, second = w.group(1), w.group(2)
            classes = c.classes(first)
            if "QuotePronounVerb" in classes and not c.words.get(first.lower(), {}).get("QuoteVerb"):
                kind = "again" if "QuoteGoesOn" in classes else "pronoun"
            elif ("QuoteVerb" in classes or "ReportCue" in classes) and second:
                if "Pronoun3" in c.classes(second):
                    kind = "again" if "QuoteGoesOn" in classes else "pronoun"
                else:
                    kind, site = "name", offset + m.end() + w.start(2)
        if g >= 5 and kind == "none":  # (a single mark)
            continue
        words = len(m.group(g).split())
        if kind == "none":
            before = paragraph[max(0, m.start() - 60):m.start()]
            p = _PREV_WORD.search(before)
            if p and "ReportCue" in c.classes(p.group(1)) and (":" in before[p.end(1):] or words >= MIN_UNATTRIBUTED_WORDS):
                kind, site = "pre", offset + max(0, m.start() - 60) + p.start(1)
        if inner is not None and kind == "none" and g <= 4 and \
                paragraph[:m.start()].rstrip()[-1:].isalnum():  # (a quotation opening after a word of its clause)
            inner[offset + m.start()] = offset + m.end() - 1 if m.end() > qe else -1
        if kind == "none" and words < MIN_UNATTRIBUTED_WORDS:
            continue
        out.append(Quote(offset + qs, offset + qe, kind, site))
    return out
