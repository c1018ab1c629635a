"""The embedded server: started on demand, reused, safe when two processes start it at once, stopped on demand."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import psycopg

from pipelines.store import embedded

START = "import sys; from pathlib import Path; from pipelines.store import embedded; "
START += "print(embedded.ensure_running(Path(sys.argv[1])))"


def test_two_processes_starting_at_once_share_one_server(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    try:
        procs = [
            subprocess.Popen([sys.executable, "-c", START, str(home)], stdout=subprocess.PIPE, text=True)
            for _ in range(2)
        ]
        urls = {p.communicate(timeout=120)[0].strip() for p in procs}
        assert all(p.returncode == 0 for p in procs)
        assert len(urls) == 1
        url = urls.pop()
        # Both processes have exited: the server keeps running for the next one.
        with psycopg.connect(url) as conn:
            assert conn.execute("SELECT 1").fetchone() == (1,)
        assert embedded.is_running(home)
        assert embedded.ensure_running(home) == url
    finally:
        assert embedded.stop(home)
    assert not embedded.is_running(home)
    assert embedded.stop(home) is False
