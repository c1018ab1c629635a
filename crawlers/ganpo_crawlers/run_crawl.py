"""Run ONE crawl (one paper, one edition date) in this process: the subprocess Dagster launches.

    python -m ganpo_crawlers.run_crawl --paper {shangrao|gannan} --date YYYY-MM-DD --archive OUT.warc.gz
           [--known KNOWN.json] [--refetch] [--site HOST=BASE_URL ...] [--summary SUMMARY.json]
           [--set SCRAPY_SETTING=VALUE ...]

Twisted's reactor starts once per process, hence one crawl per process. Launched through Dagster Pipes
(`PipesSubprocessClient`), the counters are reported as the asset materialization's metadata; run by
hand, they are printed and written to --summary. Exit code 0 when the crawl ran (even with failed pages),
2 on bad arguments, 1 when it could not run at all.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

PAPERS = ("shangrao", "gannan")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m ganpo_crawlers.run_crawl", description=__doc__.split("\n\n")[0])
    p.add_argument("--paper", required=True, choices=PAPERS)
    p.add_argument("--date", required=True, type=date.fromisoformat, help="edition date YYYY-MM-DD")
    p.add_argument("--archive", required=True, type=Path, help="gzip WARC to write (appended to if present)")
    p.add_argument("--known", type=Path, help="JSON {url: {etag, last_modified, content_hash}} of stored pages")
    p.add_argument("--refetch", action="store_true", help="fetch every page in full, ignoring --known")
    p.add_argument("--site", action="append", default=[], metavar="HOST=BASE_URL",
                   help="fetch HOST from BASE_URL instead (a replica); repeatable")
    p.add_argument("--summary", type=Path, help="write the counters here (JSON)")
    p.add_argument("--set", action="append", default=[], metavar="NAME=VALUE", dest="settings",
                   help="override a Scrapy setting (e.g. DOWNLOAD_TIMEOUT=2); repeatable")
    return p


def _setting_value(raw: str) -> Any:
    # JSON where it parses (numbers, booleans, lists), the plain string otherwise.
    try:
        return json.loads(raw)
    except ValueError:
        return raw


def run(args: argparse.Namespace) -> dict[str, Any]:
    """Run the crawl; returns the summary (also written to --summary)."""
    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.project import get_project_settings

    from ganpo_crawlers.profiles import parse_sites

    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "ganpo_crawlers.settings")
    sites = parse_sites(args.site)
    settings = get_project_settings()
    if sites:
        settings.setdict(settings.getdict("REPLICA_OVERRIDES"), priority="cmdline")
    settings.set("GANPO_SITES", ",".join(f"{h}={b}" for h, b in sites.items()), priority="cmdline")
    settings.set("GANPO_ARCHIVE", str(args.archive), priority="cmdline")
    settings.set("GANPO_KNOWN", str(args.known) if args.known else "", priority="cmdline")
    settings.set("GANPO_REFETCH", bool(args.refetch), priority="cmdline")
    for item in args.settings:
        name, sep, value = item.partition("=")
        if not sep:
            raise ValueError(f"--set expects NAME=VALUE, got {item!r}")
        settings.set(name.strip(), _setting_value(value), priority="cmdline")

    started = datetime.now(UTC)
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(args.paper)
    process.crawl(crawler, date=args.date.isoformat())
    process.start()

    spider = getattr(crawler, "spider", None)
    ctx = getattr(spider, "ctx", None)
    try:
        stats = crawler.stats.get_stats()
    except RuntimeError:  # the crawl never started
        stats = {}
    counters = ctx.counters() if ctx is not None else {}
    summary: dict[str, Any] = {
        "paper": args.paper,
        "date": args.date.isoformat(),
        "archive": str(args.archive),
        "profiles": [p.name for p in ctx.profiles] if ctx is not None else [],
        "sites": sites,
        "refetch": bool(args.refetch),
        "started_at": started.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "finished_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "finish_reason": stats.get("finish_reason"),
        "retries": int(stats.get("retry/count", 0)),
        "counters": counters,
    }
    if args.summary:
        args.summary.parent.mkdir(parents=True, exist_ok=True)
        args.summary.write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
    if ctx is None:
        raise RuntimeError("the spider did not start (see the log above)")
    return summary


def _report_to_dagster(pipes: Any, summary: dict[str, Any]) -> None:
    metadata: dict[str, Any] = {k: int(v) for k, v in summary["counters"].items()}
    metadata.update(
        {
            "archive": summary["archive"],
            "profiles": ",".join(summary["profiles"]),
            "finish_reason": str(summary["finish_reason"]),
        }
    )
    pipes.report_asset_materialization(metadata=metadata)
    pipes.report_custom_message(summary)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from dagster_pipes import PipesEnvVarParamsLoader, open_dagster_pipes

    # Launched by Dagster's PipesSubprocessClient (DAGSTER_PIPES_CONTEXT set) or run by hand.
    if PipesEnvVarParamsLoader().is_dagster_pipes_process():
        with open_dagster_pipes() as pipes:
            pipes.log.info(f"crawl {args.paper} {args.date} → {args.archive}")
            summary = run(args)
            _report_to_dagster(pipes, summary)
        return 0
    try:
        summary = run(args)
    except Exception as exc:  # noqa: BLE001 - the crawl could not run at all: say why, non-zero exit
        logging.getLogger(__name__).exception("crawl failed to run")
        print(f"run_crawl: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(summary["counters"], sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
