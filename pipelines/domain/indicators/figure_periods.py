"""The period of each figure: the report period a headline states, and the rules the loop in ``extract`` applies
to one figure among its sentence's period phrases (the last one before it, a label's, a month before a bare
year), a balance read as a stock, a count up to a cut-off (截至10月底) read as a flow since January.

``periods`` finds the period phrases of the text; this module chooses among them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import lru_cache

from .context import SINCE_JANUARY_GROWTH, SINCE_YEAR_START
from .periods import RISE_START_WORDS, PeriodHit, asof_now, find_periods
from .records import FigureRecord, alternation
from .sentences import Span

# 年产值, 年销售收入, 年税收: yearly figures (not 年均 growth rates, not 年末 stocks, not the words 年糕, 年货,
# 年轻人 …); a month or a day period
YEARLY_METRIC_RE = re.compile(r"年(?![均末初底糕货轻龄画会夜味俗关])")
MONTH_PERIOD_RE = re.compile(r"(?:asof:)?\d{4}-\d{2}(?:-\d{2})?")


@lru_cache(maxsize=256)  # pure, and read for most figures: the few labels of an article repeat
def period_year(label: str) -> int:
    """The year a period label starts with (2024-H1, asof:2023-12-31)."""
    return int(label.removeprefix("asof:")[:4])


def period_end(label: str) -> str:
    """The last month a flow's period label covers (2023 → 2023-12, 2023-H1 → 2023-06, 2023-Q3 → 2023-09,
    2023-09/2023-10 → 2023-10), to order periods by how recent they are."""
    last = label.rsplit("/", 1)[-1]
    if len(last) == 4:
        return f"{last}-12"
    if last[5] in "HQ":
        return f"{last[:4]}-{int(last[6]) * (6 if last[5] == 'H' else 3):02d}"
    return last[:7]


# The longest first line read as a headline (a lead sentence is longer, or ends with 。).
HEADLINE_MAX_CHARS = 60
HEADLINE_LINES = 3  # 引题, 主题, 副题


def headline_lines(s: str, sents: list[Span]) -> list[Span]:
    """The headline's sentences: its first line and the short lines right after it (引题, 主题, 副题: 汽车、餐饮消费
    回暖明显 / 前7月我市社会消费品零售总额增长7.9%), up to the first that is a lead sentence or ends with 。"""
    head: list[Span] = []
    k = 0
    while k < len(sents) and sents[k].paragraph - sents[0].paragraph < HEADLINE_LINES:
        j = k + 1
        while j < len(sents) and sents[j].paragraph == sents[k].paragraph:
            j += 1  # (a paragraph's sentences come in a row: read up to the next paragraph only)
        line = sents[k:j]
        if line[-1].end - line[0].start > HEADLINE_MAX_CHARS or "。" in s[line[0].start : line[-1].end]:
            break
        head += line
        k += len(line)
    return head if len(head) < len(sents) else []


def headline_period(
    s: str, head: list[Span], period_matches: list[re.Match[str]], published: dt.date, year: int | None
) -> str | None:
    """The one period a report's headline (``head``: its sentences) names (一季度全市全社会用电量同比增长9.8%,
    玉山县上半年经济运行稳中有进).

    A statistical report states its period in the headline and the lead, then goes on without it
    (从贸易方式看，一般贸易进出口702.3亿元…): the paragraphs after the headline start with that period
    instead of none. A feature story's headline names no period, and its paragraphs keep their own.
    """
    if not head:
        return None
    a, b = head[0].start, head[-1].end
    in_head = [m for m in period_matches if a <= m.start() < b]
    labels = {
        h.label
        for h in find_periods(s, a, b, published, year, in_head)
        if h.label and not _FORECAST_RE.search(s, max(x.start for x in head if x.start <= h.start), h.start)
    }
    if not labels:
        # 数说南康2024: a headline's year written bare (no 年), one, not after the article
        labels = {m.group(0) for m in _BARE_YEAR_RE.finditer(s, a, b) if int(m.group(0)) <= published.year}
    return labels.pop() if len(labels) == 1 else None


def _lead(sents: list[Span], head: list[Span]) -> tuple[int, int] | None:
    """Where the lead stands: the paragraph right after the headline (``head``: its sentences)."""
    if not head or len(head) >= len(sents):
        return None
    lead = [x for x in sents if x.paragraph == sents[len(head)].paragraph]
    return lead[0].start, lead[-1].end


def _lead_periods(
    s: str, lead: tuple[int, int] | None, period_matches: list[re.Match[str]], published: dt.date
) -> list[PeriodHit]:
    """The period phrases of the lead (``lead``: where ``_lead`` says it stands)."""
    if lead is None:
        return []
    a, b = lead
    return find_periods(s, a, b, published, None, [m for m in period_matches if a <= m.start() < b])


def event_month(
    s: str, sents: list[Span], head: list[Span], period_matches: list[re.Match[str]], published: dt.date
) -> str | None:
    """The month of the event an event's story is about: that of the first day its lead names (10月28日,为期5天的
    …展销会落下帷幕: 2023-10), for the headline's figures, which come before it (5天吸引游客41.6万人次)."""
    lead = _lead(sents, head)
    day = next((h.label for h in _lead_periods(s, lead, period_matches, published) if is_day(h.label)), None)
    if day is None and lead and RECENTLY_RE.search(s, *lead) and dates_an_event(s, *lead):
        return asof_now(published).removeprefix("asof:")  # 日前,定南县举行…集中签约活动: of the month it is news in
    return day_month(day) if day else None


# The words of a holiday's days off (国庆中秋假期, 五一小长假, “双节”)
_HOLIDAY_WORDS = "假期|黄金周|小长假|双节"
_HOLIDAY_PHRASE_RE = re.compile(_HOLIDAY_WORDS)
# A holiday story's headline (“双节”假期我市接待游客…, 春节假期全市旅游收入…)
HOLIDAY_HEADLINE_RE = re.compile(_HOLIDAY_WORDS + "|春节|国庆|五一|端午|中秋|元旦")


def lead_holiday(
    s: str, sents: list[Span], head: list[Span], period_matches: list[re.Match[str]], published: dt.date
) -> str | None:
    """The holiday a holiday story's lead names (国庆中秋假期(10月1日至8日),全市…): the period of its headline's
    figures (“双节”假期我市接待游客1326.8万人次), which come before the lead."""
    return next(
        (
            h.label
            for h in _lead_periods(s, _lead(sents, head), period_matches, published)
            if h.label and not h.asof and _HOLIDAY_PHRASE_RE.search(s, h.start, h.end)
        ),
        None,
    )


def lead_cutoff(
    s: str, sents: list[Span], head: list[Span], period_matches: list[re.Match[str]], published: dt.date
) -> str | None:
    """The month-end a report's lead opens with (截至9月底,全区实有经营主体10.36万户), the first period it names
    but for a day: the date of its headline's figures (广丰区经营主体突破10万户), which come before the lead."""
    hits = _lead_periods(s, _lead(sents, head), period_matches, published)
    first = next((h.label for h in hits if h.label and not is_day(h.label)), None)
    return first if first and _ASOF_MONTH_RE.fullmatch(first) else None  # (no day: the label of a month-end)


# A period a headline names after one of these in its line is when something is to happen (赣州大道南延伸段预计
# 10月底建成通车, 换电车型将于今年第四季度推向市场), not the period the report is of.
_FORECAST_RE = re.compile("预计|将|力争|计划|有望|确保|争取")
_BARE_YEAR_RE = re.compile(r"(?<![\d.])(?:19|20)\d{2}(?![\d.%年万亿])")


# How far before a bare year (今年) a period within that year may stand and still be the figure's
# (截至5月底,今年新签约项目开工率达到65.2%: asof May).
_SPECIFIC_BEFORE_YEAR = 12
_DAY_LABEL_RE = re.compile(r"asof:\d{4}-\d{2}-\d{2}")


def is_day(label: str | None) -> bool:
    """Whether a period label is a day (5月15日: asof:YYYY-MM-DD): a visit's, never a project size's."""
    return label is not None and _DAY_LABEL_RE.fullmatch(label) is not None


def day_month(label: str) -> str:
    """The month of a day's label (asof:YYYY-MM-DD → YYYY-MM)."""
    return label[5:12]


# What a project yields once done (建成后, 全面达产后): a target with no date of its own
ONCE_DONE_RE = re.compile(r"(?:建成|投产|达产|满产|竣工)后")
_DAY_OR_MONTH_RE = re.compile(r"asof:\d{4}-\d{2}-\d{2}|\d{4}-\d{2}")  # (a day, or a month's flow: not 目前's stock)


_ASOF_MONTH_RE = re.compile(r"asof:(?P<y>\d{4})-(?P<m>\d{2})(?:-\d{2})?")


def since_january(period: str) -> str | None:
    """The flow from January to an ``asof:YYYY-MM`` date (asof:2024-09 and asof:2024-09-30 → 2024-01/2024-09, the
    year's end → the year); None for other labels."""
    m = _ASOF_MONTH_RE.fullmatch(period)
    if m is None:
        return None
    y, mo = m.group("y"), m.group("m")
    return f"{y}-01" if mo == "01" else y if mo == "12" else f"{y}-01/{y}-{mo}"


_PERIOD_END_RE = re.compile(
    r"(?P<y>\d{4})(?:-(?P<m>\d{2})|-Q(?P<q>[1-4])|-H(?P<h>[12]))?(?:/(?P<y2>\d{4})-(?P<m2>\d{2}))?"
)
# Years named as a span (过去五年, “十三五”期间: 2016-01/2020-12)
YEARS_SPAN_RE = re.compile(r"(?P<y>\d{4})-01/(?P<y2>\d{4})-12")


_SINCE_YEAR_START_RE = re.compile(alternation(SINCE_YEAR_START))
_AGAINST_YEAR_START_RE = re.compile(f"[比较](?:{alternation(SINCE_YEAR_START)})")  # 比年初, 较上年末


# Ratios of balances (存贷比, 不良贷款率): stocks, as the balances are
_BALANCE_RATIOS = ("存贷比", "不良贷款率", "资本充足率", "拨备覆盖率")


def stock_or_flow(period: str, metric: str, delta: bool) -> str:
    """A balance (余额), or a ratio of balances (存贷比), is a stock: at the end of the period the text gives it for
    (a total in a year's summary, 2248户, stays of the year); its change since the start of the year (比年初增加) is
    a flow: from January to the balance's date."""
    since_start = delta and _SINCE_YEAR_START_RE.search(metric) is not None
    # (存贷比比年初提高2.1个百分点: a change since January, whatever its unit)
    since_start = since_start or _AGAINST_YEAR_START_RE.search(metric) is not None
    if since_start or metric.endswith(SINCE_JANUARY_GROWTH):
        return since_january(period) or period
    if (
        ("余额" in metric or any(ratio in metric for ratio in _BALANCE_RATIOS))
        and not delta and not period.startswith("asof:")
    ):
        m = _PERIOD_END_RE.fullmatch(period)
        if m:
            y = m.group("y2") or m.group("y")
            q, h = m.group("q"), m.group("h")
            mo = m.group("m2") or m.group("m") or (f"{3 * int(q):02d}" if q else "06" if h == "1" else "12")
            return f"asof:{y}-{mo}"
    return period


# The total a count has come to (新增合作社46家,总数达到1168家; 全县规上企业增至285家)
_TOTAL_NOW_RE = re.compile(r"总数(?:达到|达|突破|增至|为)|总量(?:达到|达|突破)|增至|增加到|发展到|扩大到")


def total_after_span(s: str, r: FigureRecord) -> bool:
    """Whether a count dated by a span (今年以来, “十三五”期间) is the total it came to by the span's end, not what
    was added over it: a word of a total before it in its clause."""
    return not (r.target or r.delta or r.start_level) and _TOTAL_NOW_RE.search(s, r.fig.cs, r.fig.start) is not None


# Verbs of what happens over a span of time (引进项目23个, 签约金额236亿元, 完成投资58亿元), not what stands at a date
# (在建项目16个, 贷款余额…, 拥有企业157家).
_FLOW_VERB_RE = re.compile(r"新签约|签约|引进|新增|新开工|开工|完成|实现|发放|招引|接待|出口|进口")


_STOCK_CUE_RE = re.compile(r"在建|拥有|共有|现有|余额|总数|累计")
CUTOFF_RE = re.compile(r"截[至止][^,，。;；]{0,8}月(?:底|末|\d{1,2}日)")


def is_flow(s: str, r: FigureRecord, flow_before: bool) -> bool:
    """Whether a figure dated by a month-end (截至10月底) counts what happened up to then: a flow verb in its
    clause, or the next item of a list of flows (合同投资额112亿元), or a growth of such a flow."""
    if r.kind == "growth":
        return flow_before and not r.fig.base_unit == "percentage_point"
    if r.kind in ("share", "rank", "capacity") or r.delta or "余额" in (r.metric or ""):  # (完成256公里: a flow)
        return False
    cue = _STOCK_CUE_RE.search(s, r.fig.cs, r.fig.start)
    if cue and not (cue.group() == "累计" and s.find("今年", r.fig.cs, cue.start()) >= 0):
        return False  # (今年累计完成投资58亿元: what this year added up to, a flow)
    return flow_before or _FLOW_VERB_RE.search(s, r.fig.cs, r.fig.start) is not None


def is_plan_year(period: str | None, published: dt.date) -> bool:
    """Whether a carried period is a whole year not yet over when the text was published."""
    return period is not None and len(period) == 4 and int(period) >= published.year


def period_in_label(labelled: list[PeriodHit], r: FigureRecord) -> str | None:
    """The period phrase inside the 数说 label after a bracketed figure, if any."""
    end = r.fig.end + len(r.label)
    return next((h.label for h in labelled if r.fig.end <= h.start < end), None)


def labelled_period(s: str, labelled: list[PeriodHit], k: int, r: FigureRecord, carried: str | None) -> str | None:
    """The period of a figure from the sentence's period phrases before it (``labelled[:k]``): the last one,
    unless it is a bare year right after a period within that year, or the start's of 由A增加到B (B's is the one
    before 由); a day inside the sentence dates only its own clause (``carried``: the period before the sentence).
    ``s``: the text the figures index."""
    if r.start_level is not None and labelled[k - 1].end <= r.start_level.fig.start:
        # 由2015年的116家增加到765家: 2015 is the start's; 765 is of the sentence's period before 由, else the
        # paragraph's (截至7月底,配套率已由2020年的43%提高到71%: July's); a level to come has none of them
        # (投产后,年产能将由现在的4500万台提升到7000万台)
        if r.target:
            return None
        start = r.start_level.fig
        opens = max(s.rfind(w, start.cs, start.start) for w in RISE_START_WORDS)
        while k and labelled[k - 1].end > opens:
            k -= 1
        if not k:
            return carried
    h = labelled[k - 1]
    while is_day(h.label) and h.start > r.sent.start and h.end < r.fig.cs and s[h.end] not in "，,":
        # 接待游客8.65万人次,其中6月23日单日接待3.42万人次;通天岩景区接待游客2.16万人次: not of June 23 (a day
        # set off by a comma dates what follows: 监测数据显示,2月5日,猪肉零售均价为每斤28.6元)
        k -= 1
        if not k:
            return carried
        h = labelled[k - 1]
    label = h.label
    if r.project and r.kind != "count" and label is not None and _DAY_OR_MONTH_RE.fullmatch(label):
        # 5月15日,在总投资106亿元的X项目施工现场; 今年3月,公司投资2.3亿元的X项目开工: the day of a visit or the
        # month of a start is no period of the project's size
        return None
    if k > 1 and label is not None and len(label) == 4 and not s.startswith("全年", h.start):
        # (下半年,将紧扣全年增长7%的目标: 全年 says the whole year, unlike a bare 今年)
        p = labelled[k - 2]
        if h.start - p.end <= _SPECIFIC_BEFORE_YEAR and p.label and p.label.removeprefix("asof:").startswith(label):
            return p.label
    return label


def within_cutoff(s: str, labelled: list[PeriodHit]) -> list[PeriodHit]:
    """The sentence's labelled period phrases without a bare year named after a month-end cut-off of that year:
    截至10月底,全县规上工业企业达到198家,今年新增29家;营收超亿元企业73家: 今年 is the cut-off's year, so what was
    added is since January up to the cut-off, and what stands is at the cut-off (``s``: the text they index)."""
    out: list[PeriodHit] = []
    cutoff_year = None
    for h in labelled:
        if h.label is not None and h.label.startswith("asof:") and CUTOFF_RE.match(s, h.start):
            cutoff_year = h.label[5:9]
        elif h.label == cutoff_year:
            continue
        out.append(h)
    return out


_ASIDE_OPENERS = ("其中", "其中,", "其中，")


def carried_period(s: str, labelled: list[PeriodHit], sent: Span, before: str | None) -> str | None:
    """The period a sentence passes on to the next ones of its paragraph: its last period phrase, but not a day
    inside it (其中6月23日单日接待3.42万人次;通天岩景区接待游客2.16万人次: the next is of the holiday) nor a month
    set apart from the report's (7月当月,…增长6.5%。全市规上工业企业实现营业收入…: 1—7月; 其中3月份增长10.3%)."""
    for h in reversed(labelled):
        # (10月2日,全市单日接待游客216.8万人次。假期中,…: a day the sentence says is one, wherever it stands)
        if is_day(h.label) and (h.start > sent.start or s.find("单日", h.end, sent.end) >= 0):
            continue
        if s.startswith("当月", h.end) or s.endswith(_ASIDE_OPENERS, max(sent.start, h.start - 3), h.start):
            continue  # (一季度增长9.6%,其中3月份增长10.3%。…: the month is an aside, the quarter goes on)
        return h.label
    return before


# How a news item's lead opens (本报讯 记者…报道:, 本报记者): the lead frames the report's period
LEAD_OPENERS = ("本报讯", "本报记者", "本报通讯员")
# How a meeting's demands open a paragraph (会议要求,…力争全年新增规上工业企业300户): what it asks for is of the year
# ahead, in the review of last year that an early-year meeting's story is
DEMAND_OPENERS = ("会议要求", "会议强调", "会议提出", "会议部署", "会议号召")
# What refers back to the article's event (此次集中开工项目共有20个)
THIS_EVENT_RE = re.compile(r"此次|本次|这次|本届")
# What happens on a day (an event the figures after it are of): 举行, 召开, 开工 …
_EVENT_RE = re.compile(r"举行|召开|举办|开幕|闭幕|落幕|落下帷幕|启动|揭牌|集中签约|集中开工")
# A press conference (市政府新闻办举行新闻发布会,通报…) releases figures of the period they are of, not of its day
_RELEASE_RE = re.compile(r"发布会|通报会")


def dates_an_event(s: str, a: int, b: int) -> bool:
    """Whether s[a:b] reports an event held on a day (举行, 开幕, 集中签约 …): what is done at it is of its month."""
    return _EVENT_RE.search(s, a, b) is not None and _RELEASE_RE.search(s, a, b) is None


# The end of an event's name (2024年第一季度重大项目集中开工活动): a period phrase inside it is part of the name
_EVENT_NAME_END_RE = re.compile(r"[^,，。;；、]{0,16}?(?:活动|仪式|大会|推介会|洽谈会|博览会|展销会|交易会)")


def event_months(s: str, labelled: list[PeriodHit]) -> list[PeriodHit]:
    """The period phrases of a sentence that dates an event, its day read as the event's month (what is signed or
    started at an event is of its month, not a stock on its day); with a day, a year, a quarter or a month inside
    the event's name is none (2月20日,全市举行2024年第一季度重大项目集中开工活动,共开工项目168个: of February, and
    so are the figures of the sentences after it, 其中工业项目…)."""
    if not any(is_day(h.label) for h in labelled):
        return labelled
    out: list[PeriodHit] = []
    for h in labelled:
        if h.label and is_day(h.label):
            out.append(replace(h, label=day_month(h.label)))
        elif not _EVENT_NAME_END_RE.match(s, h.end):
            out.append(h)
    return out


# What dates news as recent, with no day: 日前, 近日
RECENTLY_RE = re.compile("日前|近日")


def recent_event(s: str, a: int, b: int, labelled: list[PeriodHit], published: dt.date) -> list[PeriodHit] | None:
    """The period phrases of a sentence reporting an event the news dates only as recent (日前,定南县举行2022年重大
    项目集中签约活动,现场签约项目12个): the publication month first, and no year inside the event's name; None for
    a sentence that is no such report or names a month or a day."""
    if any(h.label and len(h.label) != 4 for h in labelled):
        return None
    if not (RECENTLY_RE.search(s, a, b) and dates_an_event(s, a, b)):
        return None
    month = PeriodHit(a, a, asof_now(published).removeprefix("asof:"), None)
    return [month, *(h for h in labelled if not _EVENT_NAME_END_RE.match(s, h.end))]


def event_period(s: str, a: int, b: int, periods: list[PeriodHit]) -> str | None:
    """The period a sentence without figures gives the figures after it in its paragraph: the month of the event
    it dates (3月10日,瑞金市…签约活动举行。活动现场签约项目18个: of March), or the period it names (a day
    aside: 5月15日,记者在现场看到 dates no figure after it)."""
    days = [h.label for h in periods if h.label and is_day(h.label)]
    if days and dates_an_event(s, a, b):
        return day_month(days[0])
    # any other period it names (2019年,…; 今年中秋国庆“双节”8天假期(9月29日至10月6日),我市文旅市场持续火热。)
    last = next((h.label for h in reversed(periods) if h.label and not is_day(h.label)), None)
    return last


# What says a capacity or a yearly figure stands now (目前,现有年产能…): it keeps its date
NOW_CUE_RE = re.compile("目前|现有|现已|已有|已形成|已建成|截至|如今")


# Units of a duration (用时8个月, 压缩至0.5个工作日): how long something took has no period.
DURATION_UNITS = frozenset({"个月", "个小时", "天", "个工作日"})
OVER_YEARS_RE = re.compile(r"近年来|近几年|近些年|多年来|先后")


def over_years(s: str, r: FigureRecord) -> bool:
    """近年来,该县先后引进项目47个: what was done over years no one names, before the figure in its sentence."""
    return OVER_YEARS_RE.search(s, r.sent.start, r.fig.start) is not None


# What stands now, totalled over the years (累计建成高标准农田98.6万亩, 累计获得授权专利236项) or already there
# (已建成, 已有, 已形成): a stock at the date of the article, or at the end of the year it names.
_CUMULATIVE_RE = re.compile(r"累计(?:建成|获得|拥有|治理|培育|认定|授权|注册|有)")
_ALREADY_RE = re.compile(r"已(?:建成|有|形成|累计|扩大到|发展到|增加到|达到)")
ON_SITE_RE = re.compile(r"施工现场|工地上|坚守岗位|满负荷|来回作业|协同作业|正在进行|正忙着")


def standing_stock(s: str, r: FigureRecord, period: str | None, published: dt.date) -> str | None:
    """The period of a figure that totals what stands (累计建成…, 已建成…), or None if it is no such figure."""
    cs, start = r.fig.cs, r.fig.start
    if r.kind in ("growth", "share", "rank") or r.delta or r.target:
        return None
    now = asof_now(published)
    if period is None:
        if _CUMULATIVE_RE.search(s, cs, start) or _ALREADY_RE.search(s, cs, start):
            return now
        # 施工现场,10余台摊铺机来回作业,40多名工人正在摊铺: what a reporter counts on site, at the article's date
        on_site = r.kind == "count" and ON_SITE_RE.search(s, r.sent.start, r.sent.end) is not None
        return now if on_site else None
    if period == str(published.year) and _CUMULATIVE_RE.search(s, cs, start):
        return now  # (in a review of a past year, 2022年…累计培育单项冠军1家 stays that year's)
    return None


# Any cue of a standing stock (累计, 已, on site) or of unnamed years: one search per sentence for both
PERIOD_CUE_RE = re.compile("|".join((r"累计|已", ON_SITE_RE.pattern, OVER_YEARS_RE.pattern)))
