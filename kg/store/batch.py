"""Writing a build's article graphs in chunks: one atomic bulk ingestion for many new articles.

A transactional load into the on-disk store checks every key before it writes it and costs about
ten times what the same quads cost in memory; in a two-worker build the one writer took a third of
the CPU. Oxigraph's bulk loader sorts a batch and ingests it as one set of SST files, which RocksDB
adds to all column families at once (all or nothing), at about a quarter of that cost. So graphs
that are new to the store wait here and go in together; a replacement (a changed article, a graph
already stored) and any store without a bulk path (a SPARQL endpoint) keep the one-transaction
``replace_article``. A chunk is bounded in quads, well under the loader's one-batch limit, and in
age, so a killed build loses at most a few seconds of extraction: the rerun redoes those articles
and ends with the same graph.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from kg.store.base import KGStore, StoreError
from kg.store.local import BULK_BATCH_QUADS, Store

#: Write the pending graphs once they hold this many quads (each triple counts twice: its article
#: graph and the merged graph); ``KG_WRITE_CHUNK_QUADS`` overrides it, 0 writes every article in a
#: transaction of its own. 60,000 to 500,000 cost the same CPU (``python -m bench.run --only store``).
CHUNK_QUADS = 100_000
#: ... or once the oldest of them has waited this many seconds.
CHUNK_SECONDS = 5.0


class BadChunkSetting(StoreError):
    """``KG_WRITE_CHUNK_QUADS`` is not a whole number in range (bad usage: exit code 2)."""

    exit_code = 2


def chunk_setting() -> int:
    """Quads per bulk ingestion: ``KG_WRITE_CHUNK_QUADS`` if set, else :data:`CHUNK_QUADS`."""
    env = os.environ.get("KG_WRITE_CHUNK_QUADS", "").strip()
    if not env:
        return CHUNK_QUADS
    if not env.isdigit() or int(env) >= BULK_BATCH_QUADS:
        raise BadChunkSetting(f"KG_WRITE_CHUNK_QUADS={env!r}: expected a whole number from 0 (a transaction "
                              f"per article) to {BULK_BATCH_QUADS - 1:,} (default {CHUNK_QUADS:,})")
    return int(env)


@dataclass
class _Pending:
    iri: str
    body: bytes
    done: Callable[[], None]
    failed: Callable[[Exception], None]


@dataclass
class ArticleWriter:
    """Writes article graphs to ``store``: new ones in chunks where the store can bulk-load them,
    the rest at once. ``done`` runs once an article is in the store, ``failed`` with the error of
    one that could not be written; an ``OSError`` (disk full, lost server) is raised."""

    store: KGStore
    chunk_quads: int = field(default_factory=chunk_setting)
    chunk_seconds: float = CHUNK_SECONDS
    _pending: dict[str, _Pending] = field(default_factory=dict)  # by IRI, in the order written
    _quads: int = 0
    _since: float = 0.0

    def write(self, iri: str, body: bytes, *, drop: Iterable[str] = (),
              done: Callable[[], None], failed: Callable[[Exception], None]) -> None:
        """Write one article graph (N-Triples ``body``) now or with the next chunk."""
        drops = set(drop) - {iri}
        if (not (isinstance(self.store, Store) and self.chunk_quads) or drops or iri in self._pending
                or self.store.has_article(iri)):  # a graph written twice: the second replaces the first
            self.flush()
            self._one(_Pending(iri, body, done, failed), drops)
            return
        if not self._pending:
            self._since = time.monotonic()
        self._pending[iri] = _Pending(iri, body, done, failed)
        self._quads += 2 * body.count(b"\n")
        if self._quads >= self.chunk_quads or time.monotonic() - self._since >= self.chunk_seconds:
            self.flush()

    def flush(self) -> None:
        """Write every pending graph: one ingestion, or one by one where the chunk is refused (so
        that one bad article fails alone)."""
        pending, self._pending, self._quads = list(self._pending.values()), {}, 0
        if not pending:
            return
        assert isinstance(self.store, Store)  # only its new graphs wait
        try:
            self.store.add_new_articles([(p.iri, p.body) for p in pending])
        except OSError:
            raise
        except Exception:  # noqa: BLE001 - find the article at fault below
            for p in pending:
                self._one(p, set())
            return
        for p in pending:
            p.done()

    def _one(self, p: _Pending, drops: set[str]) -> None:
        try:
            self.store.replace_article(p.iri, p.body, drop=drops)
        except OSError:
            raise
        except Exception as e:  # noqa: BLE001 - one bad article must not stop the build
            p.failed(e)
            return
        p.done()
