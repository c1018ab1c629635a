"""Run ``extract`` on the five seed articles and score them with the shared scorer.

Usage: python benchmarks/score_seeds.py [--seeds DIR] [--eval DIR] [--out PRED.jsonl] [--json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

from pipelines.domain.indicators import extract

SHARED = Path("/work/shared")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seeds", type=Path, default=SHARED / "seeds")
    ap.add_argument("--eval", type=Path, default=SHARED / "eval")
    ap.add_argument("--out", type=Path, default=Path("benchmarks/results/seed_predictions.jsonl"))
    ap.add_argument("--json", action="store_true", help="print the scorer's full JSON result")
    args = ap.parse_args(argv)
    docs = json.loads((args.eval / "docs.json").read_text(encoding="utf-8"))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as out:
        for name, date in sorted(docs.items()):
            text = (args.seeds / name).read_text(encoding="utf-8")
            for ind in extract(text, dt.date.fromisoformat(date)):
                row = {"doc": name, **ind.to_contract()}
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    cmd = [sys.executable, str(args.eval / "score_indicators.py"), str(args.eval / "gold.jsonl"), str(args.out)]
    if args.json:
        cmd.append("--json")
    return subprocess.call(cmd)


if __name__ == "__main__":
    raise SystemExit(main())
