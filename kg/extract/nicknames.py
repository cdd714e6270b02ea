"""Nicknames set after a person's name ("Kolonel John Imani Nzenze alias "Mike Bravo", kepala intelijen M23",
"Mohamed Hamdan Dagalo alias Hemedti"): the nickname is the same person again, so the clause is read without it and
the title in apposition, the list's next item or the verb come right after the name."""

from __future__ import annotations

import re

from kg.cues import cues
from kg.types import Mention
from kg.units import CLOSE_QUOTES, OPEN_QUOTES

_WORD = re.compile(r"\s+([\w.]+)\s+")
_NAME_WORD = re.compile(r"[A-Z][\w'’-]*")
_MAX_QUOTED = 40  # characters: a nickname, not a quotation


def nickname_spans(text: str, links: list[tuple[Mention, str]], types: dict[str, str]) -> list[tuple[int, int]]:
    """The spans (alias word through nickname) that follow a person's mention in ``links``; ``types`` maps an
    entity key to its type."""
    c = cues()
    spans = []
    for m, k in links:
        if types.get(k, m.type) != "PER":
            continue
        w = _WORD.match(text, m.end)
        if w is None or "AliasWord" not in c.classes(w.group(1).lower()):
            continue
        a, pos = w.start(1), w.end()
        if text[pos:pos + 1] in OPEN_QUOTES:
            close = next((j for j in range(pos + 1, min(len(text), pos + _MAX_QUOTED)) if text[j] in CLOSE_QUOTES), -1)
            if close < 0:
                continue
            spans.append((a, close + 1))
            continue
        end, words, at = pos, 0, pos
        while words < 3 and (n := _NAME_WORD.match(text, at)) is not None:
            end, words = n.end(), words + 1
            if text[end:end + 1] != " " or not text[end + 1:end + 2].isupper():
                break
            at = end + 1
        if words:
            spans.append((a, end))
    return spans
