"""Issue #7: a backfill launched through the running UI's GraphQL API, run by the daemon under the instance's
run queue (dagster_home/dagster.yaml: at most one run per `dagster/partition/paper` at a time)."""

from __future__ import annotations

import time
from datetime import date, timedelta

import psycopg
import pytest

from tests.e2e.ui_server import LOCATION, REPOSITORY, UiServer

pytestmark = pytest.mark.slow

FIRST_DAY = date(2023, 11, 20)  # seven ordinary days of both papers on the replica (no gap, no awkward case)
DAYS = [FIRST_DAY + timedelta(days=i) for i in range(7)]
PAPERS = ("shangrao", "gannan")
BACKFILL_TIMEOUT = 15 * 60

LAUNCH = """
mutation Launch($params: LaunchBackfillParams!) {
  launchPartitionBackfill(backfillParams: $params) {
    __typename
    ... on LaunchBackfillSuccess { backfillId }
    ... on PythonError { message stack }
    ... on PartitionSetNotFoundError { message }
    ... on PartitionKeysNotFoundError { message }
    ... on InvalidStepError { invalidStepKey }
    ... on UnauthorizedError { message }
  }
}"""

BACKFILL = """
query Backfill($id: String!) {
  partitionBackfillOrError(backfillId: $id) {
    __typename
    ... on PartitionBackfill { status numPartitions }
    ... on PythonError { message }
  }
}"""

RUNS = """
query Runs($filter: RunsFilter) {
  runsOrError(filter: $filter, limit: 100) {
    __typename
    ... on Runs { results { runId jobName status startTime endTime tags { key value } } }
    ... on PythonError { message }
  }
}"""

FINISHED_BACKFILL = {"COMPLETED", "COMPLETED_SUCCESS", "COMPLETED_FAILED", "FAILED", "CANCELED"}
FINISHED_RUN = {"SUCCESS", "FAILURE", "CANCELED"}


def launch_backfill(ui: UiServer, partition_keys: list[str]) -> str:
    params = {
        "selector": {
            "partitionSetName": "ingest_partition_set",
            "repositorySelector": {"repositoryLocationName": LOCATION, "repositoryName": REPOSITORY},
        },
        "partitionNames": partition_keys,
        "title": "issue 7: one week of both papers",
    }
    result = ui.graphql(LAUNCH, {"params": params})["launchPartitionBackfill"]
    assert result["__typename"] == "LaunchBackfillSuccess", result
    return result["backfillId"]


def backfill_runs(ui: UiServer, backfill_id: str) -> list[dict]:
    filter_ = {"tags": [{"key": "dagster/backfill", "value": backfill_id}]}
    answer = ui.graphql(RUNS, {"filter": filter_})["runsOrError"]
    assert answer["__typename"] == "Runs", answer
    runs = answer["results"]
    for run in runs:
        run["tags"] = {tag["key"]: tag["value"] for tag in run["tags"]}
        run["date"] = run["tags"].get("dagster/partition/date")
        run["paper"] = run["tags"].get("dagster/partition/paper")
    return runs


def wait_for_backfill(ui: UiServer, backfill_id: str, expected_runs: int) -> tuple[str, list[dict]]:
    deadline = time.monotonic() + BACKFILL_TIMEOUT
    status, runs = "", []
    while time.monotonic() < deadline:
        backfill = ui.graphql(BACKFILL, {"id": backfill_id})["partitionBackfillOrError"]
        assert backfill["__typename"] == "PartitionBackfill", backfill
        status = backfill["status"]
        runs = backfill_runs(ui, backfill_id)
        if (
            status in FINISHED_BACKFILL
            and len(runs) >= expected_runs
            and all(r["status"] in FINISHED_RUN for r in runs)
        ):
            return status, runs
        if ui.proc.poll() is not None:
            break
        time.sleep(5)
    listing = "\n".join(f"{r['date']} {r['paper']} {r['status']} {r['runId']}" for r in runs)
    pytest.fail(
        f"backfill {backfill_id} not finished (status {status}, {len(runs)} runs):\n{listing}\n{ui.log()[-5000:]}"
    )


def overlap(a: dict, b: dict) -> float:
    """Seconds during which runs a and b were both running (start → end of the run worker)."""
    return max(0.0, min(a["endTime"], b["endTime"]) - max(a["startTime"], b["startTime"]))


def test_week_backfill_from_the_ui_respects_the_per_paper_limit(ui: UiServer, database: str) -> None:
    expected = {(day.isoformat(), paper) for day in DAYS for paper in PAPERS}
    keys = [f"{day}|{paper}" for day, paper in sorted(expected)]  # MultiPartitionKey: dimensions by name
    started = time.monotonic()
    backfill_id = launch_backfill(ui, keys)
    status, runs = wait_for_backfill(ui, backfill_id, len(expected))
    backfill_seconds = time.monotonic() - started

    # One run per partition, all of the `ingest` job, all succeeded, and the backfill says so too.
    assert sorted((r["date"], r["paper"]) for r in runs) == sorted(expected)
    assert {r["jobName"] for r in runs} == {"ingest"}
    failed = [(r["date"], r["paper"], r["runId"]) for r in runs if r["status"] != "SUCCESS"]
    assert not failed, f"failed runs: {failed}\n{ui.log()[-5000:]}"
    assert status == "COMPLETED_SUCCESS"

    # The queue's tag limit held: the runs of one paper never overlapped, each began after the previous ended.
    by_paper = {
        paper: sorted((r for r in runs if r["paper"] == paper), key=lambda r: r["startTime"]) for paper in PAPERS
    }
    for paper, series in by_paper.items():
        for before, after in zip(series, series[1:], strict=False):
            assert after["startTime"] >= before["endTime"], (
                f"{paper}: run {after['runId']} ({after['date']}) started "
                f"{before['endTime'] - after['startTime']:.1f} s "
                f"before run {before['runId']} ({before['date']}) ended"
            )
    # …and it is a limit per paper, not one run at a time: the two papers' runs did run side by side.
    parallel = sum(overlap(a, b) for a in by_paper["shangrao"] for b in by_paper["gannan"])
    assert parallel > 0, "the two papers' runs never overlapped: the limit acted as a global one"

    durations = [r["endTime"] - r["startTime"] for r in runs]
    print(
        f"\nbackfill of {len(runs)} runs: {backfill_seconds:.0f} s; run durations {min(durations):.1f}–"
        f"{max(durations):.1f} s (mean {sum(durations) / len(durations):.1f} s); papers ran side by side "
        f"{parallel:.0f} s; same-paper gaps "
        + ", ".join(
            f"{paper} {min(b['startTime'] - a['endTime'] for a, b in zip(s, s[1:], strict=False)):.1f} s min"
            for paper, s in by_paper.items()
        )
    )

    # The data landed: every partition has articles and indicators, written by its backfill run, from the replica.
    run_of = {(r["date"], r["paper"]): r["runId"] for r in runs}
    with psycopg.connect(database) as conn:
        rows = conn.execute(
            """SELECT a.edition_date::text, a.paper, count(DISTINCT a.id), count(i.id),
                      array_agg(DISTINCT a.dagster_run_id), bool_and(a.source = 'replica')
               FROM articles a LEFT JOIN indicators i ON i.article_id = a.id
               GROUP BY a.edition_date, a.paper"""
        ).fetchall()
    landed = {(day, paper): tuple(rest) for day, paper, *rest in rows}
    assert set(landed) == expected
    for part, (n_articles, n_indicators, run_ids, replica) in sorted(landed.items()):
        assert n_articles > 0 and n_indicators > 0, (part, n_articles, n_indicators)
        assert run_ids == [run_of[part]] and replica, (part, run_ids, replica)

    # Ctrl-C stops the webserver, the daemon and everything they started (stop() checks the whole session).
    stopped_in = ui.stop(timeout=30)
    print(f"ganpo ui and all its processes stopped {stopped_in:.1f} s after SIGINT")
