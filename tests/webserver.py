"""A real HTTP server on 127.0.0.1 for the URL tests: pages, PDFs, redirects and misbehaviour."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Route = Callable[[BaseHTTPRequestHandler], None]


def body(data: bytes, content_type: str, status: int = 200) -> Route:
    def send(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)
    return send


def redirect(location: str, status: int = 302) -> Route:
    def send(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(status)
        handler.send_header("Location", location)
        handler.send_header("Content-Length", "0")
        handler.end_headers()
    return send


def endless(handler: BaseHTTPRequestHandler) -> None:
    """An HTML stream that never ends (no length): only tipcli's size cap stops it."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    handler.wfile.write(b"<html><body><p>")
    chunk = b"The stream goes on and on. " * 4096
    try:
        while True:
            handler.wfile.write(chunk)
    except OSError:
        return  # the client hung up


def slow(seconds: float) -> Route:
    """A server that answers only after seconds."""
    def send(handler: BaseHTTPRequestHandler) -> None:
        time.sleep(seconds)
        body(b"<html><body><p>late</p></body></html>", "text/html")(handler)
    return send


def trickle(handler: BaseHTTPRequestHandler) -> None:
    """A byte every 0.2 s: each read succeeds, but the whole body never arrives in time."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Content-Length", "100000")
    handler.end_headers()
    try:
        for _ in range(100000):
            handler.wfile.write(b"x")
            handler.wfile.flush()
            time.sleep(0.2)
    except OSError:
        return


@contextmanager
def serve(routes: dict[str, Route]) -> Iterator[str]:
    """Serve routes on a free port of 127.0.0.1; yields the base URL."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # the name http.server calls
            route = routes.get(self.path)
            if route is None:
                body(b"not here", "text/plain", 404)(self)
            else:
                route(self)

        def log_message(self, format: str, *args: object) -> None:
            pass  # keep test output clean

    class Server(ThreadingHTTPServer):
        def handle_error(self, request: object, client_address: object) -> None:
            pass  # a client that hangs up early (tipcli's size cap) is expected here

    server = Server(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
