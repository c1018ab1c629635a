"""Which PostgreSQL to use, and connections to it.

`DATABASE_URL` wins when set; otherwise the embedded server under GANPO_HOME is started on demand.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit, urlunsplit

import psycopg

from pipelines.paths import ganpo_home
from pipelines.store import embedded


def database_url() -> str:
    """The URL of the database to use, starting the embedded server when DATABASE_URL is not set."""
    url = os.environ.get("DATABASE_URL")
    if url:
        return url
    return embedded.ensure_running(ganpo_home())


def using_embedded() -> bool:
    return not os.environ.get("DATABASE_URL")


def sqlalchemy_url(url: str) -> str:
    """The same database as a `postgresql+psycopg2://` URL for Dagster's storage.

    dagster-postgres on SQLAlchemy 2.1 picks psycopg 3 for a bare `postgresql://` URL, and its NOTIFY
    based event watching then breaks; naming the psycopg2 driver avoids that.
    """
    parts = urlsplit(url)
    scheme = parts.scheme.split("+", 1)[0]
    if scheme not in ("postgres", "postgresql"):
        raise ValueError(f"not a PostgreSQL URL: {url}")
    return urlunsplit(("postgresql+psycopg2", *parts[1:]))


def redact(url: str) -> str:
    """The URL with any password replaced, for logs."""
    parts = urlsplit(url)
    if parts.password:
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
        return urlunsplit((parts.scheme, netloc, *parts[2:]))
    return url


@contextmanager
def connect(url: str | None = None, *, autocommit: bool = False) -> Iterator[psycopg.Connection]:
    """A connection; the caller's `with conn.transaction()` blocks decide what is atomic."""
    with psycopg.connect(url or database_url(), autocommit=autocommit) as conn:
        yield conn
