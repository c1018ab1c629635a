"""Targets: which figures are goals, forecasts or aspirations (力争, 预计, 到2025年, 将达 …) rather than what was
achieved, and which sentences open a list of targets whose items follow (主要预期目标是:…;…).

A target's period is only the year its plan is for: the flag is set before the periods are chosen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import context as C
from .records import FigureRecord, alternation

_TARGET_CUES = alternation(tuple(c for c in C.TARGET_CUES if c not in ("将", "冲")))
_ACHIEVED_RE = re.compile(alternation(C.ACHIEVED_CUES))
_STRONG_CUES = ("投产后", "建成后", "达产后", "力争", "预计")
assert set(_STRONG_CUES) <= set(C.TARGET_CUES) - {"将", "冲"}  # attach_targets relies on it
_STRONG_CUE_RE = re.compile(alternation(_STRONG_CUES))
_STRONG_CUE_REACH = max(map(len, _STRONG_CUES)) - 1  # how far a cue starting before a clause reaches into it


# 主要预期目标是: …, 今年我们将重点抓好以下工作: 一是…: what follows is a list of targets
# (each alternative starts with a literal: a search skips to those characters instead of trying every position;
# each ends with a colon: extract looks for one before it searches)
TARGET_LIST_RE = re.compile(
    "|".join(f"{w}(?:是|为|定为|确定为)?[:：]" for w in ("目标", "计划", "任务")) + "|将[^:：。;；]{0,20}[:：]"
)
# A share of a plan or target (占年度计划的85%, 完成全年目标的92%): how far the plan is done (an actual; metric
# naming reads plan_share too, to name the share).
_PLAN_PROGRESS_RE = re.compile(r"(?:超|超额完成|完成)(?:年度|全年)?(?:计划|目标|任务)")
# (the plan's own amount may stand inside the phrase: 完成全年341.6亿元目标任务的96.2%, 完成全年计划投资263.5亿元的
# 62.1%)
_PLAN_SHARE_RE = re.compile(r"(?P<verb>占|完成|达|为)(?P<span>年度|全年|年初)?(?P<words>[^,，;；。的]{0,16}?)的?$")
_PLAN_WORD_RE = re.compile("计划|目标|任务|预算(?!支出|收入)")  # (一般公共预算支出 is a level, not a plan)


@dataclass(frozen=True, slots=True)
class PlanShare:
    """占年度计划的85%: the share is of a plan (``plan``: 年度计划), its phrase starting at ``start``."""

    start: int
    verb: str  # 占, 完成 …
    plan: str


def plan_share(s: str, lo: int, hi: int) -> PlanShare | None:
    """The plan a share at ``hi`` is of, read in s[lo:hi] (占年度计划的, 完成全年341.6亿元目标任务的), or None."""
    m = _PLAN_SHARE_RE.search(s, lo, hi)
    if m is None or (word := _PLAN_WORD_RE.search(words := m.group("words"))) is None:
        return None
    # (a share of the plan as written, 占全省任务的, 占一期计划投资的; what was done of a plan, or a plan with its
    # amount inside, by the plan's word: 完成年度目标任务的 → 年度目标)
    done = m.group("verb") == "完成" or any(c.isdigit() for c in words)
    plan = word.group() if done else words
    return PlanShare(m.start(), m.group("verb"), (m.group("span") or "") + plan)


_TARGET_VERB = (
    r"将(?:达|实现|突破|超|新增|形成|建成|再|可|有|带动|提升|增加|年产|完成|招收|投入|新签约|签约|引进|新建|实施|投资"
    r"|降至|降到|下降|提高|保持|控制|由)"
)
# 到2025年 is a deadline (a target cue), 增加到2021年的56万元 a level reached (the character before 到 is looked
# at from after it: every alternative of _TARGET_RE then starts with a literal, and the engine skips to the
# positions holding one of those first characters instead of trying the alternatives at each position)
_BY_YEAR = r"到(?<![加长高升大降少低]到)20\d\d年"
# 争取实现…, 争取…突破: an aim; 争取上级资金36.5亿元, 争取到…: money obtained
_STRIVE = r"争取(?!上级|省级|中央|国家|各类|到|省以上|省级以上)"
_TARGET_RE = re.compile(f"{_TARGET_CUES}|{_TARGET_VERB}|{_BY_YEAR}|{_STRIVE}")  # a target cue or verb: one search
# 列入今年计划的228个重点项目: projects a plan lists, counted as they are (计划 names the list, not a goal)
_LISTED_IN_PLAN_RE = re.compile(r"(?:列入|纳入)[^,，;；。]{0,6}计划的")
# What ends a plan's run of figures in its sentence: what is done already, or a comparison (or, after a level, a
# change: 计划投资60亿元,同比增长12%)
_DONE = alternation(C.ACHIEVED_CUES) + "|已|目前|截至|完成|实现|同比|比上年|比去年|较去年|占|去年|上年"
_DONE_RE = re.compile(_DONE)
_DONE_OR_CHANGE_RE = re.compile(_DONE + "|增长|下降")
# Up to the last break of a clause other than 、 (which parts the names of one list)
_UP_TO_CLAUSE_RE = re.compile("(?s:.*)[,，：:；;。！？!?“”\"]|")
_PLAN_HEAD_RE = re.compile("计划|规划|力争|拟|预计|确保|将")
# What is done of a plan, after it (计划新开工的248个项目已开工231个): an actual
_DONE_OF_PLAN_RE = re.compile("已(?:经)?(?:开工|完成|建成|投产|竣工|签约|落地|到位|开业)")
_CARRY_TARGET = re.compile(r"^(?:并|可|将|还将|力争|达到|达|届时)")
_OVER_END_RE = re.compile(r"(?:过|超|新增|突破)$")
_LIST_JOINS = "、和及"


def _past_deadline(cue: str, year: int) -> bool:
    """到2020年 in an article of 2021: a time gone by, no deadline."""
    return cue.startswith("到") and cue[1:5].isdigit() and int(cue[1:5]) < year


def attach_targets(s: str, recs: list[FigureRecord], list_here: bool, year: int) -> None:
    """Which figures are targets, forecasts or aspirations rather than actuals.

    ``list_here``: whether the sentence has a target list opener (TARGET_LIST_RE); ``year``: the article's (a
    deadline before it, 到2020年底已增加到586家, is one met). Every window searched
    below lies inside the sentence, so where the sentence has no cue (most) no figure's window has one:
    one search per sentence spares the per-figure ones."""
    lo, hi = recs[0].sent.start, recs[0].sent.end  # one sentence
    cue_here = _TARGET_RE.search(s, lo, hi) is not None  # (strong cues and 目标/计划/预计 are target cues too)
    chong_here = s.find("冲", lo, hi) >= 0
    prev_target = prev_growth = False  # (whether the figure before is a target, and a growth)
    prev_end = lo
    kept_end = lo  # where the last figure other than a threshold ends (the gap a plan's list is read across)
    for r in recs:
        f = r.fig
        cs, start = f.cs, f.start  # the clause before the figure is s[cs:start]: searched in place, not sliced
        if cue_here and cs > prev_end and s[cs - 1] == "、" and (m := _UP_TO_CLAUSE_RE.match(s, prev_end, cs - 1)):
            # 计划新建和改扩建中小学、幼儿园32所: a plan before a list of names with no figure in it is the figure's
            # (not 已…争取…、…资金1860万元, done; nor 打造A、B等8个集聚区, a weak cue)
            head = max(m.end(), prev_end)
            if _PLAN_HEAD_RE.search(s, head, cs) and s.find("已", head, cs) < 0:
                cs = head
        prev_end = f.end
        tail = s[f.end : f.ce] if cue_here or r.kind == "capacity" else ""  # (read only by the rules needing these)
        t = False
        if (
            cue_here and (cue := _TARGET_RE.search(s, cs, start)) and not _past_deadline(cue.group(0), year)
            and not (cue.group(0) == "计划" and _LISTED_IN_PLAN_RE.search(s, max(cs, cue.start() - 8), cue.end() + 1))
            and not _DONE_OF_PLAN_RE.search(s, cue.end(), start)
        ):
            t = True
        # every strong cue is a target cue, none of which is in s[cs:start]: only one starting before cs is left
        elif chong_here and s.endswith("冲", cs, start) or cue_here and _STRONG_CUE_RE.search(
            s, f.ws, min(start, cs + _STRONG_CUE_REACH)
        ):
            t = True
        elif cue_here and ("目标" in tail or "计划" in tail or "预计" in tail):  # 二期12GWh项目预计年底前建成投产
            t = True
        elif list_here and TARGET_LIST_RE.search(s, f.ws, cs):
            t = True  # 主要预期目标是:地区生产总值增长5.5%左右,固定资产投资增长6%: every item of the list
        elif prev_target and (
            _CARRY_TARGET.match(s[cs:start])
            or (gap := s[kept_end:start])[:1] in _LIST_JOINS
            and not _ACHIEVED_RE.search(gap) and "实际" not in gap
            or gap[:1] in ",，" and not _DONE_OR_CHANGE_RE.search(gap)
            # 生产总值预期增长8.5%左右,规上工业增加值增长9%以上,固定资产投资增长10%: the plan's next growth
            or r.kind == "growth" and prev_growth and gap[:1] in ",，" and not _DONE_RE.search(gap)
        ):
            # 计划改造公路320公里、危桥18座; 计划改造老旧小区186个,涉及居民1.92万户: the plan's next item (not
            # what was done against it: 计划引进40个、实际签约48个)
            t = True
        elif f.mult_only and r.value_base >= 1e11 and not _OVER_END_RE.search(s, cs, start):
            t = True  # 千亿级产业, 万亿工业俱乐部: aspirations
        elif r.kind == "capacity" and "项目" in tail and not _ACHIEVED_RE.search(tail):
            t = True
        if t and (
            _ACHIEVED_RE.search(s, f.end, min(f.ce, f.end + 10))  # (the first 10 characters of the tail)
            or (r.kind == "share" and plan_share(s, cs, start))
            or _PLAN_PROGRESS_RE.search(s, cs, start) and not s.startswith("的", f.end)  # (the plan's amount is one)
        ):
            t = False  # 占年度计划的85%, 超年度计划12.4个百分点: progress made against a plan is an actual
        threshold = r.metric is not None and r.metric.endswith("门槛")
        if t and (threshold or r.starts_rise):
            t = False  # 10亿元以上项目5个: a threshold is no goal; 将由4.6张提高到5.8张: the level it starts from
        r.target = t
        if not threshold:  # (计划引进亿元以上项目22个、10亿元以上项目4个: a threshold leaves a plan's list going on)
            prev_target = t
            prev_growth = t and r.kind == "growth"
            kept_end = f.end
