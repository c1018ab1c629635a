"""Schema migrations: numbered files in `sql/migrations`, then repeatable files in `sql/views`.

Each numbered file runs once, in its own transaction, and is recorded with its checksum. A file that was
applied and has since changed stops the run: an applied migration is never edited, a new one is added.
Repeatable files (`CREATE OR REPLACE VIEW …`, comments, grants) are re-applied whenever their checksum
changes, after the numbered ones. A session advisory lock makes concurrent runs wait for each other.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import psycopg

from pipelines.paths import SQL_DIR
from pipelines.store.queries import sql

_MIGRATION_FILE = re.compile(r"^(\d{4})_(\w+)\.sql$")


class MigrationError(RuntimeError):
    """The database's migration history does not match the files in sql/."""


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    path: Path

    @property
    def checksum(self) -> str:
        return _checksum(self.path)


@dataclass(frozen=True)
class MigrationStatus:
    version: int
    description: str
    applied: bool
    changed: bool


def _checksum(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def discover(sql_dir: Path = SQL_DIR) -> list[Migration]:
    migrations = []
    for path in sorted((sql_dir / "migrations").glob("*.sql")):
        match = _MIGRATION_FILE.match(path.name)
        if not match:
            raise MigrationError(f"{path.name}: migration files are named NNNN_description.sql")
        migrations.append(Migration(int(match[1]), match[2], path))
    versions = [m.version for m in migrations]
    if len(set(versions)) != len(versions):
        raise MigrationError(f"two migration files share a version number: {versions}")
    return migrations


def status(conn: psycopg.Connection, sql_dir: Path = SQL_DIR) -> list[MigrationStatus]:
    has_history = conn.execute(sql("migration_history_exists")).fetchone() == (True,)
    applied = {row[0]: row for row in conn.execute(sql("applied_migrations"))} if has_history else {}
    return [
        MigrationStatus(
            m.version,
            m.description,
            applied=m.version in applied,
            changed=m.version in applied and applied[m.version][2] != m.checksum,
        )
        for m in discover(sql_dir)
    ]


def migrate(conn: psycopg.Connection, sql_dir: Path = SQL_DIR) -> list[str]:
    """Apply what is pending; return the names of the files applied. `conn` must be in autocommit mode."""
    if not conn.autocommit:
        raise ValueError("migrate() manages its own transactions: pass an autocommit connection")
    # Lock first: two concurrent `CREATE TABLE IF NOT EXISTS` of the bookkeeping tables can still collide.
    conn.execute(sql("lock_migrations"))
    try:
        conn.execute(sql("create_migration_tables"))
        return _migrate_locked(conn, sql_dir)
    finally:
        conn.execute(sql("unlock_migrations"))


def _migrate_locked(conn: psycopg.Connection, sql_dir: Path) -> list[str]:
    applied = {row[0]: row[2] for row in conn.execute(sql("applied_migrations"))}
    migrations = discover(sql_dir)
    for m in migrations:
        if m.version in applied and applied[m.version] != m.checksum:
            raise MigrationError(
                f"{m.path.name} was applied with checksum {applied[m.version][:12]}… and has changed since "
                f"(now {m.checksum[:12]}…). Applied migrations are never edited: revert the file and add "
                f"a new numbered migration."
            )
    done: list[str] = []
    for m in migrations:
        if m.version in applied:
            continue
        with conn.transaction():
            conn.execute(m.path.read_text(encoding="utf-8"))
            conn.execute(
                sql("record_migration"),
                {"version": m.version, "description": m.description, "checksum": m.checksum},
            )
        done.append(m.path.name)
    repeatable_applied = dict(conn.execute(sql("applied_repeatables")).fetchall())
    for path in sorted((sql_dir / "views").glob("*.sql")):
        checksum = _checksum(path)
        if repeatable_applied.get(path.name) == checksum:
            continue
        with conn.transaction():
            conn.execute(path.read_text(encoding="utf-8"))
            conn.execute(sql("record_repeatable"), {"name": path.name, "checksum": checksum})
        done.append(path.name)
    return done
