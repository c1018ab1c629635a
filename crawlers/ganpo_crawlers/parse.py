"""Apply a site profile to HTML: edition → layouts → article links → article fields.

Pure functions of (profile, url, decoded HTML); lxml/parsel only, no Scrapy, no network. The spiders and the
downstream cleaning step call the same functions, so a page parses the same live, on the replica and from
the archive. Every href is resolved with `urljoin` against the page URL.
"""

from __future__ import annotations

import codecs
import html as html_lib
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from datetime import date
from urllib.parse import urljoin, urlsplit

from parsel import Selector, SelectorList

from ganpo_crawlers.profiles import Profile

# ---------------------------------------------------------------------------------------------------------
# Decoding


_CHARSET_HEADER_RE = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_\-:.]+)", re.I)
# <meta charset=gbk> and <meta http-equiv=Content-Type content="text/html; charset=gb2312">, unquoted too.
_CHARSET_META_RE = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-:.]+)", re.I)
# Share of bytes allowed to be broken before a declared/UTF-8 reading is given up for GB18030.
_MAX_BROKEN_SHARE = 0.01


def _normalise_charset(name: str | None) -> str | None:
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None
    # GB2312 and GBK pages routinely hold characters only GB18030 maps; it is a strict superset of both.
    if codec in {"gb2312", "gbk", "hz", "euc_cn"}:
        return "gb18030"
    return codec


def _header(headers: Mapping[str, object] | None, name: str) -> str | None:
    if not headers:
        return None
    for key, value in headers.items():
        k = key.decode("latin-1") if isinstance(key, bytes) else str(key)
        if k.lower() != name.lower():
            continue
        if isinstance(value, list | tuple):
            value = value[-1] if value else None
        if isinstance(value, bytes):
            return value.decode("latin-1")
        return None if value is None else str(value)
    return None


def charset_from_headers(headers: Mapping[str, object] | None) -> str | None:
    ctype = _header(headers, "Content-Type")
    if not ctype:
        return None
    m = _CHARSET_HEADER_RE.search(ctype)
    return _normalise_charset(m.group(1)) if m else None


def charset_from_meta(body: bytes) -> str | None:
    m = _CHARSET_META_RE.search(body[:8192])
    return _normalise_charset(m.group(1).decode("ascii", "replace")) if m else None


def _broken_share(body: bytes, codec: str) -> float:
    text = body.decode(codec, errors="replace")
    broken = text.count("\ufffd") - body.decode(codec, errors="ignore").count("\ufffd")
    return broken / max(len(body), 1)


def decode_body_with_charset(body: bytes, headers: Mapping[str, object] | None = None) -> tuple[str, str]:
    """Like `decode_body`, also naming the codec used (`…+replace` when broken bytes were replaced)."""
    if body.startswith(codecs.BOM_UTF8):
        return body[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8-sig"
    declared = [c for c in (charset_from_headers(headers), charset_from_meta(body)) if c]
    for codec in [*declared, "utf-8"]:
        try:
            return body.decode(codec), codec
        except (UnicodeDecodeError, LookupError):
            continue
    # Nothing decodes cleanly. A page of one declared or UTF-8 charset with a few broken bytes keeps that
    # charset (GB18030 would turn all of it into mojibake); otherwise GB18030, broken bytes replaced.
    for codec in [*declared, "utf-8"]:
        if codec != "gb18030" and _broken_share(body, codec) <= _MAX_BROKEN_SHARE:
            return body.decode(codec, errors="replace"), codec + "+replace"
    try:
        return body.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        return body.decode("gb18030", errors="replace"), "gb18030+replace"


def decode_body(body: bytes, headers: Mapping[str, object] | None = None) -> str:
    """Bytes → text: charset from the header, then the meta tag, then UTF-8 strict, then GB18030.

    A declared charset that fails strictly is only kept when very few bytes are broken; the last resort is
    GB18030 with broken bytes replaced, so decoding never raises.
    """
    return decode_body_with_charset(body, headers)[0]


# ---------------------------------------------------------------------------------------------------------
# Selector helpers

_WS_RE = re.compile(r"[\s\u3000\xa0]+")


def clean_text(text: str | None) -> str:
    return _WS_RE.sub(" ", text or "").strip()


def select(root: Selector | SelectorList, exprs: Iterable[str]) -> tuple[SelectorList, str | None]:
    """The matches of the first expression that matches anything, and that expression ("xpath:" = XPath)."""
    for expr in exprs:
        found = root.xpath(expr[6:]) if expr.startswith("xpath:") else root.css(expr)
        # An XPath string() result is one node even when empty: treat an empty string as no match.
        found = SelectorList(n for n in found if not (isinstance(n.root, str) and not n.root.strip()))
        if found:
            return found, expr
    return SelectorList(), None


def node_text(node: Selector) -> str:
    if isinstance(node.root, str):
        return clean_text(node.root)
    return clean_text(node.xpath("string(.)").get())


def first_text(root: Selector | SelectorList, exprs: Iterable[str]) -> str | None:
    found, _ = select(root, exprs)
    for node in found:
        text = node_text(node)
        if text:
            return text
    return None


def _url_ok(url: str) -> bool:
    return urlsplit(url).scheme in ("http", "https")


# ---------------------------------------------------------------------------------------------------------
# Edition and layouts (Founder e-paper, both skins)


@dataclass
class Link:
    url: str
    text: str = ""
    layout_no: str | None = None
    layout_name: str | None = None
    pdf: str | None = None
    day: str | None = None


@dataclass
class LayoutPage:
    url: str
    layouts: list[Link]
    articles: list[Link]
    pdf: str | None
    layouts_selector: str | None
    articles_selector: str | None
    # False when not even the article-list container is there: drift, not an empty layout.
    container_found: bool


_LAYOUT_TEXT_RE = re.compile(r"第?\s*([A-Za-z]?\d+)\s*版\s*[:：]?\s*(.*)")
_NODE_RE = re.compile(r"node_([A-Za-z0-9]+)\.html?$")


def split_layout_text(text: str, url: str = "") -> tuple[str | None, str | None]:
    """`第01版：要闻` → ("01", "要闻"); falls back to the node id of the URL."""
    text = clean_text(text)
    m = _LAYOUT_TEXT_RE.search(text)
    if m:
        return m.group(1), clean_text(m.group(2)) or None
    node = _NODE_RE.search(url)
    return (node.group(1) if node else None), (text or None)


def _links(nodes: SelectorList, url: str, pattern: re.Pattern[str]) -> Iterator[tuple[str, Selector]]:
    """(absolute URL without fragment, node) of link nodes whose URL matches `pattern`, first occurrence only."""
    seen: set[str] = set()
    for node in nodes:
        href = node.attrib.get("href") if not isinstance(node.root, str) else None
        if not href:
            continue
        absolute = urljoin(url, href.strip()).split("#", 1)[0]
        if absolute in seen or not pattern.search(absolute):
            continue
        seen.add(absolute)
        yield absolute, node


def parse_layout_page(profile: Profile, url: str, html: str) -> LayoutPage:
    """A layout (版面) page: the edition's layout list and this layout's article links (deduplicated)."""
    sel = Selector(text=html)
    layout_nodes, layouts_expr = select(sel, profile.sel("layouts"))
    layouts: list[Link] = []
    for absolute, node in _links(layout_nodes, url, profile.patterns["layout"]):
        text = node_text(node)
        no, name = split_layout_text(text, absolute)
        pdf = None
        # The PDF link sits beside the layout link: the next cell (old skin) or the next <a> (new skin).
        row_pdf = node.xpath(
            "following-sibling::a[contains(@href,'.pdf')][1]/@href | ancestor::tr[1]//a[contains(@href,'.pdf')]/@href"
        ).get()
        if row_pdf:
            pdf = urljoin(url, row_pdf.strip())
        layouts.append(Link(absolute, text, no, name, pdf))

    pdf_nodes, _ = select(sel, profile.sel("layout_pdf"))
    page_pdf = next((urljoin(url, n.get().strip()) for n in pdf_nodes if n.get() and n.get().strip()), None)

    article_nodes, articles_expr = select(sel, profile.sel("articles"))
    articles: list[Link] = []
    for absolute, node in _links(article_nodes, url, profile.patterns["article"]):
        title = first_text(node, profile.sel("article_link_title")) or node_text(node)
        articles.append(Link(absolute, title))

    container_exprs = profile.sel("layout_container")
    container_found = bool(select(sel, container_exprs)[0]) if container_exprs else bool(layout_nodes)
    return LayoutPage(url, layouts, articles, page_pdf, layouts_expr, articles_expr, container_found)


def meta_refresh_url(html: str, url: str) -> str | None:
    """The target of `<meta http-equiv="refresh" content="0; URL=…">`, resolved against the page URL."""
    sel = Selector(text=html)
    for content in sel.xpath(
        "//meta[translate(@http-equiv,'REFSH','refsh')='refresh']/@content"
    ).getall():
        m = re.search(r"url\s*=\s*['\"]?([^'\"\s>]+)", content, re.I)
        if m:
            return urljoin(url, m.group(1))
    # Some roots redirect by script instead.
    m = re.search(r"location(?:\.href)?\s*=\s*['\"]([^'\"]+)['\"]", html)
    return urljoin(url, m.group(1)) if m else None


# ---------------------------------------------------------------------------------------------------------
# Column lists (newskj)


@dataclass
class ListPage:
    url: str
    items: list[Link]
    next_page: str | None
    items_selector: str | None


def parse_list_page(profile: Profile, url: str, html: str) -> ListPage:
    """A column list page: dated article links (date from the URL) and the next page of the list."""
    sel = Selector(text=html)
    nodes, expr = select(sel, profile.sel("list_items"))
    items: list[Link] = []
    for absolute, node in _links(nodes, url, profile.patterns["article"]):
        day = profile.date_from_url(absolute)
        items.append(Link(absolute, node.attrib.get("title") or node_text(node), day=day and day.isoformat()))
    next_nodes, _ = select(sel, profile.sel("next_page"))
    next_url = None
    for n in next_nodes:
        href = (n.get() or "").strip()
        if href and not href.lower().startswith("javascript"):
            candidate = urljoin(url, href)
            if candidate != url and _url_ok(candidate):
                next_url = candidate
                break
    return ListPage(url, items, next_url, expr)


def list_page_number(profile: Profile, url: str) -> int | None:
    """The number of a numbered list page (None for index.shtml or an unknown scheme)."""
    for rx, _template in profile.list_schemes:
        m = rx.search(url)
        if m:
            return int(m.group("page"))
    return None


def list_page_links(profile: Profile, url: str, html: str) -> dict[int, str]:
    """Numbered list pages the page links to (its pager): {page number: URL}."""
    out: dict[int, str] = {}
    for href in Selector(text=html).xpath("//a/@href").getall():
        absolute = urljoin(url, href.strip())
        n = list_page_number(profile, absolute)
        if n is not None:
            out.setdefault(n, absolute)
    return out


def list_page_url(profile: Profile, like: str, page: int) -> str | None:
    """The URL of list page `page`, built from the scheme of a known list page URL `like`."""
    for rx, template in profile.list_schemes:
        m = rx.search(like)
        if m:
            groups = {k: v for k, v in m.groupdict().items() if k != "page"}
            return template.format(prefix=like[: m.start()], page=page, bucket=page // 100, **groups)
    return None


def item_days(items: Iterable[Link]) -> list[str]:
    return sorted(i.day for i in items if i.day)


def follow_list(items: Iterable[Link], day: date) -> bool:
    """Whether the next list page can still hold items of `day`: lists run newest first, so go on while
    this page's items are all on or after the date."""
    days = [i.day for i in items if i.day]
    return bool(days) and min(days) >= day.isoformat()


# ---------------------------------------------------------------------------------------------------------
# Articles

_FOUNDER_COMMENT_RE = re.compile(r"<!--\s*enpproperty(.*?)/enpproperty\s*-->", re.S | re.I)
_FOUNDER_FIELD_RE = re.compile(r"<((?:founder-)?[A-Za-z_][\w-]*)>(.*?)</\1>", re.S)
# Bylines of Chinese papers: a short line of its own, or the lead-in of the first paragraph.
_BYLINE_LINE_RE = re.compile(
    r"^(?:□|■|◎)?\s*(?:本报(?:记者|通讯员|特约记者)|记者|通讯员|特约记者|见习记者|文/图|文·图|图/文|□)"
)
_BYLINE_LEAD_RE = re.compile(r"^(本报讯\s*[（(][^）)]{1,40}[）)]|本报[^\s，,。]{0,6}电\s*[（(][^）)]{1,40}[）)])")
_BYLINE_MAX = 40


def founder_metadata(html: str) -> dict[str, str]:
    """Fields of the Founder `<!--enpproperty … /enpproperty-->` comment; both `<founder-title>` (e-paper)
    and plain `<title>` (CMS) spellings, keys without the `founder-` prefix."""
    m = _FOUNDER_COMMENT_RE.search(html)
    if not m:
        return {}
    out: dict[str, str] = {}
    for key, value in _FOUNDER_FIELD_RE.findall(m.group(1)):
        out[key.removeprefix("founder-").lower()] = clean_text(html_lib.unescape(value))
    return out


@dataclass
class ArticleFields:
    url: str
    profile: str
    origin: str
    title: str | None = None
    pretitle: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    body_html: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)
    founder_meta: dict[str, str] = field(default_factory=dict)
    source_line: str | None = None
    published_time: str | None = None
    # URLs of the other pages of a multi-page article, in order (newskj).
    parts: list[str] = field(default_factory=list)
    # Selector keys of required fields that matched nothing: layout drift.
    missing: list[str] = field(default_factory=list)
    # Which expression each field came from, for `sites check` and drift reports.
    used: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


def _paragraphs(profile: Profile, body: Selector) -> list[str]:
    nodes, _ = select(body, profile.sel("paragraphs") or ("p",))
    if nodes:
        texts = [node_text(n) for n in nodes]
    else:
        # Bodies without <p>: lines split at <br>.
        raw = body.xpath("string(.)").get() or ""
        texts = [clean_text(line) for line in re.split(r"[\r\n]+", raw)]
    strip = [re.compile(rx) for rx in profile.marker("strip_paragraphs")]
    return [t for t in texts if t and not any(rx.search(t) for rx in strip)]


def find_byline(paragraphs: list[str]) -> str | None:
    for text in paragraphs[:3]:
        if len(text) <= _BYLINE_MAX and _BYLINE_LINE_RE.search(text):
            return text
        m = _BYLINE_LEAD_RE.match(text)
        if m:
            return m.group(1)
    return None


def _field_then_header_texts(profile: Profile, sel: Selector, key: str) -> list[str]:
    """Texts of the field's own selectors, then of the header block above the body: where newskj's source
    line and time are looked for, since their exact selectors are not known for certain."""
    texts: list[str] = []
    for selector_key in (key, "header"):
        nodes, _ = select(sel, profile.sel(selector_key))
        texts += [node_text(n) for n in nodes]
    return texts


def source_line(profile: Profile, sel: Selector) -> tuple[str | None, str | None]:
    """The `来源：…` line and its source name, from the source selectors, else from the header text."""
    rx = profile.patterns.get("source")
    if rx is None:
        return None, None
    for text in _field_then_header_texts(profile, sel, "source_line"):
        m = rx.search(text)
        if m:
            # Keep only the 来源 part of a line that also carries time or author.
            line = text[m.start() :]
            return clean_text(line[:60]), m.group(1)
    return None, None


def names_paper(profile: Profile, source_name: str | None) -> bool:
    return bool(source_name) and any(n in (source_name or "") for n in profile.marker("source_names"))


def is_soft_404(profile: Profile, html: str) -> bool:
    return any(marker in html for marker in profile.marker("soft_404"))


def parse_article(profile: Profile, url: str, html: str, edition_date: date | None = None) -> ArticleFields:
    """An article page → fields. Founder pages: 引题/主标题/副题, body in `div#ozoom`, metadata comment;
    newskj pages: title, 来源 line and time from the header above `div.content-zw`, follow-on pages."""
    sel = Selector(text=html)
    art = ArticleFields(url=url, profile=profile.name, origin=profile.origin)
    art.founder_meta = founder_metadata(html)

    for key in ("pretitle", "title", "subtitle"):
        nodes, expr = select(sel, profile.sel(key))
        text = next((t for t in (node_text(n) for n in nodes) if t), None)
        setattr(art, key, text)
        if expr and text:
            art.used[key] = expr
    if not art.title and art.founder_meta.get("title"):
        art.title = art.founder_meta["title"]
        art.used["title"] = "founder_meta"
    if art.title is None:
        art.missing.append("title")
    # A <title> fallback carries the site name: "标题 - 客家新闻网" / "标题_客家新闻网".
    if art.used.get("title") == "title" and art.title:
        art.title = re.split(r"\s*[-_|]\s*(?:客家新闻网|上饶日报|赣南日报)", art.title)[0] or art.title
    if not art.pretitle and art.founder_meta.get("introtitle"):
        art.pretitle = art.founder_meta["introtitle"]
    if not art.subtitle and art.founder_meta.get("subtitle"):
        art.subtitle = art.founder_meta["subtitle"]

    bodies, body_expr = select(sel, profile.sel("body"))
    if bodies:
        body = bodies[0]
        art.body_html = body.get()
        art.used["body"] = body_expr or ""
        art.paragraphs = _paragraphs(profile, body)
    if not art.paragraphs:
        art.missing.append("body")

    cap_nodes, _ = select(sel, profile.sel("captions"))
    art.captions = [t for t in (node_text(n) for n in cap_nodes) if t]
    img_nodes, _ = select(sel, profile.sel("images"))
    art.images = [urljoin(url, s.get().strip()) for s in img_nodes if (s.get() or "").strip()]

    art.byline = first_text(sel, profile.sel("byline")) if profile.sel("byline") else None
    if not art.byline and art.founder_meta.get("author"):
        art.byline = art.founder_meta["author"]
    if not art.byline:
        art.byline = find_byline(art.paragraphs)

    if profile.kind == "newskj":
        art.source_line, _name = source_line(profile, sel)
        if art.source_line is None:
            art.missing.append("source_line")
        art.published_time = _newskj_time(profile, sel)
        if art.published_time is None:
            art.missing.append("published")
        art.parts = article_parts(profile, url, html)
    else:
        published = first_text(sel, profile.sel("published")) if profile.sel("published") else None
        day = edition_date or profile.date_from_url(url)
        meta_day = art.founder_meta.get("date")
        if published and re.search(r"\d{4}-\d{2}-\d{2}", published):
            art.published_time = re.search(r"\d{4}-\d{2}-\d{2}", published).group(0)  # type: ignore[union-attr]
        elif day:
            art.published_time = day.isoformat()
        elif meta_day and re.match(r"\d{4}-\d{2}-\d{2}", meta_day):
            art.published_time = meta_day[:10]
        else:
            m = re.search(r"\d{4}-\d{2}-\d{2}", Selector(text=html).xpath("string(//body)").get() or "")
            art.published_time = m.group(0) if m else None
    return art


def _newskj_time(profile: Profile, sel: Selector) -> str | None:
    rx = profile.patterns["time"]
    for text in _field_then_header_texts(profile, sel, "published"):
        m = rx.search(text)
        if m:
            return clean_text(m.group(0))
    return None


def _part_key(profile: Profile, url: str) -> tuple[str, int] | None:
    m = profile.patterns["article_part"].search(url)
    return (m.group("id"), int(m.group("k"))) if m else None


def article_id(url: str) -> str:
    return urlsplit(url).path.rsplit("/", 1)[-1].split(".", 1)[0].split("_", 1)[0]


def article_parts(profile: Profile, url: str, html: str) -> list[str]:
    """Follow-on pages `{id}_{k}.shtml` of the article at `url`, in page order (from any link on the page:
    the in-article pager block or plain same-folder links)."""
    if "article_part" not in profile.patterns:
        return []
    own_id = article_id(url)
    sel = Selector(text=html)
    hrefs = sel.xpath("//a/@href").getall()
    parts: dict[int, str] = {}
    for href in hrefs:
        absolute = urljoin(url, href.strip()).split("#", 1)[0]
        key = _part_key(profile, absolute)
        if key and key[0] == own_id:
            parts.setdefault(key[1], absolute)
    return [parts[k] for k in sorted(parts)]


def part_number(profile: Profile, url: str) -> int:
    """1 for the first page of an article, k+1 for `{id}_{k}.shtml`."""
    key = _part_key(profile, url) if "article_part" in profile.patterns else None
    return key[1] + 1 if key else 1


def join_parts(parts: list[ArticleFields]) -> ArticleFields:
    """One article from its pages in order: fields of the first page, paragraphs and captions of all."""
    if not parts:
        raise ValueError("no parts")
    first = parts[0]
    joined = ArticleFields(**{**first.to_dict()})
    joined.paragraphs = [p for a in parts for p in a.paragraphs]
    joined.captions = [c for a in parts for c in a.captions]
    joined.images = [i for a in parts for i in a.images]
    joined.body_html = "\n".join(a.body_html or "" for a in parts)
    joined.parts = [a.url for a in parts[1:]]
    joined.missing = sorted({m for a in parts for m in a.missing if m == "body"} | set(first.missing))
    return joined


def classify(profile: Profile, url: str, html: str, requested_kind: str) -> tuple[str, str | None]:
    """The page kind a response is archived under, decided before parsing: a soft 404 is `missing`, a
    newskj article whose source line names another paper is `other`. Returns (page_kind, reason)."""
    if is_soft_404(profile, html):
        return "missing", "soft_404"
    if profile.kind == "newskj" and requested_kind == "article":
        _line, name = source_line(profile, Selector(text=html))
        if name is not None and not names_paper(profile, name):
            return "other", f"source:{name}"
    return requested_kind, None
