"""Item pipelines: failure and drift events go to the archive as `metadata` records; articles are counted.

The archive is the hand-over to the store: the Dagster side reads it (`archive.read_archive`). Nothing here
imports the `pipelines` package of the project (Scrapy and Dagster meet only through Pipes and Postgres).
"""

from __future__ import annotations

import logging
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from ganpo_crawlers.items import ArticleItem, DriftEvent, FailureEvent

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


class _CtxPipeline:
    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> _CtxPipeline:
        return cls(crawler)

    @property
    def ctx(self) -> Any:
        return getattr(self.crawler.spider, "ctx", None)


class ArchiveEventsPipeline(_CtxPipeline):
    def process_item(self, item: Any) -> Any:
        ctx = self.ctx
        if ctx is None or ctx.writer is None:
            return item
        if isinstance(item, FailureEvent):
            meta = {
                **item.meta,
                "page_kind": item.page_kind,
                "profile": item.profile,
                "http_status": item.http_status,
                "detail": item.detail or None,
                "paper": ctx.paper,
                "edition_date": ctx.day.isoformat(),
            }
            ctx.writer.write_failure(item.url, item.reason, meta)
            if item.reason == "no_edition":
                ctx.count("no_edition")
            elif item.reason == "soft_404":
                ctx.count("pages_missing")
            else:
                ctx.count("pages_failed")
            logger.info("failure %s %s (%s)", item.reason, item.url, item.detail)
        elif isinstance(item, DriftEvent):
            meta = {
                **item.meta,
                "page_kind": item.page_kind,
                "detail": item.detail or None,
                "paper": ctx.paper,
                "edition_date": ctx.day.isoformat(),
            }
            ctx.writer.write_drift(item.url, item.profile, item.selector, meta)
            ctx.count("drift_events")
            logger.warning("layout drift: %s matched nothing on %s (profile %s)", item.selector, item.url,
                           item.profile)
        return item


class ArticleStatsPipeline(_CtxPipeline):
    def process_item(self, item: Any) -> Any:
        ctx = self.ctx
        if ctx is not None and isinstance(item, ArticleItem):
            ctx.count("articles")
        return item


def item_dict(item: Any) -> dict[str, Any]:
    return asdict(item)
