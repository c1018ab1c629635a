"""Profile selection by date, decode_body, the archive round trip and truncation, sitecheck on the replica."""

from __future__ import annotations

import gzip
import shutil
from datetime import date
from pathlib import Path

import pytest

from ganpo_crawlers import parse
from ganpo_crawlers.archive import ArchiveWriter, content_hash, known_from_archives, read_archive
from ganpo_crawlers.profiles import ProfileError, SiteMap, load_profiles, parse_profile, profiles_for
from ganpo_crawlers.sitecheck import check_profiles, format_report


@pytest.mark.parametrize(
    ("paper", "day", "names"),
    [
        ("shangrao", "2003-08-16", ["srxww_old"]),
        ("shangrao", "2024-01-07", ["srxww_old"]),
        ("shangrao", "2024-01-08", ["srxww_new"]),
        ("shangrao", "2003-08-15", []),
        ("gannan", "2023-01-23", ["gnrbs_epaper", "newskj"]),
    ],
)
def test_profile_by_date(paper: str, day: str, names: list[str]) -> None:
    assert [p.name for p in profiles_for(paper, date.fromisoformat(day))] == names


def test_profile_urls_and_values() -> None:
    p = load_profiles()
    assert p["srxww_new"].url("front", date(2024, 5, 20)) == "http://paper.srxww.com/pc/column/202405/20/node_01.html"
    assert p["srxww_old"].url("front", date(2023, 1, 18)) == "http://paper.srxww.com/srrb/html/2023-01/18/node_2.htm"
    assert p["gnrbs_epaper"].values["front_node"] == "95762"
    assert p["gnrbs_epaper"].url("front", date(2023, 1, 23), "http://127.0.0.1:9") == (
        "http://127.0.0.1:9/html/2023-01/23/node_95762.htm")


def test_profile_validation_fails_loudly() -> None:
    with pytest.raises(ProfileError):
        parse_profile({"name": "x", "paper": "shangrao", "kind": "founder", "origin": "epaper", "host": "h",
                       "valid_from": "2020-01-01", "urls": {"front": "{base}/x"},
                       "patterns": {"date_in_url": "(?P<y>1)(?P<m>1)(?P<d>1)", "layout": "x", "article": "y"},
                       "selectors": {"layouts": ["a"], "articles": ["a"], "title": ["td[["], "body": ["b"]}})


def test_sitemap_round_trip() -> None:
    sm = SiteMap({"paper.srxww.com": "http://127.0.0.1:8123"}, {"paper.srxww.com": "http"})
    live = "http://paper.srxww.com/pc/column/202405/20/node_01.html"
    assert sm.to_fetch(live) == "http://127.0.0.1:8123/pc/column/202405/20/node_01.html"
    assert sm.to_canonical(sm.to_fetch(live)) == live


TEXT = "赣州经开区实现规模以上工业主营业务收入677.5亿元，增长19.55%。昶洧汽车"


@pytest.mark.parametrize(
    ("body", "headers", "expected"),
    [
        (TEXT.encode("gbk"), {"Content-Type": "text/html; charset=gbk"}, TEXT),
        (TEXT.encode("gbk"), {b"Content-Type": [b"text/html; charset=GB2312"]}, TEXT),  # GBK bytes, gb2312 label
        (b'<meta charset="gb2312">' + TEXT.encode("gbk"), {}, '<meta charset="gb2312">' + TEXT),
        (TEXT.encode("gbk"), {"Content-Type": "text/html"}, TEXT),  # undeclared: UTF-8 fails, GB18030
        (TEXT.encode("utf-8"), {}, TEXT),
        ("\ufeff".encode() + TEXT.encode("utf-8"), {"Content-Type": "text/html; charset=gbk"}, TEXT),
    ],
)
def test_decode_body(body: bytes, headers: dict, expected: str) -> None:
    assert parse.decode_body(body, headers) == expected


def test_decode_body_broken_bytes() -> None:
    good = ("上饶" * 400).encode("utf-8")
    body = good[:300] + b"\xe5\x8f\xff" + good[300:]
    text = parse.decode_body(body, {"Content-Type": "text/html; charset=utf-8"})
    assert text.count("\ufffd") == 2 and text.replace("\ufffd", "") == "上饶" * 400
    # Mostly garbage for UTF-8: GB18030 with replacement, never an exception.
    assert isinstance(parse.decode_body(bytes(range(256)) * 4, {}), str)


def _write_sample(path: Path) -> None:
    with ArchiveWriter(path, {"paper": "shangrao"}) as w:
        w.write_response("http://paper.srxww.com/a.html", 200,
                         [("Content-Type", "text/html; charset=utf-8"), ("ETag", '"abc"'),
                          ("Content-Encoding", "gzip")],
                         "正文".encode(), {"page_kind": "article", "profile": "srxww_new", "origin": "epaper",
                                          "layout_no": "01", "layout_name": "要闻"})
        w.write_failure("http://paper.srxww.com/b.html", "timeout", {"page_kind": "article"})
        w.write_drift("http://paper.srxww.com/c.html", "srxww_new", "body", {"page_kind": "article"})
        for i in range(5):
            w.write_response(f"http://paper.srxww.com/{i}.html", 200, {}, b"x" * 5000 * (i + 1),
                             {"page_kind": "article", "profile": "srxww_new"})


def test_archive_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "a.warc.gz"
    _write_sample(path)
    recs = list(read_archive(path))
    assert [r.record_type for r in recs[:3]] == ["response", "failure", "drift"]
    first = recs[0]
    assert first.body == "正文".encode() and first.http_status == 200 and first.header("etag") == '"abc"'
    assert (first.page_kind, first.profile, first.origin, first.layout_no, first.layout_name) == (
        "article", "srxww_new", "epaper", "01", "要闻")
    assert first.header("X-Ganpo-Original-Content-Encoding") == "gzip" and first.fetched_at
    assert recs[1].reason == "timeout" and recs[2].selector == "body"
    offsets = [r.archive_offset for r in recs]
    assert offsets == sorted(offsets)
    with gzip.open(path, "rb") as fh:  # a valid multi-member gzip file
        assert fh.read().startswith(b"WARC/1.")
    known = known_from_archives([path])
    assert known["http://paper.srxww.com/a.html"] == {"etag": '"abc"', "last_modified": None,
                                                      "content_hash": content_hash("正文".encode())}


@pytest.mark.parametrize("keep", [0.0, 0.1, 0.5, 0.9, 0.99])
def test_archive_truncated_last_record(tmp_path: Path, keep: float) -> None:
    path = tmp_path / "a.warc.gz"
    _write_sample(path)
    full = list(read_archive(path))
    damaged = tmp_path / "b.warc.gz"
    shutil.copy(path, damaged)
    # Cut inside the last record (a SIGKILL while writing it): keep a share of its bytes.
    last, size = full[-1].archive_offset, path.stat().st_size
    with open(damaged, "r+b") as fh:
        fh.truncate(min(size - 1, last + 1 + int((size - last) * keep)))
    got = list(read_archive(damaged))
    assert [r.url for r in got] == [r.url for r in full[:-1]]  # everything but the cut record
    # Appending after a crash cuts the damaged tail first, so the new record stays readable.
    with ArchiveWriter(damaged) as w:
        assert w.dropped_bytes > 0
        w.write_response("http://paper.srxww.com/new.html", 200, {}, b"new", {"page_kind": "article"})
    assert [r.url for r in read_archive(damaged)][-1] == "http://paper.srxww.com/new.html"


def test_sitecheck_on_replica() -> None:
    from ganpo_crawlers.replica import server

    with server.serve_replicas(slow_seconds=0) as urls:
        checks = check_profiles(date(2024, 5, 20), urls)
    report = format_report(checks)
    assert {c.profile for c in checks} == set(load_profiles())
    assert all(c.ok for c in checks), report
    assert "layouts" in report and "FAIL" not in report
