"""Unit table: unit as written → base unit, factor and default kind.

The number's own multiplier (万/亿/万亿/千/百) is handled separately in
``numbers``; a unit like 万元 is listed as 元 with the multiplier parsed
before it, so ``3.2万元`` is number 3.2, multiplier 万, unit 元.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class UnitInfo:
    base_unit: str
    factor: float
    kind: str


# unit as written (after any 万/亿 multiplier) → (base unit, factor to base, default kind)
UNITS: dict[str, UnitInfo] = {
    # money
    "元": UnitInfo("CNY", 1, "amount"),
    "元人民币": UnitInfo("CNY", 1, "amount"),
    "美元": UnitInfo("USD", 1, "amount"),
    # percentages
    "%": UnitInfo("percent", 1, "share"),
    "个百分点": UnitInfo("percentage_point", 1, "growth"),
    "成": UnitInfo("percent", 10, "share"),  # 六成 = 60 %
    "半": UnitInfo("percent", 50, "share"),  # 一半 = 50 % (only after 一: scan)
    "百分点": UnitInfo("percentage_point", 1, "growth"),
    # counts
    "家": UnitInfo("count", 1, "count"),
    "个": UnitInfo("count", 1, "count"),
    "项": UnitInfo("count", 1, "count"),
    "户": UnitInfo("count", 1, "count"),
    "人": UnitInfo("count", 1, "count"),
    "名": UnitInfo("count", 1, "count"),
    "位": UnitInfo("count", 1, "count"),  # 5位院士 (people; 前移8位 is a change of rank: classify)
    "人次": UnitInfo("count", 1, "count"),
    "台": UnitInfo("count", 1, "count"),
    "套": UnitInfo("count", 1, "count"),
    "条": UnitInfo("count", 1, "count"),
    "支": UnitInfo("count", 1, "count"),
    "所": UnitInfo("count", 1, "count"),
    "处": UnitInfo("count", 1, "count"),
    "座": UnitInfo("count", 1, "count"),
    "栋": UnitInfo("count", 1, "count"),
    "片": UnitInfo("count", 1, "count"),
    "件": UnitInfo("count", 1, "count"),
    "只": UnitInfo("count", 1, "count"),
    "张": UnitInfo("count", 1, "count"),
    "间": UnitInfo("count", 1, "count"),
    "类": UnitInfo("count", 1, "count"),
    "大类": UnitInfo("count", 1, "count"),
    "大": UnitInfo("count", 1, "count"),  # 电子信息、食品加工两大产业: a group of named kinds (see classify)
    "辆": UnitInfo("vehicle", 1, "count"),
    "辆次": UnitInfo("vehicle", 1, "count"),  # vehicle trips: counted in vehicles, like 辆
    "台次": UnitInfo("count", 1, "count"),
    "户次": UnitInfo("count", 1, "count"),
    "羽": UnitInfo("count", 1, "count"),  # 家禽出栏2300万羽
    # capacity / energy
    "GW": UnitInfo("GW", 1, "amount"),
    "MW": UnitInfo("GW", 1e-3, "amount"),
    "kW": UnitInfo("GW", 1e-6, "amount"),
    "KW": UnitInfo("GW", 1e-6, "amount"),
    "千瓦": UnitInfo("GW", 1e-6, "amount"),
    "兆瓦": UnitInfo("GW", 1e-3, "amount"),
    "吉瓦": UnitInfo("GW", 1, "amount"),
    # area
    "亩": UnitInfo("mu", 1, "area"),
    "平方米": UnitInfo("m2", 1, "area"),
    "平米": UnitInfo("m2", 1, "area"),
    "㎡": UnitInfo("m2", 1, "area"),
    "平方公里": UnitInfo("m2", 1e6, "area"),
    "平方千米": UnitInfo("m2", 1e6, "area"),
    "公顷": UnitInfo("m2", 1e4, "area"),
    # distance
    "公里": UnitInfo("km", 1, "other"),
    "千米": UnitInfo("km", 1, "other"),
    "米": UnitInfo("km", 1e-3, "other"),
    # weight
    "吨": UnitInfo("tonne", 1, "amount"),
    "吨标准煤": UnitInfo("tonne", 1, "amount"),  # 综合能源消费量612.3万吨标准煤 (energy, in coal equivalent)
    "吨标煤": UnitInfo("tonne", 1, "amount"),
    "吨位": UnitInfo("tonne", 1, "capacity"),
    "公斤": UnitInfo("tonne", 1e-3, "amount"),
    "千克": UnitInfo("tonne", 1e-3, "amount"),
    # other
    "立方米": UnitInfo("other", 1, "other"),
    "立方": UnitInfo("other", 1, "other"),
    "倍": UnitInfo("other", 1, "other"),
    "分": UnitInfo("other", 1, "other"),
    "个月": UnitInfo("other", 1, "other"),
    "个小时": UnitInfo("other", 1, "other"),
    "天": UnitInfo("other", 1, "other"),
    "次": UnitInfo("count", 1, "count"),
    "千瓦时": UnitInfo("other", 1, "other"),
    "小时": UnitInfo("other", 1, "other"),  # 通关时间压缩至18.6小时 (a duration, like 个小时)
    "人公里": UnitInfo("other", 1, "amount"),  # 旅客周转量14.62亿人公里
    "吨公里": UnitInfo("other", 1, "amount"),  # 货物周转量386.5亿吨公里
    "千伏安": UnitInfo("other", 1, "capacity"),  # 新增变电容量186万千伏安 (a transformer's apparent power)
    # energy (no contract base unit: kept as written)
    "GWh": UnitInfo("other", 1, "other"),
    "MWh": UnitInfo("other", 1, "other"),
    "kWh": UnitInfo("other", 1, "other"),
    # farm and transport counts, Chinese weight
    "头": UnitInfo("count", 1, "count"),  # 生猪出栏256万头
    "列": UnitInfo("count", 1, "count"),  # 中欧班列568列
    "架次": UnitInfo("count", 1, "count"),
    "股": UnitInfo("count", 1, "count"),  # 公开发行新股3500万股
    "斤": UnitInfo("tonne", 5e-4, "amount"),  # 1 斤 = 0.5 kg
    "标箱": UnitInfo("count", 1, "count"),  # containers (TEU)
    "艘": UnitInfo("count", 1, "count"),
    # more counters of things (加装电梯50部, 年产5000万颗车载镜头, 安装路灯220盏); not 块 (4块5 is ¥4.5)
    "部": UnitInfo("count", 1, "count"),
    "颗": UnitInfo("count", 1, "count"),
    "盏": UnitInfo("count", 1, "count"),
    "枚": UnitInfo("count", 1, "count"),
    "锭": UnitInfo("count", 1, "count"),  # 纺纱锭数20万锭
    "架": UnitInfo("count", 1, "count"),  # 植保无人机1460架
    "份": UnitInfo("count", 1, "count"),  # 精简申请材料1400余份, 收到简历120多份
    "双": UnitInfo("count", 1, "count"),  # 年产运动鞋1200万双
    "瓶": UnitInfo("count", 1, "count"),  # 销售葡萄酒18万瓶
    "宗": UnitInfo("count", 1, "count"),  # 出让国有建设用地156宗
    "批次": UnitInfo("count", 1, "count"),  # 接待研学团队2860批次
    "种": UnitInfo("count", 1, "count"),  # 展出农特产品1500余种
    "笔": UnitInfo("count", 1, "count"),  # 发放贷款2860笔
    "场": UnitInfo("count", 1, "count"),  # 举办招聘会6场
    "趟": UnitInfo("count", 1, "count"),  # 加开临客列车14趟
    "根": UnitInfo("count", 1, "count"),  # 桥梁桩基完成1126根
    "班次": UnitInfo("count", 1, "count"),  # 假期共发车860班次
    "亩次": UnitInfo("mu", 1, "area"),  # 托管服务面积45万亩次 (an area served, counted once per pass)
    "尾": UnitInfo("count", 1, "count"),  # 年供苗能力1.5亿尾 (fish and shrimp fry)
    "兆瓦时": UnitInfo("other", 1, "other"),  # 储能规模85兆瓦/170兆瓦时 (energy, kept as written like MWh)
    "个工作日": UnitInfo("other", 1, "other"),  # 开办时间压缩至0.5个工作日: a duration, like 个月
}

# Units longest first so 平方公里 wins over 平方… and 个百分点 over 个.
UNITS_BY_LENGTH: list[str] = sorted(UNITS, key=len, reverse=True)
