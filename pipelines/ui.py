"""`ganpo ui`: dagster-webserver and dagster-daemon on the shared instance, stopped together."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

BIN = Path(sys.executable).parent
CODE_LOCATION = ["-m", "pipelines.definitions"]


def commands(host: str, port: int) -> dict[str, list[str]]:
    return {
        "dagster-webserver": [str(BIN / "dagster-webserver"), *CODE_LOCATION, "-h", host, "-p", str(port)],
        "dagster-daemon": [str(BIN / "dagster-daemon"), "run", *CODE_LOCATION],
    }


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def serve(host: str, port: int) -> int:
    """Run both until Ctrl-C (or SIGTERM) or until one of them exits; then stop the other."""
    # Started in the background by a shell, we inherit SIGINT as ignored (and so would our children): restore
    # it, so that Ctrl-C or `kill -INT` stops both cleanly.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    procs = {name: subprocess.Popen(cmd, preexec_fn=_default_sigint) for name, cmd in commands(host, port).items()}
    print(f"Dagster UI on http://{host}:{port} (daemon running: schedules and backfills). Ctrl-C stops both.")
    signal.signal(signal.SIGTERM, _interrupt)
    code = 0
    try:
        while all(p.poll() is None for p in procs.values()):
            time.sleep(0.5)
        exited = {n: p.returncode for n, p in procs.items() if p.returncode is not None}
        print(f"ganpo ui: {', '.join(f'{n} exited with {c}' for n, c in exited.items())}", file=sys.stderr)
        code = 1
    except KeyboardInterrupt:
        print("stopping dagster-webserver and dagster-daemon …", file=sys.stderr)
    finally:
        for proc in procs.values():
            if proc.poll() is None:
                proc.send_signal(signal.SIGINT)
        deadline = time.monotonic() + 20
        for proc in procs.values():
            try:
                proc.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    return code
