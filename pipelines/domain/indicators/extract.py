"""Indicator extraction: figures → contract records with metric, subject, period, yoy, target.

Pipeline per article: normalise (length-preserving) → sentences → figures (``scan``) →
classification (growth / share / rank …) → metric, yoy, subject, period, target.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise
from typing import TypeVar

from . import context as C
from .model import Indicator
from .numbers import normalise
from .periods import PeriodHit, find_periods, reference_year, scan_periods
from .scan import CLAUSE_SEPS, CONTEXT_WINDOW, Figure, scan_figures
from .sentences import Span, mask_tags, split_sentences
from .subjects import (
    HEAD_ONLY_ANAPHORS,
    PROVINCE,
    ArticleContext,
    Entity,
    article_context,
    entity_candidates,
    find_entities,
)

_T = TypeVar("_T")
QUOTE_PAIRS = {"“": "”", "‘": "’", "「": "」"}


@dataclass(slots=True)  # slots: one per figure, its fields read by every rule
class Rec:
    fig: Figure
    kind: str
    value_base: float
    sent: Span
    mom: bool = False
    delta: bool = False  # 比上年净增 7 亿元: a change in an amount, takes no yoy
    in_paren: bool = False  # inside brackets (其中出口568.7亿元…): an aside to the figures around it
    gap: str = ""  # the text since the figure before it in the sentence (set by _link_neighbours)
    metric: str | None = None
    subject: str | None = None
    period: str | None = None
    yoy: float | None = None
    target: bool = False
    project: str | None = None  # 投资 X 亿元的 Y 项目: Y 项目
    start_level: Rec | None = None  # of the 到 figure of 由A增加到B: A (whose period is not B's)
    label: str = ""  # 【4606.2亿元】去年全市地区生产总值: the 数说 label after the bracketed figure (with its 】)


@dataclass(slots=True)
class _State:
    """What carries across sentences while reading an article."""

    para: int = -1
    para_start: int = 0  # where the paragraph's first sentence starts
    year: int | None = None
    period: str | None = None  # period of the last sentence with figures in this paragraph
    entity: str | None = None  # last entity named in this paragraph
    last: dict[str, str] | None = None  # last named entity of each type in the article
    section_year: int | None = None  # year of the last numbered heading (一、2023年工作回顾)
    target_list: bool = False  # this paragraph opened a list of targets (主要预期目标是:…;…;…)
    level: Rec | None = None  # the last level (not a growth, share or rank) of the sentence before, in this paragraph
    project: str | None = None  # the first project named in this paragraph (鑫磊电路板项目:总投资25亿元…)


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
    report_period = _headline_period(norm, sents, period_matches, published, default_year) or (
        str(default_year) if default_year is not None else None
    )
    # one pass each over the whole text; a sentence without a figure only updates the state
    # (scan_figures' own number search is the test for a number candidate: no second pass for it)
    sent_starts = [x.start for x in sents]
    periods_at = _by_sentence(period_matches, [m.start() for m in period_matches], sents, sent_starts)
    cands_at = _by_sentence(cands, [e.pos for e in cands], sents, sent_starts)
    out: list[Indicator] = []
    st = _State(last={})
    for si, sent in enumerate(sents):
        if sent.paragraph != st.para:
            year = st.section_year if st.section_year is not None else default_year
            carried = report_period if si else None
            st.para, st.year, st.period, st.entity, st.target_list = sent.paragraph, year, carried, None, False
            st.level, st.project = None, None
            st.para_start = sent.start
        a, b = sent.start, sent.end
        in_sent = periods_at.get(si)
        periods = find_periods(norm, a, b, published, st.year, in_sent) if in_sent else []
        for h in periods:
            if h.year is not None:
                st.year = h.year
        if st.year is not None and _SECTION_HEADING_RE.match(norm, a, b) and _is_whole_paragraph(sents, si):
            st.section_year = st.year  # the paragraphs under 一、2023年工作回顾 report on 2023
        in_sent_cands = cands_at.get(si, [])
        ents = find_entities(norm, a, b, actx, in_sent_cands) if in_sent_cands else []
        figs = scan_figures(norm, a, b)
        if figs:
            figs = _real_figures(norm, figs, sent, periods)
        in_target_list = st.target_list and norm[a - 1 : a] in ";；"  # the list goes on after a ；
        # a target list opener is read by _attach_targets, and by the next sentence where it goes on right after
        # this one's ；: a sentence with neither figures nor a final ；(most without figures) needs no search
        list_here = (bool(figs) or norm[b - 1 : b] in ";；") and _TARGET_LIST_RE.search(norm, a, b) is not None
        st.target_list = in_target_list or list_here
        if not figs:
            if ents:
                _remember_entities(ents, actx, st)
            continue
        _share_list_units(norm, figs)
        # most sentences open no bracket: then no figure of theirs is inside one (and _classify counts none)
        bracket = norm.find("（", a, b) >= 0 or norm.find("(", a, b) >= 0
        recs = [_classify(norm, f, sent, bracket) for f in figs]
        _link_neighbours(norm, recs)
        # 支出586.3亿元;其中民生类支出481.9亿元,占比82.2%: the sentence breaks down the level before it
        whole = st.level if norm.startswith("其中", a) else None
        _attach_metrics(norm, recs, periods, ents, whole, st.project)
        if st.project is None:
            st.project = next((r.project for r in recs if r.project), None)
        st.level = _last_level(recs)
        _distribute_fenbie(norm, recs, in_sent_cands)
        _attach_yoy(recs)
        _attach_targets(norm, recs, list_here)
        if in_target_list:
            for r in recs:
                r.target = True
        labelled = [h for h in periods if h.label] if periods else []
        labelled_ends = [h.end for h in labelled] if labelled else []
        # period and subject read the state as it was before this sentence's entities
        _attach_subjects(norm, recs, ents, actx, st, sents, si, cands_at)
        sentence = text[a:b]
        flow_before = False  # whether the level before a growth is a flow since January
        cutoff = _CUTOFF_RE.search(norm, a, b) is not None  # 截至10月底: a reporting cut-off in the sentence
        for r in recs:
            # the last labelled period before the figure, else the one carried (never to a target or a project)
            if r.label and (inside := _period_in_label(labelled, r)):
                r.period = inside  # 【4606.2亿元】去年全市地区生产总值: the label's period
            elif labelled and (k := bisect.bisect_right(labelled_ends, r.fig.start)):
                r.period = _labelled_period(labelled, k, r)
            elif r.project or r.target and not _is_plan_year(st.period, published):
                r.period = None  # (a target takes only the year its plan is for: 2022年,全县将…;力争营收600亿元)
            else:
                r.period = st.period
            if r.period is None and in_target_list:
                r.period = st.period  # the list's items share the period it opened with
            if r.period and r.metric:
                r.period = _stock_or_flow(r.period, r.metric, r.delta)
            if r.period and _ASOF_MONTH_RE.fullmatch(r.period) and cutoff and _is_flow(norm, r, flow_before):
                # 截至10月底,今年已引进项目23个,合同投资额112亿元: what happened by then, since January
                y, mo = r.period[5:9], r.period[10:12]
                r.period = f"{y}-01" if mo == "01" else f"{y}-01/{y}-{mo}"
            if r.kind != "growth" and not r.delta:  # (a growth after a change is the level's, not the change's)
                flow_before = bool(r.period) and "/" in r.period
            if r.period and _MONTH_PERIOD_RE.fullmatch(r.period) and (
                r.kind == "capacity" and r.target or r.metric and _YEARLY_METRIC_RE.match(r.metric)
            ):
                # 2024年3月投产,达产后年产值50亿元, 将于10月投产,满产后可年产1.5万吨: a yearly figure or a capacity
                # to come has no month or date
                r.period = None
            if r.period and not r.target and _period_year(r.period) > published.year:
                r.target = True  # 到2025年…: a figure for a year still to come is a goal or a forecast
            out.append(_to_indicator(text, r, sentence))
        _remember_entities(ents, actx, st)
        for r in recs:
            if r.project:
                st.last["project"] = r.project  # what a later 该项目 points back at
        if labelled:
            st.period = labelled[-1].label
    return out


# ---------------------------------------------------------------- helpers


# 年产值, 年销售收入, 年税收: yearly figures (not 年均 growth rates, not 年末 stocks); a month or a day period
_YEARLY_METRIC_RE = re.compile(r"年(?!均|末|初|底)")
_MONTH_PERIOD_RE = re.compile(r"(?:asof:)?\d{4}-\d{2}(?:-\d{2})?")


@lru_cache(maxsize=256)  # pure, and read for most figures: the few labels of an article repeat
def _period_year(label: str) -> int:
    """The year a period label starts with (2024-H1, asof:2023-12-31)."""
    return int(label.removeprefix("asof:")[:4])


# A numbered section heading: 一、2023年工作回顾, （二）2024年主要目标, 3. 2024年重点工作
# The longest first line read as a headline (a lead sentence is longer, or ends with 。).
HEADLINE_MAX_CHARS = 40


def _headline_period(
    s: str, sents: list[Span], period_matches: list[re.Match[str]], published: dt.date, year: int | None
) -> str | None:
    """The one period a report's headline names (一季度全市全社会用电量同比增长9.8%, 玉山县上半年经济运行稳中有进).

    A statistical report states its period in the headline and the lead, then goes on without it
    (从贸易方式看，一般贸易进出口702.3亿元…): the paragraphs after the headline start with that period
    instead of none. A feature story's headline names no period, and its paragraphs keep their own.
    """
    head = [x for x in sents if x.paragraph == sents[0].paragraph] if sents else []
    if not head or len(head) == len(sents):
        return None
    a, b = head[0].start, head[-1].end
    if b - a > HEADLINE_MAX_CHARS or "。" in s[a:b]:
        return None
    in_head = [m for m in period_matches if a <= m.start() < b]
    labels = {h.label for h in find_periods(s, a, b, published, year, in_head) if h.label}
    return labels.pop() if len(labels) == 1 else None


_SECTION_HEADING_RE = re.compile(r"(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[.、．])")


def _is_whole_paragraph(sents: list[Span], si: int) -> bool:
    return (si == 0 or sents[si - 1].paragraph != sents[si].paragraph) and (
        si + 1 == len(sents) or sents[si + 1].paragraph != sents[si].paragraph
    )


def _by_sentence(items: list[_T], starts: list[int], sents: list[Span], sent_starts: list[int]) -> dict[int, list[_T]]:
    """The ``items`` (sorted, with their ``starts``) that start in each sentence, by sentence index.

    One bisect per item, not two per sentence: most sentences start no period phrase and no entity."""
    out: dict[int, list[_T]] = {}
    for item, p in zip(items, starts, strict=True):
        si = bisect.bisect_right(sent_starts, p) - 1
        if si >= 0 and p < sents[si].end:
            out.setdefault(si, []).append(item)
    return out


def _last_before(items: list[_T], ends: list[int], pos: int) -> _T | None:
    """The last of ``items`` (sorted, with ``ends``) that ends at or before ``pos``."""
    k = bisect.bisect_right(ends, pos)
    return items[k - 1] if k else None


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


# ---------------------------------------------------------------- classification


def _real_figures(s: str, figs: list[Figure], sent: Span, periods: list[PeriodHit]) -> list[Figure]:
    """The figures of a sentence, without the numbers the scanner reads as figures that are none: slogans,
    meeting counts, what is not economic, numbers inside a period phrase.

    (Each rule's guard is tested here: most figures pass them all without a call.)"""
    # the words the non-economic rules look for near a figure lie inside its sentence: a sentence without any
    # (almost all) spares each figure those searches, and leaves only the rules of a few units
    cue = _NON_ECONOMIC_CUE_RE.search(s, sent.start, sent.end) is not None
    out: list[Figure] = []
    for f in figs:
        if f.chinese and not f.rank and _in_short_quote(s, f, sent):
            continue
        if f.unit in _MEETING_UNITS and _is_meeting_count(s, f):
            continue
        if (cue or f.chinese or f.unit in _CUELESS_UNITS or f.base_unit in _CUELESS_BASE_UNITS) and _is_not_economic(
            s, f, sent.end, cue
        ):
            continue
        if periods and any(h.start <= f.start < h.end for h in periods):
            continue  # 国庆7天假期: a number inside a period phrase is part of the period
        if f.start > sent.start and s[f.start - 1] == "每":
            continue  # 每10股派发现金红利3.5元, 每万人: the base of a rate
        if f.rank and s.startswith(_ORDINAL_NOUNS, f.end):
            continue  # 进入第三个年头, 第二批: an ordinal, not a rank
        out.append(f)
    return out


def _in_short_quote(s: str, f: Figure, sent: Span) -> bool:
    """Chinese numerals inside a short quotation are slogans (“八个一”, “三个清单”)."""
    if not f.chinese or f.rank:
        return False
    left = s[max(sent.start, f.start - 10) : f.start]
    right = s[f.end : min(sent.end, f.end + 10)]
    for o, c in QUOTE_PAIRS.items():
        i = left.rfind(o)
        if i >= 0 and c not in left[i + 1 :] and c in right:
            return True
    return False


# Word lengths, longest first: the longest word ending the text is found with one lookup per length.
_GROWTH_WORD_LENS = sorted({len(w) for w in C.GROWTH_WORDS}, reverse=True)
_GROWTH_FILLER_LENS = sorted({len(w) for w in C.GROWTH_FILLER}, reverse=True)
_GROWTH_FILLER = frozenset(C.GROWTH_FILLER)
_APPROX_WORDS = ("近", "约", "超过", "超", "逾")
_MOM_RE = re.compile(_alternation(C.MOM_WORDS))


def _growth_before(s: str, f: Figure, lo: int) -> tuple[int, bool] | None:
    """If a growth verb governs this % figure, return (sign, is month-on-month)."""
    cs = f.cs
    head = s[cs : f.start].rstrip()
    if head.endswith(_APPROX_WORDS):  # (one call for the usual answer, none)
        for w in _APPROX_WORDS:
            if head.endswith(w):
                head = head[: -len(w)]
                break
    for n in _GROWTH_FILLER_LENS:
        if head[-n:] in _GROWTH_FILLER:
            head = head[:-n]
            break
    for n in _GROWTH_WORD_LENS:
        sign = C.GROWTH_WORDS.get(head[-n:])
        if sign is not None:
            return sign, _MOM_RE.search(s, cs, f.start) is not None
    return None


def _classify(s: str, f: Figure, sent: Span, bracket: bool) -> Rec:
    """Kind (growth, share, rank, capacity …), signed base value and flags of a figure.

    ``bracket``: whether its sentence opens a bracket anywhere."""
    kind = f.kind
    mom = False
    vb = f.value * f.factor
    if f.base_unit in ("percent", "percentage_point"):
        g = _growth_before(s, f, sent.start)
        if g is not None:
            kind = "growth"
            sign, mom = g
            if f.base_unit == "percentage_point" and "降幅" in s[f.cs : f.start]:
                sign = -sign  # 降幅收窄6.5个百分点: the rate went up; 降幅扩大: down
            vb = sign * f.value * f.factor  # 增长三成: 成 is ten percent
        elif f.base_unit == "percentage_point" or _GROWTH_LEVEL_RE.search(s, f.cs, f.start):
            kind = "growth"
        else:
            kind = "share"
    elif f.base_unit == "rank":
        kind = "rank"
    elif f.unit == "倍" and (g := _growth_before(s, f, sent.start)) is not None:
        kind, f.base_unit = "growth", "percent"  # 增长1倍: a growth of 100 %
        sign, mom = g
        vb = sign * f.value * 100
    elif f.unit in ("名", "位") and _RANK_MOVE_RE.search(s, f.ws, f.start):
        f.base_unit, kind = "rank", "rank"  # 排名前移2名: a change of rank
    elif f.base_unit in ("GW", "tonne", "m2", "count", "vehicle") and _CAPACITY_RE.search(s, f.cs, f.start):
        kind = "capacity"
    # (the left context is searched in place, s between pos and endpos, not sliced; a delta cue ends the clause,
    # so its last character, or the newline $ allows after it, is tested before the regex)
    delta = (
        f.base_unit not in ("percent", "percentage_point", "rank")
        and f.start > 0 and s[f.start - 1] in _DELTA_LAST_CHARS
        and bool(_DELTA_RE.search(s, f.cs, f.start))
    )
    in_paren = False
    if bracket:
        a = f.ws  # brackets opened within reach (no rule reads further than CONTEXT_WINDOW)
        opened = s.count("（", a, f.start) + s.count("(", a, f.start)
        in_paren = opened > 0 and opened > s.count("）", a, f.start) + s.count(")", a, f.start)  # (most open none)
    return Rec(f, kind, vb, sent, mom, delta, in_paren)


_GROWTH_LEVEL_RE = re.compile(
    f"(?:{'|'.join(C.GROWTH_NOUNS)})[^,，;；]{{0,6}}?(?:{'|'.join(C.LEVEL_AFTER_GROWTH)})(?:{'|'.join(C.GROWTH_FILLER)})?$"
)
_RANK_MOVE_RE = re.compile(r"(?:排名|位次|名次)(?:前移|上升|提升|前进|进位|后退|下降|后移)$")
# 年产(能) X, 年产锂电池 X, 产能(达) X, 装机容量 X: a capacity; 年产量/年产值 are output
_CAPACITY_RE = re.compile(
    r"(?:年产(?![量值])(?:能力|能)?[^\d,，。;；]{0,8}|产能|生产能力|装机容量|装机规模)(?:达到|达|为|超过|超|突破)?$"
)


def _share_list_units(s: str, figs: list[Figure]) -> None:
    """15.2万、9.8万、6.3万人次: numbers listed with a bare multiplier take the unit written after the last one."""
    for i in range(len(figs) - 2, -1, -1):  # from the end: a unit taken passes on to the number before
        a, b = figs[i], figs[i + 1]
        if a.mult_only and not b.mult_only and b.unit.startswith(a.unit) and s[a.end : b.start] in _LIST_SEPS:
            a.unit, a.base_unit, a.factor, a.kind, a.mult_only = b.unit, b.base_unit, b.factor, b.kind, False


_MEETING_RE = re.compile(
    r"(?:召开|举办|举行|开展|组织|参加|出席|主持)[^,，。;；]{0,4}$"
    r"|(?:会议?|座谈|夜话|议事|宣讲|讲座|活动|培训)[”’\"]?$"  # 议事会120余场、“屋场夜话”80多次
)
_MEETING_AFTER_RE = re.compile(r"[^,，。;；]{0,6}(?:会议|会|座谈|讲话|活动|调研|培训)")


_MEETING_UNITS = ("次", "场", "期", "轮")


def _is_meeting_count(s: str, f: Figure) -> bool:
    """召开3次会议, 开展5场活动: counts of meetings and events are not figures."""
    if f.unit not in _MEETING_UNITS:
        return False
    head = s[max(0, f.start - 12) : f.start]
    return bool(_MEETING_RE.search(head) or _MEETING_AFTER_RE.match(s, f.end))


_NON_ECONOMIC_BEFORE_RE = {what: re.compile("|".join(words)) for what, words in C.NON_ECONOMIC_BEFORE.items()}
# Which table of NON_ECONOMIC_BEFORE a unit reads (others read the one of their base unit: percent, rank, count).
_WHAT_IT_MEASURES = {"天": "duration", "个月": "duration", "小时": "duration", "个小时": "duration", "米": "metre",
                     "分": "score"}
# What an ordinal (第三个年头, 第二批, 第五届) counts: no ranking.
_ORDINAL_NOUNS = ("年头", "个年头", "批", "届", "轮", "期", "次", "代", "季", "增长极")
_LIST_INTRO_RE = re.compile(r"[^,，。;；：:]{0,6}[：:]\s*(?:一是|一、|第一|首先|1[.、．])")
_RANK_POOL_RE = re.compile(r"[^,，。;；]{0,12}?中(?:排名|排|位居|位列|居|列)")
_SCENERY_AFTER = re.compile(r"的[^,，。;；、的]{1,10}?[上中里内旁边]")
_NON_ECONOMIC_RE = re.compile("|".join(C.NON_ECONOMIC_NOUNS))
# What one of the first three searches of _is_not_economic must find, each within the figure's sentence: one
# search of the sentence for all of them tells whether any of the three can find something.
_NON_ECONOMIC_CUE_RE = re.compile(
    _alternation((*C.NON_ECONOMIC_NOUNS, *(w for words in C.NON_ECONOMIC_BEFORE.values() for w in words)))
    + "|中(?:排名|排|位居|位列|居|列)"
)
# The units and base units _is_not_economic has a rule for that needs no cue word (times, scores, durations,
# lengths, areas; and Chinese numerals: 三个目标：一是…).
_CUELESS_UNITS = ("分", "天", "个")
_CUELESS_BASE_UNITS = ("km", "m2", "mu")


def _is_not_economic(s: str, f: Figure, hi: int, cue: bool) -> bool:
    """Counts of what is not economic (23179名烈士名字), lengths describing a scene (在800米的老街上), the field
    of a ranking, times of day and speeds. ``cue``: whether the sentence has a word _NON_ECONOMIC_CUE_RE finds."""
    if cue:
        if f.base_unit == "count" and _NON_ECONOMIC_RE.search(s, f.end, min(hi, f.end + 8)):
            return True
        before = _NON_ECONOMIC_BEFORE_RE.get(_WHAT_IT_MEASURES.get(f.unit) or f.base_unit)
        if before is not None and before.search(s, max(f.ws, f.start - 10), f.start):
            return True  # 假期5天, 水位68.52米, 降雨概率80%, 奖牌总数第3名, 代表680名
        if f.base_unit == "count" and _RANK_POOL_RE.match(s, f.end, hi):
            return True  # 在全市12个县(市、区)中排名第一: the field ranked in, not a figure
    if f.unit == "分" and (f.start > 0 and s[f.start - 1] in "时点" or s.startswith("的成绩", f.end)):
        return True  # 9时30分: a time of day; 702分的成绩: an exam score
    if f.unit == "天" and s.endswith("为期", 0, f.start):
        return True  # 为期40天的春运: a duration
    if f.unit == "个" and s.startswith(("半小时", "半月", "半天"), f.end):
        return True  # 1个半小时: a duration
    if f.chinese and f.base_unit == "count" and _LIST_INTRO_RE.match(s, f.end, hi):
        return True  # 定下了三个目标：一是…: the number of points a list will make
    if f.base_unit == "km" and (s.startswith(("/小时", "/时", "每小时"), f.end) or s.endswith("时速", 0, f.start)):
        return True  # 时速100公里: a speed
    if f.base_unit in ("km", "m2", "mu") and f.start > 0 and s[f.start - 1] in "在于":
        m = _SCENERY_AFTER.match(s, f.end, hi)
        return bool(m) and "基础" not in m.group(0)
    return False


# One character ($ allows a newline after it): a longer gap, as most are, needs no regex call
_RANGE_GAP = re.compile(r"^(?:-|~|至|到|—|－|–)$")
_LIST_GAP = re.compile(r"^[、,，]$")
_GAP_MAX = 2
_LIST_SEPS = ("、", "和", "及", ",")


def _link_neighbours(s: str, recs: list[Rec]) -> None:
    """Each pair of neighbouring figures, read once: the text between them (``gap``, read by later rules too),
    then what a range or a list shares.

    Qualifiers: 20%-30%左右 and 约30-50亿元: both bounds share one; 突破5000亿元、6000亿元: the prefix one.
    Kinds: 增长20%-30%: both bounds are growths; 分别增长12%、15%: later members of a list of % take the first
    one's growth kind and sign."""
    for a, b in pairwise(recs):
        fa, fb = a.fig, b.fig
        gap = b.gap = s[fa.end : fb.start]
        if len(gap) <= _GAP_MAX and _RANGE_GAP.match(gap):
            if fa.qualifier is None and fb.qualifier is not None:
                fa.qualifier = fb.qualifier
            elif fb.qualifier is None and fa.qualifier is not None:
                fb.qualifier = fa.qualifier  # 约30-50亿元: the prefix covers both bounds
            if fa.base_unit == fb.base_unit:
                b.kind, b.mom = a.kind, a.mom
                b.value_base = (1 if a.value_base >= 0 else -1) * fb.value * fb.factor
            continue
        if (
            len(gap) <= _GAP_MAX
            and _LIST_GAP.match(gap)
            and fb.qualifier is None
            and fa.qualifier is not None
            and fa.unit == fb.unit
            and not s.startswith(("余", "多", "以上", "左右"), fa.start + len(str(fa.value)))
        ):
            fb.qualifier = fa.qualifier
        if a.kind == "growth" and b.kind == "share" and fa.base_unit == fb.base_unit and gap in _LIST_SEPS:
            b.kind = "growth"
            b.mom = a.mom
            b.value_base = (1 if a.value_base >= 0 else -1) * fb.value * fb.factor
        elif a.kind == "growth" and b.kind == "share" and fa.base_unit == fb.base_unit and _PARALLEL_GAP_RE.fullmatch(
            gap
        ):
            b.kind = "growth"  # 全省增长5.6%,我市为5.9%: the same growth, for another subject


_PARALLEL_GAP_RE = re.compile(r"[,，;；][^,，;；。率比重占]{0,8}?(?:为|是)")
_FENBIE_ITEM_RE = re.compile(r"[^、和及与]+")
# A list of items runs back to the last of these before 分别 (its 、 do not end it, unlike a clause).
_LIST_BOUNDARY_RE = re.compile(r"[,，;；:：。！？!?]")


def _distribute_fenbie(s: str, recs: list[Rec], cands: list[Entity]) -> None:
    """A、B分别增长12%、15%: the i-th figure of the list gets the i-th item, as its metric or its subject."""
    if s.find("分别", recs[0].sent.start, recs[0].sent.end) < 0:
        return  # (most sentences: each figure's clause below lies inside the sentence)
    i = 0
    while i < len(recs):
        r = recs[i]
        k = s.find("分别", r.fig.cs, r.fig.start)
        if k < 0:
            i += 1
            continue
        run = [r]
        j = i + 1
        while j < len(recs) and recs[j].gap in _LIST_SEPS:
            run.append(recs[j])
            j += 1
        start = _list_start(s, max(r.sent.start, k - CONTEXT_WINDOW), k)
        k_list = k
        if start == k and k > r.sent.start and s[k - 1] in "，,":
            # 排名前三的是信州区、鄱阳县、广丰区，分别为…: the list ends the clause before 分别 (one without figures)
            before = _list_start(s, max(r.sent.start, k - CONTEXT_WINDOW), k - 1)
            before = max(before, s.rfind("是", before, k - 1) + 1)  # (排名前三的是: the list starts after 是)
            if not any(x.fig.end > before and x.fig.start < k for x in recs):
                start, k_list = before, k - 1
        items = [m.span() for m in _FENBIE_ITEM_RE.finditer(s, start, k_list)]
        if len(items) == len(run) > 1:
            _fenbie_items(s, items, k, run, cands)
        elif not _FENBIE_COMPARISON.sub("", s[start:k]) and len(run) > 1:
            # no list before 分别 (or only 同比): the growths refer to the figures listed before them
            _fenbie_over_figures(s, recs[:i], run)
        i = j


def _list_start(s: str, lo: int, end: int) -> int:
    """Where the list of items before ``end`` starts: after the last clause break (its 、 do not end it)."""
    start = lo
    for m in _LIST_BOUNDARY_RE.finditer(s, lo, end):
        start = m.end()
    return start


def _growth_name(metric: str, r: Rec) -> str:
    return metric + "增速" if r.kind == "growth" and not metric.endswith("增速") else metric


def _fenbie_items(s: str, items: list[tuple[int, int]], k: int, run: list[Rec], cands: list[Entity]) -> None:
    """Listed places or companies (信州区、广丰区地区生产总值分别为…) are the figures' subjects, with the metric
    named after the last one; otherwise the items are the metrics (出口、进口分别增长…)."""
    at = {e.pos: e for e in cands}
    heads = [at.get(a) for a, _ in items]
    if all(e is not None and e.name for e in heads):
        last, (_, last_end) = heads[-1], items[-1]
        assert last is not None
        metric = _strip_metric(s[last.end : last_end])  # 信州区、广丰区地区生产总值分别为…
        for e, rr in zip(heads, run, strict=True):
            assert e is not None
            rr.subject = e.name
            if metric:
                rr.metric = _growth_name(metric, rr)
            elif rr.metric and last.name and rr.metric.startswith(last.name):
                rr.metric = rr.metric[len(last.name) :]  # 广丰区、玉山县分别进出口58.3亿元…: not 玉山县's name
        return
    # what 分别 is followed by may name the metric itself (晶科能源、捷泰科技分别实现营收…): the item narrows it
    own = _strip_metric(s[k + len("分别") : run[0].fig.start])
    names = [
        _strip_metric(s[head.end if head is not None else a : b]) for (a, b), head in zip(items, heads, strict=True)
    ]
    # 城镇、农村居民人均可支配收入: short modifiers of one length share the last item's head noun
    n = len(names[0])
    if n <= 3 and all(len(x) == n for x in names[:-1]) and len(names[-1]) > n + 1:
        names[:-1] = [x + names[-1][n:] for x in names[:-1]]
    for name, rr in zip(names, run, strict=True):
        if name:  # 全县出口: the metric is 出口
            rr.metric = _growth_name(name + own if len(own) >= 2 else name, rr)


# What may stand between the listed figures and 分别 (营收12亿元、利润1亿元，同比分别增长18%、25%).
_FENBIE_COMPARISON = re.compile(
    r"同比|环比|比上年同期|比去年同期|比上年|比去年|较上年|较去年|按(?:可比|不变)(?:价格|口径)?(?:计算)?|[,，]"
)


def _fenbie_over_figures(s: str, before: list[Rec], run: list[Rec]) -> None:
    """营收12亿元、利润1亿元，分别增长18%、25%: the growths name the figures listed just before them, one each,
    and are their year-on-year changes."""
    levels = [r for r in before if r.kind not in ("growth", "share", "rank") and not r.delta][-len(run) :]
    if len(levels) != len(run) or any(r.kind != "growth" or r.fig.base_unit != "percent" for r in run):
        return
    for level, growth in zip(levels, run, strict=True):
        if level.metric:
            growth.metric = level.metric if level.metric.endswith("增速") else level.metric + "增速"
        if not growth.mom:
            level.yoy = growth.value_base
        if level.subject is not None:  # A、B营收分别为12亿元、8亿元,分别增长18%、25%: A's and B's growths
            growth.subject = level.subject


# ---------------------------------------------------------------- metrics


def _metric_before_period(
    s: str, f: Figure, periods: list[PeriodHit], ents: list[Entity], prev_end: int,
    ends: tuple[list[int], list[int]],
) -> str:
    """规上工业营业收入去年为86.2亿元, 教育经费总投入(2022年)达到312亿元: the metric stands before the period."""
    h = _last_before(periods, ends[0], f.start)
    start = max(f.cs, prev_end)
    if h is None or h.start <= start:
        return ""
    e = _last_before(ents, ends[1], h.start) if ents else None
    if e is not None and e.pos >= start:
        start = max(start, e.end)
    before = _strip_metric(s[start : h.start])
    return before if len(before) >= 2 else ""


def _cut_left(
    s: str, f: Figure, periods: list[PeriodHit], ents: list[Entity], prev_end: int,
    ends: tuple[list[int], list[int]],
) -> str:
    """The clause text before the figure, after the last period phrase, entity, figure or predicate break."""
    cs, start = f.cs, f.start
    cut = cs if cs > prev_end else prev_end
    # the last period and entity ending before the figure (_last_before, inline: once per figure)
    if periods and (k := bisect.bisect_right(ends[0], start)):
        h = periods[k - 1]
        if h.start >= cs and h.end > cut:
            cut = h.end
    if ents and (k := bisect.bisect_right(ends[1], start)):
        e = ents[k - 1]
        if e.pos >= cs and e.end > cut:
            cut = e.end
    left = s[cut:start]
    if _CUT_AFTER_RE.search(s, cut, start):  # (most clauses have no break: one search, no iterator)
        n = len(left)
        last = 0
        for m in _CUT_AFTER_RE.finditer(left):  # one pass: after the last predicate break that is not at the end
            if m.end() < n:
                last = m.end()
        if last:
            left = left[last:]
    k = left.rfind("以")
    if k >= 0 and not left.startswith(("以上", "以下", "以内", "以来"), k) and k + 1 < len(left):
        left = left[k + 1 :]
    return left


_CUT_AFTER_RE = re.compile(_alternation(C.METRIC_CUT_AFTER))
_TRAILING_RE = re.compile(f"(?:{_alternation(C.METRIC_TRAILING)})$")
_LEADING_RE = re.compile(f"^(?:{_alternation(C.METRIC_LEADING)})")
_INFIX_RE = re.compile(_alternation(C.METRIC_INFIX_DELETE))
_NOUN_STOP_RE = re.compile(_alternation(C.NOUN_STOP))
_INTRO_VERBS = (*C.COUNT_INTRO_VERBS, *C.AMOUNT_INTRO_VERBS)
_TARGET_CUES = _alternation(tuple(c for c in C.TARGET_CUES if c not in ("将", "冲")))
_ACHIEVED_RE = re.compile(_alternation(C.ACHIEVED_CUES))
_DELTA_RE = re.compile(f"(?:{_alternation(C.DELTA_CUES)})了?$")
_DELTA_LAST_CHARS = frozenset(c[-1] for c in C.DELTA_CUES) | {"了", "\n"}
_STRONG_CUES = ("投产后", "建成后", "达产后", "力争", "预计")
assert set(_STRONG_CUES) <= set(C.TARGET_CUES) - {"将", "冲"}  # _attach_targets relies on it
_STRONG_CUE_RE = re.compile(_alternation(_STRONG_CUES))
_STRONG_CUE_REACH = max(map(len, _STRONG_CUES)) - 1  # how far a cue starting before a clause reaches into it
_QUOTES = " \t“”\"‘’()（）—-\n\u2029"


def _strip_ends(m: str) -> str:
    """Strip verbs, adverbs and function words from both ends of a metric."""
    while m:
        t = _TRAILING_RE.search(m)
        if t:
            m = m[: t.start()].rstrip(" “”\"")
            continue
        if len(m) > 1 and m[-1] == "能" and m[-2] not in C.NENG_NOUN_BEFORE:
            m = m[:-1]  # 能达到: a modal; 产能, 动能: a noun
            continue
        lead = _LEADING_RE.match(m)
        if lead and not m.startswith("在建"):  # (在建项目: a word, not 在 + 建项目)
            m = m[lead.end() :].lstrip(" “”\"")
            continue
        break
    return m


# An alias in brackets right after the name: 地区生产总值（GDP）.
_TRAILING_ALIAS_RE = re.compile(r"[（(][^（）()]{1,12}[）)]$")


@lru_cache(maxsize=4096)
def _strip_metric(m: str) -> str:
    m = _strip_ends(_TRAILING_ALIAS_RE.sub("", _INFIX_RE.sub("", m).rstrip()).strip(_QUOTES))
    split = False
    for sep in ("等", "的"):
        k = m.rfind(sep)
        if sep == "等" and k > 0 and (m[k - 1] in "同平相对均" or m[k + 1 : k + 2] == "级"):
            continue  # 同等, 平等, 等级: words, not the end of a list
        if k >= 0 and len(m) - k - 1 >= 2:
            m = m[k + 1 :]
            split = True
        elif k >= 0 and sep == "等":
            m = m[k + 1 :]
            split = True
    if split:
        m = _strip_ends(m)
    if m.endswith("总数") and len(m) > 3:
        m = m[:-2] + "数"  # 平台总数 → 平台数
    return _balance_quotes(m)


_QUOTE_CHAR_RE = re.compile("[“”‘’\"]")


def _balance_quotes(m: str) -> str:
    """‘’ inside a metric are the article's quotation marks (“”); an unmatched mark is dropped."""
    if not _QUOTE_CHAR_RE.search(m):
        return m
    m = m.replace("‘", "“").replace("’", "”")
    out: list[str] = []
    open_at: int | None = None
    for c in m:
        if c == "“":
            if open_at is not None:
                out[open_at] = ""
            open_at = len(out)
        elif c == "”":
            if open_at is None:
                continue
            open_at = None
        out.append(c)
    if open_at is not None:
        out[open_at] = ""
    return "".join(out).strip(" \"")


_NOUN_BAD_START = "等及和与或为是在了对把被将向从也都还又并且而于已"
# A noun phrase does not start with these: what follows the figure is a predicate (260亩用于…).
NOUN_BAD_START_WORDS: tuple[str, ...] = (
    "用于", "发展", "实现", "达到", "建成", "投入", "带动", "完成", "左右", "以上", "其中", "之一", "进入", "成为",
    "分别", "相继", "全部", "已经", "正在", "通过", "形成", "大关", "打破", "获得", "获评", "位居", "位列", "排名",
)


# What ends a plain run of a noun phrase: a clause separator (quotation marks stay inside) or a parenthesis.
_NOUN_RUN_END_RE = re.compile("[" + re.escape("".join(sorted(CLAUSE_SEPS - set("“”‘’\"")))) + "(（]")


def _right_noun(s: str, i: int, hi: int, fig_starts: list[int], fig_ends: list[int]) -> str:
    """The noun phrase at ``i``, right after a figure (3条生产线, 5个千亿级产业集群, 15个省级(培育、特色)产业集群).

    ``fig_starts``/``fig_ends``: the sentence's figures (empty for a lone figure: no other one to stop at).
    The phrase is read run by run (a regex finds the next separator or parenthesis), not character by character."""
    if s.startswith("的", i):
        i += 1
    if i >= hi:
        return ""
    c = s[i]
    if not ("\u4e00" <= c <= "\u9fff" or c in "“‘") or c in _NOUN_BAD_START:  # (_is_han, inline: most exit here)
        return ""
    if s.startswith(NOUN_BAD_START_WORDS, i):
        return ""
    parts: list[str] = []
    masked: list[str] = []  # the same text with parenthesised aliases blanked (stop words are not looked for there)
    j = i
    limit = min(hi, i + 24)
    embedded = False
    k = bisect.bisect_left(fig_starts, i)  # the next figure
    while j < limit:
        stop_char = _NOUN_RUN_END_RE.search(s, j, limit)
        end = stop_char.start() if stop_char else limit
        at_fig = k < len(fig_starts) and fig_starts[k] < end
        if at_fig:
            end = fig_starts[k]
        if end > j:
            run = s[j:end]
            parts.append(run)
            masked.append(run)
            j = end
            if j >= limit:
                break
        if at_fig:
            e = fig_ends[k]
            # 千亿级产业集群, 营业收入过千亿元的产业集群, 共6400吨位的机械压机: a size inside the noun
            if e < hi and s[e] in "级的":
                parts.append(s[j : e + 1])
                masked.append("□" * (e + 1 - j))
                j = e + 1
                embedded = True
                k = bisect.bisect_left(fig_starts, j)
                continue
            break
        if s[j] not in "(（":
            break  # a separator
        close = _paren_end(s, j, min(hi, j + 16))
        if close < 0:
            break
        inner = s[j + 1 : close - 1]
        if "、" not in inner and "，" not in inner and "," not in inner:
            parts.append(s[j:close])  # 村(居): an alias stays
            masked.append("□" * (close - j))
        j = close  # an enumeration in parentheses (培育、特色) is dropped
        k = bisect.bisect_left(fig_starts, j)
    noun = "".join(parts)
    stop = _NOUN_STOP_RE.search("".join(masked), 1)
    if stop:
        noun = noun[: stop.start()]
    if embedded:
        k = noun.rfind("的")
        if 0 <= k < len(noun) - 2:
            noun = noun[k + 1 :]  # the head noun after the size: 机械压机, 产业集群
    noun = noun.removesuffix("之一")
    return _balance_quotes(noun).strip(" \"")


def _paren_end(s: str, j: int, hi: int) -> int:
    """Index after the parenthesis closing the one at ``j`` (within ``hi``), or -1."""
    for k in range(j + 1, hi):
        if s[k] in ")）":
            return k + 1
        if s[k] in "(（。；;":
            return -1
    return -1


def _is_han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


@lru_cache(maxsize=2048)  # pure functions of short strings (the nouns after counts repeat within an article)
def _person_head(noun: str, unit: str) -> str:
    """160多名建设者满负荷运转 → 建设者: after a person classifier the noun ends at its first person word."""
    if unit.removesuffix("余").removesuffix("多")[-1:] not in ("名", "人", "位"):
        return noun
    best = len(noun)
    for e in C.PERSON_NOUN_ENDINGS:
        k = noun.find(e, max(0, 2 - len(e)))
        if k >= 0 and k + len(e) < best:
            best = k + len(e)
    return noun[:best]


@lru_cache(maxsize=2048)
def _count_metric(noun: str, unit: str, from_left: bool) -> str:
    """院士 + 名 → 院士人数; 复工复产 + 条 → 复工复产条数; 产业集群 + 个 → 产业集群数."""
    if not noun or noun.endswith(C.QUANTITY_NOUN_ENDINGS):
        return noun
    base = unit[1:] if unit[:1] in "万千百亿" else unit
    base = base.removesuffix("余").removesuffix("多")
    suffix = C.CLASSIFIER_COUNT_SUFFIX.get(base, "数")
    if suffix in ("条数", "次数") and not from_left:
        suffix = "数"
    if suffix == "户数" and not noun.endswith(C.HOUSEHOLD_NOUN_ENDINGS):
        suffix = "数"  # 入驻企业1300户: firms
    elif suffix != "户数" and noun.endswith(C.PERSON_NOUN_ENDINGS):
        suffix = "人数"
    if suffix in ("人数", "户数") and noun.endswith(suffix[0]):
        return noun + "数"  # 工人数, 贫困户数
    if suffix == "人数" and noun.endswith(C.PERSON_PLAIN_COUNT_ENDINGS):
        return noun + "数"  # 员工数, 人才数
    return noun + suffix


# A sentence about one project, road, railway or bridge opens with its name (鄱余高等级公路项目起于…,全长34.6公里,
# 总投资25.46亿元; 鄱万高速全长58.6公里; 签约的年产5GW光伏组件项目总投资20亿元); a group of projects
# (此次集中开工项目, 这些项目) is no name.
_PROJECT_TOPIC_RE = re.compile(
    r"(?:据了解|据悉|其中|目前)?[,，]?(?:[^,，;；。:：“”\s]{0,6}的)?"
    r"([^,，;；。:：“”、\s的]{2,22}?(?:项目|(?:高速公路|高速|铁路|快速路|特大桥|大桥|标段|工程)(?:项目)?))"
)
PROJECT_GROUP_WORDS: tuple[str, ...] = ("此次", "本次", "集中", "这些", "该", "各", "重大", "重点", "开工", "签约",
                                         "在建", "续建", "竣工", "入库", "储备", "招商", "产业", "引进", "已")
PROJECT_GROUP_BEFORE = "个批等类"  # 5个项目, 一批项目, 光伏等项目, 各类项目
PROJECT_NAME_MIN = 4  # characters before 项目: 新能源项目 is a kind of project, 鄱余高等级公路项目 a name


def _project_topic(s: str, lo: int, end: int) -> str | None:
    """The project a sentence opens with, when the figure at ``end`` is one of its sizes."""
    m = _PROJECT_TOPIC_RE.match(s, lo, end)
    if m is not None and s.startswith(("：", ":"), m.end()):
        m = _PROJECT_TOPIC_RE.match(s, m.end() + 1, end) or m  # 汇能磁材项目:江西汇能稀土永磁材料项目总投资…
    if m is None:
        return None
    name = m.group(1)
    if len(name) - 2 < PROJECT_NAME_MIN and name.endswith("项目") or name[-3] in PROJECT_GROUP_BEFORE:
        return None
    if any(w in name for w in PROJECT_GROUP_WORDS):
        return None
    return name


# What a project yields once done (建成后, 全面投产后, 达产后) is the project's, like its size, and so is what is
# counted at its site (建设现场,十余台塔吊同时作业).
_ONCE_DONE_RE = re.compile(r"(?:建成|投产|达产|满产|竣工|运营)后|现场")
_FROM_BEFORE_RE = re.compile(r"[由从](?:[^,，。;；由从]{1,10}的)?$")  # 由8万元, 由2015年的116家, 从520人
_PROJECT_AFTER = re.compile(r"(?:建设|打造|新建)?的([^,，;；。的]{2,24}?(?:项目|高速公路|铁路|快速路|大桥|工程))")
_PROJECT_RIGHT = re.compile(r"[^,，;；。的、]{2,16}?项目")
# Words before a figure that describe a project's size (its subject is the project named after it).
PROJECT_SIZE_WORDS: tuple[str, ...] = (
    "总投资", "投资", "投资额", "投资额为", "总投资为", "面积", "占地", "占地面积", "年产", "年产能", "全长"
)
# A bare multiplier (人口35万) counts people or households after these words; otherwise it is money.
MULT_ONLY_COUNT_WORDS: tuple[str, ...] = ("人口", "人次", "人数", "户数", "游客", "用户", "就业", "居民")
# Abbreviations written out in metric names (the catalogue maps synonyms; these read better as names).
METRIC_ABBREVIATIONS: dict[str, str] = {
    "固投": "固定资产投资",
    "社零": "社会消费品零售总额",
    "社零额": "社会消费品零售总额",
}
_ABBREVIATION_FIRST = frozenset(w[0] for w in METRIC_ABBREVIATIONS)


def _expand_abbreviation(metric: str) -> str:
    """营收 → 营业收入, 营收增速 → 营业收入增速 (a whole metric, or one with its growth suffix)."""
    head = metric.removesuffix("增速")
    return METRIC_ABBREVIATIONS[head] + metric[len(head) :] if head in METRIC_ABBREVIATIONS else metric


_MULT_ONLY_COUNT_RE = re.compile("|".join(MULT_ONLY_COUNT_WORDS))


# A share of a plan or target (占年度计划的85%, 完成全年目标的92%): how far the plan is done.
# 主要预期目标是: …, 今年我们将重点抓好以下工作: 一是…: what follows is a list of targets
# (each alternative starts with a literal: a search skips to those characters instead of trying every position)
_TARGET_LIST_RE = re.compile(
    "|".join(f"{w}(?:是|为)?[:：]" for w in ("目标", "计划", "任务")) + "|将[^:：。;；]{0,20}[:：]"
)
_PLAN_PROGRESS_RE = re.compile(r"(?:超|超额完成|完成)(?:年度|全年)?(?:计划|目标|任务)")
_PLAN_SHARE_RE = re.compile(r"(?:占|完成|达)(?P<plan>(?:年度|全年)?(?:计划|目标|任务|预算)+)的?$")
_SHARE_NOUN_RE = re.compile(r"的([^,，;；:：。、的]{1,12}?(?:率|比例|比重|占比|份额))(?=[,，;；:：。、]|$)")
_RANK_MOVE_GAP = re.compile(r"^(?:前进|上升|提升|跃升|升|进位|下降|后退|下滑|退|降)?(?:至|到)$")
# Units measured by a noun written right after them (85吨钢材, 25公里道路), and the metric suffix.
_MEASURE_SUFFIX = {"tonne": "量", "km": "长度", "m2": "面积", "mu": "面积"}


def _measure_metric(noun: str, base_unit: str, unit: str) -> str:
    if noun.endswith(C.QUANTITY_NOUN_ENDINGS):
        return noun
    if unit.endswith("吨位"):
        return noun + "吨位"
    if base_unit == "km":
        return noun + ("里程" if noun.endswith(C.ROAD_NOUN_ENDINGS) else "长度")
    if base_unit == "other" and unit.endswith(("立方米", "立方")):
        return noun + "量"
    return noun + _MEASURE_SUFFIX.get(base_unit, "")


_NOT_LEVELS = ("growth", "share", "rank")
# up to the last separator, then a list number (1. 一、 (1)) if any
_LABEL_START_RE = re.compile(
    r"(?s:.*[,，。;；:：\s])?(?:\d{1,2}[.、．]|[一二三四五六七八九十]{1,2}、|[(（]\d{1,2}[)）])?\s*"
)


# 】, then the label up to the clause's end, its period and scope words aside (去年全市地区生产总值)
_BRACKET_LABEL_RE = re.compile(
    r"】(?:(?:19|20)\d{2}年|去年|今年|全年|上半年|前三季度)?(?:全市|全县|全区|全省)?(?P<name>[^,，。;；:：【】]{2,24})"
)


def _colon_label(s: str, lo: int, colon: int) -> str:
    """The label of a 数说 line (1. 地区生产总值：…): what stands before its colon, numbering aside."""
    start = max(lo, colon - CONTEXT_WINDOW // 4)
    m = _LABEL_START_RE.match(s, start, colon)
    label = _strip_metric(s[m.end() if m else start : colon])
    return label if len(label) >= 2 else ""


def _last_level(recs: list[Rec]) -> Rec | None:
    """The sentence's last named level outside brackets: what the parts listed by a 其中 sentence after it are of.

    (A loop, not next() over a generator: it runs once per sentence with figures.)"""
    for r in reversed(recs):
        if r.kind not in _NOT_LEVELS and r.metric and not r.in_paren and not r.delta:
            return r
    return None


_SHARE_WORD_RE = re.compile(r"的?(?:比重|比例|份额)$")


def _is_whole_of(whole: Rec | None, part: Rec | None) -> bool:
    """Whether ``whole`` is what the 其中 list ``part`` belongs to breaks down: another figure in the same unit."""
    return whole is not None and whole is not part and bool(whole.metric) and (
        part is None or whole.fig.base_unit == part.fig.base_unit
    )


def _share_of(noun: str) -> str:
    """What a share is of: 工业营收比重 → 工业营收."""
    return _SHARE_WORD_RE.sub("", noun)


def _attach_metrics(
    s: str, recs: list[Rec], periods: list[PeriodHit], ents: list[Entity], whole: Rec | None = None,
    para_project: str | None = None,
) -> None:
    """Name what each figure of one sentence measures; ``whole`` is the level a 其中 sentence breaks down,
    ``para_project`` the project its paragraph is about."""
    # (lists built only where there is something in them: a lone figure has no other figure for _right_noun
    # to stop at, and most sentences have no period or entity)
    several = len(recs) > 1
    fig_starts = [r.fig.start for r in recs] if several else []
    fig_ends = [r.fig.end for r in recs] if several else []
    ends = ([h.end for h in periods] if periods else [], [e.end for e in ents] if ents else [])
    prev: Rec | None = None  # last non-growth, non-rank record of the sentence
    last: Rec | None = None
    from_level: Rec | None = None  # the 由 figure of a 由A增加到B
    last_pct: Rec | None = None  # last growth or share in %: what a change in 个百分点 is a change of
    last_rank: Rec | None = None
    prev_end = 0
    first_level: Rec | None = None
    project: Rec | None = None  # the last figure of the sentence whose project is named beside it
    lo, hi = recs[0].sent.start, recs[0].sent.end  # one sentence
    outer_prev: Rec | None = None  # prev outside the brackets the figures are in now
    # (the 由A增加到B rules below need a 由 or 从: most sentences have neither)
    you_here = s.find("由", lo, hi) >= 0 or s.find("从", lo, hi) >= 0
    for r in recs:
        f = r.fig
        cs = f.cs
        if "其中" in r.gap and first_level is not None:
            whole = first_level  # 车流量1856万辆次,日均46.4万辆次,其中小型客车占比92%: of the first level
        if last is not None and r.in_paren != last.in_paren:
            prev, outer_prev = (outer_prev, None) if last.in_paren else (prev, prev)
        in_list = cs > lo and s[cs - 1] == "、"
        raw_left = _cut_left(s, f, periods, ents, prev_end, ends)
        left = _strip_metric(raw_left)
        if len(left) < 2 and periods:
            left = _metric_before_period(s, f, periods, ents, prev_end, ends) or left
        if fm := _FROM_BEFORE_RE.search(s, cs, f.start):
            e = _last_before(ents, ends[1], fm.start()) if ents else None
            named = _strip_metric(s[max(cs, e.end) if e is not None else cs : fm.start()])
            if len(named) >= 2:
                left = named  # 研发团队由最初的3人扩大到如今的46人: what stands before 由
        if len(left) < 2 and cs > lo and s[cs - 1] in "：:":
            left = _colon_label(s, lo, cs - 1) or left  # 1. 地区生产总值：2015.3亿元: the label before the colon
        elif f.start > lo and s[f.start - 1] == "【" and s.startswith("】", f.end):
            lab = _BRACKET_LABEL_RE.match(s, f.end, hi)
            if lab and len(named := _strip_metric(lab.group("name"))) >= 2:
                left, r.label = named, lab.group(0)  # 【4606.2亿元】去年全市地区生产总值,同比增长4.7%
                if r.kind == "share" and lab.group("name").endswith(C.GROWTH_NOUNS):
                    r.kind = "growth"  # 【8.3%】规上工业增加值增速
        prev_end = f.end
        metric = left
        raw_verb = raw_left.rstrip("了")
        verb_only = len(left) <= 2 and (not left or raw_verb.endswith(_INTRO_VERBS))
        threshold = f.qualifier == "over" and s.startswith("以上", f.end - 2) and r.kind == "amount"
        # rank, growth and share metrics are read on the left: the noun on the right only for the others, and for
        # money only after an intro verb (获得资金5亿元), as a size class (千亿级产业) or a threshold (亿元以上项目):
        # the rules below read it nowhere else
        reads_right = r.kind not in ("rank", "growth", "share") and (
            f.base_unit not in ("CNY", "USD") or verb_only or f.mult_only or threshold
            or raw_verb.endswith(C.AMOUNT_INTRO_VERBS)
        )
        right = _right_noun(s, f.end, hi, fig_starts, fig_ends) if reads_right else ""
        # 3条生产线, 85吨钢材: a noun written right after the unit is what the figure counts or measures
        direct = right if (
            right and not s.startswith("的", f.end) and f.unit[-1:] not in "万亿千百"
            and f.base_unit not in ("CNY", "USD", "percent", "percentage_point")
            and not right.startswith(C.CHANGE_WORDS)  # 由35家增至128家: a change follows, not a noun
        ) else ""
        if r.kind == "rank":
            if last_rank is not None and _RANK_MOVE_GAP.match(s[last_rank.fig.end : f.start]) and last_rank.metric:
                metric = last_rank.metric  # 从第六前进至第四: the same ranking
            else:
                metric = _rank_metric(s, r, lo, left, prev, last_pct)
        elif r.kind == "growth" and f.base_unit == "percentage_point" and (pp := _pp_metric(s, f, last_pct, prev)):
            metric = pp  # 增速比上半年加快0.3个百分点: a change in a rate, named with its comparison
        elif r.kind == "growth" and r.mom and metric in ("", "环比") and (base := _level_of(last, prev)):
            metric = f"{base}环比增速"  # 同比增长7.1%,环比增长0.8%: the same indicator month on month
        elif r.kind == "growth":
            if len(metric) < 2 and prev is not None and prev.metric:
                metric = prev.metric
            elif len(metric) < 2 and last is not None and last.kind == "growth" and last.metric:
                # 全省增长5.1%,赣州增长6.3%: the same growth, for another subject
                metric = last.metric
            if metric and not metric.endswith(("增速", "增幅", "率")):
                metric += "增速"
        elif r.kind == "share":
            scope = next((sc for sc in C.RANK_SCOPES if sc in raw_left), "")
            left = left.removeprefix("约")  # 约占员工总数的18%
            bare = left.replace(scope, "").replace("占", "")
            sm = _SHARE_NOUN_RE.match(s, f.end, hi)
            plan = _PLAN_SHARE_RE.search(s, cs, f.start)
            if sm:
                metric = sm.group(1)  # 95%的设备开工率
            elif plan and prev is not None and prev.metric:
                metric = f"{prev.metric}占{plan.group('plan')}比重"  # 完成投资68亿元,占年度计划的85%
            elif bare in ("", "比", "比重", "占比", "比例") and prev is not None and prev.metric:
                # 其中民生支出481.9亿元,占比82.2%: a share of the whole the 其中 list breaks down
                of = scope or (whole.metric if _is_whole_of(whole, prev) else "")
                metric = f"{prev.metric}占{of}比重" if of else f"{prev.metric}占比"
            elif left.startswith("占") and prev is not None and prev.metric and len(of := _share_of(bare)) >= 2:
                metric = f"{prev.metric}占{of}比重"  # 一般贸易进出口702.3亿元,占全市外贸总值的76.6%
            elif (
                left.endswith("占比") and len(left) > 3 and not scope and not any(c in left for c in "在中")
                and (of_rec := whole if _is_whole_of(whole, prev) else prev) is not None and of_rec.metric
                and left[:-2] != of_rec.metric
            ):
                metric = f"{left[:-2]}占{of_rec.metric}比重"  # 一般公共预算收入16亿元,税收占比71.2%
        elif not left and in_list and prev is not None and prev.fig.base_unit == f.base_unit and not direct:
            metric = prev.metric or ""
        elif r.kind == "capacity" and raw_left.endswith(("年产", "年产能")):
            product = right.split("项目")[0]
            metric = (product + "年产能") if product else "年产能"
        elif f.base_unit in ("count", "vehicle"):
            intro = verb_only or in_list or raw_verb.endswith(C.COUNT_INTRO_VERBS)
            event = _event_after(s, f, hi) if f.unit.endswith("次") else ""
            if event:
                metric = left + event + "次数"  # 连续22次打破纪录: the event counted
            elif direct:
                metric = _count_metric(_person_head(direct, f.unit), f.unit, False)
            elif right and intro:
                metric = _count_metric(_person_head(right, f.unit), f.unit, False)
            elif metric in C.BARE_CHANGE_VERBS and prev is not None and prev.metric and prev.fig.unit == f.unit:
                metric = metric + prev.metric  # 规上企业达到312家,其中上半年新增17家: 新增规上企业数
            elif metric and r.kind == "count":
                metric = _count_metric(metric, f.unit, True)
        elif r.kind == "area" or f.base_unit in ("km", "tonne") or f.unit.endswith(("立方米", "立方")):
            intro = verb_only or in_list or raw_verb.endswith(C.COUNT_INTRO_VERBS)
            if direct or (right and intro):
                metric = _measure_metric(direct or right, f.base_unit, f.unit)
        elif f.base_unit == "GW" and "项目" in right:
            product = _QUOTED_RE.sub("", right.split("项目")[0])  # 24GW高效光伏组件“新倍增”项目
            metric = (product + "产能") if product else "产能"
        else:
            if right and (verb_only or raw_verb.endswith(C.AMOUNT_INTRO_VERBS)):
                metric = right
            if left.endswith("投资"):
                m = _PROJECT_AFTER.match(s, f.end, hi)
                if m:
                    metric = "项目总投资" if "总投资" in raw_left else "项目投资"
        if f.mult_only and r.kind == "amount":
            # 千亿级产业集群, 百亿企业: the size class of what follows
            # the noun after 级/的, else the one already read
            shifted = s.startswith(("级", "的"), f.end)
            noun = _right_noun(s, f.end + 1, hi, fig_starts, fig_ends) if shifted else right
            if noun:
                noun = _cut_after_head(noun)
                metric = noun + ("投资额" if "投资" in raw_left or noun.endswith("项目") and threshold else "规模")
                if threshold:
                    metric += "门槛"
        elif threshold:
            noun = right
            if "项目" in noun:
                metric = _cut_after_head(noun) + "投资额门槛"
            elif noun:
                metric = noun + "门槛"
        if raw_left.endswith("以") and s.startswith("的", f.end) and r.kind != "rank":  # (以第一名的成绩: a rank)
            # 以686亿元的品牌价值位居第6位, 以12亿元的营收位居全市第一: what follows 的 is measured
            metric = _right_noun(s, f.end + 1, hi, fig_starts, fig_ends) or metric
        if metric[:1] in _ABBREVIATION_FIRST:  # (most metrics: no abbreviation starts with their first character)
            metric = _expand_abbreviation(metric)
        if raw_left.endswith(PROJECT_SIZE_WORDS):
            m = _PROJECT_AFTER.match(s, f.end, hi) or _PROJECT_RIGHT.match(s, f.end, hi)
            if m:
                r.project = m.group(m.lastindex or 0).strip("“”")
            else:
                # 鄱余高等级公路项目起于…,总投资25亿元; 全长96.8公里的安远至定南高速公路总投资128.5亿元
                r.project = _project_topic(s, lo, f.start) or (project.project if project is not None else para_project)
            if r.project:
                project = r
                if metric.startswith(r.project) and len(metric) > len(r.project) + 1:
                    metric = metric[len(r.project) :]  # 鄱万高速全长: 全长, of 鄱万高速
        elif (
            project is not None and f.start - project.fig.end <= CONTEXT_WINDOW
            and _ONCE_DONE_RE.search(s, project.fig.end, f.start)
            and not any(project.fig.end <= e.pos < f.start for e in ents)  # (…,全市床位数将由6.8张…: the city's)
        ):
            r.project = project.project  # 总投资30亿元的X项目建成后年产值50亿元,就业岗位3000个: X's
        if f.mult_only and _MULT_ONLY_COUNT_RE.search(raw_left):
            f.base_unit, r.kind = "count", "count"
        if not metric and prev is not None and r.kind not in ("growth", "rank"):
            metric = prev.metric or ""
        if last is not None and len(r.gap) <= _GAP_MAX and _RANGE_GAP.match(r.gap) and last.metric:
            metric = last.metric  # the upper bound of a range measures the same thing
        # 由2018年的2212亿元增加到去年的3401.2亿元: two levels of what the sentence is about
        if you_here:
            if s.startswith("由", cs, f.start):
                metric = (prev.metric if prev is not None else _growth_base(last)) or metric
                from_level = r
            elif _FROM_BEFORE_RE.search(s, cs, f.start):
                from_level = r  # 村集体经济收入由8万元增加到56万元, 企业由2015年的116家增加到765家: named before 由
            elif from_level is not None and from_level.fig.base_unit == f.base_unit and _TO_RE.search(s, cs, f.start):
                metric = from_level.metric or metric
                r.start_level = from_level
        if r.delta:
            metric = _delta_metric(s[cs : f.start], raw_left, prev or last, f)  # (last: a change of a change)
        r.metric = metric or None
        last = r
        if f.base_unit == "percent":
            last_pct = r
        if r.kind == "rank":
            last_rank = r
        elif r.kind not in ("growth", "share") and not r.delta:
            prev = r  # a growth after a delta or a share still refers to the level before them
            if first_level is None and r.metric and not r.in_paren:
                first_level = r


# The comparison a change in 个百分点 states (比上半年加快, 高于全省平均水平, 较年初下降); 比重 is no comparison.
_COMPARE_RE = re.compile(r"同比|环比|比(?![重例])|较|高于|低于|快于|慢于")
_PP_PHRASE_END_RE = re.compile(r"(?:了|达到|达|约|近|超过|超)$")
# Nouns for the rate itself before the comparison (增速比上半年加快…, 降幅比1-8月收窄…).
_RATE_NOUNS = (*C.GROWTH_NOUNS, "降幅")


def _pp_metric(s: str, f: Figure, last_pct: Rec | None, prev: Rec | None) -> str:
    """The rate that changed (named before the comparison, else the last % figure of the sentence) and the
    comparison: 增速比上半年加快0.3个百分点 → 地区生产总值增速比上半年加快; 不良贷款率较年初下降0.12个百分点 →
    不良贷款率较年初下降."""
    m = _COMPARE_RE.search(s, f.cs, f.start)
    if m is None:
        return ""
    phrase = _PP_PHRASE_END_RE.sub("", s[m.start() : f.start])
    noun = s[f.cs : m.start()].strip()
    base = _strip_metric(noun)
    if len(base) < 2 or base in _RATE_NOUNS:
        if last_pct is not None and last_pct.metric:
            base = last_pct.metric
        elif prev is not None and prev.metric:
            base = prev.metric + "增速"
        else:
            return ""
        if noun.endswith("降幅"):
            base = base.removesuffix("增速") + "降幅"
    return base + phrase


def _level_of(last: Rec | None, prev: Rec | None) -> str:
    """The indicator a bare 环比 growth refers to: the growth just given (its metric without 增速) or the level."""
    if last is not None and last.kind == "growth" and last.metric:
        return last.metric.removesuffix("增速")
    return prev.metric or "" if prev is not None else ""


# 由A增加到B: A opens the clause with 由, B follows a verb of change + 到/至
_TO_RE = re.compile(r"(?:增加|提高|增长|扩大|上升|提升|下降|减少|降低)(?:到|至)")


def _growth_base(r: Rec | None) -> str:
    """年均增长6.2%,由…: the metric a growth record is the growth of (GDP年均增速 → GDP)."""
    if r is None or r.kind != "growth" or not r.metric:
        return ""
    return r.metric.removesuffix("增速").removesuffix("年均")


def _delta_metric(clause: str, raw_left: str, prev: Rec | None, f: Figure) -> str:
    """比年初增加412亿元 → 存款余额比年初增加额: what changed (named before the cue, else the level before
    the figure) and the cue, so that a change never reads as a second value of the level."""
    m = _DELTA_RE.search(clause)
    assert m is not None  # r.delta was set on this very match
    cue = m.group(0)
    what = _strip_metric(raw_left.removesuffix(cue)) if raw_left.endswith(cue) else ""
    cue = cue.removesuffix("了")
    if len(what) < 2:
        what = prev.metric if prev is not None and prev.metric else ""
    if not what:
        return ""
    if f.base_unit in ("CNY", "USD"):
        return f"{what}{cue}额"
    return f"{what.removesuffix('数')}{cue}数"


# Head nouns after which a noun phrase ends (重大项目招引建设 → 重大项目).
HEAD_NOUNS: tuple[str, ...] = ("项目", "企业")


_QUOTED_RE = re.compile(r"“[^“”]{0,12}”")
_EVENT_STOP = re.compile(r"[,，、:：;；。!！?？]")


def _event_after(s: str, f: Figure, hi: int) -> str:
    """连续22次打破世界纪录: the verb phrase after a count of times (up to the clause end, 12 characters)."""
    i = f.end
    if i >= hi or not _is_han(s[i]) or s[i] in "的等":
        return ""
    m = _EVENT_STOP.search(s, i, min(hi, i + 13))
    j = m.start() if m else min(hi, i + 12)
    return s[i:j] if j - i >= 2 else ""


def _cut_after_head(noun: str) -> str:
    for h in HEAD_NOUNS:
        k = noun.rfind(h)
        if k >= 0:
            return noun[: k + len(h)]
    return noun


@lru_cache(maxsize=1024)  # pure, and ~15 verbs tried at each end: the few texts before a rank repeat
def _strip_rank_verbs(thing: str) -> str:
    verbs = C.RANK_VERBS
    # a pass over the verbs changes the text exactly when one starts or ends it: tested first in one call each
    while thing and (thing.endswith(verbs) or thing.startswith(verbs)):
        for v in verbs:
            if thing.endswith(v):
                thing = thing[: -len(v)]
            if thing.startswith(v) and len(thing) > len(v):
                thing = thing[len(v) :]
    return thing


def _rank_metric(s: str, r: Rec, lo: int, left: str, prev: Rec | None, last: Rec | None) -> str:
    cs = r.fig.cs
    raw = s[cs : r.fig.start]
    scope = next((sc for sc in C.RANK_SCOPES if sc in raw), "")
    after = ""
    if scope and scope in left:
        # 在全省国家级开发区中排名: what stands after the scope narrows it and stays after it
        k = left.index(scope)
        left, after = left[:k], _strip_rank_verbs(left[k + len(scope) :])
    for sc in C.RANK_SCOPES:
        left = left.replace(sc, "")
    bare = _strip_rank_verbs(left)
    thing = _strip_metric(bare)
    if len(thing) < 2 and not after:
        if bare in C.GROWTH_NOUNS and last is not None and last.kind == "growth" and last.metric:
            thing = last.metric  # 同比增长12.3%,增速位居全市第一: the growth just given is ranked
        else:
            thing = prev.metric if prev is not None and prev.metric else ""
    return f"{thing}{scope}{after}排名"


# ---------------------------------------------------------------- yoy


_YOY_GAP = re.compile(
    r"^[)）]?[,，、]?(?:按(?:可比|不变)(?:价格|口径)?(?:计算)?[,，]?)?(?:且|并|其中)?"
    r"(?:同比|比上年同期|比去年同期|比上年|比去年|较上年同期|较上年|较去年同期|较去年|与上年相比)?"
    r"(?:增长|增加|增速|增幅|提高|上升|下降|减少|回落|降低|下滑)(?:了|为|达|达到)?(?:近|约|超|逾|超过)?$"
)


_DELTA_GAP = re.compile(r"[,，、][^,，、;；。]{0,12}")


def _attach_yoy(recs: list[Rec]) -> None:
    """A level's year-on-year change: the growth in % that follows it (其中 asides and changes skipped over)."""
    for r in recs:  # (a loop, not any() over a generator: this runs once per sentence with figures)
        if r.kind == "growth":
            break
    else:
        return  # only a growth gives a yoy (most sentences have none)
    for i, r in enumerate(recs):
        if r.kind in ("growth", "share", "rank") or r.delta:
            continue
        for j in range(i + 1, len(recs)):
            g = recs[j]  # g.gap: the text since the figure before g (r, or a change skipped over)
            if g.in_paren != r.in_paren:
                if r.in_paren:
                    break  # an aside's yoy is inside its brackets
                continue  # 690.3亿元(其中出口568.7亿元,增长3.4%),比上年下降0.8%: the aside is skipped
            if g.kind == "growth":
                gap = g.gap.removeprefix(r.label) if j == i + 1 else g.gap  # (【…】label,同比增长: after the label)
                if g.mom and _DELTA_GAP.fullmatch(gap):
                    continue  # 30亿元,环比增长6.5%,同比增长12.1%: the 同比 further on is the yoy
                if _YOY_GAP.match(gap) and not g.mom and g.fig.base_unit == "percent":
                    r.yoy = g.value_base
                break
            if (g.delta or g.kind == "share") and _DELTA_GAP.fullmatch(g.gap):  # …,占财政总收入的78%,同比增长5%
                continue
            break


# ---------------------------------------------------------------- period, subject, target

# How far before a bare year (今年) a period within that year may stand and still be the figure's
# (截至5月底,今年新签约项目开工率达到65.2%: asof May).
_SPECIFIC_BEFORE_YEAR = 12


_PERIOD_END_RE = re.compile(r"(?P<y>\d{4})(?:-(?P<m>\d{2})|-Q(?P<q>[1-4])|-H(?P<h>[12]))?(?:/\d{4}-(?P<m2>\d{2}))?")
_ASOF_MONTH_RE = re.compile(r"asof:(?P<y>\d{4})-(?P<m>\d{2})")


def _stock_or_flow(period: str, metric: str, delta: bool) -> str:
    """A balance (余额) is a stock: at the end of the period the text gives it for; its change since the start of
    the year (比年初增加) is a flow: from January to the balance's date."""
    if delta and "年初" in metric:
        m = _ASOF_MONTH_RE.fullmatch(period)
        if m:
            y, mo = m.group("y"), m.group("m")
            return f"{y}-01" if mo == "01" else f"{y}-01/{y}-{mo}"
        return period
    if "余额" in metric and not delta and not period.startswith("asof:"):
        m = _PERIOD_END_RE.fullmatch(period)
        if m:
            y = m.group("y")
            q, h = m.group("q"), m.group("h")
            mo = m.group("m2") or m.group("m") or (f"{3 * int(q):02d}" if q else "06" if h == "1" else "12")
            return f"asof:{y}-{mo}"
    return period


# Verbs of what happens over a span of time (引进项目23个, 签约金额236亿元, 完成投资58亿元), not what stands at a date
# (在建项目16个, 贷款余额…, 拥有企业157家).
_FLOW_VERB_RE = re.compile(r"新签约|签约|引进|新增|新开工|开工|完成|实现|发放|招引|接待|出口|进口")


_STOCK_CUE_RE = re.compile(r"在建|拥有|共有|现有|余额|总数|累计")
_CUTOFF_RE = re.compile(r"截[至止][^,，。;；]{0,8}月(?:底|末)")


def _is_flow(s: str, r: Rec, flow_before: bool) -> bool:
    """Whether a figure dated by a month-end (截至10月底) counts what happened up to then: a flow verb in its
    clause, or the next item of a list of flows (合同投资额112亿元), or a growth of such a flow."""
    if r.kind == "growth":
        return flow_before and not r.fig.base_unit == "percentage_point"
    if r.kind not in ("count", "amount") or r.delta or "余额" in (r.metric or ""):
        return False
    if _STOCK_CUE_RE.search(s, r.fig.cs, r.fig.start):
        return False
    return flow_before or _FLOW_VERB_RE.search(s, r.fig.cs, r.fig.start) is not None


def _is_plan_year(period: str | None, published: dt.date) -> bool:
    """Whether a carried period is a whole year not yet over when the text was published."""
    return period is not None and len(period) == 4 and int(period) >= published.year


def _period_in_label(labelled: list[PeriodHit], r: Rec) -> str | None:
    """The period phrase inside the 数说 label after a bracketed figure, if any."""
    end = r.fig.end + len(r.label)
    return next((h.label for h in labelled if r.fig.end <= h.start < end), None)


def _labelled_period(labelled: list[PeriodHit], k: int, r: Rec) -> str | None:
    """The period of a figure from the sentence's period phrases before it (``labelled[:k]``): the last one,
    unless it is a bare year right after a period within that year, or the start of 由A增加到B (B's own)."""
    h = labelled[k - 1]
    if r.start_level is not None and h.end <= r.start_level.fig.start:
        return None  # 由2015年的116家增加到765家: 2015 is the start's; 765 has no period of its own
    label = h.label
    if r.project and r.kind != "count" and label is not None and _DAY_LABEL_RE.fullmatch(label):
        return None  # 5月15日,在总投资106亿元的X项目施工现场: the day of the visit is no period of the project's size
    if k > 1 and label is not None and len(label) == 4:
        p = labelled[k - 2]
        if h.start - p.end <= _SPECIFIC_BEFORE_YEAR and p.label and p.label.removeprefix("asof:").startswith(label):
            return p.label
    return label


_DAY_LABEL_RE = re.compile(r"asof:\d{4}-\d{2}-\d{2}")

def _resolve(e: Entity, actx: ArticleContext, st: _State) -> str | None:
    assert st.last is not None
    if e.name is not None:
        return e.name
    typ = e.type.removeprefix("anaphor:")
    if typ == "zone":
        return st.last.get("zone") or actx.main_zone or actx.main_subject
    if typ == "city":
        # 龙南市…该市: a county-level city named before is "this city"; in an article about a county-level
        # city (瑞金市) 全市 is that city too; 我市 is always the paper's own city
        z = st.last.get("zone")
        if e.anaphor == "该市" and z and z.endswith("市"):
            return z
        if e.anaphor != "我市" and actx.county_city:
            return actx.county_city
        return actx.city
    if e.anaphor in HEAD_ONLY_ANAPHORS and not e.topic:
        return None  # 新增公司1200家: companies in general, not the one named before
    if typ == "province":
        # only as the clause's topic (全省规上工业增加值增长5.1%): 全省5个…之一, 全省第一 are scopes
        return PROVINCE if e.topic else None
    if typ == "county":
        z = st.last.get("zone")
        return z if z and z.endswith("县") else None
    if typ == "town":
        return st.last.get("town") or actx.main_town
    return st.last.get(typ)


def _attach_subjects(
    s: str,
    recs: list[Rec],
    ents: list[Entity],
    actx: ArticleContext,
    st: _State,
    sents: list[Span],
    si: int,
    cands_at: dict[int, list[Entity]],  # the article's candidates by sentence
) -> None:
    """The subject of each figure of the sentence (a 分别 list of places has set some already): its project,
    else the nearest entity before it that resolves, else the sentence's fallback.

    Within one sentence the answer depends only on how many entities precede the figure, and the fallback
    (a quoted speaker named after the quotation, the paragraph's entity, the article's subject) not at all:
    each is worked out once per sentence, not once per figure."""
    ent_ends = [e.end for e in ents] if ents else []
    by_count: dict[int, str | None] = {}  # subject by the number of entities before the figure
    fallback: str | None = None
    have_fallback = False  # (computed on first use: most figures have an entity before them or none is needed)
    for r in recs:
        if r.subject is not None:
            continue
        if r.project:
            r.subject = r.project
            continue
        k = bisect.bisect_right(ent_ends, r.fig.start) if ents else 0
        if k in by_count:
            r.subject = by_count[k]
            continue
        name = None
        unknown_city = False
        for idx in range(k - 1, max(0, k - 8) - 1, -1):
            e = ents[idx]
            name = _named_before(ents, idx) or _resolve(e, actx, st)
            if name:
                break
            # 全市稀土企业340余家 in an article that never names its city: the city's, not the article's company
            unknown_city = unknown_city or (e.type == "anaphor:city" and e.topic)
        if not name and not unknown_city:
            if not have_fallback:
                fallback, have_fallback = _fallback_subject(s, r.sent, actx, st, sents, si, cands_at), True
            name = fallback
        r.subject = by_count[k] = name


def _named_before(ents: list[Entity], idx: int) -> str | None:
    """For an org anaphor (公司, 该企业) at a clause's head: the company named earlier in the same sentence
    (江西丰远新材料有限公司是洋口镇的纳税大户,今年上半年,公司实现营业收入…), which the article's state does not
    know yet (it is updated after the sentence)."""
    e = ents[idx]
    if e.name is not None or e.type != "anaphor:org" or not e.topic:
        return None
    return next((x.name for x in reversed(ents[:idx]) if x.name and x.type == "org"), None)


def _fallback_subject(
    s: str, sent: Span, actx: ArticleContext, st: _State, sents: list[Span], si: int,
    cands_at: dict[int, list[Entity]],
) -> str | None:
    """The subject of a figure with no entity before it in its sentence."""
    # a quotation whose speaker is named after it: “我们共流转土地近千亩……”据该村第一书记介绍
    if _in_quote(s, st.para_start, sent.start):
        for ni, nxt in enumerate(sents[si + 1 : si + 4], si + 1):
            if nxt.paragraph != sent.paragraph:
                break
            for e in find_entities(s, nxt.start, nxt.end, actx, cands_at.get(ni, [])):
                name = _resolve(e, actx, st)
                if name and name != PROVINCE:  # a speaker, never the province
                    return name
    if st.entity:
        return st.entity
    return actx.main_subject


def _in_quote(s: str, para_start: int, start: int) -> bool:
    """Whether the sentence at ``start`` is inside a quotation opened in its paragraph (or opens one)."""
    return s.count("“", para_start, start + 1) > s.count("”", para_start, start + 1)  # (counted in place)


def _remember_entities(ents: list[Entity], actx: ArticleContext, st: _State) -> None:
    assert st.last is not None
    for e in ents:
        name = _resolve(e, actx, st)
        if not name:
            continue
        typ = e.type.removeprefix("anaphor:")
        if typ == "province":
            continue  # a comparison with the province does not make the next sentences about it
        if e.name is not None:
            st.last[typ] = name
        # places carry to the next sentences of the paragraph; a company only where it is named again
        if (e.topic and e.type in ("zone", "city", "village", "town", "site")) or e.name is None:
            st.entity = name


_TARGET_VERB = (
    r"将(?:达|实现|突破|超|新增|形成|建成|再|可|有|带动|提升|增加|年产|完成|招收|投入|新签约|签约|引进|新建|实施|投资)"
)
# 到2025年 is a deadline (a target cue), 增加到2021年的56万元 a level reached (the character before 到 is looked
# at from after it: every alternative of _TARGET_RE then starts with a literal, and the engine skips to the
# positions holding one of those first characters instead of trying the alternatives at each position)
_BY_YEAR = r"到(?<![加长高升大降少低]到)20\d\d年"
_TARGET_RE = re.compile(f"{_TARGET_CUES}|{_TARGET_VERB}|{_BY_YEAR}")  # a target cue or verb: one search
_CARRY_TARGET = re.compile(r"^(?:并|可|将|还将|力争|达到|达|届时)")


_OVER_END_RE = re.compile(r"(?:过|超|新增|突破)$")


def _attach_targets(s: str, recs: list[Rec], list_here: bool) -> None:
    """Which figures are targets, forecasts or aspirations rather than actuals.

    ``list_here``: whether the sentence has a target list opener (_TARGET_LIST_RE). Every window searched
    below lies inside the sentence, so where the sentence has no cue (most) no figure's window has one:
    one search per sentence spares the per-figure ones."""
    lo, hi = recs[0].sent.start, recs[0].sent.end  # one sentence
    cue_here = _TARGET_RE.search(s, lo, hi) is not None  # (strong cues and 目标/计划/预计 are target cues too)
    chong_here = s.find("冲", lo, hi) >= 0
    prev_target = False
    for r in recs:
        f = r.fig
        cs, start = f.cs, f.start  # the clause before the figure is s[cs:start]: searched in place, not sliced
        tail = s[f.end : f.ce] if cue_here or r.kind == "capacity" else ""  # (read only by the rules needing these)
        t = False
        if cue_here and _TARGET_RE.search(s, cs, start):
            t = True
        # every strong cue is a target cue, none of which is in s[cs:start]: only one starting before cs is left
        elif chong_here and s.endswith("冲", cs, start) or cue_here and _STRONG_CUE_RE.search(
            s, f.ws, min(start, cs + _STRONG_CUE_REACH)
        ):
            t = True
        elif cue_here and ("目标" in tail or "计划" in tail or "预计" in tail):  # 二期12GWh项目预计年底前建成投产
            t = True
        elif list_here and _TARGET_LIST_RE.search(s, f.ws, cs):
            t = True  # 主要预期目标是:地区生产总值增长5.5%左右,固定资产投资增长6%: every item of the list
        elif prev_target and _CARRY_TARGET.match(s[cs:start]):
            t = True
        elif f.mult_only and r.value_base >= 1e11 and not _OVER_END_RE.search(s, cs, start):
            t = True  # 千亿级产业, 万亿工业俱乐部: aspirations
        elif r.kind == "capacity" and "项目" in tail and not _ACHIEVED_RE.search(tail):
            t = True
        if t and (
            _ACHIEVED_RE.search(s, f.end, min(f.ce, f.end + 10))  # (the first 10 characters of the tail)
            or (r.kind == "share" and _PLAN_SHARE_RE.search(s, cs, start))
            or _PLAN_PROGRESS_RE.search(s, cs, start)
        ):
            t = False  # 占年度计划的85%, 超年度计划12.4个百分点: progress made against a plan is an actual
        r.target = t
        prev_target = t


# ---------------------------------------------------------------- output


# _to_indicator passes the fields by position, as one tuple to tuple.__new__ (what the named tuple's own __new__
# does, without its Python frame; a keyword call costs three times as much): in this order
assert Indicator._fields == (
    "start", "end", "text", "value", "unit", "value_base", "base_unit", "kind", "metric", "subject", "period",
    "yoy_pct", "qualifier", "target", "sentence", "sentence_start", "sentence_end",
)


_new_tuple = tuple.__new__


def _to_indicator(text: str, r: Rec, sentence: str) -> Indicator:
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
