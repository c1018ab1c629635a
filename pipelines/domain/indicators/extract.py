"""Indicator extraction: figures → contract records with metric, subject, period, yoy, target.

Pipeline per article: normalise (length-preserving) → sentences → figures (``scan``) →
classification (growth / share / rank …) → metric, yoy, subject, period, target.

This module holds the loop over an article's sentences and the output records; each rule lives in the
module of its concern (``classify``, ``metric_names``, ``fenbie``, ``yoy``, ``targets``, ``figure_subjects``,
``figure_periods``), around the shared records of ``records``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import replace
from functools import lru_cache
from typing import TypeVar

from .base_year import a_year_before
from .classify import FRAME_UNITS, classify, frames_next, link_neighbours, real_figures, share_list_units
from .fenbie import distribute_fenbie
from .figure_periods import (
    CUTOFF_RE,
    DEMAND_OPENERS,
    DURATION_UNITS,
    HOLIDAY_HEADLINE_RE,
    LEAD_OPENERS,
    MONTH_PERIOD_RE,
    NOW_CUE_RE,
    ON_SITE_RE,
    ONCE_DONE_RE,
    OVER_YEARS_RE,
    PERIOD_CUE_RE,
    THIS_EVENT_RE,
    YEARLY_METRIC_RE,
    YEARS_SPAN_RE,
    carried_period,
    dates_an_event,
    event_month,
    event_months,
    event_period,
    headline_lines,
    headline_period,
    is_flow,
    is_plan_year,
    labelled_period,
    lead_cutoff,
    lead_holiday,
    over_years,
    period_end,
    period_in_label,
    period_year,
    recent_event,
    since_january,
    standing_stock,
    stock_or_flow,
    total_after_span,
    within_cutoff,
)
from .figure_subjects import attach_subjects, remember_entities
from .metric_names import MEAN_GROWTH_RE, PROJECT_WORD_RE, attach_metrics, last_level, project_topic
from .metric_text import growth_of
from .model import Indicator
from .numbers import normalise
from .periods import REVIEW_MONTHS, asof_now, find_periods, last_month_of, reference_year, scan_periods
from .records import FigureRecord, ReadingState
from .scan import scan_figures
from .sentences import Span, mask_tags, split_sentences
from .subjects import article_context, entity_candidates, event_word, find_entities
from .targets import TARGET_LIST_RE, attach_targets
from .yoy import attach_yoy, year_end_yoy

_T = TypeVar("_T")


def extract(text: str, published: dt.date, home_city: str | None = None) -> list[Indicator]:
    """Extract economic figures from ``text``; offsets are ``str`` indices into ``text`` as given.

    ``home_city`` is the city the paper reports on: the subject of 全市/我市 when the article names no city.
    """
    norm = mask_tags(normalise(text))
    actx = article_context(norm)
    if actx.city is None and home_city:
        actx = replace(actx, city=home_city, main_subject=actx.main_subject or home_city)
    sents = split_sentences(norm)
    period_matches = scan_periods(norm)
    # 全年, 上半年 … with no year in their paragraph: the publication year, unless the article reports on the last
    ref_year = reference_year(norm, published)
    default_year = ref_year if ref_year != published.year else None
    cands = entity_candidates(norm, actx)
    # a report's period, stated in its headline, or the year an early-year review looks back on: the period of
    # the figures of its paragraphs that name none
    head = headline_lines(norm, sents)
    report_period = headline_period(norm, head, period_matches, published, default_year) or (
        str(default_year) if default_year is not None else None
    )
    if default_year is None and report_period and len(report_period) == 4 and published.month <= REVIEW_MONTHS:
        default_year = int(report_period)  # 数说信丰2021 in January 2022: its 全年 is 2021
    head_end = head[-1].end if head else 0
    # the period the lead gives the headline's figures that name none: an event's story's are of the event's month,
    # which its lead dates
    headline_figures_period = (
        event_month(norm, sents, head, period_matches, published)
        if event_word(actx.main_subject or "") or _HEADLINE_EVENT_RE.search(norm, 0, head_end)
        # (“双节”假期我市接待游客1326.8万人次: of the holiday the lead names)
        else lead_holiday(norm, sents, head, period_matches, published)
        if HOLIDAY_HEADLINE_RE.search(norm, 0, head_end)
        # (广丰区经营主体突破10万户 / 截至9月底,全区实有各类经营主体10.36万户: at the month-end the lead opens with)
        else lead_cutoff(norm, sents, head, period_matches, published)
    )
    # one pass each over the whole text; a sentence without a figure only updates the state
    # (scan_figures' own number search is the test for a number candidate: no second pass for it)
    sent_starts = [x.start for x in sents]
    periods_at = _by_sentence(period_matches, [m.start() for m in period_matches], sents, sent_starts)
    cands_at = _by_sentence(cands, [e.pos for e in cands], sents, sent_starts)
    out: list[Indicator] = []
    st = ReadingState()
    in_lead = False  # reading a news item's lead (本报讯…): what period it names frames the report
    # the most recent period the lead names (not one it compares with: 中秋国庆假期…。去年国庆假期,…), of this year
    # or the last (not a story's past: 2015年从深圳返乡创业)
    lead_period: str | None = None
    leads_seen = 0
    for si, sent in enumerate(sents):
        if (
            in_lead and st.period and not st.period.startswith("asof:")
            and period_year(st.period) >= published.year - 1
            and (lead_period is None or period_end(st.period) > period_end(lead_period))
        ):
            lead_period = st.period
        if sent.paragraph != st.para:
            if in_lead and report_period is None and lead_period:
                # 本报讯 今年中秋国庆“双节”8天假期(9月29日至10月6日),…: the holiday's, in every paragraph after it
                report_period = lead_period
            lead_period = None
            if norm.startswith(LEAD_OPENERS, sent.start) and leads_seen:
                report_period = None  # 经济简讯: the page's next item, framed by its own lead
            leads_seen += norm.startswith(LEAD_OPENERS, sent.start)
            in_lead = norm.startswith(LEAD_OPENERS, sent.start) and report_period is None and si > 0
            year = st.section_year if st.section_year is not None else default_year
            # (under 一、2018年主要成绩 the section's year, not the 2019 of the headline's 2019年政府工作报告; under
            # a box's 【1—5月】 the label's months)
            carried = (
                st.section_period if st.section_period is not None
                else str(st.section_year) if st.section_year is not None else report_period if si else None
            )
            if year is not None and year < published.year and norm.startswith(DEMAND_OPENERS, sent.start):
                year, carried = published.year, str(published.year)  # 会议要求,…力争全年…: of the year it plans
            st.para, st.year, st.period, st.entity, st.target_list = sent.paragraph, year, carried, None, False
            st.level, st.project, st.growth, st.rise_years = None, None, None, None
            st.para_start = sent.start
        a, b = sent.start, sent.end
        in_sent = periods_at.get(si)
        periods = find_periods(norm, a, b, published, st.year, in_sent, last_month_of(st.period)) if in_sent else []
        for h in periods:
            if h.year is not None:
                st.year = h.year
        if (
            (norm[a] in _HEADING_FIRST or norm[a].isdecimal())  # (most sentences start otherwise: no match call)
            and _SECTION_HEADING_RE.match(norm, a, b) and _is_whole_paragraph(sents, si)
        ):
            if st.year is not None:
                st.section_year = st.year  # the paragraphs under 一、2023年工作回顾 report on 2023
            if not norm[a].isdigit():  # (a section's heading, not one of its numbered items: 1. 地区生产总值…)
                # the items under 五、2019年主要预期目标 are targets, up to the next heading
                st.section_targets = _TARGET_HEADING_RE.search(norm, a, b) is not None
        elif (
            norm[a] == "【" and periods and _BOX_LABEL_RE.fullmatch(norm, a, b) and _is_whole_paragraph(sents, si)
            and (label := next((h.label for h in reversed(periods) if h.label), None))
        ):
            # 【2023年全年】, 【1—5月】, 【截至5月末】, 【全年目标】: a box's label dates the lines under it, up to the
            # next one
            st.section_period, st.period = label, label
            st.section_targets = _TARGET_HEADING_RE.search(norm, a, b) is not None
            continue
        in_sent_cands = cands_at.get(si, [])
        ents = find_entities(norm, a, b, actx, in_sent_cands) if in_sent_cands else []
        figs = scan_figures(norm, a, b)
        if figs:
            figs = real_figures(norm, figs, sent, periods)
        in_target_list = st.target_list and norm[a - 1 : a] in ";；"  # the list goes on after a ；
        # a target list opener is read by attach_targets, and by the next sentence where it goes on right after
        # this one's ；: a sentence with neither figures nor a final ；(most without figures) needs no search; every
        # opener ends with a colon, which most sentences have none of (two finds are cheaper than the search)
        list_here = (
            (bool(figs) or norm[b - 1 : b] in ";；")
            and (norm.find("：", a, b) >= 0 or norm.find(":", a, b) >= 0)
            and TARGET_LIST_RE.search(norm, a, b) is not None
        )
        st.target_list = in_target_list or list_here
        if not figs:
            if ents:
                remember_entities(ents, actx, st)
            if PROJECT_WORD_RE.search(norm, a, b) and (topic := project_topic(norm, a, b)):
                st.last["project"] = topic  # 赣南大道快速路项目是…重点工程。该项目…近200名工人: what 该项目 is
            recent = recent_event(norm, a, b, [h for h in periods if h.label], published)
            dated = recent[0].label if recent else event_period(norm, a, b, periods) if periods else None
            if dated:
                st.period = dated
                if len(dated) == 7:
                    st.event = dated  # 11月28日,上饶县举行…集中开工活动: the month of the article's event
                    report_period = _event_report(report_period, dated)
            continue
        share_list_units(norm, figs)
        # most sentences open no bracket: then no figure of theirs is inside one (and classify counts none)
        bracket = norm.find("（", a, b) >= 0 or norm.find("(", a, b) >= 0
        recs = [classify(norm, f, sent, bracket) for f in figs]
        link_neighbours(norm, recs)
        # 支出586.3亿元;其中民生类支出481.9亿元,占比82.2%: the sentence breaks down the level before it
        whole = st.level if norm.startswith("其中", a) else None
        attach_metrics(norm, recs, periods, ents, published, whole, st.project, st.growth, st.level)
        level_before, st.level = st.level, last_level(recs)
        growth_before = st.growth
        # (a growth in %, not a change of one in 个百分点: 增速比1—7月提高0.2个百分点;8月当月增长9.6%; nor a mean over
        # years, 同比增长10.4%,两年平均增长6.6%)
        st.growth = next(
            (
                r.metric for r in reversed(recs)
                if r.kind == "growth" and r.metric and r.fig.base_unit == "percent"
                and not MEAN_GROWTH_RE.search(r.metric)
            ),
            st.growth,
        )
        distribute_fenbie(norm, recs, in_sent_cands, periods, growth_before, level_before)
        attach_yoy(recs)
        attach_targets(norm, recs, list_here, published.year)
        if in_target_list or st.section_targets:
            for r in recs:
                r.target = True
        labelled = [h for h in periods if h.label] if periods else []
        if len(labelled) > 1:
            labelled = within_cutoff(norm, labelled)
        if (recent := recent_event(norm, a, b, labelled, published)) is not None:
            labelled = recent  # 日前,定南县举行…集中签约活动,现场签约项目12个: of the month it is news in
        if labelled and dates_an_event(norm, a, b):
            labelled = event_months(norm, labelled)  # 5月28日,…推介会在深圳举行,现场签约项目46个: of May
            if st.event is None and (month := next((h.label for h in labelled if h.label and len(h.label) == 7), None)):
                st.event = month  # 10月28日,为期5天的…展销会落下帷幕: the article's event, for 本届…
                report_period = _event_report(report_period, month)
        labelled_ends = [h.end for h in labelled] if labelled else []
        # period and subject read the state as it was before this sentence's entities
        attach_subjects(norm, recs, ents, actx, st, sents, si, cands_at)
        sentence = text[a:b]
        flow_before = False  # whether the level before a growth is a flow since January
        cutoff = CUTOFF_RE.search(norm, a, b) is not None  # 截至10月底: a reporting cut-off in the sentence
        # (the cues of a standing stock, 累计建成/已建成, and of years no one names, 近年来: most sentences have none)
        # (one search tells most sentences have neither cue)
        stock_cue = over_cue = False
        if PERIOD_CUE_RE.search(norm, a, b):
            stock_cue = (
                norm.find("累计", a, b) >= 0 or norm.find("已", a, b) >= 0 or ON_SITE_RE.search(norm, a, b) is not None
            )
            over_cue = OVER_YEARS_RE.search(norm, a, b) is not None
        last_rise: FigureRecord | None = None  # the last level a rise went to (由A增加到B: B), its period set
        year_before_here = _YEAR_BEFORE_OPENER_RE.match(norm, a, b) is not None
        for ri, r in enumerate(recs):
            # the last labelled period before the figure, else the one carried (never to a target or a project)
            if r.fixed_period:
                r.period = r.fixed_period  # 比2018年的82.45亿元: the base year's level (or a 分别 list's period)
            elif r.fig.unit in DURATION_UNITS:
                r.period = None  # 从签约到投产仅用时8个月: how long something took, of no period
            elif r.label and (inside := period_in_label(labelled, r)):
                r.period = inside  # 【4606.2亿元】去年全市地区生产总值: the label's period
            elif labelled and (k := bisect.bisect_right(labelled_ends, r.fig.start)):
                r.period = labelled_period(norm, labelled, k, r, st.period)
            elif r.project or r.target and not is_plan_year(st.period, published) or over_cue and over_years(norm, r):
                # (a target takes only the year its plan is for: 2022年,全县将…;力争营收600亿元; 近年来,该县先后
                # 引进项目47个: over years no one names)
                r.period = None
            elif st.rise_years and (r.starts_rise or r.start_level is not None) and not r.target:
                # 地区生产总值由2016年的218.6亿元增加到2021年的356.2亿元;财政总收入由18.3亿元增加到30.6亿元: a rise that
                # names no years, after one that named both, is over the same years
                r.period = st.rise_years[0] if r.starts_rise else st.rise_years[1]
            else:
                r.period = st.period
            if r.period is None and in_target_list:
                r.period = st.period  # the list's items share the period it opened with
            elif r.period is None and r.start_level is not None and r.kind in ("count", "share") and not r.target:
                r.period = asof_now(published)  # 企业由2016年的9家增加到49家: how many there are now
            elif r.kind == "growth" and "年均" in (r.metric or "") and last_rise and (rise := _rise_years(last_rise)):
                r.period = rise  # 由2016年的218.6亿元增加到2021年的356.2亿元,年均增长7.8%: over 2017-2021
            elif r.period and not r.target and (span := YEARS_SPAN_RE.fullmatch(r.period)) and r.kind != "growth":
                # 过去五年,地区生产总值由198.4亿元增加到312.6亿元: the levels at the span's start and end, not flows
                # over it (a level with no year of its own before 由: the year before the span)
                if r.start_level is not None:
                    r.period = span.group("y2")
                elif r.starts_rise:
                    r.period = str(int(span.group("y")) - 1)
            if stock_cue and (stock := standing_stock(norm, r, r.period, published)) is not None:
                r.period = stock  # 累计建成高标准农田98.6万亩: what stands now
            elif r.period and r.metric:
                r.period = stock_or_flow(r.period, r.metric, r.delta)
            if r.period and "/" in r.period and r.kind == "count" and total_after_span(norm, r):
                r.period = "asof:" + period_end(r.period)  # 今年以来新增合作社46家,总数达到1168家: the total by then
            if r.period and cutoff and is_flow(norm, r, flow_before):
                # 截至10月底,今年已引进项目23个,合同投资额112亿元: what happened by then, since January
                r.period = since_january(r.period) or r.period
            if r.kind != "growth" and not r.delta:  # (a growth after a change is the level's, not the change's)
                flow_before = r.period is not None and "/" in r.period
            # (kind and metric first, a yearly metric's 年 before its regex: most figures are neither a capacity nor
            # yearly, and need no period match)
            if (
                r.period
                and (
                    # (a capacity formed when a project started or will start, not one standing at a date; a yearly
                    # figure only where its clause says it stands now: 目前,年综合通过能力达到1850万吨)
                    r.kind == "capacity" and (r.target or not r.period.startswith("asof:"))
                    or r.metric and r.metric[0] == "年" and YEARLY_METRIC_RE.match(r.metric) and (
                        r.target or not r.period.startswith("asof:")
                        or not NOW_CUE_RE.search(norm, r.fig.cs, r.fig.start)
                    )
                )
                and MONTH_PERIOD_RE.fullmatch(r.period)
            ):
                # 2024年3月投产,达产后年产值50亿元, 将于10月投产,满产后可年产1.5万吨: a yearly figure or a capacity
                # to come has no month or date
                r.period = None
            if (
                r.period is None and st.event and not (r.project or r.target)
                and THIS_EVENT_RE.search(norm, a, r.fig.start)
            ):
                r.period = st.event  # 此次集中开工项目共有20个: of the event's month
            if (
                headline_figures_period and r.fig.start < head_end and not r.target
                # (瑞金一季度重点项目完成投资52.3亿元 / 第二批36个重大项目集中开工: a headline line of the event
                # names its own period, not the line's before)
                and (r.period is None or not labelled and _HEADLINE_EVENT_RE.search(norm, a, b))
            ):
                r.period = headline_figures_period  # 展销会落幕 / 5天吸引游客41.6万人次: of the month the lead dates
            if r.period and r.target and ONCE_DONE_RE.search(norm, a, r.fig.start):
                r.period = None  # 二期预计明年底建成,全部达产后可新增年销售收入120亿元: once done, no date of its own
            if r.progress_of is not None and r.progress_of.period:
                r.period = r.progress_of.period  # 1—11月…完成全年目标的96.2%: of 1—11月, not the plan's year
            if r.year_before and r.period:
                r.period = a_year_before(r.period)  # 实现营收16.2亿元,上年同期为13.5亿元: of 1—9月 a year before
            elif year_before_here and r.period and not r.target and r.progress_of is None:
                # 去年同期,全市共接待游客928.6万人次: the sentence gives the same period's figures a year before
                r.period = a_year_before(r.period)
                if r.metric and r.kind != "growth":
                    r.metric += "(上年同期)"
            if r.period and not r.target and period_year(r.period) > published.year:
                r.target = True  # 到2025年…: a figure for a year still to come is a goal or a forecast
            if ri + 1 < len(recs) and (since_year_end := year_end_yoy(r, recs[ri + 1 : ri + 3])) is not None:
                r.yoy = since_year_end  # 年末存款余额356.2亿元,比上年末增长9.8%: the balance's growth over a year
                if r.metric and not recs[ri + 1].delta and "年初" not in recs[ri + 1].gap:
                    recs[ri + 1].metric = growth_of(r.metric)  # (比年初增长 keeps its name: since January)
            if r.start_level is not None:
                last_rise = r
                if (years := _named_rise_years(r)) is not None:
                    st.rise_years = years
            if r.fig.unit in FRAME_UNITS and ri + 1 < len(recs) and frames_next(norm, r.fig, recs[ri + 1].fig):
                continue  # 5天共售出汽车1286辆: read with the sentence (it ends the next one's name), but no figure
            out.append(_to_indicator(text, r, sentence))
        remember_entities(ents, actx, st)
        projects = [r.project for r in recs if r.project]
        if projects:
            st.project = st.project or projects[0]  # the paragraph's project: its first one
            st.last["project"] = projects[-1]  # what a later 该项目 points back at
        if labelled:
            st.period = carried_period(norm, labelled, sent, st.period)
    return _headline_repeats(out, head_end) if head_end else out


def _headline_repeats(found: list[Indicator], head_end: int) -> list[Indicator]:
    """A headline figure with no period of its own that the body states again is that figure, of its period
    (全市粮食总产量293.15万吨 / …2024年，全市粮食总产量293.15万吨: 2024)."""
    body: dict[tuple[float, str, str], str | None] = {}
    for i in found:
        if i.start >= head_end:
            body.setdefault((i.value_base, i.base_unit, i.kind), i.period)  # (the first time the body states it)
    return [
        i._replace(period=period) if (
            i.start < head_end and i.period is None
            and (period := body.get((i.value_base, i.base_unit, i.kind))) is not None
        ) else i
        for i in found
    ]


# ---------------------------------------------------------------- helpers


# A numbered section heading: 一、2023年工作回顾, （二）2024年主要目标, 3. 2024年重点工作
_SECTION_HEADING_RE = re.compile(r"(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[.、．])")
# What a heading starts with, but for a digit (\d: a decimal digit, what str.isdecimal tells)
_HEADING_FIRST = frozenset("一二三四五六七八九十（(")


_TARGET_HEADING_RE = re.compile(r"目标|计划|任务|打算")
# A sentence about the same period a year before (去年同期,全市共接待游客928.6万人次)
_YEAR_BEFORE_OPENER_RE = re.compile(r"\s*(?:去年|上年)同期[,，]")
# A headline that reports an event (定南12个重大项目集中签约, 200辆新能源物流车批量交付): its figures are of the
# event's month, as an event's story's are
_HEADLINE_EVENT_RE = re.compile(r"集中签约|集中开工|签约|开工|交付|竣工|投产|开业")
# A box's label line of a period alone: 【今年一季度】, 【截至5月末】
_BOX_LABEL_RE = re.compile(r"【[^【】\d]{0,6}[^【】]{1,10}】\s*")


def _event_report(report_period: str | None, month: str) -> str | None:
    """An event's story (我市举行2024年第一批重大项目集中开工活动 … 2月26日,…举行): its figures are of the event's
    month rather than of the bare year its headline names."""
    return month if report_period == month[:4] else report_period


def _is_whole_paragraph(sents: list[Span], si: int) -> bool:
    return (si == 0 or sents[si - 1].paragraph != sents[si].paragraph) and (
        si + 1 == len(sents) or sents[si + 1].paragraph != sents[si].paragraph
    )


def _year_pair(first: str | None, last: str | None) -> tuple[str, str] | None:
    """Two periods that are both years, the first earlier: (first, last), or None."""
    if not (first and last and first.isdigit() and last.isdigit() and len(first) == len(last) == 4 and first < last):
        return None
    return first, last


def _rise_years(end: FigureRecord) -> str | None:
    """The years of a rise from one year's level to another's (``end``: the level it rose to), as the span of a
    yearly mean growth after it (2016 to 2021: 2017-01/2021-12), or None."""
    years = _year_pair(end.start_level.period, end.period) if end.start_level is not None else None
    return f"{int(years[0]) + 1}-01/{years[1]}-12" if years else None


def _named_rise_years(end: FigureRecord) -> tuple[str, str] | None:
    """The years of a rise that names both (由2016年的218.6亿元增加到2021年的356.2亿元: 2016 and 2021; ``end``: the
    level it rose to), or None."""
    return _year_pair(end.start_level.fixed_period, end.period) if end.start_level is not None else None


def _by_sentence(items: list[_T], starts: list[int], sents: list[Span], sent_starts: list[int]) -> dict[int, list[_T]]:
    """The ``items`` (sorted, with their ``starts``) that start in each sentence, by sentence index.

    One bisect per item, not two per sentence: most sentences start no period phrase and no entity."""
    out: dict[int, list[_T]] = {}
    for item, p in zip(items, starts, strict=True):
        si = bisect.bisect_right(sent_starts, p) - 1
        if si >= 0 and p < sents[si].end:
            out.setdefault(si, []).append(item)
    return out


# ---------------------------------------------------------------- output


# _to_indicator passes the fields by position, as one tuple to tuple.__new__ (what the named tuple's own __new__
# does, without its Python frame; a keyword call costs three times as much): in this order
assert Indicator._fields == (
    "start", "end", "text", "value", "unit", "value_base", "base_unit", "kind", "metric", "subject", "period",
    "yoy_pct", "qualifier", "target", "sentence", "sentence_start", "sentence_end",
)


_new_tuple = tuple.__new__


def _to_indicator(text: str, r: FigureRecord, sentence: str) -> Indicator:
    f = r.fig
    sent = r.sent
    vb = r.value_base
    return _new_tuple(Indicator, (
        f.start,  # start
        f.end,  # end
        text[f.start : f.end],  # text
        f.value,  # value
        f.unit,  # unit
        vb if vb.is_integer() and -1e10 < vb < 1e10 else _round(vb),  # value_base (_round's common case inline)
        f.base_unit,  # base_unit
        r.kind,  # kind
        r.metric,  # metric
        r.subject,  # subject
        r.period,  # period
        r.yoy if r.kind != "growth" else None,  # yoy_pct
        f.qualifier,  # qualifier
        r.target,  # target
        sentence,  # sentence
        sent.start,  # sentence_start
        sent.end,  # sentence_end
    ))


@lru_cache(maxsize=4096)  # pure; formatting is the cost, and the values that are not whole (5.6 %) recur
def _round(v: float) -> float:
    if v.is_integer() and -1e10 < v < 1e10:
        return v  # at most 10 digits: already what "%.10g" gives (the common case, without formatting)
    return float(f"{v:.10g}")
