"""Where things live on disk: the project checkout and the working state under GANPO_HOME."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SQL_DIR = PROJECT_ROOT / "sql"
DAGSTER_HOME_DIR = PROJECT_ROOT / "dagster_home"


def ganpo_home() -> Path:
    """Working state (embedded database, raw archive, Dagster artefacts): `$GANPO_HOME` or `./.ganpo`."""
    home = Path(os.environ.get("GANPO_HOME") or Path.cwd() / ".ganpo").resolve()
    home.mkdir(parents=True, exist_ok=True)
    return home


def archive_dir() -> Path:
    """The raw archive: one WARC file per crawl, written before anything is parsed."""
    path = ganpo_home() / "archive"
    path.mkdir(parents=True, exist_ok=True)
    return path
