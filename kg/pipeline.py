"""Files → Extractions → the store: ``process`` (no store) and ``build`` (incremental, idempotent).

A build reads every file (cheap), and skips the expensive part (Stanza, extraction) for articles
whose content hash is already in the store: an unchanged article costs one hash. A changed file
(same file name, new text) replaces its old graph in the same transaction that writes the new one;
two files with the same text are one article. Only this process writes: with ``workers``/``dask``
the extraction and the minting of quads run elsewhere (``kg.parallel``), and only each article's
``ArticleGraph`` (N-Triples and counts) comes back here to be written.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.fingerprint import fingerprint
from kg.identity import edit_paths, gone, path_triples, source_key, stored_paths, under
from kg.ingest import LoadResult, article_from_text, iter_paths, load
from kg.rdf import ArticleGraph, article_graph, article_iri
from kg.types import ENTITY_TYPES, RELATION_TYPES, Article, Extraction

if TYPE_CHECKING:
    from kg.store import KGStore

log = logging.getLogger(__name__)

#: Per-file outcomes of a build.
STATUSES = ("new", "changed", "outdated", "rebuilt", "unchanged", "renamed", "duplicate", "pruned", "empty",
            "binary", "too-large", "not-indonesian", "error")
#: Outcomes where the file's article is in the store after the build.
BUILT = frozenset({"new", "changed", "outdated", "rebuilt", "unchanged", "renamed", "duplicate"})
#: Outcomes that ``kg build --strict`` counts as failures (bad input, or the article broke the pipeline).
PROBLEMS = frozenset({"empty", "binary", "too-large", "not-indonesian", "error"})


#: ``workers=None`` (``kg build --workers auto``) starts one more worker process per this many
#: articles to extract: a worker costs about 1.5 s of start-up and 0.45 GB, which 64 articles
#: (about 4 s of work on one core) repay several times over.
ARTICLES_PER_WORKER = 64
#: Memory set aside per worker process when choosing how many to start.
WORKER_MEMORY = 700 * 2**20


def auto_workers(todo: int) -> int:
    """How many extraction processes ``todo`` articles deserve: one per core the process may use,
    as many as free memory allows, and no more than the work repays; 1 = in this process."""
    import psutil

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    by_memory = psutil.virtual_memory().available // WORKER_MEMORY
    by_work = todo // ARTICLES_PER_WORKER
    return max(1, min(cores, by_memory, by_work))


class BuildError(RuntimeError):
    """Nothing could be built as asked (no input files, bad options); one line for the user."""


# -- extraction ---------------------------------------------------------------------------------


def _batches(items: Sequence[Article], size: int) -> Iterator[list[Article]]:
    for i in range(0, len(items), size):
        yield list(items[i:i + size])


def _extract_serial(articles: Sequence[Article], batch_size: int,
                    on_error: Any) -> Iterator[Extraction]:
    """Analyse in batches (one Stanza call each), then resolve + extract per document.

    A batch that fails is retried one article at a time so only the bad article is lost. Missing
    models are not an article's fault: ``ModelsMissing`` always propagates.
    """
    from kg.extract import extract
    from kg.nlp import ModelsMissing, analyse
    from kg.resolve import resolve

    for batch in _batches(articles, batch_size):
        try:
            docs = analyse(batch)
        except ModelsMissing:
            raise
        except Exception as e:  # noqa: BLE001 - isolate the article that breaks the batch
            if len(batch) == 1:
                on_error(batch[0], e)
            else:
                for article in batch:
                    yield from _extract_serial([article], 1, on_error)
            continue
        for doc in docs:
            try:
                entities, links = resolve(doc)  # resolution is its own stage, then the relation rules
                yield extract(doc, links, entities)
            except Exception as e:  # noqa: BLE001
                on_error(doc.article, e)


def _graphs(articles: Sequence[Article], *, batch_size: int, workers: int, dask: str | None,
            on_error: Any) -> Iterator[ArticleGraph]:
    """Each article's minted graph: here, or in worker processes or on a Dask cluster, which then
    send back only the graph (``kg.parallel.map_extract(mint=True)``)."""
    if batch_size < 1:
        raise BuildError("--batch-size must be at least 1")
    if workers < 1:
        raise BuildError("--workers must be at least 1")
    if workers == 1 and not dask:
        for ex in _extract_serial(articles, batch_size, on_error):
            try:
                yield article_graph(ex)
            except Exception as e:  # noqa: BLE001 - an invalid extraction loses its article only
                on_error(ex.doc.article, e)
        return
    try:
        from kg.parallel import map_extract
    except ImportError as e:  # pragma: no cover - kg.parallel ships with the package
        raise BuildError(f"parallel builds (--workers/--dask) need kg.parallel: {e}") from None
    yield from map_extract(articles, workers=workers, dask=dask, batch_size=batch_size, on_error=on_error,
                           mint=True)


def process(paths: Iterable[str | Path], *, batch_size: int = 8, progress: bool = True,
            any_language: bool = False, failed: list[tuple[str, str]] | None = None) -> Iterator[Extraction]:
    """Every file under ``paths`` (files or folders) → its ``Extraction``, in path order.

    No store involved (``kg extract`` and notebooks use this). Files that are not usable articles
    (empty, binary, too large, not Indonesian unless ``any_language``, duplicates: see ``kg.ingest.load``)
    are logged and skipped; an article whose extraction fails is logged and skipped.
    """
    seen: dict[str, str] = {}
    articles = []
    for p in iter_paths(paths):
        res = load(p, any_language=any_language, seen=seen)
        if res.article is None:
            log.warning("skipped %s", res.message)
        else:
            articles.append(res.article)
    bar = _bar(len(articles), "extracting", progress)

    def on_error(article: Article, exc: BaseException) -> None:
        log.error("%s: extraction failed: %s", article.name, exc)
        if failed is not None:  # the caller counts them (``kg eval`` must not score a lost article as empty)
            failed.append((article.name, f"{type(exc).__name__}: {exc}"))
        bar.update(1)

    try:
        for ex in _extract_serial(articles, batch_size, on_error):
            bar.update(1)
            yield ex
    finally:
        bar.close()


def _bar(total: int, desc: str, enabled: bool):
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit="article", file=sys.stderr, disable=not enabled,
                dynamic_ncols=True, leave=False)


# -- build --------------------------------------------------------------------------------------


@dataclass
class FileStatus:
    """What a build did with one input file."""

    path: str
    status: str  # one of STATUSES
    article: str | None = None  # article IRI (= its named graph)
    sentences: int = 0
    entities: int = 0
    relations: int = 0
    triples: int = 0
    detail: str = ""


@dataclass
class BuildReport:
    """The outcome of ``build``: this run's counts, the store's totals, one row per file."""

    store: str
    files: list[FileStatus] = field(default_factory=list)
    articles: int = 0  # articles (re)built in this run
    sentences: int = 0
    entities: Counter = field(default_factory=Counter)  # type → distinct entities in built articles
    relations: Counter = field(default_factory=Counter)  # type → statements written
    triples: int = 0  # quads written in this run
    added: int = 0  # change in the store's quad count
    totals: dict[str, Any] = field(default_factory=dict)  # kg.store.store_stats after the build
    seconds: float = 0.0
    workers: int = 1  # extraction processes used (1 = this process); 0 with a Dask cluster
    pruned: int = 0  # articles dropped because their text is no longer among the inputs (``prune``)

    def count(self, status: str) -> int:
        return sum(1 for f in self.files if f.status == status)

    @property
    def failed(self) -> bool:
        """True when nothing could be built: no file's article is in the store."""
        return not any(f.status in BUILT for f in self.files)

    @property
    def problems(self) -> list[FileStatus]:
        """Files skipped as bad input or lost to an error (what ``--strict`` fails on)."""
        return [f for f in self.files if f.status in PROBLEMS]

    def problem_lines(self) -> str:
        """One ``warning:`` line per skipped or failed file (what ``kg build --quiet`` still prints)."""
        return "\n".join(f"warning: {_printable(f.path)}: {f.status}: {_printable(f.detail)}" for f in self.problems)

    def status_table(self) -> str:
        """One line per file: name, status, counts, detail."""
        from kg.sparql import table

        rows = [[_printable(f.path), f.status, _n(f.sentences), _n(f.entities), _n(f.relations), _n(f.triples),
                 _printable(f.detail)] for f in self.files]
        return table(["file", "status", "sentences", "entities", "relations", "triples", "detail"], rows)

    def summary(self) -> str:
        """The end-of-build table: this run next to the store's totals."""
        from kg.sparql import table

        t = self.totals
        rows = [["articles", str(self.articles), str(t.get("articles", ""))],
                ["sentences", str(self.sentences), str(t.get("sentences", ""))]]
        for code in ENTITY_TYPES:
            rows.append([f"entities {code}", str(self.entities.get(code, 0)),
                         str(t.get("entities", {}).get(code, 0))])
        for rel in RELATION_TYPES:
            rows.append([f"relations {rel}", str(self.relations.get(rel, 0)),
                         str(t.get("relations", {}).get(rel, 0))])
        rows.append(["triples", f"{self.triples} ({self.added:+d} in store)", str(t.get("triples", ""))])
        if self.pruned:
            rows.append(["articles pruned", str(self.pruned), ""])
        rows.append(["seconds", f"{self.seconds:.1f}", ""])
        counts = ", ".join(f"{self.count(s)} {s}" for s in STATUSES if self.count(s))
        where = ("on a Dask cluster" if self.workers == 0 else
                 f"{self.workers} worker processes" if self.workers > 1 else "in this process")
        head = f"{len(self.files)} files ({counts}) → {self.store}; extraction {where}"
        return head + "\n" + "\n".join(table(["", "this run", "in store"], rows).split("\n")[:-1])


def _printable(text: str) -> str:
    """A file name on one line: newlines, other controls and undecodable bytes escaped."""
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


def _n(x: int) -> str:
    return str(x) if x else ""


def build(paths: Iterable[str | Path], store_location: str | Path = "build/store", *, workers: int | None = 1,
          dask: str | None = None, force: bool = False, any_language: bool = False, progress: bool = True,
          batch_size: int = 8, prune: bool = False, root: str | Path | None = None,
          year: int | None = None) -> BuildReport:
    """Build (or update) the store from files and folders; returns a :class:`BuildReport`.

    Incremental and idempotent: an article already in the store (same content hash) is skipped
    unless ``force``; a file whose text changed replaces the graph built from its old text; two
    files with the same text are one article (the second is reported as a duplicate). Rebuilding
    the same inputs writes nothing and leaves byte-identical N-Quads. Files are told apart by their
    path (``kg.identity``: absolute, or relative to ``root``), never by their bare name; a file
    moved or renamed is a rename, not a new article.

    ``workers``: extraction processes; None chooses by cores, memory and the number of articles
    to extract (:func:`auto_workers`, what ``kg build`` does by default). More than one needs the
    caller's script to guard its top level with ``if __name__ == "__main__":``, since worker
    processes (forked from a fresh fork server, or spawned) import it; so the library's default is 1.
    ``any_language``: build text that does not look Indonesian (see ``kg.ingest.load``). ``prune``: afterwards, drop the
    articles whose every source file lay under ``paths`` and is positively gone (never one that
    could not be read); each is listed with status ``pruned``. ``year``: the year of dates an article
    gives without one when its text names no year that fits (``kg build --year``, see ``kg.dates``).
    """
    from kg.ingest import IngestError, max_bytes_default
    from kg.store import open_store, store_stats, sync_merged
    from kg.store.batch import ArticleWriter, chunk_setting

    t0 = time.perf_counter()
    paths = list(paths)
    missing = [str(p) for p in paths if not os.path.lexists(p)]
    if missing:
        raise BuildError(f"no such file: {missing[0]}")
    try:
        max_bytes_default(strict=True)  # a bad KG_MAX_ARTICLE_MB is one line, before anything is read
    except IngestError as e:
        raise BuildError(str(e)) from None
    unreadable: list[tuple[Path, str]] = []
    files = list(iter_paths(paths, unreadable))
    if not files and not unreadable:
        raise BuildError("no input files (.txt, .html, .htm) under " + ", ".join(map(str, paths)))
    if dask is None and workers is not None and workers > 1:
        from kg.parallel import start_server

        start_server()  # the workers' models load while this process reads the files and the store
    report = BuildReport(store=str(store_location))
    for folder, why in unreadable:  # neither built nor pruned: said, and counted by --strict
        report.files.append(FileStatus(str(folder), "error", detail=why + "; its files were neither built nor pruned"))
    chunk = chunk_setting()  # KG_WRITE_CHUNK_QUADS: a bad value stops the build before the store is touched
    with open_store(store_location) as store:
        sync_merged(store)  # a store from before the merged graph gets one (a no-op afterwards)
        before = len(store)
        read: list[tuple[FileStatus, Article | None, str]] = []
        for path in files:
            status = FileStatus(str(path), "new")
            report.files.append(status)
            res = load(Path(path), any_language=any_language, year=year)  # never raises: bad input is a status (kg.ingest)
            art = res.article
            if res.status == "empty":  # an emptied file still drops its old graph below
                art = article_from_text("", name=Path(path).name)
            elif art is None:
                status.status, status.detail = res.status, _detail(res)
            elif res.message:  # built, with a warning (decoded as cp1252, forced non-Indonesian text)
                status.detail = _detail(res)
            read.append((status, art, source_key(path, root)))
        plan = _plan(store, read, force=force, root=root)

        if workers is None:
            workers = auto_workers(len(plan.todo))
        report.workers = 0 if dask else workers
        by_doc = {art.doc_id: (art, status) for art, status in plan.todo}
        bar = _bar(len(plan.todo), "building", progress)
        entities: dict[str, set[str]] = {code: set() for code in ENTITY_TYPES}

        def on_error(article: Article, exc: BaseException) -> None:
            st = by_doc[article.doc_id][1]
            st.status, st.detail = "error", _one_line(exc)
            bar.update(1)

        writer = ArticleWriter(store, chunk)
        try:
            # nothing to extract (an unchanged rebuild): Stanza is never even imported
            graphs = _graphs([a for a, _ in plan.todo], batch_size=batch_size, workers=workers,
                             dask=dask, on_error=on_error) if plan.todo else iter(())
            for g in graphs:
                status = by_doc[g.doc_id][1]
                extra = path_triples(g.iri, plan.paths.get(g.iri, ()))
                bar.update(1)  # extracted; written now or with the next chunk (kg.store.batch)
                writer.write(g.iri, g.ntriples + extra, drop=plan.drops.get(g.iri, set()),
                             done=partial(_written, report, entities, g, status, extra.count(b"\n")),
                             failed=partial(_failed, status))
                bar.set_postfix_str(f"{report.triples} triples", refresh=False)
            writer.flush()
        finally:
            bar.close()
        if prune:
            for iri, keys in _prune(store, plan.current, paths, root):
                report.files.append(FileStatus(", ".join(keys), "pruned", article=iri,
                                               detail="every source file is gone"))
                report.pruned += 1
        report.entities = Counter({k: len(v) for k, v in entities.items() if v})
        report.totals = store_stats(store)
        report.added = len(store) - before
    report.seconds = time.perf_counter() - t0
    return report


def _written(report: BuildReport, entities: dict[str, set[str]], g: ArticleGraph, status: FileStatus,
             extra: int) -> None:
    """Count an article the store now holds."""
    triples = g.triples + extra
    status.sentences, status.entities = g.sentences, len(g.entities)
    status.relations, status.triples = len(g.relations), triples
    report.articles += 1
    report.sentences += g.sentences
    report.triples += triples
    for key, etype in g.entities:
        entities.setdefault(etype, set()).add(key)
    report.relations.update(g.relations)


def _failed(status: FileStatus, exc: Exception) -> None:
    status.status, status.detail = "error", _one_line(exc)


@dataclass
class _Plan:
    todo: list[tuple[Article, FileStatus]] = field(default_factory=list)  # to extract and write
    paths: dict[str, set[str]] = field(default_factory=dict)  # IRI of a graph to write → its source paths
    drops: dict[str, set[str]] = field(default_factory=dict)  # IRI to write → stale graphs it replaces
    current: set[str] = field(default_factory=set)  # IRIs of this run's texts


def _plan(store: KGStore, read: list[tuple[FileStatus, Article | None, str]], *, force: bool,
          root: str | Path | None) -> _Plan:
    """Decide each file's status; apply the cheap changes (renames, new copies, stale graphs of
    emptied files) at once, and return what needs extracting."""
    stored_hash = store.article_hashes()
    stored_build = store.article_builds()
    current_build = fingerprint()
    paths = stored_paths(store)
    by_path: dict[str, set[str]] = {}
    for iri, keys in paths.items():
        for k in keys:
            by_path.setdefault(k, set()).add(iri)
    plan = _Plan()
    run_keys: dict[str, list[str]] = {}  # IRI → keys of this run's files with that text, in order
    for _, art, key in read:
        if art is not None and art.text.strip():
            run_keys.setdefault(article_iri(art.doc_id).value, []).append(key)
    plan.current = set(run_keys)
    all_keys = {key for _, _, key in read}
    edits: dict[str, tuple[set[str], set[str]]] = {}  # IRI kept as is → (paths to add, paths to remove)
    first: dict[str, str] = {}  # IRI → status path of the first file of this run with that text

    def unlink(key: str, stale: set[str], replacing: str | None) -> None:
        """``key`` now holds another text: its old graphs lose it, and go when no file is left."""
        for old in stale:
            rest = paths[old] = paths.get(old, set()) - {key}
            if rest:
                edits.setdefault(old, (set(), set()))[1].add(key)
            elif replacing is not None:
                plan.drops.setdefault(replacing, set()).add(old)
            else:
                store.remove_article(old)

    for status, art, key in read:
        if art is None:  # unreadable or refused: its graphs are left alone
            continue
        iri = article_iri(art.doc_id).value if art.text.strip() else None
        stale = by_path.get(key, set()) - {iri} - plan.current
        if iri is None:
            status.status, status.detail = "empty", "no text after normalisation"
            unlink(key, stale, None)
            continue
        status.article = iri
        if iri in first:
            status.status, status.detail = "duplicate", f"same text as {first[iri]}"
            unlink(key, stale, None)
            continue
        first[iri] = status.path
        known = paths.get(iri, set())
        moved = {k for k in known if k not in all_keys and gone(k, root)}
        keys = (known - moved) | set(run_keys[iri])
        outdated = iri in stored_hash and stored_build.get(iri) != current_build
        if iri in stored_hash and not force and not outdated:
            unlink(key, stale, None)
            if not known or key in known:
                status.status = "unchanged"
            elif moved == known:
                status.status, status.detail = "renamed", "renamed from " + ", ".join(sorted(moved))
            else:
                status.status, status.detail = "duplicate", f"same text as {sorted(known - moved)[0]} (in store)"
            add, remove = edits.setdefault(iri, (set(), set()))
            add.update(keys - known)
            remove.update(moved)
            continue
        unlink(key, stale, iri)
        if stale:
            status.status = "changed"
        elif outdated and not force:
            status.status, status.detail = "outdated", "built by another version of the models, ontology data or code"
        else:
            status.status = "rebuilt" if iri in stored_hash else "new"
        plan.paths[iri] = keys
        plan.todo.append((art, status))
    for iri, (add, remove) in sorted(edits.items()):
        edit_paths(store, iri, add, remove)
    return plan


def _prune(store: KGStore, current: set[str], inputs: list, root: str | Path | None) -> list[tuple[str, list[str]]]:
    """Drop articles none of whose source files exist any more (all under ``inputs``); returns them."""
    pruned = []
    for iri, keys in sorted(stored_paths(store).items()):
        if iri in current:
            continue
        lost = {k for k in keys if under(k, inputs, root) and gone(k, root)}
        if lost == keys:
            store.remove_article(iri)
            pruned.append((iri, sorted(keys)))
        elif lost:
            edit_paths(store, iri, remove=lost)
    return pruned


def _detail(res: LoadResult) -> str:
    """The ingest message without the leading file name (the table has a file column)."""
    prefix = res.path.name + ": "
    return res.message[len(prefix):] if res.message.startswith(prefix) else res.message


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return f"{type(exc).__name__}: {text}"[:200]
