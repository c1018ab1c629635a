"""From an article's parsed fields to the clean text that dedup and extraction read.

trafilatura cleans the body HTML (with its own dedup cache off: ours lives in Postgres); site chrome that
sits inside the body on these papers (editorial footers, bylines, photo captions) is split off here so the
clean text is the article's prose, one paragraph a line.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

import trafilatura
from trafilatura.settings import use_config

# Footer lines newskj and the e-papers print under the article; they are not body text.
FOOTER_LINE = re.compile(r"^\s*(来源|编辑|编校|责任编辑|责编|值班主任|编审|校对|审核|终审)\s*[:：]")
# Bylines at the top of Founder articles: 本报记者 蔡文逸 文/图, 本报讯（记者 …）, 记者 … 通讯员 …
BYLINE_LINE = re.compile(r"^\s*(本报记者|记者|通讯员|特约记者|文/图|文\s*/\s*图)[^。！？]{0,40}$")


@dataclass(frozen=True)
class CleanArticle:
    clean_text: str
    text_hash: str
    byline: str | None
    footer: list[str]


@cache
def _trafilatura_config():  # type: ignore[no-untyped-def]
    config = use_config()
    # Articles of one short paragraph are real articles here; trafilatura's defaults would drop them.
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", "1")
    # Its timeout uses signals, which only work in the main thread of a process.
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    return config


def body_text(body_html: str, fallback_paragraphs: list[str]) -> str:
    """The body's paragraphs as text, one per line, via trafilatura; the parser's paragraphs if it finds none."""
    text = trafilatura.extract(
        f"<html><body><article>{body_html}</article></body></html>",
        config=_trafilatura_config(),
        deduplicate=False,
        favor_recall=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
    )
    if not text or not text.strip():
        text = "\n".join(fallback_paragraphs)
    return text


def clean_article(body_html: str, paragraphs: list[str], captions: list[str], byline: str | None) -> CleanArticle:
    """Clean text (no captions, bylines or footers) with its hash."""
    lines = [_tidy(line) for line in body_text(body_html, paragraphs).splitlines()]
    caption_set = {_tidy(c) for c in captions}
    kept: list[str] = []
    footer: list[str] = []
    found_byline = byline
    for line in lines:
        if not line or line in caption_set:
            continue
        if FOOTER_LINE.match(line):
            footer.append(line)
            continue
        if not kept and BYLINE_LINE.match(line):
            found_byline = found_byline or line
            continue
        kept.append(line)
    text = "\n".join(kept)
    return CleanArticle(text, text_hash(text), found_byline, footer)


def _tidy(line: str) -> str:
    # Founder pages indent paragraphs with ideographic spaces and &nbsp;.
    return line.replace("\u3000", " ").replace("\xa0", " ").strip()


def text_hash(text: str) -> str:
    """Hash of the text with Unicode compatibility forms and all whitespace folded."""
    folded = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()
