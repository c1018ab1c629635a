"""Raw article pages → article rows: parse with the site profile, join multi-page articles, clean.

Pure: the pages come in as plain values and the rows go out as dicts for the store.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ganpo_crawlers.parse import decode_body, join_parts, parse_article
from ganpo_crawlers.profiles import load_profiles
from pipelines.domain.clean import clean_article


@dataclass(frozen=True)
class ParseFailure:
    raw_page_id: int
    url: str
    reason: str


def build_articles(pages: Sequence[Mapping[str, Any]]) -> tuple[list[dict[str, Any]], list[ParseFailure]]:
    """One row per article; continuation pages (`meta.part_of`) are joined to their first page in order."""
    parts: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    firsts: list[Mapping[str, Any]] = []
    for page in pages:
        part_of = (page.get("meta") or {}).get("part_of")
        if page["page_kind"] == "article_part" or (part_of and part_of != page["url"]):
            parts[part_of].append(page)
        else:
            firsts.append(page)
    rows: list[dict[str, Any]] = []
    failures: list[ParseFailure] = []
    for first in firsts:
        chain = [first, *sorted(parts.get(first["url"], []), key=lambda p: int(p["meta"].get("part", 0)))]
        try:
            rows.append(_article_row(chain))
        except Exception as error:  # a broken page is recorded and left for the next run, never dropped silently
            failures.append(ParseFailure(first["id"], first["url"], f"{type(error).__name__}: {error}"))
    return rows, failures


def _article_row(chain: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    first = chain[0]
    profiles = load_profiles()
    head = join_parts(
        [
            parse_article(
                profiles[page["profile"]], page["url"], decode_body(bytes(page["body"]), page.get("headers") or {})
            )
            for page in chain
        ]
    )
    if not head.title:
        raise ValueError("no title found")
    clean = clean_article(head.body_html or "", head.paragraphs, head.captions, head.byline)
    if not clean.clean_text:
        raise ValueError("no body text found")
    meta = first.get("meta") or {}
    return {
        "url": first["url"],
        "origin": head.origin,
        "profile": first["profile"],
        "raw_page_id": first["id"],
        "raw_page_ids": [page["id"] for page in chain],
        "title": head.title,
        "pretitle": head.pretitle or None,
        "subtitle": head.subtitle or None,
        "byline": clean.byline,
        "layout_no": meta.get("layout_no"),
        "layout_name": meta.get("layout_name"),
        "captions": head.captions,
        "source_line": head.source_line,
        "published_at": head.published_time,
        "founder_meta": head.founder_meta or None,
        "clean_text": clean.clean_text,
        "text_hash": clean.text_hash,
        "source": first["source"],
    }
