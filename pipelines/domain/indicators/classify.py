"""Figure filtering and classification: which numbers the scanner found are figures at all (not slogans,
meeting counts, scenery, ordinals …), what kind each one is (growth, share, rank, capacity …) with its signed base
value, and what neighbouring figures of a range or a list share.

These rules read only the text around each figure, and come first: metric, subject, period and target are
decided on the records they make.
"""

from __future__ import annotations

import bisect
import re
from itertools import pairwise

from . import context as C
from .base_year import base_year_comparison, is_year_before, years_window
from .periods import PeriodHit
from .records import FigureRecord, alternation
from .scan import Figure, is_han
from .sentences import Span

QUOTE_PAIRS = {"“": "”", "‘": "’", "「": "」"}


_FOLLOWERS_REACH = 8  # how far before a bare number 粉丝 is looked for


def real_figures(s: str, figs: list[Figure], sent: Span, periods: list[PeriodHit]) -> list[Figure]:
    """The figures of a sentence, without the numbers the scanner reads as figures that are none: slogans,
    meeting counts, what is not economic, numbers inside a period phrase.

    (Each rule's guard is tested here: most figures pass them all without a call.)"""
    # the words the non-economic rules look for near a figure lie inside its sentence: a sentence without any
    # (almost all) spares each figure those searches, and leaves only the rules of a few units
    cue = _NON_ECONOMIC_CUE_RE.search(s, sent.start, sent.end) is not None
    titled = s.find("《", sent.start, sent.end) >= 0  # (most sentences quote no document title)
    period_starts = [h.start for h in periods]  # (the sentence's period phrases, in order and apart)
    ones = _one_each(s, figs) if len(figs) >= _ONE_EACH_MIN else _NONE  # (most sentences have fewer figures)
    out: list[Figure] = []
    for f in figs:
        if f.start in ones:
            continue  # 由1名区领导牵头、1个专班服务、1张图谱招商: a way of working, one of each, no figures
        if titled and s.count("《", sent.start, f.start) > s.count("》", sent.start, f.start):
            continue  # 《金融支持科技型企业高质量发展十二条措施》: a document's title, not a figure
        if f.chinese and not f.rank and _in_short_quote(s, f, sent):
            continue
        if f.unit in _MEETING_UNITS and _is_meeting_count(s, f):
            continue
        if f.unit == "大" and (not _GROUP_OF_KINDS_RE.match(s, f.end) or s[f.start - 1 : f.start] in "第的"):
            continue  # 两大主导产业, 四大工艺车间: a count; 三大攻坚战, “八大行动”, 第一大, 党的二十大: no figure
        if (cue or f.chinese or f.unit in _CUELESS_UNITS or f.base_unit in _CUELESS_BASE_UNITS) and _is_not_economic(
            s, f, sent.end, cue
        ):
            continue
        if periods and (k := bisect.bisect_right(period_starts, f.start)) and f.start < periods[k - 1].end:
            continue  # 国庆7天假期: a number inside a period phrase is part of the period
        if f.start > sent.start and s[f.start - 1] == "每":
            continue  # 每10股派发现金红利3.5元, 每万人: the base of a rate
        if f.unit == "小时" and f.value == 24:
            continue  # 24小时值班, 24小时防汛值班电话: around the clock, no figure
        if (f.mult_only or not f.unit) and s.find("粉丝", max(sent.start, f.start - _FOLLOWERS_REACH), f.start) >= 0:
            continue  # 粉丝已涨到了32万, 粉丝量超过10万的主播: an account's followers, no economic figure
        if f.unit == "位" and f.start > sent.start and s[f.start - 1] == "后":
            continue  # 对排名后3位的县进行约谈: a rule's bottom places, no figure
        if f.rank and s.startswith(_ORDINAL_NOUNS, f.end):
            continue  # 进入第三个年头, 第二批: an ordinal, not a rank
        if f.chinese and (
            s[f.end : f.end + 1] in _NAME_AFTER_NUMERAL and f.unit[-1:] not in _CLASSIFIERS_OF_PLACES
            or s.startswith("看", f.end)
        ):
            continue  # 三台山, 五龙湖: a name; 从八大类看: how a report breaks down, no figure
        out.append(f)
    return out


# Durations that may frame the figure after them (5天共售出汽车1286辆) …
FRAME_UNITS = frozenset({"天", "个月", "周"})
_FRAME_GAP = 12  # … within this many characters of it, in the same clause
_DURATION_CHANGE_RE = re.compile(r"(?:缩短|提前|延长|压缩|减少|节约|节省)了?$")
_FRAME_BREAK_RE = re.compile(r"[,，;；。:：、\n]")


def frames_next(s: str, f: Figure, nxt: Figure) -> bool:
    """Whether the duration ``f`` is the time the figure ``nxt`` after it took (5天共售出汽车1286辆, 景区7天接待游客
    31.6万人次), not a figure of its own; 3天内, 用了5个月 …, with a break before the next figure, are figures."""
    return (
        nxt.start - f.end <= _FRAME_GAP and nxt.unit != f.unit  # (由11个月缩短至4个月: two durations)
        and not _DURATION_CHANGE_RE.search(s, f.cs, f.start)  # (工期缩短30天节约资金200万元: a change, a figure)
        and s[f.end : f.end + 1] not in "内的里后前来" and _FRAME_BREAK_RE.search(s, f.end, nxt.start) is None
    )


_ONE_EACH_MIN = 3  # items in a list of "one of each"
_NONE: frozenset[int] = frozenset()
_ONE_EACH_GAP = 12  # characters between them at most


def _one_each(s: str, figs: list[Figure]) -> set[int]:
    """The positions of the figures of a list of one of each (由1名领导牵头、1个专班服务、1张图谱招商): three or
    more counts of 1 in a row, each with its noun right after it and a 、 before the next (省级1家、市级1家 counts
    what was added); none in most sentences."""
    out: set[int] = set()
    run: list[Figure] = []
    for f in figs:
        one = f.value == 1 and f.base_unit == "count" and f.end < len(s) and is_han(s[f.end])
        if one and run and not (f.start - run[-1].end <= _ONE_EACH_GAP and s.find("、", run[-1].end, f.start) >= 0):
            run = []  # (too far from the one before: a new run)
        if one:
            run.append(f)
            if len(run) == _ONE_EACH_MIN:
                out.update(g.start for g in run)
            elif len(run) > _ONE_EACH_MIN:
                out.add(f.start)
        else:
            run = []
    return out


# Characters after a Chinese numeral and its unit that make them a name (三台山, 九连山, 五指峰)
_NAME_AFTER_NUMERAL = frozenset("山河湖江岭峰岛寺桥")
_CLASSIFIERS_OF_PLACES = frozenset("座条个处家所道片")  # 新建三座桥, 治理五条河: counted, no name


def _in_short_quote(s: str, f: Figure, sent: Span) -> bool:
    """Chinese numerals inside a short quotation are slogans (“八个一”, “三个清单”)."""
    if not f.chinese or f.rank:
        return False
    left = s[max(sent.start, f.start - 10) : f.start]
    right = s[f.end : min(sent.end, f.end + 10)]
    for o, c in QUOTE_PAIRS.items():
        i = left.rfind(o)
        if i >= 0 and c not in left[i + 1 :] and (j := right.find(c)) >= 0:
            # (a slogan is short: “今年预计能突破六十万元。” is quoted speech, its figure a figure)
            return len(left) - i - 1 + (f.end - f.start) + j <= SLOGAN_MAX
    return False


SLOGAN_MAX = 8  # the longest quotation read as a slogan (“八个一”, “三个清单”, “五型”政府)


# Word lengths, longest first: the longest word ending the text is found with one lookup per length.
_GROWTH_WORD_LENS = sorted({len(w) for w in C.GROWTH_WORDS}, reverse=True)
_GROWTH_FILLER_LENS = sorted({len(w) for w in C.GROWTH_FILLER}, reverse=True)
_GROWTH_FILLER = frozenset(C.GROWTH_FILLER)
_APPROX_WORDS = ("近", "约", "超过", "超", "逾")
MOM_RE = re.compile(alternation(C.MOM_WORDS))  # 环比, 比上月, 比上周: a month-on-month (or week) change


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
            return sign, MOM_RE.search(s, cs, f.start) is not None
    return None


# The cue of a change in an amount (比上年净增, 比年初增加) ending the clause before a figure: no growth, no yoy
DELTA_RE = re.compile(f"(?:{alternation(C.DELTA_CUES)})了?$")
_DELTA_LAST_CHARS = frozenset(c[-1] for c in C.DELTA_CUES) | {"了", "\n"}


def classify(s: str, f: Figure, sent: Span, bracket: bool) -> FigureRecord:
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
        elif f.base_unit == "percent" and _DECLINE_LEVEL_RE.search(s, f.cs, f.start):
            kind, vb = "growth", -vb  # 社零降幅收窄至2.6%: now a decline of 2.6 %
        elif (
            f.base_unit == "percentage_point" or _GROWTH_LEVEL_RE.search(s, f.cs, f.start)
            or s.startswith(_GROWTH_NOUNS_AFTER, f.end)  # 保持20%以上增速, 实现两位数增长: a growth, named after it
        ):
            kind = "growth"
            if f.base_unit == "percentage_point" and _BELOW_RE.search(s, f.cs, f.start):
                vb = -vb  # 低于全省平均水平0.1个百分点: the gap is below
        else:
            kind = "share"
    elif f.base_unit == "rank":
        kind = "rank"
    elif f.unit == "倍" and (g := _growth_before(s, f, sent.start)) is not None and not _since_base(s, f):
        kind, f.base_unit = "growth", "percent"  # 增长1倍: a growth of 100 % (over a year; since 2018: a multiple)
        sign, mom = g
        vb = sign * f.value * 100
    elif f.unit in ("名", "位") and RANK_MOVE_RE.search(s, f.ws, f.start):
        f.base_unit, kind = "rank", "rank"  # 排名前移2名: a change of rank
    elif f.unit == "位" and _RANK_LIST_BEFORE_RE.search(s, f.ws, f.start):
        f.base_unit, kind = "rank", "rank"  # 分列第一、二位: the next rank of a list
    elif f.base_unit in _CAPACITY_BASE_UNITS and _CAPACITY_RE.search(s, f.cs, f.start):
        kind = "capacity"
    # (the left context is searched in place, s between pos and endpos, not sliced; a delta cue ends the clause,
    # so its last character, or the newline $ allows after it, is tested before the regex)
    delta = (
        f.base_unit not in ("percent", "percentage_point", "rank")
        and f.start > 0 and s[f.start - 1] in _DELTA_LAST_CHARS
        and bool(DELTA_RE.search(s, f.cs, f.start))
    )
    in_paren = False
    if bracket:
        a = f.ws  # brackets opened within reach (no rule reads further than CONTEXT_WINDOW)
        opened = s.count("（", a, f.start) + s.count("(", a, f.start)
        in_paren = opened > 0 and opened > s.count("）", a, f.start) + s.count(")", a, f.start)  # (most open none)
    rec = FigureRecord(f, kind, vb, sent, mom, delta, in_paren)
    rec.year_before = is_year_before(s, f)
    return rec


# The cue of a change over a year (同比增长1.2倍, 比上年增长1倍, 今年出口额增长1倍): a growth in 倍 is then a yearly
# growth; so it is in a report's list, right after the level it is of (跨境电商进出口8.6亿元,增长1.3倍)
_YEAR_ON_YEAR_RE = re.compile(
    alternation((*C.YEAR_ON_YEAR_BASES, "上年同期", "去年同期", "今年", "去年", "上半年", "季度", "全年")) + r"|\d月"
)
_BARE_GROWTH_RE = re.compile(r"\s*(?:增长|增加|提高|上升)了?(?:近|约|超过|超|逾)?")


def _since_base(s: str, f: Figure) -> bool:
    """Whether a growth in 倍 is a multiple rather than a yearly growth: since a named earlier year, over several
    years, or of something the clause names with no year-on-year cue (效率提高了3倍)."""
    if base_year_comparison(s, f) is not None or years_window(s, f) is not None:
        return True
    return (
        _YEAR_ON_YEAR_RE.search(s, f.ws, f.start) is None and not _BARE_GROWTH_RE.fullmatch(s, f.cs, f.start)
        # (汽车类零售额增长12.4%,其中新能源汽车零售额增长1.6倍: a growth among the release's growths)
        and _PERCENT_GROWTH_RE.search(s, f.ws, f.start) is None
    )


_PERCENT_GROWTH_RE = re.compile(r"(?:增长|增速为?|提高|上升)[0-9.]+%")


_BELOW_RE = re.compile(r"(?:低于|慢于|少于)[^,，;；。]{0,16}$")
_GROWTH_NOUNS_AFTER = (*C.GROWTH_NOUNS, *(f"的{n}" for n in C.GROWTH_NOUNS))
_GROWTH_LEVEL_RE = re.compile(
    f"(?:{'|'.join(C.GROWTH_NOUNS)})[^,，;；]{{0,6}}?(?:{'|'.join(C.LEVEL_AFTER_GROWTH)})(?:{'|'.join(C.GROWTH_FILLER)})?$"
)
_DECLINE_LEVEL_RE = re.compile(
    f"降幅[^,，;；]{{0,6}}?(?:{'|'.join(C.LEVEL_AFTER_GROWTH)})(?:{'|'.join(C.GROWTH_FILLER)})?$"
)
_RANK_LIST_BEFORE_RE = re.compile(r"第[一二三四五六七八九十\d]{1,3}[、和]$")
# 排名前移2名, 比上年前移8位, 较去年同期前进了5位: a change of rank
RANK_MOVE_RE = re.compile(
    r"(?:排名|位次|名次|[比较](?:上年|去年|年初|一季度|上半年|前三季度|上月)(?:同期)?)"
    r"(?P<verb>前移|上升|提升|前进|进位|后退|下降|后移)了?$"
)
# 年产(能) X, 年产锂电池 X, 产能(达) X, 装机容量 X: a capacity; 年产量/年产值 are output (亩产能达900斤: 亩产
# and the modal 能, a yield)
# What a capacity is counted in (年产30万立方米装配式构件: cubic metres are an "other" unit)
_CAPACITY_BASE_UNITS = frozenset({"GW", "tonne", "m2", "count", "vehicle", "other"})
_CAPACITY_RE = re.compile(
    r"(?:年产(?![量值])(?:能力|能)?[^\d,，。;；]{0,8}|(?<!亩)产能|生产能力|装机容量|装机规模)(?:达到|达|为|超过|超|突破)?$"
)


def share_list_units(s: str, figs: list[Figure]) -> None:
    """15.2万、9.8万、6.3万人次: numbers listed with a bare multiplier take the unit written after the last one (and
    分别高于全市0.3个和0.6个百分点: a 个 before a 个百分点 is one of its points)."""
    for i in range(len(figs) - 2, -1, -1):  # from the end: a unit taken passes on to the number before
        a, b = figs[i], figs[i + 1]
        if s[a.end : b.start] not in LIST_SEPS:
            continue
        if (a.mult_only and not b.mult_only and b.unit.startswith(a.unit)) or (a.unit == "个" and b.unit == "个百分点"):
            a.unit, a.base_unit, a.factor, a.kind, a.mult_only = b.unit, b.base_unit, b.factor, b.kind, False


_MEETING_RE = re.compile(
    r"(?:召开|举办|举行|开展|组织|参加|出席|主持)[^,，。;；]{0,4}$"
    r"|(?:会议?|座谈|夜话|议事|宣讲|讲座|活动|培训)[”’\"]?$"  # 议事会120余场、“屋场夜话”80多次
)
_MEETING_AFTER_RE = re.compile(r"[^,，。;；]{0,6}(?:会议|会|座谈|讲话|活动|调研|培训)")


_MEETING_UNITS = ("次", "场", "期", "轮")
# What a group of named kinds counts after 大 (两大主导产业, 四大工艺车间, 六大集聚区), against slogans (三大战略)
_GROUP_OF_KINDS_RE = re.compile(
    r"(?:[^,，。;；、“”]{0,4}?)(?:产业|产品线|车间|机场|板块|基地|集聚区|指标|赛道|项目|园区|片区|景区)"
)


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
_SPEED_BEFORE_RE = re.compile("时速|每小时")
_NON_ECONOMIC_RE = re.compile("|".join(C.NON_ECONOMIC_NOUNS))
# What one of the first three searches of _is_not_economic must find, each within the figure's sentence: one
# search of the sentence for all of them tells whether any of the three can find something.
_NON_ECONOMIC_CUE_RE = re.compile(
    alternation((*C.NON_ECONOMIC_NOUNS, *(w for words in C.NON_ECONOMIC_BEFORE.values() for w in words)))
    + "|中(?:排名|排|位居|位列|居|列)"
)
# The units and base units _is_not_economic has a rule for that needs no cue word (times, scores, durations,
# lengths, areas; and Chinese numerals: 三个目标：一是…).
_CUELESS_UNITS = ("分", "天", "个", "个月")
_CUELESS_BASE_UNITS = ("km", "m2", "mu")


_CLAUSE_BREAK_RE = re.compile("[,，;；。、]")


def _is_not_economic(s: str, f: Figure, hi: int, cue: bool) -> bool:
    """Counts of what is not economic (23179名烈士名字), lengths describing a scene (在800米的老街上), the field
    of a ranking, times of day and speeds. ``cue``: whether the sentence has a word _NON_ECONOMIC_CUE_RE finds."""
    if cue:
        if f.base_unit == "count" and (m := _NON_ECONOMIC_RE.search(s, f.end, min(hi, f.end + 8))) and not (
            _CLAUSE_BREAK_RE.search(s, f.end, m.start())  # (52.3万人次,于都中央红军长征…纪念馆: the next clause's)
        ):
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
    if f.chinese and f.unit == "件" and s.startswith("民生实事", f.end):
        return True  # 办好十件民生实事: a yearly programme's name (两项指标均…, a count the seeds keep, is one)
    if f.base_unit == "km" and (
        s.startswith(("/小时", "/时", "每小时"), f.end) or _SPEED_BEFORE_RE.search(s, max(f.cs, f.start - 8), f.start)
    ):
        return True  # 时速100公里, 设计速度每小时60至80公里: a speed
    if f.unit == "个月" and s.startswith(("平均", "月均"), f.end) and s.endswith("近", max(0, f.start - 2), f.start):
        return True  # 按近12个月平均销售速度计算: the span an average is reckoned over
    if f.base_unit in ("km", "m2", "mu") and f.start > 0 and s[f.start - 1] in "在于":
        m = _SCENERY_AFTER.match(s, f.end, hi)
        return m is not None and "基础" not in m.group(0)
    return False



# One character ($ allows a newline after it): a longer gap, as most are, needs no regex call
RANGE_GAP = re.compile(r"^(?:-|~|至|到|—|－|–)$")
_LIST_GAP = re.compile(r"^[、,，]$")
GAP_MAX = 2
LIST_SEPS = ("、", "和", "及", ",")


_CHANGE_SINCE_GAP_RE = re.compile(r"(?:净)?(?:增加|减少|增长|下降|多|少)了?")


def link_neighbours(s: str, recs: list[FigureRecord]) -> None:
    """Each pair of neighbouring figures, read once: the text between them (``gap``, read by later rules too),
    then what a range or a list shares.

    Qualifiers: 20%-30%左右 and 约30-50亿元: both bounds share one; 突破5000亿元、6000亿元: the prefix one.
    Kinds: 增长20%-30%: both bounds are growths; 分别增长12%、15%: later members of a list of % take the first
    one's growth kind and sign."""
    for a, b in pairwise(recs):
        fa, fb = a.fig, b.fig
        gap = b.gap = s[fa.end : fb.start]
        if a.year_before and fa.base_unit == fb.base_unit and _CHANGE_SINCE_GAP_RE.fullmatch(gap):
            b.delta = True  # 比上年的19.18亿元增加2.18亿元: the change since last year's level
        if len(gap) <= GAP_MAX and RANGE_GAP.match(gap):
            if fa.qualifier is None and fb.qualifier is not None:
                fa.qualifier = fb.qualifier
            elif fb.qualifier is None and fa.qualifier is not None:
                fb.qualifier = fa.qualifier  # 约30-50亿元: the prefix covers both bounds
            if fa.base_unit == fb.base_unit:
                b.kind, b.mom = a.kind, a.mom
                b.value_base = (1 if a.value_base >= 0 else -1) * fb.value * fb.factor
            continue
        if (
            len(gap) <= GAP_MAX
            and _LIST_GAP.match(gap)
            and fb.qualifier is None
            and fa.qualifier is not None
            and fa.unit == fb.unit
            and not s.startswith(("余", "多", "以上", "左右"), fa.start + len(str(fa.value)))
        ):
            fb.qualifier = fa.qualifier
        if a.kind == "growth" and b.kind == "share" and fa.base_unit == fb.base_unit and gap in LIST_SEPS:
            b.kind = "growth"
            b.mom = a.mom
            b.value_base = (1 if a.value_base >= 0 else -1) * fb.value * fb.factor
        elif a.kind == "growth" and b.kind == "share" and fa.base_unit == fb.base_unit and _PARALLEL_GAP_RE.fullmatch(
            gap
        ):
            b.kind = "growth"  # 全省增长5.6%,我市为5.9%: the same growth, for another subject


_PARALLEL_GAP_RE = re.compile(r"[,，;；][^,，;；。率比重占]{0,8}?(?:为|是)")
