"""Find figures (number + multiplier + unit + qualifier) in normalised text.

The scanner is procedural around a small number regex: no alternation of
all units inside one big pattern, so there is nothing to backtrack over.
Every decision (units, qualifiers, rank words, non-figure contexts) is a table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .numbers import CN_DIGITS, MULTIPLIERS, parse_number
from .units import UNITS, UnitInfo

# Where a number may start: an optional rank prefix, then Arabic, Chinese or 数 (数百, 数十).
_CN = "零〇一二两三四五六七八九十百千"
# First characters of everything that may follow a Chinese numeral in a figure (units, 万/亿, 余/多, %).
# (and the range connectors: 三十至五十亿元 starts with a bound that has no unit of its own; 番 of 翻了一番)
_CN_NEXT = "".join(sorted({u[0] for u in UNITS} | set("万亿余多几来%至到-~番")))
_CN_DECIMAL = "点[零〇一二三四五六七八九]+"  # 三十一点二亿元
NUM_RE = re.compile(
    # the lookahead lets positions that cannot start a number fail at once (the text is scanned in one pass)
    rf"(?=[第前数首亿\d{_CN}])"
    r"(?P<rank>第|前)?"
    # thousands separators: ASCII or full-width (１，２５６人 is 1256 people), always three digits a group
    r"(?P<num>\d{1,3}(?:[,，]\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?"
    # 一万二千个, 一亿二千万元: a numeral with 万/亿 groups inside (a trailing 万/亿 included) is one number
    rf"|(?:(?<=[第前])[{_CN}]+|(?<=分之)[{_CN}]+(?:{_CN_DECIMAL})?"
    rf"|[{_CN}]+(?:[万亿][{_CN}]+)+[万亿]?(?=[{re.escape(_CN_NEXT)}])"
    rf"|[{_CN}]+(?:{_CN_DECIMAL})?(?=[{re.escape(_CN_NEXT)}]))"
    r"|数(?=[十百千])|首(?=位)"  # (居全省首位: the first place)
    # a bare 亿 of a threshold, one hundred million (亿元以上项目, 营收超亿元企业): no numeral, an empty number
    rf"|(?<![\d{_CN}数几上多])(?=亿元以上)|(?<=[超过])(?=亿元))"
)
_RANK_GROUP = NUM_RE.groupindex["rank"]  # (group numbers: read for every number candidate)
_NUM_GROUP = NUM_RE.groupindex["num"]

# Qualifier words.  Prefixes sit outside the span; suffixes are inside it.
PREFIX_QUALIFIERS: dict[str, str] = {
    "近": "under",
    "将近": "under",
    "接近": "under",
    "不足": "under",
    "不到": "under",
    "约": "approx",
    "大约": "approx",
    "约为": "approx",
    "超": "over",
    "超过": "over",
    "超出": "over",
    "逾": "over",
    "突破": "over",
    "过": "over",
    "不低于": "over",  # 增量不低于10亿元: at least
    "不少于": "over",
    "至少": "over",
    "不超过": "under",
}
# (十几名, 三十来万元: 几 and 来 as well)
AFTER_NUMBER_QUALIFIERS: dict[str, str] = {"余": "over", "多": "over", "几": "over", "来": "approx"}
SUFFIX_QUALIFIERS: dict[str, str] = {
    "以上": "over",
    "左右": "approx",
    "上下": "approx",
    "以下": "under",
    "以内": "under",
}
# Words that start with a suffix qualifier (5家上下游配套企业: 上下游, the supply chain, not 上下 "about")
SUFFIX_WORDS = frozenset({"上下游"})
_MAX_UNIT_LEN = max(len(u) for u in UNITS)
# First characters of whatever may follow the number of a figure: 余/多, a multiplier, a unit, % or 番 (翻了一番).
_AFTER_NUMBER_FIRST = frozenset(
    {*AFTER_NUMBER_QUALIFIERS, *(w[0] for w in MULTIPLIERS), *(u[0] for u in UNITS), "%", "番"}
)
assert {len(w) for w in PREFIX_QUALIFIERS} == {1, 2, 3}  # prefix_qualifier relies on it
_SUFFIX_LEN = 2
assert {len(w) for w in SUFFIX_QUALIFIERS} == {_SUFFIX_LEN}
assert set(MULTIPLIERS) == {"万亿", "亿", "万", "千", "百"}  # _match_mult relies on it

# Units a Chinese numeral may carry (一批, 五人行, 三新 are not figures).
CN_NUMERAL_UNITS: frozenset[str] = frozenset(UNITS) - {"人", "次", "分", "天", "个小时", "小时", "倍", "度"}

# Characters after a unit that show the "unit" was really the start of a word.
UNIT_FALSE_FOLLOW: dict[str, str] = {
    # 个人, 个性, 个别; 两个小时 (a duration: 个小时 is the unit, where a numeral may have it); 1个多小时, 两个多月
    "个": "人性别小多",
    "人": "民才员口均次们工",  # 人民, 人才 …  (人次 is its own unit)
    "名": "单称义牌",  # 名单, 名称
    "位": "于列居置次一数",  # 位于, 位列, 位居; 三位一体, 两位数增长
    "部": "门署分长委位级队件",  # 部门, 部署, 部分, (零)部件
    "家": "庭乡居",  # (138家园区企业: a count; 家园 never follows a number)
    "项": "目",  # 项目
    "台": "阶湾",
    "条": "件例款",
    "所": "有在以谓属",
    "处": "理于置",
    "片": "区",
    "次": "要",
    "分": "别之钟享析配布类工",
    "天": "然气下假",  # (天然气, 天下; 8天假期: how long a holiday is, no figure)
    "度": "过",
    "批": "准复",
    "件": "事",
    "类": "型似",
    "米": "",
    "亩": "均",
    "户": "籍口型",
    "套": "餐",
    "座": "谈",
    "支": "持出付撑",
    "间": "",
    "只": "有要是",
    "张": "",
    "元": "素旦宵",
    "头": "部脑条等号衔版",  # 头部, 头条
    "列": "入为出举席",  # 列入, 列为
    "股": "份东权票价民市",  # 股份, 股东, 股权, 股票
    "羽": "毛绒翼球",  # 羽毛, 羽绒, 羽毛球
    "成": "为功立果本效员就熟交长品都型绩规年片批",  # 成为, 成功, 成立 …
    "半": "年月天小个导岛径价山场程",  # 一半年, 半导体 …: not 一半 (half)
    "份": "额",  # 份额
    "种": "植养子类苗",  # 种植, 种养, 种子, 种类, 种苗
    "小时": "营服不在值全热监运无“\"",  # 24小时营业, 24小时不打烊, 24小时“监控”: around the clock, no figure
    "吨": "级",  # 千吨级泊位, 5000吨级码头: a class of berth, no figure
}

# Rank context: the rank word must be near one of these (same clause) or carry 位/名.
RANK_CONTEXT = ("全省", "全市", "全国", "全球", "全区", "全县", "排名", "排行", "位列", "位居", "名列", "居", "列",
                "跻身", "进入", "前进", "上升", "排在", "稳居")
# (one regex search of the clause for any of them, not one substring test per word)
_RANK_CONTEXT_RE = re.compile("|".join(map(re.escape, RANK_CONTEXT)))
RANK_SUFFIXES = ("位", "名", "方阵", "个", "家")
RANK_BAD_FOLLOW = ("批", "届", "次", "期", "季", "书记", "时间", "责任", "动力", "资源", "工作", "台", "步", "线",
                   "大", "产业", "生产力", "要务", "章", "条", "款", "年", "月", "天", "轮", "课", "站")

# Set phrases that start with a numeral a unit could follow (idioms without a unit never reach the scanner).
CN_IDIOMS: tuple[str, ...] = (
    "千家万户", "万家灯火", "八项规定", "千方百计", "百家争鸣", "三百六十行", "一人一策",
    "八大类",  # 八大类商品和服务价格: the CPI's categories, a name
    "一成不变",
)
FRACTION_WORD = "分之"  # 百分之八点五, 三分之一
MAX_NUMBER_CHARS = 20  # longest number token read as a figure (1,234,567,890.12)
CLAUSE_SEPS = frozenset(",，、：:；;。！？!?\n“”\" \u3000\u2029")


@dataclass(slots=True)  # slots: created and read for every number candidate
class Figure:
    start: int
    end: int
    num_start: int
    value: float
    unit: str  # multiplier + unit as written (亿元, %, 万名, '')
    base_unit: str
    factor: float
    kind: str
    qualifier: str | None
    rank: bool = False
    chinese: bool = False
    mult_only: bool = False  # 35万, 千亿: a multiplier without a unit
    ws: int = -1  # start of its left context: its sentence, CONTEXT_WINDOW back at most; set by scan_figures
    cs: int = -1  # start of its clause (within its sentence, CONTEXT_WINDOW back at most), set by scan_figures
    ce: int = -1  # end of its clause after the figure (within its sentence, CONTEXT_WINDOW on), set by scan_figures


_UNIT_HEAD = _MAX_UNIT_LEN + 1  # what a unit match depends on: the unit and the character after it


def _match_unit(s: str, pos: int, allowed: frozenset[str] | None) -> str | None:
    # the answer depends only on the next _UNIT_HEAD characters: cached on them
    return _unit_at(s[pos : pos + _UNIT_HEAD], allowed)


@lru_cache(maxsize=8192)
def _unit_at(head: str, allowed: frozenset[str] | None) -> str | None:
    """The longest unit at the start of ``head`` (not one that starts a longer word)."""
    for n in range(min(_MAX_UNIT_LEN, len(head)), 0, -1):
        u = head[:n]
        if u in UNITS and (allowed is None or u in allowed):
            follow = head[n : n + 1]
            if follow and follow in UNIT_FALSE_FOLLOW.get(u, ""):
                continue
            return u
    return None


def _match_mult(s: str, pos: int) -> str:
    if s.startswith("万亿", pos):
        return "万亿"
    c = s[pos : pos + 1]
    return c if c in MULTIPLIERS else ""


# Last characters of the prefix qualifiers: most figures follow none of them (one test, no lookups).
_PREFIX_LAST = frozenset(w[-1] for w in PREFIX_QUALIFIERS)


def prefix_qualifier(s: str, start: int, lo: int) -> str | None:
    if start > lo and s[start - 1] == "了":
        start -= 1  # 超过了2000元, 突破了百亿元
    if start <= lo or s[start - 1] not in _PREFIX_LAST:
        return None
    # prefixes are one to three characters, the longer one wins
    q = PREFIX_QUALIFIERS.get(s[start - 3 : start]) if start - 3 >= lo else None
    if q is None and start - 2 >= lo:
        q = PREFIX_QUALIFIERS.get(s[start - 2 : start])
    if q is None and start - 1 >= lo and s[start - 2 : start] not in _NOT_PREFIXES:
        q = PREFIX_QUALIFIERS.get(s[start - 1])
    return q


# Words ending with a one-character prefix qualifier that are no qualifier (现场签约18.3亿元 is not about ¥18.3亿)
_NOT_PREFIXES = frozenset(
    {"签约", "预约", "合约", "条约", "节约", "制约", "特约", "邀约", "最近", "附近", "临近", "走近"}
)


CONTEXT_WINDOW = 120  # characters of left context any rule may look at (bounds the work per figure)


# A newline inside a sentence is a line broken by the page layout, not a clause break.
_SEP_RE = re.compile("[" + re.escape("".join(sorted(CLAUSE_SEPS - {"\n"}))) + "]")
# Up to and including the last separator (greedy, then back to the last one).
_UP_TO_LAST_SEP_RE = re.compile("(?s:.*)" + _SEP_RE.pattern)


# The clause bounds of a figure are searched within its CONTEXT_WINDOW (two short regex calls per figure), which
# is cheaper than listing the separators of every sentence with a number and bisecting them.
def clause_start(s: str, pos: int, lo: int) -> int:
    """Start of the clause containing ``pos`` (never before ``lo`` nor CONTEXT_WINDOW back)."""
    window = max(lo, pos - CONTEXT_WINDOW)
    m = _UP_TO_LAST_SEP_RE.match(s, window, pos)
    return m.end() if m else window


def clause_end(s: str, pos: int, hi: int) -> int:
    """End of the clause containing ``pos`` (never after ``hi`` nor CONTEXT_WINDOW ahead)."""
    window = min(hi, pos + CONTEXT_WINDOW)
    m = _SEP_RE.search(s, pos, window)
    return m.start() if m else window


_CLOSING_QUOTES = "”’"
_OPENING_QUOTE = {"”": "“", "’": "‘"}
MAX_QUOTED_TERM = 10  # “专精特新”, “个转企”, “一网通办”: a quoted name, not quoted speech


def _quoted_term_start(s: str, close: int, lo: int) -> int:
    """Where the short quoted term ending with the quote at ``close`` opens, or -1 (no term: quoted speech)."""
    k = s.rfind(_OPENING_QUOTE[s[close]], max(lo, close - MAX_QUOTED_TERM - 1), close)
    if k < 0 or _SEP_RE.search(s, k + 1, close):
        return -1
    return k


MAX_BRACKETED = 8  # 各县（市、区）, （含代管）: a short aside in brackets


def _bracket_start(s: str, sep: int, lo: int, hi: int) -> int:
    """Where the short bracket holding the 、 at ``sep`` opens (各县（市、区）), or -1 (the 、 is a clause's)."""
    k = max(s.rfind("（", max(lo, sep - MAX_BRACKETED), sep), s.rfind("(", max(lo, sep - MAX_BRACKETED), sep))
    if k < 0 or _SEP_RE.search(s, k + 1, sep):
        return -1
    close = s.find("）" if s[k] == "（" else ")", sep, min(hi, sep + MAX_BRACKETED))
    return k if close >= 0 and _SEP_RE.search(s, sep + 1, close) is None else -1


def scan_figures(s: str, lo: int, hi: int) -> list[Figure]:
    """All figure candidates in s[lo:hi] (s is the normalised text, lo:hi one sentence)."""
    out: list[Figure] = []
    m = NUM_RE.search(s, lo, hi)
    while m is not None:
        fig = _figure_at(s, m, lo, hi)
        pos = m.end()
        if fig is not None:
            # read by several rules: computed once (clause_start and clause_end, inline: this runs for every figure)
            ws = fig.start - CONTEXT_WINDOW
            fig.ws = ws = ws if ws > lo else lo
            c = _UP_TO_LAST_SEP_RE.match(s, ws, fig.start)
            cs = c.end() if c else ws
            while cs > ws and s[cs - 1] in _CLOSING_QUOTES and (q := _quoted_term_start(s, cs - 1, ws)) >= 0:
                c = _UP_TO_LAST_SEP_RE.match(s, ws, q)  # 新增“个转企”326户: a quoted term is no clause break
                cs = c.end() if c else ws
            if cs > ws and s[cs - 1] == "、" and (q := _bracket_start(s, cs - 1, ws, fig.start)) >= 0:
                c = _UP_TO_LAST_SEP_RE.match(s, ws, q)  # 增速列全市各县（市、区）第3位: a 、 in brackets
                cs = c.end() if c else ws
            fig.cs = cs
            we = fig.end + CONTEXT_WINDOW
            if we > hi:
                we = hi
            c = _SEP_RE.search(s, fig.end, we)
            fig.ce = c.start() if c else we
            out.append(fig)
            if fig.end > pos:
                pos = fig.end
        m = NUM_RE.search(s, pos, hi)
    return out


def _figure_at(s: str, m: re.Match[str], lo: int, hi: int) -> Figure | None:
    start = m.start()
    num_start, p = m.span(_NUM_GROUP)
    nxt = s[p : p + 1]
    if nxt not in _FIGURE_NEXT and start == num_start and not s.endswith(FRACTION_WORD, lo, num_start):
        return None  # a year, a date, a list number: what the steps below would find, in one test
    num_txt = s[num_start:p]
    if not num_txt:
        return _bare_hundred_million(s, start)
    chinese = not num_txt[0].isdigit()
    # Never inside a longer Arabic number, a word with Latin letters, or a version/code.
    if not chinese and num_start > lo:
        prev = s[num_start - 1]
        if prev.isascii() and (prev.isalnum() or prev in ".-_/"):
            before = s[num_start - 2 : num_start - 1] if num_start - 2 >= lo else ""
            # inside a code, a version or a date; 20%-30% and 30-50亿元 are ranges (a date's or a phone
            # number's second part has no unit, so it is no figure anyway)
            if not (prev == "-" and (before == "%" or before.isdigit() or is_han(before or "a"))):
                return None
    if len(num_txt) > MAX_NUMBER_CHARS:
        return None  # 1 MB of digits, serial numbers: not a figure
    if num_txt == "首":
        return _first_place(s, start, p, lo)
    several = num_txt == "数"
    vague = chinese and start == num_start and _VAGUE_PAIR_RE.match(num_txt)
    if vague and CN_DIGITS[vague.group("b")] == CN_DIGITS[vague.group("a")] + 1:
        # 五六家, 三四千元, 两三千元, 十五六万元: one or the next, read as the lower with approx (not 56 or 34千)
        num_txt = vague.group("tens") + vague.group("a") + vague.group("rest")
    else:
        vague = None
    value = 1.0 if several else parse_number(num_txt)
    if value is None:
        return None
    if start < num_start:  # a rank word (第, 前) before the number
        return _rank_at(s, m, value, chinese, lo)
    if chinese and s.startswith(CN_IDIOMS, start):
        return None  # 千家万户, 八项规定: numerals inside set phrases
    if chinese and s.endswith(FRACTION_WORD, lo, num_start):
        return _fraction_at(s, num_start, p, value, lo)
    if not several and nxt not in _AFTER_NUMBER_FIRST:
        # (_range_lower_bound's own first test, here: most of these numbers are the first bound of a range)
        return _range_lower_bound(s, m, value, None, lo, hi, chinese) if nxt in RANGE_CONNECTORS else None
    qualifier: str | None = None
    # 余/多 right after the number (十余家, 30余万元)
    if p + 1 < hi and s[p] in AFTER_NUMBER_QUALIFIERS and (_match_mult(s, p + 1) or _match_unit(s, p + 1, None)):
        qualifier = AFTER_NUMBER_QUALIFIERS[s[p]]
        p += 1
    if several:
        # 数十/数百/数千: "several tens/hundreds" — value as written is the order of magnitude
        order = _SEVERAL_ORDERS.get(s[p : p + 1])
        if order is None:
            return None
        value = order
        p += 1
    mult = s[p : p + 1]  # (_match_mult, inline: this runs for every figure)
    if mult not in MULTIPLIERS:
        mult = ""
    elif mult == "万" and s.startswith("万亿", p):
        mult = "万亿"
    elif mult in "千百" and (_unit_at(s[p : p + _UNIT_HEAD], None) or "").startswith(mult):
        mult = ""  # 300千瓦, 5千克: the character starts the unit
    # A Chinese numeral already absorbed 千/百; a trailing 百/千 multiplier only after 数 or Arabic.
    factor = 1.0
    if mult:
        factor = MULTIPLIERS[mult]  # 万亿 is one entry
        p += len(mult)
        if mult in "千百" and s[p : p + 1] in ("万", "亿"):
            factor *= MULTIPLIERS[s[p]]  # 3千万元, 5百万元: two multipliers
            mult += s[p]
            p += 1
        if p + 1 < hi and s[p] in AFTER_NUMBER_QUALIFIERS and _match_unit(s, p + 1, None):
            qualifier = AFTER_NUMBER_QUALIFIERS[s[p]]
            p += 1
    if several:
        qualifier = "over"
    # (after a 万/亿 any unit is a quantity again: 三十万人, 两万次; so it is after a numeral of several characters
    # worth ten or more: 一千二百六十八人, 三十五天; not after 五 or 百 alone: 五人行, 百人计划)
    composed = len(num_txt) > 1 and value >= 10
    allowed = CN_NUMERAL_UNITS if chinese and not mult and "万" not in num_txt and not composed else None
    unit = _unit_at(s[p : p + _UNIT_HEAD], allowed)
    if unit is None and chinese and s.startswith("倍", p) and start > lo and s[start - 1] in _MULTIPLE_BEFORE:
        unit = "倍"  # 增长了两倍, 是2019年的三倍 (not 信心百倍: a Chinese multiple only after a verb of change or 的)
    if unit is None and not mult and s.startswith("番", p) and _DOUBLED_BEFORE_RE.search(s, max(lo, start - 2), start):
        # 同比翻了一番: doubled over a year, a growth of 100 %; 比2015年翻两番: four times, of 300 % (a doubling
        # against no year, 产能翻了一番 or 营业额比平时翻了一番, is no figure: a way of saying "much more", as
        # annotators read it)
        if not _DOUBLING_BASE_RE.search(s, max(lo, start - 10), start):
            return None
        return Figure(start, p + 1, num_start, value, "番", "percent", (2**value - 1) * 100 / value, "growth",
                      qualifier, False, chinese)
    if unit:
        info: UnitInfo | None = UNITS[unit]
        p += len(unit)
    elif p < hi and s[p] == "%":
        unit, info = "%", UNITS["%"]
        p += 1
    else:
        unit, info = "", None
    if unit == "元" and (jiao := _JIAO_RE.match(s, p, hi)):
        value += (parse_number(jiao.group(1)) or 0) / 10  # 二元五角, 2元5角: ¥2.5
        p = jiao.end()
    mult_only = people = False
    if info is None and mult == "亿" and not chinese and (rest := _WAN_AFTER_YI_RE.match(s, p, hi)):
        # 1亿2000万元: one amount written in two groups (1.2亿元)
        value += int(rest.group(1)) / 10000
        unit, p = "元", rest.end()
        info = UNITS[unit]
    if info is None:
        if not mult:
            return _range_lower_bound(s, m, value, qualifier, lo, hi, chinese)
        follow = s[p : p + 1]
        if mult in ("百", "千") or (follow and is_han(follow) and follow not in MULT_ONLY_FOLLOW):
            if not (mult == "万" and PEOPLE_AFTER_RE.match(s, p, hi)):
                return None  # 7万方, 百台…: an unknown unit after the multiplier
            people = True  # 18.6万贫困人口, 5.8万农村人口: people counted by the noun
        mult_only = True
    if chinese and value <= 1 and not mult and unit not in ("半", "倍", "成"):
        return None  # 一个, 一家, 一项: not figures; 零部件: a word (一半 is half; 增长一倍 doubled; 一成 is 10 %)
    if unit == "倍" and p < hi and s[p] in AFTER_NUMBER_QUALIFIERS:
        qualifier = AFTER_NUMBER_QUALIFIERS[s[p]]  # 6倍多, 两倍多: more than six times
        p += 1
    # suffix qualifiers
    w = s[p : p + _SUFFIX_LEN]  # every suffix qualifier has this length: one lookup
    if w in SUFFIX_QUALIFIERS and p + _SUFFIX_LEN <= hi and s[p : p + _SUFFIX_LEN + 1] not in SUFFIX_WORDS:
        qualifier = SUFFIX_QUALIFIERS[w]
        p += _SUFFIX_LEN
    if info is None:
        base_unit, ufactor, kind = ("count", 1.0, "count") if people else ("CNY", 1.0, "amount")
    else:
        base_unit, ufactor, kind = info.base_unit, info.factor, info.kind
    if qualifier is None:
        qualifier = "approx" if vague else prefix_qualifier(s, start, lo)
    if start == num_start and start - 1 > lo and s[start - 1] in "-－" and _MINUS_AFTER_RE.search(s, lo, start - 1):
        start, value = start - 1, -value  # 增长-2.4%: a minus sign printed after the verb (not 500亿-600亿元)
    return Figure(start, p, num_start, value, mult + unit, base_unit, factor * ufactor, kind, qualifier,
                  False, chinese, mult_only)


_SEVERAL_ORDERS = {"十": 10.0, "百": 100.0, "千": 1000.0}
# People a bare 万 counts, named right after it (18.6万贫困人口, 5.8万农村人口, 3万群众)
PEOPLE_AFTER_RE = re.compile("[\u4e00-\u9fff]{0,4}?(?:人口|群众|居民)")
_DOUBLED_BEFORE_RE = re.compile("翻了?$")
_DOUBLING_BASE_RE = re.compile(
    r"(?:同比|(?:比|较)(?:上年|去年|(?:19|20)\d{2}年)(?:同期)?)(?:增长)?(?:实现|几乎|接近|近)?翻了?$"
)
_MINUS_AFTER_RE = re.compile("(?:增长|增速|增幅|增长率)(?:为|是)?$")
_WAN_AFTER_YI_RE = re.compile(r"(\d{1,4})万元")
_VAGUE_PAIR_RE = re.compile(
    "(?P<tens>(?:[一二三四五六七八九]?十)?)(?P<a>[一两二三四五六七八])(?P<b>[两二三四五六七八九])(?P<rest>.*)"
)
_JIAO_RE = re.compile(r"([一二三四五六七八九\d])角")  # the tenths of a yuan after it (二元五角)
# Last characters of what a multiple in Chinese numerals follows:
# 增长/增加/提高/提升/扩大(了), 是…的, 达, 近, 超(过), 约, 逾
_MULTIPLE_BEFORE = frozenset("长加高升大了的是达近超过约逾至")  # (三至四倍: the upper bound of a range)


RANGE_CONNECTORS: tuple[str, ...] = ("-", "~", "至", "到", "—")
assert {len(c) for c in RANGE_CONNECTORS} == {1}  # _range_lower_bound looks at one character
# What may follow the number of a figure (余/多, a multiplier, a unit, %), the first bound of a range (a range
# connector) or 数 (十, 百, 千).  A number followed by anything else is no figure, unless it follows 分之
# (三分之一) or a rank word (第, 前): _figure_at turns the others (years, dates, list numbers) away first.
_FIGURE_NEXT = frozenset({*_AFTER_NUMBER_FIRST, *RANGE_CONNECTORS, *_SEVERAL_ORDERS})
# What may follow a bare multiplier (千亿级, 35万,, 2000万、, 百亿企业).
MULT_ONLY_FOLLOW = "级的产企项人以"


def is_han(ch: str) -> bool:
    """A CJK unified ideograph (the basic block the papers print in)."""
    return "\u4e00" <= ch <= "\u9fff"


def _range_lower_bound(
    s: str, m: re.Match[str], value: float, qualifier: str | None, lo: int, hi: int, chinese: bool
) -> Figure | None:
    """The bare first number of a range (3到4个小时, 6至7万方, 30-50亿元) takes the second one's unit."""
    p = m.end(_NUM_GROUP)
    if s[p : p + 1] not in RANGE_CONNECTORS:  # most bare numbers (years, dates) end here
        return None
    m2 = NUM_RE.match(s, p + 1, hi)
    if not m2 or m2.group(_RANK_GROUP) or (m2.group(_NUM_GROUP)[0].isdigit() == chinese):
        return None
    upper = _figure_at(s, m2, lo, hi)
    if upper is None or upper.rank or upper.value <= value:
        return None
    return Figure(m.start(), p, m.start(_NUM_GROUP), value, upper.unit, upper.base_unit, upper.factor,
                  upper.kind, qualifier or prefix_qualifier(s, m.start(), lo), chinese=chinese,
                  mult_only=upper.mult_only)


def _fraction_at(s: str, num_start: int, p: int, numerator: float, lo: int) -> Figure | None:
    """百分之八点五 (8.5 %) and 三分之一 (33.3 %): a share written out in words, the whole phrase as the span."""
    k = num_start - len(FRACTION_WORD)
    j = k
    while j > lo and s[j - 1] in _CN:
        j -= 1
    denominator = parse_number(s[j:k]) if j < k else None
    if not denominator or numerator >= denominator:
        return None  # 百分之百 ("wholly"): an idiom, not a share
    value = numerator if denominator == 100 else round(100 * numerator / denominator, 1)
    return Figure(j, p, num_start, value, "%", "percent", 1.0, "share", prefix_qualifier(s, j, lo), chinese=True)


def _bare_hundred_million(s: str, start: int) -> Figure:
    """亿元以上项目, 营收超亿元企业: one hundred million yuan, a threshold written without a numeral (its 以上 inside
    the span, its 超 before it, as a figure's qualifiers are)."""
    end = start + 2  # (亿元)
    if s.startswith("以上", end):
        end += 2
    return Figure(start, end, start, 1.0, "亿元", "CNY", MULTIPLIERS["亿"], "amount", "over", chinese=True)


_FIRST_PLACE_REACH = 16


def _first_place(s: str, start: int, p: int, lo: int) -> Figure | None:
    """居全省首位, 位列全市首位: rank 1, in a ranking's context (not 首位产业, a county's leading industry)."""
    end = p + 1  # (首 + 位)
    if s.startswith(RANK_BAD_FOLLOW, end) or s.startswith("度", end):
        return None
    # (the ranking word may stand before a scope with its own 、: 居全市各县(市、区)首位)
    ctx = max(lo, start - _FIRST_PLACE_REACH)
    ctx = max(ctx, s.rfind("，", ctx, start) + 1, s.rfind(",", ctx, start) + 1)  # (within reach: linear)
    if _RANK_CONTEXT_RE.search(s, ctx, start) is None:
        return None
    return Figure(start, end, start, 1.0, "位", "rank", 1.0, "rank", None, rank=True, chinese=True)


def _rank_at(s: str, m: re.Match[str], value: float, chinese: bool, lo: int) -> Figure | None:
    p = m.end(_NUM_GROUP)
    word = m.group(_RANK_GROUP)
    if value < 1 or value > 1000 or value != int(value):
        return None
    tail = s[p : p + 4]
    if tail.startswith(RANK_BAD_FOLLOW):
        return None
    cs = clause_start(s, m.start(), lo)
    unit = ""
    for suf in RANK_SUFFIXES:
        if s.startswith(suf, p):
            unit = suf
            break
    has_ctx = _RANK_CONTEXT_RE.search(s, cs, m.start()) is not None
    if word == "前":
        # 前三 (top three): needs rank context; 前三季度 / 前5个月 are periods.
        if not has_ctx or tail[:1] in ("季", "个", "月", "年", "天", "批"):
            return None
        if unit in ("个", "家"):
            return None
        return Figure(m.start(), p + len(unit), m.start(_NUM_GROUP), value, unit, "rank", 1.0, "rank", "under",
                      rank=True, chinese=chinese)
    if not has_ctx and unit not in ("位", "名"):
        return None
    if unit in ("个", "家"):
        # 全省第二个/第二家 …: an ordinal of the subject among peers
        if not has_ctx:
            return None
    return Figure(m.start(), p + len(unit), m.start(_NUM_GROUP), value, unit, "rank", 1.0, "rank", None,
                  rank=True, chinese=chinese)


__all__ = ["CN_DIGITS", "Figure", "scan_figures", "clause_start", "clause_end", "prefix_qualifier", "CLAUSE_SEPS"]
