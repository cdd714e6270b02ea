"""A store on any SPARQL 1.1 endpoint: the :class:`~kg.store.base.KGStore` the embedded ``Store`` also is.

Every write is one SPARQL 1.1 Update request, which the endpoint applies as one unit: it replaces
(or drops) an article's named graph and keeps the merged graph, the endpoint's default graph, exact
in the same request (:func:`kg.store.base.replace_update`). Queries go to the default graph as it
is (no ``union-default-graph``), so COUNT and SUM are right on any SPARQL 1.1 endpoint. The Graph
Store Protocol is used only to download the whole dataset when the server offers it.

Endpoint layout: given a base URL such as ``http://127.0.0.1:7878/`` (Oxigraph, ``kg serve``), the
query, update and graph-store endpoints are ``query``, ``update`` and ``store`` below it. A URL that
already ends in ``/query`` or ``/sparql`` is taken as the query endpoint and its siblings are used
(Fuseki: ``/ds/sparql``, ``/ds/update``). A server with no ``query`` below the URL (404) is
queried at the URL itself; one with no update URL beside the query URL is sent updates at the
query URL itself, as rdflib-endpoint, Virtuoso and Blazegraph take them (learnt on the first
write). Other layouts can be named explicitly (``query_url``, ``update_url``, ``store_url``).

Only the standard library is used for HTTP, so the remote store adds no dependency.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import pyoxigraph as ox

from kg.store.base import (
    ArticleIndex,
    StoreError,
    export_quads,
    graph_body,
    remove_update,
    replace_update,
    rows_of,
    store_stats,
    validate_store,
)

if TYPE_CHECKING:
    import rdflib

    from kg.rdf import Validation

_RESULTS_ACCEPT = (
    "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8, "
    "application/sparql-results+xml;q=0.5"
)
_MISSING = {404, 405, 501}  # a server that has no such service at that URL


class RemoteStoreError(StoreError):
    """The endpoint is unreachable, refused a request, or answered something unusable."""


class EndpointUnreachable(RemoteStoreError, ConnectionError):
    """No answer from the endpoint. Also an ``OSError``, so a build stops at once (the store
    failed, not one article) instead of extracting everything to write nowhere."""


class ReadOnlyError(RemoteStoreError, PermissionError):
    """A write was attempted on a store opened read-only, or the server refused it (HTTP 403).
    Also an ``OSError`` (see :class:`EndpointUnreachable`)."""


def endpoints(url: str) -> tuple[str, str, str]:
    """(query, update, graph store) URLs for a base URL (see the module docstring)."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise RemoteStoreError(f"not an http(s) SPARQL endpoint URL: {url!r}")
    path = parts.path.rstrip("/")
    last = path.rsplit("/", 1)[-1]
    if last in ("query", "sparql"):
        base = path[: -len(last)].rstrip("/")
        query = path
    else:
        base = path
        query = base + "/query"

    def at(p: str) -> str:
        return urllib.parse.urlunsplit((parts.scheme, parts.netloc, p, "", ""))

    return at(query), at(base + "/update"), at(base + "/store")


class RemoteStore(ArticleIndex):
    """The :class:`~kg.store.base.KGStore` interface over HTTP. Cheap to create; holds no connection."""

    def __init__(
        self,
        url: str,
        *,
        read_only: bool = False,
        query_url: str | None = None,
        update_url: str | None = None,
        store_url: str | None = None,
        timeout: float = 120.0,
        union_default_graph: bool = False,
    ) -> None:
        q, u, s = endpoints(url)
        self.url = url
        #: learnt on first query: a server with its query service at the given URL itself (no
        #: ``/query`` below it, e.g. rdflib-endpoint at ``/``) is then asked there
        self._query_guessed = query_url is None and q.rstrip("/") != url.rstrip("/")
        self.query_url = query_url or q
        self.update_url = update_url or u
        self.store_url = store_url or s
        self.read_only = read_only
        self.timeout = timeout
        #: Ask the server to treat the default graph as the union of all graphs (Oxigraph honours the
        #: ``union-default-graph`` parameter; others ignore it). Off: the default graph is the merged
        #: graph kg keeps, and Oxigraph's union counts a triple once per graph (its issue 1919).
        self.union_default_graph = union_default_graph
        #: learnt on first update when the update URL was guessed: servers such as rdflib-endpoint,
        #: Virtuoso or Blazegraph take updates at the query URL itself (SPARQL 1.1 Protocol allows it)
        self._update_at_query: bool | None = None if update_url is None else False
        self.closed = False

    def __repr__(self) -> str:
        return f"RemoteStore({self.url!r}{', read_only=True' if self.read_only else ''})"

    # -- HTTP -------------------------------------------------------------------------------

    def _request(
        self,
        method: str,
        url: str,
        *,
        data: bytes | None = None,
        headers: dict[str, str] | None = None,
        ok_missing: bool = False,
        what: str = "request",
    ):
        """Send one request; returns the open response (caller closes), or None on an allowed 404."""
        req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
        try:
            return urllib.request.urlopen(req, timeout=self.timeout)  # noqa: S310 (http(s) only)
        except urllib.error.HTTPError as e:
            body = e.read().decode("utf-8", errors="replace").strip()
            if ok_missing and e.code == 404:
                return None
            if e.code == 403 and method != "GET":
                raise ReadOnlyError(
                    f"{self.url} refused the {what} (HTTP 403: {body or e.reason}); "
                    "a `kg serve` store takes writes only when started with --writable"
                ) from None
            if e.code == 400 and what in ("query", "update"):
                # Same exception type as pyoxigraph for a bad query, so callers handle both alike.
                raise SyntaxError(f"the endpoint rejected the {what}: {body or e.reason}") from None
            raise _HTTPStatus(e.code, f"{what} to {url} failed: HTTP {e.code} {body or e.reason}") from None
        except urllib.error.URLError as e:
            raise EndpointUnreachable(f"cannot reach SPARQL endpoint {self.url}: {e.reason}") from None
        except (TimeoutError, ConnectionError) as e:
            raise EndpointUnreachable(f"cannot reach SPARQL endpoint {self.url}: {e}") from None

    def _query_url(self, union: bool) -> str:
        if not union:
            return self.query_url
        sep = "&" if "?" in self.query_url else "?"
        return f"{self.query_url}{sep}union-default-graph"

    def _post_query(self, sparql: str, union: bool, accept: str = _RESULTS_ACCEPT):
        def post():
            return self._request(
                "POST", self._query_url(union), data=sparql.encode("utf-8"),
                headers={"Content-Type": "application/sparql-query; charset=utf-8", "Accept": accept},
                what="query",
            )

        if not self._query_guessed:
            return post()
        try:
            resp = post()
        except _HTTPStatus as e:
            if e.code not in _MISSING:
                raise
            self.query_url = self.url  # no query service below the URL: the URL is the service
            resp = post()
        self._query_guessed = False
        return resp

    def _check_writable(self) -> None:
        if self.closed:
            raise RemoteStoreError("the store is closed")
        if self.read_only:
            raise ReadOnlyError(f"{self.url} was opened read-only")

    # -- queries ----------------------------------------------------------------------------

    def query(self, sparql: str, *, union: bool | None = None):
        """Run a query; the result has pyoxigraph's types (QuerySolutions, QueryBoolean, QueryTriples)
        so the same formatting code serves the embedded and the remote store. The default graph is the
        merged graph; ``union=True`` asks the server for its union of all graphs instead (default:
        the store's setting, off)."""
        with self._post_query(sparql, self.union_default_graph if union is None else union) as resp:
            ctype = resp.headers.get("Content-Type", "").split(";")[0].strip().lower()
            body = resp.read()
        if ctype in ("application/sparql-results+json", "application/json"):
            return ox.parse_query_results(body, ox.QueryResultsFormat.JSON)
        if ctype == "application/sparql-results+xml":
            return ox.parse_query_results(body, ox.QueryResultsFormat.XML)
        if ctype in ("text/tab-separated-values",):
            return ox.parse_query_results(body, ox.QueryResultsFormat.TSV)
        fmt = ox.RdfFormat.from_media_type(ctype) if ctype else None
        if fmt is None:
            raise RemoteStoreError(f"{self.url} answered a query with unusable content type {ctype!r}")
        # CONSTRUCT/DESCRIBE: re-run over the parsed triples so the caller gets real QueryTriples.
        graph = ox.Store()
        graph.bulk_extend(ox.Quad(t.subject, t.predicate, t.object) if isinstance(t, ox.Triple) else t
                          for t in ox.parse(body, fmt))
        return graph.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")

    def select(self, sparql: str, *, union: bool | None = None) -> list[dict[str, object]]:
        """SELECT rows as dicts of python values (unbound variables are left out)."""
        result = self.query(sparql, union=union)
        return rows_of(result)

    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 Update."""
        self._check_writable()
        data = sparql.encode("utf-8")
        headers = {"Content-Type": "application/sparql-update; charset=utf-8"}
        if not self._update_at_query:
            try:
                self._request("POST", self.update_url, data=data, headers=headers, what="update").close()
                self._update_at_query = False
                return
            except _HTTPStatus as e:
                if e.code not in _MISSING or self._update_at_query is False:
                    raise
                self._update_at_query = True  # no update service beside the query service
        self._request("POST", self.query_url, data=data, headers=headers, what="update").close()

    def __len__(self) -> int:
        """Number of quads in the named (article) graphs; the merged graph, their union, is not counted."""
        rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", union=False)
        return int(rows[0]["n"]) if rows else 0

    def graphs(self) -> list[str]:
        """IRIs of all named graphs, sorted."""
        rows = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", union=False)
        return sorted(str(r["g"]) for r in rows)

    # -- writes -----------------------------------------------------------------------------

    def replace_article(self, graph_iri: str, quads: Iterable[ox.Quad] | bytes, *,
                        drop: Iterable[str] = ()) -> None:
        """Make the named graph ``graph_iri`` hold exactly ``quads`` (or N-Triples bytes, as for
        :meth:`kg.store.local.Store.replace_article`), drop the graphs in ``drop`` (e.g. the previous
        version of a changed article) and bring the merged graph up to date, in one SPARQL Update
        request, which the endpoint applies as a unit."""
        self._check_writable()
        drops = sorted(set(drop) - {graph_iri})
        body, _ = graph_body(graph_iri, quads)
        self.update(replace_update(graph_iri, body, drops, bytes_given=isinstance(quads, (bytes, bytearray))))

    def remove_article(self, graph_iri: str) -> None:
        """Drop the named graph and the triples only it held from the merged graph, in one request
        (no error when it does not exist)."""
        self._check_writable()
        self.update(remove_update([graph_iri]))

    # -- export -----------------------------------------------------------------------------

    def iter_quads(self) -> Iterator[ox.Quad]:
        """Every quad of the named (article) graphs: the whole dataset from the graph store when the
        server offers it (one streamed N-Quads download, the default graph left out), else a SPARQL
        SELECT over the named graphs."""
        try:
            resp = self._request("GET", self.store_url, headers={"Accept": "application/n-quads"},
                                 what="dataset download")
        except _HTTPStatus:
            resp = None
        if resp is not None:
            ctype = resp.headers.get("Content-Type", "").split(";")[0].strip().lower()
            if ctype == "application/n-quads":
                with resp:
                    yield from (q for q in ox.parse(resp, ox.RdfFormat.N_QUADS)
                                if not isinstance(q.graph_name, ox.DefaultGraph))
                return
            resp.close()
        result = self.query("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }", union=False)
        for sol in result:
            yield ox.Quad(sol["s"], sol["p"], sol["o"], sol["g"])

    def nquads(self) -> str:
        """The whole store as sorted N-Quads: byte-identical to the embedded store's for equal data."""
        from kg.rdf import nquads

        return nquads(self.iter_quads())

    def export(self, fmt: str, out_path: str | Path | IO[bytes] | None = None) -> bytes | None:
        """Write the whole store as trig | nquads | turtle | jsonld; ``None`` → return bytes.
        Same bytes as the embedded store's on the same data (both call :func:`kg.store.base.export_quads`)."""
        return export_quads(self, fmt, out_path)

    def to_rdflib(self) -> rdflib.Dataset:
        """A copy of the remote dataset as an ``rdflib.Dataset``."""
        from kg.rdf import to_rdflib

        return to_rdflib(self.iter_quads())

    def validate(self, *, progress: bool = False) -> Validation:
        """SHACL-validate the remote dataset against ``ontology/shapes.ttl``."""
        return validate_store(self, progress=progress)

    def stats(self) -> dict[str, Any]:
        return store_stats(self)

    # -- lifecycle --------------------------------------------------------------------------

    def close(self) -> None:
        self.closed = True

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _HTTPStatus(RemoteStoreError, OSError):
    """Any other HTTP error status: the endpoint failed (an ``OSError`` too)."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code

