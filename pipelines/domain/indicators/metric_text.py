"""The text a metric is read from, and its clean-up: the clause before a figure cut after the last period phrase,
entity, figure or predicate (``cut_left``), the noun phrase right after it (``right_noun``), and the stripping of
verbs, qualifiers, function words and unmatched quotation marks from a name's ends (``strip_metric``).

Pure functions of the text; ``metric_names`` decides which of them names a figure, and ``fenbie`` reads
``strip_metric`` for the items of a list.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import TypeVar

from . import context as C
from .periods import PeriodHit
from .records import alternation
from .scan import CLAUSE_SEPS, Figure, is_han
from .sentences import BULLETS
from .subjects import Entity

_T = TypeVar("_T")


def last_before(items: list[_T], ends: list[int], pos: int) -> _T | None:
    """The last of ``items`` (sorted, with ``ends``) that ends at or before ``pos``."""
    k = bisect.bisect_right(ends, pos)
    return items[k - 1] if k else None


def metric_before_period(
    s: str, f: Figure, periods: list[PeriodHit], ents: list[Entity], prev_end: int,
    ends: tuple[list[int], list[int]],
) -> str:
    """规上工业营业收入去年为86.2亿元, 教育经费总投入(2022年)达到312亿元: the metric stands before the period."""
    h = last_before(periods, ends[0], f.start)
    start = max(f.cs, prev_end)
    if h is None or h.start <= start:
        return ""
    e = last_before(ents, ends[1], h.start) if ents else None
    if e is not None and e.pos >= start:
        start = max(start, e.end)
    before = strip_metric(s[start : h.start])
    return before if len(before) >= 2 else ""


def cut_left(
    s: str, f: Figure, periods: list[PeriodHit], ents: list[Entity], prev_end: int,
    ends: tuple[list[int], list[int]],
) -> str:
    """The clause text before the figure, after the last period phrase, entity, figure or predicate break."""
    cs, start = f.cs, f.start
    cut = cs if cs > prev_end else prev_end
    # the last period and entity ending before the figure (last_before, inline: once per figure)
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


# (and after 共 before a verb of what was done: 全市112家A级景区共接待游客 names 接待游客, its subject the sites;
# and after 有 the verb: 信晶光伏有员工, 全县建有钢架大棚, 起步时只有员工; not inside a word: 实有经营主体, 国有, 有色,
# 有进出口实绩企业)
_CUT_AFTER_RE = re.compile(
    f"{alternation(C.METRIC_CUT_AFTER)}|共(?=接待|实现|完成|签约|引进|发放|交易|销售|售出|发送|吸引|投入|帮助)"
    "|有(?<![实国所持占保具拥现共没享稀]有)(?![限色机效关序望线些名了]|进出口实绩)"
    "|拥有(?<!人拥有)(?![量率])"  # (饶丰集团已成长为拥有子公司7家: 子公司; not 每千人拥有, 发明专利拥有量)
)  # (each alternative opens with a literal, its lookbehind after it: the engine skips to where one can start)
# (连续11年稳定在15亿斤以上, 连续18个月保持: how long a level has held is no name)
_TRAILING_RE = re.compile(
    f"(?:{alternation(C.METRIC_TRAILING)}|连续[\\d一二三四五六七八九十两]+(?:个月|个季度|年|天|周)?)$"
)
_LEADING_RE = re.compile(f"^(?:{alternation(C.METRIC_LEADING)})")
# (完成率, 实现率: words; so is 完成投资, the money spent so far, not a project's 投资 or 总投资)
_INFIX_RE = re.compile(f"(?:{alternation(C.METRIC_INFIX_DELETE)})(?!率)(?<!完成(?=投资))")
# (中 ends a noun phrase as a preposition, 大类中有31个; not inside a word: 加工中心, 集中喷涂中心, 其中)
_NOUN_STOP_RE = re.compile(
    f"(?!{alternation(C.NOUN_STOP_NOUNS)})(?:{alternation(tuple(w for w in C.NOUN_STOP if w != '中'))}"
    "|(?<![集其])中(?!心))"
)
INTRO_VERBS = (*C.COUNT_INTRO_VERBS, *C.AMOUNT_INTRO_VERBS)
# (Chinese quotation marks stay: “专精特新”企业 is a name; an unmatched one goes in _balance_quotes)
_QUOTES = " \t\"()（）—-\n\u2029" + BULLETS  # (and a list's bullets: ▲地区生产总值：206.8亿元)


_VERBS_ENDING_LIKE_QUALIFIERS = ("签约", "预约", "节约")


def _strip_ends(m: str) -> str:
    """Strip verbs, adverbs and function words from both ends of a metric."""
    while m:
        t = _TRAILING_RE.search(m)
        if t and not m.endswith(_VERBS_ENDING_LIKE_QUALIFIERS):  # (签约: a verb, not 签 + 约)
            m = m[: t.start()].rstrip(" \"")
            continue
        if m[-1] == "能" and (len(m) == 1 or m[-2] not in C.NENG_NOUN_BEFORE):
            m = m[:-1]  # 能达到: a modal; 产能, 动能: a noun
            continue
        lead = _LEADING_RE.match(m)
        # (在建项目: a word, not 在 + 建项目; 完成率: a name, not 完成 + 率; nor is 完成投资 完成 + 投资)
        if lead and not m.startswith(("在建", "完成投资")) and len(m) - lead.end() != 1:
            m = m[lead.end() :].lstrip(" \"")
            continue
        break
    return m


# An alias in brackets right after the name: 地区生产总值（GDP）.
_TRAILING_ALIAS_RE = re.compile(r"[（(][^（）()]{1,12}[）)]$")


# A price's change is its 涨幅 (居民消费价格涨幅, 猪肉价格环比涨幅), any other level's its 增速.
PRICE_ENDINGS: tuple[str, ...] = ("价格", "价", "指数", "CPI", "PPI", "(CPI)", "（CPI）", "(PPI)", "（PPI）")
GROWTH_ENDINGS: tuple[str, ...] = ("增速", "涨幅")


def growth_word(level: str) -> str:
    """涨幅 for a price (居民消费价格, 工业生产者出厂价格（PPI）, 均价(每平方米)), 增速 for anything else."""
    return "涨幅" if level.split("(每")[0].endswith(PRICE_ENDINGS) else "增速"


def growth_of(level: str) -> str:
    """The name of ``level``'s growth: 规上工业增加值 → 规上工业增加值增速, 猪肉价格 → 猪肉价格涨幅."""
    return level if level.endswith(GROWTH_ENDINGS) else level + growth_word(level)


def level_of(growth: str) -> str:
    """The level a growth's name is the growth of: 规上工业增加值增速 → 规上工业增加值, 猪肉价格涨幅 → 猪肉价格."""
    return growth[:-2] if growth.endswith(GROWTH_ENDINGS) else growth


@lru_cache(maxsize=4096)
def strip_metric(m: str) -> str:
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
    if m[-1:] == "均" and len(m) > 2 and m[-2] not in "人亩户年日月周平":
        m = m[:-1]  # 集体经济收入均达到: an adverb, after what the verbs were stripped from (人均, 平均: a noun's end)
    if m.endswith("总数") and len(m) > 3:
        m = m[:-2] + "数"  # 平台总数 → 平台数
    elif m.endswith("亩产能"):
        m = m[:-1]  # 亩产能达900斤: the yield per mu, and the modal 能
    m = _balance_quotes(m)
    return m if len(m) > 1 else ""  # (one character left, 等地的超过 → 地, names nothing)


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
# Nouns that start with one of those (亿元以上在建项目86个: projects under construction)
NOUNS_OF_A_BAD_START: tuple[str, ...] = ("在建", "在岗", "在册", "在校", "在库")
# A noun phrase does not start with these: what follows the figure is a predicate (260亩用于…).
NOUN_BAD_START_WORDS: tuple[str, ...] = (
    "用于", "发展", "实现", "达到", "建成", "投入", "带动", "完成", "左右", "以上", "其中", "之一", "进入", "成为",
    "分别", "相继", "全部", "已经", "正在", "通过", "形成", "大关", "打破", "获得", "获评", "位居", "位列", "排名",
    # a change follows (年产能将由4500万台提升到7000万台)
    "提升", "提高", "增加", "增长", "扩大", "扩展", "壮大", "下降", "减少", "降低",
)


# What ends a plain run of a noun phrase: a clause separator (quotation marks stay inside) or a parenthesis.
_NOUN_RUN_END_RE = re.compile("[" + re.escape("".join(sorted(CLAUSE_SEPS - set("“”‘’\"")))) + "(（]")


_DONE_BEFORE_NOUN_RE = re.compile("(?:新上|新建|在建|新增|新开工|投产|建成|引进|落地|签约|开工)的")


def right_noun(s: str, i: int, hi: int, fig_starts: list[int], fig_ends: list[int]) -> str:
    """The noun phrase at ``i``, right after a figure (3条生产线, 5个千亿级产业集群, 15个省级(培育、特色)产业集群).

    ``fig_starts``/``fig_ends``: the sentence's figures (empty for a lone figure: no other one to stop at).
    The phrase is read run by run (a regex finds the next separator or parenthesis), not character by character."""
    if s.startswith("的", i):
        i += 1
    elif (m := _DONE_BEFORE_NOUN_RE.match(s, i, hi)) and m.end() < hi and is_han(s[m.end()]):
        i = m.end()  # 两条新上的砌块生产线: what was done to them is no part of what is counted
    if i >= hi:
        return ""
    c = s[i]
    if not ("\u4e00" <= c <= "\u9fff" or c in "“‘" or c.isascii() and c.isalpha()) or (
        c in _NOUN_BAD_START and not s.startswith(NOUNS_OF_A_BAD_START, i)
    ):
        return ""  # (is_han, inline: most exit here; a Latin name leads some, 12条TOPCon电池生产线)
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
        if "、" not in inner and "，" not in inner and "," not in inner or _ADMIN_KINDS_RE.fullmatch(inner):
            parts.append(s[j:close])  # 村(居), 县(市、区): an alias, or the kinds of unit a count spans, stays
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


# The kinds of administrative unit a count spans, in brackets after the first: 县(市、区), 省(区、市)
_ADMIN_KINDS_RE = re.compile("[省市县区乡镇村居]、[省市县区乡镇村居](?:、[省市县区乡镇村居])?")


# Units a count counts, followed by what is said of each: 14个行政村村集体经济收入全部超过10万元 counts villages
_UNITS_THEN_MEASURE_RE = re.compile(
    r"(?:行政村|建制村|自然村|村庄|村（居）|村\(居\)|社区|乡镇|乡（镇）|县（市、区）|县\(市、区\)|村)(?=.*?(?:收入|率|产值))"
)


# A measure said of what a count counts: 12条重点产业链营收增长9.6%, 四个园区首位 (what is counted ends before it)
_MEASURE_OF_COUNTED_RE = re.compile("营收|营业收入|主营业务收入|增加值|产值|销售额|利润|税收|用电量|进出口|首位")


def counted_units(noun: str) -> str:
    """What a count counts when the noun after it goes on to a measure of each: 建制村快递服务覆盖率 → 建制村,
    重点产业链营收增长 → 重点产业链."""
    m = _UNITS_THEN_MEASURE_RE.match(noun)
    if m:
        return m.group()
    measure = _MEASURE_OF_COUNTED_RE.search(noun, 2)
    return noun[: measure.start()] if measure else noun


def _paren_end(s: str, j: int, hi: int) -> int:
    """Index after the parenthesis closing the one at ``j`` (within ``hi``), or -1."""
    for k in range(j + 1, hi):
        if s[k] in ")）":
            return k + 1
        if s[k] in "(（。；;":
            return -1
    return -1
