"""What every store is and shares: the :class:`KGStore` protocol, the errors, and the helpers that the
embedded store (:mod:`kg.store.local`) and the SPARQL endpoint store (:mod:`kg.store.remote`) both use.

Both stores answer the same SPARQL through the same code here (``rows_of``, ``article_index``,
``store_stats``), upload the same N-Triples (``graph_body``, ``replace_update``) and export the same
bytes (``export_quads``), so a build, a query or an export gives one result whichever store holds
the graph. This module imports neither implementation.
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
        """Number of quads."""

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
        """Every quad."""

    def nquads(self) -> str:
        """The whole store as sorted N-Quads."""

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
    codes = {KG + cls: code for code, cls in ENTITY_CLASSES.items()}
    return {
        "articles": int(art[0].get("n", 0)) if art else 0,
        "sentences": int(art[0].get("s", 0) or 0) if art else 0,
        "entities": {codes[str(r["t"])]: int(r["n"]) for r in ents},
        "relations": {str(r["r"]): int(r["n"]) for r in rels},
        "triples": len(store),
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
    """The SPARQL Update that drops ``drops`` and the graph, then inserts ``body`` (N-Triples) into it.

    N-Triples handed in by a caller are parsed and written out again first: pasted into INSERT DATA
    unchecked, a crafted line could close the block and add an update of its own.
    """
    if bytes_given:
        body = ox.serialize(list(ox.parse(body, format=ox.RdfFormat.N_TRIPLES)), format=ox.RdfFormat.N_TRIPLES)
    dropped = "".join(f"DROP SILENT GRAPH {iri_ref(d)} ;\n" for d in drops)
    g = iri_ref(graph_iri)
    return f"{dropped}DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{\n{body.decode('utf-8')}}} }}"


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
