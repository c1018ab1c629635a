"""The `indicators` asset: economic figures of the partition's articles."""

import dagster as dg

from pipelines.defs.checks import INDICATORS_CHECKS, indicators_checks
from pipelines.defs.dedup import article_clusters
from pipelines.defs.partitions import PARTITIONS, partition_of
from pipelines.defs.resources import PostgresResource
from pipelines.defs.schedules import NIGHTLY_FRESHNESS
from pipelines.domain.indicators import (
    EXTRACTOR_VERSION,
    canonical_metric_id,
    extract_articles,
    load_metric_catalogue,
)
from pipelines.domain.papers import HOME_CITIES
from pipelines.store import repository


@dg.asset(
    partitions_def=PARTITIONS,
    deps=[article_clusters],
    code_version=f"indicators-{EXTRACTOR_VERSION}",
    kinds={"python", "postgres"},
    group_name="ingest",
    freshness_policy=NIGHTLY_FRESHNESS,
    check_specs=INDICATORS_CHECKS,
    description="Economic indicators with their exact source span and sentence, one row per figure.",
)
def indicators(context: dg.AssetExecutionContext, postgres: PostgresResource) -> dg.MaterializeResult:
    part = partition_of(context)
    run = {"extractor_version": EXTRACTOR_VERSION, "dagster_run_id": context.run.run_id}
    with postgres.connect() as conn:
        articles = repository.partition_articles(conn, part)
        source = {a["id"]: a["source"] for a in articles}
        batch = extract_articles(articles, part.edition_date, HOME_CITIES[part.paper])
        rows = [
            {
                **found.to_contract(),
                "sentence_start": found.sentence_start,
                "sentence_end": found.sentence_end,
                "metric_id": canonical_metric_id(found.metric),
                "article_id": article_id,
                "source": source[article_id],
                **run,
            }
            for article_id, found in batch.found
        ]
        failures = [{"article_id": f.article_id, "error": f.error, **run} for f in batch.failures]
        for f in batch.failures:
            context.log.error(f"extraction failed on article {f.article_id} (recorded, retried next run): {f.error}")
        catalogue = [
            {"metric_id": m.metric_id, "name": m.name, "base_unit": m.base_unit, "synonyms": list(m.synonyms)}
            for m in load_metric_catalogue()
        ]
        repository.replace_indicators(conn, part, rows, catalogue, failures)
        checks = indicators_checks(conn, part)
    return dg.MaterializeResult(
        check_results=checks,
        metadata={
            "indicators": len(rows),
            "extraction_failures": len(failures),
            "extractor_version": EXTRACTOR_VERSION,
            "sample": dg.MetadataValue.md(
                "\n".join(f"- {r['metric']} {r['text']} ({r['subject']}, {r['period']})" for r in rows[:5]) or "none"
            ),
        },
    )
