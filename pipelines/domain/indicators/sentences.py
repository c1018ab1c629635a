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
# One sentence of a logical line: leading white space (not part of it), then up to and including a run
# of sentence ends (with closing quotes), or the rest of the line.  One regex match per sentence gives
# its stripped span directly (the line's own ends are already stripped), instead of split, slice and strip.
_SENTENCE_RE = re.compile(
    f"\\s*([^{_END_CHARS}]*[{_END_CHARS}][{re.escape(SENTENCE_END + _CLOSERS)}]*|[^{_END_CHARS}]+)"
)
_LINE_END = SENTENCE_END + _CLOSERS + ":："


def _lines(text: str) -> list[tuple[int, int]]:
    """Logical lines: physical lines joined when one was broken mid-sentence; ends stripped of white space."""
    out: list[tuple[int, int]] = []
    cur_start: int | None = None
    n = len(text)
    a = 0
    for seg in _BREAK_RE.split(text) if HARD_BREAK in text else text.split("\n"):
        b = a + len(seg)
        line = seg.strip()
        if line:
            if cur_start is None:
                cur_start = a + (len(seg) - len(seg.lstrip()))
            hard = b < n and text[b] == HARD_BREAK
            if hard or len(line) < BROKEN_LINE_MIN or line[-1] in _LINE_END:
                out.append((cur_start, a + len(seg.rstrip())))
                cur_start = None
        a = b + 1
    if cur_start is not None:
        out.append((cur_start, len(text.rstrip())))
    return out


def split_sentences(text: str) -> list[Span]:
    """Split into sentences; a sentence only crosses a newline where a line was broken mid-sentence."""
    return [
        Span(*m.span(1), para)
        for para, (lo, hi) in enumerate(_lines(text))
        for m in _SENTENCE_RE.finditer(text, lo, hi)
    ]
