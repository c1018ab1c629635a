"""`ganpo ui --replica` as a subprocess for the end-to-end tests: start it, talk GraphQL to it, stop it.

The UI runs in a session of its own, so every process it starts (dagster-webserver, dagster-daemon, their
code servers, the run workers) can be found afterwards by session id, and none may outlive a stop.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

GANPO = [sys.executable, "-m", "pipelines.cli"]
LOCATION = "pipelines.definitions"  # the code location `ganpo ui` loads with `-m pipelines.definitions`
REPOSITORY = "__repository__"  # the name Dagster gives the repository of a `Definitions` object


class GraphQLError(AssertionError):
    pass


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def session_processes(sid: int) -> dict[int, str]:
    """pid → command line of the live processes of session `sid` (zombies excluded)."""
    found: dict[int, str] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
        except OSError:
            continue
        # Fields after the parenthesised command name: state ppid pgrp session …
        state, _ppid, _pgrp, session = stat.rsplit(")", 1)[1].split()[:4]
        if int(session) == sid and state != "Z":
            found[int(entry.name)] = cmdline
    return found


@dataclass
class UiServer:
    port: int
    proc: subprocess.Popen[bytes]
    log_path: Path
    stopped: bool = field(default=False)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def graphql(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        body = json.dumps({"query": query, "variables": variables or {}}).encode()
        request = urllib.request.Request(f"{self.url}/graphql", body, {"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            answer = json.loads(response.read())
        if answer.get("errors"):
            raise GraphQLError(json.dumps(answer["errors"], indent=1))
        return answer["data"]

    def wait_ready(self, timeout: float = 180) -> None:
        """Until /server_info answers and the code location has loaded (its repository is listed)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"ganpo ui exited with {self.proc.returncode}:\n{self.log()}")
            try:
                with urllib.request.urlopen(f"{self.url}/server_info", timeout=5) as response:
                    info = json.loads(response.read())
                repos = self.graphql("{ repositoriesOrError { ... on RepositoryConnection { nodes { name } } } }")
                if info.get("dagster_webserver_version") and repos["repositoriesOrError"].get("nodes"):
                    return
            except (urllib.error.URLError, ConnectionError, TimeoutError, GraphQLError):
                pass
            time.sleep(1)
        raise AssertionError(f"ganpo ui did not answer on {self.url} within {timeout:.0f} s:\n{self.log()}")

    def stop(self, timeout: float = 30) -> float:
        """Ctrl-C (SIGINT to `ganpo ui` only) and wait; the seconds until it and its whole session had exited.

        Raises AssertionError when something is still running after `timeout` (and then kills it)."""
        self.stopped = True
        started = time.monotonic()
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            pass
        while session_processes(self.proc.pid) and time.monotonic() - started < timeout:
            time.sleep(0.2)
        elapsed = time.monotonic() - started
        left = session_processes(self.proc.pid)
        if self.proc.poll() is None or left:
            self.kill()
            raise AssertionError(
                f"ganpo ui (pid {self.proc.pid}, exit {self.proc.returncode}) still had processes {timeout:.0f} s "
                f"after SIGINT: {left}\n{self.log()}"
            )
        return elapsed

    def kill(self) -> None:
        """SIGKILL to every process of the UI's session (they are all ours: the session began with it)."""
        for pid in session_processes(self.proc.pid):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        if self.proc.poll() is None:
            self.proc.wait(timeout=10)


def _interruptible() -> None:
    """In the child before exec: SIGINT back to its default, as an interactive shell gives a command.

    A pytest started in the background of a script inherits SIGINT ignored, and an ignored signal stays
    ignored across exec: `ganpo ui` (and what it starts) would then never see the test's Ctrl-C."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start_ui(workdir: Path, *extra: str) -> UiServer:
    """`ganpo ui --replica --port <free>` with this process's environment (DATABASE_URL, GANPO_HOME), ready."""
    port = free_port()
    log_path = workdir / f"ganpo-ui-{port}.log"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            [*GANPO, "ui", "--replica", "--port", str(port), *extra],
            cwd=workdir,
            env=os.environ.copy(),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=_interruptible,
        )
    server = UiServer(port, proc, log_path)
    try:
        server.wait_ready()
    except BaseException:
        server.kill()
        raise
    return server
