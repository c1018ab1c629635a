"""The numpy band index answers exactly what datasketch's MinHashLSH answers."""

from __future__ import annotations

import random

import numpy as np
from datasketch import MinHashLSH

from pipelines.domain.dedup.lsh import BandIndex
from pipelines.domain.dedup.minhash import MinHasher, shingle_batch


def _texts(n: int) -> list[str]:
    rng = random.Random(3)
    alphabet = "上饶经开区项目建设企业发展投资增长产业工业光伏汽车服务全市同比今年以来"
    base = ["".join(rng.choice(alphabet) for _ in range(300)) for _ in range(n // 2)]
    out = list(base)
    for t in base:  # an edited copy of each: some share bands, some do not
        chars = list(t)
        for _ in range(rng.randint(5, 120)):
            chars[rng.randrange(len(chars))] = rng.choice(alphabet)
        out.append("".join(chars))
    return out


def test_band_index_matches_datasketch_minhashlsh() -> None:
    hasher = MinHasher(128, 1)
    sigs = hasher.signatures(shingle_batch(_texts(120), 3))
    bands, rows = 32, 4
    ref = MinHashLSH(num_perm=128, params=(bands, rows))
    for i, sig in enumerate(sigs):
        ref.insert(i, hasher.lean(sig))
    ours = BandIndex(bands, rows)
    ours.add(0, sigs)
    q, r = ours.query(sigs)
    got = {i: set() for i in range(len(sigs))}
    for qi, ri in zip(q.tolist(), r.tolist(), strict=True):
        got[qi].add(ri)
    assert any(len(v) > 1 for v in got.values())
    for i, sig in enumerate(sigs):
        assert got[i] == set(ref.query(hasher.lean(sig)))


def test_retired_rows_are_not_returned() -> None:
    sigs = np.tile(np.arange(128, dtype=np.uint32), (3, 1))
    idx = BandIndex(32, 4)
    idx.add(0, sigs)
    idx.retire(1)
    _, r = idx.query(sigs[:1])
    assert sorted(r.tolist()) == [0, 2]


def test_pairs_equal_all_against_all_queries() -> None:
    hasher = MinHasher(128, 1)
    sigs = hasher.signatures(shingle_batch(_texts(80), 3))
    idx = BandIndex(32, 4)
    idx.add(0, sigs)
    idx.retire(5)
    q, r = idx.query(sigs)
    expected = {(min(a, b), max(a, b)) for a, b in zip(q.tolist(), r.tolist(), strict=True) if a != b and a != 5}
    a, b = idx.pairs()
    assert set(zip(a.tolist(), b.tolist(), strict=True)) == expected and expected


def test_stored_buckets_give_the_same_candidates() -> None:
    from pipelines.domain.dedup import DedupIndex, Document, signature_buckets

    texts = _texts(40)
    idx = DedupIndex()
    res = idx.add([Document(i, t) for i, t in enumerate(texts)] + [Document(99, "")])
    table: dict[tuple[int, int], set[int]] = {}
    for rec in res.signatures:
        for key in signature_buckets(rec.signature):
            table.setdefault(key, set()).add(rec.article_id)
    assert signature_buckets(res.signatures[-1].signature) == []  # the empty text
    assert all(-(2**63) <= bucket < 2**63 for key in table for bucket in key[1:])
    for rec in res.signatures[:-1]:
        via_sql = set().union(*(table[k] for k in signature_buckets(rec.signature))) - {rec.article_id}
        assert idx.buckets(rec.article_id) == signature_buckets(rec.signature)
        assert via_sql == set(idx.query(texts[rec.article_id])) - {rec.article_id}
