"""What the replicas serve for a date: editions, layouts, article links and article fields (pure).

Everything is a deterministic function of the date (random.Random seeded by a string, which hashes the
same on every platform), computed on request and cached; nothing is pre-rendered. The server renders these
objects; tests compare what a crawl stored with `expected_articles(paper, day)`.

Hosts and URL paths are those of the live sites (see /work/shared/sites/README.md and NOTES.md):
- 上饶日报 `paper.srxww.com`: Founder new skin after 2024-01-07, old skin before.
- 赣南日报 e-paper `szb.gnrbs.cn`: Founder old skin, front layout `node_95762.htm`.
- 客家新闻网 `www.newskj.com`: Enorth WebPublisher; carries the 赣南日报 articles with a 来源 line.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache
from urllib.parse import urlsplit

from .texts import SourceArticle, pool, source_articles

SRXWW = "paper.srxww.com"
GNRBS = "szb.gnrbs.cn"
NEWSKJ = "www.newskj.com"
HOSTS = (SRXWW, GNRBS, NEWSKJ)
PAPER_HOSTS = {"shangrao": (SRXWW,), "gannan": (GNRBS, NEWSKJ)}

FIRST_DAY = dt.date(2019, 1, 1)
LAST_DAY = dt.date(2025, 12, 31)
# 上饶日报 moved to Founder's new skin on 2024-01-08 (README: "editions after 2024-01-07").
SRXWW_NEW_SKIN_FROM = dt.date(2024, 1, 8)
GNRBS_FRONT_NODE = 95762  # fixed id of the 赣南日报 front layout (NOTES §1)
BEIJING = dt.timezone(dt.timedelta(hours=8))


def _d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


# Days with no edition at all: the front page answers 404 and newskj carries no 赣南日报 article.
# Spring Festival days, when many regional papers skip an issue.
NO_EDITION_DAYS: dict[str, frozenset[dt.date]] = {
    paper: frozenset(
        _d(x)
        for x in ("2019-02-05", "2020-01-25", "2021-02-12", "2022-02-01", "2023-01-22", "2024-02-10", "2025-01-29")
    )
    for paper in ("shangrao", "gannan")
}
# Days missing from the 赣南日报 e-paper archive (front page 404) while newskj has that day's articles:
# README says newskj is the source "where the e-paper has no edition".
GNRBS_GAP_DAYS: frozenset[dt.date] = frozenset(_d(x) for x in ("2020-04-04", "2021-06-14", "2022-09-10"))


@dataclass(frozen=True)
class AwkwardCase:
    """A hard case real sites produce, pinned to one date (and page) so both helpers' tests can find it."""

    paper: str
    host: str
    date: dt.date
    description: str
    url: str = ""  # filled in from the generated edition (see `_resolve_awkward_urls`)


# Declared first (the generator reads them by date); URLs are resolved at the bottom of this module.
_AWKWARD_SPECS: dict[str, AwkwardCase] = {
    "gbk_meta_only": AwkwardCase(
        "shangrao", SRXWW, _d("2019-03-15"),
        "old-skin edition served as GBK bytes; charset only in <meta> (gb2312), Content-Type has none"),
    "gbk_header_only": AwkwardCase(
        "shangrao", SRXWW, _d("2020-06-10"),
        "old-skin edition served as GBK bytes; charset only in the Content-Type header (gbk), no <meta>"),
    "gbk_undeclared": AwkwardCase(
        "shangrao", SRXWW, _d("2021-09-09"),
        "old-skin edition served as GBK bytes with no charset anywhere (sniff or fall back to GB18030)"),
    "broken_bytes": AwkwardCase(
        "shangrao", SRXWW, _d("2022-11-11"),
        "one article page declared utf-8 carries 3 invalid bytes in its 2nd paragraph; the expected text "
        "holds U+FFFD U+FFFD there (utf-8 with errors='replace')"),
    "no_edition": AwkwardCase(
        "shangrao", SRXWW, _d("2023-01-22"),
        "no edition: front page 404 (all NO_EDITION_DAYS, both papers, behave alike)"),
    "gnrbs_gap": AwkwardCase(
        "gannan", GNRBS, _d("2021-06-14"),
        "e-paper front page 404 but newskj carries that day's 赣南日报 articles (all GNRBS_GAP_DAYS)"),
    "empty_layout": AwkwardCase(
        "shangrao", SRXWW, _d("2024-03-03"),
        "new-skin edition whose last layout (广告) lists no articles"),
    "empty_layout_gnrbs": AwkwardCase(
        "gannan", GNRBS, _d("2021-05-05"), "e-paper edition whose last layout (广告) lists no articles"),
    "broken_link_404": AwkwardCase(
        "shangrao", SRXWW, _d("2021-11-11"),
        "layout 2 of an old-skin edition links one article page that answers 404"),
    "duplicate_link": AwkwardCase(
        "shangrao", SRXWW, _d("2024-09-09"),
        "the first article of layout 2 is also linked from layout 1 (导读); store it once"),
    "duplicate_link_gnrbs": AwkwardCase(
        "gannan", GNRBS, _d("2020-10-10"),
        "the first article of layout 2 is also linked from layout 1; store it once"),
    "slow": AwkwardCase(
        "shangrao", SRXWW, _d("2024-06-18"),
        "one article page answers only after `slow_seconds` (server option / GANPO_REPLICA_SLOW_SECONDS)"),
    "flaky_500": AwkwardCase(
        "gannan", GNRBS, _d("2022-08-08"),
        "layout 2 answers 500 to its first `flaky_failures` requests (per server), then 200"),
    "oversize": AwkwardCase(
        "shangrao", SRXWW, _d("2025-03-03"),
        "one article page is over 5 MB (an inline data: image); not expected to be stored"),
    "soft_404": AwkwardCase(
        "gannan", NEWSKJ, _d("2022-03-15"),
        "a newskj list item links a deleted article: HTTP 200 with 您要找的页面不存在或已删除，点击跳转到首页"),
    "redirect": AwkwardCase(
        "gannan", NEWSKJ, _d("2021-07-01"),
        "a newskj list item links the article's old URL under /news/, which answers 301 to /xianqu/"),
    "multi_page": AwkwardCase(
        "gannan", NEWSKJ, _d("2019-09-30"),
        "seed 003 on newskj is split over {id}.shtml, {id}_01.shtml, {id}_02.shtml (v5.pages block)"),
    "gb2312_declared_gbk_bytes": AwkwardCase(
        "gannan", NEWSKJ, _d("2019-09-30"),
        "every newskj page declares gb2312 but is GBK; decoding seed 003 with Python's gb2312 codec turns its "
        "— (U+2014, GBK A1AA) into ― (U+2015): decode as GBK/GB18030"),
}


def _awkward_on(name: str, host: str, day: dt.date) -> bool:
    case = _AWKWARD_SPECS[name]
    return case.host == host and case.date == day


def charset_mode(host: str, day: dt.date) -> str:
    """How a page of `host` for `day` is encoded and declared: utf-8, gbk-meta, gbk-header, gbk-none, gb2312."""
    if host == NEWSKJ:
        return "gb2312"  # Enorth sites declare gb2312 in both header and meta; bytes are GBK
    for name, mode in (("gbk_meta_only", "gbk-meta"), ("gbk_header_only", "gbk-header"),
                       ("gbk_undeclared", "gbk-none")):
        if _awkward_on(name, host, day):
            return mode
    return "utf-8"


# ---------------------------------------------------------------------------------------------- objects


@dataclass(frozen=True)
class Image:
    src: str  # absolute live URL
    caption: str


@dataclass(frozen=True)
class ExpectedArticle:
    """One article page as the replica serves it; `url` is the live URL (the spider rewrites the host)."""

    paper: str  # shangrao | gannan
    host: str
    url: str  # final URL (after a redirect)
    date: dt.date
    title: str
    pretitle: str  # 引题
    subtitle: str  # 副题
    paragraphs: tuple[str, ...]  # body <p> texts in order, all pages joined; no footer, no captions
    story: str  # shared by the e-paper and newskj copies of one article
    layout: str  # "第01版：要闻" (e-paper) or the newskj column name "要闻"
    source: str = ""  # newskj 来源 line value ("赣南日报", "新华社", …); e-paper: the paper's name
    published_at: str = ""  # newskj "YYYY-MM-DD HH:MM"
    footer: tuple[str, ...] = ()  # newskj footer lines inside div.content-zw (not body text)
    images: tuple[Image, ...] = ()
    origin: str = "generated"  # "seed:<file>", "corpus:<file>" or "generated"
    link_url: str = ""  # URL as linked from the layout/list page when it differs from `url`
    pages: tuple[str, ...] = ()  # newskj multi-page article: URLs of every page, first is `url`
    awkward: tuple[str, ...] = ()  # names of AWKWARD_CASES that touch this article
    reachable: bool = True  # False when a correct crawler cannot get it (slow beyond timeout, oversize)
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def path(self) -> str:
        return urlsplit(self.url).path


@dataclass(frozen=True)
class Link:
    url: str  # absolute live URL, as the page links it
    title: str


@dataclass(frozen=True)
class Layout:
    number: int  # 1-based
    label: str  # "第01版：要闻" (old skin) or "01版：要闻" (new skin)
    name: str  # "要闻"
    url: str
    pdf_url: str
    links: tuple[Link, ...]


@dataclass(frozen=True)
class Edition:
    """One e-paper edition (paper.srxww.com or szb.gnrbs.cn)."""

    paper: str
    host: str
    date: dt.date
    skin: str  # srxww-new | srxww-old | gnrbs
    front_url: str
    layouts: tuple[Layout, ...]
    articles: tuple[ExpectedArticle, ...]  # every article page served, reachable or not
    broken_links: tuple[str, ...] = ()  # linked URLs that answer 404


@dataclass(frozen=True)
class NewskjColumn:
    path: str  # "news"
    name: str  # "要闻"
    channel_id: str  # 7 digits, used by the Enorth "more" list pages


NEWSKJ_COLUMNS = (
    NewskjColumn("news", "要闻", "2010101"),
    NewskjColumn("xianqu", "县区", "2010102"),
    NewskjColumn("shehui", "社会", "2010103"),
)
NEWSKJ_COLUMN_BY_PATH = {c.path: c for c in NEWSKJ_COLUMNS}
LIST_PAGE_SIZE = 20


@dataclass(frozen=True)
class NewskjItem:
    """One list entry on newskj: an article, a deleted article (soft 404) or an old URL (redirect)."""

    column: str
    url: str  # as linked from the list page
    title: str
    date: dt.date
    published_at: str
    article: ExpectedArticle | None  # None for the deleted article


@dataclass(frozen=True)
class NewskjDay:
    date: dt.date
    items: tuple[NewskjItem, ...]  # in publication order
    articles: tuple[ExpectedArticle, ...]  # every article page served (all sources)
    soft_404_urls: tuple[str, ...] = ()
    redirects: tuple[tuple[str, str], ...] = ()  # (old URL, new URL)


# ----------------------------------------------------------------------------------------- generation


@dataclass(frozen=True)
class _Story:
    key: str
    title: str
    pretitle: str
    subtitle: str
    paragraphs: tuple[str, ...]
    caption: str = ""  # photo caption when the story has a picture
    footer: tuple[str, ...] = ()
    origin: str = "generated"


_LAYOUT_NAMES = {
    "shangrao": ("综合", "经济", "县区新闻", "社会", "民生", "文化", "时评", "副刊"),
    "gannan": ("综合", "经济", "县域", "社会", "文化", "理论", "副刊"),
}
_EDITORS = ("戴文艺", "刘敏", "明心武", "陈昱鑫", "钟文", "曾红")
_OTHER_SOURCES = ("客家新闻网", "赣州市融媒体中心", "新华社", "江西日报")


def _rng(*parts: object) -> random.Random:
    return random.Random("|".join(str(p) for p in parts))


@cache
def _real_articles(paper: str, day: dt.date) -> tuple[SourceArticle, ...]:
    return tuple(a for a in source_articles() if a.paper == paper and a.date == day)


def has_edition(host: str, day: dt.date) -> bool:
    paper = "shangrao" if host == SRXWW else "gannan"
    if not FIRST_DAY <= day <= LAST_DAY or day in NO_EDITION_DAYS[paper]:
        return False
    return not (host == GNRBS and day in GNRBS_GAP_DAYS)


@cache
def _skeleton(paper: str, day: dt.date) -> tuple[tuple[str, int], ...]:
    """(layout name, number of generated stories) per layout: cheap, so list-page counts stay cheap."""
    rng = _rng(paper, day, "skeleton")
    names = list(_LAYOUT_NAMES[paper])
    n_layouts = rng.randint(4, 6)
    picked = ["要闻", *sorted(rng.sample(names, n_layouts - 1), key=names.index)]
    counts = [rng.randint(2, 4) for _ in picked]
    counts[0] = max(1, counts[0] - len(_real_articles(paper, day)))
    empty = "empty_layout" if paper == "shangrao" else "empty_layout_gnrbs"
    if _AWKWARD_SPECS[empty].date == day:
        picked.append("广告")
        counts.append(0)
    return tuple(zip(picked, counts, strict=True))


def _story_from_source(src: SourceArticle) -> _Story:
    return _Story(src.key, src.title, src.pretitle, src.subtitle, src.paragraphs, "", src.footer, src.key)


@cache
def _stories(paper: str, day: dt.date) -> tuple[tuple[str, tuple[_Story, ...]], ...]:
    """The day's articles of one paper, per layout; the real articles for that day lead layout 1."""
    rng = _rng(paper, day, "stories")
    real = _real_articles(paper, day)
    lines = pool(paper)
    # Filler bodies draw on the real paragraphs of both papers, each used once a day: a pool of one paper
    # alone runs dry within an edition, and remixes sharing paragraphs would be near-duplicates of each other,
    # which real editions are not.
    paragraphs = [p for _key, p in (*pool("shangrao").paragraphs, *pool("gannan").paragraphs)]
    banned = {p for a in real for p in a.paragraphs}
    free = [p for p in paragraphs if p not in banned]
    rng.shuffle(free)
    # Real headlines stay with their own article, so a title search finds the seed, not a remix.
    # Headings with figures stay out too: a remix must not repeat a seed's indicators in its headline.
    real_titles = {h for a in source_articles() for h in (a.title, a.pretitle, a.subtitle)}
    headings = [h for h in lines.headings if h not in real_titles and not any(c.isdigit() for c in h)]
    rng.shuffle(headings)
    layouts: list[tuple[str, tuple[_Story, ...]]] = []
    serial = 0
    for i, (name, count) in enumerate(_skeleton(paper, day)):
        stories: list[_Story] = [_story_from_source(a) for a in real] if i == 0 else []
        for _ in range(count):
            serial += 1
            if len(free) < 6:  # pool exhausted for the day: start over in a new order
                free = [p for p in paragraphs if p not in banned]
                rng.shuffle(free)
            title = headings[serial % len(headings)]
            pretitle = headings[(serial + 7) % len(headings)] if rng.random() < 0.2 else ""
            subtitle = headings[(serial + 13) % len(headings)] if rng.random() < 0.15 else ""
            body = [free.pop() for _ in range(rng.randint(2, 4))]
            if lines.bylines and rng.random() < 0.5:
                body.insert(0, rng.choice(lines.bylines))
            caption = headings[(serial + 3) % len(headings)] if rng.random() < 0.2 else ""
            stories.append(_Story(f"{paper}:{day}:{serial}", title, pretitle, subtitle, tuple(body), caption))
        layouts.append((name, tuple(stories)))
    return tuple(layouts)


def _hexdigest(*parts: object, n: int = 32) -> str:
    return hashlib.sha1("|".join(str(p) for p in parts).encode()).hexdigest()[:n]


# ------------------------------------------------------------------------------------ e-paper editions


def srxww_front_url(day: dt.date) -> str:
    if day >= SRXWW_NEW_SKIN_FROM:
        return f"http://{SRXWW}/pc/column/{day:%Y%m}/{day:%d}/node_01.html"
    return f"http://{SRXWW}/srrb/html/{day:%Y-%m}/{day:%d}/node_2.htm"


def gnrbs_front_url(day: dt.date) -> str:
    return f"http://{GNRBS}/html/{day:%Y-%m}/{day:%d}/node_{GNRBS_FRONT_NODE}.htm"


_UrlBuilders = tuple[
    Callable[[int], str], Callable[[int, int], str], Callable[[int], str], Callable[[int], str]
]


def _epaper_urls(host: str, day: dt.date) -> _UrlBuilders:
    """URL builders per skin: layout(i), article(layout i, serial n), pdf(i), image(n)."""
    if host == SRXWW and day >= SRXWW_NEW_SKIN_FROM:
        base = f"http://{SRXWW}/pc"
        first = 1000 + (day - SRXWW_NEW_SKIN_FROM).days * 40
        return (
            lambda i: f"{base}/column/{day:%Y%m}/{day:%d}/node_{i:02d}.html",
            lambda i, n: f"{base}/content/{day:%Y%m}/{day:%d}/content_{first + n}.html",
            lambda i: f"{base}/attachement/{day:%Y%m}/{day:%d}/{_uuid(host, day, i)}.pdf",
            lambda n: f"{base}/attachement/jpg/site2/{day:%Y%m%d}/{_hexdigest(host, day, n, n=20)}.jpg",
        )
    if host == SRXWW:
        base = f"http://{SRXWW}/srrb"
        first = 400000 + (day - FIRST_DAY).days * 40
        return (
            lambda i: f"{base}/html/{day:%Y-%m}/{day:%d}/node_{i + 1}.htm",
            lambda i, n: f"{base}/html/{day:%Y-%m}/{day:%d}/content_{first + n}.htm",
            lambda i: f"{base}/page/1/{day}/{i:02d}/{int(_hexdigest(host, day, i, n=12), 16)}.pdf",
            lambda n: f"{base}/res/1/{day:%Y%m%d}/{int(_hexdigest(host, day, n, n=12), 16)}.jpg",
        )
    base = f"http://{GNRBS}"
    # Article ids grow by day; anchored so the stored 2023-01-23 page keeps its real id 15738464.
    first = 15738464 + (day - dt.date(2023, 1, 23)).days * 40
    return (
        lambda i: f"{base}/html/{day:%Y-%m}/{day:%d}/node_{GNRBS_FRONT_NODE + i - 1}.htm",
        lambda i, n: f"{base}/html/{day:%Y-%m}/{day:%d}/content_{GNRBS_FRONT_NODE + i - 1}_{first + n}.htm",
        lambda i: f"{base}/page/1/{day}/{i:02d}/{int(_hexdigest(host, day, i, n=12), 16)}.pdf",
        lambda n: f"{base}/res/1/{day:%Y%m%d}/{int(_hexdigest(host, day, n, n=12), 16)}.jpg",
    )


def _uuid(*parts: object) -> str:
    h = _hexdigest(*parts)
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}"


def _broken(text: str) -> str:
    """The text a utf-8 decoder with errors='replace' yields after the server breaks 3 bytes in it."""
    cut = text.find("，") if "，" in text else text.find(",")
    cut = cut + 1 if cut > 0 else len(text) // 2
    return text[:cut] + BROKEN_MARK + text[cut:]


# The server replaces the utf-8 encoding of this mark with b"\xe5\x8f\xff": a truncated 3-byte sequence
# and a byte that is never valid in utf-8. Decoding with errors="replace" gives back exactly the mark.
BROKEN_MARK = "\ufffd\ufffd"
BROKEN_BYTES = b"\xe5\x8f\xff"


@cache
def epaper_edition(host: str, day: dt.date) -> Edition | None:
    """The edition `host` serves for `day`, or None when its front page answers 404."""
    if host not in (SRXWW, GNRBS) or not has_edition(host, day):
        return None
    paper = "shangrao" if host == SRXWW else "gannan"
    new_skin = host == SRXWW and day >= SRXWW_NEW_SKIN_FROM
    layout_url, article_url, pdf_url, image_url = _epaper_urls(host, day)
    skin = "gnrbs" if host == GNRBS else ("srxww-new" if new_skin else "srxww-old")
    paper_name = "上饶日报" if paper == "shangrao" else "赣南日报"
    layouts: list[Layout] = []
    articles: list[ExpectedArticle] = []
    broken: list[str] = []
    serial = 0
    for i, (name, stories) in enumerate(_stories(paper, day), start=1):
        label = f"{i:02d}版：{name}" if new_skin else f"第{i:02d}版：{name}"
        links: list[Link] = []
        for story in stories:
            url = article_url(i, serial)
            images = (Image(image_url(serial), story.caption),) if story.caption else ()
            if story.origin.startswith("corpus:gannan/2023-01-23"):
                # The stored 图片新闻 page is a photo whose caption is the body text.
                images = (Image(image_url(serial), ""),)
            paragraphs = story.paragraphs
            awkward: list[str] = []
            reachable = True
            # The first generated (never a real) article of the day gets the broken bytes.
            if _awkward_on("broken_bytes", host, day) and serial == len(_real_articles(paper, day)):
                paragraphs = (paragraphs[0], _broken(paragraphs[1]), *paragraphs[2:])
                awkward.append("broken_bytes")
            for name_ in ("gbk_meta_only", "gbk_header_only", "gbk_undeclared"):
                if _awkward_on(name_, host, day):
                    awkward.append(name_)
            first_of_layout_2 = i == 2 and story is stories[0]
            if _awkward_on("slow", host, day) and first_of_layout_2:
                awkward.append("slow")
                reachable = False
            if _awkward_on("oversize", host, day) and first_of_layout_2:
                awkward.append("oversize")
                reachable = False
            if _awkward_on("flaky_500", host, day) and i == 2:
                awkward.append("flaky_500")
            articles.append(
                ExpectedArticle(
                    paper=paper, host=host, url=url, date=day, title=story.title, pretitle=story.pretitle,
                    subtitle=story.subtitle, paragraphs=paragraphs, story=story.key, layout=label,
                    source=paper_name, images=images, origin=story.origin, awkward=tuple(awkward),
                    reachable=reachable,
                )
            )
            links.append(Link(url, story.title))
            serial += 1
        layouts.append(Layout(i, label, name, layout_url(i), pdf_url(i), tuple(links)))

    # Awkward link structures on the layout pages.
    if _awkward_on("broken_link_404", host, day) and len(layouts) > 1:
        dead = article_url(2, 39)  # the last id of the day's block: never an article
        broken.append(dead)
        lay = layouts[1]
        layouts[1] = replace(lay, links=(*lay.links, Link(dead, "图片新闻")))
    for name_ in ("duplicate_link", "duplicate_link_gnrbs"):
        if _awkward_on(name_, host, day) and len(layouts) > 1 and layouts[1].links:
            shared = layouts[1].links[0]
            layouts[0] = replace(layouts[0], links=(*layouts[0].links, shared))
            articles = [
                replace(a, awkward=(*a.awkward, name_)) if a.url == shared.url else a for a in articles
            ]
    return Edition(paper, host, day, skin, layout_url(1), tuple(layouts), tuple(articles), tuple(broken))


# ---------------------------------------------------------------------------------------------- newskj

# Real article ids seen on newskj with their dates (README/NOTES): ids grow ~330 a day. Ids between
# anchors are interpolated, so each anchor URL is the first article of its day on the replica too.
_NEWSKJ_ANCHORS = (
    (dt.date(2019, 1, 4), 30012887),
    (dt.date(2021, 11, 2), 30345545),
    (dt.date(2022, 4, 30), 30406808),
    (dt.date(2024, 11, 8), 30714871),
)


def _newskj_base_id(day: dt.date) -> int:
    pts = _NEWSKJ_ANCHORS
    if day <= pts[0][0]:
        (d0, i0), (d1, i1) = pts[0], pts[1]
    elif day >= pts[-1][0]:
        (d0, i0), (d1, i1) = pts[-2], pts[-1]
    else:
        k = next(k for k in range(1, len(pts)) if day <= pts[k][0])
        (d0, i0), (d1, i1) = pts[k - 1], pts[k]
    slope = (i1 - i0) / (d1 - d0).days
    return round(i0 + slope * (day - d0).days)


def newskj_url(column: str, day: dt.date, article_id: int, page: int = 0) -> str:
    suffix = f"_{page:02d}" if page else ""
    return f"http://{NEWSKJ}/{column}/system/{day:%Y/%m/%d}/{article_id:09d}{suffix}.shtml"


@dataclass(frozen=True)
class _Slot:
    column: str
    kind: str  # gannan | other | deleted | moved
    layout: int = 0  # e-paper layout index (1-based) of a gannan slot
    index: int = 0  # story index within the layout


@cache
def _newskj_slots(day: dt.date) -> tuple[_Slot, ...]:
    """What newskj lists for a day (columns and kinds only): cheap, so list paging stays cheap."""
    if not FIRST_DAY <= day <= LAST_DAY:
        return ()
    rng = _rng("newskj", day, "slots")
    slots: list[_Slot] = []
    if day not in NO_EDITION_DAYS["gannan"]:
        real = len(_real_articles("gannan", day))
        for i, (_name, count) in enumerate(_skeleton("gannan", day), start=1):
            total = count + (real if i == 1 else 0)
            for k in range(total):
                is_real = i == 1 and k < real
                if i == 1:
                    slots.append(_Slot("news", "gannan", i, k))
                elif is_real or rng.random() < 0.7:
                    slots.append(_Slot(rng.choice(("xianqu", "shehui")), "gannan", i, k))
    for _ in range(rng.randint(1, 3)):
        slots.append(_Slot(rng.choice([c.path for c in NEWSKJ_COLUMNS]), "other"))
    if _AWKWARD_SPECS["soft_404"].date == day:
        slots.append(_Slot("news", "deleted"))
    if _AWKWARD_SPECS["redirect"].date == day:
        # The moved article keeps its id; the list still links the old /news/ URL.
        moved = next(k for k, s in enumerate(slots) if s.column != "news" and s.kind == "gannan")
        slots[moved] = replace(slots[moved], kind="moved")
    return tuple(slots)


def _gannan_story_grid(day: dt.date) -> tuple[tuple[_Story, ...], ...]:
    return tuple(stories for _name, stories in _stories("gannan", day))


@cache
def newskj_day(day: dt.date) -> NewskjDay:
    """Everything www.newskj.com dates `day`: the 赣南日报 copies and articles of other sources."""
    slots = _newskj_slots(day)
    rng = _rng("newskj", day, "text")
    base = _newskj_base_id(day)
    grid = _gannan_story_grid(day) if slots and any(s.kind in ("gannan", "moved") for s in slots) else ()
    names = [name for name, _ in _stories("gannan", day)] if grid else []
    lines = pool("gannan")
    # Variants real sites show between paper and web copy (task brief): a rewritten headline or a cut
    # paragraph on some days, never on the seed/corpus articles so their text stays verbatim.
    headline_change = rng.random() < 0.15
    cut_paragraph = rng.random() < 0.12
    items: list[NewskjItem] = []
    articles: list[ExpectedArticle] = []
    soft: list[str] = []
    redirects: list[tuple[str, str]] = []
    minute = 7 * 60 + rng.randint(0, 40)
    for n, slot in enumerate(slots):
        article_id = base + 3 * n
        column = NEWSKJ_COLUMN_BY_PATH[slot.column]
        if slot.kind in ("gannan", "moved"):
            minute += rng.randint(1, 9)
        else:
            minute = max(minute, 10 * 60) + rng.randint(5, 90)
        hh, mm = divmod(min(minute, 23 * 60 + 59), 60)
        published = f"{day} {hh:02d}:{mm:02d}"
        if slot.kind == "deleted":
            url = newskj_url(column.path, day, article_id)
            soft.append(url)
            items.append(NewskjItem(column.path, url, lines.headings[n % len(lines.headings)], day, published,
                                    None))
            continue
        variant: dict[str, str] = {}
        if slot.kind == "other":
            body = tuple(rng.sample([p for _k, p in lines.paragraphs], rng.randint(2, 4)))
            title = lines.headings[rng.randrange(len(lines.headings))]
            story = _Story(f"newskj:{day}:{n}", title, "", "", body)
            source = rng.choice(_OTHER_SOURCES)
            footer = (f"来源：{source}", f"编辑：{rng.choice(_EDITORS)}")
            layout_name = column.name
        else:
            story = grid[slot.layout - 1][slot.index]
            source = "赣南日报"
            footer = story.footer or (
                "来源：赣南日报", f"编辑：{rng.choice(_EDITORS)} 编校：{rng.choice(_EDITORS)}")
            layout_name = names[slot.layout - 1]
        title, paragraphs = story.title, story.paragraphs
        if story.origin == "seed:003_ed364cb0be8c7b3a.txt":
            # newskj runs one headline: 引题 and 主题 of the paper joined.
            title = story.pretitle + story.title
            variant["headline"] = "joined 引题"
        elif story.origin.startswith("corpus:gannan/2024-11-08"):
            published = f"{day} 08:32"  # the stored copy's time
        elif slot.kind != "other" and story.origin == "generated":
            if headline_change and not any("headline" in a.extra for a in articles):
                title = story.pretitle + story.title if story.pretitle else story.title + "（图）"
                variant["headline"] = "changed"
            elif cut_paragraph and len(paragraphs) >= 3 and not any("cut" in a.extra for a in articles):
                paragraphs = paragraphs[:-1]
                variant["cut"] = "last paragraph"
        url = newskj_url(column.path, day, article_id)
        link_url = ""
        awkward: list[str] = []
        if slot.kind == "moved":
            link_url = newskj_url("news", day, article_id)
            redirects.append((link_url, url))
            awkward.append("redirect")
        pages: tuple[str, ...] = ()
        if _AWKWARD_SPECS["multi_page"].date == day and story.origin == "seed:003_ed364cb0be8c7b3a.txt":
            pages = tuple(newskj_url(column.path, day, article_id, p) for p in range(3))
            awkward.append("multi_page")
        article = ExpectedArticle(
            paper="gannan" if source == "赣南日报" else "other", host=NEWSKJ, url=url, date=day, title=title,
            pretitle="", subtitle="", paragraphs=paragraphs, story=story.key, layout=column.name,
            source=source, published_at=published, footer=footer, origin=story.origin, link_url=link_url,
            pages=pages, awkward=tuple(awkward), extra=variant | {"epaper_layout": layout_name},
        )
        articles.append(article)
        items.append(NewskjItem(column.path, link_url or url, title, day, published, article))
    return NewskjDay(day, tuple(items), tuple(articles), tuple(soft), tuple(redirects))


# --------------------------------------------------------------------------------- newskj list pages


@cache
def _column_counts(column: str) -> tuple[tuple[dt.date, ...], tuple[int, ...]]:
    """Days with items in `column` and the running item count at the end of each (oldest first)."""
    days: list[dt.date] = []
    running: list[int] = []
    total = 0
    day = FIRST_DAY
    while day <= LAST_DAY:
        n = sum(1 for s in _newskj_slots(day) if _listed_in(s) == column)
        if n:
            total += n
            days.append(day)
            running.append(total)
        day += dt.timedelta(days=1)
    return tuple(days), tuple(running)


def _listed_in(slot: _Slot) -> str:
    # The moved article is listed only under its old column (/news/), where its old URL lives.
    return "news" if slot.kind == "moved" else slot.column


def _column_items_of(column: str, day: dt.date) -> list[NewskjItem]:
    slots = _newskj_slots(day)
    return [it for s, it in zip(slots, newskj_day(day).items, strict=True) if _listed_in(s) == column]


def list_page_count(column: str) -> int:
    _days, running = _column_counts(column)
    total = running[-1] if running else 0
    return max(1, -(-total // LIST_PAGE_SIZE))


def list_page_items(column: str, page: int) -> tuple[NewskjItem, ...]:
    """Items on list page `page` (1 = oldest, the highest = index.shtml), newest first."""
    days, running = _column_counts(column)
    lo, hi = (page - 1) * LIST_PAGE_SIZE, page * LIST_PAGE_SIZE  # positions, oldest first
    out: list[NewskjItem] = []
    k = bisect_right(running, lo)
    while k < len(days):
        start = running[k - 1] if k else 0
        if start >= hi:
            break
        for pos, item in enumerate(_column_items_of(column, days[k]), start=start):
            if lo <= pos < hi:
                out.append(item)
        k += 1
    return tuple(reversed(out))


def list_page_url(column: str, page: int) -> str:
    """Enorth "more" scheme (NOTES §2d b): /system/more/{channel}/{bucket:04d}/{channel}_{page:08d}.shtml."""
    c = NEWSKJ_COLUMN_BY_PATH[column]
    return f"http://{NEWSKJ}/{column}/system/more/{c.channel_id}/{page // 100:04d}/{c.channel_id}_{page:08d}.shtml"


def column_index_url(column: str) -> str:
    return f"http://{NEWSKJ}/{column}/index.shtml"


# ----------------------------------------------------------------------------------------- public API


def edition(host: str, day: dt.date) -> Edition | NewskjDay | None:
    """What `host` serves for `day`: an e-paper Edition, newskj's NewskjDay, or None (no edition)."""
    if host == NEWSKJ:
        return newskj_day(day) if FIRST_DAY <= day <= LAST_DAY else None
    return epaper_edition(host, day)


def expected_articles(paper: str, day: dt.date, *, include_unreachable: bool = False) -> list[ExpectedArticle]:
    """Every article of `paper` the replicas serve for `day`.

    gannan = the szb.gnrbs.cn e-paper articles plus newskj's 来源：赣南日报 copies (the same story twice,
    linked by `story`); newskj articles of other sources are left out, as the spider must skip them.
    Unreachable pages (slow beyond a timeout, over the size cap) only with include_unreachable=True.
    """
    out: list[ExpectedArticle] = []
    for host in PAPER_HOSTS[paper]:
        found = edition(host, day)
        if found is None:
            continue
        for art in found.articles:
            if art.paper == paper and (art.reachable or include_unreachable):
                out.append(art)
    return out


def latest_edition_day(host: str) -> dt.date:
    day = LAST_DAY
    while not has_edition(host, day):
        day -= dt.timedelta(days=1)
    return day


def _resolve_awkward_urls() -> dict[str, AwkwardCase]:
    """Fill each declared case with the URL that shows it (from the generated editions)."""
    out: dict[str, AwkwardCase] = {}
    for name, case in _AWKWARD_SPECS.items():
        url = ""
        found = edition(case.host, case.date)
        if name in ("no_edition", "gnrbs_gap"):
            url = srxww_front_url(case.date) if case.host == SRXWW else gnrbs_front_url(case.date)
        elif name in ("empty_layout", "empty_layout_gnrbs") and isinstance(found, Edition):
            url = found.layouts[-1].url
        elif name == "broken_link_404" and isinstance(found, Edition):
            url = found.broken_links[0]
        elif name == "flaky_500" and isinstance(found, Edition):
            url = found.layouts[1].url
        elif name == "soft_404" and isinstance(found, NewskjDay):
            url = found.soft_404_urls[0]
        elif name == "redirect" and isinstance(found, NewskjDay):
            url = found.redirects[0][0]
        elif name in ("gbk_meta_only", "gbk_header_only", "gbk_undeclared") and isinstance(found, Edition):
            url = found.front_url
        elif found is not None:
            url = next((a.url for a in found.articles if name in a.awkward), "")
            if not url and name == "gb2312_declared_gbk_bytes":
                url = next(a.url for a in found.articles if a.origin.startswith("seed:003"))
        out[name] = replace(case, url=url)
    return out


# name → AwkwardCase(paper, host, date, description, url): the declared hard cases, see README.md.
AWKWARD_CASES: dict[str, AwkwardCase] = _resolve_awkward_urls()
