"""State one crawl shares between its spider, middlewares and pipelines: profiles, site map, known pages,
the archive writer and the counters (copied into Scrapy's stats under `ganpo/` when the spider closes)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ganpo_crawlers.archive import ArchiveWriter
from ganpo_crawlers.profiles import Profile, SiteMap, load_profiles, profiles_for

STATS_PREFIX = "ganpo/"
# The counters every summary carries, zero when nothing happened.
COUNTER_KEYS = (
    "requests",
    "responses",
    "status_1xx",
    "status_2xx",
    "status_3xx",
    "status_4xx",
    "status_5xx",
    "not_modified",
    "pages_new",
    "pages_unchanged",
    "pages_failed",
    "pages_missing",
    "pages_other_source",
    "no_edition",
    "drift_events",
    "articles",
    "bytes",
    "download_errors",
)


def load_known(path: str | Path | None) -> dict[str, dict[str, str | None]]:
    if not path:
        return {}
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: --known must be a JSON object {{url: {{etag, last_modified, content_hash}}}}")
    return {str(k): dict(v or {}) for k, v in data.items()}


@dataclass
class CrawlContext:
    paper: str
    day: date
    archive_path: str
    sites: Mapping[str, str]
    known: dict[str, dict[str, str | None]]
    refetch: bool
    all_profiles: Mapping[str, Profile] = field(default_factory=load_profiles)
    writer: ArchiveWriter | None = None

    def __post_init__(self) -> None:
        self.profiles = profiles_for(self.paper, self.day, self.all_profiles)
        self.sitemap = SiteMap.for_profiles(self.all_profiles.values(), self.sites)
        # Plain counters: Scrapy's stats collector does not exist yet when the spider is built.
        self._counters: dict[str, int] = dict.fromkeys(COUNTER_KEYS, 0)

    def open(self) -> None:
        if self.writer is None:
            self.writer = ArchiveWriter(
                self.archive_path,
                {
                    "paper": self.paper,
                    "date": self.day.isoformat(),
                    "profiles": ",".join(p.name for p in self.profiles),
                    "sites": json.dumps(dict(self.sites)),
                },
            )

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()

    def count(self, key: str, n: int = 1) -> None:
        self._counters[key] = self._counters.get(key, 0) + n

    def profile(self, name: str | None) -> Profile | None:
        return self.all_profiles.get(name) if name else None

    def counters(self) -> dict[str, int]:
        return dict(self._counters)

    def copy_to_stats(self, stats: Any) -> None:
        for key, value in self._counters.items():
            stats.set_value(STATS_PREFIX + key, value)
