"""The store lock: who may open a store folder, and the holder records that name who holds it.

One process may write a store folder at a time, and nobody may read it meanwhile (Oxigraph
documents concurrent read-only opening during writes as undefined behaviour). An advisory ``flock``
on ``<store>/kg.lock`` enforces this: writers hold it exclusively, readers shared; a second writer,
or a reader during a write, gets :class:`~kg.store.base.StoreLocked` at once instead of waiting or
corrupting anything. Every holder writes one record into the file (a writer its bare pid, a reader
``pid start-time reading command``) and clears it on release, so the error names live holders only.

Owners: :class:`kg.store.local.Store` holds it for as long as it is open; ``kg serve``
(:mod:`kg.server`) holds it around the Oxigraph server process through :func:`store_lock`.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from kg.store.base import StoreError, StoreLocked, os_error_line

try:  # POSIX advisory locks; elsewhere Oxigraph's own RocksDB lock still guards writers
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

LOCK_NAME = "kg.lock"


class StoreLock:
    """An advisory ``flock`` on ``<store>/kg.lock``: exclusive for writers, shared for readers."""

    def __init__(self, folder: Path, shared: bool) -> None:
        self.path = Path(folder) / LOCK_NAME
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


@contextlib.contextmanager
def store_lock(folder: str | Path, *, shared: bool = True) -> Iterator[None]:
    """Hold the store's lock around something that opens the folder itself (e.g. ``oxigraph serve``)."""
    lock = StoreLock(Path(folder), shared)
    lock.acquire()
    try:
        yield
    finally:
        lock.release()


def _start_time(pid: int) -> str | None:
    """The process's start time in clock ticks (``/proc``), which tells a live holder from a reused pid."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            return f.read().rsplit(b")", 1)[1].split()[19].decode()
    except (OSError, IndexError):
        return None


def _holder_record(shared: bool) -> str:
    """A writer (alone) records its bare pid; each reader ``pid start-time reading command``."""
    if not shared:
        return str(os.getpid())
    what = " ".join(os.path.basename(a) for a in sys.argv[:2]) or "python"
    return f"{os.getpid()} {_start_time(os.getpid()) or '-'} reading {what}"[:200]


def _rewrite(fd: int, change: Callable[[list[str]], list[str]]) -> None:
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
