"""Helpers for the crawl tests against the local replicas (subprocess `python -m ganpo_crawlers.run_crawl`)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ganpo_crawlers import parse
from ganpo_crawlers.archive import ArchivedRecord, read_archive
from ganpo_crawlers.profiles import load_profiles

# Short timeouts keep the suite quick; the slow replica page sleeps longer than this.
TEST_TIMEOUT = 2
SLOW_SECONDS = 4.0
FLAKY_FAILURES = 2


@dataclass
class CrawlResult:
    returncode: int
    summary: dict[str, Any]
    records: list[ArchivedRecord]
    stderr: str

    @property
    def counters(self) -> dict[str, int]:
        return self.summary["counters"]

    def responses(self, *kinds: str) -> list[ArchivedRecord]:
        return [r for r in self.records if r.record_type == "response" and (not kinds or r.page_kind in kinds)]

    def stored_articles(self) -> dict[str, ArchivedRecord]:
        """First pages of articles stored with status 200 (what downstream takes as articles)."""
        return {r.url: r for r in self.responses("article") if r.http_status == 200}

    def failures(self, reason: str | None = None) -> list[ArchivedRecord]:
        return [r for r in self.records if r.record_type == "failure" and (reason is None or r.reason == reason)]

    def drifts(self) -> list[ArchivedRecord]:
        return [r for r in self.records if r.record_type == "drift"]


def crawl_args(paper: str, day: date | str, archive: Path, sites: dict[str, str], *extra: str) -> list[str]:
    args = [sys.executable, "-m", "ganpo_crawlers.run_crawl", "--paper", paper, "--date", str(day),
            "--archive", str(archive), "--summary", str(archive.with_suffix(".summary.json"))]
    for host, base in sites.items():
        args += ["--site", f"{host}={base}"]
    args += ["--set", f"DOWNLOAD_TIMEOUT={TEST_TIMEOUT}", "--set", "RETRY_TIMES=2", "--set", "LOG_LEVEL=INFO"]
    return args + list(extra)


def run_crawl(paper: str, day: date | str, archive: Path, sites: dict[str, str], *extra: str,
              timeout: float = 120) -> CrawlResult:
    proc = subprocess.run(crawl_args(paper, day, archive, sites, *extra), capture_output=True, text=True,
                          timeout=timeout)
    summary_path = archive.with_suffix(".summary.json")
    summary = json.loads(summary_path.read_text(encoding="utf-8")) if summary_path.exists() else {}
    records = list(read_archive(archive)) if archive.exists() else []
    return CrawlResult(proc.returncode, summary, records, proc.stderr)


def parsed(record: ArchivedRecord) -> parse.ArticleFields:
    profile = load_profiles()[record.profile or ""]
    html = parse.decode_body(record.body, record.headers)
    return parse.parse_article(profile, record.url, html)


def joined_article(result: CrawlResult, first_url: str) -> parse.ArticleFields:
    """The article at first_url with its follow-on pages (archive meta part_of/part) joined in order."""
    first = result.stored_articles()[first_url]
    parts = sorted(
        (r for r in result.responses("article_part") if r.part_of == first_url and r.http_status == 200),
        key=lambda r: r.part or 0,
    )
    return parse.join_parts([parsed(first), *(parsed(p) for p in parts)])


def urls(items: Iterable[Any]) -> set[str]:
    return {i.url for i in items}
