"""The nightly schedule: the previous day's edition of both papers."""

from __future__ import annotations

import os
from datetime import timedelta

import dagster as dg

from pipelines.domain.papers import TIMEZONE


def nightly_schedule(job: dg.UnresolvedAssetJobDefinition) -> dg.ScheduleDefinition:
    """At GANPO_NIGHTLY_AT (HH:MM Beijing time, default 02:30), one run per paper for yesterday's date.

    Dagster gives each tick's runs a run key from the partition, so a tick never launches a run twice.
    """
    hour, minute = (int(part) for part in os.environ.get("GANPO_NIGHTLY_AT", "02:30").split(":"))
    return dg.build_schedule_from_partitioned_job(
        job,
        name="nightly",
        hour_of_day=hour,
        minute_of_hour=minute,
        default_status=dg.DefaultScheduleStatus.RUNNING,
        description=f"Yesterday's editions of both papers, every night at {hour:02d}:{minute:02d} {TIMEZONE}.",
    )


# The nightly run starts at 02:30; by 06:00 Beijing time the downstream assets should hold that night's
# materialization. A missed night then shows as a failing freshness state in the UI.
NIGHTLY_FRESHNESS = dg.FreshnessPolicy.cron(
    deadline_cron="0 6 * * *", lower_bound_delta=timedelta(hours=4), timezone=TIMEZONE
)
