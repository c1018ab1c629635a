"""Indicator extraction: figures → contract records with metric, subject, period, yoy, target.

Pipeline per article: normalise (length-preserving) → sentences → figures (``scan``) →
classification (growth / share / rank …) → metric, yoy, subject, period, target.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import TypeVar

from . import context as C
from .model import Indicator
from .numbers import normalise
from .periods import PeriodHit, find_periods, scan_periods
from .scan import CLAUSE_SEPS, CONTEXT_WINDOW, Figure, clause_end, clause_start, scan_figures
from .sentences import Span, mask_tags, split_sentences
from .subjects import ArticleContext, Entity, article_context, entity_candidates, find_entities

_T = TypeVar("_T")
QUOTE_PAIRS = {"“": "”", "‘": "’", "「": "」"}


@dataclass
class Rec:
    fig: Figure
    kind: str
    value_base: float
    sent: Span
    metric: str | None = None
    subject: str | None = None
    period: str | None = None
    yoy: float | None = None
    target: bool = False
    mom: bool = False
    delta: bool = False  # 比上年净增 7 亿元: a change in an amount, takes no yoy
    project: str | None = None  # 投资 X 亿元的 Y 项目: Y 项目


@dataclass
class _State:
    """What carries across sentences while reading an article."""

    para: int = -1
    year: int | None = None
    period: str | None = None  # period of the last sentence with figures in this paragraph
    entity: str | None = None  # last entity named in this paragraph
    last: dict[str, str] | None = None  # last named entity of each type in the article


def extract(text: str, published: dt.date) -> list[Indicator]:
    """Extract economic figures from ``text``; offsets are ``str`` indices into ``text`` as given."""
    norm = mask_tags(normalise(text))
    actx = article_context(norm)
    sents = split_sentences(norm)
    period_matches = scan_periods(norm)
    cands = entity_candidates(norm, actx)
    out: list[Indicator] = []
    st = _State(last={})
    for si, sent in enumerate(sents):
        if sent.paragraph != st.para:
            st.para, st.year, st.period, st.entity = sent.paragraph, None, None, None
        periods = find_periods(norm, sent.start, sent.end, published, st.year, period_matches)
        for h in periods:
            if h.year is not None:
                st.year = h.year
        ents = find_entities(norm, sent.start, sent.end, actx, cands)
        figs = [f for f in scan_figures(norm, sent.start, sent.end) if not _in_short_quote(norm, f, sent)]
        figs = [f for f in figs if not _is_meeting_count(norm, f)]
        recs = [_classify(norm, f, sent) for f in figs]
        _propagate_qualifiers(norm, recs)
        _propagate_list_kinds(norm, recs)
        _attach_metrics(norm, recs, periods, ents)
        _distribute_fenbie(norm, recs)
        labelled = [h for h in periods if h.label]
        labelled_ends = [h.end for h in labelled]
        ent_ends = [e.end for e in ents]
        _attach_yoy(norm, recs)
        for r in recs:
            r.period = _period_for(r, labelled, labelled_ends, st.period)
            r.subject = _subject_for(norm, r, ents, ent_ends, actx, st, sents, si, cands)
        _attach_targets(norm, recs)
        for r in recs:
            if (r.target or r.project) and bisect.bisect_right(labelled_ends, r.fig.start) == 0:
                r.period = None
        _remember_entities(ents, actx, st)
        if recs:
            labelled = [h for h in periods if h.label]
            if labelled:
                st.period = labelled[-1].label
        out.extend(_to_indicator(text, r) for r in recs)
    return out


# ---------------------------------------------------------------- helpers


def _window(f: Figure, sent: Span) -> int:
    """Start of the left context of a figure: its sentence, at most CONTEXT_WINDOW characters."""
    return max(sent.start, f.start - CONTEXT_WINDOW)


def _last_before(items: list[_T], ends: list[int], pos: int) -> _T | None:
    """The last of ``items`` (sorted, with ``ends``) that ends at or before ``pos``."""
    k = bisect.bisect_right(ends, pos)
    return items[k - 1] if k else None


# ---------------------------------------------------------------- classification


def _in_short_quote(s: str, f: Figure, sent: Span) -> bool:
    """Chinese numerals inside a short quotation are slogans (“八个一”, “三个清单”)."""
    if not f.chinese or f.rank:
        return False
    left = s[max(sent.start, f.start - 10) : f.start]
    right = s[f.end : min(sent.end, f.end + 10)]
    for o, c in QUOTE_PAIRS.items():
        i = left.rfind(o)
        if i >= 0 and c not in left[i + 1 :] and c in right:
            return True
    return False


_GROWTH_WORDS = sorted(C.GROWTH_WORDS, key=len, reverse=True)
_GROWTH_FILLER = sorted(C.GROWTH_FILLER, key=len, reverse=True)


def _growth_before(s: str, f: Figure, lo: int) -> tuple[int, bool] | None:
    """If a growth verb governs this % figure, return (sign, is month-on-month)."""
    cs = clause_start(s, f.start, lo)
    head = s[cs : f.start].rstrip()
    for w in ("近", "约", "超过", "超", "逾"):
        if head.endswith(w):
            head = head[: -len(w)]
            break
    for w in _GROWTH_FILLER:
        if head.endswith(w):
            head = head[: -len(w)]
            break
    for w in _GROWTH_WORDS:
        if head.endswith(w):
            mom = any(m in s[cs : f.start] for m in C.MOM_WORDS)
            return C.GROWTH_WORDS[w], mom
    return None


def _classify(s: str, f: Figure, sent: Span) -> Rec:
    kind = f.kind
    mom = False
    vb = f.value * f.factor
    if f.base_unit in ("percent", "percentage_point"):
        g = _growth_before(s, f, sent.start)
        if g is not None:
            kind = "growth"
            sign, mom = g
            vb = sign * f.value
        elif f.base_unit == "percentage_point":
            kind = "growth"
        else:
            kind = "share"
    elif f.base_unit == "rank":
        kind = "rank"
    elif f.unit in ("名", "位") and re.search(
        r"(?:排名|位次|名次)(?:前移|上升|提升|前进|进位|后退|下降|后移)$", s[_window(f, sent) : f.start]
    ):
        f.base_unit, kind = "rank", "rank"  # 排名前移2名: a change of rank
    elif f.base_unit in ("GW", "tonne", "m2", "count", "vehicle") and re.search(
        r"年产(?:能)?(?:能力)?$", s[clause_start(s, f.start, sent.start) : f.start]
    ):
        kind = "capacity"
    rec = Rec(fig=f, kind=kind, value_base=vb, sent=sent, mom=mom)
    if f.base_unit not in ("percent", "percentage_point", "rank"):
        head = s[clause_start(s, f.start, sent.start) : f.start]
        if re.search(r"(?:净增|同比增加|同比减少|比去年同期净增|比上年增加|增加了|减少了|净增加)$", head):
            rec.delta = True
    return rec


_RANGE_GAP = re.compile(r"^(?:-|~|至|到|—|－|–)$")
_LIST_GAP = re.compile(r"^[、,，]$")


def _propagate_qualifiers(s: str, recs: list[Rec]) -> None:
    """20%-30%左右: the bound shares the suffix qualifier; 突破5000亿元、6000亿元: the prefix one."""
    for a, b in zip(recs, recs[1:], strict=False):
        gap = s[a.fig.end : b.fig.start]
        if _RANGE_GAP.match(gap) and a.fig.qualifier is None and b.fig.qualifier is not None:
            a.fig.qualifier = b.fig.qualifier
        elif (
            _LIST_GAP.match(gap)
            and b.fig.qualifier is None
            and a.fig.qualifier is not None
            and a.fig.unit == b.fig.unit
            and not s.startswith(("余", "多", "以上", "左右"), a.fig.start + len(str(a.fig.value)))
        ):
            b.fig.qualifier = a.fig.qualifier


_MEETING_RE = re.compile(r"(?:召开|举办|举行|开展|组织|参加|出席|主持)[^,，。;；]{0,4}$")
_MEETING_AFTER_RE = re.compile(r"[^,，。;；]{0,6}(?:会议|会|座谈|讲话|活动|调研|培训)")


def _is_meeting_count(s: str, f: Figure) -> bool:
    """召开3次会议, 开展5场活动: counts of meetings and events are not figures."""
    if f.unit not in ("次", "场", "期", "轮"):
        return False
    head = s[max(0, f.start - 12) : f.start]
    return bool(_MEETING_RE.search(head) or _MEETING_AFTER_RE.match(s, f.end))


_LIST_SEPS = ("、", "和", "及", ",")


def _propagate_list_kinds(s: str, recs: list[Rec]) -> None:
    """分别增长12%、15%: later members of a list of % take the first one's growth kind and sign."""
    for a, b in zip(recs, recs[1:], strict=False):
        gap = s[a.fig.end : b.fig.start]
        if _RANGE_GAP.match(gap) and a.fig.base_unit == b.fig.base_unit:
            b.kind, b.mom = a.kind, a.mom  # 增长20%-30%: both bounds are growths
            b.value_base = (1 if a.value_base >= 0 else -1) * b.fig.value * b.fig.factor
            continue
        if (
            a.kind == "growth"
            and b.kind == "share"
            and a.fig.base_unit == b.fig.base_unit
            and s[a.fig.end : b.fig.start] in _LIST_SEPS
        ):
            b.kind = "growth"
            b.mom = a.mom
            b.value_base = (1 if a.value_base >= 0 else -1) * b.fig.value


_FENBIE_ITEMS = re.compile(r"[、和及与]")


def _distribute_fenbie(s: str, recs: list[Rec]) -> None:
    """A、B分别增长12%、15%: the i-th figure of the list gets the i-th item as its metric."""
    i = 0
    while i < len(recs):
        r = recs[i]
        cs = clause_start(s, r.fig.start, r.sent.start)
        head = s[cs : r.fig.start]
        k = head.find("分别")
        if k <= 0:
            i += 1
            continue
        run = [r]
        j = i + 1
        while j < len(recs) and s[recs[j - 1].fig.end : recs[j].fig.start] in _LIST_SEPS:
            run.append(recs[j])
            j += 1
        # items: the list before 分别 inside this clause (or the previous one when this clause starts with 分别)
        items_text = head[:k]
        items = [x for x in _FENBIE_ITEMS.split(items_text) if x]
        if len(items) == len(run) and len(run) > 1:
            for item, rr in zip(items, run, strict=True):
                name = _strip_metric(item)
                if name:
                    rr.metric = name + ("增速" if rr.kind == "growth" and not name.endswith("增速") else "")
        i = j


# ---------------------------------------------------------------- metrics


def _cut_left(
    s: str, f: Figure, lo: int, periods: list[PeriodHit], ents: list[Entity], prev_end: int,
    ends: tuple[list[int], list[int]],
) -> str:
    """The clause text before the figure, after the last period phrase, entity, figure or predicate break."""
    cs = clause_start(s, f.start, lo)
    cut = max(cs, prev_end)
    h = _last_before(periods, ends[0], f.start)
    if h is not None and h.start >= cs:
        cut = max(cut, h.end)
    e = _last_before(ents, ends[1], f.start)
    if e is not None and e.pos >= cs:
        cut = max(cut, e.end)
    left = s[cut : f.start]
    for w in C.METRIC_CUT_AFTER:
        k = left.rfind(w)
        if k >= 0 and k + len(w) < len(left):
            left = left[k + len(w) :]
    for w in ("以",):
        k = left.rfind(w)
        if k >= 0 and not left.startswith(("以上", "以下", "以内", "以来"), k) and k + 1 < len(left):
            left = left[k + 1 :]
    return left


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_TRAILING_RE = re.compile(f"(?:{_alternation(C.METRIC_TRAILING)})$")
_LEADING_RE = re.compile(f"^(?:{_alternation(C.METRIC_LEADING)})")
_INFIX_RE = re.compile(_alternation(C.METRIC_INFIX_DELETE))
_NOUN_STOP_RE = re.compile(_alternation(C.NOUN_STOP))
_INTRO_VERBS = (*C.COUNT_INTRO_VERBS, *C.AMOUNT_INTRO_VERBS)
_TARGET_CUE_RE = re.compile(_alternation(tuple(c for c in C.TARGET_CUES if c not in ("将", "冲"))))
_ACHIEVED_RE = re.compile(_alternation(C.ACHIEVED_CUES))
_STRONG_CUE_RE = re.compile(_alternation(("投产后", "建成后", "达产后", "力争", "预计")))
_QUOTES = " \t“”\"‘’()（）—-\n\u2029"


def _strip_metric(m: str) -> str:
    m = _INFIX_RE.sub("", m).strip(_QUOTES)
    while m:
        t = _TRAILING_RE.search(m)
        if t:
            m = m[: t.start()].rstrip(" “”\"")
            continue
        lead = _LEADING_RE.match(m)
        if lead:
            m = m[lead.end() :].lstrip(" “”\"")
            continue
        break
    for sep in ("等", "的"):
        k = m.rfind(sep)
        if k >= 0 and len(m) - k - 1 >= 2:
            m = m[k + 1 :]
        elif k >= 0 and sep == "等":
            m = m[k + 1 :]
    return m


def _right_noun(s: str, f: Figure, hi: int, fig_starts: set[int]) -> str:
    i = f.end
    if s.startswith("的", i):
        i += 1
    j = i
    while j < hi and j - i < 16 and s[j] not in CLAUSE_SEPS and j not in fig_starts:
        j += 1
    noun = s[i:j]
    stop = _NOUN_STOP_RE.search(noun, 1)
    if stop:
        noun = noun[: stop.start()]
    return noun.strip(" “”\"‘’")


_PROJECT_AFTER = re.compile(r"(?:建设|打造|新建)?的([^,，;；。的]{2,24}?项目)")
_PROJECT_RIGHT = re.compile(r"[^,，;；。的、]{2,16}?项目")
# Words before a figure that describe a project's size (its subject is the project named after it).
PROJECT_SIZE_WORDS: tuple[str, ...] = ("总投资", "投资", "面积", "占地", "占地面积", "年产", "年产能")
# A bare multiplier (人口35万) counts people or households after these words; otherwise it is money.
MULT_ONLY_COUNT_WORDS: tuple[str, ...] = ("人口", "人次", "人数", "户数", "游客", "用户", "就业", "居民")
# Abbreviations written out in metric names (the catalogue maps synonyms; these read better as names).
METRIC_ABBREVIATIONS: dict[str, str] = {
    "固投": "固定资产投资",
    "社零": "社会消费品零售总额",
    "社零额": "社会消费品零售总额",
}
_MULT_ONLY_COUNT_RE = re.compile("|".join(MULT_ONLY_COUNT_WORDS))


def _attach_metrics(s: str, recs: list[Rec], periods: list[PeriodHit], ents: list[Entity]) -> None:
    fig_starts = {r.fig.start for r in recs}
    ends = ([h.end for h in periods], [e.end for e in ents])
    prev: Rec | None = None  # last non-growth, non-rank record of the sentence
    last: Rec | None = None
    prev_end = 0
    for r in recs:
        f = r.fig
        lo = r.sent.start
        cs = clause_start(s, f.start, lo)
        in_list = cs > lo and s[cs - 1] == "、"
        raw_left = _cut_left(s, f, lo, periods, ents, prev_end, ends)
        prev_end = f.end
        left = _strip_metric(raw_left)
        metric = left
        right = _right_noun(s, f, r.sent.end, fig_starts)
        verb_only = len(left) <= 2 and (not left or raw_left.rstrip("了").endswith(_INTRO_VERBS))
        if r.kind == "rank":
            metric = _rank_metric(s, r, lo, left, prev)
        elif r.kind == "growth":
            if len(metric) < 2 and prev is not None and prev.metric:
                metric = prev.metric
            if metric and not metric.endswith(("增速", "增幅", "率")):
                metric += "增速"
        elif r.kind == "share":
            scope = next((sc for sc in C.RANK_SCOPES if sc in raw_left), "")
            bare = left.replace(scope, "").replace("占", "")
            if bare in ("", "比", "比重", "占比", "比例") and prev is not None and prev.metric:
                metric = f"{prev.metric}占{scope}比重"
        elif not left and in_list and prev is not None and prev.fig.base_unit == f.base_unit:
            metric = prev.metric or ""
        elif r.kind == "capacity" and raw_left.endswith(("年产", "年产能")):
            product = right.split("项目")[0]
            metric = (product + "年产能") if product else "年产能"
        elif f.base_unit in ("count", "vehicle") or r.kind == "area":
            intro = verb_only or in_list or raw_left.rstrip("了").endswith(C.COUNT_INTRO_VERBS)
            if right and intro:
                metric = right + ("面积" if r.kind == "area" else "数")
            elif metric and r.kind == "count" and not metric.endswith(("数", "数量")):
                metric += "数"
        else:
            if right and (verb_only or raw_left.rstrip("了").endswith(C.AMOUNT_INTRO_VERBS)):
                metric = right
            if left.endswith("投资"):
                m = _PROJECT_AFTER.match(s, f.end, r.sent.end)
                if m:
                    metric = "项目总投资" if "总投资" in raw_left else "项目投资"
        if f.mult_only and r.kind == "amount":
            # 千亿级产业集群, 百亿企业: the size class of what follows
            noun = _right_noun(s, replace(f, end=f.end + (1 if s.startswith(("级", "的"), f.end) else 0)),
                               r.sent.end, fig_starts)
            if noun:
                metric = noun + ("投资额" if "投资" in raw_left else "规模")
        elif f.qualifier == "over" and s.startswith("以上", f.end - 2) and r.kind == "amount":
            noun = _right_noun(s, f, r.sent.end, fig_starts)
            if noun.endswith("项目"):
                metric = noun + "投资额门槛"
            elif noun:
                metric = noun + "门槛"
        metric = METRIC_ABBREVIATIONS.get(metric, metric)
        if raw_left.endswith(PROJECT_SIZE_WORDS):
            m = _PROJECT_AFTER.match(s, f.end, r.sent.end) or _PROJECT_RIGHT.match(s, f.end, r.sent.end)
            if m:
                r.project = m.group(m.lastindex or 0).strip("“”")
        if f.mult_only and _MULT_ONLY_COUNT_RE.search(raw_left):
            f.base_unit, r.kind = "count", "count"
        if not metric and prev is not None and r.kind not in ("growth", "rank"):
            metric = prev.metric or ""
        if last is not None and _RANGE_GAP.match(s[last.fig.end : f.start]) and last.metric:
            metric = last.metric  # the upper bound of a range measures the same thing
        r.metric = metric or None
        last = r
        if r.kind not in ("growth", "rank"):
            prev = r


def _rank_metric(s: str, r: Rec, lo: int, left: str, prev: Rec | None) -> str:
    cs = clause_start(s, r.fig.start, lo)
    raw = s[cs : r.fig.start]
    scope = next((sc for sc in C.RANK_SCOPES if sc in raw), "")
    thing = left
    for sc in C.RANK_SCOPES:
        thing = thing.replace(sc, "")
    changed = True
    while changed and thing:
        changed = False
        for v in C.RANK_VERBS:
            if thing.endswith(v):
                thing = thing[: -len(v)]
                changed = True
            if thing.startswith(v) and len(thing) > len(v):
                thing = thing[len(v) :]
                changed = True
    thing = _strip_metric(thing)
    if len(thing) < 2:
        thing = prev.metric if prev is not None and prev.metric else ""
    return f"{thing}{scope}排名"


# ---------------------------------------------------------------- yoy


_YOY_GAP = re.compile(
    r"^[,，、]?(?:且|并|其中)?(?:同比|比上年同期|比去年同期|比上年|比去年|较上年同期|较上年|较去年同期|较去年|与上年相比)?"
    r"(?:增长|增加|增速|增幅|提高|上升|下降|减少|回落|降低|下滑)(?:了|为|达|达到)?(?:近|约|超|逾|超过)?$"
)


def _attach_yoy(s: str, recs: list[Rec]) -> None:
    for i, r in enumerate(recs):
        if r.kind in ("growth", "share", "rank") or r.delta:
            continue
        pos = r.fig.end
        for j in range(i + 1, len(recs)):
            g = recs[j]
            gap = s[pos : g.fig.start]
            if g.kind == "growth":
                if _YOY_GAP.match(gap) and not g.mom and g.fig.base_unit == "percent":
                    r.yoy = g.value_base
                break
            if g.delta and re.fullmatch(r"[,，、][^,，、;；。]{0,12}", gap):
                pos = g.fig.end
                continue
            break


# ---------------------------------------------------------------- period, subject, target


def _period_for(r: Rec, labelled: list[PeriodHit], ends: list[int], carried: str | None) -> str | None:
    h = _last_before(labelled, ends, r.fig.start)
    if h is not None:
        return h.label
    # a period right after the figure in the same clause (… 5万元/年 is rare; 增长…今年 is not a period)
    return carried


def _resolve(e: Entity, actx: ArticleContext, st: _State) -> str | None:
    assert st.last is not None
    if e.name is not None:
        return e.name
    typ = e.type.removeprefix("anaphor:")
    if typ == "zone":
        return st.last.get("zone") or actx.main_zone or actx.main_subject
    if typ == "city":
        return actx.city
    if typ == "county":
        z = st.last.get("zone")
        return z if z and z.endswith("县") else None
    return st.last.get(typ)


def _subject_for(
    s: str,
    r: Rec,
    ents: list[Entity],
    ent_ends: list[int],
    actx: ArticleContext,
    st: _State,
    sents: list[Span],
    si: int,
    cands: list[Entity],
) -> str | None:
    if r.project:
        return r.project
    k = bisect.bisect_right(ent_ends, r.fig.start)
    for e in reversed(ents[max(0, k - 8) : k]):
        name = _resolve(e, actx, st)
        if name:
            return name
    # a quotation whose speaker is named after it: “我们共流转土地近千亩……”据该村第一书记介绍
    if _in_quote(s, sents, si):
        for nxt in sents[si + 1 : si + 4]:
            if nxt.paragraph != r.sent.paragraph:
                break
            for e in find_entities(s, nxt.start, nxt.end, actx, cands):
                name = _resolve(e, actx, st)
                if name:
                    return name
    if st.entity:
        return st.entity
    return actx.main_subject


def _in_quote(s: str, sents: list[Span], si: int) -> bool:
    sent = sents[si]
    k = si
    while k > 0 and sents[k - 1].paragraph == sent.paragraph:
        k -= 1
    before = s[sents[k].start : sent.start + 1]
    return before.count("“") > before.count("”")


def _remember_entities(ents: list[Entity], actx: ArticleContext, st: _State) -> None:
    assert st.last is not None
    for e in ents:
        name = _resolve(e, actx, st)
        if not name:
            continue
        typ = e.type.removeprefix("anaphor:")
        if e.name is not None:
            st.last[typ] = name
        # places carry to the next sentences of the paragraph; a company only where it is named again
        if (e.topic and e.type in ("zone", "city", "village")) or e.name is None:
            st.entity = name


_TARGET_VERB = re.compile(r"将(?:达|实现|突破|超|新增|形成|建成|再|可|有|带动|提升|增加|年产|完成|招收|投入)")
_CARRY_TARGET = re.compile(r"^(?:并|可|将|还将|力争|达到|达|届时)")


def _attach_targets(s: str, recs: list[Rec]) -> None:
    prev_target = False
    for r in recs:
        lo = r.sent.start
        cs = clause_start(s, r.fig.start, lo)
        clause = s[cs : r.fig.start]
        tail = s[r.fig.end : clause_end(s, r.fig.end, r.sent.end)]
        head = s[_window(r.fig, r.sent) : r.fig.start]
        t = False
        if _TARGET_CUE_RE.search(clause) or _TARGET_VERB.search(clause):
            t = True
        elif clause.endswith("冲") or _STRONG_CUE_RE.search(head):
            t = True
        elif "目标" in tail or "计划" in tail:
            t = True
        elif prev_target and _CARRY_TARGET.match(clause):
            t = True
        elif r.fig.mult_only and r.value_base >= 1e11 and not re.search(r"(?:过|超|新增|突破)$", clause):
            t = True  # 千亿级产业, 万亿工业俱乐部: aspirations
        elif r.kind == "capacity" and re.search(r"项目", tail) and not _ACHIEVED_RE.search(tail):
            t = True
        if t and _ACHIEVED_RE.search(tail[:10]):
            t = False
        r.target = t
        prev_target = t


# ---------------------------------------------------------------- output


def _to_indicator(text: str, r: Rec) -> Indicator:
    f = r.fig
    sent = r.sent
    return Indicator(
        start=f.start,
        end=f.end,
        text=text[f.start : f.end],
        value=f.value,
        unit=f.unit,
        value_base=_round(r.value_base),
        base_unit=f.base_unit,
        kind=r.kind,
        metric=r.metric,
        subject=r.subject,
        period=r.period,
        yoy_pct=r.yoy if r.kind != "growth" else None,
        qualifier=f.qualifier,
        target=r.target,
        sentence=text[sent.start : sent.end],
        sentence_start=sent.start,
        sentence_end=sent.end,
    )


def _round(v: float) -> float:
    return float(f"{v:.10g}")
