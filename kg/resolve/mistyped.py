"""A person's full name the tagger typed as a place or a body, whose surname it tags as a person elsewhere in the
article ("[Gopal Baglay]LOC … kata [Baglay]PER"): the full name is that person's."""

from __future__ import annotations

from kg.cues import cues
from kg.resolve.lookup import gazetteer
from kg.resolve.names import is_name_token
from kg.types import Mention


def persons_mistyped(kept: list[tuple[Mention, str | None]]) -> list[tuple[Mention, str | None]]:
    """``kept`` with each unknown place or body of two to four plain name words (no cue word, no known name, no
    capitals-only acronym) retyped PER where its last word stands alone, unknown, as a person elsewhere: a
    surname repeated alone is how a story goes on about a person, never about a place or a body."""
    c = cues()
    gaz = gazetteer()
    surnames = {m.text.strip() for m, k in kept if k is None and m.type == "PER" and " " not in m.text.strip()}
    out: list[tuple[Mention, str | None]] = []
    for m, k in kept:
        words = m.text.split()
        if k is None and m.type in ("LOC", "GPE", "ORG") and 2 <= len(words) <= 4 and words[-1] in surnames and \
                all(is_name_token(w) and not w.isupper() and not c.classes(w) for w in words) and \
                gaz.lookup(m.text) is None:
            m = Mention(m.text, "PER", m.start, m.end, m.sentence, m.source)
        out.append((m, k))
    return out


def no_word_persons(kept: list[tuple[Mention, str | None]]) -> list[tuple[Mention, str | None]]:
    """``kept`` without the persons the tagger made of one capitalised common word ("Wakil Menteri Keuangan untuk
    [Terorisme] dan Intelijen Keuangan Brian Nelson", "Jurnalis", "Panel"): a word of the cue lexicon that no
    known name holds is no one's name."""
    c = cues()
    gaz = gazetteer()
    return [(m, k) for m, k in kept if not (
        k is None and m.type == "PER" and m.source == "ner" and " " not in (t := m.text.strip()) and
        c.classes(t.lower()) and gaz.lookup(t) is None)]
