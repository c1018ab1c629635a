"""Scale benchmark of the dedup index (reported, not asserted).

    /tmp/venv/bin/python benchmarks/bench_dedup_scale.py [--n 100000] [--new 1000] [--small 10000]
        [--baseline-n N] [--out benchmarks/results/dedup_scale.md]

Articles are assembled from real sentences (seeds + corpus, see ``dedup_corpus.py``): each one a random
run of sentences grouped into paragraphs, about 1,200 characters, with its figures re-drawn, seeded.
2 % of them are edited copies of earlier ones (rewrite/cut/web layout) so that verification and
clustering have real work. Measured in one process, in this order:

1. signing only: the plain loop (one ``datasketch.MinHash`` + ``update_batch`` of UTF-8 shingles per
   article, the permutations shared) beside the vectorised ``MinHasher`` on the same normalised texts;
2. ``DedupIndex.add`` of ``--small`` articles and of ``--n`` articles (index build from text, including
   LSH, verification and clustering): time and peak RSS;
3. ``DedupIndex.from_rows`` (the nightly rebuild from stored signature rows);
4. adding ``--new`` new articles to the full index (with a text loader);
5. ``DedupIndex.query`` time per article.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import random
import re
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import dedup_corpus as dc  # noqa: E402
import numpy as np  # noqa: E402
from datasketch import MinHash  # noqa: E402

from pipelines.domain.dedup import DedupIndex, DedupParams, Document, normalise  # noqa: E402
from pipelines.domain.dedup.minhash import MinHasher, shingle_hash32, shingles  # noqa: E402

NUM = re.compile(r"\d+(?:\.\d+)?")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def sentence_pool() -> list[str]:
    pool = []
    for st in dc.stories(dc.load_articles()):
        for p in st.paragraphs:
            pool.extend(s for s in dc.sentences(p) if len(s) >= 8)
    return pool


def make_corpus(n: int, seed: int = 7) -> list[Document]:
    """``n`` articles of real sentences, recombined; 2 % edited copies of earlier articles."""
    rng = random.Random(seed)
    pool = sentence_pool()
    # five variants of every sentence with re-drawn figures, so recombined articles do not share numbers
    variants = [[NUM.sub(lambda m: str(rng.randint(1, 999)), s) for _ in range(5)] for s in pool]
    docs: list[Document] = []
    for i in range(n):
        if i > 100 and rng.random() < 0.02:
            src = docs[rng.randrange(len(docs))]
            paras = src.text.split("\n")[2:]
            paras = dc.rewrite(paras, rng.choice([0.1, 0.2, 0.3]), rng) if rng.random() < 0.7 else paras
            text = "复制稿\n\n" + "\n".join(paras)
            docs.append(Document(i, dc.to_web_layout(text, rng) if rng.random() < 0.5 else text,
                                 src.published, src.paper, "web"))
            continue
        target = rng.gauss(1200, 250)
        paras, size, para = [], 0, []
        while size < target:
            s = rng.choice(variants[rng.randrange(len(variants))])
            para.append(s)
            size += len(s)
            if len(para) >= rng.randint(2, 5):
                paras.append("".join(para))
                para = []
        if para:
            paras.append("".join(para))
        day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        docs.append(Document(i, f"标题{i}\n\n" + "\n".join(paras), day, rng.choice(["shangrao", "gannan"]),
                             rng.choice(["epaper", "web"])))
    return docs


def timed(fn):
    gc.collect()
    t0 = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--new", type=int, default=1_000)
    ap.add_argument("--small", type=int, default=10_000, help="the smaller build for the growth ratio")
    ap.add_argument("--baseline-n", type=int, default=None, help="articles for the plain loop (default: --n)")
    ap.add_argument("--out", default=str(Path(__file__).resolve().parent / "results" / "dedup_scale.md"))
    args = ap.parse_args(argv)
    load_start = os.getloadavg()
    params = DedupParams()
    rows: list[tuple[str, str, str]] = []

    corpus, t_gen = timed(lambda: make_corpus(args.n + args.new))
    base, new = corpus[: args.n], corpus[args.n :]
    chars = sum(len(d.text) for d in base)
    rss_corpus = peak_rss_mb()
    print(f"corpus: {args.n} + {args.new} articles, mean {chars / args.n:.0f} chars, {t_gen:.1f} s", flush=True)

    # 1. signing: plain datasketch loop vs vectorised, on the same normalised texts
    norms, t_norm = timed(lambda: [normalise(d.text) for d in base])
    nb = min(args.baseline_n or args.n, args.n)
    perms = MinHash(num_perm=params.num_perm, seed=params.seed).permutations

    def plain_loop() -> None:
        for t in norms[:nb]:
            m = MinHash(num_perm=params.num_perm, seed=params.seed, permutations=perms, scheme="affine32")
            m.update_batch([s.encode("utf-8") for s in shingles(t, params.shingle)])

    _, t_plain = timed(plain_loop)
    hasher = MinHasher(params.num_perm, params.seed)
    signed, t_vec = timed(lambda: hasher.sign_texts(norms, params.shingle))
    check = min(200, nb)
    for i in range(check):  # the two paths give the same signatures
        m = MinHash(num_perm=params.num_perm, seed=params.seed, hashfunc=shingle_hash32)
        m.update_batch(shingles(norms[i], params.shingle))
        assert np.array_equal(m.hashvalues, signed[0][i])
    signed, norms = None, []  # free the memory before the build
    print(f"sign: plain {t_plain:.1f} s for {nb}, vectorised {t_vec:.1f} s for {args.n}", flush=True)
    rows.append(("normalise (both paths)", f"{t_norm:.1f} s", f"{t_norm / args.n * 1e3:.3f} ms/article"))
    rows.append((f"plain loop: datasketch MinHash.update_batch per article ({nb:,} articles)", f"{t_plain:.1f} s",
                 f"{t_plain / nb * 1e3:.3f} ms/article"))
    rows.append((f"vectorised MinHasher, same signatures ({args.n:,} articles)", f"{t_vec:.1f} s",
                 f"{t_vec / args.n * 1e3:.4f} ms/article, {t_plain / nb / (t_vec / args.n):.0f}× faster"))

    # 2. index build from text: small, then full
    small = base[: args.small]
    # best of three: on a shared machine one short run is easily hit by a neighbour's burst
    t_small = min(timed(lambda: DedupIndex(params).add(small))[1] for _ in range(3))
    gc.collect()
    before = peak_rss_mb()
    index = DedupIndex(params)
    result, t_build = timed(lambda: index.add(base))
    peak = peak_rss_mb()
    clusters = len({a.cluster for a in result.assignments})
    print(f"build: {args.small} in {t_small:.1f} s, {args.n} in {t_build:.1f} s, peak RSS {peak:.0f} MB", flush=True)
    rows.append((f"index build from text, {args.small:,} articles (add: sign, LSH, verify, cluster; best of 3)",
                 f"{t_small:.1f} s", f"{t_small / args.small * 1e3:.3f} ms/article"))
    rows.append((f"index build from text, {args.n:,} articles", f"{t_build:.1f} s",
                 f"{t_build / args.n * 1e3:.3f} ms/article; growth ×{t_build / t_small:.1f} for "
                 f"×{args.n / args.small:.0f} articles"))
    rows.append(("  LSH candidate pairs / after MinHash prefilter (verified)",
                 f"{result.candidates_found:,} / {result.candidates_checked:,}",
                 f"{len(result.edges):,} edges, {clusters:,} clusters"))
    rows.append(("peak RSS: after corpus / before build / after build", f"{peak:.0f} MB",
                 f"{rss_corpus:.0f} MB / {before:.0f} MB / {peak:.0f} MB"))

    # 3. rebuild from stored rows
    records = [index.signature_record(d.id) for d in base]
    edges = index.edges()
    rebuilt, t_rows = timed(lambda: DedupIndex.from_rows(records, edges, params))
    rows.append((f"DedupIndex.from_rows ({args.n:,} signature rows, {len(edges):,} edges)", f"{t_rows:.1f} s",
                 f"{t_rows / args.n * 1e3:.3f} ms/article"))
    index = result = None  # free the memory before adding
    gc.collect()

    # 4. add new articles to the rebuilt index
    texts = {d.id: d.text for d in corpus}
    added, t_add = timed(lambda: rebuilt.add(new, lambda ids: {i: texts[i] for i in ids}))
    rows.append((f"add {args.new:,} new articles to the {args.n:,} index", f"{t_add:.2f} s",
                 f"{t_add / args.new * 1e3:.2f} ms/article; {added.candidates_found} candidates, "
                 f"{added.candidates_checked} verified, "
                 f"{len(added.edges)} edges"))

    # 5. queries
    probe = [d.text for d in base[: min(1000, args.n)]]
    _, t_q = timed(lambda: [rebuilt.query(t) for t in probe])
    rows.append((f"query (candidates for one text), mean of {len(probe)}", f"{t_q / len(probe) * 1e3:.2f} ms",
                 ""))
    rows.append(("process peak RSS (whole run)", f"{peak_rss_mb():.0f} MB", ""))

    lines = [
        "# Dedup scale benchmark (generated by `benchmarks/bench_dedup_scale.py`)\n",
        f"`--n {args.n} --new {args.new} --small {args.small}`; articles assembled from real sentences, mean "
        f"{chars / args.n:.0f} characters, 2 % edited copies. One core, {platform.python_version()}, numpy "
        f"{np.__version__}, {platform.machine()}. Parameters: {params.fingerprint()}, LSH {params.bands}×"
        f"{params.rows}, Jaccard ≥ {params.min_jaccard}.\n",
        "| step | time | detail |",
        "|---|---|---|",
        *[f"| {a} | {b} | {c} |" for a, b, c in rows],
        "",
        "Goals (issue #6): build ≤ 2 min and ≤ 2 GB on one core, faster than the plain loop; adding 1,000 ≤ 5 s; "
        "100k ≤ 12 × the 10k time.",
        "",
        f"Notes: the sentence pool has {len(sentence_pool())} real sentences, so two unrelated benchmark articles "
        "share a sentence or two and LSH candidate pairs grow with the square of the corpus (×100 from 10k to "
        "100k); the MinHash prefilter (a pass over the signatures' low bytes, then the exact 128-slot estimate "
        "on the few left) removes all but the real duplicates before any text is read. The machine is shared "
        "with other jobs: timings vary by up to 2× between runs; load average (1/5/15 min) at the start "
        f"{'/'.join(f'{x:.2f}' for x in load_start)}, at the end "
        f"{'/'.join(f'{x:.2f}' for x in os.getloadavg())} ({os.cpu_count()} CPUs).",
    ]
    text = "\n".join(lines) + "\n"
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(text, "utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
