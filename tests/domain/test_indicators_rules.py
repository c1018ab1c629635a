"""Qualifiers, growth, ranges, 分别 lists, ranks, shares, targets: short sentences of our own."""

from __future__ import annotations

import datetime as dt

import pytest

from pipelines.domain.indicators import canonical_metric_id, extract

PUB = dt.date(2024, 6, 30)


def by_text(text: str, pub: dt.date = PUB):
    return {i.text: i for i in extract(text, pub)}


@pytest.mark.parametrize(
    ("text", "span", "qualifier"),
    [
        ("销售额近5000万元。", "5000万元", "under"),
        ("投资约12亿元。", "12亿元", "approx"),
        ("营收超80亿元。", "80亿元", "over"),
        ("利润逾3亿元。", "3亿元", "over"),
        ("入驻企业300余家。", "300余家", "over"),
        ("招聘工人200多人。", "200多人", "over"),
        ("项目投资10亿元以上。", "10亿元以上", "over"),
        ("增幅15%左右。", "15%左右", "approx"),
        ("收入不足5万元。", "5万元", "under"),
        ("新增企业十余家。", "十余家", "over"),
    ],
)
def test_qualifiers(text, span, qualifier):
    got = by_text(text)
    assert span in got, list(got)
    assert got[span].qualifier == qualifier


def test_a_growth_said_of_every_level_of_a_list_and_a_doubling():
    text = "去年，三个村的村集体经济收入分别为32.6万元、28.4万元和41.2万元，均比上年增长一倍以上。"
    got = {i.text: i for i in extract(text, dt.date(2019, 11, 20))}
    assert [got[t].yoy_pct for t in ("32.6万元", "28.4万元", "41.2万元")] == [100, 100, 100]
    assert (got["一倍以上"].value_base, got["一倍以上"].qualifier) == (100, "over")


def test_growth_is_own_record_and_yoy_of_amount():
    got = by_text("今年一季度,该县税收收入12.5亿元,同比增长8.2%。")
    assert got["12.5亿元"].yoy_pct == pytest.approx(8.2)
    g = got["8.2%"]
    assert (g.kind, g.base_unit, g.value_base) == ("growth", "percent", pytest.approx(8.2))


def test_decline_is_negative():
    got = by_text("工业用电量3.1亿千瓦时,同比下降4.5%。")
    assert got["4.5%"].value_base == pytest.approx(-4.5)
    assert got["4.5%"].kind == "growth"


def test_percentage_points():
    got = by_text("研发投入占比提高0.6个百分点。")
    ind = got["0.6个百分点"]
    assert (ind.base_unit, ind.kind, ind.value_base) == ("percentage_point", "growth", pytest.approx(0.6))


def test_month_on_month_stays_out_of_yoy():
    got = by_text("5月份发电量2.4亿千瓦时,环比增长6%。")
    assert got["2.4亿千瓦时"].yoy_pct is None if "2.4亿千瓦时" in got else True
    assert got["6%"].kind == "growth"


def test_net_increase_takes_no_yoy():
    got = by_text("实现营收50亿元,比上年净增6亿元,增长13.6%。")
    assert got["50亿元"].yoy_pct == pytest.approx(13.6)
    assert got["6亿元"].yoy_pct is None


def test_level_after_fall_is_a_share():
    got = by_text("全县失业率降至3.1%。")
    assert got["3.1%"].kind == "share"


def test_range_gives_two_records():
    found = extract("预计产量增长10%-20%。", PUB)
    assert [i.text for i in found] == ["10%", "20%"]
    assert all(i.target for i in found)
    found = extract("每天加班2到3个小时。", PUB)
    assert [(i.text, i.value) for i in found] == [("2", 2), ("3个小时", 3)]
    assert found[0].unit == "个小时"


@pytest.mark.parametrize(
    ("text", "bounds"),
    [
        ("项目总投资约30-50亿元。", [("30", 3e9), ("50亿元", 5e9)]),
        ("房价在6800—7500元之间。", [("6800", 6800), ("7500元", 7500)]),
        ("总投资三十至五十亿元。", [("三十", 3e9), ("五十亿元", 5e9)]),
    ],
)
def test_dash_and_chinese_ranges_give_both_bounds(text, bounds):
    assert [(i.text, i.value_base) for i in extract(text, PUB)] == bounds


def test_range_bounds_share_the_prefix_qualifier():
    assert [i.qualifier for i in extract("项目总投资约30-50亿元。", PUB)] == ["approx", "approx"]


def test_listed_multipliers_take_the_unit_after_the_last_one():
    found = extract("三大景区分别接待游客15.2万、9.8万、6.3万人次。", PUB)
    assert [(i.value_base, i.base_unit, i.unit) for i in found] == [
        (152000, "count", "万人次"), (98000, "count", "万人次"), (63000, "count", "万人次")
    ]
    assert {i.metric for i in found} == {"三大景区接待游客"}


def test_fenbie_list_distributes():
    found = extract("全县出口、进口分别增长12%、15%。", PUB)
    assert [(i.text, i.kind, i.value_base) for i in found] == [("12%", "growth", 12), ("15%", "growth", 15)]
    assert [i.metric for i in found] == ["出口额增速", "进口额增速"]  # (of the 出口额: the trade named as its value)


def test_fenbie_list_of_places_distributes_subjects():
    found = extract("章贡区、南康区、赣县区地区生产总值分别为386.5亿元、412.3亿元和398.7亿元。", PUB)
    assert [(i.subject, i.metric) for i in found] == [
        ("章贡区", "地区生产总值"), ("南康区", "地区生产总值"), ("赣县区", "地区生产总值")
    ]


def test_fenbie_items_narrow_the_metric_after_fenbie():
    found = extract("一产、二产分别实现增加值80亿元、120亿元。", PUB)
    assert [i.metric for i in found] == ["一产增加值", "二产增加值"]


def test_list_shares_prefix_qualifier():
    got = by_text("营收先后突破100亿元、200亿元。")
    assert got["100亿元"].qualifier == "over"
    assert got["200亿元"].qualifier == "over"


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("该区营收增速位列全省第一。", "第一", 1),
        ("综合考评居全市第3位。", "第3位", 3),
        ("主要指标进入全省前三。", "前三", 3),
    ],
)
def test_ranks(text, span, value):
    got = by_text(text)
    assert got[span].kind == "rank"
    assert got[span].base_unit == "rank"
    assert got[span].value_base == value


def test_share_of_city():
    got = by_text("该区外贸额占全市比重达45.5%。")
    assert got["45.5%"].kind == "share"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("力争全年营收突破100亿元。", True),
        ("预计年产值可达30亿元。", True),
        ("项目全面投产后,年产值将达50亿元。", True),
        ("今年的目标是引进项目20个。", True),
        ("去年实现营收100亿元。", False),
    ],
)
def test_targets(text, target):
    found = extract(text, PUB)
    assert found and found[0].target is target


def test_contract_fields_and_order():
    ind = extract("该县财政收入8.8亿元。", PUB)[0]
    d = ind.to_contract()
    assert list(d) == [
        "start", "end", "text", "value", "unit", "value_base", "base_unit", "kind", "metric", "subject",
        "period", "yoy_pct", "qualifier", "target", "sentence",
    ]
    assert d["value"] == 8.8 and d["unit"] == "亿元" and d["value_base"] == 880000000


@pytest.mark.parametrize(
    ("text", "level_span", "change_span", "suffix"),
    [
        ("全区各项贷款余额812.6亿元,比年初增加95.3亿元。", "812.6亿元", "95.3亿元", "比年初增加额"),
        ("该市财政收入48亿元,比上年净增6亿元。", "48亿元", "6亿元", "比上年净增额"),
        ("园区现有规上企业236家,较上年增加31家。", "236家", "31家", "较上年增加数"),
        ("规上工业企业312家,比去年同期新增27家。", "312家", "27家", "比去年同期新增数"),
    ],
)
def test_a_change_is_named_apart_from_its_level(text, level_span, change_span, suffix):
    """比年初增加95亿元 is a change: read as the level's metric it would be a second, conflicting value."""
    got = by_text(text)
    level, change = got[level_span], got[change_span]
    assert level.metric and change.metric == (
        level.metric.removesuffix("数") + suffix
    )
    assert change.yoy_pct is None
    assert canonical_metric_id(change.metric) is None


@pytest.mark.parametrize("base", ["同比", "较上年同期", "比去年同期", "较去年"])
def test_fenbie_growths_name_the_figures_listed_before_them(base: str):
    got = by_text(f"上半年该公司实现营业收入6.4亿元、利润总额0.7亿元,{base}分别增长12%和21%。")
    assert (got["12%"].metric, got["21%"].metric) == ("营业收入增速", "利润总额增速")
    assert (got["6.4亿元"].yoy_pct, got["0.7亿元"].yoy_pct) == (pytest.approx(12), pytest.approx(21))


def test_total_is_kept_in_a_metric_name():
    got = by_text("1至5月,全县外贸进出口总额18.2亿元。")
    assert got["18.2亿元"].metric == "外贸进出口总额"


def test_growth_at_comparable_prices_is_the_yoy_of_the_amount():
    got = by_text("上半年全县实现生产总值（GDP）310.4亿元,按可比价格计算,同比增长5.3%。")
    assert got["310.4亿元"].metric == "生产总值"
    assert got["310.4亿元"].yoy_pct == pytest.approx(5.3)


def test_price_rise_verb_is_not_part_of_the_metric():
    got = by_text("10月份,全市居民消费价格指数同比上涨0.8%。")
    assert got["0.8%"].metric == "居民消费价格指数涨幅"


def test_rank_of_a_growth_rate_names_that_growth():
    got = by_text("前三季度,该区工业投资同比增长21.4%,增速位居全市第一。")
    assert got["第一"].metric == "工业投资增速全市排名"


@pytest.mark.parametrize(
    ("text", "span"),
    [("去年该企业产值9.2亿元,今年有望突破12亿元。", "12亿元"), ("到2026年,力争实现产值30亿元。", "30亿元")],
)
def test_target_words_are_not_part_of_the_metric(text, span):
    got = by_text(text)
    assert got[span].metric == "产值"
    assert got[span].target


def test_province_and_city_growths_each_get_their_subject_and_metric():
    got = by_text("赣州加快发展。今年1—9月,全省规上工业增加值增长5.1%,赣州增长6.3%。")
    assert (got["5.1%"].subject, got["6.3%"].subject) == ("江西省", "赣州市")
    assert got["6.3%"].metric == got["5.1%"].metric == "规上工业增加值增速"


def test_province_as_a_scope_is_not_the_subject():
    got = by_text("上饶经开区的光伏产业是全省8个千亿产业之一,营收增速位居全省第一。")
    assert all(i.subject != "江西省" for i in got.values())


def test_a_currency_conversion_measures_the_same_thing():
    got = by_text("该企业出口额1.2亿美元,约合人民币8.6亿元。")
    assert got["8.6亿元"].metric == got["1.2亿美元"].metric == "出口额"


def test_progress_against_a_plan_is_an_actual_share():
    got = by_text("截至10月底,该县完成固定资产投资52亿元,占年度计划的87%。")
    assert got["87%"].metric == "固定资产投资占年度计划比重"
    assert (got["87%"].kind, got["87%"].target) == ("share", False)


def test_what_a_count_counts_ends_before_a_time_or_an_average():
    got = by_text("全县56家民宿春节假期平均入住率达到82%，120个营位清明前就订满了。")
    assert (got["56家"].metric, got["120个"].metric) == ("民宿数", "营位数")


def test_a_kind_of_project_is_no_project_name():
    got = by_text("该县基础设施项目完成投资8.6亿元；现代服务业项目7个，总投资12亿元。")
    assert got["8.6亿元"].subject is None and got["12亿元"].subject is None
    assert got["8.6亿元"].metric == "基础设施项目完成投资"


def test_a_ranges_lower_end_names_no_project():
    got = by_text("其中投资5亿元至10亿元项目6个。")
    assert got["5亿元"].subject is None and got["10亿元"].subject is None


def test_what_is_done_of_a_plan_is_an_actual():
    got = by_text("今年计划实施的64个重点项目已开工57个，开工率89.1%。")
    assert [got[k].target for k in ("64个", "57个", "89.1%")] == [True, False, False]


@pytest.mark.parametrize(
    ("text", "span", "kind", "value_base"),
    [
        ("全县民营经济占比超过六成。", "六成", "share", 60),
        ("今年以来,该区外贸出口增长近三成。", "三成", "growth", 30),
    ],
)
def test_cheng_is_ten_percent(text, span, kind, value_base):
    got = by_text(text)
    assert (got[span].kind, got[span].base_unit, got[span].value_base) == (kind, "percent", value_base)


def test_cheng_starting_a_word_is_not_a_unit():
    assert by_text("该厂三成员工来自本地,公司成功上市。") == {}


@pytest.mark.parametrize(
    "text",
    [
        "进出口额30.2亿元,环比增长6.5%,同比增长12.1%。",
        "税收收入30.2亿元,占财政总收入的78.2%,同比增长12.1%。",
        "地区生产总值30.2亿元,按不变价格计算,同比增长12.1%。",
    ],
)
def test_yoy_reaches_over_a_month_on_month_growth_a_share_or_a_pricing_note(text):
    got = by_text(text)
    assert got["30.2亿元"].yoy_pct == pytest.approx(12.1)
    assert got["12.1%"].metric == got["30.2亿元"].metric + "增速"


@pytest.mark.parametrize(
    ("text", "level", "change", "suffix"),
    [
        ("工业用地亩均税收18.6万元,较上年提高2.1万元。", "18.6万元", "2.1万元", "较上年提高额"),
        ("生猪收购价每公斤15元,同比上涨2元。", "15元", "2元", "同比上涨额"),
    ],
)
def test_a_rise_in_an_amount_is_a_change_too(text, level, change, suffix):
    got = by_text(text)
    assert got[change].metric == got[level].metric + suffix


@pytest.mark.parametrize(
    "text",
    ["今年该县规上工业增加值增速在全市12个县(市、区)中排名第一。", "上午9时30分,设计时速100公里的高速公路通车。"],
)
def test_the_field_of_a_ranking_times_and_speeds_are_not_figures(text):
    assert all(i.base_unit == "rank" for i in extract(text, PUB))


def test_a_figure_for_a_year_still_to_come_is_a_target():
    got = by_text("计划到2026年,纺织服装产业营业收入突破1000亿元。")
    assert got["1000亿元"].target and got["1000亿元"].period == "2026"


def test_completing_a_target_task_is_an_actual():
    got = by_text("1至5月,完成年度目标任务的52%。")
    assert got["52%"].target is False


def test_growth_by_a_multiple_is_a_percentage():
    got = by_text("今年出口额增长1倍,规模是五年前的3倍。")
    assert (got["1倍"].kind, got["1倍"].base_unit, got["1倍"].value_base) == ("growth", "percent", 100)
    assert (got["3倍"].kind, got["3倍"].base_unit) == ("other", "other")


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("该基地新能源汽车产能达50万辆。", "50万辆"),
        ("电站装机容量120万千瓦。", "120万千瓦"),
        ("项目年产锂电池10GW。", "10GW"),
    ],
)
def test_capacities_are_capacity(text, span):
    assert by_text(text)[span].kind == "capacity"


def test_annual_output_is_not_a_capacity():
    assert by_text("全市粮食年产量120万吨。")["120万吨"].kind != "capacity"


def test_every_item_of_a_list_of_targets_is_a_target():
    found = extract("今年主要预期目标是:地区生产总值增长5.5%左右,固定资产投资增长6%。", PUB)
    assert [i.target for i in found] == [True, True]


def test_a_plans_list_goes_on_past_the_thresholds_in_it():
    found = extract("今年，该县计划新签约5亿元以上项目12个、20亿元以上项目3个，新开工项目26个。", PUB)
    assert {i.text: i.target for i in found} == {"5亿元以上": False, "12个": True, "20亿元以上": False, "3个": True,
                                                 "26个": True}


@pytest.mark.parametrize(
    ("text", "span", "kind", "value_base"),
    [
        ("10月份,规上工业增加值增速回落至3.1%。", "3.1%", "growth", 3.1),
        ("近五年营收年均复合增长率为41.3%。", "41.3%", "growth", 41.3),
        ("全县城镇登记失业率降至3.1%。", "3.1%", "share", 3.1),
    ],
)
def test_a_growth_rate_falling_to_a_level_is_still_a_growth(text, span, kind, value_base):
    got = by_text(text)
    assert (got[span].kind, got[span].value_base) == (kind, value_base)


def test_comparable_basis_fenbie_gives_each_figure_its_yoy():
    got = by_text("接待游客652.8万人次,实现旅游综合收入56.2亿元,按可比口径分别增长71.6%和78.3%。")
    assert (got["652.8万人次"].yoy_pct, got["56.2亿元"].yoy_pct) == (71.6, 78.3)


@pytest.mark.parametrize(("text", "span"), [("为期40天的春运落下帷幕。", "40天"), ("全市经济呈现三个特点。", "三个")])
def test_durations_and_counted_abstractions_are_not_figures(text, span):
    assert span not in by_text(text)


def test_vehicle_trips_are_counted_in_vehicles():
    got = by_text("高速公路车流量1856万辆次。")["1856万辆次"]
    assert (got.kind, got.base_unit, got.value_base) == ("count", "vehicle", 18_560_000)


def test_from_a_to_b_gives_both_levels_the_metric():
    got = by_text("过去五年,全市GDP年均增长6.2%,由2018年的2212亿元增加到去年的3401.2亿元。")
    assert (got["2212亿元"].metric, got["2212亿元"].period) == ("GDP", "2018")
    assert (got["3401.2亿元"].metric, got["3401.2亿元"].period) == ("GDP", "2023")


def test_short_listed_modifiers_share_the_last_items_head_noun():
    found = extract("城镇、农村居民人均可支配收入分别达到45268元、22316元。", PUB)
    assert [i.metric for i in found] == ["城镇居民人均可支配收入", "农村居民人均可支配收入"]


def test_numbered_sections_set_the_year_and_target_lists_run_over_semicolons():
    text = (
        "一、2023年工作回顾\n全年新增城镇就业5.6万人。\n二、2024年主要预期目标\n"
        "今年的主要预期目标是:地区生产总值增长5.5%左右;固定资产投资增长6%;新增城镇就业5万人。"
    )
    found = extract(text, dt.date(2024, 1, 20))
    assert [(i.period, i.target) for i in found] == [("2023", False)] + [("2024", True)] * 3


def test_an_aside_in_brackets_is_skipped_by_the_yoy_and_the_growths_metric():
    got = by_text("货物进出口总额690.3亿元(其中出口568.7亿元,增长3.4%),比上年下降0.8%。")
    assert got["690.3亿元"].yoy_pct == -0.8 and got["0.8%"].metric == "货物进出口总额增速"
    assert got["568.7亿元"].yoy_pct == 3.4


@pytest.mark.parametrize(
    ("text", "span", "metric"),
    [
        ("规上工业营业收入去年为86.2亿元。", "86.2亿元", "规上工业营业收入"),
        ("教育经费总投入(2022年)达到312.8亿元。", "312.8亿元", "教育经费总投入"),
    ],
)
def test_the_metric_may_stand_before_the_period(text, span, metric):
    assert by_text(text)[span].metric == metric


@pytest.mark.parametrize(
    ("text", "span", "metric"),
    [
        ("全县生产总值同比增长4.6%,增速比上半年加快0.3个百分点。", "0.3个百分点", "生产总值增速比上半年加快"),
        ("全县生产总值同比增长4.6%,高于全省平均水平0.5个百分点。", "0.5个百分点", "生产总值增速高于全省平均水平"),
        ("固定资产投资下降2.3%,降幅比1-8月收窄1.1个百分点。", "1.1个百分点", "固定资产投资降幅比1-8月收窄"),
        ("不良贷款率为1.2%,较年初下降0.12个百分点。", "0.12个百分点", "不良贷款率较年初下降"),
        ("全市存贷比为93.9%,同比提高2.8个百分点。", "2.8个百分点", "存贷比同比提高"),
    ],
)
def test_a_change_in_percentage_points_names_the_rate_and_the_comparison(text, span, metric):
    assert by_text(text)[span].metric == metric


def test_a_bare_month_on_month_growth_names_the_indicator():
    got = by_text("9月份规上工业增加值同比增长7.1%,环比增长0.8%。")
    assert got["0.8%"].metric == "规上工业增加值环比增速" and got["0.8%"].yoy_pct is None


@pytest.mark.parametrize(
    ("text", "span", "metric"),
    [
        ("居民消费价格同比上涨1.8%。", "1.8%", "居民消费价格涨幅"),
        ("全市猪肉价格同比下降9.5%,环比上涨2.1%。", "2.1%", "猪肉价格环比涨幅"),
        ("全市猪肉价格同比下降9.5%,环比上涨2.1%。", "9.5%", "猪肉价格涨幅"),
        ("鸡蛋、鲜菜价格分别上涨3.2%、6.5%。", "6.5%", "鲜菜价格涨幅"),
        ("全市CPI同比上涨1.8%,涨幅比上月扩大0.2个百分点。", "0.2个百分点", "CPI涨幅比上月扩大"),
        ("规上工业增加值同比增长7.1%。", "7.1%", "规上工业增加值增速"),
    ],
)
def test_a_prices_change_is_named_its_rise_and_any_other_growth_its_rate(text, span, metric):
    assert by_text(text)[span].metric == metric


@pytest.mark.parametrize(
    ("text", "span", "metric"),
    [
        ("假期期间，鸡蛋每斤5.2元，与节前持平。", "5.2元", "鸡蛋价格(每斤)"),
        ("合作社的一级果收购价每斤3.5元。", "3.5元", "一级果收购价(每斤)"),
        ("全市精瘦肉零售均价为每斤16.5元。", "16.5元", "精瘦肉零售均价(每斤)"),
        ("按照每斤3.2元的收购价格，毛收入能有48万元。", "3.2元", "收购价格(每斤)"),
        ("城区新房均价每平方米6800元，同比上涨2.8%。", "2.8%", "城区新房均价(每平方米)涨幅"),
        ("每晚房价在800元左右。", "800元左右", "每晚房价"),  # (the unit first reads well as written)
        ("每年可产茶油40公斤以上，按每公斤120元算。", "120元", "价格(每公斤)"),  # a price reckoned with
        ("订单价格比市场价每斤高出0.3元。", "0.3元", "订单价格比市场价每斤高出"),  # (a difference, not a price)
    ],
)
def test_a_price_per_unit_is_named_with_its_unit(text, span, metric):
    assert by_text(text)[span].metric == metric


@pytest.mark.parametrize(
    ("text", "span", "metric"),
    [
        ("1—7月全市社零降幅收窄至2.6%", "2.6%", "社会消费品零售总额增速"),
        ("上半年，全市规上工业增加值降幅收窄到1.2%。", "1.2%", "规上工业增加值增速"),
    ],
)
def test_a_decline_narrowed_to_a_rate_is_that_negative_growth(text, span, metric):
    got = by_text(text)[span]
    assert (got.kind, got.value_base, got.metric) == ("growth", -float(span[:-1]), metric)


@pytest.mark.parametrize(
    ("text", "metrics"),
    [
        ("粮油食品类、饮料类、中西药品类零售额分别增长12.6%、8.9%和15.3%。",
         ["粮油食品类零售额增速", "饮料类零售额增速", "中西药品类零售额增速"]),
        ("工业、服务业增加值分别增长6.1%、5.2%。", ["工业增加值增速", "服务业增加值增速"]),
        ("新能源汽车、光伏新能源两大产业用电量分别增长68.2%、42.6%。",
         ["新能源汽车产业用电量增速", "光伏新能源产业用电量增速"]),
    ],
)
def test_a_listed_items_share_the_noun_the_last_one_names(text, metrics):
    assert [i.metric for i in extract(text, PUB) if i.kind == "growth"] == metrics  # (两大: a count of its own)


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("增速方面，玉山县、弋阳县、横峰县位居前三，分别增长6.9%、6.5%、6.2%。", None),
        ("上饶经开区、广信区、弋阳县工业用电量增速位列全市前三，分别为36.2%、21.4%和19.8%。", "工业用电量增速"),
    ],
)
def test_places_listed_with_their_ranking_take_the_figures_after_fenbie(text, metric):
    got = [i for i in extract(text, PUB) if i.unit == "%"]
    assert [i.subject for i in got] == [p for p in ("上饶经开区", "广信区", "玉山县", "弋阳县", "横峰县") if p in text]
    assert {(i.kind, i.metric) for i in got} == {("growth", metric)}


def test_a_mark_passed_between_a_level_and_its_growth_takes_no_yoy():
    got = by_text("去年，全区财政总收入60.38亿元，首次突破60亿元大关，增长7.6%。", dt.date(2024, 1, 17))
    assert (got["60.38亿元"].yoy_pct, got["60亿元"].yoy_pct) == (7.6, None)


def test_a_growth_over_the_year_before_last_is_named_after_its_level():
    text = "“去年我们实现了48.6亿元的营收，比前年增长21.3%。”"
    assert by_text(text, dt.date(2024, 1, 17))["21.3%"].metric == "营收增速"


def test_a_growth_after_a_change_of_it_in_points_is_of_the_same_level():
    text = "1—8月，全市规上工业增加值增长9.4%，增速比1—7月提高0.2个百分点，居全省第3位；8月当月增长9.6%。"
    assert by_text(text)["9.6%"].metric == "规上工业增加值增速"


def test_the_time_a_figure_took_is_no_figure_but_a_duration_is():
    got = by_text("在春季车展上，5天共售出汽车1286辆。龟峰景区7天接待游客26.8万人次。")
    assert set(got) == {"1286辆", "26.8万人次"}
    assert (got["1286辆"].metric, got["26.8万人次"].metric) == ("汽车销量", "接待游客")
    got = by_text("银行3天内发放贷款800万元。项目从签约到投产用时由11个月缩短至4个月。")
    assert {"3天", "11个月", "4个月", "800万元"} <= set(got)


def test_a_change_of_a_change_keeps_both_named():
    got = by_text("人民币贷款余额较年初增加58.6亿元,同比多增12.3亿元。")
    assert got["12.3亿元"].metric == "人民币贷款余额较年初增加额同比多增额"


def test_a_parallel_rate_after_a_growth_is_a_growth():
    got = by_text("赣州加快发展。全省社会消费品零售总额增长5.6%,我市为5.9%。")
    assert (got["5.9%"].kind, got["5.9%"].metric) == ("growth", "社会消费品零售总额增速")
    assert by_text("全市营收增长5%,占比为30%。")["30%"].kind == "share"


def test_from_to_with_the_metric_named_before_it():
    found = extract("个人住房贷款最高额度由60万元提高到80万元。", PUB)
    assert [i.metric for i in found] == ["个人住房贷款最高额度"] * 2


def test_abbreviated_metrics_are_written_out_with_their_growth():
    got = by_text("全县固投增长8%,社零额达120亿元。")
    assert (got["8%"].metric, got["120亿元"].metric) == ("固定资产投资增速", "社会消费品零售总额")


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("玉山县全年将新签约亿元以上项目60个。", "60个"),
        ("二期12GWh项目预计年底前建成投产。", "12GWh"),
        ("该公司拟投资5亿元建设新厂。", "5亿元"),
    ],
)
def test_plans_to_sign_build_or_invest_are_targets(text, span):
    assert by_text(text)[span].target


def test_a_yearly_figure_takes_no_month_period():
    got = by_text("项目预计2025年3月投产,达产后年产值50亿元。")
    assert got["50亿元"].period is None and got["50亿元"].target


def test_growths_of_a_fenbie_list_of_places_keep_their_places():
    text = "广丰区、玉山县税收分别完成4亿元、3亿元，分别增长15%、9%。"
    got = extract(text, dt.date(2023, 10, 20))
    assert [(i.text, i.subject) for i in got] == [
        ("4亿元", "广丰区"), ("3亿元", "玉山县"), ("15%", "广丰区"), ("9%", "玉山县")
    ]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("光伏电站装机容量300千瓦。", 0.0003, "GW"),
        ("项目投资3千万元。", 3e7, "CNY"),
        ("项目投资5百万元。", 5e6, "CNY"),
        ("已为138家园区企业发放贷款。", 138, "count"),
    ],
)
def test_units_and_multipliers_that_share_a_character(text, value, unit):
    ind = extract(text, dt.date(2023, 10, 20))[0]
    assert (ind.value_base, ind.base_unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    "text",
    [
        "车程将由1个半小时缩短至40分钟。",
        "国庆中秋8天假期，游客如织。",
        "召开村民议事会120余场、“屋场夜话”80多次。",
        "他给自己定下了三个目标：一是让旅游更火。",
    ],
)
def test_durations_meetings_and_list_counts_are_no_figures(text):
    assert extract(text, dt.date(2023, 10, 20)) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("降幅比上半年收窄6.5个百分点。", 6.5),
        ("降幅比上月扩大0.6个百分点。", -0.6),
        ("增幅比上半年收窄1.2个百分点。", -1.2),
    ],
)
def test_a_narrower_decline_is_a_rise(text, value):
    assert extract(text, dt.date(2023, 10, 20))[0].value_base == value


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("今年全市计划加装电梯50部。", ["50部"]),
        ("赣州港进出口集装箱量达到7.8万标箱。", ["7.8万标箱"]),
        ("拟向全体股东每10股派发现金红利3.5元。", ["3.5元"]),
        ("高速公路密度每百平方公里4.6公里。", ["4.6公里"]),
        ("进入第三个年头，日均开行动车组列车86列。", ["86列"]),
        ("全县拥有植保无人机1460架，纺纱锭数20万锭。", ["1460架", "20万锭"]),
        ("该行发放“创业贷”1.2万笔，举办银企对接会16场。", ["1.2万笔"]),  # (meetings are never figures)
        ("假期全县各类文旅活动达到86场。", ["86场"]),
        ("全年新增变电容量52万千伏安。", ["52万千伏安"]),
        ("民营企业贡献了全县一半以上的税收。", ["一半以上"]),
        ("进口货物整体通关时间压缩至15.2小时，旅客周转量12.6亿人公里。", ["15.2小时", "12.6亿人公里"]),
        ("全县严格执行24小时值班制度，八大类商品价格“五涨三降”。", []),
        ("再过一年半，二期项目也将投产。", []),
        # a class of berth, a duration, someone's children: no figures
        ("新建千吨级泊位4个，车程由1个多小时缩短至半小时，还能照顾两个孩子。", ["4个"]),
        ("打造全省光伏产业第二增长极。", []),
        ("做大汽车零部件产业。", []),
        ("今年一斤能卖到4块5。", []),
        ("共获得金牌12枚、银牌8枚。", []),
    ],
)
def test_counters_bases_and_ordinals(text, figures):
    assert [i.text for i in extract(text, dt.date(2023, 10, 20))] == figures


def test_fenbie_places_with_the_metric_after_fenbie_and_a_list_ending_the_clause_before():
    day = dt.date(2021, 10, 28)
    got = extract("广丰区、玉山县分别进出口58.3亿元、41.2亿元,分别增长28.7%、19.5%。", day)
    assert [(i.subject, i.metric, i.yoy_pct) for i in got[:2]] == [
        ("广丰区", "进出口", 28.7), ("玉山县", "进出口", 19.5)
    ]
    ranked = extract("总量排名前三的是信州区、鄱阳县、广丰区，分别为108.7亿元、92.4亿元、86.5亿元。", day)
    assert [i.subject for i in ranked if i.kind == "amount"] == ["信州区", "鄱阳县", "广丰区"]
    thousands = extract("城镇、农村居民人均可支配收入分别为24,312元、12,978元，分别增长5.1%、7.4%。", day)
    assert [i.yoy_pct for i in thousands if i.kind == "amount"] == [5.1, 7.4]


@pytest.mark.parametrize(
    ("text", "span", "qualifier", "metric"),
    [
        ("力争新增贷款不低于10亿元。", "10亿元", "over", "新增贷款"),
        ("全年引进项目不少于30个。", "30个", "over", "引进项目数"),
        ("单个项目补助不超过50万元。", "50万元", "under", "单个项目补助"),
    ],
)
def test_bounds_written_as_words(text, span, qualifier, metric):
    got = by_text(text)[span]
    assert (got.qualifier, got.metric) == (qualifier, metric)


@pytest.mark.parametrize(
    ("text", "span", "target"),
    [
        ("今年以来,该县共争取上级转移支付资金36.5亿元。", "36.5亿元", False),  # money obtained
        ("争取全年营收突破50亿元。", "50亿元", True),  # an aim
        ("全年完成投资142.6亿元,为年度计划的108.3%。", "108.3%", False),  # progress against a plan
        ("力争引进亿元以上项目30个,其中10亿元以上项目5个。", "10亿元以上", False),  # a threshold
        ("每千人床位数将由4.6张提高到5.8张。", "4.6张", False),  # the level it starts from
        ("每千人床位数将由4.6张提高到5.8张。", "5.8张", True),
        ("大班额比例将降至2%以下。", "2%以下", True),
    ],
)
def test_targets_and_what_is_no_target(text, span, target):
    assert by_text(text)[span].target is target


def test_the_items_under_a_heading_of_targets_are_targets():
    text = "一、2023年主要成绩\n1. 地区生产总值：86.3亿元\n二、2024年主要预期目标\n1. 地区生产总值：增长6%左右"
    got = by_text(text, dt.date(2024, 2, 1))
    assert (got["86.3亿元"].target, got["6%左右"].target) == (False, True)


def test_a_verb_ending_like_a_qualifier_is_no_qualifier():
    assert by_text("展会现场签约18.3亿元。")["18.3亿元"].qualifier is None


@pytest.mark.parametrize(
    ("text", "span", "kind", "metric"),
    [
        ("该县综合考评排名前移2名。", "2名", "rank", "综合考评排名前移名次"),
        ("位列县(市、区)第15位,比上年前移8位。", "8位", "rank", None),
        ("两县快递业务量分居全市第一、二位。", "二位", "rank", None),
        ("全县有5位院士。", "5位", "count", "院士人数"),
    ],
)
def test_places_and_moves_of_rank(text, span, kind, metric):
    got = by_text(text)[span]
    assert got.kind == kind
    if metric:
        assert got.metric == metric


@pytest.mark.parametrize("text", ["5位发言人介绍情况。", "对排名后3位的县进行约谈。", "实现两位数增长。"])
def test_wei_that_is_no_figure(text):
    assert not by_text(text)


def test_a_plan_before_a_list_of_names_is_the_figures_and_a_list_opener_may_say_ding_wei():
    text = "全年计划新建和改扩建中小学、幼儿园26所，新增学位1.8万个。目前，已完工19所。"
    assert [i.target for i in extract(text, dt.date(2022, 10, 20))] == [True, True, False]
    text = "今年该区已为企业争取出口信用保险、外贸发展资金等补贴资金960万元。"
    assert [i.target for i in extract(text, dt.date(2022, 10, 20))] == [False]
    text = "去年我们计划引进项目30个、实际签约37个。"
    assert [i.target for i in extract(text, dt.date(2022, 10, 20))] == [True, False]
    text = "我们把今年的主要预期目标定为：生产总值增长6%左右、规模以上工业增加值增长7.5%以上。"
    assert [i.target for i in extract(text, dt.date(2023, 2, 20))] == [True, True]


def test_a_like_for_like_growth_and_a_year_end_growth_since_january_are_yearly():
    got = extract("2022年，全县一般公共预算收入完成14.2亿元，同口径增长5.8%。", dt.date(2023, 1, 10))
    assert [(i.metric, i.yoy_pct) for i in got] == [("一般公共预算收入", 5.8), ("一般公共预算收入增速", None)]
    got = extract("去年，该行各项贷款余额达到64.2亿元，比年初增加8.1亿元，增长14.4%。", dt.date(2023, 1, 10))
    assert got[0].yoy_pct == 14.4  # (at a year's end, the growth since January is one over the year)
    got = extract("截至6月末，该行各项贷款余额达到64.2亿元，比年初增加8.1亿元，增长14.4%。", dt.date(2023, 7, 10))
    assert got[0].yoy_pct is None


def test_yearly_and_weekly_changes_said_in_other_words():
    got = extract("去年合作社蔬菜销售额980万元，比上年多了两成。", dt.date(2024, 3, 1))
    assert got[0].yoy_pct == 20.0
    got = extract("本周青椒平均零售价为每500克3.6元，比上周下降7.2%。", dt.date(2024, 3, 1))
    assert got[0].yoy_pct is None and got[1].metric.endswith("环比涨幅")
    got = extract("今年以来，全县肉牛存栏2.8万头，比年初增长6.4%。", dt.date(2024, 6, 1))
    assert got[0].yoy_pct is None  # (since January, mid-year: no yearly change)
    assert [i.text for i in extract("7天假期，全县共接待游客36万人次。", dt.date(2024, 10, 8))] == ["36万人次"]


def test_a_count_of_a_class_of_projects_names_the_class():
    got = by_text("全市新开工10亿元以上项目12个，在建亿元以上项目86个。")
    assert got["10亿元以上"].metric == "新开工项目投资额门槛"
    assert (got["12个"].metric, got["86个"].metric) == ("新开工10亿元以上项目数", "在建亿元以上项目数")


def test_lines_are_counted_as_lines_and_policies_by_their_articles():
    got = by_text("公司现有生产线26条，今年出台扶持政策10条。")
    assert got["26条"].metric == "生产线数" and got["10条"].metric.endswith("扶持政策条数")


def test_an_area_after_a_verb_of_planting_is_what_is_planted():
    got = by_text("该镇种植白茶3600亩，发展花卉800亩，全镇水稻种植面积稳定在2万亩。")
    assert [got[k].metric for k in ("3600亩", "800亩", "2万亩")] == ["白茶种植面积", "花卉种植面积", "水稻种植面积"]


def test_what_a_unit_sells_for_is_its_selling_price():
    got = by_text("今年小龙虾平均每斤卖24元，鸡蛋每斤5.6元。")
    assert (got["24元"].metric, got["5.6元"].metric) == ("小龙虾平均售价(每斤)", "鸡蛋价格(每斤)")


def test_a_class_by_a_measure_names_the_measure_and_the_class():
    got = by_text("全镇集体经营性收入30万元以上的村有9个，力争全年营业收入50亿元以上。")
    assert (got["30万元以上"].metric, got["9个"].metric) == ("集体经营性收入门槛", "集体经营性收入30万元以上的村数")
    assert got["50亿元以上"].target and not got["50亿元以上"].metric.endswith("门槛")


def test_a_places_households_and_people():
    got = extract("全村共有312户、1286人。石桥村共208户876人，全乡186户。", PUB)
    assert [i.metric for i in got] == ["户数", "人口", "户数", "人口", "户数"]


def test_speeds_and_the_span_an_average_is_reckoned_over_are_no_figures():
    got = by_text("新路全长42公里，设计速度每小时60至80公里。按近12个月平均销售速度计算，去化周期为13.2个月。")
    assert sorted(got) == ["13.2个月", "42公里"]


def test_a_growth_in_multiples_among_a_releases_growths_is_a_growth():
    got = by_text("家电类零售额增长8.2%，其中智能家电零售额增长1.4倍。生产效率提高了3倍。")
    assert (got["1.4倍"].kind, got["1.4倍"].value_base) == ("growth", 140)
    assert got["3倍"].kind == "other"


def test_a_bare_retail_sales_in_a_release_is_the_total_retail_sales():
    got = by_text(
        "1—5月，全市社会消费品零售总额412.6亿元，增长6.2%；5月当月零售额86.3亿元，增长5.8%。汽车类零售额21亿元。"
    )
    assert (got["86.3亿元"].metric, got["21亿元"].metric) == ("社会消费品零售总额", "汽车类零售额")


def test_a_balances_change_since_january_is_named_without_its_holders():
    got = by_text("6月末，全市金融机构本外币各项贷款余额2860亿元，比年初增加312亿元。")
    assert got["312亿元"].metric == "各项贷款余额比年初增加额"


def test_a_list_of_spending_heads_shares_the_last_items_spending():
    got = by_text("教育、农林水、卫生健康支出分别增长4.6%、8.1%和6.3%。")
    assert [got[k].metric for k in ("4.6%", "8.1%", "6.3%")] == ["教育支出增速", "农林水支出增速", "卫生健康支出增速"]


def test_places_listed_after_a_level_share_its_metric():
    text = "会昌县脐橙产量21.5万吨，居全市第2位；安远县、寻乌县分别为18.2万吨和16.9万吨。"
    got = {i.text: i for i in extract(text, PUB)}
    assert [(got[t].metric, got[t].subject) for t in ("18.2万吨", "16.9万吨")] == [
        ("脐橙产量", "安远县"), ("脐橙产量", "寻乌县")
    ]


@pytest.mark.parametrize(
    ("text", "span", "metric"),
    [
        ("今年全县力争新增上市公司3家。", "3家", "新增上市公司数"),  # (上市公司: a kind of company, no 公司 again)
        ("该集团现已发展为拥有分公司9家的企业。", "9家", "分公司数"),
        ("全区每千人拥有经营主体96户。", "96户", "每千人拥有经营主体数"),  # (per head: 拥有 stays)
    ],
)
def test_kinds_of_company_and_what_is_owned_are_counted(text, span, metric):
    assert by_text(text)[span].metric == metric


def test_a_level_named_again_by_its_year_alone_keeps_its_name():
    text = "园区规上工业营收从2021年的96.2亿元增长到2022年的128.4亿元；2023年达到156.3亿元。"
    assert by_text(text)["156.3亿元"].metric == by_text(text)["128.4亿元"].metric


def test_nominal_and_real_growth_of_a_level():
    got = by_text("全县农村居民人均可支配收入18650元，同比名义增长7.2%，扣除价格因素实际增长6.8%。")
    assert got["7.2%"].metric == "农村居民人均可支配收入名义增速"
    assert got["6.8%"].metric == "农村居民人均可支配收入实际增速"
    assert got["18650元"].yoy_pct == 7.2  # (the nominal growth, as a plain 同比增长 would be)


@pytest.mark.parametrize(
    ("text", "span", "metric"),
    [
        ("“在合作社务工，一天下来能挣130元。”村民说。", "130元", "日工资"),
        ("车间里的女工每个月能拿3600元左右。", "3600元左右", "月工资"),
        ("老周说，养蜂一年能挣6万多元。", "6万多元", "年收入"),
        ("种脐橙一亩能净挣5000元。", "5000元", "脐橙亩均净收入"),
    ],
)
def test_what_a_day_a_month_or_a_year_brings_as_people_say_it(text, span, metric):
    assert by_text(text)[span].metric == metric


def test_an_area_planned_for_planting_is_named_by_what_is_planted():
    assert by_text("今年，该村计划种植高山白茶1200亩。")["1200亩"].metric == "高山白茶种植面积"
