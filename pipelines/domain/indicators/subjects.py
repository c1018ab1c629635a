"""Subjects: who or what a figure describes, resolved from the article.

Tables: place names (``places.toml``), zone and organisation suffixes, and
anaphors (该区, 全市, 我市, 该企业 …) with the entity type they refer back to.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .scan import is_han
from .sentences import skip_spaces

_HAN = r"\u4e00-\u9fff"

# Zone words (long form → printed form).
ZONE_WORDS: dict[str, str] = {
    "经济技术开发区": "经开区",
    "经济开发区": "经开区",
    "经开区": "经开区",
    "高新技术产业开发区": "高新区",
    "高新区": "高新区",
    "综合保税区": "综保区",
    "综保区": "综保区",
    "工业园区": "工业园区",
    "开发区": "开发区",
    "试验区": "试验区",
    "工业区": "工业区",
}
# Zones whose names run longer than a place + the zone word (上饶高铁经济试验区, 万年县凤巢工业区): up to this many
# name characters may stand between the place and the word.
LONG_NAME_ZONES: frozenset[str] = frozenset({"试验区", "工业区"})
LONG_NAME_GAP = 4
# Organisation words that end a company / plant name.
ORG_WORDS: tuple[str, ...] = (
    "股份有限公司", "有限责任公司", "有限公司", "集团", "工厂", "公司", "银行", "支行", "分行", "合作社", "超市",
)
# A bank's branch (贡江银行于都支行), and the words that end a bank's name
BRANCH_WORDS: tuple[str, ...] = ("支行", "分行")
BANK_WORDS: tuple[str, ...] = ("银行", *BRANCH_WORDS)
# Short company names at the head of a clause (晶科能源组件出货量…): name + one of these endings.
SHORT_ORG_ENDINGS: tuple[str, ...] = ("能源", "科技", "锂业", "光电", "光学", "股份")
SHORT_ORG_BAD_AFTER = "园城馆港谷镇区楼创型"
SHORT_ORG_BAD_PREFIX = "新光伏清洁可再生绿色全市全省该区域产业行业"

# Site words after a name (三清山景区, 赣州国际陆港): a named place whose visitors, trains, freight… are counted.
SITE_WORDS: tuple[str, ...] = (
    "景区", "名胜区", "度假区", "旅游区", "陆港", "机场", "站", "港", "铜矿", "钨矿", "金矿",
    "产业集群", "产业园", "科技城", "购物中心", "基地", "批发市场", "交易市场", "农贸市场", "街区",
)
# verbs: the name comes after (占: 夜间消费额占景区总收入的45%)
SITE_NAME_AFTER = ("力争", "打造", "建成", "培育", "形成", "建设", "推动", "发展", "占", "距离",
                   "达到", "进入", "前往", "来到", "走进")  # (达到景区最大承载量的八成: the site named before)
# A period before a place of business's name (上半年赣州国际陆港开行…, 国庆假期三清山景区…); before an industry's
# cluster or base it is no name's start (全年家具产业集群产值: the place's industry, no site)
_SITE_PERIOD_CUTS = ("上半年", "下半年", "今年", "去年", "全年", "季度", "月份", "以来", "期间", "假期")
# only after a place (上饶站, 德兴铜矿, 铅山基地; not 加油站, 香港, 生产基地)
PLACE_SITE_WORDS = ("站", "港", "铜矿", "钨矿", "金矿", "基地")
SITE_NAME_MAX = 8
SITE_NAME_BAD = "各全该级等个座处大型多"  # 各大景区, 4A级景区, 多个景区: kinds of site, no name
SITE_KIND_WORDS = ("重点", "热门", "主要", "知名", "周边", "境内", "域内")  # 重点景区人气旺盛: a kind, no name
_SITE_NAME_CUTS = (*SITE_WORDS, *SITE_NAME_AFTER)  # what a site's name starts after

# Events an article may be about (2023婺源秋季乡村文化旅游节暨农特产品展销会, 春季车展): their figures are theirs, as a
# site's are; a name runs back from the word over up to EVENT_NAME_MAX characters (digits and brackets too:
# 2024上饶（深圳）…招商推介会). Signing and groundbreaking ceremonies (集中签约活动) are the place's, not events.
EVENT_WORDS: tuple[str, ...] = ("推介会", "展销会", "博览会", "交易会", "招聘会", "车展", "嘉年华", "旅游节", "文化节")
EVENT_NAME_MAX = 24
EVENT_NAME_STOP = "的在和及对为是由从向把被将于等了着、，,。：:；;“”\"\n 　【】"
# Anaphors → the entity type they refer back to.
ANAPHORS: dict[str, str] = {
    "该区": "zone",
    "全区": "zone",
    "本区": "zone",
    "我区": "zone",
    "该园区": "zone",
    "园区": "zone",  # only at the head of a clause (园区入驻企业126家), like 公司: the park named before
    "该市": "city",
    "全市": "city",
    "我市": "city",
    "本市": "city",
    "该县": "county",
    "我县": "county",
    "县里": "county",  # (县里安排资金4600万元: the county's government, what the county spends)
    "全县": "county",
    "本县": "county",
    "该镇": "town",
    "全镇": "town",
    "本镇": "town",
    "该乡": "town",
    "全乡": "town",
    "该村": "village",
    "全村": "village",
    "该企业": "org",
    "该公司": "org",
    "该厂": "org",
    "该工厂": "org",
    "该集团": "org",
    "这家企业": "org",
    "这家公司": "org",
    "这家合作社": "org",
    "该行": "org",  # a bank's (该行新发放贷款…): see figure_subjects._resolve; 该行业 is no anaphor
    "该支行": "org",  # a bank branch's, the same
    "公司": "org",  # only at the head of a clause (公司实现营业收入…): see figure_subjects._resolve
    "合作社": "org",  # the same (合作社实现销售收入380万元)
    "该基地": "site",
    "基地": "site",  # only at the head of a clause (基地锂电铜箔年产能将达到2万吨), like 公司
    "集团": "org",  # the same (集团实现营业收入86.2亿元)
    "该机场": "site",
    "机场": "site",  # only at the head of a clause (机场完成旅客吞吐量…), like 景区
    "该景区": "site",
    "本届活动": "site",  # (本届展销会, 此次推介会 …: see _EVENT_ANAPHORS, added below)
    "此次活动": "site",
    "该港": "site",
    "该市场": "site",  # (not 该市 + 场: the city)
    "该矿": "site",
    "景区": "site",  # only at the head of a clause (景区单日接待游客4.8万人次)
    "该项目": "project",
    "这个项目": "project",
    "这一项目": "project",
    "该工程": "project",
    "这项工程": "project",
    "项目": "project",  # only at the head of a clause (“项目总投资22亿元…): the project named before, like 公司
    "中心城区": "central",  # only at the head of a clause (中心城区商品房销售面积…): the paper's city's
    "市中心城区": "central",
    "全省": "province",
    "我省": "province",
}
ANAPHORS.update({f"{this}{word}": "site" for this in ("本届", "此次", "本次", "") for word in EVENT_WORDS})
# Bare words that point back at the company, group, cooperative or site named before only as a clause's topic
# (公司实现营收…; 新增公司1200家 is companies in general).
# (推介会现场共签约项目36个)
HEAD_ONLY_ANAPHORS = (
    "公司", "合作社", "集团", "景区", "机场", "基地", "园区", "项目", "中心城区", "市中心城区", *EVENT_WORDS,
)
# An anaphor right after these is part of a metric or a comparison (占全市, 在全省, 居全市), not the subject.
ANAPHOR_BAD_BEFORE = "在占居列为于至比较与向对全"
ANAPHOR_BAD_AFTER: tuple[str, ...] = ("占比", "比重", "第", "排名", "前列", "的", "范围", "上下", "人民", "工业营收")
# What a bare 项目 that names the project before follows: the start of a sentence, a clause or a quotation (not
# “5G+工业互联网”项目: a kind of project)
_PROJECT_ANAPHOR_AFTER = ",，。;；:：“\n "
# The last character of a kind of company (上市公司, 子公司, 分公司, 母公司): no 公司 naming the story's company
_COMPANY_CLASS_LAST = "市子分母"
# Anaphors that are the start of a longer word after which (该行业: a trade, not 该行, the bank)
ANAPHOR_WORD_ENDS: dict[str, tuple[str, ...]] = {"该行": ("业",)}

CENTRAL_DISTRICT = "中心城区"
# Both papers are Jiangxi papers: 全省 and 我省 are this province.
PROVINCE = "江西省"
# Cities the two papers cover; a bare mention of the short name counts for the city.
CITIES: dict[str, str] = {"上饶": "上饶市", "赣州": "赣州市", "赣南": "赣州市"}
CITY_BAD_AFTER: tuple[str, ...] = ("日报", "新闻", "经开区", "经济技术开发区", "高新区", "综保区", "开发区", "县",
                                   "市委", "市政府", "商会", "籍", "低碳", "站", "港", "人")

# What no company name starts with (上市公司, 旗下公司 are kinds of company), and words that show a would-be
# name is a phrase before a bare 公司 (2024年第一季度公司实现…, 今年全市新增公司1200家).
ORG_NAME_BAD_START: tuple[str, ...] = ("该", "全", "各", "本", "上市", "子公司", "母公司", "分公司",
                                        "万", "亿", "元", "农民", "专业",  # 投入140万元建设…工厂: no name
                                        "这家", "这个", "那家", "控股", "全资", "参股",  # 这家合作社: an anaphor
                                        "我们", "咱们")  # 我们公司的二期厂房: the speaker's company
# A zone a company stands in, named right before it (赣州经开区江西虔通电驱科技有限公司)
_ZONE_BEFORE_ORG_RE = re.compile("经开区|开发区|高新区|工业园区|产业园|园区")
# A company right after one of these is what another's work centres on or leans on (该区围绕晶瑞微电子引进…,
# 依托骏虹通讯): it ends the metric's name, but it is not the subject.
ORG_BAD_BEFORE: tuple[str, ...] = ("围绕", "依托", "借助", "依靠")
# Words inside a would-be name after which the name starts (集团旗下江西饶丰电工科技有限公司: the subsidiary)
ORG_NAME_CUTS: tuple[str, ...] = (
    "旗下", "下属", "所属", "还有", "简称", "占", "子公司", "分公司", "母公司", "走进", "来到", "位于",
    "成立", "组建", "创办",  # (丹溪村成立白莲种植专业合作社: who founded it, then its name)
    *ORG_BAD_BEFORE,  # (该区紧紧围绕江西晶瑞微电子有限公司: what the zone works around, then the name)
    # (a verb of where goods or land go, or of reaching a body: 流转给江西稼轩生态农业有限公司, 货来自玉山工厂)
    "流转给", "卖给", "租给", "交给", "来自", "拨打", "筹建",
)
# (目前公司有员工860人: a time word, then 公司; 帮助企业获得银行贷款: a verb phrase before 银行)
# (投产后公司年营收将突破20亿元: a time, then 公司; 铜基新材料企业集团, A股上市公司: kinds)
_NOT_A_NAME_RE = re.compile(
    r"^(?:今年|去年|明年|前年|当年|年|目前|如今|现在|当前|眼下|日前|近日|近年)|获得|帮助|入股|季度|月份|月末|月底|上半年|下半年"
    r"|全市|全县|全区|全省|新增|新设|注册|[后时]公司$|企业集团$|上市公司$"
    r"|准备|发到|送到|交付|加入|带领|通过|一家|引进|招引|统一|^据"  # (准备发到合作社…, 据该公司)
    r"|组织|协调|推动|^[县市区镇乡]里"  # (县里组织银行机构…: who acts, then a kind)
    r"|^(?:手机|网上|网络|数字|商业|农村)银行$"  # (在手机银行上申请: a channel or a kind of bank, no name)
)
NAME_STOP = "的在和与及对为是由从向把被将于等了着、，,。：:；;“”\"()（） \n"


@lru_cache(maxsize=1)
def _places_table() -> dict[str, list[str]]:
    return tomllib.loads(resources.files(__package__).joinpath("places.toml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    return frozenset(p for v in _places_table().values() for p in v)


# The sections of places.toml that list a city's counties and districts.
COUNTY_SECTIONS: dict[str, str] = {"shangrao": "上饶市", "ganzhou": "赣州市"}


@lru_cache(maxsize=1)
def city_of_county() -> dict[str, str]:
    """Short county name → its city (鄱阳 → 上饶市)."""
    table = _places_table()
    return {p: city for sec, city in COUNTY_SECTIONS.items() for p in table[sec] if p not in CITIES}


# A place right after one of these is a location, not the subject (在上饶, 落户上饶经开区), or the scope of a rank
# (居赣州市第3位, 列赣州各县(市、区)第3位).
PLACE_BAD_BEFORE: tuple[str, ...] = ("在", "于", "向", "与", "和", "到", "至", "从", "对", "落户", "集聚", "入", "赴",
                                     "原", "及", "、", "全", "来", "扎根", "融入", "居", "列", "排名")
# The last character of a figure (a digit or a unit): a place after it and 、 starts the next item of a list
_FIGURE_LAST = frozenset("0123456789%个家项元户人亩吨台辆座所处条套名位次列")
# What follows an entity that drove what the clause counts (在驰远电机的带动下), not its subject
DRIVER_AFTER: tuple[str, ...] = ("的带动下", "带动下", "的引领下", "的推动下")
# A company followed by this is the parent of the one the sentence is about (虔芯电驱动是深圳虔芯动力集团股份有限公司的
# 全资子公司; 瑞储新能源是深圳市瑞储科技集团有限公司在赣州设立的生产基地): the story's 公司 is the subsidiary
_PARENT_AFTER_RE = re.compile(
    "(?:集团)?(?:股份有限公司|有限责任公司|有限公司)?(?:的(?:全资|控股)?子公司|在[^，,。；;]{1,6}(?:设立|投资建设|布局)的)"
)
# An entity followed by one of these is a member of a list (金力永磁、品钛集团等…), not the subject.
LIST_AFTER: tuple[str, ...] = ("、", "等", "和", "及", "与")


@dataclass(slots=True)  # not frozen: built for every candidate, a frozen one costs twice as much; never mutated
class Entity:
    pos: int
    end: int
    name: str | None  # None: a bare 经开区/该区 that resolves to the article's zone
    type: str  # zone, city, village, org, project
    topic: bool = False  # at the head of a clause: the clause is about it
    anaphor: str = ""  # the anaphor as written (该市, 全市) when name is None


@dataclass(frozen=True)
class ArticleContext:
    city: str | None
    main_subject: str | None
    main_zone: str | None
    villages: frozenset[str]
    short_orgs: frozenset[str]  # short company names written at least twice (晶科能源, 孚能科技)
    county_city: str | None = None  # a county-level city (瑞金市) the article is about: what its 全市 means
    towns: frozenset[str] = frozenset()  # the towns and townships named (江湾镇, 鄣山乡)
    main_town: str | None = None  # the town (江湾镇) the article is about: what its 全镇 means
    # (full name, short name) of the companies a story calls by a short name: what 公司 and 该企业 name them
    org_aliases: tuple[tuple[str, str], ...] = ()
    # the county a news item's dateline names (本报石城讯) when its text names none: what its 全县 means
    dateline_county: str | None = None


PLACE_TYPES = ("zone", "city", "town", "village")
_PLACE_LIST_JOINS = "、和及与"


def place_lists(s: str, cands: list[Entity]) -> list[list[Entity]]:
    """Places named one after another in ``cands`` (a sentence's, in order), joined by 、/和: each run a list
    (赣州经开区、龙南经开区和信丰高新区), a lone place a list of one."""
    runs: list[list[Entity]] = []
    for e in cands:
        if e.type not in PLACE_TYPES or not e.name:
            continue
        if runs and e.pos - runs[-1][-1].end == 1 and s[e.pos - 1] in _PLACE_LIST_JOINS:
            runs[-1].append(e)
        else:
            runs.append([e])
    return runs


_ZONE_RE = re.compile("|".join(sorted(ZONE_WORDS, key=len, reverse=True)))
_SITE_RE = re.compile("|".join(SITE_WORDS))
_SHORT_ORG_RE = re.compile(rf"[{_HAN}]{{2}}(?:{'|'.join(SHORT_ORG_ENDINGS)})")
_SHORT_ORG_END_RE = re.compile("|".join(SHORT_ORG_ENDINGS))
_COUNTY_CHARS = "区县市"  # a place + one of these is a county or district (信州区, 赣县)
_ORG_WORD_RE = re.compile("|".join(ORG_WORDS))
_ORG_SUFFIX_RE = re.compile(f"(?:{'|'.join(ORG_WORDS)})$")
_BRACKETED_RE = re.compile(r"[(（][^()（）]{1,6}[)）]")


def _is_name_char(c: str) -> bool:
    return ("\u4e00" <= c <= "\u9fff" or c in "()（）") and c not in NAME_STOP


# A run of name characters (_is_name_char: the brackets are in NAME_STOP too), matched on the reversed text
# before a company word: one regex call finds where the name starts instead of a test per character.
_NAME_RUN_REVERSED_RE = re.compile(f"(?:(?![{re.escape(NAME_STOP)}])[\u4e00-\u9fffA-Za-z])*")  # (橙e家电子商务)


def zones(text: str, lo: int = 0, hi: int | None = None) -> list[Entity]:
    hi = len(text) if hi is None else hi
    out: list[Entity] = []
    pl = places()
    for m in _ZONE_RE.finditer(text, lo, hi):
        word = ZONE_WORDS[m.group(0)]
        prefix = text[max(lo, m.start() - 2) : m.start()]
        if prefix in pl:
            out.append(Entity(m.start() - 2, m.end(), prefix + word, "zone"))
        elif word == "工业园区" and prefix.endswith("县") and text[max(lo, m.start() - 3) : m.start() - 1] in pl:
            # 弋阳县工业园区: a county's park by its full name (as its figures are named), beside 弋阳工业园区
            out.append(Entity(m.start() - 3, m.end(), text[m.start() - 3 : m.end()], "zone"))
        elif word == "经开区" or word == "高新区":
            out.append(Entity(m.start(), m.end(), None, "zone"))
        elif word in LONG_NAME_ZONES:
            for k in range(m.start() - 3, max(lo, m.start() - 2 - LONG_NAME_GAP) - 1, -1):
                if not _is_name_char(text[k + 2]):
                    break
                if text[k : k + 2] in pl:
                    out.append(Entity(k, m.end(), text[k : m.end()], "zone"))
                    break
    return out


@lru_cache(maxsize=4)
def _text_zones(text: str) -> tuple[Entity, ...]:
    """``zones`` of a whole text (computed once per text: the article context and the candidates use it)."""
    return tuple(zones(text))


# City names and zone/city anaphors, counted in one pass (no two of them can overlap, so this
# counts what ``text.count`` of each would).
# Words that name the company of a company's story again (公司, 该企业, a bank's 该行), and longer words with them
_COMPANY_REFS = ("公司", "该企业", "该行")
_NOT_COMPANY_REFS = ("有限公司", "该行业")
_COUNTED_WORDS = (
    *CITIES, *(a for a, t in ANAPHORS.items() if t in ("zone", "city", "county")),
    *_COMPANY_REFS, *_NOT_COMPANY_REFS,  # (有限公司 and 该行业 counted as words of their own: no 公司 or 该行 in them)
)
_COUNTED_RE = re.compile("|".join(sorted(_COUNTED_WORDS, key=len, reverse=True)))
# The zone and city anaphors (counted words: the pass finds each of them where it stands, as no two words overlap)
_SCOPED_ANAPHORS = frozenset(a for a, t in ANAPHORS.items() if t in ("zone", "city"))


def article_context(text: str) -> ArticleContext:
    mentions: Counter[str] = Counter()
    for m in _COUNTED_RE.finditer(text):
        word = m.group(0)
        a, b = m.span()
        if word in _SCOPED_ANAPHORS and (
            (a and text[a - 1] in ANAPHOR_BAD_BEFORE) or text.startswith(ANAPHOR_BAD_AFTER, b)
        ):
            continue  # 居全市第2位, 占全市的: a scope in a comparison or a rank, not the subject
        mentions[word] += 1
    counts: Counter[str] = Counter()
    for short_name, city_name in CITIES.items():
        counts[city_name] += mentions[short_name]
    top = counts.most_common(1)
    city: str | None = top[0][0] if top and top[0][1] > 0 else _city_of_paper(text) or _city_of_counties(text)
    zone_counts = _full_zone_names(Counter(e.name for e in _text_zones(text) if e.name))
    zone_refs = sum(mentions[a] for a, t in ANAPHORS.items() if t == "zone")
    city_refs = sum(mentions[a] for a, t in ANAPHORS.items() if t == "city")
    main_zone = zone_counts.most_common(1)[0][0] if zone_counts else None
    city_short = _short_name(city)
    city_mentions = mentions[city_short] if city_short else 0
    headline = text.partition("\n")[0]
    main: str | None = city
    if main_zone:
        n_zone = zone_counts[main_zone]  # (the zone named most: a list of several zones is no zone's story)
        # (the city's name inside a zone's, 赣州经开区, is no mention of the city)
        in_zone_names = sum(n for z, n in zone_counts.items() if city_short and z.startswith(city_short))
        n_city = max(0, city_mentions - in_zone_names) + city_refs if city else 0
        if n_zone + zone_refs >= n_city:
            main = main_zone
    orgs = Counter(o for o, end in _short_org_mentions(text) if text[end : end + 1] not in SHORT_ORG_BAD_AFTER)
    named_orgs = Counter(
        {o: n for o, n in orgs.items() if n >= 2 and not any(c in SHORT_ORG_BAD_PREFIX for c in o[:2])}
    )
    shorts = _short_company_names(text)
    short_names = frozenset(shorts)
    short_orgs = frozenset(named_orgs) | short_names
    companies = named_orgs + Counter(name for name, _ in _text_company_names(text))
    short_counts = {short: text.count(short) for short in shorts}  # (read here and by _aliases: counted once)
    # (in the order they are first named: a tie in the counts goes the same way in every process, where a set's
    # order changes with the string hash seed)
    for short in sorted(short_names.difference(named_orgs), key=text.find):
        companies[short] = short_counts[short]  # (its full name included)
    named_counties = Counter(e.name for e in _text_counties(text) if e.name)
    own = {kind: sum(mentions[w] for w in words) for kind, words in _OWN_ANAPHORS.items()}
    own_refs = {name: own.get(name[-1], 0) for name in named_counties}
    # 宁都交通…跑出“加速度”, 读懂铅山: a county's story names it by its short name too (not inside a company's
    # name: 信丰农商银行), and says 全县 of it
    county_counts = Counter(
        {name: _mentions_outside(text, name[:2], companies) + own_refs[name] for name in named_counties}
    )
    county = _main_county(county_counts, city_mentions, city_refs)
    dateline_county = _county_of_dateline(text, companies) if county is None and not named_counties else None
    if dateline_county:
        county = dateline_county  # 本报石城讯 …全县矿山机械产业: the county the news comes from
        city = city or city_of_county()[dateline_county[:2]]
        main = county if main in (None, city) else main
    if county and main == city:
        main = county  # an article about 广丰区 or 瑞金市: its unnamed figures are the county's
    elif county and main_zone and main == main_zone and county_counts[county] > zone_counts[main_zone] + zone_refs:
        main = county  # 万年工业…: a county's story that names its zone once (在万年高新区某公司车间), not the zone's
    county_city = county if county and county.endswith("市") else None
    villages = _village_names(text)
    town_counts = _town_counts(text)
    # the town or village an article is about outnumbers every county (and a village every town)
    top_county = max(county_counts.values(), default=0)
    main_town = _main_place(town_counts, top_county)
    if main_town and main in (city, county):
        main = main_town  # a town's story (江湾镇…): its unnamed figures are the town's
    # (a village's story says 全村 of it, as a county's says 全县, and names it in its headline: 横峰县姚家乡兰子村:…)
    village_counts: Counter[str] = Counter()
    if villages:  # (most stories name none: their references go uncounted)
        village_refs = sum(map(text.count, _VILLAGE_REFS))
        # (in the order they are first named: of two named as often, the first is the story's; and the same
        # answer in every process, where a set's order changes with the string hash seed)
        village_counts = Counter({
            v + "村": text.count(v + "村") + village_refs + (v + "村" in headline)
            for v in sorted(villages, key=lambda v: text.find(v + "村"))
        })
    main_village = _main_place(village_counts, max(top_county, sum(town_counts.values())))
    if main_village and main in (city, county, main_town):
        main = main_village  # a village's story (湖塘村…)
    # a company's story (晶科能源发布年报…, 金隆集团是…): its unnamed figures are the company's
    if companies and main in (city, county, main_zone):
        org, n = companies.most_common(1)[0]
        rivals = city_mentions + city_refs
        if main == main_zone:  # 走进位于龙南经开区的…公司: a company's story told where it stands
            rivals = max(rivals, sum(zone_counts.values()) + zone_refs)
        elif county and main == county:
            # a county's story with one of its companies (its short name may be the company's)
            rivals = max(rivals, named_counties[main] + own_refs.get(main, 0))
        # (公司, 该企业 and a bank's 该行 say the company's name again; 有限公司 and 该行业 are other words)
        refs = sum(mentions[w] for w in _COMPANY_REFS)
        if n >= 2 and n + refs > rivals:
            main = org
    aliases = _aliases(text, shorts, short_counts)
    main = dict(aliases).get(main, main) if main else main  # (a company's story: by the name it uses for it)
    if main in (city, county) and (site := _headline_site(text, headline)):
        main = site  # 上半年赣州国际陆港开行中欧班列增长26.7%, 上饶三清山机场旅客吞吐量首破百万人次: the site's story
    if (event := max(_events(headline, 0, len(headline)), key=lambda e: e.end - e.pos, default=None)) is not None:
        # 2023婺源秋季乡村文化旅游节暨农特产品展销会落幕: an event's story, its figures the event's, by the fullest
        # name the story gives it (上饶（深圳）招商推介会 in the headline, 2024上饶（深圳）…招商推介会 in the lead)
        word = event_word(event.name or "") or ""
        main = max((e.name for e in _events(text, 0, len(text)) if e.name and e.name.endswith(word)), key=len)
    return ArticleContext(city=city, main_subject=main, main_zone=main_zone, villages=villages, org_aliases=aliases,
                          short_orgs=short_orgs, county_city=county_city,
                          towns=frozenset(town_counts), main_town=main_town, dateline_county=dateline_county)


def _full_zone_names(counts: Counter[str]) -> Counter[str]:
    """A zone named by its county's short name and by the full one (铅山工业园区, 铅山县工业园区) counted once, by the
    full name."""
    out = Counter(counts)
    for name, n in counts.items():
        full = next((f for c in _COUNTY_CHARS if (f := name[:2] + c + name[2:]) in counts), None)
        if full is not None:
            out[full] += n
            del out[name]
    return out


def _headline_site(text: str, headline: str) -> str | None:
    """The site a headline names when the story names it again (赣州国际陆港 … 记者从赣州国际陆港获悉), else None."""
    # (南康家具产业集群产值…: an industry's story, the place's figures; not a site's)
    return next(
        (
            e.name for e in _sites(headline, 0, len(headline))
            if e.name and not e.name.endswith(_INDUSTRY_SITES) and text.count(e.name) >= 2
        ),
        None,
    )


_INDUSTRY_SITES = ("产业集群", "基地")


def _short_name(city: str | None) -> str:
    return next((k for k, v in CITIES.items() if v == city), "") if city else ""


# What a district's or county's story calls the place itself (全市 of a county-level city is counted as the city's).
_OWN_ANAPHORS: dict[str, tuple[str, ...]] = {"县": ("全县", "该县", "本县"), "区": ("全区", "该区", "本区")}


def _mentions_outside(text: str, word: str, names: Iterable[str]) -> int:
    """How often ``word`` occurs in ``text`` other than inside one of ``names``."""
    inside = set()
    for name in names:
        k = name.find(word)
        if k < 0:
            continue
        i = text.find(name)
        while i >= 0:
            inside.add(i + k)
            i = text.find(name, i + 1)
    return text.count(word) - len(inside)


def _main_county(county_counts: Counter[str], city_mentions: int, city_refs: int) -> str | None:
    """The district, county or county-level city (广丰区, 玉山县, 瑞金市) the article is about: named at least
    twice and more often than the papers' own city (by name, and for a county or district also by 全市/我市,
    which in a county-level city's article mean that city); a place + 区/县/市."""
    counts = {name: n for name, n in county_counts.items() if name[:2] not in CITIES}
    if not counts:
        return None
    n, name = max((n, name) for name, n in counts.items())
    rivals = city_mentions + (0 if name.endswith("市") else city_refs)
    return name if n >= 2 and n > rivals else None


# The papers and news sites of each city: an article that names one (来源：赣南日报) is that city's, when it names
# no city itself (我市, 全市 only).
PAPER_CITIES: dict[str, str] = {
    "上饶日报": "上饶市", "上饶晚报": "上饶市", "上饶新闻网": "上饶市",
    "赣南日报": "赣州市", "赣州晚报": "赣州市", "客家新闻网": "赣州市",
}
_PAPER_RE = re.compile("|".join(PAPER_CITIES))


def _city_of_paper(text: str) -> str | None:
    m = _PAPER_RE.search(text)
    return PAPER_CITIES[m.group(0)] if m else None


# The districts and county-level cities among the counties of places.toml (the others are …县)
NOT_COUNTIES: dict[str, str] = {
    "信州": "信州区", "广丰": "广丰区", "广信": "广信区", "德兴": "德兴市", "章贡": "章贡区", "南康": "南康区",
    "赣县": "赣县区", "龙南": "龙南市", "瑞金": "瑞金市", "蓉江": "蓉江新区",
}
_HEADLINE_MAX = 40  # the longest first line read as a headline naming its county (数说信丰2021)
# What a county's short name starts in a headline that is no story of the county (瑞金经开区, 信丰农商银行, 三清山)
_COUNTY_KIND_AFTER = ("经开区", "高新区", "经济", "农商", "银行", "工业园", "产业园", "家具", "脐橙", "山")
_DATELINE_RE = re.compile(rf"本报(?P<place>[{_HAN}]{{2}})(?:县|区|市)?讯")


def _county_of_dateline(text: str, companies: Iterable[str]) -> str | None:
    """本报石城讯, 数说信丰2021: the county a news item is filed from or its headline names by its short name (not
    inside a company's name: 信丰农商银行), by its full name (石城县, 信丰县), if it is one of the papers'."""
    counties = city_of_county()
    m = _DATELINE_RE.search(text, 0, 400)  # (in the lead)
    if m is not None and (place := m.group("place")) in counties:
        return NOT_COUNTIES.get(place, place + "县")
    headline = text[: text.find("\n", 0, _HEADLINE_MAX)] if "\n" in text[:_HEADLINE_MAX] else ""  # (a short line)
    named = {headline[k : k + 2] for k in range(len(headline) - 1) if headline[k : k + 2] in counties}
    if len(named) != 1 or _mentions_outside(headline, place := named.pop(), companies) < 1:
        return None
    if headline.startswith(_COUNTY_KIND_AFTER, headline.find(place) + 2):
        return None  # 瑞金经开区, 南康家具: a zone's or a product's name, not the county's story
    return NOT_COUNTIES.get(place, place + "县")


def _city_of_counties(text: str) -> str | None:
    """The city whose counties an article names, when it names no city (鄱阳县、余干县 → 上饶市); None when the
    counties named belong to both cities or to none of them."""
    cities = {city_of_county().get(e.name[:2]) for e in _text_counties(text) if e.name}
    cities.discard(None)
    if cities:
        return cities.pop() if len(cities) == 1 else None
    # (瑞金共和国摇篮景区、于都中央红军长征出发纪念馆: counties by their short names alone, two of one city at least)
    named = set(_short_county_re().findall(text))
    cities = {city_of_county()[c] for c in named}
    return cities.pop() if len(named) >= 2 and len(cities) == 1 else None


@lru_cache(maxsize=1)
def _short_county_re() -> re.Pattern[str]:
    return re.compile("|".join(city_of_county()))


def _village_names(text: str) -> frozenset[str]:
    """The XX of every 镇XX村 / 乡XX村 (non-overlapping, left to right), and of every XX村 named twice or more
    that is no kind of village (乡村, 贫困村, 示范村); found from the 村 (rare) instead of trying a pattern at
    every character."""
    out: set[str] = set()
    seen: Counter[str] = Counter()
    last = 0
    i = text.find("村", 2)
    while i >= 0:
        p = i - 3
        if p >= last and text[p] in "镇乡" and is_han(text[p + 1]) and is_han(text[p + 2]) and (
            text[i - 1] not in _VILLAGE_WORD_LAST  # (城镇和农村居民: no village 和农村)
            and text[i - 2 : i] not in VILLAGE_KINDS  # (该乡去年村集体经济收入: no village 去年村)
        ):
            out.add(text[p + 1 : i])
            last = i + 1
        elif (
            is_han(text[i - 2]) and text[i - 1] not in _VILLAGE_WORD_LAST and is_han(text[i - 1])
            and text[i - 2 : i] not in VILLAGE_KINDS
        ):
            seen[text[i - 2 : i]] += 1
        i = text.find("村", i + 1)
    return frozenset(out | {v for v, n in seen.items() if n >= 2})


_VILLAGE_REFS = ("全村", "该村", "本村")
# The character before 村 of the words 农村 and 乡村 (转移农村劳动力: no village 移农村), and 的 (以上的村)
_VILLAGE_WORD_LAST = "农乡的"
# Two characters before 村 that make a kind of village, not a name.
VILLAGE_KINDS: frozenset[str] = frozenset({
    "乡村", "农村", "全村", "该村", "本村", "各村", "每村", "行政", "建制", "自然", "贫困", "示范", "美丽", "文明",
    "和美", "宜居", "重点", "试点", "脱贫", "边缘", "省级", "市级", "县级", "新农", "旅游", "专业", "特色", "传统",
    "中心", "城中", "空心", "整村", "进村", "驻村", "到村", "入村", "全县", "全市", "全镇", "个村", "余村", "多村",
    "今年", "去年", "明年", "当年", "全年", "同年",  # 今年村里的320亩脐橙: the year, then the village
})
# Characters before 镇/乡 that make a kind of town or a word (城镇, 乡镇, 特色小镇, 古镇, 城乡, 家乡, 返乡), and
# after it a word (城镇化, 镇域, 乡村, 乡贤).
TOWN_BAD_BEFORE = "城乡集村小古重名强大各全该本每个余多家故下返老入回同思异的"
TOWN_BAD_AFTER = "化域区长委政村镇贤愁亲土音里级"  # (乡级水厂, 镇级: a level, not a name)
TOWN_NAME_BAD_START = "各全该本每个余多"
_TOWN_RE = re.compile(rf"[{_HAN}]{{2}}[镇乡]")


def _town_counts(text: str) -> Counter[str]:
    """Towns, townships and a district's subdistricts named in the text (江湾镇, 鄣山乡, 芦林街道) and how often."""
    out: Counter[str] = Counter()
    for word in "镇乡":
        i = text.find(word, 2)
        while i >= 0:
            name = text[i - 2 : i + 1]
            if (
                _TOWN_RE.fullmatch(name) and name[0] not in TOWN_NAME_BAD_START
                and (name[1] not in TOWN_BAD_BEFORE or name[1] == "家" and name[0] in SURNAMES)  # (姚家乡: a name)
                and text[i + 1 : i + 2] not in TOWN_BAD_AFTER
            ):
                out[name] += 1
            i = text.find(word, i + 1)
    i = text.find("街道", 2)  # (a town's peer in a district: 芦林街道)
    while i >= 0:
        name = text[i - 2 : i + 2]
        if (
            is_han(name[0]) and is_han(name[1])
            and name[1] not in TOWN_BAD_BEFORE and name[0] not in TOWN_NAME_BAD_START
        ):
            out[name] += 1
        i = text.find("街道", i + 2)
    return out


def _main_place(counts: Counter[str], rivals: int) -> str | None:
    """The town or village an article is about: the one named most, at least twice and more than ``rivals``."""
    if not counts:
        return None
    name, n = counts.most_common(1)[0]
    return name if n >= 2 and n > rivals else None


def _short_org_mentions(text: str) -> list[tuple[str, int]]:
    """What ``_SHORT_ORG_RE.finditer`` finds (name, end), found from the endings (rare) instead of
    trying the pattern at every Chinese character.  The endings never overlap one another."""
    out: list[tuple[str, int]] = []
    last = 0
    for m in _SHORT_ORG_END_RE.finditer(text):
        p = m.start() - 2
        if p >= last and is_han(text[p]) and is_han(text[p + 1]):
            last = m.end()
            out.append((text[p:last], last))
    return out


def entity_candidates(text: str, actx: ArticleContext, lo: int = 0, hi: int | None = None) -> list[Entity]:
    """Every subject candidate in text[lo:hi], unfiltered, sorted by position (one pass per table)."""
    hi = len(text) if hi is None else hi
    raw = list(_text_zones(text)) if lo == 0 and hi == len(text) else zones(text, lo, hi)
    for m in _literal_re(actx).finditer(text, lo, hi):
        word = m.group(0)
        k, after = m.start(), m.end()
        if word in CITIES:
            central = after + (1 if text.startswith("市", after) else 0)
            if text.startswith(CENTRAL_DISTRICT, central):
                # 赣州中心城区, 上饶市中心城区: the city's central district, a subject of its own (house sales…)
                raw.append(Entity(k, central + len(CENTRAL_DISTRICT), CITIES[word] + CENTRAL_DISTRICT, "site"))
            elif not text.startswith(CITY_BAD_AFTER, after):
                raw.append(Entity(k, after + (1 if text.startswith("市", after) else 0), CITIES[word], "city"))
        elif word in ANAPHORS:
            bad = (
                (k > 0 and text[k - 1] in ANAPHOR_BAD_BEFORE) or text.startswith(ANAPHOR_BAD_AFTER, after)
                or text.startswith(ANAPHOR_WORD_ENDS.get(word, ()), after)
                or word == "项目" and k > 0 and text[k - 1] not in _PROJECT_ANAPHOR_AFTER
                or word == "公司" and k > 0 and text[k - 1] in _COMPANY_CLASS_LAST  # (上市公司, 子公司: kinds)
            )
            if not bad:
                raw.append(Entity(k, after, None, "anaphor:" + ANAPHORS[word], anaphor=word))
        elif word.endswith("村"):
            raw.append(Entity(k, after, word, "village"))
        elif word in actx.towns:
            raw.append(Entity(k, after, word, "town"))
        elif text[after : after + 1] not in SHORT_ORG_BAD_AFTER:
            raw.append(Entity(k, after, word, "org"))
    whole = lo == 0 and hi == len(text)
    raw.extend(_text_counties(text) if whole else _counties(text, lo, hi))
    raw.extend(_bare_counties(text, lo, hi))
    names = _text_company_names(text) if whole else _company_names(text, lo, hi)
    raw.extend(Entity(end - len(name), end, name, "org") for name, end in names)
    raw.extend(_sites(text, lo, hi))
    raw.extend(_events(text, lo, hi))
    raw.extend(_persons(text, lo, hi))
    raw.sort(key=lambda e: (e.pos, -e.end))
    return raw


# People whose own figures a story gives (62岁的社员吴德旺去年种了36亩贡米, 种粮大户李春生流转土地380亩): a name
# after an age or after the word for what an ordinary person is (not an official's: 总经理王某 speaks for a company)
PERSON_ROLES: tuple[str, ...] = (
    "村民", "农民", "果农", "茶农", "菜农", "蔗农", "莲农", "种粮大户", "种植大户", "养殖大户", "养殖户", "脱贫户",
    "贫困户", "社员", "员工", "职工", "工人", "操作工", "个体工商户", "店主", "摊主", "民宿主人", "返乡青年",
    "椒农", "瓜农", "菇农", "蜂农", "竹农", "稻农", "烟农", "花农", "渔民", "种植户", "采茶工", "采摘工",
)
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜"
    "崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤温赖饶詹俞"
)
# What may follow a name (笑着说, 今年56岁, 一边采茶, 家里, 告诉记者, 流转土地 …): its end
_NAME_NEXT = (
    "说介告笑今去一在家的是正把给从靠也还就都和带领种养算指坦感高乐流投承经开办创租建买卖收每站坐蹲拿掰望"
    "，,。、“”：:；;（( "
)
_AGE_DIGITS = "一二三四五六七八九十"  # an age's Chinese numerals (its digits: \d in a pattern, isdecimal in code)
_PERSON_RE = re.compile(
    # (an age of at most three numerals from the start of its run: a run of a million digits is read once)
    rf"(?:(?<![\d{_AGE_DIGITS}])[\d{_AGE_DIGITS}]{{1,3}}岁的?|{'|'.join(PERSON_ROLES)})"
    rf"(?P<name>[{SURNAMES}][{_HAN}]{{1,2}}?)"
    rf"(?=[{re.escape(_NAME_NEXT)}])"
)
# Where a person may be named: a role word (an alternation of words, which the engine scans for quickly, unlike
# _PERSON_RE, which it would try at every character)
_ROLE_RE = re.compile("|".join(PERSON_ROLES))


# Titles of those who speak for a body (公司技术负责人、今年36岁的饶志鹏介绍: the company's figures, not his own)
_OFFICIAL_RE = re.compile(
    "负责人|经理|董事长|书记|主任|局长|县长|市长|区长|镇长|乡长|厂长|站长|场长|行长|理事长|总监|主管"
)


def speaks_for_a_body(text: str, name: str) -> bool:
    """Whether the story gives ``name`` an official's title somewhere (公司董事长刘振华): what they say is their
    body's."""
    k = text.find(name)
    while k >= 0:
        if _OFFICIAL_RE.search(text, max(0, k - 6), k):
            return True
        k = text.find(name, k + 1)
    return False


def _person_starts(text: str, lo: int, hi: int) -> list[int]:
    """Every position in text[lo:hi] where _PERSON_RE may match: each role word's start, and the start of each run of
    at most three numerals before a 岁."""
    starts: list[int] = []
    m = _ROLE_RE.search(text, lo, hi)
    while m is not None:
        starts.append(m.start())
        m = _ROLE_RE.search(text, m.start() + 1, hi)  # (from the next character: role words may overlap)
    k = text.find("岁", lo, hi)
    while k >= 0:
        q = k
        while q > lo and (text[q - 1] in _AGE_DIGITS or text[q - 1].isdecimal()):
            q -= 1
        if 1 <= k - q <= 3:
            starts.append(q)
        k = text.find("岁", k + 1, hi)
    return sorted(starts)


def _persons(text: str, lo: int, hi: int) -> list[Entity]:
    out: list[Entity] = []
    done = lo  # (the matches do not overlap, as finditer's would not)
    for p in _person_starts(text, lo, hi):
        if p < done or (m := _PERSON_RE.match(text, p, hi)) is None:
            continue
        done = m.end()
        if not _OFFICIAL_RE.search(text, max(lo, p - 12), m.start("name")):
            out.append(Entity(m.start("name"), m.end("name"), m.group("name"), "person"))
    return out


_EVENT_RE = re.compile("|".join(EVENT_WORDS))


def event_word(name: str) -> str | None:
    """The event word a name ends with (…招商推介会: 推介会), or None."""
    return next((w for w in EVENT_WORDS if name.endswith(w)), None)


def _events(text: str, lo: int, hi: int) -> list[Entity]:
    """Named events (第五届中国（于都）纺织服装博览会, 春季车展): the name before an event word, up to
    EVENT_NAME_MAX characters of it (no bare 推介会: the name has two characters at least)."""
    out: list[Entity] = []
    for m in _EVENT_RE.finditer(text, lo, hi):
        k = m.start()
        a = k
        stop = max(lo, k - EVENT_NAME_MAX)
        while a > stop and text[a - 1] not in EVENT_NAME_STOP and (
            is_han(text[a - 1]) or text[a - 1] in _EVENT_NAME_MARKS
        ):
            a -= 1
        # (never from inside a number: 2020年上饶市秋季大型人才招聘会暨…专场招聘会 keeps its year past the limit)
        while a > max(lo, stop - 4) and text[a].isdecimal() and text[a - 1].isdecimal():
            a -= 1
        cut = max((i + len(w) for w in _EVENT_NAME_CUTS if (i := text.rfind(w, a, k)) >= 0), default=a)
        if k - cut >= 2 and not text.startswith(_EVENT_NAME_BAD_START, cut):
            out.append(Entity(cut, m.end(), text[cut : m.end()], "site"))
    return out


_EVENT_NAME_MARKS = "0123456789（）()·"
_EVENT_NAME_BAD_START = ("本届", "此次", "本次", "各类", "专场", "场")
_EVENT_NAME_CUTS = ("举行", "举办", "召开", "开幕", "参加", "参展")  # 在深圳举行招商推介会: the name starts after


def _sites(text: str, lo: int, hi: int) -> list[Entity]:
    """Named places of business (三清山景区, 葛仙村度假区, 赣州国际陆港, 上饶站): the name before a site word,
    up to SITE_NAME_MAX characters of it; a station only after a place name (上饶站, not 加油站)."""
    out: list[Entity] = []
    for m in _SITE_RE.finditer(text, lo, hi):
        k = m.start()
        if m.group(0) in PLACE_SITE_WORDS:
            # 上饶站, 赣州港; 赣州西站: a place, then maybe a direction
            a = k - 1 if text[k - 1 : k] in "东西南北" else k
            if text[max(lo, a - 2) : a] in places():
                out.append(Entity(a - 2, m.end(), text[a - 2 : m.end()], "site"))
            continue
        a = k
        stop = max(lo, k - SITE_NAME_MAX)
        while a > stop and "\u4e00" <= text[a - 1] <= "\u9fff" and text[a - 1] not in NAME_STOP:  # (is_han, inline)
            a -= 1
        name = text[a:k]
        for w in _SITE_NAME_CUTS if m.group(0) in _INDUSTRY_SITES else _SITE_NAME_CUTS + _SITE_PERIOD_CUTS:
            if w in name:  # 旅游景区江湾景区, 力争打造产业集群: the name starts after
                name = name[name.rfind(w) + len(w) :]
        if name.endswith("经"):
            name = ""  # 去年经机场进出的游客, 南康家具经陆港出口: goods or people through the site, named before
        a = k - len(name)
        if len(name) >= 2 and not any(c in SITE_NAME_BAD for c in name) and not name.endswith(SITE_KIND_WORDS):
            out.append(Entity(a, m.end(), name + m.group(0), "site"))
    return out


_COUNTED_AFTER_RE = re.compile(r"[\d一二两三四五六七八九十]+(?:座|个|家|所|处)")
_COUNTED_BEFORE_RE = re.compile(r"[\d一二两三四五六七八九十百千万余多]")  # (the character before a classifier)
_CLASSIFIERS = "家个所座"


def _company_names(text: str, lo: int, hi: int) -> list[tuple[str, int]]:
    """(name, end) of every full company name (江西永铜铜业有限公司): the run of name characters before a
    company word, cut at a function word."""
    out: list[tuple[str, int]] = []
    for m in _ORG_WORD_RE.finditer(text, lo, hi):
        window = text[max(lo, m.start() - 16) : m.start()]
        # (the run has no NAME_STOP character: it is the whole name, no function word to cut it at; the pattern
        # matches everywhere, run is never None)
        run = _NAME_RUN_REVERSED_RE.match(window[::-1])
        name = window[len(window) - (run.end() if run else 0) :] + m.group(0)
        k = m.start() - len(name) + len(m.group(0))  # where the name starts
        if k - 1 >= lo and text[k - 1 : k + 1] in places():
            name = text[k - 1] + name  # 于都农商银行: a place whose first character is a function word (于)
        for cut in ORG_NAME_CUTS:
            if (c := name.rfind(cut)) >= 0:
                name = name[c + len(cut) :]
        if (z := _ZONE_BEFORE_ORG_RE.search(name)) and (name[z.end() : z.end() + 2] in places() or name.startswith(
            ("江西", "中国"), z.end()
        )):
            name = name[z.end() :]  # 赣州经开区江西虔通电驱科技有限公司: the zone it stands in, then its name
        k = m.end() - len(name)  # (where the name starts now)
        if (
            len(name) >= 4 and not _NOT_A_NAME_RE.search(name)
            and (not name.startswith(ORG_NAME_BAD_START) or name[:2] in places())  # (万年县…合作社: a place's)
            and not _COUNTED_AFTER_RE.match(text, m.end())  # 建成烘干加工厂1座: a kind, counted, not a name
            and not (name[0] in _CLASSIFIERS and _COUNTED_BEFORE_RE.search(text, max(lo, k - 1), k))  # 3家专业合作社
            # 莲种、肥料合作社统一供: a short last item of a list of things, then the bare word (a list of companies
            # names each: A合作社、B合作社; 企业家、江西鸿骏电子科技有限公司: a full name)
            and not (
                k > lo and text[k - 1] == "、" and len(name) - len(m.group(0)) <= 3
                and not text.endswith(m.group(0), lo, k - 1)
            )
        ):
            if m.group(0) in BRANCH_WORDS:
                # 贡江银行于都支行: the bank's branch, named after the bank right before it; a branch of the central
                # bank (人民银行赣州市中心支行) is where figures come from, not what they are of
                if "银行" not in name and out and out[-1][1] == k and out[-1][0].endswith("银行"):
                    name = out[-1][0] + name
                if "人民银行" in name or "银行" not in name and name[:2] not in places():
                    continue
            out.append((name, m.end()))
    return out


def _counties(text: str, lo: int, hi: int) -> list[Entity]:
    """Districts, counties and county-level cities in text[lo:hi]: a known place + 区/县/市 (信州区, 赣县,
    瑞金市), not 市委/市政府."""
    out = []
    pl = places()
    for c in _COUNTY_CHARS:  # str.find per character: cheaper than a regex Match for each (frequent) hit
        k = text.find(c, lo + 2, hi)
        while k >= 0:
            if text[k - 2 : k] in pl and not text.startswith(("委", "政府"), k + 1):
                out.append(Entity(k - 2, k + 1, text[k - 2 : k + 1], "zone"))
            k = text.find(c, k + 1, hi)
    return out


# What follows a county's short name written alone as a clause's topic (瑞金拥有红色培训机构68家, 龙南还投入资金…)
BARE_PLACE_NEXT: tuple[str, ...] = (
    "还", "拥有", "推出", "是", "已", "共", "全年", "今年", "去年", "将", "把", "坚持", "先后", "累计", "新增", "现有",
    "目前", "，", ",",
)


def _bare_counties(text: str, lo: int, hi: int) -> list[Entity]:
    """A county named in full somewhere in the text (瑞金市) and by its short name alone at the head of a clause
    elsewhere (瑞金拥有…, 龙南还投入…): the county, there too."""
    out = []
    fulls = list(dict.fromkeys(e.name for e in _text_counties(text) if e.name and e.name[:2] not in CITIES))
    shorts = Counter(full[:2] for full in fulls)
    for full in fulls:  # (in text order: the same answer whatever the string hash seed)
        short = full[:2]
        if shorts[short] > 1:
            continue  # 南康区原为南康市: which one 南康 is, the text does not say
        k = text.find(short, lo, hi)
        while k >= 0:
            if text.startswith(BARE_PLACE_NEXT, k + 2) and (k == 0 or not _is_name_char(text[k - 1])):
                out.append(Entity(k, k + 2, full, "zone"))
            k = text.find(short, k + 2, hi)
    return out


# Whole-text scans shared by the article context and the subject candidates (each computed once per text).
@lru_cache(maxsize=4)
def _text_counties(text: str) -> tuple[Entity, ...]:
    return tuple(_counties(text, 0, len(text)))


@lru_cache(maxsize=4)
def _text_company_names(text: str) -> tuple[tuple[str, int], ...]:
    return tuple(_company_names(text, 0, len(text)))


_PLACE_PREFIX_RE = re.compile(rf"^(?:[{_HAN}]{{2}}[省市县区])?(?:[{_HAN}]{{2}}[镇乡])?(?:[{_HAN}]{{2}}村)?")


def _cooperative_short_name(name: str) -> str:
    """石城县小松镇丹溪白莲专业合作社 → 丹溪白莲合作社: what a story calls a cooperative after naming it in full (its
    places and 专业 dropped)."""
    rest = _PLACE_PREFIX_RE.sub("", name).removesuffix("专业合作社")
    return rest + "合作社" if len(rest) >= 2 else ""


def _short_company_names(text: str) -> dict[str, str]:
    """江西永铜铜业有限公司 → 永铜铜业: what a story calls the company after naming it in full (the place it
    starts with, a bracketed place and the company word dropped), each with the full name it shortens."""
    pl = places()
    out: dict[str, str] = {}
    for name in dict.fromkeys(name for name, _ in _text_company_names(text)):  # (each name once)
        # (a bank keeps its word: 江西石城琴江村镇银行 … 石城琴江村镇银行, not 石城琴江村镇)
        short = name if name.endswith("银行") else _ORG_SUFFIX_RE.sub("", name)
        short = core = _BRACKETED_RE.sub("", short)
        for prefix in (short[:2], short[:3]):
            if prefix.removesuffix("省").removesuffix("市") in pl or prefix in ("江西", "中国"):
                core = short[len(prefix) :]
                # (万年青水泥: a brand that starts with a place keeps it, unless the story uses the rest alone)
                if text.count(core) > text.count(short) or prefix in ("江西", "中国"):
                    short = core
                break
        if 2 < len(short) <= 8:
            out[short] = name
        if name.endswith("专业合作社") and (coop := _cooperative_short_name(name)) and coop in text.replace(name, ""):
            out[coop] = name  # 石城县小松镇丹溪白莲专业合作社 … 丹溪白莲合作社
        # 江西华磁新材料科技股份有限公司 … 华磁新材, 江西星驰新能源汽车有限公司 … 星驰汽车: four characters of
        # a registered name (its first four, or its first and last two), used on their own (赣州骐骏新能源汽车有限
        # 公司 … 骐骏汽车: after the place it starts with)
        if len(core) > 4 and name.endswith(_REGISTERED):
            if _used_alone(text, core[:4], core[4]):
                out[core[:4]] = name
            for ends in (core[:2] + core[-2:], core[:2] + core[-3:]):  # (锦程商用车)
                if ends in text:
                    out[ends] = name
            # 江西兴安精密铸造有限公司 … 兴安精铸: a name of three words shortened to the first and the first
            # characters of the other two
            if len(core) == 6 and (initials := core[:3] + core[4]) in text:
                out[initials] = name
            # 江西瑞储新能源科技有限公司 … 瑞储新能源: the name without its last, generic word
            if core.endswith(_GENERIC_NAME_ENDS) and len(bare := core[:-2]) > 2 and _used_alone(text, bare, core[-2:]):
                out[bare] = name
    return out


# The generic words a registered name may end with, which its short name drops (瑞储新能源科技 → 瑞储新能源)
_GENERIC_NAME_ENDS = ("科技", "实业", "发展", "控股", "股份")


def _aliases(text: str, shorts: dict[str, str], counts: dict[str, int]) -> tuple[tuple[str, str], ...]:
    """(full name, the short name a story calls the company by) for each company whose short name is used on its
    own, the one used most (江西星驰新能源汽车有限公司 → 星驰汽车): what an anaphor (公司) names it.

    ``counts``: how often each short name occurs in ``text``."""
    best: dict[str, tuple[int, str]] = {}
    for short, full in shorts.items():
        n = counts[short] - (text.count(full) if short in full else 0)
        if n > 0 and n > best.get(full, (0, ""))[0]:
            best[full] = (n, short)
    return tuple((full, short) for full, (_, short) in best.items())


_REGISTERED = ("有限公司", "有限责任公司")


def _used_alone(text: str, word: str, longer_by: str) -> bool:
    """Whether ``word`` occurs in ``text`` other than as the start of ``word + longer_by``."""
    return text.count(word) > text.count(word + longer_by)


@lru_cache(maxsize=64)
def _literal_re_cached(villages: frozenset[str], orgs: frozenset[str], towns: frozenset[str]) -> re.Pattern[str]:
    words = [*CITIES, *ANAPHORS, *(v + "村" for v in villages), *orgs, *towns]
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def _literal_re(actx: ArticleContext) -> re.Pattern[str]:
    return _literal_re_cached(actx.villages, actx.short_orgs, actx.towns)


def find_entities(
    text: str, lo: int, hi: int, actx: ArticleContext, cands: list[Entity] | None = None
) -> list[Entity]:
    """Subject candidates in text[lo:hi] by position: zones, cities, villages, companies, anaphors.

    Places after a preposition and members of a list are dropped; nested names keep the longest.
    ``cands`` are the ``entity_candidates(text, actx)`` that start in [lo, hi), when the caller reads many
    sentences of one text (it finds them with one bisect per sentence).
    """
    raw = entity_candidates(text, actx, lo, hi) if cands is None else [e for e in cands if e.end <= hi]
    out: list[Entity] = []
    # Far into a long sentence, the head of each entity's clause is found left to right (the kept entities
    # come in order): each stretch of text is searched once, however many entities the sentence has.
    seen = lo  # the separators before this position are known
    head = lo  # the clause's first character that is not white space (or how far the white space is known)
    for e in raw:
        if out and e.pos < out[-1].end:
            continue  # nested in (or overlapping) a longer name already kept
        if text.startswith(LIST_AFTER, e.end) or text.startswith(DRIVER_AFTER, e.end):
            continue  # (在驰远电机的带动下,已有5家…落户: what drove it, not what the figures are of)
        if e.type == "org" and _PARENT_AFTER_RE.match(text, e.end, hi):
            continue  # a parent named to say whose subsidiary the story's company is
        if (
            e.type in ("city", "zone", "village") and text.endswith(PLACE_BAD_BEFORE, lo, e.pos)
            and not (text[e.pos - 1] == "、" and e.pos - 2 >= lo and text[e.pos - 2] in _FIGURE_LAST)
        ):
            continue  # (鄱阳县24个、余干县19个: after a figure and 、, the next item's place)
        if e.pos - lo <= _TOPIC_SCAN:  # (most entities) one regex over the sentence up to the entity
            topic = _TOPIC_SENTENCE_HEAD_RE.fullmatch(text, lo, e.pos) is not None
        else:
            if e.pos > seen:
                m = _UP_TO_LAST_TOPIC_SEP_RE.match(text, seen, e.pos)
                if m:
                    head = m.end()  # a new clause
                seen = e.pos
            if head < e.pos and text[head].isspace():
                head = skip_spaces(text, head, e.pos)
            q = e.pos
            while q > head and text[q - 1].isspace():
                q -= 1
            topic = _TOPIC_HEAD_RE.fullmatch(text, head, q) is not None
        if not topic and (e.type == "site" or e.anaphor in HEAD_ONLY_ANAPHORS and e.anaphor != "公司"):
            # 江湾镇是江湾景区所在地, A级景区增至26个, 农民专业合作社达1200家: a site, or a bare word for one, is a
            # subject only as its clause's topic (公司 keeps its old handling in figure_subjects._resolve)
            continue
        # a copy, not the candidate changed: candidates are shared by the sentences that look at them
        out.append(e if e.topic == topic else Entity(e.pos, e.end, e.name, e.type, topic, e.anaphor))
    return out


_TIME_OR_CONNECTIVE = (
    # (投产后公司…: a time after an event, not any word ending in 后, 最后 or 落后)
    r"(?:[^,，;；:：。]{0,12}?(?:年|月|日|季度|以来|期间|目前|至今|如今|上午|下午|当前|(?:投产|建成|达产|竣工|此|之)后))?"
    r"(?:其中|同时|此外|另外|据悉|据了解|而|但|并|还|也|如今|目前)?"
    r"(?:位于[^,，;；:：。的]{1,12}的)?"  # 位于章贡区的赣州数字产业园已入驻…: where the topic stands
    r"在?"  # 在婺源县茶叶交易市场，茶商…: the scene a paragraph opens at (places after 在 are dropped before)
)


# A topic head: only a time phrase or a connective stands between the clause start (after the last of
# these separators) and the entity, white space around it aside.
_TOPIC_HEAD_RE = re.compile(_TIME_OR_CONNECTIVE)
# The same over the sentence up to the entity, in one regex: the possessive group goes to the last separator
# and never back to an earlier one; the \s* on both sides are the strip of what follows it.  It reads the
# sentence up to the entity, so it serves only the first _TOPIC_SCAN characters of a sentence; past them,
# find_entities finds the clause start and strips the white space (\s and str.isspace are the same
# characters) once per stretch of text, and _TOPIC_HEAD_RE reads a handful of characters per entity (a
# sentence of 100,000 anaphors stays linear).
_TOPIC_SENTENCE_HEAD_RE = re.compile(f"(?s:.*[,，;；:：。“”])?+\\s*(?:{_TIME_OR_CONNECTIVE})\\s*")
_TOPIC_SCAN = 200
_UP_TO_LAST_TOPIC_SEP_RE = re.compile("(?s:.*)[,，;；:：。“”]")  # greedy, then back to the last one
