"""Comparisons with a named earlier year: 比2018年的82.45亿元增长了6倍多, 较2019年同期增长三成,
是2015年的9倍, 相当于2020年全年的4倍, 由2015年的198.4亿元增加到312.6亿元 (or 由去年的…).

A figure in such a comparison is the base year's level (82.45亿元: of 2018), the change since then (增长三成,
增加93家) or the multiple of it (9倍): never a second value of the level the sentence states, nor a year-on-year
growth. ``base_year_comparison`` finds the comparison a figure is part of, ``base_year_metric`` names the figure,
and ``base_year_period`` gives the base level its year; the period phrase itself is a comparison base (``periods``)
and never the period of the sentence's other figures.
"""

from __future__ import annotations

import datetime as dt
import re

from .periods import RELATIVE_YEARS, RISE_START_WORDS, YEAR_BEFORE_CLAUSE_RE, asof_now
from .scan import Figure

# The comparison in the clause before a figure: the comparing word, the base year, 的 when a level or a multiple of
# the base follows, and what stands between it and the figure (the base level and a verb: 的82.45亿元增长了).
_RATIO_WORDS = ("相当于", "是", "为")
_COMPARING_WORDS = "|".join(("比", "较", *_RATIO_WORDS, *RISE_START_WORDS))
# (a rise may also start at the year's start or now: 员工由年初的680人增加到920人, 年产能将由现在的4500万台提升到…)
_RISE_START_POINTS = ("年初", "现在", "目前", "当前")
_BASE_YEAR_RE = re.compile(
    f"(?P<cmp>{_COMPARING_WORDS})"
    r"(?P<base>(?:(?:19|20)\d{2}年|(?P<rel>去年|上年|前年))(?P<part>全年|同期|底|末)?"
    f"|(?P<point>{'|'.join(_RISE_START_POINTS)}))"
    r"(?P<of>的)?(?P<rest>[^,，;；。:：]*)$"
)
_DECREASE_RE = re.compile(r"下降|减少|回落|降低|下滑|减")
_CHANGE_RE = re.compile(r"增长|增加|提高|提升|上升|扩大|净增|多|翻|下降|减少|回落|降低|下滑|减")
# 6年间增长了16倍, 五年来增长3倍: a growth over several years
_YEARS_WINDOW_RE = re.compile(r"[\d一二三四五六七八九十两]+年(?:间|来)")


# (one alternation of literals first: the engine skips to where one of them starts; 比年初 passes this cue, and
# base_year_comparison turns it away)
_CUE_RE = re.compile(
    rf"(?:{_COMPARING_WORDS})(?:(?:19|20)\d{{2}}年|去年|上年|前年|{'|'.join(_RISE_START_POINTS)})"
)


def has_base_year(s: str, lo: int, hi: int) -> bool:
    """Whether s[lo:hi] may hold a comparison with a named year (one search for a sentence's figures)."""
    return _CUE_RE.search(s, lo, hi) is not None


def base_year_comparison(s: str, f: Figure) -> re.Match[str] | None:
    """The comparison with a named year that ``f`` is part of, read in its clause; None for most figures."""
    if s.find("年", f.cs, f.start) < 0:  # (no year in the clause: no search)
        return None
    m = _BASE_YEAR_RE.search(s, f.cs, f.start)
    if m is None:
        return None
    if m.group("cmp") in _RATIO_WORDS:
        # 是2015年的9倍, 相当于去年全年的1.3倍: only a multiple or a ratio right after 的 (是2018年的事 is none)
        return m if m.group("of") and not m.group("rest") and f.unit in ("倍", "%") else None
    if m.group("cmp") in RISE_START_WORDS:
        # 由2015年的198.4亿元增加到312.6亿元, 由去年的82%提高到88.5%, 由年初的680人增加到920人: only the start is the
        # base's level (the end is read as a level)
        return m if is_base_level(m) else None
    if m.group("rel") or m.group("point"):
        return None  # 比上年增长, 比去年的: a year-on-year change, read as one (yoy, delta); 比年初: a change (delta)
    if m.group("of") and not m.group("rest"):
        return m  # 比2018年的82.45亿元: the base year's level
    return m if _CHANGE_RE.search(m.group("rest")) else None


# What names a figure as the same period's a year before: 上年同期为13.5亿元, 去年同期增速为10.6%, 比上年的19.18亿元
_SAME_PERIOD_BEFORE_RE = re.compile(
    r"(?:(?:上年|去年)同期(?:增速|增幅)?(?:为|是|的|仅为|只有|达|有)?|[比较](?:上年|去年)(?:同期)?的)$"
)


def is_year_before(s: str, f: Figure) -> bool:
    """Whether ``f`` is the level (or growth) of the same period a year before: 营收16.2亿元,上年同期为13.5亿元
    (not a ratio to it: 相当于上年同期的1.8倍, 恢复到去年同期的110%)."""
    lo = max(f.cs, f.start - 10)
    if f.unit == "倍" or s.find("同期", lo, f.start) < 0 and s.find("年的", lo, f.start) < 0 and (
        s.find("年为", lo, f.start) < 0 and s.find("年增速为", lo, f.start) < 0
    ):
        return False
    m = _SAME_PERIOD_BEFORE_RE.search(s, lo, f.start) or YEAR_BEFORE_CLAUSE_RE.fullmatch(s, f.cs, f.start)
    return m is not None and not (f.base_unit == "percent" and m.group().endswith("的"))


def a_year_before(period: str) -> str:
    """The same period a year earlier: 2018-01/2018-11 → 2017-01/2017-11, asof:2024-05 → asof:2023-05."""
    return _YEAR_RE.sub(lambda m: str(int(m.group()) - 1), period)


_YEAR_RE = re.compile(r"\d{4}")


def years_window(s: str, f: Figure) -> str | None:
    """6年间, 五年来: the span of years a growth in the clause before ``f`` is over."""
    m = _YEARS_WINDOW_RE.search(s, f.cs, f.start)
    return m.group(0) if m else None


def is_base_level(m: re.Match[str]) -> bool:
    """比2018年的82.45亿元: the figure is the level of the base year."""
    return m.group("cmp") not in _RATIO_WORDS and bool(m.group("of")) and not m.group("rest")


def is_rise_start(m: re.Match[str]) -> bool:
    """由2015年的198.4亿元(增加到…): the figure is the level a rise starts from, in the base year."""
    return m.group("cmp") in RISE_START_WORDS


def base_year_metric(m: re.Match[str], level: str, kind: str, base_unit: str) -> str:
    """The name of a figure in a comparison with ``level`` (the metric compared): 营业收入较2018年增长倍数,
    规上企业较2020年增加数, 旅游综合收入相当于2019年比例, 接待游客较2019年同期增速."""
    base = m.group("base")
    if is_base_level(m):
        return level
    if m.group("cmp") in _RATIO_WORDS:
        base = base.replace("去年", "上年")  # (the usual word in a metric's name)
        return f"{level}相当于{base}{'倍数' if base_unit == 'other' else '比例'}"
    if base_unit == "other":
        return f"{level}较{base}增长倍数"
    if kind == "growth":
        return f"{level}较{base}增速"
    verb = "减少" if _DECREASE_RE.search(m.group("rest")) else "增加"
    if base_unit in ("CNY", "USD"):
        return f"{level}较{base}{verb}额"
    return f"{level.removesuffix('数')}较{base}{verb}数"


def base_year_period(m: re.Match[str], published: dt.date) -> str | None:
    """The period of a base level: its year (2018年, 2020年全年, 去年 of the publication's), its end (2020年底, 去年底:
    asof), the publication year's start (年初) or the publication's month (现在); None for 同期."""
    # (relative words only at a rise's start: 比去年的, 比年初 are no base_year_comparison)
    if point := m.group("point"):
        return f"asof:{published.year}-01" if point == "年初" else asof_now(published)
    rel = m.group("rel")
    year = str(published.year + RELATIVE_YEARS[rel]) if rel else m.group("base")[:4]
    part = m.group("part")
    if part in ("底", "末"):
        return f"asof:{year}-12"
    return None if part == "同期" else year
