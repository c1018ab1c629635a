"""Extraction over many articles: one article's error is recorded with it, never the end of the others."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import Any, NamedTuple

from .extract import extract
from .model import Indicator

Extractor = Callable[[str, dt.date, str | None], list[Indicator]]


class ArticleFailure(NamedTuple):
    article_id: int
    error: str  # the exception's type and message


class BatchResult(NamedTuple):
    found: list[tuple[int, Indicator]]  # (article id, indicator), in article order
    failures: list[ArticleFailure]


def extract_articles(
    articles: Iterable[Mapping[str, Any]],
    published: dt.date,
    home_city: str | None,
    extractor: Extractor = extract,
) -> BatchResult:
    """``extractor`` over each article's ``clean_text``; an article it raises on is a failure, not an abort.

    (A rule that meets text it was never written for must not cost the partition's other articles their
    figures; the failure is kept for the caller to record, report and retry.)
    """
    found: list[tuple[int, Indicator]] = []
    failures: list[ArticleFailure] = []
    for article in articles:
        try:
            indicators = extractor(article["clean_text"], published, home_city)
        except Exception as exc:  # any error of one article's rules is that article's failure
            failures.append(ArticleFailure(article["id"], f"{type(exc).__name__}: {exc}"))
            continue
        found.extend((article["id"], ind) for ind in indicators)
    return BatchResult(found, failures)
