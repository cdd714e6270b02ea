"""Limits a SPARQL request must pass before Oxigraph sees it, shared by ``kg query`` and ``kg serve``.

Oxigraph parses and evaluates queries recursively: a ~10 KB query nested 5,000 ``{`` deep
overflows its stack and aborts the whole process (the server) or segfaults Python (``kg query``).
``SERVICE`` makes the engine fetch any URL the query names (server-side request forgery from a
read-only endpoint). :func:`check_query` refuses both, and oversized text, with one line.
"""

from __future__ import annotations

import os
import re

#: Deepest nesting of ``{ ( [`` a query may have; real queries stay under 20, Oxigraph's server
#: threads overflow somewhere past a thousand.
MAX_DEPTH = 128
#: Largest query text accepted by ``kg serve`` (bytes of UTF-8); ``kg query`` reads local files.
MAX_QUERY_BYTES = 1024 * 1024
#: Seconds a query may run before it is cancelled (``--timeout-s``).
DEFAULT_TIMEOUT_S = 30.0

# strings, IRIs and comments may hold any bracket or keyword without being code
_SCAN = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*(?:"""|\Z)' r"|'''(?:[^'\\]|\\.|'(?!''))*(?:'''|\Z)"
    r'|"(?:[^"\\\n]|\\.)*"' r"|'(?:[^'\\\n]|\\.)*'"
    r"|<[^<>\"{}|^`\\\x00-\x20]*>"
    r"|#[^\n]*"
    r"|[{(\[]|[})\]]"
    r"|(?<![\w?$:])SERVICE(?![\w:-])",
    re.IGNORECASE,
)


class QueryRefused(ValueError):
    """A query over the limits (too deep, too large, SERVICE not allowed): one line, HTTP 400."""


def depth_and_service(text: str) -> tuple[int, bool]:
    """The deepest bracket nesting outside strings/IRIs/comments, and whether ``SERVICE`` is used."""
    depth = deepest = 0
    service = False
    for m in _SCAN.finditer(text):
        tok = m.group(0)
        if tok in "{([":
            depth += 1
            deepest = max(deepest, depth)
        elif tok in "})]":
            depth = max(0, depth - 1)
        elif tok[0] not in "\"'<#":
            service = True
    return deepest, service


def check_query(text: str, *, max_depth: int = MAX_DEPTH, max_bytes: int | None = None,
                allow_service: bool = False) -> None:
    """Raise :class:`QueryRefused` when ``text`` is nested too deeply, too large, or uses SERVICE."""
    if max_bytes is not None and len(text) > max_bytes // 4 and len(text.encode("utf-8")) > max_bytes:
        raise QueryRefused(f"query refused: {len(text.encode('utf-8')):,} bytes is over the limit of "
                           f"{max_bytes:,}")
    depth, service = depth_and_service(text)
    if depth > max_depth:
        raise QueryRefused(f"query refused: nested {depth} brackets deep, over the limit of {max_depth} "
                           "(the SPARQL engine would run out of stack)")
    if service and not allow_service:
        raise QueryRefused("query refused: SERVICE (federated query) makes this machine fetch other URLs; "
                           "it is off unless allowed (--allow-service)")


def timeout_default() -> float:
    """``KG_QUERY_TIMEOUT_S`` or :data:`DEFAULT_TIMEOUT_S`."""
    try:
        value = float(os.environ.get("KG_QUERY_TIMEOUT_S", DEFAULT_TIMEOUT_S))
    except ValueError:
        return DEFAULT_TIMEOUT_S
    return value if value > 0 else DEFAULT_TIMEOUT_S


class QueryTimeout(RuntimeError):
    """The query ran past its time limit and was cancelled (its process killed)."""


class EngineCrashed(RuntimeError):
    """The process running the query died (a crash in the SPARQL engine), not this one."""


def run_isolated(func, *args, timeout_s: float | None, what: str = "query"):  # noqa: ANN001, ANN201
    """``func(*args)`` in a fresh Python process: killed after ``timeout_s`` (really cancelled, CPU
    freed), and a crash there (stack overflow, segfault) is an exception here, not our death.

    ``func`` is a module-level function; it and its arguments and result are pickled. An exception
    it raises comes back as :class:`IsolatedError` (class names and message) for the caller to map.
    A fresh interpreter, not a fork: a parent that has used the store has database threads whose
    locks a forked child could inherit held."""
    import pickle
    import subprocess
    import sys

    payload = pickle.dumps((func.__module__, func.__qualname__, args))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    proc = subprocess.Popen([sys.executable, "-c", "from kg.guard import _child; _child()"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    try:
        out, err = proc.communicate(payload, timeout=timeout_s)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise QueryTimeout(f"{what} cancelled after {timeout_s:g} s (--timeout-s)") from None
    except BaseException:  # Ctrl-C: never leave the child running
        proc.kill()
        proc.communicate()
        raise
    try:
        ok, value = pickle.loads(out)
    except Exception:  # noqa: BLE001 - no answer: the child died
        code = proc.returncode
        how = f"signal {-code}" if code < 0 else f"exit code {code}"
        last = err.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        raise EngineCrashed(f"the SPARQL engine crashed on this {what} ({how}) {last[0][:200]}".rstrip()) from None
    if ok:
        return value
    raise IsolatedError(*value)


class IsolatedError(Exception):
    """An exception raised by the isolated function: ``kind`` (its class name) and ``message``."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(kind, message)
        self.kind = kind
        self.message = message


def _child() -> None:
    """The child side of :func:`run_isolated`: a pickled call on stdin, a pickled answer on stdout."""
    import importlib
    import pickle
    import sys

    module, name, args = pickle.loads(sys.stdin.buffer.read())
    try:
        result = (True, getattr(importlib.import_module(module), name)(*args))
    except BaseException as e:  # noqa: BLE001 - everything goes back to the parent as one line
        result = (False, ("/".join(c.__name__ for c in type(e).__mro__), str(e)))
    sys.stdout.buffer.write(pickle.dumps(result))
    sys.stdout.flush()
