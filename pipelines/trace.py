"""`ganpo trace`: an indicator's lineage, from the figure in its sentence back to the Dagster run."""

from __future__ import annotations

from typing import Any

import psycopg
from psycopg.rows import dict_row

from pipelines.store.queries import sql


def lineage(conn: psycopg.Connection, indicator_id: int) -> dict[str, Any] | None:
    return conn.cursor(row_factory=dict_row).execute(sql("trace_indicator"), {"indicator_id": indicator_id}).fetchone()


def mark_figure(sentence: str, start: int, end: int, sentence_start: int) -> str:
    """The sentence with the figure's span between 【 and 】."""
    a, b = start - sentence_start, end - sentence_start
    return f"{sentence[:a]}【{sentence[a:b]}】{sentence[b:]}"


def format_lineage(t: dict[str, Any]) -> str:
    yoy = f", 同比 {t['yoy_pct']:+g}%" if t["yoy_pct"] is not None else ""
    target = " (target)" if t["target"] else ""
    lines = [
        f"indicator {t['indicator_id']}: {t['metric'] or '?'} = {t['value']:g} {t['unit']}"
        f" → {t['value_base']:g} {t['base_unit']}{yoy}{target}",
        f"  subject {t['subject'] or '?'}, period {t['period'] or '?'}, kind {t['kind']}, "
        f"extractor {t['extractor_version']}, source {t['source']}",
        f"  sentence [{t['sentence_start']}:{t['sentence_end']}]: "
        f"{mark_figure(t['sentence'], t['start_offset'], t['end_offset'], t['sentence_start'])}",
        f"← article {t['article_id']}: {t['title']}",
        f"  {t['paper']} {t['edition_date']} ({t['origin']}), layout {t['layout_no'] or '-'} "
        f"{t['layout_name'] or ''}".rstrip(),
        f"  {t['article_url']}  (Dagster run {t['article_run_id']})",
        f"← raw page {t['raw_page_id']}: HTTP {t['http_status']}, fetched {t['fetched_at']:%Y-%m-%d %H:%M:%S%z}, "
        f"sha256 {(t['content_hash'] or '')[:16]}…",
        f"  archive {t['archive_path']} @ offset {t['archive_offset']}",
        f"← crawl run {t['crawl_run_id']} ({t['crawl_status']}, started {t['crawl_started_at']:%Y-%m-%d %H:%M:%S%z})",
        f"← Dagster runs: crawl {t['crawl_dagster_run_id']}, indicators {t['indicator_run_id']}",
    ]
    if len(t["raw_page_ids"]) > 1:
        lines.insert(6, f"  joined from raw pages {', '.join(map(str, t['raw_page_ids']))}")
    return "\n".join(lines)
