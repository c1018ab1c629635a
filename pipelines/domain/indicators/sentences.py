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


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    paragraph: int  # index of the paragraph the sentence belongs to


def mask_tags(text: str) -> str:
    """Replace HTML tags by hard paragraph breaks of the same length (offsets unchanged)."""
    if "<" not in text:
        return text
    return _TAG_RE.sub(lambda m: HARD_BREAK * len(m.group(0)), text)


_LINE_RE = re.compile("[^\n\u2029]+")
_END_RE = re.compile(f"[{re.escape(SENTENCE_END)}][{re.escape(SENTENCE_END + _CLOSERS)}]*")


def _lines(text: str) -> list[tuple[int, int]]:
    """Logical lines: physical lines joined when one was broken mid-sentence."""
    out: list[tuple[int, int]] = []
    cur_start: int | None = None
    n = len(text)
    for m in _LINE_RE.finditer(text):
        a, b = m.span()
        seg = m.group(0)
        line = seg.strip()
        if not line:
            continue
        if cur_start is None:
            cur_start = a + (len(seg) - len(seg.lstrip()))
        hard = b < n and text[b] == HARD_BREAK
        broken = not hard and len(line) >= BROKEN_LINE_MIN and line[-1] not in SENTENCE_END + _CLOSERS + ":："
        if not broken:
            out.append((cur_start, a + len(seg.rstrip())))
            cur_start = None
    if cur_start is not None:
        out.append((cur_start, len(text.rstrip())))
    return out


def split_sentences(text: str) -> list[Span]:
    """Split into sentences; a sentence only crosses a newline where a line was broken mid-sentence."""
    spans: list[Span] = []
    for para, (lo, hi) in enumerate(_lines(text)):
        start = lo
        for m in _END_RE.finditer(text, lo, hi):
            _add(text, spans, start, m.end(), para)
            start = m.end()
        _add(text, spans, start, hi, para)
    return spans


def _add(text: str, spans: list[Span], a: int, b: int, para: int) -> None:
    seg = text[a:b]
    stripped = seg.strip()
    if stripped:
        a2 = a + (len(seg) - len(seg.lstrip()))
        spans.append(Span(a2, a2 + len(stripped), para))
