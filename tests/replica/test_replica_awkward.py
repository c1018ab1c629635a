"""Each declared awkward case behaves as AWKWARD_CASES says, on its date and URL."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from replica_site_helpers import decode, fetch, select

from ganpo_crawlers.replica import manifest as m
from ganpo_crawlers.replica.site import SOFT_404_TEXT

CASES = m.AWKWARD_CASES


def test_every_case_is_declared_with_a_url_in_range() -> None:
    assert set(CASES) >= {
        "gbk_meta_only", "gbk_header_only", "gbk_undeclared", "broken_bytes", "no_edition", "empty_layout",
        "soft_404", "redirect", "slow", "flaky_500", "broken_link_404", "multi_page", "duplicate_link",
        "oversize",
    }
    for name, case in CASES.items():
        assert case.url.startswith(f"http://{case.host}/"), name
        assert m.FIRST_DAY <= case.date <= m.LAST_DAY
        assert case.paper in ("shangrao", "gannan") and case.description


def test_awkward_dates_avoid_seed_dates_except_the_newskj_seed_cases() -> None:
    seed_days = {s.date for s in m.source_articles()}
    for name, case in CASES.items():
        if name not in ("multi_page", "gb2312_declared_gbk_bytes"):
            assert case.date not in seed_days, name


@pytest.mark.parametrize(
    ("name", "content_type", "meta"),
    [
        ("gbk_meta_only", "text/html", True),
        ("gbk_header_only", "text/html; charset=gbk", False),
        ("gbk_undeclared", "text/html", False),
    ],
)
def test_gbk_editions(name: str, content_type: str, meta: bool) -> None:
    case = CASES[name]
    ed = m.epaper_edition(case.host, case.date)
    for url in [ed.front_url] + [a.url for a in ed.articles]:
        page = fetch(url)
        assert page.content_type == content_type
        assert (b"charset=gb2312" in page.body) == meta
        assert b"charset=utf-8" not in page.body
        with pytest.raises(UnicodeDecodeError):
            page.body.decode("utf-8")
    for art in ed.articles:
        sel = select(fetch(art.url))
        assert sel.css("td.font01").xpath("string(.)").get() == art.title
        got = [p.xpath("string(.)").get() for p in sel.css("div#ozoom > founder-content > p")]
        assert got == list(art.paragraphs)


def test_broken_bytes() -> None:
    case = CASES["broken_bytes"]
    page = fetch(case.url)
    assert page.content_type == "text/html; charset=utf-8"
    assert m.BROKEN_BYTES in page.body
    with pytest.raises(UnicodeDecodeError):
        page.body.decode("utf-8")
    art = next(a for a in m.expected_articles("shangrao", case.date) if a.url == case.url)
    sel = select(page)
    got = [p.xpath("string(.)").get() for p in sel.css("div#ozoom > founder-content > p")]
    assert got == list(art.paragraphs) and m.BROKEN_MARK in got[1]
    # Only that one page is broken.
    others = [a for a in m.expected_articles("shangrao", case.date) if a.url != case.url]
    assert all(fetch(a.url).body.decode("utf-8") for a in others)


def test_no_edition_days_answer_404() -> None:
    for day in m.NO_EDITION_DAYS["shangrao"]:
        assert fetch(m.srxww_front_url(day)).status == 404
    for day in m.NO_EDITION_DAYS["gannan"] | m.GNRBS_GAP_DAYS:
        assert fetch(m.gnrbs_front_url(day)).status == 404
    assert fetch(CASES["no_edition"].url).status == 404
    gap = CASES["gnrbs_gap"]
    assert fetch(gap.url).status == 404
    web = m.expected_articles("gannan", gap.date)
    assert web and all(fetch(a.url).status == 200 for a in web)


@pytest.mark.parametrize("name", ["empty_layout", "empty_layout_gnrbs"])
def test_empty_layout(name: str) -> None:
    case = CASES[name]
    page = fetch(case.url)
    assert page.status == 200
    sel = select(page)
    assert not sel.css("div.news-list > ul > li.resultList > a")
    assert not [a for a in sel.css("td.default a") if (a.attrib.get("href") or "").startswith("content")]
    ed = m.epaper_edition(case.host, case.date)
    assert ed.layouts[-1].url == case.url and ed.layouts[-1].links == () and ed.layouts[-1].name == "广告"


def test_broken_link_404() -> None:
    case = CASES["broken_link_404"]
    ed = m.epaper_edition(case.host, case.date)
    layout = ed.layouts[1]
    sel = select(fetch(layout.url))
    hrefs = [urljoin(layout.url, a.attrib["href"]) for a in sel.css("td.default a")
             if a.attrib["href"].startswith("content")]
    assert case.url in hrefs
    assert fetch(case.url).status == 404
    assert case.url not in {a.url for a in m.expected_articles("shangrao", case.date, include_unreachable=True)}


@pytest.mark.parametrize("name", ["duplicate_link", "duplicate_link_gnrbs"])
def test_duplicate_link(name: str) -> None:
    case = CASES[name]
    ed = m.epaper_edition(case.host, case.date)
    linking = [lay.number for lay in ed.layouts if case.url in {x.url for x in lay.links}]
    assert linking == [1, 2]
    assert [a.url for a in ed.articles].count(case.url) == 1
    assert fetch(case.url).status == 200


def test_slow_and_oversize_are_unreachable_but_served() -> None:
    for name in ("slow", "oversize"):
        case = CASES[name]
        expected = m.expected_articles(case.paper, case.date)
        everything = m.expected_articles(case.paper, case.date, include_unreachable=True)
        assert case.url not in {a.url for a in expected}
        assert case.url in {a.url for a in everything}
    assert fetch(CASES["slow"].url).slow
    assert len(fetch(CASES["oversize"].url).body) > 5 * 1024 * 1024


def test_flaky_layout_is_marked_and_its_articles_expected() -> None:
    case = CASES["flaky_500"]
    assert fetch(case.url).flaky
    ed = m.epaper_edition(case.host, case.date)
    behind = {x.url for x in ed.layouts[1].links}
    assert behind and behind <= {a.url for a in m.expected_articles("gannan", case.date)}


def test_soft_404() -> None:
    case = CASES["soft_404"]
    page = fetch(case.url)
    assert page.status == 200 and SOFT_404_TEXT in decode(page)
    listed = [it for it in m.newskj_day(case.date).items if it.url == case.url]
    assert listed and listed[0].article is None
    assert case.url not in {a.url for a in m.expected_articles("gannan", case.date)}


def test_redirect() -> None:
    case = CASES["redirect"]
    page = fetch(case.url)
    assert page.status == 301
    art = next(a for a in m.expected_articles("gannan", case.date) if a.link_url == case.url)
    assert page.location == art.path and art.url != case.url and fetch(art.url).status == 200
    # Listed under its old column with the old URL.
    assert any(it.url == case.url for p in range(1, m.list_page_count("news") + 1)
               for it in m.list_page_items("news", p) if it.date == case.date)


def test_multi_page_article() -> None:
    case = CASES["multi_page"]
    art = next(a for a in m.expected_articles("gannan", case.date) if a.url == case.url)
    assert art.origin == "seed:003_ed364cb0be8c7b3a.txt" and len(art.pages) == 3
    assert [re.search(r"/(\d{9}(?:_\d{2})?)\.shtml$", u).group(1)[9:] for u in art.pages] == ["", "_01", "_02"]
    paragraphs: list[str] = []
    for i, url in enumerate(art.pages):
        page = fetch(url)
        raw = decode(page)
        block = re.search(r'\[ name="v5.pages" \]-->(.*?)<!--enorth cms block end \[ name="v5.pages"', raw, re.S)
        links = re.findall(r'href="([^"]+)"', block.group(1))
        assert {urljoin(url, h) for h in links} | {url} == set(art.pages)
        sel = select(page)
        paragraphs += sel.css("div.content-zw p:not(.bjxx)").xpath("string(.)").getall()
        assert bool(sel.css("p.bjxx")) == (i == len(art.pages) - 1)  # footer on the last page only
    assert paragraphs == list(art.paragraphs)


def test_gb2312_declared_but_gbk_bytes() -> None:
    case = CASES["gb2312_declared_gbk_bytes"]
    art = next(a for a in m.expected_articles("gannan", case.date) if a.url == case.url)
    page = fetch(case.url)
    assert page.content_type == "text/html; charset=gb2312" and b"charset=gb2312" in page.body
    # Python's gb2312 codec reads GBK's A1AA as U+2015 (―); only GBK/GB18030 give back the seed's U+2014.
    assert "—" in page.body.decode("gbk") and "—" not in page.body.decode("gb2312")
    sel = select(page)
    first_page = sel.css("div.content-zw p:not(.bjxx)").xpath("string(.)").getall()
    assert first_page == list(art.paragraphs[: len(first_page)])


def test_readme_table_matches_the_declared_cases() -> None:
    readme = (Path(m.__file__).parent / "README.md").read_text(encoding="utf-8")
    rows = {r.split("|")[1].strip(): r for r in readme.splitlines() if r.startswith("| ") and "|" in r[2:]}
    for name, case in CASES.items():
        row = rows[name]
        assert f"| {case.date} |" in row, name
        if re.search(r"\.s?html?\b", row):
            assert case.url.rsplit("/", 1)[1] in row, name
