"""The `ganpo` command's contracts that other tools read: `extract` and `dedup` formats, and help everywhere."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REAL_TEXTS

GANPO = [sys.executable, "-m", "pipelines.cli"]
CONTRACT_FIELDS = [
    "start", "end", "text", "value", "unit", "value_base", "base_unit", "kind", "metric", "subject", "period",
    "yoy_pct", "qualifier", "target", "sentence",
]  # fmt: skip


def ganpo(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*GANPO, *args], input=stdin, capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.parametrize(
    "command", [[], ["run"], ["db"], ["extract"], ["dedup"], ["sites", "check"], ["trace"], ["ui"]]
)
def test_every_command_has_help(command: list[str]) -> None:
    result = ganpo(*command, "--help")
    assert result.returncode == 0 and "usage: ganpo" in result.stdout


def test_extract_prints_contract_lines_with_offsets_into_the_file(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("全市完成固定资产投资120亿元，同比增长8.5%。\n", encoding="utf-8")
    result = ganpo("extract", str(article), "--published", "2024-05-17")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(list(row) == CONTRACT_FIELDS for row in rows)
    text = article.read_text(encoding="utf-8")
    assert all(text[row["start"] : row["end"]] == row["text"] for row in rows)


def test_extract_on_an_unreadable_file_is_one_clear_error(tmp_path: Path) -> None:
    broken = tmp_path / "gbk.txt"
    broken.write_bytes("全市".encode("gbk"))
    result = ganpo("extract", str(broken), "--published", "2024-05-17")
    assert result.returncode == 2 and "Traceback" not in result.stderr and "cannot read" in result.stderr


def test_dedup_prints_one_line_per_input_with_id_cluster_canonical(tmp_path: Path) -> None:
    story = (REAL_TEXTS / "seeds" / "000_f1246b32f9273128.txt").read_text(encoding="utf-8")
    other = (REAL_TEXTS / "seeds" / "001_f0f9eb8d12a6b092.txt").read_text(encoding="utf-8")
    rows = [
        {"id": "a", "text": story, "published": "2023-11-23", "paper": "shangrao"},
        {"id": "b", "text": other, "published": "2023-05-20", "paper": "shangrao"},
        {"id": "c", "text": story + "\n编辑：某某", "published": "2023-11-24", "paper": "gannan"},
    ]
    source = tmp_path / "articles.jsonl"
    source.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    result = ganpo("dedup", str(source))
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [list(o) for o in out] == [["id", "cluster", "canonical"]] * 3
    by_id = {o["id"]: o for o in out}
    assert by_id["a"]["cluster"] == by_id["c"]["cluster"] != by_id["b"]["cluster"]
    assert by_id["a"]["canonical"] == by_id["c"]["canonical"] == "a"  # the earlier edition
    assert ganpo("dedup", "-", stdin=source.read_text(encoding="utf-8")).stdout == result.stdout


def test_sites_check_reports_every_profile_against_the_replica() -> None:
    result = ganpo("sites", "check", "--date", "2023-11-23", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert {r["profile"] for r in report} == {"srxww_old", "srxww_new", "gnrbs_epaper", "newskj"}
    for profile in report:
        assert profile["ok"] and profile["pages"]
        counts = [s["count"] for page in profile["pages"] for s in page["selectors"].values()]
        assert any(n > 0 for n in counts)
