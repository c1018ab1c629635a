"""Where a rule finds its candidates with a faster scan than its regex alone, the scan finds exactly what the plain
regex pass finds: random mixes of the pieces it reads (overlapping role words, runs of numerals of every length
before 岁, officials' titles, ranges that start inside a run)."""

from __future__ import annotations

import random

import pytest

from pipelines.domain.indicators import subjects

PERSON_PIECES = (
    "村民", "农民", "果农", "茶农", "种粮大户", "养殖户", "养殖大户", "脱贫户", "贫困户", "个体工商户", "店主",
    "民宿主人", "返乡青年", "职工", "工人", "1", "12", "36", "一", "三十", "五十八", "九", "岁", "岁的", "周岁", "王",
    "李", "刘", "明", "小红", "德旺", "说", "介绍", "今年", "，", "、", "。", "经理", "书记", "的", "在", "种", "家里",
    "民", "果农民",
)  # fmt: skip


def _persons_by_regex(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    return [
        (m.start("name"), m.end("name"), m.group("name")) for m in subjects._PERSON_RE.finditer(text, lo, hi)
        if not subjects._OFFICIAL_RE.search(text, max(lo, m.start() - 12), m.start("name"))
    ]


@pytest.mark.parametrize(
    "text",
    ["果农民王明说", "种粮大户李春生流转土地", "今年1234岁的王明说", "今年58岁的刘德旺介绍", "今年五十八岁的王明说",
     "村民、56岁的李小红说"],
)
def test_persons_where_role_words_overlap_or_ages_run_long(text: str) -> None:
    found = [(e.pos, e.end, e.name) for e in subjects._persons(text, 0, len(text))]
    assert found == _persons_by_regex(text, 0, len(text))


@pytest.mark.parametrize("seed", range(6))
def test_persons_are_what_the_plain_regex_pass_finds(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(300):
        text = "".join(rng.choice(PERSON_PIECES) for _ in range(rng.randrange(1, 40)))
        lo = rng.randrange(0, len(text))
        hi = rng.randrange(lo, len(text) + 1)
        found = [(e.pos, e.end, e.name) for e in subjects._persons(text, lo, hi)]
        assert found == _persons_by_regex(text, lo, hi), (text, lo, hi)
