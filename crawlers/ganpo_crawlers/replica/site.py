"""Render the replica pages: (host, path) → status, headers and bytes (pure: no sockets, no clock).

`resolve()` is what the HTTP server calls for every request; tests may call it directly. Pages are
rendered from the HTML templates in `templates/` and the objects of `manifest`, so a page and the
manifest's expectation can never drift apart.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import posixpath
import re
from dataclasses import dataclass
from email.utils import format_datetime
from functools import cache
from pathlib import Path
from string import Template
from urllib.parse import urlsplit

from . import manifest as m
from .manifest import GNRBS, NEWSKJ, SRXWW, Edition, ExpectedArticle, Layout

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
OVERSIZE_BYTES = 6 * 1024 * 1024  # past the 5 MB cap a polite crawler sets (DOWNLOAD_MAXSIZE)
SOFT_404_TEXT = "您要找的页面不存在或已删除，点击跳转到首页"
_WEEKDAYS = "一二三四五六日"

# Tiny stand-ins for layout PDFs and photos: crawlers only need them to exist, not to look right.
_GIF = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")
_JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"
_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)
_ASSETS = {".gif": ("image/gif", _GIF), ".jpg": ("image/jpeg", _JPEG), ".pdf": ("application/pdf", _PDF)}


@dataclass(frozen=True)
class Page:
    """One HTTP answer. The server adds ETag/Last-Modified handling, the slow and the flaky behaviour."""

    status: int
    body: bytes
    content_type: str = "text/html"
    last_modified: dt.datetime | None = None
    location: str = ""  # Location header of a redirect
    slow: bool = False  # sleep `slow_seconds` before answering
    flaky: bool = False  # answer 500 to the first `flaky_failures` requests

    @property
    def etag(self) -> str:
        # Deterministic per page: a hash of the bytes served.
        return '"' + hashlib.sha1(self.body).hexdigest()[:20] + '"'

    @property
    def last_modified_header(self) -> str:
        if self.last_modified is None:
            return ""
        return format_datetime(self.last_modified.astimezone(dt.UTC), usegmt=True)


# ----------------------------------------------------------------------------------------- templates


@cache
def _templates(name: str) -> dict[str, Template]:
    """Sections of one template file, split at `<!--@section NAME-->` lines."""
    text = (TEMPLATES_DIR / name).read_text(encoding="utf-8")
    parts = re.split(r"^<!--@section (\w+)-->\n", text, flags=re.M)
    return {parts[i]: Template(parts[i + 1]) for i in range(1, len(parts), 2)}


def _t(file: str, section: str, **values: object) -> str:
    return _templates(file)[section].substitute(**values)


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _attr(text: str) -> str:
    return html.escape(text, quote=True)


def _rel(from_url: str, to_url: str) -> str:
    """The relative href a Founder page writes for `to_url` (same host)."""
    src, dst = urlsplit(from_url).path, urlsplit(to_url).path
    return posixpath.relpath(dst, posixpath.dirname(src))


def _root_rel(url: str) -> str:
    return urlsplit(url).path


def _date_cn(day: dt.date) -> str:
    return f"{day.year}年{day.month:02d}月{day.day:02d}日"


def _at(day: dt.date, hour: int = 0, minute: int = 30) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=m.BEIJING)


# ------------------------------------------------------------------------------------------ encoding

_OLD_META = '<META http-equiv=Content-Type content="text/html; charset={}">'
_NEW_META = '<meta charset="{}">'


def _meta(mode: str, new_skin: bool) -> str:
    """The <meta> charset declaration a page carries in each charset mode."""
    if mode == "utf-8":
        return (_NEW_META if new_skin else _OLD_META).format("utf-8")
    if mode == "gbk-meta":
        return _OLD_META.format("gb2312")
    return ""  # gbk-header, gbk-none: nothing in the page


def _encode(text: str, mode: str) -> tuple[bytes, str]:
    """Bytes and Content-Type for a charset mode (see manifest.charset_mode)."""
    if mode == "utf-8":
        return text.encode("utf-8"), "text/html; charset=utf-8"
    # GBK covers GB2312 and more (— U+2014, 粿…): sites that declare gb2312 really send GBK.
    body = text.encode("gbk", errors="xmlcharrefreplace")
    content_type = {"gbk-header": "text/html; charset=gbk", "gb2312": "text/html; charset=gb2312"}
    return body, content_type.get(mode, "text/html")


def _not_found() -> Page:
    body = b"<html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1></body></html>"
    return Page(404, body)


# ------------------------------------------------------------------------------------ e-paper pages


def _layout_page(ed: Edition, layout: Layout) -> Page:
    mode = m.charset_mode(ed.host, ed.date)
    paper_name = "上饶日报" if ed.paper == "shangrao" else "赣南日报"
    common = {
        "paper_name": paper_name,
        "date_cn": _date_cn(ed.date),
        "weekday": _WEEKDAYS[ed.date.weekday()],
        "current_label": _esc(layout.label),
        "meta": _meta(mode, ed.skin == "srxww-new"),
    }
    if ed.skin == "srxww-new":
        nav = "".join(
            _t("founder_new.html", "nav_item", href=_rel(layout.url, lay.url), label=_esc(lay.label),
               pdf=_rel(layout.url, lay.pdf_url))
            for lay in ed.layouts
        )
        news = "".join(
            _t("founder_new.html", "news_item", href=_rel(layout.url, link.url), title=_esc(link.title))
            for link in layout.links
        )
        text = _t("founder_new.html", "layout_page", nav_items=nav, news_items=news,
                  current_pdf=_rel(layout.url, layout.pdf_url), **common)
    else:
        menu = "".join(
            _t("founder_old.html", "menu_item", href=_rel(layout.url, lay.url), label=_esc(lay.label))
            for lay in ed.layouts
        )
        rows = "".join(
            _t("founder_old.html", "layout_row", href=_rel(layout.url, lay.url), label=_esc(lay.label),
               pdf=_rel(layout.url, lay.pdf_url))
            for lay in ed.layouts
        )
        articles = "".join(
            _t("founder_old.html", "article_row", href=_rel(layout.url, link.url), id=_article_id(link.url),
               title=_esc(link.title))
            for link in layout.links
        )
        text = _t("founder_old.html", "layout_page", menu_items=menu, layout_rows=rows, article_rows=articles,
                  **common)
    body, content_type = _encode(text, mode)
    return Page(200, body, content_type, _at(ed.date), flaky="flaky_500" in _layout_awkward(ed, layout))


def _layout_awkward(ed: Edition, layout: Layout) -> tuple[str, ...]:
    case = m.AWKWARD_CASES.get("flaky_500")
    return ("flaky_500",) if case is not None and case.url == layout.url else ()


def _article_id(url: str) -> str:
    return re.findall(r"(\d+)\.s?html?$", url)[0]


def _epaper_article_page(ed: Edition, art: ExpectedArticle) -> Page:
    mode = m.charset_mode(ed.host, ed.date)
    layout = next(lay for lay in ed.layouts if any(link.url == art.url for link in lay.links))
    paper_name = "上饶日报" if ed.paper == "shangrao" else "赣南日报"
    common = {
        "paper_name": paper_name,
        "date_cn": _date_cn(ed.date),
        "title": _esc(art.title),
        "layout_href": _rel(art.url, layout.url),
        "layout_label": _esc(layout.label),
        "meta": _meta(mode, ed.skin == "srxww-new"),
    }
    oversize = "oversize" in art.awkward
    if ed.skin == "srxww-new":
        paragraphs = "".join(_t("founder_new.html", "paragraph", text=_esc(p)) for p in art.paragraphs)
        images = "".join(
            _t("founder_new.html", "image", src=_attr(_rel(art.url, img.src)), caption=_esc(img.caption))
            for img in art.images
        )
        if oversize:
            # An editor pasted a huge picture inline: the page runs past the size cap.
            data = "A" * OVERSIZE_BYTES
            images += _t("founder_new.html", "image", src=f"data:image/png;base64,{data}", caption="")
        text = _t("founder_new.html", "article_page", pretitle=_esc(art.pretitle), subtitle=_esc(art.subtitle),
                  images=images, paragraphs=paragraphs, **common)
    else:
        paragraphs = "".join(_t("founder_old.html", "paragraph", text=_esc(p)) for p in art.paragraphs)
        pre = _t("founder_old.html", "pretitle_row", text=_esc(art.pretitle)) if art.pretitle else ""
        sub = _t("founder_old.html", "subtitle_row", text=_esc(art.subtitle)) if art.subtitle else ""
        pics = "".join(
            _t("founder_old.html", "newspic", src=_rel(art.url, img.src), caption=_esc(img.caption))
            for img in art.images
        )
        text = _t("founder_old.html", "article_page", id=_article_id(art.url), date=ed.date.isoformat(),
                  subtitle=_esc(art.subtitle), pretitle=_esc(art.pretitle), node=_article_node(layout.url),
                  layout_name=_esc(layout.label), pretitle_row=pre, subtitle_row=sub, newspic=pics,
                  paragraphs=paragraphs, **common)
    body, content_type = _encode(text, mode)
    if "broken_bytes" in art.awkward:
        body = body.replace(m.BROKEN_MARK.encode("utf-8"), m.BROKEN_BYTES)
    return Page(200, body, content_type, _at(ed.date), slow="slow" in art.awkward)


def _article_node(layout_url: str) -> str:
    return re.findall(r"node_(\d+)\.html?$", layout_url)[0]


@cache
def _epaper_index(host: str, day: dt.date) -> dict[str, object]:
    """URL → Layout or ExpectedArticle of one edition, for routing."""
    ed = m.epaper_edition(host, day)
    if ed is None:
        return {}
    index: dict[str, object] = {lay.url: lay for lay in ed.layouts}
    index.update({a.url: a for a in ed.articles})
    return index


_SRXWW_NEW = re.compile(r"^/pc/(column|content)/(\d{4})(\d{2})/(\d{2})/(node|content)_\w+\.html$")
_SRXWW_OLD = re.compile(r"^/srrb/html/(\d{4})-(\d{2})/(\d{2})/(node|content)_\w+\.htm$")
_GNRBS = re.compile(r"^/html/(\d{4})-(\d{2})/(\d{2})/(node|content)_\w+\.htm$")


def _epaper(host: str, path: str) -> Page:
    if path in ("/", "/index.html", "/index.htm"):
        return _root_refresh(host)
    suffix = posixpath.splitext(path)[1]
    if suffix in _ASSETS:
        content_type, data = _ASSETS[suffix]
        return Page(200, data, content_type, _at(m.FIRST_DAY))
    match = (_SRXWW_NEW.match(path) or _SRXWW_OLD.match(path)) if host == SRXWW else _GNRBS.match(path)
    if not match:
        return _not_found()
    year, month, dd = (g for g in match.groups() if g.isdigit())
    try:
        day = dt.date(int(year), int(month), int(dd))
    except ValueError:
        return _not_found()
    ed = m.epaper_edition(host, day)
    target = _epaper_index(host, day).get(f"http://{host}{path}")
    if ed is None or target is None:
        return _not_found()
    if isinstance(target, Layout):
        return _layout_page(ed, target)
    assert isinstance(target, ExpectedArticle)
    return _epaper_article_page(ed, target)


def _root_refresh(host: str) -> Page:
    """Founder roots answer with a meta refresh to the latest front page (NOTES §1)."""
    latest = m.latest_edition_day(host)
    if host == SRXWW:
        target = _rel(f"http://{host}/index.html", m.srxww_front_url(latest))
        text = _t("founder_new.html", "root_page", target=target, paper_name="上饶日报")
    else:
        target = _rel(f"http://{host}/index.html", m.gnrbs_front_url(latest))
        text = _t("founder_old.html", "root_page", target=target, paper_name="赣南日报")
    body, content_type = _encode(text, "utf-8")
    return Page(200, body, content_type, _at(latest))


# ----------------------------------------------------------------------------------------- newskj

_NEWSKJ_ARTICLE = re.compile(r"^/(\w+)/system/(\d{4})/(\d{2})/(\d{2})/(\d{9})(?:_(\d{2}))?\.shtml$")
_NEWSKJ_MORE = re.compile(r"^/(\w+)/system/more/(\d{7})/(\d{4})/\2_(\d{8})\.shtml$")
_NEWSKJ_INDEX = re.compile(r"^/(\w+)/index\.shtml$")


def _gbk_page(text: str, last_modified: dt.datetime | None) -> Page:
    body, content_type = _encode(text, "gb2312")
    return Page(200, body, content_type, last_modified)


def soft_404() -> Page:
    # Enorth sites answer deleted or unknown pages with 200 and this text (README, H).
    return _gbk_page(_t("newskj.html", "soft_404"), None)


def _parse_date(when: str) -> str:
    """Enorth's parse_date comment for a page published at `when` ("YYYY-MM-DD HH:MM")."""
    return when.replace("-", "/") + ":11.386"


def _newskj_article_page(art: ExpectedArticle, page_no: int) -> Page:
    pages = art.pages or (art.url,)
    # Split the body evenly over the pages, the footer goes on the last page (as Enorth does).
    n = len(pages)
    size = -(-len(art.paragraphs) // n)
    chunk = art.paragraphs[page_no * size:(page_no + 1) * size]
    paragraphs = "".join(_t("newskj.html", "paragraph", text=_esc(p)) for p in chunk)
    footer = "".join(_t("newskj.html", "footer", text=_esc(f)) for f in art.footer) if page_no == n - 1 else ""
    pager = ""
    if n > 1:
        links = []
        for i, url in enumerate(pages):
            name = posixpath.basename(urlsplit(url).path)
            section = "pager_current" if i == page_no else "pager_link"
            links.append(_t("newskj.html", section, href=name, label=str(i + 1)))
        if page_no < n - 1:
            nxt = posixpath.basename(urlsplit(pages[page_no + 1]).path)
            links.append(_t("newskj.html", "pager_link", href=nxt, label="下一页"))
        pager = _t("newskj.html", "pager", links=" ".join(links))
    column = urlsplit(art.url).path.split("/")[1]
    text = _t(
        "newskj.html", "article_page", title=_esc(art.title), column=column,
        column_name=m.NEWSKJ_COLUMN_BY_PATH[column].name, source=_esc(art.source), published=art.published_at,
        paragraphs=paragraphs, footer=footer, pager=pager, parse_date=_parse_date(art.published_at), cost="31",
        input_code=_article_id(art.url),
    )
    published = dt.datetime.fromisoformat(art.published_at).replace(tzinfo=m.BEIJING)
    return _gbk_page(text, published)


def _list_page(column: str, page: int) -> Page:
    total = m.list_page_count(column)
    if not 1 <= page <= total:
        return soft_404()
    col = m.NEWSKJ_COLUMN_BY_PATH[column]
    items = "".join(
        _t("newskj.html", "list_item", href=_attr(_root_rel(it.url)), title=_attr(it.title),
           date=f"{it.date:%Y/%m/%d}")
        for it in m.list_page_items(column, page)
    )

    def href(p: int) -> str:
        return _root_rel(m.column_index_url(column) if p == total else m.list_page_url(column, p))

    # Pages are numbered from the oldest; index.shtml is the newest (NOTES §2d). 下一页 goes older.
    links = [_t("newskj.html", "pager_link", href=href(total), label="首页")]
    if page < total:
        links.append(_t("newskj.html", "pager_link", href=href(page + 1), label="上一页"))
    for p in range(min(total, page + 3), max(0, page - 4), -1):
        section = "pager_current" if p == page else "pager_link"
        links.append(_t("newskj.html", section, href=href(p), label=str(total - p + 1)))
    if page > 1:
        links.append(_t("newskj.html", "pager_link", href=href(page - 1), label="下一页"))
    links.append(_t("newskj.html", "pager_link", href=href(1), label="尾页"))
    pager = _t("newskj.html", "pager", links=" ".join(links))
    text = _t("newskj.html", "list_page", column=column, column_name=col.name, items=items, pager=pager,
              parse_date=_parse_date(f"{m.LAST_DAY} 23:30"), cost="57")
    return _gbk_page(text, _at(m.LAST_DAY, 23, 30))


@cache
def _newskj_index(day: dt.date) -> dict[str, tuple[str, object]]:
    found = m.newskj_day(day)
    index: dict[str, tuple[str, object]] = {}
    for art in found.articles:
        for i, url in enumerate(art.pages or (art.url,)):
            index[url] = ("article", (art, i))
    for url in found.soft_404_urls:
        index[url] = ("soft_404", None)
    for old, new in found.redirects:
        index[old] = ("redirect", new)
    return index


def _newskj(path: str) -> Page:
    if path in ("/", "/index.shtml"):
        columns = "".join(
            _t("newskj.html", "home_column", column=c.path, column_name=c.name) for c in m.NEWSKJ_COLUMNS
        )
        return _gbk_page(_t("newskj.html", "home_page", columns=columns), _at(m.LAST_DAY, 23, 30))
    if match := _NEWSKJ_INDEX.match(path):
        if match.group(1) in m.NEWSKJ_COLUMN_BY_PATH:
            return _list_page(match.group(1), m.list_page_count(match.group(1)))
    if (match := _NEWSKJ_MORE.match(path)) and match.group(1) in m.NEWSKJ_COLUMN_BY_PATH:
        column, channel, bucket, page = match.group(1), match.group(2), int(match.group(3)), int(match.group(4))
        if channel == m.NEWSKJ_COLUMN_BY_PATH[column].channel_id and bucket == page // 100:
            return _list_page(column, page)
    if match := _NEWSKJ_ARTICLE.match(path):
        try:
            day = dt.date(int(match.group(2)), int(match.group(3)), int(match.group(4)))
        except ValueError:
            return soft_404()
        if m.FIRST_DAY <= day <= m.LAST_DAY:
            kind, value = _newskj_index(day).get(f"http://{NEWSKJ}{path}", ("soft_404", None))
            if kind == "article":
                art, page_no = value  # type: ignore[misc]
                return _newskj_article_page(art, page_no)
            if kind == "redirect":
                return Page(301, b"", "text/html", None, location=_root_rel(str(value)))
    if path.startswith(("/css/", "/images/")):
        suffix = posixpath.splitext(path)[1]
        if suffix in _ASSETS:
            return Page(200, _ASSETS[suffix][1], _ASSETS[suffix][0], _at(m.FIRST_DAY))
    return soft_404()


# -------------------------------------------------------------------------------------------- entry


def resolve(host: str, path: str) -> Page:
    """The page `host` answers for `path` (query string ignored, as static sites do)."""
    path = urlsplit(path).path or "/"
    if host == NEWSKJ:
        return _newskj(path)
    if host in (SRXWW, GNRBS):
        return _epaper(host, path)
    return _not_found()
