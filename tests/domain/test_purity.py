"""The pure layers stay pure: domain logic and the crawler's parsing take values and return values, with no
Dagster, Scrapy or database import, so they are testable without servers and reusable from both sides."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from pipelines.paths import PROJECT_ROOT

FORBIDDEN = ("dagster", "dagster_pipes", "scrapy", "twisted", "psycopg", "psycopg2", "pgserver", "pipelines.store")
PURE = [
    *sorted((PROJECT_ROOT / "pipelines" / "domain").rglob("*.py")),
    *(
        PROJECT_ROOT / "crawlers" / "ganpo_crawlers" / name
        for name in ("items.py", "profiles.py", "parse.py", "archive.py")
    ),
]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", PURE, ids=lambda p: str(p.relative_to(PROJECT_ROOT)))
def test_pure_module_imports_no_framework_or_database(path: Path) -> None:
    bad = {m for m in imported_modules(path) if any(m == f or m.startswith(f + ".") for f in FORBIDDEN)}
    assert not bad, f"{path.name} imports {sorted(bad)}"
