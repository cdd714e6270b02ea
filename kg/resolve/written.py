"""How a gold-format record names a person: as the article writes the full name (default) or by the reference spelling.

Annotators split on it. The gold written by the guidelines' own author (the seeds: "Patrick Ryder"; the construction
cases: "Recep Tayyip Erdogan", "Radoslaw Sikorski", "Vassily Nebenzia") and most session-41 annotators copy the
article's spelling; the dev and check annotators, and most batches since session 53, write English Wikipedia's
("Erdoğan", "Zelenskyy"), which the gazetteer's labels and ``ontology/accents.ttl`` give. The guidelines ask for the
full name, not for a spelling. ``KG_PERSON_NAMES`` is "written" (default: the article's name, but the reference
spelling where the two differ only by accents or periods, which most development annotators restore) or
"reference". The graph is not touched: it labels each entity by its canonical (reference) name, one label across
all articles.

Weapon models are named in the records by the code the article writes whatever the setting ("Shahed-136 drone"
for the listed Shahed drone): every annotator does so.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable

from kg.cues import cues
from kg.nlp import BadSetting
from kg.resolve.lookup import GLUED_ARTICLE, folded
from kg.resolve.names import leading_titles
from kg.types import Entity, Mention
from kg.typos import one_edit
from kg.weapons import lexicon

REFERENCE, WRITTEN = "reference", "written"
PERSON_NAMES = (WRITTEN, REFERENCE)


def person_names() -> str:
    """The naming ``KG_PERSON_NAMES`` selects: "written" (default) or "reference"."""
    name = os.environ.get("KG_PERSON_NAMES", "").strip().lower() or WRITTEN
    if name not in PERSON_NAMES:
        raise BadSetting(f"KG_PERSON_NAMES={name!r}: expected one of {', '.join(PERSON_NAMES)}")
    return name


# cue classes of the words a mention may open with that are no part of the name ("Raja", "Sheikh", "Brigjen")
_NOT_NAME = frozenset({"RoleTitle", "Rank", "PersonNoun", "HeadOfStateTitle", "GovernmentTitle"})
_SUFFIX = re.compile(r"\s[JS]r$")  # "… Jr", "… Sr": an English generational suffix, written with a period
_BARE_INITIAL = re.compile(r"(?<=\S\s)([A-Z])(?=\s\S)")  # a middle initial: one capital letter between two words
_REGNAL = re.compile(r"[IVXL]+")  # "Abdullah II": a regnal name, named by its reference title
_NOT_IN_NAME = re.compile(r"[()\[\]{}/\\,;:\"“”]")  # "(Joe) Biden": a span that took punctuation is no name as written


def _fold(word: str) -> str:
    """``word`` in lower case without its marks, letters with a stroke ("Radosław", "Jørgen", "Yıldız") typed plainly
    too, as the gazetteer folds names (kg.resolve.lookup.folded)."""
    return folded(word.lower())


def _name(text: str, reference: str) -> str | None:
    """The name ``text`` writes for a person whose reference name is ``reference``: the mention without the titles
    it opens with, or None where it names them less than fully. Two words at least, not a regnal name, and not a
    part of the reference name that leaves out its first word (a tagger's span cut at "bin": "Hamad Al Thani"), and
    sharing a word with it (spelled alike or one letter apart)."""
    words = text.split()
    words = words[leading_titles(words, _NOT_NAME):]
    if len(words) < 2 or _REGNAL.fullmatch(words[-1]) or " ".join(words).isupper() or _NOT_IN_NAME.search(text):
        return None
    ref = [_fold(w).rstrip(".") for w in reference.split()]  # ("Trump Jr" is part of "Donald Trump Jr.")
    own = [_fold(w).rstrip(".") for w in words]
    if ref and set(own) <= set(ref) and own[0] != ref[0]:
        return None
    if ref and not any(o == r or len(o) >= 4 and o[0] == r[0] and one_edit(o, r) for o in own for r in ref):
        # another name altogether, a former or assumed one ("Abu Mohammed al-Julani" for Ahmed al-Sharaa, "El Mencho"),
        # not a spelling of the same ("Vassily Nebenzia" for Vasily Nebenzya)
        return None
    return " ".join(words)


def _surname(text: str, reference: str) -> str | None:
    """The reference name with its last word spelled as ``text``, a lone word, writes it ("Zelensky" for "Volodymyr
    Zelenskyy", "Erdogan" for "Recep Tayyip Erdoğan"; "Guler" for a "Güler" nobody listed, whose accents were
    guessed); None where the word is not that surname."""
    words, ref = text.split(), reference.split()
    if len(words) != 1 or not ref or words[0] == ref[-1] or words[0].isupper():
        return None
    if len(ref) == 1:
        return words[0] if _fold(words[0]) == _fold(ref[0]) else None
    own, last = _fold(words[0]), _fold(ref[-1])
    if own == last or len(own) >= 5 and own[0] == last[0] and one_edit(own, last):
        return " ".join([*ref[:-1], words[0]])
    return None


def as_written(entities: dict[str, Entity], links: list[tuple[Mention, str]]) -> dict[str, str]:
    """Each person's name as the fullest form of two or more words the article writes for them, by entity key;
    where the article writes only the surname, the reference name with the surname as written. A person named
    otherwise, or only in capitals, keeps the reference name (no entry)."""
    full: list[tuple[str, str]] = []
    surnames: dict[str, str] = {}
    for m, key in links:
        e = entities.get(key)
        if e is None or e.type != "PER":
            continue
        if (form := _name(m.text, e.canonical)) is not None:
            full.append((key, form))
        elif key not in surnames and (named := _surname(m.text, e.canonical)) is not None:
            surnames[key] = named
    best = {key: _suffix_dot(form) for key, form in {**surnames, **_fullest(full)}.items()}
    # (a form that differs from the reference name only by accents or periods, "Recep Tayyip Erdogan" for "Recep
    # Tayyip Erdoğan", is the reference name typed plainly: the development and check annotators, and most batches
    # since, write the accents, so it keeps the reference spelling, unless the periods are the ones added above to a
    # name nobody listed; of two forms that differ only by hyphens, "Kim Jong-un" and "Kim Jong Un", "Choe Son Hui"
    # and "Choe Son-hui", the one with the syllables apart: every annotator who met one wrote it so)
    return {key: form for key, form in best.items() if form != (canon := entities[key].canonical) and (
        _bare(form) != _bare(canon) or form == _suffix_dot(canon) or _syllable_hyphens(form) < _syllable_hyphens(canon))
        and not _suffixed(form, canon)}


def _suffixed(form: str, canon: str) -> bool:
    """The reference name with a generational suffix the reference leaves off ("Gilberto Teodoro Jr." for the listed
    "Gilberto Teodoro"): the reference names him, as every annotator who met him did (a reference that keeps the
    suffix, "Ferdinand Marcos Jr.", is matched as written)."""
    m = _SUFFIX.search(form.rstrip("."))
    return m is not None and _bare(form[:m.start()]) == _bare(canon)


def _syllable_hyphens(name: str) -> int:
    """Hyphens that join a name's syllables ("Jong-un"), not a family article to its name ("al-Sharaa": English
    glues it, and every annotator keeps the reference "Ahmed al-Sharaa" over the article's "Ahmed Al Sharaa")."""
    return name.count("-") - sum(1 for w in name.split() if GLUED_ARTICLE.match(w))


def _suffix_dot(name: str) -> str:
    """A generational suffix written without its period ("Ferdinand Marcos Jr") with it, as English names it: every
    annotator writes "Jr."; so a middle initial ("Rahul R Singh": Rahul R. Singh; 23 of 24 in the gold sets)."""
    name = _BARE_INITIAL.sub(r"\1.", name)
    return name + "." if _SUFFIX.search(name) else name


def _bare(name: str) -> str:
    """``name`` folded to plain lower-case letters with its periods and hyphens read as spaces: "Kim Jong-un" and
    "Kim Jong Un", "Erdogan" and "Erdoğan", "Jr" and "Jr." alike; a family article in either vowel ("al-Sisi",
    "el-Sisi": kg:FamilyArticle) as one (annotators keep the reference article 6 times in 8)."""
    words = _fold(name).replace(".", " ").replace("-", " ").split()
    return " ".join("-" if "FamilyArticle" in cues().classes(w) else w for w in words)


def weapons_as_written(entities: dict[str, Entity], links: list[tuple[Mention, str]]) -> dict[str, str]:
    """Each weapon model's name as the article writes it (``WeaponLexicon.written``), by entity key: the form of the
    most words, then the one written most often. Every annotator names a model so ("drone Shahed-136" → Shahed-136
    drone, "F-15EX" → F-15EX fighter jet), whichever spelling of persons they keep; the graph keeps the listed
    model, one node for all its variants."""
    lex = lexicon()
    best = _fullest((key, name) for m, key in links if (e := entities.get(key)) is not None and e.type == "WEAPON"
                    and (name := lex.written(" ".join(m.text.split()), key)) is not None)
    return {key: name for key, name in best.items() if name != entities[key].canonical}


def _fullest(named: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Entity key → the name of the most words among those the article gives it, then the one given most often (a
    name mistyped once loses), then the first."""
    counts: dict[str, dict[str, int]] = {}  # (dicts keep the first seen first: max() keeps the first on a tie)
    for key, name in named:
        seen = counts.setdefault(key, {})
        seen[name] = seen.get(name, 0) + 1
    return {key: max(seen, key=lambda f: (len(f.split()), seen[f])) for key, seen in counts.items()}
