"""The one place Dagster loads: assets, checks, jobs, schedules and resources of ganpo-ingest."""

from __future__ import annotations

import dagster as dg

from pipelines.defs.articles import articles
from pipelines.defs.crawl import raw_pages
from pipelines.defs.indicators import indicators
from pipelines.defs.partitions import PARTITIONS
from pipelines.defs.resources import PostgresResource, crawler_from_env
from pipelines.defs.schedules import nightly_schedule

ingest_job = dg.define_asset_job(
    "ingest",
    selection=[raw_pages, articles, indicators],
    partitions_def=PARTITIONS,
    description="Crawl, clean and extract one (date, paper) partition.",
)

defs = dg.Definitions(
    assets=[raw_pages, articles, indicators],
    jobs=[ingest_job],
    schedules=[nightly_schedule(ingest_job)],
    resources={
        "postgres": PostgresResource(),
        "crawler": crawler_from_env(),
        "pipes_subprocess_client": dg.PipesSubprocessClient(),
    },
)
