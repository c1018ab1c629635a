"""Sentence and paragraph segmentation with offsets into the original text."""

from __future__ import annotations

import re
from dataclasses import dataclass

SENTENCE_END = "。！？!?；;…"
HARD_BREAK = "\u2029"  # what HTML tags are masked to: never joined across
# A line that ends without sentence-final punctuation and is at least this long is a sentence
# broken by the page layout ("整线自动\n\n化率达到100%"), so it continues on the next line.
BROKEN_LINE_MIN = 25
_TAG_RE = re.compile(r"<[^<>\n]{0,200}>")
_CLOSERS = "”\"’」)）】"
_BREAK_RE = re.compile("[\n\u2029]")


@dataclass(slots=True)  # not frozen: one per sentence, and a frozen dataclass costs twice as much to build
class Span:
    start: int
    end: int
    paragraph: int  # index of the paragraph the sentence belongs to


def mask_tags(text: str) -> str:
    """Replace HTML tags by hard paragraph breaks of the same length (offsets unchanged)."""
    if "<" not in text:
        return text
    return _TAG_RE.sub(lambda m: HARD_BREAK * len(m.group(0)), text)


_END_CHARS = re.escape(SENTENCE_END)
# The end of a sentence: a run of sentence ends (with closing quotes).  Sentence ends are rare, so one regex
# search finds the next one (the engine skips to it) and no pattern is tried at the characters between.
_END_RUN_RE = re.compile(f"[{_END_CHARS}][{re.escape(SENTENCE_END + _CLOSERS)}]*")
_SPACES_RE = re.compile(r"\s*")
# The start of a list's item (1. 2、 （三） 四、 ▲ ●) or of a box's label (【1—5月】): a new line, never the rest of
# the line before
BULLETS = "▲△●○■□◆◇★☆•"
_LIST_ITEM_RE = re.compile(
    rf"(?:\d{{1,2}}[.、．]|[（(][一二三四五六七八九十\d]{{1,2}}[)）]|[一二三四五六七八九十]{{1,2}}、|[{BULLETS}【])"
)
# How a news item's lead starts (本报讯, 本报记者, 本报瑞金讯): never the rest of the line before
_LEAD_START = "本报"
# (一组数据,带你读懂这一年—— ends a line: a list follows; — is - once normalised)
_LINE_END = SENTENCE_END + _CLOSERS + ":：-"


# A line that opens with a change continues the figure on the line before it (a 数说 box's second line), and a
# line of a bullet and a figure alone goes on with its label on the next
_CHANGE_LINE_RE = re.compile("(?:同比|[比较](?:上年|去年)(?:末|底|同期)?|[比较]年初)?(?:增长|下降|增加|减少)")
_FIGURE_LINE_RE = re.compile(rf"[{BULLETS}]\s*[\d.,]+[^\d\s,，。;；]{{0,5}}")


def _lines(text: str) -> list[tuple[int, int]]:
    """Logical lines: physical lines joined when one was broken mid-sentence; ends stripped of white space."""
    out: list[tuple[int, int]] = []
    cur_start: int | None = None
    cur_end = 0  # where the line being continued ends so far
    n = len(text)
    a = 0
    for seg in _BREAK_RE.split(text) if HARD_BREAK in text else text.split("\n"):
        b = a + len(seg)
        line = seg.strip()
        if line:
            if cur_start is not None and (_LIST_ITEM_RE.match(line) or line.startswith(_LEAD_START)):
                # 4. 社零…增长11.5% / 5. 财政总收入…: a list's next item; a long headline, then 本报讯…: the lead
                out.append((cur_start, cur_end))
                cur_start = None
            elif out and cur_start is None and text[out[-1][1] - 1] not in _LINE_END and (
                _CHANGE_LINE_RE.match(line) or _FIGURE_LINE_RE.fullmatch(text, *out[-1])
            ):
                # ■ 地区生产总值 236.8亿元 / 同比增长5.2%, ■312.6亿元 / 全县地区生产总值,…: a box's figure and the line
                # under it (its change, or its label) are one
                cur_start = out.pop()[0]
            if cur_start is None:
                cur_start = a + (len(seg) - len(seg.lstrip()))
            cur_end = a + len(seg.rstrip())
            hard = b < n and text[b] == HARD_BREAK
            if hard or len(line) < BROKEN_LINE_MIN or line[-1] in _LINE_END:
                out.append((cur_start, cur_end))
                cur_start = None
        a = b + 1
    if cur_start is not None:
        out.append((cur_start, len(text.rstrip())))
    return out


def split_sentences(text: str) -> list[Span]:
    """Split into sentences; a sentence only crosses a newline where a line was broken mid-sentence.

    A sentence runs up to and including a run of sentence ends, or to the end of its logical line; the white
    space before it is not part of it (the line's own ends are already stripped).
    """
    out: list[Span] = []
    # one search over the whole text: every sentence end lies inside a logical line (they hold every
    # character that is not white space), so the ends and the lines are walked together
    ends = _END_RUN_RE.finditer(text)
    end = next(ends, None)
    for para, (lo, hi) in enumerate(_lines(text)):
        a = lo
        # (most sentences start right after the end of the one before: no call to skip white space)
        while end is not None and end.start() < hi:
            out.append(Span(skip_spaces(text, a) if text[a].isspace() else a, end.end(), para))
            a = end.end()
            end = next(ends, None)
        if a < hi:
            out.append(Span(skip_spaces(text, a) if text[a].isspace() else a, hi, para))
    return out


def skip_spaces(text: str, a: int, end: int | None = None) -> int:
    """Where the white space at ``a`` ends (up to ``end``): the first character that is not white space."""
    m = _SPACES_RE.match(text, a, len(text) if end is None else end)  # (matches everywhere: never None)
    return m.end() if m else a
