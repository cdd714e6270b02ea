"""WEAPON mentions from the SKOS scheme in ``ontology/weapons.ttl``.

No NER corpus labels weapons, so they come from a user-extensible lexicon: every prefLabel and
altLabel is a surface form (an Indonesian one also in its reduplicated plural, "rudal-rudal");
matching is case-insensitive, on token boundaries, longest first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg import ONTOLOGY_DIR, patterns
from kg.cache import cached
from kg.cues import POSSESSIVE, cues
from kg.patterns import alternation
from kg.vocab import KG
from kg.vocab import local_name as _local

#: a military code: letters, a hyphen, a number and its variant letters ("F-16V", "Su-30MKA", "F/A-18E/F")
_CODE = re.compile(r"(?<![\w/-])(?:[A-Z][A-Za-z]{0,3}/)?[A-Z][A-Za-z]{0,3}-\d\w*(?:/[A-Z]\b)?(?![\w/])")
#: a model designation's word: capitalised ("Zephyr", "TB2") or, after the first, a code that opens with a digit
#: ("Type 214"; first, a number is a quantity or calibre: "bom 500 pon")
_MODEL_WORD = re.compile(r"(?:[A-Z][\w/.-]*|\d[\w/.-]*)(?<![.-])")
#: the places and organisations of ontology/entities.ttl: one after a weapon word is its owner or maker ("drone
#: Turki", "tank UPDF", "kapal selam AUKUS"), not a model
_PLACE_BLOCK = re.compile(r"(?m)^kge:\S+ a kg:(State|City|Province|Location|Organization)\b(?:[^\n]*\n(?!kge:))*[^\n]*")
_LABEL = re.compile(r'"([^"]+)"@(?:id|en)')
#: cue classes of the nouns whose weapon word a firm's name follows ("produsen drone Kupol", "galangan kapal X")
_FIRM_BEFORE = frozenset({"FirmNoun", "FirmDescriptor"})
#: what joins a list's next model: a comma or a word (a conjunction, ontology/cues.ttl), then one space
_JOINT = re.compile(r"(?:,|\s+(\S+)) (?=\S)")
#: cue classes of words that open a body's or place's name, no model's ("kapal selam Angkatan Laut India",
#: "sistem pertahanan udara Barat")
_NAME_HEADS = frozenset({"OrgHead", "StateBody", "GovernmentNoun", "ForcesNoun", "LocationHead"})
#: a capitalised word just before: the name is the end of another one, or (in brackets) its acronym
#: ("Angkatan Pertahanan Rakyat Zamora (APRZ)")
_AFTER_NAME = re.compile(r"\b[A-Z][\w.-]* \(?$")
#: the words after a type's words that may be its modifiers ("roket jarak jauh.")
_FOLLOWING = re.compile(r"(?: [\w-]+){1,3}")
#: what a model's words may be joined by after the type noun: one space
_GAP = re.compile(r" (?=\S)")


@dataclass(frozen=True)
class WeaponConcept:
    key: str  # IRI local name, e.g. "artillery_ammunition"
    canonical: str  # prefLabel@en
    broader: str | None  # key of the broader concept
    maker: str | None = None  # entity key of the state the model is made in (kg:madeIn)
    kind: str | None = None  # "munition" (kg:Munition) or "platform" (kg:WeaponPlatform); below them: inherited
    unmodelled: bool = False  # kg:Unmodelled: no model name follows its words ("senjata Hamas" is the owner's)
    described: bool = False  # made of the concept below it and modifiers ("lethal weapons"): its head is that one's


class WeaponLexicon:
    """Surface form → concept, plus one compiled regex that finds the longest forms first."""

    def __init__(self, path: Path | None = None) -> None:
        from rdflib import Graph, URIRef  # only to parse: the lexicon is read from kg.cache (0.1 s an import)
        from rdflib.namespace import RDF, SKOS

        made_in, lookalike, unmodelled_type, name_prefix, designation = (
            URIRef(KG + name) for name in ("madeIn", "lookalike", "Unmodelled", "namePrefix", "designation"))
        kinds = {URIRef(KG + "Munition"): "munition", URIRef(KG + "WeaponPlatform"): "platform"}
        path = path or ONTOLOGY_DIR / "weapons.ttl"
        g = Graph().parse(path)
        self.concepts: dict[str, WeaponConcept] = {}
        self.forms: dict[str, str] = {}
        for concept in set(g.subjects(SKOS.inScheme, None)):
            key = _local(concept)
            en = [str(label) for label in g.objects(concept, SKOS.prefLabel) if label.language == "en"]
            broader = next((_local(b) for b in g.objects(concept, SKOS.broader)), None)
            maker = next((_local(m) for m in g.objects(concept, made_in)), None)
            kind = next((kinds[t] for t in g.objects(concept, RDF.type) if t in kinds), None)
            unmodelled = (concept, RDF.type, unmodelled_type) in g
            self.concepts[key] = WeaponConcept(key, en[0] if en else key.replace("_", " "), broader, maker, kind,
                                               unmodelled)
            for prop in (SKOS.prefLabel, SKOS.altLabel):
                for label in g.objects(concept, prop):
                    form = _norm(str(label))
                    self.forms.setdefault(form, key)
                    if label.language == "id":
                        # the Indonesian plural doubles the head noun: "rudal-rudal balistik", "tank-tank"
                        first, _, rest = form.partition(" ")
                        if first.isalpha() and len(first) >= 3:
                            self.forms.setdefault(f"{first}-{first} {rest}".strip(), key)
                        if not rest and form.isalpha() and len(form) >= 4:
                            # a possessive enclitic on a one-word form: "rudal … beserta peluncurnya"
                            self.forms.setdefault(form + POSSESSIVE, key)
        #: the forms the ontology lists; models made from an article's words (``named``) add to ``forms`` only,
        #: and nothing that reads one article may depend on what an earlier article made
        self.listed = frozenset(self.forms)
        # phrases that hold a weapon word but name none ("gencatan senjata"): matched with the forms, then dropped
        # words that open a named ship's or unit's name ("KRI", "USS"): what follows names no model
        self.name_prefixes = frozenset(str(p) for p in g.objects(None, name_prefix))
        #: how a designation family's codes open (lower case) → the type it names ("f-" → fighter_jet)
        self.designations: dict[str, str] = {}
        #: how a maker's designation system's codes open (lower case) → the state (kg:DesignationFamily)
        self.family_makers: dict[str, str] = {}
        for c, p in g.subject_objects(designation):
            if (made := g.value(c, made_in)) is not None:
                self.family_makers[str(p).lower()] = _local(made)
            else:
                self.designations[str(p).lower()] = _local(c)
        self.lookalikes = {_norm(str(p)) for p in g.objects(None, lookalike)} - set(self.forms)
        self.places, self.bodies = _places(path.parent / "entities.ttl")
        self.places |= _places(path.parent / "places.ttl", kinds=("State",))[0]  # every state CLDR names ("Uganda")
        self.body_words = frozenset(w for label in self.bodies for w in label.split())
        found = alternation({**self.forms, **dict.fromkeys(self.lookalikes, "")})
        self.pattern = re.compile(rf"(?<![\w-])(?:{found})(?![\w-])", re.IGNORECASE)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, concept key) for every weapon mention in ``text``."""
        return [(m.start(), m.end(), key) for m in self.pattern.finditer(text)
                if (key := self.forms.get(_norm(m.group(0)))) is not None]  # (a look-alike has no key)

    def named(self, text: str, found: list[tuple[int, int, str]], blocked: Iterable[tuple[int, int]],
              seen: dict[str, str]) -> list[tuple[int, int, str]]:
        """``found`` (``find``'s answer for ``text``) with the models nobody listed: a type's words followed by a
        model-like name ("rudal Zephyr-9", "drone Kestrel", "howitzer K7 Storm") become one mention of a concept
        "<Model> <type>" below the type, made on first use; a name such a mention introduced (``seen``: name →
        key, kept over an article's sentences) is the model again where it stands alone later. ``blocked``:
        spans the tagger read as places or states ("drone Turki" is Turkey's drone, not a model). In a
        headline in title case only a name with a digit counts (there every word is capitalised)."""
        blocked = list(blocked)
        words = [w for w in text.split() if len(w) > 3 and w.isalpha()]
        titled = len(words) >= 4 and sum(w[:1].isupper() for w in words) >= 0.8 * len(words)
        starts = {s for s, _, _ in found}
        out: list[tuple[int, int, str]] = []
        for s, e, key in found:
            concept = self.concepts.get(key)
            if concept is not None and self._unmodelled(key) and not titled and not _listed_model(concept):
                out.append(self._modified(text, s, e, _modifiers(text, e), key))  # "senjata mematikan"
                continue
            if concept is None or self._unmodelled(key) or _listed_model(concept) \
                    or _FIRM_BEFORE & cues().classes(_word_before(text, s)).keys() \
                    or (s > 0 and not titled and text[s:e].istitle()):
                # "produsen drone Kupol": the name is the maker's; "Small Arms Survey": the type's words open a name;
                # after a listed model ("FA-50 Angkatan Udara") a capitalised word is no part of it
                out.append((s, e, key))
                continue
            if (ship := re.match(r" (\S+) ", text[e:])) and ship.group(1) in self.name_prefixes:
                # "kapal induk USS Falconer": one vessel of the type, its name in the mention (no person's, no
                # body's), no model
                end = self._designation(text, e + ship.end() - 1, starts, blocked)
                out.append((s, end, key))
                self.forms.setdefault(_norm(text[s:end]), key)
                continue
            modifiers = _modifiers(text, e)  # "jet tempur generasi kelima KAAN": the modifiers describe the type
            after = _past(e, modifiers)
            name_at, suffix = self._maker_end(text, after, starts, blocked), ""
            if (noun := re.match(r" (\S+)(?= \S)", text[after:])) and {"DesignationNoun", "ClassNoun"} & \
                    cues().classes(noun.group(1).lower()).keys():  # "fregat kelas Zeta", "drone varian Kestrel"
                name_at = after + noun.end()
                suffix = "-class" if "ClassNoun" in cues().classes(noun.group(1).lower()) else ""
            end = self._designation(text, name_at, starts, blocked)
            if titled and (coded := re.match(r".*\d\S*", text[name_at:end])):
                end = name_at + coded.end()  # "Jet Tempur KF-77 Boramae Diluncurkan": every word is capitalised
            name = text[name_at:end].strip() + suffix if end > name_at else ""
            first, _, rest = name.partition(" ")
            if rest and not _CODE.fullmatch(first) and _CODE.fullmatch(code := rest.split()[0]) \
                    and _opening(code, self.designations):
                name = rest  # "jet Sukhoi Su-79": a maker's name before a family's code is no part of the model
            if not name or (titled and not any(ch.isdigit() for ch in name)):
                out.append(self._modified(text, s, e, modifiers, key))  # "roket jarak jauh": a long-range rocket
                continue
            out.append((s, end, self._model(text[s:end], name, key, seen)))
            while (joint := _JOINT.match(text, end)) and (joint.group(1) is None or "Conjunction" in cues().classes(
                    joint.group(1).lower())):  # "helikopter Mi-24P dan Mi-8": more models of the type
                a = joint.end()
                b = self._designation(text, a - 1, starts, blocked)
                if not any(ch.isdigit() for ch in text[a:b]):
                    break
                out.append((a, b, self._model(text[a:b], text[a:b], key, seen)))
                end = b
        out += self._coded(text, out, blocked, seen)
        taken = [(s, e) for s, e, _ in out]
        for name, key in seen.items():  # the model named alone after its introduction: "Zephyr-9 itu ..."
            for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
                if not any(a < m.end() and m.start() < b for a, b in taken + blocked) \
                        and not _AFTER_NAME.search(text, 0, m.start()):  # "Selcuk [Kestrel]": a person's
                    out.append((m.start(), m.end(), key))
        return sorted(out)

    def _coded(self, text: str, out: list[tuple[int, int, str]], blocked: list[tuple[int, int]],
               seen: dict[str, str]) -> list[tuple[int, int, str]]:
        """Codes of a designation family named alone ("42 F-16", "armada Su-30", "Boeing F-15QA"): each a model
        of the family's type, "<code> <type>", where no mention or tagger place already covers it."""
        found = []
        for m in _CODE.finditer(text):
            code = m.group(0)
            opening = _opening(code, self.designations)
            if opening is None or any(a < m.end() and m.start() < b for a, b, *_ in [*out, *blocked]):
                continue
            found.append((m.start(), m.end(), self._model(code, code, self.designations[opening], seen)))
        return found

    def _maker_end(self, text: str, at: int, starts: set[int], blocked: list[tuple[int, int]]) -> int:
        """Past the maker's name where a firm of entities.ttl opens the designation and a model follows it
        ("jet tempur Dassault Rafale": the model is Rafale); else ``at``."""
        gap = _GAP.match(text, at)
        if gap is None or not self._place(text, gap.end(), (self.bodies,)):
            return at
        for n in (2, 1):
            words = list(re.finditer(r"[\w'-]+", text[gap.end():gap.end() + 80]))[:n]
            if len(words) == n and " ".join(w.group(0) for w in words).lower() in self.bodies:
                after = gap.end() + words[-1].end()
                nxt = re.match(r" ([\w'-]+)", text[after:])
                if nxt and nxt.group(1).lower() not in self.body_words \
                        and self._designation(text, after, starts, blocked) > after:
                    return after  # (not "korvet PLA Navy": a body's word after the firm continues its name)
                return at
        return at

    def _designation(self, text: str, at: int, starts: set[int], blocked: list[tuple[int, int]]) -> int:
        """Where a model designation of up to three words that follows ``at`` (after one space) ends; ``at``
        if none does: "K2 Black Panther"."""
        end = at
        for _ in range(3):
            gap = _GAP.match(text, end)
            m = _MODEL_WORD.match(text, gap.end()) if gap else None
            if m is None or not self._model_word(text, m, first=end == at, starts=starts, blocked=blocked):
                break
            end = m.end()
        return end

    def _model_word(self, text: str, m: re.Match[str], first: bool, starts: set[int],
                    blocked: list[tuple[int, int]]) -> bool:
        """Whether ``m`` is a word of a designation: whole (not the head of "X-ray"), capitalised where it comes
        first, no weapon's words nor a place's name, nothing the tagger read as a place."""
        if first and not m.group(0)[0].isupper():
            return False
        word = m.group(0)
        if word in self.name_prefixes or _NAME_HEADS & cues().classes(word.lower()).keys():
            return False
        if m.end() < len(text) and (text[m.end()].isalnum() or text[m.end()] == "-"):
            return False
        return m.start() not in starts and not any(a < m.end() and m.start() < b for a, b in blocked) \
            and not self._place(text, m.start())

    def _place(self, text: str, at: int, kinds: tuple[frozenset[str], ...] = ()) -> bool:
        """Whether a place's name (one or two words) opens at ``at``: "Turki", "Korea Selatan"."""
        words = re.findall(r"[\w'-]+", text[at:at + 80])[:2]
        return any(" ".join(words[:n]).lower() in names for names in kinds or (self.places, self.bodies) for n in (1, 2))

    def _unmodelled(self, key: str) -> bool:
        """Whether ``key`` or a type above it (short of the root, above every type) is kg:Unmodelled."""
        seen: str | None = key
        while seen is not None and seen in self.concepts:
            if self.concepts[seen].unmodelled:
                return True
            seen = self.concepts[seen].broader
            if seen is not None and self.concepts[seen].broader is None:
                return False
        return False

    def _model(self, surface: str, name: str, type_key: str, seen: dict[str, str]) -> str:
        """The key of the concept "<name> <type>" below ``type_key``, made (with its forms) on first use."""
        canonical = f"{name} {self.concepts[type_key].canonical}"
        key = re.sub(r"\W+", "_", canonical.lower()).strip("_")
        # a code of a maker's designation system ("Su-79") is made in its state
        family = _opening(code.group(0), self.family_makers) if (code := _CODE.match(name)) else None
        self.concepts.setdefault(key, WeaponConcept(key, canonical, type_key, self.family_makers.get(family or "")))
        self.forms.setdefault(_norm(surface), key)
        self.forms.setdefault(_norm(name), key)
        seen.setdefault(name, key)
        return key

    def _modified(self, text: str, s: int, e: int, modifiers: list[str], type_key: str) -> tuple[int, int, str]:
        """The mention of a type and the ``modifiers`` after it (:func:`_modifiers` at ``e``), as the concept
        "<modifiers> <type>" below the type made on first use ("roket jarak jauh" → long-range rocket); the type
        alone where there are none or one has no English rendering (kg:template)."""
        templates = cues().modifier_templates
        if not modifiers or any(m.lower() not in templates for m in modifiers):
            return s, e, type_key
        canonical = self.concepts[type_key].canonical
        for m in modifiers:
            canonical = templates[m.lower()].format(weapon=canonical)
        after = _past(e, modifiers)
        key = re.sub(r"\W+", "_", canonical.lower()).strip("_")
        self.concepts.setdefault(key, WeaponConcept(key, canonical, type_key, described=True))
        self.forms.setdefault(_norm(text[s:after]), key)
        return s, after, key

    def written(self, surface: str, key: str) -> str | None:
        """A model's name as a mention writes it: its code as written ("Shahed-136" → Shahed-136 drone where the
        lexicon lists Shahed drone, "J-10" → J-10 fighter jet where it lists J-10C), after the type's words the
        mention writes where they name the model's type or a broader one ("rudal Storm Shadow" → Storm Shadow
        missile where the lexicon lists Storm Shadow cruise missile; not "jet serang Su-25" for an attack aircraft).
        How annotators name a model. None for a type, or for a name that opens otherwise than the listed one."""
        concept = self.concepts.get(key)
        kind = self.concepts.get(concept.broader) if concept is not None and concept.broader else None
        if concept is None or kind is None or not _listed_model(concept) \
                or not concept.canonical.endswith(" " + kind.canonical):
            return None
        listed = concept.canonical[:-len(kind.canonical) - 1].split()
        words = surface.split()
        n, said = 0, kind.key  # the type's words it opens with, by the listed forms alone (not by what an earlier
        for k in range(len(words) - 1, 0, -1):  # article made), the longest first
            if (f := _norm(" ".join(words[:k]))) in self.listed and not _listed_model(self.concepts[self.forms[f]]):
                n, said = k, self.forms[f]
                break
        while n < len(words) and not any(ch.isupper() or ch.isdigit() for ch in words[n]):
            n += 1  # modifiers and nouns between ("drone kamikaze Shahed", "fregat kelas Istif", "rudal pintar X")
        rest = " " + " ".join(words[n:])
        name = rest[self._maker_end(rest, 0, set(), []):].split()  # "jet tempur Dassault Rafale": the maker's aside
        if not name or _norm(name[0]).replace("-", "")[:3] != _norm(listed[0]).replace("-", "")[:3]:
            return None
        coded = [k for k, w in enumerate(name) if any(ch.isdigit() for ch in w)]
        # a name without a code is the listed one ("Scorpene Evolved", "fregat Istif": Istif-class)
        name = name[:coded[-1] + 1] if coded else listed
        seen: str | None = kind.key  # is the type the mention writes the model's own or one above it?
        while seen is not None and seen != said and seen in self.concepts:
            seen = self.concepts[seen].broader
        named = self.concepts[said].canonical
        # its type or one above it ("rudal" for a cruise missile), or one below it that only adds words before the
        # type's name ("drone tempur" for a drone: combat drone)
        kind_name = named if said != "weapons" and (seen == said or named.endswith(" " + kind.canonical)
                                                   and self.head(said) == self.head(kind.key)) else kind.canonical
        return " ".join([*name, kind_name])

    def makers(self, keys: Iterable[str]) -> set[str]:
        """The states the models among ``keys`` are made in (kg:madeIn): who sells them, where talks, contracts
        and purchases leave the seller unsaid."""
        return {c.maker for k in keys if (c := self.concepts.get(k)) is not None and c.maker}

    def head(self, key: str) -> str:
        """The most general concept below ``weapons`` (artillery_ammunition → ammunition); ``weapons`` itself for
        weapons described ("conventional weapons")."""
        seen = key
        while (b := self.concepts[seen].broader) and (b != "weapons" or self.concepts[seen].described):
            seen = b
        return seen


def _opening(code: str, openings: dict[str, str]) -> str | None:
    """The longest of ``openings`` (lower case) that ``code`` opens with, case aside."""
    return max((p for p in openings if code.lower().startswith(p)), key=len, default=None)


def _modifiers(text: str, at: int) -> list[str]:
    """The modifiers (ontology/cues.ttl, WeaponModifier) that follow a type's words at ``at``, as written, each after
    one space: "generasi kelima", "siluman", "jarak jauh"."""
    found: list[str] = []
    for _ in range(3):
        following = _FOLLOWING.match(text, at, at + 80)  # up to three words, one space before each, to punctuation
        if following is None:
            break
        words = following.group(0).split()
        lowers = [w.lower() for w in words]
        n = max((k for k, cls, _ in cues().match_phrase(lowers, 0) if cls == "WeaponModifier"), default=0) or \
            ("WeaponModifier" in cues().classes(lowers[0]))
        if not n:
            break
        found.append(" ".join(words[:n]))
        at += len(found[-1]) + 1
    return found


def _past(at: int, modifiers: list[str]) -> int:
    """Where the ``modifiers`` found at ``at`` end."""
    return at + sum(len(m) + 1 for m in modifiers)


def _listed_model(concept: WeaponConcept) -> bool:
    """A named model (its English name capitalised or with a digit: "Shahed drone"), not a type."""
    return any(ch.isupper() or ch.isdigit() for ch in concept.canonical)


def _word_before(text: str, at: int) -> str:
    words = text[:at].split()
    return words[-1].lower().strip(",;:(\"") if words else ""


def _places(path: Path, kinds: tuple[str, ...] = ()) -> tuple[frozenset[str], frozenset[str]]:
    """The lower-cased labels of the places, and of the organisations, ``path`` lists (``kinds``: of those kinds only)."""
    if not path.exists():
        return frozenset(), frozenset()
    places: set[str] = set()
    bodies: set[str] = set()
    for block in _PLACE_BLOCK.finditer(path.read_text(encoding="utf-8")):
        if not kinds or block.group(1) in kinds:
            (bodies if block.group(1) == "Organization" else places).update(
                label.lower() for label in _LABEL.findall(block.group(0)))
    return frozenset(places), frozenset(bodies)


def _norm(form: str) -> str:
    return " ".join(form.lower().split())


@lru_cache(maxsize=1)
def lexicon() -> WeaponLexicon:
    """The shared lexicon, parsed once per process and kept between processes (``kg.cache``: 0.3 s of
    every process's start-up)."""
    sources = [ONTOLOGY_DIR / name for name in ("weapons.ttl", "entities.ttl", "places.ttl")] + \
        [Path(__file__), Path(patterns.__file__)]
    return cached("weapons", sources, WeaponLexicon)
