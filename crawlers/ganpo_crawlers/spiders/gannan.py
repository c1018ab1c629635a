"""赣南日报: its Founder e-paper (szb.gnrbs.cn) and 客家新闻网 (www.newskj.com) articles naming 赣南日报."""

from __future__ import annotations

from ganpo_crawlers.spiders.base import GanpoSpider


class GannanSpider(GanpoSpider):
    name = "gannan"
    paper = "gannan"
