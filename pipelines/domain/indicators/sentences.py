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


def _lines(text: str) -> list[tuple[int, int]]:
    """Logical lines: physical lines joined when one was broken mid-sentence."""
    out: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    cur_start: int | None = None
    while pos <= n:
        m = _BREAK_RE.search(text, pos)
        nl = m.start() if m else -1
        end = n if nl < 0 else nl
        hard = m is not None and m.group(0) == HARD_BREAK
        line = text[pos:end].strip()
        if line:
            if cur_start is None:
                cur_start = pos
            broken = (
                not hard and len(line) >= BROKEN_LINE_MIN and line[-1] not in SENTENCE_END + _CLOSERS + ":："
            )
            if not broken or hard:
                out.append((cur_start, end))
                cur_start = None
        if nl < 0:
            break
        pos = nl + 1
    if cur_start is not None:
        out.append((cur_start, n))
    return out


def split_sentences(text: str) -> list[Span]:
    """Split into sentences; a sentence only crosses a newline where a line was broken mid-sentence."""
    spans: list[Span] = []
    for para, (lo, hi) in enumerate(_lines(text)):
        start = lo
        i = lo
        while i < hi:
            if text[i] in SENTENCE_END:
                j = i + 1
                while j < hi and (text[j] in SENTENCE_END or text[j] in _CLOSERS):
                    j += 1
                _add(text, spans, start, j, para)
                start = i = j
                continue
            i += 1
        _add(text, spans, start, hi, para)
    return spans


def _add(text: str, spans: list[Span], a: int, b: int, para: int) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        spans.append(Span(a, b, para))
