"""Metric naming rules (extractor 2026.11.26-3): short sentences of our own."""

from __future__ import annotations

import datetime as dt

import pytest

from pipelines.domain.indicators import extract

PUB = dt.date(2024, 6, 30)


def metric_of(text: str, span: str) -> str | None:
    got = {i.text: i for i in extract(text, PUB)}
    assert span in got, list(got)
    return got[span].metric


@pytest.mark.parametrize(
    ("text", "span", "metric"),
    [
        # the noun right after a classifier is what is counted
        ("车间新上8条包装生产线。", "8条", "包装生产线数"),
        ("全县建成12个省级(示范、标准)合作社。", "12个", "省级合作社数"),
        ("今年对口帮扶9个社区(居)。", "9个", "社区(居)数"),
        # the kinds of unit a count spans stay with it
        ("该市下辖7个县(市、区)。", "7个", "县(市、区)数"),
        ("货物发往全国19个省（区、市）。", "19个", "省（区、市）数"),
        # 中 inside a word is no stop; what was done to what is counted is no part of it
        ("车间里，16台加工中心满负荷运转。", "16台", "加工中心数"),
        ("全区建成21个集中供气站。", "21个", "集中供气站数"),
        ("全县9个重大项目集中开工。", "9个", "重大项目数"),
        ("三条新建的生产线已经投产。", "三条", "生产线数"),
        # what is counted ends before a measure said of it
        ("前三季度全市8条重点产业链营收增长7.1%。", "8条", "重点产业链数"),
        ("信丰高新区增速居五个园区首位。", "五个", "园区数"),
        # units counted, then a measure of each: the count is of the units
        ("全乡9个行政村村集体经济收入都超过了8万元。", "9个", "行政村数"),
        ("目前，该县213个建制村宽带覆盖率达到100%。", "213个", "建制村数"),
        ("全镇建成4个村级光伏电站。", "4个", "村级光伏电站数"),
        ("园区培育3个百亿级产业集群。", "3个", "百亿级产业集群数"),
        ("该镇有2台共500吨位的起重机。", "2台", "起重机数"),
        # person classifiers: 人数; 工/才 words take 数
        ("该县现有教授12名。", "12名", "教授人数"),
        ("实验室里,20多名检测人员正在忙碌。", "20多名", "检测人员数"),
        ("该厂新增4条LED封装生产线。", "4条", "LED封装生产线数"),
        # a scene's verbs and adverbs after the counted noun are no part of it
        ("工地上,十余台吊车林立。", "十余台", "吊车数"),
        ("厂区内,新建的6栋宿舍楼刚刚封顶。", "6栋", "宿舍楼数"),
        ("车间里,9条灌装线满负荷运转。", "9条", "灌装线数"),
        ("路面上,30多辆渣土车来回穿梭。", "30多辆", "渣土车数"),
        ("全县集聚物流从业人员1.8万人。", "1.8万人", "物流从业人员数"),
        ("工地上有300多名工人坚守岗位。", "300多名", "工人数"),
        ("县里选派45名干部驻村。", "45名", "干部人数"),
        # 户: households after household nouns, firms otherwise
        ("惠及周边800户居民。", "800户", "居民户数"),
        ("该区入驻企业260户。", "260户", "入驻企业数"),
        ("合作社现有社员136户。", "136户", "社员户数"),
        # a classifier names the count of a noun before it
        ("该县共有稳就业措施15条。", "15条", "稳就业措施条数"),
        ("梳理出5大类问题。", "5大类", "问题类别数"),
        # a count of times names the event after it
        ("该产品连续3次刷新行业纪录。", "3次", "该产品刷新行业纪录次数"),
    ],
)
def test_count_metrics(text, span, metric):
    assert metric_of(text, span) == metric


@pytest.mark.parametrize(
    ("text", "span", "metric"),
    [
        # leading determiners and verbs of having/gathering go
        ("经开区已汇聚企业90家。", "90家", "企业数"),
        ("园区现有各类商户150家。", "150家", "商户数"),
        # trailing adverbs and "among" go; 总数 is 数
        ("全县1200名农民工中的800人已返乡。", "800人", "农民工数"),
        ("省级以上平台总数15个。", "15个", "省级以上平台数"),
        # 能 is a modal unless it ends a noun
        ("该厂年产能将达到5万辆。", "5万辆", "年产能"),
        ("可超出三季度目标产能30万件。", "30万件", "目标产能"),
        # 同等 is a word, not the end of a list
        ("全区现有硕士及同等学力人员40名。", "40名", "硕士及同等学力人员数"),
        # an infix 可获 goes
        ("每个村集体可获分红约8万元。", "8万元", "每个村集体分红"),
    ],
)
def test_metric_clean_up(text, span, metric):
    assert metric_of(text, span) == metric


@pytest.mark.parametrize(
    ("text", "span", "metric"),
    [
        ("已经运来了60吨水泥和90立方砂石。", "60吨", "水泥量"),
        ("已经运来了60吨水泥和90立方砂石。", "90立方", "砂石量"),
        ("新修12公里道路。", "12公里", "道路里程"),
        ("规划建设了8.5平方公里的物流园。", "8.5平方公里", "物流园面积"),
        ("新建的某公司10GW电池片项目开工。", "10GW", "电池片产能"),
    ],
)
def test_measure_metrics(text, span, metric):
    assert metric_of(text, span) == metric


def test_share_named_by_the_rate_after_it():
    assert metric_of("今天已经恢复95%的设备开工率。", "95%") == "设备开工率"


def test_threshold_of_projects():
    assert metric_of("每年新引进一个五十亿以上大项目。", "五十亿以上") == "大项目投资额门槛"


def test_rank_keeps_the_scope_where_written_and_a_move_keeps_the_ranking():
    got = {i.text: i.metric for i in extract("在全省县级市中排名从第八上升至第五。", PUB)}
    assert got["第八"] == "全省县级市排名"
    assert got["第五"] == "全省县级市排名"
    assert metric_of("申报项目数居全省第三。", "第三") == "申报项目数全省排名"


@pytest.mark.parametrize(
    ("text", "span", "metric"),
    [
        ("全县31个村集体经济收入均达到15万元。", "15万元", "村集体经济收入"),
        ("各乡镇招商引资项目数均在5个以上。", "5个以上", "各乡镇招商引资项目数"),
        ("全县农民人均达到1.6万元。", "1.6万元", "农民人均"),
    ],
)
def test_adverb_jun_is_stripped_but_not_from_per_capita(text, span, metric):
    assert metric_of(text, span) == metric


def test_quotes_in_metric_are_balanced():
    assert metric_of("计划引进20个‘双百’项目。", "20个") == "“双百”项目数"


def test_line_broken_mid_sentence_is_not_a_clause_break():
    text = "据行业协会统计，该企业去年成为全国首家电池出货量突破\n\n50GW的厂商。"
    assert metric_of(text, "50GW") == "全国首家电池出货量"


def test_a_long_headline_is_no_line_broken_mid_sentence_before_the_lead():
    from pipelines.domain.indicators.sentences import split_sentences

    text = "赣州经开区集中签约15个项目 总投资186.5亿元\n\n本报讯 记者 黄慧报道：12月8日,签约活动举行。"
    assert [text[x.start : x.end] for x in split_sentences(text)][0] == "赣州经开区集中签约15个项目 总投资186.5亿元"


@pytest.mark.parametrize(
    "text",
    [
        "纪念碑上刻着3200名烈士名字。",  # not about the economy
        "游客漫步在600米的古街上。",  # a scene, not a reported length
    ],
)
def test_not_figures(text):
    assert extract(text, PUB) == []


def test_reported_length_with_a_verb_is_kept():
    assert metric_of("改造了600米的古街。", "600米") == "古街长度"


def test_noun_phrase_does_not_start_with_a_predicate():
    assert metric_of("流转土地300亩用于种植。", "300亩") == "流转土地"


@pytest.mark.parametrize(
    ("text", "span", "metric"),
    [
        # a verb and its object name the quantity: 生产X → X产量, 销售 (after it) → X销量
        ("一季度,该厂生产电动摩托车8.6万辆,销售8.1万辆。", "8.6万辆", "电动摩托车产量"),
        ("一季度,该厂生产电动摩托车8.6万辆,销售8.1万辆。", "8.1万辆", "电动摩托车销量"),
        # (passengers keep the verb's name as written: 发送旅客, the catalogue's synonym of 旅客发送量)
        ("全年发送旅客1628.4万人次,日均发送4.46万人次。", "1628.4万人次", "发送旅客"),
        ("全年发送旅客1628.4万人次,日均发送4.46万人次。", "4.46万人次", "日均发送旅客"),
        ("1—8月累计出栏生猪51.3万头。", "51.3万头", "生猪出栏量"),
        ("春季车展期间，共售出汽车1286辆。", "1286辆", "汽车销量"),
        ("一季度，累计发运集装箱5628标箱。", "5628标箱", "集装箱发运量"),
        ("今年上半年，我们卖出了2100多万台电机。", "2100多万台", "电机销量"),  # the verb, the figure, the noun
        ("打造郁孤台、江南宋城等8个夜间消费集聚区。", "8个", "夜间消费集聚区数"),  # 集聚区: a noun, not 集聚
        ("“我们今年的目标是产值突破4亿元。”", "4亿元", "产值"),
        ("社零总额实现268.4亿元，增长5.8%。", "268.4亿元", "社会消费品零售总额"),  # abbreviations written out
        ("员工队伍从建厂之初的60多人发展到如今的860余人。", "860余人", "员工队伍人数"),  # the level it rose to
        ("今年店面从1家扩展到3家。", "1家", "店面数"),  # named before 从, after the period phrase
        ("今年店面从1家扩展到3家。", "3家", "店面数"),
        ("其中工业投资增长14.6%，占固投的比重为46.8%。", "46.8%", "工业投资占固定资产投资比重"),
        ("全村共412户1736人，其中脱贫户68户253人。", "412户", "户数"),  # a village's households and people
        ("全村共412户1736人，其中脱贫户68户253人。", "1736人", "人口"),
        ("全村共412户1736人，其中脱贫户68户253人。", "253人", "脱贫人口"),  # the people of those households
        ("一季度，该厂生产了1.2万吨钢材。", "1.2万吨", "钢材产量"),
        ("一季度我们交付整车8650辆。", "8650辆", "整车交付量"),
        ("落户之初，员工只有80人。", "80人", "员工数"),
        ("已完成整改53项,完成率为96.4%。", "96.4%", "整改完成率"),  # a bare rate is of the level before it
        ("二是新增高新技术企业23家,总数达到158家。", "158家", "高新技术企业总数"),  # the total of what was added to
        ("其中工业投资增长16.4%,占全部投资的比重为48.6%。", "48.6%", "工业投资占全部投资比重"),
        ("出口额由0.9亿美元增加到11.6亿美元,年均增长66.8%。", "66.8%", "出口额年均增速"),
        ("展会现场签约18.3亿元。", "18.3亿元", "展会现场签约金额"),  # 签约 is a verb, not 签 + 约
        ("年产能将由现在的4500万台提升到7000万台。", "7000万台", "年产能"),  # no name from the verb after it
        ("产品销往北京、上海等地的超过4000吨。", "4000吨", None),  # one character left (地) names nothing
        # a bare 出口 of money is the 出口额 (and its growth the 出口额增速)
        ("上半年,全县出口12.6亿元,增长8.2%。", "12.6亿元", "出口额"),
        ("上半年,全县出口12.6亿元,增长8.2%。", "8.2%", "出口额增速"),
        # the items of a 分别 list end where what is said of them starts
        ("日本、韩国和德国为前三大市场,分别实现出口3.2亿元、2.1亿元和1.6亿元。", "2.1亿元", "韩国出口额"),
    ],
)
def test_names_from_verbs_and_lists(text, span, metric):
    assert metric_of(text, span) == metric


def test_the_measure_the_last_item_of_a_list_names_is_each_items():
    text = "其中，家电、服装、日化类销售额分别增长6.1%、4.3%和8.8%。"
    assert [i.metric for i in extract(text, PUB)] == ["家电销售额增速", "服装销售额增速", "日化类销售额增速"]
    text = "赣县区、南康区、信丰县三个产业园营收分别增长12%、9%和7%。"
    assert [i.metric for i in extract(text, PUB)][0] != "赣县区增速"


def test_items_of_a_list_named_with_he_or_ji_inside_are_split_by_dun_alone():
    text = "前4个月，全县灯具及照明设备、家具、玩具出口分别为3.6亿元、2.2亿元和1.1亿元。"
    assert [i.metric for i in extract(text, PUB)] == ["灯具及照明设备出口额", "家具出口额", "玩具出口额"]


def test_what_was_done_after_gong_names_the_figure():
    assert metric_of("假期，全县28家A级景区共接待游客36.2万人次。", "36.2万人次") == "接待游客"
    assert metric_of("该区公共服务平台达12个。", "12个") == "公共服务平台数"  # (公共 is no 共)


@pytest.mark.parametrize(
    ("text", "span", "metric"),
    [
        ("公司现有光伏组件年产能12GW。", "12GW", "光伏组件年产能"),
        ("全县已形成石材年产能800万平方米的规模。", "800万平方米", "石材年产能"),
        ("新建年产20万立方米砌块项目。", "20万立方米", "砌块年产能"),
        ("已开工项目17个，开工率达85%。", "85%", "项目开工率"),
    ],
)
def test_capacities_and_rates_named_once(text, span, metric):
    assert metric_of(text, span) == metric


def test_a_rank_moved_against_an_earlier_quarter():
    assert metric_of("增速居全市第4位，较一季度前移3位。", "3位").endswith("较一季度前移名次")


def test_a_count_is_not_dropped_for_what_the_next_clause_names():
    text = "瑞金共和国摇篮旅游区接待游客52.3万人次，于都中央红军长征出发地纪念馆接待游客38.7万人次。"
    assert [i.text for i in extract(text, PUB)] == ["52.3万人次", "38.7万人次"]


def test_an_industry_head_the_last_item_names_is_each_items():
    text = "锂电、光伏、新能源汽车产业分别实现营收520亿元、160亿元和290亿元。"
    assert [i.metric for i in extract(text, PUB)] == ["锂电产业营收", "光伏产业营收", "新能源汽车产业营收"]


@pytest.mark.parametrize(
    ("text", "span", "metric"),
    [
        ("公司产品出口美国、越南等18个国家和地区。", "18个", "国家和地区数"),
        ("目前，宏宇电子有员工860余人。", "860余人", "员工数"),
        ("全镇建有蔬菜大棚540个。", "540个", "蔬菜大棚数"),
        ("全县实有经营主体9.6万户。", "9.6万户", "实有经营主体数"),
        ("公司有生产线6条。", "6条", "生产线数"),
    ],
)
def test_what_a_have_verb_counts(text, span, metric):
    assert metric_of(text, span) == metric


def test_a_change_on_the_month_before_is_named_month_on_month():
    got = extract("目前，西瓜批发价每斤1.1元，比上月同期下降25%左右。", PUB)
    assert [(i.metric, i.yoy_pct) for i in got] == [("西瓜批发价(每斤)", None), ("西瓜批发价(每斤)环比涨幅", None)]
    assert metric_of("5月份，全市进出口总值比上月增长5.6%。", "5.6%") == "进出口总值环比增速"


def test_a_plan_share_after_a_growth_is_the_levels():
    text = "上半年，全市重点项目完成投资862.4亿元，同比增长9.6%，占年度计划投资1520亿元的56.7%，超序时进度6.7个百分点。"
    got = {i.text: i.metric for i in extract(text, PUB)}
    assert got["56.7%"] == "重点项目完成投资占年度计划比重"
    assert got["6.7个百分点"] == "重点项目完成投资占年度计划比重超序时进度"


def test_the_base_a_growth_is_compared_with_is_no_part_of_its_name():
    assert metric_of("民宿房价普遍比平时上涨四成左右。", "四成左右") == "民宿房价涨幅"
    assert metric_of("今年合作社加工茶叶50吨，比去年多三成。", "三成") == "加工茶叶增速"


def test_people_counted_by_the_jobs_they_found():
    assert metric_of("今年以来，帮助8600名返乡人员实现就近就业。", "8600名") == "返乡人员就近就业人数"
    assert metric_of("基地带动周边300余名村民就业。", "300余名") == "带动村民就业人数"
    assert metric_of("基地有员工300余名。", "300余名") == "员工数"


def test_what_was_planted_and_sold_names_the_crop():
    assert metric_of("社员李春花今年种了7亩白莲。", "7亩") == "白莲种植面积"
    assert metric_of("去年合作社卖干莲96吨。", "96吨") == "干莲销量"
    assert metric_of("公司去年流转了300亩土地。", "300亩") != "土地种植面积"


@pytest.mark.parametrize(
    ("text", "span", "metric"),
    [
        # who speaks and their adverbs are no part of the name; what was sold is, named before the verb
        ("去年，她家蜜桔一共卖了9万多元。", "9万多元", "蜜桔销售收入"),
        ("“这季油菜籽我已经卖了6000多斤。”", "6000多斤", "油菜籽销售量"),
        # or planted just before it in the sentence
        ("我家种了20亩猕猴桃，去年卖了18万元。", "18万元", "猕猴桃销售收入"),
        ("“他们两口子加起来挣了5万多元。”", "5万多元", "收入"),
        ("扣掉成本，今年净赚三万元。", "三万元", "净收入"),
        ("今年他种了160亩。", "160亩", "种植面积"),
        ("她在合作社干了70多天，挣了9000多元。", "70多天", "务工天数"),
        ("她在合作社干了70多天，挣了9000多元。", "9000多元", "收入"),
        ("“果子挂得多，今年估计能摘8万斤。”", "8万斤", "采摘量"),
        ("“我种了200亩晚稻，预计能收19万斤。”", "19万斤", "产量"),
    ],
)
def test_a_deal_told_in_the_speakers_words(text, span, metric):
    assert metric_of(text, span) == metric


def test_a_deal_at_a_rate_or_against_last_year_is_not_a_total():
    assert metric_of("养鸭一年能挣6万元。", "6万元") == "年收入"
    assert metric_of("今年比去年多赚了8000元。", "8000元") != "收入"
    assert metric_of("今年“618”期间卖了80万元。", "80万元") != "销售收入"


def test_money_spent_so_far_keeps_its_name_apart_from_a_projects_investment():
    got = {i.text: i.metric for i in extract("全县实施重点工程64个，完成投资88.2亿元，占年度计划的71.5%。", PUB)}
    assert got["88.2亿元"] == "完成投资"
    assert got["71.5%"] == "完成投资占年度计划比重"
    assert metric_of("园区在建工业项目完成投资12.6亿元。", "12.6亿元") == "在建工业项目完成投资"
    assert metric_of("新能源电池项目总投资30亿元。", "30亿元") == "总投资"


@pytest.mark.parametrize(
    ("text", "span", "metric"),
    [
        ("白茶产业综合产值4.2亿元，带动3800余户农户增收。", "3800余户", "带动增收农户数"),
        ("合作社带动周边520户果农种植杨梅。", "520户", "带动种植杨梅果农户数"),
        ("养殖基地带动98户脱贫户入股。", "98户", "带动入股脱贫户数"),
    ],
)
def test_households_a_business_brings_to_something(text, span, metric):
    assert metric_of(text, span) == metric


@pytest.mark.parametrize(
    ("text", "span", "metric"),
    [
        ("本届农博会吸引了286家企业参展。", "286家", "参展企业数"),
        ("乡村篮球联赛共有24支村队参赛。", "24支", "参赛村队数"),
    ],
)
def test_a_count_of_those_taking_part_is_named_by_the_part(text, span, metric):
    assert metric_of(text, span) == metric


@pytest.mark.parametrize(
    ("text", "span", "metric"),
    [
        # the holiday is the figure's period, not part of what it measures
        ("国庆期间，龙虎山景区假期接待游客31.5万人次。", "31.5万人次", "接待游客"),
        # how a level held is no part of its name
        ("公司模组良品率一直保持在99.2%以上。", "99.2%以上", "模组良品率"),
        ("暑期航线的客座率基本保持在八成以上。", "八成以上", "客座率"),
    ],
)
def test_words_of_time_and_manner_are_no_part_of_a_name(text, span, metric):
    assert metric_of(text, span) == metric


def test_how_a_growth_was_reckoned_or_moved_is_no_part_of_its_name():
    got = {i.text: i.metric for i in extract("全县接待游客86.2万人次，按可比口径同比增长18.3%。", PUB)}
    assert got["18.3%"] == "接待游客增速"
    got = {i.text: i.metric for i in extract("1—5月规上工业增加值增长6.1%，5月份增速回落至5.2%。", PUB)}
    assert got["5.2%"] == "规上工业增加值增速"


def test_a_threshold_of_visits_counts_no_event():
    text = "去年，机场旅客吞吐量108.3万人次，首次突破百万人次大关。"
    assert {i.text: i.metric for i in extract(text, PUB)}["百万人次"] == "旅客吞吐量"


def test_stock_and_slaughter_of_livestock_name_their_own_quantity():
    text = "3月末，全县生猪存栏42.6万头，同比增长8.1%。一季度生猪出栏18.2万头。"
    got = {i.text: i.metric for i in extract(text, PUB)}
    assert (got["42.6万头"], got["8.1%"], got["18.2万头"]) == ("生猪存栏", "生猪存栏增速", "生猪出栏")


def test_what_was_paid_is_named_without_the_verb():
    assert metric_of("今年以来，全县已支付赔款1260万元。", "1260万元") == "赔款"


@pytest.mark.parametrize(
    ("text", "span", "metric"),
    [
        ("梅港乡、大溪乡、枫港乡晚稻面积排在全县前三位，分别达到4.2万亩、3.8万亩和3.1万亩。", "3.8万亩", "晚稻面积"),
        (
            "上半年，全市建筑业总产值增长7.2%；会昌县、寻乌县增速较快，分别增长12.1%、10.6%。",
            "10.6%", "建筑业总产值增速",
        ),
    ],
)
def test_how_listed_places_rank_is_no_part_of_the_name(text, span, metric):
    assert metric_of(text, span) == metric


def test_a_bare_verb_of_reaching_takes_the_level_named_before():
    text = "去年公司电商销售额2.4亿元，今年前5个月已经做到了1.3亿元。"
    assert [i.metric for i in extract(text, PUB)] == ["电商销售额", "电商销售额"]


@pytest.mark.parametrize(
    ("text", "span", "metric"),
    [
        ("老张说，一亩能挣600多元。", "600多元", "亩均收入"),
        ("种贡米一亩地纯收入1200元左右。", "1200元左右", "贡米亩均纯收入"),
        ("价格虽然低了，一亩还能赚900元。", "900元", "亩均收入"),
    ],
)
def test_what_an_acre_earns_as_a_farmer_says_it(text, span, metric):
    assert metric_of(text, span) == metric


def test_a_count_broken_out_by_qizhong_is_named_with_what_the_whole_counts():
    text = "截至去年底，园区汽车零部件企业达到96家，其中规上企业41家。合作社吸纳社员180户，其中脱贫户33户。"
    got = {i.text: i.metric for i in extract(text, PUB)}
    assert (got["41家"], got["33户"]) == ("规上汽车零部件企业数", "脱贫户社员数")
    got = {i.text: i.metric for i in extract("园区入驻企业120家，其中规上企业38家。", PUB)}
    assert got["38家"] == "规上企业数"  # (入驻: what was done, not a kind of firm)


def test_a_price_per_several_units():
    assert metric_of("本周猪后腿肉零售均价为每500克14.6元。", "14.6元") == "猪后腿肉零售均价(每500克)"
    assert metric_of("菜籽油每5升价格为72元。", "72元") != "菜籽油每5升价格为"


def test_a_yield_per_mu_with_a_modal_is_no_capacity():
    got = extract("今年早稻亩产能达到950斤。", PUB)
    assert [(i.kind, i.metric) for i in got] == [("amount", "早稻亩产")]
