"""`ganpo sites check`: open one edition per profile and count what each selector matches.

Plain urllib, one page at a time with a pause between requests (live sites), no Scrapy. A selector that
matches nothing on a page that answered 200 is the sign a site changed its templates: fix the profile TOML.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from parsel import Selector

from ganpo_crawlers import parse
from ganpo_crawlers.profiles import Profile, SiteMap, load_profiles

USER_AGENT = "ganpo-ingest sitecheck (+mailto:crawler-contact@ganpo-ingest.invalid)"


@dataclass
class PageCheck:
    url: str
    page_kind: str
    status: int | None
    error: str | None = None
    # selector key → (expression that matched or None, number of nodes)
    selectors: dict[str, tuple[str | None, int]] = field(default_factory=dict)


@dataclass
class ProfileCheck:
    profile: str
    date: str
    pages: list[PageCheck] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        if not self.pages or any(p.status != 200 for p in self.pages):
            return False
        return all(n > 0 for p in self.pages for k, (_e, n) in p.selectors.items() if k in _REQUIRED[p.page_kind])


_REQUIRED = {
    "front": ("layouts", "articles"),
    "list": ("list_items",),
    "article": ("title", "body"),
}
_KEYS = {
    "front": ("layouts", "layout_pdf", "layout_container", "articles"),
    "list": ("list_items", "next_page"),
    "article": ("pretitle", "title", "subtitle", "body", "captions", "images", "byline", "source_line",
                "published", "header"),
}


def _fetch(url: str, timeout: float) -> tuple[int | None, bytes, dict[str, str], str | None]:
    req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 - http(s) URLs from profiles
            return resp.status, resp.read(), dict(resp.headers.items()), None
    except urllib.error.HTTPError as exc:
        return exc.code, b"", {}, str(exc)
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        return None, b"", {}, str(exc)


def _count(profile: Profile, html: str, kind: str) -> dict[str, tuple[str | None, int]]:
    sel = Selector(text=html)
    out: dict[str, tuple[str | None, int]] = {}
    for key in _KEYS[kind]:
        if profile.sel(key):
            found, expr = parse.select(sel, profile.sel(key))
            out[key] = (expr, len(found))
    return out


def check_profile(profile: Profile, day: date, sitemap: SiteMap, timeout: float = 20, pause: float = 1.0
                  ) -> ProfileCheck:
    result = ProfileCheck(profile.name, day.isoformat())

    def get(url: str, kind: str) -> tuple[PageCheck, str]:
        if result.pages:
            time.sleep(pause)
        status, body, headers, error = _fetch(sitemap.to_fetch(url), timeout)
        page = PageCheck(url, kind, status, error)
        html = parse.decode_body(body, headers) if status == 200 else ""
        if html:
            page.selectors = _count(profile, html, kind)
        result.pages.append(page)
        return page, html

    if profile.kind == "founder":
        front_url = profile.url("front", day)
        page, html = get(front_url, "front")
        if not html:
            return result
        links = parse.parse_layout_page(profile, front_url, html).articles
    else:
        list_url = profile.url("column", day, column=profile.columns[0])
        page, html = get(list_url, "list")
        if not html:
            return result
        links = parse.parse_list_page(profile, list_url, html).items
    if links:
        get(sitemap.to_canonical(links[0].url), "article")
    return result


def check_profiles(day: date | None = None, base_urls: dict[str, str] | None = None, *,
                   profiles: list[str] | None = None, timeout: float = 20, pause: float | None = None
                   ) -> list[ProfileCheck]:
    """Fetch one edition per profile (the date when the profile covers it, else its sample_date) from the
    live hosts, or from `base_urls` ({host: base URL}, e.g. a replica), and count selector matches."""
    all_profiles = load_profiles()
    sitemap = SiteMap.for_profiles(all_profiles.values(), base_urls)
    if pause is None:
        pause = 0.0 if base_urls else 1.0
    out = []
    for name, profile in sorted(all_profiles.items()):
        if profiles and name not in profiles:
            continue
        when = day if day is not None and profile.covers(day) else profile.sample_date
        out.append(check_profile(profile, when, sitemap, timeout, pause))
    return out


def format_report(checks: list[ProfileCheck]) -> str:
    lines: list[str] = []
    for check in checks:
        lines.append(f"{'OK  ' if check.ok else 'FAIL'} {check.profile} ({check.date})")
        for page in check.pages:
            status = page.status if page.status is not None else "—"
            lines.append(f"     {page.page_kind:<8} {status} {page.url}" + (f"  [{page.error}]" if page.error else ""))
            for key, (expr, n) in page.selectors.items():
                flag = "!" if n == 0 and key in _REQUIRED.get(page.page_kind, ()) else " "
                lines.append(f"     {flag} {key:<17} {n:>4}  {expr or '(no selector matched)'}")
    return "\n".join(lines)


def report_dict(checks: list[ProfileCheck]) -> list[dict[str, Any]]:
    return [
        {"profile": c.profile, "date": c.date, "ok": c.ok,
         "pages": [{"url": p.url, "page_kind": p.page_kind, "status": p.status, "error": p.error,
                    "selectors": {k: {"matched": e, "count": n} for k, (e, n) in p.selectors.items()}}
                   for p in c.pages]}
        for c in checks
    ]
