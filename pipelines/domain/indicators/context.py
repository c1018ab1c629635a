"""Word tables for reading the context around a figure: growth, share, target, metric clean-up."""

from __future__ import annotations

# Growth verbs (immediately before a % or 个百分点) → sign.
GROWTH_WORDS: dict[str, int] = {
    "同比增长": 1,
    "同比增加": 1,
    "同比上升": 1,
    "同比提高": 1,
    "同比下降": -1,
    "同比减少": -1,
    "同比回落": -1,
    "增长": 1,
    "增加": 1,
    "增速": 1,
    "增幅": 1,
    "增速为": 1,
    "增幅为": 1,
    "增长率": 1,
    "增长率为": 1,
    "提高": 1,
    "提升": 1,
    "上升": 1,
    "上涨": 1,
    "攀升": 1,
    "扩大": 1,
    "下降": -1,
    "减少": -1,
    "回落": -1,
    "降低": -1,
    "下滑": -1,
    "下跌": -1,
    "收窄": -1,
    "减": -1,
    "增": 1,
    "降": -1,
    "涨": 1,
    "同比": 1,
    "负增长": -1,  # 汽车类零售额负增长6.3%: a decline
    "降幅": -1,  # 较年初回落412元,降幅6.2%: the decline's size
    "降幅为": -1,
    "多": 1,  # 预订量比2019年同期多了三成
    "翻": 1,  # 翻了一番 (the figure's unit 番 makes it a doubling)
    "少": -1,
}
# After a growth verb, these turn it into a level (提高到 80%, 降至 2.94%): not a growth, unless what moved
# is itself a growth rate (增速回落至3.1%: the growth is now 3.1 %).
LEVEL_AFTER_GROWTH = ("至", "到")
# Words allowed between the growth verb and the number.
GROWTH_FILLER = ("了", "达", "达到", "约", "近", "超", "超过", "逾", "分别", "分别为", "分别达")
# Words that mark a month-on-month comparison (kept out of yoy_pct).
# (比上月同期下降30%: against the month before; 比上周下降8.1%: the week before)
MOM_WORDS = ("环比", "比上月", "较上月", "比上个月", "较上个月", "比上周", "较上周")
# Nouns naming a growth rate (增速位居全市第一: the rank of the growth rate just given).
GROWTH_NOUNS: tuple[str, ...] = ("增速", "增幅", "涨幅", "增长率", "增长速度")

# A comparison with the same period a year before (同比增长, 比上年同期增长, 较去年增加): a yearly change.
YEAR_ON_YEAR_BASES: tuple[str, ...] = (
    "同比", "比上年同期", "比去年同期", "比上年", "比去年", "较上年同期", "较上年", "较去年同期", "较去年",
    "比前年", "较前年",  # 去年实现营收48.6亿元,比前年增长21.3%: last year's, over the year before
    "同口径",  # 一般公共预算收入16.9亿元,同口径增长6.2%: on a like-for-like basis, against the year before
)
# The name's end of a growth since the start of the year (贷款余额比年初增长6.9%): no yoy, and a flow since January.
SINCE_JANUARY_GROWTH = "比年初增速"
# The start of a year a change in a stock is counted from, after 比/较 (比年初增加, 较上年末增长: last year's end is
# this January)
SINCE_YEAR_START: tuple[str, ...] = ("年初", "上年末", "上年底", "去年末", "去年底")
# A change in an amount or a count written right before it (比上年净增7亿元, 比年初增加412亿元): a record of
# its own, named after what changed plus the cue (…比年初增加额), never a second value of the level itself.
DELTA_BASES: tuple[str, ...] = (
    *YEAR_ON_YEAR_BASES, "比年初", "较年初",
    "比去年底", "比上年底", "比上年末", "比去年末", "较去年底", "较上年底", "较上年末", "较去年末",
)
DELTA_VERBS: tuple[str, ...] = (
    "净增加", "净减少", "净增", "新增", "增加", "减少", "增长", "下降", "提高", "上涨", "降低", "下跌",
    "多增", "少增", "增收", "减收",
)
# Without a comparison base only a net change or a completed one (增加了) is a delta: 增加投资5亿元 is not.
DELTA_CUES: tuple[str, ...] = (
    *(base + verb for base in DELTA_BASES for verb in DELTA_VERBS),
    "净增加", "净减少", "净增", "增加了", "减少了",
)
# Share markers (a % that is a level, not a change).
SHARE_WORDS = ("占比", "比重", "占", "率", "比例", "份额", "覆盖")

# Target / plan / forecast cues anywhere in the clause before the figure (or the sentence head).
TARGET_CUES: tuple[str, ...] = (
    "力争",
    "预计",
    "目标",
    "将达",
    "将实现",
    "将突破",
    "将超",
    "将新增",
    "将形成",
    "将建成",
    "将再",
    "还将",
    "还要",  # 年底前还要再招300名缝纫工
    "要推动", "要实现", "要突破", "要达到", "要新增",  # 今年我们要推动产业集群总产值突破2600亿元
    "计划",
    "规划",
    "拟",
    "有望",
    "建成后",
    "满产后",
    "投产后",
    "达产后",
    "全面投产",
    "确保",
    "预期",
    "冲刺",
    "打造",
    "迈向",
    "可达",
    "冲",
    "将",
)
# Cues that a capacity is reached (建成, 投产) cancel a capacity target.
ACHIEVED_CUES: tuple[str, ...] = ("已建成", "全面建成", "建成投产", "已投产", "相继投产", "竣工投产", "已经")

# A count named only by one of these verbs counts more of what the figure before it counts (规上企业达到312家,
# 其中上半年新增17家).
BARE_CHANGE_VERBS: tuple[str, ...] = ("新增", "净增", "新增加", "增加", "减少", "净减少")
# Words that start a change (由35家增至128家, 5家比上年增加2家): never the noun a figure counts.
CHANGE_WORDS: tuple[str, ...] = ("增至", "增加", "增长", "增到", "减少", "下降", "降至", "提高", "上升", "扩大", "缩减",
                                 "比", "较", "同比", "环比", "达到", "占")
# Words stripped from the end of the text before a figure to leave the metric name.
METRIC_TRAILING: tuple[str, ...] = (
    "分别为",
    "分别达",
    "分别",
    "同口径增长",
    "同口径",
    "按可比口径",  # (按可比口径同比增长21.7%: how the growth was reckoned)
    "可比口径",
    "负增长",
    "同比翻了",
    "同比翻",
    "翻了",
    "翻",
    "同比增长",
    "同比增加",
    "同比下降",
    "同比减少",
    "比上年增长",
    "比上年同期",
    "比上年",
    "较去年同期",
    "较去年",
    "较上年同期",
    "较年初",
    "比年初",
    "比上年末",
    "较上年末",
    "比上年底",
    "较上年底",
    "比去年底",
    "较去年底",
    "比去年同期",
    "比去年",
    "比前年",
    "较前年",
    "较上年",
    "同比",
    "达到",
    "做到",  # 今年上半年已经做到了1.1亿元: the level named before, reached
    "达",
    "实现",
    "完成",
    "突破",
    "超过",
    "超出",
    "超",
    "逾",
    "近",
    "约为",
    "约",
    "为",
    "是",
    "有",
    "共有",
    "只有",  # 员工只有80人 (有 alone is stripped first: 只有 is looked for before it below)
    "仅有",
    "共",
    "总计",
    "合计",
    "累计",
    "已",
    "已经",
    "全部",
    "仅",
    "首次",
    "增长",
    "增加",
    "增至",  # 规上企业增至312家: the level it rose to
    "由",  # 高新技术企业由2018年的35家…
    "从",
    "将从",
    "降至",
    "回升至",  # (6月份增速回升至6.3%: the rate, after its move)
    "回落至",
    "回升到",
    "回落到",
    "升至",
    "提升至",  # (not 提 + 升至)
    "提升到",
    "提高至",
    "提高到",
    "上升至",
    "上升到",
    "压缩至",  # 平均办理时限压缩至1.5个工作日
    "压缩到",
    "缩短至",
    "缩短到",
    "扩大至",
    "扩大到",
    "增速",
    "增幅",
    "下降",
    "减少",
    "回落",
    "提高",
    "提升",
    "上升",
    "上涨",
    "下跌",
    "下滑",
    "降低",
    "攀升",
    "净增",
    "可获",
    "获",
    "年",
    "之",
    "的",
    "了",
    "在",
    "和",
    "等",
    "预计",
    "将",
    "可",
    "再",
    "连续",
    "先后",
    "相继",
    "中",
    "保持",
    "稳定在",
    # (良品率一直保持在98.7%以上, 客座率基本保持在九成以上: adverbs of how the level held)
    "一直",
    "基本",
    "始终",
    "降至",
    "至",
    "到",
    "力争",
    "有望",
    "控制在",
    "控制",
    "由",
    "拥有",
    "建设",
    # a conversion of the figure before (1.2亿美元,约合人民币8.6亿元) measures the same thing
    "约合人民币",
    "折合人民币",
    "约合",
    "折合",
    "大关",
    "过",
    # qualifiers and adverbs a figure may follow (产值不足5亿元, 每亩纯收入就超过了2000元, 前5个月又实现了)
    "不足",
    "不到",
    "不过",
    "不低于",
    "不少于",
    "至少",
    "不超过",
    "不",
    "就",
    "又",
    "还",
    "也",
    # the base of a rate, written before the figure (标准提高到每人每月850元, 设计精炼能力为每年100吨)
    "每人每月",
    "每人每年",
    "每人每",
    "每月",
    "每年",
    "每",
)
# Words stripped from the start of the metric text.
METRIC_LEADING: tuple[str, ...] = (
    "其中",
    "但",
    "而",
    "同时",
    "此外",
    "将",
    "力争",
    "有望",
    "预计",
    "目标是",  # 今年的目标是产值突破4亿元
    "要推动",  # 今年我们要推动产业集群总产值突破2600亿元
    "要",
    "目标为",
    "另外",
    "另有",
    "并",
    "且",
    "均",
    "共",
    "全年",
    "实现",
    "完成",
    "已",
    "累计",
    "年均",
    "当年",
    "今年以来",
    "以来",
    "目前",
    "本周",  # 本周青椒平均零售价为每500克3.6元: the week of a weekly price report
    "假期",  # 假期接待游客: the holiday is the period's (国庆假期), not the metric's
    "支付",  # 已支付赔款4860万元: 赔款, what was paid
    "我们",
    # what part of a period a figure covers (当季, 当月: the period says it)
    "当季",
    "当月",
    "单月",
    # list markers (二是新增规上工业企业23家)
    *(n + "是" for n in "一二三四五六七八九十"),
    "首先",
    "其次",
    "至今",
    "现有",
    "拥有",
    "主要",
    "还",
    "也",
    "就",
    "都",
    "在",
    "的",
    "已经",
    # determiners: 各类企业 → 企业
    "各类",
    "各种",
    "各级",
    "各项",
    "此次",
    "本次",
    "这些",
    # verbs of having or gathering: 汇聚企业 → 企业
    "共有",
    "汇聚",
    "集聚",
    "聚集",
    "可获",
    "获得",
    "调配",
    "聘请",
    "选派",
    "招收",
    "招聘",
)
# A trailing 能 is a modal (能达到) unless it ends a noun (产能, 动能, 智能 …): the character before it.
NENG_NOUN_BEFORE = "产动功性效储节智技光热电风核势体才赋"
# Verbs before a count that introduce the counted noun after it (拥有 7 台机器人).
COUNT_INTRO_VERBS: tuple[str, ...] = (
    "拥有",
    "有",
    "现有",
    "共有",
    "引进",
    "培育",
    "建成",
    "新建",
    "新增",
    "集聚",
    "汇聚",
    "聚集",
    "带动",
    "吸引",
    "落户",
    "组建",
    "选派",
    "安排",
    "制定",
    "组建",
    "聘请",
    "招收",
    "招聘",
    "吸纳",
    "改造",
    "升级改造",
    "出台",
    "提供",
    "装修",
    "签约",
    "认定",
    "创建",
    "获批",
    "实施",
    "开工",
    "推进",
    "完成",
    "达",
    "建设",
    "规划建设",
    "打造",
    "调配",
)
# Where a noun phrase after a count stops (verbs and function words).
NOUN_STOP: tuple[str, ...] = (
    "实现", "正在", "正", "获评", "获批", "获", "被", "已", "在", "的", "为", "于", "是", "将", "与", "和", "及",
    "参与", "进行", "对", "成功", "全部", "均", "已经", "通过", "中", "以", "相继", "完成", "挂点", "结对",
    "集聚", "聚集", "互动", "落户", "入驻", "投产", "开工", "竣工", "签约", "建成", "达到", "达", "快速", "加快",
    "张", "忙", "发展", "形成", "提供", "带动", "共", "累计", "新增", "作为", "用于", "实施", "推进", "开展",
    "上市", "申报", "进入", "列入", "纳入", "位居", "位列", "居", "列", "占", "制定", "全面", "约", "紧随", "初显",
    "迸发", "渐渐", "施工", "现场", "散落", "脱贫", "顺利", "逐步", "不断", "持续", "同时", "分别",
    "零的", "帮扶", "打破", "成为", "等", "刚刚", "林立", "满负荷", "来回", "往来", "穿梭", "轰鸣",
    "昼夜", "火花", "一字排开", "整齐", "同时作业", "有序", "马力",  # 十几条生产线昼夜不停: what is seen of them
    "集中",  # 21个重大项目集中开工 (a noun that starts with it, 集中喷涂中心, stays: the search starts after it)
    # a time after what is counted (680余家精品民宿国庆假期平均入住率…: 精品民宿), and 平均 before its 均
    "平均", "国庆", "春节", "五一", "端午", "中秋", "元旦", "清明", "假期", "期间",
)
# Nouns that start with a word of NOUN_STOP (8个夜间消费集聚区: a kind of zone, not 集聚 the verb; 12个国家和地区:
# what is counted, one phrase).
NOUN_STOP_NOUNS: tuple[str, ...] = ("集聚区", "聚集区", "和地区")
# Text before a figure is cut after the last of these: what precedes is another predicate.
METRIC_CUT_AFTER: tuple[str, ...] = ("了", "把", "让", "使", "我们", "他们", "记者", "介绍", "表示", "看到",
                                     "：", ":", "…", "——", "建成后", "投产后", "达产后", "竣工后", "成为", "形成")
# Deleted anywhere inside a metric (主导产业实现营收 → 主导产业营收).
METRIC_INFIX_DELETE: tuple[str, ...] = ("可实现", "实现", "完成", "累计", "可获", "分别", "预计")
# Rank verbs and scopes stripped from the text before 第N.
RANK_VERBS: tuple[str, ...] = (
    "分列", "分居", "前进", "提升", "上升", "稳居", "位居", "位列", "名列", "并列", "均列", "排名", "排在", "排", "居",
    "列", "进入",
    "跻身", "前进至", "升至", "从", "中", "在", "均", "继续", "连续", "蝉联", "保持", "为", "成为", "是",
)
RANK_SCOPES: tuple[str, ...] = ("全国", "全省", "全市", "全区", "全县", "全球", "世界")
# Count-intro verbs after which the counted noun follows the figure; amounts use these too.
AMOUNT_INTRO_VERBS: tuple[str, ...] = ("获得", "可获", "获", "发放", "准备了", "准备", "募集", "争取", "兑现", "拨付",
                                       "投入", "带来", "签下了", "签下", "斩获", "拿下")

# Metric suffix of a count, by the classifier (名 → 人数); others take 数.  Only for metrics named
# from the noun before the figure or by a person noun (院士7名 → 院士人数, 政策20条 → 政策条数).
CLASSIFIER_COUNT_SUFFIX: dict[str, str] = {
    "名": "人数",
    "人": "人数",
    "位": "人数",
    "户": "户数",
    "条": "条数",
    "类": "类别数",
    "大类": "类别数",
    "次": "次数",
}
# A counted noun ending in one of these counts people (164个工作队员 → 工作队员人数).
PERSON_NOUN_ENDINGS: tuple[str, ...] = (
    "人", "人员", "员", "者", "领导", "干部", "群众", "士", "工", "劳动力", "人才", "代表", "会长", "学生", "教师",
    "医生", "农民", "村民", "居民", "职工", "专家", "对象", "志愿者", "游客",
)
# Counted people named with 数 rather than 人数 (员工数, 人才数, 研发人员数).
PERSON_PLAIN_COUNT_ENDINGS: tuple[str, ...] = ("工", "才", "口", "人员")
# A count in 户 is of households after these nouns (居民1000户); of firms otherwise (入驻企业1300户).
HOUSEHOLD_NOUN_ENDINGS: tuple[str, ...] = ("户", "居民", "家庭", "村民", "群众", "人家", "农民", "社员", "会员")
# A metric ending in one of these already names a quantity: no 数 after it (目标产能150万片).
QUANTITY_NOUN_ENDINGS: tuple[str, ...] = (
    "数", "数量", "量", "产能", "额", "值", "规模", "面积", "率", "收入", "里程", "长度", "人次", "总量",
    "存栏", "出栏",  # (生猪存栏186.4万头: the head of stock, no 存栏数)
)
# Length metrics: a road-like noun takes 里程, anything else 长度.
ROAD_NOUN_ENDINGS: tuple[str, ...] = ("路", "道", "线", "公路", "铁路")
# Counted nouns that are not about the economy (a memorial's 23179名烈士名字).
NON_ECONOMIC_NOUNS: tuple[str, ...] = (
    "烈士", "英烈", "先烈", "红军", "名字", "姓名", "特点", "方面", "亮点", "原则", "步骤", "环节",
    "委员", "代表", "宣讲", "工作组", "意见建议", "被告人", "嫌疑人", "部分", "发言人",
    "孩子",  # 照顾两个孩子
    "班子",  # 县四套班子领导: the leading bodies (a count of indicators, 四项指标, is a figure: the seeds count it)
)
# Words just before a figure that show it measures something outside the economy: a holiday's length, a
# water level, a rain forecast, an exam score, a medal table, party delegates (by what the figure is).
NON_ECONOMIC_BEFORE: dict[str, tuple[str, ...]] = {
    "duration": ("假期", "放假", "未来", "徒刑", "拘留", "会期", "大会", "会议", "降雨", "无雨", "连续"),
    "metre": ("水位", "海拔", "高程", "身高", "积雪", "跳"),
    "percent": ("降雨", "降水", "雨量", "概率", "湿度", "阳性率", "病例", "感染"),
    "rank": ("奖牌", "金牌", "比赛", "考生", "理科", "文科", "成绩", "兄妹", "姐妹", "兄弟"),
    "score": ("满分", "考生", "理科", "文科", "高考", "中考", "成绩"),
    "count": (
        "委员", "代表", "党员", "被告人", "嫌疑人", "志愿者", "兄妹", "姐妹", "兄弟", "金牌", "银牌", "铜牌", "奖牌",
    ),
}
