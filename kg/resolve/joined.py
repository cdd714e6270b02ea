"""Spans the tagger cut in two that are one name: an organisation cut at a connector of a foreign name, a
person cut at a name particle or between two words. And names it missed inside a list it tagged the rest of
(:func:`list_mates`)."""

from __future__ import annotations

import re

from kg.cues import Cues, cues
from kg.resolve.names import Spans, is_name_token
from kg.types import Mention


def joined(found: list[Mention], text: str) -> list[Mention]:
    """"[Armament Research] and [Development Establishment]", "[Institute] for [Security Studies]": two
    organisation spans the tagger cut at a lowercase connector of a foreign name are one name; so are two
    person spans cut at a name particle."""
    c = cues()
    out: list[Mention] = []
    for m in _bracketed_places(sorted(found, key=lambda m: (m.start, -m.end)), text):
        prev = out[-1] if out else None
        if prev is None or prev.end > m.start or m.sentence != prev.sentence:  # a span inside the last one goes
            out.insert(len(out) - (prev is not None and m.end <= prev.end), m)  # before it: what follows joins that
            continue
        gap = text[prev.end:m.start]
        words = gap.split()
        word = gap.strip() if gap[:1] == " " and gap[-1:] == " " and words else ""
        if prev.type == "ORG" and len(words) == 1 and m.text[:1].isupper() and (
                m.type in ("ORG", "PER") and "NameConnector" in c.classes(word)
                or m.type in ("GPE", "LOC") and "PlaceConnector" in c.classes(word)):
            joined = "ORG"  # (a place too after "de": "[Banco Central] de [Venezuela]")
        elif m.type == "PER" and len(words) <= 2 and word.islower() and _particle(words) and \
                (prev.type == "PER" or " " not in prev.text and not c.classes(prev.text)):
            # "[Mansour] bin [Zayed Al Nahyan]", "[Geoffrey] van [Leeuwen]": cut at its particle (the given name
            # may be the tagger's organisation: "[Komisi Eropa Ursula von] [Leyen]" leaves "Ursula" typed ORG)
            joined = "PER"
        elif prev.type == m.type == "PER" and 2 <= len(words) <= 3 and gap[:1] == gap[-1:] == " " and \
                _particle(words[:1]) and all(is_name_token(w) for w in words[1:]):
            joined = "PER"  # "[Sayyid Shihab] bin Tarik [Al Said]": the particle and a father's name it left out
        elif prev.type == m.type == "PER" and gap == " " and prev.source == m.source == "ner":
            joined = "PER"  # "Brigjen [Asep] [Edi Suheri]": a name the tagger cut in two, nothing between
        else:
            out.append(m)
            continue
        out[-1] = Mention(text[prev.start:m.end], joined, prev.start, m.end, prev.sentence, prev.source)
    return out


def _particle(words: list[str]) -> bool:
    """Whether ``words`` are one name particle: a word ("bin", "van") or a phrase of two ("von der", "van den"),
    which the cues hold as a phrase, not as a word."""
    c = cues()
    if len(words) == 1:
        return "NameParticle" in c.classes(words[0])
    return any(n == len(words) and cls == "NameParticle" for n, cls, _ in c.match_phrase(words, 0))


def _bracketed_places(found: list[Mention], text: str) -> list[Mention]:
    """"[Reach Holding Group] (Shanghai) [Company Ltd]": a firm's name with its seat in brackets inside it, the
    part after the bracket opening with a firm suffix, is one organisation (the place is part of the name)."""
    c = cues()
    out: list[Mention] = []
    k = 0
    while k < len(found):
        a = found[k]
        b = found[k + 1] if k + 1 < len(found) else None
        if b is not None and a.type == b.type == "ORG" and a.sentence == b.sentence and \
                _SEAT.fullmatch(text[a.end:b.start]) and "FirmSuffix" in c.classes(b.text.split()[0]):
            out.append(Mention(text[a.start:b.end], "ORG", a.start, b.end, a.sentence, a.source))
            k += 2
            continue
        out.append(a)
        k += 1
    return out


#: a seat in brackets between two parts of one firm's name: " (Shanghai) ", " (Hong Kong) "
_SEAT = re.compile(r" \([A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2}\) ")


#: what may follow the last member of a list: another member, or the list's end
_LIST_GOES_ON = re.compile(r"(?:,|;|\)|\.(?:\s|$)| dan | serta | maupun |$)")


def _common(word: str, lower: set[str]) -> bool:
    """A word the article also writes in lower case (``lower``: its lower-case words), or with a clitic
    ("Puncaknya", "Internasional"): a common word capitalised, no name."""
    low = word.lower()
    return low.endswith("nya") or low in lower


#: a run of one to four name words ("Alrosa", "Gazprom Neft", "Hong Kong Tianle International")
_RUN = re.compile(r"[^\W\d_][\w'’&.-]*(?: [^\W\d_][\w'’&.-]*){0,3}")
#: what joins two members of a list: a comma, "dan", "serta", "maupun", or a comma before one of these
_CONJUNCTIONS = ("dan", "serta", "maupun")
_JOIN = r"(?:, (?:(?:" + "|".join(_CONJUNCTIONS) + r") )?| (?:" + "|".join(_CONJUNCTIONS) + r") )"
#: how the text before a list's later member ends (a cheap test before the search for the member before it)
_JOIN_ENDS = (", ", *(f" {w} " for w in _CONJUNCTIONS))
_AFTER = re.compile(_JOIN + r"(" + _RUN.pattern + r")")
_BEFORE = re.compile(r"(" + _RUN.pattern + r")" + _JOIN + r"$")


def list_mates(found: list[Mention], taken: list[tuple[int, int]], text: str) -> list[Mention]:
    """Mentions for the names the tagger missed inside a list it tagged the rest of: "sanksi menyasar
    [Sovcomflot] dan Alrosa", "[Rosneft], Lukoil serta [Gazprom Neft]". A run of capitalised words joined by a comma
    or a conjunction to a named body or person (in ``found``), no word of it a cue word, nor inside a mention of
    ``found`` or a span of ``taken`` (what the weapon lexicon explains), is one more of the same kind: lists name
    like with like."""
    c = cues()
    covered = Spans(taken + [(m.start, m.end) for m in found])
    added: list[tuple[int, int]] = []
    lower: set[str] = set()  # the article's lower-case words, read once a candidate needs them
    out: list[Mention] = []
    headline = text.find("\n")
    todo = list(found)
    while todo:  # (a member found here finds the next: "[CIBanco], Intercam dan Vector Casa de Bolsa")
        m = todo.pop(0)
        if m.type != "ORG" or m.start < headline or "OrgHead" in c.classes(m.text.split()[0].lower()):
            continue  # (a headline capitalises every word; "Badan Pertambangan, Perminyakan dan Gas": a body's portfolio)
        after = _AFTER.match(text, m.end)
        cands = [(after.start(1), after.end(1), True)] if after else []
        before = _BEFORE.search(text[max(0, m.start - 80):m.start]) \
            if text[max(0, m.start - 8):m.start].endswith(_JOIN_ENDS) else None
        if before:
            base = max(0, m.start - 80)
            cands.append((base + before.start(1), base + before.end(1), False))
        for a, b, later in cands:
            while b > a and text[b - 1] in ".’'-":  # (the sentence's full stop, not the name's)
                b -= 1
            if later:  # (a member after the one found ends at the next join or lower-case word)
                b = a + _name_length(text[a:b], c)
            words = [w for w in text[a:b].split() if is_name_token(w)]  # (not a connector inside: "de")
            if words and not lower:
                lower = set(re.findall(r"(?<![\w-])[a-z][a-z-]*(?![\w-])", text))
            if not words or covered.overlaps(a, b) or any(x < b and a < y for x, y in added) or \
                    "\n" in text[min(a, m.start):max(b, m.end)] or \
                    any(c.classes(w.lower().strip(".")) or _common(w, lower) for w in words) or \
                    not (_LIST_GOES_ON.match(text, b) or later and _by_conjunction(text[m.end:a]) and
                         _lower_next(text, b)) or \
                    not later and _name_length(text[a:b], c) < b - a:  # (a member before it must run up to the join)
                continue
            out.append(Mention(text[a:b], m.type, a, b, m.sentence, "list"))
            todo.append(out[-1])
            added.append((a, b))
    return out


def _by_conjunction(join: str) -> bool:
    """Whether a list's join is a conjunction ("… dan Vector …"), which only the last member follows: a bare comma
    may open an apposition instead ("Pemimpin Hizbullah, Naim Qassem mengatakan …": a person, not a second body)."""
    return any(f" {w} " in f"{join} " for w in _CONJUNCTIONS)


def _lower_next(text: str, b: int) -> bool:
    """Whether a lower-case word follows the list's last member ("… dan Vector Casa de Bolsa karena diduga …"):
    the sentence goes on past the list, and the name ends there."""
    return re.match(r" [a-z]+\b", text[b:b + 20]) is not None


def _name_length(run: str, c: Cues) -> int:
    """How much of a run of words after a list's join is one name: capitalised words and the connectors of a
    foreign name between them ("Vector Casa de Bolsa"), up to a conjunction or another lower-case word ("Intercam
    dan …": the next member)."""
    end = 0
    for w in re.finditer(r"\S+", run):
        if is_name_token(w.group(0)):
            end = w.end()
        elif not (end and "NameConnector" in c.classes(w.group(0))):
            break
    return end
