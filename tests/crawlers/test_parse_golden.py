"""Golden tests: saved pages per skin (tests/crawlers/pages/*.html) against expected fields (*.expected.json)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from ganpo_crawlers import parse
from ganpo_crawlers.profiles import load_profiles

PAGES = Path(__file__).parent / "pages"


def _cases(kind: str) -> list[Path]:
    return sorted(p for p in PAGES.glob(f"*{kind}*.expected.json"))


def _load(expected_path: Path) -> tuple[dict, str]:
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    page = expected_path.with_name(expected_path.name.replace(".expected.json", ".html"))
    html = parse.decode_body(page.read_bytes(), expected.get("headers", {}))
    return expected, html


@pytest.mark.parametrize("case", _cases("layout"), ids=lambda p: p.name.split(".")[0])
def test_layout_pages(case: Path) -> None:
    expected, html = _load(case)
    profile = load_profiles()[expected["profile"]]
    page = parse.parse_layout_page(profile, expected["url"], html)
    assert [[lk.layout_no, lk.layout_name, lk.url, lk.pdf] for lk in page.layouts] == expected["layouts"]
    assert page.pdf == expected["pdf"]
    assert [[lk.url, lk.text] for lk in page.articles] == expected["articles"]
    assert page.container_found is expected["container_found"]


@pytest.mark.parametrize("case", _cases("article"), ids=lambda p: p.name.split(".")[0])
def test_article_pages(case: Path) -> None:
    expected, html = _load(case)
    profile = load_profiles()[expected["profile"]]
    art = parse.parse_article(profile, expected["url"], html)
    got = art.to_dict()
    for key, value in expected["fields"].items():
        assert got[key] == value, key
    assert art.body_html and "<p>" in art.body_html.lower()


@pytest.mark.parametrize("case", _cases("list"), ids=lambda p: p.name.split(".")[0])
def test_list_pages(case: Path) -> None:
    expected, html = _load(case)
    profile = load_profiles()[expected["profile"]]
    page = parse.parse_list_page(profile, expected["url"], html)
    assert [[i.url, i.day] for i in page.items] == expected["items"]
    assert page.next_page == expected["next_page"]
    for day, follow in expected["follow_for"].items():
        assert parse.follow_list(page.items, date.fromisoformat(day)) is follow


def test_layout_drift_and_empty_layout_differ() -> None:
    profile = load_profiles()["srxww_new"]
    empty = (PAGES / "srxww_new_layout.html").read_text(encoding="utf-8")
    start, end = empty.index('<li class="resultList">'), empty.rindex("</li>") + len("</li>")
    empty = empty[:start] + empty[end:]
    page = parse.parse_layout_page(profile, "http://paper.srxww.com/pc/column/202405/20/node_03.html", empty)
    assert page.articles == [] and page.container_found  # an empty layout: not drift
    redesigned = empty.replace("news-list", "story-list")
    page = parse.parse_layout_page(profile, "http://paper.srxww.com/pc/column/202405/20/node_03.html", redesigned)
    assert page.articles == [] and not page.container_found  # drift


def test_article_without_body_reports_missing() -> None:
    profile = load_profiles()["srxww_old"]
    art = parse.parse_article(profile, "http://paper.srxww.com/srrb/html/2023-01/18/content_1.htm",
                              "<html><body><table><tr><td class=font01>标题</td></tr></table></body></html>")
    assert art.title == "标题"
    assert art.missing == ["body"]


def test_soft_404_and_foreign_source_classified() -> None:
    profile = load_profiles()["newskj"]
    soft = "<html><body><a href='/'>您要找的页面不存在或已删除，点击跳转到首页</a></body></html>"
    assert parse.classify(profile, "http://www.newskj.com/news/system/2022/03/15/030400000.shtml", soft,
                          "article") == ("missing", "soft_404")
    page = (PAGES / "newskj_article.gbk.html").read_bytes().decode("gbk")
    assert parse.classify(profile, "u", page, "article") == ("article", None)
    other = page.replace("来源：赣南日报</span>", "来源：新华社</span>")
    assert parse.classify(profile, "u", other, "article") == ("other", "source:新华社")


def test_meta_refresh() -> None:
    html = '<HTML><HEAD><META HTTP-EQUIV="REFRESH" CONTENT="0; URL=html/2025-12-31/node_95762.htm"></HEAD></HTML>'
    assert parse.meta_refresh_url(html, "http://szb.gnrbs.cn/") == "http://szb.gnrbs.cn/html/2025-12-31/node_95762.htm"
    assert parse.meta_refresh_url("<html></html>", "http://szb.gnrbs.cn/") is None


def test_parts_join_in_order() -> None:
    profile = load_profiles()["newskj"]
    first = parse.ArticleFields("u1", "newskj", "web", title="T", paragraphs=["a"])
    second = parse.ArticleFields("u1_01", "newskj", "web", paragraphs=["b"])
    joined = parse.join_parts([first, second])
    assert joined.title == "T" and joined.paragraphs == ["a", "b"] and joined.parts == ["u1_01"]
    assert parse.part_number(profile, "http://www.newskj.com/news/system/2019/09/30/030100000_02.shtml") == 3
    assert parse.part_number(profile, "http://www.newskj.com/news/system/2019/09/30/030100000.shtml") == 1
