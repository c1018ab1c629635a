"""Materialize (date, paper) partitions through Dagster, one run each, and summarise them.

Runs execute in this process against the shared instance, so they appear in Dagster's run history; the
crawl itself is a subprocess of each run (Twisted's reactor starts only once per process).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

import dagster as dg

from pipelines.defs.partitions import partition_key
from pipelines.domain.papers import Partition
from pipelines.store import db, repository

# Dagster's console logger would print step tracebacks; `ganpo run` prints its own progress and errors.
QUIET = {"loggers": {"console": {"config": {"log_level": "CRITICAL"}}}}


@dataclass
class PartitionResult:
    edition_date: date
    paper: str
    run_id: str
    success: bool
    error: str | None = None
    counts: dict[str, int] = field(default_factory=dict)

    def summary(self) -> dict[str, object]:
        return {
            "date": self.edition_date.isoformat(),
            "paper": self.paper,
            "pages_fetched": self.counts.get("pages_fetched", 0),
            "pages_unchanged": self.counts.get("pages_unchanged", 0),
            "pages_failed": self.counts.get("pages_failed", 0),
            "articles": self.counts.get("articles", 0),
            "indicators": self.counts.get("indicators", 0),
        }


def run_partitions(
    job: dg.JobDefinition,
    instance: dg.DagsterInstance,
    partitions: Sequence[Partition],
    on_progress: Callable[[int, int, Partition, PartitionResult | None], None] = lambda *_: None,
) -> list[PartitionResult]:
    results: list[PartitionResult] = []
    for index, part in enumerate(partitions, start=1):
        on_progress(index, len(partitions), part, None)
        outcome = job.execute_in_process(
            partition_key=partition_key(part.edition_date, part.paper),
            instance=instance,
            run_config=QUIET,
            raise_on_error=False,
            tags={"ganpo/launched_by": "ganpo run"},
        )
        result = PartitionResult(
            part.edition_date, part.paper, outcome.run_id, outcome.success, None if outcome.success else _error(outcome)
        )
        with db.connect() as conn:
            result.counts = repository.partition_summary(conn, part)
        results.append(result)
        on_progress(index, len(partitions), part, result)
    return results


def _error(outcome: dg.ExecuteInProcessResult) -> str:
    """The first step failure, as one line: a Failure's description, or the error's message."""
    for event in outcome.all_events:
        if event.event_type_value != "STEP_FAILURE":
            continue
        data = event.step_failure_data
        if data.user_failure_data and data.user_failure_data.description:
            return data.user_failure_data.description
        if data.error:
            cause = data.error.cause or data.error
            return f"{event.step_key}: {cause.message.strip().splitlines()[-1]}"
    return "the run failed"
