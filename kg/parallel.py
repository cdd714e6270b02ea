"""Parallel extraction: worker processes on this machine, or a ``dask.distributed`` cluster.

Extraction (Stanza tokenize + NER, then resolution and relation extraction) is the expensive,
embarrassingly parallel part of a build; writing to the store is cheap and must stay in one process
(one writer, one lock). :func:`map_extract` therefore sends batches of articles out and yields
``Extraction`` objects back, in input order, to the caller, which writes them. At most
``prefetch`` batches per worker are in flight, so memory stays flat however large the corpus is.

- ``workers=1``: in this process (no pickling, no start-up cost).
- ``workers=N``: N processes, each using ``cpu_count // N`` torch threads. They are forked from a fork
  server that loaded the models once (:func:`preload`; spawned, so a parent that already holds torch
  threads is safe), not each spawned to load them again; where there is no fork server, spawned.
- ``dask="tcp://HOST:PORT"``: tasks on an existing Dask scheduler. A worker plugin builds the
  pipeline once per worker process when it joins; the articles travel as text, so workers need
  the ``kg`` package and its models but not the input files.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.types import Article, Extraction

if TYPE_CHECKING:  # rdflib is imported where graphs are minted, not by a parent that only starts the pool
    from kg.rdf import ArticleGraph

#: Batches queued per worker beyond the one it is running: enough to keep it busy, little memory.
PREFETCH = 2
_analyse_lock = threading.Lock()


class ParallelError(RuntimeError):
    """A worker pool or Dask cluster could not be used."""


# -- the work itself (runs in workers) ---------------------------------------------------------


def extract_batch(articles: Sequence[Article]) -> list[Extraction]:
    """Analyse a batch in one Stanza call, then resolve and extract each document.

    This is the unit of work sent to workers. The process-wide pipeline of ``kg.nlp`` is built on
    first use and reused, so each worker process loads the models once.
    """
    from kg import nlp
    from kg.extract import extract
    from kg.resolve import resolve

    with _analyse_lock:  # one Stanza call at a time per process (Dask workers may run threads)
        docs = nlp.analyse(list(articles))
    out = []
    for doc in docs:
        entities, links = resolve(doc)  # resolution is its own stage, then the relation rules
        out.append(extract(doc, links, entities))
    return out


def graph_batch(articles: Sequence[Article]) -> list[ArticleGraph]:
    """:func:`extract_batch`, then the quads minted here too: what ``kg build`` sends to workers.

    Minting in the worker leaves the one writer process nothing to do but load N-Triples, and the
    small ``ArticleGraph`` is several times cheaper to send back than the whole ``Extraction``.
    """
    from kg.rdf import article_graph

    return [article_graph(ex) for ex in extract_batch(articles)]


def _init_worker(torch_threads: int, settings: dict[str, str] | None = None, owner: int | None = None) -> None:
    """Process-pool initializer: pin torch threads and load the models before the first batch.

    ``settings``: the parent's ``KG_*`` environment when the pool was made. A worker forked from the
    fork server has the server's environment, from when it started; the parent's may differ since.
    ``owner``: the pool's process, whose death ends the worker.
    Ctrl-C is left to the parent, which cancels the pool; workers would only print tracebacks.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent(owner)
    if settings is not None:
        for key in [k for k in os.environ if k.startswith("KG_") and k not in settings]:
            del os.environ[key]
        os.environ.update(settings)
    _set_torch_threads(torch_threads)
    warm_up()


def preload() -> None:
    """What the fork server of the worker pool runs once (``kg.preload``): every model and lexicon
    loaded and run on one short text with one torch thread, so that each worker forked from it starts
    with them instead of loading them again (3.4 s of CPU per worker, as much as 100 articles take).
    With one thread torch starts no thread pool of its own, so the forked workers set their own.

    The cyclic collector is off while it loads, torch's import included: its collections, each walking
    the growing heap of modules and models, took a quarter of the server's CPU (0.45 of 1.85 s after
    torch's import), on the path every worker waits on. Everything loaded is then frozen as it is, the
    few cycles it left behind too (12,000 small objects, 1.5 MB, which a collection would have spent
    0.2 s to find), and the collector is on again for the workers."""
    from kg.cache import collector_paused

    with collector_paused(keep_frozen=True):
        import torch

        torch.set_num_threads(1)
        with contextlib.suppress(Exception):  # models missing, say: each worker loads again and reports it
            warm_up()


def quick_exit(pid: int) -> None:
    """The fork server's last exit handler: leave without tearing down the interpreter.

    The server exits when the pool's process has gone; finalizing torch and the rest of its modules
    would then cost half a second that nobody waits for but whoever reads the command's output (a
    pipe stays open until the server has closed it). The server has nothing to flush or close but
    its standard streams. The workers forked from it inherit the handler but never run it (they
    leave by ``os._exit``); ``pid``, the server's, makes sure of that.
    """
    if os.getpid() != pid:
        return
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(0)


def _context() -> multiprocessing.context.BaseContext:
    """A fork server that has run :func:`preload` where the platform has one (Linux, macOS), else spawn."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["kg.preload"])
    return ctx


def start_server() -> None:
    """Start the workers' fork server now (it loads the models while the caller does other work)."""
    ctx = _context()
    if isinstance(ctx, multiprocessing.context.ForkServerContext):
        from multiprocessing import forkserver

        forkserver.ensure_running()


def warm_up() -> None:
    """Load every model and lexicon a batch needs (Stanza, the rule tokenizer, the gazetteer, the cue
    lexicon) and run one short text through NLP, resolution, extraction and minting, so that a worker's
    first batch costs what the others do (``bench.nlp`` measures the first batch against the rest)."""
    from kg import nlp
    from kg.ingest import article_from_text

    nlp.warm_up()
    graph_batch([article_from_text("Kim Jong Un. Vladimir Putin.", name="warm-up")])
    # the models and lexicons now loaded live as long as the process: moved out of the collector's
    # generations, a full collection (which the objects each batch makes trigger now and then) no
    # longer walks their millions of objects (0.1 s each time; 7% of resolution + extraction on the
    # real articles of bench.nlp). Loaded with the collector on (a Dask worker, a worker without the fork
    # server), the garbage of loading goes first; in the fork server (kg.preload) it is off, and in a
    # worker forked from it only what the worker made since is not frozen yet
    if gc.isenabled():
        gc.collect()
    gc.freeze()


def _die_with_parent(owner: int | None = None) -> None:
    """Exit when the parent dies, even by SIGKILL, so no worker (and its ~0.5 GB of models) is
    orphaned: the kernel's parent-death signal on Linux, and a watchdog thread everywhere.

    ``owner``: the process that made the pool. A worker forked from the fork server is the server's
    child, and the server lives as long as its workers do, so the watchdog watches the owner."""
    parent = os.getppid()
    owner = owner or parent
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    if os.getppid() != parent or not _alive(owner):  # died before the signal was armed
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(0.5)
            if os.getppid() != parent or not _alive(owner):
                os._exit(1)

    threading.Thread(target=watch, name="kg-parent-watchdog", daemon=True).start()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, owned by someone else
        return True
    return True


def _set_torch_threads(n: int) -> None:
    os.environ.setdefault("OMP_NUM_THREADS", str(n))
    import torch

    torch.set_num_threads(max(1, n))


# -- Dask ---------------------------------------------------------------------------------------


def _pipeline_plugin(torch_threads: int):
    """A Dask WorkerPlugin that loads the Stanza pipeline once per worker process at start-up."""
    from distributed.diagnostics.plugin import WorkerPlugin

    class KgPipeline(WorkerPlugin):
        name = "kg-pipeline"
        idempotent = True

        def __init__(self, threads: int) -> None:
            self.threads = threads

        def setup(self, worker) -> None:  # noqa: ANN001 - distributed.Worker
            _set_torch_threads(self.threads)
            warm_up()

    return KgPipeline(torch_threads)


def dask_client(address: str, timeout: float = 15.0):
    """Connect to a running Dask scheduler, or raise :class:`ParallelError` with one clear line."""
    try:
        from distributed import Client
    except ImportError as e:  # pragma: no cover - dask[distributed] is a dependency
        raise ParallelError("--dask needs dask[distributed]: pip install 'dask[distributed]'") from e
    try:
        return Client(address, timeout=f"{timeout}s", set_as_default=False)
    except (OSError, TimeoutError) as e:
        raise ParallelError(f"cannot reach the Dask scheduler at {address}: {e}") from None


# -- the driver ---------------------------------------------------------------------------------


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _as_articles(items: Iterable[Article | Path | str]) -> Iterator[Article]:
    from kg.ingest import read_article

    for item in items:
        yield item if isinstance(item, Article) else read_article(Path(item))


def _windowed(
    submit: Callable[[list[Article]], Any],
    result: Callable[[Any], list[Extraction]],
    batches: Iterator[list[Article]],
    window: int,
    on_error: Callable[[Article, BaseException], None] | None,
    retry: Callable[[Article], list[Extraction]],
) -> Iterator[Extraction]:
    """Keep ``window`` batches in flight, yield their results in submission order."""
    pending: deque[tuple[list[Article], Any]] = deque()
    for batch in batches:
        pending.append((batch, submit(batch)))
        if len(pending) >= window:
            yield from _collect(*pending.popleft(), result, on_error, retry)
    while pending:
        yield from _collect(*pending.popleft(), result, on_error, retry)


def _fatal(exc: BaseException) -> bool:
    """Failures of the machinery, not of one article: retrying article by article cannot help."""
    from concurrent.futures import BrokenExecutor, CancelledError

    from kg.nlp import ModelsMissing

    return isinstance(exc, (ModelsMissing, BrokenExecutor, CancelledError, ParallelError, OSError,
                            MemoryError)) or type(exc).__name__ in ("KilledWorker", "CommClosedError")


def _collect(batch, handle, result, on_error, retry) -> Iterator[Extraction]:
    try:
        out = result(handle)
    except Exception as e:  # noqa: BLE001 - isolate the bad article, keep the build going
        if on_error is None or _fatal(e):
            raise
        if len(batch) == 1:
            on_error(batch[0], e)
            return
        # Re-run one article at a time so only the article that fails is reported.
        for article in batch:
            try:
                yield from retry(article)
            except Exception as e2:  # noqa: BLE001
                if _fatal(e2):
                    raise
                on_error(article, e2)
        return
    yield from out


def map_extract(
    items: Iterable[Article | Path | str],
    *,
    workers: int = 1,
    dask: str | Any | None = None,
    batch_size: int = 8,
    prefetch: int = PREFETCH,
    on_error: Callable[[Article, BaseException], None] | None = None,
    connect_timeout: float = 15.0,
    mint: bool = False,
) -> Iterator[Extraction] | Iterator[ArticleGraph]:
    """Extract every article (``Article`` objects, or paths read here), yielding results in order.

    ``workers``: processes on this machine (1 = in this process). ``dask``: a scheduler address
    (``tcp://HOST:PORT``) or a ``distributed.Client``; it overrides ``workers``. ``on_error``:
    called with (article, exception) for an article whose extraction fails; without it the first
    failure is raised. ``connect_timeout``: seconds to wait for the Dask scheduler. ``mint``: yield
    each article's ``ArticleGraph``, minted where it was extracted (a failure to mint is that
    article's error too); this is what ``kg build`` writes. Consume the iterator fully, or close
    it, to release the workers.
    """
    # argument errors are raised here, at the call, not at the first next()
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    if dask is None and workers < 1:
        raise ValueError("workers must be at least 1")
    return _run(graph_batch if mint else extract_batch, _batches(_as_articles(items), batch_size), workers,
                dask, prefetch, on_error, connect_timeout)


def _run(work, batches, workers, dask, prefetch, on_error, connect_timeout) -> Iterator:
    if dask is not None:
        yield from _map_dask(work, batches, dask, prefetch, on_error, connect_timeout)
        return
    if workers == 1:
        for batch in batches:
            yield from _collect(batch, batch, work, on_error, lambda a: work([a]))
        return
    threads = max(1, (os.cpu_count() or 1) // workers)
    settings = {k: v for k, v in os.environ.items() if k.startswith("KG_")}
    with ProcessPoolExecutor(workers, mp_context=_context(), initializer=_init_worker,
                             initargs=(threads, settings, os.getpid())) as pool:
        try:
            yield from _windowed(
                lambda b: pool.submit(work, b),
                Future.result,
                batches,
                workers * (1 + prefetch),
                on_error,
                lambda a: pool.submit(work, [a]).result(),
            )
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def _map_dask(work, batches, dask, prefetch, on_error, connect_timeout) -> Iterator:
    owned = isinstance(dask, str)
    client = dask_client(dask, connect_timeout) if owned else dask
    try:
        if not client.scheduler_info().get("workers"):
            client.wait_for_workers(1, timeout=60)
        workers = client.scheduler_info()["workers"].values()
        threads = sum(w.get("nthreads", 1) for w in workers)
        register = getattr(client, "register_plugin", None) or client.register_worker_plugin
        register(_pipeline_plugin(torch_threads=1))

        def result(fut):
            try:
                return fut.result()
            finally:
                fut.release()

        yield from _windowed(
            lambda batch: client.submit(work, batch, pure=False),
            result,
            batches,
            max(1, threads) * (1 + prefetch),
            on_error,
            lambda a: client.submit(work, [a], pure=False).result(),
        )
    except OSError as e:
        raise ParallelError(f"lost the Dask cluster at {getattr(client, 'scheduler', dask)}: {e}") from None
    finally:
        if owned:
            client.close()
