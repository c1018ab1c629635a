"""The Dagster instance every `ganpo` command and the UI share: dagster_home/dagster.yaml, with its
storage in the ingest database (schema `dagster`) and its files under GANPO_HOME."""

from __future__ import annotations

import os
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from pipelines.paths import DAGSTER_HOME_DIR, ganpo_home
from pipelines.store import db


def dagster_storage_url(url: str) -> str:
    """A psycopg2 URL for Dagster whose connections work in the `dagster` schema."""
    parts = urlsplit(db.sqlalchemy_url(url))
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != "options"]
    query.append(("options", "-csearch_path=dagster"))
    return urlunsplit((*parts[:3], urlencode(query), parts.fragment))


def prepare_environment() -> dict[str, str]:
    """Set (and return) the environment variables dagster.yaml reads. Starts the embedded database if needed."""
    home = ganpo_home()
    env = {
        "DAGSTER_HOME": str(DAGSTER_HOME_DIR),
        "GANPO_HOME": str(home),
        "GANPO_DAGSTER_STORAGE_URL": dagster_storage_url(db.database_url()),
        "GANPO_DAGSTER_ARTIFACTS": str(home / "dagster"),
        "GANPO_DAGSTER_COMPUTE_LOGS": str(home / "dagster" / "compute_logs"),
        "DAGSTER_DISABLE_TELEMETRY": "1",
    }
    os.environ.update(env)
    return env
