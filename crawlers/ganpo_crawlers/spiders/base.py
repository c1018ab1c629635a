"""The profile-driven spider both papers share: Founder e-paper editions and newskj column lists.

Thin on purpose: URLs come from the profiles, fields from `parse.py`, archiving and decoding happen in the
downloader middlewares. What lives here is the crawl's order (edition → layouts → articles; list → list
pages → articles → follow-on pages) and the bookkeeping that needs it.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import scrapy
from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.http import Response
from scrapy.settings import BaseSettings
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet import error as twisted_error
from twisted.python.failure import Failure

from ganpo_crawlers import parse
from ganpo_crawlers.context import CrawlContext, load_known
from ganpo_crawlers.items import ArticleItem, DriftEvent, FailureEvent
from ganpo_crawlers.profiles import Profile, parse_sites

logger = logging.getLogger(__name__)


def failure_reason(failure: Failure) -> tuple[str, int | None, str]:
    """(reason, http status, detail) of a final failure, in the archive's vocabulary."""
    exc = failure.value
    if isinstance(exc, HttpError):
        status = exc.response.status
        return f"http_{status}", status, ""
    detail = str(exc)[:300]
    if isinstance(exc, DownloadTimeoutError | twisted_error.TimeoutError | twisted_error.TCPTimedOutError):
        return "timeout", None, detail
    if isinstance(exc, CannotResolveHostError | twisted_error.DNSLookupError):
        return "dns", None, detail
    if isinstance(exc, DownloadCancelledError):
        return "size_cap", None, detail
    if isinstance(exc, DownloadConnectionRefusedError | twisted_error.ConnectionRefusedError):
        return "connection_refused", None, detail
    if isinstance(exc, ResponseDataLossError):
        return "data_loss", None, detail
    if isinstance(exc, IgnoreRequest):
        return ("robots" if "robots" in detail.lower() else "ignored"), None, detail
    return type(exc).__name__, None, detail


@dataclass
class Edition:
    """One Founder edition being crawled: layouts still open, article links gathered so far."""

    profile: Profile
    front_url: str
    pending_layouts: set[str] = field(default_factory=set)
    articles: dict[str, list[dict[str, str | None]]] = field(default_factory=dict)
    flushed: bool = False


@dataclass
class MultiPage:
    first: parse.ArticleFields
    meta: dict[str, Any]
    pending: set[str] = field(default_factory=set)
    pages: dict[int, parse.ArticleFields] = field(default_factory=dict)
    unchanged: bool = True


class GanpoSpider(scrapy.Spider):
    """Subclasses set `name` and `paper`; `-a date=YYYY-MM-DD` picks the profiles."""

    paper = ""
    custom_settings: dict[str, Any] = {}

    def __init__(
        self,
        date: str | None = None,
        archive: str | None = None,
        known: str | None = None,
        refetch: str | bool | None = None,
        site: str | list[str] | None = None,
        **kwargs: Any,
    ):
        super().__init__(**kwargs)
        if not date:
            raise ValueError(f"spider {self.name} needs -a date=YYYY-MM-DD")
        self.day = _parse_date(date)
        self._args = {"archive": archive, "known": known, "refetch": refetch, "site": site}
        self.ctx: CrawlContext  # set in from_crawler, once the crawler's settings and stats exist
        self.editions: dict[str, Edition] = {}
        self.multipage: dict[str, MultiPage] = {}

    @classmethod
    def update_settings(cls, settings: BaseSettings) -> None:
        super().update_settings(settings)
        if settings.get("GANPO_SITES"):
            # A replica run: no politeness delay (the brief's replica runs may skip it).
            settings.setdict(settings.getdict("REPLICA_OVERRIDES"), priority="spider")

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> GanpoSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        site_arg = spider._args["site"] or settings.get("GANPO_SITES") or ""
        items = site_arg if isinstance(site_arg, list) else [s for s in str(site_arg).split(",") if s.strip()]
        refetch = spider._args["refetch"]
        refetch_flag = (
            settings.getbool("GANPO_REFETCH")
            if refetch is None
            else str(refetch).lower() in ("1", "true", "yes", "on")
        )
        archive = spider._args["archive"] or settings.get("GANPO_ARCHIVE") or str(
            Path.cwd() / f"ganpo-{cls.paper}-{spider.day.isoformat()}.warc.gz"
        )
        spider.ctx = CrawlContext(
            paper=cls.paper,
            day=spider.day,
            archive_path=archive,
            sites=parse_sites(items),
            known=load_known(spider._args["known"] or settings.get("GANPO_KNOWN")),
            refetch=refetch_flag,
        )
        spider.max_list_pages = settings.getint("GANPO_MAX_LIST_PAGES", 30)
        # Offsite filter: the profiles' live hosts plus the replica hosts they are mapped to.
        spider.allowed_domains = sorted(
            {p.host for p in spider.ctx.profiles} | spider.ctx.sitemap.fetch_hosts()
        )
        spider.ctx.open()
        crawler.signals.connect(spider._closed, signal=signals.spider_closed)
        return spider

    def _closed(self, spider: scrapy.Spider, reason: str) -> None:
        self.ctx.copy_to_stats(self.crawler.stats)
        self.ctx.close()

    # -- requests ----------------------------------------------------------------------------------------

    def page(self, url: str, page_kind: str, profile: Profile, callback: Any, errback: Any = None,
             dont_filter: bool = False, **meta: Any) -> Request:
        """A request for a live URL (fetched from the replica when mapped), carrying the archive meta."""
        canonical = self.ctx.sitemap.to_canonical(url)
        g = {
            "url": canonical,
            "page_kind": page_kind,
            "profile": profile.name,
            "origin": profile.origin,
            **{k: v for k, v in meta.items() if v is not None},
        }
        return Request(
            self.ctx.sitemap.to_fetch(canonical),
            callback=callback,
            errback=errback or self.on_error,
            meta={"ganpo": g},
            dont_filter=dont_filter,
        )

    async def start(self) -> AsyncIterator[Any]:
        if not self.ctx.profiles:
            logger.warning("no profile of %s covers %s", self.paper, self.day)
        for profile in self.ctx.profiles:
            if profile.kind == "founder":
                front = profile.url("front", self.day)
                self.editions[profile.name] = Edition(profile, front)
                yield self.page(front, "front", profile, self.parse_layout, self.on_front_error)
            else:
                for column in profile.columns:
                    url = profile.url("column", self.day, column=column)
                    yield self.page(url, "list", profile, self.parse_list, column=column, list_page=1)

    # -- helpers -----------------------------------------------------------------------------------------

    def _g(self, response: Response) -> tuple[dict[str, Any], Profile, str, str]:
        g = response.meta["ganpo"]
        profile = self.ctx.profile(g["profile"])
        assert profile is not None
        return g, profile, g["url"], response.meta.get("ganpo_text", "")

    def _links(self, links: list[parse.Link]) -> list[parse.Link]:
        for link in links:
            link.url = self.ctx.sitemap.to_canonical(link.url)
        return links

    def drift(self, url: str, profile: Profile, selector: str, page_kind: str, detail: str = "",
              **meta: Any) -> DriftEvent:
        return DriftEvent(url, profile.name, selector, page_kind, detail, meta)

    def on_error(self, failure: Failure) -> Iterator[Any]:
        request = failure.request
        g = request.meta.get("ganpo", {})
        reason, status, detail = failure_reason(failure)
        yield FailureEvent(
            url=g.get("url", request.url),
            reason=reason,
            page_kind=g.get("page_kind", "other"),
            profile=g.get("profile"),
            http_status=status,
            detail=detail,
            meta={k: v for k, v in g.items() if k not in ("url", "page_kind", "profile")},
        )
        kind = g.get("page_kind")
        profile = self.ctx.profile(g.get("profile"))
        if kind == "layout" and profile is not None:
            yield from self._layout_done(profile, g["url"])
        elif kind == "article_part" and g.get("part_of") in self.multipage:
            yield from self._part_done(g["part_of"], g["url"], None)

    # -- Founder e-paper ---------------------------------------------------------------------------------

    def on_front_error(self, failure: Failure) -> Iterator[Any]:
        """No front page: no edition that day (H), unless the e-paper root points to this date's edition."""
        request = failure.request
        g = request.meta["ganpo"]
        profile = self.ctx.profile(g["profile"])
        reason, status, detail = failure_reason(failure)
        assert profile is not None
        if "root" in profile.urls and not g.get("via_root") and isinstance(failure.value, HttpError):
            # Not a failure yet: the front node's own response (status and all) is in the archive already.
            yield self.page(profile.url("root", self.day), "other", profile, self.parse_root,
                            self.on_no_edition, via_root=True)
            return
        no_edition = isinstance(failure.value, HttpError)
        yield FailureEvent(g["url"], "no_edition" if no_edition else reason, "front", profile.name, status,
                           detail, {"origin": profile.origin})

    def on_no_edition(self, failure: Failure) -> Iterator[Any]:
        g = failure.request.meta["ganpo"]
        reason, status, detail = failure_reason(failure)
        yield FailureEvent(g["url"], reason, "other", g["profile"], status, detail)
        yield FailureEvent(self.editions[g["profile"]].front_url, "no_edition", "front", g["profile"], None,
                           "root did not answer either")

    def parse_root(self, response: Response) -> Iterator[Any]:
        g, profile, url, html = self._g(response)
        target = parse.meta_refresh_url(html, url)
        target = self.ctx.sitemap.to_canonical(target) if target else None
        edition = self.editions[profile.name]
        if target and profile.date_from_url(target) == self.day:
            edition.front_url = target
            yield self.page(target, "front", profile, self.parse_layout, self.on_front_error, via_root=True)
            return
        if target is None:
            yield self.drift(url, profile, "root_refresh", "other", "no meta refresh on the e-paper root")
        yield FailureEvent(edition.front_url, "no_edition", "front", profile.name, None,
                           f"root points to {target}", {"origin": profile.origin})

    def parse_layout(self, response: Response) -> Iterator[Any]:
        g, profile, url, html = self._g(response)
        edition = self.editions[profile.name]
        page = parse.parse_layout_page(profile, url, html)
        self._links(page.layouts)
        self._links(page.articles)
        layout_no, layout_name = g.get("layout_no"), g.get("layout_name")
        if g["page_kind"] == "front":
            if not page.layouts:
                yield self.drift(url, profile, "layouts", "front", "edition page without layout list")
            for link in page.layouts:
                if link.url == url:
                    layout_no, layout_name = link.layout_no, link.layout_name
                    continue
                if link.url in edition.pending_layouts:
                    continue
                edition.pending_layouts.add(link.url)
                yield self.page(link.url, "layout", profile, self.parse_layout, layout_no=link.layout_no,
                                layout_name=link.layout_name, layout_pdf=link.pdf)
        if not page.articles and not page.container_found:
            yield self.drift(url, profile, "articles", g["page_kind"], "layout page without article list")
        for link in page.articles:
            edition.articles.setdefault(link.url, []).append(
                {"layout_no": layout_no, "layout_name": layout_name, "layout_url": url, "link_title": link.text}
            )
        if g["page_kind"] == "front":
            edition.front_url = url
        yield from self._layout_done(profile, url)

    def _layout_done(self, profile: Profile, url: str) -> Iterator[Any]:
        """Articles are requested once every layout is read, so an article in two layouts records both."""
        edition = self.editions[profile.name]
        edition.pending_layouts.discard(url)
        if edition.pending_layouts or edition.flushed:
            return
        edition.flushed = True
        if not edition.articles:
            yield self.drift(edition.front_url, profile, "articles", "front", "no article links in any layout")
        for article_url, layouts in edition.articles.items():
            first = layouts[0]
            yield self.page(article_url, "article", profile, self.parse_article,
                            layout_no=first["layout_no"], layout_name=first["layout_name"],
                            layouts=layouts if len(layouts) > 1 else None)

    # -- newskj ------------------------------------------------------------------------------------------

    def parse_list(self, response: Response) -> Iterator[Any]:
        """A column list page. Lists run newest first: walk older pages (下一页) while items are on or
        after the date; when even the index is newer than the date (a backfill), binary-search the numbered
        list pages for the date instead of walking hundreds of pages."""
        g, profile, url, html = self._g(response)
        if response.meta.get("ganpo_page_kind") == "missing":
            return  # a list page number past the end answers the soft 404 page
        page = parse.parse_list_page(profile, url, html)
        self._links(page.items)
        if not page.items:
            yield self.drift(url, profile, "list_items", "list", "column list page without article links")
            return
        wanted = self.day.isoformat()
        days = parse.item_days(page.items)
        mode = g.get("mode", "walk")
        number = parse.list_page_number(profile, url)
        column = g.get("column")
        if mode == "walk" and number is None and days and days[0] > wanted:
            numbered = {n: self.ctx.sitemap.to_canonical(u)
                        for n, u in parse.list_page_links(profile, url, html).items()}
            if numbered:
                yield from self._probe(profile, column, 1, max(numbered), numbered[max(numbered)])
                return
        if mode == "search" and number is not None:
            lo, hi = int(g["lo"]), int(g["hi"])
            if days and days[0] > wanted:
                yield from self._probe(profile, column, lo, number - 1, url)
                return
            if days and days[-1] < wanted:
                yield from self._probe(profile, column, number + 1, hi, url)
                return
            mode = "walk"  # found a page holding the date: take it, then walk older from here
            if days and days[-1] == wanted:
                yield from self._list_neighbour(profile, column, url, number + 1, "newer")
        for item in page.items:
            if item.day == wanted:
                yield self.page(item.url, "article", profile, self.parse_article, column=column,
                                list_title=item.text or None)
        if mode == "newer":
            if number is not None and days and days[-1] == wanted:
                yield from self._list_neighbour(profile, column, url, number + 1, "newer")
            return
        n = int(g.get("list_page", 1))
        if page.next_page and parse.follow_list(page.items, self.day) and n < self.max_list_pages:
            yield self.page(self.ctx.sitemap.to_canonical(page.next_page), "list", profile, self.parse_list,
                            column=column, list_page=n + 1)

    def _probe(self, profile: Profile, column: str | None, lo: int, hi: int, like: str) -> Iterator[Any]:
        if lo > hi:
            return  # no list page holds the date: nothing published in this column that day
        mid = (lo + hi) // 2
        target = parse.list_page_url(profile, like, mid)
        if target:
            yield self.page(target, "list", profile, self.parse_list, column=column, mode="search", lo=lo,
                            hi=hi, list_page=1)

    def _list_neighbour(self, profile: Profile, column: str | None, like: str, number: int, mode: str
                        ) -> Iterator[Any]:
        target = parse.list_page_url(profile, like, number)
        if target:
            yield self.page(target, "list", profile, self.parse_list, column=column, mode=mode)

    # -- articles ----------------------------------------------------------------------------------------

    def parse_article(self, response: Response) -> Iterator[Any]:
        g, profile, url, html = self._g(response)
        if response.status == 304:
            return  # unchanged, counted by the archive middleware
        kind = response.meta.get("ganpo_page_kind", g["page_kind"])
        if kind == "missing":
            yield FailureEvent(url, "soft_404", "article", profile.name, response.status,
                               "page says it does not exist", {"origin": profile.origin})
            return
        if kind == "other":
            logger.debug("not a %s article (%s): %s", self.paper, response.meta.get("ganpo_classified"), url)
            return
        fields = parse.parse_article(profile, url, html, self.day)
        for selector in fields.missing:
            yield self.drift(url, profile, selector, "article", f"article page without {selector}")
        fields.parts = [self.ctx.sitemap.to_canonical(u) for u in fields.parts]
        unchanged = bool(response.meta.get("ganpo_unchanged"))
        if fields.parts:
            mp = MultiPage(fields, g, unchanged=unchanged)
            mp.pages[1] = fields
            self.multipage[url] = mp
            for n, part_url in enumerate(fields.parts, start=2):
                mp.pending.add(part_url)
                yield self.page(part_url, "article_part", profile, self.parse_part, part_of=url,
                                part=parse.part_number(profile, part_url) or n)
            return
        yield self._article_item(profile, g, fields, unchanged)

    def parse_part(self, response: Response) -> Iterator[Any]:
        g, profile, url, html = self._g(response)
        first = g["part_of"]
        mp = self.multipage.get(first)
        if mp is None:
            return
        if response.status == 304 or response.meta.get("ganpo_page_kind") == "missing":
            if response.meta.get("ganpo_page_kind") == "missing":
                yield FailureEvent(url, "soft_404", "article_part", profile.name, response.status)
            yield from self._part_done(first, url, None)
            return
        fields = parse.parse_article(profile, url, html, self.day)
        if "body" in fields.missing:
            yield self.drift(url, profile, "body", "article_part", "article part without body")
        mp.unchanged = mp.unchanged and bool(response.meta.get("ganpo_unchanged"))
        # A pager that shows only a window of pages: pick up parts first seen here.
        for part_url in parse.article_parts(profile, url, html):
            part_url = self.ctx.sitemap.to_canonical(part_url)
            if part_url != first and part_url not in mp.pending and part_url not in mp.first.parts:
                mp.first.parts.append(part_url)
                mp.pending.add(part_url)
                yield self.page(part_url, "article_part", profile, self.parse_part, part_of=first,
                                part=parse.part_number(profile, part_url))
        yield from self._part_done(first, url, fields, int(g.get("part") or 0))

    def _part_done(self, first: str, url: str, fields: parse.ArticleFields | None, part: int = 0
                   ) -> Iterator[Any]:
        mp = self.multipage[first]
        mp.pending.discard(url)
        if fields is not None:
            mp.pages[part or len(mp.pages) + 1] = fields
        if mp.pending:
            return
        del self.multipage[first]
        profile = self.ctx.profile(mp.meta["profile"])
        assert profile is not None
        joined = parse.join_parts([mp.pages[k] for k in sorted(mp.pages)])
        joined.parts = list(mp.first.parts)
        yield self._article_item(profile, mp.meta, joined, mp.unchanged)

    def _article_item(self, profile: Profile, g: dict[str, Any], fields: parse.ArticleFields,
                      unchanged: bool) -> ArticleItem:
        layouts = g.get("layouts") or (
            [{"layout_no": g.get("layout_no"), "layout_name": g.get("layout_name")}] if g.get("layout_no") else []
        )
        return ArticleItem(
            paper=self.paper,
            edition_date=self.day.isoformat(),
            profile=profile.name,
            origin=profile.origin,
            url=fields.url,
            layout_no=g.get("layout_no"),
            layout_name=g.get("layout_name"),
            layouts=layouts,
            parts=fields.parts,
            unchanged=unchanged,
            fields=fields.to_dict(),
        )


def _parse_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(f"date must be YYYY-MM-DD, got {value!r}") from exc
