"""What each archived crawl record means for the stored pages: new, changed, unchanged or failed.

Pure: takes the records a crawl archived and what was stored before, returns one outcome per URL plus the
crawl's counters. The store applies the outcomes in one transaction.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from ganpo_crawlers.archive import content_hash

Outcome = Literal["new", "changed", "unchanged", "recorded", "failed"]
# The crawler's failure reason for an edition front page that does not answer 200.
NO_EDITION = "no_edition"


class ArchivedRecordLike(Protocol):
    url: str
    record_type: str
    http_status: int | None
    headers: Mapping[str, str]
    body: bytes
    fetched_at: str  # ISO 8601, the WARC-Date
    archive_offset: int
    page_kind: str
    profile: str | None
    meta: Mapping[str, Any]
    reason: str | None
    selector: str | None


@dataclass(frozen=True)
class KnownPage:
    etag: str | None
    last_modified: str | None
    content_hash: str | None
    has_body: bool


@dataclass(frozen=True)
class PageOutcome:
    outcome: Outcome
    record: ArchivedRecordLike
    content_hash: str | None = None
    reason: str | None = None


@dataclass
class CrawlTally:
    """The counters of one crawl, as stored in crawl_runs and shown in Dagster and `ganpo run`."""

    requests: int = 0
    responses_2xx: int = 0
    responses_3xx: int = 0
    responses_4xx: int = 0
    responses_5xx: int = 0
    not_modified: int = 0
    pages_new: int = 0
    pages_changed: int = 0
    pages_unchanged: int = 0
    pages_failed: int = 0
    drift_events: int = 0
    bytes_received: int = 0
    failure_reasons: Counter[str] = field(default_factory=Counter)

    def as_row(self) -> dict[str, int]:
        return {k: v for k, v in vars(self).items() if isinstance(v, int)}


def classify(
    records: Iterable[ArchivedRecordLike], known: Mapping[str, KnownPage]
) -> tuple[list[PageOutcome], list[ArchivedRecordLike], CrawlTally]:
    """Outcomes per URL (the last record for a URL wins), drift records, and the counters."""
    tally = CrawlTally()
    by_url: dict[str, PageOutcome] = {}
    drift: list[ArchivedRecordLike] = []
    for record in records:
        if record.record_type == "drift":
            drift.append(record)
            continue
        tally.requests += 1
        if record.record_type == "failure":
            # A day without an edition (the front page does not answer 200) is news, not a lost page.
            outcome = "recorded" if record.reason == NO_EDITION else "failed"
            by_url[record.url] = PageOutcome(outcome, record, reason=record.reason or "failed")
            continue
        status = record.http_status or 0
        tally.bytes_received += len(record.body)
        if 200 <= status < 300:
            tally.responses_2xx += 1
        elif status == 304:
            tally.responses_3xx += 1
            tally.not_modified += 1
        elif 300 <= status < 400:
            tally.responses_3xx += 1
        elif 400 <= status < 500:
            tally.responses_4xx += 1
        elif status >= 500:
            tally.responses_5xx += 1
        by_url[record.url] = _response_outcome(record, known.get(record.url))
    for outcome in by_url.values():
        if outcome.outcome == "new":
            tally.pages_new += 1
        elif outcome.outcome == "changed":
            tally.pages_changed += 1
        elif outcome.outcome == "unchanged":
            tally.pages_unchanged += 1
        elif outcome.outcome == "failed":
            tally.pages_failed += 1
            tally.failure_reasons[outcome.reason or "failed"] += 1
    tally.drift_events = len(drift)
    return list(by_url.values()), drift, tally


def _response_outcome(record: ArchivedRecordLike, known: KnownPage | None) -> PageOutcome:
    status = record.http_status or 0
    if status == 304:
        if known is None or not known.has_body:
            return PageOutcome("failed", record, reason="304 Not Modified for a page with no stored body")
        return PageOutcome("unchanged", record, content_hash=known.content_hash)
    if 300 <= status < 400:
        # Kept as a row (every URL seen is), but the page itself is the redirect's target.
        return PageOutcome("recorded", record, reason=None)
    if record.page_kind == "other" and 400 <= status < 500:
        # Not edition content (robots.txt): a 404 there means "no rules", not a lost page.
        return PageOutcome("recorded", record, reason=None)
    if status >= 400 or status == 0:
        return PageOutcome("failed", record, reason=record.reason or f"HTTP {status}")
    if record.page_kind == "missing":
        return PageOutcome("failed", record, reason=record.reason or "page missing (soft 404)")
    digest = content_hash(record.body)
    if known is None or not known.has_body:
        return PageOutcome("new", record, content_hash=digest)
    if known.content_hash == digest:
        return PageOutcome("unchanged", record, content_hash=digest)
    return PageOutcome("changed", record, content_hash=digest)
