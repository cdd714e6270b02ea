"""Run the real Oxigraph SPARQL server (the ``oxigraph`` PyPI package) over a store folder.

``kg serve`` and the tests use the same function, :func:`start_server`, which launches
``oxigraph serve-read-only`` (default) or ``oxigraph serve`` (``writable=True``) as a child process
on a private loopback port behind the guard of :mod:`kg.front` (query depth, size, ``SERVICE``;
Oxigraph's own ``--timeout-s`` cancels long queries), waits until it answers HTTP, and returns a
:class:`Server` handle that knows the endpoint URLs and stops both. The endpoints follow
Oxigraph's layout: ``/query`` (SPARQL Query), ``/update`` (SPARQL Update), ``/store`` (Graph Store
Protocol); ``kg.store.remote.RemoteStore`` talks to exactly these.
"""

from __future__ import annotations

import contextlib
import ipaddress
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.guard import DEFAULT_TIMEOUT_S, MAX_DEPTH, MAX_QUERY_BYTES

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878


class ServerError(RuntimeError):
    """The server binary is missing, could not bind, or exited before answering."""

    exit_code = 1


class StoreBusy(ServerError):
    """Oxigraph could not open the store: another process (a running ``kg build``) has it open."""

    exit_code = 3


def oxigraph_binary() -> Path:
    """The ``oxigraph`` executable installed beside this interpreter (the venv), else on PATH."""
    here = Path(sys.executable).parent / ("oxigraph.exe" if os.name == "nt" else "oxigraph")
    if here.exists():
        return here
    found = shutil.which("oxigraph")
    if found:
        return Path(found)
    raise ServerError("the `oxigraph` server binary is not installed: pip install 'oxigraph>=0.5,<0.6'")


def free_port(host: str = DEFAULT_HOST) -> int:
    """A TCP port that is free on ``host`` right now (the OS picks it)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and ``localhost``."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _hostport(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


@dataclass
class Server:
    """A running Oxigraph server. Use as a context manager, or call :meth:`stop`."""

    process: subprocess.Popen
    host: str
    port: int
    location: Path | None
    writable: bool
    log_path: Path | None = None
    _owned_log: bool = field(default=False, repr=False)
    #: kg's store lock, held while the server runs: shared when read-only, exclusive when writable,
    #: so `kg build` on the same folder fails fast instead of racing the server.
    _lock: Any = field(default=None, repr=False)
    #: the guarding HTTP front (kg.front) on ``host:port``; Oxigraph itself listens on ``backend_port``
    front: Any = field(default=None, repr=False)
    backend_port: int | None = None
    stopping: bool = field(default=False, repr=False)

    @property
    def backend_url(self) -> str:
        return f"http://127.0.0.1:{self.backend_port or self.port}/"

    @property
    def url(self) -> str:
        """Base URL, the value to give ``kg build/query --store``."""
        return f"http://{_hostport(self.host, self.port)}/"

    @property
    def query_url(self) -> str:
        return self.url + "query"

    @property
    def update_url(self) -> str:
        return self.url + "update"

    @property
    def store_url(self) -> str:
        return self.url + "store"

    @property
    def pid(self) -> int:
        return self.process.pid

    def running(self) -> bool:
        return self.process.poll() is None

    def log_tail(self, chars: int = 2000) -> str:
        if self.log_path is None or not self.log_path.exists():
            return ""
        return self.log_path.read_text(encoding="utf-8", errors="replace")[-chars:].strip()

    def stop(self, timeout: float = 10.0) -> int | None:
        """Terminate the server (SIGTERM, then SIGKILL after ``timeout``); returns its exit code.

        The log is removed only when the server ran and stopped normally: a crash's log is kept."""
        self.stopping = True
        if self.front is not None:
            self.front.shutdown()
            self.front.server_close()
            self.front = None
        crashed = self.process.poll() not in (None, 0)
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout)
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        if self._owned_log and self.log_path is not None and not crashed:
            with contextlib.suppress(OSError):
                self.log_path.unlink()
        return self.process.returncode

    def wait(self) -> int:
        """Block until the server exits (``kg serve`` in the foreground)."""
        return self.process.wait()

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def server_command(
    location: Path | None,
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    writable: bool = False,
    union_default_graph: bool = False,
    cors: bool = False,
    timeout_s: int | None = None,
) -> list[str]:
    """The ``oxigraph`` command line for these settings (without starting anything)."""
    cmd = [str(oxigraph_binary()), "serve" if writable else "serve-read-only"]
    if location is not None:
        cmd += ["--location", str(location)]
    cmd += ["--bind", _hostport(host, port)]
    if union_default_graph:
        # Oxigraph's union of all graphs, a bag up to 0.5.13 (a triple counted once per graph);
        # off by default: the default graph is the merged graph kg keeps (kg.store.base)
        cmd.append("--union-default-graph")
    if cors:
        cmd.append("--cors")
    if timeout_s:
        cmd += ["--timeout-s", str(timeout_s)]
    return cmd


def check_location(location: Path | str | None, writable: bool) -> Path | None:
    """Refuse a read-only server over a folder that holds no store (one clear line, not a panic)."""
    if location is None:
        if not writable:
            raise ServerError("a read-only server needs a store folder: pass --store DIR")
        return None
    path = Path(location)
    if path.exists() and not path.is_dir():
        raise ServerError(f"{path} is a file, not a store folder")
    if not writable and not (path / "CURRENT").exists():  # RocksDB's marker of a database
        raise ServerError(
            f"no store at {path}: build one first (kg build PATHS --store {path}) or pass --writable"
        )
    return path


def start_server(
    location: Path | str | None,
    *,
    host: str = DEFAULT_HOST,
    port: int | None = None,
    writable: bool = False,
    union_default_graph: bool = False,
    cors: bool = False,
    timeout_s: float | None = DEFAULT_TIMEOUT_S,
    startup_timeout: float = 30.0,
    log_path: Path | None = None,
    allow_service: bool = False,
    max_depth: int = MAX_DEPTH,
    max_query_bytes: int = MAX_QUERY_BYTES,
) -> Server:
    """Start Oxigraph over ``location`` and return once it answers HTTP.

    ``port=None`` picks a free port (tests, benchmarks). ``location=None`` with ``writable=True``
    gives an in-memory server. The server's own output goes to ``log_path`` (a temporary file when
    omitted, removed on :meth:`Server.stop` unless the server crashed), so a chatty server never
    blocks on a full pipe. Requests pass :func:`kg.guard.check_query` (``max_depth``,
    ``max_query_bytes``, ``allow_service``) before Oxigraph sees them; ``timeout_s`` cancels a
    query that runs longer (``None``: never).
    """
    path = check_location(location, writable)
    if path is not None and writable:
        path.mkdir(parents=True, exist_ok=True)
    lock = _store_lock(path, shared=not writable)
    from kg.front import bind_front, serve_front

    try:  # the public port is bound first and held, so neither the backend nor anyone else can take it meanwhile
        front = bind_front(host, port or 0, max_depth=max_depth, max_bytes=max_query_bytes,
                           allow_service=allow_service, timeout_s=timeout_s)
    except OSError as e:
        if lock is not None:
            lock.release()
        raise ServerError(f"port {port} on {host} is already in use: pick another with --port ({e.strerror})"
                          ) from None
    try:
        server = _start(path, host, front.server_address[1], writable, union_default_graph, cors, timeout_s,
                        startup_timeout, log_path)
    except BaseException:
        front.server_close()
        if lock is not None:
            lock.release()
        raise
    server._lock = lock
    front.backend = ("127.0.0.1", server.backend_port)
    server.front = serve_front(front)
    return server


def _store_lock(path: Path | None, shared: bool):
    """Take the store lock on the folder (raises kg.store.StoreLocked when busy): kg serve owns it."""
    if path is None:
        return None
    from kg.store.lock import StoreLock

    lock = StoreLock(path, shared)
    lock.acquire()
    return lock


def _start(path, host, port, writable, union_default_graph, cors, timeout_s, startup_timeout,
           log_path) -> Server:
    """Start Oxigraph on a private loopback port for the front already bound on ``host:port``."""
    last_error: ServerError = ServerError("oxigraph server failed to start")
    for _ in range(3):  # the private port is picked then released: a lost race is worth another try
        private = free_port("127.0.0.1")
        owned = log_path is None
        log = Path(tempfile.mkstemp(prefix="kg-oxigraph-", suffix=".log")[1]) if owned else Path(log_path)
        cmd = server_command(
            path, host="127.0.0.1", port=private, writable=writable,
            union_default_graph=union_default_graph, cors=cors,
            timeout_s=max(1, round(timeout_s)) if timeout_s else None,
        )
        with open(log, "ab") as out:
            proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        server = Server(proc, host, port, path, writable, log, owned, backend_port=private)
        try:
            _wait_ready(server, startup_timeout)
            return server
        except ServerError as e:
            last_error = e
            server.stop()
            if "address" not in str(e).lower() or "in use" not in str(e).lower():
                break  # only a lost port race is worth another try
        except BaseException:  # Ctrl-C / SIGTERM while starting: never leave the child behind
            server.stop()
            raise
    raise last_error


def _wait_ready(server: Server, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    delay = 0.02
    while True:
        if not server.running():
            raise _startup_failure(server)
        try:
            with urllib.request.urlopen(server.backend_url, timeout=2) as resp:
                answered = resp.status < 500
        except urllib.error.HTTPError as e:
            answered = e.code < 500
        except OSError:
            answered = False
        if answered and server.running():
            return
        if time.monotonic() > deadline:
            server.stop()
            raise ServerError(f"oxigraph server did not answer on {server.url} within {timeout:.0f}s")
        time.sleep(delay)
        delay = min(delay * 2, 0.25)


def _startup_failure(server: Server) -> ServerError:
    """One line out of the server's log (it prints a Rust backtrace after the error)."""
    lines = server.log_tail(8000).splitlines()
    error = next((ln.strip() for ln in lines if ln.startswith("Error")), "")
    error = error or (lines[0].strip() if lines else f"exit code {server.process.returncode}")
    if "LOCK" in error:  # RocksDB's own lock: the only sign Oxigraph gives of it
        return StoreBusy(f"store {server.location} is open in another process (a running `kg build`?): "
                         "stop it, or serve it read-only")
    return ServerError(f"oxigraph server failed to start: {error}")


def serve(
    location: Path | str | None,
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    writable: bool = False,
    cors: bool = False,
    timeout_s: float | None = DEFAULT_TIMEOUT_S,
    allow_service: bool = False,
    echo=print,
) -> int:
    """Foreground server for ``kg serve``: start, print the endpoints, stop cleanly on Ctrl-C.

    Returns the exit code: 0 after Ctrl-C/SIGTERM; 1 when it cannot start, or when Oxigraph died
    under it (its log is printed and kept, the code says how it died); 3 when the store is locked.
    """
    from kg.store import StoreLocked

    if not is_loopback(host):
        echo(f"warning: binding {host} exposes the store to the network"
             + (" and accepts writes from anyone who can reach it" if writable else ""))
    previous = None
    if threading.current_thread() is threading.main_thread():
        # SIGTERM (service managers, `kill`) must stop the child too, not orphan it; installed
        # before the child starts so that no signal finds us without it.
        previous = signal.signal(signal.SIGTERM, _raise_interrupt)
    server = None
    try:
        server = start_server(location, host=host, port=port, writable=writable, cors=cors, timeout_s=timeout_s,
                              allow_service=allow_service)
        mode = "read-write" if writable else "read-only"
        echo(f"Oxigraph {mode} server for {location or '(in-memory)'} at {server.url} (pid {server.pid})")
        echo(f"  SPARQL query:  {server.query_url}")
        if writable:
            echo(f"  SPARQL update: {server.update_url}")
            echo(f"  graph store:   {server.store_url}")
        limits = f"queries cancelled after {timeout_s:g} s" if timeout_s else "no query timeout"
        echo(f"  limits:        {limits}; nesting over {MAX_DEPTH}, queries over {MAX_QUERY_BYTES // 1024} KB"
             + ("" if allow_service else " and SERVICE") + " refused")
        echo(f"  use it with:   kg query --store {server.url} ...   (Ctrl-C stops)")
        code = server.wait()
        return _died(server, code, echo)
    except KeyboardInterrupt:
        echo("stopping")
        return 0
    except (ServerError, StoreLocked) as exc:
        echo(f"Error: {exc}")
        return exc.exit_code
    finally:
        if server is not None:
            server.stop()
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _died(server: Server, code: int, echo) -> int:
    """Oxigraph exited on its own: say how, show its last words, keep its log; never exit 0."""
    how = f"killed by signal {-code} ({_signal_name(-code)})" if code < 0 else f"exit code {code}"
    echo(f"Error: the Oxigraph server (pid {server.pid}) stopped unexpectedly: {how}")
    tail = server.log_tail(1500)
    if tail:
        echo("Error: its last output:\n" + "\n".join("  " + ln for ln in tail.splitlines()[-15:]))
    if server.log_path is not None:
        echo(f"Error: full log kept at {server.log_path}")
    return 128 - code if code < 0 else (code or 1)


def _signal_name(num: int) -> str:
    try:
        return signal.Signals(num).name
    except ValueError:
        return "unknown"


def _raise_interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
