"""Metric naming: what each figure of a sentence measures (地区生产总值, 规上工业增加值增速, 新增规上企业数 …),
read from the clause before it, the noun after it, a label, or the figure it goes with; and the project a size
figure (总投资25亿元) belongs to.

The text-cleaning helpers (``strip_metric``, ``right_noun`` …) stay with the rules that use them: ``fenbie``
reads ``strip_metric`` too.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import TypeGuard

from . import context as C
from .base_year import (
    base_year_comparison,
    base_year_metric,
    base_year_period,
    has_base_year,
    is_base_level,
    is_rise_start,
    years_window,
)
from .classify import DELTA_RE, GAP_MAX, MOM_RE, RANGE_GAP, RANK_MOVE_RE
from .metric_text import (
    GROWTH_ENDINGS,
    INTRO_VERBS,
    counted_units,
    cut_left,
    growth_of,
    growth_word,
    last_before,
    level_of,
    metric_before_period,
    right_noun,
    strip_metric,
)
from .periods import RISE_START_WORDS, PeriodHit
from .records import FigureRecord, alternation
from .scan import CONTEXT_WINDOW, PEOPLE_AFTER_RE, RANGE_CONNECTORS, Figure, is_han
from .sentences import BULLETS
from .subjects import Entity, places
from .targets import plan_share


@lru_cache(maxsize=2048)  # pure functions of short strings (the nouns after counts repeat within an article)
def _person_head(noun: str, unit: str) -> str:
    """160多名建设者满负荷运转 → 建设者: after a person classifier the noun ends at its first person word."""
    if unit.removesuffix("余").removesuffix("多")[-1:] not in ("名", "人", "位"):
        return noun
    start = end = len(noun)  # the person word that ends first; of two at one place the longer (科研人员: not 人)
    for e in C.PERSON_NOUN_ENDINGS:
        k = noun.find(e, max(0, 2 - len(e)))
        if k < 0:
            continue
        if k == start:
            end = max(end, k + len(e))
        elif k + len(e) < end:
            start, end = k, k + len(e)
    return noun[:end]


@lru_cache(maxsize=2048)
def _count_metric(noun: str, unit: str, from_left: bool) -> str:
    """院士 + 名 → 院士人数; 复工复产 + 条 → 复工复产条数; 产业集群 + 个 → 产业集群数."""
    if not noun or noun.endswith(C.QUANTITY_NOUN_ENDINGS):
        return noun
    base = unit[1:] if unit[:1] in "万千百亿" else unit
    base = base.removesuffix("余").removesuffix("多")
    if base == "人次":
        return noun  # 接待游客52万人次, 发送旅客: visits, named by what was done (not 游客人数: no head count)
    suffix = C.CLASSIFIER_COUNT_SUFFIX.get(base, "数")
    if suffix in ("条数", "次数") and (not from_left or noun.endswith("线")):
        suffix = "数"  # (生产线26条: 生产线数, as 26条生产线; 政策10条: 政策条数)
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
                                         "在建", "续建", "竣工", "入库", "储备", "招商", "产业", "引进", "已",
                                         "大中型", "以上",  # 省大中型项目, 5亿元以上项目: kinds of project
                                         "服务业", "基础设施", "民生", "社会事业")  # (现代服务业项目5个)
PROJECT_GROUP_BEFORE = "个批等类"  # 5个项目, 一批项目, 光伏等项目, 各类项目
PROJECT_NAME_MIN = 4  # characters before 项目: 新能源项目 is a kind of project, 鄱余高等级公路项目 a name


# The head words of a project's name (one search tells a sentence cannot open with a project)
PROJECT_WORD_RE = re.compile(r"项目|高速|铁路|快速路|大桥|标段|工程")


def project_topic(s: str, lo: int, end: int) -> str | None:
    """The project a sentence opens with, when the figure at ``end`` is one of its sizes."""
    m = _PROJECT_TOPIC_RE.match(s, lo, end)
    if m is not None and s.startswith(("：", ":"), m.end()):
        m = _PROJECT_TOPIC_RE.match(s, m.end() + 1, end) or m  # 汇能磁材项目:江西汇能稀土永磁材料项目总投资…
    if m is None:
        return None
    name = m.group(1)
    if len(name) - 2 < PROJECT_NAME_MIN and name.endswith("项目") or name[-3] in PROJECT_GROUP_BEFORE:
        return None
    if any(w in name for w in PROJECT_GROUP_WORDS) or name.startswith(_PROJECT_ANAPHOR_STARTS):
        return None  # (这项工程总投资4.8亿元: the project named before, which the anaphor resolves to)
    return name


_PROJECT_ANAPHOR_STARTS = ("这项", "这个", "这一", "该")


# A name read after a project's size is a kind of project only when it ends so (光伏胶膜等项目, 5亿元以上项目); the
# broader PROJECT_GROUP_WORDS are for the noun a sentence opens with (产业园项目 is a name after 总投资…建设)
_PROJECT_KIND_ENDINGS = ("等项目", "以上项目")


def _project_name(raw: str) -> str | None:
    """A project's name as written after its size, without the verb and capacity it may open with; None for a
    kind of project (光伏胶膜等项目, 5亿元以上项目)."""
    name = raw.strip("“”")
    while (m := _PROJECT_NAME_LEAD_RE.match(name)) and len(name) - m.end() >= PROJECT_NAME_MIN + 2:
        name = name[m.end() :]
    return None if name.endswith(_PROJECT_KIND_ENDINGS) else name


# What a project yields once done (建成后, 全面投产后, 达产后) is the project's, like its size, and so is what is
# counted at its site (建设现场,十余台塔吊同时作业).
_ONCE_DONE_RE = re.compile(r"(?:建成|投产|达产|满产|竣工|运营)后|现场")
_FROM_BEFORE_RE = re.compile(r"[由从](?:[^,，。;；由从]{1,10}的)?$")  # 由8万元, 由2015年的116家, 从520人
_PROJECT_AFTER = re.compile(
    r"(?:建设|打造|新建)?的([^,，;；。的]{2,24}?(?:项目|高速公路|铁路|快速路|大桥|工程|(?:产业园|光伏电站|生产基地)(?:项目)?))"
)
_PROJECT_RIGHT = re.compile(r"[^,，;；。的、]{2,16}?项目")
# What a project's name, read after its size, may open with that is no part of the name: the verb of building,
# with where (投资8000万美元在鄱阳县建设高端铜基新材料项目), the capacity, a figure of its own
# (建设年产5GW高效光伏电池组件项目: the 高效光伏电池组件项目), and a count of one.
_PROJECT_NAME_LEAD_RE = re.compile(
    r"(?:在[^,，;；。]{1,8}?)?(?:建设|新建|投建|兴建|打造|实施|上马)|年产[0-9.]+[万亿千]?(?:[A-Za-z]+|[吨台套件颗只片辆条])?"
    r"|一[个批座条项]"  # (总投资45亿元的一个锂电池正极材料项目: one of them, not its name)
)
# Words before a figure that describe a project's size (its subject is the project named after it).
PROJECT_SIZE_WORDS: tuple[str, ...] = (
    "总投资", "投资", "投资额", "投资额为", "总投资为", "面积", "占地", "占地面积", "年产", "年产能", "全长"
)
_PROJECT_SIZE_QUALIFIED = tuple(w + q for w in PROJECT_SIZE_WORDS for q in ("约", "近", "超", "逾", "超过", "约为"))
# A bare multiplier (人口35万) counts people or households after these words; otherwise it is money.
MULT_ONLY_COUNT_WORDS: tuple[str, ...] = ("人口", "人次", "人数", "户数", "游客", "用户", "就业", "居民")
# Abbreviations written out in metric names (the catalogue maps synonyms; these read better as names).
METRIC_ABBREVIATIONS: dict[str, str] = {
    "固投": "固定资产投资",
    "社零": "社会消费品零售总额",
    "社零额": "社会消费品零售总额",
    "社零总额": "社会消费品零售总额",
    "零售额": "社会消费品零售总额",  # (3月当月零售额104.76亿元; a kind's keeps its name: 汽车类零售额)
}
# An abbreviation opens the metric or names the whole of a share (工业投资占固投比重)
_ABBREVIATION_RE = re.compile(f"(?:^|(?<=占))(?:{'|'.join(sorted(METRIC_ABBREVIATIONS, key=len, reverse=True))})")
# (社零, 固投: one of them is in every abbreviation; one search tells most metrics have none)
_ABBREVIATION_CORE_RE = re.compile("|".join(sorted({w[:2] for w in METRIC_ABBREVIATIONS})))


def _expand_abbreviation(metric: str) -> str:
    """社零总额 → 社会消费品零售总额, 社零增速 → 社会消费品零售总额增速, 工业投资占固投比重 → …占固定资产投资比重."""
    return _ABBREVIATION_RE.sub(lambda m: METRIC_ABBREVIATIONS[m.group(0)], metric)


_MULT_ONLY_COUNT_RE = re.compile("|".join(MULT_ONLY_COUNT_WORDS))


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


NOT_LEVELS = ("growth", "share", "rank")  # the kinds of figure that are no level of a metric
# up to the last separator, then a list number (1. 一、 (1)) if any
_LABEL_START_RE = re.compile(
    r"(?s:.*[,，。;；:：\s])?(?:\d{1,2}[.、．]|[一二三四五六七八九十]{1,2}、|[(（]\d{1,2}[)）])?\s*"
)


# 】, then the label up to the clause's end, its period and scope words aside (去年全市地区生产总值)
# The colon after a 数说 line's figure, past the unit of a price (260元/斤：河红茶平均售价)
_COLON_AFTER_RE = re.compile(r"(?:/[^\s,，：:/]{1,3})?[：:]")
def _label_start(s: str, f: Figure, lo: int, hi: int) -> int:
    """Where the label after a 数说 figure starts (its 】 or colon), or -1: 【4606.2亿元】去年全市地区生产总值,
    286.4亿元：全县地区生产总值, 260元/斤：河红茶平均售价 (a figure opening its line, then a colon)."""
    if f.start > lo and s[f.start - 1] == "【" and s.startswith("】", f.end):
        return f.end
    if f.start == lo + 1 and s[lo] in BULLETS and s.startswith("\n", f.end):
        return f.end  # ■312.6亿元 / 全县地区生产总值,同比增长9.1%: the label on the line under the figure
    colon = _COLON_AFTER_RE.match(s, f.end, hi) if f.start == lo else None
    return colon.end() - 1 if colon else -1


_BRACKET_LABEL_RE = re.compile(
    r"[】：:\n](?:(?:19|20)\d{2}年|去年|今年|全年|上半年|前三季度)?(?:全市|全县|全区|全省)?(?P<name>[^,，。;；:：【】]{2,24})"
)


def _colon_label(s: str, lo: int, colon: int) -> str:
    """The label of a 数说 line (1. 地区生产总值：…): what stands before its colon, numbering aside."""
    start = max(lo, colon - CONTEXT_WINDOW // 4)
    m = _LABEL_START_RE.match(s, start, colon)
    label = strip_metric(s[m.end() if m else start : colon])
    return label if len(label) >= 2 else ""


def last_level(recs: list[FigureRecord]) -> FigureRecord | None:
    """The sentence's last named level outside brackets: what the parts listed by a 其中 sentence after it are of.

    (A loop, not next() over a generator: it runs once per sentence with figures.)"""
    for r in reversed(recs):
        if r.kind not in NOT_LEVELS and r.metric and not r.in_paren and not r.delta:
            return r
    return None


_SHARE_WORD_RE = re.compile(r"的?(?:比重|比例|份额)$")


def _is_whole_of(whole: FigureRecord | None, part: FigureRecord | None) -> TypeGuard[FigureRecord]:
    """Whether ``whole`` is what the 其中 list ``part`` belongs to breaks down: another figure in the same unit."""
    return whole is not None and whole is not part and bool(whole.metric) and (
        part is None or whole.fig.base_unit == part.fig.base_unit
    )


def _share_of(noun: str) -> str:
    """What a share is of: 工业营收比重 → 工业营收."""
    return _SHARE_WORD_RE.sub("", noun)


def attach_metrics(
    s: str, recs: list[FigureRecord], periods: list[PeriodHit], ents: list[Entity], published: dt.date,
    whole: FigureRecord | None = None, para_project: str | None = None, para_growth: str | None = None,
    level_before: FigureRecord | None = None,
) -> None:
    """Name what each figure of one sentence measures, in an article of ``published``; ``whole`` is the level a 其中
    sentence breaks down, ``para_project`` the project its paragraph is about, ``para_growth`` the last growth its
    paragraph named, ``level_before`` the last level of the sentence before (what a change with nothing named before
    it is of)."""
    # (lists built only where there is something in them: a lone figure has no other figure for right_noun
    # to stop at, and most sentences have no period or entity)
    several = len(recs) > 1
    fig_starts = [r.fig.start for r in recs] if several else []
    fig_ends = [r.fig.end for r in recs] if several else []
    ends = ([h.end for h in periods] if periods else [], [e.end for e in ents] if ents else [])
    prev: FigureRecord | None = None  # last non-growth, non-rank record of the sentence
    last: FigureRecord | None = None
    from_level: FigureRecord | None = None  # the 由 figure of a 由A增加到B
    last_pct: FigureRecord | None = None  # last growth or share in %: what a change in 个百分点 is a change of
    last_rank: FigureRecord | None = None
    prev_end = 0
    first_level: FigureRecord | None = None
    project: FigureRecord | None = None  # the last figure of the sentence whose project is named beside it
    lo, hi = recs[0].sent.start, recs[0].sent.end  # one sentence
    outer_prev: FigureRecord | None = None  # prev outside the brackets the figures are in now
    level_in_unit: dict[str, FigureRecord] = {}  # the last prev of each base unit
    last_object = ""  # what the last 生产/销售 figure was of (生产汽车2.86万辆,销售2.71万辆: 汽车)
    base_years_here = has_base_year(s, lo, hi)  # (most sentences compare with no named year)
    # (the 由A增加到B rules below need a 由 or 从: most sentences have neither)
    you_here = any(s.find(w, lo, hi) >= 0 for w in RISE_START_WORDS)
    threshold_before: str | None = None  # what stands before the figure before, a threshold (新开工亿元以上): 新开工
    for ri, r in enumerate(recs):
        f = r.fig
        cs = f.cs
        if "其中" in r.gap and first_level is not None:
            whole = first_level  # 车流量1856万辆次,日均46.4万辆次,其中小型客车占比92%: of the first level
        if last is not None and r.in_paren != last.in_paren:
            prev, outer_prev = (outer_prev, None) if last.in_paren else (prev, prev)
        in_list = cs > lo and s[cs - 1] == "、"
        raw_left = cut_left(s, f, periods, ents, prev_end, ends)
        left = strip_metric(raw_left)
        if len(left) < 2 and periods:
            left = metric_before_period(s, f, periods, ents, prev_end, ends) or left
        fm = _FROM_BEFORE_RE.search(s, cs, f.start) if you_here else None  # 由8万元, 由2015年的116家, 从520人
        if fm:
            # (after the clause's last entity or period phrase before 由: 今年店面从1家扩展到3家 names 店面)
            e = last_before(ents, ends[1], fm.start()) if ents else None
            h = last_before(periods, ends[0], fm.start()) if periods else None
            named_from = max(cs, e.end if e is not None else cs, h.end if h is not None else cs)
            named = strip_metric(s[named_from : fm.start()])
            if len(named) >= 2:
                left = named  # 研发团队由最初的3人扩大到如今的46人: what stands before 由
        if len(left) < 2 and cs > lo and s[cs - 1] in "：: \u3000":
            # 1. 地区生产总值：2015.3亿元, ■ 地区生产总值 236.8亿元: the label before the colon or the space
            left = _colon_label(s, lo, cs - 1) or left  # 1. 地区生产总值：2015.3亿元: the label before the colon
        elif (
            (f.start == lo or s[f.start - 1] == "【" or s[f.start - 1] in BULLETS)
            and (label_at := _label_start(s, f, lo, hi)) >= 0
        ):
            lab = _BRACKET_LABEL_RE.match(s, label_at, hi)
            if lab and len(named := strip_metric(lab.group("name"))) >= 2:
                left, r.label = named, s[f.end : lab.end()]  # 【4606.2亿元】去年全市地区生产总值,同比增长4.7%
                if r.kind == "share" and lab.group("name").endswith(C.GROWTH_NOUNS):
                    r.kind = "growth"  # 【8.3%】规上工业增加值增速
        if (
            threshold_before is not None and r.kind == "count" and last is not None
            and (counted := _CLASS_NOUN_RE.fullmatch(s, last.fig.end, f.start))
        ):
            # 新开工亿元以上项目146个: the projects of the class (the threshold's verb, the threshold, the noun)
            left = threshold_before + s[last.fig.start : counted.end("noun")]
        prev_end = f.end
        metric = left
        raw_verb = raw_left.rstrip("了")
        verb_only = len(left) <= 2 and (not left or raw_verb.endswith(INTRO_VERBS))
        threshold = f.qualifier == "over" and s.startswith("以上", f.end - 2) and r.kind == "amount"
        threshold_before = left if threshold else None
        # rank, growth and share metrics are read on the left: the noun on the right only for the others, and for
        # money only after an intro verb (获得资金5亿元), as a size class (千亿级产业) or a threshold (亿元以上项目):
        # the rules below read it nowhere else
        reads_right = r.kind not in ("rank", "growth", "share") and (
            f.base_unit not in ("CNY", "USD") or verb_only or f.mult_only or threshold
            or raw_verb.endswith(C.AMOUNT_INTRO_VERBS)
        )
        right = right_noun(s, f.end, hi, fig_starts, fig_ends) if reads_right else ""
        if right and r.kind == "count":
            right = counted_units(right)
        # 3条生产线, 85吨钢材: a noun written right after the unit is what the figure counts or measures
        direct = right if (
            right and not s.startswith("的", f.end) and f.unit[-1:] not in "万亿千百"
            and f.base_unit not in ("CNY", "USD", "percent", "percentage_point")
            and not right.startswith(C.CHANGE_WORDS)  # 由35家增至128家: a change follows, not a noun
        ) else ""
        if r.kind == "rank":
            if last_rank is not None and _RANK_MOVE_GAP.match(s[last_rank.fig.end : f.start]) and last_rank.metric:
                metric = last_rank.metric  # 从第六前进至第四: the same ranking
            elif not r.fig.rank and (move := RANK_MOVE_RE.search(s, cs, f.start)):
                # 位列第15位,比上年前移8位: how far the ranking before moved (综合考评排名前移2名)
                ranking = (
                    last_rank.metric if last_rank is not None and last_rank.metric
                    else strip_metric(s[max(cs, f.start - len(raw_left)) : move.start()]) + "排名"  # (after 该县)
                )
                # (较上年, 较一季度: the base as written, in the usual words of a metric's name)
                base = s[move.start() : move.start("verb")]
                since = ("较" + base[1:].replace("去年", "上年")) if base[:1] in "比较" else ""
                metric = f"{ranking}{since}{move.group('verb')}名次"
            else:
                metric = _rank_metric(s, r, lo, left, prev, last_pct)
        elif r.kind == "growth" and f.base_unit == "percentage_point" and (pp := _pp_metric(s, f, last_pct, prev)):
            metric = pp  # 增速比上半年加快0.3个百分点: a change in a rate, named with its comparison
        elif r.kind == "growth" and r.mom and metric in ("", "环比") and (base := _level_of(last, prev)):
            metric = f"{base}环比{growth_word(base)}"  # 同比增长7.1%,环比增长0.8%: the same indicator month on month
        elif (
            r.kind == "growth" and r.mom and f.base_unit == "percent"
            and (cmp := MOM_RE.search(metric)) and cmp.group() != "环比"
            and (base := metric[: cmp.start()] if cmp.start() >= 2 else _level_of(last, prev))
        ):
            # 西瓜批发价比上月降三成: the price's change on the month before (比上月同期下降30%: of the price before)
            metric = f"{base}环比{growth_word(base)}"
        elif r.kind == "growth":
            if cmp_tail := _GROWTH_BASE_TAIL_RE.search(metric):
                metric = metric[: cmp_tail.start()]  # 比去年多两成, 房价普遍比平时上涨五成: what changed, not the base
            if (len(metric) < 2 or metric in _MEAN_SPANS) and prev is not None and prev.metric:
                # (同比增长10.4%,两年平均增长6.6%: the level's mean growth over two years)
                metric = prev.metric + metric
            elif prev is not None and prev.metric and (kind := _NOMINAL_OR_REAL_RE.fullmatch(metric)):
                # 收入24316元,名义增长9.4%,扣除价格因素实际增长6.5%: the level's nominal and real growth
                metric = prev.metric + kind.group(1)
            elif len(metric) < 2 and last is not None and last.kind == "growth" and last.metric:
                # 全省增长5.1%,赣州增长6.3%: the same growth, for another subject (after a change of it in 个百分点,
                # 增速比1—7月提高0.2个百分点;8月当月增长9.6%: the growth the change was of)
                same = last_pct if last.fig.base_unit == "percentage_point" and last_pct is not None else last
                metric = same.metric or last.metric
            elif len(metric) < 2 and para_growth:
                metric = para_growth  # 地区生产总值增长10.2%。一季度、二季度当季分别增长16.2%、8.5%: of the same
            metric = _DECLINE_NOUN_RE.sub("", metric)  # 社零降幅收窄至2.6%: the growth of 社零, now negative
            if metric and not metric.endswith((*GROWTH_ENDINGS, "增幅", "率")):
                # 贷款余额286.4亿元,比年初增长6.9%: a growth since January, not over a year; 年均增长: a yearly mean
                after_since_january = (  # 比年初增加72.8亿元,增长17.6%: the change's growth (a verb between)
                    last is not None and last.delta and "年初" in (last.metric or "")
                    and len(r.gap) <= _VERB_GAP_MAX and s.find("同比", cs, f.start) < 0
                )
                if after_since_january or _SINCE_JANUARY_RE.search(s, cs, f.start):
                    metric += C.SINCE_JANUARY_GROWTH
                else:
                    metric += ("年均" if "年均" in raw_left and "年均" not in metric else "") + growth_word(metric)
        elif r.kind == "share":
            scope = next((sc for sc in C.RANK_SCOPES if sc in raw_left), "")
            # (约占员工总数的18%; 总量约占全省的14.2%: the level before, as a share of the scope)
            left = _LEVEL_ITSELF_RE.sub("", left)
            bare = left.replace(scope, "").replace("占", "")
            sm = _SHARE_NOUN_RE.match(s, f.end, hi)
            plan = plan_share(s, cs, f.start)
            # (the figure before the plan's phrase, not the plan's own amount: 完成全年341.6亿元目标任务的96.2%; a
            # level, else a growth of one: 营业收入增长14.2%,完成全年目标任务的51.4%)
            done = next(
                (x for x in reversed(recs[:ri]) if x.fig.end <= plan.start and x.kind not in ("share", "rank")), None
            ) if plan else None
            if plan and done and done.kind == "growth" and s.find("投资", plan.start, f.start) >= 0:
                # 完成投资1187.9亿元,同比增长11.8%,占年度计划投资2024.6亿元的58.7%: the level's share, not its growth's
                growth = done
                done = next(
                    (x for x in reversed(recs[:ri]) if x.fig.end <= growth.fig.start and x.kind not in NOT_LEVELS),
                    None,
                )
            if plan and done and done.fig.base_unit != "CNY" and s.find("投资", plan.start, f.start) >= 0:
                done = None  # 在建项目43个,完成年度投资计划的88.6%: the plan is of money, not of the count
            done_name = done.metric if done else None
            if done and done_name and done.kind == "growth":
                done_name = level_of(done_name)
            if sm:
                metric = sm.group(1)  # 95%的设备开工率
            elif plan and done and done_name:
                # 完成投资68亿元,占年度计划的85%; 财政总收入…完成全年目标的92%: how far the plan is done
                metric = (
                    f"{done_name}完成{plan.plan}进度" if plan.verb == "完成" and "计划" not in plan.plan
                    else f"{done_name}占{plan.plan}比重"
                )
                r.progress_of = done
            elif plan and (h := last_before(periods, ends[0], plan.start)) is not None and h.label:
                r.fixed_period = h.label  # 上半年完成投资占全年计划的62.1%: of 上半年, not of 全年
            elif bare in ("", "比", "比重", "占比", "比例") and prev is not None and prev.metric:
                # 其中民生支出481.9亿元,占比82.2%: a share of the whole the 其中 list breaks down; 占全区规上工业营收的
                # 比重: of what is named before 的
                # (夜间消费占总消费的比重达58%: of what is named before 占, if anything is)
                named_of = _OF_BEFORE_SHARE_RE.search(raw_left)
                of = named_of.group(1) if named_of else scope or (
                    whole.metric or "" if _is_whole_of(whole, prev) else ""
                )
                own = strip_metric(raw_left[: named_of.start()]) if named_of else ""
                level = own if len(own) >= 2 else prev.metric
                metric = f"{level}占{of}比重" if of else f"{level}占比"
            elif left.startswith("占") and prev is not None and prev.metric and len(of := _share_of(bare)) >= 2:
                # 一般贸易进出口702.3亿元,占全市外贸总值的76.6%; 占全省电子信息产业的15.8%: with its scope
                metric = f"{prev.metric}占{scope}{of}比重"
            elif (
                left.endswith("占比") and len(left) > 3 and not scope and not any(c in left for c in "在中")
                and (of_rec := whole if _is_whole_of(whole, prev) else prev) is not None and of_rec.metric
                and left[:-2] != of_rec.metric
            ):
                metric = f"{left[:-2]}占{of_rec.metric}比重"  # 一般公共预算收入16亿元,税收占比71.2%
            elif (
                bare in ("比重", "比例") and prev is None and last is not None and last.kind == "growth"
                and last.metric and (of_m := _OF_BEFORE_SHARE_RE.search(raw_left))
            ):
                # 其中工业投资增长14.6%,占全部投资的比重为41.2%: the share of what grew, named by its growth
                metric = f"{level_of(last.metric)}占{of_m.group(1)}比重"
            metric = metric.replace("约占", "占")  # (实木家具年产量约占全国的三成: 约 is the qualifier's)
            if (k := metric.rfind("占")) > 0 and len(metric) - k > 1 and not metric.endswith(_SHARE_ENDINGS):
                metric += "比重"  # 我市进出口占全省的11.6%, 技术人员约占员工总数的18%
        elif (
            not left and in_list and prev is not None and prev.fig.base_unit == f.base_unit and not direct
            and not (f.base_unit == "count" and prev.fig.unit[-1:] != f.unit[-1:])  # (共有286户、1140人)
        ):
            metric = prev.metric or ""
        elif r.kind == "capacity" and raw_left.endswith(("年产", "年产能")):
            # 年产20GWh储能电池项目, 一条年产500吨的生产线, 现有储能电池年产能15GWh: what has the capacity after
            # the figure, else before 年产 (水泥年产能1500万吨的规模: a scale is no product)
            after = right.split("项目")[0] if right not in _SCALE_WORDS else ""
            product = after or strip_metric(raw_left.removesuffix("能").removesuffix("年产"))
            metric = (product + "年产能") if product else "年产能"
        elif f.base_unit in ("count", "vehicle"):
            intro = verb_only or in_list or raw_verb.endswith(C.COUNT_INTRO_VERBS)
            # (湖塘村共286户, 全村286户: a place's households or people)
            of_a_place = f.unit[-1:] in _POPULATION_UNITS and _PLACE_HAVING_RE.fullmatch(s, cs, f.start) is not None
            # (times an event happened; not visits or trips: 首次突破百万人次大关 counts no 大关)
            event = _event_after(s, f, hi) if f.unit.endswith("次") and not f.unit.endswith(_VISIT_UNITS) else ""
            if event:
                metric = left + event + "次数"  # 连续22次打破纪录: the event counted
            elif (noun := direct or (right if intro else "")) and (quantity := _quantity_of(raw_verb, noun)):
                metric = quantity  # 卖出了2100多万台电机: 电机销量
            elif direct:
                metric = _counted_after(s, f, direct)
            elif right and intro:
                metric = _counted_after(s, f, right)
            elif metric in C.BARE_CHANGE_VERBS and prev is not None and prev.metric and prev.fig.unit == f.unit:
                metric = metric + prev.metric  # 规上企业达到312家,其中上半年新增17家: 新增规上企业数
            elif metric and r.kind == "count" and not of_a_place:
                metric = _count_metric(metric, f.unit, True)
                if prev is not None and "其中" in r.gap and prev.kind == "count" and prev.metric:
                    metric = _part_of_count(metric, prev.metric)
            elif r.kind == "count" and f.unit[-1:] in _POPULATION_UNITS:
                # 全村共412户1736人: its households and its people; 其中脱贫户68户253人: the people of those households
                of_households = (
                    prev is not None and prev.fig.unit.endswith("户") and r.gap in ("", "、") and f.unit[-1] == "人"
                )
                if of_households and prev is not None:
                    metric = (prev.metric or "").removesuffix("数").removesuffix("户") + "人口"
                elif of_a_place or raw_left.endswith(_HAVING_WORDS) and _PLACE_SCOPE_RE.search(s, cs, f.start):
                    metric = _POPULATION_UNITS[f.unit[-1]]  # (该企业共800人: no population)
        elif r.kind == "area" or f.base_unit in ("km", "tonne") or f.unit.endswith(("立方米", "立方")):
            intro = verb_only or in_list or raw_verb.endswith(C.COUNT_INTRO_VERBS)
            if direct or (right and intro):
                # 生产了1.2万吨钢材: 钢材产量
                noun = direct or right
                metric = _quantity_of(raw_verb, noun) or _measure_metric(noun, f.base_unit, f.unit)
                if r.kind == "area" and _PLANTED_RE.search(raw_verb) and metric == noun + "面积":
                    metric = noun + "种植面积"  # 今年种了9亩白莲: 白莲种植面积
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
            noun = right_noun(s, f.end + 1, hi, fig_starts, fig_ends) if shifted else right
            if noun:
                noun = _cut_after_head(noun)
                metric = noun + ("投资额" if "投资" in raw_left or noun.endswith("项目") and threshold else "规模")
                if threshold:
                    metric += "门槛"
        elif threshold:
            noun = right
            if "项目" in noun:
                # (新开工亿元以上项目: the stage of the projects the class is of, 新开工项目投资额门槛)
                stage = _PROJECT_STAGE_RE.search(left) if left else None
                metric = (stage.group() if stage else "") + _cut_after_head(noun) + "投资额门槛"
            elif noun and left.endswith(_MEASURES_OF_A_CLASS):
                metric = left + "门槛"  # 集体经营性收入50万元以上的村: the class is by the income
            elif noun:
                metric = noun + "门槛"
        if raw_left.endswith("以") and s.startswith("的", f.end) and r.kind != "rank":  # (以第一名的成绩: a rank)
            # 以686亿元的品牌价值位居第6位, 以12亿元的营收位居全市第一: what follows 的 is measured
            metric = right_noun(s, f.end + 1, hi, fig_starts, fig_ends) or metric
        if _ABBREVIATION_CORE_RE.search(metric):
            metric = _expand_abbreviation(metric)
        if raw_left.endswith(PROJECT_SIZE_WORDS) or (
            f.qualifier is not None and raw_left.endswith(_PROJECT_SIZE_QUALIFIED)  # 总投资约85亿元
        ):
            # (not after a range's lower end: 投资5亿元至10亿元项目6个 names no project)
            m = None if s.startswith(RANGE_CONNECTORS, f.end) else (
                _PROJECT_AFTER.match(s, f.end, hi) or _PROJECT_RIGHT.match(s, f.end, hi)
            )
            if m:
                r.project = _project_name(m.group(m.lastindex or 0))
            else:
                # 鄱余高等级公路项目起于…,总投资25亿元; 全长96.8公里的安远至定南高速公路总投资128.5亿元
                r.project = project_topic(s, lo, f.start) or (project.project if project is not None else para_project)
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
        elif f.mult_only and r.kind == "count" and (people := PEOPLE_AFTER_RE.match(s, f.end, hi)):
            metric = people.group()  # 解决了28.6万农村人口的饮水安全问题: 农村人口 (scan counted them by it)
        if (
            metric == left and not direct and not r.delta and raw_verb[-1:] in _DEAL_VERBS
            and (deal := _SPOKEN_DEAL_RE.fullmatch(raw_verb))
            and (named := _spoken_deal(deal, f, prev))
        ):
            metric = named  # 他家脐橙卖了12万元: 脐橙销售收入; 两口子加起来挣了6.2万元: 收入; 他种了180亩: 种植面积
        elif not metric and prev is not None and r.kind not in ("growth", "rank"):
            # 计划改造公路320公里、危桥18座,已完成256公里: the level in the same unit
            metric = (prev if prev.fig.base_unit == f.base_unit else level_in_unit.get(f.base_unit, prev)).metric or ""
        elif not metric and _is_whole_of(whole, r) and r.kind not in ("growth", "rank", "share"):
            assert whole is not None and whole.metric  # (_is_whole_of)
            metric = whole.metric  # 社零总额378.6亿元。其中,信州区完成89.2亿元: a part of the level before
        elif (
            not metric and prev is None and level_before is not None and level_before.metric
            and r.kind == level_before.kind and f.base_unit == level_before.fig.base_unit and r.kind not in NOT_LEVELS
            and (r.kind != "count" or f.unit == level_before.fig.unit)  # (13家 is no count of 人次)
        ):
            metric = level_before.metric  # 营收从218.6亿元增长到263.4亿元;2023年达到338.5亿元: the same level again
        if last is not None and len(r.gap) <= GAP_MAX and RANGE_GAP.match(r.gap) and last.metric:
            metric = last.metric  # the upper bound of a range measures the same thing
        elif (
            last is not None and last.metric and r.gap in ("和", "、", "及") and f.base_unit == "percentage_point"
            and last.fig.base_unit == f.base_unit
        ):
            metric = last.metric  # 分别高于全市0.3个和0.6个百分点: a list of gaps of the same kind
        # 由2018年的2212亿元增加到去年的3401.2亿元: two levels of what the sentence is about
        if you_here:
            if s.startswith("由", cs, f.start):
                metric = (prev.metric if prev is not None else _growth_base(last)) or metric
                from_level = r
            elif fm:
                from_level = r  # 村集体经济收入由8万元增加到56万元, 企业由2015年的116家增加到765家: named before 由
            elif from_level is not None and from_level.fig.base_unit == f.base_unit and _TO_RE.search(s, cs, f.start):
                metric = from_level.metric or metric
                r.start_level = from_level
                from_level.starts_rise = True
        if r.delta:
            # (last: a change of a change; 余额3968.2亿元;比年初新增482.6亿元: of the level the sentence before gave)
            metric = _delta_metric(s[cs : f.start], raw_left, prev or last or level_before, f)
        cmp = base_year_comparison(s, f) if base_years_here else None
        if cmp is not None and is_rise_start(cmp):
            # 由2015年的116家增加到765家: named as the rise's level (above)
            r.fixed_period = base_year_period(cmp, published)
        elif cmp is not None:
            # 比2018年的82.45亿元增长了6倍多: the base year's level and the multiple of it, of the level named before
            # (the level named before the comparison: after the period phrase and entity the clause's name starts at)
            named_from = f.start - len(raw_left)
            named = strip_metric(s[named_from : cmp.start()]) if cmp.start() > named_from else ""
            level = named if len(named) >= 2 else prev.metric if prev is not None and prev.metric else named
            if len(level) >= 2:
                metric = base_year_metric(cmp, level, r.kind, f.base_unit)
                if is_base_level(cmp):
                    r.fixed_period = base_year_period(cmp, published)
        elif f.unit == "倍" and r.kind == "other" and prev is not None and prev.metric and (w := years_window(s, f)):
            metric = f"{prev.metric}{w}增长倍数"  # 营业收入86.4亿元,6年间增长了16倍多
        elif f.unit == "倍" and r.kind == "other" and (rise := _RISE_BY_RE.search(raw_left)):
            # 分拣效率提高了3倍: how many times over, named after what rose (or the level before)
            what = left if len(left) >= 2 else prev.metric if prev is not None and prev.metric else ""
            metric = f"{what}{rise.group(1)}倍数" if what else metric
        elif (
            prev is not None and prev.metric and prev.fig.base_unit == f.base_unit
            and left.startswith(_AVERAGE_WORDS) and (avg := _AVERAGE_RE.match(left))
            and (k := prev.metric.find(left[avg.end() :])) >= 0
        ):
            # 车流量412.6万辆次,日均58.9万辆次: the same measure per day (all of a name read from a verb: 旅客发送量)
            metric = avg.group(0) + (prev.metric if prev.metric.endswith("量") else prev.metric[k:])
        if r.kind == "share" and metric in _BARE_RATES and prev is not None and prev.metric:
            # 已完成整改53项,完成率为96.4%: 整改完成率 (已开工9个,开工率64.3%: 开工率, said once)
            level = prev.metric.removesuffix("数")
            metric = re.sub(f"新?{metric[:-1]}", "", level) + metric  # (新开工项目, 开工率: 项目开工率)
        elif metric in _TOTAL_WORDS and prev is not None and prev.metric and prev.fig.base_unit == f.base_unit:
            # 新增规上工业企业23家,总数达到158家: the total of what the figure before added to
            metric = prev.metric.removeprefix("新增").removeprefix("新认定").removesuffix("数") + "总数"
        elif metric.endswith("签约") and f.base_unit in ("CNY", "USD"):
            metric += "金额"  # 现场签约18.3亿元
        if (
            r.kind == "amount" and not r.delta and f.base_unit in ("CNY", "USD") and "每" in metric
            and "(每" not in metric  # (a range's upper bound: the lower one's name, already with its unit)
            and (per := _per_unit_metric(metric, s, f.end, hi))
        ):
            metric = per  # 鸡蛋每斤5.2元: 鸡蛋价格(每斤)
        elif r.kind == "amount" and f.base_unit == "CNY" and (earn := _PER_MU_EARNING_RE.fullmatch(metric)):
            metric = f"{earn.group('what') or ''}亩均{earn.group('net') or ''}收入"  # 一亩能挣400多元: 亩均收入
        elif r.kind == "amount" and f.base_unit == "CNY" and (earn := _PER_TIME_EARNING_RE.fullmatch(metric)):
            # 在基地务工,一天120元: 日工资; 一个月能拿3000多元: 月工资; 种白莲一年能挣5万元: 年收入
            pay = "工资" if _WORK_CUE_RE.search(s, lo, hi) and earn.group("span") not in ("一年", "每年") else "收入"
            metric = _SPAN_OF_EARNING[earn.group("span")] + pay
        if (
            metric and (metric[:2] in _QUANTITY_OF_VERB or metric[:1] == "卖" or metric.endswith(_TRADE_VERBS))
            and r.kind not in ("growth", "share", "rank") and not r.delta
        ):
            metric, last_object = _verb_object_noun(metric, f.base_unit, last_object)
        elif (
            f.base_unit == "mu" and (planted := metric.removeprefix("计划"))[:2] in _PLANTING_VERBS
            and len(planted) >= 4 and "面积" not in metric and not r.delta
        ):
            # 种植刺葡萄1850亩, 发展油茶1.2万亩, 计划种植优质稻6800亩: 刺葡萄种植面积
            metric = planted[2:] + "种植面积"
        if (
            last is not None and last.progress_of is not None and f.base_unit == "percentage_point"
            and s.find("序时进度", cs, f.start) >= 0
        ):
            # 完成全年目标的96.2%,比序时进度快4.5个百分点: how far the progress is ahead of the plan's pace
            r.progress_of, metric = last.progress_of, f"{last.metric}超序时进度"
        if r.year_before:
            this_year = last_pct if r.kind == "growth" else prev
            if this_year is not None and this_year.metric:
                # 利润总额142.6亿元,增长7.8%,上年同期为132.3亿元: last year's level of the same (what follows it
                # still refers to this year's)
                r.metric = f"{this_year.metric}(上年同期)"
                last = r
                continue
        r.metric = metric or None
        last = r
        if f.base_unit == "percent":
            last_pct = r
        if r.kind == "rank":
            last_rank = r
        elif r.kind not in ("growth", "share") and not r.delta:
            prev = r  # a growth after a delta or a share still refers to the level before them
            level_in_unit[f.base_unit] = r
            if first_level is None and r.metric and not r.in_paren:
                first_level = r


# Words between a price's name and its unit: 均价为每斤, 一度从每吨, 标准提高到每亩
_LEAD_OUT = r"(?:提高|增加|上涨|调整|提升|下降|降低|下调|上调)?[到至为]|一度从|[从由是在达约仅只都也就已]"
# A price per unit written after what is priced (鸡蛋每斤5.2元, 统货收购价每斤2.6元, 按照每斤3.2元的收购价格): named
# with the unit in brackets, 鸡蛋价格(每斤); of goods sold by weight or by the piece a bare name is their price.
# (每晚房价800元, 每盒售价68元 read well as written and stay so.)
PER_UNITS = ("公斤", "千克", "平方米", "斤", "吨", "亩", "盒", "箱", "件", "只", "头", "株", "克", "升")
GOODS_UNITS = frozenset(PER_UNITS) - {"平方米", "亩"}
# (a retail price may be per a weight or volume of several units: 每500克, 每5升)
_PER_UNIT_RE = re.compile(
    rf"(?P<at>按照|按)?(?P<name>[^每]*?)(?P<lead>(?:{_LEAD_OUT})*)每(?P<unit>\d*(?:{'|'.join(PER_UNITS)}))"
    r"(?P<sell>能卖到|能卖|卖到|卖|可卖)?"  # (小龙虾每斤卖22元: what it sells for)
)
_VALUE_NOUN_ENDS = ("价", "价格", "费", "金", "资", "入", "贴", "红", "额", "本", "润", "薪", "租", "值")
_PRICE_AFTER_RE = re.compile(r"的([^,，;；。的]{0,6}?价格?)")  # 按照每斤3.2元的收购价格: named after the figure
_COMPARED_RE = re.compile(r"比|较|高[出于]|低[于了]")


def _per_unit_metric(metric: str, s: str, end: int, hi: int) -> str | None:
    """鸡蛋每斤 → 鸡蛋价格(每斤), 统货收购价每斤 → 统货收购价(每斤), 均价为每斤 → 均价(每斤), 按照每斤 (…元的收购价格)
    → 收购价格(每斤); None for a metric that does not end with a price's unit, or names nothing priced."""
    m = _PER_UNIT_RE.fullmatch(metric)
    if m is None:
        return None
    unit, name = m.group("unit"), m.group("name")
    if not name:
        named = _PRICE_AFTER_RE.match(s, end, hi)
        if named is None and not m.group("at"):
            return None  # 每吨72万元 alone: what is priced is named elsewhere (按每公斤120元算: a price, reckoned)
        name = named.group(1) if named else ""
    if unit.lstrip("0123456789") in GOODS_UNITS and not name.endswith(_VALUE_NOUN_ENDS):
        if _COMPARED_RE.search(name):
            return None  # 比去年同期每斤高出: a difference in price, named as written
        name += "售价" if m.group("sell") else "价格"
    return f"{name}(每{unit})"


# What a bare count of households or people after 全村共, 全镇有 … is (and of people right after the households)
_POPULATION_UNITS = {"户": "户数", "人": "人口"}
_HAVING_WORDS = ("共", "有")  # (共有, 总共 end with them)
_PLACE_SCOPE_RE = re.compile(r"[全该本][村镇乡县市区]|[村镇乡]")  # 全村共412户, 湖塘村有…
# A village, township or town alone before a count of households or people, and its verb of having (湖塘村共)
_PLACE_HAVING_RE = re.compile("(?:[全该本]|[\u4e00-\u9fff]{2,3})[村镇乡](?:共有|总共|共|有)?")
_DECLINE_NOUN_RE = re.compile(r"降幅(?:收窄|扩大|回落|缩小|继续收窄)?$")
_SINCE_JANUARY_RE = re.compile(f"[比较](?:{alternation(C.SINCE_YEAR_START)})")  # (last year's end: this January)
_VERB_GAP_MAX = 4  # ,增长 / ,增长了 / 、提高了: a comma and a verb of change between two figures
_OF_BEFORE_SHARE_RE = re.compile(r"占([^,，;；。占的]{2,16})的?(?:比重|比例)")  # 占全部投资的比重
_TOTAL_WORDS = frozenset({"总数", "总量"})
# Counts of visits and trips (人次, 架次, 班次): no count of times an event happened
_VISIT_UNITS = ("人次", "架次", "班次", "辆次", "车次", "航次", "艘次", "户次")
# Rates named by themselves, of the level before them (完成整改53项,完成率为96.4%)
_BARE_RATES = frozenset({"完成率", "开工率", "达标率", "投产率", "签约率", "履约率", "办结率"})
_RISE_BY_RE = re.compile(r"(提高|增长|增加|提升|扩大)了?(?:近|约|超过|超)?$")
# Verbs that name a quantity of what they act on: 生产汽车2.86万辆 is the 汽车产量 (counts and weights; money
# stays as named: 销售收入, except trade: 出口12亿元 is the 出口额).
_QUANTITY_OF_VERB: dict[str, str] = {
    "生产": "产量", "销售": "销量", "售出": "销量", "卖出": "销量", "出口": "出口量", "进口": "进口量",
    "发运": "发运量", "交付": "交付量", "出栏": "出栏量",
    "出货": "出货量", "发货": "发货量", "下线": "下线量",  # (上半年出货1260万片: 出货量)
}
_TRADE_VERBS = ("出口", "进口")
# Nouns that start with one of those verbs (生产线12条: lines, not a quantity produced)
_NOUNS_OF_VERBS = (
    "生产线", "生产基地", "生产车间", "生产企业", "生产设备", "销售网点", "销售门店", "出口企业", "进口企业",
)


# What an acre earns, as a farmer says it (一亩能挣, 虾和稻加起来一亩能挣, 一亩还能赚, 一亩田纯收入)
_PER_MU_EARNING_RE = re.compile(
    r"(?:种植?|养)?(?P<what>[^一]{1,4}?)?(?:加起来)?一亩(?:地|田)?(?:还|就|也|平均)?(?:能|可以|可)?"
    r"(?P<net>纯|净)?(?:挣|赚|收入|增收)"
)
# What a day, a month or a year of someone's work brings, as they say it (一天能挣, 一个月能拿, 一天下来能挣, 每月工资):
# a day's or a month's wage where the story is of work, else an income
_PER_TIME_EARNING_RE = re.compile(
    r"(?:[^一每]{1,4}?)?(?P<span>一天|每天|一个月|每个月|每月|一年|每年)(?:下来)?(?:光|就|还|也|平均)?"
    r"(?:能|可以|可)?(?:挣|赚|拿|领|收入|工资|工钱)?(?:个|到)?"
)
_SPAN_OF_EARNING = {
    "一天": "日", "每天": "日", "一个月": "月", "每个月": "月", "每月": "月", "一年": "年", "每年": "年",
}
# The name of each deal by its verb and the figure's base unit (卖 of money: the sales' takings; 卖 of a weight or a
# count: the quantity sold; 干 of days: the days worked)
_DEAL_NAMES: dict[tuple[str, str], str] = {
    ("卖", "CNY"): "销售收入", ("卖", "tonne"): "销售量", ("卖", "count"): "销售量",
    ("挣", "CNY"): "收入", ("赚", "CNY"): "收入", ("种", "mu"): "种植面积", ("干", "other"): "务工天数",
    ("摘", "tonne"): "采摘量", ("收", "tonne"): "产量",  # (今年估计能摘10万斤: the crop picked; 预计能收32万斤)
}
# The verbs of those deals: the last character of the text before a figure that may tell one
_DEAL_VERBS = frozenset(verb for verb, _ in _DEAL_NAMES)
# What someone says they sold, earned, planted, worked, picked or harvested, in their own words (他家脐橙卖了, 我一共
# 卖了, 两口子加起来挣了, 这季晚稻我种了, 她在茶园干了, 今年估计能摘): who is speaking and their adverbs are no part of
# the name
_SPOKEN_DEAL_RE = re.compile(
    "(?P<before>.{0,8}?)(?:一共|总共|已经|加起来|估计|预计|可以|共|已|才|就|光|都|还|也|又|能)*(?P<net>净)?"
    f"(?P<verb>[{''.join(sorted(_DEAL_VERBS))}])"
)
_SPEAKERS_RE = re.compile("我们|我家|他们|他家|她家|自家|两口子|夫妻俩|两个人|[我他她]")
_SPOKEN_TIME_RE = re.compile("^(?:今年|去年|前年|当年|这季|今季|这一季|这批)")
# (一亩能卖, 一年能挣, 每天; 比去年多赚, 再多种: a rate or a gain, which rules of their own name)
_RATE_OR_GAIN_RE = re.compile("[一每比]|多$")
# (果季, 出栏后, 通过直播, 在茶园: a time, a manner or a place before the verb, not what was sold)
_NOT_A_PRODUCT_CHARS = frozenset("年季月天后前时的在这那里过")


def _spoken_deal(deal: re.Match[str], f: Figure, prev: FigureRecord | None) -> str:
    """The name of a deal told in a speaker's words (``_SPOKEN_DEAL_RE``), with what was sold or planted when it is
    named before the verb or was just planted (我家种了86亩脐橙,去年卖了42万元: 脐橙销售收入); '' if none fits."""
    verb, before = deal.group("verb"), deal.group("before")
    name = _DEAL_NAMES.get((verb, f.base_unit))
    if (
        name is None or verb == "干" and not f.unit.endswith("天") or _RATE_OR_GAIN_RE.search(before)
        or not all(map(is_han, before))  # (“618”期间卖了210万元: an event's sales, named as written)
    ):
        return ""
    if verb in "挣赚":
        return (deal.group("net") or "") + name  # (who earned it, or when, is the subject's and the period's)
    what = _SPOKEN_TIME_RE.sub("", _SPEAKERS_RE.sub("", before))
    if verb == "干" or not (2 <= len(what) <= 5 and all(is_han(c) and c not in _NOT_A_PRODUCT_CHARS for c in what)):
        what = ""
    if not what and verb == "卖" and prev is not None and (prev.metric or "").endswith("种植面积"):
        what = (prev.metric or "").removesuffix("种植面积")
    return what + name


_WORK_CUE_RE = re.compile("务工|打工|上班|工钱|工资|采摘|干活|车间|基地|采茶|摘")
# A verb of planting right before an area, what is planted after it (种了9亩白莲: 白莲种植面积); and verbs of
# planting that open a metric, what is planted after them (种植蔬菜2.7万亩: 蔬菜种植面积)
_PLANTED_RE = re.compile("(?:种|种植|栽|栽种|移栽)了?$")
_PLANTING_VERBS = frozenset({"种植", "栽种", "栽植", "发展", "新种", "扩种"})


def _quantity_of(raw_verb: str, noun: str) -> str:
    """卖出了 + 电机 → 电机销量: the quantity a verb right before the figure names of the noun after it ('' if none)."""
    verb = raw_verb[-2:]
    return noun + _QUANTITY_OF_VERB[verb] if verb in _QUANTITY_OF_VERB and noun else ""


def money_name(metric: str) -> str:
    """出口 (and 对韩国出口) of money is the 出口额; 进出口 stays (its totals go by several names)."""
    return metric + "额" if metric.endswith(_TRADE_VERBS) and not metric.endswith("进出口") else metric


def _verb_object_noun(metric: str, base_unit: str, last_object: str) -> tuple[str, str]:
    """A metric named by a verb and its object (生产新能源汽车数 → 新能源汽车产量; 销售数 after it → 新能源汽车销量;
    a bare 出口 of money → 出口额), and the object it names (or ``last_object``, unchanged)."""
    if base_unit in ("CNY", "USD"):
        return money_name(metric), last_object
    verb = metric[:2]
    noun = _QUANTITY_OF_VERB.get(verb)
    if noun is None and metric[:1] == "卖" and metric[1:2] not in "了给掉" and base_unit in ("tonne", "count"):
        verb, noun = "卖", "销量"  # 去年合作社卖干莲132吨: 干莲销量
    if noun is None or base_unit in ("percent", "percentage_point", "rank") or metric.startswith(_NOUNS_OF_VERBS):
        return metric, last_object
    obj = metric[len(verb) :].removesuffix("数")
    if len(obj) >= 2:
        return obj + noun, obj
    if last_object:
        return last_object + noun, last_object
    return (noun, last_object) if not obj else (metric, last_object)  # (上半年我们出货1260万片: 出货量)


# How a share's name ends when it says what it is a share of
_SHARE_ENDINGS = ("比重", "占比", "比例", "率", "份额")
# What names the level before as a whole before a share of it (总量约占全省的14.2%), and 约 before 占
_LEVEL_ITSELF_RE = re.compile(r"^(?:(?:总量|总额|规模)已?)?约?(?=占)")
# A growth's name that is only the span it is a yearly mean over (两年平均增长6.6%)
_MEAN_SPANS = ("两年平均", "三年平均", "年均")
# A growth said nominal or real, with nothing else named before it (同比名义增长, 扣除价格因素实际增长)
_NOMINAL_OR_REAL_RE = re.compile("(?:同比|比上年|比去年|较上年)?(?:扣除价格因素)?(名义|实际)")
# A mean growth over years (地区生产总值两年平均增速, GDP年均增速): not the growth a later clause compares
MEAN_GROWTH_RE = re.compile("|".join(_MEAN_SPANS))
# An average of the level before (日均58.9万辆次, 日均新设约416户: 日均 and what of the level's name is repeated)
_AVERAGE_WORDS = ("日均", "月均", "平均每天", "平均每日", "平均每月")
_AVERAGE_RE = re.compile("|".join(_AVERAGE_WORDS))


# What the people a count counts found (2000余名村民就业, 1.2万名返乡人员实现就近就业): the count is of that
_EMPLOYED_AFTER_RE = re.compile(r"(?:实现|稳定)?(?P<how>就近|就地|稳定|转移)?就业")
_MEMBER_NOUNS = ("社员", "会员", "农户", "员工", "职工")


def _part_of_count(part: str, whole: str) -> str:
    """A count a 其中 breaks out of the count before it, named with what that counts: 电子信息企业132家,其中规上企业
    86家 → 规上电子信息企业数 (the firms of a size); 社员136户,其中脱贫户42户 → 脱贫户社员数 (members)."""
    p, w = part.removesuffix("数"), whole.removesuffix("数").removesuffix("户").removesuffix("人")
    if (member := next((m for m in _MEMBER_NOUNS if w.endswith(m)), None)) and p.endswith("户") and member not in p:
        return f"{p}{member}数"  # (吸纳社员200户,其中脱贫户38户: 脱贫户社员数, not what was done to them)
    if p in _SIZE_CLASS_FIRMS and w.endswith("企业") and len(w) > 2 and not _NOT_A_KIND_RE.search(w):
        return f"{p[:-2]}{w}数"  # (the part's size class, then the whole's kind of firm)
    return part


_SIZE_CLASS_FIRMS = frozenset({"规上企业", "规模以上企业", "限上企业", "限额以上企业"})
_NOT_A_KIND_RE = re.compile("入驻|注册|新增|集聚|引进|落户|拥有")


def _counted_after(s: str, f: Figure, noun: str) -> str:
    """The name of a count by the noun after it (3条生产线 → 生产线条数), and of people by what they found
    (帮助1.2万名返乡人员实现就近就业 → 返乡人员就近就业人数)."""
    head = _person_head(noun, f.unit)
    k = s.find(head, f.end, f.end + len(head) + 2)
    if noun.startswith(head) and k >= 0 and f.unit.rstrip("余多")[-1:] in ("名", "人", "位"):
        if job := _EMPLOYED_AFTER_RE.match(s, k + len(head)):
            # (带动周边2000余名村民就业: the jobs a business brought, 带动村民就业人数)
            brought = "带动" if s.find("带动", max(f.cs, f.start - 6), f.start) >= 0 else ""
            return f"{brought}{head}{job.group('how') or ''}就业人数"
    if (
        f.unit.rstrip("余多").endswith("户") and (does := _HOUSEHOLDS_DOING_RE.fullmatch(noun))
        and s.find("带动", max(f.cs, f.start - 6), f.start) >= 0
    ):
        # 带动周边1200余户农户增收, 带动860户菜农种植蔬菜: the households a business brings to it, named as the papers
        # count them (带动增收农户数, 带动种植蔬菜菜农户数)
        who = does.group("who")
        return f"带动{does.group('does')}{who}{'数' if who.endswith('户') else '户数'}"
    if joined := _TAKING_PART_RE.fullmatch(noun):
        return joined.group("does") + _count_metric(joined.group("who"), f.unit, False)  # 312家企业参展: 参展企业数
    return _count_metric(head, f.unit, False)


# The households a count in 户 counts and what they do (农户增收, 菜农种植蔬菜, 脱贫户入股)
_HOUSEHOLDS_DOING_RE = re.compile(
    f"(?P<who>.{{0,3}}(?:{alternation(C.HOUSEHOLD_NOUN_ENDINGS)}|果农|菜农|茶农|莲农|渔民))"
    "(?P<does>增收|致富|增产|入社|入股|(?:种植|养殖|发展)[^，,。；;]{1,4})"
)


# What a count counts, taking part in an event (312家企业参展, 24支村队参赛, 160家电商企业参展参会)
_TAKING_PART_RE = re.compile("(?P<who>.{1,6}?)(?P<does>参展参会|参展|参赛|参会)")


# The base a growth is compared with, ending the text before it (普遍比平时上涨, 比去年多; 比9月份 stays: no other
# word of the name says what the growth is against)
_GROWTH_BASE_TAIL_RE = re.compile(
    r"(?:普遍|均|都)?[比较](?:去年|上年|平时|往年|平常)(?:同期)?(?:多|少|增加|上涨|下降|高|低|增长)?了?$"
)
# The comparison a change in 个百分点 states (比上半年加快, 高于全省平均水平, 较年初下降); 比重 is no comparison.
_COMPARE_RE = re.compile(r"同比|环比|比(?![重例])|较|高于|低于|快于|慢于")
_PP_PHRASE_END_RE = re.compile(r"(?:了|达到|达|约|近|超过|超)$")
# Nouns for the rate itself before the comparison (增速比上半年加快…, 降幅比1-8月收窄…).
_RATE_NOUNS = (*C.GROWTH_NOUNS, "降幅")


_HIGHER_THAN_RE = re.compile(r"^比(全[省市国县区])(高|低)出?$")


def _pp_metric(s: str, f: Figure, last_pct: FigureRecord | None, prev: FigureRecord | None) -> str:
    """The rate that changed (named before the comparison, else the last % figure of the sentence) and the
    comparison: 增速比上半年加快0.3个百分点 → 地区生产总值增速比上半年加快; 不良贷款率较年初下降0.12个百分点 →
    不良贷款率较年初下降."""
    m = _COMPARE_RE.search(s, f.cs, f.start)
    if m is None:
        return ""
    # (比全省高8.6个百分点 is 高于全省, as the papers mostly write it)
    phrase = _HIGHER_THAN_RE.sub(r"\2于\1", _PP_PHRASE_END_RE.sub("", s[m.start() : f.start]))
    noun = s[f.cs : m.start()].strip()
    base = strip_metric(noun)
    if len(base) >= 2 and noun.endswith(_RATE_NOUNS) and not base.endswith(_RATE_NOUNS):
        base = noun  # 出口增速比全省高: the growth compared, not the level
    if len(base) < 2 or base in _RATE_NOUNS:
        if last_pct is not None and last_pct.metric:
            base = last_pct.metric
        elif prev is not None and prev.metric:
            base = growth_of(prev.metric)
        else:
            return ""
        if noun.endswith("降幅"):
            base = level_of(base) + "降幅"
    return base + phrase


def _level_of(last: FigureRecord | None, prev: FigureRecord | None) -> str:
    """The indicator a bare 环比 growth refers to: that of the growth just given (see _growth_base), else the level."""
    return _growth_base(last) or (prev.metric or "" if prev is not None else "")


# 由A增加到B: A opens the clause with 由, B follows a verb of change + 到/至
_TO_RE = re.compile(
    r"(?:增加|提高|增长|扩大|上升|提升|跃升|攀升|跨越|发展|壮大|扩展|下降|减少|降低|缩小|增|降)(?:到|至)"
)


def _growth_base(r: FigureRecord | None) -> str:
    """年均增长6.2%,由…: the metric a growth record is the growth of (GDP年均增速 → GDP)."""
    if r is None or r.kind != "growth" or not r.metric:
        return ""
    return level_of(r.metric).removesuffix("年均")


# What a threshold before a class names (营业收入10亿元以上的企业, 集体经营性收入50万元以上的村)
_MEASURES_OF_A_CLASS = ("收入", "营收", "产值", "销售额", "税收", "利润", "交易额", "成交额")
# The stage of the projects a threshold's class is of, before it (新开工亿元以上项目)
_PROJECT_STAGE_RE = re.compile("新?(?:开工|引进|签约|竣工|投产|落地|招引|实施)$")
# What a count counts right after a threshold, and a verb of having after it (亿元以上项目146个, 以上的村有7个)
_CLASS_NOUN_RE = re.compile("(?P<noun>的?(?:(?![的有达为是共])[\u4e00-\u9fff]){1,8})(?:有|达|为|共)?")
# Who holds a balance, before what changed of it (金融机构本外币各项存款余额): no part of the change's name
_LENDERS_RE = re.compile("^(?:全市|全县|全区)?(?:银行业)?(?:金融机构)?(?:本外币)?(?=各项|存款|贷款)")
# 比上年的19.18亿元增加2.18亿元: the change after last year's level (classify.link_neighbours reads the same)
_CHANGE_AFTER_BASE_RE = re.compile(r"(?:净)?(?:增加|减少|增长|下降|多|少)了?$")


def _delta_metric(clause: str, raw_left: str, prev: FigureRecord | None, f: Figure) -> str:
    """比年初增加412亿元 → 存款余额比年初增加额: what changed (named before the cue, else the level before
    the figure) and the cue, so that a change never reads as a second value of the level."""
    m = DELTA_RE.search(clause) or _CHANGE_AFTER_BASE_RE.search(clause)
    assert m is not None  # r.delta was set on one of these (the second after last year's level: classify)
    cue = m.group(0) if m.re is DELTA_RE else f"比上年{m.group(0)}"
    what = strip_metric(raw_left.removesuffix(cue)) if raw_left.endswith(cue) else ""
    cue = cue.removesuffix("了")
    if len(what) < 2:
        what = prev.metric if prev is not None and prev.metric else ""
    if not what:
        return ""
    what = _LENDERS_RE.sub("", what)  # (金融机构本外币各项存款余额比年初增加: 各项存款余额比年初增加额)
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
    if i >= hi or not is_han(s[i]) or s[i] in "的等":
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


_RANKED_RATES = (*GROWTH_ENDINGS, "增幅")
_SCALE_WORDS = frozenset({"规模", "水平", "能力", "产能", "生产能力"})


# What a scope's units ranked are, with no measure of their own (全省县(市、区), 全市各开发区)
_RANKED_UNITS_RE = re.compile(r"各?(?:县[（(]市、?区[)）]|县市区|县区|县|设区市|(?:国家级|省级)?开发区|工业园区|园区)")
# A rank's verb inside what narrows its scope (考核中位列, 开发区中排名)
_RANK_VERB_INSIDE_RE = re.compile("中(?:位列|位居|排名|排在|居|列)|位列|位居")
# The papers' cities named as the scope of a rank, after its verb (居赣州市第3位, 列上饶各县区第2位)
_CITY_SCOPE_RE = re.compile(r"(?<=[居列名在])(?:赣州|上饶)市?(?:各县[（(]市、?区[)）]|各县(?:市区|区)?)?")


def _rank_metric(
    s: str, r: FigureRecord, lo: int, left: str, prev: FigureRecord | None, last: FigureRecord | None
) -> str:
    cs = r.fig.cs
    # (增速列赣州各县(市、区)第3位, 居上饶市第2位: among the city's counties, what 全市 says, named as written)
    raw = _CITY_SCOPE_RE.sub("全市", s[cs : r.fig.start])
    left = _CITY_SCOPE_RE.sub("全市", left)
    scope = next((sc for sc in C.RANK_SCOPES if sc in raw), "")
    named = _CITY_SCOPE_RE.search(s, cs, r.fig.start) if scope == "全市" else None
    after = ""
    if scope and scope in left:
        # 在全省国家级开发区中排名: what stands after the scope narrows it and stays after it, as written (居全省县
        # (市、区)第一位; 在全省工业高质量发展考核中位列县(市、区)第15位: the verb inside is no part of it)
        left = left[: left.index(scope)]
        after = _strip_rank_verbs(_RANK_VERB_INSIDE_RE.sub("", raw[raw.rindex(scope) + len(scope) :]))
        after = after.partition("由")[0]  # (排名由2015年的第78位上升到第29位: not the year it rose from)
    for sc in C.RANK_SCOPES:
        left = left.replace(sc, "")
    bare = _strip_rank_verbs(left)
    if len(bare) > 2 and bare[2] in "区县市" and bare[:2] in places():
        bare = bare[3:]  # A、B、赣县区规上工业增加值增速分列全市前三位: the places ranked are the subject
    thing = strip_metric(bare)
    if thing and (rate := next((g for g in _RANKED_RATES if bare.endswith(g)), None)) and not thing.endswith(rate):
        thing += rate  # 规上工业增加值增速居全市第2位: the growth is ranked, not the level
    if len(thing) < 2 and (not after or _RANKED_UNITS_RE.fullmatch(after)):
        # (居全省县(市、区)第一位: among units, of the measure given before; 在全省工业园区综合考评中排名: of that)
        if bare in C.GROWTH_NOUNS and last is not None and last.kind == "growth" and last.metric:
            thing = last.metric  # 同比增长12.3%,增速位居全市第一: the growth just given is ranked
        else:
            thing = prev.metric if prev is not None and prev.metric else bare if bare in C.GROWTH_NOUNS else ""
    return f"{thing}{named.group() if named else scope}{after}排名"
