"""The HTTP servers: one per host, live paths, conditional requests, redirects, the CLI."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from urllib.parse import urlsplit

import pytest
from replica_site_helpers import SLOW_SECONDS

from ganpo_crawlers.replica import manifest as m
from ganpo_crawlers.replica.server import Replicas, serve_replicas


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return None


_opener = urllib.request.build_opener(_NoRedirect)


def get(replicas: Replicas, live_url: str, headers: dict[str, str] | None = None, timeout: float = 10):
    """GET a live URL from its replica; returns (status, headers, body)."""
    parts = urlsplit(live_url)
    url = replicas.urls[parts.netloc] + parts.path
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with _opener.open(request, timeout=timeout) as resp:
            return resp.status, resp.headers, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()


def test_serve_replicas_yields_one_server_per_host() -> None:
    with serve_replicas(slow_seconds=0) as urls:
        assert set(urls) == {"paper.srxww.com", "szb.gnrbs.cn", "www.newskj.com"}
        assert len({urlsplit(u).port for u in urls.values()}) == 3
        front = m.srxww_front_url(m.dt.date(2023, 5, 20))
        with urllib.request.urlopen(urls["paper.srxww.com"] + urlsplit(front).path, timeout=10) as resp:
            assert resp.status == 200


def test_front_pages_answer_on_live_paths(replicas: Replicas) -> None:
    day = m.dt.date(2022, 6, 8)
    for url in (m.srxww_front_url(day), m.gnrbs_front_url(day), "http://www.newskj.com/news/index.shtml"):
        status, headers, body = get(replicas, url)
        assert status == 200 and body
        assert headers["ETag"] and headers["Last-Modified"]


def test_conditional_requests_answer_304(replicas: Replicas) -> None:
    art = m.expected_articles("gannan", m.dt.date(2022, 6, 8))[0]
    status, headers, body = get(replicas, art.url)
    assert status == 200
    etag, last_modified = headers["ETag"], headers["Last-Modified"]
    # Same values on every request: they are a function of the page.
    assert get(replicas, art.url)[1]["ETag"] == etag
    status, headers, body = get(replicas, art.url, {"If-None-Match": etag})
    assert status == 304 and body == b""
    assert get(replicas, art.url, {"If-Modified-Since": last_modified})[0] == 304
    assert get(replicas, art.url, {"If-None-Match": '"other"'})[0] == 200
    assert get(replicas, art.url, {"If-Modified-Since": "Mon, 01 Jan 2018 00:00:00 GMT"})[0] == 200


def test_redirect_has_absolute_location(replicas: Replicas) -> None:
    case = m.AWKWARD_CASES["redirect"]
    status, headers, _ = get(replicas, case.url)
    assert status == 301
    location = headers["Location"]
    assert location.startswith(replicas.urls["www.newskj.com"]) and "/xianqu/system/" in location
    target = next(a for a in m.newskj_day(case.date).articles if "redirect" in a.awkward)
    assert urlsplit(location).path == target.path
    assert get(replicas, target.url)[0] == 200


def test_flaky_page_fails_then_succeeds_and_reset_rearms(replicas: Replicas) -> None:
    case = m.AWKWARD_CASES["flaky_500"]
    replicas.reset()
    assert [get(replicas, case.url)[0] for _ in range(3)] == [500, 500, 200]
    assert get(replicas, case.url)[0] == 200
    replicas.reset()
    assert get(replicas, case.url)[0] == 500


def test_slow_page_is_slower_than_a_short_timeout(replicas: Replicas) -> None:
    case = m.AWKWARD_CASES["slow"]
    with pytest.raises((TimeoutError, urllib.error.URLError)):
        get(replicas, case.url, timeout=SLOW_SECONDS / 3)
    assert get(replicas, case.url, timeout=SLOW_SECONDS + 5)[0] == 200


def test_oversize_page_is_past_5_mb(replicas: Replicas) -> None:
    status, headers, body = get(replicas, m.AWKWARD_CASES["oversize"].url)
    assert status == 200 and len(body) > 5 * 1024 * 1024
    assert int(headers["Content-Length"]) == len(body)


def test_charset_headers_reach_the_client(replicas: Replicas) -> None:
    expected = {
        "gbk_meta_only": "text/html",
        "gbk_header_only": "text/html; charset=gbk",
        "gbk_undeclared": "text/html",
    }
    for name, content_type in expected.items():
        status, headers, _ = get(replicas, m.AWKWARD_CASES[name].url)
        assert status == 200 and headers["Content-Type"] == content_type


def test_cli_prints_host_equals_url_lines() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "ganpo_crawlers.replica", "--slow-seconds", "0"],
        stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        lines = [proc.stdout.readline().strip() for _ in range(3)]  # type: ignore[union-attr]
        hosts = dict(line.split("=", 1) for line in lines)
        assert set(hosts) == set(m.HOSTS)
        with urllib.request.urlopen(hosts["szb.gnrbs.cn"] + "/", timeout=10) as resp:
            assert b"URL=html/" in resp.read()
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=10)
    assert proc.returncode == 0
