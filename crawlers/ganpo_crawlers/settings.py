"""Scrapy settings for ganpo_crawlers: every politeness rule of the crawl lives here, in one place.

Live sites: robots.txt obeyed, ~1 request/s per site (what the public crawlers of both sites kept, see
/work/shared/sites/NOTES.md §4), AutoThrottle on top, retries with back-off, a timeout and a size cap.
A run against a replica (any `--site HOST=BASE`, or `-s GANPO_SITES=…`) applies REPLICA_OVERRIDES.
"""

from __future__ import annotations

import os

BOT_NAME = "ganpo_crawlers"
SPIDER_MODULES = ["ganpo_crawlers.spiders"]
NEWSPIDER_MODULE = "ganpo_crawlers.spiders"
ADDONS: dict[str, int] = {}

# Identify ourselves, with a contact address the site can write to (override per deployment).
USER_AGENT = os.environ.get(
    "GANPO_USER_AGENT",
    "ganpo-ingest/0.1 (+https://github.com/ganpo-ingest; mailto:crawler-contact@ganpo-ingest.invalid)",
)
ROBOTSTXT_OBEY = True

# About one request a second per site; AutoThrottle only ever slows down from there.
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 1
DOWNLOAD_DELAY = 1.0
DOWNLOAD_DELAY_JITTER = 0.5  # 0.5–1.5 s, so requests do not tick like a metronome
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

DOWNLOAD_TIMEOUT = 30
# News pages are well under 1 MiB; anything far larger is not an article page (and PDFs are not fetched).
DOWNLOAD_MAXSIZE = 2 * 1024 * 1024
DOWNLOAD_WARNSIZE = 1024 * 1024

RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
# Seconds to wait before retry 1, 2, 3 (the newskj crawler's 1, 4, 9 s).
GANPO_RETRY_BACKOFF = [1.0, 4.0, 9.0]

# The e-paper root's meta refresh is followed by the spider (it must check the date), not by Scrapy.
METAREFRESH_ENABLED = False
REDIRECT_ENABLED = True
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
HTTPCACHE_ENABLED = False

DOWNLOADER_MIDDLEWARES = {
    # Retries wait before going again (plain RetryMiddleware re-queues at once).
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "ganpo_crawlers.middlewares.BackoffRetryMiddleware": 550,
    # Decompression moves in front of the archive so the archive sees every raw response (3xx, 5xx before
    # retry) already decoded: process_response runs from high numbers to low.
    "scrapy.downloadermiddlewares.httpcompression.HttpCompressionMiddleware": 810,
    "ganpo_crawlers.middlewares.ArchiveMiddleware": 650,
}
SPIDER_MIDDLEWARES: dict[str, int] = {}
ITEM_PIPELINES = {
    "ganpo_crawlers.pipelines.ArchiveEventsPipeline": 100,
    "ganpo_crawlers.pipelines.ArticleStatsPipeline": 200,
}

# Where and how the crawl writes (run_crawl sets these from its arguments; `scrapy crawl` may use -s/-a).
GANPO_ARCHIVE = ""  # default: ganpo-{paper}-{date}.warc.gz in the working directory
GANPO_KNOWN = ""  # path of the --known JSON
GANPO_REFETCH = False
GANPO_SITES = ""  # "HOST=BASE,HOST=BASE": replica base URLs
GANPO_MAX_LIST_PAGES = 30  # newskj: most list pages walked per column and date

# Against a local replica: no delay, no throttle, quick retries and a short timeout.
REPLICA_OVERRIDES = {
    "DOWNLOAD_DELAY": 0,
    "DOWNLOAD_DELAY_JITTER": 0,
    "AUTOTHROTTLE_ENABLED": False,
    # A stdlib server's listen backlog is 5: more parallel connects than that stall for a SYN retry (1 s),
    # which a short test timeout would report as a timeout.
    "CONCURRENT_REQUESTS_PER_DOMAIN": 4,
    "CONCURRENT_REQUESTS": 12,
    "DOWNLOAD_TIMEOUT": 5,
    "GANPO_RETRY_BACKOFF": [0.05, 0.1, 0.2],
}

FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = os.environ.get("GANPO_LOG_LEVEL", "INFO")
