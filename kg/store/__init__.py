"""The knowledge-graph store: an embedded on-disk Oxigraph database, or any SPARQL 1.1 endpoint.

``open_store(location)`` takes a folder (default ``build/store``) or an ``http(s)://`` URL and gives
a :class:`KGStore`: :class:`~kg.store.local.Store` or :class:`~kg.store.remote.RemoteStore`, with the
same methods. Layout of the package:

* :mod:`kg.store.base`: the ``KGStore`` protocol, the errors, and the helpers both stores share;
* :mod:`kg.store.local`: Oxigraph on disk;
* :mod:`kg.store.remote`: any SPARQL 1.1 endpoint (Graph Store Protocol, else SPARQL Update);
* :mod:`kg.store.lock`: the ``kg.lock`` file that keeps a writer alone with a store folder.
"""

from __future__ import annotations

from pathlib import Path

from kg.store.base import (
    EXPORT_FORMATS,
    SUFFIX_FORMATS,
    KGStore,
    StoreError,
    StoreLocked,
    StoreMissing,
    article_index,
    graph_body,
    missing_from_merged,
    os_error_line,
    python_value,
    remove_update,
    replace_update,
    rows_of,
    store_stats,
    sync_merged,
)
from kg.store.local import DEFAULT_STORE, FLUSH_EVERY_QUADS, Store
from kg.store.lock import LOCK_NAME, StoreLock, store_lock
from kg.store.remote import EndpointUnreachable, ReadOnlyError, RemoteStore, RemoteStoreError


def open_store(location: str | Path = DEFAULT_STORE, *, read_only: bool = False) -> KGStore:
    """A folder → the embedded :class:`Store`; an ``http(s)://`` URL → :class:`RemoteStore`."""
    text = str(location)
    if text.startswith(("http://", "https://")):
        return RemoteStore(text, read_only=read_only)
    return Store(Path(location), read_only=read_only)


__all__ = [
    "DEFAULT_STORE", "EXPORT_FORMATS", "FLUSH_EVERY_QUADS", "LOCK_NAME", "SUFFIX_FORMATS",
    "EndpointUnreachable", "KGStore", "ReadOnlyError", "RemoteStore", "RemoteStoreError", "Store",
    "StoreError", "StoreLock", "StoreLocked", "StoreMissing", "article_index", "graph_body",
    "missing_from_merged", "open_store", "os_error_line", "python_value", "remove_update", "replace_update",
    "rows_of", "store_lock", "store_stats", "sync_merged",
]
