"""Issue #7: the Dagster UI of `ganpo ui --replica`, seen in a real browser (Debian's headless Chromium).

A partition materialized by `ganpo run` shows up in the running UI (one instance, storage in PostgreSQL).
Screenshots go to test-artifacts/ for a human to look at.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest

from tests.e2e.ui_server import GANPO, LOCATION, REPOSITORY, UiServer

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
DATE, PAPER = "2023-11-23", "shangrao"
ASSETS = ("raw_pages", "articles", "indicators")


@pytest.fixture
def page() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (CI installs Debian's `chromium` package in .ci/run)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1600, "height": 1000})
            page.set_default_timeout(60_000)  # two CPUs shared with the webserver, the daemon and a run
            yield page
        finally:
            browser.close()


def test_ui_shows_the_asset_graph_and_a_materialized_partition(ui: UiServer, page, database: str) -> None:
    from playwright.sync_api import expect

    expect.set_options(timeout=60_000)
    ARTIFACTS.mkdir(exist_ok=True)
    run = subprocess.run(
        [*GANPO, "run", "--replica", "--date", DATE, "--paper", PAPER],
        cwd=ui.log_path.parent, env=os.environ.copy(), capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    with psycopg.connect(database) as conn:
        (run_id,) = conn.execute("SELECT DISTINCT dagster_run_id FROM indicators").fetchone()
    # The first visit to a UI on localhost opens a "join the community" dialog over the page; mark it seen.
    assert ui.graphql("mutation { setNuxSeen }") == {"setNuxSeen": True}

    # The asset group's lineage: three nodes, left to right in the order the data flows.
    page.goto(f"{ui.url}/locations/{REPOSITORY}@{LOCATION}/asset-groups/ingest")
    nodes = {name: page.locator(f'svg foreignObject [data-tooltip="{name}"]') for name in ASSETS}
    for node in nodes.values():
        expect(node).to_be_visible()
    expect(page.get_by_text("Asset Group in")).to_be_visible()
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(ARTIFACTS / "ui-asset-graph.png"))
    left = {name: node.bounding_box()["x"] for name, node in nodes.items()}
    assert left["raw_pages"] < left["articles"] < left["indicators"], left

    # The partition `ganpo run` materialized: selected on the indicators asset's partitions tab.
    key = f"{DATE}|{PAPER}"
    page.goto(f"{ui.url}/assets/indicators?view=partitions&partition={quote(key)}")
    header = page.locator(f'[data-tooltip="{key}"]')  # the detail panel's title row: key and status tag
    expect(header).to_be_visible()
    expect(header.locator('[data-tooltip="Materialized"]')).to_have_text("Materialized")
    expect(page.get_by_text(run_id[:8], exact=True)).to_be_visible()  # the run that materialized it
    expect(page.get_by_text("Materialized (1)", exact=True)).to_be_visible()  # and no other partition
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(ARTIFACTS / "ui-partition.png"))
