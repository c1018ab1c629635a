"""Compare the figures of two near-duplicate candidates (issue #9).

Regional papers print monthly bulletins from a fixed template: two months share nearly every character
and differ only in the figures and the month, so text similarity alone calls them duplicates. After the
text check passes, the figures of both texts are aligned along a diff of the two texts' clauses, with
every figure masked to one placeholder (so a changed number does not break the alignment), and compared:

* an aligned **period** that differs (``5月`` vs ``6月``, ``1-5月``, ``一季度``, ``上半年``) → different stories;
* one or two (``max_corrections``) differing figures in otherwise identical text (the masked texts
  agree to ``identical_ratio``) → a correction of the same story: one cluster, and each differing pair
  becomes a ``FigureConflict``;
* in an edited text, differing figures up to ``small_share`` of the aligned ones are corrections too;
  more than that → different stories, whatever the text similarity. (An edited copy of a bulletin and
  next month's bulletin must not pass as a "correction" just because the edits left only one or two of
  the changed figures aligned.)

Figures are plain number tokens (Arabic numbers with their multiplier/percent sign, and the period words
written in Chinese numerals) by default, not ``pipelines.domain.indicators.extract``: the indicator rules
deliberately drop dates, months and years (a month survives only inside a resolved ``period``), figures
outside the metric catalogue are not extracted, and a dedup decision should not change whenever
``EXTRACTOR_VERSION`` does. ``figures_from_indicators`` gives the indicator-based alternative with the same
alignment (``DedupParams(figure_source="indicators")``); ``benchmarks/dedup_eval.py`` measures both.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from difflib import SequenceMatcher
from typing import Literal

from .normalise import light_normalise

__all__ = [
    "Figure",
    "FigureComparison",
    "FigureText",
    "compare_figures",
    "figure_text",
    "figures_from_indicators",
    "number_figures",
]

_PLACEHOLDER = "\ue000"
_MULT = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3, "%": 1.0, "‰": 1.0}
_NUMBER = re.compile(r"(?<!\d)(?<!\d\.)(\d+(?:,\d{3})*(?:\.\d+)?)(万亿|亿|万|千|%|‰)?")
# A number is a period when a date unit follows it, directly or after a range ("1-5月").
_PERIOD_AFTER = re.compile(r"(?:[-~至到]\d{1,4})?(?:年|月|季度|日|号)")
_CN_PERIOD = re.compile(r"[一二三四五六七八九十]{1,3}(?=个?季度|月份|月(?!亮))|[上下]半年")


@dataclass(frozen=True)
class Figure:
    """One figure in a light-normalised text: its span there, the comparison key and a numeric value."""

    start: int
    end: int
    text: str
    key: str
    value: float | None
    is_period: bool
    period: str | None = None  # the indicator's resolved period (indicator source only)


@dataclass(frozen=True)
class FigureText:
    """A text prepared for figure comparison: light-normalised form, original offsets, figures."""

    light: str
    offsets: list[int]
    figures: list[Figure]
    masked: str

    def original_span(self, fig: Figure) -> tuple[int, int]:
        """The figure's [start, end) in the original text."""
        return self.offsets[fig.start], self.offsets[fig.end - 1] + 1


@dataclass(frozen=True)
class FigureComparison:
    """Outcome of comparing two texts' figures."""

    aligned: int
    differing: list[tuple[Figure, Figure]]
    verdict: Literal["same", "correction", "different"]
    reason: str
    text_ratio: float = 1.0


def _number_key(num: str, suffix: str | None) -> tuple[str, float | None]:
    plain = num.replace(",", "")
    try:
        d = Decimal(plain).normalize()
        value = float(d) * _MULT.get(suffix or "", 1.0)
        key = format(d, "f")
    except InvalidOperation:  # pragma: no cover - the regex only admits valid numbers
        return plain + (suffix or ""), None
    return key + (suffix or ""), value


def number_figures(light: str) -> list[Figure]:
    """Number tokens (and Chinese-numeral periods) of a light-normalised text, in text order."""
    figs: list[Figure] = []
    for m in _NUMBER.finditer(light):
        after = _PERIOD_AFTER.match(light, m.end())
        key, value = _number_key(m.group(1), m.group(2))
        is_period = after is not None and m.group(2) is None
        if is_period:
            key = key + light[after.end() - 1]  # "5月" and "5日" must not compare equal
        figs.append(Figure(m.start(), m.end(), m.group(0), key, value, is_period))
    for m in _CN_PERIOD.finditer(light):
        figs.append(Figure(m.start(), m.end(), m.group(0), m.group(0), None, True))
    figs.sort(key=lambda f: f.start)
    return figs


def figures_from_indicators(text: str, published: str | dt.date | None) -> FigureText:
    """The indicator-based alternative: figures are ``indicators.extract`` spans keyed by value and period.

    Imported lazily so that dedup does not depend on the indicator package unless asked to.
    """
    from pipelines.domain.indicators import extract

    light, offsets = light_normalise(text)
    try:
        pub = dt.date.fromisoformat(str(published)[:10])
    except ValueError:
        pub = dt.date(2000, 1, 1)  # periods then resolve against a fixed date, alike on both sides
    figs = []
    for ind in extract(text, pub):
        s = bisect.bisect_left(offsets, ind.start)
        e = bisect.bisect_left(offsets, ind.end)
        if e <= s:
            continue
        key = f"{ind.value_base:.6g}|{ind.base_unit}|{ind.period}"
        figs.append(Figure(s, e, light[s:e], key, ind.value_base, False, ind.period))
    figs.sort(key=lambda f: f.start)
    figs = _drop_overlaps(figs)
    return FigureText(light, offsets, figs, _mask(light, figs))


def _drop_overlaps(figs: list[Figure]) -> list[Figure]:
    out: list[Figure] = []
    for f in figs:
        if not out or f.start >= out[-1].end:
            out.append(f)
    return out


def _mask(light: str, figs: Sequence[Figure]) -> str:
    parts: list[str] = []
    pos = 0
    for f in figs:
        parts.append(light[pos : f.start])
        parts.append(_PLACEHOLDER)
        pos = f.end
    parts.append(light[pos:])
    return "".join(parts)


def figure_text(text: str) -> FigureText:
    """Prepare ``text`` (original, un-normalised) for ``compare_figures`` with number tokens."""
    light, offsets = light_normalise(text)
    figs = _drop_overlaps(number_figures(light))
    return FigureText(light, offsets, figs, _mask(light, figs))


_CLAUSE = re.compile(r"[^,.;:!?。;!?]*[,.;:!?。;!?]?")
# A clause matched on its own (not inside a run of matched clauses) aligns figures only when it is this
# long: "增长#%," recurs in many places and a lone match of it is chance.
_MIN_LONE_CLAUSE = 10


def _clauses(masked: str) -> list[str]:
    return [c for c in _CLAUSE.findall(masked) if c]


def align(a: FigureText, b: FigureText) -> tuple[list[tuple[Figure, Figure]], float]:
    """Pairs of figures at corresponding places of the two texts, and how alike the masked texts are.

    The diff runs over clauses (split at punctuation) of the masked texts: identical clauses in the
    same order pair their figures in order. Clause granularity keeps the diff cheap (``difflib`` over
    characters is quadratic on long articles) and conservative: a figure in a re-worded clause is not
    aligned at all rather than aligned with a neighbour. The ratio is 2·(matched characters) / (total).
    """
    ca, cb = _clauses(a.masked), _clauses(b.masked)
    matcher = SequenceMatcher(None, ca, cb, autojunk=False)
    pairs: list[tuple[Figure, Figure]] = []
    matched = 0
    ia = _figure_cursor(ca)
    ib = _figure_cursor(cb)
    for i, j, size in matcher.get_matching_blocks():
        for off in range(size):
            clause = ca[i + off]
            matched += len(clause)
            n = clause.count(_PLACEHOLDER)
            if n and (size >= 2 or len(clause) >= _MIN_LONE_CLAUSE):
                fa, fb = ia[i + off], ib[j + off]
                pairs.extend((a.figures[fa + k], b.figures[fb + k]) for k in range(n))
    total = len(a.masked) + len(b.masked)
    return pairs, (2.0 * matched / total if total else 1.0)


def _figure_cursor(clauses: list[str]) -> list[int]:
    """Index of the first figure in each clause."""
    out, k = [], 0
    for c in clauses:
        out.append(k)
        k += c.count(_PLACEHOLDER)
    return out


def _differ(x: Figure, y: Figure) -> bool:
    """Numbers differ by value (``2009年`` and ``2009`` after a cut agree); other tokens by key."""
    if x.period != y.period:
        return True
    if x.value is not None and y.value is not None:
        return abs(x.value - y.value) > 1e-9 * max(1.0, abs(x.value))
    return x.key != y.key


def compare_figures(
    a: FigureText,
    b: FigureText,
    *,
    max_corrections: int = 2,
    small_share: float = 0.25,
    identical_ratio: float = 0.95,
) -> FigureComparison:
    """Align and judge the figures of two texts (see the module docstring for the rule)."""
    pairs, ratio = align(a, b)
    differing = [(x, y) for x, y in pairs if _differ(x, y)]
    m, d = len(pairs), len(differing)
    if any(x.is_period or y.is_period or x.period != y.period for x, y in differing):
        return FigureComparison(m, differing, "different", "period differs", ratio)
    if d == 0:
        return FigureComparison(m, differing, "same", "figures agree", ratio)
    why = f"{d} of {m} figures differ, text ratio {ratio:.2f}"
    if (d <= max_corrections and ratio >= identical_ratio) or d <= small_share * m:
        return FigureComparison(m, differing, "correction", why, ratio)
    return FigureComparison(m, differing, "different", why, ratio)
