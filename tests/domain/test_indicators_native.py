"""The compiled indicator rules (pipelines/native.py): loaded only when built from the sources as they are, and
giving the same records as the Python source on every real article the repository holds."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipelines import native
from pipelines.domain.indicators import extract
from pipelines.paths import PROJECT_ROOT
from tests.conftest import REAL_TEXTS


@pytest.fixture(autouse=True)
def _without_ganpo_pure(monkeypatch: pytest.MonkeyPatch) -> None:
    """The loading rules are tested as a plain run sees them, whatever GANPO_PURE the test run itself has."""
    monkeypatch.delenv(native.PURE_ENV, raising=False)


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    (src / "__init__.py").write_text("# the package's own: never compiled\n")
    (src / "rules.py").write_text("X = 1\n")
    return src


def built(sources: Path, build_dir: Path) -> None:
    """What a successful build leaves: its modules' folder and the digest of the sources it compiled."""
    native.module_dir(build_dir).mkdir(parents=True)
    (build_dir / "sources.sha256").write_text(native.source_digest(sources) + "\n")


def test_a_build_of_the_current_sources_is_used(sources: Path, tmp_path: Path) -> None:
    build_dir = tmp_path / "build"
    built(sources, build_dir)
    assert native.current_build(sources, build_dir) == native.module_dir(build_dir)


def test_no_build_means_the_python_source(sources: Path, tmp_path: Path) -> None:
    assert native.current_build(sources, tmp_path / "nothing built") is None


def test_an_edited_rule_is_never_shadowed_by_an_older_build(sources: Path, tmp_path: Path) -> None:
    build_dir = tmp_path / "build"
    built(sources, build_dir)
    (sources / "rules.py").write_text("X = 2\n")
    assert native.current_build(sources, build_dir) is None


def test_a_new_module_makes_the_build_out_of_date(sources: Path, tmp_path: Path) -> None:
    build_dir = tmp_path / "build"
    built(sources, build_dir)
    (sources / "more_rules.py").write_text("Y = 1\n")
    assert native.current_build(sources, build_dir) is None


def test_the_package_init_is_not_part_of_the_digest(sources: Path) -> None:
    before = native.source_digest(sources)
    (sources / "__init__.py").write_text("# edited\n")
    assert native.source_digest(sources) == before
    assert [p.name for p in native.compiled_sources(sources)] == ["rules.py"]


def test_an_older_build_finishing_last_never_replaces_a_current_one(sources: Path, tmp_path: Path) -> None:
    """Two builds at once, the sources edited between their starts: the one of the older sources is dropped."""
    build_dir = tmp_path / "build"
    older = native.source_digest(sources)
    (sources / "rules.py").write_text("X = 2\n")
    built(sources, build_dir)  # the later build finished first
    assert native.superseded(older, sources, build_dir)
    assert not native.superseded(native.source_digest(sources), sources, build_dir)  # (a build of these sources)
    assert not native.superseded(older, sources, tmp_path / "nothing built")  # (nothing current to keep)


def test_ganpo_pure_keeps_the_python_source(sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build_dir = tmp_path / "build"
    built(sources, build_dir)
    monkeypatch.setenv(native.PURE_ENV, "1")
    assert native.current_build(sources, build_dir) is None
    monkeypatch.setenv(native.PURE_ENV, "0")
    assert native.current_build(sources, build_dir) == native.module_dir(build_dir)


def _articles() -> list[tuple[str, str, str]]:
    """(name, text, publication date) of the real articles in the repository: the seeds and corpus bundled with the
    replica, and the development sets' articles."""
    out = []
    for path in sorted(REAL_TEXTS.rglob("*.txt")):
        out.append((str(path.relative_to(REAL_TEXTS)), path.read_text(encoding="utf-8"), "2023-10-20"))
    for dates_file in sorted((PROJECT_ROOT / "benchmarks" / "devsets").glob("*/dates.json")):
        for name, date in sorted(json.loads(dates_file.read_text(encoding="utf-8")).items()):
            path = dates_file.parent / name
            out.append((str(path.relative_to(PROJECT_ROOT)), path.read_text(encoding="utf-8"), date))
    return out


_PURE_EXTRACT = """
import datetime as dt, json, sys
from pipelines.domain.indicators import extract
articles = json.load(sys.stdin)
json.dump([[list(r) for r in extract(text, dt.date.fromisoformat(date))] for _, text, date in articles], sys.stdout)
"""


@pytest.mark.skipif(native.current_build() is None, reason="no native build of these sources (make native)")
def test_the_compiled_rules_give_what_the_python_source_gives() -> None:
    module = sys.modules["pipelines.domain.indicators.extract"]
    assert Path(module.__file__ or "").suffix == ".so", "the package loaded the Python source beside a current build"
    articles = _articles()
    assert len(articles) > 400
    pure = subprocess.run(
        [sys.executable, "-c", _PURE_EXTRACT], input=json.dumps(articles), capture_output=True, text=True,
        env={**os.environ, native.PURE_ENV: "1"}, check=True, cwd=PROJECT_ROOT,
    )
    expected = json.loads(pure.stdout)
    for (name, text, date), want in zip(articles, expected, strict=True):
        got = [list(r) for r in extract(text, dt.date.fromisoformat(date))]
        assert got == want, name
