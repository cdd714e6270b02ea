"""Names spelled out before a bracketed acronym ("Empresa Aeronáutica Nacional S.A. (EANSA)")."""

from __future__ import annotations

import re

from kg.cues import cues
from kg.resolve.lookup import gazetteer
from kg.resolve.names import Spans, acronyms, initials, slug
from kg.types import Doc, Entity, Mention

_BRACKETED = re.compile(r"\(([A-Z][A-Za-z0-9]{1,7})\)")


def spelled_out(doc: Doc, known: list[tuple[Mention, str]]) -> list[Mention]:
    """"Empresa Aeronáutica Nacional S.A. (EANSA)": the capitalised words before a bracketed acronym whose initials
    spell it are one body's name (not "Pemerintah Korea Utara (Korut)": a state under two of its names)."""
    c = cues()
    text = doc.article.text
    taken = Spans((m.start, m.end) for m, _ in known)
    out = []
    for s in doc.sentences:
        for m in _BRACKETED.finditer(text, s.start, s.end):
            short = m.group(1)
            words = list(re.finditer(r"\S+", text[s.start:m.start()]))
            for k in range(len(words) - 1, max(-1, len(words) - 2 * len(short) - 2), -1):
                w = words[k].group(0)
                if not w[:1].isupper() and not c.classes(w).keys() & {"NameConnector", "Conjunction"}:
                    break  # a lowercase word that joins no name ends the run
                start, end = s.start + words[k].start(), s.start + words[-1].end()
                # "Tentara Nasional Libia (LNA)": a body's name in Indonesian, whose initials need not spell
                # the acronym of its English name (the acronym tells which body: kg.resolve.linking)
                body = k < len(words) - 1 and w[:1].isupper() and \
                    bool(c.classes(w.lower()).keys() & {"OrgHead", "GovernmentNoun"}) and \
                    all(x.group(0)[:1].isupper() for x in words[k:]) and (k == 0 or not words[k - 1].group(0)[:1].isupper())
                if body and gazetteer().same_state(text[s.start + words[k + 1].start():end], short):
                    break
                if w[:1].isupper() and (short.upper() in acronyms(text[start:end]) or body):
                    # (not "Kepala Staf Angkatan Udara (KSAU)": a title spelled out is no organisation; a known
                    # name inside it, "Islamic Republic of Iran [Shipping Lines] (IRISL)", loses to it, the longer)
                    titled = any(cls in ("RoleTitle", "Rank") for _, cls, _ in
                                 c.match_phrase([x.group(0).lower() for x in words[k:]], 0))  # "Perdana Menteri (PM)"
                    if not taken.covers(start, end) and not c.classes(w.lower()).keys() & {"RoleTitle", "Rank"} \
                            and not titled:
                        out.append(Mention(text[start:end], "ORG", start, end, s.index, "pattern"))
                    break
    return out


def typed(m: Mention, etype: str) -> Mention:
    """``dataclasses.replace(m, type=etype)`` at a fifth of its cost (resolution retypes every link twice);
    ``m`` itself where it has that type already (a Mention is frozen: the copy would be equal)."""
    if m.type == etype:
        return m
    return Mention(m.text, etype, m.start, m.end, m.sentence, m.source)


def alias_parentheticals(text: str, links: list[tuple[Mention, str]], entities: dict[str, Entity]) -> None:
    """"Dewan Keamanan Nasional (NSC)": an acronym in brackets after a name is the same entity."""
    _untagged_acronyms(text, links, entities)
    for i in range(len(links) - 1):
        (a, ka), (b, kb) = links[i], links[i + 1]
        between = text[a.end:b.start].strip()
        if ka == kb or between not in ("(", "/") or not text[b.end:b.end + 2].lstrip().startswith(")"):
            continue
        long_, short = (a, b) if len(a.text) >= len(b.text) else (b, a)
        k_long, k_short = (ka, kb) if long_ is a else (kb, ka)
        if not short.text.replace(".", "").isupper() or " " not in long_.text and not _letters_of(short.text, long_.text):
            continue  # (one word will do where the acronym's letters are its own: "Promsvyazbank (PSB)")
        if between == "/" and (short is a or not text[:a.start].rstrip().endswith("(")):
            continue  # "(National Resistance Forces/NRF)": a name and its acronym, slashed inside the brackets
        unknown_short = k_short == slug(short.text) and entities[k_short].canonical == short.text
        unknown_long = k_long == slug(long_.text) and entities[k_long].canonical == " ".join(long_.text.split()) \
            and long_.source != "gazetteer"
        # a name this article made, as written or rendered in English ("Tentara Nasional Libia": "Libia National Army")
        made_long = unknown_long or k_long not in gazetteer().entries and long_.source != "gazetteer"
        if unknown_short and not unknown_long:
            # an unknown acronym after a known name: "Dewan Keamanan Nasional (NSC)"; the acronym names it for
            # the rest of the article too ("Angkatan Udara Peru (FAP) … Komandan FAP …")
            _relink(links, entities, k_short, k_long)
        elif unknown_long and unknown_short and (short.text.replace(".", "") in acronyms(long_.text) or
                                                 " " not in long_.text):
            # both new: "Pishgam Electronic Safeh Company (PESC)", "Empresa Aeronautica Nacional SA (EANSA)";
            # the acronym names it for the rest of the article too
            _relink(links, entities, k_short, k_long)
        elif made_long and not unknown_short and initials(long_.text).upper() == short.text.replace(".", "") and \
                _other_expansion(long_.text, entities[k_short].canonical):
            # "Naftna Industrija Srbije (NIS)": the article spells out an acronym a known body has as well (Korea's
            # National Intelligence Service); here it names the article's body, wherever the article writes it
            _relink(links, entities, k_short, k_long)
        elif made_long and not unknown_short and long_ is a and long_.source == "pattern" and \
                entities[k_short].type == "ORG" and entities[k_long].type == "ORG":
            # "Tentara Nasional Libia (LNA)": a body's Indonesian name before the acronym of a known body
            links[i] = (long_, k_short)
            if all(k != k_long for _, k in links):
                entities.pop(k_long, None)
        elif made_long and not unknown_short and initials(long_.text).upper() == short.text.replace(".", ""):
            # a spelled-out acronym: "MLRS (Multiple Launch Rocket Systems)"
            links[i if long_ is a else i + 1] = (typed(long_, entities[k_short].type), k_short)
            if all(k != k_long for _, k in links):
                entities.pop(k_long, None)


def _other_expansion(long_: str, known: str) -> bool:
    """Whether ``long_`` spells out the same initials as the known name ``known`` but in other words (its first word
    differs): another name the acronym stands for."""
    def first(name: str) -> str:
        return next(iter(re.findall(r"[A-Za-z][\w'-]*", name)), "").lower()
    return initials(long_).upper() == initials(known).upper() and first(long_) != first(known)


def _letters_of(short: str, long_: str) -> bool:
    """Whether the acronym ``short`` takes its letters in order from the one word ``long_``, the first its first."""
    letters, word = short.replace(".", "").lower(), long_.lower()
    if not letters or not word.startswith(letters[0]):
        return False
    k = 0
    for ch in word:
        if k < len(letters) and ch == letters[k]:
            k += 1
    return k == len(letters)


#: an acronym set in brackets after the name it stands for: "(CCG)"
ACRONYM_IN_BRACKETS = re.compile(r"\(([A-Z]{2,6})\)")
_ALONE = re.compile(r"\s*" + ACRONYM_IN_BRACKETS.pattern)


def _untagged_acronyms(text: str, links: list[tuple[Mention, str]], entities: dict[str, Entity]) -> None:
    """"Promsvyazbank (PSB) … PSB sendiri …": an acronym in brackets after an organisation's name that no mention
    covers names that organisation wherever the article writes it alone later, as an unknown name."""
    starts = {m.start for m, _ in links}
    alias: dict[str, str] = {}
    for m, k in links:
        hit = _ALONE.match(text, m.end)
        if hit and entities.get(k) is not None and entities[k].type == "ORG" and hit.start(1) not in starts \
                and _letters_of(hit.group(1), entities[k].canonical.replace(" ", "")):
            alias.setdefault(hit.group(1), k)
    for acronym, key in alias.items():
        if (unknown := slug(acronym)) != key and any(k == unknown for _, k in links):
            _relink(links, entities, unknown, key)


def _relink(links: list[tuple[Mention, str]], entities: dict[str, Entity], old: str, new: str) -> None:
    """Every link to ``old`` goes to ``new``, typed as it, and ``old`` leaves the entities: one name for both."""
    for n, (m, k) in enumerate(links):
        if k == old:
            links[n] = (typed(m, entities[new].type), new)
    entities.pop(old, None)
