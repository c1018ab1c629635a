"""The embedded PostgreSQL server (pgserver) that stands in when DATABASE_URL is not set.

pgserver keeps the server running after the process exits when `cleanup_mode=None`: the first process that
needs the database starts it, later processes reuse it, and only `ganpo db stop` stops it. pgserver takes an
inter-process lock around start-up, and we add a lock file of our own under the data directory so that two
`ganpo` processes starting at once never race on initdb.
"""

from __future__ import annotations

import fcntl
import logging
import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

log = logging.getLogger(__name__)


def data_dir(home: Path) -> Path:
    return home / "pgdata"


@contextmanager
def _start_lock(home: Path) -> Iterator[None]:
    with open(home / "pgserver.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def ensure_running(home: Path) -> str:
    """Start the embedded server if it is not running and return its URL (a Unix socket, no TCP port)."""
    import pgserver  # imported late: it is only needed without DATABASE_URL

    pgdata = data_dir(home)
    pgdata.mkdir(parents=True, exist_ok=True)
    with _start_lock(home):
        server = pgserver.get_server(pgdata, cleanup_mode=None)
        return server.get_uri()


def is_running(home: Path) -> bool:
    if not (data_dir(home) / "postmaster.pid").exists():
        return False
    try:
        _pg_ctl(home, "status")
    except subprocess.CalledProcessError:
        return False
    return True


def stop(home: Path) -> bool:
    """Stop the embedded server; return False when it was not running."""
    with _start_lock(home):
        if not is_running(home):
            return False
        _pg_ctl(home, "stop", "-m", "fast", "-w")
        # pgserver's list of processes holding the server would otherwise name processes that are gone.
        (data_dir(home) / ".handle_pids.json").unlink(missing_ok=True)
        return True


def _pg_ctl(home: Path, *args: str) -> str:
    from pgserver._commands import pg_ctl

    # As root, pgserver runs the server as the unprivileged user `pgserver`; pg_ctl must run as that user too.
    user = "pgserver" if os.geteuid() == 0 else None
    return pg_ctl(list(args), pgdata=data_dir(home), user=user, timeout=60)
