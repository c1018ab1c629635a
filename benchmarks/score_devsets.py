"""Score ``extract`` on the development sets in ``benchmarks/devsets`` with the shared scorer.

The seeds measure the rules on the five articles they were first written for; these sets measure how they carry
over to text they were not written for (see ``benchmarks/devsets/README.md``). Writes a table to
``benchmarks/results/devsets.md``.

Usage: python benchmarks/score_devsets.py [--eval DIR] [--corpus DIR] [--out FILE]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pipelines.domain.indicators import EXTRACTOR_VERSION, extract

SHARED = Path("/work/shared")
DEVSETS = Path(__file__).parent / "devsets"
# What each set holds (its folder's NOTES.md lists the annotator's judgement calls).
ABOUT: dict[str, str] = {
    "round5": "statistical reports (trade, budget, credit, tourism, energy, farming …)",
    "round6": "feature stories (zones, villages, companies, projects; HTML and front matter)",
    "round7": "mixed economy-page articles (county reports, results, projects, holidays, meetings)",
    "round8": "held out: written after the rules were frozen, scored without looking at its misses",
    "round9": "subjects and periods that change within an article",
    "round10": "long features in the seeds' genre",
    "round11": "county reports, a press conference, signings, farming, credit, a holiday, a work report",
    "round12": "held out: kept aside while rounds 13–17 were worked on, scored once with the final rules, misses "
    "never looked at",
    "round13": "a county's half year, investment, cars and batteries, lotus farming, a holiday, a bank, customs, "
    "jobs, housing, energy, a short news item, a photo caption, a comment",
    "round14": "budget, consumption, grain and pigs, innovation, foreign capital, transport, digital economy, an "
    "interview, a 一图读懂 list, market entities, public services, a zone's half year, a short item",
    "round15": "close to real pages: a leader's visit, a groundbreaking, an entrepreneur, a village in Chinese "
    "numerals, a monthly release, a work report, red tape, a fair, a chain, a bank, a harvest, a job fair",
    "round16": "hard constructions: quarters and cumulative periods, prices, energy units, comparisons with the "
    "city and province, dense 分别 lists, annual results, holidays, villages, a fair, a work report, a 数说 box",
    "round17": "long features like the seeds: zones and their chains, a county's industry, a full park, red tape "
    "through one project, a township, a project push, innovation, an inland port, a zone's three years",
    "round18": "held out: written blind this stop, kept aside unread while rounds 19–20 drove the rules, scored "
    "once with the final rules, misses never looked at",
    "round19": "subjects and metric names: a county and its towns, a zone's firms by short name, a group and its "
    "plants, a city against its counties, a bank, a mall, a cooperative, an unnamed city, a listed company",
    "round20": "metric names and periods: monthly and quarterly releases, a five-year review, a January review, a "
    "bank, fiscal revenue, electricity, a harvest, a holiday, one firm's month, retail by category, a port, a box",
    "round21": "periods as real pages write them: cumulative months spelt several ways, January reviews, 上年同期 "
    "levels, plan progress, spans since a plan or congress, holidays over two months, the summer, a box of labels",
    "round22": "subjects and metric names: a zone's firms by full and short name, a county's towns and villages, a "
    "group's plant, city against province, industrial chains, a bank, a holiday market, a dateline-only county",
    "round23": "metric names as pages write them: before or after the number, from a verb, abbreviated, scoped, per "
    "unit, prices, rates, kinds counted, thresholds, capacities, durations, shared nouns in lists",
    "round24": "as close to the e-paper pages as possible: a front-page lead, a long feature, datelines, briefs, "
    "captions, an interview, a commentary, a listing, a village, transport, a holiday, energy, a page of traps",
    "round26": "stocks against flows: balances, totals and capacities at a date beside what was done over a period, "
    "changes since January or a year's end, cumulatives since a plan or a start, a January review, a box",
    "round27": "long features like the seeds (a zone's year, a county's tea, a city's new-energy chains, a village, a "
    "company's move, a transport hub) and short pieces (a release, a holiday, a bank, a signing, a box, traps)",
    "round28": "rural and livelihood stories whose figures belong in turn to people, households, cooperatives, "
    "villages, towns, companies and banks",
    "round29": "departmental releases as the papers print them: monthly, quarterly and yearly statistics, finance, "
    "fiscal, customs, tourism, industry, market entities, prices, jobs, housing, transport",
    "round25": "held out: written blind this stop, kept aside unread while rounds 26–31 drove the rules, scored once "
    "at the end",
    "round30": "targets, plans and forecasts next to actuals: a work report, a mid-year progress report, a firm's "
    "expansion, a zone's plan, livelihood projects, a holiday forecast, a five-year plan, an interview, a bank",
    "round31": "a week of ordinary news: a groundbreaking, a job fair, a harvest, an export order, a village bank's "
    "loan, tax cuts, a trade fair, market prices, a holiday, a road, a science park, e-commerce, a county's months",
    "round32": "town and county economy as the pages mix it: a township, a county's quarter, a company's line, a "
    "cooperative, county lending, a holiday, a logistics hub, a site visit, prices, briefs, a 数说 box, a long feature",
    "round34": "held out: written blind at the start of stop 16 (an ordinary month of economy and front pages), kept "
    "aside unread while rounds 35–36 drove the rules, scored once at the end",
    "round35": "whose figure it is: a county, its park, towns and companies by full and short name; a city against the "
    "province and the country; events and what was signed at them; a village's cooperative; a bank branch",
    "round36": "periods left implicit: a headline's period, cumulative against single months, stocks beside flows, "
    "上年为 bases, 十三五 spans, events by day, reviews in January and February, early-month publication",
    "round37": "the seeds' genres as the seeds' annotator writes them: site reports, a zone's review with boxes, zone "
    "features, a city's industrial push, a carmaker, a solar maker, an investment feature, short items",
    "round38": "county pages: datelined items, a county named late or never, half years, a village, jobs, tourism, "
    "a village bank, a county's annual figures, a township, works in two counties, an interview, a holiday",
    "round39": "the service economy and consumption: retail, vouchers, housing and land, consumer credit, "
    "live-streaming, parcels, a night market, county commerce, sports events, new energy vehicles, CPI",
    "round40": "features in the seeds' genre, mostly 赣南日报's: zones' half years with boxes, site visits, a firm's "
    "growth in quotes, chain-leader reports, optics, tungsten and copper",
    "round41": "metric names in ordinary news: nouns before and after the number, from verbs, abbreviated, scoped, "
    "其中 breakdowns, shares of a whole, per-unit figures, rates in 个百分点, growth named after its level",
    "round42": "industry and investment week by week: a park and its firms, signings and groundbreakings, a zone's "
    "investment against its plan, a firm's output and lines, capacities, technology upgrades, industrial power",
    "round43": "a front page and a county page of any weekday: releases, meetings that set targets, features, "
    "livelihood projects, photo captions, columns of short items with datelines",
    "round56": "held out: written blind at the start of stop 19 (a typical week of both papers' economy pages), kept "
    "aside unread while rounds 53–55, 57 and 58 drove the rules, first scored at -276, misses never looked at",
    "round50": "held out: written blind at the start of stop 18 (an ordinary month of economy and front pages), kept "
    "aside unread while rounds 48–52 drove the rules, first scored at -264, misses never looked at",
    "round44": "held out: written blind at the start of stop 17 (an ordinary month of economy and front pages), kept "
    "aside unread while rounds 41–43 and 45–47 drove the rules, scored once at the end",
    "round45": "rural economy and livelihoods: a township's industries, village collectives, cooperatives and their "
    "members, farmers in quotes, harvests and prices per 斤 and 亩, relief workshops, rural roads and water",
    "round46": "departmental releases and their periods: monthly and quarterly statistics, fiscal, customs, credit, "
    "tax, electricity, a holiday, housing, jobs, a January statistical bulletin, a 数说 box",
    "round47": "companies and their people: site visits, a listed firm's quarter, founders in quotes, a bank branch, "
    "logistics, a mall, a start-up, a firm that moved county, a subsidiary and its parent, short and full names",
    "round48": "statistical releases where the metric's name carries the meaning: sub-categories beside their totals "
    "(loans, income, trade, retail, value added, power, tax), rates and ratios, per-unit figures",
    "round49": "feature stories and news items: zones, firms, cooperatives, villages and projects with targets, "
    "capacities and thresholds; subjects that change within a paragraph; a story's past beside this year",
    "round51": "rural economy and livelihoods: pickers, growers and workers quoting their own pay and income, "
    "cooperatives, dividends, village collectives, prices per 斤, harvests, live-streaming, rural roads and water",
    "round52": "companies and their people: site visits, founders quoted, firms moved from another province, listed "
    "companies' results, parents and subsidiaries by full and short names, banks lending, done beside planned",
    "round53": "industry and enterprise news: factory visits, parks' half-year reports, exports in 美元, capacities, "
    "staff, R&D and patents; firms in full then short; parents and subsidiaries; project phases and targets",
    "round54": "county and district reviews and bulletins: GDP and its sectors, industry, investment, retail, fiscal "
    "revenue, deposits and loans, trade, income, CPI; 当月 beside cumulative months, 个百分点 gaps, ranks, targets",
    "round55": "services, consumption and tourism: holidays, weekly property sales, single days, 春运, an airport "
    "and a port, car sales, hotels and catering, retail, parcels, a homestay feature; 同比 beside 环比",
    "round57": "agriculture and the county economy: oranges, rice, tea, pigs, broilers; a village bank's year end, "
    "farm insurance, village collectives, family farms, cooperatives; towns listed with 分别 and ranked; goals",
    "round58": "investment projects and infrastructure: groundbreaking and signing days, roads and railways, a park, "
    "wind, solar and storage, schools, water works, a hospital; plans beside what is done",
    "round33": "how numbers are written: vague and Chinese numerals (三四千元, 上百台), percentages in words, 成 and "
    "倍, ranges in many forms, full-width digits, separators, a printed minus sign, declines spelt many ways",
}
COLUMNS = ("precision", "recall_core", "f1_core", "metric_acc", "subject_acc", "period_acc", "yoy_acc",
           "target_acc", "qualifier_acc")


@dataclass(frozen=True)
class DevSet:
    name: str
    what: str
    texts: Path  # where the gold's ``doc`` paths are read from
    dates: dict[str, str]  # doc → publication date
    gold: Path


def devsets(corpus: Path) -> list[DevSet]:
    out = []
    folders = [p for p in DEVSETS.iterdir() if (p / "dates.json").exists()]
    for folder in sorted(folders, key=lambda p: (len(p.name), p.name)):  # round5 … round10
        dates = json.loads((folder / "dates.json").read_text(encoding="utf-8"))
        out.append(DevSet(folder.name, ABOUT.get(folder.name, ""), folder, dates, folder / "gold.jsonl"))
    manifest = corpus / "manifest.jsonl"
    if manifest.exists():  # real articles: the texts stay in the shared corpus, only the annotation is ours
        rows = [json.loads(line) for line in manifest.read_text(encoding="utf-8").splitlines() if line.strip()]
        out.append(DevSet("corpus", "the 8 real articles of the shared corpus", corpus,
                          {r["file"]: r["published"] for r in rows}, DEVSETS / "corpus" / "gold.jsonl"))
    return out


def score(ds: DevSet, scorer: Path) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as pred:
        for doc, date in sorted(ds.dates.items()):
            text = (ds.texts / doc).read_text(encoding="utf-8")
            for ind in extract(text, dt.date.fromisoformat(date)):
                pred.write(json.dumps({"doc": doc, **ind.to_contract()}, ensure_ascii=False) + "\n")
    run = subprocess.run([sys.executable, str(scorer), str(ds.gold), pred.name, "--json"],
                         capture_output=True, text=True, check=True)
    Path(pred.name).unlink()
    result, _ = json.JSONDecoder().raw_decode(run.stdout)  # (the summary line follows the JSON)
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval", type=Path, default=SHARED / "eval", help="folder of score_indicators.py")
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus", help="the shared corpus (real articles)")
    ap.add_argument("--out", type=Path, default=Path(__file__).parent / "results" / "devsets.md")
    args = ap.parse_args(argv)
    scorer = args.eval / "score_indicators.py"
    rows = []
    for ds in devsets(args.corpus):
        res = score(ds, scorer)
        rows.append((ds, res))
        print(f"{ds.name}: " + " ".join(f"{c}={res.get(c, 0):.3f}" for c in COLUMNS), file=sys.stderr)
    lines = [
        "# Indicator extraction on the development sets",
        "",
        f"Generated by `benchmarks/score_devsets.py` on {dt.date.today()}, extractor {EXTRACTOR_VERSION}, "
        f"Python {platform.python_version()}; scored with `score_indicators.py` of the shared eval folder.",
        "",
        "| set | articles | gold (core) | predictions | " + " | ".join(COLUMNS) + " |",
        "|---|---:|---:|---:|" + "---:|" * len(COLUMNS),
    ]
    for ds, res in rows:
        lines.append(
            f"| {ds.name}: {ds.what} | {len(ds.dates)} | {res['gold']} ({res['gold_core']}) | {res['predictions']} | "
            + " | ".join(f"{res.get(c, 0):.2f}" for c in COLUMNS) + " |"
        )
    lines += ["", "What the sets are, and how far they are held out, is in `benchmarks/devsets/README.md`.", ""]
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
