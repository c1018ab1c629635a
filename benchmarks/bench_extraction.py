"""Throughput of ``extract`` beside trafilatura on the same articles, plus hostile inputs.

Reported numbers, not a timed test.  Run: ``python benchmarks/bench_extraction.py [--n 2000]
[--out benchmarks/results/extraction.md]``.  Everything runs in this one process on one core.

trafilatura is timed twice on the same 5 seed articles: on each article's page as the replica serves it
(the site's HTML: same templates and structure as the live pages), and as the pipeline calls it
(``pipelines.domain.clean.body_text`` on the body HTML the page parser cut out).  The three take turns, a
twentieth of the articles at a time, so a machine whose speed drifts during the run skews no ratio between them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

from pipelines import native
from pipelines.domain.indicators import EXTRACTOR_VERSION, extract

SHARED = Path("/work/shared")


def _seeds(seeds: Path, eval_dir: Path) -> list[tuple[str, dt.date]]:
    docs = json.loads((eval_dir / "docs.json").read_text(encoding="utf-8"))
    return [((seeds / n).read_text(encoding="utf-8"), dt.date.fromisoformat(d)) for n, d in sorted(docs.items())]


def _seed_pages() -> list[tuple[str, str]]:
    """(url, html) of each seed's e-paper article page as the replica serves it."""
    from urllib.parse import urlsplit

    from ganpo_crawlers.parse import decode_body
    from ganpo_crawlers.replica import manifest, site
    from ganpo_crawlers.replica.texts import seed_articles

    pages = []
    for seed in seed_articles():
        [art] = [a for a in manifest.expected_articles(seed.paper, seed.date) if a.origin == seed.key and
                 "newskj" not in a.host]
        url = urlsplit(art.url)
        page = site.resolve(url.hostname or "", url.path)
        pages.append((art.url, decode_body(page.body, {"content-type": page.content_type})))
    return pages


def _pipeline_bodies(pages: list[tuple[str, str]]) -> list[tuple[str, list[str]]]:
    """The body HTML and paragraphs the pipeline's page parser hands to the cleaning step."""
    from ganpo_crawlers.parse import parse_article
    from ganpo_crawlers.profiles import load_profiles, profile_for_url

    profiles = load_profiles()
    bodies = []
    for url, page_html in pages:
        profile = profile_for_url(url, profiles)
        assert profile is not None, url
        art = parse_article(profile, url, page_html)
        bodies.append((art.body_html or "", art.paragraphs))
    return bodies


def _stages(articles: list[tuple[str, dt.date]]) -> list[tuple[str, float]]:
    """ms/article of each whole-text pass ``extract`` makes before its sentence loop (same order)."""
    from pipelines.domain.indicators.numbers import normalise
    from pipelines.domain.indicators.periods import scan_periods
    from pipelines.domain.indicators.sentences import mask_tags, split_sentences
    from pipelines.domain.indicators.subjects import article_context, entity_candidates

    texts = [mask_tags(normalise(t)) for t, _ in articles]
    contexts = [article_context(t) for t in texts]
    passes = [
        ("normalise", lambda i: mask_tags(normalise(articles[i][0]))),
        ("article context", lambda i: article_context(texts[i])),
        ("sentences", lambda i: split_sentences(texts[i])),
        ("period phrases", lambda i: scan_periods(texts[i])),
        ("subject candidates", lambda i: entity_candidates(texts[i], contexts[i])),
    ]
    return [(name, 1000 * _time(fn, range(len(texts))) / len(texts)) for name, fn in passes]


def _distinct_articles() -> list[tuple[str, dt.date]]:
    """The development sets' articles (benchmarks/devsets), each once: text the caches have not seen."""
    out = []
    for folder in sorted((Path(__file__).parent / "devsets").iterdir()):
        if (folder / "dates.json").exists():
            dates = json.loads((folder / "dates.json").read_text(encoding="utf-8"))
            out += [
                ((folder / doc).read_text(encoding="utf-8"), dt.date.fromisoformat(day))
                for doc, day in sorted(dates.items())
            ]
    return out


def _clear_caches() -> None:
    """Empty the functools caches of the extraction package (number parsing, unit lookup, metric clean-up …)."""
    import importlib
    import pkgutil

    import pipelines.domain.indicators as package

    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        for obj in vars(module).values():
            if callable(getattr(obj, "cache_clear", None)):  # a functools cache
                obj.cache_clear()


def _time(fn, items) -> float:
    t0 = time.perf_counter()
    for it in items:
        fn(it)
    return time.perf_counter() - t0


ROUNDS = 20  # extraction and trafilatura take turns, a twentieth of their articles at a time


def _interleaved(steps, rounds: int) -> list[float]:
    """Seconds each (fn, items) step takes over all its items, timed in turns (a slice of each step's items, then
    the next step's): a machine that slows down or speeds up during the run weighs on every step alike, so the
    ratios between them stay fair."""
    totals = [0.0] * len(steps)
    for r in range(rounds):
        for k, (fn, items) in enumerate(steps):
            n = len(items)
            totals[k] += _time(fn, items[r * n // rounds : (r + 1) * n // rounds])
    return totals


# the same timed loop in a process of its own that loads the rules as Python source (GANPO_PURE=1)
_PURE_LOOP = """
import datetime as dt, json, sys, time
from pipelines.domain.indicators import extract
articles = [(t, dt.date.fromisoformat(d)) for t, d in json.load(sys.stdin)]
for t, d in articles[:5]:
    extract(t, d)
t0 = time.perf_counter()
for t, d in articles:
    extract(t, d)
print(time.perf_counter() - t0)
"""


def _time_as_python(articles: list[tuple[str, dt.date]]) -> float:
    """Seconds the extraction loop takes with the rules run as Python source, not compiled."""
    done = subprocess.run(
        [sys.executable, "-c", _PURE_LOOP], input=json.dumps([(t, d.isoformat()) for t, d in articles]),
        capture_output=True, text=True, check=True, env={**os.environ, native.PURE_ENV: "1"},
    )
    return float(done.stdout)


def _hostile() -> list[tuple[str, str]]:
    mb = 1_000_000
    digits = ("1234567890" * (mb // 10))[:mb]
    han = "经济发展持续向好规上工业增加值增长项目建设加快推进"
    no_punct = (han * (mb // len(han) + 1))[:mb]
    mixed = ("增长12.5亿元" * (mb // 8 + 1))[:mb]
    fenbie = "分别增长" + "、".join(f"{i % 97 + 1}.{i % 10}%" for i in range(10_000)) + "。"
    cn_nums = ("三千二百万" * (mb // 5 + 1))[:mb]
    anaphors = "全市" * (mb // 2)  # one sentence of 500,000 subject words (was quadratic: 78 s at 200 KB)

    def clauses(piece: str, n: int = 200_000) -> str:  # one sentence of a clause repeated
        return (piece * (n // len(piece) + 1))[:n]

    return [
        ("1 MB of digits", digits),
        ("1 MB of Chinese without punctuation", no_punct),
        ("分别 list of 10,000 items", fenbie),
        ("extra: 1 MB of figures without punctuation (125,000 figures; linear, ~25 µs/figure)", mixed),
        ("extra: 1 MB of Chinese numerals without a break (linear)", cn_nums),
        ("extra: 1 MB of subject words (全市) in one sentence (linear)", anaphors),
        # (each of these was quadratic in one version or another: a rule comparing each figure with all the others)
        ("extra: 200 KB sentence of 1名领导、 (a list of one of each)", clauses("1名领导、")),
        ("extra: 200 KB sentence of 鄱阳县24个，分列第一， (ranks after 分列)", clauses("鄱阳县24个，分列第一，")),
        ("extra: 200 KB sentence of 1月以来增长3%， (figures beside period phrases)", clauses("1月以来增长3%，")),
        ("extra: 200 KB sentence of 总投资5亿元建设…项目， (targets)", clauses("总投资5亿元建设年产3万吨建材项目，")),
    ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=2000, help="articles (the seeds repeated)")
    ap.add_argument("--seeds", type=Path, default=SHARED / "seeds")
    ap.add_argument("--eval", type=Path, default=SHARED / "eval")
    ap.add_argument("--out", type=Path, default=Path("benchmarks/results/extraction.md"))
    args = ap.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        try:
            os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
        except OSError:
            pass
    seeds = _seeds(args.seeds, args.eval)
    articles = [seeds[i % len(seeds)] for i in range(args.n)]
    chars = sum(len(t) for t, _ in articles)

    import trafilatura  # imported here: only the benchmark needs it

    from pipelines.domain.clean import body_text

    pages = _seed_pages()
    bodies = _pipeline_bodies(pages)
    page_htmls = [pages[i % len(pages)][1] for i in range(args.n)]
    body_htmls = [bodies[i % len(bodies)] for i in range(args.n)]
    for (t, d), (_, h), (b, ps) in zip(seeds, pages, bodies, strict=True):  # warm-up: regexes, tables
        extract(t, d)
        trafilatura.extract(h, deduplicate=False)
        body_text(b, ps)
    t_ext, t_page, t_body = _interleaved(
        [
            (lambda a: extract(a[0], a[1]), articles),
            (lambda h: trafilatura.extract(h, deduplicate=False), page_htmls),
            (lambda b: body_text(b[0], b[1]), body_htmls),
        ],
        ROUNDS,
    )
    compiled = Path(sys.modules["pipelines.domain.indicators.extract"].__file__ or "").suffix != ".py"
    t_python = _time_as_python(articles)
    n_figs = sum(len(extract(t, d)) for t, d in seeds)

    stage_rows = _stages(articles[: min(len(articles), 500)])

    # the same loop with every cache emptied before each article (none of its strings seen before), and the
    # development sets' articles, each once, after emptying the caches once: how much the repeats help
    cold_n = min(args.n, 500)
    t_cold = _time(lambda a: (_clear_caches(), extract(a[0], a[1])), articles[:cold_n])
    distinct = _distinct_articles()
    _clear_caches()
    t_distinct = _time(lambda a: extract(a[0], a[1]), distinct)
    distinct_chars = sum(len(t) for t, _ in distinct)
    distinct_figs = sum(len(extract(t, d)) for t, d in distinct)
    seed_chars = sum(len(t) for t, _ in seeds)

    hostile_rows = []
    for name, text in _hostile():
        t0 = time.perf_counter()
        res = extract(text, dt.date(2024, 1, 1))
        hostile_rows.append((name, len(text), time.perf_counter() - t0, len(res)))

    rate = args.n / t_ext
    lines = [
        "# Indicator extraction benchmark",
        "",
        f"Generated by `benchmarks/bench_extraction.py` on {dt.date.today().isoformat()}, "
        f"extractor {EXTRACTOR_VERSION}, Python {platform.python_version()}, {platform.machine()}, one core.",
        "",
        f"## Throughput ({args.n} articles: the 5 seeds repeated, {chars / 1e6:.1f} M characters)",
        "",
        "| step | total s | articles/s | ms/article |",
        "|---|---:|---:|---:|",
        f"| `extract(text, published)`, {'compiled (mypyc)' if compiled else 'Python source (no current native build)'}"
        f" | {t_ext:.2f} | {rate:,.0f} | {1000 * t_ext / args.n:.2f} |",
        f"| the same as Python source (`GANPO_PURE=1`, a process of its own) | {t_python:.2f} | "
        f"{args.n / t_python:,.0f} | {1000 * t_python / args.n:.2f} |",
        f"| trafilatura on the article page as served (`trafilatura.extract(page, deduplicate=False)`) | "
        f"{t_page:.2f} | {args.n / t_page:,.0f} | {1000 * t_page / args.n:.2f} |",
        f"| trafilatura as the pipeline calls it (`clean.body_text(body_html)`) | {t_body:.2f} | "
        f"{args.n / t_body:,.0f} | {1000 * t_body / args.n:.2f} |",
        "",
        f"Extraction takes **{100 * t_ext / t_page:.1f} %** of trafilatura's time on the same articles' pages "
        f"and {100 * t_ext / t_body:.1f} % of the pipeline's own trafilatura step (goal ≤ 20 %); "
        f"**{rate:,.0f} articles/s** (goal ≥ 500). {n_figs} figures per pass over the 5 seeds "
        f"({sum(len(h) for _, h in pages) // len(pages):,} characters of HTML per page on average). "
        f"Compiled, extraction runs {t_python / t_ext:.2f} times as fast as the Python source.",
        "",
        "## Without the repeats",
        "",
        "| articles | characters/article | figures/article | ms/article | µs/figure |",
        "|---|---:|---:|---:|---:|",
        f"| the seeds repeated (above) | {seed_chars // len(seeds):,} | {n_figs / len(seeds):.0f} | "
        f"{1000 * t_ext / args.n:.2f} | {1e6 * t_ext / args.n / (n_figs / len(seeds)):.0f} |",
        f"| the seeds, every cache emptied before each article ({cold_n}) | {seed_chars // len(seeds):,} | "
        f"{n_figs / len(seeds):.0f} | {1000 * t_cold / cold_n:.2f} | "
        f"{1e6 * t_cold / cold_n / (n_figs / len(seeds)):.0f} |",
        f"| the {len(distinct)} development-set articles, each once (benchmarks/devsets) | "
        f"{distinct_chars // len(distinct):,} | {distinct_figs / len(distinct):.0f} | "
        f"{1000 * t_distinct / len(distinct):.2f} | {1e6 * t_distinct / distinct_figs:.0f} |",
        "",
        f"(One pass over {len(distinct)} short articles is a small sample: ± 20 % from run to run.)",
        "",
        "## Where the time goes (ms/article)",
        "",
        "| stage | ms/article |",
        "|---|---:|",
        *[f"| whole-text pass: {name} | {ms:.3f} |" for name, ms in stage_rows],
        f"| sentence loop: figures and their rules (the rest of `extract`) | "
        f"{1000 * t_ext / args.n - sum(ms for _, ms in stage_rows):.3f} |",
        "",
        "## Hostile input (each must finish well under a second)",
        "",
        "| input | characters | seconds | figures |",
        "|---|---:|---:|---:|",
        *[f"| {n} | {c:,} | {s:.3f} | {k:,} |" for n, c, s, k in hostile_rows],
        "",
        "## Notes",
        "",
        f"- Load average when the run ended: {', '.join(f'{x:.1f}' for x in os.getloadavg())} "
        f"on {os.cpu_count()} CPUs (other work was running; extraction and trafilatura take turns, so they share it).",
        "- All rules look at most `CONTEXT_WINDOW` (120) characters around a figure, so the cost is linear in",
        "  the input; no pattern has nested quantifiers (no catastrophic backtracking).",
        "- Small pure helpers are cached (number parsing, unit lookup, metric clean-up); the seeds repeated hit",
        "  those caches more often than new text does: the table above gives the rates without the repeats.",
        "- The seeds are dense: ~63 figures per article, each going through ~20 small rules (metric, subject,",
        "  period, yoy, target). After eight speed passes with byte-identical output the Python profile is flat;",
        "  compiled, about 40 % of the time is in the regex engine, most of it in the whole-text passes above",
        "  (period phrases and subject candidates: alternations of many phrases tried at every candidate",
        "  character), which compiling cannot speed up. ≤ 20 % of trafilatura would take a different design",
        "  (fewer rules per figure, or phrase tables matched by an automaton instead of the regex engine).",
        "",
    ]
    report = "\n".join(lines)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report, encoding="utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
