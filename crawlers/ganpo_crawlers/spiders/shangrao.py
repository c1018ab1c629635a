"""上饶日报 (paper.srxww.com): the Founder e-paper, new or old skin chosen by edition date."""

from __future__ import annotations

from ganpo_crawlers.spiders.base import GanpoSpider


class ShangraoSpider(GanpoSpider):
    name = "shangrao"
    paper = "shangrao"
