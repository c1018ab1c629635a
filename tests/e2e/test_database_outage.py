"""A database outage during a run is retried by Dagster, and the failure is recorded in the run, not lost."""

from __future__ import annotations

from datetime import date

import dagster as dg
import pytest

from pipelines.defs.articles import articles
from pipelines.defs.partitions import partition_key
from pipelines.defs.resources import PostgresResource
from pipelines.domain.papers import Partition

pytestmark = pytest.mark.slow


def test_an_unreachable_database_is_retried_then_fails_the_run() -> None:
    part = Partition(date(2023, 11, 23), "shangrao")
    # Nothing listens on port 1: every connection attempt is refused, as during an outage.
    down = PostgresResource(url="postgresql://ganpo@127.0.0.1:1/ganpo", outage_retries=2, outage_wait_seconds=0.1)
    with dg.instance_for_test() as instance:
        result = dg.materialize(
            [articles],
            partition_key=partition_key(part.edition_date, part.paper),
            resources={"postgres": down},
            instance=instance,
            raise_on_error=False,
        )
        assert not result.success
        retries = [e for e in result.all_events if e.event_type_value == "STEP_UP_FOR_RETRY"]
        assert len(retries) == 2
        failures = [e for e in result.all_events if e.event_type_value == "STEP_FAILURE"]
        assert failures and "connection" in str(failures[-1].step_failure_data.error).lower()
