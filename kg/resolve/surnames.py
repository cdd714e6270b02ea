"""A family name the gazetteer's match left behind ("[Pangeran Faisal bin Farhan] Al Saud" is one person), and a
name part of someone named in full earlier, which the tagger missed ("Wang mengatakan …" after "Wang Yi")."""

from __future__ import annotations

import re

from kg.cues import POSSESSIVE, cues
from kg.resolve.lookup import article_forms, gazetteer
from kg.resolve.names import Spans
from kg.types import Doc, Mention


def without_family_tails(kept: list[tuple[Mention, str | None]], text: str) -> list[tuple[Mention, str | None]]:
    """Drop a person span no entry explains that opens with a family article ("Al Saud", "Al-Nahyan") and
    follows a known person with only a space between: the tail of that person's name, which the gazetteer
    matched without it, not a second person ("Pangeran Faisal bin Farhan Al Saud")."""
    c = cues()
    out: list[tuple[Mention, str | None]] = []
    for m, k in kept:
        prev = out[-1] if out else None
        first = m.text.split()[0].split("-")[0] if m.text.split() else ""
        if prev is not None and k is None and m.type == "PER" and prev[1] is not None and prev[0].type == "PER" \
                and prev[0].sentence == m.sentence and text[prev[0].end:m.start] == " " \
                and "FamilyArticle" in c.classes(first.lower()):
            continue
        out.append((m, k))
    return out


def relative_named(text: str, start: int) -> bool:
    """Whether the name at ``start`` is a leader's relative's: after a spouse noun ("beserta istri(nya), Mariko
    Suga") or a kin noun owned by someone ("putranya Nicolas Petro", "putra sulungnya Nicolas Petro"), or with one
    after it ("Laureano Ortega, putra Presiden Daniel Ortega"). A later bare family name means the leader, not the
    relative. ("Istri Presiden X", "putra mahkota X": X is no relative.)"""
    c = cues()
    words = re.findall(r"[\w-]+", text[max(0, start - 40):start])[-2:]

    def kin(word: str, owned: bool) -> bool:
        low = word.lower()
        if owned and not low.endswith(POSSESSIVE):
            return False
        classes = c.classes(low.removesuffix(POSSESSIVE) if owned else low)
        return "KinNoun" in classes and "CircleNoun" not in classes
    if not words:
        return False
    if "SpouseNoun" in c.classes(words[-1]) or kin(words[-1], True):
        return True
    # a kin noun and the word that says which one, owned: "putra sulungnya", "adik kandungnya"
    if len(words) == 2 and kin(words[0], False) and words[1].islower() and words[1].endswith(POSSESSIVE) \
            and not c.classes(words[1]):
        return True
    # the relation told after the name of one a verb or a preposition takes: "… dihadiri Laureano Ortega, putra
    # Presiden Daniel Ortega" (not the story's subject: "Kim Yo Jong, adik perempuan pemimpin Korea Utara, menuding …")
    after = _KIN_AFTER.match(text, start) if words and words[-1].islower() else None
    return after is not None and (kin(after.group(1), False) or "SpouseNoun" in c.classes(after.group(1).lower()))


#: a name (its capitalised words), a comma, then the word after it: "Laureano Ortega, putra …"
_KIN_AFTER = re.compile(r"(?:[A-Z][\w'’.-]*\s){1,4}?[A-Z][\w'’.-]*,\s+(\w+)")


#: what an appositive on a person may hold before the next name: a comma, then words that start in lower case
#: (places may be capitalised), no clause punctuation
_APPOSITIVE = re.compile(r"^\s*,\s*[a-z][^,.;:!?\"“”]{0,80}$")


def described_in(text: str, start: int, person_ends: list[int]) -> bool:
    """Whether the name at ``start`` stands inside an appositive on another person ("Kim Yo Jong, adik perempuan
    pemimpin Korea Utara Kim Jong Un, …"): a name told to describe someone else, whom a later bare family name
    does not mean."""
    return any(e < start and _APPOSITIVE.match(text[e:start]) for e in person_ends if start - e <= 90)


#: (``(?<![\w.-])[A-Z]`` with the capital first: the engine skips to a capital, not tries the assertion everywhere)
_CAPWORD = re.compile(r"[A-Z](?<![\w.-][A-Z])[a-z][\w'’-]*(?![\w-])")


def surname_mentions(doc: Doc, persons: dict[str, str], kept: list, weapons: list) -> list[tuple[Mention, str | None]]:
    """"Wang mengatakan …" after "Wang Yi": a name part of someone named in full earlier, which the
    tagger missed. Only words that are no cue and no other name are taken."""
    c = cues()
    gaz = gazetteer()
    spans = Spans([(m.start, m.end) for m, _ in kept] + [(m.start, m.end) for m, _ in weapons])
    first = {}
    for m, k in kept:
        if m.type == "PER" or (k and gaz.entries[k].type == "PER"):
            for tok in m.text.split():
                first.setdefault(tok, m.start)
                for form in article_forms(tok):  # "Al-Sharaa" after "Ahmed al-Sharaa", and "Sharaa" alone
                    first.setdefault(form, m.start)
    out = []
    parts = [p for p in persons if len(p) >= 2 and p in first]  # what a word must be to be taken
    for s in doc.sentences:
        text = s.text
        if not any(map(text.__contains__, parts)):
            continue  # (most sentences name no one twice: no word of theirs can be taken)
        for w in _CAPWORD.finditer(s.text):
            tok = w.group(0)
            start, end = s.start + w.start(), s.start + w.end()
            if tok not in persons or len(tok) < 2 or first.get(tok, end) >= start or c.classes(tok) \
                    or gaz.lookup(tok) or spans.overlaps(start, end):
                continue
            out.append((Mention(tok, "PER", start, end, s.index, "alias"), None))
    return out
