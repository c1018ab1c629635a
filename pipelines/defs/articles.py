"""The `articles` asset: parse and clean the partition's article pages."""

import dagster as dg

from pipelines.defs.checks import ARTICLES_CHECKS, articles_checks
from pipelines.defs.crawl import raw_pages
from pipelines.defs.partitions import PARTITIONS, partition_of
from pipelines.defs.resources import PostgresResource
from pipelines.defs.schedules import NIGHTLY_FRESHNESS
from pipelines.domain.articles import build_articles
from pipelines.store import repository


@dg.asset(
    partitions_def=PARTITIONS,
    deps=[raw_pages],
    code_version="articles-1",
    kinds={"python", "postgres"},
    group_name="ingest",
    freshness_policy=NIGHTLY_FRESHNESS,
    check_specs=ARTICLES_CHECKS,
    description="Articles of the edition: title, 引题, 副题, byline, layout, clean text (trafilatura).",
)
def articles(context: dg.AssetExecutionContext, postgres: PostgresResource) -> dg.MaterializeResult:
    part = partition_of(context)
    with postgres.connect() as conn:
        pages = repository.article_pages(conn, part)
        rows, failures = build_articles(pages)
        for row in rows:
            row["dagster_run_id"] = context.run.run_id
        repository.replace_articles(conn, part, rows, failures)
        checks = articles_checks(conn, part, len(rows))
    for failure in failures:
        context.log.warning(f"could not parse {failure.url}: {failure.reason}")
    return dg.MaterializeResult(
        check_results=checks,
        metadata={
            "articles": len(rows),
            "parse_failures": len(failures),
            "failed_pages": dg.MetadataValue.md("\n".join(f"- {f.url}: {f.reason}" for f in failures) or "none"),
            "sample": dg.MetadataValue.md("\n".join(f"- {r['title']} ({r['url']})" for r in rows[:5]) or "none"),
        },
    )
