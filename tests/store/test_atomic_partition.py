"""A partition is written whole or not at all: kill the loading process, or its database session, mid-load."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import psycopg

from pipelines.domain.papers import Partition
from pipelines.store import repository

PART = Partition(date(2023, 11, 23), "shangrao")

# A child that replaces the partition's indicators with many rows, announcing when it is half-way through
# its transaction and then pausing there, so the parent can kill it at that exact point.
LOADER = """
import sys, time
from datetime import date
from pathlib import Path
import psycopg
from pipelines.domain.papers import Partition
from pipelines.store import repository
url, flag, article_id = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
def rows():
    for n in range(2000):
        if n == 1000:
            flag.write_text(str(n))
            time.sleep(60)
        yield {"article_id": article_id, "start": n, "end": n + 1, "text": "1", "value": 1, "unit": "家",
               "value_base": 1, "base_unit": "count", "kind": "count", "metric": "新", "metric_id": None,
               "subject": None, "period": None, "yoy_pct": None, "qualifier": None, "target": False,
               "sentence": "x" * 3000, "sentence_start": 0, "sentence_end": 3000, "extractor_version": "t",
               "source": "replica", "dagster_run_id": "kill-test"}
with psycopg.connect(url) as conn:
    repository.replace_indicators(conn, Partition(date(2023, 11, 23), "shangrao"), rows(), [])
"""


def _seed_partition(url: str) -> int:
    """One article with three indicators: the 'before' state of the partition."""
    with psycopg.connect(url) as conn:
        with conn.transaction():
            crawl = repository.start_crawl_run(conn, PART, "replica", "seed")
            page_id = conn.execute(
                "INSERT INTO raw_pages (url, paper, edition_date, page_kind, source, crawl_run_id, last_crawl_run_id,"
                " dagster_run_id, body) VALUES ('http://x/a', 'shangrao', '2023-11-23', 'article', 'replica', %s, %s,"
                " 'seed', 'x') RETURNING id",
                (crawl, crawl),
            ).fetchone()[0]
        [article_id] = repository.replace_articles(
            conn,
            PART,
            [
                {"url": "http://x/a", "origin": "epaper", "profile": "p", "raw_page_id": page_id,
                 "raw_page_ids": [page_id], "title": "t", "pretitle": None, "subtitle": None, "byline": None,
                 "layout_no": None, "layout_name": None, "captions": [], "source_line": None, "published_at": None,
                 "founder_meta": None, "clean_text": "全市新增企业3家。", "text_hash": "h", "source": "replica",
                 "dagster_run_id": "seed"}
            ],
            [],
        )  # fmt: skip
        before = [
            {"article_id": article_id, "start": n, "end": n + 1, "text": "3", "value": 3, "unit": "家",
             "value_base": 3, "base_unit": "count", "kind": "count", "metric": "旧", "metric_id": None,
             "subject": "全市", "period": None, "yoy_pct": None, "qualifier": None, "target": False,
             "sentence": "全市新增企业3家。", "sentence_start": 0, "sentence_end": 9, "extractor_version": "t",
             "source": "replica", "dagster_run_id": "seed"}
            for n in range(3)
        ]  # fmt: skip
        repository.replace_indicators(conn, PART, before, [])
    return article_id


def _indicator_metrics(url: str) -> list[str]:
    with psycopg.connect(url) as conn:
        return [r[0] for r in conn.execute("SELECT metric FROM indicators WHERE paper = 'shangrao' ORDER BY id")]


def _start_loader(url: str, tmp_path: Path, article_id: int) -> tuple[subprocess.Popen[bytes], Path]:
    flag = tmp_path / "half-way"
    child = subprocess.Popen([sys.executable, "-c", LOADER, url, str(flag), str(article_id)])
    deadline = time.monotonic() + 60
    while not flag.exists():
        assert child.poll() is None, "the loader exited before reaching the middle of its transaction"
        assert time.monotonic() < deadline
        time.sleep(0.05)
    return child, flag


def test_killing_the_loader_mid_transaction_leaves_the_partition_untouched(database: str, tmp_path: Path) -> None:
    article_id = _seed_partition(database)
    child, _ = _start_loader(database, tmp_path, article_id)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert _indicator_metrics(database) == ["旧", "旧", "旧"]


def test_losing_the_database_session_mid_transaction_leaves_the_partition_untouched(
    database: str, tmp_path: Path
) -> None:
    article_id = _seed_partition(database)
    child, _ = _start_loader(database, tmp_path, article_id)
    with psycopg.connect(database, autocommit=True) as admin:
        # What a database restart or a dropped connection does to the session of the loader.
        terminated = admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'idle in transaction'"
        ).fetchall()
    assert terminated and all(ok for (ok,) in terminated)
    child.kill()
    child.wait()
    assert _indicator_metrics(database) == ["旧", "旧", "旧"]


def test_a_completed_load_replaces_the_whole_partition(database: str) -> None:
    article_id = _seed_partition(database)
    with psycopg.connect(database) as conn:
        row = {"article_id": article_id, "start": 6, "end": 8, "text": "3家", "value": 3, "unit": "家",
               "value_base": 3, "base_unit": "count", "kind": "count", "metric": "新", "metric_id": None,
               "subject": "全市", "period": None, "yoy_pct": None, "qualifier": None, "target": False,
               "sentence": "全市新增企业3家。", "sentence_start": 0, "sentence_end": 9, "extractor_version": "t",
               "source": "replica", "dagster_run_id": "again"}  # fmt: skip
        repository.replace_indicators(conn, PART, [row], [])
        repository.replace_indicators(conn, PART, [row], [])
    assert _indicator_metrics(database) == ["新"]


def test_an_extraction_failure_is_recorded_with_the_partition_and_cleared_by_a_clean_run(database: str) -> None:
    article_id = _seed_partition(database)
    failure = {"article_id": article_id, "error": "TypeError: boom", "extractor_version": "t", "dagster_run_id": "r1"}
    with psycopg.connect(database) as conn:
        repository.replace_indicators(conn, PART, [], [], [failure])
        recorded = conn.execute("SELECT article_id, error FROM extraction_failures").fetchall()
        assert recorded == [(article_id, "TypeError: boom")]
        repository.replace_indicators(conn, PART, [], [], [])  # the next run extracted it: the record goes
        assert conn.execute("SELECT count(*) FROM extraction_failures").fetchone() == (0,)
