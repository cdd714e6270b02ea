"""A state's body written in lower case right after a title: "juru bicara kementerian luar negeri China Zhao
Lijian", "kepala kementerian pertahanan Latvia". News copy often leaves a body's name uncapitalised inside a
title; the body template's form (``kg:OrgTemplate``) right before a known state still names that state's body,
which the holder of the title serves (the state alone would lose the ministry)."""

from __future__ import annotations

import re

from kg.cues import Cues, cues
from kg.types import Doc, Mention

#: Cue classes of the word or phrase right before the body: a title or an official's noun ("pejabat").
_TITLE_CLASSES = ("RoleTitle", "SourceNoun")


def titled_bodies(doc: Doc, states: dict[int, Mention], tokens: list[tuple[list[re.Match], list[str]]]) -> list[Mention]:
    """Organisations named by a lower-case template form between a title and a known state (``states``: the
    state mentions by start offset), each spanning the form and the state."""
    c = cues()
    text = doc.article.text
    templates = c.templates
    longest = max((len(f.split()) for f in templates), default=0)
    firsts = {f.split()[0] for f in templates}  # (most words open no form: the title test is spared them)
    out = []
    for s, (toks, words) in zip(doc.sentences, tokens, strict=True):
        for i in range(1, len(toks)):
            if words[i] not in firsts or not words[i].islower() or not _after_title(words, i, c):
                continue
            for j in range(min(len(toks) - 1, i + longest), i, -1):  # the longest form first
                if toks[j].start() not in states:
                    continue
                if all(w.islower() for w in words[i:j]) and " ".join(words[i:j]) in templates:
                    m = states[toks[j].start()]
                    out.append(Mention(text[toks[i].start():m.end], "ORG", toks[i].start(), m.end, s.index, "pattern"))
                    break  # (a state that ends no form, "… Latvia ke Estonia", is passed over for a nearer one)
    return out


def _after_title(words: list[str], i: int, c: Cues) -> bool:
    """Whether the word before ``i`` ends a title or an official's noun ("juru bicara", "kepala", "pejabat")."""
    if any(cls in c.classes(words[i - 1].lower()) for cls in _TITLE_CLASSES):
        return True
    return i >= 2 and any(n == 2 and cls in _TITLE_CLASSES
                          for n, cls, _ in c.match_phrase([words[i - 2].lower(), words[i - 1].lower()], 0))
