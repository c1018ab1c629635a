"""Items the spiders yield (dataclasses, so they stay plain data and Scrapy-free)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class ArticleItem:
    """One article as parsed during the crawl (multi-page articles joined). The archive is the record of
    truth; this item feeds the counters and lets a caller see what the crawl found."""

    paper: str
    edition_date: str
    profile: str
    origin: str  # epaper | web
    url: str  # canonical (live-site) URL of the first page
    layout_no: str | None = None
    layout_name: str | None = None
    # Every layout the article is linked from (the same article can sit in two layouts).
    layouts: list[dict[str, str | None]] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)
    unchanged: bool = False
    fields: dict[str, Any] = field(default_factory=dict)


@dataclass
class DriftEvent:
    """An edition exists but a selector matched nothing (or an article page gave no body)."""

    url: str
    profile: str
    selector: str
    page_kind: str
    detail: str = ""
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class FailureEvent:
    """A page that finally failed: timeout, dns, size_cap, http_4xx/5xx after retries, soft_404, …"""

    url: str
    reason: str
    page_kind: str
    profile: str | None = None
    http_status: int | None = None
    detail: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
