"""Asset checks, evaluated inline on the partition just written. Blocking ones stop the rest of the run, so a
bad partition does not flow on; each failing check names the URLs or rows behind it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import dagster as dg
import psycopg

from pipelines.domain.papers import Partition
from pipelines.store.queries import sql

# Above this share of failed pages, a crawl is not trusted (configurable per deployment).
MAX_PAGE_FAILURE_RATE = 0.2
# Sanity bounds for figures of a prefecture-level city: growth beyond ±100 % or amounts beyond 10 万亿元
# are far more likely misreadings than news.
MAX_GROWTH_PCT = 100.0
MAX_CNY = 1e13


def _rows(conn: psycopg.Connection, name: str, part: Partition, **extra: Any) -> list[tuple[Any, ...]]:
    return conn.execute(sql(name), {**part.params(), **extra}).fetchall()


def _listing(rows: Sequence[tuple[Any, ...]], limit: int = 10) -> str:
    shown = "\n".join("- " + " · ".join(str(v) for v in row) for row in rows[:limit])
    return shown + (f"\n- … and {len(rows) - limit} more" if len(rows) > limit else "")


RAW_PAGES_CHECKS = [
    dg.AssetCheckSpec("no_layout_drift", asset="raw_pages", blocking=True,
                      description="An edition exists but a selector matched nothing, or an article had no body."),
    dg.AssetCheckSpec("page_failure_rate", asset="raw_pages", blocking=True,
                      description=f"At most {MAX_PAGE_FAILURE_RATE:.0%} of the pages checked failed."),
]  # fmt: skip


def raw_pages_checks(conn: psycopg.Connection, part: Partition) -> list[dg.AssetCheckResult]:
    drift = _rows(conn, "check_drift_events", part)
    failed = _rows(conn, "check_failed_pages", part)
    checked = _rows(conn, "check_pages_checked", part)[0][0]
    rate = len(failed) / checked if checked else 0.0
    return [
        dg.AssetCheckResult(
            check_name="no_layout_drift",
            passed=not drift,
            description=f"layout drift on {len(drift)} page(s): {drift[0][0]} ({drift[0][1]}: {drift[0][2]})"
            if drift
            else "every selector matched",
            metadata={"events": dg.MetadataValue.md(_listing(drift) or "none")},
        ),
        dg.AssetCheckResult(
            check_name="page_failure_rate",
            passed=rate <= MAX_PAGE_FAILURE_RATE,
            description=f"{len(failed)} of {checked} pages failed ({rate:.0%})",
            metadata={"failure_rate": rate, "failed": dg.MetadataValue.md(_listing(failed) or "none")},
        ),
    ]


ARTICLES_CHECKS = [
    dg.AssetCheckSpec("edition_has_articles", asset="articles", blocking=True,
                      description="A day whose edition pages answered has articles."),
]  # fmt: skip


def articles_checks(conn: psycopg.Connection, part: Partition, article_count: int) -> list[dg.AssetCheckResult]:
    edition_pages = _rows(conn, "check_edition_pages", part)[0][0]
    passed = article_count > 0 or edition_pages == 0
    return [
        dg.AssetCheckResult(
            check_name="edition_has_articles",
            passed=passed,
            description=f"{article_count} articles from {edition_pages} edition pages"
            if passed
            else f"the edition answered ({edition_pages} pages) but no article was found",
        )
    ]


INDICATORS_CHECKS = [
    dg.AssetCheckSpec("indicator_sanity", asset="indicators",
                      description=f"Growth within ±{MAX_GROWTH_PCT:g} %, amounts within a city's plausible range."),
    dg.AssetCheckSpec("no_duplicate_indicators", asset="indicators", blocking=True,
                      description="No figure is stored twice for the same span of an article."),
    dg.AssetCheckSpec("no_extraction_failures", asset="indicators",
                      description="The extractor ran without error on every article (failures are recorded in "
                                  "extraction_failures and retried by the next run)."),
]  # fmt: skip


def indicators_checks(conn: psycopg.Connection, part: Partition) -> list[dg.AssetCheckResult]:
    insane = _rows(conn, "check_insane_indicators", part, max_growth_pct=MAX_GROWTH_PCT, max_cny=MAX_CNY)
    duplicates = _rows(conn, "check_duplicate_indicators", part)
    failures = _rows(conn, "check_extraction_failures", part)
    return [
        _no_rows_check("indicator_sanity", insane, "all figures within bounds",
                       f"{len(insane)} implausible figure(s), first: indicator {insane[0][0]} {insane[0][1]!r}"
                       if insane else "", dg.AssetCheckSeverity.WARN),
        _no_rows_check("no_duplicate_indicators", duplicates, "no duplicates",
                       f"{len(duplicates)} duplicated figure(s)"),
        _no_rows_check("no_extraction_failures", failures, "every article extracted",
                       f"the extractor failed on {len(failures)} article(s), first: {failures[0][0]} {failures[0][1]}"
                       if failures else ""),
    ]  # fmt: skip


def _no_rows_check(
    name: str,
    rows: Sequence[tuple[Any, ...]],
    passed: str,
    failed: str,
    severity: dg.AssetCheckSeverity = dg.AssetCheckSeverity.ERROR,
) -> dg.AssetCheckResult:
    """A check that passes when its query found no rows, and lists them when it did."""
    return dg.AssetCheckResult(
        check_name=name,
        passed=not rows,
        severity=severity,
        description=failed if rows else passed,
        metadata={"rows": dg.MetadataValue.md(_listing(rows) or "none")},
    )
