"""Canonical metric catalogue (data in ``metrics.toml``) and synonym lookup."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .context import DELTA_VERBS


@dataclass(frozen=True)
class Metric:
    metric_id: str
    name: str
    base_unit: str
    synonyms: tuple[str, ...]


# Suffixes removed before lookup: a growth rate or a rank of a metric maps to the metric itself
# unless the catalogue names the derived metric (全省排名, 占比 …) explicitly.
LOOKUP_SUFFIXES: tuple[str, ...] = (
    "同比增长", "增速", "涨幅", "增幅", "增长率", "总额", "数量", "金额", "总量", "规模"
)
# A change of a metric (…比年初增加额, …净增数) is not the metric: it stays uncatalogued rather than join its series.
CHANGE_SUFFIXES: tuple[str, ...] = tuple(verb + end for verb in DELTA_VERBS for end in ("额", "数"))
# Nor is a comparison with another period (贷款余额比年初增速, 旅游收入较2019年增速, …相当于上年倍数, 营业收入6年间
# 增长倍数, 增速比上半年加快) or an average (日均接待游客人数): joined to the metric's series, each would be a second,
# conflicting value of it.
NOT_THE_METRIC_RE = re.compile(
    r"(?:较|比)(?:\d{4}年|年初|上年|去年|上半年|[一二三四]季度|\d+-\d+月|全省|全市)|相当于|高于|低于|快于|慢于|年均|倍数$|\d+年间|^(?:日均|月均|平均每|单日)"
)


@lru_cache(maxsize=1)
def _catalogue() -> tuple[Metric, ...]:
    raw = resources.files(__package__).joinpath("metrics.toml").read_text(encoding="utf-8")
    data = tomllib.loads(raw)
    return tuple(
        Metric(m["id"], m["name"], m["base_unit"], tuple(m.get("synonyms", ()))) for m in data["metric"]
    )


def load_metric_catalogue() -> list[Metric]:
    """All canonical metrics, in file order."""
    return list(_catalogue())


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    exact: dict[str, str] = {}
    for m in _catalogue():
        for name in (m.name, *m.synonyms):
            exact.setdefault(_key(name), m.metric_id)
    by_length = tuple(sorted(exact.items(), key=lambda kv: len(kv[0]), reverse=True))
    return exact, by_length


def _key(name: str) -> str:
    return name.replace("“", "").replace("”", "").replace('"', "").strip()


def canonical_metric_id(metric: str | None) -> str | None:
    """Map an extracted metric name (e.g. 规上工业增加值增速) to its catalogue id, or None.

    Exact name/synonym first, then with a growth/size suffix removed, then the longest
    catalogue name contained in the metric (所有验证车的总行驶里程 does not match anything).
    """
    if not metric or metric.endswith(CHANGE_SUFFIXES) or NOT_THE_METRIC_RE.search(metric):
        return None
    exact, by_length = _index()
    m = _key(metric)
    if m in exact:
        return exact[m]
    for suf in LOOKUP_SUFFIXES:
        if m.endswith(suf) and m[: -len(suf)] in exact:
            return exact[m[: -len(suf)]]
    for name, mid in by_length:
        if len(name) >= 2 and name in m:
            return mid
    return None
