"""Fixtures of the end-to-end tests that drive a running `ganpo ui --replica`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.ui_server import UiServer, start_ui


@pytest.fixture
def ui(database: str, tmp_path: Path) -> Iterator[UiServer]:
    """`ganpo ui --replica` on a free port over the test's fresh database; stopped (Ctrl-C) afterwards."""
    server = start_ui(tmp_path)
    try:
        yield server
    finally:
        if not server.stopped:
            server.stop()
