"""数说 lines, quoted terms, lists of plans and their progress, averages and a county's own story
(extractor 2026.11.26-24): short sentences of our own."""

from __future__ import annotations

import datetime as dt

import pytest

from pipelines.domain.indicators import extract

PUB = dt.date(2024, 2, 5)


def by_text(text: str, pub: dt.date = PUB, home_city: str | None = None):
    return {i.text: i for i in extract(text, pub, home_city=home_city)}


def test_a_shuoshuo_line_with_the_figure_before_a_colon():
    text = (
        "数说万年2023\n2023年,万年县稳中求进。一组数字,看万年这一年——\n"
        "158.2亿元：全县地区生产总值,同比增长5.6%。\n"
        "96万人次：神农宫景区全年接待游客。\n"
        "8.9%：规上工业增加值增速,居全市第3位。"
    )
    got = by_text(text)
    gdp = got["158.2亿元"]
    assert (gdp.metric, gdp.subject, gdp.yoy_pct) == ("地区生产总值", "万年县", 5.6)
    assert got["96万人次"].subject == "神农宫景区"
    assert (got["8.9%"].kind, got["8.9%"].subject) == ("growth", "万年县")


def test_an_anaphor_in_a_rank_or_a_share_does_not_count_for_the_city():
    text = "余干县外贸跑出加速度\n今年以来,全县外贸企业发展到86家。余干出口额居全市第2位,占全市的12%。"
    assert by_text(text, home_city="上饶市")["86家"].subject == "余干县"


def test_a_county_named_by_its_short_name_and_its_own_anaphors_is_the_articles_subject():
    text = (
        "安远脐橙产业提质增效\n安远县坚持品牌引领。全县脐橙种植面积达32万亩。"
        "安远脐橙远销海外,全县果农人均增收2100元。"
    )
    assert by_text(text, home_city="赣州市")["32万亩"].subject == "安远县"


def test_a_short_quoted_term_is_part_of_the_name():
    got = by_text("全区新增“小升规”企业48家,新增“个转企”126户。")
    assert got["48家"].metric == "新增“小升规”企业数"
    assert "个转企" in got["126户"].metric


def test_a_figure_later_in_a_list_of_targets_is_a_target_too():
    got = by_text("今年计划新建5G基站600个、改造农村公路85公里,截至1月底已建成基站42个。")
    assert got["600个"].target and got["85公里"].target
    assert not got["42个"].target


def test_rates_listed_after_the_figures_they_are_of():
    got = by_text("截至1月底已完成造林1.2万亩、建成林道36公里,完成率分别为48%、60%。")
    assert got["48%"].metric.endswith("造林完成率")
    assert got["60%"].metric.endswith("林道完成率")


def test_a_flow_in_another_unit_by_a_cutoff_is_since_january():
    got = by_text("截至8月底,全县已完成农村公路改造36公里。", pub=dt.date(2024, 9, 10))
    assert got["36公里"].period == "2024-01/2024-08"


def test_a_daily_average_of_the_level_before():
    got = by_text("春节假期全市高速公路车流量达286.4万辆次,日均35.8万辆次。")
    assert got["35.8万辆次"].metric == "日均高速公路车流量"


def test_a_rate_held_for_months_is_a_growth_and_the_months_no_figure():
    got = by_text("全市普惠小微贷款余额612亿元,连续26个月保持15%以上增速。")
    assert "26个月" not in got
    assert (got["15%以上"].kind, got["15%以上"].metric) == ("growth", "普惠小微贷款余额增速")


@pytest.mark.parametrize("text", ["园区企业已连续45天满负荷生产,产值12亿元。"])
def test_an_uninterrupted_spell_is_no_figure(text):
    assert "45天" not in by_text(text)


def test_a_companys_story_told_where_it_stands_is_the_companys():
    text = (
        "锦程电子:小器件做出大市场\n走进位于信丰高新区的江西锦程电子科技有限公司,生产线正满负荷运转。"
        "锦程电子成立于2015年。去年,公司实现营业收入6.2亿元。锦程电子产品销往18个国家。"
    )
    got = by_text(text, home_city="赣州市")
    assert "锦程电子" in got["6.2亿元"].subject  # the company, by its full or its short name
    assert "锦程电子" in got["18个"].subject


def test_the_figures_after_a_dated_event_are_of_its_month():
    text = (
        "本报讯 3月8日,会昌县2024年重大项目集中签约活动举行。"
        "活动现场签约项目12个,总投资86亿元。\n2023年,全县引进项目58个。"
    )
    got = by_text(text, pub=dt.date(2024, 3, 11))
    assert got["12个"].period == got["86亿元"].period == "2024-03"
    assert got["58个"].period == "2023"


def test_a_day_in_the_weeks_before_publication_is_of_the_publication_year():
    text = "2023年全县外贸逆势增长。\n1月6日,全县首趟外贸专列开行,运送货物86标箱。"
    assert by_text(text, pub=dt.date(2024, 1, 10))["86标箱"].period == "asof:2024-01-06"


def test_a_year_named_in_a_sentence_without_figures_dates_the_next_ones():
    got = by_text("2023年,石城县坚持工业强县。规上工业企业达到126家。", pub=dt.date(2024, 3, 2))
    assert got["126家"].period == "2023"


def test_a_shuoshuo_price_per_unit_and_its_yoy():
    got = by_text("数说\n38元/公斤：狗牯脑茶鲜叶平均收购价,比上年上涨约12%。")
    assert (got["38元"].metric, got["38元"].yoy_pct) == ("狗牯脑茶鲜叶平均收购价", 12)


def test_places_listed_before_fenbie_name_the_metric_after_fenbie_too():
    got = by_text("章贡区、南康区电子商务分别实现交易额286亿元、195亿元,分别增长12.6%、9.8%。")
    assert [(got[t].subject, got[t].metric) for t in ("286亿元", "9.8%")] == [
        ("章贡区", "电子商务交易额"),
        ("南康区", "电子商务交易额增速"),
    ]


def test_the_count_of_listed_items_is_no_part_of_their_names():
    got = by_text("家具、纺织两大产业分别实现营收860亿元、312亿元。")
    assert (got["860亿元"].metric, got["312亿元"].metric) == ("家具产业营收", "纺织产业营收")


def test_a_growth_since_january_is_named_so():
    got = by_text("截至1月末,全县各项存款余额412亿元,比年初增长3.2%。", pub=dt.date(2024, 2, 20))
    assert got["3.2%"].metric == "存款余额比年初增速"
    assert got["412亿元"].yoy_pct is None


def test_a_duration_has_no_period():
    got = by_text("2023年,该项目从签约到投产仅用时7个月,企业开办时间压缩至0.5个工作日。")
    assert got["7个月"].period is None and got["0.5个工作日"].period is None


def test_what_was_done_over_unnamed_years_has_no_period():
    got = by_text("2023年,全县新增企业120家。近年来,该县先后引进纺织项目36个。")
    assert got["120家"].period == "2023"
    assert got["36个"].period is None


@pytest.mark.parametrize(
    ("text", "span", "subject"),
    [
        ("2023年营收80亿元。在建的年产20GWh储能电池项目总投资约60亿元。", "60亿元", "年产20GWh储能电池项目"),
        ("2023年营收80亿元。总投资42亿元的赣县电子信息产业园已建成投产。", "42亿元", "赣县电子信息产业园"),
    ],
)
def test_the_size_of_a_project_or_park_is_the_projects(text, span, subject):
    got = by_text(text)
    assert (got[span].subject, got[span].period) == (subject, None)


def test_what_stands_totalled_or_already_built_is_a_stock_now():
    got = by_text("今年全县新建高标准农田3.1万亩,累计建成42.6万亩。", pub=dt.date(2023, 11, 8))
    assert (got["3.1万亩"].period, got["42.6万亩"].period) == ("2023", "asof:2023-11")
    got = by_text("全区已建成充电桩860个。现在有生产线12条。", pub=dt.date(2023, 11, 8))
    assert got["860个"].period == got["12条"].period == "asof:2023-11"


def test_a_total_in_a_review_of_last_year_stays_that_years():
    got = by_text("2023年,全市累计培育专精特新企业86家。", pub=dt.date(2024, 1, 20))
    assert got["86家"].period == "2023"


def test_places_ranked_before_fenbie_take_the_ranking_measure():
    got = by_text("上半年,规上工业营收排名前三的是章贡区、南康区、赣县区,分别为312亿元、286亿元、201亿元。")
    assert [(got[t].subject, got[t].metric) for t in ("312亿元", "201亿元")] == [
        ("章贡区", "规上工业营收"),
        ("赣县区", "规上工业营收"),
    ]


def test_a_part_named_only_by_its_place_is_of_the_level_before():
    got = by_text("全市进出口总值完成412.6亿元。其中,南康区完成86.2亿元。")
    assert (got["86.2亿元"].subject, got["86.2亿元"].metric) == ("南康区", "进出口总值")


def test_rural_is_no_village_name():
    text = "全市新增转移农村劳动力就业5.8万人。转移农村劳动力培训1.2万人次。"
    assert by_text(text, home_city="上饶市")["5.8万人"].subject == "上饶市"


def test_a_company_called_by_its_brand_and_trade():
    text = (
        "远航汽车:出口跑出加速度\n位于赣州经开区的江西远航新能源汽车有限公司一季度生产整车1.2万辆。"
        "远航汽车出口整车3600辆。公司营业收入18.6亿元。"
    )
    got = by_text(text, home_city="赣州市")
    assert "远航" in got["18.6亿元"].subject


def test_a_banks_story_is_the_banks():
    text = (
        "于都农商银行:金融活水润民企\n截至9月末,于都农商银行各项贷款余额156亿元。该行普惠小微贷款余额42亿元。"
        "于都农商银行服务全县8万户农户,该行不良贷款率1.2%。"
    )
    assert by_text(text, home_city="赣州市")["42亿元"].subject == "于都农商银行"


@pytest.mark.parametrize(
    ("text", "pub", "period"),
    [
        ("端午假期,全市接待游客286万人次。", dt.date(2023, 6, 26), "2023-06"),
        ("中秋假期,全县接待游客12万人次。", dt.date(2024, 9, 20), "2024-09"),
        ("清明假期,景区接待游客5.6万人次。", dt.date(2024, 4, 8), "2024-04"),
        ("端午假期,全市接待游客286万人次。", dt.date(2024, 3, 1), "2023-06"),  # not this year's yet: last year's
        ("五一假期,全市接待游客120万人次。", dt.date(2022, 5, 6), "2022-04/2022-05"),  # 4月30日至5月4日
        ("五一假期,全市接待游客120万人次。", dt.date(2024, 5, 6), "2024-05"),  # 5月1日至5日
        ("五一假期,全市接待游客120万人次。", dt.date(2031, 5, 6), "2031-05"),  # a year the calendar does not know
    ],
)
def test_lunar_holidays_and_labour_day_by_the_official_calendar(text, pub, period):
    assert extract(text, pub)[0].period == period


def test_a_day_inside_a_sentence_dates_only_its_clause():
    text = "端午假期,乐园接待游客8.6万人次,其中6月23日单日接待3.4万人次;古镇接待游客2.1万人次。"
    got = by_text(text, pub=dt.date(2023, 6, 26))
    assert (got["3.4万人次"].period, got["2.1万人次"].period) == ("asof:2023-06-23", "2023-06")


def test_the_company_by_the_short_name_its_story_uses():
    text = (
        "鸿途汽车:订单排到年底\n位于上饶经开区的江西鸿途新能源汽车有限公司总装车间内一片繁忙。"
        "今年一季度,公司生产整车1.2万辆。鸿途汽车出口整车2600辆。"
    )
    got = by_text(text, home_city="上饶市")
    assert got["1.2万辆"].subject == "鸿途汽车"


def test_a_kind_of_plant_counted_is_no_company():
    text = "石城县白莲合作社流转土地1350亩,建成烘干加工厂1座。去年,合作社销售收入560万元。"
    assert by_text(text, home_city="赣州市")["560万元"].subject != "烘干加工厂"


def test_figures_of_this_event_take_its_month_in_later_paragraphs():
    text = (
        "本报讯 11月28日,弋阳县举行工业项目集中开工活动。\n"
        "今年以来,弋阳县坚持主攻工业。\n"
        "据了解,弋阳县此次集中开工项目共有16个,总投资68亿元。"
    )
    got = by_text(text, pub=dt.date(2018, 11, 29))
    assert got["16个"].period == got["68亿元"].period == "2018-11"


def test_a_project_named_as_a_sentences_topic_is_what_gai_xiangmu_points_at():
    text = "信江大道改造项目是市重点民生工程。为抢工期,该项目春节期间不停工,近300名工人坚守岗位。"
    assert by_text(text, home_city="上饶市")["300名"].subject == "信江大道改造项目"


def test_what_is_counted_on_a_projects_site_is_the_projects_at_the_articles_date():
    text = "在昌景黄高铁上饶段施工现场,20余台挖掘机来回作业,300多名工人正在进行路基施工。"
    got = by_text(text, pub=dt.date(2021, 9, 14), home_city="上饶市")
    assert got["300多名"].period == "asof:2021-09"
    text = "在信江航电枢纽工程施工现场,15台塔吊同时作业。"
    assert by_text(text, pub=dt.date(2021, 9, 14))["15台"].subject == "信江航电枢纽工程"


def test_a_headline_over_two_lines_states_the_reports_period():
    text = (
        "家电、通讯消费回暖明显\n前8月我市社会消费品零售总额增长6.8%\n\n"
        "本报讯 记者从市统计局获悉,今年1—8月,全市社会消费品零售总额702.5亿元。\n"
        "分城乡看,城镇消费品零售额601.2亿元,增长6.5%。"
    )
    assert by_text(text, pub=dt.date(2023, 9, 20))["601.2亿元"].period == "2023-01/2023-08"


def test_in_a_tie_the_year_named_first_is_the_one_reported_on():
    text = "2023年,全县科技创新能力持续提升。\n全年新认定高新技术企业42家。\n2024年,全县将新增高企30家以上。"
    assert by_text(text, pub=dt.date(2024, 3, 6))["42家"].period == "2023"


def test_numbered_lines_are_items_under_their_sections_year():
    text = (
        "一图读懂2019年石城县政府工作报告\n一、2018年主要成绩\n"
        "1. 地区生产总值：86.3亿元，增长8.9%\n2. 财政总收入：9.6亿元，增长10.1%\n"
        "二、2019年主要目标\n1. 地区生产总值：增长8.5%左右"
    )
    got = by_text(text, pub=dt.date(2019, 2, 20))
    assert [got[t].period for t in ("86.3亿元", "9.6亿元", "8.5%左右")] == ["2018", "2018", "2019"]
    assert got["9.6亿元"].metric == "财政总收入"


def test_what_is_signed_at_a_dated_event_is_of_its_month():
    text = "6月12日,2023赣州(厦门)招商推介会在厦门举行,现场签约项目32个,签约总金额268亿元。"
    got = by_text(text, pub=dt.date(2023, 6, 14))
    assert got["32个"].period == got["268亿元"].period == "2023-06"


def test_a_quarter_in_an_events_name_is_no_period():
    text = "3月6日,全县2023年第一季度重点项目集中开工活动举行,此次开工项目15个,总投资42.6亿元。"
    got = by_text(text, pub=dt.date(2023, 3, 8))
    assert got["15个"].period == got["42.6亿元"].period == "2023-03"


def test_a_year_in_an_events_name_is_no_period_for_the_sentences_after_it():
    text = (
        "5月9日,该县举行2021年第二批重大项目集中开工活动,开工项目15个,总投资42亿元。"
        "其中,工业项目11个,总投资30亿元。"
    )
    got = by_text(text, pub=dt.date(2021, 5, 11))
    assert [got[k].period for k in ("15个", "42亿元", "11个", "30亿元")] == ["2021-05"] * 4


def test_a_headline_line_of_the_event_is_of_the_events_month():
    text = (
        "崇义上半年固定资产投资增长9.2%\n第三批28个项目集中签约\n"
        "本报讯 7月14日,崇义县第三批重大项目集中签约活动举行,签约项目28个,总投资96亿元。"
    )
    got = extract(text, dt.date(2023, 7, 17))
    assert [(i.text, i.period) for i in got][:2] == [("9.2%", "2023-H1"), ("28个", "2023-07")]


def test_a_park_where_it_stands_and_its_gai_yuanqu():
    text = "位于信州区的上饶数字产业园已入驻企业136家。上半年,该园区实现营业收入56.2亿元。"
    got = by_text(text, pub=dt.date(2022, 7, 20), home_city="上饶市")
    assert got["136家"].subject == got["56.2亿元"].subject == "上饶数字产业园"


def test_a_single_month_set_apart_does_not_carry_on_in_a_ytd_report():
    text = (
        "1至7月,全市规上工业增加值增长7.2%。7月当月,全市规上工业增加值增长6.5%。"
        "全市规上工业企业实现营业收入3126.4亿元。"
    )
    got = by_text(text, pub=dt.date(2023, 8, 17))
    assert (got["6.5%"].period, got["3126.4亿元"].period) == ("2023-07", "2023-01/2023-07")


def test_an_events_story_is_of_the_events_month():
    text = (
        "我市举行2024年第一批重大项目集中开工活动\n"
        "本报讯 2月26日,全市2024年第一批重大项目集中开工活动在广信区主会场举行。\n"
        "此次集中开工的项目共214个,总投资1386.5亿元。\n"
        "从各地情况看,上饶经开区开工项目28个。"
    )
    got = by_text(text, pub=dt.date(2024, 2, 27))
    assert got["214个"].period == got["28个"].period == "2024-02"


def test_a_fair_closing_on_a_day_dates_what_its_session_did():
    text = (
        "本报讯 10月28日,为期5天的乡村文化旅游节在江湾镇落下帷幕。\n本届活动共吸引游客41.6万人次。"
    )
    assert by_text(text, pub=dt.date(2023, 10, 30))["41.6万人次"].period == "2023-10"


def test_what_has_grown_to_a_level_stands_now():
    got = by_text("几年下来,该村葛根种植面积已扩大到1800亩。", pub=dt.date(2022, 10, 12))
    assert got["1800亩"].period == "asof:2022-10"


def test_a_villages_story_named_in_its_headline():
    text = (
        "铅山县石塘镇竹溪村:小笋子撬动大产业\n走进铅山县竹溪村,漫山遍野都是竹林。全县竹林面积超50万亩。"
        "竹溪村流转山地种笋,全村竹笋年产量达1200吨。竹溪村集体经济收入56万元。"
    )
    assert by_text(text, home_city="上饶市")["1200吨"].subject == "竹溪村"


def test_rural_residents_are_no_village():
    text = "全县城镇和农村居民人均可支配收入分别达到31286元、13975元。"
    got = by_text(text, home_city="上饶市")
    assert got["13975元"].subject != "和农村"


def test_a_news_items_lead_frames_the_periods_of_its_paragraphs():
    text = (
        "假期文旅市场火热\n\n本报讯 今年国庆假期(10月1日至7日),我市文旅市场持续火热。假期全市接待游客386万人次。\n"
        "重点景区人气旺盛。三清山景区接待游客28万人次。"
    )
    got = by_text(text, pub=dt.date(2023, 10, 8), home_city="上饶市")
    assert got["386万人次"].period == got["28万人次"].period == "2023-10"


def test_a_lead_frames_its_paragraphs_with_its_latest_period_not_a_comparison():
    text = (
        "假日经济升温\n本报讯 端午假期,全县接待游客52万人次。去年端午假期,全县接待游客41万人次。\n"
        "乡村游受追捧。篁岭景区接待游客9万人次。"
    )
    assert by_text(text, pub=dt.date(2023, 6, 25))["9万人次"].period == "2023-06"
    # (a story's past in its lead frames nothing: 2016年返乡创业)
    text = "返乡创业记\n本报讯 2016年,他返乡创办了一家茶厂,当年收购鲜叶3吨。\n茶厂有员工46人。"
    assert by_text(text, pub=dt.date(2023, 6, 25))["46人"].period != "2016"


def test_a_single_day_at_a_sentences_start_does_not_carry():
    text = (
        "假日经济\n本报讯 国庆假期,全县接待游客52万人次。10月3日,全县单日接待游客9万人次。"
        "假期中,葛仙村接待游客6万人次。"
    )
    assert by_text(text, pub=dt.date(2023, 10, 8))["6万人次"].period != "asof:2023-10-03"


def test_a_lead_at_a_balances_date_frames_nothing():
    text = "本报讯 截至11月末,该行各项贷款余额218.6亿元。\n服务网点延伸到乡村,该行在29个乡镇设立金融服务站。"
    assert by_text(text, pub=dt.date(2022, 12, 5))["29个"].period is None


@pytest.mark.parametrize(
    ("text", "span", "value_base", "metric"),
    [
        ("全市CPI累计上涨2.1%,低于全省平均水平0.1个百分点。", "0.1个百分点", -0.1, "CPI涨幅低于全省平均水平"),
        ("增速分别高于全市0.3个和0.6个百分点。", "0.3个", 0.3, None),  # one of the points
        ("综合能源消费量612.3万吨标准煤,同比增长2.1%。", "612.3万吨标准煤", 6_123_000, "综合能源消费量"),
        ("外商投资企业、国有企业进出口分别为38.9亿元和11.4亿元。", "38.9亿元", 3_890_000_000, "外商投资企业进出口"),
    ],
)
def test_gaps_lists_and_coal_equivalent(text, span, value_base, metric):
    got = by_text(text, pub=dt.date(2019, 5, 10))[span]
    assert got.value_base == value_base
    if metric:
        assert got.metric == metric


def test_a_growth_run_with_a_verb_of_its_own():
    got = by_text("A企业、B企业营收分别为38.9亿元和11.4亿元,分别增长6.5%、下降2.1%。")
    assert (got["38.9亿元"].yoy_pct, got["11.4亿元"].yoy_pct) == (6.5, -2.1)


def test_periods_listed_before_fenbie_and_single_quarters():
    text = (
        "前三季度,全市地区生产总值同比增长10.2%。从季度看,一季度、二季度、三季度当季分别增长16.2%、8.5%和6.1%。"
        "三季度当季,规上工业增加值增长7.3%;9月份当月增长6.8%。"
    )
    got = by_text(text, pub=dt.date(2021, 10, 25))
    assert [got[t].period for t in ("16.2%", "8.5%", "6.1%", "6.8%")] == ["2021-Q1", "2021-Q2", "2021-Q3", "2021-09"]
    assert got["8.5%"].metric == "地区生产总值增速"
    assert got["6.8%"].metric == "规上工业增加值增速"


def test_two_holidays_in_one_break():
    got = by_text("今年中秋国庆“双节”8天假期,全市接待游客1286万人次。", pub=dt.date(2023, 10, 8))
    assert got["1286万人次"].period == "2023-09/2023-10"


def test_a_list_of_last_years_does_not_make_a_february_brief_a_review_of_last_year():
    text = "1月份,全县出口2.1亿元。\n近日,该县3家企业入选2023年度省级“专精特新”企业名单。"
    assert by_text(text, pub=dt.date(2024, 2, 9))["2.1亿元"].period == "2024-01"


def test_a_boxs_period_labels_date_the_bulleted_lines_under_them():
    text = (
        "一组数据看全县经济\n\n【2023年全年】\n▲财政总收入：18.2亿元，增长6.1%\n▲出口总额：9.6亿元，增长3.3%\n\n"
        "【今年一季度】\n▲财政总收入：5.1亿元，增长4.2%\n\n【截至3月末】\n▲各项贷款余额：312.6亿元，比年初增加9.8亿元\n\n"
        "【全年目标】\n▲财政总收入：增长5%以上"
    )
    got = {i.text: i for i in extract(text, dt.date(2024, 6, 20))}
    assert [got[t].period for t in ("18.2亿元", "9.6亿元", "5.1亿元")] == ["2023", "2023", "2024-Q1"]
    assert got["9.6亿元"].metric == "出口总额"  # (a bullet is no part of a name)
    assert (got["312.6亿元"].period, got["9.8亿元"].period) == ("asof:2024-03", "2024-01/2024-03")
    assert (got["5%以上"].period, got["5%以上"].target) == ("2024", True)


def test_each_item_of_a_page_of_briefs_is_framed_by_its_own_lead():
    text = (
        "经济简讯\n\n1月份全县出口增长三成\n\n本报讯 1月份，全县出口3.2亿元，同比增长31.2%。\n\n"
        "铅山县签约6个项目\n\n本报讯 日前，铅山县举行项目签约活动，现场签约项目6个。"
    )
    got = {i.text: i.period for i in extract(text, dt.date(2024, 2, 20))}
    assert got["3.2亿元"] == "2024-01" and got["6个"] != "2024-01"


def test_an_event_dated_only_as_recent_is_of_the_publication_month():
    text = (
        "瑞金8个重大项目集中签约\n\n本报瑞金讯 日前，瑞金市举行2023年重大项目集中签约活动，现场签约项目8个，"
        "总投资46亿元。"
    )
    got = {(i.text, i.sentence_start): i.period for i in extract(text, dt.date(2023, 7, 12))}
    assert set(got.values()) == {"2023-07"}


def test_a_quarters_month_aside_does_not_carry():
    text = "一季度，全县规上工业增加值增长8.2%，其中3月份增长9.1%。规上工业企业实现营业收入86亿元。"
    got = {i.text: i.period for i in extract(text, dt.date(2023, 4, 20))}
    assert (got["9.1%"], got["86亿元"]) == ("2023-03", "2023-Q1")


def test_a_change_since_january_after_a_balance_in_the_sentence_before():
    text = "截至6月末，全县各项贷款余额268亿元，同比增长9.2%；比年初新增21亿元。"
    got = {i.text: i for i in extract(text, dt.date(2023, 7, 20))}
    assert (got["21亿元"].period, got["21亿元"].metric) == ("2023-01/2023-06", "贷款余额比年初新增额")


def test_a_day_set_off_by_a_comma_dates_the_rest_of_its_sentence():
    text = "据价格监测数据显示，3月8日，中心城区鸡蛋零售均价为每斤5.2元。"
    assert [i.period for i in extract(text, dt.date(2023, 3, 12))] == ["asof:2023-03-08"]


def test_a_boxs_change_on_the_line_under_its_figure():
    text = (
        "数说2023\n\n■ 地区生产总值 236.8亿元\n同比增长5.2%\n\n■ 一般公共预算收入 21.6亿元\n增长6.8%\n\n"
        "■ 高标准农田 18.6万亩\n当年新建2.4万亩\n\n■ 年末各项存款余额 412.6亿元\n比上年末增长11.8%"
    )
    got = {i.text: i for i in extract(text, dt.date(2024, 1, 18))}
    assert (got["236.8亿元"].metric, got["236.8亿元"].yoy_pct) == ("地区生产总值", 5.2)
    assert (got["21.6亿元"].metric, got["21.6亿元"].yoy_pct) == ("一般公共预算收入", 6.8)
    assert got["2.4万亩"].period == "2023"  # (当年: the box's year)
    assert got["412.6亿元"].yoy_pct == 11.8


def test_a_change_against_last_years_end():
    # at a year's end, year on year; mid-year, since January
    text = "2023年末，全县各项贷款余额318.4亿元，比上年末增长13.6%。"
    got = {i.text: i for i in extract(text, dt.date(2024, 1, 20))}
    assert (got["318.4亿元"].yoy_pct, got["13.6%"].metric) == (13.6, "贷款余额增速")
    text = "截至6月末，全县各项存款余额356.2亿元，比上年末增长9.8%。"
    got = {i.text: i for i in extract(text, dt.date(2024, 7, 20))}
    assert (got["356.2亿元"].yoy_pct, got["9.8%"].period) == (None, "2024-01/2024-06")


def test_a_box_of_bulleted_figures_with_their_labels_under_them():
    text = (
        "数说宁都2022\n\n■286.4亿元\n全县地区生产总值，同比增长5.1%。\n\n"
        "■12.6%\n规上工业增加值增速，高于全市平均水平0.8个百分点。\n\n■38家\n全年新增入规企业。"
    )
    got = {i.text: i for i in extract(text, dt.date(2023, 1, 16))}
    first = got["286.4亿元"]
    assert (first.metric, first.subject, first.period, first.yoy_pct) == ("地区生产总值", "宁都县", "2022", 5.1)
    assert (got["12.6%"].metric, got["12.6%"].subject) == ("规上工业增加值增速", "宁都县")
    assert got["38家"].period == "2022"


def test_a_holiday_headlines_figures_are_of_the_holiday_its_lead_names():
    text = (
        "“五一”假期我市接待游客386万人次\n\n本报讯 5月6日，记者从市文旅局获悉，“五一”假期，"
        "全市共接待游客386万人次，同比增长12.3%。"
    )
    assert {i.period for i in extract(text, dt.date(2023, 5, 7))} == {"2023-04/2023-05"}
