"""Helpers for the replica tests: fetch a live URL from the replica without sockets, decode, select."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import parsel

from ganpo_crawlers.replica.site import Page, resolve

SLOW_SECONDS = 1.5  # short, so the slow page stays testable
def fetch(url: str) -> Page:
    """The page the replica serves for a live URL, without sockets."""
    parts = urlsplit(url)
    return resolve(parts.netloc, parts.path)


def decode(page: Page) -> str:
    """Decode as a careful crawler would: header charset, then meta, then GBK; bad bytes replaced."""
    match = re.search(r"charset=([\w-]+)", page.content_type)
    if not match:
        match = re.search(rb"charset=\"?([\w-]+)", page.body[:2048])
    charset = (match.group(1) if match else "gbk")
    charset = charset.decode() if isinstance(charset, bytes) else charset
    # Sites that declare gb2312 send GBK; GB18030 is a superset of both.
    if charset.lower() in ("gb2312", "gbk"):
        charset = "gb18030"
    return page.body.decode(charset, errors="replace")


def select(page: Page) -> parsel.Selector:
    return parsel.Selector(text=decode(page))
