"""Numbers, units and the scanner: short sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from pipelines.domain.indicators import extract
from pipelines.domain.indicators.numbers import normalise, parse_chinese, parse_number

PUB = dt.date(2024, 6, 30)


def one(text: str):
    found = extract(text, PUB)
    assert len(found) == 1, [i.text for i in found]
    return found[0]


@pytest.mark.parametrize(
    ("s", "v"),
    [("三千二百", 3200), ("两", 2), ("十", 10), ("十五", 15), ("一百零五", 105), ("二〇二三", 2023), ("三百五", 350)],
)
def test_chinese_numerals(s, v):
    assert parse_chinese(s) == v


def test_slogan_digits_are_not_numbers():
    assert parse_chinese("十四五") is None


def test_arabic_separators_and_decimals():
    assert parse_number("12,345.6") == 12345.6


def test_fullwidth_is_normalised_in_place():
    t = "收入１２．５亿元"
    assert len(normalise(t)) == len(t)
    ind = one(t)
    assert (ind.start, ind.end, ind.text, ind.value, ind.value_base) == (2, 8, "１２．５亿元", 12.5, 1.25e9)


@pytest.mark.parametrize(
    ("text", "span", "value_base", "base_unit"),
    [
        ("某县税收3.5亿元。", "3.5亿元", 3.5e8, "CNY"),
        ("引进外资800万美元。", "800万美元", 8e6, "USD"),
        ("总规模达1.2万亿元。", "1.2万亿元", 1.2e12, "CNY"),
        ("新增电站容量45万千瓦。", "45万千瓦", 0.45, "GW"),
        ("光伏组件产能12GW。", "12GW", 12, "GW"),
        ("储能电站规模300MW。", "300MW", 0.3, "GW"),
        ("园区规划面积6.5平方公里。", "6.5平方公里", 6.5e6, "m2"),
        ("新建厂房3万平方米。", "3万平方米", 3e4, "m2"),
        ("流转土地800亩。", "800亩", 800, "mu"),
        ("新修道路12公里。", "12公里", 12, "km"),
        ("年处理废料5万吨。", "5万吨", 5e4, "tonne"),
        ("新增企业三千二百家。", "三千二百家", 3200, "count"),
        ("带动就业1,250人。", "1,250人", 1250, "count"),
        ("投放公交车60辆。", "60辆", 60, "vehicle"),
        ("新增就业１，２５６人。", "１，２５６人", 1256, "count"),
        ("财政收入三十一点二亿元。", "三十一点二亿元", 3.12e9, "CNY"),
        ("粮食总产量53.2亿斤。", "53.2亿斤", 2.66e6, "tonne"),
        ("生猪出栏256万头。", "256万头", 2.56e6, "count"),
        ("开行中欧班列568列。", "568列", 568, "count"),
        ("电池产量15.8GWh。", "15.8GWh", 15.8, "other"),
        ("就业率达到百分之九十五点五。", "百分之九十五点五", 95.5, "percent"),
        ("外地游客占三分之一。", "三分之一", 33.3, "percent"),
        ("公开发行新股3500万股。", "3500万股", 3.5e7, "count"),
        ("新增就业岗位一万二千个。", "一万二千个", 12000, "count"),
        ("项目总投资一亿二千万元。", "一亿二千万元", 1.2e8, "CNY"),
        ("全县常住人口三十万人。", "三十万人", 3e5, "count"),
        ("家禽出栏2300万羽。", "2300万羽", 2.3e7, "count"),
        ("出动送水车辆350台次。", "350台次", 350, "count"),
    ],
)
def test_units_normalised_to_base(text, span, value_base, base_unit):
    ind = one(text)
    assert ind.text == span
    assert ind.value_base == pytest.approx(value_base)
    assert ind.base_unit == base_unit
    assert text[ind.start : ind.end] == span


@pytest.mark.parametrize(
    "text",
    [
        "2023年5月12日上午9时,会议在市政府召开。",
        "联系电话0793-8221234。",
        "他今年56岁。",
        "深入实施“十四五”规划,推进“1+2+N”体系建设。",
        "全市召开3次专题会议。",
        "一是抓项目,二是抓招商。",
        "这是一个好项目,一批企业参与。",
        "第一时间赶到现场,第一书记带队。",
        "争创全省前列。",
        "该企业被列入名单。",
        "百分之百完成任务。",
        "发展成果惠及千家万户,严格落实中央八项规定。",
        "国庆假期5天,未来10天降雨概率80%。",
        "鄱阳湖星子站水位降至8.96米,主峰海拔1819.9米。",
        "他以总分702分的成绩位列全省理科第5名。",
        "大会选举产生市委委员45名,共有代表680名出席。",
        "抓获犯罪嫌疑人23名,我市组建12个宣讲团。",
        "家中兄妹3人,他排行第二。",
        "2023-11-23发布,型号DJ-200。",
    ],
)
def test_not_figures(text):
    assert extract(text, PUB) == []


def test_hostile_digits_are_fast_and_empty():
    assert extract("7" * 100_000, PUB) == []


@pytest.mark.parametrize(
    ("text", "span", "value_base", "qualifier"),
    [
        ("全村共有农户三百一十二户、一千二百六十八人。", "一千二百六十八人", 1268, None),  # a composed numeral + 人
        ("按每斤二元五角收购。", "二元五角", 2.5, None),  # yuan and jiao
        ("今年纯收入能有三十来万元。", "三十来万元", 300_000, "approx"),
        ("带着十几名技术骨干回到家乡。", "十几名", 10, "over"),
        ("精简申请材料1400余份。", "1400余份", 1400, "over"),
        ("展出农特产品1500余种。", "1500余种", 1500, "over"),
        ("“今年预计能突破六十万元。”他说。", "六十万元", 600_000, "over"),  # quoted speech, no slogan
    ],
)
def test_chinese_numerals_units_and_qualifiers(text, span, value_base, qualifier):
    got = {i.text: i for i in extract(text, PUB)}
    assert span in got, list(got)
    assert (got[span].value_base, got[span].qualifier) == (value_base, qualifier)


@pytest.mark.parametrize(
    "text",
    [
        "不到两个小时就变成了部件。",  # a duration, not two of something
        "落实“八个一”要求。",  # a slogan
        "五人行,必有我师。",
        "出台《促进民营经济发展十二条措施》。",  # a document's title
    ],
)
def test_numerals_that_are_no_figures(text):
    assert [i.text for i in extract(text, PUB)] == []


def test_a_doubling_is_a_growth_of_a_hundred_percent():
    got = extract("今年一季度，公司订单同比翻了一番。", dt.date(2025, 5, 10))
    assert [(i.text, i.kind, i.value_base, i.base_unit) for i in got] == [("一番", "growth", 100.0, "percent")]
    assert [i.value_base for i in extract("全县外贸进出口额比2015年翻两番。", dt.date(2025, 5, 10))] == [300.0]
    assert extract("这家店的生意红火了一番。", dt.date(2025, 5, 10)) == []


@pytest.mark.parametrize("text", ["新车间投用后，公司产能翻了一番。", "节日期间，店里客流比平时翻了一番。"])
def test_a_doubling_against_no_year_is_no_figure(text):
    assert extract(text, dt.date(2025, 5, 10)) == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("暑运期间加开临客列车22趟。", "22趟"),
        ("桥梁桩基完成860根。", "860根"),
        ("假期共发车640班次。", "640班次"),
        ("全年完成托管服务面积38万亩次。", "38万亩次"),
        ("基地年供苗能力达1.2亿尾。", "1.2亿尾"),
    ],
)
def test_counters_of_trains_piles_and_passes(text: str, span: str):
    assert [i.text for i in extract(text, dt.date(2024, 7, 1))] == [span]


def test_declines_written_with_a_minus_sign_or_as_negative_growth():
    got = extract("基础设施投资增长-3.1%，汽车类零售额负增长5.2%。", dt.date(2019, 5, 20))
    assert [(i.text, i.kind, i.value_base) for i in got] == [("-3.1%", "growth", -3.1), ("5.2%", "growth", -5.2)]
    assert [i.value_base for i in extract("今年出口量增长一成左右。", dt.date(2019, 5, 20))] == [10.0]
    assert extract("这种局面一成不变。", dt.date(2019, 5, 20)) == []
    assert [i.value for i in extract("2019-2020年，全县新增企业36家。", dt.date(2021, 1, 5))] == [36.0]
    got = extract("营收达到500亿—600亿元，年度计划投资150亿-180亿元。", dt.date(2021, 1, 5))
    assert [(i.text, i.value) for i in got] == [("500亿", 500), ("600亿元", 600), ("150亿", 150), ("180亿元", 180)]


def test_a_decline_given_as_its_size():
    got = extract("均价为每平方米6120元，较年初回落380元，降幅5.8%。", dt.date(2023, 12, 10))
    assert (got[-1].kind, got[-1].value_base) == ("growth", -5.8)


def test_an_amount_written_in_two_groups():
    got = extract("去年，公司研发投入达2亿3500万元。", dt.date(2023, 5, 20))
    assert [(i.text, i.value, i.unit, i.value_base) for i in got] == [("2亿3500万元", 2.35, "亿元", 235_000_000)]


@pytest.mark.parametrize(
    ("text", "span", "value_base"),
    [
        ("现在一季度就有五六家企业上门洽谈。", "五六家", 5.0),
        ("亩均收入可达三四千元。", "三四千元", 3000.0),
        ("一年纯收入十五六万元。", "十五六万元", 150000.0),
    ],
)
def test_a_vague_pair_of_numerals_is_the_lower_approximately(text: str, span: str, value_base: float):
    got = [i for i in extract(text, dt.date(2023, 5, 20)) if i.text == span]
    assert [(i.value_base, i.qualifier) for i in got] == [(value_base, "approx")]
    assert [i.value for i in extract("全县有三十四家规上企业。", dt.date(2023, 5, 20))] == [34.0]


def test_the_first_place_is_rank_one_in_a_ranking_only():
    got = extract("今年一季度，全县钨精矿产量居全省首位。", dt.date(2023, 5, 20))
    assert [(i.text, i.kind, i.value_base) for i in got] == [("首位", "rank", 1.0)]
    assert extract("全县把电子信息作为首位产业，首位度不断提升。", dt.date(2023, 5, 20)) == []


def test_a_range_of_multiples_in_chinese_numerals():
    got = extract("稻虾共养的利润是单种水稻的三至四倍。", dt.date(2023, 5, 20))
    assert [(i.text, i.value_base) for i in got] == [("三", 3.0), ("四倍", 4.0)]


def test_a_bare_hundred_million_of_a_threshold():
    text = "全县亿元以上在建项目86个，营业收入超亿元企业52户，投入资金上亿元。"
    got = {i.text: i for i in extract(text, PUB)}
    assert (got["亿元以上"].value_base, got["亿元以上"].qualifier) == (1e8, "over")
    assert got["亿元以上"].metric == "在建项目投资额门槛"
    assert (got["亿元"].value_base, got["亿元"].qualifier, got["亿元"].start) == (1e8, "over", text.index("超亿") + 1)
    assert sorted(got) == ["52户", "86个", "亿元", "亿元以上"]  # (上亿元: no threshold, no figure)


@pytest.mark.parametrize(
    ("text", "span"),
    [("项目投产后可年产皮鞋600万双。", "600万双"), ("合作社卖出米酒3.2万瓶。", "3.2万瓶"),
     ("今年出让工业用地42宗。", "42宗"), ("基地接待研学团队1200批次。", "1200批次")],
)
def test_counts_in_pairs_bottles_parcels_and_batches(text, span):
    got = {i.text: i for i in extract(text, PUB)}
    assert got[span].base_unit == "count"


def test_people_counted_by_a_bare_wan_and_the_noun_after_it():
    got = {i.text: i for i in extract("工程解决了12.4万农村人口的饮水问题，投入资金3万元。", PUB)}
    assert (got["12.4万"].value_base, got["12.4万"].base_unit, got["12.4万"].metric) == (124000, "count", "农村人口")
    assert got["3万元"].base_unit == "CNY"


def test_an_accounts_followers_are_no_figure():
    got = extract("她的直播间粉丝已涨到了26万，今年已卖出脐橙8万斤。", dt.date(2024, 12, 5))
    assert [i.text for i in got] == ["8万斤"]
