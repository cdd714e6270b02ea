"""Known persons whose written name is broken inside, so that the tagger and the gazetteer see only a part of it.

A middle initial: "Sergei G. Tolchenov", "Enrique A. Manalo", "John K Hurley". The tagger ends the name at the
initial ("Sergei G") and the gazetteer finds only the surname; the whole name, less the initial, is the gazetteer's
form of the person ("Sergei Tolchenov"), whom the span names. Only where the surname alone already names that
person: else the name stays as written.

An editor's bracket closed inside the name: "(Presiden Rusia Vladimir) Putin". The first name would be read alone,
holding the title; the words before the bracket and the one after it are the gazetteer's form of the person."""

from __future__ import annotations

import re

from kg.resolve.lookup import Gazetteer, gazetteer
from kg.resolve.names import norm
from kg.types import Doc, Mention, Sentence

#: Capitalised name words, one capital letter (with or without its full stop), then more name words. (Written to
#: open with the capital and a lookbehind for the word's start, not with ``\b`` and a repeat: the engine then
#: skips in a tight loop to each capital instead of trying the whole expression at every character; the
#: same matches.)
_INITIALLED = re.compile(r"([A-Z](?<!\w[A-Z])[\w'’-]+ (?:[A-Z][\w'’-]+ ){0,2})([A-Z])\.? "
                         r"((?:[A-Z][\w'’-]+)(?: [A-Z][\w'’-]+){0,2})")
#: An editor's bracket closed inside a name: "(Presiden Rusia Vladimir) Putin", "(Perdana Menteri Israel Benjamin)
#: Netanyahu": the words before the bracket and the one after it.
#: (Opens with the capital, as ``_INITIALLED`` does.)
_BRACKETED = re.compile(r"([A-Z](?<!\w[A-Z])(?:[\w'’-]+ [A-Z]){0,2}[\w'’-]+)\) ([A-Z][\w'’-]+)")
#: What a sentence holding either must hold (one capital letter between spaces and a capital after; a bracket closed
#: before one): most sentences hold neither, and searching for this first, which opens with a literal the engine skips
#: to, is cheaper than trying the whole pattern at every capital
_INITIAL_HINT = re.compile(r" [A-Z]\.? [A-Z]")
_BRACKET_HINT = ") "


def initialled_mentions(doc: Doc) -> list[tuple[Mention, str]]:
    """(mention over the whole written name, person key) for each name broken by a middle initial or a closing
    bracket (see module) whose other words are a gazetteer person's form."""
    gaz = gazetteer()
    out = []
    for s in doc.sentences:
        out += _initialled(s, gaz) + _bracketed(s, gaz)
    return out


def _initialled(s: Sentence, gaz: Gazetteer) -> list[tuple[Mention, str]]:
    """Names with a middle initial in ``s``: the longest person's form from the initial outwards, where the
    surname alone names that person."""
    out: list[tuple[Mention, str]] = []
    if not _INITIAL_HINT.search(s.text):
        return out
    for m in _INITIALLED.finditer(s.text):
        before, after = m.group(1).split(), m.group(3).split()
        found = None
        for k in range(len(before)):  # the most words before the initial, then the most after it
            for n in range(len(after), 0, -1):
                key = gaz.forms.get(norm(" ".join(before[k:] + after[:n])))
                if key is not None and gaz.entries[key].type == "PER":
                    found = (k, n, key)
                    break
            if found:
                break
        if found is None:
            continue
        k, n, key = found
        start = m.start(1) + sum(len(w) + 1 for w in before[:k])
        end = m.start(3) + len(" ".join(after[:n]))
        if gaz.short.get(after[n - 1]) != key:
            continue  # the surname alone is not the person's ("Brian E. Nelson" stays as written)
        out.append((Mention(s.text[start:end], "PER", s.start + start, s.start + end, s.index, "gazetteer"), key))
    return out


def _bracketed(s: Sentence, gaz: Gazetteer) -> list[tuple[Mention, str]]:
    """Names with an editor's bracket closed inside them in ``s``: the most words before the bracket that, with
    the word after it, are a person's form."""
    out: list[tuple[Mention, str]] = []
    if _BRACKET_HINT not in s.text:
        return out
    for m in _BRACKETED.finditer(s.text):
        before = m.group(1).split()
        for k in range(len(before)):
            key = gaz.forms.get(norm(" ".join(before[k:] + [m.group(2)])))
            if key is not None and gaz.entries[key].type == "PER":
                start = m.start(1) + sum(len(w) + 1 for w in before[:k])
                out.append((Mention(s.text[start:m.end()], "PER", s.start + start, s.start + m.end(), s.index,
                                    "gazetteer"), key))
                break
    return out
