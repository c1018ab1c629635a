"""分别 lists: in A、B分别增长12%、15% the i-th figure of the run gets the i-th listed item, as its metric or its
subject; in 营收12亿元、利润1亿元，分别增长18%、25% each growth goes with the level listed before it.

Read after metric naming (a listed item overrides the name read from the figure's own clause) and before yoy.
"""

from __future__ import annotations

import re

from .base_year import base_year_comparison, base_year_metric, is_base_level
from .classify import LIST_SEPS
from .context import GROWTH_NOUNS, MOM_WORDS, YEAR_ON_YEAR_BASES
from .metric_names import NOT_LEVELS, money_name
from .metric_text import growth_of, level_of, strip_metric
from .periods import PeriodHit
from .records import FigureRecord, alternation
from .scan import CONTEXT_WINDOW
from .subjects import PROVINCE, Entity, place_lists

_FENBIE_ITEM_RE = re.compile(r"[^、和及与]+")
_ENUMERATION_ITEM_RE = re.compile(r"[^、]+")
# 分别增长6.5%、下降2.1%: the next growth of a 分别 run, with its own verb
_GROWTH_RUN_GAP_RE = re.compile(r"[、和及,，](?:增长|下降|减少|提高|回落|上升)")
# 地区生产总值总量排名前三的是: what the places listed after it are ranked by
_RANKING_INTRO_RE = re.compile(
    r"(?P<name>[^,，;；。]{2,20}?)(?:总量|规模)?(?:排名|位居|位列|居)(?:全市|全省)?前[一二三四五六七八九十\d]+(?:位|名)?的?(?:是|为)?$"
)
# 东盟、欧盟和美国为前三大贸易伙伴,分别…: what the list is said to be follows its last item
_ITEM_PREDICATE_RE = re.compile(r"(?<=..)(?:为|是|成为)[^、和及与]*$")
# 光伏、锂电两大产业, 信丰、龙南两地: the count of the items listed, no part of their names
_COUNTED_GROUP_RE = re.compile(r"[两二三四五六七八九十]+[大地个家条]")
# One-character endings of a list's items that the last item's noun is shared after (粮油食品类、饮料类零售额,
# 工业、服务业增加值)
_CLASS_ENDINGS = frozenset("类业")
# The ranking a list's items are given after their names (位居前三, 位列全市前三, 分列第一、二位)
_RANKED_RE = re.compile(
    r"(?:位居|位列|分列|排名|排在|(?:居|列)(?:全[省市县区国])?(?:第|前|后|首))[^,，;；。]*$"
    r"|(?<=增速|增幅|降幅)(?:较快|较大|最快|最大|较高|最高|领先)$"  # (寻乌县、安远县增速较快，分别增长…: how it ranks)
)
# A list of items runs back to the last of these before 分别 (its 、 do not end it, unlike a clause).
_LIST_BOUNDARY_RE = re.compile(r"[,，;；:：。！？!?]")


def distribute_fenbie(
    s: str, recs: list[FigureRecord], cands: list[Entity], periods: list[PeriodHit], growth_before: str | None = None,
    level_before: FigureRecord | None = None,
) -> None:
    """A、B分别增长12%、15%: the i-th figure of the list gets the i-th item, as its metric or its subject
    (``growth_before``: the last growth the paragraph named before the sentence; ``level_before``: the last level of
    the sentence before)."""
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
        while j < len(recs) and (
            recs[j].gap in LIST_SEPS or r.kind == "growth" and _GROWTH_RUN_GAP_RE.fullmatch(recs[j].gap)
        ):
            run.append(recs[j])
            j += 1
        start = _list_start(s, max(r.sent.start, k - CONTEXT_WINDOW), k)
        if s.startswith("其中", start):
            start += 2  # 其中南康区、赣县区、瑞金市分别完成…: the list starts after 其中
        k_list = k
        if start == k and k > r.sent.start and s[k - 1] in "，,":
            # 排名前三的是信州区、鄱阳县、广丰区，分别为…: the list ends the clause before 分别 (one without figures)
            before = _list_start(s, max(r.sent.start, k - CONTEXT_WINDOW), k - 1)
            before = max(before, s.rfind("是", before, k - 1) + 1)  # (排名前三的是: the list starts after 是)
            if s.startswith("其中", before):
                before += 2  # (其中寻乌县、安远县增速居全市前二,分别增长…: the list starts after 其中)
            # (a rank may stand there: 玉山县、弋阳县、横峰县位居前三，分别增长…)
            if not any(x.fig.end > before and x.fig.start < k and x.kind != "rank" for x in recs):
                start, k_list = before, k - 1
        items = [m.span() for m in _FENBIE_ITEM_RE.finditer(s, start, k_list)]
        if len(items) != len(run) > 1:
            # 服装及衣着附件、鞋靴、箱包出口分别为…: a 和 or 及 inside an item's name, the items split by 、 alone
            by_comma = [m.span() for m in _ENUMERATION_ITEM_RE.finditer(s, start, k_list)]
            items = by_comma if len(by_comma) == len(run) else items
        if len(items) == len(run) > 1 and (labels := _item_periods(items, periods)):
            for label, rr in zip(labels, run, strict=True):
                rr.fixed_period = label  # 一季度、二季度、三季度当季分别增长16.2%、8.5%和6.1%: one period each
        elif len(items) == len(run) > 1:
            # (the growth the sentence gave before: what 其中A、B增速…分别增长 names the growth of)
            growth = next((x.metric for x in reversed(recs[:i]) if x.kind == "growth" and x.metric), growth_before)
            # (and the level: what 宁都县产量38.6万吨;于都县、信丰县分别为… lists the places' values of)
            level = next((x for x in reversed(recs[:i]) if x.kind not in NOT_LEVELS and x.metric), level_before)
            _fenbie_items(s, items, k, run, cands, growth, level)
        elif not _FENBIE_COMPARISON.sub("", s[start:k]) and len(run) > 1:
            # no list before 分别 (or only 同比): the growths refer to the figures listed before them
            _fenbie_over_figures(s, recs[:i], run)
        elif len(run) > 1 and (rate := s[start:k]).endswith("率") and len(rate) <= _MAX_RATE_NAME:
            # 已完成256公里、危桥改造14座,完成率分别为80%、77.8%: the rate of each figure listed before
            _rates_of_figures(recs[:i], run, rate)
        elif len(run) > 1 and (
            listed := next((p for p in reversed(place_lists(s, cands)) if p[-1].end <= start), None)
        ) and len(listed) == len(run) and all(rr.subject is None for rr in run):
            # A、B、C和D是全市电子信息产业的主要集聚区,一季度…营收分别达到…: the places the sentence listed first
            for e, rr in zip(listed, run, strict=True):
                rr.subject = e.name
        i = j


# The measure the last item of a list names for all of them (粮油、肉禽蛋、酒类销售额分别增长…)
_SHARED_MEASURE_RE = re.compile(
    "(?:销售额|零售额|营业收入|营收|增加值|产值|产量|(?:进出|出|进)口额?|用电量|价格|支出)$"
)


# An industry word in the last item, what follows it shared (锂电、光伏、新能源汽车产业营收: the last item's own
# modifier is longer than the others')
_INDUSTRY_HEAD_RE = re.compile("产业|行业")


def _last_items_head(names: list[str]) -> str | None:
    """What the last item of a list names after its own modifier for all of them, when no other item names one:
    a measure (粮油、肉禽蛋、酒类销售额 → 销售额), else an industry and what follows it (…新能源汽车产业营收 →
    产业营收)."""
    for head_re in (_SHARED_MEASURE_RE, _INDUSTRY_HEAD_RE):
        if (m := head_re.search(names[-1], 1)) and not any(head_re.search(x) for x in names[:-1]):
            return names[-1][m.start() :]
    return None


def _shared_tail(names: list[str]) -> str | None:
    """What the last item of a list adds after the head word the others end with (外商投资企业、国有企业进出口 →
    进出口; 粮油食品类、饮料类零售额 → 零售额: a class word of one character), or None."""
    last = names[-1]
    for k in range(min(len(names[0]), 4), 0, -1):
        head = names[0][-k:]
        if k == 1 and head not in _CLASS_ENDINGS:
            continue
        if all(x.endswith(head) for x in names[:-1]) and (i := last.find(head)) >= 0 and len(last) - i - k >= 2:
            return last[i + k :]
    return None


def _item_periods(items: list[tuple[int, int]], periods: list[PeriodHit]) -> list[str] | None:
    """The period each listed item names, when every item is one (一季度、二季度、三季度当季), else None."""
    labels = []
    for a, b in items:
        label = next((h.label for h in periods if a <= h.start < b and h.label), None)
        if label is None:
            return None
        labels.append(label)
    return labels


def _list_start(s: str, lo: int, end: int) -> int:
    """Where the list of items before ``end`` starts: after the last clause break (its 、 do not end it)."""
    start = lo
    for m in _LIST_BOUNDARY_RE.finditer(s, lo, end):
        start = m.end()
    return start


def _growth_name(metric: str, r: FigureRecord) -> str:
    return growth_of(metric) if r.kind == "growth" else metric


# Scopes a list compares with (同期全省、全国分别增长5.1%和4.5%), and the subjects they name
_SCOPES = {"全省": PROVINCE, "我省": PROVINCE, "全国": "全国"}


def _item_head(s: str, a: int, at: dict[int, Entity]) -> Entity | None:
    """The place or company a listed item starting at ``a`` opens with (after 同期), or the scope it names."""
    if s.startswith("同期", a):
        a += 2  # 同期全省、全国分别增长…: the places compared over the same period
    if (scope := _SCOPES.get(s[a : a + 2])) is not None:
        return Entity(a, a + 2, scope, "zone")
    return at.get(a)


def _fenbie_items(
    s: str, items: list[tuple[int, int]], k: int, run: list[FigureRecord], cands: list[Entity],
    growth_before: str | None = None, level_before: FigureRecord | None = None,
) -> None:
    """Listed places or companies (信州区、广丰区地区生产总值分别为…) are the figures' subjects, with the metric
    named after the last one (or the growth the sentence gave before, 增速 alone); otherwise the items are the
    metrics (出口、进口分别增长…)."""
    at = {e.pos: e for e in cands}
    heads = [_item_head(s, a, at) for a, _ in items]
    # what 分别 is followed by may name the metric itself (晶科能源、捷泰科技分别实现营收…): the item narrows it
    own = strip_metric(s[k + len("分别") : run[0].fig.start])
    if all(e is not None and e.name for e in heads):
        last, (_, last_end), r0 = heads[-1], items[-1], run[0]
        assert last is not None
        # 信州区、广丰区地区生产总值分别为…, 龙南经开区、全南县电子信息产业分别实现主营业务收入…
        # (玉山县、弋阳县工业用电量增速位列全市前二，分别为…: the ranking said of them is no part of the name)
        named = _RANKED_RE.sub("", _COUNTED_GROUP_RE.sub("", s[last.end : last_end]))
        metric = strip_metric(named)
        if len(own) >= 2:
            metric += own
        growths = named.endswith(GROWTH_NOUNS)  # 工业用电量增速位列全市前三，分别为36.2%…: growths
        first = items[0][0]
        if not metric and (intro := _RANKING_INTRO_RE.search(s, _list_start(s, r0.sent.start, first), first)):
            metric = strip_metric(intro.group("name"))  # 地区生产总值总量排名前三的是信州区、鄱阳县、广丰区,分别为…
        if not metric and growth_before and (growths or all(rr.kind == "growth" for rr in run)):
            # 收入增长6.8%,其中A、B增速居全市前二,分别增长7.9%、7.6%; 同期全省、全国分别增长5.1%和4.5%
            metric = level_of(growth_before)
        if (
            not metric and level_before is not None and level_before.metric
            and all(rr.kind == level_before.kind and rr.fig.base_unit == level_before.fig.base_unit for rr in run)
        ):
            metric = level_before.metric  # 宁都县粮食总产量38.6万吨;于都县、信丰县分别为29.7万吨和26.3万吨
        for e, rr in zip(heads, run, strict=True):
            assert e is not None
            rr.subject = e.name
            if growths and rr.kind == "share":
                rr.kind = "growth"
            if metric:
                rr.metric = _growth_name(metric, rr)
            elif rr.metric and last.name and rr.metric.startswith(last.name):
                # 广丰区、玉山县分别进出口58.3亿元…: not 玉山县's name (nor an empty one: 于都县、信丰县分别为…)
                rr.metric = rr.metric[len(last.name) :] or None
        return
    raw = [
        _ITEM_PREDICATE_RE.sub("", s[head.end if head is not None else a : b])
        for (a, b), head in zip(items, heads, strict=True)
    ]
    if (group := _COUNTED_GROUP_RE.search(raw[-1])) and len(tail := raw[-1][group.end() :]) >= 2:
        # 新能源汽车、光伏新能源、有色金属三大产业用电量: each item's 产业用电量
        raw = [x + tail for x in raw[:-1]] + [raw[-1][: group.start()] + tail]
    names = [strip_metric(_COUNTED_GROUP_RE.sub("", x)) for x in raw]
    # 城镇、农村居民人均可支配收入: short modifiers of one length share the last item's head noun
    n = len(names[0])
    if (shared_tail := _shared_tail(names)) is not None:
        names[:-1] = [x + shared_tail for x in names[:-1]]  # 外商投资企业、国有企业进出口: 外商投资企业进出口
    elif (head_noun := _last_items_head(names)) is not None:
        names[:-1] = [x + head_noun for x in names[:-1]]  # 粮油、肉禽蛋、酒类销售额: 粮油销售额; 锂电产业营收
    elif n <= 3 and all(len(x) == n for x in names[:-1]) and len(names[-1]) > n + 1:
        names[:-1] = [x + names[-1][n:] for x in names[:-1]]
    for name, rr in zip(names, run, strict=True):
        if name:  # 全县出口: the metric is 出口
            named = name + own if len(own) >= 2 else name
            rr.metric = _growth_name(money_name(named) if rr.fig.base_unit in ("CNY", "USD", "percent") else named, rr)


# What may stand between the listed figures and 分别 (营收12亿元、利润1亿元，同比分别增长18%、25%).
_FENBIE_COMPARISON = re.compile(
    alternation((*YEAR_ON_YEAR_BASES, *MOM_WORDS)) + r"|按(?:可比|不变)(?:价格|口径)?(?:计算)?|[,，]"
)


def _fenbie_over_figures(s: str, before: list[FigureRecord], run: list[FigureRecord]) -> None:
    """营收12亿元、利润1亿元，分别增长18%、25%: the growths name the figures listed just before them, one each,
    and are their year-on-year changes."""
    levels = _levels_before(before, len(run))
    if len(levels) != len(run):
        return
    cmp = base_year_comparison(s, run[0].fig)
    if cmp is not None and not is_base_level(cmp):
        # 接待游客156万人次、旅游收入12.8亿元,分别相当于2019年的64.4%和64.5%: each a ratio of its own level
        for level, r in zip(levels, run, strict=True):
            if level.metric:
                r.metric = base_year_metric(cmp, level.metric, r.kind, r.fig.base_unit)
        return
    if any(r.kind != "growth" or r.fig.base_unit != "percent" for r in run):
        return
    for level, growth in zip(levels, run, strict=True):
        if level.metric:
            growth.metric = growth_of(level.metric)
        if not growth.mom:
            level.yoy = growth.value_base
        if level.subject is not None:  # A、B营收分别为12亿元、8亿元,分别增长18%、25%: A's and B's growths
            growth.subject = level.subject


def _levels_before(before: list[FigureRecord], n: int) -> list[FigureRecord]:
    """The last ``n`` levels among the figures before a 分别 run (no growths, shares, ranks or changes)."""
    return [r for r in before if r.kind not in ("growth", "share", "rank") and not r.delta][-n:]


_MAX_RATE_NAME = 5  # 完成率, 增长率, 开工率, 年度完成率


def _rates_of_figures(before: list[FigureRecord], run: list[FigureRecord], rate: str) -> None:
    """完成率分别为80%、77.8%: each rate is of the figure listed before it, named after it (危桥改造完成率)."""
    levels = _levels_before(before, len(run))
    if len(levels) != len(run) or any(r.fig.base_unit != "percent" for r in run):
        return
    for level, r in zip(levels, run, strict=True):
        if level.metric:
            r.metric = level.metric.removesuffix("数") + rate
