"""Crawl tests against the local replicas: `python -m ganpo_crawlers.run_crawl` in a subprocess, then the
archive is compared with what the replica manifest says it serves."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from datetime import date
from pathlib import Path

import pytest
from replica_helpers import (
    FLAKY_FAILURES,
    SLOW_SECONDS,
    CrawlResult,
    crawl_args,
    joined_article,
    run_crawl,
)

from ganpo_crawlers.archive import known_from_archives, read_archive
from ganpo_crawlers.replica import manifest
from ganpo_crawlers.replica import server as replica_server


@pytest.fixture(scope="module")
def sites():
    # The stdlib server's listen backlog (5) drops parallel connects (a 1 s SYN retry each), which the
    # short test timeout turns into spurious timeouts; a real site has a deep backlog.
    if getattr(replica_server.ReplicaServer, "request_queue_size", 5) < 64:
        replica_server.ReplicaServer.request_queue_size = 128
    with replica_server.serve_replicas(slow_seconds=SLOW_SECONDS, flaky_failures=FLAKY_FAILURES) as urls:
        yield urls


def _expected(paper: str, day: str) -> dict[str, manifest.ExpectedArticle]:
    return {a.url: a for a in manifest.expected_articles(paper, date.fromisoformat(day))}


def _assert_matches_manifest(res: CrawlResult, paper: str, day: str) -> None:
    assert res.returncode == 0, res.stderr[-3000:]
    expected = _expected(paper, day)
    stored = res.stored_articles()
    assert set(stored) == set(expected)
    for url, exp in expected.items():
        got = joined_article(res, url)
        assert got.title == exp.title, url
        assert (got.pretitle or "") == exp.pretitle, url
        assert (got.subtitle or "") == exp.subtitle, url
        assert tuple(got.paragraphs) == exp.paragraphs, url
        assert stored[url].origin == ("web" if exp.host == manifest.NEWSKJ else "epaper")
    assert res.counters["articles"] == len(expected)


@pytest.mark.parametrize(
    ("paper", "day"),
    [("shangrao", "2024-05-20"), ("shangrao", "2023-05-19"), ("gannan", "2024-11-08")],
    ids=["srxww-new-skin", "srxww-old-skin", "gannan-epaper+newskj"],
)
def test_crawl_stores_every_article(sites, tmp_path: Path, paper: str, day: str) -> None:
    res = run_crawl(paper, day, tmp_path / "a.warc.gz", sites)
    _assert_matches_manifest(res, paper, day)
    assert res.drifts() == []
    assert res.failures() == []
    # Layout number and name travel with every e-paper article.
    for rec in res.stored_articles().values():
        if rec.origin == "epaper":
            assert rec.layout_no and rec.layout_name
    c = res.counters
    assert c["requests"] >= c["responses"] > 0 and c["bytes"] > 0 and c["status_2xx"] > 0


def test_second_run_with_known_refetches_nothing(sites, tmp_path: Path) -> None:
    day = "2024-05-20"
    first = run_crawl("shangrao", day, tmp_path / "one.warc.gz", sites)
    n = len(first.stored_articles())
    known = tmp_path / "known.json"
    import json

    known.write_text(json.dumps(known_from_archives([tmp_path / "one.warc.gz"])), encoding="utf-8")
    second = run_crawl("shangrao", day, tmp_path / "two.warc.gz", sites, "--known", str(known))
    assert second.returncode == 0
    assert second.counters["pages_new"] == 0
    assert second.counters["pages_unchanged"] == n
    assert second.counters["not_modified"] == n  # conditional requests answered 304
    assert [r for r in second.responses("article") if r.http_status == 200] == []
    third = run_crawl("shangrao", day, tmp_path / "three.warc.gz", sites, "--known", str(known), "--refetch")
    assert third.counters["pages_new"] == n and third.counters["not_modified"] == 0


# name → (paper, date): the replica's declared awkward cases (manifest.AWKWARD_CASES).
def _case(name: str) -> tuple[str, str]:
    case = manifest.AWKWARD_CASES[name]
    return case.paper, case.date.isoformat()


def test_gbk_pages(sites, tmp_path: Path) -> None:
    for name in ("gbk_meta_only", "gbk_header_only", "gbk_undeclared"):
        paper, day = _case(name)
        res = run_crawl(paper, day, tmp_path / f"{name}.warc.gz", sites)
        _assert_matches_manifest(res, paper, day)


def test_broken_bytes(sites, tmp_path: Path) -> None:
    paper, day = _case("broken_bytes")
    res = run_crawl(paper, day, tmp_path / "a.warc.gz", sites)
    _assert_matches_manifest(res, paper, day)  # U+FFFD U+FFFD where the bytes were broken, rest intact
    assert any(manifest.BROKEN_MARK in p for url in res.stored_articles()
               for p in joined_article(res, url).paragraphs)


def test_no_edition_day(sites, tmp_path: Path) -> None:
    paper, day = _case("no_edition")
    res = run_crawl(paper, day, tmp_path / "a.warc.gz", sites)
    assert res.returncode == 0
    assert [r.page_kind for r in res.failures("no_edition")] == ["front"]
    assert res.stored_articles() == {} and res.counters["no_edition"] == 1 and res.counters["pages_failed"] == 0


def test_gnrbs_gap_falls_back_to_root_then_newskj(sites, tmp_path: Path) -> None:
    paper, day = _case("gnrbs_gap")
    res = run_crawl(paper, day, tmp_path / "a.warc.gz", sites)
    _assert_matches_manifest(res, paper, day)
    assert len(res.failures("no_edition")) == 1  # the root's meta refresh points to another date
    assert any(r.page_kind == "other" and r.url.endswith("szb.gnrbs.cn/") for r in res.responses())


@pytest.mark.parametrize("name", ["empty_layout", "empty_layout_gnrbs"])
def test_empty_layout_is_not_drift(sites, tmp_path: Path, name: str) -> None:
    paper, day = _case(name)
    res = run_crawl(paper, day, tmp_path / "a.warc.gz", sites)
    _assert_matches_manifest(res, paper, day)
    assert res.drifts() == []
    assert manifest.AWKWARD_CASES[name].url in {r.url for r in res.responses("layout")}


def test_404_article_link(sites, tmp_path: Path) -> None:
    paper, day = _case("broken_link_404")
    res = run_crawl(paper, day, tmp_path / "a.warc.gz", sites)
    _assert_matches_manifest(res, paper, day)
    dead = manifest.AWKWARD_CASES["broken_link_404"].url
    assert [(r.url, r.reason) for r in res.failures()] == [(dead, "http_404")]
    assert res.counters["pages_failed"] == 1


@pytest.mark.parametrize("name", ["duplicate_link", "duplicate_link_gnrbs"])
def test_same_article_in_two_layouts_stored_once(sites, tmp_path: Path, name: str) -> None:
    paper, day = _case(name)
    res = run_crawl(paper, day, tmp_path / "a.warc.gz", sites)
    _assert_matches_manifest(res, paper, day)
    shared = manifest.AWKWARD_CASES[name].url
    recs = [r for r in res.responses("article") if r.url == shared]
    assert len(recs) == 1
    assert [lay["layout_no"] for lay in recs[0].meta["layouts"]] == ["01", "02"]


def test_slow_page_times_out(sites, tmp_path: Path) -> None:
    paper, day = _case("slow")
    res = run_crawl(paper, day, tmp_path / "a.warc.gz", sites)
    _assert_matches_manifest(res, paper, day)  # every reachable article, the slow one is not
    slow = manifest.AWKWARD_CASES["slow"].url
    assert [(r.url, r.reason) for r in res.failures()] == [(slow, "timeout")]


def test_slow_page_within_timeout_is_stored(tmp_path: Path) -> None:
    if getattr(replica_server.ReplicaServer, "request_queue_size", 5) < 64:
        replica_server.ReplicaServer.request_queue_size = 128
    paper, day = _case("slow")
    with replica_server.serve_replicas(slow_seconds=0.5) as urls:
        res = run_crawl(paper, day, tmp_path / "a.warc.gz", urls)
    assert manifest.AWKWARD_CASES["slow"].url in res.stored_articles()
    assert res.failures() == []


def test_500_then_success_on_retry(sites, tmp_path: Path) -> None:
    paper, day = _case("flaky_500")
    res = run_crawl(paper, day, tmp_path / "a.warc.gz", sites)
    _assert_matches_manifest(res, paper, day)
    flaky = manifest.AWKWARD_CASES["flaky_500"].url
    statuses = [r.http_status for r in res.responses("layout") if r.url == flaky]
    assert statuses[-1] == 200 and 500 in statuses  # every attempt archived, the last one good
    assert res.failures() == [] and res.summary["retries"] >= 1


def test_size_cap(sites, tmp_path: Path) -> None:
    paper, day = _case("oversize")
    res = run_crawl(paper, day, tmp_path / "a.warc.gz", sites)
    _assert_matches_manifest(res, paper, day)
    big = manifest.AWKWARD_CASES["oversize"].url
    assert [(r.url, r.reason) for r in res.failures()] == [(big, "size_cap")]


def test_soft_404_is_missing_not_article(sites, tmp_path: Path) -> None:
    paper, day = _case("soft_404")
    res = run_crawl(paper, day, tmp_path / "a.warc.gz", sites)
    _assert_matches_manifest(res, paper, day)
    gone = manifest.AWKWARD_CASES["soft_404"].url
    assert [(r.url, r.reason) for r in res.failures()] == [(gone, "soft_404")]
    assert [r.page_kind for r in res.responses() if r.url == gone] == ["missing"]
    assert res.counters["pages_missing"] == 1


def test_redirect_followed(sites, tmp_path: Path) -> None:
    paper, day = _case("redirect")
    res = run_crawl(paper, day, tmp_path / "a.warc.gz", sites)
    _assert_matches_manifest(res, paper, day)
    old = manifest.AWKWARD_CASES["redirect"].url
    assert [r.http_status for r in res.responses() if r.url == old] == [301]
    moved = [r for r in res.stored_articles().values() if old in r.meta.get("redirected_from", [])]
    assert len(moved) == 1 and "/xianqu/" in moved[0].url


def test_multi_page_article_joined(sites, tmp_path: Path) -> None:
    paper, day = _case("multi_page")
    res = run_crawl(paper, day, tmp_path / "a.warc.gz", sites)
    _assert_matches_manifest(res, paper, day)  # compares the joined paragraphs
    art = next(a for a in _expected(paper, day).values() if "multi_page" in a.awkward)
    parts = [r for r in res.responses("article_part") if r.part_of == art.url]
    assert sorted((r.part, r.url) for r in parts) == [(2, art.pages[1]), (3, art.pages[2])]


def test_sigkill_then_rerun_loses_no_page(sites, tmp_path: Path) -> None:
    paper, day = _case("slow")  # the slow page keeps the crawl alive long enough to be killed mid-run
    first = tmp_path / "killed.warc.gz"
    proc = subprocess.Popen(crawl_args(paper, day, first, sites), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.time() + 30
    while time.time() < deadline and (not first.exists() or first.stat().st_size < 20_000):
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    before = {r.url for r in read_archive(first) if r.record_type == "response" and r.page_kind == "article"
              and r.http_status == 200}
    assert before, "the crawl was killed before it stored anything"
    res = run_crawl(paper, day, tmp_path / "rerun.warc.gz", sites)
    after = set(res.stored_articles())
    assert before | after == set(_expected(paper, day))
