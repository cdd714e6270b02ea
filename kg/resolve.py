"""Mentions → canonical entities: gazetteer, NER span repair, bylines and in-document aliasing.

The statistical NER is trained on a few thousand sentences, so it misses names, mis-types them
(``Moskow`` as PER) and swallows titles into spans (``Pertahanan Rusia Sergei Shoigu``). Resolution
therefore runs the gazetteer in ``ontology/entities.ttl`` over the text itself, lets it win where it
knows a name, and keeps only the unexplained remainder of each NER span. Unknown names become
entities whose key is the slug of their surface form; a short name (``Kirby``, ``Kim``) joins the full
name it abbreviates in the same article.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from rdflib import OWL, RDF, Graph, Namespace, URIRef
from rdflib.namespace import SKOS

from kg import ONTOLOGY_DIR
from kg.cues import cues
from kg.patterns import alternation
from kg.types import Doc, Entity, Mention
from kg.weapons import lexicon

KG = Namespace("https://w3id.org/kg-news/ontology#")
#: Gazetteer class → gold entity type.
CLASS_TYPES = {"State": "GPE", "City": "GPE", "Location": "LOC", "Organization": "ORG", "Person": "PER"}
ACTOR_TYPES = frozenset({"PER", "ORG", "GPE"})

#: Closed-class words and verbs: never part of a name, whatever their case ("Kami", "Peringati").
_NEVER_NAME = ("RoleTitle", "Rank", "GovernmentNoun", "VisitCue", "WarnCue", "MeetCue", "SupplyCue", "QuoteVerb",
               "QuotePronounVerb", "FunctionWord", "Pronoun1", "Pronoun3", "PronounPlural", "Preposition",
               "Conjunction", "Complementizer", "ClauseBoundary", "NegationCue", "PotentialCue", "PlannedCue",
               "ReportCue", "BeliefCue", "AccuseCue", "DenyCue", "DemandCue", "StatementNoun", "BylineLabel")
_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]")
_BYLINE = re.compile(r"^(?P<label>[A-Za-z][A-Za-z ]{1,20}?)\s*:\s*(?P<value>\S.{0,120})$")
_NAME = re.compile(r"^[A-Z][\w'’.-]*(?: [A-Za-z][\w'’.-]*){0,5}$")
_SPLIT = re.compile(r"\s*(?:,|/|;|&|\band\b|\bdan\b|\s[-–]\s)\s*")
_SPLIT_ORG = re.compile(r"\s*(?:,|/|;|&|\band\b|\bdan\b|[-–])\s*")


def slug(name: str) -> str:
    """Entity key for a name: ASCII, lower case, words joined by ``_`` (``Choe Son-hui`` → ``choe_son_hui``)."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    key = re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")
    # A name with no ASCII letters keys on a content hash: Python's hash() differs per process,
    # and rebuilds, worker processes and other machines must mint the same IRI.
    return key or "entity_" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:12]


def norm(text: str) -> str:
    """Whitespace- and case-insensitive form used for lookups."""
    return " ".join(text.replace("\u00a0", " ").split()).lower()


@dataclass(frozen=True)
class GazEntry:
    key: str
    canonical: str
    type: str
    wikidata: str | None = None
    metonym_for: str | None = None
    located_in: str | None = None
    affiliation: str | None = None
    outlet: bool = False  # a news outlet: reports claims, never makes them


@dataclass
class Gazetteer:
    """Surface forms → entries, with one compiled regex that finds the longest form first."""

    entries: dict[str, GazEntry] = field(default_factory=dict)
    forms: dict[str, str] = field(default_factory=dict)  # norm(form) → key
    acronyms: dict[str, set[str]] = field(default_factory=dict)  # norm → exact spellings required
    short: dict[str, str] = field(default_factory=dict)  # short name (as written) → key
    pattern: re.Pattern | None = None
    label_patterns: list[tuple[re.Pattern, str]] = field(default_factory=list)  # kg:labelPattern → key

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, key) of every gazetteer name in ``text`` under the case rules."""
        out = []
        pos = 0
        while (m := self.pattern.search(text, pos)) is not None:
            surface = m.group(0)
            n = norm(surface)
            key = self.forms.get(n)
            if key is None:
                key = self.short.get(surface)
                if key is not None and _inside_longer_name(text, m.start(), m.end()):
                    key = None  # "Presiden Inggris Tran [Kirby]" is not John Kirby
            elif not self._case_ok(surface, n):
                key = None
            if key is None:  # rejected: a shorter name may start inside ("militer [Ukraina]")
                pos = m.start() + 1
                continue
            out.append((m.start(), m.end(), key))
            pos = m.end()
        if self.label_patterns:  # "ANTARA News Kalimantan Barat": a longer pattern match wins
            extra = [(m.start(), m.end(), key) for rx, key in self.label_patterns for m in rx.finditer(text)]
            for a, b, key in sorted(extra, key=lambda x: x[0] - x[1]):
                if all(b - a > e - s for s, e, _ in out if s < b and a < e):
                    out = [x for x in out if not (x[0] < b and a < x[1])] + [(a, b, key)]
            out.sort()
        return out

    def _case_ok(self, surface: str, n: str) -> bool:
        if n in self.acronyms:
            return surface.replace(" ", "") in self.acronyms[n]
        if " " not in n:
            return surface[:1].isupper()
        if surface[:1].islower():  # "semenanjung Korea" is a place; "militer Ukraina" is not a name
            return self.entries[self.forms[n]].type == "LOC" and any(ch.isupper() for ch in surface)
        return any(ch.isupper() for ch in surface)

    def lookup(self, surface: str) -> str | None:
        """Key of a surface form written exactly as a label (any case), or a known short name."""
        return self.forms.get(norm(surface)) or self.short.get(surface.strip())

    def state_of(self, key: str) -> str | None:
        """The state a place or body stands for or lies in (for visits and ``pemerintahan X``)."""
        e = self.entries.get(key)
        if e is None:
            return None
        if e.type == "GPE" and e.metonym_for is None and e.located_in is None:
            return key
        return e.metonym_for or e.located_in or e.affiliation


_PREV_WORD = re.compile(r"([\w'’-]+)[ ]$")
_NEXT_WORD = re.compile(r"^[ ]([\w'’-]+)")


def _inside_longer_name(text: str, start: int, end: int) -> bool:
    """A capitalised word right before or after that is neither a title nor another known word."""
    c = cues()
    for m in (_PREV_WORD.search(text, max(0, start - 30), start), _NEXT_WORD.match(text[end:end + 30])):
        if m and m.group(1)[:1].isupper() and not c.classes(m.group(1)):
            return True
    return False


def _local(iri: URIRef) -> str:
    return str(iri).rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """Parse ``ontology/entities.ttl`` (or another file in the same shape)."""
    g = Graph().parse(path or ONTOLOGY_DIR / "entities.ttl")
    gaz = Gazetteer()
    labels: dict[str, list[str]] = {}
    for subject in set(g.subjects(SKOS.inScheme, KG.EntityScheme)):
        key = _local(subject)
        etype = next((CLASS_TYPES[_local(c)] for c in g.objects(subject, RDF.type) if _local(c) in CLASS_TYPES), None)
        if etype is None:
            continue
        en = [str(x) for x in g.objects(subject, SKOS.prefLabel) if x.language == "en"]
        qid = next((_local(x) for x in g.objects(subject, OWL.sameAs) if "wikidata" in str(x)), None)
        links = [next((_local(x) for x in g.objects(subject, p)), None)
                 for p in (KG.metonymFor, KG.locatedIn, KG.affiliation)]
        outlet = (subject, RDF.type, KG.NewsOutlet) in g
        gaz.entries[key] = GazEntry(key, en[0] if en else key.replace("_", " "), etype, qid, *links, outlet)
        labels[key] = [str(x) for p in (SKOS.prefLabel, SKOS.altLabel) for x in g.objects(subject, p)]
        for short in g.objects(subject, KG.shortName):
            gaz.short[str(short)] = key
        for rx in g.objects(subject, KG.labelPattern):
            gaz.label_patterns.append((re.compile(rf"(?<![\w.])(?:{rx})(?![\w])"), key))
    # Specific entries claim a form first: states before the capitals named like them, longer
    # canonical names last so "Intelijen Pertahanan" stays with the body that lists it.
    for key in sorted(labels, key=lambda k: (gaz.entries[k].metonym_for is not None, k)):
        for label in labels[key]:
            n = norm(label)
            gaz.forms.setdefault(n, key)
            compact = label.replace(".", "").replace("-", "")
            if label.isupper() and len(compact) <= 6 or (len(label) <= 4 and label[:1].isupper() and
                                                          not label[1:].islower()):
                gaz.acronyms.setdefault(n, set()).add(label.replace(" ", ""))
    for short in list(gaz.short):
        if norm(short) in gaz.forms:  # a label already; the short name must not override it
            del gaz.short[short]
    body = alternation(set(gaz.forms) | {norm(s) for s in gaz.short})
    # a hyphen separates names ("Rusia-Korut"), a dot inside a word does not ("TEMPO.CO")
    gaz.pattern = re.compile(rf"(?<![\w.])(?:{body})(?![\w]|\.\w)", re.IGNORECASE)
    return gaz


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shared gazetteer (parsed once per process)."""
    return load_gazetteer()


# ---- resolution ----------------------------------------------------------------------------------

def _sentence_at(doc: Doc, offset: int) -> int:
    for s in doc.sentences:
        if s.start <= offset < s.end:
            return s.index
    return doc.sentences[-1].index if doc.sentences else 0


def _dateline_span(doc: Doc) -> tuple[int, int]:
    """Character span of the dateline ("Washington (ANTARA)", "TEMPO.CO, Jakarta"), where there is one."""
    line = doc.article.source_line
    if not line:
        return (0, 0)
    start = doc.article.text.find(line)
    return (start, start + len(line)) if start >= 0 else (0, 0)


def _gazetteer_mentions(doc: Doc) -> list[tuple[Mention, str]]:
    gaz = gazetteer()
    out = []
    for s in doc.sentences:
        for start, end, key in gaz.find(s.text):
            e = gaz.entries[key]
            out.append((Mention(s.text[start:end], e.type, s.start + start, s.start + end, s.index, "gazetteer"), key))
    return out


def _byline_mentions(doc: Doc) -> list[Mention]:
    """Names in bylines and credits ("Editor: M Razi Rahman", "/REUTERS/Lim Huey Teng", "(Susi Susanti)")."""
    text = doc.article.text
    c = cues()
    out: list[Mention] = []
    pos = 0
    for para in text.split("\n\n"):
        start = text.find(para, pos)
        pos = start + len(para)
        m = _BYLINE.match(para)
        if m and (etype := c.byline_labels.get(m.group("label").strip().lower())):
            value_start = start + m.start("value")
            for part in (_SPLIT_ORG if etype == "ORG" else _SPLIT).split(m.group("value")):
                part = part.strip(" .")
                if part and _NAME.match(part) and not any(c.classes(w) for w in part.split()):
                    s = text.find(part, value_start)
                    out.append(Mention(part, etype, s, s + len(part), _sentence_at(doc, s), "byline"))
        for pattern in c.byline_patterns:
            for pm in pattern.finditer(para):
                for etype, value in pm.groupdict().items():
                    if value and etype in ("PER", "ORG"):
                        s = start + pm.start(etype)
                        out.append(Mention(value, etype, s, s + len(value), _sentence_at(doc, s), "byline"))
    return out


def _body_mentions(doc: Doc, known: list[tuple[Mention, str]]) -> list[Mention]:
    """"Kementerian Luar Negeri Turki", "Dinas Intelijen Inggris": a capitalised body noun, capitalised
    words, then a known state make one organisation (unknown to the gazetteer, named as written)."""
    c = cues()
    text = doc.article.text
    states = {m.start: m for m, k in known if gazetteer().entries[k].type == "GPE"}
    others = _Spans((m.start, m.end) for m, k in known if gazetteer().entries[k].type != "GPE")
    out = []
    for s in doc.sentences:
        toks = list(_TOKEN.finditer(text, s.start, s.end))
        for i, t in enumerate(toks):
            if not t.group(0)[:1].isupper() or "OrgHead" not in c.classes(t.group(0)):
                continue
            j = i + 1
            while j < len(toks) and j <= i + 5 and toks[j].start() not in states and \
                    toks[j].group(0)[:1].isupper() and toks[j].group(0).isalpha():
                j += 1
            if j < len(toks) and j > i + 1 and toks[j].start() in states:
                m = states[toks[j].start()]
                if others.overlaps(t.start(), m.end):
                    continue
                out.append(Mention(text[t.start():m.end], "ORG", t.start(), m.end, s.index, "pattern"))
    return out


def body_canonical(surface: str, state_key: str | None) -> str:
    """English name of a state's body from ``kg:OrgTemplate`` ("Kementerian Luar Negeri Turki" →
    "Ministry of Foreign Affairs of Turkey"); the surface form when no template fits."""
    gaz = gazetteer()
    if state_key is None or state_key not in gaz.entries:
        return surface
    state = gaz.entries[state_key]
    state = gaz.entries.get(state.metonym_for or "", state)
    head = norm(surface)
    for form, template in cues().templates.items():
        if head.startswith(form + " "):
            return template.format(state=state.canonical)
    return surface


def _titled_person_mentions(doc: Doc, known: list[tuple[Mention, str]]) -> list[Mention]:
    """"Perdana Menteri Arab Saudi Sergei Dubois": after a title (and the state or body it belongs
    to), two to four capitalised words that are no cue and no known name are a person."""
    c = cues()
    text = doc.article.text
    spans = {m.start: m.end for m, _ in known}
    out = []
    title = doc.article.title
    for s in doc.sentences:
        toks = list(_TOKEN.finditer(text, s.start, s.end))
        words = [t.group(0) for t in toks if t.group(0).isalpha()]
        if (title and s.start < len(title) and text.startswith(title)) or \
                (words and sum(w[:1].isupper() for w in words) > 0.85 * len(words)):
            continue  # a headline in title case: every word looks like a name
        lowers = [t.group(0).lower() for t in toks]
        i = 0
        while i < len(toks):
            classes = c.classes(toks[i].group(0))
            span = max((n for n, cls, _ in c.match_phrase(lowers, i) if cls == "RoleTitle"), default=0)
            if "RoleTitle" not in classes and not span:  # "presiden", "juru bicara"
                i += 1
                continue
            j = i + max(span, 1)
            while j < len(toks):  # the rest of the title and the body or state it belongs to
                if toks[j].start() in spans:
                    end = spans[toks[j].start()]
                    while j < len(toks) and toks[j].start() < end:
                        j += 1
                    continue
                n = max((k for k, cls, _ in c.match_phrase(lowers, j) if cls in ("TitleQualifier", "RoleTitle")),
                        default=0)
                if n or c.classes(toks[j].group(0)).keys() & {"TitleQualifier", "RoleTitle", "Rank"}:
                    j += max(n, 1)
                    continue
                break
            k = j
            while k < len(toks) and k < j + 4 and _is_name_token(toks[k].group(0)) and \
                    not c.classes(toks[k].group(0)) and toks[k].start() not in spans:
                k += 1
            if k - j >= 2 and (k == len(toks) or not _is_name_token(toks[k].group(0))):
                a, b = toks[j].start(), toks[k - 1].end()
                out.append(Mention(text[a:b], "PER", a, b, s.index, "pattern"))
            i = max(k, i + 1)
    return out


def _is_name_token(tok: str) -> bool:
    return tok[:1].isupper() and any(ch.isalpha() for ch in tok)


#: A run of text without whitespace longer than this is data, not prose (a base64 image, a hash, a
#: URL glued to the text): the tagger reads random capitals in it as names. No word of a name is
#: this long ("Rusia-Korea", "TEMPO.CO", "Choe Son-hui" are far shorter).
MAX_WORD = 40


def _in_data_run(text: str, start: int, end: int) -> bool:
    """Whether the span touches a whitespace-free run longer than :data:`MAX_WORD`."""
    a = start
    while a > 0 and not text[a - 1].isspace() and start - a <= MAX_WORD:
        a -= 1
    b = end
    while b < len(text) and not text[b].isspace() and b - end <= MAX_WORD:
        b += 1
    return any(len(run) > MAX_WORD for run in text[a:b].split())


def _repair(m: Mention, taken: _Spans, text: str) -> list[Mention]:
    """The parts of an NER span not explained by the gazetteer, with titles and labels stripped."""
    if _in_data_run(text, m.start, m.end):
        return []
    c = cues()
    runs: list[list[re.Match]] = [[]]
    had_prefix = False  # a title, rank or known name came before the remainder
    had_title = False
    toks = list(_TOKEN.finditer(text, m.start, m.end))
    i = 0
    while i < len(toks):
        t = toks[i]
        s, e = t.start(), t.end()
        covered = taken.overlaps(s, e)  # partly explained: "Rusia-Korut"
        lowers = [x.group(0).lower() for x in toks]
        phrase = max((n for n, cls, _ in c.match_phrase(lowers, i)
                      if cls in ("RoleTitle", "Rank", "GovernmentNoun", "SourceNoun")), default=0)
        classes = c.classes(t.group(0))
        before = re.search(r"(\w+)\W*$", text[max(0, s - 40):s])
        if before and any(k in c.classes(before.group(1)) for k in ("RoleTitle", "TitleQualifier")):
            # "Menteri [Luar Negeri] Iran …": title words after a title are not a name
            phrase = max([phrase] + [n for n, cls, _ in c.match_phrase(lowers, i) if cls == "TitleQualifier"]
                         + [1 if "TitleQualifier" in classes else 0])
        if covered or phrase or (classes and not _is_name_token(t.group(0))) or \
                any(k in classes for k in _NEVER_NAME) or \
                not (_is_name_token(t.group(0)) or (runs[-1] and t.group(0) in "-'’")):
            if covered or phrase or "RoleTitle" in classes or "Rank" in classes:
                had_prefix = True
                had_title = had_title or not covered
            if runs[-1]:
                runs.append([])
            i += max(phrase, 1)
            continue
        if i + 1 < len(toks) and toks[i + 1].group(0) == ":":  # "Sumber: Yonhap": a label, not a name
            runs[-1] = []
            i += 2
            continue
        runs[-1].append(t)
        i += 1
    out = []
    explained = taken.overlaps(m.start, m.end)
    for run in runs:
        if not run:
            continue
        s, e = run[0].start(), run[-1].end()
        if explained and len(run) == 1 and not had_title:
            continue  # "[Komentar] Kirby", "Iran [Air]": a lone word beside a known name is noise
        prev = re.search(r"(\w+)\W*$", text[max(0, s - 40):s])
        nxt = _skip_space(text, e)
        if prev and "RoleTitle" in c.classes(prev.group(1)) and taken.overlaps(nxt, nxt + 1):
            continue  # "Menteri [Pertahanan] Rusia": title words before a known name
        # extend over a leading initial ("M Razi Rahman")
        before = text[max(0, s - 3):s]
        if re.fullmatch(r"(?:^|\s)[A-Z]\.? ?", before[-3:]) and m.type == "PER":
            s -= len(before.rstrip()) - len(before.rstrip().rstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ.")) + 1
        surface = text[s:e]
        etype = m.type
        if had_prefix and len(run) >= 2 and etype != "PER":
            etype = "PER"  # "Menteri Pertahanan Rusia Sergei Shoigu": a title then a name
        out.append(Mention(surface, etype, s, e, m.sentence, m.source))
    return out


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i] == " ":
        i += 1
    return i


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'-]*", name) if w[0].isupper())


def _overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


class _Spans:
    """Character spans with O(log n) overlap tests, so resolution stays linear-ish in article length."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.max_end: list[int] = []
        top = -1
        for _, b in ordered:
            top = max(top, b)
            self.max_end.append(top)

    def overlaps(self, a: int, b: int) -> bool:
        """Does any span overlap [a, b)? (spans starting before b, the furthest-reaching of them)"""
        i = bisect_left(self.starts, b) - 1
        return i >= 0 and self.max_end[i] > a

    def add(self, a: int, b: int) -> None:
        """Insert a span that overlaps none already held (keeps ``max_end`` valid)."""
        i = bisect_left(self.starts, a)
        self.starts.insert(i, a)
        self.max_end.insert(i, max(b, self.max_end[i - 1] if i else -1))
        for j in range(i + 1, len(self.max_end)):
            if self.max_end[j] >= self.max_end[i]:
                break
            self.max_end[j] = self.max_end[i]


def resolve(doc: Doc) -> tuple[dict[str, Entity], list[tuple[Mention, str]]]:
    """Entities of an article and the (mention, entity key) links, in text order.

    Mention types in the links are the resolved ones (GPE for states and metonyms).
    """
    gaz = gazetteer()
    lex = lexicon()
    c = cues()
    text = doc.article.text
    date_start, date_end = _dateline_span(doc)

    known: list[tuple[Mention, str]] = _gazetteer_mentions(doc)
    weapons: list[tuple[Mention, str]] = []
    for m in doc.mentions:
        if m.type == "WEAPON":
            key = lex.forms.get(" ".join(m.text.lower().split()))
            if key:
                weapons.append((m, key))
    # the gazetteer and the weapon lexicon explain these spans; NER keeps only what is left
    taken = _Spans([(m.start, m.end) for m, _ in known] + [(m.start, m.end) for m, _ in weapons])
    unknown: list[Mention] = []
    for m in doc.mentions:
        if m.type != "WEAPON":
            unknown += _repair(m, taken, text)
    unknown += _byline_mentions(doc)
    unknown += _body_mentions(doc, known)
    unknown += _titled_person_mentions(doc, known)
    # longest span wins; on equal length gazetteer > byline > ner; weapons are already clean
    pool: list[tuple[Mention, str | None]] = [(m, k) for m, k in known] + [(m, None) for m in unknown]
    rank = {"gazetteer": 0, "pattern": 1, "byline": 1, "ner": 2}
    pool.sort(key=lambda p: (-(p[0].end - p[0].start), rank.get(p[0].source, 3), p[0].start))
    kept: list[tuple[Mention, str | None]] = []
    weapon_spans = _Spans((w.start, w.end) for w, _ in weapons)
    kept_spans = _Spans()
    for m, k in pool:
        if not weapon_spans.overlaps(m.start, m.end) and not kept_spans.overlaps(m.start, m.end):
            kept.append((m, k))
            kept_spans.add(m.start, m.end)
    kept.sort(key=lambda p: p[0].start)

    entities: dict[str, Entity] = {}
    links: list[tuple[Mention, str]] = []

    def add(m: Mention, key: str, canonical: str, etype: str, qid: str | None) -> None:
        if key not in entities or (entities[key].type != etype and m.source == "gazetteer"):
            entities[key] = Entity(key, canonical, etype, qid)
        links.append((replace(m, type=entities[key].type), key))

    # full person names of this article, for "Kirby" → "John Kirby", "Kim" → "Kim Jong Un"
    persons: dict[str, list[tuple[int, str, str]]] = {}  # name part → [(offset, key, full name)]
    for m, k in kept:
        if (k and gaz.entries[k].type == "PER") or (not k and m.type == "PER" and " " in m.text.strip()):
            key = k or gaz.lookup(m.text) or slug(m.text)
            full = gaz.entries[key].canonical if key in gaz.entries else " ".join(m.text.split())
            for tok in re.split(r"[\s]+", m.text.strip()):
                if len(tok) > 1:
                    for part in {tok, tok.split("-")[0]}:
                        persons.setdefault(part, []).append((m.start, key, full))

    kept += _surname_mentions(doc, persons, kept, weapons)
    kept.sort(key=lambda p: p[0].start)
    for m, k in kept:
        if k is not None:
            e = gaz.entries[k]
            in_dateline = date_start <= m.start < date_end
            if e.metonym_for and not in_dateline:
                target = gaz.entries[e.metonym_for]
                add(replace(m, type=target.type), target.key, target.canonical, target.type, target.wikidata)
            else:
                add(m, e.key, e.canonical, e.type, e.wikidata)
            continue
        surface = " ".join(m.text.split())
        key = gaz.lookup(surface)
        full = surface
        if key is None and " " not in surface and surface in persons:
            # a short name of someone named in full in this article: the closest one named before
            # it ("Yusuf Haddad … Layla Haddad … kata Haddad"), else the first named after it
            cands = persons[surface]
            before = [c for c in cands if c[0] < m.start]
            _, key, full = before[-1] if before else min(cands)
        if key is None and m.type == "PER" and surface.split()[-1] in gaz.short and " " not in surface:
            key = gaz.short[surface]
        if key is not None and key in gaz.entries:
            e = gaz.entries[key]
            target = gaz.entries[e.metonym_for] if e.metonym_for and not date_start <= m.start < date_end else e
            add(replace(m, type=target.type), target.key, target.canonical, target.type, target.wikidata)
            continue
        if key is not None:  # an in-document person without a gazetteer entry
            add(replace(m, type="PER"), key, full, "PER", None)
            continue
        etype = m.type
        if etype == "LOC":
            first = surface.split()[0].lower()
            etype = "LOC" if "LocationHead" in c.classes(first) else "GPE"
        canonical = surface
        if m.source == "pattern" and etype == "ORG":  # a body of a state: an English name where one is known
            tail = gaz.find(surface)
            canonical = body_canonical(surface, tail[-1][2] if tail else None)
        add(replace(m, type=etype), slug(canonical), canonical, etype, None)

    for m, key in weapons:
        concept = lex.concepts[key]
        add(m, key, concept.canonical, "WEAPON", None)
    links.sort(key=lambda p: p[0].start)
    _alias_parentheticals(text, links, entities)
    links.sort(key=lambda p: p[0].start)
    return entities, links


_CAPWORD = re.compile(r"(?<![\w.-])[A-Z][a-z][\w'’-]*(?![\w-])")


def _surname_mentions(doc: Doc, persons: dict[str, str], kept: list, weapons: list) -> list[tuple[Mention, str | None]]:
    """"Wang mengatakan …" after "Wang Yi": a name part of someone named in full earlier, which the
    tagger missed. Only words that are no cue and no other name are taken."""
    c = cues()
    gaz = gazetteer()
    spans = _Spans([(m.start, m.end) for m, _ in kept] + [(m.start, m.end) for m, _ in weapons])
    first = {}
    for m, k in kept:
        if m.type == "PER" or (k and gaz.entries[k].type == "PER"):
            for tok in m.text.split():
                first.setdefault(tok, m.start)
    out = []
    for s in doc.sentences:
        for w in _CAPWORD.finditer(s.text):
            tok = w.group(0)
            start, end = s.start + w.start(), s.start + w.end()
            if tok not in persons or len(tok) < 3 or first.get(tok, end) >= start or c.classes(tok) \
                    or gaz.lookup(tok) or spans.overlaps(start, end):
                continue
            out.append((Mention(tok, "PER", start, end, s.index, "alias"), None))
    return out


def _alias_parentheticals(text: str, links: list[tuple[Mention, str]], entities: dict[str, Entity]) -> None:
    """"Dewan Keamanan Nasional (NSC)": an acronym in brackets after a name is the same entity."""
    for i in range(len(links) - 1):
        (a, ka), (b, kb) = links[i], links[i + 1]
        if ka == kb or text[a.end:b.start].strip() != "(" or not text[b.end:b.end + 2].lstrip().startswith(")"):
            continue
        long_, short = (a, b) if len(a.text) >= len(b.text) else (b, a)
        k_long, k_short = (ka, kb) if long_ is a else (kb, ka)
        if not short.text.replace(".", "").isupper() or " " not in long_.text:
            continue
        unknown_short = k_short == slug(short.text) and entities[k_short].canonical == short.text
        unknown_long = k_long == slug(long_.text) and entities[k_long].canonical == " ".join(long_.text.split())
        if unknown_short and not unknown_long:
            # an unknown acronym after a known name: "Dewan Keamanan Nasional (NSC)"
            links[i if short is a else i + 1] = (replace(short, type=entities[k_long].type), k_long)
            if all(k != k_short for _, k in links):
                entities.pop(k_short, None)
        elif unknown_long and not unknown_short and _initials(long_.text).upper() == short.text.replace(".", ""):
            # a spelled-out acronym: "MLRS (Multiple Launch Rocket Systems)"
            links[i if long_ is a else i + 1] = (replace(long_, type=entities[k_short].type), k_short)
            if all(k != k_long for _, k in links):
                entities.pop(k_long, None)
