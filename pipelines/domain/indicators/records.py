"""The data the rules share: what one figure carries through them (``FigureRecord``) and what carries across
sentences while an article is read (``ReadingState``).

Kept apart, at the bottom of the package's imports, so that each rule module depends on these records and not on
another rule module or on the loop in ``extract``. ``alternation`` is here too: the rule tables of several
modules are built with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .scan import Figure
from .sentences import Span


@dataclass(slots=True)  # slots: one per figure, its fields read by every rule
class FigureRecord:
    fig: Figure
    kind: str
    value_base: float
    sent: Span
    mom: bool = False
    delta: bool = False  # 比上年净增 7 亿元: a change in an amount, takes no yoy
    in_paren: bool = False  # inside brackets (其中出口568.7亿元…): an aside to the figures around it
    gap: str = ""  # the text since the figure before it in the sentence (set by classify.link_neighbours)
    metric: str | None = None
    subject: str | None = None
    period: str | None = None
    yoy: float | None = None
    target: bool = False
    project: str | None = None  # 投资 X 亿元的 Y 项目: Y 项目
    start_level: FigureRecord | None = None  # of the 到 figure of 由A增加到B: A (whose period is not B's)
    starts_rise: bool = False  # A of 由A增加到B: some figure's start_level
    # the period the rules fixed for it: of a base year's level (比2018年的82.45亿元, base_year.py), or the i-th period
    # of a 分别 list (一季度、二季度当季分别增长16.2%、8.5%, fenbie.py)
    fixed_period: str | None = None
    label: str = ""  # 【4606.2亿元】去年全市地区生产总值: the 数说 label after the bracketed figure (with its 】)
    # 上年同期为114.9亿元: the level (or growth) of the same period a year before, beside this year's
    year_before: bool = False
    # 完成投资163.6亿元,占全年计划的62.1%: the level whose progress against a plan this share (or its lead over the
    # plan's pace, 超序时进度12.1个百分点) measures: the share is of the level's period, not the plan's year
    progress_of: FigureRecord | None = None


@dataclass(slots=True)
class ReadingState:
    """What carries across sentences while reading an article."""

    para: int = -1
    para_start: int = 0  # where the paragraph's first sentence starts
    year: int | None = None
    period: str | None = None  # period of the last sentence with figures in this paragraph
    entity: str | None = None  # last entity named in this paragraph
    last: dict[str, str] = field(default_factory=dict)  # last named entity of each type in the article
    section_year: int | None = None  # year of the last numbered heading (一、2023年工作回顾)
    section_period: str | None = None  # the period of the last box label (【1—5月】) for the lines under it
    section_targets: bool = False  # the last numbered heading announces targets (五、2019年主要预期目标)
    target_list: bool = False  # this paragraph opened a list of targets (主要预期目标是:…;…;…)
    # the last level (not a growth, share or rank) of the sentence before, in this paragraph
    level: FigureRecord | None = None
    project: str | None = None  # the first project named in this paragraph (鑫磊电路板项目:总投资25亿元…)
    growth: str | None = None  # the metric of the last growth named in this paragraph (地区生产总值增速)
    # the years of this paragraph's last rise that named both (由2016年的…增加到2021年的…): those of the rises after it
    rise_years: tuple[str, str] | None = None
    event: str | None = None  # the month of the article's dated event (11月28日,…举行集中开工活动), for 此次


def alternation(words: tuple[str, ...]) -> str:
    """A regex matching any of ``words``, longest first (a longer word wins over the shorter one it starts with)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
