"""HTTP servers for the replicas: one threaded stdlib server per live host, each on its own free port.

The spider rewrites only scheme+host of a live URL to the base URL of the matching server, so every
server answers the live site's paths (see `site.resolve`). This module adds what depends on the request or
on server state: conditional requests (304), the slow page, the 500-then-200 page, redirects.
"""

from __future__ import annotations

import os
import threading
import time
import traceback
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from .manifest import HOSTS
from .site import Page, resolve

# The slow page sleeps this long unless told otherwise; longer than a polite crawler's timeout
# (tests pass a short value, or set GANPO_REPLICA_SLOW_SECONDS).
DEFAULT_SLOW_SECONDS = float(os.environ.get("GANPO_REPLICA_SLOW_SECONDS", "40"))
# The flaky page fails this many times before it answers 200 (Scrapy retries twice by default).
DEFAULT_FLAKY_FAILURES = int(os.environ.get("GANPO_REPLICA_FLAKY_FAILURES", "2"))


class ReplicaServer(ThreadingHTTPServer):
    """One replicated host. Holds the per-server state of the flaky page."""

    daemon_threads = True
    allow_reuse_address = True
    # socketserver's default backlog of 5 makes a crawler's parallel connects wait for a SYN retry (1 s).
    request_queue_size = 128

    def __init__(self, site_host: str, bind: str, port: int, slow_seconds: float, flaky_failures: int) -> None:
        super().__init__((bind, port), _Handler)
        self.site_host = site_host
        self.slow_seconds = slow_seconds
        self.flaky_failures = flaky_failures
        self.request_counts: Counter[str] = Counter()  # path → requests seen (all pages, for tests)
        self.lock = threading.Lock()

    @property
    def base_url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def reset(self) -> None:
        """Forget request counts, so the flaky page fails again (tests call this between crawls)."""
        with self.lock:
            self.request_counts.clear()


class _Handler(BaseHTTPRequestHandler):
    server: ReplicaServer
    server_version = "nginx"
    sys_version = ""

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self._answer(send_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._answer(send_body=False)

    def _answer(self, send_body: bool) -> None:
        srv = self.server
        try:
            page = resolve(srv.site_host, self.path)
        except Exception:  # a replica bug must show as a 500 in the crawl, not as a dropped connection
            self.log_error("replica failed on %s:\n%s", self.path, traceback.format_exc())
            page = Page(500, b"<html><body><h1>500 Internal Server Error</h1></body></html>")
        with srv.lock:
            srv.request_counts[self.path] += 1
            seen = srv.request_counts[self.path]
        if page.flaky and seen <= srv.flaky_failures:
            self._send(Page(500, b"<html><body><h1>500 Internal Server Error</h1></body></html>"), send_body)
            return
        if page.slow and srv.slow_seconds > 0:
            time.sleep(srv.slow_seconds)
        if page.status == 200 and self._not_modified(page):
            self._send(page, send_body=False, status=304)
            return
        self._send(page, send_body)

    def _not_modified(self, page: Page) -> bool:
        # If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2).
        inm = self.headers.get("If-None-Match")
        if inm is not None:
            return page.etag in {tag.strip() for tag in inm.split(",")} or inm.strip() == "*"
        ims = self.headers.get("If-Modified-Since")
        if ims and page.last_modified is not None:
            try:
                return page.last_modified.replace(microsecond=0) <= parsedate_to_datetime(ims)
            except (TypeError, ValueError):
                return False
        return False

    def _send(self, page: Page, send_body: bool, status: int | None = None) -> None:
        status = status or page.status
        try:
            self.send_response(status)
            if status != 304:
                self.send_header("Content-Type", page.content_type)
                self.send_header("Content-Length", str(len(page.body)))
            if page.status == 200:
                self.send_header("ETag", page.etag)
                if page.last_modified_header:
                    self.send_header("Last-Modified", page.last_modified_header)
            if page.location:
                location = page.location
                if location.startswith("/"):
                    location = f"http://{self.headers.get('Host') or self.server.base_url[7:]}{location}"
                self.send_header("Location", location)
            self.end_headers()
            if send_body and status != 304:
                self.wfile.write(page.body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (e.g. timed out on the slow page)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        if os.environ.get("GANPO_REPLICA_LOG"):
            super().log_message(format, *args)


class Replicas:
    """The three running servers; `urls` maps live host → base URL."""

    def __init__(self, servers: dict[str, ReplicaServer]) -> None:
        self.servers = servers
        self._threads: list[threading.Thread] = []

    @property
    def urls(self) -> dict[str, str]:
        return {host: srv.base_url for host, srv in self.servers.items()}

    def start(self) -> None:
        for srv in self.servers.values():
            thread = threading.Thread(target=srv.serve_forever, name=f"replica-{srv.site_host}", daemon=True)
            thread.start()
            self._threads.append(thread)

    def stop(self) -> None:
        for srv in self.servers.values():
            srv.shutdown()
            srv.server_close()

    def reset(self) -> None:
        for srv in self.servers.values():
            srv.reset()


def start_replicas(
    slow_seconds: float = DEFAULT_SLOW_SECONDS,
    flaky_failures: int = DEFAULT_FLAKY_FAILURES,
    bind: str = "127.0.0.1",
    ports: dict[str, int] | None = None,
) -> Replicas:
    """Start one server per host (ports chosen by the OS unless given) and return them running."""
    ports = ports or {}
    servers = {
        host: ReplicaServer(host, bind, ports.get(host, 0), slow_seconds, flaky_failures) for host in HOSTS
    }
    replicas = Replicas(servers)
    replicas.start()
    return replicas


@contextmanager
def serve_replicas(
    slow_seconds: float = DEFAULT_SLOW_SECONDS,
    flaky_failures: int = DEFAULT_FLAKY_FAILURES,
    bind: str = "127.0.0.1",
    ports: dict[str, int] | None = None,
) -> Iterator[dict[str, str]]:
    """Serve paper.srxww.com, szb.gnrbs.cn and www.newskj.com; yields {host: base_url}."""
    replicas = start_replicas(slow_seconds, flaky_failures, bind, ports)
    try:
        yield replicas.urls
    finally:
        replicas.stop()
