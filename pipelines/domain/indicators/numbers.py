"""Number parsing: Arabic and Chinese numerals, full-width digits, multipliers.

Everything here is a table or a pure function. Input normalisation is 1:1 per
character (``normalise``), so offsets into the normalised text are offsets
into the original text.
"""

from __future__ import annotations

import re
from functools import lru_cache

# One-to-one character normalisation (full-width → ASCII).  Length-preserving.
_FULLWIDTH = {chr(0xFF10 + i): str(i) for i in range(10)}
_FULLWIDTH.update(
    {
        "．": ".",

        "％": "%",
        "－": "-",
        "～": "~",
        "—": "-",
        "–": "-",
        "＋": "+",
        "Ｇ": "G",
        "Ｗ": "W",
        "Ｍ": "M",
        "Ｋ": "K",
        "ｋ": "k",
        "ｍ": "m",
    }
)
_NORMALISE_TABLE = str.maketrans(_FULLWIDTH)


_NEEDS_NORMALISING = re.compile("[" + "".join(re.escape(c) for c in _FULLWIDTH) + "]")


def _replace_one(m: re.Match[str]) -> str:
    return _FULLWIDTH[m.group(0)]


def normalise(text: str) -> str:
    """Length-preserving normalisation of full-width digits and symbols."""
    if not _NEEDS_NORMALISING.search(text):
        return text
    # a regex substitution touches only the characters to replace (str.translate looks up every one)
    out = _NEEDS_NORMALISING.sub(_replace_one, text)
    assert len(out) == len(text)
    return out


CN_DIGITS: dict[str, int] = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CN_SMALL_UNITS: dict[str, int] = {"十": 10, "百": 100, "千": 1000}
# Multipliers that may follow any number (Arabic or Chinese).  Longest first.
MULTIPLIERS: dict[str, float] = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3, "百": 1e2}

CN_NUM_CHARS = "".join(CN_DIGITS) + "".join(CN_SMALL_UNITS)

# Arabic number: thousands separators or plain, optional decimals.
ARABIC_RE = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
CHINESE_RE = rf"[{CN_NUM_CHARS}]+(?:点[{''.join(CN_DIGITS)}]+)?"


def parse_arabic(s: str) -> float:
    return float(s.replace(",", "").replace("，", ""))


# Groups inside a long Chinese numeral (一亿二千万, 两万三千): the part before each is counted in that unit.
CN_GROUPS: tuple[tuple[str, float], ...] = (("亿", 1e8), ("万", 1e4))


def parse_chinese(s: str) -> float | None:
    """Parse a Chinese numeral: 三千二百, 两, 十五, 一〇五, and with groups inside: 一万二千, 一亿二千万 (a 万/亿
    at the very end is a multiplier, parsed by the scanner, not here)."""
    for group, size in CN_GROUPS:
        head, sep, tail = s.partition(group)
        if sep and head:
            h = parse_chinese(head)
            if h is None:
                return None
            if not tail:
                return h * size
            t = parse_chinese(tail)
            if t is None:
                return None
            if len(tail) == 1 and tail in CN_DIGITS:
                t *= size / 10  # 一万二: twelve thousand
            return h * size + t
    if "点" in s:
        whole, frac = s.split("点", 1)
        w = parse_chinese(whole) if whole else 0.0
        if w is None or not all(c in CN_DIGITS for c in frac):
            return None
        return w + float("0." + "".join(str(CN_DIGITS[c]) for c in frac))
    if not s:
        return None
    # Digit strings like 二〇二三 / 一〇五: positional.
    if all(c in CN_DIGITS for c in s):
        if len(s) == 1:
            return float(CN_DIGITS[s])
        return float("".join(str(CN_DIGITS[c]) for c in s))
    total = 0
    cur: int | None = None
    last_unit = 10**9
    for i, c in enumerate(s):
        if c in CN_DIGITS:
            d = CN_DIGITS[c]
            if cur is not None and cur != 0 and d != 0:
                return None  # 十四五, 三新一高: two digits in a row outside a positional string
            cur = d if d != 0 or cur is None else cur
            if d == 0:
                cur = 0
        elif c in CN_SMALL_UNITS:
            u = CN_SMALL_UNITS[c]
            if u >= last_unit or (cur == 0 and i > 0):
                return None
            total += (cur if cur else 1) * u
            cur = None
            last_unit = u
        else:
            return None
    if cur and last_unit < 10**9 and s[-2] in CN_SMALL_UNITS and last_unit >= 100:
        cur = cur * last_unit // 10  # 一千二 = 1200, 三百五 = 350
    return float(total + (cur or 0))


@lru_cache(maxsize=4096)
def parse_number(s: str) -> float | None:
    """Parse a number token (Arabic or Chinese), without trailing multiplier."""
    if not s:
        return None
    if s[0].isdigit():
        try:
            return parse_arabic(s)
        except ValueError:
            return None
    return parse_chinese(s)


def split_multiplier(s: str) -> tuple[str, float]:
    """Split a trailing multiplier string like 万亿 into factor."""
    factor = 1.0
    for ch in s:
        factor *= MULTIPLIERS[ch]
    return s, factor


NUMBER_CORE_RE = re.compile(rf"(?:{ARABIC_RE})|(?:{CHINESE_RE})")
