"""Shared fixtures for the replica tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from replica_site_helpers import SLOW_SECONDS

from ganpo_crawlers.replica.server import Replicas, start_replicas


@pytest.fixture(scope="session")
def replicas() -> Iterator[Replicas]:
    running = start_replicas(slow_seconds=SLOW_SECONDS, flaky_failures=2)
    try:
        yield running
    finally:
        running.stop()
