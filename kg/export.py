"""The graph in the formats of the tools analysts already use (``kg export --format ...``).

* **GraphML** and **GEXF** (Gephi, yEd, Cytoscape, networkx): one node per entity (IRI as id) with
  ``label``, ``type`` (the ontology class: State, Person, ...), ``wikidata``, ``aliases`` and
  ``articles``; one edge per relation with ``relation``, ``label``, ``support`` (also as ``weight``),
  ``modality``, ``modalities``, ``first_date``, ``last_date`` and ``sentences``. Every value is a
  plain string or number. GEXF also carries each edge's dates as its time interval (Gephi's
  timeline) and each node's colour as in the viewer.
* **CSV** for ``neo4j-admin database import``: ``nodes.csv`` (``:ID``, ``:LABEL``) and
  ``relationships.csv`` (``:START_ID``, ``:END_ID``, ``:TYPE``), typed headers, arrays split by
  :data:`NEO4J_ARRAY_DELIMITER` (hence ``--array-delimiter`` in :data:`NEO4J_IMPORT`). A spreadsheet
  opens them as they are.
* **PLOVER** event records as JSON Lines (the fields of the PLOVER manual's JSON chapter: ``id``,
  ``date``, ``event``, ``mode``, ``context``, ``source``, ``recipient``, ``text``, ``text_info``,
  ``cite_info``), one per statement whose class has a ``kg:ploverCategory`` in ontology/kg.ttl, with
  the class's ``kg:cameoCode`` alongside. Mode comes from ``kg:ploverMode`` on the class, context
  from ``kg:ploverContext`` on the modality: the mapping is data, not code.

The RDF formats (TriG, N-Quads, JSON-LD, Turtle) are written by the store (``KGStore.export``).
Every output is sorted, so exports of equal stores are byte-identical.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

import networkx as nx

from kg import ONTOLOGY_DIR, __version__
from kg.graph import TYPE_NAMES, names, select_rows, to_networkx
from kg.schema import RELATIONS
from kg.store import KGStore
from kg.vocab import KG, local_name

#: The formats of this module (the RDF ones are the store's).
FORMATS: tuple[str, ...] = ("graphml", "gexf", "csv", "plover")
#: Output file suffix → format, for ``kg export --out`` without ``--format``.
SUFFIX_FORMATS: dict[str, str] = {".graphml": "graphml", ".gexf": "gexf", ".jsonl": "plover", ".csv": "csv"}
#: Splits array values (aliases, modalities, extra labels) in the Neo4j CSV files.
NEO4J_ARRAY_DELIMITER = "|"
#: The one command that loads the CSV export into Neo4j 5 (from the Neo4j home, the database stopped).
NEO4J_IMPORT = ("bin/neo4j-admin database import full --nodes={nodes} --relationships={relationships} "
                f"--array-delimiter='{NEO4J_ARRAY_DELIMITER}' --overwrite-destination neo4j")
NODES_CSV, RELATIONSHIPS_CSV = "nodes.csv", "relationships.csv"

#: Relation property → its display label (as in the viewer).
RELATION_LABELS: dict[str, str] = {spec.property: spec.label or spec.property for spec in RELATIONS.values()} | {
    "suppliesTo": "supplies to"}


@dataclass(frozen=True)
class Written:
    """What an export wrote: the files, and how many entities, relations or events they hold."""

    paths: tuple[Path, ...]
    fmt: str
    nodes: int = 0
    edges: int = 0
    events: int = 0

    def summary(self) -> str:
        what = f"{self.events:,} events" if self.fmt == "plover" else f"{self.nodes:,} entities, {self.edges:,} relations"
        return f"wrote {', '.join(str(p) for p in self.paths)} ({self.fmt}: {what})"


# -- the graph for Gephi and friends ---------------------------------------------------------


def analyst_graph(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The export form of a :func:`kg.graph.to_networkx` graph: type names instead of codes, Gephi's
    ``label``/``weight`` names, one unique edge id per relation (``subject.relation.object`` keys)."""
    out = nx.MultiDiGraph()
    for n, d in sorted(g.nodes(data=True)):
        out.add_node(
            n, label=str(d.get("label", "")), type=TYPE_NAMES.get(str(d.get("type")), "Entity"),
            wikidata=str(d.get("wikidata") or ""), aliases=str(d.get("aliases") or ""),
            articles=int(d.get("articles", 0)),
        )
    for s, o, rel, d in sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[2], e[1])):
        support = int(d.get("support", 0))
        out.add_edge(
            s, o, key=edge_id(g, s, rel, o), relation=rel, label=RELATION_LABELS.get(rel, rel),
            support=support, weight=float(support), modality=str(d.get("modality", "")),
            modalities=str(d.get("modalities", "")), first_date=str(d.get("first_date") or ""),
            last_date=str(d.get("last_date") or ""), sentences=int(d.get("sentences", 0)),
        )
    return out


def edge_id(g: nx.MultiDiGraph, s: str, rel: str, o: str) -> str:
    """A relation's id in the exports: ``john_kirby.accuses.north_korea`` (entity keys, unique per graph)."""
    def key(n: str) -> str:
        return str(g.nodes[n].get("key") or local_name(n)) if n in g else local_name(n)

    return f"{key(s)}.{rel}.{key(o)}"


def write_graphml(g: nx.MultiDiGraph, out: str | Path | IO[bytes]) -> None:
    """GraphML of :func:`analyst_graph` (node id = entity IRI, edge id = :func:`edge_id`)."""
    nx.write_graphml(analyst_graph(g), out)


def write_gexf(g: nx.MultiDiGraph, out: str | Path | IO[bytes]) -> None:
    """GEXF 1.2 of :func:`analyst_graph`, edges dated by their articles (``start``/``end``: Gephi's
    timeline; undated edges are there all the time) and nodes coloured as in the viewer."""
    from kg.render import ENTITY_STYLE

    colours = {TYPE_NAMES.get(code, code): colour for code, (_, colour, _) in ENTITY_STYLE.items()}
    a = analyst_graph(g)
    for _, d in a.nodes(data=True):
        r, gr, b = (int(colours.get(d["type"], "#9d9d9d")[i:i + 2], 16) for i in (1, 3, 5))
        d["viz"] = {"color": {"r": r, "g": gr, "b": b, "a": 1.0}}
    for _, _, k, d in a.edges(keys=True, data=True):
        d["id"] = k
        if d["first_date"]:
            d["start"], d["end"] = d["first_date"], d["last_date"]
    buffer = io.BytesIO()
    nx.write_gexf(a, buffer)
    # networkx stamps the day of writing: without it, equal stores give equal files
    data = re.sub(rb' lastmodifieddate="[^"]*"', b"", buffer.getvalue(), count=1)
    if isinstance(out, str | Path):
        Path(out).write_bytes(data)
    else:
        out.write(data)


# -- Neo4j CSV -------------------------------------------------------------------------------


def neo4j_type(relation: str) -> str:
    """A relation property as a Neo4j relationship type: ``suppliesTo`` → ``SUPPLIES_TO``."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", relation).upper()


def _array(values: list[str]) -> str:
    return NEO4J_ARRAY_DELIMITER.join(_one_line(v).replace(NEO4J_ARRAY_DELIMITER, "/") for v in values if v)


def _one_line(value: object) -> str:
    """A field on one line (the importer reads multi-line fields only when told to)."""
    return " ".join(str(value).split())


def neo4j_csv(g: nx.MultiDiGraph) -> tuple[str, str]:
    """The text of ``nodes.csv`` and ``relationships.csv`` in the ``neo4j-admin database import`` layout.

    Nodes carry the labels ``Entity`` and their class (``Entity|State``); relationships are typed
    by :func:`neo4j_type`. Empty values (no Wikidata id, no date) are empty fields, which the
    importer leaves unset.
    """
    nodes, rels = io.StringIO(), io.StringIO()
    w = csv.writer(nodes, lineterminator="\n")
    w.writerow(["iri:ID", "name", ":LABEL", "key", "wikidata", "aliases:string[]", "articles:int", "degree:int"])
    for n, d in sorted(g.nodes(data=True)):
        labels = sorted({"Entity", TYPE_NAMES.get(str(d.get("type")), "Entity")}, key=lambda x: x != "Entity")
        w.writerow([
            n, _one_line(d.get("label", "")), _array(labels), str(d.get("key", "")), str(d.get("wikidata") or ""),
            _array(names(d)[1:]), int(d.get("articles", 0)), int(d.get("degree", 0)),
        ])
    w = csv.writer(rels, lineterminator="\n")
    w.writerow([":START_ID", ":END_ID", ":TYPE", "id", "relation", "support:int", "modality", "modalities:string[]",
                "first_date:date", "last_date:date", "sentences:int"])
    for s, o, rel, d in sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[2], e[1])):
        w.writerow([
            s, o, neo4j_type(rel), edge_id(g, s, rel, o), rel, int(d.get("support", 0)), str(d.get("modality", "")),
            _array(str(d.get("modalities", "")).split("|")), str(d.get("first_date") or ""),
            str(d.get("last_date") or ""), int(d.get("sentences", 0)),
        ])
    return nodes.getvalue(), rels.getvalue()


def write_neo4j_csv(g: nx.MultiDiGraph, folder: str | Path) -> tuple[Path, Path]:
    """Write ``nodes.csv`` and ``relationships.csv`` into ``folder`` (created) and return their paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    nodes_text, rels_text = neo4j_csv(g)
    paths = (folder / NODES_CSV, folder / RELATIONSHIPS_CSV)
    for path, text in zip(paths, (nodes_text, rels_text), strict=True):
        path.write_text(text, encoding="utf-8")
    return paths


# -- PLOVER ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class EventCoding:
    """What ontology/kg.ttl says about one statement class (PLOVER category, mode, CAMEO code)."""

    category: str
    mode: tuple[str, ...] = ()
    cameo_code: str | None = None
    cameo_label: str | None = None


@lru_cache(maxsize=1)
def event_codings() -> tuple[dict[str, EventCoding], dict[str, str]]:
    """From ontology/kg.ttl: statement class local name → :class:`EventCoding` (classes with a
    ``kg:ploverCategory`` only), and modality local name → PLOVER context."""
    from rdflib import Graph, URIRef

    g = Graph().parse(ONTOLOGY_DIR / "kg.ttl")

    def values(s: object, p: str) -> list[str]:
        return sorted(str(o) for o in g.objects(s, URIRef(KG + p)))  # type: ignore[arg-type]

    classes = {}
    for cls, category in g.subject_objects(URIRef(KG + "ploverCategory")):
        code, label = values(cls, "cameoCode"), values(cls, "cameoLabel")
        classes[local_name(cls)] = EventCoding(str(category), tuple(values(cls, "ploverMode")),
                                               code[0] if code else None, label[0] if label else None)
    contexts = {local_name(m): str(c) for m, c in g.subject_objects(URIRef(KG + "ploverContext"))}
    return classes, contexts


_Q_EVENTS = f"""PREFIX kg: <{KG}>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <https://schema.org/>
SELECT ?st ?g ?class ?rt ?subj ?obj ?weapon ?recipient ?modality ?text ?start ?end ?sidx ?conf ?version
       ?edate ?eyear ?article ?title ?publisher ?date ?file WHERE {{
  GRAPH ?g {{
    ?st kg:relationType ?rt ; a ?class ; kg:subject ?subj .
    FILTER (STRSTARTS(STR(?class), "{KG}") && ?class != kg:Statement)
    OPTIONAL {{ ?st kg:object ?obj }}
    OPTIONAL {{ ?st kg:weapon ?weapon }}
    OPTIONAL {{ ?st kg:recipient ?recipient }}
    OPTIONAL {{ ?st kg:modality ?modality }}
    OPTIONAL {{ ?st kg:evidenceText ?text }}
    OPTIONAL {{ ?st kg:startOffset ?start }}
    OPTIONAL {{ ?st kg:endOffset ?end }}
    OPTIONAL {{ ?st kg:sentenceIndex ?sidx }}
    OPTIONAL {{ ?st kg:confidence ?conf }}
    OPTIONAL {{ ?st kg:extractorVersion ?version }}
    OPTIONAL {{ ?st kg:eventDate ?edate }}
    OPTIONAL {{ ?st kg:eventYear ?eyear }}
    OPTIONAL {{ ?st prov:wasDerivedFrom ?article }}
    OPTIONAL {{ ?g dcterms:title ?title }}
    OPTIONAL {{ ?g schema:publisher ?publisher }}
    OPTIONAL {{ ?g dcterms:date ?date }}
    OPTIONAL {{ ?g kg:fileName ?file }}
  }}
}}"""


def plover_events(store: KGStore | Any, g: nx.MultiDiGraph | None = None) -> list[dict[str, Any]]:
    """One PLOVER event record per statement whose class has a PLOVER category, sorted by date
    (undated last), article, sentence and id.

    Source and recipient follow the manual: the accuser, supplier, warner, visitor, sanctioner or
    denier is the source; the accused, recipient of arms, warned, place visited, target or accuser
    is the recipient; both parties of a meeting are sources and there is no recipient. An actor is
    ``{"identifier_id": Wikidata id or null, "identifier_text": English name, "entity": IRI,
    "type": class}``. ``date`` is the event's day when the sentence gives it (``kg:eventDate``), else
    the article's publication date, none when the sentence places the event in another year
    (``event_year``); ``article_date`` is the publication date. ``g`` is the store's
    :func:`kg.graph.to_networkx` graph (read when not given).
    """
    classes, contexts = event_codings()
    g = to_networkx(store) if g is None else g

    def actor(iri: object) -> dict[str, Any]:
        d = g.nodes[str(iri)] if str(iri) in g else {}
        return {
            "identifier_id": str(d.get("wikidata") or "") or None,
            "identifier_text": str(d.get("label") or local_name(iri).replace("_", " ")),
            "entity": str(iri), "type": TYPE_NAMES.get(str(d.get("type")), "Entity"),
        }

    events: dict[str, dict[str, Any]] = {}
    for row in select_rows(store, _Q_EVENTS):
        coding = classes.get(local_name(row["class"]))
        st = str(row["st"])
        if coding is None or st in events:
            continue
        rtype = str(row["rt"])
        modality = local_name(row["modality"]) if row.get("modality") else "asserted"
        subject, obj = actor(row["subj"]), actor(row["obj"]) if row.get("obj") else None
        if rtype == "supplies":
            source, recipient = [subject], [actor(row["recipient"])] if row.get("recipient") else []
        elif RELATIONS.get(rtype) is not None and RELATIONS[rtype].symmetric:
            source, recipient = [subject, *([obj] if obj else [])], []
        else:
            source, recipient = [subject], [obj] if obj else []
        article = str(row.get("article") or row["g"])
        context = contexts.get(modality)
        published = str(row["date"]) if row.get("date") else None
        year = int(str(row["eyear"])[:4]) if row.get("eyear") and str(row["eyear"])[:4].isdigit() else None
        record: dict[str, Any] = {
            "id": f"kg-{local_name(st)}",
            "date": _event_date(row.get("edate"), year, published),
            "event": [coding.category],
            "mode": list(coding.mode) or None,
            "context": [context] if context else None,
            "source": source,
            "recipient": recipient,
            "text": " ".join(str(row.get("text") or "").split()),
            "text_info": {"sequence": row.get("sidx"), "start": row.get("start"), "end": row.get("end")},
            "cite_info": {
                "url": article, "title": str(row["title"]) if row.get("title") else None,
                "publication": str(row["publisher"]) if row.get("publisher") else None, "language": "id",
                "citation": str(row["file"]) if row.get("file") else None,
            },
            "coder": str(row.get("version") or f"kg {__version__}"),
            "cameo_code": coding.cameo_code,
            "cameo_label": coding.cameo_label,
            "relation": rtype,
            "modality": modality,
            "confidence": float(row["conf"]) if row.get("conf") is not None else None,
            "article": article,
            "article_date": published,
            "event_year": year,
            "statement": st,
        }
        if row.get("weapon"):
            record["weapon"] = actor(row["weapon"])
        events[st] = record
    return sorted(events.values(), key=lambda r: (r["date"] is None, r["date"] or "", r["article"],
                                                  r["text_info"]["sequence"] if isinstance(
                                                      r["text_info"]["sequence"], int) else -1, r["id"]))


def _event_date(event_date: object, event_year: int | None, published: str | None) -> str | None:
    """The record's ``date``: the day the sentence gives (``kg:eventDate``), else the publication date,
    unless the sentence puts the event in another year (``kg:eventYear``): then none."""
    if event_date:
        return str(event_date)
    if event_year is not None and not (published or "").startswith(str(event_year)):
        return None
    return published


def plover_jsonl(events: list[dict[str, Any]]) -> str:
    """JSON Lines: one record a line, keys in the order written, non-ASCII kept."""
    return "".join(json.dumps(e, ensure_ascii=False, separators=(",", ":")) + "\n" for e in events)


# -- one call per ``kg export --format`` -----------------------------------------------------


def export(store: KGStore, fmt: str, out: str | Path | None) -> Written | bytes:
    """Write ``fmt`` (one of :data:`FORMATS`) from ``store`` to ``out``; ``out`` None: return the bytes
    (not for ``csv``, which is two files: ``out`` is then a folder)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: one of {', '.join(FORMATS)}")
    g = to_networkx(store)
    if fmt == "csv":
        if out is None:
            raise ValueError("the csv export is two files (nodes.csv, relationships.csv): give a folder with --out")
        paths = write_neo4j_csv(g, out)
        return Written(paths, fmt, nodes=g.number_of_nodes(), edges=g.number_of_edges())
    if fmt == "plover":
        events = plover_events(store, g)
        data = plover_jsonl(events).encode("utf-8")
        if out is None:
            return data
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        Path(out).write_bytes(data)
        return Written((Path(out),), fmt, events=len(events))
    buffer = io.BytesIO()
    (write_graphml if fmt == "graphml" else write_gexf)(g, buffer)
    if out is None:
        return buffer.getvalue()
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    Path(out).write_bytes(buffer.getvalue())
    return Written((Path(out),), fmt, nodes=g.number_of_nodes(), edges=g.number_of_edges())


def neo4j_command(folder: str | Path) -> str:
    """:data:`NEO4J_IMPORT` for the files written into ``folder`` (absolute paths)."""
    folder = Path(folder).resolve()
    return NEO4J_IMPORT.format(nodes=folder / NODES_CSV, relationships=folder / RELATIONSHIPS_CSV)
