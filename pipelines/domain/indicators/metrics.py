"""Canonical metric catalogue (data in ``metrics.toml``) and synonym lookup."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .context import DELTA_VERBS
from .subjects import places


@dataclass(frozen=True)
class Metric:
    metric_id: str
    name: str
    base_unit: str
    synonyms: tuple[str, ...]


# Suffixes removed before lookup: a growth rate or a size of a metric maps to the metric itself
# unless the catalogue names the derived metric (全省排名, 占比 …) explicitly.
LOOKUP_SUFFIXES: tuple[str, ...] = (
    "同比增长", "增速", "涨幅", "增幅", "增长率", "总额", "数量", "总数", "金额", "总量", "规模"
)
# Words before a metric that only say whose or which year's it is (全市营业收入, 龙南地区生产总值, 开发区营业收入,
# 年末各项存款余额): the subject and the period are read apart, so the figure is a value of the metric itself.
# (Place names, 2 characters, come from places.toml, with or without 市/县/区.)
SCOPE_WORDS: tuple[str, ...] = (
    "全市", "全县", "全区", "全省", "全镇", "全乡", "我市", "我县", "我区", "该市", "该县", "该区", "本市", "本县",
    "开发区", "经开区", "高新区", "工业园区", "园区", "企业", "公司", "年末", "全年", "当年", "年",
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
def _index() -> dict[str, str]:
    exact: dict[str, str] = {}
    for m in _catalogue():
        for name in (m.name, *m.synonyms):
            exact.setdefault(_key(name), m.metric_id)
    return exact


def _key(name: str) -> str:
    return name.replace("“", "").replace("”", "").replace('"', "").strip()


@lru_cache(maxsize=1)
def _scope_words() -> tuple[str, ...]:
    named = [p + end for p in places() for end in ("", "市", "县", "区")]
    return tuple(sorted({*SCOPE_WORDS, *named}, key=len, reverse=True))


def _without_scope(name: str) -> str:
    """``name`` without the words before it that only name its subject or its year (全市, 龙南, 开发区, 年末 …)."""
    words = _scope_words()
    while (w := next((w for w in words if name.startswith(w) and len(name) > len(w)), None)) is not None:
        name = name[len(w) :]
    return name


def canonical_metric_id(metric: str | None) -> str | None:
    """Map an extracted metric name (e.g. 规上工业增加值增速) to its catalogue id, or None.

    The name, once the words naming its subject or year (全市, 龙南, 年末 …) are removed, must be a catalogue name
    or synonym, or one followed by a growth or size suffix (增速, 总额 …).  A name that only contains one is another
    measure: 涉农贷款余额 is not 贷款余额, 研发投入占营业收入比重 not 营业收入, 亩均税收 not 税收收入; joined to the
    metric's series it would be a second, conflicting value of it.
    """
    if not metric or metric.endswith(CHANGE_SUFFIXES) or NOT_THE_METRIC_RE.search(metric):
        return None
    exact = _index()
    m = _key(metric)
    for name in dict.fromkeys((m, _without_scope(m))):
        if name in exact:
            return exact[name]
        for suf in LOOKUP_SUFFIXES:
            if name.endswith(suf) and name[: -len(suf)] in exact:
                return exact[name[: -len(suf)]]
    return None
