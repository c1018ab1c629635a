"""The manifest: editions for every day, declared gaps, seeds and corpus on their dates, determinism."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ganpo_crawlers.replica import manifest as m
from ganpo_crawlers.replica import texts

SHARED = Path("/work/shared")
DOCS = json.loads((texts.SEEDS_DIR / "docs.json").read_text(encoding="utf-8"))


def _days(step: int) -> list[dt.date]:
    n = (m.LAST_DAY - m.FIRST_DAY).days
    return [m.FIRST_DAY + dt.timedelta(days=i) for i in range(0, n + 1, step)]


def test_every_day_has_editions_except_declared_ones() -> None:
    for day in _days(5):
        for paper, host in (("shangrao", m.SRXWW), ("gannan", m.GNRBS)):
            missing = day in m.NO_EDITION_DAYS[paper] or (host == m.GNRBS and day in m.GNRBS_GAP_DAYS)
            ed = m.epaper_edition(host, day)
            assert (ed is None) == missing, (host, day)
            if ed is not None:
                assert 4 <= len(ed.layouts) <= 7
                assert ed.articles and all(a.paragraphs for a in ed.articles)


def test_no_edition_days_are_declared_and_empty() -> None:
    for paper, days in m.NO_EDITION_DAYS.items():
        for day in days:
            assert m.expected_articles(paper, day) == []
    for day in m.GNRBS_GAP_DAYS:
        found = m.expected_articles("gannan", day)
        assert found and {a.host for a in found} == {m.NEWSKJ}


def test_out_of_range_days_have_nothing() -> None:
    for day in (m.FIRST_DAY - dt.timedelta(days=1), m.LAST_DAY + dt.timedelta(days=1)):
        assert m.edition(m.SRXWW, day) is None and m.edition(m.NEWSKJ, day) is None


def test_skin_boundary() -> None:
    assert m.epaper_edition(m.SRXWW, dt.date(2024, 1, 7)).skin == "srxww-old"
    assert m.epaper_edition(m.SRXWW, dt.date(2024, 1, 8)).skin == "srxww-new"
    assert m.srxww_front_url(dt.date(2024, 1, 7)).endswith("/srrb/html/2024-01/07/node_2.htm")
    assert m.srxww_front_url(dt.date(2024, 1, 8)).endswith("/pc/column/202401/08/node_01.html")


@pytest.mark.parametrize("file", sorted(DOCS))
def test_seed_is_served_on_its_date_with_verbatim_paragraphs(file: str) -> None:
    day = dt.date.fromisoformat(DOCS[file])
    seed = next(s for s in texts.seed_articles() if s.file == file)
    # Both papers have an edition on every seed date.
    assert m.expected_articles("shangrao", day) and m.expected_articles("gannan", day)
    copies = [a for a in m.expected_articles(seed.paper, day) if a.origin == f"seed:{file}"]
    assert copies, "seed missing from its date"
    source_lines = {line.strip() for line in (texts.SEEDS_DIR / file).read_text(encoding="utf-8").splitlines()}
    for art in copies:
        assert art.paragraphs == seed.paragraphs
        if file.startswith("002"):  # body is one line of <p> elements in the static-site copy
            assert all(p in (texts.SEEDS_DIR / file).read_text(encoding="utf-8") for p in art.paragraphs)
        else:
            assert all(p in source_lines for p in art.paragraphs)
    if seed.paper == "gannan":
        assert {a.host for a in copies} == {m.GNRBS, m.NEWSKJ}


def test_seed_paragraphs_keep_figures_and_drop_chrome() -> None:
    by_file = {s.file: s for s in texts.seed_articles()}
    assert by_file["000_f1246b32f9273128.txt"].subtitle == "——看上饶经开区如何持续释放“引力效应”"
    s002 = by_file["002_e7dbfd7db50487cd.txt"]
    assert s002.title == "“朋友圈”扩大“新发展”升级"
    assert not any("文章来源" in p or "http" in p for p in s002.paragraphs)
    s003 = by_file["003_ed364cb0be8c7b3a.txt"]
    assert (s003.pretitle, s003.title) == ("在建设革命老区高质量发展示范区中", "当先锋做表率")
    assert s003.footer[0] == "来源:赣南日报" and not any("twgreatdaily" in p for p in s003.paragraphs)
    assert by_file["004_d1f28f9d0de911e1.txt"].title == "加油提速度 大干促发展"


def test_corpus_articles_on_their_manifest_dates() -> None:
    for art in texts.corpus_articles():
        if not m.FIRST_DAY <= art.date <= m.LAST_DAY:
            continue
        served = [a for a in m.expected_articles(art.paper, art.date) if a.origin == art.key]
        assert served, art.key
        assert all(a.paragraphs == art.paragraphs for a in served)
    gnrbs = m.expected_articles("gannan", dt.date(2023, 1, 23))
    assert any(a.url == "http://szb.gnrbs.cn/html/2023-01/23/content_95762_15738464.htm" for a in gnrbs)
    newskj = m.expected_articles("gannan", dt.date(2024, 11, 8))
    real = next(a for a in newskj if a.url == "http://www.newskj.com/news/system/2024/11/08/030714871.shtml")
    assert real.title == "我们的故事" and real.published_at == "2024-11-08 08:32"


def test_real_newskj_example_urls_are_articles() -> None:
    for url in (
        "http://www.newskj.com/news/system/2021/11/02/030345545.shtml",
        "http://www.newskj.com/news/system/2022/04/30/030406808.shtml",
        "http://www.newskj.com/news/system/2019/01/04/030012887.shtml",
    ):
        day = dt.date(*map(int, url.split("/system/")[1].split("/")[:3]))
        assert url in {a.url for a in m.newskj_day(day).articles}


def test_gannan_copies_pair_epaper_and_newskj() -> None:
    for day in _days(97):
        if day in m.NO_EDITION_DAYS["gannan"] or day in m.GNRBS_GAP_DAYS:
            continue
        arts = m.expected_articles("gannan", day)
        epaper = {a.story: a for a in arts if a.host == m.GNRBS}
        web = [a for a in arts if a.host == m.NEWSKJ]
        assert web and all(a.story in epaper for a in web), day
        for a in web:
            assert a.source == "赣南日报" and a.footer[0].startswith("来源")
            paper = epaper[a.story]
            if "cut" in a.extra:
                assert a.paragraphs == paper.paragraphs[:-1]
            else:
                assert a.paragraphs == paper.paragraphs
        # Other sources are served but not expected from the gannan crawl.
        others = [a for a in m.newskj_day(day).articles if a.source != "赣南日报"]
        assert others and all(a.paper == "other" for a in others)


def test_newskj_variants_occur() -> None:
    arts = [a for day in _days(3) for a in m.newskj_day(day).articles]
    assert any(a.extra.get("headline") == "changed" for a in arts)
    assert any("cut" in a.extra for a in arts)


def test_no_duplicate_urls_within_a_day() -> None:
    for day in _days(41):
        for host in m.HOSTS:
            found = m.edition(host, day)
            if found is not None:
                urls = [a.url for a in found.articles]
                assert len(urls) == len(set(urls))


def test_list_pages_cover_every_item_once() -> None:
    for column in ("news", "xianqu", "shehui"):
        total = m.list_page_count(column)
        assert total > 100
        newest = m.list_page_items(column, total)
        assert newest and newest[0].date == m.LAST_DAY
        assert len(m.list_page_items(column, total - 1)) == m.LIST_PAGE_SIZE
        oldest = m.list_page_items(column, 1)
        assert oldest[-1].date == m.FIRST_DAY
    # Items of one day appear on the pages around its position, each once.
    day = dt.date(2022, 6, 8)
    wanted = [it.url for it in m.newskj_day(day).items if it.column == "news"]
    total = m.list_page_count("news")
    seen = [it.url for p in range(1, total + 1) for it in m.list_page_items("news", p) if it.date == day]
    assert sorted(seen) == sorted(wanted)


_DIGEST = """
import datetime as dt, hashlib
from ganpo_crawlers.replica import manifest as m
from ganpo_crawlers.replica.site import resolve
h = hashlib.sha256()
for day in (dt.date(2019, 9, 30), dt.date(2022, 5, 17), dt.date(2024, 11, 8), dt.date(2025, 6, 1)):
    for host in m.HOSTS:
        found = m.edition(host, day)
        for a in (found.articles if found else ()):
            h.update(repr((a.url, a.title, a.paragraphs)).encode())
            h.update(resolve(host, a.path).body)
h.update(resolve(m.NEWSKJ, "/news/index.shtml").body)
print(h.hexdigest())
"""


def test_deterministic_across_processes() -> None:
    digests = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", _DIGEST], capture_output=True, text=True, env=env, check=True)
        digests.add(out.stdout.strip())
    assert len(digests) == 1


@pytest.mark.skipif(not SHARED.exists(), reason="shared folder not present")
def test_text_copies_match_shared_folder() -> None:
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        assert (texts.SEEDS_DIR / path.name).read_bytes() == path.read_bytes()
    for path in sorted((SHARED / "corpus").glob("*/*.txt")):
        assert (texts.CORPUS_DIR / path.parent.name / path.name).read_bytes() == path.read_bytes()
    assert json.loads((SHARED / "eval" / "docs.json").read_text()) == DOCS
