"""Comparisons with a named earlier year, multiples, and metric names cleaned of qualifiers and adverbs
(extractor 2026.11.26-23): short sentences of our own."""

from __future__ import annotations

import datetime as dt

import pytest

from pipelines.domain.indicators import extract

PUB = dt.date(2024, 6, 30)


def by_text(text: str, pub: dt.date = PUB):
    return {i.text: i for i in extract(text, pub)}


def test_base_year_level_has_its_year_and_no_yoy():
    got = by_text("2023年,该县电子信息产业营收达到410亿元,比2017年的96亿元增长了3倍多。")
    base = got["96亿元"]
    assert (base.metric, base.period, base.yoy_pct) == ("电子信息产业营收", "2017", None)
    assert got["410亿元"].period == "2023"


def test_growth_in_multiples_since_a_named_year_is_a_multiple_not_a_yearly_growth():
    got = by_text("2023年,该县电子信息产业营收达到410亿元,比2017年的96亿元增长了3倍多。")
    multiple = got["3倍多"]
    assert (multiple.kind, multiple.base_unit, multiple.value_base) == ("other", "other", 3)
    assert multiple.qualifier == "over"
    assert multiple.metric == "电子信息产业营收较2017年增长倍数"
    assert multiple.period == "2023"  # the level's year, not the base's
    assert got["410亿元"].yoy_pct is None


def test_growth_in_multiples_over_a_year_stays_a_growth():
    got = by_text("去年该企业出口额1.2亿美元,比上年增长1倍。")
    assert (got["1倍"].kind, got["1倍"].value_base) == ("growth", 100)
    assert got["1.2亿美元"].yoy_pct == 100


def test_growth_in_multiples_over_several_years():
    got = by_text("2023年该园区技工贸收入58亿元,8年间增长了12倍。")
    assert (got["12倍"].kind, got["12倍"].metric) == ("other", "技工贸收入8年间增长倍数")


@pytest.mark.parametrize(
    ("text", "span", "metric", "period"),
    [
        ("全年接待游客达420万人次,是2016年的五倍。", "五倍", "接待游客相当于2016年倍数", "2024"),
        ("上半年发电量13亿千瓦时,相当于去年全年的1.6倍。", "1.6倍", "发电量相当于上年全年倍数", "2024-H1"),
        ("今年全县快递业务量8200万件,已相当于2020年的210%。", "210%", "快递业务量相当于2020年比例", "2024"),
    ],
)
def test_multiple_or_ratio_of_a_base_year(text, span, metric, period):
    got = by_text(text)
    assert span in got, list(got)
    assert got[span].metric == metric
    assert got[span].period == period  # the base year (去年全年 too) is no period of the figure: its own is


def test_base_year_of_a_ratio_does_not_carry_on():
    got = by_text("今年全镇农家乐收入960万元,是2018年的4倍。民宿床位新增300张。")
    assert got["4倍"].period == got["300张"].period == "2024"


def test_ratios_listed_after_fenbie_go_with_their_levels():
    got = by_text("2023年,全县发放贷款86亿元、吸收存款214亿元,分别相当于2019年的152%和131%。")
    assert got["152%"].metric == "发放贷款相当于2019年比例"
    assert got["131%"].metric == "吸收存款相当于2019年比例"


@pytest.mark.parametrize(
    ("text", "span", "metric"),
    [
        ("全市专精特新企业达46家,比2020年的18家增加28家。", "28家", "专精特新企业较2020年增加数"),
        ("全区上缴税收9.8亿元,比2019年增长62%。", "62%", "上缴税收较2019年增速"),
        ("国庆假期民宿预订量比2019年同期多了四成。", "四成", "民宿预订量较2019年同期增速"),
    ],
)
def test_change_since_a_base_year(text, span, metric):
    got = by_text(text)
    assert got[span].metric == metric
    assert got[span].yoy_pct is None


def test_multiple_in_chinese_numerals_only_after_a_verb_of_change():
    got = by_text("该村集体经济收入较2020年的30万元增长了两倍多。")
    assert (got["两倍多"].value_base, got["两倍多"].qualifier) == (2, "over")
    assert not by_text("大家干劲十足、信心百倍。")


@pytest.mark.parametrize(
    ("text", "span", "metric"),
    [
        ("十年前,该县果业产值不足3亿元。", "3亿元", "果业产值"),
        ("那时全县水泥年产能不过80万吨。", "80万吨", "水泥年产能"),
        ("合作社每亩净收入就超过了3000元。", "3000元", "每亩净收入"),
        ("该店上月营业额12万元,本月又实现了15万元。", "15万元", "营业额"),
        ("特困人员供养标准提高到每人每年9600元。", "9600元", "特困人员供养标准"),
        ("全县油茶产量连续6年稳定在2万吨以上。", "2万吨以上", "油茶产量"),
    ],
)
def test_qualifiers_and_adverbs_before_a_figure_are_no_part_of_its_name(text, span, metric):
    got = by_text(text)
    assert span in got, list(got)
    assert got[span].metric == metric


def test_prefix_qualifier_before_le():
    assert by_text("该项目年产值超过了20亿元。")["20亿元"].qualifier == "over"


def test_a_rise_by_a_multiple_of_something_named_is_a_multiple():
    got = by_text("新生产线投用后,包装效率提高了4倍。")
    assert (got["4倍"].kind, got["4倍"].base_unit, got["4倍"].metric) == ("other", "other", "包装效率提高倍数")


def test_a_growth_by_a_multiple_right_after_its_level_is_a_yearly_growth():
    got = by_text("1-9月,全市跨境电商进出口6.2亿元,增长1.6倍。")
    assert (got["1.6倍"].kind, got["1.6倍"].value_base, got["6.2亿元"].yoy_pct) == ("growth", 160, 160)


def test_a_growth_over_a_rise_is_no_yoy():
    got = {i.text: i for i in extract("五年来，全县税收由3.2亿元增加到8.1亿元，增长1.5倍。", PUB)}
    assert got["8.1亿元"].yoy_pct is None
    got = {i.text: i for i in extract("全县税收由去年同期的3.2亿元增加到3.8亿元，同比增长18.8%。", PUB)}
    assert got["3.8亿元"].yoy_pct == 18.8


@pytest.mark.parametrize(
    ("text", "span", "period"),
    [
        ("全镇宽带入户率由去年的64%提高到79.5%。", "64%", "2023"),
        ("该企业研发人员占比由上年的12.4%提升至15%。", "12.4%", "2023"),
        ("园区标准厂房出租率由前年的70%提高到现在的93%。", "70%", "2022"),
        ("全县新能源车渗透率由去年底的21%提高到34%。", "21%", "asof:2023-12"),
        ("为赶订单，该厂工人已从年初的310人增加到450人。", "310人", "asof:2024-01"),
    ],
)
def test_a_rise_from_last_year_starts_in_last_year(text, span, period):
    """由去年的64%提高到79.5%: the start is last year's level (of the publication's year, as 去年 is read anywhere)."""
    assert by_text(text)[span].period == period


def test_a_comparison_with_last_years_level_names_no_period_for_it():
    got = by_text("全镇宽带入户率比去年的64%提高了15.5个百分点。")
    assert got["64%"].period is None


def test_a_change_since_the_years_start_names_no_period_for_its_base():
    got = by_text("全县存款余额较年初的512亿元增加37亿元。")
    assert got["512亿元"].period is None


def test_rises_that_name_no_years_follow_the_one_before_that_named_both():
    """过去五年，…由2018年的…增加到2023年的…；税收由…增加到…: the same five years, in that paragraph only."""
    text = (
        "过去五年，全县工业总产值由2018年的120亿元增加到2023年的210亿元；税收收入由6.2亿元增加到9.8亿元；"
        "规上企业由58家增加到97家。\n\n今年，全县税收收入由去年的9.8亿元增加到10.6亿元。"
    )
    got = extract(text, dt.date(2024, 1, 15))
    periods = {(i.text, i.sentence_start): i.period for i in got}
    first = [p for (t, start), p in periods.items() if start < text.find("\n")]
    assert first == ["2018", "2023", "2018", "2023", "2018", "2023"]
    assert periods[("9.8亿元", text.find("今年"))] == "2023"  # (由去年的: the next paragraph's own year)
