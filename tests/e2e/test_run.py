"""`ganpo run` end to end: real Scrapy crawls over HTTP of the replica, real Dagster runs, real PostgreSQL."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

pytestmark = pytest.mark.slow

DATE = "2023-11-23"  # a publication date of the seed articles: both papers have an edition on the replica
GANPO = [sys.executable, "-m", "pipelines.cli"]
SUMMARY_KEYS = {"date", "paper", "pages_fetched", "pages_unchanged", "pages_failed", "articles", "indicators"}


def ganpo(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*GANPO, *args], cwd=cwd, env=os.environ.copy(), capture_output=True, text=True, timeout=900, check=False
    )


def table_counts(url: str) -> dict[str, int]:
    with psycopg.connect(url) as conn:
        return {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("raw_pages", "articles", "indicators", "drift_events")
        }


def test_replica_run_twice_gives_the_same_rows_with_full_lineage(database: str, tmp_path: Path) -> None:
    first = ganpo("run", "--replica", "--date", DATE, "--json", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    summary = json.loads(first.stdout)
    assert list(summary) == ["partitions"]
    rows = {p["paper"]: p for p in summary["partitions"]}
    assert set(rows) == {"shangrao", "gannan"}
    for row in rows.values():
        assert set(row) == SUMMARY_KEYS and row["date"] == DATE
        assert row["pages_fetched"] > 0 and row["articles"] > 0 and row["indicators"] > 0
    counts = table_counts(database)

    second = ganpo("run", "--replica", "--date", DATE, "--json", cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    again = {p["paper"]: p for p in json.loads(second.stdout)["partitions"]}
    for paper, row in again.items():
        assert (row["articles"], row["indicators"]) == (rows[paper]["articles"], rows[paper]["indicators"])
        assert row["pages_unchanged"] > 0  # conditional requests: unchanged article pages are not re-fetched
    assert table_counts(database) == counts

    with psycopg.connect(database) as conn:
        assert conn.execute("SELECT count(*) FROM raw_pages WHERE source <> 'replica'").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM indicators WHERE source <> 'replica'").fetchone() == (0,)
        orphans = conn.execute(
            """SELECT count(*) FROM indicators i
               LEFT JOIN articles a ON a.id = i.article_id
               LEFT JOIN raw_pages p ON p.id = a.raw_page_id
               LEFT JOIN crawl_runs c ON c.id = p.crawl_run_id
               WHERE a.id IS NULL OR p.id IS NULL OR c.id IS NULL OR p.archive_path IS NULL"""
        ).fetchone()
        assert orphans == (0,)
        # Every row's Dagster run id is a run in Dagster's own run storage (schema dagster, same database).
        missing_runs = conn.execute(
            """SELECT count(*) FROM (
                 SELECT dagster_run_id FROM indicators UNION SELECT dagster_run_id FROM articles
                 UNION SELECT dagster_run_id FROM raw_pages UNION SELECT dagster_run_id FROM crawl_runs) r
               WHERE NOT EXISTS (SELECT 1 FROM dagster.runs d WHERE d.run_id = r.dagster_run_id)"""
        ).fetchone()
        assert missing_runs == (0,)
        runs = conn.execute("SELECT count(*) FROM dagster.runs WHERE status = 'SUCCESS'").fetchone()[0]
        assert runs == 4  # two runs, two partitions each
        duplicates = conn.execute(
            "SELECT count(*) FROM (SELECT article_id, start_offset FROM indicators "
            "GROUP BY article_id, start_offset, end_offset, value_base HAVING count(*) > 1) d"
        ).fetchone()
        assert duplicates == (0,)
        indicator_id = conn.execute("SELECT min(id) FROM indicators").fetchone()[0]

    trace = ganpo("trace", str(indicator_id), cwd=tmp_path)
    assert trace.returncode == 0, trace.stderr
    assert "【" in trace.stdout and "← article" in trace.stdout and "← crawl run" in trace.stdout
    assert "archive " in trace.stdout and "Dagster runs" in trace.stdout


def test_live_run_without_internet_fails_with_one_clear_line(database: str, tmp_path: Path) -> None:
    result = ganpo("run", "--date", DATE, "--paper", "shangrao", cwd=tmp_path)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert "--replica" in last and "shangrao" in last
    with psycopg.connect(database) as conn:
        crawl = conn.execute("SELECT status, source, error FROM crawl_runs").fetchall()
        assert [(status, source) for status, source, _ in crawl] == [("failed", "live")]
        assert "--replica" in crawl[0][2]
        assert conn.execute("SELECT count(*) FROM raw_pages").fetchone() == (0,)


def test_a_day_without_an_edition_is_a_quiet_success(database: str, tmp_path: Path) -> None:
    # 2023-01-22 (Spring Festival): neither e-paper answers; newskj's lists answer with other sources only.
    result = ganpo("run", "--replica", "--date", "2023-01-22", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    for row in json.loads(result.stdout)["partitions"]:
        assert (row["articles"], row["indicators"], row["pages_failed"]) == (0, 0, 0)
    with psycopg.connect(database) as conn:
        notes = conn.execute("SELECT meta->>'note' FROM raw_pages WHERE page_kind = 'front'").fetchall()
        assert notes and all(note == "no_edition" for (note,) in notes)
