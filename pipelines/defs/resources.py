"""Resources: the ingest database and the crawler, bound once in pipelines/definitions.py."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import Literal

import dagster as dg
import psycopg
from pydantic import PrivateAttr

from pipelines.store import db


class PostgresResource(dg.ConfigurableResource):
    """The ingest database: `url`, or when empty DATABASE_URL or the embedded server.

    A database outage (connection refused or lost mid-write) fails the step and asks Dagster to retry it:
    each write is one transaction, so a lost connection leaves the partition as it was.
    """

    url: str = ""
    outage_retries: int = 3
    outage_wait_seconds: float = 15.0

    @contextmanager
    def connect(self) -> Iterator[psycopg.Connection]:
        try:
            with db.connect(self.url or None) as conn:
                yield conn
        except psycopg.OperationalError as error:
            raise dg.RetryRequested(
                max_retries=self.outage_retries, seconds_to_wait=self.outage_wait_seconds
            ) from error


class CrawlerResource(dg.ConfigurableResource):
    """Where the crawl goes: the live sites, or the bundled replica served on 127.0.0.1 for the run.

    Rows written by a replica crawl are marked `source = 'replica'`; a live crawl never reads the replica.
    """

    source: Literal["live", "replica"] = "live"
    refetch: bool = False
    _stack: ExitStack | None = PrivateAttr(default=None)
    _sites: dict[str, str] = PrivateAttr(default_factory=dict)

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        if self.source == "replica":
            from ganpo_crawlers.replica.server import serve_replicas

            self._stack = ExitStack()
            self._sites = dict(self._stack.enter_context(serve_replicas()))

    def teardown_after_execution(self, context: dg.InitResourceContext) -> None:
        if self._stack is not None:
            self._stack.close()
            self._stack = None

    def site_overrides(self) -> dict[str, str]:
        """host → base URL of its replica; empty for live crawls."""
        return dict(self._sites)


def crawler_from_env() -> CrawlerResource:
    """The crawler as the environment asks: GANPO_SOURCE=replica (set by `--replica`), GANPO_REFETCH=1."""
    source = os.environ.get("GANPO_SOURCE", "live")
    if source not in ("live", "replica"):
        raise ValueError(f"GANPO_SOURCE must be 'live' or 'replica', not {source!r}")
    return CrawlerResource(source=source, refetch=os.environ.get("GANPO_REFETCH") == "1")  # type: ignore[arg-type]
