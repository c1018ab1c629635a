"""The subject of each figure (the place, company or project it is about): the nearest entity before it in its
sentence, resolved against what the article named last (该市, 全县, 公司 …), else the sentence's fallback; and the
reading state's memory of the entities named so far.

``subjects`` finds the entities of the text; this module decides which one a figure is about.
"""

from __future__ import annotations

import bisect
import re

from .records import FigureRecord, ReadingState
from .sentences import Span
from .subjects import (
    BANK_WORDS,
    CENTRAL_DISTRICT,
    HEAD_ONLY_ANAPHORS,
    ORG_BAD_BEFORE,
    PROVINCE,
    ArticleContext,
    Entity,
    event_word,
    find_entities,
    place_lists,
    speaks_for_a_body,
)


def _resolve(e: Entity, actx: ArticleContext, st: ReadingState) -> str | None:
    assert st.last is not None
    if e.name is not None:
        if e.type == "site" and actx.main_subject and (word := event_word(e.name)) and actx.main_subject.endswith(word):
            return actx.main_subject  # 上饶（深圳）招商推介会 in a story of 2024上饶（深圳）…招商推介会: the one event
        return e.name
    typ = e.type.removeprefix("anaphor:")
    if typ == "zone":
        park = st.last.get("site") if e.anaphor in ("该园区", "园区") else None
        if park and park.endswith(_PARK_WORDS):
            return park  # 赣州数字产业园已入驻企业168家。该园区实现营收72.6亿元: the park
        if e.anaphor == "园区" and (zone := actx.main_zone) and zone.endswith(_ZONE_PARK_WORDS):
            return zone  # 龙南经开区's story: 园区稀土产业主营业务收入 is the zone's (not the county's named last)
        last, main = st.last.get("zone"), actx.main_subject
        if (
            e.anaphor in ("该区", "全区") and last and main and last.endswith(_ZONE_PARK_WORDS)
            and main.endswith("区") and not main.endswith(_ZONE_PARK_WORDS) and last.startswith(main[:2])
        ):
            return main  # 广丰区's story: 该区 is the district, after a word on 广丰经开区 in it
        return last or actx.main_zone or main
    if typ == "city":
        # 龙南市…该市: a county-level city named before is "this city"; in an article about a county-level
        # city (瑞金市) 全市 is that city too; 我市 is always the paper's own city
        z = st.last.get("zone")
        if e.anaphor == "该市" and z and z.endswith("市"):
            return z
        if e.anaphor != "我市" and actx.county_city:
            return actx.county_city
        return actx.city
    if e.anaphor in HEAD_ONLY_ANAPHORS and not e.topic:
        return None  # 新增公司1200家: companies in general, not the one named before
    if typ == "central":
        return actx.city + CENTRAL_DISTRICT if actx.city else None  # 中心城区商品房…: the paper's city's
    if typ == "province":
        # only as the clause's topic (全省规上工业增加值增长5.1%): 全省5个…之一, 全省第一 are scopes
        return PROVINCE if e.topic else None
    if typ == "county":
        z = st.last.get("zone")
        return z if z and z.endswith("县") else actx.dateline_county
    if typ == "town":
        return st.last.get("town") or actx.main_town
    if e.anaphor == "项目":
        # (“项目总投资22亿元…: the project whose site the story is at; 项目全部达产后…, as its clause's topic: the
        # project named before)
        return st.last.get("site_project") or (st.last.get("project") if e.topic else None)
    name = st.last.get(typ)
    if e.anaphor in ("该行", "该支行") and not (name and name.endswith(BANK_WORDS)):
        return None  # 该行: the bank named before, not another company
    if e.anaphor.endswith("机场") and not (name and name.endswith("机场")):
        return None  # 机场: the airport named before, not a port or a scenic spot
    if typ == "org" and name and actx.org_aliases:
        # 江西星驰新能源汽车有限公司…公司生产新能源汽车2.86万辆: the company by the short name the story uses
        return next((short for full, short in actx.org_aliases if full == name), name)
    return name


_PARK_WORDS = ("产业园", "科技城", "园区")
_ZONE_PARK_WORDS = ("经开区", "开发区", "高新区", "试验区", "工业园", "工业区", "园区")


def attach_subjects(
    s: str,
    recs: list[FigureRecord],
    ents: list[Entity],
    actx: ArticleContext,
    st: ReadingState,
    sents: list[Span],
    si: int,
    cands_at: dict[int, list[Entity]],  # the article's candidates by sentence
) -> None:
    """The subject of each figure of the sentence (a 分别 list of places has set some already): its project,
    else the nearest entity before it that resolves, else the sentence's fallback.

    Within one sentence the answer depends only on how many entities precede the figure, and the fallback
    (a quoted speaker named after the quotation, the paragraph's entity, the article's subject) not at all:
    each is worked out once per sentence, not once per figure."""
    ent_ends = [e.end for e in ents] if ents else []
    by_count: dict[int, str | None] = {}  # subject by the number of entities before the figure
    fallback: str | None = None
    have_fallback = False  # (computed on first use: most figures have an entity before them or none is needed)
    lo, hi = recs[0].sent.start, recs[0].sent.end  # one sentence
    # (a project's site: see below)
    site_here = s.find("现场", lo, hi) >= 0 or s.find("工地", lo, hi) >= 0 or s.find("车间", lo, hi) >= 0
    for r in recs:
        if r.subject is not None:
            continue
        if r.project:
            r.subject = r.project
            continue
        if site_here and (at_site := _SITE_OF_PROJECT_RE.search(s, r.sent.start, r.fig.start)):
            # 在国道G356线宁都段改建工程施工现场,10余台摊铺机: counted at its site (what a 项目 after it names)
            # (and the project 该项目 and 这项工程 name next)
            r.subject = st.last["site_project"] = st.last["project"] = _project_name(at_site.group(1), actx)
            continue
        if r.label and ents and (named := _named_in_label(r, ents, actx, st)):
            r.subject = named  # 【612万人次】葛仙村度假区全年接待游客, 286.4亿元：全县地区生产总值
            continue
        k = bisect.bisect_right(ent_ends, r.fig.start) if ents else 0
        if k in by_count:
            r.subject = by_count[k]
            continue
        name = None
        unknown_city = False
        for idx in range(k - 1, max(0, k - 8) - 1, -1):
            e = ents[idx]
            if e.type == "org" and s.endswith(ORG_BAD_BEFORE, lo, e.pos):
                continue  # (该区围绕晶瑞微电子引进配套企业6家: the zone's, not the company's)
            name = _named_before(ents, idx) or _resolve(e, actx, st)
            if name:
                break
            # 全市稀土企业340余家 in an article that never names its city: the city's, not the article's company
            unknown_city = unknown_city or (e.type == "anaphor:city" and e.topic)
        if not name and not unknown_city:
            if not have_fallback:
                fallback, have_fallback = _fallback_subject(s, r.sent, actx, st, sents, si, cands_at), True
            name = fallback
        r.subject = by_count[k] = name
    if _RANKS_OF_A_LIST_RE.search(s, lo, hi):  # (most sentences have neither word)
        _ranks_of_a_list(s, recs)
    in_sent = cands_at.get(si)
    if in_sent and len(in_sent) > 1:  # (a list of places: at least two)
        for r in recs:
            if r.kind == "rank" and s.startswith("前", r.fig.start):
                _top_of_listed_places(s, r, in_sent)


_RANKS_OF_A_LIST_RE = re.compile("分列|分居")


def _ranks_of_a_list(s: str, recs: list[FigureRecord]) -> None:
    """鄱阳县24个、余干县19个，分列第一、二位 (分居全市第一、二位): the ranks after 分列 go, in order, to the
    subjects of the figures listed before them, one each."""
    levels: list[FigureRecord] = []  # the figures before, ranks aside (kept as the loop goes: read once)
    i = 0
    while i < len(recs):
        r = recs[i]
        if r.kind != "rank" or not _RANKS_OF_A_LIST_RE.search(s, r.fig.cs, r.fig.start):
            if r.kind != "rank":
                levels.append(r)
            i += 1
            continue
        j = i
        while j < len(recs) and recs[j].kind == "rank":
            j += 1
        run = recs[i:j]
        listed = levels[-len(run) :]
        subjects = [x.subject for x in listed]
        if len(listed) == len(run) > 1 and None not in subjects and len(set(subjects)) == len(subjects):
            for rank, subject in zip(run, subjects, strict=True):
                rank.subject = subject
        i = j


# Between a rank 前N and the places listed after it: 排名前三的是信州区、鄱阳县、广丰区
_TOP_THEN_LIST_RE = re.compile("的(?:是|为|依次是|依次为|分别是|分别为)")
_CLAUSE_BREAK_RE = re.compile("[,，;；:：]")


def _top_of_listed_places(s: str, r: FigureRecord, cands: list[Entity]) -> None:
    """南康区、信丰县、赣县区规上工业增加值增速分列全市前三位 (总量排名前三的是A、B、C): a top N shared by N places
    listed in its clause (before it or right after it) or opening a clause before it is theirs together."""
    n = int(r.fig.value)
    f = r.fig
    for run in place_lists(s, cands):
        if len(run) != n:
            continue
        # (in the same clause, or a clause of the sentence opens with the list: 分地区看,章贡区、南康区分别完成…,
        # 位居全市前二)
        before = run[-1].end <= f.start and (
            _CLAUSE_BREAK_RE.search(s, run[-1].end, f.start) is None
            or run[0].pos == r.sent.start or s[run[0].pos - 1] in ",，;；:："
        )
        after = run[0].pos >= f.end and _TOP_THEN_LIST_RE.fullmatch(s, f.end, run[0].pos) is not None
        if before or after:
            r.subject = "、".join(e.name for e in run if e.name)
            return


# A project's site where something is counted: 在X工程施工现场, 在X项目建设工地
_SITE_OF_PROJECT_RE = re.compile(
    r"(?:在|走进)([^,，;；。在]{2,24}?(?:项目|工程|高速公路|铁路|高铁|大桥)(?:[^,，;；。在的]{1,4}段)?)的?"
    r"(?:建设|施工)?(?:现场|工地|车间)"  # (在寻乌至全南高速公路定南段的施工现场: the section's site)
)


def _project_name(name: str, actx: ArticleContext) -> str:
    """A project's name as the story uses it: without the zone it stands in, its company by the short name the
    story gives it (在上饶经开区江西鼎晟光电科技有限公司二期项目施工现场: 鼎晟光电二期项目)."""
    if (zone := _ZONE_START_RE.match(name)) and len(name) - zone.end() >= 4:
        name = name[zone.end() :]
    for full, short in actx.org_aliases:
        if name.startswith(full):
            return short + name[len(full) :]
    return name


# A zone a project's name starts with (上饶经开区江西鼎晟光电科技有限公司二期项目)
_ZONE_START_RE = re.compile(r"[\u4e00-\u9fff]{2,4}?(?:经开区|高新区|开发区|工业园区)")


def _named_in_label(r: FigureRecord, ents: list[Entity], actx: ArticleContext, st: ReadingState) -> str | None:
    """The first entity of the label after a 数说 figure that resolves: what the figure is about."""
    end = r.fig.end + len(r.label)
    return next((n for e in ents if r.fig.end <= e.pos < end and (n := _resolve(e, actx, st))), None)


def _named_before(ents: list[Entity], idx: int) -> str | None:
    """For an org anaphor (公司, 该企业) at a clause's head: the company named earlier in the same sentence
    (江西丰远新材料有限公司是洋口镇的纳税大户,今年上半年,公司实现营业收入…), which the article's state does not
    know yet (it is updated after the sentence)."""
    e = ents[idx]
    if e.name is not None or e.type != "anaphor:org" or not e.topic:
        return None
    return next((x.name for x in reversed(ents[:idx]) if x.name and x.type == "org"), None)


def _after_closing_quote(s: str, a: int, b: int) -> int:
    """Where the words of s[a:b] start after the quotation mark (and spaces) that may close the sentence before."""
    while a < b and s[a] in "”\" ":
        a += 1
    return a


def _fallback_subject(
    s: str, sent: Span, actx: ArticleContext, st: ReadingState, sents: list[Span], si: int,
    cands_at: dict[int, list[Entity]],
) -> str | None:
    """The subject of a figure with no entity before it in its sentence."""
    # a quotation whose speaker is named after it: “我们共流转土地近千亩……”据该村第一书记介绍
    if _in_quote(s, st.para_start, sent.start):
        person = st.last.get("person") if st.last else None
        for ni, nxt in enumerate(sents[si + 1 : si + 4], si + 1):
            if nxt.paragraph != sent.paragraph:
                break
            if (
                person and ni == si + 1 and s.startswith(person, _after_closing_quote(s, nxt.start, nxt.end))
                and not speaks_for_a_body(s, person)
            ):
                return person  # 村民肖春生家…。“装了20千瓦…”肖春生说: the person named before, speaking
            for e in find_entities(s, nxt.start, nxt.end, actx, cands_at.get(ni, [])):
                if e.type == "person" and ni != si + 1:
                    continue  # (a person named further on is someone else, not the speaker)
                name = _resolve(e, actx, st)
                if name and name != PROVINCE:  # a speaker, never the province
                    return name
    if st.entity:
        return st.entity
    return actx.main_subject


def _in_quote(s: str, para_start: int, start: int) -> bool:
    """Whether the sentence at ``start`` is inside a quotation opened in its paragraph (or opens one)."""
    return s.count("“", para_start, start + 1) > s.count("”", para_start, start + 1)  # (counted in place)


def remember_entities(ents: list[Entity], actx: ArticleContext, st: ReadingState) -> None:
    assert st.last is not None
    for e in ents:
        name = _resolve(e, actx, st)
        if not name:
            continue
        typ = e.type.removeprefix("anaphor:")
        if typ == "province":
            continue  # a comparison with the province does not make the next sentences about it
        if e.name is not None:
            st.last[typ] = name
        # places carry to the next sentences of the paragraph; a company only where it is named again
        if (e.topic and e.type in ("zone", "city", "village", "town", "site")) or e.name is None:
            st.entity = name
