"""Shared fixtures: a real PostgreSQL (DATABASE_URL's server, or an embedded one for the session) and a fresh,
migrated database per test."""

from __future__ import annotations

import os
import tempfile
import uuid
import warnings
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest

from pipelines.store import embedded
from pipelines.store.migrate import migrate

# The real articles of ../shared (seeds, corpus), as bundled with the replica: tests must not depend on a folder
# outside the repository, which a fresh clone elsewhere does not have.
REAL_TEXTS = Path(__file__).resolve().parents[1] / "crawlers" / "ganpo_crawlers" / "replica" / "texts"
warnings.filterwarnings("ignore", module="platformdirs")


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, parts.fragment))


@pytest.fixture(scope="session")
def server_url() -> Iterator[str]:
    """The server tests create their databases on."""
    if os.environ.get("DATABASE_URL"):
        yield os.environ["DATABASE_URL"]
        return
    # (a folder of its own, not one under pytest's base temp: pytest removes the oldest of those when later runs
    # start, and a test run beside this one would take the server's data away under it)
    with tempfile.TemporaryDirectory(prefix="ganpo-test-pg-") as home:
        url = embedded.ensure_running(Path(home))
        try:
            yield url
        finally:
            embedded.stop(Path(home))


@pytest.fixture
def database(server_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A new, migrated database; DATABASE_URL and GANPO_HOME point at it and at a fresh working folder."""
    name = f"ganpo_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = with_database(server_url, name)
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("GANPO_HOME", str(tmp_path / "ganpo_home"))
    with psycopg.connect(url, autocommit=True) as conn:
        migrate(conn)
    yield url
    with psycopg.connect(server_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
