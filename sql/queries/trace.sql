-- Statements behind `ganpo trace`: one indicator's lineage, following foreign keys only.

-- name: trace_indicator
SELECT
    i.id AS indicator_id, i.span_text, i.value, i.unit, i.value_base, i.base_unit, i.kind, i.metric,
    i.subject, i.period, i.yoy_pct, i.qualifier, i.target, i.sentence, i.sentence_start, i.sentence_end,
    i.start_offset, i.end_offset, i.extractor_version, i.dagster_run_id AS indicator_run_id, i.source,
    a.id AS article_id, a.title, a.paper, a.edition_date, a.url AS article_url, a.origin, a.layout_no,
    a.layout_name, a.dagster_run_id AS article_run_id, a.raw_page_ids,
    p.id AS raw_page_id, p.url AS page_url, p.http_status, p.fetched_at, p.content_hash, p.archive_path,
    p.archive_offset, p.dagster_run_id AS page_run_id,
    c.id AS crawl_run_id, c.status AS crawl_status, c.started_at AS crawl_started_at,
    c.dagster_run_id AS crawl_dagster_run_id
FROM indicators i
JOIN articles a ON a.id = i.article_id
JOIN raw_pages p ON p.id = a.raw_page_id
JOIN crawl_runs c ON c.id = p.crawl_run_id
WHERE i.id = %(indicator_id)s;
