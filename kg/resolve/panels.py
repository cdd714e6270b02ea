"""UN panels of experts told without their country: "panel ahli PBB", "Kelompok Ahli PBB", later just
"panel". Such a panel monitors one embargo, and an article about it names that embargo's state; the
gazetteer knows each panel by the state it monitors (``kg:monitors``).

Panel reports are where many accusations of arms transfers start, and they are told without their full
names far more often than with them ("Panel Ahli PBB untuk Libya", which the gazetteer finds itself)."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from kg.cues import cues
from kg.resolve.lookup import gazetteer
from kg.resolve.mentions import Tokens, sentence_tokens
from kg.types import Doc, Mention

#: how far after an embargo or sanction word its state may stand ("embargo senjata terhadap Sudan Selatan")
_EMBARGO_REACH = 5


def panel_mentions(doc: Doc, known: list[tuple[Mention, str]], tokens: Tokens | None = None
                   ) -> list[tuple[Mention, str]]:
    """Mentions of the panel that monitors the article's embargoed state, linked to it: a UN panel
    (``kg:ExpertPanel``) opens them, a bare panel noun (``kg:PanelNoun``) later in the article goes on."""
    gaz = gazetteer()
    panels = gaz.panels()
    if not panels:
        return []
    panel_keys = set(panels.values())
    c = cues()
    tokens = tokens or sentence_tokens(doc)
    found: list[tuple[int, int, int, bool]] = []  # (start, end, sentence, a UN panel)
    starts = _starts()
    for s, (toks, words) in zip(doc.sentences, tokens, strict=True):
        if starts.isdisjoint(words):
            continue  # (most sentences name no panel: one set test)
        i = 0
        while i < len(toks):
            if words[i] not in starts:
                i += 1
                continue
            lowers = [w.lower() for w in words[i:i + 6]]
            spans = {cls: n for n, cls, _ in c.match_phrase(lowers, 0)}
            single = c.classes(lowers[0])
            n = spans.get("ExpertPanel", 1 if "ExpertPanel" in single else 0)
            if n:
                end = toks[i + n - 1].end()
                if i + n + 2 < len(toks) and words[i + n] == "(" and words[i + n + 2] == ")" and \
                        _same_body(known, toks[i].start(), end, toks[i + n + 1].start()):
                    end = toks[i + n + 2].end()  # "panel ahli Perserikatan Bangsa-Bangsa (PBB)": one name
                    n += 3
                found.append((toks[i].start(), end, s.index, True))
                i += n
                continue
            n = spans.get("PanelNoun", 1 if "PanelNoun" in single else 0)
            if n and (words[i][:1].islower() or i == 0):  # not a name that starts with it ("Panel Surya …")
                found.append((toks[i].start(), toks[i + n - 1].end(), s.index, False))
                i += n
                continue
            i += 1
    if not any(un for *_, un in found):
        return []  # a panel the article never says is the UN's
    explicit = next((gaz.entries[k].monitors for _, k in known if k in panel_keys), None)
    state = explicit or _monitored(doc, known, tokens, set(panels))  # ("Panel Ahli PBB untuk Libya" first)
    if state is None:
        return []
    key = panels[state]
    text = doc.article.text
    taken = [(m.start, m.end) for m, k in known if k in panel_keys]
    out = []
    opened = False
    for start, end, sentence, un in found:
        opened = opened or un
        if opened and not any(a < end and start < b for a, b in taken):  # ("Panel Ahli PBB untuk Libya": known)
            out.append((Mention(text[start:end], "ORG", start, end, sentence, "gazetteer"), key))
    return out


@lru_cache(maxsize=1)
def _starts() -> frozenset[str]:
    """The words, as written in lower case, title case or capitals, that a panel's name can start with."""
    c = cues()
    first = {w for w, classes in c.words.items() if classes.keys() & _PANEL} | \
        {w for w, entries in c.phrases.items() if any(cls in _PANEL for _, cls, _ in entries)}
    return frozenset(form for w in first for form in (w, w.capitalize(), w.upper()))


_PANEL = {"ExpertPanel", "PanelNoun"}


def _same_body(known: list[tuple[Mention, str]], start: int, end: int, short: int) -> bool:
    """The name in brackets after a panel is the body named inside it ("panel ahli Perserikatan Bangsa-Bangsa
    (PBB)"), not another."""
    inside = {k for m, k in known if start <= m.start and m.end <= end}
    return any(m.start == short and k in inside for m, k in known)


def _monitored(doc: Doc, known: list[tuple[Mention, str]], tokens: Tokens, states: set[str]) -> str | None:
    """The state whose embargo the article is about: one named just after an embargo or sanction noun,
    else the monitored state it names most."""
    gaz = gazetteer()
    c = cues()
    named = [(m, st) for m, k in known if (st := gaz.state_of(k) or k) in states]
    if not named:
        return None
    for toks, words in tokens:
        for i, w in enumerate(words):
            if "SanctionCue" not in c.classes(w.lower()):
                continue
            limit = toks[min(i + _EMBARGO_REACH, len(toks) - 1)].end()
            after = [st for m, st in named if toks[i].end() <= m.start <= limit]
            if after:
                return after[0]
    return Counter(st for _, st in named).most_common(1)[0][0]
