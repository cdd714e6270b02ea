"""A body's or a firm's first word alone after its full name ("Gasabo Gold Refinery … kilang Gasabo", "RIA Novosti …
RIA"): the body named before, not a person nor a second body. Persons get the same from their surnames
(``kg.resolve.linking``); a name the tagger found alone has no other way to the body it shortens."""

from __future__ import annotations

from kg.cues import cues
from kg.resolve.lookup import gazetteer
from kg.types import Entity, Mention

PLACES = ("GPE", "LOC")


def alias_first_words(links: list[tuple[Mention, str]], entities: dict[str, Entity]) -> None:
    """Relink, in place, each unknown one-word person or body whose word opens exactly one unknown body of two words
    or more named before it in the article (no cue word, no known name): to that body. ``links`` in text order."""
    gaz = gazetteer()
    c = cues()
    opens: dict[str, tuple[str, int] | None] = {}  # first word → (body key, where it is first named); None: two bodies
    for m, k in links:
        words = m.text.split()
        e = entities.get(k)
        if e is None or e.type != "ORG" or k in gaz.entries or len(words) < 2 or not words[0].isalpha() or \
                not words[0][:1].isupper() or c.classes(words[0]):
            continue
        # a name that opens with a known place is shortened by its next word ("Xiamen Limbach Aircraft Engine …
        # Limbach"), where a word follows that one
        first = words[1] if len(words) > 2 and (p := gaz.lookup(words[0])) and gaz.entries[p].type in PLACES and \
            words[1].isalpha() and words[1][:1].isupper() and not c.classes(words[1]) else words[0]
        if first not in opens:
            opens[first] = (k, m.start)
        elif (got := opens[first]) is not None and got[0] != k:
            opens[first] = None
    if not opens:
        return
    relinked = set()
    for n, (m, k) in enumerate(links):
        e = entities.get(k)
        word = m.text.strip()
        if e is None or e.type not in ("PER", "ORG") or k in gaz.entries or " " in word or \
                (got := opens.get(word)) is None or got[0] == k or got[1] > m.start:
            continue
        links[n] = (Mention(m.text, "ORG", m.start, m.end, m.sentence, m.source), got[0])
        relinked.add(k)
    for k in relinked - {k for _, k in links}:
        del entities[k]  # the one-word entity no mention names any more
