-- Statements of the raw_pages asset: crawl runs, the pages seen, drift events.

-- name: start_crawl_run
INSERT INTO crawl_runs (paper, edition_date, source, status, dagster_run_id)
VALUES (%(paper)s, %(edition_date)s, %(source)s, 'running', %(dagster_run_id)s)
RETURNING id;

-- name: finish_crawl_run
UPDATE crawl_runs SET
    status = %(status)s, finished_at = now(), error = %(error)s, archive_path = %(archive_path)s,
    requests = %(requests)s, responses_2xx = %(responses_2xx)s, responses_3xx = %(responses_3xx)s,
    responses_4xx = %(responses_4xx)s, responses_5xx = %(responses_5xx)s, not_modified = %(not_modified)s,
    pages_new = %(pages_new)s, pages_changed = %(pages_changed)s, pages_unchanged = %(pages_unchanged)s,
    pages_failed = %(pages_failed)s, drift_events = %(drift_events)s, bytes_received = %(bytes_received)s
WHERE id = %(id)s;

-- name: fail_crawl_run
UPDATE crawl_runs SET status = 'failed', finished_at = now(), error = %(error)s WHERE id = %(id)s;

-- name: known_pages
SELECT url, etag, last_modified, content_hash, body IS NOT NULL AS has_body
FROM raw_pages WHERE paper = %(paper)s AND edition_date = %(edition_date)s;

-- name: upsert_fetched_page
INSERT INTO raw_pages (
    url, paper, edition_date, profile, page_kind, meta, fetched_at, http_status, headers, etag,
    last_modified, content_hash, body, archive_path, archive_offset, fetch_error, last_checked_at, source,
    crawl_run_id, last_crawl_run_id, dagster_run_id)
VALUES (
    %(url)s, %(paper)s, %(edition_date)s, %(profile)s, %(page_kind)s, %(meta)s, %(fetched_at)s,
    %(http_status)s, %(headers)s, %(etag)s, %(last_modified)s, %(content_hash)s, %(body)s,
    %(archive_path)s, %(archive_offset)s, NULL, %(fetched_at)s, %(source)s, %(crawl_run_id)s,
    %(crawl_run_id)s, %(dagster_run_id)s)
ON CONFLICT (paper, edition_date, url) DO UPDATE SET
    profile = EXCLUDED.profile, page_kind = EXCLUDED.page_kind, meta = EXCLUDED.meta,
    fetched_at = EXCLUDED.fetched_at, http_status = EXCLUDED.http_status, headers = EXCLUDED.headers,
    etag = EXCLUDED.etag, last_modified = EXCLUDED.last_modified, content_hash = EXCLUDED.content_hash,
    body = EXCLUDED.body, archive_path = EXCLUDED.archive_path, archive_offset = EXCLUDED.archive_offset,
    fetch_error = NULL, last_checked_at = EXCLUDED.last_checked_at, source = EXCLUDED.source,
    crawl_run_id = EXCLUDED.crawl_run_id, last_crawl_run_id = EXCLUDED.last_crawl_run_id,
    dagster_run_id = EXCLUDED.dagster_run_id;

-- name: touch_unchanged_page
-- The stored body is still current: keep it, the crawl that fetched it and what parsing it found (its kind and
-- meta: a 304 carries no body to classify); note this check.
UPDATE raw_pages SET
    meta = %(meta)s || raw_pages.meta, fetch_error = NULL,
    last_checked_at = %(checked_at)s, last_crawl_run_id = %(crawl_run_id)s
WHERE paper = %(paper)s AND edition_date = %(edition_date)s AND url = %(url)s;

-- name: record_page_without_body
-- A failure (or a redirect) never overwrites a good body fetched earlier; it is recorded beside it.
INSERT INTO raw_pages (
    url, paper, edition_date, profile, page_kind, meta, fetched_at, http_status, headers, body,
    archive_path, archive_offset, fetch_error, last_checked_at, source, crawl_run_id, last_crawl_run_id,
    dagster_run_id)
VALUES (
    %(url)s, %(paper)s, %(edition_date)s, %(profile)s, %(page_kind)s, %(meta)s, %(fetched_at)s,
    %(http_status)s, %(headers)s, NULL, %(archive_path)s, %(archive_offset)s, %(reason)s, %(fetched_at)s,
    %(source)s, %(crawl_run_id)s, %(crawl_run_id)s, %(dagster_run_id)s)
ON CONFLICT (paper, edition_date, url) DO UPDATE SET
    fetch_error = EXCLUDED.fetch_error, last_checked_at = EXCLUDED.last_checked_at,
    last_crawl_run_id = EXCLUDED.last_crawl_run_id,
    http_status = CASE WHEN raw_pages.body IS NULL THEN EXCLUDED.http_status ELSE raw_pages.http_status END,
    page_kind = CASE WHEN raw_pages.body IS NULL THEN EXCLUDED.page_kind ELSE raw_pages.page_kind END;

-- name: delete_drift_events
DELETE FROM drift_events WHERE paper = %(paper)s AND edition_date = %(edition_date)s;

-- name: insert_drift_event
INSERT INTO drift_events (crawl_run_id, paper, edition_date, url, profile, selector, detail, dagster_run_id)
VALUES (%(crawl_run_id)s, %(paper)s, %(edition_date)s, %(url)s, %(profile)s, %(selector)s, %(detail)s,
        %(dagster_run_id)s);
