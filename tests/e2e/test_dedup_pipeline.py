"""Dedup inside the pipeline: real Dagster runs of the assets, real PostgreSQL, the mart's counting."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import dagster as dg
import psycopg
import pytest

from ganpo_crawlers.replica.manifest import expected_articles
from pipelines.defs.dedup import article_clusters
from pipelines.defs.indicators import indicators
from pipelines.defs.partitions import partition_key
from pipelines.defs.resources import PostgresResource
from pipelines.domain.clean import text_hash
from pipelines.domain.papers import Partition
from pipelines.store import repository
from tests.conftest import REAL_TEXTS

pytestmark = pytest.mark.slow

DAY = date(2023, 11, 23)


def seed_body() -> str:
    """The body of a real article (a seed), its headline and byline lines left out."""
    lines = (REAL_TEXTS / "seeds" / "000_f1246b32f9273128.txt").read_text(encoding="utf-8").splitlines()
    return "\n".join(line.strip() for line in lines if len(line.strip()) > 30)


def store_article(url: str, part: Partition, text: str, origin: str = "epaper") -> int:
    """An article row as the articles asset writes it, with its raw page and crawl run."""
    with psycopg.connect(os.environ["DATABASE_URL"]) as conn:
        crawl = repository.start_crawl_run(conn, part, "replica", "test")
        with conn.transaction():
            page_id = conn.execute(
                "INSERT INTO raw_pages (url, paper, edition_date, page_kind, source, crawl_run_id,"
                " last_crawl_run_id, dagster_run_id, body) VALUES (%s, %s, %s, 'article', 'replica', %s, %s,"
                " 'test', 'x') RETURNING id",
                (url, part.paper, part.edition_date, crawl, crawl),
            ).fetchone()[0]
        existing = repository.partition_articles(conn, part)
        rows = [
            {k: a[k] for k in ("url", "origin", "clean_text")} | {"raw_page_id": a["id"]} for a in existing
        ]  # keep what the partition already holds
        article = {
            "url": url, "origin": origin, "profile": "test", "raw_page_id": page_id, "raw_page_ids": [page_id],
            "title": "t", "pretitle": None, "subtitle": None, "byline": None, "layout_no": None,
            "layout_name": None, "captions": [], "source_line": None, "published_at": None, "founder_meta": None,
            "clean_text": text, "text_hash": text_hash(text), "source": "replica", "dagster_run_id": "test",
        }  # fmt: skip
        others = [{**article, **r, "raw_page_ids": [page_id], "text_hash": text_hash(r["clean_text"])} for r in rows]
        ids = repository.replace_articles(conn, part, [*others, article], [])
    return ids[-1]


def materialize(part: Partition) -> None:
    result = dg.materialize(
        [article_clusters, indicators],
        partition_key=partition_key(part.edition_date, part.paper),
        resources={"postgres": PostgresResource()},
    )
    assert result.success


def query(sql: str, *params: object) -> list[tuple]:
    with psycopg.connect(os.environ["DATABASE_URL"]) as conn:
        return conn.execute(sql, params).fetchall()


def test_the_same_story_in_both_papers_is_one_cluster_and_counted_once(database: str) -> None:
    body = seed_body()
    first = store_article("http://paper.srxww.com/a", Partition(DAY, "shangrao"), body)
    materialize(Partition(DAY, "shangrao"))
    # The other paper reprints it next day as a web copy with its own footer line.
    second = store_article(
        "http://www.newskj.com/b", Partition(date(2023, 11, 24), "gannan"), body + "\n来源：赣南日报 编辑：某某", "web"
    )
    materialize(Partition(date(2023, 11, 24), "gannan"))

    clusters = query("SELECT article_id, cluster_id, canonical_article_id FROM article_clusters ORDER BY article_id")
    assert clusters == [(first, first, first), (second, first, first)]
    per_article = dict(query("SELECT article_id, count(*) FROM indicators GROUP BY article_id"))
    assert per_article[first] == per_article[second] > 0  # every occurrence keeps its rows, traceable
    assert query("SELECT count(*), count(DISTINCT article_id) FROM mart.indicators") == [(per_article[first], 1)]
    assert query("SELECT DISTINCT article_id FROM mart.indicators") == [(first,)]


def test_a_bulletin_with_every_figure_changed_is_another_story(database: str) -> None:
    body = seed_body()
    # The next month's bulletin in the same template: every number and the month differ.
    next_month = re.sub(r"\d+(\.\d+)?", lambda m: str(int(float(m.group()) * 1.37) + 1), body)
    first = store_article("http://paper.srxww.com/oct", Partition(DAY, "shangrao"), body)
    second = store_article("http://paper.srxww.com/nov", Partition(DAY, "shangrao"), next_month)
    materialize(Partition(DAY, "shangrao"))
    clusters = dict(query("SELECT article_id, cluster_id FROM article_clusters"))
    assert clusters[first] != clusters[second]
    assert query("SELECT count(*) FROM figure_conflicts") == [(0,)]
    assert dict(query("SELECT article_id, count(*) FROM mart.indicators GROUP BY article_id")).keys() == {
        first,
        second,
    }


def test_one_corrected_figure_is_the_same_story_with_one_conflict(database: str) -> None:
    body = seed_body()
    figure = re.search(r"\d+(\.\d+)?亿元", body)
    assert figure is not None
    corrected = body[: figure.start()] + "999" + body[figure.end() - 2 :]
    first = store_article("http://paper.srxww.com/v1", Partition(DAY, "shangrao"), body)
    materialize(Partition(DAY, "shangrao"))
    later = store_article("http://paper.srxww.com/v2", Partition(date(2023, 11, 24), "shangrao"), corrected)
    materialize(Partition(date(2023, 11, 24), "shangrao"))

    clusters = dict(query("SELECT article_id, cluster_id FROM article_clusters"))
    assert clusters[first] == clusters[later]
    conflicts = query("SELECT article_a, article_b, text_a, text_b, counted_article_id FROM mart.figure_conflicts")
    assert len(conflicts) == 1
    a, b, text_a, text_b, counted = conflicts[0]
    assert (a, b, counted) == (first, later, later)
    assert text_a.startswith(figure.group()[:-2]) and text_b.startswith("999")
    # Downstream the figure counts once, with the later edition's value.
    spans = [s for (s,) in query("SELECT span_text FROM mart.indicators WHERE span_text LIKE %s", "%亿元")]
    assert "999亿元" in spans and figure.group() not in spans


def test_gannan_epaper_and_web_copies_of_a_story_count_once_with_the_epaper_canonical(
    database: str, tmp_path: Path
) -> None:
    day = date(2019, 9, 30)
    run = subprocess.run(
        [sys.executable, "-m", "pipelines.cli", "run", "--replica", "--date", day.isoformat(), "--paper", "gannan"],
        cwd=tmp_path, capture_output=True, text=True, timeout=900, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    stories: dict[str, dict[str, str]] = {}
    for expected in expected_articles("gannan", day):
        stories.setdefault(expected.story, {})["epaper" if "gnrbs" in expected.url else "web"] = expected.url
    both = {story: urls for story, urls in stories.items() if len(urls) == 2}
    assert both, "the replica serves stories on both sources that day"
    rows = query(
        "SELECT a.url, a.origin, c.cluster_id, c.canonical_article_id, a.id FROM articles a "
        "JOIN article_clusters c ON c.article_id = a.id WHERE a.paper = 'gannan'"
    )
    by_url = {url: (origin, cluster, canonical, aid) for url, origin, cluster, canonical, aid in rows}
    for urls in both.values():
        epaper, web = by_url[urls["epaper"]], by_url[urls["web"]]
        assert (epaper[0], web[0]) == ("epaper", "web")
        assert epaper[1] == web[1]  # one cluster
        assert epaper[2] == web[2] == epaper[3]  # the e-paper copy is canonical
        web_rows = query("SELECT count(*) FROM indicators WHERE article_id = %s", web[3])[0][0]
        mart_web = query("SELECT count(*) FROM mart.indicators WHERE article_id = %s", web[3])[0][0]
        assert mart_web == 0 and web_rows >= 0  # kept for lineage, not counted
    # Each story once: the mart counts only canonical articles' figures.
    assert query(
        "SELECT count(*) FROM mart.indicators m JOIN mart.articles a ON a.article_id = m.article_id "
        "WHERE NOT a.is_canonical"
    ) == [(0,)]
