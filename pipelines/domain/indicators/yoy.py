"""Year-on-year change: a level's yoy is the growth in % that follows it in its sentence (其中 asides and changes
skipped over); a month-on-month growth (环比) is none.
"""

from __future__ import annotations

import re

from .context import SINCE_JANUARY_GROWTH, SINCE_YEAR_START, YEAR_ON_YEAR_BASES
from .records import FigureRecord, alternation

_YOY_GAP = re.compile(
    r"^(?:标准煤|标煤|大关|台阶|关口)?[)）]?[,，、]?\s*(?:按(?:可比|不变)(?:价格|口径)?(?:计算)?[,，]?)?(?:且|并|其中)?"
    rf"(?:{alternation((*YEAR_ON_YEAR_BASES, '与上年相比'))})?"
    r"(?:名义)?"  # (收入24316元,比上年名义增长9.4%: the nominal growth is the yoy, not the real one after it)
    r"(?:增长|增加|增速|增幅|提高|上升|上涨|下降|减少|回落|降低|下滑|下跌|多|少)(?:了|为|达|达到)?(?:近|约|超|逾|超过)?$"
)


_DELTA_GAP = re.compile(r"[,，、][^,，、;；。]{0,12}")


def attach_yoy(recs: list[FigureRecord]) -> None:
    """A level's year-on-year change: the growth in % that follows it (其中 asides and changes skipped over)."""
    for r in recs:  # (a loop, not any() over a generator: this runs once per sentence with figures)
        if r.kind == "growth":
            break
    else:
        return  # only a growth gives a yoy (most sentences have none)
    attach_shared_yoy(recs)
    for i, r in enumerate(recs):
        if r.kind in ("growth", "share", "rank") or r.delta or r.year_before or i and _passed_mark(recs[i - 1], r):
            continue
        for j in range(i + 1, len(recs)):
            g = recs[j]  # g.gap: the text since the figure before g (r, or a change skipped over)
            if g.in_paren != r.in_paren:
                if r.in_paren:
                    break  # an aside's yoy is inside its brackets
                continue  # 690.3亿元(其中出口568.7亿元,增长3.4%),比上年下降0.8%: the aside is skipped
            if g.kind == "growth":
                gap = g.gap.removeprefix(r.label) if j == i + 1 else g.gap  # (【…】label,同比增长: after the label)
                if g.mom and _DELTA_GAP.fullmatch(gap):
                    continue  # 30亿元,环比增长6.5%,同比增长12.1%: the 同比 further on is the yoy
                if (
                    _YOY_GAP.match(gap) and not g.mom and g.fig.base_unit == "percent"
                    and not (g.metric or "").endswith(SINCE_JANUARY_GROWTH)  # (比年初增加72.8亿元,增长17.6%: no yoy)
                    # (由7.86亿元增加到21.38亿元,增长1.7倍: the growth over the rise, not over a year)
                    and (r.start_level is None or "同比" in gap)
                ):
                    r.yoy = g.value_base
                break
            if (g.delta or g.kind == "share") and (
                _DELTA_GAP.fullmatch(g.gap) or g.delta and recs[j - 1].year_before
            ):  # …,占财政总收入的78%,同比增长5%; …,比上年的19.18亿元增加2.18亿元,增长11.4%
                continue
            if _passed_mark(r, g) or g.year_before and _DELTA_GAP.fullmatch(g.gap):
                # 60.38亿元,首次突破60亿元大关,增长7.6%: the mark it passed; 2.13亿元,上年同期为1.62亿元,增长31.5%:
                # last year's level; both skipped over
                continue
            break


def attach_shared_yoy(recs: list[FigureRecord]) -> None:
    """分别为32.6万元、28.4万元和41.2万元,均比上年增长一倍以上: a growth said of every level of the list before it
    (均) is the year-on-year change of each."""
    for j, g in enumerate(recs):
        if g.kind != "growth" or g.mom or g.fig.base_unit != "percent" or "均" not in g.gap:
            continue
        if not _YOY_GAP.match(g.gap.replace("均", "", 1)):
            continue
        k = j - 1
        while k >= 0 and recs[k].kind not in ("growth", "share", "rank") and not recs[k].delta:
            if recs[k].yoy is None:
                recs[k].yoy = g.value_base
            if recs[k].gap[:1] not in "、和及与":
                break  # (the list's first level)
            k -= 1


def _passed_mark(level: FigureRecord, g: FigureRecord) -> bool:
    """Whether ``g`` is a mark the level before it passed (60.38亿元,首次突破60亿元大关): no level of its own."""
    return (
        g.fig.qualifier == "over" and level.metric is not None and g.metric == level.metric
        and bool(_DELTA_GAP.fullmatch(g.gap))
    )


# A change against last year's end (比上年末增长9.8%): the year-on-year change of a stock at this year's end
_SINCE_LAST_YEAR_END_GAP = re.compile(
    rf"^[,，]?\s*(?:比|较)(?:{alternation(SINCE_YEAR_START)})(?:增长|增加|提高|上升|下降|减少|回落)"
)


def year_end_yoy(level: FigureRecord, after: list[FigureRecord]) -> float | None:
    """年末,存款余额356.2亿元,比上年末增长9.8%: a stock at a year's end (``level``, its period set) and the change
    against the year before's end after it (the first of ``after``, or the second after a change in the amount:
    比年初增加10.2亿元,增长14.9%) are a year-on-year change; mid-year, it is one since January."""
    p = level.period
    if not p or not (p.endswith("-12") or len(p) == 4) or level.yoy is not None or level.kind == "growth":
        return None
    if len(after) > 1 and after[0].delta and after[1].metric and after[1].metric.endswith(SINCE_JANUARY_GROWTH):
        after = after[1:]  # (the change in the amount names the growth after it: since the start of the year)
        since_january = True
    elif not after or not (m := _SINCE_LAST_YEAR_END_GAP.match(after[0].gap)):
        return None
    else:
        since_january = "年初" in m.group()
    if since_january and not p.endswith("-12"):
        return None  # (比年初增长8.4% of a stock this year: since January, not over a year)
    nxt = after[0]
    if nxt.kind != "growth" or nxt.fig.base_unit != "percent":
        return None
    return nxt.value_base
