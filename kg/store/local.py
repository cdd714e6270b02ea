"""The embedded store: an on-disk Oxigraph database of article graphs (the default ``--store``).

Each article lives in its own named graph, so incremental builds replace one graph per changed
article in one transaction; the default graph is the merged graph, every distinct triple of the
article graphs once, kept exact in that same transaction, and queries without ``GRAPH`` see it. The
folder is guarded by the store lock (:mod:`kg.store.lock`) for as long as a :class:`Store` is open.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import pyoxigraph as ox

from kg.store.base import (
    ArticleIndex,
    StoreError,
    StoreLocked,
    StoreMissing,
    export_quads,
    graph_body,
    merged_nquads,
    os_error_line,
    remove_update,
    replace_update,
    rows_of,
    store_stats,
    validate_store,
)
from kg.store.lock import LOCK_NAME, StoreLock

if TYPE_CHECKING:
    import rdflib

    from kg.rdf import Validation

DEFAULT_STORE = Path("build/store")
#: Flush the database's write buffers after this many quads written (see ``replace_article``).
FLUSH_EVERY_QUADS = 50_000
#: Oxigraph's bulk loader ingests this many quads as one batch (its DEFAULT_BULK_LOAD_BATCH_SIZE).
BULK_BATCH_QUADS = 1_000_000


class _NoLock:
    def release(self) -> None:
        pass


class Store(ArticleIndex):
    """An on-disk Oxigraph store of article graphs. Use as a context manager, or call ``close()``."""

    def __init__(self, path: str | Path = DEFAULT_STORE, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        if read_only:
            if not (self.path / "CURRENT").exists():
                raise StoreMissing(
                    f"no store at {self.path}: build one with `kg build PATHS --store {self.path}`"
                )
        else:
            if self.path.exists() and not self.path.is_dir():
                raise StoreError(f"{self.path} is a file, not a store folder")
            if self.path.is_dir() and any(self.path.iterdir()) and not (self.path / "CURRENT").exists() \
                    and not (self.path / LOCK_NAME).exists():
                raise StoreError(f"{self.path} is a non-empty folder that holds no store; pick another --store")
            try:
                self.path.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise StoreError(f"cannot create the store at {self.path}: {os_error_line(e)}") from None
        self._unflushed = 0  # quads written since the last flush
        self._lock = StoreLock(self.path, shared=read_only)
        self._lock.acquire()
        try:
            self._ox: ox.Store | None = ox.Store.read_only(str(self.path)) if read_only \
                else ox.Store(str(self.path))
        except OSError as e:
            self._lock.release()
            if "lock" in str(e).lower():
                raise StoreLocked(f"store is locked: {self.path} is open in another process ({e})") from None
            raise StoreError(f"cannot open the store at {self.path}: {e}") from None

    @classmethod
    def memory(cls) -> Store:
        """An empty in-memory store (no folder, no lock): for a narrowed copy (:mod:`kg.store.window`)."""
        self = cls.__new__(cls)
        self.path, self.read_only, self._unflushed = Path(":memory:"), False, 0
        self._lock = _NoLock()
        self._ox = ox.Store()
        return self

    # -- lifecycle ----------------------------------------------------------------------------

    @property
    def ox(self) -> ox.Store:
        """The underlying ``pyoxigraph.Store`` (for anything this class does not wrap)."""
        if self._ox is None:
            raise StoreError(f"the store at {self.path} is closed")
        return self._ox

    def close(self) -> None:
        """Flush and release the database and the lock (pyoxigraph closes on last reference)."""
        if self._ox is not None:
            if not self.read_only:
                with contextlib.suppress(OSError):
                    self._ox.flush()
            self._ox = None
            # pyoxigraph closes the database when its last reference goes; an iterator caught in a
            # reference cycle (e.g. inside a library's traceback) would keep it open past our lock
            gc.collect()
        self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        with contextlib.suppress(Exception):
            self.close()

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r}{', read_only=True' if self.read_only else ''})"

    def __len__(self) -> int:
        """Number of quads in the article graphs (the merged graph, their union, is not counted)."""
        rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(rows[0]["n"]) if rows else 0

    # -- queries ------------------------------------------------------------------------------

    def query(self, sparql: str, *, union: bool = False) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        """Run a SPARQL query; the default graph is the merged graph (every distinct triple of the
        article graphs once). ``union=True`` asks Oxigraph for its own union of all graphs instead,
        which up to 0.5.13 counts a triple once per graph holding it: not for counting. Raises
        ``SyntaxError`` with the parser's message and position."""
        return self.ox.query(sparql, use_default_graph_as_union=union)

    def select(self, sparql: str, *, union: bool = False) -> list[dict[str, object]]:
        """SELECT rows as dicts of plain Python values; unbound variables are left out."""
        return rows_of(self.query(sparql, union=union))

    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 Update in one transaction."""
        self._writable()
        self.ox.update(sparql)

    # -- articles -----------------------------------------------------------------------------

    def graphs(self) -> list[str]:
        """IRIs of all named graphs, sorted."""
        return sorted(g.value for g in self.ox.named_graphs() if isinstance(g, ox.NamedNode))

    def replace_article(self, graph_iri: str, quads: Iterable[ox.Quad] | bytes, *,
                        drop: Iterable[str] = ()) -> None:
        """Make the named graph ``graph_iri`` hold exactly ``quads`` (and drop the graphs in ``drop``,
        e.g. the previous version of a changed article) in one transaction: readers see the old
        state or the new one, never a half-written article.

        The merged (default) graph changes in the same transaction: it gains the new triples and
        loses those that only the replaced graphs held.

        ``quads`` may also be the graph's triples as N-Triples bytes (``ArticleGraph.ntriples``).
        A graph that is new to the store is loaded directly (one transaction, no SPARQL to parse:
        twice as fast, and most graphs of a build are new); a replacement is one SPARQL Update.
        """
        self._writable()
        body, count = graph_body(graph_iri, quads)
        drops = sorted(set(drop) - {graph_iri})
        g = ox.NamedNode(graph_iri)
        if not drops and not self.ox.contains_named_graph(g):
            self.ox.load(merged_nquads(graph_iri, body), format=ox.RdfFormat.N_QUADS)
        else:
            self.ox.update(replace_update(graph_iri, body, drops, bytes_given=isinstance(quads, (bytes, bytearray))))
        # RocksDB keeps writes in per-index memtables until it flushes them; flushing every
        # FLUSH_EVERY_QUADS keeps a long build's memory flat (measured by bench.pipeline's store
        # writer: 10,000 articles peaked at 1.5 GB without it) and costs no throughput.
        self._unflushed += count
        if self._unflushed >= FLUSH_EVERY_QUADS:
            self.ox.flush()
            self._unflushed = 0

    def has_article(self, graph_iri: str) -> bool:
        """Whether the named graph ``graph_iri`` is in the store."""
        return self.ox.contains_named_graph(ox.NamedNode(graph_iri))

    def add_new_articles(self, graphs: Sequence[tuple[str, bytes]]) -> None:
        """Write article graphs that are new to the store (IRI, N-Triples) with their triples in the
        merged graph, in one bulk ingestion: all of them or, on any error, none (a batch of Oxigraph's
        bulk loader, at most 1,000,000 quads, is one atomic RocksDB ingestion; a parse error stops it
        before anything is written). About a quarter of the CPU of a transactional load: the loader
        sorts the quads and writes files instead of checking each key (:mod:`kg.store.batch`)."""
        self._writable()
        for iri, _ in graphs:
            if self.has_article(iri):
                raise ValueError(f"<{iri}> is in the store already: use replace_article")
        data = b"".join(merged_nquads(iri, body) for iri, body in graphs)
        quads = data.count(b"\n")
        if quads >= BULK_BATCH_QUADS:
            raise ValueError(f"{quads} quads: more than one atomic batch ({BULK_BATCH_QUADS})")
        self.ox.bulk_load(data, format=ox.RdfFormat.N_QUADS)

    def remove_article(self, graph_iri: str) -> None:
        """Drop one article's named graph and the triples only it held from the merged graph, in one
        transaction (nothing happens if it is not there)."""
        self._writable()
        self.ox.update(remove_update([graph_iri]))

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"the store at {self.path} is open read-only")

    # -- export -------------------------------------------------------------------------------

    def iter_quads(self) -> Iterator[ox.Quad]:
        """Every quad of the article graphs, in storage order (not the merged graph, their union:
        :func:`kg.store.base.merged_triples`)."""
        return (q for q in self.ox.quads_for_pattern(None, None, None, None)
                if not isinstance(q.graph_name, ox.DefaultGraph))

    def nquads(self) -> str:
        """The whole store as sorted N-Quads: equal stores give byte-identical text."""
        from kg.rdf import nquads

        return nquads(self.iter_quads())

    def export(self, fmt: str, out_path: str | Path | IO[bytes] | None = None) -> bytes | None:
        """Write the whole store as trig | nquads | turtle | jsonld; ``None`` → return bytes
        (sorted, so exports of equal stores are byte-identical: :func:`kg.store.base.export_quads`)."""
        return export_quads(self, fmt, out_path)

    def to_rdflib(self) -> rdflib.Dataset:
        """A copy of the store as an ``rdflib.Dataset`` (named graphs kept). For live rdflib access
        to the folder use oxrdflib: ``rdflib.Dataset(store="Oxigraph")`` then ``.open(path)``."""
        from kg.rdf import to_rdflib

        return to_rdflib(self.iter_quads())

    def validate(self, *, progress: bool = False) -> Validation:
        """SHACL-validate every article graph against ``ontology/shapes.ttl``."""
        return validate_store(self, progress=progress)

    def stats(self) -> dict[str, Any]:
        """Totals for the build summary (:func:`kg.store.base.store_stats`)."""
        return store_stats(self)
