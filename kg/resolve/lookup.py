"""The gazetteer: surface forms of known entities → entries, from ``ontology/entities.ttl`` (hand-kept)
and the generated ``ontology/places.ttl`` (CLDR countries and GeoNames cities, ``python -m
kg.train.gazetteer``). Hand-kept entries win wherever both name the same key or surface form."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import kg.cues
from kg import ONTOLOGY_DIR, patterns, vocab
from kg.cache import cached
from kg.cues import cues
from kg.patterns import alternation
from kg.resolve import names as _names
from kg.resolve.headline import headline_name
from kg.resolve.names import norm
from kg.vocab import local_name as _local

if TYPE_CHECKING:
    from rdflib import Graph

#: Gazetteer class → gold entity type.
CLASS_TYPES = {"State": "GPE", "City": "GPE", "Province": "GPE", "Location": "LOC", "Organization": "ORG",
               "Person": "PER"}
ACTOR_TYPES = frozenset({"PER", "ORG", "GPE"})

@dataclass(frozen=True)
class GazEntry:
    key: str
    canonical: str
    type: str
    wikidata: str | None = None
    metonym_for: str | None = None
    located_in: str | None = None
    affiliation: str | None = None
    outlet: bool = False  # a news outlet or a data source: reports claims, never makes them
    monitors: str | None = None  # a UN panel of experts: the state whose embargo it monitors
    alliance: bool = False  # a military alliance of states (kg:Alliance): what "aliansi itu" points back to
    warring: bool = False  # armed forces in a civil war (kg:WarringParty): a party of their own, not their state
    former: bool = False  # a state that no longer exists (kg:FormerState): told of in history, visited by no one now


@dataclass
class Gazetteer:
    """Surface forms → entries, with one compiled regex that finds the longest form first."""

    entries: dict[str, GazEntry] = field(default_factory=dict)
    forms: dict[str, str] = field(default_factory=dict)  # norm(form) → key
    acronyms: dict[str, set[str]] = field(default_factory=dict)  # norm → exact spellings required
    short: dict[str, str] = field(default_factory=dict)  # short name (as written) → key
    #: forms only a generated file gives (places.ttl): kept out of longer names and all-capital words
    weak: set[str] = field(default_factory=set)
    pattern: re.Pattern | None = None
    label_patterns: list[tuple[re.Pattern, str]] = field(default_factory=list)  # kg:labelPattern → key
    #: every kg:labelPattern without its word-boundary checks, as one expression: text it does not
    #: match holds no label pattern. Each full pattern opens with a lookbehind, which makes the
    #: regex engine try it at every position of every sentence (half of ``find``'s time); this one
    #: starts with literals the engine skips to. None: scan with every pattern.
    label_hint: re.Pattern | None = None
    #: a state's armed forces → the state ("militer Myanmar"), found once when the gazetteer is built
    forces: dict[str, str] = field(default_factory=dict)
    #: ``pattern`` for ASCII text in lower case after one space, without ``re.IGNORECASE``: it finds the
    #: same names at the same offsets (a match's start is the text offset of the name, its end one past)
    #: in a third of the time (:func:`_ascii_pattern`). None: always ``pattern``.
    ascii_pattern: re.Pattern | None = None
    _panels: dict[str, str] | None = None  # (built on first ask: see panels)
    state_names: set[str] = field(default_factory=set)  # states' Indonesian names (@id): never weak
    _spelled: dict[str, str] | None = None  # (built on first ask: see spelled_person)
    #: surface found by ``find`` → its norm, the key of that form and whether its case fits (``_case_ok``)
    _surfaces: dict[str, tuple[str, str | None, bool]] = field(default_factory=dict)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, key) of every gazetteer name in ``text`` under the case rules."""
        out = []
        pos = 0
        if self.ascii_pattern is not None and text.isascii():
            # (the character before a name is matched too: the space put first stands for the text's start)
            pattern, haystack, lead = self.ascii_pattern, " " + text.lower(), 1
        else:
            pattern, haystack, lead = self.pattern, text, 0
        while (m := pattern.search(haystack, pos)) is not None:
            start, end = m.start(), m.end() - lead
            surface = text[start:end]
            seen = self._surfaces.get(surface)
            if seen is None:  # (the same names come back sentence after sentence)
                n = norm(surface)
                key = self.forms.get(n)
                seen = (n, key, key is not None and self._case_ok(surface, n))
                if len(self._surfaces) >= 100_000:  # bounded: a long build sees many names
                    self._surfaces.clear()
                self._surfaces[surface] = seen
            n, key, case_ok = seen
            if key is None:
                key = self.short.get(surface)
                if key is not None and inside_longer_name(text, start, end) and not headline_name(text, start, end):
                    key = None  # "Presiden Inggris Tran [Kirby]" is not John Kirby ("[Maduro] Tuding AS" in a headline is)
            elif not case_ok or surface[:1].islower() and not self._forces_here(text, start, key):
                key = None
            elif n in self.weak and (surface.isupper() or
                                     inside_longer_name(text, start, end, self.entries[key].metonym_for is not None)):
                key = None  # "[Florence] Parly", "[Qods] Aviation Industries", "ISNA" is no "Isna"
            if key is not None and start > 1 and text[start - 1] == "-" and _family_name(text, start - 1):
                key = None  # "Abdulkhaliq al-[Houthi]": a given name and a family article make it a person's name
            elif key is not None and start > 1 and text[start - 1] in "'’" and text[start - 2].isalpha():
                key = None  # "David O'[Sullivan]": the name goes on before the apostrophe
            if key is None:  # rejected: a shorter name may start inside ("militer [Ukraina]")
                pos = start + 1
                continue
            if self.entries[key].type == "GPE" and start:
                start = _state_form(text, start)
            elif self.entries[key].type == "PER" and " " in surface:
                end = self._fuller(haystack, pattern, lead, text, start, end, key)
            out.append((start, end, key))
            pos = end
        if self.label_patterns and (self.label_hint is None or self.label_hint.search(text)):
            # "ANTARA News Kalimantan Barat": a longer pattern match wins
            extra = [(m.start(), m.end(), key) for rx, key in self.label_patterns for m in rx.finditer(text)]
            for a, b, key in sorted(extra, key=lambda x: x[0] - x[1]):
                if all(b - a > e - s for s, e, _ in out if s < b and a < e):
                    out = [x for x in out if not (x[0] < b and a < x[1])] + [(a, b, key)]
            out.sort()
        return out

    def _fuller(self, haystack: str, pattern: re.Pattern, lead: int, text: str, start: int, end: int, key: str) -> int:
        """Where a person's name found at ``start`` ends, where a longer form of the same person starts inside it
        ("[Sheikh Tamim] bin Hamad Al Thani": the alias with a title first would leave the rest of the name out)."""
        for sp in [i for i, ch in enumerate(text[start:end]) if ch == " "]:
            m = pattern.match(haystack, start + sp + 1)
            if m is not None and m.end() - lead > end and self.forms.get(norm(text[start + sp + 1:m.end() - lead])) == key:
                return m.end() - lead
        return end

    def _case_ok(self, surface: str, n: str) -> bool:
        if n in self.acronyms:
            return surface.replace(" ", "") in self.acronyms[n]
        if " " not in n:  # "al-Shabaab", "el-Sisi": a lower-case article glued by a hyphen to the name; a brand in
            # camel case ("kumparanNEWS", "iNews") is written as its label is
            return surface[:1].isupper() or GLUED_ARTICLE.match(surface) is not None or \
                surface[1:] != surface[1:].lower() and surface.isalpha()
        if surface[:1].islower():  # "semenanjung Korea" is a place; "militer Myanmar" a state's armed forces
            e = self.entries[self.forms[n]]
            forces = e.type == "ORG" and e.affiliation is not None and "GovernmentNoun" in cues().classes(n.split()[0])
            # "negeri Paman Sam": a state's epithet after the common noun for a country, its own words capitalised
            words = surface.split()
            epithet = e.type == "GPE" and "StateNoun" in cues().classes(words[0].lower()) and \
                all(w[:1].isupper() for w in words[1:])
            return (e.type == "LOC" or forces or epithet) and any(ch.isupper() for ch in surface)
        return any(ch.isupper() for ch in surface)

    def _forces_here(self, text: str, start: int, key: str) -> bool:
        """"militer Myanmar" after a verb, a preposition or a conjunction names the armed forces; inside a
        title or a longer noun phrase ("juru bicara militer Israel", "intelijen militer Ukraina") it
        only qualifies the state's office."""
        if self.entries[key].type == "LOC":
            return True
        m = _prev_word(text, start)
        if m is None:
            return True
        classes = set(cues().classes(m.group(1)))
        return bool(classes) and not classes & {"RoleTitle", "TitleQualifier", "SourceNoun", "PersonNoun",
                                                "OrgHead", "GovernmentNoun"}

    def lookup(self, surface: str) -> str | None:
        """Key of a surface form written exactly as a label (any case), or a known short name."""
        n = norm(surface)
        if n in self.weak and surface.strip().isupper():
            return self.short.get(surface.strip())  # "ISNA" (an agency) is not "Isna" (a generated place)
        return self.forms.get(n) or self.short.get(surface.strip())

    def spelled_person(self, surface: str) -> str | None:
        """A known person written in another transliteration: "Sergey Shoygu" (Sergei Shoigu), "Kim Changbeom"
        (Kim Chang-beom). Names of two words or more only; the folded form must belong to one person alone (a
        middle name is no match: "Hamad Yusuf Khalifa" is not "Hamad bin Isa Al Khalifa")."""
        if len(surface.split()) < 2 or not all(w[:1].isupper() for w in surface.split()):
            return None
        if self._spelled is None:
            self._spelled = {}
            for n, key in self.forms.items():
                if self.entries[key].type == "PER" and " " in n:
                    f = _spelling(n)
                    self._spelled[f] = key if self._spelled.get(f, key) == key else ""
        return self._spelled.get(_spelling(norm(surface))) or None

    def forces_of(self, key: str) -> str | None:
        """The state whose armed forces ``key`` is (a body named "militer X", "tentara X", "angkatan
        bersenjata X" in one of its forms), else None."""
        return self.forces.get(key)

    def panels(self) -> dict[str, str]:
        """State → the UN panel of experts that monitors its embargo."""
        if self._panels is None:
            self._panels = {e.monitors: k for k, e in self.entries.items() if e.monitors}
        return self._panels

    def same_state(self, name: str, other: str) -> bool:
        """Both names stand for one state ("Korea Utara" and "Korut" or "Pyongyang")."""
        a, b = self.lookup(name), self.lookup(other)
        return a is not None and b is not None and self.state_of(a) is not None and self.state_of(a) == self.state_of(b)

    def state_of(self, key: str) -> str | None:
        """The state a place or body stands for or lies in (for visits and ``pemerintahan X``)."""
        e = self.entries.get(key)
        if e is None:
            return None
        if e.type == "GPE" and e.metonym_for is None and e.located_in is None:
            return key
        if e.metonym_for and self.entries[e.metonym_for].type != "GPE":
            return e.located_in  # a body's seat (Brussels) lies in its state; the body is no state
        return e.metonym_for or e.located_in or e.affiliation

    def below_state(self, key: str) -> bool:
        """A known place that lies in (or stands for) a state other than itself: a city or region, which acts
        for no state on its own when it heads a dateline ("Muzaffarabad: …")."""
        return self.state_of(key) not in (None, key)


GLUED_ARTICLE = re.compile(r"[a-z]{1,3}-[A-Z]")


def article_forms(tok: str) -> tuple[str, ...]:
    """The other spellings of a name part with an article glued on ("al-Sharaa"): the article capitalised at will
    ("Al-Sharaa") and the name alone ("Sharaa", "Burhan"); none for any other word."""
    return (tok[:1].swapcase() + tok[1:], tok.split("-", 1)[1]) if GLUED_ARTICLE.match(tok) else ()


#: (possessive: a shorter run would leave a word character, not the space, after it; the engine is spared the
#: backtracking at every character of a long word)
_PREV_WORD = re.compile(r"([\w'’-]++)[ ]$")
_NEXT_WORD = re.compile(r"^[ ]([\w'’-]+)")


def _prev_word(text: str, start: int) -> re.Match | None:
    """The word right before ``start`` and the space after it (``_PREV_WORD``, within 30 characters): searched
    from past the last space before that word, where no match can start earlier, so the engine is spared a
    try at every character of the window (this runs for every name the gazetteer finds)."""
    lo = max(0, start - 30)
    return _PREV_WORD.search(text, max(lo, text.rfind(" ", lo, start - 2) + 1), start)


_ARTICLE_BEFORE = re.compile(r"(?:^|[ ])(\w+)[ ]([A-Za-z]{2,3})$")


def _family_name(text: str, hyphen: int) -> bool:
    """Whether the hyphen at ``hyphen`` glues a family article ("al", "el": kg:FamilyArticle) that follows a
    capitalised given name: "Abdulkhaliq al-Houthi" is a person of that family, "kelompok al-Houthi" the group."""
    m = _ARTICLE_BEFORE.search(text, max(0, hyphen - 40), hyphen)
    return m is not None and m.group(1)[:1].isupper() and "FamilyArticle" in cues().classes(m.group(2).lower()) \
        and not cues().classes(m.group(1).lower())


def _state_form(text: str, start: int) -> int:
    """Where a state's name written in its formal style begins: "Perdana Menteri [Republik] Singapura",
    "Raja [Kerajaan] Belanda" (a capitalised kg:StateFormHead right before it); else ``start``."""
    m = _prev_word(text, start)
    if m is not None and m.group(1)[:1].isupper() and "StateFormHead" in cues().classes(m.group(1).lower()):
        return m.start(1)
    return start


def _forces(gaz: Gazetteer) -> dict[str, str]:
    """Armed forces → their state: an organisation one of whose forms is a body noun and then a name of
    its own state."""
    c = cues()
    out: dict[str, str] = {}
    for form, key in gaz.forms.items():
        e = gaz.entries[key]
        if key in out or e.type != "ORG" or e.affiliation is None or e.warring or " " not in form:
            continue
        head, rest = form.split(" ", 1)  # "militer myanmar": the body noun, then a name of its own state
        if "GovernmentNoun" in c.classes(head) and (state := gaz.state_of(e.affiliation)) \
                and gaz.state_of(gaz.forms.get(rest, "")) == state:
            out[key] = state
    return out


def inside_longer_name(text: str, start: int, end: int, capital: bool = False) -> bool:
    """A capitalised word right before or after that is neither a title nor another known word; a capital
    is not inside one right after a title ("Wali Kota [Tbilisi] Kakha Kaladze": the title's place, then a
    name; "pimpinan Milan Radoicic" is a name)."""
    c = cues()
    prev = _prev_word(text, start)
    if capital and prev and ("RoleTitle" in c.classes(prev.group(1)) or
                             _ends_phrase(text, prev.start(1), c, "RoleTitle")):
        return False
    for m in (prev, _NEXT_WORD.match(text[end:end + 30])):
        if m and m.group(1)[:1].isupper() and not c.classes(m.group(1)) and not _ends_phrase(text, m.start(1), c):
            return True
    return False


def _ends_phrase(text: str, at: int, c, cls: str | None = None) -> bool:
    """Whether the word at ``at`` closes a two-word cue ("Duta [Besar] Nikaragua": a title, not a name), of
    class ``cls`` where one is given."""
    before = text[max(0, at - 30):at].split()
    word = text[at:].split(maxsplit=1)
    return bool(before and word) and any(n == 2 and (cls is None or k == cls)
                                         for n, k, _ in c.match_phrase([before[-1].lower(), word[0].lower()], 0))


#: Gazetteer files in order of precedence: hand-kept entries, then the generated places.
DATA_FILES = ("entities.ttl", "places.ttl")


def load_gazetteer(*paths: Path) -> Gazetteer:
    """Parse gazetteer files (default: ``ontology/entities.ttl``, then ``ontology/places.ttl`` where it
    exists). An earlier file wins: its entries keep their canonical names and claim their forms
    first; a later entry with the same key, or of the same type and named by one of an earlier
    entry's labels ("Rusia" in both), only adds its labels to that entry."""
    if not paths:
        paths = tuple(p for p in (ONTOLOGY_DIR / name for name in DATA_FILES) if p.exists())
    gaz = Gazetteer()
    ordered: list[tuple[str, list[str]]] = []  # (key, labels), one batch per file, in claiming order
    redirect: dict[str, str] = {}
    earlier: dict[str, str] = {}  # norm(label) → key, over the files read so far
    first_file = 0  # entries of the first file in ``ordered``
    label_sources: list[str] = []
    from rdflib import Graph  # only to parse: read from kg.cache (0.1 s an import)

    for n, path in enumerate(paths):
        labels = _parse(Graph().parse(path), gaz, redirect, earlier, label_sources)
        first_file = first_file if n else len(labels)
        for key, names in labels.items():
            for name in names:
                earlier.setdefault(norm(name), key)
        # Specific entries claim a form first: states before the capitals named like them, longer
        # canonical names last so "Intelijen Pertahanan" stays with the body that lists it.
        ordered += sorted(labels.items(), key=lambda kv: (gaz.entries[kv[0]].metonym_for is not None, kv[0]))
    for key, e in list(gaz.entries.items()):  # links to a place merged into an earlier entry
        # (the entry's other fields kept as they are: a kind added to GazEntry is never lost here)
        links = [redirect.get(x, x) if x else x for x in (e.metonym_for, e.located_in, e.affiliation, e.monitors)]
        gaz.entries[key] = replace(e, metonym_for=links[0], located_in=links[1], affiliation=links[2], monitors=links[3])
    for i, (key, labels) in enumerate(ordered):
        for label in labels:
            n = norm(label)
            # a generated name is weak, save a state's name of several words ("Papua Nugini James Marape":
            # a title's state before a name, never part of it)
            # nor a state's own name ("Presiden Rwanda Paul Kagame": Rwanda is no part of a longer name)
            state = gaz.entries[key].type == "GPE" and gaz.state_of(key) == key
            own = state and (" " in n or n == norm(gaz.entries[key].canonical) or n in gaz.state_names)
            if n not in gaz.forms and i >= first_file and not own:
                gaz.weak.add(n)
            gaz.forms.setdefault(n, key)
            compact = label.replace(".", "").replace("-", "")
            if label.isupper() and len(compact) <= 6 or (len(label) <= 4 and label[:1].isupper() and
                                                          not label[1:].islower()):
                gaz.acronyms.setdefault(n, set()).add(label.replace(" ", ""))
    gaz.label_hint = _any_of(label_sources)
    gaz.forces = _forces(gaz)
    for short in list(gaz.short):
        if norm(short) in gaz.forms:  # a label already; the short name must not override it
            del gaz.short[short]
    names = set(gaz.forms) | {norm(s) for s in gaz.short}
    # a hyphen separates names ("Rusia-Korut"), a dot inside a word does not ("TEMPO.CO")
    gaz.pattern = re.compile(rf"(?<![\w.])(?:{alternation(names)})(?![\w]|\.\w)", re.IGNORECASE)
    gaz.ascii_pattern = _ascii_pattern(names)
    return gaz


def _ascii_pattern(names: set[str]) -> re.Pattern | None:
    """The names' pattern for ASCII text in lower case: what ``re.IGNORECASE`` matches there, written out.

    In ASCII text a lower-case form matches its letters in either case, which lower-casing the text
    turns into exact matches; a letter outside ASCII matches no ASCII letter, except those the engine
    folds onto one ("ı" matches "i" and "I"), written here as that letter in the same place of the
    same trie, so the branches are tried in the same order. None where a form holds a character that
    is not lower case (lower-casing the text would not find it).

    The pattern matches the character before the name as well (the text is searched after a space put
    first): ``pattern`` opens with a lookbehind, which the engine tries at every character; one that
    opens with a character class is tried only where that class matches, which the engine finds in a
    tight loop. In ASCII text ``\\w`` is ``[0-9A-Za-z_]``, written out so the class is a bitmap."""
    spell: dict[str, str] = {}
    for ch in {ch for form in names for ch in form}:
        if ch != ch.lower():
            return None
        if not ch.isascii():
            same = [a for a in map(chr, range(128)) if re.fullmatch(re.escape(ch), a, re.IGNORECASE)]
            if same:
                lowers = {a.lower() for a in same}
                if len(lowers) > 1:
                    return None
                spell[ch] = re.escape(lowers.pop())
    return re.compile(rf"[^0-9A-Za-z_.](?:{alternation(names, spell)})(?![\w]|\.\w)")


def _any_of(patterns: list[str]) -> re.Pattern | None:
    """One expression matching wherever any of ``patterns`` does (None when they cannot be joined:
    a group name used twice)."""
    try:
        return re.compile("|".join(f"(?:{rx})" for rx in patterns))
    except re.error:
        return None


def _parse(g: Graph, gaz: Gazetteer, redirect: dict[str, str], earlier: dict[str, str],
           label_sources: list[str]) -> dict[str, list[str]]:
    """Entries of one file into ``gaz`` (entries of earlier files win); key → its labels to claim;
    the kg:labelPattern expressions as written go to ``label_sources``."""
    from rdflib import OWL, RDF, Namespace
    from rdflib.namespace import SKOS

    KG = Namespace(vocab.KG)
    labels: dict[str, list[str]] = {}
    for subject in sorted(set(g.subjects(SKOS.inScheme, KG.EntityScheme))):
        key = _local(subject)
        etype = next((CLASS_TYPES[_local(c)] for c in g.objects(subject, RDF.type) if _local(c) in CLASS_TYPES), None)
        if etype is None:
            continue
        unsafe = {norm(str(x)) for x in g.objects(subject, KG.unsafeLabel)}
        names = [str(x) for p in (SKOS.prefLabel, SKOS.altLabel) for x in g.objects(subject, p)
                 if norm(str(x)) not in unsafe]
        if etype == "PER":  # Indonesian reporting writes "Vucic", "Touadera": a name's letters without marks
            names += [f for f in dict.fromkeys(folded(x) for x in names) if f not in names]
        if (subject, RDF.type, KG.State) in g:  # a state's Indonesian name ("Ekuador"): never part of a person's
            gaz.state_names.update(norm(str(x)) for p in (SKOS.prefLabel, SKOS.altLabel)
                                   for x in g.objects(subject, p) if getattr(x, "language", None) == "id")
        if key in gaz.entries:  # an earlier file has this key: more labels if it is the same kind of thing
            if gaz.entries[key].type == etype:
                labels.setdefault(key, []).extend(names)
            continue
        target = next((k for k in (earlier.get(norm(x)) for x in names) if k and gaz.entries[k].type == etype), None)
        if target is not None:  # an earlier file names it ("Rusia"): more labels for that entry, nothing else
            redirect[key] = target
            labels.setdefault(target, []).extend(names)
            continue
        en = [str(x) for x in g.objects(subject, SKOS.prefLabel) if x.language == "en"]
        qid = next((_local(x) for x in g.objects(subject, OWL.sameAs) if "wikidata" in str(x)), None)
        links = [next((_local(x) for x in g.objects(subject, p)), None)
                 for p in (KG.metonymFor, KG.locatedIn, KG.affiliation)]
        outlet = (subject, RDF.type, KG.NewsOutlet) in g or (subject, RDF.type, KG.DataSource) in g  # reports only
        monitors = next((_local(x) for x in g.objects(subject, KG.monitors)), None)
        gaz.entries[key] = GazEntry(key, en[0] if en else key.replace("_", " "), etype, qid, *links, outlet, monitors,
                                    (subject, RDF.type, KG.Alliance) in g, (subject, RDF.type, KG.WarringParty) in g,
                                    (subject, RDF.type, KG.FormerState) in g)
        labels[key] = names
        for short in g.objects(subject, KG.shortName):
            gaz.short[str(short)] = key
            if etype == "PER":
                gaz.short.setdefault(folded(str(short)), key)
        for rx in g.objects(subject, KG.labelPattern):
            gaz.label_patterns.append((re.compile(rf"(?<![\w.])(?:{rx})(?![\w])"), key))
            label_sources.append(str(rx))
    return labels


#: letters that carry no combining mark to drop but are written plain all the same
_PLAIN = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "ß": "ss",
                        "æ": "ae", "Æ": "Ae", "œ": "oe", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th"})


def folded(name: str) -> str:
    """A name without diacritics, as the Latin alphabet of Indonesian writes it ("Vučić" → "Vucic",
    "Błaszczak" → "Blaszczak")."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", name.translate(_PLAIN))
                   if not unicodedata.combining(ch))


def _spelling(n: str) -> str:
    """A lower-case name as its transliterations agree: y as i, no hyphens, apostrophes or spaces."""
    return re.sub(r"[\s'’-]+", "", folded(n)).replace("y", "i")


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shared gazetteer, parsed once per process and kept between processes (``kg.cache``: parsing
    ~600 KB of Turtle costs ~1.3 s in every worker)."""
    code = [Path(__file__), Path(_names.__file__), Path(patterns.__file__), Path(kg.cues.__file__)]
    return cached("gazetteer", [ONTOLOGY_DIR / name for name in DATA_FILES] + [ONTOLOGY_DIR / "cues.ttl", *code],
                  load_gazetteer)
