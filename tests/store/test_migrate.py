"""Migrations against a real PostgreSQL: once each, checksummed, refused when an applied file changed."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from pipelines.paths import SQL_DIR
from pipelines.store.migrate import MigrationError, migrate, status


def test_every_migration_is_applied_once_with_its_checksum(database: str) -> None:
    with psycopg.connect(database, autocommit=True) as conn:
        assert migrate(conn) == []  # the fixture already migrated: a second run applies nothing
        rows = conn.execute("SELECT version, checksum, success FROM schema_migrations ORDER BY version").fetchall()
        assert [r[0] for r in rows] == [m.version for m in status(conn)]
        assert all(len(r[1]) == 64 and r[2] for r in rows)
        assert all(m.applied and not m.changed for m in status(conn))


def test_refuses_to_run_when_an_applied_migration_changed(database: str, tmp_path: Path) -> None:
    sql_copy = tmp_path / "sql"
    shutil.copytree(SQL_DIR, sql_copy)
    first = sorted((sql_copy / "migrations").glob("*.sql"))[0]
    first.write_text(first.read_text() + "\n-- edited after it was applied\n")
    with psycopg.connect(database, autocommit=True) as conn:
        assert any(m.changed for m in status(conn, sql_copy))
        with pytest.raises(MigrationError, match="has changed since"):
            migrate(conn, sql_copy)


def test_a_new_numbered_file_is_applied_and_a_failing_one_leaves_nothing(database: str, tmp_path: Path) -> None:
    sql_copy = tmp_path / "sql"
    shutil.copytree(SQL_DIR, sql_copy)
    (sql_copy / "migrations" / "9001_probe.sql").write_text("CREATE TABLE probe (id int);")
    (sql_copy / "migrations" / "9002_broken.sql").write_text("CREATE TABLE probe2 (id int); SELECT * FROM nowhere;")
    with psycopg.connect(database, autocommit=True) as conn:
        with pytest.raises(psycopg.errors.UndefinedTable):
            migrate(conn, sql_copy)
        versions = [r[0] for r in conn.execute("SELECT version FROM schema_migrations")]
        assert 9001 in versions and 9002 not in versions
        assert conn.execute("SELECT to_regclass('probe2')").fetchone() == (None,)


def test_concurrent_migrations_wait_for_each_other(server_url: str) -> None:
    import uuid

    from tests.conftest import with_database

    name = f"ganpo_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = with_database(server_url, name)
    try:
        code = "import sys, psycopg; from pipelines.store.migrate import migrate; "
        code += "c = psycopg.connect(sys.argv[1], autocommit=True); print(len(migrate(c)))"
        procs = [
            subprocess.Popen([sys.executable, "-c", code, url], stdout=subprocess.PIPE, text=True) for _ in range(3)
        ]
        applied = sorted(int(p.communicate(timeout=120)[0]) for p in procs)
        assert all(p.returncode == 0 for p in procs)
        assert applied[:2] == [0, 0] and applied[2] > 0  # exactly one process applied the files
    finally:
        with psycopg.connect(server_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
