"""Periods, subjects, metrics and the metric catalogue: short sentences of our own."""

from __future__ import annotations

import datetime as dt

import pytest

from pipelines.domain.indicators import (
    EXTRACTOR_VERSION,
    canonical_metric_id,
    extract,
    load_metric_catalogue,
)
from pipelines.domain.indicators.subjects import article_context

PUB = dt.date(2023, 10, 20)


def first(text: str, pub: dt.date = PUB):
    found = extract(text, pub)
    assert found, text
    return found[0]


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("今年,全县引进项目12个。", "2023"),
        ("今年3月以来,全县引进项目12个。", "2023-03/2023-10"),  # from that month to the article's
        ("去年以来,全县引进项目12个。", "2022-01/2023-10"),  # from last January to the article's month
        ("2022年初,园区有闲置厂房32万平方米。", "asof:2022-01"),  # what stood at that year's start
        ("五年累计实施重点项目586个。", "2018-01/2022-12"),  # the years before the article's (like 过去五年)
        ("去年,全县引进项目12个。", "2022"),
        ("2019年,全县引进项目12个。", "2019"),
        ("今年上半年,全县引进项目12个。", "2023-H1"),
        ("前三季度,全县引进项目12个。", "2023-01/2023-09"),
        ("1-8月,全县引进项目12个。", "2023-01/2023-08"),
        ("1至8月,全县引进项目12个。", "2023-01/2023-08"),
        ("一季度,全县引进项目12个。", "2023-Q1"),
        ("截至9月底,全县累计引进项目12个。", "asof:2023-09"),
        ("今年全年,全县引进项目12个。", "2023"),
        ("11月份,全县引进项目12个。", "2022-11"),
        ("2020—2022年,全县引进项目12个。", "2020-01/2022-12"),
        ("二〇二一年,全县引进项目12个。", "2021"),
        ("国庆假期,全县接待游客12万人次。", "2023-10"),
        ("“五一”假期,全县接待游客12万人次。", "2023-04/2023-05"),  # (2023: 4月29日至5月3日)
        ("今年底,全县光伏装机将达12GW。", "asof:2023-12"),
        ("8月1日至8月10日,全县接待游客12万人次。", "2023-08"),
        ("1月1日至9月30日,全县引进项目12个。", "2023-01/2023-09"),
        ("年度计划投资12亿元。", "2023"),
        ("截至5月底,今年新签约项目开工率达到65.2%。", "asof:2023-05"),
        ("眼下,项目现场共有建设者680余人。", "asof:2023-10"),
        ("完成投资18亿元,超年度计划12.4个百分点。", None),
        ("10月8日,记者从县文旅局获悉,国庆7天假期,全县接待游客12万人次。", "2023-10"),
        ("10月8日,记者从县统计局获悉,全县新增企业12家。", None),
        ("10月8日上午,记者在车间看到,400余名工人正忙着生产。", "asof:2023-10-08"),
        ("8月当月,全县引进项目12个。", "2023-08"),
        ("截至今年6月底,全县累计引进项目12个。", "asof:2023-06"),
        ("截至上半年末,全县累计引进项目12个。", "asof:2023-06"),
        ("截至三季度末,全县累计引进项目12个。", "asof:2023-09"),
        ("截至去年底,全县累计引进项目12个。", "asof:2022-12"),
        ("6月末,全县各项贷款余额312亿元。", "asof:2023-06"),
        ("年末,全县常住人口51.2万人。", "asof:2023-12"),
        ("过去一年,全县引进项目12个。", "2022"),
        ("2019年至2021年,全县引进项目12个。", "2019-01/2021-12"),
        ("2019年以来,全县累计引进项目12个。", "2019-01/2023-10"),
        ("二〇二〇年以来,全县新增企业12家。", "2020-01/2023-10"),
        ("2023年以来,全县引进项目12个。", "2023-01/2023-10"),
    ],
)
def test_periods(text, period):
    assert first(text).period == period


@pytest.mark.parametrize(
    ("text", "pub", "period"),
    [
        ("某某磁材发布2024年年度报告。截至报告期末，公司研发人员586人。", dt.date(2025, 4, 20), "asof:2024-12"),
        ("某某磁材发布年度报告。截至报告期末，公司研发人员586人。", dt.date(2025, 4, 20), "asof:2024-12"),
        ("某某磁材发布半年度报告。截至报告期末，公司研发人员586人。", dt.date(2025, 8, 20), "asof:2025-06"),
    ],
)
def test_a_companys_report_end_is_the_end_of_the_period_it_reports_on(text, pub, period):
    assert [i.period for i in extract(text, pub)] == [period]


def test_a_yearly_mean_growth_of_a_rise_between_named_years_is_over_the_years_after_the_first():
    text = "全县地区生产总值由2016年的218.6亿元增加到2021年的356.2亿元，年均增长7.8%。"
    got = {i.text: i.period for i in extract(text, dt.date(2022, 1, 11))}
    assert got == {"218.6亿元": "2016", "356.2亿元": "2021", "7.8%": "2017-01/2021-12"}


def test_a_years_end_named_with_its_year_is_a_stock_and_a_past_deadline_no_target():
    text = "2016年，试验区数字经济企业仅有12家，到2020年底已增加到586家。"
    [_, got] = extract(text, dt.date(2021, 8, 20))
    assert (got.period, got.target) == ("asof:2020-12", False)
    [ahead] = extract("到2025年，全市数字经济企业将达到1000家。", dt.date(2021, 8, 20))
    assert ahead.target


@pytest.mark.parametrize(
    "text",
    [
        "今年3月，公司投资2.3亿元的智能化生产基地项目开工建设。",  # the month a project started: no period of its size
        "二期预计明年底建成，全部达产后可新增年销售收入120亿元。",  # what it yields once done: no date of its own
    ],
)
def test_a_projects_size_and_what_it_yields_once_done_have_no_period(text: str):
    assert [i.period for i in extract(text, PUB)] == [None]


def test_the_levels_of_a_rise_over_years_are_at_their_start_and_end():
    text = (
        "过去五年，全县地区生产总值由2015年的198.4亿元增加到312.6亿元，年均增长7.6%；"
        "财政总收入由28.6亿元增加到42.3亿元；累计完成固定资产投资1200亿元。"
    )
    got = {i.text: i.period for i in extract(text, dt.date(2021, 1, 20))}
    assert got == {
        "198.4亿元": "2015", "312.6亿元": "2020", "7.6%": "2016-01/2020-12",
        "28.6亿元": "2015", "42.3亿元": "2020", "1200亿元": "2016-01/2020-12",
    }
    assert [i.period for i in extract("过去五年，全县各项贷款余额达到320亿元。", dt.date(2021, 1, 20))] == [
        "asof:2020-12"  # a balance at the end of the years, not of their first
    ]


@pytest.mark.parametrize(
    "text",
    [
        "今年前三季度，全县家电销量达1.8万台，是去年全年的1.5倍。",
        "今年前三季度，全县家电销量达1.8万台，比上年全年增加了两成。",
    ],
)
def test_a_whole_year_compared_with_is_no_period(text: str):
    assert {i.period for i in extract(text, PUB)} == {"2023-01/2023-09"}


def test_the_whole_year_after_a_half_is_the_year():
    text = "下半年，我们将紧扣全年地区生产总值增长7%的目标，全力以赴稳增长。"
    assert [i.period for i in extract(text, PUB)] == ["2023"]


@pytest.mark.parametrize("text", ["该镇现有年糕加工企业68家。", "目前，全县年货市场有摊位680个。"])
def test_a_word_starting_with_nian_is_no_yearly_figure(text: str):
    # (年产值, 年销售收入 are yearly and take no month; 年糕, 年货 are things)
    assert [i.period for i in extract(text, PUB)] == ["asof:2023-10"]


@pytest.mark.parametrize(
    ("text", "period"),
    [
        # spans since a plan or a congress run to the article's month (published 2023-10-20)
        ("“十三五”以来，全县新增高新技术企业37家。", "2016-01/2023-10"),
        ("党的十九大以来，全县累计完成交通投资96亿元。", "2018-01/2023-10"),
        # a plan's five years
        ("“十三五”期间，全县新增规上工业企业126家。", "2016-01/2020-12"),
        # a run of quarters from the first is the year to date
        ("一至三季度，全县实现税收9.8亿元。", "2023-01/2023-09"),
        ("1至3季度，全县实现税收9.8亿元。", "2023-01/2023-09"),
        # the summer is July and August, of the year named
        ("暑期，全县接待游客86万人次。", "2023-07/2023-08"),
        ("去年暑假期间，全县接待游客71万人次。", "2022-07/2022-08"),
    ],
)
def test_spans_named_by_an_era_a_run_of_quarters_or_the_summer(text: str, period: str):
    assert [i.period for i in extract(text, PUB)] == [period]


def test_a_summers_market_or_class_is_no_period():
    assert [i.period for i in extract("受益于暑期旅游市场，全县餐饮收入增长8%。", PUB)] != ["2023-07/2023-08"]


def test_the_same_period_a_year_before():
    text = "1—8月，全县规上工业实现营收86.5亿元，上年同期为71.2亿元，增长21.5%；利润增长9.2%，上年同期增速为6.1%。"
    got = {i.text: i for i in extract(text, PUB)}
    assert (got["86.5亿元"].period, got["86.5亿元"].yoy_pct) == ("2023-01/2023-08", 21.5)
    last_year = got["71.2亿元"]
    assert (last_year.period, last_year.yoy_pct) == ("2022-01/2022-08", None)
    assert last_year.metric == "规上工业营收(上年同期)"
    assert got["21.5%"].metric == "规上工业营收增速"
    assert (got["6.1%"].period, got["6.1%"].metric) == ("2022-01/2022-08", "利润增速(上年同期)")
    # (a ratio to last year's same period is this year's)
    ratio = extract("1—8月，全县订单量恢复到去年同期的95%。", PUB)
    assert [i.period for i in ratio] == ["2023-01/2023-08"]


def test_last_years_level_and_the_change_since_it():
    text = "2022年，全县税收收入达到14.6亿元，比上年的12.9亿元增加1.7亿元，增长13.2%。"
    got = {i.text: i for i in extract(text, PUB)}
    assert got["14.6亿元"].yoy_pct == 13.2
    assert (got["12.9亿元"].period, got["12.9亿元"].yoy_pct) == ("2021", None)
    assert (got["1.7亿元"].yoy_pct, got["1.7亿元"].metric) == (None, "税收收入比上年增加额")


@pytest.mark.parametrize(
    ("text", "pub", "period"),
    [
        # N年来: up to the article's month; in a review of the year's first months, the complete years
        ("八年来，全县新建学校46所。", dt.date(2023, 10, 20), "2016-01/2023-10"),
        ("三年来，全县新建学校46所。", dt.date(2024, 1, 12), "2021-01/2023-12"),
    ],
)
def test_years_up_to_now(text: str, pub: dt.date, period: str):
    assert [i.period for i in extract(text, pub)] == [period]


def test_what_was_done_by_a_day_since_january():
    got = {i.text: i.period for i in extract("截至9月28日，全县新签约项目17个，签约金额52亿元。", PUB)}
    assert got == {"17个": "2023-01/2023-09", "52亿元": "2023-01/2023-09"}


def test_what_this_year_added_up_to_by_a_cutoff_is_a_flow():
    got = {i.text: i.period for i in extract("截至9月底，全县今年累计发放贷款23亿元；累计建成基站812个。", PUB)}
    assert got == {"23亿元": "2023-01/2023-09", "812个": "asof:2023-09"}


def test_a_change_in_a_ratio_since_the_start_of_the_year_is_a_flow():
    got = extract("截至6月末，全县存贷比为85.2%，比年初提高2.1个百分点。", PUB)
    assert [i.period for i in got] == ["asof:2023-06", "2023-01/2023-06"]
    got = extract("截至12月末，全县城镇化率为61.2%，比上年末提高0.9个百分点。", dt.date(2024, 1, 20))
    assert [i.period for i in got] == ["asof:2023-12", "2023"]  # (January to December: the year)


def test_a_plan_share_with_no_level_before_takes_the_period_before_the_plan():
    assert [i.period for i in extract("上半年完成投资占全年计划的55.2%。", PUB)] == ["2023-H1"]


def test_dangyue_refers_back_to_the_month_named():
    text = "5月份，公司生产电机3.6万台；当月实现产值2.4亿元。"
    assert {i.text: i.period for i in extract(text, PUB)} == {"3.6万台": "2023-05", "2.4亿元": "2023-05"}
    assert [i.period for i in extract("当月，全县新增就业1200人。", PUB)] == ["2023-10"]


def test_a_change_since_the_end_of_last_year_is_a_flow_since_january():
    text = "截至6月底，全县参保人数38.6万人，比上年末增加1.2万人。"
    assert {i.text: i.period for i in extract(text, PUB)} == {"38.6万人": "asof:2023-06", "1.2万人": "2023-01/2023-06"}


def test_what_a_project_yields_once_done_has_no_date_even_a_clause_later():
    text = "二期项目计划今年下半年开工，全部建成后，年产能将达到5万吨，年产值可达20亿元。"
    assert [i.period for i in extract(text, PUB)] == [None, None]
    text = "该项目去年3月开工，当年建成投产，形成年产2万吨的生产能力。"
    assert [i.period for i in extract(text, PUB)] in ([None], ["2022"])  # (当年: that year, not this one)


def test_spans_since_a_year_with_words_between_and_in_a_january_review():
    got = extract("“财园信贷通”自2017年开办以来累计发放贷款86亿元。", PUB)
    assert [i.period for i in got] == ["2017-01/2023-10"]
    got = extract("2021年以来，全县累计新增城镇就业1.2万人。", dt.date(2024, 1, 16))
    assert [i.period for i in got] == ["2021-01/2023-12"]  # (a review of last year: to its end)


def test_a_plan_share_does_not_date_the_figures_after_it():
    text = "上半年，全区规上工业营业收入增长14.2%，完成全年目标任务的51.4%；规上工业增加值增长9.8%。"
    got = {i.text: i for i in extract(text, PUB)}
    assert got["9.8%"].period == "2023-H1"
    assert got["51.4%"].metric == "规上工业营业收入完成全年目标进度"


def test_a_record_since_january_is_no_period_of_the_figures_after_it():
    text = "国庆假期，篁岭景区单日接待游客2.6万人次，创今年以来单日最高纪录。全县A级景区共接待游客51万人次。"
    got = {i.text: i.period for i in extract(text, PUB)}
    assert got["51万人次"] == "2023-10"


def test_a_number_inside_a_period_phrase_is_no_figure():
    assert [i.text for i in extract("国庆7天假期,全县接待游客12万人次。", PUB)] == ["12万人次"]


@pytest.mark.parametrize(
    ("text", "pub", "period"),
    [
        ("春节假期,全县接待游客32万人次。", dt.date(2023, 1, 28), "2023-01"),  # 1月21日至27日
        ("春节假期,全县接待游客32万人次。", dt.date(2024, 2, 18), "2024-02"),
        ("2022年春节假期,全县接待游客32万人次。", dt.date(2022, 3, 1), "2022-01/2022-02"),  # 1月31日至2月6日
        ("国庆假期,全县接待游客32万人次。", dt.date(2023, 1, 10), "2022-10"),
    ],
)
def test_holidays_by_the_official_calendar(text, pub, period):
    assert extract(text, pub)[0].period == period


def test_an_early_year_review_gives_its_year_to_undated_paragraphs():
    text = "2023年全县经济稳中向好\n2023年，全县地区生产总值412亿元。\n民生支出占比达到80.6%。\n今年，力争增长7%。"
    got = extract(text, dt.date(2024, 1, 9))
    assert [(i.text, i.period) for i in got] == [("412亿元", "2023"), ("80.6%", "2023"), ("7%", "2024")]
    review = "回望2023年，全县地区生产总值412亿元。2023年全县新增企业120家。\n民生支出占比达到80.6%。"
    assert extract(review, dt.date(2024, 1, 9))[-1].period == "2023"


def test_an_april_report_that_names_last_year_once_is_of_this_year():
    text = (
        "园区一季度营收增长12%\n一季度，园区实现营业收入52亿元。2022年，园区亩均税收15万元。\n"
        "一季度，新签约项目9个。"
    )
    got = extract(text, dt.date(2023, 4, 20))
    assert [(i.text, i.period) for i in got] == [
        ("12%", "2023-Q1"), ("52亿元", "2023-Q1"), ("15万元", "2022"), ("9个", "2023-Q1")
    ]
    annual = "2022年年报：2022年，公司实现营业收入52亿元。全年净利润3.1亿元。"
    assert extract(annual, dt.date(2023, 4, 20))[-1].period == "2022"
    # (a review of last year out in April that names it once: still of last year)
    review = "全县经济稳中向好\n2022年，全县地区生产总值286亿元。全年新增市场主体5200户。"
    assert [i.period for i in extract(review, dt.date(2023, 4, 10))] == ["2022", "2022"]


def test_the_day_of_a_visit_is_no_period_of_a_projects_size():
    text = "5月15日，在总投资106亿元的城北光伏玻璃项目施工现场，400余名工人正忙着生产。"
    assert [i.period for i in extract(text, PUB)] == [None, "asof:2023-05-15"]


def test_what_an_early_year_meeting_demands_is_of_the_year_it_plans():
    text = (
        "全县经济工作会议召开\n会议指出，2022年，全县实现地区生产总值286亿元。全年新增市场主体5200户。\n"
        "会议要求，力争全年新增规上工业企业25家以上，全年安排重点项目96个。"
    )
    got = extract(text, dt.date(2023, 1, 18))
    assert [(i.text, i.period) for i in got] == [
        ("286亿元", "2022"), ("5200户", "2022"), ("25家以上", "2023"), ("96个", "2023")
    ]


def test_a_tie_between_the_years_in_a_january_review_goes_to_last_year():
    text = "2022年，全市新增就业6.3万人。全年发放创业担保贷款23亿元。2023年，全市将力争新增就业6万人。"
    assert [i.period for i in extract(text, dt.date(2023, 1, 16))][:2] == ["2022", "2022"]


def test_periods_of_a_work_report():
    text = (
        "过去五年,全县地区生产总值年均增长7.8%。新的一年,主要预期目标:地区生产总值增长8%左右。\n"
        "2022年,全县将新开工项目50个以上。力争规上工业营业收入达到600亿元。"
    )
    got = extract(text, dt.date(2022, 1, 8))
    assert [(i.text, i.period) for i in got] == [
        ("7.8%", "2017-01/2021-12"), ("8%左右", "2022"), ("50个以上", "2022"), ("600亿元", "2022")
    ]


def test_what_happened_by_a_cutoff_is_a_flow_since_january_and_what_stands_a_stock():
    text = "截至10月底，高新区今年已引进项目23个，合同投资额112亿元，同比增长12%；在建项目16个。"
    got = extract(text, dt.date(2020, 11, 10))
    assert [(i.text, i.period) for i in got[:3]] == [
        ("23个", "2020-01/2020-10"), ("112亿元", "2020-01/2020-10"), ("12%", "2020-01/2020-10")
    ]
    assert got[3].period != "2020-01/2020-10"  # 在建项目16个: what stands, not what happened
    assert first("至今,该区已完成新建农贸市场3个。").period == "asof:2023-10"  # (至今: a stock, no cut-off)


def test_this_year_after_a_cutoff_is_the_cutoffs_year():
    got = extract("截至9月底,全市高新技术企业达到812家,今年新增95家;科技型中小企业1430家。", PUB)
    assert [i.period for i in got] == ["asof:2023-09", "2023-01/2023-09", "asof:2023-09"]


def test_a_month_end_compared_with_is_no_period():
    got = extract("10月15日,全市猪肉零售均价为每斤13.2元,比9月底上涨0.6元;鸡蛋每斤5.1元。", PUB)
    assert [i.period for i in got] == ["asof:2023-10-15"] * 3


def test_balances_are_stocks_and_their_change_since_january_a_flow():
    text = "1-2月,全县贷款余额分别为218亿元,同比增长7.8%,比年初增加9.6亿元。"
    got = extract(text.replace("分别为", ""), dt.date(2025, 3, 20))
    assert [(i.text, i.period) for i in got] == [
        ("218亿元", "asof:2025-02"), ("7.8%", "asof:2025-02"), ("9.6亿元", "2025-01/2025-02")
    ]


@pytest.mark.parametrize(
    "text",
    ["截至9月末,全县存款余额412亿元,比年初增加38亿元,增长10.2%。", "截至9月末,全县存款余额412亿元,较年初增长10.2%。"],
)
def test_a_growth_since_january_is_no_yoy_and_a_flow(text: str):
    got = {i.text: i for i in extract(text, PUB)}
    assert got["412亿元"].yoy_pct is None
    assert (got["10.2%"].metric, got["10.2%"].period) == ("存款余额比年初增速", "2023-01/2023-09")


def test_a_growth_after_a_change_since_january_with_its_own_name_keeps_it():
    got = extract("规上企业较年初新增31家,企业亏损面收窄2.1个百分点。", PUB)
    assert "年初" not in got[-1].metric


def test_a_year_ago_in_an_early_year_report_is_last_year():
    assert extract("一年来,全县新签约项目58个。", dt.date(2024, 1, 9))[0].period == "2023"
    assert extract("一年来,全县新签约项目58个。", dt.date(2024, 7, 9))[0].period is None


def test_an_undated_month_end_is_the_latest_one():
    text = "项目自2021年12月开工以来进展顺利。截至6月底,项目累计完成投资54.3亿元。"
    assert extract(text, dt.date(2023, 7, 14))[0].period == "asof:2023-06"


def test_the_end_of_a_rise_does_not_take_its_starts_period():
    got = extract("规上企业由2015年的116家增加到765家。村集体经济收入由2018年的8万元增加到2021年的56万元。", PUB)
    # (765家: how many there are now; 56万元: the year it names)
    assert [(i.period, i.target) for i in got] == [
        ("2015", False), ("asof:2023-10", False), ("2018", False), ("2021", False)
    ]


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("截至8月底,全县森林覆盖率已由2016年的61.2%提高到67.5%。", "asof:2023-08"),
        ("目前,该镇贫困发生率由2015年的9.6%降至1.3%。", "asof:2023-10"),
        ("去年,全区营收由2019年的9亿元增加到31亿元。", "2022"),
        ("去年,全区营收由2019年的9亿元跃升至31亿元。", "2022"),
    ],
)
def test_the_end_of_a_rise_takes_the_period_before_its_start(text: str, period: str):
    start, end = extract(text, PUB)
    assert end.metric == start.metric
    assert (start.period, end.period) == (text[text.index("由") + 1 : text.index("由") + 5], period)


def test_the_year_a_rise_starts_from_dates_only_its_start():
    text = (
        "去年,全县规上工业营收由2016年的86亿元增加到215亿元,年均增长20.1%;税收由4.2亿元增加到9.6亿元。"
        "全县新增高新技术企业38家。"
    )
    got = {i.text: i for i in extract(text, PUB)}
    assert got["86亿元"].period == "2016"
    assert {got[t].period for t in ("215亿元", "9.6亿元", "38家")} == {"2022"}
    assert got["4.2亿元"].period == "2016"  # (a rise beside it that names no years: over the same years)
    assert got["20.1%"].period == "2017-01/2022-12"  # a yearly mean over the years of the rise
    assert got["215亿元"].metric == got["86亿元"].metric


def test_a_level_to_come_after_a_rise_has_no_period():
    got = extract("明年二期投产后,年产能将由现在的300万件提升到520万件。", PUB)
    assert (got[-1].period, got[-1].target) == (None, True)


def test_a_plans_run_of_figures_in_its_sentence_are_targets():
    text = "今年我市计划改造城镇老旧小区120个，涉及居民1.2万户、建筑面积约98万平方米。"
    assert all(i.target for i in extract(text, PUB))
    text = "今年全县计划新建充电桩500个，目前已建成320个。"
    assert [i.target for i in extract(text, PUB)] == [True, False]


def test_progress_against_a_plan_is_no_target():
    assert not extract("完成投资18亿元,超年度计划12.4个百分点。", PUB)[-1].target


def test_the_plan_a_share_is_of_is_not_its_period():
    ind = extract("1-8月,全县税收12亿元,完成年度预算的81.3%。", PUB)[-1]
    assert (ind.metric, ind.period) == ("税收完成年度预算进度", "2023-01/2023-08")


def test_progress_against_a_plan_whose_amount_is_named_inside():
    text = "1—9月，全县税收收入完成28.4亿元，完成全年31.5亿元目标任务的90.2%，比序时进度快15.2个百分点。"
    got = {i.text: i for i in extract(text, PUB)}
    share, ahead, plan = got["90.2%"], got["15.2个百分点"], got["31.5亿元"]
    assert (share.metric, share.period, share.target) == ("税收收入完成全年目标进度", "2023-01/2023-09", False)
    assert (ahead.period, ahead.target) == ("2023-01/2023-09", False)
    assert (plan.period, plan.target) == ("2023", True)
    text = "上半年，全县列入年度计划的86个重点项目完成投资52亿元，占全年计划投资90亿元的57.8%。"
    got = {i.text: i for i in extract(text, PUB)}
    assert not got["86个"].target and not got["52亿元"].target
    assert (got["57.8%"].metric, got["57.8%"].period) == ("重点项目完成投资占全年计划比重", "2023-H1")
    # (a share of a level whose name holds 预算 is no progress against a budget)
    got = {i.text: i for i in extract("其中民生支出68亿元，占一般公共预算支出的80.1%。", PUB)}
    assert got["80.1%"].metric == "民生支出占一般公共预算支出比重"


def test_a_period_end_followed_by_another_period_phrase():
    # a regression: the period-end rule overwrote the end of the text being read, and the next phrase crashed
    got = extract("截至三季度末，全县贷款余额320亿元，今年以来新增贷款28亿元。", PUB)
    assert [i.period for i in got] == ["asof:2023-09", "2023-01/2023-10"]


def test_comparison_base_is_not_the_period():
    ind = first("今年1-6月营收20亿元,比去年同期增长5%。")
    assert ind.period == "2023-01/2023-06"


def test_period_carries_within_paragraph_only():
    text = "2022年,全县营收20亿元。全县税收3亿元。\n全县人口35万。"
    got = extract(text, PUB)
    assert [i.period for i in got] == ["2022", "2022", None]


def test_a_reports_headline_period_covers_its_paragraphs_that_name_none():
    text = (
        "一季度全县用电量增长8%\n记者从县供电公司获悉，一季度，全县用电量12亿千瓦时。\n"
        "分行业看，工业用电量7亿千瓦时。\n去年，全县新增企业30家。"
    )
    got = extract(text, PUB)
    assert [(i.text, i.period) for i in got] == [
        ("8%", "2023-Q1"), ("12亿千瓦时", "2023-Q1"), ("7亿千瓦时", "2023-Q1"), ("30家", "2022")
    ]


def test_a_year_written_bare_in_a_headline_is_the_reports():
    text = "数说南康2024\n1月18日，南康区召开经济工作会议。2025年，该区将力争增长6%左右。\n【5.8%】地区生产总值增速"
    got = {i.text: i.period for i in extract(text, dt.date(2025, 1, 21))}
    assert got["5.8%"] == "2024"


def test_a_headline_without_one_period_carries_none():
    feature = "园区建设热火朝天\n上半年，园区营收20亿元。\n园区有企业30家。"
    assert [i.period for i in extract(feature, PUB)] == ["2023-H1", None]
    two = "去年和今年一季度全县用电量双增长\n上半年，园区营收20亿元。\n园区有企业30家。"
    assert extract(two, PUB)[-1].period is None


@pytest.mark.parametrize("headline", ["城东大道预计10月底建成通车", "新车型将于今年第四季度推向市场"])
def test_a_period_a_headline_says_is_to_come_is_no_reports_period(headline: str):
    text = f"{headline}\n记者在施工现场看到，项目全长6.8公里，总投资18.6亿元。\n园区有企业30家。"
    assert {i.period for i in extract(text, PUB) if i.text != "30家"} == {None}


def test_subject_anaphor_resolves_to_zone():
    text = "上饶经开区是省级开发区。今年前三季度,该区实现营收300亿元。"
    assert first(text).subject == "上饶经开区"


def test_subject_city_words_resolve_to_paper_city():
    text = "赣州加快发展。今年,全市新增规上企业80家。"
    assert first(text).subject == "赣州市"


def test_this_city_after_a_county_level_city_is_that_city():
    text = "赣州加快发展。瑞金市位于赣州东部。今年该市新签约项目12个。"
    assert first(text).subject == "瑞金市"


def test_city_words_fall_back_to_the_papers_city_when_none_is_named():
    text = "今年以来,全市新增市场主体1.2万户。"
    assert first(text).subject is None
    assert extract(text, PUB, home_city="上饶市")[0].subject == "上饶市"
    named = "赣州加快发展。今年,全市新增规上企业80家。"
    assert extract(named, PUB, home_city="上饶市")[0].subject == "赣州市"  # the text wins


def test_city_words_in_an_article_about_a_county_level_city_mean_that_city():
    text = "瑞金市加快工业发展。今年,全市新增规上企业18家。瑞金市还将新建标准厂房。我市经济向好,全市新增就业1200人。"
    found = extract(text, PUB, home_city="赣州市")
    assert [i.subject for i in found] == ["瑞金市", "瑞金市"]


def test_an_article_naming_only_its_paper_is_about_the_papers_city():
    assert first("今年以来,全市新增市场主体1.2万户。\n来源：赣南日报").subject == "赣州市"


def test_an_article_naming_only_counties_is_about_their_city():
    text = "今年,全市粮食总产量243万吨。\n鄱阳县粮食总产量66万吨，余干县粮食总产量58万吨。鄱阳县居全省第一。"
    assert [i.subject for i in extract(text, PUB)][:3] == ["上饶市", "鄱阳县", "余干县"]
    both = "今年,全市粮食总产量243万吨。鄱阳县、信丰县粮食丰收。"
    assert extract(both, PUB)[0].subject is None  # counties of both cities: no city to infer


def test_unnamed_figures_of_an_article_about_a_county_are_the_countys():
    text = "玉山县工业经济稳步向好\n今年以来,玉山县坚持项目为王。\n规模以上工业企业达到156家。"
    assert extract(text, PUB, home_city="上饶市")[0].subject == "玉山县"
    passing = "全市工业经济稳步向好。\n项目落户玉山县。\n规模以上工业企业达到1560家。"
    assert extract(passing, PUB, home_city="上饶市")[0].subject == "上饶市"  # named once: not the topic


def test_subject_company_named_in_sentence():
    text = "今年上半年,江西某某光电科技有限公司实现产值5亿元。"
    assert first(text).subject == "江西某某光电科技有限公司"


def test_subject_project_after_investment():
    ind = first("总投资20亿元的智能装备产业园项目开工。")
    assert ind.subject == "智能装备产业园项目"
    assert ind.metric == "项目总投资"


@pytest.mark.parametrize(
    "text",
    [
        "某某集团投资6亿元建设年产3万吨新型建材项目。",
        "某某公司投资6亿元在弋阳县新建新型建材项目。",
        "某某公司投资6亿元打造年产3万吨新型建材项目。",
    ],
)
def test_a_project_named_after_its_investment_keeps_neither_the_verb_nor_the_capacity(text: str):
    assert [i.subject for i in extract(text, PUB) if i.text == "6亿元"] == ["新型建材项目"]


def test_a_word_of_time_before_gongsi_is_no_company_name():
    text = "江西某某电机有限公司落户该区。目前公司有员工520人。"
    assert [i.subject for i in extract(text, PUB)] == ["江西某某电机有限公司"]


def test_a_year_or_a_threshold_before_cun_is_no_village():
    text = (
        "“今年村里的脐橙卖了80万元，今年村里的蜜桔卖了60万元。”\n"
        "集体收入10万元以上的村有40个，20万元以上的村有12个；东坑村、西坑村各有合作社2家，东坑村、西坑村都通了水泥路。"
    )
    assert article_context(text).villages == {"东坑", "西坑"}


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("城东快速路项目起于火车站，全长12.5公里，总投资8.6亿元。", "城东快速路项目"),
        ("签约的年产2GW光伏电池片项目，总投资15亿元。", "年产2GW光伏电池片项目"),
    ],
)
def test_subject_project_a_sentence_opens_with(text, subject):
    assert [i.subject for i in extract(text, PUB) if i.kind != "capacity"] == [subject] * text.count("，")


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("全县接待游客120万人次；龟峰景区接待游客38万人次。", "龟峰景区"),
        ("赣州国际陆港开行中欧班列506列。", "赣州国际陆港"),
        ("假期期间上饶站发送旅客87万人次。", "上饶站"),
        ("2021年，南康家具产业集群产值达2360亿元。", "南康家具产业集群"),
        ("赣州港进出口集装箱量达到7.8万标箱。", "赣州港"),
        ("赣州西站日均开行动车组列车86列。", "赣州西站"),
        ("假期，龟峰风景名胜区接待游客38万人次。", "龟峰风景名胜区"),
        ("假期，江南宋城历史文化旅游区接待游客38万人次。", "江南宋城历史文化旅游区"),  # a name of 8 characters
        ("大余钨矿今年生产钨精矿1.2万吨。", "大余钨矿"),
    ],
)
def test_a_named_site_is_the_subject_of_its_figures(text, subject):
    assert extract(text, PUB)[-1].subject == subject


def test_gaihang_points_back_at_the_bank_and_gaihangye_at_no_one():
    text = "信丰县金融服务持续优化。\n赣南某某农商银行扎根县域。今年一季度，该行新发放普惠小微贷款12.4亿元。"
    got = extract(text, PUB)
    assert [(i.subject, i.metric) for i in got] == [("赣南某某农商银行", "新发放普惠小微贷款")]
    text = "某某电机有限公司落户信丰县。该行业去年新增企业12家。"
    assert [i.subject for i in extract(text, PUB)] != ["某某电机有限公司"]


@pytest.mark.parametrize(
    ("text", "span", "subject"),
    [
        ("会昌县某某脐橙专业合作社成立于2014年。这家合作社目前有社员168户。", "168户", "会昌县某某脐橙专业合作社"),
        ("江西某某电子有限公司落户龙南。投产后公司年营收将突破20亿元。", "20亿元", "江西某某电子有限公司"),
        (
            "江西某某铜业集团有限公司是一家员工4300余人的铜基新材料企业集团。前三季度，集团实现营业收入168.6亿元。",
            "168.6亿元", "江西某某铜业集团有限公司",
        ),
        ("某某集团旗下江西某某电工科技有限公司实现营收120亿元。", "120亿元", "江西某某电工科技有限公司"),
        ("另一家子公司江西某某家居有限公司今年产值4.6亿元。", "4.6亿元", "江西某某家居有限公司"),
        ("“还有江西某某化工有限公司，去年纳税2.8亿元。”", "2.8亿元", "江西某某化工有限公司"),
        ("某某铜材是某某集团（以下简称某某集团）的起家企业。去年，某某集团营收168亿元。", "168亿元", "某某集团"),
        ("江西某某铜材有限公司今年生产铜杆24.6万吨，产量占集团铜杆总产量的八成。", "八成", "江西某某铜材有限公司"),
        ("五一假期，虔城某某购物中心客流量达到42.6万人次。", "42.6万人次", "虔城某某购物中心"),
        ("望仙谷景区假期接待游客38.5万人次，夜间消费额占景区总收入的45.6%。", "45.6%", "望仙谷景区"),
        # (what goes through a site, or reaches a share of its capacity, is named before it: no site's name)
        ("龟峰景区单日接待游客2.6万人次，达到景区最大承载量的七成。", "七成", "龟峰景区"),
        ("上饶三清山机场去年旅客吞吐量105万人次，其中经机场进出的游客约占五成。", "五成", "上饶三清山机场"),
    ],
)
def test_what_stands_before_a_company_or_site_word_but_is_no_name(text: str, span: str, subject: str):
    assert [i.subject for i in extract(text, PUB) if i.text == span] == [subject]


def test_a_parent_named_to_place_a_subsidiary_is_not_what_its_figures_are_of():
    text = (
        "上犹县某某光电有限公司（以下简称某某光电）车间里，8条生产线满负荷运转。\n"
        "某某光电是广州某某控股集团股份有限公司的全资子公司。今年1至9月，公司实现营业收入5.2亿元。"
    )
    assert [i.subject for i in extract(text, PUB) if i.text == "5.2亿元"] == ["某某光电"]
    text = "会昌某某材料成立于2018年，是厦门某某科技集团有限公司在赣州设立的生产基地。去年，公司产值8.6亿元。"
    assert [i.subject for i in extract(text, PUB) if i.text == "8.6亿元"] != ["厦门某某科技集团有限公司"]


def test_a_registered_name_is_shortened_without_its_generic_last_word():
    text = (
        "在位于信丰县的江西某川新能源科技有限公司车间里，工人们正在组装电池包。\n"
        "某川新能源去年营业收入12亿元。某川新能源今年新上2条产线，公司产值预计增长三成。"
    )
    got = {i.text: i.subject for i in extract(text, PUB)}
    assert got["12亿元"] == "某川新能源" and got["三成"] == "某川新能源"


def test_a_site_the_headline_names_is_the_storys_subject():
    text = (
        "前三季度上饶某某陆港发运集装箱增长两成\n"
        "本报广丰讯 记者从上饶某某陆港获悉，前三季度，发运集装箱8.6万标箱，同比增长21.4%。"
    )
    got = {i.text: i.subject for i in extract(text, PUB)}
    assert got["8.6万标箱"] == got["21.4%"] == got["两成"] == "上饶某某陆港"


def test_a_zone_named_by_its_countys_short_and_full_name_is_one_zone_by_the_full_name():
    text = (
        "弋阳工业园区项目建设提速\n"
        "日前，记者走进弋阳县工业园区。今年1—5月，园区新签约项目12个，合同资金38.5亿元。"
    )
    got = {i.text: i.subject for i in extract(text, PUB)}
    assert got["12个"] == got["38.5亿元"] == "弋阳县工业园区"


def test_the_project_whose_site_the_story_visits_is_what_its_anaphor_names():
    text = (
        "在兴国至宁都高速公路兴国段的施工现场，三台摊铺机正在作业。该项目全线长86公里，总投资约92亿元。"
        "在鄱阳县珠湖大堤加固工程现场，8台挖掘机正在培厚堤身。这项工程加固堤线21.5公里，总投资3.2亿元。"
    )
    got = {i.text: i.subject for i in extract(text, PUB)}
    assert got["三台"] == got["86公里"] == got["92亿元"] == "兴国至宁都高速公路兴国段"
    assert got["21.5公里"] == got["3.2亿元"] == "鄱阳县珠湖大堤加固工程"


def test_a_county_named_in_full_then_by_its_short_name_at_a_clauses_head():
    text = "瑞金市发展红色旅游。\n瑞晶电子落户瑞金经开区。\n截至3月底，瑞金拥有红色培训机构68家。"
    got = {i.text: i for i in extract(text, PUB)}
    assert (got["68家"].subject, got["68家"].metric) == ("瑞金市", "红色培训机构数")
    # (a short name inside a longer word is none: 瑞金电子信息产业 names the industry)
    assert [i.metric for i in extract("瑞金市发展红色旅游。瑞金电子信息产业集聚企业57家。", PUB)] == [
        "瑞金电子信息产业集聚企业数"
    ]


def test_places_of_a_list_of_figures_each_take_their_own():
    text = "1-3月，全市新开工亿元以上项目146个，其中鄱阳县24个、余干县19个。"
    got = {i.text: (i.subject, i.metric) for i in extract(text, PUB)}
    assert got["19个"] == ("余干县", "新开工亿元以上项目数") and got["24个"][0] == "鄱阳县"
    for ranking in ("分列第一、二位", "分居全市第一、二位"):
        ranked = extract(text.replace("。", f"，{ranking}。"), PUB)
        assert [(i.text, i.subject) for i in ranked if i.kind == "rank"] == [("第一", "鄱阳县"), ("二位", "余干县")]


def test_the_county_of_a_dateline_is_what_its_quanxian_means():
    text = (
        "本报宁都讯 今年以来,全县脐橙产业实现产值18.6亿元。据介绍,赣橙果业公司今年销售脐橙1.2万吨。"
        "全县果园面积达36万亩。"
    )
    got = {i.text: i.subject for i in extract(text, PUB)}
    assert got["18.6亿元"] == "宁都县" and got["36万亩"] == "宁都县"


def test_a_company_or_cooperative_named_after_its_county_and_not_a_verb_phrase():
    text = (
        "田埂上，万年县绿源水稻种植专业合作社理事长正拿着手机拍照，准备发到合作社的客户群里。"
        "合作社现有社员210户，流转土地1800亩。"
    )
    got = {i.text: i.subject for i in extract(text, PUB)}
    assert got["210户"] == got["1800亩"] == "万年县绿源水稻种植专业合作社"
    got = {i.text: i.subject for i in extract("我市A股上市公司增至9家。", PUB)}
    assert got["9家"] != "股上市公司"
    text = "万年县绿源水稻种植专业合作社成立于2015年。入社后，稻种、农药合作社统一供，合作社今年收购稻谷900吨。"
    assert {i.subject for i in extract(text, PUB)} == {"万年县绿源水稻种植专业合作社"}  # (not 农药合作社)
    text = "江西赣新客车有限公司今年交付客车860辆。明年公司将投资2亿元新建一条生产线。"
    assert {i.subject for i in extract(text, PUB)} == {"江西赣新客车有限公司"}


def test_a_city_story_listing_several_zones_is_the_citys():
    text = (
        "全市电子信息产业营收增长12%\n\n今年一季度，赣州市电子信息产业营收586亿元。全市规上企业612家。\n\n"
        "分区域看，赣州经开区、龙南经开区、信丰高新区营收分别为168亿元、102亿元和86亿元。其中，龙南经开区增速最快。\n\n"
        "分领域看，智能终端营收216亿元。全市新签约项目46个。"
    )
    got = {i.text: i.subject for i in extract(text, PUB)}
    assert got["216亿元"] == got["46个"] == "赣州市"


def test_a_base_after_its_place_is_a_site_and_what_its_anaphor_means():
    text = (
        "宁都县引进江西远达新材料集团建设生产基地。宁都基地规划用地500亩，总投资20亿元。"
        "该基地一期项目已投产。基地年产能将达到3万吨。全县建成各类生产基地12个。"
    )
    got = {i.text: i.subject for i in extract(text, PUB)}
    assert got["500亩"] == got["3万吨"] == "宁都基地"
    assert got["12个"] != "宁都基地"


@pytest.mark.parametrize(
    ("text", "span", "subject"),
    [
        ("今年61岁的果农刘长生一边采摘一边算账，他家种了15亩脐橙，今年能卖8万多元。", "15亩", "刘长生"),
        ("社员吴春花去年种了20亩白莲，收入6万多元。", "6万多元", "吴春花"),
        ("种粮大户邱建国流转土地500亩。", "500亩", "邱建国"),
    ],
)
def test_an_ordinary_persons_own_figures_are_theirs(text: str, span: str, subject: str):
    assert {i.text: i.subject for i in extract(text, PUB)}[span] == subject


def test_an_official_speaks_for_the_company():
    text = "江西衡远智能装备有限公司技术负责人、今年36岁的饶志鹏介绍，车间改造投入3800万元。"
    assert {i.text: i.subject for i in extract(text, PUB)}["3800万元"] != "饶志鹏"


def test_a_cooperative_by_the_short_name_the_story_uses():
    text = (
        "瑞金市叶坪乡红井脐橙专业合作社成立于2016年。\n“去年红井脐橙合作社卖脐橙860吨。”理事长说。"
        "红井脐橙合作社现有社员126户。"
    )
    assert {i.text: i.subject for i in extract(text, PUB)}["126户"] == "红井脐橙合作社"


def test_a_town_named_after_a_family_and_a_list_after_qizhong():
    text = "在李家乡，村村都有了产业。该乡去年村集体经济收入增长18%。"
    assert [i.subject for i in extract(text, PUB)] == ["李家乡"]
    text = "全市居民人均可支配收入增长6.8%，其中寻乌县、安远县增速居全市前二，分别增长7.9%、7.6%。"
    got = {i.text: i.subject for i in extract(text, PUB)}
    assert (got["7.9%"], got["7.6%"]) == ("寻乌县", "安远县")


def test_subdistricts_are_places_of_a_list():
    got = {i.text: i.subject for i in extract("水南街道、沙石镇新开工项目分别为6个和4个。", PUB)}
    assert got == {"6个": "水南街道", "4个": "沙石镇"}


def test_a_list_of_places_opening_the_sentence_takes_its_fenbie_figures():
    text = "于都县、兴国县和宁都县是全市纺织服装的主产区，上半年纺织服装产业营收分别达到96亿元、41亿元和23亿元。"
    got = {i.text: i.subject for i in extract(text, PUB)}
    assert [got[t] for t in ("96亿元", "41亿元", "23亿元")] == ["于都县", "兴国县", "宁都县"]


@pytest.mark.parametrize(
    ("text", "span", "subject", "metric"),
    [
        # the places listed before a top N, in its clause or opening a clause before it, share it
        ("上半年，德兴市、万年县出口额增速分列全市前两位。", "前两位", "德兴市、万年县", "出口额增速全市排名"),
        (
            "从各地看，铅山县、玉山县、弋阳县分别增长9.1%、8.7%和8.2%，位居全市前三。", "前三",
            "铅山县、玉山县、弋阳县", None,
        ),
        # or listed right after it
        ("税收收入排名前两位的是信州区、广丰区。", "前两位", "信州区、广丰区", "税收收入排名"),
    ],
)
def test_a_top_n_of_as_many_listed_places_is_theirs(text: str, span: str, subject: str, metric: str | None):
    got = {i.text: i for i in extract(text, PUB)}
    assert got[span].subject == subject
    if metric:
        assert got[span].metric == metric


def test_a_top_n_needs_as_many_places_as_it_ranks():
    got = {i.text: i for i in extract("德兴市、万年县出口额增速均进入全市前三。", PUB)}
    assert got["前三"].subject != "德兴市、万年县"


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("德兴市新开工项目9个。其中，5亿元以上项目4个，投资42.3亿元。", "42.3亿元"),
        ("全市省大中型项目186个，完成投资128.5亿元。", "128.5亿元"),
        ("该区又引进了年产15GW光伏边框、年产2万吨光伏胶膜等项目，总投资30亿元。", "30亿元"),
    ],
)
def test_a_kind_of_project_is_no_project_subject(text: str, span: str):
    assert all("项目" not in (i.subject or "") for i in extract(text, PUB) if i.text == span)


def test_what_drove_a_count_is_not_its_subject_and_shang_xia_you_is_no_qualifier():
    text = "赣州经开区新能源汽车产业加速集聚。在驰远电机的带动下，今年以来已有5家上下游配套企业落户。"
    [got] = extract(text, PUB)
    assert (got.text, got.qualifier, got.subject, got.metric) == ("5家", None, "赣州经开区", "上下游配套企业数")


def test_an_events_story_gives_its_figures_to_the_event_by_its_fullest_name():
    text = (
        "上饶（深圳）招商推介会签约项目36个\n"
        "5月21日，2024上饶（深圳）数字经济与先进制造业招商推介会在深圳举行。推介会现场共签约项目36个，"
        "总投资412.6亿元。\n本届推介会还发布了投资机会清单120项。"
    )
    event = "2024上饶（深圳）数字经济与先进制造业招商推介会"
    got = extract(text, dt.date(2024, 5, 22))
    assert {i.subject for i in got} == {event}
    assert [i.metric for i in got if i.text == "36个"] == ["签约项目数", "签约项目数"]


def test_a_long_events_name_keeps_its_year_whole():
    text = "6月3日，2022年赣州市夏季大型人才招聘会暨章贡区就业援助专场招聘会举行。招聘会提供岗位5600余个。"
    [got] = extract(text, dt.date(2022, 6, 4))
    assert got.subject == "2022年赣州市夏季大型人才招聘会暨章贡区就业援助专场招聘会"  # (not 22年…)


def test_an_events_headline_figures_are_of_the_month_its_lead_dates():
    text = (
        "2023婺源秋季乡村文化旅游节暨农特产品展销会落幕\n\n5天吸引游客41.6万人次 现场签约18.3亿元\n"
        "本报讯 10月28日,为期5天的2023婺源秋季乡村文化旅游节暨农特产品展销会在婺源县江湾镇落下帷幕。"
    )
    got = extract(text, dt.date(2023, 10, 30))
    assert {(i.period, i.subject) for i in got} == {("2023-10", "2023婺源秋季乡村文化旅游节暨农特产品展销会")}


def test_a_ceremony_is_no_event_and_a_bare_event_word_names_none():
    text = "德兴市举行2018年第二批工业项目集中签约仪式，共签约工业项目9个。该区还将举办2场专题推介会。"
    assert {i.subject for i in extract(text, PUB)} == {"德兴市"}


def test_a_mine_named_after_its_place_and_its_anaphor():
    text = "德兴市推进铜产业升级。德兴铜矿是露天铜矿。前三季度，该矿生产铜精矿含铜10.9万吨。"
    assert [i.subject for i in extract(text, PUB)] == ["德兴铜矿"]


def test_a_kind_of_site_or_a_counted_kind_of_company_is_no_name():
    text = "弋阳县旅游市场火爆。\n国庆假期，弋阳县旅游持续升温。重点景区人气旺盛。假期，接待游客38万人次。"
    assert [i.subject for i in extract(text, PUB)] == ["弋阳县"]
    text = "东坑村种脐橙。东坑村成立了3家专业合作社。“村集体经济收入达到32万元。”村支书说。"
    assert [i.subject for i in extract(text, PUB) if i.text == "32万元"] == ["东坑村"]


def test_a_site_carries_through_its_paragraph_and_its_anaphors():
    text = "赣州黄金机场完成旅客吞吐量268万人次；货邮吞吐量7856吨。目前，该机场共开通航线57条。"
    assert [i.subject for i in extract(text, PUB)] == ["赣州黄金机场"] * 3
    scenic = "三清山景区接待游客32万人次。大年初五当天，景区单日接待游客达到4.8万人次。"
    assert [i.subject for i in extract(scenic, PUB)] == ["三清山景区"] * 2


@pytest.mark.parametrize(
    ("text", "metric"),
    [("全县农民专业合作社达1200家。", "农民专业合作社数"), ("力争产业集群营收突破500亿元。", "产业集群营收")],
)
def test_kinds_of_cooperative_or_cluster_are_no_subject(text, metric):
    assert (first(text).subject, first(text).metric) == (None, metric)


@pytest.mark.parametrize("text", ["各大景区接待游客30万人次。", "4A级景区接待游客30万人次。", "全县新建充电站120座。"])
def test_kinds_of_site_are_no_subject(text):
    assert extract(text, PUB)[-1].subject is None


def test_a_town_and_its_anaphors():
    text = (
        "江湾镇位于婺源县东部。国庆假期，江湾镇接待游客28.6万人次。截至9月底，全镇共有民宿326家。\n"
        "民宿带动就业2100人。"
    )
    assert [i.subject for i in extract(text, PUB)] == ["江湾镇"] * 3


@pytest.mark.parametrize("text", ["推进新型城镇化，全县城镇人口达12万人。", "全县有特色小镇8个。"])
def test_kinds_of_town_are_no_town(text):
    assert all(i.subject is None for i in extract(text, PUB))


def test_a_villages_story_and_its_cooperative():
    text = (
        "湖塘村位于弋阳县。2018年，村里成立了湖塘白茶专业合作社。\n"
        "去年，合作社实现销售收入380万元。湖塘村村集体经济收入达56万元。\n全村新修产业路6.5公里。"
    )
    assert [i.subject for i in extract(text, PUB)] == ["湖塘白茶专业合作社", "湖塘村", "湖塘村"]
    assert first("投入140万元建设茶叶加工厂，年加工能力30吨。").subject is None  # 万元建设…工厂: no name


def test_a_village_named_twice_is_a_subject():
    text = "湖塘村位于弋阳县东部。湖塘村村集体经济收入达56万元。"
    assert first(text).subject == "湖塘村"
    assert first("乡村振兴加快推进。农村居民收入增长8%。").subject is None


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("今年以来，信丰农商银行累计发放贷款52亿元。", "信丰农商银行"),
        ("湖塘白茶专业合作社年销售额达300万元。", "湖塘白茶专业合作社"),
        ("鄱万高速全长58.6公里，总投资79.8亿元。", "鄱万高速"),
    ],
)
def test_banks_cooperatives_and_roads(text, subject):
    assert first(text).subject == subject


def test_a_township_and_its_anaphor():
    text = "在大鄣山乡，茶农们正忙着采摘。全乡茶园面积达3.2万亩。"
    assert first(text).subject.endswith("山乡")
    assert first("回到家乡创业，带动就业50人。").subject is None


def test_what_is_counted_at_a_projects_site_and_its_anaphor():
    text = (
        "总投资28亿元的城北磁材项目二期建设现场，十余台塔吊同时作业。"
        "该项目建成后，可形成年产1.5万吨磁材的生产能力。"
    )
    assert [i.subject for i in extract(text, PUB)] == ["城北磁材项目"] * 3


def test_a_groups_story_and_its_plant():
    text = (
        "金隆集团:从一块矿到一条链\n9月13日,金隆集团新工厂将于今年10月投产,满产后可年产稀土永磁材料1.5万吨。\n"
        "金隆集团是我市稀土龙头企业。2021年,集团实现营业收入86.2亿元。\n全市稀土企业340余家。"
    )
    got = extract(text, dt.date(2022, 9, 14))
    assert [(i.text, i.subject[:4], i.period, i.target) for i in got[:2]] == [
        ("1.5万吨", "金隆集团", None, True), ("86.2亿元", "金隆集团", "2021", False)
    ]
    assert got[2].subject is None  # 全市 in an article that never names its city: not the group's


@pytest.mark.parametrize(
    "text",
    ["全长96.8公里的安远至定南高速公路总投资128.5亿元。", "国道G323线瑞金绕城段改建工程全长21.4公里,总投资9.6亿元。"],
)
def test_roads_named_before_or_after_their_sizes(text):
    subjects = {i.subject for i in extract(text, PUB)}
    assert len(subjects) == 1 and subjects.pop().endswith(("高速公路", "工程"))


def test_a_company_anaphor_points_at_the_company_named_earlier_in_its_sentence():
    text = "江西丰远新材料有限公司是洋口镇的纳税大户,今年上半年,公司实现营业收入15.8亿元。"
    assert first(text).subject == "江西丰远新材料有限公司"


def test_a_project_labelled_before_a_colon_is_named_after_it():
    text = "汇能磁材项目:江西汇能稀土永磁材料项目总投资12.6亿元,今年2月开工。"
    assert first(text).subject == "江西汇能稀土永磁材料项目"


def test_what_a_project_yields_once_done_is_the_projects():
    text = "总投资30亿元的城南纺织产业园项目建成后年产值50亿元，可提供就业岗位3000个，全市纺织产值将达200亿元。"
    assert [i.subject for i in extract(text, PUB)][:3] == ["城南纺织产业园项目"] * 3
    assert extract(text, PUB)[3].subject != "城南纺织产业园项目"  # after 全市: the city's


@pytest.mark.parametrize(
    "text",
    ["此次集中开工项目共有20个，总投资91.8亿元。", "新开工项目35个，完成投资68亿元。", "光伏等项目总投资20亿元。"],
)
def test_a_group_of_projects_is_no_subject(text):
    assert all(i.subject is None or "项目" not in i.subject for i in extract(text, PUB))


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("一般贸易进出口70亿元，占全县外贸总值的76.6%。", "一般贸易进出口占全县外贸总值比重"),
        ("一般公共预算收入16亿元，增长1.3%，税收占比71.2%。", "税收占一般公共预算收入比重"),
        ("全县财政支出58亿元，增长5%；其中民生支出48亿元，占比82.2%。", "民生支出占财政支出比重"),
        ("全县车流量185万辆次，日均4.6万辆次，其中小型客车占比达92%。", "小型客车占车流量比重"),
        ("主导产业营收占工业营收比重达82.9%。", "主导产业营收占工业营收比重"),
        ("光伏产业营收866.4亿元，占全区规上工业营收的比重达到68.2%。", "光伏产业营收占全区规上工业营收比重"),
        ("景区接待游客156.4万人次，夜间消费占总消费的比重达58%。", "夜间消费占总消费比重"),
    ],
)
def test_share_metrics_name_part_and_whole(text, metric):
    assert [i.metric for i in extract(text, PUB) if i.kind == "share"] == [metric]


@pytest.mark.parametrize(
    ("text", "metrics"),
    [
        ("全区高新技术企业由2018年的35家增至今年的128家。", ["高新技术企业数", "高新技术企业数"]),
        ("全县A级景区增至26个。", ["A级景区数"]),
        ("全县规上企业增至312家，比去年底增加14家。", ["规上企业数", "规上企业比去年底增加数"]),
        ("全县精深加工产品占比提升至35%。", ["精深加工产品占比"]),
        ("规上工业企业达到312家，其中上半年新增17家。", ["规上工业企业数", "新增规上工业企业数"]),
        ("公司研发团队由最初的3人扩大到如今的46人。", ["研发团队人数", "研发团队人数"]),
        ("网络零售额同比增长6.8%，但环比下降3.4%。", ["网络零售额增速", "网络零售额环比增速"]),
        ("1. 地区生产总值：２０１５．３亿元，同比增长５．１％。", ["地区生产总值", "地区生产总值增速"]),
        ("研发人员达到1150人，约占员工总数的18%。", ["研发人员数", "研发人员数占员工数比重"]),
    ],
)
def test_levels_reached_and_changes_since_year_end(text, metrics):
    assert [i.metric for i in extract(text, PUB)] == metrics


def test_a_shuoshuo_line_names_its_bracketed_figure_after_it():
    got = extract("【4606.2亿元】去年全市地区生产总值,同比增长4.7%。\n【8.3%】去年规上工业增加值增速。", PUB)
    assert [(i.text, i.metric, i.period, i.yoy_pct, i.kind) for i in got] == [
        ("4606.2亿元", "地区生产总值", "2022", 4.7, "amount"),
        ("4.7%", "地区生产总值增速", "2022", None, "growth"),
        ("8.3%", "规上工业增加值增速", "2022", None, "growth"),
    ]


def test_what_a_figure_stands_for_after_yi_de():
    assert first("该企业以12.5亿元的营收位居全县第一。").metric == "营收"


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("全县实现规上工业增加值45亿元。", "规上工业增加值"),
        ("全县固定资产投资增长9%。", "固定资产投资增速"),
        ("全区拥有12家高新技术企业。", "高新技术企业数"),
    ],
)
def test_metric_names(text, metric):
    assert first(text).metric == metric


def test_catalogue_is_data_with_unique_names():
    cat = load_metric_catalogue()
    assert len(cat) >= 30
    names = [n for m in cat for n in (m.name, *m.synonyms)]
    assert len(names) == len(set(names))
    assert {m.base_unit for m in cat} <= {"CNY", "USD", "percent", "count", "GW", "m2", "mu", "km", "other", "rank",
                                          "tonne"}


@pytest.mark.parametrize(
    ("name", "mid"),
    [
        ("规上工业增加值", "industrial_value_added_above_scale"),
        ("规模以上工业增加值增速", "industrial_value_added_above_scale"),
        ("固投", "fixed_asset_investment"),
        ("社会消费品零售总额", "retail_sales"),
        (None, None),
        ("某种说不清的东西", None),
        # comparisons and averages are no value of the metric: joined to its series they would conflict with it
        ("贷款余额比年初增速", None),
        ("旅游收入较2019年增速", None),
        ("营业收入相当于上年倍数", None),
        ("日均接待游客人数", None),
        ("地区生产总值增速比上半年加快", None),
        ("规上工业增加值增速高于全省", None),
        ("出口额年均增速", None),
        # words that only name the subject or the year: a value of the metric itself
        ("全县营业收入", "revenue"),
        ("兴国县规上工业增加值增速", "industrial_value_added_above_scale"),
        ("经开区主营业务收入", "revenue"),
        ("年末人民币存款余额", "deposits"),
        # a name that only contains a catalogue name is another measure: its own entry, or none
        ("涉农贷款余额", "agricultural_loans"),
        ("脐橙产业贷款余额", None),
        ("农村居民人均可支配收入增速", "rural_per_capita_disposable_income"),
        ("亩均税收", "tax_per_mu"),
        ("非税收入", "non_tax_revenue"),
        ("研发投入占营收比重", None),
        ("工业投资占全部投资比重", None),
        ("营业收入环比增速", None),  # (a month-on-month rate: not the year-on-year series of 营业收入增速)
        ("社会消费品零售总额增速全市排名", None),
        ("新签约项目投资额门槛", None),
    ],
)
def test_canonical_metric_id(name, mid):
    assert canonical_metric_id(name) == mid


def test_every_catalogue_name_maps_to_its_own_metric():
    for metric in load_metric_catalogue():
        for name in (metric.name, *metric.synonyms):
            assert canonical_metric_id(name) == metric.metric_id, name


def test_version_string():
    assert EXTRACTOR_VERSION and isinstance(EXTRACTOR_VERSION, str)


def test_offsets_index_the_input_as_given():
    text = "<p>2021年，全县营收１２亿元。</p>\n\n全县税收3亿元"
    for ind in extract(text, PUB):
        assert text[ind.start : ind.end] == ind.text
        assert text[ind.sentence_start : ind.sentence_end] == ind.sentence


def test_an_annual_report_published_early_next_year_reports_on_that_year():
    text = "2023年全县国民经济和社会发展统计公报\n全年全县地区生产总值312亿元。\n年末常住人口51.2万人。"
    assert [i.period for i in extract(text, dt.date(2024, 3, 20))] == ["2023", "asof:2023-12"]
    later = "全年全县地区生产总值312亿元。"
    assert extract(later, dt.date(2024, 3, 20))[0].period == "2024"  # no sign of an earlier year


def test_a_company_story_gives_its_figures_to_the_company():
    text = (
        "晶科能源发布年报。\n2023年公司实现营业收入1186.8亿元,归属于上市公司股东的净利润74.4亿元。\n"
        "2024年第一季度公司实现营业收入240.8亿元。\n晶科能源股价报8.75元。"
    )
    assert {i.subject for i in extract(text, dt.date(2024, 4, 30), home_city="上饶市")} == {"晶科能源"}


def test_companies_in_general_are_not_the_company_named_before():
    text = "晶科能源落户上饶。晶科能源带动发展。\n今年全市新增公司1200家。"
    assert extract(text, PUB, home_city="上饶市")[-1].subject == "上饶市"


def test_a_short_company_name_written_twice_heads_its_clauses():
    text = "某某光学去年营收增长27.4%。\n上饶经开区举行签约仪式。今年1-3月，某某光学实现营收9.86亿元。"
    assert {i.subject for i in extract(text, PUB)} == {"某某光学"}


def test_a_company_named_in_full_is_recognised_by_its_short_name():
    text = "江西永铜铜业有限公司位于铅山县。\n今年1-10月,永铜铜业完成产值91亿元。"
    found = extract(text, PUB, home_city="上饶市")
    assert (found[0].subject, found[0].metric) == ("永铜铜业", "产值")


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("上饶高铁经济试验区去年实现营业收入218亿元。", "上饶高铁经济试验区"),
        ("万年县凤巢工业区现有入园企业228家。", "万年县凤巢工业区"),
        ("铅山县工业园区今年新增规上企业12家。", "铅山县工业园区"),
    ],
)
def test_zones_with_long_names(text, subject):
    assert first(text).subject == subject


def test_a_countys_park_by_its_full_name_is_the_subject_of_its_figures():
    text = (
        "铅山工业园区项目建设提速\n本报讯 走进铅山县工业园区，一片繁忙。今年，铅山县工业园区新引进项目18个。"
        "园区规上工业企业实现营业收入96亿元。"
    )
    assert {i.subject for i in extract(text, PUB)} == {"铅山县工业园区"}


def test_a_span_an_ordinal_counts_within_dates_no_figure():
    text = "这是今年以来全县第2家新三板挂牌企业。全县新三板挂牌企业增至9家。"
    assert extract(text, PUB)[-1].period != "2023-01/2023-10"


def test_a_market_a_paragraph_opens_at_is_what_this_market_points_back_at():
    text = "在宜春路农产品批发市场，菜商正在卸货。该市场日均交易蔬菜860吨，白菜批发价每斤0.9元。"
    assert {i.subject for i in extract(text, PUB)} == {"宜春路农产品批发市场"}  # (not 该市 + 场: the city)
    text = "在距离景区十多公里的工业园，机器轰鸣。园区今年新增企业12家。"
    assert all(i.subject != "距离景区" for i in extract(text, PUB))


@pytest.mark.parametrize(
    ("pub", "period"),
    [(dt.date(2019, 9, 26), "2019-10"), (dt.date(2019, 9, 5), "2018-10"), (dt.date(2019, 10, 9), "2019-10")],
)
def test_a_holiday_named_late_in_the_month_before_it_is_the_coming_one(pub: dt.date, period: str):
    assert extract("国庆假期，全市预计接待游客680万人次。", pub)[0].period == period


def test_a_sentence_opening_with_the_same_period_last_year_gives_that_periods_figures():
    text = "国庆假期，全县接待游客86万人次，同比增长12%。去年同期，全县共接待游客76.8万人次。"
    got = extract(text, dt.date(2019, 10, 8))
    assert [(i.metric, i.period) for i in got][-1] == ("接待游客(上年同期)", "2018-10")


def test_a_bare_park_at_the_head_of_a_clause_is_the_park_named_before():
    text = "上饶数字产业园于2020年开园。江西信远科技有限公司去年营收1.2亿元。今年，园区计划新引进企业20家以上。"
    assert extract(text, PUB)[-1].subject == "上饶数字产业园"
    text = "全市工业园区规上企业达到860家。"
    assert extract(text, PUB)[0].subject != "上饶数字产业园"


def test_places_listed_after_qizhong_before_fenbie_are_the_subjects():
    text = "全市各县（市、区）进度不一，其中信丰县、安远县、大余县分别完成年度计划的71.2%、68.4%和66.9%。"
    assert [i.subject for i in extract(text, PUB)][-3:] == ["信丰县", "安远县", "大余县"]


def test_a_company_named_after_the_zone_it_stands_in():
    text = "在上饶经开区江西晶驰电机科技有限公司的车间里，工人正在装配。晶驰电机今年营收12亿元。"
    assert {i.subject for i in extract(text, PUB)} <= {"晶驰电机", "江西晶驰电机科技有限公司"}
    text = "在上饶经开区江西晶驰电机科技有限公司的车间里，工人正在装配。晶驰电机签下了3.2亿元的海外订单。"
    assert [i.metric for i in extract(text, PUB)] == ["海外订单"]


def test_a_bank_keeps_its_word_in_its_short_name():
    text = (
        "瑞金农商银行贷款余额突破90亿元\n\n"
        "截至6月末，江西瑞金农商银行各项贷款余额90.6亿元。该行今年新发放贷款21亿元。"
    )
    assert extract(text, PUB)[-1].subject == "瑞金农商银行"  # (该行: not 瑞金农商)


def test_a_quote_said_by_a_person_named_before_is_theirs_unless_they_speak_for_a_body():
    text = "在罗坳镇，村民钟春林家屋顶的光伏板闪闪发亮。“装了15千瓦，去年卖电收入7000多元。”钟春林说。"
    assert {i.subject for i in extract(text, PUB)} == {"钟春林"}
    text = (
        "今年48岁的钟春林是本地人。公司董事长钟春林一边查看数据一边说：“今年订单很多。”"
        "“去年公司产值3.6亿元。”钟春林说。"
    )
    assert extract(text, PUB)[-1].subject != "钟春林"


def test_a_citys_central_district_is_a_subject_of_its_own():
    text = "1—2月，上饶中心城区商品房销售面积42.6万平方米。截至3月底，中心城区商品房库存61.2万平方米。"
    got = extract(text, dt.date(2023, 4, 2), "上饶市")
    assert [(i.metric, i.subject) for i in got] == [
        ("商品房销售面积", "上饶市中心城区"), ("商品房库存", "上饶市中心城区")
    ]
    assert extract("全市中心城区以外的乡镇新增企业120家。", PUB, "上饶市")[0].subject == "上饶市"


def test_a_countys_story_that_names_its_zone_once_is_the_countys():
    text = (
        "崇义工业开局良好\n\n"
        "3月9日,在崇义高新区江西鼎泰机械有限公司的车间里,工人正在赶制订单。\n\n"
        "记者从崇义县工信局获悉,1至2月,全县规上工业营业收入36.2亿元。崇义县新签约项目11个。\n\n"
        "从行业看,机械制造业实现营业收入12.4亿元。"
    )
    assert extract(text, PUB)[-1].subject != "鼎泰机械"  # the county's (not the company named in the lead)
    assert article_context(text).main_subject == "崇义县"


def test_an_age_after_jinnian_is_no_period():
    assert first("今年61岁的果农刘水生种了脐橙42亩。").period is None
    assert first("今年,果农刘水生种了脐橙42亩。").period == "2023"


def test_a_headline_figure_is_at_the_month_end_its_lead_opens_with():
    text = "崇义县经营主体突破5万户\n\n本报讯 截至8月底,全县实有经营主体5.12万户,同比增长6.1%。"
    assert [i.period for i in extract(text, PUB)][:2] == ["asof:2023-08", "asof:2023-08"]
    dated = "崇义县经营主体突破5万户\n\n本报讯 今年以来,全县新增经营主体6000户。"
    assert extract(dated, PUB)[0].period is None  # (a lead that opens with a flow dates no stock)


def test_the_total_a_count_came_to_over_a_span_is_a_stock_at_its_end():
    found = extract("今年以来,全县新增家庭农场52家,总数达到640家。", PUB)
    assert [i.period for i in found] == ["2023-01/2023-10", "asof:2023-10"]
    found = extract("“十三五”期间,全县规上工业企业增至210家。", PUB)
    assert found[0].period == "asof:2020-12"


def test_a_city_is_inferred_from_two_of_its_counties_named_short():
    text = "全市接待游客1.1亿人次。宁都翠微峰景区、石城通天寨景区游人如织。"
    assert extract(text, PUB)[0].subject == "赣州市"
    both = "全市接待游客1.1亿人次。宁都翠微峰景区、婺源篁岭景区游人如织。"
    assert extract(both, PUB)[0].subject is None  # (one county of each city: no city)


def test_a_clause_giving_the_year_before_is_of_that_year_and_dates_nothing_after_it():
    found = extract("2023年,全县固定资产投资增长6.2%,上年为下降1.8%;其中工业投资增长9.5%。", PUB)
    assert [(i.text, i.period) for i in found] == [("6.2%", "2023"), ("1.8%", "2022"), ("9.5%", "2023")]


def test_a_press_conference_is_no_event_its_figures_are_of_the_period_released():
    text = (
        "前三季度全县经济稳中向好\n\n"
        "本报讯 10月19日,县政府新闻办举行新闻发布会,通报全县经济运行情况。全县实现地区生产总值212.6亿元。"
    )
    assert extract(text, PUB)[0].period == "2023-01/2023-09"
    signing = "本报讯 10月19日,全县举行重大项目集中签约活动。现场签约项目12个。"
    assert extract(signing, PUB)[0].period == "2023-10"


def test_the_first_quarters_named_early_in_a_year_are_last_years():
    assert first("前三季度,全县地区生产总值增长5.2%。", dt.date(2024, 1, 15)).period == "2023-01/2023-09"
    assert first("前三季度,全县地区生产总值增长5.2%。", dt.date(2023, 10, 25)).period == "2023-01/2023-09"


def test_a_mean_growth_over_years_is_named_after_its_level_and_compared_with_scopes_listed_after():
    text = "前三季度,全县实现地区生产总值286.5亿元,同比增长8.4%,两年平均增长6.1%。同期全省、全国分别增长7.9%和7.2%。"
    found = {i.text: i for i in extract(text, PUB)}
    assert found["6.1%"].metric == "地区生产总值两年平均增速"
    assert [(found[x].metric, found[x].subject) for x in ("7.9%", "7.2%")] == [
        ("地区生产总值增速", "江西省"), ("地区生产总值增速", "全国"),
    ]


def test_a_bank_branch_is_named_with_its_bank_and_said_again_as_zhihang():
    text = "截至9月末,赣信银行瑞金支行各项贷款余额52.4亿元。该支行今年新发放贷款8.6亿元。"
    assert [i.subject for i in extract(text, PUB)] == ["赣信银行瑞金支行", "赣信银行瑞金支行"]
    source = "据人民银行赣州市中心支行统计,截至9月末,全市各项贷款余额8520亿元。"
    assert extract(source, PUB)[0].subject == "赣州市"  # (the central bank's branch: where figures come from)


def test_jichang_at_a_clauses_head_is_the_airport_named_before():
    text = "今年上半年,赣州黄金机场完成旅客吞吐量150万人次。6月份,机场完成旅客吞吐量26.8万人次。"
    assert [i.subject for i in extract(text, PUB)] == ["赣州黄金机场", "赣州黄金机场"]
    port = "今年上半年,赣州国际陆港发运集装箱12万标箱。全市机场旅客吞吐量280万人次。"
    assert extract(port, PUB)[-1].subject != "赣州国际陆港"


@pytest.mark.parametrize(
    ("text", "pub", "period"),
    [
        ("元旦假期,全县接待游客12.6万人次。", dt.date(2019, 1, 5), "2018-12/2019-01"),  # (30 December to 1 January)
        ("元旦假期,全县接待游客12.6万人次。", dt.date(2021, 1, 5), "2021-01"),  # (1 to 3 January)
        ("元旦假期,全县预计接待游客12万人次。", dt.date(2022, 12, 28), "2022-12/2023-01"),  # the coming one
        ("在去年11月至今年4月的销售季,全县销售脐橙8.6万吨。", dt.date(2021, 5, 10), "2020-11/2021-04"),
        ("2019年11月至2020年4月,全县销售脐橙8.6万吨。", dt.date(2021, 5, 10), "2019-11/2020-04"),
        ("暑运期间,赣州站预计发送旅客96万人次。", dt.date(2021, 6, 28), "2021-07/2021-08"),
    ],
)
def test_holidays_and_seasons_over_the_turn_of_a_year_or_a_summer(text: str, pub: dt.date, period: str):
    assert first(text, pub).period == period


def test_how_far_ahead_orders_are_booked_is_no_period():
    text = "一季度，公司实现产值3.2亿元，订单已排到今年10月；公司员工已达960人。"
    assert {i.text: i.period for i in extract(text, dt.date(2023, 4, 20))}["960人"] != "2023-10"


def test_the_shopping_day_of_11_november_and_its_season():
    pub = dt.date(2021, 11, 14)
    got = {i.text: i for i in extract("今年“双11”当天，全县网络零售额2.6亿元，是去年“双11”的1.8倍。", pub)}
    assert got["2.6亿元"].period == "asof:2021-11-11"
    assert (got["1.8倍"].metric, got["1.8倍"].period) == ("网络零售额", "asof:2021-11-11")  # (last year's: a base)
    got = {i.text: i for i in extract("“双十一”期间，全县快递业务量1860万件，同比增长12.5%。", pub)}
    assert (got["1860万件"].period, got["1860万件"].metric) == ("2021-11", "快递业务量")
    text = "今年‘双11’期间(11月1日至11日)，基地销售农特产品1.2亿元。"
    assert first(text, dt.date(2022, 11, 15)).period == "2022-11"
    # (how early stock was laid in is no period)
    assert first("“我们提前一个月备货，仓库里有20多名员工。”", pub).period != "2021-01"


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("3月中旬开采以来,合作社已收购鲜叶4.2万斤。", "2023-03/2023-10"),
        ("自2021年3月开工以来,项目累计完成投资22.8亿元。", "2021-03/2023-10"),
    ],
)
def test_since_a_month_with_what_started_then(text: str, period: str):
    assert first(text).period == period


def test_the_growths_listed_after_an_expected_growth_are_targets_too():
    text = "今年全县地区生产总值预期增长7%左右,规上工业增加值增长8%以上,固定资产投资增长11%。"
    assert [i.target for i in extract(text, PUB)] == [True, True, True]
    done = "去年全县地区生产总值增长7.1%,规上工业增加值增长8.2%,预计今年增长9%,固定资产投资增长11%。"
    assert [i.target for i in extract(done, PUB)] == [False, False, True, True]


def test_a_plan_looked_back_on_is_its_span():
    text = "回顾“十三五”,全县财政总收入由12.6亿元增加到18.4亿元。"
    assert [i.period for i in extract(text, PUB)] == ["2015", "2020"]


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        (
            "上半年,瑞金市规上工业增加值增长9.8%,增速列赣州各县（市、区）第3位。",
            "规上工业增加值增速赣州各县（市、区）排名",
        ),
        ("去年,于都县服装网络零售额102.6亿元,居全省县（市、区）第一位。", "服装网络零售额全省县（市、区）排名"),
        ("去年,玉山县在全省工业高质量发展考核中位列县（市、区）第15位。", "全省工业高质量发展考核县（市、区）排名"),
        (
            "2022年,该县亩均税收15.6万元,在全省工业园区综合考评中排名由2015年的第78位上升到第29位。",
            "全省工业园区综合考评排名",
        ),
    ],
)
def test_a_rank_among_a_citys_or_the_provinces_counties_is_the_places_own(text: str, metric: str):
    rank = [i for i in extract(text, PUB) if i.kind == "rank"][-1]
    assert rank.metric == metric
    assert rank.subject not in ("赣州市", "上饶市")


def test_xianli_is_the_county_and_no_name_of_a_bank():
    text = "信丰县今年新增贷款30亿元。县里组织银行机构办理延期还本付息128笔。"
    assert [i.subject for i in extract(text, PUB)] == ["信丰县", "信丰县"]


def test_a_company_named_in_full_after_its_place_then_by_its_first_and_last_two_characters():
    text = "在赣州骐瑞新能源汽车有限公司总装车间,工人正忙。骐瑞汽车今年生产整车2.86万辆。公司员工2600余人。"
    assert {i.subject for i in extract(text, PUB)} == {"骐瑞汽车"}


def test_xiangmu_at_a_clauses_head_is_the_project_whose_site_the_story_is_at():
    text = (
        "在上饶经开区江西鼎盛光电科技有限公司二期项目施工现场,6台塔吊同时作业。“项目总投资32亿元。”鼎盛光电负责人说。"
    )
    assert [i.subject for i in extract(text, PUB)] == ["鼎盛光电二期项目", "鼎盛光电二期项目"]
    kinds = "全市实施基础设施项目、社会民生项目。项目总投资1200亿元。"
    assert extract(kinds, PUB)[0].subject != "社会民生项目"  # (a kind of project, no site)
    assert first("全市省级“5G+工业互联网”项目数62个。").subject is None  # (a kind: no 项目 at a clause's head)


def test_a_year_a_figure_is_said_to_pass_is_a_comparison_base():
    text = "1—9月,园区营业收入386.4亿元,已超过去年全年总量;财政总收入14.96亿元。"
    assert [i.period for i in extract(text, PUB)] == ["2023-01/2023-09", "2023-01/2023-09"]


def test_a_company_known_by_its_first_two_and_its_product_and_a_project_whose_workshop_the_story_is_in():
    text = "上饶锦程新能源商用车有限公司今年投产。锦程商用车目前整车年产能8万辆。"
    assert extract(text, PUB)[-1].subject == "锦程商用车"
    text = "走进江西铜晟新材料有限公司高精度铜板带项目车间,8台熔铸机正在运转。铜晟新材料负责人介绍了情况。"
    assert first(text).subject == "铜晟新材料高精度铜板带项目"


def test_a_plans_breakdown_and_what_is_still_to_be_done_are_targets():
    text = "今年,全县计划种植粮食作物52.6万亩,其中早稻21.8万亩。"
    assert [i.target for i in extract(text, PUB)] == [True, True]
    assert first("“今年订单多,年底前还要再招300名缝纫工。”").target is True


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("全县社会消费品零售总额235.6亿元,总量约占全市的14.2%。", "社会消费品零售总额占全市比重"),
        ("全县进出口总额82.6亿元,我县进出口占全市的11.6%。", "进出口占全市比重"),
        ("技术人员约占员工总数的18%。", "技术人员占员工数比重"),
        ("减税降费6.82亿元,占总额的36.9%。", "减税降费占总额比重"),
    ],
)
def test_a_share_names_its_part_and_its_whole_without_the_qualifier(text: str, metric: str):
    assert [i.metric for i in extract(text, PUB) if i.kind == "share"] == [metric]


def test_a_growth_higher_than_the_provinces_by_points_names_the_growth():
    text = "全县出口38.9亿元,增长40.2%,出口增速比全省高8.6个百分点。"
    assert extract(text, PUB)[-1].metric == "出口增速高于全省"


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("电子信息、食品加工两大产业分别实现营收46亿元和30亿元。", ["两大"]),
        ("全面启动暨20大项目集中开工活动。", ["20大"]),
        ("紧扣“三大战略、八大行动”。", []),
        ("打好三大攻坚战。", []),
        ("该产业仍是全县第一大产业。", []),
    ],
)
def test_a_group_of_named_kinds_is_counted_and_a_slogan_is_not(text: str, counted: list[str]):
    assert [i.text for i in extract(text, PUB) if i.unit == "大"] == counted


def test_two_years_and_some_run_from_the_third_january_back():
    assert first("两年多来,园区新引进项目45个。").period == "2021-01/2023-10"
    assert first("两年来,园区新引进项目45个。").period == "2022-01/2023-10"


def test_a_change_over_the_year_before_last_of_last_years_level_is_its_yoy():
    found = extract("去年,公司产品均价为每吨6.8万元,比前年下降了约两成。", PUB)
    assert found[0].yoy_pct == -20


def test_what_we_are_to_push_this_year_is_a_target():
    found = extract("“今年我们要推动产业集群总产值突破2600亿元。”", PUB)
    assert (found[0].metric, found[0].target) == ("产业集群总产值", True)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("饶丰汇超市:把菜篮子开进社区\n\n饶丰汇今年门店增至68家。饶丰汇员工2300余人。", "饶丰汇"),
        ("饶州里夜市街区全长860米,有各类商户186家。", "饶州里夜市街区"),
    ],
)
def test_supermarkets_streets_and_channels_that_are_no_bank(text: str, subject: str):
    assert extract(text, PUB)[-1].subject == subject
    assert first("刘先生在手机银行上申请了一笔30万元的贷款。").subject != "手机银行"


def test_the_month_orders_are_booked_up_to_dates_nothing():
    assert first("“订单已经排到了4月份,开工第一周就发出了26个标箱。”", dt.date(2023, 2, 10)).period != "2023-04"


def test_the_ten_livelihood_projects_are_a_programmes_name():
    assert extract("扎实办好十件民生实事。", PUB) == []
    assert [i.text for i in extract("固投160.2亿元,四项指标均列全省第一方阵。", PUB)][:2] == ["160.2亿元", "四项"]


@pytest.mark.parametrize(
    ("text", "metric"),
    [("车间里,十几条生产线昼夜不停。", "生产线数"), ("60余台焊接机器人火花四溅。", "焊接机器人数")],
)
def test_what_is_seen_of_counted_things_is_no_part_of_their_name(text: str, metric: str):
    assert first(text).metric == metric


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("“上半年我们出货1260万片。”", "出货量"),
        ("上半年累计下线整车7420辆。", "整车下线量"),
        ("一季度我们出货车载镜头1860万颗。", "车载镜头出货量"),
    ],
)
def test_a_quantity_shipped_or_rolled_off_the_line(text: str, metric: str):
    assert first(text).metric == metric


def test_a_level_of_township_is_no_towns_name():
    got = extract("在石塘乡,新建成的乡级污水处理厂日处理能力达到800吨。", PUB)
    assert got[0].subject == "石塘乡"


def test_who_founded_a_cooperative_is_no_part_of_its_name():
    text = "前年，罗家村村民牵头成立葛根种植专业合作社。今年，合作社销售葛粉42吨。"
    assert extract(text, PUB)[0].subject == "葛根种植专业合作社"


def test_one_of_several_projects_is_named_without_its_count():
    text = "在章贡区，总投资18亿元的一个新型电子材料项目已于6月投产。"
    assert extract(text, PUB)[0].subject == "新型电子材料项目"


def test_gai_qu_in_a_districts_story_is_the_district_after_a_word_on_its_zone():
    text = (
        "信州区项目建设提速\n上半年，信州区完成固定资产投资62亿元。信州经开区新建厂房12万平方米。\n"
        "上半年，该区帮助企业招工3200余人。"
    )
    assert extract(text, PUB, home_city="上饶市")[-1].subject == "信州区"


def test_a_company_shortened_to_its_words_initials():
    text = (
        "赣通精锻订单排到年底\n本报讯 走进江西赣通精密锻造有限公司，车间一片繁忙。"
        "赣通精锻今年1至8月实现产值3.2亿元，公司员工达到460人。"
    )
    assert {i.subject for i in extract(text, PUB)} == {"赣通精锻"}


def test_a_headline_figure_the_body_states_again_is_of_the_bodys_period():
    text = "全县油茶林面积达到42.6万亩\n\n本报讯 2023年，全县油茶林面积达到42.6万亩，油茶产值18亿元。"
    got = {(i.text, i.start < text.index("本报")): i for i in extract(text, dt.date(2024, 1, 20))}
    assert got[("42.6万亩", True)].period == got[("42.6万亩", False)].period == "2023"


def test_a_headline_figure_keeps_its_own_period():
    text = "前三季度全县油茶产值12亿元\n\n本报讯 2023年，全县油茶产值12亿元，油茶林面积42.6万亩。"
    got = [i for i in extract(text, dt.date(2023, 10, 20)) if i.text == "12亿元"]
    assert got[0].period == "2023-01/2023-09"


def test_a_company_another_works_around_is_not_the_subject():
    text = "今年以来，龙南经开区紧紧围绕江西骏腾光电有限公司，先后引进配套企业9家。"
    assert [i.subject for i in extract(text, dt.date(2024, 5, 20))] == ["龙南经开区"]


def test_a_ratio_of_balances_stands_at_the_periods_end():
    text = "一季度，全县金融机构存贷比为81.2%，不良贷款率为1.35%。"
    assert [i.period for i in extract(text, dt.date(2024, 4, 20))] == ["asof:2024-03", "asof:2024-03"]


@pytest.mark.parametrize(
    "text",
    [
        "椒农李满堂今年种了12亩辣椒，一亩能挣4000多元。",
        "种粮大户黄德顺站在田埂上说，今年种了260亩晚稻。",
    ],
)
def test_a_growers_own_figures_are_his(text):
    got = extract(text, dt.date(2024, 8, 20))
    assert got and all(i.subject in ("李满堂", "黄德顺") for i in got)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("村里把800亩耕地流转给江西禾丰生态农业有限公司种植红芽芋。", "江西禾丰生态农业有限公司"),
        ("这批货来自玉山恒彩工厂，订单排到了年底。", "玉山恒彩工厂"),
    ],
)
def test_a_companys_name_starts_after_a_verb_of_where_things_go(text, name):
    from pipelines.domain.indicators.subjects import _company_names

    assert [found for found, _ in _company_names(text, 0, len(text))] == [name]


def test_a_bare_project_opening_a_clause_is_the_project_named_before():
    text = (
        "兴国经开区引进了总投资36亿元的高端磁材项目。项目全部达产后，可实现年产值48亿元，新增就业岗位900个。"
    )
    got = {i.text: i for i in extract(text, dt.date(2024, 3, 12))}
    assert got["48亿元"].subject == got["900个"].subject == got["36亿元"].subject
