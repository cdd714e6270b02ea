"""What every store is and shares: the :class:`KGStore` protocol, the errors, and the helpers that the
embedded store (:mod:`kg.store.local`) and the SPARQL endpoint store (:mod:`kg.store.remote`) both use.

Both stores answer the same SPARQL through the same code here (``rows_of``, ``article_index``,
``store_stats``), upload the same N-Triples (``graph_body``, ``replace_update``) and export the same
bytes (``export_quads``), so a build, a query or an export gives one result whichever store holds
the graph. This module imports neither implementation.

Each article is one named graph; the default graph is the *merged graph*, every distinct triple of
the article graphs once, changed in the same transaction as the article graph (``replace_update``,
``remove_update``, ``merged_nquads``), so that aggregates written without ``GRAPH`` count right on
any SPARQL 1.1 endpoint (see docs/rdf-model.md).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Protocol, runtime_checkable

import pyoxigraph as ox

from kg.rdf import ENTITY_CLASSES, EXPORT_PREFIXES
from kg.vocab import KG, XSD

if TYPE_CHECKING:
    import rdflib

    from kg.rdf import Validation

#: ``kg export`` formats → pyoxigraph formats (turtle merges all graphs into one).
EXPORT_FORMATS: dict[str, ox.RdfFormat] = {
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "turtle": ox.RdfFormat.TURTLE,
    "jsonld": ox.RdfFormat.JSON_LD,
}
#: File suffix → export format, for ``--out`` without ``--format``.
SUFFIX_FORMATS = {".trig": "trig", ".nq": "nquads", ".nquads": "nquads", ".ttl": "turtle",
                  ".jsonld": "jsonld", ".json": "jsonld"}
_INTEGER = {XSD + t for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                              "positiveInteger", "nonPositiveInteger", "negativeInteger",
                              "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte")}
_FLOAT = {XSD + "decimal", XSD + "double", XSD + "float"}


class StoreError(RuntimeError):
    """The store cannot be opened or used (the message says why, in one line)."""

    #: what ``kg`` exits with when this error ends a command (see kg.cli)
    exit_code = 1


class StoreLocked(StoreError):
    """Another process (or another handle in this one) is writing, or reading while we write."""

    exit_code = 3


class StoreMissing(StoreError):
    """A read-only open of a folder that holds no store."""

    exit_code = 2


@runtime_checkable
class KGStore(Protocol):
    """What the pipeline, ``kg query``, the graph and the notebook need from a store: the embedded
    :class:`kg.store.local.Store` and :class:`kg.store.remote.RemoteStore` both are one."""

    read_only: bool

    def query(self, sparql: str, *, union: bool = ...) -> Any:
        """Run a SPARQL query; the result has pyoxigraph's types (QuerySolutions, QueryBoolean, QueryTriples)."""

    def select(self, sparql: str, *, union: bool = ...) -> list[dict[str, object]]:
        """SELECT/ASK rows as dicts of plain Python values; unbound variables are left out."""

    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 Update."""

    def __len__(self) -> int:
        """Number of quads in the article graphs (the merged graph is their union, not counted)."""

    def article_hashes(self) -> dict[str, str]:
        """Article IRI → content hash."""

    def article_builds(self) -> dict[str, str]:
        """Article IRI → pipeline fingerprint (``kg.fingerprint``)."""

    def article_files(self) -> dict[str, str]:
        """Article IRI → file name."""

    def graphs(self) -> list[str]:
        """IRIs of all named graphs, sorted."""

    def replace_article(self, graph_iri: str, quads: Iterable[ox.Quad] | bytes, *, drop: Iterable[str] = ()) -> None:
        """Make ``graph_iri`` hold exactly ``quads`` and drop the graphs in ``drop``, as one unit."""

    def remove_article(self, graph_iri: str) -> None:
        """Drop one article's named graph (nothing happens if it is not there)."""

    def iter_quads(self) -> Iterator[ox.Quad]:
        """Every quad of the article graphs (not the merged graph: :func:`merged_triples`)."""

    def nquads(self) -> str:
        """The article graphs as sorted N-Quads."""

    def export(self, fmt: str, out_path: str | Path | IO[bytes] | None = None) -> bytes | None:
        """The whole store as trig | nquads | turtle | jsonld."""

    def to_rdflib(self) -> rdflib.Dataset:
        """A copy as an ``rdflib.Dataset``."""

    def validate(self, *, progress: bool = False) -> Validation:
        """SHACL validation against ``ontology/shapes.ttl``."""

    def stats(self) -> dict[str, Any]:
        """Totals for the build summary (:func:`store_stats`)."""

    def close(self) -> None:
        """Release whatever the store holds."""

    def __enter__(self) -> KGStore: ...

    def __exit__(self, *exc: object) -> None: ...


def os_error_line(exc: OSError) -> str:
    """An OS error as one line for the user: what failed, where, and what to do for the common ones."""
    import errno

    where = f": {exc.filename}" if exc.filename else ""
    if not exc.strerror:  # pyoxigraph's IO errors carry only a message
        return " ".join(str(exc).split())[:300] or type(exc).__name__
    hint = {errno.ENOSPC: "; free some space (the store is left as it was before the failed write)",
            errno.EDQUOT: "; free some space", errno.EROFS: "; the file system is read-only",
            errno.EACCES: "; check the permissions (or pick another --store / --out)",
            errno.EPERM: "; check the permissions (or pick another --store / --out)"}.get(exc.errno or 0, "")
    return f"{exc.strerror or type(exc).__name__}{where}{hint}"


def python_value(term: object) -> object:
    """A pyoxigraph term as a plain value: IRIs and literals as str, numbers as int/float, booleans."""
    if isinstance(term, ox.Literal):
        dt = term.datatype.value
        try:
            if dt in _INTEGER:
                return int(term.value)
            if dt in _FLOAT:
                return float(term.value)
        except ValueError:
            return term.value
        if dt == XSD + "boolean":
            return term.value in ("true", "1")
        return term.value
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return None if term is None else str(term)


def rows_of(result: object) -> list[dict[str, object]]:
    """SELECT/ASK results as dicts of plain Python values; unbound variables are left out.

    Shared by the embedded and the remote store, so both answer ``select()`` alike.
    """
    if isinstance(result, ox.QueryBoolean):
        return [{"result": bool(result)}]
    if not isinstance(result, ox.QuerySolutions):
        raise ValueError("select() needs a SELECT or ASK query; use query() for CONSTRUCT")
    names = [v.value for v in result.variables]
    return [{n: python_value(v) for n in names if (v := sol[n]) is not None} for sol in result]


def store_stats(store: KGStore) -> dict[str, Any]:
    """Articles, sentences, entities by type, statements by relation type, quads: from SPARQL only."""
    p = f"PREFIX kg: <{KG}>\n"
    art = store.select(p + "SELECT (COUNT(DISTINCT ?g) AS ?n) (SUM(?c) AS ?s) WHERE "
                           "{ GRAPH ?g { ?g kg:sentenceCount ?c } }")
    ents = store.select(p + "SELECT ?t (COUNT(DISTINCT ?e) AS ?n) WHERE { GRAPH ?g { ?e a ?t } "
                            "VALUES ?t { kg:Person kg:Organization kg:State kg:Location kg:WeaponType } } "
                            "GROUP BY ?t")
    rels = store.select(p + "SELECT ?r (COUNT(DISTINCT ?st) AS ?n) WHERE "
                            "{ GRAPH ?g { ?st kg:relationType ?r } } GROUP BY ?r")
    merged = store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    codes = {KG + cls: code for code, cls in ENTITY_CLASSES.items()}
    return {
        "articles": int(art[0].get("n", 0)) if art else 0,
        "sentences": int(art[0].get("s", 0) or 0) if art else 0,
        "entities": {codes[str(r["t"])]: int(r["n"]) for r in ents},
        "relations": {str(r["r"]): int(r["n"]) for r in rels},
        "triples": len(store),
        "distinct_triples": int(merged[0].get("n", 0)) if merged else 0,  # the merged graph
    }


def article_index(store: KGStore, prop: str) -> dict[str, str]:
    """Article IRI → the value of ``kg:<prop>`` written on the article in its own named graph.

    Shared by the embedded and the remote store; it reads named graphs only (``union=False``).
    """
    rows = store.select(f"SELECT ?g ?v WHERE {{ GRAPH ?g {{ ?g <{KG}{prop}> ?v }} }}", union=False)
    return {str(r["g"]): str(r["v"]) for r in rows if "g" in r and "v" in r}


class ArticleIndex:
    """The article lookups an incremental build needs, written once for both stores (they only
    need ``select``)."""

    def article_hashes(self) -> dict[str, str]:
        """Article IRI → content hash, read from each article's own named graph."""
        return article_index(self, "contentHash")  # type: ignore[arg-type]

    def article_builds(self) -> dict[str, str]:
        """Article IRI → the pipeline fingerprint it was built with (``kg.fingerprint``)."""
        return article_index(self, "builtWith")  # type: ignore[arg-type]

    def article_files(self) -> dict[str, str]:
        """Article IRI → the file name it was built from."""
        return article_index(self, "fileName")  # type: ignore[arg-type]


def iri_ref(value: str) -> str:
    """``<value>`` for a SPARQL Update; an empty IRI or one with characters that could end it is refused."""
    if not value or any(c in value for c in '<>"{}|^`\\ \n\t'):
        raise ValueError(f"not a valid IRI: {value!r}")
    return f"<{value}>"


def graph_body(graph_iri: str, quads: Iterable[ox.Quad] | bytes) -> tuple[bytes, int]:
    """One article graph's triples as N-Triples, and how many: what both stores upload.

    Quads must all be in ``graph_iri`` (or the default graph); bytes are taken as N-Triples and
    checked by the parser when they are loaded.
    """
    if isinstance(quads, (bytes, bytearray)):
        return bytes(quads), quads.count(b"\n")
    triples = []
    for q in quads:
        g = q.graph_name
        if not isinstance(g, ox.DefaultGraph) and g.value != graph_iri:
            raise ValueError(f"quad in graph {g} given for article graph <{graph_iri}>")
        triples.append(q.triple)
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), len(triples)


def replace_update(graph_iri: str, body: bytes, drops: Iterable[str], *, bytes_given: bool) -> str:
    """The SPARQL Update that drops ``drops`` and the graph, then inserts ``body`` (N-Triples) into it,
    keeping the merged graph (the default graph) exact in the same request: the triples only the
    dropped graphs held leave it, the new graph's triples join it.

    N-Triples handed in by a caller are parsed and written out again first: pasted into INSERT DATA
    unchecked, a crafted line could close the block and add an update of its own.
    """
    if bytes_given:
        body = ox.serialize(list(ox.parse(body, format=ox.RdfFormat.N_TRIPLES)), format=ox.RdfFormat.N_TRIPLES)
    g = iri_ref(graph_iri)
    return (f"{remove_update([graph_iri, *drops])} ;\n"
            f"INSERT DATA {{ GRAPH {g} {{\n{body.decode('utf-8')}}} }} ;\n"
            f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} }}")


def remove_update(graph_iris: Iterable[str]) -> str:
    """The SPARQL Update that drops the named graphs ``graph_iris`` and, first, takes out of the merged
    graph every triple that no other named graph holds (one request, so one transaction)."""
    refs = [iri_ref(i) for i in sorted(set(graph_iris))]
    if not refs:
        raise ValueError("no graph to remove")
    return (f"DELETE {{ ?s ?p ?o }} WHERE {{ VALUES ?gone {{ {' '.join(refs)} }} GRAPH ?gone {{ ?s ?p ?o }}\n"
            f"  FILTER NOT EXISTS {{ GRAPH ?kept {{ ?s ?p ?o }} FILTER (?kept NOT IN ({', '.join(refs)})) }} }} ;\n"
            + " ;\n".join(f"DROP SILENT GRAPH {r}" for r in refs))


def merged_nquads(graph_iri: str, body: bytes) -> bytes:
    """One article graph's N-Triples as N-Quads for one transactional load: each triple once in the
    named graph ``graph_iri`` and once in the merged (default) graph, which keeps it once however many
    articles hold it. Lines are rewritten as bytes (no Python object per triple); text that is not
    one triple per line ending in ``.`` is parsed and written out again first."""
    lines = [ln.rstrip() for ln in body.split(b"\n")]
    lines = [ln for ln in lines if ln and not ln.lstrip().startswith(b"#")]
    if not all(ln.endswith(b".") for ln in lines):
        body = ox.serialize(list(ox.parse(body, format=ox.RdfFormat.N_TRIPLES)), format=ox.RdfFormat.N_TRIPLES)
        lines = [ln.rstrip() for ln in body.split(b"\n") if ln.strip()]
    g = iri_ref(graph_iri).encode("utf-8")
    named = b"".join(ln[:-1].rstrip() + b" " + g + b" .\n" for ln in lines)
    # a line that was a quad already gets a second graph name below and fails to parse: nothing is loaded
    return b"".join(ln + b"\n" for ln in lines) + named


def merged_triples(store: KGStore) -> Iterator[ox.Triple]:
    """Every triple of the merged graph (the default graph of the store)."""
    for sol in store.query("SELECT ?s ?p ?o WHERE { ?s ?p ?o }"):
        yield ox.Triple(sol["s"], sol["p"], sol["o"])


def missing_from_merged(store: KGStore) -> list[str]:
    """Article graphs whose triples are not in the merged graph (a store built before it existed)."""
    rows = store.select(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?g <{KG}contentHash> ?h }} "
                        f"FILTER NOT EXISTS {{ ?g <{KG}contentHash> ?h }} }}")
    return sorted(str(r["g"]) for r in rows if "g" in r)


def merged_incomplete(store: KGStore) -> bool:
    """Whether some article graph is missing from the merged graph (stops at the first one)."""
    rows = store.select(f"ASK {{ GRAPH ?g {{ ?g <{KG}contentHash> ?h }} FILTER NOT EXISTS {{ ?g <{KG}contentHash> ?h }} }}")
    return bool(rows and rows[0].get("result"))


def sync_merged(store: KGStore) -> int:
    """Add to the merged graph the triples of every article graph missing from it; returns how many
    graphs. A store written by kg before the merged graph existed is brought up to date on its first
    build; afterwards every write keeps it exact and this finds nothing."""
    missing = missing_from_merged(store)
    for iri in missing:
        store.update(f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH {iri_ref(iri)} {{ ?s ?p ?o }} }}")
    return len(missing)


def export_quads(store: KGStore, fmt: str, out: str | Path | IO[bytes] | None = None) -> bytes | None:
    """Write the whole store as trig | nquads | turtle | jsonld; ``None`` → return bytes.

    N-Quads lines are sorted and TriG/JSON-LD are grouped by graph and subject in sorted order,
    so exports of equal stores are byte-identical, whichever store holds them. Turtle has no named
    graphs: it is the union of all article graphs, each triple once.
    """
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: choose one of {', '.join(EXPORT_FORMATS)}")
    if fmt == "nquads":
        return _write(store.nquads().encode("utf-8"), out)
    if fmt == "turtle":
        triples = {ox.Triple(q.subject, q.predicate, q.object) for q in store.iter_quads()}
        items: list = sorted(triples, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    else:
        items = sorted(store.iter_quads(), key=lambda q: (str(q.graph_name), str(q.subject),
                                                            str(q.predicate), str(q.object)))
    return _write(ox.serialize(items, format=EXPORT_FORMATS[fmt], prefixes=EXPORT_PREFIXES), out)


def validate_store(store: KGStore, *, progress: bool = False) -> Validation:
    """SHACL-validate every article graph (:func:`kg.rdf.validate`) and check that the merged graph
    holds exactly the distinct triples of the article graphs."""
    from kg.rdf import Validation, validate

    named = list(store.iter_quads())
    merged = set(merged_triples(store))
    result = validate(named, progress=progress)
    union = {q.triple for q in named}
    extra, missing = len(merged - union), len(union - merged)
    if not extra and not missing:
        return result
    line = (f"merged graph out of step with the article graphs: {missing} triples missing from it, {extra} "
            "held by no article graph (rebuild with `kg build --force`)")
    report = line if result.conforms else f"{result.report}\n{line}"
    return Validation(False, report, result.violations + 1)


def _write(data: bytes, out: str | Path | IO[bytes] | None) -> bytes | None:
    if out is None:
        return data
    if isinstance(out, (str, Path)):
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        Path(out).write_bytes(data)
    else:
        out.write(data)
        if isinstance(out, io.BufferedWriter):
            out.flush()
    return None
