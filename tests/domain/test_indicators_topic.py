"""The topic-head rule of find_entities: the same answer far into a long sentence (its speed on a sentence of
500,000 anaphors is measured in benchmarks/bench_extraction.py)."""

from __future__ import annotations

import random

import pytest

from pipelines.domain.indicators import subjects
from pipelines.domain.indicators.subjects import article_context, entity_candidates, find_entities


def _topics(text: str) -> list[tuple[int, bool]]:
    actx = article_context(text)
    return [(e.pos, e.topic) for e in find_entities(text, 0, len(text), actx, entity_candidates(text, actx))]


@pytest.mark.parametrize("seed", range(20))
def test_long_sentence_path_gives_the_one_regex_answer(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(seed)
    pieces = ["全市", "该区", "上饶", " ", "\u3000", "\n", ",", "，", "。", "“", "2023年", "今年以来", "其中",
              "同时", "目前", "增长", "实现", "企业"]
    text = "".join(rng.choice(pieces) for _ in range(300))
    expected = _topics(text)  # the short-sentence path: one regex from the sentence start
    monkeypatch.setattr(subjects, "_TOPIC_SCAN", -1)  # every entity on the long-sentence path
    assert _topics(text) == expected

