"""The `raw_pages` asset: crawl one (date, paper) in a Scrapy subprocess, then load its archive."""

import json
import sys
import tempfile
from pathlib import Path

import dagster as dg

from ganpo_crawlers.archive import read_archive
from pipelines.defs.checks import RAW_PAGES_CHECKS, raw_pages_checks
from pipelines.defs.partitions import PARTITIONS, partition_of
from pipelines.defs.resources import CrawlerResource, PostgresResource
from pipelines.domain.fetch_outcomes import CrawlTally, classify
from pipelines.domain.papers import Partition
from pipelines.paths import PROJECT_ROOT, archive_dir
from pipelines.store import repository

CRAWLERS_DIR = PROJECT_ROOT / "crawlers"


class SiteUnreachable(dg.Failure):
    """No request of the crawl got any HTTP answer."""


@dg.asset(
    partitions_def=PARTITIONS,
    code_version="crawl-1",
    kinds={"scrapy", "postgres"},
    group_name="ingest",
    check_specs=RAW_PAGES_CHECKS,
    description="Every page of the edition as fetched (body, headers, status), archived as WARC first.",
)
def raw_pages(
    context: dg.AssetExecutionContext,
    crawler: CrawlerResource,
    postgres: PostgresResource,
    pipes_subprocess_client: dg.PipesSubprocessClient,
) -> dg.MaterializeResult:
    part = partition_of(context)
    with postgres.connect() as conn:
        crawl_run_id = repository.start_crawl_run(conn, part, crawler.source, context.run.run_id)
        known = {} if crawler.refetch else repository.known_pages(conn, part)
    archive = _archive_path(part, crawl_run_id)
    crawl_log = archive.with_suffix("").with_suffix(".log")  # crawl-NNNNNNNN.warc.gz → crawl-NNNNNNNN.log
    with tempfile.TemporaryDirectory(prefix="ganpo-crawl-") as tmp:
        known_file = Path(tmp) / "known.json"
        known_file.write_text(json.dumps({url: vars(page) for url, page in known.items()}))
        command = [
            sys.executable, "-m", "ganpo_crawlers.run_crawl",
            "--paper", part.paper, "--date", part.edition_date.isoformat(),
            "--archive", str(archive), "--known", str(known_file),
            # The crawl's own log sits beside its archive; the run shows its path and counters (which are
            # counted from the archive itself, the one record of what the crawl received).
            "--set", f"LOG_FILE={crawl_log}",
        ]  # fmt: skip
        for host, base_url in crawler.site_overrides().items():
            command += ["--site", f"{host}={base_url}"]
        if crawler.refetch:
            command.append("--refetch")
        try:
            pipes_subprocess_client.run(command=command, context=context, cwd=str(CRAWLERS_DIR))
        except dg.DagsterPipesExecutionError as error:
            _fail(postgres, crawl_run_id, f"the crawl subprocess failed: {error}")
            raise

    outcomes, drift, tally = classify(read_archive(archive), known)
    if crawler.source == "live" and _unreachable(tally):
        reasons = "; ".join(sorted(tally.failure_reasons)) or "no response"
        message = (
            f"cannot reach the {part.paper} site for {part.edition_date} ({reasons}); "
            "run with --replica to crawl the bundled replica instead"
        )
        _fail(postgres, crawl_run_id, message)
        raise SiteUnreachable(description=message)

    with postgres.connect() as conn:
        repository.save_crawl(
            conn, part, crawl_run_id=crawl_run_id, source=crawler.source, dagster_run_id=context.run.run_id,
            archive_path=str(archive), outcomes=outcomes, drift=drift, tally=tally,
        )  # fmt: skip
        checks = raw_pages_checks(conn, part)
    failed = [o for o in outcomes if o.outcome == "failed"]
    return dg.MaterializeResult(
        check_results=checks,
        metadata={
            "crawl_run_id": crawl_run_id,
            "source": crawler.source,
            "archive": dg.MetadataValue.path(str(archive)),
            "crawl_log": dg.MetadataValue.path(str(crawl_log)),
            **tally.as_row(),
            "failures": dg.MetadataValue.md("\n".join(f"- {o.record.url}: {o.reason}" for o in failed[:20]) or "none"),
            "drift": dg.MetadataValue.md(
                "\n".join(f"- {d.url} ({d.profile}: `{d.selector}`)" for d in drift[:20]) or "none"
            ),
        },
    )


def _archive_path(part: Partition, crawl_run_id: int) -> Path:
    folder = archive_dir() / part.paper / part.edition_date.isoformat()
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"crawl-{crawl_run_id:08d}.warc.gz"


def _unreachable(tally: CrawlTally) -> bool:
    answered = tally.responses_2xx + tally.responses_3xx + tally.responses_4xx + tally.responses_5xx
    return answered == 0


def _fail(postgres: PostgresResource, crawl_run_id: int, error: str) -> None:
    with postgres.connect() as conn:
        repository.fail_crawl_run(conn, crawl_run_id, error)
