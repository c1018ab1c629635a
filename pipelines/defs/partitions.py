"""One partitioning for every asset: edition date (Beijing time) × paper."""

from __future__ import annotations

from datetime import date

import dagster as dg

from pipelines.domain.papers import FIRST_EDITION, PAPERS, TIMEZONE, Partition

PARTITIONS = dg.MultiPartitionsDefinition(
    {
        "date": dg.DailyPartitionsDefinition(start_date=FIRST_EDITION, timezone=TIMEZONE),
        "paper": dg.StaticPartitionsDefinition(list(PAPERS)),
    }
)


def partition_key(edition_date: date, paper: str) -> dg.MultiPartitionKey:
    return dg.MultiPartitionKey({"date": edition_date.isoformat(), "paper": paper})


def partition_of(context: dg.AssetExecutionContext) -> Partition:
    keys = context.partition_key.keys_by_dimension  # type: ignore[attr-defined]
    return Partition(date.fromisoformat(keys["date"]), keys["paper"])
