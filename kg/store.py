"""The knowledge-graph store: an embedded on-disk Oxigraph database, or a remote SPARQL endpoint.

``open_store(location)`` takes a folder (default ``build/store``) or an ``http(s)://`` URL (then
:class:`kg.remote.RemoteStore`, same methods). Each article lives in its own named graph, so
incremental builds replace one graph per changed article in one transaction, and queries see the
union of all graphs as the default graph.

One process may write a store folder at a time, and nobody may read it meanwhile (Oxigraph
documents concurrent read-only opening during writes as undefined behaviour). A lock file
``kg.lock`` in the folder enforces this: writers hold it exclusively, readers shared; a second
writer, or a reader during a write, gets :class:`StoreLocked` at once instead of waiting or
corrupting anything.
"""

from __future__ import annotations

import contextlib
import gc
import io
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import pyoxigraph as ox

from kg.rdf import EXPORT_PREFIXES, KG, XSD, Validation

if TYPE_CHECKING:
    import rdflib

    from kg.remote import RemoteStore

try:  # POSIX advisory locks; elsewhere Oxigraph's own RocksDB lock still guards writers
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

DEFAULT_STORE = Path("build/store")
LOCK_NAME = "kg.lock"
#: Flush the database's write buffers after this many quads written (see ``replace_article``).
FLUSH_EVERY_QUADS = 50_000
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


class StoreError(RuntimeError):
    """The store cannot be opened or used (the message says why, in one line)."""


class StoreLocked(StoreError):
    """Another process (or another handle in this one) is writing, or reading while we write."""


class StoreMissing(StoreError):
    """A read-only open of a folder that holds no store."""


def open_store(location: str | Path = DEFAULT_STORE, *, read_only: bool = False) -> Store | RemoteStore:
    """A folder → the embedded :class:`Store`; an ``http(s)://`` URL → ``kg.remote.RemoteStore``."""
    text = str(location)
    if text.startswith(("http://", "https://")):
        from kg.remote import RemoteStore

        return RemoteStore(text, read_only=read_only)
    return Store(Path(location), read_only=read_only)


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


class _Lock:
    """An advisory ``flock`` on ``<store>/kg.lock``: exclusive for writers, shared for readers."""

    def __init__(self, folder: Path, shared: bool) -> None:
        self.path = folder / LOCK_NAME
        self.shared = shared
        self.fd: int | None = None

    def acquire(self) -> None:
        if fcntl is None:
            return
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as e:
            if self.shared:  # a read-only medium: nobody can write it either
                return
            raise StoreError(f"cannot write the store at {self.path.parent}: {os_error_line(e)}") from None
        try:
            fcntl.flock(fd, (fcntl.LOCK_SH if self.shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holders(fd)
            os.close(fd)
            what = "being written" if self.shared else "in use"
            raise StoreLocked(
                f"store is locked: {self.path.parent} is {what} by another process{holder}; "
                "wait for it to finish (or stop `kg serve`) and retry"
            ) from None
        self.fd = fd
        self.record = _holder_record(self.shared)
        with contextlib.suppress(OSError):  # every holder, readers too, says who it is
            if not self.shared:
                os.ftruncate(fd, 0)
            _rewrite(fd, lambda lines: [*lines, self.record])

    def release(self) -> None:
        if self.fd is not None:
            with contextlib.suppress(OSError):  # cleared on the way out: no stale pid names a stranger
                _rewrite(self.fd, lambda lines: [ln for ln in lines if ln != self.record])
            with contextlib.suppress(OSError):
                fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
            self.fd = None


def _start_time(pid: int) -> str | None:
    """The process's start time in clock ticks (``/proc``), which tells a live holder from a reused pid."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            return f.read().rsplit(b")", 1)[1].split()[19].decode()
    except (OSError, IndexError):
        return None


def _holder_record(shared: bool) -> str:
    """A writer (alone) records its bare pid; each reader ``pid start-time reading command``."""
    import sys

    if not shared:
        return str(os.getpid())
    what = " ".join(os.path.basename(a) for a in sys.argv[:2]) or "python"
    return f"{os.getpid()} {_start_time(os.getpid()) or '-'} reading {what}"[:200]


def _rewrite(fd: int, change) -> None:  # noqa: ANN001
    size = os.fstat(fd).st_size
    lines = [ln for ln in os.pread(fd, max(size, 1), 0).decode("utf-8", "replace").splitlines() if ln.strip()]
    data = "".join(ln + "\n" for ln in change(lines)).encode()
    os.pwrite(fd, data, 0)
    os.ftruncate(fd, len(data))


def _holders(fd: int) -> str:
    """`` (pid 123)`` for a live writer, `` (pid 45, kg serve, reading)`` for each live reader (same pid,
    same start time: a reused pid is not named); records of dead processes are left out."""
    alive = []
    with contextlib.suppress(OSError, ValueError):
        for line in os.pread(fd, 65536, 0).decode("utf-8", "replace").splitlines():
            pid, start, mode, *cmd = line.split() + ["", "", ""]
            if not pid.isdigit() or _start_time(int(pid)) is None:
                continue
            if not start:
                alive.append(f"pid {pid}")
            elif _start_time(int(pid)) == start:
                alive.append(f"pid {pid}, {' '.join(c for c in cmd if c) or 'kg'}, {mode}")
    return f" ({'; '.join(alive)})" if alive else ""


@contextlib.contextmanager
def store_lock(folder: str | Path, *, shared: bool = True) -> Iterator[None]:
    """Hold the store's lock around something that opens the folder itself (e.g. ``oxigraph serve``)."""
    lock = _Lock(Path(folder), shared)
    lock.acquire()
    try:
        yield
    finally:
        lock.release()


class Store:
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
        self._lock = _Lock(self.path, shared=read_only)
        self._lock.acquire()
        try:
            self._ox: ox.Store | None = ox.Store.read_only(str(self.path)) if read_only \
                else ox.Store(str(self.path))
        except OSError as e:
            self._lock.release()
            if "lock" in str(e).lower():
                raise StoreLocked(f"store is locked: {self.path} is open in another process ({e})") from None
            raise StoreError(f"cannot open the store at {self.path}: {e}") from None

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
        """Number of quads."""
        return len(self.ox)

    # -- queries ------------------------------------------------------------------------------

    def query(self, sparql: str, *, union: bool = True) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        """Run a SPARQL query; the default graph is the union of all article graphs unless
        ``union=False``. Raises ``SyntaxError`` with the parser's message and position."""
        return self.ox.query(sparql, use_default_graph_as_union=union)

    def select(self, sparql: str, *, union: bool = True) -> list[dict[str, object]]:
        """SELECT rows as dicts of plain Python values; unbound variables are left out."""
        return rows_of(self.query(sparql, union=union))

    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 Update in one transaction."""
        self._writable()
        self.ox.update(sparql)

    # -- articles -----------------------------------------------------------------------------

    def article_hashes(self) -> dict[str, str]:
        """Article IRI → content hash, for incremental builds."""
        return article_index(self, "contentHash")

    def article_builds(self) -> dict[str, str]:
        """Article IRI → the pipeline fingerprint it was built with (``kg.fingerprint``)."""
        return article_index(self, "builtWith")

    def article_files(self) -> dict[str, str]:
        """Article IRI → the file name it was built from."""
        return article_index(self, "fileName")

    def graphs(self) -> list[str]:
        """IRIs of all named graphs, sorted."""
        return sorted(g.value for g in self.ox.named_graphs() if isinstance(g, ox.NamedNode))

    def replace_article(self, graph_iri: str, quads: Iterable[ox.Quad] | bytes, *,
                        drop: Iterable[str] = ()) -> None:
        """Make the named graph ``graph_iri`` hold exactly ``quads`` (and drop the graphs in ``drop``,
        e.g. the previous version of a changed article) in one transaction: readers see the old
        state or the new one, never a half-written article.

        ``quads`` may also be the graph's triples as N-Triples bytes (``ArticleGraph.ntriples``).
        A graph that is new to the store is loaded directly (one transaction, no SPARQL to parse:
        twice as fast, and most graphs of a build are new); a replacement is one SPARQL Update.
        """
        self._writable()
        body, count = graph_body(graph_iri, quads)
        drops = sorted(set(drop) - {graph_iri})
        g = ox.NamedNode(graph_iri)
        if not drops and not self.ox.contains_named_graph(g):
            self.ox.load(body, format=ox.RdfFormat.N_TRIPLES, to_graph=g)
        else:
            self.ox.update(replace_update(graph_iri, body, drops, bytes_given=isinstance(quads, (bytes, bytearray))))
        # RocksDB keeps writes in per-index memtables until it flushes them; flushing every
        # FLUSH_EVERY_QUADS keeps a long build's memory flat (measured by bench.pipeline's store
        # writer: 10,000 articles peaked at 1.5 GB without it) and costs no throughput.
        self._unflushed += count
        if self._unflushed >= FLUSH_EVERY_QUADS:
            self.ox.flush()
            self._unflushed = 0

    def remove_article(self, graph_iri: str) -> None:
        """Drop one article's named graph (nothing happens if it is not there)."""
        self._writable()
        self.ox.update(f"DROP SILENT GRAPH {_iri(graph_iri)}")

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"the store at {self.path} is open read-only")

    # -- export -------------------------------------------------------------------------------

    def iter_quads(self) -> Iterator[ox.Quad]:
        """Every quad, in storage order."""
        return iter(self.ox.quads_for_pattern(None, None, None, None))

    def nquads(self) -> str:
        """The whole store as sorted N-Quads: equal stores give byte-identical text."""
        from kg.rdf import nquads

        return nquads(self.iter_quads())

    def export(self, fmt: str, out_path: str | Path | IO[bytes] | None = None) -> bytes | None:
        """Write the whole store as trig | nquads | turtle | jsonld; ``None`` → return bytes.

        N-Quads lines are sorted and TriG/JSON-LD are grouped by graph and subject in sorted order,
        so exports of equal stores are byte-identical. Turtle has no named graphs: it is the union
        of all article graphs, each triple once.
        """
        if fmt not in EXPORT_FORMATS:
            raise ValueError(f"unknown export format {fmt!r}: choose one of {', '.join(EXPORT_FORMATS)}")
        if fmt == "nquads":
            data = self.nquads().encode("utf-8")
            return _write(data, out_path)
        if fmt == "turtle":
            triples = {ox.Triple(q.subject, q.predicate, q.object) for q in self.iter_quads()}
            items: list = sorted(triples, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
        else:
            items = sorted(self.iter_quads(), key=lambda q: (str(q.graph_name), str(q.subject),
                                                               str(q.predicate), str(q.object)))
        data = ox.serialize(items, format=EXPORT_FORMATS[fmt], prefixes=EXPORT_PREFIXES)
        return _write(data, out_path)

    def to_rdflib(self) -> rdflib.Dataset:
        """A copy of the store as an ``rdflib.Dataset`` (named graphs kept). For live rdflib access
        to the folder use oxrdflib: ``rdflib.Dataset(store="Oxigraph")`` then ``.open(path)``."""
        from kg.rdf import to_rdflib

        return to_rdflib(self.iter_quads())

    def validate(self, *, progress: bool = False) -> Validation:
        """SHACL-validate every article graph against ``ontology/shapes.ttl``."""
        from kg.rdf import validate

        return validate(list(self.iter_quads()), progress=progress)

    def stats(self) -> dict[str, Any]:
        """Totals for the build summary (also works on a RemoteStore via :func:`store_stats`)."""
        return store_stats(self)


def store_stats(store: Any) -> dict[str, Any]:
    """Articles, sentences, entities by type, statements by relation type, quads: from SPARQL only."""
    p = f"PREFIX kg: <{KG}>\n"
    art = store.select(p + "SELECT (COUNT(DISTINCT ?g) AS ?n) (SUM(?c) AS ?s) WHERE "
                           "{ GRAPH ?g { ?g kg:sentenceCount ?c } }")
    ents = store.select(p + "SELECT ?t (COUNT(DISTINCT ?e) AS ?n) WHERE { GRAPH ?g { ?e a ?t } "
                            "VALUES ?t { kg:Person kg:Organization kg:State kg:Location kg:WeaponType } } "
                            "GROUP BY ?t")
    rels = store.select(p + "SELECT ?r (COUNT(DISTINCT ?st) AS ?n) WHERE "
                            "{ GRAPH ?g { ?st kg:relationType ?r } } GROUP BY ?r")
    from kg.rdf import ENTITY_CLASSES

    codes = {KG + cls: code for code, cls in ENTITY_CLASSES.items()}
    return {
        "articles": int(art[0].get("n", 0)) if art else 0,
        "sentences": int(art[0].get("s", 0) or 0) if art else 0,
        "entities": {codes[str(r["t"])]: int(r["n"]) for r in ents},
        "relations": {str(r["r"]): int(r["n"]) for r in rels},
        "triples": len(store),
    }


def article_index(store: Any, prop: str) -> dict[str, str]:
    """Article IRI → the value of ``kg:<prop>`` written on the article in its own named graph.

    Shared by the embedded and the remote store; it reads named graphs only (``union=False``).
    """
    rows = store.select(f"SELECT ?g ?v WHERE {{ GRAPH ?g {{ ?g <{KG}{prop}> ?v }} }}", union=False)
    return {str(r["g"]): str(r["v"]) for r in rows if "g" in r and "v" in r}


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
    dropped = "".join(f"DROP SILENT GRAPH {_iri(d)} ;\n" for d in drops)
    g = _iri(graph_iri)
    return f"{dropped}DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{\n{body.decode('utf-8')}}} }}"


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


def _iri(value: str) -> str:
    if not value or any(c in value for c in '<>"{}|^`\\ \n\t'):
        raise ValueError(f"not a valid IRI: {value!r}")
    return f"<{value}>"
