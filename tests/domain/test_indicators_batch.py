"""Extraction over a partition's articles: one article's error is recorded, the others keep their figures."""

from __future__ import annotations

import datetime as dt

from pipelines.domain.indicators import ArticleFailure, extract, extract_articles

DAY = dt.date(2023, 10, 20)
ARTICLES = [
    {"id": 1, "clean_text": "全县新增企业30家。"},
    {"id": 2, "clean_text": "这一篇让规则出错。"},
    {"id": 3, "clean_text": "全县固定资产投资增长9%。"},
]


def _failing_on_article_2(text: str, published: dt.date, home_city: str | None):
    if "出错" in text:
        raise ValueError("a rule met text it was not written for")
    return extract(text, published, home_city)


def test_an_error_on_one_article_is_that_articles_failure_not_the_partitions():
    result = extract_articles(ARTICLES, DAY, "上饶市", _failing_on_article_2)
    assert [(article_id, ind.text) for article_id, ind in result.found] == [(1, "30家"), (3, "9%")]
    assert result.failures == [ArticleFailure(2, "ValueError: a rule met text it was not written for")]


def test_the_real_extractor_over_articles_matches_extract_one_by_one():
    result = extract_articles(ARTICLES, DAY, "上饶市")
    assert result.failures == []
    assert [ind for _, ind in result.found] == [i for a in ARTICLES for i in extract(a["clean_text"], DAY, "上饶市")]
