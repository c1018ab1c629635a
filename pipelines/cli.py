"""The `ganpo` command: parse arguments, call the domain, the store or Dagster, print."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import warnings
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import psycopg

from pipelines.domain.papers import HOME_CITIES, PAPERS, TIMEZONE, Partition

log = logging.getLogger("ganpo")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def yesterday_in_beijing() -> date:
    return datetime.now(ZoneInfo(TIMEZONE)).date() - timedelta(days=1)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ganpo",
        description="Crawl 上饶日报 and 赣南日报, clean and deduplicate the articles, extract economic "
        "indicators into PostgreSQL, with Dagster as the orchestrator.",
        epilog="Database: DATABASE_URL when set, else an embedded PostgreSQL under $GANPO_HOME (default ./.ganpo).",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = sub.add_parser(
        "run",
        help="crawl and ingest partitions through Dagster",
        description="Materialize (date, paper) partitions through Dagster: crawl, clean, extract. One Dagster "
        "run per partition; ends with a summary per partition.",
    )
    when = run.add_mutually_exclusive_group()
    when.add_argument("--date", type=_date, help="edition date (default: yesterday, Asia/Shanghai)")
    when.add_argument("--from", dest="date_from", type=_date, help="first edition date of a range")
    run.add_argument("--to", dest="date_to", type=_date, help="last edition date of a range (with --from)")
    run.add_argument("--paper", choices=PAPERS, help="one paper (default: both)")
    run.add_argument(
        "--replica", action="store_true", help="crawl the bundled local replica of the sites (rows: source=replica)"
    )
    run.add_argument("--refetch", action="store_true", help="fetch every page again, ignoring what is stored")
    run.add_argument("--json", action="store_true", help="print the summary as one JSON object")

    dbp = sub.add_parser("db", help="the database: migrate, status, url, stop")
    dbsub = dbp.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    dbsub.add_parser("migrate", help="apply pending migrations in sql/ (refuses if an applied one changed)")
    dbsub.add_parser("status", help="where the database is, which migrations are applied, row counts")
    dbsub.add_parser("url", help="print a URL for psql or a BI tool")
    dbsub.add_parser("stop", help="stop the embedded PostgreSQL server")
    docs = dbsub.add_parser("docs", help="write the mart's data dictionary (from its COMMENTs) to a file")
    docs.add_argument("--output", type=Path, default=Path("docs/data-dictionary.md"), help="default: %(default)s")

    ext = sub.add_parser(
        "extract",
        help="print the economic figures of a plain-text article as JSON lines",
        description="Print the figures found in a UTF-8 plain-text article, one JSON object per line, following "
        "the indicator contract (offsets index the file's text as read).",
    )
    ext.add_argument("file", type=Path, help="plain-text article (UTF-8)")
    ext.add_argument("--published", type=_date, required=True, help="publication date, resolves 今年/去年/上半年…")
    ext.add_argument(
        "--paper", choices=PAPERS, help="the paper it ran in: 全市/我市 then mean its city when the text names none"
    )

    dedup = sub.add_parser(
        "dedup",
        help="cluster duplicate articles of a JSON-lines file",
        description='Read lines {"id", "text", "published", "paper"} (optionally "origin": epaper|web) and print '
        'one line per input {"id", "cluster", "canonical"}: the same code as the Dagster asset.',
    )
    dedup.add_argument("file", type=Path, help="JSON lines, one article per line ('-' for standard input)")

    sites = sub.add_parser("sites", help="check the site profiles against the sites (or the replica)")
    sites_sub = sites.add_subparsers(dest="sites_command", required=True, metavar="ACTION")
    check = sites_sub.add_parser(
        "check",
        help="fetch one edition per profile and count what each selector matches",
        description="Fetch one edition per site profile and report, per selector, how many nodes matched: the "
        "tool for mending a profile (crawlers/ganpo_crawlers/profiles/*.toml) when a site changes. Without "
        "--live it checks the bundled replica.",
    )
    check.add_argument("--live", action="store_true", help="check the real sites instead of the replica")
    check.add_argument("--date", type=_date, help="edition date (default: each profile's sample date)")
    check.add_argument("--json", action="store_true", help="print the report as JSON")

    trace = sub.add_parser(
        "trace",
        help="print an indicator's lineage: sentence → article → raw page → crawl → Dagster run",
    )
    trace.add_argument("indicator_id", type=int, help="indicators.id")

    ui = sub.add_parser(
        "ui",
        help="start the Dagster UI and daemon (schedule, backfills) on 127.0.0.1",
        description="Start dagster-webserver and dagster-daemon on the shared instance; Ctrl-C stops both.",
    )
    ui.add_argument("--port", type=int, default=3000, help="port of the web UI (default 3000)")
    ui.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    ui.add_argument("--replica", action="store_true", help="runs launched from the UI crawl the local replica")

    return parser


def main(argv: list[str] | None = None) -> int:
    warnings.filterwarnings("ignore")
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = build_parser().parse_args(argv)
    handler = {
        "run": cmd_run,
        "db": cmd_db,
        "extract": cmd_extract,
        "trace": cmd_trace,
        "ui": cmd_ui,
        "sites": cmd_sites,
        "dedup": cmd_dedup,
    }[args.command]
    try:
        return handler(args)
    except KeyboardInterrupt:
        print("ganpo: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `ganpo … | head`
        return 0
    except psycopg.OperationalError as error:
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        print(
            f"ganpo: cannot reach the database ({first_line}); check DATABASE_URL or `ganpo db status`", file=sys.stderr
        )
        return 1


# --- run ------------------------------------------------------------------------------------------------


def partitions_for(args: argparse.Namespace) -> list[Partition]:
    if args.date_from:
        last = args.date_to or args.date_from
        if last < args.date_from:
            raise SystemExit("ganpo run: --to is before --from")
        days = [args.date_from + timedelta(days=i) for i in range((last - args.date_from).days + 1)]
    elif args.date_to:
        raise SystemExit("ganpo run: --to needs --from")
    else:
        days = [args.date or yesterday_in_beijing()]
    papers = [args.paper] if args.paper else list(PAPERS)
    return [Partition(day, paper) for day in days for paper in papers]


def cmd_run(args: argparse.Namespace) -> int:
    partitions = partitions_for(args)
    os.environ["GANPO_SOURCE"] = "replica" if args.replica else "live"
    os.environ["GANPO_REFETCH"] = "1" if args.refetch else "0"
    _migrate_quietly()

    import dagster as dg

    from pipelines.definitions import defs
    from pipelines.runner import PartitionResult, run_partitions

    def progress(i: int, n: int, part: Partition, result: PartitionResult | None) -> None:
        if result is None:
            print(f"[{i}/{n}] {part.edition_date} {part.paper}: running …", file=sys.stderr, flush=True)
        elif result.success:
            c = result.summary()
            print(
                f"[{i}/{n}] {part.edition_date} {part.paper}: {c['pages_fetched']} pages fetched, "
                f"{c['pages_unchanged']} unchanged, {c['pages_failed']} failed; {c['articles']} articles, "
                f"{c['indicators']} indicators (run {result.run_id})",
                file=sys.stderr,
                flush=True,
            )
        else:
            print(f"[{i}/{n}] {part.edition_date} {part.paper}: FAILED (run {result.run_id})", file=sys.stderr)

    with dg.DagsterInstance.get() as instance:
        results = run_partitions(defs.get_job_def("ingest"), instance, partitions, progress)

    summary = {"partitions": [r.summary() for r in results]}
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
    else:
        _print_table(summary["partitions"])
    failed = [r for r in results if not r.success]
    for r in failed:
        print(f"ganpo run: {r.edition_date} {r.paper}: {r.error}", file=sys.stderr)
    return 1 if failed else 0


def _print_table(rows: list[dict[str, object]]) -> None:
    columns = ["date", "paper", "pages_fetched", "pages_unchanged", "pages_failed", "articles", "indicators"]
    widths = [max(len(c), *(len(str(r[c])) for r in rows)) for c in columns]
    print("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)))
    for row in rows:
        print("  ".join(str(row[c]).ljust(w) for c, w in zip(columns, widths, strict=True)))


def _migrate_quietly() -> None:
    from pipelines.instance import prepare_environment
    from pipelines.store import db
    from pipelines.store.migrate import migrate

    prepare_environment()
    with db.connect(autocommit=True) as conn:
        applied = migrate(conn)
    for name in applied:
        print(f"applied {name}", file=sys.stderr)


# --- db -------------------------------------------------------------------------------------------------


def cmd_db(args: argparse.Namespace) -> int:
    from pipelines.paths import ganpo_home
    from pipelines.store import db, embedded
    from pipelines.store.migrate import MigrationError, migrate, status

    if args.db_command == "stop":
        if not db.using_embedded():
            print("DATABASE_URL is set: there is no embedded server to stop", file=sys.stderr)
            return 1
        stopped = embedded.stop(ganpo_home())
        print("stopped the embedded PostgreSQL" if stopped else "the embedded PostgreSQL was not running")
        return 0
    url = db.database_url()
    if args.db_command == "url":
        print(url)
        return 0
    with db.connect(url, autocommit=True) as conn:
        if args.db_command == "migrate":
            try:
                applied = migrate(conn)
            except MigrationError as error:
                print(f"ganpo db migrate: {error}", file=sys.stderr)
                return 1
            print("\n".join(f"applied {name}" for name in applied) or "nothing to apply: the schema is current")
            return 0
        if args.db_command == "docs":
            from pipelines.store.dictionary import data_dictionary

            migrate(conn)
            args.output.write_text(data_dictionary(conn), encoding="utf-8")
            print(f"wrote {args.output}")
            return 0
        from pipelines.store import repository

        where = f"embedded, {embedded.data_dir(ganpo_home())}" if db.using_embedded() else "DATABASE_URL"
        print(f"database: {db.redact(url)} ({where})")
        for m in status(conn):
            state = "CHANGED since applied" if m.changed else ("applied" if m.applied else "pending")
            print(f"  {m.version:04d} {m.description}: {state}")
        if all(m.applied for m in status(conn)):
            for name, count in repository.table_counts(conn).items():
                print(f"  {name}: {count} rows")
    return 0


# --- extract --------------------------------------------------------------------------------------------


def cmd_extract(args: argparse.Namespace) -> int:
    from pipelines.domain.indicators import EXTRACTOR_VERSION, extract

    try:
        text = args.file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        print(f"ganpo extract: cannot read {args.file}: {error}", file=sys.stderr)
        return 2
    try:
        found = extract(text, args.published, HOME_CITIES.get(args.paper or ""))
    except Exception as error:  # a bug of the rules: say so plainly, with what to report
        print(f"ganpo extract: the extraction rules (version {EXTRACTOR_VERSION}) failed on {args.file}: "
              f"{type(error).__name__}: {error}", file=sys.stderr)
        return 1
    for ind in found:
        print(json.dumps(ind.to_contract(), ensure_ascii=False))
    return 0


# --- ui -----------------------------------------------------------------------------------------------


def cmd_ui(args: argparse.Namespace) -> int:
    from pipelines.ui import serve

    os.environ["GANPO_SOURCE"] = "replica" if args.replica else "live"
    _migrate_quietly()
    return serve(args.host, args.port)


# --- dedup --------------------------------------------------------------------------------------------


def cmd_dedup(args: argparse.Namespace) -> int:
    from pipelines.domain.dedup import cluster_jsonl

    try:
        lines = sys.stdin.readlines() if str(args.file) == "-" else args.file.read_text(encoding="utf-8").splitlines()
        output = cluster_jsonl(lines)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        print(f"ganpo dedup: {args.file}: {error}", file=sys.stderr)
        return 2
    print("\n".join(output))
    return 0


# --- sites --------------------------------------------------------------------------------------------


def cmd_sites(args: argparse.Namespace) -> int:
    from contextlib import nullcontext

    from ganpo_crawlers.replica.server import serve_replicas
    from ganpo_crawlers.sitecheck import check_profiles, format_report, report_dict

    with nullcontext(None) if args.live else serve_replicas() as base_urls:
        checks = check_profiles(args.date, base_urls)
    print(json.dumps(report_dict(checks), ensure_ascii=False, indent=1) if args.json else format_report(checks))
    return 0 if all(c.ok for c in checks) else 1


# --- trace ----------------------------------------------------------------------------------------------


def cmd_trace(args: argparse.Namespace) -> int:
    from pipelines.store import db
    from pipelines.trace import format_lineage, lineage

    with db.connect() as conn:
        found = lineage(conn, args.indicator_id)
    if found is None:
        print(f"ganpo trace: no indicator with id {args.indicator_id}", file=sys.stderr)
        return 1
    print(format_lineage(found))
    return 0


if __name__ == "__main__":
    sys.exit(main())
