"""The real article texts the replicas are built from: the five seeds and the corpus (pure, no I/O but reads).

Copies of `shared/seeds` and `shared/corpus` live in `texts/` so the replica works from an installed package.
Each source file is turned into a `SourceArticle` (headline parts, body paragraphs, footer) and the pool of
real paragraphs, headings and bylines that the edition generator recombines.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

TEXTS_DIR = Path(__file__).resolve().parent / "texts"
SEEDS_DIR = TEXTS_DIR / "seeds"
CORPUS_DIR = TEXTS_DIR / "corpus"

PAPERS = ("shangrao", "gannan")


@dataclass(frozen=True)
class SourceArticle:
    """One real article as it should appear on the replica (verbatim lines, site chrome removed)."""

    key: str  # "seed:000_f1246b32f9273128.txt" or "corpus:shangrao/2023-01-18_srxww-1242868.txt"
    paper: str
    date: dt.date
    title: str
    pretitle: str
    subtitle: str
    paragraphs: tuple[str, ...]
    footer: tuple[str, ...] = ()  # newskj footer lines (来源/编辑/编校), not body text
    origin_url: str = ""  # the real URL the text was copied from, when it names a replicated page

    @property
    def file(self) -> str:
        return self.key.split(":", 1)[1]


def _lines(text: str) -> list[str]:
    # Blank and whitespace-only lines separate paragraphs in every source file.
    return [line.strip() for line in text.splitlines() if line.strip()]


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


# Which seed lines are headline parts. The seeds are hand-copied pages, each with its own shape, so the
# split is written down per file rather than guessed: (paper, pretitle line, title line, subtitle line).
_SEED_HEADLINES: dict[str, tuple[str, int | None, int | None, int | None]] = {
    "000_f1246b32f9273128.txt": ("shangrao", None, 0, 1),
    "001_f0f9eb8d12a6b092.txt": ("shangrao", None, 0, None),
    "002_e7dbfd7db50487cd.txt": ("shangrao", None, None, None),  # title in the front matter
    "003_ed364cb0be8c7b3a.txt": ("gannan", 0, 1, None),
    "004_d1f28f9d0de911e1.txt": ("shangrao", 2, 3, None),
}

_FRONT_MATTER_TITLE = re.compile(r'^title:\s*"(.*)"\s*$', re.M)
_P_ELEMENT = re.compile(r"<p(?:\s[^>]*)?>(.*?)</p>", re.S)


def _seed(file: str, date: dt.date) -> SourceArticle:
    paper, pre_i, title_i, sub_i = _SEED_HEADLINES[file]
    text = _read(SEEDS_DIR / file)
    footer: list[str] = []
    if text.startswith("---\n"):
        # Static-site copy: YAML front matter, then the body as one line of <p> elements, then the
        # mirror's own links. The mirror's "（文章来源：上饶日报）" paragraph is chrome, not body.
        front, body = text[4:].split("\n---\n", 1)
        match = _FRONT_MATTER_TITLE.search(front)
        title = match.group(1) if match else ""
        paras = [html.unescape(p).strip() for p in _P_ELEMENT.findall(body.split("\n<http", 1)[0])]
        paras = [p for p in paras if p and not p.startswith("（文章来源")]
        return SourceArticle(f"seed:{file}", paper, date, title, "", "", tuple(paras))
    lines = _lines(text)
    # Seed 003 ends with newskj's footer (来源/编辑/值班主任) and the mirror it was copied from.
    while lines and lines[-1].startswith("文章来源"):
        lines.pop()
    for i, line in enumerate(lines):
        if re.match(r"^来源[:：]", line):
            footer = lines[i:]
            lines = lines[:i]
            break
    head = {i for i in (pre_i, title_i, sub_i) if i is not None}
    return SourceArticle(
        key=f"seed:{file}",
        paper=paper,
        date=date,
        title=lines[title_i] if title_i is not None else "",
        pretitle=lines[pre_i] if pre_i is not None else "",
        subtitle=lines[sub_i] if sub_i is not None else "",
        paragraphs=tuple(line for i, line in enumerate(lines) if i not in head),
        footer=tuple(footer),
    )


# Corpus files whose first body line is the short "X出席 Y讲话" line printed above the headline (引题).
_CORPUS_PRETITLE = {"shangrao/2021-03-31_ycahj-258071.txt", "shangrao/2023-01-18_srxww-1242868.txt"}


def _corpus(record: dict[str, str]) -> SourceArticle:
    file = record["file"]
    lines = _lines(_read(CORPUS_DIR / file))
    title, body = lines[0], lines[1:]
    pretitle = ""
    if file in _CORPUS_PRETITLE:
        pretitle, body = body[0], body[1:]
    return SourceArticle(
        key=f"corpus:{file}",
        paper=record["paper"],
        date=dt.date.fromisoformat(record["published"]),
        title=title,
        pretitle=pretitle,
        subtitle="",
        paragraphs=tuple(body),
        origin_url=record.get("source", ""),
    )


@cache
def seed_articles() -> tuple[SourceArticle, ...]:
    dates = json.loads(_read(SEEDS_DIR / "docs.json"))
    return tuple(_seed(file, dt.date.fromisoformat(day)) for file, day in sorted(dates.items()))


@cache
def corpus_articles() -> tuple[SourceArticle, ...]:
    records = json.loads(_read(CORPUS_DIR / "manifest.json"))
    return tuple(sorted((_corpus(r) for r in records), key=lambda a: a.key))


def source_articles() -> tuple[SourceArticle, ...]:
    return seed_articles() + corpus_articles()


@dataclass(frozen=True)
class Pool:
    """Real lines of one paper, sorted by the role they can play in a generated article."""

    paragraphs: tuple[tuple[str, str], ...]  # (source key, paragraph) of body length
    headings: tuple[str, ...]  # real titles and section headings: used as 主标题/引题/副题/captions
    bylines: tuple[str, ...]


_BYLINE = re.compile(r"记者|通讯员")
# Short lines that end like a sentence or a clause are fragments of paragraphs, not headings.
_NOT_HEADING_END = tuple("。，,:：;；、")


@cache
def pool(paper: str) -> Pool:
    paragraphs: list[tuple[str, str]] = []
    headings: list[str] = []
    bylines: list[str] = []
    for art in source_articles():
        if art.paper != paper:
            continue
        headings.extend(h for h in (art.title, art.pretitle, art.subtitle) if h)
        for line in art.paragraphs:
            if len(line) >= 50:
                paragraphs.append((art.key, line))
            elif _BYLINE.search(line) and len(line) <= 30:
                bylines.append(line)
            elif (
                6 <= len(line) <= 30
                and not line.startswith(("■", "【", "——"))
                and not line.endswith(_NOT_HEADING_END)
            ):
                headings.append(line)
    return Pool(tuple(paragraphs), tuple(dict.fromkeys(headings)), tuple(dict.fromkeys(bylines)))
