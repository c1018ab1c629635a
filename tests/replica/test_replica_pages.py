"""Rendered pages match the selectors of README/NOTES and say exactly what the manifest says."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urljoin

import pytest
from replica_site_helpers import decode, fetch, select

from ganpo_crawlers.replica import manifest as m

NEW_DAY = dt.date(2024, 9, 9)
OLD_DAY = dt.date(2023, 11, 23)
GNRBS_DAY = dt.date(2019, 9, 30)


def _body_paragraphs(sel) -> list[str]:
    return [p.xpath("string(.)").get() for p in sel.css("div#ozoom > founder-content > p")]


def test_srxww_new_skin_layout_page() -> None:
    ed = m.epaper_edition(m.SRXWW, NEW_DAY)
    for layout in ed.layouts:
        page = fetch(layout.url)
        assert page.status == 200 and page.content_type == "text/html; charset=utf-8"
        sel = select(page)
        items = sel.css("div.nav-list > ul > li")
        assert len(items) == len(ed.layouts)
        assert [urljoin(layout.url, h) for h in items.css("a.btn.btn-block::attr(href)").getall()] == [
            lay.url for lay in ed.layouts
        ]
        assert [urljoin(layout.url, h) for h in items.css("a.pdf::attr(href)").getall()] == [
            lay.pdf_url for lay in ed.layouts
        ]
        assert urljoin(layout.url, sel.xpath("//a[@class='pdf']/@href").get()) == layout.pdf_url
        links = sel.css("div.news-list > ul > li.resultList > a")
        assert [urljoin(layout.url, h) for h in links.css("::attr(href)").getall()] == [x.url for x in layout.links]
        assert links.css("h4::text").getall() == [x.title for x in layout.links]
        assert all(h.startswith("../../../content/") for h in links.css("::attr(href)").getall())


def test_srxww_new_skin_article_page() -> None:
    ed = m.epaper_edition(m.SRXWW, NEW_DAY)
    for art in ed.articles:
        sel = select(fetch(art.url))
        assert sel.css("#PreTitle").xpath("string(.)").get() == art.pretitle
        assert sel.css("#Title").xpath("string(.)").get() == art.title
        assert sel.css("#SubTitle").xpath("string(.)").get() == art.subtitle
        assert _body_paragraphs(sel) == list(art.paragraphs)
        srcs = [urljoin(art.url, s) for s in sel.css("div.attachment img::attr(src)").getall()]
        assert srcs == [img.src for img in art.images]
        assert re.search(r"/pc/content/\d{6}/\d{2}/content_\d+\.html$", art.url)


def test_srxww_old_skin_layout_page() -> None:
    ed = m.epaper_edition(m.SRXWW, OLD_DAY)
    layout = ed.layouts[1]
    page = fetch(layout.url)
    raw = decode(page)
    assert "<a id=pageLink href=node_2.htm>" in raw  # unquoted attributes, as Founder writes them
    sel = select(page)
    assert len(sel.css("td.default > a#pageLink")) == len(ed.layouts)
    assert len(sel.css("div#pgn > ul > li > a#pageLink")) == len(ed.layouts)
    assert len(sel.css("a#pageLink")) == 2 * len(ed.layouts)  # the duplicate links NOTES §3a warns of
    assert [t.strip() for t in sel.css("td.default > a#pageLink::text").getall()] == [
        lay.label for lay in ed.layouts
    ]
    assert all(re.fullmatch(r"第\d{2}版：.+", lay.label) for lay in ed.layouts)
    pdfs = sel.xpath("//td[@class='default']/a[@id='pageLink']/../following-sibling::td[1]/a/@href").getall()
    assert [urljoin(layout.url, h) for h in pdfs] == [lay.pdf_url for lay in ed.layouts]
    links = [a for a in sel.css("td.default a") if (a.attrib.get("href") or "").startswith("content")]
    assert [urljoin(layout.url, a.attrib["href"]) for a in links] == [x.url for x in layout.links]
    for a in links:
        number = re.fullmatch(r"content_(\d+)\.htm", a.attrib["href"]).group(1)
        assert a.css(f"div#mp{number}::text").get() is not None
    # bm_lyh's layout and article-cell XPaths (NOTES §3a) still hold.
    assert len(sel.xpath("//tr[2]/td/div/table/tbody/tr")) >= len(ed.layouts)
    cells = sel.xpath("//tr[4]/td/div/table/tbody/tr/td[@class='default'][2]")
    assert cells.xpath("./a/div/text()").getall() == [x.title for x in layout.links]


def test_srxww_old_skin_article_page_with_titles_and_enpproperty() -> None:
    ed = m.epaper_edition(m.SRXWW, OLD_DAY)
    seed = next(a for a in ed.articles if a.origin.startswith("seed:000"))
    page = fetch(seed.url)
    sel = select(page)
    title = sel.css("td.font01")
    assert title.xpath("string(.)").get() == seed.title
    assert title.xpath('string(../preceding-sibling::tr[1]/td[@class="font02"])').get() == seed.pretitle
    assert title.xpath('string(../following-sibling::tr[1]/td[@class="font02"])').get() == seed.subtitle
    assert _body_paragraphs(sel) == list(seed.paragraphs)
    raw = decode(page)
    comment = re.search(r"<!--enpproperty (.*?)/enpproperty-->", raw, re.S).group(1)
    assert re.search(r"<founder-date>(.*?)</founder-date>", comment).group(1) == "2023-11-23"
    assert re.search(r"<founder-title>(.*?)</founder-title>", comment).group(1) == seed.title
    assert re.search(r"\d{4}-\d{2}-\d{2}", raw).group(0) == "2023-11-23"
    with_pic = [a for a in ed.articles if a.images]
    for art in with_pic:
        srcs = select(fetch(art.url)).css("table#newspic img::attr(src)").getall()
        assert [urljoin(art.url, s) for s in srcs] == [i.src for i in art.images]


def test_gnrbs_edition_pages() -> None:
    ed = m.epaper_edition(m.GNRBS, GNRBS_DAY)
    assert ed.front_url == "http://szb.gnrbs.cn/html/2019-09/30/node_95762.htm"
    for layout in ed.layouts:
        sel = select(fetch(layout.url))
        assert len(sel.css("td.default > a#pageLink")) == len(ed.layouts)
        hrefs = [a.attrib["href"] for a in sel.css("td.default a") if a.attrib["href"].startswith("content")]
        node = re.search(r"node_(\d+)\.htm$", layout.url).group(1)
        assert all(re.fullmatch(rf"content_{node}_\d+\.htm", h) for h in hrefs)
        assert [urljoin(layout.url, h) for h in hrefs] == [x.url for x in layout.links]
    for art in ed.articles:
        sel = select(fetch(art.url))
        assert sel.css("td.font01").xpath("string(.)").get() == art.title
        assert _body_paragraphs(sel) == list(art.paragraphs)


def test_newskj_article_page() -> None:
    day = dt.date(2024, 11, 8)
    art = next(a for a in m.newskj_day(day).articles if a.origin.startswith("corpus:gannan"))
    page = fetch(art.url)
    assert page.status == 200 and page.content_type == "text/html; charset=gb2312"
    raw = decode(page)
    assert 'charset=gb2312' in raw and "<!--enorth cms block start [ name=\"v5.position\" ]-->" in raw
    sel = select(page)
    text = " ".join(t.strip() for t in sel.css("div.main").xpath(".//text()").getall() if t.strip())
    # The order of the stored copy: breadcrumb, title, source, time, body.
    assert re.search(r"客家新闻网 >> 要闻 我们的故事 来源：赣南日报 2024-11-08 08:32 编者按", text)
    body = sel.css("div.content-zw p:not(.bjxx)").xpath("string(.)").getall()
    assert body == list(art.paragraphs)
    footer = sel.css("div.content-zw p.bjxx::text").getall()
    assert footer == list(art.footer) and footer[0] == "来源：赣南日报" and "编校：" in footer[1]
    assert "v5.pages" in raw


def test_newskj_list_pages_and_pager() -> None:
    total = m.list_page_count("news")
    index = fetch("http://www.newskj.com/news/index.shtml")
    sel = select(index)
    items = sel.css("div.list li")
    assert len(items) == len(m.list_page_items("news", total))
    first = items[0]
    href = first.css("a::attr(href)").get()
    assert re.fullmatch(r"/news/system/\d{4}/\d{2}/\d{2}/\d{9}\.shtml", href)
    assert first.css("a::attr(title)").get() == first.css("a::text").get()
    assert re.fullmatch(r"发表于：\d{4}/\d{2}/\d{2}", first.css("span.date::text").get())
    older = sel.xpath("//a[text()='下一页']/@href").get()
    assert older == m.list_page_url("news", total - 1).replace("http://www.newskj.com", "")
    page2 = fetch(urljoin("http://www.newskj.com/news/index.shtml", older))
    assert page2.status == 200
    assert len(select(page2).css("div.list li")) == m.LIST_PAGE_SIZE
    assert "v5.select_page" in decode(page2)
    # The "more" scheme: bucket = page // 100.
    assert re.search(r"/news/system/more/2010101/0001/2010101_00000123\.shtml$", m.list_page_url("news", 123))
    assert fetch(m.list_page_url("news", 123)).status == 200


def test_roots_meta_refresh_to_latest_front_page() -> None:
    for host, front in ((m.GNRBS, m.gnrbs_front_url), (m.SRXWW, m.srxww_front_url)):
        raw = decode(fetch(f"http://{host}/"))
        target = re.search(r"URL=([^\"']+)", raw).group(1)
        url = urljoin(f"http://{host}/", target)
        assert url == front(m.latest_edition_day(host))
        assert fetch(url).status == 200


@pytest.mark.parametrize("step", [53])
def test_every_expected_article_renders_its_manifest(step: int) -> None:
    """Across the range: each article's page shows the manifest's title and paragraphs."""
    day = m.FIRST_DAY
    while day <= m.LAST_DAY:
        for paper in ("shangrao", "gannan"):
            for art in m.expected_articles(paper, day):
                pages = art.pages or (art.url,)
                paragraphs: list[str] = []
                for url in pages:
                    page = fetch(url)
                    assert page.status == 200, url
                    sel = select(page)
                    if art.host == m.NEWSKJ:
                        assert sel.css("h1.title::text").get() == art.title
                        paragraphs += sel.css("div.content-zw p:not(.bjxx)").xpath("string(.)").getall()
                    else:
                        title = sel.css("#Title, td.font01").xpath("string(.)").get()
                        assert title == art.title, url
                        paragraphs += _body_paragraphs(sel)
                assert paragraphs == list(art.paragraphs), art.url
        day += dt.timedelta(days=step)


def test_unknown_paths() -> None:
    assert fetch("http://paper.srxww.com/srrb/html/2023-11/23/node_99.htm").status == 404
    assert fetch("http://paper.srxww.com/pc/column/202311/23/node_01.html").status == 404  # old-skin date
    assert fetch("http://paper.srxww.com/srrb/html/2024-03/01/node_2.htm").status == 404  # new-skin date
    assert fetch("http://szb.gnrbs.cn/html/2018-12/31/node_95762.htm").status == 404
    soft = fetch("http://www.newskj.com/news/system/2018/01/01/029000000.shtml")
    assert soft.status == 200 and "您要找的页面不存在或已删除，点击跳转到首页" in decode(soft)
