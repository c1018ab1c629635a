"""The mart contract: documented views, a data dictionary that matches them, a reader role that sees only mart."""

from __future__ import annotations

import psycopg
import pytest

from pipelines.paths import PROJECT_ROOT
from pipelines.store.dictionary import data_dictionary


def test_every_mart_view_and_column_is_documented(database: str) -> None:
    with psycopg.connect(database) as conn:
        undocumented = conn.execute(
            """SELECT c.relname, a.attname FROM pg_class c
               JOIN pg_namespace n ON n.oid = c.relnamespace
               JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
               WHERE n.nspname = 'mart' AND c.relkind = 'v' AND col_description(c.oid, a.attnum) IS NULL"""
        ).fetchall()
        views = conn.execute(
            "SELECT c.relname, obj_description(c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'mart' AND c.relkind = 'v'"
        ).fetchall()
    assert undocumented == []
    assert {v for v, _ in views} >= {"articles", "indicators", "indicator_series", "figure_conflicts"}
    assert all(comment for _, comment in views)


def test_the_committed_data_dictionary_is_current(database: str) -> None:
    with psycopg.connect(database) as conn:
        generated = data_dictionary(conn)
    committed = (PROJECT_ROOT / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    assert committed == generated, "run `ganpo db docs` and commit docs/data-dictionary.md"


def test_reader_role_reads_the_mart_and_nothing_else(database: str) -> None:
    with psycopg.connect(database) as conn:
        conn.execute("SET ROLE ganpo_reader")
        assert conn.execute("SELECT count(*) FROM mart.indicators").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM mart.articles").fetchone() == (0,)
        for table in ("raw_pages", "articles", "indicators", "crawl_runs"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                with conn.transaction():
                    conn.execute(f"SELECT * FROM {table} LIMIT 1")
        for statement in (
            "INSERT INTO crawl_runs (paper, edition_date, source, status, dagster_run_id) "
            "VALUES ('gannan', '2024-01-01', 'live', 'running', 'x')",
            "DELETE FROM mart.articles",
            "CREATE TABLE mart.sneaky (id int)",
            "CREATE TABLE public.sneaky (id int)",
        ):
            with pytest.raises((psycopg.errors.InsufficientPrivilege, psycopg.errors.ObjectNotInPrerequisiteState)):
                with conn.transaction():
                    conn.execute(statement)
