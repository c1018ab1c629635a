"""Period phrases → contract period labels, resolved against the publication date.

The rules are a table of (regex, resolver).  A resolver gets the match, the
year currently in scope and the publication date, and returns a label such as
``2019-H1``, ``2022-01/2022-09``, ``asof:2023-05`` or a bare year.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

import chinese_calendar

from .numbers import CN_DIGITS, parse_chinese

_N = rf"(?:\d{{1,2}}|[{''.join(CN_DIGITS)}十]{{1,3}})"  # a month / quarter number
_DASH_CHARS = "-~至到—－–"
_DASH = f"[{re.escape(_DASH_CHARS)}]"


def _num(s: str) -> int:
    if s.isdigit():
        return int(s)
    v = parse_chinese(s)
    return int(v) if v is not None else 0


@dataclass(slots=True)  # not frozen (cheaper to build, one per period phrase); never mutated
class PeriodHit:
    start: int
    end: int
    label: str | None  # None: a year-only scope change (e.g. 今年) with no own label
    year: int | None  # the year this phrase puts in scope
    asof: bool = False


Resolver = Callable[[re.Match[str], int, dt.date], tuple[str | None, int | None]]


def _rel_year(word: str, pub: dt.date) -> int:
    return pub.year + RELATIVE_YEARS[word]


RELATIVE_YEARS: dict[str, int] = {
    "今年": 0,
    "本年": 0,
    "当年": 0,
    "本年度": 0,
    "去年": -1,
    "上年": -1,
    "上一年": -1,
    "前年": -2,
    "明年": 1,
    "过去一年": -1,
}

RELATIVE_MONTHS: dict[str, int] = {"下个月": 1, "下月": 1, "本月": 0, "当月": 0, "上个月": -1, "上月": -1}

# A period word right after one of these (or right before 同期/相比) is a comparison base, not the
# period of the figure: 比去年同期, 较上年, 与2021年相比, 同比5月份.
COMPARISON_BEFORE: tuple[str, ...] = ("同比", "相比", "对比", "比", "较", "与", "和", "同", "超过")
COMPARISON_AFTER: tuple[str, ...] = ("同期", "相比", "比较")
# 是2015年的9倍, 相当于去年全年的1.3倍: the base of a multiple or a ratio
RATIO_BEFORE: tuple[str, ...] = ("相当于", "是")
RISE_START_WORDS: tuple[str, ...] = ("由", "从")  # 由2015年的198.4亿元增加到…: where a rise starts
MONTH_END_BASES: tuple[str, ...] = ("比", "较")  # 比3月底, 较6月末: a month's end as a comparison's base
RATIO_BASE_AFTER: tuple[str, ...] = ("的", "全年的", "同期的")
BASE_YEAR_WORDS: tuple[str, ...] = ("去年", "上年", "前年")  # 去年全年: a whole year before, named in two words
# A clause of its own that gives the year before (全年投资增长4.6%,上年为下降2.3%): its year word is a base
YEAR_BEFORE_CLAUSE_RE = re.compile(r"(?:上年|去年)(?:增速|增幅)?为(?:下降|增长)?")

# 一年来 names the last calendar year in reports published up to this month (政府工作报告, 年度总结).
PAST_YEAR_MONTHS = 3

# Holidays within one month every year: their figures (国庆假期接待游客…) belong to that month.
HOLIDAY_MONTHS: dict[str, int] = {"国庆": 10}


# Holidays whose days the official calendar sets year by year, by its name for them: the lunar ones, and 五一,
# whose days off start on 29 or 30 April in some years (2022: 4月30日至5月4日).
CALENDAR_HOLIDAYS: dict[str, chinese_calendar.Holiday] = {
    "春节": chinese_calendar.Holiday.spring_festival,
    "端午": chinese_calendar.Holiday.dragon_boat_festival,
    "中秋": chinese_calendar.Holiday.mid_autumn_festival,
    "清明": chinese_calendar.Holiday.tomb_sweeping_day,
    "五一": chinese_calendar.Holiday.labour_day,
    "元旦": chinese_calendar.Holiday.new_years_day,
}
# The month of 五一 in a year the calendar does not know yet
USUAL_HOLIDAY_MONTHS: dict[str, int] = {"五一": 5, "元旦": 1}


@lru_cache(maxsize=64)
def calendar_holiday(year: int, name: str = "春节") -> str | None:
    """The month(s) of the official holiday ``name`` of ``year`` (春节 2023-01, 2022-01/2022-02; 端午 2023-06;
    五一 2022-04/2022-05), from the government calendar that chinese_calendar keeps; for a year it does not know,
    the usual month of a solar holiday, else None."""
    holiday = CALENDAR_HOLIDAYS[name].value
    # (元旦 of a year may start on the last days of the year before: 2018-12-30 to 2019-01-01)
    first_day, last_day = (dt.date(year - 1, 12, 25), dt.date(year, 1, 10)) if name == "元旦" else (
        dt.date(year, 1, 1), dt.date(year, 12, 31)
    )
    try:
        days = [
            d for d in chinese_calendar.get_dates(first_day, last_day)
            if chinese_calendar.get_holiday_detail(d) == (True, holiday)
        ]
    except NotImplementedError:
        return _ym(year, USUAL_HOLIDAY_MONTHS[name]) if name in USUAL_HOLIDAY_MONTHS else None
    if not days:
        return None
    first, last = _ym(days[0].year, days[0].month), _ym(days[-1].year, days[-1].month)
    return first if first == last else f"{first}/{last}"

QUARTERS: dict[str, str] = {"一": "1", "二": "2", "三": "3", "四": "4",
                            "1": "1", "2": "2", "3": "3", "4": "4"}


# The first year after a Party congress (党的十八大以来: since the congress of November 2012, from 2013) and the first
# year of a five-year plan (“十四五”以来: 2021), by their names
ERA_STARTS: dict[str, int] = {"十八大": 2013, "十九大": 2018, "二十大": 2023}
PLAN_STARTS: dict[str, int] = {"十二": 2011, "十三": 2016, "十四": 2021, "十五": 2026}

REVIEW_MONTHS = 2  # the months of the year's reviews of the year before (年终总结, 政府工作报告)


def reference_year(text: str, pub: dt.date) -> int:
    """The year an article reports on when it names none: the publication year, or the year before for an
    article of the year's first months (an annual report, a work report) that names that year more often."""
    if pub.month > 4:
        return pub.year
    # (2020年度第二批…名单: the year a list or an award is of, not a year reported on)
    last = text.count(f"{pub.year - 1}年") - text.count(f"{pub.year - 1}年度")
    this = text.count(f"{pub.year}年") - text.count(f"{pub.year}年度")
    # (a tie goes to last year in January and February, 2019年…的成绩, 2020年将力争…: the review and its targets;
    # later, to the year the article names first: 2023年,我市科技创新能力持续提升…2024年,将…)
    tie_to_last = last and last == this and (
        pub.month <= REVIEW_MONTHS or text.find(f"{pub.year - 1}年") < text.find(f"{pub.year}年")
    )
    headline_end = text.find("\n")
    if pub.month == 4 and _FIRST_QUARTER_RE.search(text, 0, headline_end if headline_end >= 0 else len(text)):
        # 广丰经开区一季度规上工业营收增长15.2%, in April: the quarter just ended, whatever year the story also
        # names (2023年,园区亩均税收…: a comparison)
        return pub.year
    return pub.year - 1 if last > this or tie_to_last else pub.year


# The first quarter as a headline names it (一季度, 1—3月): in April, the quarter just ended
_FIRST_QUARTER_RE = re.compile(r"第?一季度|[1一][-—–~至到]3月|一至三月")
# From this day of the month before a holiday's month, a story names the holiday to come (a preview, a forecast)
PREVIEW_FROM_DAY = 15


def _holiday(hol: str, y: int | None, pub: dt.date) -> str | None:
    """The month(s) of a holiday of year ``y`` (or the latest by ``pub``, or the next one in the second half of the
    month before it: 国庆假期 in an article of 25 September is the coming one)."""
    preview = pub.day >= PREVIEW_FROM_DAY
    if hol in HOLIDAY_MONTHS:
        mo = HOLIDAY_MONTHS[hol]
        if y is None and preview and mo == pub.month + 1:
            return _ym(pub.year, mo)
        return _ym(_month_year(mo, y, pub), mo)  # (国庆假期 in a January article: last October)
    # (元旦 in a December article: the coming one, of the year after)
    label = calendar_holiday(y if y is not None else pub.year + (hol == "元旦" and pub.month == 12), hol)
    if y is None and label is not None and label[:7] > _ym(pub.year, pub.month + (1 if preview else 0)):
        label = calendar_holiday(pub.year - 1, hol)  # (端午假期 in a March article: last year's)
    return label


REPORT_MONTHS = 6  # annual reports are out by April, half-year ones by August (quarterly ones are read as these)


def report_end(year: int | None, pub: dt.date) -> str:
    """The month a company's report (年报, 半年报) runs to: December of ``year`` (a year before the article's); else
    last December in a report published in the first half of the year, or the half year just ended."""
    if year is not None and year < pub.year:
        return _ym(year, 12)
    return _ym(pub.year - 1, 12) if pub.month <= REPORT_MONTHS else _ym(pub.year, 6)


def _month_year(month: int, year: int | None, pub: dt.date) -> int:
    if year is not None:
        return year
    return pub.year if month <= pub.month else pub.year - 1


@lru_cache(maxsize=1024)  # pure, and formatting is its cost: the few months an article names recur
def _ym(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _since_end(pub: dt.date) -> str:
    """The month a span since a year (2020年以来, “十四五”以来) runs to: the article's, or in a review of the year's
    first months the December of the year it reviews."""
    return _ym(pub.year - 1, 12) if pub.month <= REVIEW_MONTHS else _ym(pub.year, pub.month)


def asof_now(pub: dt.date) -> str:
    """What stands at the article's date: the stock label of its month (目前, 现有, 累计建成 …)."""
    return f"asof:{_ym(pub.year, pub.month)}"


_YEAR = r"(?P<y>(?:19|20)\d{2}|[一二][〇零○一二三四五六七八九]{3})"  # 2022, 二〇二二
_REL_YEAR = r"(?P<rel>今年|去年|上年)"

# Ordered tables: the first matching pattern at a position wins (longer phrases first).  The word table is
# tried first; where a word starts with a numeral (一年来, 五一假期) and does not match, the number table is.
WORD_RULES: list[tuple[str, str]] = [
    # stocks at a point in time
    (rf"截至(?:{_YEAR}年|{_REL_YEAR})?(?P<m>{_N})月(?:底|末|份)?", "asof_month"),
    (rf"截至(?:{_YEAR}年|{_REL_YEAR})?(?P<m>{_N})月(?P<d>{_N})日", "asof_day"),
    # 截至上半年末, 截至三季度末, 截至去年底: the stock at the end of that period
    (rf"截至(?:{_YEAR}年|{_REL_YEAR})?(?P<end>上半年|[一二三四1-4]季度|年)?(?:末|底)", "asof_period_end"),
    (r"(?:截至|截止)?报告期末", "report_end"),  # a listed company's report: the end of the year (or half) it is of
    (r"(?:截至|截止)(?:目前|当前|现在|今天)|至今(?!\d|[一二三四五六七八九十]+年|年)|目前|现已|现有|如今|眼下|现在|当前",
     "asof_now"),
    (r"(?:今年|年初)以来", "ytd"),
    (r"(?P<rel>去年|上年)以来", "since_year"),  # 去年以来,全县新建学校19所: from last January to the article's month
    # “十四五”以来, 党的十八大以来: from the plan's (or the congress's next) January to the article's month
    (r"(?:党的)?(?P<congress>十八大|十九大|二十大)以来|“?(?P<plan>十[二三四五])五”?(?:时期)?以来", "since_era"),
    # “十三五”期间: 2016-2020 (and 回顾“十三五”,…: the plan looked back on)
    (r"“?(?P<plan>十[二三四五])五”?(?:期间|时期|(?<=回顾“十[二三四五]五”))", "plan_span"),
    # 暑期,全县接待游客…: July and August (not a summer's market or class: 受益于暑期旅游市场, 暑期班)
    (rf"(?:{_REL_YEAR})?(?:暑运期间|暑(?:期|假|运)(?=[,，、期里中内]))", "summer"),
    # 去年11月至今年4月 (a season over the turn of the year), 去年3月至5月
    (rf"(?P<rel>去年|上年)(?P<m1>{_N})月份?{_DASH}(?P<this>今年)?(?P<m2>{_N})月份?", "months_from_last_year"),
    (r"(?P<relm>下个月|下月|本月|(?<![月份])当月|上个月|上月)", "rel_month"),  # 8月当月 is August
    (r"前(?P<q>[一二三四1-4])(?:个)?季度", "first_quarters"),
    (rf"前(?<!提前)(?P<n>{_N})个?月", "first_months"),  # (提前一个月备货: how early, no period)
    (r"第(?P<q>[一二三四1-4])季度", "quarter"),
    (r"上半年", "h1"),
    (r"下半年", "h2"),
    # 完成年度预算的81%, 占年度计划的85%: the plan a share is of, not the period (年度计划投资98亿元 is)
    # (完成全年目标任务的51.4%: the plan a share is of, not the period of the figures after it)
    (r"(?<!完成)(?<!占)(?<!超)全年|全年(?!(?:目标|计划|任务|预算)+的)"
     r"|(?<!完成)(?<!占)(?<!超)年度(?!预算的|计划的|目标的|任务的)", "full_year"),
    (r"(?:“)?(?P<hol>国庆|五一|春节|端午|中秋|清明|元旦)(?:”)?(?P<hol2>中秋|国庆)?(?:“?双节”?)?(?:[3-9三五七八九]天)?"
     r"(?:假期|黄金周|长假|小长假|期间)", "holiday"),
    # “双11”当天: the shopping day, 11 November; “双11”期间, 今年双十一: its season, that November
    # (去年“双11”: last year's, one phrase, so that 比去年“双11”增长 and 是去年“双11”的 read as a comparison's base)
    (rf"{_REL_YEAR}?[“‘]?双(?:11|十一)[”’]?(?:(?P<on>当天|当日)|期间)?", "shopping_day"),
    (rf"{_REL_YEAR}年?(?:末|底)(?!前)", "year_end"),  # 今年底总产能将达18GW: the stock at that year's end
    (r"(?P<rel>今年|明年)年?(?:末|底)前", "rel_year"),  # 今年底前建成: a deadline within that year
    (f"(?P<rel>{'|'.join(sorted(RELATIVE_YEARS, key=len, reverse=True))})", "rel_year"),
    (r"一年来", "past_year"),  # 一年来 in a report of the year's first months: the year before
    (r"新的一年", "new_year"),  # 新的一年,主要预期目标: the year a report's targets are for
    # (N年来 only with a Chinese numeral: a phrase starting with a digit is read by the number table)
    # (两年多来: over two years and some, from the third January back)
    (
        r"(?:过去|近)(?P<n>[二三四五六七八九十]|\d{1,2})年|(?P<n2>[两二三四五六七八九十])年(?P<more>多)?(?:来|间|累计)",
        "past_years",
    ),
    (r"年(?:末|底)(?!前)", "year_end"),  # 年末全市…: the stock at the end of the year in scope
]
NUMBER_RULES: list[tuple[str, str]] = [
    (r"[一1](?:季度)?[至到~—－-](?P<q>[二三四2-4])季度", "first_quarters"),  # 一至三季度: 前三季度
    # 2017年11月至2018年4月: months over the turn of a year
    (
        rf"(?P<y1>(?:19|20)\d{{2}})年(?P<m1>{_N})月份?{_DASH}(?P<y2>(?:19|20)\d{{2}})年(?P<m2>{_N})月份?",
        "months_over_years",
    ),
    (rf"(?:(?P<y>\d{{4}})年)?(?P<m1>{_N})月?{_DASH}(?P<m2>{_N})月(?:份)?", "month_range"),
    (r"(?P<q>[一二三四1-4])季度", "quarter"),
    (rf"(?P<m>{_N})月(?:末|底)(?!前)", "asof_month"),  # 6月末,全市贷款余额…
    # 今年1月以来,全市已帮助…: a flow from that month to the article's (3月中旬开采以来, 2021年3月开工以来)
    (
        rf"(?:(?P<y>(?:19|20)\d{{2}})年)?(?P<m>{_N})月(?:份|[上中下]旬)?(?:[^\d,，。;；:：、]{{1,4}})?以来",
        "since_month",
    ),
    (rf"(?P<m>{_N})月份?(?!\d|{_N}?日|底|末)", "month"),
    # 11月1日至11日, 1月1日至9月30日: the days of a flow, labelled by their months
    (rf"(?P<m>{_N})月(?P<d>{_N})日{_DASH}(?:(?P<m2>{_N})月)?(?P<d2>{_N})日", "day_range"),
    (rf"(?P<m>{_N})月(?P<d>{_N})日", "day"),
    (rf"(?P<y1>(?:19|20)\d{{2}})年?{_DASH}(?P<y2>(?:19|20)\d{{2}})年", "year_range"),
    # 2018年以来累计建设…, 自2016年开办以来累计发放…: a flow from that January to the article's month
    (rf"{_YEAR}年(?:[^\d,，。;；:：、]{{1,4}})?以来", "since_year"),
    (rf"{_YEAR}年(?:末|底)(?!前)", "year_end"),  # 到2020年底已增加到586家: the stock at that year's end
    (rf"{_YEAR}年初(?!以来)", "year_start"),  # 2022年初,园区有闲置厂房32万平方米: the stock at that year's start
    (rf"{_YEAR}年", "year"),
]
PERIOD_RULES = WORD_RULES + NUMBER_RULES

# Characters a phrase of each table can start with (a digit only at the start of a run of digits).
_WORD_FIRST = "截至目现如今年本当去上前明下全第过国五“‘一眼春端中清新近二三四六七八九十报党暑元两双"
_NUMBER_FIRST = r"\d〇两一二三四五六七八九十"
# Every number rule has its number (at most 4 digits or 3 Chinese numerals) followed by 月, 季, 年 or a
# dash: one lookahead turns away the other numbers (12.5亿元, 一批) before the rules are tried.
_NUMBER_HEAD = rf"(?=(?:\d{{1,4}}|[{''.join(CN_DIGITS)}十]{{1,4}})[月季年{re.escape(_DASH_CHARS)}])"


def _alternatives(rules: list[tuple[str, str]], first: int) -> str:
    # rule i's groups are r{i}_<name>; the empty group r{i} at its end names the rule in ``lastgroup``
    # (an empty group at the end, not one around the rule, leaves the rule's first character for the
    # engine's quick test of each alternative)
    return "|".join(
        f"(?:{pat.replace('(?P<', f'(?P<r{i}_')})(?P<r{i}>)" for i, (pat, _) in enumerate(rules, first)
    )


PERIOD_RE = re.compile(
    f"(?=[{_WORD_FIRST}{_NUMBER_FIRST}])(?:"
    f"(?=[{_WORD_FIRST}])(?:{_alternatives(WORD_RULES, 0)})"
    # a digit starts a phrase only at the start of its run of digits: one assertion (not "next is no digit or the
    # previous is none", which tries the rules twice when the first branch passes and the rules fail)
    f"|(?!(?<=\\d)\\d){_NUMBER_HEAD}(?:{_alternatives(NUMBER_RULES, len(WORD_RULES))})"
    ")"
)


# rule of each marker group (``lastindex``), and the group numbers of each rule's named groups
_RULE_OF_MARKER = {PERIOD_RE.groupindex[f"r{i}"]: i for i in range(len(PERIOD_RULES))}
_RULE_GROUPS: list[dict[str, int]] = [
    {g.split("_", 1)[1]: n for g, n in PERIOD_RE.groupindex.items() if g.startswith(f"r{i}_")}
    for i in range(len(PERIOD_RULES))
]


def _g(m: re.Match[str], i: int, name: str) -> str | None:
    n = _RULE_GROUPS[i].get(name)
    return m.group(n) if n else None


# An ordinal a span counts within (今年以来我市第3家登陆A股的企业): the span says which one, it dates no figure
_ORDINAL_AFTER_RE = re.compile(r"[^,，。;；\d]{0,4}第[\d一二三四五六七八九十]+[家个次批位座条]")


def _is_comparison_base(text: str, a: int, b: int, lo: int, kind: str) -> bool:
    if kind == "ytd" and (a > lo and text[a - 1] == "创" or _ORDINAL_AFTER_RE.match(text, b)):
        return True  # 创今年以来单日最高纪录: the record a day set, not the period of the figures
    if kind in ("asof_now", "ytd", "asof_month", "asof_day"):
        return False
    if kind == "rel_year" and a > lo and text[a - 1] in ",，;；" and YEAR_BEFORE_CLAUSE_RE.match(text, a):
        return True  # 全年投资增长4.6%,上年为下降2.3%: the base the figure after it is of (base_year)
    if text.endswith(COMPARISON_BEFORE, max(lo, a - 2), a):
        return True
    if text.startswith("的", b) and text.endswith(RISE_START_WORDS, max(lo, a - 1), a):
        return True  # 由2015年的198.4亿元增加到312.6亿元: the year of the start only (base_year)
    if text.startswith(RATIO_BASE_AFTER, b) and text.endswith(RATIO_BEFORE, max(lo, a - 3), a):
        return True  # 是2015年的9倍, 相当于2019年的64.4%: the base of a multiple or a ratio
    if text.startswith("全年", a) and text.endswith(BASE_YEAR_WORDS, max(lo, a - 2), a):
        return _is_comparison_base(text, a - 2, b, lo, kind)  # 是去年全年的1.5倍, 比上年全年: the year's, as above
    return text.startswith(COMPARISON_AFTER, b)


# 10月7日,记者从市统计局获悉: the day the news came, not the period of its figures (记者在车间看到 is a
# snapshot of that day, and stays one).
_NEWS_DATE_RE = re.compile(r"[上下]?午?[,，]?\s*(?:本报)?记者(?:从|自)[^,，。；;]{1,25}?(?:获悉|了解到|获知|得知)")


# An age after a year word (今年58岁, 今年三十六岁)
_AGE_AFTER_RE = re.compile(r"(?:\d{1,3}|[一二三四五六七八九十]{1,3})(?:周)?岁")


# What a month is named after when orders or work are booked up to it (订单已经排到了4月份)
_BOOKED_UNTIL = ("排到", "排到了", "排至", "排满到")


def scan_periods(text: str) -> list[re.Match[str]]:
    """Every period phrase of the text, unresolved (one regex pass over the whole article)."""
    return list(PERIOD_RE.finditer(text))


def find_periods(
    text: str, start: int, end: int, pub: dt.date, year: int | None, matches: list[re.Match[str]] | None = None,
    month: str | None = None,
) -> list[PeriodHit]:
    """All period phrases in text[start:end], left to right, each resolved with the year in scope (and ``month``,
    the single month in scope, YYYY-MM, for a 当月 that refers back to it).

    ``matches`` are the phrases of ``scan_periods(text)`` that start in [start, end), when the caller resolves
    many sentences of one text (it finds them with one bisect per sentence).
    """
    hits: list[PeriodHit] = []
    last_month = month
    found: Iterable[re.Match[str]] = PERIOD_RE.finditer(text, start, end) if matches is None else matches
    for m in found:
        if m.end() > end:
            break  # (a whole-text phrase running past the sentence, and those after it)
        i = _RULE_OF_MARKER.get(m.lastindex or 0, 0)
        kind = PERIOD_RULES[i][1]
        if _is_comparison_base(text, m.start(), m.end(), start, kind):
            if kind == "shopping_day":
                # 比去年“双11”增长46%, 是去年“双11”的2.3倍: the base, no period, but what the metric's name is read
                # after (the name has no word for a 双11 base)
                hits.append(PeriodHit(m.start(), m.end(), None, None))
            continue
        if kind in ("month", "first_months", "rel_year"):
            # 订单已经排到了4月份, 订单已排到今年9月, 排到了明年: how far ahead orders are booked, no period
            a = m.start()
            if kind != "rel_year" and text.startswith(("今年", "明年"), max(start, a - 2), a):
                a -= 2  # (the year word before the month: 排到今年9月)
            if text.endswith(_BOOKED_UNTIL, max(start, a - 3), a):
                continue
        if kind == "asof_month" and text.endswith(MONTH_END_BASES, max(start, m.start() - 1), m.start()):
            # 每斤15.8元,比3月底上涨0.9元: the base of a change, no stock at the end of March (a phrase with no
            # label: what the metric's name is read after, but no period)
            hits.append(PeriodHit(m.start(), m.end(), None, None))
            continue
        y_txt = _g(m, i, "y")
        rel = _g(m, i, "rel") if kind != "rel_year" else None
        y = _num(y_txt) if y_txt else _rel_year(rel, pub) if rel else year
        label: str | None
        new_year: int | None = None
        asof = False
        if kind == "year_range":
            y1, y2 = int(_g(m, i, "y1") or 0), int(_g(m, i, "y2") or 0)
            if not y1 < y2:
                continue
            label = f"{_ym(y1, 1)}/{_ym(y2, 12)}"
        elif kind == "year":
            new_year = _num(_g(m, i, "y") or "0")
            label = str(new_year)
        elif kind == "rel_year":
            if _AGE_AFTER_RE.match(text, m.end()):
                continue  # 今年58岁的茶农: how old someone is, no period
            word = _g(m, i, "rel") or "今年"
            # (去年3月开工,当年建成投产: 当年 is the year in scope, when one is)
            new_year = year if word == "当年" and year is not None else _rel_year(word, pub)
            label = str(new_year)
        elif kind == "asof_now":
            label = asof_now(pub)
            asof = True
        elif kind == "ytd" or kind == "since_year" and y == pub.year:
            label = f"{_ym(pub.year, 1)}/{_ym(pub.year, pub.month)}" if pub.month > 1 else _ym(pub.year, 1)
        elif kind == "since_year":
            if y is None or y > pub.year:
                continue
            label = f"{_ym(y, 1)}/{_since_end(pub)}"
        elif kind == "since_era":
            congress, plan = _g(m, i, "congress"), _g(m, i, "plan")
            first_year = ERA_STARTS[congress] if congress else PLAN_STARTS[plan or "十四"]
            if first_year > pub.year:
                continue
            label = f"{_ym(first_year, 1)}/{_since_end(pub)}"
        elif kind == "plan_span":
            first_year = PLAN_STARTS[_g(m, i, "plan") or "十四"]
            label = f"{_ym(first_year, 1)}/{_ym(first_year + 4, 12)}"
        elif kind == "summer":
            # (in June, the summer to come: 暑运期间预计…)
            yy = y if y is not None and (y_txt or rel) else pub.year if pub.month >= 6 else pub.year - 1
            label = f"{_ym(yy, 7)}/{_ym(yy, 8)}"
        elif kind == "since_month":
            mo = _num(_g(m, i, "m") or "0")
            if not 1 <= mo <= 12:
                continue
            # (去年3月以来: from that year's March; a bare 3月以来: the latest March)
            first, now = _ym(_month_year(mo, y if y_txt or rel else None, pub), mo), _ym(pub.year, pub.month)
            label = first if first == now else f"{first}/{now}"
        elif kind == "rel_month" and (relm := _g(m, i, "relm")) == "当月" and last_month is not None:
            label = last_month  # 5月份,…;当月实现产值1.82亿元: that month, not the article's
        elif kind == "rel_month":
            k = pub.year * 12 + pub.month - 1 + RELATIVE_MONTHS[relm or "本月"]
            label = _ym(k // 12, k % 12 + 1)
        elif kind == "asof_month":
            mo = _num(_g(m, i, "m") or "0")
            if not (y_txt or rel) and text.startswith("截至", m.start()):
                y = None  # 截至6月底 with no year: the latest June, whatever year the paragraph went back to
            label = f"asof:{_ym(_month_year(mo, y, pub), mo)}" if 1 <= mo <= 12 else None
            asof = True
        elif kind == "asof_period_end":
            until = _g(m, i, "end") or "年"  # (not ``end``: that is the end of the text this call reads)
            mo = 6 if until == "上半年" else 3 * int(QUARTERS[until[0]]) if until.endswith("季度") else 12
            label = f"asof:{_ym(y if y is not None else pub.year, mo)}"
            asof = True
        elif kind == "asof_day":
            mo, d = _num(_g(m, i, "m") or "0"), _num(_g(m, i, "d") or "0")
            label = f"asof:{_ym(_month_year(mo, y, pub), mo)}-{d:02d}" if 1 <= mo <= 12 else None
            asof = True
        elif kind == "month_range":
            m1, m2 = _num(_g(m, i, "m1") or "0"), _num(_g(m, i, "m2") or "0")
            if not (1 <= m1 < m2 <= 12):
                continue
            yy = y if y is not None else _month_year(m2, None, pub)
            label = f"{_ym(yy, m1)}/{_ym(yy, m2)}"
            new_year = yy if y_txt else None
        elif kind in ("months_from_last_year", "months_over_years"):
            m1, m2 = _num(_g(m, i, "m1") or "0"), _num(_g(m, i, "m2") or "0")
            if kind == "months_over_years":
                y1, y2 = int(_g(m, i, "y1") or 0), int(_g(m, i, "y2") or 0)
            else:
                y1 = pub.year - 1
                y2 = pub.year if _g(m, i, "this") or m2 < m1 else y1
            if not (1 <= m1 <= 12 and 1 <= m2 <= 12 and (y1, m1) < (y2, m2)):
                continue
            label = f"{_ym(y1, m1)}/{_ym(y2, m2)}"
        elif kind == "first_quarters":
            q = int(QUARTERS[_g(m, i, "q") or "1"])
            yy = y if y is not None else _month_year(3 * q, None, pub)  # (前三季度 in January: last year's)
            label = f"{_ym(yy, 1)}/{_ym(yy, 3 * q)}"
        elif kind == "first_months":
            n = _num(_g(m, i, "n") or "0")
            if not 1 <= n <= 12:
                continue
            yy = y if y is not None else _month_year(n, None, pub)
            label = f"{_ym(yy, 1)}/{_ym(yy, n)}"
        elif kind == "quarter":
            q = int(QUARTERS[_g(m, i, "q") or "1"])
            yy = y if y is not None else pub.year
            label = f"{yy}-Q{q}"
        elif kind == "h1":
            label = f"{y if y is not None else pub.year}-H1"
        elif kind == "h2":
            label = f"{y if y is not None else pub.year}-H2"
        elif kind == "year_end":
            label = f"asof:{_ym(y if y is not None else pub.year, 12)}"
            asof = True
        elif kind == "year_start":
            label = f"asof:{_ym(y if y is not None else pub.year, 1)}"
            asof = True
        elif kind == "report_end":
            label = f"asof:{report_end(y, pub)}"
            asof = True
        elif kind == "past_year":
            if pub.month > PAST_YEAR_MONTHS:
                continue  # mid-year, 一年来 is the last twelve months: no calendar period
            new_year = pub.year - 1
            label = str(new_year)
        elif kind == "new_year":
            new_year = pub.year if pub.month <= 6 else pub.year + 1
            label = str(new_year)
        elif kind == "past_years":
            n = _num(_g(m, i, "n") or _g(m, i, "n2") or "0")
            if not 2 <= n <= 20:
                continue
            last = pub.year - 1  # 过去五年 in a report of 2022: 2017-2021
            if pub.month > PAST_YEAR_MONTHS and text.startswith("来", m.end() - 1):
                # 十年来 in a feature of September 2022: 2013 to the article's month (in a year's review, as above)
                first_year = pub.year - n + (0 if _g(m, i, "more") else 1)
                label = f"{_ym(first_year, 1)}/{_ym(pub.year, pub.month)}"
            else:
                label = f"{_ym(last - n + 1, 1)}/{_ym(last, 12)}"
        elif kind == "holiday":
            hol = _g(m, i, "hol") or "国庆"
            # (元旦 is named by the year it opens, a review of the year before names it too: the latest one, unless
            # the phrase gives its year)
            label = _holiday(hol, y if hol != "元旦" or y_txt or rel else None, pub)
            if label is not None and (hol2 := _g(m, i, "hol2")) and (other := _holiday(hol2, y, pub)):
                # 中秋国庆“双节”假期: both holidays, from the first month to the last (2023-09/2023-10)
                start_ym, end_ym = sorted((label[:7], other[:7], label[-7:], other[-7:]))[:: 3]
                label = start_ym if start_ym == end_ym else f"{start_ym}/{end_ym}"
            if label is None:
                continue
        elif kind == "shopping_day":
            yy = _month_year(11, y if rel else None, pub)  # (the latest, unless the phrase names its year)
            new_year = yy if rel else None  # (今年“双11”期间(11月1日至11日): this year's days)
            on_the_day = _g(m, i, "on") is not None
            label, asof = (f"asof:{_ym(yy, 11)}-11", True) if on_the_day else (_ym(yy, 11), False)
        elif kind == "day_range":
            m1 = _num(_g(m, i, "m") or "0")
            m2 = _num(_g(m, i, "m2") or "0") or m1
            if not 1 <= m1 <= m2 <= 12:
                continue
            yy = _month_year(m2, y, pub)
            label = _ym(yy, m1) if m1 == m2 else f"{_ym(yy, m1)}/{_ym(yy, m2)}"
        elif kind == "full_year":
            label = str(y if y is not None else pub.year)
        elif kind == "month":
            mo = _num(_g(m, i, "m") or "0")
            if not 1 <= mo <= 12:
                continue
            label = _ym(_month_year(mo, y, pub), mo)
        elif kind == "day":
            mo, d = _num(_g(m, i, "m") or "0"), _num(_g(m, i, "d") or "0")
            if not 1 <= mo <= 12 or _NEWS_DATE_RE.match(text, m.end(), end):
                continue
            if not y_txt and (pub.month - mo) % 12 <= 1:
                y = _month_year(mo, None, pub)  # 3月10日 in news of 12 March: this March's, whatever year is in scope
            label = f"asof:{_ym(_month_year(mo, y, pub), mo)}-{d:02d}"
            asof = True
        else:  # pragma: no cover
            continue
        hits.append(PeriodHit(m.start(), m.end(), label, new_year, asof))
        if new_year is not None:
            year = new_year
        if label is not None and not asof:
            last_month = last_month_of(label)
    return hits


def last_month_of(label: str | None) -> str | None:
    """The month a flow's label ends with, if it names months (2023-05, 2023-01/2023-05 → 2023-05; not a year, a
    quarter, a half or a stock): what a later 当月 refers to."""
    if label is None or label.startswith("asof:") or label[-3] != "-" or not label[-2:].isdigit():
        return None
    return label[-7:]
