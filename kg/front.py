"""The guard in front of the Oxigraph server: every request passes :mod:`kg.guard` before Oxigraph.

``kg serve`` (and :func:`kg.server.start_server`) runs Oxigraph on a private loopback port and
this small threaded HTTP front on the public one. The front reads each SPARQL request (``/query``
by GET or POST, ``/update``), refuses queries nested too deeply, too large, or using ``SERVICE``
(unless allowed) with ``400`` and one line, serves the query page at ``/`` (:mod:`kg.querypage`),
and forwards everything else byte for byte; Oxigraph
enforces the query timeout itself (``--timeout-s``: it cancels the evaluation, measured). When
Oxigraph is gone the front answers ``502`` instead of hanging.
"""

from __future__ import annotations

import http.client
import logging
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from socketserver import BaseServer

from kg.guard import MAX_DEPTH, MAX_QUERY_BYTES, QueryRefused, check_query

log = logging.getLogger(__name__)

#: Largest request body forwarded to /update and /store (writable servers: graph uploads).
MAX_UPLOAD_BYTES = 1024 * 1024 * 1024
_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailers",
        "transfer-encoding", "upgrade", "host", "content-length"}
_CHUNK = 1 << 16


class _Front(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 1024  # bursts of hundreds of clients wait in the backlog, not refused
    allow_reuse_address = False

    def __init__(self, address, backend: tuple[str, int], *, max_depth: int, max_bytes: int,
                 allow_service: bool, timeout_s: float | None) -> None:
        if ":" in address[0]:
            self.address_family = __import__("socket").AF_INET6
        super().__init__(address, _Handler)
        self.backend = backend
        self.max_depth = max_depth
        self.max_bytes = max_bytes
        self.allow_service = allow_service
        self.timeout_s = timeout_s
        self.backend_lost = threading.Event()


class _Handler(BaseHTTPRequestHandler):
    server: _Front
    server_version = "kg-front"

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the stdlib's signature
        log.debug("%s %s", self.address_string(), format % args)

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self._handle()

    do_POST = do_PUT = do_DELETE = do_HEAD = do_OPTIONS = do_PATCH = do_GET  # noqa: N815

    def _refuse(self, code: int, message: str) -> None:
        body = (message + "\n").encode("utf-8")
        self.send_response(code)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _handle(self) -> None:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            return self._refuse(411, "send a Content-Length (chunked uploads are not accepted)")
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            return self._refuse(400, "bad Content-Length")
        path = urllib.parse.urlsplit(self.path).path.rstrip("/")
        if path in ("", "/index.html") and self.command in ("GET", "HEAD"):
            return self._page()  # our query page (prefixes predeclared, named queries), not Oxigraph's
        is_query = path.endswith("/query") or path == "/query"
        limit = 4 * self.server.max_bytes if is_query else MAX_UPLOAD_BYTES
        if length < 0 or length > limit:
            return self._refuse(413, f"request body of {length:,} bytes is over the limit of {limit:,}")
        body = self.rfile.read(length) if length else b""
        if is_query or path.endswith("/update"):
            try:
                for text in _sparql_texts(self.path, self.headers.get("Content-Type", ""), body):
                    check_query(text, max_depth=self.server.max_depth,
                                max_bytes=self.server.max_bytes if is_query else None,
                                allow_service=self.server.allow_service)
            except QueryRefused as e:
                return self._refuse(400, str(e))
        self._forward(body)

    def _page(self) -> None:
        from kg.querypage import page

        body = page()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _forward(self, body: bytes) -> None:
        host, port = self.server.backend
        timeout = (self.server.timeout_s or 600) + 30  # Oxigraph cancels first; this only frees us
        conn = http.client.HTTPConnection(host, port, timeout=timeout)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP}
        try:
            conn.request(self.command, self.path, body=body if body or self.command in ("POST", "PUT") else None,
                         headers=headers)
            resp = conn.getresponse()
        except (ConnectionError, OSError) as e:
            conn.close()
            self.server.backend_lost.set()
            return self._refuse(502, f"the SPARQL engine is not answering ({type(e).__name__}); see the server log")
        try:
            self.send_response(resp.status, resp.reason)
            for k, v in resp.getheaders():
                if k.lower() not in _HOP:
                    self.send_header(k, v)
            length = resp.getheader("Content-Length")
            if length is not None:
                self.send_header("Content-Length", length)
            self.send_header("Connection", "close")
            self.end_headers()
            if self.command != "HEAD":
                while chunk := resp.read(_CHUNK):
                    self.wfile.write(chunk)
        except (ConnectionError, OSError):
            pass  # the client went away, or the engine did mid-answer: nothing left to tell anyone
        finally:
            conn.close()
            self.close_connection = True


def _sparql_texts(target: str, ctype: str, body: bytes) -> list[str]:
    """Every query or update text a request carries (URL parameters and the body)."""
    texts = []
    params = urllib.parse.parse_qs(urllib.parse.urlsplit(target).query, keep_blank_values=True)
    ctype = ctype.split(";")[0].strip().lower()
    if ctype == "application/x-www-form-urlencoded":
        for k, v in urllib.parse.parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True).items():
            params.setdefault(k, []).extend(v)
    elif body and ctype in ("application/sparql-query", "application/sparql-update", ""):
        texts.append(body.decode("utf-8", "replace"))
    for key in ("query", "update"):
        texts.extend(params.get(key, []))
    return texts


def bind_front(host: str, port: int, *, max_depth: int = MAX_DEPTH, max_bytes: int = MAX_QUERY_BYTES,
               allow_service: bool = False, timeout_s: float | None = None) -> _Front:
    """Bind ``host:port`` (0: the OS picks) without serving yet, so the port is ours before the backend starts.

    Raises OSError when the port is taken. Set ``backend`` and call :func:`serve_front` once the backend answers."""
    return _Front((host, port), ("127.0.0.1", 0), max_depth=max_depth, max_bytes=max_bytes,
                  allow_service=allow_service, timeout_s=timeout_s)


def serve_front(front: _Front) -> _Front:
    """Serve a bound front in a daemon thread; ``shutdown()`` + ``server_close()`` stop it."""
    threading.Thread(target=BaseServer.serve_forever, args=(front, 0.2), name="kg-front", daemon=True).start()
    return front

