"""Text normalisation for deduplication.

Two copies of one story differ in things that are not the story: full- vs half-width punctuation (the
stored web pages turn ``，`` into ``,``), whitespace and line breaks, photo captions, headlines and
sub-heads that each layout sets differently, bylines (``本报记者 蔡文逸 文/图``) and footers
(``来源:赣南日报``, ``编辑:… 编校:…``). ``normalise`` removes all of these so that the exact hash and the
shingles see only the running text. Digits are kept: two monthly bulletins that differ only in their
figures must not hash alike.

``light_normalise`` is the offset-preserving variant used to compare figures: it maps every kept
character back to its index in the original text, so a figure conflict can be reported with offsets
into ``articles.clean_text`` (the offsets the indicator rows use).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

__all__ = ["NORMALISER_VERSION", "body_lines", "exact_hash", "hash_normalised", "light_normalise", "normalise"]

#: Changes whenever the rules below change: stored exact hashes and signatures are then stale.
NORMALISER_VERSION = "1"

# Lines shorter than this (after width folding, without spaces) and without an inner comma are
# headlines, kickers, sub-heads or captions. Why 40: captions and sub-heads in the corpus are 5–39
# characters, the shortest running paragraphs are sentence fragments split by a page break, which
# carry almost nothing for similarity anyway.
SHORT_LINE = 40

_FOOTER = re.compile(
    r"^[(\[]?(?:(?:文章)?来源|稿源|编辑|责任编辑|责编|编校|校对|审核|审校|值班主任|值班编委|编审|终审|"
    r"初审|复审|监制|制图|美编|通讯员|本报记者|记者|图/|文/|摄影|图片|出品|统筹|策划)"
    r"(\s*[:：/|])?"
)
# Photo credits and bylines anywhere on a short line: "记者 刘凯 摄", "本报记者 蔡文逸 文/图", "□萧森".
_CREDIT = re.compile(r"(?:摄|文/图|图/文|供图|提供\)|报道)\s*$|^[□■◆●▲]\s*\S{1,6}\s*$")
# The dateline/byline that opens a story: "本报讯 记者陈绍鹏报道:", "本报讯(记者 王调翁)".
_LEAD = re.compile(
    r"^(?:本报讯|本报[^\s，,。:：]{0,6}电|新华社[^\s，,。:：]{0,8}电)\s*"
    r"(?:[(（][^)）]{0,40}[)）]|记者[^:：，,。]{0,30}(?:报道)?)?\s*[:：]?\s*"
)
# Markup that survives in some stored copies (finews posts keep <p> tags).
_TAG = re.compile(r"<[^>]{0,200}>")
_SPACE = re.compile(r"\s+")
# Punctuation that web and e-paper copies set differently (ASCII vs full width, straight vs curly quotes,
# dash variants). Folded to one representative each; NFKC already maps full-width ASCII forms.
_PUNCT_FOLD = str.maketrans(
    {
        "“": '"', "”": '"', "‘": "'", "’": "'", "「": '"', "」": '"', "『": '"', "』": '"',
        "、": ",", "，": ",", "；": ";", "：": ":", "！": "!", "？": "?",
        "（": "(", "）": ")", "【": "[", "】": "]", "〔": "[", "〕": "]", "《": "<", "》": ">",
        "—": "-", "–": "-", "─": "-", "―": "-", "～": "~", "·": ".", "•": ".", "…": "...",
    }
)


_PUNCT_FOLD_CHARS = {chr(k) for k in _PUNCT_FOLD}


def _build_fold_table() -> dict[str, str]:
    """NFKC + punctuation folding of every BMP character that changes, computed once at import.

    Applying it with one regex is the same as ``NFKC`` then ``_PUNCT_FOLD`` for the texts we see (no
    combining sequences), and 50× faster than ``unicodedata.normalize`` on Chinese text, where most
    characters are ideographs that NFKC leaves alone.
    """
    table: dict[str, str] = {}
    for cp in range(0x10000):
        if 0xD800 <= cp < 0xE000:
            continue
        ch = chr(cp)
        folded = unicodedata.normalize("NFKC", ch).translate(_PUNCT_FOLD)
        if folded != ch:
            table[ch] = folded
    return table


_FOLD_TABLE = _build_fold_table()
# Full-width ASCII forms, the ideographic space and the punctuation marks are most of what changes in a
# Chinese text: ``str.translate`` handles them in C; the regex with a callback only sees the rare rest.
_COMMON = {
    ch: f
    for ch, f in _FOLD_TABLE.items()
    if 0xFF01 <= ord(ch) <= 0xFF5E or ch == "\u3000" or ch in _PUNCT_FOLD_CHARS
}
_COMMON_TR = str.maketrans(_COMMON)
_FOLD_RE = re.compile("[" + "".join(re.escape(c) for c in sorted(set(_FOLD_TABLE) - set(_COMMON))) + "]")
# the one-to-one part, for offset-preserving folding
_FOLD_1 = {ch: f for ch, f in _FOLD_TABLE.items() if len(f) == 1}
_FOLD_1_RE = re.compile("[" + "".join(re.escape(c) for c in sorted(_FOLD_1)) + "]")


def _fold(text: str) -> str:
    """Width and punctuation folding (NFKC, then one form per punctuation mark)."""
    return _FOLD_RE.sub(lambda m: _FOLD_TABLE[m.group()], text.translate(_COMMON_TR))


def _is_footer(line: str) -> bool:
    # The length guard keeps running paragraphs that merely open with a footer word ("记者了解到,…").
    m = _FOOTER.match(line)
    if m and (len(line) <= SHORT_LINE or (m.group(1) and len(line) <= 2 * SHORT_LINE)):
        return True
    return len(line) <= SHORT_LINE and bool(_CREDIT.search(line))


def _select(lines: list[str]) -> list[bool]:
    """Which folded, spaceless lines are running text (the rule ``body_lines`` documents)."""
    not_footer = [bool(ln) and not _is_footer(ln) for ln in lines]
    body = [nf and (len(ln) >= SHORT_LINE or "," in ln) for ln, nf in zip(lines, not_footer, strict=True)]
    body_chars = sum(len(ln) for ln, k in zip(lines, body, strict=True) if k)
    if body_chars < 0.3 * sum(len(ln) for ln, k in zip(lines, not_footer, strict=True) if k):
        return not_footer
    return body


def body_lines(text: str) -> list[str]:
    """The running-text lines of ``text``, folded, without spaces, footers, captions and headings.

    Falls back to all non-footer lines when the filter would leave (almost) nothing: a photo item whose
    only text is a long caption must still hash and shingle to something.
    """
    lines = [_SPACE.sub("", _fold(raw)) for raw in _TAG.sub("\n", text).splitlines()]
    return [_LEAD.sub("", ln) for ln, keep in zip(lines, _select(lines), strict=True) if keep]


def normalise(text: str) -> str:
    """The text that exact hashing and shingling see: body lines joined without separators.

    Lines are joined with nothing so that a paragraph split differently in two layouts gives the same
    string.
    """
    return "".join(body_lines(text))


def exact_hash(text: str) -> str:
    """Hex SHA-256 of ``normalise(text)``, prefixed with the normaliser version."""
    return hash_normalised(normalise(text))


def hash_normalised(norm: str) -> str:
    """``exact_hash`` of an already normalised text."""
    return f"n{NORMALISER_VERSION}:" + hashlib.sha256(norm.encode("utf-8")).hexdigest()


def light_normalise(text: str) -> tuple[str, list[int]]:
    """Folded text of the body lines without whitespace, plus each kept character's original offset.

    The same lines as ``body_lines`` are kept (so a web copy's footer does not make two copies look
    less alike), but only one-to-one foldings are applied (a character whose NFKC form is longer, e.g.
    ``㎡``, is kept as is) and the opening byline stays, so offsets stay exact.
    """
    spans = [(m.start(), m.group(0)) for m in re.finditer(r"[^\r\n]+", text)]
    keep = _select([_SPACE.sub("", _fold(raw)) for _, raw in spans])
    chars: list[str] = []
    offsets: list[int] = []
    for (start, raw), kept in zip(spans, keep, strict=True):
        if not kept:
            continue
        folded = _FOLD_1_RE.sub(lambda m: _FOLD_1[m.group()], raw)  # one-to-one: offsets stay valid
        for i, ch in enumerate(folded, start):
            if not ch.isspace():
                chars.append(ch)
                offsets.append(i)
    return "".join(chars), offsets
