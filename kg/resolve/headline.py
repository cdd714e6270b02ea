"""Words a title-case headline capitalises: "Menhan Enggan Tanggapi Tuduhan AS", "Junta Militer Enggan Disalahkan"."""

from __future__ import annotations

import re

from kg.cues import cues
from kg.types import Doc, Mention

_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_STOPS = (".", "!", "?", '"', "”", "'", "’")
_CREDIT = re.compile(r"[|·•:/]")


def _title_case(text: str) -> bool:
    """A line with no closing stop and four or more words of which nearly all are capitalised: a headline in
    title case (a sentence of the story full of names ends with its stop)."""
    words = [w for w in _WORD.findall(text) if len(w) > 3]
    return not text.rstrip().endswith(_STOPS) and len(words) >= 4 and \
        sum(w[:1].isupper() for w in words) >= 0.8 * len(words)


def _opening(text: str, i: int) -> bool:
    """Whether the word at ``i`` opens a line, a sentence or a quotation, where any word takes a capital."""
    before = text[:i].rstrip(" ")
    return not before or before[-1] in "\n.!?\"“‘'(:"


def headline_name(text: str, start: int, end: int) -> bool:
    """Whether the name at ``start``..``end`` stands on a title-case line (a headline), where every word is
    capitalised, so that a capitalised neighbour is no sign of a longer name ("Presiden Venezuela Maduro Tuding
    AS"), and no name particle follows it ("Kapal Induk Charles de Gaulle" is a longer name)."""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    after = _WORD.match(text[end:end + 20].lstrip())
    return _title_case(text[a:b if b >= 0 else len(text)]) and not (
        after and {"NameParticle", "FamilyArticle"} & cues().classes(after.group(0).lower()).keys())


def without_headline_words(found: list[Mention], doc: Doc) -> list[Mention]:
    """A span the tagger calls a person inside a title-case headline, none of whose words the article writes
    anywhere else, is the headline's verbs and adverbs in capitals ("Menhan [Enggan Tanggapi] Tuduhan AS"):
    a name the headline gives comes back in the story ("Peskov: …" then "kata Peskov")."""
    text = doc.article.text
    heads = []
    for s in doc.sentences:  # the lines before the story's first sentence with a stop
        if s.text.rstrip().endswith(_STOPS):
            break
        if _title_case(s.text) and not _CREDIT.search(s.text) and \
                not any("BylineLabel" in cues().classes(w) for w in _WORD.findall(s.text)):
            heads.append(s)  # not a credit line ("Penulis: X | Editor: Y", "Rep: X / Red: Y", "X · 18:05 WIB")
    if not heads:
        return found
    inside = [(s.start, s.end) for s in heads]
    rest = list(text)
    for a, b in inside:
        rest[a:b] = " " * (b - a)
    rest = "".join(rest)

    def spots(word: str) -> list[int]:
        return [m.start() for m in re.finditer(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", rest)]

    def elsewhere(word: str) -> bool:  # (at a sentence's or quotation's start only, and in lower case too: a plain word)
        at = spots(word)
        return any(not _opening(rest, i) for i in at) or bool(at) and not spots(word.lower())

    out = []
    for m in found:
        if m.type == "PER" and m.source == "ner" and any(a <= m.start < b for a, b in inside):
            words = m.text.split()
            kept = max((i + 1 for i, w in enumerate(words) if elsewhere(w)), default=0)
            if not kept:
                continue
            if kept < len(words):  # "[Netanyahu] Meradang": the name, then the headline's verb the story never writes
                end = m.start + [w.end() for w in re.finditer(r"\S+", m.text)][kept - 1]
                m = Mention(text[m.start:end], m.type, m.start, end, m.sentence, m.source)
        out.append(m)
    return out

