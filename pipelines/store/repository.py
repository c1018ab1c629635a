"""Idempotent writes and the reads the assets need. One function per unit of work; the asset decides
the transaction, so that each partition is written whole or not at all."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import psycopg
from psycopg.rows import dict_row
from psycopg.types.json import Jsonb

from pipelines.domain.fetch_outcomes import ArchivedRecordLike, CrawlTally, KnownPage, PageOutcome
from pipelines.domain.papers import Partition
from pipelines.store.queries import sql

if TYPE_CHECKING:
    from pipelines.domain.articles import ParseFailure


# --- crawl runs and raw pages ---------------------------------------------------------------------------


def start_crawl_run(conn: psycopg.Connection, part: Partition, source: str, dagster_run_id: str) -> int:
    with conn.transaction():
        row = conn.execute(
            sql("start_crawl_run"), {**part.params(), "source": source, "dagster_run_id": dagster_run_id}
        ).fetchone()
    assert row is not None
    return int(row[0])


def fail_crawl_run(conn: psycopg.Connection, crawl_run_id: int, error: str) -> None:
    with conn.transaction():
        conn.execute(sql("fail_crawl_run"), {"id": crawl_run_id, "error": error})


def known_pages(conn: psycopg.Connection, part: Partition) -> dict[str, KnownPage]:
    rows = conn.execute(sql("known_pages"), part.params()).fetchall()
    return {
        url: KnownPage(etag, last_modified, digest, has_body) for url, etag, last_modified, digest, has_body in rows
    }


def save_crawl(
    conn: psycopg.Connection,
    part: Partition,
    *,
    crawl_run_id: int,
    source: str,
    dagster_run_id: str,
    archive_path: str,
    outcomes: Sequence[PageOutcome],
    drift: Iterable[ArchivedRecordLike],
    tally: CrawlTally,
) -> None:
    """Write a finished crawl's pages, drift events and counters in one transaction."""
    common = {**part.params(), "source": source, "crawl_run_id": crawl_run_id, "dagster_run_id": dagster_run_id}
    with conn.transaction():
        for outcome in outcomes:
            record = outcome.record
            page = {
                **common,
                "url": record.url,
                "profile": record.profile,
                "page_kind": record.page_kind,
                "meta": Jsonb(dict(record.meta)),
                "fetched_at": record.fetched_at,
                "http_status": record.http_status,
                "headers": Jsonb(dict(record.headers)),
                "archive_path": archive_path,
                "archive_offset": record.archive_offset,
            }
            if outcome.outcome in ("new", "changed"):
                conn.execute(
                    sql("upsert_fetched_page"),
                    {
                        **page,
                        "etag": _header(record.headers, "ETag"),
                        "last_modified": _header(record.headers, "Last-Modified"),
                        "content_hash": outcome.content_hash,
                        "body": record.body,
                    },
                )
            elif outcome.outcome == "unchanged":
                conn.execute(
                    sql("touch_unchanged_page"),
                    {**page, "checked_at": record.fetched_at},
                )
            elif outcome.outcome == "failed":
                conn.execute(sql("record_page_without_body"), {**page, "reason": outcome.reason})
            else:  # recorded: seen and kept, but not a failure (a redirect, a missing robots.txt, no edition)
                meta = {**record.meta, "note": outcome.reason} if outcome.reason else dict(record.meta)
                conn.execute(sql("record_page_without_body"), {**page, "meta": Jsonb(meta), "reason": None})
        conn.execute(sql("delete_drift_events"), part.params())
        for event in drift:
            conn.execute(
                sql("insert_drift_event"),
                {
                    **common,
                    "url": event.url,
                    "profile": event.profile or "",
                    "selector": event.selector or "",
                    "detail": event.reason,
                },
            )
        conn.execute(
            sql("finish_crawl_run"),
            {"id": crawl_run_id, "status": "succeeded", "error": None, "archive_path": archive_path, **tally.as_row()},
        )


def _header(headers: Mapping[str, str], name: str) -> str | None:
    for key, value in headers.items():
        if key.lower() == name.lower():
            return value
    return None


# --- articles -------------------------------------------------------------------------------------------


def _dicts(conn: psycopg.Connection, query: str, params: Mapping[str, Any]) -> list[dict[str, Any]]:
    return conn.cursor(row_factory=dict_row).execute(sql(query), params).fetchall()


def article_pages(conn: psycopg.Connection, part: Partition) -> list[dict[str, Any]]:
    return _dicts(conn, "article_pages", part.params())


def replace_articles(
    conn: psycopg.Connection,
    part: Partition,
    articles: Sequence[Mapping[str, Any]],
    failures: Sequence[ParseFailure],
) -> list[int]:
    """Upsert the partition's articles (ids stay stable across re-runs), drop the ones no longer found and
    record the pages that could not be parsed, all in one transaction."""
    ids: list[int] = []
    failed = {f.raw_page_id: f.reason for f in failures}
    with conn.transaction():
        for page_id, reason in failed.items():
            conn.execute(sql("set_parse_error"), {"id": page_id, "parse_error": reason})
        for article in articles:
            for page_id in article["raw_page_ids"]:
                conn.execute(sql("set_parse_error"), {"id": page_id, "parse_error": None})
        for article in articles:
            params = {**part.params(), **article}
            params["founder_meta"] = Jsonb(params["founder_meta"]) if params.get("founder_meta") else None
            row = conn.execute(sql("upsert_article"), params).fetchone()
            assert row is not None
            ids.append(int(row[0]))
        # An article whose page failed to parse this time keeps its earlier row rather than vanish.
        keep = [a["url"] for a in articles] + [f.url for f in failures]
        conn.execute(sql("delete_stale_articles"), {**part.params(), "urls": keep})
    return ids


def partition_articles(conn: psycopg.Connection, part: Partition) -> list[dict[str, Any]]:
    return _dicts(conn, "partition_articles", part.params())


# --- indicators -----------------------------------------------------------------------------------------


def replace_indicators(
    conn: psycopg.Connection,
    part: Partition,
    rows: Sequence[Mapping[str, Any]],
    catalogue: Sequence[Mapping[str, Any]],
    failures: Sequence[Mapping[str, Any]] = (),
) -> None:
    """Replace the partition's indicator rows and extraction failures in one transaction, with the metric
    catalogue the rows refer to."""
    with conn.transaction():
        with conn.cursor() as cur:
            cur.executemany(sql("upsert_metric"), catalogue)
        conn.execute(sql("delete_partition_indicators"), part.params())
        conn.execute(sql("delete_partition_extraction_failures"), part.params())
        with conn.cursor() as cur:
            cur.executemany(sql("insert_indicator"), [{**part.params(), **row} for row in rows])
            cur.executemany(sql("insert_extraction_failure"), [{**part.params(), **f} for f in failures])


# --- summaries ------------------------------------------------------------------------------------------


def partition_summary(conn: psycopg.Connection, part: Partition) -> dict[str, int]:
    [row] = _dicts(conn, "partition_summary", part.params())
    return {name: int(value) for name, value in row.items()}


def table_counts(conn: psycopg.Connection) -> dict[str, int]:
    return {name: int(count) for name, count in conn.execute(sql("table_counts")).fetchall()}


# --- dedup ----------------------------------------------------------------------------------------------


def lock_dedup(conn: psycopg.Connection) -> None:
    """Serialise dedup across concurrent runs, until the current transaction ends."""
    conn.execute(sql("dedup_lock"))


def dedup_neighbourhood(
    conn: psycopg.Connection,
    buckets: Sequence[tuple[int, int]],
    exact_hashes: Sequence[str],
    article_ids: Sequence[int],
) -> list[int]:
    """Stored articles that may matter for these new ones: LSH/exact candidates (and the articles' own earlier
    rows), closed over the stored edges so that whole clusters are loaded."""
    seeds = conn.execute(
        sql("dedup_candidates"),
        {
            "bands": [band for band, _ in buckets],
            "buckets": [bucket for _, bucket in buckets],
            "exact_hashes": list(exact_hashes),
            "article_ids": list(article_ids),
        },
    ).fetchall()
    rows = conn.execute(sql("dedup_component"), {"seeds": [s for (s,) in seeds]}).fetchall()
    return sorted(r for (r,) in rows)


def dedup_rows(conn: psycopg.Connection, ids: Sequence[int]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Stored signatures and edges among `ids`."""
    return _dicts(conn, "dedup_signature_rows", {"ids": list(ids)}), _dicts(conn, "dedup_edge_rows", {"ids": list(ids)})


def article_texts(conn: psycopg.Connection, ids: Sequence[int]) -> dict[int, str]:
    return dict(conn.execute(sql("article_texts"), {"ids": list(ids)}).fetchall())


def save_dedup(
    conn: psycopg.Connection,
    *,
    replaced: Sequence[int],
    signatures: Sequence[Mapping[str, Any]],
    buckets: Mapping[int, Sequence[tuple[int, int]]],
    edges: Sequence[Mapping[str, Any]],
    conflicts: Sequence[Mapping[str, Any]],
    assignments: Sequence[Mapping[str, Any]],
) -> None:
    """Persist one dedup batch (inside the caller's transaction, which holds the dedup lock)."""
    if replaced:
        conn.execute(sql("delete_article_edges"), {"ids": list(replaced)})
        conn.execute(sql("delete_article_conflicts"), {"ids": list(replaced)})
    with conn.cursor() as cur:
        cur.executemany(sql("upsert_dedup_signature"), signatures)
        for article_id, rows in buckets.items():
            cur.execute(sql("delete_dedup_bands"), {"article_id": article_id})
            cur.executemany(
                sql("insert_dedup_band"), [{"article_id": article_id, "band": b, "bucket": k} for b, k in rows]
            )
        cur.executemany(sql("upsert_dedup_edge"), edges)
        cur.executemany(sql("upsert_figure_conflict"), conflicts)
        cur.executemany(sql("upsert_article_cluster"), assignments)


def partition_clusters(conn: psycopg.Connection, part: Partition) -> dict[str, int]:
    [row] = _dicts(conn, "partition_clusters", part.params())
    return {name: int(value) for name, value in row.items()}
