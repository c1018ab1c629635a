"""`python -m ganpo_crawlers.replica`: serve the three replicas in the foreground and print their URLs."""

from __future__ import annotations

import argparse
import signal
import threading

from .manifest import HOSTS
from .server import DEFAULT_FLAKY_FAILURES, DEFAULT_SLOW_SECONDS, start_replicas


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ganpo_crawlers.replica", description=__doc__)
    parser.add_argument("--bind", default="127.0.0.1")
    parser.add_argument("--slow-seconds", type=float, default=DEFAULT_SLOW_SECONDS,
                        help="how long the declared slow page sleeps (default %(default)s)")
    parser.add_argument("--flaky-failures", type=int, default=DEFAULT_FLAKY_FAILURES,
                        help="500s the declared flaky page answers before 200 (default %(default)s)")
    for host in HOSTS:
        parser.add_argument(f"--port-{host.split('.')[1]}", type=int, default=0, metavar="PORT",
                            help=f"port for {host} (default: any free port)")
    args = parser.parse_args(argv)
    ports = {host: getattr(args, f"port_{host.split('.')[1]}") for host in HOSTS}
    replicas = start_replicas(args.slow_seconds, args.flaky_failures, args.bind, ports)
    # One HOST=BASE_URL per line: the form `run_crawl --site` takes.
    for host, url in replicas.urls.items():
        print(f"{host}={url}", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        stop.wait()
    except KeyboardInterrupt:
        pass
    finally:
        replicas.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
