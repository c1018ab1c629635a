"""Named SQL statements, loaded from `sql/queries/*.sql`.

Each file holds one or more statements, each introduced by a `-- name: NAME` line, so SQL stays in `sql/`
and code refers to statements by name.
"""

from __future__ import annotations

import re
from functools import cache

from pipelines.paths import SQL_DIR

_NAME_LINE = re.compile(r"^--\s*name:\s*(\w+)\s*$", re.MULTILINE)


@cache
def _all() -> dict[str, str]:
    statements: dict[str, str] = {}
    for path in sorted((SQL_DIR / "queries").glob("*.sql")):
        text = path.read_text(encoding="utf-8")
        parts = _NAME_LINE.split(text)
        # parts = [preamble, name1, body1, name2, body2, ...]
        for name, body in zip(parts[1::2], parts[2::2], strict=True):
            if name in statements:
                raise ValueError(f"query {name!r} defined twice (again in {path.name})")
            statements[name] = body.strip()
    return statements


def sql(name: str) -> str:
    """The statement called `name`."""
    try:
        return _all()[name]
    except KeyError:
        raise KeyError(f"no query named {name!r} in {SQL_DIR / 'queries'}") from None
