"""Downloader middlewares: the raw archive (every response written before any parsing), decoding, the
page classification that must precede parsing (soft 404, foreign source), conditional requests for known
pages, and retries with back-off."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

from scrapy import Request
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Response

from ganpo_crawlers.archive import content_hash
from ganpo_crawlers.parse import classify, decode_body_with_charset

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

    from ganpo_crawlers.context import CrawlContext

logger = logging.getLogger(__name__)

CONDITIONAL_KINDS = ("article", "article_part")


def _ctx(crawler: Crawler) -> CrawlContext | None:
    return getattr(crawler.spider, "ctx", None)


def header_pairs(response: Response) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for key, values in response.headers.items():
        name = key.decode("latin-1")
        for value in values:
            pairs.append((name, value.decode("latin-1")))
    return pairs


class ArchiveMiddleware:
    """Writes every response to the WARC as it arrives, before redirects, retries or the spider see it."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArchiveMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        ctx = _ctx(self.crawler)
        if ctx is None:
            return None
        ctx.count("requests")
        g = request.meta.get("ganpo")
        if not g or g.get("page_kind") not in CONDITIONAL_KINDS or ctx.refetch:
            return None
        entry = ctx.known.get(g.get("url", ""))
        if not entry:
            return None
        # Only ask the site for changes; a 304 costs it (and us) almost nothing.
        if entry.get("etag"):
            request.headers.setdefault("If-None-Match", entry["etag"])
        if entry.get("last_modified"):
            request.headers.setdefault("If-Modified-Since", entry["last_modified"])
        statuses = list(request.meta.get("handle_httpstatus_list", []))
        if 304 not in statuses:
            request.meta["handle_httpstatus_list"] = [*statuses, 304]
        return None

    def process_response(self, request: Request, response: Response) -> Response:
        ctx = _ctx(self.crawler)
        if ctx is None or ctx.writer is None:
            return response
        g: dict[str, Any] = dict(request.meta.get("ganpo") or {})
        requested_kind = g.get("page_kind", "other")
        canonical = ctx.sitemap.to_canonical(request.url)
        meta: dict[str, Any] = {
            **g,
            "url": canonical,
            "fetched_url": request.url,
            "page_kind": requested_kind,
            "requested_kind": requested_kind,
            "paper": ctx.paper,
            "edition_date": ctx.day.isoformat(),
        }
        redirects = request.meta.get("redirect_urls")
        if redirects:
            meta["redirected_from"] = [ctx.sitemap.to_canonical(u) for u in redirects]
        if request.meta.get("retry_times"):
            meta["retry_times"] = request.meta["retry_times"]

        body = response.body
        status = response.status
        if status == 200 and g:
            text, charset = decode_body_with_charset(body, dict(header_pairs(response)))
            request.meta["ganpo_text"] = text
            request.meta["ganpo_charset"] = charset
            meta["charset"] = charset
            profile = ctx.profile(g.get("profile"))
            if profile is not None:
                kind, reason = classify(profile, canonical, text, requested_kind)
                if kind != requested_kind:
                    meta["page_kind"] = kind
                    meta["classified"] = reason
                    request.meta["ganpo_page_kind"] = kind
                    request.meta["ganpo_classified"] = reason
        elif status in (404, 410) and requested_kind in CONDITIONAL_KINDS:
            meta["page_kind"] = "missing"

        if requested_kind in CONDITIONAL_KINDS and meta["page_kind"] in CONDITIONAL_KINDS:
            digest = content_hash(body) if status == 200 else None
            meta["content_hash"] = digest
            entry = ctx.known.get(canonical) or {}
            unchanged = status == 304 or (
                status == 200 and not ctx.refetch and digest is not None and digest == entry.get("content_hash")
            )
            if status in (200, 304):
                meta["unchanged"] = unchanged
                request.meta["ganpo_unchanged"] = unchanged
                ctx.count("pages_unchanged" if unchanged else "pages_new")
        elif meta["page_kind"] == "other" and requested_kind == "article":
            ctx.count("pages_other_source")

        ctx.writer.write_response(
            canonical, status, header_pairs(response), body, meta, reason_phrase=_reason(status)
        )
        ctx.count("responses")
        ctx.count(f"status_{status // 100}xx")
        if status == 304:
            ctx.count("not_modified")
        ctx.count("bytes", len(body))
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        # Not the final word (the retry middleware may try again); the spider's errback records failures.
        ctx = _ctx(self.crawler)
        if ctx is not None:
            ctx.count("download_errors")
        return None


def _reason(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


class BackoffRetryMiddleware(RetryMiddleware):
    """RetryMiddleware that waits GANPO_RETRY_BACKOFF[n] seconds before retry n (polite to a site in
    trouble; the stock middleware re-queues at once)."""

    def __init__(self, settings: Any):
        super().__init__(settings)
        self.backoff = [float(x) for x in settings.getlist("GANPO_RETRY_BACKOFF")] or [0.0]

    async def _wait(self, retry: Request) -> None:
        n = int(retry.meta.get("retry_times", 1))
        delay = self.backoff[min(n, len(self.backoff)) - 1]
        if delay > 0:
            await asyncio.sleep(delay)

    async def process_response(self, request: Request, response: Response) -> Request | Response:  # type: ignore[override]
        result = super().process_response(request, response)
        if isinstance(result, Request):
            await self._wait(result)
        return result

    async def process_exception(self, request: Request, exception: Exception) -> Request | Response | None:  # type: ignore[override]
        result = super().process_exception(request, exception)
        if isinstance(result, Request):
            await self._wait(result)
        return result
