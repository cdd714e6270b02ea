"""The knowledge graph as a networkx ``MultiDiGraph``, read from the store with SPARQL.

Notebooks, the exports and the HTML renderer work on this graph rather than on RDF: nodes are
entity IRIs, edges are the direct relation triples of docs/rdf-model.md (``kg:accuses``,
``kg:supplies``, ``kg:suppliesTo``, ...), each carrying its support (number of articles), modalities
and dates. Every attribute is a plain ``str``, ``int`` or ``float``, so networkx's own writers
(``write_graphml``, ``write_gexf``, ...) take the graph as it is; the evidence sentences of the
statement nodes behind an edge come with ``to_networkx(store, evidence=True)``. Only SPARQL is used,
so any store with ``select`` works (embedded Oxigraph, a remote endpoint, or a bare
``pyoxigraph.Store``).
"""

from __future__ import annotations

import difflib
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from kg.store import KGStore, open_store, python_value
from kg.types import MODALITIES
from kg.vocab import KG, WD, local_name

#: Ontology class → the entity type code used everywhere else (kg.types.ENTITY_TYPES).
CLASS_TYPES: dict[str, str] = {
    KG + "Person": "PER",
    KG + "Organization": "ORG",
    KG + "State": "GPE",
    KG + "Location": "LOC",
    KG + "WeaponType": "WEAPON",
}
#: Entity type code → its ontology class name: the type name of the SPARQL tables, the exports and
#: the notebook (``State``, not ``GPE``).
TYPE_NAMES: dict[str, str] = {code: cls.removeprefix(KG) for cls, code in CLASS_TYPES.items()} | {"UNKNOWN": "Entity"}
#: Separates the names in the ``aliases`` attribute (as in ``kg query --named entities``).
ALIAS_SEPARATOR = " | "
#: Direct relation properties, in display order. ``supplies`` points at the weapon type,
#: ``suppliesTo`` from the supplier to the recipient, ``holdsRole`` is the ``role`` relation.
RELATION_PROPERTIES: tuple[str, ...] = (
    "accuses", "supplies", "suppliesTo", "warns", "meets", "visits", "sanctions", "denies", "holdsRole",
)

_PREFIXES = f"""PREFIX kg: <{KG}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <https://schema.org/>
"""

_Q_TYPES = _PREFIXES + """
SELECT ?e ?class (COUNT(DISTINCT ?g) AS ?n) WHERE {
  GRAPH ?g { ?e a ?class }
  VALUES ?class { kg:Person kg:Organization kg:State kg:Location kg:WeaponType }
} GROUP BY ?e ?class"""

_Q_LABELS = _PREFIXES + """
SELECT ?e ?p ?label (LANG(?label) AS ?lang) (COUNT(DISTINCT ?g) AS ?n) WHERE {
  GRAPH ?g { ?e ?p ?label }
  VALUES ?p { rdfs:label skos:prefLabel skos:altLabel }
  FILTER(STRSTARTS(STR(?e), "https://w3id.org/kg-news/resource/entity/"))
} GROUP BY ?e ?p ?label"""

_Q_SAMEAS = _PREFIXES + """
SELECT DISTINCT ?e ?same WHERE {
  GRAPH ?g { ?e owl:sameAs ?same }
  FILTER(STRSTARTS(STR(?e), "https://w3id.org/kg-news/resource/entity/"))
}"""

_Q_MENTIONS = _PREFIXES + """
SELECT ?e (COUNT(DISTINCT ?a) AS ?n) WHERE { GRAPH ?a { ?a kg:mentions ?e } } GROUP BY ?e"""

_Q_DIRECT = _PREFIXES + """
SELECT ?s ?p ?o (COUNT(DISTINCT ?g) AS ?support) WHERE {
  GRAPH ?g { ?s ?p ?o }
  VALUES ?p { RELATIONS }
} GROUP BY ?s ?p ?o""".replace("RELATIONS", " ".join(f"kg:{p}" for p in RELATION_PROPERTIES))

_Q_STATEMENTS = _PREFIXES + """
SELECT ?st ?g ?rt ?subj ?obj ?weapon ?recipient ?title ?modality ?text ?conf ?sidx ?start ?end ?article WHERE {
  GRAPH ?g {
    ?st kg:relationType ?rt ; kg:subject ?subj .
    OPTIONAL { ?st kg:object ?obj }
    OPTIONAL { ?st kg:weapon ?weapon }
    OPTIONAL { ?st kg:recipient ?recipient }
    OPTIONAL { ?st kg:title ?title }
    OPTIONAL { ?st kg:modality ?modality }
    OPTIONAL { ?st kg:evidenceText ?text }
    OPTIONAL { ?st kg:confidence ?conf }
    OPTIONAL { ?st kg:sentenceIndex ?sidx }
    OPTIONAL { ?st kg:startOffset ?start }
    OPTIONAL { ?st kg:endOffset ?end }
    OPTIONAL { ?st prov:wasDerivedFrom ?article }
  }
}"""

_Q_ARTICLES = _PREFIXES + """
SELECT ?a ?title ?publisher ?date ?file ?source WHERE {
  GRAPH ?a {
    ?a a kg:NewsArticle .
    OPTIONAL { ?a dcterms:title ?title }
    OPTIONAL { ?a schema:publisher ?publisher }
    OPTIONAL { ?a dcterms:date ?date }
    OPTIONAL { ?a kg:fileName ?file }
    OPTIONAL { ?a kg:sourceLine ?source }
  }
}"""

_Q_PATHS = _PREFIXES + """
SELECT ?a ?path ?hash WHERE { GRAPH ?a { ?a kg:sourcePath ?path . OPTIONAL { ?a kg:contentHash ?hash } } }"""


class EntityNotFound(LookupError):
    """``find_entity`` found nothing; the message lists close labels."""


def select_rows(store: KGStore | ox.Store, sparql: str) -> list[dict[str, object]]:
    """Run a SELECT on anything that answers SPARQL: a ``kg.store`` store or a ``pyoxigraph.Store``."""
    if hasattr(store, "select"):
        return list(store.select(sparql))
    result = store.query(sparql)
    names = [v.value for v in result.variables]
    return [{n: python_value(row[n]) for n in names} for row in result]


def _open(location: str | Path) -> KGStore:
    """Open a store location (folder or endpoint URL) read-only through ``kg.store``."""
    return open_store(location, read_only=True)


def to_networkx(store: KGStore | ox.Store | str | Path, *, evidence: bool = False) -> nx.MultiDiGraph:
    """Entities and relations of the whole store as a ``MultiDiGraph``.

    ``store`` is a ``kg.store`` store, a ``pyoxigraph.Store`` or a store location (folder or URL).
    Every attribute is a ``str``, ``int`` or ``float`` (no ``None``, no lists), so
    ``nx.write_graphml``/``nx.write_gexf`` accept the graph unchanged.

    Node (entity IRI) attributes: ``type`` (PER/ORG/GPE/LOC/WEAPON; :data:`TYPE_NAMES` gives the
    class name), ``label`` (English name), ``aliases`` (the other names seen, sorted, joined by
    :data:`ALIAS_SEPARATOR`; :func:`names` splits them), ``wikidata`` (Q-id or ""), ``key`` (IRI
    local name), ``articles`` (number of articles mentioning it), ``degree`` and ``support_degree``
    (sum of the support of its relations).
    Edge attributes (key = relation): ``relation`` (property local name: accuses, supplies,
    suppliesTo, ..., holdsRole), ``support`` (number of distinct articles), ``modality`` (the most
    frequent one), ``modalities`` (all of them, most certain first, joined by ``|``),
    ``first_date``/``last_date`` (ISO dates of the earliest and latest dated article behind it,
    "" when none is dated), ``sentences`` (number of evidence sentences).
    Graph attributes: ``article_count``.

    With ``evidence=True`` (the renderer, the notebook), each edge also has ``evidence``: a list of
    dicts (sentence, modality, confidence, sentence_index, start, end, article, article_title, outlet, date,
    file, statement, plus weapon/recipient/title when set), oldest dated article first, and the
    graph has ``articles``: article IRI → title, outlet, date, file, source_line, paths (the
    ``kg:sourcePath`` of each file holding its text) and content_hash. Those are Python
    values that the networkx writers refuse; :mod:`kg.export` writes files.
    """
    if isinstance(store, str | Path):
        opened = _open(store)
        try:
            return to_networkx(opened, evidence=evidence)
        finally:
            close = getattr(opened, "close", None)
            if close is not None:
                close()

    g = nx.MultiDiGraph()
    # -- nodes -------------------------------------------------------------------------------
    type_votes: dict[str, Counter[str]] = defaultdict(Counter)
    for row in select_rows(store, _Q_TYPES):
        type_votes[str(row["e"])][CLASS_TYPES[str(row["class"])]] += int(row["n"] or 1)
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    english: dict[str, Counter[str]] = defaultdict(Counter)
    for row in select_rows(store, _Q_LABELS):
        e, label, n = str(row["e"]), str(row["label"]), int(row["n"] or 1)
        labels[e][label] += n
        if local_name(str(row["p"])) in ("label", "prefLabel") and str(row.get("lang") or "") in ("en", ""):
            english[e][label] += n
    wikidata: dict[str, str] = {}
    for row in select_rows(store, _Q_SAMEAS):
        same = str(row["same"])
        if same.startswith(WD):
            wikidata.setdefault(str(row["e"]), same[len(WD):])
    mentions = {str(r["e"]): int(r["n"] or 0) for r in select_rows(store, _Q_MENTIONS)}

    def add_node(e: str) -> None:
        if e in g:
            return
        votes = type_votes.get(e)
        etype = _vote(votes, order=("GPE", "PER", "ORG", "LOC", "WEAPON")) if votes else "UNKNOWN"
        label = _vote(english.get(e)) or _vote(labels.get(e)) or local_name(e).replace("_", " ")
        g.add_node(
            e, type=etype, label=label, aliases=_join_aliases(x for x in labels.get(e, ()) if x != label),
            wikidata=wikidata.get(e, ""), key=local_name(e), articles=mentions.get(e, 0),
        )

    for e in sorted(type_votes):
        add_node(e)

    # -- articles, statements → evidence per direct triple -----------------------------------
    articles = {str(r["a"]): r for r in select_rows(store, _Q_ARTICLES)}
    behind: dict[tuple[str, str, str], list[dict[str, object]]] = defaultdict(list)
    for row in select_rows(store, _Q_STATEMENTS):
        rtype = str(row["rt"])
        subj = str(row["subj"])
        art = str(row.get("article") or row["g"])
        meta = articles.get(art, {})
        item: dict[str, object] = {
            "sentence": str(row.get("text") or ""),
            "modality": local_name(str(row["modality"])) if row.get("modality") else "asserted",
            "confidence": row.get("conf"),
            "sentence_index": row.get("sidx"),
            "start": row.get("start"),
            "end": row.get("end"),
            "article": art,
            "article_title": str(meta.get("title") or "") or None,
            "outlet": meta.get("publisher"),
            "date": str(meta["date"]) if meta.get("date") else None,
            "file": meta.get("file"),
            "statement": str(row["st"]),
        }
        for extra in ("weapon", "recipient", "title"):
            if row.get(extra):
                item[extra] = str(row[extra])
        for triple in _direct_triples(rtype, subj, row):
            behind[triple].append(item)

    # -- edges: direct triples (support from named graphs) ∪ triples implied by statements ----
    support = {
        (str(r["s"]), local_name(str(r["p"])), str(r["o"])): int(r["support"] or 0)
        for r in select_rows(store, _Q_DIRECT)
    }
    for s, rel, o in sorted(set(support) | set(behind), key=_triple_order):
        items = sorted(behind.get((s, rel, o), []), key=_evidence_order)
        n_articles = len({i["article"] for i in items})
        modalities = Counter(str(i["modality"]) for i in items)
        dates = sorted(str(i["date"]) for i in items if i.get("date"))
        add_node(s)
        add_node(o)
        extra: dict[str, object] = {"evidence": items} if evidence else {}
        g.add_edge(
            s, o, key=rel, relation=rel,
            support=max(support.get((s, rel, o), 0), n_articles),
            modality=_vote(modalities, order=MODALITIES) or "asserted",
            modalities="|".join(sorted(modalities, key=_modality_rank)) or "asserted",
            first_date=dates[0] if dates else "", last_date=dates[-1] if dates else "",
            sentences=len(items), **extra,
        )

    for n in g.nodes:
        g.nodes[n]["degree"] = g.degree(n)
        g.nodes[n]["support_degree"] = sum(d["support"] for *_, d in g.in_edges(n, data=True)) + sum(
            d["support"] for *_, d in g.out_edges(n, data=True)
        )
    g.graph["article_count"] = len(articles)
    if evidence:
        paths: dict[str, list[str]] = defaultdict(list)
        hashes: dict[str, str] = {}
        for r in select_rows(store, _Q_PATHS):
            paths[str(r["a"])].append(str(r["path"]))
            if r.get("hash"):
                hashes[str(r["a"])] = str(r["hash"])
        g.graph["articles"] = {
            a: {
                "title": r.get("title"), "outlet": r.get("publisher"),
                "date": str(r["date"]) if r.get("date") else None,
                "file": r.get("file"), "source_line": r.get("source"),
                "paths": sorted(paths.get(a, [])), "content_hash": hashes.get(a),
            }
            for a, r in sorted(articles.items())
        }
    return g


def names(data: dict[str, object]) -> list[str]:
    """Every name of a node (its attribute dict): the label first, then the aliases."""
    label = str(data.get("label", ""))
    aliases = str(data.get("aliases") or "")
    return [label, *(a for a in aliases.split(ALIAS_SEPARATOR) if a and a != label)]


def _join_aliases(names: Iterable[str]) -> str:
    """Sorted, distinct names joined by :data:`ALIAS_SEPARATOR` (a name holding it has it replaced)."""
    return ALIAS_SEPARATOR.join(sorted({n.replace(ALIAS_SEPARATOR, " / ") for n in names}))


def has_evidence(g: nx.MultiDiGraph) -> bool:
    """Whether ``g`` came from ``to_networkx(..., evidence=True)`` (an edgeless graph: it says so too)."""
    return all("evidence" in d for *_, d in g.edges(data=True))


def _direct_triples(rtype: str, subj: str, row: dict[str, object]) -> list[tuple[str, str, str]]:
    """The direct triples that a statement node stands behind (docs/rdf-model.md)."""
    if rtype == "supplies":
        out = []
        if row.get("weapon"):
            out.append((subj, "supplies", str(row["weapon"])))
        if row.get("recipient"):
            out.append((subj, "suppliesTo", str(row["recipient"])))
        return out
    if not row.get("obj"):
        return []
    return [(subj, "holdsRole" if rtype == "role" else rtype, str(row["obj"]))]


def _vote(counts: Counter[str] | None, order: Iterable[str] = ()) -> str | None:
    """The most frequent value; ties go to the earlier one in ``order``, then alphabetical."""
    if not counts:
        return None
    rank = {v: i for i, v in enumerate(order)}
    return min(counts, key=lambda v: (-counts[v], rank.get(v, len(rank)), v))


def _modality_rank(m: str) -> int:
    return MODALITIES.index(m) if m in MODALITIES else len(MODALITIES)


def _triple_order(t: tuple[str, str, str]) -> tuple:
    s, rel, o = t
    rank = RELATION_PROPERTIES.index(rel) if rel in RELATION_PROPERTIES else len(RELATION_PROPERTIES)
    return (s, rank, rel, o)


def _evidence_order(item: dict[str, object]) -> tuple:
    return (  # dated articles first, oldest first; then by title
        not item.get("date"), str(item.get("date") or ""), str(item.get("article_title") or ""),
        str(item["article"]),
        item.get("sentence_index") if isinstance(item.get("sentence_index"), int) else -1,
        str(item["statement"]),
    )


# -- lookups and views used by the renderer and the notebook ---------------------------------


def find_entity(g: nx.MultiDiGraph, name: str) -> str:
    """The node for ``name``: an IRI, a key (``north_korea``) or any label, case-insensitive.

    Raises ``EntityNotFound`` with the closest labels when nothing matches.
    """
    if name in g:
        return name
    wanted = name.strip().casefold()
    by_key = [n for n, d in g.nodes(data=True) if str(d.get("key", "")).casefold() == wanted]
    if by_key:
        return by_key[0]
    hits = sorted(
        (n for n, d in g.nodes(data=True) if wanted in {x.casefold() for x in names(d)}),
        key=lambda n: (-g.nodes[n].get("support_degree", 0), n),
    )
    if hits:
        return hits[0]
    known = sorted({x for _, d in g.nodes(data=True) for x in names(d)})
    close = difflib.get_close_matches(name, known, n=5, cutoff=0.5)
    hint = f"; did you mean: {', '.join(close)}?" if close else ""
    raise EntityNotFound(f"no entity named {name!r} in the graph{hint}")


def neighbourhood(g: nx.MultiDiGraph, node: str, radius: int = 1) -> nx.MultiDiGraph:
    """The subgraph within ``radius`` hops of ``node``, ignoring edge direction."""
    keep = nx.single_source_shortest_path_length(g.to_undirected(as_view=True), node, cutoff=radius)
    return g.subgraph(keep).copy()


def most_connected(g: nx.MultiDiGraph, max_nodes: int) -> nx.MultiDiGraph:
    """The ``max_nodes`` best connected entities: ranked by summed support of their relations, then
    by degree and article count; isolated entities come last."""
    if g.number_of_nodes() <= max_nodes:
        return g.copy()
    ranked = sorted(
        g.nodes,
        key=lambda n: (
            -g.nodes[n].get("support_degree", 0), -g.degree(n), -g.nodes[n].get("articles", 0), n,
        ),
    )
    return g.subgraph(ranked[:max_nodes]).copy()


def relation_graph(g: nx.MultiDiGraph, relation: str) -> nx.DiGraph:
    """A weighted ``DiGraph`` of one relation (weight = support), e.g. the accusation network."""
    out = nx.DiGraph()
    for s, o, d in g.edges(data=True):
        if d["relation"] == relation:
            out.add_node(s, **g.nodes[s])
            out.add_node(o, **g.nodes[o])
            out.add_edge(s, o, weight=d["support"], modality=d["modality"])
    return out


def supply_network(g: nx.MultiDiGraph) -> nx.DiGraph:
    """Supplier → weapon type → recipient, from the ``supplies`` edges' statements.

    Weight = number of articles behind each hop; a hop weapon → recipient exists only where a
    statement names both (the direct triples alone do not tie a weapon to a recipient), so ``g``
    must come from ``to_networkx(..., evidence=True)``.
    """
    _need_evidence(g, "supply_network")
    out = nx.DiGraph()
    hops: dict[tuple[str, str], set[str]] = defaultdict(set)
    for s, w, d in g.edges(data=True):
        if d["relation"] != "supplies":
            continue
        hops[(s, w)] |= {str(i["article"]) for i in d["evidence"]} or {""}
        for item in d["evidence"]:
            if item.get("recipient"):
                hops[(w, str(item["recipient"]))].add(str(item["article"]))
    for (a, b), arts in sorted(hops.items()):
        for n in (a, b):
            out.add_node(n, **(g.nodes[n] if n in g else {}))
        out.add_edge(a, b, weight=len(arts))
    return out


def supply_chains(g: nx.MultiDiGraph) -> list[tuple[str, str, str]]:
    """Every (supplier, weapon type, recipient) path of ``supply_network``, sorted by label (``g`` from
    ``to_networkx(..., evidence=True)``)."""
    net = supply_network(g)
    chains = {
        (s, w, r)
        for s, w in net.edges
        if net.nodes[w].get("type") == "WEAPON"
        for r in net.successors(w)
        if r != s and any(i.get("recipient") == r for i in _supplies_evidence(g, s, w))
    }

    def label(n: str) -> str:
        return str(g.nodes[n].get("label", n)) if n in g else n

    return sorted(chains, key=lambda c: tuple(label(n) for n in c))


def _need_evidence(g: nx.MultiDiGraph, what: str) -> None:
    if not has_evidence(g):
        raise ValueError(f"{what} reads the statements behind the edges: use to_networkx(store, evidence=True)")


def _supplies_evidence(g: nx.MultiDiGraph, s: str, w: str) -> list[dict[str, object]]:
    data = g.get_edge_data(s, w, key="supplies") or {}
    return list(data.get("evidence", []))
