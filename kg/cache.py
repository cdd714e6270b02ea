"""Objects built from ontology files (the gazetteer, the weapon lexicon, the cue lexicon), kept between
processes in pickles keyed by the content of the files and code they are built from.

Parsing their Turtle with rdflib costs every process that needs them (each ``kg`` command, the fork
server of a parallel build) over a second; a pickle loads in milliseconds, compiled expressions
included (:func:`kg.patterns.reduce_pattern`). A cache that cannot be read or written is rebuilt.
"""

from __future__ import annotations

import contextlib
import copyreg
import gc
import hashlib
import io
import os
import pickle
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from kg.patterns import reduce_pattern

T = TypeVar("T")


def cache_dir() -> Path:
    """``$KG_CACHE_DIR``, else ``$XDG_CACHE_HOME/kg``, else ``~/.cache/kg``."""
    if os.environ.get("KG_CACHE_DIR"):
        return Path(os.environ["KG_CACHE_DIR"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kg"


def cached(name: str, sources: Iterable[Path], build: Callable[[], T]) -> T:
    """What ``build()`` returns, from ``<cache_dir>/<name>-<digest>.pickle`` when the ``sources`` (every
    file the result depends on, code included) are those it was built from; else built and kept."""
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in sources if p.exists())).hexdigest()[:20]
    path = cache_dir() / f"{name}-{digest}.pickle"
    try:
        with path.open("rb") as f, collector_paused():
            return pickle.load(f)  # noqa: S301 - our own cache file, keyed by content
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError):
        pass
    with collector_paused():
        value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(_dumps(value))
        os.replace(tmp, path)  # atomic: a concurrent process reads the old file or the new one
    except OSError:
        pass  # a read-only home: build every time
    return value


@contextlib.contextmanager
def collector_paused(keep_frozen: bool = False) -> Iterator[None]:
    """Python's cyclic garbage collector off while something big and long-lived is loaded (a model, a
    lexicon; use it around the load only, never around work that is repeated): every few hundred
    containers made, a collection walks the young ones, and now and then the whole heap, which such a
    load only grows, though none of it is garbage. Afterwards the collector is on again (if it was), and
    what was loaded is moved to the oldest generation as it is (``gc.freeze`` then ``gc.unfreeze``), so
    that the young collections that follow do not walk it either; a full collection, rare, finds the
    load's little garbage. Not where objects are frozen already (a worker: kg.parallel.warm_up), which
    ``gc.unfreeze`` would release. About 0.3 s of the 1.6 s of CPU that a process spent loading the
    pipeline and the lexicons and extracting a first sentence. With ``keep_frozen`` (the fork server,
    kg.parallel.preload) everything stays frozen for the processes forked from it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if keep_frozen:
            gc.freeze()
        elif enabled and not gc.get_freeze_count():
            gc.freeze()
            gc.unfreeze()
        if enabled:
            gc.enable()


def _dumps(value: object) -> bytes:
    buf = io.BytesIO()
    pickler = pickle.Pickler(buf, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = {**copyreg.dispatch_table, re.Pattern: reduce_pattern}
    pickler.dump(value)
    return buf.getvalue()
