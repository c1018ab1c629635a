"""What archived records mean for stored pages: new, changed, unchanged, recorded or failed, and the counters."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ganpo_crawlers.archive import content_hash
from pipelines.domain.fetch_outcomes import KnownPage, classify


@dataclass
class Record:
    url: str
    record_type: str = "response"
    http_status: int | None = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    fetched_at: str = "2024-05-17T00:00:00Z"
    archive_offset: int = 0
    page_kind: str = "article"
    profile: str | None = "srxww_new"
    meta: dict[str, Any] = field(default_factory=dict)
    reason: str | None = None
    selector: str | None = None


def test_first_sight_is_new_same_bytes_unchanged_other_bytes_changed() -> None:
    known = {
        "http://a/same": KnownPage(None, None, content_hash(b"same"), True),
        "http://a/edit": KnownPage(None, None, content_hash(b"old"), True),
    }
    records = [
        Record("http://a/new", body=b"x"),
        Record("http://a/same", body=b"same"),
        Record("http://a/edit", body=b"new"),
    ]
    outcomes, drift, tally = classify(records, known)
    assert {o.record.url: o.outcome for o in outcomes} == {
        "http://a/new": "new",
        "http://a/same": "unchanged",
        "http://a/edit": "changed",
    }
    assert (tally.pages_new, tally.pages_unchanged, tally.pages_changed, tally.responses_2xx) == (1, 1, 1, 3)
    assert tally.bytes_received == len(b"x") + len(b"same") + len(b"new") and drift == []


def test_304_is_unchanged_only_when_a_body_is_stored() -> None:
    known = {"http://a/kept": KnownPage('"e"', None, "h", True)}
    records = [Record("http://a/kept", http_status=304), Record("http://a/lost", http_status=304)]
    outcomes, _, tally = classify(records, known)
    assert [o.outcome for o in outcomes] == ["unchanged", "failed"]
    assert tally.not_modified == 2 and tally.pages_failed == 1


def test_failures_keep_their_reason_and_the_last_record_for_a_url_wins() -> None:
    records = [
        Record("http://a/flaky", http_status=500),
        Record("http://a/flaky", http_status=200, body=b"ok"),  # retried and succeeded
        Record("http://a/gone", http_status=404),
        Record("http://a/slow", record_type="failure", http_status=None, reason="timeout"),
        Record("http://a/soft", page_kind="missing", reason="soft_404"),
        Record("http://a/robots.txt", http_status=404, page_kind="other"),
        Record("http://a/old", http_status=301, page_kind="article"),
        Record("http://a/front", record_type="drift", selector="layouts", http_status=None),
        Record("http://a/node_2.htm", record_type="failure", http_status=404, page_kind="front", reason="no_edition"),
    ]
    outcomes, drift, tally = classify(records, {})
    by_url = {o.record.url: (o.outcome, o.reason) for o in outcomes}
    assert by_url["http://a/flaky"] == ("new", None)
    assert by_url["http://a/gone"] == ("failed", "HTTP 404")
    assert by_url["http://a/slow"] == ("failed", "timeout")
    assert by_url["http://a/soft"] == ("failed", "soft_404")
    assert by_url["http://a/robots.txt"][0] == "recorded"
    assert by_url["http://a/old"][0] == "recorded"
    assert by_url["http://a/node_2.htm"][0] == "recorded"  # no edition that day: not a lost page
    assert [d.selector for d in drift] == ["layouts"] and tally.drift_events == 1
    assert tally.pages_failed == 3 and tally.responses_5xx == 1 and tally.responses_4xx == 2
    assert tally.failure_reasons == {"HTTP 404": 1, "timeout": 1, "soft_404": 1}
